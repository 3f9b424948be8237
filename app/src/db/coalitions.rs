//! Coalitions, their partners and notes: create, read, replace, delete.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use uuid::Uuid;

use super::{on_pool, on_tx, Db};
use crate::coalitions::{
    CheckedFunding, CoalitionInput, CoalitionView, FundingLine, NotePhoto, NoteView, OUTCOMES,
    STANDINGS,
};
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
    deputy_person: String,
    deputy_contact: String,
    status_reason: String,
    venue: String,
    created_at: DateTime<Utc>,
}

const COLUMNS: &str = "id, name, goal, status, gemeente_code, need_id, link_person, link_contact, \
    participants, deputy_person, deputy_contact, status_reason, venue, created_at";

/// Running coalitions without a note for this many days are "stil".
pub const QUIET_DAYS: i64 = 92;

/// Creates a coalition with its partners; returns its id.
pub async fn create_coalition(db: &Db, mut input: CoalitionInput) -> Result<Uuid> {
    let funding = input.validate()?;
    let id = Uuid::new_v4();
    let now = Utc::now();
    let mut tx = db.begin().await?;
    let sql = format!(
        "INSERT INTO coalitions ({COLUMNS}, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $14)"
    );
    on_tx!(&mut tx, t => sqlx::query(&sql)
        .bind(id).bind(&input.name).bind(&input.goal).bind(&input.status)
        .bind(&input.gemeente).bind(input.need_id).bind(&input.link_person)
        .bind(&input.link_contact).bind(input.participants)
        .bind(input.deputy_person.trim()).bind(input.deputy_contact.trim())
        .bind(input.status_reason.trim()).bind(input.venue.trim()).bind(now)
        .execute(t).await.map(drop)?);
    write_partners(&mut tx, id, &input.partners).await?;
    write_funding(&mut tx, id, &funding).await?;
    tx.commit().await?;
    Ok(id)
}

async fn write_partners(tx: &mut super::Tx, id: Uuid, partners: &[PartnerView]) -> Result<()> {
    on_tx!(tx, t => sqlx::query("DELETE FROM coalition_partners WHERE coalition_id = $1")
        .bind(id).execute(t).await.map(drop)?);
    for (position, p) in partners.iter().enumerate() {
        let sql = "INSERT INTO coalition_partners (coalition_id, position, organization_id, name, role, gives, gets, standing) \
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8)";
        // A partner without a standing (written directly, or one not on the map) has accepted.
        let standing = if STANDINGS.contains(&p.standing.as_str()) {
            p.standing.as_str()
        } else {
            "accepted"
        };
        on_tx!(tx, t => sqlx::query(sql)
            .bind(id).bind(position as i32).bind(p.organisation_id).bind(p.name.trim())
            .bind(&p.role).bind(&p.gives).bind(&p.gets).bind(standing)
            .execute(t).await.map(drop)?);
    }
    Ok(())
}

type FundingRow = (String, Option<i64>, Option<NaiveDate>, Option<NaiveDate>);
/// A note: written_on, label, number, story, created_at, outcomes, id, and its photo's alt,
/// width and height.
type NoteRow = (
    NaiveDate,
    String,
    Option<i32>,
    String,
    DateTime<Utc>,
    String,
    Uuid,
    Option<String>,
    Option<i32>,
    Option<i32>,
);

/// Replaces the funding lines. A line that stays (same source and end) keeps the warnings
/// already sent, so an edit never sends them again.
async fn write_funding(tx: &mut super::Tx, id: Uuid, lines: &[CheckedFunding]) -> Result<()> {
    let sql = "SELECT source, ends_on, warned_90_at, warned_30_at FROM coalition_funding \
        WHERE coalition_id = $1";
    type Sent = (
        String,
        Option<NaiveDate>,
        Option<DateTime<Utc>>,
        Option<DateTime<Utc>>,
    );
    let sent: Vec<Sent> = on_tx!(tx, t => sqlx::query_as(sql).bind(id).fetch_all(t).await?);
    on_tx!(tx, t => sqlx::query("DELETE FROM coalition_funding WHERE coalition_id = $1")
        .bind(id).execute(t).await.map(drop)?);
    for (position, line) in lines.iter().enumerate() {
        let (warned_90, warned_30) = sent
            .iter()
            .find(|(source, ends, _, _)| *source == line.source && *ends == line.ends_on)
            .map_or((None, None), |(_, _, a, b)| (*a, *b));
        let sql = "INSERT INTO coalition_funding (id, coalition_id, position, source, amount_euros, \
            starts_on, ends_on, warned_90_at, warned_30_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)";
        on_tx!(tx, t => sqlx::query(sql)
            .bind(Uuid::new_v4()).bind(id).bind(position as i32).bind(&line.source)
            .bind(line.amount_euros).bind(line.starts_on).bind(line.ends_on)
            .bind(warned_90).bind(warned_30)
            .execute(t).await.map(drop)?);
    }
    Ok(())
}

