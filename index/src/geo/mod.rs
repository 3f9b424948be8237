//! Dutch postcodes, coordinates and areas, offline.
//!
//! All data comes from open data shipped in `data/geo/` and compiled into the binary, so
//! geocoding never needs a network and never guesses: an unknown postcode is an error.
//!
//! ```
//! use index::{Geocoder, LatLon};
//!
//! let areas = Geocoder::embedded().areas(LatLon::parse(52.0781, 5.0442).unwrap());
//! assert_eq!(areas.wijk_naam.as_deref(), Some("Vleuten-De Meern"));
//! ```

mod coord;
mod geocoder;
mod postcode;
mod shapes;

pub use coord::LatLon;
pub use geocoder::{Areas, Geocoder, PostcodePlace};
pub use postcode::Postcode;
