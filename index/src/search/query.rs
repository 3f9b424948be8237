//! Turning a [`SearchRequest`] into a tantivy query: words (with synonyms, typos and prefixes),
//! exact filters and the spatial prefilter. Distance and age are checked in the collector.

use tantivy::query::{
    AllQuery, Bm25Weight, BooleanQuery, BoostQuery, ConstScoreQuery, FuzzyTermQuery, Occur,
    PhraseQuery, Query, TermQuery,
};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{Searcher, Term};

use super::cells::{self, BoundingBox};
use super::concepts::Concept;
use super::request::SearchRequest;
use super::schema::Fields;
use super::synonyms::{Clause, Member, Synonyms};
use super::termset::AnyTermBitset;
use super::union::SeekingUnion;
use super::wordlist::{two_parts, Wordlist};

/// Most words of one search that become clauses: each word adds up to a dozen term, prefix
/// and typo clauses, so an unbounded text (4,000 words) would cost seconds and gigabytes. The
/// rest is ignored; people type a handful.
pub const MAX_QUERY_WORDS: usize = 12;
/// Most characters of one search that are analysed at all.
pub const MAX_QUERY_CHARS: usize = 500;
/// Most values per filter list (kinds, wijken, ...).
const MAX_FILTER_VALUES: usize = 64;

/// Words at least this long also match longer words that start with them ("voetbal" finds
/// "voetballen" and "voetbalclub": Dutch compounds).
const MIN_PREFIX_CHARS: usize = 4;
/// Words at least this long tolerate one typo.
const ONE_TYPO_CHARS: usize = 5;
/// Words at least this long tolerate two typos.
const TWO_TYPOS_CHARS: usize = 9;

type Clauses = Vec<(Occur, Box<dyn Query>)>;

/// One optional part of a text query: its score is added to a hit's when it matches. The text
/// part of a search is a flat sum of these, so that a top-k search can skip documents whose
/// parts cannot add up to the page (see `pruned.rs`).
pub(crate) struct Leaf {
    pub query: Box<dyn Query>,
    /// The most it adds to a score; infinite when not known (phrases, compounds).
    pub bound: f32,
    /// Set when the leaf is a word in one field: the same word reached twice (typed and as a
    /// synonym) becomes one leaf of the summed weight, and a top-k search reads its postings.
    word: Option<Word>,
}

/// A word in one field, its weight, and BM25 for it boosted by the weight: computed once, for
/// the bound and for the top-k search that scores the word's postings itself.
#[derive(Clone)]
pub(crate) struct Word {
    pub term: Term,
    weight: f32,
    pub bm25: Bm25Weight,
}

impl Leaf {
    fn new(query: Box<dyn Query>, bound: f32) -> Leaf {
        Leaf {
            query,
            bound,
            word: None,
        }
    }

    /// The word, when the leaf is a word in one field.
    pub fn word(&self) -> Option<&Word> {
        self.word.as_ref()
    }
}

impl Clone for Leaf {
    fn clone(&self) -> Leaf {
        Leaf {
            query: self.query.box_clone(),
            bound: self.bound,
            word: self.word.clone(),
        }
    }
}

/// A search as one query, and, when its ranking allows, the same in parts for a top-k search.
pub(crate) struct Built {
    pub query: Box<dyn Query>,
    pub parts: Option<Parts>,
}

/// A search whose score is the sum of optional text leaves, with filters that score nothing
/// and the inactive offers left out: the shape a top-k search can prune.
pub(crate) struct Parts {
    pub leaves: Vec<Leaf>,
    pub required: Vec<Box<dyn Query>>,
    pub excluded: Option<Box<dyn Query>>,
}

