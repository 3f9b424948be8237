//! A large HSDS import streams, and one killed halfway goes on where it stopped: run again, it
//! ends with every record exactly once, as if it had never been interrupted.

use std::collections::BTreeMap;
use std::path::Path;
use std::time::Duration;

use crate::support::{on_both_backends, TestApp};
use server::hsds::run::{import_file, read_services, ImportOptions};

/// Services in the register the story imports: six batches.
const RECORDS: usize = 3_000;
/// The ignored test that is the importer, run in its own process so that it can be killed.
const IMPORTER: &str = "import_resume::importer_runs_the_import_command";

/// A synthetic register of `n` services as JSON lines, as `demo --synthetic N --write-hsds`
/// writes it.
fn register(dir: &Path, n: usize) -> std::path::PathBuf {
    let path = dir.join("register.jsonl");
    let wordlist = Path::new(index::DEFAULT_WORDLIST);
    let written = server::demo::synthetic::write_hsds(n, wordlist, &path).unwrap();
    assert_eq!(written, n);
    path
}

/// Rows per table of the tables an import writes.
async fn table_counts(app: &TestApp) -> BTreeMap<&'static str, i64> {
    let mut counts = BTreeMap::new();
    for table in [
        "organizations",
        "locations",
        "services",
        "service_at_locations",
        "service_terms",
        "schedules",
        "service_languages",
        "needs",
    ] {
        let sql = format!("SELECT COUNT(*) FROM {table}");
        let n: i64 = match &app.state.db {
            app::db::Db::Sqlite(p) => sqlx::query_scalar(&sql).fetch_one(p).await.unwrap(),
            app::db::Db::Postgres(p) => sqlx::query_scalar(&sql).fetch_one(p).await.unwrap(),
        };
        counts.insert(table, n);
    }
    counts
}

on_both_backends! {
    async fn an_import_killed_halfway_and_run_again_ends_with_every_record_exactly_once(backend) {
        let files = tempfile::tempdir().unwrap();
        let path = register(files.path(), RECORDS);
        let app = TestApp::empty(backend).await;
        let url = app.config.database_url().expose().to_string();
        let importer_dir = tempfile::tempdir().unwrap();
        let mut importer = std::process::Command::new(std::env::current_exe().unwrap())
            .args([IMPORTER, "--exact", "--ignored", "--test-threads", "1"])
            .env("SK_IMPORT_FILE", &path)
            .env("SK_IMPORT_DATABASE_URL", &url)
            .env("SK_IMPORT_DATA_DIR", importer_dir.path())
            .stdout(std::process::Stdio::null())
            .spawn()
            .unwrap();

        // Killed (SIGKILL) as soon as its first batch is committed.
        let source = {
            let started = std::time::Instant::now();
            loop {
                let sql = "SELECT source, records FROM import_progress";
                let found: Option<(String, i64)> = match &app.state.db {
                    app::db::Db::Sqlite(p) => sqlx::query_as(sql).fetch_optional(p).await.unwrap(),
                    app::db::Db::Postgres(p) => sqlx::query_as(sql).fetch_optional(p).await.unwrap(),
                };
                if let Some((source, _)) = found {
                    break source;
                }
                assert!(
                    importer.try_wait().unwrap().is_none(),
                    "the importer ended before it saved a batch"
                );
                assert!(started.elapsed() < Duration::from_secs(120), "no batch saved in 2 minutes");
                tokio::time::sleep(Duration::from_millis(5)).await;
            }
        };
        importer.kill().unwrap();
        importer.wait().unwrap();
        let saved = app::db::import_checkpoint(&app.state.db, &source)
            .await
            .unwrap()
            .expect("the checkpoint of the killed import");
        assert!(
            saved > 0 && saved < RECORDS as u64,
            "killed halfway, not at {saved} of {RECORDS}"
        );
        // The register's vacancies become roles, the rest offers.
        let counts = table_counts(&app).await;
        assert_eq!((counts["services"] + counts["needs"]) as u64, saved);

        // Run again: it goes on after what was saved.
        let summary = import_file(&app.state.db, &path, ImportOptions::default())
            .await
            .unwrap();
        assert_eq!(summary.resumed_after, saved);
        assert_eq!(summary.read, RECORDS);
        assert_eq!((summary.services + summary.needs) as u64, RECORDS as u64 - saved);
        assert!(summary.problems.is_empty(), "{:?}", &summary.problems[..1]);
        assert_eq!(
            app::db::import_checkpoint(&app.state.db, &source).await.unwrap(),
            None,
            "a finished import forgets its checkpoint"
        );

        // Every record exactly once: the same rows as an import that was never interrupted.
        let clean = TestApp::empty(backend).await;
        import_file(&clean.state.db, &path, ImportOptions::default())
            .await
            .unwrap();
        let expected = table_counts(&clean).await;
        assert_eq!(expected["services"] + expected["needs"], RECORDS as i64);
        assert!(expected["needs"] > 0, "the register has vacancies: {expected:?}");
        assert_eq!(table_counts(&app).await, expected);

        // A third run of the finished import starts at the top and changes nothing.
        let again = import_file(&app.state.db, &path, ImportOptions::default())
            .await
            .unwrap();
        assert_eq!((again.resumed_after, again.services + again.needs), (0, RECORDS));
        assert_eq!(table_counts(&app).await, expected);
    }
}

