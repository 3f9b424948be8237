//! `/beheer/aanbod/:id` (`nieuw` for a new offer): the offer editor. Every field keeps what was
//! typed when something is wrong, and the Dutch message stands next to that field.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::api::{load_offer_form, SaveOffer};
use crate::auth::csrf_token;
use crate::i18n::{use_lang, use_texts, weekdays, Texts};
use crate::manage::{OfferForm, KINDS, LEEFGEBIEDEN, OFFER_FIELDS};

fn message(t: &Texts, field: &str) -> &'static str {
    match field {
        "naam" => t.ed_bad_naam,
        "beschrijving" => t.ed_bad_beschrijving,
        "soort" => t.ed_bad_soort,
        "leefgebied" => t.ed_bad_leefgebied,
        "min_leeftijd" | "max_leeftijd" => t.ed_bad_age,
        "kosten" => t.ed_bad_kosten,
        "dag" => t.ed_bad_dag,
        "van" | "tot" => t.ed_bad_time,
        "telefoon" => t.ed_bad_telefoon,
        _ => t.ed_bad_email,
    }
}

/// The editor page.
#[component]
pub fn OfferEditPage() -> impl IntoView {
    let t = use_texts();
    let params = use_params_map();
    let query = use_query_map();
    let id = move || params.read().get("id").unwrap_or_default();
    let loaded = Resource::new(id, |id| async move {
        if id == "nieuw" {
            Ok(Some(OfferForm::default()))
        } else {
            load_offer_form(id).await
        }
    });
    view! {
        <Suspense fallback=move || view! { <p class="loading">{t.loading}</p> }>
            {move || Suspend::new(async move {
                match loaded.await {
                    Ok(Some(mut form)) => {
                        let q = query.read_untracked();
                        let problem = q.get("fout");
                        // Coming back from a problem: show what was typed, not what is stored.
                        if problem.is_some() {
                            for k in OFFER_FIELDS {
                                let v = q.get(k).unwrap_or_default();
                                set_field(&mut form, k, v);
                            }
                        }
                        if form.organisatie.is_empty() {
                            form.organisatie = q.get("organisatie").unwrap_or_default();
                        }
                        if form.aanbod.is_empty() && id() != "nieuw" {
                            form.aanbod = id();
                        }
                        view! { <Editor form problem/> }.into_any()
                    }
                    Ok(None) => view! { <super::NotFound/> }.into_any(),
                    Err(_) => super::to_login(),
                }
            })}
        </Suspense>
    }
}

fn set_field(f: &mut OfferForm, k: &str, v: String) {
    match k {
        "naam" => f.naam = v,
        "beschrijving" => f.beschrijving = v,
        "soort" => f.soort = v,
        "leefgebied" => f.leefgebied = v,
        "min_leeftijd" => f.min_leeftijd = v,
        "max_leeftijd" => f.max_leeftijd = v,
        "gratis" => f.gratis = v,
        "kosten" => f.kosten = v,
        "dag" => f.dag = v,
        "van" => f.van = v,
        "tot" => f.tot = v,
        "telefoon" => f.telefoon = v,
        "email" => f.email = v,
        "geen_indicatie" => f.geen_indicatie = v,
        _ => f.uitkering = v,
    }
}

