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

crate::guard!(ModerationQueue, crate::service::moderation::MODERATE);
/// The moderation queue of a coordinator; `None` when not logged in.
#[server]
pub async fn moderation_queue() -> Result<Option<QueueView>, ServerFnError> {
    ssr::moderation_queue()
        .await
        .map_err(crate::Error::into_server_fn_error)
}

crate::guard!(MergeOrganisations, crate::service::moderation::MODERATE);
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

crate::guard!(CloseReport, crate::service::moderation::MODERATE);
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

crate::guard!(DecideOrganisation, crate::service::moderation::MODERATE);
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

crate::guard!(DecideClaim, crate::service::moderation::MODERATE);
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

crate::guard!(RegisterOrganisation, crate::service::moderation::REGISTER);
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

crate::guard!(ClaimOrganisation, crate::service::moderation::REGISTER);
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

crate::guard!(OrganisationsNamed, crate::service::moderation::REGISTER);
/// Organisations to claim, by name.
#[server]
pub async fn organisations_named(zoek: String) -> Result<Vec<(String, String)>, ServerFnError> {
    ssr::organisations_named(zoek)
        .await
        .map_err(crate::Error::into_server_fn_error)
}

#[cfg(feature = "ssr")]
mod ssr {
    use crate::api::{redirect_refreshed, Ctx};
    use crate::manage::QueueView;
    use crate::service::moderation::{self, NewOrganisation, Subject};
    use crate::service::{parse_id as id, Saved};
    use crate::web::encode;
    use crate::{AppState, Result};

    pub async fn report_problem(
        csrf: String,
        aanbod: String,
        bericht: String,
        website: String,
    ) -> Result<()> {
        let state = AppState::from_context()?;
        crate::auth::check_csrf(&csrf).await?;
        let offer = id(&aanbod)?;
        let client = crate::limiter::client_ip().await;
        match moderation::report(&state, offer, &bericht, &website, client).await? {
            Saved::Done(()) => leptos_axum::redirect(&format!("/aanbod/{offer}?gemeld=ja")),
            Saved::Invalid(field) => {
                leptos_axum::redirect(&format!("/aanbod/{offer}/melden?fout={field}"))
            }
        }
        Ok(())
    }

    pub async fn moderation_queue() -> Result<Option<QueueView>> {
        let Some(cx) = Ctx::reading_if_logged_in::<super::ModerationQueue>().await? else {
            return Ok(None);
        };
        Ok(Some(moderation::queue(&cx.state, &cx.me).await?))
    }

    pub async fn merge(csrf: String, houden: String, dubbel: String) -> Result<()> {
        let cx = Ctx::writing::<super::MergeOrganisations>(&csrf).await?;
        moderation::merge(&cx.state, &cx.me, id(&houden)?, id(&dubbel)?).await?;
        redirect_refreshed("/beheer/moderatie", "");
        Ok(())
    }

    pub async fn decide(csrf: String, kind: &str, subject: String, besluit: String) -> Result<()> {
        let (cx, subject_kind) = match kind {
            "report" => (
                Ctx::writing::<super::CloseReport>(&csrf).await?,
                Subject::Report,
            ),
            "organisation" => (
                Ctx::writing::<super::DecideOrganisation>(&csrf).await?,
                Subject::Organisation,
            ),
            _ => (
                Ctx::writing::<super::DecideClaim>(&csrf).await?,
                Subject::Claim,
            ),
        };
        let approve = besluit.trim() == "ja";
        moderation::decide(&cx.state, &cx.me, subject_kind, id(&subject)?, approve).await?;
        redirect_refreshed("/beheer/moderatie", "");
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
        let cx = Ctx::writing::<super::RegisterOrganisation>(&csrf).await?;
        let new = NewOrganisation {
            name: naam,
            description: beschrijving,
            address: adres,
            postcode,
            city: plaats,
            ..Default::default()
        };
        match moderation::register(&cx.state, &cx.me, &new).await? {
            Saved::Done(_) => redirect_refreshed("/beheer", "aangemeld=ja"),
            // Back to the form with everything the person typed.
            Saved::Invalid(field) => leptos_axum::redirect(&format!(
                "/beheer/nieuwe-organisatie?fout={field}&naam={}&beschrijving={}&adres={}&postcode={}&plaats={}",
                encode(new.name.trim()),
                encode(new.description.trim()),
                encode(new.address.trim()),
                encode(new.postcode.trim()),
                encode(new.city.trim())
            )),
        }
        Ok(())
    }

    pub async fn claim_organisation(
        csrf: String,
        organisatie: String,
        bericht: String,
    ) -> Result<()> {
        let cx = Ctx::writing::<super::ClaimOrganisation>(&csrf).await?;
        moderation::claim(&cx.state, &cx.me, id(&organisatie)?, &bericht).await?;
        redirect_refreshed("/beheer", "geclaimd=ja");
        Ok(())
    }

    pub async fn organisations_named(zoek: String) -> Result<Vec<(String, String)>> {
        let cx = Ctx::reading::<super::OrganisationsNamed>().await?;
        moderation::organisations_named(&cx.state, &cx.me, &zoek).await
    }
}
