//! What providers maintain: the waiting list and the need it proposes, freshness and "alles
//! klopt nog", the offer editor keeping what was typed, and the reminders to check a listing.

use leptos::server_fn::ServerFn;

use crate::support::fixtures::{club, club_offer, offer_fields, other_org};
use crate::support::{login_as, on_both_backends, page, post, Backend, TestApp};
use app::auth::Role;

on_both_backends! {
    async fn a_waiting_list_proposes_a_need_that_residents_with_the_talent_find(backend) {
        let app = TestApp::demo(backend).await;
        let provider = login_as(&app, Role::Provider, None, &[club()]).await;
        let walking = server::demo::demo_id("svc:vv-de-meern-walking");

        let (status, _) = post(&app, app::api::SetWaitingList::PATH, &provider, &[("aanbod", walking.to_string()), ("wachtlijst", "12".into())]).await;
        assert!((300..400).contains(&status), "{status}");
        let (status, location) = post(&app, app::api::PublishWaitingListNeed::PATH, &provider, &[("aanbod", walking.to_string())]).await;
        assert!((300..400).contains(&status), "{status}");
        assert!(location.starts_with("/beheer?bijgewerkt=") && location.ends_with("&gepubliceerd=ja"), "{location}");

        let (_, html) = app.get("/ik-kan-iets?talent=voetbal&waar=3454").await;
        assert!(html.contains("Vrijwilligers om de wachtlijst weg te werken: Walking football voor 60-plussers"), "{html}");
        let trail = app::db::audit_trail(&app.state.db, "service", &walking.to_string()).await.unwrap();
        assert_eq!(trail[0].2, "waiting_list");
    }

    async fn an_overdue_listing_leaves_search_and_comes_back_after_alles_klopt_nog(backend) {
        let app = TestApp::demo(backend).await;
        let provider = login_as(&app, Role::Provider, None, &[other_org()]).await;
        let long_ago = chrono::Utc::now().date_naive() - chrono::Days::new(300);
        let sql = "UPDATE services SET last_verified_on = $1 WHERE organization_id = $2";
        match &app.state.db {
            app::db::Db::Sqlite(p) => { sqlx::query(sql).bind(long_ago).bind(other_org()).execute(p).await.unwrap(); }
            app::db::Db::Postgres(p) => { sqlx::query(sql).bind(long_ago).bind(other_org()).execute(p).await.unwrap(); }
        }
        server::reindex(&app.state).await.unwrap();
        let found = |html: &str| html.contains("Spreekuur geldzaken");
        let (_, html) = app.get("/?q=geldzaken&waar=3562").await;
        assert!(!found(&html), "hidden after nine months");

        let (status, _) = post(&app, app::api::ConfirmStillCorrect::PATH, &provider, &[("organisatie", other_org().to_string())]).await;
        assert!((300..400).contains(&status));

        // Every node follows the change log; give this one a moment.
        let mut back = false;
        for _ in 0..50 {
            let (_, html) = app.get("/?q=geldzaken&waar=3562").await;
            if found(&html) { back = true; break; }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        assert!(back, "back in search after alles klopt nog");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_provider_logs_in_sets_a_waiting_list_and_publishes_the_proposed_need_in_chromium() {
    let app = TestApp::demo(Backend::Sqlite).await;
    let user = app::db::create_user(
        &app.state.db,
        "club@example.org",
        "Club",
        Role::Provider,
        None,
        &app::auth::hash_password("een lang wachtwoord"),
    )
    .await
    .unwrap();
    app::db::link_user_organisation(&app.state.db, user, club())
        .await
        .unwrap();
    let walking = server::demo::demo_id("svc:vv-de-meern-walking");
    let browser = crate::support::webdriver::Browser::start(true).await;

    browser.goto_hydrated(&app.url("/beheer")).await;
    // Not logged in: the dashboard sends people to the login page.
    browser
        .wait_until("return location.pathname === '/inloggen';")
        .await;
    browser
        .wait_until("return document.body.dataset.hydrated === 'true';")
        .await;
    let email = browser.wait_for("#email").await;
    browser.type_text(&email, "club@example.org").await;
    let password = browser.wait_for("#wachtwoord").await;
    browser.type_text(&password, "een lang wachtwoord").await;
    let submit = browser.wait_for("main button[type=submit]").await;
    browser.click(&submit).await;
    browser
        .wait_until(
            "return location.pathname === '/beheer' && !!document.querySelector('.manage-org');",
        )
        .await;

    let field = browser.wait_for(&format!("#wachtlijst-{walking}")).await;
    browser
        .execute(&format!(
            "document.getElementById('wachtlijst-{walking}').value = ''; return true;"
        ))
        .await;
    browser.type_text(&field, "12").await;
    let save = browser
        .wait_for(&format!("li[data-offer='{walking}'] .inline-form button"))
        .await;
    browser.click(&save).await;
    let publish = browser
        .wait_for(&format!("li[data-offer='{walking}'] .publish-need"))
        .await;
    browser.click(&publish).await;
    browser.wait_for("#oproep-geplaatst").await;

    let (_, html) = app.get("/ik-kan-iets?talent=voetbal&waar=3454").await;
    assert!(html.contains(
        "Vrijwilligers om de wachtlijst weg te werken: Walking football voor 60-plussers"
    ));
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_bad_time_in_the_offer_editor_keeps_everything_typed_and_says_what_is_wrong() {
    let app = TestApp::demo(Backend::Sqlite).await;
    let provider = login_as(&app, Role::Provider, None, &[club()]).await;
    let mut fields = offer_fields(
        &club_offer().to_string(),
        "",
        "Voetbal voor kinderen (nieuwe naam)",
    );
    fields.retain(|(k, _)| *k != "form[tot]");
    fields.push(("form[tot]", "13:00".into()));

    let (_, location) = post(&app, app::api::SaveOffer::PATH, &provider, &fields).await;

    assert!(location.contains("fout=tot"), "{location}");
    let html = page(&app, &location, &provider).await;
    assert!(
        html.contains("Schrijf de tijd als 14:00, en de eindtijd na de begintijd."),
        "{html}"
    );
    assert!(
        html.contains(r#"value="Voetbal voor kinderen (nieuwe naam)""#),
        "the typed name stays"
    );
    assert!(html.contains(r#"aria-invalid="true""#));
    let detail = app::service::cards::offer_page(&app.state, club_offer(), app::i18n::Lang::Nl)
        .await
        .unwrap();
    assert_eq!(
        detail.name, "Voetballen voor kinderen van 6 tot 12 jaar",
        "nothing saved"
    );
}

on_both_backends! {
    async fn providers_are_reminded_once_after_five_months_without_a_check(backend) {
        let app = TestApp::demo_without_housekeeping(backend).await;
        let provider = login_as(&app, Role::Provider, None, &[club()]).await;
        drop(provider);
        let long_ago = chrono::Utc::now().date_naive() - chrono::Days::new(160);
        let sql = "UPDATE organizations SET last_verified_on = $1 WHERE id = $2";
        match &app.state.db {
            app::db::Db::Sqlite(p) => { sqlx::query(sql).bind(long_ago).bind(club()).execute(p).await.unwrap(); }
            app::db::Db::Postgres(p) => { sqlx::query(sql).bind(long_ago).bind(club()).execute(p).await.unwrap(); }
        }
        let (state, outbox) = crate::support::Outbox::for_app(&app);

        app::service::manage::send_reminders(&state).await.unwrap();
        app::service::manage::send_reminders(&state).await.unwrap();

        let mails = outbox.all();
        let to_club: Vec<_> = mails.iter().filter(|(_, s, _)| s.contains("Voetbalvereniging Sportpark De Meern")).collect();
        assert_eq!(to_club.len(), 1, "once, not every hour: {mails:?}");
        assert!(to_club[0].0.starts_with("provider-"));
    }
}
