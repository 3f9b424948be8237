//! "Ik help mee": a resident answers a role, the organisation answers back, and the resident
//! hears every step; answers nobody answers are followed up. Services with a real database,
//! the form and its pages over HTTP.

use app::auth::Role;
use app::i18n::Lang;
use app::service::helping::{self, HelpOffer, Move};
use app::service::{cards, Saved};
use app::Error;
use leptos::server_fn::ServerFn;
use uuid::Uuid;

use crate::referrals::trainer_role;
use crate::support::fixtures::{club, other_org};
use crate::support::{actor, on_both_backends, post, Outbox, Session, TestApp};

fn step(status: &str, reason: &str) -> Move {
    Move {
        status: status.into(),
        reason: reason.into(),
        placed: String::new(),
    }
}

fn sam() -> HelpOffer {
    HelpOffer {
        name: "Sam".into(),
        email: "sam@example.org".into(),
        phone: String::new(),
        age: "19".into(),
        message: "Ik voetbal al tien jaar.".into(),
        consent: "ja".into(),
        website: String::new(),
    }
}

/// Moves the sending time of every answer to a role `days` back.
async fn age_answers(app: &TestApp, role: Uuid, days: i64) {
    let when = chrono::Utc::now() - chrono::Duration::days(days);
    let sql = "UPDATE role_responses SET created_at = $1 WHERE need_id = $2";
    app::on_pool!(&app.state.db, p => sqlx::query(sql).bind(when).bind(role).execute(p).await.map(drop).unwrap());
}

async fn open_places(app: &TestApp, role: Uuid) -> Option<i32> {
    cards::role_page(&app.state, role, Lang::Nl)
        .await
        .unwrap()
        .role_facts
        .unwrap()
        .open_places
}

