//! The taxonomy crosswalk: a register's own terms (`leefgebied.contact`, `doelgroep.ouderen`,
//! `kenmerk.gratis`, `talent.sport`) mapped to the product's leefgebieden, doelgroepen,
//! kenmerken, soorten and talents, so that matching and filters work on data the product did
//! not write. In order: the administrator's mapping file, our own code or name, then, when the
//! source says which kind of term it is (its taxonomy or a code prefix), the words of its code,
//! name and description against ours and a maintained concept list.
//!
//! ```text
//! leefgebied.contact  "Sociaal contact"          → leefgebied:meedoen  (woorden)
//! doelgroep.jeugd     "Jeugd 12-23"              → doelgroep:jongeren  (woorden)
//! kenmerk.gratis      "Kosteloos"                → kenmerk:gratis      (code)
//! ```

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use anyhow::Context;
use serde_json::Value;

/// How a source term was mapped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum How {
    /// A line of the mapping file.
    File,
    /// Our own taxonomy and code, or our term's name.
    Same,
    /// Words of the source term against ours.
    Words,
}

impl How {
    /// Dutch, for the import report.
    pub fn label(self) -> &'static str {
        match self {
            How::File => "koppelbestand",
            How::Same => "zelfde code of naam",
            How::Words => "woorden",
        }
    }
}

/// Extra words per code of ours: what other registers call the same thing.
const CONCEPTS: &[(&str, &str, &str)] = &[
    (
        "leefgebied",
        "meedoen",
        "contact sociaal ontmoeting ontmoeten eenzaamheid samenleven",
    ),
    (
        "leefgebied",
        "geldzaken",
        "financien financiën financieel geld schulden schuld armoede inkomen budget",
    ),
    (
        "leefgebied",
        "werk",
        "werk arbeid participatie dagbesteding baan",
    ),
    (
        "leefgebied",
        "leren",
        "taal onderwijs educatie ontwikkeling digitaal laaggeletterdheid",
    ),
    (
        "leefgebied",
        "gezondheid",
        "gezondheid psychisch ggz welzijn lichamelijk",
    ),
    ("leefgebied", "bewegen", "sport beweging bewegen"),
    (
        "leefgebied",
        "opgroeien",
        "gezin opvoeding opvoeden jeugd opgroeien",
    ),
    (
        "leefgebied",
        "wonen",
        "wonen leefomgeving buurt huisvesting woning",
    ),
    ("leefgebied", "zorg", "mantelzorg ondersteuning zorg"),
    ("leefgebied", "veiligheid", "veiligheid geweld veilig"),
    (
        "doelgroep",
        "iedereen",
        "alle alles iedereen inwoners algemeen",
    ),
    ("doelgroep", "kinderen", "kinderen kind basisschool"),
    (
        "doelgroep",
        "jongeren",
        "jeugd jongeren tieners jongvolwassenen",
    ),
    ("doelgroep", "ouders", "ouders verzorgers opvoeders"),
    ("doelgroep", "ouderen", "ouderen senioren"),
    (
        "doelgroep",
        "nieuwkomers",
        "nieuwkomers statushouders inburgeraars anderstaligen vluchtelingen",
    ),
    ("doelgroep", "mantelzorgers", "mantelzorgers"),
    ("doelgroep", "werkzoekenden", "werkzoekenden werklozen"),
    ("kenmerk", "gratis", "gratis kosteloos"),
    (
        "kenmerk",
        "geen-indicatie",
        "inloop vrije-inloop zonder-verwijzing",
    ),
    (
        "kenmerk",
        "vrijwilligerswerk",
        "vrijwilligersvacature vacature vrijwilligerswerk",
    ),
    ("talent", "klussen", "techniek klussen repareren"),
    ("talent", "computer", "digitaal computer telefoon"),
    ("talent", "tuinieren", "groen tuin tuinieren natuur"),
    ("talent", "luisteren", "gezelschap luisteren"),
    ("talent", "rijden", "rijden vervoer autorijden"),
    ("talent", "taal", "taal lesgeven"),
];

