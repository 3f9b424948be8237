//! Accounts: the authorisation matrix over every server function, CSRF, sessions, password
//! reset, and what providers maintain (waiting list → need, freshness → search).

use leptos::server_fn::ServerFn;
use uuid::Uuid;

use crate::support::{
    client, login_as, on_both_backends, page, post, post_for_body, Backend, Session, TestApp,
};
use app::auth::{Access, Role};

/// A complete, valid offer editor form for `offer` (or a new one at `organisation`).
pub(crate) fn offer_fields(
    offer: &str,
    organisation: &str,
    name: &str,
) -> Vec<(&'static str, String)> {
    vec![
        ("form[aanbod]", offer.to_string()),
        ("form[organisatie]", organisation.to_string()),
        ("form[naam]", name.to_string()),
        (
            "form[beschrijving]",
            "Elke week trainen en op zaterdag een wedstrijd.".into(),
        ),
        ("form[soort]", "vereniging".into()),
        ("form[leefgebied]", "bewegen".into()),
        ("form[min_leeftijd]", "6".into()),
        ("form[max_leeftijd]", "12".into()),
        ("form[gratis]", String::new()),
        ("form[kosten]", "140 euro per jaar".into()),
        ("form[dag]", "3".into()),
        ("form[van]", "14:00".into()),
        ("form[tot]", "15:30".into()),
        ("form[telefoon]", "030 000 1201".into()),
        ("form[email]", String::new()),
        ("form[geen_indicatie]", "ja".into()),
        ("form[uitkering]", String::new()),
    ]
}

/// An admin, to read the moderation queue directly.
fn admin() -> app::auth::Me {
    app::auth::Me {
        id: Uuid::nil(),
        email: String::new(),
        name: String::new(),
        role: Role::Admin,
        gemeente: None,
    }
}

