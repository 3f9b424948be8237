//! A buurtteam runs a family's traject: every member with their own needs and talents gets
//! their own suggestions, the household gets what a parent and a child can do together, and
//! the plan says per step who does it and for whom. Over HTTP as the no-JS page posts it, on
//! both backends, and over `POST /api/v1/match`.

use leptos::server_fn::ServerFn;
use reqwest::Method;
use serde_json::{json, Value};
use uuid::Uuid;

use crate::support::{login_as, on_both_backends, page, post, Backend, Session, TestApp};
use app::auth::Role;
use app::i18n::Lang;
use app::service::trajecten;

/// The user behind a logged-in session, as the services see them.
async fn me_of(app: &TestApp, session: &Session) -> app::auth::Me {
    let secret = session
        .cookies
        .split("; ")
        .find_map(|c| c.strip_prefix("sk_sessie="))
        .unwrap();
    let (user, _) = app::db::session_user(&app.state.db, &app::auth::hash_secret(secret))
        .await
        .unwrap()
        .unwrap();
    user.me
}

/// Adds a member as the page's form does; returns the Location.
pub(crate) async fn add_member(
    app: &TestApp,
    me: &Session,
    traject: Uuid,
    fields: &[(&str, &str)],
) -> String {
    let mut form = vec![("traject", traject.to_string()), ("nummer", String::new())];
    form.extend(fields.iter().map(|(k, v)| (*k, v.to_string())));
    let (status, location) = post(app, app::api::SaveMember::PATH, me, &form).await;
    assert!((300..400).contains(&status), "{status} {location}");
    location
}

/// A mother of 38 with money worries, a plan in the family's order.
async fn family_traject(app: &TestApp, me: &Session) -> Uuid {
    let fields = vec![
        ("form[naam]", "M.".to_string()),
        ("form[leeftijd]", "38".to_string()),
        ("form[waar]", "3454".to_string()),
        ("form[vragen][]", "geldzaken".to_string()),
        ("form[vragen][]", "meedoen".to_string()),
        ("form[stappen][0][wat]", "Sam gaat sporten".to_string()),
        ("form[stappen][0][wie]", "netwerk".to_string()),
        ("form[stappen][0][volgorde]", "2".to_string()),
        (
            "form[stappen][1][wat]",
            "De rekeningen op een rij".to_string(),
        ),
        ("form[stappen][1][wie]", "vrijwilliger".to_string()),
        ("form[stappen][1][voor]", "M.".to_string()),
        ("form[stappen][1][volgorde]", "1".to_string()),
    ];
    let (status, location) = post(app, app::api::SaveTraject::PATH, me, &fields).await;
    assert!((300..400).contains(&status), "{status} {location}");
    location
        .strip_prefix("/wijkteam/traject/")
        .and_then(|rest| rest.get(..36))
        .and_then(|id| id.parse().ok())
        .unwrap_or_else(|| panic!("{location}"))
}

