//! A filter on any of many terms of one field, read into one bitset per segment.
//!
//! The map cell cover is tens of terms; as a union of posting lists every candidate costs a
//! step through all of them and the other clauses then seek into the union. Read once into a
//! bitset (one insert per posting, 128 KiB per million documents), the intersection can lead
//! with it and skip straight from one candidate to the next.

use tantivy::query::{
    BitSetDocSet, ConstScorer, EnableScoring, Explanation, Query, Scorer, Weight,
};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{DocId, Score, SegmentReader, TantivyError, Term};
use tantivy_common::BitSet;

/// Matches the documents that have any of `terms` (all of `field`); scores a constant.
#[derive(Debug, Clone)]
pub(crate) struct AnyTermBitset {
    field: Field,
    terms: Vec<Term>,
}

impl AnyTermBitset {
    pub(crate) fn new(field: Field, terms: Vec<Term>) -> AnyTermBitset {
        AnyTermBitset { field, terms }
    }
}

impl Query for AnyTermBitset {
    fn weight(&self, _: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        Ok(Box::new(self.clone()))
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a Term, bool)) {
        for term in &self.terms {
            visitor(term, false);
        }
    }
}

impl Weight for AnyTermBitset {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        let mut docs = BitSet::with_max_value(reader.max_doc());
        let inverted = reader.inverted_index(self.field)?;
        for term in &self.terms {
            let Some(info) = inverted.get_term_info(term)? else {
                continue;
            };
            let mut block =
                inverted.read_block_postings_from_terminfo(&info, IndexRecordOption::Basic)?;
            while !block.docs().is_empty() {
                for &doc in block.docs() {
                    docs.insert(doc);
                }
                block.advance();
            }
        }
        Ok(Box::new(ConstScorer::new(BitSetDocSet::from(docs), boost)))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        if self.scorer(reader, 1.0)?.seek(doc) == doc {
            Ok(Explanation::new("AnyTermBitset", 1.0))
        } else {
            Err(TantivyError::InvalidArgument(format!(
                "document {doc} does not match"
            )))
        }
    }
}
