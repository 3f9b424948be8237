//! Photos of "tellen en vertellen" notes: the upload form of the coalition page (a plain
//! multipart form, with and without JavaScript) and the pictures themselves. The work is in
//! `app::service::coalitions` and `app::photo`; this is the HTTP adapter.

use app::auth::check_form;
use app::photo::MAX_UPLOAD_BYTES;
use app::service::coalitions;
use app::{AppState, Error};
use axum::extract::multipart::{Field, Multipart, MultipartRejection};
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use uuid::Uuid;

use crate::ApiError;

/// The most bytes of a body with a photo. Twice the photo cap, so that a photo somewhat over it
/// still gets the friendly answer at the note instead of a bare 413.
pub const MAX_BODY_BYTES: usize = 2 * MAX_UPLOAD_BYTES;

/// Is this the photo upload (`POST /coalities/{id}/foto`)?
pub fn is_upload(method: &axum::http::Method, path: &str) -> bool {
    method == axum::http::Method::POST
        && path
            .strip_prefix("/coalities/")
            .and_then(|rest| rest.strip_suffix("/foto"))
            .is_some_and(|id| !id.is_empty() && !id.contains('/'))
}
/// The most bytes of a text field of the form.
const MAX_FIELD_BYTES: usize = 4 * 1024;

/// The form's fields, as far as they came.
#[derive(Default)]
struct Form {
    csrf: String,
    note: String,
    description: String,
    remove: bool,
    photo: Vec<u8>,
    too_big: bool,
}

/// Reads a field up to `cap` bytes; `None` when it is longer.
async fn read_capped(field: &mut Field<'_>, cap: usize) -> Result<Option<Vec<u8>>, ApiError> {
    let mut out = Vec::new();
    while let Some(chunk) = field.chunk().await.map_err(unreadable)? {
        if out.len() + chunk.len() > cap {
            return Ok(None);
        }
        out.extend_from_slice(&chunk);
    }
    Ok(Some(out))
}

fn unreadable(error: impl std::fmt::Display) -> ApiError {
    tracing::warn!(%error, "photo form could not be read");
    ApiError::BadRequest(
        "unreadable_form",
        "Dit formulier kunnen we niet lezen. Laad de pagina opnieuw en probeer het nog eens."
            .into(),
    )
}

async fn read_form(mut multipart: Multipart) -> Result<Form, ApiError> {
    let mut form = Form::default();
    while let Some(mut field) = multipart.next_field().await.map_err(unreadable)? {
        let name = field.name().unwrap_or_default().to_string();
        if name == "foto" {
            match read_capped(&mut field, MAX_UPLOAD_BYTES).await? {
                Some(bytes) => form.photo = bytes,
                None => form.too_big = true,
            }
            continue;
        }
        let bytes = read_capped(&mut field, MAX_FIELD_BYTES)
            .await?
            .ok_or_else(|| unreadable("text field too long"))?;
        let text = String::from_utf8_lossy(&bytes).into_owned();
        match name.as_str() {
            "csrf" => form.csrf = text,
            "notitie" => form.note = text,
            "beschrijving" => form.description = text,
            "weghalen" => form.remove = text == "ja",
            _ => {}
        }
    }
    Ok(form)
}

/// `POST /coalities/{id}/foto`: sets (or with `weghalen=ja` removes) the photo of the note
/// `notitie`, then back to the note on the coalition page — with `foto=ja|weg`, or with
/// `fout=foto&reden=<code>` when the photo is refused.
pub async fn upload(
    State(state): State<AppState>,
    Path(coalition): Path<String>,
    headers: HeaderMap,
    multipart: Result<Multipart, MultipartRejection>,
) -> Response {
    match handle(&state, &coalition, &headers, multipart).await {
        Ok(response) => response,
        Err(error) => error.into_response(),
    }
}

async fn handle(
    state: &AppState,
    coalition: &str,
    headers: &HeaderMap,
    multipart: Result<Multipart, MultipartRejection>,
) -> Result<Response, ApiError> {
    let id = Uuid::parse_str(coalition).map_err(|_| ApiError::NotFound)?;
    let form = read_form(multipart.map_err(unreadable)?).await?;
    let note = Uuid::parse_str(form.note.trim()).map_err(|_| ApiError::NotFound)?;
    let cookies = super::cookie_header(headers);
    let Some(me) = check_form(&state.db, &cookies, &form.csrf).await? else {
        // Logged out in the meantime: log in and come back to the coalition.
        return Ok(Redirect::to("/inloggen?fout=verlopen").into_response());
    };
    let outcome = if form.remove {
        coalitions::remove_note_photo(state, &me, id, note)
            .await
            .map(|()| "weg")
    } else if form.too_big {
        Err(app::photo::too_big())
    } else {
        coalitions::set_note_photo(state, &me, id, note, &form.description, form.photo)
            .await
            .map(|()| "ja")
    };
    // A fresh `bijgewerkt` makes the hydrated page load the coalition again.
    let marker = chrono::Utc::now().timestamp_millis();
    let back = |query: String| {
        Redirect::to(&format!(
            "/coalities/{id}?bijgewerkt={marker}&notitie={note}&{query}#notitie-{note}"
        ))
        .into_response()
    };
    match outcome {
        Ok(done) => Ok(back(format!("foto={done}"))),
        Err(Error::Refused(code, _)) => Ok(back(format!("fout=foto&reden={code}"))),
        Err(error) => Err(error.into()),
    }
}

/// `GET /coalities/{id}/foto/{note}.jpg`: the picture, public like the note it belongs to.
pub async fn picture(
    State(state): State<AppState>,
    Path((coalition, file)): Path<(String, String)>,
) -> Response {
    let ids = Uuid::parse_str(&coalition).ok().zip(
        file.strip_suffix(".jpg")
            .and_then(|n| Uuid::parse_str(n).ok()),
    );
    let Some((id, note)) = ids else {
        return ApiError::NotFound.into_response();
    };
    match coalitions::note_photo(&state, id, note).await {
        Ok(jpeg) => (
            StatusCode::OK,
            [
                (header::CONTENT_TYPE, "image/jpeg"),
                // A replaced photo keeps its address: caches ask again after a while.
                (header::CACHE_CONTROL, "public, max-age=600"),
            ],
            jpeg,
        )
            .into_response(),
        Err(error) => ApiError::from(error).into_response(),
    }
}
