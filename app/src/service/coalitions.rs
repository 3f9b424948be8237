//! Vitale coalities: proposals from the map (win-win detection in `index::matching`), and the
//! coalitions people start from them. Reading is public. A coordinator (the gemeente or a
//! sociaal makelaar) starts one in their gemeente; its partners' managers and the gemeente's
//! coordinators keep it going ([`may_change`]). The JSON API acts as the holder of a personal
//! API token ([`super::tokens::holder`]), under the same rules.

use uuid::Uuid;

use super::{allow, matching, notifications, Saved};
use crate::auth::{Access, Me, Role, PROVIDERS};
use crate::coalitions::{
    CoalitionForm, CoalitionInput, CoalitionRights, CoalitionView, FundingLine, NoteView,
    OwnPartner, MAX_FUNDING_LINES, ROLES, STATUSES,
};
use crate::db;
use crate::domain::GemeenteCode;
use crate::i18n::Lang;
use crate::profile::CoalitionProposal;
use crate::profile::PartnerView;
use crate::{AppState, Error, Result};

/// Starting (and ending) a coalition: the gemeente's coordinators and admins.
pub const START: Access = Access::Roles(&[Role::Coordinator, Role::Admin]);
/// Keeping a coalition going (notes, changes): partners' managers, the gemeente's
/// coordinators, admins, and its link persons (a wijkteam professional too); [`may_change`]
/// decides which coalition.
pub const KEEP: Access = Access::Roles(&[
    Role::Provider,
    Role::Professional,
    Role::Coordinator,
    Role::Admin,
]);
/// Saying yes or no to an invitation, and leaving: the partner organisation's own managers.
pub const ANSWER: Access = Access::Roles(PROVIDERS);

/// The most partners a coalition has.
pub const MAX_PARTNERS: usize = 20;

/// May `me` change this coalition? Its link persons (their contact is the address of `me`'s
/// account); admins all; coordinators those of their gemeente; providers those where an
/// organisation they manage is a partner that said yes.
pub async fn may_change(state: &AppState, me: &Me, c: &CoalitionView) -> Result<bool> {
    // Whoever is named as a link person, by the address of their account, keeps it going.
    if link_emails(c)
        .iter()
        .any(|e| e.eq_ignore_ascii_case(me.email.trim()))
    {
        return Ok(true);
    }
    Ok(match me.role {
        Role::Admin => true,
        Role::Coordinator => me.gemeente.is_some() && me.gemeente == c.gemeente,
        // Only a partner that said yes keeps it going; an invitation alone gives no say.
        Role::Provider => {
            let mine = db::user_organisations(&state.db, me.id).await?;
            c.partners.iter().any(|p| {
                p.standing == "accepted" && p.organisation_id.is_some_and(|o| mine.contains(&o))
            })
        }
        Role::Professional => false,
    })
}

/// What `me` (or a visitor, `None`) may do with coalitions, and with this one (`id`).
pub async fn rights(
    state: &AppState,
    me: Option<&Me>,
    id: Option<Uuid>,
) -> Result<CoalitionRights> {
    let Some(me) = me else {
        return Ok(CoalitionRights::default());
    };
    let start = START.admits(me.role);
    let Some(id) = id else {
        return Ok(CoalitionRights {
            start,
            ..Default::default()
        });
    };
    let c = match db::get_coalition(&state.db, id).await {
        Ok(c) => c,
        Err(Error::NotFound) => {
            return Ok(CoalitionRights {
                start,
                ..Default::default()
            })
        }
        Err(e) => return Err(e),
    };
    let change = KEEP.admits(me.role) && may_change(state, me, &c).await?;
    let own = if me.role == Role::Provider {
        let mine = db::user_organisations(&state.db, me.id).await?;
        c.partners
            .into_iter()
            .filter_map(|p| {
                let organisation_id = p.organisation_id.filter(|o| mine.contains(o))?;
                Some(OwnPartner {
                    organisation_id,
                    name: p.name,
                    standing: p.standing,
                })
            })
            .collect()
    } else {
        Vec::new()
    };
    Ok(CoalitionRights { start, change, own })
}

