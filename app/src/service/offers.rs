//! Offers: what a visitor sees of one offer (or role), what a resident asks when they want to
//! join ("ik doe mee"), and the offer editor of the organisation.

use chrono::{NaiveDate, NaiveTime};
use uuid::Uuid;

use super::{allow, audit, may_manage, Saved, MANAGE};
use crate::auth::Me;
use crate::db::{self, ClosureRecord, ScheduleRecord, ServiceRecord};
use crate::i18n::Lang;
use crate::manage::{OfferEditor, OfferForm, KINDS, LANGUAGES};
use crate::model::OfferDetail;
use crate::{AppState, Error, Result};

fn yes(v: bool) -> String {
    if v {
        "ja".into()
    } else {
        String::new()
    }
}

/// The editor of an offer `me` may manage (`aanbod` = "nieuw": an empty one for
/// `organisatie`), with language names in `lang`; `None` when unknown.
pub async fn form(
    state: &AppState,
    me: &Me,
    aanbod: &str,
    organisatie: &str,
    lang: Lang,
) -> Result<Option<OfferEditor>> {
    allow(me, MANAGE)?;
    let form = if aanbod.trim() == "nieuw" {
        let Ok(org) = organisatie.trim().parse::<Uuid>() else {
            return Ok(None);
        };
        let locations = db::organisation_locations(&state.db, org).await?;
        OfferForm {
            organisatie: org.to_string(),
            talen: vec!["nl".into()],
            locaties: locations.iter().map(Uuid::to_string).collect(),
            ..Default::default()
        }
    } else {
        let Ok(id) = aanbod.trim().parse::<Uuid>() else {
            return Ok(None);
        };
        let data = db::load_dataset(&state.db, Some(&[id])).await?;
        let Some(s) = data.services.into_iter().next() else {
            return Ok(None);
        };
        to_form(&s)
    };
    let org: Uuid = form.organisatie.parse().map_err(|_| Error::NotFound)?;
    if !may_manage(state, me, org).await? {
        return Err(Error::Forbidden);
    }
    let mut codes: Vec<String> = LANGUAGES.iter().map(|c| c.to_string()).collect();
    // Languages an import brought in stay choosable.
    codes.extend(
        form.talen
            .iter()
            .filter(|c| !codes.contains(c))
            .cloned()
            .collect::<Vec<_>>(),
    );
    let languages = codes
        .into_iter()
        .map(|c| {
            let name = crate::words::language_name(&c, lang);
            (c, name)
        })
        .collect();
    let locations = db::location_labels(&state.db, org)
        .await?
        .into_iter()
        .map(|(id, label)| (id.to_string(), label))
        .collect();
    Ok(Some(OfferEditor {
        form,
        languages,
        locations,
    }))
}

/// What the editor shows as the price: the structured cost options (an import's "Contributie:
/// € 140,00: per jaar") and the written price, as the page shows them, so a save without a
/// change keeps them as they were.
fn price_text(s: &ServiceRecord) -> String {
    s.costs
        .iter()
        .cloned()
        .map(super::cards::cost_in_words)
        .chain(Some(s.fees_description.trim().to_string()).filter(|f| !f.is_empty()))
        .collect::<Vec<_>>()
        .join("; ")
}

