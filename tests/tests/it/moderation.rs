//! Moderation: new organisations wait for the coordinator, claims, reports without an account,
//! and duplicates found by the search engine and merged.

use leptos::server_fn::ServerFn;
use uuid::Uuid;

use crate::support::fixtures::{admin, club, club_offer, offer_fields};
use crate::support::{login_as, on_both_backends, page, post, Backend, Session, TestApp};
use app::auth::Role;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_new_organisation_waits_for_the_coordinator_and_bad_input_keeps_what_was_typed() {
    let app = TestApp::demo(Backend::Sqlite).await;
    let provider = login_as(&app, Role::Provider, None, &[]).await;
    let coordinator = login_as(&app, Role::Coordinator, Some("GM0344"), &[]).await;
    let mut fields = vec![
        ("naam", "Repair Café De Meern".to_string()),
        ("beschrijving", "Samen spullen maken.".into()),
        ("adres", "Dorpsstraat 3".into()),
        ("postcode", "1000".into()),
        ("plaats", "De Meern".into()),
    ];

    let (_, location) = post(
        &app,
        app::api::RegisterOrganisation::PATH,
        &provider,
        &fields,
    )
    .await;
    assert!(
        location.starts_with("/beheer/nieuwe-organisatie?fout=postcode"),
        "{location}"
    );
    let html = crate::support::page(&app, &location, &provider).await;
    assert!(
        html.contains("Deze postcode kennen we niet"),
        "a Dutch message next to the field"
    );
    assert!(
        html.contains(r#"value="Repair Café De Meern""#),
        "what was typed stays"
    );

    fields[3].1 = "3454 AB".into();
    let (_, location) = post(
        &app,
        app::api::RegisterOrganisation::PATH,
        &provider,
        &fields,
    )
    .await;
    assert!(location.contains("aangemeld=ja"), "{location}");
    let admin = admin();
    let queue = app::service::moderation::queue(&app.state, &admin)
        .await
        .unwrap();
    let pending = queue
        .organisations
        .iter()
        .find(|o| o.name == "Repair Café De Meern")
        .unwrap();

    let (status, _) = post(
        &app,
        app::api::DecideOrganisation::PATH,
        &coordinator,
        &[
            ("organisatie", pending.id.to_string()),
            ("besluit", "ja".into()),
        ],
    )
    .await;
    assert!((300..400).contains(&status));
    let queue = app::service::moderation::queue(&app.state, &admin)
        .await
        .unwrap();
    assert!(queue.organisations.is_empty(), "approved");
    let trail = app::db::audit_trail(&app.state.db, "organisation", &pending.id.to_string())
        .await
        .unwrap();
    assert_eq!(trail[0].2, "approved");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_claim_approved_by_the_coordinator_lets_the_provider_maintain_the_listing() {
    let app = TestApp::demo(Backend::Sqlite).await;
    let provider = login_as(&app, Role::Provider, None, &[]).await;
    let coordinator = login_as(&app, Role::Coordinator, Some("GM0344"), &[]).await;
    let change = vec![
        ("aanbod", club_offer().to_string()),
        ("wachtlijst", "20".into()),
    ];

    let (status, _) = post(&app, app::api::SetWaitingList::PATH, &provider, &change).await;
    assert_eq!(status, 403, "not theirs yet");
    let (_, location) = post(
        &app,
        app::api::ClaimOrganisation::PATH,
        &provider,
        &[
            ("organisatie", club().to_string()),
            ("bericht", "Ik ben de jeugdcoördinator".into()),
        ],
    )
    .await;
    assert!(location.contains("geclaimd=ja"));
    let admin = admin();
    let claim = app::service::moderation::queue(&app.state, &admin)
        .await
        .unwrap()
        .claims[0]
        .id;
    let (status, _) = post(
        &app,
        app::api::DecideClaim::PATH,
        &coordinator,
        &[("claim", claim.to_string()), ("besluit", "ja".into())],
    )
    .await;
    assert!((300..400).contains(&status));

    let (status, _) = post(&app, app::api::SetWaitingList::PATH, &provider, &change).await;
    assert!((300..400).contains(&status), "now it is: {status}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn klopt_er_iets_niet_reaches_the_coordinator_without_an_account() {
    let app = TestApp::demo(Backend::Sqlite).await;
    let coordinator = login_as(&app, Role::Coordinator, Some("GM0344"), &[]).await;
    let (_, detail) = app.get(&format!("/aanbod/{}", club_offer())).await;
    assert!(detail.contains(&format!(r#"href="/aanbod/{}/melden""#, club_offer())));

    let (_, location) = post(
        &app,
        app::api::ReportProblem::PATH,
        &Session::anonymous(),
        &[
            ("aanbod", club_offer().to_string()),
            ("bericht", "x".into()),
            ("website", String::new()),
        ],
    )
    .await;
    assert!(
        location.ends_with("/melden?fout=bericht"),
        "too short: {location}"
    );
    let (_, location) = post(
        &app,
        app::api::ReportProblem::PATH,
        &Session::anonymous(),
        &[
            ("aanbod", club_offer().to_string()),
            ("bericht", "De training is nu op donderdag.".into()),
            ("website", String::new()),
        ],
    )
    .await;
    assert!(location.ends_with("?gemeld=ja"), "{location}");

    let html = page(&app, "/beheer/moderatie", &coordinator).await;
    assert!(html.contains("De training is nu op donderdag."), "{html}");
}

on_both_backends! {
    async fn register_approve_add_an_offer_and_it_is_searchable(backend) {
        let app = TestApp::demo(backend).await;
        let provider = login_as(&app, Role::Provider, None, &[]).await;
        let coordinator = login_as(&app, Role::Coordinator, Some("GM0344"), &[]).await;
        let (_, location) = post(&app, app::api::RegisterOrganisation::PATH, &provider, &[
            ("naam", "Schaakclub De Toren".into()),
            ("beschrijving", "Schaken voor iedereen.".into()),
            ("adres", "Dorpsstraat 5".into()),
            ("postcode", "3454 AB".into()),
            ("plaats", "De Meern".into()),
        ]).await;
        assert!(location.contains("aangemeld=ja"), "{location}");
        let admin = app::auth::Me { id: Uuid::nil(), email: String::new(), name: String::new(), role: Role::Admin, gemeente: None };
        let org = app::service::moderation::queue(&app.state, &admin).await.unwrap().organisations[0].id;

        let fields = offer_fields("", &org.to_string(), "Schaakles voor kinderen op woensdag");
        let (_, location) = post(&app, app::api::SaveOffer::PATH, &provider, &fields).await;
        assert!(location.starts_with("/beheer?bijgewerkt="), "{location}");
        let search = "/?q=schaakles&waar=3454";
        tokio::time::sleep(std::time::Duration::from_millis(600)).await;
        let (_, html) = app.get(search).await;
        assert!(!html.contains("Schaakles voor kinderen"), "not before approval");

        let (status, _) = post(&app, app::api::DecideOrganisation::PATH, &coordinator, &[("organisatie", org.to_string()), ("besluit", "ja".into())]).await;
        assert!((300..400).contains(&status));
        let mut found = false;
        for _ in 0..50 {
            let (_, html) = app.get(search).await;
            if html.contains("Schaakles voor kinderen op woensdag") { found = true; break; }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        assert!(found, "searchable after approval");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_duplicate_registration_is_suggested_by_the_search_engine_and_merged() {
    let app = TestApp::demo(Backend::Sqlite).await;
    let provider = login_as(&app, Role::Provider, None, &[]).await;
    let coordinator = login_as(&app, Role::Coordinator, Some("GM0344"), &[]).await;
    let (_, location) = post(
        &app,
        app::api::RegisterOrganisation::PATH,
        &provider,
        &[
            ("naam", "Voetbalvereniging De Meern".into()),
            ("beschrijving", String::new()),
            ("adres", "Zuster Bloemstraat 12".into()),
            ("postcode", "3454".into()),
            ("plaats", "De Meern".into()),
        ],
    )
    .await;
    assert!(location.contains("aangemeld=ja"), "{location}");

    let html = page(&app, "/beheer/moderatie", &coordinator).await;
    assert!(
        html.contains("Misschien dezelfde als: Voetbalvereniging Sportpark De Meern"),
        "{html}"
    );
    let admin = admin();
    let duplicate = app::service::moderation::queue(&app.state, &admin)
        .await
        .unwrap()
        .organisations[0]
        .id;

    let (status, _) = post(
        &app,
        app::api::MergeOrganisations::PATH,
        &coordinator,
        &[
            ("houden", club().to_string()),
            ("dubbel", duplicate.to_string()),
        ],
    )
    .await;
    assert!((300..400).contains(&status), "{status}");
    let queue = app::service::moderation::queue(&app.state, &admin)
        .await
        .unwrap();
    assert!(queue.organisations.is_empty(), "the duplicate is archived");
    assert_eq!(
        queue.claims.len(),
        1,
        "its registrant must claim the real club, not get it"
    );
    let trail = app::db::audit_trail(&app.state.db, "organization", &duplicate.to_string())
        .await
        .unwrap();
    assert_eq!(trail[0].2, "merged");
}
