//! The detail page of one offer.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::{set_status, NotFound};
use crate::api::{get_offer, get_role, similar_offers};
use crate::components::{Map, Marker, OfferCard};
use crate::i18n::{fill, use_lang, use_texts, Texts};
use crate::model::{LocationLine, OfferDetail, OfferSummary, RoleFacts, RoleLink};

/// `/aanbod/:id`: an offer (or, for old links, a role).
#[component]
pub fn OfferPage() -> impl IntoView {
    view! { <DetailPage role=false/> }
}

/// `/vraag/:id`: a volunteer role, the page every role link leads to.
#[component]
pub fn RolePage() -> impl IntoView {
    view! { <DetailPage role=true/> }
}

#[component]
fn DetailPage(role: bool) -> impl IntoView {
    let params = use_params_map();
    let id = move || params.read().get("id").unwrap_or_default();
    let offer = Resource::new(id, move |id| async move {
        if role {
            get_role(id).await
        } else {
            get_offer(id).await
        }
    });
    let similar = Resource::new(id, similar_offers);
    let t = use_texts();
    view! {
        <Suspense fallback=move || view! { <p class="loading">{t.loading}</p> }>
            {move || Suspend::new(async move {
                match offer.await {
                    Ok(Some(detail)) => {
                        let nearby = similar.await.unwrap_or_default();
                        view! { <Detail detail nearby/> }.into_any()
                    }
                    Ok(None) => view! { <NotFound/> }.into_any(),
                    Err(_) => {
                        set_status(500);
                        view! { <p class="problem" role="alert">{t.problem_generic}</p> }.into_any()
                    }
                }
            })}
        </Suspense>
    }
}

