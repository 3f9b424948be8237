//! [`SearchIndex`]: one reader per process, a searcher per request, writes one at a time.

use std::path::Path;
use std::sync::{Arc, Mutex, OnceLock};

use tantivy::directory::error::LockError;
use tantivy::directory::MmapDirectory;
use tantivy::schema::Value;
use tantivy::{doc, Index, IndexReader, IndexWriter, ReloadPolicy, TantivyDocument, Term};
use uuid::Uuid;

use super::analyzer::{self, DUTCH};
use super::cells;
use super::collector::OfferCollector;
use super::concepts::Concepts;
use super::doc::OfferDoc;
use super::facets::Facets;
use super::pruned;
use super::query;
use super::request::{SearchRequest, Sort};
use super::schema::{self, Fields, AGE_MAX_DEFAULT, AGE_MIN_DEFAULT};
use super::wordlist::Wordlist;
use crate::{Geocoder, LatLon, Result};

/// Deepest page (offset + limit) a search prunes for; `matching_offers` asks for everything.
const PRUNED_UP_TO: usize = 1_000;
/// The index writer's memory per thread for a change from the log (a few thousand offers).
const WRITER_MEMORY_PER_THREAD: usize = 50_000_000;
/// The same for a rebuild: three times fewer segments to write and merge made a rebuild of
/// 1M offers about a quarter faster (29-34 s against 39-42 s, engine alone). Taken only as
/// documents fill it, and given back when the rebuild ends.
const REBUILD_MEMORY_PER_THREAD: usize = 150_000_000;
/// Longest wait for the writer lock another process holds.
const WRITER_WAIT: std::time::Duration = std::time::Duration::from_secs(60);

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

/// A page of hits, the total number of offers found and the facet counts.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SearchResults {
    /// All offers that match (not only this page); an estimate when `total_estimated`.
    pub total: usize,
    /// True when the total is estimated: a search by relevance that matched many more than
    /// [`crate::EXACT_UP_TO`] offers skipped the matches that could not reach the page and
    /// counted a sample. The page is always exact.
    pub total_estimated: bool,
    /// True when the facet counts are estimated from a sample of the matches (there were more
    /// than about [`crate::EXACT_UP_TO`]), false when every match was counted.
    pub estimated: bool,
    /// This page.
    pub hits: Vec<SearchHit>,
    /// Counts per filter value over all matching offers.
    pub facets: Facets,
    /// What the question was understood to be about, in words ("ontmoeting", "gratis"), for
    /// "we zochten naar: ..." on the page.
    pub understood: Vec<String>,
}

/// What a write is: a rebuild writes everything and may set any position; a change from the
/// log only moves the position forward (see [`SearchIndex::apply`]).
#[derive(Debug, Clone, Copy)]
enum Write {
    Rebuild,
    Change,
}

/// How the index is doing, for `/health`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IndexState {
    /// Documents (offer at location) in the index.
    pub documents: u64,
    /// The last change-log position applied, when known.
    pub position: Option<u64>,
}

/// The search index over offers, on disk or in RAM.
pub struct SearchIndex {
    index: Index,
    reader: IndexReader,
    /// Writes take tantivy's lock only while they run, so a restarted node or the `reindex`
    /// command can open the same directory (and a write waits while the other one writes).
    write_lock: Mutex<()>,
    threads: usize,
    fields: Fields,
    /// A Dutch word list for splitting compounds, when the node has one.
    wordlist: OnceLock<Arc<Wordlist>>,
}

