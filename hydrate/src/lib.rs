#![recursion_limit = "512"]
//! The browser entry point: the islands of the pages that the server rendered (`#[island]`
//! components in `app`; everything else stays server HTML). Empty on other targets (see
//! `Cargo.toml`).

/// Called by `pagina.js` once the wasm module is loaded, before it hydrates each island.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    // Through `app`, so that its islands (exported by `#[island]`) are linked in.
    app::hydrate_islands();
}
