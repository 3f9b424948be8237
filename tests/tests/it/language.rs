//! Dutch by default, English on request: the `taal` cookie, set by `/taal/{code}`.

use crate::support::{Backend, TestApp};

fn no_redirects() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn choosing_english_sets_a_cookie_and_goes_back_to_the_same_page() {
    let app = TestApp::demo(Backend::Sqlite).await;

    let response = no_redirects()
        .get(app.url("/taal/en?terug=%2F%3Fq%3Dvoetbal%26waar%3D3454"))
        .send()
        .await
        .unwrap();

    assert_eq!(response.status(), 303);
    assert_eq!(response.headers()["location"], "/?q=voetbal&waar=3454");
    let cookie = response.headers()["set-cookie"].to_str().unwrap();
    assert!(
        cookie.starts_with("taal=en;") && cookie.contains("SameSite=Lax"),
        "{cookie}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_way_back_never_leaves_the_site() {
    let app = TestApp::demo(Backend::Sqlite).await;

    let response = no_redirects()
        .get(app.url("/taal/en?terug=%2F%2Fevil.example%2F"))
        .send()
        .await
        .unwrap();

    assert_eq!(response.headers()["location"], "/");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unknown_language_is_a_404_in_dutch() {
    let app = TestApp::demo(Backend::Sqlite).await;

    let (status, body) = app.get("/taal/xx").await;

    assert_eq!(status, 404);
    assert!(body.contains("taal"), "{body}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn with_the_english_cookie_a_search_page_is_english_from_the_first_byte() {
    let app = TestApp::demo(Backend::Sqlite).await;

    let html = english_page(&app, "/?q=voetbal&waar=3454").await;

    assert!(
        html.contains(r#"<html lang="en""#),
        "the document says it is English"
    );
    assert!(html.contains("results near 3454"));
    assert!(html.contains("from you"), "distances are English too");
    assert!(!html.contains("van je af"));
    assert!(html.contains(">Nederlands<"), "the switch offers Dutch");
    let facets = &html[html.find(r#"class="facets""#).unwrap()..];
    for english in [
        "Sports and exercise (",
        "Children (",
        "Free (",
        "Nearest first",
        "Distance",
    ] {
        assert!(html.contains(english), "{english} in English");
    }
    assert!(
        !facets.contains("Sport en bewegen ("),
        "filter values are English too"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_a_cookie_every_page_is_dutch() {
    let app = TestApp::demo(Backend::Sqlite).await;

    let (_, html) = app.get("/?q=voetbal&waar=3454").await;

    assert!(html.contains(r#"<html lang="nl""#));
    assert!(html.contains("in de buurt van 3454"));
    assert!(html.contains(">English<"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_english_keukentafel_explains_its_suggestions_in_english() {
    let app = TestApp::demo(Backend::Sqlite).await;
    let path = "/keukentafel?nodig=werk&talent=voetbal&leeftijd=19&waar=3454";

    let english = english_page(&app, path).await;
    let (_, dutch) = app.get(path).await;

    assert!(
        english.contains("fits: football (your talent)"),
        "{english}"
    );
    assert!(
        !english.contains("past bij:"),
        "no Dutch reasons on an English page"
    );
    assert!(dutch.contains("past bij: voetbal (jouw talent)"), "{dutch}");
}

/// A page as someone who chose English gets it (the `taal=en` cookie).
async fn english_page(app: &TestApp, path: &str) -> String {
    let english = crate::support::Session {
        cookies: "taal=en".into(),
        csrf: String::new(),
    };
    crate::support::page(app, path, &english).await
}
