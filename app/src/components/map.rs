//! The map container; `kaart.js` (Leaflet) draws it after hydration from `data-markers`.

use leptos::prelude::*;
use leptos_meta::Link;

use crate::i18n::{fill, use_texts, Lang};
use crate::model::{format_km, OfferSummary};

/// One marker: where, what, and the page it links to.
#[derive(Debug, Clone, PartialEq)]
pub struct Marker {
    /// Latitude.
    pub lat: f64,
    /// Longitude.
    pub lon: f64,
    /// What the popup says.
    pub name: String,
    /// Where the popup links to.
    pub href: String,
    /// "1,2 km van je af", or empty.
    pub distance: String,
}

impl Marker {
    /// A marker for every card that has a place.
    pub fn of_offers(items: &[OfferSummary], lang: Lang) -> Vec<Marker> {
        items
            .iter()
            .filter_map(|o| {
                let place = o.location.as_ref()?;
                Some(Marker {
                    lat: place.lat?,
                    lon: place.lon?,
                    name: o.name.clone(),
                    href: o.href(),
                    distance: o
                        .distance_km
                        .map(|d| fill(lang.texts().distance_away, &[&format_km(d, lang)]))
                        .unwrap_or_default(),
                })
            })
            .collect()
    }
}

/// A JSON string for a data attribute, built by hand so the browser bundle needs no JSON
/// library (the attribute itself is escaped by the view).
pub fn json_text(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// JSON for `data-markers`.
fn markers_json(markers: &[Marker]) -> String {
    let text = json_text;
    let items: Vec<String> = markers
        .iter()
        .map(|m| {
            format!(
                "{{\"lat\":{},\"lon\":{},\"name\":{},\"href\":{},\"distance\":{}}}",
                m.lat,
                m.lon,
                text(&m.name),
                text(&m.href),
                text(&m.distance)
            )
        })
        .collect();
    format!("[{}]", items.join(","))
}

/// A map region with markers; empty (and hidden) until the page is hydrated.
#[component]
pub fn Map(
    label: &'static str,
    markers: Vec<Marker>,
    #[prop(optional)] small: bool,
) -> impl IntoView {
    view! {
        // kaart.js asks for Leaflet once it finds a map; these let the browser start at once.
        <Link rel="preload" href="/vendor/leaflet/leaflet.js" as_="script"/>
        <Link rel="preload" href="/vendor/leaflet/leaflet.markercluster.js" as_="script"/>
        <Link rel="preload" href="/vendor/leaflet/leaflet.css" as_="style"/>
        <div class="kaart" class:kaart-klein=small id=(!small).then_some("resultaten-kaart") role="region"
            aria-label=label data-markers=markers_json(&markers)
            data-area-label=use_texts().map_search_area></div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marker_json_escapes_quotes_and_backslashes() {
        let m = Marker {
            lat: 52.0,
            lon: 5.0,
            name: "De \"Boog\" \\ 1".into(),
            href: "/a".into(),
            distance: String::new(),
        };
        assert_eq!(
            markers_json(&[m]),
            r#"[{"lat":52,"lon":5,"name":"De \"Boog\" \\ 1","href":"/a","distance":""}]"#
        );
    }
}
