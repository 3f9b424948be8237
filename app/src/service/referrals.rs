//! Referrals with consent and a warm handover: sending, reading, moving on, withdrawing
//! consent, escalating. Only what the person agreed to is copied into a referral; someone it
//! was not shared with learns nothing, not even that it exists.

use chrono::Utc;
use uuid::Uuid;

use super::{allow, audit, notifications, parse_id, trajecten, unless_not_found, Saved};
use crate::auth::{Access, Me, Role, PROFESSIONALS, REFERRAL_SIDES};
use crate::db::{self, ReferralRecord};
use crate::domain::{Handover, ReferralStatus};
use crate::i18n::Lang;
use crate::referrals::{
    HandoutView, ReferralForm, ReferralLine, ReferralTarget, ReferralView, TrajectExport,
    REFUSAL_REASONS, SHARE_ITEMS,
};
use crate::{AppState, Error, Result};

/// Sending, withdrawing consent and escalating: the professional's side.
pub const SEND: Access = Access::Roles(PROFESSIONALS);
/// Reading a referral and the incoming list: both sides and the coordinator (finer checks in
/// [`readable`]).
pub const READ: Access = Access::Roles(REFERRAL_SIDES);
/// Moving a referral on (receiver) or stopping it (professional). Coordinators take up an
/// escalation instead ([`TAKE_UP`]).
pub const MOVE: Access = Access::Roles(&[Role::Professional, Role::Provider]);
/// Choosing the coalition partner that takes a person up: the receiving organisation's managers.
pub const CHOOSE: Access = Access::Roles(&[Role::Provider]);
/// Taking up an escalated referral.
pub const TAKE_UP: Access = Access::Roles(&[Role::Coordinator]);

/// Who receives a referral to a key like `aanbod:<id>`.
struct Target {
    view: ReferralTarget,
    organisation: Option<Uuid>,
    service: Option<Uuid>,
    coalition: Option<Uuid>,
    leefgebied: String,
}

async fn target(state: &AppState, naar: &str) -> Result<Option<Target>> {
    let (kind, key) = naar.trim().split_once(':').unwrap_or_default();
    let Ok(key) = key.parse::<Uuid>() else {
        return Ok(None);
    };
    Ok(db::referral_target(&state.db, kind, key).await?.map(
        |(name, receiver, organisation, service, coalition, leefgebied)| Target {
            view: ReferralTarget {
                key: format!("{kind}:{key}"),
                name,
                receiver,
                notified: false,
                contact: Vec::new(),
            },
            organisation,
            service,
            coalition,
            leefgebied,
        },
    ))
}

/// Who a referral to `naar` would go to, whether they will be told, and how to reach them.
pub async fn receiver(state: &AppState, me: &Me, naar: &str) -> Result<Option<ReferralTarget>> {
    allow(me, SEND)?;
    let Some(t) = target(state, naar).await? else {
        return Ok(None);
    };
    let (_, contact) =
        db::referral_contact(&state.db, t.organisation, t.service, t.coalition).await?;
    let notified = told(state, t.organisation, t.coalition, &contact).await?;
    Ok(Some(ReferralTarget {
        notified,
        contact,
        ..t.view
    }))
}

/// Whether someone at the receiving side learns of a referral: a coalition's link person is
/// mailed when they have a contact; an organisation only when someone there has an account.
async fn told(
    state: &AppState,
    organisation: Option<Uuid>,
    coalition: Option<Uuid>,
    contact: &[String],
) -> Result<bool> {
    Ok(match (coalition, organisation) {
        (Some(_), _) => !contact.is_empty(),
        (None, Some(org)) => db::organisation_has_accounts(&state.db, org).await?,
        (None, None) => false,
    })
}

