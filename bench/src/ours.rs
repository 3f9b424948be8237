//! Our engine: the `index` crate, on disk, as a node runs it.

use index::{Filters, OfferDoc, SearchIndex, SearchRequest, Sort};

use crate::queries::Query;

pub struct Ours {
    pub index: SearchIndex,
}

impl Ours {
    pub fn build(dir: &std::path::Path, docs: Vec<OfferDoc>) -> Ours {
        let index = SearchIndex::open_or_create(dir).expect("index opens");
        index.replace_all(docs, Some(0)).expect("index builds");
        Ours { index }
    }

    pub fn request(q: &Query) -> SearchRequest {
        SearchRequest {
            text: q.text.clone(),
            near: q.near,
            radius_km: q.radius_km,
            bbox: None,
            filters: Filters {
                kinds: q.kind.map(|k| vec![k.to_string()]).unwrap_or_default(),
                free_only: q.free_only,
                ..Filters::default()
            },
            sort: if q.by_distance {
                Sort::Distance
            } else {
                Sort::Relevance
            },
            offset: 0,
            limit: 20,
        }
    }

    /// Total and the ids of the first page.
    pub fn run(&self, q: &Query) -> (usize, Vec<u128>) {
        let found = self.index.search(&Ours::request(q)).expect("search runs");
        (
            found.total,
            found.hits.iter().map(|h| h.offer_id.as_u128()).collect(),
        )
    }

    pub fn update(&self, batches: &[Vec<OfferDoc>]) {
        for (i, batch) in batches.iter().enumerate() {
            let ids: Vec<_> = batch.iter().map(|d| d.offer_id).collect();
            self.index
                .apply(&ids, batch.clone(), i as u64 + 1)
                .expect("update applies");
        }
    }
}