/// The kind of term a source term says it is, from its taxonomy or its code's prefix.
fn kind_hint(taxonomy: &str, code: &str) -> Option<&'static str> {
    let prefix = code.split(['.', ':', '/']).next().unwrap_or_default();
    [taxonomy, prefix].iter().find_map(|word| match *word {
        "leefgebied" | "leefgebieden" | "domein" | "levensdomein" | "thema" => Some("leefgebied"),
        "doelgroep" | "doelgroepen" => Some("doelgroep"),
        "kenmerk" | "kenmerken" | "eigenschap" => Some("kenmerk"),
        "talent" | "talenten" | "vaardigheid" | "vaardigheden" => Some("talent"),
        "soort" | "type" | "organisatietype" => Some("soort"),
        _ => None,
    })
}

/// Lowercase words of at least three letters, without diacritics, for comparing.
fn words(text: &str) -> Vec<String> {
    let folded: String = text
        .to_lowercase()
        .chars()
        .map(|c| match c {
            'á' | 'à' | 'ä' | 'â' => 'a',
            'é' | 'è' | 'ë' | 'ê' => 'e',
            'í' | 'ï' | 'î' => 'i',
            'ó' | 'ö' | 'ô' => 'o',
            'ú' | 'ü' | 'û' => 'u',
            c if c.is_alphanumeric() || c == '-' => c,
            _ => ' ',
        })
        .collect();
    folded
        .split_whitespace()
        .flat_map(|w| std::iter::once(w.to_string()).chain(w.split('-').map(str::to_string)))
        .filter(|w| w.chars().count() >= 3)
        .collect()
}

/// One of our terms with the words that name it.
#[derive(Debug)]
struct Ours {
    taxonomy: String,
    code: String,
    name: String,
    words: Vec<String>,
}

/// Maps source terms to ours; keeps what it decided for the report.
#[derive(Debug)]
pub struct Crosswalk {
    ours: Vec<Ours>,
    /// Source code, id or name (lowercase) → (our taxonomy, our code).
    file: HashMap<String, (String, String)>,
}

/// What the crosswalk did with the terms of one import.
#[derive(Debug, Default, Clone)]
pub struct CrosswalkReport {
    /// Source term → our term and how.
    pub mapped: BTreeMap<String, (String, How)>,
    /// Source terms that map to nothing of ours (kept as they came).
    pub unmapped: BTreeMap<String, usize>,
}

impl Crosswalk {
    /// The crosswalk for the shipped taxonomy, without a mapping file.
    pub fn shipped() -> Crosswalk {
        #[derive(serde::Deserialize)]
        struct T {
            taxonomy: String,
            code: String,
            name: String,
        }
        let list: Vec<T> =
            serde_json::from_str(app::db::TAXONOMY_JSON).expect("shipped taxonomy parses");
        let ours = list
            .into_iter()
            .map(|t| {
                let concept = CONCEPTS
                    .iter()
                    .filter(|(tx, c, _)| *tx == t.taxonomy && *c == t.code)
                    .map(|(_, _, w)| *w)
                    .collect::<Vec<_>>()
                    .join(" ");
                Ours {
                    words: words(&format!("{} {} {concept}", t.code, t.name)),
                    taxonomy: t.taxonomy,
                    code: t.code,
                    name: t.name.to_lowercase(),
                }
            })
            .collect();
        Crosswalk {
            ours,
            file: HashMap::new(),
        }
    }

