//! Signalen for the demo: anonymous counts for this quarter and the one before, searches that
//! found nothing, talents nobody asks for and knelpunten, so that a coordinator of the Utrecht
//! demo has something to see and act on. Invented and deterministic (ids from the quarter and
//! a key), so loading the demo again adds nothing twice.

use anyhow::Context;
use app::service::signals::Quarter;
use app::AppState;
use chrono::NaiveDate;

use super::demo_id;

const OVERVECHT: &str = "WK034403";
const ZUIDWEST: &str = "WK034408";
const NOORDWEST: &str = "WK034402";
const DE_MEERN: &str = "WK034410";
const BINNENSTAD: &str = "WK034406";
const ZUID: &str = "WK034405";
const WEST: &str = "WK034401";

/// Questions without a suitable offer: (wijk, leefgebied, this quarter, the quarter before).
const NO_OFFER: &[(&str, &str, usize, usize)] = &[
    (OVERVECHT, "geldzaken", 14, 11),
    (OVERVECHT, "leren", 9, 7),
    (OVERVECHT, "meedoen", 6, 8),
    (OVERVECHT, "opgroeien", 3, 2),
    (ZUIDWEST, "geldzaken", 11, 12),
    (ZUIDWEST, "wonen", 7, 4),
    (ZUIDWEST, "leren", 5, 6),
    (ZUIDWEST, "zorg", 2, 1),
    (NOORDWEST, "meedoen", 8, 5),
    (NOORDWEST, "geldzaken", 6, 5),
    (DE_MEERN, "bewegen", 5, 3),
    (DE_MEERN, "meedoen", 3, 2),
    (BINNENSTAD, "meedoen", 4, 5),
    (ZUID, "gezondheid", 3, 1),
    (WEST, "geldzaken", 2, 2),
];

/// Other signals this quarter: (wijk, kind, reason, count, days until acceptance).
const OTHER: &[(&str, &str, &str, usize, Option<i32>)] = &[
    (OVERVECHT, "afgewezen", "vol", 6, None),
    (OVERVECHT, "afgewezen", "niet passend", 2, None),
    (OVERVECHT, "afgewezen", "geen reactie", 3, None),
    (DE_MEERN, "afgewezen", "vol", 5, None),
    (NOORDWEST, "onbeantwoord", "", 3, None),
    (OVERVECHT, "wachttijd", "", 7, Some(6)),
    (ZUIDWEST, "wachttijd", "", 5, Some(9)),
];

/// Searches near a place that found nothing this quarter: (wijk, PC4, code, word, searches).
const GAPS: &[(&str, &str, &str, &str, i32)] = &[
    (
        OVERVECHT,
        "3562",
        "leefgebied:leren",
        "huiswerkbegeleiding",
        12,
    ),
    (OVERVECHT, "3563", "leefgebied:leren", "taal", 6),
    (ZUIDWEST, "3526", "leefgebied:bewegen", "zwemmen", 7),
    (NOORDWEST, "3552", "leefgebied:meedoen", "eenzaam", 5),
    (DE_MEERN, "3454", "leefgebied:bewegen", "voetbal", 3),
];

/// "Ik kan iets" talents no role nearby asks for: (talent, PC4, people).
const TALENTS: &[(&str, &str, usize)] = &[
    ("muziek", "3563", 6),
    ("naaien", "3526", 5),
    ("tuinieren", "3531", 3),
];

