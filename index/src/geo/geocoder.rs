//! The offline [`Geocoder`]: postcode or place name → coordinates, coordinates → areas.

use std::collections::HashMap;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use super::shapes::{read_feature_collection, Shape};
use super::{LatLon, Postcode};
use crate::{Error, Result};

const PC4_CSV: &str = include_str!("../../../data/geo/nl_pc4_cbs2020.csv");
const PLACES_CSV: &str = include_str!("../../../data/geo/nl_places_geonames_2024.csv");
const BUURT_POINTS_CSV: &str = include_str!("../../../data/geo/nl_buurten_2014_labelpoints.csv");
const GEMEENTEN: &str = include_str!("../../../data/geo/nl_gemeenten_2025_cartomap.geojson");
const WIJKEN_NL: &str = include_str!("../../../data/geo/nl_wijken_2014.geojson");
const WIJKEN_UTRECHT: &str = include_str!("../../../data/geo/utrecht_wijken_2013.geojson");
const BUURTEN_UTRECHT: &str = include_str!("../../../data/geo/utrecht_buurten_2013.geojson");
/// Utrecht has precise wijk and buurt shapes of its own; elsewhere we use the national ones.
const UTRECHT: &str = "GM0344";

/// What a PC4 area is: where it lies and which areas it belongs to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PostcodePlace {
    /// The four digits.
    pub pc4: String,
    /// A point inside the area (not the centroid, which can fall outside).
    pub lat: f64,
    /// See `lat`.
    pub lon: f64,
    /// Town or village, e.g. "De Meern".
    pub plaats: String,
    /// CBS gemeente code, e.g. "GM0344".
    pub gemeente_code: String,
    /// Gemeente name, e.g. "Utrecht".
    pub gemeente_naam: String,
    /// CBS wijk code (2014), e.g. "WK034410".
    pub wijk_code: String,
    /// Wijk name without its number, e.g. "Vleuten-De Meern".
    pub wijk_naam: String,
    /// Inhabitants (CBS, 1 January 2021).
    pub inwoners: u32,
}

impl PostcodePlace {
    /// The point as a validated coordinate.
    pub fn lat_lon(&self) -> LatLon {
        // Rows are validated when loaded.
        LatLon::parse(self.lat, self.lon).expect("validated on load")
    }
}

/// The areas a coordinate lies in; each is `None` outside the shipped data.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Areas {
    /// CBS gemeente code.
    pub gemeente_code: Option<String>,
    /// Gemeente name.
    pub gemeente_naam: Option<String>,
    /// CBS wijk code.
    pub wijk_code: Option<String>,
    /// Wijk name without its number.
    pub wijk_naam: Option<String>,
    /// CBS buurt code.
    pub buurt_code: Option<String>,
    /// Buurt name.
    pub buurt_naam: Option<String>,
}

struct BuurtPoint {
    code: String,
    naam: String,
    wijk_code: String,
    at: LatLon,
}

/// Offline geocoder over the open data compiled into the binary. Cheap to share: build it once
/// with [`Geocoder::embedded`].
pub struct Geocoder {
    pc4: HashMap<String, PostcodePlace>,
    places: HashMap<String, (LatLon, u64)>,
    gemeenten: Vec<Shape>,
    wijken_nl: Vec<Shape>,
    wijken_utrecht: Vec<Shape>,
    buurten_utrecht: Vec<Shape>,
    buurt_points: Vec<BuurtPoint>,
    /// Wijk code → display name; Utrecht's own names win over the national ones.
    wijk_names: HashMap<String, String>,
    /// Wijk and buurt names people type as a place ("Vleuten-De Meern", "Lombok") → a point
    /// inside; only names that point to one area.
    area_names: HashMap<String, LatLon>,
}

