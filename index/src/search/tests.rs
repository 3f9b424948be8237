//! Ranking and filtering tests on small fixture indexes.

use uuid::Uuid;

use super::*;
use crate::LatLon;

fn at(lat: f64, lon: f64) -> LatLon {
    LatLon::parse(lat, lon).unwrap()
}

fn doc(name: &str, lat: f64, lon: f64) -> OfferDoc {
    OfferDoc {
        offer_id: Uuid::new_v4(),
        location_id: Some(Uuid::new_v4()),
        name: name.into(),
        description: String::new(),
        organisation: "Stichting Test".into(),
        lat: Some(lat),
        lon: Some(lon),
        ..OfferDoc::example()
    }
}

fn index_of(docs: Vec<OfferDoc>) -> SearchIndex {
    let index = SearchIndex::in_ram().unwrap();
    index.replace_all(docs, None).unwrap();
    index
}

fn ids(results: &SearchResults) -> Vec<Uuid> {
    results.hits.iter().map(|h| h.offer_id).collect()
}

const DE_MEERN: (f64, f64) = (52.078, 5.044);

#[test]
fn the_nearer_of_two_equal_matches_comes_first() {
    let far = doc("Koor", 52.10, 5.12);
    let near = doc("Koor", 52.079, 5.045);
    let index = index_of(vec![far.clone(), near.clone()]);

    let found = index
        .search(&SearchRequest::text("koor").near(at(DE_MEERN.0, DE_MEERN.1), 20.0))
        .unwrap();

    assert_eq!(ids(&found), vec![near.offer_id, far.offer_id]);
}

#[test]
fn a_synonym_finds_the_other_word() {
    let buurthuis = doc("Buurthuis De Boog", 52.08, 5.1);
    let index = index_of(vec![buurthuis.clone(), doc("Judoschool", 52.08, 5.1)]);

    for query in ["wijkcentrum", "buurtcentrum", "community centre"] {
        let found = index.search(&SearchRequest::text(query)).unwrap();
        assert_eq!(ids(&found), vec![buurthuis.offer_id], "{query}");
    }
}

#[test]
fn a_phrase_synonym_finds_its_group() {
    let help = OfferDoc {
        description: "Hulp voor wie laaggeletterd is.".into(),
        ..doc("Spreekuur", 52.08, 5.1)
    };
    let index = index_of(vec![help.clone(), doc("Koor", 52.08, 5.1)]);

    let found = index
        .search(&SearchRequest::text("ik kan slecht lezen"))
        .unwrap();

    assert_eq!(ids(&found), vec![help.offer_id]);
}

#[test]
fn a_typo_finds_the_word() {
    let club = doc("Voetbalvereniging", 52.08, 5.1);
    let cafe = doc("Taalcafé", 52.08, 5.1);
    let index = index_of(vec![club.clone(), cafe.clone()]);

    assert_eq!(
        ids(&index
            .search(&SearchRequest::text("voetbalvereneging"))
            .unwrap()),
        vec![club.offer_id]
    );
    assert_eq!(
        ids(&index.search(&SearchRequest::text("taalcafee")).unwrap()),
        vec![cafe.offer_id]
    );
}

#[test]
fn a_prefix_finds_the_word_as_you_type() {
    let cafe = doc("Taalcafé", 52.08, 5.1);
    let index = index_of(vec![cafe.clone(), doc("Koor", 52.08, 5.1)]);

    assert_eq!(
        ids(&index.search(&SearchRequest::text("taalc")).unwrap()),
        vec![cafe.offer_id]
    );
}

#[test]
fn an_inactive_offer_never_appears_unless_asked() {
    let closed = OfferDoc {
        status: "temporarily closed".into(),
        ..doc("Koor", 52.08, 5.1)
    };
    let stopped = OfferDoc {
        status: "inactive".into(),
        ..doc("Koor", 52.08, 5.1)
    };
    let index = index_of(vec![closed, stopped]);

    assert_eq!(index.search(&SearchRequest::text("koor")).unwrap().total, 0);
    assert_eq!(index.search(&SearchRequest::text("")).unwrap().total, 0);
    let mut asked = SearchRequest::text("koor");
    asked.filters.include_inactive = true;
    assert_eq!(index.search(&asked).unwrap().total, 2);
}

