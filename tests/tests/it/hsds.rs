//! Open Referral HSDS 3.0: import, export and the `/hsds/` API, validated against the
//! standard's own schemas (`../shared/hsds-3.0/`, or `SK_HSDS_DIR`).

use std::path::PathBuf;

use serde_json::{json, Value};
use server::hsds::run::{export_dir, import_services, read_services};
use uuid::Uuid;

use crate::support::{on_both_backends, Backend, TestApp};

fn hsds_dir() -> PathBuf {
    std::env::var_os("SK_HSDS_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/hsds-3.0"))
}

fn load_schema(path: &std::path::Path) -> Value {
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|_| panic!("HSDS schema {} (set SK_HSDS_DIR)", path.display()));
    serde_json::from_str(&text).unwrap()
}

/// Replaces `{"$ref": "other.json"}` by the sibling schema file, so no resolver is needed.
fn inline_refs(value: &mut Value, dir: &std::path::Path, depth: usize) {
    match value {
        Value::Object(map) => {
            if let Some(Value::String(file)) = map.get("$ref").cloned() {
                if file.ends_with(".json") && depth < 8 {
                    let mut inner = load_schema(&dir.join(&file));
                    inline_refs(&mut inner, dir, depth + 1);
                    map.remove("$ref");
                    if let Value::Object(inner) = inner {
                        for (k, v) in inner {
                            map.entry(k).or_insert(v);
                        }
                    }
                }
            }
            for v in map.values_mut() {
                inline_refs(v, dir, depth);
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|v| inline_refs(v, dir, depth)),
        _ => {}
    }
}

fn schema(relative: &str) -> jsonschema::Validator {
    let path = hsds_dir().join(relative);
    let mut schema = load_schema(&path);
    inline_refs(&mut schema, path.parent().unwrap(), 0);
    jsonschema::options()
        .with_draft(jsonschema::Draft::Draft202012)
        .build(&schema)
        .unwrap()
}

fn assert_valid(validator: &jsonschema::Validator, body: &Value, what: &str) {
    let errors: Vec<String> = validator
        .iter_errors(body)
        .take(5)
        .map(|e| format!("{} {e}", e.instance_path))
        .collect();
    assert!(errors.is_empty(), "{what}: {errors:#?}");
}

async fn json(app: &TestApp, path: &str) -> (u16, Value) {
    let (status, body) = app.get(path).await;
    (
        status,
        serde_json::from_str(&body).unwrap_or_else(|_| panic!("{path}: {body}")),
    )
}

async fn import_examples(app: &TestApp) {
    for file in ["examples/service_full.json", "examples/service_list.json"] {
        let services = read_services(&hsds_dir().join(file)).unwrap();
        let summary = import_services(&app.state.db, services).await.unwrap();
        assert!(
            summary.problems.is_empty(),
            "{file}: {:?}",
            summary.problems
        );
    }
}

/// Crawls a list endpoint like the ORUK validator: first, middle and last page, every item
/// against `item_schema`, then every `{id}` against `detail_schema`.
async fn crawl(app: &TestApp, list: &str, item_schema: &str, detail_schema: &str) -> usize {
    let items = schema(item_schema);
    let detail = schema(detail_schema);
    let (status, first) = json(app, &format!("/hsds/{list}?per_page=7")).await;
    assert_eq!(status, 200, "{list}");
    for key in [
        "total_items",
        "total_pages",
        "page_number",
        "size",
        "first_page",
        "last_page",
        "empty",
        "contents",
    ] {
        assert!(first.get(key).is_some(), "{list} page lacks {key}");
    }
    let pages = first["total_pages"].as_u64().unwrap();
    let mut ids = Vec::new();
    for page in [1, pages.div_ceil(2).max(1), pages] {
        let (status, body) = json(app, &format!("/hsds/{list}?per_page=7&page={page}")).await;
        assert_eq!(status, 200);
        assert_eq!(body["page_number"], page);
        for item in body["contents"].as_array().unwrap() {
            assert_valid(&items, item, &format!("{list} page {page}"));
            ids.push(item["id"].as_str().unwrap().to_string());
        }
    }
    for id in &ids {
        let (status, body) = json(app, &format!("/hsds/{list}/{id}")).await;
        assert_eq!(status, 200, "{list}/{id}");
        assert_valid(&detail, &body, &format!("{list}/{id}"));
    }
    ids.len()
}

on_both_backends! {
    async fn every_hsds_endpoint_validates_against_the_standard(backend) {
        let app = TestApp::demo(backend).await;
        import_examples(&app).await;
        // A coalition, so organisations and offers carry a program.
        let (coalition, jeugd) = trainerskracht(&app).await;

        let (status, info) = json(&app, "/hsds/").await;
        assert_eq!(status, 200);
        assert_eq!(info["version"], "3.0");
        assert!(info["profile"].as_str().unwrap().starts_with("https://"));

        assert!(crawl(&app, "services", "schema/compiled/service_list.json", "schema/compiled/service.json").await > 10);
        assert!(crawl(&app, "organizations", "schema/compiled/organization_list.json", "schema/compiled/organization.json").await > 5);
        assert!(crawl(&app, "service_at_locations", "schema/compiled/service_at_location_list.json", "schema/compiled/service_at_location.json").await > 5);
        assert!(crawl(&app, "taxonomies", "schema/taxonomy.json", "schema/taxonomy.json").await >= 5);
        assert!(crawl(&app, "taxonomy_terms", "schema/taxonomy_term.json", "schema/taxonomy_term.json").await >= 15);

        let (_, offer) = json(&app, &format!("/hsds/services/{jeugd}")).await;
        assert_eq!(offer["program_id"], json!(coalition));
        assert_eq!(offer["program"]["name"], "Trainerskracht De Meern");
        let (_, club) = json(&app, &format!("/hsds/organizations/{}", crate::support::fixtures::club())).await;
        let program = &club["programs"][0];
        assert_eq!(program["id"], json!(coalition));
        let values: Vec<&str> = program["attributes"].as_array().unwrap().iter().filter_map(|a| a["value"].as_str()).collect();
        assert!(values.contains(&"VV De Meern (trekker). Geeft: een veld en ballen. Krijgt: trainers voor de wachtlijst"), "{values:?}");
        assert!(values.iter().any(|v| v.starts_with("2026-11-30: 8 kinderen van de wachtlijst")), "{values:?}");
        assert!(!program.to_string().contains("Sam"), "no link persons in open data");
    }
}

/// Trainerskracht on the club's youth football (the assistant-trainer role's offer), with a
/// note; returns the coalition and that offer.
async fn trainerskracht(app: &TestApp) -> (Uuid, Uuid) {
    let role = server::demo::demo_id("need:vv-de-meern-assistent-trainer");
    let need = app::db::load_dataset(&app.state.db, None)
        .await
        .unwrap()
        .needs
        .into_iter()
        .find(|n| n.id == role)
        .unwrap();
    let coalition = app::db::create_coalition(
        &app.state.db,
        app::coalitions::CoalitionInput {
            name: "Trainerskracht De Meern".into(),
            goal: "Jongeren trainen kinderen van de wachtlijst.".into(),
            status: "active".into(),
            gemeente: Some("GM0344".into()),
            need_id: Some(role),
            link_person: "Sam, jongerenwerker".into(),
            partners: vec![app::profile::PartnerView {
                organisation_id: Some(crate::support::fixtures::club()),
                name: "VV De Meern".into(),
                role: "lead".into(),
                gives: "een veld en ballen".into(),
                gets: "trainers voor de wachtlijst".into(),
                ..Default::default()
            }],
            ..Default::default()
        },
    )
    .await
    .unwrap();
    let note = app::coalitions::NoteView {
        written_on: "2026-11-30".into(),
        label: "kinderen van de wachtlijst".into(),
        number: Some(8),
        ..Default::default()
    };
    app::db::add_coalition_note(&app.state.db, coalition, &note)
        .await
        .unwrap();
    (coalition, need.service_id.unwrap())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hsds_filters_are_cumulative() {
    let app = TestApp::demo(Backend::Sqlite).await;
    let org = server::demo::demo_id("org:vv-de-meern");

    let (_, by_org) = json(&app, &format!("/hsds/services?organization_id={org}")).await;
    let (_, searched) = json(
        &app,
        &format!("/hsds/services?organization_id={org}&search=walking"),
    )
    .await;
    let (_, near) = json(
        &app,
        "/hsds/services?search=voetbal&postcode=3454&proximity=2000",
    )
    .await;

    // Two offers and the club's open need for trainers, which is served as a service too.
    assert_eq!(by_org["total_items"], 3);
    assert!(by_org["contents"]
        .as_array()
        .unwrap()
        .iter()
        .any(|s| s["name"]
            .as_str()
            .unwrap()
            .to_lowercase()
            .contains("trainer")));
    assert_eq!(searched["total_items"], 1);
    assert!(near["total_items"].as_u64().unwrap() >= 1);
    for item in near["contents"].as_array().unwrap() {
        let text = format!("{} {}", item["name"], item["description"]).to_lowercase();
        assert!(text.contains("voetbal"), "{text}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hsds_errors_are_json_404_and_400() {
    let app = TestApp::demo(Backend::Sqlite).await;
    for path in [
        "/hsds/services/6f1c0e1e-0000-4000-8000-000000000000",
        "/hsds/services/geen-uuid",
        "/hsds/taxonomy_terms/x",
    ] {
        let (status, body) = json(&app, path).await;
        assert_eq!(status, 404, "{path}");
        assert_eq!(body["code"], "not_found");
    }
    for path in [
        "/hsds/services?page=0",
        "/hsds/services?per_page=abc",
        "/hsds/services?organization_id=x",
        "/hsds/services?postcode=0000",
        "/hsds/services?modified_after=gisteren",
    ] {
        let (status, body) = json(&app, path).await;
        assert_eq!(status, 400, "{path}: {body}");
        assert!(body["message"].as_str().is_some());
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn importing_the_same_data_twice_gives_the_same_counts() {
    let app = TestApp::empty(Backend::Sqlite).await;

    import_examples(&app).await;
    let once = app.state.db.count_offers().await.unwrap();
    import_examples(&app).await;

    assert_eq!(app.state.db.count_offers().await.unwrap(), once);
    assert!(once >= 1);
}

/// `services.json` of an export, without `last_modified` (when a row was written, not data).
fn exported_services(dir: &std::path::Path) -> Vec<Value> {
    let v: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("services.json")).unwrap()).unwrap();
    let mut list = v.as_array().unwrap().clone();
    for s in &mut list {
        s.as_object_mut().unwrap().remove("last_modified");
    }
    list
}

/// Exports `from`, imports `form` ("services.json" or "datapackage") of it into an empty
/// instance, exports that, and checks that both exports are the same.
async fn assert_round_trip(from: &TestApp, form: &str) {
    let first = tempfile::tempdir().unwrap();
    export_dir(&from.state.db, first.path()).await.unwrap();
    assert!(
        first.path().join("datapackage/datapackage.json").exists(),
        "both forms are written"
    );
    let empty = TestApp::empty(Backend::Sqlite).await;
    let services = read_services(&first.path().join(form)).unwrap();
    let summary = import_services(&empty.state.db, services).await.unwrap();
    assert!(summary.problems.is_empty(), "{:?}", summary.problems);
    let second = tempfile::tempdir().unwrap();
    export_dir(&empty.state.db, second.path()).await.unwrap();

    let (a, b) = (
        exported_services(first.path()),
        exported_services(second.path()),
    );
    assert_eq!(a.len(), b.len());
    for (x, y) in a.iter().zip(&b) {
        assert!(
            x == y,
            "service {} differs after the round trip through {form}:\n{x}\n{y}",
            x["id"]
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn export_then_import_into_an_empty_instance_then_export_gives_the_same_data() {
    let demo = TestApp::demo(Backend::Sqlite).await;
    import_examples(&demo).await;
    let (coalition, jeugd) = trainerskracht(&demo).await;

    assert_round_trip(&demo, "services.json").await;

    // Access facts travel as accessibility records with our code in `details` and Dutch words.
    let dir = tempfile::tempdir().unwrap();
    export_dir(&demo.state.db, dir.path()).await.unwrap();
    let exported = exported_services(dir.path())
        .iter()
        .map(Value::to_string)
        .collect::<String>();
    assert!(
        exported.contains(r#""description":"Gelijkvloers","details":"gelijkvloers=ja""#)
            && exported.contains(r#""details":"ophalen""#),
        "structured access is exported"
    );

    // The coalition travels as a program, in JSON and in the datapackage.
    let dir = tempfile::tempdir().unwrap();
    export_dir(&demo.state.db, dir.path()).await.unwrap();
    let read = |name: &str| std::fs::read_to_string(dir.path().join(name)).unwrap();
    let programs: Value = serde_json::from_str(&read("programs.json")).unwrap();
    assert_eq!(programs[0]["id"], json!(coalition));
    let services = exported_services(dir.path());
    let offer = services.iter().find(|s| s["id"] == json!(jeugd)).unwrap();
    assert_eq!(offer["program_id"], json!(coalition));
    let csv = read("datapackage/programs.csv");
    assert!(csv.starts_with("id,organization_id,name") && csv.contains("Trainerskracht De Meern"));
    assert!(read("datapackage/attributes.csv").contains("VV De Meern (trekker)"));
    assert!(read("datapackage/services.csv").contains(&coalition.to_string()));
    assert!(read("taxonomy_terms.json").contains("sk-coalitie"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_records_are_reported_and_skipped_and_the_rest_is_imported() {
    let app = TestApp::empty(Backend::Sqlite).await;
    let good = read_services(&hsds_dir().join("examples/service_full.json"))
        .unwrap()
        .remove(0);
    let mut bad_uuid = good.clone();
    bad_uuid["id"] = "niet-een-uuid".into();
    let mut bad_time = good.clone();
    bad_time["id"] = "5d2a1b5e-8c8f-4b59-9f3b-0d5c1f0e7a11".into();
    bad_time["schedules"][0]["opens_at"] = "25:99".into();
    let mut no_name = good.clone();
    no_name["id"] = "5d2a1b5e-8c8f-4b59-9f3b-0d5c1f0e7a12".into();
    no_name.as_object_mut().unwrap().remove("name");

    let summary = import_services(
        &app.state.db,
        vec![bad_uuid, good.clone(), bad_time, no_name],
    )
    .await
    .unwrap();

    assert_eq!(summary.services, 1);
    assert_eq!(summary.skipped(), 3, "{:?}", summary.problems);
    assert!(summary.problems.iter().any(|p| p.record == "niet-een-uuid"));
    assert!(summary
        .problems
        .iter()
        .any(|p| p.field.contains("opens_at")));
    assert_eq!(app.state.db.count_offers().await.unwrap(), 1);
}

#[test]
fn malformed_json_gives_a_clear_error_with_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kapot.json");
    std::fs::write(&path, "[{\"id\": \"x\",\n  \"name\": }]").unwrap();

    let error = read_services(&path).unwrap_err().to_string();

    assert!(error.contains("geen geldige JSON"), "{error}");
    assert!(error.contains("regel 2"), "{error}");
    assert!(
        error.contains("geen JSON is, of er ontbreekt een komma"),
        "{error}"
    );
    assert!(
        !error.contains("expected"),
        "serde's English stays out: {error}"
    );

    std::fs::write(&path, "[{\"id\": \"x\",\n  \"name\": \"Koor").unwrap();
    let error = read_services(&path).unwrap_err().to_string();
    assert!(error.contains("houdt midden in een record op"), "{error}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn volunteer_roles_travel_as_marked_services_and_come_back_as_needs() {
    let demo = TestApp::demo(Backend::Sqlite).await;
    let dir = tempfile::tempdir().unwrap();
    export_dir(&demo.state.db, dir.path()).await.unwrap();
    let empty = TestApp::empty(Backend::Sqlite).await;

    let services = read_services(&dir.path().join("services.json")).unwrap();
    let summary = import_services(&empty.state.db, services).await.unwrap();

    let demo_needs = server::demo::dataset().needs.len();
    assert_eq!(summary.needs, demo_needs);
    // What a role asks and gives comes back whole.
    let trainer = server::demo::demo_id("need:vv-de-meern-assistent-trainer");
    let (back, open) = app::db::need(&empty.state.db, trainer)
        .await
        .unwrap()
        .unwrap();
    assert!(open);
    assert_eq!(back.compensation, app::domain::Compensation::Vergoeding);
    assert_eq!(back.allowance_euros, Some(50));
    assert!(back.benefit_cleared);
    assert_eq!(back.days, vec![3, 6]);
    assert_eq!(back.hours_per_week, Some(4));
    assert_eq!(back.people_wanted, Some(6));
    assert_eq!(
        (back.contact_name.as_str(), back.contact_role.as_str()),
        ("Sanne", "jeugdcoördinator")
    );
    assert!(back.not_tasks.starts_with("Je staat er nooit alleen voor"));
    assert_eq!(
        summary.services as i64,
        demo.state.db.count_offers().await.unwrap()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_example_datapackage_imports_from_its_csv_files() {
    let app = TestApp::empty(Backend::Sqlite).await;

    let services = read_services(&hsds_dir().join("examples/csv")).unwrap();
    let summary = import_services(&app.state.db, services).await.unwrap();

    assert!(summary.problems.is_empty(), "{:?}", summary.problems);
    assert!(summary.services >= 1);
    let (_, body) = json(
        &app,
        "/hsds/services/ac148810-d857-441c-9679-408f346de14b?full=true",
    )
    .await;
    assert_eq!(body["name"], "Community Counselling");
    assert_eq!(body["schedules"].as_array().unwrap().len(), 2, "TH and FR");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_tabular_export_imports_back_to_the_same_data() {
    let demo = TestApp::demo(Backend::Sqlite).await;

    assert_round_trip(&demo, "datapackage").await;
}

#[test]
fn a_csv_without_a_required_column_is_refused_with_a_clear_message() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("services.csv"),
        "id,status\n5d2a1b5e-8c8f-4b59-9f3b-0d5c1f0e7a11,active\n",
    )
    .unwrap();

    let error = read_services(dir.path()).unwrap_err().to_string();

    assert!(error.contains("services.csv mist de kolom name"), "{error}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_50_mb_file_imports_in_batches() {
    let app = TestApp::empty(Backend::Sqlite).await;
    let good = read_services(&hsds_dir().join("examples/service_full.json"))
        .unwrap()
        .remove(0);
    let long = "Een lange beschrijving. ".repeat(4200);
    let services: Vec<Value> = (0..520u128)
        .map(|n| {
            let mut s = good.clone();
            s["id"] = uuid::Uuid::from_u128(0x5d2a_0000_0000_4000_8000_0000_0000_0000 + n)
                .to_string()
                .into();
            s["description"] = long.clone().into();
            s
        })
        .collect();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("groot.json");
    std::fs::write(&path, serde_json::to_vec(&services).unwrap()).unwrap();
    assert!(std::fs::metadata(&path).unwrap().len() > 50_000_000);

    let summary = import_services(&app.state.db, read_services(&path).unwrap())
        .await
        .unwrap();

    assert!(
        summary.problems.is_empty(),
        "{:?}",
        &summary.problems[..summary.problems.len().min(3)]
    );
    assert_eq!(summary.services, 520);
    assert_eq!(app.state.db.count_offers().await.unwrap(), 520);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_taxonomy_file_adds_its_terms() {
    let app = TestApp::empty(Backend::Sqlite).await;
    let terms = server::hsds::run::read_terms(&hsds_dir().join("examples/taxonomy_term_list.json"))
        .unwrap();
    assert!(!terms.is_empty());

    app::db::save_terms(&app.state.db, &terms).await.unwrap();

    let (status, body) = json(&app, &format!("/hsds/taxonomy_terms/{}", terms[0].id)).await;
    assert_eq!(status, 200);
    assert_eq!(body["name"], terms[0].name.as_str());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_import_says_what_the_freshness_rule_hides_and_checked_on_vouches_for_the_data() {
    use server::hsds::run::{freshness_note, import_services_with, ImportOptions};
    let app = TestApp::empty(Backend::Sqlite).await;
    // The example was last checked ("assured") in 2005: it would leave search at once.
    let services = read_services(&hsds_dir().join("examples/service_full.json")).unwrap();
    let id = services[0]["id"].as_str().unwrap().to_string();
    let summary = import_services(&app.state.db, services.clone())
        .await
        .unwrap();
    assert_eq!(
        (summary.services, summary.hidden, summary.overdue),
        (1, 1, 0)
    );
    let note = freshness_note(&summary);
    assert!(
        note.contains("1 aanbod is langer dan 9 maanden") && note.contains("--checked-on"),
        "{note}"
    );
    server::reindex(&app.state).await.unwrap();
    let (_, found) = json(&app, "/api/v1/search?q=counselling").await;
    assert_eq!(found["total"], 0, "hidden until someone vouches for it");

    let summary = import_services_with(&app.state.db, services, ImportOptions::checked_today())
        .await
        .unwrap();
    assert_eq!((summary.hidden, summary.overdue), (0, 0));
    server::reindex(&app.state).await.unwrap();
    let (_, found) = json(&app, "/api/v1/search?q=counselling").await;
    assert_eq!(found["total"], 1, "{found}");
    assert_eq!(found["items"][0]["id"], id.as_str());
}
