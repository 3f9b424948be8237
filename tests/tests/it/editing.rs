//! Self-service editing beyond the offer basics: locations (postcode → wijk at once), more
//! weekly slots, closed periods, languages, places, and needs with the talents that fit.

use leptos::server_fn::ServerFn;

use crate::support::fixtures::{club, club_location, club_offer, offer_fields, other_org};
use crate::support::{client, login_as, on_both_backends, page, post, Backend, TestApp};
use app::auth::Role;

fn day(offset: u64) -> chrono::NaiveDate {
    chrono::Utc::now().date_naive() + chrono::Days::new(offset)
}

on_both_backends! {
    async fn a_moved_location_shows_its_new_wijk_in_the_dashboard_and_on_the_offer_page(backend) {
        let app = TestApp::demo(backend).await;
        let provider = login_as(&app, Role::Provider, None, &[club()]).await;
        let fields = vec![
            ("form[locatie]", club_location().to_string()),
            ("form[naam]", "Sportpark Rijnvliet".to_string()),
            ("form[adres]", "Rijnvlietweg 3".to_string()),
            ("form[postcode]", "3453 NA".to_string()),
            ("form[plaats]", "De Meern".to_string()),
            ("form[toegankelijk]", "Rolstoeltoegankelijk, met invalidentoilet".to_string()),
            ("form[bereikbaar]", "Bus 28, halte Rijnvliet".to_string()),
        ];

        let (status, location) = post(&app, app::api::SaveLocation::PATH, &provider, &fields).await;

        assert!((300..400).contains(&status) && location.starts_with("/beheer?bijgewerkt="), "{status} {location}");
        let expected = app::service::places::area("3453").unwrap().label;
        assert!(expected.contains("gemeente Utrecht"), "{expected}");
        let html = page(&app, &location, &provider).await;
        assert!(html.contains("Sportpark Rijnvliet, Rijnvlietweg 3, 3453 NA"), "{html}");
        assert!(html.contains(&expected), "the wijk is shown in the dashboard: {html}");
        let (_, detail) = app.get(&format!("/aanbod/{}", club_offer())).await;
        assert!(detail.contains("Rijnvlietweg 3"), "{detail}");
        assert!(detail.contains("Rolstoeltoegankelijk, met invalidentoilet"));
        let trail = app::db::audit_trail(&app.state.db, "location", &club_location().to_string()).await.unwrap();
        assert_eq!(trail[0].2, "location_changed");
    }

    async fn a_need_written_by_a_provider_reaches_people_with_that_talent_until_it_is_closed(backend) {
        let app = TestApp::demo(backend).await;
        let provider = login_as(&app, Role::Provider, None, &[club()]).await;
        let mut fields = vec![
            ("form[organisatie]", club().to_string()),
            ("form[soort]", "vrijwilliger".to_string()),
            ("form[titel]", "Koks voor de clubkantine".to_string()),
            ("form[beschrijving]", "Op zaterdag tosti's en soep maken voor de teams.".to_string()),
            ("form[talenten][]", "koken".to_string()),
            ("form[tijd]", "Eén zaterdag per maand".to_string()),
            ("form[aantal]", "4".to_string()),
            ("form[aanbod]", club_offer().to_string()),
            ("form[open]", "ja".to_string()),
        ];

        let (status, _) = post(&app, app::api::SaveNeed::PATH, &provider, &fields).await;

        assert!((300..400).contains(&status), "{status}");
        let (_, html) = app.get("/ik-kan-iets?talent=koken&waar=3454").await;
        assert!(html.contains("Koks voor de clubkantine"), "{html}");
        let dashboard = page(&app, "/beheer", &provider).await;
        // The dashboard lists the club's needs; the id of the new one is next to its title.
        let need = dashboard
            .split("data-need=\"")
            .skip(1)
            .find(|chunk| chunk.contains("Koks voor de clubkantine"))
            .map(|chunk| chunk[..36].to_string())
            .expect("the new need is in the dashboard");

        fields.push(("form[vraag]", need.clone()));
        fields.retain(|(k, _)| *k != "form[open]");
        let (status, _) = post(&app, app::api::SaveNeed::PATH, &provider, &fields).await;
        assert!((300..400).contains(&status), "{status}");
        let (_, html) = app.get("/ik-kan-iets?talent=koken&waar=3454").await;
        assert!(!html.contains("Koks voor de clubkantine"), "a closed need is not proposed");
        let trail = app::db::audit_trail(&app.state.db, "need", &need).await.unwrap();
        assert_eq!(trail[0].2, "need_changed");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_offer_with_two_weekly_slots_a_holiday_and_languages_shows_them_and_exports_them_to_hsds(
) {
    let app = TestApp::demo(Backend::Sqlite).await;
    let provider = login_as(&app, Role::Provider, None, &[club()]).await;
    let (from, to) = (day(30), day(44));
    let mut fields = offer_fields(
        &club_offer().to_string(),
        "",
        "Voetballen voor kinderen van 6 tot 12 jaar",
    );
    fields.extend([
        ("form[dag2]", "6".to_string()),
        ("form[van2]", "09:00".to_string()),
        ("form[tot2]", "11:00".to_string()),
        (
            "form[gesloten]",
            format!(
                "{} t/m {} winterstop",
                from.format("%d-%m-%Y"),
                to.format("%d-%m-%Y")
            ),
        ),
        ("form[talen][]", "nl".to_string()),
        ("form[talen][]", "ar".to_string()),
    ]);

    let (status, location) = post(&app, app::api::SaveOffer::PATH, &provider, &fields).await;

    assert!(
        (300..400).contains(&status) && location.starts_with("/beheer"),
        "{location}"
    );
    let (_, html) = app.get(&format!("/aanbod/{}", club_offer())).await;
    for expected in ["woensdag", "zaterdag", "winterstop", "Arabisch", "Gesloten"] {
        assert!(html.contains(expected), "{expected} in {html}");
    }
    let json: serde_json::Value = client()
        .get(app.url(&format!("/hsds/services/{}", club_offer())))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let schedules = json["schedules"].as_array().unwrap();
    assert_eq!(schedules.len(), 3, "two weekly slots and one closed period");
    let closed = schedules.iter().find(|s| s["notes"] == "gesloten").unwrap();
    assert_eq!(closed["valid_from"], from.to_string());
    assert_eq!(closed["valid_to"], to.to_string());
    let editor = page(&app, &format!("/beheer/aanbod/{}", club_offer()), &provider).await;
    assert!(
        editor.contains(&format!("{} t/m", from.format("%d-%m-%Y"))),
        "the editor shows the period as it is written"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_closed_period_written_wrongly_gets_a_dutch_hint_and_keeps_everything_typed() {
    let app = TestApp::demo(Backend::Sqlite).await;
    let provider = login_as(&app, Role::Provider, None, &[club()]).await;
    let mut fields = offer_fields(&club_offer().to_string(), "", "Voetbal in de vakantie");
    fields.extend([
        ("form[gesloten]", "de hele kerstvakantie".to_string()),
        ("form[talen][]", "nl".to_string()),
        ("form[talen][]", "tr".to_string()),
    ]);

    let (_, location) = post(&app, app::api::SaveOffer::PATH, &provider, &fields).await;

    assert!(location.contains("fout=gesloten"), "{location}");
    let html = page(&app, &location, &provider).await;
    assert!(
        html.contains("Schrijf elke periode op een eigen regel"),
        "{html}"
    );
    assert!(html.contains(">de hele kerstvakantie</textarea>"), "{html}");
    assert!(html.contains(r#"value="Voetbal in de vakantie""#));
    let turkish = html.split("value=\"tr\"").nth(1).unwrap_or_default();
    assert!(
        turkish.trim_start().starts_with("checked"),
        "Turkish stays ticked"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn places_and_waiting_list_are_set_in_one_click_and_bad_numbers_are_refused() {
    let app = TestApp::demo(Backend::Sqlite).await;
    let provider = login_as(&app, Role::Provider, None, &[club()]).await;
    let offer = club_offer().to_string();

    let (_, location) = post(
        &app,
        app::api::SetWaitingList::PATH,
        &provider,
        &[
            ("aanbod", offer.clone()),
            ("plaatsen", "150".into()),
            ("wachtlijst", "10".into()),
        ],
    )
    .await;
    let html = page(&app, &location, &provider).await;
    assert!(
        html.contains(r#"name="plaatsen" min="0" inputmode="numeric" value="150""#),
        "{html}"
    );

    let (_, location) = post(
        &app,
        app::api::SetWaitingList::PATH,
        &provider,
        &[
            ("aanbod", offer),
            ("plaatsen", "-3".into()),
            ("wachtlijst", "10".into()),
        ],
    )
    .await;
    assert!(location.contains("fout=plaatsen"), "{location}");
    let html = page(&app, &location, &provider).await;
    assert!(html.contains("Vul bij plaatsen een aantal in"), "{html}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_postcode_is_placed_while_typing_and_an_unknown_one_is_refused_next_to_the_field() {
    let app = TestApp::demo(Backend::Sqlite).await;
    let provider = login_as(&app, Role::Provider, None, &[other_org()]).await;

    let answer: serde_json::Value = client()
        .post(app.url(app::api::AreaOfPostcode::PATH))
        .form(&[("postcode", "3454 AB")])
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(
        answer["label"]
            .as_str()
            .unwrap()
            .contains("gemeente Utrecht"),
        "{answer}"
    );

    let fields = vec![
        ("form[organisatie]", other_org().to_string()),
        ("form[naam]", "Spreekuur in de bibliotheek".to_string()),
        ("form[adres]", "Kerkplein 1".to_string()),
        ("form[postcode]", "0000 ZZ".to_string()),
        ("form[plaats]", "Utrecht".to_string()),
    ];
    let (_, location) = post(&app, app::api::SaveLocation::PATH, &provider, &fields).await;
    assert!(location.contains("fout=postcode"), "{location}");
    let html = page(&app, &location, &provider).await;
    assert!(html.contains("Deze postcode kennen we niet. Schrijf hem zo: 3454 AB."));
    assert!(html.contains(r#"value="Spreekuur in de bibliotheek""#));
}

on_both_backends! {
    async fn saving_an_offer_unchanged_keeps_its_price_and_both_topics_and_a_new_price_replaces_the_old(backend) {
        use app::service::{offers, Saved};
        let app = TestApp::demo(backend).await;
        let me = crate::support::fixtures::club_manager(&app).await;
        let id = club_offer().to_string();
        // The price lines of the offer page.
        let prices = |html: &str| -> Vec<String> {
            let costs = &html[html.find(">Kosten</dt>").expect("a price")..];
            let costs = &costs[..costs.find("</ul>").unwrap()];
            costs.split("<li>").skip(1).map(|l| l[..l.find("</li>").unwrap()].to_string()).collect()
        };
        let before = app.get(&format!("/aanbod/{id}")).await.1;
        let original = prices(&before);
        assert!(original[0].contains("140,00"), "{original:?}");

        let editor = offers::form(&app.state, &me, &id, "", app::i18n::Lang::Nl).await.unwrap().unwrap();
        assert!(editor.form.kosten.contains("140,00") && editor.form.kosten.contains("Jeugdsportfonds"), "the editor shows the price: {}", editor.form.kosten);
        let saved = offers::save(&app.state, &me, &editor.form).await.unwrap();
        assert!(matches!(saved, Saved::Done(_)), "{saved:?}");

        let after = app.get(&format!("/aanbod/{id}")).await.1;
        assert_eq!(prices(&after), original, "the price as it was, not twice");
        for topic in ["Sport en bewegen", "Opgroeien en opvoeden"] {
            assert!(after.contains(topic), "{topic} kept");
        }

        // The website shows and stays; only http(s) is taken.
        let url = app::db::load_dataset(&app.state.db, Some(&[club_offer()])).await.unwrap().services[0].url.clone();
        assert_eq!(Some(editor.form.website.clone()).filter(|w| !w.is_empty()), url);
        let mut script = editor.form.clone();
        script.website = "javascript:alert(1)".into();
        assert_eq!(offers::save(&app.state, &me, &script).await.unwrap(), Saved::Invalid("website"));
        let mut site = editor.form.clone();
        site.website = "https://voetbal.example/jeugd".into();
        offers::save(&app.state, &me, &site).await.unwrap();
        assert!(app.get(&format!("/aanbod/{id}")).await.1.contains(r#"href="https://voetbal.example/jeugd""#));

        let mut changed = site.clone();
        changed.kosten = "€ 150 per jaar".into();
        offers::save(&app.state, &me, &changed).await.unwrap();
        let after = app.get(&format!("/aanbod/{id}")).await.1;
        assert_eq!(prices(&after), ["€ 150 per jaar"], "the new price replaces the old");
    }
}

on_both_backends! {
    async fn the_editor_shows_and_changes_every_topic_and_refuses_an_offer_nobody_can_be_asked_about(backend) {
        use app::service::{offers, Saved};
        let app = TestApp::demo(backend).await;
        let me = crate::support::fixtures::club_manager(&app).await;
        let id = club_offer().to_string();
        let editor = offers::form(&app.state, &me, &id, "", app::i18n::Lang::Nl).await.unwrap().unwrap();
        assert_eq!(editor.form.leefgebied, ["bewegen", "opgroeien"], "both topics are shown, ticked");

        // Take one topic off, add two others (one twice): the page says exactly those.
        let mut form = editor.form.clone();
        form.leefgebied = vec!["meedoen".into(), "bewegen".into(), "leren".into(), "meedoen".into()];
        assert!(matches!(offers::save(&app.state, &me, &form).await.unwrap(), Saved::Done(_)));
        let again = offers::form(&app.state, &me, &id, "", app::i18n::Lang::Nl).await.unwrap().unwrap();
        assert_eq!(again.form.leefgebied, ["bewegen", "leren", "meedoen"]);
        let html = app.get(&format!("/aanbod/{id}")).await.1;
        assert!(!html.contains("Opgroeien en opvoeden"), "the topic taken off is gone");
        assert!(html.contains("Taal en leren") && html.contains("Meedoen en contact"));

        for topics in [vec![], vec!["<script>".to_string()]] {
            let mut wrong = again.form.clone();
            wrong.leefgebied = topics;
            assert_eq!(offers::save(&app.state, &me, &wrong).await.unwrap(), Saved::Invalid("leefgebied"));
        }
        let mut unreachable = again.form.clone();
        unreachable.telefoon = " ".into();
        unreachable.email = String::new();
        assert_eq!(
            offers::save(&app.state, &me, &unreachable).await.unwrap(),
            Saved::Invalid("telefoon"),
            "a resident must be able to call or mail"
        );
        unreachable.email = "jeugd@vvdemeern.example".into();
        assert!(matches!(offers::save(&app.state, &me, &unreachable).await.unwrap(), Saved::Done(_)));
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_preview_shows_the_public_page_of_what_was_typed_and_saves_nothing() {
    let app = TestApp::demo(Backend::Sqlite).await;
    let provider = login_as(&app, Role::Provider, None, &[club()]).await;
    let mut fields = offer_fields(&club_offer().to_string(), "", "Voetbal op woensdagmiddag");
    fields.extend([
        ("form[leefgebied][]", "meedoen".to_string()),
        ("form[binnenlopen]", "ja".to_string()),
        ("stap", "voorbeeld".to_string()),
    ]);

    let (status, location) = post(&app, app::api::SaveOffer::PATH, &provider, &fields).await;

    assert!((300..400).contains(&status), "{status}");
    assert!(
        location.contains("voorbeeld=ja")
            && location.ends_with("#voorbeeld")
            && !location.contains("fout="),
        "{location}"
    );
    let public = app.get(&format!("/aanbod/{}", club_offer())).await.1;
    assert!(
        !public.contains("Voetbal op woensdagmiddag"),
        "nothing was saved"
    );
    let html = page(&app, &location, &provider).await;
    let preview = &html[html.find(r#"id="voorbeeld""#).expect("a preview")..];
    let preview = &preview[..preview.find("</section>\n").unwrap_or(preview.len())];
    for expected in [
        "Voorbeeld: zo zien bewoners het",
        "Voetbal op woensdagmiddag",
        "Gewoon binnenlopen",
        "Bel 030 000 1201",
        "woensdag",
        "140 euro per jaar",
        "Meedoen",
    ] {
        assert!(preview.contains(expected), "{expected} in {preview}");
    }
    assert!(
        html.contains(" inert"),
        "the preview cannot be clicked into"
    );
    assert!(
        html.contains(r#"value="Voetbal op woensdagmiddag""#),
        "the form keeps what was typed, to save it"
    );

    // A wrong field in a preview goes back as a problem, like a save.
    let mut wrong = fields.clone();
    wrong.retain(|(k, _)| *k != "form[telefoon]");
    let (_, location) = post(&app, app::api::SaveOffer::PATH, &provider, &wrong).await;
    assert!(
        location.contains("fout=telefoon") && !location.contains("voorbeeld=ja"),
        "{location}"
    );
}

on_both_backends! {
    async fn a_location_says_how_to_get_in_and_the_offer_page_and_the_editor_show_it(backend) {
        let app = TestApp::demo(backend).await;
        let provider = login_as(&app, Role::Provider, None, &[club()]).await;
        let mut fields = vec![
            ("form[locatie]", club_location().to_string()),
            ("form[naam]", "Sportpark De Meern".to_string()),
            ("form[adres]", "Zuster Bloemstraat 12".to_string()),
            ("form[postcode]", "3454 AB".to_string()),
            ("form[plaats]", "De Meern".to_string()),
            ("form[toegankelijk]", String::new()),
            ("form[bereikbaar]", String::new()),
            ("form[gelijkvloers]", "ja".to_string()),
            ("form[lift]", "ja".to_string()),
            ("form[ophalen]", "ja".to_string()),
        ];
        let (_, location) = post(&app, app::api::SaveLocation::PATH, &provider, &fields).await;
        assert!(location.starts_with("/beheer?bijgewerkt="), "{location}");
        let (_, detail) = app.get(&format!("/aanbod/{}", club_offer())).await;
        assert!(detail.contains("Gelijkvloers · lift · ophalen mogelijk"), "{detail}");
        let editor = page(&app, &format!("/beheer/locatie/{}", club_location()), &provider).await;
        assert!(editor.contains(r#"value="ja" selected"#), "the editor shows it: {editor}");

        fields[7].1 = "misschien".into();
        let (_, location) = post(&app, app::api::SaveLocation::PATH, &provider, &fields).await;
        assert!(location.contains("fout=gelijkvloers"), "{location}");
    }
}
