//! One file per page.

mod about;
mod account_request;
mod asked;
mod chances;
mod coalition;
mod coalition_edit;
mod coalition_new;
mod coalitions;
mod handout;
mod help;
mod home;
mod household;
mod keukentafel;
mod keys;
mod knelpunten;
mod location_edit;
mod login;
mod manage;
mod moderation;
mod need_edit;
mod not_found;
mod offer;
mod offer_edit;
mod overview;
mod place;
mod referral;
mod referral_new;
mod register;
mod report;
mod signals;
mod signup;
mod talents;
mod teams;
mod traject;
mod traject_data;
mod workspace;

pub use about::AboutPage;
pub use account_request::AccountRequestPage;
pub use asked::AskedPage;
pub use chances::ChancesPage;
pub use coalition::CoalitionPage;
pub use coalition_edit::CoalitionEditPage;
pub use coalition_new::CoalitionNewPage;
pub use coalitions::CoalitionsPage;
pub use handout::HandoutPage;
pub use help::{HelpPage, HelpThanksPage};
pub use home::HomePage;
pub use keukentafel::KeukentafelPage;
pub use keys::ApiKeysPage;
pub use knelpunten::SolvedPage;
pub use location_edit::LocationEditPage;
pub use login::{ForgotPasswordPage, LoginPage, ResetPasswordPage};
pub use manage::ManagePage;
pub use moderation::ModerationPage;
pub use need_edit::NeedEditPage;
pub use not_found::NotFound;
pub use offer::{OfferPage, RolePage};
pub use offer_edit::OfferEditPage;
pub use overview::CoalitionOverviewPage;
pub use place::{LocationPage, OrganisationPage};
pub use referral::ReferralPage;
pub use referral_new::ReferralNewPage;
pub use register::{ClaimPage, RegisterPage};
pub use report::ReportPage;
pub use signals::SignalsPage;
pub use signup::{SignUpPage, ThanksPage};
pub use talents::TalentsPage;
pub use teams::TeamsPage;
pub use traject::TrajectPage;
pub use traject_data::TrajectDataPage;
pub use workspace::WorkspacePage;

/// The frame the self-service editors share: load through the server (`/beheer/<page>/nieuw`
/// is a new one for `?organisatie=`), put back what was typed when the server sent the person
/// back with `?fout=`, and show "not found" or the login page.
pub(crate) fn editor_frame<T, F, Fut, V>(
    load: F,
    restore: fn(&mut T, &leptos_router::params::ParamsMap),
    show: fn(T) -> V,
) -> impl leptos::prelude::IntoView
where
    T: Clone + Send + Sync + serde::Serialize + serde::de::DeserializeOwned + 'static,
    F: Fn(String, String) -> Fut + Copy + Send + Sync + 'static,
    Fut: std::future::Future<Output = Result<Option<T>, leptos::prelude::ServerFnError>>
        + Send
        + 'static,
    V: leptos::prelude::IntoView + 'static,
{
    use leptos::prelude::*;
    use leptos_router::hooks::{use_params_map, use_query_map};

    let t = crate::i18n::use_texts();
    let params = use_params_map();
    let query = use_query_map();
    let id = move || params.read().get("id").unwrap_or_default();
    let loaded = Resource::new(id, move |id| {
        let organisation = query
            .read_untracked()
            .get("organisatie")
            .unwrap_or_default();
        load(id, organisation)
    });
    view! {
        <Suspense fallback=move || view! { <p class="loading">{t.loading}</p> }>
            {move || Suspend::new(async move {
                match loaded.await {
                    Ok(Some(mut editor)) => {
                        let q = query.read_untracked();
                        // Coming back from a problem or a preview without JavaScript: show
                        // what was typed, not what is stored. (With JavaScript the fields still hold it, and
                        // the editor's FieldKit follows `?fout=` by itself.)
                        if q.get("fout").is_some() || q.get("voorbeeld").is_some() {
                            restore(&mut editor, &q);
                        }
                        show(editor).into_any()
                    }
                    Ok(None) => view! { <NotFound/> }.into_any(),
                    Err(_) => to_login(),
                }
            })}
        </Suspense>
    }
}

pub(crate) use crate::web::{encode, set_status};

/// Sends someone who is not logged in to the login page: a 302 on the server (so it works
/// without JavaScript; the router's redirect alone answers 200), a route change in the browser.
pub(crate) fn to_login() -> leptos::prelude::AnyView {
    use leptos::prelude::*;
    set_status(302);
    view! { <leptos_router::components::Redirect path="/inloggen"/> }.into_any()
}

/// A page behind the login: the page, the login page for a visitor (`None`), or `failed` (403
/// where the usual failure is an account that may not see it, 500 otherwise) with a message in
/// words.
pub(crate) fn behind_login<T>(
    result: Result<Option<T>, leptos::prelude::ServerFnError>,
    failed: u16,
    show: impl FnOnce(T) -> leptos::prelude::AnyView,
) -> leptos::prelude::AnyView {
    use leptos::prelude::*;
    match result {
        Ok(Some(found)) => show(found),
        Ok(None) => to_login(),
        Err(_) => {
            set_status(failed);
            let t = crate::i18n::use_texts();
            view! { <p class="problem" role="alert">{t.problem_generic}</p> }.into_any()
        }
    }
}

/// A page for a record looked up by id: the record, a friendly 404 when there is none, or a
/// 500 with a message in words.
pub(crate) fn found_or_not<T>(
    result: Result<Option<T>, leptos::prelude::ServerFnError>,
    show: impl FnOnce(T) -> leptos::prelude::AnyView,
) -> leptos::prelude::AnyView {
    use leptos::prelude::*;
    match result {
        Ok(Some(found)) => show(found),
        Ok(None) => view! { <NotFound/> }.into_any(),
        Err(_) => {
            set_status(500);
            let t = crate::i18n::use_texts();
            view! { <p class="problem" role="alert">{t.problem_generic}</p> }.into_any()
        }
    }
}