impl Geocoder {
    /// The process-wide geocoder, loaded on first use (about a tenth of a second).
    pub fn embedded() -> &'static Geocoder {
        static GEOCODER: OnceLock<Geocoder> = OnceLock::new();
        GEOCODER.get_or_init(Geocoder::load)
    }

    fn load() -> Geocoder {
        let wijken_nl = read_feature_collection(WIJKEN_NL);
        let wijken_utrecht = read_feature_collection(WIJKEN_UTRECHT);
        let named = |shapes: &[Shape], code: &str, name: &str| -> Vec<(String, String)> {
            shapes
                .iter()
                .filter_map(|s| Some((s.prop(code)?.to_string(), wijk_display_name(s.prop(name)?))))
                .collect()
        };
        let mut wijk_names: HashMap<String, String> = named(&wijken_nl, "statcode", "statnaam")
            .into_iter()
            .collect();
        wijk_names.extend(named(&wijken_utrecht, "wijkcode", "wijknaam"));
        let buurten_utrecht = read_feature_collection(BUURTEN_UTRECHT);
        let buurt_points = load_buurt_points();
        let area_names = area_names(&wijken_utrecht, &buurten_utrecht, &wijken_nl, &buurt_points);
        Geocoder {
            pc4: load_pc4(),
            places: load_places(),
            gemeenten: read_feature_collection(GEMEENTEN),
            wijken_nl,
            wijken_utrecht,
            buurten_utrecht,
            buurt_points,
            wijk_names,
            area_names,
        }
    }

    /// Looks a postcode up by its PC4; a full postcode ("3454 AB") is placed at its PC4.
    pub fn postcode(&self, postcode: &Postcode) -> Result<&PostcodePlace> {
        let pc4 = postcode.pc4();
        self.pc4.get(&pc4).ok_or(Error::UnknownPostcode(pc4))
    }

    /// The PC4 area whose inner point is nearest, within `max_km`.
    pub fn nearest_postcode(&self, at: LatLon, max_km: f64) -> Option<&PostcodePlace> {
        self.pc4
            .values()
            .map(|p| (p, p.lat_lon().distance_km(at)))
            .filter(|(_, d)| *d <= max_km)
            .min_by(|a, b| a.1.total_cmp(&b.1))
            .map(|(p, _)| p)
    }

    /// Every PC4 area, sorted by postcode.
    pub fn all_postcodes(&self) -> Vec<&PostcodePlace> {
        let mut list: Vec<_> = self.pc4.values().collect();
        list.sort_by(|a, b| a.pc4.cmp(&b.pc4));
        list
    }

    /// All PC4 areas of a gemeente, sorted by postcode.
    pub fn postcodes_in_gemeente(&self, gemeente_code: &str) -> Vec<&PostcodePlace> {
        let mut list: Vec<_> = self
            .pc4
            .values()
            .filter(|p| p.gemeente_code == gemeente_code)
            .collect();
        list.sort_by(|a, b| a.pc4.cmp(&b.pc4));
        list
    }

    /// The display name of a wijk code ("WK034410" → "Vleuten-De Meern").
    pub fn wijk_name(&self, wijk_code: &str) -> Option<String> {
        self.wijk_names.get(wijk_code).cloned()
    }

    /// Looks a place up by name (case and accents as typed by most people); the most
    /// populated place wins when names repeat. A town or village comes first, then a wijk or
    /// buurt name ("Vleuten-De Meern", "Lombok", "wijk Overvecht").
    pub fn place(&self, name: &str) -> Result<LatLon> {
        let key = normalise(name);
        let area_key = key
            .strip_prefix("wijk ")
            .or_else(|| key.strip_prefix("buurt "))
            .unwrap_or(&key);
        self.places
            .get(&key)
            .map(|(at, _)| *at)
            .or_else(|| self.area_names.get(area_key).copied())
            .ok_or_else(|| Error::UnknownPlace(name.trim().to_string()))
    }

    /// Where a search location comes from: a postcode, else a place name.
    pub fn locate(&self, text: &str) -> Result<LatLon> {
        match Postcode::parse(text) {
            Ok(postcode) => Ok(self.postcode(&postcode)?.lat_lon()),
            // Without digits it was meant as a place name, so say that we do not know the place.
            Err(_) if !text.chars().any(|c| c.is_ascii_digit()) => self.place(text),
            Err(postcode_error) => self.place(text).map_err(|_| postcode_error),
        }
    }

    /// The gemeente, wijk and buurt a coordinate lies in.
    pub fn areas(&self, at: LatLon) -> Areas {
        let point = at.point();
        let mut areas = Areas::default();
        if let Some(g) = self.gemeenten.iter().find(|s| s.contains(&point)) {
            areas.gemeente_code = g.prop("statcode").map(str::to_string);
            areas.gemeente_naam = g.prop("statnaam").map(str::to_string);
        }
        let in_utrecht = areas.gemeente_code.as_deref() == Some(UTRECHT);
        let wijk = if in_utrecht {
            self.wijken_utrecht.iter().find(|s| s.contains(&point))
        } else {
            None
        };
        if let Some(w) = wijk {
            areas.wijk_code = w.prop("wijkcode").map(str::to_string);
            areas.wijk_naam = w.prop("wijknaam").map(wijk_display_name);
        } else if let Some(w) = self.wijken_nl.iter().find(|s| s.contains(&point)) {
            areas.wijk_code = w.prop("statcode").map(str::to_string);
            areas.wijk_naam = w.prop("statnaam").map(wijk_display_name);
        }
        let buurt = if in_utrecht {
            self.buurten_utrecht.iter().find(|s| s.contains(&point))
        } else {
            None
        };
        if let Some(b) = buurt {
            areas.buurt_code = b.prop("buurtcode").map(str::to_string);
            areas.buurt_naam = b.prop("buurtnaam").map(str::to_string);
        } else if let Some(wijk_code) = areas.wijk_code.clone() {
            // Outside Utrecht only label points exist: take the nearest one in the same wijk.
            let nearest = self
                .buurt_points
                .iter()
                .filter(|b| b.wijk_code == wijk_code)
                .min_by(|a, b| a.at.distance_km(at).total_cmp(&b.at.distance_km(at)));
            if let Some(b) = nearest {
                areas.buurt_code = Some(b.code.clone());
                areas.buurt_naam = Some(b.naam.clone());
            }
        }
        areas
    }
}

