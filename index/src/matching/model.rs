//! What the matching engine reads: a person's profile and the catalog of a gemeente.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::items::Items;
use crate::LatLon;

/// How far someone walks who does not cycle (km).
pub const WALKING_KM: f64 = 1.5;

/// Whether a place's entrance is without steps.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StepFree {
    /// Nobody said.
    #[default]
    Unknown,
    /// Gelijkvloers: no step, or a ramp.
    Yes,
    /// Partly (a side entrance, a ramp on request).
    Partly,
    /// There are steps.
    No,
}

/// How a place can be reached and used, as its organisation says (not a guess). Stored as
/// short codes: `gelijkvloers=ja lift toilet ophalen ov`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Access {
    /// The entrance.
    pub step_free: StepFree,
    /// A lift to other floors.
    pub lift: bool,
    /// An accessible toilet.
    pub toilet: bool,
    /// People are picked up, or transport is offered.
    pub pick_up: bool,
    /// A bus, tram or train stop within 400 m.
    pub near_transit: bool,
}

impl StepFree {
    /// The word of the code and of the editor's choice: `ja`, `deels`, `nee`; empty when
    /// unknown.
    pub fn word(self) -> &'static str {
        match self {
            StepFree::Unknown => "",
            StepFree::Yes => "ja",
            StepFree::Partly => "deels",
            StepFree::No => "nee",
        }
    }

    /// Reads [`StepFree::word`]; anything else is unknown.
    pub fn from_word(word: &str) -> StepFree {
        match word {
            "ja" => StepFree::Yes,
            "deels" => StepFree::Partly,
            "nee" => StepFree::No,
            _ => StepFree::Unknown,
        }
    }
}

impl Access {
    /// Reads the stored codes; unknown codes are left out (a newer node may write more).
    pub fn parse(codes: &str) -> Access {
        let mut a = Access::default();
        for code in codes.split_whitespace() {
            if let Some(word) = code.strip_prefix("gelijkvloers=") {
                // An unknown word is left out, like any unknown code.
                match StepFree::from_word(word) {
                    StepFree::Unknown => {}
                    known => a.step_free = known,
                }
                continue;
            }
            match code {
                "lift" => a.lift = true,
                "toilet" => a.toilet = true,
                "ophalen" => a.pick_up = true,
                "ov" => a.near_transit = true,
                _ => {}
            }
        }
        a
    }

    /// What a register's own words say ("rolstoeltoegankelijk, invalidentoilet"): only what
    /// they state, nothing guessed from silence. Used when a register has no codes of ours.
    pub fn from_words(text: &str) -> Access {
        let t = text.to_lowercase();
        let says = |words: &[&str]| words.iter().any(|w| t.contains(w));
        let no = says(&[
            "niet rolstoel",
            "geen lift",
            "alleen via de trap",
            "niet toegankelijk",
        ]);
        let step_free = if no {
            StepFree::No
        } else if says(&[
            "rolstoeltoegankelijk",
            "rolstoelvriendelijk",
            "toegankelijk voor rolstoel",
            "gelijkvloers",
            "drempelvrij",
            "hellingbaan",
            "wheelchair accessible",
            "step-free",
        ]) {
            StepFree::Yes
        } else {
            StepFree::Unknown
        };
        Access {
            step_free,
            lift: !t.contains("geen lift") && says(&["lift", "elevator"]),
            toilet: says(&[
                "invalidentoilet",
                "aangepast toilet",
                "mindervalidentoilet",
                "rolstoeltoilet",
                "accessible toilet",
            ]),
            pick_up: says(&[
                "halen u op",
                "halen je op",
                "ophaalservice",
                "wordt opgehaald",
                "vervoer geregeld",
            ]),
            near_transit: says(&["halte voor de deur", "bushalte voor de deur"]),
        }
    }

    /// The codes to store, in a fixed order; empty when nothing is known.
    pub fn codes(&self) -> String {
        let step = match self.step_free {
            StepFree::Unknown => None,
            known => Some(format!("gelijkvloers={}", known.word())),
        };
        [
            step.as_deref(),
            self.lift.then_some("lift"),
            self.toilet.then_some("toilet"),
            self.pick_up.then_some("ophalen"),
            self.near_transit.then_some("ov"),
        ]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ")
    }
}

/// What matching knows of one place of an offer besides where it is.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PlaceFacts {
    /// Access and transport.
    pub access: Access,
    /// CBS wijk code.
    pub wijk: Option<String>,
}

