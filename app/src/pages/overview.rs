//! `/beheer/coalities`: the gemeente's coalitions in one place, for its coordinators: status,
//! partners, link persons, when the money stops, the newest note and the trend; a filter for
//! "loopt af dit kwartaal" and a CSV download of what is shown.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

use crate::api::coalition_overview;
use crate::coalitions::OverviewLine;
use crate::i18n::use_texts;

/// The overview; visitors go to the login page, accounts without the right get a 403.
#[component]
pub fn CoalitionOverviewPage() -> impl IntoView {
    let t = use_texts();
    let query = use_query_map();
    let filter = move || query.read().get("filter").unwrap_or_default();
    let data = Resource::new(filter, coalition_overview);
    view! {
        <Title text=t.ov_title/>
        <article class="manage overview">
            <p><A href="/beheer">{t.keys_back}</A></p>
            <h1>{t.ov_title}</h1>
            <p>{t.ov_lead}</p>
            <nav aria-label=t.ov_title>
                <ul class="chips">
                    <li><A href="/beheer/coalities" attr:class="chip" attr:id="alle">{t.ov_all}</A></li>
                    <li><A href="/beheer/coalities?filter=kwartaal" attr:class="chip" attr:id="dit-kwartaal">{t.ov_quarter}</A></li>
                </ul>
            </nav>
            <p>
                <a href=move || format!("/beheer/coalities.csv?filter={}", filter()) id="csv" download>{t.ov_csv}</a>
            </p>
            <Suspense fallback=move || view! { <p class="loading">{t.loading}</p> }>
                {move || Suspend::new(async move {
                    super::behind_login(data.await, 403, |lines| view! { <Lines lines/> }.into_any())
                })}
            </Suspense>
        </article>
    }
}

#[component]
fn Lines(lines: Vec<OverviewLine>) -> impl IntoView {
    let t = use_texts();
    if lines.is_empty() {
        return view! { <p id="geen-coalities">{t.ov_none}</p> }.into_any();
    }
    let trend = move |code: &str| match code {
        "up" => t.ov_up,
        "down" => t.ov_down,
        "same" => t.ov_same,
        _ => "",
    };
    view! {
        // A wide table scrolls on its own on a phone; the page does not.
        <div class="table-scroll" role="region" aria-labelledby="overzicht-titel" tabindex="0">
            <table class="overview-table">
                <caption id="overzicht-titel">{t.ov_title}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t.ov_name}</th>
                        <th scope="col">{t.co_status}</th>
                        <th scope="col">{t.ov_partners}</th>
                        <th scope="col">{t.ov_links}</th>
                        <th scope="col">{t.ov_money}</th>
                        <th scope="col">{t.ov_latest}</th>
                        <th scope="col">{t.ov_trend}</th>
                    </tr>
                </thead>
                <tbody>
                    {lines.into_iter().map(|l| view! {
                        <tr class:ends-soon=l.ends_this_quarter>
                            <th scope="row"><A href=format!("/coalities/{}", l.id)>{l.name.clone()}</A></th>
                            <td>
                                {t.status(&l.status)}
                                {l.quiet.then(|| view! { <br/><span class="quiet">{t.co_quiet}</span> })}
                            </td>
                            <td>{l.partners.clone()}</td>
                            <td>{l.link_persons.clone()}</td>
                            <td>
                                {l.funding_ends_on.clone().unwrap_or_default()}
                                {l.ends_this_quarter.then(|| view! { <br/><strong class="ends-soon">{t.ov_ends_soon}</strong> })}
                            </td>
                            <td>{l.latest_note.clone().unwrap_or_default()}</td>
                            <td>{trend(&l.trend)}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}
