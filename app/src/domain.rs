//! Shared domain types: the words of the product as types instead of loose strings, each with
//! its `code` (as stored, in URLs and forms) and `parse`. Shared by server and browser, and
//! below everything else in `app` (the database layer reads and writes them).
//!
//! A status that is not in its enum cannot reach the database, and the rules of how a referral
//! moves on live here, once.

use std::fmt;

use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// What a user may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// Manages one or more organisations.
    Provider,
    /// Wijkteam worker and other referrers.
    Professional,
    /// Gemeente or sociaal makelaar: moderation and all data of their gemeente.
    Coordinator,
    /// Everything.
    Admin,
}

impl Role {
    /// All roles.
    pub const ALL: [Role; 4] = [
        Role::Provider,
        Role::Professional,
        Role::Coordinator,
        Role::Admin,
    ];

    /// As stored.
    pub fn code(self) -> &'static str {
        match self {
            Role::Provider => "provider",
            Role::Professional => "professional",
            Role::Coordinator => "coordinator",
            Role::Admin => "admin",
        }
    }

    /// Reads a stored code.
    pub fn parse(code: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.code() == code.trim())
    }
}

/// The logged-in user as pages see it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Me {
    /// User id.
    pub id: Uuid,
    /// E-mail address (lower case).
    pub email: String,
    /// Name.
    pub name: String,
    /// Role.
    pub role: Role,
    /// The gemeente of a coordinator.
    pub gemeente: Option<String>,
}

impl Me {
    /// The operator at the command line (`sociale-kaart team ...`): an admin without an
    /// account, written in the audit log as nobody in particular.
    pub fn operator() -> Me {
        Me {
            id: Uuid::nil(),
            email: String::new(),
            name: "beheer (opdrachtregel)".into(),
            role: Role::Admin,
            gemeente: None,
        }
    }
}

/// Kinds of offer, as organisations list them (the `soort` taxonomy).
pub const OFFER_KINDS: [&str; 4] = ["buurthuis", "vereniging", "initiatief", "voorziening"];

/// The kind of the volunteer roles that search shows beside offers.
pub const ROLE_KIND: &str = "vrijwilligerswerk";

/// True for a kind people can search for: an offer kind or the role kind.
pub fn is_search_kind(kind: &str) -> bool {
    OFFER_KINDS.contains(&kind) || kind == ROLE_KIND
}

/// Where a referral stands. The receiver moves it on; the professional may stop it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ReferralStatus {
    /// Sent by the professional.
    Verstuurd,
    /// Opened by the receiver.
    Ontvangen,
    /// The receiver says yes.
    Geaccepteerd,
    /// The receiver says no, with a reason.
    Afgewezen,
    /// The person has started.
    Gestart,
    /// Done.
    Afgerond,
    /// Stopped (by either side).
    Gestopt,
}

impl ReferralStatus {
    /// All statuses in the order they usually follow (the database checks the same list).
    pub const ALL: [ReferralStatus; 7] = [
        ReferralStatus::Verstuurd,
        ReferralStatus::Ontvangen,
        ReferralStatus::Geaccepteerd,
        ReferralStatus::Afgewezen,
        ReferralStatus::Gestart,
        ReferralStatus::Afgerond,
        ReferralStatus::Gestopt,
    ];

    /// The status as stored.
    pub fn code(self) -> &'static str {
        match self {
            ReferralStatus::Verstuurd => "verstuurd",
            ReferralStatus::Ontvangen => "ontvangen",
            ReferralStatus::Geaccepteerd => "geaccepteerd",
            ReferralStatus::Afgewezen => "afgewezen",
            ReferralStatus::Gestart => "gestart",
            ReferralStatus::Afgerond => "afgerond",
            ReferralStatus::Gestopt => "gestopt",
        }
    }

    /// Reads a stored or posted status.
    pub fn parse(code: &str) -> Option<ReferralStatus> {
        Self::ALL.into_iter().find(|s| s.code() == code.trim())
    }

    /// The statuses a receiver may set next (the state machine).
    pub fn next(self) -> &'static [ReferralStatus] {
        use ReferralStatus::*;
        match self {
            Verstuurd => &[Ontvangen, Geaccepteerd, Afgewezen],
            Ontvangen => &[Geaccepteerd, Afgewezen],
            Geaccepteerd => &[Gestart, Gestopt],
            Gestart => &[Afgerond, Gestopt],
            Afgewezen | Afgerond | Gestopt => &[],
        }
    }

    /// True when the referral is over (its personal data's retention clock runs).
    pub fn is_closed(self) -> bool {
        matches!(
            self,
            ReferralStatus::Afgewezen | ReferralStatus::Afgerond | ReferralStatus::Gestopt
        )
    }

    /// True while the receiver has not answered yet.
    pub fn is_unanswered(self) -> bool {
        matches!(self, ReferralStatus::Verstuurd | ReferralStatus::Ontvangen)
    }
}

impl fmt::Display for ReferralStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl TryFrom<String> for ReferralStatus {
    type Error = String;

    fn try_from(code: String) -> Result<Self, Self::Error> {
        ReferralStatus::parse(&code).ok_or_else(|| format!("unknown referral status {code:?}"))
    }
}

