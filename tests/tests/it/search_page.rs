//! The home page as a plain HTML search (no JavaScript needed).

use crate::support::{on_both_backends, TestApp};

on_both_backends! {
    async fn searching_words_near_a_postcode_lists_nearby_offers_with_distances(backend) {
        let app = TestApp::demo(backend).await;

        let (status, html) = app.get("/?q=voetbal&waar=3454").await;

        assert_eq!(status, 200);
        assert!(html.contains("Voetballen voor kinderen van 6 tot 12 jaar"), "the club in De Meern is found");
        assert!(html.contains("in de buurt van 3454"));
        assert!(html.contains("van je af"), "cards show a distance");
        // The nearest fitting offer comes before anything in another wijk far away.
        // (Only in the list: the wijk filter names Overvecht too.)
        let list = &html[html.find(r#"class="offer-list""#).unwrap()..];
        let de_meern = list.find("Voetballen voor kinderen").unwrap();
        let overvecht = list.find("Overvecht").unwrap_or(usize::MAX);
        assert!(de_meern < overvecht);
    }

    async fn the_search_box_keeps_what_was_typed(backend) {
        let app = TestApp::demo(backend).await;

        let (_, html) = app.get("/?q=taalcafe&waar=3511").await;

        assert!(html.contains(r#"value="taalcafe""#), "the words stay in the box");
        assert!(html.contains(r#"value="3511""#), "the postcode stays in the box");
        assert!(html.contains("Taalcafé"));
    }

    async fn an_unknown_postcode_gets_a_dutch_message_and_a_400(backend) {
        let app = TestApp::demo(backend).await;

        let (status, html) = app.get("/?q=voetbal&waar=1000").await;

        assert_eq!(status, 400);
        assert!(html.contains("We kennen postcode 1000 niet"), "{html}");
    }

    async fn a_malformed_postcode_gets_a_dutch_message_and_a_400(backend) {
        let app = TestApp::demo(backend).await;

        let (status, html) = app.get("/?q=&waar=12").await;

        assert_eq!(status, 400);
        assert!(html.contains("Dit is geen postcode"));
    }

    async fn a_search_without_results_says_so_and_suggests_what_to_do(backend) {
        let app = TestApp::demo(backend).await;

        let (status, html) = app.get("/?q=xylofoonorkest").await;

        assert_eq!(status, 200);
        assert!(html.contains("We vonden niets dat past"));
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_home_page_without_a_search_shows_the_box_and_example_searches() {
    let app = TestApp::demo(crate::support::Backend::Sqlite).await;

    let (status, html) = app.get("/").await;

    assert_eq!(status, 200);
    assert!(html.contains("Wat zoek je?"));
    assert!(html.contains(r#"href="/?q=samen+eten""#));
    assert!(
        !html.contains("resultaten-titel"),
        "no results before a search"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_place_name_works_as_well_as_a_postcode() {
    let app = TestApp::demo(crate::support::Backend::Sqlite).await;

    let (status, html) = app.get("/?q=voetbal&waar=De+Meern").await;

    assert_eq!(status, 200);
    assert!(html.contains("Voetballen voor kinderen van 6 tot 12 jaar"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn very_long_or_odd_input_never_breaks_the_page() {
    let app = TestApp::demo(crate::support::Backend::Sqlite).await;
    let long = "a".repeat(5000);

    for query in [
        format!("/?q={long}"),
        "/?q=%22%3A*(%5B".to_string(),
        "/?q=x&pagina=-3".to_string(),
    ] {
        let (status, _) = app.get(&query).await;
        assert_eq!(status, 200, "{query}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn nothing_found_nearby_points_to_the_whole_city_and_the_nearest_buurtteam() {
    let app = TestApp::demo(crate::support::Backend::Sqlite).await;

    let (status, html) = app.get("/?q=xylofoonorkest&waar=3454").await;

    assert_eq!(status, 200);
    assert!(html.contains("We vonden niets dat past"));
    assert!(
        html.contains(r#"href="/?q=xylofoonorkest#resultaten""#),
        "a search without the postcode"
    );
    let help = &html[html.find(r#"class="empty""#).unwrap()..];
    assert!(help.contains("Inloopspreekuur buurtteam"), "a buurtteam");
    assert!(help.contains("km van je af"), "with its distance");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_home_page_offers_every_leefgebied_and_cards_say_when_it_is_next() {
    let app = TestApp::demo(crate::support::Backend::Sqlite).await;

    let (_, home) = app.get("/").await;
    let (_, results) = app.get("/?leefgebied=bewegen").await;

    assert_eq!(home.matches(r#"href="/?leefgebied="#).count(), 10);
    assert!(
        results.contains("vandaag ") || results.contains("volgende keer: "),
        "cards show the next time"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_map_area_replaces_the_radius_and_keeps_only_offers_inside_it() {
    let app = TestApp::demo(crate::support::Backend::Sqlite).await;

    let (status, html) = app
        .get("/?q=voetbal&waar=3454&gebied=52.0700,5.0300,52.0850,5.0600")
        .await;

    assert_eq!(status, 200);
    assert!(html.contains("in dit deel van de kaart"));
    assert!(html.contains("Voetballen voor kinderen van 6 tot 12 jaar"));
    assert!(!html.contains("Overvecht"), "nothing outside the area");
    assert!(
        html.contains("gebied=52.0700%2C5.0300"),
        "facet links keep the area"
    );
}

/// The first facet link of a parameter in the page (`href="/?...&amp;wijk=..."`).
fn facet_link(html: &str, param: &str) -> Option<String> {
    let nav = &html[html.find(r#"class="facets""#)?..];
    let at = nav.find(&format!("{param}="))?;
    let start = nav[..at].rfind("href=\"")? + 6;
    let end = start + nav[start..].find('"')?;
    Some(nav[start..end].replace("&amp;", "&"))
}

/// "N resultaten" in the heading.
fn total(html: &str) -> usize {
    let heading = &html[html.find(r#"id="resultaten-titel""#).unwrap()..];
    let text = &heading[heading.find('>').unwrap() + 1..];
    text.split_whitespace().next().unwrap().parse().unwrap_or(0)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn wijk_for_whom_and_language_facets_narrow_the_results_and_keep_the_search() {
    let app = TestApp::demo(crate::support::Backend::Sqlite).await;
    let (_, all) = app.get("/?leefgebied=bewegen").await;
    let everything = total(&all);
    assert!(everything > 5, "{everything}");

    for param in ["wijk", "voor", "taal"] {
        let link = facet_link(&all, param).unwrap_or_else(|| panic!("a {param} facet"));
        assert!(
            link.contains("leefgebied=bewegen"),
            "{link} keeps the search"
        );

        let (status, narrowed) = app.get(&link).await;

        assert_eq!(status, 200);
        let n = total(&narrowed);
        assert!(n > 0 && n <= everything, "{param}: {n} of {everything}");
        assert!(
            narrowed.contains(r#"aria-current="true""#),
            "the chosen value is marked"
        );
    }
    let wijk = facet_link(&all, "wijk").unwrap();
    let (_, narrowed) = app.get(&wijk).await;
    assert!(
        total(&narrowed) < everything,
        "one wijk has fewer offers than the city"
    );
}

/// The distances of the cards in list order, in km ("400 m" is 0.4).
fn card_distances(html: &str) -> Vec<f64> {
    let list = &html[html.find(r#"class="offer-list""#).unwrap()..];
    list.split(r#"class="distance">"#)
        .skip(1)
        .map(|rest| {
            let text = &rest[..rest.find(" van je af").unwrap()];
            match text.strip_suffix(" m") {
                Some(m) => m.parse::<f64>().unwrap() / 1000.0,
                None => text
                    .trim_end_matches(" km")
                    .replace(',', ".")
                    .parse()
                    .unwrap(),
            }
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_wijk_name_works_as_a_place() {
    let app = TestApp::demo(crate::support::Backend::Sqlite).await;

    let (status, html) = app.get("/?q=voetbal&waar=Vleuten-De+Meern").await;

    assert_eq!(status, 200, "{html}");
    assert!(html.contains("in de buurt van Vleuten-De Meern"));
    assert!(html.contains("Voetballen voor kinderen van 6 tot 12 jaar"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn nearest_first_orders_the_list_by_distance_and_a_smaller_distance_narrows_it() {
    let app = TestApp::demo(crate::support::Backend::Sqlite).await;

    let (_, best) = app.get("/?q=ouderen&waar=3454").await;
    let (status, nearest) = app.get("/?q=ouderen&waar=3454&volgorde=afstand").await;

    assert_eq!(status, 200);
    let d = card_distances(&nearest);
    assert!(d.len() > 3, "{d:?}");
    assert!(d.windows(2).all(|w| w[0] <= w[1]), "nearest first: {d:?}");
    assert_eq!(
        total(&best),
        total(&nearest),
        "the order changes, not what is found"
    );
    let order = &nearest[nearest.find("Dichtbij eerst").unwrap() - 200..];
    assert!(
        order[..200].contains(r#"aria-current="true""#),
        "the chosen order is marked: {}",
        &order[..220]
    );

    let (_, within_2) = app.get("/?q=ouderen&waar=3454&afstand=2").await;
    assert!(
        total(&within_2) < total(&best),
        "2 km finds less than 10 km"
    );
    assert!(card_distances(&within_2).iter().all(|d| *d <= 2.0));

    // A distance that is not offered, or nearest first without a place, is no error page.
    for odd in [
        "/?q=ouderen&waar=3454&afstand=7000",
        "/?q=ouderen&volgorde=afstand",
    ] {
        let (status, _) = app.get(odd).await;
        assert_eq!(status, 200, "{odd}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn chosen_filters_show_as_chips_that_each_take_one_off_and_every_link_returns_to_the_results()
{
    let app = TestApp::demo(crate::support::Backend::Sqlite).await;

    let (status, html) = app
        .get("/?q=voetbal&waar=3454&gratis=ja&soort=vereniging")
        .await;

    assert_eq!(status, 200);
    assert!(
        html.contains("Filters (2)"),
        "the folded filters say how many are on"
    );
    let chips = &html[html.find(r#"class="active-filters""#).unwrap()..];
    let chips = &chips[..chips.find("</ul>").unwrap()];
    assert!(chips.contains(r#"aria-label="Gratis weghalen""#), "{chips}");
    let gratis_off = chips
        .split("href=\"")
        .skip(1)
        .map(|h| h[..h.find('"').unwrap()].replace("&amp;", "&"))
        .find(|h| !h.contains("gratis=") && h.contains("soort=vereniging"))
        .expect("a chip that takes only 'gratis' off");
    assert!(gratis_off.ends_with("#resultaten"), "{gratis_off}");

    let facet = facet_link(&html, "dag").unwrap();
    assert!(facet.ends_with("#resultaten"), "{facet}");
    assert!(html.contains(r#"id="resultaten""#));

    let (_, fewer) = app.get(&gratis_off).await;
    assert!(fewer.contains("Filters (1)"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_same_activity_at_several_places_shows_once_with_the_other_places_folded_under_it() {
    let app = TestApp::demo(crate::support::Backend::Sqlite).await;

    let (_, html) = app.get("/?q=digicafe&waar=3454").await;

    let list = &html[html.find(r#"class="offer-list""#).unwrap()..];
    let cards = list.matches(r#"<li class="offer-card""#).count();
    let named = list
        .split(r#"<li class="offer-card""#)
        .filter(|card| card.contains("Digicafé: hulp bij computer en telefoon</a></h3>"))
        .count();
    assert_eq!(named, 1, "one card for the activity ({cards} cards)");
    assert!(
        list.contains("Ook op "),
        "the other places are listed under it"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_step_free_filter_shows_only_places_without_steps_with_a_chip_to_take_it_off() {
    let app = TestApp::demo(crate::support::Backend::Sqlite).await;
    let (_, all) = app.get("/?waar=3454").await;
    assert!(all.contains("gelijkvloers=ja"), "the filter is offered");
    let (status, html) = app.get("/?waar=3454&gelijkvloers=ja").await;
    assert_eq!(status, 200);
    assert!(
        html.contains(r#"aria-label="Gelijkvloers weghalen""#),
        "a chip takes it off: {html}"
    );
    let (_, api) = app
        .get_json("/api/v1/search?postcode=3454&step_free=true")
        .await;
    let items = api["items"].as_array().unwrap();
    assert!(!items.is_empty());
    for item in items {
        let id: uuid::Uuid = item["id"].as_str().unwrap().parse().unwrap();
        let data = app::db::load_dataset(&app.state.db, Some(&[id]))
            .await
            .unwrap();
        if let Some(service) = data.services.first() {
            assert!(
                data.locations
                    .iter()
                    .any(|l| service.location_ids.contains(&l.id)
                        && l.access.contains("gelijkvloers=ja")),
                "{} has a place without steps",
                item["name"]
            );
        }
    }
    let (status, body) = app
        .get_json("/api/v1/search?postcode=3454&step_free=soms")
        .await;
    assert_eq!(status, 400, "{body}");
}
