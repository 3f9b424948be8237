//! Knelpunten: systemic walls a professional meets in a traject (a rule, money, housing, a
//! waiting list, privacy, cooperation), reported without the person in them so the gemeente
//! can count them per rule, take them up and say what it solved.

use serde::{Deserialize, Serialize};

const RULES_TXT: &str = include_str!("../../data/knelpunten.txt");

/// The categories, in the order forms show them.
pub const CATEGORIES: [&str; 6] = [
    "regel",
    "geld",
    "wonen",
    "wachtlijst",
    "privacy",
    "samenwerking",
];

/// Where a knelpunt stands.
pub const STATUSES: [&str; 3] = ["gemeld", "opgeschaald", "opgelost"];

/// Longest summary, cost and coordinator's note (characters).
pub const SUMMARY_MAX: usize = 1000;
/// See [`SUMMARY_MAX`].
pub const COST_MAX: usize = 500;
/// See [`SUMMARY_MAX`].
pub const NOTE_MAX: usize = 300;

/// A rule from the maintained list (`data/knelpunten.txt`).
#[derive(Debug, Clone, PartialEq)]
pub struct Rule {
    /// "kostendelersnorm".
    pub code: &'static str,
    /// One of [`CATEGORIES`].
    pub category: &'static str,
    /// "Kostendelersnorm".
    pub name: &'static str,
    /// One sentence in plain Dutch.
    pub about: &'static str,
}

/// The maintained list of rules.
pub fn rules() -> Vec<Rule> {
    RULES_TXT
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .filter_map(|l| {
            let mut parts = l.splitn(4, '|').map(str::trim);
            Some(Rule {
                code: parts.next()?,
                category: parts.next()?,
                name: parts.next()?,
                about: parts.next().unwrap_or_default(),
            })
        })
        .collect()
}

/// What a form's `regel` value means: a listed rule (its category comes with it) or
/// "anders:<category>" for another wall in that category. `None` when neither.
pub fn read_rule(value: &str) -> Option<(String, String)> {
    if let Some(category) = value.strip_prefix("anders:") {
        return CATEGORIES
            .contains(&category)
            .then(|| ("anders".to_string(), category.to_string()));
    }
    rules()
        .into_iter()
        .find(|r| r.code == value)
        .map(|r| (r.code.to_string(), r.category.to_string()))
}

/// The name of a rule code ("anders" reads as "Iets anders").
pub fn rule_name(code: &str) -> String {
    rules()
        .into_iter()
        .find(|r| r.code == code)
        .map(|r| r.name.to_string())
        .unwrap_or_else(|| "Iets anders".to_string())
}

/// The report form on a traject page.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct KnelpuntForm {
    /// The traject it comes from.
    pub traject: String,
    /// A rule code or "anders:<category>".
    pub regel: String,
    /// What happens, without the person in it.
    pub samenvatting: String,
    /// What not solving it costs (money, time, health, a home).
    pub kosten: String,
}

/// One knelpunt as the coordinator sees it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KnelpuntItem {
    /// Its id.
    pub id: uuid::Uuid,
    /// The summary (checked to hold no person).
    pub summary: String,
    /// What not solving it costs.
    pub cost: String,
    /// One of [`STATUSES`].
    pub status: String,
    /// The coordinator's note.
    pub note: String,
    /// On "wat we oplosten".
    pub published: bool,
    /// The day it was reported.
    pub reported_on: String,
}

/// The knelpunten of one rule.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RuleGroup {
    /// The rule code ("anders" for others).
    pub rule: String,
    /// Its name.
    pub name: String,
    /// Its category.
    pub category: String,
    /// Reported this quarter (as shown: "<5" under 5).
    pub this_quarter: crate::signals::Shown,
    /// Reported the quarter before.
    pub previous_quarter: crate::signals::Shown,
    /// Every knelpunt, open ones first, newest first.
    pub items: Vec<KnelpuntItem>,
}

/// A solved knelpunt on the public page: the rule and what was done, never the case.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SolvedLine {
    /// The rule's name.
    pub rule: String,
    /// Its category.
    pub category: String,
    /// What the gemeente did (the coordinator's note).
    pub note: String,
    /// The quarter it was solved in ("2026-K4").
    pub quarter: String,
    /// The gemeente's name.
    pub gemeente: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_listed_rule_has_a_known_category_and_a_unique_code() {
        let rules = rules();
        assert!(rules.len() >= 10);
        for r in &rules {
            assert!(CATEGORIES.contains(&r.category), "{r:?}");
            assert!(!r.about.is_empty(), "{r:?}");
            assert_eq!(rules.iter().filter(|o| o.code == r.code).count(), 1);
        }
        assert_eq!(
            read_rule("kostendelersnorm"),
            Some(("kostendelersnorm".into(), "geld".into()))
        );
        assert_eq!(
            read_rule("anders:wonen"),
            Some(("anders".into(), "wonen".into()))
        );
        assert_eq!(read_rule("anders:fietsen"), None);
        assert_eq!(read_rule("bestaat-niet"), None);
    }
}
