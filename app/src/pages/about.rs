//! About this map: what it is, where the data comes from, what happens with your data.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::i18n::use_texts;

/// The about page with the data credits.
#[component]
pub fn AboutPage() -> impl IntoView {
    let t = use_texts();
    view! {
        <Title text=t.about_title/>
        <article class="prose">
            <h1>{t.about_title}</h1>
            <p>{t.about_intro}</p>
            <h2>{t.about_sources}</h2>
            <ul>
                <li>{t.about_source_cbs}</li>
                <li>{t.about_source_geonames}</li>
                <li>{t.about_source_utrecht}</li>
                <li>{t.about_demo}</li>
            </ul>
            <h2>{t.about_data}</h2>
            <p>{t.about_data_text}</p>
        </article>
    }
}
