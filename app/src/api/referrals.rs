//! Server functions of the wijkteam workspace: thin adapters over `service::trajecten` and
//! `service::referrals`, which hold the rules (consent, sealing, audit). Here: who is asking,
//! and where the browser goes next.

use leptos::prelude::*;

use crate::referrals::{
    AssignForm, HandoutView, MemberForm, ReferralForm, ReferralLine, ReferralTarget, ReferralView,
    TrajectExport, TrajectForm, TrajectView, WorkspaceView,
};

crate::guard!(Workspace, crate::service::trajecten::WORK);
/// The professional's own trajecten; `None` when not logged in.
#[server]
pub async fn workspace() -> Result<Option<WorkspaceView>, ServerFnError> {
    ssr::workspace()
        .await
        .map_err(crate::Error::into_server_fn_error)
}

crate::guard!(LoadTraject, crate::service::trajecten::WORK);
/// One traject with its suggestions and referrals (`nieuw`: an empty one).
#[server]
pub async fn load_traject(traject: String) -> Result<Option<TrajectView>, ServerFnError> {
    ssr::load_traject(traject)
        .await
        .map_err(crate::Error::into_server_fn_error)
}

crate::guard!(SaveTraject, crate::service::trajecten::WORK);
/// Saves a traject; a problem goes back with `?fout=<veld>`.
#[server]
pub async fn save_traject(csrf: String, form: TrajectForm) -> Result<(), ServerFnError> {
    ssr::save_traject(csrf, form)
        .await
        .map_err(crate::Error::into_server_fn_error)
}

crate::guard!(DeleteTraject, crate::service::trajecten::WORK);
/// Deletes a traject and the personal texts of its referrals (on the person's request), only
/// with `zeker=ja`: the box that says the professional is sure.
#[server]
pub async fn delete_traject(
    csrf: String,
    traject: String,
    zeker: Option<String>,
) -> Result<(), ServerFnError> {
    ssr::delete_traject(csrf, traject, zeker)
        .await
        .map_err(crate::Error::into_server_fn_error)
}

crate::guard!(CloseTraject, crate::service::trajecten::WORK);
/// Closes a traject: the work is done. Its personal data is deleted after the retention period.
#[server]
pub async fn close_traject(csrf: String, traject: String) -> Result<(), ServerFnError> {
    ssr::close_traject(csrf, traject)
        .await
        .map_err(crate::Error::into_server_fn_error)
}

crate::guard!(PinSuggestion, crate::service::trajecten::WORK);
/// Puts a suggestion (`aanbod:<id>` or `vraag:<id>`) at the top of a traject's list with a
/// reason; a problem goes back with `?fout=<veld>&doel=...`.
#[server]
pub async fn pin_suggestion(
    csrf: String,
    traject: String,
    doel: String,
    reden: String,
) -> Result<(), ServerFnError> {
    ssr::pin_suggestion(csrf, traject, doel, reden)
        .await
        .map_err(crate::Error::into_server_fn_error)
}

crate::guard!(UnpinSuggestion, crate::service::trajecten::WORK);
/// Takes a suggestion off the top of a traject's list.
#[server]
pub async fn unpin_suggestion(
    csrf: String,
    traject: String,
    doel: String,
) -> Result<(), ServerFnError> {
    ssr::unpin_suggestion(csrf, traject, doel)
        .await
        .map_err(crate::Error::into_server_fn_error)
}

crate::guard!(SaveMember, crate::service::trajecten::WORK);
/// Adds a member to a traject's household (`nummer` empty) or changes one (its number); a
/// problem goes back with `?lid_fout=<veld>&lid=<nummer>`.
#[server]
pub async fn save_member(
    csrf: String,
    traject: String,
    nummer: String,
    form: MemberForm,
) -> Result<(), ServerFnError> {
    ssr::save_member(csrf, traject, nummer, form)
        .await
        .map_err(crate::Error::into_server_fn_error)
}

crate::guard!(RemoveMember, crate::service::trajecten::WORK);
/// Takes a member out of a traject's household.
#[server]
pub async fn remove_member(
    csrf: String,
    traject: String,
    nummer: String,
) -> Result<(), ServerFnError> {
    ssr::remove_member(csrf, traject, nummer)
        .await
        .map_err(crate::Error::into_server_fn_error)
}

crate::guard!(AssignTraject, crate::service::trajecten::WORK);
/// Gives a traject to a primary professional and a stand-in of its team (a lead chooses both,
/// the primary professional the stand-in); a problem goes back with `?fout=<veld>`.
#[server]
pub async fn assign_traject(
    csrf: String,
    traject: String,
    form: AssignForm,
) -> Result<(), ServerFnError> {
    ssr::assign_traject(csrf, traject, form)
        .await
        .map_err(crate::Error::into_server_fn_error)
}

