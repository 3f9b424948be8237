//! Logged-in sessions for tests: a user with a session row, and form posts as a browser
//! without JavaScript sends them.

use reqwest::redirect::Policy;
use uuid::Uuid;

use super::TestApp;
use app::auth::Role;

/// A logged-in browser, as cookies plus the CSRF token its forms carry.
pub struct Session {
    pub cookies: String,
    pub csrf: String,
}

impl Session {
    pub fn anonymous() -> Session {
        let csrf = "a".repeat(64);
        Session {
            cookies: format!("sk_csrf={csrf}"),
            csrf,
        }
    }
}

/// Creates a user of `role` linked to `orgs`; returns its id and e-mail address.
async fn new_user(
    app: &TestApp,
    role: Role,
    gemeente: Option<&str>,
    orgs: &[Uuid],
    password_hash: &str,
) -> (Uuid, String) {
    let db = &app.state.db;
    let email = format!("{}-{}@example.org", role.code(), Uuid::new_v4().simple());
    let user = app::db::create_user(db, &email, "Test", role, gemeente, password_hash)
        .await
        .unwrap();
    for org in orgs {
        app::db::link_user_organisation(db, user, *org)
            .await
            .unwrap();
    }
    (user, email)
}

/// Creates a user with a live session.
pub async fn login_as(app: &TestApp, role: Role, gemeente: Option<&str>, orgs: &[Uuid]) -> Session {
    let hash = app::auth::hash_password("een lang wachtwoord");
    let (user, _) = new_user(app, role, gemeente, orgs, &hash).await;
    session_of(app, user).await
}

/// A live session of an existing user.
pub async fn session_of(app: &TestApp, user: Uuid) -> Session {
    let db = &app.state.db;
    let secret = app::auth::new_secret();
    let csrf = app::auth::new_secret();
    app::db::create_session(
        db,
        &app::auth::hash_secret(&secret),
        user,
        &csrf,
        chrono::Duration::hours(1),
    )
    .await
    .unwrap();
    Session {
        cookies: format!("sk_sessie={secret}; sk_csrf={csrf}"),
        csrf,
    }
}

pub fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(Policy::none())
        // A request that gets no answer fails the test instead of stalling the run.
        .timeout(std::time::Duration::from_secs(60))
        .build()
        .unwrap()
}

/// Posts a server function as a plain form; returns the status and the Location header.
pub async fn post(
    app: &TestApp,
    path: &str,
    session: &Session,
    fields: &[(&str, String)],
) -> (u16, String) {
    let (status, location, _) = post_for_body(app, path, session, fields, true).await;
    (status, location)
}

/// [`post`], with the body too; `as_page: false` asks for JSON as the hydrated page does.
pub async fn post_for_body(
    app: &TestApp,
    path: &str,
    session: &Session,
    fields: &[(&str, String)],
    as_page: bool,
) -> (u16, String, String) {
    let mut form: Vec<(&str, String)> = vec![("csrf", session.csrf.clone())];
    form.extend(fields.iter().cloned());
    // As a browser posts a form without JavaScript: redirects are real 3xx answers.
    let accept = if as_page {
        "text/html"
    } else {
        "application/json"
    };
    let response = client()
        .post(app.url(path))
        .header("accept", accept)
        .header("cookie", &session.cookies)
        .form(&form)
        .send()
        .await
        .unwrap();
    answer(response).await
}

/// A page as the logged-in user sees it.
pub async fn page(app: &TestApp, path: &str, session: &Session) -> String {
    let html = client()
        .get(app.url(path))
        .header("cookie", &session.cookies)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    super::without_stylesheet(html)
}

/// A user as the services see them: no session, no HTTP.
pub async fn actor(
    app: &TestApp,
    role: Role,
    gemeente: Option<&str>,
    orgs: &[Uuid],
) -> app::auth::Me {
    let (_, email) = new_user(app, role, gemeente, orgs, "").await;
    app::db::find_user(&app.state.db, &email)
        .await
        .unwrap()
        .unwrap()
        .me
}

/// A personal API token of a new user, made as `/beheer/sleutels` makes it.
pub async fn api_token(app: &TestApp, role: Role, gemeente: Option<&str>, orgs: &[Uuid]) -> String {
    let me = actor(app, role, gemeente, orgs).await;
    token_of(app, &me, "test").await
}

/// A new personal API token of `me`.
pub async fn token_of(app: &TestApp, me: &app::auth::Me, name: &str) -> String {
    use app::service::{tokens, Saved};
    let Saved::Done(id) = tokens::create(&app.state, me, name).await.unwrap() else {
        panic!("the token is made");
    };
    tokens::list(&app.state, me, Some(id), app::i18n::Lang::Nl)
        .await
        .unwrap()
        .fresh
        .expect("a new token is shown once")
}

/// A file field of a multipart form: (field name, file name, content type, bytes).
pub type FilePart<'a> = (&'a str, &'a str, &'a str, Vec<u8>);

/// Posts a `multipart/form-data` form as a browser does for a form with a file (the form's CSRF
/// token first); returns the status, the Location header and the body.
pub async fn post_multipart(
    app: &TestApp,
    path: &str,
    session: &Session,
    fields: &[(&str, String)],
    file: Option<FilePart<'_>>,
) -> (u16, String, String) {
    let boundary = format!("----sk{}", Uuid::new_v4().simple());
    let mut body = Vec::new();
    let mut text = |name: &str, value: &str| {
        body.extend_from_slice(
            format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n")
                .as_bytes(),
        );
    };
    text("csrf", &session.csrf);
    for (name, value) in fields {
        text(name, value);
    }
    if let Some((name, file_name, content_type, bytes)) = file {
        body.extend_from_slice(
            format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"; filename=\"{file_name}\"\r\nContent-Type: {content_type}\r\n\r\n"
            )
            .as_bytes(),
        );
        body.extend_from_slice(&bytes);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    let response = client()
        .post(app.url(path))
        .header("accept", "text/html")
        .header("cookie", &session.cookies)
        .header(
            "content-type",
            format!("multipart/form-data; boundary={boundary}"),
        )
        .body(body)
        .send()
        .await
        .unwrap();
    answer(response).await
}

/// A response as (status, Location header, body).
async fn answer(response: reqwest::Response) -> (u16, String, String) {
    let location = response
        .headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string();
    let status = response.status().as_u16();
    let body = response.text().await.unwrap_or_default();
    (status, location, super::without_stylesheet(body))
}
