//! Trajecten: a professional's strength-based profile with a person, its plan and the
//! suggestions for it. Every personal text is sealed before it reaches the database and opened
//! only for the professional who owns the traject; every read is in the audit log.

use chrono::Utc;
use index::matching::match_profile;
use index::Geocoder;
use uuid::Uuid;

use super::{allow, audit, parse_id, unless_not_found, Saved};
use crate::auth::{Access, Me, PROFESSIONALS};
use crate::db::{self, ReferralRecord, TrajectRecord};
use crate::i18n::Lang;
use crate::profile::LanesView;
use crate::referrals::{ReferralLine, ReferralTarget, TrajectForm, TrajectLine, TrajectView};
use crate::service::matching;
use crate::{AppState, Error, Result};

/// Trajecten are the work of professionals only.
pub const WORK: Access = Access::Roles(PROFESSIONALS);

/// A traject of this professional, opened; others' trajecten do not exist for them.
pub(crate) async fn own(
    state: &AppState,
    me: &Me,
    traject: Uuid,
) -> Result<(TrajectRecord, TrajectForm)> {
    let t = db::traject(&state.db, traject)
        .await?
        .ok_or(Error::NotFound)?;
    if t.professional_id != Some(me.id) {
        return Err(Error::NotFound);
    }
    let form = open(state, &t)?;
    Ok((t, form))
}

/// The typed form of a stored traject.
pub(crate) fn open(state: &AppState, t: &TrajectRecord) -> Result<TrajectForm> {
    let s = &state.sealer;
    let mut form: TrajectForm = match s.open(&t.profile_sealed)?.as_str() {
        "" => TrajectForm::default(),
        json => serde_json::from_str(json).map_err(|_| Error::Sealed)?,
    };
    form.traject = t.id.to_string();
    form.naam = s.open(&t.label_sealed)?;
    form.plan = s.open(&t.plan_sealed)?;
    Ok(form)
}

/// A referral as a line in a list (a traject's referrals, a receiver's inbox).
pub(crate) fn line(r: ReferralRecord) -> ReferralLine {
    ReferralLine {
        id: r.id,
        target: r.target_name,
        status: r.status,
        sent: r.sent_at.format("%Y-%m-%d").to_string(),
    }
}

/// The professional's own trajecten.
pub async fn list(state: &AppState, me: &Me) -> Result<Vec<TrajectLine>> {
    allow(me, WORK)?;
    let mut trajecten = Vec::new();
    for (t, open) in db::trajecten_of(&state.db, me.id).await? {
        trajecten.push(TrajectLine {
            id: t.id,
            label: state.sealer.open(&t.label_sealed)?,
            open_referrals: open as u32,
            updated: t.updated_at.format("%Y-%m-%d").to_string(),
        });
    }
    Ok(trajecten)
}

async fn suggestions(state: &AppState, form: &TrajectForm, lang: Lang) -> Result<LanesView> {
    matching::lanes(state, &form.profile(), lang).await
}

/// An empty traject to fill in.
pub fn blank() -> TrajectView {
    TrajectView {
        id: Uuid::nil(),
        form: TrajectForm::default(),
        closed: false,
        plan: Vec::new(),
        lanes: LanesView::default(),
        referrals: Vec::new(),
        coalitions: Vec::new(),
    }
}

/// One traject with its suggestions (explained in `lang`), referrals and the coalitions it can
/// refer to; `None` when it is not this professional's.
pub async fn load(
    state: &AppState,
    me: &Me,
    traject: &str,
    lang: Lang,
) -> Result<Option<TrajectView>> {
    allow(me, WORK)?;
    let Ok(traject) = traject.trim().parse::<Uuid>() else {
        return Ok(None);
    };
    let Some((t, form)) = unless_not_found(own(state, me, traject).await)? else {
        return Ok(None);
    };
    let lanes = suggestions(state, &form, lang).await?;
    let referrals = db::referrals_of_traject(&state.db, t.id)
        .await?
        .into_iter()
        .map(line)
        .collect();
    let coalitions = db::list_coalitions(&state.db, None)
        .await?
        .into_iter()
        .filter(|c| matches!(c.status.as_str(), "forming" | "active"))
        .map(|c| ReferralTarget {
            key: format!("coalitie:{}", c.id),
            name: c.name,
            receiver: c.link_person,
            // Only the referral form asks who will be told.
            notified: true,
            contact: Vec::new(),
        })
        .collect();
    audit(state, me, "traject_read", "traject", t.id, "").await?;
    Ok(Some(TrajectView {
        closed: t.status == "closed",
        coalitions,
        id: t.id,
        plan: form
            .plan
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(String::from)
            .collect(),
        form,
        lanes,
        referrals,
    }))
}

