//! One profile against the catalog: three lanes of explained suggestions.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::coalitions::{coalition_for_person, CoalitionSuggestion};
use super::model::{
    Catalog, CatalogNeed, CatalogOffer, Mobility, PlaceFacts, Profile, RolePay, StepFree,
    WALKING_KM,
};
use super::reasons::{ProfileItem, Reason};
use crate::LatLon;

/// Suggestions per lane at most (the lanes are for reading, not for paging).
pub const LANE_SIZE: usize = 12;

/// What a suggestion points to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(tag = "type", content = "id", rename_all = "snake_case")]
pub enum Target {
    /// An offer (HSDS service).
    Offer(Uuid),
    /// A need of an organisation (a role).
    Need(Uuid),
}

/// The stepped order of the seeds: first open community offers anyone can walk into, then
/// services that need an indicatie or referral. (Step zero, the person and their network, is
/// the profile itself; the app shows it in the reader's words.)
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Step {
    /// Open to everyone, no referral.
    Community,
    /// Needs a referral or indicatie.
    Service,
}

/// One suggestion with its reasons.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Suggestion {
    /// What it points to.
    pub target: Target,
    /// Name of the offer or role.
    pub title: String,
    /// Who offers or asks.
    pub organisation: String,
    /// Their id.
    pub organisation_id: Uuid,
    /// Community offer or service.
    pub step: Step,
    /// Higher is better; comparable within a lane.
    pub score: f64,
    /// Distance from the person, when both places are known.
    pub distance_km: Option<f64>,
    /// The facts behind it.
    pub reasons: Vec<Reason>,
    /// The facts in one line, in the reader's language: left empty by the engine (which
    /// knows no language) and filled in by the app (`app::explain`).
    pub explanation: String,
    /// The parts of the profile it uses.
    pub uses: Vec<ProfileItem>,
}

/// The answer for one profile.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Lanes {
    /// Activities and services that meet a need or an interest.
    pub meedoen: Vec<Suggestion>,
    /// Roles that use a talent, including needs created by waiting lists.
    pub bijdragen: Vec<Suggestion>,
    /// Coalitions that do both at once.
    pub samen: Vec<CoalitionSuggestion>,
}

/// 1 at the person's door, 0 at the edge of how far they travel; never rises with distance.
pub fn distance_score(km: f64, max_km: f64) -> f64 {
    if !km.is_finite() || !max_km.is_finite() || max_km <= 0.0 {
        return 0.0;
    }
    (1.0 - km / max_km).clamp(0.0, 1.0)
}

/// True when some place may lie within `km` of `from`: a cheap box test (degrees) that lets
/// most of a large catalog skip the haversine.
fn maybe_within(from: Option<LatLon>, places: &[LatLon], km: f64) -> bool {
    let Some(from) = from else { return true };
    if places.is_empty() {
        return true;
    }
    let dlat = km / 110.5;
    let dlon = km / (111.3 * from.lat().to_radians().cos().max(0.01));
    places
        .iter()
        .any(|p| (p.lat() - from.lat()).abs() <= dlat && (p.lon() - from.lon()).abs() <= dlon)
}

fn age_fits(age: Option<u8>, min: Option<u8>, max: Option<u8>) -> bool {
    match age {
        None => true,
        Some(a) => min.is_none_or(|m| a >= m) && max.is_none_or(|m| a <= m),
    }
}

fn overlap<'a>(a: &'a [String], b: &'a [String]) -> impl Iterator<Item = &'a String> {
    a.iter().filter(move |x| b.contains(x))
}