/// How someone gets somewhere.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Mobility {
    /// Uses a wheelchair or a rollator: only places without steps (unknown ones last).
    Rolstoel,
    /// Does not cycle: walking distance, or a place with pick-up or near a stop.
    GeenFiets,
}

impl Mobility {
    /// Reads a code (`rolstoel`, `geen-fiets`); anything else is `None`.
    pub fn parse(code: &str) -> Option<Mobility> {
        match code.trim() {
            "rolstoel" => Some(Mobility::Rolstoel),
            "geen-fiets" => Some(Mobility::GeenFiets),
            _ => None,
        }
    }
}

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
    /// How they get somewhere.
    pub mobility: Vec<Mobility>,
    /// "Liever niet in mijn eigen buurt": offers in their own wijk move down, never out.
    pub avoid_own_wijk: bool,
    /// The CBS wijk they live in.
    pub own_wijk: Option<String>,
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
    /// What is known of each place, in the order of `places` (shorter: the rest unknown).
    pub place_facts: Vec<PlaceFacts>,
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
    /// What is known of that place besides where it is.
    pub place_facts: PlaceFacts,
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
    /// The entry id (a catalog updated from the change log finds it by this).
    pub id: Uuid,
    /// Talent codes.
    pub talents: Vec<String>,
    /// Age in years, when given.
    pub age: Option<u8>,
    /// The middle of their postcode.
    pub at: LatLon,
}

/// Everything matching looks at, for one gemeente or more. Built from the database; cheap to
/// rebuild, never the only copy of anything. A node keeps one in memory and follows the
/// change log with [`Catalog::updated`], which shares every unchanged item with the old one.
#[derive(Debug, Clone, Default)]
pub struct Catalog {
    /// Offers.
    pub offers: Items<CatalogOffer>,
    /// Needs of organisations.
    pub needs: Items<CatalogNeed>,
    /// Organisations.
    pub organisations: Items<CatalogOrganisation>,
    /// Open "ik kan iets" entries.
    pub talent_entries: Items<TalentEntry>,
    /// Where everything is and what is where, built once (by [`Catalog::prepare`] or the first
    /// look-up): change the lists only before that, or through [`Catalog::updated`].
    pub(crate) grids: std::sync::OnceLock<Grids>,
}

/// What a catalog read again for some ids: their offers, needs, organisations and entries as
/// they are now (absent: deleted, closed, no partner or expired), and the needs and
/// organisations that go with those offers.
#[derive(Debug, Clone, Default)]
pub struct CatalogChanges {
    /// The ids the change log named: offers, roles, organisations and "ik kan iets" entries.
    pub ids: Vec<Uuid>,
    /// The changed offers as they are now.
    pub offers: Vec<CatalogOffer>,
    /// The needs of those ids, and of those offers, that are still open.
    pub needs: Vec<CatalogNeed>,
    /// Those organisations and the organisations of those offers and needs, when they can be
    /// partners.
    pub organisations: Vec<CatalogOrganisation>,
    /// The entries of those ids that have not expired.
    pub talent_entries: Vec<TalentEntry>,
}

/// A catalog item: its id and its places.
pub(crate) trait Placed {
    fn key(&self) -> Uuid;
    fn spots(&self) -> &[LatLon];
}

impl Placed for CatalogOffer {
    fn key(&self) -> Uuid {
        self.id
    }
    fn spots(&self) -> &[LatLon] {
        &self.places
    }
}

impl Placed for CatalogNeed {
    fn key(&self) -> Uuid {
        self.id
    }
    fn spots(&self) -> &[LatLon] {
        self.at.as_slice()
    }
}

impl Placed for CatalogOrganisation {
    fn key(&self) -> Uuid {
        self.id
    }
    fn spots(&self) -> &[LatLon] {
        self.at.as_slice()
    }
}

impl Placed for TalentEntry {
    fn key(&self) -> Uuid {
        self.id
    }
    fn spots(&self) -> &[LatLon] {
        std::slice::from_ref(&self.at)
    }
}

/// One [`Grid`] per list of the catalog.
#[derive(Debug, Clone, Default)]
pub(crate) struct Grids {
    offers: Grid,
    needs: Grid,
    organisations: Grid,
    talent_entries: Grid,
}

/// Degrees of latitude and longitude per cell of the [`Grid`]: about 2.2 by 2 km here.
const CELL_LAT: f64 = 0.02;
const CELL_LON: f64 = 0.03;

