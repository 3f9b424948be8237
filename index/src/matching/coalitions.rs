//! Win-win detection: an organisation's shortage, people nearby whose talents fit it, and the
//! partners that make it work (a route, supervision, a venue). Nothing is hard-coded: the
//! Trainerskracht case comes out of a club's waiting list, a trainer role and "ik kan iets"
//! entries with *voetbal* nearby.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::model::{Catalog, CatalogNeed, CatalogOrganisation, PartnerKind, Profile};
use super::reasons::km_in_words;
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

    /// In Dutch, for pages.
    pub fn in_dutch(self) -> &'static str {
        match self {
            PartnerRole::Lead => "trekker",
            PartnerRole::Deliverer => "uitvoerder",
            PartnerRole::Supporter => "ondersteuner",
            PartnerRole::Funder => "financier",
            PartnerRole::Venue => "plek",
        }
    }
}

/// A partner in a proposed coalition: what it gives, what it gets.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProposedPartner {
    /// The organisation, or `None` for the person or group of people themselves.
    pub organisation_id: Option<Uuid>,
    /// Name.
    pub name: String,
    /// Role in the coalition.
    pub role: PartnerRole,
    /// What it brings.
    pub gives: String,
    /// What it solves for this partner.
    pub gets: String,
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
    /// The shared goal in one sentence.
    pub goal: String,
    /// The partners, lead first.
    pub partners: Vec<ProposedPartner>,
    /// Who keeps it together ("verbindende schakel").
    pub link_person: String,
    /// The numbers behind it, in words.
    pub evidence: Vec<String>,
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
    let candidates = catalog
        .organisations
        .iter()
        .filter(|o| o.partner == Some(kind) && o.id != not);
    match at {
        Some(at) => candidates
            .filter_map(|o| Some((o, at.distance_km(o.at?))))
            .filter(|(_, km)| *km <= PARTNER_RADIUS_KM)
            .min_by(|a, b| a.1.total_cmp(&b.1))
            .map(|(o, km)| (o, Some(km))),
        None => candidates
            .min_by(|a, b| a.name.cmp(&b.name))
            .map(|o| (o, None)),
    }
}

fn talent_names(catalog: &Catalog, talents: &[String]) -> String {
    let names: Vec<String> = talents
        .iter()
        .map(|t| catalog.labels.name("talent", t))
        .collect();
    match names.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} of {last}", rest.join(", ")),
    }
}

/// What the organisation with the need gives and gets, by kind of need.
fn lead_terms(need: &CatalogNeed) -> (String, String) {
    let gets = match (need.waiting_list, need.people_wanted) {
        (0, 0) => format!("hulp bij: {}", need.title.to_lowercase()),
        (0, n) => format!("{n} mensen voor: {}", need.title.to_lowercase()),
        (w, 0) => format!("een kortere wachtlijst ({w} wachtenden)"),
        (w, n) => format!("{n} mensen erbij en een kortere wachtlijst ({w} wachtenden)"),
    };
    let gives = match need.kind.as_str() {
        "trainer" => "een vaste rol als trainer, een cursus en een begeleider".to_string(),
        "vrijwilliger" => "een zinvolle rol met begeleiding en een vrijwilligersvergoeding".into(),
        "ruimte" => "activiteiten voor de buurt in de ruimte".into(),
        "deelnemers" => "een plek in het aanbod".into(),
        _ => "een plek om mee te doen".into(),
    };
    (gives, gets)
}