/// Standings for partners written by `me`: an organisation they manage has joined; another
/// organisation on the map that was not a partner yet is invited; one that was keeps its
/// standing; a partner not on the map has nobody to ask. Returns the newly invited ones.
async fn with_standings(
    state: &AppState,
    me: &Me,
    partners: &mut [PartnerView],
    current: Option<&CoalitionView>,
) -> Result<Vec<Uuid>> {
    let mine = db::user_organisations(&state.db, me.id).await?;
    let mut invited = Vec::new();
    for p in partners.iter_mut() {
        let Some(org) = p.organisation_id else {
            p.standing = "accepted".into();
            continue;
        };
        let before = current.and_then(|c| {
            c.partners
                .iter()
                .find(|q| q.organisation_id == Some(org))
                .map(|q| q.standing.clone())
        });
        p.standing = match before {
            Some(standing) => standing,
            None if mine.contains(&org) => "accepted".into(),
            None => {
                invited.push(org);
                "invited".into()
            }
        };
    }
    Ok(invited)
}

/// Mails each newly invited organisation's managers.
async fn ask(state: &AppState, me: &Me, id: Uuid, name: &str, invited: &[Uuid]) -> Result<()> {
    let inviter = if me.name.trim().is_empty() {
        "De gemeente"
    } else {
        me.name.trim()
    };
    for org in invited {
        let to = db::organisation_manager_emails(&state.db, *org).await?;
        notifications::coalition_invitation(name, id, inviter).send_all(state, &to);
    }
    Ok(())
}

/// A coordinator acts in their own gemeente only.
fn in_own_gemeente(me: &Me, gemeente: Option<&str>) -> Result<()> {
    match me.role {
        Role::Admin => Ok(()),
        _ if me.gemeente.is_some() && me.gemeente.as_deref() == gemeente => Ok(()),
        _ => Err(Error::Forbidden),
    }
}

/// All coalitions (of a gemeente), active first.
pub async fn list(state: &AppState, gemeente: Option<&GemeenteCode>) -> Result<Vec<CoalitionView>> {
    db::list_coalitions(&state.db, gemeente.map(GemeenteCode::as_str)).await
}

/// One coalition.
pub async fn get(state: &AppState, id: Uuid) -> Result<CoalitionView> {
    db::get_coalition(&state.db, id).await
}

/// Proposed coalitions for a gemeente (or the whole map), most promising first, in `lang`.
pub async fn proposals(
    state: &AppState,
    gemeente: Option<&GemeenteCode>,
    lang: Lang,
) -> Result<Vec<CoalitionProposal>> {
    matching::coalition_proposals(state, gemeente.map(GemeenteCode::as_str), lang).await
}

/// Turns a proposal into a coalition (status "idea"). The proposal is recomputed, never taken
/// from the form: the page may be old. Returns the new coalition's id.
pub async fn start(state: &AppState, me: &Me, need: Uuid) -> Result<Uuid> {
    allow(me, START)?;
    let proposal = matching::coalition_proposals(state, None, Lang::Nl)
        .await?
        .into_iter()
        .find(|p| p.need_id == need)
        .ok_or(Error::NotFound)?;
    in_own_gemeente(me, proposal.gemeente.as_deref())?;
    let goal = format!("{}\n\n{}", proposal.goal, proposal.evidence.join("; "));
    let mut partners = proposal.partners;
    let invited = with_standings(state, me, &mut partners, None).await?;
    let name = proposal.title;
    let id = db::create_coalition(
        &state.db,
        CoalitionInput {
            name: name.clone(),
            goal,
            status: "idea".into(),
            gemeente: proposal.gemeente,
            need_id: Some(need),
            link_person: proposal.link_person,
            partners,
            ..Default::default()
        },
    )
    .await?;
    ask(state, me, id, &name, &invited).await?;
    Ok(id)
}

/// The longest name and goal a coalition may have (the same rule as [`CoalitionInput::validate`]).
pub const NAME_MAX: usize = 120;
/// See [`NAME_MAX`].
pub const GOAL_MAX: usize = 1000;

