//! Who may call what: every server function has a rule, and the matrix of every state-changing
//! route and role holds, read from the same rules the services check.

use leptos::server_fn::ServerFn;
use uuid::Uuid;

use crate::support::fixtures::{admin, club, club_location, club_offer, offer_fields, other_org};
use crate::support::{login_as, post, post_for_body, Backend, Session, TestApp};
use app::auth::{Access, Role};

/// A new buurtteam in Utrecht, made at the command line.
async fn new_team(app: &TestApp) -> Uuid {
    let name = format!("Buurtteam {}", Uuid::new_v4().simple());
    app::service::teams::create(
        &app.state,
        &app::auth::Me::operator(),
        "GM0344",
        &name,
        "buurtteam",
        "",
        "",
    )
    .await
    .unwrap()
    .done()
    .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_server_function_has_an_access_rule() {
    let table = server::guard::Table::build();
    let missing: Vec<&str> = table
        .entries()
        .into_iter()
        .filter(|(_, rule)| rule.is_none())
        .map(|(path, _)| path)
        .collect();
    assert!(
        missing.is_empty(),
        "server functions without a rule: {missing:?}"
    );
    assert!(table.entries().len() >= 20);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_authorisation_matrix_holds_for_every_state_changing_route_and_role() {
    let app = TestApp::demo(Backend::Sqlite).await;
    crate::support::fixtures::club_reads_sign_ups(&app).await;
    let signup = app::db::save_signup(&app.state.db, club_offer(), "Sam", "06 12345678", "")
        .await
        .unwrap()
        .unwrap();
    let sessions: Vec<(&str, Session)> = vec![
        ("anonymous", Session::anonymous()),
        (
            "provider of A",
            login_as(&app, Role::Provider, None, &[club()]).await,
        ),
        (
            "provider of B",
            login_as(&app, Role::Provider, None, &[other_org()]).await,
        ),
        (
            "professional",
            login_as(&app, Role::Professional, None, &[]).await,
        ),
        (
            "coordinator elsewhere",
            login_as(&app, Role::Coordinator, Some("GM0363"), &[]).await,
        ),
        (
            "coordinator",
            login_as(&app, Role::Coordinator, Some("GM0344"), &[]).await,
        ),
        ("admin", login_as(&app, Role::Admin, None, &[]).await),
    ];
    // The professional's own traject and a referral to organisation A.
    let professional = &sessions[3].1;
    let traject = crate::referrals::new_traject(&app, professional).await;
    let to_club = format!("aanbod:{}", club_offer());
    let referral =
        crate::referrals::refer(&app, professional, traject, &to_club, &["leeftijd"]).await;
    // A coalition in gemeente GM0344 with organisation A as a partner.
    let coalition = crate::support::fixtures::club_coalition(&app, Vec::new()).await;
    // Every role-bound server function, with a request that touches organisation A.
    type Route<'a> = (&'a str, &'a str, Vec<(&'a str, String)>);
    let routes: Vec<Route> = vec![
        (
            "set waiting list",
            app::api::SetWaitingList::PATH,
            vec![
                ("aanbod", club_offer().to_string()),
                ("wachtlijst", "30".into()),
            ],
        ),
        (
            "alles klopt nog",
            app::api::ConfirmStillCorrect::PATH,
            vec![("organisatie", club().to_string())],
        ),
        (
            "publish need",
            app::api::PublishWaitingListNeed::PATH,
            vec![("aanbod", club_offer().to_string())],
        ),
        (
            "sign-up status",
            app::api::SetSignupStatus::PATH,
            vec![
                ("aanmelding", signup.to_string()),
                ("status", "gestart".into()),
            ],
        ),
        (
            "move help answer",
            app::api::MoveHelpAnswer::PATH,
            vec![("status", "kennismaking".into())],
        ),
        (
            "invite talent",
            app::api::InviteTalent::PATH,
            vec![
                ("rol", crate::referrals::trainer_role().to_string()),
                ("bericht", "Kom je helpen?".into()),
            ],
        ),
        (
            "start coalition",
            app::api::StartCoalition::PATH,
            vec![("need", crate::referrals::trainer_role().to_string())],
        ),
        (
            "signals",
            app::api::Signals::PATH,
            vec![("periode", String::new()), ("gemeente", String::new())],
        ),
        (
            "report knelpunt",
            app::api::ReportKnelpunt::PATH,
            vec![
                ("form[traject]", traject.to_string()),
                ("form[regel]", "kostendelersnorm".into()),
                (
                    "form[samenvatting]",
                    "De bijstand gaat omlaag door het delen van een huis.".into(),
                ),
                ("form[kosten]", String::new()),
            ],
        ),
        (
            "decide knelpunt",
            app::api::DecideKnelpunt::PATH,
            vec![("status", "opgeschaald".into()), ("notitie", String::new())],
        ),
        (
            "new coalition",
            app::api::NewCoalition::PATH,
            vec![
                ("naam", "Samen sterk in De Meern".into()),
                ("doel", String::new()),
            ],
        ),
        (
            "invite newcomer",
            app::api::InviteNewcomer::PATH,
            vec![
                ("coalitie", coalition.to_string()),
                ("naam", "Sportclub Nieuw".into()),
                ("email", "nieuw@example.org".into()),
                ("rol", "supporter".into()),
                ("geeft", String::new()),
                ("krijgt", String::new()),
            ],
        ),
        (
            "coalition note",
            app::api::AddCoalitionNote::PATH,
            vec![
                ("coalitie", coalition.to_string()),
                ("wat", "kinderen van de wachtlijst".into()),
                ("aantal", "1".into()),
                ("verhaal", String::new()),
            ],
        ),
        (
            "save coalition",
            app::api::SaveCoalition::PATH,
            vec![
                ("coalitie", coalition.to_string()),
                ("form[naam]", "Trainerskracht".into()),
                ("form[status]", "active".into()),
            ],
        ),
        (
            "coalition candidates",
            app::api::CoalitionCandidates::PATH,
            vec![
                ("coalitie", coalition.to_string()),
                ("zoek", "geldzaken".into()),
            ],
        ),
        (
            "invite coalition partner",
            app::api::InviteCoalitionPartner::PATH,
            vec![
                ("coalitie", coalition.to_string()),
                ("organisatie", other_org().to_string()),
                ("rol", "supporter".into()),
                ("geeft", String::new()),
                ("krijgt", String::new()),
            ],
        ),
        (
            "add funding",
            app::api::AddFunding::PATH,
            vec![
                ("coalitie", coalition.to_string()),
                ("bron", "Sportakkoord".into()),
                ("bedrag", "12000".into()),
                ("van", String::new()),
                ("tot", "2027-06-30".into()),
            ],
        ),
        // The line the same role just added.
        (
            "remove funding",
            app::api::RemoveFunding::PATH,
            vec![("coalitie", coalition.to_string()), ("regel", "0".into())],
        ),
        (
            "coalition overview",
            app::api::CoalitionOverview::PATH,
            vec![("filter", String::new())],
        ),
        ("dashboard", app::api::Dashboard::PATH, vec![]),
        (
            "api keys",
            app::api::ApiKeys::PATH,
            vec![("nieuw", String::new())],
        ),
        (
            "create api key",
            app::api::CreateApiKey::PATH,
            vec![("naam", "script".into())],
        ),
        // Each revokes a key of its own (made below).
        ("revoke api key", app::api::RevokeApiKey::PATH, vec![]),
        ("moderation queue", app::api::ModerationQueue::PATH, vec![]),
        // Reports and claims are decided once: each request gets its own (filled in below).
        (
            "close report",
            app::api::CloseReport::PATH,
            vec![("besluit", "ja".into())],
        ),
        (
            "decide claim",
            app::api::DecideClaim::PATH,
            vec![("besluit", "nee".into())],
        ),
        (
            "decide organisation",
            app::api::DecideOrganisation::PATH,
            vec![
                ("organisatie", club().to_string()),
                ("besluit", "ja".into()),
            ],
        ),
        (
            "register organisation",
            app::api::RegisterOrganisation::PATH,
            vec![
                ("naam", "Buurtmoestuin De Bongerd".into()),
                ("beschrijving", String::new()),
                ("adres", "Bongerdlaan 1".into()),
                ("postcode", "3454 AB".into()),
                ("plaats", "De Meern".into()),
            ],
        ),
        (
            "claim organisation",
            app::api::ClaimOrganisation::PATH,
            vec![
                ("organisatie", club().to_string()),
                ("bericht", "ik ben de secretaris".into()),
            ],
        ),
        (
            "find organisations",
            app::api::OrganisationsNamed::PATH,
            vec![("zoek", "voetbal".into())],
        ),
        (
            "merge",
            app::api::MergeOrganisations::PATH,
            vec![("houden", club().to_string())],
        ),
        (
            "load location form",
            app::api::LoadLocationForm::PATH,
            vec![
                ("locatie", club_location().to_string()),
                ("organisatie", String::new()),
            ],
        ),
        (
            "save location",
            app::api::SaveLocation::PATH,
            vec![
                ("form[locatie]", club_location().to_string()),
                ("form[naam]", "Sportpark De Meern".into()),
                ("form[adres]", "Zuster Bloemstraat 12".into()),
                ("form[postcode]", "3454 AB".into()),
                ("form[plaats]", "De Meern".into()),
            ],
        ),
        (
            "load need form",
            app::api::LoadNeedForm::PATH,
            vec![
                ("vraag", "nieuw".into()),
                ("organisatie", club().to_string()),
            ],
        ),
        (
            "save need",
            app::api::SaveNeed::PATH,
            vec![
                ("form[organisatie]", club().to_string()),
                ("form[soort]", "vrijwilliger".into()),
                ("form[titel]", "Hulp bij de kantine".into()),
                ("form[open]", "ja".into()),
            ],
        ),
        ("workspace", app::api::Workspace::PATH, vec![]),
        (
            "load traject",
            app::api::LoadTraject::PATH,
            vec![("traject", traject.to_string())],
        ),
        (
            "save traject",
            app::api::SaveTraject::PATH,
            vec![("form[naam]", "A.B.".into())],
        ),
        (
            "export traject",
            app::api::ExportTraject::PATH,
            vec![("traject", traject.to_string())],
        ),
        (
            "handout",
            app::api::TrajectHandout::PATH,
            vec![("traject", traject.to_string())],
        ),
        (
            "referral receiver",
            app::api::ReferralReceiver::PATH,
            vec![("naar", to_club.clone())],
        ),
        (
            "send referral",
            app::api::SendReferral::PATH,
            vec![
                ("form[traject]", traject.to_string()),
                ("form[naar]", to_club.clone()),
                ("form[wens]", "Meedoen".into()),
                ("form[toestemming_door]", "de persoon zelf".into()),
                ("form[toestemming]", "ja".into()),
                ("form[overdracht]", "zelf".into()),
            ],
        ),
        (
            "load referral",
            app::api::LoadReferral::PATH,
            vec![("verwijzing", referral.to_string())],
        ),
        (
            "incoming referrals",
            app::api::IncomingReferrals::PATH,
            vec![],
        ),
        // Each gets a fresh referral (filled in below).
        (
            "referral status",
            app::api::SetReferralStatus::PATH,
            vec![("status", "geaccepteerd".into())],
        ),
        (
            "choose referral partner",
            app::api::ChooseReferralPartner::PATH,
            vec![("partner", "VV De Meern".into())],
        ),
        ("revoke consent", app::api::RevokeConsent::PATH, vec![]),
        ("escalate", app::api::EscalateReferral::PATH, vec![]),
        (
            "take up escalation",
            app::api::TakeUpEscalation::PATH,
            vec![],
        ),
        ("delete traject", app::api::DeleteTraject::PATH, vec![]),
        (
            "close traject",
            app::api::CloseTraject::PATH,
            vec![("traject", traject.to_string())],
        ),
        (
            "pin suggestion",
            app::api::PinSuggestion::PATH,
            vec![
                ("traject", traject.to_string()),
                (
                    "doel",
                    format!("vraag:{}", crate::referrals::trainer_role()),
                ),
                ("reden", "Hij wil dit zelf het liefst".into()),
            ],
        ),
        (
            "add a household member",
            app::api::SaveMember::PATH,
            vec![
                ("traject", traject.to_string()),
                ("nummer", String::new()),
                ("form[naam]", "Sam".into()),
                ("form[leeftijd]", "8".into()),
                ("form[rol]", "kind".into()),
            ],
        ),
        (
            "take out a household member",
            app::api::RemoveMember::PATH,
            vec![("traject", traject.to_string()), ("nummer", "1".into())],
        ),
        (
            "unpin suggestion",
            app::api::UnpinSuggestion::PATH,
            vec![
                ("traject", traject.to_string()),
                (
                    "doel",
                    format!("vraag:{}", crate::referrals::trainer_role()),
                ),
            ],
        ),
        ("teams", app::api::TeamsOverview::PATH, vec![]),
        (
            "create team",
            app::api::CreateTeam::PATH,
            vec![
                ("naam", "Buurtteam Matrix".into()),
                ("soort", "buurtteam".into()),
                ("telefoon", String::new()),
                ("email", String::new()),
            ],
        ),
        ("team member", app::api::SetTeamMember::PATH, vec![]),
        (
            "assign traject",
            app::api::AssignTraject::PATH,
            vec![
                ("form[eerste]", String::new()),
                ("form[vervanger]", String::new()),
            ],
        ),
        // After the coalition routes: organisation B says yes to its invitation above.
        (
            "answer coalition",
            app::api::AnswerCoalition::PATH,
            vec![
                ("coalitie", coalition.to_string()),
                ("organisatie", other_org().to_string()),
                ("antwoord", "ja".into()),
            ],
        ),
        (
            "invite",
            app::api::InviteUser::PATH,
            vec![
                ("rol", "provider".into()),
                ("organisatie", club().to_string()),
            ],
        ),
        (
            "load offer form",
            app::api::LoadOfferForm::PATH,
            vec![
                ("aanbod", club_offer().to_string()),
                ("organisatie", String::new()),
            ],
        ),
        (
            "preview offer",
            app::api::PreviewOffer::PATH,
            offer_fields(&club_offer().to_string(), "", "Voetbal in het voorbeeld"),
        ),
        (
            "save offer",
            app::api::SaveOffer::PATH,
            offer_fields(
                &club_offer().to_string(),
                "",
                "Voetballen voor kinderen van 6 tot 12 jaar",
            ),
        ),
    ];
    // The test covers every role-bound route the router knows: none is left out.
    let role_bound: Vec<&str> = server::guard::Table::build()
        .entries()
        .into_iter()
        .filter(|(_, rule)| matches!(rule, Some(Access::Roles(_))))
        .map(|(path, _)| path)
        .collect();
    for path in &role_bound {
        assert!(
            routes.iter().any(|(_, p, _)| p == path),
            "{path} is not in the matrix"
        );
    }
    let provider_only = [
        "register organisation",
        "claim organisation",
        "find organisations",
    ];
    let moderation = [
        "merge",
        "invite",
        "moderation queue",
        "close report",
        "decide claim",
        "decide organisation",
    ];
    let allowed_listing = |role: &str, route: &str| match role {
        "provider of A" => !moderation.contains(&route),
        // Everyone who manages listings has a dashboard of their own, and may register or claim.
        "provider of B" => route == "dashboard" || provider_only.contains(&route),
        "coordinator elsewhere" => route == "dashboard" || route == "moderation queue",
        "coordinator" | "admin" => route != "sign-up status" && !provider_only.contains(&route),
        _ => false,
    };
    let professional_only = [
        "workspace",
        "load traject",
        "save traject",
        "export traject",
        "handout",
        "referral receiver",
        "send referral",
        "revoke consent",
        "escalate",
        "delete traject",
        "close traject",
        "assign traject",
        "pin suggestion",
        "unpin suggestion",
        "add a household member",
        "take out a household member",
        "report knelpunt",
    ];
    let allowed = |role: &str, route: &str| match (role, route) {
        ("professional", r) => professional_only.contains(&r) || r == "load referral",
        (_, r) if professional_only.contains(&r) => false,
        // Only the receiving provider moves a referral on, and reads it besides its sender.
        (
            "provider of A",
            "load referral" | "referral status" | "choose referral partner" | "incoming referrals",
        ) => true,
        ("provider of B" | "coordinator" | "coordinator elsewhere", "incoming referrals") => true,
        // Only the organisation's own providers see who wants to help and answer them.
        (r, "move help answer" | "invite talent") => r == "provider of A",
        // A coordinator starts coalitions in their own gemeente; its partners keep it going.
        (r, "start coalition") => matches!(r, "coordinator" | "admin"),
        // From scratch: any coordinator, in their own gemeente.
        (r, "new coalition") => matches!(r, "coordinator" | "coordinator elsewhere" | "admin"),
        (
            r,
            "coalition note"
            | "save coalition"
            | "coalition candidates"
            | "invite coalition partner"
            | "invite newcomer"
            | "add funding"
            | "remove funding",
        ) => {
            matches!(r, "provider of A" | "coordinator" | "admin")
        }
        // The gemeente's overview: its coordinators, and admins.
        (r, "coalition overview") => matches!(r, "coordinator" | "coordinator elsewhere" | "admin"),
        // Signals: coordinators (their own gemeente) and admins (any).
        (r, "signals") => matches!(r, "coordinator" | "coordinator elsewhere" | "admin"),
        // A knelpunt of GM0344: its coordinators, and admins.
        (r, "decide knelpunt") => matches!(r, "coordinator" | "admin"),
        // Teams: coordinators in their own gemeente, and admins.
        (r, "teams" | "create team") => {
            matches!(r, "coordinator" | "coordinator elsewhere" | "admin")
        }
        (r, "team member") => matches!(r, "coordinator" | "admin"),
        // Only the invited organisation's own manager answers for it.
        (r, "answer coalition") => r == "provider of B",
        // Everyone who manages listings or coalitions may have API keys of their own.
        (r, "api keys" | "create api key" | "revoke api key") => r != "anonymous",
        ("coordinator", "take up escalation") => true,
        (_, "take up escalation") => false,
        (
            _,
            "load referral" | "referral status" | "choose referral partner" | "incoming referrals",
        ) => false,
        _ => allowed_listing(role, route),
    };
    let claimant = app::db::create_user(
        &app.state.db,
        "claimant@example.org",
        "",
        Role::Provider,
        None,
        "",
    )
    .await
    .unwrap();
    let admin = admin();
    let to_coalition = format!(
        "coalitie:{}",
        crate::support::fixtures::club_coalition(&app, Vec::new()).await
    );
    let mut wrong = Vec::new();
    for (role, session) in &sessions {
        for (route, path, fields) in &routes {
            let mut fields = fields.clone();
            match *route {
                "close report" => {
                    app::db::save_report(&app.state.db, club_offer(), "De tijden kloppen niet")
                        .await
                        .unwrap();
                    let queue = app::service::moderation::queue(&app.state, &admin)
                        .await
                        .unwrap();
                    fields.push(("melding", queue.reports.last().unwrap().id.to_string()));
                }
                "merge" => {
                    let duplicate = app::db::register_organisation(
                        &app.state.db,
                        claimant,
                        app::db::OrganisationRecord {
                            name: "VV De Meern".into(),
                            ..Default::default()
                        },
                        "Zuster Bloemstraat 12",
                        "3454",
                        "De Meern",
                    )
                    .await
                    .unwrap();
                    fields.push(("dubbel", duplicate.to_string()));
                }
                "invite" => {
                    fields.push(("email", format!("{}@example.org", Uuid::new_v4().simple())));
                }
                "take up escalation" => {
                    let fresh = crate::referrals::refer(
                        &app,
                        professional,
                        traject,
                        &to_club,
                        &["leeftijd"],
                    )
                    .await;
                    let (status, _) = post(
                        &app,
                        app::api::EscalateReferral::PATH,
                        professional,
                        &[("verwijzing", fresh.to_string())],
                    )
                    .await;
                    assert!((300..400).contains(&status), "escalated: {status}");
                    fields.push(("verwijzing", fresh.to_string()));
                }
                "choose referral partner" => {
                    // To a coalition whose first partner is the club ("provider of A").
                    let fresh = crate::referrals::refer(
                        &app,
                        professional,
                        traject,
                        &to_coalition,
                        &["leeftijd"],
                    )
                    .await;
                    fields.push(("verwijzing", fresh.to_string()));
                }
                "referral status" | "revoke consent" | "escalate" => {
                    let fresh = crate::referrals::refer(
                        &app,
                        professional,
                        traject,
                        &to_club,
                        &["leeftijd"],
                    )
                    .await;
                    fields.push(("verwijzing", fresh.to_string()));
                }
                "delete traject" => {
                    let fresh = crate::referrals::new_traject(&app, professional).await;
                    fields.push(("traject", fresh.to_string()));
                }
                "team member" => {
                    let team = new_team(&app).await;
                    let member = crate::support::actor(&app, Role::Professional, None, &[]).await;
                    fields.push(("team", team.to_string()));
                    fields.push(("email", member.email));
                }
                "assign traject" => {
                    // A traject of a team the professional leads: they may put it in the queue.
                    let user = app::db::traject(&app.state.db, traject)
                        .await
                        .unwrap()
                        .unwrap()
                        .professional_id
                        .unwrap();
                    let email = app::db::user_by_id(&app.state.db, user)
                        .await
                        .unwrap()
                        .unwrap()
                        .me
                        .email;
                    let (operator, team) = (app::auth::Me::operator(), new_team(&app).await);
                    app::service::teams::set_member(&app.state, &operator, team, &email, true)
                        .await
                        .unwrap();
                    let fresh = crate::referrals::new_traject(&app, professional).await;
                    fields.push(("traject", fresh.to_string()));
                }
                "move help answer" => {
                    let answer = app::db::save_response(
                        &app.state.db,
                        &app::db::NewResponse {
                            need: crate::referrals::trainer_role(),
                            name_sealed: app.state.sealer.seal("Sam"),
                            email_sealed: String::new(),
                            phone_sealed: app.state.sealer.seal("06 12345678"),
                            message_sealed: String::new(),
                            age: None,
                            language: "nl".into(),
                        },
                    )
                    .await
                    .unwrap()
                    .unwrap();
                    fields.push(("antwoord", answer.to_string()));
                }
                "invite talent" => {
                    // Straight into the database: the spam limit counts the form, not this.
                    let sealer = &app.state.sealer;
                    let entry = app::db::TalentEntryRecord {
                        id: Uuid::new_v4(),
                        talents: vec!["voetbal".into()],
                        age: None,
                        postcode: "3454".into(),
                        latitude: 52.078,
                        longitude: 5.035,
                        expires_on: chrono::Utc::now().date_naive() + chrono::Days::new(30),
                        contact: Some(app::db::EntryContact {
                            name_sealed: String::new(),
                            email_sealed: sealer.seal("iemand@example.org"),
                            language: "nl".into(),
                            revoke_hash: Uuid::new_v4().to_string(),
                            revoke_code_sealed: String::new(),
                        }),
                    };
                    app::db::save_talent_entry(&app.state.db, &entry)
                        .await
                        .unwrap();
                    fields.push(("iemand", entry.id.to_string()));
                }
                "revoke api key" => {
                    let (_, location) = post(
                        &app,
                        app::api::CreateApiKey::PATH,
                        session,
                        &[("naam", "om in te trekken".into())],
                    )
                    .await;
                    let own = location
                        .strip_prefix("/beheer/sleutels?nieuw=")
                        .map_or_else(|| Uuid::new_v4().to_string(), String::from);
                    fields.push(("sleutel", own));
                }
                "decide knelpunt" => {
                    let knelpunt = app::db::add_knelpunt(
                        &app.state.db,
                        app::db::NewKnelpunt {
                            gemeente: "GM0344",
                            category: "geld",
                            rule: "kostendelersnorm",
                            summary_sealed: &app.state.sealer.seal("De bijstand gaat omlaag."),
                            cost_sealed: "",
                            today: chrono::Utc::now().date_naive(),
                        },
                    )
                    .await
                    .unwrap();
                    fields.push(("knelpunt", knelpunt.to_string()));
                }
                "decide claim" => {
                    let claim = app::db::create_claim(&app.state.db, claimant, club(), "")
                        .await
                        .unwrap();
                    fields.push(("claim", claim.to_string()));
                }
                _ => {}
            }
            // Reads are asked as the hydrated page asks them (JSON), so "nothing there" shows.
            let as_page = *route != "load referral";
            let (status, _, body) = post_for_body(&app, path, session, &fields, as_page).await;
            // Someone a referral is not shared with gets "nothing there" (`null`), and a step
            // that is not theirs to take a Dutch 400: both are refusals.
            // `load referral` answers `null` to someone it is not shared with.
            let hidden = *route == "load referral" && body.trim() == "null";
            let ok = (200..400).contains(&status) && !hidden;
            let refused =
                matches!(status, 400 | 401 | 403 | 404) || (status == 200 && body.trim() == "null");
            if ok != allowed(role, route) || !(ok || refused) {
                wrong.push(format!("{role} × {route}: {status}"));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "unexpected answers:\n{}",
        wrong.join("\n")
    );
}
