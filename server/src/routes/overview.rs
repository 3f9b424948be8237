//! `/beheer/coalities.csv`: the gemeente's coalition overview as a CSV file for a spreadsheet,
//! for the same people and with the same filter as the page.

use app::AppState;
use axum::extract::{Query, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

/// `?filter=kwartaal`.
#[derive(Debug, Deserialize)]
pub struct Filter {
    #[serde(default)]
    filter: String,
}

/// The CSV, for a logged-in coordinator (their gemeente) or admin (all); 401 / 403 otherwise.
pub async fn csv(
    State(state): State<AppState>,
    headers: HeaderMap,
    Query(filter): Query<Filter>,
) -> Response {
    let me = match super::logged_in(&state, &headers).await {
        Ok(me) => me,
        Err(refused) => return refused,
    };
    let today = chrono::Utc::now().date_naive();
    let this_quarter = filter.filter == "kwartaal";
    let lines = match app::service::coalitions::overview(&state, &me, this_quarter, today).await {
        Ok(lines) => lines,
        Err(error) => return crate::ApiError::from(error).into_response(),
    };
    match write(&lines) {
        Ok(body) => (
            StatusCode::OK,
            [
                (header::CONTENT_TYPE, "text/csv; charset=utf-8"),
                (
                    header::CONTENT_DISPOSITION,
                    "attachment; filename=\"coalities.csv\"",
                ),
            ],
            body,
        )
            .into_response(),
        Err(error) => crate::ApiError::Internal(error).into_response(),
    }
}

/// A cell a spreadsheet will not read as a formula: text starting with = + - @ (or a tab or
/// carriage return) gets a leading apostrophe (OWASP "CSV injection").
pub(super) fn cell(text: &str) -> String {
    match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{text}"),
        _ => text.to_string(),
    }
}

fn write(lines: &[app::coalitions::OverviewLine]) -> anyhow::Result<Vec<u8>> {
    // A byte order mark, so Excel reads the accents as UTF-8.
    let mut out = Vec::from("\u{feff}".as_bytes());
    {
        let mut csv = csv::WriterBuilder::new()
            .delimiter(b';')
            .from_writer(&mut out);
        csv.write_record([
            "coalitie",
            "status",
            "partners",
            "aanspreekpunten",
            "geld tot",
            "loopt af dit kwartaal",
            "stil",
            "laatste notitie",
            "trend",
            "pagina",
        ])?;
        for l in lines {
            let yes = |b: bool| if b { "ja" } else { "nee" };
            csv.write_record([
                cell(&l.name),
                l.status.clone(),
                cell(&l.partners),
                cell(&l.link_persons),
                l.funding_ends_on.clone().unwrap_or_default(),
                yes(l.ends_this_quarter).into(),
                yes(l.quiet).into(),
                cell(l.latest_note.as_deref().unwrap_or_default()),
                l.trend.clone(),
                format!("/coalities/{}", l.id),
            ])?;
        }
        csv.flush()?;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::cell;

    #[test]
    fn a_cell_that_starts_like_a_formula_stays_text() {
        assert_eq!(cell("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(cell("-5 kinderen"), "'-5 kinderen");
        assert_eq!(cell("VV De Meern"), "VV De Meern");
    }
}
