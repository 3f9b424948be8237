//! Every mail the product sends, in one place and in both languages. A mail holds a link and
//! what the reader needs to act, never anything personal about a resident: mail is not sealed.
//!
//! Accounts have no stored language yet, so mails to them are Dutch ([`Lang::Nl`]); a resident
//! who answered a role hears back in the language they used.

use uuid::Uuid;

use crate::domain::{Email, HelpStatus};
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

/// A coalition's link person hears that someone was referred to the coalition. No personal
/// data: the receiving partner's managers see the referral.
pub fn coalition_referral(lang: Lang, coalition: &str, receiver: &str) -> Mail {
    match lang {
        Lang::Nl => mail(
            format!("Iemand is verwezen naar {coalition}"),
            format!("Een buurtteam heeft iemand verwezen naar de coalitie {coalition}. {receiver} ziet de verwijzing en legt vast welke partner de persoon oppakt. Spreek samen af wie contact opneemt."),
        ),
        Lang::En => mail(
            format!("Someone was referred to {coalition}"),
            format!("A neighbourhood team referred someone to the coalition {coalition}. {receiver} sees the referral and records which partner takes the person up. Agree together who gets in touch."),
        ),
    }
}

/// Someone at an organisation that is not on the map is asked into a coalition: how to put the
/// organisation on the map (with the link to a new account's password, when there is one) and
/// where to say yes.
pub fn coalition_newcomer(
    coalition: &str,
    organisation: &str,
    inviter: &str,
    id: Uuid,
    token: Option<&str>,
) -> Mail {
    let account = match token {
        Some(token) => format!(
            "1. Kies een wachtwoord met deze link (zeven dagen geldig): /wachtwoord/{token}\n"
        ),
        None => "1. Log in op de Sociale Kaart met je account.\n".to_string(),
    };
    mail(
        format!("Uitnodiging voor de coalitie {coalition}"),
        format!(
            "Hallo,\n\n{inviter} vraagt {organisation} om partner te worden in de coalitie {coalition}: /coalities/{id}\n\n{account}2. Zet {organisation} op de kaart: /beheer/nieuwe-organisatie\n3. Open de coalitie en zeg ja of nee.\n\nWil je niet meedoen? Dan hoef je niets te doen.\n"
        ),
    )
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

/// The answer to an account request: a link to choose a password, and what happens next.
pub fn account_requested(lang: Lang, organisation: &str, token: &str) -> Mail {
    match lang {
        Lang::Nl => mail(
            "Je account voor de Sociale Kaart".into(),
            format!("Hallo,\n\nJe hebt een account aangevraagd voor {organisation}.\nKies een wachtwoord met deze link (zeven dagen geldig):\n/wachtwoord/{token}\n\nDaarna kun je inloggen en je aanbod invullen. De gemeente kijkt je aanmelding na; daarna staat je organisatie op de kaart.\n"),
        ),
        Lang::En => mail(
            "Your account for the Sociale Kaart".into(),
            format!("Hello,\n\nYou asked for an account for {organisation}.\nChoose a password with this link (valid for seven days):\n/wachtwoord/{token}\n\nThen you can log in and fill in your offer. The gemeente checks your registration; then your organisation is on the map.\n"),
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

/// The words of a "past nu niet" reason code in `lang` (kind, never about the person).
pub fn not_now_reason(code: &str, lang: Lang) -> &'static str {
    match (code, lang) {
        ("vol", Lang::Nl) => "alle plekken zijn nu bezet",
        ("vol", Lang::En) => "all places are taken for now",
        ("tijden", Lang::Nl) => "de tijden passen nu niet bij elkaar",
        ("tijden", Lang::En) => "the times do not match for now",
        ("leeftijd", Lang::Nl) => "deze rol is voor een andere leeftijd",
        ("leeftijd", Lang::En) => "this role is for another age",
        (_, Lang::Nl) => "we hebben later weer plek en houden je graag op de hoogte",
        (_, Lang::En) => "we will have room later and would like to keep you posted",
    }
}

/// A resident's receipt after "ik help mee": what happens next.
pub fn help_receipt(lang: Lang, role: &str, organisation: &str, contact: &str) -> Mail {
    let who = if contact.is_empty() {
        organisation.to_string()
    } else {
        format!("{contact} van {organisation}")
    };
    match lang {
        Lang::Nl => mail(
            format!("Je wilt helpen: {role}"),
            format!(
                "Hallo,\n\nDank je wel! {who} heeft je bericht gekregen over \"{role}\" en neemt \
                 contact met je op, meestal binnen een week. Hoor je na twee weken niets? Dan \
                 krijg je van ons een bericht met andere plekken in de buurt.\n\n\
                 Je gegevens zijn alleen voor {organisation}. Na zes maanden halen we ze weg.\n"
            ),
        ),
        Lang::En => {
            let who = if contact.is_empty() {
                organisation.to_string()
            } else {
                format!("{contact} of {organisation}")
            };
            mail(
                format!("You want to help: {role}"),
                format!(
                    "Hello,\n\nThank you! {who} has your message about \"{role}\" and will get in \
                     touch, usually within a week. No news after two weeks? Then we will send you \
                     other places nearby.\n\n\
                     Your details are only for {organisation}. We delete them after six months.\n"
                ),
            )
        }
    }
}

/// An organisation's managers hear that it is asked to join a coalition.
pub fn coalition_invitation(coalition: &str, id: Uuid, inviter: &str) -> Mail {
    mail(
        format!("Doe je mee met de coalitie \"{coalition}\"?"),
        format!(
            "Hallo,\n\n{inviter} vraagt jullie organisatie om partner te worden van de coalitie \
             \"{coalition}\". Op de pagina staat wat de coalitie wil bereiken en wat jullie rol \
             zou zijn. Log in en zeg ja of nee: /coalities/{id}#partners\n"
        ),
    )
}

/// The link persons' side (the gemeente's coordinators) hears that a partner stopped.
pub fn coalition_partner_left(organisation: &str, coalition: &str, id: Uuid) -> Mail {
    mail(
        format!("{organisation} stopt als partner van \"{coalition}\""),
        format!(
            "Hallo,\n\n{organisation} doet niet meer mee met de coalitie \"{coalition}\". Kijk \
             samen met de andere partners of iemand anders die rol kan overnemen: /coalities/{id}\n"
        ),
    )
}

/// The link persons and the gemeente hear that money of a coalition stops soon.
pub fn funding_ending(coalition: &str, source: &str, days: i64, id: Uuid) -> Mail {
    mail(
        format!("Het geld van \"{coalition}\" stopt over {days} dagen"),
        format!(
            "Hallo,\n\nHet geld van {source} voor de coalitie \"{coalition}\" stopt over {days} \
             dagen. Veel coalities stoppen als het projectgeld op is. Zoek nu samen een vervolg: \
             een andere bron, of een partner die een deel overneemt. Laat op de pagina zien wat \
             de coalitie bereikt, dat helpt bij een aanvraag: /coalities/{id}\n"
        ),
    )
}

/// The link persons of a coalition without a note for three months get one reminder.
pub fn coalition_quiet(coalition: &str, id: Uuid) -> Mail {
    mail(
        format!("Hoe gaat het met \"{coalition}\"?"),
        format!(
            "Hallo,\n\nEr is al drie maanden niets genoteerd bij de coalitie \"{coalition}\". \
             Loopt het nog? Schrijf kort op wat er bereikt is, of zet de coalitie op gestopt met \
             de reden: /coalities/{id}#tellen\n\nTellen en vertellen houdt een coalitie levend.\n"
        ),
    )
}

/// An organisation hears that someone wants to help (no personal data in the mail).
pub fn help_new(role: &str) -> Mail {
    mail(
        format!("Iemand wil helpen: {role}"),
        format!(
            "Hallo,\n\nIemand wil helpen bij \"{role}\". Log in om te zien wie het is en laat \
             binnen een week iets weten: /beheer#hulp\n\nMensen haken af als ze niets horen.\n"
        ),
    )
}

/// An organisation is reminded of an answer that waits for a week.
pub fn help_reminder(role: &str) -> Mail {
    mail(
        format!("Nog geen antwoord: {role}"),
        format!(
            "Hallo,\n\nEen week geleden wilde iemand helpen bij \"{role}\". Die persoon wacht nog \
             op een antwoord. Laat het even weten, ook als het nu niet past: /beheer#hulp\n\n\
             Na twee weken zonder antwoord sturen we de persoon andere plekken in de buurt.\n"
        ),
    )
}

/// The resident hears where their answer stands, with the contact's name.
pub fn help_status(
    lang: Lang,
    status: HelpStatus,
    role: &str,
    organisation: &str,
    contact: &str,
    reason: &str,
) -> Mail {
    let from = |nl: bool| match (contact.is_empty(), nl) {
        (true, _) => organisation.to_string(),
        (false, true) => format!("{contact} van {organisation}"),
        (false, false) => format!("{contact} of {organisation}"),
    };
    let body = match (lang, status) {
        (Lang::Nl, HelpStatus::Kennismaking) => format!(
            "{} wil graag kennismaken over \"{role}\". Ze nemen contact met je op om een moment \
             af te spreken.",
            from(true)
        ),
        (Lang::Nl, HelpStatus::AanDeSlag) => format!(
            "Welkom! Je gaat aan de slag bij {organisation} als \"{role}\". {} is je \
             aanspreekpunt.",
            from(true)
        ),
        (Lang::Nl, _) => format!(
            "{} heeft je bericht over \"{role}\" gelezen. Het past nu niet: {}. Dank je wel dat \
             je wilde helpen. Op de Sociale Kaart staan meer plekken waar ze je graag zien: /?q=vrijwilliger",
            from(true),
            not_now_reason(reason, Lang::Nl)
        ),
        (Lang::En, HelpStatus::Kennismaking) => format!(
            "{} would like to meet you about \"{role}\". They will get in touch to find a moment.",
            from(false)
        ),
        (Lang::En, HelpStatus::AanDeSlag) => format!(
            "Welcome! You are starting at {organisation} as \"{role}\". {} is your contact.",
            from(false)
        ),
        (Lang::En, _) => format!(
            "{} has read your message about \"{role}\". It does not fit now: {}. Thank you for \
             wanting to help. The Sociale Kaart has more places that would love to see you: /?q=vrijwilliger",
            from(false),
            not_now_reason(reason, Lang::En)
        ),
    };
    let subject = match lang {
        Lang::Nl => format!("Nieuws over je aanmelding: {role}"),
        Lang::En => format!("News about your answer: {role}"),
    };
    let greeting = match lang {
        Lang::Nl => "Hallo",
        Lang::En => "Hello",
    };
    mail(subject, format!("{greeting},\n\n{body}\n"))
}

/// A resident whose answer got no reply in two weeks hears so kindly, with roles nearby
/// (`others`: title and organisation, with their page).
pub fn help_unanswered(lang: Lang, role: &str, others: &[(Uuid, String, String)]) -> Mail {
    let list: String = others
        .iter()
        .map(|(id, title, org)| format!("- {title} ({org}): /vraag/{id}\n"))
        .collect();
    match lang {
        Lang::Nl => mail(
            format!("Nog geen antwoord op: {role}"),
            format!(
                "Hallo,\n\nTwee weken geleden wilde je helpen bij \"{role}\". Je hebt nog geen \
                 antwoord gekregen. Dat ligt niet aan jou: soms is een organisatie even druk.\n\n\
                 {}Je kunt ook gewoon nog even wachten.\n",
                if list.is_empty() {
                    String::new()
                } else {
                    format!("Deze plekken in de buurt zoeken ook iemand:\n{list}\n")
                }
            ),
        ),
        Lang::En => mail(
            format!("No answer yet: {role}"),
            format!(
                "Hello,\n\nTwo weeks ago you offered to help with \"{role}\". You have not had an \
                 answer yet. That is not about you: sometimes an organisation is busy.\n\n\
                 {}You can also just wait a little longer.\n",
                if list.is_empty() {
                    String::new()
                } else {
                    format!("These places nearby are looking for someone too:\n{list}\n")
                }
            ),
        ),
    }
}

/// The link that empties an "ik kan iets" contact at once.
pub fn revoke_link(code: &str) -> String {
    format!("/ik-kan-iets/intrekken/{code}")
}

/// A resident who may be invited hears what that means and how to stop it.
pub fn reachable_saved(lang: Lang, code: &str) -> Mail {
    let link = revoke_link(code);
    match lang {
        Lang::Nl => mail(
            "Organisaties in de buurt mogen je vragen".into(),
            format!(
                "Hallo,\n\nJe hebt op de Sociale Kaart gezegd wat je kunt. Een organisatie in de \
                 buurt met een passende vraag mag je via ons één keer uitnodigen, hoogstens twee \
                 keer per maand. Ze zien je naam en e-mailadres niet: jij beslist of je reageert.\n\n\
                 Wil je dit niet meer? Klik dan hier, dan halen we je gegevens meteen weg: {link}\n\n\
                 Na zes maanden halen we ze sowieso weg.\n"
            ),
        ),
        Lang::En => mail(
            "Organisations nearby may ask you".into(),
            format!(
                "Hello,\n\nYou told the Sociale Kaart what you can do. An organisation nearby with \
                 a fitting request may invite you through us once, at most twice a month. They do \
                 not see your name or email address: you decide whether to answer.\n\n\
                 Changed your mind? Click here and we delete your details at once: {link}\n\n\
                 We delete them after six months anyway.\n"
            ),
        ),
    }
}

/// An organisation invites a resident for a role; the resident answers on the role's page,
/// or ignores it.
pub fn role_invitation(
    lang: Lang,
    name: &str,
    organisation: &str,
    role: &str,
    message: &str,
    role_id: Uuid,
    code_link: Option<&str>,
) -> Mail {
    let greeting = match (lang, name.is_empty()) {
        (Lang::Nl, true) => "Hallo".to_string(),
        (Lang::Nl, false) => format!("Hallo {name}"),
        (Lang::En, true) => "Hello".to_string(),
        (Lang::En, false) => format!("Hello {name}"),
    };
    let stop = code_link
        .map(|link| match lang {
            Lang::Nl => format!("\n\nGeen uitnodigingen meer? Klik hier: {link}"),
            Lang::En => format!("\n\nNo more invitations? Click here: {link}"),
        })
        .unwrap_or_default();
    match lang {
        Lang::Nl => mail(
            format!("{organisation} vraagt of je wilt helpen"),
            format!(
                "{greeting},\n\n{organisation} zoekt iemand voor \"{role}\" en denkt aan jou, \
                 omdat je op de Sociale Kaart zei wat je kunt. Ze schrijven:\n\n\
                 \"{message}\"\n\nLijkt het je wat? Kijk op /vraag/{role_id} en klik op \"Ik help \
                 mee\". Niet voor jou? Dan hoef je niets te doen.{stop}\n"
            ),
        ),
        Lang::En => mail(
            format!("{organisation} asks whether you want to help"),
            format!(
                "{greeting},\n\n{organisation} is looking for someone for \"{role}\" and thought \
                 of you, because you told the Sociale Kaart what you can do. They write:\n\n\
                 \"{message}\"\n\nInterested? Go to /vraag/{role_id} and click \"I want to \
                 help\". Not for you? Then you need not do anything.{stop}\n"
            ),
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
