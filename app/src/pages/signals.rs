//! `/beheer/signalen`: per wijk, where needs went unmet in a quarter, which talents wait and
//! what people searched for in vain, for the gemeente's coordinators. Counts only; under 5
//! reads "<5". The map is drawn by `kaart.js`; every number is also in the tables, which work
//! without JavaScript, and each links to something to do about it.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

use crate::api::signals;
use crate::components::json_text;
use crate::i18n::{fill, use_texts, Texts};
use crate::signals::{Shown, SignalsView, Spread, WijkSignals};
use crate::web::encode;

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
                    super::behind_login(data.await, 403, |view| view! { <Dashboard view/> }.into_any())
                })}
            </Suspense>
        </article>
    }
}

/// "↑ 3", "↓ 2", "=" or "—" (no change may be shown).
fn change(c: Option<i64>) -> String {
    match c {
        Some(n) if n > 0 => format!("↑ {n}"),
        Some(n) if n < 0 => format!("↓ {}", -n),
        Some(_) => "=".to_string(),
        None => "—".to_string(),
    }
}

/// "2026-10-01" as "1 oktober 2026" (as it came, when it is no date).
fn in_words(iso: &str) -> String {
    let lang = crate::i18n::use_lang();
    let mut parts = iso.splitn(3, '-');
    let (Some(year), Some(month), Some(day)) = (parts.next(), parts.next(), parts.next()) else {
        return iso.to_string();
    };
    let (Ok(month), Ok(day)) = (month.parse::<usize>(), day.parse::<u32>()) else {
        return iso.to_string();
    };
    match crate::i18n::months(lang).get(month.wrapping_sub(1)) {
        Some(name) => format!("{day} {name} {year}"),
        None => iso.to_string(),
    }
}

/// The search page for a wijk, optionally one leefgebied.
fn offers_in(wijk: &str, leefgebied: &str) -> String {
    if leefgebied.is_empty() {
        format!("/?wijk={}", encode(wijk))
    } else {
        format!("/?wijk={}&leefgebied={}", encode(wijk), encode(leefgebied))
    }
}

#[component]
fn Dashboard(view: SignalsView) -> impl IntoView {
    let t = use_texts();
    let gemeente = view.gemeente.clone();
    let link = move |period: &str| format!("/beheer/signalen?periode={period}&gemeente={gemeente}");
    let csv = format!(
        "/beheer/signalen.csv?periode={}&gemeente={}",
        view.period.0, view.gemeente
    );
    let current = view.period.0.clone();
    view! {
        <nav aria-label=t.sg_period class="period">
            <form method="get" action="/beheer/signalen" class="period-form">
                {(!view.gemeenten.is_empty()).then(|| {
                    let chosen = view.gemeente.clone();
                    view! {
                        <label for="gemeente">{t.sg_gemeente}</label>
                        <select id="gemeente" name="gemeente">
                            {view.gemeenten.iter().map(|(code, name)| view! {
                                <option value=code.clone() selected=*code == chosen>{name.clone()}</option>
                            }).collect_view()}
                        </select>
                    }
                })}
                {view.gemeenten.is_empty().then(|| view! {
                    <input type="hidden" name="gemeente" value=view.gemeente.clone()/>
                })}
                <label for="periode-kies">{t.sg_choose}</label>
                <select id="periode-kies" name="periode">
                    {view.periods.iter().map(|p| view! {
                        <option value=p.clone() selected=*p == current>{p.clone()}</option>
                    }).collect_view()}
                </select>
                <button type="submit" class="button-secondary">{t.sg_show}</button>
            </form>
            <p>
                <strong id="periode">{t.sg_period} " " {view.period.0.clone()}</strong>
                " (" {in_words(&view.period.1)} " – " {in_words(&view.period.2)} ") · "
                <A href=link(&view.previous) attr:id="vorig">{t.sg_previous}</A>
                {view.next.clone().map(|next| view! { " · " <A href=link(&next) attr:id="volgend">{t.sg_next}</A> })}
                " · " <a href=csv id="csv" download>{t.sg_csv}</a>
            </p>
        </nav>
        <Overview view=view.clone()/>
        <Grid view=view.clone()/>
        <MoreTable view=view.clone()/>
        <Spreads id="gezocht" title=t.sg_gaps lead=t.sg_gaps_lead none=t.sg_gaps_none
            spreads=view.search_gaps.clone() talents=false/>
        <Spreads id="talenten" title=t.sg_talents lead=t.sg_talents_lead none=t.sg_talents_none
            spreads=view.unused_talents.clone() talents=true/>
        <super::knelpunten::Board groups=view.knelpunten.clone()/>
        <p><A href="/coalities/kansen">{t.sg_act}</A> " · " <A href="/wat-we-oplosten">{t.wo_title}</A></p>
    }
    .into_any()
}

