//! Server functions: called directly during server rendering, over HTTP after hydration.
//!
//! Each is a thin adapter: it finds out who is asking ([`Ctx`]), calls one operation of
//! [`crate::service`], and turns the answer into data for the page or a redirect. Rules live
//! in the services; who may call what is declared there and named here with `guard!`.

mod account;
mod coalitions;
mod help;
mod keys;
mod knelpunten;
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
mod signals;
mod signup;
mod suggest;
mod teams;

pub use account::{
    invite_user, log_in, log_out, request_account, request_reset, reset_password, who_am_i,
    InviteUser, LogIn, LogOut, RequestAccount, RequestReset, ResetPassword, WhoAmI,
};
pub use coalitions::{
    add_coalition_note, add_funding, answer_coalition, coalition, coalition_candidates,
    coalition_chances, coalition_overview, coalitions, invite_coalition_partner, invite_newcomer,
    may_change_coalition, new_coalition, remove_funding, save_coalition, start_coalition,
    AddCoalitionNote, AddFunding, AnswerCoalition, Coalition, CoalitionCandidates,
    CoalitionChances, CoalitionOverview, Coalitions, InviteCoalitionPartner, InviteNewcomer,
    MayChangeCoalition, NewCoalition, RemoveFunding, SaveCoalition, StartCoalition,
};
pub use help::{
    invite_talent, move_help_answer, offer_help, InviteTalent, MoveHelpAnswer, OfferHelp,
};
pub use keys::{api_keys, create_api_key, revoke_api_key, ApiKeys, CreateApiKey, RevokeApiKey};
pub use knelpunten::{
    decide_knelpunt, report_knelpunt, solved_knelpunten, DecideKnelpunt, ReportKnelpunt,
    SolvedKnelpunten,
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
pub use offer::{
    get_offer, get_place, get_role, similar_offers, GetOffer, GetPlace, GetRole, SimilarOffers,
};
pub use offer_edit::{
    load_offer_form, preview_offer, save_offer, LoadOfferForm, PreviewOffer, SaveOffer,
};
pub use referrals::{
    assign_traject, choose_referral_partner, close_traject, delete_traject, escalate_referral,
    export_traject, incoming_referrals, load_referral, load_traject, pin_suggestion,
    referral_receiver, remove_member, revoke_consent, save_member, save_traject, send_referral,
    set_referral_status, take_up_escalation, traject_handout, unpin_suggestion, workspace,
    AssignTraject, ChooseReferralPartner, CloseTraject, DeleteTraject, EscalateReferral,
    ExportTraject, IncomingReferrals, LoadReferral, LoadTraject, PinSuggestion, ReferralReceiver,
    RemoveMember, RevokeConsent, SaveMember, SaveTraject, SendReferral, SetReferralStatus,
    TakeUpEscalation, TrajectHandout, UnpinSuggestion, Workspace,
};
pub use search::{search_offers, SearchOffers, SearchQuery, DAYS, DISTANCES_KM};
pub use signals::{asked_nearby, signals, AskedNearby, Signals};
pub use signup::{sign_up, SignUp};
pub use suggest::{suggest, Suggest};
pub use teams::{
    create_team, set_team_member, teams_overview, CreateTeam, SetTeamMember, TeamsOverview,
};

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
/// wrong and everything that was typed, so nothing is lost. An empty `field` means nothing is
/// wrong and the person asked for a preview: `voorbeeld=ja`, and the page opens at it.
#[cfg(feature = "ssr")]
pub(crate) fn back_to_editor(
    page: &str,
    id: &str,
    organisation: &str,
    field: &str,
    fields: &[&str],
    value: impl Fn(&str) -> String,
) {
    use crate::web::encode;
    let typed: Vec<String> = fields
        .iter()
        .map(|k| format!("{k}={}", encode(&value(k))))
        .collect();
    let id = match id.trim() {
        "" => "nieuw",
        id => id,
    };
    let (marker, anchor) = match field {
        "" => ("voorbeeld=ja".to_string(), "#voorbeeld"),
        field => (format!("fout={field}"), ""),
    };
    leptos_axum::redirect(&format!(
        "/beheer/{page}/{id}?organisatie={}&{marker}&{}{anchor}",
        encode(organisation),
        typed.join("&")
    ));
}

/// The state and the acting user of a server function call.
#[cfg(feature = "ssr")]
pub(crate) struct Ctx {
    /// This node's state.
    pub state: crate::AppState,
    /// Who is asking.
    pub me: crate::auth::Me,
}

#[cfg(feature = "ssr")]
impl Ctx {
    /// A reading call to `F`: logged in, with a role `F` allows.
    pub async fn reading<F: crate::auth::Guarded>() -> crate::Result<Ctx> {
        Ok(Ctx {
            state: crate::AppState::from_context()?,
            me: crate::auth::me_for::<F>().await?,
        })
    }

    /// Like [`Ctx::reading`], but `None` for a visitor who is not logged in.
    pub async fn reading_if_logged_in<F: crate::auth::Guarded>() -> crate::Result<Option<Ctx>> {
        let Some(me) = crate::auth::current_user().await? else {
            return Ok(None);
        };
        Ok(Some(Ctx {
            state: crate::AppState::from_context()?,
            me: crate::auth::admitted::<F>(me)?,
        }))
    }

    /// A state-changing call to `F`: the form's CSRF token, logged in, a role `F` allows.
    pub async fn writing<F: crate::auth::Guarded>(csrf: &str) -> crate::Result<Ctx> {
        Ok(Ctx {
            state: crate::AppState::from_context()?,
            me: crate::auth::require_for::<F>(csrf).await?,
        })
    }
}

#[cfg(feature = "ssr")]
fn entry<F: crate::auth::Guarded>() -> (&'static str, crate::auth::Access) {
    (F::PATH, F::ACCESS)
}

/// Who may call each server function, by its path. The router refuses any server function
/// that is not in this list.
#[cfg(feature = "ssr")]
pub fn access() -> Vec<(&'static str, crate::auth::Access)> {
    vec![
        entry::<SearchOffers>(),
        entry::<Suggest>(),
        entry::<PostcodeAt>(),
        entry::<GetOffer>(),
        entry::<GetRole>(),
        entry::<GetPlace>(),
        entry::<SimilarOffers>(),
        entry::<SignUp>(),
        entry::<OfferHelp>(),
        entry::<MoveHelpAnswer>(),
        entry::<InviteTalent>(),
        entry::<MatchLanes>(),
        entry::<LeaveTalentEntry>(),
        entry::<Coalitions>(),
        entry::<Coalition>(),
        entry::<CoalitionChances>(),
        entry::<StartCoalition>(),
        entry::<NewCoalition>(),
        entry::<AddCoalitionNote>(),
        entry::<MayChangeCoalition>(),
        entry::<SaveCoalition>(),
        entry::<CoalitionCandidates>(),
        entry::<InviteCoalitionPartner>(),
        entry::<InviteNewcomer>(),
        entry::<AnswerCoalition>(),
        entry::<AddFunding>(),
        entry::<CoalitionOverview>(),
        entry::<Signals>(),
        entry::<AskedNearby>(),
        entry::<ReportKnelpunt>(),
        entry::<DecideKnelpunt>(),
        entry::<SolvedKnelpunten>(),
        entry::<RemoveFunding>(),
        entry::<LogIn>(),
        entry::<LogOut>(),
        entry::<RequestReset>(),
        entry::<ResetPassword>(),
        entry::<WhoAmI>(),
        entry::<RequestAccount>(),
        entry::<Dashboard>(),
        entry::<SetSignupStatus>(),
        entry::<ConfirmStillCorrect>(),
        entry::<SetWaitingList>(),
        entry::<PublishWaitingListNeed>(),
        entry::<ReportProblem>(),
        entry::<InviteUser>(),
        entry::<ApiKeys>(),
        entry::<CreateApiKey>(),
        entry::<TeamsOverview>(),
        entry::<CreateTeam>(),
        entry::<SetTeamMember>(),
        entry::<RevokeApiKey>(),
        entry::<LoadOfferForm>(),
        entry::<SaveOffer>(),
        entry::<PreviewOffer>(),
        entry::<LoadLocationForm>(),
        entry::<SaveLocation>(),
        entry::<AreaOfPostcode>(),
        entry::<LoadNeedForm>(),
        entry::<SaveNeed>(),
        entry::<Workspace>(),
        entry::<LoadTraject>(),
        entry::<SaveTraject>(),
        entry::<DeleteTraject>(),
        entry::<CloseTraject>(),
        entry::<AssignTraject>(),
        entry::<PinSuggestion>(),
        entry::<SaveMember>(),
        entry::<RemoveMember>(),
        entry::<UnpinSuggestion>(),
        entry::<ExportTraject>(),
        entry::<TrajectHandout>(),
        entry::<ReferralReceiver>(),
        entry::<SendReferral>(),
        entry::<RevokeConsent>(),
        entry::<EscalateReferral>(),
        entry::<LoadReferral>(),
        entry::<SetReferralStatus>(),
        entry::<ChooseReferralPartner>(),
        entry::<IncomingReferrals>(),
        entry::<TakeUpEscalation>(),
        entry::<ModerationQueue>(),
        entry::<CloseReport>(),
        entry::<DecideOrganisation>(),
        entry::<DecideClaim>(),
        entry::<MergeOrganisations>(),
        entry::<RegisterOrganisation>(),
        entry::<ClaimOrganisation>(),
        entry::<OrganisationsNamed>(),
    ]
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    #[test]
    fn the_guard_and_the_function_read_one_rule_and_coordinators_do_not_set_referral_status() {
        use leptos::server_fn::ServerFn;

        use super::{access, SetReferralStatus};
        use crate::auth::{Access, Guarded, Role};
        let table = access();
        let rule = table
            .iter()
            .find(|(path, _)| *path == SetReferralStatus::PATH)
            .map(|(_, rule)| *rule);
        assert_eq!(rule, Some(<SetReferralStatus as Guarded>::ACCESS));
        let Some(Access::Roles(roles)) = rule else {
            panic!("{rule:?}")
        };
        assert!(!roles.contains(&Role::Coordinator));
        // Every path once: a function is never listed under two rules.
        let mut paths: Vec<&str> = table.iter().map(|(p, _)| *p).collect();
        paths.sort_unstable();
        paths.dedup();
        assert_eq!(paths.len(), table.len());
    }
}
