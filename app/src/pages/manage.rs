//! `/beheer`: a provider's organisations, offers, waiting lists and sign-ups; the overdue list
//! of a coordinator.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

use crate::api::{
    dashboard, ConfirmStillCorrect, InviteTalent, InviteUser, LogOut, MoveHelpAnswer,
    PublishWaitingListNeed, SetSignupStatus, SetWaitingList,
};
use crate::auth::csrf_token;
use crate::domain::NOT_NOW_REASONS;
use crate::i18n::{fill, use_texts};
use crate::manage::{DashboardView, HelpView, OfferLine, OrgView, ReachableView, SignupView};

/// The dashboard; anonymous visitors go to the login page.
#[component]
pub fn ManagePage() -> impl IntoView {
    let t = use_texts();
    // Changes send the browser back to `/beheer?bijgewerkt=...`: a new query reloads the data.
    let query = use_query_map();
    let data = Resource::new(move || query.read().get("bijgewerkt"), |_| dashboard());
    view! {
        <Title text=t.manage_title/>
        <Suspense fallback=move || view! { <p class="loading">{t.loading}</p> }>
            {move || Suspend::new(async move {
                super::behind_login(data.await, 500, |d| view! { <Dashboard d/> }.into_any())
            })}
        </Suspense>
    }
}

#[component]
fn Dashboard(d: DashboardView) -> impl IntoView {
    let t = use_texts();
    let query = use_query_map();
    let published = move || query.read().get("gepubliceerd").is_some();
    let bad_waiting = move || query.read().get("fout").is_some_and(|f| f == "wachtlijst");
    let bad_places = move || query.read().get("fout").is_some_and(|f| f == "plaatsen");
    let logout = ServerAction::<LogOut>::new();
    let is_provider = d.me.role == crate::auth::Role::Provider;
    let is_moderator = crate::auth::MODERATORS.contains(&d.me.role);
    let is_professional = d.me.role == crate::auth::Role::Professional;
    let registered = move || query.read().get("aangemeld").is_some();
    let invited = move || query.read().get("uitgenodigd").is_some();
    let invite_problem = move || match query.read().get("fout").as_deref() {
        Some("uitnodiging") => Some(t.inv_bad),
        Some("bestaat") => Some(t.inv_exists),
        _ => None,
    };
    let claimed = move || query.read().get("geclaimd").is_some();
    let help_problem = move || match query.read().get("fout").as_deref() {
        Some("status") => Some(t.help_bad_status),
        Some("reden") => Some(t.help_bad_reason),
        Some("geplaatst") => Some(t.help_bad_placed),
        Some("uitnodiging-bericht") => Some(t.reach_bad_message),
        Some("uitnodiging-weg") => Some(t.reach_gone),
        Some("uitnodiging-te-vaak") => Some(t.reach_too_often),
        _ => None,
    };
    view! {
        <article class="manage">
            <h1>{t.manage_title}</h1>
            <p>{fill(t.manage_hello, &[&d.me.email])}</p>
            <ActionForm action=logout>
                <input type="hidden" name="csrf" value=csrf_token()/>
                <button type="submit" class="button-link" id="uitloggen">{t.logout_button}</button>
            </ActionForm>
            <nav class="manage-links" aria-label=t.manage_links>
                <ul class="chips">
                    {is_provider.then(|| view! {
                        <li><A href="/beheer/nieuwe-organisatie" attr:class="chip">{t.reg_title}</A></li>
                        <li><A href="/beheer/claimen" attr:class="chip">{t.claim_title}</A></li>
                    })}
                    {is_moderator.then(|| view! { <li><A href="/beheer/moderatie" attr:class="chip">{t.mod_title}</A></li> })}
                    {is_moderator.then(|| view! { <li><A href="/beheer/coalities" attr:class="chip" attr:id="naar-coalities">{t.ov_title}</A></li> })}
                    {is_moderator.then(|| view! { <li><A href="/beheer/signalen" attr:class="chip" attr:id="naar-signalen">{t.sg_title}</A></li> })}
                    {is_moderator.then(|| view! { <li><A href="/beheer/teams" attr:class="chip" attr:id="naar-teams">{t.teams_title}</A></li> })}
                    {is_professional.then(|| view! { <li><A href="/wijkteam" attr:class="chip" attr:id="naar-wijkteam">{t.ws_title}</A></li> })}
                    {(!is_professional).then(|| view! { <li><A href="/beheer/sleutels" attr:class="chip" attr:id="naar-sleutels">{t.keys_title}</A></li> })}
                </ul>
            </nav>
            <Show when=invited>
                <p class="notice" role="status" id="uitgenodigd">{t.inv_done}</p>
            </Show>
            {move || invite_problem().map(|p| view! { <p class="problem" role="alert">{p}</p> })}
            <Show when=registered>
                <p class="notice" role="status" id="aangemeld">{t.reg_done}</p>
            </Show>
            <Show when=claimed>
                <p class="notice" role="status" id="geclaimd">{t.claim_done}</p>
            </Show>
            <Show when=published>
                <p class="notice" role="status" id="oproep-geplaatst">{t.manage_published}</p>
            </Show>
            <Show when=bad_waiting>
                <p class="problem" role="alert" id="wachtlijst-probleem">{t.manage_bad_waiting}</p>
            </Show>
            <Show when=bad_places>
                <p class="problem" role="alert" id="plaatsen-probleem">{t.manage_bad_places}</p>
            </Show>
            {move || help_problem().map(|p| view! { <p class="problem" role="alert" id="hulp-probleem">{p}</p> })}
            {is_provider.then(|| view! { <Helpers list=d.helpers/> })}
            {(is_provider && !d.reachable.is_empty()).then(|| view! { <Reachable list=d.reachable/> })}
            {d.organisations.is_empty().then(|| view! { <p>{t.manage_no_orgs}</p> })}
            {d.organisations.into_iter().map(|o| view! { <Organisation o/> }).collect_view()}
            {(is_provider || d.me.role == crate::auth::Role::Coordinator).then(|| view! { <Referrals list=d.referrals/> })}
            {is_provider.then(|| view! { <Signups list=d.signups/> })}
            {is_moderator.then(|| view! { <Invite/> })}
        </article>
    }
}

