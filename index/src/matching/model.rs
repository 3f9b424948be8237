//! What the matching engine reads: a person's profile and the catalog of a gemeente.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::LatLon;

/// How far someone can travel when they do not say (km).
pub const DEFAULT_TRAVEL_KM: f64 = 5.0;
/// The farthest anyone can ask for (km).
pub const MAX_TRAVEL_KM: f64 = 50.0;

/// A person, described by strengths and wishes. Nothing in it can make the product offer less:
/// talents and network only ever add suggestions (see the crate's property tests).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Profile {
    /// What the person wants help with or wants to work on: leefgebied codes.
    pub needs: Vec<String>,
    /// What the person is good at or loves doing: talent codes. Only used to find roles.
    pub talents: Vec<String>,
    /// What the person would like to do: talent codes used as topics of activities.
    pub interests: Vec<String>,
    /// Who the person is, in their own words: doelgroep codes ("mantelzorgers", "ouderen").
    pub groups: Vec<String>,
    /// Age in years.
    pub age: Option<u8>,
    /// Where the person lives (the middle of their postcode).
    pub at: Option<LatLon>,
    /// How far they can travel, km (default [`DEFAULT_TRAVEL_KM`]).
    pub max_km: Option<f64>,
    /// ISO weekdays they are free (1 = maandag); empty means any day.
    pub days: Vec<u8>,
    /// Languages they speak (ISO 639-1); empty means Dutch is fine.
    pub languages: Vec<String>,
    /// Only offers that cost nothing.
    pub free_only: bool,
    /// Only offers without indicatie or referral.
    pub without_referral: bool,
    /// Must keep their benefit (uitkering): work offers must allow it.
    pub keeps_benefit: bool,
    /// Who around them helps already, in their own words. Shown as the first step, never used
    /// to filter or rank anything.
    pub network: Vec<String>,
}

impl Profile {
    /// The travel distance that applies, within (0, [`MAX_TRAVEL_KM`]].
    pub fn travel_km(&self) -> f64 {
        self.max_km
            .filter(|km| km.is_finite() && *km > 0.0)
            .unwrap_or(DEFAULT_TRAVEL_KM)
            .min(MAX_TRAVEL_KM)
    }
}

/// One offer (HSDS service) with everything matching looks at.
#[derive(Debug, Clone, PartialEq)]
pub struct CatalogOffer {
    /// The offer id.
    pub id: Uuid,
    /// Name of the offer.
    pub name: String,
    /// The organisation behind it.
    pub organisation_id: Uuid,
    /// Its name.
    pub organisation: String,
    /// buurthuis, vereniging, initiatief or voorziening.
    pub kind: String,
    /// Leefgebied codes.
    pub leefgebieden: Vec<String>,
    /// Doelgroep codes.
    pub groups: Vec<String>,
    /// Talent codes the activity is about ("koken" for a cooking club).
    pub topics: Vec<String>,
    /// Every place it happens.
    pub places: Vec<LatLon>,
    /// CBS gemeente code of its first place.
    pub gemeente: Option<String>,
    /// Youngest age.
    pub min_age: Option<u8>,
    /// Oldest age.
    pub max_age: Option<u8>,
    /// ISO weekdays it happens on; empty when unknown or by appointment.
    pub days: Vec<u8>,
    /// Languages besides Dutch it is offered in.
    pub languages: Vec<String>,
    /// Costs nothing.
    pub free: bool,
    /// No indicatie or referral needed.
    pub no_referral_needed: bool,
    /// People keep their benefit while taking part.
    pub keeps_benefit: bool,
    /// A place for volunteers rather than an activity to join.
    pub volunteering: bool,
    /// Open to people now (HSDS status active).
    pub active: bool,
    /// People waiting.
    pub waiting_list: u32,
}

