//! A fixed grid over the earth, for the spatial prefilter.
//!
//! tantivy has no geo query. Every document gets the id of its grid cell at a few sizes as
//! plain terms; a radius or box search first ORs the terms of the cells that cover it (cheap
//! posting lists), and the collector then checks the exact haversine distance.

use crate::LatLon;

/// Cell sizes in degrees, coarse to fine (about 55, 11, 2.2 and 0.55 km north-south).
pub(crate) const LEVELS: [f64; 4] = [0.5, 0.1, 0.02, 0.005];
/// Use the finest level whose cover stays below this many cells.
const MAX_CELLS: f64 = 160.0;
/// Cells of a box looked at per level before giving that level up.
const MAX_ENUMERATED: f64 = 400.0;
/// Most cells of a cover at the coarsest level (the Netherlands takes about 70).
const MAX_COARSE_CELLS: f64 = 256.0;

/// The cell term of a point at one level: "L<level>:<row>:<col>".
pub(crate) fn cell(level: usize, lat: f64, lon: f64) -> String {
    let size = LEVELS[level];
    format!(
        "L{level}:{}:{}",
        (lat / size).floor() as i64,
        (lon / size).floor() as i64
    )
}

/// The cell terms of a point at every level.
pub(crate) fn cells(at: LatLon) -> Vec<String> {
    (0..LEVELS.len())
        .map(|level| cell(level, at.lat(), at.lon()))
        .collect()
}

/// A box in degrees: south, west, north, east.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BoundingBox {
    /// Southern edge (latitude).
    pub south: f64,
    /// Western edge (longitude).
    pub west: f64,
    /// Northern edge (latitude).
    pub north: f64,
    /// Eastern edge (longitude).
    pub east: f64,
}

impl BoundingBox {
    /// The box around a circle, a little wider than the circle so nothing at the edge is lost.
    pub fn around(at: LatLon, radius_km: f64) -> BoundingBox {
        let dlat = radius_km / 110.574 * 1.01;
        let dlon = radius_km / (111.320 * at.lat().to_radians().cos().max(0.01)) * 1.01;
        BoundingBox {
            south: (at.lat() - dlat).max(-90.0),
            north: (at.lat() + dlat).min(90.0),
            west: (at.lon() - dlon).max(-180.0),
            east: (at.lon() + dlon).min(180.0),
        }
    }

    /// True when the point lies inside (edges included).
    pub fn contains(&self, lat: f64, lon: f64) -> bool {
        (self.south..=self.north).contains(&lat) && (self.west..=self.east).contains(&lon)
    }
}

/// The cell terms that together cover the box (and, when given, only the cells that reach
/// into the circle), at the finest level that keeps them few (the coarsest level may use up
/// to [`MAX_COARSE_CELLS`], a country); `None` for a box larger than that (a continent, the
/// world): then the collector's exact check is cheaper than a prefilter, and the cover never
/// grows with the box. Finer cells mean fewer candidates outside the circle for the
/// collector's exact check; the cells are read into one bitset, so their number costs little.
pub(crate) fn cover(b: &BoundingBox, circle: Option<(LatLon, f64)>) -> Option<Vec<String>> {
    let span = |l: usize| {
        let size = LEVELS[l];
        let rows = (b.south / size).floor() as i64..=(b.north / size).floor() as i64;
        let cols = (b.west / size).floor() as i64..=(b.east / size).floor() as i64;
        (rows, cols)
    };
    let count = |l: usize| {
        let (rows, cols) = span(l);
        (rows.end() - rows.start() + 1) as f64 * (cols.end() - cols.start() + 1) as f64
    };
    let cells_of = |l: usize| {
        let size = LEVELS[l];
        let (rows, cols) = span(l);
        let mut out = Vec::new();
        for r in rows {
            for c in cols.clone() {
                let reaches = circle.is_none_or(|(centre, radius)| {
                    // The cell's point nearest the centre (exact enough for cells this small:
                    // the margin covers the curve of a parallel).
                    let lat = centre.lat().clamp(r as f64 * size, (r + 1) as f64 * size);
                    let lon = centre.lon().clamp(c as f64 * size, (c + 1) as f64 * size);
                    LatLon::parse(lat, lon)
                        .is_ok_and(|p| centre.distance_km(p) <= radius * 1.01 + 0.05)
                });
                if reaches {
                    out.push(format!("L{l}:{r}:{c}"));
                }
            }
        }
        out
    };
    for level in (0..LEVELS.len()).rev() {
        if count(level) > MAX_ENUMERATED {
            continue;
        }
        let cells = cells_of(level);
        if cells.len() as f64 <= MAX_CELLS {
            return Some(cells);
        }
    }
    (count(0) <= MAX_COARSE_CELLS).then(|| cells_of(0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cover_of_a_circle_contains_the_cell_of_every_point_in_it() {
        let centre = LatLon::parse(52.09, 5.12).unwrap();
        for radius in [0.3, 2.0, 10.0, 60.0] {
            let b = BoundingBox::around(centre, radius);
            let cover = cover(&b, Some((centre, radius))).expect("a city-sized box has a cover");
            assert!(
                cover.len() <= MAX_CELLS as usize,
                "{radius}: {}",
                cover.len()
            );
            // Points on the circle's edge in eight directions.
            for k in 0..8 {
                let angle = f64::from(k) * std::f64::consts::FRAC_PI_4;
                let lat = centre.lat() + radius / 110.574 * angle.sin() * 0.999;
                let lon = centre.lon()
                    + radius / (111.320 * centre.lat().to_radians().cos()) * angle.cos() * 0.999;
                let p = LatLon::parse(lat, lon).unwrap();
                assert!(
                    cells(p).iter().any(|c| cover.contains(c)),
                    "radius {radius}, k {k}"
                );
            }
        }
    }

    #[test]
    fn a_box_the_size_of_the_world_has_no_cover_instead_of_a_huge_one() {
        let world = BoundingBox {
            south: -89.9,
            west: -179.9,
            north: 89.9,
            east: 179.9,
        };
        assert_eq!(cover(&world, None), None);
        let netherlands = BoundingBox {
            south: 50.7,
            west: 3.3,
            north: 53.6,
            east: 7.3,
        };
        assert!(cover(&netherlands, None).is_some_and(|c| c.len() <= MAX_COARSE_CELLS as usize));
    }
}
