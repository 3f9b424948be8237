//! `/beheer/signalen`: per wijk, where needs went unmet this quarter, for the gemeente's
//! coordinators. Counts only; under 5 reads "<5". A table that works without JavaScript.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

use crate::api::signals;
use crate::i18n::use_texts;
use crate::signals::SignalsView;

/// The page; visitors go to the login page, accounts without the right get a 403.
#[component]
pub fn SignalsPage() -> impl IntoView {
    let t = use_texts();
    let query = use_query_map();
    let key = move || {
        let q = query.read();
        (
            q.get("periode").unwrap_or_default(),
            q.get("gemeente").unwrap_or_default(),
        )
    };
    let data = Resource::new(key, |(period, gemeente)| signals(period, gemeente));
    view! {
        <Title text=t.sg_title/>
        <article class="manage signals">
            <p><A href="/beheer">{t.keys_back}</A></p>
            <h1 id="signalen-titel">{t.sg_title}</h1>
            <p>{t.sg_lead}</p>
            <Suspense fallback=move || view! { <p class="loading">{t.loading}</p> }>
                {move || Suspend::new(async move {
                    super::behind_login(data.await, 403, |view| view! { <Table view/> }.into_any())
                })}
            </Suspense>
        </article>
    }
}

#[component]
fn Table(view: SignalsView) -> impl IntoView {
    let t = use_texts();
    let link = |period: &str| {
        format!(
            "/beheer/signalen?periode={period}&gemeente={}",
            view.gemeente
        )
    };
    let change = |c: Option<i64>| match c {
        Some(n) if n > 0 => format!("↑ {n}"),
        Some(n) if n < 0 => format!("↓ {}", -n),
        Some(_) => "=".to_string(),
        None => "—".to_string(),
    };
    view! {
        <nav aria-label=t.sg_period class="period">
            <p>
                <strong id="periode">{t.sg_period} " " {view.period.0.clone()}</strong>
                " (" {view.period.1.clone()} " – " {view.period.2.clone()} ") · "
                <A href=link(&view.previous) attr:id="vorig">{t.sg_previous}</A>
                {view.next.clone().map(|next| view! { " · " <A href=link(&next) attr:id="volgend">{t.sg_next}</A> })}
            </p>
        </nav>
        {if view.wijken.is_empty() {
            view! { <p id="geen-signalen">{t.sg_none}</p> }.into_any()
        } else {
            view! {
                <div class="table-scroll" role="region" aria-labelledby="signalen-titel" tabindex="0">
                    <table class="overview-table" id="signalen">
                        <caption>{t.sg_title} " · " {view.period.0.clone()}</caption>
                        <thead>
                            <tr>
                                <th scope="col">{t.sg_wijk}</th>
                                <th scope="col">{t.sg_no_offer}</th>
                                <th scope="col">{t.sg_change}</th>
                                <th scope="col">{t.sg_full}</th>
                                <th scope="col">{t.sg_unfit}</th>
                                <th scope="col">{t.sg_silent}</th>
                                <th scope="col">{t.sg_unanswered}</th>
                                <th scope="col">{t.sg_waiting}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {view.wijken.iter().map(|w| view! {
                                <tr>
                                    <th scope="row">{w.wijk.clone()}</th>
                                    <td>{w.no_offer.text()}</td>
                                    <td>{change(w.no_offer_change)}</td>
                                    <td>{w.refused_full.text()}</td>
                                    <td>{w.refused_unfit.text()}</td>
                                    <td>{w.refused_silent.text()}</td>
                                    <td>{w.unanswered.text()}</td>
                                    <td>{w.waiting_days.map_or_else(|| "—".to_string(), |(m, p)| format!("{m} / {p}"))}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            }.into_any()
        }}
        {(!view.leefgebieden.is_empty()).then(|| view! {
            <h2>{t.sg_by_area}</h2>
            <ul class="facts-list" id="per-onderwerp">
                {view.leefgebieden.iter().map(|(code, n)| view! {
                    <li>{t.leefgebied(code).unwrap_or(code.as_str()).to_string()} ": " {n.text()}</li>
                }).collect_view()}
            </ul>
        })}
        <p><A href="/coalities/kansen">{t.sg_act}</A></p>
    }
    .into_any()
}