    /// The shipped crosswalk plus an administrator's mapping file: CSV lines
    /// `source_term,our_code` where `source_term` is the source's code, id or name and
    /// `our_code` is `taxonomy:code` (or a code that is unique among ours). `#` starts a comment.
    pub fn with_file(path: &Path) -> anyhow::Result<Crosswalk> {
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("cannot read {}", path.display()))?;
        let mut walk = Crosswalk::shipped();
        for (n, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') || line.starts_with("source_term") {
                continue;
            }
            let Some((source, ours)) = line.split_once(',') else {
                anyhow::bail!("regel {}: verwacht bronterm,onze_code", n + 1);
            };
            let target = walk.resolve(ours.trim()).with_context(|| {
                format!(
                    "regel {}: {:?} is geen code van de sociale kaart",
                    n + 1,
                    ours.trim()
                )
            })?;
            walk.file.insert(source.trim().to_lowercase(), target);
        }
        Ok(walk)
    }

    /// `taxonomy:code`, or a code that only one of our taxonomies has.
    fn resolve(&self, code: &str) -> Option<(String, String)> {
        let found: Vec<&Ours> = match code.split_once(':') {
            Some((t, c)) => self
                .ours
                .iter()
                .filter(|o| o.taxonomy == t && o.code == c)
                .collect(),
            None => self.ours.iter().filter(|o| o.code == code).collect(),
        };
        match found.as_slice() {
            [one] => Some((one.taxonomy.clone(), one.code.clone())),
            _ => None,
        }
    }

    /// Our (taxonomy, code) for an HSDS `taxonomy_term`, and how it was found.
    pub fn map(&self, term: &Value) -> Option<((String, String), How)> {
        let get = |k: &str| {
            term.get(k)
                .and_then(Value::as_str)
                .unwrap_or_default()
                .trim()
                .to_lowercase()
        };
        let (taxonomy, code, name, id) = (get("taxonomy"), get("code"), get("name"), get("id"));
        for key in [&code, &id, &name] {
            if let Some(t) = self.file.get(key.as_str()).filter(|_| !key.is_empty()) {
                return Some((t.clone(), How::File));
            }
        }
        let same = self
            .ours
            .iter()
            .find(|o| o.taxonomy == taxonomy && o.code == code)
            .or_else(|| {
                self.ours
                    .iter()
                    .find(|o| (o.taxonomy == taxonomy || taxonomy.is_empty()) && o.name == name)
            });
        if let Some(o) = same {
            return Some(((o.taxonomy.clone(), o.code.clone()), How::Same));
        }
        // Words only when the source says what kind of term it is: otherwise a term of an
        // unrelated taxonomy could be read as one of ours. Without that, only a code that is
        // itself one of our words, for one term of ours ("vrijwilligersvacature"), is taken.
        let Some(kind) = kind_hint(&taxonomy, &code) else {
            let mut whole = words(&code);
            whole.dedup();
            let [word] = whole.as_slice() else {
                return None;
            };
            let mut fits = self.ours.iter().filter(|o| o.words.contains(word));
            return match (fits.next(), fits.next()) {
                (Some(o), None) => Some(((o.taxonomy.clone(), o.code.clone()), How::Words)),
                _ => None,
            };
        };
        let tail = code
            .split(['.', ':', '/'])
            .skip(1)
            .collect::<Vec<_>>()
            .join(" ");
        let theirs = words(&format!("{tail} {name} {}", get("description")));
        let mut scored: Vec<(usize, &Ours)> = self
            .ours
            .iter()
            .filter(|o| o.taxonomy == kind)
            .map(|o| (theirs.iter().filter(|w| o.words.contains(w)).count(), o))
            .filter(|(score, _)| *score > 0)
            .collect();
        scored.sort_by_key(|(score, _)| std::cmp::Reverse(*score));
        match scored.as_slice() {
            [(best, o), rest @ ..] if rest.first().is_none_or(|(next, _)| next < best) => {
                Some(((o.taxonomy.clone(), o.code.clone()), How::Words))
            }
            _ => None,
        }
    }
}

impl CrosswalkReport {
    /// Notes a decision for the report.
    pub fn note(&mut self, term: &Value, result: Option<&((String, String), How)>) {
        let label = term
            .get("code")
            .or_else(|| term.get("name"))
            .and_then(Value::as_str)
            .unwrap_or("?")
            .to_string();
        match result {
            Some(((t, c), how)) => {
                self.mapped.insert(label, (format!("{t}:{c}"), *how));
            }
            None => *self.unmapped.entry(label).or_default() += 1,
        }
    }