/// "Wijk 10 Vleuten-De Meern" → "Vleuten-De Meern"; names without a number stay as they are.
fn wijk_display_name(name: &str) -> String {
    let mut words = name.splitn(3, ' ');
    match (words.next(), words.next(), words.next()) {
        (Some("Wijk"), Some(n), Some(rest)) if n.chars().all(|c| c.is_ascii_digit()) => {
            rest.to_string()
        }
        _ => name.to_string(),
    }
}

/// Wijk and buurt names as places. Utrecht's own shapes first (the region the product started
/// in), then national wijk names and buurt label points, each only when the name is used once
/// in the country: "Centrum" names dozens of wijken, so it would be a guess.
fn area_names(
    wijken_utrecht: &[Shape],
    buurten_utrecht: &[Shape],
    wijken_nl: &[Shape],
    buurt_points: &[BuurtPoint],
) -> HashMap<String, LatLon> {
    use geo::InteriorPoint;
    let inside = |s: &Shape| {
        let p = s.area.interior_point()?;
        LatLon::parse(p.y(), p.x()).ok()
    };
    let mut names: HashMap<String, LatLon> = HashMap::new();
    let mut national: HashMap<String, Option<LatLon>> = HashMap::new();
    let mut once = |name: String, at: Option<LatLon>| {
        national
            .entry(normalise(&name))
            .and_modify(|seen| *seen = None)
            .or_insert(at);
    };
    for w in wijken_nl {
        if let Some(name) = w.prop("statnaam") {
            once(wijk_display_name(name), inside(w));
        }
    }
    for b in buurt_points {
        once(b.naam.clone(), Some(b.at));
    }
    names.extend(
        national
            .into_iter()
            .filter_map(|(name, at)| Some((name, at?))),
    );
    let own = |shapes: &[Shape], key: &str, display: fn(&str) -> String| {
        shapes
            .iter()
            .filter_map(|s| Some((normalise(&display(s.prop(key)?)), inside(s)?)))
            .collect::<Vec<_>>()
    };
    names.extend(own(buurten_utrecht, "buurtnaam", str::to_string));
    names.extend(own(wijken_utrecht, "wijknaam", wijk_display_name));
    names
}