pub(crate) fn build(
    f: &Fields,
    searcher: &Searcher,
    wordlist: Option<&Wordlist>,
    request: &SearchRequest,
    concepts: &[&Concept],
) -> Built {
    let cover = area(request).and_then(|a| cells::cover(&a, circle(request)));
    let words = Words {
        f,
        searcher,
        wordlist,
        seeking: cover.is_some(),
    };
    let mut meant = concept_clauses(f, concepts);
    meant.extend(audience_of_age(f, request.filters.age));
    let mut also: Vec<&str> = Vec::new();
    for word in concepts.iter().flat_map(|c| c.also.iter()) {
        if !also.contains(&word.as_str()) {
            also.push(word);
            meant.extend(words.exact_leaves(word, ALSO_WEIGHT));
        }
    }
    let typed = words.text_leaves(&request.text);
    // What every hit must have besides words: filters and the cells around the place.
    let mut required: Vec<Box<dyn Query>> = filters(f, request);
    if let Some(cover) = cover {
        let cells = cover
            .iter()
            .map(|c| Term::from_field_text(f.cell, c))
            .collect();
        required.push(Box::new(AnyTermBitset::new(f.cell, cells)));
    }
    let mut must: Clauses = Vec::new();
    let mut leaves = None;
    if typed.is_empty() && meant.is_empty() && !required.is_empty() {
        // Nothing to rank by: the filters alone decide, each hit scoring 1 as it would with
        // "every offer" (which would cost a seek per candidate for nothing).
        for (i, filter) in required.iter().enumerate() {
            let score = if i == 0 { 1.0 } else { 0.0 };
            let filter = filter.box_clone();
            must.push((Occur::Must, Box::new(ConstScoreQuery::new(filter, score))));
        }
    } else {
        let text = if typed.is_empty() {
            // Nothing to match on: every offer, the concepts only order them.
            let mut all: Clauses = vec![(Occur::Must, Box::new(AllQuery))];
            all.extend(meant.into_iter().map(|l| (Occur::Should, l.query)));
            Box::new(BooleanQuery::new(all)) as Box<dyn Query>
        } else {
            // A word or a concept must match, never all of them: a question is ranked by how
            // much of it an offer answers, and part of it matching nearby is never zero results.
            let mut typed = typed;
            typed.extend(meant);
            let typed = words.merged(typed);
            // Where a place narrows the candidates they lead, and there is nothing to prune.
            if !words.seeking {
                leaves = Some(typed.clone());
            }
            words.any(typed)
        };
        must.push((Occur::Must, text));
        for filter in &required {
            let filter = filter.box_clone();
            must.push((Occur::Must, Box::new(ConstScoreQuery::new(filter, 0.0))));
        }
    }
    let excluded = (!request.filters.include_inactive).then(|| {
        let hidden = Term::from_field_bool(f.hidden, true);
        Box::new(TermQuery::new(hidden, IndexRecordOption::Basic)) as Box<dyn Query>
    });
    if let Some(hidden) = &excluded {
        must.push((Occur::MustNot, hidden.box_clone()));
    }
    Built {
        query: Box::new(BooleanQuery::new(must)),
        parts: leaves.map(|leaves| Parts {
            leaves,
            required,
            excluded,
        }),
    }
}

/// The circle every hit must lie in, when there is one.
fn circle(request: &SearchRequest) -> Option<(crate::LatLon, f64)> {
    request.near.zip(request.radius_km)
}

/// The box that holds every possible hit: the circle's box, the map box, or both.
pub(crate) fn area(request: &SearchRequest) -> Option<BoundingBox> {
    let circle = match (request.near, request.radius_km) {
        (Some(at), Some(r)) => Some(BoundingBox::around(at, r)),
        _ => None,
    };
    match (circle, request.bbox) {
        (Some(c), Some(b)) => Some(BoundingBox {
            south: c.south.max(b.south),
            west: c.west.max(b.west),
            north: c.north.min(b.north).max(c.south.max(b.south)),
            east: c.east.min(b.east).max(c.west.max(b.west)),
        }),
        (c, b) => c.or(b),
    }
}

fn text_fields(f: &Fields) -> [(Field, f32); 4] {
    [
        (f.name, 3.0),
        (f.keywords, 1.5),
        (f.organisation, 1.0),
        (f.description, 1.0),
    ]
}

/// Builds word queries; looks at the index to decide when typo tolerance is needed.
struct Words<'a> {
    f: &'a Fields,
    searcher: &'a Searcher,
    /// A Dutch word list, when the node has one, for splitting compounds.
    wordlist: Option<&'a Wordlist>,
    /// True when a place narrows the candidates: optional clauses then seek (see `union.rs`).
    seeking: bool,
}

