//! The benchmarks' data: the seeded generator of `index::synthetic` (Dutch entries at real PC4
//! points, weighted by inhabitants), and a clear stop when its word list is missing.

pub use index::synthetic::{Places, Rng, Vocabulary};

/// The Zipf vocabulary over Debian's `wdutch` list. Without it the benchmark would measure a
/// toy vocabulary: it stops with what to install instead.
pub fn vocabulary(rng: &mut Rng) -> Vocabulary {
    let path = std::path::Path::new(index::DEFAULT_WORDLIST);
    Vocabulary::load(path, rng).unwrap_or_else(|| {
        eprintln!(
            "the benchmarks need the Dutch word list {} for a realistic vocabulary: \
             install it with `sudo apt-get install wdutch` (./sk test and ./sk run do)",
            path.display()
        );
        std::process::exit(2);
    })
}
