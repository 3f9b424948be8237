//! Signals for the gemeente as pages show them: anonymous counts per wijk, where every count
//! under [`SMALL`] reads "<5" and no difference between periods reveals one.

use serde::{Deserialize, Serialize};

/// Counts below this are never shown exactly (nor 0: "none" would tell "<5" apart).
pub const SMALL: i64 = 5;

/// A count as it may be shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Shown {
    /// Fewer than [`SMALL`], zero included.
    Few,
    /// The exact count, [`SMALL`] or more.
    Exact(i64),
}

impl Shown {
    /// The count as it may be shown.
    pub fn of(n: i64) -> Shown {
        if n < SMALL {
            Shown::Few
        } else {
            Shown::Exact(n)
        }
    }

    /// "<5" or the number.
    pub fn text(self) -> String {
        match self {
            Shown::Few => format!("<{SMALL}"),
            Shown::Exact(n) => n.to_string(),
        }
    }

    /// The change from `before`, only when both are exact (a difference with a small count
    /// would reveal it).
    pub fn change_from(self, before: Shown) -> Option<i64> {
        match (self, before) {
            (Shown::Exact(now), Shown::Exact(then)) => Some(now - then),
            _ => None,
        }
    }
}

/// One wijk in a period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WijkSignals {
    /// CBS wijk code.
    pub wijk_code: String,
    /// Its name.
    pub wijk: String,
    /// Questions without a suitable offer nearby.
    pub no_offer: Shown,
    /// The change from the previous period, when both are exact.
    pub no_offer_change: Option<i64>,
    /// Referrals refused because the offer was full.
    pub refused_full: Shown,
    /// Referrals refused as not fitting.
    pub refused_unfit: Shown,
    /// Referrals that got no answer.
    pub refused_silent: Shown,
    /// Offers of help that nobody answered.
    pub unanswered: Shown,
    /// Days until acceptance, median and 90th percentile (from [`SMALL`] acceptances on).
    pub waiting_days: Option<(i64, i64)>,
}

/// The gemeente's signals for one period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SignalsView {
    /// Gemeente code.
    pub gemeente: String,
    /// The period ("2026-K4") and its first and last day.
    pub period: (String, String, String),
    /// The previous and next period's names (for the links).
    pub previous: String,
    /// The next period, when it has begun.
    pub next: Option<String>,
    /// Per wijk, most unmet need first.
    pub wijken: Vec<WijkSignals>,
    /// Per leefgebied: questions without a suitable offer nearby in the whole gemeente.
    pub leefgebieden: Vec<(String, Shown)>,
}
