//! Wijkteam work as pages show it: trajecten, referrals with consent, their status and history
//! (shared by server and browser). The rules live in `service::referrals` and
//! `service::trajecten`; statuses and handovers are `crate::domain` types.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

pub use crate::domain::{Handover, ReferralStatus};
use crate::profile::{LanesView, ProfileInput};

/// Why a receiver says no.
pub const REFUSAL_REASONS: [&str; 3] = ["vol", "niet passend", "geen reactie"];

/// What a professional may share, item by item, each only with consent.
pub const SHARE_ITEMS: [&str; 6] = [
    "naam", "leeftijd", "talenten", "vragen", "netwerk", "notitie",
];

/// A traject in the professional's list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TrajectLine {
    /// Id.
    pub id: Uuid,
    /// Initials or a chosen name.
    pub label: String,
    /// Referrals that are not over yet.
    pub open_referrals: u32,
    /// Last change (YYYY-MM-DD).
    pub updated: String,
    /// The reader stands in for its primary professional.
    #[serde(default)]
    pub standin: bool,
}

/// Who holds a traject: the fields of the form that gives it to someone (account ids; empty
/// is nobody).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AssignForm {
    /// The primary professional (a lead's choice).
    pub eerste: String,
    /// The stand-in.
    pub vervanger: String,
}

/// Field names of [`AssignForm`] (the `fout` codes).
pub const ASSIGN_FIELDS: [&str; 2] = ["eerste", "vervanger"];

/// Who holds a traject in its team, and whom the reader may give it to.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TrajectTeam {
    /// The team's name ("Buurtteam Vleuten-De Meern").
    pub team: String,
    /// The primary professional's account; `None`: waiting in the team's queue.
    pub primary: Option<Uuid>,
    /// The named stand-in's account.
    pub standin: Option<Uuid>,
    /// The team's members who can hold it: (account, name).
    pub members: Vec<(Uuid, String)>,
    /// The reader leads the team: may choose the primary professional too.
    pub lead: bool,
    /// The reader may choose the stand-in (the primary professional, or a lead).
    pub may_choose_standin: bool,
}

impl TrajectTeam {
    /// The name of a member, or empty.
    pub fn name_of(&self, id: Option<Uuid>) -> Option<String> {
        let id = id?;
        self.members
            .iter()
            .find(|(m, _)| *m == id)
            .map(|(_, n)| n.clone())
    }
}

/// The fields of a traject, as typed.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct TrajectForm {
    /// The traject; empty for a new one.
    pub traject: String,
    /// Initials or a chosen name (no BSN, no diagnosis).
    pub naam: String,
    /// Age.
    pub leeftijd: String,
    /// Postcode or place.
    pub waar: String,
    /// Leefgebied codes to work on.
    pub vragen: Vec<String>,
    /// Talent codes.
    pub talenten: Vec<String>,
    /// Who helps already.
    pub netwerk: String,
    /// The plan: steps in the household's own order, each with who does it and for whom.
    pub stappen: Vec<PlanStep>,
    /// Talent codes of activities they would like to do.
    pub graag: Vec<String>,
    /// Doelgroep codes they name themselves.
    pub groepen: Vec<String>,
    /// Days they are free, ISO numbers ("1" is Monday).
    pub dagen: Vec<String>,
    /// Languages they speak, codes separated by commas ("ar, en").
    pub talen: String,
    /// How far they can travel in km; empty: the usual distance.
    pub km: String,
    /// "ja": only offers that cost nothing.
    pub gratis: String,
    /// "ja": only offers without an indicatie.
    pub zonder_indicatie: String,
    /// "ja": the person must keep their benefit ("met behoud van uitkering").
    pub uitkering: String,
    /// How they get somewhere: `rolstoel`, `geen-fiets`.
    pub vervoer: Vec<String>,
    /// "ja": rather not in their own wijk.
    pub eigen_buurt: String,
    /// What matters most to them, in their own words.
    pub belangrijkst: String,
    /// Suggestions the professional put first, with why (kept by every save of the form).
    pub vastgezet: Vec<Pin>,
    /// The others in the household (kept by every save of the form; changed one at a time).
    pub gezin: Vec<crate::profile::MemberInput>,
}

/// A member of the household as the traject's form sends it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct MemberForm {
    /// First name or initials.
    pub naam: String,
    /// Age as typed.
    pub leeftijd: String,
    /// `ouder`, `partner`, `kind` or `anders`.
    pub rol: String,
    /// Leefgebied codes.
    pub vragen: Vec<String>,
    /// Talent codes.
    pub talenten: Vec<String>,
    /// `rolstoel`, `geen-fiets`.
    pub vervoer: Vec<String>,
}

