//! The one error type of the server side of `app`.
//!
//! Internals (SQL, I/O) are logged and never shown; people get a short Dutch sentence.

use leptos::prelude::ServerFnError;

/// Result alias for this crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything that can go wrong on the server side of the pages.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The database failed.
    #[error("database: {0}")]
    Database(#[from] sqlx::Error),
    /// Migrations failed.
    #[error("migrations: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    /// Search or geocoding failed.
    #[error(transparent)]
    Index(#[from] index::Error),
    /// A record does not exist (or is not public).
    #[error("not found")]
    NotFound,
    /// Input that we refuse, with the Dutch sentence for the person.
    #[error("invalid input: {0}")]
    Invalid(String),
    /// Input that we refuse, with a stable code for programs (`invalid_radius`) and the Dutch
    /// sentence for the person.
    #[error("refused ({0}): {1}")]
    Refused(&'static str, String),
    /// Not logged in for something that needs an account.
    #[error("not logged in")]
    Unauthenticated,
    /// Logged in, but not allowed (or a forged form).
    #[error("forbidden")]
    Forbidden,
    /// A background task died.
    #[error("background task: {0}")]
    Task(#[from] tokio::task::JoinError),
    /// Sealed personal data could not be opened (wrong key or damaged data).
    #[error("sealed data could not be opened")]
    Sealed,
    /// Server state missing from the request context (a wiring bug).
    #[error("app state missing from context")]
    NoState,
}

impl Error {
    /// The sentence a person sees.
    pub fn user_message(&self) -> String {
        match self {
            Error::NotFound => "Dit hebben we niet gevonden.".into(),
            Error::Unauthenticated => "Log eerst in.".into(),
            Error::Forbidden => {
                "Dit mag je niet doen met dit account, of het formulier is verlopen. Laad de pagina opnieuw."
                    .into()
            }
            Error::Invalid(message) | Error::Refused(_, message) => message.clone(),
            Error::Index(e) if e.is_user_error() => e.user_message(),
            _ => "Er ging iets mis. Probeer het later nog eens.".into(),
        }
    }

    /// True for errors caused by the system rather than by the input.
    pub fn is_internal(&self) -> bool {
        match self {
            Error::NotFound
            | Error::Invalid(_)
            | Error::Refused(..)
            | Error::Unauthenticated
            | Error::Forbidden => false,
            Error::Index(e) => !e.is_user_error(),
            _ => true,
        }
    }
}

impl Error {
    /// The error as server functions return it: logged when internal, a Dutch sentence out.
    /// Always go through here: `?` on a raw error would show its internals to people.
    pub fn into_server_fn_error(self) -> ServerFnError {
        if self.is_internal() {
            tracing::error!(error = %self, "server function failed");
        }
        let status = match self {
            Error::Unauthenticated => Some(401),
            Error::Forbidden => Some(403),
            Error::NotFound => Some(404),
            Error::Invalid(_) | Error::Refused(..) => Some(400),
            _ => None,
        };
        if let Some(code) = status {
            crate::web::set_status(code);
        }
        ServerFnError::ServerError(self.user_message())
    }
}
