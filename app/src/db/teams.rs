//! Wijkteams: teams of professionals in one gemeente, their members and leads, and the
//! trajecten each team holds (a primary professional, a stand-in, or none: the team's queue).

use chrono::Utc;
use uuid::Uuid;

use super::trajecten::{TrajectRecord, TRAJECT_COLUMNS};
use super::{on_pool, on_tx, Db};
use crate::Result;

/// A team as stored.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct TeamRecord {
    pub id: Uuid,
    pub gemeente_code: String,
    pub name: String,
    /// `buurtteam`, `gebiedsteam` or `sociaal-team`.
    pub kind: String,
    pub phone: String,
    pub email: String,
}

/// A member of a team, with the account's name and e-mail.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct MemberRecord {
    pub user_id: Uuid,
    pub name: String,
    pub email: String,
    pub lead: bool,
}

const TEAM_COLUMNS: &str = "id, gemeente_code, name, kind, phone, email";

/// Creates a team; `false` when the gemeente has a team of that name already.
pub async fn create_team(db: &Db, t: &TeamRecord) -> Result<bool> {
    let sql = "INSERT INTO teams (id, gemeente_code, name, kind, phone, email, created_at) \
        VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (gemeente_code, name) DO NOTHING";
    let done = on_pool!(db, p => sqlx::query(sql)
        .bind(t.id).bind(&t.gemeente_code).bind(&t.name).bind(&t.kind).bind(&t.phone)
        .bind(&t.email).bind(Utc::now()).execute(p).await?.rows_affected());
    Ok(done == 1)
}

/// One team.
pub async fn team(db: &Db, id: Uuid) -> Result<Option<TeamRecord>> {
    let sql = format!("SELECT {TEAM_COLUMNS} FROM teams WHERE id = $1");
    Ok(on_pool!(db, p => sqlx::query_as(&sql).bind(id).fetch_optional(p).await?))
}

/// The teams of a gemeente (all of them for `None`), by name.
pub async fn teams(db: &Db, gemeente: Option<&str>) -> Result<Vec<TeamRecord>> {
    let sql = format!(
        "SELECT {TEAM_COLUMNS} FROM teams WHERE ($1 IS NULL OR gemeente_code = $1) ORDER BY name"
    );
    Ok(on_pool!(db, p => sqlx::query_as(&sql).bind(gemeente).fetch_all(p).await?))
}

/// Puts `user` in `team` (moving them out of another one), as a lead or not.
pub async fn set_team_member(db: &Db, team: Uuid, user: Uuid, lead: bool) -> Result<()> {
    let sql = "INSERT INTO team_members (user_id, team_id, lead) VALUES ($1, $2, $3) \
        ON CONFLICT (user_id) DO UPDATE SET team_id = excluded.team_id, lead = excluded.lead";
    on_pool!(db, p => sqlx::query(sql).bind(user).bind(team).bind(lead).execute(p).await.map(drop)?);
    Ok(())
}

/// The team of a user and whether they lead it.
pub async fn team_of(db: &Db, user: Uuid) -> Result<Option<(TeamRecord, bool)>> {
    let sql = "SELECT t.id, t.gemeente_code, t.name, t.kind, t.phone, t.email, m.lead \
        FROM team_members m JOIN teams t ON t.id = m.team_id WHERE m.user_id = $1";
    let row: Option<(Uuid, String, String, String, String, String, bool)> =
        on_pool!(db, p => sqlx::query_as(sql).bind(user).fetch_optional(p).await?);
    Ok(
        row.map(|(id, gemeente_code, name, kind, phone, email, lead)| {
            (
                TeamRecord {
                    id,
                    gemeente_code,
                    name,
                    kind,
                    phone,
                    email,
                },
                lead,
            )
        }),
    )
}

/// The members of a team whose account works, leads first, then by name.
pub async fn team_members(db: &Db, team: Uuid) -> Result<Vec<MemberRecord>> {
    let sql = "SELECT u.id AS user_id, u.name, u.email, m.lead FROM team_members m \
        JOIN users u ON u.id = m.user_id WHERE m.team_id = $1 AND u.disabled = $2 \
        ORDER BY m.lead DESC, u.name, u.email";
    Ok(on_pool!(db, p => sqlx::query_as(sql).bind(team).bind(false).fetch_all(p).await?))
}

/// The open trajecten of a team that nobody holds: its queue, oldest change first.
pub async fn team_queue(db: &Db, team: Uuid) -> Result<Vec<TrajectRecord>> {
    let sql = format!(
        "SELECT {TRAJECT_COLUMNS} FROM trajecten WHERE team_id = $1 AND professional_id IS NULL \
         AND status = 'open' ORDER BY updated_at LIMIT 500"
    );
    Ok(on_pool!(db, p => sqlx::query_as(&sql).bind(team).fetch_all(p).await?))
}

/// Gives a traject its primary professional and stand-in (`None`: nobody).
pub async fn assign_traject(
    db: &Db,
    traject: Uuid,
    primary: Option<Uuid>,
    standin: Option<Uuid>,
) -> Result<()> {
    let sql = "UPDATE trajecten SET professional_id = $2, standin_id = $3, updated_at = $4 \
        WHERE id = $1";
    on_pool!(db, p => sqlx::query(sql).bind(traject).bind(primary).bind(standin)
        .bind(Utc::now()).execute(p).await.map(drop)?);
    Ok(())
}

/// Disables an account at once: no login, no session, and every traject it held goes to its
/// team's queue (its stand-in roles end too). Returns the trajecten it held as primary.
pub async fn disable_user(db: &Db, user: Uuid) -> Result<Vec<Uuid>> {
    let mut tx = db.begin().await?;
    let now = Utc::now();
    // Write first: SQLite cannot turn a transaction that has read into a writing one while
    // another connection writes ("database is locked"); a first write waits its turn instead.
    on_tx!(&mut tx, t => sqlx::query("UPDATE users SET disabled = $2 WHERE id = $1")
        .bind(user).bind(true).execute(t).await.map(drop)?);
    let held: Vec<Uuid> = on_tx!(&mut tx, t => sqlx::query_scalar(
        "SELECT id FROM trajecten WHERE professional_id = $1").bind(user).fetch_all(t).await?);
    on_tx!(&mut tx, t => sqlx::query("DELETE FROM sessions WHERE user_id = $1")
        .bind(user).execute(t).await.map(drop)?);
    on_tx!(&mut tx, t => sqlx::query(
        "UPDATE trajecten SET professional_id = NULL, updated_at = $2 WHERE professional_id = $1")
        .bind(user).bind(now).execute(t).await.map(drop)?);
    on_tx!(&mut tx, t => sqlx::query(
        "UPDATE trajecten SET standin_id = NULL, updated_at = $2 WHERE standin_id = $1")
        .bind(user).bind(now).execute(t).await.map(drop)?);
    tx.commit().await?;
    Ok(held)
}
