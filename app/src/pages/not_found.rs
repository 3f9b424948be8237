//! 404.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use super::set_status;

/// Shown for unknown addresses, with a way back.
#[component]
pub fn NotFound() -> impl IntoView {
    set_status(404);
    view! {
        <Title text="Pagina niet gevonden"/>
        <h1>"Deze pagina bestaat niet"</h1>
        <p>"Misschien is de link oud. Zoek opnieuw op de " <A href="/">"zoekpagina"</A> "."</p>
    }
}
