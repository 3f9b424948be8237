//! Why a suggestion fits: facts, each checked against the offer and the profile. The app
//! puts them in words, in the reader's language (`app::explain`).

use serde::{Deserialize, Serialize};

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
    /// It pays something that was not cleared for a benefit: talk to the klantmanager first.
    AskBenefitFirst,
    /// A course or training comes with the role.
    Training,
    /// Who it is for, by age.
    Ages {
        /// Youngest.
        min: Option<u8>,
        /// Oldest.
        max: Option<u8>,
    },
    /// The entrance has no steps (for someone with a wheelchair or rollator).
    StepFree,
    /// Nobody said whether the entrance has steps: call to ask first.
    AskAccess,
    /// They pick people up, or offer transport.
    PickUp,
    /// A stop of the bus, tram or train is near.
    NearTransit,
    /// It is outside the person's own wijk, as they asked.
    OutsideOwnWijk,
    /// It is in the person's own wijk, which they would rather avoid (moved down, not out).
    InOwnWijk,
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
    /// A parent and these children can do it together.
    Together {
        /// Ages of the children it is open to.
        ages: Vec<u8>,
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
    /// How they get somewhere.
    Mobility,
    /// Rather not in their own wijk.
    OwnWijk,
    /// Who is in the household.
    Household,
}

/// "1,2 km" or "350 m".
pub fn km_in_words(km: f64) -> String {
    if km < 1.0 {
        format!("{} m", ((km * 1000.0) / 10.0).round() as i64 * 10)
    } else {
        format!("{:.1} km", km).replace('.', ",")
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances_read_the_dutch_way() {
        assert_eq!(km_in_words(1.234), "1,2 km");
        assert_eq!(km_in_words(0.347), "350 m");
    }
}
