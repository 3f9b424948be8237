//! `GET /api/v1/search`.

use serde_json::Value;

use crate::support::{on_both_backends, Backend, TestApp};

async fn json(app: &TestApp, path: &str) -> (u16, Value) {
    let (status, body) = app.get(path).await;
    (
        status,
        serde_json::from_str(&body).unwrap_or_else(|_| panic!("json from {path}: {body}")),
    )
}

on_both_backends! {
    async fn the_api_finds_offers_near_a_postcode_with_all_fields(backend) {
        let app = TestApp::demo(backend).await;

        let (status, body) = json(&app, "/api/v1/search?q=voetbal&postcode=3454&radius_km=5&age=8").await;

        assert_eq!(status, 200, "{body}");
        let first = &body["items"][0];
        assert_eq!(first["id"], server::demo::demo_id("svc:vv-de-meern-jeugd").to_string());
        assert_eq!(first["organization"]["name"], "Voetbalvereniging Sportpark De Meern");
        assert_eq!(first["kind"], "vereniging");
        assert!(first["distance_km"].as_f64().unwrap() < 1.0);
        assert_eq!(first["location"]["wijk"], "Vleuten-De Meern");
        assert_eq!(first["location"]["gemeente"], "GM0344");
        assert_eq!(first["min_age"], 6);
        assert_eq!(first["schedule_text"], "elke woensdag 14:00-15:30");
        assert!(body["total"].as_u64().unwrap() >= 1);
        assert!(body["facets"]["kind"]["vereniging"].as_u64().unwrap() >= 1);
        assert_eq!(body["facets_estimated"], false, "a few hundred offers are all counted");
        assert_eq!(body["total_estimated"], false, "and so is their total");
        for item in body["items"].as_array().unwrap() {
            assert!(item["distance_km"].as_f64().unwrap() <= 5.0);
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sorting_by_distance_and_filters_narrow_the_results() {
    let app = TestApp::demo(Backend::Sqlite).await;

    let (status, body) = json(
        &app,
        "/api/v1/search?postcode=3511&sort=distance&free=true&day=wo&size=50",
    )
    .await;

    assert_eq!(status, 200, "{body}");
    let items = body["items"].as_array().unwrap();
    assert!(!items.is_empty());
    let distances: Vec<f64> = items
        .iter()
        .map(|i| i["distance_km"].as_f64().unwrap())
        .collect();
    assert!(distances.windows(2).all(|w| w[0] <= w[1]), "{distances:?}");
    assert!(items.iter().all(|i| i["free"] == true));
    assert!(items.iter().all(|i| i["schedule_text"].as_str().is_some()));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_bad_parameter_gets_a_400_with_a_dutch_message_and_a_stable_code() {
    let app = TestApp::demo(Backend::Sqlite).await;
    let cases = [
        ("postcode=1000", "unknown_postcode"),
        ("postcode=12", "invalid_postcode"),
        ("lat=95&lon=5", "invalid_coordinate"),
        ("lat=52", "invalid_coordinate"),
        ("lat=abc&lon=5", "invalid_coordinate"),
        ("postcode=3511&radius_km=0", "invalid_radius"),
        ("postcode=3511&radius_km=301", "invalid_radius"),
        ("postcode=3511&radius_km=-5", "invalid_radius"),
        ("size=101", "invalid_size"),
        ("size=0", "invalid_size"),
        ("page=0", "invalid_page"),
        ("age=200", "invalid_age"),
        ("age=x", "invalid_age"),
        ("day=maandag", "invalid_day"),
        ("kind=kerk", "invalid_kind"),
        ("sort=distance", "missing_point"),
        ("sort=random", "invalid_sort"),
        ("free=misschien", "invalid_free"),
        ("postcode=3511&lat=52&lon=5", "ambiguous_place"),
    ];
    for (query, code) in cases {
        let (status, body) = json(&app, &format!("/api/v1/search?{query}")).await;
        assert_eq!(status, 400, "{query}: {body}");
        assert_eq!(body["code"], code, "{query}: {body}");
        let message = body["message"].as_str().unwrap();
        assert!(
            !message.is_empty() && !message.contains("error"),
            "{query}: {message}"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_database_change_shows_up_in_search_without_a_restart() {
    let app = TestApp::demo(Backend::Sqlite).await;
    let mut data = server::demo::dataset();
    data.services
        .retain(|s| s.id == server::demo::demo_id("svc:vv-de-meern-jeugd"));
    data.services[0].name = "Zaalvoetbal voor kinderen".into();
    let keep = data.services[0].organization_id;
    data.organisations.retain(|o| o.id == keep);
    data.locations.retain(|l| l.organization_id == keep);
    data.needs.clear();

    app::db::save_dataset(&app.state.db, &data).await.unwrap();

    let started = std::time::Instant::now();
    loop {
        let (_, body) = json(&app, "/api/v1/search?q=zaalvoetbal").await;
        if body["total"] == 1 {
            break;
        }
        assert!(
            started.elapsed().as_secs() < 5,
            "change not searchable after 5 s: {body}"
        );
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert!(
        started.elapsed().as_millis() < 1500,
        "took {:?}",
        started.elapsed()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn deleting_the_index_and_restarting_gives_the_same_results() {
    let mut app = TestApp::demo(Backend::Sqlite).await;
    let (_, before) = json(&app, "/api/v1/search?q=taalcafe&postcode=3511&size=100").await;
    app.stop().await;
    std::fs::remove_dir_all(app.data_dir().join("index")).unwrap();

    let restarted = server::App::build(app.config.clone()).await.unwrap();
    let found = app::service::search::run(
        &restarted.state,
        index::SearchRequest {
            limit: 100,
            ..index::SearchRequest::text("taalcafe")
                .near(index::LatLon::parse(52.087611, 5.116371).unwrap(), 10.0)
        },
        app::i18n::Lang::Nl,
    )
    .await
    .unwrap();

    let before_ids: Vec<String> = before["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["id"].as_str().unwrap().to_string())
        .collect();
    let after_ids: Vec<String> = found.items.iter().map(|i| i.id.to_string()).collect();
    assert_eq!(after_ids, before_ids);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_api_is_described_by_an_openapi_document_that_matches_the_parameters() {
    let app = TestApp::empty(Backend::Sqlite).await;

    let (status, doc) = json(&app, "/api/v1/openapi.json").await;

    assert_eq!(status, 200);
    assert_eq!(doc["openapi"], "3.1.0");
    let params: Vec<&str> = doc["paths"]["/api/v1/search"]["get"]["parameters"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    for name in [
        "q",
        "postcode",
        "lat",
        "lon",
        "radius_km",
        "age",
        "free",
        "day",
        "kind",
        "leefgebied",
        "page",
        "size",
        "sort",
    ] {
        assert!(params.contains(&name), "{name} is not documented");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_plain_question_says_what_it_understood_and_part_of_it_matching_is_never_zero() {
    let app = TestApp::demo(Backend::Sqlite).await;

    let (status, lonely) = json(
        &app,
        "/api/v1/search?q=ik+voel+me+vaak+alleen&postcode=3454&radius_km=5",
    )
    .await;
    let (_, mixed) = json(
        &app,
        "/api/v1/search?q=gratis+koffie+voor+senioren+qwxzv&postcode=3454&radius_km=5",
    )
    .await;
    let (_, page) = app.get("/?q=ik+voel+me+vaak+alleen&waar=3454").await;

    assert_eq!(status, 200);
    assert_eq!(lonely["understood"], serde_json::json!(["gezelschap"]));
    assert!(lonely["total"].as_u64().unwrap() > 0, "{lonely}");
    // A word nobody uses does not empty the list: the rest of the question still counts.
    assert!(mixed["total"].as_u64().unwrap() > 0, "{mixed}");
    assert_eq!(
        mixed["understood"],
        serde_json::json!(["ouderen", "gratis"])
    );
    assert!(page.contains("id=\"begrepen\""), "{page}");
    assert!(page.contains("We zochten naar: gezelschap"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_client_that_prefers_english_gets_english_schedules_from_the_same_search() {
    let app = TestApp::demo(Backend::Sqlite).await;
    let path = "/api/v1/search?q=voetbal&postcode=3454&radius_km=5";
    let english = reqwest::Client::new()
        .get(app.url(path))
        .header("Accept-Language", "en-GB,en;q=0.9,nl;q=0.5")
        .send()
        .await
        .unwrap()
        .json::<Value>()
        .await
        .unwrap();
    let (_, dutch) = json(&app, path).await;
    let ids = |body: &Value| -> Vec<String> {
        body["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["id"].to_string())
            .collect()
    };
    assert_eq!(
        ids(&english),
        ids(&dutch),
        "the same answer, only worded differently"
    );
    let when = |body: &Value| {
        body["items"][0]["schedule_text"]
            .as_str()
            .unwrap()
            .to_string()
    };
    assert!(when(&dutch).starts_with("elke "), "{}", when(&dutch));
    assert!(when(&english).starts_with("every "), "{}", when(&english));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn activities_for_older_people_are_not_outranked_by_childrens_activities() {
    let app = TestApp::demo(crate::support::Backend::Sqlite).await;

    for words in ["ouderen", "senioren", "activiteiten+voor+ouderen"] {
        let (status, body) = app
            .get_json(&format!("/api/v1/search?q={words}&postcode=3454&size=5"))
            .await;
        assert_eq!(status, 200);
        let items = body["items"].as_array().unwrap();
        assert!(!items.is_empty(), "{words}");
        for item in items {
            // A children's activity ends below 18; none may lead a search for older people.
            let max_age = item["max_age"].as_i64();
            assert!(
                max_age.is_none_or(|m| m >= 18),
                "{words}: {} is for children",
                item["name"]
            );
        }
        let first = &items[0];
        assert!(
            first["min_age"].as_i64().is_some_and(|m| m >= 50)
                || first["name"]
                    .as_str()
                    .unwrap()
                    .to_lowercase()
                    .contains("60-plus"),
            "{words}: {first}"
        );
    }
}