impl MemberForm {
    /// The member as matching reads them; an age that is not a number is left out (and
    /// refused by the check).
    pub fn input(&self) -> crate::profile::MemberInput {
        crate::profile::MemberInput {
            name: self.naam.clone(),
            age: self.leeftijd.trim().parse().ok(),
            role: self.rol.trim().to_string(),
            needs: self.vragen.clone(),
            talents: self.talenten.clone(),
            mobility: self.vervoer.clone(),
        }
    }
}

/// Who does a step of the plan.
pub const STEP_DOERS: [&str; 4] = ["zelf", "netwerk", "vrijwilliger", "professional"];

/// Steps in a plan at most.
pub const MAX_STEPS: usize = 12;

/// One step of a traject's plan.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PlanStep {
    /// What, in the household's words.
    pub wat: String,
    /// Who does it ([`STEP_DOERS`]; empty: not said).
    pub wie: String,
    /// For whom: the person's or a member's name, `gezin` for everyone, empty: not said.
    pub voor: String,
    /// Its place in the order as typed (the form's; the stored plan is in order already).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub volgorde: String,
}

#[cfg(feature = "ssr")]
impl PlanStep {
    /// A stored plan: JSON steps, or (written before steps had a doer) one step per line.
    pub fn read_stored(text: &str) -> Vec<PlanStep> {
        if text.trim_start().starts_with('[') {
            if let Ok(steps) = serde_json::from_str(text) {
                return steps;
            }
        }
        text.lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(|l| PlanStep {
                wat: l.into(),
                ..PlanStep::default()
            })
            .collect()
    }
}

/// A suggestion a professional put at the top of a traject's list.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Pin {
    /// `aanbod:<id>` or `vraag:<id>`.
    pub doel: String,
    /// Why it comes first.
    pub reden: String,
}

/// A pinned suggestion as the traject shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PinnedView {
    /// The suggestion.
    pub suggestion: crate::profile::SuggestionView,
    /// Why it comes first.
    pub reason: String,
}

/// Everything stored about the person of a traject, for the export page: in words on the page,
/// and the same as JSON to hand over as a file.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TrajectExport {
    /// The profile.
    pub form: TrajectForm,
    /// Its referrals as the professional sees them.
    pub referrals: Vec<ReferralView>,
    /// The same, as JSON.
    pub json: String,
}

/// A traject as its professional sees it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TrajectView {
    /// Id.
    pub id: Uuid,
    /// The form, to edit.
    pub form: TrajectForm,
    /// The work is done (personal data goes after the retention period; saving reopens it).
    pub closed: bool,
    /// The plan, in order.
    pub plan: Vec<PlanStep>,
    /// Suggestions from the matching engine, with reasons.
    pub lanes: LanesView,
    /// Its referrals.
    pub referrals: Vec<ReferralLine>,
    /// Coalitions that take people in, through their link person.
    pub coalitions: Vec<ReferralTarget>,
    /// Its team, primary professional and stand-in; `None` outside a team.
    #[serde(default)]
    pub team: Option<TrajectTeam>,
    /// Suggestions put first by the professional, in their order (not repeated in the lanes).
    #[serde(default)]
    pub pinned: Vec<PinnedView>,
}

/// A referral in a list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReferralLine {
    /// Id.
    pub id: Uuid,
    /// Offer or coalition.
    pub target: String,
    /// Status.
    pub status: ReferralStatus,
    /// Sent (YYYY-MM-DD).
    pub sent: String,
}

/// The referral form.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ReferralForm {
    /// The traject.
    pub traject: String,
    /// "aanbod:<id>", "vraag:<id>" (a role of an organisation) or "coalitie:<id>".
    pub naar: String,
    /// What the person wants, in their words.
    pub wens: String,
    /// Item keys the person agreed to share (see [`SHARE_ITEMS`]).
    pub delen: Vec<String>,
    /// A note for this receiver (shared only when "notitie" is ticked).
    pub notitie: String,
    /// Who gave consent ("de persoon zelf", "moeder").
    pub toestemming_door: String,
    /// "ja": consent was given for these items and this receiver.
    pub toestemming: String,
    /// afspraak, meegaan or zelf.
    pub overdracht: String,
    /// A proposed introduction appointment ("dinsdag 1 december 16:00").
    pub afspraak: String,
}

/// Where a referral can go, as the referral page offers it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReferralTarget {
    /// The `naar` value.
    pub key: String,
    /// Offer, role or coalition name.
    pub name: String,
    /// Organisation, or the coalition's link person.
    pub receiver: String,
    /// Someone there is told (an account, or a coalition's link person); false means the
    /// referral would wait unseen, so the form says so and offers calling or the handout.
    #[serde(default)]
    pub notified: bool,
    /// How to reach the receiver: contact name, phone, e-mail.
    #[serde(default)]
    pub contact: Vec<String>,
}

