//! One storage story, run on both backends: save, read back, save again, index.

use app::db::{self, Dataset, LocationRecord, OrganisationRecord, ServiceRecord};
use uuid::Uuid;

use crate::support::{on_both_backends, TestApp};

fn small_dataset(name: &str) -> Dataset {
    let org = OrganisationRecord {
        id: Uuid::from_u128(1),
        name: "Buurthuis Test".into(),
        ..Default::default()
    };
    let loc = LocationRecord {
        id: Uuid::from_u128(2),
        organization_id: org.id,
        name: "Buurthuis Test".into(),
        address_1: "Dorpsstraat 1".into(),
        postal_code: "3454 ab".into(),
        city: "De Meern".into(),
        ..Default::default()
    };
    let service = ServiceRecord {
        id: Uuid::from_u128(3),
        organization_id: org.id,
        name: name.into(),
        description: "Samen koken en eten.".into(),
        kind: "buurthuis".into(),
        status: "active".into(),
        is_free: true,
        location_ids: vec![loc.id],
        terms: vec![("leefgebied".into(), "meedoen".into())],
        languages: vec!["nl".into(), "ar".into()],
        schedules: vec![
            app::db::ScheduleRecord {
                weekday: 4,
                opens_at: "17:30".into(),
                closes_at: "19:30".into(),
                ..Default::default()
            },
            app::db::ScheduleRecord {
                weekday: 2,
                opens_at: "10:00".into(),
                closes_at: "11:00".into(),
                rule: "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU".into(),
                dtstart: chrono::NaiveDate::from_ymd_opt(2026, 1, 6),
                ..Default::default()
            },
        ],
        ..Default::default()
    };
    Dataset {
        organisations: vec![org],
        locations: vec![loc],
        services: vec![service],
        needs: vec![],
        talent_entries: vec![],
    }
}

on_both_backends! {
    async fn saved_offers_read_back_whole_and_saving_again_updates_instead_of_duplicating(backend) {
        let app = TestApp::empty(backend).await;
        let db = &app.state.db;

        db::save_dataset(db, &small_dataset("Samen eten")).await.unwrap();
        db::save_dataset(db, &small_dataset("Samen eten op donderdag")).await.unwrap();

        assert_eq!(db.count_offers().await.unwrap(), 1);
        let detail = app::service::cards::offer_page(&app.state, Uuid::from_u128(3), app::i18n::Lang::Nl).await.unwrap();
        assert_eq!(detail.name, "Samen eten op donderdag");
        let words: Vec<String> = detail.schedule.iter().map(|s| s.in_words(app::i18n::Lang::Nl)).collect();
        assert_eq!(words, ["om de week op dinsdag 10:00-11:00", "elke donderdag 17:30-19:30"]);
        assert!(detail.schedule[0].next.is_some(), "every other week from its start has a next time");
        let loaded = db::load_dataset(db, Some(&[Uuid::from_u128(3)])).await.unwrap();
        let rule = loaded.services[0].schedules.iter().find(|s| !s.rule.is_empty()).unwrap();
        assert_eq!(rule.rule, "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU");
        assert_eq!(rule.dtstart, chrono::NaiveDate::from_ymd_opt(2026, 1, 6));
        assert_eq!(detail.languages, vec!["Arabisch", "Nederlands"]);
        assert_eq!(detail.leefgebieden, vec!["Meedoen en contact"]);
        assert_eq!(detail.locations[0].wijk.as_deref(), Some("Vleuten-De Meern"), "postcode geocoded to its wijk");
        assert!(detail.free);
    }

    async fn the_index_is_built_from_the_database_and_finds_new_offers_after_a_reindex(backend) {
        let app = TestApp::empty(backend).await;
        db::save_dataset(&app.state.db, &small_dataset("Samen eten")).await.unwrap();

        let documents = server::reindex(&app.state).await.unwrap();

        assert_eq!(documents, 1);
        let (status, html) = app.get("/?q=samen+eten&waar=3454").await;
        assert_eq!(status, 200);
        assert!(html.contains("Samen eten"));
    }

    async fn a_rebuild_read_page_by_page_gets_every_document_that_reading_all_at_once_gets(backend) {
        let app = TestApp::demo(backend).await;
        let db = &app.state.db;
        let key = |d: &index::OfferDoc| (d.offer_id, d.location_id);
        let mut all = db::index_documents(db, None).await.unwrap();
        all.sort_by_key(key);

        // Pages of about 7 offers: offers with several locations, roles after offers.
        let mut paged = Vec::new();
        let mut pages = 0;
        for source in [db::DocumentSource::Offers, db::DocumentSource::Roles] {
            let mut cursor = db::rebuild_pages(db, source, 7).await.unwrap();
            while let Some(docs) = db::index_documents_page(db, &mut cursor).await.unwrap() {
                paged.extend(docs);
                pages += 1;
            }
        }
        paged.sort_by_key(key);

        assert!(pages > 10, "read in many pages: {pages}");
        assert!(all.iter().any(|d| d.kind == index::ROLE_KIND), "roles are in it");
        assert_eq!(paged.len(), all.len());
        for (p, a) in paged.iter().zip(&all) {
            assert_eq!(p, a, "the same documents, field by field");
        }
        assert_eq!(server::reindex(&app.state).await.unwrap(), all.len() as u64);
    }

    async fn an_invalid_postcode_in_data_is_refused_and_nothing_is_half_saved(backend) {
        let app = TestApp::empty(backend).await;
        let mut data = small_dataset("Samen eten");
        data.locations[0].postal_code = "12".into();

        let result = db::save_dataset(&app.state.db, &data).await;

        assert!(result.is_err());
        let orgs: i64 = app::on_pool!(&app.state.db, p => sqlx::query_scalar("SELECT COUNT(*) FROM organizations").fetch_one(p).await.unwrap());
        assert_eq!(orgs, 0, "the transaction rolled back");
    }
}

on_both_backends! {
    async fn expired_talent_entries_are_deleted_and_no_longer_counted(backend) {
        let app = TestApp::demo(backend).await;
        let db = &app.state.db;
        let today = chrono::Utc::now().date_naive();
        let entry = |n: u128, expires_on| app::db::TalentEntryRecord {
            id: Uuid::from_u128(n),
            talents: vec!["voetbal".into()],
            age: Some(20),
            postcode: "3454".into(),
            latitude: 52.078,
            longitude: 5.035,
            expires_on,
            contact: None,
        };
        let before = app::db::load_catalog(db).await.unwrap().talent_entries.len();
        app::db::save_talent_entry(db, &entry(900, today - chrono::Days::new(1))).await.unwrap();
        app::db::save_talent_entry(db, &entry(901, today + chrono::Days::new(10))).await.unwrap();

        assert_eq!(app::db::load_catalog(db).await.unwrap().talent_entries.len(), before + 1, "expired ones never count");
        assert_eq!(app::db::delete_expired_talent_entries(db, today).await.unwrap(), 1);
        assert_eq!(app::db::load_catalog(db).await.unwrap().talent_entries.len(), before + 1);
    }
}
