use proptest::prelude::*;
use uuid::Uuid;

use super::*;
use crate::LatLon;

const TALENTS: [&str; 6] = ["koken", "voetbal", "sport", "taal", "klussen", "kinderen"];
const LEEFGEBIEDEN: [&str; 5] = ["meedoen", "geldzaken", "bewegen", "zorg", "werk"];

fn at(lat: f64, lon: f64) -> LatLon {
    LatLon::parse(lat, lon).unwrap()
}

fn offer(n: u128, name: &str, leefgebied: &str, place: LatLon) -> CatalogOffer {
    CatalogOffer {
        id: Uuid::from_u128(n),
        name: name.into(),
        organisation_id: Uuid::from_u128(1000 + n),
        organisation: format!("Organisatie {n}"),
        kind: "buurthuis".into(),
        leefgebieden: vec![leefgebied.into()],
        groups: vec!["iedereen".into()],
        topics: vec![],
        places: vec![place],
        place_facts: vec![],
        gemeente: Some("GM0344".into()),
        min_age: None,
        max_age: None,
        days: vec![2],
        languages: vec!["nl".into()],
        free: true,
        no_referral_needed: true,
        keeps_benefit: false,
        volunteering: false,
        active: true,
        waiting_list: 0,
    }
}

/// A small world around De Meern: a club with a waiting list, a meal, a debt service.
fn catalog() -> Catalog {
    let meern = at(52.078, 5.035);
    let mut club = offer(1, "Voetballen voor kinderen", "bewegen", meern);
    club.topics = vec!["voetbal".into()];
    club.min_age = Some(6);
    club.max_age = Some(12);
    club.free = false;
    club.waiting_list = 34;
    let mut meal = offer(2, "Samen eten", "meedoen", at(52.081, 5.04));
    meal.topics = vec!["koken".into()];
    let mut debts = offer(3, "Schuldhulp", "geldzaken", at(52.09, 5.1));
    debts.no_referral_needed = false;
    debts.kind = "voorziening".into();
    let mut closed = offer(4, "Gestopte koffieochtend", "meedoen", meern);
    closed.active = false;
    let trainer = CatalogNeed {
        id: Uuid::from_u128(50),
        title: "Assistent-trainer jeugd".into(),
        kind: "trainer".into(),
        organisation_id: club.organisation_id,
        organisation: club.organisation.clone(),
        offer_id: Some(club.id),
        talents: vec!["voetbal".into(), "kinderen".into()],
        min_age: Some(16),
        max_age: Some(27),
        at: Some(meern),
        place_facts: PlaceFacts::default(),
        gemeente: Some("GM0344".into()),
        people_wanted: 6,
        waiting_list: 34,
        time_commitment: "2 keer per week".into(),
        days: vec![3, 6],
        pay: RolePay::Allowance { cleared: false },
        training: true,
        support: true,
    };
    let cook = CatalogNeed {
        id: Uuid::from_u128(51),
        title: "Kok voor de buurtmaaltijd".into(),
        kind: "vrijwilliger".into(),
        organisation_id: meal.organisation_id,
        organisation: meal.organisation.clone(),
        offer_id: Some(meal.id),
        talents: vec!["koken".into()],
        min_age: Some(16),
        max_age: None,
        at: meal.places.first().copied(),
        gemeente: Some("GM0344".into()),
        people_wanted: 2,
        waiting_list: 0,
        time_commitment: String::new(),
        ..CatalogNeed::default()
    };
    let org = |n: u128, name: &str, kind: PartnerKind, place: LatLon| CatalogOrganisation {
        id: Uuid::from_u128(n),
        name: name.into(),
        partner: Some(kind),
        at: Some(place),
        gemeente: Some("GM0344".into()),
    };
    Catalog {
        offers: vec![club, meal, debts, closed].into(),
        needs: vec![trainer, cook].into(),
        organisations: vec![
            org(
                900,
                "Buurtteam De Meern",
                PartnerKind::Wijkteam,
                at(52.08, 5.03),
            ),
            org(
                901,
                "Jongerenwerk De Meern",
                PartnerKind::Jongerenwerk,
                at(52.079, 5.04),
            ),
            org(
                902,
                "Praktijkschool De Meern",
                PartnerKind::School,
                at(52.082, 5.05),
            ),
        ]
        .into(),
        talent_entries: (0..4)
            .map(|i| TalentEntry {
                id: Uuid::from_u128(950 + u128::from(i)),
                talents: vec!["voetbal".into()],
                age: Some(17 + i),
                at: at(52.075 + f64::from(i) * 0.002, 5.03),
            })
            .collect(),
        ..Catalog::default()
    }
}