/// A referral as one side sees it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReferralView {
    /// Id.
    pub id: Uuid,
    /// Offer or coalition name.
    pub target: String,
    /// Link to the public page of the target.
    pub target_link: String,
    /// Who receives it.
    pub receiver: String,
    /// Contact lines of the receiver (named contact, phone, e-mail).
    pub contact: Vec<String>,
    /// Status.
    pub status: ReferralStatus,
    /// Reason of a refusal.
    pub reason: Option<String>,
    /// History: (date, event, reason).
    pub history: Vec<(String, String, String)>,
    /// What the person wants (hidden after consent is withdrawn).
    pub wish: String,
    /// Consented items: (item key, value). Empty after consent is withdrawn.
    pub shared: Vec<(String, String)>,
    /// Consent: who, when (YYYY-MM-DD), for which items.
    pub consent_by: String,
    /// When consent was given.
    pub consent_on: String,
    /// Consent was withdrawn.
    pub revoked: bool,
    /// afspraak, meegaan or zelf.
    pub handover: String,
    /// The proposed appointment.
    pub appointment: String,
    /// The viewer is the referring professional.
    pub mine: bool,
    /// The viewer may set these statuses.
    pub next: Vec<ReferralStatus>,
    /// The professional may escalate to the coordinator (no answer in 5 working days, or a
    /// waiting list / "vol").
    pub can_escalate: bool,
    /// Escalated already.
    pub escalated: bool,
    /// The viewing coordinator can take up the escalation.
    pub can_take_up: bool,
    /// The person's name or initials (professional side, for the handout).
    pub person: String,
    /// A referral to a coalition: the partner that takes the person up (empty until chosen).
    pub taken_up_by: String,
    /// For the receiver of an open referral to a coalition: the partners to choose from.
    pub partner_choices: Vec<String>,
    /// Someone at the receiving side is told (see [`ReferralTarget::notified`]).
    #[serde(default)]
    pub notified: bool,
    /// Who referred and how to reach them (name, e-mail): for the receiver, and on the
    /// handout as the person's contact at the team.
    #[serde(default)]
    pub sender: Vec<String>,
    /// Where to go: the address of the offer's (or role's) place, when it has one.
    #[serde(default)]
    pub address: String,
}

/// The printable handout of a traject.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct HandoutView {
    /// The person's initials or chosen name.
    pub person: String,
    /// The referrals still running.
    pub items: Vec<ReferralView>,
    /// The one current contact person: name and e-mail of whoever holds the traject now;
    /// empty while it waits in the team's queue (then the team is the contact).
    pub contact: Vec<String>,
    /// The team (buurtteam): name, phone, e-mail; empty outside a team.
    pub team: Vec<String>,
}

/// Everything a professional's workspace lists.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct WorkspaceView {
    /// Their trajecten (held, or stood in for).
    pub trajecten: Vec<TrajectLine>,
    /// Their team's name, when they are in one.
    #[serde(default)]
    pub team: Option<String>,
    /// For a team lead: the open trajecten nobody holds, to give to someone.
    #[serde(default)]
    pub queue: Vec<TrajectLine>,
}

impl TrajectForm {
    /// The matching input this traject stands for.
    pub fn profile(&self) -> ProfileInput {
        ProfileInput {
            needs: self.vragen.clone(),
            talents: self.talenten.clone(),
            age: self.leeftijd.trim().parse().ok(),
            postcode: self.waar.clone(),
            network: self
                .netwerk
                .split([',', '\n'])
                .map(str::trim)
                .filter(|x| !x.is_empty())
                .map(String::from)
                .collect(),
            interests: self.graag.clone(),
            groups: self.groepen.clone(),
            days: self
                .dagen
                .iter()
                .filter_map(|d| d.trim().parse().ok())
                .collect(),
            languages: self.languages(),
            max_km: self.km.trim().replace(',', ".").parse().ok(),
            free_only: self.gratis == "ja",
            without_referral: self.zonder_indicatie == "ja",
            keeps_benefit: self.uitkering == "ja",
            mobility: self.vervoer.clone(),
            avoid_own_wijk: self.eigen_buurt == "ja",
            household: self.gezin.clone(),
            ..Default::default()
        }
    }

    /// The language codes typed, lowercase, without empty ones.
    pub fn languages(&self) -> Vec<String> {
        crate::profile::language_codes(&self.talen)
    }
}