crate::guard!(ExportTraject, crate::service::trajecten::WORK);
/// Everything stored about the person of a traject, readable (export on request).
#[server]
pub async fn export_traject(traject: String) -> Result<Option<TrajectExport>, ServerFnError> {
    ssr::export_traject(traject)
        .await
        .map_err(crate::Error::into_server_fn_error)
}

crate::guard!(ReferralReceiver, crate::service::referrals::SEND);
/// Who a referral to `naar` would go to.
#[server]
pub async fn referral_receiver(naar: String) -> Result<Option<ReferralTarget>, ServerFnError> {
    ssr::referral_receiver(naar)
        .await
        .map_err(crate::Error::into_server_fn_error)
}

crate::guard!(SendReferral, crate::service::referrals::SEND);
/// Sends a referral: consent first, then the referral, in one transaction.
#[server]
pub async fn send_referral(csrf: String, form: ReferralForm) -> Result<(), ServerFnError> {
    ssr::send_referral(csrf, form)
        .await
        .map_err(crate::Error::into_server_fn_error)
}

crate::guard!(LoadReferral, crate::service::referrals::READ);
/// A referral as the viewer may see it; `None` when unknown.
#[server]
pub async fn load_referral(verwijzing: String) -> Result<Option<ReferralView>, ServerFnError> {
    ssr::load_referral(verwijzing)
        .await
        .map_err(crate::Error::into_server_fn_error)
}

crate::guard!(SetReferralStatus, crate::service::referrals::MOVE);
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

crate::guard!(ChooseReferralPartner, crate::service::referrals::CHOOSE);
/// The receiver of a referral to a coalition records which partner takes the person up.
#[server]
pub async fn choose_referral_partner(
    csrf: String,
    verwijzing: String,
    partner: String,
) -> Result<(), ServerFnError> {
    ssr::choose_partner(csrf, verwijzing, partner)
        .await
        .map_err(crate::Error::into_server_fn_error)
}

crate::guard!(RevokeConsent, crate::service::referrals::SEND);
/// Withdraws consent: the receiver no longer sees the shared items.
#[server]
pub async fn revoke_consent(csrf: String, verwijzing: String) -> Result<(), ServerFnError> {
    ssr::revoke_consent(csrf, verwijzing)
        .await
        .map_err(crate::Error::into_server_fn_error)
}

crate::guard!(EscalateReferral, crate::service::referrals::SEND);
/// Asks the coordinator of the gemeente to help, with the history attached.
#[server]
pub async fn escalate_referral(csrf: String, verwijzing: String) -> Result<(), ServerFnError> {
    ssr::escalate_referral(csrf, verwijzing)
        .await
        .map_err(crate::Error::into_server_fn_error)
}

crate::guard!(TrajectHandout, crate::service::trajecten::WORK);
/// The printable handout of a traject: the person's name and the referrals still running.
#[server]
pub async fn traject_handout(traject: String) -> Result<Option<HandoutView>, ServerFnError> {
    ssr::traject_handout(traject)
        .await
        .map_err(crate::Error::into_server_fn_error)
}

crate::guard!(TakeUpEscalation, crate::service::referrals::TAKE_UP);
/// The coordinator takes up an escalated referral.
#[server]
pub async fn take_up_escalation(csrf: String, verwijzing: String) -> Result<(), ServerFnError> {
    ssr::take_up_escalation(csrf, verwijzing)
        .await
        .map_err(crate::Error::into_server_fn_error)
}

crate::guard!(IncomingReferrals, crate::service::referrals::READ);
/// Referrals to the provider's organisations, or escalated to the coordinator's gemeente.
#[server]
pub async fn incoming_referrals() -> Result<Vec<ReferralLine>, ServerFnError> {
    ssr::incoming_referrals()
        .await
        .map_err(crate::Error::into_server_fn_error)
}

#[cfg(feature = "ssr")]
mod ssr {
    use uuid::Uuid;

    use crate::api::{redirect_refreshed, Ctx};
    use crate::i18n::Lang;
    use crate::referrals::*;
    use crate::service::{referrals, trajecten, Saved};
    use crate::web::encode;
    use crate::Result;

    pub async fn workspace() -> Result<Option<WorkspaceView>> {
        let Some(cx) = Ctx::reading_if_logged_in::<super::Workspace>().await? else {
            return Ok(None);
        };
        Ok(Some(trajecten::workspace(&cx.state, &cx.me).await?))
    }

    pub async fn load_traject(traject: String) -> Result<Option<TrajectView>> {
        let cx = Ctx::reading::<super::LoadTraject>().await?;
        if traject.trim() == "nieuw" {
            return Ok(Some(trajecten::blank()));
        }
        trajecten::load(&cx.state, &cx.me, &traject, Lang::detect()).await
    }