/// The form field that breaks the name and goal rules, shared by the new and the edit form so
/// that no form accepts what storing refuses.
fn name_or_goal_problem(name: &str, goal: &str) -> Option<&'static str> {
    let name = name.trim();
    if name.is_empty() || name.chars().count() > NAME_MAX {
        Some("naam")
    } else if goal.trim().chars().count() > GOAL_MAX {
        Some("doel")
    } else {
        None
    }
}

/// `/coalities/nieuw`: a coalition from scratch with a name and a goal (status "idea"); the
/// wrong field comes back by name.
pub async fn start_from_scratch(
    state: &AppState,
    me: &Me,
    name: &str,
    goal: &str,
) -> Result<Saved<Uuid>> {
    allow(me, START)?;
    if let Some(field) = name_or_goal_problem(name, goal) {
        return Ok(Saved::Invalid(field));
    }
    let input = CoalitionInput {
        name: name.trim().into(),
        goal: goal.trim().into(),
        status: "idea".into(),
        ..Default::default()
    };
    create(state, me, input).await.map(Saved::Done)
}

/// Creates a coalition from scratch (a coordinator's lands in their own gemeente).
pub async fn create(state: &AppState, me: &Me, mut input: CoalitionInput) -> Result<Uuid> {
    allow(me, START)?;
    if me.role == Role::Coordinator && input.gemeente.is_none() {
        input.gemeente = me.gemeente.clone();
    }
    in_own_gemeente(me, input.gemeente.as_deref())?;
    let invited = with_standings(state, me, &mut input.partners, None).await?;
    let name = input.name.clone();
    let id = db::create_coalition(&state.db, input).await?;
    ask(state, me, id, name.trim(), &invited).await?;
    Ok(id)
}

/// The coalition, when `me` may change it.
async fn changeable(state: &AppState, me: &Me, id: Uuid) -> Result<CoalitionView> {
    let current = db::get_coalition(&state.db, id).await?;
    if may_change(state, me, &current).await? {
        Ok(current)
    } else {
        Err(Error::Forbidden)
    }
}

/// Replaces a coalition and returns it as stored.
pub async fn update(
    state: &AppState,
    me: &Me,
    id: Uuid,
    mut input: CoalitionInput,
) -> Result<CoalitionView> {
    allow(me, KEEP)?;
    let current = changeable(state, me, id).await?;
    // Only an admin moves a coalition to another gemeente.
    if me.role != Role::Admin && input.gemeente != current.gemeente {
        return Err(Error::Forbidden);
    }
    let invited = with_standings(state, me, &mut input.partners, Some(&current)).await?;
    let name = input.name.trim().to_string();
    db::update_coalition(&state.db, id, input).await?;
    ask(state, me, id, &name, &invited).await?;
    db::get_coalition(&state.db, id).await
}

/// The edit form: checks each field (the wrong one comes back by name), keeps partners,
/// funding and gemeente as they are.
pub async fn edit(state: &AppState, me: &Me, id: Uuid, form: &CoalitionForm) -> Result<Saved<()>> {
    allow(me, KEEP)?;
    let current = changeable(state, me, id).await?;
    let short = |text: &str| text.chars().count() <= 300;
    if let Some(field) = name_or_goal_problem(&form.naam, &form.doel) {
        return Ok(Saved::Invalid(field));
    }
    if !STATUSES.contains(&form.status.as_str()) {
        return Ok(Saved::Invalid("status"));
    }
    if !short(&form.reden) || (form.status == "ended" && form.reden.trim().is_empty()) {
        return Ok(Saved::Invalid("reden"));
    }
    for (field, text) in [
        ("schakel", &form.schakel),
        ("schakel_contact", &form.schakel_contact),
        ("tweede", &form.tweede),
        ("tweede_contact", &form.tweede_contact),
        ("plek", &form.plek),
    ] {
        if !short(text) {
            return Ok(Saved::Invalid(field));
        }
    }
    let participants = match form.deelnemers.trim() {
        "" => 0,
        n => match n.parse::<i32>() {
            Ok(n) if (0..=100_000).contains(&n) => n,
            _ => return Ok(Saved::Invalid("deelnemers")),
        },
    };
    let input = CoalitionInput {
        name: form.naam.trim().into(),
        goal: form.doel.trim().into(),
        status: form.status.clone(),
        link_person: form.schakel.trim().into(),
        link_contact: form.schakel_contact.trim().into(),
        deputy_person: form.tweede.trim().into(),
        deputy_contact: form.tweede_contact.trim().into(),
        status_reason: form.reden.trim().into(),
        venue: form.plek.trim().into(),
        participants,
        ..as_input(&current)
    };
    db::update_coalition(&state.db, id, input).await?;
    Ok(Saved::Done(()))
}