/// The first field of a referral form that is wrong.
fn problem(f: &ReferralForm) -> Option<&'static str> {
    Some(
        if f.wens.trim().is_empty() || f.wens.chars().count() > 1000 {
            "wens"
        } else if f.delen.iter().any(|d| !SHARE_ITEMS.contains(&d.as_str())) {
            "delen"
        } else if f.notitie.chars().count() > 2000 {
            "notitie"
        } else if f.toestemming_door.trim().is_empty() || f.toestemming_door.chars().count() > 100 {
            "toestemming_door"
        } else if f.toestemming != "ja" {
            "toestemming"
        } else if Handover::parse(&f.overdracht).is_none() {
            "overdracht"
        } else if f.overdracht == "afspraak" && f.afspraak.trim().is_empty()
            || f.afspraak.chars().count() > 200
        {
            "afspraak"
        } else {
            return None;
        },
    )
}

/// Sends a referral: consent first, then the referral with its events and audit entry in one
/// transaction; the receiver's managers get a mail without anything personal in it.
pub async fn send(state: &AppState, me: &Me, form: &ReferralForm) -> Result<Saved<Uuid>> {
    allow(me, SEND)?;
    let (t, traject) = trajecten::own(state, me, parse_id(&form.traject)?).await?;
    let Some(target) = target(state, &form.naar).await? else {
        return Err(Error::NotFound);
    };
    if let Some(field) = problem(form) {
        return Ok(Saved::Invalid(field));
    }
    let handover = Handover::parse(&form.overdracht).ok_or(Error::NotFound)?;
    // Only the items the person agreed to are copied into the referral.
    let talents: Vec<String> = traject
        .talenten
        .iter()
        .filter_map(|c| db::term_name("talent", c))
        .collect();
    let needs: Vec<String> = traject
        .vragen
        .iter()
        .filter_map(|c| db::term_name("leefgebied", c))
        .collect();
    let mut shared = serde_json::Map::new();
    for item in &form.delen {
        let value = match item.as_str() {
            "naam" => traject.naam.clone(),
            "leeftijd" => traject.leeftijd.clone(),
            "talenten" => talents.join(", "),
            "vragen" => needs.join(", "),
            "netwerk" => traject.netwerk.clone(),
            _ => form.notitie.trim().to_string(),
        };
        if !value.trim().is_empty() {
            shared.insert(item.clone(), serde_json::Value::String(value));
        }
    }
    let items: Vec<&str> = SHARE_ITEMS
        .iter()
        .copied()
        .filter(|i| shared.contains_key(*i))
        .collect();
    let now = Utc::now();
    let s = &state.sealer;
    let record = ReferralRecord {
        id: Uuid::new_v4(),
        traject_id: Some(t.id),
        professional_id: Some(me.id),
        service_id: target.service,
        coalition_id: target.coalition,
        organization_id: target.organisation,
        target_name: target.view.name.clone(),
        leefgebied: target.leefgebied.clone(),
        wijk_code: t.wijk_code.clone(),
        wish_sealed: s.seal(form.wens.trim()),
        shared_sealed: s.seal(&serde_json::Value::Object(shared).to_string()),
        shared_items: items.join(","),
        consent_by_sealed: s.seal(form.toestemming_door.trim()),
        consent_at: now,
        consent_revoked_at: None,
        handover: handover.code().into(),
        handover_sealed: s.seal(form.afspraak.trim()),
        status: ReferralStatus::Verstuurd,
        reason: None,
        sent_at: now,
        received_at: None,
        accepted_at: None,
        started_at: None,
        ended_at: None,
        escalated_at: None,
        personal_deleted_at: None,
        taken_up_by: String::new(),
    };
    db::create_referral(&state.db, &record, me.id).await?;
    if let Some(org) = target.organisation {
        let managers = db::organisation_manager_emails(&state.db, org).await?;
        notifications::new_referral(Lang::Nl, &target.view.name, record.id)
            .send_all(state, &managers);
    }
    // A coalition's current link persons hear it too (those with an e-mail address).
    if let Some(c) = target.coalition {
        let c = db::get_coalition(&state.db, c).await?;
        let receiver = match target.organisation {
            Some(org) => db::approved_organisation_name(&state.db, org).await?,
            None => None,
        }
        .unwrap_or_else(|| "De eerste partner".into());
        notifications::coalition_referral(Lang::Nl, &c.name, &receiver)
            .send_all(state, &super::coalitions::link_emails(&c));
    }
    Ok(Saved::Done(record.id))
}

