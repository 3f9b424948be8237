//! `/beheer/teams`: the wijkteams of the coordinator's gemeente: make a team, put
//! professionals in it, see how many trajecten wait in each queue.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

use crate::api::{teams_overview, CreateTeam, SetTeamMember};
use crate::auth::csrf_token;
use crate::i18n::{fill, use_texts, Texts};
use crate::teams::{TeamLine, TeamsView, TEAM_KINDS};

fn kind_label(t: &Texts, kind: &str) -> &'static str {
    match kind {
        "gebiedsteam" => t.team_kind_area,
        "sociaal-team" => t.team_kind_social,
        _ => t.team_kind_neighbourhood,
    }
}

/// The page; anonymous visitors go to the login page, others than coordinators get a 403.
#[component]
pub fn TeamsPage() -> impl IntoView {
    let t = use_texts();
    let query = use_query_map();
    let data = Resource::new(move || query.read().get("bijgewerkt"), |_| teams_overview());
    view! {
        <Title text=t.teams_title/>
        <Suspense fallback=move || view! { <p class="loading">{t.loading}</p> }>
            {move || Suspend::new(async move {
                super::behind_login(data.await, 403, |v| view! { <Teams v/> }.into_any())
            })}
        </Suspense>
    }
}

#[component]
fn Teams(v: TeamsView) -> impl IntoView {
    let t = use_texts();
    let query = use_query_map();
    let create = ServerAction::<CreateTeam>::new();
    let q = move |k: &str| query.read().get(k).unwrap_or_default();
    let problem = move || match q("fout").as_str() {
        "naam" => Some(t.team_bad_name),
        "soort" => Some(t.team_bad_kind),
        "telefoon" => Some(t.ed_bad_telefoon),
        "email" => Some(t.ed_bad_email),
        "gemeente" => Some(t.team_bad_gemeente),
        _ => None,
    };
    let made = move || query.read().get("gemaakt").is_some();
    let heading = if v.gemeente.is_empty() {
        t.teams_title.to_string()
    } else {
        fill(t.teams_of, &[&v.gemeente])
    };
    let kinds = TEAM_KINDS;
    view! {
        <article class="manage teams">
            <p class="breadcrumb"><A href="/beheer">{t.manage_title}</A></p>
            <h1>{heading}</h1>
            <p>{t.teams_intro}</p>
            <Show when=made>
                <p class="notice" role="status" id="team-gemaakt">{t.team_made}</p>
            </Show>
            {v.teams.is_empty().then(|| view! { <p>{t.teams_none}</p> })}
            {v.teams.into_iter().map(|team| view! { <Team team/> }).collect_view()}
            <section aria-labelledby="nieuw-team">
                <h2 id="nieuw-team">{t.team_new}</h2>
                {move || problem().map(|p| view! { <p class="problem" role="alert" id="team-probleem">{p}</p> })}
                <ActionForm action=create attr:class="team-form">
                    <input type="hidden" name="csrf" value=csrf_token()/>
                    <div class="field">
                        <label for="team-naam">{t.team_name}</label>
                        <input id="team-naam" name="naam" type="text" required maxlength="80" prop:value=move || q("naam")
                            aria-invalid=move || (q("fout") == "naam").then_some("true")/>
                    </div>
                    <div class="field">
                        <label for="team-soort">{t.team_kind}</label>
                        <select id="team-soort" name="soort">
                            {kinds.iter().map(|k| view! { <option value=*k>{kind_label(t, k)}</option> }).collect_view()}
                        </select>
                    </div>
                    <div class="field">
                        <label for="team-telefoon">{t.team_phone}</label>
                        <input id="team-telefoon" name="telefoon" type="tel" maxlength="30" prop:value=move || q("telefoon")/>
                    </div>
                    <div class="field">
                        <label for="team-email">{t.ed_email}</label>
                        <input id="team-email" name="email" type="email" maxlength="254" prop:value=move || q("email")/>
                    </div>
                    {v.choose_gemeente.then(|| view! {
                        <div class="field">
                            <label for="team-gemeente">{t.team_gemeente}</label>
                            <input id="team-gemeente" name="gemeente" type="text" required maxlength="6" placeholder="GM0344"/>
                        </div>
                    })}
                    <button type="submit" class="button-primary" id="maak-team">{t.team_make}</button>
                </ActionForm>
            </section>
        </article>
    }
}

/// One team: its members, its queue, and a form to put someone in it.
#[component]
fn Team(team: TeamLine) -> impl IntoView {
    let t = use_texts();
    let query = use_query_map();
    let add = ServerAction::<SetTeamMember>::new();
    let id = team.id.to_string();
    let anchor = format!("team-{id}");
    let labelled_by = anchor.clone();
    let this = id.clone();
    let refused = move || {
        let q = query.read();
        q.get("fout").as_deref() == Some("lid") && q.get("team").as_deref() == Some(this.as_str())
    };
    let email_id = format!("lid-email-{id}");
    let lead_id = format!("lid-leider-{id}");
    let contact: Vec<String> = [team.phone.clone(), team.email.clone()]
        .into_iter()
        .filter(|c| !c.is_empty())
        .collect();
    view! {
        <section class="team-card" aria-labelledby=labelled_by>
            <h2 id=anchor>{team.name.clone()}</h2>
            <p>{kind_label(t, &team.kind)} {(!contact.is_empty()).then(|| format!(" · {}", contact.join(" · ")))}</p>
            {(team.queue > 0).then(|| view! { <p class="notice">{fill(t.team_queue, &[&team.queue.to_string()])}</p> })}
            <h3>{t.team_members}</h3>
            {team.members.is_empty().then(|| view! { <p>{t.team_no_members}</p> })}
            <ul>
                {team.members.into_iter().map(|(name, email, lead)| view! {
                    <li>{if name.is_empty() { email.clone() } else { format!("{name} ({email})") }}
                        {lead.then(|| view! { " · " <strong>{t.team_lead}</strong> })}</li>
                }).collect_view()}
            </ul>
            <ActionForm action=add attr:class="member-form">
                <input type="hidden" name="csrf" value=csrf_token()/>
                <input type="hidden" name="team" value=id.clone()/>
                {move || refused().then(|| view! { <p class="problem" role="alert">{t.team_bad_member}</p> })}
                <div class="field">
                    <label for=email_id.clone()>{t.team_member_email}</label>
                    <input id=email_id name="email" type="email" required maxlength="254"/>
                </div>
                <p class="check">
                    <input type="checkbox" id=lead_id.clone() name="leider" value="ja"/>
                    <label for=lead_id>{t.team_member_lead}</label>
                </p>
                <button type="submit" class="button-secondary">{t.team_add}</button>
            </ActionForm>
        </section>
    }
}