#[test]
fn the_age_filter_is_exact_at_both_ends() {
    let kids = OfferDoc {
        min_age: Some(6),
        max_age: Some(12),
        ..doc("Voetbal", 52.08, 5.1)
    };
    let everyone = doc("Voetbal", 52.08, 5.1);
    let index = index_of(vec![kids.clone(), everyone.clone()]);
    let with_age = |age| {
        let mut r = SearchRequest::text("voetbal");
        r.filters.age = Some(age);
        index.search(&r).unwrap().total
    };

    assert_eq!(with_age(5), 1);
    assert_eq!(with_age(6), 2);
    assert_eq!(with_age(12), 2);
    assert_eq!(with_age(13), 1);
}

#[test]
fn the_free_filter_is_exact() {
    let free = doc("Koor", 52.08, 5.1);
    let paid = OfferDoc {
        free: false,
        ..doc("Koor", 52.08, 5.1)
    };
    let index = index_of(vec![free.clone(), paid]);
    let mut r = SearchRequest::text("koor");
    r.filters.free_only = true;

    assert_eq!(ids(&index.search(&r).unwrap()), vec![free.offer_id]);
}

#[test]
fn the_radius_boundary_is_inclusive_and_exact_near_52_degrees_north() {
    let centre = at(52.0, 5.0);
    let east = doc("Koor", 52.0, 5.146);
    let index = index_of(vec![east.clone()]);
    let d = centre.distance_km(at(52.0, 5.146));
    assert!((d - 10.0).abs() < 0.1, "about 10 km east at 52N: {d}");

    assert_eq!(
        index
            .search(&SearchRequest::text("").near(centre, d))
            .unwrap()
            .total,
        1
    );
    assert_eq!(
        index
            .search(&SearchRequest::text("").near(centre, d * 0.9999))
            .unwrap()
            .total,
        0
    );
}

#[test]
fn filters_and_facets_count_the_matching_offers() {
    let mut a = doc("Koor", 52.08, 5.1);
    a.kind = "vereniging".into();
    a.days = vec![2, 4];
    let mut b = doc("Koor", 52.08, 5.1);
    b.kind = "buurthuis".into();
    b.days = vec![2];
    b.free = false;
    let index = index_of(vec![a.clone(), b]);

    let all = index.search(&SearchRequest::text("koor")).unwrap();
    assert_eq!(all.facets.kind.get("vereniging"), Some(&1));
    assert_eq!(all.facets.kind.get("buurthuis"), Some(&1));
    assert_eq!(all.facets.day.get("2"), Some(&2));
    assert_eq!(all.facets.day.get("4"), Some(&1));
    assert_eq!(all.facets.free, 1);

    let mut thursday = SearchRequest::text("koor");
    thursday.filters.days = vec![4];
    assert_eq!(ids(&index.search(&thursday).unwrap()), vec![a.offer_id]);
}

#[test]
fn an_offer_at_two_locations_is_one_hit_at_its_nearest_location() {
    let far = doc("Taalcafé", 52.10, 5.12);
    let near = OfferDoc {
        offer_id: far.offer_id,
        location_id: Some(Uuid::new_v4()),
        ..doc("Taalcafé", 52.079, 5.045)
    };
    let index = index_of(vec![far, near.clone()]);

    let found = index
        .search(&SearchRequest::text("taalcafe").near(at(DE_MEERN.0, DE_MEERN.1), 30.0))
        .unwrap();

    assert_eq!(found.total, 1);
    assert_eq!(found.hits[0].location_id, near.location_id);
}

#[test]
fn sorting_by_distance_puts_the_nearest_first_whatever_the_text_score() {
    let near = doc("Koor en nog veel meer", 52.079, 5.045);
    let far = doc("Koor koor koor", 52.2, 5.2);
    let index = index_of(vec![far.clone(), near.clone()]);
    let mut r = SearchRequest::text("koor").near(at(DE_MEERN.0, DE_MEERN.1), 50.0);
    r.sort = Sort::Distance;

    assert_eq!(
        ids(&index.search(&r).unwrap()),
        vec![near.offer_id, far.offer_id]
    );
}

