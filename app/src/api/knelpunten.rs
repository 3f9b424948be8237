//! Knelpunten: a professional reports one from a traject; the gemeente's coordinator decides
//! on it; the solved ones a gemeente publishes are public.

use leptos::prelude::*;

use crate::knelpunten::{KnelpuntForm, SolvedLine};

crate::guard!(ReportKnelpunt, crate::service::trajecten::WORK);
/// Reports a wall from a traject; back to the traject with `?knelpunt=gemeld`, or with the
/// field that is wrong (`?knelpunt=naam`): what was typed does not go into the URL, because a
/// refused summary is one that may name a person.
#[server]
pub async fn report_knelpunt(csrf: String, form: KnelpuntForm) -> Result<(), ServerFnError> {
    ssr::report(csrf, form)
        .await
        .map_err(crate::Error::into_server_fn_error)
}

crate::guard!(DecideKnelpunt, crate::service::signals::READ);
/// The coordinator marks a knelpunt gemeld, opgeschaald or opgelost, with a note, and may put
/// a solved one on "wat we oplosten".
#[server]
pub async fn decide_knelpunt(
    csrf: String,
    knelpunt: String,
    status: String,
    notitie: String,
    publiceer: Option<String>,
) -> Result<(), ServerFnError> {
    ssr::decide(csrf, knelpunt, status, notitie, publiceer.is_some())
        .await
        .map_err(crate::Error::into_server_fn_error)
}

crate::guard!(SolvedKnelpunten, crate::auth::Access::Public);
/// "Wat we oplosten": the solved knelpunten gemeenten published.
#[server]
pub async fn solved_knelpunten() -> Result<Vec<SolvedLine>, ServerFnError> {
    ssr::solved()
        .await
        .map_err(crate::Error::into_server_fn_error)
}

#[cfg(feature = "ssr")]
mod ssr {
    use crate::api::{redirect_refreshed, Ctx};
    use crate::knelpunten::{KnelpuntForm, SolvedLine};
    use crate::service::{knelpunten, parse_id, Saved};
    use crate::{AppState, Result};

    pub async fn report(csrf: String, form: KnelpuntForm) -> Result<()> {
        let cx = Ctx::writing::<super::ReportKnelpunt>(&csrf).await?;
        let traject = parse_id(&form.traject)?;
        let today = chrono::Utc::now().date_naive();
        let outcome = match knelpunten::report(&cx.state, &cx.me, &form, today).await? {
            Saved::Done(_) => "gemeld",
            Saved::Invalid(field) => field,
        };
        leptos_axum::redirect(&format!(
            "/wijkteam/traject/{traject}?knelpunt={outcome}#knelpunt"
        ));
        Ok(())
    }

    pub async fn decide(
        csrf: String,
        knelpunt: String,
        status: String,
        note: String,
        publish: bool,
    ) -> Result<()> {
        let cx = Ctx::writing::<super::DecideKnelpunt>(&csrf).await?;
        let today = chrono::Utc::now().date_naive();
        let id = parse_id(&knelpunt)?;
        match knelpunten::decide(&cx.state, &cx.me, &knelpunt, &status, &note, publish, today)
            .await?
        {
            Saved::Done(()) => redirect_refreshed("/beheer/signalen", &format!("besloten={id}")),
            Saved::Invalid(field) => leptos_axum::redirect(&format!(
                "/beheer/signalen?knelpunt={id}&fout={field}#knelpunt-{id}"
            )),
        }
        Ok(())
    }

    pub async fn solved() -> Result<Vec<SolvedLine>> {
        let state = AppState::from_context()?;
        knelpunten::solved(&state).await
    }
}
