//! Signals for the gemeente as pages show them: anonymous counts per wijk, where every count
//! under [`SMALL`] reads "<5" and nothing shown beside it (a total, a change between periods)
//! lets anyone work one out.
//!
//! Two rules keep small counts hidden:
//! - a cell is shown exactly only from [`SMALL`] on ([`Shown::of`]); a change between two
//!   periods only when both are exact ([`Shown::change_from`]);
//! - a total next to its cells ([`total_of`]) is exact only when the hidden cells' sum cannot
//!   pin one of them down; otherwise it reads "≥ n", n being the sum of the exact cells.
//!
//! Totals are only ever shown along one direction of a table (per wijk, per talent, per
//! word), never both ways, and periods are whole quarters that never overlap, so no system of
//! sums can be solved for a hidden cell either.

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
    /// A total of which only this part may be shown (its other cells are hidden).
    AtLeast(i64),
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

    /// "<5", "≥ 12" or the number.
    pub fn text(self) -> String {
        match self {
            Shown::Few => format!("<{SMALL}"),
            Shown::Exact(n) => n.to_string(),
            Shown::AtLeast(n) => format!("≥ {n}"),
        }
    }

    /// The lowest count this can be (for ordering and shading: a hidden count counts as 0).
    pub fn floor(self) -> i64 {
        match self {
            Shown::Few => 0,
            Shown::Exact(n) | Shown::AtLeast(n) => n,
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

/// The total of `cells` as it may be shown beside them (each cell shown with [`Shown::of`]).
///
/// Exact when no cell is hidden, when the hidden ones are all zero, or when their sum lies
/// between [`SMALL`] and what it would be with every hidden cell at its largest (then no
/// hidden cell follows from it). Otherwise the total minus the exact cells would give a
/// small count (or pin every hidden cell at 4), so it reads "≥ n" with n the exact cells'
/// sum. When every cell is small it reads "<5" or "≥ 5".
pub fn total_of(cells: &[i64]) -> Shown {
    let exact: i64 = cells.iter().filter(|&&n| n >= SMALL).sum();
    let hidden = cells.iter().filter(|&&n| n < SMALL).count() as i64;
    let hidden_sum: i64 = cells.iter().filter(|&&n| n < SMALL).sum();
    if exact == 0 {
        // Only small cells: whether they reach 5 together, never how far.
        return if hidden_sum < SMALL {
            Shown::Few
        } else {
            Shown::AtLeast(SMALL)
        };
    }
    let safe = hidden == 0
        || hidden_sum == 0
        || (hidden_sum >= SMALL && hidden_sum < (SMALL - 1) * hidden);
    if safe {
        Shown::Exact(exact + hidden_sum)
    } else {
        Shown::AtLeast(exact)
    }
}

/// One wijk in a period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WijkSignals {
    /// CBS wijk code.
    pub wijk_code: String,
    /// Its name.
    pub wijk: String,
    /// Questions (trajecten, keukentafel, searches) without a suitable offer nearby: the
    /// total of [`WijkSignals::cells`].
    pub no_offer: Shown,
    /// The change from the previous period, when both are exact.
    pub no_offer_change: Option<i64>,
    /// The same per leefgebied, in the order of [`SignalsView::columns`].
    pub cells: Vec<Shown>,
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
    /// People on waiting lists now, from the organisations' own figures.
    pub waiting_list: Shown,
    /// Volunteer roles open for more than 60 days now.
    pub old_roles: Shown,
    /// Shade on the map, 0 (under [`SMALL`]) to 4 (the most unmet need).
    pub level: u8,
}

/// Something counted per wijk (a word searched for, a talent): its total over the gemeente
/// and the wijken where it reaches [`SMALL`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Spread {
    /// The code ("leefgebied:leren", "klussen").
    pub code: String,
    /// What people read ("huiswerkbegeleiding", "Klussen").
    pub label: String,
    /// Over the whole gemeente (see [`total_of`]).
    pub total: Shown,
    /// (wijk code, wijk name, count) where the count is [`SMALL`] or more; the others are
    /// not listed, so a missing wijk says nothing.
    pub wijken: Vec<(String, String, i64)>,
}

