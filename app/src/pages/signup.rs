//! "Ik doe mee": the sign-up form of an offer and its thank-you page.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::NotFound;
use crate::api::{get_offer, SignUp};

fn problem_text(code: &str) -> Option<&'static str> {
    match code {
        "naam" => Some("Vul je naam in (hoogstens 100 tekens)."),
        "contact" => Some("Vul een telefoonnummer of e-mailadres in, zodat ze je kunnen bereiken."),
        "bericht" => Some("Je bericht is te lang. Houd het korter dan 1000 tekens."),
        "te-vaak" => Some("Je hebt net al een paar keer een aanmelding gestuurd. Probeer het over tien minuten nog eens."),
        _ => None,
    }
}

/// `/aanbod/:id/meedoen`: name, how to reach you, a message; nothing else.
#[component]
pub fn SignUpPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let id = move || params.read().get("id").unwrap_or_default();
    let offer = Resource::new(id, get_offer);
    let action = ServerAction::<SignUp>::new();
    view! {
        <Title text="Ik doe mee"/>
        <Suspense fallback=|| view! { <p class="loading">"Even laden..."</p> }>
            {move || Suspend::new(async move {
                let Ok(Some(detail)) = offer.await else { return view! { <NotFound/> }.into_any() };
                let problem = query.read().get("fout").and_then(|f| problem_text(&f));
                let (offer_href, offer_name) = (format!("/aanbod/{}", detail.id), detail.name.clone());
                let intro = format!("Laat {} weten dat je mee wilt doen met: {}.", detail.organisation, detail.name);
                let privacy = format!("Je naam, hoe ze je kunnen bereiken en je bericht gaan alleen naar {}. ", detail.organisation);
                let offer_id = detail.id.to_string();
                view! {
                    <article class="signup">
                        <p class="breadcrumb"><A href=offer_href>{offer_name}</A></p>
                        <h1>"Ik doe mee"</h1>
                        <p>{intro}</p>
                        {problem.map(|p| view! { <p class="problem" role="alert" id="aanmeld-probleem">{p}</p> })}
                        <ActionForm action>
                            <input type="hidden" name="offer" value=offer_id/>
                            <div class="field">
                                <label for="naam">"Je naam"</label>
                                <input id="naam" name="naam" type="text" required maxlength="100" autocomplete="name"/>
                            </div>
                            <div class="field">
                                <label for="contact">"Je telefoonnummer of e-mailadres"</label>
                                <input id="contact" name="contact" type="text" required maxlength="200" autocomplete="tel"/>
                            </div>
                            <div class="field">
                                <label for="bericht">"Wil je iets vertellen of vragen? (mag leeg blijven)"</label>
                                <textarea id="bericht" name="bericht" rows="4" maxlength="1000"></textarea>
                            </div>
                            // Left empty by people; filled by robots.
                            <div class="hp" aria-hidden="true">
                                <label for="website">"Website (niet invullen)"</label>
                                <input id="website" name="website" type="text" tabindex="-1" autocomplete="off"/>
                            </div>
                            <p class="privacy">
                                {privacy}
                                "We gebruiken ze niet voor iets anders en verwijderen ze na zes maanden."
                            </p>
                            <button type="submit" class="button-primary">"Verstuur"</button>
                        </ActionForm>
                    </article>
                }
                .into_any()
            })}
        </Suspense>
    }
}

/// `/aanbod/:id/bedankt`: what happens next, in plain words.
#[component]
pub fn ThanksPage() -> impl IntoView {
    let params = use_params_map();
    let id = move || params.read().get("id").unwrap_or_default();
    let offer = Resource::new(id, get_offer);
    view! {
        <Title text="Bedankt"/>
        <Suspense fallback=|| view! { <p class="loading">"Even laden..."</p> }>
            {move || Suspend::new(async move {
                let Ok(Some(detail)) = offer.await else { return view! { <NotFound/> }.into_any() };
                view! {
                    <article class="thanks">
                        <h1>"Bedankt, je aanmelding is verstuurd"</h1>
                        <p>{format!("{} neemt contact met je op. Dat kan een paar dagen duren.", detail.organisation)}</p>
                        <p>"Hoor je na een week niets? Bel of mail ze dan zelf. De gegevens staan bij het aanbod."</p>
                        <p><A href=format!("/aanbod/{}", detail.id)>"Terug naar het aanbod"</A></p>
                    </article>
                }
                .into_any()
            })}
        </Suspense>
    }
}