/// The three wijken with the most unmet need and the map of all of them.
#[component]
fn Overview(view: SignalsView) -> impl IntoView {
    let t = use_texts();
    let top: Vec<WijkSignals> = view
        .wijken
        .iter()
        .filter(|w| w.no_offer.floor() > 0)
        .take(3)
        .cloned()
        .collect();
    // {"WK034403": [level, name, count]} for kaart.js; built by hand like the markers.
    let levels = {
        let items: Vec<String> = view
            .wijken
            .iter()
            .map(|w| {
                format!(
                    "{}:[{},{},{}]",
                    json_text(&w.wijk_code),
                    w.level,
                    json_text(&w.wijk),
                    json_text(&w.no_offer.text())
                )
            })
            .collect();
        format!("{{{}}}", items.join(","))
    };
    let talents: Vec<Spread> = view.unused_talents.iter().take(3).cloned().collect();
    let rules: Vec<(String, String)> = view
        .knelpunten
        .iter()
        .filter(|k| k.this_quarter.floor() > 0 || !k.items.is_empty())
        .take(3)
        .map(|k| {
            (
                k.name.clone(),
                fill(
                    t.kp_counts,
                    &[&k.this_quarter.text(), &k.previous_quarter.text()],
                ),
            )
        })
        .collect();
    view! {
        <section class="signals-overview" aria-labelledby="top-titel">
            <div>
                <h2 id="top-titel">{t.sg_top}</h2>
                {if top.is_empty() {
                    view! { <p id="top-geen">{t.sg_top_none}</p> }.into_any()
                } else {
                    view! {
                        <ol class="top-wijken" id="top-wijken">
                            {top.into_iter().map(|w| {
                                let offers = offers_in(&w.wijk_code, "");
                                view! {
                                    <li>
                                        <a href=format!("#wijk-{}", w.wijk_code)><strong>{w.wijk.clone()}</strong></a>
                                        ": " {w.no_offer.text()} " · " {change(w.no_offer_change)}
                                        <br/>
                                        <A href=offers>{t.sg_act_offers}</A> " · "
                                        <A href="/coalities/kansen">{t.sg_act_proposals}</A> " · "
                                        <A href="/coalities/nieuw">{t.sg_act_coalition}</A>
                                    </li>
                                }
                            }).collect_view()}
                        </ol>
                    }.into_any()
                }}
            </div>
            <div class="signals-glance">
                <h2 id="wachtend-titel">{t.sg_talents}</h2>
                {if talents.is_empty() {
                    view! { <p>{t.sg_talents_none}</p> }.into_any()
                } else {
                    view! {
                        <ul id="top-talenten">
                            {talents.into_iter().map(|s| view! {
                                <li><strong>{s.label.clone()}</strong> ": " {s.total.text()} " · "
                                    <A href="/coalities/kansen">{t.sg_act_proposals}</A></li>
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }}
                <h2 id="regels-titel">{t.kp_title}</h2>
                {if rules.is_empty() {
                    view! { <p>{t.kp_none}</p> }.into_any()
                } else {
                    view! {
                        <ul id="top-knelpunten">
                            {rules.into_iter().map(|(name, counts)| view! {
                                <li><a href="#knelpunten-titel"><strong>{name}</strong></a> ": " {counts}</li>
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }}
            </div>
            <figure class="signals-map">
                <div class="vlakkenkaart" id="signalen-kaart" role="region" aria-label=t.sg_map
                    data-gemeente=view.gemeente.clone() data-levels=levels></div>
                <figcaption>
                    <span class="legend" aria-hidden="true">
                        <span class="shade-0"></span><span class="shade-1"></span><span class="shade-2"></span>
                        <span class="shade-3"></span><span class="shade-4"></span>
                    </span>
                    {t.sg_legend}
                </figcaption>
            </figure>
        </section>
    }
}

fn topic_name(t: &Texts, code: &str) -> String {
    if code.is_empty() {
        t.sg_other_topic.to_string()
    } else {
        t.leefgebied(code).unwrap_or(code).to_string()
    }
}

/// Wijk × leefgebied: each count links to the offers in that wijk on that topic.
#[component]
fn Grid(view: SignalsView) -> impl IntoView {
    let t = use_texts();
    let columns = view.columns.clone();
    view! {
        <h2 id="raster-titel">{t.sg_grid}</h2>
        <p>{t.sg_grid_lead}</p>
        <div class="table-scroll" role="region" aria-labelledby="raster-titel" tabindex="0">
            <table class="overview-table grid-table" id="raster">
                <caption>{t.sg_grid} " · " {view.period.0.clone()}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t.sg_wijk}</th>
                        <th scope="col">{t.sg_total}</th>
                        <th scope="col">{t.sg_change}</th>
                        {columns.iter().map(|c| view! { <th scope="col">{topic_name(t, c)}</th> }).collect_view()}
                    </tr>
                </thead>
                <tbody>
                    {view.wijken.into_iter().map(|w| {
                        let cells: Vec<(String, Shown)> = columns.iter().cloned().zip(w.cells.iter().copied()).collect();
                        let code = w.wijk_code.clone();
                        view! {
                            <tr id=format!("wijk-{}", w.wijk_code)>
                                <th scope="row">{w.wijk.clone()}</th>
                                <td><A href=offers_in(&code, "")>{w.no_offer.text()}</A></td>
                                <td>{change(w.no_offer_change)}</td>
                                {cells.into_iter().map(|(column, n)| {
                                    let href = offers_in(&code, &column);
                                    view! { <td class:few=n == Shown::Few><A href=href>{n.text()}</A></td> }
                                }).collect_view()}
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

/// Refusals, unanswered help, waiting time, waiting lists and old roles per wijk.
#[component]
fn MoreTable(view: SignalsView) -> impl IntoView {
    let t = use_texts();
    view! {
        <h2 id="meer-titel">{t.sg_more}</h2>
        <div class="table-scroll" role="region" aria-labelledby="meer-titel" tabindex="0">
            <table class="overview-table" id="signalen">
                <caption>{t.sg_more} " · " {view.period.0.clone()}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t.sg_wijk}</th>
                        <th scope="col">{t.sg_full}</th>
                        <th scope="col">{t.sg_unfit}</th>
                        <th scope="col">{t.sg_silent}</th>
                        <th scope="col">{t.sg_unanswered}</th>
                        <th scope="col">{t.sg_waiting}</th>
                        <th scope="col">{t.sg_waiting_list}</th>
                        <th scope="col">{t.sg_old_roles}</th>
                    </tr>
                </thead>
                <tbody>
                    {view.wijken.into_iter().map(|w| {
                        let roles = format!("{}&soort=vrijwilligerswerk", offers_in(&w.wijk_code, ""));
                        view! {
                            <tr>
                                <th scope="row">{w.wijk.clone()}</th>
                                <td>{w.refused_full.text()}</td>
                                <td>{w.refused_unfit.text()}</td>
                                <td>{w.refused_silent.text()}</td>
                                <td>{w.unanswered.text()}</td>
                                <td>{w.waiting_days.map_or_else(|| "—".to_string(), |(m, p)| format!("{m} / {p}"))}</td>
                                <td>{w.waiting_list.text()}</td>
                                <td><A href=roles>{w.old_roles.text()}</A></td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

/// Words searched in vain or talents waiting: the gemeente's total and the wijken from 5 on.
#[component]
fn Spreads(
    id: &'static str,
    title: &'static str,
    lead: &'static str,
    none: &'static str,
    spreads: Vec<Spread>,
    talents: bool,
) -> impl IntoView {
    let t = use_texts();
    view! {
        <section aria-labelledby=format!("{id}-titel")>
            <h2 id=format!("{id}-titel")>{title}</h2>
            <p>{lead}</p>
            {if spreads.is_empty() {
                view! { <p id=format!("{id}-geen")>{none}</p> }.into_any()
            } else {
                view! {
                    <ul class="spread-list" id=id>
                        {spreads.into_iter().map(|s| {
                            let label = if s.label.is_empty() { t.sg_no_topic.to_string() } else { s.label.clone() };
                            let leefgebied = s.code.strip_prefix("leefgebied:").unwrap_or_default().to_string();
                            view! {
                                <li>
                                    <strong>{label}</strong> ": " {s.total.text()}
                                    {(!s.wijken.is_empty()).then(|| view! {
                                        " (" {s.wijken.clone().into_iter().map(|(code, name, n)| {
                                            let href = offers_in(&code, &leefgebied);
                                            view! { <A href=href>{name} ": " {n}</A> " " }
                                        }).collect_view()} ")"
                                    })}
                                    " · "
                                    {if talents {
                                        view! { <A href="/coalities/kansen">{t.sg_act_proposals}</A> }.into_any()
                                    } else {
                                        view! { <A href="/coalities/nieuw">{t.sg_act_coalition}</A> }.into_any()
                                    }}
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
    }
}
