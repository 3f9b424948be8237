//! 404.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use super::set_status;
use crate::i18n::use_texts;

/// Shown for unknown addresses, with a way back.
#[component]
pub fn NotFound() -> impl IntoView {
    set_status(404);
    let t = use_texts();
    view! {
        <Title text=t.not_found_title/>
        <h1>{t.not_found_heading}</h1>
        <p>{t.not_found_text} <A href="/">{t.not_found_link}</A> "."</p>
    }
}
