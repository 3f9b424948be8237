//! The workflows at the service level: the same operations the pages and `/api/v1` call,
//! without HTTP, with a real database and a real index. The end-to-end tests in the other
//! modules cover the adapters on top.

use app::auth::Role;
use app::i18n::Lang;
use app::referrals::{ReferralForm, ReferralStatus, TrajectForm};
use app::service::search::{Place, Question};
use app::service::{
    accounts, coalitions, manage, matching, moderation, needs, offers, places, referrals, search,
    trajecten, Saved,
};
use app::Error;

use crate::referrals::trainer_role;
use crate::support::fixtures::{club, club_location, club_offer, other_org};
use crate::support::{actor, on_both_backends, Backend, TestApp};

on_both_backends! {
    async fn a_referral_follows_its_state_machine_from_consent_to_acceptance(backend) {
        let app = TestApp::demo(backend).await;
        let state = &app.state;
        let professional = actor(&app, Role::Professional, None, &[]).await;
        let provider = actor(&app, Role::Provider, None, &[club()]).await;
        let coordinator = actor(&app, Role::Coordinator, Some("GM0344"), &[]).await;

        let nameless = TrajectForm { waar: "3454".into(), ..Default::default() };
        assert_eq!(trajecten::save(state, &professional, nameless).await.unwrap(), Saved::Invalid("naam"));
        let form = TrajectForm {
            naam: "S.".into(),
            leeftijd: "19".into(),
            waar: "3454".into(),
            talenten: vec!["voetbal".into()],
            ..Default::default()
        };
        let traject = trajecten::save(state, &professional, form).await.unwrap().done().unwrap();

        let mut referral = ReferralForm {
            traject: traject.to_string(),
            naar: format!("vraag:{}", trainer_role()),
            wens: "Helpen bij de training".into(),
            delen: vec!["naam".into()],
            toestemming_door: "de persoon zelf".into(),
            toestemming: String::new(),
            overdracht: "meegaan".into(),
            ..Default::default()
        };
        assert_eq!(
            referrals::send(state, &professional, &referral).await.unwrap(),
            Saved::Invalid("toestemming"),
            "nothing leaves without consent"
        );
        referral.toestemming = "ja".into();
        let id = referrals::send(state, &professional, &referral).await.unwrap().done().unwrap();
        let id = id.to_string();

        let seen = referrals::load(state, &provider, &id).await.unwrap().unwrap();
        assert_eq!(seen.status, ReferralStatus::Ontvangen, "opening it counts as received");
        assert_eq!(seen.shared, vec![("naam".to_string(), "S.".to_string())]);
        assert!(matches!(
            referrals::set_status(state, &provider, &id, "afgerond", None).await,
            Err(Error::Invalid(_))
        ));
        assert_eq!(
            referrals::set_status(state, &provider, &id, "afgewezen", None).await.unwrap(),
            Saved::Invalid("reden")
        );
        assert!(matches!(
            referrals::set_status(state, &coordinator, &id, "geaccepteerd", None).await,
            Err(Error::Forbidden)
        ), "a coordinator takes up escalations, it does not move referrals");
        referrals::set_status(state, &provider, &id, "geaccepteerd", None).await.unwrap();
        let after = referrals::load(state, &professional, &id).await.unwrap().unwrap();
        assert_eq!(after.status, ReferralStatus::Geaccepteerd);
        assert_eq!(after.next, vec![ReferralStatus::Gestopt], "the professional may only stop it");

        let stranger = actor(&app, Role::Professional, None, &[]).await;
        assert!(referrals::load(state, &stranger, &id).await.unwrap().is_none());
        assert!(trajecten::load(state, &stranger, &traject.to_string(), Lang::Nl).await.unwrap().is_none());
    }
}

