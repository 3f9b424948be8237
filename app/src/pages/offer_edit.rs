//! `/beheer/aanbod/:id` (`nieuw` for a new offer): the offer editor. Every field keeps what was
//! typed when something is wrong, and the Dutch message stands next to that field.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use crate::api::{load_offer_form, preview_offer, SaveOffer};
use crate::auth::csrf_token;
use crate::components::FieldKit;
use crate::i18n::{use_lang, use_texts, weekdays, Texts};
use crate::manage::{OfferEditor, OfferForm, KINDS, LEEFGEBIEDEN, OFFER_FIELDS};

fn message(t: &Texts, field: &str) -> &'static str {
    match field {
        "naam" => t.ed_bad_naam,
        "beschrijving" => t.ed_bad_beschrijving,
        "soort" => t.ed_bad_soort,
        "leefgebied" => t.ed_bad_leefgebied,
        "min_leeftijd" | "max_leeftijd" => t.ed_bad_age,
        "kosten" => t.ed_bad_kosten,
        "dag" | "dag2" | "dag3" => t.ed_bad_dag,
        "van" | "tot" | "van2" | "tot2" | "van3" | "tot3" => t.ed_bad_time,
        "gesloten" => t.ed_bad_closed,
        "talen" => t.ed_bad_languages,
        "locaties" => t.ed_bad_locations,
        "telefoon" => t.ed_bad_telefoon,
        "website" => t.ed_bad_website,
        _ => t.ed_bad_email,
    }
}

/// The editor page.
#[component]
pub fn OfferEditPage() -> impl IntoView {
    super::editor_frame(
        load_offer_form,
        |e: &mut OfferEditor, q| {
            for k in OFFER_FIELDS {
                e.form.set(k, q.get(k).unwrap_or_default());
            }
        },
        |editor| view! { <Editor editor/> },
    )
}