#[component]
fn Editor(form: OfferForm, problem: Option<String>) -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let action = ServerAction::<SaveOffer>::new();
    let is_new = form.aanbod.is_empty();
    // A `&'static str` (the field's own name), so every helper below is `Copy`.
    let problem: Option<&'static str> = problem
        .as_deref()
        .and_then(|p| OFFER_FIELDS.iter().copied().find(|f| *f == p));
    let wrong = move |field: &str| problem == Some(field);
    let note = move |field: &'static str| {
        wrong(field).then(|| view! { <p class="problem field-problem" id=format!("{field}-fout")>{message(t, field)}</p> })
    };
    let described = move |field: &'static str| wrong(field).then(|| format!("{field}-fout"));
    let text =
        move |field: &'static str, label: &'static str, value: String, kind: &'static str| {
            view! {
                <div class="field">
                    <label for=field>{label}</label>
                    {note(field)}
                    <input id=field name=format!("form[{field}]") type=kind value=value
                        aria-invalid=wrong(field).to_string() aria-describedby=described(field)/>
                </div>
            }
        };
    let check = |field: &'static str, label: &'static str, on: bool| {
        view! {
            <div class="field field-check">
                <input type="checkbox" id=field name=format!("form[{field}]") value="ja" checked=on/>
                <label for=field>{label}</label>
            </div>
        }
    };
    let select = move |field: &'static str,
                       label: &'static str,
                       options: Vec<(String, String)>,
                       chosen: String| {
        view! {
            <div class="field">
                <label for=field>{label}</label>
                {note(field)}
                <select id=field name=format!("form[{field}]") aria-invalid=wrong(field).to_string()
                    aria-describedby=described(field)>
                    {options.into_iter().map(|(v, l)| {
                        let selected = v == chosen;
                        view! { <option value=v selected=selected>{l}</option> }
                    }).collect_view()}
                </select>
            </div>
        }
    };
    let kinds = KINDS.iter().map(|k| (k.to_string(), t.kind(k))).collect();
    let topics = LEEFGEBIEDEN
        .iter()
        .map(|c| (c.to_string(), t.leefgebied(c).unwrap_or(c).to_string()))
        .collect();
    let days = std::iter::once((String::new(), t.no_day.to_string()))
        .chain(
            weekdays(lang)
                .iter()
                .enumerate()
                .map(|(i, d)| ((i + 1).to_string(), d.to_string())),
        )
        .collect();
    let title = if is_new { t.ed_new } else { t.ed_edit };
    view! {
        <Title text=title/>
        <article class="signup offer-editor">
            <p class="breadcrumb"><A href="/beheer">{t.manage_title}</A></p>
            <h1>{title}</h1>
            {problem.is_some().then(|| view! { <p class="problem" role="alert" id="bewerk-probleem">{t.ed_bad}</p> })}
            <ActionForm action>
                <input type="hidden" name="csrf" value=csrf_token()/>
                <input type="hidden" name="form[aanbod]" value=form.aanbod.clone()/>
                <input type="hidden" name="form[organisatie]" value=form.organisatie.clone()/>
                {text("naam", t.ed_name, form.naam.clone(), "text")}
                <div class="field">
                    <label for="beschrijving">{t.ed_description}</label>
                    {note("beschrijving")}
                    <textarea id="beschrijving" name="form[beschrijving]" rows="5"
                        aria-invalid=wrong("beschrijving").to_string()
                        aria-describedby=described("beschrijving")>{form.beschrijving.clone()}</textarea>
                </div>
                {select("soort", t.ed_kind, kinds, form.soort.clone())}
                {select("leefgebied", t.ed_topic, topics, form.leefgebied.clone())}
                {text("min_leeftijd", t.ed_min_age, form.min_leeftijd.clone(), "text")}
                {text("max_leeftijd", t.ed_max_age, form.max_leeftijd.clone(), "text")}
                {check("gratis", t.ed_free, form.gratis == "ja")}
                {text("kosten", t.ed_costs, form.kosten.clone(), "text")}
                {select("dag", t.ed_day, days, form.dag.clone())}
                {text("van", t.ed_from, form.van.clone(), "text")}
                {text("tot", t.ed_until, form.tot.clone(), "text")}
                {text("telefoon", t.ed_phone, form.telefoon.clone(), "tel")}
                {text("email", t.ed_email, form.email.clone(), "text")}
                {check("geen_indicatie", t.ed_no_referral, form.geen_indicatie == "ja")}
                {check("uitkering", t.ed_keeps_benefit, form.uitkering == "ja")}
                <button type="submit" class="button-primary">{t.ed_save}</button>
            </ActionForm>
        </article>
    }
}
