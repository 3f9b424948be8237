//! Coalitions, their partners and notes: create, read, replace, delete.

use chrono::{NaiveDate, Utc};
use uuid::Uuid;

use super::{on_pool, on_tx, Db};
use crate::coalitions::{CoalitionInput, CoalitionView, NoteView};
use crate::profile::PartnerView;
use crate::{Error, Result};

/// The warning about funding starts this many days before it ends.
pub const FUNDING_WARNING_DAYS: i64 = 92;

#[derive(sqlx::FromRow)]
struct CoalitionRow {
    id: Uuid,
    name: String,
    goal: String,
    status: String,
    gemeente_code: Option<String>,
    need_id: Option<Uuid>,
    link_person: String,
    link_contact: String,
    participants: i32,
    funding_source: String,
    funding_ends_on: Option<NaiveDate>,
}

const COLUMNS: &str = "id, name, goal, status, gemeente_code, need_id, link_person, link_contact, \
    participants, funding_source, funding_ends_on";

/// Creates a coalition with its partners; returns its id.
pub async fn create_coalition(db: &Db, mut input: CoalitionInput) -> Result<Uuid> {
    let ends = input.validate()?;
    let id = Uuid::new_v4();
    let now = Utc::now();
    let mut tx = db.begin().await?;
    let sql = format!(
        "INSERT INTO coalitions ({COLUMNS}, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12)"
    );
    on_tx!(&mut tx, t => sqlx::query(&sql)
        .bind(id).bind(&input.name).bind(&input.goal).bind(&input.status)
        .bind(&input.gemeente).bind(input.need_id).bind(&input.link_person)
        .bind(&input.link_contact).bind(input.participants).bind(&input.funding_source)
        .bind(ends).bind(now)
        .execute(t).await.map(drop)?);
    write_partners(&mut tx, id, &input.partners).await?;
    tx.commit().await?;
    Ok(id)
}

async fn write_partners(tx: &mut super::Tx, id: Uuid, partners: &[PartnerView]) -> Result<()> {
    on_tx!(tx, t => sqlx::query("DELETE FROM coalition_partners WHERE coalition_id = $1")
        .bind(id).execute(t).await.map(drop)?);
    for (position, p) in partners.iter().enumerate() {
        let sql = "INSERT INTO coalition_partners (coalition_id, position, organization_id, name, role, gives, gets) \
            VALUES ($1, $2, $3, $4, $5, $6, $7)";
        on_tx!(tx, t => sqlx::query(sql)
            .bind(id).bind(position as i32).bind(p.organisation_id).bind(p.name.trim())
            .bind(&p.role).bind(&p.gives).bind(&p.gets)
            .execute(t).await.map(drop)?);
    }
    Ok(())
}

/// Replaces a coalition's fields and partners (notes stay).
pub async fn update_coalition(db: &Db, id: Uuid, mut input: CoalitionInput) -> Result<()> {
    let ends = input.validate()?;
    let mut tx = db.begin().await?;
    let sql = "UPDATE coalitions SET name = $2, goal = $3, status = $4, gemeente_code = $5, \
        need_id = $6, link_person = $7, link_contact = $8, participants = $9, funding_source = $10, \
        funding_ends_on = $11, updated_at = $12 WHERE id = $1";
    let changed = on_tx!(&mut tx, t => sqlx::query(sql)
        .bind(id).bind(&input.name).bind(&input.goal).bind(&input.status)
        .bind(&input.gemeente).bind(input.need_id).bind(&input.link_person)
        .bind(&input.link_contact).bind(input.participants).bind(&input.funding_source)
        .bind(ends).bind(Utc::now())
        .execute(t).await?.rows_affected());
    if changed == 0 {
        return Err(Error::NotFound);
    }
    write_partners(&mut tx, id, &input.partners).await?;
    tx.commit().await
}

/// Deletes a coalition with its partners and notes.
pub async fn delete_coalition(db: &Db, id: Uuid) -> Result<()> {
    let sql = "DELETE FROM coalitions WHERE id = $1";
    let deleted = on_pool!(db, p => sqlx::query(sql).bind(id).execute(p).await?.rows_affected());
    if deleted == 0 {
        return Err(Error::NotFound);
    }
    Ok(())
}

