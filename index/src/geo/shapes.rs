//! Minimal GeoJSON reading: polygons with a few string properties, nothing more.

use geo::{BoundingRect, Contains, Coord, LineString, MultiPolygon, Point, Polygon, Rect};
use serde_json::Value;

/// One area: its properties and its shape, with a bounding box for a cheap first test.
pub(crate) struct Shape {
    pub props: serde_json::Map<String, Value>,
    pub area: MultiPolygon<f64>,
    bbox: Option<Rect<f64>>,
}

impl Shape {
    pub fn prop(&self, key: &str) -> Option<&str> {
        self.props.get(key).and_then(Value::as_str)
    }

    pub fn contains(&self, point: &Point<f64>) -> bool {
        self.bbox.is_some_and(|b| b.contains(point)) && self.area.contains(point)
    }
}

/// Reads the features of a FeatureCollection; features that are not (multi)polygons are skipped.
pub(crate) fn read_feature_collection(text: &str) -> Vec<Shape> {
    // The files are shipped with the binary, so a parse failure is a build defect.
    let doc: Value = serde_json::from_str(text).expect("shipped geojson is valid json");
    let features = doc["features"].as_array().cloned().unwrap_or_default();
    features
        .into_iter()
        .filter_map(|f| {
            let props = f["properties"].as_object().cloned().unwrap_or_default();
            let area = geometry(&f["geometry"])?;
            let bbox = area.bounding_rect();
            Some(Shape { props, area, bbox })
        })
        .collect()
}

fn geometry(g: &Value) -> Option<MultiPolygon<f64>> {
    match g["type"].as_str()? {
        "Polygon" => Some(MultiPolygon(vec![polygon(&g["coordinates"])?])),
        "MultiPolygon" => {
            let polys = g["coordinates"]
                .as_array()?
                .iter()
                .filter_map(polygon)
                .collect();
            Some(MultiPolygon(polys))
        }
        _ => None,
    }
}

fn polygon(rings: &Value) -> Option<Polygon<f64>> {
    let mut rings = rings.as_array()?.iter().map(ring);
    let exterior = rings.next()??;
    let interiors = rings.flatten().collect();
    Some(Polygon::new(exterior, interiors))
}

fn ring(coords: &Value) -> Option<LineString<f64>> {
    let coords = coords
        .as_array()?
        .iter()
        .filter_map(|c| {
            let c = c.as_array()?;
            Some(Coord {
                x: c.first()?.as_f64()?,
                y: c.get(1)?.as_f64()?,
            })
        })
        .collect::<Vec<_>>();
    Some(LineString(coords))
}
