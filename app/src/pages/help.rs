//! "Ik help mee": the form of a role and its thank-you page. Works without JavaScript; a
//! problem comes back with a message next to the field and what was typed.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::NotFound;
use crate::api::{get_role, OfferHelp};
use crate::i18n::{fill, use_texts, Texts};

/// The field a problem code is about ("" for the form as a whole) and what to say.
fn problem_text(code: &str, t: &'static Texts) -> Option<(&'static str, &'static str)> {
    Some(match code {
        "naam" => ("naam", t.help_bad_name),
        "contact" => ("contact", t.help_bad_contact),
        "email" => ("email", t.help_bad_email),
        "telefoon" => ("telefoon", t.help_bad_phone),
        "leeftijd" => ("leeftijd", t.help_bad_age),
        "bericht" => ("bericht", t.help_bad_message),
        "toestemming" => ("toestemming", t.help_bad_consent),
        "te-vaak" => ("", t.signup_too_often),
        "vol" => ("", t.help_full),
        _ => return None,
    })
}

/// One field with its label, and the problem message right under the label when it is this
/// field's (announced by `aria-describedby`); what was typed stays. A missing contact is
/// said at the e-mail field.
#[allow(clippy::too_many_arguments)]
fn field(
    name: &'static str,
    label: &'static str,
    kind: &'static str,
    value: String,
    max: &'static str,
    autocomplete: &'static str,
    problem: Option<(&'static str, &'static str)>,
    hint: Option<&'static str>,
) -> impl IntoView {
    let mine = problem
        .filter(|(f, _)| *f == name || (*f == "contact" && name == "email"))
        .map(|(_, m)| m);
    let described = [
        mine.map(|_| format!("{name}-fout")),
        hint.map(|_| format!("{name}-hint")),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" ");
    let described = (!described.is_empty()).then_some(described);
    let invalid = mine.is_some().to_string();
    let input = if kind == "textarea" {
        view! {
            <textarea id=name name=name rows="3" maxlength=max aria-invalid=invalid
                aria-describedby=described prop:value=value.clone()>{crate::safe::textarea_text(&value)}</textarea>
        }
        .into_any()
    } else {
        view! {
            <input id=name name=name type=kind value=value maxlength=max autocomplete=autocomplete
                aria-invalid=invalid aria-describedby=described/>
        }
        .into_any()
    };
    view! {
        <div class="field">
            <label for=name>{label}</label>
            {hint.map(|h| view! { <p class="hint" id=format!("{name}-hint")>{h}</p> })}
            {mine.map(|m| view! { <p class="problem field-problem" id=format!("{name}-fout")>{m}</p> })}
            {input}
        </div>
    }
}

/// `/vraag/:id/helpen`: first name, e-mail and/or phone, age, a line, consent.
#[component]
pub fn HelpPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let id = move || params.read().get("id").unwrap_or_default();
    let role = Resource::new(id, get_role);
    let action = ServerAction::<OfferHelp>::new();
    let t = use_texts();
    view! {
        <Title text=t.help_title/>
        <Suspense fallback=move || view! { <p class="loading">{t.loading}</p> }>
            // The query is read here, outside the async part, so a hydrated page that comes
            // back with `?fout=` renders its message.
            {move || { let q = query.read().clone(); Suspend::new(async move {
                let Ok(Some(detail)) = role.await else { return view! { <NotFound/> }.into_any() };
                let kept = move |k: &str| q.get(k).unwrap_or_default();
                let code = kept("fout");
                let problem = problem_text(&code, t);
                let filled = detail.role_facts.as_ref().is_some_and(|f| f.filled);
                let consent_problem = problem.filter(|(f, _)| *f == "toestemming").map(|(_, m)| m);
                let org = detail.organisation.clone();
                view! {
                    <article class="signup help-form">
                        <p class="breadcrumb"><A href=format!("/vraag/{}", detail.id)>{detail.name.clone()}</A></p>
                        <h1>{t.help_title}</h1>
                        <p>{fill(t.help_intro, &[&org])}</p>
                        {problem.is_some().then(|| view! {
                            <p class="problem" role="alert" id="help-probleem">{problem.map(|(_, m)| m)}</p>
                        })}
                        {if filled || code == "vol" {
                            view! { <p><A href=format!("/vraag/{}", detail.id)>{t.help_thanks_back}</A></p> }.into_any()
                        } else {
                            view! {
                                <ActionForm action>
                                    <input type="hidden" name="rol" value=detail.id.to_string()/>
                                    {field("naam", t.help_name, "text", kept("naam"), "60", "given-name", problem, None)}
                                    {field("email", t.help_email, "email", kept("email"), "200", "email", problem, Some(t.help_contact_hint))}
                                    {field("telefoon", t.help_phone, "tel", kept("telefoon"), "25", "tel", problem, None)}
                                    {field("leeftijd", t.help_age_label, "text", kept("leeftijd"), "3", "off", problem, None)}
                                    {field("bericht", t.help_message, "textarea", kept("bericht"), "500", "off", problem, None)}
                                    <div class="field field-check">
                                        {consent_problem.map(|m| view! { <p class="problem field-problem" id="toestemming-fout">{m}</p> })}
                                        <input id="toestemming" name="toestemming" type="checkbox" value="ja"
                                            aria-invalid=consent_problem.is_some().to_string()
                                            aria-describedby=consent_problem.map(|_| "toestemming-fout")/>
                                        <label for="toestemming">{fill(t.help_consent, &[&org])}</label>
                                    </div>
                                    // Left empty by people; filled by robots.
                                    <div class="hp" aria-hidden="true">
                                        <label for="website">{t.signup_honeypot}</label>
                                        <input id="website" name="website" type="text" tabindex="-1" autocomplete="off"/>
                                    </div>
                                    <p class="privacy">{fill(t.help_privacy, &[&org])}</p>
                                    <button type="submit" class="button-primary">{t.help_send}</button>
                                </ActionForm>
                            }.into_any()
                        }}
                    </article>
                }
                .into_any()
            })}}
        </Suspense>
    }
}

/// `/vraag/:id/bedankt`: what happens next.
#[component]
pub fn HelpThanksPage() -> impl IntoView {
    let params = use_params_map();
    let id = move || params.read().get("id").unwrap_or_default();
    let role = Resource::new(id, get_role);
    let t = use_texts();
    view! {
        <Title text=t.help_thanks_title/>
        <Suspense fallback=move || view! { <p class="loading">{t.loading}</p> }>
            {move || Suspend::new(async move {
                let Ok(Some(detail)) = role.await else { return view! { <NotFound/> }.into_any() };
                view! {
                    <article class="thanks">
                        <h1>{t.help_thanks_title}</h1>
                        <p>{fill(t.help_thanks_next, &[&detail.organisation])}</p>
                        <p>{t.help_thanks_mail}</p>
                        <p>{t.help_thanks_wait}</p>
                        <p><A href=format!("/vraag/{}", detail.id)>{t.help_thanks_back}</A></p>
                    </article>
                }
                .into_any()
            })}
        </Suspense>
    }
}