#[component]
fn Organisation(o: OrgView) -> impl IntoView {
    let t = use_texts();
    let confirm = ServerAction::<ConfirmStillCorrect>::new();
    let checked = match &o.last_verified {
        Some(d) => fill(t.manage_checked, &[&crate::i18n::date_words(d)]),
        None => t.manage_never.to_string(),
    };
    let heading = format!("org-{}", o.id);
    let labelled_by = heading.clone();
    view! {
        <section class="manage-org" aria-labelledby=labelled_by data-org=o.id.to_string()>
            <h2 id=heading>{o.name.clone()}</h2>
            <p>{checked}</p>
            // Waiting for approval: say so, and there is nothing to confirm yet.
            {if o.pending {
                view! { <p class="notice" id=format!("wacht-{}", o.id)>{t.manage_pending}</p> }.into_any()
            } else {
                view! {
                    {o.hidden.then(|| view! { <p class="problem">{t.manage_hidden}</p> })}
                    {(o.overdue && !o.hidden).then(|| view! { <p class="notice">{t.manage_overdue}</p> })}
                    <ActionForm action=confirm>
                        <input type="hidden" name="csrf" value=csrf_token()/>
                        <input type="hidden" name="organisatie" value=o.id.to_string()/>
                        <button type="submit" class="button-primary confirm">{t.manage_confirm}</button>
                    </ActionForm>
                }.into_any()
            }}
            <p><A href=format!("/beheer/aanbod/nieuw?organisatie={}", o.id) attr:class="new-offer">{t.ed_new}</A></p>
            <p><A href=format!("/organisatie/{}", o.id)>{t.manage_public_page}</A></p>
            <ul class="manage-offers">
                {o.offers.into_iter().map(|offer| view! { <Offer offer/> }).collect_view()}
            </ul>
            <h3>{t.manage_locations}</h3>
            <ul class="manage-locations">
                {o.locations.into_iter().map(|l| view! {
                    <li data-location=l.id.to_string()>
                        {l.label} " " <A href=format!("/beheer/locatie/{}", l.id) attr:class="edit-location">{t.ed_edit_link}</A>
                        {(!l.area.is_empty()).then(|| view! { <br/><span class="area">{fill(t.loc_area, &[&l.area])}</span> })}
                    </li>
                }).collect_view()}
            </ul>
            <p><A href=format!("/beheer/locatie/nieuw?organisatie={}", o.id) attr:class="new-location">{t.loc_new}</A></p>
            <h3>{t.manage_needs}</h3>
            <ul class="manage-needs">
                {o.needs.into_iter().map(|n| view! {
                    <li data-need=n.id.to_string()>
                        {n.title} {(!n.open).then(|| view! { " " {t.manage_closed_need} })}
                        " " <A href=format!("/beheer/vraag/{}", n.id) attr:class="edit-need">{t.ed_edit_link}</A>
                    </li>
                }).collect_view()}
            </ul>
            <p><A href=format!("/beheer/vraag/nieuw?organisatie={}", o.id) attr:class="new-need">{t.need_new}</A></p>
        </section>
    }
}

