//! Server functions: called directly during server rendering, over HTTP after hydration.

mod account;
mod coalitions;
mod location;
mod location_edit;
mod manage;
mod matching;
mod moderation;
mod need_edit;
mod offer;
mod offer_edit;
mod referrals;
mod search;
mod signup;
mod suggest;

pub use account::{
    invite_user, log_in, log_out, request_reset, reset_password, who_am_i, InviteUser, LogIn,
    LogOut, RequestReset, ResetPassword, WhoAmI,
};
pub use coalitions::{
    coalition, coalition_chances, coalitions, start_coalition, Coalition, CoalitionChances,
    Coalitions, StartCoalition,
};
pub use location::{postcode_at, PostcodeAt};
pub use location_edit::{
    area_of_postcode, load_location_form, save_location, AreaOfPostcode, LoadLocationForm,
    SaveLocation,
};
pub use manage::{
    confirm_still_correct, dashboard, publish_waiting_list_need, set_signup_status,
    set_waiting_list, ConfirmStillCorrect, Dashboard, PublishWaitingListNeed, SetSignupStatus,
    SetWaitingList,
};
pub use matching::{leave_talent_entry, match_lanes, LeaveTalentEntry, MatchLanes};
pub use moderation::{
    claim_organisation, close_report, decide_claim, decide_organisation, merge_organisations,
    moderation_queue, organisations_named, register_organisation, report_problem,
    ClaimOrganisation, CloseReport, DecideClaim, DecideOrganisation, MergeOrganisations,
    ModerationQueue, OrganisationsNamed, RegisterOrganisation, ReportProblem,
};
pub use need_edit::{load_need_form, save_need, LoadNeedForm, SaveNeed};
pub use offer::{get_offer, similar_offers, GetOffer, SimilarOffers};
pub use offer_edit::{load_offer_form, save_offer, LoadOfferForm, SaveOffer};
#[cfg(feature = "ssr")]
pub(crate) use referrals::referrals_for;
pub use referrals::{
    close_traject, delete_traject, escalate_referral, export_traject, incoming_referrals,
    load_referral, load_traject, referral_receiver, revoke_consent, save_traject, send_referral,
    set_referral_status, take_up_escalation, traject_handout, workspace, CloseTraject,
    DeleteTraject, EscalateReferral, ExportTraject, IncomingReferrals, LoadReferral, LoadTraject,
    ReferralReceiver, RevokeConsent, SaveTraject, SendReferral, SetReferralStatus,
    TakeUpEscalation, TrajectHandout, Workspace,
};
pub use search::{search_offers, SearchOffers, SearchQuery, DAYS};
pub use signup::{sign_up, SignUp};
pub use suggest::{suggest, Suggest};

/// A whole number as typed in a form: empty is `None`, otherwise it must lie in `0..=max`.
#[cfg(feature = "ssr")]
pub(crate) fn optional_number(text: &str, max: i32) -> Result<Option<i32>, ()> {
    match text.trim() {
        "" => Ok(None),
        t => t
            .parse::<i32>()
            .ok()
            .filter(|n| (0..=max).contains(n))
            .map(Some)
            .ok_or(()),
    }
}

/// The id in a form field; anything else is "not found" (a Dutch 404), never a 500.
#[cfg(feature = "ssr")]
pub(crate) fn parse_id(text: &str) -> crate::Result<uuid::Uuid> {
    text.trim().parse().map_err(|_| crate::Error::NotFound)
}

/// Sends the browser back to `path` after a change, with a fresh `bijgewerkt` marker so a
/// hydrated page reloads its data; `extra` adds query pairs (`aangemeld=ja`).
#[cfg(feature = "ssr")]
pub(crate) fn redirect_refreshed(path: &str, extra: &str) {
    let marker = chrono::Utc::now().timestamp_millis();
    let extra = if extra.is_empty() {
        String::new()
    } else {
        format!("&{extra}")
    };
    leptos_axum::redirect(&format!("{path}?bijgewerkt={marker}{extra}"));
}

/// Sends the browser back to an editor (`/beheer/<page>/<id or nieuw>`) with the field that is
/// wrong and everything that was typed, so nothing is lost.
#[cfg(feature = "ssr")]
pub(crate) fn back_to_editor(
    page: &str,
    id: &str,
    organisation: &str,
    field: &str,
    fields: &[&str],
    value: impl Fn(&str) -> String,
) {
    use crate::pages::encode;
    let typed: Vec<String> = fields
        .iter()
        .map(|k| format!("{k}={}", encode(&value(k))))
        .collect();
    let id = match id.trim() {
        "" => "nieuw",
        id => id,
    };
    leptos_axum::redirect(&format!(
        "/beheer/{page}/{id}?organisatie={}&fout={field}&{}",
        encode(organisation),
        typed.join("&")
    ));
}
