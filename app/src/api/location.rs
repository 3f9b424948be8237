//! `postcode_at`: the PC4 a device location falls in, for "gebruik mijn locatie".

use leptos::prelude::*;

crate::guard!(PostcodeAt, crate::auth::Access::Public);
/// "3454 De Meern" for a point, or `None` outside the Netherlands. The point is not stored.
#[server]
pub async fn postcode_at(lat: f64, lon: f64) -> Result<Option<String>, ServerFnError> {
    use index::{Geocoder, LatLon};

    let Ok(at) = LatLon::parse(lat, lon) else {
        return Ok(None);
    };
    Ok(Geocoder::embedded()
        .nearest_postcode(at, 5.0)
        .map(|p| format!("{} {}", p.pc4, p.plaats)))
}