/// How the person meets the receiver (a warm handover).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Handover {
    /// An appointment is made.
    Afspraak,
    /// The professional goes along.
    Meegaan,
    /// The person goes alone.
    Zelf,
}

impl Handover {
    /// All ways, as the form offers them.
    pub const ALL: [Handover; 3] = [Handover::Afspraak, Handover::Meegaan, Handover::Zelf];

    /// The way as stored.
    pub fn code(self) -> &'static str {
        match self {
            Handover::Afspraak => "afspraak",
            Handover::Meegaan => "meegaan",
            Handover::Zelf => "zelf",
        }
    }

    /// Reads a stored or posted way.
    pub fn parse(code: &str) -> Option<Handover> {
        Self::ALL.into_iter().find(|h| h.code() == code.trim())
    }
}

/// What a volunteer role pays: nothing, expenses, or a volunteer allowance.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Compensation {
    /// No money.
    #[default]
    Geen,
    /// Costs made are paid back.
    Onkosten,
    /// A volunteer allowance (vrijwilligersvergoeding); it can touch a benefit unless cleared.
    Vergoeding,
}

impl Compensation {
    /// All kinds, as the editor offers them (the database checks the same list).
    pub const ALL: [Compensation; 3] = [
        Compensation::Geen,
        Compensation::Onkosten,
        Compensation::Vergoeding,
    ];

    /// The kind as stored.
    pub fn code(self) -> &'static str {
        match self {
            Compensation::Geen => "geen",
            Compensation::Onkosten => "onkosten",
            Compensation::Vergoeding => "vergoeding",
        }
    }

    /// Reads a stored or posted kind.
    pub fn parse(code: &str) -> Option<Compensation> {
        Self::ALL.into_iter().find(|c| c.code() == code.trim())
    }
}

/// Where an answer to a role ("ik help mee") stands. The organisation moves it on; each move
/// tells the resident.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum HelpStatus {
    /// Just sent.
    Nieuw,
    /// A first meeting is planned.
    Kennismaking,
    /// The person has started.
    AanDeSlag,
    /// It does not fit now (with a kind reason).
    PastNiet,
}

impl HelpStatus {
    /// All statuses in order (the database checks the same list).
    pub const ALL: [HelpStatus; 4] = [
        HelpStatus::Nieuw,
        HelpStatus::Kennismaking,
        HelpStatus::AanDeSlag,
        HelpStatus::PastNiet,
    ];

    /// The status as stored and posted.
    pub fn code(self) -> &'static str {
        match self {
            HelpStatus::Nieuw => "nieuw",
            HelpStatus::Kennismaking => "kennismaking",
            HelpStatus::AanDeSlag => "aan de slag",
            HelpStatus::PastNiet => "past niet",
        }
    }

    /// Reads a stored or posted status.
    pub fn parse(code: &str) -> Option<HelpStatus> {
        Self::ALL.into_iter().find(|s| s.code() == code.trim())
    }

    /// The statuses the organisation may set next.
    pub fn next(self) -> &'static [HelpStatus] {
        use HelpStatus::*;
        match self {
            Nieuw => &[Kennismaking, AanDeSlag, PastNiet],
            Kennismaking => &[AanDeSlag, PastNiet],
            AanDeSlag | PastNiet => &[],
        }
    }
}

impl TryFrom<String> for HelpStatus {
    type Error = String;

    fn try_from(code: String) -> Result<Self, Self::Error> {
        HelpStatus::parse(&code).ok_or_else(|| format!("unknown help status {code:?}"))
    }
}

/// Kind reasons an organisation can give when an answer does not fit now (codes; the words
/// are in `i18n`). No reason is about the person.
pub const NOT_NOW_REASONS: [&str; 4] = ["vol", "tijden", "leeftijd", "later"];

/// Whether a text is a phone number as people type one: 10 to 15 digits, with spaces, dashes,
/// dots, brackets and one leading `+` ("06-12345678", "030 123 45 67", "+31 6 1234 5678").
/// "bel me maar" or "06" is not a way to reach someone.
pub fn is_phone_number(text: &str) -> bool {
    let text = text.trim();
    let digits = text.chars().filter(char::is_ascii_digit).count();
    let allowed = text.char_indices().all(|(i, c)| {
        c.is_ascii_digit() || matches!(c, ' ' | '-' | '.' | '(' | ')') || (c == '+' && i == 0)
    });
    allowed && (10..=15).contains(&digits)
}

/// An e-mail address that looks deliverable: one `@`, a dot in the domain, no spaces or line
/// breaks (a line break in a mail header would add headers of the sender's choosing).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Email(String);

impl Email {
    /// Longest address we accept.
    pub const MAX_LEN: usize = 200;

    /// Checks a trimmed address: one `@`, a dotted domain, no spaces, control characters or
    /// characters that would split a mail header or a list of addresses.
    pub fn parse(text: &str) -> Option<Email> {
        let text = text.trim();
        let (local, domain) = text.split_once('@')?;
        let valid = text.len() <= Self::MAX_LEN
            && !local.is_empty()
            && domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && !domain.contains('@')
            && !text.chars().any(|c| {
                c.is_control()
                    || c.is_whitespace()
                    || matches!(c, '<' | '>' | ',' | ';' | '"' | '(' | ')' | '\\')
            });
        valid.then(|| Email(text.to_string()))
    }

