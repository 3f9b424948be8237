//! The database layer: one code path for SQLite (default) and PostgreSQL.
//!
//! Queries are written once with `$1` placeholders, which both backends accept; [`on_pool!`]
//! expands each query for both pool types. Migrations live in `migrations/<backend>/`.

mod accounts;
mod bulk;
mod coalitions;
mod dataset;
mod editing;
mod knelpunten;
mod load;
mod manage;
mod matching;
mod moderation;
mod offers;
mod outbox;
mod programme;
mod published;
mod referrals;
mod responses;
mod roles;
mod signals;
mod signups;
mod sql;
mod talents;
mod taxonomy;
mod teams;
mod tokens;
mod trajecten;
mod tx;

use std::str::FromStr;
use std::time::Duration;

use sqlx::postgres::{PgPool, PgPoolOptions};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions};

pub use accounts::{
    audit, audit_trail, create_session, create_token, create_user, delete_session,
    delete_user_sessions, find_user, link_user_organisation, organisation_gemeente,
    organisation_locations, rate_allow, rename_user, session_user, set_password_hash, use_token,
    user_by_id, user_organisations, UserRecord,
};
pub use accounts::{coordinator_emails, organisation_manager_emails, user_email};
pub use coalitions::{
    add_coalition_note, add_coalition_partner, add_newcomer_partner, approved_organisation_name,
    claim_funding_warnings, claim_quiet_coalitions, coalition_services, create_coalition,
    delete_coalition, get_coalition, link_newcomer_partners, list_coalitions, note_photo,
    remove_note_photo, set_note_photo, set_partner_standing, update_coalition, FundingDue,
    FUNDING_WARNING_DAYS, QUIET_DAYS,
};
pub use dataset::{
    days_from_text, days_text, finish_import, import_checkpoint, save_dataset, save_import_batch,
    ClosureRecord, CostRecord, Dataset, ImportCheckpoint, LocationRecord, NeedRecord,
    OrganisationRecord, ScheduleRecord, ServiceRecord,
};
pub use editing::{
    location, location_label, location_labels, locations_of, need, needs_of, offers_of,
    save_location, save_need,
};
pub use knelpunten::{
    add_knelpunt, decide_knelpunt, knelpunt, knelpunten_of, put_knelpunt, solved_knelpunten,
    KnelpuntRecord, NewKnelpunt,
};
pub use load::{
    load_dataset, load_organisations, load_terms, save_terms, service_ids_with_term,
    service_modified, TermRecord,
};
pub use manage::{
    claim_due_reminders, confirm_still_correct, delete_old_signups, log_newly_hidden,
    managed_organisations, offer_organisation, publish_waiting_list_need, set_capacity,
    set_signup_status, set_waiting_list, signup_organisation, signups_of, stock_of, SignupRecord,
    StockRecord, REMIND_MONTHS,
};
pub use matching::{load_catalog, load_catalog_changes, topics_of};
pub use moderation::{
    close_report, create_claim, decide_claim, decide_organisation, find_organisations,
    merge_organisations, queue, register_organisation, save_report, subject_organisation,
};
pub use offers::{
    card_records, draft_page, index_documents, index_documents_count, index_documents_page,
    offer_page, places_of, rebuild_pages, slots_of, CardRecord, DocumentSource, OfferPage,
    PageRecord, PlaceRecord, RebuildPages, SlotRecord,
};
pub use offers::{
    freshness, organisation_has_accounts, Freshness, HIDE_MONTHS, MARK_MONTHS, WALK_IN,
};
pub use outbox::{
    outbox_head, outbox_since, outbox_tail, prune_outbox, settled_through, OutboxEntry, GAP_GRACE,
};
pub use programme::{
    closures_of, location_page, locations_named, offers_at, organisation_page, LocationPageRecord,
    OrganisationPageRecord,
};
pub use published::{
    is_published, is_published_organisation, published_location_counts,
    published_organisation_page, published_organisations, published_service_ids, PUBLISHED,
};
pub use referrals::{
    create_referral, delete_expired_personal_data, escalate, escalated_to, escalation_open,
    escalations_for, handle_escalation, referral, referral_contact, referral_history,
    referral_target, referrals_of_traject, referrals_to, revoke_consent, set_referral_partner,
    set_referral_status, take_due_followups, waiting_list_of, working_days_between, ReferralRecord,
};
pub use responses::{
    claim_unanswered, claim_unanswered_reminders, delete_expired_responses, move_response,
    response, responses_for, roles_near, save_response, NewResponse, ResponseRecord,
};
pub use roles::{
    is_published_need, open_roles_of, published_need_ids, role_page, role_records, RoleRecord,
    ROLE_KIND,
};
pub use signals::{
    gemeenten_with_places, put_search_gap, put_signal, record_needs_without_offer,
    record_search_gap, roles_open_since, search_gaps_between, signal_counts, signals_between,
    waiting_days_between, waiting_lists_by_wijk,
};
pub use signups::{count_signups, save_signup};
pub use talents::{
    delete_expired_talent_entries, entry_contact, reachable_entries_near, record_invitation,
    revoke_entry_contact, save_talent_entry, EntryContact, ReachableEntry, TalentEntryRecord,
};
pub use taxonomy::term_codes;
pub use taxonomy::{ensure_taxonomy, shipped_term_records, term_id, term_name, TAXONOMY_JSON};
pub use teams::{
    assign_traject, create_team, disable_user, set_team_member, team, team_members, team_of,
    team_queue, teams, MemberRecord, TeamRecord,
};
pub use tokens::{
    api_token_user, api_tokens_of, create_api_token, revoke_api_token, take_unseen_api_token,
    ApiTokenRecord, NewApiToken,
};
pub use trajecten::{
    close_traject, delete_traject, open_profiles, save_traject, traject, trajecten_of,
    TrajectRecord,
};
pub use tx::{on_tx, Tx};

