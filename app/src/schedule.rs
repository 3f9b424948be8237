//! Schedules that are not simply "every week": RFC 5545 recurrence rules ("the third
//! Wednesday of the month", "every other Tuesday from 6 January"), read and expanded by the
//! `rrule` crate. A slot keeps its weekday (for the day filter) and, when it needs one, a rule
//! and the day it started.

use chrono::{Datelike, NaiveDate, TimeZone};
use rrule::{Frequency, NWeekday, RRuleSet, Tz};

const DAYS: [&str; 7] = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];
/// Longest gap between two times we accept ("every 12 weeks", "every 12 months").
const MAX_INTERVAL: u16 = 12;
/// Start used for rules whose phase does not matter ("third Wednesday of the month").
const ANY_START: (i32, u32, u32) = (2024, 1, 1);

/// How often a slot comes back, beyond its weekday.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Recurrence {
    /// ISO weekday, 1 = maandag.
    pub weekday: u8,
    /// Which of the month's weekdays: 1 = first, 3 = third, -1 = last; `None` for weekly.
    pub nth: Option<i8>,
    /// Every this many weeks (or months, with `nth`).
    pub interval: u8,
}

/// One slot of an imported schedule: its weekday, and a rule when it is not every week.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SlotRule {
    /// ISO weekday, 1 = maandag.
    pub weekday: u8,
    /// The rule (`FREQ=MONTHLY;BYDAY=3WE`), empty for every week.
    pub rule: String,
}

/// The slots of an HSDS schedule (`freq`, `interval`, `byday`; `dtstart` when the phase
/// matters): one per day in `byday`. `None` when it is no pattern we can show in words (a day
/// of the month, yearly, several ordinals in one entry): the caller keeps it as it came.
pub fn slots_from_hsds(
    freq: &str,
    interval: Option<u64>,
    byday: &str,
    dtstart: Option<NaiveDate>,
) -> Option<Vec<SlotRule>> {
    let freq = match freq.trim().to_uppercase().as_str() {
        "" | "WEEKLY" => Frequency::Weekly,
        "MONTHLY" => Frequency::Monthly,
        _ => return None,
    };
    let interval = u16::try_from(interval.unwrap_or(1)).ok()?;
    if !(1..=MAX_INTERVAL).contains(&interval) {
        return None;
    }
    let mut out = Vec::new();
    for day in byday.split(',').map(|d| d.trim().to_uppercase()) {
        let split = day.len().checked_sub(2)?;
        let (ordinal, name) = day.split_at(split);
        let weekday = DAYS.iter().position(|d| *d == name)? as u8 + 1;
        let nth: Option<i8> = match ordinal {
            "" => None,
            n => Some(n.trim_start_matches('+').parse().ok()?),
        };
        let rule = match (freq, nth, interval) {
            (Frequency::Weekly, None, 1) => String::new(),
            (Frequency::Weekly, None, i) => format!("FREQ=WEEKLY;INTERVAL={i};BYDAY={name}"),
            (Frequency::Monthly, Some(n), i) if (-1..=5).contains(&n) && n != 0 => {
                format!("FREQ=MONTHLY;INTERVAL={i};BYDAY={n}{name}")
            }
            _ => return None,
        };
        // The library checks what we built; a rule it refuses is not ours to show.
        if !rule.is_empty() && rule_set(&rule, dtstart).is_none() {
            return None;
        }
        out.push(SlotRule { weekday, rule });
    }
    (!out.is_empty()).then_some(out)
}

fn rule_set(rule: &str, dtstart: Option<NaiveDate>) -> Option<RRuleSet> {
    let start = dtstart
        .or_else(|| NaiveDate::from_ymd_opt(ANY_START.0, ANY_START.1, ANY_START.2))?
        .format("%Y%m%d");
    format!("DTSTART:{start}T000000Z\nRRULE:{rule}")
        .parse()
        .ok()
}

/// What a stored rule says, for words; `None` for every week or a rule we cannot read.
pub fn recurrence(rule: &str) -> Option<Recurrence> {
    if rule.is_empty() {
        return None;
    }
    let set = rule_set(rule, None)?;
    let r = set.get_rrule().first()?;
    let interval = u8::try_from(r.get_interval()).ok()?;
    let (nth, day) = match r.get_by_weekday().first()? {
        NWeekday::Every(day) => (None, *day),
        NWeekday::Nth(n, day) => (Some(i8::try_from(*n).ok()?), *day),
    };
    Some(Recurrence {
        weekday: day.number_from_monday() as u8,
        nth,
        interval,
    })
}

