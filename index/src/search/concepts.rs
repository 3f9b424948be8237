//! Concepts: what a resident means, in their own words, tied to the product's codes
//! (`data/concepts.txt`). A question that names a concept also finds what is tagged with it,
//! and an offer without usable terms gets the concepts its own text names.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::analyzer::{all_words, terms_with_positions};

const CONCEPTS_TXT: &str = include_str!("../../../data/concepts.txt");
/// The kinds of concepts a question can name.
const QUESTION_TAXONOMIES: [&str; 3] = ["leefgebied", "doelgroep", "kenmerk"];
/// Most words of a question that are looked at for concepts (the same cap as for clauses).
const MAX_WORDS: usize = 64;

/// One concept: a code of the product's taxonomy and the words that name it.
#[derive(Debug, Clone, PartialEq)]
pub struct Concept {
    /// leefgebied, doelgroep or kenmerk.
    pub taxonomy: String,
    /// The code within it ("meedoen").
    pub code: String,
    /// What the page says was understood ("ontmoeting").
    pub label: String,
    /// Each trigger as stemmed words; a `None` is a gap of a few words ("wil ... helpen").
    triggers: Vec<Vec<Option<String>>>,
    /// Each trigger as the list writes it ("huiswerkbegeleiding"), in the same order.
    trigger_texts: Vec<String>,
    /// Words offers use for it, searched too ("tuinieren" also looks for "volkstuin"), as the
    /// index stores them.
    pub also: Vec<String>,
}

/// The shipped concept list.
#[derive(Debug)]
pub struct Concepts {
    list: Vec<Concept>,
    /// (concept, trigger) by the trigger's first word: reading a text looks up each of its
    /// words once instead of trying every trigger at every word (a rebuild reads a million
    /// texts).
    by_first_word: HashMap<String, Vec<(usize, usize)>>,
    /// Triggers that start with a gap, tried at every word.
    gap_first: Vec<(usize, usize)>,
}

impl Concepts {
    /// The concept list shipped with the product, analysed once.
    pub fn shipped() -> &'static Concepts {
        static CONCEPTS: OnceLock<Concepts> = OnceLock::new();
        CONCEPTS.get_or_init(|| Concepts::parse(CONCEPTS_TXT))
    }

    fn parse(text: &str) -> Concepts {
        let list = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .filter_map(|line| {
                let mut parts = line.splitn(4, '|').map(str::trim);
                let (code, label, triggers) = (parts.next()?, parts.next()?, parts.next()?);
                let also = parts.next().unwrap_or_default();
                let (taxonomy, code) = code.split_once(':')?;
                let (triggers, trigger_texts) = triggers
                    .split(',')
                    .map(|text| (trigger(text), text.trim().to_string()))
                    .filter(|(t, _)| t.iter().any(Option::is_some))
                    .unzip();
                Some(Concept {
                    taxonomy: taxonomy.to_string(),
                    code: code.to_string(),
                    label: label.to_string(),
                    triggers,
                    trigger_texts,
                    also: also
                        .split(',')
                        .flat_map(|w| terms_with_positions(w).into_iter().map(|(_, t)| t))
                        .collect(),
                })
            })
            .collect::<Vec<Concept>>();
        let mut by_first_word: HashMap<String, Vec<(usize, usize)>> = HashMap::new();
        let mut gap_first = Vec::new();
        for (c, concept) in list.iter().enumerate() {
            for (t, trigger) in concept.triggers.iter().enumerate() {
                match trigger.first() {
                    Some(Some(word)) => by_first_word.entry(word.clone()).or_default().push((c, t)),
                    Some(None) => gap_first.push((c, t)),
                    None => {}
                }
            }
        }
        Concepts {
            list,
            by_first_word,
            gap_first,
        }
    }

    /// Every concept.
    pub fn all(&self) -> &[Concept] {
        &self.list
    }

    /// The concepts a question names, in the order of the list, each once (partner kinds are
    /// for organisations, not for questions).
    pub fn found_in(&self, text: &str) -> Vec<&Concept> {
        self.named_in(text)
            .into_iter()
            .filter(|c| QUESTION_TAXONOMIES.contains(&c.taxonomy.as_str()))
            .collect()
    }

    /// What a question asks about in the list's own words: each concept it names (as in
    /// [`Concepts::found_in`]) with the first of its triggers the question contains
    /// ("leefgebied", "leren", "huiswerkbegeleiding"). Never a word of the question itself that
    /// the list does not hold, so it can be counted without storing what someone typed.
    pub fn topics_in(&self, text: &str) -> Vec<(&Concept, &str)> {
        let mut words = all_words(text);
        words.truncate(MAX_WORDS);
        self.list
            .iter()
            .filter(|c| QUESTION_TAXONOMIES.contains(&c.taxonomy.as_str()))
            .filter_map(|c| {
                let at = c.triggers.iter().position(|t| contains(&words, t))?;
                Some((c, c.trigger_texts[at].as_str()))
            })
            .collect()
    }

    fn named_in(&self, text: &str) -> Vec<&Concept> {
        let mut words = all_words(text);
        words.truncate(MAX_WORDS);
        let mut named = vec![false; self.list.len()];
        let mut check = |(c, t): (usize, usize), at: usize| {
            if !named[c] && starts_at(&words, at, &self.list[c].triggers[t]) {
                named[c] = true;
            }
        };
        for (at, word) in words.iter().enumerate() {
            for &found in self.by_first_word.get(word).into_iter().flatten() {
                check(found, at);
            }
            for &found in &self.gap_first {
                check(found, at);
            }
        }
        self.list
            .iter()
            .zip(named)
            .filter_map(|(c, named)| named.then_some(c))
            .collect()
    }

    /// The codes of `taxonomy` a text names: the derived terms of an offer or role that came
    /// without usable ones.
    pub fn classify(&self, taxonomy: &str, text: &str) -> Vec<String> {
        self.read(text).codes(taxonomy)
    }

    /// Everything a text names, read once, for classifying it in several taxonomies.
    pub fn read(&self, text: &str) -> Named<'_> {
        Named(self.named_in(text))
    }
}

