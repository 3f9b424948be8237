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
use crate::profile::{LanesView, MemberInput, SuggestionView, MAX_MEMBERS};
use crate::referrals::{
    Pin, PinnedView, PlanStep, ReferralLine, ReferralTarget, TrajectForm, TrajectLine, TrajectTeam,
    TrajectView, WorkspaceView, MAX_STEPS, STEP_DOERS,
};
use crate::service::matching;
use crate::{AppState, Error, Result};

/// Trajecten are the work of professionals only.
pub const WORK: Access = Access::Roles(PROFESSIONALS);

/// A traject `me` works on, opened; others' trajecten do not exist for them.
pub(crate) async fn own(
    state: &AppState,
    me: &Me,
    traject: Uuid,
) -> Result<(TrajectRecord, TrajectForm)> {
    let t = db::traject(&state.db, traject)
        .await?
        .ok_or(Error::NotFound)?;
    if !works_on(state, me, &t).await? {
        return Err(Error::NotFound);
    }
    let form = open(state, &t)?;
    Ok((t, form))
}

/// The one rule of who works on a traject: its primary professional, its named stand-in, and
/// the leads of its team (who reassign it, and pick it up from the queue). Nobody else.
pub(crate) async fn works_on(state: &AppState, me: &Me, t: &TrajectRecord) -> Result<bool> {
    if me.role != crate::auth::Role::Professional {
        return Ok(false);
    }
    if t.professional_id == Some(me.id) || t.standin_id == Some(me.id) {
        return Ok(true);
    }
    match t.team_id {
        Some(team) => leads(state, me, team).await,
        None => Ok(false),
    }
}

/// Whether `me` leads this team.
async fn leads(state: &AppState, me: &Me, team: Uuid) -> Result<bool> {
    Ok(matches!(db::team_of(&state.db, me.id).await?, Some((mine, true)) if mine.id == team))
}

/// Whether `me` works on the traject of this referral (or sent it, when it has none left).
pub(crate) async fn works_on_referral(
    state: &AppState,
    me: &Me,
    r: &ReferralRecord,
) -> Result<bool> {
    match r.traject_id {
        Some(id) => match db::traject(&state.db, id).await? {
            Some(t) => works_on(state, me, &t).await,
            None => Ok(false),
        },
        None => Ok(me.role == crate::auth::Role::Professional && r.professional_id == Some(me.id)),
    }
}

/// Who to contact about a traject now: its primary professional (name, e-mail), or, while it
/// waits in the team's queue, the team (name, phone, e-mail). Empty when neither is known.
pub(crate) async fn contact_of(state: &AppState, t: &TrajectRecord) -> Result<Vec<String>> {
    let person = primary_contact(state, t).await?;
    if !person.is_empty() {
        return Ok(person);
    }
    team_contact(state, t).await
}

/// The primary professional's name and e-mail; empty in the queue or for an account that is
/// switched off.
pub(crate) async fn primary_contact(state: &AppState, t: &TrajectRecord) -> Result<Vec<String>> {
    Ok(match t.professional_id {
        Some(p) => db::user_by_id(&state.db, p)
            .await?
            .filter(|u| !u.disabled)
            .map(|u| vec![u.me.name, u.me.email])
            .unwrap_or_default(),
        None => Vec::new(),
    })
}