/// Who may read a referral: its professional, a provider of the receiving organisation, and
/// the coordinator it was escalated to. Nobody else (an admin neither: it is personal).
async fn may_read(state: &AppState, me: &Me, r: &ReferralRecord) -> Result<bool> {
    Ok(match me.role {
        Role::Professional => trajecten::works_on_referral(state, me, r).await?,
        Role::Provider => match r.organization_id {
            Some(org) => db::user_organisations(&state.db, me.id)
                .await?
                .contains(&org),
            None => false,
        },
        Role::Coordinator => {
            me.gemeente.is_some()
                && db::escalated_to(&state.db, r.id, me.gemeente.as_deref()).await?
        }
        Role::Admin => false,
    })
}

/// A referral as `me` may see it; `mine` when `me` sent it.
pub(crate) async fn view_of(
    state: &AppState,
    r: &ReferralRecord,
    me: &Me,
    mine: bool,
) -> Result<ReferralView> {
    let s = &state.sealer;
    let shared: Vec<(String, String)> = match s.open(&r.shared_sealed)?.as_str() {
        "" => Vec::new(),
        json => {
            let map: serde_json::Map<String, serde_json::Value> =
                serde_json::from_str(json).map_err(|_| Error::Sealed)?;
            SHARE_ITEMS
                .iter()
                .filter_map(|k| Some((k.to_string(), map.get(*k)?.as_str()?.to_string())))
                .collect()
        }
    };
    let history = db::referral_history(&state.db, r.id)
        .await?
        .into_iter()
        .map(|(at, event, reason)| (at.format("%Y-%m-%d").to_string(), event, reason))
        .collect();
    let next: Vec<ReferralStatus> = if mine {
        if r.status.is_closed() {
            vec![]
        } else {
            vec![ReferralStatus::Gestopt]
        }
    } else if me.role == Role::Provider {
        r.status.next().to_vec()
    } else {
        vec![]
    };
    let today = Utc::now().date_naive();
    let silent =
        r.status.is_unanswered() && db::working_days_between(r.sent_at.date_naive(), today) >= 5;
    let full = r.reason.as_deref() == Some("vol");
    let waiting = match r.service_id {
        Some(s) => db::waiting_list_of(&state.db, s).await? > 0,
        None => false,
    };
    let traject = match r.traject_id {
        Some(t) => db::traject(&state.db, t).await?,
        None => None,
    };
    let person = match &traject {
        Some(t) if mine => s.open(&t.label_sealed)?,
        _ => String::new(),
    };
    let contact =
        db::referral_contact(&state.db, r.organization_id, r.service_id, r.coalition_id).await?;
    let notified = told(state, r.organization_id, r.coalition_id, &contact.1).await?;
    // The receiver sees who to contact about the person now (whoever holds the traject, or
    // its team while it waits in the queue), not its own details; the handout names them too.
    let sender = match (&traject, r.professional_id) {
        (Some(t), _) => trajecten::contact_of(state, t).await?,
        (None, Some(p)) => db::user_by_id(&state.db, p)
            .await?
            .map(|u| vec![u.me.name, u.me.email])
            .unwrap_or_default(),
        _ => Vec::new(),
    };
    let can_take_up = me.role == Role::Coordinator
        && db::escalation_open(&state.db, r.id, me.gemeente.as_deref()).await?;
    let partner_choices = match r.coalition_id {
        Some(c) if me.role == Role::Provider && !mine && !r.status.is_closed() => {
            coalition_partners(state, c).await?
        }
        _ => Vec::new(),
    };
    Ok(ReferralView {
        id: r.id,
        target: r.target_name.clone(),
        target_link: match (r.service_id, r.coalition_id) {
            (_, Some(c)) => format!("/coalities/{c}"),
            (Some(s), _) => format!("/aanbod/{s}"),
            _ => String::new(),
        },
        receiver: contact.0,
        contact: contact.1,
        notified,
        sender,
        address: match r.service_id {
            Some(s) => db::places_of(&state.db, &[s])
                .await?
                .into_iter()
                .next()
                .map(|p| {
                    [p.address_1, p.postal_code, p.city]
                        .into_iter()
                        .filter(|x| !x.trim().is_empty())
                        .collect::<Vec<_>>()
                        .join(", ")
                })
                .unwrap_or_default(),
            None => String::new(),
        },
        status: r.status,
        reason: r.reason.clone(),
        history,
        wish: s.open(&r.wish_sealed)?,
        shared,
        consent_by: s.open(&r.consent_by_sealed)?,
        consent_on: r.consent_at.format("%Y-%m-%d").to_string(),
        revoked: r.consent_revoked_at.is_some(),
        handover: r.handover.clone(),
        appointment: s.open(&r.handover_sealed)?,
        mine,
        next,
        can_escalate: mine && r.escalated_at.is_none() && (silent || full || waiting),
        escalated: r.escalated_at.is_some(),
        can_take_up,
        person,
        taken_up_by: r.taken_up_by.clone(),
        partner_choices,
    })
}

