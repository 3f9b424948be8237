//! Signalen: where needs go unmet in a gemeente, per wijk and period, from the anonymous
//! signals (no person, no referral id). Every count under [`SMALL`] reads "<5", and a change
//! between periods shows only when both counts are exact, so no combination reveals one.

use std::collections::{BTreeMap, HashMap};

use chrono::{Datelike, NaiveDate};

use super::allow;
use crate::auth::{Access, Me, Role};
use crate::signals::{Shown, SignalsView, WijkSignals, SMALL};
use crate::{db, AppState, Error, Result};

/// The gemeente's coordinators (their own gemeente) and admins (any).
pub const READ: Access = Access::Roles(&[Role::Coordinator, Role::Admin]);

/// A quarter: "2026-K4".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quarter {
    year: i32,
    number: u32,
}

impl Quarter {
    /// The quarter `day` is in.
    pub fn of(day: NaiveDate) -> Quarter {
        Quarter {
            year: day.year(),
            number: day.month0() / 3 + 1,
        }
    }

    /// "2026-K4" (also "2026-k4" and "2026-Q4").
    pub fn parse(text: &str) -> Option<Quarter> {
        let (year, number) = text.trim().split_once('-')?;
        let number = number.strip_prefix(['K', 'k', 'Q', 'q'])?.parse().ok()?;
        let year = year.parse().ok()?;
        ((1..=4).contains(&number) && (2000..=2100).contains(&year))
            .then_some(Quarter { year, number })
    }

    /// Its first day.
    pub fn first(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.year, (self.number - 1) * 3 + 1, 1).unwrap_or_default()
    }

    /// Its last day.
    pub fn last(self) -> NaiveDate {
        self.next().first().pred_opt().unwrap_or_default()
    }

    /// The quarter before.
    pub fn previous(self) -> Quarter {
        match self.number {
            1 => Quarter {
                year: self.year - 1,
                number: 4,
            },
            n => Quarter {
                year: self.year,
                number: n - 1,
            },
        }
    }

    /// The quarter after.
    pub fn next(self) -> Quarter {
        match self.number {
            4 => Quarter {
                year: self.year + 1,
                number: 1,
            },
            n => Quarter {
                year: self.year,
                number: n + 1,
            },
        }
    }

    /// "2026-K4".
    pub fn name(self) -> String {
        format!("{}-K{}", self.year, self.number)
    }
}

/// Counts of one period per wijk: kind (with the reason for refusals) → count.
type Counts = HashMap<String, HashMap<String, i64>>;

async fn counts(
    state: &AppState,
    prefix: &str,
    q: Quarter,
) -> Result<(Counts, BTreeMap<String, i64>)> {
    let mut per_wijk: Counts = HashMap::new();
    let mut per_leefgebied = BTreeMap::new();
    for (kind, wijk, leefgebied, reason, n) in
        db::signals_between(&state.db, prefix, q.first(), q.last()).await?
    {
        let key = if kind == "afgewezen" {
            format!("afgewezen:{reason}")
        } else {
            kind.clone()
        };
        *per_wijk.entry(wijk).or_default().entry(key).or_default() += n;
        if kind == "geen-aanbod" && !leefgebied.is_empty() {
            *per_leefgebied.entry(leefgebied).or_default() += n;
        }
    }
    Ok((per_wijk, per_leefgebied))
}

/// The value at fraction `p` of sorted `days` (nearest rank).
fn percentile(sorted: &[i32], p: f64) -> i64 {
    let rank = ((p * sorted.len() as f64).ceil() as usize).clamp(1, sorted.len());
    i64::from(sorted[rank - 1])
}

