//! Knelpunten: a professional reports from a traject a wall the person runs into (without the
//! person: the summary is checked for names, numbers, dates and addresses and refused with a
//! Dutch message when it holds one); the gemeente's coordinator sees them per rule, marks
//! them opgeschaald or opgelost with a note, and may put a solved one on "wat we oplosten".

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use uuid::Uuid;

use super::signals::{Quarter, READ};
use super::trajecten::{own, WORK};
use super::{allow, audit, parse_id, Saved};
use crate::auth::{Me, Role};
use crate::db;
use crate::i18n::{months, Lang};
use crate::knelpunten::{
    read_rule, rule_name, KnelpuntForm, KnelpuntItem, RuleGroup, SolvedLine, COST_MAX, NOTE_MAX,
    STATUSES, SUMMARY_MAX,
};
use crate::signals::Shown;
use crate::{AppState, Error, Result};

/// Reports a knelpunt from one of the professional's own trajecten, in the gemeente of the
/// professional (or of the traject's wijk). The wrong field comes back by name: `regel`,
/// `samenvatting`, `kosten`, or what the summary holds that may name a person (`naam`,
/// `nummer`, `datum`, `adres`).
pub async fn report(
    state: &AppState,
    me: &Me,
    form: &KnelpuntForm,
    today: NaiveDate,
) -> Result<Saved<Uuid>> {
    allow(me, WORK)?;
    let (traject, _) = own(state, me, parse_id(&form.traject)?).await?;
    let Some((rule, category)) = read_rule(form.regel.trim()) else {
        return Ok(Saved::Invalid("regel"));
    };
    let summary = form.samenvatting.trim();
    if summary.chars().count() < 10 || summary.chars().count() > SUMMARY_MAX {
        return Ok(Saved::Invalid("samenvatting"));
    }
    let cost = form.kosten.trim();
    if cost.chars().count() > COST_MAX {
        return Ok(Saved::Invalid("kosten"));
    }
    if let Some(found) = person_in(summary).or_else(|| person_in(cost)) {
        return Ok(Saved::Invalid(found));
    }
    let gemeente = me
        .gemeente
        .clone()
        .or_else(|| {
            traject
                .wijk_code
                .as_deref()
                .and_then(|w| w.get(2..6))
                .map(|digits| format!("GM{digits}"))
        })
        .ok_or_else(|| Error::Invalid("We weten niet in welke gemeente je werkt.".into()))?;
    let id = db::add_knelpunt(
        &state.db,
        db::NewKnelpunt {
            gemeente: &gemeente,
            category: &category,
            rule: &rule,
            summary_sealed: &state.sealer.seal(summary),
            cost_sealed: &state.sealer.seal(cost),
            today,
        },
    )
    .await?;
    // The audit names the knelpunt, not the traject: the knelpunt must not lead to a person.
    audit(state, me, "knelpunt_reported", "knelpunt", id, &rule).await?;
    Ok(Saved::Done(id))
}

