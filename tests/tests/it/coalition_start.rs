//! A coordinator starts a coalition without a proposal, and invites an organisation that is
//! not on the map: its person gets an account by mail, puts it on the map and says yes.

use leptos::server_fn::ServerFn;
use uuid::Uuid;

use crate::support::fixtures::club;
use crate::support::{client, login_as, page, post, session_of, Backend, TestApp};
use app::auth::Role;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_coordinator_starts_a_coalition_from_scratch_and_an_organisation_off_the_map_joins_it() {
    let app = TestApp::demo(Backend::Sqlite).await;
    let coordinator = login_as(&app, Role::Coordinator, Some("GM0344"), &[]).await;
    let list = page(&app, "/coalities", &coordinator).await;
    assert!(
        list.contains("href=\"/coalities/nieuw\""),
        "coordinators see where to start"
    );
    let visitor = client()
        .get(app.url("/coalities/nieuw"))
        .send()
        .await
        .unwrap();
    assert_eq!(visitor.status().as_u16(), 302, "visitors log in first");
    let provider = login_as(&app, Role::Provider, None, &[club()]).await;
    let refused = client()
        .get(app.url("/coalities/nieuw"))
        .header("cookie", &provider.cookies)
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status().as_u16(), 403);
    assert!(!page(&app, "/coalities", &provider)
        .await
        .contains("href=\"/coalities/nieuw\""));

    // Without JavaScript: a name is needed, and what was typed comes back.
    let goal = "Kinderen van de wachtlijst <laten> voetballen".to_string();
    let (_, location) = post(
        &app,
        app::api::NewCoalition::PATH,
        &coordinator,
        &[("naam", " ".into()), ("doel", goal.clone())],
    )
    .await;
    assert!(
        location.starts_with("/coalities/nieuw?fout=naam"),
        "{location}"
    );
    let back = page(&app, &location, &coordinator).await;
    assert!(back.contains("Geef de coalitie een naam"));
    assert!(
        back.contains("Kinderen van de wachtlijst &lt;laten&gt; voetballen"),
        "typed text stays, as text"
    );
    // A goal one character over what is stored comes back with the field's own message,
    // not a bare error.
    let (_, location) = post(
        &app,
        app::api::NewCoalition::PATH,
        &coordinator,
        &[
            ("naam", "Samen sterk De Meern".into()),
            ("doel", "a".repeat(1001)),
        ],
    )
    .await;
    assert!(
        location.starts_with("/coalities/nieuw?fout=doel"),
        "{location}"
    );
    assert!(page(&app, &location, &coordinator)
        .await
        .contains("Houd het doel korter dan 1000 tekens"));
    let (_, location) = post(
        &app,
        app::api::NewCoalition::PATH,
        &coordinator,
        &[("naam", "Samen sterk De Meern".into()), ("doel", goal)],
    )
    .await;
    let id: Uuid = location
        .strip_prefix("/coalities/")
        .and_then(|rest| rest.get(..36))
        .and_then(|id| id.parse().ok())
        .unwrap_or_else(|| panic!("{location}"));
    assert!(location.ends_with("/bewerken?nieuw=ja"), "{location}");
    let started = app::db::get_coalition(&app.state.db, id).await.unwrap();
    assert_eq!(
        (started.status.as_str(), started.gemeente.as_deref()),
        ("idea", Some("GM0344"))
    );

    // An organisation that is not on the map, through someone's address.
    let edit = page(&app, &format!("/coalities/{id}/bewerken"), &coordinator).await;
    assert!(edit.contains("Staat de organisatie niet op de kaart?"));
    let invite = |email: &str| {
        vec![
            ("coalitie", id.to_string()),
            ("naam", "Sportclub Nieuw Vleuten".to_string()),
            ("email", email.to_string()),
            ("rol", "supporter".to_string()),
            ("geeft", "een zaal op zaterdag".to_string()),
            ("krijgt", "leden uit de buurt".to_string()),
        ]
    };
    let (_, location) = post(
        &app,
        app::api::InviteNewcomer::PATH,
        &coordinator,
        &invite("geen adres"),
    )
    .await;
    assert!(location.contains("fout=nieuw-email"), "{location}");
    let back = page(&app, &location, &coordinator).await;
    assert!(
        back.contains("Schrijf een geldig e-mailadres")
            && back.contains("value=\"Sportclub Nieuw Vleuten\"")
    );
    let address = "Trainer@Nieuw-Vleuten.nl";
    let (_, location) = post(
        &app,
        app::api::InviteNewcomer::PATH,
        &coordinator,
        &invite(address),
    )
    .await;
    assert!(location.contains("uitgenodigd=nieuw"), "{location}");
    assert!(page(&app, &location, &coordinator)
        .await
        .contains("Zodra de organisatie op de kaart staat"));
    let (_, location) = post(
        &app,
        app::api::InviteNewcomer::PATH,
        &coordinator,
        &invite("ander@nieuw-vleuten.nl"),
    )
    .await;
    assert!(
        location.contains("fout=al-partner"),
        "one line per organisation: {location}"
    );
    let mails = crate::support::mails_to(&app, "trainer@nieuw-vleuten.nl");
    assert_eq!(mails.len(), 1);
    assert!(mails[0].contains("/wachtwoord/") && mails[0].contains("/beheer/nieuwe-organisatie"));
    assert!(mails[0].contains(&format!("/coalities/{id}")));
    let (_, public) = app.get(&format!("/coalities/{id}")).await;
    assert!(
        public.contains("Sportclub Nieuw Vleuten") && !public.contains("nieuw-vleuten.nl"),
        "the address is not public"
    );

    // The invited person registers the organisation: the partner line gets it, and they answer.
    let newcomer = app::db::find_user(&app.state.db, "trainer@nieuw-vleuten.nl")
        .await
        .unwrap()
        .unwrap();
    let state = &app.state;
    let app::service::Saved::Done(organisation) = app::service::moderation::register(
        state,
        &newcomer.me,
        &app::service::moderation::NewOrganisation {
            name: "Sportclub Nieuw Vleuten".into(),
            address: "Dorpsstraat 1".into(),
            postcode: "3451".into(),
            city: "Vleuten".into(),
            ..Default::default()
        },
    )
    .await
    .unwrap() else {
        panic!("registered");
    };
    let line = app::db::get_coalition(&app.state.db, id)
        .await
        .unwrap()
        .partners;
    let line = line
        .iter()
        .find(|p| p.name == "Sportclub Nieuw Vleuten")
        .unwrap();
    assert_eq!(
        (line.organisation_id, line.standing.as_str()),
        (Some(organisation), "invited")
    );
    let session = session_of(&app, newcomer.me.id).await;
    let own = page(&app, &format!("/coalities/{id}"), &session).await;
    assert!(
        own.contains("id=\"antwoord-ja\""),
        "the newcomer answers for the organisation"
    );
    let (status, _) = post(
        &app,
        app::api::AnswerCoalition::PATH,
        &session,
        &[
            ("coalitie", id.to_string()),
            ("organisatie", organisation.to_string()),
            ("antwoord", "ja".into()),
        ],
    )
    .await;
    assert!((300..400).contains(&status), "{status}");
    let partners = app::db::get_coalition(&app.state.db, id)
        .await
        .unwrap()
        .partners;
    assert!(partners
        .iter()
        .any(|p| p.organisation_id == Some(organisation) && p.standing == "accepted"));
}
