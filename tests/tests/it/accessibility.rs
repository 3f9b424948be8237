//! WCAG 2.1 AA with axe-core (from npm, injected into the page) on the main pages, no page
//! wider than a 390 px phone, no control under 44 px there, and screenshots of each page at phone and desktop width (saved under `target/test-artifacts/`).

use std::path::PathBuf;

use crate::support::webdriver::{log_in, Browser};
use crate::support::{Backend, TestApp};

fn axe_source() -> String {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tools/node_modules/axe-core/axe.min.js");
    std::fs::read_to_string(&path).unwrap_or_else(|_| panic!("{} (run ./sk setup)", path.display()))
}

async fn violations(browser: &Browser, axe: &str) -> Vec<String> {
    browser.execute(&format!("{axe}\nreturn true;")).await;
    let result = browser
        .execute_async(
            "const done = arguments[arguments.length - 1];
             axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
                .then(r => done(r.violations.map(v => v.id + ' (' + v.impact + '): ' + v.nodes.map(n => n.target.join(' ')).slice(0, 3).join(', '))))
                .catch(e => done(['axe failed: ' + e]));",
        )
        .await;
    result
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap_or_default().to_string())
        .collect()
}

/// Whether the page is wider than the window, with the elements that stick out (axe-core does
/// not look at layout, and a page that scrolls sideways on a phone hides its menu and buttons).
async fn too_wide(browser: &Browser) -> Option<String> {
    let found = browser
        .execute(
            "const w = document.documentElement.clientWidth;
             if (document.documentElement.scrollWidth <= w) return null;
             const out = [];
             for (const e of document.querySelectorAll('body *')) {
               const r = e.getBoundingClientRect();
               if (r.right > w + 1 && r.width > 0 && getComputedStyle(e).position !== 'fixed') {
                 out.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') +
                   (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/ +/).join('.') : '') +
                   ' (' + Math.round(r.right) + ' px)');
               }
               if (out.length >= 5) break;
             }
             return 'page is ' + document.documentElement.scrollWidth + ' px wide for ' + w + ': ' + out.join(', ');",
        )
        .await;
    found.as_str().map(str::to_string)
}

/// Controls a finger must hit that are lower than 44 px on a phone (WCAG 2.5.5): buttons,
/// fields, folding summaries, button-like links, menu links and the labels of check boxes.
/// Links inside running text are exempt, as the criterion says; so is the map's own control.
async fn small_targets(browser: &Browser) -> Option<String> {
    let found = browser
        .execute(
            "const out = [];
             const targets = document.querySelectorAll(
               'main button, main select, main summary, header summary, header a, main textarea, ' +
               'main input:not([type=hidden]):not([type=checkbox]):not([type=radio]), ' +
               'main a.button-primary, main a.button-secondary, main a.chip, ' +
               'main input[type=checkbox] + label, main input[type=radio] + label');
             for (const e of targets) {
               if (e.closest('.leaflet-container')) continue;
               const r = e.getBoundingClientRect();
               if (r.width === 0 || r.height === 0 || getComputedStyle(e).visibility === 'hidden') continue;
               if (r.height < 43.5) {
                 out.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') +
                   (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/ +/).join('.') : '') +
                   ' [' + (e.textContent || e.name || '').trim().slice(0, 30) + '] (' + Math.round(r.height) + ' px)');
               }
               if (out.length >= 8) break;
             }
             return out.length ? 'targets under 44 px: ' + out.join(', ') : null;",
        )
        .await;
    found.as_str().map(str::to_string)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_main_pages_have_no_wcag_violations_and_are_photographed_at_two_widths() {
    let app = TestApp::demo(Backend::Sqlite).await;
    // So the sign-up page has its form.
    crate::support::fixtures::club_reads_sign_ups(&app).await;
    let offer = server::demo::demo_id("svc:vv-de-meern-jeugd");
    let role = server::demo::demo_id("need:vv-de-meern-assistent-trainer");
    let pages = [
        ("home", "/".to_string()),
        ("results", "/?q=voetbal&waar=3454".to_string()),
        ("detail", format!("/aanbod/{offer}")),
        ("signup", format!("/aanbod/{offer}/meedoen")),
        (
            "talents",
            "/ik-kan-iets?talent=voetbal&waar=3454".to_string(),
        ),
        (
            "keukentafel",
            "/keukentafel?nodig=leren&talent=voetbal&graag=voetbal&leeftijd=19&waar=3454"
                .to_string(),
        ),
        ("role", format!("/vraag/{role}")),
        ("help", format!("/vraag/{role}/helpen")),
        (
            "help with a problem",
            format!("/vraag/{role}/helpen?fout=email&naam=Sam&email=sam%40"),
        ),
        ("help thanks", format!("/vraag/{role}/bedankt")),
        (
            "location",
            format!("/locatie/{}", server::demo::demo_id("loc:vv-de-meern")),
        ),
        (
            "organisation",
            format!("/organisatie/{}", server::demo::demo_id("org:vv-de-meern")),
        ),
        ("chances", "/coalities/kansen".to_string()),
        ("asked nearby", "/gevraagd?waar=3454".to_string()),
        (
            "asked nearby, unknown place",
            "/gevraagd?waar=Nergensdorp".to_string(),
        ),
        ("solved", "/wat-we-oplosten".to_string()),
        ("login", "/inloggen".to_string()),
        (
            "english",
            "/taal/en?terug=%2F%3Fq%3Dvoetbal%26waar%3D3454".to_string(),
        ),
    ];
    let axe = axe_source();
    let browser = Browser::start(true).await;
    let mut found = Vec::new();
    for (name, path) in &pages {
        for (width, label) in [(390, "phone"), (1280, "desktop")] {
            browser.set_size(width, 900).await;
            browser.goto_hydrated(&app.url(path)).await;
            browser
                .screenshot(&crate::support::artifacts_dir().join(format!("{name}-{label}.png")))
                .await;
            if let Some(wide) = too_wide(&browser).await {
                found.push(format!("{name} at {label}: {wide}"));
            }
            if let (390, Some(small)) = (width, small_targets(&browser).await) {
                found.push(format!("{name} at {label}: {small}"));
            }
            for v in violations(&browser, &axe).await {
                found.push(format!("{name} at {label}: {v}"));
            }
        }
    }
    browser.close().await;
    assert!(found.is_empty(), "axe-core found:\n{}", found.join("\n"));
}