fn young_footballer() -> Profile {
    Profile {
        needs: vec!["werk".into(), "leren".into()],
        talents: vec!["voetbal".into()],
        age: Some(19),
        at: Some(at(52.079, 5.036)),
        ..Profile::default()
    }
}

#[test]
fn a_young_footballer_gets_the_trainer_role_and_a_coalition_with_the_buurtteam_and_a_school() {
    let lanes = match_profile(&catalog(), &young_footballer());

    let role = &lanes.bijdragen[0];
    assert_eq!(role.target, Target::Need(Uuid::from_u128(50)));
    // The facts, not words: the app writes them in the reader's language.
    assert!(
        role.reasons.contains(&Reason::Talent {
            talent: "voetbal".into()
        }),
        "{:?}",
        role.reasons
    );
    assert!(role.reasons.contains(&Reason::WaitingList { people: 34 }));
    assert!(role.explanation.is_empty(), "the engine writes no language");
    let coalition = &lanes.samen[0];
    let names: Vec<&str> = coalition
        .partners
        .iter()
        .filter_map(|p| match &p.name {
            super::Phrase::Name { name } => Some(name.as_str()),
            _ => None,
        })
        .collect();
    assert!(names.contains(&"Buurtteam De Meern"), "{names:?}");
    assert!(names.contains(&"Praktijkschool De Meern"), "{names:?}");
    assert_eq!(coalition.partners[0].role, PartnerRole::Lead);
    assert!(coalition
        .partners
        .iter()
        .any(|p| p.name == super::Phrase::You));
}

#[test]
fn an_inactive_offer_never_appears() {
    let profile = Profile {
        needs: LEEFGEBIEDEN.iter().map(|s| s.to_string()).collect(),
        max_km: Some(50.0),
        ..Profile::default()
    };
    let lanes = match_profile(&catalog(), &profile);
    assert!(lanes
        .meedoen
        .iter()
        .all(|s| s.target != Target::Offer(Uuid::from_u128(4))));
    assert!(!lanes.meedoen.is_empty());
}

#[test]
fn community_offers_come_before_services_that_need_a_referral() {
    let profile = Profile {
        needs: vec!["geldzaken".into(), "meedoen".into()],
        at: Some(at(52.079, 5.036)),
        max_km: Some(20.0),
        ..Profile::default()
    };
    let lanes = match_profile(&catalog(), &profile);
    let steps: Vec<Step> = lanes.meedoen.iter().map(|s| s.step).collect();
    assert!(steps.windows(2).all(|w| w[0] <= w[1]), "{steps:?}");
    assert_eq!(steps.last(), Some(&Step::Service));
}

#[test]
fn the_population_scan_proposes_trainerskracht_from_talents_nearby() {
    let found = scan_coalitions(&catalog(), Some("GM0344"));
    let first = &found[0];
    assert_eq!(first.need_id, Uuid::from_u128(50));
    assert_eq!(first.talent_count, 4);
    assert!(first
        .evidence
        .contains(&super::Phrase::OnWaitingList { count: 34 }));
    assert!(
        scan_coalitions(&catalog(), Some("GM0363")).is_empty(),
        "another gemeente"
    );
}

#[test]
fn talents_no_role_nearby_asks_for_wait_unused_and_asked_ones_do_not() {
    let mut world = catalog();
    let far = at(52.37, 4.89); // Amsterdam, some 35 km away
    world.talent_entries.push(TalentEntry {
        id: Uuid::from_u128(960),
        talents: vec!["voetbal".into(), "klussen".into()],
        age: None,
        at: at(52.076, 5.031),
    });
    world.talent_entries.push(TalentEntry {
        id: Uuid::from_u128(961),
        talents: vec!["voetbal".into()],
        age: None,
        at: far,
    });
    let unused = unused_talents(&world, &[], TALENT_RADIUS_KM);
    // The four footballers near the club are asked for; the handyman is not, nor is the
    // footballer in Amsterdam.
    assert_eq!(unused.len(), 2, "{unused:?}");
    assert!(unused.contains(&(at(52.076, 5.031), "klussen")));
    assert!(unused.contains(&(far, "voetbal")));
}

