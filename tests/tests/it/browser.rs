//! The home page in a real headless Chromium: hydrated, and with JavaScript off.

use crate::support::webdriver::Browser;
use crate::support::{Backend, TestApp};

/// Types words and a place into the search form and submits it.
async fn search_with_the_form(browser: &Browser, words: &str, place: &str) {
    let q = browser.wait_for("#q").await;
    browser.type_text(&q, words).await;
    let waar = browser.wait_for("#waar").await;
    browser.type_text(&waar, place).await;
    let submit = browser.wait_for("main button[type=submit]").await;
    browser.click(&submit).await;
}

/// The demo in Chromium with JavaScript, at a phone's size, on `path` once hydrated.
async fn on_a_phone(path: &str) -> (TestApp, Browser) {
    let app = TestApp::demo(Backend::Sqlite).await;
    let browser = Browser::start(true).await;
    browser.set_size(390, 844).await;
    browser.goto_hydrated(&app.url(path)).await;
    (app, browser)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_home_page_hydrates_and_searches_without_reloading_in_chromium() {
    let app = TestApp::demo(Backend::Sqlite).await;
    let browser = Browser::start(true).await;
    browser.goto(&app.url("/")).await;

    // The location button only exists for hydrated pages; clicking it must react.
    browser.wait_until("const b = document.getElementById('gebruik-locatie'); return !!b && !b.closest('[hidden]');").await;
    let button = browser.wait_for("#gebruik-locatie").await;
    browser.click(&button).await;
    browser
        .wait_until("return document.querySelector('.locate-message').textContent.length > 0;")
        .await;

    // A search is routed in the page itself: the marker survives, so no full reload happened.
    browser
        .execute("window.__skMarker = 'still-here'; return true;")
        .await;
    let q = browser.wait_for("#q").await;
    browser.type_text(&q, "taalcafe").await;
    let waar = browser.wait_for("#waar").await;
    browser.type_text(&waar, "3511").await;
    let submit = browser.wait_for("main button[type=submit]").await;
    browser.click(&submit).await;
    browser.wait_until("const h = document.getElementById('resultaten-titel'); return !!h && h.textContent.includes('3511');").await;

    assert_eq!(
        browser.execute("return window.__skMarker;").await,
        "still-here"
    );
    assert!(
        browser.current_url().await.contains("q=taalcafe"),
        "the URL holds the search"
    );
    let first = browser.wait_for(".offer-card h3 a").await;
    assert!(browser.text(&first).await.to_lowercase().contains("taal"));
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_same_search_works_in_chromium_with_javascript_disabled() {
    let app = TestApp::demo(Backend::Sqlite).await;
    let browser = Browser::start(false).await;
    browser.goto(&app.url("/")).await;

    search_with_the_form(&browser, "taalcafe", "3511").await;

    let heading = browser.wait_for("#resultaten-titel").await;
    assert!(browser
        .text(&heading)
        .await
        .contains("in de buurt van 3511"));
    let button = browser.wait_for("#gebruik-locatie").await;
    assert!(
        !browser.is_displayed(&button).await,
        "no dead buttons without JavaScript"
    );
    let first = browser.wait_for(".offer-card h3 a").await;
    browser.click(&first).await;
    let title = browser.wait_for("article.offer-detail h1").await;
    assert!(browser.text(&title).await.to_lowercase().contains("taal"));
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn signing_up_in_the_hydrated_page_reaches_the_thank_you_page_without_a_reload() {
    let app = TestApp::demo(Backend::Sqlite).await;
    let offer = server::demo::demo_id("svc:vv-de-meern-jeugd");
    crate::support::fixtures::club_reads_sign_ups(&app).await;
    let browser = Browser::start(true).await;
    browser
        .goto_hydrated(&app.url(&format!("/aanbod/{offer}/meedoen")))
        .await;
    browser
        .execute("window.__skMarker = 'still-here'; return true;")
        .await;

    let naam = browser.wait_for("#naam").await;
    browser.type_text(&naam, "Sam").await;
    let contact = browser.wait_for("#contact").await;
    // No way to reach Sam: the message shows at once, and the name stays.
    browser.type_text(&contact, "bel me maar").await;
    let submit = browser.wait_for("main button[type=submit]").await;
    browser.click(&submit).await;
    browser
        .wait_until("return location.search.includes('fout=contact') && !!document.getElementById('aanmeld-probleem');")
        .await;
    assert_eq!(
        browser
            .execute("return document.getElementById('naam').value;")
            .await,
        "Sam"
    );
    browser
        .execute("document.getElementById('contact').value = ''; return true;")
        .await;
    browser
        .type_text(&browser.wait_for("#contact").await, "06 12345678")
        .await;
    browser
        .click(&browser.wait_for("main button[type=submit]").await)
        .await;
    browser.wait_until("return location.pathname.endsWith('/bedankt') && !!document.querySelector('.thanks h1');").await;

    assert_eq!(
        browser.execute("return window.__skMarker;").await,
        "still-here"
    );
    assert_eq!(
        app::db::count_signups(&app.state.db, offer).await.unwrap(),
        1
    );
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_map_shows_a_marker_per_result_and_the_wijk_boundaries_without_base_tiles() {
    let app = TestApp::demo(Backend::Sqlite).await;
    let browser = Browser::start(true).await;

    browser.goto(&app.url("/?q=voetbal&waar=3454")).await;

    browser
        .wait_until(
            "return document.querySelectorAll('.results .kaart .leaflet-marker-icon').length > 0;",
        )
        .await;
    browser
        .wait_until(
            "return document.querySelectorAll('.results .kaart .leaflet-overlay-pane path').length >= 10;",
        )
        .await;
    // A cluster counts the markers in it.
    let markers = browser
        .execute(
            "let n = 0; document.querySelectorAll('.results .kaart .leaflet-marker-icon').forEach(function (m) { \
               n += m.classList.contains('marker-cluster') ? parseInt(m.textContent, 10) : 1; }); return n;",
        )
        .await;
    // The same activity at other places is folded under its card, but still on the map.
    let cards = browser
        .execute("return document.querySelectorAll('.offer-card').length + document.querySelectorAll('.offer-card .also-at li').length;")
        .await;
    assert_eq!(markers, cards, "one marker per result on the page");

    // Panning offers "zoek in dit gebied", which searches the visible area.
    browser.execute("document.querySelector('.results .kaart')._skMap.panBy([150, 0], { animate: false }); return true;").await;
    let button = browser.wait_for(".kaart-zoek-hier").await;
    browser.click(&button).await;
    browser.wait_until("return location.search.includes('gebied=') && document.getElementById('resultaten-titel').textContent.includes('dit deel van de kaart');").await;
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn typing_in_the_search_box_suggests_offer_names() {
    let app = TestApp::demo(Backend::Sqlite).await;
    let browser = Browser::start(true).await;
    browser.goto_hydrated(&app.url("/")).await;

    let q = browser.wait_for("#q").await;
    browser.type_text(&q, "voetb").await;

    browser
        .wait_until("return [...document.querySelectorAll('#suggesties option')].some(o => o.value.toLowerCase().includes('voetbal'));")
        .await;
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_facet_narrows_the_results_and_the_url_changes() {
    let app = TestApp::demo(Backend::Sqlite).await;
    let browser = Browser::start(true).await;
    browser
        .goto_hydrated(&app.url("/?q=voetbal&waar=3454"))
        .await;
    // The number found, from the heading ("23 resultaten bij ..."): a page shows at most 20.
    let found = "return parseInt(document.querySelector('#resultaten-titel').textContent, 10);";
    let before = browser.execute(found).await;

    let free = browser.wait_for(".facets a[href*='gratis=ja']").await;
    browser.click(&free).await;
    // Wait for the new page's heading too: while it loads, the heading is not a count yet.
    browser.wait_until("return location.search.includes('gratis=ja') && document.querySelectorAll('.offer-card .badge-free').length === document.querySelectorAll('.offer-card').length && /^[0-9]+ /.test(document.querySelector('#resultaten-titel')?.textContent ?? '');").await;

    let after = browser.execute(found).await;
    assert!(
        after.as_u64().unwrap() < before.as_u64().unwrap(),
        "{after} < {before}"
    );
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn search_and_facets_work_with_the_keyboard_alone() {
    use crate::support::webdriver::ENTER;

    let app = TestApp::demo(Backend::Sqlite).await;
    let browser = Browser::start(true).await;
    browser.goto_hydrated(&app.url("/")).await;

    browser.tab_to("#q").await;
    browser
        .press(&["t", "a", "a", "l", "c", "a", "f", "e"])
        .await;
    browser.tab_to("#waar").await;
    browser.press(&["3", "5", "1", "1", ENTER]).await;
    browser.wait_until("const h = document.getElementById('resultaten-titel'); return !!h && h.textContent.includes('3511');").await;

    browser.tab_to(".facets a").await;
    browser.press(&[ENTER]).await;
    browser.wait_until("return location.search.split('&').length > 2 && !!document.getElementById('resultaten-titel');").await;
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn on_a_phone_the_list_comes_first_and_the_map_is_one_tap_away() {
    let (_app, browser) = on_a_phone("/?q=taalcafe&waar=3511").await;
    let map = browser.wait_for(".results .kaart").await;
    assert!(
        !browser.is_displayed(&map).await,
        "the map waits until asked for"
    );

    let toggle = browser.wait_for(".kaart-toggle").await;
    browser.click(&toggle).await;

    browser.wait_until("const k = document.querySelector('.results .kaart'); return k.offsetHeight > 100 && k.querySelectorAll('.leaflet-marker-icon').length > 0;").await;
    // Fitted when shown, not while hidden: the markers are inside the visible map, and the
    // map's own moves do not offer "zoek in dit gebied".
    let inside = browser
        .execute(
            "const k = document.querySelector('.results .kaart').getBoundingClientRect();
             const icons = [...document.querySelectorAll('.results .kaart .leaflet-marker-icon')];
             return icons.filter(i => { const r = i.getBoundingClientRect();
               return r.left >= k.left - 1 && r.right <= k.right + 1 && r.top >= k.top - 1 && r.bottom <= k.bottom + 1; }).length;",
        )
        .await;
    assert!(inside.as_u64().unwrap() > 0, "markers in view: {inside}");
    assert!(browser.find(".kaart-zoek-hier").await.is_none());
    assert_eq!(
        browser
            .execute(
                "return document.querySelector('.kaart-toggle').getAttribute('aria-expanded');"
            )
            .await,
        "true"
    );
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_english_switch_keeps_the_search_and_the_hydrated_page_stays_in_english() {
    let app = TestApp::demo(Backend::Sqlite).await;
    let browser = Browser::start(true).await;
    browser
        .goto_hydrated(&app.url("/?q=voetbal&waar=3454"))
        .await;
    let switch = browser.wait_for("#taal-wissel").await;
    assert_eq!(browser.text(&switch).await, "English");
    browser.click(&switch).await;

    browser
        .wait_until("return document.documentElement.lang === 'en' && document.body.dataset.hydrated === 'true';")
        .await;
    assert!(
        browser.current_url().await.contains("q=voetbal&waar=3454"),
        "the search is kept"
    );
    let heading = browser.wait_for("#resultaten-titel").await;
    assert!(browser.text(&heading).await.contains("results near 3454"));
    let distance = browser.wait_for(".offer-card .distance").await;
    assert!(browser.text(&distance).await.ends_with("from you"));
    // The hydrated page must not fall back to Dutch: the map toggle (phones only) reacts in it.
    browser.set_size(390, 844).await;
    let toggle = browser.wait_for(".kaart-toggle").await;
    browser.click(&toggle).await;
    assert_eq!(browser.text(&toggle).await, "Hide the map");

    // And back: the switch now offers Dutch.
    let switch = browser.wait_for("#taal-wissel").await;
    assert_eq!(browser.text(&switch).await, "Nederlands");
    browser.click(&switch).await;
    browser
        .wait_until("return document.documentElement.lang === 'nl';")
        .await;
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_english_switch_works_without_javascript() {
    let app = TestApp::demo(Backend::Sqlite).await;
    let browser = Browser::start(false).await;
    browser.goto(&app.url("/ik-kan-iets")).await;
    let switch = browser.wait_for("#taal-wissel").await;
    browser.click(&switch).await;
    browser
        .wait_until("return document.documentElement.lang === 'en';")
        .await;
    assert!(browser.current_url().await.ends_with("/ik-kan-iets"));
    let heading = browser.wait_for("h1").await;
    assert_eq!(browser.text(&heading).await, "I can help");
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn dense_markers_are_clustered_and_a_cluster_opens_on_click() {
    let app = TestApp::demo(Backend::Sqlite).await;
    let browser = Browser::start(true).await;
    // Twenty places all over the city: some lie close together at the zoom that shows them all.
    browser.goto(&app.url("/?leefgebied=meedoen")).await;

    let cluster = browser.wait_for(".results .kaart .marker-cluster").await;
    let zoom = "return document.querySelector('.results .kaart')._skMap.getZoom();";
    let before = browser.execute(zoom).await.as_f64().unwrap();
    browser.click(&cluster).await;
    // A cluster zooms in to its markers (or, at the deepest zoom, spreads them out).
    browser
        .wait_until(&format!(
            "return document.querySelector('.results .kaart')._skMap.getZoom() > {before} \
               || !!document.querySelector('.results .kaart')._skLayer._spiderfied;"
        ))
        .await;
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn on_a_phone_the_first_result_is_within_one_and_a_half_screens_after_a_search() {
    let app = TestApp::demo(Backend::Sqlite).await;
    let browser = Browser::start(true).await;
    browser.set_size(390, 844).await;
    browser.goto_hydrated(&app.url("/")).await;

    search_with_the_form(&browser, "voetbal", "3454").await;
    browser.wait_for(".offer-card").await;

    let (top, screen) = (
        browser
            .execute("return document.querySelector('.offer-card').getBoundingClientRect().top + window.scrollY;")
            .await,
        browser.execute("return window.innerHeight;").await,
    );
    assert!(
        top.as_f64().unwrap() < 1.5 * screen.as_f64().unwrap(),
        "first result at {top} px on a screen of {screen} px"
    );
    assert_eq!(
        browser
            .execute("return document.documentElement.scrollWidth <= document.documentElement.clientWidth;")
            .await,
        true
    );
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn on_a_phone_a_filter_keeps_the_page_at_the_results_and_its_chip_takes_it_off() {
    let app = TestApp::demo(Backend::Sqlite).await;
    let browser = Browser::start(true).await;
    browser.set_size(390, 844).await;
    browser
        .goto_hydrated(&app.url("/?q=voetbal&waar=3454"))
        .await;
    let facets = browser.wait_for(".facets").await;
    assert!(
        !browser.is_displayed(&facets).await,
        "filters are folded on a phone"
    );

    browser
        .click(&browser.wait_for(".filters > summary").await)
        .await;
    browser
        .click(&browser.wait_for(".facets a[href*='gratis=ja']").await)
        .await;
    browser
        .wait_until("return location.search.includes('gratis=ja') && !!document.querySelector('.active-filters a.chip-on') && !!document.querySelector('.offer-card');")
        .await;
    let at = browser
        .execute("return [window.scrollY, document.getElementById('resultaten').getBoundingClientRect().top];")
        .await;
    assert!(
        at[0].as_f64().unwrap() > 100.0 && at[1].as_f64().unwrap().abs() < 100.0,
        "the page stays at the results: {at}"
    );
    assert!(browser
        .text(&browser.wait_for(".filters > summary").await)
        .await
        .contains("Filters (1)"));

    browser
        .click(&browser.wait_for(".active-filters a.chip-on").await)
        .await;
    browser
        .wait_until("return !location.search.includes('gratis') && !document.querySelector('.active-filters') && !!document.querySelector('.offer-card');")
        .await;
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_hydrated_offer_editor_shows_a_preview_without_saving_and_keeps_the_typed_text() {
    let app = TestApp::demo(Backend::Sqlite).await;
    let email = crate::support::fixtures::club_manager(&app).await.email;
    let offer = crate::support::fixtures::club_offer();
    let browser = Browser::start(true).await;
    browser.set_size(390, 844).await;
    crate::support::webdriver::log_in(&browser, &app, &email).await;
    browser
        .goto_hydrated(&app.url(&format!("/beheer/aanbod/{offer}")))
        .await;
    let name = browser.wait_for("#naam").await;
    browser
        .execute("document.querySelector('#naam').value = '';")
        .await;
    browser.type_text(&name, "Voetbal voor iedereen").await;
    browser
        .click(&browser.wait_for("#voorbeeld-knop").await)
        .await;

    let preview = browser.wait_for("#voorbeeld .as-h1").await;
    assert_eq!(browser.text(&preview).await, "Voetbal voor iedereen");
    let kept = browser
        .execute("return document.querySelector('#naam').value;")
        .await;
    assert_eq!(kept, "Voetbal voor iedereen", "the field keeps the text");
    let inert = browser
        .execute("return document.querySelector('#voorbeeld .preview-page').inert;")
        .await;
    assert_eq!(inert, true, "nothing in the preview can be tapped");
    browser
        .screenshot(&crate::support::artifacts_dir().join("offer-preview-phone.png"))
        .await;
    browser.close().await;
    let public = app.get(&format!("/aanbod/{offer}")).await.1;
    assert!(
        !public.contains("Voetbal voor iedereen"),
        "a preview saves nothing"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn going_back_from_a_result_shows_the_results_where_the_person_left_them_without_a_reload() {
    let (_app, browser) = on_a_phone("/?q=voetbal&waar=3454").await;
    let left_at = browser
        .execute(
            "window.__skMarker = 'kept'; document.querySelectorAll('.offer-card')[4].scrollIntoView(); \
             return window.scrollY;",
        )
        .await;
    assert!(
        left_at.as_f64().unwrap() > 500.0,
        "scrolled down: {left_at}"
    );

    browser
        .execute("document.querySelectorAll('.offer-card h3 a')[4].click(); return true;")
        .await;
    browser
        .wait_until("return location.pathname.startsWith('/aanbod/') && window.scrollY === 0;")
        .await;
    browser.execute("history.back(); return true;").await;
    browser
        .wait_until(&format!(
            "return !!document.getElementById('resultaten-titel') && Math.abs(window.scrollY - {left_at}) < 2;"
        ))
        .await;

    assert_eq!(browser.execute("return window.__skMarker;").await, "kept");
    assert!(browser.current_url().await.contains("q=voetbal"));
    browser.close().await;
}
