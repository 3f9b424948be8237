//! Vitale coalities as stored: partners with roles, a shared goal, a link person, funding that
//! ends (the warning starts three months before), and "tellen en vertellen" notes.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::profile::PartnerView;

/// Status codes, in the order a coalition goes through them.
pub const STATUSES: [&str; 4] = ["idea", "forming", "active", "ended"];
/// Partner role codes.
pub const ROLES: [&str; 5] = ["lead", "deliverer", "supporter", "funder", "venue"];
/// Where a partner organisation stands: invited (not yet answered), accepted, or left.
pub const STANDINGS: [&str; 3] = ["invited", "accepted", "left"];

/// A coalition as pages and the API show it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
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
    /// The second link person, who carries on when the first leaves.
    pub deputy_person: String,
    /// How to reach them.
    pub deputy_contact: String,
    /// Why the status is what it is (required for "ended").
    pub status_reason: String,
    /// Where the coalition meets or works.
    pub venue: String,
    /// People taking part.
    pub participants: i32,
    /// Where the money comes from (every line's source, for a quick read).
    pub funding_source: String,
    /// When the first money stops (YYYY-MM-DD): the earliest end of the lines.
    pub funding_ends_on: Option<String>,
    /// The funding lines, in order.
    pub funding: Vec<FundingLine>,
    /// Running, but no note for three months: "stil".
    pub quiet: bool,
    /// Partners, lead first; each with its standing (invited, accepted, left).
    pub partners: Vec<PartnerView>,
    /// Numbers and stories, newest first.
    pub notes: Vec<NoteView>,
    /// Days until the money stops, when that is within three months (negative: stopped).
    pub funding_days_left: Option<i64>,
}

impl CoalitionView {
    /// Still running but carried by one link person: it stops when that person leaves.
    pub fn needs_deputy(&self) -> bool {
        self.status != "ended" && self.deputy_person.trim().is_empty()
    }
}

/// One source of money: who gives it, how much, from when to when.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct FundingLine {
    /// Who pays ("Gemeente Utrecht, Sportakkoord").
    pub source: String,
    /// Euros in total, when known.
    pub amount_euros: Option<i64>,
    /// First day (YYYY-MM-DD).
    pub starts_on: Option<String>,
    /// Last day (YYYY-MM-DD): the mails come 90 and 30 days before.
    pub ends_on: Option<String>,
}

/// The most funding lines of a coalition.
pub const MAX_FUNDING_LINES: usize = 10;

/// A "tellen en vertellen" note.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct NoteView {
    /// Its id (absent in input).
    pub id: Option<Uuid>,
    /// Date (YYYY-MM-DD).
    pub written_on: String,
    /// What is counted.
    pub label: String,
    /// The count.
    pub number: Option<i32>,
    /// A short story.
    pub story: String,
    /// Outcome words from [`OUTCOMES`] that partners ticked.
    pub outcomes: Vec<String>,
    /// Its photo, if one was added.
    pub photo: Option<NotePhoto>,
}

/// A note's photo as pages show it; the picture is at [`NotePhoto::url`].
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct NotePhoto {
    /// What is on it, for people who cannot see it.
    pub alt: String,
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
}

impl NotePhoto {
    /// Where the picture of note `note` of coalition `coalition` is served.
    pub fn url(coalition: Uuid, note: Uuid) -> String {
        format!("/coalities/{coalition}/foto/{note}.jpg")
    }
}

/// The outcome boxes of the note form (`uitkomst[erkend]`, ...): ticked ones arrive.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct OutcomeTicks {
    /// "Erkend".
    pub erkend: Option<String>,
    /// "Verbonden".
    pub verbonden: Option<String>,
    /// "Opgelucht".
    pub opgelucht: Option<String>,
    /// "Van betekenis".
    pub betekenis: Option<String>,
}

impl OutcomeTicks {
    /// The ticked outcome codes, in [`OUTCOMES`] order.
    pub fn codes(&self) -> Vec<String> {
        [
            &self.erkend,
            &self.verbonden,
            &self.opgelucht,
            &self.betekenis,
        ]
        .into_iter()
        .zip(OUTCOMES)
        .filter(|(ticked, _)| ticked.is_some())
        .map(|(_, code)| code.to_string())
        .collect()
    }
}

/// The outcome words of the seeds: what taking part brings people.
pub const OUTCOMES: [&str; 4] = ["erkend", "verbonden", "opgelucht", "van-betekenis"];

