//! The demo's organisations and forms that many tests use.

use uuid::Uuid;

use app::auth::Role;

/// A complete, valid offer editor form for `offer` (or a new one at `organisation`).
pub(crate) fn offer_fields(
    offer: &str,
    organisation: &str,
    name: &str,
) -> Vec<(&'static str, String)> {
    vec![
        ("form[aanbod]", offer.to_string()),
        ("form[organisatie]", organisation.to_string()),
        ("form[naam]", name.to_string()),
        (
            "form[beschrijving]",
            "Elke week trainen en op zaterdag een wedstrijd.".into(),
        ),
        ("form[soort]", "vereniging".into()),
        ("form[leefgebied][]", "bewegen".into()),
        ("form[min_leeftijd]", "6".into()),
        ("form[max_leeftijd]", "12".into()),
        ("form[gratis]", String::new()),
        ("form[kosten]", "140 euro per jaar".into()),
        ("form[dag]", "3".into()),
        ("form[van]", "14:00".into()),
        ("form[tot]", "15:30".into()),
        ("form[telefoon]", "030 000 1201".into()),
        ("form[email]", String::new()),
        ("form[geen_indicatie]", "ja".into()),
        ("form[uitkering]", String::new()),
    ]
}

/// An admin, to read the moderation queue directly.
pub(crate) fn admin() -> app::auth::Me {
    app::auth::Me {
        id: Uuid::nil(),
        email: String::new(),
        name: String::new(),
        role: Role::Admin,
        gemeente: None,
    }
}

/// Gives the demo club a login, so its "Ik doe mee" form reaches someone (without an account
/// an offer asks people to call or mail instead). Returns the new user.
pub(crate) async fn club_reads_sign_ups(app: &crate::support::TestApp) -> Uuid {
    let email = format!("club-{}@example.org", Uuid::new_v4().simple());
    let hash = app::auth::hash_password("een lang wachtwoord");
    let user = app::db::create_user(&app.state.db, &email, "Club", Role::Provider, None, &hash)
        .await
        .unwrap();
    app::db::link_user_organisation(&app.state.db, user, club())
        .await
        .unwrap();
    user
}

/// The club's manager, with an account that reads sign-ups (password "een lang wachtwoord").
pub(crate) async fn club_manager(app: &crate::support::TestApp) -> app::auth::Me {
    let user = club_reads_sign_ups(app).await;
    app::db::user_by_id(&app.state.db, user)
        .await
        .unwrap()
        .unwrap()
        .me
}

/// The football club of the demo (Trainerskracht).
pub(crate) fn club() -> Uuid {
    server::demo::demo_id("org:vv-de-meern")
}
pub(crate) fn club_offer() -> Uuid {
    server::demo::demo_id("svc:vv-de-meern-jeugd")
}
pub(crate) fn club_location() -> Uuid {
    server::demo::demo_id("loc:vv-de-meern")
}
pub(crate) fn other_org() -> Uuid {
    server::demo::demo_id("org:geldzaken-op-maat")
}

/// A coalition in Utrecht (GM0344) with the club as its accepted lead partner, plus `others`.
pub(crate) async fn club_coalition(
    app: &crate::support::TestApp,
    others: Vec<app::profile::PartnerView>,
) -> Uuid {
    let mut partners = vec![app::profile::PartnerView {
        organisation_id: Some(club()),
        name: "VV De Meern".into(),
        role: "lead".into(),
        ..Default::default()
    }];
    partners.extend(others);
    app::db::create_coalition(
        &app.state.db,
        app::coalitions::CoalitionInput {
            name: "Trainerskracht De Meern".into(),
            status: "forming".into(),
            gemeente: Some("GM0344".into()),
            link_person: "Sam, jongerenwerker".into(),
            partners,
            ..Default::default()
        },
    )
    .await
    .unwrap()
}
