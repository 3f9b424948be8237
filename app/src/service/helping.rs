//! "Ik help mee": a resident answers a role, the organisation answers back, and the resident
//! hears every step. People drop out when nothing is done with what they offer, so an answer
//! that waits a week reminds the organisation, and one that waits two weeks becomes an
//! anonymous "onbeantwoord" signal and a kind message with other roles nearby.

use chrono::{Duration, Utc};
use uuid::Uuid;

use super::notifications;
use super::{allow, audit, Saved};
use crate::auth::{Access, Me, PROVIDERS};
use crate::db::{self, NewResponse, ResponseRecord};
use crate::domain::{Email, HelpStatus, NOT_NOW_REASONS};
use crate::i18n::Lang;
use crate::manage::{HelpView, ReachableView};
use crate::{AppState, Error, Result};

/// Who sees and answers the people who want to help: the organisation's own providers, the
/// only ones the resident agreed to share their details with (not coordinators, not admins).
pub const ANSWER: Access = Access::Roles(PROVIDERS);

/// Days before an organisation is reminded of an answer that waits.
pub const REMIND_AFTER_DAYS: i64 = 7;
/// Days before a waiting answer counts as unanswered.
pub const UNANSWERED_AFTER_DAYS: i64 = 14;
/// Days an answer (with its personal data) is kept.
pub const KEEP_DAYS: i64 = 183;

/// The "ik help mee" form as typed.
#[derive(Debug, Clone, Default)]
pub struct HelpOffer {
    /// First name.
    pub name: String,
    /// E-mail (this or a phone number).
    pub email: String,
    /// Phone number (this or an e-mail).
    pub phone: String,
    /// Age in years, may be empty.
    pub age: String,
    /// A line in their own words.
    pub message: String,
    /// "ja": the details may go to the organisation.
    pub consent: String,
    /// The honeypot field, hidden from people; only robots fill it.
    pub website: String,
}

/// A phone number as people type it: digits with spaces, dashes, brackets or a leading +.
fn phone_ok(phone: &str) -> bool {
    let digits = phone.chars().filter(char::is_ascii_digit).count();
    (8..=15).contains(&digits)
        && phone.chars().count() <= 25
        && phone
            .chars()
            .all(|c| c.is_ascii_digit() || " -+()".contains(c))
}

/// Which field of the form is wrong, if any.
fn problem(form: &HelpOffer) -> Option<&'static str> {
    let (email, phone) = (form.email.trim(), form.phone.trim());
    Some(
        if form.name.trim().is_empty() || form.name.chars().count() > 60 {
            "naam"
        } else if email.is_empty() && phone.is_empty() {
            "contact"
        } else if !email.is_empty() && Email::parse(email).is_none() {
            "email"
        } else if !phone.is_empty() && !phone_ok(phone) {
            "telefoon"
        } else if !form.age.trim().is_empty()
            && !form
                .age
                .trim()
                .parse::<i32>()
                .is_ok_and(|a| (12..=110).contains(&a))
        {
            "leeftijd"
        } else if form.message.chars().count() > 500 {
            "bericht"
        } else if form.consent.trim() != "ja" {
            "toestemming"
        } else {
            return None;
        },
    )
}

