//! [`SearchIndex`]: one writer and one reader per process; a searcher per request.

use std::path::Path;
use std::sync::Mutex;

use tantivy::collector::{Count, TopDocs};
use tantivy::directory::MmapDirectory;
use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, ConstScoreQuery, FuzzyTermQuery, Occur, Query, TermQuery,
};
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::{doc, Index, IndexReader, IndexWriter, ReloadPolicy, TantivyDocument, Term};
use uuid::Uuid;

use super::analyzer::{self, DUTCH};
use super::doc::OfferDoc;
use super::schema::{self, Fields};
use crate::{LatLon, Result};

const WRITER_MEMORY: usize = 50_000_000;
/// Words at least this long also match longer words that start with them.
const MIN_PREFIX_CHARS: usize = 4;
/// The text score is multiplied by this decay so that, among similar matches, nearer wins.
const DISTANCE_HALF_KM: f64 = 3.0;

/// What to search for.
#[derive(Debug, Clone, PartialEq)]
pub struct SearchRequest {
    /// Words as the person typed them; empty means "everything".
    pub text: String,
    /// Search around this point.
    pub near: Option<LatLon>,
    /// Only within this distance of `near`.
    pub radius_km: f64,
    /// How many hits to skip (paging).
    pub offset: usize,
    /// How many hits to return.
    pub limit: usize,
}

impl SearchRequest {
    /// A plain text search: first page, no location.
    pub fn text(text: &str) -> SearchRequest {
        SearchRequest {
            text: text.to_string(),
            near: None,
            radius_km: 10.0,
            offset: 0,
            limit: 20,
        }
    }
}

/// One found offer.
#[derive(Debug, Clone, PartialEq)]
pub struct SearchHit {
    /// The offer.
    pub offer_id: Uuid,
    /// The (nearest) location where it happens.
    pub location_id: Option<Uuid>,
    /// Blended relevance.
    pub score: f64,
    /// Distance from the search point, when there is one.
    pub distance_km: Option<f64>,
}

/// A page of hits and the total number of offers found.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SearchResults {
    /// All offers that match (not only this page).
    pub total: usize,
    /// This page.
    pub hits: Vec<SearchHit>,
}

/// How the index is doing, for `/health`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IndexState {
    /// Documents (offer at location) in the index.
    pub documents: u64,
}

/// The search index over offers, on disk or in RAM.
pub struct SearchIndex {
    index: Index,
    reader: IndexReader,
    /// Writes take the index lock only while they run, so a restarted node (or the `reindex`
    /// command) can open the same directory.
    write_lock: Mutex<()>,
    threads: usize,
    fields: Fields,
}

impl SearchIndex {
    /// An index in memory, for tests and examples.
    pub fn in_ram() -> Result<SearchIndex> {
        let (schema, _) = schema::build();
        SearchIndex::from_index(Index::create_in_ram(schema), 1)
    }

    /// Opens the index in `dir`, creating it when missing. An index that cannot be opened or has
    /// another schema is wiped and created empty: it is derived data, the caller rebuilds it.
    pub fn open_or_create(dir: &Path) -> Result<SearchIndex> {
        std::fs::create_dir_all(dir)?;
        let (schema, _) = schema::build();
        let opened = Index::open_in_dir(dir)
            .ok()
            .filter(|i| i.schema() == schema);
        let index = match opened {
            Some(index) => index,
            None => {
                std::fs::remove_dir_all(dir)?;
                std::fs::create_dir_all(dir)?;
                Index::create(MmapDirectory::open(dir)?, schema, Default::default())?
            }
        };
        SearchIndex::from_index(index, 2)
    }

    fn from_index(index: Index, threads: usize) -> Result<SearchIndex> {
        index.tokenizers().register(DUTCH, analyzer::dutch());
        let (_, fields) = schema::build();
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        Ok(SearchIndex {
            index,
            reader,
            write_lock: Mutex::new(()),
            threads,
            fields,
        })
    }

    /// Replaces every document with `docs` in one commit; searches see old or new, never half.
    pub fn replace_all(&self, docs: Vec<OfferDoc>) -> Result<()> {
        let _guard = self.write_lock.lock().unwrap_or_else(|e| e.into_inner());
        let mut writer: IndexWriter = self
            .index
            .writer_with_num_threads(self.threads, WRITER_MEMORY * self.threads)?;
        writer.delete_all_documents()?;
        for d in docs {
            writer.add_document(self.to_document(d))?;
        }
        writer.commit()?;
        writer.wait_merging_threads()?;
        self.reader.reload()?;
        Ok(())
    }

    /// Number of documents and other facts for health checks.
    pub fn state(&self) -> IndexState {
        IndexState {
            documents: self.reader.searcher().num_docs(),
        }
    }

