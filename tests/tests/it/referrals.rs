//! Wijkteams refer with consent: the whole story on both backends, who sees what, follow-ups,
//! escalation, retention, encryption at rest, and the flow with its handout in Chromium.

use leptos::server_fn::ServerFn;
use uuid::Uuid;

use crate::support::fixtures::{club, other_org};
use crate::support::{login_as, on_both_backends, page, post, Backend, Session, TestApp};
use app::auth::Role;

/// The demo's assistant-trainer role (Trainerskracht) at the football club.
pub(crate) fn trainer_role() -> Uuid {
    server::demo::demo_id("need:vv-de-meern-assistent-trainer")
}

/// The id in a Location like `/wijkteam/traject/<id>?...` or `/verwijzing/<id>?...`.
fn id_in(location: &str, prefix: &str) -> Uuid {
    location
        .strip_prefix(prefix)
        .and_then(|rest| rest.get(..36))
        .and_then(|id| id.parse().ok())
        .unwrap_or_else(|| panic!("no id after {prefix} in {location}"))
}

/// A traject for a 19-year-old who loves football and has money worries.
pub(crate) async fn new_traject(app: &TestApp, professional: &Session) -> Uuid {
    let fields = vec![
        ("form[naam]", "J.B.".to_string()),
        ("form[leeftijd]", "19".to_string()),
        ("form[waar]", "3454".to_string()),
        ("form[vragen][]", "meedoen".to_string()),
        ("form[vragen][]", "geldzaken".to_string()),
        ("form[talenten][]", "voetbal".to_string()),
        ("form[netwerk]", "zus, buurman".to_string()),
        (
            "form[stappen][0][wat]",
            "Dan de schulden op een rij".to_string(),
        ),
        ("form[stappen][0][wie]", "professional".to_string()),
        ("form[stappen][0][volgorde]", "2".to_string()),
        (
            "form[stappen][1][wat]",
            "Eerst een vaste bezigheid".to_string(),
        ),
        ("form[stappen][1][wie]", "zelf".to_string()),
        ("form[stappen][1][volgorde]", "1".to_string()),
        ("form[stappen][2][wat]", String::new()),
    ];
    let (status, location) = post(app, app::api::SaveTraject::PATH, professional, &fields).await;
    assert!((300..400).contains(&status), "{status} {location}");
    id_in(&location, "/wijkteam/traject/")
}

/// Refers with consent for `items`; a private note is typed but only shared when ticked.
pub(crate) async fn refer(
    app: &TestApp,
    professional: &Session,
    traject: Uuid,
    to: &str,
    items: &[&str],
) -> Uuid {
    let mut fields = vec![
        ("form[traject]", traject.to_string()),
        ("form[naar]", to.to_string()),
        ("form[wens]", "Wil graag iets met voetbal doen".to_string()),
        (
            "form[notitie]",
            "Heeft schulden bij de energieleverancier".to_string(),
        ),
        ("form[toestemming_door]", "de persoon zelf".to_string()),
        ("form[toestemming]", "ja".to_string()),
        ("form[overdracht]", "afspraak".to_string()),
        (
            "form[afspraak]",
            "woensdag 16:00 op het sportpark".to_string(),
        ),
    ];
    fields.extend(items.iter().map(|i| ("form[delen][]", i.to_string())));
    let (status, location) = post(app, app::api::SendReferral::PATH, professional, &fields).await;
    assert!((300..400).contains(&status), "{status} {location}");
    id_in(&location, "/verwijzing/")
}

pub(crate) async fn set_status(
    app: &TestApp,
    who: &Session,
    referral: Uuid,
    status: &str,
    reason: &str,
) {
    let fields = vec![
        ("verwijzing", referral.to_string()),
        ("status", status.to_string()),
        ("reden", reason.to_string()),
    ];
    let (code, location) = post(app, app::api::SetReferralStatus::PATH, who, &fields).await;
    assert!((300..400).contains(&code), "{status}: {code} {location}");
}