/// A session for an existing user, for setting things up over HTTP.
async fn session_of(app: &TestApp, user: uuid::Uuid) -> crate::support::Session {
    let (secret, csrf) = (app::auth::new_secret(), app::auth::new_secret());
    app::db::create_session(
        &app.state.db,
        &app::auth::hash_secret(&secret),
        user,
        &csrf,
        chrono::Duration::hours(1),
    )
    .await
    .unwrap();
    crate::support::Session {
        cookies: format!("sk_sessie={secret}; sk_csrf={csrf}"),
        csrf,
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_pages_behind_the_login_have_no_wcag_violations() {
    use app::auth::Role;
    // With the demo's signals and knelpunten, so the signals page has all its parts.
    let app = TestApp::spawn_with(Backend::Sqlite, true, |c| c.demo_signals = true).await;
    let club = server::demo::demo_id("org:vv-de-meern");
    let offer = server::demo::demo_id("svc:vv-de-meern-jeugd");
    let location = server::demo::demo_id("loc:vv-de-meern");
    let need = server::demo::demo_id("need:vv-de-meern-assistent-trainer");
    let hash = app::auth::hash_password("een lang wachtwoord");
    let provider = app::db::create_user(
        &app.state.db,
        "club@example.org",
        "Club",
        Role::Provider,
        None,
        &hash,
    )
    .await
    .unwrap();
    app::db::link_user_organisation(&app.state.db, provider, club)
        .await
        .unwrap();
    let professional = app::db::create_user(
        &app.state.db,
        "team@example.org",
        "Team",
        Role::Professional,
        None,
        &hash,
    )
    .await
    .unwrap();
    // In a buurtteam of the demo that they lead, with a colleague whose account was switched
    // off: the traject shows who does it, the workspace the team's queue.
    let operator = app::auth::Me::operator();
    let team = server::demo::demo_id("team:vleuten-de-meern");
    assert!(
        app::db::team(&app.state.db, team).await.unwrap().is_some(),
        "the demo's team"
    );
    let colleague = crate::support::actor(&app, Role::Professional, None, &[]).await;
    for (email, lead) in [
        ("team@example.org", true),
        (colleague.email.as_str(), false),
    ] {
        app::service::teams::set_member(&app.state, &operator, team, email, lead)
            .await
            .unwrap();
    }
    let left = app::referrals::TrajectForm {
        naam: "K.".into(),
        waar: "3454".into(),
        ..Default::default()
    };
    app::service::trajecten::save(&app.state, &colleague, left)
        .await
        .unwrap();
    app::service::teams::disable_account(&app.state, &operator, &colleague.email)
        .await
        .unwrap();
    let session = session_of(&app, professional).await;
    let traject = crate::referrals::new_traject(&app, &session).await;
    crate::household::add_member(
        &app,
        &session,
        traject,
        &[
            ("form[naam]", "Sam"),
            ("form[leeftijd]", "8"),
            ("form[rol]", "kind"),
            ("form[vragen][]", "bewegen"),
        ],
    )
    .await;
    let referral = crate::referrals::refer(
        &app,
        &session,
        traject,
        &format!("vraag:{need}"),
        &["leeftijd"],
    )
    .await;

    let axe = axe_source();
    let browser = Browser::start(true).await;
    let mut found = Vec::new();
    let check = |pages: Vec<(&'static str, String)>| {
        let (browser, axe, app) = (&browser, &axe, &app);
        let mut out = Vec::new();
        async move {
            for ((name, path), (width, label)) in pages
                .into_iter()
                .flat_map(|page| [(page.clone(), (390, "phone")), (page, (1280, "desktop"))])
            {
                browser.set_size(width, 900).await;
                browser.goto_hydrated(&app.url(&path)).await;
                let file = format!("{}-{label}.png", name.replace(' ', "-"));
                browser
                    .screenshot(&crate::support::artifacts_dir().join(file))
                    .await;
                // The real page, not the login page or "not found".
                let real = browser
                    .execute(
                        "return location.pathname !== '/inloggen' \
                         && !document.title.includes('niet gevonden') \
                         && !!document.querySelector('main h1');",
                    )
                    .await;
                assert_eq!(real, serde_json::Value::Bool(true), "{name} did not open");
                if let Some(wide) = too_wide(browser).await {
                    out.push(format!("{name} at {label}: {wide}"));
                }
                if let (390, Some(small)) = (width, small_targets(browser).await) {
                    out.push(format!("{name} at {label}: {small}"));
                }
                for v in violations(browser, axe).await {
                    out.push(format!("{name} at {label}: {v}"));
                }
            }
            out
        }
    };
    log_in(&browser, &app, "team@example.org").await;
    found.extend(
        check(vec![
            ("workspace", "/wijkteam".into()),
            ("traject", format!("/wijkteam/traject/{traject}")),
            (
                "traject with a knelpunt problem",
                format!("/wijkteam/traject/{traject}?knelpunt=naam#knelpunt"),
            ),
            (
                "traject with a household problem",
                format!("/wijkteam/traject/{traject}?lid_fout=leeftijd&lid=#gezin"),
            ),
            ("new traject", "/wijkteam/traject/nieuw".into()),
            (
                "referral form",
                format!("/wijkteam/traject/{traject}/verwijs?naar=vraag:{need}"),
            ),
            ("referral", format!("/verwijzing/{referral}")),
            ("handout", format!("/wijkteam/traject/{traject}/uitdraai")),
            ("export", format!("/wijkteam/traject/{traject}/gegevens")),
        ])
        .await,
    );
    // Someone nearby may be asked, so the dashboard shows them too.
    let reachable = app::service::matching::TalentEntry {
        talents: vec!["voetbal".into()],
        postcode: "3454".into(),
        age: "19".into(),
        reachable: true,
        email: "iemand@example.org".into(),
        ..Default::default()
    };
    app::service::matching::leave_talent_entry(&app.state, &reachable, None)
        .await
        .unwrap();
    // Someone wants to help, so the dashboard shows its inbox.
    app::db::save_response(
        &app.state.db,
        &app::db::NewResponse {
            need,
            name_sealed: app.state.sealer.seal("Sam"),
            email_sealed: app.state.sealer.seal("sam@example.org"),
            phone_sealed: String::new(),
            message_sealed: app.state.sealer.seal("Ik voetbal al tien jaar."),
            age: Some(19),
            language: "nl".into(),
        },
    )
    .await
    .unwrap()
    .unwrap();
    // A coalition the club is a partner of (and one more organisation is asked to join).
    let coalition = crate::support::fixtures::club_coalition(
        &app,
        vec![app::profile::PartnerView {
            organisation_id: Some(crate::support::fixtures::other_org()),
            name: "Geldzaken op maat".into(),
            role: "supporter".into(),
            standing: "invited".into(),
            ..Default::default()
        }],
    )
    .await;
    // Two counts, so the coalition page draws its chart.
    for (day, number) in [("2026-10-01", 5), ("2026-11-15", 8)] {
        let note = app::coalitions::NoteView {
            written_on: day.into(),
            label: "kinderen van de wachtlijst".into(),
            number: Some(number),
            outcomes: vec!["verbonden".into()],
            ..Default::default()
        };
        app::db::add_coalition_note(&app.state.db, coalition, &note)
            .await
            .unwrap();
    }
    // The newest note has a photo.
    let newest = app::db::get_coalition(&app.state.db, coalition)
        .await
        .unwrap()
        .notes[0]
        .id
        .unwrap();
    let picture = image::RgbImage::from_fn(800, 600, |x, y| {
        image::Rgb([(x % 200) as u8, (y % 200) as u8, 90])
    });
    let mut png = Vec::new();
    image::ImageEncoder::write_image(
        image::codecs::png::PngEncoder::new(&mut png),
        picture.as_raw(),
        800,
        600,
        image::ExtendedColorType::Rgb8,
    )
    .unwrap();
    let photo = app::photo::prepare(&png).unwrap();
    app::db::set_note_photo(
        &app.state.db,
        coalition,
        newest,
        "Acht kinderen op het veld",
        &photo,
    )
    .await
    .unwrap();
    browser.goto_hydrated(&app.url("/beheer")).await;
    log_in(&browser, &app, "club@example.org").await;
    found.extend(
        check(vec![
            ("dashboard", "/beheer".into()),
            ("api keys", "/beheer/sleutels".into()),
            ("coalition as a partner", format!("/coalities/{coalition}")),
            (
                "coalition editor",
                format!("/coalities/{coalition}/bewerken?zoek=buurt"),
            ),
            (
                "coalition editor with a problem",
                format!("/coalities/{coalition}/bewerken?fout=reden&naam=X&status=ended"),
            ),
            (
                "coalition editor inviting an organisation off the map, with a problem",
                format!("/coalities/{coalition}/bewerken?fout=nieuw-email&nieuw-naam=Sportclub#nieuw"),
            ),
            (
                "coalition with a refused photo",
                format!("/coalities/{coalition}?notitie={newest}&fout=foto&reden=photo_not_an_image#notitie-{newest}"),
            ),
            ("offer editor", format!("/beheer/aanbod/{offer}")),
            (
                "offer editor with a preview",
                format!(
                    "/beheer/aanbod/{offer}?voorbeeld=ja&naam=Voetbal%20op%20woensdag\
                     &beschrijving=Elke%20woensdag%20trainen.&soort=vereniging\
                     &leefgebied=bewegen,opgroeien&telefoon=030%20000%201201&dag=3&van=14:00\
                     &tot=15:30&kosten=140%20euro%20per%20jaar#voorbeeld"
                ),
            ),
            ("location editor", format!("/beheer/locatie/{location}")),
            ("need editor", format!("/beheer/vraag/{need}")),
            ("received referral", format!("/verwijzing/{referral}")),
        ])
        .await,
    );
    app::db::create_user(
        &app.state.db,
        "gemeente@example.org",
        "Gemeente",
        Role::Coordinator,
        Some("GM0344"),
        &hash,
    )
    .await
    .unwrap();
    log_in(&browser, &app, "gemeente@example.org").await;
    found.extend(
        check(vec![
            ("coalition overview", "/beheer/coalities".into()),
            ("new coalition", "/coalities/nieuw".into()),
            ("signals", "/beheer/signalen".into()),
            ("teams", "/beheer/teams".into()),
            (
                "teams with a problem",
                "/beheer/teams?fout=naam&naam=%20#nieuw-team".into(),
            ),
            (
                "new coalition with a problem",
                "/coalities/nieuw?fout=naam&naam=&doel=Samen".into(),
            ),
        ])
        .await,
    );
    // With JavaScript the map draws every wijk, shaded (a tall window: the whole page).
    browser.set_size(1280, 2600).await;
    browser.goto_hydrated(&app.url("/beheer/signalen")).await;
    browser.wait_for("#signalen-kaart[data-drawn] path").await;
    browser
        .screenshot(&crate::support::artifacts_dir().join("signals-map-desktop.png"))
        .await;
    browser.close().await;
    assert!(found.is_empty(), "axe-core found:\n{}", found.join("\n"));
}