/// Items (by their position in a list) by cell of their places, so one profile or one need
/// against a national catalog looks only at what is within reach; items without a place
/// (online, at home) are always looked at. Also where each id is in the list, for updates.
#[derive(Debug, Clone, Default)]
pub(crate) struct Grid {
    cells: std::collections::HashMap<(i32, i32), Vec<u32>>,
    placeless: Vec<u32>,
    positions: std::collections::HashMap<Uuid, u32>,
}

fn pick<'a, T>(list: &'a Items<T>, grid: &Grid, at: LatLon, km: f64) -> Vec<&'a T> {
    grid.near(at, km)
        .into_iter()
        .map(|i| &list[i as usize])
        .collect()
}

fn cell(at: LatLon) -> (i32, i32) {
    (
        (at.lat() / CELL_LAT).floor() as i32,
        (at.lon() / CELL_LON).floor() as i32,
    )
}

/// The cells of some places, each once.
fn cells_of(places: &[LatLon]) -> Vec<(i32, i32)> {
    let mut seen: Vec<(i32, i32)> = Vec::with_capacity(places.len());
    for at in places {
        let c = cell(*at);
        if !seen.contains(&c) {
            seen.push(c);
        }
    }
    seen
}

impl Grid {
    /// The grid of a list.
    pub(crate) fn of<T: Placed>(items: &Items<T>) -> Grid {
        let mut grid = Grid {
            positions: std::collections::HashMap::with_capacity(items.len()),
            ..Grid::default()
        };
        for (i, item) in items.iter().enumerate() {
            grid.add(i as u32, item);
        }
        grid
    }

    fn add<T: Placed>(&mut self, i: u32, item: &T) {
        let places = item.spots();
        if places.is_empty() {
            self.placeless.push(i);
        }
        for c in cells_of(places) {
            self.cells.entry(c).or_default().push(i);
        }
        self.positions.insert(item.key(), i);
    }

    fn forget<T: Placed>(&mut self, i: u32, item: &T) {
        let places = item.spots();
        if places.is_empty() {
            self.placeless.retain(|&p| p != i);
        }
        for c in cells_of(places) {
            if let Some(list) = self.cells.get_mut(&c) {
                list.retain(|&p| p != i);
                if list.is_empty() {
                    self.cells.remove(&c);
                }
            }
        }
        if self.positions.get(&item.key()) == Some(&i) {
            self.positions.remove(&item.key());
        }
    }

    /// Puts `fresh` in `items` in place of what has its id, or at the end; removes what has
    /// an id of `gone`. The grid follows.
    fn update<T: Placed>(&mut self, items: &mut Items<T>, fresh: Vec<T>, gone: &[Uuid]) {
        for item in fresh {
            match self.positions.get(&item.key()).copied() {
                Some(i) => {
                    self.forget(i, &items[i as usize]);
                    self.add(i, &item);
                    items.set(i as usize, item);
                }
                None => {
                    self.add(items.len() as u32, &item);
                    items.push(item);
                }
            }
        }
        for id in gone {
            let Some(i) = self.positions.get(id).copied() else {
                continue;
            };
            self.forget(i, &items[i as usize]);
            let last = items.len() as u32 - 1;
            if i != last {
                // The last item moves into the hole.
                self.forget(last, &items[last as usize]);
                items.swap_remove(i as usize);
                self.add(i, &items[i as usize]);
            } else {
                items.swap_remove(i as usize);
            }
        }
    }