/// The concepts one text names (see [`Concepts::read`]).
#[derive(Debug)]
pub struct Named<'a>(Vec<&'a Concept>);

impl Named<'_> {
    /// The codes of `taxonomy` among them, each once.
    pub fn codes(&self, taxonomy: &str) -> Vec<String> {
        let mut codes: Vec<String> = Vec::new();
        for c in &self.0 {
            if c.taxonomy == taxonomy && !codes.contains(&c.code) {
                codes.push(c.code.clone());
            }
        }
        codes
    }
}

/// Most words a gap ("wil ... helpen") stands for.
const MAX_GAP: usize = 3;

/// A trigger's words, stemmed; "..." is a gap.
fn trigger(text: &str) -> Vec<Option<String>> {
    let mut out = Vec::new();
    for (n, piece) in text.split("...").enumerate() {
        if n > 0 {
            out.push(None);
        }
        out.extend(all_words(piece).into_iter().map(Some));
    }
    out
}

/// True when `trigger` occurs in `words`: its words consecutive, a gap skipping up to
/// [`MAX_GAP`] words.
fn contains(words: &[String], trigger: &[Option<String>]) -> bool {
    (0..words.len()).any(|at| starts_at(words, at, trigger))
}

/// True when `trigger` occurs in `words` starting at `at` (an empty trigger never does).
fn starts_at(words: &[String], at: usize, trigger: &[Option<String>]) -> bool {
    fn from(words: &[String], at: usize, trigger: &[Option<String>]) -> bool {
        match trigger.split_first() {
            None => true,
            Some((None, rest)) => (0..=MAX_GAP).any(|skip| from(words, at + skip, rest)),
            Some((Some(word), rest)) => {
                words.get(at).is_some_and(|w| w == word) && from(words, at + 1, rest)
            }
        }
    }
    !trigger.is_empty() && from(words, at, trigger)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(text: &str) -> Vec<String> {
        Concepts::shipped()
            .found_in(text)
            .iter()
            .map(|c| format!("{}:{}", c.taxonomy, c.code))
            .collect()
    }

    #[test]
    fn every_line_of_the_shipped_list_is_a_concept_with_triggers() {
        let lines = CONCEPTS_TXT
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .count();
        let concepts = Concepts::shipped().all();
        assert_eq!(concepts.len(), lines);
        assert!(
            concepts.iter().all(|c| c.triggers.len() >= 3),
            "{concepts:?}"
        );
    }

    #[test]
    fn a_question_is_counted_by_the_lists_own_words_never_by_what_was_typed() {
        let topics: Vec<(String, String)> = Concepts::shipped()
            .topics_in("Huiswerkbegeleiding voor mijn dochter Fatima van 12")
            .into_iter()
            .map(|(c, word)| (format!("{}:{}", c.taxonomy, c.code), word.to_string()))
            .collect();
        assert!(
            topics.contains(&("leefgebied:leren".into(), "huiswerkbegeleiding".into())),
            "{topics:?}"
        );
        assert!(topics.contains(&("doelgroep:kinderen".into(), "dochter".into())));
        assert!(
            topics
                .iter()
                .all(|(_, w)| !w.contains("Fatima") && !w.contains("12")),
            "{topics:?}"
        );
        assert!(Concepts::shipped().topics_in("Fatima 12").is_empty());
    }

    #[test]
    fn feelings_and_intentions_lead_to_the_kind_of_place_that_helps() {
        assert_eq!(
            codes("ik voel me alleen en zie bijna niemand"),
            ["leefgebied:meedoen"]
        );
        assert_eq!(codes("niemand om mee te praten"), ["leefgebied:meedoen"]);
        assert_eq!(
            codes("ik kan mijn rekeningen niet betalen"),
            ["leefgebied:geldzaken"]
        );
        assert_eq!(codes("mijn partner slaat me"), ["leefgebied:veiligheid"]);
        assert!(codes("ik kan goed koken").contains(&"kenmerk:vrijwilligerswerk".to_string()));
        // A gap: "wil ... helpen" is someone who offers help, whatever comes between.
        assert!(codes("ik wil ouderen helpen met hun telefoon")
            .contains(&"kenmerk:vrijwilligerswerk".to_string()));
        assert!(!codes("wie kan mij helpen").contains(&"kenmerk:vrijwilligerswerk".to_string()));
    }

    #[test]
    fn an_audience_word_is_a_concept_and_a_plain_word_is_none() {
        // An activity is something to take part in: meedoen.
        assert_eq!(
            codes("gratis activiteit voor senioren"),
            ["leefgebied:meedoen", "doelgroep:ouderen", "kenmerk:gratis"]
        );
        assert!(codes("informatie").is_empty());
        // Whole words only: "taal" is no part of "taart".
        assert!(codes("taart bakken").is_empty());
    }

    #[test]
    fn an_offer_without_terms_is_classified_from_its_own_text() {
        let c = Concepts::shipped();
        let text = "Budgetcafé: hulp bij rekeningen, formulieren en toeslagen";
        assert_eq!(c.classify("leefgebied", text), ["geldzaken"]);
        assert!(c.classify("doelgroep", text).is_empty());
    }

    #[test]
    fn reading_a_text_word_by_word_names_what_trying_every_trigger_everywhere_names() {
        let concepts = Concepts::shipped();
        let texts: Vec<&str> = concepts
            .list
            .iter()
            .flat_map(|c| &c.trigger_texts)
            .map(String::as_str)
            .collect();
        let n = texts.len();
        let mut named = 0;
        for i in 0..n {
            // The list's own triggers in shifting company, with words between and a gap.
            let text = format!(
                "wij {} en ook {} met de {} van {}",
                texts[i],
                texts[(i * 7 + 3) % n],
                texts[(i * 13 + 5) % n].replace(' ', " echt "),
                texts[(i * 31 + 11) % n],
            );
            let mut words = all_words(&text);
            words.truncate(MAX_WORDS);
            let every: Vec<&Concept> = concepts
                .list
                .iter()
                .filter(|c| c.triggers.iter().any(|t| contains(&words, t)))
                .collect();
            let read = concepts.named_in(&text);
            assert_eq!(read, every, "{text}");
            named += read.len();
        }
        assert!(named > n, "the texts name concepts: {named}");
    }
}