/// The knelpunten of the coordinator's gemeente (an admin names one), per rule: the most
/// reported this quarter first.
pub async fn board(
    state: &AppState,
    me: &Me,
    gemeente: &str,
    today: NaiveDate,
) -> Result<Vec<RuleGroup>> {
    allow(me, READ)?;
    if me.role != Role::Admin && me.gemeente.as_deref() != Some(gemeente) {
        return Err(Error::Forbidden);
    }
    let now = Quarter::of(today);
    let before = now.previous();
    let mut groups: BTreeMap<String, (String, i64, i64, Vec<KnelpuntItem>)> = BTreeMap::new();
    for k in db::knelpunten_of(&state.db, gemeente).await? {
        let group = groups
            .entry(k.rule.clone())
            .or_insert_with(|| (k.category.clone(), 0, 0, Vec::new()));
        if k.reported_on >= now.first() && k.reported_on <= now.last() {
            group.1 += 1;
        } else if k.reported_on >= before.first() && k.reported_on <= before.last() {
            group.2 += 1;
        }
        group.3.push(KnelpuntItem {
            id: k.id,
            summary: state.sealer.open_stored(&k.summary_sealed),
            cost: state.sealer.open_stored(&k.cost_sealed),
            status: k.status,
            note: k.status_note,
            published: k.published,
            reported_on: format!(
                "{} {}",
                crate::schedule::day_and_month(k.reported_on, Lang::Nl),
                k.reported_on.year()
            ),
        });
    }
    let mut out: Vec<RuleGroup> = groups
        .into_iter()
        .map(|(rule, (category, this, previous, mut items))| {
            // Open ones first (gemeld, opgeschaald, opgelost), then newest (already sorted).
            items.sort_by_key(|i| STATUSES.iter().position(|s| *s == i.status));
            RuleGroup {
                name: rule_name(&rule),
                rule,
                category,
                this_quarter: Shown::of(this),
                previous_quarter: Shown::of(previous),
                items,
            }
        })
        .collect();
    out.sort_by(|a, b| {
        let open = |g: &RuleGroup| g.items.iter().filter(|i| i.status != "opgelost").count();
        b.this_quarter
            .floor()
            .cmp(&a.this_quarter.floor())
            .then_with(|| open(b).cmp(&open(a)))
            .then_with(|| a.name.cmp(&b.name))
    });
    Ok(out)
}

/// The coordinator's decision on a knelpunt of their gemeente: a status, a short note, and
/// (only for solved ones) whether it is on the public page. The wrong field by name.
pub async fn decide(
    state: &AppState,
    me: &Me,
    id: &str,
    status: &str,
    note: &str,
    publish: bool,
    today: NaiveDate,
) -> Result<Saved<()>> {
    allow(me, READ)?;
    let k = db::knelpunt(&state.db, parse_id(id)?)
        .await?
        .ok_or(Error::NotFound)?;
    if me.role != Role::Admin && me.gemeente.as_deref() != Some(k.gemeente_code.as_str()) {
        return Err(Error::NotFound);
    }
    if !STATUSES.contains(&status) {
        return Ok(Saved::Invalid("status"));
    }
    let note = note.trim();
    if note.chars().count() > NOTE_MAX {
        return Ok(Saved::Invalid("notitie"));
    }
    if let Some(found) = person_in(note) {
        return Ok(Saved::Invalid(found));
    }
    let publish = publish && status == "opgelost";
    if publish && note.is_empty() {
        // The public page says what was done; without a note it would say nothing.
        return Ok(Saved::Invalid("notitie"));
    }
    db::decide_knelpunt(&state.db, k.id, status, note, publish, today).await?;
    audit(state, me, "knelpunt_decided", "knelpunt", k.id, status).await?;
    Ok(Saved::Done(()))
}

/// "Wat we oplosten": solved knelpunten their gemeente chose to publish: the rule, the
/// category and what was done, never the case.
pub async fn solved(state: &AppState) -> Result<Vec<SolvedLine>> {
    Ok(db::solved_knelpunten(&state.db)
        .await?
        .into_iter()
        .map(|k| SolvedLine {
            rule: rule_name(&k.rule),
            category: k.category,
            note: k.status_note,
            quarter: Quarter::of(k.decided_on.unwrap_or(k.reported_on)).name(),
            gemeente: super::signals::gemeente_name(&k.gemeente_code),
        })
        .collect())
}

/// Words with a capital that are not names: institutions, laws, languages, countries, days.
const NOT_NAMES: &[&str] = &[
    "nederland",
    "nederlands",
    "nederlandse",
    "engels",
    "engelse",
    "arabisch",
    "turks",
    "pools",
    "duits",
    "frans",
    "spaans",
    "oekraïens",
    "oekraïne",
    "syrië",
    "eritrea",
    "marokko",
    "turkije",
    "suriname",
    "europa",
    "europese",
    "uwv",
    "svb",
    "duo",
    "cak",
    "cjib",
    "belastingdienst",
    "toeslagen",
    "gemeente",
    "rijk",
    "jeugdwet",
    "participatiewet",
    "wmo",
    "wlz",
    "zvw",
    "wsnp",
    "digid",
    "kerst",
    "pasen",
    "ramadan",
    "suikerfeest",
    "offerfeest",
    "god",
    "allah",
    "whatsapp",
    "facebook",
    "google",
    "buurtteam",
    "wijkteam",
    "voedselbank",
    "schuldhulp",
    "veilig",
    "thuis",
    "raad",
    "kinderbescherming",
    "rechtbank",
    "politie",
    "huurcommissie",
    "zorgverzekeraar",
    "zorgkantoor",
    "bijstand",
    "ggz",
    "ggd",
    "mbo",
    "hbo",
    "vmbo",
    "havo",
    "vwo",
    "roc",
    "sociale",
    "verzekeringsbank",
    "jeugdzorg",
    "wijk",
    "buurt",
];

