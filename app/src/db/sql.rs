//! Small helpers for queries over a list of ids, shared by the readers.

use uuid::Uuid;

/// "$1, $2, ..., $n".
pub(crate) fn placeholders(n: usize) -> String {
    (1..=n)
        .map(|i| format!("${i}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Which rows a reader returns: all of them, those of a list of ids, or those of the rows
/// stored in one stretch of a table (a page of a streamed rebuild, see [`Stretch`]).
#[derive(Debug, Clone, Copy)]
pub(crate) enum Scope<'a> {
    All,
    Ids(&'a [Uuid]),
    Stored(&'a Stretch),
}

impl<'a> From<Option<&'a [Uuid]>> for Scope<'a> {
    fn from(ids: Option<&'a [Uuid]>) -> Scope<'a> {
        ids.map_or(Scope::All, Scope::Ids)
    }
}

impl Scope<'_> {
    /// True when the scope cannot match anything (an empty list of ids).
    pub(crate) fn is_empty(&self) -> bool {
        matches!(self, Scope::Ids(ids) if ids.is_empty())
    }
}

/// The rows stored in one stretch of a table, in the order they were written: a range of
/// SQLite rowids or of PostgreSQL blocks (`ctid`). A rebuild that pages this way reads the
/// disk in sequence and hands the index neighbouring offers together; paging by id instead
/// (random UUIDs) made the rebuild of 1M offers 37 % slower. The bounds are bound as text
/// (`$1` from, `$2` to, excluded).
#[derive(Debug, Clone)]
pub(crate) struct Stretch {
    /// The table the stretch is of.
    pub table: &'static str,
    /// The condition on an alias of that table, with `{t}` for the alias.
    pub condition: &'static str,
    pub from: String,
    pub to: String,
}

impl Stretch {
    /// The condition on `alias`, a name for [`Stretch::table`] in the query.
    pub(crate) fn on(&self, alias: &str) -> String {
        self.condition.replace("{t}", alias)
    }
}

/// `WHERE <column> IN ($1, ...)` for a list of ids, `WHERE <column> IN (the ids of a stretch)`,
/// or nothing for all. An empty list keeps one placeholder (bound to the nil uuid by
/// [`fetch_by_ids!`]), so it matches nothing.
pub(crate) fn id_filter<'a>(column: &str, scope: impl Into<Scope<'a>>) -> String {
    match scope.into() {
        Scope::All => String::new(),
        Scope::Ids(ids) => format!("WHERE {column} IN ({})", placeholders(ids.len().max(1))),
        Scope::Stored(stretch) => format!(
            "WHERE {column} IN (SELECT stretch.id FROM {} stretch WHERE {})",
            stretch.table,
            stretch.on("stretch")
        ),
    }
}

/// [`id_filter`] on a table's own rows (alias `alias`, ids in `alias.id`): a stretch of that
/// table reads its range directly instead of looking its ids up again.
pub(crate) fn own_filter(alias: &str, only: Scope<'_>) -> String {
    match only {
        Scope::Stored(stretch) => format!("WHERE {}", stretch.on(alias)),
        other => id_filter(&format!("{alias}.id"), other),
    }
}

/// Runs `$sql` (built with [`id_filter`] for the same scope) with the ids bound as `$1..$n`
/// (or a stretch's bounds as `$1, $2`); all rows bind nothing. Values after the ids (`$after`)
/// are bound next, in order.
macro_rules! fetch_by_ids {
    ($db:expr, $ty:ty, $sql:expr, $ids:expr $(, $after:expr)*) => {{
        let sql: String = $sql;
        let scope: $crate::db::sql::Scope<'_> = $ids.into();
        let rows: Vec<$ty> = $crate::db::on_pool!($db, p => {
            let mut q = sqlx::query_as(&sql);
            match scope {
                $crate::db::sql::Scope::Ids(ids) if ids.is_empty() => q = q.bind(uuid::Uuid::nil()),
                $crate::db::sql::Scope::Ids(ids) => { for id in ids { q = q.bind(*id); } }
                $crate::db::sql::Scope::Stored(stretch) => q = q.bind(&stretch.from).bind(&stretch.to),
                $crate::db::sql::Scope::All => {}
            }
            $( q = q.bind($after); )*
            q.fetch_all(p).await?
        });
        rows
    }};
}
pub(crate) use fetch_by_ids;

/// An age from the database as the index stores it.
pub(super) fn age_byte(age: Option<i32>) -> Option<u8> {
    age.map(|a| a.clamp(0, 255) as u8)
}
