//! A person's strength-based profile as pages and the API send it, and the three lanes of
//! suggestions as pages show them. Matching itself is `index::matching`.

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
}

impl ProfileInput {
    /// True when nothing was filled in that could match.
    pub fn is_empty(&self) -> bool {
        self.needs.is_empty()
            && self.talents.is_empty()
            && self.interests.is_empty()
            && self.talent_words.trim().is_empty()
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
    /// Activities and services.
    pub meedoen: Vec<SuggestionView>,
    /// Roles that use a talent.
    pub bijdragen: Vec<SuggestionView>,
    /// Coalitions.
    pub samen: Vec<CoalitionProposal>,
    /// A Dutch sentence when the input could not be used.
    pub problem: Option<String>,
}

#[cfg(feature = "ssr")]
pub use ssr::*;

#[cfg(feature = "ssr")]
mod ssr {
    use index::matching::{
        match_profile, scan_coalitions, Catalog, CoalitionSuggestion, Lanes, Profile, Step,
        Suggestion, Target, MAX_TRAVEL_KM,
    };
    use index::Geocoder;

    use super::*;
    use crate::db::{term_name, topics_of};
    use crate::i18n::Lang;
    use crate::{AppState, Error, Result};

    const MAX_ITEMS: usize = 20;

    fn codes(taxonomy: &str, what: &str, values: &[String]) -> Result<Vec<String>> {
        if values.len() > MAX_ITEMS {
            return Err(Error::Invalid(format!(
                "Kies hoogstens {MAX_ITEMS} {what}."
            )));
        }
        let mut out = Vec::new();
        for v in values {
            let code = v.trim().to_lowercase();
            if term_name(taxonomy, &code).is_none() {
                return Err(Error::Invalid(format!(
                    "We kennen \"{}\" niet als {what}.",
                    v.chars().take(40).collect::<String>()
                )));
            }
            if !out.contains(&code) {
                out.push(code);
            }
        }
        Ok(out)
    }

    impl ProfileInput {
        /// Checks every field and reads the place; a clear Dutch sentence for what is wrong.
        pub fn parse(&self) -> Result<Profile> {
            let mut talents = codes("talent", "talent", &self.talents)?;
            for code in topics_of(&self.talent_words.chars().take(300).collect::<String>()) {
                if !talents.contains(&code) {
                    talents.push(code);
                }
            }
            if self.age.is_some_and(|a| a > 120) {
                return Err(Error::Invalid(
                    "Vul een leeftijd in tussen 0 en 120.".into(),
                ));
            }
            if let Some(km) = self.max_km {
                if !(km.is_finite() && km > 0.0 && km <= MAX_TRAVEL_KM) {
                    return Err(Error::Invalid(format!(
                        "Kies een afstand tussen 0 en {MAX_TRAVEL_KM} km."
                    )));
                }
            }
            if self.days.iter().any(|d| !(1..=7).contains(d)) {
                return Err(Error::Invalid(
                    "Dagen gaan van 1 (maandag) tot en met 7 (zondag).".into(),
                ));
            }
            let languages: Vec<String> = self
                .languages
                .iter()
                .map(|l| l.trim().to_lowercase())
                .collect();
            if languages.len() > MAX_ITEMS
                || languages.iter().any(|l| {
                    !(2..=3).contains(&l.len()) || !l.chars().all(|c| c.is_ascii_lowercase())
                })
            {
                return Err(Error::Invalid(
                    "Geef talen als code van twee of drie letters, zoals nl, en of ar.".into(),
                ));
            }
            if self.network.len() > 10 || self.network.iter().any(|n| n.chars().count() > 100) {
                return Err(Error::Invalid(
                    "Noem hoogstens tien mensen of groepen in je netwerk, kort (100 tekens)."
                        .into(),
                ));
            }
            let at = match self.postcode.trim() {
                "" => None,
                place => Some(Geocoder::embedded().locate(place)?),
            };
            Ok(Profile {
                needs: codes("leefgebied", "onderwerp", &self.needs)?,
                talents,
                interests: codes("talent", "interesse", &self.interests)?,
                groups: codes("doelgroep", "groep", &self.groups)?,
                age: self.age,
                at,
                max_km: self.max_km,
                days: self.days.clone(),
                languages,
                free_only: self.free_only,
                without_referral: self.without_referral,
                keeps_benefit: self.keeps_benefit,
                network: self.network.iter().map(|n| n.trim().to_string()).collect(),
            })
        }
    }

