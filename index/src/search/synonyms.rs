//! The synonym layer: groups of words and phrases that mean the same to people who search
//! (`data/synonyms.txt`). A query word or phrase found in a group is searched as the whole group.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::analyzer::terms_with_positions;

const SYNONYMS_TXT: &str = include_str!("../../../data/synonyms.txt");
/// Longest phrase, in analyzed words, that is looked up.
const MAX_PHRASE: usize = 4;

/// One member of a group, analyzed: words with their relative positions.
pub(crate) type Member = Vec<(usize, String)>;

/// A query split into plain words and synonym groups.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Clause {
    /// A word without synonyms (analyzed).
    Word(String),
    /// A word or phrase with synonyms: every member of every group it belongs to.
    Synonyms {
        typed: Vec<String>,
        members: Vec<Member>,
    },
}

pub(crate) struct Synonyms {
    groups: Vec<Vec<Member>>,
    /// Analyzed words of a member (positions dropped) → groups it belongs to.
    lookup: HashMap<Vec<String>, Vec<usize>>,
}

impl Synonyms {
    /// The shipped synonym list, analyzed once.
    pub(crate) fn shipped() -> &'static Synonyms {
        static SYNONYMS: OnceLock<Synonyms> = OnceLock::new();
        SYNONYMS.get_or_init(|| Synonyms::parse(SYNONYMS_TXT))
    }

    pub(crate) fn parse(text: &str) -> Synonyms {
        let mut groups = Vec::new();
        let mut lookup: HashMap<Vec<String>, Vec<usize>> = HashMap::new();
        for line in text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
        {
            let members: Vec<Member> = line
                .split(',')
                .map(relative_terms)
                .filter(|m| !m.is_empty() && m.len() <= MAX_PHRASE)
                .collect();
            if members.len() < 2 {
                continue;
            }
            let id = groups.len();
            for m in &members {
                let ids = lookup.entry(words(m)).or_default();
                if !ids.contains(&id) {
                    ids.push(id);
                }
            }
            groups.push(members);
        }
        Synonyms { groups, lookup }
    }

    /// Number of groups.
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.groups.len()
    }

    /// Splits a query into clauses, longest synonym phrase first.
    pub(crate) fn clauses(&self, text: &str) -> Vec<Clause> {
        let words: Vec<String> = terms_with_positions(text)
            .into_iter()
            .map(|(_, w)| w)
            .collect();
        let mut out = Vec::new();
        let mut i = 0;
        while i < words.len() {
            let longest = (1..=MAX_PHRASE.min(words.len() - i))
                .rev()
                .find_map(|n| self.lookup.get(&words[i..i + n]).map(|ids| (n, ids)));
            match longest {
                Some((n, ids)) => {
                    let mut members: Vec<Member> = Vec::new();
                    for &id in ids {
                        for m in &self.groups[id] {
                            if !members.contains(m) {
                                members.push(m.clone());
                            }
                        }
                    }
                    out.push(Clause::Synonyms {
                        typed: words[i..i + n].to_vec(),
                        members,
                    });
                    i += n;
                }
                None => {
                    if !out.contains(&Clause::Word(words[i].clone())) {
                        out.push(Clause::Word(words[i].clone()));
                    }
                    i += 1;
                }
            }
        }
        out
    }
}

fn relative_terms(text: &str) -> Member {
    let terms = terms_with_positions(text);
    let first = terms.first().map(|(p, _)| *p).unwrap_or(0);
    terms.into_iter().map(|(p, t)| (p - first, t)).collect()
}

fn words(member: &Member) -> Vec<String> {
    member.iter().map(|(_, w)| w.clone()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_list_has_at_least_150_groups() {
        assert!(
            Synonyms::shipped().len() >= 150,
            "{}",
            Synonyms::shipped().len()
        );
    }

    #[test]
    fn a_word_expands_to_its_group() {
        let clauses = Synonyms::shipped().clauses("wijkcentrum");
        let Clause::Synonyms { members, .. } = &clauses[0] else {
            panic!("{clauses:?}")
        };
        assert!(members
            .iter()
            .any(|m| words(m) == vec!["buurthuis".to_string()]));
    }

    #[test]
    fn the_longest_phrase_wins_and_other_words_stay_words() {
        let clauses = Synonyms::shipped().clauses("ik heb schulden en kan slecht lezen");
        assert!(matches!(&clauses[0], Clause::Synonyms { typed, .. } if typed.len() == 1));
        assert!(
            clauses
                .iter()
                .any(|c| matches!(c, Clause::Synonyms { typed, .. } if typed.len() == 2)),
            "\"slecht lezen\" is one phrase: {clauses:?}"
        );
    }

    #[test]
    fn english_finds_dutch() {
        let clauses = Synonyms::shipped().clauses("language cafe");
        let Clause::Synonyms { members, .. } = &clauses[0] else {
            panic!("{clauses:?}")
        };
        assert!(members
            .iter()
            .any(|m| words(m) == vec!["taalcaf".to_string()]));
    }
}