/// The page of an offer or role; `preview`: the editor's "voorbeeld" of a draft (no title,
/// breadcrumb or report link, and the page's own title stays the editor's).
#[component]
pub(crate) fn Detail(
    detail: OfferDetail,
    nearby: Vec<OfferSummary>,
    #[prop(optional)] preview: bool,
) -> impl IntoView {
    let lang = use_lang();
    let t = lang.texts();
    let d = detail;
    let reported = use_query_map().read_untracked().get("gemeld").is_some();
    let here: Vec<Marker> = d
        .locations
        .iter()
        .filter_map(|l| {
            Some(Marker {
                lat: l.lat?,
                lon: l.lon?,
                name: l.name.clone(),
                href: d.href(),
                distance: String::new(),
            })
        })
        .collect();
    let conditions: Vec<&str> = [
        d.no_referral_needed.then_some(t.no_referral),
        d.keeps_benefit.then_some(t.keeps_benefit),
    ]
    .into_iter()
    .flatten()
    .collect();
    let roles = d.roles.clone();
    let org_name = d.organisation.clone();
    let org_link = match d.organisation_id {
        Some(id) => view! { <A href=format!("/organisatie/{id}")>{org_name}</A> }.into_any(),
        None => org_name.into_any(),
    };
    view! {
        {(!preview).then(|| view! { <Title text=d.name.clone()/> })}
        <article class="offer-detail">
            {(!preview).then(|| view! { <p class="breadcrumb"><A href="/">{t.nav_search}</A></p> })}
            {reported.then(|| view! { <p class="notice" role="status" id="gemeld">{t.report_thanks}</p> })}
            {if preview {
                view! { <h2 class="as-h1">{d.name.clone()}</h2> }.into_any()
            } else {
                view! { <h1>{d.name.clone()}</h1> }.into_any()
            }}
            <p class="org">
                {org_link}
                " · " {d.kind_label.clone()}
            </p>
            {(!d.active).then(|| view! { <p class="notice">{t.detail_paused}</p> })}
            {d.free.then(|| view! { <p class="badge badge-free badge-large">{t.free}</p> })}
            <p class="description">{d.description.clone()}</p>
            // Contact first: on a phone the way to ask is one tap, not at the bottom of a page.
            <Contact name=d.contact_name.clone() phone=d.phone.clone() email=d.email.clone() url=d.url.clone()/>
            {d.role_facts.clone().map(|f| view! { <RoleAnswer id=d.id.to_string() facts=f/> })}
            // How to take part: walk in, sign up here (only where someone reads it), or ask them.
            {(d.active && !d.role).then(|| {
                if d.walk_in {
                    view! { <p class="notice walk-in" id="binnenlopen">{t.walk_in}</p> }.into_any()
                } else if d.takes_signups {
                    view! {
                        <p><A href=format!("/aanbod/{}/meedoen", d.id) attr:class="button-primary button-link-primary" attr:id="ik-doe-mee">{t.join_button}</A></p>
                    }.into_any()
                } else {
                    view! { <p class="notice" id="zelf-vragen">{t.join_ask_them}</p> }.into_any()
                }
            })}
            {d.role_facts.clone().map(|f| view! { <RoleFactList f/> })}
            <dl class="facts">
                {d.ages.clone().map(|a| view! { <dt>{t.fact_for_whom}</dt><dd>{a}</dd> })}
                {(!d.doelgroepen.is_empty()).then(|| view! { <dt>{t.fact_mostly_for}</dt><dd>{d.doelgroepen.join(", ")}</dd> })}
                {(!d.schedule.is_empty()).then(|| view! {
                    <dt>{t.fact_when}</dt>
                    <dd><ul>{d.schedule.iter().map(|s| view! { <li>{s.in_words(lang)}</li> }).collect_view()}</ul></dd>
                })}
                {(!d.closed.is_empty()).then(|| view! {
                    <dt>{t.fact_closed}</dt>
                    <dd><ul class="closed">{d.closed.iter().map(|c| view! { <li>{c.clone()}</li> }).collect_view()}</ul></dd>
                })}
                {(!d.costs.is_empty()).then(|| view! {
                    <dt>{t.fact_cost}</dt>
                    <dd>
                        <ul>{d.costs.iter().map(|c| view! { <li>{c.clone()}</li> }).collect_view()}</ul>
                        {(!d.free).then(|| fund_hint(&d, t))}
                    </dd>
                })}
                {(!conditions.is_empty()).then(|| view! {
                    <dt>{t.fact_needs}</dt>
                    <dd><ul>{conditions.iter().map(|c| view! { <li>{*c}</li> }).collect_view()}</ul></dd>
                })}
                {(!d.eligibility.is_empty()).then(|| view! {
                    <dt>{if d.role { t.fact_role_asks } else { t.fact_good_to_know }}</dt><dd>{d.eligibility.clone()}</dd>
                })}
                {(!d.languages.is_empty()).then(|| view! { <dt>{t.fact_languages}</dt><dd>{d.languages.join(", ")}</dd> })}
                {(!d.leefgebieden.is_empty()).then(|| view! {
                    <dt>{if d.role { t.fact_role_fits } else { t.fact_topics }}</dt><dd>{d.leefgebieden.join(", ")}</dd>
                })}
                {(d.waiting_list > 0).then(|| view! { <dt>{t.fact_waiting}</dt><dd>{fill(t.waiting_count, &[&d.waiting_list.to_string()])}</dd> })}
            </dl>
            <h2>{t.where_title}</h2>
            <ul class="locations">
                {d.locations.iter().cloned().map(|l| view! { <Location l/> }).collect_view()}
            </ul>
            {(!here.is_empty()).then(|| view! { <Map label=t.map_offer_label markers=here small=true/> })}
            {d.last_verified.clone().map(|v| view! { <p class="verified">{t.verified_on} {v}</p> })}
            {d.overdue.then(|| view! { <p class="notice" id="niet-gecontroleerd">{t.detail_overdue}</p> })}
            <RoleLinks title=if d.role { t.roles_other_title } else { t.roles_title } roles/>
            {(!d.role && !preview).then(|| view! { <p class="report"><A href=format!("/aanbod/{}/melden", d.id)>{t.report_link}</A></p> })}
            {(!nearby.is_empty()).then(|| view! {
                <section class="nearby" aria-labelledby="dichtbij-titel">
                    <h2 id="dichtbij-titel">{t.nearby_title}</h2>
                    <ol class="offer-list">
                        {nearby.into_iter().map(|offer| view! { <OfferCard offer/> }).collect_view()}
                    </ol>
                </section>
            })}
        </article>
    }
}

/// Who to ask and how: a large "Bel" button, mail and website; nothing when there is nothing.
#[component]
fn Contact(
    name: Option<String>,
    phone: Option<String>,
    email: Option<String>,
    url: Option<String>,
) -> impl IntoView {
    let t = use_texts();
    let url = url.as_deref().and_then(crate::safe::safe_url);
    if phone.is_none() && email.is_none() && url.is_none() && name.is_none() {
        return ().into_any();
    }
    view! {
        <section class="contact-first" aria-labelledby="contact-titel">
            <h2 id="contact-titel">{t.contact_title}</h2>
            {name.map(|n| view! { <p class="contact-name">{n}</p> })}
            <p class="actions">
                {phone.map(|p| {
                    let tel = crate::web::tel_href(&p);
                    view! { <a href=tel class="button-primary button-link-primary call" id="bel">{fill(t.call_button, &[&p])}</a> }
                })}
                {email.map(|e| view! { <a href=format!("mailto:{e}") class="button-secondary" id="mail">{e.clone()}</a> })}
                {url.map(|u| view! { <a href=u rel="noopener" class="button-secondary">{t.website}</a> })}
            </p>
        </section>
    }
    .into_any()
}

