//! Server functions of the wijkteam workspace: trajecten, referrals with consent, status,
//! escalation. Every read of a referral is in the audit log; every personal text is sealed
//! before it reaches the database and opened only for someone it was shared with.

use leptos::prelude::*;

use crate::referrals::{
    ReferralForm, ReferralLine, ReferralTarget, ReferralView, TrajectForm, TrajectView,
    WorkspaceView,
};

crate::guard!(
    Workspace,
    crate::auth::Access::Roles(crate::auth::PROFESSIONALS)
);
/// The professional's own trajecten; `None` when not logged in.
#[server]
pub async fn workspace() -> Result<Option<WorkspaceView>, ServerFnError> {
    ssr::workspace()
        .await
        .map_err(crate::Error::into_server_fn_error)
}

crate::guard!(
    LoadTraject,
    crate::auth::Access::Roles(crate::auth::PROFESSIONALS)
);
/// One traject with its suggestions and referrals (`nieuw`: an empty one).
#[server]
pub async fn load_traject(traject: String) -> Result<Option<TrajectView>, ServerFnError> {
    ssr::load_traject(traject)
        .await
        .map_err(crate::Error::into_server_fn_error)
}

crate::guard!(
    SaveTraject,
    crate::auth::Access::Roles(crate::auth::PROFESSIONALS)
);
/// Saves a traject; a problem goes back with `?fout=<veld>`.
#[server]
pub async fn save_traject(csrf: String, form: TrajectForm) -> Result<(), ServerFnError> {
    ssr::save_traject(csrf, form)
        .await
        .map_err(crate::Error::into_server_fn_error)
}

crate::guard!(
    DeleteTraject,
    crate::auth::Access::Roles(crate::auth::PROFESSIONALS)
);
/// Deletes a traject and the personal texts of its referrals (on the person's request).
#[server]
pub async fn delete_traject(csrf: String, traject: String) -> Result<(), ServerFnError> {
    ssr::delete_traject(csrf, traject)
        .await
        .map_err(crate::Error::into_server_fn_error)
}

crate::guard!(
    CloseTraject,
    crate::auth::Access::Roles(crate::auth::PROFESSIONALS)
);
/// Closes a traject: the work is done. Its personal data is deleted after the retention period.
#[server]
pub async fn close_traject(csrf: String, traject: String) -> Result<(), ServerFnError> {
    ssr::close_traject(csrf, traject)
        .await
        .map_err(crate::Error::into_server_fn_error)
}

crate::guard!(
    ExportTraject,
    crate::auth::Access::Roles(crate::auth::PROFESSIONALS)
);
/// Everything stored about the person of a traject, readable (export on request).
#[server]
pub async fn export_traject(traject: String) -> Result<Option<String>, ServerFnError> {
    ssr::export_traject(traject)
        .await
        .map_err(crate::Error::into_server_fn_error)
}

crate::guard!(
    ReferralReceiver,
    crate::auth::Access::Roles(crate::auth::PROFESSIONALS)
);
/// Who a referral to `naar` would go to.
#[server]
pub async fn referral_receiver(naar: String) -> Result<Option<ReferralTarget>, ServerFnError> {
    ssr::referral_receiver(naar)
        .await
        .map_err(crate::Error::into_server_fn_error)
}

crate::guard!(
    SendReferral,
    crate::auth::Access::Roles(crate::auth::PROFESSIONALS)
);
/// Sends a referral: consent first, then the referral, in one transaction.
#[server]
pub async fn send_referral(csrf: String, form: ReferralForm) -> Result<(), ServerFnError> {
    ssr::send_referral(csrf, form)
        .await
        .map_err(crate::Error::into_server_fn_error)
}

crate::guard!(
    LoadReferral,
    crate::auth::Access::Roles(crate::auth::REFERRAL_SIDES)
);
/// A referral as the viewer may see it; `None` when unknown.
#[server]
pub async fn load_referral(verwijzing: String) -> Result<Option<ReferralView>, ServerFnError> {
    ssr::load_referral(verwijzing)
        .await
        .map_err(crate::Error::into_server_fn_error)
}

crate::guard!(
    SetReferralStatus,
    crate::auth::Access::Roles(&[crate::auth::Role::Professional, crate::auth::Role::Provider])
);
/// Moves a referral on (receiver), or stops it (professional).
#[server]
pub async fn set_referral_status(
    csrf: String,
    verwijzing: String,
    status: String,
    reden: Option<String>,
) -> Result<(), ServerFnError> {
    ssr::set_referral_status(csrf, verwijzing, status, reden)
        .await
        .map_err(crate::Error::into_server_fn_error)
}