/// Replaces a coalition's fields and partners (notes stay).
pub async fn update_coalition(db: &Db, id: Uuid, mut input: CoalitionInput) -> Result<()> {
    let funding = input.validate()?;
    let mut tx = db.begin().await?;
    let sql = "UPDATE coalitions SET name = $2, goal = $3, status = $4, gemeente_code = $5, \
        need_id = $6, link_person = $7, link_contact = $8, participants = $9, \
        updated_at = $10, deputy_person = $11, deputy_contact = $12, \
        status_reason = $13, venue = $14 WHERE id = $1";
    let changed = on_tx!(&mut tx, t => sqlx::query(sql)
        .bind(id).bind(&input.name).bind(&input.goal).bind(&input.status)
        .bind(&input.gemeente).bind(input.need_id).bind(&input.link_person)
        .bind(&input.link_contact).bind(input.participants)
        .bind(Utc::now()).bind(input.deputy_person.trim())
        .bind(input.deputy_contact.trim()).bind(input.status_reason.trim()).bind(input.venue.trim())
        .execute(t).await?.rows_affected());
    if changed == 0 {
        return Err(Error::NotFound);
    }
    write_partners(&mut tx, id, &input.partners).await?;
    write_funding(&mut tx, id, &funding).await?;
    tx.commit().await
}

/// Adds a partner at the end; false when the organisation is already a partner that has not
/// left.
pub async fn add_coalition_partner(db: &Db, id: Uuid, partner: &PartnerView) -> Result<bool> {
    add_partner_line(db, id, partner, "").await
}

/// Adds a partner that is not on the map yet, invited at `email`; false when a partner of that
/// name is already in (and did not leave).
pub async fn add_newcomer_partner(
    db: &Db,
    id: Uuid,
    partner: &PartnerView,
    email: &str,
) -> Result<bool> {
    let sql = "SELECT COUNT(*) FROM coalition_partners WHERE coalition_id = $1 \
        AND LOWER(name) = LOWER($2) AND standing <> 'left'";
    let same: i64 = on_pool!(db, p => sqlx::query_scalar(sql).bind(id).bind(partner.name.trim())
        .fetch_one(p).await?);
    if same > 0 {
        return Ok(false);
    }
    add_partner_line(db, id, partner, email).await
}

/// The organisation `organisation` that `email` just registered takes the partner lines it was
/// invited to; returns the coalitions.
pub async fn link_newcomer_partners(db: &Db, email: &str, organisation: Uuid) -> Result<Vec<Uuid>> {
    let sql = "UPDATE coalition_partners SET organization_id = $1, invited_email = '' \
        WHERE invited_email = $2 AND organization_id IS NULL AND standing = 'invited' \
        RETURNING coalition_id";
    Ok(
        on_pool!(db, p => sqlx::query_scalar(sql).bind(organisation).bind(email)
        .fetch_all(p).await?),
    )
}

async fn add_partner_line(db: &Db, id: Uuid, partner: &PartnerView, email: &str) -> Result<bool> {
    let mut tx = db.begin().await?;
    if let Some(org) = partner.organisation_id {
        // One who left may be asked again: the old line goes, the new one comes.
        let sql =
            "DELETE FROM coalition_partners WHERE coalition_id = $1 AND organization_id = $2 \
            AND standing = 'left'";
        on_tx!(&mut tx, t => sqlx::query(sql).bind(id).bind(org).execute(t).await.map(drop)?);
    }
    let sql = "INSERT INTO coalition_partners (coalition_id, position, organization_id, name, role, gives, gets, standing, invited_email) \
        SELECT $1, COALESCE((SELECT MAX(position) + 1 FROM coalition_partners WHERE coalition_id = $1), 0), \
        $2, $3, $4, $5, $6, $7, $8 \
        WHERE $2 IS NULL OR NOT EXISTS (SELECT 1 FROM coalition_partners WHERE coalition_id = $1 AND organization_id = $2)";
    let added = on_tx!(&mut tx, t => sqlx::query(sql)
        .bind(id).bind(partner.organisation_id).bind(partner.name.trim()).bind(&partner.role)
        .bind(partner.gives.trim()).bind(partner.gets.trim()).bind(&partner.standing).bind(email)
        .execute(t).await?.rows_affected());
    on_tx!(&mut tx, t => sqlx::query("UPDATE coalitions SET updated_at = $2 WHERE id = $1")
        .bind(id).bind(Utc::now()).execute(t).await.map(drop)?);
    tx.commit().await?;
    Ok(added == 1)
}

