//! `/beheer/signalen.csv?periode=2026-K4`: the signalen as a CSV file for the gemeente's own
//! spreadsheets, for the same people as the page and with the same "<5".

use std::collections::HashMap;

use app::AppState;
use axum::extract::{Query, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};

/// The CSV, for a logged-in coordinator (their gemeente) or admin (`gemeente=`); 401 / 403
/// otherwise.
pub async fn csv(
    State(state): State<AppState>,
    headers: HeaderMap,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    let me = match super::logged_in(&state, &headers).await {
        Ok(me) => me,
        Err(refused) => return refused,
    };
    let text = |key: &str| q.get(key).map(|v| v.trim()).unwrap_or_default();
    let today = chrono::Utc::now().date_naive();
    let gemeente = Some(text("gemeente")).filter(|g| !g.is_empty());
    let view = match app::service::signals::dashboard(&state, &me, gemeente, text("periode"), today)
        .await
    {
        Ok(view) => view,
        Err(error) => return crate::ApiError::from(error).into_response(),
    };
    match write(&view.lines()) {
        Ok(body) => {
            let name = format!(
                "attachment; filename=\"signalen-{}-{}.csv\"",
                view.gemeente, view.period.0
            );
            (
                StatusCode::OK,
                [
                    (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_string()),
                    (header::CONTENT_DISPOSITION, name),
                ],
                body,
            )
                .into_response()
        }
        Err(error) => crate::ApiError::Internal(error).into_response(),
    }
}

fn write(lines: &[[String; 6]]) -> anyhow::Result<Vec<u8>> {
    // A byte order mark, so Excel reads the accents as UTF-8.
    let mut out = Vec::from("\u{feff}".as_bytes());
    {
        let mut csv = csv::WriterBuilder::new()
            .delimiter(b';')
            .from_writer(&mut out);
        csv.write_record(["periode", "wijkcode", "wijk", "maat", "onderwerp", "aantal"])?;
        for line in lines {
            csv.write_record(line.iter().map(|c| super::overview::cell(c)))?;
        }
        csv.flush()?;
    }
    Ok(out)
}
