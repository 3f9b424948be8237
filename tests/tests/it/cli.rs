//! Startup behaviour and the command line.

use clap::CommandFactory;

use crate::support::{Backend, TestApp};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn serve_loads_the_demo_only_once_and_a_restart_keeps_the_data() {
    let app = TestApp::demo(Backend::Sqlite).await;
    let offers = app.state.db.count_offers().await.unwrap();
    app.state.db.close().await;

    let restarted = server::App::build(app.config.clone()).await.unwrap();

    assert_eq!(restarted.state.db.count_offers().await.unwrap(), offers);
    assert_eq!(
        restarted.state.search.state().documents,
        app.state.search.state().documents
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_instance_started_with_no_demo_stays_empty() {
    let app = TestApp::empty(Backend::Sqlite).await;

    assert_eq!(app.state.db.count_offers().await.unwrap(), 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_deleted_or_corrupt_index_is_rebuilt_from_the_database_on_start() {
    let app = TestApp::demo(Backend::Sqlite).await;
    let documents = app.state.search.state().documents;
    app.state.db.close().await;
    let index_dir = app.data_dir().join("index");
    std::fs::remove_dir_all(&index_dir).unwrap();

    let restarted = server::App::build(app.config.clone()).await.unwrap();
    assert_eq!(restarted.state.search.state().documents, documents);
    restarted.state.db.close().await;
    drop(restarted);

    std::fs::write(index_dir.join("meta.json"), b"{ broken").unwrap();
    let restarted = server::App::build(app.config.clone()).await.unwrap();
    assert_eq!(restarted.state.search.state().documents, documents);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn loading_the_demo_twice_does_not_duplicate_anything() {
    let app = TestApp::demo(Backend::Sqlite).await;
    let before = app.state.db.count_offers().await.unwrap();

    app::db::save_dataset(&app.state.db, &server::demo::dataset())
        .await
        .unwrap();

    assert_eq!(app.state.db.count_offers().await.unwrap(), before);
}

#[test]
fn help_documents_every_command() {
    let mut command = server::cli::Cli::command();
    let help = command.render_long_help().to_string();
    for sub in ["serve", "demo", "reindex"] {
        assert!(help.contains(sub), "{sub} missing from --help");
        let sub_help = command
            .find_subcommand_mut(sub)
            .unwrap()
            .render_long_help()
            .to_string();
        assert!(
            sub_help.contains("--data-dir"),
            "{sub} --help documents --data-dir"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn teams_are_made_and_filled_and_an_account_is_switched_off_from_the_command_line() {
    use clap::Parser;
    let app = TestApp::demo(Backend::Sqlite).await;
    let member = crate::support::actor(&app, app::auth::Role::Professional, None, &[]).await;
    let dir = app.data_dir().display().to_string();
    let run = |args: Vec<&str>| {
        let mut all = vec!["sociale-kaart"];
        all.extend(args);
        all.extend(["--data-dir", dir.as_str()]);
        server::cli::Cli::try_parse_from(all).unwrap().run()
    };
    run(vec![
        "team",
        "add",
        "--gemeente",
        "GM0344",
        "--name",
        "Buurtteam Zuidwest",
        "--phone",
        "030 123 4567",
    ])
    .await
    .unwrap();
    let refused = run(vec![
        "team",
        "add",
        "--gemeente",
        "GM0344",
        "--name",
        "Buurtteam Zuidwest",
    ])
    .await;
    assert!(refused
        .unwrap_err()
        .to_string()
        .contains("die de gemeente nog niet heeft"));
    run(vec![
        "team",
        "member",
        "--gemeente",
        "GM0344",
        "--team",
        "Buurtteam Zuidwest",
        "--email",
        &member.email,
        "--lead",
    ])
    .await
    .unwrap();
    let (team, lead) = app::db::team_of(&app.state.db, member.id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (team.name.as_str(), team.phone.as_str(), lead),
        ("Buurtteam Zuidwest", "030 123 4567", true)
    );

    run(vec!["user", "disable", "--email", &member.email])
        .await
        .unwrap();
    let user = app::db::find_user(&app.state.db, &member.email)
        .await
        .unwrap()
        .unwrap();
    assert!(user.disabled);
    assert!(
        app::db::team_members(&app.state.db, team.id)
            .await
            .unwrap()
            .is_empty(),
        "no longer a working member"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_synthetic_demo_is_searchable_says_it_is_testdata_and_a_second_run_doubles_nothing() {
    use clap::Parser;
    let mut app = TestApp::empty(Backend::Sqlite).await;
    let dir = app.data_dir().display().to_string();
    let run = |n: &'static str| {
        let args = [
            "sociale-kaart",
            "demo",
            "--synthetic",
            n,
            "--data-dir",
            &dir,
        ];
        server::cli::Cli::try_parse_from(args).unwrap().run()
    };

    // A run that stopped after 120 offers, then the whole run: the same offers, once each.
    run("120").await.unwrap();
    run("400").await.unwrap();

    assert_eq!(app.state.db.count_offers().await.unwrap(), 400);
    // A node started on that data, as after `demo` one starts `serve`.
    app.stop().await;
    let config = app.config.clone();
    let node = TestApp::spawn_with(Backend::Sqlite, false, |c| *c = config).await;
    let (status, body) = node.get_json("/api/v1/search?size=100").await;
    assert_eq!(status, 200, "{body}");
    let total = body["total"].as_u64().unwrap();
    // About one in twenty is made inactive, as registers have them.
    assert!((340..400).contains(&total), "{total}");
    let items = body["items"].as_array().unwrap();
    assert_eq!(items.len(), 100);
    for item in items {
        let name = item["name"].as_str().unwrap();
        assert!(name.ends_with(server::demo::synthetic::MARK), "{name}");
        let organisation = item["organization"]["name"].as_str().unwrap();
        assert!(
            organisation.ends_with(server::demo::synthetic::MARK),
            "{organisation}"
        );
    }
    // Spread over the country by where people live: many gemeenten, not one city.
    let gemeenten: std::collections::BTreeSet<&str> = items
        .iter()
        .filter_map(|i| i["location"]["gemeente"].as_str())
        .collect();
    assert!(gemeenten.len() > 30, "{gemeenten:?}");

    let too_many = server::cli::Cli::try_parse_from([
        "sociale-kaart",
        "demo",
        "--synthetic",
        "99000000",
        "--data-dir",
        &dir,
    ])
    .unwrap()
    .run()
    .await;
    assert!(too_many.unwrap_err().to_string().contains("hoogstens"));
}
