//! The security regression suite: every hole found by probing the product from outside, as a
//! test that failed before its fix. Script injection (reflected, stored, through HSDS feeds),
//! requests that eat memory, open redirects, unsafe links, the moderation rule, rate limits
//! behind a proxy, security headers, and a bounded, seeded fuzz run over every route.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use app::auth::Role;
use leptos::server_fn::ServerFn;
use serde_json::Value;
use server::hsds::run::{import_services, read_services};
use uuid::Uuid;

use crate::support::fixtures::{club, club_offer};
use crate::support::webdriver::Browser;
use crate::support::{client, login_as, on_both_backends, page, post, Backend, Session, TestApp};

/// Closes every raw-text element our pages have and opens an element that runs script.
/// Short enough for a name field (100 characters).
const PAYLOAD: &str =
    r#"X</textarea></title><script>window.__xss=1</script><img src=x onerror=window.__xss=2>"#;

/// The parts of [`PAYLOAD`] that must never appear as markup.
const RAW: [&str; 3] = ["<script>window.__xss", "<img src=x", "</textarea></title>"];

/// The page without its `<script>` elements: serialized resource data inside scripts holds
/// texts as JavaScript strings, which is safe. A payload that closed a script early would leave
/// its tail outside, where the check below finds it.
fn outside_scripts(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find("<script") {
        out.push_str(&rest[..start]);
        match rest[start..].find("</script>") {
            Some(end) => rest = &rest[start + end + "</script>".len()..],
            None => {
                rest = "";
                break;
            }
        }
    }
    out.push_str(rest);
    out
}

fn assert_no_raw_payload(what: &str, html: &str) {
    let outside = outside_scripts(html);
    for raw in RAW {
        assert!(
            !outside.contains(raw),
            "{what}: {raw:?} reached the HTML unescaped"
        );
    }
}

fn hsds_dir() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/hsds-3.0")
}

