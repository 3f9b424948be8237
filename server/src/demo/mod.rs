//! The demo data of gemeente Utrecht: a hand-written core plus offers generated from templates
//! for all ten wijken. Deterministic: the same ids and texts on every run, so loading it twice
//! updates instead of duplicating. Everything is invented; no real people.

mod builder;
mod core;
mod signals;
pub mod synthetic;
mod wijken;

use app::db::Dataset;

pub use builder::demo_id;
pub use signals::seed as seed_signals;

/// The demo's buurtteams, so a coordinator only has to put professionals in them
/// (`sociale-kaart team member`) to run a family's traject as a team. Idempotent.
pub async fn seed_teams(state: &app::AppState) -> anyhow::Result<()> {
    for (key, name, phone) in [
        (
            "vleuten-de-meern",
            "Buurtteam Vleuten-De Meern",
            "030 000 0901",
        ),
        ("zuidwest", "Buurtteam Zuidwest", "030 000 0902"),
    ] {
        let team = app::db::TeamRecord {
            id: demo_id(&format!("team:{key}")),
            gemeente_code: "GM0344".into(),
            name: name.into(),
            kind: "buurtteam".into(),
            phone: phone.into(),
            email: format!("buurtteam-{key}@example.org"),
        };
        app::db::create_team(&state.db, &team).await?;
    }
    Ok(())
}

/// The complete demo dataset.
pub fn dataset() -> Dataset {
    let mut data = Dataset::default();
    core::add(&mut data);
    wijken::add(&mut data);
    data
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;

    #[test]
    fn the_demo_has_a_few_hundred_offers_over_all_ten_wijken() {
        let data = dataset();
        assert!(data.services.len() >= 200, "{}", data.services.len());
        let wijken: HashSet<_> = data
            .locations
            .iter()
            .filter_map(|l| index::Postcode::parse(&l.postal_code).ok())
            .filter_map(|p| {
                index::Geocoder::embedded()
                    .postcode(&p)
                    .ok()
                    .map(|p| p.wijk_code.clone())
            })
            .collect();
        assert_eq!(wijken.len(), 10);
    }

    #[test]
    fn the_demo_is_deterministic_and_ids_are_unique() {
        let a = dataset();
        let b = dataset();
        let ids: Vec<_> = a.services.iter().map(|s| s.id).collect();
        assert_eq!(ids, b.services.iter().map(|s| s.id).collect::<Vec<_>>());
        assert_eq!(ids.iter().collect::<HashSet<_>>().len(), ids.len());
    }

    #[test]
    fn the_demo_has_a_club_with_a_waiting_list_and_a_trainer_role_for_young_people() {
        let data = dataset();
        let waiting = data
            .services
            .iter()
            .find(|s| s.waiting_list > 0 && s.kind == "vereniging")
            .unwrap();
        let role = data
            .needs
            .iter()
            .find(|n| n.organization_id == waiting.organization_id && n.kind == "trainer")
            .unwrap();
        assert_eq!((role.minimum_age, role.maximum_age), (Some(16), Some(27)));
        assert!(role.talents.contains(&"voetbal".to_string()));
    }
}
