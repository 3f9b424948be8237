//! `/coalities/:id`: one coalition for residents and partners.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::found_or_not;
use crate::api::{coalition, may_change_coalition, AddCoalitionNote, AnswerCoalition};
use crate::auth::csrf_token;
use crate::coalitions::{CoalitionRights, CoalitionView, NotePhoto, OwnPartner};
use crate::components::FieldKit;
use crate::components::PartnerList;
use crate::i18n::{fill, use_texts};

/// The public page of a coalition.
#[component]
pub fn CoalitionPage() -> impl IntoView {
    let t = use_texts();
    let params = use_params_map();
    let query = use_query_map();
    let id = move || params.read().get("id").unwrap_or_default();
    // A change sends the browser back with a fresh `bijgewerkt`: reload then.
    let key = move || (id(), query.read().get("bijgewerkt"));
    let found = Resource::new(key, |(id, _)| coalition(id));
    let rights = Resource::new(key, |(id, _)| may_change_coalition(id));
    view! {
        <Suspense fallback=move || view! { <p class="loading">{t.loading}</p> }>
            {move || Suspend::new(async move {
                let rights = rights.await.unwrap_or_default();
                found_or_not(found.await, |c| view! { <Detail c rights/> }.into_any())
            })}
        </Suspense>
    }
}

#[component]
fn Detail(c: CoalitionView, rights: CoalitionRights) -> impl IntoView {
    let t = use_texts();
    let query = use_query_map();
    let warning = c.funding_days_left.map(|days| {
        if days < 0 {
            t.co_funding_over.to_string()
        } else {
            fill(t.co_funding_warning, &[&days.to_string()])
        }
    });
    let funding = match (c.funding_source.is_empty(), &c.funding_ends_on) {
        (true, None) => None,
        (_, Some(end)) => Some(format!(
            "{} {}",
            c.funding_source,
            fill(t.co_funding_until, &[end])
        )),
        (false, None) => Some(c.funding_source.clone()),
    };
    let id = c.id.to_string();
    let partner_side = rights.change || rights.own.iter().any(|o| o.standing == "accepted");
    let answered = move || match query.read().get("antwoord").as_deref() {
        Some("ja") => Some(t.co_answered_yes),
        Some("nee") => Some(t.co_answered_no),
        Some("stoppen") => Some(t.co_answered_stop),
        _ => None,
    };
    let saved = move || query.read().get("bewaard").is_some();
    view! {
        <Title text=c.name.clone()/>
        <article class="prose coalition">
            <p class="breadcrumb"><A href="/coalities">{t.co_title}</A></p>
            <h1>{c.name.clone()}</h1>
            <p class="meta">
                <span class="kind">{t.co_status} ": " {t.status(&c.status)}</span>
                {(!c.status_reason.is_empty()).then(|| view! { " · " <span id="status-reden">{t.co_reason} ": " {c.status_reason.clone()}</span> })}
            </p>
            {c.quiet.then(|| view! { <p class="notice" id="stil">{t.co_quiet}</p> })}
            {move || saved().then(|| view! { <p class="notice" role="status" id="bewaard">{t.co_saved}</p> })}
            {rights.change.then(|| view! {
                <p><A href=format!("/coalities/{}/bewerken", c.id) attr:class="button-secondary" attr:id="bewerken">{t.co_edit}</A></p>
            })}
            {warning.map(|w| view! { <p class="notice" role="status" id="geld-waarschuwing">{w}</p> })}
            {(partner_side && c.needs_deputy()).then(|| view! {
                <p class="notice" id="tweede-aanspreekpunt">
                    {t.co_one_contact} " "
                    <A href=format!("/coalities/{}/bewerken#tweede", c.id)>{t.co_ask_deputy}</A>
                </p>
            })}
            {(!c.goal.trim().is_empty()).then(|| view! {
                <h2>{t.co_goal}</h2>
                {c.goal.split("\n\n").map(|p| view! { <p>{p.to_string()}</p> }).collect_view()}
            })}
            <h2 id="partners">{t.co_partners}</h2>
            {move || answered().map(|a| view! { <p class="notice" role="status" id="partner-antwoord">{a}</p> })}
            {rights.own.iter().map(|o| view! { <OwnPartnerAnswer coalition=id.clone() own=o.clone()/> }).collect_view()}
            <PartnerList partners=c.partners.clone()/>
            <dl class="facts">
                {(!c.link_person.is_empty()).then(|| view! { <dt>{t.co_link}</dt><dd>{c.link_person.clone()} " " {c.link_contact.clone()}</dd> })}
                {(!c.deputy_person.is_empty()).then(|| view! { <dt>{t.co_deputy}</dt><dd>{c.deputy_person.clone()} " " {c.deputy_contact.clone()}</dd> })}
                {(!c.venue.is_empty()).then(|| view! { <dt>{t.co_venue}</dt><dd>{c.venue.clone()}</dd> })}
                {(c.participants > 0).then(|| view! { <dt>{t.co_participants}</dt><dd>{c.participants}</dd> })}
                {funding.map(|f| view! { <dt>{t.co_funding}</dt><dd><FundingLines lines=c.funding.clone() fallback=f/></dd> })}
            </dl>
            <Notes coalition=c.id notes=c.notes.clone() change=rights.change/>
            {rights.change.then(|| view! { <NoteForm id=c.id.to_string()/> })}
        </article>
    }
}

