//! Full-text + geo search over offers.
//!
//! One tantivy document per offer at a location. The database feeds [`OfferDoc`]s in; the index
//! is derived data and [`SearchIndex::replace_all`] rebuilds it from scratch at any time.
//!
//! ```
//! use index::{OfferDoc, SearchIndex, SearchRequest};
//!
//! let index = SearchIndex::in_ram().unwrap();
//! let doc = OfferDoc { name: "Taalcafé De Meern".into(), ..OfferDoc::example() };
//! index.replace_all(vec![doc]).unwrap();
//! let found = index.search(&SearchRequest::text("taalcafe")).unwrap();
//! assert_eq!(found.total, 1);
//! ```

mod analyzer;
mod doc;
mod engine;
mod schema;

pub use doc::OfferDoc;
pub use engine::{IndexState, SearchHit, SearchIndex, SearchRequest, SearchResults};
