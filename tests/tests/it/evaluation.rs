//! Search and matching quality on a register the product did not write (`tests/eval/`: 156
//! services of four other gemeenten, their own taxonomy, vacancies as services; 80 resident
//! questions and 8 profiles judged before any tuning). Prints the figures; fails when quality
//! falls below the floor measured when the register was added. Issue 14 raises the floors to its
//! targets (every relevant service in the top 5 for 95 % of questions, no must-not in the top
//! 10, every profile's must-haves present) as the work lands.

use std::collections::HashSet;
use std::path::PathBuf;

use reqwest::Method;
use serde_json::Value;
use server::hsds::run::{import_services_with, read_services, ImportOptions};

use crate::support::{Backend, TestApp};

// Floors: the figures measured on 2026-12-01. Only ever raise them. Must-not results in the
// top 10 were none then, which is also the target, so that check is absolute.

/// 42 of 80 questions (52 %) on 2026-12-01; 70 of 80 (88 %) on 2026-12-02 with roles in
/// search, the concept list, derived terms and the home-gemeente preference; 78 of 80 (98 %)
/// with the words offers use per concept and derived terms for roles. The target is 95 %.
const MIN_SUCCESS_AT_5: f64 = 0.975;
/// The held-out questions (`holdout.json`): 28 of 28 the first time they were asked
/// (2026-12-02), after the tuning on `judgements.json`.
const MIN_HELD_OUT_SUCCESS_AT_5: f64 = 1.0;
/// None of 8 before the taxonomy crosswalk (the register's terms meant nothing to the engine);
/// 8 of 8 with it and with "voetbal" counting for roles that ask for "sport" (2026-12-01).
const MIN_PROFILES_SATISFIED: usize = 8;

fn eval_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("eval")
}

fn ids(v: &Value) -> Vec<String> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap().to_string())
        .collect()
}

