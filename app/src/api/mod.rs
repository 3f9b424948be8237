//! Server functions: called directly during server rendering, over HTTP after hydration.

mod location;
mod offer;
mod search;
mod signup;
mod suggest;
mod talents;

pub use location::{postcode_at, PostcodeAt};
pub use offer::{get_offer, similar_offers, GetOffer, SimilarOffers};
pub use search::{search_offers, SearchOffers, SearchQuery, DAYS};
pub use signup::{sign_up, SignUp};
pub use suggest::{suggest, Suggest};
pub use talents::{find_roles, FindRoles};