#[component]
fn Offer(offer: OfferLine) -> impl IntoView {
    let t = use_texts();
    let save = ServerAction::<SetWaitingList>::new();
    let publish = ServerAction::<PublishWaitingListNeed>::new();
    let input_id = format!("wachtlijst-{}", offer.id);
    let places_id = format!("plaatsen-{}", offer.id);
    let propose = offer.waiting_list > 0 && !offer.has_open_need;
    view! {
        <li class="manage-offer" data-offer=offer.id.to_string()>
            <A href=format!("/aanbod/{}", offer.id)>{offer.name.clone()}</A>
            " " <A href=format!("/beheer/aanbod/{}", offer.id) attr:class="edit-offer">{t.ed_edit_link}</A>
            <ActionForm action=save attr:class="inline-form">
                <input type="hidden" name="csrf" value=csrf_token()/>
                <input type="hidden" name="aanbod" value=offer.id.to_string()/>
                <label for=places_id.clone()>{t.manage_places}</label>
                <input id=places_id type="number" name="plaatsen" min="0" inputmode="numeric"
                    value=offer.capacity.map(|c| c.to_string()).unwrap_or_default()/>
                <label for=input_id.clone()>{t.manage_waiting}</label>
                <input id=input_id type="number" name="wachtlijst" min="0" inputmode="numeric"
                    value=offer.waiting_list.to_string()/>
                <button type="submit" class="button-link">{t.manage_save}</button>
            </ActionForm>
            {propose.then(|| view! {
                <div class="proposal-need">
                    <p>{fill(t.manage_propose, &[&offer.waiting_list.to_string()])}</p>
                    <ActionForm action=publish>
                        <input type="hidden" name="csrf" value=csrf_token()/>
                        <input type="hidden" name="aanbod" value=offer.id.to_string()/>
                        <button type="submit" class="button-primary publish-need">{t.manage_publish}</button>
                    </ActionForm>
                </div>
            })}
        </li>
    }
}

/// Referrals to the provider's organisations, or escalated to the coordinator.
#[component]
fn Referrals(list: Vec<crate::referrals::ReferralLine>) -> impl IntoView {
    let t = use_texts();
    view! {
        <section class="manage-referrals" aria-labelledby="verwijzingen-titel">
            <h2 id="verwijzingen-titel">{t.mg_referrals}</h2>
            {list.is_empty().then(|| view! { <p>{t.mg_no_referrals}</p> })}
            <ul class="incoming-referrals">
                {list.into_iter().map(|r| view! {
                    <li><A href=format!("/verwijzing/{}", r.id)>{r.target}</A> " · " {t.referral_status(r.status.code())} " · " {crate::i18n::date_words(&r.sent)}</li>
                }).collect_view()}
            </ul>
        </section>
    }
}

