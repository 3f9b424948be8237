//! Data the pages show, shared by server and browser (serde, no SQL).

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::i18n::{fill, weekdays, Lang};

/// An offer as a search result card.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OfferSummary {
    /// The offer id.
    pub id: Uuid,
    /// Name of the offer.
    pub name: String,
    /// Organisation behind it.
    pub organisation: String,
    /// Human label of the kind ("Buurthuis").
    pub kind_label: String,
    /// First sentence or so of the description.
    pub summary: String,
    /// Street address of the nearest location.
    pub address: String,
    /// Wijk of that location.
    pub wijk: Option<String>,
    /// Distance from where the person searched.
    pub distance_km: Option<f64>,
    /// Costs nothing.
    pub free: bool,
    /// When it happens, in words ("elke woensdag 14:00-16:00").
    pub when: Option<String>,
    /// The next time, in words: "vandaag 14:00-16:00" or "volgende keer: woensdag 14:00-16:00".
    pub next: Option<String>,
    /// Kind code (buurthuis, vereniging, initiatief, voorziening).
    pub kind: String,
    /// The organisation's id.
    pub organisation_id: Uuid,
    /// Youngest age it is for.
    pub min_age: Option<i32>,
    /// Oldest age it is for.
    pub max_age: Option<i32>,
    /// The shown location.
    pub location: Option<PlaceOnMap>,
    /// Blended relevance score.
    pub score: f64,
}

/// Where an offer is, for lists and maps.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlaceOnMap {
    /// Latitude.
    pub lat: Option<f64>,
    /// Longitude.
    pub lon: Option<f64>,
    /// Street, city.
    pub address: String,
    /// Postcode as entered.
    pub postcode: String,
    /// Wijk name.
    pub wijk: Option<String>,
    /// Gemeente code.
    pub gemeente: Option<String>,
}

/// The outcome of a search as a page shows it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SearchOutcome {
    /// Offers found in total.
    pub total: usize,
    /// True when `total` is an estimate (very many found): the page says "ongeveer".
    pub total_estimated: bool,
    /// This page of results.
    pub items: Vec<OfferSummary>,
    /// A Dutch sentence for the person when their input could not be used (bad postcode).
    pub problem: Option<String>,
    /// Where we searched around, in words ("3454 De Meern").
    pub near: Option<String>,
    /// Counts per filter value: (facet, value, label, count).
    pub facets: Vec<FacetCount>,
    /// True when those counts are estimates (very many found): the page says "ca.".
    pub facets_estimated: bool,
    /// When nothing was found nearby: the nearest buurtteam, where people can always ask.
    pub nearest_help: Option<OfferSummary>,
    /// What the question was understood to be about, for "we zochten naar: ...".
    pub understood: Vec<String>,
}

/// One filter value with the number of offers it would give.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FacetCount {
    /// URL parameter: kind, leefgebied, dag, gratis.
    pub param: String,
    /// Value in the URL.
    pub value: String,
    /// What people read.
    pub label: String,
    /// Offers.
    pub count: u64,
}

/// One time slot: every week on a weekday, or a rule beyond that (the third Wednesday of the
/// month, every other Tuesday).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WeeklySlot {
    /// ISO weekday: 1 = maandag.
    pub weekday: u8,
    /// "14:00".
    pub opens_at: String,
    /// "16:00".
    pub closes_at: String,
    /// Which of the month's weekdays (1 = first, -1 = last), for a monthly slot.
    #[serde(default)]
    pub nth: Option<i8>,
    /// Every this many weeks (months, with `nth`); 1 = every week.
    #[serde(default = "one")]
    pub interval: u8,
    /// For a slot that is not every week: days until its next time and that date in words
    /// ("16 december"), worked out on the server from its rule; `None` when unknown.
    #[serde(default)]
    pub next: Option<(u16, String)>,
}

fn one() -> u8 {
    1
}

impl WeeklySlot {
    /// Every week on `weekday`.
    pub fn weekly(weekday: u8, opens_at: &str, closes_at: &str) -> WeeklySlot {
        WeeklySlot {
            weekday,
            opens_at: opens_at.into(),
            closes_at: closes_at.into(),
            nth: None,
            interval: 1,
            next: None,
        }
    }

    /// True when the slot is on its weekday every week.
    pub fn every_week(&self) -> bool {
        self.nth.is_none() && self.interval <= 1
    }

