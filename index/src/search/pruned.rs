//! Top-k search for a text that matches a large part of the index.
//!
//! A question such as "sport" matches a tenth of a national register, and scoring every match
//! to show twenty of them is what made such a search slow. Here the text is a flat sum of
//! leaves (a word in a field, a prefix, a concept), each with the most it can add. Once the
//! page is full, its worst score is a floor, and MaxScore (Turtle & Flood, 1995) applies: the
//! leaves with the smallest bounds whose bounds together stay below the floor are
//! *non-essential*, since a document that matches only those cannot reach the page.
//! Candidates then come from the essential leaves only; the others are looked up for a
//! candidate, which is dropped as soon as its bound falls below the floor.
//!
//! A word's bound is taken per window of documents from the block maxima tantivy keeps for
//! every 128 postings (as Lucene's block-max MaxScore does): a common word in long
//! descriptions adds far less in most blocks than BM25's maximum, so in most windows it is
//! non-essential and its many documents are never candidates. The page is the one scoring
//! every match gives (the bounds are true upper bounds, and ties are kept).
//!
//! What is skipped is not counted, so the total and the facets come from a sample: every
//! match is counted until the segment's share of [`super::COUNTED_EXACTLY_UP_TO`] offers (a
//! small result is counted exactly), then only the matches in windows of [`WINDOW`] documents
//! spread evenly over the rest of the segment, each standing for `stride` offers. Windows, not
//! a prefix, so an import that put one region first does not tilt the count.

use tantivy::fastfield::AliveBitSet;
use tantivy::fieldnorm::FieldNormReader;
use tantivy::postings::BlockSegmentPostings;
use tantivy::query::{Bm25Weight, EnableScoring, Scorer, Weight};
use tantivy::schema::IndexRecordOption;
use tantivy::{DocId, DocSet, Searcher, SegmentOrdinal, SegmentReader, Term, TERMINATED};

use super::collector::{Collected, OfferCollector, SegmentOffers};
use super::query::Parts;

/// Documents in one counting window of a segment's sampled part.
const WINDOW: DocId = 128;
/// Bounds are sums of f32s compared with other sums of f32s: a candidate is dropped only when
/// its bound is below the floor by more than rounding could explain.
const ROUNDING: f32 = 1.0 + 1e-4;

/// A leaf of the query, ready for every segment.
// A few dozen per search: their size does not matter, an indirection per use would.
#[allow(clippy::large_enum_variant)]
enum Plan {
    /// A word in a field, scored by BM25 as tantivy's term query scores it.
    Term { term: Term, bm25: Bm25Weight },
    /// Anything else (prefixes, typos, concepts, phrases).
    Other(Box<dyn Weight>),
}

/// The best `collector.wanted` hits of `parts`, with the total and facets (estimated when
/// the matches were many).
pub(crate) fn search(
    searcher: &Searcher,
    parts: &Parts,
    collector: &OfferCollector,
) -> tantivy::Result<Collected> {
    use tantivy::collector::{Collector, SegmentCollector};

    let scoring = EnableScoring::enabled_from_searcher(searcher);
    let filtering = EnableScoring::disabled_from_searcher(searcher);
    let mut plans = Vec::with_capacity(parts.leaves.len());
    for leaf in &parts.leaves {
        let plan = match leaf.word() {
            Some(word) => Plan::Term {
                term: word.term.clone(),
                bm25: word.bm25.clone(),
            },
            None => Plan::Other(leaf.query.weight(scoring)?),
        };
        plans.push((plan, leaf.bound));
    }
    let required = parts
        .required
        .iter()
        .map(|q| q.weight(filtering))
        .collect::<tantivy::Result<Vec<_>>>()?;
    let excluded = parts
        .excluded
        .as_ref()
        .map(|q| q.weight(filtering))
        .transpose()?;
    let mut fruits = Vec::new();
    for (ord, reader) in searcher.segment_readers().iter().enumerate() {
        let mut offers = collector.for_segment(ord as SegmentOrdinal, reader)?;
        Segment::open(&plans, &required, excluded.as_deref(), reader)?.run(&mut offers);
        fruits.push(offers.harvest());
    }
    collector.merge_fruits(fruits)
}