crate::guard!(
    RevokeConsent,
    crate::auth::Access::Roles(crate::auth::PROFESSIONALS)
);
/// Withdraws consent: the receiver no longer sees the shared items.
#[server]
pub async fn revoke_consent(csrf: String, verwijzing: String) -> Result<(), ServerFnError> {
    ssr::revoke_consent(csrf, verwijzing)
        .await
        .map_err(crate::Error::into_server_fn_error)
}

crate::guard!(
    EscalateReferral,
    crate::auth::Access::Roles(crate::auth::PROFESSIONALS)
);
/// Asks the coordinator of the gemeente to help, with the history attached.
#[server]
pub async fn escalate_referral(csrf: String, verwijzing: String) -> Result<(), ServerFnError> {
    ssr::escalate_referral(csrf, verwijzing)
        .await
        .map_err(crate::Error::into_server_fn_error)
}

crate::guard!(
    TrajectHandout,
    crate::auth::Access::Roles(crate::auth::PROFESSIONALS)
);
/// The printable handout of a traject: the person's name and the referrals still running.
#[server]
pub async fn traject_handout(
    traject: String,
) -> Result<Option<(String, Vec<ReferralView>)>, ServerFnError> {
    ssr::traject_handout(traject)
        .await
        .map_err(crate::Error::into_server_fn_error)
}

crate::guard!(
    TakeUpEscalation,
    crate::auth::Access::Roles(&[crate::auth::Role::Coordinator])
);
/// The coordinator takes up an escalated referral.
#[server]
pub async fn take_up_escalation(csrf: String, verwijzing: String) -> Result<(), ServerFnError> {
    ssr::take_up_escalation(csrf, verwijzing)
        .await
        .map_err(crate::Error::into_server_fn_error)
}

crate::guard!(
    IncomingReferrals,
    crate::auth::Access::Roles(crate::auth::REFERRAL_SIDES)
);
/// Referrals to the provider's organisations, or escalated to the coordinator's gemeente.
#[server]
pub async fn incoming_referrals() -> Result<Vec<ReferralLine>, ServerFnError> {
    ssr::incoming_referrals()
        .await
        .map_err(crate::Error::into_server_fn_error)
}

#[cfg(feature = "ssr")]
pub(crate) use ssr::referrals_for;

#[cfg(feature = "ssr")]
mod ssr {
    use chrono::Utc;
    use index::matching::match_profile;
    use index::Geocoder;
    use uuid::Uuid;

    use crate::api::parse_id as id;
    use crate::auth::{current_user, Me, Role};
    use crate::db::{self, ReferralRecord, TrajectRecord};
    use crate::pages::encode;
    use crate::profile::{catalog, lanes_view, run_match, LanesView};
    use crate::referrals::*;
    use crate::{AppState, Error, Result};

    /// "Not found" as `None`, for reads whose page shows its own 404; other errors stay.
    fn unless_not_found<T>(result: Result<T>) -> Result<Option<T>> {
        match result {
            Ok(found) => Ok(Some(found)),
            Err(Error::NotFound) => Ok(None),
            Err(e) => Err(e),
        }
    }

    async fn me() -> Result<Me> {
        current_user().await?.ok_or(Error::Unauthenticated)
    }

    /// A traject of this professional, opened; others' trajecten do not exist for them.
    async fn own_traject(
        state: &AppState,
        me: &Me,
        traject: Uuid,
    ) -> Result<(TrajectRecord, TrajectForm)> {
        let t = db::traject(&state.db, traject)
            .await?
            .ok_or(Error::NotFound)?;
        if t.professional_id != Some(me.id) {
            return Err(Error::NotFound);
        }
        let form = open_traject(state, &t)?;
        Ok((t, form))
    }

    fn open_traject(state: &AppState, t: &TrajectRecord) -> Result<TrajectForm> {
        let s = &state.sealer;
        let mut form: TrajectForm = match s.open(&t.profile_sealed)?.as_str() {
            "" => TrajectForm::default(),
            json => serde_json::from_str(json).map_err(|_| Error::Sealed)?,
        };
        form.traject = t.id.to_string();
        form.naam = s.open(&t.label_sealed)?;
        form.plan = s.open(&t.plan_sealed)?;
        Ok(form)
    }