/// The importer of the story above: `sociale-kaart import hsds` of `SK_IMPORT_FILE` into the
/// database of `SK_IMPORT_DATABASE_URL`, until it is killed.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "the importer of the import story: started and killed by the test above"]
async fn importer_runs_the_import_command() {
    use clap::Parser;
    let var = |name: &str| std::env::var(name).expect("started by the import story");
    let (file, url, dir) = (
        var("SK_IMPORT_FILE"),
        var("SK_IMPORT_DATABASE_URL"),
        var("SK_IMPORT_DATA_DIR"),
    );
    let args = [
        "sociale-kaart",
        "import",
        "hsds",
        &file,
        "--database-url",
        &url,
        "--data-dir",
        &dir,
    ];
    server::cli::Cli::try_parse_from(args)
        .unwrap()
        .run()
        .await
        .unwrap();
}

#[test]
fn a_json_array_json_lines_and_an_api_page_read_as_the_same_services() {
    let dir = tempfile::tempdir().unwrap();
    let lines = register(dir.path(), 1_200);
    let services = read_services(&lines).unwrap();
    assert_eq!(services.len(), 1_200);

    let array = dir.path().join("array.json");
    std::fs::write(&array, serde_json::to_vec_pretty(&services).unwrap()).unwrap();
    let page = dir.path().join("page.json");
    let body = serde_json::json!({ "total_items": 1200, "contents": services });
    std::fs::write(&page, serde_json::to_vec(&body).unwrap()).unwrap();

    assert_eq!(read_services(&array).unwrap(), services);
    assert_eq!(read_services(&page).unwrap(), services);
}

#[test]
fn a_record_larger_than_16_mb_is_refused_with_a_clear_message() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("groot.json");
    let huge = "a".repeat(17 * 1024 * 1024);
    let body =
        format!(r#"[{{"id": "x", "name": "klein"}}, {{"id": "y", "description": "{huge}"}}]"#);
    std::fs::write(&path, body).unwrap();

    let error = read_services(&path).unwrap_err().to_string();

    assert!(error.contains("groter dan 16 MB"), "{error}");
}

#[test]
fn an_empty_file_and_a_file_of_numbers_are_refused_in_dutch() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("leeg.json");
    std::fs::write(&empty, "  \n").unwrap();
    let numbers = dir.path().join("getallen.jsonl");
    std::fs::write(&numbers, "1\n2\n").unwrap();

    let error = read_services(&empty).unwrap_err().to_string();
    assert!(error.contains("is leeg"), "{error}");
    let error = read_services(&numbers).unwrap_err().to_string();
    assert!(error.contains("geen lijst van HSDS-services"), "{error}");
}