impl Words<'_> {
    /// Any of `leaves`, scored by the sum of those that match: tantivy's buffered union when
    /// the words lead, a seeking one when the map cells have already narrowed the candidates.
    fn any(&self, leaves: Vec<Leaf>) -> Box<dyn Query> {
        let parts = leaves.into_iter().map(|l| l.query);
        if self.seeking {
            Box::new(SeekingUnion::new(parts.collect()))
        } else {
            Box::new(BooleanQuery::new(
                parts.map(|q| (Occur::Should, q)).collect(),
            ))
        }
    }

    /// The leaves of every word or synonym group of the text (none for an empty text). A word
    /// is the sum of its leaves, the text the sum of its words: one flat sum.
    fn text_leaves(&self, text: &str) -> Vec<Leaf> {
        capped_clauses(text)
            .iter()
            .flat_map(|clause| match clause {
                Clause::Word(word) => self.word_leaves(word),
                Clause::Synonyms { typed, members } => self.synonym_leaves(typed, members),
            })
            .collect()
    }

    /// True when some document has exactly this word.
    fn known(&self, word: &str) -> bool {
        text_fields(self.f).iter().any(|(field, _)| {
            self.searcher
                .doc_freq(&Term::from_field_text(*field, word))
                .unwrap_or(0)
                > 0
        })
    }

    /// One word in any text field: the exact word scores by BM25; longer words that start with
    /// it score a constant. Only a word that no document has is treated as a typo: spelled
    /// words stay precise (and fast), misspelled ones still find something.
    fn word_leaves(&self, word: &str) -> Vec<Leaf> {
        let chars = word.chars().count();
        let typo = chars >= ONE_TYPO_CHARS && !self.known(word);
        let mut leaves = Vec::new();
        for (field, weight) in text_fields(self.f) {
            let term = Term::from_field_text(field, word);
            leaves.push(self.term_leaf(term.clone(), weight));
            if chars >= MIN_PREFIX_CHARS {
                let prefix = FuzzyTermQuery::new_prefix(term.clone(), 0, true);
                leaves.push(const_leaf(Box::new(prefix), weight * 2.0));
            }
            // Typos are looked for in names and keywords only: the long descriptions would make
            // the automaton walk most of their dictionary, for little gain.
            if typo && (field == self.f.name || field == self.f.keywords) {
                let typos = if chars >= TWO_TYPOS_CHARS { 2 } else { 1 };
                let fuzzy = FuzzyTermQuery::new(term, typos, true);
                leaves.push(const_leaf(Box::new(fuzzy), weight));
            }
        }
        if typo {
            if let Some(compound) = self.compound_query(word) {
                leaves.push(Leaf::new(compound, f32::INFINITY));
            }
        }
        leaves
    }

    /// A compound that no document has, read as its parts. With a Dutch word list, the split
    /// must be into two real words ("computer|les", never "comp|uterles"); the parts the index
    /// has are then required, and a part no offer uses is left out ("voetbalclub" finds the
    /// offers about "voetbal" when none says "club"). Without a list, both parts must be words
    /// of the index. `None` when no split is known.
    fn compound_query(&self, word: &str) -> Option<Box<dyn Query>> {
        let Some(list) = self.wordlist else {
            return self.compound_of_index_words(word);
        };
        for (head, tail) in list.splits(word) {
            let known: Vec<String> = [head, tail]
                .iter()
                .filter_map(|part| self.known_form(part))
                .collect();
            if !known.is_empty() {
                let parts: Clauses = known
                    .iter()
                    .map(|part| (Occur::Must, self.exact_query(part)))
                    .collect();
                return Some(Box::new(BooleanQuery::new(parts)));
            }
        }
        None
    }

    /// A compound read as two words that documents do have, both required: "taalhulp" finds
    /// "hulp bij taal", "huiswerkbegeleiding" finds "begeleiding bij huiswerk". The index's
    /// own words are the dictionary, so a split never invents a word the data does not use.
    /// Longest first part first; a linking "s" may end it ("vrijwilligerswerk").
    fn compound_of_index_words(&self, word: &str) -> Option<Box<dyn Query>> {
        let (head, tail) = two_parts(word, |part| self.known_form(part)).next()?;
        Some(Box::new(BooleanQuery::new(vec![
            (Occur::Must, self.exact_query(&head)),
            (Occur::Must, self.exact_query(&tail)),
        ])))
    }

    /// The part as the index has it: as it is, or stemmed. Parts of an analysed word are
    /// already lowercase and folded, so only the stemmer is needed, not the whole analyzer.
    fn known_form(&self, part: &str) -> Option<String> {
        if self.known(part) {
            return Some(part.to_string());
        }
        let stem = super::analyzer::stem(part);
        self.known(&stem).then_some(stem)
    }

    /// The exact word in any text field, by BM25.
    fn exact_query(&self, word: &str) -> Box<dyn Query> {
        self.any(self.exact_leaves(word, 1.0))
    }

    /// The exact word in any text field, by BM25 times `factor`.
    fn exact_leaves(&self, word: &str, factor: f32) -> Vec<Leaf> {
        text_fields(self.f)
            .into_iter()
            .map(|(field, weight)| {
                self.term_leaf(Term::from_field_text(field, word), weight * factor)
            })
            .collect()
    }

    /// A word in one field, by BM25 times `weight`; its bound is BM25's maximum for the word
    /// (a very frequent word in the shortest text), computed from the same statistics.
    fn term_leaf(&self, term: Term, weight: f32) -> Leaf {
        let q = TermQuery::new(term.clone(), IndexRecordOption::WithFreqs);
        let query = boost(Box::new(q), weight);
        match Bm25Weight::for_terms(self.searcher, std::slice::from_ref(&term)) {
            Ok(bm25) => {
                let bm25 = bm25.boost_by(weight);
                Leaf {
                    query,
                    bound: bm25.max_score(),
                    word: Some(Word { term, weight, bm25 }),
                }
            }
            // No statistics: the leaf stays a plain query, always looked at.
            Err(_) => Leaf::new(query, f32::INFINITY),
        }
    }

    /// `leaves` with each word in a field once, at the sum of its weights: the same score
    /// (BM25 is linear in the weight), one posting list read instead of two.
    fn merged(&self, leaves: Vec<Leaf>) -> Vec<Leaf> {
        let mut out: Vec<Leaf> = Vec::with_capacity(leaves.len());
        let mut seen: std::collections::HashMap<Term, usize> = std::collections::HashMap::new();
        for leaf in leaves {
            let Some(word) = &leaf.word else {
                out.push(leaf);
                continue;
            };
            match seen.get(&word.term) {
                Some(&at) => {
                    let before = out[at].word.as_ref().map_or(0.0, |w| w.weight);
                    out[at] = self.term_leaf(word.term.clone(), before + word.weight);
                }
                None => {
                    seen.insert(word.term.clone(), out.len());
                    out.push(leaf);
                }
            }
        }
        out
    }

    /// A word or phrase with synonyms: what was typed (with prefix and typo tolerance when it is
    /// one word) or any member of its groups, phrases as phrases.
    fn synonym_leaves(&self, typed: &[String], members: &[Member]) -> Vec<Leaf> {
        let mut leaves = Vec::new();
        if let [word] = typed {
            leaves.extend(self.word_leaves(word));
        }
        for member in members {
            for (field, weight) in text_fields(self.f) {
                leaves.push(match member.as_slice() {
                    [(_, word)] => self.term_leaf(Term::from_field_text(field, word), weight),
                    _ => {
                        let phrase = PhraseQuery::new_with_offset(
                            member
                                .iter()
                                .map(|(p, w)| (*p, Term::from_field_text(field, w)))
                                .collect(),
                        );
                        Leaf::new(boost(Box::new(phrase), weight), f32::INFINITY)
                    }
                });
            }
        }
        leaves
    }
}

