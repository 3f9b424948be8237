//! What the `/beheer` pages show (shared by server and browser).

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::auth::Me;

/// Organisation kinds (the `soort` taxonomy).
pub use crate::domain::OFFER_KINDS as KINDS;

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
    /// Referrals to their organisations (providers) or escalated to them (coordinators).
    pub referrals: Vec<crate::referrals::ReferralLine>,
    /// People who want to help with their roles (providers only).
    pub helpers: Vec<HelpView>,
    /// People nearby who may be asked for their roles (providers only).
    pub reachable: Vec<ReachableView>,
}

/// Someone nearby who said an organisation may ask them, fitting one of its roles: no name,
/// no address.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReachableView {
    /// The role.
    pub role_id: Uuid,
    /// Its title.
    pub role: String,
    /// The entry (only the product can reach the person behind it).
    pub entry_id: Uuid,
    /// The talents that fit the role.
    pub talents: Vec<String>,
    /// Age, when given.
    pub age: Option<i32>,
    /// PC4.
    pub postcode: String,
    /// "1,2 km".
    pub km: String,
    /// Where the role is (the town), for the first line of the invitation.
    pub place: String,
}

/// One answer to a role ("ik help mee") as its organisation sees it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HelpView {
    /// Id.
    pub id: Uuid,
    /// The role.
    pub role: String,
    /// The organisation.
    pub organisation: String,
    /// First name.
    pub name: String,
    /// E-mail, may be empty.
    pub email: String,
    /// Phone, may be empty.
    pub phone: String,
    /// Their line, may be empty.
    pub message: String,
    /// Age, when given.
    pub age: Option<i32>,
    /// nieuw, kennismaking, aan de slag, past niet.
    pub status: String,
    /// The reason code for "past niet".
    pub reason: String,
    /// Date (YYYY-MM-DD).
    pub created: String,
    /// Statuses it may move to.
    pub next: Vec<String>,
    /// Days it has waited for a first answer (new ones only).
    pub waiting_days: Option<i64>,
    /// The offer whose waiting list the role helps clear, and how many wait.
    pub waiting_list: Option<(String, i32)>,
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
    /// Waiting for the gemeente's approval: not public yet, nothing to confirm.
    #[serde(default)]
    pub pending: bool,
    /// Its offers.
    pub offers: Vec<OfferLine>,
    /// Its locations.
    pub locations: Vec<LocationLine>,
    /// What it asks.
    pub needs: Vec<NeedLine>,
}

/// One location in the dashboard.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LocationLine {
    /// Id.
    pub id: Uuid,
    /// "Name, address, postcode".
    pub label: String,
    /// "wijk Noordwest, gemeente Utrecht" (empty when the postcode is not known).
    pub area: String,
}

/// One need in the dashboard.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NeedLine {
    /// Id.
    pub id: Uuid,
    /// Title.
    pub title: String,
    /// Still asked.
    pub open: bool,
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

/// `get` and `set` by field name for an editor form, so a form can travel as query pairs
/// (`?fout=...&naam=...`) and come back with what was typed. Lists travel comma-separated.
macro_rules! text_fields {
    ($form:ident { $($field:ident),* $(,)? } lists { $($list:ident),* $(,)? }) => {
        impl $form {
            /// One field as text (a list comma-separated; unknown names are empty).
            pub fn get(&self, k: &str) -> String {
                match k {
                    $(stringify!($field) => self.$field.clone(),)*
                    $(stringify!($list) => self.$list.join(","),)*
                    _ => String::new(),
                }
            }

            /// Sets one field from text (unknown names are ignored).
            pub fn set(&mut self, k: &str, v: String) {
                match k {
                    $(stringify!($field) => self.$field = v,)*
                    $(stringify!($list) => self.$list = split_list(&v),)*
                    _ => {}
                }
            }
        }
    };
}