/// Knelpunten: (rule, category, summary, cost, status, note, published, this quarter).
type Knelpunt = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    bool,
    bool,
);
const KNELPUNTEN: &[Knelpunt] = &[
    ("kostendelersnorm", "geld", "Een moeder woont met haar volwassen zoon. Door de kostendelersnorm gaat de bijstand omlaag en lukt de huur niet meer.", "Huurschuld en dreigende uithuiszetting.", "gemeld", "", false, true),
    ("kostendelersnorm", "geld", "Een jongere wil bij zijn oma intrekken om voor haar te zorgen, maar dan gaat haar AOW omlaag.", "De zorg valt op de thuiszorg.", "gemeld", "", false, true),
    ("kostendelersnorm", "geld", "Twee zussen willen samen een huis huren; samen krijgen ze minder bijstand dan apart.", "Twee woningen in plaats van één.", "opgeschaald", "Besproken met de beleidsadviseur inkomen.", false, true),
    ("kostendelersnorm", "geld", "Een vader met een inwonende zoon van 21 die studeert: de bijstand gaat omlaag.", "De zoon stopt met zijn opleiding om bij te verdienen.", "gemeld", "", false, true),
    ("kostendelersnorm", "geld", "Een gezin neemt een neef op die op straat zou staan; hun uitkering gaat omlaag.", "Dakloosheid van de neef.", "gemeld", "", false, true),
    ("18-jaargrens", "regel", "Een jongere wordt 18 en de jeugdhulp stopt; de begeleiding voor volwassenen heeft een wachtlijst van een half jaar.", "Terugval en schooluitval.", "gemeld", "", false, true),
    ("18-jaargrens", "regel", "Pleegzorg stopt bij 18 jaar terwijl de jongere nog op school zit.", "Geen woonplek.", "gemeld", "", false, true),
    ("18-jaargrens", "regel", "Een jongere met schulden kan pas na 18 jaar schuldhulp krijgen; de schulden groeien intussen.", "Hogere schuld bij de start.", "gemeld", "", false, true),
    ("wachttijd-schuldhulp", "wachtlijst", "Acht weken wachten op een eerste gesprek bij schuldhulp terwijl de incasso's doorlopen.", "Extra kosten bij de deurwaarder.", "gemeld", "", false, true),
    ("wachttijd-schuldhulp", "wachtlijst", "Een gezin wacht op schuldhulp en durft intussen geen post meer open te maken.", "Afsluiting van energie.", "gemeld", "", false, true),
    ("regiobinding", "wonen", "Een moeder die na een scheiding terug wil naar haar familie in de stad heeft geen regiobinding meer.", "Maanden in de opvang.", "opgeschaald", "Voorgelegd aan de woningcorporaties.", false, true),
    ("geen-postadres", "wonen", "Een man zonder vaste woonplek krijgt geen uitkering omdat hij geen postadres heeft.", "Geen inkomen, geen zorgverzekering.", "opgelost", "Een briefadres bij het buurtteam is nu binnen een week geregeld.", true, true),
    ("kostendelersnorm", "geld", "Een moeder met een inwonende dochter van 23 verliest een deel van haar bijstand.", "Schulden.", "gemeld", "", false, false),
    ("kostendelersnorm", "geld", "Een oudere wil een kleinzoon in huis nemen; de AOW gaat omlaag.", "Eenzaamheid.", "gemeld", "", false, false),
    ("18-jaargrens", "regel", "De jeugdhulp stopt op de verjaardag, de nieuwe hulp begint pas maanden later.", "Crisis.", "gemeld", "", false, false),
];

/// The first day of `q` plus `i` of `n` steps over its days up to `until`.
fn spread(q: Quarter, until: NaiveDate, i: usize, n: usize) -> NaiveDate {
    let last = q.last().min(until);
    let days = (last - q.first()).num_days().max(0) as usize;
    q.first() + chrono::Days::new((i * days / n.max(1)) as u64)
}

/// Adds the demo's signals for the quarter `today` is in and the one before.
pub async fn seed(state: &AppState, today: NaiveDate) -> anyhow::Result<()> {
    let db = &state.db;
    let now = Quarter::of(today);
    for (q, current) in [(now, true), (now.previous(), false)] {
        for &(wijk, leefgebied, this, before) in NO_OFFER {
            let n = if current { this } else { before };
            for i in 0..n {
                let id = demo_id(&format!("signal:{}:{wijk}:{leefgebied}:{i}", q.name()));
                app::db::put_signal(
                    db,
                    id,
                    "geen-aanbod",
                    wijk,
                    leefgebied,
                    "",
                    None,
                    spread(q, today, i, n),
                )
                .await
                .context("demo signals")?;
            }
        }
    }
    for &(wijk, kind, reason, n, days) in OTHER {
        for i in 0..n {
            let id = demo_id(&format!("signal:{}:{wijk}:{kind}:{reason}:{i}", now.name()));
            let days = days.map(|d| d + 4 * i as i32);
            app::db::put_signal(
                db,
                id,
                kind,
                wijk,
                "",
                reason,
                days,
                spread(now, today, i, n),
            )
            .await
            .context("demo signals")?;
        }
    }
    for &(wijk, pc4, code, word, n) in GAPS {
        app::db::put_search_gap(db, now.first(), wijk, pc4, (code, word), n)
            .await
            .context("demo search gaps")?;
    }
    let geocoder = index::Geocoder::embedded();
    for &(talent, pc4, n) in TALENTS {
        let place = geocoder.postcode(&index::Postcode::parse(pc4)?)?;
        for i in 0..n {
            let entry = app::db::TalentEntryRecord {
                id: demo_id(&format!("talent-entry:{talent}:{pc4}:{i}")),
                talents: vec![talent.into()],
                age: None,
                postcode: pc4.into(),
                latitude: place.lat,
                longitude: place.lon,
                expires_on: today + chrono::Days::new(180),
                contact: None,
            };
            app::db::save_talent_entry(db, &entry)
                .await
                .context("demo talents")?;
        }
    }
    for (i, &(rule, category, summary, cost, status, note, published, current)) in
        KNELPUNTEN.iter().enumerate()
    {
        let q = if current { now } else { now.previous() };
        let k = app::db::NewKnelpunt {
            gemeente: "GM0344",
            category,
            rule,
            summary_sealed: &state.sealer.seal(summary),
            cost_sealed: &state.sealer.seal(cost),
            today: spread(q, today, i, KNELPUNTEN.len()),
        };
        let id = demo_id(&format!("knelpunt:{}:{i}", q.name()));
        app::db::put_knelpunt(db, id, k, status, note, published)
            .await
            .context("demo knelpunten")?;
    }
    Ok(())
}
