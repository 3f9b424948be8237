//! Accounts: CSRF, sessions, logging in and out, the login limit across nodes, password reset,
//! invitations and the session cookie behind a proxy.

use leptos::server_fn::ServerFn;

use crate::support::fixtures::{club, club_offer};
use crate::support::{client, login_as, on_both_backends, post, Backend, Session, TestApp};
use app::auth::Role;

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
    let detail = app::service::cards::offer_page(&app.state, club_offer(), app::i18n::Lang::Nl)
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

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_api_key_made_on_the_page_without_javascript_is_shown_once_works_and_stops_when_revoked()
{
    let app = TestApp::demo(Backend::Sqlite).await;
    let session = login_as(&app, Role::Coordinator, Some("GM0344"), &[]).await;
    let anonymous = client()
        .get(app.url("/beheer/sleutels"))
        .send()
        .await
        .unwrap();
    assert_eq!(anonymous.headers()["cache-control"], "no-store");

    let (status, location) = post(
        &app,
        app::api::CreateApiKey::PATH,
        &session,
        &[("naam", "   ".into())],
    )
    .await;
    assert!((300..400).contains(&status), "{status}");
    assert_eq!(location, "/beheer/sleutels?fout=naam");
    let page = crate::support::page(&app, &location, &session).await;
    assert!(
        page.contains("Geef de sleutel een naam"),
        "the problem is said"
    );

    let (status, location) = post(
        &app,
        app::api::CreateApiKey::PATH,
        &session,
        &[("naam", "Planning <script>".into())],
    )
    .await;
    assert!((300..400).contains(&status), "{status}");
    assert!(
        location.starts_with("/beheer/sleutels?nieuw="),
        "{location}"
    );
    let response = client()
        .get(app.url(&location))
        .header("cookie", &session.cookies)
        .send()
        .await
        .unwrap();
    assert_eq!(
        response.headers()["cache-control"],
        "no-store",
        "a secret is never cached"
    );
    let shown = response.text().await.unwrap();
    let token = shown
        .split("value=\"sk_")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .map(|rest| format!("sk_{rest}"))
        .expect("the new key is on the page");
    assert!(
        shown.contains("Planning &lt;script&gt;"),
        "the name is escaped"
    );
    let again = crate::support::page(&app, &location, &session).await;
    assert!(!again.contains(&token), "shown once");

    let coalition = serde_json::json!({
        "name": "Buurtmaaltijd Overvecht", "status": "idea", "gemeente": "GM0344",
        "partners": [{ "name": "Buurthuis De Klop", "role": "lead" }]
    });
    let (status, created) = app
        .send(
            reqwest::Method::POST,
            "/api/v1/coalitions",
            Some(coalition.clone()),
            Some(&token),
        )
        .await;
    assert_eq!(status, 201, "{created}");

    let id = location
        .trim_start_matches("/beheer/sleutels?nieuw=")
        .to_string();
    let (status, location) = post(
        &app,
        app::api::RevokeApiKey::PATH,
        &session,
        &[("sleutel", id)],
    )
    .await;
    assert!((300..400).contains(&status), "{status}");
    assert!(location.contains("ingetrokken=ja"), "{location}");
    let listed = crate::support::page(&app, &location, &session).await;
    assert!(listed.contains("De sleutel is ingetrokken"));
    let refused = client()
        .post(app.url("/api/v1/coalitions"))
        .bearer_auth(&token)
        .json(&coalition)
        .send()
        .await
        .unwrap();
    assert_eq!(
        refused.status().as_u16(),
        401,
        "a revoked key opens nothing"
    );
    assert!(refused.headers()["www-authenticate"]
        .to_str()
        .unwrap()
        .starts_with("Bearer"));
}

on_both_backends! {
    async fn a_new_initiative_asks_for_an_account_and_sees_that_it_waits_for_approval(backend) {
        use crate::support::{mails_to, page, session_of};
        let app = TestApp::demo(backend).await;
        let anonymous = Session::anonymous();
        let form = |email: &str| {
            vec![
                ("contactpersoon", "Fatima".to_string()),
                ("email", email.to_string()),
                ("telefoon", "030 123 45 67".to_string()),
                ("naam", "Tuinclub Kanaalstraat".to_string()),
                ("beschrijving", "Samen tuinieren in de wijk.".to_string()),
                ("adres", "Kanaalstraat 1".to_string()),
                ("postcode", "3531".to_string()),
                ("plaats", "Utrecht".to_string()),
                ("website", String::new()),
            ]
        };

        // A visitor on the registration page is told how to get an account, not given a form
        // that fails.
        let (_, register) = app.get("/beheer/nieuwe-organisatie").await;
        assert!(register.contains(r#"id="account-nodig""#) && !register.contains(r#"name="adres""#));
        let (_, login) = app.get("/inloggen").await;
        assert!(login.contains(r#"href="/account-aanvragen""#));

        // A wrong field goes back with the organisation's fields, never the person's.
        let (_, location) = post(&app, app::api::RequestAccount::PATH, &anonymous, &form("fatima@")).await;
        assert!(location.contains("fout=email") && location.contains("naam=Tuinclub"), "{location}");
        assert!(!location.contains("Fatima") && !location.contains("030"), "{location}");

        let (_, location) = post(&app, app::api::RequestAccount::PATH, &anonymous, &form("fatima@example.org")).await;
        assert_eq!(location, "/account-aanvragen?verstuurd=ja");
        let user = app::db::find_user(&app.state.db, "fatima@example.org").await.unwrap().expect("an account");
        assert_eq!(user.me.role, Role::Provider);
        assert_eq!(user.me.name, "Fatima");
        let mails = mails_to(&app, "fatima@example.org");
        assert_eq!(mails.len(), 1);
        assert!(mails[0].contains("/wachtwoord/") && mails[0].contains("Tuinclub Kanaalstraat"));

        // The dashboard says it waits, and offers nothing to confirm yet; the map does not
        // show it.
        let session = session_of(&app, user.me.id).await;
        let dashboard = page(&app, "/beheer", &session).await;
        assert!(dashboard.contains("Tuinclub Kanaalstraat") && dashboard.contains("Wacht op goedkeuring"), "{dashboard}");
        assert!(!dashboard.contains("button-primary confirm"), "no 'alles klopt nog' while pending");
        let (_, search) = app.get("/?q=Tuinclub+Kanaalstraat").await;
        assert!(!search.contains("Tuinclub Kanaalstraat</a>"));

        // Asking again with the same address makes nothing new and says the same.
        let (_, location) = post(&app, app::api::RequestAccount::PATH, &anonymous, &form("fatima@example.org")).await;
        assert_eq!(location, "/account-aanvragen?verstuurd=ja");
        assert_eq!(mails_to(&app, "fatima@example.org").len(), 1);
    }
}
