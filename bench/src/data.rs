//! A seeded generator of realistic Dutch entries at real PC4 points (population-weighted) with a
//! Zipf vocabulary from Debian's `wdutch` list plus the words of the social domain.

use index::{Geocoder, OfferDoc};
use uuid::Uuid;

/// A small, fast, seeded generator (xorshift64*).
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }

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

pub struct Vocabulary {
    words: Vec<String>,
    cdf: Vec<f64>,
}

impl Vocabulary {
    /// Where Debian's `wdutch` puts its list.
    pub const WORDLIST: &'static str = "/usr/share/dict/dutch";

    /// Up to 50,000 words, ranked by a seeded shuffle; Zipf weights 1/rank. Without the word
    /// list the benchmark would measure a 29-word toy vocabulary (and index past its end): it
    /// stops with what to install instead.
    pub fn load(rng: &mut Rng) -> Vocabulary {
        let text = match std::fs::read_to_string(Self::WORDLIST) {
            Ok(text) if text.lines().count() > 10_000 => text,
            _ => {
                eprintln!(
                    "search-bench needs the Dutch word list {} for a realistic vocabulary: \
                     install it with `sudo apt-get install wdutch` (./sk test and ./sk run do)",
                    Self::WORDLIST
                );
                std::process::exit(2);
            }
        };
        let mut words: Vec<String> = text
            .lines()
            .filter(|w| (4..=12).contains(&w.len()) && w.chars().all(|c| c.is_ascii_lowercase()))
            .map(str::to_string)
            .collect();
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
        let cdf = (1..=words.len())
            .map(|rank| {
                total += 1.0 / rank as f64;
                total
            })
            .collect::<Vec<_>>()
            .into_iter()
            .map(|c| c / total)
            .collect();
        Vocabulary { words, cdf }
    }

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

    pub fn domain(rng: &mut Rng) -> &'static str {
        DOMAIN[rng.below(DOMAIN.len())]
    }
}

pub struct Places {
    points: Vec<(f64, f64, String, String)>,
    cdf: Vec<f64>,
}

impl Places {
    /// Every PC4 point, weighted by its inhabitants.
    pub fn load() -> Places {
        let all = Geocoder::embedded().all_postcodes();
        let mut total = 0.0;
        let mut cdf = Vec::new();
        let mut points = Vec::new();
        for p in all {
            total += f64::from(p.inwoners.max(10));
            cdf.push(total);
            points.push((p.lat, p.lon, p.wijk_code.clone(), p.gemeente_code.clone()));
        }
        let cdf = cdf.into_iter().map(|c| c / total).collect();
        Places { points, cdf }
    }

    pub fn pick(&self, rng: &mut Rng) -> &(f64, f64, String, String) {
        let u = rng.unit();
        &self.points[self
            .cdf
            .partition_point(|c| *c < u)
            .min(self.points.len() - 1)]
    }
}

const KINDS: [&str; 4] = ["buurthuis", "vereniging", "initiatief", "voorziening"];
const LEEFGEBIEDEN: [&str; 6] = [
    "meedoen",
    "geldzaken",
    "werk",
    "leren",
    "bewegen",
    "opgroeien",
];

/// `n` entries, the same for the same seed.
pub fn generate(n: usize, seed: u64, vocab: &Vocabulary, places: &Places) -> Vec<OfferDoc> {
    let mut rng = Rng::new(seed);
    (0..n)
        .map(|_| {
            let (lat, lon, wijk, gemeente) = places.pick(&mut rng).clone();
            // Spread within a few hundred metres of the PC4 point.
            let lat = lat + (rng.unit() - 0.5) * 0.006;
            let lon = lon + (rng.unit() - 0.5) * 0.009;
            let name = format!("{} {}", Vocabulary::domain(&mut rng), vocab.zipf(&mut rng));
            let words = 12 + rng.below(14);
            let description = (0..words)
                .map(|_| vocab.zipf(&mut rng))
                .collect::<Vec<_>>()
                .join(" ");
            let min_age = (rng.below(4) == 0).then(|| rng.below(18) as u8);
            OfferDoc {
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
                wijk_code: Some(wijk),
                gemeente_code: Some(gemeente),
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
            }
        })
        .collect()
}
