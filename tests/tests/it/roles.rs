//! Volunteer roles where residents look: in search beside offers, on their own page, and in
//! `/hsds/services`, so that an imported register comes back whole.

use std::collections::HashSet;
use std::time::{Duration, Instant};

use serde_json::Value;
use server::demo::demo_id;
use server::hsds::run::{import_services_with, read_services, ImportOptions};

use crate::support::{on_both_backends, Backend, TestApp};

const TRAINER: &str = "need:vv-de-meern-assistent-trainer";

fn ids(body: &Value) -> Vec<String> {
    body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["id"].as_str().unwrap().to_string())
        .collect()
}

/// Polls a search until `check` holds (the index follows the change log within a second).
async fn until(app: &TestApp, path: &str, check: impl Fn(&Value) -> bool) -> Value {
    let started = Instant::now();
    loop {
        let (status, body) = app.get_json(path).await;
        assert_eq!(status, 200, "{body}");
        if check(&body) {
            return body;
        }
        assert!(started.elapsed() < Duration::from_secs(5), "{path}: {body}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

on_both_backends! {
    async fn a_search_for_volunteer_work_finds_open_roles_with_their_own_label(backend) {
        let app = TestApp::demo(backend).await;
        let trainer = demo_id(TRAINER).to_string();

        let (status, body) = app.get_json("/api/v1/search?q=vrijwilligerswerk+voetbal&postcode=3454&radius_km=5").await;

        assert_eq!(status, 200, "{body}");
        let first = &body["items"][0];
        assert_eq!(first["id"], trainer, "{body}");
        assert_eq!(first["kind"], "vrijwilligerswerk");
        assert!(body["facets"]["kind"]["vrijwilligerswerk"].as_u64().unwrap() >= 1);
        let (_, only_roles) = app.get_json("/api/v1/search?kind=vrijwilligerswerk&postcode=3454&radius_km=10").await;
        assert!(only_roles["total"].as_u64().unwrap() >= 1);
        for item in only_roles["items"].as_array().unwrap() {
            assert_eq!(item["kind"], "vrijwilligerswerk", "{item}");
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_role_respects_its_ages_and_leaves_search_when_it_closes() {
    let app = TestApp::demo(Backend::Sqlite).await;
    let trainer = demo_id(TRAINER);
    let found = |body: &Value| ids(body).contains(&trainer.to_string());

    // 16 to 27: a child of 12 is not asked to train a team, a young adult of 19 is.
    let (_, child) = app
        .get_json("/api/v1/search?q=assistent-trainer&postcode=3454&radius_km=5&age=12")
        .await;
    assert!(!found(&child), "{child}");
    let (_, young) = app
        .get_json("/api/v1/search?q=assistent-trainer&postcode=3454&radius_km=5&age=19")
        .await;
    assert!(found(&young), "{young}");

    let (need, _) = app::db::need(&app.state.db, trainer)
        .await
        .unwrap()
        .unwrap();
    app::db::save_need(&app.state.db, need, false)
        .await
        .unwrap();
    until(
        &app,
        "/api/v1/search?q=assistent-trainer&postcode=3454&radius_km=5",
        |b| !found(b),
    )
    .await;
    let (status, _) = app.get(&format!("/aanbod/{trainer}")).await;
    assert_eq!(status, 404);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_role_has_a_page_that_says_what_it_asks_and_whom_to_contact() {
    let app = TestApp::demo(Backend::Sqlite).await;
    let trainer = demo_id(TRAINER);

    let (status, page) = app.get(&format!("/vraag/{trainer}")).await;

    assert_eq!(status, 200);
    assert!(page.contains("Assistent-trainer jeugd"), "{page}");
    assert!(page.contains("Vrijwilligerswerk"));
    assert!(page.contains("Wat het vraagt"));
    assert!(page.contains("woensdagmiddag en zaterdagochtend"));
    assert!(
        page.contains("id=\"ik-help-mee\""),
        "a role can be answered"
    );
    // No sign-up form and no report link: those are for offers.
    assert!(!page.contains(&format!("/aanbod/{trainer}/meedoen")));
    assert!(!page.contains(&format!("/aanbod/{trainer}/melden")));
    // "Ik kan iets" suggests the role and links to its page, not to the club's offer.
    let (_, talents) = app.get("/ik-kan-iets?talent=voetbal&waar=3454").await;
    assert!(
        talents.contains(&format!("href=\"/vraag/{trainer}\"")),
        "{talents}"
    );
    // Search results link roles to their page too; old links under /aanbod still work, and an
    // offer is no role.
    let (_, results) = app.get("/?q=assistent-trainer&waar=3454").await;
    assert!(
        results.contains(&format!("href=\"/vraag/{trainer}\"")),
        "{results}"
    );
    assert_eq!(app.get(&format!("/aanbod/{trainer}")).await.0, 200);
    let club_offer = crate::support::fixtures::club_offer();
    assert_eq!(app.get(&format!("/vraag/{club_offer}")).await.0, 404);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_record_of_an_imported_register_comes_back_from_the_hsds_api() {
    let app = TestApp::empty(Backend::Sqlite).await;
    let path = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("eval/register.json");
    let services = read_services(&path).unwrap();
    let sent: HashSet<String> = services
        .iter()
        .map(|s| s["id"].as_str().unwrap().to_string())
        .collect();
    import_services_with(&app.state.db, services, ImportOptions::checked_today())
        .await
        .unwrap();

    let (status, body) = app.get_json("/hsds/services?per_page=1000").await;

    assert_eq!(status, 200);
    let served: HashSet<String> = body["contents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(body["total_items"].as_u64().unwrap() as usize, sent.len());
    assert_eq!(served, sent);
    let vacancy = body["contents"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| {
            s["name"]
                .as_str()
                .unwrap()
                .starts_with("Vrijwilliger gezocht")
        })
        .unwrap();
    let (status, one) = app
        .get_json(&format!(
            "/hsds/services/{}",
            vacancy["id"].as_str().unwrap()
        ))
        .await;
    assert_eq!(status, 200);
    assert_eq!(one["name"], vacancy["name"]);
}
