//! Wijkteams as the coordinator's page shows them (`/beheer/teams`).

use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// The kinds of team a gemeente has.
pub const TEAM_KINDS: [&str; 3] = ["buurtteam", "gebiedsteam", "sociaal-team"];

/// The teams a coordinator looks after.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TeamsView {
    /// The gemeente's name; empty for an admin, who sees every gemeente's teams.
    pub gemeente: String,
    /// The reader is an admin: a new team asks for its gemeente.
    pub choose_gemeente: bool,
    /// The teams, by name.
    pub teams: Vec<TeamLine>,
}

/// One team with its members.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TeamLine {
    /// Id.
    pub id: Uuid,
    /// Name.
    pub name: String,
    /// `buurtteam`, `gebiedsteam` or `sociaal-team`.
    pub kind: String,
    /// Phone, for handouts.
    pub phone: String,
    /// E-mail.
    pub email: String,
    /// Members: (name, e-mail, lead).
    pub members: Vec<(String, String, bool)>,
    /// Open trajecten nobody holds.
    pub queue: u32,
}