/// "a, b,,c" → ["a", "b", "c"].
fn split_list(v: &str) -> Vec<String> {
    v.split(',')
        .map(str::trim)
        .filter(|x| !x.is_empty())
        .map(String::from)
        .collect()
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
    /// The leefgebied codes it is about (checkboxes, at least one).
    pub leefgebied: Vec<String>,
    /// Youngest age.
    pub min_leeftijd: String,
    /// Oldest age.
    pub max_leeftijd: String,
    /// "ja" when free.
    pub gratis: String,
    /// What it costs, in words.
    pub kosten: String,
    /// Weekday 1-7 of the first weekly slot, or empty.
    pub dag: String,
    /// From (HH:MM).
    pub van: String,
    /// Until (HH:MM).
    pub tot: String,
    /// Second weekly slot.
    pub dag2: String,
    /// From.
    pub van2: String,
    /// Until.
    pub tot2: String,
    /// Third weekly slot.
    pub dag3: String,
    /// From.
    pub van3: String,
    /// Until.
    pub tot3: String,
    /// Closed periods, one per line: "21-12-2026 t/m 03-01-2027 kerstvakantie".
    pub gesloten: String,
    /// Language codes (checkboxes).
    pub talen: Vec<String>,
    /// Location ids where it takes place (checkboxes).
    pub locaties: Vec<String>,
    /// Phone.
    pub telefoon: String,
    /// E-mail.
    pub email: String,
    /// "ja" when no indicatie is needed.
    pub geen_indicatie: String,
    /// "ja" when people keep their benefit.
    pub uitkering: String,
    /// "ja": people just walk in, there is no sign-up ("Gewoon binnenlopen").
    #[serde(default)]
    pub binnenlopen: String,
    /// The offer's own web page (http or https), or empty.
    #[serde(default)]
    pub website: String,
}

/// Field names of the editor, in form order (also the `fout` codes and the query keys that
/// bring typed values back; lists travel comma-separated).
pub const OFFER_FIELDS: [&str; 26] = [
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
    "dag2",
    "van2",
    "tot2",
    "dag3",
    "van3",
    "tot3",
    "gesloten",
    "talen",
    "locaties",
    "telefoon",
    "email",
    "geen_indicatie",
    "uitkering",
    "binnenlopen",
    "website",
];

text_fields!(OfferForm {
    naam, beschrijving, soort, min_leeftijd, max_leeftijd, gratis, kosten, dag, van,
    tot, dag2, van2, tot2, dag3, van3, tot3, gesloten, telefoon, email, geen_indicatie, uitkering,
    binnenlopen, website
} lists { leefgebied, talen, locaties });

/// What the offer editor needs besides the fields: the choices.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct OfferEditor {
    /// The fields.
    pub form: OfferForm,
    /// Languages to choose from: (code, name in the reader's language).
    pub languages: Vec<(String, String)>,
    /// The organisation's locations: (id, name and address).
    pub locations: Vec<(String, String)>,
}

/// Languages the editor offers (ISO 639-1; Tamazight as `zgh`).
pub const LANGUAGES: [&str; 11] = [
    "nl", "en", "ar", "tr", "pl", "uk", "ti", "zgh", "es", "fr", "de",
];

/// The fields of the location editor, as typed.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct LocationForm {
    /// The location; empty for a new one.
    pub locatie: String,
    /// The organisation.
    pub organisatie: String,
    /// Name ("Buurthuis De Klop").
    pub naam: String,
    /// Street and number.
    pub adres: String,
    /// Postcode ("3454 AB").
    pub postcode: String,
    /// Place.
    pub plaats: String,
    /// Accessibility in words ("rolstoeltoegankelijk, invalidentoilet").
    pub toegankelijk: String,
    /// How to get there ("bus 28, halte Kerkplein").
    pub bereikbaar: String,
    /// Entrance without steps: "ja", "deels", "nee", or empty (not known).
    #[serde(default)]
    pub gelijkvloers: String,
    /// "ja": a lift.
    #[serde(default)]
    pub lift: String,
    /// "ja": an accessible toilet.
    #[serde(default)]
    pub toilet: String,
    /// "ja": they pick people up or offer transport.
    #[serde(default)]
    pub ophalen: String,
    /// "ja": a bus, tram or train stop within 400 m.
    #[serde(default)]
    pub ov: String,
}

/// Field names of the location editor, in form order.
pub const LOCATION_FIELDS: [&str; 11] = [
    "naam",
    "adres",
    "postcode",
    "plaats",
    "toegankelijk",
    "bereikbaar",
    "gelijkvloers",
    "lift",
    "toilet",
    "ophalen",
    "ov",
];

