//! Matching and vitale coalities on the Utrecht demo data, through `/api/v1`.

use reqwest::Method;
use serde_json::{json, Value};

use crate::support::{api_token, on_both_backends, Backend, TestApp};
use app::auth::Role;

async fn lanes(app: &TestApp, profile: Value) -> Value {
    let (status, body) = app
        .send(Method::POST, "/api/v1/match", Some(profile), None)
        .await;
    assert_eq!(status, 200, "{body}");
    body
}

fn titles(lane: &Value) -> Vec<String> {
    lane.as_array()
        .unwrap()
        .iter()
        .map(|s| s["title"].as_str().unwrap().to_string())
        .collect()
}

on_both_backends! {
    async fn a_young_footballer_who_left_school_gets_the_trainer_role_and_a_coalition_with_buurtteam_and_school(backend) {
        let app = TestApp::demo(backend).await;

        let body = lanes(&app, json!({
            "age": 19, "postcode": "3454", "talents": ["voetbal"], "needs": ["leren", "werk"]
        })).await;

        let role = &body["bijdragen"][0];
        assert_eq!(role["target"]["type"], "need");
        assert_eq!(
            role["target"]["id"],
            server::demo::demo_id("need:vv-de-meern-assistent-trainer").to_string()
        );
        let why = role["explanation"].as_str().unwrap();
        assert!(why.starts_with("past bij: voetbal (jouw talent)"), "{why}");
        assert!(why.contains("helpt 34 mensen van de wachtlijst"), "{why}");
        assert!(why.contains("voor 16 tot en met 27 jaar"), "{why}");

        let coalition = &body["samen"][0];
        let partners: Vec<(&str, &str)> = coalition["partners"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| (p["name"].as_str().unwrap(), p["role"].as_str().unwrap()))
            .collect();
        assert_eq!(partners[0], ("Voetbalvereniging Sportpark De Meern", "lead"));
        assert!(partners.iter().any(|(n, r)| n.starts_with("Buurtteam") && *r == "supporter"), "{partners:?}");
        assert!(partners.contains(&("Praktijkcollege De Meern", "supporter")), "{partners:?}");
        assert!(partners.contains(&("Jij", "deliverer")));
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_carer_of_someone_with_dementia_gets_respite_and_a_carers_meeting_not_a_volunteer_job() {
    let app = TestApp::demo(Backend::Sqlite).await;

    let body = lanes(
        &app,
        json!({ "needs": ["zorg"], "groups": ["mantelzorgers"], "postcode": "3511", "max_km": 10 }),
    )
    .await;

    let meedoen = titles(&body["meedoen"]);
    assert!(
        meedoen.iter().any(|t| t.starts_with("Even vrij")),
        "respite: {meedoen:?}"
    );
    assert!(
        meedoen
            .iter()
            .any(|t| t.contains("Alzheimer Café") || t.contains("mantelzorg")),
        "a meeting: {meedoen:?}"
    );
    assert!(
        body["bijdragen"].as_array().unwrap().is_empty(),
        "no volunteer job"
    );
    assert!(body["samen"].as_array().unwrap().is_empty());
    // Open offers first, the respite that needs an application after them.
    let steps: Vec<&str> = body["meedoen"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["step"].as_str().unwrap())
        .collect();
    assert!(
        steps
            .windows(2)
            .all(|w| w[0] <= w[1] || w[0] == "community"),
        "{steps:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_seventy_year_old_living_alone_who_likes_cooking_gets_a_shared_meal_and_a_cooking_role() {
    let app = TestApp::demo(Backend::Sqlite).await;

    let body = lanes(
        &app,
        json!({
            "age": 70, "postcode": "3511", "needs": ["meedoen"],
            "talents": ["koken"], "interests": ["koken"]
        }),
    )
    .await;

    let meedoen = titles(&body["meedoen"]);
    let meal = |t: &String| t == "Samen eten" || t.starts_with("Buurtbuik");
    assert!(
        meedoen.iter().take(3).any(meal),
        "a shared meal comes first: {meedoen:?}"
    );
    let bijdragen = titles(&body["bijdragen"]);
    assert!(
        bijdragen.iter().any(|t| t == "Kok voor de buurtmaaltijd"),
        "{bijdragen:?}"
    );
    let meal = body["meedoen"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| meal(&s["title"].as_str().unwrap().to_string()))
        .unwrap();
    assert!(meal["distance_km"].as_f64().unwrap() <= 5.0);
    let why = meal["explanation"].as_str().unwrap();
    assert!(why.contains("koken (wat je graag doet)"), "{why}");
    assert!(
        !why.contains("talent"),
        "talents are not used for meedoen: {why}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn age_limits_are_never_violated_and_inactive_offers_never_appear() {
    let app = TestApp::demo(Backend::Sqlite).await;
    let catalog = app::db::load_catalog(&app.state.db).await.unwrap();
    // Pause the football club's youth offer: it must drop out at once.
    let club = server::demo::demo_id("svc:vv-de-meern-jeugd");
    // As every write does: the row and a line in the change log.
    if let app::db::Db::Sqlite(pool) = &app.state.db {
        sqlx::query("UPDATE services SET status = 'inactive' WHERE id = $1")
            .bind(club)
            .execute(pool)
            .await
            .unwrap();
        sqlx::query("INSERT INTO index_outbox (service_id, changed_at) VALUES ($1, $2)")
            .bind(club)
            .bind(chrono::Utc::now())
            .execute(pool)
            .await
            .unwrap();
    }

    for age in [8u8, 15, 19, 40, 70, 90] {
        let body = lanes(
            &app,
            json!({
                "age": age, "postcode": "3454", "max_km": 15,
                "needs": ["bewegen", "meedoen", "opgroeien", "leren", "zorg"],
                "talents": ["voetbal", "koken", "kinderen", "computer"]
            }),
        )
        .await;
        for s in body["meedoen"].as_array().unwrap() {
            let id: uuid::Uuid = s["target"]["id"].as_str().unwrap().parse().unwrap();
            assert_ne!(id, club, "an inactive offer appeared");
            let o = catalog.offers.iter().find(|o| o.id == id).unwrap();
            assert!(
                o.min_age.is_none_or(|m| age >= m) && o.max_age.is_none_or(|m| age <= m),
                "{} for {age}",
                o.name
            );
        }
        for s in body["bijdragen"].as_array().unwrap() {
            if s["target"]["type"] != "need" {
                continue;
            }
            let id: uuid::Uuid = s["target"]["id"].as_str().unwrap().parse().unwrap();
            let n = catalog.needs.iter().find(|n| n.id == id).unwrap();
            assert!(
                n.min_age.is_none_or(|m| age >= m) && n.max_age.is_none_or(|m| age <= m),
                "{} for {age}",
                n.title
            );
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_bad_profile_gets_a_dutch_message_and_a_400() {
    let app = TestApp::demo(Backend::Sqlite).await;

    for (profile, words) in [
        (
            json!({ "talents": ["vliegen"] }),
            "We kennen \"vliegen\" niet als talent",
        ),
        (
            json!({ "needs": ["meedoen"], "postcode": "1000" }),
            "We kennen postcode 1000 niet",
        ),
        (
            json!({ "needs": ["meedoen"], "max_km": 500 }),
            "Kies een afstand",
        ),
        (
            json!({ "needs": "meedoen" }),
            "Het profiel heeft een veld van het verkeerde soort",
        ),
    ] {
        let (status, body) = app
            .send(Method::POST, "/api/v1/match", Some(profile.clone()), None)
            .await;
        assert_eq!(status, 400, "{profile}: {body}");
        let message = body["message"].as_str().unwrap();
        assert!(message.contains(words), "{profile}: {body}");
        assert!(
            !message.contains("(4"),
            "no status code in the words: {message}"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn trainerskracht_comes_out_of_the_demo_data_as_the_top_coalition_of_utrecht() {
    let app = TestApp::demo(Backend::Sqlite).await;

    let (status, body) = app
        .get_json("/api/v1/coalitions/suggestions?gemeente=GM0344")
        .await;

    assert_eq!(status, 200);
    let first = &body[0];
    assert_eq!(
        first["need_id"],
        server::demo::demo_id("need:vv-de-meern-assistent-trainer").to_string()
    );
    let names: Vec<&str> = first["partners"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    assert!(
        names.iter().any(|n| n.starts_with("Buurtteam")),
        "{names:?}"
    );
    assert!(
        names.iter().any(|n| n.starts_with("Jongerenwerk")),
        "{names:?}"
    );
    assert!(names.contains(&"Praktijkcollege De Meern"), "{names:?}");
    assert!(
        names.contains(&"MBO Utrecht, opleiding Sport en Bewegen"),
        "{names:?}"
    );
    let evidence = first["evidence"].to_string();
    assert!(
        evidence.contains("34 mensen op de wachtlijst"),
        "{evidence}"
    );
    assert!(evidence.contains("mensen binnen 5,0 km"), "{evidence}");

    let (status, body) = app
        .get_json("/api/v1/coalitions/suggestions?gemeente=Utrecht")
        .await;
    assert_eq!(status, 400);
    assert!(body["message"].as_str().unwrap().contains("GM0344"));
    let (_, body) = app
        .get_json("/api/v1/coalitions/suggestions?gemeente=GM0363")
        .await;
    assert!(body.as_array().unwrap().is_empty(), "nothing in Amsterdam");
}

on_both_backends! {
    async fn coalitions_are_created_changed_counted_and_deleted_through_the_api_with_a_coordinators_personal_token(backend) {
        let app = TestApp::demo(backend).await;
        let coalition = json!({
            "name": "Trainerskracht De Meern",
            "goal": "Geen kinderen meer op de wachtlijst, en jongeren met een rol die ertoe doet.",
            "status": "forming",
            "gemeente": "GM0344",
            "link_person": "Jongerenwerker De Meern",
            "funding_source": "Gemeente Utrecht, Sportakkoord",
            "funding_ends_on": (chrono::Utc::now().date_naive() + chrono::Days::new(60)).format("%Y-%m-%d").to_string(),
            "partners": [
                { "name": "Voetbalvereniging Sportpark De Meern", "role": "lead", "gives": "een rol", "gets": "trainers" },
                { "name": "Buurtteam Vleuten-De Meern", "role": "supporter" }
            ]
        });
        let coordinator = api_token(&app, Role::Coordinator, Some("GM0344"), &[]).await;
        let elsewhere = api_token(&app, Role::Coordinator, Some("GM0363"), &[]).await;
        let outsider = api_token(&app, Role::Provider, None, &[crate::support::fixtures::other_org()]).await;

        let (status, _) = app.send(Method::POST, "/api/v1/coalitions", Some(coalition.clone()), None).await;
        assert_eq!(status, 401, "no token");
        let (status, body) = app.send(Method::POST, "/api/v1/coalitions", Some(coalition.clone()), Some("wrong")).await;
        assert_eq!(status, 401, "wrong token");
        assert!(body["message"].as_str().unwrap().contains("API-sleutel"), "{body}");
        let (status, _) = app.send(Method::POST, "/api/v1/coalitions", Some(coalition.clone()), Some(&elsewhere)).await;
        assert_eq!(status, 403, "a coordinator of another gemeente");
        let (status, created) = app.send(Method::POST, "/api/v1/coalitions", Some(coalition.clone()), Some(&coordinator)).await;
        assert_eq!(status, 201, "{created}");
        let id = created["id"].as_str().unwrap().to_string();
        let (status, _) = app.send(Method::DELETE, &format!("/api/v1/coalitions/{id}"), None, Some(&outsider)).await;
        assert_eq!(status, 403, "a provider who is no partner");

        let (_, read) = app.get_json(&format!("/api/v1/coalitions/{id}")).await;
        assert_eq!(read["status"], "forming");
        assert_eq!(read["partners"][1]["name"], "Buurtteam Vleuten-De Meern");
        let days = read["funding_days_left"].as_i64().unwrap();
        assert!((59..=60).contains(&days), "the money stops within three months: {days}");

        let mut active = coalition.clone();
        active["status"] = json!("active");
        active["participants"] = json!(7);
        let (status, _) = app.send(Method::PUT, &format!("/api/v1/coalitions/{id}"), Some(active.clone()), Some(&outsider)).await;
        assert_eq!(status, 403, "a provider who is no partner");
        let (status, updated) = app.send(Method::PUT, &format!("/api/v1/coalitions/{id}"), Some(active), Some(&coordinator)).await;
        assert_eq!(status, 200, "{updated}");
        assert_eq!(updated["participants"], 7);

        let note = json!({ "label": "kinderen van de wachtlijst", "number": 12, "story": "Sem (19) traint nu de O9." });
        let (status, noted) = app.send(Method::POST, &format!("/api/v1/coalitions/{id}/notes"), Some(note), Some(&coordinator)).await;
        assert_eq!(status, 200, "{noted}");
        assert_eq!(noted["notes"][0]["number"], 12);

        let mut bad = coalition.clone();
        bad["partners"][0]["role"] = json!("baas");
        let (status, body) = app.send(Method::PUT, &format!("/api/v1/coalitions/{id}"), Some(bad), Some(&coordinator)).await;
        assert_eq!(status, 400);
        assert!(body["message"].as_str().unwrap().contains("rol"), "{body}");

        let (_, list) = app.get_json("/api/v1/coalitions?gemeente=GM0344").await;
        assert_eq!(list.as_array().unwrap().len(), 1);

        let (status, _) = app.send(Method::DELETE, &format!("/api/v1/coalitions/{id}"), None, Some(&coordinator)).await;
        assert_eq!(status, 204);
        let (status, _) = app.get_json(&format!("/api/v1/coalitions/{id}")).await;
        assert_eq!(status, 404);
    }
}

/// The access codes of every place of an offer.
async fn access_of(app: &TestApp, offer: &str) -> Vec<String> {
    let id: uuid::Uuid = offer.parse().unwrap();
    let data = app::db::load_dataset(&app.state.db, Some(&[id]))
        .await
        .unwrap();
    let places = &data.services[0].location_ids;
    data.locations
        .iter()
        .filter(|l| places.contains(&l.id))
        .map(|l| l.access.clone())
        .collect()
}

fn reason_types(s: &Value) -> Vec<String> {
    s["reasons"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["type"].as_str().unwrap().to_string())
        .collect()
}

on_both_backends! {
    async fn a_wheelchair_profile_never_gets_a_place_with_steps_and_unknown_ones_say_call_first(backend) {
        let app = TestApp::demo(backend).await;
        let everything = json!({
            "postcode": "3454", "needs": ["meedoen", "bewegen", "leren", "gezondheid"], "max_km": 15
        });
        let without = lanes(&app, everything.clone()).await;
        let mut with_wheelchair = everything.clone();
        with_wheelchair["mobility"] = json!(["rolstoel"]);
        let body = lanes(&app, with_wheelchair).await;

        let suggestions = body["meedoen"].as_array().unwrap();
        assert!(!suggestions.is_empty());
        let mut unknown_seen = false;
        for s in suggestions {
            let offer = s["target"]["id"].as_str().unwrap();
            let access = access_of(&app, offer).await;
            let why = reason_types(s);
            if why.contains(&"step_free".to_string()) {
                assert!(!unknown_seen, "every known step-free place before the unknown ones");
                assert!(access.iter().any(|a| a.contains("gelijkvloers=ja")), "{access:?}");
            } else {
                unknown_seen = true;
                assert!(why.contains(&"ask_access".to_string()), "{why:?}");
                assert!(s["explanation"].as_str().unwrap().contains("bel even"), "{}", s["explanation"]);
            }
            assert!(
                access.iter().any(|a| !a.contains("gelijkvloers=nee")),
                "{} has steps everywhere: {access:?}",
                s["title"]
            );
        }
        // Places with steps were there to be found without the wheelchair.
        let mut had_steps = false;
        for s in without["meedoen"].as_array().unwrap() {
            let access = access_of(&app, s["target"]["id"].as_str().unwrap()).await;
            had_steps |= access.iter().all(|a| a.contains("gelijkvloers=nee"));
        }
        assert!(had_steps, "the demo has places with steps among the suggestions");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn someone_who_does_not_cycle_gets_walking_distance_or_pick_up_and_an_unknown_mobility_is_a_400(
) {
    let app = TestApp::demo(Backend::Sqlite).await;
    let body = lanes(
        &app,
        json!({
            "postcode": "3454", "needs": ["meedoen", "bewegen", "leren", "gezondheid"],
            "max_km": 15, "mobility": ["geen-fiets"]
        }),
    )
    .await;
    let suggestions = body["meedoen"].as_array().unwrap();
    assert!(!suggestions.is_empty());
    for s in suggestions {
        let km = s["distance_km"].as_f64();
        let why = reason_types(s);
        assert!(
            km.is_none_or(|km| km <= 1.5)
                || why.contains(&"pick_up".to_string())
                || why.contains(&"near_transit".to_string()),
            "{} at {km:?} km: {why:?}",
            s["title"]
        );
    }

    let (status, body) = app
        .send(
            Method::POST,
            "/api/v1/match",
            Some(json!({"postcode": "3454", "needs": ["meedoen"], "mobility": ["auto"]})),
            None,
        )
        .await;
    assert_eq!(status, 400, "{body}");
    assert_eq!(body["code"], "invalid_mobility", "{body}");
    assert!(
        body["message"].as_str().unwrap().contains("rolstoel"),
        "{body}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn rather_not_in_the_own_wijk_moves_those_offers_down_and_hides_nothing() {
    let app = TestApp::demo(Backend::Sqlite).await;
    let profile = json!({"postcode": "3454", "needs": ["meedoen", "geldzaken"], "max_km": 10});
    let plain = lanes(&app, profile.clone()).await;
    let mut avoiding = profile.clone();
    avoiding["avoid_own_wijk"] = json!(true);
    let moved = lanes(&app, avoiding).await;
    let mut a = titles(&plain["meedoen"]);
    let mut b = titles(&moved["meedoen"]);
    a.sort();
    b.sort();
    assert_eq!(a, b, "the same suggestions, only in another order");
    let said: Vec<Vec<String>> = moved["meedoen"]
        .as_array()
        .unwrap()
        .iter()
        .map(reason_types)
        .collect();
    assert!(
        said.iter()
            .any(|w| w.contains(&"outside_own_wijk".to_string())),
        "{said:?}"
    );
    // Within a step, nothing in the own wijk comes before something outside it.
    let rows: Vec<(String, bool)> = moved["meedoen"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["step"].as_str().unwrap().to_string(),
                reason_types(s).contains(&"in_own_wijk".to_string()),
            )
        })
        .collect();
    for pair in rows.windows(2) {
        if pair[0].0 == pair[1].0 {
            assert!(!pair[0].1 || pair[1].1, "own wijk before another: {rows:?}");
        }
    }
}

on_both_backends! {
    async fn the_matching_catalog_is_kept_in_memory_and_every_node_follows_a_change_within_a_second(backend) {
        let app = TestApp::demo(backend).await;
        let node_a = &app.state;
        // A second node on the same database, with a catalog of its own.
        let node_b = app::AppState { catalog: std::sync::Arc::default(), ..app.state.clone() };
        let first = app::service::matching::catalog(&node_b).await.unwrap();
        let again = app::service::matching::catalog(&node_b).await.unwrap();
        assert!(std::sync::Arc::ptr_eq(&first, &again), "read from memory, not rebuilt per request");
        let club = server::demo::demo_id("svc:vv-de-meern-jeugd");
        let waiting = |c: &index::matching::Catalog| c.offers.iter().find(|o| o.id == club).unwrap().waiting_list;
        assert_ne!(waiting(&first), 77);

        // A change on node A, through the change log.
        app::db::set_waiting_list(&node_a.db, club, 77).await.unwrap();
        crate::support::within(std::time::Duration::from_secs(1), "node B has the new catalog", || async {
            waiting(&app::service::matching::catalog(&node_b).await.unwrap()) == 77
        })
        .await;
        // An "ik kan iets" entry reaches the coalition scan of every node too.
        let before = app::service::matching::catalog(&node_b).await.unwrap().talent_entries.len();
        let entry = app::service::matching::TalentEntry {
            talents: vec!["voetbal".into()],
            postcode: "3454".into(),
            ..Default::default()
        };
        app::service::matching::leave_talent_entry(node_a, &entry, None).await.unwrap();
        let after = app::service::matching::catalog(&node_b).await.unwrap().talent_entries.len();
        assert_eq!(after, before + 1);
    }
}

/// The lists of a catalog in id order, to compare two catalogs whatever their order.
fn by_id(
    c: &index::matching::Catalog,
) -> (
    Vec<index::matching::CatalogOffer>,
    Vec<index::matching::CatalogNeed>,
    Vec<index::matching::CatalogOrganisation>,
    Vec<index::matching::TalentEntry>,
) {
    let mut offers: Vec<_> = c.offers.iter().cloned().collect();
    offers.sort_by_key(|o| o.id);
    let mut needs: Vec<_> = c.needs.iter().cloned().collect();
    needs.sort_by_key(|n| n.id);
    let mut organisations: Vec<_> = c.organisations.iter().cloned().collect();
    organisations.sort_by_key(|o| o.id);
    let mut entries: Vec<_> = c.talent_entries.iter().cloned().collect();
    entries.sort_by_key(|e| e.id);
    (offers, needs, organisations, entries)
}

on_both_backends! {
    async fn a_catalog_that_follows_the_change_log_holds_what_one_built_from_the_database_holds(backend) {
        let app = TestApp::demo(backend).await;
        let db = &app.state.db;
        let node_b = app::AppState { catalog: std::sync::Arc::default(), ..app.state.clone() };
        let first = app::service::matching::catalog(&node_b).await.unwrap();
        let club = server::demo::demo_id("svc:vv-de-meern-jeugd");
        let untouched = first.offers.iter().find(|o| o.id != club && o.organisation_id != first.offer(club).unwrap().organisation_id).unwrap().id;

        // A waiting list grows (its offer and its roles change), a role closes, a new role
        // opens, an "ik kan iets" entry comes and all entries expire.
        app::db::set_waiting_list(db, club, 77).await.unwrap();
        let closed = first.needs.iter().find(|n| n.offer_id != Some(club)).unwrap().id;
        let (record, _) = app::db::need(db, closed).await.unwrap().unwrap();
        app::db::save_need(db, record, false).await.unwrap();
        let opened = app::db::publish_waiting_list_need(db, club).await.unwrap();
        let entry = app::service::matching::TalentEntry {
            talents: vec!["voetbal".into()],
            postcode: "3454".into(),
            ..Default::default()
        };
        app::service::matching::leave_talent_entry(&app.state, &entry, None).await.unwrap();
        let with_entry = app::service::matching::catalog(&node_b).await.unwrap();
        assert_eq!(with_entry.talent_entries.len(), first.talent_entries.len() + 1);
        let later = chrono::Utc::now().date_naive() + chrono::Days::new(400);
        let deleted = app::db::delete_expired_talent_entries(db, later).await.unwrap() as usize;
        assert!(deleted > 0);

        let followed = app::service::matching::catalog(&node_b).await.unwrap();
        let built = app::db::load_catalog(db).await.unwrap();
        assert!(followed.need(closed).is_none() && followed.need(opened).is_some());
        assert_eq!(followed.offer(club).unwrap().waiting_list, 77);
        assert_eq!(followed.talent_entries.len(), with_entry.talent_entries.len() - deleted);
        let (followed_lists, built_lists) = (by_id(&followed), by_id(&built));
        assert_eq!(followed_lists.0, built_lists.0, "offers");
        assert_eq!(followed_lists.1, built_lists.1, "roles");
        assert_eq!(followed_lists.2, built_lists.2, "organisations");
        assert_eq!(followed_lists.3, built_lists.3, "entries");
        // Updated, not built again: what did not change is the very same item.
        assert!(std::ptr::eq(first.offer(untouched).unwrap(), followed.offer(untouched).unwrap()));
    }
}
