//! The providers' stories in a real browser: register → approve → add an offer → it is
//! searchable; an overdue listing leaves search and comes back after "alles klopt nog".

use uuid::Uuid;

use crate::support::fixtures::other_org;
use crate::support::webdriver::Browser;
use crate::support::{Backend, TestApp};
use app::auth::Role;

const PASSWORD: &str = "een lang wachtwoord";

async fn user(app: &TestApp, email: &str, role: Role, gemeente: Option<&str>, orgs: &[Uuid]) {
    let id = app::db::create_user(
        &app.state.db,
        email,
        "Test",
        role,
        gemeente,
        &app::auth::hash_password(PASSWORD),
    )
    .await
    .unwrap();
    for org in orgs {
        app::db::link_user_organisation(&app.state.db, id, *org)
            .await
            .unwrap();
    }
}

async fn log_in(browser: &Browser, app: &TestApp, email: &str) {
    crate::support::webdriver::log_in(browser, app, email).await;
    browser.wait_for("#uitloggen").await;
}

async fn log_out(browser: &Browser, app: &TestApp) {
    browser.goto_hydrated(&app.url("/beheer")).await;
    browser.click(&browser.wait_for("#uitloggen").await).await;
    browser
        .wait_until("return !document.querySelector('#uitloggen');")
        .await;
}

/// Polls the search page (as a resident) until `text` is in it or is not, within a few seconds.
async fn search_shows(app: &TestApp, path: &str, text: &str, wanted: bool) -> bool {
    for _ in 0..50 {
        let (_, html) = app.get(path).await;
        if html.contains(text) == wanted {
            return true;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    false
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_new_organisation_is_approved_and_its_new_offer_is_searchable_in_chromium() {
    let app = TestApp::demo(Backend::Sqlite).await;
    user(&app, "schaak@example.org", Role::Provider, None, &[]).await;
    user(
        &app,
        "gemeente@example.org",
        Role::Coordinator,
        Some("GM0344"),
        &[],
    )
    .await;
    let browser = Browser::start(true).await;

    log_in(&browser, &app, "schaak@example.org").await;
    browser
        .goto_hydrated(&app.url("/beheer/nieuwe-organisatie"))
        .await;
    for (field, value) in [
        ("#naam", "Schaakclub De Toren"),
        ("#beschrijving", "Schaken voor iedereen in De Meern."),
        ("#adres", "Dorpsstraat 5"),
        ("#postcode", "3454 AB"),
        ("#plaats", "De Meern"),
    ] {
        browser
            .type_text(&browser.wait_for(field).await, value)
            .await;
    }
    browser
        .click(&browser.wait_for("article button[type=submit]").await)
        .await;
    browser.wait_for("#aangemeld").await;
    log_out(&browser, &app).await;

    log_in(&browser, &app, "gemeente@example.org").await;
    browser.goto_hydrated(&app.url("/beheer/moderatie")).await;
    browser
        .click(&browser.wait_for(".pending-org .decide-yes").await)
        .await;
    browser
        .wait_until("return !document.querySelector('.pending-org');")
        .await;
    log_out(&browser, &app).await;

    log_in(&browser, &app, "schaak@example.org").await;
    browser.click(&browser.wait_for(".new-offer").await).await;
    browser
        .type_text(
            &browser.wait_for("#naam").await,
            "Schaakles voor kinderen op woensdag",
        )
        .await;
    browser
        .type_text(
            &browser.wait_for("#beschrijving").await,
            "Leer schaken met andere kinderen.",
        )
        .await;
    // The first topic (meedoen), and a number residents can call.
    browser
        .click(&browser.wait_for("#leefgebied-0").await)
        .await;
    browser
        .type_text(&browser.wait_for("#telefoon").await, "030 123 4567")
        .await;
    browser
        .click(&browser.wait_for(".offer-editor button[type=submit]").await)
        .await;
    browser.wait_for(".manage-offer").await;

    assert!(
        search_shows(
            &app,
            "/?q=schaakles&waar=3454",
            "Schaakles voor kinderen op woensdag",
            true
        )
        .await,
        "the new offer is searchable within a few seconds of saving"
    );

    // A verified provider's edit goes live at once.
    browser.click(&browser.wait_for(".edit-offer").await).await;
    let name = browser.wait_for("#naam").await;
    browser
        .execute("document.getElementById('naam').value = ''; return true;")
        .await;
    browser
        .type_text(&name, "Schaakles op woensdag en vrijdag")
        .await;
    browser
        .click(&browser.wait_for(".offer-editor button[type=submit]").await)
        .await;
    browser.wait_for(".manage-offer").await;
    assert!(
        search_shows(
            &app,
            "/?q=schaakles&waar=3454",
            "Schaakles op woensdag en vrijdag",
            true
        )
        .await,
        "the change is searchable"
    );
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_overdue_listing_comes_back_after_alles_klopt_nog_in_chromium() {
    let app = TestApp::demo(Backend::Sqlite).await;
    user(
        &app,
        "geld@example.org",
        Role::Provider,
        None,
        &[other_org()],
    )
    .await;
    let long_ago = chrono::Utc::now().date_naive() - chrono::Days::new(300);
    if let app::db::Db::Sqlite(p) = &app.state.db {
        for sql in [
            "UPDATE services SET last_verified_on = $1 WHERE organization_id = $2",
            "UPDATE organizations SET last_verified_on = $1 WHERE id = $2",
        ] {
            sqlx::query(sql)
                .bind(long_ago)
                .bind(other_org())
                .execute(p)
                .await
                .unwrap();
        }
    }
    server::reindex(&app.state).await.unwrap();
    let search = "/?q=geldzaken&waar=3562";
    let browser = Browser::start(true).await;
    browser.goto_hydrated(&app.url(search)).await;
    let shown = browser
        .execute("return document.body.innerText.includes('Spreekuur geldzaken');")
        .await;
    assert_eq!(
        shown,
        serde_json::Value::Bool(false),
        "hidden after nine months"
    );

    log_in(&browser, &app, "geld@example.org").await;
    let hidden_note = browser
        .execute("return !!document.querySelector('.manage-org .problem');")
        .await;
    assert_eq!(
        hidden_note,
        serde_json::Value::Bool(true),
        "the dashboard says it is hidden"
    );
    browser
        .click(&browser.wait_for(".manage-org .confirm").await)
        .await;
    browser
        .wait_until("return !document.querySelector('.manage-org .problem');")
        .await;

    assert!(
        search_shows(&app, search, "Spreekuur geldzaken", true).await,
        "back in search"
    );
    browser.goto_hydrated(&app.url(search)).await;
    browser
        .wait_until("return document.body.innerText.includes('Spreekuur geldzaken');")
        .await;
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_wijk_of_a_postcode_shows_while_typing_in_chromium() {
    let app = TestApp::demo(Backend::Sqlite).await;
    user(
        &app,
        "plek@example.org",
        Role::Provider,
        None,
        &[other_org()],
    )
    .await;
    let browser = Browser::start(true).await;
    log_in(&browser, &app, "plek@example.org").await;
    browser
        .goto_hydrated(&app.url(&format!(
            "/beheer/locatie/nieuw?organisatie={}",
            other_org()
        )))
        .await;

    browser
        .type_text(&browser.wait_for("#postcode").await, "3454 AB")
        .await;

    browser
        .wait_until(
            "return document.getElementById('postcode-gebied').innerText.includes('gemeente Utrecht');",
        )
        .await;
    browser.close().await;
}