/// The gemeente's signals for one period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SignalsView {
    /// Gemeente code.
    pub gemeente: String,
    /// The gemeenten an admin can choose from (code, name); empty for a coordinator.
    pub gemeenten: Vec<(String, String)>,
    /// The period ("2026-K4") and its first and last day.
    pub period: (String, String, String),
    /// The previous and next period's names (for the links).
    pub previous: String,
    /// The next period, when it has begun.
    pub next: Option<String>,
    /// The periods one can choose, newest first.
    pub periods: Vec<String>,
    /// Leefgebied codes of the grid's columns; "" is questions that named none.
    pub columns: Vec<String>,
    /// Every wijk of the gemeente, most unmet need first.
    pub wijken: Vec<WijkSignals>,
    /// Searches near a place that found nothing, per word of the concept list.
    pub search_gaps: Vec<Spread>,
    /// Talents offered that no open role within 5 km asks for, now.
    pub unused_talents: Vec<Spread>,
    /// The walls professionals reported, per rule, most reported this quarter first.
    pub knelpunten: Vec<crate::knelpunten::RuleGroup>,
}

/// How many, on the public side: a band from [`SMALL`] on, never a number, so that counts that
/// change from day to day do not tell one person's search or talent apart.
pub fn band(n: i64) -> Option<&'static str> {
    match n {
        n if n < SMALL => None,
        n if n < 10 => Some("5-9"),
        n if n < 25 => Some("10-24"),
        _ => Some("25+"),
    }
}

/// One line of "gevraagd in jouw wijk".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Asked {
    /// What (a leefgebied, a word, a talent), as people read it.
    pub label: String,
    /// The leefgebied it belongs to, for the link to the offers ("" when none).
    pub leefgebied: String,
    /// "5-9", "10-24" or "25+".
    pub band: String,
}

/// "Gevraagd in jouw wijk": what people nearby look for and do not find, and which talents
/// wait, for initiatiefnemers. Only what reaches [`SMALL`], in bands, over the last whole
/// quarter (talents: now).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct AskedView {
    /// CBS wijk code.
    pub wijk_code: String,
    /// Its name.
    pub wijk: String,
    /// The quarter counted ("2026-K3").
    pub period: String,
    /// Leefgebieden of questions without a suitable offer nearby.
    pub topics: Vec<Asked>,
    /// Words of searches nearby that found nothing.
    pub searched: Vec<Asked>,
    /// Talents offered that no open role within 5 km asks for.
    pub talents: Vec<Asked>,
}

/// The public page's answer: the view, or why there is none (in words).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct AskedOutcome {
    /// What was found for the place.
    pub view: Option<AskedView>,
    /// A place we cannot find, in words.
    pub problem: Option<String>,
}