/// A query that scores `score` wherever it matches (prefixes and typos: tantivy's automaton
/// queries score their boost).
fn const_leaf(q: Box<dyn Query>, score: f32) -> Leaf {
    Leaf::new(boost(q, score), score)
}

/// What a concept adds to the score of an offer tagged with it: about what one matching word
/// in a description adds, so that the tag finds offers the words miss, while an offer that
/// also says it in words still comes first.
const CONCEPT_SCORE: f32 = 6.0;
/// Audiences count less than topics: "voor senioren" orders the offers about the topic, it is
/// not the topic.
const AUDIENCE_SCORE: f32 = 1.0;

/// What a word a concept also searches for counts, against a word that was typed.
const ALSO_WEIGHT: f32 = 0.5;

/// Optional clauses for the concepts a question names: offers tagged with them match, once
/// per tag however many lines of the list name it. Volunteer roles share an offer's topic
/// only when the question is about helping: "taalhulp" asks for help with Dutch, not for a
/// role teaching it (a role still matches by its words).
fn concept_clauses(f: &Fields, concepts: &[&Concept]) -> Vec<Leaf> {
    let helping = concepts
        .iter()
        .any(|c| c.taxonomy == "kenmerk" && c.code == "vrijwilligerswerk");
    let not_roles = |leaf: Leaf| -> Leaf {
        if helping {
            return leaf;
        }
        let role = TermQuery::new(
            Term::from_field_text(f.kind, super::doc::ROLE_KIND),
            IndexRecordOption::Basic,
        );
        let only_offers = BooleanQuery::new(vec![
            (Occur::Must, leaf.query),
            (Occur::MustNot, Box::new(role) as Box<dyn Query>),
        ]);
        Leaf::new(Box::new(only_offers), leaf.bound)
    };
    let mut seen: Vec<(&str, &str)> = Vec::new();
    concepts
        .iter()
        .filter(|c| {
            let key = (c.taxonomy.as_str(), c.code.as_str());
            let new = !seen.contains(&key);
            seen.push(key);
            new
        })
        .filter_map(|c| {
            let topic = |field, code, score| {
                Some(not_roles(const_clause(
                    Term::from_field_text(field, code),
                    score,
                )))
            };
            let (term, score) = match (c.taxonomy.as_str(), c.code.as_str()) {
                ("leefgebied", code) => return topic(f.leefgebied, code, CONCEPT_SCORE),
                ("doelgroep", code) => return topic(f.doelgroep, code, AUDIENCE_SCORE),
                ("kenmerk", "gratis") => (Term::from_field_bool(f.free, true), AUDIENCE_SCORE),
                ("kenmerk", "vrijwilligerswerk") => (
                    Term::from_field_text(f.kind, super::doc::ROLE_KIND),
                    CONCEPT_SCORE,
                ),
                _ => return None,
            };
            Some(const_clause(term, score))
        })
        .collect()
}