fn to_form(s: &ServiceRecord) -> OfferForm {
    // Weekly slots only: slots with a rule are kept on save, not edited here.
    let slot = |n: usize| {
        s.schedules
            .iter()
            .filter(|x| x.rule.is_empty())
            .nth(n)
            .map(|x| {
                (
                    x.weekday.to_string(),
                    x.opens_at.clone(),
                    x.closes_at.clone(),
                )
            })
            .unwrap_or_default()
    };
    let ((dag, van, tot), (dag2, van2, tot2), (dag3, van3, tot3)) = (slot(0), slot(1), slot(2));
    OfferForm {
        aanbod: s.id.to_string(),
        organisatie: s.organization_id.to_string(),
        naam: s.name.clone(),
        beschrijving: s.description.clone(),
        soort: s.kind.clone(),
        leefgebied: s
            .terms
            .iter()
            .filter(|(t, _)| t == "leefgebied")
            .map(|(_, c)| c.clone())
            .collect(),
        min_leeftijd: s.minimum_age.map(|a| a.to_string()).unwrap_or_default(),
        max_leeftijd: s.maximum_age.map(|a| a.to_string()).unwrap_or_default(),
        gratis: yes(s.is_free),
        kosten: price_text(s),
        dag,
        van,
        tot,
        dag2,
        van2,
        tot2,
        dag3,
        van3,
        tot3,
        gesloten: s
            .closures
            .iter()
            .map(closure_line)
            .collect::<Vec<_>>()
            .join("\n"),
        talen: s.languages.clone(),
        locaties: s.location_ids.iter().map(Uuid::to_string).collect(),
        telefoon: s.phone.clone().unwrap_or_default(),
        email: s.email.clone().unwrap_or_default(),
        geen_indicatie: yes(s.no_referral_needed),
        uitkering: yes(s.keeps_benefit),
        binnenlopen: yes(s
            .terms
            .iter()
            .any(|(t, c)| t == "kenmerk" && c == db::WALK_IN)),
        website: s.url.clone().unwrap_or_default(),
    }
}

const DAY: &str = "%d-%m-%Y";

fn closure_line(c: &ClosureRecord) -> String {
    let mut line = c.starts_on.format(DAY).to_string();
    if c.ends_on != c.starts_on {
        line.push_str(&format!(" t/m {}", c.ends_on.format(DAY)));
    }
    if !c.description.is_empty() {
        line.push(' ');
        line.push_str(&c.description);
    }
    line
}

/// "21-12-2026 t/m 03-01-2027 kerstvakantie" or "25-12-2026 Kerstmis", one per line.
fn closures(text: &str) -> std::result::Result<Vec<ClosureRecord>, ()> {
    let date = |t: &str| NaiveDate::parse_from_str(t, DAY).map_err(drop);
    let mut out = Vec::new();
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let mut words = line.split_whitespace().peekable();
        let starts_on = date(words.next().unwrap_or_default())?;
        let ends_on = if matches!(words.peek(), Some(&"t/m") | Some(&"tot")) {
            words.next();
            if words.peek() == Some(&"en") {
                words.next();
                words.next(); // "met"
            }
            date(words.next().ok_or(())?)?
        } else {
            starts_on
        };
        let description = words.collect::<Vec<_>>().join(" ");
        if ends_on < starts_on || description.chars().count() > 100 {
            return Err(());
        }
        out.push(ClosureRecord {
            starts_on,
            ends_on,
            description,
        });
    }
    if out.len() > 20 {
        return Err(());
    }
    Ok(out)
}

/// An age as typed: empty, or 0 to 120.
fn age(text: &str) -> std::result::Result<Option<i32>, ()> {
    super::optional_number(text, 120)
}

fn time(text: &str) -> Option<String> {
    NaiveTime::parse_from_str(text.trim(), "%H:%M")
        .ok()
        .map(|t| t.format("%H:%M").to_string())
}