/// Stores an answer to a role, sealed, for its organisation; mails a receipt (with an e-mail)
/// and tells the organisation someone is waiting. A robot gets the answer a person gets.
/// `Ok(None)`: no such public role (a 404). `Saved::Invalid("vol")`: every place is taken.
pub async fn offer_help(
    state: &AppState,
    role: Uuid,
    form: &HelpOffer,
    client: Option<std::net::IpAddr>,
    lang: Lang,
) -> Result<Option<Saved<()>>> {
    let record = match db::role_page(&state.db, role).await {
        Ok((record, _)) => record,
        Err(Error::NotFound) => return Ok(None),
        Err(e) => return Err(e),
    };
    // `role_page` finds open roles only; a filled one takes no more answers.
    if record.is_filled() {
        return Ok(Some(Saved::Invalid("vol")));
    }
    if !form.website.trim().is_empty() {
        return Ok(Some(Saved::Done(())));
    }
    if let Some(field) = problem(form) {
        return Ok(Some(Saved::Invalid(field)));
    }
    if !state.signup_limiter.allow(&state.db, client).await? {
        return Ok(Some(Saved::Invalid("te-vaak")));
    }
    let seal = |text: &str| state.sealer.seal(text.trim());
    let new = NewResponse {
        need: role,
        name_sealed: seal(&form.name),
        email_sealed: seal(&form.email),
        phone_sealed: seal(&form.phone),
        message_sealed: seal(&form.message),
        age: form.age.trim().parse().ok(),
        language: lang.code().into(),
    };
    if db::save_response(&state.db, &new).await?.is_none() {
        // Closed or filled between the page and the post.
        return Ok(Some(Saved::Invalid("vol")));
    }
    if let Some(email) = Email::parse(&form.email) {
        notifications::help_receipt(
            lang,
            &record.title,
            &record.organisation,
            &record.contact_name,
        )
        .send(state, &email);
    }
    let managers = db::organisation_manager_emails(&state.db, record.organisation_id).await?;
    notifications::help_new(&record.title).send_all(state, &managers);
    Ok(Some(Saved::Done(())))
}

/// An answer as its organisation sees it, opened.
fn view_of(state: &AppState, r: ResponseRecord) -> Result<HelpView> {
    let s = &state.sealer;
    Ok(HelpView {
        id: r.id,
        role: r.role_title,
        organisation: r.organisation,
        name: s.open(&r.name_sealed)?,
        email: s.open(&r.email_sealed)?,
        phone: s.open(&r.phone_sealed)?,
        message: s.open(&r.message_sealed)?,
        age: r.age,
        status: r.status.code().into(),
        reason: r.reason,
        created: r.created_at.date_naive().to_string(),
        next: r
            .status
            .next()
            .iter()
            .map(|s| s.code().to_string())
            .collect(),
        waiting_days: (r.status == HelpStatus::Nieuw)
            .then(|| (Utc::now() - r.created_at).num_days()),
        waiting_list: r.offer_name.zip(r.offer_waiting_list.filter(|n| *n > 0)),
    })
}

/// The people who want to help the organisations `me` belongs to, newest first.
pub async fn inbox(state: &AppState, me: &Me) -> Result<Vec<HelpView>> {
    if !ANSWER.admits(me.role) {
        return Ok(Vec::new());
    }
    let organisations = db::user_organisations(&state.db, me.id).await?;
    db::responses_for(&state.db, &organisations)
        .await?
        .into_iter()
        .map(|r| view_of(state, r))
        .collect()
}

/// What the organisation decides about an answer.
#[derive(Debug, Clone, Default)]
pub struct Move {
    /// The status it moves to.
    pub status: String,
    /// The reason code, for "past niet".
    pub reason: String,
    /// For "aan de slag" in a role for an offer with a waiting list: how many people got a
    /// place thanks to it (may be empty).
    pub placed: String,
}

/// Moves an answer on and tells the resident, in the language they used, with the contact's
/// name.
pub async fn move_on(state: &AppState, me: &Me, id: Uuid, step: &Move) -> Result<Saved<()>> {
    let (status, reason) = (step.status.as_str(), step.reason.as_str());
    allow(me, ANSWER)?;
    let r = db::response(&state.db, id).await?.ok_or(Error::NotFound)?;
    if !db::user_organisations(&state.db, me.id)
        .await?
        .contains(&r.organisation_id)
    {
        return Err(Error::Forbidden);
    }
    let Some(to) = HelpStatus::parse(status).filter(|s| r.status.next().contains(s)) else {
        return Ok(Saved::Invalid("status"));
    };
    let reason = match to {
        HelpStatus::PastNiet => match NOT_NOW_REASONS.iter().find(|c| **c == reason.trim()) {
            Some(code) => *code,
            None => return Ok(Saved::Invalid("reden")),
        },
        _ => "",
    };
    let placed = match (to, super::optional_number(&step.placed, 1000)) {
        (HelpStatus::AanDeSlag, Ok(n)) => n.unwrap_or(0),
        (HelpStatus::AanDeSlag, Err(())) => return Ok(Saved::Invalid("geplaatst")),
        _ => 0,
    };
    if !db::move_response(&state.db, id, r.status, to, reason, placed).await? {
        // Someone else moved it first; the page shows where it stands now.
        return Ok(Saved::Invalid("status"));
    }
    audit(
        state,
        me,
        "help_answer_moved",
        "role_response",
        id,
        to.code(),
    )
    .await?;
    if let Some(email) = Email::parse(&state.sealer.open(&r.email_sealed)?) {
        let lang = Lang::parse(&r.language).unwrap_or(Lang::Nl);
        notifications::help_status(
            lang,
            to,
            &r.role_title,
            &r.organisation,
            &r.contact_name,
            reason,
        )
        .send(state, &email);
    }
    Ok(Saved::Done(()))
}