/// Moves an organisation's standing in a coalition from one of `from` to `to`, in one
/// statement; false when it was not in one of those.
pub async fn set_partner_standing(
    db: &Db,
    id: Uuid,
    organisation: Uuid,
    from: &[&str],
    to: &str,
) -> Result<bool> {
    let (a, b) = (
        from.first().copied().unwrap_or(""),
        from.get(1).copied().unwrap_or(""),
    );
    let sql = "UPDATE coalition_partners SET standing = $3 WHERE coalition_id = $1 \
        AND organization_id = $2 AND standing IN ($4, $5)";
    let moved = on_pool!(db, p => sqlx::query(sql).bind(id).bind(organisation).bind(to)
        .bind(a).bind(b).execute(p).await?.rows_affected());
    Ok(moved > 0)
}

/// A funding warning that is due: which coalition, which line, how many days are left.
#[derive(Debug, Clone)]
pub struct FundingDue {
    /// The coalition.
    pub coalition_id: Uuid,
    /// Who pays.
    pub source: String,
    /// The last day.
    pub ends_on: NaiveDate,
}

/// Claims the funding warnings that are due on `today` (90 days: lines ending in 31 to 90
/// days; 30 days: in 0 to 30), each once: a compare-and-set per line, so with several nodes
/// exactly one sends each mail. Coalitions that ended get none.
pub async fn claim_funding_warnings(db: &Db, today: NaiveDate) -> Result<Vec<FundingDue>> {
    let mut claimed = Vec::new();
    for (column, from, to) in [("warned_30_at", 0, 30), ("warned_90_at", 31, 90)] {
        let sql = format!(
            "SELECT f.id, f.coalition_id, f.source, f.ends_on FROM coalition_funding f \
             JOIN coalitions c ON c.id = f.coalition_id WHERE c.status <> 'ended' \
             AND f.{column} IS NULL AND f.ends_on >= $1 AND f.ends_on <= $2 ORDER BY f.ends_on LIMIT 200"
        );
        let due: Vec<(Uuid, Uuid, String, NaiveDate)> = on_pool!(db, p => sqlx::query_as(&sql)
            .bind(today + Duration::days(from)).bind(today + Duration::days(to))
            .fetch_all(p).await?);
        let sql = format!(
            "UPDATE coalition_funding SET {column} = $2 WHERE id = $1 AND {column} IS NULL"
        );
        for (line, coalition_id, source, ends_on) in due {
            let won = on_pool!(db, p => sqlx::query(&sql).bind(line).bind(Utc::now())
                .execute(p).await?.rows_affected());
            if won == 1 {
                claimed.push(FundingDue {
                    coalition_id,
                    source,
                    ends_on,
                });
            }
        }
    }
    Ok(claimed)
}

/// Claims the running coalitions that have been quiet (no note, and not made) since `before`
/// and got no reminder in this quiet spell: once each, with several nodes too.
pub async fn claim_quiet_coalitions(db: &Db, before: DateTime<Utc>) -> Result<Vec<Uuid>> {
    // The last sign of life: the newest note, or the coalition's start.
    const LAST: &str = "COALESCE((SELECT MAX(n.created_at) FROM coalition_notes n \
        WHERE n.coalition_id = coalitions.id), coalitions.created_at)";
    let sql = format!(
        "SELECT id FROM coalitions WHERE status IN ('forming', 'active') AND {LAST} < $1 \
         AND (quiet_reminded_at IS NULL OR quiet_reminded_at < {LAST}) LIMIT 200"
    );
    let due: Vec<Uuid> =
        on_pool!(db, p => sqlx::query_scalar(&sql).bind(before).fetch_all(p).await?);
    let sql = format!(
        "UPDATE coalitions SET quiet_reminded_at = $2 WHERE id = $1 \
         AND (quiet_reminded_at IS NULL OR quiet_reminded_at < {LAST})"
    );
    let mut claimed = Vec::new();
    for id in due {
        let won = on_pool!(db, p => sqlx::query(&sql).bind(id).bind(Utc::now())
            .execute(p).await?.rows_affected());
        if won == 1 {
            claimed.push(id);
        }
    }
    Ok(claimed)
}

