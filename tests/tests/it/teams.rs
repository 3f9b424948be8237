//! Wijkteams as teams: a traject belongs to its team, with a primary professional and a
//! stand-in; the lead reassigns; an account switched off hands its trajecten to the queue.

use app::auth::{Me, Role};
use app::i18n::Lang;
use app::referrals::{ReferralForm, TrajectForm};
use app::service::{referrals, teams, trajecten, Saved};
use app::Error;
use leptos::server_fn::ServerFn;

use crate::referrals::trainer_role;
use crate::support::fixtures::club;
use crate::support::{actor, on_both_backends, TestApp};

/// A professional with a name of their own.
async fn professional(app: &TestApp, name: &str) -> Me {
    let mut me = actor(app, Role::Professional, None, &[]).await;
    app::db::rename_user(&app.state.db, me.id, name)
        .await
        .unwrap();
    me.name = name.into();
    me
}

/// A buurtteam in Utrecht with these members (the first one leads).
async fn team_of(app: &TestApp, name: &str, members: &[&Me]) -> uuid::Uuid {
    let operator = Me::operator();
    let team = teams::create(
        &app.state,
        &operator,
        "GM0344",
        name,
        "buurtteam",
        "030 123 4567",
        "team@buurtteam.example",
    )
    .await
    .unwrap()
    .done()
    .unwrap();
    for (n, m) in members.iter().enumerate() {
        let done = teams::set_member(&app.state, &operator, team, &m.email, n == 0)
            .await
            .unwrap();
        assert!(matches!(done, Saved::Done(_)), "{done:?}");
    }
    team
}

/// A consented referral of a traject's person to the club's trainer role.
fn to_the_trainer_role(traject: &str) -> ReferralForm {
    ReferralForm {
        traject: traject.into(),
        naar: format!("vraag:{}", trainer_role()),
        wens: "Helpen bij de training".into(),
        delen: vec!["naam".into()],
        toestemming_door: "de persoon zelf".into(),
        toestemming: "ja".into(),
        overdracht: "meegaan".into(),
        ..Default::default()
    }
}

fn person() -> TrajectForm {
    TrajectForm {
        naam: "S.".into(),
        leeftijd: "19".into(),
        waar: "3454".into(),
        talenten: vec!["voetbal".into()],
        ..Default::default()
    }
}

on_both_backends! {
    async fn a_stand_in_reads_and_acts_on_a_traject_and_the_lead_gives_it_to_someone_else(backend) {
        let app = TestApp::demo(backend).await;
        let state = &app.state;
        let lead = professional(&app, "Lea Leider").await;
        let primary = professional(&app, "Piet Eerste").await;
        let standin = professional(&app, "Sara Vervanger").await;
        let colleague = professional(&app, "Cor Collega").await;
        let outsider = professional(&app, "Olga Elders").await;
        team_of(&app, "Buurtteam Vleuten-De Meern", &[&lead, &primary, &standin, &colleague]).await;
        team_of(&app, "Buurtteam Overvecht", &[&outsider]).await;

        let id = trajecten::save(state, &primary, person()).await.unwrap().done().unwrap();
        let traject = id.to_string();
        assert!(trajecten::load(state, &standin, &traject, Lang::Nl).await.unwrap().is_none(), "not yet named");

        // The primary professional names a stand-in (and cannot hand the traject away).
        let done = trajecten::assign(state, &primary, &traject, &colleague.id.to_string(), &standin.id.to_string()).await.unwrap();
        assert_eq!(done, Saved::Done(id));
        let seen = trajecten::load(state, &standin, &traject, Lang::Nl).await.unwrap().expect("the stand-in reads it");
        let team = seen.team.expect("a team");
        assert_eq!(team.team, "Buurtteam Vleuten-De Meern");
        assert_eq!(team.primary, Some(primary.id), "only a lead changes who holds it");
        assert_eq!(team.standin, Some(standin.id));
        assert!(!team.may_choose_standin, "the stand-in does not choose stand-ins");
        let mut changed = person();
        changed.traject = traject.clone();
        changed.stappen = vec![app::referrals::PlanStep {
            wat: "eerst de training bekijken".into(),
            ..Default::default()
        }];
        assert_eq!(trajecten::save(state, &standin, changed).await.unwrap(), Saved::Done(id), "and acts on it");
        let workspace = trajecten::workspace(state, &standin).await.unwrap();
        assert!(workspace.trajecten.iter().any(|t| t.id == id && t.standin), "listed as stood in for");

        // A referral the primary professional sent is the stand-in's to follow too.
        let referral = to_the_trainer_role(&traject);
        let sent = referrals::send(state, &primary, &referral).await.unwrap().done().unwrap().to_string();
        assert!(referrals::load(state, &standin, &sent).await.unwrap().is_some());

        // Nobody else in or outside the team reads it.
        for other in [&colleague, &outsider] {
            assert!(trajecten::load(state, other, &traject, Lang::Nl).await.unwrap().is_none(), "{}", other.name);
            assert!(matches!(referrals::load(state, other, &sent).await, Ok(None) | Err(Error::NotFound | Error::Forbidden)), "{}", other.name);
        }
        assert!(matches!(
            trajecten::assign(state, &outsider, &traject, "", "").await,
            Err(Error::NotFound)
        ));
        // Someone from another team cannot be chosen, nor one person twice.
        assert_eq!(
            trajecten::assign(state, &lead, &traject, &primary.id.to_string(), &outsider.id.to_string()).await.unwrap(),
            Saved::Invalid("vervanger")
        );
        assert_eq!(
            trajecten::assign(state, &lead, &traject, &colleague.id.to_string(), &colleague.id.to_string()).await.unwrap(),
            Saved::Invalid("vervanger")
        );

        // The lead gives it to a colleague; the old primary professional no longer sees it.
        let done = trajecten::assign(state, &lead, &traject, &colleague.id.to_string(), &standin.id.to_string()).await.unwrap();
        assert_eq!(done, Saved::Done(id));
        assert!(trajecten::load(state, &colleague, &traject, Lang::Nl).await.unwrap().is_some());
        assert!(trajecten::load(state, &primary, &traject, Lang::Nl).await.unwrap().is_none());
        let provider = actor(&app, Role::Provider, None, &[club()]).await;
        let received = referrals::load(state, &provider, &sent).await.unwrap().unwrap();
        assert_eq!(received.sender, ["Cor Collega", colleague.email.as_str()], "the receiver sees who holds it now");

        let trail = app::db::audit_trail(&state.db, "traject", &traject).await.unwrap();
        let actions: Vec<&str> = trail.iter().map(|(_, _, a, _)| a.as_str()).collect();
        assert_eq!(actions.iter().filter(|a| **a == "traject_assigned").count(), 2, "{actions:?}");
        assert!(actions.contains(&"traject_read"), "{actions:?}");
    }
}

