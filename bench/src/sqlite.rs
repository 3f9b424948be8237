//! The alternative a municipality might pick: SQLite FTS5 for text and an R*Tree for places.

use index::{LatLon, OfferDoc};
use rusqlite::{params, Connection};

use crate::queries::Query;

pub struct Sqlite {
    pub path: std::path::PathBuf,
}

fn fts_match(text: &str, prefix: bool) -> String {
    text.split_whitespace()
        .map(|w| {
            format!(
                "\"{}\"{}",
                w.replace('"', ""),
                if prefix { "*" } else { "" }
            )
        })
        .collect::<Vec<_>>()
        .join(" OR ")
}

/// A bounding box around a circle (lat/lon degrees).
fn bbox(at: LatLon, radius_km: f64) -> (f64, f64, f64, f64) {
    let dlat = radius_km / 110.574 * 1.01;
    let dlon = radius_km / (111.320 * at.lat().to_radians().cos()) * 1.01;
    (
        at.lat() - dlat,
        at.lat() + dlat,
        at.lon() - dlon,
        at.lon() + dlon,
    )
}

impl Sqlite {
    pub fn build(path: &std::path::Path, docs: &[OfferDoc]) -> Sqlite {
        let mut conn = Connection::open(path).expect("sqlite opens");
        conn.execute_batch(
            "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;
             CREATE TABLE offers(id INTEGER PRIMARY KEY, uid BLOB, name TEXT, description TEXT,
               kind TEXT, free INT, active INT, lat REAL, lon REAL);
             CREATE VIRTUAL TABLE fts USING fts5(name, description, content='offers',
               content_rowid='id', tokenize='unicode61 remove_diacritics 2');
             CREATE VIRTUAL TABLE geo USING rtree(id, minlat, maxlat, minlon, maxlon);",
        )
        .expect("schema");
        let tx = conn.transaction().expect("tx");
        for (i, d) in docs.iter().enumerate() {
            insert(&tx, i as i64 + 1, d);
        }
        tx.commit().expect("commit");
        conn.execute_batch("INSERT INTO fts(fts) VALUES('optimize');")
            .expect("optimize");
        Sqlite {
            path: path.to_path_buf(),
        }
    }

    pub fn connect(&self) -> Connection {
        let conn = Connection::open(&self.path).expect("sqlite opens");
        conn.execute_batch("PRAGMA query_only = 1; PRAGMA cache_size = -200000;")
            .expect("pragma");
        conn
    }

    pub fn update(&self, batches: &[Vec<OfferDoc>], first_rowid: i64) {
        let mut conn = Connection::open(&self.path).expect("sqlite opens");
        let mut rowid = first_rowid;
        for batch in batches {
            let tx = conn.transaction().expect("tx");
            for d in batch {
                // External-content FTS: delete the old row's terms, then write the new ones.
                tx.execute(
                    "INSERT INTO fts(fts, rowid, name, description) SELECT 'delete', id, name, description FROM offers WHERE id = ?1",
                    params![rowid],
                )
                .expect("fts delete");
                tx.execute("DELETE FROM offers WHERE id = ?1", params![rowid])
                    .expect("delete");
                tx.execute("DELETE FROM geo WHERE id = ?1", params![rowid])
                    .expect("delete geo");
                insert(&tx, rowid, d);
                rowid += 1;
            }
            tx.commit().expect("commit");
        }
    }
}

fn insert(tx: &rusqlite::Transaction<'_>, rowid: i64, d: &OfferDoc) {
    let (lat, lon) = (d.lat.unwrap_or(0.0), d.lon.unwrap_or(0.0));
    tx.execute(
        "INSERT INTO offers VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![
            rowid,
            d.offer_id.as_u128().to_be_bytes().to_vec(),
            d.name,
            d.description,
            d.kind,
            d.free,
            d.is_active(),
            lat,
            lon
        ],
    )
    .expect("insert");
    tx.execute(
        "INSERT INTO fts(rowid, name, description) VALUES (?1, ?2, ?3)",
        params![rowid, d.name, d.description],
    )
    .expect("insert fts");
    tx.execute(
        "INSERT INTO geo VALUES (?1, ?2, ?2, ?3, ?3)",
        params![rowid, lat, lon],
    )
    .expect("insert geo");
}

