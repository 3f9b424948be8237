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