text_fields!(LocationForm {
    naam, adres, postcode, plaats, toegankelijk, bereikbaar, gelijkvloers, lift, toilet,
    ophalen, ov
} lists {});

/// Where a postcode is: shown next to the field as soon as it is typed.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct AreaView {
    /// "Wijk Noordwest, gemeente Utrecht".
    pub label: String,
    /// Coordinates of the postcode's centre.
    pub lat: f64,
    /// Longitude.
    pub lon: f64,
}

/// Kinds of need (the database checks the same list).
pub const NEED_KINDS: [&str; 5] = [
    "vrijwilliger",
    "trainer",
    "ruimte",
    "financiering",
    "deelnemers",
];

/// The fields of the need editor, as typed.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct NeedForm {
    /// The need; empty for a new one.
    pub vraag: String,
    /// The organisation.
    pub organisatie: String,
    /// Kind (see [`NEED_KINDS`]).
    pub soort: String,
    /// Title ("Trainers voor de jeugd").
    pub titel: String,
    /// What it is.
    pub beschrijving: String,
    /// Talent codes that fit (checkboxes).
    pub talenten: Vec<String>,
    /// Time it asks ("2 uur per week").
    pub tijd: String,
    /// Youngest age.
    pub min_leeftijd: String,
    /// Oldest age.
    pub max_leeftijd: String,
    /// How many people.
    pub aantal: String,
    /// The offer it is for (id), or empty.
    pub aanbod: String,
    /// "ja" while it is open.
    pub open: String,
    /// What you do.
    pub taken: String,
    /// What you do not do.
    pub niet_taken: String,
    /// The course or training offered.
    pub training: String,
    /// Support and backup.
    pub begeleiding: String,
    /// geen, onkosten or vergoeding.
    pub vergoeding: String,
    /// The allowance in euros a month.
    pub bedrag: String,
    /// "ja" when the allowance was cleared with the benefit agency.
    pub uitkering: String,
    /// Day codes (ma … zo).
    pub dagen: Vec<String>,
    /// Hours a week.
    pub uren: String,
    /// The contact person's first name.
    pub contact_naam: String,
    /// Their role.
    pub contact_rol: String,
}

/// Field names of the need editor, in form order.
pub const NEED_FIELDS: [&str; 21] = [
    "soort",
    "titel",
    "beschrijving",
    "talenten",
    "taken",
    "niet_taken",
    "tijd",
    "dagen",
    "uren",
    "min_leeftijd",
    "max_leeftijd",
    "aantal",
    "training",
    "begeleiding",
    "vergoeding",
    "bedrag",
    "uitkering",
    "contact_naam",
    "contact_rol",
    "aanbod",
    "open",
];

text_fields!(NeedForm {
    soort, titel, beschrijving, tijd, min_leeftijd, max_leeftijd, aantal, aanbod, open, taken,
    niet_taken, training, begeleiding, vergoeding, bedrag, uitkering, uren, contact_naam,
    contact_rol
} lists { talenten, dagen });

/// The need editor with its choices.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct NeedEditor {
    /// The fields.
    pub form: NeedForm,
    /// Talents to choose from: (code, name).
    pub talents: Vec<(String, String)>,
    /// The organisation's offers: (id, name).
    pub offers: Vec<(String, String)>,
}

/// A personal API token in its owner's list (never the token itself, except [`ApiKeysView::fresh`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ApiKeyLine {
    /// Its id, for revoking.
    pub id: String,
    /// The owner's name for it.
    pub name: String,
    /// The first characters, to recognise it ("sk_3f9a…").
    pub prefix: String,
    /// Made on, in words.
    pub made: String,
    /// Last used on, in words.
    pub used: Option<String>,
    /// Revoked: it opens nothing.
    pub revoked: bool,
}

/// `/beheer/sleutels`: a user's API tokens, and a new one shown once.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ApiKeysView {
    /// Newest first.
    pub keys: Vec<ApiKeyLine>,
    /// The token just made, shown this once.
    pub fresh: Option<String>,
}