/// The numbers of one thing counted over time, oldest first, for the chart: the label counted
/// most often (at least twice), its last 24 points.
pub fn chart_series(notes: &[NoteView]) -> Option<(String, Vec<(String, i32)>)> {
    let mut labels: Vec<(&str, usize)> = Vec::new();
    for n in notes.iter().filter(|n| n.number.is_some()) {
        match labels.iter_mut().find(|(l, _)| *l == n.label) {
            Some((_, count)) => *count += 1,
            None => labels.push((&n.label, 1)),
        }
    }
    let (label, count) = labels.into_iter().max_by_key(|(_, count)| *count)?;
    if count < 2 {
        return None;
    }
    let mut points: Vec<(String, i32)> = notes
        .iter()
        .filter(|n| n.label == label)
        .filter_map(|n| Some((n.written_on.clone(), n.number?)))
        .collect();
    points.sort_by(|a, b| a.0.cmp(&b.0));
    let skip = points.len().saturating_sub(24);
    Some((label.to_string(), points.split_off(skip)))
}

/// The edit form of a coalition (`/coalities/{id}/bewerken`), as typed; partners and funding
/// have their own forms.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CoalitionForm {
    /// Name.
    pub naam: String,
    /// Shared goal.
    pub doel: String,
    /// Status code.
    pub status: String,
    /// Why the status is what it is.
    pub reden: String,
    /// The link person.
    pub schakel: String,
    /// Their contact.
    pub schakel_contact: String,
    /// The second link person.
    pub tweede: String,
    /// Their contact.
    pub tweede_contact: String,
    /// People taking part.
    pub deelnemers: String,
    /// Where it meets.
    pub plek: String,
}

impl CoalitionForm {
    /// The form filled from a stored coalition.
    pub fn from_view(c: &CoalitionView) -> CoalitionForm {
        CoalitionForm {
            naam: c.name.clone(),
            doel: c.goal.clone(),
            status: c.status.clone(),
            reden: c.status_reason.clone(),
            schakel: c.link_person.clone(),
            schakel_contact: c.link_contact.clone(),
            tweede: c.deputy_person.clone(),
            tweede_contact: c.deputy_contact.clone(),
            deelnemers: c.participants.to_string(),
            plek: c.venue.clone(),
        }
    }

    /// The form as typed, read field by field from `typed` (the query a problem came back with).
    pub fn from_typed(typed: impl Fn(&str) -> String) -> CoalitionForm {
        let mut form = CoalitionForm::default();
        for (name, value) in form.fields_mut() {
            *value = typed(name);
        }
        form
    }

    fn fields_mut(&mut self) -> [(&'static str, &mut String); 10] {
        [
            ("naam", &mut self.naam),
            ("doel", &mut self.doel),
            ("status", &mut self.status),
            ("reden", &mut self.reden),
            ("schakel", &mut self.schakel),
            ("schakel_contact", &mut self.schakel_contact),
            ("tweede", &mut self.tweede),
            ("tweede_contact", &mut self.tweede_contact),
            ("deelnemers", &mut self.deelnemers),
            ("plek", &mut self.plek),
        ]
    }

    /// The fields with their form names, in order (for sending typed values back).
    pub fn fields(&self) -> [(&'static str, &str); 10] {
        [
            ("naam", &self.naam),
            ("doel", &self.doel),
            ("status", &self.status),
            ("reden", &self.reden),
            ("schakel", &self.schakel),
            ("schakel_contact", &self.schakel_contact),
            ("tweede", &self.tweede),
            ("tweede_contact", &self.tweede_contact),
            ("deelnemers", &self.deelnemers),
            ("plek", &self.plek),
        ]
    }
}

/// What a partner organisation's manager may do on a coalition page: the organisation, its
/// name and its standing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OwnPartner {
    /// The organisation.
    pub organisation_id: Uuid,
    /// Its name.
    pub name: String,
    /// invited, accepted or left.
    pub standing: String,
}

/// What the logged-in person may do with coalitions.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CoalitionRights {
    /// Start coalitions (a coordinator or admin).
    pub start: bool,
    /// Change this coalition.
    pub change: bool,
    /// Partner organisations of this coalition that they manage.
    pub own: Vec<OwnPartner>,
}

