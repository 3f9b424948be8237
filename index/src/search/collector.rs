//! The collector: exact distance, age range, one hit per offer, facet counts, top of the page.
//!
//! The query has already narrowed the documents to the covering grid cells; here each one is
//! checked against the exact circle (haversine, via `geo`) and box, using fast fields only.
//!
//! Here every match is looked at, so the total and the page are exact (a search by relevance
//! without a place feeds only the matches that can reach the page, see `pruned.rs`); what is
//! kept cheap is the rest. A match that cannot reach the page is dropped before its other
//! columns are read, and facets are counted over a sample (by a hash of the document) once there are more than
//! [`crate::EXACT_UP_TO`] offers (every match until then, so small result sets count exactly).

use std::collections::HashMap;

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::{Column, StrColumn};
use tantivy::{DocAddress, DocId, Score, SegmentOrdinal, SegmentReader};

use super::cells::BoundingBox;
use super::facets::Facets;
use super::request::Sort;
use super::schema::{
    AGE_MAX_DEFAULT, AGE_MIN_DEFAULT, DAY, DOELGROEP, FREE, GEMEENTE, KIND, LANGUAGE, LAT,
    LEEFGEBIED, LON, MAX_AGE, MIN_AGE, OFFER_KEY, SHARED, STEP_FREE, WIJK,
};
use crate::LatLon;

/// Distance at which the distance part of the blend has halved.
const DISTANCE_HALF_KM: f64 = 3.0;
/// Offers in the gemeente the search starts from count this much more: much of the social
/// domain (schuldhulp, the voedselbank, Veilig Thuis, the buurtteam) serves its own residents,
/// so the place across the border, though as near, is rarely the one to go to.
const HOME_GEMEENTE_BOOST: f64 = 1.6;
const FACET_FIELDS: [&str; 6] = [KIND, LEEFGEBIED, DOELGROEP, DAY, LANGUAGE, WIJK];
/// Facets are counted over every matching offer up to at least this many (over the whole
/// index), and over a hashed sample of between this many and twice as many above it.
pub const EXACT_UP_TO: usize = 10_000;
/// Most values of one facet in an answer, the most frequent first (as search engines do:
/// Meilisearch's `maxValuesPerFacet` is 100 too); a page shows a dozen at most, and a search
/// across the country would otherwise answer with thousands of wijk codes.
pub const MAX_FACET_VALUES: usize = 100;
/// Values of one facet a segment turns into text when its counts are estimates anyway: the
/// most frequent, more than an answer keeps. (Thousands of wijk codes per segment were a
/// third of a search across the country.)
const SAMPLED_FACET_VALUES: usize = 2 * MAX_FACET_VALUES;
/// A top-k search counts a fifth of what a full pass samples: every match it counts is a
/// match it could otherwise have skipped.
const PRUNED_SAMPLE_SHARE: usize = 5;
/// A search by relevance counts its total exactly up to this many offers (spread over the
/// segments by their size) and estimates it above.
pub const COUNTED_EXACTLY_UP_TO: usize = EXACT_UP_TO / PRUNED_SAMPLE_SHARE;
/// Smallest facet sample of a segment, so a small segment of a large index is not counted
/// from a handful of offers.
const MIN_SAMPLE: usize = 256;

/// One candidate hit.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Candidate {
    pub score: f64,
    pub distance_km: Option<f64>,
    pub address: DocAddress,
    /// The offer's key: equal scores and distances are ordered by it, so the order does not
    /// depend on which segment a rebuild put a document in.
    pub key: u64,
}