on_both_backends! {
    async fn switching_an_account_off_puts_its_trajecten_in_the_team_queue_and_the_referral_shows_the_team(backend) {
        let app = TestApp::demo(backend).await;
        let state = &app.state;
        let lead = professional(&app, "Lea Leider").await;
        let leaving = professional(&app, "Vera Vertrekt").await;
        team_of(&app, "Buurtteam Vleuten-De Meern", &[&lead, &leaving]).await;
        let id = trajecten::save(state, &leaving, person()).await.unwrap().done().unwrap();
        let traject = id.to_string();
        let referral = to_the_trainer_role(&traject);
        let sent = referrals::send(state, &leaving, &referral).await.unwrap().done().unwrap().to_string();
        assert!(trajecten::workspace(state, &lead).await.unwrap().queue.is_empty());

        let refused = teams::disable_account(state, &lead, &leaving.email).await;
        assert!(matches!(refused, Err(Error::Forbidden)), "an admin's step");
        let moved = teams::disable_account(state, &Me::operator(), &leaving.email).await.unwrap();
        assert_eq!(moved, Saved::Done(1));

        let queue = trajecten::workspace(state, &lead).await.unwrap().queue;
        assert_eq!(queue.iter().map(|t| t.id).collect::<Vec<_>>(), [id], "in the team's queue at once");
        assert_eq!(queue[0].label, "S.");
        let provider = actor(&app, Role::Provider, None, &[club()]).await;
        let received = referrals::load(state, &provider, &sent).await.unwrap().unwrap();
        assert_eq!(
            received.sender,
            ["Buurtteam Vleuten-De Meern", "030 123 4567", "team@buurtteam.example"],
            "the receiver's contact is the team meanwhile"
        );
        let handout = referrals::handout(state, &lead, &traject).await.unwrap().unwrap();
        assert!(handout.contact.is_empty(), "no person to name while it waits");
        assert_eq!(handout.team[0], "Buurtteam Vleuten-De Meern");
        let user = app::db::find_user(&state.db, &leaving.email).await.unwrap().unwrap();
        assert!(user.disabled, "the account cannot log in");

        // The lead picks it up for someone: the queue is empty again and the contact a person.
        let done = trajecten::assign(state, &lead, &traject, &lead.id.to_string(), "").await.unwrap();
        assert_eq!(done, Saved::Done(id));
        assert!(trajecten::workspace(state, &lead).await.unwrap().queue.is_empty());
        let handout = referrals::handout(state, &lead, &traject).await.unwrap().unwrap();
        assert_eq!(handout.contact, ["Lea Leider", lead.email.as_str()]);
        let trail = app::db::audit_trail(&state.db, "traject", &traject).await.unwrap();
        assert!(trail.iter().any(|(_, _, a, _)| a == "traject_to_queue"), "{trail:?}");
    }
}

