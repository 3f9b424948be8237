//! [`OfferDoc`]: what the database hands to the index for one offer at one location.

use uuid::Uuid;

/// The kind of documents that are volunteer roles, not offers.
pub const ROLE_KIND: &str = "vrijwilligerswerk";

/// One offer at one location, flattened for search. Built from the database by the caller.
#[derive(Debug, Clone, PartialEq)]
pub struct OfferDoc {
    /// The offer (HSDS service) id.
    pub offer_id: Uuid,
    /// The location id, when the offer happens somewhere.
    pub location_id: Option<Uuid>,
    /// Name of the offer.
    pub name: String,
    /// Name of the organisation behind it.
    pub organisation: String,
    /// Plain-language description.
    pub description: String,
    /// buurthuis, vereniging, initiatief, voorziening, or [`ROLE_KIND`] for a volunteer role.
    pub kind: String,
    /// Leefgebied codes.
    pub leefgebieden: Vec<String>,
    /// Doelgroep codes.
    pub doelgroepen: Vec<String>,
    /// Other words that help finding it: term names, place and wijk names.
    pub keywords: Vec<String>,
    /// Where it happens.
    pub lat: Option<f64>,
    /// See `lat`.
    pub lon: Option<f64>,
    /// CBS wijk code of the location.
    pub wijk_code: Option<String>,
    /// CBS gemeente code of the location.
    pub gemeente_code: Option<String>,
    /// Youngest age it is for.
    pub min_age: Option<u8>,
    /// Oldest age it is for.
    pub max_age: Option<u8>,
    /// ISO weekdays (1 = maandag) it happens on.
    pub days: Vec<u8>,
    /// ISO 639-1 language codes.
    pub languages: Vec<String>,
    /// Costs nothing.
    pub free: bool,
    /// The location's entrance has no steps (its organisation says so).
    pub step_free: bool,
    /// No indicatie or referral needed.
    pub no_referral_needed: bool,
    /// HSDS status: active, inactive, defunct, "temporarily closed".
    pub status: String,
}

impl OfferDoc {
    /// A complete example document, handy in tests and docs.
    pub fn example() -> OfferDoc {
        OfferDoc {
            offer_id: Uuid::new_v4(),
            location_id: Some(Uuid::new_v4()),
            name: "Koffieochtend".into(),
            organisation: "Buurthuis De Meern".into(),
            description: "Elke week samen koffie drinken en bijpraten.".into(),
            kind: "buurthuis".into(),
            leefgebieden: vec!["meedoen".into()],
            doelgroepen: vec!["iedereen".into()],
            keywords: vec![],
            lat: Some(52.078),
            lon: Some(5.044),
            wijk_code: Some("WK034410".into()),
            gemeente_code: Some("GM0344".into()),
            min_age: None,
            max_age: None,
            days: vec![2],
            languages: vec!["nl".into()],
            free: true,
            step_free: false,
            no_referral_needed: true,
            status: "active".into(),
        }
    }

    /// True when people can take part now.
    pub fn is_active(&self) -> bool {
        self.status == "active"
    }
}