/// Titles a name follows.
const TITLES: &[&str] = &["meneer", "mevrouw", "mw", "mevr", "dhr", "heer", "juffrouw"];

/// Month abbreviations, for dates in words (the full names come from [`months`]).
const MONTH_ABBREVIATIONS: &[&str] = &[
    "jan", "feb", "mrt", "apr", "jun", "jul", "aug", "sep", "sept", "okt", "nov", "dec",
];

/// Street-name endings: a capitalised word ending in one and followed by a number is an address.
const STREETS: &[&str] = &[
    "straat",
    "laan",
    "weg",
    "plein",
    "singel",
    "gracht",
    "kade",
    "dreef",
    "hof",
    "steeg",
    "pad",
    "dijk",
    "baan",
    "park",
    "markt",
    "veld",
    "wal",
    "plantsoen",
    "erf",
    "ring",
    "dam",
];

/// What in `text` may name a person, as the form field that says so: `nummer` (8 digits or
/// more: a BSN, a phone or client number), `datum` (a full date, or "geboren"), `adres` (a
/// postcode, or a street with a number), `naam` (a word with a capital in the middle of a
/// sentence that is no institution, law, language or place, or a word after "meneer" or
/// "mevrouw"). Strict on purpose: a professional rewrites a sentence sooner than a person is
/// named.
pub fn person_in(text: &str) -> Option<&'static str> {
    let tokens: Vec<&str> = text.split_whitespace().collect();
    let word = |t: &str| -> String { t.trim_matches(|c: char| !c.is_alphanumeric()).to_string() };
    let mut sentence_start = true;
    let mut skip = false;
    // A name is said last: a text with a street or a date says that first.
    let mut name = false;
    for (i, raw) in tokens.iter().enumerate() {
        if std::mem::take(&mut skip) {
            sentence_start = raw.ends_with(['.', '!', '?', ':']);
            continue;
        }
        let w = word(raw);
        let lower = w.to_lowercase();
        let next = tokens.get(i + 1).map(|t| word(t)).unwrap_or_default();
        let after = tokens.get(i + 2).map(|t| word(t)).unwrap_or_default();
        if is_numeric_date(&w) || lower.starts_with("geboren") || lower.starts_with("geboorte") {
            return Some("datum");
        }
        let day = w.parse::<u32>().is_ok_and(|d| (1..=31).contains(&d));
        let year = after.len() == 4 && after.chars().all(|c| c.is_ascii_digit());
        let month = next.to_lowercase();
        let month = months(Lang::Nl).contains(&month.as_str())
            || MONTH_ABBREVIATIONS.contains(&month.as_str());
        if day && month && year {
            return Some("datum");
        }
        let postcode = w.len() == 4
            && w.chars().all(|c| c.is_ascii_digit())
            && !w.starts_with('0')
            && next.len() == 2
            && next.chars().all(|c| c.is_ascii_uppercase());
        let glued = w.len() == 6
            && w[..4].chars().all(|c| c.is_ascii_digit())
            && w[4..].chars().all(|c| c.is_ascii_uppercase());
        if postcode || glued {
            return Some("adres");
        }
        let capital = w.chars().next().is_some_and(char::is_uppercase);
        let house_number = next.chars().next().is_some_and(|c| c.is_ascii_digit())
            && next.chars().take_while(char::is_ascii_digit).count() <= 4;
        if capital && house_number && STREETS.iter().any(|s| lower.ends_with(s)) {
            return Some("adres");
        }
        if TITLES.contains(&lower.as_str()) && next.chars().next().is_some_and(char::is_uppercase) {
            name = true;
        }
        // Two-word places ("De Meern", "Den Haag") are places, not names.
        if capital
            && index::Geocoder::embedded()
                .place(&format!("{w} {next}"))
                .is_ok()
        {
            skip = true;
            sentence_start = false;
            continue;
        }
        let acronym = w
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase);
        if capital
            && !sentence_start
            && !acronym
            && w.chars().count() >= 2
            && !NOT_NAMES.contains(&lower.as_str())
            && index::Geocoder::embedded().place(&w).is_err()
            && index::Geocoder::embedded().wijk_name(&w).is_none()
        {
            name = true;
        }
        sentence_start = raw.ends_with(['.', '!', '?', ':']) || raw.ends_with(".\"");
    }
    // After the dates: "03-04-1987" is a date, not eight digits of a number.
    if long_number(text) {
        Some("nummer")
    } else {
        name.then_some("naam")
    }
}