    /// Plain Dutch lines for the person who ran the import.
    pub fn lines(&self) -> Vec<String> {
        let mut out: Vec<String> = self
            .mapped
            .iter()
            .filter(|(source, (ours, _))| !ours.ends_with(&format!(":{source}")))
            .map(|(source, (ours, how))| format!("gekoppeld: {source} → {ours} ({})", how.label()))
            .collect();
        out.extend(self.unmapped.iter().map(|(source, n)| {
            format!("niet gekoppeld: {source} ({n}×); voeg een regel toe aan --taxonomy-map")
        }));
        out
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn term(code: &str, name: &str) -> Value {
        json!({ "id": "x", "code": code, "name": name, "taxonomy": "regio-eemland" })
    }

    fn ours(code: &str, name: &str) -> Option<(String, How)> {
        Crosswalk::shipped()
            .map(&term(code, name))
            .map(|((t, c), how)| (format!("{t}:{c}"), how))
    }

    #[test]
    fn a_foreign_register_s_terms_find_ours_by_their_words() {
        let w = How::Words;
        assert_eq!(
            ours("leefgebied.contact", "Sociaal contact"),
            Some(("leefgebied:meedoen".into(), w))
        );
        assert_eq!(
            ours("leefgebied.financien", "Financien en administratie"),
            Some(("leefgebied:geldzaken".into(), w))
        );
        assert_eq!(
            ours("leefgebied.mantelzorg", "Mantelzorg en ondersteuning"),
            Some(("leefgebied:zorg".into(), w))
        );
        assert_eq!(
            ours("doelgroep.jeugd", "Jeugd 12-23"),
            Some(("doelgroep:jongeren".into(), w))
        );
        assert_eq!(
            ours("doelgroep.ouderen", "Ouderen (65+)"),
            Some(("doelgroep:ouderen".into(), How::Words))
        );
        assert_eq!(
            ours("kenmerk.gratis", "Kosteloos"),
            Some(("kenmerk:gratis".into(), w))
        );
        assert_eq!(
            ours("talent.groen", "Tuin en natuur"),
            Some(("talent:tuinieren".into(), w))
        );
        assert_eq!(
            ours("talent.sport", "Sport en spel"),
            Some(("talent:sport".into(), w))
        );
        let own = json!({ "code": "gratis", "name": "Gratis", "taxonomy": "kenmerk" });
        let same = Crosswalk::shipped().map(&own).map(|(_, how)| how);
        assert_eq!(same, Some(How::Same), "our own terms come back as they are");
    }

    #[test]
    fn terms_that_do_not_say_what_they_are_or_match_nothing_stay_unmapped() {
        assert_eq!(ours("mental-health", "Mental health"), None);
        assert_eq!(ours("leefgebied.ruimtevaart", "Ruimtevaart"), None);
        // Without a kind, one word that is ours for two terms says nothing.
        assert_eq!(ours("jeugd", "Jeugd"), None);
    }

    #[test]
    fn a_code_without_a_kind_that_is_one_of_our_words_is_mapped() {
        assert_eq!(
            ours("vrijwilligersvacature", "Vrijwilligersvacature"),
            Some(("kenmerk:vrijwilligerswerk".into(), How::Words))
        );
    }

    #[test]
    fn the_mapping_file_wins_and_refuses_codes_we_do_not_have() {
        let file = std::env::temp_dir().join(format!("sk-map-{}.csv", std::process::id()));
        std::fs::write(&file, "source_term,our_code\n# eigen\nleefgebied.contact,leefgebied:zorg\nkenmerk.rolstoel,geen-indicatie\n").unwrap();
        let walk = Crosswalk::with_file(&file).unwrap();
        let mapped = walk
            .map(&term("leefgebied.contact", "Sociaal contact"))
            .unwrap();
        assert_eq!(mapped, (("leefgebied".into(), "zorg".into()), How::File));
        std::fs::write(&file, "leefgebied.contact,leefgebied:ruimtevaart\n").unwrap();
        let error = Crosswalk::with_file(&file).unwrap_err();
        assert!(format!("{error:#}").contains("regel 1"), "{error:#}");
        let _ = std::fs::remove_file(&file);
    }
}