/// Adds a "tellen en vertellen" note.
pub async fn add_coalition_note(db: &Db, id: Uuid, note: &NoteView) -> Result<()> {
    let story = note.story.trim();
    let label = note.label.trim();
    if note.number.is_none() && story.is_empty() {
        return Err(Error::Invalid(
            "Schrijf een getal of een kort verhaal.".into(),
        ));
    }
    if story.chars().count() > 2000 || label.chars().count() > 200 {
        return Err(Error::Invalid(
            "Houd het verhaal korter dan 2000 tekens.".into(),
        ));
    }
    let written_on = match note.written_on.trim() {
        "" => Utc::now().date_naive(),
        date => NaiveDate::parse_from_str(date, "%Y-%m-%d").map_err(|_| {
            Error::Invalid("Schrijf de datum als jaar-maand-dag, zoals 2026-11-22.".into())
        })?,
    };
    // Notes belong to a coalition that exists.
    get_coalition(db, id).await?;
    let sql = "INSERT INTO coalition_notes (id, coalition_id, written_on, label, number, story, created_at) \
        VALUES ($1, $2, $3, $4, $5, $6, $7)";
    on_pool!(db, p => sqlx::query(sql)
        .bind(Uuid::new_v4()).bind(id).bind(written_on).bind(label).bind(note.number)
        .bind(story).bind(Utc::now())
        .execute(p).await.map(drop)?);
    Ok(())
}

fn days_left(ends: Option<NaiveDate>, status: &str, today: NaiveDate) -> Option<i64> {
    let days = (ends? - today).num_days();
    (status != "ended" && days <= FUNDING_WARNING_DAYS).then_some(days)
}

async fn views(db: &Db, rows: Vec<CoalitionRow>) -> Result<Vec<CoalitionView>> {
    let today = Utc::now().date_naive();
    let mut out = Vec::with_capacity(rows.len());
    for r in rows {
        let sql = "SELECT organization_id, name, role, gives, gets FROM coalition_partners \
            WHERE coalition_id = $1 ORDER BY position";
        let partners: Vec<(Option<Uuid>, String, String, String, String)> =
            on_pool!(db, p => sqlx::query_as(sql).bind(r.id).fetch_all(p).await?);
        let sql = "SELECT written_on, label, number, story FROM coalition_notes \
            WHERE coalition_id = $1 ORDER BY written_on DESC, created_at DESC";
        let notes: Vec<(NaiveDate, String, Option<i32>, String)> =
            on_pool!(db, p => sqlx::query_as(sql).bind(r.id).fetch_all(p).await?);
        out.push(CoalitionView {
            funding_days_left: days_left(r.funding_ends_on, &r.status, today),
            id: r.id,
            name: r.name,
            goal: r.goal,
            status: r.status,
            gemeente: r.gemeente_code,
            need_id: r.need_id,
            link_person: r.link_person,
            link_contact: r.link_contact,
            participants: r.participants,
            funding_source: r.funding_source,
            funding_ends_on: r.funding_ends_on.map(|d| d.format("%Y-%m-%d").to_string()),
            partners: partners
                .into_iter()
                .map(|(organisation_id, name, role, gives, gets)| PartnerView {
                    organisation_id,
                    name,
                    role,
                    gives,
                    gets,
                })
                .collect(),
            notes: notes
                .into_iter()
                .map(|(written_on, label, number, story)| NoteView {
                    written_on: written_on.format("%Y-%m-%d").to_string(),
                    label,
                    number,
                    story,
                })
                .collect(),
        });
    }
    Ok(out)
}

/// One coalition.
pub async fn get_coalition(db: &Db, id: Uuid) -> Result<CoalitionView> {
    let sql = format!("SELECT {COLUMNS} FROM coalitions WHERE id = $1");
    let rows: Vec<CoalitionRow> =
        on_pool!(db, p => sqlx::query_as::<_, CoalitionRow>(&sql).bind(id).fetch_all(p).await?);
    views(db, rows).await?.pop().ok_or(Error::NotFound)
}

/// All coalitions (of one gemeente), active ones first, then by name.
pub async fn list_coalitions(db: &Db, gemeente: Option<&str>) -> Result<Vec<CoalitionView>> {
    let sql = format!(
        "SELECT {COLUMNS} FROM coalitions WHERE ($1 = '' OR gemeente_code = $1) \
         ORDER BY CASE status WHEN 'active' THEN 0 WHEN 'forming' THEN 1 WHEN 'idea' THEN 2 ELSE 3 END, name"
    );
    let gemeente = gemeente.unwrap_or_default().to_string();
    let rows: Vec<CoalitionRow> = on_pool!(db, p =>
        sqlx::query_as::<_, CoalitionRow>(&sql).bind(&gemeente).fetch_all(p).await?);
    views(db, rows).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_funding_warning_starts_three_months_before_the_end() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        let soon = NaiveDate::from_ymd_opt(2027, 1, 31);
        let later = NaiveDate::from_ymd_opt(2027, 6, 1);
        assert_eq!(days_left(soon, "active", today), Some(70));
        assert_eq!(days_left(later, "active", today), None);
        assert_eq!(days_left(soon, "ended", today), None);
        assert_eq!(
            days_left(NaiveDate::from_ymd_opt(2026, 11, 1), "active", today),
            Some(-21)
        );
    }
}