/// One coalition in the gemeente's overview (`/beheer/coalities`, and its CSV).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OverviewLine {
    /// Its id.
    pub id: Uuid,
    /// Name.
    pub name: String,
    /// Status code.
    pub status: String,
    /// The partners that said yes, comma-separated.
    pub partners: String,
    /// The link persons, "and"-joined.
    pub link_persons: String,
    /// The first end of its money (YYYY-MM-DD).
    pub funding_ends_on: Option<String>,
    /// Some money ends between today and the end of this quarter.
    pub ends_this_quarter: bool,
    /// The newest note: date and what it says.
    pub latest_note: Option<String>,
    /// The count noted most: up, down or same since the note before; empty without two.
    pub trend: String,
    /// Running, but quiet for three months.
    pub quiet: bool,
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
    /// Second link person.
    pub deputy_person: String,
    /// Their contact.
    pub deputy_contact: String,
    /// Why the status is what it is (required for "ended").
    pub status_reason: String,
    /// Where it meets or works.
    pub venue: String,
    /// People taking part.
    pub participants: i32,
    /// Funding lines.
    pub funding: Vec<FundingLine>,
    /// Shorthand for one funding line: its source (used when `funding` is empty).
    pub funding_source: String,
    /// Shorthand: that line's end (YYYY-MM-DD).
    pub funding_ends_on: Option<String>,
    /// Partners.
    pub partners: Vec<PartnerView>,
}

#[cfg(feature = "ssr")]
impl CoalitionInput {
    /// Checks the input; the first problem as a Dutch sentence. Turns the one-line shorthand
    /// into a line.
    pub fn validate(&mut self) -> crate::Result<Vec<CheckedFunding>> {
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
        if self.status == "ended" && self.status_reason.trim().is_empty() {
            return Err(Invalid(
                "Schrijf op waarom de coalitie stopt: dat helpt een volgende.".into(),
            ));
        }
        for text in [
            &self.link_person,
            &self.link_contact,
            &self.deputy_person,
            &self.deputy_contact,
            &self.funding_source,
            &self.status_reason,
            &self.venue,
        ] {
            if text.chars().count() > 300 {
                return Err(Invalid("Houd de teksten korter dan 300 tekens.".into()));
            }
        }
        if self.funding.is_empty()
            && (!self.funding_source.trim().is_empty()
                || self
                    .funding_ends_on
                    .as_deref()
                    .is_some_and(|d| !d.trim().is_empty()))
        {
            self.funding.push(FundingLine {
                source: self.funding_source.clone(),
                ends_on: self.funding_ends_on.clone(),
                ..Default::default()
            });
        }
        if self.funding.len() > MAX_FUNDING_LINES {
            return Err(Invalid(
                "Een coalitie heeft hoogstens 10 geldstromen.".into(),
            ));
        }
        self.funding.iter().map(FundingLine::check).collect()
    }
}

/// A funding line with its dates read.
#[cfg(feature = "ssr")]
#[derive(Debug, Clone, PartialEq)]
pub struct CheckedFunding {
    /// Who pays.
    pub source: String,
    /// Euros.
    pub amount_euros: Option<i64>,
    /// First day.
    pub starts_on: Option<chrono::NaiveDate>,
    /// Last day.
    pub ends_on: Option<chrono::NaiveDate>,
}

#[cfg(feature = "ssr")]
impl FundingLine {
    /// The line with its dates read; the first problem as a Dutch sentence.
    pub fn check(&self) -> crate::Result<CheckedFunding> {
        use crate::Error::Invalid;
        let source = self.source.trim();
        let source = if source.is_empty() {
            "onbekend"
        } else {
            source
        };
        if source.chars().count() > 200 {
            return Err(Invalid(
                "Houd de bron van het geld korter dan 200 tekens.".into(),
            ));
        }
        if self
            .amount_euros
            .is_some_and(|a| !(0..=100_000_000).contains(&a))
        {
            return Err(Invalid("Het bedrag is een getal van 0 of meer.".into()));
        }
        let date = |text: &Option<String>| match text.as_deref().map(str::trim) {
            None | Some("") => Ok(None),
            Some(date) => chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d")
                .map(Some)
                .map_err(|_| {
                    Invalid("Schrijf de datum als jaar-maand-dag, zoals 2027-03-01.".into())
                }),
        };
        let (starts_on, ends_on) = (date(&self.starts_on)?, date(&self.ends_on)?);
        if let (Some(a), Some(b)) = (starts_on, ends_on) {
            if a > b {
                return Err(Invalid(
                    "Het geld begint voordat het stopt: kijk de data na.".into(),
                ));
            }
        }
        Ok(CheckedFunding {
            source: source.into(),
            amount_euros: self.amount_euros,
            starts_on,
            ends_on,
        })
    }
}
