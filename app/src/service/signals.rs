//! Signalen: where needs go unmet in a gemeente, per wijk and period, from the anonymous
//! signals (no person, no referral id). Every count under [`SMALL`] reads "<5", and a change
//! between periods shows only when both counts are exact, so no combination reveals one.

use std::collections::{BTreeMap, HashMap};

use chrono::{Datelike, NaiveDate};

use super::allow;
use crate::auth::{Access, Me, Role};
use crate::i18n::Lang;
use crate::manage::LEEFGEBIEDEN;
use crate::signals::{
    band, total_of, Asked, AskedView, Shown, SignalsView, Spread, WijkSignals, SMALL,
};
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

/// How long a role may stay open before it counts as a signal (days).
pub const OLD_ROLE_DAYS: i64 = 60;
/// How many quarters the period chooser offers.
const PERIODS: usize = 8;

/// What one quarter counted: per wijk, per grid column ("" for questions that named no
/// leefgebied), the questions without a suitable offer; per wijk the other kinds (refusals by
/// reason as "afgewezen:<reason>").
#[derive(Default)]
struct Counted {
    grid: HashMap<String, HashMap<String, i64>>,
    other: HashMap<String, HashMap<String, i64>>,
    /// (code, word) → wijk → searches that found nothing.
    gaps: BTreeMap<(String, String), HashMap<String, i64>>,
}

async fn counted(state: &AppState, prefix: &str, q: Quarter) -> Result<Counted> {
    let mut c = Counted::default();
    for (kind, wijk, leefgebied, reason, n) in
        db::signals_between(&state.db, prefix, q.first(), q.last()).await?
    {
        if kind == "geen-aanbod" {
            *c.grid
                .entry(wijk)
                .or_default()
                .entry(leefgebied)
                .or_default() += n;
        } else {
            let key = if kind == "afgewezen" {
                format!("afgewezen:{reason}")
            } else {
                kind
            };
            *c.other.entry(wijk).or_default().entry(key).or_default() += n;
        }
    }
    for (wijk, code, word, n) in
        db::search_gaps_between(&state.db, prefix, q.first(), q.last()).await?
    {
        // A search counts in the grid under each leefgebied it named, or under "" when it
        // named nothing the list knows; one naming only a doelgroep is in the word list only.
        let column = match code.strip_prefix("leefgebied:") {
            Some(l) => Some(l.to_string()),
            None if code.is_empty() => Some(String::new()),
            None => None,
        };
        if let Some(column) = column {
            *c.grid
                .entry(wijk.clone())
                .or_default()
                .entry(column)
                .or_default() += n;
        }
        *c.gaps
            .entry((code, word))
            .or_default()
            .entry(wijk)
            .or_default() += n;
    }
    Ok(c)
}

/// The value at fraction `p` of sorted `days` (nearest rank).
fn percentile(sorted: &[i32], p: f64) -> i64 {
    let rank = ((p * sorted.len() as f64).ceil() as usize).clamp(1, sorted.len());
    i64::from(sorted[rank - 1])
}

/// The gemeente a dashboard is for: a coordinator's own; an admin names one, or gets their
/// own or else the one with the most places on the map.
async fn whose(state: &AppState, me: &Me, gemeente: Option<&str>) -> Result<String> {
    let gemeente = match me.role {
        Role::Admin => match gemeente.or(me.gemeente.as_deref()) {
            Some(g) => g.trim().to_uppercase(),
            None => db::gemeenten_with_places(&state.db)
                .await?
                .into_iter()
                .next()
                .map(|(g, _)| g)
                .ok_or_else(|| Error::Invalid("Er staan nog geen plekken op de kaart.".into()))?,
        },
        _ => me.gemeente.clone().ok_or(Error::Forbidden)?,
    };
    let digits = gemeente.strip_prefix("GM").unwrap_or_default();
    if digits.len() != 4 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(Error::Invalid("Dit is geen gemeentecode.".into()));
    }
    Ok(gemeente)
}

/// The name of a gemeente code ("GM0344" → "Utrecht"), the code when unknown.
pub(crate) fn gemeente_name(code: &str) -> String {
    index::Geocoder::embedded()
        .postcodes_in_gemeente(code)
        .first()
        .map(|p| p.gemeente_naam.clone())
        .unwrap_or_else(|| code.to_string())
}

