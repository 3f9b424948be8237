//! `/organisatie/:id` and `/locatie/:id`: everything that happens at a place in one week, when
//! it is closed, what help they look for, when the space is free, and how to reach them.
//! Printed, it fits one A4 for the notice board, with a QR code back to the page.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use super::found_or_not;
use super::offer::RoleLinks;
use crate::api::get_place;
use crate::i18n::use_texts;
use crate::model::{DayProgramme, PlacePage};

/// `/organisatie/:id`.
#[component]
pub fn OrganisationPage() -> impl IntoView {
    view! { <PlaceFrame soort="organisatie"/> }
}

/// `/locatie/:id`.
#[component]
pub fn LocationPage() -> impl IntoView {
    view! { <PlaceFrame soort="locatie"/> }
}

#[component]
fn PlaceFrame(soort: &'static str) -> impl IntoView {
    let params = use_params_map();
    let id = move || params.read().get("id").unwrap_or_default();
    let page = Resource::new(id, move |id| get_place(soort.to_string(), id));
    let t = use_texts();
    view! {
        <Suspense fallback=move || view! { <p class="loading">{t.loading}</p> }>
            {move || Suspend::new(async move {
                found_or_not(page.await, |p| view! { <Place p/> }.into_any())
            })}
        </Suspense>
    }
}

#[component]
fn Place(p: PlacePage) -> impl IntoView {
    let t = use_texts();
    let is_location = p.location.is_some();
    let empty_week = p.week.iter().all(|d| d.items.is_empty());
    view! {
        <Title text=p.name.clone()/>
        <article class="place-page">
            <p class="breadcrumb"><A href="/">{t.nav_search}</A></p>
            <h1>{p.name.clone()}</h1>
            {is_location.then(|| view! {
                <p class="org"><A href=format!("/organisatie/{}", p.organisation_id)>{p.organisation.clone()}</A></p>
            })}
            {p.location.clone().map(|l| view! {
                <p class="address">
                    {l.address}
                    {l.wijk.map(|w| view! { <br/><span class="wijk">{crate::i18n::fill(t.wijk_prefix, &[&w])}</span> })}
                    {(!l.accessibility.is_empty()).then(|| view! { <br/><span class="access">{l.accessibility}</span> })}
                </p>
            })}
            {(!p.description.is_empty()).then(|| view! { <p class="description">{p.description.clone()}</p> })}
            <section aria-labelledby="week-titel">
                <h2 id="week-titel">{t.place_week}</h2>
                {empty_week.then(|| view! { <p>{t.place_week_empty}</p> })}
                {(!empty_week).then(|| view! {
                    <ol class="week">
                        {p.week.iter().cloned().map(|d| view! { <Day d/> }).collect_view()}
                    </ol>
                })}
            </section>
            {(!p.closed.is_empty()).then(|| view! {
                <section aria-labelledby="dicht-titel">
                    <h2 id="dicht-titel">{t.fact_closed}</h2>
                    <ul class="closed">{p.closed.iter().map(|c| view! { <li>{c.clone()}</li> }).collect_view()}</ul>
                </section>
            })}
            {(!p.free_hours.iter().all(|(_, f)| f.is_empty())).then(|| view! {
                <section class="free-hours" aria-labelledby="vrij-titel">
                    <h2 id="vrij-titel">{t.place_free}</h2>
                    <p class="hint">{t.place_free_note}</p>
                    <dl class="facts">
                        {p.free_hours.iter().filter(|(_, f)| !f.is_empty()).map(|(day, free)| view! {
                            <dt>{day.clone()}</dt><dd>{free.join(", ")}</dd>
                        }).collect_view()}
                    </dl>
                </section>
            })}
            <RoleLinks title=t.roles_title roles=p.roles.clone()/>
            {(!p.locations.is_empty()).then(|| view! {
                <section aria-labelledby="plekken-titel">
                    <h2 id="plekken-titel">{t.where_title}</h2>
                    <ul class="locations">
                        {p.locations.iter().cloned().map(|(id, name, address)| view! {
                            <li><A href=format!("/locatie/{id}")>{name}</A> " " <span class="meta">{address}</span></li>
                        }).collect_view()}
                    </ul>
                </section>
            })}
            <h2>{t.contact_title}</h2>
            <ul class="contact">
                {p.phone.clone().map(|ph| view! { <li><a href=crate::web::tel_href(&ph)>{ph.clone()}</a></li> })}
                {p.email.clone().map(|e| view! { <li><a href=format!("mailto:{e}")>{e.clone()}</a></li> })}
                {p.url.as_deref().and_then(crate::safe::safe_url).map(|u| view! { <li><a href=u.clone() rel="noopener">{t.website}</a></li> })}
            </ul>
            {p.last_verified.clone().map(|v| view! { <p class="verified">{t.verified_on} {v}</p> })}
        </article>
    }
}

#[component]
fn Day(d: DayProgramme) -> impl IntoView {
    let t = use_texts();
    let empty = d.items.is_empty();
    view! {
        <li class="day" class:day-empty=empty>
            <h3>{d.day.clone()}</h3>
            {empty.then(|| view! { <p class="meta">{t.place_day_empty}</p> })}
            <ul>
                {d.items.into_iter().map(|i| view! {
                    <li>
                        <span class="time">{i.time}</span>
                        " "
                        <A href=i.href>{i.name}</A>
                        {i.note.map(|n| view! { <br/><span class="meta">{n}</span> })}
                    </li>
                }).collect_view()}
            </ul>
        </li>
    }
}