fn normalise(name: &str) -> String {
    name.trim()
        .to_lowercase()
        .replace(['é', 'è', 'ë'], "e")
        .replace(['ï', 'í'], "i")
        .replace(['ö', 'ó'], "o")
        .replace(['ü', 'ú'], "u")
        .replace(['á', 'ä'], "a")
}

fn records(csv_text: &str) -> impl Iterator<Item = csv::StringRecord> + '_ {
    csv::Reader::from_reader(csv_text.as_bytes())
        .into_records()
        .filter_map(|r| r.ok())
}

fn load_pc4() -> HashMap<String, PostcodePlace> {
    // pc4,lat,lon,plaats,gemeentecode,gemeentenaam,provincie,wijkcode_2014,wijknaam_2014,...
    records(PC4_CSV)
        .filter_map(|r| {
            let lat = r.get(1)?.parse().ok()?;
            let lon = r.get(2)?.parse().ok()?;
            LatLon::parse(lat, lon).ok()?;
            let place = PostcodePlace {
                pc4: r.get(0)?.to_string(),
                lat,
                lon,
                plaats: r.get(3)?.to_string(),
                gemeente_code: r.get(4)?.to_string(),
                gemeente_naam: r.get(5)?.to_string(),
                wijk_code: r.get(7)?.to_string(),
                wijk_naam: wijk_display_name(r.get(8)?),
                inwoners: r.get(9)?.parse().unwrap_or(0),
            };
            Some((place.pc4.clone(), place))
        })
        .collect()
}

fn load_places() -> HashMap<String, (LatLon, u64)> {
    // geonameid,name,featurecode,lat,lon,gemeentecode,gemeentenaam_geonames,population,modified
    let mut places: HashMap<String, (LatLon, u64)> = HashMap::new();
    for r in records(PLACES_CSV) {
        let (Some(name), Some(lat), Some(lon)) = (r.get(1), r.get(3), r.get(4)) else {
            continue;
        };
        let (Ok(lat), Ok(lon)) = (lat.parse(), lon.parse()) else {
            continue;
        };
        let Ok(at) = LatLon::parse(lat, lon) else {
            continue;
        };
        let population: u64 = r.get(7).and_then(|p| p.parse().ok()).unwrap_or(0);
        let entry = places.entry(normalise(name)).or_insert((at, population));
        if population > entry.1 {
            *entry = (at, population);
        }
    }
    places
}