impl SignalsView {
    /// The dashboard as lines for a spreadsheet: (period, wijk code, wijk, measure, topic,
    /// count), one per wijk, measure and topic, with the same "<5" and "≥ n" as the page.
    pub fn lines(&self) -> Vec<[String; 6]> {
        let mut out = Vec::new();
        let period = &self.period.0;
        let mut line = |wijk_code: &str, wijk: &str, measure: &str, topic: &str, value: String| {
            out.push([
                period.clone(),
                wijk_code.to_string(),
                wijk.to_string(),
                measure.to_string(),
                topic.to_string(),
                value,
            ]);
        };
        for w in &self.wijken {
            let (code, name) = (w.wijk_code.as_str(), w.wijk.as_str());
            line(code, name, "geen passend aanbod", "", w.no_offer.text());
            for (column, n) in self.columns.iter().zip(&w.cells) {
                let topic = if column.is_empty() { "overig" } else { column };
                line(code, name, "geen passend aanbod", topic, n.text());
            }
            for (reason, n) in [
                ("vol", w.refused_full),
                ("niet passend", w.refused_unfit),
                ("geen reactie", w.refused_silent),
            ] {
                line(code, name, "verwijzing afgewezen", reason, n.text());
            }
            line(code, name, "hulp onbeantwoord", "", w.unanswered.text());
            if let Some((median, p90)) = w.waiting_days {
                line(
                    code,
                    name,
                    "dagen tot aanname",
                    "mediaan",
                    median.to_string(),
                );
                line(code, name, "dagen tot aanname", "90%", p90.to_string());
            }
            line(code, name, "wachtlijst (nu)", "", w.waiting_list.text());
            line(
                code,
                name,
                "rollen langer dan 60 dagen open (nu)",
                "",
                w.old_roles.text(),
            );
        }
        for k in &self.knelpunten {
            line(
                "",
                "hele gemeente",
                "knelpunt gemeld (dit kwartaal)",
                &k.name,
                k.this_quarter.text(),
            );
        }
        for (measure, spreads) in [
            ("zoekopdracht zonder resultaat", &self.search_gaps),
            ("talent ongebruikt (nu)", &self.unused_talents),
        ] {
            for s in spreads {
                let topic = if s.label.is_empty() {
                    "overig"
                } else {
                    &s.label
                };
                line("", "hele gemeente", measure, topic, s.total.text());
                for (code, name, n) in &s.wijken {
                    line(code, name, measure, topic, n.to_string());
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        assert_eq!(Shown::AtLeast(9).change_from(Shown::Exact(6)), None);
    }

    #[test]
    fn a_total_never_gives_away_the_one_small_cell_beside_it() {
        // 7 + 4: the total 11 minus the 7 shown would tell the 4.
        assert_eq!(total_of(&[7, 4, 0]), Shown::AtLeast(7));
        // Hidden cells that are all zero tell nothing about a person.
        assert_eq!(total_of(&[7, 0, 0]), Shown::Exact(7));
        assert_eq!(total_of(&[7, 6]), Shown::Exact(13));
        // 3 + 3 over three hidden cells: six people in three places, none of them pinned.
        assert_eq!(total_of(&[7, 3, 3, 0]), Shown::Exact(13));
        // 4 + 4 over two hidden cells: both would be known.
        assert_eq!(total_of(&[7, 4, 4]), Shown::AtLeast(7));
        // Everything small: the total is small too, or only "at least 5".
        assert_eq!(total_of(&[1, 2, 0]), Shown::Few);
        assert_eq!(total_of(&[4, 4]), Shown::AtLeast(5));
        assert_eq!(total_of(&[4, 3, 0]), Shown::AtLeast(5));
    }

    #[test]
    fn no_total_lets_a_hidden_cell_be_worked_out() {
        // Every row of up to four cells of 0..=9: whatever the total says, each hidden cell
        // must still have at least two possible values given the shown cells and the total.
        let values = 0..10i64;
        for a in values.clone() {
            for b in values.clone() {
                for c in values.clone() {
                    let row = [a, b, c];
                    let total = total_of(&row);
                    let shown: Vec<Shown> = row.iter().map(|&n| Shown::of(n)).collect();
                    // All rows that look the same.
                    let mut alike = Vec::new();
                    for x in values.clone() {
                        for y in values.clone() {
                            for z in values.clone() {
                                let other = [x, y, z];
                                let looks: Vec<Shown> =
                                    other.iter().map(|&n| Shown::of(n)).collect();
                                if looks == shown && total_of(&other) == total {
                                    alike.push(other);
                                }
                            }
                        }
                    }
                    for (i, &n) in row.iter().enumerate() {
                        if (1..SMALL).contains(&n) {
                            assert!(
                                alike.iter().any(|o| o[i] != n),
                                "{row:?} shows {total:?}, which pins cell {i}"
                            );
                        }
                    }
                }
            }
        }
    }
}
