//! What the `/beheer` pages show (shared by server and browser).

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::auth::Me;

/// Organisation kinds (the `soort` taxonomy).
pub const KINDS: [&str; 4] = ["buurthuis", "vereniging", "initiatief", "voorziening"];

/// Leefgebied codes, in the order pages show them.
pub const LEEFGEBIEDEN: [&str; 10] = [
    "meedoen",
    "geldzaken",
    "werk",
    "leren",
    "gezondheid",
    "bewegen",
    "opgroeien",
    "wonen",
    "zorg",
    "veiligheid",
];

/// Sign-up statuses, in order (the database checks the same list).
pub const SIGNUP_STATUSES: [&str; 4] = ["nieuw", "contact gehad", "gestart", "geen plek"];

/// The dashboard of a provider, coordinator or admin.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DashboardView {
    /// Who is logged in.
    pub me: Me,
    /// Organisations they look after.
    pub organisations: Vec<OrgView>,
    /// Sign-up requests to their offers (providers only).
    pub signups: Vec<SignupView>,
}

/// One organisation with its offers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OrgView {
    /// Id.
    pub id: Uuid,
    /// Name.
    pub name: String,
    /// Last check (YYYY-MM-DD).
    pub last_verified: Option<String>,
    /// Over six months since the last check.
    pub overdue: bool,
    /// Over nine months: hidden from search.
    pub hidden: bool,
    /// Its offers.
    pub offers: Vec<OfferLine>,
}

/// One offer in the dashboard.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OfferLine {
    /// Id.
    pub id: Uuid,
    /// Name.
    pub name: String,
    /// People waiting.
    pub waiting_list: i32,
    /// Places.
    pub capacity: Option<i32>,
    /// A need is open for it already.
    pub has_open_need: bool,
}

/// One "ik doe mee" request.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SignupView {
    /// Id.
    pub id: Uuid,
    /// The offer.
    pub offer: String,
    /// Name.
    pub name: String,
    /// Phone or e-mail.
    pub contact: String,
    /// Message.
    pub message: String,
    /// nieuw, contact gehad, gestart, geen plek.
    pub status: String,
    /// Date (YYYY-MM-DD).
    pub created: String,
}

/// What a coordinator decides on.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct QueueView {
    /// "Klopt er iets niet?" reports.
    pub reports: Vec<ReportView>,
    /// New organisations waiting for approval.
    pub organisations: Vec<PendingOrgView>,
    /// Claims on existing organisations.
    pub claims: Vec<ClaimView>,
}

/// A report from a resident.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportView {
    /// Id.
    pub id: Uuid,
    /// The offer.
    pub offer_id: Uuid,
    /// Its name.
    pub offer: String,
    /// What is wrong.
    pub message: String,
    /// Date.
    pub created: String,
}

/// A new organisation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PendingOrgView {
    /// Id.
    pub id: Uuid,
    /// Name.
    pub name: String,
    /// Description.
    pub description: String,
    /// Organisations on the map that may be the same (from the search engine).
    pub possible_duplicates: Vec<(Uuid, String)>,
}

/// A claim.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClaimView {
    /// Id.
    pub id: Uuid,
    /// The organisation.
    pub organisation: String,
    /// Who asks.
    pub email: String,
    /// Why.
    pub message: String,
}

/// The fields of the offer editor, as text (what the person typed comes back unchanged when
/// something is wrong).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct OfferForm {
    /// The offer; empty for a new one.
    pub aanbod: String,
    /// The organisation.
    pub organisatie: String,
    /// Name.
    pub naam: String,
    /// Description.
    pub beschrijving: String,
    /// Kind code.
    pub soort: String,
    /// Main leefgebied code.
    pub leefgebied: String,
    /// Youngest age.
    pub min_leeftijd: String,
    /// Oldest age.
    pub max_leeftijd: String,
    /// "ja" when free.
    pub gratis: String,
    /// What it costs, in words.
    pub kosten: String,
    /// Weekday 1-7, or empty.
    pub dag: String,
    /// From (HH:MM).
    pub van: String,
    /// Until (HH:MM).
    pub tot: String,
    /// Phone.
    pub telefoon: String,
    /// E-mail.
    pub email: String,
    /// "ja" when no indicatie is needed.
    pub geen_indicatie: String,
    /// "ja" when people keep their benefit.
    pub uitkering: String,
}

/// Field names of the editor, in form order (also the `fout` codes).
pub const OFFER_FIELDS: [&str; 15] = [
    "naam",
    "beschrijving",
    "soort",
    "leefgebied",
    "min_leeftijd",
    "max_leeftijd",
    "gratis",
    "kosten",
    "dag",
    "van",
    "tot",
    "telefoon",
    "email",
    "geen_indicatie",
    "uitkering",
];
