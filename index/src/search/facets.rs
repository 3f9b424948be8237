//! Facet counts: how many offers each filter value would give.

use std::collections::BTreeMap;

/// Counts per value, for each facet. Counted over the offers that match everything else; at
/// most [`crate::MAX_FACET_VALUES`] values per facet, the most frequent.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize)]
pub struct Facets {
    /// kind → offers.
    pub kind: BTreeMap<String, u64>,
    /// leefgebied code → offers.
    pub leefgebied: BTreeMap<String, u64>,
    /// doelgroep code → offers.
    pub doelgroep: BTreeMap<String, u64>,
    /// ISO weekday as text ("1" = maandag) → offers.
    pub day: BTreeMap<String, u64>,
    /// language code → offers.
    pub language: BTreeMap<String, u64>,
    /// wijk code → offers.
    pub wijk: BTreeMap<String, u64>,
    /// Offers that cost nothing.
    pub free: u64,
    /// Places without steps.
    pub step_free: u64,
}

impl Facets {
    pub(crate) fn merge(&mut self, other: Facets) {
        let pairs = [
            (&mut self.kind, other.kind),
            (&mut self.leefgebied, other.leefgebied),
            (&mut self.doelgroep, other.doelgroep),
            (&mut self.day, other.day),
            (&mut self.language, other.language),
            (&mut self.wijk, other.wijk),
        ];
        for (mine, theirs) in pairs {
            for (k, v) in theirs {
                *mine.entry(k).or_default() += v;
            }
        }
        self.free += other.free;
        self.step_free += other.step_free;
    }

    /// Keeps the `n` most frequent values of each facet (ties by value).
    pub(crate) fn keep_most_frequent(&mut self, n: usize) {
        for map in [
            &mut self.kind,
            &mut self.leefgebied,
            &mut self.doelgroep,
            &mut self.day,
            &mut self.language,
            &mut self.wijk,
        ] {
            if map.len() > n {
                let mut counts: Vec<(String, u64)> = std::mem::take(map).into_iter().collect();
                counts.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
                counts.truncate(n);
                *map = counts.into_iter().collect();
            }
        }
    }

    pub(crate) fn field_mut(&mut self, name: &str) -> Option<&mut BTreeMap<String, u64>> {
        use super::schema::{DAY, DOELGROEP, KIND, LANGUAGE, LEEFGEBIED, WIJK};
        match name {
            KIND => Some(&mut self.kind),
            LEEFGEBIED => Some(&mut self.leefgebied),
            DOELGROEP => Some(&mut self.doelgroep),
            DAY => Some(&mut self.day),
            LANGUAGE => Some(&mut self.language),
            WIJK => Some(&mut self.wijk),
            _ => None,
        }
    }
}