fn profile_strategy() -> impl Strategy<Value = Profile> {
    (
        proptest::sample::subsequence(LEEFGEBIEDEN.to_vec(), 0..=3),
        proptest::sample::subsequence(TALENTS.to_vec(), 0..=3),
        proptest::sample::subsequence(TALENTS.to_vec(), 0..=2),
        proptest::option::of(10u8..90),
        (52.0f64..52.2, 4.9f64..5.2),
        proptest::option::of(0.5f64..30.0),
        proptest::sample::subsequence(vec![1u8, 2, 3, 4, 5, 6, 7], 0..=3),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(
            |(
                needs,
                talents,
                interests,
                age,
                (lat, lon),
                max_km,
                days,
                free_only,
                without_referral,
            )| {
                Profile {
                    needs: needs.into_iter().map(String::from).collect(),
                    talents: talents.into_iter().map(String::from).collect(),
                    interests: interests.into_iter().map(String::from).collect(),
                    age,
                    at: Some(at(lat, lon)),
                    max_km,
                    days,
                    free_only,
                    without_referral,
                    ..Profile::default()
                }
            },
        )
}

proptest! {
    #[test]
    fn adding_a_talent_never_removes_a_meedoen_suggestion(
        profile in profile_strategy(),
        extra in proptest::sample::select(TALENTS.to_vec()),
    ) {
        let catalog = catalog();
        let before = match_profile(&catalog, &profile).meedoen;
        let mut more = profile.clone();
        more.talents.push(extra.to_string());
        more.network.push("mijn buurvrouw".into());
        let after = match_profile(&catalog, &more).meedoen;
        for s in &before {
            prop_assert!(after.iter().any(|a| a.target == s.target), "{:?} disappeared", s.title);
        }
    }

    #[test]
    fn moving_further_away_never_raises_a_distance_only_score(
        km in 0.0f64..60.0, further in 0.0f64..60.0, max_km in 0.1f64..50.0,
    ) {
        prop_assert!(distance_score(km + further, max_km) <= distance_score(km, max_km));
    }

    #[test]
    fn age_limits_are_never_violated(profile in profile_strategy()) {
        let catalog = catalog();
        let lanes = match_profile(&catalog, &profile);
        let Some(age) = profile.age else { return Ok(()) };
        for s in &lanes.meedoen {
            let Target::Offer(id) = s.target else { continue };
            let o = catalog.offers.iter().find(|o| o.id == id).unwrap();
            prop_assert!(o.min_age.is_none_or(|m| age >= m) && o.max_age.is_none_or(|m| age <= m));
        }
        for s in &lanes.bijdragen {
            let Target::Need(id) = s.target else { continue };
            let n = catalog.needs.iter().find(|n| n.id == id).unwrap();
            prop_assert!(n.min_age.is_none_or(|m| age >= m) && n.max_age.is_none_or(|m| age <= m));
        }
    }

    #[test]
    fn reasons_mention_only_true_facts(profile in profile_strategy()) {
        let catalog = catalog();
        let lanes = match_profile(&catalog, &profile);
        for s in &lanes.meedoen {
            let Target::Offer(id) = s.target else { continue };
            let o = catalog.offers.iter().find(|o| o.id == id).unwrap();
            for r in &s.reasons {
                let true_fact = match r {
                    Reason::Need { leefgebied } => o.leefgebieden.contains(leefgebied) && profile.needs.contains(leefgebied),
                    Reason::Interest { topic } => o.topics.contains(topic) && profile.interests.contains(topic),
                    Reason::Free => o.free,
                    Reason::Distance { km } => *km <= profile.travel_km(),
                    Reason::Days { days } => days.iter().all(|d| o.days.contains(d)),
                    Reason::NoReferral => o.no_referral_needed,
                    Reason::Talent { .. } => false,
                    _ => true,
                };
                prop_assert!(true_fact, "{r:?} for {}", o.name);
            }
        }
    }
}

#[test]
fn a_footballer_fits_a_role_that_asks_for_sport_but_not_the_other_way_round() {
    use super::engine::fitting_talents;
    let strings = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    let (sport, voetbal) = (strings(&["sport"]), strings(&["voetbal"]));
    assert_eq!(fitting_talents(&sport, &voetbal), vec![&voetbal[0]]);
    assert!(fitting_talents(&voetbal, &sport).is_empty());
    assert!(fitting_talents(&strings(&["koken"]), &voetbal).is_empty());
}

#[test]
fn a_person_who_must_keep_a_benefit_still_sees_a_paid_role_with_advice_to_ask_first() {
    let mut catalog = catalog();
    let person = Profile {
        keeps_benefit: true,
        ..young_footballer()
    };
    let lanes = match_profile(&catalog, &person);
    let role = lanes
        .bijdragen
        .iter()
        .find(|s| s.target == Target::Need(Uuid::from_u128(50)))
        .expect("the paid role is still proposed");
    assert!(role.reasons.contains(&Reason::AskBenefitFirst));
    assert!(!role.reasons.contains(&Reason::KeepsBenefit));

    catalog.needs[0].pay = RolePay::Allowance { cleared: true };
    let lanes = match_profile(&catalog, &person);
    let role = &lanes.bijdragen[0];
    assert_eq!(role.target, Target::Need(Uuid::from_u128(50)));
    assert!(role.reasons.contains(&Reason::KeepsBenefit));
    assert!(!role.reasons.contains(&Reason::AskBenefitFirst));
}

#[test]
fn saying_you_must_keep_a_benefit_never_makes_a_lane_shorter() {
    let catalog = catalog();
    let free = match_profile(&catalog, &young_footballer());
    let bound = match_profile(
        &catalog,
        &Profile {
            keeps_benefit: true,
            ..young_footballer()
        },
    );
    let ids = |l: &[Suggestion]| {
        let mut ids: Vec<Target> = l.iter().map(|s| s.target).collect();
        ids.sort_by_key(|t| format!("{t:?}"));
        ids
    };
    assert_eq!(ids(&free.meedoen), ids(&bound.meedoen));
    assert_eq!(ids(&free.bijdragen), ids(&bound.bijdragen));
}

#[test]
fn a_role_on_the_days_a_person_is_free_says_so() {
    let person = Profile {
        days: vec![6],
        ..young_footballer()
    };
    let lanes = match_profile(&catalog(), &person);
    let role = &lanes.bijdragen[0];
    assert!(role.reasons.contains(&Reason::Days { days: vec![6] }));
    assert!(role.uses.contains(&ProfileItem::Days));
    assert!(role.reasons.contains(&Reason::Training));
}

/// Three places around a person in De Meern, each with its own access, all about meedoen.
fn places_with_access() -> Catalog {
    use super::{Access, PlaceFacts, StepFree};
    let home = at(52.079, 5.036);
    let with = |n: u128, name: &str, place: LatLon, access: Access, wijk: &str| {
        let mut o = offer(n, name, "meedoen", place);
        o.place_facts = vec![PlaceFacts {
            access,
            wijk: Some(wijk.into()),
        }];
        o
    };
    let steps = Access {
        step_free: StepFree::No,
        ..Access::default()
    };
    let level = Access {
        step_free: StepFree::Yes,
        ..Access::default()
    };
    let picked_up = Access {
        pick_up: true,
        ..Access::default()
    };
    Catalog {
        offers: vec![
            // Next door, in the person's own wijk, with steps.
            with(101, "Koffie om de hoek", home, steps, "WK034415"),
            // 3 km away, level, another wijk.
            with(
                102,
                "Ontmoeting in het buurthuis",
                at(52.079, 5.080),
                level,
                "WK034408",
            ),
            // 3 km away, nothing said about the entrance, they pick people up.
            with(103, "Samen eten", at(52.106, 5.036), picked_up, "WK034404"),
        ]
        .into(),
        ..Catalog::default()
    }
}

fn offered(lanes: &super::Lanes) -> Vec<u128> {
    lanes
        .meedoen
        .iter()
        .map(|s| match s.target {
            Target::Offer(id) | Target::Need(id) => id.as_u128(),
        })
        .collect()
}

#[test]
fn a_wheelchair_user_never_gets_a_place_with_steps_and_an_undescribed_one_comes_last() {
    use super::Mobility;
    let person = Profile {
        needs: vec!["meedoen".into()],
        at: Some(at(52.079, 5.036)),
        mobility: vec![Mobility::Rolstoel],
        ..Profile::default()
    };
    let lanes = match_profile(&places_with_access(), &person);
    assert_eq!(offered(&lanes), [102, 103], "the nearest one has steps");
    assert!(lanes.meedoen[0].reasons.contains(&Reason::StepFree));
    assert!(lanes.meedoen[1].reasons.contains(&Reason::AskAccess));
    // Without the wheelchair the nearest comes first, as always.
    let walker = Profile {
        mobility: vec![],
        ..person
    };
    assert_eq!(
        offered(&match_profile(&places_with_access(), &walker))[0],
        101
    );
}

#[test]
fn someone_who_does_not_cycle_gets_walking_distance_or_a_place_that_picks_them_up() {
    use super::Mobility;
    let person = Profile {
        needs: vec!["meedoen".into()],
        at: Some(at(52.079, 5.036)),
        mobility: vec![Mobility::GeenFiets],
        ..Profile::default()
    };
    let lanes = match_profile(&places_with_access(), &person);
    let ids = offered(&lanes);
    assert!(ids.contains(&101) && ids.contains(&103), "{ids:?}");
    assert!(!ids.contains(&102), "3 km on foot, no pick-up, no stop");
    let eating = lanes
        .meedoen
        .iter()
        .find(|s| s.title == "Samen eten")
        .unwrap();
    assert!(eating.reasons.contains(&Reason::PickUp));
    for s in &lanes.meedoen {
        assert!(
            s.distance_km.is_some_and(|km| km <= WALKING_KM) || s.reasons.contains(&Reason::PickUp),
            "{} at {:?}",
            s.title,
            s.distance_km
        );
    }
}

#[test]
fn rather_not_in_the_own_wijk_moves_those_offers_down_but_never_out() {
    let person = Profile {
        needs: vec!["meedoen".into()],
        at: Some(at(52.079, 5.036)),
        avoid_own_wijk: true,
        own_wijk: Some("WK034415".into()),
        ..Profile::default()
    };
    let lanes = match_profile(&places_with_access(), &person);
    let ids = offered(&lanes);
    assert_eq!(ids.len(), 3, "nothing is hidden");
    assert_eq!(*ids.last().unwrap(), 101, "the own wijk's offer comes last");
    assert!(lanes.meedoen[0].reasons.contains(&Reason::OutsideOwnWijk));
    assert!(lanes.meedoen[2].reasons.contains(&Reason::InOwnWijk));
}

#[test]
fn access_codes_round_trip_and_words_say_only_what_they_state() {
    use super::{Access, StepFree};
    let a = Access {
        step_free: StepFree::Partly,
        lift: true,
        toilet: false,
        pick_up: true,
        near_transit: true,
    };
    assert_eq!(a.codes(), "gelijkvloers=deels lift ophalen ov");
    assert_eq!(Access::parse(&a.codes()), a);
    assert_eq!(
        Access::parse("onbekend gelijkvloers=misschien"),
        Access::default()
    );
    let read = Access::from_words("Rolstoeltoegankelijk, met invalidentoilet en lift.");
    assert_eq!(
        (read.step_free, read.toilet, read.lift, read.pick_up),
        (StepFree::Yes, true, true, false)
    );
    assert_eq!(
        Access::from_words("Een gezellige plek.").step_free,
        StepFree::Unknown
    );
    assert_eq!(
        Access::from_words("Geen lift, alleen via de trap.").step_free,
        StepFree::No
    );
    assert!(!Access::from_words("Geen lift, alleen via de trap.").lift);
}

#[test]
fn a_role_at_a_place_with_steps_is_not_offered_to_a_wheelchair_user_and_an_undescribed_one_says_call(
) {
    use super::{Access, Mobility, PlaceFacts, StepFree};
    let person = Profile {
        mobility: vec![Mobility::Rolstoel],
        ..young_footballer()
    };
    let trainer = Target::Need(Uuid::from_u128(50));
    let lanes = match_profile(&catalog(), &person);
    let role = lanes
        .bijdragen
        .iter()
        .find(|s| s.target == trainer)
        .expect("undescribed: shown");
    assert!(role.reasons.contains(&Reason::AskAccess));

    let mut with_steps = catalog();
    for n in &mut with_steps.needs {
        n.place_facts = PlaceFacts {
            access: Access {
                step_free: StepFree::No,
                ..Access::default()
            },
            wijk: None,
        };
    }
    let lanes = match_profile(&with_steps, &person);
    assert!(lanes.bijdragen.iter().all(|s| s.target != trainer));
    // Without the wheelchair the same role is there, as always.
    let lanes = match_profile(&with_steps, &young_footballer());
    assert!(lanes.bijdragen.iter().any(|s| s.target == trainer));
}

/// A family's world: a play morning for parents and toddlers, a children's club without
/// parents, a parenting course, a cooking club for everyone, and a register's "gezinsdag"
/// that says it only in its name.
fn family_places() -> Catalog {
    let home = at(52.079, 5.036);
    let mut play = offer(201, "Peuterspeelochtend", "opgroeien", home);
    play.groups = vec!["kinderen".into(), "ouders".into()];
    play.min_age = Some(2);
    play.max_age = Some(4);
    let mut club = offer(202, "Kinderclub", "opgroeien", home);
    club.groups = vec!["kinderen".into()];
    club.min_age = Some(6);
    club.max_age = Some(12);
    let mut course = offer(203, "Opvoedcursus", "opgroeien", home);
    course.groups = vec!["ouders".into()];
    course.min_age = Some(18);
    let cooking = offer(204, "Kookclub", "meedoen", home);
    let mut day = offer(205, "Gezinsdag in de speeltuin", "meedoen", at(52.08, 5.04));
    day.groups = vec!["iedereen".into()];
    day.max_age = Some(12);
    let mut far = offer(206, "Ouder-kindgym", "bewegen", at(52.3, 5.4));
    far.groups = vec!["kinderen".into(), "ouders".into()];
    Catalog {
        offers: vec![play, club, course, cooking, day, far].into(),
        ..Catalog::default()
    }
}

fn ids(suggestions: &[Suggestion]) -> Vec<u128> {
    suggestions
        .iter()
        .map(|s| match s.target {
            Target::Offer(id) | Target::Need(id) => id.as_u128(),
        })
        .collect()
}

#[test]
fn a_household_with_a_toddler_and_a_schoolchild_gets_what_parent_and_child_can_do_together() {
    let household = Profile {
        needs: vec!["opgroeien".into()],
        at: Some(at(52.079, 5.036)),
        ..Profile::default()
    };
    let together = match_together(&family_places(), &household, &[3, 8]);
    let got = ids(&together);
    // The play morning (the toddler) and the gezinsdag (both children, said in its name);
    // not the club without parents, the course without children, the cooking club for
    // anyone, or the gym 30 km away.
    assert_eq!(got.len(), 2, "{together:#?}");
    assert!(got.contains(&201) && got.contains(&205));
    let play = &together[got.iter().position(|i| *i == 201).unwrap()];
    assert_eq!(play.reasons[0], Reason::Together { ages: vec![3] });
    let day = &together[got.iter().position(|i| *i == 205).unwrap()];
    assert_eq!(day.reasons[0], Reason::Together { ages: vec![3, 8] });
    // What the household asked about ranks first.
    assert_eq!(got[0], 201);
    // Without children there is nothing to do together.
    assert!(match_together(&family_places(), &household, &[]).is_empty());
}

#[test]
fn together_respects_the_household_s_limits_on_money_and_getting_there() {
    let mut catalog = family_places();
    catalog.offers[0].free = false;
    let household = Profile {
        at: Some(at(52.079, 5.036)),
        free_only: true,
        ..Profile::default()
    };
    assert_eq!(
        ids(&match_together(&catalog, &household, &[3, 8])),
        vec![205]
    );
    catalog.offers[4].place_facts = vec![PlaceFacts {
        access: Access {
            step_free: StepFree::No,
            ..Access::default()
        },
        wijk: None,
    }];
    let wheelchair = Profile {
        mobility: vec![Mobility::Rolstoel],
        ..household
    };
    assert!(match_together(&catalog, &wheelchair, &[3, 8]).is_empty());
}

proptest! {
    #[test]
    fn needing_a_wheelchair_never_adds_a_place_and_never_one_with_steps(
        profile in profile_strategy(),
    ) {
        let catalog = places_with_access_and(catalog());
        let before = match_profile(&catalog, &profile);
        let mut wheelchair = profile.clone();
        wheelchair.mobility.push(Mobility::Rolstoel);
        let after = match_profile(&catalog, &wheelchair);
        for s in after.meedoen.iter().chain(after.bijdragen.iter()) {
            prop_assert!(
                before.meedoen.iter().chain(before.bijdragen.iter()).any(|b| b.target == s.target)
                    || before.meedoen.len() == LANE_SIZE
                    || before.bijdragen.len() == LANE_SIZE,
                "{} was added", s.title
            );
            if let Target::Offer(id) = s.target {
                let o = catalog.offers.iter().find(|o| o.id == id).unwrap();
                prop_assert!(
                    !o.place_facts.iter().all(|f| f.access.step_free == StepFree::No)
                        || o.place_facts.is_empty(),
                    "{} has only places with steps", o.name
                );
            }
        }
    }

    #[test]
    fn naming_a_network_never_lowers_a_suggestion(
        profile in profile_strategy(),
        who in proptest::collection::vec("[a-z ]{1,20}", 1..4),
    ) {
        let catalog = places_with_access_and(catalog());
        let before = match_profile(&catalog, &profile);
        let mut more = profile.clone();
        more.network.extend(who);
        let after = match_profile(&catalog, &more);
        for (b, a) in [(&before.meedoen, &after.meedoen), (&before.bijdragen, &after.bijdragen)] {
            for s in b.iter() {
                let same = a.iter().find(|x| x.target == s.target);
                prop_assert!(same.is_some_and(|x| x.score >= s.score), "{} went down", s.title);
            }
        }
    }
}

/// The small world plus places with and without steps.
fn places_with_access_and(mut base: Catalog) -> Catalog {
    base.offers.extend(places_with_access().offers);
    base
}

proptest! {
    #[test]
    fn the_spatial_prefilter_never_leaves_out_an_offer_within_reach(
        places in proptest::collection::vec((50.7f64..53.5, 3.3f64..7.2), 1..300),
        (lat, lon) in (50.7f64..53.5, 3.3f64..7.2),
        km in 0.1f64..50.0,
    ) {
        let offers: Vec<CatalogOffer> = places
            .iter()
            .enumerate()
            .map(|(i, (la, lo))| offer(i as u128 + 1, "x", "meedoen", at(*la, *lo)))
            .collect();
        let offers: crate::matching::Items<CatalogOffer> = offers.into();
        let grid = super::model::Grid::of(&offers);
        let from = at(lat, lon);
        let near = grid.near(from, km);
        for (i, o) in offers.iter().enumerate() {
            if o.places.iter().any(|p| from.distance_km(*p) <= km) {
                prop_assert!(near.contains(&(i as u32)), "offer {i} at {:?} left out", o.places);
            }
        }
    }
}

#[test]
fn an_offer_without_a_place_is_always_looked_at_and_one_far_away_never() {
    let mut online = offer(1, "Online taalcafé", "meedoen", at(52.0, 5.0));
    online.places.clear();
    let far = offer(2, "Ver weg", "meedoen", at(53.2, 6.5));
    let near = offer(3, "Dichtbij", "meedoen", at(52.079, 5.036));
    let catalog = Catalog {
        offers: vec![online, far, near].into(),
        ..Catalog::default()
    };
    let looked: Vec<u128> = catalog
        .offers_for(Some(at(52.08, 5.04)), 5.0)
        .iter()
        .map(|o| o.id.as_u128())
        .collect();
    assert_eq!(looked, vec![1, 3]);
    assert_eq!(
        catalog.offers_for(None, 5.0).len(),
        3,
        "without a place: everything"
    );
}

/// Ids of what `catalog` gives near `from`, sorted.
fn near_ids(catalog: &Catalog, from: LatLon, km: f64) -> (Vec<Uuid>, Vec<Uuid>) {
    let mut offers: Vec<Uuid> = catalog
        .offers_for(Some(from), km)
        .iter()
        .map(|o| o.id)
        .collect();
    let mut entries: Vec<Uuid> = catalog
        .talent_entries_near(from, km)
        .iter()
        .map(|e| e.id)
        .collect();
    offers.sort();
    entries.sort();
    (offers, entries)
}

proptest! {
    #[test]
    fn a_catalog_updated_from_the_change_log_answers_as_one_built_from_scratch(
        places in proptest::collection::vec((51.9f64..52.2, 4.9f64..5.2), 1..60),
        // Per change: which id (1..80: some new), deleted or moved to where.
        changes in proptest::collection::vec(
            (1u128..80, any::<bool>(), (51.9f64..52.2, 4.9f64..5.2)), 0..40),
        (lat, lon) in (51.9f64..52.2, 4.9f64..5.2),
        km in 0.5f64..15.0,
    ) {
        let entry = |n: u128, (la, lo): (f64, f64)| TalentEntry {
            id: Uuid::from_u128(10_000 + n),
            talents: vec!["voetbal".into()],
            age: Some(18),
            at: at(la, lo),
        };
        let mut now: std::collections::BTreeMap<u128, (f64, f64)> = places
            .iter()
            .enumerate()
            .map(|(i, p)| (i as u128 + 1, *p))
            .collect();
        let build = |now: &std::collections::BTreeMap<u128, (f64, f64)>| {
            Catalog::new(
                now.iter().map(|(n, (la, lo))| offer(*n, "Voetbal", "bewegen", at(*la, *lo))).collect(),
                vec![],
                vec![],
                now.iter().map(|(n, p)| entry(*n, *p)).collect(),
            )
        };
        let base = build(&now);
        base.prepare();
        let before = near_ids(&base, at(lat, lon), km);
        let mut log = CatalogChanges::default();
        for (n, deleted, place) in &changes {
            if *deleted {
                now.remove(n);
            } else {
                now.insert(*n, *place);
            }
            log.ids.push(Uuid::from_u128(*n));
            log.ids.push(Uuid::from_u128(10_000 + n));
        }
        // What the database says now of every id the log named.
        for (n, (la, lo)) in &now {
            if log.ids.contains(&Uuid::from_u128(*n)) {
                log.offers.push(offer(*n, "Voetbal", "bewegen", at(*la, *lo)));
                log.talent_entries.push(entry(*n, (*la, *lo)));
            }
        }
        let updated = base.updated(log);
        let fresh = build(&now);
        let from = at(lat, lon);
        prop_assert_eq!(near_ids(&updated, from, km), near_ids(&fresh, from, km));
        prop_assert_eq!(near_ids(&base, from, km), before, "the old catalog stays as it was");
        let mut ids: Vec<Uuid> = updated.offers.iter().map(|o| o.id).collect();
        ids.sort();
        prop_assert_eq!(ids, now.keys().map(|n| Uuid::from_u128(*n)).collect::<Vec<_>>());
        for n in now.keys() {
            prop_assert_eq!(updated.offer(Uuid::from_u128(*n)).map(|o| o.id), Some(Uuid::from_u128(*n)));
        }
        let profile = Profile {
            at: Some(from),
            needs: vec!["bewegen".into()],
            ..Profile::default()
        };
        prop_assert_eq!(match_profile(&updated, &profile), match_profile(&fresh, &profile));
    }
}

#[test]
fn an_updated_catalog_drops_a_closed_role_and_keeps_the_roles_of_an_offer_that_changed() {
    let base = catalog();
    base.prepare();
    let club = base.offers[0].clone();
    let trainer = base.needs[0].clone();
    let cook = base.needs[1].clone();
    let mut longer = club.clone();
    longer.waiting_list = 50;
    let mut waiting = trainer.clone();
    waiting.waiting_list = 50;
    // The club's waiting list grew (its role is read again with it); the cook's role closed.
    let updated = base.updated(CatalogChanges {
        ids: vec![club.id, cook.id],
        offers: vec![longer],
        needs: vec![waiting],
        ..CatalogChanges::default()
    });
    assert_eq!(updated.offer(club.id).unwrap().waiting_list, 50);
    assert_eq!(updated.need(trainer.id).unwrap().waiting_list, 50);
    assert!(updated.need(cook.id).is_none());
    assert_eq!(updated.needs.len(), 1);
    assert_eq!(base.need(cook.id).map(|n| n.id), Some(cook.id));
    assert_eq!(base.offer(club.id).unwrap().waiting_list, 34);
}