/// The wijken of a gemeente (from its PC4 areas), code → name. Only codes that carry the
/// gemeente's digits: signals are found by that prefix, and a wijk of a gemeente merged into
/// it since 2014 (Weesp into Amsterdam) still has its old code.
fn wijken_of(gemeente: &str) -> BTreeMap<String, String> {
    let geocoder = index::Geocoder::embedded();
    let prefix = format!("WK{}", gemeente.get(2..).unwrap_or_default());
    geocoder
        .postcodes_in_gemeente(gemeente)
        .into_iter()
        .filter(|p| p.wijk_code.starts_with(&prefix))
        .map(|p| {
            let name = geocoder
                .wijk_name(&p.wijk_code)
                .unwrap_or_else(|| p.wijk_naam.clone());
            (p.wijk_code.clone(), name)
        })
        .collect()
}

/// Per (code, label), per wijk: the spread over the gemeente's wijken.
fn spreads(
    counts: BTreeMap<(String, String), HashMap<String, i64>>,
    wijken: &BTreeMap<String, String>,
) -> Vec<Spread> {
    let mut out: Vec<Spread> = counts
        .into_iter()
        .map(|((code, label), per_wijk)| {
            // Every wijk is a cell, also those without a count: a missing one must not say 0.
            let cells: Vec<i64> = wijken
                .keys()
                .chain(per_wijk.keys().filter(|w| !wijken.contains_key(*w)))
                .map(|w| per_wijk.get(w).copied().unwrap_or(0))
                .collect();
            let mut listed: Vec<(String, String, i64)> = per_wijk
                .iter()
                .filter(|(_, &n)| n >= SMALL)
                .map(|(w, &n)| {
                    let name = wijken.get(w).cloned().unwrap_or_else(|| w.clone());
                    (w.clone(), name, n)
                })
                .collect();
            listed.sort_by(|a, b| b.2.cmp(&a.2).then_with(|| a.1.cmp(&b.1)));
            Spread {
                code,
                label,
                total: total_of(&cells),
                wijken: listed,
            }
        })
        .filter(|s| s.total != Shown::Few)
        .collect();
    out.sort_by(|a, b| {
        b.total
            .floor()
            .cmp(&a.total.floor())
            .then_with(|| a.label.cmp(&b.label))
    });
    out
}

