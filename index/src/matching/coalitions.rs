//! Win-win detection: an organisation's shortage, people nearby whose talents fit it, and the
//! partners that make it work (a route, supervision, a venue). Nothing is hard-coded: the
//! Trainerskracht case comes out of a club's waiting list, a trainer role and "ik kan iets"
//! entries with *voetbal* nearby.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::model::{Catalog, CatalogNeed, CatalogOrganisation, PartnerKind, Profile, TalentEntry};
use crate::LatLon;

/// People with a fitting talent are counted within this distance of the need (km).
pub const TALENT_RADIUS_KM: f64 = 5.0;
/// Supporting partners are looked for within this distance of the need (km).
pub const PARTNER_RADIUS_KM: f64 = 10.0;

/// The role of a partner in a coalition.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PartnerRole {
    /// Carries the coalition.
    Lead,
    /// Does the work with people.
    Deliverer,
    /// Brings people, a route, supervision.
    Supporter,
    /// Pays.
    Funder,
    /// Offers the space.
    Venue,
}

impl PartnerRole {
    /// The role as stored and in URLs.
    pub fn code(self) -> &'static str {
        match self {
            PartnerRole::Lead => "lead",
            PartnerRole::Deliverer => "deliverer",
            PartnerRole::Supporter => "supporter",
            PartnerRole::Funder => "funder",
            PartnerRole::Venue => "venue",
        }
    }

    /// Reads a stored code.
    pub fn parse(code: &str) -> Option<PartnerRole> {
        Some(match code.trim() {
            "lead" => PartnerRole::Lead,
            "deliverer" => PartnerRole::Deliverer,
            "supporter" => PartnerRole::Supporter,
            "funder" => PartnerRole::Funder,
            "venue" => PartnerRole::Venue,
            _ => return None,
        })
    }
}

/// Every text of a proposed coalition as facts, so the app can word it in the reader's
/// language: the engine decides *what* is said, never *how*.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "say", rename_all = "snake_case")]
pub enum Phrase {
    /// An organisation, by its own name.
    Name {
        /// The name.
        name: String,
    },
    /// The person the suggestion is for ("Jij").
    You,
    /// A number of residents nearby.
    Residents {
        /// How many.
        count: u32,
    },
    /// What the organisation with the need gives, by kind of need (`trainer`, `ruimte`, …).
    LeadGives {
        /// The need's kind.
        kind: String,
        /// What comes with the role, as the organisation said (nothing is promised beyond it).
        extras: RoleExtras,
    },
    /// What the organisation with the need gets: people for the need and/or a shorter list.
    LeadGets {
        /// The need's title.
        need: String,
        /// People it asks for (0: not said).
        wanted: u32,
        /// People on its waiting list.
        waiting: u32,
    },
    /// What a supporting partner of this kind brings.
    PartnerGives {
        /// The partner's kind.
        kind: PartnerKind,
    },
    /// What a supporting partner of this kind gets out of it.
    PartnerGets {
        /// The partner's kind.
        kind: PartnerKind,
    },
    /// What the person or the residents bring: these talents (codes).
    Talents {
        /// Talent codes.
        talents: Vec<String>,
        /// True for the person themselves ("wat je goed kunt").
        yours: bool,
    },
    /// What the person or the residents get: a role that matters, and what comes with it.
    MeaningfulRole {
        /// True for the person themselves.
        yours: bool,
        /// What comes with the role, as the organisation said.
        extras: RoleExtras,
    },
    /// The link person: someone of the wijkteam (`wijkteam`) or of the organisation.
    LinkPerson {
        /// True when a wijkteam takes part.
        wijkteam: bool,
    },
    /// The shared goal: clear the waiting list (`waiting` > 0) or find the people it seeks.
    Goal {
        /// The organisation with the need.
        organisation: String,
        /// People on the waiting list.
        waiting: u32,
    },
    /// Evidence: people on the waiting list.
    OnWaitingList {
        /// How many.
        count: u32,
    },
    /// Evidence: the organisation looks for people.
    LooksFor {
        /// The organisation.
        organisation: String,
        /// How many people.
        count: u32,
        /// The need's title.
        need: String,
    },
    /// Evidence: people nearby who are good at or love these talents.
    TalentsNearby {
        /// How many people.
        count: u32,
        /// Within this distance (km).
        km: f64,
        /// Talent codes.
        talents: Vec<String>,
    },
    /// Evidence: a partner at this distance.
    PartnerAt {
        /// The partner.
        name: String,
        /// Distance (km).
        km: f64,
    },
}

/// What comes with a role, as its organisation said: a course, support, an allowance. Coalition
/// texts name only these, so they never promise what a club does not give.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoleExtras {
    /// A course or training.
    pub training: bool,
    /// Someone supports the volunteer.
    pub support: bool,
    /// A volunteer allowance.
    pub allowance: bool,
}

