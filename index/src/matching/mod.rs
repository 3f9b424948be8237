//! The matching engine: a person's needs and talents against the offers, needs and partners of
//! a gemeente, in three lanes with reasons, plus coalition proposals.
//!
//! - *meedoen*: activities and services that meet a need or an interest. Hard limits (age,
//!   distance, status, days, budget, indicatie) filter; leefgebied, interest, group, cost,
//!   language and schedule score. Community offers come before services that need a referral.
//! - *bijdragen*: roles (organisation needs, volunteering offers) that use a talent; a role
//!   that empties a waiting list ranks higher.
//! - *samen*: the coalition a role is part of: the organisation, the person, and partners
//!   (buurtteam, jongerenwerk, school, opleiding) that each solve a problem of the other.
//!
//! Talents and network are never read by *meedoen*: what a person can give never reduces what
//! they are offered. Pure logic on a [`Catalog`] built from the database; no I/O.
//!
//! ```
//! use index::matching::{match_profile, Catalog, Profile};
//!
//! let lanes = match_profile(&Catalog::default(), &Profile::default());
//! assert!(lanes.meedoen.is_empty() && lanes.bijdragen.is_empty());
//! ```

mod coalitions;
mod engine;
mod items;
mod model;
mod reasons;
#[cfg(test)]
mod tests;

pub use coalitions::{
    coalition_for_person, scan_coalitions, unused_talents, CoalitionSuggestion, PartnerRole,
    Phrase, ProposedPartner, RoleExtras, PARTNER_RADIUS_KM, TALENT_RADIUS_KM,
};
pub use engine::{
    distance_score, match_profile, match_together, Lanes, Step, Suggestion, Target, LANE_SIZE,
    TOGETHER_SIZE,
};
pub use items::Items;
pub use model::{
    Access, Catalog, CatalogChanges, CatalogNeed, CatalogOffer, CatalogOrganisation, Mobility,
    PartnerKind, PlaceFacts, Profile, RolePay, StepFree, TalentEntry, DEFAULT_TRAVEL_KM,
    MAX_TRAVEL_KM, WALKING_KM,
};
pub use reasons::{km_in_words, language_in_dutch, ProfileItem, Reason};
