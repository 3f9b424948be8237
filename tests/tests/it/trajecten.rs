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

    async fn a_wrong_field_of_the_full_profile_comes_back_by_name(backend) {
        let app = TestApp::demo(backend).await;
        let me = actor(&app, Role::Professional, Some("GM0344"), &[]).await;
        for (wrong, field) in [
            (TrajectForm { talen: "Arabisch".into(), ..form(true) }, "talen"),
            (TrajectForm { km: "500".into(), ..form(true) }, "km"),
            (TrajectForm { dagen: vec!["8".into()], ..form(true) }, "dagen"),
            (TrajectForm { graag: vec!["vliegen".into()], ..form(true) }, "graag"),
            (TrajectForm { groepen: vec!["probleemgezinnen".into()], ..form(true) }, "groepen"),
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