    /// "elke woensdag 14:00-16:00", "elke derde woensdag van de maand 14:00-16:00",
    /// "om de week op dinsdag 10:00-11:00".
    pub fn in_words(&self, lang: Lang) -> String {
        let t = lang.texts();
        let day = weekday_name(self.weekday, lang);
        let (from, to) = (self.opens_at.as_str(), self.closes_at.as_str());
        let interval = self.interval.to_string();
        match (self.nth, self.interval) {
            (Some(n), 0 | 1) => fill(
                t.every_nth_at,
                &[crate::i18n::ordinal(n, lang), day, from, to],
            ),
            (Some(n), _) => fill(
                t.every_nth_months_at,
                &[crate::i18n::ordinal(n, lang), day, &interval, from, to],
            ),
            (None, 0 | 1) => fill(t.every_at, &[day, from, to]),
            (None, 2) => fill(t.every_other_at, &[day, from, to]),
            (None, _) => fill(t.every_n_weeks_at, &[&interval, day, from, to]),
        }
    }

    /// Days from today (ISO weekday `today`) until this slot's next time, when known.
    fn days_until(&self, today: u8) -> Option<u16> {
        if self.every_week() {
            Some(u16::from((self.weekday + 7 - today) % 7))
        } else {
            self.next.as_ref().map(|(days, _)| *days)
        }
    }
}

/// Everything the detail page shows about an offer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OfferDetail {
    /// The offer id.
    pub id: Uuid,
    /// Name of the offer.
    pub name: String,
    /// Plain-language description.
    pub description: String,
    /// Organisation behind it.
    pub organisation: String,
    /// Its page (`/organisatie/{id}`).
    #[serde(default)]
    pub organisation_id: Option<Uuid>,
    /// Human label of the kind.
    pub kind_label: String,
    /// Leefgebieden (names).
    pub leefgebieden: Vec<String>,
    /// Who it is for (names).
    pub doelgroepen: Vec<String>,
    /// "voor 6 tot 12 jaar", or None when there is no age limit.
    pub ages: Option<String>,
    /// Weekly times.
    pub schedule: Vec<WeeklySlot>,
    /// Closed periods from today on, in words ("21 december 2026 t/m 3 januari 2027 (kerstvakantie)").
    pub closed: Vec<String>,
    /// Costs nothing.
    pub free: bool,
    /// What it costs, in words.
    pub costs: Vec<String>,
    /// No indicatie or referral needed.
    pub no_referral_needed: bool,
    /// You keep your benefit (uitkering) while taking part.
    pub keeps_benefit: bool,
    /// Other conditions, in words.
    pub eligibility: String,
    /// Language names.
    pub languages: Vec<String>,
    /// Where: one line per location.
    pub locations: Vec<LocationLine>,
    /// Contact person.
    pub contact_name: Option<String>,
    /// Contact phone.
    pub phone: Option<String>,
    /// Contact e-mail.
    pub email: Option<String>,
    /// Website.
    pub url: Option<String>,
    /// People on the waiting list.
    pub waiting_list: i32,
    /// "12 maart 2026".
    pub last_verified: Option<String>,
    /// False when the offer is paused or stopped.
    pub active: bool,
    /// Not checked for over six months.
    pub overdue: bool,
    /// A volunteer role an organisation asks for, not an offer: no sign-up form, the
    /// organisation is the contact, `eligibility` says what it asks of you.
    pub role: bool,
    /// The open volunteer roles of its organisation (for a role: the others).
    pub roles: Vec<RoleLink>,
    /// What a role asks and gives (roles only).
    pub role_facts: Option<RoleFacts>,
    /// People just walk in; there is nothing to sign up for.
    #[serde(default)]
    pub walk_in: bool,
    /// "Ik doe mee" reaches someone: the organisation has an account that reads sign-ups.
    /// Without one the page asks people to call or mail instead.
    #[serde(default)]
    pub takes_signups: bool,
}

/// What a volunteer role asks and gives, in the reader's language: what a person wants to know
/// before they say "ik help mee".
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RoleFacts {
    /// What you do.
    pub tasks: String,
    /// What you do not do.
    pub not_tasks: String,
    /// The course or training.
    pub training: String,
    /// Who supports you.
    pub support: String,
    /// "Vrijwilligersvergoeding: € 50 per maand", "Onkosten worden betaald", "Geen vergoeding".
    pub compensation: String,
    /// About a benefit: cleared, or "talk to your klantmanager first"; `None` when it pays nothing.
    pub benefit: Option<String>,
    /// "woensdag en zaterdag".
    pub days: Option<String>,
    /// "4 uur per week".
    pub hours: Option<String>,
    /// Places still open ("nog 4 plekken"); `None` when they did not say how many.
    pub open_places: Option<i32>,
    /// Every place is taken: no answers now.
    pub filled: bool,
    /// "Sanne, jeugdcoördinator".
    pub contact: Option<String>,
    /// The offer whose waiting list it helps: (id, name, people waiting).
    pub for_offer: Option<(Uuid, String, i32)>,
}

