//! A union of optional clauses for a search that a place has already narrowed.
//!
//! tantivy's own union buffers: it scores every match of every clause in windows of 4,096
//! documents, which is the fastest way through all matches of a text, and the slowest when
//! the map cells leave a few thousand candidates in a million documents: each seek then scores
//! whole windows that the candidates skip. This one scores only where it is asked: a seek
//! moves each clause to the target, and the score is the sum of the clauses that are there.
//! Scores are the same sums as `BooleanQuery` of `Should` clauses gives.

use tantivy::query::{EnableScoring, Explanation, Query, Scorer, Weight};
use tantivy::{DocId, DocSet, Score, SegmentReader, TERMINATED};

/// Any of `clauses`, scored by the sum of those that match.
#[derive(Debug)]
pub(crate) struct SeekingUnion {
    clauses: Vec<Box<dyn Query>>,
}

impl Clone for SeekingUnion {
    fn clone(&self) -> SeekingUnion {
        SeekingUnion {
            clauses: self.clauses.iter().map(|q| q.box_clone()).collect(),
        }
    }
}

impl SeekingUnion {
    pub(crate) fn new(clauses: Vec<Box<dyn Query>>) -> SeekingUnion {
        SeekingUnion { clauses }
    }
}

impl Query for SeekingUnion {
    fn weight(&self, scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        let weights = self
            .clauses
            .iter()
            .map(|q| q.weight(scoring))
            .collect::<tantivy::Result<_>>()?;
        Ok(Box::new(UnionWeight { weights }))
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a tantivy::Term, bool)) {
        for q in &self.clauses {
            q.query_terms(visitor);
        }
    }
}

struct UnionWeight {
    weights: Vec<Box<dyn Weight>>,
}

impl Weight for UnionWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        let mut parts = Vec::with_capacity(self.weights.len());
        for w in &self.weights {
            let scorer = w.scorer(reader, boost)?;
            if scorer.doc() != TERMINATED {
                parts.push(scorer);
            }
        }
        let doc = parts.iter().map(|p| p.doc()).min().unwrap_or(TERMINATED);
        Ok(Box::new(UnionScorer { parts, doc }))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        let mut scorer = self.scorer(reader, 1.0)?;
        if scorer.seek(doc) != doc {
            return Err(tantivy::TantivyError::InvalidArgument(format!(
                "document {doc} does not match"
            )));
        }
        Ok(Explanation::new("SeekingUnion", scorer.score()))
    }
}

struct UnionScorer {
    parts: Vec<Box<dyn Scorer>>,
    doc: DocId,
}

impl UnionScorer {
    fn settle(&mut self) -> DocId {
        self.doc = self
            .parts
            .iter()
            .map(|p| p.doc())
            .min()
            .unwrap_or(TERMINATED);
        self.doc
    }
}

impl DocSet for UnionScorer {
    fn advance(&mut self) -> DocId {
        let current = self.doc;
        for p in &mut self.parts {
            if p.doc() == current {
                p.advance();
            }
        }
        self.settle()
    }

    fn seek(&mut self, target: DocId) -> DocId {
        for p in &mut self.parts {
            if p.doc() < target {
                p.seek(target);
            }
        }
        self.settle()
    }

    fn doc(&self) -> DocId {
        self.doc
    }

    fn size_hint(&self) -> u32 {
        self.parts.iter().map(|p| p.size_hint()).max().unwrap_or(0)
    }
}

impl Scorer for UnionScorer {
    fn score(&mut self) -> Score {
        let doc = self.doc;
        self.parts
            .iter_mut()
            .filter(|p| p.doc() == doc)
            .map(|p| p.score())
            .sum()
    }
}