/// Builds a coalition around a need; `people` is who brings the talent ("Jij", or a count).
fn build(
    catalog: &Catalog,
    need: &CatalogNeed,
    people: ProposedPartner,
    with_school: bool,
    talent_count: u32,
) -> CoalitionSuggestion {
    let (gives, gets) = lead_terms(need);
    let mut partners = vec![
        ProposedPartner {
            organisation_id: Some(need.organisation_id),
            name: need.organisation.clone(),
            role: PartnerRole::Lead,
            gives,
            gets,
            distance_km: None,
        },
        people,
    ];
    let young = need.max_age.is_some_and(|m| m <= 30);
    let mut add = |kind: PartnerKind, role: PartnerRole, gives: &str, gets: &str| {
        if let Some((org, km)) = nearest_partner(catalog, kind, need.at, need.organisation_id) {
            partners.push(ProposedPartner {
                organisation_id: Some(org.id),
                name: org.name.clone(),
                role,
                gives: gives.into(),
                gets: gets.into(),
                distance_km: km,
            });
            true
        } else {
            false
        }
    };
    let wijkteam = add(
        PartnerKind::Wijkteam,
        PartnerRole::Supporter,
        "mensen die een rol zoeken, en steun als het even niet lukt",
        "een route naar meedoen voor de mensen die het helpt",
    );
    if young {
        add(
            PartnerKind::Jongerenwerk,
            PartnerRole::Supporter,
            "contact met jongeren in de wijk en een luisterend oor",
            "een zinvolle plek voor jongeren die iets willen doen",
        );
    }
    if with_school || young {
        add(
            PartnerKind::School,
            PartnerRole::Supporter,
            "leerlingen die een plek zoeken, met een warme overdracht",
            "een stage- of werkplek die meetelt voor de school",
        );
        add(
            PartnerKind::Opleiding,
            PartnerRole::Deliverer,
            "begeleiding en een cursus door studenten en docenten",
            "praktijkervaring en stageplekken voor studenten",
        );
    }
    if need.kind == "ruimte" {
        add(
            PartnerKind::Buurthuis,
            PartnerRole::Venue,
            "ruimte in de uren dat die leeg staat",
            "meer bewoners en activiteiten in huis",
        );
    }
    if need.kind == "financiering" {
        add(
            PartnerKind::Fonds,
            PartnerRole::Funder,
            "geld voor de eerste periode",
            "een project dat laat zien wat het oplevert",
        );
    }
    let link_person = if wijkteam {
        "een buurtteammedewerker of jongerenwerker die de deelnemers kent en de club spreekt"
    } else {
        "iemand van de organisatie die de deelnemers kent en de partners spreekt"
    }
    .to_string();
    let mut evidence = Vec::new();
    if need.waiting_list > 0 {
        evidence.push(format!("{} mensen op de wachtlijst", need.waiting_list));
    }
    if need.people_wanted > 0 {
        evidence.push(format!(
            "{} zoekt {} mensen: {}",
            need.organisation,
            need.people_wanted,
            need.title.to_lowercase()
        ));
    }
    if talent_count > 0 {
        evidence.push(format!(
            "{talent_count} mensen binnen {} kunnen of doen graag: {}",
            km_in_words(TALENT_RADIUS_KM),
            talent_names(catalog, &need.talents)
        ));
    }
    for p in partners.iter().skip(2) {
        if let Some(km) = p.distance_km {
            evidence.push(format!("{} op {}", p.name, km_in_words(km)));
        }
    }
    let score = need.waiting_list.min(100) as f64 / 10.0
        + need.people_wanted.min(20) as f64 / 4.0
        + talent_count.min(50) as f64
        + (partners.len() as f64 - 2.0) * 0.5;
    CoalitionSuggestion {
        need_id: need.id,
        title: format!("{}: {}", need.organisation, need.title),
        goal: match need.waiting_list {
            0 => format!(
                "Samen zorgen dat {} de mensen vindt die het zoekt, en die mensen een zinvolle rol krijgen.",
                need.organisation
            ),
            w => format!(
                "Samen de wachtlijst van {w} wegwerken, en mensen die graag helpen een zinvolle rol geven."
            ),
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
        name: "Jij".into(),
        role: PartnerRole::Deliverer,
        gives: format!("wat je goed kunt: {}", talent_names(catalog, &fits)),
        gets: "een rol die ertoe doet, een cursus en iemand die je helpt".into(),
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
                .talent_entries
                .iter()
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
                name: format!("{count} bewoners uit de buurt"),
                role: PartnerRole::Deliverer,
                gives: format!(
                    "wat ze goed kunnen: {}",
                    talent_names(catalog, &need.talents)
                ),
                gets: "een rol die ertoe doet, een cursus en begeleiding".into(),
                distance_km: None,
            };
            Some(build(catalog, need, people, false, count))
        })
        .collect();
    found.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.title.cmp(&b.title)));
    found
}