impl OfferDetail {
    /// Its address: `/vraag/{id}` for a role, `/aanbod/{id}` for an offer.
    pub fn href(&self) -> String {
        if self.role {
            format!("/vraag/{}", self.id)
        } else {
            format!("/aanbod/{}", self.id)
        }
    }
}

impl OfferSummary {
    /// Its address: `/vraag/{id}` for a role, `/aanbod/{id}` for an offer.
    pub fn href(&self) -> String {
        if self.kind == crate::domain::ROLE_KIND {
            format!("/vraag/{}", self.id)
        } else {
            format!("/aanbod/{}", self.id)
        }
    }
}

/// A public page of an organisation or of one of its places: what happens there each week,
/// when it is closed, what help they look for, and how to reach them. Printable for the
/// notice board.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlacePage {
    /// The organisation (for a location: its owner).
    pub organisation_id: Uuid,
    /// Its name.
    pub organisation: String,
    /// The page's title: the organisation's or the location's name.
    pub name: String,
    /// What the organisation does (organisation pages).
    pub description: String,
    /// The place (location pages).
    pub location: Option<LocationLine>,
    /// The organisation's places (organisation pages): (id, name, address).
    pub locations: Vec<(Uuid, String, String)>,
    /// Monday to Sunday.
    pub week: Vec<DayProgramme>,
    /// When nothing is planned at the place, per day (location pages; 09:00–22:00).
    pub free_hours: Vec<(String, Vec<String>)>,
    /// Closures ahead, in words, with the offer's name.
    pub closed: Vec<String>,
    /// Open volunteer roles.
    pub roles: Vec<RoleLink>,
    /// Phone.
    pub phone: Option<String>,
    /// E-mail.
    pub email: Option<String>,
    /// Website.
    pub url: Option<String>,
    /// The last check, in words.
    pub last_verified: Option<String>,
}

/// One day of a week programme.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DayProgramme {
    /// "maandag".
    pub day: String,
    /// What happens, by time.
    pub items: Vec<ProgrammeItem>,
}

/// One activity in a week programme.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProgrammeItem {
    /// "14:00–16:00".
    pub time: String,
    /// The offer.
    pub name: String,
    /// Its page.
    pub href: String,
    /// For a slot that is not every week: "elke 3e woensdag van de maand".
    pub note: Option<String>,
}

/// A volunteer role to link to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RoleLink {
    /// The need; its page is `/vraag/{id}`.
    pub id: Uuid,
    /// What the role is.
    pub title: String,
    /// How much time it asks ("2 uur per week"), may be empty.
    pub time: String,
}

/// A location of an offer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LocationLine {
    /// The location, for its own page (`/locatie/{id}`).
    #[serde(default)]
    pub id: Option<Uuid>,
    /// Name of the place ("Buurthuis De Boog").
    pub name: String,
    /// Street and city.
    pub address: String,
    /// Wijk name.
    pub wijk: Option<String>,
    /// Accessibility in words.
    pub accessibility: String,
    /// For a route link.
    pub lat: Option<f64>,
    /// For a route link.
    pub lon: Option<f64>,
}

/// The next time an offer happens, seen from `today` (ISO weekday, 1 = maandag).
pub fn next_time(slots: &[WeeklySlot], today: u8, lang: Lang) -> Option<String> {
    let t = lang.texts();
    let (days, next) = slots
        .iter()
        .filter_map(|s| Some((s.days_until(today)?, s)))
        .min_by_key(|(days, s)| (*days, s.opens_at.clone()))?;
    let day = weekday_name(next.weekday, lang);
    let (from, to) = (next.opens_at.as_str(), next.closes_at.as_str());
    Some(match (days, &next.next) {
        (0, _) => fill(t.today_at, &[from, to]),
        // Not every week: the date says which of the coming weekdays it is.
        (_, Some((_, date))) => fill(t.next_on_at, &[day, date, from, to]),
        _ => fill(t.next_at, &[day, from, to]),
    })
}

/// Weekday name for ISO weekday 1..=7.
pub fn weekday_name(weekday: u8, lang: Lang) -> &'static str {
    weekdays(lang)[(weekday.clamp(1, 7) - 1) as usize]
}

