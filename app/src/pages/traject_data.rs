//! `/wijkteam/traject/:id/gegevens`: everything stored about the person of a traject, to hand
//! over on request (export): in words on the page, the same as a JSON file, and the button
//! that deletes it.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::api::{export_traject, DeleteTraject};
use crate::i18n::{use_lang, use_texts, Texts};
use crate::referrals::{TrajectExport, TrajectForm};

/// The export page.
#[component]
pub fn TrajectDataPage() -> impl IntoView {
    let t = use_texts();
    let params = use_params_map();
    let id = move || params.read().get("id").unwrap_or_default();
    let loaded = Resource::new(id, export_traject);
    let delete = ServerAction::<DeleteTraject>::new();
    view! {
        <Title text=t.ex_title/>
        <Suspense fallback=move || view! { <p class="loading">{t.loading}</p> }>
            {move || Suspend::new(async move {
                match loaded.await {
                    Ok(Some(export)) => view! {
                        <article class="prose traject-data">
                            <p class="breadcrumb"><A href=format!("/wijkteam/traject/{}", id())>{t.tr_back}</A></p>
                            <h1>{t.ex_title}</h1>
                            <p>{t.ex_intro}</p>
                            <Readable export/>
                            <super::traject::DeleteForm id=id() action=delete/>
                        </article>
                    }.into_any(),
                    Ok(None) => view! { <super::NotFound/> }.into_any(),
                    Err(_) => super::to_login(),
                }
            })}
        </Suspense>
    }
}

/// The profile's lines in words: (label, value), the empty ones left out.
fn profile_lines(t: &'static Texts, f: &TrajectForm) -> Vec<(&'static str, String)> {
    let days = crate::i18n::weekdays(use_lang());
    let words = |codes: &[String], label: &dyn Fn(&str) -> Option<&'static str>| {
        codes
            .iter()
            .map(|c| label(c).map(str::to_string).unwrap_or_else(|| c.clone()))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let yes = |v: &str| {
        if v == "ja" {
            t.ex_yes.to_string()
        } else {
            String::new()
        }
    };
    vec![
        (t.tr_name, f.naam.clone()),
        (t.tr_age, f.leeftijd.clone()),
        (t.tr_where, f.waar.clone()),
        (t.tr_needs, words(&f.vragen, &|c| t.leefgebied(c))),
        (t.tr_talents, words(&f.talenten, &|c| t.talent(c))),
        (t.kt_interests, words(&f.graag, &|c| t.talent(c))),
        (t.kt_groups, words(&f.groepen, &|c| t.group(c))),
        (
            t.kt_days,
            words(&f.dagen, &|c| {
                c.parse::<usize>()
                    .ok()
                    .and_then(|n| days.get(n.wrapping_sub(1)).copied())
            }),
        ),
        (t.tr_languages, f.talen.clone()),
        (t.kt_km, f.km.clone()),
        (t.kt_free, yes(&f.gratis)),
        (t.kt_no_referral, yes(&f.zonder_indicatie)),
        (t.kt_keeps_benefit, yes(&f.uitkering)),
        (
            t.kt_getting_there,
            words(&f.vervoer, &|c| match c {
                "rolstoel" => Some(t.kt_wheelchair),
                "geen-fiets" => Some(t.kt_no_bike),
                _ => None,
            }),
        ),
        (t.kt_not_own_wijk, yes(&f.eigen_buurt)),
        (t.tr_most_important, f.belangrijkst.clone()),
        (t.tr_network, f.netwerk.clone()),
        (
            t.tr_plan_field,
            f.stappen
                .iter()
                .map(|s| super::household::step_line(t, s))
                .collect::<Vec<_>>()
                .join("; "),
        ),
        (
            t.tr_household,
            f.gezin
                .iter()
                .map(|m| {
                    let label = super::household::member_label(t, &m.name, m.age);
                    format!("{label} ({})", t.member_role(&m.role))
                })
                .collect::<Vec<_>>()
                .join("; "),
        ),
    ]
    .into_iter()
    .filter(|(_, v)| !v.trim().is_empty())
    .collect()
}

/// The export in words, then the same as a JSON file (folded).
#[component]
fn Readable(export: TrajectExport) -> impl IntoView {
    let t = use_texts();
    let lines = profile_lines(t, &export.form);
    let download = format!(
        "data:application/json;charset=utf-8,{}",
        crate::web::encode(&export.json).replace('+', "%20")
    );
    view! {
        <h2>{t.tr_profile}</h2>
        <dl class="facts" id="gegevens">
            {lines.into_iter().map(|(label, value)| view! { <dt>{label}</dt><dd>{value}</dd> }).collect_view()}
        </dl>
        <h2>{t.ex_referrals}</h2>
        {export.referrals.is_empty().then(|| view! { <p>{t.ex_no_referrals}</p> })}
        {export.referrals.into_iter().map(|r| view! {
            <section class="export-referral">
                <h3>{r.target.clone()}</h3>
                <dl class="facts">
                    <dt>{t.rv_status}</dt><dd>{t.referral_status(r.status.code())}</dd>
                    <dt>{t.rv_wish}</dt><dd>{r.wish.clone()}</dd>
                    {r.shared.iter().map(|(k, v)| view! { <dt>{t.share_item(k)}</dt><dd>{v.clone()}</dd> }).collect_view()}
                    <dt>{t.ex_consent}</dt>
                    <dd>{format!("{} · {}", r.consent_by, crate::i18n::date_words(&r.consent_on))}</dd>
                </dl>
            </section>
        }).collect_view()}
        <details class="export-json">
            <summary>{t.ex_json}</summary>
            <p><a href=download download="traject.json">{t.ex_download}</a></p>
            <pre>{export.json}</pre>
        </details>
    }
}