/// Matches a profile against the catalog.
pub fn match_profile(catalog: &Catalog, profile: &Profile) -> Lanes {
    // Only the offers within reach are looked at (a spatial prefilter, then the exact checks).
    let offers = catalog.offers_for(profile.at, profile.travel_km());
    let mut meedoen: Vec<Suggestion> = offers
        .iter()
        .filter_map(|o| meedoen_fit(o, profile))
        .collect();
    meedoen.sort_by(|a, b| {
        a.step
            .cmp(&b.step)
            .then(b.score.total_cmp(&a.score))
            .then(a.title.cmp(&b.title))
            // Ties by id: the order of the catalog (built whole or updated) must not matter.
            .then(a.target.cmp(&b.target))
    });
    meedoen.truncate(LANE_SIZE);

    let mut bijdragen: Vec<Suggestion> = catalog
        .needs
        .iter()
        .filter_map(|n| need_fit(n, profile))
        .chain(offers.iter().filter_map(|o| volunteering_fit(o, profile)))
        .collect();
    bijdragen.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then(a.title.cmp(&b.title))
            .then(a.target.cmp(&b.target))
    });
    bijdragen.truncate(LANE_SIZE);

    let mut samen: Vec<CoalitionSuggestion> = bijdragen
        .iter()
        .filter_map(|s| match s.target {
            Target::Need(id) => catalog.need(id),
            Target::Offer(_) => None,
        })
        .filter(|n| n.is_shortage())
        .filter_map(|n| coalition_for_person(catalog, n, profile))
        .collect();
    samen.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.need_id.cmp(&b.need_id)));
    samen.truncate(3);

    Lanes {
        meedoen,
        bijdragen,
        samen,
    }
}

/// An activity or service for the person, or `None` when a hard limit rules it out or nothing
/// of the profile fits. Talents and network are never read here.
fn meedoen_fit(o: &CatalogOffer, p: &Profile) -> Option<Suggestion> {
    let max_km = p.travel_km();
    // Cheap refusals first: most of a large catalog stops here without allocating.
    if !o.active
        || o.volunteering
        || !age_fits(p.age, o.min_age, o.max_age)
        || (p.free_only && !o.free)
        || (p.without_referral && !o.no_referral_needed)
        || !maybe_within(p.at, &o.places, max_km)
        || !(o.leefgebieden.iter().any(|l| p.needs.contains(l))
            || o.topics.iter().any(|t| p.interests.contains(t)))
    {
        return None;
    }
    let mut reasons = Vec::new();
    let mut uses = Vec::new();
    let mut score = 0.0;

    for code in overlap(&o.leefgebieden, &p.needs) {
        score += 3.0;
        reasons.push(Reason::Need {
            leefgebied: code.clone(),
        });
        uses.push(ProfileItem::Need(code.clone()));
    }
    for code in overlap(&o.topics, &p.interests) {
        score += 2.0;
        reasons.push(Reason::Interest {
            topic: code.clone(),
        });
        uses.push(ProfileItem::Interest(code.clone()));
    }
    for code in overlap(&o.groups, &p.groups) {
        score += 1.5;
        reasons.push(Reason::ForGroup {
            group: code.clone(),
        });
        uses.push(ProfileItem::Group(code.clone()));
    }

    // The hard limits on age, budget and referral were checked above; here only their reasons.
    if p.age.is_some() && (o.min_age.is_some() || o.max_age.is_some()) {
        reasons.push(Reason::Ages {
            min: o.min_age,
            max: o.max_age,
        });
        uses.push(ProfileItem::Age);
    }
    let reach = reach(&o.places, &o.place_facts, p, max_km)?;
    let distance_km = reach.distance_km;
    if let Some(km) = distance_km {
        score += distance_score(km, reach.limit_km);
        reasons.push(Reason::Distance { km });
        uses.push(ProfileItem::Place);
    }
    score += getting_there(&reach, p, !o.places.is_empty(), &mut reasons, &mut uses);
    if p.avoid_own_wijk && p.own_wijk.is_some() {
        if let Some(wijk) = &reach.facts.wijk {
            if Some(wijk) == p.own_wijk.as_ref() {
                score -= 4.0;
                reasons.push(Reason::InOwnWijk);
            } else {
                reasons.push(Reason::OutsideOwnWijk);
            }
            uses.push(ProfileItem::OwnWijk);
        }
    }
    if !p.days.is_empty() && !o.days.is_empty() {
        let shared: Vec<u8> = o
            .days
            .iter()
            .copied()
            .filter(|d| p.days.contains(d))
            .collect();
        if shared.is_empty() {
            return None;
        }
        score += 0.5;
        reasons.push(Reason::Days { days: shared });
        uses.push(ProfileItem::Days);
    } else if !o.days.is_empty() {
        reasons.push(Reason::Days {
            days: o.days.clone(),
        });
    }
    if o.free {
        score += 0.5;
        reasons.push(Reason::Free);
        if p.free_only {
            uses.push(ProfileItem::Budget);
        }
    }
    if o.no_referral_needed && p.without_referral {
        reasons.push(Reason::NoReferral);
        uses.push(ProfileItem::NoReferral);
    }
    let is_work = o.leefgebieden.iter().any(|l| l == "werk");
    // What a person tells never hides anything: work that was not cleared for a benefit is
    // shown with a word of advice instead.
    if p.keeps_benefit && is_work {
        reasons.push(if o.keeps_benefit {
            Reason::KeepsBenefit
        } else {
            Reason::AskBenefitFirst
        });
        uses.push(ProfileItem::KeepsBenefit);
    }
    // Soft: a language the person speaks better than Dutch.
    if let Some(code) = overlap(&o.languages, &p.languages).find(|c| *c != "nl") {
        score += 0.5;
        reasons.push(Reason::Language { code: code.clone() });
        uses.push(ProfileItem::Language(code.clone()));
    }
    let step = if o.no_referral_needed {
        Step::Community
    } else {
        Step::Service
    };
    Some(Suggestion {
        target: Target::Offer(o.id),
        title: o.name.clone(),
        organisation: o.organisation.clone(),
        organisation_id: o.organisation_id,
        step,
        score,
        distance_km,
        explanation: String::new(),
        reasons,
        uses,
    })
}