fn load_buurt_points() -> Vec<BuurtPoint> {
    // buurtcode,buurtnaam,wijkcode,gemeentecode,lat,lon
    records(BUURT_POINTS_CSV)
        .filter_map(|r| {
            let at = LatLon::parse(r.get(4)?.parse().ok()?, r.get(5)?.parse().ok()?).ok()?;
            Some(BuurtPoint {
                code: r.get(0)?.to_string(),
                naam: r.get(1)?.to_string(),
                wijk_code: r.get(2)?.to_string(),
                at,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn geocoder() -> &'static Geocoder {
        Geocoder::embedded()
    }

    #[test]
    fn a_wijk_name_is_accepted_as_a_place_and_lies_in_that_wijk() {
        for (typed, wijk) in [
            ("Vleuten-De Meern", "WK034410"),
            ("vleuten-de meern", "WK034410"),
            ("Overvecht", "WK034403"),
            ("wijk Overvecht", "WK034403"),
            ("Zuidwest", "WK034408"),
        ] {
            let at = geocoder()
                .place(typed)
                .unwrap_or_else(|e| panic!("{typed}: {e}"));
            assert_eq!(
                geocoder().areas(at).wijk_code.as_deref(),
                Some(wijk),
                "{typed}"
            );
        }
    }

    #[test]
    fn a_town_wins_over_a_wijk_of_the_same_name_and_a_shared_wijk_name_is_no_place() {
        // "De Meern" is a village (GeoNames) as well as part of a wijk name.
        let village = geocoder().place("De Meern").unwrap();
        assert_eq!(
            geocoder().areas(village).wijk_code.as_deref(),
            Some("WK034410")
        );
        // Seven gemeenten have a wijk "Buitengebied": that would be a guess.
        assert!(geocoder().place("Buitengebied").is_err());
    }

    #[test]
    fn postcode_3454_is_de_meern_in_wijk_vleuten_de_meern() {
        let place = geocoder()
            .postcode(&Postcode::parse("3454 AB").unwrap())
            .unwrap();
        assert_eq!(place.plaats, "De Meern");
        assert_eq!(place.gemeente_naam, "Utrecht");
        assert_eq!(place.wijk_naam, "Vleuten-De Meern");
        assert!((place.lat - 52.078).abs() < 0.01 && (place.lon - 5.044).abs() < 0.01);
    }

    #[test]
    fn postcode_3511_is_the_binnenstad() {
        let place = geocoder()
            .postcode(&Postcode::parse("3511").unwrap())
            .unwrap();
        assert_eq!(place.wijk_naam, "Binnenstad");
        let areas = geocoder().areas(place.lat_lon());
        assert_eq!(areas.wijk_naam.as_deref(), Some("Binnenstad"));
        assert_eq!(areas.gemeente_code.as_deref(), Some("GM0344"));
        assert!(areas
            .buurt_code
            .as_deref()
            .is_some_and(|b| b.starts_with("BU0344")));
    }

    #[test]
    fn coordinates_in_de_meern_lie_in_wijk_vleuten_de_meern_of_utrecht() {
        let areas = geocoder().areas(LatLon::parse(52.078056, 5.04421).unwrap());
        assert_eq!(areas.gemeente_naam.as_deref(), Some("Utrecht"));
        assert_eq!(areas.wijk_code.as_deref(), Some("WK034410"));
        assert_eq!(areas.wijk_naam.as_deref(), Some("Vleuten-De Meern"));
        assert_eq!(
            geocoder().wijk_name("WK034410").as_deref(),
            Some("Vleuten-De Meern")
        );
    }

    #[test]
    fn coordinates_outside_utrecht_get_a_national_wijk_and_a_buurt() {
        // Amsterdam centrum, PC4 1011.
        let areas = geocoder().areas(LatLon::parse(52.371791, 4.906451).unwrap());
        assert_eq!(areas.gemeente_code.as_deref(), Some("GM0363"));
        assert!(areas
            .wijk_code
            .as_deref()
            .is_some_and(|w| w.starts_with("WK0363")));
        assert!(areas
            .buurt_code
            .as_deref()
            .is_some_and(|b| b.starts_with("BU0363")));
    }

    #[test]
    fn the_nearest_postcode_of_a_point_in_de_meern_is_3454() {
        let at = LatLon::parse(52.0781, 5.0443).unwrap();
        assert_eq!(geocoder().nearest_postcode(at, 5.0).unwrap().pc4, "3454");
        assert!(geocoder()
            .nearest_postcode(LatLon::parse(0.0, 0.0).unwrap(), 5.0)
            .is_none());
    }

    #[test]
    fn an_unknown_postcode_is_an_error_not_a_guess() {
        let err = geocoder()
            .postcode(&Postcode::parse("1000").unwrap())
            .unwrap_err();
        assert!(
            matches!(err, Error::UnknownPostcode(ref p) if p == "1000"),
            "{err:?}"
        );
        assert!(err.is_user_error());
    }

    #[test]
    fn place_names_and_postcodes_both_locate() {
        let by_name = geocoder().locate("de meern").unwrap();
        let by_postcode = geocoder().locate("3454").unwrap();
        assert!(by_name.distance_km(by_postcode) < 3.0);
        assert!(geocoder().locate("Nergenshuizen").is_err());
    }

    #[test]
    fn utrecht_has_postcodes_in_all_ten_wijken() {
        let wijken: std::collections::HashSet<_> = geocoder()
            .postcodes_in_gemeente("GM0344")
            .iter()
            .map(|p| p.wijk_code.clone())
            .collect();
        assert_eq!(wijken.len(), 10);
    }
}
