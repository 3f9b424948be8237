//! Schedules beyond "every week" from a register the product did not write: the third
//! Wednesday of the month, the last Saturday, every other Tuesday from a start date.

use server::hsds::run::{import_services_with, read_services, ImportOptions};

use crate::support::{Backend, TestApp};

const VERLIESGROEP: &str = "0655c1bf-3bd1-5937-8002-12927920db30";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn monthly_and_fortnightly_schedules_are_shown_filtered_and_exported_as_they_came() {
    let app = TestApp::empty(Backend::Sqlite).await;
    let path = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("eval/register.json");
    let mut services = read_services(&path).unwrap();
    // One service of the register meets every other Tuesday from 6 January 2026.
    let fortnightly = services
        .iter_mut()
        .find(|s| s["name"] == "Koffieochtend De Schakel")
        .unwrap();
    fortnightly["schedules"] = serde_json::json!([{
        "id": "7d3f5c2e-0000-4000-8000-000000000001",
        "freq": "WEEKLY", "interval": 2, "byday": "TU", "dtstart": "2026-01-06",
        "opens_at": "10:00", "closes_at": "11:30"
    }]);
    let fortnightly_id = fortnightly["id"].as_str().unwrap().to_string();
    import_services_with(&app.state.db, services, ImportOptions::checked_today())
        .await
        .unwrap();
    server::reindex(&app.state).await.unwrap();

    let (status, on_wednesday) = app
        .get_json("/api/v1/search?q=verliesgroep&postcode=3701&radius_km=5&day=wo")
        .await;
    let (_, on_monday) = app
        .get_json("/api/v1/search?q=verliesgroep&postcode=3701&radius_km=5&day=ma")
        .await;
    let (_, page) = app.get(&format!("/aanbod/{VERLIESGROEP}")).await;
    let (_, exported) = app
        .get_json(&format!("/hsds/services/{VERLIESGROEP}"))
        .await;
    let (_, koffie) = app.get(&format!("/aanbod/{fortnightly_id}")).await;
    let (_, koffie_exported) = app
        .get_json(&format!("/hsds/services/{fortnightly_id}"))
        .await;

    assert_eq!(status, 200);
    let item = on_wednesday["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == VERLIESGROEP)
        .unwrap_or_else(|| panic!("{on_wednesday}"));
    assert_eq!(
        item["schedule_text"],
        "elke derde woensdag van de maand 14:00-16:00"
    );
    assert!(!on_monday["items"]
        .as_array()
        .unwrap()
        .iter()
        .any(|i| i["id"] == VERLIESGROEP));
    assert!(
        page.contains("elke derde woensdag van de maand 14:00-16:00"),
        "{page}"
    );
    let schedule = &exported["schedules"][0];
    assert_eq!(
        (&schedule["freq"], &schedule["byday"]),
        (&serde_json::json!("MONTHLY"), &serde_json::json!("3WE"))
    );
    assert!(
        koffie.contains("om de week op dinsdag 10:00-11:30"),
        "{koffie}"
    );
    let schedule = &koffie_exported["schedules"][0];
    assert_eq!(schedule["interval"], 2);
    assert_eq!(schedule["dtstart"], "2026-01-06");
}