/// What the collector returns.
pub(crate) struct Collected {
    pub total: usize,
    /// True when the total is estimated from a sample (a top-k search that skipped matches).
    pub total_estimated: bool,
    pub top: Vec<Candidate>,
    pub facets: Facets,
    /// True when the facet counts are estimated from a sample.
    pub facets_estimated: bool,
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct OfferCollector {
    pub near: Option<LatLon>,
    pub radius_km: Option<f64>,
    pub bbox: Option<BoundingBox>,
    pub age: Option<u8>,
    pub sort: Sort,
    /// offset + limit: how many of the best to return, in order.
    pub wanted: usize,
    /// The CBS code ("GM0344") of the gemeente the search starts from.
    pub home_gemeente: Option<[u8; 6]>,
    /// Documents in the whole index: a segment counts facets exactly for its share of
    /// [`crate::EXACT_UP_TO`] and samples above it.
    pub documents: u64,
}

pub(crate) struct SegmentOffers {
    settings: OfferCollector,
    segment: SegmentOrdinal,
    key: Column<u64>,
    lat: Column<f64>,
    lon: Column<f64>,
    min_age: Column<u64>,
    max_age: Column<u64>,
    free: Column<bool>,
    step_free: Column<bool>,
    facet_columns: Vec<(&'static str, StrColumn, Vec<u64>)>,
    free_count: u64,
    step_free_count: u64,
    shared: Column<bool>,
    /// The gemeente column and the home gemeente's number in it, when this segment has it.
    home: Option<(StrColumn, u64)>,
    /// Offers at one location: no de-duplication needed, only the best are kept.
    singles: Vec<Candidate>,
    single_count: usize,
    /// The worst of `singles` after they were last cut to `wanted`: a match that is not at
    /// least as good cannot reach the page, so its other columns are never read.
    floor: Option<Candidate>,
    /// Offers at several locations: the best location per offer, for the page.
    best: HashMap<u64, Candidate>,
    /// Offers at several locations that were counted, with the number of offers each stands
    /// for (more than one in a sample).
    counted_shared: HashMap<u64, u64>,
    /// Singles and shared offers counted, weighted as in `counted_shared`.
    counted: u64,
    /// True when part of the segment was skipped and the counts are estimates.
    skipped: bool,
    /// About one in `stride` new offers, for the facet counts; the stride doubles (and about
    /// half the sample goes) when the sample reaches twice `sample_size`.
    sample: Vec<DocId>,
    sample_size: usize,
    stride: u64,
}

pub(crate) struct SegmentFruit {
    singles: Vec<Candidate>,
    single_count: usize,
    best: HashMap<u64, Candidate>,
    counted_shared: HashMap<u64, u64>,
    facets: Facets,
    /// True when the facets were counted over a sample.
    sampled: bool,
    /// True when the counts are estimates.
    skipped: bool,
}

/// How a match is counted.
#[derive(Debug, Clone, Copy)]
enum Counting {
    /// As one offer, its facets when the hashed sample takes it.
    Sampled,
    /// As this many offers, its facets too.
    Direct(u64),
    /// Not: it was found only as a candidate for the page.
    No,
}

impl Counting {
    /// How many offers it counts a new offer as.
    fn weight(self) -> u64 {
        match self {
            Counting::Sampled => 1,
            Counting::Direct(w) => w,
            Counting::No => 0,
        }
    }
}

/// True when `doc` is in the sample of one in `stride` (a power of two); the sample at twice
/// the stride is a subset of this one.
fn sampled(doc: DocId, stride: u64) -> bool {
    // splitmix64's finaliser: neighbouring ids get unrelated bits.
    let mut x = u64::from(doc).wrapping_add(0x9e37_79b9_7f4a_7c15);
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^= x >> 31;
    x & (stride - 1) == 0
}

/// Keeps the `wanted` best of `list` (unordered).
fn keep_best(list: &mut Vec<Candidate>, wanted: usize, sort: Sort) {
    if wanted == 0 {
        list.clear();
    } else if list.len() > wanted {
        list.select_nth_unstable_by(wanted - 1, |a, b| better(sort, a, b));
        list.truncate(wanted);
    }
}

/// True when `a` should come before `b`.
fn better(sort: Sort, a: &Candidate, b: &Candidate) -> std::cmp::Ordering {
    let far = |c: &Candidate| c.distance_km.unwrap_or(f64::MAX);
    let by_score = b.score.total_cmp(&a.score);
    let by_distance = far(a).total_cmp(&far(b));
    let tie = a.key.cmp(&b.key).then(
        a.address
            .segment_ord
            .cmp(&b.address.segment_ord)
            .then(a.address.doc_id.cmp(&b.address.doc_id)),
    );
    match sort {
        Sort::Relevance => by_score.then(by_distance).then(tie),
        Sort::Distance => by_distance.then(by_score).then(tie),
    }
}

impl Collector for OfferCollector {
    type Fruit = Collected;
    type Child = SegmentOffers;

