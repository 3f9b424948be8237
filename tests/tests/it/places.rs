//! Public organisation and location pages: the week programme of a place, its closures, the
//! roles its organisation looks for and the hours its space is free.

use crate::referrals::trainer_role;
use crate::support::fixtures::{club, club_location, club_offer};
use crate::support::{on_both_backends, TestApp};

on_both_backends! {
    async fn a_location_page_shows_its_week_its_roles_and_when_the_space_is_free(backend) {
        let app = TestApp::demo(backend).await;

        let (status, page) = app.get(&format!("/locatie/{}", club_location())).await;

        assert_eq!(status, 200, "{page}");
        assert!(page.contains("Elke week"));
        assert!(page.contains(&format!("href=\"/aanbod/{}\"", club_offer())), "the offer in the week");
        assert!(page.contains(&format!("href=\"/vraag/{}\"", trainer_role())), "the role they look for");
        assert!(page.contains("Wanneer is de ruimte vrij?"));
        assert!(page.contains(&format!("href=\"/organisatie/{}\"", club())), "its organisation");

        let (status, org) = app.get(&format!("/organisatie/{}", club())).await;
        assert_eq!(status, 200);
        assert!(org.contains(&format!("href=\"/locatie/{}\"", club_location())), "its places");
        assert!(org.contains(&format!("href=\"/aanbod/{}\"", club_offer())));
        assert!(!org.contains("Wanneer is de ruimte vrij?"), "free hours belong to a place");

        let (status, _) = app.get(&format!("/locatie/{}", uuid::Uuid::new_v4())).await;
        assert_eq!(status, 404);
        let (status, _) = app.get("/organisatie/geen-id").await;
        assert_eq!(status, 404);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_organisation_that_is_not_approved_has_no_public_page() {
    let app = TestApp::demo(crate::support::Backend::Sqlite).await;
    let sql = "UPDATE organizations SET review_status = 'pending' WHERE id = $1";
    app::on_pool!(&app.state.db, p => sqlx::query(sql).bind(club()).execute(p).await.map(drop).unwrap());

    for path in [
        format!("/organisatie/{}", club()),
        format!("/locatie/{}", club_location()),
    ] {
        let (status, page) = app.get(&path).await;
        assert_eq!(status, 404, "{path}");
        assert!(!page.contains("Sportpark"), "{path}");
    }
}