/// The weekly slots as typed: (day field, from, until).
fn slots(f: &OfferForm) -> [(&'static str, &str, &str, &str); 3] {
    [
        ("dag", &f.dag, &f.van, &f.tot),
        ("dag2", &f.dag2, &f.van2, &f.tot2),
        ("dag3", &f.dag3, &f.van3, &f.tot3),
    ]
}

/// The first field that is wrong; `locations` are the organisation's own.
fn problem(f: &OfferForm, locations: &[Uuid], known_languages: &[String]) -> Option<&'static str> {
    let (min, max) = (age(&f.min_leeftijd), age(&f.max_leeftijd));
    if f.naam.trim().chars().count() < 3 || f.naam.chars().count() > 150 {
        return Some("naam");
    } else if f.beschrijving.trim().is_empty() || f.beschrijving.chars().count() > 4000 {
        return Some("beschrijving");
    } else if !KINDS.contains(&f.soort.as_str()) {
        return Some("soort");
    } else if f.leefgebied.is_empty()
        || f.leefgebied.len() > 20
        || f.leefgebied
            .iter()
            .any(|c| db::term_name("leefgebied", c).is_none())
    {
        return Some("leefgebied");
    } else if min.is_err() {
        return Some("min_leeftijd");
    } else if max.is_err() || matches!((min, max), (Ok(Some(a)), Ok(Some(b))) if a > b) {
        return Some("max_leeftijd");
    } else if f.kosten.chars().count() > 1000 {
        return Some("kosten");
    }
    for (field, day, from, until) in slots(f) {
        let day = day.trim();
        if day.is_empty() {
            continue;
        }
        let (from_field, until_field) = match field {
            "dag" => ("van", "tot"),
            "dag2" => ("van2", "tot2"),
            _ => ("van3", "tot3"),
        };
        if !matches!(day.parse::<u8>(), Ok(1..=7)) {
            return Some(field);
        } else if time(from).is_none() {
            return Some(from_field);
        } else if time(until).is_none() || time(until) <= time(from) {
            return Some(until_field);
        }
    }
    if closures(&f.gesloten).is_err() {
        Some("gesloten")
    } else if f.talen.iter().any(|c| !known_languages.contains(c)) {
        Some("talen")
    } else if f
        .locaties
        .iter()
        .any(|l| !l.parse().is_ok_and(|id: Uuid| locations.contains(&id)))
    {
        Some("locaties")
    } else if f.telefoon.chars().count() > 30
        || (f.telefoon.trim().is_empty() && f.email.trim().is_empty())
    {
        // A resident must be able to ask: a phone number or an e-mail address, at least.
        Some("telefoon")
    } else if !f.email.trim().is_empty() && !crate::auth::is_email(f.email.trim()) {
        Some("email")
    } else if !f.website.trim().is_empty() && crate::safe::safe_url(&f.website).is_none() {
        // Only http and https: a link a resident taps must never run script.
        Some("website")
    } else {
        None
    }
}

/// Saves an offer (new when `form.aanbod` is empty) with its schedule and closures, and
/// returns its id; the change reaches every node's index through the change log.
pub async fn save(state: &AppState, me: &Me, form: &OfferForm) -> Result<Saved<Uuid>> {
    let (service, existing) = match prepare(state, me, form).await? {
        Saved::Done(prepared) => prepared,
        Saved::Invalid(field) => return Ok(Saved::Invalid(field)),
    };
    let id = service.id;
    db::save_dataset(
        &state.db,
        &db::Dataset {
            services: vec![service],
            ..Default::default()
        },
    )
    .await?;
    let action = if existing {
        "offer_changed"
    } else {
        "offer_created"
    };
    audit(state, me, action, "service", id, form.naam.trim()).await?;
    Ok(Saved::Done(id))
}

/// What the offer's public page would look like with this form, without saving anything
/// ("voorbeeld"): the same checks as [`save`], the same page as residents get.
pub async fn preview(
    state: &AppState,
    me: &Me,
    form: &OfferForm,
    lang: Lang,
) -> Result<Saved<OfferDetail>> {
    let (service, _) = match prepare(state, me, form).await? {
        Saved::Done(prepared) => prepared,
        Saved::Invalid(field) => return Ok(Saved::Invalid(field)),
    };
    let today = chrono::Utc::now().date_naive();
    let page = db::draft_page(&state.db, &service, today).await?;
    Ok(Saved::Done(super::cards::detail_of(
        service.id,
        page,
        Vec::new(),
        lang,
    )))
}

