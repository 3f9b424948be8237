//! One integration-test binary. Each module mirrors a part of the product; tests that touch the
//! database run on SQLite and on PostgreSQL (`SK_TEST_DATABASE_URL`, set by `./sk test`).

mod support;

mod accessibility;
mod accounts;
mod api_search;
mod authorisation;
mod browser;
mod cli;
mod coalition_start;
mod editing;
mod evaluation;
mod health;
mod helping;
mod household;
mod hsds;
mod import_resume;
mod keukentafel;
mod knelpunten;
mod language;
mod listings;
mod matching;
mod migrations;
mod moderation;
mod offer_page;
mod photos;
mod places;
mod print;
mod referrals;
mod resident;
mod roles;
mod scale_out;
mod schedules;
mod search_page;
mod security;
mod self_service;
mod services;
mod signal_sources;
mod signals;
mod storage;
mod teams;
mod trajecten;
