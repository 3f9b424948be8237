//! The shipped taxonomy: leefgebieden, soorten, doelgroepen and talenten (`data/taxonomy.json`).

use serde::Deserialize;
use uuid::Uuid;

use super::{on_pool, Db};
use crate::Result;

/// The taxonomy file the product ships.
pub const TAXONOMY_JSON: &str = include_str!("../../../data/taxonomy.json");

/// Namespace for term ids, so that a (taxonomy, code) pair has the same id everywhere.
const TERM_NAMESPACE: Uuid = Uuid::from_u128(0x5a1c_1a7e_0000_4000_8000_0000_0000_0001);

#[derive(Deserialize)]
struct Term {
    taxonomy: String,
    code: String,
    name: String,
    description: String,
}

/// The stable id of a taxonomy term.
pub fn term_id(taxonomy: &str, code: &str) -> Uuid {
    Uuid::new_v5(&TERM_NAMESPACE, format!("{taxonomy}:{code}").as_bytes())
}

fn shipped_terms() -> &'static [Term] {
    static TERMS: std::sync::OnceLock<Vec<Term>> = std::sync::OnceLock::new();
    // The file is compiled in and covered by a test, so it always parses.
    TERMS.get_or_init(|| serde_json::from_str(TAXONOMY_JSON).expect("shipped taxonomy parses"))
}

/// Codes of a shipped taxonomy, in file order.
pub fn term_codes(taxonomy: &str) -> Vec<&'static str> {
    shipped_terms()
        .iter()
        .filter(|t| t.taxonomy == taxonomy)
        .map(|t| t.code.as_str())
        .collect()
}

/// The name of a shipped term ("leefgebied", "meedoen") → "Meedoen en contact".
pub fn term_name(taxonomy: &str, code: &str) -> Option<String> {
    shipped_terms()
        .iter()
        .find(|t| t.taxonomy == taxonomy && t.code == code)
        .map(|t| t.name.clone())
}

/// The shipped terms as the records [`ensure_taxonomy`] saves, for writing HSDS without a
/// database (the synthetic register file).
pub fn shipped_term_records() -> Vec<super::TermRecord> {
    shipped_terms()
        .iter()
        .map(|t| super::TermRecord {
            id: term_id(&t.taxonomy, &t.code),
            taxonomy: t.taxonomy.clone(),
            code: t.code.clone(),
            name: t.name.clone(),
            description: t.description.clone(),
        })
        .collect()
}

/// Inserts or updates the shipped terms; run at every start, so it must be idempotent.
pub async fn ensure_taxonomy(db: &Db) -> Result<()> {
    let terms = shipped_terms();
    let sql = "INSERT INTO taxonomy_terms (id, taxonomy, code, name, description) \
               VALUES ($1, $2, $3, $4, $5) \
               ON CONFLICT (id) DO UPDATE SET name = excluded.name, description = excluded.description";
    on_pool!(db, p => {
        let mut tx = p.begin().await?;
        for t in terms {
            sqlx::query(sql)
                .bind(term_id(&t.taxonomy, &t.code))
                .bind(&t.taxonomy)
                .bind(&t.code)
                .bind(&t.name)
                .bind(&t.description)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
    });
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_taxonomy_parses_and_has_every_leefgebied() {
        let terms: Vec<Term> = serde_json::from_str(TAXONOMY_JSON).unwrap();
        let leefgebieden = terms.iter().filter(|t| t.taxonomy == "leefgebied").count();
        assert_eq!(leefgebieden, 10);
        assert!(terms
            .iter()
            .any(|t| t.taxonomy == "talent" && t.code == "voetbal"));
    }

    #[test]
    fn term_ids_are_stable() {
        assert_eq!(term_id("talent", "koken"), term_id("talent", "koken"));
        assert_ne!(term_id("talent", "koken"), term_id("doelgroep", "koken"));
    }
}