/// A word's postings in one segment, block by block.
struct TermPostings {
    postings: BlockSegmentPostings,
    fieldnorms: FieldNormReader,
    bm25: Bm25Weight,
    /// Position of `doc` in the current block.
    cursor: usize,
    doc: DocId,
}

impl TermPostings {
    fn new(
        postings: BlockSegmentPostings,
        fieldnorms: FieldNormReader,
        bm25: Bm25Weight,
    ) -> TermPostings {
        let doc = postings.docs().first().copied().unwrap_or(TERMINATED);
        TermPostings {
            postings,
            fieldnorms,
            bm25,
            cursor: 0,
            doc,
        }
    }

    fn seek(&mut self, target: DocId) -> DocId {
        if self.doc >= target {
            return self.doc;
        }
        let in_block = self
            .postings
            .docs()
            .last()
            .is_some_and(|last| *last >= target);
        if in_block {
            let rest = &self.postings.docs()[self.cursor..];
            self.cursor += rest.partition_point(|d| *d < target);
        } else {
            // The block whose last document is at or after `target` (empty past the end).
            self.postings.seek(target);
            self.cursor = self.postings.docs().partition_point(|d| *d < target);
        }
        self.doc = self
            .postings
            .docs()
            .get(self.cursor)
            .copied()
            .unwrap_or(TERMINATED);
        self.doc
    }

    fn score(&self) -> f32 {
        let norm = self.fieldnorms.fieldnorm_id(self.doc);
        self.bm25.score(norm, self.postings.freq(self.cursor))
    }

    /// The most this word adds to a document of the current block.
    fn block_max(&mut self) -> f32 {
        self.postings.block_max_score(&self.fieldnorms, &self.bm25)
    }

    fn block_last(&self) -> DocId {
        self.postings.docs().last().copied().unwrap_or(TERMINATED)
    }
}

/// Where a leaf's documents come from in one segment.
#[allow(clippy::large_enum_variant)] // as `Plan`: read in the innermost loop, held a few dozen times
enum Source {
    Term(TermPostings),
    Other(Box<dyn Scorer>),
}

/// A leaf in one segment.
struct Leaf {
    source: Source,
    bound: f32,
    /// How many documents it matches in the segment: what making it essential costs.
    cost: f32,
}

impl Leaf {
    fn doc(&self) -> DocId {
        match &self.source {
            Source::Term(t) => t.doc,
            Source::Other(s) => s.doc(),
        }
    }

    /// Moves to the first document at or after `target`, where it is.
    fn at_least(&mut self, target: DocId) -> DocId {
        match &mut self.source {
            Source::Term(t) => t.seek(target),
            Source::Other(s) => at_least(s.as_mut(), target),
        }
    }

    fn score(&mut self) -> f32 {
        match &mut self.source {
            Source::Term(t) => t.score(),
            Source::Other(s) => s.score(),
        }
    }

    /// The most it adds to a document up to the end of its current block, and that end; the
    /// whole segment for a leaf without blocks.
    fn block(&mut self) -> (f32, DocId) {
        match &mut self.source {
            Source::Term(t) => (t.block_max().min(self.bound), t.block_last()),
            Source::Other(_) => (self.bound, TERMINATED),
        }
    }
}

struct Segment<'a> {
    /// In query order: a hit's score is summed in this order, as the union of the whole
    /// query sums it.
    leaves: Vec<Leaf>,
    /// The bound of each leaf in the current window.
    local: Vec<f32>,
    /// Indexes into `leaves`, the least bound per document matched in the current window
    /// first: the leaves that are left out of the candidates are those that add least for
    /// what they would cost (as Lucene orders them), so a common word that adds little
    /// is skipped before a rare one.
    by_bound: Vec<usize>,
    /// `below[i]`: the sum of the bounds of `by_bound[..=i]`.
    below: Vec<f32>,
    required: Vec<Box<dyn Scorer>>,
    excluded: Option<Box<dyn Scorer>>,
    alive: Option<&'a AliveBitSet>,
    max_doc: DocId,
}