    /// The catalog of this node, read from the database.
    pub async fn catalog(state: &AppState) -> Result<Catalog> {
        crate::db::load_catalog(&state.db).await
    }

    /// Matches a profile; the engine is pure and fast, the database read is the cost.
    /// Matches a profile; the suggestions' explanations are written in `lang`.
    pub async fn run_match(
        state: &AppState,
        profile: &Profile,
        lang: Lang,
    ) -> Result<(Catalog, Lanes)> {
        let catalog = catalog(state).await?;
        let mut lanes = match_profile(&catalog, profile);
        for s in lanes.meedoen.iter_mut().chain(lanes.bijdragen.iter_mut()) {
            s.explanation = crate::explain::explain(&s.reasons, lang);
        }
        Ok((catalog, lanes))
    }

    /// Coalition proposals for a gemeente (or all).
    pub async fn coalition_proposals(
        state: &AppState,
        gemeente: Option<&str>,
    ) -> Result<Vec<CoalitionProposal>> {
        let catalog = catalog(state).await?;
        Ok(scan_coalitions(&catalog, gemeente)
            .iter()
            .map(|c| proposal_view(&catalog, c))
            .collect())
    }

    fn suggestion_view(catalog: &Catalog, s: &Suggestion) -> SuggestionView {
        let (offer_id, need_id) = match s.target {
            Target::Offer(id) => (Some(id), None),
            Target::Need(id) => (
                catalog
                    .needs
                    .iter()
                    .find(|n| n.id == id)
                    .and_then(|n| n.offer_id),
                Some(id),
            ),
        };
        SuggestionView {
            offer_id,
            need_id,
            title: s.title.clone(),
            organisation: s.organisation.clone(),
            explanation: s.explanation.clone(),
            needs_referral: s.step == Step::Service,
        }
    }

    /// A proposal as pages show it.
    pub fn proposal_view(catalog: &Catalog, c: &CoalitionSuggestion) -> CoalitionProposal {
        CoalitionProposal {
            need_id: c.need_id,
            title: c.title.clone(),
            goal: c.goal.clone(),
            partners: c
                .partners
                .iter()
                .map(|p| PartnerView {
                    organisation_id: p.organisation_id,
                    name: p.name.clone(),
                    role: p.role.code().into(),
                    gives: p.gives.clone(),
                    gets: p.gets.clone(),
                })
                .collect(),
            link_person: c.link_person.clone(),
            evidence: c.evidence.clone(),
            gemeente: catalog
                .needs
                .iter()
                .find(|n| n.id == c.need_id)
                .and_then(|n| n.gemeente.clone()),
            talent_count: c.talent_count,
            waiting_list: c.waiting_list,
        }
    }

    /// The lanes as pages show them.
    pub fn lanes_view(catalog: &Catalog, lanes: &Lanes) -> LanesView {
        LanesView {
            own_strengths: lanes.own_strengths.clone(),
            meedoen: lanes
                .meedoen
                .iter()
                .map(|s| suggestion_view(catalog, s))
                .collect(),
            bijdragen: lanes
                .bijdragen
                .iter()
                .map(|s| suggestion_view(catalog, s))
                .collect(),
            samen: lanes
                .samen
                .iter()
                .map(|c| proposal_view(catalog, c))
                .collect(),
            problem: None,
        }
    }
}
