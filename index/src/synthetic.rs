//! Synthetic offers for benchmarks and load tests: a seeded generator of Dutch entries at real
//! PC4 points, weighted by inhabitants (CBS), with a Zipf vocabulary from Debian's `wdutch`
//! word list plus the words of the social domain. The same seed gives the same entries, so a
//! run can be repeated and a load continued where it stopped.
//!
//! Used by `search-bench`, `match-bench` and `sociale-kaart demo --synthetic N`; nothing here
//! is ever shown as real: callers mark what they store as synthetic.

use std::path::Path;

use uuid::Uuid;

use crate::{Geocoder, OfferDoc};

/// A small, fast, seeded generator (xorshift64*).
pub struct Rng(u64);

impl Rng {
    /// A generator for `seed` (0 is taken as 1).
    pub fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// Uniform in [0, 1).
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// Uniform in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.unit() * n as f64) as usize % n.max(1)
    }
}

/// Words of the social domain, so that queries mean something.
const DOMAIN: &[&str] = &[
    "buurthuis",
    "koffieochtend",
    "voetbal",
    "taalcafe",
    "schuldhulp",
    "mantelzorg",
    "vrijwilliger",
    "jongerenwerk",
    "dagbesteding",
    "huiswerkbegeleiding",
    "koken",
    "wandelen",
    "zwemmen",
    "yoga",
    "computerhulp",
    "spreekuur",
    "maaltijd",
    "kinderen",
    "ouderen",
    "ontmoeting",
    "moestuin",
    "naaiatelier",
    "fietsles",
    "judo",
    "muziek",
    "koor",
    "bibliotheek",
    "sport",
    "werkervaring",
];

/// Words ranked by a seeded shuffle, drawn with Zipf weights (1/rank).
pub struct Vocabulary {
    words: Vec<String>,
    cdf: Vec<f64>,
}

impl Vocabulary {
    /// Up to 50,000 words of the list at `path` (Debian's `wdutch`:
    /// [`crate::DEFAULT_WORDLIST`]); `None` when it is missing or too short to be realistic
    /// (a toy vocabulary would make every benchmark meaningless).
    pub fn load(path: &Path, rng: &mut Rng) -> Option<Vocabulary> {
        let text = std::fs::read_to_string(path).ok()?;
        let mut words: Vec<String> = text
            .lines()
            .filter(|w| (4..=12).contains(&w.len()) && w.chars().all(|c| c.is_ascii_lowercase()))
            .map(str::to_string)
            .collect();
        if words.len() < 10_000 {
            return None;
        }
        for i in (1..words.len()).rev() {
            let j = rng.below(i + 1);
            words.swap(i, j);
        }
        words.truncate(50_000);
        // Domain words get middle ranks: common, but not the most common.
        for (i, w) in DOMAIN.iter().enumerate() {
            words.insert((20 + i * 7).min(words.len()), (*w).to_string());
        }
        let mut total = 0.0;
        let cumulative: Vec<f64> = (1..=words.len())
            .map(|rank| {
                total += 1.0 / rank as f64;
                total
            })
            .collect();
        let cdf = cumulative.into_iter().map(|c| c / total).collect();
        Some(Vocabulary { words, cdf })
    }

    /// A word by its Zipf weight.
    pub fn zipf<'a>(&'a self, rng: &mut Rng) -> &'a str {
        let u = rng.unit();
        let i = self
            .cdf
            .partition_point(|c| *c < u)
            .min(self.words.len() - 1);
        &self.words[i]
    }

    /// A word between ranks `from` and `to` (for queries of a known frequency).
    pub fn ranked<'a>(&'a self, rng: &mut Rng, from: usize, to: usize) -> &'a str {
        &self.words[from + rng.below(to.min(self.words.len()) - from)]
    }

    /// A word of the social domain.
    pub fn domain(rng: &mut Rng) -> &'static str {
        DOMAIN[rng.below(DOMAIN.len())]
    }
}