/// The team's name, phone and e-mail (those it has); empty outside a team.
pub(crate) async fn team_contact(state: &AppState, t: &TrajectRecord) -> Result<Vec<String>> {
    Ok(match t.team_id {
        Some(team) => db::team(&state.db, team)
            .await?
            .map(|team| {
                [team.name, team.phone, team.email]
                    .into_iter()
                    .filter(|x| !x.is_empty())
                    .collect()
            })
            .unwrap_or_default(),
        None => Vec::new(),
    })
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
    form.stappen = PlanStep::read_stored(&s.open(&t.plan_sealed)?);
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

/// The trajecten the professional holds or stands in for.
pub async fn list(state: &AppState, me: &Me) -> Result<Vec<TrajectLine>> {
    allow(me, WORK)?;
    let mut trajecten = Vec::new();
    for (t, open) in db::trajecten_of(&state.db, me.id).await? {
        trajecten.push(TrajectLine {
            id: t.id,
            label: state.sealer.open(&t.label_sealed)?,
            open_referrals: open as u32,
            updated: t.updated_at.format("%Y-%m-%d").to_string(),
            standin: t.professional_id != Some(me.id),
        });
    }
    Ok(trajecten)
}

/// The professional's workspace: their trajecten, their team, and for a lead the team's queue.
pub async fn workspace(state: &AppState, me: &Me) -> Result<WorkspaceView> {
    let trajecten = list(state, me).await?;
    let team = db::team_of(&state.db, me.id).await?;
    let mut queue = Vec::new();
    if let Some((team, true)) = &team {
        for t in db::team_queue(&state.db, team.id).await? {
            queue.push(TrajectLine {
                id: t.id,
                label: state.sealer.open(&t.label_sealed)?,
                open_referrals: 0,
                updated: t.updated_at.format("%Y-%m-%d").to_string(),
                standin: false,
            });
        }
        if !queue.is_empty() {
            audit(state, me, "team_queue_read", "team", team.id, "").await?;
        }
    }
    Ok(WorkspaceView {
        trajecten,
        team: team.map(|(t, _)| t.name),
        queue,
    })
}

/// Gives a traject to a primary professional and a stand-in of its team (empty: nobody; a
/// primary left empty puts it in the team's queue). A lead chooses both; the primary
/// professional chooses the stand-in only. Both must be working members of the team.
pub async fn assign(
    state: &AppState,
    me: &Me,
    traject: &str,
    primary: &str,
    standin: &str,
) -> Result<Saved<Uuid>> {
    allow(me, WORK)?;
    let (t, _) = own(state, me, parse_id(traject)?).await?;
    let Some(team) = t.team_id else {
        return Err(Error::Invalid(
            "Deze cliënt hoort niet bij een team.".into(),
        ));
    };
    let lead = leads(state, me, team).await?;
    let members: Vec<Uuid> = db::team_members(&state.db, team)
        .await?
        .into_iter()
        .map(|m| m.user_id)
        .collect();
    let pick =
        |field: &'static str, value: &str| -> std::result::Result<Option<Uuid>, &'static str> {
            match value.trim() {
                "" => Ok(None),
                v => match v.parse::<Uuid>() {
                    Ok(id) if members.contains(&id) => Ok(Some(id)),
                    _ => Err(field),
                },
            }
        };
    let (new_primary, new_standin) = match (pick("eerste", primary), pick("vervanger", standin)) {
        (Ok(p), Ok(s)) => (p, s),
        (Err(field), _) | (_, Err(field)) => return Ok(Saved::Invalid(field)),
    };
    // Only a lead changes who holds it; the primary professional names a stand-in.
    let new_primary = if lead { new_primary } else { t.professional_id };
    if !lead && t.professional_id != Some(me.id) {
        return Err(Error::Forbidden);
    }
    if new_standin.is_some() && new_standin == new_primary {
        return Ok(Saved::Invalid("vervanger"));
    }
    db::assign_traject(&state.db, t.id, new_primary, new_standin).await?;
    let detail = format!(
        "eerste={} vervanger={}",
        new_primary.map(|u| u.to_string()).unwrap_or_default(),
        new_standin.map(|u| u.to_string()).unwrap_or_default()
    );
    audit(state, me, "traject_assigned", "traject", t.id, &detail).await?;
    Ok(Saved::Done(t.id))
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
        team: None,
        pinned: Vec::new(),
    }
}

/// The pinned suggestions in their order: moved out of the lanes (not repeated), or, when
/// matching no longer suggests them, named from the catalog; gone from the map: left out.
async fn pinned(state: &AppState, pins: &[Pin], lanes: &mut LanesView) -> Result<Vec<PinnedView>> {
    let mut out = Vec::new();
    for pin in pins {
        let mut found = None;
        for lane in [
            &mut lanes.money_first,
            &mut lanes.meedoen,
            &mut lanes.bijdragen,
        ] {
            if let Some(i) = lane.iter().position(|s| s.key() == pin.doel) {
                found = Some(lane.remove(i));
                break;
            }
        }
        let suggestion = match found {
            Some(s) => Some(s),
            None => named(state, &pin.doel).await?,
        };
        if let Some(suggestion) = suggestion {
            out.push(PinnedView {
                suggestion,
                reason: pin.reden.clone(),
            });
        }
    }
    Ok(out)
}

/// An offer or role by its key, as a suggestion without reasons; `None` when unknown.
async fn named(state: &AppState, key: &str) -> Result<Option<SuggestionView>> {
    let Some((kind, id)) = key.split_once(':') else {
        return Ok(None);
    };
    let Ok(id) = id.parse::<Uuid>() else {
        return Ok(None);
    };
    let catalog = matching::catalog(state).await?;
    Ok(match kind {
        "aanbod" => catalog
            .offers
            .iter()
            .find(|o| o.id == id)
            .map(|o| SuggestionView {
                offer_id: Some(o.id),
                need_id: None,
                title: o.name.clone(),
                organisation: o.organisation.clone(),
                explanation: String::new(),
                needs_referral: !o.no_referral_needed,
            }),
        "vraag" => catalog
            .needs
            .iter()
            .find(|n| n.id == id)
            .map(|n| SuggestionView {
                offer_id: n.offer_id,
                need_id: Some(n.id),
                title: n.title.clone(),
                organisation: n.organisation.clone(),
                explanation: String::new(),
                needs_referral: false,
            }),
        _ => None,
    })
}

