//! Why a suggestion fits: facts, each checked against the offer and the profile, in Dutch.

use serde::{Deserialize, Serialize};

use super::model::Labels;

/// One fact that makes a suggestion fit. Only built from what is true of both sides.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Reason {
    /// It works on something the person asked for (leefgebied).
    Need {
        /// Leefgebied code.
        leefgebied: String,
    },
    /// It uses something the person is good at.
    Talent {
        /// Talent code.
        talent: String,
    },
    /// It is about something the person likes doing.
    Interest {
        /// Talent code.
        topic: String,
    },
    /// It is meant for people like them, in their own words.
    ForGroup {
        /// Doelgroep code.
        group: String,
    },
    /// How far it is.
    Distance {
        /// Kilometres.
        km: f64,
    },
    /// It costs nothing.
    Free,
    /// It happens on days the person is free (or, when they did not say, these days).
    Days {
        /// ISO weekdays.
        days: Vec<u8>,
    },
    /// It is also offered in a language the person speaks.
    Language {
        /// ISO 639-1 code.
        code: String,
    },
    /// No indicatie or referral needed.
    NoReferral,
    /// They keep their benefit.
    KeepsBenefit,
    /// Who it is for, by age.
    Ages {
        /// Youngest.
        min: Option<u8>,
        /// Oldest.
        max: Option<u8>,
    },
    /// Taking the role helps people off a waiting list.
    WaitingList {
        /// People waiting.
        people: u32,
    },
    /// How many people they look for.
    PeopleWanted {
        /// People.
        people: u32,
    },
}

/// A part of the profile a suggestion uses (so a professional sees what it rests on).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "type", content = "code", rename_all = "snake_case")]
pub enum ProfileItem {
    /// A need (leefgebied code).
    Need(String),
    /// A talent (code).
    Talent(String),
    /// An interest (talent code).
    Interest(String),
    /// A group the person named (doelgroep code).
    Group(String),
    /// Their age.
    Age,
    /// Where they live and how far they travel.
    Place,
    /// Their free days.
    Days,
    /// A language they speak.
    Language(String),
    /// Free only.
    Budget,
    /// Without indicatie.
    NoReferral,
    /// Keeps benefit.
    KeepsBenefit,
}

const WEEKDAYS: [&str; 7] = [
    "maandag",
    "dinsdag",
    "woensdag",
    "donderdag",
    "vrijdag",
    "zaterdag",
    "zondag",
];

/// "1,2 km" or "350 m".
pub fn km_in_words(km: f64) -> String {
    if km < 1.0 {
        format!("{} m", ((km * 1000.0) / 10.0).round() as i64 * 10)
    } else {
        format!("{:.1} km", km).replace('.', ",")
    }
}

/// "dinsdag", "dinsdag en donderdag", "maandag, dinsdag en vrijdag".
pub fn days_in_words(days: &[u8]) -> String {
    let names: Vec<&str> = days
        .iter()
        .filter(|d| (1..=7).contains(*d))
        .map(|d| WEEKDAYS[*d as usize - 1])
        .collect();
    match names.as_slice() {
        [] => String::new(),
        [one] => one.to_string(),
        [rest @ .., last] => format!("{} en {last}", rest.join(", ")),
    }
}

/// The Dutch name of a language code ("ar" → "Arabisch"); the code itself when unknown.
pub fn language_in_dutch(code: &str) -> &str {
    match code {
        "nl" => "Nederlands",
        "en" => "Engels",
        "ar" => "Arabisch",
        "tr" => "Turks",
        "uk" => "Oekraïens",
        "pl" => "Pools",
        "ti" => "Tigrinya",
        "zgh" | "ber" => "Tamazight",
        "es" => "Spaans",
        "fr" => "Frans",
        "de" => "Duits",
        other => other,
    }
}

impl Reason {
    /// The fact in plain Dutch.
    pub fn in_dutch(&self, labels: &Labels) -> String {
        match self {
            Reason::Need { leefgebied } => {
                format!("{} (jouw vraag)", labels.name("leefgebied", leefgebied))
            }
            Reason::Talent { talent } => format!("{} (jouw talent)", labels.name("talent", talent)),
            Reason::Interest { topic } => {
                format!("{} (wat je graag doet)", labels.name("talent", topic))
            }
            Reason::ForGroup { group } => format!("voor {}", labels.name("doelgroep", group)),
            Reason::Distance { km } => km_in_words(*km),
            Reason::Free => "gratis".into(),
            Reason::Days { days } => days_in_words(days),
            Reason::Language { code } => format!("ook in het {}", language_in_dutch(code)),
            Reason::NoReferral => "zonder indicatie".into(),
            Reason::KeepsBenefit => "met behoud van uitkering".into(),
            Reason::Ages { min, max } => match (min, max) {
                (Some(a), Some(b)) => format!("voor {a} tot en met {b} jaar"),
                (Some(a), None) => format!("vanaf {a} jaar"),
                (None, Some(b)) => format!("tot en met {b} jaar"),
                (None, None) => "voor alle leeftijden".into(),
            },
            Reason::WaitingList { people } => {
                format!("helpt {people} mensen van de wachtlijst")
            }
            Reason::PeopleWanted { people } if *people == 1 => "ze zoeken 1 persoon".into(),
            Reason::PeopleWanted { people } => format!("ze zoeken {people} mensen"),
        }
    }

    /// True for the reasons that say what fits (they come first, after "past bij:").
    fn is_fit(&self) -> bool {
        matches!(
            self,
            Reason::Need { .. } | Reason::Talent { .. } | Reason::Interest { .. }
        )
    }
}

/// All reasons in one line: "past bij: voetbal (jouw talent) · 1,2 km · gratis · dinsdag".
pub fn explain(reasons: &[Reason], labels: &Labels) -> String {
    let fits: Vec<String> = reasons
        .iter()
        .filter(|r| r.is_fit())
        .map(|r| r.in_dutch(labels))
        .collect();
    let rest = reasons
        .iter()
        .filter(|r| !r.is_fit())
        .map(|r| r.in_dutch(labels))
        .filter(|s| !s.is_empty());
    let first = (!fits.is_empty()).then(|| format!("past bij: {}", fits.join(", ")));
    first
        .into_iter()
        .chain(rest)
        .collect::<Vec<_>>()
        .join(" · ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reasons_read_as_one_dutch_line() {
        let mut labels = Labels::default();
        labels.insert("talent", "voetbal", "Voetbal");
        let line = explain(
            &[
                Reason::Distance { km: 1.234 },
                Reason::Talent {
                    talent: "voetbal".into(),
                },
                Reason::Free,
                Reason::Days { days: vec![2, 4] },
            ],
            &labels,
        );
        assert_eq!(
            line,
            "past bij: voetbal (jouw talent) · 1,2 km · gratis · dinsdag en donderdag"
        );
    }

    #[test]
    fn days_are_listed_with_commas_and_en() {
        assert_eq!(days_in_words(&[1, 2, 5]), "maandag, dinsdag en vrijdag");
        assert_eq!(days_in_words(&[3]), "woensdag");
        assert_eq!(days_in_words(&[]), "");
    }
}