/// The open volunteer roles of an organisation, each linked to its page; nothing when none.
#[component]
pub(crate) fn RoleLinks(title: &'static str, roles: Vec<RoleLink>) -> impl IntoView {
    (!roles.is_empty()).then(|| view! {
        <section class="roles" aria-labelledby="rollen-titel">
            <h2 id="rollen-titel">{title}</h2>
            <ul class="role-links">
                {roles.into_iter().map(|r| view! {
                    <li>
                        <A href=format!("/vraag/{}", r.id)>{r.title}</A>
                        {(!r.time.is_empty()).then(|| view! { <span class="meta">{r.time}</span> })}
                    </li>
                }).collect_view()}
            </ul>
        </section>
    })
}

/// The answer a role page asks for: "ik help mee", or why not now.
#[component]
fn RoleAnswer(id: String, facts: RoleFacts) -> impl IntoView {
    let t = use_texts();
    if facts.filled {
        return view! { <p class="notice" id="rol-vol">{t.role_filled}</p> }.into_any();
    }
    view! {
        <p>
            <A href=format!("/vraag/{id}/helpen") attr:class="button-primary button-link-primary" attr:id="ik-help-mee">
                {t.help_button}
            </A>
        </p>
    }
    .into_any()
}

/// What a role asks and gives, as a list of facts.
#[component]
fn RoleFactList(f: RoleFacts) -> impl IntoView {
    let t = use_texts();
    let when = [f.days.clone(), f.hours.clone()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(", ");
    let places = f.open_places.filter(|_| !f.filled).map(|n| match n {
        1 => t.role_places_one.to_string(),
        n => fill(t.role_places_open, &[&n.to_string()]),
    });
    view! {
        <dl class="facts role-facts">
            {(!f.tasks.is_empty()).then(|| view! { <dt>{t.role_does}</dt><dd>{f.tasks.clone()}</dd> })}
            {(!f.not_tasks.is_empty()).then(|| view! { <dt>{t.role_does_not}</dt><dd>{f.not_tasks.clone()}</dd> })}
            {(!when.is_empty()).then(|| view! { <dt>{t.role_when}</dt><dd>{when}</dd> })}
            {(!f.training.is_empty()).then(|| view! { <dt>{t.role_training}</dt><dd>{f.training.clone()}</dd> })}
            {(!f.support.is_empty()).then(|| view! { <dt>{t.role_support}</dt><dd>{f.support.clone()}</dd> })}
            <dt>{t.role_pay}</dt>
            <dd>
                {f.compensation.clone()}
                {f.benefit.clone().map(|b| view! { <br/><span class="benefit" id="rol-uitkering">{b}</span> })}
            </dd>
            {places.map(|p| view! { <dt>{t.role_places}</dt><dd>{p}</dd> })}
            {f.for_offer.clone().map(|(id, name, waiting)| view! {
                <dt>{t.role_helps}</dt>
                <dd>
                    <A href=format!("/aanbod/{id}")>{
                        if waiting > 0 { fill(t.role_helps_waiting, &[&name, &waiting.to_string()]) } else { name }
                    }</A>
                </dd>
            })}
            {f.contact.clone().map(|c| view! { <dt>{t.role_contact_person}</dt><dd>{c}</dd> })}
        </dl>
    }
}

/// When it costs money: who can help pay (a fund for children, the buurtteam for adults).
fn fund_hint(d: &OfferDetail, t: &'static Texts) -> impl IntoView {
    let for_young = d
        .doelgroepen
        .iter()
        .any(|g| g == "Kinderen" || g == "Jongeren");
    let (text, href) = if for_young {
        (t.fund_young, "/?q=jeugdsportfonds")
    } else {
        (t.fund_adult, "/?q=buurtteam")
    };
    view! { <p class="fund"><a href=href>{text}</a></p> }
}

#[component]
fn Location(l: LocationLine) -> impl IntoView {
    let t = use_texts();
    let route = match (l.lat, l.lon) {
        (Some(lat), Some(lon)) => Some(format!(
            "https://www.openstreetmap.org/directions?to={lat:.5}%2C{lon:.5}"
        )),
        _ => None,
    };
    view! {
        <li>
            <strong>{l.name}</strong>
            <br/>{l.address}
            {l.wijk.map(|w| view! { <br/><span class="wijk">{fill(t.wijk_prefix, &[&w])}</span> })}
            {(!l.accessibility.is_empty()).then(|| view! { <br/><span class="access">{l.accessibility}</span> })}
            {route.map(|r| view! { <br/><a href=r rel="noopener">{t.route_link}</a> })}
            {l.id.map(|id| view! { <br/><A href=format!("/locatie/{id}")>{t.place_all_here}</A> })}
        </li>
    }
}
