//! Where the signalen come from besides trajecten: searches that found nothing (counted
//! without text), talents nobody asks for, waiting lists and roles left open; and the public
//! "gevraagd in jouw wijk", which never shows less than 5.

use chrono::NaiveDate;
use uuid::Uuid;

use app::auth::Role;
use app::i18n::Lang;
use app::service::search::{self, Place, Question};
use app::service::signals;
use app::signals::Shown;

use crate::support::{actor, client, on_both_backends, page, Backend, Session, TestApp};

const DE_MEERN: &str = "WK034410";

/// The stored gap counts: (wijk, pc4, code, word, searches).
async fn gaps(app: &TestApp) -> Vec<(String, String, String, String, i64)> {
    let sql = "SELECT wijk_code, pc4, code, word, CAST(searches AS BIGINT) FROM search_gaps \
        ORDER BY code, word";
    match &app.state.db {
        app::db::Db::Sqlite(p) => sqlx::query_as(sql).fetch_all(p).await.unwrap(),
        app::db::Db::Postgres(p) => sqlx::query_as(sql).fetch_all(p).await.unwrap(),
    }
}

async fn ask_and_count(app: &TestApp, text: &str, place: &str) -> usize {
    let question = Question {
        text: text.into(),
        place: Place::Named(place.into()),
        ..Question::default()
    };
    let answer = search::ask(&app.state, &question, Lang::Nl).await.unwrap();
    search::count_gap(&app.state, &question, &answer).await;
    answer.total
}

fn point(pc4: &str) -> (f64, f64) {
    let place = index::Geocoder::embedded()
        .postcode(&index::Postcode::parse(pc4).unwrap())
        .unwrap();
    (place.lat, place.lon)
}

async fn offer_talent(app: &TestApp, talent: &str, pc4: &str, times: usize) {
    let (lat, lon) = point(pc4);
    for _ in 0..times {
        let entry = app::db::TalentEntryRecord {
            id: Uuid::new_v4(),
            talents: vec![talent.into()],
            age: None,
            postcode: pc4.into(),
            latitude: lat,
            longitude: lon,
            expires_on: chrono::Utc::now().date_naive() + chrono::Days::new(30),
            contact: None,
        };
        app::db::save_talent_entry(&app.state.db, &entry)
            .await
            .unwrap();
    }
}

