//! Server functions: called directly during server rendering, over HTTP after hydration.

mod location;
mod offer;
mod search;

pub use location::{postcode_at, PostcodeAt};
pub use offer::{get_offer, GetOffer};
pub use search::{search_offers, SearchOffers, SearchQuery, DAYS};