/// Every offer or role id in the three lanes of a match answer.
fn suggested(lanes: &Value) -> HashSet<String> {
    ["meedoen", "bijdragen", "samen"]
        .iter()
        .flat_map(|lane| lanes[lane].as_array().cloned().unwrap_or_default())
        .filter_map(|s| s["target"]["id"].as_str().map(str::to_string))
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn search_and_matching_on_an_independent_register_stay_above_their_floors() {
    let app = TestApp::empty(Backend::Sqlite).await;
    let services = read_services(&eval_dir().join("register.json")).unwrap();
    // The gemeente vouches for its register: the freshness rule is measured elsewhere.
    let summary = import_services_with(&app.state.db, services, ImportOptions::checked_today())
        .await
        .unwrap();
    assert!(summary.problems.is_empty(), "{:?}", summary.problems);
    server::reindex(&app.state).await.unwrap();
    let names: std::collections::HashMap<String, String> =
        read_services(&eval_dir().join("register.json"))
            .unwrap()
            .iter()
            .map(|s| {
                (
                    s["id"].as_str().unwrap().to_string(),
                    s["name"].as_str().unwrap().to_string(),
                )
            })
            .collect();
    // SK_EVAL_VERBOSE=1 shows, for each miss, what was wanted and what came first: the loop
    // for tuning, never a reason to change a judgement.
    let verbose = std::env::var_os("SK_EVAL_VERBOSE").is_some();
    let name = |id: &String| names.get(id).cloned().unwrap_or_else(|| id.clone());
    let read = |file: &str| -> Value {
        serde_json::from_str(&std::fs::read_to_string(eval_dir().join(file)).unwrap()).unwrap()
    };
    let judgements = read("judgements.json");
    let tuned = measure(
        &app,
        judgements["queries"].as_array().unwrap(),
        &name,
        verbose,
    )
    .await;
    // The held-out questions were written after the tuning and are never tuned on: no
    // details of their misses, only which.
    let holdout = measure(
        &app,
        read("holdout.json")["queries"].as_array().unwrap(),
        &name,
        false,
    )
    .await;
    let (hits, must_not_seen, misses, wrongs) = (
        tuned.hits,
        tuned.must_not_seen + holdout.must_not_seen,
        tuned.misses,
        [tuned.wrongs, holdout.wrongs].concat(),
    );
    let queries = judgements["queries"].as_array().unwrap();
    let success = hits as f64 / queries.len() as f64;

    let (mut satisfied, mut unsatisfied) = (0, Vec::new());
    let profiles = judgements["profiles"].as_array().unwrap();
    for p in profiles {
        let (status, lanes) = app
            .send(
                Method::POST,
                "/api/v1/match",
                Some(p["profile"].clone()),
                None,
            )
            .await;
        assert_eq!(status, 200, "{lanes}");
        let offered = suggested(&lanes);
        let filled = ["meedoen", "bijdragen", "samen"]
            .iter()
            .filter(|lane| lanes[**lane].as_array().is_some_and(|l| !l.is_empty()))
            .count();
        eprintln!("profile {} fills {filled} of 3 lanes", p["profile"]);
        // Someone who says what they can do gets all three: a place to take part, a role, and
        // a coalition around that role (the Trainerskracht case on a register we did not write).
        let offers_talents = p["profile"]["talents"]
            .as_array()
            .is_some_and(|t| !t.is_empty());
        assert!(
            !offers_talents || filled == 3,
            "{} fills {filled} lanes: {lanes}",
            p["profile"]
        );
        if ids(&p["must"]).iter().all(|m| offered.contains(m)) {
            satisfied += 1;
        } else {
            unsatisfied.push(p["profile"].to_string());
        }
    }

    let held_out = holdout.hits as f64 / holdout.total as f64;
    eprintln!(
        "| register | questions | success@5 | must-not in top 10 | profiles satisfied |\n\
         |---|---|---|---|---|\n\
         | tests/eval (156 services) | {} | {:.0} % | {must_not_seen} | {satisfied} of {} |\n\
         | held out (holdout.json) | {} | {:.0} % | {} | |",
        queries.len(),
        success * 100.0,
        profiles.len(),
        holdout.total,
        held_out * 100.0,
        holdout.must_not_seen,
    );
    eprintln!("missed: {misses:?}\nmust not: {wrongs:?}\nprofiles short: {unsatisfied:?}");
    eprintln!("held out missed: {:?}", holdout.misses);
    assert!(
        success >= MIN_SUCCESS_AT_5,
        "success@5 fell to {success:.2}"
    );
    assert!(
        held_out >= MIN_HELD_OUT_SUCCESS_AT_5,
        "held-out success@5 fell to {held_out:.2}"
    );
    assert!(
        must_not_seen == 0,
        "{must_not_seen} must-not results in the top 10"
    );
    assert!(
        satisfied >= MIN_PROFILES_SATISFIED,
        "{satisfied} profiles satisfied"
    );
}

/// What one set of questions gave.
struct Measured {
    total: usize,
    hits: usize,
    must_not_seen: usize,
    misses: Vec<String>,
    wrongs: Vec<String>,
}

/// Asks every question of `queries` and checks the answers against their judgements.
async fn measure(
    app: &TestApp,
    queries: &[Value],
    name: &dyn Fn(&String) -> String,
    verbose: bool,
) -> Measured {
    let mut m = Measured {
        total: queries.len(),
        hits: 0,
        must_not_seen: 0,
        misses: Vec::new(),
        wrongs: Vec::new(),
    };
    for query in queries {
        let q = query["q"].as_str().unwrap();
        let path = format!(
            "/api/v1/search?q={}&postcode={}&radius_km=15&size=10",
            q.replace(' ', "+"),
            query["postcode"].as_str().unwrap()
        );
        let (status, body) = app.get_json(&path).await;
        assert_eq!(status, 200, "{path}: {body}");
        let found: Vec<String> = body["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["id"].as_str().unwrap().to_string())
            .collect();
        let top5: HashSet<&String> = found.iter().take(5).collect();
        if ids(&query["relevant"]).iter().all(|r| top5.contains(r)) {
            m.hits += 1;
        } else {
            m.misses.push(q.to_string());
            if verbose {
                let wanted: Vec<String> = ids(&query["relevant"]).iter().map(name).collect();
                let got: Vec<String> = found.iter().take(5).map(name).collect();
                eprintln!(
                    "MISS {q}\n  wanted {wanted:?}\n  got    {got:?}\n  understood {}",
                    body["understood"]
                );
            }
        }
        for wrong in ids(&query["must_not"]).iter().filter(|w| found.contains(w)) {
            m.must_not_seen += 1;
            m.wrongs.push(format!("{q} → {wrong}"));
        }
    }
    m
}
