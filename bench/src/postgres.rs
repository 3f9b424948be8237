//! PostgreSQL full-text search (dutch configuration, GIN) with PostGIS (GiST on geography),
//! as a municipality running PostgreSQL would set it up. Only runs when `BENCH_PG_URL` is set.

use index::{LatLon, OfferDoc};
use sqlx::postgres::{PgPool, PgPoolOptions};
use sqlx::Row;
use tokio::runtime::Runtime;

use crate::queries::{Class, Query};

pub struct Postgres {
    pub rt: Runtime,
    pub pool: PgPool,
    table: String,
}

impl Postgres {
    pub fn build(url: &str, size: usize, docs: &[OfferDoc]) -> anyhow::Result<Postgres> {
        let rt = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()?;
        let table = format!("bench_offers_{size}");
        let pool = rt.block_on(PgPoolOptions::new().max_connections(4).connect(url))?;
        rt.block_on(async {
            sqlx::query("CREATE EXTENSION IF NOT EXISTS postgis").execute(&pool).await?;
            sqlx::query(&format!("DROP TABLE IF EXISTS {table}")).execute(&pool).await?;
            sqlx::query(&format!(
                "CREATE TABLE {table} (id BIGINT PRIMARY KEY, uid UUID NOT NULL, name TEXT, description TEXT, \
                 kind TEXT, free BOOLEAN, active BOOLEAN, geog geography(Point, 4326), tsv tsvector)"
            ))
            .execute(&pool)
            .await?;
            for (n, chunk) in docs.chunks(5000).enumerate() {
                Postgres::insert(&pool, &table, (n * 5000) as i64, chunk).await?;
            }
            sqlx::query(&format!("CREATE INDEX ON {table} USING GIN (tsv)")).execute(&pool).await?;
            sqlx::query(&format!("CREATE INDEX ON {table} USING GIST (geog)")).execute(&pool).await?;
            sqlx::query(&format!("ANALYZE {table}")).execute(&pool).await?;
            Ok::<_, anyhow::Error>(())
        })?;
        Ok(Postgres { rt, pool, table })
    }

    async fn insert(
        pool: &PgPool,
        table: &str,
        first: i64,
        docs: &[OfferDoc],
    ) -> anyhow::Result<()> {
        let ids: Vec<i64> = (0..docs.len() as i64).map(|i| first + i + 1).collect();
        let uids: Vec<uuid::Uuid> = docs.iter().map(|d| d.offer_id).collect();
        let names: Vec<String> = docs.iter().map(|d| d.name.clone()).collect();
        let descriptions: Vec<String> = docs.iter().map(|d| d.description.clone()).collect();
        let kinds: Vec<String> = docs.iter().map(|d| d.kind.clone()).collect();
        let free: Vec<bool> = docs.iter().map(|d| d.free).collect();
        let active: Vec<bool> = docs.iter().map(OfferDoc::is_active).collect();
        let lats: Vec<f64> = docs.iter().map(|d| d.lat.unwrap_or(0.0)).collect();
        let lons: Vec<f64> = docs.iter().map(|d| d.lon.unwrap_or(0.0)).collect();
        sqlx::query(&format!(
            "INSERT INTO {table} SELECT id, uid, name, description, kind, free, active, \
             ST_SetSRID(ST_MakePoint(lon, lat), 4326)::geography, \
             setweight(to_tsvector('dutch', name), 'A') || setweight(to_tsvector('dutch', description), 'B') \
             FROM UNNEST($1::bigint[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::bool[], \
             $7::bool[], $8::float8[], $9::float8[]) AS t(id, uid, name, description, kind, free, active, lat, lon)"
        ))
        .bind(ids).bind(uids).bind(names).bind(descriptions).bind(kinds).bind(free).bind(active).bind(lats).bind(lons)
        .execute(pool)
        .await?;
        Ok(())
    }

    pub fn update(&self, batches: &[Vec<OfferDoc>]) -> anyhow::Result<()> {
        self.rt.block_on(async {
            let mut first = 0;
            for batch in batches {
                let mut tx = self.pool.begin().await?;
                let ids: Vec<i64> = (0..batch.len() as i64).map(|i| first + i + 1).collect();
                sqlx::query(&format!("DELETE FROM {} WHERE id = ANY($1)", self.table))
                    .bind(&ids)
                    .execute(&mut *tx)
                    .await?;
                tx.commit().await?;
                Postgres::insert(&self.pool, &self.table, first, batch).await?;
                first += batch.len() as i64;
            }
            Ok(())
        })
    }