/// The first day on or after `from` that a rule slot happens. `None` when the rule needs a
/// start it does not have (every other week, but from when?) or cannot be read.
pub fn next_on(rule: &str, dtstart: Option<NaiveDate>, from: NaiveDate) -> Option<NaiveDate> {
    // One parse: the set says itself whether it is every few weeks.
    let set = rule_set(rule, dtstart)?;
    let r = set.get_rrule().first()?;
    let weekly_with_gap =
        r.get_interval() > 1 && matches!(r.get_by_weekday().first(), Some(NWeekday::Every(_)));
    if weekly_with_gap && dtstart.is_none() {
        return None;
    }
    let before = from.pred_opt()?.and_hms_opt(23, 59, 59)?;
    let after = Tz::UTC.from_utc_datetime(&before);
    let found = set.after(after).all(1);
    found.dates.first().map(|d| d.date_naive())
}

/// The RFC 5545 pieces of a stored rule for an HSDS export: (freq, interval, byday).
pub fn hsds_fields(rule: &str) -> Option<(&'static str, u8, String)> {
    let r = recurrence(rule)?;
    let day = DAYS[(r.weekday.clamp(1, 7) - 1) as usize];
    Some(match r.nth {
        Some(n) => ("MONTHLY", r.interval, format!("{n}{day}")),
        None => ("WEEKLY", r.interval, day.to_string()),
    })
}

/// Days from `today` until `date` (0 = today).
pub fn days_until(today: NaiveDate, date: NaiveDate) -> Option<u16> {
    u16::try_from((date - today).num_days()).ok()
}

/// A date in words without the year: "16 december".
pub fn day_and_month(date: NaiveDate, lang: crate::i18n::Lang) -> String {
    let months = crate::i18n::months(lang);
    format!("{} {}", date.day(), months[date.month0() as usize])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn a_monthly_ordinal_day_becomes_a_rule_on_that_weekday() {
        let slots = slots_from_hsds("MONTHLY", None, "3WE", None).unwrap();
        assert_eq!(
            slots,
            [SlotRule {
                weekday: 3,
                rule: "FREQ=MONTHLY;INTERVAL=1;BYDAY=3WE".into()
            }]
        );
        let last = slots_from_hsds("monthly", Some(1), "-1SU", None).unwrap();
        assert_eq!(last[0].weekday, 7);
        assert_eq!(
            recurrence(&last[0].rule).unwrap(),
            Recurrence {
                weekday: 7,
                nth: Some(-1),
                interval: 1
            }
        );
    }

    #[test]
    fn every_week_needs_no_rule_and_unknown_patterns_are_refused() {
        assert_eq!(
            slots_from_hsds("WEEKLY", Some(1), "TU,TH", None)
                .unwrap()
                .len(),
            2
        );
        assert!(slots_from_hsds("WEEKLY", None, "TU", None).unwrap()[0]
            .rule
            .is_empty());
        assert!(slots_from_hsds("YEARLY", None, "TU", None).is_none());
        assert!(slots_from_hsds("MONTHLY", None, "WE", None).is_none());
        assert!(slots_from_hsds("MONTHLY", None, "0WE", None).is_none());
        assert!(slots_from_hsds("WEEKLY", Some(100), "WE", None).is_none());
        assert!(slots_from_hsds("WEEKLY", None, "XX", None).is_none());
    }

    #[test]
    fn the_next_third_wednesday_and_the_next_last_sunday_are_found() {
        let third_wednesday = "FREQ=MONTHLY;INTERVAL=1;BYDAY=3WE";
        // December 2026: Wednesdays are 2, 9, 16, 23, 30.
        assert_eq!(
            next_on(third_wednesday, None, date(2026, 12, 2)),
            Some(date(2026, 12, 16))
        );
        assert_eq!(
            next_on(third_wednesday, None, date(2026, 12, 16)),
            Some(date(2026, 12, 16))
        );
        assert_eq!(
            next_on(third_wednesday, None, date(2026, 12, 17)),
            Some(date(2027, 1, 20))
        );
        let last_sunday = "FREQ=MONTHLY;INTERVAL=1;BYDAY=-1SU";
        assert_eq!(
            next_on(last_sunday, None, date(2026, 12, 2)),
            Some(date(2026, 12, 27))
        );
    }

    #[test]
    fn every_other_week_counts_from_its_start_and_without_one_has_no_next_time() {
        let rule = "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU";
        let start = Some(date(2026, 1, 6));
        // 6 January + 2k weeks: 1 December 2026 is 47 weeks later (odd), 8 December is 48.
        assert_eq!(
            next_on(rule, start, date(2026, 12, 2)),
            Some(date(2026, 12, 8))
        );
        assert_eq!(next_on(rule, None, date(2026, 12, 2)), None);
        assert_eq!(hsds_fields(rule), Some(("WEEKLY", 2, "TU".to_string())));
    }
}