/// Pins at most per traject.
pub const MAX_PINS: usize = 5;

/// Puts a suggestion (`aanbod:<id>` or `vraag:<id>`) at the top of a traject's list with a
/// reason (again: a new reason). Refused: `doel` (unknown), `reden` (1-200 characters),
/// `te-veel` (more than [`MAX_PINS`]).
pub async fn pin(
    state: &AppState,
    me: &Me,
    traject: &str,
    doel: &str,
    reden: &str,
) -> Result<Saved<Uuid>> {
    allow(me, WORK)?;
    let (t, mut form) = own(state, me, parse_id(traject)?).await?;
    let (doel, reden) = (doel.trim(), reden.trim());
    if named(state, doel).await?.is_none() {
        return Ok(Saved::Invalid("doel"));
    }
    if reden.is_empty() || reden.chars().count() > 200 {
        return Ok(Saved::Invalid("reden"));
    }
    let count = form.vastgezet.len();
    match form.vastgezet.iter_mut().find(|p| p.doel == doel) {
        Some(p) => p.reden = reden.into(),
        None if count >= MAX_PINS => return Ok(Saved::Invalid("te-veel")),
        None => form.vastgezet.push(Pin {
            doel: doel.into(),
            reden: reden.into(),
        }),
    }
    store(state, &t, &form).await?;
    audit(state, me, "traject_pinned", "traject", t.id, doel).await?;
    Ok(Saved::Done(t.id))
}

/// Takes a pin off: the suggestion goes back to its place among the others.
pub async fn unpin(state: &AppState, me: &Me, traject: &str, doel: &str) -> Result<Uuid> {
    allow(me, WORK)?;
    let (t, mut form) = own(state, me, parse_id(traject)?).await?;
    form.vastgezet.retain(|p| p.doel != doel.trim());
    store(state, &t, &form).await?;
    audit(state, me, "traject_unpinned", "traject", t.id, doel.trim()).await?;
    Ok(t.id)
}

/// The profile of a form, sealed: the label and plan have their own sealed columns.
fn sealed_profile(state: &AppState, form: &TrajectForm) -> Result<String> {
    let mut profile = form.clone();
    profile.naam.clear();
    profile.stappen.clear();
    Ok(state
        .sealer
        .seal(&serde_json::to_string(&profile).map_err(|_| Error::Sealed)?))
}

/// Seals and stores the profile of an existing traject as it is in `form`.
async fn store(state: &AppState, t: &TrajectRecord, form: &TrajectForm) -> Result<()> {
    db::save_traject(
        &state.db,
        &TrajectRecord {
            profile_sealed: sealed_profile(state, form)?,
            updated_at: Utc::now(),
            ..t.clone()
        },
    )
    .await
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
    let mut lanes = suggestions(state, &form, lang).await?;
    let pinned = pinned(state, &form.vastgezet, &mut lanes).await?;
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
    let team = team_view(state, me, &t).await?;
    audit(state, me, "traject_read", "traject", t.id, "").await?;
    Ok(Some(TrajectView {
        pinned,
        team,
        closed: t.status == "closed",
        coalitions,
        id: t.id,
        plan: form.stappen.clone(),
        form,
        lanes,
        referrals,
    }))
}