use crate::Result;

/// A pool on one of the two supported backends.
#[derive(Clone, Debug)]
pub enum Db {
    /// SQLite file (WAL), the embedded default.
    Sqlite(SqlitePool),
    /// PostgreSQL, the shared store when scaling out.
    Postgres(PgPool),
}

/// Runs the same query code on whichever pool `db` holds.
#[macro_export]
macro_rules! on_pool {
    ($db:expr, $pool:ident => $body:expr) => {
        match $db {
            $crate::db::Db::Sqlite($pool) => $body,
            $crate::db::Db::Postgres($pool) => $body,
        }
    };
}
pub use on_pool;

/// Page cache per SQLite connection (KiB). SQLite's default is 2 MB; a national register's
/// indexes on random UUIDs then miss it on almost every insert (the import slowed from 4,000 to
/// 1,800 records/s as the file grew). Taken only as pages are used, so a small database never
/// holds more than its size. (A memory map as well gained 4 % more at 200k and counted the
/// whole file in the import's RSS: left out.)
const SQLITE_CACHE_KIB: u64 = 64 * 1024;

static SQLITE_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("../migrations/sqlite");
static POSTGRES_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("../migrations/postgres");

impl Db {
    /// Connects to `postgres://...` or `sqlite://path` (the file is created when missing).
    pub async fn connect(url: &str) -> Result<Db> {
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            let pool = PgPoolOptions::new()
                .max_connections(10)
                .acquire_timeout(Duration::from_secs(10))
                .connect(url)
                .await?;
            Ok(Db::Postgres(pool))
        } else {
            let options = SqliteConnectOptions::from_str(url)?
                .create_if_missing(true)
                .journal_mode(SqliteJournalMode::Wal)
                .foreign_keys(true)
                .busy_timeout(Duration::from_secs(10))
                .pragma("cache_size", format!("-{SQLITE_CACHE_KIB}"));
            private_file(options.get_filename());
            let pool = SqlitePoolOptions::new()
                .max_connections(8)
                .connect_with(options)
                .await?;
            Ok(Db::Sqlite(pool))
        }
    }

    /// Brings the schema up to date and makes sure the shipped taxonomy is present.
    pub async fn migrate(&self) -> Result<()> {
        match self {
            Db::Sqlite(pool) => SQLITE_MIGRATIONS.run(pool).await?,
            Db::Postgres(pool) => POSTGRES_MIGRATIONS.run(pool).await?,
        }
        ensure_taxonomy(self).await
    }

    /// "sqlite" or "postgres".
    pub fn backend(&self) -> &'static str {
        match self {
            Db::Sqlite(_) => "sqlite",
            Db::Postgres(_) => "postgres",
        }
    }

    /// Number of offers (services) of any status.
    pub async fn count_offers(&self) -> Result<i64> {
        let sql = "SELECT COUNT(*) FROM services";
        let n: i64 = on_pool!(self, p => sqlx::query_scalar(sql).fetch_one(p).await?);
        Ok(n)
    }

    /// Closes the pool (tests, shutdown).
    pub async fn close(&self) {
        on_pool!(self, p => p.close().await)
    }
}

/// Creates the SQLite file readable by its owner only (SQLite gives the WAL and shared-memory
/// files the same mode), and narrows an existing one: it holds personal data.
fn private_file(path: &std::path::Path) {
    use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
    if path.as_os_str().is_empty() || path.to_str() == Some(":memory:") {
        return;
    }
    let made = std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(false)
        .mode(0o600)
        .open(path);
    if let Err(error) =
        made.and_then(|_| std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600)))
    {
        tracing::warn!(%error, path = %path.display(), "cannot make the database file private");
    }
}
