//! [`Tx`]: a transaction on either backend, so multi-statement writes are written once.

use sqlx::{Postgres, Sqlite, Transaction};

use super::Db;
use crate::Result;

/// An open transaction; dropped without [`Tx::commit`] it rolls back.
pub enum Tx {
    /// On SQLite.
    Sqlite(Transaction<'static, Sqlite>),
    /// On PostgreSQL.
    Postgres(Transaction<'static, Postgres>),
}

/// Runs the same statement code on whichever transaction `tx` holds; `$t` is the connection.
#[macro_export]
macro_rules! on_tx {
    ($tx:expr, $t:ident => $body:expr) => {
        match $tx {
            $crate::db::Tx::Sqlite(tx) => {
                let $t = &mut **tx;
                $body
            }
            $crate::db::Tx::Postgres(tx) => {
                let $t = &mut **tx;
                $body
            }
        }
    };
}
pub use on_tx;

impl Db {
    /// Starts a transaction.
    pub async fn begin(&self) -> Result<Tx> {
        Ok(match self {
            Db::Sqlite(p) => Tx::Sqlite(p.begin().await?),
            Db::Postgres(p) => Tx::Postgres(p.begin().await?),
        })
    }
}

impl Tx {
    /// How this backend writes placeholders in generated SQL.
    pub(crate) fn placeholder(&self) -> super::bulk::Placeholder {
        match self {
            Tx::Sqlite(_) => super::bulk::Placeholder::Anonymous,
            Tx::Postgres(_) => super::bulk::Placeholder::Numbered,
        }
    }

    /// Commits all statements at once.
    pub async fn commit(self) -> Result<()> {
        match self {
            Tx::Sqlite(t) => t.commit().await?,
            Tx::Postgres(t) => t.commit().await?,
        }
        Ok(())
    }
}
