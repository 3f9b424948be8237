//! "Ik doe mee" and "ik kan iets", as plain HTML forms (no JavaScript needed).

use crate::support::{on_both_backends, Backend, TestApp};

fn no_redirects() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

/// The sign-up form's action URL, read from the page as a browser would (the club gets an
/// account first: only then is there a form).
async fn form_action(app: &TestApp, offer: uuid::Uuid) -> String {
    crate::support::fixtures::club_reads_sign_ups(app).await;
    let (status, html) = app.get(&format!("/aanbod/{offer}/meedoen")).await;
    assert_eq!(status, 200);
    let start = html.find("action=\"").unwrap() + 8;
    html[start..].split('"').next().unwrap().to_string()
}

async fn post_form(app: &TestApp, action: &str, fields: &[(&str, &str)]) -> (u16, String) {
    let response = no_redirects()
        .post(app.url(action))
        .header("Accept", "text/html")
        .form(fields)
        .send()
        .await
        .unwrap();
    let location = response
        .headers()
        .get("location")
        .map(|l| l.to_str().unwrap().to_string())
        .unwrap_or_default();
    (response.status().as_u16(), location)
}

on_both_backends! {
    async fn a_sign_up_is_stored_and_the_person_sees_a_thank_you_page(backend) {
        let app = TestApp::demo(backend).await;
        let offer = server::demo::demo_id("svc:vv-de-meern-jeugd");
        let action = form_action(&app, offer).await;

        let (status, location) = post_form(&app, &action, &[
            ("offer", &offer.to_string()), ("naam", "Sam"), ("contact", "06 12345678"), ("bericht", "Mijn zoon wil graag voetballen."), ("website", ""),
        ]).await;

        assert_eq!(status, 302);
        assert_eq!(location, format!("/aanbod/{offer}/bedankt"));
        assert_eq!(app::db::count_signups(&app.state.db, offer).await.unwrap(), 1);
        let (_, html) = app.get(&location).await;
        assert!(html.contains("Bedankt, je aanmelding is verstuurd"));
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_sign_up_without_a_name_goes_back_to_the_form_with_a_dutch_message() {
    let app = TestApp::demo(Backend::Sqlite).await;
    let offer = server::demo::demo_id("svc:vv-de-meern-jeugd");
    let action = form_action(&app, offer).await;

    let (status, location) = post_form(
        &app,
        &action,
        &[
            ("offer", &offer.to_string()),
            ("naam", " "),
            ("contact", "06 12345678"),
            ("bericht", ""),
            ("website", ""),
        ],
    )
    .await;

    assert_eq!(status, 302);
    assert!(location.ends_with("/meedoen?fout=naam"), "{location}");
    let (_, html) = app.get(&location).await;
    assert!(html.contains("Vul je naam in"));
    assert_eq!(
        app::db::count_signups(&app.state.db, offer).await.unwrap(),
        0
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_sign_up_with_no_way_to_reach_the_person_goes_back_and_the_thank_you_page_gives_the_number(
) {
    let app = TestApp::demo(Backend::Sqlite).await;
    let offer = server::demo::demo_id("svc:vv-de-meern-jeugd");
    let action = form_action(&app, offer).await;
    let sign_up = |contact: &'static str| {
        let (app, action, offer) = (&app, &action, offer.to_string());
        async move {
            post_form(
                app,
                action,
                &[
                    ("offer", &offer),
                    ("naam", "Sam"),
                    ("contact", contact),
                    ("bericht", ""),
                    ("website", ""),
                ],
            )
            .await
        }
    };

    for unreachable in ["bel me maar", "06", "sam@"] {
        let (status, location) = sign_up(unreachable).await;
        assert_eq!(status, 302);
        assert!(
            location.ends_with("/meedoen?fout=contact"),
            "{unreachable}: {location}"
        );
    }
    assert_eq!(
        app::db::count_signups(&app.state.db, offer).await.unwrap(),
        0
    );

    let (_, location) = sign_up("06-12345678").await;
    assert!(location.ends_with("/bedankt"), "{location}");
    let (_, thanks) = app.get(&location).await;
    let call = &thanks[thanks
        .find(r#"id="zelf-bellen""#)
        .expect("the organisation's number")..];
    assert!(
        call[..call.find("</p>").unwrap()].contains(r#"href="tel:"#),
        "{call}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_robot_filling_the_honeypot_is_thanked_but_nothing_is_stored() {
    let app = TestApp::demo(Backend::Sqlite).await;
    let offer = server::demo::demo_id("svc:vv-de-meern-jeugd");
    let action = form_action(&app, offer).await;

    let (_, location) = post_form(
        &app,
        &action,
        &[
            ("offer", &offer.to_string()),
            ("naam", "Bot"),
            ("contact", "bot@example.com"),
            ("bericht", "buy"),
            ("website", "http://spam.example"),
        ],
    )
    .await;

    assert!(location.ends_with("/bedankt"));
    assert_eq!(
        app::db::count_signups(&app.state.db, offer).await.unwrap(),
        0
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn more_than_five_sign_ups_in_ten_minutes_are_refused() {
    let app = TestApp::demo(Backend::Sqlite).await;
    let offer = server::demo::demo_id("svc:vv-de-meern-jeugd");
    let action = form_action(&app, offer).await;
    let fields = [
        ("offer", offer.to_string()),
        ("naam", "Sam".into()),
        ("contact", "06 12345678".into()),
        ("bericht", String::new()),
        ("website", String::new()),
    ];
    let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();

    for _ in 0..5 {
        assert!(post_form(&app, &action, &fields)
            .await
            .1
            .ends_with("/bedankt"));
    }
    let (_, location) = post_form(&app, &action, &fields).await;

    assert!(location.ends_with("fout=te-vaak"), "{location}");
    assert_eq!(
        app::db::count_signups(&app.state.db, offer).await.unwrap(),
        5
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ik_kan_iets_with_voetbal_near_3454_lists_the_assistant_trainer_role_with_reasons() {
    let app = TestApp::demo(Backend::Sqlite).await;

    let (status, html) = app.get("/ik-kan-iets?talent=voetbal&waar=3454").await;

    assert_eq!(status, 200);
    assert!(html.contains("Assistent-trainer jeugd (16 tot 27 jaar)"));
    assert!(html.contains("past bij: voetbal (jouw talent)"));
    assert!(html.contains("voor 16 tot en met 27 jaar"));
    assert!(
        html.contains(r#"value="voetbal" checked"#),
        "the choice stays ticked"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ik_kan_iets_with_an_unknown_place_says_so() {
    let app = TestApp::demo(Backend::Sqlite).await;

    let (status, html) = app
        .get("/ik-kan-iets?talent=koken&waar=Nergenshuizen")
        .await;

    assert_eq!(status, 400);
    assert!(html.contains("We kennen de plaats"), "{html}");
}
