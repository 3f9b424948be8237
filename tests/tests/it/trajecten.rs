//! The whole keukentafel profile on a traject: what a professional fills in with a person
//! reaches matching, "met behoud van uitkering" included.

use app::auth::Role;
use app::i18n::Lang;
use app::referrals::TrajectForm;
use app::service::{trajecten, Saved};

use crate::support::{actor, on_both_backends, TestApp};

fn form(uitkering: bool) -> TrajectForm {
    TrajectForm {
        naam: "K.".into(),
        leeftijd: "45".into(),
        waar: "3454".into(),
        vragen: vec!["werk".into(), "meedoen".into()],
        graag: vec!["koken".into()],
        groepen: vec!["werkzoekenden".into()],
        dagen: vec!["2".into(), "4".into()],
        talen: "ar, EN".into(),
        km: "10".into(),
        uitkering: if uitkering { "ja" } else { "" }.into(),
        ..TrajectForm::default()
    }
}

/// The explanations of the suggestions to take part.
async fn explanations(app: &TestApp, me: &app::auth::Me, form: TrajectForm) -> Vec<String> {
    let id = match trajecten::save(&app.state, me, form).await.unwrap() {
        Saved::Done(id) => id,
        Saved::Invalid(field) => panic!("{field}"),
    };
    let view = trajecten::load(&app.state, me, &id.to_string(), Lang::Nl)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(view.form.talen, "ar, EN", "stored as typed");
    assert_eq!(view.form.dagen, ["2", "4"]);
    assert_eq!(view.form.profile().languages, ["ar", "en"]);
    view.lanes
        .meedoen
        .iter()
        .map(|s| s.explanation.clone())
        .collect()
}

on_both_backends! {
    async fn what_the_traject_says_about_a_benefit_reaches_matching(backend) {
        let app = TestApp::demo(backend).await;
        let me = actor(&app, Role::Professional, Some("GM0344"), &[]).await;
        let benefit = |e: &String| e.contains("met behoud van uitkering") || e.contains("klantmanager");
        let with = explanations(&app, &me, form(true)).await;
        assert!(with.iter().any(benefit), "{with:?}");
        let without = explanations(&app, &me, form(false)).await;
        assert!(!without.iter().any(benefit), "{without:?}");
        assert_eq!(with.len(), without.len(), "a benefit to keep hides nothing");
    }

    async fn a_wheelchair_and_rather_not_in_the_own_wijk_from_the_traject_reach_matching(backend) {
        let app = TestApp::demo(backend).await;
        let me = actor(&app, Role::Professional, Some("GM0344"), &[]).await;
        let plain = explanations(&app, &me, form(false)).await;
        let with = TrajectForm {
            vervoer: vec!["rolstoel".into()],
            eigen_buurt: "ja".into(),
            belangrijkst: "Iets met mensen, niet te ver.".into(),
            ..form(false)
        };
        let said = explanations(&app, &me, with).await;
        assert!(!said.is_empty());
        for e in &said {
            assert!(e.contains("gelijkvloers") || e.contains("bel even"), "{e}");
        }
        assert!(
            said.iter().any(|e| e.contains("buiten je eigen buurt") || e.contains("in je eigen buurt")),
            "{said:?}"
        );
        assert!(said.len() <= plain.len(), "only places without steps, or not described");
    }

    async fn a_wrong_field_of_the_full_profile_comes_back_by_name(backend) {
        let app = TestApp::demo(backend).await;
        let me = actor(&app, Role::Professional, Some("GM0344"), &[]).await;
        for (wrong, field) in [
            (TrajectForm { talen: "Arabisch".into(), ..form(true) }, "talen"),
            (TrajectForm { km: "500".into(), ..form(true) }, "km"),
            (TrajectForm { dagen: vec!["8".into()], ..form(true) }, "dagen"),
            (TrajectForm { graag: vec!["vliegen".into()], ..form(true) }, "graag"),
            (TrajectForm { groepen: vec!["probleemgezinnen".into()], ..form(true) }, "groepen"),
            (TrajectForm { vervoer: vec!["auto".into()], ..form(true) }, "vervoer"),
            (TrajectForm { belangrijkst: "x".repeat(501), ..form(true) }, "belangrijkst"),
        ] {
            let saved = trajecten::save(&app.state, &me, wrong).await.unwrap();
            assert!(matches!(saved, Saved::Invalid(f) if f == field), "{field}: {saved:?}");
        }
    }
}

