//! The HTML document and the route table.

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, Meta, MetaTags, Title};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{path, SsrMode};

use crate::components::{SiteFooter, SiteHeader};
use crate::i18n::Lang;
use crate::pages::{
    AboutPage, AccountRequestPage, ApiKeysPage, AskedPage, ChancesPage, ClaimPage,
    CoalitionEditPage, CoalitionNewPage, CoalitionOverviewPage, CoalitionPage, CoalitionsPage,
    ForgotPasswordPage, HandoutPage, HelpPage, HelpThanksPage, HomePage, KeukentafelPage,
    LocationEditPage, LocationPage, LoginPage, ManagePage, ModerationPage, NeedEditPage, NotFound,
    OfferEditPage, OfferPage, OrganisationPage, ReferralNewPage, ReferralPage, RegisterPage,
    ReportPage, ResetPasswordPage, RolePage, SignUpPage, SignalsPage, SolvedPage, TalentsPage,
    TeamsPage, ThanksPage, TrajectDataPage, TrajectPage, WorkspacePage,
};

/// The stylesheet, in every page's `<head>`: on a slow line a separate file costs a round trip
/// before anything shows (2 s on "Slow 3G"), and after the first page `pagina.js` swaps only
/// the body. A constant of our own: `<style>` text is not escaped, so it must never hold
/// anything but this file (see the test below).
const STYLE: &str = include_str!("../style/main.css");