/// Talents in open "ik kan iets" entries and in the profiles of open trajecten of the gemeente
/// (the person's and each household member's) that no open role within 5 km asks for, per
/// talent and wijk. A profile is opened only to
/// count its talents at its PC4; nothing of it leaves this function.
async fn unused_talents(
    state: &AppState,
    prefix: &str,
) -> Result<BTreeMap<(String, String), HashMap<String, i64>>> {
    // The node's catalog in memory, and the talents of open trajecten beside it.
    let catalog = crate::service::matching::catalog(state).await?;
    let mut from_trajecten = Vec::new();
    let geocoder = index::Geocoder::embedded();
    for sealed in db::open_profiles(&state.db, prefix).await? {
        let Ok(json) = state.sealer.open(&sealed) else {
            continue;
        };
        let Ok(profile) = serde_json::from_str::<crate::referrals::TrajectForm>(&json) else {
            continue;
        };
        let Ok(at) = geocoder.locate(profile.waar.trim()) else {
            continue;
        };
        // The person and every member of the household: each one's talents count.
        let members = profile.gezin.into_iter().map(|m| m.talents);
        for talents in std::iter::once(profile.talenten).chain(members) {
            if !talents.is_empty() {
                from_trajecten.push(index::matching::TalentEntry {
                    id: uuid::Uuid::nil(),
                    talents,
                    age: None,
                    at,
                });
            }
        }
    }
    let mut wijk_at: HashMap<(u64, u64), Option<String>> = HashMap::new();
    let mut out: BTreeMap<(String, String), HashMap<String, i64>> = BTreeMap::new();
    for (at, talent) in index::matching::unused_talents(
        &catalog,
        &from_trajecten,
        index::matching::TALENT_RADIUS_KM,
    ) {
        let wijk = wijk_at
            .entry((at.lat().to_bits(), at.lon().to_bits()))
            .or_insert_with(|| geocoder.areas(at).wijk_code)
            .clone();
        let Some(wijk) = wijk.filter(|w| w.starts_with(prefix)) else {
            continue;
        };
        let label = Lang::Nl
            .texts()
            .talent(talent)
            .unwrap_or(talent)
            .to_string();
        *out.entry((talent.to_string(), label))
            .or_default()
            .entry(wijk)
            .or_default() += 1;
    }
    Ok(out)
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
    let gemeente = whose(state, me, gemeente).await?;
    // An admin may look at every gemeente with places; a coordinator only at their own.
    let gemeenten = if me.role == Role::Admin {
        db::gemeenten_with_places(&state.db)
            .await?
            .into_iter()
            .map(|(code, _)| {
                let name = gemeente_name(&code);
                (code, name)
            })
            .collect()
    } else {
        Vec::new()
    };
    let prefix = format!("WK{}", &gemeente[2..]);
    let now = Quarter::of(today);
    let q = Quarter::parse(period)
        .filter(|q| q.first() <= today)
        .unwrap_or(now);
    let current = counted(state, &prefix, q).await?;
    let before = counted(state, &prefix, q.previous()).await?;
    let mut waits: HashMap<String, Vec<i32>> = HashMap::new();
    for (wijk, days) in db::waiting_days_between(&state.db, &prefix, q.first(), q.last()).await? {
        waits.entry(wijk).or_default().push(days);
    }
    let waiting_lists: HashMap<String, i64> = db::waiting_lists_by_wijk(&state.db, &prefix)
        .await?
        .into_iter()
        .collect();
    let old = chrono::Utc::now() - chrono::Duration::days(OLD_ROLE_DAYS);
    let old_roles: HashMap<String, i64> = db::roles_open_since(&state.db, &prefix, old)
        .await?
        .into_iter()
        .collect();
    let mut wijken = wijken_of(&gemeente);
    for code in current.grid.keys().chain(current.other.keys()) {
        if !wijken.contains_key(code) {
            let name = index::Geocoder::embedded()
                .wijk_name(code)
                .unwrap_or_else(|| code.clone());
            wijken.insert(code.clone(), name);
        }
    }
    let mut columns: Vec<String> = LEEFGEBIEDEN.iter().map(|c| c.to_string()).collect();
    columns.push(String::new());
    let cells_of = |c: &Counted, wijk: &str| -> Vec<i64> {
        let row = c.grid.get(wijk);
        let mut cells: Vec<i64> = columns
            .iter()
            .map(|col| row.and_then(|r| r.get(col)).copied().unwrap_or(0))
            .collect();
        // Leefgebieden the list no longer has count with "other".
        let known: i64 = cells.iter().sum();
        let all: i64 = row.map(|r| r.values().sum()).unwrap_or(0);
        if let Some(last) = cells.last_mut() {
            *last += all - known;
        }
        cells
    };
    let other = |c: &Counted, wijk: &str, key: &str| {
        Shown::of(
            c.other
                .get(wijk)
                .and_then(|m| m.get(key))
                .copied()
                .unwrap_or(0),
        )
    };
    let mut rows: Vec<WijkSignals> = wijken
        .iter()
        .map(|(code, name)| {
            let cells = cells_of(&current, code);
            let no_offer = total_of(&cells);
            let waiting_days = waits
                .get(code)
                .filter(|d| d.len() as i64 >= SMALL)
                .map(|d| {
                    let mut d = d.clone();
                    d.sort_unstable();
                    (percentile(&d, 0.5), percentile(&d, 0.9))
                });
            WijkSignals {
                wijk_code: code.clone(),
                wijk: name.clone(),
                no_offer,
                no_offer_change: no_offer.change_from(total_of(&cells_of(&before, code))),
                cells: cells.iter().map(|&n| Shown::of(n)).collect(),
                refused_full: other(&current, code, "afgewezen:vol"),
                refused_unfit: other(&current, code, "afgewezen:niet passend"),
                refused_silent: other(&current, code, "afgewezen:geen reactie"),
                unanswered: other(&current, code, "onbeantwoord"),
                waiting_days,
                waiting_list: Shown::of(waiting_lists.get(code).copied().unwrap_or(0)),
                old_roles: Shown::of(old_roles.get(code).copied().unwrap_or(0)),
                level: 0,
            }
        })
        .collect();
    // Most unmet need first; among small counts the order says nothing (by name).
    rows.sort_by(|a, b| {
        b.no_offer
            .floor()
            .cmp(&a.no_offer.floor())
            .then_with(|| a.wijk.cmp(&b.wijk))
    });
    let most = rows.iter().map(|r| r.no_offer.floor()).max().unwrap_or(0);
    for r in &mut rows {
        let n = r.no_offer.floor();
        r.level = if n == 0 || most == 0 {
            0
        } else {
            ((4 * n + most - 1) / most).clamp(1, 4) as u8
        };
    }
    let talents = unused_talents(state, &prefix).await?;
    let periods = std::iter::successors(Some(now), |q| Some(q.previous()))
        .take(PERIODS)
        .map(Quarter::name)
        .collect();
    let knelpunten = super::knelpunten::board(state, me, &gemeente, today).await?;
    Ok(SignalsView {
        gemeente,
        gemeenten,
        knelpunten,
        period: (q.name(), q.first().to_string(), q.last().to_string()),
        previous: q.previous().name(),
        next: (q.next().first() <= today).then(|| q.next().name()),
        periods,
        columns,
        search_gaps: spreads(current.gaps, &wijken),
        unused_talents: spreads(talents, &wijken),
        wijken: rows,
    })
}

