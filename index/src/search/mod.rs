//! Full-text + geo search over offers.
//!
//! One tantivy document per offer at a location, with a Dutch analyzer (lowercase, accents
//! folded, stop words out, Dutch stems), a synonym layer (`data/synonyms.txt`), typo tolerance
//! and prefixes for as-you-type. Geo: grid-cell terms prefilter, exact haversine in the
//! collector, distance blended into relevance. Facets are counted over all matches, or
//! estimated from a sample when there are very many; a search by relevance without a place
//! skips the matches that cannot reach the page (`pruned.rs`) and estimates its total too.
//!
//! The database feeds [`OfferDoc`]s in; the index is derived data and
//! [`SearchIndex::replace_all`] rebuilds it at any time, [`SearchIndex::apply`] updates offers.
//!
//! ```
//! use index::{LatLon, OfferDoc, SearchIndex, SearchRequest};
//!
//! let index = SearchIndex::in_ram().unwrap();
//! let doc = OfferDoc { name: "Taalcafé De Meern".into(), ..OfferDoc::example() };
//! index.replace_all(vec![doc], None).unwrap();
//! let de_meern = LatLon::parse(52.078, 5.044).unwrap();
//! let found = index.search(&SearchRequest::text("language cafe").near(de_meern, 5.0)).unwrap();
//! assert_eq!(found.total, 1);
//! assert!(found.hits[0].distance_km.unwrap() < 1.0);
//! ```

mod analyzer;
mod cells;
mod collector;
mod concepts;
mod doc;
mod engine;
mod facets;
mod pruned;
mod query;
mod request;
mod schema;
mod synonyms;
mod termset;
mod union;
mod wordlist;

#[cfg(test)]
mod tests;

pub use cells::BoundingBox;
pub use collector::{COUNTED_EXACTLY_UP_TO, EXACT_UP_TO, MAX_FACET_VALUES};
pub use concepts::{Concept, Concepts, Named};
pub use doc::{OfferDoc, ROLE_KIND};
pub use engine::{IndexState, SearchHit, SearchIndex, SearchResults};
pub use facets::Facets;
pub use query::MAX_QUERY_WORDS;
pub use request::{Filters, SearchRequest, Sort, MAX_OFFSET, MAX_PAGE_SIZE, MAX_RADIUS_KM};
pub use wordlist::{Wordlist, DEFAULT_WORDLIST};
