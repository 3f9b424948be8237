//! Integration and browser tests live in `tests/it/` (one test binary).