on_both_backends! {
    async fn a_household_of_three_gets_suggestions_per_member_and_one_for_parent_and_child(backend) {
        let app = TestApp::demo_without_housekeeping(backend).await;
        let me = login_as(&app, Role::Professional, None, &[]).await;
        let traject = family_traject(&app, &me).await;
        add_member(&app, &me, traject, &[
            ("form[naam]", "Sam"), ("form[leeftijd]", "8"), ("form[rol]", "kind"),
            ("form[vragen][]", "bewegen"), ("form[talenten][]", "voetbal"),
        ]).await;
        let location = add_member(&app, &me, traject, &[
            ("form[naam]", "Noor"), ("form[leeftijd]", "15"), ("form[rol]", "kind"),
            ("form[vragen][]", "leren"), ("form[talenten][]", "kinderen"),
        ]).await;
        assert!(location.contains("bijgewerkt") && location.ends_with("#gezin"), "{location}");

        let html = page(&app, &format!("/wijkteam/traject/{traject}"), &me).await;
        for said in ["Voor Sam, 8 jaar", "Voor Noor, 15 jaar", "Samen: voor ouder en kind",
                     "Eerst: rondkomen en geldzaken", "voor ouder en kind"] {
            assert!(html.contains(said), "{said}");
        }
        // The plan in the family's order, each step with who does it.
        let first = html.find("De rekeningen op een rij · Wie doet het: een vrijwilliger · voor wie: M.").expect("step one");
        let second = html.find("Sam gaat sporten · Wie doet het: iemand uit het netwerk").expect("step two");
        assert!(first < second, "eerst dit, dan dat");

        // Each member's suggestions fit them: Sam's are open to an 8-year-old, Noor gets a
        // role for her talent; together fits a child of the household.
        let professional = me_of(&app, &me).await;
        let view = trajecten::load(&app.state, &professional, &traject.to_string(), Lang::Nl)
            .await.unwrap().unwrap();
        assert_eq!(view.form.gezin.len(), 2);
        let catalog = app::service::matching::catalog(&app.state).await.unwrap();
        let sam = &view.lanes.household[0];
        assert_eq!((sam.name.as_str(), sam.age, sam.role.as_str()), ("Sam", Some(8), "kind"));
        assert!(!sam.meedoen.is_empty(), "Sam gets something to join");
        for s in &sam.meedoen {
            let o = catalog.offers.iter().find(|o| Some(o.id) == s.offer_id).unwrap();
            assert!(o.min_age.is_none_or(|m| m <= 8) && o.max_age.is_none_or(|m| m >= 8), "{}", o.name);
        }
        let noor = &view.lanes.household[1];
        assert!(!noor.meedoen.is_empty() || !noor.bijdragen.is_empty(), "Noor gets something");
        assert!(!view.lanes.together.is_empty(), "something for parent and child");
        for s in &view.lanes.together {
            let o = catalog.offers.iter().find(|o| Some(o.id) == s.offer_id).unwrap();
            let fits = |age: u8| o.min_age.is_none_or(|m| m <= age) && o.max_age.is_none_or(|m| m >= age);
            assert!(fits(8) || fits(15), "{} fits a child of the household", o.name);
            assert!(s.explanation.contains("voor ouder en kind"), "{}", s.explanation);
        }
        // The mother's own lanes are hers: money first, nothing of the children's in them.
        assert!(!view.lanes.money_first.is_empty());
        assert_eq!(view.plan.len(), 2);
        assert_eq!(view.plan[0].wie, "vrijwilliger");

        // Saving the profile keeps the household; a member is changed and taken out by number.
        let mut again = view.form.clone();
        again.netwerk = "oma".into();
        trajecten::save(&app.state, &professional, again).await.unwrap();
        let (status, _) = post(&app, app::api::SaveMember::PATH, &me, &[
            ("traject", traject.to_string()), ("nummer", "2".into()),
            ("form[naam]", "Noor".into()), ("form[leeftijd]", "16".into()), ("form[rol]", "kind".into()),
        ]).await;
        assert!((300..400).contains(&status));
        let (status, _) = post(&app, app::api::RemoveMember::PATH, &me, &[
            ("traject", traject.to_string()), ("nummer", "1".into()),
        ]).await;
        assert!((300..400).contains(&status));
        let view = trajecten::load(&app.state, &professional, &traject.to_string(), Lang::Nl)
            .await.unwrap().unwrap();
        assert_eq!(view.form.gezin.len(), 1, "kept by the save, one taken out");
        assert_eq!((view.form.gezin[0].name.as_str(), view.form.gezin[0].age), ("Noor", Some(16)));
        assert_eq!(view.form.netwerk, "oma");

        // Someone else's traject does not exist for a colleague.
        let colleague = login_as(&app, Role::Professional, None, &[]).await;
        let (status, _) = post(&app, app::api::SaveMember::PATH, &colleague, &[
            ("traject", traject.to_string()), ("nummer", String::new()),
            ("form[naam]", "X".into()), ("form[leeftijd]", "9".into()), ("form[rol]", "kind".into()),
        ]).await;
        assert_eq!(status, 404);
        let trail = app::db::audit_trail(&app.state.db, "traject", &traject.to_string()).await.unwrap();
        assert!(trail.iter().filter(|(_, _, action, _)| action == "traject_household").count() >= 3, "{trail:?}");
    }

    async fn a_wrong_member_or_plan_step_comes_back_by_name_and_nothing_is_stored(backend) {
        let app = TestApp::demo_without_housekeeping(backend).await;
        let me = login_as(&app, Role::Professional, None, &[]).await;
        let traject = family_traject(&app, &me).await;
        for (fields, field) in [
            (vec![("form[naam]", ""), ("form[leeftijd]", "8"), ("form[rol]", "kind")], "naam"),
            (vec![("form[naam]", "Sam"), ("form[leeftijd]", "acht"), ("form[rol]", "kind")], "leeftijd"),
            (vec![("form[naam]", "Sam"), ("form[leeftijd]", "8"), ("form[rol]", "baas")], "rol"),
            (vec![("form[naam]", "Sam"), ("form[leeftijd]", "8"), ("form[rol]", "kind"), ("form[vragen][]", "probleemgezin")], "vragen"),
        ] {
            let location = add_member(&app, &me, traject, &fields).await;
            assert!(location.contains(&format!("lid_fout={field}&lid=#gezin")), "{field}: {location}");
            let html = page(&app, &location, &me).await;
            assert!(html.contains("role=\"alert\""), "{field}: the message is on the page");
        }
        for i in 0..8 {
            let name = format!("Kind {i}");
            add_member(&app, &me, traject, &[("form[naam]", &name), ("form[leeftijd]", "5"), ("form[rol]", "kind")]).await;
        }
        let location = add_member(&app, &me, traject, &[("form[naam]", "Nog een"), ("form[leeftijd]", "5"), ("form[rol]", "kind")]).await;
        assert!(location.contains("lid_fout=te-veel"), "{location}");

        let professional = me_of(&app, &me).await;
        let view = trajecten::load(&app.state, &professional, &traject.to_string(), Lang::Nl)
            .await.unwrap().unwrap();
        assert_eq!(view.form.gezin.len(), 8);
        for (step, field) in [
            (("form[stappen][0][wie]", "buurvrouw"), "stappen"),
            (("form[stappen][0][voor]", "Iemand anders"), "stappen"),
            (("form[stappen][0][volgorde]", "nul"), "stappen"),
        ] {
            let (_, location) = post(&app, app::api::SaveTraject::PATH, &me, &[
                ("form[traject]", traject.to_string()),
                ("form[naam]", "M.".into()),
                ("form[stappen][0][wat]", "Iets".into()),
                (step.0, step.1.into()),
            ]).await;
            let view = trajecten::load(&app.state, &professional, &traject.to_string(), Lang::Nl)
                .await.unwrap().unwrap();
            assert!(location.ends_with(&format!("fout={field}")), "{location}");
            assert_eq!(view.plan.len(), 2, "nothing stored");
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_match_api_takes_a_household_and_refuses_a_wrong_member_in_dutch() {
    let app = TestApp::demo(Backend::Sqlite).await;
    let (status, body) = app
        .send(
            Method::POST,
            "/api/v1/match",
            Some(json!({
                "postcode": "3454", "age": 38, "needs": ["geldzaken"],
                "household": [
                    {"name": "Sam", "age": 8, "role": "kind", "needs": ["bewegen"], "talents": ["voetbal"]},
                    {"name": "P.", "age": 40, "role": "partner", "needs": ["werk"]}
                ]
            })),
            None,
        )
        .await;
    assert_eq!(status, 200, "{body}");
    let members = body["household"].as_array().unwrap();
    assert_eq!(members.len(), 2);
    assert_eq!(members[0]["name"], "Sam");
    assert!(
        !members[0]["meedoen"].as_array().unwrap().is_empty(),
        "{body}"
    );
    assert!(
        !members[1]["meedoen"].as_array().unwrap().is_empty(),
        "{body}"
    );
    let together = body["together"].as_array().unwrap();
    assert!(!together.is_empty(), "{body}");
    assert!(
        together
            .iter()
            .all(|s| s["reasons"][0]["type"] == "together"),
        "{together:?}"
    );

    // A member with a wheelchair: their suggestions are places without steps (or say "bel
    // even"), their sister's are not limited, and together must suit both.
    let (status, wheel) = app
        .send(
            Method::POST,
            "/api/v1/match",
            Some(json!({
                "postcode": "3454", "age": 38, "needs": ["meedoen"], "max_km": 15,
                "household": [
                    {"name": "Sam", "age": 9, "role": "kind", "needs": ["bewegen", "opgroeien"], "mobility": ["rolstoel"]},
                    {"name": "Noor", "age": 9, "role": "kind", "needs": ["bewegen", "opgroeien"]}
                ]
            })),
            None,
        )
        .await;
    assert_eq!(status, 200, "{wheel}");
    let access = |s: &Value| {
        s["reasons"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["type"] == "step_free" || r["type"] == "ask_access")
    };
    let sam = wheel["household"][0]["meedoen"].as_array().unwrap();
    assert!(!sam.is_empty() && sam.iter().all(access), "{sam:?}");
    let noor = wheel["household"][1]["meedoen"].as_array().unwrap();
    assert!(
        noor.len() >= sam.len() && !noor.iter().all(access),
        "her own way of getting there"
    );
    assert!(
        wheel["together"].as_array().unwrap().iter().all(access),
        "together suits Sam too"
    );

    // Without a household nothing changes.
    let (_, alone) = app
        .send(
            Method::POST,
            "/api/v1/match",
            Some(json!({"postcode": "3454", "age": 38, "needs": ["geldzaken"]})),
            None,
        )
        .await;
    assert_eq!(
        alone["meedoen"], body["meedoen"],
        "the person's own lanes are theirs"
    );
    assert!(
        alone["household"].as_array().unwrap().is_empty()
            && alone["together"].as_array().unwrap().is_empty()
    );

    for wrong in [
        json!([{"name": "Sam", "age": 8, "role": "baas"}]),
        json!([{"name": "", "age": 8, "role": "kind"}]),
        json!([{"name": "Sam", "role": "kind"}]),
        json!([{"name": "Sam", "age": 8, "role": "kind", "mobility": ["auto"]}]),
        json!((0..9)
            .map(|i| json!({"name": format!("K{i}"), "age": 5, "role": "kind"}))
            .collect::<Vec<Value>>()),
    ] {
        let (status, body) = app
            .send(
                Method::POST,
                "/api/v1/match",
                Some(json!({"postcode": "3454", "needs": ["meedoen"], "household": wrong})),
                None,
            )
            .await;
        assert_eq!(status, 400, "{body}");
        assert_eq!(body["code"], "invalid_household", "{body}");
        assert!(
            body["message"].as_str().unwrap().contains("gezinslid")
                || body["message"].as_str().unwrap().contains("huishouden"),
            "{body}"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn in_chromium_a_member_joins_the_household_and_a_step_gets_who_does_it_without_a_reload() {
    let app = TestApp::demo(Backend::Sqlite).await;
    let id = app::db::create_user(
        &app.state.db,
        "gezin@example.org",
        "Buurtteam",
        Role::Professional,
        None,
        &app::auth::hash_password(crate::support::webdriver::PASSWORD),
    )
    .await
    .unwrap();
    let me = app::db::user_by_id(&app.state.db, id)
        .await
        .unwrap()
        .unwrap()
        .me;
    let form = app::referrals::TrajectForm {
        naam: "M.".into(),
        leeftijd: "38".into(),
        waar: "3454".into(),
        vragen: vec!["meedoen".into()],
        ..Default::default()
    };
    let traject = trajecten::save(&app.state, &me, form)
        .await
        .unwrap()
        .done()
        .unwrap();

    let browser = crate::support::webdriver::Browser::start(true).await;
    crate::support::webdriver::log_in(&browser, &app, "gezin@example.org").await;
    browser.set_size(390, 900).await;
    browser
        .goto_hydrated(&app.url(&format!("/wijkteam/traject/{traject}")))
        .await;
    browser
        .execute("window.__skMarker = 'kept'; return true;")
        .await;
    browser
        .execute("document.querySelector('#gezinslid-nieuw summary').click(); return true;")
        .await;
    browser
        .type_text(&browser.wait_for("#lidnieuw-naam").await, "Sam")
        .await;
    browser
        .type_text(&browser.wait_for("#lidnieuw-leeftijd").await, "8")
        .await;
    browser
        .execute("document.getElementById('lidnieuw-rol').value = 'kind'; document.querySelector('#gezinslid-nieuw input[value=\"bewegen\"]').click(); return true;")
        .await;
    browser
        .click(
            &browser
                .wait_for("#gezinslid-nieuw button[type=submit]")
                .await,
        )
        .await;
    let heading = browser.wait_for("#voor-lid-1").await;
    assert_eq!(browser.text(&heading).await, "Voor Sam, 8 jaar");
    assert!(browser
        .text(&browser.wait_for("#lid-1").await)
        .await
        .contains("kind"));
    assert_eq!(
        browser.execute("return window.__skMarker;").await,
        "kept",
        "no reload"
    );

    // The plan: a step with who does it and for whom, chosen from the household.
    browser
        .type_text(&browser.wait_for("#stap1-wat").await, "Sam naar de voetbal")
        .await;
    browser
        .execute("document.getElementById('stap1-wie').value = 'netwerk'; document.getElementById('stap1-voor').value = 'Sam'; return true;")
        .await;
    browser
        .click(&browser.wait_for("#traject-bewaren").await)
        .await;
    browser
        .wait_until("return (document.querySelector('#plan li')?.textContent ?? '').includes('iemand uit het netwerk');")
        .await;
    let step = browser
        .execute("return document.querySelector('#plan li').textContent;")
        .await;
    assert!(step.as_str().unwrap().contains("voor wie: Sam"), "{step}");
    let wide = browser
        .execute("return document.documentElement.scrollWidth <= window.innerWidth;")
        .await;
    assert_eq!(wide, Value::Bool(true), "nothing wider than the phone");
}
