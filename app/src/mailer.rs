//! Outgoing mail behind one small trait, so delivery can be swapped without touching callers.
//! [`FileMailer`] writes each mail to a directory (development, tests, and until a real mail
//! server is configured); the log only says that a mail was written, never its content, which
//! holds one-time links.

use std::path::PathBuf;

/// Sends a plain-text mail.
pub trait Mailer: Send + Sync + std::fmt::Debug {
    /// Sends; failures are logged, not returned: a lost mail must not break the page.
    fn send(&self, to: &str, subject: &str, body: &str);
}

/// Writes mails as files in a directory.
#[derive(Debug, Clone)]
pub struct FileMailer {
    dir: PathBuf,
}

impl FileMailer {
    /// Mails go to `dir` (created when needed).
    pub fn new(dir: PathBuf) -> FileMailer {
        FileMailer { dir }
    }
}

impl Mailer for FileMailer {
    fn send(&self, to: &str, subject: &str, body: &str) {
        let name = format!(
            "{}-{}.txt",
            chrono::Utc::now().format("%Y%m%dT%H%M%S%.6f"),
            uuid::Uuid::new_v4().simple()
        );
        // A line break in a header would add headers of the sender's choosing.
        if !crate::auth::is_email(to) || subject.contains(['\r', '\n']) {
            tracing::warn!("mail refused: invalid recipient or subject");
            return;
        }
        let path = self.dir.join(name);
        let text = format!("To: {to}\nSubject: {subject}\n\n{body}");
        let written = std::fs::create_dir_all(&self.dir).and_then(|_| {
            use std::io::Write;
            use std::os::unix::fs::OpenOptionsExt;
            // Mails hold one-time links: readable by the service's user only.
            std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .mode(0o600)
                .open(&path)?
                .write_all(text.as_bytes())
        });
        match written {
            Ok(()) => tracing::info!(path = %path.display(), "mail written"),
            Err(error) => tracing::error!(%error, "mail could not be written"),
        }
    }
}
