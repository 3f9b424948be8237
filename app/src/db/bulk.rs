//! SQL text for statements over many rows at once (multi-row `VALUES`, `IN` lists), so a batch
//! of an import is a few dozen statements instead of twenty per record: on PostgreSQL every
//! statement is a round trip. Placeholders are `$1`, `$2`, … on PostgreSQL and anonymous `?` on
//! SQLite, both bound in order: sqlx asks SQLite the name of every numbered parameter, a linear
//! search per parameter, which at thousands of parameters took half of an import's time.

use std::fmt::Write;

use uuid::Uuid;

/// Rows per multi-row statement: far below either backend's limit on bound values (SQLite
/// 32,766, PostgreSQL 65,535) for our widest table (24 columns).
pub(crate) const ROWS: usize = 250;

/// How a backend writes placeholders.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Placeholder {
    /// `$1`, `$2`, … (PostgreSQL).
    Numbered,
    /// `?` (SQLite), bound by position.
    Anonymous,
}

impl Placeholder {
    fn write(self, sql: &mut String, n: usize) {
        match self {
            Placeholder::Numbered => {
                let _ = write!(sql, "${n}");
            }
            Placeholder::Anonymous => sql.push('?'),
        }
    }
}

/// `head VALUES ($1, …), (…), … tail` for `rows` rows of `columns` values.
pub(crate) fn insert_sql(
    marks: Placeholder,
    head: &str,
    columns: usize,
    rows: usize,
    tail: &str,
) -> String {
    let mut sql = String::with_capacity(head.len() + tail.len() + rows * columns * 6 + 16);
    sql.push_str(head);
    sql.push_str(" VALUES ");
    let mut n = 0;
    for row in 0..rows {
        if row > 0 {
            sql.push_str(", ");
        }
        sql.push('(');
        for column in 0..columns {
            if column > 0 {
                sql.push_str(", ");
            }
            n += 1;
            marks.write(&mut sql, n);
        }
        sql.push(')');
    }
    if !tail.is_empty() {
        sql.push(' ');
        sql.push_str(tail);
    }
    sql
}

/// `head ($1, …, $n) tail`: an `IN` list of `n` values.
pub(crate) fn in_sql(marks: Placeholder, head: &str, n: usize, tail: &str) -> String {
    let mut sql = String::with_capacity(head.len() + tail.len() + n * 6 + 4);
    sql.push_str(head);
    sql.push_str(" (");
    for i in 1..=n {
        if i > 1 {
            sql.push_str(", ");
        }
        marks.write(&mut sql, i);
    }
    sql.push(')');
    if !tail.is_empty() {
        sql.push(' ');
        sql.push_str(tail);
    }
    sql
}

/// The records with distinct ids, the last of each id winning, in the order of their last
/// occurrence: what saving them one by one would leave, and what PostgreSQL needs (one
/// statement may not update the same row twice).
pub(crate) fn last_of_each<T>(records: &[T], id: impl Fn(&T) -> Uuid) -> Vec<&T> {
    let mut seen = std::collections::HashSet::with_capacity(records.len());
    let mut out: Vec<&T> = records
        .iter()
        .rev()
        .filter(|r| seen.insert(id(r)))
        .collect();
    out.reverse();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_numbered_in_order_over_all_rows() {
        let numbered = Placeholder::Numbered;
        assert_eq!(
            insert_sql(
                numbered,
                "INSERT INTO t (a, b)",
                2,
                2,
                "ON CONFLICT DO NOTHING"
            ),
            "INSERT INTO t (a, b) VALUES ($1, $2), ($3, $4) ON CONFLICT DO NOTHING"
        );
        assert_eq!(
            in_sql(numbered, "DELETE FROM t WHERE id IN", 3, ""),
            "DELETE FROM t WHERE id IN ($1, $2, $3)"
        );
        assert_eq!(
            in_sql(Placeholder::Anonymous, "DELETE FROM t WHERE id IN", 2, ""),
            "DELETE FROM t WHERE id IN (?, ?)"
        );
    }

    #[test]
    fn of_records_with_the_same_id_the_last_one_is_kept() {
        let a = Uuid::from_u128(1);
        let b = Uuid::from_u128(2);
        let records = [(a, "first a"), (b, "b"), (a, "second a")];
        let kept: Vec<_> = last_of_each(&records, |r| r.0)
            .into_iter()
            .map(|r| r.1)
            .collect();
        assert_eq!(kept, ["b", "second a"]);
    }
}