    fn for_segment(
        &self,
        segment: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<Self::Child> {
        let fast = reader.fast_fields();
        let mut facet_columns = Vec::new();
        for name in FACET_FIELDS {
            if let Some(column) = fast.str(name)? {
                let counts = vec![0; column.num_terms()];
                facet_columns.push((name, column, counts));
            }
        }
        let home = match (self.home_gemeente, fast.str(GEMEENTE)?) {
            (Some(code), Some(column)) => {
                column.dictionary().term_ord(code)?.map(|ord| (column, ord))
            }
            _ => None,
        };
        let share = EXACT_UP_TO as u64 * u64::from(reader.max_doc()) / self.documents.max(1);
        Ok(SegmentOffers {
            sample: Vec::new(),
            sample_size: (share as usize).max(MIN_SAMPLE),
            stride: 1,
            floor: None,
            settings: *self,
            home,
            segment,
            key: fast.u64(OFFER_KEY)?,
            lat: fast.f64(LAT)?,
            lon: fast.f64(LON)?,
            min_age: fast.u64(MIN_AGE)?,
            max_age: fast.u64(MAX_AGE)?,
            free: fast.bool(FREE)?,
            step_free: fast.bool(STEP_FREE)?,
            facet_columns,
            free_count: 0,
            step_free_count: 0,
            shared: fast.bool(SHARED)?,
            singles: Vec::new(),
            single_count: 0,
            best: HashMap::new(),
            counted_shared: HashMap::new(),
            counted: 0,
            skipped: false,
        })
    }

    fn requires_scoring(&self) -> bool {
        true
    }

    fn merge_fruits(&self, fruits: Vec<SegmentFruit>) -> tantivy::Result<Collected> {
        let mut best: HashMap<u64, Candidate> = HashMap::new();
        let mut shared: HashMap<u64, u64> = HashMap::new();
        let mut facets = Facets::default();
        let mut all: Vec<Candidate> = Vec::new();
        let mut singles = 0;
        let mut facets_estimated = false;
        let mut total_estimated = false;
        for fruit in fruits {
            facets_estimated |= fruit.sampled | fruit.skipped;
            total_estimated |= fruit.skipped;
            facets.merge(fruit.facets);
            singles += fruit.single_count;
            for (key, weight) in fruit.counted_shared {
                let counted = shared.entry(key).or_default();
                *counted = (*counted).max(weight);
            }
            all.extend(fruit.singles);
            for (key, c) in fruit.best {
                match best.get(&key) {
                    Some(old) if better(self.sort, old, &c).is_le() => {}
                    _ => {
                        best.insert(key, c);
                    }
                }
            }
        }
        facets.keep_most_frequent(MAX_FACET_VALUES);
        let total = singles + shared.values().sum::<u64>() as usize;
        all.extend(best.into_values());
        let sort = self.sort;
        keep_best(&mut all, self.wanted, sort);
        all.sort_by(|a, b| better(sort, a, b));
        Ok(Collected {
            total,
            total_estimated,
            top: all,
            facets,
            facets_estimated,
        })
    }
}

impl SegmentOffers {
    fn place(&self, doc: DocId) -> Option<(f64, f64)> {
        Some((self.lat.first(doc)?, self.lon.first(doc)?))
    }

    /// Distance when there is a point; `None` in the outer option when the doc is out of area.
    fn distance(&self, doc: DocId) -> Option<Option<f64>> {
        let s = self.settings;
        if s.bbox.is_none() && s.near.is_none() {
            // No place asked: a radius alone finds nothing, anything else needs no columns.
            return s.radius_km.is_none().then_some(None);
        }
        let place = self.place(doc);
        if let Some(b) = s.bbox {
            let (lat, lon) = place?;
            if !b.contains(lat, lon) {
                return None;
            }
        }
        let distance = match (s.near, place) {
            (Some(near), Some((lat, lon))) => {
                LatLon::parse(lat, lon).ok().map(|p| near.distance_km(p))
            }
            _ => None,
        };
        if let Some(radius) = s.radius_km {
            if !distance.is_some_and(|d| d <= radius) {
                return None;
            }
        }
        Some(distance)
    }

