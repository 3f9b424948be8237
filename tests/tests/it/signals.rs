//! Signalen for the gemeente: counts per wijk and quarter from the anonymous signals, where a
//! count under 5 never shows exactly, nor through a change between quarters.

use chrono::NaiveDate;
use uuid::Uuid;

use app::auth::Role;
use app::service::signals;
use app::signals::Shown;
use app::Error;

use crate::support::{actor, login_as, on_both_backends, page, Backend, TestApp};

const DE_MEERN: &str = "WK034410";
const BINNENSTAD: &str = "WK034406";
const ELSEWHERE: &str = "WK036301";

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

/// `n` anonymous signals as the product records them (about meedoen).
async fn record(
    app: &TestApp,
    n: usize,
    kind: &str,
    wijk: &str,
    reason: &str,
    days: Option<i32>,
    on: &str,
) {
    record_about(app, n, kind, wijk, "meedoen", reason, days, on).await
}

/// `n` anonymous signals about one leefgebied.
#[allow(clippy::too_many_arguments)]
async fn record_about(
    app: &TestApp,
    n: usize,
    kind: &str,
    wijk: &str,
    leefgebied: &str,
    reason: &str,
    days: Option<i32>,
    on: &str,
) {
    let sql = "INSERT INTO signals (id, kind, wijk_code, leefgebied, reason, days, day) \
        VALUES ($1, $2, $3, $7, $4, $5, $6)";
    for _ in 0..n {
        match &app.state.db {
            app::db::Db::Sqlite(p) => {
                sqlx::query(sql)
                    .bind(Uuid::new_v4())
                    .bind(kind)
                    .bind(wijk)
                    .bind(reason)
                    .bind(days)
                    .bind(day(on))
                    .bind(leefgebied)
                    .execute(p)
                    .await
                    .unwrap();
            }
            app::db::Db::Postgres(p) => {
                sqlx::query(sql)
                    .bind(Uuid::new_v4())
                    .bind(kind)
                    .bind(wijk)
                    .bind(reason)
                    .bind(days)
                    .bind(day(on))
                    .bind(leefgebied)
                    .execute(p)
                    .await
                    .unwrap();
            }
        }
    }
}

/// One wijk of an `/api/v1/signals` answer.
fn wijk_in<'a>(body: &'a serde_json::Value, code: &str) -> &'a serde_json::Value {
    body["wijken"]
        .as_array()
        .unwrap()
        .iter()
        .find(|w| w["wijk_code"] == code)
        .unwrap()
}

async fn the_demo_signals(app: &TestApp) {
    record(app, 8, "geen-aanbod", DE_MEERN, "", None, "2026-11-02").await;
    record(app, 6, "geen-aanbod", DE_MEERN, "", None, "2026-08-14").await;
    record(app, 4, "geen-aanbod", BINNENSTAD, "", None, "2026-10-20").await;
    record(app, 7, "geen-aanbod", BINNENSTAD, "", None, "2026-07-01").await;
    record(app, 9, "geen-aanbod", ELSEWHERE, "", None, "2026-11-02").await;
    record(app, 5, "afgewezen", DE_MEERN, "vol", None, "2026-12-01").await;
    record(
        app,
        2,
        "afgewezen",
        DE_MEERN,
        "niet passend",
        None,
        "2026-12-01",
    )
    .await;
    for days in [1, 2, 3, 4, 10] {
        record(app, 1, "wachttijd", DE_MEERN, "", Some(days), "2026-11-20").await;
    }
    for days in [30, 40, 50] {
        record(
            app,
            1,
            "wachttijd",
            BINNENSTAD,
            "",
            Some(days),
            "2026-11-20",
        )
        .await;
    }
}

