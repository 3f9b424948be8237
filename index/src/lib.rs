//! # index — search, geocoding and matching for the sociale kaart
//!
//! This crate holds everything the product knows about *finding*: Dutch postcodes and places
//! turned into coordinates and areas ([`Geocoder`]), and the full-text + geo search over offers
//! ([`SearchIndex`]), and the [`matching`] engine (needs and talents → offers, roles and
//! coalitions). It knows nothing of HTTP or SQL: the database is the source of truth and
//! feeds [`OfferDoc`]s in; the index can always be rebuilt from it.
//!
//! ```
//! use index::{Geocoder, Postcode};
//!
//! let postcode = Postcode::parse("3454 ab").unwrap();
//! let place = Geocoder::embedded().postcode(&postcode).unwrap();
//! assert_eq!(place.plaats, "De Meern");
//! ```
#![warn(missing_docs)]

mod error;
mod geo;
pub mod matching;
mod search;
pub mod synthetic;

pub use error::{Error, Result};
pub use geo::{Areas, Geocoder, LatLon, Postcode, PostcodePlace};
pub use search::{
    BoundingBox, Concept, Concepts, Facets, Filters, IndexState, Named, OfferDoc, SearchHit,
    SearchIndex, SearchRequest, SearchResults, Sort, Wordlist, COUNTED_EXACTLY_UP_TO,
    DEFAULT_WORDLIST, EXACT_UP_TO, MAX_FACET_VALUES, MAX_OFFSET, MAX_PAGE_SIZE, MAX_QUERY_WORDS,
    MAX_RADIUS_KM, ROLE_KIND,
};
