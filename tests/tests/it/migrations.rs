//! The migrations of both backends give the same schema with the same rules.

use app::db::Db;

use crate::support::on_both_backends;
use crate::support::test_app::fresh_database;

async fn fresh_db(backend: crate::support::Backend, dir: &std::path::Path) -> Db {
    let url = fresh_database(backend)
        .await
        .map(|u| u.expose().to_string())
        .unwrap_or_else(|| format!("sqlite://{}", dir.join("test.db").display()));
    let db = Db::connect(&url).await.unwrap();
    db.migrate().await.unwrap();
    db
}

on_both_backends! {
    async fn migrations_run_on_an_empty_database_and_again_without_harm(backend) {
        let dir = tempfile::tempdir().unwrap();
        let db = fresh_db(backend, dir.path()).await;

        db.migrate().await.unwrap();

        let terms: i64 = app::on_pool!(&db, p => sqlx::query_scalar("SELECT COUNT(*) FROM taxonomy_terms").fetch_one(p).await.unwrap());
        // As many as `data/taxonomy.json` holds: each once, however often the migrations run.
        let shipped: Vec<serde_json::Value> =
            serde_json::from_str(include_str!("../../../data/taxonomy.json")).unwrap();
        assert_eq!(terms, shipped.len() as i64, "the shipped taxonomy is loaded once");
        assert_eq!(db.count_offers().await.unwrap(), 0);
    }

    async fn the_database_refuses_an_age_range_that_ends_before_it_starts(backend) {
        let dir = tempfile::tempdir().unwrap();
        let db = fresh_db(backend, dir.path()).await;
        let org = uuid::Uuid::new_v4();
        let now = "2026-01-01T00:00:00Z";
        app::on_pool!(&db, p => sqlx::query("INSERT INTO organizations (id, name, created_at, updated_at) VALUES ($1, 'Club', $2, $2)")
            .bind(org).bind(now.parse::<chrono::DateTime<chrono::Utc>>().unwrap()).execute(p).await.map(drop).unwrap());

        let result = app::on_pool!(&db, p => sqlx::query(
            "INSERT INTO services (id, organization_id, name, kind, minimum_age, maximum_age, created_at, updated_at) \
             VALUES ($1, $2, 'Voetbal', 'vereniging', 12, 6, $3, $3)")
            .bind(uuid::Uuid::new_v4()).bind(org).bind(now.parse::<chrono::DateTime<chrono::Utc>>().unwrap())
            .execute(p).await.map(drop));

        assert!(result.is_err(), "min age above max age must be refused");
    }

    async fn deleting_an_organisation_deletes_its_offers_and_locations(backend) {
        let dir = tempfile::tempdir().unwrap();
        let db = fresh_db(backend, dir.path()).await;
        app::db::save_dataset(&db, &server::demo::dataset()).await.unwrap();
        let before = db.count_offers().await.unwrap();
        let org = server::demo::demo_id("org:vv-de-meern");

        app::on_pool!(&db, p => sqlx::query("DELETE FROM organizations WHERE id = $1").bind(org).execute(p).await.map(drop).unwrap());

        assert_eq!(db.count_offers().await.unwrap(), before - 2);
        let locations: i64 = app::on_pool!(&db, p => sqlx::query_scalar("SELECT COUNT(*) FROM locations WHERE organization_id = $1").bind(org).fetch_one(p).await.unwrap());
        assert_eq!(locations, 0);
    }
}
