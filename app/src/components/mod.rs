//! Components shared by several pages.

mod layout;
mod locate_me;
mod offer_card;

pub use layout::{SiteFooter, SiteHeader};
pub use locate_me::LocateMe;
pub use offer_card::OfferCard;