/// Fills every free-text field of an HSDS record (and its children) with the payload, and
/// every link with a `javascript:` URL, as a hostile feed would.
fn poison(v: &mut Value) {
    const TEXT: [&str; 12] = [
        "name",
        "alternate_name",
        "description",
        "fees_description",
        "eligibility_description",
        "application_process",
        "alert",
        "address_1",
        "city",
        "transportation",
        "title",
        "notes",
    ];
    match v {
        Value::Object(map) => {
            for (key, value) in map.iter_mut() {
                if value.is_string() && TEXT.contains(&key.as_str()) {
                    *value = Value::String(PAYLOAD.into());
                } else if value.is_string() && matches!(key.as_str(), "url" | "website") {
                    *value = Value::String("javascript:window.__xss=3".into());
                } else {
                    poison(value);
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(poison),
        _ => {}
    }
}

/// Imports one poisoned service (organisation, location, ...) into a demo instance, linked to a
/// Utrecht postcode so that it shows in searches and on the map; returns (offer, organisation,
/// location).
async fn poisoned_offer(app: &TestApp) -> (Uuid, Uuid, Uuid) {
    let mut service = read_services(&hsds_dir().join("examples/service_full.json"))
        .unwrap()
        .remove(0);
    poison(&mut service);
    // Checked today and in Utrecht, so that it shows in search, on the map and near a postcode.
    service["assured_date"] = chrono::Utc::now().date_naive().to_string().into();
    let place = &mut service["service_at_locations"][0]["location"];
    place["latitude"] = 52.0907.into();
    place["longitude"] = 5.1214.into();
    let summary = import_services(&app.state.db, vec![service.clone()])
        .await
        .unwrap();
    assert_eq!(summary.services, 1, "{:?}", summary.problems);
    let id = |v: &Value| v.as_str().unwrap().parse::<Uuid>().unwrap();
    let offer = id(&service["id"]);
    let organisation = id(&service["organization"]["id"]);
    let location = id(&service["service_at_locations"][0]["location"]["id"]);
    server::reindex(&app.state).await.unwrap();
    (offer, organisation, location)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn text_from_a_link_is_escaped_in_editor_textareas_and_never_runs() {
    let app = TestApp::demo(Backend::Sqlite).await;
    let provider = login_as(&app, Role::Provider, None, &[club()]).await;
    let payload = encode(PAYLOAD);
    for path in [
        format!("/beheer/nieuwe-organisatie?fout=naam&beschrijving={payload}"),
        format!(
            "/beheer/aanbod/nieuw?organisatie={}&fout=naam&naam={payload}&beschrijving={payload}",
            club()
        ),
        format!(
            "/beheer/vraag/nieuw?organisatie={}&fout=titel&titel={payload}&beschrijving={payload}",
            club()
        ),
        format!(
            "/beheer/locatie/nieuw?organisatie={}&fout=naam&naam={payload}&toegankelijkheid={payload}&route={payload}",
            club()
        ),
    ] {
        let html = page(&app, &path, &provider).await;
        assert_no_raw_payload(&path, &html);
        assert!(
            html.contains("&lt;/textarea&gt;"),
            "{path}: what was typed is kept, as text"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_offer_named_to_close_the_title_stays_text_in_the_title() {
    let app = TestApp::demo(Backend::Sqlite).await;
    let (offer, _, _) = poisoned_offer(&app).await;
    let (status, html) = app.get(&format!("/aanbod/{offer}")).await;
    assert_eq!(status, 200);
    let title = html
        .split("<title>")
        .nth(1)
        .and_then(|t| t.split("</title>").next())
        .unwrap();
    assert!(
        title.starts_with("X&lt;/textarea&gt;&lt;/title&gt;"),
        "{title}"
    );
    assert_no_raw_payload("offer page", &html);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_page_shows_text_from_users_or_feeds_as_markup() {
    let app = TestApp::demo(Backend::Sqlite).await;
    let (offer, organisation, location) = poisoned_offer(&app).await;
    let provider = login_as(&app, Role::Provider, None, &[organisation]).await;
    let coordinator = login_as(&app, Role::Coordinator, Some("GM0344"), &[]).await;
    let admin = login_as(&app, Role::Admin, None, &[]).await;

    // What residents and providers type: a report, a sign-up, a new organisation.
    let anonymous = Session::anonymous();
    post(
        &app,
        app::api::ReportProblem::PATH,
        &anonymous,
        &[
            ("aanbod", offer.to_string()),
            ("bericht", PAYLOAD.into()),
            ("website", String::new()),
        ],
    )
    .await;
    post(
        &app,
        app::api::SignUp::PATH,
        &anonymous,
        &[
            ("offer", offer.to_string()),
            ("naam", PAYLOAD.into()),
            // A contact must be a number or an address; the payload rides in name and message.
            ("contact", "sam@example.org".into()),
            ("bericht", PAYLOAD.into()),
            ("website", String::new()),
        ],
    )
    .await;
    post(
        &app,
        app::api::RegisterOrganisation::PATH,
        &provider,
        &[
            ("naam", PAYLOAD.into()),
            ("beschrijving", PAYLOAD.into()),
            ("adres", PAYLOAD.into()),
            ("postcode", "3454 AB".into()),
            ("plaats", PAYLOAD.into()),
        ],
    )
    .await;

    let admin_token = crate::support::api_token(&app, app::auth::Role::Admin, None, &[]).await;
    // A coalition whose every text is the payload (its name becomes a page title).
    let coalition = serde_json::json!({
        "name": PAYLOAD, "goal": PAYLOAD, "status": "forming", "gemeente": "GM0344",
        "link_person": PAYLOAD, "funding_source": PAYLOAD,
        "partners": [{ "name": PAYLOAD, "role": "lead", "gives": PAYLOAD, "gets": PAYLOAD }]
    });
    let (status, created) = app
        .send(
            reqwest::Method::POST,
            "/api/v1/coalitions",
            Some(coalition),
            Some(&admin_token),
        )
        .await;
    assert_eq!(status, 201, "{created}");
    let coalition = created["id"].as_str().unwrap().to_string();
    let note = serde_json::json!({ "label": PAYLOAD, "number": 1, "story": PAYLOAD });
    let (status, _) = app
        .send(
            reqwest::Method::POST,
            &format!("/api/v1/coalitions/{coalition}/notes"),
            Some(note),
            Some(&admin_token),
        )
        .await;
    assert_eq!(status, 200);

    let public = [
        format!("/coalities/{coalition}"),
        "/".to_string(),
        "/?q=X".into(),
        "/?q=window".into(),
        "/?q=window&waar=3511".into(),
        format!("/aanbod/{offer}"),
        format!("/aanbod/{offer}/meedoen"),
        format!("/aanbod/{offer}/melden"),
        "/ik-kan-iets".into(),
        "/coalities".into(),
        "/coalities/kansen".into(),
        "/keukentafel".into(),
        format!("/bestaat-niet/{}", encode(PAYLOAD)),
    ];
    for path in &public {
        let (_, html) = app.get(path).await;
        assert_no_raw_payload(path, &html);
    }
    let as_users = [
        ("/beheer".to_string(), &provider),
        (format!("/beheer/aanbod/{offer}"), &provider),
        (format!("/beheer/locatie/{location}"), &provider),
        ("/beheer/moderatie".into(), &coordinator),
        ("/beheer/moderatie".into(), &admin),
        ("/beheer".into(), &admin),
    ];
    for (path, session) in as_users {
        let html = page(&app, &path, session).await;
        assert!(html.len() > 1000, "{path} rendered");
        assert_no_raw_payload(&path, &html);
    }
    // The imported `javascript:` website is no link anywhere.
    let (_, html) = app.get(&format!("/aanbod/{offer}")).await;
    assert!(!html.contains("javascript:"), "no script links");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn payloads_neither_run_nor_enter_the_page_in_chromium_and_hydration_works_under_the_csp() {
    let app = TestApp::demo(Backend::Sqlite).await;
    let (offer, _, _) = poisoned_offer(&app).await;
    let browser = Browser::start(true).await;
    for path in [format!("/aanbod/{offer}"), "/?q=window&waar=3511".into()] {
        // Hydration (a nonced module script and the wasm bundle) still runs under the policy.
        browser.goto_hydrated(&app.url(&path)).await;
        let injected = browser
            .execute(
                "return [window.__xss === undefined, document.querySelectorAll('img[src=\"x\"]').length, \
                 document.title.includes('</title>') || !location.pathname.startsWith('/aanbod/')];",
            )
            .await;
        assert_eq!(
            injected,
            serde_json::json!([true, 0, true]),
            "{path}: no script ran, no element was injected, an offer's title is text"
        );
    }
    // The map draws its markers (kaart.js, Leaflet) under the policy too.
    browser
        .wait_until(
            "return document.querySelectorAll('.leaflet-marker-icon, .marker-cluster').length > 0;",
        )
        .await;
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_response_carries_the_security_headers_and_pages_use_the_csp_nonce() {
    let app = TestApp::demo(Backend::Sqlite).await;
    let http = client();
    let mut nonces = Vec::new();
    for path in [
        "/",
        "/aanbod/bestaat-niet",
        "/bestaat/ook/niet",
        "/api/v1/search?q=voetbal",
        "/hsds/services",
        "/assets/pagina.js",
        "/health",
    ] {
        let response = http.get(app.url(path)).send().await.unwrap();
        let headers = response.headers().clone();
        let header = |name: &str| {
            headers
                .get(name)
                .and_then(|v| v.to_str().ok())
                .unwrap_or_else(|| panic!("{path} has no {name}"))
                .to_string()
        };
        let csp = header("content-security-policy");
        let scripts = csp
            .split(';')
            .find(|d| d.trim().starts_with("script-src"))
            .unwrap();
        assert!(
            !scripts.contains("unsafe-inline") && scripts.contains("'nonce-"),
            "{csp}"
        );
        assert!(csp.contains("frame-ancestors 'none'"), "{csp}");
        assert_eq!(header("x-content-type-options"), "nosniff");
        assert_eq!(header("x-frame-options"), "DENY");
        assert_eq!(header("referrer-policy"), "same-origin");
        let nonce = csp
            .split("'nonce-")
            .nth(1)
            .and_then(|n| n.split('\'').next())
            .unwrap()
            .to_string();
        let body = response.text().await.unwrap();
        if path == "/" || path.contains("bestaat") {
            let scripts = body.matches("<script").count();
            let nonced = body.matches(&format!("nonce=\"{nonce}\"")).count();
            assert!(
                nonced >= 1,
                "{path}: the hydration script carries the nonce"
            );
            let inline =
                body.matches("<script>").count() + body.matches("<script type=\"module\">").count();
            assert_eq!(
                inline, 0,
                "{path}: no inline script without the nonce ({scripts} scripts)"
            );
        }
        nonces.push(nonce);
    }
    nonces.sort();
    nonces.dedup();
    assert_eq!(nonces.len(), 7, "a new nonce for every response");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_language_switch_never_sends_people_to_another_site() {
    let app = TestApp::demo(Backend::Sqlite).await;
    for back in [
        "/%09/evil.example",
        "//evil.example",
        "/%0a/evil.example",
        "/\\evil.example",
        "https://evil.example",
    ] {
        let response = client()
            .get(app.url(&format!("/taal/en?terug={back}")))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status().as_u16(), 303);
        assert_eq!(response.headers()["location"], "/", "{back}");
    }
}

on_both_backends! {
    async fn offers_of_organisations_that_are_not_approved_are_public_nowhere(backend) {
        let app = TestApp::demo(backend).await;
        // With an account, so only the review status can refuse the sign-up below.
        crate::support::fixtures::club_reads_sign_ups(&app).await;
        let sql = "UPDATE organizations SET review_status = 'pending' WHERE id = $1";
        app::on_pool!(&app.state.db, p => sqlx::query(sql).bind(club()).execute(p).await.map(drop).unwrap());

        let (status, _) = app.get(&format!("/aanbod/{}", club_offer())).await;
        assert_eq!(status, 404, "the offer page");
        let (status, _) = app.get(&format!("/aanbod/{}/meedoen", club_offer())).await;
        assert_eq!(status, 404, "the sign-up page");
        let (status, _) = app.get_json(&format!("/hsds/services/{}", club_offer())).await;
        assert_eq!(status, 404, "the HSDS service");
        let (status, _) = app.get_json(&format!("/hsds/organizations/{}", club())).await;
        assert_eq!(status, 404, "the HSDS organisation");
        let (_, list) = app.get_json("/hsds/services?per_page=1000").await;
        assert!(!list.to_string().contains(&club_offer().to_string()), "the HSDS list");
        let (_, list) = app.get_json("/hsds/organizations?per_page=1000").await;
        assert!(!list.to_string().contains(&club().to_string()), "the HSDS organisations");
        let (_, list) = app.get_json("/hsds/service_at_locations?per_page=1000").await;
        assert!(!list.to_string().contains(&club_offer().to_string()), "the HSDS locations");

        post(
            &app,
            app::api::SignUp::PATH,
            &Session::anonymous(),
            &[
                ("offer", club_offer().to_string()),
                ("naam", "Sam".into()),
                ("contact", "sam@example.org".into()),
                ("bericht", String::new()),
                ("website", String::new()),
            ],
        )
        .await;
        assert_eq!(app::db::count_signups(&app.state.db, club_offer()).await.unwrap(), 0, "no sign-ups");
    }

    async fn hsds_lists_page_through_the_published_records_one_page_at_a_time(backend) {
        let app = TestApp::demo(backend).await;
        let (_, all) = app.get_json("/hsds/organizations?per_page=1000").await;
        let total = all["total_items"].as_u64().unwrap() as usize;
        assert!(total > 3);
        let names: Vec<String> = all["contents"].as_array().unwrap().iter().map(|o| o["name"].as_str().unwrap().to_string()).collect();
        let (_, second) = app.get_json("/hsds/organizations?page=2&per_page=2").await;
        assert_eq!(second["total_items"].as_u64().unwrap() as usize, total);
        assert_eq!(second["contents"][0]["name"], names[2].as_str());
        assert_eq!(second["contents"].as_array().unwrap().len(), 2);

        let (_, pairs) = app.get_json("/hsds/service_at_locations?per_page=1000").await;
        let every: Vec<Value> = pairs["contents"].as_array().unwrap().clone();
        assert_eq!(pairs["total_items"].as_u64().unwrap() as usize, every.len());
        let mut paged = Vec::new();
        for page in 1..=every.len().div_ceil(7) {
            let (_, p) = app.get_json(&format!("/hsds/service_at_locations?page={page}&per_page=7")).await;
            paged.extend(p["contents"].as_array().unwrap().iter().cloned());
        }
        assert_eq!(paged, every, "pages add up to the whole list, in order");
        let one = &every[every.len() / 2];
        let (status, detail) = app.get_json(&format!("/hsds/service_at_locations/{}", one["id"].as_str().unwrap())).await;
        assert_eq!(status, 200);
        assert_eq!(&detail, one);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn imported_links_that_are_not_http_are_dropped() {
    let app = TestApp::empty(Backend::Sqlite).await;
    let (offer, organisation, _) = poisoned_offer(&app).await;
    let (_, service) = app.get_json(&format!("/hsds/services/{offer}")).await;
    assert!(service["url"].is_null(), "{}", service["url"]);
    let (_, org) = app
        .get_json(&format!("/hsds/organizations/{organisation}"))
        .await;
    assert!(org["website"].is_null(), "{}", org["website"]);
}

/// Samples this process's resident memory every few milliseconds while `work` runs; returns
/// the highest growth over the start, in MiB.
async fn peak_growth_mib<F: std::future::Future>(work: F) -> (F::Output, u64) {
    fn rss_kib() -> u64 {
        std::fs::read_to_string("/proc/self/status")
            .ok()
            .and_then(|s| {
                s.lines()
                    .find(|l| l.starts_with("VmRSS:"))
                    .and_then(|l| l.split_whitespace().nth(1))
                    .and_then(|n| n.parse().ok())
            })
            .unwrap_or(0)
    }
    let start = rss_kib();
    let peak = Arc::new(AtomicU64::new(start));
    let done = Arc::new(AtomicBool::new(false));
    let sampler = {
        let (peak, done) = (Arc::clone(&peak), Arc::clone(&done));
        std::thread::spawn(move || {
            while !done.load(Ordering::Relaxed) {
                peak.fetch_max(rss_kib(), Ordering::Relaxed);
                std::thread::sleep(Duration::from_millis(2));
            }
        })
    };
    let out = work.await;
    done.store(true, Ordering::Relaxed);
    sampler.join().unwrap();
    (
        out,
        peak.load(Ordering::Relaxed).saturating_sub(start) / 1024,
    )
}

/// What one request may add to the process's memory. The worst inputs took 2.2 and 3.8 GB
/// before their caps; a normal search takes a few MiB.
const REQUEST_BUDGET_MIB: u64 = 100;

/// Runs one `#[ignore]`d probe alone in a fresh process of this test binary, so that the memory
/// it measures is its own and not that of the tests running beside it; fails when it fails.
fn run_alone(probe: &str) {
    let output = std::process::Command::new(std::env::current_exe().unwrap())
        .args([
            probe,
            "--exact",
            "--ignored",
            "--nocapture",
            "--test-threads",
            "1",
        ])
        .output()
        .unwrap();
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        output.status.success() && text.contains("1 passed"),
        "{probe} failed on its own:\n{text}"
    );
    eprintln!(
        "{}",
        text.lines()
            .filter(|l| l.starts_with("probe:"))
            .collect::<Vec<_>>()
            .join("\n")
    );
}

#[test]
fn the_worst_search_inputs_stay_within_a_memory_budget() {
    run_alone("security::probe_worst_search_inputs");
}

#[test]
fn a_seeded_fuzz_run_over_every_route_and_server_function_gives_no_5xx() {
    run_alone("security::probe_seeded_fuzz_run");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "a probe: run alone in its own process by the_worst_search_inputs_stay_within_a_memory_budget"]
async fn probe_worst_search_inputs() {
    let app = TestApp::demo(Backend::Sqlite).await;
    // As many words as fit in a URI (8 KiB); the engine's own cap is tested in `index`.
    let words: Vec<String> = (0..700).map(|n| format!("woord{n}")).collect();
    let many = words.join("+");
    for path in [
        "/?gebied=-89.9,-179.9,89.9,179.9".to_string(),
        "/api/v1/search?bbox=-89.9,-179.9,89.9,179.9".into(),
        format!("/hsds/services?search={many}"),
        format!("/api/v1/search?q={many}"),
        format!("/?q={many}"),
        format!("/hsds/services?page=2&per_page=1000&search={many}"),
    ] {
        let started = Instant::now();
        let ((status, _), growth) = peak_growth_mib(app.get(&path)).await;
        let shown = &path[..path.len().min(60)];
        eprintln!(
            "probe: {shown}: {status}, {growth} MiB, {:?}",
            started.elapsed()
        );
        assert!(status < 500, "{shown}: {status}");
        assert!(
            growth < REQUEST_BUDGET_MIB,
            "{shown} grew the process by {growth} MiB in {:?}",
            started.elapsed()
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unreadable_arguments_get_a_400_big_bodies_a_413_and_long_paths_a_414() {
    let app = TestApp::demo(Backend::Sqlite).await;
    let http = client();
    // A server function called with arguments it cannot read.
    let response = http
        .post(app.url(app::api::LogIn::PATH))
        .header("content-type", "application/x-www-form-urlencoded")
        .body("csrf=a&wachtwoord[]=x")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 400);
    assert!(response
        .text()
        .await
        .unwrap()
        .contains("kunnen we niet lezen"));
    // A body over the limit, with and without a declared length.
    let big = "x".repeat(2 * 1024 * 1024);
    let response = http
        .post(app.url(app::api::LogIn::PATH))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(format!("csrf=a&email={big}&wachtwoord=x"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 413);
    assert_eq!(
        chunked_post_status(&app, app::api::LogIn::PATH, &big).await,
        413
    );
    let (status, _) = app.get(&format!("/{}", "a".repeat(10_000))).await;
    assert_eq!(status, 414);
    // A file name longer than the file system allows is just a page that does not exist.
    let (status, _) = app.get(&format!("/{}", "a".repeat(300))).await;
    assert_eq!(status, 404);
    // Paging far out: a Dutch 400, never an overflow.
    let (status, body) = app.get_json("/api/v1/search?page=10000&size=100").await;
    assert_eq!(status, 400, "{body}");
    let (status, _) = app
        .get_json("/hsds/services?page=18446744073709551615&per_page=1000")
        .await;
    assert_eq!(status, 400);
    let (status, _) = app.get("/?pagina=4294967295").await;
    assert!(status < 500);
}

/// Posts `text` without a declared length (chunked), as a client streaming a huge upload
/// does; returns the status.
async fn chunked_post_status(app: &TestApp, path: &str, text: &str) -> u16 {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let mut stream = tokio::net::TcpStream::connect(app.addr).await.unwrap();
    let head = format!(
        "POST {path} HTTP/1.1\r\nHost: {}\r\nContent-Type: application/x-www-form-urlencoded\r\n\
         Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n",
        app.addr
    );
    stream.write_all(head.as_bytes()).await.unwrap();
    for chunk in text.as_bytes().chunks(64 * 1024) {
        let framed = [format!("{:x}\r\n", chunk.len()).as_bytes(), chunk, b"\r\n"].concat();
        // The server may answer and close before the whole body is sent.
        if stream.write_all(&framed).await.is_err() {
            break;
        }
    }
    let _ = stream.write_all(b"0\r\n\r\n").await;
    let mut answer = vec![0u8; 64];
    let n = stream.read(&mut answer).await.unwrap();
    String::from_utf8_lossy(&answer[..n])
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0)
}

/// Percent-encodes a query value.
fn encode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

async fn log_in_from(app: &TestApp, forwarded_for: &str, email: &str) -> String {
    let response = client()
        .post(app.url(app::api::LogIn::PATH))
        .header("accept", "text/html")
        .header("cookie", format!("sk_csrf={}", "a".repeat(64)))
        .header("x-forwarded-for", forwarded_for)
        .form(&[
            ("csrf", "a".repeat(64)),
            ("email", email.to_string()),
            ("wachtwoord", "fout".to_string()),
        ])
        .send()
        .await
        .unwrap();
    response.headers()["location"].to_str().unwrap().to_string()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn behind_a_trusted_proxy_each_client_and_each_account_is_limited_on_its_own() {
    let app = TestApp::spawn_with(Backend::Sqlite, false, |c| {
        c.trusted_proxies = vec![app::Cidr::parse("127.0.0.1").unwrap()];
    })
    .await;
    for n in 0..10 {
        let answer = log_in_from(&app, "198.51.100.1", &format!("iemand{n}@example.org")).await;
        assert_eq!(answer, "/inloggen?fout=onjuist");
    }
    assert_eq!(
        log_in_from(&app, "198.51.100.1", "nog-iemand@example.org").await,
        "/inloggen?fout=te-vaak"
    );
    assert_eq!(
        log_in_from(&app, "198.51.100.2", "nog-iemand@example.org").await,
        "/inloggen?fout=onjuist",
        "another client behind the same proxy is not locked out"
    );
    // One account guessed at from many addresses.
    for n in 0..10 {
        log_in_from(&app, &format!("203.0.113.{n}"), "doelwit@example.org").await;
    }
    assert_eq!(
        log_in_from(&app, "203.0.113.200", "doelwit@example.org").await,
        "/inloggen?fout=te-vaak"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_trusted_proxies_a_forged_forwarded_for_changes_nothing() {
    let app = TestApp::empty(Backend::Sqlite).await;
    for n in 0..10 {
        log_in_from(
            &app,
            &format!("198.51.100.{n}"),
            &format!("iemand{n}@example.org"),
        )
        .await;
    }
    assert_eq!(
        log_in_from(&app, "198.51.100.99", "nog-iemand@example.org").await,
        "/inloggen?fout=te-vaak"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sign_ups_and_reports_are_sealed_in_the_database_and_files_are_private() {
    use std::os::unix::fs::PermissionsExt;
    let app = TestApp::demo(Backend::Sqlite).await;
    crate::support::fixtures::club_reads_sign_ups(&app).await;
    post(
        &app,
        app::api::SignUp::PATH,
        &Session::anonymous(),
        &[
            ("offer", club_offer().to_string()),
            ("naam", "Samira Uniekenaam".into()),
            ("contact", "samira@example.org".into()),
            ("bericht", "Mijn zoon wil graag keepen".into()),
            ("website", String::new()),
        ],
    )
    .await;
    post(
        &app,
        app::api::ReportProblem::PATH,
        &Session::anonymous(),
        &[
            ("aanbod", club_offer().to_string()),
            ("bericht", "Bel Samira Uniekenaam even".into()),
            ("website", String::new()),
        ],
    )
    .await;
    let names: Vec<String> = app::on_pool!(&app.state.db, p => sqlx::query_scalar("SELECT name || contact || message FROM signup_requests").fetch_all(p).await.unwrap());
    assert_eq!(names.len(), 1);
    assert!(
        !names[0].contains("Samira") && names[0].starts_with("v1:"),
        "{}",
        names[0]
    );
    let reports: Vec<String> = app::on_pool!(&app.state.db, p => sqlx::query_scalar("SELECT message FROM reports").fetch_all(p).await.unwrap());
    assert!(reports.iter().all(|r| !r.contains("Samira")), "{reports:?}");

    // The organisation still reads them.
    let provider = login_as(&app, Role::Provider, None, &[club()]).await;
    assert!(page(&app, "/beheer", &provider)
        .await
        .contains("Samira Uniekenaam"));
    let coordinator = login_as(&app, Role::Coordinator, Some("GM0344"), &[]).await;
    assert!(page(&app, "/beheer/moderatie", &coordinator)
        .await
        .contains("Bel Samira Uniekenaam even"));

    let mode =
        |path: &std::path::Path| std::fs::metadata(path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&app.data_dir().join("sociale-kaart.db")), 0o600);
    for journal in ["sociale-kaart.db-wal", "sociale-kaart.db-shm"] {
        let path = app.data_dir().join(journal);
        if path.exists() {
            assert_eq!(mode(&path), 0o600, "{journal}");
        }
    }
    post(
        &app,
        app::api::RequestReset::PATH,
        &Session::anonymous(),
        &[("email", "niemand@example.org".into())],
    )
    .await;
    app::db::create_user(
        &app.state.db,
        "wel@example.org",
        "Wel",
        Role::Provider,
        None,
        "",
    )
    .await
    .unwrap();
    post(
        &app,
        app::api::RequestReset::PATH,
        &Session::anonymous(),
        &[("email", "wel@example.org".into())],
    )
    .await;
    let mails: Vec<_> = std::fs::read_dir(app.data_dir().join("mail"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert!(!mails.is_empty());
    for mail in mails {
        assert_eq!(mode(&mail), 0o600, "{}", mail.display());
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_invitation_address_with_a_line_break_is_refused() {
    let app = TestApp::demo(Backend::Sqlite).await;
    let coordinator = login_as(&app, Role::Coordinator, Some("GM0344"), &[]).await;
    let invite = |email: &'static str| {
        let coordinator = &coordinator;
        let app = &app;
        async move {
            post(
                app,
                app::api::InviteUser::PATH,
                coordinator,
                &[
                    ("email", email.into()),
                    ("rol", Role::Professional.code().into()),
                    ("organisatie", String::new()),
                ],
            )
            .await
        }
    };
    let mails = || {
        std::fs::read_dir(app.data_dir().join("mail"))
            .map(|d| d.count())
            .unwrap_or(0)
    };
    let (_, location) = invite("nieuw@example.org\nBcc: iedereen@example.org").await;
    assert_eq!(location, "/beheer?fout=uitnodiging");
    assert_eq!(mails(), 0, "no mail with a forged header");
    invite("nieuw@example.org").await;
    assert_eq!(mails(), 1, "a plain address is invited");
}

/// A small deterministic generator: the same seed gives the same requests on every run.
struct Seeded(u64);

impl Seeded {
    fn next(&mut self) -> u64 {
        // xorshift64*
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[(self.next() % items.len() as u64) as usize]
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "a probe: run alone in its own process by a_seeded_fuzz_run_over_every_route_and_server_function_gives_no_5xx"]
async fn probe_seeded_fuzz_run() {
    let app = TestApp::demo(Backend::Sqlite).await;
    let mut rng = Seeded(0x5eed_2026_1201);
    let values = [
        "".to_string(),
        "0".into(),
        "-1".into(),
        "18446744073709551616".into(),
        "4294967295".into(),
        "NaN".into(),
        "1e308".into(),
        "ja".into(),
        "voetbal".into(),
        "3511".into(),
        "-89.9,-179.9,89.9,179.9".into(),
        "1,2,3".into(),
        "%00".into(),
        "%ff%fe".into(),
        "..%2f..%2fetc%2fpasswd".into(),
        encode(PAYLOAD),
        "a".repeat(3000),
        "woord+".repeat(500),
        Uuid::nil().to_string(),
        club_offer().to_string(),
        "niet-een-uuid".into(),
    ];
    let keys = [
        "q",
        "waar",
        "soort",
        "leefgebied",
        "dag",
        "gratis",
        "leeftijd",
        "gebied",
        "pagina",
        "wijk",
        "taal",
        "fout",
        "page",
        "per_page",
        "size",
        "radius_km",
        "lat",
        "lon",
        "bbox",
        "sort",
        "search",
        "postcode",
        "proximity",
        "organization_id",
        "taxonomy_id",
        "modified_after",
        "terug",
        "periode",
        "gemeente",
        "knelpunt",
        "pad",
        "organisatie",
        "id",
        "offer",
        "naam",
        "email",
        "csrf",
    ];
    let offer = club_offer().to_string();
    let paths = [
        "/".to_string(),
        format!("/aanbod/{offer}"),
        format!("/aanbod/{offer}/meedoen"),
        format!("/aanbod/{offer}/melden"),
        format!("/aanbod/{offer}/bedankt"),
        "/aanbod/niet-een-uuid".into(),
        "/ik-kan-iets".into(),
        "/keukentafel".into(),
        "/coalities".into(),
        "/coalities/kansen".into(),
        format!("/coalities/{}", Uuid::nil()),
        "/over".into(),
        "/inloggen".into(),
        "/wachtwoord-vergeten".into(),
        "/wachtwoord/abc".into(),
        "/beheer".into(),
        "/beheer/moderatie".into(),
        "/beheer/nieuwe-organisatie".into(),
        "/beheer/claimen".into(),
        "/beheer/aanbod/nieuw".into(),
        "/beheer/locatie/nieuw".into(),
        "/beheer/vraag/nieuw".into(),
        "/wijkteam".into(),
        format!("/wijkteam/traject/{}", Uuid::nil()),
        format!("/verwijzing/{}", Uuid::nil()),
        "/health".into(),
        "/api/v1/search".into(),
        "/api/v1/coalitions".into(),
        "/api/v1/coalitions/suggestions".into(),
        "/api/v1/signals".into(),
        "/beheer/signalen".into(),
        "/beheer/signalen.csv".into(),
        "/gevraagd".into(),
        "/wat-we-oplosten".into(),
        "/coalities/nieuw".into(),
        "/hsds/services".into(),
        "/hsds/organizations".into(),
        "/hsds/service_at_locations".into(),
        "/hsds/taxonomies".into(),
        "/hsds/taxonomy_terms".into(),
        format!("/hsds/services/{offer}"),
        "/taal/en".into(),
        "/qr.svg".into(),
        "/assets/wijken.geojson".into(),
        "/assets/wijken/GM0014".into(),
    ];
    let server_fns: Vec<&'static str> = server::routes::guard::Table::build()
        .entries()
        .into_iter()
        .map(|(path, _)| path)
        .collect();
    let provider = login_as(&app, Role::Provider, None, &[club()]).await;
    let sessions = [Session::anonymous(), provider];
    let http = client();
    let started = Instant::now();
    let mut failures = Vec::new();
    let requests = 2500;
    let (_, growth) = peak_growth_mib(async {
        for n in 0..requests {
            let fields: Vec<(String, String)> = (0..(rng.next() % 5))
                .map(|_| (rng.pick(&keys).to_string(), rng.pick(&values).clone()))
                .collect();
            let session = rng.pick(&sessions);
            let response = if n % 3 == 0 {
                let path = *rng.pick(&server_fns);
                let mut form = fields.clone();
                if rng.next().is_multiple_of(2) {
                    form.push(("csrf".into(), session.csrf.clone()));
                }
                http.post(app.url(path))
                    .header("cookie", &session.cookies)
                    .header(
                        "accept",
                        if rng.next().is_multiple_of(2) {
                            "text/html"
                        } else {
                            "application/json"
                        },
                    )
                    .form(&form)
                    .send()
                    .await
            } else {
                let query: Vec<String> = fields.iter().map(|(k, v)| format!("{k}={v}")).collect();
                let path = rng.pick(&paths);
                http.get(app.url(&format!("{path}?{}", query.join("&"))))
                    .header("cookie", &session.cookies)
                    .send()
                    .await
            };
            let response = response.expect("every request gets an answer");
            if std::env::var_os("SK_FUZZ_TRACE").is_some() {
                eprintln!(
                    "{} {}",
                    response.status(),
                    &response.url().as_str()[..response.url().as_str().len().min(150)]
                );
            }
            let status = response.status().as_u16();
            if status >= 500 {
                let url = response.url().to_string();
                failures.push(format!("{status} {}", &url[..url.len().min(200)]));
            }
        }
    })
    .await;
    assert!(
        failures.is_empty(),
        "{} of {requests} answered 5xx: {failures:#?}",
        failures.len()
    );
    assert!(
        growth < 2 * REQUEST_BUDGET_MIB,
        "the fuzz run grew the process by {growth} MiB"
    );
    eprintln!(
        "probe: fuzz: {requests} requests in {:?}, peak growth {growth} MiB",
        started.elapsed()
    );
}

/// Short enough for a traject's name (40 characters).
const SHORT_PAYLOAD: &str = "</title><img src=x onerror=a()>";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn wijkteam_pages_and_roles_show_what_professionals_and_providers_typed_as_text() {
    let app = TestApp::demo(Backend::Sqlite).await;
    let professional = login_as(&app, Role::Professional, None, &[]).await;
    let provider = login_as(&app, Role::Provider, None, &[club()]).await;

    let (status, location) = post(
        &app,
        app::api::SaveTraject::PATH,
        &professional,
        &[
            ("form[naam]", SHORT_PAYLOAD.into()),
            ("form[leeftijd]", "19".into()),
            ("form[waar]", "3454".into()),
            ("form[vragen][]", "meedoen".into()),
            ("form[talenten][]", "koken".into()),
            ("form[netwerk]", PAYLOAD.into()),
            ("form[stappen][0][wat]", PAYLOAD.into()),
            ("form[stappen][1][wat]", PAYLOAD.into()),
        ],
    )
    .await;
    assert!((300..400).contains(&status), "{location}");
    let traject = location
        .strip_prefix("/wijkteam/traject/")
        .and_then(|rest| rest.get(..36))
        .unwrap()
        .to_string();
    // A member of the household whose name is markup: shown in the list, the plan's "voor wie"
    // and the heading of their suggestions, always as text.
    let (status, location) = post(
        &app,
        app::api::SaveMember::PATH,
        &professional,
        &[
            ("traject", traject.clone()),
            ("nummer", String::new()),
            ("form[naam]", SHORT_PAYLOAD.into()),
            ("form[leeftijd]", "8".into()),
            ("form[rol]", "kind".into()),
            ("form[vragen][]", "opgroeien".into()),
        ],
    )
    .await;
    assert!(location.contains("bijgewerkt"), "{status} {location}");

    let (status, location) = post(
        &app,
        app::api::SaveNeed::PATH,
        &provider,
        &[
            ("form[organisatie]", club().to_string()),
            ("form[soort]", "vrijwilliger".into()),
            ("form[titel]", PAYLOAD.into()),
            ("form[beschrijving]", PAYLOAD.into()),
            ("form[talenten][]", "koken".into()),
            ("form[tijd]", PAYLOAD.into()),
            ("form[aanbod]", club_offer().to_string()),
            ("form[open]", "ja".into()),
        ],
    )
    .await;
    assert!(location.contains("bijgewerkt"), "{status} {location}");

    let role = crate::referrals::trainer_role();
    let (status, location) = post(
        &app,
        app::api::SendReferral::PATH,
        &professional,
        &[
            ("form[traject]", traject.clone()),
            ("form[naar]", format!("vraag:{role}")),
            ("form[wens]", PAYLOAD.into()),
            ("form[notitie]", PAYLOAD.into()),
            ("form[toestemming_door]", "de persoon zelf".into()),
            ("form[toestemming]", "ja".into()),
            ("form[overdracht]", "afspraak".into()),
            ("form[afspraak]", PAYLOAD.into()),
            ("form[delen][]", "naam".into()),
            ("form[delen][]", "notitie".into()),
        ],
    )
    .await;
    assert!(location.starts_with("/verwijzing/"), "{status} {location}");
    let referral = location["/verwijzing/".len()..][..36].to_string();

    let pages = [
        ("/wijkteam".to_string(), &professional),
        (format!("/wijkteam/traject/{traject}"), &professional),
        (
            format!("/wijkteam/traject/{traject}/verwijs"),
            &professional,
        ),
        (
            format!("/wijkteam/traject/{traject}/uitdraai"),
            &professional,
        ),
        (
            format!("/wijkteam/traject/{traject}/gegevens"),
            &professional,
        ),
        (format!("/verwijzing/{referral}"), &professional),
        (format!("/verwijzing/{referral}"), &provider),
        ("/beheer".to_string(), &provider),
    ];
    for (path, session) in pages {
        let html = page(&app, &path, session).await;
        assert!(html.len() > 1000, "{path} rendered");
        assert_no_raw_payload(&path, &html);
        assert!(
            !outside_scripts(&html).contains(SHORT_PAYLOAD),
            "{path}: the name is text"
        );
    }
    // The role's own editor, found through the dashboard.
    let dashboard = page(&app, "/beheer", &provider).await;
    let need = dashboard
        .split("data-need=\"")
        .skip(1)
        .find(|chunk| chunk.contains("window.__xss"))
        .map(|chunk| chunk[..36].to_string())
        .expect("the role is on the dashboard");
    let path = format!("/beheer/vraag/{need}");
    let html = page(&app, &path, &provider).await;
    assert!(
        html.contains("&lt;/textarea&gt;"),
        "{path}: the description is kept, as text"
    );
    assert_no_raw_payload(&path, &html);
    let (_, html) = app.get("/ik-kan-iets?talent=koken&waar=3454").await;
    assert!(html.contains("window.__xss"), "the role is listed");
    assert_no_raw_payload("ik kan iets", &html);
}
