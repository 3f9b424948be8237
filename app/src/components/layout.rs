//! Header and footer of every page.

use leptos::prelude::*;
use leptos_meta::Link;
use leptos_router::components::A;
use leptos_router::hooks::use_location;

use crate::i18n::{use_lang, use_texts, Lang};

/// Path and query of the page shown (the router's `search` comes without its "?").
fn here(location: &leptos_router::location::Location) -> String {
    let search = location.search.get();
    if search.is_empty() {
        location.pathname.get()
    } else {
        format!(
            "{}?{}",
            location.pathname.get(),
            search.trim_start_matches('?')
        )
    }
}

/// On a page with an island: asks for the browser bundle while the page is read (hoisted into
/// `<head>`), instead of two round trips later when `pagina.js` finds the island.
#[component]
pub fn IslandBundle() -> impl IntoView {
    let base = crate::bundle_base();
    view! {
        <Link rel="modulepreload" href=format!("{base}.js")/>
        <Link rel="preload" href=format!("{base}_bg.wasm") as_="fetch" type_="application/wasm"
            crossorigin="anonymous"/>
    }
}

/// Site header with the name, the main links and the language switch.
#[component]
pub fn SiteHeader() -> impl IntoView {
    let t = use_texts();
    let other = match use_lang() {
        Lang::Nl => Lang::En,
        Lang::En => Lang::Nl,
    };
    let location = use_location();
    // A plain link to the server (rel=external: a whole new page), so it works without
    // JavaScript; the server sets the cookie and sends the person back to the same page.
    let switch_href = format!(
        "/taal/{}?terug={}",
        other.code(),
        crate::pages::encode(&here(&location))
    );
    view! {
        <header class="site-header">
            <A href="/" attr:class="brand">{t.site_name}</A>
            // Folded on a phone (a plain <details>, so it works without JavaScript); where the
            // links stand in a row pagina.js opens it, so its state says what is on screen.
            <details class="menu" data-open-wide="960">
                <summary>{t.menu_button}</summary>
                <nav aria-label=t.nav_label>
                    <A href="/">{t.nav_search}</A>
                    <A href="/ik-kan-iets">{t.nav_talents}</A>
                    <A href="/keukentafel">{t.nav_keukentafel}</A>
                    <A href="/coalities">{t.nav_coalitions}</A>
                    <A href="/over">{t.nav_about}</A>
                    <AccountLinks/>
                </nav>
            </details>
            // Outside the menu: the other language is one tap away on every screen.
            <a href=switch_href rel="external" class="taal" lang=other.code()
                hreflang=other.code() title=t.switch_title id="taal-wissel">{t.switch_label}</a>
        </header>
    }
}

/// The links of whoever is logged in: their own work and "Uitloggen"; for visitors the way in
/// for organisations. Asked again on every page change, so logging in or out shows at once.
#[component]
fn AccountLinks() -> impl IntoView {
    use crate::auth::Role;
    let t = use_texts();
    let path = use_location().pathname;
    let me = Resource::new(move || path.get(), |_| crate::api::who_am_i());
    let logout = ServerAction::<crate::api::LogOut>::new();
    // Plain links, marked current by hand: a router `<A>` resolves its path through the owner
    // tree inside this Suspend, and that walk deadlocked an SSR render once (all threads in
    // `RwLock::write_contended` under `use_context`; leptos issue #4673). The hrefs are
    // absolute, so nothing needs resolving; the router still handles the clicks.
    let link = move |href: &'static str, label: &'static str| {
        let current = path.get_untracked().starts_with(href).then_some("page");
        view! { <a href=href aria-current=current>{label}</a> }
    };
    view! {
        <Suspense fallback=move || link("/beheer", t.nav_manage)>
            {move || Suspend::new(async move {
                match me.await {
                    Ok(Some(me)) => {
                        let (href, label) = match me.role {
                            Role::Professional => ("/wijkteam", t.nav_my_trajecten),
                            Role::Coordinator => ("/beheer/signalen", t.nav_signals),
                            _ => ("/beheer", t.nav_my_page),
                        };
                        view! {
                            {link(href, label)}
                            <ActionForm action=logout attr:class="header-logout">
                                <input type="hidden" name="csrf" value=crate::auth::csrf_token()/>
                                <button type="submit" class="header-link" id="kop-uitloggen">{t.logout_button}</button>
                            </ActionForm>
                        }
                        .into_any()
                    }
                    _ => link("/beheer", t.nav_manage).into_any(),
                }
            })}
        </Suspense>
    }
}

/// Site footer with the data credits, and on paper a QR code to the printed page.
#[component]
pub fn SiteFooter() -> impl IntoView {
    let t = use_texts();
    let location = use_location();
    let qr = move || format!("/qr.svg?pad={}", crate::pages::encode(&here(&location)));
    view! {
        <footer class="site-footer">
            <figure class="print-only qr">
                <img src=qr alt="" width="96" height="96"/>
                <figcaption>{t.print_qr}</figcaption>
            </figure>
            <p>
                {t.footer_credits}
                <A href="/over">{t.footer_more}</A>
                " · "
                <A href="/gevraagd">{t.ak_title}</A>
            </p>
        </footer>
    }
}