/// A page as the logged-in browser of `session` gets it.
pub(crate) fn club() -> Uuid {
    server::demo::demo_id("org:vv-de-meern")
}
pub(crate) fn club_offer() -> Uuid {
    server::demo::demo_id("svc:vv-de-meern-jeugd")
}
pub(crate) fn club_location() -> Uuid {
    server::demo::demo_id("loc:vv-de-meern")
}
pub(crate) fn other_org() -> Uuid {
    server::demo::demo_id("org:geldzaken-op-maat")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_server_function_has_an_access_rule() {
    let table = server::guard::Table::build();
    let missing: Vec<&str> = table
        .entries()
        .into_iter()
        .filter(|(_, rule)| rule.is_none())
        .map(|(path, _)| path)
        .collect();
    assert!(
        missing.is_empty(),
        "server functions without a rule: {missing:?}"
    );
    assert!(table.entries().len() >= 20);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_authorisation_matrix_holds_for_every_state_changing_route_and_role() {
    let app = TestApp::demo(Backend::Sqlite).await;
    let signup = app::db::save_signup(&app.state.db, club_offer(), "Sam", "06 12345678", "")
        .await
        .unwrap()
        .unwrap();
    let sessions: Vec<(&str, Session)> = vec![
        ("anonymous", Session::anonymous()),
        (
            "provider of A",
            login_as(&app, Role::Provider, None, &[club()]).await,
        ),
        (
            "provider of B",
            login_as(&app, Role::Provider, None, &[other_org()]).await,
        ),
        (
            "professional",
            login_as(&app, Role::Professional, None, &[]).await,
        ),
        (
            "coordinator elsewhere",
            login_as(&app, Role::Coordinator, Some("GM0363"), &[]).await,
        ),
        (
            "coordinator",
            login_as(&app, Role::Coordinator, Some("GM0344"), &[]).await,
        ),
        ("admin", login_as(&app, Role::Admin, None, &[]).await),
    ];
    // The professional's own traject and a referral to organisation A.
    let professional = &sessions[3].1;
    let traject = crate::referrals::new_traject(&app, professional).await;
    let to_club = format!("aanbod:{}", club_offer());
    let referral =
        crate::referrals::refer(&app, professional, traject, &to_club, &["leeftijd"]).await;
    // Every role-bound server function, with a request that touches organisation A.
    type Route<'a> = (&'a str, &'a str, Vec<(&'a str, String)>);
    let routes: Vec<Route> = vec![
        (
            "set waiting list",
            app::api::SetWaitingList::PATH,
            vec![
                ("aanbod", club_offer().to_string()),
                ("wachtlijst", "30".into()),
            ],
        ),
        (
            "alles klopt nog",
            app::api::ConfirmStillCorrect::PATH,
            vec![("organisatie", club().to_string())],
        ),
        (
            "publish need",
            app::api::PublishWaitingListNeed::PATH,
            vec![("aanbod", club_offer().to_string())],
        ),
        (
            "sign-up status",
            app::api::SetSignupStatus::PATH,
            vec![
                ("aanmelding", signup.to_string()),
                ("status", "gestart".into()),
            ],
        ),
        ("dashboard", app::api::Dashboard::PATH, vec![]),
        ("moderation queue", app::api::ModerationQueue::PATH, vec![]),
        // Reports and claims are decided once: each request gets its own (filled in below).
        (
            "close report",
            app::api::CloseReport::PATH,
            vec![("besluit", "ja".into())],
        ),
        (
            "decide claim",
            app::api::DecideClaim::PATH,
            vec![("besluit", "nee".into())],
        ),
        (
            "decide organisation",
            app::api::DecideOrganisation::PATH,
            vec![
                ("organisatie", club().to_string()),
                ("besluit", "ja".into()),
            ],
        ),
        (
            "register organisation",
            app::api::RegisterOrganisation::PATH,
            vec![
                ("naam", "Buurtmoestuin De Bongerd".into()),
                ("beschrijving", String::new()),
                ("adres", "Bongerdlaan 1".into()),
                ("postcode", "3454 AB".into()),
                ("plaats", "De Meern".into()),
            ],
        ),
        (
            "claim organisation",
            app::api::ClaimOrganisation::PATH,
            vec![
                ("organisatie", club().to_string()),
                ("bericht", "ik ben de secretaris".into()),
            ],
        ),
        (
            "find organisations",
            app::api::OrganisationsNamed::PATH,
            vec![("zoek", "voetbal".into())],
        ),
        (
            "merge",
            app::api::MergeOrganisations::PATH,
            vec![("houden", club().to_string())],
        ),
        (
            "load location form",
            app::api::LoadLocationForm::PATH,
            vec![
                ("locatie", club_location().to_string()),
                ("organisatie", String::new()),
            ],
        ),
        (
            "save location",
            app::api::SaveLocation::PATH,
            vec![
                ("form[locatie]", club_location().to_string()),
                ("form[naam]", "Sportpark De Meern".into()),
                ("form[adres]", "Zuster Bloemstraat 12".into()),
                ("form[postcode]", "3454 AB".into()),
                ("form[plaats]", "De Meern".into()),
            ],
        ),
        (
            "load need form",
            app::api::LoadNeedForm::PATH,
            vec![
                ("vraag", "nieuw".into()),
                ("organisatie", club().to_string()),
            ],
        ),
        (
            "save need",
            app::api::SaveNeed::PATH,
            vec![
                ("form[organisatie]", club().to_string()),
                ("form[soort]", "vrijwilliger".into()),
                ("form[titel]", "Hulp bij de kantine".into()),
                ("form[open]", "ja".into()),
            ],
        ),
        ("workspace", app::api::Workspace::PATH, vec![]),
        (
            "load traject",
            app::api::LoadTraject::PATH,
            vec![("traject", traject.to_string())],
        ),
        (
            "save traject",
            app::api::SaveTraject::PATH,
            vec![("form[naam]", "A.B.".into())],
        ),
        (
            "export traject",
            app::api::ExportTraject::PATH,
            vec![("traject", traject.to_string())],
        ),
        (
            "handout",
            app::api::TrajectHandout::PATH,
            vec![("traject", traject.to_string())],
        ),
        (
            "referral receiver",
            app::api::ReferralReceiver::PATH,
            vec![("naar", to_club.clone())],
        ),
        (
            "send referral",
            app::api::SendReferral::PATH,
            vec![
                ("form[traject]", traject.to_string()),
                ("form[naar]", to_club.clone()),
                ("form[wens]", "Meedoen".into()),
                ("form[toestemming_door]", "de persoon zelf".into()),
                ("form[toestemming]", "ja".into()),
                ("form[overdracht]", "zelf".into()),
            ],
        ),
        (
            "load referral",
            app::api::LoadReferral::PATH,
            vec![("verwijzing", referral.to_string())],
        ),
        (
            "incoming referrals",
            app::api::IncomingReferrals::PATH,
            vec![],
        ),
        // Each gets a fresh referral (filled in below).
        (
            "referral status",
            app::api::SetReferralStatus::PATH,
            vec![("status", "geaccepteerd".into())],
        ),
        ("revoke consent", app::api::RevokeConsent::PATH, vec![]),
        ("escalate", app::api::EscalateReferral::PATH, vec![]),
        (
            "take up escalation",
            app::api::TakeUpEscalation::PATH,
            vec![],
        ),
        ("delete traject", app::api::DeleteTraject::PATH, vec![]),
        (
            "close traject",
            app::api::CloseTraject::PATH,
            vec![("traject", traject.to_string())],
        ),
        (
            "invite",
            app::api::InviteUser::PATH,
            vec![
                ("rol", "provider".into()),
                ("organisatie", club().to_string()),
            ],
        ),
        (
            "load offer form",
            app::api::LoadOfferForm::PATH,
            vec![
                ("aanbod", club_offer().to_string()),
                ("organisatie", String::new()),
            ],
        ),
        (
            "save offer",
            app::api::SaveOffer::PATH,
            offer_fields(
                &club_offer().to_string(),
                "",
                "Voetballen voor kinderen van 6 tot 12 jaar",
            ),
        ),
    ];
    // The test covers every role-bound route the router knows: none is left out.
    let role_bound: Vec<&str> = server::guard::Table::build()
        .entries()
        .into_iter()
        .filter(|(_, rule)| matches!(rule, Some(Access::Roles(_))))
        .map(|(path, _)| path)
        .collect();
    for path in &role_bound {
        assert!(
            routes.iter().any(|(_, p, _)| p == path),
            "{path} is not in the matrix"
        );
    }
    let provider_only = [
        "register organisation",
        "claim organisation",
        "find organisations",
    ];
    let moderation = [
        "merge",
        "invite",
        "moderation queue",
        "close report",
        "decide claim",
        "decide organisation",
    ];
    let allowed_listing = |role: &str, route: &str| match role {
        "provider of A" => !moderation.contains(&route),
        // Everyone who manages listings has a dashboard of their own, and may register or claim.
        "provider of B" => route == "dashboard" || provider_only.contains(&route),
        "coordinator elsewhere" => route == "dashboard" || route == "moderation queue",
        "coordinator" | "admin" => route != "sign-up status" && !provider_only.contains(&route),
        _ => false,
    };
    let professional_only = [
        "workspace",
        "load traject",
        "save traject",
        "export traject",
        "handout",
        "referral receiver",
        "send referral",
        "revoke consent",
        "escalate",
        "delete traject",
        "close traject",
    ];
    let allowed = |role: &str, route: &str| match (role, route) {
        ("professional", r) => professional_only.contains(&r) || r == "load referral",
        (_, r) if professional_only.contains(&r) => false,
        // Only the receiving provider moves a referral on, and reads it besides its sender.
        ("provider of A", "load referral" | "referral status" | "incoming referrals") => true,
        ("provider of B" | "coordinator" | "coordinator elsewhere", "incoming referrals") => true,
        ("coordinator", "take up escalation") => true,
        (_, "take up escalation") => false,
        (_, "load referral" | "referral status" | "incoming referrals") => false,
        _ => allowed_listing(role, route),
    };
    let claimant = app::db::create_user(
        &app.state.db,
        "claimant@example.org",
        "",
        Role::Provider,
        None,
        "",
    )
    .await
    .unwrap();
    let admin = admin();
    let mut wrong = Vec::new();
    for (role, session) in &sessions {
        for (route, path, fields) in &routes {
            let mut fields = fields.clone();
            match *route {
                "close report" => {
                    app::db::save_report(&app.state.db, club_offer(), "De tijden kloppen niet")
                        .await
                        .unwrap();
                    let queue = app::db::queue(&app.state.db, &admin).await.unwrap();
                    fields.push(("melding", queue.reports.last().unwrap().id.to_string()));
                }
                "merge" => {
                    let duplicate = app::db::register_organisation(
                        &app.state.db,
                        claimant,
                        "VV De Meern",
                        "",
                        "Zuster Bloemstraat 12",
                        "3454",
                        "De Meern",
                    )
                    .await
                    .unwrap();
                    fields.push(("dubbel", duplicate.to_string()));
                }
                "invite" => {
                    fields.push(("email", format!("{}@example.org", Uuid::new_v4().simple())));
                }
                "take up escalation" => {
                    let fresh = crate::referrals::refer(
                        &app,
                        professional,
                        traject,
                        &to_club,
                        &["leeftijd"],
                    )
                    .await;
                    let (status, _) = post(
                        &app,
                        app::api::EscalateReferral::PATH,
                        professional,
                        &[("verwijzing", fresh.to_string())],
                    )
                    .await;
                    assert!((300..400).contains(&status), "escalated: {status}");
                    fields.push(("verwijzing", fresh.to_string()));
                }
                "referral status" | "revoke consent" | "escalate" => {
                    let fresh = crate::referrals::refer(
                        &app,
                        professional,
                        traject,
                        &to_club,
                        &["leeftijd"],
                    )
                    .await;
                    fields.push(("verwijzing", fresh.to_string()));
                }
                "delete traject" => {
                    let fresh = crate::referrals::new_traject(&app, professional).await;
                    fields.push(("traject", fresh.to_string()));
                }
                "decide claim" => {
                    let claim = app::db::create_claim(&app.state.db, claimant, club(), "")
                        .await
                        .unwrap();
                    fields.push(("claim", claim.to_string()));
                }
                _ => {}
            }
            // Reads are asked as the hydrated page asks them (JSON), so "nothing there" shows.
            let as_page = *route != "load referral";
            let (status, _, body) = post_for_body(&app, path, session, &fields, as_page).await;
            // Someone a referral is not shared with gets "nothing there" (`null`), and a step
            // that is not theirs to take a Dutch 400: both are refusals.
            // `load referral` answers `null` to someone it is not shared with.
            let hidden = *route == "load referral" && body.trim() == "null";
            let ok = (200..400).contains(&status) && !hidden;
            let refused =
                matches!(status, 400 | 401 | 403 | 404) || (status == 200 && body.trim() == "null");
            if ok != allowed(role, route) || !(ok || refused) {
                wrong.push(format!("{role} × {route}: {status}"));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "unexpected answers:\n{}",
        wrong.join("\n")
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_forged_form_without_the_right_csrf_token_is_refused() {
    let app = TestApp::demo(Backend::Sqlite).await;
    let mut session = login_as(&app, Role::Provider, None, &[club()]).await;
    let fields = vec![
        ("aanbod", club_offer().to_string()),
        ("wachtlijst", "0".into()),
    ];

    // A form on another site cannot read our cookie, so it cannot send the token.
    session.csrf = "b".repeat(64);
    let (status, _) = post(&app, app::api::SetWaitingList::PATH, &session, &fields).await;

    assert_eq!(status, 403);
    let detail = app::db::offer_detail(&app.state.db, club_offer(), app::i18n::Lang::Nl)
        .await
        .unwrap();
    assert_eq!(detail.waiting_list, 34, "nothing changed");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn logging_in_always_starts_a_new_session_and_logging_out_ends_it() {
    let app = TestApp::demo(Backend::Sqlite).await;
    let db = &app.state.db;
    app::db::create_user(
        db,
        "aanbieder@example.org",
        "A",
        Role::Provider,
        None,
        &app::auth::hash_password("een lang wachtwoord"),
    )
    .await
    .unwrap();
    // An attacker plants a session id before the victim logs in.
    let planted = "c".repeat(64);
    let csrf = "d".repeat(64);
    let before = Session {
        cookies: format!("sk_sessie={planted}; sk_csrf={csrf}"),
        csrf: csrf.clone(),
    };

    let response = client()
        .post(app.url(app::api::LogIn::PATH))
        .header("accept", "text/html")
        .header("cookie", &before.cookies)
        .form(&[
            ("csrf", csrf.as_str()),
            ("email", "Aanbieder@example.org"),
            ("wachtwoord", "een lang wachtwoord"),
        ])
        .send()
        .await
        .unwrap();

    assert!(response.status().is_redirection(), "{}", response.status());
    assert_eq!(response.headers()["location"], "/beheer");
    let cookies: Vec<String> = response
        .headers()
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().to_string())
        .collect();
    let session = cookies
        .iter()
        .find(|c| c.starts_with("sk_sessie="))
        .unwrap();
    assert!(session.contains("HttpOnly") && session.contains("SameSite=Lax"));
    let secret = session
        .trim_start_matches("sk_sessie=")
        .split(';')
        .next()
        .unwrap()
        .to_string();
    assert_ne!(secret, planted, "never the planted id");
    assert!(app::db::session_user(db, &app::auth::hash_secret(&planted))
        .await
        .unwrap()
        .is_none());
    let new_csrf = cookies
        .iter()
        .find(|c| c.starts_with("sk_csrf="))
        .unwrap()
        .trim_start_matches("sk_csrf=")
        .split(';')
        .next()
        .unwrap()
        .to_string();
    assert!(app::db::session_user(db, &app::auth::hash_secret(&secret))
        .await
        .unwrap()
        .is_some());

    let logged_in = Session {
        cookies: format!("sk_sessie={secret}; sk_csrf={new_csrf}"),
        csrf: new_csrf,
    };
    let (status, location) = post(&app, app::api::LogOut::PATH, &logged_in, &[]).await;
    assert!(
        (300..400).contains(&status) && location == "/",
        "{status} {location}"
    );
    assert!(
        app::db::session_user(db, &app::auth::hash_secret(&secret))
            .await
            .unwrap()
            .is_none(),
        "the session is gone"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_wrong_password_says_so_without_telling_whether_the_account_exists() {
    let app = TestApp::demo(Backend::Sqlite).await;
    app::db::create_user(
        &app.state.db,
        "a@example.org",
        "",
        Role::Provider,
        None,
        &app::auth::hash_password("een lang wachtwoord"),
    )
    .await
    .unwrap();
    let anonymous = Session::anonymous();

    let (_, wrong_password) = post(
        &app,
        app::api::LogIn::PATH,
        &anonymous,
        &[
            ("email", "a@example.org".into()),
            ("wachtwoord", "fout".into()),
        ],
    )
    .await;
    let (_, no_account) = post(
        &app,
        app::api::LogIn::PATH,
        &anonymous,
        &[
            ("email", "b@example.org".into()),
            ("wachtwoord", "fout".into()),
        ],
    )
    .await;

    assert_eq!(wrong_password, "/inloggen?fout=onjuist");
    assert_eq!(no_account, wrong_password);
    let mut last = String::new();
    for _ in 0..10 {
        last = post(
            &app,
            app::api::LogIn::PATH,
            &anonymous,
            &[
                ("email", "a@example.org".into()),
                ("wachtwoord", "fout".into()),
            ],
        )
        .await
        .1;
    }
    assert_eq!(last, "/inloggen?fout=te-vaak", "guessing is slowed down");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_password_reset_link_works_once_and_ends_other_sessions() {
    let app = TestApp::demo(Backend::Sqlite).await;
    let old = login_as(&app, Role::Provider, None, &[club()]).await;
    let email = app::db::find_user(&app.state.db, "x").await.unwrap();
    assert!(email.is_none());
    // Find the user of the session, ask a reset for them.
    let me = app::db::session_user(
        &app.state.db,
        &app::auth::hash_secret(
            old.cookies
                .split(';')
                .next()
                .unwrap()
                .trim_start_matches("sk_sessie="),
        ),
    )
    .await
    .unwrap()
    .unwrap()
    .0
    .me;
    let anonymous = Session::anonymous();
    let (_, location) = post(
        &app,
        app::api::RequestReset::PATH,
        &anonymous,
        &[("email", me.email.clone())],
    )
    .await;
    assert_eq!(location, "/wachtwoord-vergeten?verstuurd=ja");

    let mail_dir = app.data_dir().join("mail");
    let mail = std::fs::read_dir(&mail_dir)
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let text = std::fs::read_to_string(mail).unwrap();
    assert!(text.contains(&format!("To: {}", me.email)));
    let token = text
        .split("/wachtwoord/")
        .nth(1)
        .unwrap()
        .split_whitespace()
        .next()
        .unwrap()
        .to_string();

    let (_, location) = post(
        &app,
        app::api::ResetPassword::PATH,
        &anonymous,
        &[("token", token.clone()), ("wachtwoord", "kort".into())],
    )
    .await;
    assert!(location.ends_with("?fout=kort"), "{location}");
    let (_, location) = post(
        &app,
        app::api::ResetPassword::PATH,
        &anonymous,
        &[
            ("token", token.clone()),
            ("wachtwoord", "een nieuw lang wachtwoord".into()),
        ],
    )
    .await;
    assert_eq!(location, "/beheer");
    let (_, location) = post(
        &app,
        app::api::ResetPassword::PATH,
        &anonymous,
        &[
            ("token", token),
            ("wachtwoord", "nog een ander wachtwoord".into()),
        ],
    )
    .await;
    assert!(
        location.ends_with("?fout=verlopen"),
        "a link works once: {location}"
    );
    let (status, _) = post(&app, app::api::Dashboard::PATH, &old, &[]).await;
    assert_eq!(
        status, 401,
        "the old session ended with the password change"
    );
}

on_both_backends! {
    async fn the_login_limit_holds_across_nodes_because_it_is_counted_in_the_database(backend) {
        let app = TestApp::demo(backend).await;
        let window = std::time::Duration::from_secs(900);
        // Two nodes: two limiters, one database.
        let (node_a, node_b) = (app::RateLimiter::new("login", 10, window), app::RateLimiter::new("login", 10, window));
        let ip = Some("192.0.2.7".parse().unwrap());
        for _ in 0..5 {
            assert!(node_a.allow(&app.state.db, ip).await.unwrap());
            assert!(node_b.allow(&app.state.db, ip).await.unwrap());
        }
        assert!(!node_a.allow(&app.state.db, ip).await.unwrap(), "the eleventh try is refused on any node");
        assert!(!node_b.allow(&app.state.db, ip).await.unwrap());
        assert!(node_a.allow(&app.state.db, Some("192.0.2.8".parse().unwrap())).await.unwrap(), "other addresses go on");
        let forms = app::RateLimiter::new("formulier", 5, window);
        assert!(forms.allow(&app.state.db, ip).await.unwrap(), "another kind of request has its own count");
    }

    async fn a_waiting_list_proposes_a_need_that_residents_with_the_talent_find(backend) {
        let app = TestApp::demo(backend).await;
        let provider = login_as(&app, Role::Provider, None, &[club()]).await;
        let walking = server::demo::demo_id("svc:vv-de-meern-walking");

        let (status, _) = post(&app, app::api::SetWaitingList::PATH, &provider, &[("aanbod", walking.to_string()), ("wachtlijst", "12".into())]).await;
        assert!((300..400).contains(&status), "{status}");
        let (status, location) = post(&app, app::api::PublishWaitingListNeed::PATH, &provider, &[("aanbod", walking.to_string())]).await;
        assert!((300..400).contains(&status), "{status}");
        assert!(location.starts_with("/beheer?bijgewerkt=") && location.ends_with("&gepubliceerd=ja"), "{location}");

        let (_, html) = app.get("/ik-kan-iets?talent=voetbal&waar=3454").await;
        assert!(html.contains("Vrijwilligers om de wachtlijst weg te werken: Walking football voor 60-plussers"), "{html}");
        let trail = app::db::audit_trail(&app.state.db, "service", &walking.to_string()).await.unwrap();
        assert_eq!(trail[0].2, "waiting_list");
    }

    async fn an_overdue_listing_leaves_search_and_comes_back_after_alles_klopt_nog(backend) {
        let app = TestApp::demo(backend).await;
        let provider = login_as(&app, Role::Provider, None, &[other_org()]).await;
        let long_ago = chrono::Utc::now().date_naive() - chrono::Days::new(300);
        let sql = "UPDATE services SET last_verified_on = $1 WHERE organization_id = $2";
        match &app.state.db {
            app::db::Db::Sqlite(p) => { sqlx::query(sql).bind(long_ago).bind(other_org()).execute(p).await.unwrap(); }
            app::db::Db::Postgres(p) => { sqlx::query(sql).bind(long_ago).bind(other_org()).execute(p).await.unwrap(); }
        }
        server::reindex(&app.state).await.unwrap();
        let found = |html: &str| html.contains("Spreekuur geldzaken");
        let (_, html) = app.get("/?q=geldzaken&waar=3562").await;
        assert!(!found(&html), "hidden after nine months");

        let (status, _) = post(&app, app::api::ConfirmStillCorrect::PATH, &provider, &[("organisatie", other_org().to_string())]).await;
        assert!((300..400).contains(&status));

        // Every node follows the change log; give this one a moment.
        let mut back = false;
        for _ in 0..50 {
            let (_, html) = app.get("/?q=geldzaken&waar=3562").await;
            if found(&html) { back = true; break; }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        assert!(back, "back in search after alles klopt nog");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_provider_logs_in_sets_a_waiting_list_and_publishes_the_proposed_need_in_chromium() {
    let app = TestApp::demo(Backend::Sqlite).await;
    let user = app::db::create_user(
        &app.state.db,
        "club@example.org",
        "Club",
        Role::Provider,
        None,
        &app::auth::hash_password("een lang wachtwoord"),
    )
    .await
    .unwrap();
    app::db::link_user_organisation(&app.state.db, user, club())
        .await
        .unwrap();
    let walking = server::demo::demo_id("svc:vv-de-meern-walking");
    let browser = crate::support::webdriver::Browser::start(true).await;

    browser.goto_hydrated(&app.url("/beheer")).await;
    // Not logged in: the dashboard sends people to the login page.
    browser
        .wait_until("return location.pathname === '/inloggen';")
        .await;
    browser
        .wait_until("return document.body.dataset.hydrated === 'true';")
        .await;
    let email = browser.wait_for("#email").await;
    browser.type_text(&email, "club@example.org").await;
    let password = browser.wait_for("#wachtwoord").await;
    browser.type_text(&password, "een lang wachtwoord").await;
    let submit = browser.wait_for("button[type=submit]").await;
    browser.click(&submit).await;
    browser
        .wait_until(
            "return location.pathname === '/beheer' && !!document.querySelector('.manage-org');",
        )
        .await;

    let field = browser.wait_for(&format!("#wachtlijst-{walking}")).await;
    browser
        .execute(&format!(
            "document.getElementById('wachtlijst-{walking}').value = ''; return true;"
        ))
        .await;
    browser.type_text(&field, "12").await;
    let save = browser
        .wait_for(&format!("li[data-offer='{walking}'] .inline-form button"))
        .await;
    browser.click(&save).await;
    let publish = browser
        .wait_for(&format!("li[data-offer='{walking}'] .publish-need"))
        .await;
    browser.click(&publish).await;
    browser.wait_for("#oproep-geplaatst").await;

    let (_, html) = app.get("/ik-kan-iets?talent=voetbal&waar=3454").await;
    assert!(html.contains(
        "Vrijwilligers om de wachtlijst weg te werken: Walking football voor 60-plussers"
    ));
    browser.close().await;
}

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
    let (status, html) = app.get(&location).await;
    assert_eq!(status, 200);
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
    let queue = app::db::queue(&app.state.db, &admin).await.unwrap();
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
    let queue = app::db::queue(&app.state.db, &admin).await.unwrap();
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
    let claim = app::db::queue(&app.state.db, &admin).await.unwrap().claims[0].id;
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
        let org = app::db::queue(&app.state.db, &admin).await.unwrap().organisations[0].id;

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
async fn a_bad_time_in_the_offer_editor_keeps_everything_typed_and_says_what_is_wrong() {
    let app = TestApp::demo(Backend::Sqlite).await;
    let provider = login_as(&app, Role::Provider, None, &[club()]).await;
    let mut fields = offer_fields(
        &club_offer().to_string(),
        "",
        "Voetbal voor kinderen (nieuwe naam)",
    );
    fields.retain(|(k, _)| *k != "form[tot]");
    fields.push(("form[tot]", "13:00".into()));

    let (_, location) = post(&app, app::api::SaveOffer::PATH, &provider, &fields).await;

    assert!(location.contains("fout=tot"), "{location}");
    let html = page(&app, &location, &provider).await;
    assert!(
        html.contains("Schrijf de tijd als 14:00, en de eindtijd na de begintijd."),
        "{html}"
    );
    assert!(
        html.contains(r#"value="Voetbal voor kinderen (nieuwe naam)""#),
        "the typed name stays"
    );
    assert!(html.contains(r#"aria-invalid="true""#));
    let detail = app::db::offer_detail(&app.state.db, club_offer(), app::i18n::Lang::Nl)
        .await
        .unwrap();
    assert_eq!(
        detail.name, "Voetballen voor kinderen van 6 tot 12 jaar",
        "nothing saved"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_invited_provider_chooses_a_password_by_the_mailed_link_and_manages_the_organisation() {
    let app = TestApp::demo(Backend::Sqlite).await;
    let coordinator = login_as(&app, Role::Coordinator, Some("GM0344"), &[]).await;

    let (_, location) = post(
        &app,
        app::api::InviteUser::PATH,
        &coordinator,
        &[
            ("email", "trainer@example.org".into()),
            ("rol", "provider".into()),
            ("organisatie", club().to_string()),
        ],
    )
    .await;
    assert!(location.contains("uitgenodigd=ja"), "{location}");
    let mail = std::fs::read_dir(app.data_dir().join("mail"))
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let text = std::fs::read_to_string(mail).unwrap();
    assert!(text.starts_with("To: trainer@example.org"));
    let token = text
        .split("/wachtwoord/")
        .nth(1)
        .unwrap()
        .split_whitespace()
        .next()
        .unwrap()
        .to_string();

    let response = client()
        .post(app.url(app::api::ResetPassword::PATH))
        .header("accept", "text/html")
        .header("cookie", format!("sk_csrf={}", "a".repeat(64)))
        .form(&[
            ("csrf", "a".repeat(64)),
            ("token", token),
            ("wachtwoord", "mijn eigen wachtwoord".into()),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(response.headers()["location"], "/beheer");
    let user = app::db::find_user(&app.state.db, "trainer@example.org")
        .await
        .unwrap()
        .unwrap();
    assert!(app::auth::verify_password(
        "mijn eigen wachtwoord",
        &user.password_hash
    ));
    assert_eq!(
        app::db::user_organisations(&app.state.db, user.me.id)
            .await
            .unwrap(),
        vec![club()]
    );
}

#[derive(Debug, Default)]
struct Outbox(std::sync::Mutex<Vec<(String, String)>>);

impl app::mailer::Mailer for Outbox {
    fn send(&self, to: &str, subject: &str, _body: &str) {
        self.0.lock().unwrap().push((to.into(), subject.into()));
    }
}

on_both_backends! {
    async fn providers_are_reminded_once_after_five_months_without_a_check(backend) {
        let app = TestApp::demo(backend).await;
        let provider = login_as(&app, Role::Provider, None, &[club()]).await;
        drop(provider);
        let long_ago = chrono::Utc::now().date_naive() - chrono::Days::new(160);
        let sql = "UPDATE organizations SET last_verified_on = $1 WHERE id = $2";
        match &app.state.db {
            app::db::Db::Sqlite(p) => { sqlx::query(sql).bind(long_ago).bind(club()).execute(p).await.unwrap(); }
            app::db::Db::Postgres(p) => { sqlx::query(sql).bind(long_ago).bind(club()).execute(p).await.unwrap(); }
        }
        let outbox = std::sync::Arc::new(Outbox::default());
        let state = app::AppState { mailer: outbox.clone(), ..app.state.clone() };

        app::service::manage::send_reminders(&state).await.unwrap();
        app::service::manage::send_reminders(&state).await.unwrap();

        let mails = outbox.0.lock().unwrap().clone();
        let to_club: Vec<_> = mails.iter().filter(|(_, s)| s.contains("Voetbalvereniging Sportpark De Meern")).collect();
        assert_eq!(to_club.len(), 1, "once, not every hour: {mails:?}");
        assert!(to_club[0].0.starts_with("provider-"));
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
    let duplicate = app::db::queue(&app.state.db, &admin)
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
    let queue = app::db::queue(&app.state.db, &admin).await.unwrap();
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

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_an_account_the_dashboard_redirects_to_the_login_page_also_without_javascript() {
    let app = TestApp::demo(Backend::Sqlite).await;
    for path in ["/beheer", "/beheer/moderatie"] {
        let response = client().get(app.url(path)).send().await.unwrap();
        assert_eq!(response.status(), 302, "{path}");
        assert_eq!(response.headers()["location"], "/inloggen", "{path}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn behind_a_tls_proxy_the_session_cookie_is_secure_and_on_plain_http_it_works_too() {
    let app = TestApp::demo(Backend::Sqlite).await;
    app::db::create_user(
        &app.state.db,
        "tls@example.org",
        "T",
        Role::Provider,
        None,
        &app::auth::hash_password("een lang wachtwoord"),
    )
    .await
    .unwrap();
    let csrf = "e".repeat(64);
    let mut flags = Vec::new();
    for proto in ["https", "http"] {
        let response = client()
            .post(app.url(app::api::LogIn::PATH))
            .header("accept", "text/html")
            .header("x-forwarded-proto", proto)
            .header("cookie", format!("sk_csrf={csrf}"))
            .form(&[
                ("csrf", csrf.as_str()),
                ("email", "tls@example.org"),
                ("wachtwoord", "een lang wachtwoord"),
            ])
            .send()
            .await
            .unwrap();
        let session = response
            .headers()
            .get_all("set-cookie")
            .iter()
            .map(|v| v.to_str().unwrap().to_string())
            .find(|c| c.starts_with("sk_sessie="))
            .unwrap();
        flags.push(session.contains("; Secure"));
    }
    assert_eq!(flags, [true, false]);
}
