//! The JSON API, version 1.

mod search;

pub use search::search;
