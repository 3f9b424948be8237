//! A person's strength-based profile as pages and the API send it, and the three lanes of
//! suggestions as pages show them. Matching itself is `index::matching`; running it is
//! `service::matching`.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// A profile as typed in: codes from the shipped taxonomy, a postcode, a few choices.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ProfileInput {
    /// Leefgebied codes the person wants to work on.
    pub needs: Vec<String>,
    /// Talent codes: what they are good at or love doing.
    pub talents: Vec<String>,
    /// Talents in their own words ("ik kan goed koken"); read into codes.
    pub talent_words: String,
    /// Talent codes of activities they would like to do.
    pub interests: Vec<String>,
    /// Doelgroep codes they name themselves.
    pub groups: Vec<String>,
    /// Age in years.
    pub age: Option<u8>,
    /// Postcode or place.
    pub postcode: String,
    /// How far they can travel, km.
    pub max_km: Option<f64>,
    /// ISO weekdays they are free.
    pub days: Vec<u8>,
    /// Languages they speak (ISO 639-1).
    pub languages: Vec<String>,
    /// Only free offers.
    pub free_only: bool,
    /// Only offers without indicatie.
    pub without_referral: bool,
    /// Must keep their benefit.
    pub keeps_benefit: bool,
    /// Who helps already, in their own words.
    pub network: Vec<String>,
    /// How they get somewhere: `rolstoel` (wheelchair or rollator), `geen-fiets`.
    pub mobility: Vec<String>,
    /// Rather not in their own wijk (offers there move down, not out).
    pub avoid_own_wijk: bool,
    /// The others in the household, each with their own needs and talents; they share the
    /// place, travel, budget and benefit of the profile.
    pub household: Vec<MemberInput>,
}

/// Roles in a household.
pub const MEMBER_ROLES: [&str; 4] = ["ouder", "partner", "kind", "anders"];

/// Members of a household at most (besides the person).
pub const MAX_MEMBERS: usize = 8;

/// Someone else in the household: a first name or initials (never a BSN), age and role, and
/// their own needs and talents.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct MemberInput {
    /// First name or initials.
    pub name: String,
    /// Age in years (decides who is a child, so it is asked).
    pub age: Option<u8>,
    /// `ouder`, `partner`, `kind` or `anders` ([`MEMBER_ROLES`]).
    pub role: String,
    /// Leefgebied codes.
    pub needs: Vec<String>,
    /// Talent codes.
    pub talents: Vec<String>,
    /// How they get somewhere (`rolstoel`, `geen-fiets`); empty: as the household.
    pub mobility: Vec<String>,
}

/// Language codes as people type them ("ar, EN; tr"): lowercase, without empty ones.
pub fn language_codes(text: &str) -> Vec<String> {
    text.split([',', ' ', ';'])
        .map(|l| l.trim().to_lowercase())
        .filter(|l| !l.is_empty())
        .collect()
}

impl ProfileInput {
    /// True when nothing was filled in that could match.
    pub fn is_empty(&self) -> bool {
        self.needs.is_empty()
            && self.talents.is_empty()
            && self.interests.is_empty()
            && self.talent_words.trim().is_empty()
            && self
                .household
                .iter()
                .all(|m| m.needs.is_empty() && m.talents.is_empty())
    }
}

/// One suggestion as a page shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SuggestionView {
    /// The offer it is, or the offer the role is for.
    pub offer_id: Option<Uuid>,
    /// The role (need), when it is one.
    pub need_id: Option<Uuid>,
    /// Name.
    pub title: String,
    /// Who.
    pub organisation: String,
    /// Reasons in one Dutch line.
    pub explanation: String,
    /// Needs a referral or indicatie (comes after open offers).
    pub needs_referral: bool,
}

impl SuggestionView {
    /// What it points to, as a traject's pins and referral links say it: `vraag:<id>` for a
    /// role, `aanbod:<id>` for an offer.
    pub fn key(&self) -> String {
        match (self.need_id, self.offer_id) {
            (Some(need), _) => format!("vraag:{need}"),
            (None, Some(offer)) => format!("aanbod:{offer}"),
            _ => String::new(),
        }
    }
}

/// A partner of a coalition (proposed or stored).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PartnerView {
    /// The organisation, when it is one on the map.
    pub organisation_id: Option<Uuid>,
    /// Name.
    pub name: String,
    /// lead, deliverer, supporter, funder or venue.
    pub role: String,
    /// What it brings.
    pub gives: String,
    /// What it solves for this partner.
    pub gets: String,
    /// For a stored coalition: invited, accepted or left (empty in proposals).
    pub standing: String,
}

/// A proposed coalition as a page shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CoalitionProposal {
    /// The need it starts from.
    pub need_id: Uuid,
    /// Short name.
    pub title: String,
    /// Shared goal.
    pub goal: String,
    /// Partners, lead first.
    pub partners: Vec<PartnerView>,
    /// Who keeps it together.
    pub link_person: String,
    /// The numbers behind it.
    pub evidence: Vec<String>,
    /// CBS gemeente code of the need.
    pub gemeente: Option<String>,
    /// People nearby whose talents fit (open "ik kan iets" entries).
    pub talent_count: u32,
    /// People on the waiting list it helps.
    pub waiting_list: u32,
}

/// The three lanes for a profile.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct LanesView {
    /// Step zero: what the person brings and who is around them.
    pub own_strengths: Vec<String>,
    /// Bestaanszekerheid first: when money is one of the questions, the suggestions about
    /// money (schuldhulp, papieren, funds, the voedselbank) head the list. Moved, never dropped:
    /// they are not repeated in [`LanesView::meedoen`].
    pub money_first: Vec<SuggestionView>,
    /// Activities and services.
    pub meedoen: Vec<SuggestionView>,
    /// Roles that use a talent.
    pub bijdragen: Vec<SuggestionView>,
    /// Coalitions.
    pub samen: Vec<CoalitionProposal>,
    /// A Dutch sentence when the input could not be used.
    pub problem: Option<String>,
    /// Suggestions for each other member of the household.
    #[serde(default)]
    pub household: Vec<MemberLanes>,
    /// Activities a parent and a child of the household can do together.
    #[serde(default)]
    pub together: Vec<SuggestionView>,
}

/// The suggestions for one member of a household.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct MemberLanes {
    /// Who (as typed).
    pub name: String,
    /// Age.
    pub age: Option<u8>,
    /// Role code ([`MEMBER_ROLES`]).
    pub role: String,
    /// Activities and services for their needs.
    pub meedoen: Vec<SuggestionView>,
    /// Roles for their talents.
    pub bijdragen: Vec<SuggestionView>,
}