#[component]
fn Editor(editor: OfferEditor) -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let action = ServerAction::<SaveOffer>::new();
    let OfferEditor {
        form,
        languages,
        locations,
    } = editor;
    let is_new = form.aanbod.is_empty();
    // A `&'static str` (the field's own name), so the kit is `Copy`.
    let kit = FieldKit::from_query(&OFFER_FIELDS, move |p| message(t, p));
    let kinds = KINDS.iter().map(|k| (k.to_string(), t.kind(k))).collect();
    let topics = LEEFGEBIEDEN
        .iter()
        .map(|c| (c.to_string(), t.leefgebied(c).unwrap_or(c).to_string()))
        .collect();
    let days = move || -> Vec<(String, String)> {
        std::iter::once((String::new(), t.no_day.to_string()))
            .chain(
                weekdays(lang)
                    .iter()
                    .enumerate()
                    .map(|(i, d)| ((i + 1).to_string(), d.to_string())),
            )
            .collect()
    };
    let title = if is_new { t.ed_new } else { t.ed_edit };
    view! {
        <Title text=title/>
        <article class="signup offer-editor">
            <p class="breadcrumb"><A href="/beheer">{t.manage_title}</A></p>
            <h1>{title}</h1>
            {kit.summary(t.ed_bad)}
            <Preview/>
            <ActionForm action>
                <input type="hidden" name="csrf" value=csrf_token()/>
                <input type="hidden" name="form[aanbod]" value=form.aanbod.clone()/>
                <input type="hidden" name="form[organisatie]" value=form.organisatie.clone()/>
                {kit.text("naam", t.ed_name, form.naam.clone(), "text")}
                {kit.area("beschrijving", t.ed_description, form.beschrijving.clone(), 5)}
                {kit.select("soort", t.ed_kind, kinds, form.soort.clone())}
                {kit.checks("leefgebied", t.ed_topic, topics, form.leefgebied.clone())}
                {kit.text("min_leeftijd", t.ed_min_age, form.min_leeftijd.clone(), "text")}
                {kit.text("max_leeftijd", t.ed_max_age, form.max_leeftijd.clone(), "text")}
                {kit.check("gratis", t.ed_free, form.gratis == "ja")}
                {kit.text("kosten", t.ed_costs, form.kosten.clone(), "text")}
                <fieldset class="slots">
                    <legend>{t.ed_times}</legend>
                    <div class="slot">
                        {kit.select("dag", t.ed_day, days(), form.dag.clone())}
                        {kit.text("van", t.ed_from, form.van.clone(), "text")}
                        {kit.text("tot", t.ed_until, form.tot.clone(), "text")}
                    </div>
                    <div class="slot">
                        {kit.select("dag2", t.ed_day2, days(), form.dag2.clone())}
                        {kit.text("van2", t.ed_from, form.van2.clone(), "text")}
                        {kit.text("tot2", t.ed_until, form.tot2.clone(), "text")}
                    </div>
                    <div class="slot">
                        {kit.select("dag3", t.ed_day3, days(), form.dag3.clone())}
                        {kit.text("van3", t.ed_from, form.van3.clone(), "text")}
                        {kit.text("tot3", t.ed_until, form.tot3.clone(), "text")}
                    </div>
                </fieldset>
                {kit.area("gesloten", t.ed_closed, form.gesloten.clone(), 3)}
                {kit.checks("talen", t.ed_languages, languages, form.talen.clone())}
                {(!locations.is_empty()).then(|| kit.checks("locaties", t.ed_locations, locations, form.locaties.clone()))}
                {kit.text("telefoon", t.ed_phone, form.telefoon.clone(), "tel")}
                {kit.text("email", t.ed_email, form.email.clone(), "text")}
                {kit.text("website", t.ed_website, form.website.clone(), "url")}
                {kit.check("geen_indicatie", t.ed_no_referral, form.geen_indicatie == "ja")}
                {kit.check("uitkering", t.ed_keeps_benefit, form.uitkering == "ja")}
                {kit.check("binnenlopen", t.ed_walk_in, form.binnenlopen == "ja")}
                <p class="actions">
                    <button type="submit" class="button-primary">{t.ed_save}</button>
                    <button type="submit" name="stap" value="voorbeeld" class="button-secondary" id="voorbeeld-knop">{t.ed_preview}</button>
                </p>
            </ActionForm>
        </article>
    }
}

/// After "Voorbeeld bekijken" (`?voorbeeld=ja` with everything typed): the offer's public page
/// as residents would see it, from the same service as the real page, not clickable (`inert`).
#[component]
fn Preview() -> impl IntoView {
    let t = use_texts();
    let params = leptos_router::hooks::use_params_map();
    let query = leptos_router::hooks::use_query_map();
    let draft = move || {
        let q = query.read();
        q.get("voorbeeld").filter(|v| v == "ja")?;
        let mut form = OfferForm {
            aanbod: params
                .read()
                .get("id")
                .filter(|id| id != "nieuw")
                .unwrap_or_default(),
            organisatie: q.get("organisatie").unwrap_or_default(),
            ..Default::default()
        };
        for k in OFFER_FIELDS {
            form.set(k, q.get(k).unwrap_or_default());
        }
        Some(form)
    };
    let page = Resource::new(draft, |draft| async move {
        match draft {
            Some(form) => preview_offer(form).await.ok().flatten(),
            None => None,
        }
    });
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                page.await.map(|detail| view! {
                    // `data-open-here`: without a reload pagina.js opens the page here (the
                    // redirect's #voorbeeld does not survive a fetch).
                    <section class="preview" id="voorbeeld" data-open-here="" aria-labelledby="voorbeeld-titel">
                        <h2 id="voorbeeld-titel">{t.ed_preview_title}</h2>
                        <p class="notice">{t.ed_preview_note}</p>
                        <div class="preview-page" inert>
                            <super::offer::Detail detail nearby=Vec::new() preview=true/>
                        </div>
                    </section>
                })
            })}
        </Suspense>
    }
}