on_both_backends! {
    async fn a_resident_answers_a_role_and_hears_every_step_until_they_start(backend) {
        let app = TestApp::demo(backend).await;
        let (state, outbox) = Outbox::for_app(&app);
        let provider = actor(&app, Role::Provider, None, &[club()]).await;
        let role = trainer_role();
        assert_eq!(open_places(&app, role).await, Some(6));

        let saved = helping::offer_help(&state, role, &sam(), None, Lang::En).await.unwrap();
        assert_eq!(saved, Some(Saved::Done(())));

        let receipt = outbox.to("sam@example.org");
        assert_eq!(receipt.len(), 1, "{receipt:?}");
        assert!(receipt[0].0.starts_with("You want to help"), "in the language they used: {receipt:?}");
        assert!(receipt[0].1.contains("Sanne"), "the contact's name: {receipt:?}");
        let to_club = outbox.to(&provider.email);
        assert_eq!(to_club.len(), 1);
        assert!(!to_club[0].1.contains("sam@example.org"), "no personal data in mail");

        let inbox = helping::inbox(&state, &provider).await.unwrap();
        assert_eq!(inbox.len(), 1);
        let answer = &inbox[0];
        assert_eq!((answer.name.as_str(), answer.email.as_str(), answer.age), ("Sam", "sam@example.org", Some(19)));
        assert_eq!(answer.status, "nieuw");

        // Only the organisation's own providers see and move it.
        let coordinator = actor(&app, Role::Coordinator, Some("GM0344"), &[]).await;
        assert!(helping::inbox(&state, &coordinator).await.unwrap().is_empty());
        let other = actor(&app, Role::Provider, None, &[other_org()]).await;
        assert!(helping::inbox(&state, &other).await.unwrap().is_empty());
        assert!(matches!(
            helping::move_on(&state, &other, answer.id, &step("kennismaking", "")).await,
            Err(Error::Forbidden)
        ));
        assert!(matches!(
            helping::move_on(&state, &coordinator, answer.id, &step("kennismaking", "")).await,
            Err(Error::Forbidden)
        ));

        assert_eq!(
            helping::move_on(&state, &provider, answer.id, &step("kennismaking", "")).await.unwrap(),
            Saved::Done(())
        );
        assert_eq!(
            helping::move_on(&state, &provider, answer.id, &Move { placed: "4".into(), ..step("aan de slag", "") }).await.unwrap(),
            Saved::Done(())
        );
        assert_eq!(
            helping::move_on(&state, &provider, answer.id, &step("past niet", "vol")).await.unwrap(),
            Saved::Invalid("status"),
            "a person who started is not turned away afterwards"
        );

        let news = outbox.to("sam@example.org");
        assert_eq!(news.len(), 3, "receipt, meeting, start: {news:?}");
        assert!(news[1].1.contains("would like to meet you"), "{news:?}");
        assert!(news[2].1.contains("Welcome") && news[2].1.contains("Sanne"), "{news:?}");
        assert_eq!(open_places(&app, role).await, Some(5), "one place fewer");
        let waiting = cards::role_page(&app.state, role, Lang::Nl).await.unwrap().role_facts.unwrap().for_offer.unwrap().2;
        assert_eq!(waiting, 34 - 4, "four children off the waiting list");
        let inbox = helping::inbox(&state, &provider).await.unwrap();
        assert_eq!(inbox[0].status, "aan de slag");
        assert!(inbox[0].next.is_empty());
    }

    async fn an_answer_nobody_answers_reminds_the_organisation_then_becomes_a_signal_and_a_kind_message(backend) {
        let app = TestApp::demo_without_housekeeping(backend).await;
        let (state, outbox) = Outbox::for_app(&app);
        let provider = actor(&app, Role::Provider, None, &[club()]).await;
        let role = trainer_role();
        helping::offer_help(&state, role, &sam(), None, Lang::Nl).await.unwrap();
        let before = outbox.all().len();

        helping::housekeeping(&state).await.unwrap();
        assert_eq!(outbox.all().len(), before, "nothing is due on the first day");

        age_answers(&app, role, 8).await;
        let round = helping::housekeeping(&state).await.unwrap();
        assert_eq!((round.reminded, round.unanswered), (1, 0));
        let reminders = outbox.to(&provider.email);
        assert!(reminders.last().unwrap().0.starts_with("Nog geen antwoord"), "{reminders:?}");
        let round = helping::housekeeping(&state).await.unwrap();
        assert_eq!(round.reminded, 0, "one reminder, not one every hour");

        age_answers(&app, role, 15).await;
        let round = helping::housekeeping(&state).await.unwrap();
        assert_eq!(round.unanswered, 1);
        let kind = outbox.to("sam@example.org");
        let message = &kind.last().unwrap().1;
        assert!(message.contains("Dat ligt niet aan jou"), "{message}");
        assert_eq!(message.matches("/vraag/").count(), 2, "two other roles nearby: {message}");
        assert!(!message.contains(&role.to_string()), "other roles, not this one");
        let signals = app::db::signal_counts(&app.state.db).await.unwrap();
        let unanswered: Vec<_> = signals.iter().filter(|s| s.0 == "onbeantwoord").collect();
        assert_eq!(unanswered.len(), 1, "{signals:?}");
        assert_eq!(unanswered[0].4, 1);
        assert_eq!(helping::housekeeping(&state).await.unwrap().unanswered, 0, "counted once");

        age_answers(&app, role, 200).await;
        assert_eq!(helping::housekeeping(&state).await.unwrap().deleted, 1, "deleted after six months");
        assert!(helping::inbox(&state, &provider).await.unwrap().is_empty());
    }

    async fn bad_answers_say_which_field_is_wrong_and_a_filled_role_takes_no_more(backend) {
        let app = TestApp::demo(backend).await;
        let state = &app.state;
        let role = trainer_role();
        let cases: [(&str, HelpOffer); 6] = [
            ("naam", HelpOffer { name: " ".into(), ..sam() }),
            ("contact", HelpOffer { email: String::new(), phone: String::new(), ..sam() }),
            ("email", HelpOffer { email: "sam at example".into(), ..sam() }),
            ("telefoon", HelpOffer { email: String::new(), phone: "bel me".into(), ..sam() }),
            ("bericht", HelpOffer { message: "x".repeat(20_000), ..sam() }),
            ("toestemming", HelpOffer { consent: String::new(), ..sam() }),
        ];
        for (field, offer) in cases {
            assert_eq!(
                helping::offer_help(state, role, &offer, None, Lang::Nl).await.unwrap(),
                Some(Saved::Invalid(field))
            );
        }
        assert_eq!(
            helping::offer_help(state, Uuid::new_v4(), &sam(), None, Lang::Nl).await.unwrap(),
            None,
            "an unknown role is a 404"
        );
        let phone_only = HelpOffer { email: String::new(), phone: "06 1234 5678".into(), ..sam() };
        assert_eq!(
            helping::offer_help(state, role, &phone_only, None, Lang::Nl).await.unwrap(),
            Some(Saved::Done(()))
        );

        let sql = "UPDATE needs SET people_started = people_wanted WHERE id = $1";
        app::on_pool!(&state.db, p => sqlx::query(sql).bind(role).execute(p).await.map(drop).unwrap());
        assert_eq!(
            helping::offer_help(state, role, &sam(), None, Lang::Nl).await.unwrap(),
            Some(Saved::Invalid("vol"))
        );
        let facts = cards::role_page(state, role, Lang::Nl).await.unwrap().role_facts.unwrap();
        assert!(facts.filled);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_help_form_works_without_javascript_and_keeps_what_was_typed() {
    let app = TestApp::demo(crate::support::Backend::Sqlite).await;
    let role = trainer_role();
    let anonymous = Session::anonymous();

    let (status, page) = app.get(&format!("/vraag/{role}")).await;
    assert_eq!(status, 200);
    assert!(
        page.contains(&format!("href=\"/vraag/{role}/helpen\"")),
        "the button"
    );
    assert!(
        page.contains("Wat je niet hoeft te doen"),
        "what you do not do"
    );
    assert!(page.contains("€ 50 per maand"), "the allowance");
    assert!(
        page.contains("je houdt je uitkering"),
        "cleared for benefit"
    );
    assert!(
        page.contains("Sanne, jeugdcoördinator"),
        "the contact person"
    );

    let fields = |email: &str, consent: bool| {
        let mut f = vec![
            ("rol", role.to_string()),
            ("naam", "Sam <b>".to_string()),
            ("email", email.to_string()),
            ("telefoon", String::new()),
            ("leeftijd", "19".into()),
            ("bericht", "Ik voetbal </textarea><script>x</script>".into()),
            ("website", String::new()),
        ];
        if consent {
            f.push(("toestemming", "ja".into()));
        }
        f
    };
    let (status, location) = post(
        &app,
        app::api::OfferHelp::PATH,
        &anonymous,
        &fields("sam@", true),
    )
    .await;
    assert!((300..400).contains(&status), "{status}");
    assert!(
        location.starts_with(&format!("/vraag/{role}/helpen?fout=email")),
        "{location}"
    );
    let (status, form) = app.get(&location).await;
    assert_eq!(status, 200);
    assert!(
        form.contains("id=\"email-fout\""),
        "the message next to the field"
    );
    assert!(
        form.contains("value=\"Sam &lt;b&gt;\""),
        "the name stays, escaped"
    );
    assert!(!form.contains("<script>x"), "the message stays, escaped");

    let (status, location) = post(
        &app,
        app::api::OfferHelp::PATH,
        &anonymous,
        &fields("sam@example.org", false),
    )
    .await;
    assert!((300..400).contains(&status));
    assert!(location.contains("fout=toestemming"), "{location}");

    let (_, location) = post(
        &app,
        app::api::OfferHelp::PATH,
        &anonymous,
        &fields("sam@example.org", true),
    )
    .await;
    assert_eq!(location, format!("/vraag/{role}/bedankt"));
    let (status, thanks) = app.get(&location).await;
    assert_eq!(status, 200);
    assert!(thanks.contains("Dank je wel"));

    let (status, _) = app.get(&format!("/vraag/{}/helpen", Uuid::new_v4())).await;
    assert_eq!(status, 404);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn from_the_keukentafel_to_an_answered_role_in_chromium_with_and_without_javascript() {
    use crate::support::webdriver::Browser;
    let app = TestApp::demo(crate::support::Backend::Sqlite).await;
    let role = trainer_role();
    for (n, javascript) in [true, false].into_iter().enumerate() {
        let browser = Browser::start(javascript).await;
        let start = app.url("/keukentafel?talent=voetbal&leeftijd=19&waar=3454");
        if javascript {
            browser.goto_hydrated(&start).await;
        } else {
            browser.goto(&start).await;
        }
        let link = browser
            .wait_for(&format!("a[href=\"/vraag/{role}\"]"))
            .await;
        browser.click(&link).await;
        let button = browser.wait_for("#ik-help-mee").await;
        browser.click(&button).await;
        let name = browser.wait_for("#naam").await;
        browser.type_text(&name, "Sam").await;
        let email = browser.wait_for("#email").await;
        browser
            .type_text(&email, &format!("sam{n}@example.org"))
            .await;
        // Without consent the form comes back with the message at the checkbox.
        let send = browser.wait_for(".help-form button[type=submit]").await;
        browser.click(&send).await;
        browser.wait_for("#toestemming-fout").await;
        let kept = browser
            .execute("return document.querySelector('#email').value;")
            .await;
        assert_eq!(
            kept,
            format!("sam{n}@example.org"),
            "javascript {javascript}"
        );
        let consent = browser.wait_for("#toestemming").await;
        browser.click(&consent).await;
        let send = browser.wait_for(".help-form button[type=submit]").await;
        browser.click(&send).await;
        browser
            .wait_until("return location.pathname.endsWith('/bedankt') && !!document.querySelector('.thanks h1');")
            .await;
        browser.close().await;
    }
    let answers = app::db::responses_for(&app.state.db, &[crate::support::fixtures::club()])
        .await
        .unwrap();
    assert_eq!(answers.len(), 2, "one answer per browser");
}

/// The code in the one-click link of a mail.
fn revoke_code(body: &str) -> String {
    let at = body.find("/ik-kan-iets/intrekken/").expect("a stop link") + 23;
    body[at..]
        .chars()
        .take_while(char::is_ascii_hexdigit)
        .collect()
}

on_both_backends! {
    async fn an_organisation_invites_someone_who_may_be_asked_without_ever_seeing_them(backend) {
        let app = TestApp::demo(backend).await;
        let (state, outbox) = Outbox::for_app(&app);
        let entry = app::service::matching::TalentEntry {
            talents: vec!["voetbal".into()],
            postcode: "3454".into(),
            age: "19".into(),
            reachable: true,
            name: "Zeynep".into(),
            email: "zeynep@example.org".into(),
            lang: Lang::En,
            ..Default::default()
        };
        let Saved::Done(id) = app::service::matching::leave_talent_entry(&state, &entry, None).await.unwrap() else {
            panic!("the entry is stored")
        };
        let welcome = outbox.to("zeynep@example.org");
        assert_eq!(welcome.len(), 1);
        assert!(welcome[0].0.starts_with("Organisations nearby may ask you"), "{welcome:?}");
        let code = revoke_code(&welcome[0].1);
        assert_eq!(code.len(), 64);
        let without_email = app::service::matching::TalentEntry { email: "zeynep".into(), ..entry.clone() };
        assert_eq!(
            app::service::matching::leave_talent_entry(&state, &without_email, None).await.unwrap(),
            Saved::Invalid("talent-contact")
        );

        let provider = actor(&app, Role::Provider, None, &[club()]).await;
        let dashboard = app::service::manage::dashboard(&state, &provider).await.unwrap();
        let seen = dashboard.reachable.iter().find(|r| r.entry_id == id).expect("the club sees someone nearby");
        assert_eq!(seen.role_id, trainer_role());
        assert_eq!((seen.postcode.as_str(), seen.age), ("3454", Some(19)));
        let everything = format!("{dashboard:?}");
        assert!(!everything.contains("zeynep") && !everything.contains("Zeynep"), "never the name or address");

        let other = actor(&app, Role::Provider, None, &[other_org()]).await;
        assert!(matches!(
            helping::invite(&state, &other, trainer_role(), id, "Kom je helpen?").await,
            Err(Error::Forbidden)
        ));
        assert_eq!(
            helping::invite(&state, &provider, trainer_role(), id, " ").await.unwrap(),
            Saved::Invalid("bericht")
        );
        assert_eq!(
            helping::invite(&state, &provider, trainer_role(), id, "Wij zoeken iemand die kan voetballen in De Meern.").await.unwrap(),
            Saved::Done(())
        );
        let invitation = outbox.to("zeynep@example.org").pop().unwrap();
        assert!(invitation.0.contains("Voetbalvereniging"), "{invitation:?}");
        assert!(invitation.1.starts_with("Hello Zeynep"), "in their language, with their name: {invitation:?}");
        assert!(invitation.1.contains(&format!("/vraag/{}", trainer_role())));
        assert_eq!(revoke_code(&invitation.1), code, "every invitation can stop them all");
        assert_eq!(
            helping::invite(&state, &provider, trainer_role(), id, "Nog een keer?").await.unwrap(),
            Saved::Invalid("te-vaak"),
            "one invitation per role"
        );
        let after = app::service::manage::dashboard(&state, &provider).await.unwrap();
        assert!(!after.reachable.iter().any(|r| r.entry_id == id), "an invited person is not listed again");

        // The one-click link empties the contact at once.
        let (status, _) = app.get(&format!("/ik-kan-iets/intrekken/{code}")).await;
        assert_eq!(status, 200, "followed to the page that says so");
        let location = crate::support::client()
            .get(app.url(&format!("/ik-kan-iets/intrekken/{code}")))
            .send().await.unwrap();
        assert_eq!(location.status().as_u16(), 303);
        assert_eq!(location.headers()["location"], "/ik-kan-iets?ingetrokken=onbekend", "a used link finds nothing");
        assert!(app::db::entry_contact(&state.db, id).await.unwrap().is_none());
        let (_, page) = app.get("/ik-kan-iets?ingetrokken=ja").await;
        assert!(page.contains("id=\"ingetrokken\""));
    }

    async fn nobody_is_invited_more_than_twice_a_month(backend) {
        let app = TestApp::demo(backend).await;
        let state = &app.state;
        let entry = app::service::matching::TalentEntry {
            talents: vec!["koken".into()],
            postcode: "3511".into(),
            reachable: true,
            email: "kok@example.org".into(),
            ..Default::default()
        };
        let Saved::Done(id) = app::service::matching::leave_talent_entry(state, &entry, None).await.unwrap() else {
            panic!("the entry is stored")
        };
        let roles = [
            trainer_role(),
            server::demo::demo_id("need:geldzaken-vrijwilliger"),
            server::demo::demo_id("need:vv-de-meern-assistent-trainer"),
        ];
        let now = chrono::Utc::now();
        assert!(app::db::record_invitation(&state.db, id, roles[0], now).await.unwrap());
        assert!(app::db::record_invitation(&state.db, id, roles[1], now).await.unwrap());
        let third = server::demo::dataset().needs.iter().map(|n| n.id).find(|n| !roles.contains(n)).unwrap();
        assert!(!app::db::record_invitation(&state.db, id, third, now).await.unwrap(), "a third in one month");
        assert!(
            app::db::record_invitation(&state.db, id, third, now + chrono::Duration::days(31)).await.unwrap(),
            "next month again"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn from_ik_kan_goed_koken_to_an_answered_role_in_five_clicks_without_javascript() {
    use crate::support::webdriver::Browser;
    let app = TestApp::demo(crate::support::Backend::Sqlite).await;
    let browser = Browser::start(false).await;
    let mut clicks = 0;
    browser.goto(&app.url("/ik-kan-iets")).await;
    let words = browser.wait_for("#woorden").await;
    browser.type_text(&words, "ik kan goed koken").await;
    let place = browser.wait_for("#waar").await;
    browser.type_text(&place, "3511").await;
    let show = browser.wait_for(".search-hero button[type=submit]").await;
    browser.click(&show).await;
    clicks += 1;
    let role = browser.wait_for(".lane-bijdragen a[href^='/vraag/']").await;
    let href = browser
        .execute("return document.querySelector(\".lane-bijdragen a[href^='/vraag/']\").getAttribute('href');")
        .await;
    let role_id: Uuid = href
        .as_str()
        .unwrap()
        .trim_start_matches("/vraag/")
        .parse()
        .unwrap();
    browser.click(&role).await;
    clicks += 1;
    let help = browser.wait_for("#ik-help-mee").await;
    browser.click(&help).await;
    clicks += 1;
    let name = browser.wait_for("#naam").await;
    browser.type_text(&name, "Fatma").await;
    let phone = browser.wait_for("#telefoon").await;
    browser.type_text(&phone, "06 1234 5678").await;
    let consent = browser.wait_for("#toestemming").await;
    browser.click(&consent).await;
    clicks += 1;
    let send = browser.wait_for(".help-form button[type=submit]").await;
    browser.click(&send).await;
    clicks += 1;
    browser
        .wait_until("return location.pathname.endsWith('/bedankt');")
        .await;
    browser.close().await;

    assert_eq!(clicks, 5);
    let (role, _) = app::db::role_page(&app.state.db, role_id).await.unwrap();
    let answers = app::db::responses_for(&app.state.db, &[role.organisation_id])
        .await
        .unwrap();
    assert_eq!(answers.len(), 1, "the organisation has it");
    assert_eq!(
        app.state.sealer.open(&answers[0].name_sealed).unwrap(),
        "Fatma"
    );
}

on_both_backends! {
    async fn what_residents_tell_an_organisation_is_sealed_in_the_database(backend) {
        let app = TestApp::demo(backend).await;
        let state = &app.state;
        helping::offer_help(state, trainer_role(), &sam(), None, Lang::Nl).await.unwrap();
        let entry = app::service::matching::TalentEntry {
            talents: vec!["voetbal".into()],
            postcode: "3454".into(),
            reachable: true,
            name: "Zeynep".into(),
            email: "zeynep@example.org".into(),
            ..Default::default()
        };
        app::service::matching::leave_talent_entry(state, &entry, None).await.unwrap();

        let answers = "SELECT name_sealed || email_sealed || phone_sealed || message_sealed FROM role_responses";
        let entries = "SELECT contact_name_sealed || contact_email_sealed || revoke_code_sealed FROM talent_entries";
        for sql in [answers, entries] {
            let rows: Vec<String> = app::on_pool!(&state.db, p => sqlx::query_scalar(sql).fetch_all(p).await.unwrap());
            let stored = rows.concat();
            assert!(!stored.is_empty(), "{sql}");
            // Only texts long enough never to turn up in base64 by chance.
            for plain in ["sam@example.org", "voetbal al tien jaar", "Zeynep", "zeynep@example.org"] {
                assert!(!stored.contains(plain), "{plain} is stored in the clear by {sql}");
            }
        }
    }
}