/// The referral, when `me` may read it; otherwise "not found".
async fn readable(state: &AppState, me: &Me, verwijzing: &str) -> Result<ReferralRecord> {
    let r = db::referral(&state.db, parse_id(verwijzing)?)
        .await?
        .ok_or(Error::NotFound)?;
    if !may_read(state, me, &r).await? {
        return Err(Error::NotFound);
    }
    Ok(r)
}

/// A referral as `me` may see it (`None` when unknown to them). The first time the receiver
/// opens it, it counts as received; every read is in the audit log.
pub async fn load(state: &AppState, me: &Me, verwijzing: &str) -> Result<Option<ReferralView>> {
    allow(me, READ)?;
    let Some(r) = unless_not_found(readable(state, me, verwijzing).await)? else {
        return Ok(None);
    };
    let mine = trajecten::works_on_referral(state, me, &r).await?;
    let r = if me.role == Role::Provider && r.status == ReferralStatus::Verstuurd {
        db::set_referral_status(&state.db, &r, ReferralStatus::Ontvangen, None, me.id).await?;
        db::referral(&state.db, r.id)
            .await?
            .ok_or(Error::NotFound)?
    } else {
        r
    };
    let view = view_of(state, &r, me, mine).await?;
    audit(state, me, "referral_read", "referral", r.id, "").await?;
    Ok(Some(view))
}

/// Moves a referral on (receiver: along [`ReferralStatus::next`]) or stops it (professional).
/// A refusal needs one of [`REFUSAL_REASONS`]; without it the answer is `Invalid("reden")`.
pub async fn set_status(
    state: &AppState,
    me: &Me,
    verwijzing: &str,
    status: &str,
    reason: Option<&str>,
) -> Result<Saved<Uuid>> {
    allow(me, MOVE)?;
    let r = readable(state, me, verwijzing).await?;
    let Some(status) = ReferralStatus::parse(status) else {
        return Err(Error::Invalid("Deze stap kan nu niet.".into()));
    };
    let allowed = if trajecten::works_on_referral(state, me, &r).await? {
        status == ReferralStatus::Gestopt && !r.status.is_closed()
    } else {
        r.status.next().contains(&status)
    };
    if !allowed {
        return Err(Error::Invalid("Deze stap kan nu niet.".into()));
    }
    let reason = reason.map(str::trim).filter(|r| !r.is_empty());
    let refused = status == ReferralStatus::Afgewezen;
    if refused && !reason.is_some_and(|r| REFUSAL_REASONS.contains(&r)) {
        return Ok(Saved::Invalid("reden"));
    }
    let reason = if refused { reason } else { None };
    db::set_referral_status(&state.db, &r, status, reason, me.id).await?;
    audit(
        state,
        me,
        "referral_status",
        "referral",
        r.id,
        status.code(),
    )
    .await?;
    Ok(Saved::Done(r.id))
}