/// The place of an offer a person goes to, and how far they may travel to it.
struct Reach {
    distance_km: Option<f64>,
    limit_km: f64,
    facts: PlaceFacts,
}

/// The best of these places (`facts` in the same order) the person can get to (for a
/// wheelchair: one without steps before one nobody described; for someone who does not
/// cycle: within walking distance, or with pick-up or a stop nearby), nearest first; `None`
/// when there is none. Something without a place (online, at home) is always within reach.
fn reach(places: &[LatLon], facts: &[PlaceFacts], p: &Profile, max_km: f64) -> Option<Reach> {
    let wheelchair = p.mobility.contains(&Mobility::Rolstoel);
    let no_bike = p.mobility.contains(&Mobility::GeenFiets);
    if places.is_empty() {
        return Some(Reach {
            distance_km: None,
            limit_km: max_km,
            facts: PlaceFacts::default(),
        });
    }
    let mut best: Option<(u8, f64, f64, usize)> = None;
    for (i, at) in places.iter().enumerate() {
        let access = facts.get(i).map(|f| f.access).unwrap_or_default();
        let rank = match (wheelchair, access.step_free) {
            (true, StepFree::No) => continue,
            (true, StepFree::Yes) | (false, _) => 0,
            (true, _) => 1,
        };
        let limit = if no_bike && !(access.pick_up || access.near_transit) {
            WALKING_KM.min(max_km)
        } else {
            max_km
        };
        let km = match p.at {
            Some(from) => from.distance_km(*at),
            None => 0.0,
        };
        if km > limit {
            continue;
        }
        if best.is_none_or(|(r, k, _, _)| (rank, km) < (r, k)) {
            best = Some((rank, km, limit, i));
        }
    }
    let (_, km, limit_km, i) = best?;
    Some(Reach {
        distance_km: p.at.map(|_| km),
        limit_km,
        facts: facts.get(i).cloned().unwrap_or_default(),
    })
}

/// The reasons about getting there, and what they do to the score: a place nobody described
/// comes last for a wheelchair, with a word to call first (one with steps never came this far).
fn getting_there(
    reach: &Reach,
    p: &Profile,
    has_place: bool,
    reasons: &mut Vec<Reason>,
    uses: &mut Vec<ProfileItem>,
) -> f64 {
    let access = reach.facts.access;
    let mut score = 0.0;
    if p.mobility.contains(&Mobility::Rolstoel) && has_place {
        if access.step_free == StepFree::Yes {
            reasons.push(Reason::StepFree);
        } else {
            score -= 10.0;
            reasons.push(Reason::AskAccess);
        }
        uses.push(ProfileItem::Mobility);
    }
    if p.mobility.contains(&Mobility::GeenFiets) {
        if access.pick_up {
            reasons.push(Reason::PickUp);
            uses.push(ProfileItem::Mobility);
        } else if access.near_transit && reach.distance_km.is_some_and(|km| km > WALKING_KM) {
            reasons.push(Reason::NearTransit);
            uses.push(ProfileItem::Mobility);
        }
    }
    score
}

/// The start of a role suggestion: reasons, profile items used, score, distance.
struct TalentFit {
    reasons: Vec<Reason>,
    uses: Vec<ProfileItem>,
    score: f64,
    distance_km: Option<f64>,
}