on_both_backends! {
    async fn a_search_that_found_nothing_adds_one_anonymous_count_and_stores_no_text(backend) {
        let app = TestApp::demo(backend).await;
        // Groningen: the demo has nothing within 10 km.
        let asked = "Huiswerkbegeleiding voor mijn dochter Fatima, 9712 CK";
        assert_eq!(ask_and_count(&app, asked, "9712 CK").await, 0);
        let stored = gaps(&app).await;
        assert!(!stored.is_empty());
        for (wijk, pc4, code, word, _) in &stored {
            assert!(wijk.starts_with("WK0014"), "{wijk}");
            assert_eq!(pc4, "9712", "no postcode finer than PC4");
            for text in [code, word] {
                assert!(!text.contains("Fatima") && !text.contains("CK") && !text.contains("9712"), "{text}");
            }
        }
        let leren = |rows: &[(String, String, String, String, i64)]| {
            rows.iter()
                .find(|r| r.2 == "leefgebied:leren" && r.3 == "huiswerkbegeleiding")
                .map(|r| r.4)
        };
        assert_eq!(leren(&stored), Some(1));
        // Again: the same count goes up; nothing else is kept per search.
        ask_and_count(&app, asked, "9712").await;
        let again = gaps(&app).await;
        assert_eq!(leren(&again), Some(2));
        assert_eq!(again.len(), stored.len(), "counts, not rows per search");
        // A search that finds something, or one without a place, counts nothing.
        assert!(ask_and_count(&app, "voetbal", "3454").await > 0);
        ask_and_count(&app, "huiswerkbegeleiding", "").await;
        assert_eq!(gaps(&app).await, again);
        // Words the list does not know count as a search "without a topic", not as text.
        ask_and_count(&app, "xq zzyzx plof", "9712").await;
        let rows = gaps(&app).await;
        assert!(rows.iter().any(|r| r.2.is_empty() && r.3.is_empty() && r.4 == 1));
        assert!(rows.iter().all(|r| !r.3.contains("zzyzx")));

        // Five of them make a line on Groningen's dashboard, with the wijk.
        for _ in 0..3 {
            ask_and_count(&app, "huiswerkbegeleiding", "9712").await;
        }
        let coordinator = actor(&app, Role::Coordinator, Some("GM0014"), &[]).await;
        let today = chrono::Utc::now().date_naive();
        let view = signals::dashboard(&app.state, &coordinator, None, "", today).await.unwrap();
        let line = view.search_gaps.iter().find(|s| s.label == "huiswerkbegeleiding").unwrap();
        assert_eq!(line.total, Shown::Exact(5));
        assert_eq!(line.wijken.len(), 1);
        assert_eq!(line.wijken[0].2, 5);
        assert!(view.search_gaps.iter().all(|s| s.label != "dochter"), "two searches: under 5");
        let wijk = &line.wijken[0].0;
        let row = view.wijken.iter().find(|w| &w.wijk_code == wijk).unwrap();
        let leren_column = view.columns.iter().position(|c| c == "leren").unwrap();
        assert_eq!(row.cells[leren_column], Shown::Exact(5), "and in the grid, under leren");
    }

    async fn talents_nobody_nearby_asks_for_are_counted_per_wijk_without_small_numbers(backend) {
        let app = TestApp::demo(backend).await;
        offer_talent(&app, "naaien", "3454", 5).await;
        offer_talent(&app, "naaien", "3512", 4).await;
        offer_talent(&app, "voetbal", "3454", 5).await;
        let coordinator = actor(&app, Role::Coordinator, Some("GM0344"), &[]).await;
        let today = chrono::Utc::now().date_naive();
        let view = signals::dashboard(&app.state, &coordinator, None, "", today).await.unwrap();
        let sewing = view.unused_talents.iter().find(|s| s.code == "naaien").unwrap();
        assert_eq!(sewing.wijken.iter().map(|w| (w.0.as_str(), w.2)).collect::<Vec<_>>(), [(DE_MEERN, 5)]);
        assert_eq!(sewing.total, Shown::AtLeast(5), "9 - 5 would tell the 4 in the Binnenstad");
        // A traject's profile counts too: a fifth person in the Binnenstad who can sew.
        let professional = crate::support::login_as(&app, Role::Professional, Some("GM0344"), &[]).await;
        let (status, location) = crate::support::post(
            &app,
            <app::api::SaveTraject as leptos::server_fn::ServerFn>::PATH,
            &professional,
            &[
                ("form[naam]", "A.".to_string()),
                ("form[leeftijd]", "40".to_string()),
                ("form[waar]", "3512".to_string()),
                ("form[talenten][]", "naaien".to_string()),
                ("form[netwerk]", String::new()),
            ],
        )
        .await;
        assert!((300..400).contains(&status), "{status}");
        let view = signals::dashboard(&app.state, &coordinator, None, "", today).await.unwrap();
        let sewing = view.unused_talents.iter().find(|s| s.code == "naaien").unwrap();
        assert_eq!(sewing.total, Shown::Exact(10), "5 and 5, nothing hidden");
        assert_eq!(sewing.wijken.len(), 2);
        assert!(
            view.unused_talents
                .iter()
                .filter(|s| s.code == "voetbal")
                .all(|s| s.wijken.iter().all(|w| w.0 != DE_MEERN)),
            "the club in De Meern asks for football trainers"
        );
        // A member of that household who can sew counts as well.
        let traject: Uuid = location
            .strip_prefix("/wijkteam/traject/")
            .and_then(|rest| rest.get(..36))
            .and_then(|id| id.parse().ok())
            .unwrap_or_else(|| panic!("{location}"));
        crate::household::add_member(&app, &professional, traject, &[
            ("form[naam]", "B."), ("form[leeftijd]", "17"), ("form[rol]", "kind"),
            ("form[talenten][]", "naaien"),
        ]).await;
        let view = signals::dashboard(&app.state, &coordinator, None, "", today).await.unwrap();
        let sewing = view.unused_talents.iter().find(|s| s.code == "naaien").unwrap();
        assert_eq!(sewing.total, Shown::Exact(11), "5 and 6");
    }

    async fn waiting_lists_and_roles_open_for_over_sixty_days_are_counted_per_wijk(backend) {
        let app = TestApp::demo(backend).await;
        let coordinator = actor(&app, Role::Coordinator, Some("GM0344"), &[]).await;
        let today = chrono::Utc::now().date_naive();
        let meern = |view: &app::signals::SignalsView| {
            view.wijken.iter().find(|w| w.wijk_code == DE_MEERN).cloned().unwrap()
        };
        let view = signals::dashboard(&app.state, &coordinator, None, "", today).await.unwrap();
        let waiting = |s: Shown| match s {
            Shown::Exact(n) => n,
            other => panic!("{other:?}"),
        };
        let before = waiting(meern(&view).waiting_list);
        assert!(before >= 34, "the club's own 34 children are in De Meern: {before}");
        let old = chrono::Utc::now() - chrono::Duration::days(app::service::signals::OLD_ROLE_DAYS);
        let open_long = app::db::roles_open_since(&app.state.db, DE_MEERN, old).await.unwrap();
        assert!(open_long.is_empty(), "the demo's roles are new: {open_long:?}");
        // The club's trainer role has been open for 90 days; the club's list is cleared.
        let long_ago = chrono::Utc::now() - chrono::Duration::days(90);
        let role = crate::referrals::trainer_role();
        let offer = crate::support::fixtures::club_offer();
        match &app.state.db {
            app::db::Db::Sqlite(p) => {
                sqlx::query("UPDATE needs SET created_at = $1 WHERE id = $2").bind(long_ago).bind(role).execute(p).await.unwrap();
                sqlx::query("UPDATE services SET waiting_list = 0 WHERE id = $1").bind(offer).execute(p).await.unwrap();
            }
            app::db::Db::Postgres(p) => {
                sqlx::query("UPDATE needs SET created_at = $1 WHERE id = $2").bind(long_ago).bind(role).execute(p).await.unwrap();
                sqlx::query("UPDATE services SET waiting_list = 0 WHERE id = $1").bind(offer).execute(p).await.unwrap();
            }
        }
        let open_long = app::db::roles_open_since(&app.state.db, DE_MEERN, old).await.unwrap();
        assert_eq!(open_long, vec![(DE_MEERN.to_string(), 1)]);
        let after = signals::dashboard(&app.state, &coordinator, None, "", today).await.unwrap();
        assert_eq!(meern(&after).old_roles, Shown::Few, "one role reads <5");
        assert_eq!(Shown::of(before - 34), meern(&after).waiting_list);
    }
}

