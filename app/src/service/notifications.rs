//! Every mail the product sends, in one place and in both languages. A mail holds a link and
//! what the reader needs to act, never anything personal about a resident: mail is not sealed.
//!
//! Recipients have no stored language yet, so services send Dutch ([`Lang::Nl`]); the English
//! texts are here so that choice is one argument away.

use uuid::Uuid;

use crate::domain::Email;
use crate::i18n::Lang;
use crate::AppState;

/// A mail's subject and body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mail {
    /// One line.
    pub subject: String,
    /// Plain text.
    pub body: String,
}

impl Mail {
    /// Sends to `to` through the node's mailer (delivery failures are logged there).
    pub fn send(&self, state: &AppState, to: &Email) {
        state.mailer.send(to.as_str(), &self.subject, &self.body);
    }

    /// Sends to every address that is valid; stored addresses were checked when written.
    pub fn send_all(&self, state: &AppState, to: &[String]) {
        for address in to {
            match Email::parse(address) {
                Some(email) => self.send(state, &email),
                None => tracing::warn!("mail skipped: stored address is not valid"),
            }
        }
    }
}

fn mail(subject: String, body: String) -> Mail {
    Mail { subject, body }
}

/// A provider hears that a referral is waiting for them.
pub fn new_referral(lang: Lang, target: &str, referral: Uuid) -> Mail {
    match lang {
        Lang::Nl => mail(
            "Nieuwe verwijzing via de Sociale Kaart".into(),
            format!("Er is een verwijzing voor {target}. Log in om te zien wat er gedeeld is: /verwijzing/{referral}"),
        ),
        Lang::En => mail(
            "New referral through the Sociale Kaart".into(),
            format!("There is a referral for {target}. Log in to see what was shared: /verwijzing/{referral}"),
        ),
    }
}

/// A coordinator is asked to help with a referral that is stuck (`why` is a stored code).
pub fn escalation(lang: Lang, why: &str, referral: Uuid) -> Mail {
    match lang {
        Lang::Nl => mail(
            "Een verwijzing loopt vast".into(),
            format!("Een buurtteam vraagt je hulp bij een verwijzing ({why}). Log in: /verwijzing/{referral}"),
        ),
        Lang::En => {
            let why = match why {
                "geen reactie" => "no answer",
                "wachtlijst" => "waiting list",
                other => other,
            };
            mail(
                "A referral is stuck".into(),
                format!("A neighbourhood team asks for your help with a referral ({why}). Log in: /verwijzing/{referral}"),
            )
        }
    }
}

/// A professional is asked how a referral is going: two weeks after sending (`started`:
/// false) or six weeks after the start (`started`: true).
pub fn follow_up(lang: Lang, started: bool, referral: Uuid) -> Mail {
    let (subject, body) = match (lang, started) {
        (Lang::Nl, true) => (
            "Hoe gaat het?",
            "Zes weken geleden is iemand begonnen via jouw verwijzing. Hoe gaat het? Kijk of de status nog klopt",
        ),
        (Lang::Nl, false) => (
            "Is de verwijzing aangekomen?",
            "Twee weken geleden heb je iemand verwezen. Is er contact geweest? Kijk of de status nog klopt",
        ),
        (Lang::En, true) => (
            "How is it going?",
            "Six weeks ago someone started through your referral. How is it going? Check that the status is still right",
        ),
        (Lang::En, false) => (
            "Did the referral arrive?",
            "Two weeks ago you referred someone. Has there been contact? Check that the status is still right",
        ),
    };
    mail(subject.into(), format!("{body}: /verwijzing/{referral}"))
}

/// A provider is asked to check their listing (five months after the last check).
pub fn listing_reminder(lang: Lang, organisation: &str) -> Mail {
    match lang {
        Lang::Nl => mail(
            format!("Klopt {organisation} nog op de Sociale Kaart?"),
            format!(
                "Hallo,\n\nHet is vijf maanden geleden dat {organisation} op de Sociale Kaart is nagekeken. \
                 Kijk even of alles nog klopt en klik op \"Alles klopt nog\" bij /beheer.\n\n\
                 Na negen maanden zonder controle halen we het aanbod uit de zoekresultaten, \
                 tot iemand het weer heeft nagekeken.\n"
            ),
        ),
        Lang::En => mail(
            format!("Is {organisation} still right on the Sociale Kaart?"),
            format!(
                "Hello,\n\nIt is five months since {organisation} was checked on the Sociale Kaart. \
                 Please see whether everything is still right and click \"Alles klopt nog\" at /beheer.\n\n\
                 After nine months without a check we take the offer out of the search results, \
                 until someone has checked it again.\n"
            ),
        ),
    }
}

/// A link to choose a new password (valid one hour).
pub fn password_reset(lang: Lang, token: &str) -> Mail {
    match lang {
        Lang::Nl => mail(
            "Nieuw wachtwoord voor de Sociale Kaart".into(),
            format!("Hallo,\n\nKies een nieuw wachtwoord met deze link (een uur geldig):\n/wachtwoord/{token}\n\nHeb je dit niet gevraagd? Dan hoef je niets te doen.\n"),
        ),
        Lang::En => mail(
            "New password for the Sociale Kaart".into(),
            format!("Hello,\n\nChoose a new password with this link (valid for one hour):\n/wachtwoord/{token}\n\nDid you not ask for this? Then you need not do anything.\n"),
        ),
    }
}

/// An invitation with a link to choose a password (valid seven days).
pub fn invitation(lang: Lang, inviter: &str, token: &str) -> Mail {
    match lang {
        Lang::Nl => mail(
            "Uitnodiging voor de Sociale Kaart".into(),
            format!("Hallo,\n\n{inviter} nodigt je uit om mee te werken aan de Sociale Kaart.\nKies een wachtwoord met deze link (zeven dagen geldig):\n/wachtwoord/{token}\n"),
        ),
        Lang::En => mail(
            "Invitation to the Sociale Kaart".into(),
            format!("Hello,\n\n{inviter} invites you to work on the Sociale Kaart.\nChoose a password with this link (valid for seven days):\n/wachtwoord/{token}\n"),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_mail_exists_in_both_languages_and_carries_its_link() {
        let id = Uuid::nil();
        for lang in [Lang::Nl, Lang::En] {
            let mails = [
                new_referral(lang, "Voetbal", id),
                escalation(lang, "wachtlijst", id),
                follow_up(lang, true, id),
                follow_up(lang, false, id),
                listing_reminder(lang, "VV De Meern"),
                password_reset(lang, "abc"),
                invitation(lang, "ans@utrecht.nl", "abc"),
            ];
            for m in &mails {
                assert!(!m.subject.contains('\n'), "{}", m.subject);
                assert!(m.body.contains('/'), "no link in {}", m.subject);
            }
        }
        assert_ne!(
            new_referral(Lang::Nl, "x", id).subject,
            new_referral(Lang::En, "x", id).subject
        );
    }
}
