//! `GET /health`.

use crate::support::{on_both_backends, TestApp};

on_both_backends! {
    async fn health_reports_the_backend_the_number_of_offers_and_the_index(backend) {
        let app = TestApp::demo(backend).await;

        let (status, body) = app.get("/health").await;

        assert_eq!(status, 200);
        let health: serde_json::Value = serde_json::from_str(&body).unwrap();
        let expected_backend = match backend {
            crate::support::Backend::Sqlite => "sqlite",
            crate::support::Backend::Postgres => "postgres",
        };
        assert_eq!(health["database"], expected_backend);
        let offers = health["offers"].as_i64().unwrap();
        assert!(offers >= 200, "{health}");
        assert_eq!(health["index"]["state"], "ready");
        assert!(health["index"]["documents"].as_i64().unwrap() >= offers);
    }

    async fn an_empty_instance_is_healthy_with_zero_offers(backend) {
        let app = TestApp::empty(backend).await;

        let (status, body) = app.get("/health").await;

        assert_eq!(status, 200);
        let health: serde_json::Value = serde_json::from_str(&body).unwrap();
        assert_eq!(health["offers"], 0);
        assert_eq!(health["index"]["documents"], 0);
    }
}