/// "Gevraagd in jouw wijk" around `place` (a postcode or place name): the last whole quarter's
/// questions and searches without a suitable offer in its wijk, and the talents waiting
/// there now; only what reaches [`SMALL`], in bands. Public: it shows nothing a coordinator
/// could not, and less.
pub async fn asked_nearby(state: &AppState, place: &str, today: NaiveDate) -> Result<AskedView> {
    let geocoder = index::Geocoder::embedded();
    let place: String = place.trim().chars().take(100).collect();
    let at = geocoder.locate(&place)?;
    let wijk = geocoder
        .areas(at)
        .wijk_code
        .ok_or_else(|| Error::Invalid("Deze plek ligt niet in een wijk die we kennen.".into()))?;
    let q = Quarter::of(today).previous();
    let c = counted(state, &wijk, q).await?;
    let t = Lang::Nl.texts();
    let banded = |mut items: Vec<(i64, Asked)>| -> Vec<Asked> {
        items.retain(|(n, _)| *n >= SMALL);
        items.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.label.cmp(&b.1.label)));
        items.into_iter().map(|(_, a)| a).collect()
    };
    let line = |n: i64, label: String, leefgebied: &str| {
        (
            n,
            Asked {
                label,
                leefgebied: leefgebied.to_string(),
                band: band(n).unwrap_or_default().to_string(),
            },
        )
    };
    let topics = c
        .grid
        .get(&wijk)
        .map(|row| {
            row.iter()
                .filter(|(code, _)| !code.is_empty())
                .map(|(code, &n)| line(n, t.leefgebied(code).unwrap_or(code).to_string(), code))
                .collect()
        })
        .unwrap_or_default();
    let searched = c
        .gaps
        .iter()
        .filter(|((_, word), _)| !word.is_empty())
        .filter_map(|((code, word), per_wijk)| {
            let n = per_wijk.get(&wijk).copied()?;
            Some(line(
                n,
                word.clone(),
                code.strip_prefix("leefgebied:").unwrap_or_default(),
            ))
        })
        .collect();
    let talents = unused_talents(state, &wijk)
        .await?
        .into_iter()
        .filter_map(|((_, label), per_wijk)| Some(line(per_wijk.get(&wijk).copied()?, label, "")))
        .collect();
    Ok(AskedView {
        wijk: geocoder.wijk_name(&wijk).unwrap_or_else(|| wijk.clone()),
        wijk_code: wijk,
        period: q.name(),
        topics: banded(topics),
        searched: banded(searched),
        talents: banded(talents),
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
    fn the_percentiles_are_nearest_rank() {
        let days = [1, 2, 3, 4, 10];
        assert_eq!((percentile(&days, 0.5), percentile(&days, 0.9)), (3, 10));
    }
}