/// "1,2 km" or "350 m" (Dutch decimal comma; a point in English).
pub fn format_km(km: f64, lang: Lang) -> String {
    if km < 1.0 {
        format!("{} m", ((km * 1000.0) / 10.0).round() as i64 * 10)
    } else if lang == Lang::Nl {
        format!("{:.1} km", km).replace('.', ",")
    } else {
        format!("{:.1} km", km)
    }
}

/// "voor 16 tot en met 27 jaar", "vanaf 18 jaar", "tot en met 12 jaar".
pub fn ages_in_words(min: Option<i32>, max: Option<i32>, lang: Lang) -> Option<String> {
    let t = lang.texts();
    match (min, max) {
        (Some(a), Some(b)) => Some(fill(t.ages_between, &[&a.to_string(), &b.to_string()])),
        (Some(a), None) if a > 0 => Some(fill(t.ages_from, &[&a.to_string()])),
        (None, Some(b)) => Some(fill(t.ages_until, &[&b.to_string()])),
        _ => None,
    }
}

/// Human label of a kind code.
pub fn kind_label(kind: &str, lang: Lang) -> String {
    lang.texts().kind(kind)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances_read_the_dutch_way() {
        assert_eq!(format_km(1.234, Lang::Nl), "1,2 km");
        assert_eq!(format_km(0.347, Lang::Nl), "350 m");
        assert_eq!(format_km(1.234, Lang::En), "1.2 km");
    }

    #[test]
    fn a_weekly_slot_reads_as_a_sentence() {
        let slot = WeeklySlot::weekly(3, "14:00", "16:00");
        assert_eq!(slot.in_words(Lang::Nl), "elke woensdag 14:00-16:00");
        assert_eq!(slot.in_words(Lang::En), "every Wednesday 14:00-16:00");
    }

    #[test]
    fn a_monthly_or_fortnightly_slot_reads_as_a_sentence() {
        let third = WeeklySlot {
            nth: Some(3),
            ..WeeklySlot::weekly(3, "14:00", "16:00")
        };
        assert_eq!(
            third.in_words(Lang::Nl),
            "elke derde woensdag van de maand 14:00-16:00"
        );
        let last = WeeklySlot {
            nth: Some(-1),
            ..WeeklySlot::weekly(7, "12:00", "14:00")
        };
        assert_eq!(
            last.in_words(Lang::En),
            "every last Sunday of the month 12:00-14:00"
        );
        let fortnight = WeeklySlot {
            interval: 2,
            ..WeeklySlot::weekly(2, "10:00", "11:00")
        };
        assert_eq!(
            fortnight.in_words(Lang::Nl),
            "om de week op dinsdag 10:00-11:00"
        );
    }

    #[test]
    fn a_monthly_slot_is_next_on_its_date_and_never_on_every_weekday() {
        let third = WeeklySlot {
            nth: Some(3),
            next: Some((14, "16 december".into())),
            ..WeeklySlot::weekly(3, "14:00", "16:00")
        };
        // Today is Wednesday 2 December: a Wednesday, but not the third one.
        assert_eq!(
            next_time(std::slice::from_ref(&third), 3, Lang::Nl).unwrap(),
            "volgende keer: woensdag 16 december 14:00-16:00"
        );
        let weekly = WeeklySlot::weekly(5, "09:00", "10:00");
        assert_eq!(
            next_time(&[third.clone(), weekly], 3, Lang::Nl).unwrap(),
            "volgende keer: vrijdag 09:00-10:00"
        );
        let unknown = WeeklySlot {
            next: None,
            ..third
        };
        assert_eq!(next_time(&[unknown], 3, Lang::Nl), None);
    }

    #[test]
    fn the_next_time_is_today_or_the_first_day_after_today() {
        let slot = |weekday| WeeklySlot::weekly(weekday, "14:00", "16:00");
        let slots = [slot(3), slot(6)];
        assert_eq!(
            next_time(&slots, 3, Lang::Nl).unwrap(),
            "vandaag 14:00-16:00"
        );
        assert_eq!(
            next_time(&slots, 4, Lang::Nl).unwrap(),
            "volgende keer: zaterdag 14:00-16:00"
        );
        assert_eq!(
            next_time(&slots, 7, Lang::Nl).unwrap(),
            "volgende keer: woensdag 14:00-16:00"
        );
        assert_eq!(next_time(&[], 1, Lang::Nl), None);
    }

    #[test]
    fn age_ranges_read_as_words() {
        assert_eq!(
            ages_in_words(Some(16), Some(27), Lang::Nl).unwrap(),
            "voor 16 tot en met 27 jaar"
        );
        assert_eq!(ages_in_words(Some(0), None, Lang::Nl), None);
        assert_eq!(ages_in_words(None, None, Lang::Nl), None);
    }
}
