//! Top-k search for a text that matches a large part of the index.
//!
//! A question such as "sport" matches a tenth of a national register, and scoring every match
//! to show ten of them is what made such a search slow. Here the text is a flat sum of leaves
//! (a word in a field, a prefix, a concept), each with the most it can add (`Leaf::bound`).
//! Once the page is full, its worst score is a floor, and MaxScore (Turtle & Flood, 1995)
//! applies: the leaves with the smallest bounds whose bounds together stay below the floor
//! are *non-essential*, since a document that matches only those cannot reach the page.
//! Candidates then come from the essential leaves only; the others are looked up for a
//! candidate, and a candidate is dropped as soon as its bound falls below the floor. The page
//! is the same as scoring every match would give (recall 100 %), because the bounds are true
//! upper bounds and ties are kept.
//!
//! What is skipped is not counted, so the total and the facets come from a sample: every
//! match is counted until the segment's share of [`super::EXACT_UP_TO`] offers (a small
//! result is counted exactly, as before), then only the matches in windows of [`WINDOW`]
//! documents spread evenly over the rest of the segment, each standing for `stride` offers.
//! Windows, not a prefix, so an import that put one region first does not tilt the count.

use tantivy::fastfield::AliveBitSet;
use tantivy::query::{EnableScoring, Scorer, Weight};
use tantivy::{DocId, DocSet, Searcher, SegmentOrdinal, SegmentReader, TERMINATED};

use super::collector::{Collected, OfferCollector, SegmentOffers};
use super::query::Parts;

/// Documents in one counting window of a segment's sampled part.
const WINDOW: DocId = 128;
/// Bounds are sums of f32s compared with other sums of f32s: a candidate is dropped only when
/// its bound is below the floor by more than rounding could explain.
const ROUNDING: f32 = 1.0 + 1e-4;

/// The best `collector.wanted` hits of `parts`, with the total and facets (estimated when
/// the matches were many).
pub(crate) fn search(
    searcher: &Searcher,
    parts: &Parts,
    collector: &OfferCollector,
) -> tantivy::Result<Collected> {
    use tantivy::collector::Collector;

    let scoring = EnableScoring::enabled_from_searcher(searcher);
    let filtering = EnableScoring::disabled_from_searcher(searcher);
    let leaves = parts
        .leaves
        .iter()
        .map(|l| Ok((l.query.weight(scoring)?, l.bound)))
        .collect::<tantivy::Result<Vec<_>>>()?;
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
        Segment::open(&leaves, &required, excluded.as_deref(), reader)?.run(&mut offers);
        fruits.push(tantivy::collector::SegmentCollector::harvest(offers));
    }
    collector.merge_fruits(fruits)
}

/// A leaf's scorer in one segment.
struct Leaf {
    scorer: Box<dyn Scorer>,
    bound: f32,
}

impl Leaf {
    /// Moves to the first document at or after `target`, where it is.
    fn at_least(&mut self, target: DocId) -> DocId {
        let doc = self.scorer.doc();
        if doc < target {
            self.scorer.seek(target)
        } else {
            doc
        }
    }
}

struct Segment<'a> {
    /// In query order: a hit's score is summed in this order, as the union of the whole
    /// query sums it.
    leaves: Vec<Leaf>,
    /// Indexes into `leaves`, the smallest bound first.
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
        leaves: &[(Box<dyn Weight>, f32)],
        required: &[Box<dyn Weight>],
        excluded: Option<&dyn Weight>,
        reader: &'a SegmentReader,
    ) -> tantivy::Result<Segment<'a>> {
        let mut open = Vec::with_capacity(leaves.len());
        for (weight, bound) in leaves {
            let scorer = weight.scorer(reader, 1.0)?;
            if scorer.doc() != TERMINATED {
                open.push(Leaf {
                    scorer,
                    bound: *bound,
                });
            }
        }
        let mut by_bound: Vec<usize> = (0..open.len()).collect();
        by_bound.sort_by(|a, b| open[*a].bound.total_cmp(&open[*b].bound));
        let below = by_bound
            .iter()
            .scan(0.0f32, |sum, i| {
                *sum += open[*i].bound;
                Some(*sum)
            })
            .collect();
        Ok(Segment {
            leaves: open,
            by_bound,
            below,
            required: required
                .iter()
                .map(|w| w.scorer(reader, 1.0))
                .collect::<tantivy::Result<_>>()?,
            excluded: excluded.map(|w| w.scorer(reader, 1.0)).transpose()?,
            alive: reader.alive_bitset(),
            max_doc: reader.max_doc(),
        })
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

    /// MaxScore from `pos` up to `end`: only candidates that can reach the page are visited.
    /// Returns where to go on (`end`, or past the end of the segment).
    fn prune(&mut self, mut pos: DocId, end: DocId, offers: &mut SegmentOffers) -> DocId {
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
                if leaf.scorer.doc() == candidate {
                    score += leaf.scorer.score();
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
                    score += leaf.scorer.score();
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
        for filter in &mut self.required {
            let at = if filter.doc() < doc {
                filter.seek(doc)
            } else {
                filter.doc()
            };
            if at != doc {
                return;
            }
        }
        if let Some(excluded) = &mut self.excluded {
            let at = if excluded.doc() < doc {
                excluded.seek(doc)
            } else {
                excluded.doc()
            };
            if at == doc {
                return;
            }
        }
        let mut score = 0.0;
        for leaf in &mut self.leaves {
            if leaf.at_least(doc) == doc {
                score += leaf.scorer.score();
            }
        }
        offers.collect_weighted(doc, score, weight);
    }
}
