//! Moderation: reports about offers, new organisations and claims waiting for a decision,
//! possible duplicates and merging them. Coordinators decide for their gemeente, admins for
//! all; providers register and claim organisations.

use uuid::Uuid;

use super::{allow, audit, manages, Saved};
use crate::auth::{Access, Me, MODERATORS, PROVIDERS};
use crate::manage::{ClaimView, PendingOrgView, QueueView, ReportView};
use crate::{db, AppState, Result};

/// Deciding on reports, organisations and claims, and merging duplicates.
pub const MODERATE: Access = Access::Roles(MODERATORS);
/// Registering and claiming an organisation.
pub const REGISTER: Access = Access::Roles(PROVIDERS);

/// A problem with an offer, reported by anyone. `client` is the address the spam limit counts;
/// a robot (the honeypot `website` filled) gets the same answer as a person.
pub async fn report(
    state: &AppState,
    offer: Uuid,
    message: &str,
    website: &str,
    client: Option<std::net::IpAddr>,
) -> Result<Saved<()>> {
    if !website.trim().is_empty() {
        return Ok(Saved::Done(()));
    }
    let message = message.trim();
    if !(5..=1000).contains(&message.chars().count()) {
        return Ok(Saved::Invalid("bericht"));
    }
    if !state.signup_limiter.allow(&state.db, client).await? {
        return Ok(Saved::Invalid("te-vaak"));
    }
    // A report may name people: sealed like all residents' texts.
    db::save_report(&state.db, offer, &state.sealer.seal(message)).await?;
    Ok(Saved::Done(()))
}

/// What waits for `me`'s decision, with possible duplicates of new organisations.
pub async fn queue(state: &AppState, me: &Me) -> Result<QueueView> {
    allow(me, MODERATE)?;
    let records = db::queue(&state.db, me.role, me.id).await?;
    let mut organisations = Vec::new();
    for (id, name, description) in records.organisations {
        organisations.push(PendingOrgView {
            possible_duplicates: possible_duplicates(state, id, &name).await?,
            id,
            name,
            description,
        });
    }
    Ok(QueueView {
        reports: records
            .reports
            .into_iter()
            .map(|(id, offer_id, offer, message, at)| ReportView {
                id,
                offer_id,
                offer,
                message: state.sealer.open_stored(&message),
                created: at.format("%Y-%m-%d").to_string(),
            })
            .collect(),
        organisations,
        claims: records
            .claims
            .into_iter()
            .map(|(id, organisation, email, message)| ClaimView {
                id,
                organisation,
                email,
                message,
            })
            .collect(),
    })
}

/// Significant words of a name (lower case, without short words like "de" or "van").
fn name_words(name: &str) -> Vec<String> {
    name.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() > 3)
        .map(String::from)
        .collect()
}

/// Organisations the search engine finds for this name (typos and word forms included) that
/// share most of its significant words, best first, at most three.
async fn possible_duplicates(
    state: &AppState,
    id: Uuid,
    name: &str,
) -> Result<Vec<(Uuid, String)>> {
    let request = index::SearchRequest {
        limit: 30,
        ..index::SearchRequest::text(name)
    };
    let found = super::search::run(state, request, crate::i18n::Lang::Nl).await?;
    let wanted = name_words(name);
    let mut scored: Vec<(usize, Uuid, String)> = Vec::new();
    for item in found.items {
        if item.organisation_id == id || scored.iter().any(|(_, o, _)| *o == item.organisation_id) {
            continue;
        }
        let theirs = name_words(&item.organisation);
        let shared = wanted.iter().filter(|w| theirs.contains(w)).count();
        // More than half of the words in common: "VV De Meern" is not every club in De Meern.
        if shared * 2 > wanted.len() {
            scored.push((shared, item.organisation_id, item.organisation));
        }
    }
    scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.2.cmp(&b.2)));
    Ok(scored
        .into_iter()
        .take(3)
        .map(|(_, id, name)| (id, name))
        .collect())
}

/// Merges a duplicate organisation into the one to keep (both must be `me`'s to manage).
pub async fn merge(state: &AppState, me: &Me, keep: Uuid, duplicate: Uuid) -> Result<()> {
    allow(me, MODERATE)?;
    for org in [keep, duplicate] {
        manages(state, me, org).await?;
    }
    db::merge_organisations(&state.db, keep, duplicate).await?;
    audit(
        state,
        me,
        "merged",
        "organization",
        duplicate,
        &keep.to_string(),
    )
    .await
}

/// What a decision is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Subject {
    /// A report about an offer (closing it).
    Report,
    /// A newly registered organisation.
    Organisation,
    /// A provider's claim on an organisation.
    Claim,
}