on_both_backends! {
    async fn only_a_coordinator_of_the_gemeente_or_an_admin_makes_teams_and_names_are_checked(backend) {
        let app = TestApp::demo(backend).await;
        let state = &app.state;
        let coordinator = actor(&app, Role::Coordinator, Some("GM0344"), &[]).await;
        let elsewhere = actor(&app, Role::Coordinator, Some("GM0363"), &[]).await;
        let professional = professional(&app, "Piet").await;
        let make = |me: Me, name: &'static str, kind: &'static str| {
            let state = state.clone();
            async move { teams::create(&state, &me, "GM0344", name, kind, "", "").await }
        };
        assert!(matches!(make(elsewhere.clone(), "Buurtteam Oost", "buurtteam").await, Err(Error::Forbidden)));
        assert!(matches!(make(professional.clone(), "Buurtteam Oost", "buurtteam").await, Err(Error::Forbidden)));
        assert_eq!(make(coordinator.clone(), "Buurtteam Oost", "wijkclub").await.unwrap(), Saved::Invalid("soort"));
        assert_eq!(make(coordinator.clone(), " ", "buurtteam").await.unwrap(), Saved::Invalid("naam"));
        let team = make(coordinator.clone(), "Buurtteam Oost", "buurtteam").await.unwrap().done().unwrap();
        assert_eq!(make(coordinator.clone(), "Buurtteam Oost", "buurtteam").await.unwrap(), Saved::Invalid("naam"), "one name once");
        assert_eq!(
            teams::set_member(state, &coordinator, team, "niemand@example.org", false).await.unwrap(),
            Saved::Invalid("email")
        );
        assert!(matches!(
            teams::set_member(state, &elsewhere, team, &professional.email, false).await,
            Err(Error::Forbidden)
        ));
        assert!(matches!(teams::set_member(state, &coordinator, team, &professional.email, true).await.unwrap(), Saved::Done(_)));
        let (mine, lead) = app::db::team_of(&state.db, professional.id).await.unwrap().unwrap();
        assert_eq!((mine.name.as_str(), lead), ("Buurtteam Oost", true));
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_coordinator_makes_a_team_and_puts_a_professional_in_it_without_javascript() {
    use crate::support::{login_as, page, post, Backend};
    let app = TestApp::demo(Backend::Sqlite).await;
    let coordinator = login_as(&app, Role::Coordinator, Some("GM0344"), &[]).await;
    let member = professional(&app, "Piet Eerste").await;

    let fields = |name: &str| {
        vec![
            ("naam", name.to_string()),
            ("soort", "buurtteam".to_string()),
            ("telefoon", "030 123 4567".to_string()),
            ("email", String::new()),
        ]
    };
    let (_, location) = post(&app, app::api::CreateTeam::PATH, &coordinator, &fields(" ")).await;
    assert!(location.contains("fout=naam"), "{location}");
    let html = page(&app, &location, &coordinator).await;
    assert!(html.contains("Geef een naam van 1 tot 80 tekens"), "{html}");

    let (_, location) = post(
        &app,
        app::api::CreateTeam::PATH,
        &coordinator,
        &fields("Buurtteam Vleuten-De Meern"),
    )
    .await;
    let html = page(&app, &location, &coordinator).await;
    assert!(html.contains("Het team is gemaakt."), "{html}");
    assert!(html.contains("Wijkteams van Utrecht") && html.contains("Buurtteam Vleuten-De Meern"));
    let team = app::db::teams(&app.state.db, Some("GM0344")).await.unwrap()[0].id;

    let (_, location) = post(
        &app,
        app::api::SetTeamMember::PATH,
        &coordinator,
        &[
            ("team", team.to_string()),
            ("email", member.email.clone()),
            ("leider", "ja".to_string()),
        ],
    )
    .await;
    let html = page(&app, &location, &coordinator).await;
    assert!(
        html.contains(&format!("Piet Eerste ({})", member.email)) && html.contains("teamleider"),
        "{html}"
    );
    let (_, location) = post(
        &app,
        app::api::SetTeamMember::PATH,
        &coordinator,
        &[
            ("team", team.to_string()),
            ("email", "niemand@example.org".into()),
        ],
    )
    .await;
    let html = page(&app, &location, &coordinator).await;
    assert!(
        html.contains("Er is geen werkend account van een professional"),
        "{html}"
    );
}
