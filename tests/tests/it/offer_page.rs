//! The offer detail page.

use crate::support::{on_both_backends, Backend, TestApp};

on_both_backends! {
    async fn an_offer_page_shows_when_where_costs_and_contact(backend) {
        let app = TestApp::demo(backend).await;
        let id = server::demo::demo_id("svc:vv-de-meern-jeugd");

        let (status, html) = app.get(&format!("/aanbod/{id}")).await;

        assert_eq!(status, 200);
        assert!(html.contains("Voetballen voor kinderen van 6 tot 12 jaar"));
        assert!(html.contains("elke woensdag 14:00-15:30"));
        assert!(html.contains("voor 6 tot en met 12 jaar"));
        assert!(html.contains("Contributie: € 140,00: per jaar"));
        assert!(html.contains("Jeugdsportfonds"));
        assert!(html.contains("Vleuten-De Meern"), "the wijk of the location");
        assert!(html.contains("Laatst gecontroleerd op"));
        assert!(html.contains("34 mensen op de wachtlijst"));
        assert!(html.contains("Jeugdfonds Sport &amp; Cultuur kan de contributie betalen"), "who can help pay");
        let nearby = &html[html.find("Ook in de buurt").expect("nearby offers")..];
        assert!(nearby.contains("Walking football voor 60-plussers"), "same leefgebied, same park");
        assert!(html.contains("data-markers=\"[{&quot;lat&quot;") || html.contains(r#"data-markers="[{"#), "a small map of the place");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unknown_offer_is_a_friendly_404() {
    let app = TestApp::demo(Backend::Sqlite).await;

    for path in [
        "/aanbod/6f1c0e1e-0000-4000-8000-000000000000",
        "/aanbod/geen-id",
    ] {
        let (status, html) = app.get(path).await;
        assert_eq!(status, 404, "{path}");
        assert!(html.contains("Deze pagina bestaat niet"));
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unknown_page_is_a_friendly_404() {
    let app = TestApp::demo(Backend::Sqlite).await;

    let (status, html) = app.get("/bestaat/niet").await;

    assert_eq!(status, 404);
    assert!(html.contains("Deze pagina bestaat niet"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_about_page_credits_the_open_data() {
    let app = TestApp::empty(Backend::Sqlite).await;

    let (status, html) = app.get("/over").await;

    assert_eq!(status, 200);
    for credit in [
        "CBS / PDOK (CC BY 4.0)",
        "GeoNames (CC BY 4.0)",
        "Gemeente Utrecht open data",
    ] {
        assert!(html.contains(credit), "{credit}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_browser_bundle_is_served_compressed() {
    let app = TestApp::empty(Backend::Sqlite).await;

    // This reqwest has no decompression, so the encoding shows as sent.
    let response = reqwest::Client::new()
        .get(app.url("/pkg/sociale_kaart_bg.wasm"))
        .header("Accept-Encoding", "gzip")
        .send()
        .await
        .unwrap();

    assert_eq!(response.status(), 200);
    assert_eq!(
        response
            .headers()
            .get("content-encoding")
            .map(|v| v.to_str().unwrap()),
        Some("gzip")
    );
    let cache = response
        .headers()
        .get("cache-control")
        .map(|v| v.to_str().unwrap().to_string());
    assert_eq!(cache.as_deref(), Some("public, max-age=3600"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_offer_page_links_the_roles_its_organisation_is_looking_for() {
    let app = TestApp::demo(Backend::Sqlite).await;
    let role = crate::referrals::trainer_role();
    let link = format!("href=\"/vraag/{role}\"");

    let (status, html) = app
        .get(&format!(
            "/aanbod/{}",
            crate::support::fixtures::club_offer()
        ))
        .await;
    assert_eq!(status, 200);
    assert!(
        html.contains("Deze organisatie zoekt hulp"),
        "no roles section"
    );
    assert!(html.contains(&link), "the trainer role is not linked");

    let (status, role_page) = app.get(&format!("/vraag/{role}")).await;
    assert_eq!(status, 200);
    assert!(!role_page.contains(&link), "a role does not link to itself");
}

on_both_backends! {
    async fn the_offer_page_says_how_to_take_part_and_signs_up_only_where_someone_reads_it(backend) {
        use crate::support::{post, Session};
        use leptos::server_fn::ServerFn;

        let app = TestApp::demo(backend).await;
        let club = server::demo::demo_id("svc:vv-de-meern-jeugd");
        let anonymous = Session::anonymous();
        let fields = [
            ("offer", club.to_string()),
            ("naam", "Sam".into()),
            ("contact", "06 12345678".into()),
            ("bericht", String::new()),
            ("website", String::new()),
        ];
        let sign_up = || post(&app, app::api::SignUp::PATH, &anonymous, &fields);

        // Contact first, with a number to tap.
        let (_, html) = app.get(&format!("/aanbod/{club}")).await;
        let contact = html.find(r#"class="contact-first""#).expect("contact block");
        assert!(contact < html.find(r#"class="facts""#).unwrap(), "contact before the facts");
        assert!(html[contact..].contains(r#"href="tel:"#));

        // Nobody of the club can log in: no form that reaches nobody.
        assert!(html.contains(r#"id="zelf-vragen""#) && !html.contains(r#"id="ik-doe-mee""#));
        let (_, form) = app.get(&format!("/aanbod/{club}/meedoen")).await;
        assert!(form.contains(r#"id="niet-aanmelden""#) && !form.contains(r#"name="contact""#));
        sign_up().await;
        assert_eq!(app::db::count_signups(&app.state.db, club).await.unwrap(), 0);

        // With an account the button is there, and a sign-up is stored.
        crate::support::fixtures::club_reads_sign_ups(&app).await;
        let (_, html) = app.get(&format!("/aanbod/{club}")).await;
        assert!(html.contains(r#"id="ik-doe-mee""#));
        sign_up().await;
        assert_eq!(app::db::count_signups(&app.state.db, club).await.unwrap(), 1);

        // A walk-in activity says so instead of offering a sign-up.
        let coffee = server::demo::demo_id("svc:taalcafe-neude");
        let (status, html) = app.get(&format!("/aanbod/{coffee}")).await;
        assert_eq!(status, 200);
        assert!(html.contains("Gewoon binnenlopen"), "walk in");
        assert!(!html.contains(r#"id="ik-doe-mee""#));
    }
}