    /// The address.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl TryFrom<String> for Email {
    type Error = String;

    fn try_from(text: String) -> Result<Self, Self::Error> {
        Email::parse(&text).ok_or_else(|| "not an e-mail address".to_string())
    }
}

impl From<Email> for String {
    fn from(email: Email) -> String {
        email.0
    }
}

/// A CBS gemeente code: `GM` and four digits (`GM0344` is Utrecht).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct GemeenteCode(String);

impl GemeenteCode {
    /// Checks a code; lowercase `gm0344` is accepted and written as `GM0344`.
    pub fn parse(text: &str) -> Option<GemeenteCode> {
        let code = text.trim().to_ascii_uppercase();
        let valid = code.len() == 6
            && code.starts_with("GM")
            && code[2..].chars().all(|c| c.is_ascii_digit());
        valid.then_some(GemeenteCode(code))
    }

    /// The code.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for GemeenteCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl TryFrom<String> for GemeenteCode {
    type Error = String;

    fn try_from(text: String) -> Result<Self, Self::Error> {
        GemeenteCode::parse(&text).ok_or_else(|| "not a gemeente code".to_string())
    }
}

impl From<GemeenteCode> for String {
    fn from(code: GemeenteCode) -> String {
        code.0
    }
}

/// A day of the week, Monday first (ISO 8601: 1 is Monday), with its code in URLs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Weekday(u8);

impl Weekday {
    /// Day codes in URLs and the API, Monday first.
    pub const CODES: [&'static str; 7] = ["ma", "di", "wo", "do", "vr", "za", "zo"];

    /// The day with ISO number `n` (1 = Monday … 7 = Sunday).
    pub fn from_iso(n: u8) -> Option<Weekday> {
        (1..=7).contains(&n).then_some(Weekday(n))
    }

    /// Reads a day code (`ma`, `di`, …).
    pub fn parse(code: &str) -> Option<Weekday> {
        let i = Self::CODES.iter().position(|c| *c == code.trim())?;
        Some(Weekday(i as u8 + 1))
    }

    /// ISO number, 1 = Monday.
    pub fn iso(self) -> u8 {
        self.0
    }

    /// The code in URLs.
    pub fn code(self) -> &'static str {
        Self::CODES[self.0 as usize - 1]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_phone_number_is_ten_to_fifteen_digits_as_people_type_them() {
        for ok in [
            "0612345678",
            "06-12345678",
            "030 123 45 67",
            "+31 6 1234 5678",
            "(030) 1234567",
        ] {
            assert!(is_phone_number(ok), "{ok}");
        }
        for bad in [
            "bel me maar",
            "06",
            "0612345",
            "06 1234 5678 ext 12",
            "+31+612345678",
            "",
        ] {
            assert!(!is_phone_number(bad), "{bad}");
        }
    }

    #[test]
    fn a_referral_moves_only_forward_and_a_closed_one_does_not_move() {
        use ReferralStatus::*;
        assert_eq!(Verstuurd.next(), &[Ontvangen, Geaccepteerd, Afgewezen]);
        assert!(Afgerond.next().is_empty() && Afgerond.is_closed());
        assert!(!Gestart.is_closed());
        for status in ReferralStatus::ALL {
            assert_eq!(ReferralStatus::parse(status.code()), Some(status));
            assert!(!status.next().contains(&Verstuurd), "{status} moves back");
        }
        assert_eq!(ReferralStatus::parse("weg"), None);
    }

    #[test]
    fn an_email_address_needs_an_at_and_a_domain_and_no_line_breaks() {
        assert_eq!(
            Email::parse(" ans@wijkteam.nl ").map(String::from),
            Some("ans@wijkteam.nl".to_string())
        );
        for wrong in [
            "",
            "ans",
            "ans@",
            "@x.nl",
            "ans@nl",
            "a b@x.nl",
            "a@x.nl\nBcc: b@y.nl",
            "a@b.nl, c@d.nl",
        ] {
            assert_eq!(Email::parse(wrong), None, "{wrong:?}");
        }
    }

    #[test]
    fn a_gemeente_code_is_gm_and_four_digits() {
        assert_eq!(
            GemeenteCode::parse("gm0344").map(String::from),
            Some("GM0344".into())
        );
        for wrong in ["", "GM344", "0344", "GM03444", "GMabcd"] {
            assert_eq!(GemeenteCode::parse(wrong), None, "{wrong:?}");
        }
    }

    #[test]
    fn weekdays_read_their_codes_monday_first() {
        assert_eq!(Weekday::parse("ma").map(Weekday::iso), Some(1));
        assert_eq!(Weekday::parse("zo").map(Weekday::code), Some("zo"));
        assert_eq!(Weekday::parse("maandag"), None);
        assert_eq!(Weekday::from_iso(8), None);
    }
}