impl SearchIndex {
    /// An index in memory with a single-threaded writer, for tests and examples.
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
            wordlist: OnceLock::new(),
        })
    }

    /// Splits compounds into the words of `list` from now on (once; later calls are ignored).
    pub fn use_wordlist(&self, list: Arc<Wordlist>) {
        let _ = self.wordlist.set(list);
    }

    /// tantivy's writer, waiting while another process on the same directory holds it (the
    /// `reindex` or `demo` command beside a running node whose follower is writing): those
    /// writes take seconds, and giving up would fail a command for nothing.
    fn writer(&self, memory_per_thread: usize) -> Result<IndexWriter> {
        let memory = memory_per_thread * self.threads;
        let started = std::time::Instant::now();
        loop {
            match self.index.writer_with_num_threads(self.threads, memory) {
                Err(tantivy::TantivyError::LockFailure(LockError::LockBusy, _))
                    if started.elapsed() < WRITER_WAIT =>
                {
                    std::thread::sleep(std::time::Duration::from_millis(50));
                }
                other => return Ok(other?),
            }
        }
    }

    /// Runs `change` and commits it with `position`; a [`Write::Change`] does nothing when the
    /// index is already at `position` or beyond (checked under the write lock).
    fn write(
        &self,
        position: Option<u64>,
        kind: Write,
        change: impl FnOnce(&IndexWriter) -> Result<()>,
    ) -> Result<()> {
        let (only_forward, memory) = match kind {
            Write::Rebuild => (false, REBUILD_MEMORY_PER_THREAD),
            Write::Change => (true, WRITER_MEMORY_PER_THREAD),
        };
        let _guard = self.write_lock.lock().unwrap_or_else(|e| e.into_inner());
        let have = self.state().position;
        if only_forward && have.zip(position).is_some_and(|(have, new)| have >= new) {
            return Ok(());
        }
        let mut writer = self.writer(memory)?;
        change(&writer)?;
        let mut commit = writer.prepare_commit()?;
        if let Some(p) = position {
            commit.set_payload(&p.to_string());
        }
        commit.commit()?;
        writer.wait_merging_threads()?;
        self.reader.reload()?;
        Ok(())
    }

    /// Replaces every document in one commit; searches see old or new, never half. `position` is
    /// the change-log position the documents reflect.
    pub fn replace_all(&self, docs: Vec<OfferDoc>, position: Option<u64>) -> Result<()> {
        let mut docs = Some(docs);
        self.replace_all_from(|| Ok(docs.take()), position)
    }

    /// [`replace_all`](Self::replace_all) with the documents read batch by batch: `next`
    /// gives the next batch, `None` at the end. Memory holds one batch, not every document,
    /// and reading the next batch overlaps with indexing the last. All documents of an offer
    /// must be in one batch. When `next` fails, nothing is committed.
    pub fn replace_all_from(
        &self,
        mut next: impl FnMut() -> Result<Option<Vec<OfferDoc>>>,
        position: Option<u64>,
    ) -> Result<()> {
        self.write(position, Write::Rebuild, |writer| {
            writer.delete_all_documents()?;
            while let Some(docs) = next()? {
                self.add_all(writer, docs)?;
            }
            Ok(())
        })
    }

    /// Replaces the documents of the `changed` offers with `docs` (offers without docs are gone
    /// or no longer public), in one commit. Changes up to a position the index already has are
    /// skipped: a rebuild that ran meanwhile read them, and the position never goes back.
    pub fn apply(&self, changed: &[Uuid], docs: Vec<OfferDoc>, position: u64) -> Result<()> {
        self.write(Some(position), Write::Change, |writer| {
            for id in changed {
                writer.delete_term(Term::from_field_text(self.fields.offer_id, &id.to_string()));
            }
            self.add_all(writer, docs)
        })
    }

    /// Adds documents; every document of an offer must be in `docs` (true for both callers:
    /// a rebuild has all, an update has all documents of each changed offer).
    fn add_all(&self, writer: &IndexWriter, docs: Vec<OfferDoc>) -> Result<()> {
        let mut per_offer: std::collections::HashMap<Uuid, usize> =
            std::collections::HashMap::new();
        for d in &docs {
            *per_offer.entry(d.offer_id).or_default() += 1;
        }
        for d in docs {
            let shared = per_offer.get(&d.offer_id).is_some_and(|n| *n > 1);
            writer.add_document(self.to_document(d, shared))?;
        }
        Ok(())
    }

    /// Number of documents and the change-log position.
    pub fn state(&self) -> IndexState {
        let position = self
            .index
            .load_metas()
            .ok()
            .and_then(|m| m.payload)
            .and_then(|p| p.parse().ok());
        IndexState {
            documents: self.reader.searcher().num_docs(),
            position,
        }
    }

    fn to_document(&self, d: OfferDoc, shared: bool) -> TantivyDocument {
        let f = &self.fields;
        let mut doc = doc!(
            f.offer_id => d.offer_id.to_string(),
            f.offer_key => offer_key(d.offer_id),
            f.name => d.name,
            f.organisation => d.organisation,
            f.description => d.description,
            f.kind => d.kind,
            f.hidden => !d.is_active(),
            f.free => d.free,
            f.step_free => d.step_free,
            f.no_referral => d.no_referral_needed,
            f.shared => shared,
            f.min_age => d.min_age.map_or(AGE_MIN_DEFAULT, u64::from),
            f.max_age => d.max_age.map_or(AGE_MAX_DEFAULT, u64::from),
        );
        if let Some(id) = d.location_id {
            doc.add_text(f.location_id, id.to_string());
        }
        let multi = [
            (f.leefgebied, d.leefgebieden),
            (f.doelgroep, d.doelgroepen),
            (f.keywords, d.keywords),
            (f.language, d.languages),
            (f.day, d.days.iter().map(u8::to_string).collect()),
        ];
        for (field, values) in multi {
            for v in values {
                doc.add_text(field, v);
            }
        }
        if let Some(at) = d
            .lat
            .zip(d.lon)
            .and_then(|(lat, lon)| LatLon::parse(lat, lon).ok())
        {
            doc.add_f64(f.lat, at.lat());
            doc.add_f64(f.lon, at.lon());
            for cell in cells::cells(at) {
                doc.add_text(f.cell, cell);
            }
        }
        if let Some(w) = d.wijk_code {
            doc.add_text(f.wijk, w);
        }
        if let Some(g) = d.gemeente_code {
            doc.add_text(f.gemeente, g);
        }
        doc
    }

    /// Searches: one hit per offer (its best location), facets over all matching offers.
    pub fn search(&self, request: &SearchRequest) -> Result<SearchResults> {
        request.validate()?;
        let read = request.with_age_from_text();
        let mut results = self.collect(&read, read.offset + read.limit, true)?;
        if let (None, Some(age)) = (request.filters.age, read.filters.age) {
            results.understood.push(format!("{age} jaar"));
        }
        Ok(results)
    }

    /// The offers of every hit (at most [`crate::MAX_OFFSET`]), best first, in one pass: for
    /// callers that filter by text or place and page elsewhere (the HSDS API). `offset` and
    /// `limit` of the request are ignored.
    pub fn matching_offers(&self, request: &SearchRequest) -> Result<Vec<Uuid>> {
        let request = SearchRequest {
            offset: 0,
            limit: 1,
            ..request.with_age_from_text()
        };
        request.validate()?;
        let all = SearchRequest {
            limit: super::request::MAX_OFFSET,
            ..request
        };
        Ok(self
            .collect(&all, all.limit, false)?
            .hits
            .into_iter()
            .map(|h| h.offer_id)
            .collect())
    }

    /// The same as [`SearchIndex::search`], scoring and counting every match: what a search
    /// that skips matches must equal.
    #[cfg(test)]
    pub(crate) fn search_every_match(&self, request: &SearchRequest) -> Result<SearchResults> {
        let read = request.with_age_from_text();
        self.collect(&read, read.offset + read.limit, false)
    }

    /// The best `wanted` hits; `prune` allows skipping matches that cannot reach them.
    fn collect(
        &self,
        request: &SearchRequest,
        wanted: usize,
        prune: bool,
    ) -> Result<SearchResults> {
        let searcher = self.reader.searcher();
        let concepts = Concepts::shipped().found_in(query::capped_text(&request.text));
        let wordlist = self.wordlist.get().map(|l| l.as_ref());
        let built = query::build(&self.fields, &searcher, wordlist, request, &concepts);
        let home_gemeente = request
            .near
            .and_then(|at| Geocoder::embedded().areas(at).gemeente_code)
            .and_then(|code| code.as_bytes().try_into().ok());
        let collector = OfferCollector {
            near: request.near,
            radius_km: request.radius_km,
            bbox: request.bbox,
            age: request.filters.age,
            sort: request.sort,
            wanted,
            home_gemeente,
            documents: searcher.num_docs(),
        };
        let collected = match &built.parts {
            // Ranked by relevance and asked for a page, not for everything: matches that
            // cannot reach the page are skipped.
            Some(parts) if prune && request.sort == Sort::Relevance && wanted <= PRUNED_UP_TO => {
                pruned::search(&searcher, parts, &collector)?
            }
            _ => searcher.search(&built.query, &collector)?,
        };
        let mut hits = Vec::with_capacity(request.limit.min(wanted));
        for c in collected.top.into_iter().skip(request.offset) {
            let doc: TantivyDocument = searcher.doc(c.address)?;
            let text = |field| {
                doc.get_first(field)
                    .and_then(|v| v.as_str())
                    .and_then(|s| s.parse().ok())
            };
            let Some(offer_id) = text(self.fields.offer_id) else {
                continue;
            };
            hits.push(SearchHit {
                offer_id,
                location_id: text(self.fields.location_id),
                score: c.score,
                distance_km: c.distance_km,
            });
        }
        Ok(SearchResults {
            total: collected.total,
            total_estimated: collected.total_estimated,
            estimated: collected.facets_estimated,
            hits,
            facets: collected.facets,
            understood: concepts.iter().map(|c| c.label.clone()).collect(),
        })
    }
}

/// A 64-bit key per offer for fast de-duplication (the uuid's high half; v4/v5 are random there).
fn offer_key(id: Uuid) -> u64 {
    (id.as_u128() >> 64) as u64 ^ (id.as_u128() as u64)
}