    pub async fn save_traject(csrf: String, form: TrajectForm) -> Result<()> {
        let cx = Ctx::writing::<super::SaveTraject>(&csrf).await?;
        let path = match form.traject.trim() {
            "" => "nieuw".to_string(),
            id => id.to_string(),
        };
        match trajecten::save(&cx.state, &cx.me, form).await? {
            Saved::Done(id) => redirect_refreshed(&format!("/wijkteam/traject/{id}"), ""),
            // Only the field name travels in the address; personal texts would end up in logs
            // and browser history.
            Saved::Invalid(field) => {
                leptos_axum::redirect(&format!("/wijkteam/traject/{path}?fout={field}"))
            }
        }
        Ok(())
    }

    pub async fn delete_traject(
        csrf: String,
        traject: String,
        zeker: Option<String>,
    ) -> Result<()> {
        let cx = Ctx::writing::<super::DeleteTraject>(&csrf).await?;
        if zeker.as_deref() != Some("ja") {
            // Nothing is deleted by one slip of the finger.
            let id = crate::web::encode(traject.trim());
            leptos_axum::redirect(&format!("/wijkteam/traject/{id}?fout=zeker#verwijderen"));
            return Ok(());
        }
        trajecten::delete(&cx.state, &cx.me, &traject).await?;
        redirect_refreshed("/wijkteam", "verwijderd=ja");
        Ok(())
    }

    pub async fn close_traject(csrf: String, traject: String) -> Result<()> {
        let cx = Ctx::writing::<super::CloseTraject>(&csrf).await?;
        let id = trajecten::close(&cx.state, &cx.me, &traject).await?;
        redirect_refreshed(&format!("/wijkteam/traject/{id}"), "");
        Ok(())
    }

    pub async fn pin_suggestion(
        csrf: String,
        traject: String,
        doel: String,
        reden: String,
    ) -> Result<()> {
        let cx = Ctx::writing::<super::PinSuggestion>(&csrf).await?;
        match trajecten::pin(&cx.state, &cx.me, &traject, &doel, &reden).await? {
            Saved::Done(id) => redirect_refreshed(&format!("/wijkteam/traject/{id}"), "#vastgezet"),
            Saved::Invalid(field) => leptos_axum::redirect(&format!(
                "/wijkteam/traject/{}?vast_fout={field}&doel={}#suggesties-titel",
                encode(traject.trim()),
                encode(doel.trim())
            )),
        }
        Ok(())
    }

    pub async fn unpin_suggestion(csrf: String, traject: String, doel: String) -> Result<()> {
        let cx = Ctx::writing::<super::UnpinSuggestion>(&csrf).await?;
        let id = trajecten::unpin(&cx.state, &cx.me, &traject, &doel).await?;
        redirect_refreshed(&format!("/wijkteam/traject/{id}"), "#suggesties-titel");
        Ok(())
    }

    pub async fn save_member(
        csrf: String,
        traject: String,
        nummer: String,
        form: MemberForm,
    ) -> Result<()> {
        let cx = Ctx::writing::<super::SaveMember>(&csrf).await?;
        match trajecten::save_member(&cx.state, &cx.me, &traject, &nummer, form.input()).await? {
            Saved::Done(id) => redirect_refreshed(&format!("/wijkteam/traject/{id}"), "#gezin"),
            Saved::Invalid(field) => leptos_axum::redirect(&format!(
                "/wijkteam/traject/{}?lid_fout={field}&lid={}#gezin",
                encode(traject.trim()),
                encode(nummer.trim())
            )),
        }
        Ok(())
    }

    pub async fn remove_member(csrf: String, traject: String, nummer: String) -> Result<()> {
        let cx = Ctx::writing::<super::RemoveMember>(&csrf).await?;
        let id = trajecten::remove_member(&cx.state, &cx.me, &traject, &nummer).await?;
        redirect_refreshed(&format!("/wijkteam/traject/{id}"), "#gezin");
        Ok(())
    }

    pub async fn assign_traject(csrf: String, traject: String, form: AssignForm) -> Result<()> {
        let cx = Ctx::writing::<super::AssignTraject>(&csrf).await?;
        match trajecten::assign(&cx.state, &cx.me, &traject, &form.eerste, &form.vervanger).await? {
            Saved::Done(id) => {
                // The one who gave it away may no longer read it: back to the workspace.
                let t = crate::db::traject(&cx.state.db, id).await?;
                let still = match t {
                    Some(t) => trajecten::works_on(&cx.state, &cx.me, &t).await?,
                    None => false,
                };
                if still {
                    redirect_refreshed(&format!("/wijkteam/traject/{id}"), "toegewezen=ja");
                } else {
                    redirect_refreshed("/wijkteam", "toegewezen=ja");
                }
            }
            Saved::Invalid(field) => leptos_axum::redirect(&format!(
                "/wijkteam/traject/{}?fout={field}#team-titel",
                encode(traject.trim())
            )),
        }
        Ok(())
    }