impl RoleExtras {
    /// The extras of a need.
    pub fn of(need: &CatalogNeed) -> RoleExtras {
        RoleExtras {
            training: need.training,
            support: need.support,
            allowance: matches!(need.pay, super::model::RolePay::Allowance { .. }),
        }
    }
}

/// A partner in a proposed coalition: what it gives, what it gets.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProposedPartner {
    /// The organisation, or `None` for the person or group of people themselves.
    pub organisation_id: Option<Uuid>,
    /// Name.
    pub name: Phrase,
    /// Role in the coalition.
    pub role: PartnerRole,
    /// What it brings.
    pub gives: Phrase,
    /// What it solves for this partner.
    pub gets: Phrase,
    /// Distance to the need, when known.
    pub distance_km: Option<f64>,
}

/// A proposed coalition with its evidence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CoalitionSuggestion {
    /// The need it starts from.
    pub need_id: Uuid,
    /// A short name.
    pub title: String,
    /// The shared goal.
    pub goal: Phrase,
    /// The partners, lead first.
    pub partners: Vec<ProposedPartner>,
    /// Who keeps it together ("verbindende schakel").
    pub link_person: Phrase,
    /// The numbers behind it.
    pub evidence: Vec<Phrase>,
    /// People nearby whose talents fit.
    pub talent_count: u32,
    /// People on the waiting list it helps.
    pub waiting_list: u32,
    /// Higher is more promising.
    pub score: f64,
}

fn nearest_partner(
    catalog: &Catalog,
    kind: PartnerKind,
    at: Option<LatLon>,
    not: Uuid,
) -> Option<(&CatalogOrganisation, Option<f64>)> {
    let fits = |o: &&CatalogOrganisation| o.partner == Some(kind) && o.id != not;
    match at {
        Some(at) => catalog
            .organisations_near(at, PARTNER_RADIUS_KM)
            .into_iter()
            .filter(fits)
            .filter_map(|o| Some((o, at.distance_km(o.at?))))
            .filter(|(_, km)| *km <= PARTNER_RADIUS_KM)
            .min_by(|a, b| a.1.total_cmp(&b.1).then(a.0.id.cmp(&b.0.id)))
            .map(|(o, km)| (o, Some(km))),
        None => catalog
            .organisations
            .iter()
            .filter(fits)
            .min_by(|a, b| a.name.cmp(&b.name).then(a.id.cmp(&b.id)))
            .map(|o| (o, None)),
    }
}

/// Builds a coalition around a need; `people` is who brings the talent ("Jij", or a count).
fn build(
    catalog: &Catalog,
    need: &CatalogNeed,
    people: ProposedPartner,
    with_school: bool,
    talent_count: u32,
) -> CoalitionSuggestion {
    let mut partners = vec![
        ProposedPartner {
            organisation_id: Some(need.organisation_id),
            name: Phrase::Name {
                name: need.organisation.clone(),
            },
            role: PartnerRole::Lead,
            gives: Phrase::LeadGives {
                kind: need.kind.clone(),
                extras: RoleExtras::of(need),
            },
            gets: Phrase::LeadGets {
                need: need.title.clone(),
                wanted: need.people_wanted,
                waiting: need.waiting_list,
            },
            distance_km: None,
        },
        people,
    ];
    let young = need.max_age.is_some_and(|m| m <= 30);
    let mut add = |kind: PartnerKind, role: PartnerRole| {
        if let Some((org, km)) = nearest_partner(catalog, kind, need.at, need.organisation_id) {
            partners.push(ProposedPartner {
                organisation_id: Some(org.id),
                name: Phrase::Name {
                    name: org.name.clone(),
                },
                role,
                gives: Phrase::PartnerGives { kind },
                gets: Phrase::PartnerGets { kind },
                distance_km: km,
            });
            true
        } else {
            false
        }
    };
    let wijkteam = add(PartnerKind::Wijkteam, PartnerRole::Supporter);
    if young {
        add(PartnerKind::Jongerenwerk, PartnerRole::Supporter);
    }
    if with_school || young {
        add(PartnerKind::School, PartnerRole::Supporter);
        add(PartnerKind::Opleiding, PartnerRole::Deliverer);
    }
    if need.kind == "ruimte" {
        add(PartnerKind::Buurthuis, PartnerRole::Venue);
    }
    if need.kind == "financiering" {
        add(PartnerKind::Fonds, PartnerRole::Funder);
    }
    let link_person = Phrase::LinkPerson { wijkteam };
    let mut evidence = Vec::new();
    if need.waiting_list > 0 {
        evidence.push(Phrase::OnWaitingList {
            count: need.waiting_list,
        });
    }
    if need.people_wanted > 0 {
        evidence.push(Phrase::LooksFor {
            organisation: need.organisation.clone(),
            count: need.people_wanted,
            need: need.title.clone(),
        });
    }
    if talent_count > 0 {
        evidence.push(Phrase::TalentsNearby {
            count: talent_count,
            km: TALENT_RADIUS_KM,
            talents: need.talents.clone(),
        });
    }
    for p in partners.iter().skip(2) {
        if let (Phrase::Name { name }, Some(km)) = (&p.name, p.distance_km) {
            evidence.push(Phrase::PartnerAt {
                name: name.clone(),
                km,
            });
        }
    }
    let score = need.waiting_list.min(100) as f64 / 10.0
        + need.people_wanted.min(20) as f64 / 4.0
        + talent_count.min(50) as f64
        + (partners.len() as f64 - 2.0) * 0.5;
    CoalitionSuggestion {
        need_id: need.id,
        title: format!("{}: {}", need.organisation, need.title),
        goal: Phrase::Goal {
            organisation: need.organisation.clone(),
            waiting: need.waiting_list,
        },
        partners,
        link_person,
        evidence,
        talent_count,
        waiting_list: need.waiting_list,
        score,
    }
}

