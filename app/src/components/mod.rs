//! Components shared by several pages.

mod form;
mod lanes;
mod layout;
mod locate_me;
mod map;
mod offer_card;

pub use form::FieldKit;
pub use lanes::{Lane, PartnerList, ProposalCard, SuggestionCard};
pub use layout::{IslandBundle, SiteFooter, SiteHeader};
pub use locate_me::LocateMe;
pub use map::{json_text, Map, Marker};
pub use offer_card::OfferCard;