    fn to_document(&self, d: OfferDoc) -> TantivyDocument {
        let f = &self.fields;
        let mut doc = doc!(
            f.offer_id => d.offer_id.to_string(),
            f.name => d.name,
            f.organisation => d.organisation,
            f.description => d.description,
            f.kind => d.kind,
            f.free => d.free,
            f.active => d.active,
        );
        if let Some(id) = d.location_id {
            doc.add_text(f.location_id, id.to_string());
        }
        for l in d.leefgebieden {
            doc.add_text(f.leefgebied, l);
        }
        for k in d.keywords {
            doc.add_text(f.keywords, k);
        }
        if let (Some(lat), Some(lon)) = (d.lat, d.lon) {
            doc.add_f64(f.lat, lat);
            doc.add_f64(f.lon, lon);
        }
        if let Some(w) = d.wijk_code {
            doc.add_text(f.wijk, w);
        }
        if let Some(g) = d.gemeente_code {
            doc.add_text(f.gemeente, g);
        }
        doc
    }

    fn query(&self, text: &str) -> Box<dyn Query> {
        let f = &self.fields;
        let words = analyzer::terms(text);
        let text_query: Box<dyn Query> = if words.is_empty() {
            Box::new(AllQuery)
        } else {
            let per_word = words
                .iter()
                .map(|w| (Occur::Should, self.word_query(w)))
                .collect();
            Box::new(BooleanQuery::new(per_word))
        };
        let active = TermQuery::new(
            Term::from_field_bool(f.active, true),
            IndexRecordOption::Basic,
        );
        Box::new(BooleanQuery::new(vec![
            (Occur::Must, text_query),
            (
                Occur::Must,
                Box::new(ConstScoreQuery::new(Box::new(active), 0.0)),
            ),
        ]))
    }

    /// One word in any text field: exact stem scores highest; longer words also match as a
    /// prefix, so "voetbal" finds "voetballen" and "voetbalclub" (Dutch compounds).
    fn word_query(&self, word: &str) -> Box<dyn Query> {
        let f = &self.fields;
        let fields = [
            (f.name, 3.0),
            (f.keywords, 1.5),
            (f.organisation, 1.0),
            (f.description, 1.0),
        ];
        let mut parts: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for (field, weight) in fields {
            let term = Term::from_field_text(field, word);
            let exact = TermQuery::new(term.clone(), IndexRecordOption::WithFreqs);
            parts.push((
                Occur::Should,
                Box::new(BoostQuery::new(Box::new(exact), weight)),
            ));
            if word.chars().count() >= MIN_PREFIX_CHARS {
                let prefix = FuzzyTermQuery::new_prefix(term, 0, true);
                // Prefix matches score a constant, set to weigh about as much as a good exact match.
                parts.push((
                    Occur::Should,
                    Box::new(BoostQuery::new(Box::new(prefix), weight * 2.0)),
                ));
            }
        }
        Box::new(BooleanQuery::new(parts))
    }

    /// Searches; hits are unique per offer (its nearest location wins).
    pub fn search(&self, request: &SearchRequest) -> Result<SearchResults> {
        let searcher = self.reader.searcher();
        let query = self.query(&request.text);
        let matching = searcher.search(&query, &Count)?;
        let top = searcher.search(&query, &TopDocs::with_limit(matching.max(1)))?;
        let mut hits: Vec<SearchHit> = Vec::with_capacity(top.len());
        for (score, address) in top {
            let doc: TantivyDocument = searcher.doc(address)?;
            let Some(hit) = self.hit(&doc, f64::from(score), request) else {
                continue;
            };
            hits.push(hit);
        }
        if request.near.is_some() && request.text.trim().is_empty() {
            hits.sort_by(|a, b| {
                a.distance_km
                    .unwrap_or(f64::MAX)
                    .total_cmp(&b.distance_km.unwrap_or(f64::MAX))
            });
        } else {
            hits.sort_by(|a, b| b.score.total_cmp(&a.score));
        }
        let mut seen = std::collections::HashSet::new();
        hits.retain(|h| seen.insert(h.offer_id));
        let total = hits.len();
        let hits = hits
            .into_iter()
            .skip(request.offset)
            .take(request.limit)
            .collect();
        Ok(SearchResults { total, hits })
    }

