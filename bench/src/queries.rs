//! The query classes and a seeded query set per class.

use index::LatLon;

use crate::data::{Places, Rng, Vocabulary};

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Class {
    Text,
    TextNear5km,
    Filters10kmByDistance,
    Typo,
    Prefix,
}

impl Class {
    pub const ALL: [Class; 5] = [
        Class::Text,
        Class::TextNear5km,
        Class::Filters10kmByDistance,
        Class::Typo,
        Class::Prefix,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Class::Text => "text",
            Class::TextNear5km => "text + 5 km blended",
            Class::Filters10kmByDistance => "10 km + filters, by distance",
            Class::Typo => "typo",
            Class::Prefix => "prefix",
        }
    }
}

#[derive(Debug, Clone)]
pub struct Query {
    pub class: Class,
    /// Words as typed (may hold a typo or be a prefix).
    pub text: String,
    pub near: Option<LatLon>,
    pub radius_km: Option<f64>,
    pub kind: Option<&'static str>,
    pub free_only: bool,
    pub by_distance: bool,
}

fn typo(word: &str, rng: &mut Rng) -> String {
    let mut chars: Vec<char> = word.chars().collect();
    let i = 1 + rng.below(chars.len() - 2);
    chars[i] = if chars[i] == 'e' { 'a' } else { 'e' };
    chars.into_iter().collect()
}

/// `n` queries of each class.
pub fn generate(n: usize, seed: u64, vocab: &Vocabulary, places: &Places) -> Vec<Query> {
    let mut rng = Rng::new(seed);
    let mut out = Vec::new();
    for class in Class::ALL {
        for _ in 0..n {
            let place = places.pick(&mut rng);
            let at = LatLon::parse(place.lat, place.lon).ok();
            // Mid-frequency words: rank 50..2000 of the Zipf vocabulary.
            let word = loop {
                let w = vocab.ranked(&mut rng, 50, 2000);
                if w.len() >= 6 {
                    break w.to_string();
                }
            };
            let base = Query {
                class,
                text: String::new(),
                near: None,
                radius_km: None,
                kind: None,
                free_only: false,
                by_distance: false,
            };
            out.push(match class {
                Class::Text => {
                    let second = Vocabulary::domain(&mut rng);
                    Query {
                        text: format!("{word} {second}"),
                        ..base
                    }
                }
                Class::TextNear5km => Query {
                    text: Vocabulary::domain(&mut rng).into(),
                    near: at,
                    radius_km: Some(5.0),
                    ..base
                },
                Class::Filters10kmByDistance => Query {
                    near: at,
                    radius_km: Some(10.0),
                    kind: Some(
                        ["buurthuis", "vereniging", "initiatief", "voorziening"][rng.below(4)],
                    ),
                    free_only: true,
                    by_distance: true,
                    ..base
                },
                Class::Typo => Query {
                    text: typo(&word, &mut rng),
                    ..base
                },
                Class::Prefix => Query {
                    text: word[..5].to_string(),
                    ..base
                },
            });
        }
    }
    out
}