/// The partners of coalition `c` that can take someone up: all but those that left.
async fn coalition_partners(state: &AppState, c: Uuid) -> Result<Vec<String>> {
    Ok(
        match unless_not_found(db::get_coalition(&state.db, c).await)? {
            Some(c) => c
                .partners
                .into_iter()
                .filter(|p| p.standing != "left")
                .map(|p| p.name)
                .collect(),
            None => Vec::new(),
        },
    )
}

/// The receiver of a referral to a coalition records which partner takes the person up (one of
/// the coalition's partners); the professional sees it on the referral. Without a valid
/// partner the answer is `Invalid("partner")`.
pub async fn choose_partner(
    state: &AppState,
    me: &Me,
    verwijzing: &str,
    partner: &str,
) -> Result<Saved<Uuid>> {
    allow(me, MOVE)?;
    let r = readable(state, me, verwijzing).await?;
    let (Some(c), true) = (
        r.coalition_id,
        me.role == Role::Provider && !r.status.is_closed(),
    ) else {
        return Err(Error::Invalid("Deze stap kan nu niet.".into()));
    };
    let partner = partner.trim();
    if !coalition_partners(state, c)
        .await?
        .iter()
        .any(|p| p == partner)
    {
        return Ok(Saved::Invalid("partner"));
    }
    db::set_referral_partner(&state.db, r.id, partner, me.id).await?;
    audit(state, me, "referral_partner", "referral", r.id, "").await?;
    Ok(Saved::Done(r.id))
}

/// Withdraws consent: the receiver no longer sees the shared items.
pub async fn revoke_consent(state: &AppState, me: &Me, verwijzing: &str) -> Result<Uuid> {
    allow(me, SEND)?;
    let r = readable(state, me, verwijzing).await?;
    db::revoke_consent(&state.db, &r, me.id).await?;
    audit(state, me, "consent_revoked", "referral", r.id, "").await?;
    Ok(r.id)
}

/// Asks the coordinator of the gemeente to help, with the history attached: after five
/// working days without an answer, or when the receiver is full or has a waiting list.
pub async fn escalate(state: &AppState, me: &Me, verwijzing: &str) -> Result<Uuid> {
    allow(me, SEND)?;
    let r = readable(state, me, verwijzing).await?;
    let view = view_of(state, &r, me, true).await?;
    if !view.can_escalate {
        return Err(Error::Invalid(
            "Escaleren kan na vijf werkdagen zonder reactie, of bij een wachtlijst.".into(),
        ));
    }
    let why = if r.status.is_unanswered() && r.reason.is_none() {
        "geen reactie"
    } else {
        "wachtlijst"
    };
    let gemeente = match r.organization_id {
        Some(org) => db::organisation_gemeente(&state.db, org).await?,
        None => None,
    };
    db::escalate(&state.db, &r, gemeente.as_deref(), why, me.id).await?;
    audit(state, me, "referral_escalated", "referral", r.id, why).await?;
    let coordinators = db::coordinator_emails(&state.db, gemeente.as_deref()).await?;
    notifications::escalation(Lang::Nl, why, r.id).send_all(state, &coordinators);
    Ok(r.id)
}

/// The coordinator takes up an escalated referral (once: a second try is refused).
pub async fn take_up(state: &AppState, me: &Me, verwijzing: &str) -> Result<Uuid> {
    allow(me, TAKE_UP)?;
    let r = readable(state, me, verwijzing).await?;
    if !db::handle_escalation(&state.db, r.id, me.gemeente.as_deref(), me.id).await? {
        return Err(Error::Invalid("Deze vraag is al opgepakt.".into()));
    }
    audit(state, me, "escalation_taken_up", "referral", r.id, "").await?;
    Ok(r.id)
}