/// What an organisation asks for: a volunteer role, trainers, space, funding, participants.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CatalogNeed {
    /// The need id.
    pub id: Uuid,
    /// What is asked.
    pub title: String,
    /// vrijwilliger, trainer, ruimte, financiering or deelnemers.
    pub kind: String,
    /// Who asks.
    pub organisation_id: Uuid,
    /// Its name.
    pub organisation: String,
    /// The offer it is for, when there is one.
    pub offer_id: Option<Uuid>,
    /// Talent codes that fit.
    pub talents: Vec<String>,
    /// Youngest age for the role.
    pub min_age: Option<u8>,
    /// Oldest age for the role.
    pub max_age: Option<u8>,
    /// Where.
    pub at: Option<LatLon>,
    /// CBS gemeente code.
    pub gemeente: Option<String>,
    /// How many people they look for.
    pub people_wanted: u32,
    /// People on the waiting list of the offer the need is for.
    pub waiting_list: u32,
    /// Time it takes, in words.
    pub time_commitment: String,
    /// ISO weekdays it happens on (empty: not said).
    pub days: Vec<u8>,
    /// What it pays.
    pub pay: RolePay,
    /// A course or training comes with it.
    pub training: bool,
    /// Someone supports the volunteer.
    pub support: bool,
}

/// What a role pays, as far as matching cares.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum RolePay {
    /// Nothing.
    #[default]
    Nothing,
    /// Costs made are paid back.
    Expenses,
    /// A volunteer allowance; `cleared` when the organisation settled it with the benefit
    /// agency, so a person keeps their benefit.
    Allowance {
        /// Settled with the benefit agency.
        cleared: bool,
    },
}

impl CatalogNeed {
    /// A real shortage: people are waiting, people are wanted, or it is an open call for
    /// volunteers or trainers (a register's vacancy rarely says how many it needs).
    pub fn is_shortage(&self) -> bool {
        self.waiting_list > 0
            || self.people_wanted > 0
            || matches!(self.kind.as_str(), "vrijwilliger" | "trainer")
    }
}

/// What kind of partner an organisation can be in a coalition.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PartnerKind {
    /// Buurtteam / wijkteam: the route for the people they help.
    Wijkteam,
    /// A school: pupils who need a place and a warm handover.
    School,
    /// A college (mbo, hbo): supervision, courses, internships.
    Opleiding,
    /// Jongerenwerk: reaches young people.
    Jongerenwerk,
    /// Welfare organisation, sociaal makelaar.
    Welzijn,
    /// A fund.
    Fonds,
    /// A buurthuis: a venue with hours to spare.
    Buurthuis,
}

impl PartnerKind {
    /// Reads a code; anything else is `None`.
    pub fn parse(code: &str) -> Option<PartnerKind> {
        Some(match code.trim() {
            "wijkteam" => PartnerKind::Wijkteam,
            "school" => PartnerKind::School,
            "opleiding" => PartnerKind::Opleiding,
            "jongerenwerk" => PartnerKind::Jongerenwerk,
            "welzijn" => PartnerKind::Welzijn,
            "fonds" => PartnerKind::Fonds,
            "buurthuis" => PartnerKind::Buurthuis,
            _ => return None,
        })
    }
}

/// An organisation that can join coalitions.
#[derive(Debug, Clone, PartialEq)]
pub struct CatalogOrganisation {
    /// The organisation id.
    pub id: Uuid,
    /// Its name.
    pub name: String,
    /// What kind of partner it can be.
    pub partner: Option<PartnerKind>,
    /// Where it is.
    pub at: Option<LatLon>,
    /// CBS gemeente code.
    pub gemeente: Option<String>,
}

/// An open "ik kan iets" entry: anonymous, just what someone can do, roughly where, and age.
#[derive(Debug, Clone, PartialEq)]
pub struct TalentEntry {
    /// Talent codes.
    pub talents: Vec<String>,
    /// Age in years, when given.
    pub age: Option<u8>,
    /// The middle of their postcode.
    pub at: LatLon,
}

/// Everything matching looks at, for one gemeente or more. Built from the database; cheap to
/// rebuild, never the only copy of anything.
#[derive(Debug, Clone, Default)]
pub struct Catalog {
    /// Offers.
    pub offers: Vec<CatalogOffer>,
    /// Needs of organisations.
    pub needs: Vec<CatalogNeed>,
    /// Organisations.
    pub organisations: Vec<CatalogOrganisation>,
    /// Open "ik kan iets" entries.
    pub talent_entries: Vec<TalentEntry>,
}
