//! Small helpers to write demo records briefly.

use app::db::{CostRecord, LocationRecord, OrganisationRecord, ScheduleRecord, ServiceRecord};
use chrono::NaiveDate;
use uuid::Uuid;

const DEMO_NAMESPACE: Uuid = Uuid::from_u128(0x5a1c_de30_0000_4000_8000_0000_0000_0002);

/// A stable id for a demo record, from a readable key.
pub fn demo_id(key: &str) -> Uuid {
    Uuid::new_v5(&DEMO_NAMESPACE, key.as_bytes())
}

/// A demo organisation.
pub fn organisation(key: &str, name: &str, description: &str) -> OrganisationRecord {
    OrganisationRecord {
        id: demo_id(&format!("org:{key}")),
        name: name.into(),
        description: description.into(),
        email: Some(format!("info@{}.example", slug(name))),
        website: Some(format!("https://{}.example", slug(name))),
        // A number residents can call, on every offer (030 000 …: no real subscriber number
        // starts with 0, so nobody is called by mistake).
        phone: Some(format!("030 000 {:04}", hash(key) % 10_000)),
        last_verified_on: verified(key),
        source: "demo".into(),
        extra: String::new(),
        partner_kind: String::new(),
    }
}

/// A demo location at a PC4 with a small, stable offset so places do not stack.
pub fn location(
    org: &OrganisationRecord,
    key: &str,
    name: &str,
    street: &str,
    pc4: &str,
) -> LocationRecord {
    let place = index::Postcode::parse(pc4)
        .ok()
        .and_then(|p| index::Geocoder::embedded().postcode(&p).ok().cloned());
    let h = hash(key);
    let (dlat, dlon) = (
        ((h % 200) as f64 - 100.0) * 0.000012,
        (((h / 200) % 200) as f64 - 100.0) * 0.000018,
    );
    LocationRecord {
        id: demo_id(&format!("loc:{key}")),
        organization_id: org.id,
        name: name.into(),
        address_1: street.into(),
        postal_code: format!("{pc4} {}", letters(h)),
        city: place
            .as_ref()
            .map(|p| p.plaats.clone())
            .unwrap_or_else(|| "Utrecht".into()),
        // Six decimals (about 10 cm) is what a real address register gives.
        latitude: place.as_ref().map(|p| round6(p.lat + dlat)),
        longitude: place.as_ref().map(|p| round6(p.lon + dlon)),
        accessibility: if h.is_multiple_of(3) {
            "Ingang met drempel; hulp bij de deur mogelijk.".into()
        } else if h % 4 == 1 {
            String::new()
        } else {
            "Rolstoeltoegankelijk, met invalidentoilet.".into()
        },
        // What the text says, as facts; every fifth place picks people up, and one in four
        // has nothing said about its entrance at all.
        access: {
            use index::matching::{Access, StepFree};
            let mut a = Access {
                step_free: if h.is_multiple_of(3) {
                    StepFree::No
                } else if h % 4 == 1 {
                    StepFree::Unknown
                } else {
                    StepFree::Yes
                },
                pick_up: h.is_multiple_of(5),
                near_transit: h.is_multiple_of(2),
                ..Access::default()
            };
            a.toilet = a.step_free == StepFree::Yes;
            a.codes()
        },
        transportation: String::new(),
        extra: String::new(),
    }
}

fn round6(x: f64) -> f64 {
    (x * 1e6).round() / 1e6
}

/// A demo offer with sensible defaults: active, free, no indicatie needed, Dutch.
pub fn service(
    org: &OrganisationRecord,
    key: &str,
    name: &str,
    kind: &str,
    description: &str,
) -> ServiceRecord {
    ServiceRecord {
        id: demo_id(&format!("svc:{key}")),
        organization_id: org.id,
        name: name.into(),
        description: description.into(),
        kind: kind.into(),
        status: "active".into(),
        is_free: true,
        no_referral_needed: true,
        email: org.email.clone(),
        phone: org.phone.clone(),
        url: org.website.clone(),
        last_verified_on: verified(key),
        source: "demo".into(),
        languages: vec!["nl".into()],
        ..ServiceRecord::default()
    }
}

/// "wo 14:00-16:00" style slot.
pub fn slot(weekday: u8, opens_at: &str, closes_at: &str) -> ScheduleRecord {
    ScheduleRecord {
        weekday,
        opens_at: opens_at.into(),
        closes_at: closes_at.into(),
        ..ScheduleRecord::default()
    }
}

/// A paid option.
pub fn cost(option: &str, amount: f64, description: &str) -> CostRecord {
    CostRecord {
        option: option.into(),
        amount: Some(amount),
        amount_description: description.into(),
    }
}

/// (taxonomy, code) pairs from "leefgebied:meedoen doelgroep:ouderen".
pub fn terms(spec: &str) -> Vec<(String, String)> {
    spec.split_whitespace()
        .filter_map(|t| t.split_once(':'))
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

/// Deterministic FNV-1a hash, for stable variation.
pub fn hash(key: &str) -> u64 {
    key.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
    })
}

fn letters(h: u64) -> String {
    let a = (b'A' + (h % 26) as u8) as char;
    let b = (b'A' + ((h / 26) % 26) as u8) as char;
    format!("{a}{b}")
}

fn verified(key: &str) -> Option<NaiveDate> {
    // Spread over the last seven months, so freshness varies (some listings are overdue and
    // marked) but no demo listing is old enough to be hidden, whenever the demo is loaded.
    let base = chrono::Utc::now()
        .date_naive()
        .checked_sub_days(chrono::Days::new(7))?;
    base.checked_sub_days(chrono::Days::new(hash(key) % 200))
}

fn slug(name: &str) -> String {
    name.to_lowercase()
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect::<String>()
        .split('-')
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("-")
}
