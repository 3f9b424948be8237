//! What a search asks for: words, a place, filters, an order, a page.

use super::cells::BoundingBox;
use crate::{Error, LatLon, Result};

/// Largest search radius, in km.
pub const MAX_RADIUS_KM: f64 = 300.0;
/// Largest page.
pub const MAX_PAGE_SIZE: usize = 100;
/// Deepest hit a search can page to: the collector keeps `offset + limit` hits in memory.
pub const MAX_OFFSET: usize = 10_000;

/// Result order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    /// Text relevance blended with distance (nearer wins among similar matches).
    #[default]
    Relevance,
    /// Nearest first.
    Distance,
}

/// Exact filters. Within one list any value matches; different filters must all match.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filters {
    /// Kinds: buurthuis, vereniging, initiatief, voorziening.
    pub kinds: Vec<String>,
    /// Leefgebied codes.
    pub leefgebieden: Vec<String>,
    /// Doelgroep codes.
    pub doelgroepen: Vec<String>,
    /// The offer's age range must contain this age.
    pub age: Option<u8>,
    /// Only offers that cost nothing.
    pub free_only: bool,
    /// Only places whose entrance has no steps.
    pub step_free_only: bool,
    /// ISO weekdays (1 = maandag).
    pub days: Vec<u8>,
    /// Only offers without indicatie or referral.
    pub no_referral_needed: bool,
    /// ISO 639-1 language codes.
    pub languages: Vec<String>,
    /// CBS wijk codes.
    pub wijken: Vec<String>,
    /// CBS gemeente codes.
    pub gemeenten: Vec<String>,
    /// Also inactive and temporarily closed offers (never shown unless asked).
    pub include_inactive: bool,
}

/// A search.
#[derive(Debug, Clone, PartialEq)]
pub struct SearchRequest {
    /// Words as the person typed them; empty means "everything".
    pub text: String,
    /// The person's point: distances are measured from here.
    pub near: Option<LatLon>,
    /// Only within this distance of `near`.
    pub radius_km: Option<f64>,
    /// Only inside this box (a map viewport).
    pub bbox: Option<BoundingBox>,
    /// Exact filters.
    pub filters: Filters,
    /// Order.
    pub sort: Sort,
    /// Hits to skip.
    pub offset: usize,
    /// Hits to return.
    pub limit: usize,
}

/// Words after which "van 9" is an age.
const CHILD_WORDS: [&str; 10] = [
    "zoon",
    "dochter",
    "kind",
    "kleinkind",
    "kleinzoon",
    "kleindochter",
    "jongen",
    "meisje",
    "broertje",
    "zusje",
];

impl SearchRequest {
    /// A plain text search: first page of 20, no place, no filters.
    pub fn text(text: &str) -> SearchRequest {
        SearchRequest {
            text: text.to_string(),
            near: None,
            radius_km: None,
            bbox: None,
            filters: Filters::default(),
            sort: Sort::Relevance,
            offset: 0,
            limit: 20,
        }
    }

    /// The same search around a point.
    pub fn near(mut self, at: LatLon, radius_km: f64) -> SearchRequest {
        self.near = Some(at);
        self.radius_km = Some(radius_km);
        self
    }

    /// The same search with an age said in words ("70 jaar", "een 9-jarige", "mijn zoon van
    /// 9") read as the age filter and taken out of the words, unless an age was already given:
    /// "bewegen 70 jaar" must not rank a youth club by the word "jaar".
    pub fn with_age_from_text(&self) -> SearchRequest {
        let mut out = self.clone();
        if out.filters.age.is_some() {
            return out;
        }
        let words: Vec<&str> = self.text.split_whitespace().collect();
        let age = |w: &str| w.parse::<u8>().ok().filter(|a| *a <= 120);
        let mut kept = Vec::with_capacity(words.len());
        let mut i = 0;
        while i < words.len() {
            let lower = words[i].to_lowercase();
            let next = words
                .get(i + 1)
                .map(|w| w.to_lowercase())
                .unwrap_or_default();
            let spaced =
                age(&lower).filter(|_| next.starts_with("jaar") || next.starts_with("jarig"));
            let joined = lower
                .split_once('-')
                .filter(|(_, rest)| rest.starts_with("jarig"))
                .and_then(|(n, _)| age(n));
            // "mijn dochter van 12": "van" and the number go, the child stays.
            let of_child = (lower == "van"
                && i > 0
                && CHILD_WORDS.contains(&words[i - 1].to_lowercase().as_str()))
            .then(|| age(&next))
            .flatten()
            .filter(|a| *a < 30);
            if let (Some(a), None) = (of_child, out.filters.age) {
                out.filters.age = Some(a);
                i += 2;
                continue;
            }
            match (spaced, joined) {
                (Some(a), _) if out.filters.age.is_none() => {
                    out.filters.age = Some(a);
                    i += 2;
                }
                (_, Some(a)) if out.filters.age.is_none() => {
                    out.filters.age = Some(a);
                    i += 1;
                }
                _ => {
                    kept.push(words[i]);
                    i += 1;
                }
            }
        }
        out.text = kept.join(" ");
        out
    }

    /// Refuses radii outside (0, 300] km, pages over 100 and sorting by distance without a point.
    pub fn validate(&self) -> Result<()> {
        if let Some(r) = self.radius_km {
            if !(r > 0.0 && r <= MAX_RADIUS_KM) {
                return Err(Error::InvalidRadius(r));
            }
            if self.near.is_none() {
                return Err(Error::MissingPoint);
            }
        }
        if self.limit > MAX_PAGE_SIZE {
            return Err(Error::PageTooLarge(self.limit));
        }
        if self.offset > MAX_OFFSET {
            return Err(Error::PageTooDeep(self.offset));
        }
        if self.sort == Sort::Distance && self.near.is_none() {
            return Err(Error::MissingPoint);
        }
        if let Some(b) = self.bbox {
            LatLon::parse(b.south, b.west)?;
            LatLon::parse(b.north, b.east)?;
            if b.south > b.north || b.west > b.east {
                return Err(Error::InvalidBoundingBox);
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_age_in_words_becomes_the_age_filter() {
        let r = SearchRequest::text("bewegen 70 jaar").with_age_from_text();
        assert_eq!((r.text.as_str(), r.filters.age), ("bewegen", Some(70)));
        let r = SearchRequest::text("zwemles voor een 9-jarige").with_age_from_text();
        assert_eq!(
            (r.text.as_str(), r.filters.age),
            ("zwemles voor een", Some(9))
        );
        let r = SearchRequest::text("voetbal voor mijn zoon van 9").with_age_from_text();
        assert_eq!(
            (r.text.as_str(), r.filters.age),
            ("voetbal voor mijn zoon", Some(9))
        );
        let r = SearchRequest::text("open van 9 tot 5").with_age_from_text();
        assert_eq!(r.filters.age, None);
        let r = SearchRequest::text("voetbal 2024").with_age_from_text();
        assert_eq!((r.text.as_str(), r.filters.age), ("voetbal 2024", None));
        let mut given = SearchRequest::text("bewegen 70 jaar");
        given.filters.age = Some(8);
        assert_eq!(
            given.with_age_from_text(),
            given,
            "an age that was given wins"
        );
    }
}