/// The first field of a traject form that is wrong.
fn problem(f: &TrajectForm) -> Option<&'static str> {
    let age = f.leeftijd.trim();
    Some(if f.naam.trim().is_empty() || f.naam.chars().count() > 40 {
        "naam"
    } else if !age.is_empty() && !matches!(age.parse::<u8>(), Ok(0..=120)) {
        "leeftijd"
    } else if !f.waar.trim().is_empty() && Geocoder::embedded().locate(f.waar.trim()).is_err() {
        "waar"
    } else if f
        .vragen
        .iter()
        .any(|c| db::term_name("leefgebied", c).is_none())
    {
        "vragen"
    } else if f
        .talenten
        .iter()
        .any(|c| db::term_name("talent", c).is_none())
    {
        "talenten"
    } else if f.graag.iter().any(|c| db::term_name("talent", c).is_none()) {
        "graag"
    } else if f
        .groepen
        .iter()
        .any(|c| db::term_name("doelgroep", c).is_none())
    {
        "groepen"
    } else if f
        .dagen
        .iter()
        .any(|d| !matches!(d.trim().parse::<u8>(), Ok(1..=7)))
    {
        "dagen"
    } else if f.languages().len() > 10
        || f.languages()
            .iter()
            .any(|l| !(2..=3).contains(&l.len()) || !l.chars().all(|c| c.is_ascii_lowercase()))
    {
        "talen"
    } else if !f.km.trim().is_empty()
        && !f
            .km
            .trim()
            .replace(',', ".")
            .parse::<f64>()
            .is_ok_and(|km| km > 0.0 && km <= index::matching::MAX_TRAVEL_KM)
    {
        "km"
    } else if f.netwerk.chars().count() > 500 {
        "netwerk"
    } else if f.plan.chars().count() > 2000 {
        "plan"
    } else {
        return None;
    })
}

/// Saves a traject (new when `form.traject` is empty) and returns its id. A new traject also
/// counts, anonymously, the leefgebieden asked about without anything suitable nearby.
pub async fn save(state: &AppState, me: &Me, mut form: TrajectForm) -> Result<Saved<Uuid>> {
    allow(me, WORK)?;
    let existing = match form.traject.trim() {
        "" => None,
        t => Some(own(state, me, parse_id(t)?).await?.0),
    };
    if let Some(field) = problem(&form) {
        return Ok(Saved::Invalid(field));
    }
    let id = existing.as_ref().map(|t| t.id).unwrap_or_else(Uuid::new_v4);
    form.traject = id.to_string();
    let wijk = Geocoder::embedded()
        .locate(form.waar.trim())
        .ok()
        .and_then(|at| Geocoder::embedded().areas(at).wijk_code);
    let label = state.sealer.seal(form.naam.trim());
    let plan = state.sealer.seal(form.plan.trim());
    let mut profile = form.clone();
    // The label and plan have their own sealed columns.
    profile.naam.clear();
    profile.plan.clear();
    let profile = state
        .sealer
        .seal(&serde_json::to_string(&profile).map_err(|_| Error::Sealed)?);
    db::save_traject(
        &state.db,
        &TrajectRecord {
            id,
            professional_id: Some(me.id),
            label_sealed: label,
            profile_sealed: profile,
            plan_sealed: plan,
            wijk_code: wijk.clone(),
            status: "open".into(),
            updated_at: Utc::now(),
        },
    )
    .await?;
    if existing.is_none() && !form.vragen.is_empty() {
        let without = needs_without_offer(state, &form).await?;
        if !without.is_empty() {
            db::record_needs_without_offer(&state.db, wijk.as_deref(), &without).await?;
        }
    }
    let action = if existing.is_some() {
        "traject_changed"
    } else {
        "traject_created"
    };
    audit(state, me, action, "traject", id, "").await?;
    Ok(Saved::Done(id))
}

/// The leefgebieden of a form for which nothing suitable is found on its own.
async fn needs_without_offer(state: &AppState, form: &TrajectForm) -> Result<Vec<String>> {
    let catalog = matching::catalog(state).await?;
    let mut without = Vec::new();
    for need in &form.vragen {
        let single = TrajectForm {
            vragen: vec![need.clone()],
            talenten: Vec::new(),
            ..form.clone()
        };
        let nothing = match single.profile().parse() {
            Ok(profile) => match_profile(&catalog, &profile).meedoen.is_empty(),
            Err(e) if !e.is_internal() => true,
            Err(e) => return Err(e),
        };
        if nothing {
            without.push(need.clone());
        }
    }
    Ok(without)
}

/// Deletes a traject and the personal texts of its referrals (on the person's request).
pub async fn delete(state: &AppState, me: &Me, traject: &str) -> Result<()> {
    allow(me, WORK)?;
    let (t, _) = own(state, me, parse_id(traject)?).await?;
    db::delete_traject(&state.db, t.id).await?;
    audit(state, me, "traject_deleted", "traject", t.id, "").await
}

/// Closes a traject: the work is done. Its personal data is deleted after the retention period.
pub async fn close(state: &AppState, me: &Me, traject: &str) -> Result<Uuid> {
    allow(me, WORK)?;
    let (t, _) = own(state, me, parse_id(traject)?).await?;
    db::close_traject(&state.db, t.id).await?;
    audit(state, me, "traject_closed", "traject", t.id, "").await?;
    Ok(t.id)
}