#[test]
fn a_map_box_keeps_only_offers_inside_it() {
    let inside = doc("Koor", 52.09, 5.11);
    let outside = doc("Koor", 52.30, 5.11);
    let index = index_of(vec![inside.clone(), outside]);
    let mut r = SearchRequest::text("");
    r.bbox = Some(BoundingBox {
        south: 52.0,
        west: 5.0,
        north: 52.2,
        east: 5.2,
    });

    assert_eq!(ids(&index.search(&r).unwrap()), vec![inside.offer_id]);
}

#[test]
fn applying_a_change_replaces_only_that_offer() {
    let koor = doc("Koor", 52.08, 5.1);
    let judo = doc("Judo", 52.08, 5.1);
    let index = index_of(vec![koor.clone(), judo]);
    let renamed = OfferDoc {
        name: "Zangkoor".into(),
        ..koor.clone()
    };

    index.apply(&[koor.offer_id], vec![renamed], 7).unwrap();

    assert_eq!(index.state().documents, 2);
    assert_eq!(index.state().position, Some(7));
    assert_eq!(
        index
            .search(&SearchRequest::text("zangkoor"))
            .unwrap()
            .total,
        1
    );
    index.apply(&[koor.offer_id], vec![], 8).unwrap();
    assert_eq!(index.state().documents, 1);
}

#[test]
fn a_rebuild_fed_in_batches_commits_all_of_them_and_one_whose_source_fails_commits_nothing() {
    let index = SearchIndex::in_ram().unwrap();
    index
        .replace_all(vec![doc("Koor", 52.08, 5.1)], Some(3))
        .unwrap();
    let batches = || {
        vec![
            vec![doc("Breiclub", 52.08, 5.1), doc("Taalcafe", 52.08, 5.1)],
            vec![doc("Moestuin", 52.09, 5.1)],
        ]
    };

    let mut failing = batches().into_iter();
    let result = index.replace_all_from(
        || failing.next().map(Some).ok_or(crate::Error::SourceStopped),
        Some(9),
    );

    assert!(matches!(result, Err(crate::Error::SourceStopped)));
    let found = |q: &str| index.search(&SearchRequest::text(q)).unwrap().total;
    assert_eq!(
        index.state(),
        IndexState {
            documents: 1,
            position: Some(3)
        },
        "the old index stays whole"
    );
    assert_eq!(found("breiclub"), 0);

    let mut complete = batches().into_iter();
    index
        .replace_all_from(|| Ok(complete.next()), Some(9))
        .unwrap();

    assert_eq!(index.state().documents, 3);
    assert_eq!(index.state().position, Some(9));
    assert_eq!(
        (found("koor"), found("breiclub"), found("moestuin")),
        (0, 1, 1)
    );
}

#[test]
fn a_change_a_rebuild_already_read_is_skipped_and_the_position_never_goes_back() {
    let koor = doc("Koor", 52.08, 5.1);
    let index = SearchIndex::in_ram().unwrap();
    // A rebuild read the log up to 10; a follower that read up to 6 before it commits after.
    index.replace_all(vec![koor.clone()], Some(10)).unwrap();

    index.apply(&[koor.offer_id], vec![], 6).unwrap();

    assert_eq!(index.state().position, Some(10));
    assert_eq!(
        index.state().documents,
        1,
        "the stale change was not applied"
    );
    index.apply(&[koor.offer_id], vec![], 11).unwrap();
    assert_eq!(
        index.state(),
        IndexState {
            documents: 0,
            position: Some(11)
        }
    );
}

