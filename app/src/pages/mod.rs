//! One file per page.

mod about;
mod home;
mod not_found;
mod offer;
mod signup;
mod talents;

pub use about::AboutPage;
pub use home::HomePage;
pub use not_found::NotFound;
pub use offer::OfferPage;
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