/// Organisations on the map whose name matches `words`, to invite as partners: (id, name).
pub async fn candidates(
    state: &AppState,
    me: &Me,
    id: Uuid,
    words: &str,
) -> Result<Vec<(Uuid, String)>> {
    allow(me, KEEP)?;
    let current = changeable(state, me, id).await?;
    let words: String = words.chars().take(100).collect();
    Ok(db::find_organisations(&state.db, &words)
        .await?
        .into_iter()
        .filter(|(org, _)| {
            !current
                .partners
                .iter()
                .any(|p| p.organisation_id == Some(*org) && p.standing != "left")
        })
        .collect())
}

/// What is wrong with a new partner line for `current`: its role, its texts, or one too many.
fn new_partner_problem(current: &CoalitionView, partner: &PartnerView) -> Option<&'static str> {
    let active = current
        .partners
        .iter()
        .filter(|p| p.standing != "left")
        .count();
    if !ROLES.contains(&partner.role.as_str()) {
        Some("rol")
    } else if partner.gives.chars().count() > 300 || partner.gets.chars().count() > 300 {
        Some("geeft")
    } else if active >= MAX_PARTNERS {
        Some("te-veel")
    } else {
        None
    }
}

/// Invites an organisation on the map as a partner with a role, what it gives and what it
/// gets; its managers are mailed. One `me` manages joins at once.
pub async fn invite_partner(
    state: &AppState,
    me: &Me,
    id: Uuid,
    partner: PartnerView,
) -> Result<Saved<()>> {
    allow(me, KEEP)?;
    let current = changeable(state, me, id).await?;
    let Some(org) = partner.organisation_id else {
        return Ok(Saved::Invalid("organisatie"));
    };
    if let Some(problem) = new_partner_problem(&current, &partner) {
        return Ok(Saved::Invalid(problem));
    }
    let Some(name) = db::approved_organisation_name(&state.db, org).await? else {
        return Ok(Saved::Invalid("organisatie"));
    };
    let mut partners = vec![PartnerView { name, ..partner }];
    let invited = with_standings(state, me, &mut partners, None).await?;
    if !db::add_coalition_partner(&state.db, id, &partners[0]).await? {
        return Ok(Saved::Invalid("al-partner"));
    }
    ask(state, me, id, &current.name, &invited).await?;
    Ok(Saved::Done(()))
}

/// Invites an organisation that is not on the map: a partner line in its name, and a mail to
/// `email` to put the organisation on the map (with a new account and a link to choose a
/// password when the address has none); when that person registers it, the line gets the
/// organisation and they answer like any invited partner. Refused: `Invalid("nieuw-naam")`,
/// `("nieuw-email")`, `("rol")`, `("geeft")`, `("te-veel")`, `("al-partner")`.
pub async fn invite_newcomer(
    state: &AppState,
    me: &Me,
    id: Uuid,
    partner: PartnerView,
    email: &str,
) -> Result<Saved<()>> {
    allow(me, KEEP)?;
    let current = changeable(state, me, id).await?;
    let name = partner.name.trim();
    if name.chars().count() < 2 || name.chars().count() > 120 {
        return Ok(Saved::Invalid("nieuw-naam"));
    }
    let Some(email) = crate::domain::Email::parse(&email.trim().to_lowercase()) else {
        return Ok(Saved::Invalid("nieuw-email"));
    };
    if let Some(problem) = new_partner_problem(&current, &partner) {
        return Ok(Saved::Invalid(problem));
    }
    let line = PartnerView {
        organisation_id: None,
        name: name.to_string(),
        standing: "invited".into(),
        ..partner
    };
    if !db::add_newcomer_partner(&state.db, id, &line, email.as_str()).await? {
        return Ok(Saved::Invalid("al-partner"));
    }
    let gemeente = current.gemeente.as_deref();
    let link = super::accounts::account_with_link(state, &email, Role::Provider, gemeente).await?;
    notifications::coalition_newcomer(
        &current.name,
        name,
        &me.email,
        id,
        link.as_ref().map(|(_, token)| token.as_str()),
    )
    .send(state, &email);
    super::audit(state, me, "coalition_newcomer", "coalition", id, name).await?;
    Ok(Saved::Done(()))
}

