//! Why a suggestion fits, in the reader's language: the matching engine gives structured
//! [`Reason`]s; this turns them into one line ("past bij: voetbal (jouw talent) · 1,2 km ·
//! gratis · dinsdag en donderdag", or the same in English). The texts of a proposed
//! coalition ([`Phrase`]) are worded here too ([`say`]).

use index::matching::{PartnerKind, Phrase, Reason, RoleExtras};

use crate::i18n::{fill, weekdays, Lang};
use crate::model::{ages_in_words, format_km};

/// The name of a code in `lang`, lower case as in a sentence; the code itself when unknown.
pub fn name(taxonomy: &str, code: &str, lang: Lang) -> String {
    let t = lang.texts();
    let found = match taxonomy {
        "leefgebied" => t.leefgebied(code),
        "talent" => t.talent(code),
        "doelgroep" => t.group(code),
        _ => None,
    };
    found.map_or_else(|| code.to_string(), str::to_lowercase)
}

/// "dinsdag en donderdag", "Monday, Tuesday and Friday".
pub fn days_in_words(days: &[u8], lang: Lang) -> String {
    let names = weekdays(lang);
    let list: Vec<&str> = days
        .iter()
        .filter(|d| (1..=7).contains(*d))
        .map(|d| names[*d as usize - 1])
        .collect();
    match list.as_slice() {
        [] => String::new(),
        [one] => one.to_string(),
        [rest @ .., last] => fill(lang.texts().list_and, &[&rest.join(", "), last]),
    }
}

/// One fact in `lang`.
fn in_words(reason: &Reason, lang: Lang) -> String {
    let t = lang.texts();
    match reason {
        Reason::Need { leefgebied } => fill(t.why_need, &[&name("leefgebied", leefgebied, lang)]),
        Reason::Talent { talent } => fill(t.why_talent, &[&name("talent", talent, lang)]),
        Reason::Interest { topic } => fill(t.why_interest, &[&name("talent", topic, lang)]),
        Reason::ForGroup { group } => fill(t.why_group, &[&name("doelgroep", group, lang)]),
        Reason::Distance { km } => format_km(*km, lang),
        Reason::Free => t.why_free.to_string(),
        Reason::Days { days } => days_in_words(days, lang),
        Reason::Language { code } => {
            fill(t.why_language, &[&crate::words::language_name(code, lang)])
        }
        Reason::NoReferral => t.why_no_referral.to_string(),
        Reason::KeepsBenefit => t.why_keeps_benefit.to_string(),
        Reason::AskBenefitFirst => t.why_ask_benefit_first.to_string(),
        Reason::Training => t.why_training.to_string(),
        Reason::Ages { min, max } => ages_in_words(min.map(i32::from), max.map(i32::from), lang)
            .unwrap_or_else(|| t.why_all_ages.to_string()),
        Reason::WaitingList { people } => fill(t.why_waiting_list, &[&people.to_string()]),
        Reason::PeopleWanted { people: 1 } => t.why_one_wanted.to_string(),
        Reason::PeopleWanted { people } => fill(t.why_people_wanted, &[&people.to_string()]),
        Reason::StepFree => t.why_step_free.to_string(),
        Reason::AskAccess => t.why_ask_access.to_string(),
        Reason::PickUp => t.why_pick_up.to_string(),
        Reason::NearTransit => t.why_near_transit.to_string(),
        Reason::OutsideOwnWijk => t.why_outside_own_wijk.to_string(),
        Reason::InOwnWijk => t.why_in_own_wijk.to_string(),
        Reason::Together { ages } => match ages.as_slice() {
            [one] => fill(t.why_together_one, &[&one.to_string()]),
            [rest @ .., last] => {
                let rest: Vec<String> = rest.iter().map(u8::to_string).collect();
                let list = fill(t.list_and, &[&rest.join(", "), &last.to_string()]);
                fill(t.why_together_more, &[&list])
            }
            [] => String::new(),
        },
    }
}

/// True for the reasons that say what fits (they come first, after "past bij:").
fn is_fit(reason: &Reason) -> bool {
    matches!(
        reason,
        Reason::Need { .. } | Reason::Talent { .. } | Reason::Interest { .. }
    )
}

/// What a person brings, in `lang`: their talents, then who helps them already (in their own
/// words, as typed).
pub fn own_strengths(talents: &[String], network: &[String], lang: Lang) -> Vec<String> {
    talents
        .iter()
        .map(|t| name("talent", t, lang))
        .chain(network.iter().map(|n| n.trim().to_string()))
        .filter(|s| !s.is_empty())
        .collect()
}

/// All reasons in one line, what fits first.
pub fn explain(reasons: &[Reason], lang: Lang) -> String {
    let fits: Vec<String> = reasons
        .iter()
        .filter(|r| is_fit(r))
        .map(|r| in_words(r, lang))
        .collect();
    let rest = reasons
        .iter()
        .filter(|r| !is_fit(r))
        .map(|r| in_words(r, lang))
        .filter(|s| !s.is_empty());
    let first = (!fits.is_empty()).then(|| fill(lang.texts().why_fits, &[&fits.join(", ")]));
    first
        .into_iter()
        .chain(rest)
        .collect::<Vec<_>>()
        .join(" · ")
}