on_both_backends! {
    async fn the_gemeente_sees_unmet_need_per_wijk_and_never_a_count_under_five(backend) {
        let app = TestApp::demo(backend).await;
        the_demo_signals(&app).await;
        let state = &app.state;
        let today = day("2026-12-02");
        let coordinator = actor(&app, Role::Coordinator, Some("GM0344"), &[]).await;

        let now = signals::dashboard(state, &coordinator, None, "", today).await.unwrap();
        assert_eq!(now.period.0, "2026-K4");
        assert_eq!((now.previous.as_str(), now.next.as_deref()), ("2026-K3", None));
        assert_eq!(now.periods.first().map(String::as_str), Some("2026-K4"));
        let codes: Vec<&str> = now.wijken.iter().map(|w| w.wijk_code.as_str()).collect();
        assert_eq!(codes[0], DE_MEERN, "most unmet need first");
        assert_eq!(codes.len(), 10, "every wijk of Utrecht, also those without a count");
        assert!(!codes.contains(&ELSEWHERE), "only this gemeente");
        let centre = now.wijken.iter().find(|w| w.wijk_code == BINNENSTAD).unwrap();
        let meern = &now.wijken[0];
        assert_eq!(meern.no_offer, Shown::Exact(8));
        let meedoen = now.columns.iter().position(|c| c == "meedoen").unwrap();
        assert_eq!(meern.cells[meedoen], Shown::Exact(8));
        assert_eq!(meern.no_offer_change, Some(2), "8 now, 6 before");
        assert_eq!((meern.refused_full, meern.refused_unfit), (Shown::Exact(5), Shown::Few));
        assert_eq!(meern.waiting_days, Some((3, 10)));
        assert_eq!(meern.level, 4, "the darkest on the map");
        assert_eq!(centre.no_offer, Shown::Few);
        assert_eq!(centre.level, 0);
        assert_eq!(centre.no_offer_change, None, "7 before and <5 now would reveal the 4");
        assert_eq!(centre.waiting_days, None, "three waits are too few to describe");

        let before = signals::dashboard(state, &coordinator, None, "2026-K3", today).await.unwrap();
        assert_eq!(before.next.as_deref(), Some("2026-K4"));
        assert_eq!(before.wijken[0].wijk_code, BINNENSTAD, "7 then, more than De Meern's 6");
        assert_eq!(before.wijken[0].no_offer, Shown::Exact(7));
        let future = signals::dashboard(state, &coordinator, None, "2027-K1", today).await.unwrap();
        assert_eq!(future.period.0, "2026-K4", "a quarter that has not begun shows the current one");

        let amsterdam = actor(&app, Role::Coordinator, Some("GM0363"), &[]).await;
        let other = signals::dashboard(state, &amsterdam, Some("GM0344"), "", today).await.unwrap();
        assert_eq!(other.gemeente, "GM0363", "a coordinator sees their own gemeente only");
        assert_eq!(other.wijken[0].wijk_code, ELSEWHERE);
        assert!(other.wijken.iter().all(|w| w.wijk_code.starts_with("WK0363")));
        assert!(other.gemeenten.is_empty(), "only admins choose a gemeente");
        for wrong in [Role::Provider, Role::Professional] {
            let me = actor(&app, wrong, Some("GM0344"), &[]).await;
            assert!(matches!(signals::dashboard(state, &me, None, "", today).await, Err(Error::Forbidden)));
        }
        // An admin without a gemeente sees the one with the most places, and can choose.
        let admin = actor(&app, Role::Admin, None, &[]).await;
        let chosen = signals::dashboard(state, &admin, None, "", today).await.unwrap();
        assert_eq!(chosen.gemeente, "GM0344");
        assert!(chosen.gemeenten.contains(&("GM0344".to_string(), "Utrecht".to_string())));
        assert_eq!(signals::dashboard(state, &admin, Some("GM0363"), "", today).await.unwrap().wijken[0].wijk_code, ELSEWHERE);
        assert!(matches!(
            signals::dashboard(state, &admin, Some("Utrecht"), "", today).await,
            Err(Error::Invalid(_))
        ));
    }

    async fn a_small_cell_never_shows_through_the_total_beside_it(backend) {
        let app = TestApp::demo(backend).await;
        let today = day("2026-12-02");
        record_about(&app, 7, "geen-aanbod", DE_MEERN, "meedoen", "", None, "2026-11-02").await;
        record_about(&app, 4, "geen-aanbod", DE_MEERN, "geldzaken", "", None, "2026-11-03").await;
        record_about(&app, 6, "geen-aanbod", BINNENSTAD, "meedoen", "", None, "2026-11-02").await;
        record_about(&app, 6, "geen-aanbod", BINNENSTAD, "wonen", "", None, "2026-11-02").await;
        let coordinator = actor(&app, Role::Coordinator, Some("GM0344"), &[]).await;
        let view = signals::dashboard(&app.state, &coordinator, None, "2026-K4", today).await.unwrap();
        let column = |code: &str| view.columns.iter().position(|c| c == code).unwrap();
        let meern = view.wijken.iter().find(|w| w.wijk_code == DE_MEERN).unwrap();
        assert_eq!(meern.cells[column("meedoen")], Shown::Exact(7));
        assert_eq!(meern.cells[column("geldzaken")], Shown::Few);
        assert_eq!(meern.no_offer, Shown::AtLeast(7), "11 - 7 would tell the 4");
        assert_eq!(meern.no_offer.text(), "≥ 7");
        let centre = view.wijken.iter().find(|w| w.wijk_code == BINNENSTAD).unwrap();
        assert_eq!(centre.no_offer, Shown::Exact(12), "two exact cells and zeros: exact");
        assert_eq!(view.wijken[0].wijk_code, BINNENSTAD, "12 before at least 7");
        // Every line of the spreadsheet shows the same: <5 or ≥ 7, never 4 or 11.
        let lines = view.lines();
        let find = |wijk: &str, topic: &str| {
            lines
                .iter()
                .find(|l| l[1] == wijk && l[3] == "geen passend aanbod" && l[4] == topic)
                .map(|l| l[5].clone())
                .unwrap()
        };
        assert_eq!(find(DE_MEERN, "geldzaken"), "<5");
        assert_eq!(find(DE_MEERN, ""), "≥ 7");
        assert!(
            lines
                .iter()
                .filter(|l| l[3] == "geen passend aanbod")
                .all(|l| l[5] != "4" && l[5] != "11"),
            "{lines:?}"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_signals_page_shows_the_table_without_javascript_to_coordinators_only() {
    let app = TestApp::demo(Backend::Sqlite).await;
    let this_quarter = app::service::signals::Quarter::of(chrono::Utc::now().date_naive());
    let first = this_quarter.first().to_string();
    record(&app, 6, "geen-aanbod", DE_MEERN, "", None, &first).await;
    record(&app, 3, "onbeantwoord", DE_MEERN, "", None, &first).await;
    let coordinator = login_as(&app, Role::Coordinator, Some("GM0344"), &[]).await;
    let html = page(&app, "/beheer/signalen", &coordinator).await;
    assert!(html.contains("id=\"signalen\""), "the table");
    assert!(html.contains("id=\"raster\""), "the wijk × leefgebied grid");
    assert!(html.contains("Vleuten-De Meern"), "wijken by name");
    assert!(
        html.contains(">6</a></td>") && html.contains("<td>&lt;5</td>"),
        "exact from 5, else <5"
    );
    assert!(
        html.contains("href=\"/?wijk=WK034410&amp;leefgebied=meedoen\""),
        "a cell leads to the offers there"
    );
    assert!(html.contains("id=\"top-wijken\"") && html.contains("id=\"signalen-kaart\""));
    assert!(html.contains("data-levels=\"{"), "the map's shades");
    // The period chooser is a plain GET form.
    assert!(html.contains("<form method=\"get\" action=\"/beheer/signalen\""));
    // The spreadsheet, for the same people.
    let csv = crate::support::client()
        .get(app.url("/beheer/signalen.csv"))
        .header("cookie", &coordinator.cookies)
        .send()
        .await
        .unwrap();
    assert_eq!(csv.status().as_u16(), 200);
    assert!(csv
        .headers()
        .get("content-disposition")
        .is_some_and(|v| v.to_str().unwrap().contains("signalen-GM0344-")));
    let csv = csv.text().await.unwrap();
    assert!(
        csv.contains(";WK034410;Vleuten-De Meern;geen passend aanbod;meedoen;6"),
        "{csv}"
    );
    assert!(
        csv.contains(";WK034410;Vleuten-De Meern;hulp onbeantwoord;;<5"),
        "{csv}"
    );
    let anonymous_csv = crate::support::client()
        .get(app.url("/beheer/signalen.csv"))
        .send()
        .await
        .unwrap();
    assert_eq!(anonymous_csv.status().as_u16(), 401);
    let visitor = crate::support::client()
        .get(app.url("/beheer/signalen"))
        .send()
        .await
        .unwrap();
    assert_eq!(visitor.status().as_u16(), 302);
    let provider = login_as(&app, Role::Provider, None, &[]).await;
    let refused = crate::support::client()
        .get(app.url("/beheer/signalen"))
        .header("cookie", &provider.cookies)
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status().as_u16(), 403);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_gemeente_reads_its_signals_over_the_api_with_a_coordinator_token() {
    let app = TestApp::demo(Backend::Sqlite).await;
    the_demo_signals(&app).await;
    let get = |token: Option<String>| {
        let app = &app;
        async move {
            let mut request =
                crate::support::client().get(app.url("/api/v1/signals?periode=2026-K4"));
            if let Some(token) = token {
                request = request.header("authorization", format!("Bearer {token}"));
            }
            let response = request.send().await.unwrap();
            let status = response.status().as_u16();
            (
                status,
                response
                    .json::<serde_json::Value>()
                    .await
                    .unwrap_or_default(),
            )
        }
    };
    assert_eq!(get(None).await.0, 401);
    let provider = crate::support::api_token(&app, Role::Provider, None, &[]).await;
    assert_eq!(get(Some(provider)).await.0, 403);
    let coordinator = crate::support::api_token(&app, Role::Coordinator, Some("GM0344"), &[]).await;
    let (status, body) = get(Some(coordinator)).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["period"]["name"], "2026-K4");
    let meern = &body["wijken"][0];
    assert_eq!(meern["wijk_code"], DE_MEERN);
    assert_eq!(meern["no_offer"], 8);
    assert_eq!(
        meern["refused"]["niet passend"], "<5",
        "never a small number"
    );
    let centre = wijk_in(&body, BINNENSTAD);
    assert_eq!(centre["no_offer"], "<5");
    assert!(centre["no_offer_change"].is_null());
    assert_eq!(meern["no_offer_by_leefgebied"]["meedoen"], 8);
    assert_eq!(meern["no_offer_by_leefgebied"]["geldzaken"], "<5");
    assert!(!body.to_string().contains(ELSEWHERE));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_utrecht_demo_shows_a_coordinator_where_need_goes_unmet_what_waits_and_what_blocks() {
    let app = TestApp::spawn_with(Backend::Sqlite, true, |c| c.demo_signals = true).await;
    let today = chrono::Utc::now().date_naive();
    let coordinator = actor(&app, Role::Coordinator, Some("GM0344"), &[]).await;
    let view = signals::dashboard(&app.state, &coordinator, None, "", today)
        .await
        .unwrap();
    let top: Vec<&str> = view.wijken[..3]
        .iter()
        .map(|w| w.wijk_code.as_str())
        .collect();
    assert_eq!(
        top,
        ["WK034403", "WK034408", "WK034402"],
        "Overvecht, Zuidwest, Noordwest"
    );
    assert!(
        view.unused_talents
            .iter()
            .any(|s| s.code == "muziek" && s.wijken.iter().any(|w| w.0 == "WK034403" && w.2 >= 6)),
        "{:?}",
        view.unused_talents
    );
    assert_eq!(view.knelpunten[0].rule, "kostendelersnorm");
    assert_eq!(view.knelpunten[0].this_quarter, Shown::Exact(5));
    assert!(view
        .search_gaps
        .iter()
        .any(|s| s.label == "huiswerkbegeleiding" && s.total == Shown::Exact(12)));
    // Loading the demo again adds nothing twice.
    server::demo::seed_signals(&app.state, today).await.unwrap();
    let again = signals::dashboard(&app.state, &coordinator, None, "", today)
        .await
        .unwrap();
    assert_eq!(again.wijken, view.wijken);
    assert_eq!(again.knelpunten.len(), view.knelpunten.len());
    assert_eq!(
        again.knelpunten[0].items.len(),
        view.knelpunten[0].items.len()
    );
    // One screen: the three lists and the map come first on the page.
    let session = login_as(&app, Role::Coordinator, Some("GM0344"), &[]).await;
    let html = page(&app, "/beheer/signalen", &session).await;
    let at = |id: &str| html.find(&format!("id=\"{id}\"")).unwrap_or(usize::MAX);
    assert!(at("top-wijken") < at("raster") && at("top-talenten") < at("raster"));
    assert!(at("top-knelpunten") < at("raster") && at("signalen-kaart") < at("raster"));
    // What a gemeente solved is public; the case is not.
    let public = page(
        &app,
        "/wat-we-oplosten",
        &crate::support::Session::anonymous(),
    )
    .await;
    assert!(public.contains("briefadres bij het buurtteam") || public.contains("Een briefadres"));
    assert!(!public.contains("zonder vaste woonplek"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_cell_of_four_reads_under_five_on_the_page_in_the_csv_and_in_the_api() {
    let app = TestApp::demo(Backend::Sqlite).await;
    let q = app::service::signals::Quarter::of(chrono::Utc::now().date_naive());
    let first = q.first().to_string();
    record_about(
        &app,
        7,
        "geen-aanbod",
        DE_MEERN,
        "meedoen",
        "",
        None,
        &first,
    )
    .await;
    record_about(
        &app,
        4,
        "geen-aanbod",
        DE_MEERN,
        "geldzaken",
        "",
        None,
        &first,
    )
    .await;
    // The quarter before: 11 in all, so no change between the two may show either.
    let before = q.previous().first().to_string();
    record_about(
        &app,
        11,
        "geen-aanbod",
        DE_MEERN,
        "meedoen",
        "",
        None,
        &before,
    )
    .await;
    let coordinator = login_as(&app, Role::Coordinator, Some("GM0344"), &[]).await;
    let html = page(&app, "/beheer/signalen", &coordinator).await;
    let row = &html[html.find("id=\"wijk-WK034410\"").unwrap()..];
    let row = &row[..row.find("</tr>").unwrap()];
    assert!(row.contains(">≥ 7</a>"), "{row}");
    assert!(
        row.contains(">7</a>") && row.contains(">&lt;5</a>"),
        "{row}"
    );
    assert!(
        !row.contains(">11<") && !row.contains(">4<") && !row.contains("↓"),
        "{row}"
    );
    let csv = page(&app, "/beheer/signalen.csv", &coordinator).await;
    assert!(
        csv.contains("Vleuten-De Meern;geen passend aanbod;geldzaken;<5"),
        "{csv}"
    );
    assert!(
        csv.contains("Vleuten-De Meern;geen passend aanbod;;≥ 7"),
        "{csv}"
    );
    assert!(
        !csv.contains(";11\n") && !csv.contains("geldzaken;4"),
        "{csv}"
    );
    let token = crate::support::api_token(&app, Role::Coordinator, Some("GM0344"), &[]).await;
    let body: serde_json::Value = crate::support::client()
        .get(app.url("/api/v1/signals"))
        .header("authorization", format!("Bearer {token}"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let meern = wijk_in(&body, DE_MEERN);
    assert_eq!(meern["no_offer"], "≥ 7");
    assert_eq!(meern["no_offer_by_leefgebied"]["geldzaken"], "<5");
    assert!(meern["no_offer_change"].is_null());
}