on_both_backends! {
    async fn when_money_is_asked_about_what_helps_with_it_comes_first_and_nothing_is_dropped(backend) {
        let app = TestApp::demo(backend).await;
        let input = app::profile::ProfileInput {
            needs: vec!["geldzaken".into(), "meedoen".into()],
            postcode: "3563".into(),
            ..Default::default()
        };
        let view = app::service::matching::lanes(&app.state, &input, Lang::Nl).await.unwrap();
        assert!(!view.money_first.is_empty(), "the demo has schuldhulp and papieren near Overvecht");
        let first: Vec<&str> = view.money_first.iter().map(|s| s.title.as_str()).collect();
        assert!(view.meedoen.iter().all(|s| !first.contains(&s.title.as_str())), "moved, not repeated");
        // Everything the engine found is still there.
        let profile = input.parse().unwrap();
        let (_, lanes) = app::service::matching::run(&app.state, &profile, Lang::Nl).await.unwrap();
        assert_eq!(view.money_first.len() + view.meedoen.len(), lanes.meedoen.len());
        // Without money among the questions, no block.
        let other = app::profile::ProfileInput { needs: vec!["meedoen".into()], ..input };
        let view = app::service::matching::lanes(&app.state, &other, Lang::Nl).await.unwrap();
        assert!(view.money_first.is_empty());
    }
}

on_both_backends! {
    async fn a_professional_puts_a_suggestion_first_with_a_reason_and_takes_it_off_again(backend) {
        let app = TestApp::demo(backend).await;
        let me = actor(&app, Role::Professional, Some("GM0344"), &[]).await;
        let id = trajecten::save(&app.state, &me, form(false)).await.unwrap().done().unwrap().to_string();
        let load = || async { trajecten::load(&app.state, &me, &id, Lang::Nl).await.unwrap().unwrap() };
        let before = load().await;
        // The last suggestion to take part, put first.
        let last = before.lanes.meedoen.last().expect("suggestions").clone();
        let key = last.key();
        let done = trajecten::pin(&app.state, &me, &id, &key, "Dit wil ze zelf het liefst").await.unwrap();
        assert!(matches!(done, Saved::Done(_)));
        let after = load().await;
        assert_eq!(after.pinned.len(), 1);
        assert_eq!(after.pinned[0].suggestion.title, last.title);
        assert_eq!(after.pinned[0].reason, "Dit wil ze zelf het liefst");
        assert!(after.lanes.meedoen.iter().all(|s| s.key() != key), "moved, not repeated");
        assert_eq!(after.lanes.meedoen.len() + 1, before.lanes.meedoen.len());

        // Saving the profile keeps the pin; a bad reason or target is refused by name.
        let mut again = after.form.clone();
        again.stappen = vec![app::referrals::PlanStep { wat: "eerst dit".into(), ..Default::default() }];
        trajecten::save(&app.state, &me, again).await.unwrap();
        assert_eq!(load().await.pinned.len(), 1, "a save of the form keeps the pins");
        assert_eq!(trajecten::pin(&app.state, &me, &id, &key, " ").await.unwrap(), Saved::Invalid("reden"));
        assert_eq!(
            trajecten::pin(&app.state, &me, &id, "aanbod:00000000-0000-0000-0000-000000000000", "x").await.unwrap(),
            Saved::Invalid("doel")
        );
        let other = actor(&app, Role::Professional, Some("GM0344"), &[]).await;
        assert!(trajecten::pin(&app.state, &other, &id, &key, "Van een ander").await.is_err(), "not theirs");

        trajecten::unpin(&app.state, &me, &id, &key).await.unwrap();
        let back = load().await;
        assert!(back.pinned.is_empty());
        assert_eq!(back.lanes.meedoen.len(), before.lanes.meedoen.len(), "back among the others");
    }
}