/// Talent names in `lang`, joined as a list ("koken, sport en voetbal").
fn talents_in_words(codes: &[String], lang: Lang) -> String {
    let names: Vec<String> = codes.iter().map(|c| name("talent", c, lang)).collect();
    match names.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => fill(lang.texts().list_and, &[&rest.join(", "), last]),
    }
}

/// "een zinvolle rol, een cursus en begeleiding": a role with only what its organisation said
/// comes with it.
fn with_extras(role: String, extras: &RoleExtras, lang: Lang) -> String {
    let nl = lang == Lang::Nl;
    let mut parts = vec![role];
    for (on, dutch, english) in [
        (extras.training, "een cursus", "a course"),
        (extras.support, "begeleiding", "support"),
        (
            extras.allowance,
            "een vrijwilligersvergoeding",
            "a volunteer allowance",
        ),
    ] {
        if on {
            parts.push(if nl { dutch } else { english }.to_string());
        }
    }
    match parts.as_slice() {
        [one] => one.clone(),
        [rest @ .., last] => fill(lang.texts().list_and, &[&rest.join(", "), last]),
        [] => String::new(),
    }
}

/// One text of a proposed coalition in `lang` (names of organisations stay as they are).
pub fn say(phrase: &Phrase, lang: Lang) -> String {
    let nl = lang == Lang::Nl;
    let pick = |dutch: &str, english: &str| if nl { dutch } else { english }.to_string();
    match phrase {
        Phrase::Name { name } => name.clone(),
        Phrase::You => pick("Jij", "You"),
        Phrase::Residents { count } if nl => format!("{count} bewoners uit de buurt"),
        Phrase::Residents { count } => format!("{count} residents from the neighbourhood"),
        Phrase::LeadGives { kind, extras } => match kind.as_str() {
            "trainer" => with_extras(pick("een vaste rol als trainer", "a steady role as a trainer"), extras, lang),
            "vrijwilliger" => with_extras(pick("een zinvolle rol", "a meaningful role"), extras, lang),
            "ruimte" => pick(
                "activiteiten voor de buurt in de ruimte",
                "activities for the neighbourhood in the space",
            ),
            "deelnemers" => pick("een plek in het aanbod", "a place in the activity"),
            _ => pick("een plek om mee te doen", "a place to take part"),
        },
        Phrase::LeadGets {
            need,
            wanted,
            waiting,
        } => {
            let need = need.to_lowercase();
            match (waiting, wanted, nl) {
                (0, 0, true) => format!("hulp bij: {need}"),
                (0, 0, false) => format!("help with: {need}"),
                (0, n, true) => format!("{n} mensen voor: {need}"),
                (0, n, false) => format!("{n} people for: {need}"),
                (w, 0, true) => format!("een kortere wachtlijst ({w} wachtenden)"),
                (w, 0, false) => format!("a shorter waiting list ({w} waiting)"),
                (w, n, true) => format!("{n} mensen erbij en een kortere wachtlijst ({w} wachtenden)"),
                (w, n, false) => format!("{n} more people and a shorter waiting list ({w} waiting)"),
            }
        }
        Phrase::PartnerGives { kind } => match kind {
            PartnerKind::Wijkteam => pick(
                "mensen die een rol zoeken, en steun als het even niet lukt",
                "people looking for a role, and support when things get hard",
            ),
            PartnerKind::Jongerenwerk => pick(
                "contact met jongeren in de wijk en een luisterend oor",
                "contact with young people in the area and a listening ear",
            ),
            PartnerKind::School => pick(
                "leerlingen die een plek zoeken, met een warme overdracht",
                "pupils looking for a place, with a warm handover",
            ),
            PartnerKind::Opleiding => pick(
                "begeleiding en een cursus door studenten en docenten",
                "support and a course by students and teachers",
            ),
            PartnerKind::Buurthuis => pick(
                "ruimte in de uren dat die leeg staat",
                "space in the hours it stands empty",
            ),
            PartnerKind::Fonds => pick("geld voor de eerste periode", "money for the first period"),
            PartnerKind::Welzijn => pick(
                "verbinding met bewoners en andere organisaties",
                "links with residents and other organisations",
            ),
        },
        Phrase::PartnerGets { kind } => match kind {
            PartnerKind::Wijkteam => pick(
                "een route naar meedoen voor de mensen die het helpt",
                "a route to taking part for the people it helps",
            ),
            PartnerKind::Jongerenwerk => pick(
                "een zinvolle plek voor jongeren die iets willen doen",
                "a meaningful place for young people who want to do something",
            ),
            PartnerKind::School => pick(
                "een stage- of werkplek die meetelt voor de school",
                "an internship or work place that counts for school",
            ),
            PartnerKind::Opleiding => pick(
                "praktijkervaring en stageplekken voor studenten",
                "practical experience and internships for students",
            ),
            PartnerKind::Buurthuis => pick(
                "meer bewoners en activiteiten in huis",
                "more residents and activities in the building",
            ),
            PartnerKind::Fonds => pick(
                "een project dat laat zien wat het oplevert",
                "a project that shows what it achieves",
            ),
            PartnerKind::Welzijn => pick(
                "bewoners die actief worden in hun buurt",
                "residents who become active in their neighbourhood",
            ),
        },
        Phrase::Talents { talents, yours } => {
            let list = talents_in_words(talents, lang);
            match (yours, nl) {
                (true, true) => format!("wat je goed kunt: {list}"),
                (true, false) => format!("what you are good at: {list}"),
                (false, true) => format!("wat ze goed kunnen: {list}"),
                (false, false) => format!("what they are good at: {list}"),
            }
        }
        Phrase::MeaningfulRole { extras, .. } => {
            with_extras(pick("een rol die ertoe doet", "a role that matters"), extras, lang)
        }
        Phrase::LinkPerson { wijkteam: true } => pick(
            "een buurtteammedewerker of jongerenwerker die de deelnemers kent en de club spreekt",
            "someone of the neighbourhood team or youth work who knows the participants and talks to the club",
        ),
        Phrase::LinkPerson { wijkteam: false } => pick(
            "iemand van de organisatie die de deelnemers kent en de partners spreekt",
            "someone of the organisation who knows the participants and talks to the partners",
        ),
        Phrase::Goal {
            organisation,
            waiting: 0,
        } if nl => format!(
            "Samen zorgen dat {organisation} de mensen vindt die het zoekt, en die mensen een zinvolle rol krijgen."
        ),
        Phrase::Goal {
            organisation,
            waiting: 0,
        } => format!(
            "Together make sure {organisation} finds the people it is looking for, and those people get a meaningful role."
        ),
        Phrase::Goal { waiting, .. } if nl => format!(
            "Samen de wachtlijst van {waiting} wegwerken, en mensen die graag helpen een zinvolle rol geven."
        ),
        Phrase::Goal { waiting, .. } => format!(
            "Together clear the waiting list of {waiting}, and give people who like to help a meaningful role."
        ),
        Phrase::OnWaitingList { count } if nl => format!("{count} mensen op de wachtlijst"),
        Phrase::OnWaitingList { count } => format!("{count} people on the waiting list"),
        Phrase::LooksFor {
            organisation,
            count,
            need,
        } if nl => format!("{organisation} zoekt {count} mensen: {}", need.to_lowercase()),
        Phrase::LooksFor {
            organisation,
            count,
            need,
        } => format!("{organisation} looks for {count} people: {}", need.to_lowercase()),
        Phrase::TalentsNearby { count, km, talents } => {
            let (km, list) = (format_km(*km, lang), talents_in_words(talents, lang));
            if nl {
                format!("{count} mensen binnen {km} kunnen of doen graag: {list}")
            } else {
                format!("{count} people within {km} are good at or love: {list}")
            }
        }
        Phrase::PartnerAt { name, km } if nl => format!("{name} op {}", format_km(*km, lang)),
        Phrase::PartnerAt { name, km } => format!("{name} at {}", format_km(*km, lang)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reasons() -> Vec<Reason> {
        vec![
            Reason::Distance { km: 1.234 },
            Reason::Talent {
                talent: "voetbal".into(),
            },
            Reason::Free,
            Reason::Days { days: vec![2, 4] },
            Reason::WaitingList { people: 34 },
        ]
    }

    #[test]
    fn reasons_read_as_one_line_in_dutch() {
        assert_eq!(
            explain(&reasons(), Lang::Nl),
            "past bij: voetbal (jouw talent) · 1,2 km · gratis · dinsdag en donderdag · helpt 34 mensen van de wachtlijst"
        );
    }

    #[test]
    fn an_english_page_reads_english_reasons() {
        assert_eq!(
            explain(&reasons(), Lang::En),
            "fits: football (your talent) · 1.2 km · free · Tuesday and Thursday · helps 34 people off the waiting list"
        );
    }

    #[test]
    fn days_are_listed_with_commas_and_a_last_and() {
        assert_eq!(
            days_in_words(&[1, 2, 5], Lang::Nl),
            "maandag, dinsdag en vrijdag"
        );
        assert_eq!(days_in_words(&[3], Lang::En), "Wednesday");
        assert_eq!(days_in_words(&[], Lang::Nl), "");
    }

    #[test]
    fn a_coalition_reads_in_dutch_and_in_english() {
        let goal = Phrase::Goal {
            organisation: "VV De Meern".into(),
            waiting: 34,
        };
        assert!(say(&goal, Lang::Nl).contains("wachtlijst van 34"));
        assert!(say(&goal, Lang::En).contains("waiting list of 34"));
        let near = Phrase::TalentsNearby {
            count: 4,
            km: 5.0,
            talents: vec!["voetbal".into()],
        };
        assert_eq!(
            say(&near, Lang::Nl),
            "4 mensen binnen 5,0 km kunnen of doen graag: voetbal"
        );
        assert!(say(&near, Lang::En).starts_with("4 people within 5.0 km"));
        assert_eq!(say(&Phrase::You, Lang::En), "You");
    }
}