/// What one housekeeping round did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct HelpRound {
    /// Organisations reminded of an answer waiting a week.
    pub reminded: usize,
    /// Answers counted as unanswered after two weeks (each a signal and a kind message).
    pub unanswered: usize,
    /// Answers deleted after their retention.
    pub deleted: u64,
}

/// Reminders after a week, the "onbeantwoord" signal and a kind message after two, deletion
/// after six months. Each step is claimed in the database, so with several nodes each mail
/// goes out once.
pub async fn housekeeping(state: &AppState) -> Result<HelpRound> {
    let now = Utc::now();
    let mut round = HelpRound::default();
    for r in
        db::claim_unanswered_reminders(&state.db, now - Duration::days(REMIND_AFTER_DAYS)).await?
    {
        let managers = db::organisation_manager_emails(&state.db, r.organisation_id).await?;
        notifications::help_reminder(&r.role_title).send_all(state, &managers);
        round.reminded += 1;
    }
    for r in db::claim_unanswered(&state.db, now - Duration::days(UNANSWERED_AFTER_DAYS)).await? {
        round.unanswered += 1;
        let Some(email) = Email::parse(&state.sealer.open(&r.email_sealed)?) else {
            continue;
        };
        let others = match (r.latitude, r.longitude) {
            (Some(lat), Some(lon)) => db::roles_near(&state.db, lat, lon, r.need_id, 2).await?,
            _ => Vec::new(),
        };
        let lang = Lang::parse(&r.language).unwrap_or(Lang::Nl);
        notifications::help_unanswered(lang, &r.role_title, &others).send(state, &email);
    }
    round.deleted =
        db::delete_expired_responses(&state.db, now - Duration::days(KEEP_DAYS)).await?;
    Ok(round)
}

/// How far an organisation may look for people to invite (km), as the coalition scan does.
pub const INVITE_RADIUS_KM: f64 = index::matching::TALENT_RADIUS_KM;

/// A role's place, talents and ages, for fitting "ik kan iets" entries to it.
struct RolePlace {
    record: db::RoleRecord,
    talents: Vec<String>,
    at: index::LatLon,
}

async fn role_place(state: &AppState, role: Uuid) -> Result<Option<RolePlace>> {
    let record = match db::role_page(&state.db, role).await {
        Ok((record, _)) => record,
        Err(Error::NotFound) => return Ok(None),
        Err(e) => return Err(e),
    };
    let Some(at) = record
        .latitude
        .zip(record.longitude)
        .and_then(|(lat, lon)| index::LatLon::parse(lat, lon).ok())
    else {
        return Ok(None);
    };
    let talents = db::need(&state.db, role)
        .await?
        .map(|(n, _)| n.talents)
        .unwrap_or_default();
    Ok(Some(RolePlace {
        record,
        talents,
        at,
    }))
}

/// The distance when an entry fits a role: a shared talent, close enough, the right age.
fn fits(role: &RolePlace, entry: &db::ReachableEntry) -> Option<f64> {
    let at = index::LatLon::parse(entry.latitude, entry.longitude).ok()?;
    let km = at.distance_km(role.at);
    let shared = entry
        .talents
        .split(',')
        .any(|t| role.talents.iter().any(|r| r == t));
    let (min, max) = (role.record.minimum_age, role.record.maximum_age);
    let age_ok = entry
        .age
        .is_none_or(|a| min.is_none_or(|m| a >= m) && max.is_none_or(|m| a <= m));
    (shared && age_ok && km <= INVITE_RADIUS_KM).then_some(km)
}

