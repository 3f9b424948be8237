//! Vitale coalities as HSDS `program`s, so other sociale kaarten can read them: the coalition's
//! name and goal, its lead partner as the organisation, and its partners, status and "tellen en
//! vertellen" notes as attributes of our `sk-coalitie` taxonomy. The offer a coalition's need
//! belongs to is delivered under it (`service.program_id`). Link persons stay out: open data
//! carries no names of people.

use std::collections::{HashMap, HashSet};

use app::coalitions::CoalitionView;
use serde_json::{json, Map, Value};
use uuid::Uuid;

use super::child_id;
use super::export::taxonomy_id;

/// Our taxonomy for what HSDS has no field for in a program.
pub const TAXONOMY: &str = "sk-coalitie";

/// The terms of [`TAXONOMY`]: (code, name, description).
const TERMS: [(&str, &str, &str); 3] = [
    (
        "partner",
        "Partner",
        "Een partner van de coalitie: wat hij geeft en wat het hem oplevert.",
    ),
    (
        "status",
        "Status",
        "Hoe ver de coalitie is: idee, in opbouw, actief of beëindigd (met de reden).",
    ),
    (
        "notitie",
        "Tellen en vertellen",
        "Wat de coalitie bereikte: een datum, een aantal, een kort verhaal en de uitkomsten.",
    ),
];

fn term_id(code: &str) -> Uuid {
    Uuid::new_v5(&taxonomy_id(TAXONOMY), code.as_bytes())
}

/// The taxonomy_term objects of [`TAXONOMY`].
pub fn terms() -> Vec<Value> {
    TERMS
        .iter()
        .map(|(code, name, description)| {
            json!({
                "id": term_id(code),
                "code": code,
                "name": name,
                "description": description,
                "taxonomy": TAXONOMY,
                "taxonomy_id": taxonomy_id(TAXONOMY),
                "language": "nl",
            })
        })
        .collect()
}

fn term(code: &str) -> Value {
    terms()
        .into_iter()
        .find(|t| t["code"] == code)
        .unwrap_or(Value::Null)
}

/// Dutch words for a stored status (open data is in Dutch, like the map).
fn status_word(code: &str) -> &'static str {
    match code {
        "idea" => "idee",
        "forming" => "in opbouw",
        "active" => "actief",
        _ => "beëindigd",
    }
}

fn role_word(code: &str) -> &'static str {
    match code {
        "lead" => "trekker",
        "supporter" => "ondersteuner",
        _ => "deelnemer",
    }
}

/// The organisation a program belongs to: its first partner that is on the map (`published`).
pub fn lead_organisation(c: &CoalitionView, published: &HashSet<Uuid>) -> Option<Uuid> {
    c.partners
        .iter()
        .filter(|p| p.standing != "left")
        .filter_map(|p| p.organisation_id)
        .find(|o| published.contains(o))
}

/// A coalition as an HSDS program object.
pub fn program(c: &CoalitionView, published: &HashSet<Uuid>) -> Value {
    let mut values: Vec<(&str, String)> = Vec::new();
    let mut status = status_word(&c.status).to_string();
    if !c.status_reason.trim().is_empty() {
        status = format!("{status}: {}", c.status_reason.trim());
    }
    values.push(("status", status));
    for p in c.partners.iter().filter(|p| p.standing != "left") {
        let mut text = format!("{} ({})", p.name, role_word(&p.role));
        if p.standing == "invited" {
            text.push_str(", uitgenodigd");
        }
        if !p.gives.trim().is_empty() {
            text.push_str(&format!(". Geeft: {}", p.gives.trim()));
        }
        if !p.gets.trim().is_empty() {
            text.push_str(&format!(". Krijgt: {}", p.gets.trim()));
        }
        values.push(("partner", text));
    }
    for n in &c.notes {
        let mut text = n.written_on.clone();
        if let Some(number) = n.number {
            text.push_str(&format!(": {number} {}", n.label.trim()));
        }
        if !n.story.trim().is_empty() {
            text.push_str(&format!(". {}", n.story.trim()));
        }
        if !n.outcomes.is_empty() {
            text.push_str(&format!(" [{}]", n.outcomes.join(", ")));
        }
        values.push(("notitie", text));
    }
    let attributes: Vec<Value> = values
        .into_iter()
        .enumerate()
        .map(|(i, (code, value))| {
            json!({
                "id": child_id(c.id, "attribute", i),
                "link_id": c.id,
                "link_type": "program",
                "link_entity": "program",
                "taxonomy_term_id": term_id(code),
                "taxonomy_term": term(code),
                "value": value,
            })
        })
        .collect();
    let mut m = Map::new();
    m.insert("id".into(), json!(c.id));
    if let Some(org) = lead_organisation(c, published) {
        m.insert("organization_id".into(), json!(org));
    }
    m.insert("name".into(), json!(c.name));
    let description = if c.goal.trim().is_empty() {
        c.name.clone()
    } else {
        c.goal.trim().to_string()
    };
    m.insert("description".into(), json!(description));
    m.insert("attributes".into(), Value::Array(attributes));
    Value::Object(m)
}

/// The program each offer is delivered under, from (offer, coalition) pairs oldest first.
pub fn program_of(pairs: &[(Uuid, Uuid)]) -> HashMap<Uuid, Uuid> {
    let mut out = HashMap::new();
    for (service, coalition) in pairs {
        out.entry(*service).or_insert(*coalition);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use app::coalitions::NoteView;
    use app::profile::PartnerView;

    #[test]
    fn a_coalition_becomes_a_program_without_its_link_persons() {
        let club = Uuid::new_v4();
        let c = CoalitionView {
            id: Uuid::new_v4(),
            name: "Trainerskracht De Meern".into(),
            goal: "Jongeren trainen kinderen van de wachtlijst.".into(),
            status: "active".into(),
            link_person: "Sam".into(),
            link_contact: "sam@example.org".into(),
            partners: vec![
                PartnerView {
                    organisation_id: Some(club),
                    name: "VV De Meern".into(),
                    role: "lead".into(),
                    gives: "een veld".into(),
                    gets: "trainers".into(),
                    standing: "accepted".into(),
                },
                PartnerView {
                    name: "School".into(),
                    role: "supporter".into(),
                    standing: "left".into(),
                    ..Default::default()
                },
            ],
            notes: vec![NoteView {
                written_on: "2026-12-01".into(),
                label: "kinderen van de wachtlijst".into(),
                number: Some(8),
                outcomes: vec!["erkend".into()],
                ..Default::default()
            }],
            ..Default::default()
        };
        let p = program(&c, &HashSet::from([club]));
        assert_eq!(p["organization_id"], json!(club));
        assert_eq!(
            p["description"],
            "Jongeren trainen kinderen van de wachtlijst."
        );
        let values: Vec<&str> = p["attributes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a["value"].as_str().unwrap())
            .collect();
        assert_eq!(
            values,
            [
                "actief",
                "VV De Meern (trekker). Geeft: een veld. Krijgt: trainers",
                "2026-12-01: 8 kinderen van de wachtlijst [erkend]",
            ]
        );
        let text = p.to_string();
        assert!(!text.contains("Sam") && !text.contains("sam@example.org"));
        assert!(program(&c, &HashSet::new())
            .get("organization_id")
            .is_none());
    }
}