/// The coalition one person would be part of by taking a role (the *samen* lane).
pub fn coalition_for_person(
    catalog: &Catalog,
    need: &CatalogNeed,
    profile: &Profile,
) -> Option<CoalitionSuggestion> {
    // The same fit as the role itself: "voetbal" fits a role that asks for "sport".
    let fits: Vec<String> = super::engine::fitting_talents(&need.talents, &profile.talents)
        .into_iter()
        .cloned()
        .collect();
    if fits.is_empty() {
        return None;
    }
    let person = ProposedPartner {
        organisation_id: None,
        name: Phrase::You,
        role: PartnerRole::Deliverer,
        gives: Phrase::Talents {
            talents: fits,
            yours: true,
        },
        gets: Phrase::MeaningfulRole {
            yours: true,
            extras: RoleExtras::of(need),
        },
        distance_km: None,
    };
    // A school joins when the person is working on learning or work: a route back, with credit.
    let with_school = profile.needs.iter().any(|n| n == "leren" || n == "werk");
    let suggestion = build(catalog, need, person, with_school, 0);
    // Only a coalition when someone besides the club and the person takes part.
    (suggestion.partners.len() > 2).then_some(suggestion)
}

/// Scans the needs of a gemeente (or all, for `None`) for coalitions with people nearby.
pub fn scan_coalitions(catalog: &Catalog, gemeente: Option<&str>) -> Vec<CoalitionSuggestion> {
    let mut found: Vec<CoalitionSuggestion> = catalog
        .needs
        .iter()
        .filter(|n| n.is_shortage())
        .filter(|n| gemeente.is_none_or(|g| n.gemeente.as_deref() == Some(g)))
        .filter_map(|need| {
            let at = need.at?;
            let count = catalog
                .talent_entries_near(at, TALENT_RADIUS_KM)
                .into_iter()
                .filter(|e| e.talents.iter().any(|t| need.talents.contains(t)))
                .filter(|e| match e.age {
                    Some(a) => {
                        need.min_age.is_none_or(|m| a >= m) && need.max_age.is_none_or(|m| a <= m)
                    }
                    None => true,
                })
                .filter(|e| e.at.distance_km(at) <= TALENT_RADIUS_KM)
                .count() as u32;
            if count == 0 {
                return None;
            }
            let people = ProposedPartner {
                organisation_id: None,
                name: Phrase::Residents { count },
                role: PartnerRole::Deliverer,
                gives: Phrase::Talents {
                    talents: need.talents.clone(),
                    yours: false,
                },
                gets: Phrase::MeaningfulRole {
                    yours: false,
                    extras: RoleExtras::of(need),
                },
                distance_km: None,
            };
            Some(build(catalog, need, people, false, count))
        })
        .collect();
    found.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then(a.title.cmp(&b.title))
            .then(a.need_id.cmp(&b.need_id))
    });
    found
}

/// Talents that wait unused: for every open "ik kan iets" entry, each of its talents that no
/// open role within `km` asks for, with where the entry is (the middle of its PC4 area). The
/// gemeente counts these per wijk, so a club or buurthuis nearby can start something.
/// `extra` entries (talents from elsewhere, such as open trajecten) count as well.
pub fn unused_talents<'a>(
    catalog: &'a Catalog,
    extra: &'a [TalentEntry],
    km: f64,
) -> Vec<(LatLon, &'a str)> {
    let mut unused = Vec::new();
    for entry in catalog.talent_entries.iter().chain(extra) {
        for talent in &entry.talents {
            let asked = catalog.needs_near(entry.at, km).into_iter().any(|need| {
                need.talents.contains(talent)
                    && need.at.is_some_and(|at| at.distance_km(entry.at) <= km)
            });
            if !asked {
                unused.push((entry.at, talent.as_str()));
            }
        }
    }
    unused
}