/// The signals of `gemeente` (a coordinator's own; an admin names one) in quarter `period`
/// ("2026-K4"; the current one when empty or unreadable), compared with the quarter before.
pub async fn dashboard(
    state: &AppState,
    me: &Me,
    gemeente: Option<&str>,
    period: &str,
    today: NaiveDate,
) -> Result<SignalsView> {
    allow(me, READ)?;
    let gemeente = match me.role {
        Role::Admin => gemeente
            .or(me.gemeente.as_deref())
            .ok_or_else(|| Error::Invalid("Kies een gemeente.".into()))?
            .to_string(),
        _ => me.gemeente.clone().ok_or(Error::Forbidden)?,
    };
    let digits = gemeente.strip_prefix("GM").unwrap_or_default();
    if digits.len() != 4 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(Error::Invalid("Dit is geen gemeentecode.".into()));
    }
    let prefix = format!("WK{digits}");
    let now = Quarter::of(today);
    let q = Quarter::parse(period)
        .filter(|q| q.first() <= today)
        .unwrap_or(now);
    let (current, leefgebieden) = counts(state, &prefix, q).await?;
    let (before, _) = counts(state, &prefix, q.previous()).await?;
    let mut waits: HashMap<String, Vec<i32>> = HashMap::new();
    for (wijk, days) in db::waiting_days_between(&state.db, &prefix, q.first(), q.last()).await? {
        waits.entry(wijk).or_default().push(days);
    }
    let geocoder = index::Geocoder::embedded();
    let count = |c: &Counts, wijk: &str, key: &str| {
        c.get(wijk).and_then(|m| m.get(key)).copied().unwrap_or(0)
    };
    let mut wijken: Vec<(i64, WijkSignals)> = current
        .keys()
        .chain(before.keys())
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .map(|wijk| {
            let no_offer = count(&current, wijk, "geen-aanbod");
            let waiting_days = waits
                .get(wijk)
                .filter(|d| d.len() as i64 >= SMALL)
                .map(|d| {
                    let mut d = d.clone();
                    d.sort_unstable();
                    (percentile(&d, 0.5), percentile(&d, 0.9))
                });
            let row = WijkSignals {
                wijk_code: wijk.clone(),
                wijk: geocoder.wijk_name(wijk).unwrap_or_else(|| wijk.clone()),
                no_offer: Shown::of(no_offer),
                no_offer_change: Shown::of(no_offer).change_from(Shown::of(count(
                    &before,
                    wijk,
                    "geen-aanbod",
                ))),
                refused_full: Shown::of(count(&current, wijk, "afgewezen:vol")),
                refused_unfit: Shown::of(count(&current, wijk, "afgewezen:niet passend")),
                refused_silent: Shown::of(count(&current, wijk, "afgewezen:geen reactie")),
                unanswered: Shown::of(count(&current, wijk, "onbeantwoord")),
                waiting_days,
            };
            (no_offer, row)
        })
        .collect();
    // Most unmet need first; among small counts the order says nothing (by name).
    wijken.sort_by(|a, b| {
        let key = |n: i64| if n < SMALL { 0 } else { n };
        key(b.0)
            .cmp(&key(a.0))
            .then_with(|| a.1.wijk.cmp(&b.1.wijk))
    });
    Ok(SignalsView {
        gemeente,
        period: (q.name(), q.first().to_string(), q.last().to_string()),
        previous: q.previous().name(),
        next: (q.next().first() <= today).then(|| q.next().name()),
        wijken: wijken.into_iter().map(|(_, row)| row).collect(),
        leefgebieden: leefgebieden
            .into_iter()
            .map(|(l, n)| (l, Shown::of(n)))
            .collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quarters_are_named_parsed_and_bounded() {
        let q = Quarter::parse("2026-K4").unwrap();
        assert_eq!(
            (q.first().to_string(), q.last().to_string()),
            ("2026-10-01".into(), "2026-12-31".into())
        );
        assert_eq!(q.previous().name(), "2026-K3");
        assert_eq!(q.next().name(), "2027-K1");
        assert_eq!(
            Quarter::parse("2027-q1").unwrap().previous().name(),
            "2026-K4"
        );
        assert!(Quarter::parse("2026-K5").is_none() && Quarter::parse("K4").is_none());
        assert_eq!(
            Quarter::of(NaiveDate::from_ymd_opt(2026, 2, 14).unwrap()).name(),
            "2026-K1"
        );
    }

    #[test]
    fn small_counts_and_the_changes_that_would_reveal_them_are_hidden() {
        assert_eq!(Shown::of(4).text(), "<5");
        assert_eq!(Shown::of(0).text(), "<5");
        assert_eq!(Shown::of(5).text(), "5");
        assert_eq!(
            Shown::of(9).change_from(Shown::of(4)),
            None,
            "9 - (<5) would tell"
        );
        assert_eq!(Shown::of(9).change_from(Shown::of(6)), Some(3));
    }

    #[test]
    fn the_percentiles_are_nearest_rank() {
        let days = [1, 2, 3, 4, 10];
        assert_eq!((percentile(&days, 0.5), percentile(&days, 0.9)), (3, 10));
    }
}
