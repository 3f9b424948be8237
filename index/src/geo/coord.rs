//! The [`LatLon`] newtype: a validated WGS84 coordinate.

use geo::{Distance, Haversine, Point};

use crate::error::CoordinateProblem;
use crate::{Error, Result};

/// A WGS84 coordinate that is known to be valid.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LatLon {
    lat: f64,
    lon: f64,
}

impl LatLon {
    /// Validates latitude (-90..=90) and longitude (-180..=180); NaN is refused.
    pub fn parse(lat: f64, lon: f64) -> Result<Self> {
        if !(-90.0..=90.0).contains(&lat) {
            return Err(Error::InvalidCoordinate(CoordinateProblem::Latitude(lat)));
        }
        if !(-180.0..=180.0).contains(&lon) {
            return Err(Error::InvalidCoordinate(CoordinateProblem::Longitude(lon)));
        }
        Ok(LatLon { lat, lon })
    }

    /// Latitude in degrees.
    pub fn lat(&self) -> f64 {
        self.lat
    }

    /// Longitude in degrees.
    pub fn lon(&self) -> f64 {
        self.lon
    }

    /// As a `geo` point (x = longitude, y = latitude).
    pub fn point(&self) -> Point<f64> {
        Point::new(self.lon, self.lat)
    }

    /// Great-circle distance in kilometres.
    pub fn distance_km(&self, other: LatLon) -> f64 {
        Haversine.distance(self.point(), other.point()) / 1000.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn out_of_range_and_nan_coordinates_are_refused() {
        assert!(LatLon::parse(91.0, 5.0).is_err());
        assert!(LatLon::parse(52.0, 181.0).is_err());
        assert!(LatLon::parse(f64::NAN, 5.0).is_err());
    }

    #[test]
    fn distance_from_de_meern_to_the_centre_is_about_five_kilometres() {
        let de_meern = LatLon::parse(52.078056, 5.04421).unwrap();
        let centrum = LatLon::parse(52.087611, 5.116371).unwrap();
        let km = de_meern.distance_km(centrum);
        assert!((4.5..5.5).contains(&km), "{km}");
    }
}
