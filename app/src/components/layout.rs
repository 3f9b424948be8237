//! Header and footer of every page.

use leptos::prelude::*;
use leptos_router::components::A;

/// Site header with the name and the main links.
#[component]
pub fn SiteHeader() -> impl IntoView {
    view! {
        <header class="site-header">
            <A href="/" attr:class="brand">"Sociale Kaart Utrecht"</A>
            <nav aria-label="Hoofdmenu">
                <A href="/">"Zoeken"</A>
                <A href="/ik-kan-iets">"Ik kan iets"</A>
                <A href="/over">"Over deze kaart"</A>
            </nav>
        </header>
    }
}

/// Site footer with the data credits.
#[component]
pub fn SiteFooter() -> impl IntoView {
    view! {
        <footer class="site-footer">
            <p>
                "Kaartgegevens: CBS / PDOK, GeoNames, Gemeente Utrecht. "
                <A href="/over">"Meer over bronnen en privacy"</A>
            </p>
        </footer>
    }
}