/// Referrals to a provider's organisations, or escalated to a coordinator's gemeente.
pub async fn incoming(state: &AppState, me: &Me) -> Result<Vec<ReferralLine>> {
    allow(me, READ)?;
    let list = match me.role {
        Role::Provider => {
            let orgs = db::user_organisations(&state.db, me.id).await?;
            db::referrals_to(&state.db, &orgs).await?
        }
        Role::Coordinator if me.gemeente.is_some() => {
            let mut out = Vec::new();
            for (referral, _, _) in db::escalations_for(&state.db, me.gemeente.as_deref()).await? {
                out.extend(db::referral(&state.db, referral).await?);
            }
            out
        }
        Role::Coordinator => Vec::new(),
        _ => return Err(Error::Forbidden),
    };
    Ok(list.into_iter().map(trajecten::line).collect())
}

/// Everything stored about the person of a traject and its referrals, as readable JSON (export
/// on request).
pub async fn export_traject(
    state: &AppState,
    me: &Me,
    traject: &str,
) -> Result<Option<TrajectExport>> {
    allow(me, trajecten::WORK)?;
    let Ok(traject) = traject.trim().parse::<Uuid>() else {
        return Ok(None);
    };
    let Some((t, form)) = unless_not_found(trajecten::own(state, me, traject).await)? else {
        return Ok(None);
    };
    let mut referrals = Vec::new();
    for r in db::referrals_of_traject(&state.db, t.id).await? {
        referrals.push(view_of(state, &r, me, true).await?);
    }
    audit(state, me, "traject_exported", "traject", t.id, "").await?;
    let export = serde_json::json!({
        "traject": form,
        "verwijzingen": referrals,
    });
    let json = serde_json::to_string_pretty(&export).map_err(|_| Error::Sealed)?;
    Ok(Some(TrajectExport {
        form,
        referrals,
        json,
    }))
}

/// The printable handout of a traject: the person's name and the referrals still running.
pub async fn handout(state: &AppState, me: &Me, traject: &str) -> Result<Option<HandoutView>> {
    allow(me, trajecten::WORK)?;
    let Ok(traject) = traject.trim().parse::<Uuid>() else {
        return Ok(None);
    };
    let Some((t, form)) = unless_not_found(trajecten::own(state, me, traject).await)? else {
        return Ok(None);
    };
    let mut items = Vec::new();
    for r in db::referrals_of_traject(&state.db, t.id).await? {
        if r.status.is_closed() || r.consent_revoked_at.is_some() {
            continue;
        }
        items.push(view_of(state, &r, me, true).await?);
        audit(state, me, "referral_read", "referral", r.id, "handout").await?;
    }
    Ok(Some(HandoutView {
        person: form.naam,
        items,
        contact: trajecten::primary_contact(state, &t).await?,
        team: trajecten::team_contact(state, &t).await?,
    }))
}

/// Follow-up mails that are due, and personal data past its retention period deleted;
/// returns (mails sent, referrals wiped). Safe to run on every node: each follow-up is claimed
/// by one.
pub async fn housekeeping(state: &AppState, retention_days: i64) -> Result<(usize, u64)> {
    let now = Utc::now();
    let due = db::take_due_followups(&state.db, now).await?;
    for (referral, professional, kind) in &due {
        let Some(email) = db::user_email(&state.db, *professional).await? else {
            continue;
        };
        notifications::follow_up(Lang::Nl, *kind == "gestart", *referral).send_all(state, &[email]);
    }
    let before = now - chrono::Duration::days(retention_days);
    let wiped = db::delete_expired_personal_data(&state.db, before).await?;
    Ok((due.len(), wiped))
}
