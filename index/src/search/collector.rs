//! The collector: exact distance, age range, one hit per offer, facet counts, top of the page.
//!
//! The query has already narrowed the documents to the covering grid cells; here each one is
//! checked against the exact circle (haversine, via `geo`) and box, using fast fields only.

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
    pub top: Vec<Candidate>,
    pub facets: Facets,
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
    /// Offers at several locations: the best location per offer.
    best: HashMap<u64, Candidate>,
}

pub(crate) struct SegmentFruit {
    singles: Vec<Candidate>,
    single_count: usize,
    best: HashMap<u64, Candidate>,
    facets: Facets,
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
        Ok(SegmentOffers {
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
        })
    }

    fn requires_scoring(&self) -> bool {
        true
    }

    fn merge_fruits(&self, fruits: Vec<SegmentFruit>) -> tantivy::Result<Collected> {
        let mut best: HashMap<u64, Candidate> = HashMap::new();
        let mut facets = Facets::default();
        let mut all: Vec<Candidate> = Vec::new();
        let mut singles = 0;
        for fruit in fruits {
            facets.merge(fruit.facets);
            singles += fruit.single_count;
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
        let total = singles + best.len();
        all.extend(best.into_values());
        let sort = self.sort;
        keep_best(&mut all, self.wanted, sort);
        all.sort_by(|a, b| better(sort, a, b));
        Ok(Collected {
            total,
            top: all,
            facets,
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

    fn count_facets(&mut self, doc: DocId) {
        for (_, column, counts) in &mut self.facet_columns {
            for ord in column.term_ords(doc) {
                counts[ord as usize] += 1;
            }
        }
        if self.free.first(doc).unwrap_or(false) {
            self.free_count += 1;
        }
        if self.step_free.first(doc).unwrap_or(false) {
            self.step_free_count += 1;
        }
    }
}

impl SegmentCollector for SegmentOffers {
    type Fruit = SegmentFruit;

    fn collect(&mut self, doc: DocId, score: Score) {
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
        let key = self.key.first(doc).unwrap_or(u64::from(doc));
        let candidate = Candidate {
            score: f64::from(score) * decay * home,
            distance_km,
            address: DocAddress::new(self.segment, doc),
            key,
        };
        let sort = self.settings.sort;
        if !self.shared.first(doc).unwrap_or(false) {
            self.singles.push(candidate);
            self.single_count += 1;
            self.count_facets(doc);
            if self.singles.len() >= 2 * self.settings.wanted.max(32) {
                keep_best(&mut self.singles, self.settings.wanted, sort);
            }
            return;
        }
        match self.best.get_mut(&key) {
            None => {
                self.best.insert(key, candidate);
                self.count_facets(doc);
            }
            Some(old) => {
                if better(sort, &candidate, old).is_lt() {
                    *old = candidate;
                }
            }
        }
    }

    fn harvest(self) -> SegmentFruit {
        let mut facets = Facets {
            free: self.free_count,
            step_free: self.step_free_count,
            ..Facets::default()
        };
        for (name, column, counts) in self.facet_columns {
            let Some(target) = facets.field_mut(name) else {
                continue;
            };
            let used: Vec<(u64, u64)> = counts
                .into_iter()
                .enumerate()
                .filter(|(_, n)| *n > 0)
                .map(|(ord, n)| (ord as u64, n))
                .collect();
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
            facets,
        }
    }
}