/// The checks of [`save`] without saving or building a page: the first field that is wrong,
/// if any (the editor's "voorbeeld" button, whose page [`preview`] builds afterwards).
pub async fn check(state: &AppState, me: &Me, form: &OfferForm) -> Result<Saved<()>> {
    Ok(prepare(state, me, form).await?.map(|_| ()))
}

/// The offer as it would be stored after this form (`true`: it exists already), or the
/// first field that is wrong. Checks that `me` may manage its organisation.
async fn prepare(
    state: &AppState,
    me: &Me,
    form: &OfferForm,
) -> Result<Saved<(ServiceRecord, bool)>> {
    allow(me, MANAGE)?;
    let existing = match form.aanbod.trim() {
        "" => None,
        id => Some(id.parse::<Uuid>().map_err(|_| Error::NotFound)?),
    };
    let (mut service, organisation) = match existing {
        Some(id) => {
            let data = db::load_dataset(&state.db, Some(&[id])).await?;
            let s = data.services.into_iter().next().ok_or(Error::NotFound)?;
            let org = s.organization_id;
            (s, org)
        }
        None => {
            let org: Uuid = form
                .organisatie
                .trim()
                .parse()
                .map_err(|_| Error::NotFound)?;
            (
                ServiceRecord {
                    id: Uuid::new_v4(),
                    organization_id: org,
                    status: "active".into(),
                    source: "provider".into(),
                    ..Default::default()
                },
                org,
            )
        }
    };
    if !may_manage(state, me, organisation).await? {
        return Err(Error::Forbidden);
    }
    let locations = db::organisation_locations(&state.db, organisation).await?;
    let mut languages: Vec<String> = LANGUAGES.iter().map(|c| c.to_string()).collect();
    languages.extend(service.languages.iter().cloned());
    if let Some(field) = problem(form, &locations, &languages) {
        return Ok(Saved::Invalid(field));
    }
    service.name = form.naam.trim().into();
    service.description = form.beschrijving.trim().into();
    service.kind = form.soort.clone();
    service.minimum_age = age(&form.min_leeftijd).ok().flatten();
    service.maximum_age = age(&form.max_leeftijd).ok().flatten();
    service.is_free = form.gratis == "ja";
    // A changed price replaces the old one in every form, so the page never shows two.
    if form.kosten.trim() != price_text(&service).trim() {
        service.costs.clear();
        service.fees_description = form.kosten.trim().into();
    }
    service.no_referral_needed = form.geen_indicatie == "ja";
    service.keeps_benefit = form.uitkering == "ja";
    service.phone = Some(form.telefoon.trim().to_string()).filter(|p| !p.is_empty());
    service.email = Some(form.email.trim().to_string()).filter(|e| !e.is_empty());
    service.url = crate::safe::safe_url(&form.website);
    service.last_verified_on = Some(chrono::Utc::now().date_naive());
    // The editor owns the leefgebieden, the kind and four kenmerken; other terms stay.
    service.terms.retain(|(t, c)| {
        t != "leefgebied"
            && t != "soort"
            && !(t == "kenmerk"
                && ["gratis", "geen-indicatie", "behoud-uitkering", db::WALK_IN]
                    .contains(&c.as_str()))
    });
    let mut topics = form.leefgebied.clone();
    topics.sort();
    topics.dedup();
    for (n, code) in topics.into_iter().enumerate() {
        service.terms.insert(n, ("leefgebied".into(), code));
    }
    service.terms.push(("soort".into(), form.soort.clone()));
    for (on, code) in [
        (service.is_free, "gratis"),
        (service.no_referral_needed, "geen-indicatie"),
        (service.keeps_benefit, "behoud-uitkering"),
        (form.binnenlopen == "ja", db::WALK_IN),
    ] {
        if on {
            service.terms.push(("kenmerk".into(), code.into()));
        }
    }
    // Slots with a rule (the third Wednesday of the month) came from an import; the form
    // edits weekly slots only, so those are kept as they are, never lost by a save.
    let ruled: Vec<ScheduleRecord> = service
        .schedules
        .iter()
        .filter(|s| !s.rule.is_empty())
        .cloned()
        .collect();
    service.schedules = slots(form)
        .into_iter()
        .filter_map(|(_, day, from, until)| {
            Some(ScheduleRecord {
                weekday: day.trim().parse().ok()?,
                opens_at: time(from)?,
                closes_at: time(until)?,
                ..ScheduleRecord::default()
            })
        })
        .chain(ruled)
        .collect();
    service.closures = closures(&form.gesloten).unwrap_or_default();
    // No language ticked means: as it was, or Dutch for a new offer.
    if !form.talen.is_empty() {
        service.languages = form.talen.clone();
        service.languages.dedup();
    } else if service.languages.is_empty() {
        service.languages = vec!["nl".into()];
    }
    // No choice means: where it was, or (new) at every place of the organisation.
    if !form.locaties.is_empty() {
        service.location_ids = form
            .locaties
            .iter()
            .filter_map(|l| l.parse().ok())
            .collect();
    } else if service.location_ids.is_empty() {
        service.location_ids = locations;
    }
    Ok(Saved::Done((service, existing.is_some())))
}
/// The offer (or role: they share the page) with this id in `lang`; `None` when it does not
/// exist or is not public.
pub async fn detail(state: &AppState, id: &str, lang: Lang) -> Result<Option<OfferDetail>> {
    let Ok(id) = id.trim().parse::<Uuid>() else {
        return Ok(None);
    };
    super::cards::page(state, id, lang).await
}

