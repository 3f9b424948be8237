//! Open Referral HSDS 3.0: our records to HSDS objects ([`export`]) and back ([`import`]).
//!
//! Our schema follows HSDS, so this is a mapping: services are our offers, organisation needs
//! travel as services marked with the attribute `kenmerk:vrijwilligerswerk`, and booleans HSDS
//! has no field for (geen indicatie, behoud van uitkering, gratis, wachtlijst) travel as
//! attributes of our `kenmerk` taxonomy. HSDS fields without a column of ours are kept as JSON
//! (`hsds_extra`) and given back on export, so nothing an import brings is dropped.

pub mod crosswalk;
pub mod export;
pub mod import;
pub mod programs;
pub mod run;
pub mod stream;
pub mod tabular;

use uuid::Uuid;

/// The profile URI we publish at `/hsds/`.
pub const PROFILE: &str = "https://sociale-kaart.nl/hsds-profile/nl";

/// Stable id of a child object (schedule, language, attribute, ...) of a parent record.
pub fn child_id(parent: Uuid, kind: &str, n: usize) -> Uuid {
    Uuid::new_v5(&parent, format!("{kind}:{n}").as_bytes())
}