/// Yes / no to an invitation, or stopping, for a manager of a partner organisation.
#[component]
fn OwnPartnerAnswer(coalition: String, own: OwnPartner) -> impl IntoView {
    let t = use_texts();
    let action = ServerAction::<AnswerCoalition>::new();
    let (text, choices): (String, Vec<(&'static str, &'static str, &'static str)>) =
        match own.standing.as_str() {
            "invited" => (
                fill(t.co_asked, &[&own.name]),
                vec![
                    ("ja", t.co_yes, "button-primary"),
                    ("nee", t.co_no, "button-secondary"),
                ],
            ),
            "accepted" => (
                fill(t.co_member, &[&own.name]),
                vec![("stoppen", t.co_stop, "button-link")],
            ),
            _ => return ().into_any(),
        };
    view! {
        <div class="notice partner-answer">
            <p>{text}</p>
            {choices.into_iter().map(|(value, label, class)| {
                let (coalition, organisation) = (coalition.clone(), own.organisation_id.to_string());
                view! {
                <ActionForm action attr:class="inline-form">
                    <input type="hidden" name="csrf" value=csrf_token()/>
                    <input type="hidden" name="coalitie" value=coalition/>
                    <input type="hidden" name="organisatie" value=organisation/>
                    <input type="hidden" name="antwoord" value=value/>
                    <button type="submit" class=class id=format!("antwoord-{value}")>{label}</button>
                </ActionForm>
            }}).collect_view()}
        </div>
    }
    .into_any()
}

/// "Tellen en vertellen" for the coalition's partners and the gemeente (shown only to them).
#[component]
fn NoteForm(id: String) -> impl IntoView {
    let t = use_texts();
    let query = use_query_map();
    let action = ServerAction::<AddCoalitionNote>::new();
    move || {
        let id = id.clone();
        let q = query.read();
        let bad = q.get("fout").is_some_and(|f| f == "notitie");
        let saved = q.get("genoteerd").is_some();
        let (label, story) = (
            q.get("wat").unwrap_or_default(),
            q.get("verhaal").unwrap_or_default(),
        );
        let kit = FieldKit::new(bad.then_some("verhaal"), t.co_note_bad);
        view! {
            <section class="coalition-note" id="tellen" aria-labelledby="tellen-titel">
                <h2 id="tellen-titel">{t.co_note_title}</h2>
                <p>{t.co_note_lead}</p>
                {saved.then(|| view! { <p class="notice" role="status" id="genoteerd">{t.co_note_saved}</p> })}
                <ActionForm action>
                    <input type="hidden" name="csrf" value=csrf_token()/>
                    <input type="hidden" name="coalitie" value=id.clone()/>
                    {kit.plain_text("wat", t.co_note_label, label)}
                    {kit.plain_text("aantal", t.co_note_number, String::new())}
                    {kit.plain_area("verhaal", t.co_note_story, story, 3)}
                    <fieldset class="outcomes">
                        <legend>{t.oc_legend}</legend>
                        {[("erkend", t.oc_erkend), ("verbonden", t.oc_verbonden), ("opgelucht", t.oc_opgelucht), ("betekenis", t.oc_betekenis)]
                            .into_iter()
                            .map(|(name, label)| {
                                let id = format!("uitkomst-{name}");
                                view! {
                                    <div class="field field-check">
                                        <input type="checkbox" id=id.clone() name=format!("uitkomst[{name}]") value="ja"/>
                                        <label for=id>{label}</label>
                                    </div>
                                }
                            })
                            .collect_view()}
                    </fieldset>
                    <button type="submit" class="button-primary">{t.co_note_send}</button>
                </ActionForm>
            </section>
        }
    }
}

/// The funding lines in words: "Gemeente Utrecht: € 12000, 1 januari 2026 tot 31 maart 2027".
#[component]
pub fn FundingLines(lines: Vec<crate::coalitions::FundingLine>, fallback: String) -> impl IntoView {
    let t = use_texts();
    let lang = crate::i18n::use_lang();
    if lines.is_empty() {
        return view! { <span>{fallback}</span> }.into_any();
    }
    // "2027-03-31" → "31 maart 2027" (chrono is a server crate; this runs in the browser too).
    let day = move |d: &Option<String>| {
        let mut parts = d.as_deref()?.split('-').map(|p| p.parse::<usize>().ok());
        let (year, month, day) = (parts.next()??, parts.next()??, parts.next()??);
        let name = *crate::i18n::months(lang).get(month.checked_sub(1)?)?;
        Some(format!("{day} {name} {year}"))
    };
    view! {
        <ul class="funding">
            {lines.iter().map(|l| {
                let mut parts = Vec::new();
                if let Some(euros) = l.amount_euros {
                    parts.push(fill(t.co_euros, &[&grouped(euros, lang)]));
                }
                if let Some(end) = day(&l.ends_on) {
                    parts.push(match day(&l.starts_on) {
                        Some(start) => format!("{start} {}", fill(t.co_funding_until, &[&end])),
                        None => fill(t.co_funding_until, &[&end]),
                    });
                }
                let text = if parts.is_empty() {
                    l.source.clone()
                } else {
                    fill(t.co_funding_line, &[&l.source, &parts.join(", ")])
                };
                view! { <li>{text}</li> }
            }).collect_view()}
        </ul>
    }
    .into_any()
}

/// 12000 → "12.000" (Dutch) or "12,000" (English).
fn grouped(n: i64, lang: crate::i18n::Lang) -> String {
    let separator = match lang {
        crate::i18n::Lang::Nl => '.',
        crate::i18n::Lang::En => ',',
    };
    let digits = n.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(separator);
        }
        out.push(c);
    }
    if n < 0 {
        out.insert(0, '-');
    }
    out
}