    fn tsquery(q: &Query) -> String {
        let star = if q.class == Class::Prefix { ":*" } else { "" };
        q.text
            .split_whitespace()
            .map(|w| {
                format!(
                    "{}{star}",
                    w.replace(['\'', '&', '|', '!', ':', '(', ')'], "")
                )
            })
            .collect::<Vec<_>>()
            .join(" | ")
    }

    pub fn run(&self, q: &Query) -> (usize, Vec<u128>) {
        let t = &self.table;
        self.rt.block_on(async {
            let ts = Postgres::tsquery(q);
            match (q.text.is_empty(), q.near) {
                (false, None) => {
                    let total: i64 = sqlx::query_scalar(&format!(
                        "SELECT count(*) FROM {t} WHERE active AND tsv @@ to_tsquery('dutch', $1)"
                    ))
                    .bind(&ts)
                    .fetch_one(&self.pool)
                    .await
                    .unwrap_or(0);
                    let rows = sqlx::query(&format!(
                        "SELECT uid FROM {t} WHERE active AND tsv @@ to_tsquery('dutch', $1) \
                         ORDER BY ts_rank(tsv, to_tsquery('dutch', $1)) DESC LIMIT 20"
                    ))
                    .bind(&ts)
                    .fetch_all(&self.pool)
                    .await
                    .unwrap_or_default();
                    (
                        total as usize,
                        rows.iter()
                            .map(|r| r.get::<uuid::Uuid, _>(0).as_u128())
                            .collect(),
                    )
                }
                (_, Some(at)) => self.near(q, at, &ts).await,
                (true, None) => (0, vec![]),
            }
        })
    }

    async fn near(&self, q: &Query, at: LatLon, ts: &str) -> (usize, Vec<u128>) {
        let t = &self.table;
        let metres = q.radius_km.unwrap_or(10.0) * 1000.0;
        let point = "ST_SetSRID(ST_MakePoint($2, $3), 4326)::geography";
        let rows = if q.text.is_empty() {
            sqlx::query(&format!(
                "SELECT uid, ST_Distance(geog, {point}) / 1000.0 AS km, 1.0::float8 AS rank FROM {t} \
                 WHERE active AND ST_DWithin(geog, {point}, $4) AND ($5::text IS NULL OR kind = $5) \
                 AND (NOT $6 OR free) AND $1 = $1"
            ))
            .bind(ts).bind(at.lon()).bind(at.lat()).bind(metres).bind(q.kind).bind(q.free_only)
            .fetch_all(&self.pool)
            .await
        } else {
            sqlx::query(&format!(
                "SELECT uid, ST_Distance(geog, {point}) / 1000.0 AS km, \
                 ts_rank(tsv, to_tsquery('dutch', $1))::float8 AS rank FROM {t} \
                 WHERE active AND tsv @@ to_tsquery('dutch', $1) AND ST_DWithin(geog, {point}, $4)"
            ))
            .bind(ts).bind(at.lon()).bind(at.lat()).bind(metres)
            .fetch_all(&self.pool)
            .await
        }
        .unwrap_or_default();
        let mut hits: Vec<(f64, f64, u128)> = rows
            .iter()
            .map(|r| {
                let km: f64 = r.get(1);
                let rank: f64 = r.get(2);
                (
                    km,
                    rank * (0.5 + 0.5 * 0.5f64.powf(km / 3.0)),
                    r.get::<uuid::Uuid, _>(0).as_u128(),
                )
            })
            .collect();
        if q.by_distance {
            hits.sort_by(|a, b| a.0.total_cmp(&b.0));
        } else {
            hits.sort_by(|a, b| b.1.total_cmp(&a.1));
        }
        (hits.len(), hits.into_iter().take(20).map(|h| h.2).collect())
    }

    /// Table plus its indexes, in MB.
    pub fn size_mb(&self) -> f64 {
        let sql = format!("SELECT pg_total_relation_size('{}')::float8", self.table);
        self.rt
            .block_on(sqlx::query_scalar::<_, f64>(&sql).fetch_one(&self.pool))
            .unwrap_or(0.0)
            / 1e6
    }

    pub fn drop_table(&self) {
        let _ = self.rt.block_on(
            sqlx::query(&format!("DROP TABLE IF EXISTS {}", self.table)).execute(&self.pool),
        );
    }
}