/// A specific talent also fits a role that asks for the broader one: a register may ask for
/// "sport" where the person says "voetbal".
const BROADER: &[(&str, &str)] = &[("voetbal", "sport")];

/// The person's talents that a role asking for `wanted` can use.
pub(crate) fn fitting_talents<'a>(wanted: &[String], theirs: &'a [String]) -> Vec<&'a String> {
    theirs
        .iter()
        .filter(|t| {
            wanted.contains(t)
                || BROADER
                    .iter()
                    .any(|(narrow, broad)| narrow == t && wanted.iter().any(|w| w == broad))
        })
        .collect()
}

/// What roles and volunteering offers share: the talents that fit, the age limit, the distance;
/// `None` when no talent fits or a hard limit rules it out.
fn talent_fit(
    wanted: &[String],
    min_age: Option<u8>,
    max_age: Option<u8>,
    places: &[LatLon],
    facts: &[PlaceFacts],
    p: &Profile,
) -> Option<TalentFit> {
    let fits = fitting_talents(wanted, &p.talents);
    if fits.is_empty() || !age_fits(p.age, min_age, max_age) {
        return None;
    }
    let max_km = p.travel_km();
    let reach = reach(places, facts, p, max_km)?;
    let distance_km = reach.distance_km;
    let mut reasons: Vec<Reason> = fits
        .iter()
        .map(|t| Reason::Talent {
            talent: (*t).clone(),
        })
        .collect();
    let mut uses: Vec<ProfileItem> = fits
        .iter()
        .map(|t| ProfileItem::Talent((*t).clone()))
        .collect();
    let mut score = 3.0 * fits.len() as f64;
    if let Some(km) = distance_km {
        score += distance_score(km, reach.limit_km);
        reasons.push(Reason::Distance { km });
        uses.push(ProfileItem::Place);
    }
    score += getting_there(&reach, p, !places.is_empty(), &mut reasons, &mut uses);
    Some(TalentFit {
        reasons,
        uses,
        score,
        distance_km,
    })
}

/// A role that uses a talent of the person.
fn need_fit(n: &CatalogNeed, p: &Profile) -> Option<Suggestion> {
    let TalentFit {
        mut reasons,
        mut uses,
        mut score,
        distance_km,
    } = talent_fit(
        &n.talents,
        n.min_age,
        n.max_age,
        n.at.as_slice(),
        std::slice::from_ref(&n.place_facts),
        p,
    )?;
    if n.min_age.is_some() || n.max_age.is_some() {
        reasons.push(Reason::Ages {
            min: n.min_age,
            max: n.max_age,
        });
        if p.age.is_some() {
            uses.push(ProfileItem::Age);
        }
    }
    if n.waiting_list > 0 {
        // A role that empties a waiting list does double good.
        score += (n.waiting_list.min(50) as f64) / 25.0;
        reasons.push(Reason::WaitingList {
            people: n.waiting_list,
        });
    }
    if n.people_wanted > 0 {
        score += 0.5;
        reasons.push(Reason::PeopleWanted {
            people: n.people_wanted,
        });
    }
    if !n.days.is_empty() {
        let shared: Vec<u8> = n
            .days
            .iter()
            .copied()
            .filter(|d| p.days.contains(d))
            .collect();
        if !shared.is_empty() {
            score += 0.5;
            reasons.push(Reason::Days { days: shared });
            uses.push(ProfileItem::Days);
        } else {
            reasons.push(Reason::Days {
                days: n.days.clone(),
            });
        }
    }
    if n.training {
        reasons.push(Reason::Training);
    }
    // An allowance that was not cleared can cut a benefit: say so, never hide the role.
    if let RolePay::Allowance { cleared } = n.pay {
        if p.keeps_benefit {
            reasons.push(if cleared {
                Reason::KeepsBenefit
            } else {
                Reason::AskBenefitFirst
            });
            uses.push(ProfileItem::KeepsBenefit);
        }
    }
    Some(Suggestion {
        target: Target::Need(n.id),
        title: n.title.clone(),
        organisation: n.organisation.clone(),
        organisation_id: n.organisation_id,
        step: Step::Community,
        score,
        distance_km,
        explanation: String::new(),
        reasons,
        uses,
    })
}

