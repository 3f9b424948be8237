//! Components shared by several pages.

mod layout;
mod offer_card;

pub use layout::{SiteFooter, SiteHeader};
pub use offer_card::OfferCard;