    pub async fn workspace() -> Result<Option<WorkspaceView>> {
        let state = AppState::from_context()?;
        if current_user().await?.is_none() {
            return Ok(None);
        }
        let me = crate::auth::me_for::<crate::api::Workspace>().await?;
        let mut trajecten = Vec::new();
        for (t, open) in db::trajecten_of(&state.db, me.id).await? {
            trajecten.push(TrajectLine {
                id: t.id,
                label: state.sealer.open(&t.label_sealed)?,
                open_referrals: open as u32,
                updated: t.updated_at.format("%Y-%m-%d").to_string(),
            });
        }
        Ok(Some(WorkspaceView { trajecten }))
    }

    async fn suggestions(state: &AppState, form: &TrajectForm) -> Result<LanesView> {
        let input = form.profile();
        if input.is_empty() {
            return Ok(LanesView::default());
        }
        match input.parse() {
            Ok(profile) => {
                let (catalog, lanes) =
                    run_match(state, &profile, crate::i18n::Lang::detect()).await?;
                Ok(lanes_view(&catalog, &lanes))
            }
            Err(e) if !e.is_internal() => Ok(LanesView {
                problem: Some(e.user_message()),
                ..Default::default()
            }),
            Err(e) => Err(e),
        }
    }

    pub async fn load_traject(traject: String) -> Result<Option<TrajectView>> {
        let state = AppState::from_context()?;
        let me = me().await?;
        if traject.trim() == "nieuw" {
            return Ok(Some(TrajectView {
                id: Uuid::nil(),
                form: TrajectForm::default(),
                closed: false,
                plan: Vec::new(),
                lanes: LanesView::default(),
                referrals: Vec::new(),
                coalitions: Vec::new(),
            }));
        }
        let Ok(traject) = traject.trim().parse::<Uuid>() else {
            return Ok(None);
        };
        let Some((t, form)) = unless_not_found(own_traject(&state, &me, traject).await)? else {
            return Ok(None);
        };
        let lanes = suggestions(&state, &form).await?;
        let referrals = db::referrals_of_traject(&state.db, t.id)
            .await?
            .into_iter()
            .map(|r| ReferralLine {
                id: r.id,
                target: r.target_name,
                status: r.status,
                sent: r.sent_at.format("%Y-%m-%d").to_string(),
            })
            .collect();
        let coalitions = db::list_coalitions(&state.db, None)
            .await?
            .into_iter()
            .filter(|c| matches!(c.status.as_str(), "forming" | "active"))
            .map(|c| ReferralTarget {
                key: format!("coalitie:{}", c.id),
                name: c.name,
                receiver: c.link_person,
            })
            .collect();
        db::audit(
            &state.db,
            Some(me.id),
            "traject_read",
            "traject",
            &t.id.to_string(),
            "",
        )
        .await?;
        Ok(Some(TrajectView {
            closed: t.status == "closed",
            coalitions,
            id: t.id,
            plan: form
                .plan
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(String::from)
                .collect(),
            form,
            lanes,
            referrals,
        }))
    }