fn uid(bytes: Vec<u8>) -> u128 {
    let mut b = [0u8; 16];
    b.copy_from_slice(&bytes[..16]);
    u128::from_be_bytes(b)
}

/// Runs one query the way an application on SQLite would: SQL for the candidates, exact
/// distance and blending in the application. Returns the total and the ids of the first page.
pub fn run(conn: &Connection, q: &Query) -> (usize, Vec<u128>) {
    match (q.text.is_empty(), q.near) {
        (false, None) => {
            let m = fts_match(&q.text, q.class == crate::queries::Class::Prefix);
            let total: i64 = conn
                .prepare_cached("SELECT count(*) FROM fts JOIN offers o ON o.id = fts.rowid WHERE fts MATCH ?1 AND o.active = 1")
                .and_then(|mut s| s.query_row(params![m], |r| r.get(0)))
                .unwrap_or(0);
            let mut stmt = conn
                .prepare_cached(
                    "SELECT o.uid FROM fts JOIN offers o ON o.id = fts.rowid WHERE fts MATCH ?1 AND o.active = 1 \
                     ORDER BY bm25(fts, 3.0, 1.0) LIMIT 20",
                )
                .expect("prepare");
            let ids = stmt
                .query_map(params![m], |r| r.get::<_, Vec<u8>>(0))
                .expect("query")
                .flatten()
                .map(uid)
                .collect();
            (total as usize, ids)
        }
        (_, Some(at)) => {
            let radius = q.radius_km.unwrap_or(10.0);
            let (s, n, w, e) = bbox(at, radius);
            let mut rows: Vec<(f64, f64, u128)> = Vec::new();
            if q.text.is_empty() {
                let mut stmt = conn
                    .prepare_cached(
                        "SELECT o.uid, o.lat, o.lon FROM geo g JOIN offers o ON o.id = g.id \
                         WHERE g.minlat >= ?1 AND g.maxlat <= ?2 AND g.minlon >= ?3 AND g.maxlon <= ?4 \
                         AND o.active = 1 AND (?5 IS NULL OR o.kind = ?5) AND (?6 = 0 OR o.free = 1)",
                    )
                    .expect("prepare");
                let found = stmt
                    .query_map(params![s, n, w, e, q.kind, q.free_only], |r| {
                        Ok((r.get::<_, Vec<u8>>(0)?, r.get(1)?, r.get(2)?))
                    })
                    .expect("query");
                for (id, lat, lon) in found.flatten() {
                    let d = at.distance_km(LatLon::parse(lat, lon).expect("valid"));
                    if d <= radius {
                        rows.push((d, 1.0, uid(id)));
                    }
                }
            } else {
                let m = fts_match(&q.text, false);
                let mut stmt = conn
                    .prepare_cached(
                        "SELECT o.uid, o.lat, o.lon, bm25(fts, 3.0, 1.0) FROM fts JOIN offers o ON o.id = fts.rowid \
                         JOIN geo g ON g.id = o.id WHERE fts MATCH ?1 AND o.active = 1 \
                         AND g.minlat >= ?2 AND g.maxlat <= ?3 AND g.minlon >= ?4 AND g.maxlon <= ?5",
                    )
                    .expect("prepare");
                let found = stmt
                    .query_map(params![m, s, n, w, e], |r| {
                        Ok((
                            r.get::<_, Vec<u8>>(0)?,
                            r.get::<_, f64>(1)?,
                            r.get::<_, f64>(2)?,
                            r.get::<_, f64>(3)?,
                        ))
                    })
                    .expect("query");
                for (id, lat, lon, bm25) in found.flatten() {
                    let d = at.distance_km(LatLon::parse(lat, lon).expect("valid"));
                    if d <= radius {
                        // bm25() is negative: lower is better. Same blend as ours.
                        rows.push((d, -bm25 * (0.5 + 0.5 * 0.5f64.powf(d / 3.0)), uid(id)));
                    }
                }
            }
            let total = rows.len();
            if q.by_distance {
                rows.sort_by(|a, b| a.0.total_cmp(&b.0));
            } else {
                rows.sort_by(|a, b| b.1.total_cmp(&a.1));
            }
            (total, rows.into_iter().take(20).map(|r| r.2).collect())
        }
        (true, None) => (0, Vec::new()),
    }
}