#[test]
fn bad_requests_are_refused_with_a_user_error() {
    let index = index_of(vec![]);
    let centre = at(52.0, 5.0);
    for request in [
        SearchRequest::text("").near(centre, 0.0),
        SearchRequest::text("").near(centre, 301.0),
        SearchRequest {
            limit: 101,
            ..SearchRequest::text("")
        },
        SearchRequest {
            sort: Sort::Distance,
            ..SearchRequest::text("")
        },
    ] {
        let err = index.search(&request).unwrap_err();
        assert!(err.is_user_error(), "{err:?}");
    }
}

/// A small deterministic generator, so the differential test needs no extra crate.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> f64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 11) as f64 / (1u64 << 53) as f64
    }
}

#[test]
fn geo_filtering_equals_a_brute_force_haversine_scan() {
    let mut rng = Lcg(42);
    let docs: Vec<OfferDoc> = (0..2000)
        .map(|_| doc("Koor", 51.5 + rng.next() * 1.5, 4.0 + rng.next() * 2.5))
        .collect();
    let index = index_of(docs.clone());
    for _ in 0..25 {
        let centre = at(51.6 + rng.next() * 1.3, 4.1 + rng.next() * 2.3);
        let radius = 0.5 + rng.next() * 40.0;
        let mut expected: Vec<Uuid> = docs
            .iter()
            .filter(|d| centre.distance_km(at(d.lat.unwrap(), d.lon.unwrap())) <= radius)
            .map(|d| d.offer_id)
            .collect();
        let mut request = SearchRequest::text("").near(centre, radius);
        request.limit = 100;
        request.sort = Sort::Distance;
        let mut found = Vec::new();
        loop {
            let page = index.search(&request).unwrap();
            found.extend(ids(&page));
            if page.hits.len() < request.limit {
                assert_eq!(page.total, expected.len());
                break;
            }
            request.offset += request.limit;
        }
        expected.sort();
        found.sort();
        assert_eq!(found, expected, "centre {centre:?}, radius {radius}");
    }
}

#[test]
fn a_compound_no_offer_has_finds_offers_with_both_of_its_words() {
    let mut taal = doc("Spreekuur", 52.08, 5.1);
    taal.description = "Hulp bij de Nederlandse taal en bij brieven.".into();
    let mut huiswerk = doc("Na schooltijd", 52.08, 5.1);
    huiswerk.description = "Begeleiding bij huiswerk voor de basisschool.".into();
    let mut only_taal = doc("Taalcursus", 52.08, 5.1);
    only_taal.description = "Nederlandse taal leren in een groep.".into();
    let index = index_of(vec![taal.clone(), huiswerk.clone(), only_taal.clone()]);

    let found = index.search(&SearchRequest::text("taalhulp")).unwrap();
    assert_eq!(ids(&found)[0], taal.offer_id, "both words beat one");
    let found = index
        .search(&SearchRequest::text("huiswerkbegeleiding"))
        .unwrap();
    assert_eq!(ids(&found), vec![huiswerk.offer_id]);
    let found = index
        .search(&SearchRequest::text("ruimtevaartbegeleiding"))
        .unwrap();
    assert!(ids(&found).is_empty(), "no invented parts");
}

#[test]
fn with_a_word_list_a_compound_finds_the_part_that_offers_use() {
    let mut voetbal = doc("Jeugdteams", 52.08, 5.1);
    voetbal.description = "Voetbal voor kinderen op zaterdag.".into();
    let mut computer = doc("Digicafe", 52.08, 5.1);
    computer.description = "Uitleg over de computer en de tablet.".into();
    let index = index_of(vec![voetbal.clone(), computer.clone()]);
    let search = |q: &str| ids(&index.search(&SearchRequest::text(q)).unwrap());
    assert!(
        search("voetbalclub").is_empty() && search("computerles").is_empty(),
        "without a list, both parts must be words of the index"
    );

    index.use_wordlist(std::sync::Arc::new(Wordlist::from_text(
        "voetbal\nclub\ncomputer\nles\n",
    )));

    assert_eq!(search("voetbalclub"), vec![voetbal.offer_id]);
    assert_eq!(search("computerles"), vec![computer.offer_id]);
    assert!(
        search("ruimtevaartclub").is_empty(),
        "no part is a word of the list"
    );
}

