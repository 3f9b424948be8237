//! Scale-out on one PostgreSQL database: nodes keep nothing of their own but derived data (the
//! search index, the matching catalog), so a write acknowledged on one node is found on every
//! other, survives that node being killed, and a node started later answers the same.

use std::collections::BTreeSet;
use std::io::BufRead;
use std::time::Duration;

use uuid::Uuid;

use crate::support::{within, Backend, TestApp};

/// The word every offer node A writes is named with: in no other offer, in no word list.
const WORD: &str = "Qwzxkoor";
/// The ignored test that is node A, run in its own process so that it can be killed.
const NODE_A: &str = "scale_out::node_a_writes_offers_until_it_is_killed";
/// Writes node A acknowledges before it is killed (it keeps writing until then).
const ACKED_BEFORE_KILL: usize = 25;

/// The offers a node's search finds for [`WORD`] (every page: node A may write more than one
/// page before it is killed, the more so on a busy machine), and the total it gives.
async fn found_on(node: &TestApp) -> (u64, BTreeSet<String>) {
    let mut ids = BTreeSet::new();
    let mut page = 0;
    loop {
        page += 1;
        let (status, body) = node
            .get_json(&format!("/api/v1/search?q={WORD}&size=100&page={page}"))
            .await;
        assert_eq!(status, 200, "{body}");
        let items = body["items"].as_array().unwrap();
        ids.extend(items.iter().map(|i| i["id"].as_str().unwrap().to_string()));
        let total = body["total"].as_u64().unwrap();
        if items.is_empty() || ids.len() as u64 >= total {
            return (total, ids);
        }
    }
}

/// The offers in a node's matching catalog that node A wrote.
async fn in_catalog(node: &TestApp) -> BTreeSet<String> {
    let catalog = app::service::matching::catalog(&node.state).await.unwrap();
    catalog
        .offers
        .iter()
        .filter(|o| o.name.starts_with(WORD))
        .map(|o| o.id.to_string())
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_write_on_one_node_is_found_on_another_survives_a_kill_and_a_later_node_answers_the_same()
{
    // Node B serves the demo from a fresh PostgreSQL database; node A joins it in a process
    // of its own and writes new offers one by one, printing each id once its commit returned.
    let b = TestApp::demo(Backend::Postgres).await;
    let url = b.config.database_url.clone().unwrap().expose().to_string();
    let mut a = std::process::Command::new(std::env::current_exe().unwrap())
        .args([
            NODE_A,
            "--exact",
            "--ignored",
            "--nocapture",
            "--test-threads",
            "1",
        ])
        .env("SK_STORY_DATABASE_URL", &url)
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let (tx, mut acks) = tokio::sync::mpsc::unbounded_channel();
    let stdout = a.stdout.take().unwrap();
    std::thread::spawn(move || {
        for line in std::io::BufReader::new(stdout)
            .lines()
            .map_while(Result::ok)
        {
            if let Some(id) = line.strip_prefix("acked ") {
                let _ = tx.send(id.to_string());
            }
        }
    });
    // The first write is found by search and matching on node B within a second.
    let first = tokio::time::timeout(Duration::from_secs(120), acks.recv())
        .await
        .expect("node A starts writing")
        .expect("node A is running");
    let searched = within(Duration::from_secs(1), "search on node B", || async {
        found_on(&b).await.1.contains(&first)
    })
    .await;
    let matched = within(Duration::from_secs(1), "matching on node B", || async {
        in_catalog(&b).await.contains(&first)
    })
    .await;
    eprintln!("node B found node A's write in {searched:?} (search), {matched:?} (matching)");

    // Killed (SIGKILL) in the middle of its writes.
    let mut acked = BTreeSet::from([first]);
    while acked.len() < ACKED_BEFORE_KILL {
        let id = tokio::time::timeout(Duration::from_secs(60), acks.recv())
            .await
            .expect("node A keeps writing")
            .expect("node A is running");
        acked.insert(id);
    }
    a.kill().unwrap();
    a.wait().unwrap();
    while let Ok(id) = acks.try_recv() {
        acked.insert(id);
    }

    // Nothing acknowledged is lost: in the database, found on node B, in its catalog.
    let pool = sqlx::PgPool::connect(&url).await.unwrap();
    let stored: BTreeSet<String> =
        sqlx::query_scalar::<_, Uuid>("SELECT id FROM services WHERE name LIKE $1")
            .bind(format!("{WORD} %"))
            .fetch_all(&pool)
            .await
            .unwrap()
            .into_iter()
            .map(|id| id.to_string())
            .collect();
    assert!(
        acked.is_subset(&stored),
        "acknowledged but not stored: {:?}",
        acked.difference(&stored)
    );
    within(
        Duration::from_secs(5),
        "node B catches up with every stored write",
        || async { found_on(&b).await.1 == stored && in_catalog(&b).await == stored },
    )
    .await;

    // Node C starts later with nothing of its own: it builds its index and catalog from the
    // database and answers as node B does.
    let c = TestApp::node_on(&url).await;
    assert_eq!(found_on(&c).await, found_on(&b).await);
    assert_eq!(in_catalog(&c).await, stored);
    let nearby = "/api/v1/search?q=voetbal&postcode=3454&radius_km=5";
    assert_eq!(c.get_json(nearby).await, b.get_json(nearby).await);
}

/// Node A of the story above: joins the database of `SK_STORY_DATABASE_URL` as a node and saves
/// new offers (copies of the demo's football club, named "Qwzxkoor n") one transaction at a
/// time, the way an import or an editor's form does, until it is killed.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "node A of the scale-out story: started and killed by the test above"]
async fn node_a_writes_offers_until_it_is_killed() {
    let url = std::env::var("SK_STORY_DATABASE_URL").expect("started by the story test");
    let a = TestApp::node_on(&url).await;
    let club = server::demo::demo_id("svc:vv-de-meern-jeugd");
    let template = app::db::load_dataset(&a.state.db, Some(&[club]))
        .await
        .unwrap()
        .services
        .into_iter()
        .find(|s| s.id == club)
        .expect("the demo's club");
    for n in 0.. {
        let service = app::db::ServiceRecord {
            id: Uuid::new_v4(),
            name: format!("{WORD} {n}"),
            ..template.clone()
        };
        let data = app::db::Dataset {
            services: vec![service.clone()],
            ..Default::default()
        };
        app::db::save_dataset(&a.state.db, &data).await.unwrap();
        println!("acked {}", service.id);
    }
}