/// The whole HTML document, rendered on the server around [`App`]. The options' bundle name
/// and folder are [`crate::OUTPUT_NAME`] and [`crate::PKG_DIR`] (see `server::startup`).
pub fn shell(_options: LeptosOptions) -> impl IntoView {
    let lang = Lang::detect();
    // Islands: only `#[island]` components hydrate, so everything else is rendered without
    // hydration markers (what `HydrationScripts` does in islands mode).
    if let Some(context) = Owner::current_shared_context() {
        context.set_is_hydrating(false);
    }
    let nonce = leptos::nonce::use_nonce();
    let bundle = crate::bundle_base();
    view! {
        <!DOCTYPE html>
        <html lang=lang.code()>
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <style nonce=nonce.clone()>{STYLE}</style>
                // No icon: without this line every first visit also fetches /favicon.ico (a
                // whole 404 page).
                <link rel="icon" href="data:,"/>
                // Fetches Leaflet only on a page with a map.
                <script src="/assets/kaart.js" nonce=nonce.clone() defer></script>
                // Loads the wasm only on a page with an island (pagina.js).
                <script src="/assets/pagina.js" nonce=nonce data-bundle=bundle defer></script>
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

/// The application: header, routes, footer.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    let lang = Lang::detect();
    provide_context(lang);
    let t = lang.texts();
    view! {
        <Meta name="description" content=t.site_description/>
        // Every page's <Title> goes through this formatter, which escapes on the server.
        <Title formatter=move |page: String| crate::safe::document_title(&page, t.site_name)/>
        <Router>
            <a class="skip-link" href="#inhoud">{t.skip_link}</a>
            <SiteHeader/>
            <main id="inhoud" tabindex="-1">
                // Async: the whole page is rendered before it is sent, so it works without JavaScript.
                <Routes fallback=|| view! { <NotFound/> }>
                    <Route path=path!("") view=HomePage ssr=SsrMode::Async/>
                    <Route path=path!("/aanbod/:id") view=OfferPage ssr=SsrMode::Async/>
                    <Route path=path!("/vraag/:id") view=RolePage ssr=SsrMode::Async/>
                    <Route path=path!("/vraag/:id/helpen") view=HelpPage ssr=SsrMode::Async/>
                    <Route path=path!("/vraag/:id/bedankt") view=HelpThanksPage ssr=SsrMode::Async/>
                    <Route path=path!("/organisatie/:id") view=OrganisationPage ssr=SsrMode::Async/>
                    <Route path=path!("/locatie/:id") view=LocationPage ssr=SsrMode::Async/>
                    <Route path=path!("/aanbod/:id/meedoen") view=SignUpPage ssr=SsrMode::Async/>
                    <Route path=path!("/aanbod/:id/bedankt") view=ThanksPage ssr=SsrMode::Async/>
                    <Route path=path!("/ik-kan-iets") view=TalentsPage ssr=SsrMode::Async/>
                    <Route path=path!("/keukentafel") view=KeukentafelPage ssr=SsrMode::Async/>
                    <Route path=path!("/coalities") view=CoalitionsPage ssr=SsrMode::Async/>
                    <Route path=path!("/coalities/kansen") view=ChancesPage ssr=SsrMode::Async/>
                    <Route path=path!("/coalities/nieuw") view=CoalitionNewPage ssr=SsrMode::Async/>
                    <Route path=path!("/coalities/:id") view=CoalitionPage ssr=SsrMode::Async/>
                    <Route path=path!("/coalities/:id/bewerken") view=CoalitionEditPage ssr=SsrMode::Async/>
                    <Route path=path!("/over") view=AboutPage/>
                    <Route path=path!("/gevraagd") view=AskedPage ssr=SsrMode::Async/>
                    <Route path=path!("/wat-we-oplosten") view=SolvedPage ssr=SsrMode::Async/>
                    <Route path=path!("/inloggen") view=LoginPage ssr=SsrMode::Async/>
                    <Route path=path!("/account-aanvragen") view=AccountRequestPage ssr=SsrMode::Async/>
                    <Route path=path!("/wachtwoord-vergeten") view=ForgotPasswordPage ssr=SsrMode::Async/>
                    <Route path=path!("/wachtwoord/:token") view=ResetPasswordPage ssr=SsrMode::Async/>
                    <Route path=path!("/beheer") view=ManagePage ssr=SsrMode::Async/>
                    <Route path=path!("/beheer/sleutels") view=ApiKeysPage ssr=SsrMode::Async/>
                    <Route path=path!("/beheer/teams") view=TeamsPage ssr=SsrMode::Async/>
                    <Route path=path!("/beheer/coalities") view=CoalitionOverviewPage ssr=SsrMode::Async/>
                    <Route path=path!("/beheer/signalen") view=SignalsPage ssr=SsrMode::Async/>
                    <Route path=path!("/beheer/moderatie") view=ModerationPage ssr=SsrMode::Async/>
                    <Route path=path!("/beheer/nieuwe-organisatie") view=RegisterPage ssr=SsrMode::Async/>
                    <Route path=path!("/beheer/claimen") view=ClaimPage ssr=SsrMode::Async/>
                    <Route path=path!("/beheer/aanbod/:id") view=OfferEditPage ssr=SsrMode::Async/>
                    <Route path=path!("/beheer/locatie/:id") view=LocationEditPage ssr=SsrMode::Async/>
                    <Route path=path!("/beheer/vraag/:id") view=NeedEditPage ssr=SsrMode::Async/>
                    <Route path=path!("/wijkteam") view=WorkspacePage ssr=SsrMode::Async/>
                    <Route path=path!("/wijkteam/traject/:id") view=TrajectPage ssr=SsrMode::Async/>
                    <Route path=path!("/wijkteam/traject/:id/verwijs") view=ReferralNewPage ssr=SsrMode::Async/>
                    <Route path=path!("/wijkteam/traject/:id/uitdraai") view=HandoutPage ssr=SsrMode::Async/>
                    <Route path=path!("/wijkteam/traject/:id/gegevens") view=TrajectDataPage ssr=SsrMode::Async/>
                    <Route path=path!("/verwijzing/:id") view=ReferralPage ssr=SsrMode::Async/>
                    <Route path=path!("/aanbod/:id/melden") view=ReportPage ssr=SsrMode::Async/>
                </Routes>
            </main>
            <SiteFooter/>
        </Router>
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_inlined_stylesheet_cannot_end_its_style_element() {
        assert!(!super::STYLE.to_ascii_lowercase().contains("</style"));
    }
}