    /// The offers that may have a place within `km` of `at` (a superset; the engine checks
    /// the distance), and those without a place; in catalog order, each once.
    pub(crate) fn near(&self, at: LatLon, km: f64) -> Vec<u32> {
        let dlat = km / 110.5;
        let dlon = km / (111.3 * at.lat().to_radians().cos().max(0.01));
        let (lat0, lon0) = (
            ((at.lat() - dlat) / CELL_LAT).floor() as i32,
            ((at.lon() - dlon) / CELL_LON).floor() as i32,
        );
        let (lat1, lon1) = (
            ((at.lat() + dlat) / CELL_LAT).floor() as i32,
            ((at.lon() + dlon) / CELL_LON).floor() as i32,
        );
        let mut out = self.placeless.clone();
        for la in lat0..=lat1 {
            for lo in lon0..=lon1 {
                if let Some(list) = self.cells.get(&(la, lo)) {
                    out.extend_from_slice(list);
                }
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }
}

impl Catalog {
    /// A catalog of these offers, needs, organisations and talent entries.
    pub fn new(
        offers: Vec<CatalogOffer>,
        needs: Vec<CatalogNeed>,
        organisations: Vec<CatalogOrganisation>,
        talent_entries: Vec<TalentEntry>,
    ) -> Catalog {
        Catalog {
            offers: offers.into(),
            needs: needs.into(),
            organisations: organisations.into(),
            talent_entries: talent_entries.into(),
            grids: std::sync::OnceLock::new(),
        }
    }

    /// Builds what matching looks things up with (where everything is), so the first match
    /// does not pay for it. Call it after the last change to the lists.
    pub fn prepare(&self) {
        self.grids();
    }

    /// This catalog with `changes` applied: the offers, needs, organisations and entries of
    /// `changes.ids` replaced by what was read again, or removed when nothing was; the needs
    /// and organisations read with them replaced or added. Unchanged items are shared with
    /// `self`, which stays as it was for whoever still reads it.
    pub fn updated(&self, changes: CatalogChanges) -> Catalog {
        let mut grids = self.grids().clone();
        let mut next = Catalog {
            offers: self.offers.clone(),
            needs: self.needs.clone(),
            organisations: self.organisations.clone(),
            talent_entries: self.talent_entries.clone(),
            grids: std::sync::OnceLock::new(),
        };
        // The ids of the log that were not read again: gone.
        let still = |read: std::collections::HashSet<Uuid>| -> Vec<Uuid> {
            changes
                .ids
                .iter()
                .filter(|id| !read.contains(id))
                .copied()
                .collect()
        };
        let gone = still(changes.offers.iter().map(|o| o.id).collect());
        grids.offers.update(&mut next.offers, changes.offers, &gone);
        // A need is read again when its offer changed too, so its own id may not be in `ids`:
        // what was read replaces; what the log named and was not read is closed or gone.
        let gone = still(changes.needs.iter().map(|n| n.id).collect());
        grids.needs.update(&mut next.needs, changes.needs, &gone);
        // An organisation the log named that was not read is no partner (any more).
        let gone = still(changes.organisations.iter().map(|o| o.id).collect());
        grids
            .organisations
            .update(&mut next.organisations, changes.organisations, &gone);
        let gone = still(changes.talent_entries.iter().map(|e| e.id).collect());
        grids
            .talent_entries
            .update(&mut next.talent_entries, changes.talent_entries, &gone);
        let _ = next.grids.set(grids);
        next
    }

    /// The offer with this id.
    pub fn offer(&self, id: Uuid) -> Option<&CatalogOffer> {
        let i = *self.grids().offers.positions.get(&id)?;
        self.offers.get(i as usize)
    }

    /// The need with this id.
    pub fn need(&self, id: Uuid) -> Option<&CatalogNeed> {
        let i = *self.grids().needs.positions.get(&id)?;
        self.needs.get(i as usize)
    }

    fn grids(&self) -> &Grids {
        self.grids.get_or_init(|| Grids {
            offers: Grid::of(&self.offers),
            needs: Grid::of(&self.needs),
            organisations: Grid::of(&self.organisations),
            talent_entries: Grid::of(&self.talent_entries),
        })
    }

    /// The offers one profile can reach at most: near its place, or all when it has none.
    pub(crate) fn offers_for(&self, at: Option<LatLon>, km: f64) -> Vec<&CatalogOffer> {
        match at {
            Some(at) => pick(&self.offers, &self.grids().offers, at, km),
            None => self.offers.iter().collect(),
        }
    }

    /// Needs that may be within `km` of `at`, and those without a place.
    pub(crate) fn needs_near(&self, at: LatLon, km: f64) -> Vec<&CatalogNeed> {
        pick(&self.needs, &self.grids().needs, at, km)
    }

    /// Organisations that may be within `km` of `at`, and those without a place.
    pub(crate) fn organisations_near(&self, at: LatLon, km: f64) -> Vec<&CatalogOrganisation> {
        pick(&self.organisations, &self.grids().organisations, at, km)
    }

    /// "Ik kan iets" entries that may be within `km` of `at`.
    pub(crate) fn talent_entries_near(&self, at: LatLon, km: f64) -> Vec<&TalentEntry> {
        pick(&self.talent_entries, &self.grids().talent_entries, at, km)
    }
}
