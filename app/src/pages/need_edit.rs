//! `/beheer/vraag/:id` (`nieuw` for a new one): what an organisation asks: volunteers,
//! trainers, space. Open needs are what "ik kan iets" and the coalition scan propose.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use crate::api::{load_need_form, SaveNeed};
use crate::auth::csrf_token;
use crate::components::FieldKit;
use crate::domain::{Compensation, Weekday};
use crate::i18n::{use_lang, use_texts, weekdays, Texts};
use crate::manage::{NeedEditor, NEED_FIELDS, NEED_KINDS};

fn message(t: &Texts, field: &str) -> &'static str {
    match field {
        "soort" => t.need_bad_soort,
        "titel" => t.need_bad_titel,
        "beschrijving" => t.need_bad_beschrijving,
        "talenten" => t.need_bad_talenten,
        "tijd" => t.need_bad_tijd,
        "min_leeftijd" | "max_leeftijd" => t.ed_bad_age,
        "aantal" => t.need_bad_aantal,
        "dagen" | "uren" => t.need_bad_when,
        "vergoeding" | "bedrag" => t.need_bad_bedrag,
        "taken" | "niet_taken" | "training" | "begeleiding" | "contact_naam" | "contact_rol" => {
            t.need_bad_long
        }
        _ => t.need_bad_aanbod,
    }
}

/// The editor page.
#[component]
pub fn NeedEditPage() -> impl IntoView {
    super::editor_frame(
        load_need_form,
        |e: &mut NeedEditor, q| {
            for k in NEED_FIELDS {
                e.form.set(k, q.get(k).unwrap_or_default());
            }
        },
        |editor| view! { <Editor editor/> },
    )
}

#[component]
fn Editor(editor: NeedEditor) -> impl IntoView {
    let t = use_texts();
    let action = ServerAction::<SaveNeed>::new();
    let NeedEditor {
        form,
        talents,
        offers,
    } = editor;
    let is_new = form.vraag.is_empty();
    let kit = FieldKit::from_query(&NEED_FIELDS, move |p| message(t, p));
    let kinds = NEED_KINDS
        .iter()
        .map(|k| (k.to_string(), t.need_kind(k).to_string()))
        .collect();
    let talents = talents
        .into_iter()
        .map(|(code, name)| {
            let label = t.talent(&code).map(str::to_string).unwrap_or(name);
            (code, label)
        })
        .collect();
    let offers = std::iter::once((String::new(), t.need_no_offer.to_string()))
        .chain(offers)
        .collect();
    let days = Weekday::CODES
        .iter()
        .zip(weekdays(use_lang()))
        .map(|(code, name)| (code.to_string(), name.to_string()))
        .collect();
    let compensations = Compensation::ALL
        .iter()
        .map(|c| (c.code().to_string(), t.compensation(*c).to_string()))
        .collect();
    let title = if is_new { t.need_new } else { t.need_edit };
    view! {
        <Title text=title/>
        <article class="signup need-editor">
            <p class="breadcrumb"><A href="/beheer">{t.manage_title}</A></p>
            <h1>{title}</h1>
            {kit.summary(t.ed_bad)}
            <ActionForm action>
                <input type="hidden" name="csrf" value=csrf_token()/>
                <input type="hidden" name="form[vraag]" value=form.vraag.clone()/>
                <input type="hidden" name="form[organisatie]" value=form.organisatie.clone()/>
                {kit.select("soort", t.need_kind, kinds, form.soort.clone())}
                {kit.text("titel", t.need_title, form.titel.clone(), "text")}
                {kit.area("beschrijving", t.need_description, form.beschrijving.clone(), 4)}
                {kit.checks("talenten", t.need_talents, talents, form.talenten.clone())}
                {kit.area("taken", t.need_tasks, form.taken.clone(), 3)}
                {kit.area("niet_taken", t.need_not_tasks, form.niet_taken.clone(), 2)}
                {kit.text("tijd", t.need_time, form.tijd.clone(), "text")}
                {kit.checks("dagen", t.need_days, days, form.dagen.clone())}
                {kit.text("uren", t.need_hours, form.uren.clone(), "text")}
                {kit.text("min_leeftijd", t.ed_min_age, form.min_leeftijd.clone(), "text")}
                {kit.text("max_leeftijd", t.ed_max_age, form.max_leeftijd.clone(), "text")}
                {kit.text("aantal", t.need_people, form.aantal.clone(), "text")}
                {kit.area("training", t.need_training, form.training.clone(), 2)}
                {kit.area("begeleiding", t.need_support, form.begeleiding.clone(), 2)}
                {kit.select("vergoeding", t.need_compensation, compensations, form.vergoeding.clone())}
                {kit.text("bedrag", t.need_allowance, form.bedrag.clone(), "text")}
                {kit.check("uitkering", t.need_benefit_cleared, form.uitkering == "ja")}
                {kit.text("contact_naam", t.need_contact_name, form.contact_naam.clone(), "text")}
                {kit.text("contact_rol", t.need_contact_role, form.contact_rol.clone(), "text")}
                {kit.select("aanbod", t.need_offer, offers, form.aanbod.clone())}
                {kit.check("open", t.need_open, form.open == "ja")}
                <button type="submit" class="button-primary">{t.ed_save}</button>
            </ActionForm>
        </article>
    }
}