    fn traject_problem(f: &TrajectForm) -> Option<&'static str> {
        let age = f.leeftijd.trim();
        Some(if f.naam.trim().is_empty() || f.naam.chars().count() > 40 {
            "naam"
        } else if !age.is_empty() && !matches!(age.parse::<u8>(), Ok(0..=120)) {
            "leeftijd"
        } else if !f.waar.trim().is_empty() && Geocoder::embedded().locate(f.waar.trim()).is_err() {
            "waar"
        } else if f
            .vragen
            .iter()
            .any(|c| db::term_name("leefgebied", c).is_none())
        {
            "vragen"
        } else if f
            .talenten
            .iter()
            .any(|c| db::term_name("talent", c).is_none())
        {
            "talenten"
        } else if f.netwerk.chars().count() > 500 {
            "netwerk"
        } else if f.plan.chars().count() > 2000 {
            "plan"
        } else {
            return None;
        })
    }

    pub async fn save_traject(csrf: String, mut form: TrajectForm) -> Result<()> {
        let state = AppState::from_context()?;
        let me = crate::auth::require_for::<crate::api::SaveTraject>(&csrf).await?;
        let existing = match form.traject.trim() {
            "" => None,
            t => Some(own_traject(&state, &me, id(t)?).await?.0),
        };
        if let Some(field) = traject_problem(&form) {
            let path = existing
                .as_ref()
                .map(|t| t.id.to_string())
                .unwrap_or_else(|| "nieuw".into());
            // Only the field name and non-personal choices travel in the address; personal
            // texts would end up in logs and browser history.
            leptos_axum::redirect(&format!("/wijkteam/traject/{path}?fout={field}"));
            return Ok(());
        }
        let id = existing.as_ref().map(|t| t.id).unwrap_or_else(Uuid::new_v4);
        form.traject = id.to_string();
        let wijk = Geocoder::embedded()
            .locate(form.waar.trim())
            .ok()
            .and_then(|at| Geocoder::embedded().areas(at).wijk_code);
        let label = state.sealer.seal(form.naam.trim());
        let plan = state.sealer.seal(form.plan.trim());
        let mut profile = form.clone();
        // The label and plan have their own sealed columns.
        profile.naam.clear();
        profile.plan.clear();
        let profile = state
            .sealer
            .seal(&serde_json::to_string(&profile).map_err(|_| Error::Sealed)?);
        db::save_traject(
            &state.db,
            &TrajectRecord {
                id,
                professional_id: Some(me.id),
                label_sealed: label,
                profile_sealed: profile,
                plan_sealed: plan,
                wijk_code: wijk.clone(),
                status: "open".into(),
                updated_at: Utc::now(),
            },
        )
        .await?;
        // Signals, once per traject: leefgebieden asked about without anything suitable nearby.
        if existing.is_none() && !form.vragen.is_empty() {
            let catalog = catalog(&state).await?;
            let mut without = Vec::new();
            for need in &form.vragen {
                let single = TrajectForm {
                    vragen: vec![need.clone()],
                    talenten: Vec::new(),
                    ..form.clone()
                };
                let nothing = match single.profile().parse() {
                    Ok(profile) => match_profile(&catalog, &profile).meedoen.is_empty(),
                    Err(e) if !e.is_internal() => true,
                    Err(e) => return Err(e),
                };
                if nothing {
                    without.push(need.clone());
                }
            }
            if !without.is_empty() {
                db::record_needs_without_offer(&state.db, wijk.as_deref(), &without).await?;
            }
        }
        let action = if existing.is_some() {
            "traject_changed"
        } else {
            "traject_created"
        };
        db::audit(
            &state.db,
            Some(me.id),
            action,
            "traject",
            &id.to_string(),
            "",
        )
        .await?;
        crate::api::redirect_refreshed(&format!("/wijkteam/traject/{id}"), "");
        Ok(())
    }

    pub async fn delete_traject(csrf: String, traject: String) -> Result<()> {
        let state = AppState::from_context()?;
        let me = crate::auth::require_for::<crate::api::DeleteTraject>(&csrf).await?;
        let (t, _) = own_traject(&state, &me, id(&traject)?).await?;
        db::delete_traject(&state.db, t.id).await?;
        db::audit(
            &state.db,
            Some(me.id),
            "traject_deleted",
            "traject",
            &t.id.to_string(),
            "",
        )
        .await?;
        crate::api::redirect_refreshed("/wijkteam", "verwijderd=ja");
        Ok(())
    }

    pub async fn close_traject(csrf: String, traject: String) -> Result<()> {
        let state = AppState::from_context()?;
        let me = crate::auth::require_for::<crate::api::CloseTraject>(&csrf).await?;
        let (t, _) = own_traject(&state, &me, id(&traject)?).await?;
        db::close_traject(&state.db, t.id).await?;
        db::audit(
            &state.db,
            Some(me.id),
            "traject_closed",
            "traject",
            &t.id.to_string(),
            "",
        )
        .await?;
        crate::api::redirect_refreshed(&format!("/wijkteam/traject/{}", t.id), "");
        Ok(())
    }

    pub async fn export_traject(traject: String) -> Result<Option<String>> {
        let state = AppState::from_context()?;
        let me = crate::auth::me_for::<crate::api::ExportTraject>().await?;
        let Ok(traject) = traject.trim().parse::<Uuid>() else {
            return Ok(None);
        };
        let Some((t, form)) = unless_not_found(own_traject(&state, &me, traject).await)? else {
            return Ok(None);
        };
        let mut referrals = Vec::new();
        for r in db::referrals_of_traject(&state.db, t.id).await? {
            referrals.push(view_of(&state, &r, &me, true).await?);
        }
        db::audit(
            &state.db,
            Some(me.id),
            "traject_exported",
            "traject",
            &t.id.to_string(),
            "",
        )
        .await?;
        let export = serde_json::json!({
            "traject": form,
            "verwijzingen": referrals,
        });
        Ok(Some(
            serde_json::to_string_pretty(&export).map_err(|_| Error::Sealed)?,
        ))
    }

    /// Who receives a referral to `naar`: (target, receiving organisation, coalition, offer).
    struct Target {
        view: ReferralTarget,
        organisation: Option<Uuid>,
        service: Option<Uuid>,
        coalition: Option<Uuid>,
        leefgebied: String,
    }

    async fn target(state: &AppState, naar: &str) -> Result<Option<Target>> {
        let (kind, key) = naar.trim().split_once(':').unwrap_or_default();
        let Ok(key) = key.parse::<Uuid>() else {
            return Ok(None);
        };
        Ok(db::referral_target(&state.db, kind, key).await?.map(
            |(name, receiver, organisation, service, coalition, leefgebied)| Target {
                view: ReferralTarget {
                    key: format!("{kind}:{key}"),
                    name,
                    receiver,
                },
                organisation,
                service,
                coalition,
                leefgebied,
            },
        ))
    }

    pub async fn referral_receiver(naar: String) -> Result<Option<ReferralTarget>> {
        let state = AppState::from_context()?;
        Ok(target(&state, &naar).await?.map(|t| t.view))
    }

    fn referral_problem(f: &ReferralForm) -> Option<&'static str> {
        Some(
            if f.wens.trim().is_empty() || f.wens.chars().count() > 1000 {
                "wens"
            } else if f.delen.iter().any(|d| !SHARE_ITEMS.contains(&d.as_str())) {
                "delen"
            } else if f.notitie.chars().count() > 2000 {
                "notitie"
            } else if f.toestemming_door.trim().is_empty()
                || f.toestemming_door.chars().count() > 100
            {
                "toestemming_door"
            } else if f.toestemming != "ja" {
                "toestemming"
            } else if !HANDOVERS.contains(&f.overdracht.as_str()) {
                "overdracht"
            } else if f.overdracht == "afspraak" && f.afspraak.trim().is_empty()
                || f.afspraak.chars().count() > 200
            {
                "afspraak"
            } else {
                return None;
            },
        )
    }

    pub async fn send_referral(csrf: String, form: ReferralForm) -> Result<()> {
        let state = AppState::from_context()?;
        let me = crate::auth::require_for::<crate::api::SendReferral>(&csrf).await?;
        let (t, traject) = own_traject(&state, &me, id(&form.traject)?).await?;
        let Some(target) = target(&state, &form.naar).await? else {
            return Err(Error::NotFound);
        };
        if let Some(field) = referral_problem(&form) {
            let ticked: Vec<String> = form
                .delen
                .iter()
                .map(|d| format!("&delen={}", encode(d)))
                .collect();
            leptos_axum::redirect(&format!(
                "/wijkteam/traject/{}/verwijs?naar={}&fout={field}&overdracht={}{}",
                t.id,
                encode(&form.naar),
                encode(&form.overdracht),
                ticked.join("")
            ));
            return Ok(());
        }
        // Only the items the person agreed to are copied into the referral.
        let talents: Vec<String> = traject
            .talenten
            .iter()
            .filter_map(|c| db::term_name("talent", c))
            .collect();
        let needs: Vec<String> = traject
            .vragen
            .iter()
            .filter_map(|c| db::term_name("leefgebied", c))
            .collect();
        let mut shared = serde_json::Map::new();
        for item in &form.delen {
            let value = match item.as_str() {
                "naam" => traject.naam.clone(),
                "leeftijd" => traject.leeftijd.clone(),
                "talenten" => talents.join(", "),
                "vragen" => needs.join(", "),
                "netwerk" => traject.netwerk.clone(),
                _ => form.notitie.trim().to_string(),
            };
            if !value.trim().is_empty() {
                shared.insert(item.clone(), serde_json::Value::String(value));
            }
        }
        let items: Vec<&str> = SHARE_ITEMS
            .iter()
            .copied()
            .filter(|i| shared.contains_key(*i))
            .collect();
        let now = Utc::now();
        let s = &state.sealer;
        let record = ReferralRecord {
            id: Uuid::new_v4(),
            traject_id: Some(t.id),
            professional_id: Some(me.id),
            service_id: target.service,
            coalition_id: target.coalition,
            organization_id: target.organisation,
            target_name: target.view.name.clone(),
            leefgebied: target.leefgebied.clone(),
            wijk_code: t.wijk_code.clone(),
            wish_sealed: s.seal(form.wens.trim()),
            shared_sealed: s.seal(&serde_json::Value::Object(shared).to_string()),
            shared_items: items.join(","),
            consent_by_sealed: s.seal(form.toestemming_door.trim()),
            consent_at: now,
            consent_revoked_at: None,
            handover: form.overdracht.clone(),
            handover_sealed: s.seal(form.afspraak.trim()),
            status: "verstuurd".into(),
            reason: None,
            sent_at: now,
            received_at: None,
            accepted_at: None,
            started_at: None,
            ended_at: None,
            escalated_at: None,
            personal_deleted_at: None,
        };
        // Stores the referral, its events and its audit entry in one transaction.
        db::create_referral(&state.db, &record, me.id).await?;
        // The receiver hears there is something for them; the mail itself holds nothing personal.
        if let Some(org) = target.organisation {
            for email in db::organisation_manager_emails(&state.db, org).await? {
                state.mailer.send(
                    &email,
                    "Nieuwe verwijzing via de Sociale Kaart",
                    &format!(
                        "Er is een verwijzing voor {}. Log in om te zien wat er gedeeld is: /verwijzing/{}",
                        target.view.name, record.id
                    ),
                );
            }
        }
        crate::api::redirect_refreshed(&format!("/verwijzing/{}", record.id), "verstuurd=ja");
        Ok(())
    }

    /// Who may read a referral: its professional, a provider of the receiving organisation, and
    /// the coordinator it was escalated to. Nobody else (an admin neither: it is personal).
    async fn may_read(state: &AppState, me: &Me, r: &ReferralRecord) -> Result<bool> {
        Ok(match me.role {
            Role::Professional => r.professional_id == Some(me.id),
            Role::Provider => match r.organization_id {
                Some(org) => db::user_organisations(&state.db, me.id)
                    .await?
                    .contains(&org),
                None => false,
            },
            Role::Coordinator => {
                db::escalated_to(&state.db, r.id, me.gemeente.as_deref()).await?
                    && me.gemeente.is_some()
            }
            Role::Admin => false,
        })
    }

    async fn view_of(
        state: &AppState,
        r: &ReferralRecord,
        me: &Me,
        mine: bool,
    ) -> Result<ReferralView> {
        let s = &state.sealer;
        let shared: Vec<(String, String)> = match s.open(&r.shared_sealed)?.as_str() {
            "" => Vec::new(),
            json => {
                let map: serde_json::Map<String, serde_json::Value> =
                    serde_json::from_str(json).map_err(|_| Error::Sealed)?;
                SHARE_ITEMS
                    .iter()
                    .filter_map(|k| Some((k.to_string(), map.get(*k)?.as_str()?.to_string())))
                    .collect()
            }
        };
        let history = db::referral_history(&state.db, r.id)
            .await?
            .into_iter()
            .map(|(at, event, reason)| (at.format("%Y-%m-%d").to_string(), event, reason))
            .collect();
        let next: Vec<String> = if mine {
            if is_closed(&r.status) {
                vec![]
            } else {
                vec!["gestopt".into()]
            }
        } else if me.role == Role::Provider {
            next_statuses(&r.status)
                .iter()
                .map(|s| s.to_string())
                .collect()
        } else {
            vec![]
        };
        let today = Utc::now().date_naive();
        let silent = matches!(r.status.as_str(), "verstuurd" | "ontvangen")
            && db::working_days_between(r.sent_at.date_naive(), today) >= 5;
        let full = r.reason.as_deref() == Some("vol");
        let waiting = match r.service_id {
            Some(s) => db::waiting_list_of(&state.db, s).await? > 0,
            None => false,
        };
        let person = if mine {
            match r.traject_id {
                Some(t) => match db::traject(&state.db, t).await? {
                    Some(t) => s.open(&t.label_sealed)?,
                    None => String::new(),
                },
                None => String::new(),
            }
        } else {
            String::new()
        };
        let contact = db::referral_contact(&state.db, r).await?;
        let can_take_up = me.role == Role::Coordinator
            && db::escalation_open(&state.db, r.id, me.gemeente.as_deref()).await?;
        Ok(ReferralView {
            id: r.id,
            target: r.target_name.clone(),
            target_link: match (r.service_id, r.coalition_id) {
                (_, Some(c)) => format!("/coalities/{c}"),
                (Some(s), _) => format!("/aanbod/{s}"),
                _ => String::new(),
            },
            receiver: contact.0,
            contact: contact.1,
            status: r.status.clone(),
            reason: r.reason.clone(),
            history,
            wish: s.open(&r.wish_sealed)?,
            shared,
            consent_by: s.open(&r.consent_by_sealed)?,
            consent_on: r.consent_at.format("%Y-%m-%d").to_string(),
            revoked: r.consent_revoked_at.is_some(),
            handover: r.handover.clone(),
            appointment: s.open(&r.handover_sealed)?,
            mine,
            next,
            can_escalate: mine && r.escalated_at.is_none() && (silent || full || waiting),
            escalated: r.escalated_at.is_some(),
            can_take_up,
            person,
        })
    }

    async fn readable(state: &AppState, me: &Me, verwijzing: &str) -> Result<ReferralRecord> {
        let r = db::referral(&state.db, id(verwijzing)?)
            .await?
            .ok_or(Error::NotFound)?;
        // Someone it was not shared with learns nothing, not even that it exists.
        if !may_read(state, me, &r).await? {
            return Err(Error::NotFound);
        }
        Ok(r)
    }

    pub async fn load_referral(verwijzing: String) -> Result<Option<ReferralView>> {
        let state = AppState::from_context()?;
        let me = crate::auth::me_for::<crate::api::LoadReferral>().await?;
        let Some(r) = unless_not_found(readable(&state, &me, &verwijzing).await)? else {
            return Ok(None);
        };
        let mine = r.professional_id == Some(me.id);
        // The first time the receiver opens it, it counts as received.
        let r = if me.role == Role::Provider && r.status == "verstuurd" {
            db::set_referral_status(&state.db, &r, "ontvangen", None, me.id).await?;
            db::referral(&state.db, r.id)
                .await?
                .ok_or(Error::NotFound)?
        } else {
            r
        };
        let view = view_of(&state, &r, &me, mine).await?;
        db::audit(
            &state.db,
            Some(me.id),
            "referral_read",
            "referral",
            &r.id.to_string(),
            "",
        )
        .await?;
        Ok(Some(view))
    }

    pub async fn set_referral_status(
        csrf: String,
        verwijzing: String,
        status: String,
        reden: Option<String>,
    ) -> Result<()> {
        let state = AppState::from_context()?;
        let me = crate::auth::require_for::<crate::api::SetReferralStatus>(&csrf).await?;
        let r = readable(&state, &me, &verwijzing).await?;
        let status = status.trim();
        let allowed = if r.professional_id == Some(me.id) {
            status == "gestopt" && !is_closed(&r.status)
        } else {
            next_statuses(&r.status).contains(&status)
        };
        if !allowed {
            return Err(Error::Invalid("Deze stap kan nu niet.".into()));
        }
        let reason = reden.as_deref().map(str::trim).filter(|r| !r.is_empty());
        if status == "afgewezen" && !reason.is_some_and(|r| REFUSAL_REASONS.contains(&r)) {
            crate::api::redirect_refreshed(&format!("/verwijzing/{}", r.id), "fout=reden");
            return Ok(());
        }
        let reason = if status == "afgewezen" { reason } else { None };
        db::set_referral_status(&state.db, &r, status, reason, me.id).await?;
        db::audit(
            &state.db,
            Some(me.id),
            "referral_status",
            "referral",
            &r.id.to_string(),
            status,
        )
        .await?;
        crate::api::redirect_refreshed(&format!("/verwijzing/{}", r.id), "");
        Ok(())
    }

    pub async fn revoke_consent(csrf: String, verwijzing: String) -> Result<()> {
        let state = AppState::from_context()?;
        let me = crate::auth::require_for::<crate::api::RevokeConsent>(&csrf).await?;
        let r = readable(&state, &me, &verwijzing).await?;
        db::revoke_consent(&state.db, &r, me.id).await?;
        db::audit(
            &state.db,
            Some(me.id),
            "consent_revoked",
            "referral",
            &r.id.to_string(),
            "",
        )
        .await?;
        crate::api::redirect_refreshed(&format!("/verwijzing/{}", r.id), "");
        Ok(())
    }

    pub async fn escalate_referral(csrf: String, verwijzing: String) -> Result<()> {
        let state = AppState::from_context()?;
        let me = crate::auth::require_for::<crate::api::EscalateReferral>(&csrf).await?;
        let r = readable(&state, &me, &verwijzing).await?;
        let view = view_of(&state, &r, &me, true).await?;
        if !view.can_escalate {
            return Err(Error::Invalid(
                "Escaleren kan na vijf werkdagen zonder reactie, of bij een wachtlijst.".into(),
            ));
        }
        let why = if matches!(r.status.as_str(), "verstuurd" | "ontvangen") && r.reason.is_none() {
            "geen reactie"
        } else {
            "wachtlijst"
        };
        let gemeente = match r.organization_id {
            Some(org) => db::organisation_gemeente(&state.db, org).await?,
            None => None,
        };
        db::escalate(&state.db, &r, gemeente.as_deref(), why, me.id).await?;
        db::audit(
            &state.db,
            Some(me.id),
            "referral_escalated",
            "referral",
            &r.id.to_string(),
            why,
        )
        .await?;
        for email in db::coordinator_emails(&state.db, gemeente.as_deref()).await? {
            state.mailer.send(
                &email,
                "Een verwijzing loopt vast",
                &format!("Een buurtteam vraagt je hulp bij een verwijzing ({why}). Log in: /verwijzing/{}", r.id),
            );
        }
        crate::api::redirect_refreshed(&format!("/verwijzing/{}", r.id), "");
        Ok(())
    }

    pub async fn traject_handout(traject: String) -> Result<Option<(String, Vec<ReferralView>)>> {
        let state = AppState::from_context()?;
        let me = crate::auth::me_for::<crate::api::TrajectHandout>().await?;
        let Ok(traject) = traject.trim().parse::<Uuid>() else {
            return Ok(None);
        };
        let Some((t, form)) = unless_not_found(own_traject(&state, &me, traject).await)? else {
            return Ok(None);
        };
        let mut items = Vec::new();
        for r in db::referrals_of_traject(&state.db, t.id).await? {
            if is_closed(&r.status) || r.consent_revoked_at.is_some() {
                continue;
            }
            items.push(view_of(&state, &r, &me, true).await?);
            db::audit(
                &state.db,
                Some(me.id),
                "referral_read",
                "referral",
                &r.id.to_string(),
                "handout",
            )
            .await?;
        }
        Ok(Some((form.naam, items)))
    }

    pub async fn take_up_escalation(csrf: String, verwijzing: String) -> Result<()> {
        let state = AppState::from_context()?;
        let me = crate::auth::require_for::<crate::api::TakeUpEscalation>(&csrf).await?;
        let r = readable(&state, &me, &verwijzing).await?;
        if !db::handle_escalation(&state.db, r.id, me.gemeente.as_deref(), me.id).await? {
            return Err(Error::Invalid("Deze vraag is al opgepakt.".into()));
        }
        db::audit(
            &state.db,
            Some(me.id),
            "escalation_taken_up",
            "referral",
            &r.id.to_string(),
            "",
        )
        .await?;
        crate::api::redirect_refreshed(&format!("/verwijzing/{}", r.id), "");
        Ok(())
    }

    pub async fn incoming_referrals() -> Result<Vec<ReferralLine>> {
        let state = AppState::from_context()?;
        let me = me().await?;
        referrals_for(&state, &me).await
    }

    /// Referrals to a provider's organisations, or escalated to a coordinator's gemeente.
    pub async fn referrals_for(state: &AppState, me: &Me) -> Result<Vec<ReferralLine>> {
        let list = match me.role {
            Role::Provider => {
                let orgs = db::user_organisations(&state.db, me.id).await?;
                db::referrals_to(&state.db, &orgs).await?
            }
            Role::Coordinator => {
                let mut out = Vec::new();
                for (referral, _, _) in
                    db::escalations_for(&state.db, me.gemeente.as_deref()).await?
                {
                    if me.gemeente.is_some() {
                        out.extend(db::referral(&state.db, referral).await?);
                    }
                }
                out
            }
            _ => return Err(Error::Forbidden),
        };
        Ok(list
            .into_iter()
            .map(|r| ReferralLine {
                id: r.id,
                target: r.target_name,
                status: r.status,
                sent: r.sent_at.format("%Y-%m-%d").to_string(),
            })
            .collect())
    }
}
