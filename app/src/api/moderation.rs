//! Server functions for reports, registering and claiming organisations, and moderation.

use leptos::prelude::*;

use crate::manage::QueueView;

crate::guard!(ReportProblem, crate::auth::Access::Public);
/// "Klopt er iets niet?": a resident reports a mistake in a listing.
#[server]
pub async fn report_problem(
    csrf: String,
    aanbod: String,
    bericht: String,
    website: String,
) -> Result<(), ServerFnError> {
    ssr::report_problem(csrf, aanbod, bericht, website)
        .await
        .map_err(crate::Error::into_server_fn_error)
}

crate::guard!(
    ModerationQueue,
    crate::auth::Access::Roles(crate::auth::MODERATORS)
);
/// The moderation queue of a coordinator; `None` when not logged in.
#[server]
pub async fn moderation_queue() -> Result<Option<QueueView>, ServerFnError> {
    ssr::moderation_queue()
        .await
        .map_err(crate::Error::into_server_fn_error)
}

crate::guard!(
    MergeOrganisations,
    crate::auth::Access::Roles(crate::auth::MODERATORS)
);
/// Merges a duplicate organisation into the one that stays.
#[server]
pub async fn merge_organisations(
    csrf: String,
    houden: String,
    dubbel: String,
) -> Result<(), ServerFnError> {
    ssr::merge(csrf, houden, dubbel)
        .await
        .map_err(crate::Error::into_server_fn_error)
}

crate::guard!(
    CloseReport,
    crate::auth::Access::Roles(crate::auth::MODERATORS)
);
/// Marks a report as handled.
#[server]
pub async fn close_report(
    csrf: String,
    melding: String,
    besluit: String,
) -> Result<(), ServerFnError> {
    ssr::decide(csrf, "report", melding, besluit)
        .await
        .map_err(crate::Error::into_server_fn_error)
}

crate::guard!(
    DecideOrganisation,
    crate::auth::Access::Roles(crate::auth::MODERATORS)
);
/// Approves (`besluit=ja`) or archives a new organisation.
#[server]
pub async fn decide_organisation(
    csrf: String,
    organisatie: String,
    besluit: String,
) -> Result<(), ServerFnError> {
    ssr::decide(csrf, "organisation", organisatie, besluit)
        .await
        .map_err(crate::Error::into_server_fn_error)
}

crate::guard!(
    DecideClaim,
    crate::auth::Access::Roles(crate::auth::MODERATORS)
);
/// Approves (`besluit=ja`) or rejects a claim.
#[server]
pub async fn decide_claim(
    csrf: String,
    claim: String,
    besluit: String,
) -> Result<(), ServerFnError> {
    ssr::decide(csrf, "claim", claim, besluit)
        .await
        .map_err(crate::Error::into_server_fn_error)
}

crate::guard!(
    RegisterOrganisation,
    crate::auth::Access::Roles(crate::auth::PROVIDERS)
);
/// A provider registers a new organisation; a problem goes back to the form with the input.
#[server]
pub async fn register_organisation(
    csrf: String,
    naam: String,
    beschrijving: String,
    adres: String,
    postcode: String,
    plaats: String,
) -> Result<(), ServerFnError> {
    ssr::register_organisation(csrf, naam, beschrijving, adres, postcode, plaats)
        .await
        .map_err(crate::Error::into_server_fn_error)
}

crate::guard!(
    ClaimOrganisation,
    crate::auth::Access::Roles(crate::auth::PROVIDERS)
);
/// A provider asks to manage an existing organisation.
#[server]
pub async fn claim_organisation(
    csrf: String,
    organisatie: String,
    bericht: String,
) -> Result<(), ServerFnError> {
    ssr::claim_organisation(csrf, organisatie, bericht)
        .await
        .map_err(crate::Error::into_server_fn_error)
}

crate::guard!(
    OrganisationsNamed,
    crate::auth::Access::Roles(crate::auth::PROVIDERS)
);
/// Organisations to claim, by name.
#[server]
pub async fn organisations_named(zoek: String) -> Result<Vec<(String, String)>, ServerFnError> {
    let state = crate::AppState::from_context().map_err(crate::Error::into_server_fn_error)?;
    crate::db::find_organisations(&state.db, &zoek)
        .await
        .map(|list| {
            list.into_iter()
                .map(|(id, name)| (id.to_string(), name))
                .collect()
        })
        .map_err(crate::Error::into_server_fn_error)
}

