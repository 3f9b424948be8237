//! The keukentafel, "ik kan iets" on the matching engine, and the coalition pages.

use crate::support::webdriver::Browser;
use crate::support::{Backend, TestApp};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_keukentafel_shows_three_lanes_for_a_young_footballer() {
    let app = TestApp::demo(Backend::Sqlite).await;

    let (status, html) = app
        .get("/keukentafel?nodig=leren&nodig=werk&talent=voetbal&leeftijd=19&waar=3454&netwerk=oom,+buurjongen")
        .await;

    assert_eq!(status, 200);
    for heading in ["Meedoen", "Bijdragen", "Samen"] {
        assert!(html.contains(&format!(">{heading}</h2>")), "{heading}");
    }
    assert!(html.contains("Assistent-trainer jeugd (16 tot 27 jaar)"));
    assert!(
        html.contains("Praktijkcollege De Meern"),
        "the school is a partner"
    );
    assert!(
        html.contains("Entree-opleiding"),
        "a route back to a diploma in meedoen"
    );
    assert!(
        html.contains(">oom<") && html.contains(">buurjongen<"),
        "their network is step one"
    );
    assert!(
        html.contains(r#"value="voetbal" checked"#),
        "the profile stays in the form"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_bad_profile_on_the_keukentafel_gets_a_dutch_message_and_a_400() {
    let app = TestApp::demo(Backend::Sqlite).await;

    let (status, html) = app.get("/keukentafel?nodig=zorg&waar=1000").await;

    assert_eq!(status, 400);
    assert!(html.contains("We kennen postcode 1000 niet"), "{html}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ik_kan_iets_understands_typed_talents() {
    let app = TestApp::demo(Backend::Sqlite).await;

    let (status, html) = app
        .get("/ik-kan-iets?woorden=ik+kan+goed+koken&waar=3511")
        .await;

    assert_eq!(status, 200);
    assert!(html.contains("Kok voor de buurtmaaltijd"), "{html}");
    assert!(html.contains("past bij: koken (jouw talent)"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_chances_page_proposes_trainerskracht() {
    let app = TestApp::demo(Backend::Sqlite).await;

    let (status, html) = app.get("/coalities/kansen").await;

    assert_eq!(status, 200);
    assert!(html.contains("Voetbalvereniging Sportpark De Meern: Assistent-trainer jeugd"));
    assert!(html.contains("34 mensen op de wachtlijst"));
    assert!(
        html.contains("id=\"starten-uitleg\""),
        "who can make it real"
    );
    assert!(!html.contains("start-coalition"), "no button for a visitor");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn in_the_keukentafel_a_chip_updates_the_lanes_without_a_reload() {
    let app = TestApp::demo(Backend::Sqlite).await;
    let browser = Browser::start(true).await;
    browser
        .goto_hydrated(&app.url("/keukentafel?nodig=meedoen&waar=3511"))
        .await;
    browser.wait_for(".lane-meedoen .offer-card").await;
    browser
        .execute("window.__skMarker = 'still-here'; return true;")
        .await;

    let chip = browser.wait_for("label[for='talent-koken']").await;
    browser.click(&chip).await;

    browser
        .wait_until("return location.search.includes('talent=koken') && [...document.querySelectorAll('.lane-bijdragen h3')].some(function (h) { return h.textContent.includes('Kok voor de buurtmaaltijd'); });")
        .await;
    assert_eq!(
        browser.execute("return window.__skMarker;").await,
        "still-here"
    );
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_coordinator_turns_a_proposal_into_a_coalition_and_a_partner_counts_what_it_achieved() {
    let app = TestApp::demo(Backend::Sqlite).await;
    let password = app::auth::hash_password(crate::support::webdriver::PASSWORD);
    app::db::create_user(
        &app.state.db,
        "makelaar@example.org",
        "Makelaar",
        app::auth::Role::Coordinator,
        Some("GM0344"),
        &password,
    )
    .await
    .unwrap();
    let club = crate::support::fixtures::club();
    let provider = app::db::create_user(
        &app.state.db,
        "club@example.org",
        "Club",
        app::auth::Role::Provider,
        None,
        &password,
    )
    .await
    .unwrap();
    app::db::link_user_organisation(&app.state.db, provider, club)
        .await
        .unwrap();
    let browser = Browser::start(true).await;

    // Anonymous visitors see the chances and who can start them, but no button.
    browser.goto_hydrated(&app.url("/coalities/kansen")).await;
    browser.wait_for("#starten-uitleg").await;
    assert!(browser.find(".start-coalition button").await.is_none());

    crate::support::webdriver::log_in(&browser, &app, "makelaar@example.org").await;
    browser.goto_hydrated(&app.url("/coalities/kansen")).await;
    let start = browser.wait_for(".start-coalition button").await;
    browser.click(&start).await;
    browser
        .wait_until("return /\\/coalities\\/[0-9a-f-]{36}$/.test(location.pathname) && !!document.querySelector('.coalition h1');")
        .await;
    let heading = browser.wait_for(".coalition h1").await;
    assert!(browser
        .text(&heading)
        .await
        .starts_with("Voetbalvereniging Sportpark De Meern"));
    let page = browser.current_url().await;
    let (_, list) = app.get_json("/api/v1/coalitions").await;
    assert_eq!(list[0]["status"], "idea");
    assert!(list[0]["partners"].as_array().unwrap().len() >= 4);
    assert_eq!(
        list[0]["partners"][0]["standing"], "invited",
        "the club is asked, not enrolled"
    );
    // One link person: the page asks for a second. The hydrated edit form shows its problem
    // at the field, and keeps what was typed.
    browser.wait_for("#tweede-aanspreekpunt").await;
    browser.click(&browser.wait_for("#bewerken").await).await;
    browser.wait_for("#coalitie-bewerken").await;
    browser
        .execute("document.querySelector('#status').value = 'ended';")
        .await;
    browser
        .type_text(&browser.wait_for("#tweede").await, "Ayla, buurtsportcoach")
        .await;
    browser.click(&browser.wait_for("#bewaren").await).await;
    browser.wait_for("#reden-fout").await;
    let deputy = browser.wait_for("#tweede").await;
    assert_eq!(
        browser
            .execute("return document.querySelector('#tweede').value;")
            .await,
        "Ayla, buurtsportcoach",
        "what was typed stays"
    );
    browser
        .execute("document.querySelector('#status').value = 'forming';")
        .await;
    let _ = deputy;
    browser.click(&browser.wait_for("#bewaren").await).await;
    browser.wait_for("#bewaard").await;
    assert!(
        browser.find("#tweede-aanspreekpunt").await.is_none(),
        "two link persons now"
    );
    browser.close().await;

    // The club's manager says yes and then counts what it achieved, without JavaScript.
    let browser = Browser::start(false).await;
    crate::support::webdriver::log_in(&browser, &app, "club@example.org").await;
    browser.goto(&page).await;
    assert!(
        browser.find("#tellen").await.is_none(),
        "an invitation alone gives no say"
    );
    browser.click(&browser.wait_for("#antwoord-ja").await).await;
    browser.wait_for("#partner-antwoord").await;
    browser
        .type_text(
            &browser.wait_for("#wat").await,
            "kinderen van de wachtlijst",
        )
        .await;
    browser
        .type_text(&browser.wait_for("#aantal").await, "8")
        .await;
    browser
        .click(&browser.wait_for("#uitkomst-verbonden").await)
        .await;
    browser
        .click(&browser.wait_for(".coalition-note button").await)
        .await;
    browser.wait_for("#genoteerd").await;
    let notes = browser.wait_for(".notes").await;
    assert!(browser
        .text(&notes)
        .await
        .contains("8 kinderen van de wachtlijst"));
    assert!(
        browser.text(&notes).await.contains("verbonden"),
        "the ticked outcome shows"
    );
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_anonymous_talent_entry_without_javascript_counts_in_the_coalition_scan() {
    let app = TestApp::demo(Backend::Sqlite).await;
    let count = |body: &serde_json::Value| body[0]["talent_count"].as_u64().unwrap();
    let (_, before) = app
        .get_json("/api/v1/coalitions/suggestions?gemeente=GM0344")
        .await;
    let browser = Browser::start(false).await;
    browser
        .goto(&app.url("/ik-kan-iets?talent=voetbal&waar=3454"))
        .await;

    let age = browser.wait_for("#leeftijd").await;
    browser.type_text(&age, "18").await;
    let send = browser.wait_for("#laat-weten").await;
    browser.click(&send).await;
    browser.wait_for("#talent-bewaard").await;

    let (_, after) = app
        .get_json("/api/v1/coalitions/suggestions?gemeente=GM0344")
        .await;
    assert_eq!(count(&after), count(&before) + 1);
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_partner_invites_an_organisation_from_the_map_without_javascript_and_outsiders_cannot_edit(
) {
    use crate::support::fixtures::{club, other_org};
    use crate::support::{login_as, page, post};
    use leptos::server_fn::ServerFn;
    let app = TestApp::demo(Backend::Sqlite).await;
    let coalition = crate::support::fixtures::club_coalition(&app, Vec::new()).await;
    let edit = format!("/coalities/{coalition}/bewerken");
    let anonymous = crate::support::client()
        .get(app.url(&edit))
        .send()
        .await
        .unwrap();
    assert_eq!(anonymous.status().as_u16(), 302, "visitors log in first");
    let outsider = login_as(&app, app::auth::Role::Provider, None, &[other_org()]).await;
    let refused = crate::support::client()
        .get(app.url(&edit))
        .header("cookie", &outsider.cookies)
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status().as_u16(), 403);

    let partner = login_as(&app, app::auth::Role::Provider, None, &[club()]).await;
    let search = page(&app, &format!("{edit}?zoek=geldzaken"), &partner).await;
    assert!(
        search.contains("Nodig Geldzaken op Maat uit"),
        "the organisation on the map is found: {}",
        &search[search.find("partners-titel").unwrap_or(0)..]
    );
    let fields = [
        ("coalitie", coalition.to_string()),
        ("organisatie", other_org().to_string()),
        ("rol", "supporter".to_string()),
        ("geeft", "een ruimte op dinsdag".to_string()),
        ("krijgt", "jongeren die helpen".to_string()),
    ];
    let (status, location) = post(
        &app,
        app::api::InviteCoalitionPartner::PATH,
        &partner,
        &fields,
    )
    .await;
    assert!((300..400).contains(&status), "{status}");
    assert!(location.contains("uitgenodigd=ja"), "{location}");
    let shown = page(&app, &location, &partner).await;
    assert!(shown.contains("De uitnodiging is verstuurd"));
    assert!(shown.contains("uitgenodigd, nog geen antwoord"));
    let (_, location) = post(
        &app,
        app::api::InviteCoalitionPartner::PATH,
        &partner,
        &fields,
    )
    .await;
    assert!(location.contains("fout=al-partner"), "{location}");
    assert!(page(&app, &location, &partner)
        .await
        .contains("al partner of al uitgenodigd"));

    // The edit form without JavaScript: the wrong field comes back with what was typed.
    let form = [
        ("coalitie", coalition.to_string()),
        ("form[naam]", "Trainerskracht <b>De Meern</b>".to_string()),
        ("form[status]", "ended".to_string()),
        ("form[reden]", String::new()),
        ("form[tweede]", "Ayla".to_string()),
    ];
    let (_, location) = post(&app, app::api::SaveCoalition::PATH, &partner, &form).await;
    assert!(location.contains("fout=reden"), "{location}");
    let back = page(&app, &location, &partner).await;
    assert!(back.contains("Schrijf op waarom de coalitie stopt"));
    assert!(back.contains("value=\"Ayla\""), "typed values stay");
    assert!(
        back.contains("Trainerskracht &lt;b&gt;De Meern&lt;/b&gt;"),
        "and stay text"
    );

    // Funding without JavaScript: a wrong date comes back with what was typed; a good line shows.
    let mut money = vec![
        ("coalitie", coalition.to_string()),
        ("bron", "Sportakkoord Utrecht".to_string()),
        ("bedrag", "12.000".to_string()),
        ("van", "2026-01-01".to_string()),
        ("tot", "31-03-2027".to_string()),
    ];
    let (_, location) = post(&app, app::api::AddFunding::PATH, &partner, &money).await;
    assert!(location.contains("fout=geld"), "{location}");
    let back = page(&app, &location, &partner).await;
    assert!(
        back.contains("data als jaar-maand-dag") && back.contains("value=\"Sportakkoord Utrecht\"")
    );
    money[4].1 = "2027-03-31".into();
    let (_, location) = post(&app, app::api::AddFunding::PATH, &partner, &money).await;
    assert!(location.contains("geld=ja"), "{location}");
    let public = crate::support::client()
        .get(app.url(&format!("/coalities/{coalition}")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        public.contains("Sportakkoord Utrecht: € 12.000, 1 januari 2026 tot 31 maart 2027"),
        "the public page shows the line in words"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_coordinator_downloads_the_coalition_overview_as_csv_that_a_spreadsheet_reads_as_text()
{
    use crate::support::{client, login_as, page};
    let app = TestApp::demo(Backend::Sqlite).await;
    let coalition = crate::support::fixtures::club_coalition(&app, Vec::new()).await;
    let note = app::coalitions::NoteView {
        label: "=HYPERLINK(\"https://example.org\")".into(),
        number: Some(3),
        ..Default::default()
    };
    app::db::add_coalition_note(&app.state.db, coalition, &note)
        .await
        .unwrap();
    let anonymous = client()
        .get(app.url("/beheer/coalities.csv"))
        .send()
        .await
        .unwrap();
    assert_eq!(anonymous.status().as_u16(), 401);
    let provider = login_as(
        &app,
        app::auth::Role::Provider,
        None,
        &[crate::support::fixtures::club()],
    )
    .await;
    let get = |path: &str, cookies: &str| {
        client()
            .get(app.url(path))
            .header("cookie", cookies.to_string())
            .send()
    };
    let refused = get("/beheer/coalities.csv", &provider.cookies)
        .await
        .unwrap();
    assert_eq!(refused.status().as_u16(), 403);

    let coordinator = login_as(&app, app::auth::Role::Coordinator, Some("GM0344"), &[]).await;
    let response = get("/beheer/coalities.csv", &coordinator.cookies)
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 200);
    assert!(response.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/csv"));
    assert_eq!(response.headers()["cache-control"], "no-store");
    let body = response.text().await.unwrap();
    assert!(
        body.contains("Trainerskracht De Meern;forming;VV De Meern"),
        "{body}"
    );
    assert!(!body.contains(";=HYPERLINK"), "no formula: {body}");
    let quarter = get(
        "/beheer/coalities.csv?filter=kwartaal",
        &coordinator.cookies,
    )
    .await
    .unwrap()
    .text()
    .await
    .unwrap();
    assert_eq!(
        quarter.lines().count(),
        1,
        "no money ends this quarter: only the header"
    );

    let shown = page(&app, "/beheer/coalities", &coordinator).await;
    assert!(shown.contains("Trainerskracht De Meern") && shown.contains("coalities.csv"));
}