    fn hit(&self, doc: &TantivyDocument, score: f64, request: &SearchRequest) -> Option<SearchHit> {
        let f = &self.fields;
        let offer_id = doc
            .get_first(f.offer_id)
            .and_then(|v| v.as_str())?
            .parse()
            .ok()?;
        let location_id = doc
            .get_first(f.location_id)
            .and_then(|v| v.as_str())
            .and_then(|s| s.parse().ok());
        let at = match (
            doc.get_first(f.lat).and_then(|v| v.as_f64()),
            doc.get_first(f.lon).and_then(|v| v.as_f64()),
        ) {
            (Some(lat), Some(lon)) => LatLon::parse(lat, lon).ok(),
            _ => None,
        };
        let distance_km = match (request.near, at) {
            (Some(near), Some(at)) => Some(near.distance_km(at)),
            _ => None,
        };
        if request.near.is_some() && !distance_km.is_some_and(|d| d <= request.radius_km) {
            return None;
        }
        let decay = distance_km.map_or(1.0, |d| 0.5f64.powf(d / DISTANCE_HALF_KM) * 0.5 + 0.5);
        Some(SearchHit {
            offer_id,
            location_id,
            score: score * decay,
            distance_km,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(name: &str, lat: f64, lon: f64) -> OfferDoc {
        OfferDoc {
            name: name.into(),
            lat: Some(lat),
            lon: Some(lon),
            ..OfferDoc::example()
        }
    }

    #[test]
    fn text_search_finds_words_in_any_form_and_accent() {
        let index = SearchIndex::in_ram().unwrap();
        index
            .replace_all(vec![doc("Taalcafé voor iedereen", 52.08, 5.11)])
            .unwrap();
        assert_eq!(
            index
                .search(&SearchRequest::text("taalcafe"))
                .unwrap()
                .total,
            1
        );
        assert_eq!(
            index.search(&SearchRequest::text("zwemmen")).unwrap().total,
            0
        );
    }

    #[test]
    fn a_word_also_finds_longer_words_and_compounds_that_start_with_it() {
        let index = SearchIndex::in_ram().unwrap();
        let club = doc("Voetbalclub West", 52.08, 5.11);
        let kids = doc("Voetballen voor kinderen", 52.08, 5.11);
        index
            .replace_all(vec![club, kids, doc("Judo", 52.08, 5.11)])
            .unwrap();
        assert_eq!(
            index.search(&SearchRequest::text("voetbal")).unwrap().total,
            2
        );
    }

    #[test]
    fn the_exact_word_ranks_above_a_longer_word() {
        let index = SearchIndex::in_ram().unwrap();
        let exact = doc("Koken", 52.08, 5.11);
        let longer = doc("Kookclub koken-en-meer kokenschool", 52.08, 5.11);
        let other = OfferDoc {
            name: "Kokenboek lezen".into(),
            ..doc("x", 52.08, 5.11)
        };
        index
            .replace_all(vec![other, exact.clone(), longer])
            .unwrap();
        let found = index.search(&SearchRequest::text("koken")).unwrap();
        assert_eq!(found.hits[0].offer_id, exact.offer_id);
    }

    #[test]
    fn inactive_offers_are_never_found() {
        let index = SearchIndex::in_ram().unwrap();
        let closed = OfferDoc {
            active: false,
            ..doc("Taalcafé", 52.08, 5.11)
        };
        index.replace_all(vec![closed]).unwrap();
        assert_eq!(index.search(&SearchRequest::text("")).unwrap().total, 0);
    }

    #[test]
    fn a_radius_keeps_only_nearby_offers_nearest_first() {
        let index = SearchIndex::in_ram().unwrap();
        let far = doc("Koor Amsterdam", 52.37, 4.90);
        let near = doc("Koor De Meern", 52.078, 5.044);
        let middle = doc("Koor Centrum", 52.088, 5.116);
        index
            .replace_all(vec![far, middle.clone(), near.clone()])
            .unwrap();
        let request = SearchRequest {
            near: Some(LatLon::parse(52.078, 5.044).unwrap()),
            radius_km: 10.0,
            ..SearchRequest::text("")
        };
        let found = index.search(&request).unwrap();
        let ids: Vec<_> = found.hits.iter().map(|h| h.offer_id).collect();
        assert_eq!(ids, vec![near.offer_id, middle.offer_id]);
        assert!(found.hits[1].distance_km.unwrap() > 4.0);
    }

    #[test]
    fn replace_all_rebuilds_instead_of_adding() {
        let index = SearchIndex::in_ram().unwrap();
        index
            .replace_all(vec![doc("A", 52.0, 5.0), doc("B", 52.0, 5.0)])
            .unwrap();
        index.replace_all(vec![doc("C", 52.0, 5.0)]).unwrap();
        assert_eq!(index.state().documents, 1);
    }

    #[test]
    fn a_corrupt_index_directory_is_recreated_empty() {
        let dir = tempfile_dir();
        std::fs::write(dir.join("meta.json"), b"not json").unwrap();
        let index = SearchIndex::open_or_create(&dir).unwrap();
        assert_eq!(index.state().documents, 0);
        let _ = std::fs::remove_dir_all(dir);
    }

    fn tempfile_dir() -> std::path::PathBuf {
        let dir = std::env::temp_dir().join(format!("sk-index-{}", Uuid::new_v4()));
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }
}
