//! The one error type of this crate.
//!
//! User errors (bad postcode, coordinates out of range) are kept apart from internal ones
//! (index I/O) so that callers can show the first kind to people and log the second kind.

use std::fmt;

/// Result alias for this crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything that can go wrong in `index`.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The text is not a Dutch postcode ("3454", "3454 AB").
    #[error("invalid postcode {0:?}")]
    InvalidPostcode(String),
    /// A well-formed postcode that does not exist in the shipped postcode data.
    #[error("unknown postcode {0}")]
    UnknownPostcode(String),
    /// Latitude or longitude out of range or not a number.
    #[error("invalid coordinate: {0}")]
    InvalidCoordinate(CoordinateProblem),
    /// A search radius outside (0, 300] km.
    #[error("invalid radius {0} km")]
    InvalidRadius(f64),
    /// A radius or distance order without a point to measure from.
    #[error("radius or distance order without a point")]
    MissingPoint,
    /// More results per page than allowed.
    #[error("page size {0} too large")]
    PageTooLarge(usize),
    /// A page further than [`crate::MAX_OFFSET`] hits.
    #[error("offset {0} too deep")]
    PageTooDeep(usize),
    /// A map box with its edges swapped.
    #[error("invalid bounding box")]
    InvalidBoundingBox,
    /// A place name we do not know.
    #[error("unknown place {0:?}")]
    UnknownPlace(String),
    /// The documents of a rebuild stopped coming before the end (their source failed);
    /// nothing was committed.
    #[error("the documents to index stopped before the end")]
    SourceStopped,
    /// The search index failed (disk, corrupt files, ...).
    #[error("search index: {0}")]
    Index(#[from] tantivy::TantivyError),
    /// Opening the index directory failed.
    #[error("search index directory: {0}")]
    IndexDirectory(#[from] tantivy::directory::error::OpenDirectoryError),
    /// File system error around the index.
    #[error("io: {0}")]
    Io(#[from] std::io::Error),
}

impl Error {
    /// A stable snake_case code for APIs.
    pub fn code(&self) -> &'static str {
        match self {
            Error::InvalidPostcode(_) => "invalid_postcode",
            Error::UnknownPostcode(_) => "unknown_postcode",
            Error::InvalidCoordinate(_) => "invalid_coordinate",
            Error::UnknownPlace(_) => "unknown_place",
            Error::InvalidRadius(_) => "invalid_radius",
            Error::MissingPoint => "missing_point",
            Error::PageTooLarge(_) => "page_too_large",
            Error::PageTooDeep(_) => "page_too_deep",
            Error::InvalidBoundingBox => "invalid_bounding_box",
            _ => "internal",
        }
    }

    /// True when the error is caused by what a person typed, not by the system.
    pub fn is_user_error(&self) -> bool {
        matches!(
            self,
            Error::InvalidPostcode(_)
                | Error::UnknownPostcode(_)
                | Error::InvalidCoordinate(_)
                | Error::UnknownPlace(_)
                | Error::InvalidRadius(_)
                | Error::MissingPoint
                | Error::PageTooLarge(_)
                | Error::PageTooDeep(_)
                | Error::InvalidBoundingBox
        )
    }

    /// A short Dutch sentence for people (B1), never with internals.
    pub fn user_message(&self) -> String {
        match self {
            Error::InvalidPostcode(_) => {
                "Dit is geen postcode. Typ vier cijfers, bijvoorbeeld 3511 of 3511 AB.".into()
            }
            Error::UnknownPostcode(p) => {
                format!("We kennen postcode {p} niet. Kijk of de cijfers kloppen.")
            }
            Error::InvalidCoordinate(_) => "Deze plek op de kaart klopt niet.".into(),
            Error::UnknownPlace(p) => format!("We kennen de plaats \"{p}\" niet."),
            Error::InvalidRadius(_) => "Kies een afstand tussen 0 en 300 kilometer.".into(),
            Error::MissingPoint => "Geef een postcode of plaats op om op afstand te zoeken.".into(),
            Error::PageTooLarge(_) => "Vraag hoogstens 100 resultaten per pagina.".into(),
            Error::PageTooDeep(_) => "Zo ver kunnen we niet bladeren. Zoek wat preciezer.".into(),
            Error::InvalidBoundingBox => "Dit deel van de kaart klopt niet.".into(),
            _ => "Er ging iets mis bij het zoeken. Probeer het later nog eens.".into(),
        }
    }
}

/// Why a coordinate was refused.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum CoordinateProblem {
    /// Latitude outside -90..=90.
    Latitude(f64),
    /// Longitude outside -180..=180.
    Longitude(f64),
}

impl fmt::Display for CoordinateProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CoordinateProblem::Latitude(v) => write!(f, "latitude {v} out of range"),
            CoordinateProblem::Longitude(v) => write!(f, "longitude {v} out of range"),
        }
    }
}
