//! "Gebruik mijn locatie": fills the place field from the device location. Needs JavaScript, so
//! the button only appears once the island is hydrated; without it people type a postcode.

use leptos::prelude::*;

use crate::i18n::use_texts;

/// A button that puts the postcode of the device location into the input whose id is
/// `target`. An island: the only part of its form that runs in the browser.
#[island]
pub fn LocateMe(target: String) -> impl IntoView {
    let t = use_texts();
    let hydrated = RwSignal::new(false);
    // Effects only run in the browser, after hydration.
    Effect::new(move |_| hydrated.set(true));
    let message = RwSignal::new(None::<String>);
    let locate = move |_| {
        message.set(Some(t.locate_busy.into()));
        #[cfg(feature = "hydrate")]
        browser::locate(target.clone(), message, t);
        #[cfg(not(feature = "hydrate"))]
        let _ = &target;
    };
    view! {
        <div class="locate-me" hidden=move || !hydrated.get()>
            <button type="button" id="gebruik-locatie" class="button-link" on:click=locate>
                {t.locate_button}
            </button>
            <p class="locate-message" role="status" aria-live="polite">{move || message.get()}</p>
        </div>
    }
}

#[cfg(feature = "hydrate")]
mod browser {
    use leptos::prelude::*;
    use leptos::task::spawn_local;
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::{JsCast, JsValue};

    fn coordinates(position: &JsValue) -> Option<(f64, f64)> {
        let coords = js_sys::Reflect::get(position, &"coords".into()).ok()?;
        let lat = js_sys::Reflect::get(&coords, &"latitude".into())
            .ok()?
            .as_f64()?;
        let lon = js_sys::Reflect::get(&coords, &"longitude".into())
            .ok()?
            .as_f64()?;
        Some((lat, lon))
    }
    use web_sys::PositionOptions;

    use crate::api::postcode_at;

    pub fn locate(
        target: String,
        message: RwSignal<Option<String>>,
        t: &'static crate::i18n::Texts,
    ) {
        let not_found = t.locate_failed;
        let Some(geolocation) = web_sys::window().and_then(|w| w.navigator().geolocation().ok())
        else {
            message.set(Some(not_found.into()));
            return;
        };
        let on_position = Closure::once_into_js(move |position: JsValue| {
            // GeolocationPosition is still an unstable web-sys API: read the fields directly.
            let Some((lat, lon)) = coordinates(&position) else {
                message.set(Some(not_found.into()));
                return;
            };
            spawn_local(async move {
                match postcode_at(lat, lon).await {
                    Ok(Some(place)) => {
                        if let Some(input) = document()
                            .get_element_by_id(&target)
                            .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
                        {
                            input.set_value(&place);
                        }
                        message.set(Some(crate::i18n::fill(t.locate_found, &[&place])));
                    }
                    _ => message.set(Some(not_found.into())),
                }
            });
        });
        let on_error = Closure::once_into_js(move |_: JsValue| message.set(Some(not_found.into())));
        let options = PositionOptions::new();
        options.set_timeout(10_000);
        let started = geolocation.get_current_position_with_error_callback_and_options(
            on_position.unchecked_ref(),
            Some(on_error.unchecked_ref()),
            &options,
        );
        if started.is_err() {
            message.set(Some(not_found.into()));
        }
    }
}