async fn backdate(app: &TestApp, referral: Uuid, column: &str, days: i64) {
    let at = chrono::Utc::now() - chrono::Duration::days(days);
    let sql = format!("UPDATE referrals SET {column} = $1 WHERE id = $2");
    match &app.state.db {
        app::db::Db::Sqlite(p) => {
            sqlx::query(&sql)
                .bind(at)
                .bind(referral)
                .execute(p)
                .await
                .unwrap();
        }
        app::db::Db::Postgres(p) => {
            sqlx::query(&sql)
                .bind(at)
                .bind(referral)
                .execute(p)
                .await
                .unwrap();
        }
    }
}

on_both_backends! {
    async fn the_form_warns_when_nobody_at_the_receiver_would_see_it_and_each_side_sees_the_other(backend) {
        let app = TestApp::demo_without_housekeeping(backend).await;
        let professional = login_as(&app, Role::Professional, None, &[]).await;
        let traject = new_traject(&app, &professional).await;
        let form = |traject: Uuid| format!("/wijkteam/traject/{traject}/verwijs?naar=vraag:{}", trainer_role());

        // Nobody of the club can log in yet: the form says so, with the club's number.
        let html = page(&app, &form(traject), &professional).await;
        let warning = &html[html.find(r#"id="niemand-krijgt-bericht""#).expect("a warning")..];
        assert!(warning.contains("ziet deze verwijzing dus niet"), "{warning}");
        let sent = refer(&app, &professional, traject, &format!("vraag:{}", trainer_role()), &["leeftijd"]).await;
        let mine = page(&app, &format!("/verwijzing/{sent}?verstuurd=ja"), &professional).await;
        assert!(mine.contains("krijgt dus geen bericht"), "not 'verstuurd' as if someone was told");

        // Once the club has an account there is no warning, and the club sees who referred.
        let club_provider = login_as(&app, Role::Provider, None, &[club()]).await;
        let html = page(&app, &form(traject), &professional).await;
        assert!(!html.contains(r#"id="niemand-krijgt-bericht""#));
        let seen = page(&app, &format!("/verwijzing/{sent}"), &club_provider).await;
        let sender = &seen[seen.find(r#"id="contact-verwijzer""#).expect("the professional's contact")..];
        assert!(sender[..sender.find("</ul>").unwrap()].contains("@example.org"), "{sender}");
        assert!(!seen.contains(r#"id="contact-ontvanger""#), "not its own details");
        let mine = page(&app, &format!("/verwijzing/{sent}"), &professional).await;
        assert!(mine.contains(r#"id="contact-ontvanger""#), "the professional sees the receiver");

        // The handout is a letter: where, the date in words, a QR code to the public page, and
        // the professional as the contact person.
        let letter = page(&app, &format!("/wijkteam/traject/{traject}/uitdraai"), &professional).await;
        assert!(letter.contains("Waar:"), "an address: {letter}");
        let months = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"];
        assert!(months.iter().any(|m| letter.contains(&format!("Aangemeld op {}", chrono::Utc::now().format("%-d"))) && letter.contains(m)), "a date in words");
        assert!(!letter.contains(&format!("Aangemeld op {}", chrono::Utc::now().format("%Y-%m-%d"))));
        assert!(letter.contains("/qr.svg?pad=%2Fvraag%2F") || letter.contains("/qr.svg?pad=%2Faanbod%2F"), "a QR code to the public page");
        let contact = &letter[letter.find(r#"id="contactpersoon""#).unwrap()..];
        assert!(contact[..contact.find("</p>").unwrap()].contains("@example.org"));
    }

    async fn a_professional_refers_with_consent_and_the_club_sees_only_what_was_agreed(backend) {
        let app = TestApp::demo_without_housekeeping(backend).await;
        let professional = login_as(&app, Role::Professional, None, &[]).await;
        let club_provider = login_as(&app, Role::Provider, None, &[club()]).await;

        let traject = new_traject(&app, &professional).await;
        let html = page(&app, &format!("/wijkteam/traject/{traject}"), &professional).await;
        assert!(html.contains("Assistent-trainer jeugd"), "the role is suggested: {html}");
        assert!(html.contains(&format!("naar=vraag:{}", trainer_role())), "with a referral link");
        assert!(html.contains("Eerst een vaste bezigheid"), "the plan, in order");

        let referral = refer(&app, &professional, traject, &format!("vraag:{}", trainer_role()), &["leeftijd", "talenten"]).await;
        // The referral and its audit entry were stored in one transaction.
        let trail = app::db::audit_trail(&app.state.db, "referral", &referral.to_string()).await.unwrap();
        assert!(trail.iter().any(|(_, _, action, detail)| action == "referral_sent" && detail.contains("leeftijd")), "{trail:?}");

        let seen = page(&app, &format!("/verwijzing/{referral}"), &club_provider).await;
        assert!(seen.contains("Wil graag iets met voetbal doen"), "{seen}");
        assert!(seen.contains("Voetbal") && seen.contains(">19<"), "age and talent were agreed: {seen}");
        for hidden in ["energieleverancier", "Geldzaken", "J.B.", "buurman"] {
            assert!(!seen.contains(hidden), "{hidden} was not agreed to: {seen}");
        }
        assert!(seen.contains("woensdag 16:00 op het sportpark"), "the handover");
        set_status(&app, &club_provider, referral, "geaccepteerd", "").await;
        set_status(&app, &club_provider, referral, "gestart", "").await;
        let mine = page(&app, &format!("/verwijzing/{referral}"), &professional).await;
        assert!(mine.contains("<strong>gestart</strong>"), "both sides see the status: {mine}");
        assert!(mine.contains("ontvangen") && mine.contains("geaccepteerd"), "with its history");

        // Six weeks after the start the professional is asked how it goes, once.
        backdate(&app, referral, "started_at", 43).await;
        let (sent, _) = app::service::referrals::housekeeping(&app.state, 365).await.unwrap();
        assert_eq!(sent, 1);
        let (again, _) = app::service::referrals::housekeeping(&app.state, 365).await.unwrap();
        assert_eq!(again, 0, "one follow-up per referral");
        let mail = crate::support::mails_to(&app, "Hoe gaat het?");
        assert_eq!(mail.len(), 1);
        assert!(mail[0].contains(&format!("/verwijzing/{referral}")) && !mail[0].contains("voetbal"), "{}", mail[0]);

        // Consent withdrawn: the club no longer sees what was shared.
        let (status, _) = post(&app, app::api::RevokeConsent::PATH, &professional, &[("verwijzing", referral.to_string())]).await;
        assert!((300..400).contains(&status));
        let seen = page(&app, &format!("/verwijzing/{referral}"), &club_provider).await;
        assert!(seen.contains("id=\"ingetrokken\""), "{seen}");
        assert!(!seen.contains("Wil graag iets met voetbal doen") && !seen.contains("woensdag 16:00"));
        let record = app::db::referral(&app.state.db, referral).await.unwrap().unwrap();
        assert!(record.consent_by_sealed.is_empty(), "who consented is gone with the consent");

        // Nobody else sees anything: not another professional, not another provider.
        let other_professional = login_as(&app, Role::Professional, None, &[]).await;
        let other_provider = login_as(&app, Role::Provider, None, &[other_org()]).await;
        for (who, session) in [("professional", &other_professional), ("provider", &other_provider)] {
            let html = page(&app, &format!("/verwijzing/{referral}"), session).await;
            assert!(!html.contains("Assistent-trainer") && !html.contains("gestart"), "{who} sees nothing: {html}");
        }
        let html = page(&app, &format!("/wijkteam/traject/{traject}"), &other_professional).await;
        assert!(!html.contains("J.B.") && !html.contains("vaste bezigheid"), "another professional's traject is not found");
        let reads = app::db::audit_trail(&app.state.db, "referral", &referral.to_string()).await.unwrap();
        assert!(reads.iter().filter(|r| r.2 == "referral_read").count() >= 3, "every read is logged");
    }

    async fn closed_referrals_lose_their_personal_data_after_a_year_and_the_counts_stay(backend) {
        let app = TestApp::demo_without_housekeeping(backend).await;
        let professional = login_as(&app, Role::Professional, None, &[]).await;
        let club_provider = login_as(&app, Role::Provider, None, &[club()]).await;
        let traject = new_traject(&app, &professional).await;
        let done = refer(&app, &professional, traject, &format!("vraag:{}", trainer_role()), &["talenten", "notitie"]).await;
        let refused = refer(&app, &professional, traject, &format!("aanbod:{}", crate::support::fixtures::club_offer()), &["leeftijd"]).await;
        set_status(&app, &club_provider, done, "geaccepteerd", "").await;
        set_status(&app, &club_provider, done, "gestart", "").await;
        set_status(&app, &club_provider, done, "afgerond", "").await;
        set_status(&app, &club_provider, refused, "afgewezen", "vol").await;
        backdate(&app, done, "ended_at", 400).await;

        let (_, wiped) = app::service::referrals::housekeeping(&app.state, 365).await.unwrap();

        assert_eq!(wiped, 1, "only the referral that ended over a year ago");
        let old = app::db::referral(&app.state.db, done).await.unwrap().unwrap();
        assert!(old.wish_sealed.is_empty() && old.shared_sealed.is_empty() && old.personal_deleted_at.is_some());
        assert_eq!(old.status.code(), "afgerond", "the anonymous facts stay");
        let recent = app::db::referral(&app.state.db, refused).await.unwrap().unwrap();
        assert!(!recent.wish_sealed.is_empty(), "a recent one keeps its data");
        let counts = app::db::signal_counts(&app.state.db).await.unwrap();
        assert!(counts.iter().any(|c| c.0 == "afgewezen" && c.3 == "vol" && c.4 == 1), "{counts:?}");

        // A closed traject whose referrals are over goes after the retention period too.
        let (status, _) = post(&app, app::api::CloseTraject::PATH, &professional, &[("traject", traject.to_string())]).await;
        assert!((300..400).contains(&status));
        let html = page(&app, &format!("/wijkteam/traject/{traject}"), &professional).await;
        assert!(html.contains("id=\"afgesloten\""), "{html}");
        app::service::referrals::housekeeping(&app.state, 365).await.unwrap();
        assert!(app::db::traject(&app.state.db, traject).await.unwrap().is_some(), "not yet: it was closed today");
        let later = chrono::Utc::now() + chrono::Duration::days(400);
        app::db::delete_expired_personal_data(&app.state.db, later - chrono::Duration::days(365)).await.unwrap();
        assert!(app::db::traject(&app.state.db, traject).await.unwrap().is_none(), "gone a year after closing");
        assert!(counts.iter().any(|c| c.0 == "wachttijd" && c.2 == "meedoen"), "{counts:?}");
    }

    async fn a_stalled_referral_goes_to_the_coordinator_of_the_gemeente_with_its_history(backend) {
        let app = TestApp::demo(backend).await;
        let professional = login_as(&app, Role::Professional, None, &[]).await;
        let club_provider = login_as(&app, Role::Provider, None, &[club()]).await;
        let coordinator = login_as(&app, Role::Coordinator, Some("GM0344"), &[]).await;
        let elsewhere = login_as(&app, Role::Coordinator, Some("GM0363"), &[]).await;
        let traject = new_traject(&app, &professional).await;
        let referral = refer(&app, &professional, traject, &format!("aanbod:{}", crate::support::fixtures::club_offer()), &["leeftijd"]).await;
        let before = page(&app, &format!("/verwijzing/{referral}"), &coordinator).await;
        assert!(!before.contains("id=\"status\""), "not escalated: the coordinator sees nothing");

        // The club has a waiting list, so escalating is possible at once.
        let mine = page(&app, &format!("/verwijzing/{referral}"), &professional).await;
        assert!(mine.contains("id=\"escaleren\""), "{mine}");
        let (status, _) = post(&app, app::api::EscalateReferral::PATH, &professional, &[("verwijzing", referral.to_string())]).await;
        assert!((300..400).contains(&status), "{status}");

        let seen = page(&app, &format!("/verwijzing/{referral}"), &coordinator).await;
        assert!(seen.contains("id=\"status\"") && seen.contains("naar de gemeente"), "{seen}");
        let dashboard = page(&app, "/beheer", &coordinator).await;
        assert!(dashboard.contains(&format!("/verwijzing/{referral}")), "{dashboard}");
        let other = page(&app, &format!("/verwijzing/{referral}"), &elsewhere).await;
        assert!(!other.contains("id=\"status\""), "another gemeente sees nothing");

        let (status, _) = post(&app, app::api::TakeUpEscalation::PATH, &coordinator, &[("verwijzing", referral.to_string())]).await;
        assert!((300..400).contains(&status), "{status}");
        let mine = page(&app, &format!("/verwijzing/{referral}"), &professional).await;
        assert!(mine.contains("opgepakt door de gemeente"), "the professional sees it was taken up");
        let dashboard = page(&app, "/beheer", &coordinator).await;
        assert!(!dashboard.contains(&format!("/verwijzing/{referral}")), "it left the coordinator's list");
        let _ = club_provider;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn nothing_a_resident_told_is_readable_in_the_database_file() {
    let app = TestApp::demo(Backend::Sqlite).await;
    let professional = login_as(&app, Role::Professional, None, &[]).await;
    let traject = new_traject(&app, &professional).await;
    refer(
        &app,
        &professional,
        traject,
        &format!("vraag:{}", trainer_role()),
        &["naam", "notitie", "netwerk"],
    )
    .await;
    // Make SQLite write everything from its log into the file, then read every file it uses.
    if let app::db::Db::Sqlite(pool) = &app.state.db {
        sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
            .execute(pool)
            .await
            .unwrap();
    }
    let mut bytes = Vec::new();
    for entry in std::fs::read_dir(app.data_dir()).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        if name.contains(".db") || name.contains(".sqlite") {
            bytes.extend(std::fs::read(&path).unwrap());
        }
    }
    assert!(bytes.len() > 10_000, "the database file was found");
    let text = String::from_utf8_lossy(&bytes);
    for secret in [
        "energieleverancier",
        "Wil graag iets met voetbal doen",
        "J.B.",
        "buurman",
        "vaste bezigheid",
        "woensdag 16:00",
    ] {
        assert!(!text.contains(secret), "{secret} is stored in plain text");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_referral_without_consent_is_not_sent_and_the_form_says_why() {
    let app = TestApp::demo(Backend::Sqlite).await;
    let professional = login_as(&app, Role::Professional, None, &[]).await;
    let traject = new_traject(&app, &professional).await;
    let fields = vec![
        ("form[traject]", traject.to_string()),
        ("form[naar]", format!("vraag:{}", trainer_role())),
        ("form[wens]", "Wil graag iets met voetbal doen".to_string()),
        ("form[delen][]", "leeftijd".to_string()),
        ("form[toestemming_door]", "de persoon zelf".to_string()),
        ("form[overdracht]", "zelf".to_string()),
    ];
    let (_, location) = post(&app, app::api::SendReferral::PATH, &professional, &fields).await;
    assert!(location.contains("fout=toestemming"), "{location}");
    let html = page(&app, &location, &professional).await;
    assert!(
        html.contains("Zonder toestemming gaat er niets weg"),
        "{html}"
    );
    assert!(
        html.split("value=\"leeftijd\"")
            .nth(1)
            .unwrap_or_default()
            .trim_start()
            .starts_with("checked"),
        "the ticked item stays ticked"
    );
    let trajecten = page(&app, &format!("/wijkteam/traject/{traject}"), &professional).await;
    assert!(trajecten.contains("Nog geen verwijzingen."));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_professional_refers_in_chromium_and_prints_the_handout() {
    let app = TestApp::demo(Backend::Sqlite).await;
    app::db::create_user(
        &app.state.db,
        "buurtteam@example.org",
        "Buurtteam",
        Role::Professional,
        None,
        &app::auth::hash_password("een lang wachtwoord"),
    )
    .await
    .unwrap();
    let browser = crate::support::webdriver::Browser::start(true).await;
    browser.goto_hydrated(&app.url("/inloggen")).await;
    let email = browser.wait_for("#email").await;
    browser.type_text(&email, "buurtteam@example.org").await;
    let password = browser.wait_for("#wachtwoord").await;
    browser.type_text(&password, "een lang wachtwoord").await;
    browser
        .click(&browser.wait_for("main button[type=submit]").await)
        .await;
    // A professional starts in their workspace.
    browser
        .click(&browser.wait_for("#nieuw-traject").await)
        .await;
    let name = browser.wait_for("#naam").await;
    browser.type_text(&name, "J.B.").await;
    browser
        .type_text(&browser.wait_for("#leeftijd").await, "19")
        .await;
    browser
        .type_text(&browser.wait_for("#waar").await, "3454")
        .await;
    browser
        .execute("document.querySelector('input[name=\"form[vragen][]\"][value=\"meedoen\"]').click(); document.querySelector('input[name=\"form[talenten][]\"][value=\"voetbal\"]').click(); return true;")
        .await;
    browser
        .click(&browser.wait_for("#traject-bewaren").await)
        .await;
    let refer_link = browser
        .wait_for(&format!("a[href*='naar=vraag:{}']", trainer_role()))
        .await;
    browser.click(&refer_link).await;

    browser
        .type_text(&browser.wait_for("#wens").await, "Wil graag trainen")
        .await;
    browser
        .execute("document.querySelector('input[name=\"form[delen][]\"][value=\"leeftijd\"]').click(); document.querySelector('input[name=\"form[delen][]\"][value=\"talenten\"]').click(); return true;")
        .await;
    // Sent without consent: the hydrated page shows the summary and the field's message at
    // once, without a reload, and what was typed stays.
    browser
        .execute("window.__skMarker = 'kept'; return true;")
        .await;
    browser
        .click(&browser.wait_for("#verwijzing-versturen").await)
        .await;
    browser
        .wait_until("return location.search.includes('fout=') && !!document.getElementById('bewerk-probleem') && !!document.querySelector('.field-problem');")
        .await;
    assert_eq!(browser.execute("return window.__skMarker;").await, "kept");
    assert_eq!(
        browser
            .execute("return document.getElementById('wens').value;")
            .await,
        "Wil graag trainen"
    );
    assert_eq!(
        browser
            .execute("return document.querySelector('[aria-invalid=\"true\"]')?.getAttribute('aria-describedby') ?? '';")
            .await
            .as_str()
            .map(|s| s.ends_with("-fout")),
        Some(true),
        "the wrong field points to its message"
    );
    browser
        .type_text(
            &browser.wait_for("#toestemming_door").await,
            "de persoon zelf",
        )
        .await;
    browser.click(&browser.wait_for("#toestemming").await).await;
    browser
        .type_text(&browser.wait_for("#afspraak").await, "woensdag 16:00")
        .await;
    browser
        .click(&browser.wait_for("#verwijzing-versturen").await)
        .await;
    browser.wait_for("#verstuurd").await;
    let status = browser.text(&browser.wait_for("#status").await).await;
    assert!(status.contains("verstuurd"), "{status}");

    browser
        .click(&browser.wait_for(".breadcrumb a").await)
        .await;
    let first = browser.wait_for(".trajecten a").await;
    browser.click(&first).await;
    browser.click(&browser.wait_for("#uitdraai").await).await;
    let handout = browser.wait_for(".handout").await;
    let text = browser.text(&handout).await;
    for expected in [
        "Voor J.B.",
        "Assistent-trainer jeugd",
        "woensdag 16:00",
        "Jeugdcoördinator",
    ] {
        assert!(text.contains(expected), "{expected} in {text}");
    }
    let pdf = browser.print_pdf().await;
    assert!(pdf.starts_with(b"%PDF"), "the handout prints");
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_referral_through_a_coalition_reaches_its_current_link_persons_and_records_the_partner_who_takes_it_up(
) {
    let app = TestApp::demo(Backend::Sqlite).await;
    let professional = login_as(&app, Role::Professional, None, &[]).await;
    let club_provider = login_as(&app, Role::Provider, None, &[club()]).await;
    let partner = |name: &str, organisation: Option<Uuid>, role: &str, standing: &str| {
        app::profile::PartnerView {
            organisation_id: organisation,
            name: name.into(),
            role: role.into(),
            standing: standing.into(),
            ..Default::default()
        }
    };
    let mut input = app::coalitions::CoalitionInput {
        name: "Trainerskracht De Meern".into(),
        goal: "Jongeren trainen kinderen van de wachtlijst".into(),
        status: "active".into(),
        gemeente: Some("GM0344".into()),
        link_person: "Sam, jongerenwerker".into(),
        link_contact: "06 11112222".into(),
        deputy_person: "Ayla".into(),
        deputy_contact: "ayla@example.org".into(),
        partners: vec![
            partner(
                "Voetbalvereniging Sportpark De Meern",
                Some(club()),
                "lead",
                "accepted",
            ),
            partner("Buurtteam De Meern", None, "supporter", "accepted"),
            partner("Het Sint-Joriscollege", None, "supporter", "left"),
        ],
        ..Default::default()
    };
    let coalition = app::db::create_coalition(&app.state.db, input.clone())
        .await
        .unwrap();
    let traject = new_traject(&app, &professional).await;
    let html = page(&app, &format!("/wijkteam/traject/{traject}"), &professional).await;
    assert!(
        html.contains(&format!("naar=coalitie:{coalition}")),
        "the coalition is offered as a route: {html}"
    );

    let referral = refer(
        &app,
        &professional,
        traject,
        &format!("coalitie:{coalition}"),
        &["talenten"],
    )
    .await;
    let told = crate::support::mails_to(&app, "ayla@example.org");
    assert_eq!(
        told.len(),
        1,
        "the link person with an e-mail address hears it"
    );
    assert!(told[0].contains("verwezen naar de coalitie Trainerskracht De Meern"));
    assert!(
        !told[0].contains("voetbal doen"),
        "without what the person told"
    );

    // The professional sees whom it reached: the coalition's link person and the deputy.
    // (This read the receiver's page once, and passed only because the hydrated page carried
    // the whole referral as serialized data; the page itself never showed it there.)
    let sent = page(&app, &format!("/verwijzing/{referral}"), &professional).await;
    assert!(
        sent.contains("Sam, jongerenwerker") && sent.contains("06 11112222"),
        "{sent}"
    );
    assert!(sent.contains("Ayla ayla@example.org"), "and the deputy");
    let seen = page(&app, &format!("/verwijzing/{referral}"), &club_provider).await;
    assert!(seen.contains("Wil graag iets met voetbal doen"));
    assert!(seen.contains("Welke partner van de coalitie neemt deze persoon op?"));
    assert!(seen.contains(">Buurtteam De Meern</option>"));
    assert!(
        !seen.contains(">Het Sint-Joriscollege</option>"),
        "a partner that left is no choice"
    );

    let choose = |name: &str| {
        vec![
            ("verwijzing", referral.to_string()),
            ("partner", name.to_string()),
        ]
    };
    let path = app::api::ChooseReferralPartner::PATH;
    let (_, location) = post(&app, path, &club_provider, &choose("Het Sint-Joriscollege")).await;
    assert!(location.contains("fout=partner"), "{location}");
    assert!(page(&app, &location, &club_provider)
        .await
        .contains("Kies een partner uit de lijst."));
    let (_, location) = post(&app, path, &professional, &choose("Buurtteam De Meern")).await;
    assert!(
        !location.contains("partner=ja"),
        "the sender does not choose: {location}"
    );
    let (_, location) = post(&app, path, &club_provider, &choose("Buurtteam De Meern")).await;
    assert!(location.contains("partner=ja"), "{location}");

    // A new link person is the contact from the day they start.
    input.link_person = "Noor, sportcoach".into();
    input.link_contact = "noor@example.org".into();
    app::db::update_coalition(&app.state.db, coalition, input)
        .await
        .unwrap();
    let followed = page(&app, &format!("/verwijzing/{referral}"), &professional).await;
    assert!(
        followed.contains("Opgepakt door")
            && followed.contains("<strong>Buurtteam De Meern</strong>"),
        "the professional sees who takes the person up"
    );
    let history = followed.replace("<!>", "");
    assert!(
        history.contains("partner gekozen (Buurtteam De Meern)"),
        "and it is in the history"
    );
    assert!(followed.contains("Noor, sportcoach") && !followed.contains("Sam, jongerenwerker"));
    assert!(
        !followed.contains("id=\"partner-kiezen\""),
        "only the receiver chooses"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_person_gets_all_their_data_and_it_is_deleted_on_request() {
    let app = TestApp::demo(Backend::Sqlite).await;
    let professional = login_as(&app, Role::Professional, None, &[]).await;
    let club_provider = login_as(&app, Role::Provider, None, &[club()]).await;
    let traject = new_traject(&app, &professional).await;
    let referral = refer(
        &app,
        &professional,
        traject,
        &format!("vraag:{}", trainer_role()),
        &["naam", "leeftijd"],
    )
    .await;

    let export = page(
        &app,
        &format!("/wijkteam/traject/{traject}/gegevens"),
        &professional,
    )
    .await;
    for expected in [
        "J.B.",
        "Dan de schulden op een rij",
        "Wil graag iets met voetbal doen",
        "Assistent-trainer jeugd",
    ] {
        assert!(export.contains(expected), "{expected} in the export");
    }
    // In words first, with Dutch labels; the JSON file folded under it.
    let words = &export[export.find(r#"id="gegevens""#).expect("the readable list")..];
    let words = &words[..words.find("</dl>").unwrap()];
    for label in [
        "Voorletters of een zelfgekozen naam",
        "J.B.",
        "Geld en papieren",
    ] {
        assert!(words.contains(label), "{label} in {words}");
    }
    assert!(export.contains(r#"download="traject.json""#));

    // Without ticking "ja, ik weet het zeker" nothing is deleted.
    let (_, location) = post(
        &app,
        app::api::DeleteTraject::PATH,
        &professional,
        &[("traject", traject.to_string())],
    )
    .await;
    assert!(location.contains("fout=zeker"), "{location}");
    assert!(app::db::traject(&app.state.db, traject)
        .await
        .unwrap()
        .is_some());
    let html = page(&app, &location, &professional).await;
    assert!(html.contains(r#"id="zeker-fout""#), "the box says why");

    let (status, location) = post(
        &app,
        app::api::DeleteTraject::PATH,
        &professional,
        &[("traject", traject.to_string()), ("zeker", "ja".into())],
    )
    .await;
    assert!(
        (300..400).contains(&status) && location.contains("verwijderd=ja"),
        "{location}"
    );
    assert!(app::db::traject(&app.state.db, traject)
        .await
        .unwrap()
        .is_none());
    let left = app::db::referral(&app.state.db, referral)
        .await
        .unwrap()
        .unwrap();
    assert!(left.wish_sealed.is_empty() && left.shared_sealed.is_empty());
    let seen = page(&app, &format!("/verwijzing/{referral}"), &club_provider).await;
    assert!(!seen.contains("J.B.") && !seen.contains("Wil graag iets met voetbal doen"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_question_without_anything_suitable_nearby_is_counted_without_the_person() {
    let app = TestApp::demo(Backend::Sqlite).await;
    let professional = login_as(&app, Role::Professional, None, &[]).await;
    // Far from any demo offer: nothing within reach for any leefgebied.
    let fields = vec![
        ("form[naam]", "K.".to_string()),
        ("form[waar]", "9991".to_string()),
        ("form[vragen][]", "wonen".to_string()),
    ];
    let (status, location) = post(&app, app::api::SaveTraject::PATH, &professional, &fields).await;
    assert!((300..400).contains(&status), "{location}");

    let counts = app::db::signal_counts(&app.state.db).await.unwrap();
    assert!(
        counts
            .iter()
            .any(|c| c.0 == "geen-aanbod" && c.2 == "wonen" && c.4 == 1),
        "{counts:?}"
    );
    let json = format!("{counts:?}");
    assert!(!json.contains("K."), "no person in the counts");
}
