//! Small helpers for queries over a list of ids, shared by the readers.

use uuid::Uuid;

/// "$1, $2, ..., $n".
pub(crate) fn placeholders(n: usize) -> String {
    (1..=n)
        .map(|i| format!("${i}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// `WHERE <column> IN ($1, ...)` for a list of ids, or nothing for all. An empty list keeps
/// one placeholder (bound to the nil uuid by [`fetch_by_ids!`]), so it matches nothing.
pub(crate) fn id_filter(column: &str, ids: Option<&[Uuid]>) -> String {
    ids.map(|ids| format!("WHERE {column} IN ({})", placeholders(ids.len().max(1))))
        .unwrap_or_default()
}

/// Runs `$sql` (built with [`id_filter`]) with the ids bound as `$1..$n`; `None` binds nothing.
macro_rules! fetch_by_ids {
    ($db:expr, $ty:ty, $sql:expr, $ids:expr) => {{
        let sql: String = $sql;
        let rows: Vec<$ty> = $crate::db::on_pool!($db, p => {
            let mut q = sqlx::query_as(&sql);
            match $ids {
                Some(ids) if ids.is_empty() => q = q.bind(uuid::Uuid::nil()),
                Some(ids) => { for id in ids { q = q.bind(*id); } }
                None => {}
            }
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