/// People nearby who said an organisation may ask them, fitting the open roles of the
/// organisations `me` belongs to: their talents, age and PC4 only, never a name or address.
pub async fn reachable(state: &AppState, me: &Me) -> Result<Vec<ReachableView>> {
    if !ANSWER.admits(me.role) {
        return Ok(Vec::new());
    }
    let mut out = Vec::new();
    for organisation in db::user_organisations(&state.db, me.id).await? {
        for (id, _, _) in db::open_roles_of(&state.db, organisation).await? {
            let Some(role) = role_place(state, id).await? else {
                continue;
            };
            if role.record.is_filled() {
                continue;
            }
            let entries = db::reachable_entries_near(
                &state.db,
                id,
                role.at.lat(),
                role.at.lon(),
                INVITE_RADIUS_KM,
            )
            .await?;
            let mut near: Vec<(f64, db::ReachableEntry)> = entries
                .into_iter()
                .filter_map(|e| fits(&role, &e).map(|km| (km, e)))
                .collect();
            near.sort_by(|a, b| a.0.total_cmp(&b.0));
            out.extend(near.into_iter().take(10).map(|(km, e)| {
                ReachableView {
                    role_id: id,
                    role: role.record.title.clone(),
                    entry_id: e.id,
                    talents: e
                        .talents
                        .split(',')
                        .filter(|t| role.talents.iter().any(|r| r == t))
                        .filter_map(|t| db::term_name("talent", t))
                        .collect(),
                    age: e.age,
                    postcode: e.postcode,
                    km: index::matching::km_in_words(km),
                    place: role.record.city.clone().unwrap_or_default(),
                }
            }));
        }
    }
    Ok(out)
}

/// The organisation invites one "ik kan iets" entry for one of its roles: one mail through
/// the product, in the person's language, with the role's page and the link that stops it.
/// The organisation never sees who it is. At most one invitation per role and two a month.
pub async fn invite(
    state: &AppState,
    me: &Me,
    role: Uuid,
    entry: Uuid,
    message: &str,
) -> Result<Saved<()>> {
    allow(me, ANSWER)?;
    let place = role_place(state, role).await?.ok_or(Error::NotFound)?;
    if !db::user_organisations(&state.db, me.id)
        .await?
        .contains(&place.record.organisation_id)
    {
        return Err(Error::Forbidden);
    }
    let message = message.trim();
    if message.is_empty() || message.chars().count() > 500 {
        return Ok(Saved::Invalid("bericht"));
    }
    // Only people who fit this role: an id typed by hand reaches nobody else.
    let Some((found, contact)) = db::entry_contact(&state.db, entry).await? else {
        return Ok(Saved::Invalid("weg"));
    };
    if fits(&place, &found).is_none() {
        return Err(Error::NotFound);
    }
    if !db::record_invitation(&state.db, entry, role, Utc::now()).await? {
        return Ok(Saved::Invalid("te-vaak"));
    }
    audit(state, me, "talent_invited", "talent_entry", entry, "").await?;
    let s = &state.sealer;
    if let Some(email) = Email::parse(&s.open(&contact.email_sealed)?) {
        let code = s.open(&contact.revoke_code_sealed)?;
        let link = (!code.is_empty()).then(|| notifications::revoke_link(&code));
        notifications::role_invitation(
            Lang::parse(&contact.language).unwrap_or(Lang::Nl),
            &s.open(&contact.name_sealed)?,
            &place.record.organisation,
            &place.record.title,
            message,
            role,
            link.as_deref(),
        )
        .send(state, &email);
    }
    Ok(Saved::Done(()))
}

/// The one-click link: empties the contact of an "ik kan iets" entry at once. False when the
/// code is unknown (already used, or expired).
pub async fn revoke_contact(state: &AppState, code: &str) -> Result<bool> {
    let code = code.trim();
    if code.is_empty() || code.len() > 100 {
        return Ok(false);
    }
    db::revoke_entry_contact(&state.db, &crate::auth::hash_secret(code)).await
}