#[cfg(feature = "ssr")]
mod ssr {
    use uuid::Uuid;

    use crate::api::parse_id as id;
    use crate::auth::{check_csrf, current_user, may_manage, MODERATORS};
    use crate::manage::QueueView;
    use crate::pages::encode;
    use crate::{db, AppState, Error, Result};

    pub async fn report_problem(
        csrf: String,
        aanbod: String,
        bericht: String,
        website: String,
    ) -> Result<()> {
        let state = AppState::from_context()?;
        check_csrf(&csrf).await?;
        let offer = id(&aanbod)?;
        let thanks = || leptos_axum::redirect(&format!("/aanbod/{offer}?gemeld=ja"));
        if !website.trim().is_empty() {
            thanks();
            return Ok(());
        }
        let message = bericht.trim();
        if !(5..=1000).contains(&message.chars().count()) {
            leptos_axum::redirect(&format!("/aanbod/{offer}/melden?fout=bericht"));
            return Ok(());
        }
        let ip = crate::limiter::client_ip().await;
        if !state.signup_limiter.allow(&state.db, ip).await? {
            leptos_axum::redirect(&format!("/aanbod/{offer}/melden?fout=te-vaak"));
            return Ok(());
        }
        // A report may name people: sealed like all residents' texts.
        db::save_report(&state.db, offer, &state.sealer.seal(message)).await?;
        thanks();
        Ok(())
    }

    pub async fn moderation_queue() -> Result<Option<QueueView>> {
        let state = AppState::from_context()?;
        match current_user().await? {
            Some(me) if MODERATORS.contains(&me.role) => {
                let mut queue = db::queue(&state.db, &me).await?;
                for report in &mut queue.reports {
                    report.message = state.sealer.open_stored(&report.message);
                }
                for org in &mut queue.organisations {
                    org.possible_duplicates =
                        possible_duplicates(&state, org.id, &org.name).await?;
                }
                Ok(Some(queue))
            }
            Some(_) => Err(Error::Forbidden),
            None => Ok(None),
        }
    }