    fn age_fits(&self, doc: DocId) -> bool {
        let Some(age) = self.settings.age else {
            return true;
        };
        let min = self.min_age.first(doc).unwrap_or(AGE_MIN_DEFAULT);
        let max = self.max_age.first(doc).unwrap_or(AGE_MAX_DEFAULT);
        (min..=max).contains(&u64::from(age))
    }

    /// Counts `doc` in the facets as `weight` offers (the sample's stride).
    fn count_facets(&mut self, doc: DocId, weight: u64) {
        for (_, column, counts) in &mut self.facet_columns {
            for ord in column.term_ords(doc) {
                counts[ord as usize] += weight;
            }
        }
        if self.free.first(doc).unwrap_or(false) {
            self.free_count += weight;
        }
        if self.step_free.first(doc).unwrap_or(false) {
            self.step_free_count += weight;
        }
    }

    /// A new offer (not a second location of one already seen): into the facet sample when
    /// its hash says so. A hash, not every n-th match, so a pattern in the order offers were
    /// imported (every fourth a buurthuis) cannot line up with the sample.
    fn sample_offer(&mut self, doc: DocId) {
        if sampled(doc, self.stride) {
            self.sample.push(doc);
            if self.sample.len() >= 2 * self.sample_size {
                self.stride *= 2;
                let stride = self.stride;
                self.sample.retain(|d| sampled(*d, stride));
            }
        }
    }

    /// Offers counted so far, weighted.
    pub(crate) fn counted(&self) -> u64 {
        self.counted
    }

    /// This segment's share of [`EXACT_UP_TO`]: a top-k search counts this many offers
    /// exactly before it samples.
    pub(crate) fn exact_budget(&self) -> u64 {
        (self.sample_size / PRUNED_SAMPLE_SHARE).max(MIN_SAMPLE) as u64
    }

    /// From now on the counts are estimates: part of the segment is skipped.
    pub(crate) fn skip_from_now(&mut self) {
        self.skipped = true;
    }

    /// The text score a match needs to reach the page: below it, no distance or home
    /// gemeente can lift it to the worst of the page so far. `None` until the page is full.
    pub(crate) fn text_floor(&self) -> Option<f32> {
        let floor = self.floor.as_ref()?;
        if self.settings.sort != Sort::Relevance {
            return None;
        }
        // Distance only lowers a score; the home gemeente raises it at most this much.
        let most = if self.home.is_some() {
            HOME_GEMEENTE_BOOST
        } else {
            1.0
        };
        Some((floor.score / most) as f32)
    }

    /// A match found by a top-k search: counted as `weight` offers (with its facets) when
    /// it lies where counting happens, only a candidate for the page otherwise.
    pub(crate) fn collect_weighted(&mut self, doc: DocId, score: Score, weight: Option<u64>) {
        let counting = weight.map_or(Counting::No, Counting::Direct);
        self.offer(doc, score, counting);
    }

    /// Counts a new offer as `counting` says.
    fn count(&mut self, doc: DocId, counting: Counting) {
        match counting {
            Counting::Sampled => {
                self.counted += 1;
                self.sample_offer(doc);
            }
            Counting::Direct(weight) => {
                self.counted += weight;
                self.count_facets(doc, weight);
            }
            Counting::No => {}
        }
    }

