//! A Dutch word list for splitting compounds: "taalhulp" is read as "taal" + "hulp" because
//! both are Dutch words (Debian's `wdutch`, the OpenTaal list), not because this code names
//! them. Optional: without a list, a compound is split only into words the index has.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};

use crate::Result;

/// Where Debian's `wdutch` package puts the list.
pub const DEFAULT_WORDLIST: &str = "/usr/share/dict/dutch";
/// Shortest part of a compound that is split off ("taal" + "hulp"; "ei" is too short to trust).
pub(crate) const MIN_PART: usize = 3;

/// A sorted list of lowercase words without accents.
#[derive(Debug, Default)]
pub struct Wordlist {
    words: Vec<String>,
}

impl Wordlist {
    /// A list from text with one word per line (as `wdutch` ships it).
    pub fn from_text(text: &str) -> Wordlist {
        let mut words: Vec<String> = text
            .lines()
            .map(str::trim)
            .filter(|w| !w.is_empty() && !w.contains(' '))
            .map(fold)
            .collect();
        words.sort_unstable();
        words.dedup();
        Wordlist { words }
    }

    /// The list in `path`, read once per process and shared: every node and test that names
    /// the same file gets the same list.
    pub fn open(path: &Path) -> Result<Arc<Wordlist>> {
        static OPENED: OnceLock<Mutex<HashMap<PathBuf, Arc<Wordlist>>>> = OnceLock::new();
        let mut opened = OPENED
            .get_or_init(Default::default)
            .lock()
            .unwrap_or_else(|e| e.into_inner());
        if let Some(list) = opened.get(path) {
            return Ok(list.clone());
        }
        let list = Arc::new(Wordlist::from_text(&std::fs::read_to_string(path)?));
        opened.insert(path.to_path_buf(), list.clone());
        Ok(list)
    }

    /// Number of words.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// True when the list has no words.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// True when `word` (lowercase, no accents) is a Dutch word.
    pub fn contains(&self, word: &str) -> bool {
        self.words
            .binary_search_by(|w| w.as_str().cmp(word))
            .is_ok()
    }

    /// The ways `word` splits into two words of the list (see [`two_parts`]).
    pub fn splits(&self, word: &str) -> Vec<(String, String)> {
        let known = |part: &str| self.contains(part).then(|| part.to_string());
        two_parts(word, known).collect()
    }
}

/// The ways `word` splits into two parts that `known` accepts (and gives back in its own
/// form), longest first part first; a linking "s" may end the first part
/// ("vrijwilliger(s)|werk"). Parts are at least [`MIN_PART`] letters. One mechanism for the
/// word list and for the index's own words.
pub(crate) fn two_parts<'a, T: 'a>(
    word: &'a str,
    known: impl Fn(&str) -> Option<T> + 'a,
) -> impl Iterator<Item = (T, T)> + 'a {
    let cuts: Vec<usize> = word.char_indices().map(|(at, _)| at).collect();
    let cuts: Vec<usize> = if cuts.len() < 2 * MIN_PART {
        Vec::new()
    } else {
        cuts[MIN_PART..=cuts.len() - MIN_PART].to_vec()
    };
    cuts.into_iter().rev().filter_map(move |cut| {
        let (head, tail) = word.split_at(cut);
        let tail = known(tail)?;
        let head = known(head).or_else(|| {
            head.strip_suffix('s')
                .filter(|h| h.chars().count() >= MIN_PART)
                .and_then(&known)
        })?;
        Some((head, tail))
    })
}

/// Lowercase without accents, as the analyzer folds them.
fn fold(word: &str) -> String {
    word.to_lowercase()
        .chars()
        .map(|c| match c {
            'á' | 'à' | 'ä' | 'â' => 'a',
            'é' | 'è' | 'ë' | 'ê' => 'e',
            'í' | 'ì' | 'ï' | 'î' => 'i',
            'ó' | 'ò' | 'ö' | 'ô' => 'o',
            'ú' | 'ù' | 'ü' | 'û' => 'u',
            'ç' => 'c',
            'ñ' => 'n',
            other => other,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list() -> Wordlist {
        Wordlist::from_text(
            "taal\nhulp\nvrijwilliger\nvrijwilligers\nwerk\nCafé\nboek\nboeken\nkast\n",
        )
    }

    #[test]
    fn a_compound_splits_into_words_of_the_list_longest_first_part_first() {
        let l = list();
        assert_eq!(l.splits("taalhulp"), [("taal".into(), "hulp".into())]);
        assert_eq!(
            l.splits("vrijwilligerswerk")[0],
            ("vrijwilligers".into(), "werk".into())
        );
        assert!(l.splits("taalhuis").is_empty());
        assert!(l.contains("cafe"), "accents folded");
    }

    #[test]
    fn the_shipped_debian_list_splits_real_compounds_when_it_is_installed() {
        let path = Path::new(DEFAULT_WORDLIST);
        if !path.exists() {
            // `./sk test` installs wdutch and requires it; a bare `cargo test` may lack it.
            assert!(
                std::env::var_os("SK_REQUIRE_WORDLIST").is_none(),
                "{DEFAULT_WORDLIST} is missing: apt install wdutch"
            );
            return;
        }
        let l = Wordlist::open(path).unwrap();
        assert!(l.len() > 100_000, "{}", l.len());
        for (compound, head, tail) in [
            ("taalhulp", "taal", "hulp"),
            ("computerles", "computer", "les"),
            ("voetbalclub", "voetbal", "club"),
        ] {
            assert!(
                l.splits(compound).contains(&(head.into(), tail.into())),
                "{compound}: {:?}",
                l.splits(compound)
            );
        }
    }
}