/// A volunteering offer (vrijwilligerswerk) about something the person is good at.
fn volunteering_fit(o: &CatalogOffer, p: &Profile) -> Option<Suggestion> {
    if !o.active || !o.volunteering {
        return None;
    }
    let TalentFit {
        reasons,
        uses,
        score,
        distance_km,
    } = talent_fit(
        &o.topics,
        o.min_age,
        o.max_age,
        &o.places,
        &o.place_facts,
        p,
    )?;
    Some(Suggestion {
        target: Target::Offer(o.id),
        title: o.name.clone(),
        organisation: o.organisation.clone(),
        organisation_id: o.organisation_id,
        step: Step::Community,
        score,
        distance_km,
        explanation: String::new(),
        reasons,
        uses,
    })
}

/// Suggestions for a household together at most.
pub const TOGETHER_SIZE: usize = 6;

/// Activities a parent and a child of the household can do together: open to a child of
/// `children` (ages) by age and meant for children and their parents (a register's own
/// "ouders" group, or a name that says so). `household` holds what the household shares: the
/// place, how far and how they travel, budget and referral limits, and the needs of all
/// members (these rank, they do not filter). Empty without children.
pub fn match_together(catalog: &Catalog, household: &Profile, children: &[u8]) -> Vec<Suggestion> {
    if children.is_empty() {
        return Vec::new();
    }
    let mut out: Vec<Suggestion> = catalog
        .offers_for(household.at, household.travel_km())
        .into_iter()
        .filter_map(|o| together_fit(o, household, children))
        .collect();
    out.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then(a.title.cmp(&b.title))
            .then(a.target.cmp(&b.target))
    });
    out.truncate(TOGETHER_SIZE);
    out
}

/// Words in a name that say it is for a parent and child together (registers that have no
/// "ouders" group say it in the name).
const TOGETHER_WORDS: &[&str] = &[
    "ouder en kind",
    "ouder-kind",
    "ouder-en-kind",
    "met je kind",
    "met uw kind",
    "gezin",
    "familie",
    "papa",
    "mama",
];

fn together_fit(o: &CatalogOffer, p: &Profile, children: &[u8]) -> Option<Suggestion> {
    if !o.active
        || o.volunteering
        || (p.free_only && !o.free)
        || (p.without_referral && !o.no_referral_needed)
        || !maybe_within(p.at, &o.places, p.travel_km())
    {
        return None;
    }
    let for_children = o.groups.iter().any(|g| g == "kinderen" || g == "jongeren")
        || o.max_age.is_some_and(|m| m < 18)
        || o.leefgebieden.iter().any(|l| l == "opgroeien");
    let name = o.name.to_lowercase();
    let for_parents =
        o.groups.iter().any(|g| g == "ouders") || TOGETHER_WORDS.iter().any(|w| name.contains(w));
    if !(for_children && for_parents) {
        return None;
    }
    let ages: Vec<u8> = children
        .iter()
        .copied()
        .filter(|a| age_fits(Some(*a), o.min_age, o.max_age))
        .collect();
    if ages.is_empty() {
        return None;
    }
    let mut reasons = vec![Reason::Together { ages: ages.clone() }];
    let mut uses = vec![ProfileItem::Household];
    let mut score = ages.len() as f64;
    for code in overlap(&o.leefgebieden, &p.needs) {
        score += 3.0;
        reasons.push(Reason::Need {
            leefgebied: code.clone(),
        });
        uses.push(ProfileItem::Need(code.clone()));
    }
    let reach = reach(&o.places, &o.place_facts, p, p.travel_km())?;
    if let Some(km) = reach.distance_km {
        score += distance_score(km, reach.limit_km);
        reasons.push(Reason::Distance { km });
        uses.push(ProfileItem::Place);
    }
    score += getting_there(&reach, p, !o.places.is_empty(), &mut reasons, &mut uses);
    if !o.days.is_empty() {
        reasons.push(Reason::Days {
            days: o.days.clone(),
        });
    }
    if o.free {
        score += 0.5;
        reasons.push(Reason::Free);
    }
    Some(Suggestion {
        target: Target::Offer(o.id),
        title: o.name.clone(),
        organisation: o.organisation.clone(),
        organisation_id: o.organisation_id,
        step: if o.no_referral_needed {
            Step::Community
        } else {
            Step::Service
        },
        score,
        distance_km: reach.distance_km,
        explanation: String::new(),
        reasons,
        uses,
    })
}