fn outcome_word(t: &'static crate::i18n::Texts, code: &str) -> &'static str {
    match code {
        "erkend" => t.oc_erkend_short,
        "verbonden" => t.oc_verbonden_short,
        "opgelucht" => t.oc_opgelucht_short,
        _ => t.oc_betekenis_short,
    }
}

/// A bar chart of one count over time, drawn on the server as SVG: readable without
/// JavaScript, and described in words for screen readers.
#[component]
fn NotesChart(label: String, points: Vec<(String, i32)>) -> impl IntoView {
    let t = use_texts();
    const WIDTH: f64 = 600.0;
    const HEIGHT: f64 = 160.0;
    const TOP: f64 = 20.0;
    let max = points.iter().map(|p| p.1).max().unwrap_or(0).max(1) as f64;
    let slot = WIDTH / points.len().max(1) as f64;
    let bar = (slot * 0.6).max(2.0);
    let title = fill(t.chart_title, &[&label]);
    let (first, last) = (points.first().cloned(), points.last().cloned());
    let summary = match (&first, &last) {
        (Some(a), Some(b)) => fill(
            t.chart_summary,
            &[&points.len().to_string(), &a.0, &b.0, &b.1.to_string()],
        ),
        _ => String::new(),
    };
    view! {
        <figure class="notes-chart">
            <figcaption id="grafiek-titel">{title.clone()}</figcaption>
            <svg viewBox=format!("0 0 {WIDTH} {}", HEIGHT + 40.0) role="img"
                aria-labelledby="grafiek-titel grafiek-uitleg" xmlns="http://www.w3.org/2000/svg">
                <desc id="grafiek-uitleg">{summary}</desc>
                <line x1="0" y1=HEIGHT + TOP x2=WIDTH y2=HEIGHT + TOP class="axis"/>
                {points.iter().enumerate().map(|(i, (_, n))| {
                    let h = (*n as f64 / max) * HEIGHT;
                    let x = i as f64 * slot + (slot - bar) / 2.0;
                    let y = TOP + HEIGHT - h;
                    view! {
                        <rect x=format!("{x:.1}") y=format!("{y:.1}") width=format!("{bar:.1}") height=format!("{h:.1}") class="bar"/>
                        <text x=format!("{:.1}", x + bar / 2.0) y=format!("{:.1}", y - 4.0) text-anchor="middle" class="value">{*n}</text>
                    }
                }).collect_view()}
                {first.map(|(day, _)| view! { <text x="0" y=HEIGHT + TOP + 18.0 class="day">{day}</text> })}
                {last.filter(|_| points.len() > 1).map(|(day, _)| view! {
                    <text x=WIDTH y=HEIGHT + TOP + 18.0 text-anchor="end" class="day">{day}</text>
                })}
            </svg>
        </figure>
    }
    .into_any()
}

/// "Tellen en vertellen": the chart of the count over time and the notes, newest first; with
/// `change`, each note has a form for its photo.
#[component]
fn Notes(
    coalition: uuid::Uuid,
    notes: Vec<crate::coalitions::NoteView>,
    change: bool,
) -> impl IntoView {
    let t = use_texts();
    view! {
        {(!notes.is_empty()).then(|| view! {
                <h2>{t.co_notes}</h2>
                {crate::coalitions::chart_series(&notes).map(|(label, points)| view! { <NotesChart label points/> })}
                <ul class="notes">
                    {notes.iter().map(|n| {
                        let note = n.id.unwrap_or_default();
                        view! {
                        <li id=format!("notitie-{note}")>
                            <span class="date">{crate::i18n::date_words(&n.written_on)}</span> " "
                            {n.number.map(|x| view! { <strong>{x} " " {n.label.clone()}</strong> " " })}
                            {n.story.clone()}
                            {(!n.outcomes.is_empty()).then(|| view! {
                                <span class="outcome-list">
                                    {n.outcomes.iter().map(|o| view! { " " <span class="chip outcome">{outcome_word(t, o)}</span> }).collect_view()}
                                </span>
                            })}
                            {n.photo.clone().map(|p| view! {
                                <figure class="note-photo">
                                    <img src=NotePhoto::url(coalition, note) alt=p.alt width=p.width height=p.height loading="lazy"/>
                                </figure>
                            })}
                            {change.then(|| view! { <PhotoForm coalition note has_photo=n.photo.is_some()/> })}
                        </li>
                    }}).collect_view()}
                </ul>
            })}
    }
    .into_any()
}

/// The photo of one note: a plain multipart form (`/coalities/{id}/foto`, served by the
/// server crate), so it works the same with and without JavaScript. Open when it was just
/// used, or when its note was just written.
#[component]
fn PhotoForm(coalition: uuid::Uuid, note: uuid::Uuid, has_photo: bool) -> impl IntoView {
    let t = use_texts();
    let query = use_query_map();
    let q = query.read_untracked();
    let this = q.get("notitie").is_some_and(|n| n == note.to_string())
        || q.get("genoteerd").is_some_and(|n| n == note.to_string());
    let problem = this
        .then(|| match q.get("reden").as_deref() {
            Some("photo_too_big") => Some(t.ph_too_big),
            Some("photo_not_an_image") => Some(t.ph_not_image),
            Some("photo_description") => Some(t.ph_no_alt),
            _ => None,
        })
        .flatten();
    let done = this
        .then(|| match q.get("foto").as_deref() {
            Some("ja") => Some(t.ph_saved),
            Some("weg") => Some(t.ph_removed),
            _ => None,
        })
        .flatten();
    let alt_wrong = q.get("reden").as_deref() == Some("photo_description") && this;
    let file_wrong = problem.is_some() && !alt_wrong;
    let (file, alt, error) = (
        format!("foto-{note}"),
        format!("beschrijving-{note}"),
        format!("foto-fout-{note}"),
    );
    let action = format!("/coalities/{coalition}/foto");
    view! {
        {done.map(|d| view! { <p class="notice" role="status" id="foto-bewaard">{d}</p> })}
        <details class="photo-form" open=this && done.is_none()>
            <summary>{if has_photo { t.ph_change } else { t.ph_add }}</summary>
            <form method="post" action=action.clone() enctype="multipart/form-data">
                <input type="hidden" name="csrf" value=csrf_token()/>
                <input type="hidden" name="notitie" value=note.to_string()/>
                <p class="hint">{t.ph_consent}</p>
                {problem.map(|p| view! { <p class="problem field-problem" id=error.clone() role="alert">{p}</p> })}
                <div class="field">
                    <label for=file.clone()>{t.ph_file}</label>
                    <input type="file" id=file name="foto" accept="image/jpeg,image/png" required
                        aria-invalid=file_wrong.to_string() aria-describedby=file_wrong.then(|| error.clone())/>
                </div>
                <div class="field">
                    <label for=alt.clone()>{t.ph_alt}</label>
                    <input type="text" id=alt name="beschrijving" maxlength="200" required
                        aria-invalid=alt_wrong.to_string() aria-describedby=alt_wrong.then(|| error.clone())/>
                </div>
                <button type="submit" class="button-primary">{t.ph_send}</button>
            </form>
            {has_photo.then(|| view! {
                <form method="post" action=action.clone() enctype="multipart/form-data" class="inline-form">
                    <input type="hidden" name="csrf" value=csrf_token()/>
                    <input type="hidden" name="notitie" value=note.to_string()/>
                    <input type="hidden" name="weghalen" value="ja"/>
                    <button type="submit" class="button-link">{t.ph_remove}</button>
                </form>
            })}
        </details>
    }
    .into_any()
}
