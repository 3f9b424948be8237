//! Why a suggestion fits, in the reader's language: the matching engine gives structured
//! [`Reason`]s; this turns them into one line ("past bij: voetbal (jouw talent) · 1,2 km ·
//! gratis · dinsdag en donderdag", or the same in English).

use index::matching::Reason;

use crate::i18n::{fill, weekdays, Lang};
use crate::model::{ages_in_words, format_km};

/// The name of a code in `lang`, lower case as in a sentence; the code itself when unknown.
fn name(taxonomy: &str, code: &str, lang: Lang) -> String {
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
        Reason::Language { code } => fill(t.why_language, &[&crate::db::language_name(code, lang)]),
        Reason::NoReferral => t.why_no_referral.to_string(),
        Reason::KeepsBenefit => t.why_keeps_benefit.to_string(),
        Reason::Ages { min, max } => ages_in_words(min.map(i32::from), max.map(i32::from), lang)
            .unwrap_or_else(|| t.why_all_ages.to_string()),
        Reason::WaitingList { people } => fill(t.why_waiting_list, &[&people.to_string()]),
        Reason::PeopleWanted { people: 1 } => t.why_one_wanted.to_string(),
        Reason::PeopleWanted { people } => fill(t.why_people_wanted, &[&people.to_string()]),
    }
}

/// True for the reasons that say what fits (they come first, after "past bij:").
fn is_fit(reason: &Reason) -> bool {
    matches!(
        reason,
        Reason::Need { .. } | Reason::Talent { .. } | Reason::Interest { .. }
    )
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
}