fn last_quarter_day() -> NaiveDate {
    let q = signals::Quarter::of(chrono::Utc::now().date_naive()).previous();
    q.first() + chrono::Days::new(10)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn gevraagd_in_jouw_wijk_shows_only_what_came_up_five_times_in_bands() {
    let app = TestApp::demo(Backend::Sqlite).await;
    let on = last_quarter_day();
    let p = match &app.state.db {
        app::db::Db::Sqlite(p) => p.clone(),
        app::db::Db::Postgres(_) => unreachable!(),
    };
    for (code, word, n) in [
        ("leefgebied:leren", "huiswerkbegeleiding", 7),
        ("leefgebied:bewegen", "zwemmen", 4),
    ] {
        sqlx::query(
            "INSERT INTO search_gaps (day, wijk_code, pc4, code, word, searches) \
             VALUES ($1, $2, '3454', $3, $4, $5)",
        )
        .bind(on)
        .bind(DE_MEERN)
        .bind(code)
        .bind(word)
        .bind(n)
        .execute(&p)
        .await
        .unwrap();
    }
    offer_talent(&app, "naaien", "3454", 12).await;
    let html = page(&app, "/gevraagd?waar=3454", &Session::anonymous()).await;
    assert!(html.contains("Gevraagd in Vleuten-De Meern"), "{html}");
    assert!(html.contains("huiswerkbegeleiding") && html.contains("5-9 keer"));
    assert!(html.contains("10-24 keer"), "twelve people can sew");
    assert!(
        !html.contains("zwemmen"),
        "four searches are not shown at all"
    );
    assert!(
        !html.contains(">7<") && !html.contains(" 7 keer"),
        "no exact numbers"
    );
    assert!(html.contains("href=\"/?wijk=WK034410&amp;leefgebied=leren\""));
    let wrong = client()
        .get(app.url("/gevraagd?waar=Nergensdorp"))
        .send()
        .await
        .unwrap();
    assert_eq!(wrong.status().as_u16(), 400);
    assert!(wrong.text().await.unwrap().contains("id=\"probleem\""));
    let empty = client().get(app.url("/gevraagd")).send().await.unwrap();
    assert_eq!(empty.status().as_u16(), 200);
}