    /// Significant words of a name (lower case, without short words like "de" or "van").
    fn name_words(name: &str) -> Vec<String> {
        name.to_lowercase()
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.chars().count() > 3)
            .map(String::from)
            .collect()
    }

    /// Organisations the search engine finds for this name (typos and word forms included) that
    /// share most of its significant words, best first, at most three.
    async fn possible_duplicates(
        state: &AppState,
        id: Uuid,
        name: &str,
    ) -> Result<Vec<(Uuid, String)>> {
        let request = index::SearchRequest {
            limit: 30,
            ..index::SearchRequest::text(name)
        };
        let found = crate::search::run(state, request, crate::i18n::Lang::Nl).await?;
        let wanted = name_words(name);
        let mut scored: Vec<(usize, Uuid, String)> = Vec::new();
        for item in found.items {
            if item.organisation_id == id
                || scored.iter().any(|(_, o, _)| *o == item.organisation_id)
            {
                continue;
            }
            let theirs = name_words(&item.organisation);
            let shared = wanted.iter().filter(|w| theirs.contains(w)).count();
            // More than half of the words in common: "VV De Meern" is not every club in De Meern.
            if shared * 2 > wanted.len() {
                scored.push((shared, item.organisation_id, item.organisation));
            }
        }
        scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.2.cmp(&b.2)));
        Ok(scored
            .into_iter()
            .take(3)
            .map(|(_, id, name)| (id, name))
            .collect())
    }

    pub async fn merge(csrf: String, houden: String, dubbel: String) -> Result<()> {
        let state = AppState::from_context()?;
        let me = crate::auth::require_for::<crate::api::MergeOrganisations>(&csrf).await?;
        let (keep, duplicate) = (id(&houden)?, id(&dubbel)?);
        for org in [keep, duplicate] {
            if !may_manage(&me, org).await? {
                return Err(Error::Forbidden);
            }
        }
        db::merge_organisations(&state.db, keep, duplicate).await?;
        db::audit(
            &state.db,
            Some(me.id),
            "merged",
            "organization",
            &duplicate.to_string(),
            &keep.to_string(),
        )
        .await?;
        crate::api::redirect_refreshed("/beheer/moderatie", "");
        Ok(())
    }

    pub async fn decide(csrf: String, kind: &str, subject: String, besluit: String) -> Result<()> {
        let state = AppState::from_context()?;
        let me = match kind {
            "report" => crate::auth::require_for::<crate::api::CloseReport>(&csrf).await?,
            "organisation" => {
                crate::auth::require_for::<crate::api::DecideOrganisation>(&csrf).await?
            }
            _ => crate::auth::require_for::<crate::api::DecideClaim>(&csrf).await?,
        };
        let subject = id(&subject)?;
        let organisation = db::subject_organisation(&state.db, kind, subject).await?;
        if !may_manage(&me, organisation).await? {
            return Err(Error::Forbidden);
        }
        let approve = besluit.trim() == "ja";
        match kind {
            "report" => db::close_report(&state.db, subject).await?,
            "claim" => db::decide_claim(&state.db, subject, approve, me.id).await?,
            _ => db::decide_organisation(&state.db, subject, approve).await?,
        }
        let action = match (kind, approve) {
            ("report", _) => "report_closed",
            (_, true) => "approved",
            (_, false) => "rejected",
        };
        db::audit(
            &state.db,
            Some(me.id),
            action,
            kind,
            &subject.to_string(),
            "",
        )
        .await?;
        crate::api::redirect_refreshed("/beheer/moderatie", "");
        Ok(())
    }

    pub async fn register_organisation(
        csrf: String,
        naam: String,
        beschrijving: String,
        adres: String,
        postcode: String,
        plaats: String,
    ) -> Result<()> {
        let state = AppState::from_context()?;
        let me = crate::auth::require_for::<crate::api::RegisterOrganisation>(&csrf).await?;
        let (naam, beschrijving, adres, postcode, plaats) = (
            naam.trim(),
            beschrijving.trim(),
            adres.trim(),
            postcode.trim(),
            plaats.trim(),
        );
        let problem = if naam.chars().count() < 2 || naam.chars().count() > 120 {
            Some("naam")
        } else if beschrijving.chars().count() > 2000 {
            Some("beschrijving")
        } else if adres.is_empty() || adres.chars().count() > 200 {
            Some("adres")
        } else if index::Postcode::parse(postcode)
            .ok()
            .and_then(|p| index::Geocoder::embedded().postcode(&p).ok())
            .is_none()
        {
            Some("postcode")
        } else if plaats.is_empty() || plaats.chars().count() > 100 {
            Some("plaats")
        } else {
            None
        };
        if let Some(field) = problem {
            // Back to the form with everything the person typed.
            leptos_axum::redirect(&format!(
                "/beheer/nieuwe-organisatie?fout={field}&naam={}&beschrijving={}&adres={}&postcode={}&plaats={}",
                encode(naam),
                encode(beschrijving),
                encode(adres),
                encode(postcode),
                encode(plaats)
            ));
            return Ok(());
        }
        let organisation = db::register_organisation(
            &state.db,
            me.id,
            naam,
            beschrijving,
            adres,
            postcode,
            plaats,
        )
        .await?;
        db::audit(
            &state.db,
            Some(me.id),
            "registered",
            "organization",
            &organisation.to_string(),
            naam,
        )
        .await?;
        crate::api::redirect_refreshed("/beheer", "aangemeld=ja");
        Ok(())
    }

    pub async fn claim_organisation(
        csrf: String,
        organisatie: String,
        bericht: String,
    ) -> Result<()> {
        let state = AppState::from_context()?;
        let me = crate::auth::require_for::<crate::api::ClaimOrganisation>(&csrf).await?;
        let organisation = id(&organisatie)?;
        let message: String = bericht.trim().chars().take(1000).collect();
        let claim = db::create_claim(&state.db, me.id, organisation, &message).await?;
        db::audit(
            &state.db,
            Some(me.id),
            "claimed",
            "claim",
            &claim.to_string(),
            &organisation.to_string(),
        )
        .await?;
        crate::api::redirect_refreshed("/beheer", "geclaimd=ja");
        Ok(())
    }
}
