//! Knelpunten: a professional reports a wall from a traject without the person in it; the
//! gemeente's coordinator counts them per rule, takes them up and publishes what it solved.

use leptos::server_fn::ServerFn;

use app::auth::Role;
use app::knelpunten::KnelpuntForm;
use app::service::{knelpunten, Saved};
use app::signals::Shown;
use app::Error;

use crate::support::{actor, on_both_backends, page, post, session_of, Backend, Session, TestApp};

fn form(traject: uuid::Uuid, regel: &str, summary: &str) -> KnelpuntForm {
    KnelpuntForm {
        traject: traject.to_string(),
        regel: regel.into(),
        samenvatting: summary.into(),
        kosten: "Huurschuld loopt op, uithuiszetting dreigt.".into(),
    }
}

const SHARED_HOUSE: &str = "Moeder woont met haar volwassen zoon. Door de kostendelersnorm \
    gaat de bijstand omlaag en kan de huur niet meer betaald worden.";

on_both_backends! {
    async fn a_knelpunt_is_reported_without_the_person_and_counted_per_rule(backend) {
        let app = TestApp::demo(backend).await;
        let today = chrono::Utc::now().date_naive();
        let professional = actor(&app, Role::Professional, Some("GM0344"), &[]).await;
        let session = session_of(&app, professional.id).await;
        let traject = crate::referrals::new_traject(&app, &session).await;
        let state = &app.state;

        // A name, a BSN-like number, a date of birth or an address is refused, by kind.
        for (summary, why) in [
            ("Mevrouw Jansen deelt een huis met haar zoon en verliest bijstand.", "naam"),
            ("Het gaat om Fatima, die met haar broer woont.", "naam"),
            ("BSN 123456782: de bijstand gaat omlaag door het delen van een huis.", "nummer"),
            ("Geboren 03-04-1987, woont met haar zoon en verliest bijstand.", "datum"),
            ("Woont aan de Zuster Bloemstraat 12 met haar zoon; bijstand omlaag.", "adres"),
        ] {
            let refused = knelpunten::report(state, &professional, &form(traject, "kostendelersnorm", summary), today)
                .await
                .unwrap();
            assert!(matches!(refused, Saved::Invalid(w) if w == why), "{summary}: {refused:?}");
        }
        let no_rule = knelpunten::report(state, &professional, &form(traject, "verzonnen", SHARED_HOUSE), today).await.unwrap();
        assert!(matches!(no_rule, Saved::Invalid("regel")));

        // Five reports of the same rule, one of another.
        for _ in 0..5 {
            let saved = knelpunten::report(state, &professional, &form(traject, "kostendelersnorm", SHARED_HOUSE), today)
                .await
                .unwrap();
            assert!(matches!(saved, Saved::Done(_)));
        }
        let other = "Een jongere wacht al maanden op schuldhulp terwijl de schulden groeien.";
        knelpunten::report(state, &professional, &form(traject, "anders:wachtlijst", other), today).await.unwrap();
        // Someone else's traject does not exist for another professional.
        let colleague = actor(&app, Role::Professional, Some("GM0344"), &[]).await;
        assert!(matches!(
            knelpunten::report(state, &colleague, &form(traject, "kostendelersnorm", SHARED_HOUSE), today).await,
            Err(Error::NotFound)
        ));

        // Sealed at rest.
        let stored: Vec<(String,)> = match &state.db {
            app::db::Db::Sqlite(p) => sqlx::query_as("SELECT summary_sealed FROM knelpunten").fetch_all(p).await.unwrap(),
            app::db::Db::Postgres(p) => sqlx::query_as("SELECT summary_sealed FROM knelpunten").fetch_all(p).await.unwrap(),
        };
        assert_eq!(stored.len(), 6);
        assert!(stored.iter().all(|(s,)| !s.contains("kostendelersnorm") && !s.contains("schuldhulp")));

        // The coordinator sees them per rule, the most reported first, with the count.
        let coordinator = actor(&app, Role::Coordinator, Some("GM0344"), &[]).await;
        let board = knelpunten::board(state, &coordinator, "GM0344", today).await.unwrap();
        assert_eq!(board[0].rule, "kostendelersnorm");
        assert_eq!(board[0].name, "Kostendelersnorm");
        assert_eq!(board[0].this_quarter, Shown::Exact(5));
        assert_eq!(board[0].items.len(), 5);
        assert_eq!(board[0].items[0].summary, SHARED_HOUSE);
        assert_eq!((board[1].rule.as_str(), board[1].category.as_str()), ("anders", "wachtlijst"));
        assert_eq!(board[1].this_quarter, Shown::Few);
        // And on the dashboard, as counts.
        let view = app::service::signals::dashboard(state, &coordinator, None, "", today).await.unwrap();
        assert_eq!(view.knelpunten[0].this_quarter, Shown::Exact(5));
        // Not for others.
        for me in [
            actor(&app, Role::Coordinator, Some("GM0363"), &[]).await,
            professional.clone(),
            actor(&app, Role::Provider, None, &[]).await,
        ] {
            assert!(matches!(knelpunten::board(state, &me, "GM0344", today).await, Err(Error::Forbidden)), "{:?}", me.role);
        }

        // Opgeschaald, then opgelost and published: the rule and the note go public, the
        // summary never does.
        let id = board[0].items[0].id.to_string();
        let elsewhere = actor(&app, Role::Coordinator, Some("GM0363"), &[]).await;
        assert!(matches!(
            knelpunten::decide(state, &elsewhere, &id, "opgelost", "", false, today).await,
            Err(Error::NotFound)
        ));
        let up = knelpunten::decide(state, &coordinator, &id, "opgeschaald", "Besproken met de wethouder", true, today).await.unwrap();
        assert!(matches!(up, Saved::Done(())));
        assert!(knelpunten::solved(state).await.unwrap().is_empty(), "only solved ones are published");
        assert!(matches!(
            knelpunten::decide(state, &coordinator, &id, "opgelost", "", true, today).await.unwrap(),
            Saved::Invalid("notitie")
        ));
        assert!(matches!(
            knelpunten::decide(state, &coordinator, &id, "opgelost", "Afgesproken met meneer Pietersen", true, today).await.unwrap(),
            Saved::Invalid("naam")
        ));
        let note = "Inwonende volwassen kinderen tellen een jaar niet mee voor de norm.";
        knelpunten::decide(state, &coordinator, &id, "opgelost", note, true, today).await.unwrap();
        let solved = knelpunten::solved(state).await.unwrap();
        assert_eq!(solved.len(), 1);
        assert_eq!((solved[0].rule.as_str(), solved[0].note.as_str(), solved[0].gemeente.as_str()), ("Kostendelersnorm", note, "Utrecht"));
        let board = knelpunten::board(state, &coordinator, "GM0344", today).await.unwrap();
        assert_eq!(board[0].items.last().unwrap().status, "opgelost", "open ones first");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_knelpunt_forms_work_without_javascript_and_never_echo_the_summary() {
    let app = TestApp::demo(Backend::Sqlite).await;
    let professional = actor(&app, Role::Professional, Some("GM0344"), &[]).await;
    let session = session_of(&app, professional.id).await;
    let traject = crate::referrals::new_traject(&app, &session).await;
    let html = page(&app, &format!("/wijkteam/traject/{traject}"), &session).await;
    assert!(html.contains("id=\"knelpunt\"") && html.contains("Kostendelersnorm"));
    assert!(html.contains("<optgroup label=\"Geld\""));
    let fields = |summary: &str| {
        vec![
            ("form[traject]", traject.to_string()),
            ("form[regel]", "kostendelersnorm".to_string()),
            ("form[samenvatting]", summary.to_string()),
            ("form[kosten]", String::new()),
        ]
    };
    let named = "Het gaat om Fatima, die met haar broer woont en bijstand verliest.";
    let (_, location) = post(
        &app,
        app::api::ReportKnelpunt::PATH,
        &session,
        &fields(named),
    )
    .await;
    assert!(location.ends_with("?knelpunt=naam#knelpunt"), "{location}");
    assert!(
        !location.contains("Fatima"),
        "what was typed stays out of the URL"
    );
    let back = page(&app, &location, &session).await;
    assert!(back.contains("id=\"knelpunt-probleem\"") && back.contains("Haal de naam weg"));
    let (_, location) = post(
        &app,
        app::api::ReportKnelpunt::PATH,
        &session,
        &fields(SHARED_HOUSE),
    )
    .await;
    assert!(
        location.ends_with("?knelpunt=gemeld#knelpunt"),
        "{location}"
    );
    assert!(page(&app, &location, &session)
        .await
        .contains("id=\"knelpunt-gemeld\""));

    // The coordinator decides on the signals page, and publishes.
    let coordinator = crate::support::login_as(&app, Role::Coordinator, Some("GM0344"), &[]).await;
    let board = page(&app, "/beheer/signalen", &coordinator).await;
    assert!(board.contains("id=\"knelpunten\"") && board.contains("Kostendelersnorm"));
    assert!(board.contains("Moeder woont met haar volwassen zoon"));
    let me = app::db::knelpunten_of(&app.state.db, "GM0344")
        .await
        .unwrap();
    let id = me[0].id.to_string();
    let (_, location) = post(
        &app,
        app::api::DecideKnelpunt::PATH,
        &coordinator,
        &[
            ("knelpunt", id.clone()),
            ("status", "opgelost".into()),
            ("notitie", String::new()),
            ("publiceer", "ja".into()),
        ],
    )
    .await;
    assert!(
        location.contains(&format!("knelpunt={id}&fout=notitie")),
        "{location}"
    );
    let (_, location) = post(
        &app,
        app::api::DecideKnelpunt::PATH,
        &coordinator,
        &[
            ("knelpunt", id.clone()),
            ("status", "opgelost".into()),
            ("notitie", "Een jaar uitzondering op de norm.".into()),
            ("publiceer", "ja".into()),
        ],
    )
    .await;
    assert!(
        location.starts_with("/beheer/signalen?bijgewerkt="),
        "{location}"
    );
    let public = page(&app, "/wat-we-oplosten", &Session::anonymous()).await;
    assert!(
        public.contains("Kostendelersnorm") && public.contains("Een jaar uitzondering op de norm.")
    );
    assert!(!public.contains("Moeder woont"), "never the case itself");
}