    /// One match: counted as `counting` says, kept when it can reach the page.
    fn offer(&mut self, doc: DocId, score: Score, counting: Counting) {
        if !self.age_fits(doc) {
            return;
        }
        let Some(distance_km) = self.distance(doc) else {
            return;
        };
        let decay = distance_km.map_or(1.0, |d| 0.5 + 0.5 * 0.5f64.powf(d / DISTANCE_HALF_KM));
        let at_home = self
            .home
            .as_ref()
            .is_some_and(|(column, ord)| column.term_ords(doc).any(|o| o == *ord));
        let home = if at_home { HOME_GEMEENTE_BOOST } else { 1.0 };
        let score = f64::from(score) * decay * home;
        let sort = self.settings.sort;
        if !self.shared.first(doc).unwrap_or(false) {
            if counting.weight() > 0 {
                self.single_count += counting.weight() as usize;
                self.count(doc, counting);
            }
            if self.below_floor(score, distance_km) {
                return;
            }
            let wanted = self.settings.wanted;
            self.singles.push(Candidate {
                score,
                distance_km,
                address: DocAddress::new(self.segment, doc),
                key: self.key.first(doc).unwrap_or(u64::from(doc)),
            });
            if self.singles.len() >= 2 * wanted.max(32) {
                keep_best(&mut self.singles, wanted, sort);
                self.floor = self.singles.get(wanted.wrapping_sub(1)).copied();
            }
            return;
        }
        let key = self.key.first(doc).unwrap_or(u64::from(doc));
        if counting.weight() > 0 && !self.counted_shared.contains_key(&key) {
            self.counted_shared.insert(key, counting.weight());
            self.count(doc, counting);
        }
        if self.below_floor(score, distance_km) {
            return;
        }
        let candidate = Candidate {
            score,
            distance_km,
            address: DocAddress::new(self.segment, doc),
            key,
        };
        match self.best.get_mut(&key) {
            None => {
                self.best.insert(key, candidate);
            }
            Some(old) => {
                if better(sort, &candidate, old).is_lt() {
                    *old = candidate;
                }
            }
        }
    }

    /// True when a single-location match with this score and distance cannot reach the page.
    fn below_floor(&self, score: f64, distance_km: Option<f64>) -> bool {
        let Some(floor) = &self.floor else {
            return false;
        };
        match self.settings.sort {
            Sort::Relevance => score < floor.score,
            Sort::Distance => {
                distance_km.unwrap_or(f64::MAX) > floor.distance_km.unwrap_or(f64::MAX)
            }
        }
    }
}

impl SegmentCollector for SegmentOffers {
    type Fruit = SegmentFruit;

    fn collect(&mut self, doc: DocId, score: Score) {
        self.offer(doc, score, Counting::Sampled);
    }

    fn harvest(mut self) -> SegmentFruit {
        let sample = std::mem::take(&mut self.sample);
        let stride = self.stride;
        for doc in sample {
            self.count_facets(doc, stride);
        }
        let mut facets = Facets {
            free: self.free_count,
            step_free: self.step_free_count,
            ..Facets::default()
        };
        for (name, column, counts) in self.facet_columns {
            let Some(target) = facets.field_mut(name) else {
                continue;
            };
            let mut used: Vec<(u64, u64)> = counts
                .into_iter()
                .enumerate()
                .filter(|(_, n)| *n > 0)
                .map(|(ord, n)| (ord as u64, n))
                .collect();
            if (stride > 1 || self.skipped) && used.len() > SAMPLED_FACET_VALUES {
                used.select_nth_unstable_by(SAMPLED_FACET_VALUES - 1, |a, b| b.1.cmp(&a.1));
                used.truncate(SAMPLED_FACET_VALUES);
                used.sort_unstable_by_key(|(ord, _)| *ord);
            }

            // One sorted pass over the dictionary instead of a block seek per value.
            let mut counts_in_order = used.iter().map(|(_, n)| *n);
            let ords = used.iter().map(|(ord, _)| *ord);
            let _ = column.dictionary().sorted_ords_to_term_cb(ords, |bytes| {
                let n = counts_in_order.next().unwrap_or(0);
                *target
                    .entry(String::from_utf8_lossy(bytes).into_owned())
                    .or_default() += n;
                Ok(())
            });
        }
        let mut singles = self.singles;
        keep_best(&mut singles, self.settings.wanted, self.settings.sort);
        SegmentFruit {
            singles,
            single_count: self.single_count,
            best: self.best,
            counted_shared: self.counted_shared,
            facets,
            sampled: stride > 1,
            skipped: self.skipped,
        }
    }
}