/// A run of 8 digits or more, also written in groups ("123 456 789", "12.34.56.789",
/// "06-12345678"): a BSN, a phone number or a client number.
fn long_number(text: &str) -> bool {
    let chars: Vec<char> = text.chars().collect();
    let mut digits = 0;
    for (i, &c) in chars.iter().enumerate() {
        if c.is_ascii_digit() {
            digits += 1;
            if digits >= 8 {
                return true;
            }
            continue;
        }
        // A single space, dot or dash between digits keeps the run going.
        let joins = matches!(c, ' ' | '.' | '-')
            && i > 0
            && chars[i - 1].is_ascii_digit()
            && chars.get(i + 1).is_some_and(char::is_ascii_digit);
        if !joins {
            digits = 0;
        }
    }
    false
}

/// "12-3-1985", "12/03/85", "1.3.2024".
fn is_numeric_date(word: &str) -> bool {
    let parts: Vec<&str> = word.split(['-', '/', '.']).collect();
    parts.len() == 3
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()))
        && parts[0].len() <= 2
        && parts[1].len() <= 2
        && matches!(parts[2].len(), 2 | 4)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_summary_without_a_person_passes() {
        for text in [
            "Moeder en twee kinderen delen een huis met haar broer. Door de kostendelersnorm gaat de bijstand omlaag en kunnen ze de huur niet betalen.",
            "Een jongere van 18 valt tussen de Jeugdwet en de Wmo in. Het UWV en de gemeente verwijzen naar elkaar.",
            "Al 14 weken wachten op schuldhulp in Overvecht, terwijl de schuld van 3.000 euro groeit.",
            "Een gezin in De Meern wacht op urgentie.",
            "Sinds maart 2026 geen post meer ontvangen: geen adres, dus geen DigiD.",
        ] {
            assert_eq!(person_in(text), None, "{text}");
        }
    }

    #[test]
    fn names_numbers_dates_and_addresses_are_found() {
        assert_eq!(person_in("Het gaat om Fatima en haar zoon."), Some("naam"));
        assert_eq!(person_in("Gesprek met mevrouw Jansen gehad."), Some("naam"));
        assert_eq!(
            person_in("BSN 123456782 staat in het dossier."),
            Some("nummer")
        );
        assert_eq!(person_in("Bel 06-12345678 na vijven."), Some("nummer"));
        assert_eq!(person_in("Bsn: 123 456 782."), Some("nummer"));
        assert_eq!(
            person_in("de moeder is geboren op 12-03-1985"),
            Some("datum")
        );
        assert_eq!(person_in("sinds 12 maart 1985 in het land"), Some("datum"));
        assert_eq!(person_in("de afspraak is op 3/4/26"), Some("datum"));
        assert_eq!(person_in("woont op 3454 AB in de flat"), Some("adres"));
        assert_eq!(
            person_in("woont aan de Kanaalstraat 12 boven"),
            Some("adres")
        );
    }
}