/// A PC4 area's point and codes.
#[derive(Debug, Clone)]
pub struct Place {
    /// Latitude of the area's point.
    pub lat: f64,
    /// Longitude of the area's point.
    pub lon: f64,
    /// The area ("3454").
    pub pc4: String,
    /// CBS wijk code.
    pub wijk_code: String,
    /// CBS gemeente code.
    pub gemeente_code: String,
}

/// Every PC4 area, drawn by its inhabitants.
pub struct Places {
    points: Vec<Place>,
    cdf: Vec<f64>,
}

impl Places {
    /// Every PC4 point of the embedded geodata, weighted by its inhabitants.
    pub fn load() -> Places {
        let all = Geocoder::embedded().all_postcodes();
        let mut total = 0.0;
        let mut cdf = Vec::new();
        let mut points = Vec::new();
        for p in all {
            total += f64::from(p.inwoners.max(10));
            cdf.push(total);
            points.push(Place {
                lat: p.lat,
                lon: p.lon,
                pc4: p.pc4.clone(),
                wijk_code: p.wijk_code.clone(),
                gemeente_code: p.gemeente_code.clone(),
            });
        }
        let cdf = cdf.into_iter().map(|c| c / total).collect();
        Places { points, cdf }
    }

    /// A place, more often where more people live.
    pub fn pick(&self, rng: &mut Rng) -> &Place {
        let u = rng.unit();
        &self.points[self
            .cdf
            .partition_point(|c| *c < u)
            .min(self.points.len() - 1)]
    }
}

/// The kinds of offer, as the index knows them.
pub const KINDS: [&str; 4] = ["buurthuis", "vereniging", "initiatief", "voorziening"];
/// The leefgebieden synthetic offers are about.
pub const LEEFGEBIEDEN: [&str; 6] = [
    "meedoen",
    "geldzaken",
    "werk",
    "leren",
    "bewegen",
    "opgroeien",
];

/// One synthetic entry after another, the same sequence for the same seed (about 5 % inactive).
pub fn entries<'a>(
    seed: u64,
    vocab: &'a Vocabulary,
    places: &'a Places,
) -> impl Iterator<Item = OfferDoc> + 'a {
    let mut rng = Rng::new(seed);
    std::iter::from_fn(move || {
        let place = places.pick(&mut rng);
        // Spread within a few hundred metres of the PC4 point.
        let lat = place.lat + (rng.unit() - 0.5) * 0.006;
        let lon = place.lon + (rng.unit() - 0.5) * 0.009;
        let name = format!("{} {}", Vocabulary::domain(&mut rng), vocab.zipf(&mut rng));
        let words = 12 + rng.below(14);
        let description = (0..words)
            .map(|_| vocab.zipf(&mut rng))
            .collect::<Vec<_>>()
            .join(" ");
        let min_age = (rng.below(4) == 0).then(|| rng.below(18) as u8);
        Some(OfferDoc {
            offer_id: Uuid::from_u128(
                u128::from(rng.next_u64()) << 64 | u128::from(rng.next_u64()),
            ),
            location_id: None,
            name,
            organisation: format!("Stichting {}", vocab.zipf(&mut rng)),
            description,
            kind: KINDS[rng.below(4)].into(),
            leefgebieden: vec![LEEFGEBIEDEN[rng.below(6)].into()],
            doelgroepen: vec![],
            keywords: vec![],
            lat: Some(lat),
            lon: Some(lon),
            wijk_code: Some(place.wijk_code.clone()),
            gemeente_code: Some(place.gemeente_code.clone()),
            min_age,
            max_age: min_age.map(|a| a + 10),
            days: vec![1 + rng.below(7) as u8],
            languages: vec!["nl".into()],
            free: rng.below(2) == 0,
            step_free: rng.below(2) == 0,
            no_referral_needed: true,
            status: if rng.below(20) == 0 {
                "inactive".into()
            } else {
                "active".into()
            },
        })
    })
}

/// The first `n` of [`entries`].
pub fn generate(n: usize, seed: u64, vocab: &Vocabulary, places: &Places) -> Vec<OfferDoc> {
    entries(seed, vocab, places).take(n).collect()
}
