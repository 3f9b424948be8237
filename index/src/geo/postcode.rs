//! The [`Postcode`] newtype: "3454", "3454 AB", "3454ab" all parse; anything else does not.

use std::fmt;

use crate::{Error, Result};

/// A Dutch postcode: always the four digits (PC4), optionally the two letters (PC6).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Postcode {
    digits: u16,
    letters: Option<[u8; 2]>,
}

impl Postcode {
    /// Parses a postcode as people type it: spaces anywhere, letters in any case.
    pub fn parse(input: &str) -> Result<Self> {
        let compact: String = input.chars().filter(|c| !c.is_whitespace()).collect();
        let bad = || Error::InvalidPostcode(input.trim().to_string());
        let bytes = compact.as_bytes();
        if !(bytes.len() == 4 || bytes.len() == 6) || !bytes[..4].iter().all(u8::is_ascii_digit) {
            return Err(bad());
        }
        // Dutch postcodes never start with 0.
        if bytes[0] == b'0' {
            return Err(bad());
        }
        let digits: u16 = compact[..4].parse().map_err(|_| bad())?;
        let letters = if bytes.len() == 6 {
            let (a, b) = (bytes[4].to_ascii_uppercase(), bytes[5].to_ascii_uppercase());
            if !a.is_ascii_uppercase() || !b.is_ascii_uppercase() {
                return Err(bad());
            }
            Some([a, b])
        } else {
            None
        };
        Ok(Postcode { digits, letters })
    }

    /// The four-digit area (PC4) as text, e.g. "3454".
    pub fn pc4(&self) -> String {
        self.digits.to_string()
    }
}

impl fmt::Display for Postcode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.letters {
            Some([a, b]) => write!(f, "{} {}{}", self.digits, a as char, b as char),
            None => write!(f, "{}", self.digits),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn four_digits_parse_as_pc4() {
        let p = Postcode::parse("3454").unwrap();
        assert_eq!(p.pc4(), "3454");
        assert_eq!(p.to_string(), "3454");
    }

    #[test]
    fn full_postcode_parses_with_or_without_space_and_in_lowercase() {
        for input in ["3454 AB", "3454AB", "3454ab", " 3454 ab ", "3454 aB"] {
            let p = Postcode::parse(input).unwrap();
            assert_eq!(p.to_string(), "3454 AB", "input {input:?}");
            assert_eq!(p.pc4(), "3454");
        }
    }

    #[test]
    fn bad_postcodes_are_refused() {
        for input in [
            "", "345", "34545", "0123", "3454 A", "3454 A1", "abcd", "3454 ABC", "34-54",
        ] {
            assert!(
                matches!(Postcode::parse(input), Err(Error::InvalidPostcode(_))),
                "input {input:?} should be refused"
            );
        }
    }
}