    pub async fn export_traject(traject: String) -> Result<Option<TrajectExport>> {
        let cx = Ctx::reading::<super::ExportTraject>().await?;
        referrals::export_traject(&cx.state, &cx.me, &traject).await
    }

    pub async fn referral_receiver(naar: String) -> Result<Option<ReferralTarget>> {
        let cx = Ctx::reading::<super::ReferralReceiver>().await?;
        referrals::receiver(&cx.state, &cx.me, &naar).await
    }

    pub async fn send_referral(csrf: String, form: ReferralForm) -> Result<()> {
        let cx = Ctx::writing::<super::SendReferral>(&csrf).await?;
        match referrals::send(&cx.state, &cx.me, &form).await? {
            Saved::Done(id) => redirect_refreshed(&format!("/verwijzing/{id}"), "verstuurd=ja"),
            Saved::Invalid(field) => {
                // Back with the choices, never the personal texts.
                let ticked: String = form
                    .delen
                    .iter()
                    .map(|d| format!("&delen={}", encode(d)))
                    .collect();
                leptos_axum::redirect(&format!(
                    "/wijkteam/traject/{}/verwijs?naar={}&fout={field}&overdracht={}{ticked}",
                    form.traject.trim(),
                    encode(&form.naar),
                    encode(&form.overdracht),
                ));
            }
        }
        Ok(())
    }

    pub async fn load_referral(verwijzing: String) -> Result<Option<ReferralView>> {
        let cx = Ctx::reading::<super::LoadReferral>().await?;
        referrals::load(&cx.state, &cx.me, &verwijzing).await
    }

    pub async fn set_referral_status(
        csrf: String,
        verwijzing: String,
        status: String,
        reden: Option<String>,
    ) -> Result<()> {
        let cx = Ctx::writing::<super::SetReferralStatus>(&csrf).await?;
        let saved =
            referrals::set_status(&cx.state, &cx.me, &verwijzing, &status, reden.as_deref());
        match saved.await? {
            Saved::Done(id) => redirect_refreshed(&format!("/verwijzing/{id}"), ""),
            Saved::Invalid(field) => redirect_refreshed(
                &format!("/verwijzing/{}", verwijzing.trim()),
                &format!("fout={field}"),
            ),
        }
        Ok(())
    }

    pub async fn choose_partner(csrf: String, verwijzing: String, partner: String) -> Result<()> {
        let cx = Ctx::writing::<super::ChooseReferralPartner>(&csrf).await?;
        match referrals::choose_partner(&cx.state, &cx.me, &verwijzing, &partner).await? {
            Saved::Done(id) => redirect_refreshed(&format!("/verwijzing/{id}"), "partner=ja"),
            Saved::Invalid(field) => redirect_refreshed(
                &format!("/verwijzing/{}", verwijzing.trim()),
                &format!("fout={field}"),
            ),
        }
        Ok(())
    }

    fn back_to(id: Uuid) {
        redirect_refreshed(&format!("/verwijzing/{id}"), "");
    }

    pub async fn revoke_consent(csrf: String, verwijzing: String) -> Result<()> {
        let cx = Ctx::writing::<super::RevokeConsent>(&csrf).await?;
        back_to(referrals::revoke_consent(&cx.state, &cx.me, &verwijzing).await?);
        Ok(())
    }

    pub async fn escalate_referral(csrf: String, verwijzing: String) -> Result<()> {
        let cx = Ctx::writing::<super::EscalateReferral>(&csrf).await?;
        back_to(referrals::escalate(&cx.state, &cx.me, &verwijzing).await?);
        Ok(())
    }

    pub async fn traject_handout(traject: String) -> Result<Option<HandoutView>> {
        let cx = Ctx::reading::<super::TrajectHandout>().await?;
        referrals::handout(&cx.state, &cx.me, &traject).await
    }

    pub async fn take_up_escalation(csrf: String, verwijzing: String) -> Result<()> {
        let cx = Ctx::writing::<super::TakeUpEscalation>(&csrf).await?;
        back_to(referrals::take_up(&cx.state, &cx.me, &verwijzing).await?);
        Ok(())
    }

    pub async fn incoming_referrals() -> Result<Vec<ReferralLine>> {
        let cx = Ctx::reading::<super::IncomingReferrals>().await?;
        referrals::incoming(&cx.state, &cx.me).await
    }
}