#[test]
fn the_step_free_filter_keeps_only_places_without_steps_and_is_counted() {
    let level = OfferDoc {
        step_free: true,
        ..doc("Koor", 52.08, 5.1)
    };
    let steps = doc("Koor", 52.08, 5.1);
    let index = index_of(vec![level.clone(), steps]);
    let mut r = SearchRequest::text("koor");
    let all = index.search(&r).unwrap();
    assert_eq!(all.facets.step_free, 1);
    r.filters.step_free_only = true;
    assert_eq!(ids(&index.search(&r).unwrap()), vec![level.offer_id]);
}

#[test]
fn above_the_exact_limit_total_and_facets_are_estimated_and_said_to_be_while_the_page_stays_exact()
{
    let mut rng = Lcg(7);
    let n = 3 * EXACT_UP_TO;
    let mut docs: Vec<OfferDoc> = (0..n)
        .map(|i| {
            let mut d = doc("Koor", 51.5 + rng.next() * 1.5, 4.0 + rng.next() * 2.5);
            d.kind = if i % 4 == 0 {
                "buurthuis"
            } else {
                "vereniging"
            }
            .into();
            d.free = i % 3 == 0;
            d
        })
        .collect();
    // The best match sits at the end, where no sample would pick it up by chance.
    let best = OfferDoc {
        keywords: vec!["koor".into()],
        ..doc("Koor koor", 52.0, 5.0)
    };
    docs.push(best.clone());
    let index = index_of(docs);

    let found = index.search(&SearchRequest::text("koor")).unwrap();
    assert!(found.estimated);
    assert!(found.total_estimated);
    assert_eq!(found.hits[0].offer_id, best.offer_id);
    let close = |counted: u64, truth: usize| (counted as f64 / truth as f64 - 1.0).abs() < 0.05;
    assert!(
        close(found.total as u64, n + 1),
        "{} of {}",
        found.total,
        n + 1
    );
    let buurthuis = found.facets.kind.get("buurthuis").copied().unwrap_or(0);
    assert!(close(buurthuis, n / 4), "{buurthuis} of {}", n / 4);
    assert!(close(found.facets.free, n / 3 + 1), "{}", found.facets.free);

    // The same words in a small part of the country: every match counted, no estimate.
    let near = SearchRequest::text("koor").near(at(52.0, 5.0), 10.0);
    let small = index.search(&near).unwrap();
    assert!(!small.estimated);
    assert!(!small.total_estimated);
    assert!(small.total > 0 && small.total < EXACT_UP_TO);
    let kinds: u64 = small.facets.kind.values().sum();
    assert_eq!(kinds as usize, small.total);
}