impl<'a> Segment<'a> {
    fn open(
        plans: &[(Plan, f32)],
        required: &[Box<dyn Weight>],
        excluded: Option<&dyn Weight>,
        reader: &'a SegmentReader,
    ) -> tantivy::Result<Segment<'a>> {
        let mut leaves = Vec::with_capacity(plans.len());
        for (plan, bound) in plans {
            let source = match plan {
                Plan::Term { term, bm25 } => {
                    let inverted = reader.inverted_index(term.field())?;
                    let Some(postings) =
                        inverted.read_block_postings(term, IndexRecordOption::WithFreqs)?
                    else {
                        continue;
                    };
                    let fieldnorms = reader.get_fieldnorms_reader(term.field())?;
                    Source::Term(TermPostings::new(postings, fieldnorms, bm25.clone()))
                }
                Plan::Other(weight) => Source::Other(weight.scorer(reader, 1.0)?),
            };
            let cost = match &source {
                Source::Term(t) => t.postings.doc_freq(),
                Source::Other(s) => s.size_hint(),
            };
            let leaf = Leaf {
                source,
                bound: *bound,
                cost: cost.max(1) as f32,
            };
            if leaf.doc() != TERMINATED {
                leaves.push(leaf);
            }
        }
        let n = leaves.len();
        let mut segment = Segment {
            local: leaves.iter().map(|l| l.bound).collect(),
            leaves,
            by_bound: (0..n).collect(),
            below: vec![0.0; n],
            required: required
                .iter()
                .map(|w| w.scorer(reader, 1.0))
                .collect::<tantivy::Result<_>>()?,
            excluded: excluded.map(|w| w.scorer(reader, 1.0)).transpose()?,
            alive: reader.alive_bitset(),
            max_doc: reader.max_doc(),
        };
        segment.order();
        Ok(segment)
    }

    /// Sorts the leaves by their bound in this window per document they match, and sums the
    /// bounds up in that order.
    fn order(&mut self) {
        let local = &self.local;
        let leaves = &self.leaves;
        let key = |i: usize| local[i] / leaves[i].cost;
        self.by_bound
            .sort_unstable_by(|a, b| key(*a).total_cmp(&key(*b)));
        let mut sum = 0.0;
        for (j, &i) in self.by_bound.iter().enumerate() {
            sum += self.local[i];
            self.below[j] = sum;
        }
    }

    /// Every match until the exact budget is spent, then windows for counting and MaxScore
    /// between them.
    fn run(mut self, offers: &mut SegmentOffers) {
        let budget = offers.exact_budget();
        let mut pos = 0;
        while offers.counted() < budget {
            let doc = self.next_of_all(pos);
            if doc == TERMINATED {
                return;
            }
            self.visit(doc, offers, Some(1));
            pos = doc + 1;
        }
        // How many windows: enough that the sampled part counts about the budget again.
        let rest = f64::from(self.max_doc - pos);
        let expected = offers.counted() as f64 * rest / f64::from(pos.max(1));
        let stride = ((expected / budget.max(1) as f64).ceil().max(1.0) as u64)
            .next_power_of_two()
            .min(u64::from(DocId::MAX / WINDOW / 2));
        if stride > 1 {
            offers.skip_from_now();
        }
        let start = pos;
        let block = WINDOW * stride as DocId;
        while pos < self.max_doc {
            let block_start = start + (pos - start) / block * block;
            let window_end = block_start + WINDOW;
            if pos < window_end {
                let doc = self.next_of_all(pos);
                if doc == TERMINATED {
                    return;
                }
                if doc >= window_end {
                    pos = window_end.min(doc);
                    continue;
                }
                self.visit(doc, offers, Some(stride));
                pos = doc + 1;
            } else {
                let next_window = block_start.saturating_add(block).min(self.max_doc);
                pos = self.prune(pos, next_window, offers);
            }
        }
    }

    /// The first document at or after `target` that any leaf matches.
    fn next_of_all(&mut self, target: DocId) -> DocId {
        self.leaves
            .iter_mut()
            .map(|l| l.at_least(target))
            .min()
            .unwrap_or(TERMINATED)
    }

    /// Block-max MaxScore from `pos` up to `end`, window by window: a window ends where the
    /// first of the words' current blocks ends, so each word's block maximum bounds it there.
    fn prune(&mut self, mut pos: DocId, end: DocId, offers: &mut SegmentOffers) -> DocId {
        while pos < end {
            if offers.text_floor().is_none() {
                // No page yet, nothing to prune by.
                self.local
                    .iter_mut()
                    .zip(&self.leaves)
                    .for_each(|(l, leaf)| *l = leaf.bound);
                self.order();
                return self.max_score(pos, end, offers);
            }
            let mut window_end = end;
            for (i, leaf) in self.leaves.iter_mut().enumerate() {
                if leaf.at_least(pos) == TERMINATED {
                    self.local[i] = 0.0;
                    continue;
                }
                let (most, last) = leaf.block();
                self.local[i] = most;
                window_end = window_end.min(last.saturating_add(1));
            }
            // A leaf whose next document lies past the window adds nothing in it.
            for (i, leaf) in self.leaves.iter().enumerate() {
                if leaf.doc() >= window_end {
                    self.local[i] = 0.0;
                }
            }
            self.order();
            pos = self.max_score(pos, window_end, offers);
        }
        end
    }

    /// MaxScore from `pos` up to `end` with the current bounds. Returns `end`.
    fn max_score(&mut self, mut pos: DocId, end: DocId, offers: &mut SegmentOffers) -> DocId {
        loop {
            let floor = offers.text_floor().unwrap_or(f32::NEG_INFINITY);
            let beneath = |bound: f32| bound * ROUNDING < floor;
            let optional = self.below.iter().take_while(|b| beneath(**b)).count();
            if optional == self.leaves.len() {
                // Even a document that matches every leaf stays below the page.
                return end;
            }
            let mut candidate = TERMINATED;
            for &i in &self.by_bound[optional..] {
                candidate = candidate.min(self.leaves[i].at_least(pos));
            }
            if candidate >= end {
                return end;
            }
            let mut score = 0.0;
            for &i in &self.by_bound[optional..] {
                let leaf = &mut self.leaves[i];
                if leaf.doc() == candidate {
                    score += leaf.score();
                }
            }
            let mut reaches = true;
            for j in (0..optional).rev() {
                if beneath(score + self.below[j]) {
                    reaches = false;
                    break;
                }
                let leaf = &mut self.leaves[self.by_bound[j]];
                if leaf.at_least(candidate) == candidate {
                    score += leaf.score();
                }
            }
            if reaches {
                self.visit(candidate, offers, None);
            }
            pos = candidate + 1;
        }
    }

    /// A document some leaf matches: when it passes the filters, scored (in query order) and
    /// handed to the collector, counted as `weight` offers or not counted.
    fn visit(&mut self, doc: DocId, offers: &mut SegmentOffers, weight: Option<u64>) {
        if self.alive.is_some_and(|a| a.is_deleted(doc)) {
            return;
        }
        if self
            .required
            .iter_mut()
            .any(|f| at_least(f.as_mut(), doc) != doc)
        {
            return;
        }
        if let Some(excluded) = &mut self.excluded {
            if at_least(excluded.as_mut(), doc) == doc {
                return;
            }
        }
        let mut score = 0.0;
        for leaf in &mut self.leaves {
            if leaf.at_least(doc) == doc {
                score += leaf.score();
            }
        }
        offers.collect_weighted(doc, score, weight);
    }
}

/// Moves `docs` to its first document at or after `target` (tantivy's `seek` must not go
/// back), and returns it.
fn at_least(docs: &mut dyn Scorer, target: DocId) -> DocId {
    let doc = docs.doc();
    if doc < target {
        docs.seek(target)
    } else {
        doc
    }
}