/// Who holds a traject in its team, as the reader may change it.
async fn team_view(state: &AppState, me: &Me, t: &TrajectRecord) -> Result<Option<TrajectTeam>> {
    let Some(team) = t.team_id else {
        return Ok(None);
    };
    let Some(record) = db::team(&state.db, team).await? else {
        return Ok(None);
    };
    let lead = leads(state, me, team).await?;
    Ok(Some(TrajectTeam {
        team: record.name,
        primary: t.professional_id,
        standin: t.standin_id,
        members: db::team_members(&state.db, team)
            .await?
            .into_iter()
            .map(|m| {
                let name = if m.name.is_empty() { m.email } else { m.name };
                (m.user_id, name)
            })
            .collect(),
        lead,
        may_choose_standin: lead || t.professional_id == Some(me.id),
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
    } else if f.vervoer.len() > 2
        || f.vervoer
            .iter()
            .any(|m| index::matching::Mobility::parse(m).is_none())
    {
        "vervoer"
    } else if f.belangrijkst.chars().count() > 500 {
        "belangrijkst"
    } else if f.netwerk.chars().count() > 500 {
        "netwerk"
    } else if f.stappen.len() > MAX_STEPS
        || f.stappen.iter().any(|step| {
            step.wat.chars().count() > 200
                || !(step.wie.is_empty() || STEP_DOERS.contains(&step.wie.as_str()))
                || !(step.voor.is_empty()
                    || step.voor == "gezin"
                    || step.voor == f.naam.trim()
                    || f.gezin.iter().any(|m| m.name == step.voor))
                || !(step.volgorde.trim().is_empty()
                    || matches!(step.volgorde.trim().parse::<u8>(), Ok(1..=99)))
        })
    {
        "stappen"
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
        t => Some(own(state, me, parse_id(t)?).await?),
    };
    // The form does not carry the pins and the household: they stay as they were.
    if let Some((_, old)) = &existing {
        form.vastgezet = old.vastgezet.clone();
        form.gezin = old.gezin.clone();
    } else {
        form.vastgezet.clear();
        form.gezin.clear();
    }
    let existing = existing.map(|(t, _)| t);
    if let Some(field) = problem(&form) {
        return Ok(Saved::Invalid(field));
    }
    form.stappen = in_order(std::mem::take(&mut form.stappen));
    let id = existing.as_ref().map(|t| t.id).unwrap_or_else(Uuid::new_v4);
    form.traject = id.to_string();
    let wijk = Geocoder::embedded()
        .locate(form.waar.trim())
        .ok()
        .and_then(|at| Geocoder::embedded().areas(at).wijk_code);
    let label = state.sealer.seal(form.naam.trim());
    let plan = state
        .sealer
        .seal(&serde_json::to_string(&form.stappen).map_err(|_| Error::Sealed)?);
    let profile = sealed_profile(state, &form)?;
    db::save_traject(
        &state.db,
        &TrajectRecord {
            id,
            professional_id: Some(me.id),
            // A new traject belongs to the professional's team; a change keeps who holds it.
            team_id: match &existing {
                Some(t) => t.team_id,
                None => db::team_of(&state.db, me.id)
                    .await?
                    .map(|(team, _)| team.id),
            },
            standin_id: existing.as_ref().and_then(|t| t.standin_id),
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

/// The steps as typed, in the order given: blank ones out, by their number (a step without one
/// keeps its place), the numbers then dropped.
fn in_order(steps: Vec<PlanStep>) -> Vec<PlanStep> {
    let mut numbered: Vec<(u32, usize, PlanStep)> = steps
        .into_iter()
        .filter(|s| !s.wat.trim().is_empty())
        .enumerate()
        .map(|(i, s)| {
            let n = s.volgorde.trim().parse().unwrap_or(i as u32 + 1);
            (n, i, s)
        })
        .collect();
    numbered.sort_by_key(|(n, i, _)| (*n, *i));
    numbered
        .into_iter()
        .map(|(_, _, s)| PlanStep {
            wat: s.wat.trim().to_string(),
            volgorde: String::new(),
            ..s
        })
        .collect()
}

/// Adds a member to the household of a traject (`nummer` empty) or changes one (its number,
/// from 1). Refused: `naam`, `leeftijd`, `rol`, `vragen`, `talenten`, `te-veel`.
pub async fn save_member(
    state: &AppState,
    me: &Me,
    traject: &str,
    nummer: &str,
    member: MemberInput,
) -> Result<Saved<Uuid>> {
    allow(me, WORK)?;
    let (t, mut form) = own(state, me, parse_id(traject)?).await?;
    if let Some(field) = member.problem() {
        return Ok(Saved::Invalid(field));
    }
    let member = MemberInput {
        name: member.name.trim().to_string(),
        ..member
    };
    match nummer.trim() {
        "" if form.gezin.len() >= MAX_MEMBERS => return Ok(Saved::Invalid("te-veel")),
        "" => form.gezin.push(member),
        n => match n.parse::<usize>() {
            Ok(n) if (1..=form.gezin.len()).contains(&n) => form.gezin[n - 1] = member,
            _ => return Err(Error::NotFound),
        },
    }
    store(state, &t, &form).await?;
    audit(state, me, "traject_household", "traject", t.id, "").await?;
    Ok(Saved::Done(t.id))
}

/// Takes a member (number from 1) out of the household of a traject.
pub async fn remove_member(state: &AppState, me: &Me, traject: &str, nummer: &str) -> Result<Uuid> {
    allow(me, WORK)?;
    let (t, mut form) = own(state, me, parse_id(traject)?).await?;
    match nummer.trim().parse::<usize>() {
        Ok(n) if (1..=form.gezin.len()).contains(&n) => {
            form.gezin.remove(n - 1);
        }
        _ => return Err(Error::NotFound),
    }
    store(state, &t, &form).await?;
    audit(state, me, "traject_household", "traject", t.id, "").await?;
    Ok(t.id)
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
