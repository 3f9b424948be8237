//! Encryption at rest of what residents tell their professional (traject names, profiles,
//! plans, referral notes). ChaCha20-Poly1305 with a fresh random nonce per value; the key comes
//! from the config (`SK_DATA_KEY`, the same on every node) and never from the database, so a
//! copy of the database alone reveals nothing.
//!
//! Stored form: `v1:` + base64(nonce ‖ ciphertext). The version prefix leaves room to rotate keys.

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use chacha20poly1305::aead::{Aead, AeadCore, KeyInit, OsRng};
use chacha20poly1305::{ChaCha20Poly1305, Key, Nonce};

use crate::{Error, Result};

/// Seals and opens personal data.
pub struct Sealer {
    cipher: ChaCha20Poly1305,
}

impl std::fmt::Debug for Sealer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Sealer(***)")
    }
}

const PREFIX: &str = "v1:";

impl Sealer {
    /// A sealer from a 32-byte key.
    pub fn new(key: &[u8; 32]) -> Sealer {
        Sealer {
            cipher: ChaCha20Poly1305::new(Key::from_slice(key)),
        }
    }

    /// A sealer from 64 hex characters; `None` when the text is not such a key.
    pub fn from_hex(text: &str) -> Option<Sealer> {
        let text = text.trim();
        if text.len() != 64 {
            return None;
        }
        let mut key = [0u8; 32];
        for (n, byte) in key.iter_mut().enumerate() {
            *byte = u8::from_str_radix(text.get(2 * n..2 * n + 2)?, 16).ok()?;
        }
        Some(Sealer::new(&key))
    }

    /// A new random key as 64 hex characters.
    pub fn new_key_hex() -> String {
        let key = ChaCha20Poly1305::generate_key(&mut OsRng);
        key.iter().map(|b| format!("{b:02x}")).collect()
    }

    /// Encrypts a text; the empty text stays empty (nothing to hide, and cheap to query).
    pub fn seal(&self, plain: &str) -> String {
        if plain.is_empty() {
            return String::new();
        }
        let nonce = ChaCha20Poly1305::generate_nonce(&mut OsRng);
        // Encryption of a byte slice in memory cannot fail.
        let sealed = self
            .cipher
            .encrypt(&nonce, plain.as_bytes())
            .expect("chacha20poly1305 encrypts any input");
        let mut bytes = nonce.to_vec();
        bytes.extend(sealed);
        format!("{PREFIX}{}", STANDARD.encode(bytes))
    }

    /// A stored text for display: decrypted when sealed; rows written before their table was
    /// encrypted are shown as they are; a text that cannot be decrypted shows as empty.
    pub fn open_stored(&self, stored: &str) -> String {
        if stored.starts_with(PREFIX) {
            self.open(stored).unwrap_or_default()
        } else {
            stored.to_string()
        }
    }

    /// Decrypts what [`Sealer::seal`] made. A wrong key or changed data is an error, never
    /// garbage.
    pub fn open(&self, stored: &str) -> Result<String> {
        if stored.is_empty() {
            return Ok(String::new());
        }
        let broken = || Error::Sealed;
        let bytes = STANDARD
            .decode(stored.strip_prefix(PREFIX).ok_or_else(broken)?)
            .map_err(|_| broken())?;
        if bytes.len() < 12 {
            return Err(broken());
        }
        let (nonce, sealed) = bytes.split_at(12);
        let plain = self
            .cipher
            .decrypt(Nonce::from_slice(nonce), sealed)
            .map_err(|_| broken())?;
        String::from_utf8(plain).map_err(|_| broken())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sealed_text_opens_with_the_same_key_only() {
        let key = Sealer::new_key_hex();
        let sealer = Sealer::from_hex(&key).unwrap();
        let sealed = sealer.seal("heeft schulden");
        assert!(!sealed.contains("schulden"));
        assert_ne!(
            sealed,
            sealer.seal("heeft schulden"),
            "a fresh nonce each time"
        );
        assert_eq!(sealer.open(&sealed).unwrap(), "heeft schulden");
        let other = Sealer::from_hex(&Sealer::new_key_hex()).unwrap();
        assert!(other.open(&sealed).is_err());
    }

    #[test]
    fn a_changed_value_is_refused_and_bad_keys_are_not_keys() {
        let sealer = Sealer::new(&[7; 32]);
        let mut sealed = sealer.seal("afspraak dinsdag").into_bytes();
        let last = sealed.len() - 2;
        sealed[last] = if sealed[last] == b'A' { b'B' } else { b'A' };
        assert!(sealer.open(&String::from_utf8(sealed).unwrap()).is_err());
        assert!(Sealer::from_hex("kort").is_none());
        assert!(Sealer::from_hex(&"zz".repeat(32)).is_none());
        assert_eq!(sealer.open("").unwrap(), "");
    }
}