/// The page of an open role (or other open need) in `lang`; `None` when it is not public.
pub async fn role(state: &AppState, id: &str, lang: Lang) -> Result<Option<OfferDetail>> {
    let Ok(id) = id.trim().parse::<Uuid>() else {
        return Ok(None);
    };
    super::unless_not_found(super::cards::role_page(state, id, lang).await)
}

/// "Ik doe mee": a resident asks to join an offer.
#[derive(Debug, Clone, Default)]
pub struct SignUp {
    /// Name.
    pub name: String,
    /// Phone or e-mail.
    pub contact: String,
    /// A message for the organisation.
    pub message: String,
    /// The honeypot field, hidden from people; only robots fill it.
    pub website: String,
}

/// Stores a sign-up request, sealed, for the organisation. `client` is the address the spam
/// limit counts. A robot gets the same answer as a person, so it learns nothing.
/// `Ok(None)`: the offer does not take sign-ups (or does not exist).
pub async fn sign_up(
    state: &AppState,
    offer: Uuid,
    form: &SignUp,
    client: Option<std::net::IpAddr>,
) -> Result<Option<Saved<()>>> {
    if !form.website.trim().is_empty() {
        return Ok(Some(Saved::Done(())));
    }
    let (name, contact, message) = (form.name.trim(), form.contact.trim(), form.message.trim());
    let problem = if name.is_empty() || name.chars().count() > 100 {
        Some("naam")
    } else if crate::domain::Email::parse(contact).is_none()
        && !crate::domain::is_phone_number(contact)
    {
        // The organisation must be able to answer: "bel me maar" is no way to reach someone.
        Some("contact")
    } else if message.chars().count() > 1000 {
        Some("bericht")
    } else {
        None
    };
    if let Some(field) = problem {
        return Ok(Some(Saved::Invalid(field)));
    }
    if !state.signup_limiter.allow(&state.db, client).await? {
        return Ok(Some(Saved::Invalid("te-vaak")));
    }
    // Personal data: sealed before it reaches the database.
    let seal = |text: &str| state.sealer.seal(text);
    let (name, contact, message) = (seal(name), seal(contact), seal(message));
    let saved = db::save_signup(&state.db, offer, &name, &contact, &message).await?;
    Ok(saved.map(|_| Saved::Done(())))
}