on_both_backends! {
    async fn the_page_and_the_api_read_the_same_question_to_the_same_answer(backend) {
        let app = TestApp::demo(backend).await;
        let by_name = Question {
            text: "voetbal".into(),
            place: Place::Named("3454".into()),
            ..Question::default()
        };
        let by_postcode = Question { place: Place::Postcode("3454".into()), ..by_name.clone() };
        let a = search::ask(&app.state, &by_name, Lang::Nl).await.unwrap();
        let b = search::ask(&app.state, &by_postcode, Lang::Nl).await.unwrap();
        let ids = |found: &search::Answer| found.items.iter().map(|o| o.id).collect::<Vec<_>>();
        assert!(a.total > 0);
        assert_eq!(ids(&a), ids(&b));

        let far = Question { radius_km: Some(301.0), ..by_name.clone() };
        assert!(matches!(search::ask(&app.state, &far, Lang::Nl).await, Err(Error::Refused("invalid_radius", _))));
        let nowhere = Question { nearest_first: true, place: Place::Anywhere, ..by_name };
        assert!(matches!(search::ask(&app.state, &nowhere, Lang::Nl).await, Err(Error::Refused("missing_point", _))));
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn english_readers_get_english_reasons_and_english_coalitions() {
    let app = TestApp::demo(Backend::Sqlite).await;
    let input = app::profile::ProfileInput {
        talents: vec!["voetbal".into()],
        needs: vec!["werk".into()],
        age: Some(19),
        postcode: "3454".into(),
        ..Default::default()
    };
    let english = matching::lanes(&app.state, &input, Lang::En).await.unwrap();
    let dutch = matching::lanes(&app.state, &input, Lang::Nl).await.unwrap();
    assert_eq!(english.own_strengths, ["football"]);
    assert_eq!(dutch.own_strengths, ["voetbal"]);
    let role = &english.bijdragen[0];
    assert!(
        role.explanation.starts_with("fits: "),
        "{}",
        role.explanation
    );
    assert!(dutch.bijdragen[0].explanation.starts_with("past bij: "));
    let coalition = &english.samen[0];
    assert!(
        coalition.partners.iter().any(|p| p.name == "You"),
        "{:?}",
        coalition.partners
    );
    assert!(coalition.goal.starts_with("Together"), "{}", coalition.goal);
    assert!(
        dutch.samen[0].goal.starts_with("Samen"),
        "{}",
        dutch.samen[0].goal
    );
}

on_both_backends! {
    async fn a_coordinator_of_its_gemeente_starts_a_coalition_and_its_partners_keep_it_going(backend) {
        let app = TestApp::demo(backend).await;
        let state = &app.state;
        let proposal = coalitions::proposals(state, None, Lang::Nl).await.unwrap().remove(0);
        assert_eq!(proposal.gemeente.as_deref(), Some("GM0344"));
        let coordinator = actor(&app, Role::Coordinator, Some("GM0344"), &[]).await;
        let elsewhere = actor(&app, Role::Coordinator, Some("GM0363"), &[]).await;
        let professional = actor(&app, Role::Professional, None, &[]).await;
        let club_provider = actor(&app, Role::Provider, None, &[club()]).await;
        let other_provider = actor(&app, Role::Provider, None, &[other_org()]).await;

        for wrong in [&elsewhere, &professional, &club_provider] {
            assert!(matches!(
                coalitions::start(state, wrong, proposal.need_id).await,
                Err(Error::Forbidden)
            ), "{:?} may not start it", wrong.role);
        }
        let id = coalitions::start(state, &coordinator, proposal.need_id).await.unwrap();
        let started = coalitions::get(state, id).await.unwrap();
        assert_eq!((started.status.as_str(), started.name.as_str()), ("idea", proposal.title.as_str()));

        let note = app::coalitions::NoteView {
            written_on: "2026-12-01".into(),
            label: "kinderen van de wachtlijst".into(),
            number: Some(8),
            ..Default::default()
        };
        coalitions::answer(state, &club_provider, id, club(), coalitions::Answer::Accept).await.unwrap();
        let kept = coalitions::add_note(state, &club_provider, id, &note).await.unwrap().0;
        assert_eq!(kept.notes.len(), 1, "the club is a partner");
        for outsider in [&other_provider, &elsewhere] {
            assert!(matches!(
                coalitions::add_note(state, outsider, id, &note).await,
                Err(Error::Forbidden)
            ));
        }
        let mut moved: app::coalitions::CoalitionInput = serde_json::from_value(
            serde_json::to_value(&started).unwrap(),
        ).unwrap();
        moved.gemeente = Some("GM0363".into());
        assert!(matches!(
            coalitions::update(state, &coordinator, id, moved).await,
            Err(Error::Forbidden)
        ), "a coordinator keeps it in their gemeente");
        assert!(matches!(coalitions::delete(state, &club_provider, id).await, Err(Error::Forbidden)));
        coalitions::delete(state, &coordinator, id).await.unwrap();
    }
}

on_both_backends! {
    async fn providers_edit_only_their_own_listings_and_get_the_wrong_field_back(backend) {
        let app = TestApp::demo(backend).await;
        let state = &app.state;
        let provider = actor(&app, Role::Provider, None, &[club()]).await;
        let mut need = app::manage::NeedForm {
            organisatie: club().to_string(),
            soort: "vrijwilliger".into(),
            titel: "x".into(),
            open: "ja".into(),
            ..Default::default()
        };
        assert_eq!(needs::save(state, &provider, &need).await.unwrap(), Saved::Invalid("titel"));
        need.titel = "Hulp bij de kantine".into();
        for (field, wrong) in [
            ("vergoeding", app::manage::NeedForm { vergoeding: "salaris".into(), ..need.clone() }),
            ("bedrag", app::manage::NeedForm { bedrag: "veel".into(), ..need.clone() }),
            ("dagen", app::manage::NeedForm { dagen: vec!["maandag".into()], ..need.clone() }),
            ("uren", app::manage::NeedForm { uren: "100".into(), ..need.clone() }),
            ("taken", app::manage::NeedForm { taken: "x".repeat(20_000), ..need.clone() }),
        ] {
            assert_eq!(needs::save(state, &provider, &wrong).await.unwrap(), Saved::Invalid(field));
        }
        need.taken = "Broodjes smeren en koffie schenken.".into();
        need.dagen = vec!["za".into()];
        need.vergoeding = "vergoeding".into();
        need.bedrag = "25".into();
        need.contact_naam = "Ans".into();
        let Saved::Done(id) = needs::save(state, &provider, &need).await.unwrap() else {
            panic!("a valid need is saved")
        };
        let stored = needs::form(state, &provider, &id.to_string(), "").await.unwrap().unwrap().form;
        assert_eq!((stored.dagen, stored.bedrag, stored.contact_naam), (vec!["za".to_string()], "25".to_string(), "Ans".to_string()));
        assert_eq!(stored.uitkering, "", "not cleared unless said");
        need.organisatie = other_org().to_string();
        assert!(matches!(needs::save(state, &provider, &need).await, Err(Error::Forbidden)));

        let place = app::manage::LocationForm {
            organisatie: club().to_string(),
            naam: "Kantine".into(),
            adres: "Sportpark 1".into(),
            postcode: "0000".into(),
            plaats: "De Meern".into(),
            ..Default::default()
        };
        assert_eq!(places::save(state, &provider, &place).await.unwrap(), Saved::Invalid("postcode"));

        assert_eq!(
            manage::set_waiting_list(state, &provider, club_offer(), "veel", None).await.unwrap(),
            Saved::Invalid("wachtlijst")
        );
        let professional = actor(&app, Role::Professional, None, &[]).await;
        assert!(matches!(manage::dashboard(state, &professional).await, Err(Error::Forbidden)));
    }
}

on_both_backends! {
    async fn a_robot_gets_the_same_thanks_as_a_person_and_nothing_is_stored(backend) {
        let app = TestApp::demo(backend).await;
        let state = &app.state;
        let provider = actor(&app, Role::Provider, None, &[club()]).await;
        let robot = offers::SignUp {
            name: "Robot".into(),
            contact: "robot@example.org".into(),
            website: "https://spam.example".into(),
            ..Default::default()
        };
        assert_eq!(offers::sign_up(state, club_offer(), &robot, None).await.unwrap(), Some(Saved::Done(())));
        assert!(manage::dashboard(state, &provider).await.unwrap().signups.is_empty());
        let person = offers::SignUp { website: String::new(), name: "Ans".into(), ..robot };
        assert_eq!(offers::sign_up(state, club_offer(), &person, None).await.unwrap(), Some(Saved::Done(())));
        let signups = manage::dashboard(state, &provider).await.unwrap().signups;
        assert_eq!(signups.len(), 1);
        assert_eq!(signups[0].name, "Ans", "opened for the organisation, sealed at rest");

        let report = moderation::report(state, club_offer(), "kort", "", None).await.unwrap();
        assert_eq!(report, Saved::Invalid("bericht"));
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_wrong_password_and_an_unknown_address_get_the_same_answer() {
    let app = TestApp::demo(Backend::Sqlite).await;
    let state = &app.state;
    let coordinator = actor(&app, Role::Coordinator, Some("GM0344"), &[]).await;
    let invited = accounts::invite(state, &coordinator, "nieuw@example.org", "provider", None)
        .await
        .unwrap();
    assert!(matches!(invited, Saved::Done(_)));
    let again = accounts::invite(state, &coordinator, "nieuw@example.org", "provider", None);
    assert_eq!(again.await.unwrap(), Saved::Invalid("bestaat"));
    let wrong = accounts::log_in(state, "nieuw@example.org", "geen wachtwoord", None);
    let unknown = accounts::log_in(state, "niemand@example.org", "geen wachtwoord", None);
    assert_eq!(wrong.await.unwrap(), Saved::Invalid("onjuist"));
    assert_eq!(unknown.await.unwrap(), Saved::Invalid("onjuist"));
    let provider = actor(&app, Role::Provider, None, &[club()]).await;
    assert!(matches!(
        accounts::invite(state, &provider, "ander@example.org", "provider", None).await,
        Err(Error::Forbidden)
    ));
}

on_both_backends! {
    async fn a_registered_organisation_waits_for_a_moderator_of_its_own_gemeente(backend) {
        let app = TestApp::demo(backend).await;
        let state = &app.state;
        let provider = actor(&app, Role::Provider, None, &[]).await;
        let utrecht = actor(&app, Role::Coordinator, Some("GM0344"), &[]).await;
        let elsewhere = actor(&app, Role::Coordinator, Some("GM0363"), &[]).await;
        let mut new = moderation::NewOrganisation {
            name: "Buurtmoestuin De Meern".into(),
            address: "Tuinstraat 1".into(),
            postcode: "1000".into(),
            city: "De Meern".into(),
            ..Default::default()
        };
        assert_eq!(moderation::register(state, &provider, &new).await.unwrap(), Saved::Invalid("postcode"));
        new.postcode = "3454".into();
        let id = moderation::register(state, &provider, &new).await.unwrap().done().unwrap();

        let waiting = moderation::queue(state, &utrecht).await.unwrap();
        assert!(waiting.organisations.iter().any(|o| o.id == id));
        assert!(moderation::queue(state, &elsewhere).await.unwrap().organisations.iter().all(|o| o.id != id));
        assert!(matches!(
            moderation::decide(state, &elsewhere, moderation::Subject::Organisation, id, true).await,
            Err(Error::Forbidden)
        ));
        assert!(matches!(moderation::queue(state, &provider).await, Err(Error::Forbidden)));
        moderation::decide(state, &utrecht, moderation::Subject::Organisation, id, true).await.unwrap();
        assert!(moderation::queue(state, &utrecht).await.unwrap().organisations.iter().all(|o| o.id != id));
    }
}

on_both_backends! {
    async fn consent_withdrawn_empties_what_the_receiver_sees_and_escalation_waits_its_turn(backend) {
        let app = TestApp::demo(backend).await;
        let state = &app.state;
        let professional = actor(&app, Role::Professional, None, &[]).await;
        let provider = actor(&app, Role::Provider, None, &[club()]).await;
        let form = TrajectForm { naam: "K.".into(), waar: "3454".into(), ..Default::default() };
        let traject = trajecten::save(state, &professional, form).await.unwrap().done().unwrap();
        let referral = ReferralForm {
            traject: traject.to_string(),
            naar: format!("aanbod:{}", club_offer()),
            wens: "Meedoen met voetbal".into(),
            delen: vec!["naam".into()],
            toestemming_door: "de persoon zelf".into(),
            toestemming: "ja".into(),
            overdracht: "zelf".into(),
            ..Default::default()
        };
        let id = referrals::send(state, &professional, &referral).await.unwrap().done().unwrap().to_string();
        let fresh = referrals::load(state, &professional, &id).await.unwrap().unwrap();
        assert!(fresh.can_escalate, "the club has a waiting list: the coordinator may be asked at once");
        referrals::escalate(state, &professional, &id).await.unwrap();
        let escalated = referrals::load(state, &professional, &id).await.unwrap().unwrap();
        assert!(escalated.escalated && !escalated.can_escalate);
        assert!(matches!(referrals::escalate(state, &professional, &id).await, Err(Error::Invalid(_))));
        let coordinator = actor(&app, Role::Coordinator, Some("GM0344"), &[]).await;
        assert!(referrals::load(state, &coordinator, &id).await.unwrap().unwrap().can_take_up);
        referrals::take_up(state, &coordinator, &id).await.unwrap();
        assert!(matches!(referrals::take_up(state, &coordinator, &id).await, Err(Error::Invalid(_))));
        referrals::revoke_consent(state, &professional, &id).await.unwrap();
        let seen = referrals::load(state, &provider, &id).await.unwrap().unwrap();
        assert!(seen.revoked);
        assert!(seen.shared.is_empty() && seen.wish.is_empty(), "nothing personal is left to see");
        assert!(matches!(
            referrals::revoke_consent(state, &provider, &id).await,
            Err(Error::Forbidden)
        ), "only the professional withdraws consent for the person");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_offer_editor_refuses_a_time_that_is_no_time_and_saves_a_good_offer() {
    let app = TestApp::demo(Backend::Sqlite).await;
    let state = &app.state;
    let provider = actor(&app, Role::Provider, None, &[club()]).await;
    let mut form = app::manage::OfferForm {
        organisatie: club().to_string(),
        locaties: vec![club_location().to_string()],
        naam: "Walking football".into(),
        beschrijving: "Voetbal in wandeltempo voor 60-plussers.".into(),
        soort: "vereniging".into(),
        leefgebied: vec!["bewegen".into()],
        telefoon: "030 000 1201".into(),
        dag: "2".into(),
        van: "25:00".into(),
        tot: "11:00".into(),
        talen: vec!["nl".into()],
        ..Default::default()
    };
    assert_eq!(
        offers::save(state, &provider, &form).await.unwrap(),
        Saved::Invalid("van")
    );
    form.van = "10:00".into();
    let id = offers::save(state, &provider, &form)
        .await
        .unwrap()
        .done()
        .unwrap();
    let page = app::service::cards::offer_page(state, id, Lang::En)
        .await
        .unwrap();
    assert_eq!(page.name, "Walking football");
    assert!(
        page.schedule[0]
            .in_words(Lang::En)
            .starts_with("every Tuesday"),
        "{:?}",
        page.schedule
    );
}

on_both_backends! {
    async fn a_personal_api_token_is_shown_once_acts_as_its_maker_and_opens_nothing_once_revoked(backend) {
        use app::service::{tokens, Saved};
        let app = TestApp::empty(backend).await;
        let state = &app.state;
        let coordinator = actor(&app, Role::Coordinator, Some("GM0344"), &[]).await;
        let professional = actor(&app, Role::Professional, None, &[]).await;
        assert!(matches!(tokens::create(state, &professional, "script").await, Err(Error::Forbidden)));
        assert_eq!(tokens::create(state, &coordinator, " ").await.unwrap(), Saved::Invalid("naam"));
        assert_eq!(
            tokens::create(state, &coordinator, &"x".repeat(61)).await.unwrap(),
            Saved::Invalid("naam")
        );

        let Saved::Done(id) = tokens::create(state, &coordinator, "planning").await.unwrap() else {
            panic!("made");
        };
        let shown = tokens::list(state, &coordinator, Some(id), Lang::Nl).await.unwrap();
        let token = shown.fresh.expect("shown the first time");
        assert!(token.starts_with("sk_") && token.len() == 67, "{token}");
        assert!(shown.keys[0].prefix.len() < 12 && token.starts_with(&shown.keys[0].prefix));
        let again = tokens::list(state, &coordinator, Some(id), Lang::Nl).await.unwrap();
        assert_eq!(again.fresh, None, "never a second time");
        let other = actor(&app, Role::Coordinator, Some("GM0344"), &[]).await;
        assert!(tokens::list(state, &other, Some(id), Lang::Nl).await.unwrap().keys.is_empty());

        // Nothing in the database opens anything: only a hash and an emptied sealed copy.
        let sql = "SELECT token_hash || prefix || unseen_sealed FROM api_tokens";
        let stored: Vec<String> = app::on_pool!(&state.db, p => sqlx::query_scalar(sql).fetch_all(p).await.unwrap());
        assert!(stored.iter().all(|row| !row.contains(&token)), "{stored:?}");

        let holder = tokens::holder(state, &token).await.unwrap();
        assert_eq!((holder.id, holder.role), (coordinator.id, Role::Coordinator));
        assert!(tokens::list(state, &coordinator, None, Lang::Nl).await.unwrap().keys[0].used.is_some());
        for wrong in ["", "sk_", "Bearer x", &token[..token.len() - 1], &format!("{token}0")] {
            assert!(matches!(tokens::holder(state, wrong).await, Err(Error::Unauthenticated)), "{wrong}");
        }

        assert!(matches!(tokens::revoke(state, &other, id).await, Err(Error::NotFound)), "only the maker revokes");
        tokens::revoke(state, &coordinator, id).await.unwrap();
        assert!(matches!(tokens::holder(state, &token).await, Err(Error::Unauthenticated)));
        assert!(tokens::list(state, &coordinator, None, Lang::Nl).await.unwrap().keys[0].revoked);

        // A disabled account's tokens open nothing either.
        let second = crate::support::token_of(&app, &coordinator, "tweede").await;
        assert!(tokens::holder(state, &second).await.is_ok());
        let sql = "UPDATE users SET disabled = $1 WHERE id = $2";
        app::on_pool!(&state.db, p => sqlx::query(sql).bind(true).bind(coordinator.id).execute(p).await.map(drop).unwrap());
        assert!(matches!(tokens::holder(state, &second).await, Err(Error::Unauthenticated)));

        // Ten live tokens at most; a revoked one makes room.
        for n in 0..tokens::MAX_LIVE {
            let made = tokens::create(state, &other, &format!("sleutel {n}")).await.unwrap();
            assert!(matches!(made, Saved::Done(_)), "{n}");
        }
        assert_eq!(tokens::create(state, &other, "elfde").await.unwrap(), Saved::Invalid("te-veel"));
    }
}

on_both_backends! {
    async fn partners_are_invited_say_yes_or_no_and_only_those_who_said_yes_keep_the_coalition_going(backend) {
        use app::coalitions::CoalitionForm;
        use app::service::coalitions::Answer;
        use app::service::Saved;
        let app = TestApp::demo(backend).await;
        let (state, outbox) = crate::support::Outbox::for_app(&app);
        let state = &state;
        let coordinator = actor(&app, Role::Coordinator, Some("GM0344"), &[]).await;
        let club_provider = actor(&app, Role::Provider, None, &[club()]).await;
        let other_provider = actor(&app, Role::Provider, None, &[other_org()]).await;
        let proposal = coalitions::proposals(state, None, Lang::Nl).await.unwrap().remove(0);
        let id = coalitions::start(state, &coordinator, proposal.need_id).await.unwrap();
        let started = coalitions::get(state, id).await.unwrap();
        let club_line = started.partners.iter().find(|p| p.organisation_id == Some(club())).unwrap();
        assert_eq!(club_line.standing, "invited");
        let asked = outbox.to(&club_provider.email);
        assert_eq!(asked.len(), 1, "the club's manager is asked by mail");
        assert!(asked[0].1.contains(&format!("/coalities/{id}#partners")), "{}", asked[0].1);
        assert!(started.needs_deputy(), "one link person");

        let note = app::coalitions::NoteView { label: "kinderen".into(), number: Some(8), ..Default::default() };
        assert!(matches!(
            coalitions::add_note(state, &club_provider, id, &note).await,
            Err(Error::Forbidden)
        ), "an invitation alone gives no say");
        let rights = coalitions::rights(state, Some(&club_provider), Some(id)).await.unwrap();
        assert_eq!((rights.change, rights.own.len()), (false, 1));
        assert!(matches!(
            coalitions::answer(state, &other_provider, id, club(), Answer::Accept).await,
            Err(Error::Forbidden)
        ), "only the club's own managers answer for the club");
        coalitions::answer(state, &club_provider, id, club(), Answer::Accept).await.unwrap();
        assert!(matches!(
            coalitions::answer(state, &club_provider, id, club(), Answer::Accept).await,
            Err(Error::Invalid(_))
        ), "answered once");
        coalitions::add_note(state, &club_provider, id, &note).await.unwrap();
        let later = app::coalitions::NoteView {
            written_on: "2027-01-15".into(),
            number: Some(11),
            outcomes: vec!["erkend".into(), "van-betekenis".into()],
            ..note.clone()
        };
        let counted = coalitions::add_note(state, &club_provider, id, &later).await.unwrap().0;
        assert_eq!(counted.notes[0].outcomes, ["erkend", "van-betekenis"]);
        let (label, points) = app::coalitions::chart_series(&counted.notes).expect("two counts make a line");
        assert_eq!(label, "kinderen");
        assert_eq!(points.last().unwrap(), &("2027-01-15".to_string(), 11));
        let odd = app::coalitions::NoteView { outcomes: vec!["blij".into()], ..note.clone() };
        assert!(matches!(coalitions::add_note(state, &club_provider, id, &odd).await, Err(Error::Invalid(_))));

        // The club invites another organisation from the map, which says no.
        let invite = |org| app::profile::PartnerView {
            organisation_id: Some(org),
            role: "supporter".into(),
            gives: "een ruimte".into(),
            ..Default::default()
        };
        let found = coalitions::candidates(state, &club_provider, id, "geldzaken").await.unwrap();
        assert_eq!(found.iter().map(|(o, _)| *o).collect::<Vec<_>>(), vec![other_org()]);
        assert_eq!(coalitions::invite_partner(state, &club_provider, id, invite(other_org())).await.unwrap(), Saved::Done(()));
        assert_eq!(
            coalitions::invite_partner(state, &club_provider, id, invite(other_org())).await.unwrap(),
            Saved::Invalid("al-partner")
        );
        assert!(coalitions::candidates(state, &club_provider, id, "geldzaken").await.unwrap().is_empty());
        assert_eq!(outbox.to(&other_provider.email).len(), 1);
        coalitions::answer(state, &other_provider, id, other_org(), Answer::Decline).await.unwrap();
        assert!(matches!(
            coalitions::add_note(state, &other_provider, id, &note).await,
            Err(Error::Forbidden)
        ));

        // Status with a reason, and a second link person.
        let mut form = CoalitionForm::from_view(&coalitions::get(state, id).await.unwrap());
        form.status = "ended".into();
        assert_eq!(coalitions::edit(state, &club_provider, id, &form).await.unwrap(), Saved::Invalid("reden"));
        form.deelnemers = "-3".into();
        form.reden = "Het geld is op".into();
        assert_eq!(coalitions::edit(state, &club_provider, id, &form).await.unwrap(), Saved::Invalid("deelnemers"));
        form.deelnemers = "12".into();
        form.status = "active".into();
        form.tweede = "Ayla, buurtsportcoach".into();
        assert_eq!(coalitions::edit(state, &club_provider, id, &form).await.unwrap(), Saved::Done(()));
        let edited = coalitions::get(state, id).await.unwrap();
        assert_eq!((edited.participants, edited.status.as_str()), (12, "active"));
        assert!(!edited.needs_deputy());
        assert_eq!(edited.partners.len(), started.partners.len() + 1, "partners stay as they were");

        // The club leaves: the gemeente's coordinators hear it, and the club has no say any more.
        coalitions::answer(state, &club_provider, id, club(), Answer::Leave).await.unwrap();
        let told = outbox.to(&coordinator.email);
        assert!(told.iter().any(|(subject, _)| subject.contains("stopt als partner")), "{told:?}");
        assert!(matches!(
            coalitions::add_note(state, &club_provider, id, &note).await,
            Err(Error::Forbidden)
        ));
        // A change through the API keeps every partner's standing.
        let mut input: app::coalitions::CoalitionInput =
            serde_json::from_value(serde_json::to_value(coalitions::get(state, id).await.unwrap()).unwrap()).unwrap();
        input.goal = "Samen verder".into();
        let kept = coalitions::update(state, &coordinator, id, input).await.unwrap();
        let club_line = kept.partners.iter().find(|p| p.organisation_id == Some(club())).unwrap();
        assert_eq!(club_line.standing, "left");
    }
}

on_both_backends! {
    async fn funding_that_ends_is_told_once_at_90_and_30_days_also_with_two_nodes_and_a_quiet_coalition_is_reminded_once(backend) {
        use app::coalitions::FundingLine;
        use app::service::Saved;
        let app = TestApp::demo_without_housekeeping(backend).await;
        let (node_a, outbox_a) = crate::support::Outbox::for_app(&app);
        let (node_b, outbox_b) = crate::support::Outbox::for_app(&app);
        let coordinator = actor(&app, Role::Coordinator, Some("GM0344"), &[]).await;
        let club_provider = actor(&app, Role::Provider, None, &[club()]).await;
        let id = crate::support::fixtures::club_coalition(&app, Vec::new()).await;
        let mut form = app::coalitions::CoalitionForm::from_view(&coalitions::get(&node_a, id).await.unwrap());
        form.schakel_contact = "sam@jongerenwerk.example".into();
        assert_eq!(coalitions::edit(&node_a, &club_provider, id, &form).await.unwrap(), Saved::Done(()));

        let today = chrono::Utc::now().date_naive();
        let day = |n: u64| (today + chrono::Days::new(n)).format("%Y-%m-%d").to_string();
        let line = |source: &str, ends: u64| FundingLine {
            source: source.into(),
            amount_euros: Some(12000),
            starts_on: None,
            ends_on: Some(day(ends)),
        };
        let bad = FundingLine { starts_on: Some(day(90)), ..line("Fonds", 80) };
        assert_eq!(coalitions::add_funding(&node_a, &club_provider, id, bad).await.unwrap(), Saved::Invalid("geld"));
        for (source, ends) in [("Sportakkoord", 80), ("Fonds later", 200)] {
            assert_eq!(
                coalitions::add_funding(&node_a, &club_provider, id, line(source, ends)).await.unwrap(),
                Saved::Done(())
            );
        }
        let shown = coalitions::get(&node_a, id).await.unwrap();
        assert_eq!(shown.funding.len(), 2);
        assert_eq!(shown.funding_days_left, Some(80));

        // Both nodes run their housekeeping at once: one mail, to the link person and the gemeente.
        let (a, b) = tokio::join!(
            coalitions::housekeeping(&node_a, today),
            coalitions::housekeeping(&node_b, today)
        );
        assert_eq!(a.unwrap().funding_warnings + b.unwrap().funding_warnings, 1);
        let mails: Vec<_> = outbox_a.all().into_iter().chain(outbox_b.all()).collect();
        let to: Vec<&str> = mails.iter().map(|(to, _, _)| to.as_str()).collect();
        assert!(to.contains(&"sam@jongerenwerk.example") && to.contains(&coordinator.email.as_str()), "{to:?}");
        assert!(mails.iter().all(|(_, subject, _)| subject.contains("stopt over 80 dagen")), "{mails:?}");
        let before = mails.len();
        coalitions::housekeeping(&node_a, today).await.unwrap();
        coalitions::housekeeping(&node_b, today).await.unwrap();
        assert_eq!(outbox_a.all().len() + outbox_b.all().len(), before, "not a second time");

        // An edit keeps the warnings already sent; fifty days on, the 30-day mail comes once.
        form.plek = "Sportpark De Meern".into();
        coalitions::edit(&node_a, &club_provider, id, &form).await.unwrap();
        coalitions::housekeeping(&node_a, today).await.unwrap();
        assert_eq!(outbox_a.all().len() + outbox_b.all().len(), before, "an edit sends nothing");
        let later = today + chrono::Days::new(50);
        let round = coalitions::housekeeping(&node_a, later).await.unwrap();
        assert_eq!(round.funding_warnings, 1);
        assert!(outbox_a.all().last().unwrap().1.contains("stopt over 30 dagen"));
        assert_eq!(coalitions::housekeeping(&node_b, later).await.unwrap().funding_warnings, 0);

        // Three months without a note: "stil", one reminder to the link person.
        let long_ago = chrono::Utc::now() - chrono::Duration::days(100);
        let sql = "UPDATE coalitions SET created_at = $1 WHERE id = $2";
        app::on_pool!(&node_a.db, p => sqlx::query(sql).bind(long_ago).bind(id).execute(p).await.map(drop).unwrap());
        assert!(coalitions::get(&node_a, id).await.unwrap().quiet);
        let (a, b) = tokio::join!(
            coalitions::housekeeping(&node_a, later),
            coalitions::housekeeping(&node_b, later)
        );
        assert_eq!(a.unwrap().quiet_reminders + b.unwrap().quiet_reminders, 1);
        assert_eq!(coalitions::housekeeping(&node_a, later).await.unwrap().quiet_reminders, 0);
        let note = app::coalitions::NoteView { label: "trainingen".into(), number: Some(4), ..Default::default() };
        coalitions::add_note(&node_a, &club_provider, id, &note).await.unwrap();
        assert!(!coalitions::get(&node_a, id).await.unwrap().quiet, "a note wakes it up");

        coalitions::remove_funding(&node_a, &club_provider, id, 0).await.unwrap();
        assert_eq!(coalitions::get(&node_a, id).await.unwrap().funding[0].source, "Fonds later");
        assert!(matches!(coalitions::remove_funding(&node_a, &club_provider, id, 5).await, Err(Error::NotFound)));
    }
}

on_both_backends! {
    async fn the_gemeente_sees_its_coalitions_in_one_place_and_which_lose_their_money_this_quarter(backend) {
        use app::coalitions::FundingLine;
        let app = TestApp::demo_without_housekeeping(backend).await;
        let state = &app.state;
        let coordinator = actor(&app, Role::Coordinator, Some("GM0344"), &[]).await;
        let elsewhere = actor(&app, Role::Coordinator, Some("GM0363"), &[]).await;
        let club_provider = actor(&app, Role::Provider, None, &[club()]).await;
        let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 2).unwrap();
        assert_eq!(coalitions::quarter_end(today), chrono::NaiveDate::from_ymd_opt(2026, 12, 31).unwrap());
        assert_eq!(
            coalitions::quarter_end(chrono::NaiveDate::from_ymd_opt(2027, 2, 10).unwrap()),
            chrono::NaiveDate::from_ymd_opt(2027, 3, 31).unwrap()
        );
        let soon = crate::support::fixtures::club_coalition(&app, Vec::new()).await;
        let later = crate::support::fixtures::club_coalition(&app, Vec::new()).await;
        for (id, ends) in [(soon, "2026-12-20"), (later, "2027-06-30")] {
            let line = FundingLine { source: "Sportakkoord".into(), ends_on: Some(ends.into()), ..Default::default() };
            coalitions::add_funding(state, &club_provider, id, line).await.unwrap();
        }
        for (day, n) in [("2026-10-01", 5), ("2026-11-01", 8)] {
            let note = app::coalitions::NoteView { written_on: day.into(), label: "kinderen".into(), number: Some(n), ..Default::default() };
            coalitions::add_note(state, &club_provider, soon, &note).await.unwrap();
        }

        let all = coalitions::overview(state, &coordinator, false, today).await.unwrap();
        assert_eq!(all.len(), 2);
        let first = all.iter().find(|l| l.id == soon).unwrap();
        assert!(first.ends_this_quarter);
        assert_eq!((first.trend.as_str(), first.partners.as_str()), ("up", "VV De Meern"));
        assert_eq!(first.latest_note.as_deref(), Some("2026-11-01: 8 kinderen"));
        let quarter = coalitions::overview(state, &coordinator, true, today).await.unwrap();
        assert_eq!(quarter.iter().map(|l| l.id).collect::<Vec<_>>(), vec![soon]);
        assert!(coalitions::overview(state, &elsewhere, false, today).await.unwrap().is_empty(), "another gemeente's");
        assert!(matches!(coalitions::overview(state, &club_provider, false, today).await, Err(Error::Forbidden)));
    }
}

on_both_backends! {
    async fn the_link_person_keeps_the_coalition_going_with_their_own_account(backend) {
        let app = TestApp::demo(backend).await;
        let state = &app.state;
        let id = crate::support::fixtures::club_coalition(&app, Vec::new()).await;
        // Sam works for the wijkteam: no partner, no coordinator, but the named link person.
        let sam = actor(&app, Role::Professional, None, &[]).await;
        let colleague = actor(&app, Role::Professional, None, &[]).await;
        let note = app::coalitions::NoteView { label: "trainers".into(), number: Some(3), ..Default::default() };
        assert!(matches!(coalitions::add_note(state, &sam, id, &note).await, Err(Error::Forbidden)));
        let mut input: app::coalitions::CoalitionInput =
            serde_json::from_value(serde_json::to_value(coalitions::get(state, id).await.unwrap()).unwrap()).unwrap();
        input.link_contact = sam.email.to_uppercase();
        app::db::update_coalition(&state.db, id, input).await.unwrap();
        let (kept, _) = coalitions::add_note(state, &sam, id, &note).await.unwrap();
        assert_eq!(kept.notes.len(), 1, "the link person counts what it achieved");
        assert!(coalitions::rights(state, Some(&sam), Some(id)).await.unwrap().change);
        assert!(matches!(coalitions::add_note(state, &colleague, id, &note).await, Err(Error::Forbidden)));
        assert!(!coalitions::rights(state, Some(&colleague), Some(id)).await.unwrap().change);
    }
}
