//! Matching: a strength-based profile in, three lanes of explained suggestions out
//! (*meedoen*, *bijdragen*, *samen*), and coalition proposals for a gemeente. The engine is
//! `index::matching` (pure, no I/O); this reads the catalog, checks the input and renders the
//! engine's structured reasons in the reader's language. Nothing a person tells is stored,
//! except an "ik kan iets" entry they leave on purpose ([`leave_talent_entry`]).

use chrono::{Days, Utc};
use uuid::Uuid;

use super::Saved;
use index::matching::{
    match_profile, match_together, scan_coalitions, Catalog, CoalitionSuggestion, Lanes, Mobility,
    Profile, Step, Suggestion, Target, MAX_TRAVEL_KM,
};
use index::Geocoder;

use crate::db::{term_name, topics_of};
use crate::domain::Email;
use crate::i18n::Lang;
use crate::profile::*;
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
            || languages
                .iter()
                .any(|l| !(2..=3).contains(&l.len()) || !l.chars().all(|c| c.is_ascii_lowercase()))
        {
            return Err(Error::Invalid(
                "Geef talen als code van twee of drie letters, zoals nl, en of ar.".into(),
            ));
        }
        if self.network.len() > 10 || self.network.iter().any(|n| n.chars().count() > 100) {
            return Err(Error::Invalid(
                "Noem hoogstens tien mensen of groepen in je netwerk, kort (100 tekens).".into(),
            ));
        }
        let mut mobility = Vec::new();
        for code in self.mobility.iter().take(MAX_ITEMS) {
            match Mobility::parse(code) {
                Some(m) if !mobility.contains(&m) => mobility.push(m),
                Some(_) => {}
                None => {
                    return Err(Error::Refused(
                        "invalid_mobility",
                        "Kies bij vervoer 'rolstoel' (rolstoel of rollator) of 'geen-fiets' (ik fiets niet).".into(),
                    ))
                }
            }
        }
        let at = match self.postcode.trim() {
            "" => None,
            place => Some(Geocoder::embedded().locate(place)?),
        };
        let own_wijk = at.and_then(|at| Geocoder::embedded().areas(at).wijk_code);
        Ok(Profile {
            mobility,
            avoid_own_wijk: self.avoid_own_wijk,
            own_wijk,
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

/// One member of a household as matching reads them: what they typed, and their profile (the
/// household's place, travel, budget and benefit with their own age, needs and talents).
#[derive(Debug, Clone)]
pub struct Member {
    /// As typed, checked.
    pub input: MemberInput,
    /// Their profile.
    pub profile: Profile,
}

impl MemberInput {
    /// The first problem with this member as a form field: `naam`, `leeftijd`, `rol`, `vragen`
    /// or `talenten`.
    pub fn problem(&self) -> Option<&'static str> {
        let name = self.name.trim();
        Some(if name.is_empty() || name.chars().count() > 40 {
            "naam"
        } else if self.age.is_none_or(|a| a > 120) {
            "leeftijd"
        } else if !MEMBER_ROLES.contains(&self.role.as_str()) {
            "rol"
        } else if self.needs.len() > MAX_ITEMS
            || self
                .needs
                .iter()
                .any(|c| term_name("leefgebied", c).is_none())
        {
            "vragen"
        } else if self.talents.len() > MAX_ITEMS
            || self
                .talents
                .iter()
                .any(|c| term_name("talent", c).is_none())
        {
            "talenten"
        } else if self.mobility.len() > 2
            || self.mobility.iter().any(|m| Mobility::parse(m).is_none())
        {
            "vervoer"
        } else {
            return None;
        })
    }
}

impl ProfileInput {
    /// The other members of the household, each checked, with their own profile built on
    /// `head` (the parsed profile of the person). Refused: `invalid_household`.
    pub fn parse_household(&self, head: &Profile) -> Result<Vec<Member>> {
        if self.household.len() > MAX_MEMBERS {
            return Err(Error::Refused(
                "invalid_household",
                format!("Een huishouden heeft hier hoogstens {MAX_MEMBERS} andere leden."),
            ));
        }
        let mut members = Vec::new();
        for (i, m) in self.household.iter().enumerate() {
            if let Some(field) = m.problem() {
                let what = match field {
                    "naam" => "een voornaam of voorletters (hoogstens 40 tekens)",
                    "leeftijd" => "een leeftijd tussen 0 en 120",
                    "rol" => "een rol: ouder, partner, kind of anders",
                    "vragen" => "onderwerpen uit de lijst",
                    "vervoer" => "bij vervoer 'rolstoel' of 'geen-fiets'",
                    _ => "talenten uit de lijst",
                };
                return Err(Error::Refused(
                    "invalid_household",
                    format!("Geef gezinslid {} {what}.", i + 1),
                ));
            }
            let input = MemberInput {
                name: m.name.trim().to_string(),
                role: m.role.clone(),
                age: m.age,
                needs: m.needs.iter().map(|c| c.trim().to_lowercase()).collect(),
                talents: m.talents.iter().map(|c| c.trim().to_lowercase()).collect(),
                mobility: m.mobility.clone(),
            };
            // Their own way of getting somewhere, or the household's.
            let mobility = if input.mobility.is_empty() {
                head.mobility.clone()
            } else {
                input
                    .mobility
                    .iter()
                    .filter_map(|m| Mobility::parse(m))
                    .collect()
            };
            let profile = Profile {
                mobility,
                needs: input.needs.clone(),
                talents: input.talents.clone(),
                age: input.age,
                interests: Vec::new(),
                groups: Vec::new(),
                days: Vec::new(),
                network: Vec::new(),
                ..head.clone()
            };
            members.push(Member { input, profile });
        }
        Ok(members)
    }
}

/// What a household gets besides the person's own lanes: lanes per member and what a parent
/// and a child can do together (explained in `lang`).
#[derive(Debug, Clone, Default)]
pub struct HouseholdLanes {
    /// Each member with their lanes (meedoen and bijdragen).
    pub members: Vec<(MemberInput, Lanes)>,
    /// For a parent and child together.
    pub together: Vec<Suggestion>,
}

/// Lanes for every member and for the household together. Together needs a child (under 18)
/// and an adult: the person counts as one when their age is not given.
pub fn household(
    catalog: &Catalog,
    head: &Profile,
    members: &[Member],
    lang: Lang,
) -> HouseholdLanes {
    if members.is_empty() {
        return HouseholdLanes::default();
    }
    let mut out = HouseholdLanes::default();
    for m in members {
        let mut lanes = match_profile(catalog, &m.profile);
        lanes.samen.clear();
        explain_all(&mut lanes.meedoen, lang);
        explain_all(&mut lanes.bijdragen, lang);
        out.members.push((m.input.clone(), lanes));
    }
    let ages = std::iter::once(head.age).chain(members.iter().map(|m| m.input.age));
    let children: Vec<u8> = ages.clone().flatten().filter(|a| *a < 18).collect();
    let adult = head.age.is_none_or(|a| a >= 18) || ages.flatten().any(|a| a >= 18);
    if adult {
        // Together means everyone gets there: the needs of all, and every way of travelling.
        let mut shared = head.clone();
        for m in members {
            for need in &m.profile.needs {
                if !shared.needs.contains(need) {
                    shared.needs.push(need.clone());
                }
            }
            for way in &m.profile.mobility {
                if !shared.mobility.contains(way) {
                    shared.mobility.push(*way);
                }
            }
        }
        out.together = match_together(catalog, &shared, &children);
        explain_all(&mut out.together, lang);
    }
    out
}

/// How long a catalog is followed through the change log before it is built whole again, in
/// the background: the safety net for what the log does not carry (an organisation deleted
/// outright); everything else follows the log.
const CATALOG_MAX_AGE: std::time::Duration = std::time::Duration::from_secs(3600);

/// Log entries read per round when a catalog follows the log.
const FOLLOW_BATCH: i64 = 2000;

/// Behind by more than this many log entries (a large import), the catalog is built whole:
/// cheaper than reading a few hundred thousand offers back by id.
const FOLLOW_AT_MOST: i64 = 50_000;

/// This node's matching catalog in memory: built from the database at start, then kept up to
/// date by following the change log (`index_outbox`, which every write of offers, roles,
/// places, organisations and "ik kan iets" entries adds to): what the log names is read again
/// and replaced ([`Catalog::updated`]), the rest is shared with the catalog before. A request
/// reads one number (the log's head) and follows the log itself only when it is behind (read
/// your own writes). One update at a time; readers keep the catalog they hold.
#[derive(Default)]
pub struct CatalogCache {
    current: std::sync::RwLock<Option<Built>>,
    building: tokio::sync::Mutex<()>,
}

#[derive(Clone)]
struct Built {
    catalog: std::sync::Arc<Catalog>,
    /// Every entry of the log up to here is in it.
    position: i64,
    /// When it was last built whole.
    at: std::time::Instant,
}

/// What [`CatalogCache::get`] found.
pub struct Current {
    pub catalog: std::sync::Arc<Catalog>,
    /// Up to date with the log but older than [`CATALOG_MAX_AGE`]: the caller should have a
    /// new one built without waiting for it (a million offers take a minute).
    pub aged: bool,
}

impl CatalogCache {
    fn built(&self) -> Option<Built> {
        self.current
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    fn fresh(&self, head: i64) -> Option<Current> {
        self.built()
            .filter(|b| b.position >= head)
            .map(|b| Current {
                aged: b.at.elapsed() >= CATALOG_MAX_AGE,
                catalog: b.catalog,
            })
    }

    /// The catalog as of the log's head now.
    pub async fn get(&self, db: &crate::db::Db) -> Result<Current> {
        let head = crate::db::outbox_head(db).await?;
        if let Some(current) = self.fresh(head) {
            return Ok(current);
        }
        let _one = self.building.lock().await;
        // Someone else may have brought it up to date while this one waited.
        if let Some(current) = self.fresh(head) {
            return Ok(current);
        }
        let catalog = self.catch_up(db).await?;
        Ok(Current {
            catalog,
            aged: false,
        })
    }

    /// Brings it up to date with the log: the follower calls this after every change it
    /// applied to the search index. Builds it whole when there is none yet.
    pub async fn follow_log(&self, db: &crate::db::Db) -> Result<std::sync::Arc<Catalog>> {
        let _one = self.building.lock().await;
        self.catch_up(db).await
    }

    /// Builds it whole again unless an update is under way already.
    async fn refresh(&self, db: &crate::db::Db) -> Result<()> {
        if let Ok(_one) = self.building.try_lock() {
            self.build(db).await?;
        }
        Ok(())
    }

    /// Follows the log from where the catalog is; the caller holds `building`.
    async fn catch_up(&self, db: &crate::db::Db) -> Result<std::sync::Arc<Catalog>> {
        let Some(built) = self.built() else {
            return self.build(db).await;
        };
        let head = crate::db::outbox_head(db).await?;
        let tail = crate::db::outbox_tail(db).await?;
        if head - built.position > FOLLOW_AT_MOST || built.position + 1 < tail {
            return self.build(db).await;
        }
        // Every entry after the catalog's position is read again, also past a gap; the
        // position itself stops before a gap that a transaction may still fill (it is then
        // read again next time, which changes nothing for what was already applied).
        let mut position = built.position;
        let mut cursor = built.position;
        let mut held = false;
        let mut ids = std::collections::BTreeSet::new();
        loop {
            let entries = crate::db::outbox_since(db, cursor, FOLLOW_BATCH).await?;
            if !held {
                let settled = crate::db::settled_through(position, &entries);
                held = entries.last().is_some_and(|last| last.id > settled);
                position = settled;
            }
            ids.extend(entries.iter().map(|e| e.service_id));
            match entries.last() {
                Some(last) if entries.len() as i64 == FOLLOW_BATCH => cursor = last.id,
                _ => break,
            }
        }
        let catalog = if ids.is_empty() {
            built.catalog
        } else {
            let ids: Vec<uuid::Uuid> = ids.into_iter().collect();
            let changes = crate::db::load_catalog_changes(db, &ids).await?;
            let old = built.catalog;
            tokio::task::spawn_blocking(move || std::sync::Arc::new(old.updated(changes))).await?
        };
        *self.current.write().unwrap_or_else(|e| e.into_inner()) = Some(Built {
            catalog: catalog.clone(),
            position,
            at: built.at,
        });
        Ok(catalog)
    }

    async fn build(&self, db: &crate::db::Db) -> Result<std::sync::Arc<Catalog>> {
        // The position is read before the catalog: what commits meanwhile moves the head again.
        let head = settled(db).await?;
        let catalog = crate::db::load_catalog(db).await?;
        // The grids take a tenth of a second at a million offers: off the async workers.
        let catalog = tokio::task::spawn_blocking(move || {
            catalog.prepare();
            std::sync::Arc::new(catalog)
        })
        .await?;
        *self.current.write().unwrap_or_else(|e| e.into_inner()) = Some(Built {
            catalog: catalog.clone(),
            position: head,
            at: std::time::Instant::now(),
        });
        Ok(catalog)
    }
}

/// The log's head, or the entry before a gap just under it that a transaction may still fill
/// (ids are handed out before commit): a catalog built now holds everything up to there.
async fn settled(db: &crate::db::Db) -> Result<i64> {
    const LOOK_BACK: i64 = 200;
    let head = crate::db::outbox_head(db).await?;
    let recent = crate::db::outbox_since(db, head - LOOK_BACK, LOOK_BACK).await?;
    Ok(match recent.first() {
        Some(first) => crate::db::settled_through(first.id - 1, &recent),
        None => head,
    })
}

/// The catalog of this node, from memory ([`CatalogCache`]); an aged one is used while a new
/// one is built in the background.
pub async fn catalog(state: &AppState) -> Result<std::sync::Arc<Catalog>> {
    let current = state.catalog.get(&state.db).await?;
    if current.aged {
        let state = state.clone();
        tokio::spawn(async move {
            if let Err(error) = state.catalog.refresh(&state.db).await {
                tracing::warn!(error = %error, "matching catalog rebuild failed");
            }
        });
    }
    Ok(current.catalog)
}

/// Matches a profile against this node's catalog in memory. The suggestions' explanations are
/// written in `lang`.
pub async fn run(
    state: &AppState,
    profile: &Profile,
    lang: Lang,
) -> Result<(std::sync::Arc<Catalog>, Lanes)> {
    let catalog = catalog(state).await?;
    let mut lanes = match_profile(&catalog, profile);
    explain_all(&mut lanes.meedoen, lang);
    explain_all(&mut lanes.bijdragen, lang);
    Ok((catalog, lanes))
}

/// Writes each suggestion's reasons in `lang` (the engine knows no language).
fn explain_all(suggestions: &mut [Suggestion], lang: Lang) {
    for s in suggestions {
        s.explanation = crate::explain::explain(&s.reasons, lang);
    }
}

/// Coalition proposals for a gemeente (or all).
pub async fn coalition_proposals(
    state: &AppState,
    gemeente: Option<&str>,
    lang: Lang,
) -> Result<Vec<CoalitionProposal>> {
    let catalog = catalog(state).await?;
    Ok(scan_coalitions(&catalog, gemeente)
        .iter()
        .map(|c| proposal_view(&catalog, c, lang))
        .collect())
}

fn suggestion_view(catalog: &Catalog, s: &Suggestion) -> SuggestionView {
    let (offer_id, need_id) = match s.target {
        Target::Offer(id) => (Some(id), None),
        Target::Need(id) => (catalog.need(id).and_then(|n| n.offer_id), Some(id)),
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
pub fn proposal_view(catalog: &Catalog, c: &CoalitionSuggestion, lang: Lang) -> CoalitionProposal {
    let say = |p| crate::explain::say(p, lang);
    CoalitionProposal {
        need_id: c.need_id,
        title: c.title.clone(),
        goal: say(&c.goal),
        partners: c
            .partners
            .iter()
            .map(|p| PartnerView {
                organisation_id: p.organisation_id,
                name: say(&p.name),
                role: p.role.code().into(),
                gives: say(&p.gives),
                gets: say(&p.gets),
                standing: String::new(),
            })
            .collect(),
        link_person: say(&c.link_person),
        evidence: c.evidence.iter().map(say).collect(),
        gemeente: catalog.need(c.need_id).and_then(|n| n.gemeente.clone()),
        talent_count: c.talent_count,
        waiting_list: c.waiting_list,
    }
}

/// The lanes as pages show them.
pub fn lanes_view(catalog: &Catalog, profile: &Profile, lanes: &Lanes, lang: Lang) -> LanesView {
    // Money decides most cases: when it is asked about, what helps with it comes first.
    let about_money = |s: &&index::matching::Suggestion| {
        profile.needs.iter().any(|n| n == "geldzaken")
            && match s.target {
                Target::Offer(id) => catalog
                    .offer(id)
                    .is_some_and(|o| o.leefgebieden.iter().any(|l| l == "geldzaken")),
                Target::Need(_) => false,
            }
    };
    let (money, rest): (Vec<_>, Vec<_>) = lanes.meedoen.iter().partition(about_money);
    LanesView {
        own_strengths: crate::explain::own_strengths(&profile.talents, &profile.network, lang),
        money_first: money
            .into_iter()
            .map(|s| suggestion_view(catalog, s))
            .collect(),
        meedoen: rest
            .into_iter()
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
            .map(|c| proposal_view(catalog, c, lang))
            .collect(),
        problem: None,
        household: Vec::new(),
        together: Vec::new(),
    }
}

/// The lanes for a profile as typed, explained in `lang`; a problem with the input comes back
/// as [`LanesView::problem`], so the person sees what to change.
pub async fn lanes(state: &AppState, input: &ProfileInput, lang: Lang) -> Result<LanesView> {
    if input.is_empty() {
        return Ok(LanesView::default());
    }
    let parsed = input
        .parse()
        .and_then(|profile| Ok((input.parse_household(&profile)?, profile)));
    match parsed {
        Ok((members, profile)) => {
            let (catalog, lanes) = run(state, &profile, lang).await?;
            let mut view = lanes_view(&catalog, &profile, &lanes, lang);
            let household = household(&catalog, &profile, &members, lang);
            let views = |list: &[Suggestion]| -> Vec<SuggestionView> {
                list.iter().map(|s| suggestion_view(&catalog, s)).collect()
            };
            view.together = views(&household.together);
            view.household = household
                .members
                .iter()
                .map(|(m, lanes)| MemberLanes {
                    name: m.name.clone(),
                    age: m.age,
                    role: m.role.clone(),
                    meedoen: views(&lanes.meedoen),
                    bijdragen: views(&lanes.bijdragen),
                })
                .collect();
            Ok(view)
        }
        Err(e) if !e.is_internal() => Ok(LanesView {
            problem: Some(e.user_message()),
            ..Default::default()
        }),
        Err(e) => Err(e),
    }
}

/// An anonymous "ik kan iets" entry as typed.
#[derive(Debug, Clone, Default)]
pub struct TalentEntry {
    /// Talent codes.
    pub talents: Vec<String>,
    /// Talents in the person's own words.
    pub words: String,
    /// Postcode (only its PC4 is kept).
    pub postcode: String,
    /// Age, may be empty.
    pub age: String,
    /// "Mag benaderd worden": organisations nearby may invite them through the product.
    pub reachable: bool,
    /// First name, for the invitation's greeting (may be empty).
    pub name: String,
    /// E-mail address, required when reachable.
    pub email: String,
    /// The language invitations are written in.
    pub lang: Lang,
}

/// Stores an anonymous "ik kan iets" entry (talents, PC4, age; kept half a year), so a club
/// nearby can see that people with that talent live there. `client` is the address the
/// spam limit counts. Refused input: `Invalid("talent-entry")` or `Invalid("te-vaak")`.
pub async fn leave_talent_entry(
    state: &AppState,
    entry: &TalentEntry,
    client: Option<std::net::IpAddr>,
) -> Result<Saved<Uuid>> {
    let input = ProfileInput {
        talents: entry.talents.iter().take(20).cloned().collect(),
        talent_words: entry.words.clone(),
        postcode: entry.postcode.clone(),
        ..Default::default()
    };
    let profile = match input.parse() {
        Ok(p) if !p.talents.is_empty() => p,
        Ok(_) | Err(Error::Invalid(_)) | Err(Error::Index(_)) => {
            return Ok(Saved::Invalid("talent-entry"))
        }
        Err(e) => return Err(e),
    };
    // Only the PC4: the entry must not point at a street or a house.
    let Some(place) = index::Postcode::parse(&entry.postcode)
        .ok()
        .and_then(|p| Geocoder::embedded().postcode(&p).ok())
    else {
        return Ok(Saved::Invalid("talent-entry"));
    };
    let age = match entry.age.trim() {
        "" => None,
        text => match text.parse::<i32>() {
            Ok(a) if (10..=110).contains(&a) => Some(a),
            _ => return Ok(Saved::Invalid("talent-entry")),
        },
    };
    let email = match (entry.reachable, Email::parse(&entry.email)) {
        (false, _) => None,
        (true, Some(email)) if entry.name.chars().count() <= 60 => Some(email),
        (true, _) => return Ok(Saved::Invalid("talent-contact")),
    };
    if !state.signup_limiter.allow(&state.db, client).await? {
        return Ok(Saved::Invalid("te-vaak"));
    }
    // Sealed like referral texts; the code in the mail empties it in one click.
    let code = crate::auth::new_secret();
    let contact = email.as_ref().map(|email| crate::db::EntryContact {
        name_sealed: state.sealer.seal(entry.name.trim()),
        email_sealed: state.sealer.seal(email.as_str()),
        language: entry.lang.code().into(),
        revoke_hash: crate::auth::hash_secret(&code),
        revoke_code_sealed: state.sealer.seal(&code),
    });
    let record = crate::db::TalentEntryRecord {
        id: Uuid::new_v4(),
        talents: profile.talents,
        age,
        postcode: place.pc4.clone(),
        latitude: place.lat,
        longitude: place.lon,
        expires_on: Utc::now().date_naive() + Days::new(183),
        contact,
    };
    crate::db::save_talent_entry(&state.db, &record).await?;
    if let Some(email) = email {
        super::notifications::reachable_saved(entry.lang, &code).send(state, &email);
    }
    Ok(Saved::Done(record.id))
}