/// An age says something about whom the question is for: offers for that audience count a
/// little more (the age filter itself already leaves out what does not fit).
fn audience_of_age(f: &Fields, age: Option<u8>) -> Option<Leaf> {
    let audience = match age? {
        0..=12 => "kinderen",
        13..=23 => "jongeren",
        24..=64 => return None,
        _ => "ouderen",
    };
    Some(const_clause(
        Term::from_field_text(f.doelgroep, audience),
        AUDIENCE_SCORE,
    ))
}

fn const_clause(term: Term, score: f32) -> Leaf {
    let q = TermQuery::new(term, IndexRecordOption::Basic);
    Leaf::new(Box::new(ConstScoreQuery::new(Box::new(q), score)), score)
}

/// The words and synonym groups of a search, at most [`MAX_QUERY_WORDS`] of them, from at most
/// [`MAX_QUERY_CHARS`] characters: the work a search does never grows with its length.
fn capped_clauses(text: &str) -> Vec<Clause> {
    let mut clauses = Synonyms::shipped().clauses(capped_text(text));
    clauses.truncate(MAX_QUERY_WORDS);
    clauses
}

/// The first [`MAX_QUERY_CHARS`] characters of a search: all that is analysed.
pub(crate) fn capped_text(text: &str) -> &str {
    match text.char_indices().nth(MAX_QUERY_CHARS) {
        Some((cut, _)) => &text[..cut],
        None => text,
    }
}

fn boost(q: Box<dyn Query>, weight: f32) -> Box<dyn Query> {
    Box::new(BoostQuery::new(q, weight))
}

fn any_of_terms(terms: Vec<Term>) -> Box<dyn Query> {
    let parts: Clauses = terms
        .into_iter()
        .map(|t| {
            (
                Occur::Should,
                Box::new(TermQuery::new(t, IndexRecordOption::Basic)) as Box<dyn Query>,
            )
        })
        .collect();
    Box::new(BooleanQuery::new(parts))
}

fn any_of(field: Field, values: &[String]) -> Option<Box<dyn Query>> {
    (!values.is_empty()).then(|| {
        any_of_terms(
            values
                .iter()
                .take(MAX_FILTER_VALUES)
                .map(|v| Term::from_field_text(field, v))
                .collect(),
        )
    })
}

fn filters(f: &Fields, request: &SearchRequest) -> Vec<Box<dyn Query>> {
    let r = &request.filters;
    let days: Vec<String> = r.days.iter().map(u8::to_string).collect();
    let mut out: Vec<Box<dyn Query>> = [
        any_of(f.kind, &r.kinds),
        any_of(f.leefgebied, &r.leefgebieden),
        any_of(f.doelgroep, &r.doelgroepen),
        any_of(f.day, &days),
        any_of(f.language, &r.languages),
        any_of(f.wijk, &r.wijken),
        any_of(f.gemeente, &r.gemeenten),
    ]
    .into_iter()
    .flatten()
    .collect();
    if r.free_only {
        out.push(any_of_terms(vec![Term::from_field_bool(f.free, true)]));
    }
    if r.step_free_only {
        out.push(any_of_terms(vec![Term::from_field_bool(f.step_free, true)]));
    }
    if r.no_referral_needed {
        out.push(any_of_terms(vec![Term::from_field_bool(
            f.no_referral,
            true,
        )]));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_search_of_thousands_of_words_uses_only_the_first_few() {
        let long: Vec<String> = (0..4000).map(|n| format!("woord{n}")).collect();
        let clauses = capped_clauses(&long.join(" "));
        assert_eq!(clauses.len(), MAX_QUERY_WORDS);
        let one_huge_word = "a".repeat(100_000);
        assert!(capped_clauses(&one_huge_word).len() <= 1);
        let short = "voetbal voor kinderen in de wijk";
        assert_eq!(capped_clauses(short), Synonyms::shipped().clauses(short));
    }
}