impl Subject {
    fn code(self) -> &'static str {
        match self {
            Subject::Report => "report",
            Subject::Organisation => "organisation",
            Subject::Claim => "claim",
        }
    }
}

/// Decides: closes a report, or approves (`approve`) or rejects an organisation or a claim.
pub async fn decide(
    state: &AppState,
    me: &Me,
    subject: Subject,
    id: Uuid,
    approve: bool,
) -> Result<()> {
    allow(me, MODERATE)?;
    let kind = subject.code();
    let organisation = db::subject_organisation(&state.db, kind, id).await?;
    manages(state, me, organisation).await?;
    match subject {
        Subject::Report => db::close_report(&state.db, id).await?,
        Subject::Claim => db::decide_claim(&state.db, id, approve, me.id).await?,
        Subject::Organisation => db::decide_organisation(&state.db, id, approve).await?,
    }
    let action = match (subject, approve) {
        (Subject::Report, _) => "report_closed",
        (_, true) => "approved",
        (_, false) => "rejected",
    };
    audit(state, me, action, kind, id, "").await
}

/// A new organisation as a provider registers it.
#[derive(Debug, Clone, Default)]
pub struct NewOrganisation {
    /// Name.
    pub name: String,
    /// What it does.
    pub description: String,
    /// Street and number.
    pub address: String,
    /// Postcode.
    pub postcode: String,
    /// Place.
    pub city: String,
    /// E-mail address of the organisation (optional).
    pub email: String,
    /// Phone number of the organisation (optional).
    pub phone: String,
}

impl NewOrganisation {
    /// The first field that is wrong, by its form name.
    pub(crate) fn problem(&self) -> Option<&'static str> {
        let (naam, beschrijving, adres, postcode, plaats) = (
            self.name.trim(),
            self.description.trim(),
            self.address.trim(),
            self.postcode.trim(),
            self.city.trim(),
        );
        if naam.chars().count() < 2 || naam.chars().count() > 120 {
            Some("naam")
        } else if beschrijving.chars().count() > 2000 {
            Some("beschrijving")
        } else if adres.is_empty() || adres.chars().count() > 200 {
            Some("adres")
        } else if index::Postcode::parse(postcode)
            .ok()
            .and_then(|p| index::Geocoder::embedded().postcode(&p).ok())
            .is_none()
        {
            Some("postcode")
        } else if plaats.is_empty() || plaats.chars().count() > 100 {
            Some("plaats")
        } else {
            None
        }
    }
}

/// Registers an organisation for `me` (it waits for a moderator) and returns its id.
pub async fn register(state: &AppState, me: &Me, new: &NewOrganisation) -> Result<Saved<Uuid>> {
    allow(me, REGISTER)?;
    if let Some(field) = new.problem() {
        return Ok(Saved::Invalid(field));
    }
    let naam = new.name.trim();
    let record = db::OrganisationRecord {
        name: naam.into(),
        description: new.description.trim().into(),
        email: Some(new.email.trim().to_string()).filter(|e| !e.is_empty()),
        phone: Some(new.phone.trim().to_string()).filter(|p| !p.is_empty()),
        ..Default::default()
    };
    let organisation = db::register_organisation(
        &state.db,
        me.id,
        record,
        new.address.trim(),
        new.postcode.trim(),
        new.city.trim(),
    )
    .await?;
    audit(state, me, "registered", "organization", organisation, naam).await?;
    // Someone invited into a coalition by e-mail brings the organisation in with them.
    db::link_newcomer_partners(&state.db, &me.email.to_lowercase(), organisation).await?;
    Ok(Saved::Done(organisation))
}

/// `me` claims an existing organisation (a moderator decides); returns the claim's id.
pub async fn claim(state: &AppState, me: &Me, organisation: Uuid, message: &str) -> Result<Uuid> {
    allow(me, REGISTER)?;
    let message: String = message.trim().chars().take(1000).collect();
    let claim = db::create_claim(&state.db, me.id, organisation, &message).await?;
    audit(
        state,
        me,
        "claimed",
        "claim",
        claim,
        &organisation.to_string(),
    )
    .await?;
    Ok(claim)
}

/// Organisations to claim whose name matches `words`: (id, name).
pub async fn organisations_named(
    state: &AppState,
    me: &Me,
    words: &str,
) -> Result<Vec<(String, String)>> {
    allow(me, REGISTER)?;
    Ok(db::find_organisations(&state.db, words)
        .await?
        .into_iter()
        .map(|(id, name)| (id.to_string(), name))
        .collect())
}
