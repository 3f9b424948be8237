//! Vitale coalities as stored: partners with roles, a shared goal, a link person, funding that
//! ends (the warning starts three months before), and "tellen en vertellen" notes.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::profile::PartnerView;

/// Status codes, in the order a coalition goes through them.
pub const STATUSES: [&str; 4] = ["idea", "forming", "active", "ended"];
/// Partner role codes.
pub const ROLES: [&str; 5] = ["lead", "deliverer", "supporter", "funder", "venue"];

/// A coalition as pages and the API show it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CoalitionView {
    /// Its id.
    pub id: Uuid,
    /// Name.
    pub name: String,
    /// Shared goal.
    pub goal: String,
    /// idea, forming, active or ended.
    pub status: String,
    /// CBS gemeente code.
    pub gemeente: Option<String>,
    /// The need it started from.
    pub need_id: Option<Uuid>,
    /// The "verbindende schakel" (a role or a name).
    pub link_person: String,
    /// How to reach the link person.
    pub link_contact: String,
    /// People taking part.
    pub participants: i32,
    /// Where the money comes from.
    pub funding_source: String,
    /// When the money stops (YYYY-MM-DD).
    pub funding_ends_on: Option<String>,
    /// Partners, lead first.
    pub partners: Vec<PartnerView>,
    /// Numbers and stories, newest first.
    pub notes: Vec<NoteView>,
    /// Days until the money stops, when that is within three months (negative: stopped).
    pub funding_days_left: Option<i64>,
}

/// A "tellen en vertellen" note.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct NoteView {
    /// Date (YYYY-MM-DD).
    pub written_on: String,
    /// What is counted.
    pub label: String,
    /// The count.
    pub number: Option<i32>,
    /// A short story.
    pub story: String,
}

/// A coalition to create or replace.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CoalitionInput {
    /// Name (required).
    pub name: String,
    /// Shared goal.
    pub goal: String,
    /// Status code; empty means "idea".
    pub status: String,
    /// CBS gemeente code.
    pub gemeente: Option<String>,
    /// The need it started from.
    pub need_id: Option<Uuid>,
    /// Link person.
    pub link_person: String,
    /// Their contact.
    pub link_contact: String,
    /// People taking part.
    pub participants: i32,
    /// Funding source.
    pub funding_source: String,
    /// End of funding (YYYY-MM-DD), empty for none.
    pub funding_ends_on: Option<String>,
    /// Partners.
    pub partners: Vec<PartnerView>,
}

#[cfg(feature = "ssr")]
impl CoalitionInput {
    /// Checks the input; the first problem as a Dutch sentence.
    pub fn validate(&mut self) -> crate::Result<Option<chrono::NaiveDate>> {
        use crate::Error::Invalid;
        self.name = self.name.trim().to_string();
        if self.name.is_empty() || self.name.chars().count() > 120 {
            return Err(Invalid(
                "Geef de coalitie een naam (hoogstens 120 tekens).".into(),
            ));
        }
        if self.goal.chars().count() > 1000 {
            return Err(Invalid("Houd het doel korter dan 1000 tekens.".into()));
        }
        if self.status.trim().is_empty() {
            self.status = "idea".into();
        }
        if !STATUSES.contains(&self.status.as_str()) {
            return Err(Invalid(
                "De status is idea, forming, active of ended.".into(),
            ));
        }
        if self.participants < 0 {
            return Err(Invalid(
                "Het aantal deelnemers kan niet negatief zijn.".into(),
            ));
        }
        if self.partners.len() > 20 {
            return Err(Invalid("Een coalitie heeft hoogstens 20 partners.".into()));
        }
        for p in &self.partners {
            if p.name.trim().is_empty() || p.name.chars().count() > 200 {
                return Err(Invalid(
                    "Elke partner heeft een naam (hoogstens 200 tekens).".into(),
                ));
            }
            if !ROLES.contains(&p.role.as_str()) {
                return Err(Invalid(
                    "De rol van een partner is lead, deliverer, supporter, funder of venue.".into(),
                ));
            }
        }
        for text in [&self.link_person, &self.link_contact, &self.funding_source] {
            if text.chars().count() > 300 {
                return Err(Invalid("Houd de teksten korter dan 300 tekens.".into()));
            }
        }
        match self.funding_ends_on.as_deref().map(str::trim) {
            None | Some("") => Ok(None),
            Some(date) => chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d")
                .map(Some)
                .map_err(|_| {
                    Invalid("Schrijf de einddatum als jaar-maand-dag, zoals 2027-03-01.".into())
                }),
        }
    }
}