#[component]
fn Signups(list: Vec<SignupView>) -> impl IntoView {
    let t = use_texts();
    let new = list.iter().filter(|s| s.status == "nieuw").count();
    view! {
        <section class="manage-signups" aria-labelledby="aanmeldingen-titel">
            <h2 id="aanmeldingen-titel">{t.manage_signups}
                {(new > 0).then(|| view! { " " <span class="badge badge-free" id="nieuwe-aanmeldingen">{fill(t.manage_signups_new, &[&new.to_string()])}</span> })}
            </h2>
            <p>{t.manage_signup_note}</p>
            {list.is_empty().then(|| view! { <p>{t.manage_no_signups}</p> })}
            <ul class="offer-list">
                {list.into_iter().map(|s| {
                    let action = ServerAction::<SetSignupStatus>::new();
                    let select_id = format!("status-{}", s.id);
                    let current = s.status.clone();
                    view! {
                        <li class="offer-card signup-request">
                            <h3>{s.name.clone()} " · " {s.offer.clone()}</h3>
                            <p>{s.contact.clone()} " · " {crate::i18n::date_words(&s.created)}</p>
                            {(!s.message.is_empty()).then(|| view! { <p>{s.message.clone()}</p> })}
                            <ActionForm action attr:class="inline-form">
                                <input type="hidden" name="csrf" value=csrf_token()/>
                                <input type="hidden" name="aanmelding" value=s.id.to_string()/>
                                <label for=select_id.clone()>"Status"</label>
                                <select id=select_id name="status">
                                    {crate::manage::SIGNUP_STATUSES.iter().map(|st| {
                                        let selected = *st == current;
                                        view! { <option value=*st selected=selected>{*st}</option> }
                                    }).collect_view()}
                                </select>
                                <button type="submit" class="button-link">{t.manage_save}</button>
                            </ActionForm>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
}

/// The people who want to help with the organisation's roles, with what to do next. Each
/// move tells the person.
#[component]
fn Helpers(list: Vec<HelpView>) -> impl IntoView {
    let t = use_texts();
    view! {
        <section class="manage-helpers" id="hulp" aria-labelledby="hulp-titel">
            <h2 id="hulp-titel">{t.help_inbox_title}</h2>
            <p>{t.help_inbox_note}</p>
            {list.is_empty().then(|| view! { <p>{t.help_inbox_empty}</p> })}
            <ul class="offer-list">
                {list.into_iter().map(|h| view! { <Helper h/> }).collect_view()}
            </ul>
        </section>
    }
}

#[component]
fn Helper(h: HelpView) -> impl IntoView {
    let t = use_texts();
    let action = ServerAction::<MoveHelpAnswer>::new();
    let (status_id, reason_id) = (
        format!("hulp-status-{}", h.id),
        format!("hulp-reden-{}", h.id),
    );
    let waiting = h
        .waiting_days
        .filter(|d| *d >= 3)
        .map(|d| fill(t.help_waiting_days, &[&d.to_string()]));
    let status_text = match h.status.as_str() {
        "past niet" => format!("{}: {}", t.help_status(&h.status), t.help_reason(&h.reason)),
        other => t.help_status(other).to_string(),
    };
    let can_move = !h.next.is_empty();
    view! {
        <li class="offer-card help-answer" data-status=h.status.clone()>
            <h3>{h.name.clone()} " · " {h.role.clone()}</h3>
            <p class="meta">{h.organisation.clone()} " · " {crate::i18n::date_words(&h.created)} {h.age.map(|a| format!(" · {}", fill(t.help_age, &[&a.to_string()])))}</p>
            <ul class="contact">
                {(!h.email.is_empty()).then(|| view! { <li><a href=format!("mailto:{}", h.email)>{h.email.clone()}</a></li> })}
                {(!h.phone.is_empty()).then(|| view! { <li><a href=crate::web::tel_href(&h.phone)>{h.phone.clone()}</a></li> })}
            </ul>
            {(!h.message.is_empty()).then(|| view! { <p class="message">{h.message.clone()}</p> })}
            <p class="status"><strong>{status_text}</strong></p>
            {waiting.map(|w| view! { <p class="notice">{w}</p> })}
            {can_move.then(|| view! {
                <ActionForm action attr:class="inline-form">
                    <input type="hidden" name="csrf" value=csrf_token()/>
                    <input type="hidden" name="antwoord" value=h.id.to_string()/>
                    <div class="field">
                        <label for=status_id.clone()>{t.help_next}</label>
                        <select id=status_id name="status">
                            {h.next.iter().map(|st| view! { <option value=st.clone()>{t.help_status(st)}</option> }).collect_view()}
                        </select>
                    </div>
                    <div class="field">
                        <label for=reason_id.clone()>{t.help_reason_label}</label>
                        <select id=reason_id name="reden">
                            <option value="">{t.help_reason_none}</option>
                            {NOT_NOW_REASONS.iter().map(|r| view! { <option value=*r>{t.help_reason(r)}</option> }).collect_view()}
                        </select>
                    </div>
                    {h.waiting_list.clone().map(|(offer, waiting)| {
                        let placed_id = format!("hulp-geplaatst-{}", h.id);
                        view! {
                            <div class="field">
                                <label for=placed_id.clone()>{fill(t.help_placed, &[&offer, &waiting.to_string()])}</label>
                                <input id=placed_id name="geplaatst" type="text" inputmode="numeric" maxlength="4"/>
                            </div>
                        }
                    })}
                    <button type="submit" class="button-primary">{t.help_move}</button>
                </ActionForm>
            })}
        </li>
    }
}

/// People nearby who said they may be asked, fitting the organisation's roles; the
/// organisation writes one invitation, the product forwards it.
#[component]
fn Reachable(list: Vec<ReachableView>) -> impl IntoView {
    let t = use_texts();
    let query = use_query_map();
    let sent = move || query.read().get("uitgenodigd-hulp").is_some();
    view! {
        <section class="manage-reachable" id="in-de-buurt" aria-labelledby="in-de-buurt-titel">
            <h2 id="in-de-buurt-titel">{t.reach_title}</h2>
            <p>{t.reach_note}</p>
            <Show when=sent>
                <p class="notice" role="status" id="uitnodiging-verstuurd">{t.reach_sent}</p>
            </Show>
            <ul class="offer-list">
                {list.into_iter().map(|r| {
                    let action = ServerAction::<InviteTalent>::new();
                    let message_id = format!("uitnodiging-{}-{}", r.role_id, r.entry_id);
                    let who = fill(
                        t.reach_person,
                        &[
                            &r.postcode,
                            &r.km,
                            &r.age.map(|a| fill(t.reach_age, &[&a.to_string()])).unwrap_or_default(),
                        ],
                    );
                    let first_line = if r.place.is_empty() {
                        fill(t.reach_suggestion, &[&r.role])
                    } else {
                        fill(t.reach_suggestion_in, &[&r.place, &r.role])
                    };
                    view! {
                        <li class="offer-card reachable">
                            <h3>{r.role.clone()}</h3>
                            <p>{who.trim_end_matches([',', ' ']).to_string()}</p>
                            <p class="meta">{r.talents.join(", ")}</p>
                            <ActionForm action>
                                <input type="hidden" name="csrf" value=csrf_token()/>
                                <input type="hidden" name="rol" value=r.role_id.to_string()/>
                                <input type="hidden" name="iemand" value=r.entry_id.to_string()/>
                                <div class="field">
                                    <label for=message_id.clone()>{t.reach_message}</label>
                                    <textarea id=message_id name="bericht" rows="3" maxlength="500"
                                        prop:value=first_line.clone()>{crate::safe::textarea_text(&first_line)}</textarea>
                                </div>
                                <button type="submit" class="button-primary">{t.reach_send}</button>
                            </ActionForm>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
}

/// Invite a provider or professional (coordinators and admins).
#[component]
fn Invite() -> impl IntoView {
    let t = use_texts();
    let action = ServerAction::<InviteUser>::new();
    view! {
        <section class="manage-invite" aria-labelledby="uitnodigen-titel">
            <h2 id="uitnodigen-titel">{t.inv_title}</h2>
            <ActionForm action>
                <input type="hidden" name="csrf" value=csrf_token()/>
                <div class="field">
                    <label for="uitnodiging-email">{t.login_email}</label>
                    <input id="uitnodiging-email" name="email" type="email" required/>
                </div>
                <div class="field">
                    <label for="uitnodiging-rol">{t.inv_role}</label>
                    <select id="uitnodiging-rol" name="rol">
                        <option value="provider">{t.inv_provider}</option>
                        <option value="professional">{t.inv_professional}</option>
                    </select>
                </div>
                <div class="field">
                    <label for="uitnodiging-organisatie">{t.inv_org}</label>
                    <input id="uitnodiging-organisatie" name="organisatie" type="text"/>
                </div>
                <button type="submit" class="button-primary">{t.inv_send}</button>
            </ActionForm>
        </section>
    }
}