/// A partner organisation's answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    /// Yes to an invitation.
    Accept,
    /// No to an invitation.
    Decline,
    /// Stop being a partner.
    Leave,
}

impl Answer {
    /// From the form's value.
    pub fn parse(text: &str) -> Option<Answer> {
        match text {
            "ja" => Some(Answer::Accept),
            "nee" => Some(Answer::Decline),
            "stoppen" => Some(Answer::Leave),
            _ => None,
        }
    }
}

/// A manager of a partner organisation accepts or declines its invitation, or leaves. A
/// partner that leaves is told to the gemeente's coordinators, so the role can be filled.
pub async fn answer(
    state: &AppState,
    me: &Me,
    id: Uuid,
    organisation: Uuid,
    answer: Answer,
) -> Result<()> {
    allow(me, ANSWER)?;
    if !db::user_organisations(&state.db, me.id)
        .await?
        .contains(&organisation)
    {
        return Err(Error::Forbidden);
    }
    let (from, to): (&[&str], &str) = match answer {
        Answer::Accept => (&["invited"], "accepted"),
        Answer::Decline => (&["invited"], "left"),
        Answer::Leave => (&["invited", "accepted"], "left"),
    };
    if !db::set_partner_standing(&state.db, id, organisation, from, to).await? {
        return Err(Error::Invalid(
            "Deze vraag is al beantwoord. Laad de pagina opnieuw.".into(),
        ));
    }
    if answer == Answer::Leave {
        let c = db::get_coalition(&state.db, id).await?;
        let name = c
            .partners
            .iter()
            .find(|p| p.organisation_id == Some(organisation))
            .map(|p| p.name.clone())
            .unwrap_or_default();
        let to = db::coordinator_emails(&state.db, c.gemeente.as_deref()).await?;
        notifications::coalition_partner_left(&name, &c.name, id).send_all(state, &to);
    }
    Ok(())
}

/// Deletes a coalition.
pub async fn delete(state: &AppState, me: &Me, id: Uuid) -> Result<()> {
    allow(me, START)?;
    let current = db::get_coalition(&state.db, id).await?;
    in_own_gemeente(me, current.gemeente.as_deref())?;
    db::delete_coalition(&state.db, id).await
}

/// Adds a "tellen en vertellen" note; returns the coalition and the new note's id.
pub async fn add_note(
    state: &AppState,
    me: &Me,
    id: Uuid,
    note: &NoteView,
) -> Result<(CoalitionView, Uuid)> {
    allow(me, KEEP)?;
    changeable(state, me, id).await?;
    let note = db::add_coalition_note(&state.db, id, note).await?;
    Ok((db::get_coalition(&state.db, id).await?, note))
}

/// Gives note `note` its photo (replacing one it had): checked, upright, at most
/// [`crate::photo::MAX_SIDE`] pixels, without the original's metadata. The picture is public
/// like the note, so the form asks for people's consent.
pub async fn set_note_photo(
    state: &AppState,
    me: &Me,
    id: Uuid,
    note: Uuid,
    alt: &str,
    upload: Vec<u8>,
) -> Result<()> {
    allow(me, KEEP)?;
    changeable(state, me, id).await?;
    let alt = crate::photo::check_alt(alt)?;
    // Decoding a 12-megapixel photo takes a core for a moment: not on the async runtime.
    let photo = tokio::task::spawn_blocking(move || crate::photo::prepare(&upload)).await??;
    db::set_note_photo(&state.db, id, note, &alt, &photo).await
}