/// The name of an approved organisation on the map.
pub async fn approved_organisation_name(db: &Db, organisation: Uuid) -> Result<Option<String>> {
    let sql = "SELECT name FROM organizations WHERE id = $1 AND review_status = 'approved'";
    Ok(on_pool!(db, p => sqlx::query_scalar(sql).bind(organisation).fetch_optional(p).await?))
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

/// Adds a "tellen en vertellen" note; returns its id.
pub async fn add_coalition_note(db: &Db, id: Uuid, note: &NoteView) -> Result<Uuid> {
    let story = note.story.trim();
    let label = note.label.trim();
    if note.number.is_none() && story.is_empty() {
        return Err(Error::Invalid(
            "Schrijf een getal of een kort verhaal.".into(),
        ));
    }
    if note
        .outcomes
        .iter()
        .any(|o| !OUTCOMES.contains(&o.as_str()))
    {
        return Err(Error::Invalid(
            "De uitkomsten zijn erkend, verbonden, opgelucht en van-betekenis.".into(),
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
    let sql = "INSERT INTO coalition_notes (id, coalition_id, written_on, label, number, story, created_at, outcomes) \
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8)";
    let outcomes: Vec<&str> = OUTCOMES
        .into_iter()
        .filter(|o| note.outcomes.iter().any(|n| n == o))
        .collect();
    let note_id = Uuid::new_v4();
    on_pool!(db, p => sqlx::query(sql)
        .bind(note_id).bind(id).bind(written_on).bind(label).bind(note.number)
        .bind(story).bind(Utc::now()).bind(outcomes.join(","))
        .execute(p).await.map(drop)?);
    Ok(note_id)
}

/// Sets (or replaces) the photo of note `note` of coalition `id`; `NotFound` when the note is not
/// one of that coalition's.
pub async fn set_note_photo(
    db: &Db,
    id: Uuid,
    note: Uuid,
    alt: &str,
    photo: &crate::photo::Prepared,
) -> Result<()> {
    let sql = "INSERT INTO coalition_note_photos (note_id, alt, width, height, jpeg, created_at) \
        SELECT $1, $2, $3, $4, $5, $6 WHERE EXISTS \
            (SELECT 1 FROM coalition_notes WHERE id = $1 AND coalition_id = $7) \
        ON CONFLICT (note_id) DO UPDATE SET alt = excluded.alt, width = excluded.width, \
            height = excluded.height, jpeg = excluded.jpeg, created_at = excluded.created_at";
    let (width, height) = (photo.width as i32, photo.height as i32);
    let written = on_pool!(db, p => sqlx::query(sql)
        .bind(note).bind(alt).bind(width).bind(height).bind(&photo.jpeg).bind(Utc::now()).bind(id)
        .execute(p).await?.rows_affected());
    if written == 0 {
        return Err(Error::NotFound);
    }
    Ok(())
}

/// Removes the photo of note `note` of coalition `id`; `NotFound` when there is none.
pub async fn remove_note_photo(db: &Db, id: Uuid, note: Uuid) -> Result<()> {
    let sql = "DELETE FROM coalition_note_photos WHERE note_id = $1 AND note_id IN \
        (SELECT id FROM coalition_notes WHERE coalition_id = $2)";
    let removed = on_pool!(db, p => sqlx::query(sql).bind(note).bind(id)
        .execute(p).await?.rows_affected());
    if removed == 0 {
        return Err(Error::NotFound);
    }
    Ok(())
}

/// The JPEG of note `note` of coalition `id`.
pub async fn note_photo(db: &Db, id: Uuid, note: Uuid) -> Result<Vec<u8>> {
    let sql = "SELECT p.jpeg FROM coalition_note_photos p \
        JOIN coalition_notes n ON n.id = p.note_id WHERE p.note_id = $1 AND n.coalition_id = $2";
    let found: Option<(Vec<u8>,)> =
        on_pool!(db, p => sqlx::query_as(sql).bind(note).bind(id).fetch_optional(p).await?);
    found.map(|(jpeg,)| jpeg).ok_or(Error::NotFound)
}

fn days_left(ends: Option<NaiveDate>, status: &str, today: NaiveDate) -> Option<i64> {
    let days = (ends? - today).num_days();
    (status != "ended" && days <= FUNDING_WARNING_DAYS).then_some(days)
}

async fn views(db: &Db, rows: Vec<CoalitionRow>) -> Result<Vec<CoalitionView>> {
    let today = Utc::now().date_naive();
    let mut out = Vec::with_capacity(rows.len());
    for r in rows {
        let sql =
            "SELECT organization_id, name, role, gives, gets, standing FROM coalition_partners \
            WHERE coalition_id = $1 ORDER BY position";
        let partners: Vec<(Option<Uuid>, String, String, String, String, String)> =
            on_pool!(db, p => sqlx::query_as(sql).bind(r.id).fetch_all(p).await?);
        let sql =
            "SELECT n.written_on, n.label, n.number, n.story, n.created_at, n.outcomes, n.id, \
            p.alt, p.width, p.height FROM coalition_notes n \
            LEFT JOIN coalition_note_photos p ON p.note_id = n.id \
            WHERE n.coalition_id = $1 ORDER BY n.written_on DESC, n.created_at DESC";
        let notes: Vec<NoteRow> =
            on_pool!(db, p => sqlx::query_as(sql).bind(r.id).fetch_all(p).await?);
        let sql = "SELECT source, amount_euros, starts_on, ends_on FROM coalition_funding \
            WHERE coalition_id = $1 ORDER BY position";
        let funding: Vec<FundingRow> =
            on_pool!(db, p => sqlx::query_as(sql).bind(r.id).fetch_all(p).await?);
        let first_end = funding.iter().filter_map(|f| f.3).min();
        let last_sign = notes.iter().map(|n| n.4).max().unwrap_or(r.created_at);
        let day = |d: NaiveDate| d.format("%Y-%m-%d").to_string();
        out.push(CoalitionView {
            funding_days_left: days_left(first_end, &r.status, today),
            quiet: matches!(r.status.as_str(), "forming" | "active")
                && last_sign < Utc::now() - Duration::days(QUIET_DAYS),
            funding_source: funding
                .iter()
                .map(|f| f.0.as_str())
                .collect::<Vec<_>>()
                .join("; "),
            funding_ends_on: first_end.map(day),
            funding: funding
                .iter()
                .map(|(source, amount_euros, starts_on, ends_on)| FundingLine {
                    source: source.clone(),
                    amount_euros: *amount_euros,
                    starts_on: starts_on.map(day),
                    ends_on: ends_on.map(day),
                })
                .collect(),
            id: r.id,
            name: r.name,
            goal: r.goal,
            status: r.status,
            gemeente: r.gemeente_code,
            need_id: r.need_id,
            link_person: r.link_person,
            link_contact: r.link_contact,
            deputy_person: r.deputy_person,
            deputy_contact: r.deputy_contact,
            status_reason: r.status_reason,
            venue: r.venue,
            participants: r.participants,
            partners: partners
                .into_iter()
                .map(
                    |(organisation_id, name, role, gives, gets, standing)| PartnerView {
                        organisation_id,
                        name,
                        role,
                        gives,
                        gets,
                        standing,
                    },
                )
                .collect(),
            notes: notes
                .into_iter()
                .map(
                    |(written_on, label, number, story, _, outcomes, id, alt, width, height)| {
                        NoteView {
                            id: Some(id),
                            photo: match (alt, width, height) {
                                (Some(alt), Some(width), Some(height)) => Some(NotePhoto {
                                    alt,
                                    width: width as u32,
                                    height: height as u32,
                                }),
                                _ => None,
                            },
                            written_on: written_on.format("%Y-%m-%d").to_string(),
                            label,
                            number,
                            story,
                            outcomes: outcomes
                                .split(',')
                                .filter(|o| !o.is_empty())
                                .map(String::from)
                                .collect(),
                        }
                    },
                )
                .collect(),
        });
    }
    Ok(out)
}

/// (offer, coalition): the offer each coalition's need belongs to, oldest coalition first (an
/// offer is delivered under one HSDS program: the first coalition that took it up).
pub async fn coalition_services(db: &Db) -> Result<Vec<(Uuid, Uuid)>> {
    let sql = "SELECT n.service_id, c.id FROM coalitions c JOIN needs n ON n.id = c.need_id \
        WHERE n.service_id IS NOT NULL ORDER BY c.created_at, c.id";
    Ok(on_pool!(db, p => sqlx::query_as(sql).fetch_all(p).await?))
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