/// Words drawn unevenly from a small vocabulary, so that some match most offers and some few.
fn words(rng: &mut Lcg, n: usize) -> String {
    const VOCABULARY: [&str; 12] = [
        "koor", "zingen", "muziek", "sport", "voetbal", "taal", "koken", "wandelen", "tekenen",
        "schaken", "dansen", "tuin",
    ];
    (0..n)
        .map(|_| VOCABULARY[(rng.next().powi(2) * VOCABULARY.len() as f64) as usize])
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn a_page_found_by_skipping_matches_is_the_page_that_scoring_every_match_gives() {
    let mut rng = Lcg(11);
    let n = 4 * EXACT_UP_TO;
    let docs: Vec<OfferDoc> = (0..n)
        .map(|i| {
            let name_words = 1 + (rng.next() * 3.0) as usize;
            // One in two hundred has a rare word: a result small enough to count exactly.
            let rare = if i % 200 == 0 { "harp " } else { "" };
            let mut d = doc(
                &format!("{rare}{}", words(&mut rng, name_words)),
                51.5 + rng.next() * 1.5,
                4.0 + rng.next() * 2.5,
            );
            let description_words = 3 + (rng.next() * 20.0) as usize;
            d.description = words(&mut rng, description_words);
            d.keywords = vec![words(&mut rng, 1)];
            d.kind = ["buurthuis", "vereniging", "vrijwilligerswerk"][i % 3].into();
            d.min_age = (i % 5 == 0).then_some(18);
            d
        })
        .collect();
    // The best offers for "koor" change after the index was built: their old documents are
    // deleted (still in the segment, marked), new ones added in a segment of their own.
    let changed: Vec<OfferDoc> = docs.iter().step_by(97).take(300).cloned().collect();
    let index = index_of(docs);
    let ids_changed: Vec<Uuid> = changed.iter().map(|d| d.offer_id).collect();
    let renamed = changed
        .into_iter()
        .enumerate()
        .map(|(i, mut d)| {
            d.name = if i % 2 == 0 {
                "koor koor koor".into()
            } else {
                "tuin".into()
            };
            d
        })
        .collect();
    index.apply(&ids_changed, renamed, 1).unwrap();

    let utrecht = at(52.09, 5.12);
    let mut kinds = SearchRequest::text("muziek dansen");
    kinds.filters.kinds = vec!["vereniging".into()];
    let mut young = SearchRequest::text("sport");
    young.filters.age = Some(12);
    let mut near = SearchRequest::text("koor zingen");
    near.near = Some(utrecht);
    let mut deeper = SearchRequest::text("koken tuin");
    deeper.offset = 40;
    let requests = [
        SearchRequest::text("harp"),
        SearchRequest::text("harp koor"),
        SearchRequest::text("koor"),
        SearchRequest::text("koor sport voetbal"),
        SearchRequest::text("zing"),
        kinds,
        young,
        near,
        deeper,
    ];
    let mut pruned = 0;
    for request in requests {
        let found = index.search(&request).unwrap();
        let all = index.search_every_match(&request).unwrap();
        assert_eq!(ids(&found), ids(&all), "{request:?}");
        assert!(!all.total_estimated);
        if found.total_estimated {
            pruned += 1;
            let close = (found.total as f64 / all.total as f64 - 1.0).abs() < 0.1;
            assert!(close, "{} of {}: {request:?}", found.total, all.total);
        } else {
            assert_eq!(found.total, all.total, "{request:?}");
            assert_eq!(found.facets, all.facets, "{request:?}");
        }
        if all.total <= COUNTED_EXACTLY_UP_TO {
            assert!(!found.total_estimated, "{request:?}");
        }
    }
    assert!(pruned >= 3, "the test must make the search skip: {pruned}");
}

#[test]
fn a_facet_lists_only_its_most_frequent_values_with_their_exact_counts() {
    let mut docs = Vec::new();
    for w in 0..(MAX_FACET_VALUES + 50) {
        // Wijk 0 has the most offers, then wijk 1, ... the last fifty have one each.
        let offers = if w < 10 { 20 - w } else { 1 };
        for _ in 0..offers {
            let mut d = doc("Koor", 52.08, 5.1);
            d.wijk_code = Some(format!("WK{w:06}"));
            docs.push(d);
        }
    }
    let index = index_of(docs);

    let found = index.search(&SearchRequest::text("koor")).unwrap();

    assert!(!found.estimated);
    assert_eq!(found.facets.wijk.len(), MAX_FACET_VALUES);
    assert_eq!(found.facets.wijk.get("WK000000"), Some(&20));
    assert_eq!(found.facets.wijk.get("WK000009"), Some(&11));
}

#[test]
fn a_write_waits_while_another_process_writes_to_the_same_directory_instead_of_failing() {
    let dir = std::env::temp_dir().join(format!("sk-lock-{}", Uuid::new_v4()));
    let index = SearchIndex::open_or_create(&dir).unwrap();
    // Another process's writer (the `reindex` command beside a running node), held a moment.
    let other = tantivy::Index::open_in_dir(&dir).unwrap();
    let held: tantivy::IndexWriter = other.writer(15_000_000).unwrap();
    let release = std::thread::spawn(move || {
        std::thread::sleep(std::time::Duration::from_millis(300));
        drop(held);
    });

    index
        .replace_all(vec![doc("Koor", 52.08, 5.1)], Some(1))
        .unwrap();

    release.join().unwrap();
    assert_eq!(index.state().documents, 1);
    std::fs::remove_dir_all(&dir).unwrap();
}