/// Takes the photo off note `note` (someone on it asked, or it was the wrong one).
pub async fn remove_note_photo(state: &AppState, me: &Me, id: Uuid, note: Uuid) -> Result<()> {
    allow(me, KEEP)?;
    changeable(state, me, id).await?;
    db::remove_note_photo(&state.db, id, note).await
}

/// The picture of a note (public, like the note).
pub async fn note_photo(state: &AppState, id: Uuid, note: Uuid) -> Result<Vec<u8>> {
    db::note_photo(&state.db, id, note).await
}

/// The input that replaces `c` as it is, to change one part of it.
fn as_input(c: &CoalitionView) -> CoalitionInput {
    CoalitionInput {
        name: c.name.clone(),
        goal: c.goal.clone(),
        status: c.status.clone(),
        gemeente: c.gemeente.clone(),
        need_id: c.need_id,
        link_person: c.link_person.clone(),
        link_contact: c.link_contact.clone(),
        deputy_person: c.deputy_person.clone(),
        deputy_contact: c.deputy_contact.clone(),
        status_reason: c.status_reason.clone(),
        venue: c.venue.clone(),
        participants: c.participants,
        funding: c.funding.clone(),
        funding_source: String::new(),
        funding_ends_on: None,
        partners: c.partners.clone(),
    }
}

/// Adds a funding line (source, amount, start, end); a problem comes back as the form field
/// `geld`.
pub async fn add_funding(
    state: &AppState,
    me: &Me,
    id: Uuid,
    line: FundingLine,
) -> Result<Saved<()>> {
    allow(me, KEEP)?;
    let current = changeable(state, me, id).await?;
    if line.source.trim().is_empty() || line.check().is_err() {
        return Ok(Saved::Invalid("geld"));
    }
    if current.funding.len() >= MAX_FUNDING_LINES {
        return Ok(Saved::Invalid("geld-te-veel"));
    }
    let mut input = as_input(&current);
    input.funding.push(line);
    db::update_coalition(&state.db, id, input).await?;
    Ok(Saved::Done(()))
}

/// Removes funding line number `position` (from 0).
pub async fn remove_funding(state: &AppState, me: &Me, id: Uuid, position: usize) -> Result<()> {
    allow(me, KEEP)?;
    let current = changeable(state, me, id).await?;
    if position >= current.funding.len() {
        return Err(Error::NotFound);
    }
    let mut input = as_input(&current);
    input.funding.remove(position);
    db::update_coalition(&state.db, id, input).await
}

/// What one round of coalition housekeeping did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct CoalitionRound {
    /// Funding warnings sent (90 and 30 days before a line ends).
    pub funding_warnings: usize,
    /// Quiet coalitions reminded.
    pub quiet_reminders: usize,
}

/// The addresses of a coalition's link persons that are e-mail addresses.
pub(crate) fn link_emails(c: &CoalitionView) -> Vec<String> {
    [&c.link_contact, &c.deputy_contact]
        .into_iter()
        .filter_map(|text| crate::domain::Email::parse(text.trim()))
        .map(|e| e.as_str().to_string())
        .collect()
}

/// The link persons, or (when neither left an e-mail address) the managers of the partners
/// that said yes.
async fn keepers(state: &AppState, c: &CoalitionView) -> Result<Vec<String>> {
    let mut to = link_emails(c);
    if to.is_empty() {
        for p in c.partners.iter().filter(|p| p.standing == "accepted") {
            if let Some(org) = p.organisation_id {
                to.extend(db::organisation_manager_emails(&state.db, org).await?);
            }
        }
    }
    to.sort();
    to.dedup();
    Ok(to)
}

