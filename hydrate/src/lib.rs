#![recursion_limit = "512"]
//! The browser entry point: hydrates the pages that the server rendered. Empty on other
//! targets (see `Cargo.toml`).

/// Called by the generated JS glue once the wasm module is loaded.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_body(app::App);
}
