//! One file per page.

mod about;
mod chances;
mod coalition;
mod coalitions;
mod home;
mod keukentafel;
mod login;
mod manage;
mod moderation;
mod not_found;
mod offer;
mod offer_edit;
mod register;
mod report;
mod signup;
mod talents;

pub use about::AboutPage;
pub use chances::ChancesPage;
pub use coalition::CoalitionPage;
pub use coalitions::CoalitionsPage;
pub use home::HomePage;
pub use keukentafel::KeukentafelPage;
pub use login::{ForgotPasswordPage, LoginPage, ResetPasswordPage};
pub use manage::ManagePage;
pub use moderation::ModerationPage;
pub use not_found::NotFound;
pub use offer::OfferPage;
pub use offer_edit::OfferEditPage;
pub use register::{ClaimPage, RegisterPage};
pub use report::ReportPage;
pub use signup::{SignUpPage, ThanksPage};
pub use talents::TalentsPage;

/// Sets the HTTP status of the page being rendered on the server; a no-op in the browser.
pub(crate) fn set_status(code: u16) {
    #[cfg(feature = "ssr")]
    if let (Some(response), Ok(status)) = (
        leptos::prelude::use_context::<leptos_axum::ResponseOptions>(),
        axum::http::StatusCode::from_u16(code),
    ) {
        response.set_status(status);
    }
    #[cfg(not(feature = "ssr"))]
    let _ = code;
}

/// Encodes a value for a URL query (`+` for spaces).
pub(crate) fn encode(value: &str) -> String {
    value
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
            b' ' => "+".into(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// Sends someone who is not logged in to the login page: a 302 on the server (so it works
/// without JavaScript; the router's redirect alone answers 200), a route change in the browser.
pub(crate) fn to_login() -> leptos::prelude::AnyView {
    use leptos::prelude::*;
    set_status(302);
    view! { <leptos_router::components::Redirect path="/inloggen"/> }.into_any()
}