/// Funding that ends and coalitions that fell quiet, on `today` (the hourly housekeeping
/// passes the real day). Every mail is claimed in the database first, so several nodes send
/// each one once.
pub async fn housekeeping(state: &AppState, today: chrono::NaiveDate) -> Result<CoalitionRound> {
    let mut round = CoalitionRound::default();
    for due in db::claim_funding_warnings(&state.db, today).await? {
        let c = db::get_coalition(&state.db, due.coalition_id).await?;
        let mut to = keepers(state, &c).await?;
        to.extend(db::coordinator_emails(&state.db, c.gemeente.as_deref()).await?);
        to.sort();
        to.dedup();
        let days = (due.ends_on - today).num_days();
        notifications::funding_ending(&c.name, &due.source, days, c.id).send_all(state, &to);
        round.funding_warnings += 1;
    }
    let quiet_since = chrono::Utc::now() - chrono::Duration::days(db::QUIET_DAYS);
    for id in db::claim_quiet_coalitions(&state.db, quiet_since).await? {
        let c = db::get_coalition(&state.db, id).await?;
        let to = keepers(state, &c).await?;
        notifications::coalition_quiet(&c.name, c.id).send_all(state, &to);
        round.quiet_reminders += 1;
    }
    Ok(round)
}

/// The gemeente's overview: its coordinators (their own gemeente) and admins (all).
pub const OVERVIEW: Access = Access::Roles(&[Role::Coordinator, Role::Admin]);

/// The last day of the quarter `day` falls in.
pub fn quarter_end(day: chrono::NaiveDate) -> chrono::NaiveDate {
    use chrono::Datelike;
    let last_month = (day.month0() / 3) * 3 + 3;
    let (year, next) = if last_month == 12 {
        (day.year() + 1, 1)
    } else {
        (day.year(), last_month + 1)
    };
    chrono::NaiveDate::from_ymd_opt(year, next, 1)
        .and_then(|first| first.pred_opt())
        .unwrap_or(day)
}

/// Every coalition of the gemeente with status, partners, link persons, the end of its money,
/// the newest note and the trend; with `this_quarter`, only those whose money (some of it)
/// ends between `today` and the end of the quarter.
pub async fn overview(
    state: &AppState,
    me: &Me,
    this_quarter: bool,
    today: chrono::NaiveDate,
) -> Result<Vec<crate::coalitions::OverviewLine>> {
    allow(me, OVERVIEW)?;
    let gemeente = match me.role {
        Role::Admin => None,
        _ => Some(me.gemeente.clone().ok_or(Error::Forbidden)?),
    };
    let end = quarter_end(today);
    let day = |text: &str| chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d").ok();
    let mut out = Vec::new();
    for c in db::list_coalitions(&state.db, gemeente.as_deref()).await? {
        let ends_this_quarter = c.status != "ended"
            && c.funding
                .iter()
                .filter_map(|f| f.ends_on.as_deref().and_then(day))
                .any(|d| d >= today && d <= end);
        if this_quarter && !ends_this_quarter {
            continue;
        }
        let trend = match crate::coalitions::chart_series(&c.notes) {
            Some((_, points)) if points.len() >= 2 => {
                let (a, b) = (points[points.len() - 2].1, points[points.len() - 1].1);
                match b.cmp(&a) {
                    std::cmp::Ordering::Greater => "up",
                    std::cmp::Ordering::Less => "down",
                    std::cmp::Ordering::Equal => "same",
                }
            }
            _ => "",
        };
        let latest_note = c.notes.first().map(|n| {
            let what = match n.number {
                Some(x) => format!("{x} {}", n.label),
                None => n.story.chars().take(120).collect(),
            };
            format!("{}: {}", n.written_on, what.trim())
        });
        let link_persons = [&c.link_person, &c.deputy_person]
            .into_iter()
            .filter(|p| !p.trim().is_empty())
            .cloned()
            .collect::<Vec<_>>()
            .join(" en ");
        out.push(crate::coalitions::OverviewLine {
            id: c.id,
            partners: c
                .partners
                .iter()
                .filter(|p| p.standing == "accepted")
                .map(|p| p.name.clone())
                .collect::<Vec<_>>()
                .join(", "),
            name: c.name,
            status: c.status,
            link_persons,
            funding_ends_on: c.funding_ends_on,
            ends_this_quarter,
            latest_note,
            trend: trend.into(),
            quiet: c.quiet,
        });
    }
    Ok(out)
}
