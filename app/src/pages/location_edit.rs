//! `/beheer/locatie/:id` (`nieuw` for a new one): where an organisation is. The wijk and
//! gemeente of the postcode show up while typing (once hydrated) and in the dashboard after
//! saving (always).

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use crate::api::{area_of_postcode, load_location_form, SaveLocation};
use crate::auth::csrf_token;
use crate::components::{FieldKit, IslandBundle};
use crate::i18n::{fill, use_texts, Texts};
use crate::manage::{LocationForm, LOCATION_FIELDS};

fn message(t: &Texts, field: &str) -> &'static str {
    match field {
        "naam" => t.loc_bad_naam,
        "adres" => t.loc_bad_adres,
        "postcode" => t.loc_bad_postcode,
        "plaats" => t.loc_bad_plaats,
        _ => t.loc_bad_long,
    }
}

/// The editor page.
#[component]
pub fn LocationEditPage() -> impl IntoView {
    super::editor_frame(
        load_location_form,
        |e: &mut LocationForm, q| {
            for k in LOCATION_FIELDS {
                e.set(k, q.get(k).unwrap_or_default());
            }
        },
        |form| view! { <Editor form/> },
    )
}

#[component]
fn Editor(form: LocationForm) -> impl IntoView {
    let t = use_texts();
    let action = ServerAction::<SaveLocation>::new();
    let is_new = form.locatie.is_empty();
    let kit = FieldKit::from_query(&LOCATION_FIELDS, move |p| message(t, p));
    let title = if is_new { t.loc_new } else { t.loc_edit };
    view! {
        <Title text=title/>
        <IslandBundle/>
        <article class="signup location-editor">
            <p class="breadcrumb"><A href="/beheer">{t.manage_title}</A></p>
            <h1>{title}</h1>
            {kit.summary(t.ed_bad)}
            <ActionForm action>
                <input type="hidden" name="csrf" value=csrf_token()/>
                <input type="hidden" name="form[locatie]" value=form.locatie.clone()/>
                <input type="hidden" name="form[organisatie]" value=form.organisatie.clone()/>
                {kit.text("naam", t.loc_name, form.naam.clone(), "text")}
                {kit.text("adres", t.loc_address, form.adres.clone(), "text")}
                <PostcodeField value=form.postcode.clone() wrong=kit.problem().is_some_and(|p| p == "postcode")/>
                {kit.text("plaats", t.loc_city, form.plaats.clone(), "text")}
                {kit.select("gelijkvloers", t.loc_step_free, vec![
                    (String::new(), t.loc_step_unknown.to_string()),
                    ("ja".to_string(), t.loc_step_yes.to_string()),
                    ("deels".to_string(), t.loc_step_partly.to_string()),
                    ("nee".to_string(), t.loc_step_no.to_string()),
                ], form.gelijkvloers.clone())}
                {kit.check("lift", t.loc_lift, form.lift == "ja")}
                {kit.check("toilet", t.loc_toilet, form.toilet == "ja")}
                {kit.check("ophalen", t.loc_pick_up, form.ophalen == "ja")}
                {kit.check("ov", t.loc_near_transit, form.ov == "ja")}
                {kit.area("toegankelijk", t.loc_access, form.toegankelijk.clone(), 2)}
                {kit.area("bereikbaar", t.loc_transport, form.bereikbaar.clone(), 2)}
                <button type="submit" class="button-primary">{t.ed_save}</button>
            </ActionForm>
        </article>
    }
}

/// The postcode field and the wijk and gemeente it lies in, following what is typed: an
/// island, the only part of the editor that runs in the browser. `wrong`: the server refused
/// this postcode.
#[island]
fn PostcodeField(value: String, wrong: bool) -> impl IntoView {
    let t = use_texts();
    let postcode = RwSignal::new(value.clone());
    let area = Resource::new(
        move || postcode.get(),
        |p| async move {
            if p.trim().len() < 4 {
                return None;
            }
            area_of_postcode(p).await.ok()
        },
    );
    view! {
        <div class="field">
            <label for="postcode">{t.loc_postcode}</label>
            {wrong.then(|| view! {
                <p class="problem field-problem" id="postcode-fout">{t.loc_bad_postcode}</p>
            })}
            <input id="postcode" name="form[postcode]" type="text" autocomplete="postal-code"
                value=value
                aria-invalid=wrong.to_string()
                aria-describedby="postcode-gebied"
                on:input=move |ev| postcode.set(event_target_value(&ev))/>
            <p id="postcode-gebied" class="hint" aria-live="polite">
                <Transition>
                    {move || Suspend::new(async move {
                        match area.await {
                            Some(Some(a)) => fill(t.loc_area, &[&a.label]),
                            Some(None) => t.loc_area_unknown.to_string(),
                            None => String::new(),
                        }
                    })}
                </Transition>
            </p>
        </div>
    }
}
