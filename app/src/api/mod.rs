//! Server functions: called directly during server rendering, over HTTP after hydration.

mod coalitions;
mod location;
mod matching;
mod offer;
mod search;
mod signup;
mod suggest;

pub use coalitions::{
    coalition, coalition_chances, coalitions, start_coalition, Coalition, CoalitionChances,
    Coalitions, StartCoalition,
};
pub use location::{postcode_at, PostcodeAt};
pub use matching::{leave_talent_entry, match_lanes, LeaveTalentEntry, MatchLanes};
pub use offer::{get_offer, similar_offers, GetOffer, SimilarOffers};
pub use search::{search_offers, SearchOffers, SearchQuery, DAYS};
pub use signup::{sign_up, SignUp};
pub use suggest::{suggest, Suggest};
