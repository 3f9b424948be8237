//! Offers generated from templates for each of Utrecht's ten wijken.

use app::db::{Dataset, NeedRecord, ServiceRecord};
use app::domain::Compensation;

use super::builder::{cost, demo_id, hash, location, organisation, service, slot, terms};

/// A wijk: its name, its postcodes and a few street names for addresses.
struct Wijk {
    key: &'static str,
    name: &'static str,
    pc4: &'static [&'static str],
    streets: [&'static str; 4],
}

const WIJKEN: [Wijk; 10] = [
    Wijk {
        key: "west",
        name: "West",
        pc4: &["3531", "3532", "3533"],
        streets: [
            "Kanaalstraat",
            "Damstraat",
            "Marnixlaan",
            "Thomas a Kempisplantsoen",
        ],
    },
    Wijk {
        key: "noordwest",
        name: "Noordwest",
        pc4: &["3551", "3552", "3553", "3554"],
        streets: [
            "Amsterdamsestraatweg",
            "Royaards van den Hamkade",
            "Prins Bernhardplein",
            "Ondiep-Zuidzijde",
        ],
    },
    Wijk {
        key: "overvecht",
        name: "Overvecht",
        pc4: &["3561", "3562", "3563", "3564", "3565"],
        streets: [
            "Zamenhofdreef",
            "Bernadottelaan",
            "Vader Rijndreef",
            "Gambiadreef",
        ],
    },
    Wijk {
        key: "noordoost",
        name: "Noordoost",
        pc4: &["3571", "3572", "3514"],
        streets: [
            "Biltstraat",
            "Adelaarstraat",
            "Kleine Koppel",
            "Jan Pieterszoon Coenstraat",
        ],
    },
    Wijk {
        key: "oost",
        name: "Oost",
        pc4: &["3581", "3582", "3583", "3584"],
        streets: [
            "Oudwijk",
            "Kromme Nieuwegracht",
            "Burgemeester Reigerstraat",
            "Prins Hendriklaan",
        ],
    },
    Wijk {
        key: "binnenstad",
        name: "Binnenstad",
        pc4: &["3511", "3521"],
        streets: [
            "Oudegracht",
            "Lange Nieuwstraat",
            "Voorstraat",
            "Twijnstraat",
        ],
    },
    Wijk {
        key: "zuid",
        name: "Zuid",
        pc4: &["3523", "3524", "3525"],
        streets: [
            "Rivierenlaan",
            "Hooft Graaflandstraat",
            "Smaragdplein",
            "Briljantlaan",
        ],
    },
    Wijk {
        key: "zuidwest",
        name: "Zuidwest",
        pc4: &["3522", "3526", "3527"],
        streets: [
            "Aletrinoweg",
            "Marshalllaan",
            "Churchilllaan",
            "Bisschoppenweg",
        ],
    },
    Wijk {
        key: "leidsche-rijn",
        name: "Leidsche Rijn",
        pc4: &["3528", "3541", "3543", "3544"],
        streets: ["Berlijnplein", "Grauwaart", "Terwijdeplein", "Langerakbaan"],
    },
    Wijk {
        key: "vleuten-de-meern",
        name: "Vleuten-De Meern",
        pc4: &["3451", "3452", "3453", "3454", "3455"],
        streets: [
            "Dorpsstraat",
            "Schoolstraat",
            "Mereveldseweg",
            "Hindersteinlaan",
        ],
    },
];

/// A weekly buurthuis activity: (key, name, description, leefgebied terms, weekday, from, to, ages).
type Activity = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    u8,
    &'static str,
    &'static str,
    Option<(i32, i32)>,
);

const ACTIVITIES: [Activity; 10] = [
    ("koffie", "Koffieochtend", "Loop binnen voor koffie of thee en een praatje. Iedereen is welkom, je hoeft je niet aan te melden.", "leefgebied:meedoen doelgroep:iedereen kenmerk:vrije-inloop", 2, "10:00", "12:00", None),
    ("samen-eten", "Samen eten", "Elke week koken vrijwilligers een warme maaltijd. Samen eten is gezellig en goedkoop.", "leefgebied:meedoen leefgebied:gezondheid doelgroep:iedereen", 4, "17:30", "19:30", None),
    ("digicafe", "Digicafé: hulp bij computer en telefoon", "Vragen over je telefoon, DigiD of e-mail? Vrijwilligers helpen je rustig op weg.", "leefgebied:leren doelgroep:ouderen doelgroep:iedereen kenmerk:vrije-inloop", 1, "13:30", "15:30", None),
    ("huiswerk", "Huiswerkbegeleiding", "Hulp bij huiswerk en plannen voor kinderen uit groep 6 tot en met de tweede klas.", "leefgebied:opgroeien leefgebied:leren doelgroep:kinderen", 2, "15:30", "17:00", Some((9, 14))),
    ("spelinloop", "Spelinloop voor kinderen", "Spelletjes, knutselen en buiten spelen na school. Ouders mogen blijven voor koffie.", "leefgebied:opgroeien doelgroep:kinderen doelgroep:ouders kenmerk:vrije-inloop", 3, "14:00", "16:00", Some((4, 12))),
    ("stoelyoga", "Bewegen op de stoel", "Rustig bewegen op muziek, zittend op een stoel. Goed voor je balans en gezellig.", "leefgebied:bewegen leefgebied:gezondheid doelgroep:ouderen", 5, "10:30", "11:30", Some((55, 120))),
    ("atelier", "Creatief atelier", "Schilderen, tekenen en kleien met elkaar. Materiaal is er.", "leefgebied:meedoen doelgroep:iedereen", 3, "19:00", "21:00", None),
    ("naaiatelier", "Naaiatelier en repareren", "Leer naaien of repareer je kleding met hulp van buurtgenoten.", "leefgebied:meedoen leefgebied:geldzaken doelgroep:iedereen", 4, "13:00", "15:00", None),
    ("moestuin", "Buurtmoestuin", "Samen groenten kweken in de tuin naast het buurthuis. Geen ervaring nodig.", "leefgebied:meedoen leefgebied:gezondheid doelgroep:iedereen", 6, "10:00", "12:00", None),
    ("vrouwen", "Vrouwenochtend", "Ontmoeten, thee drinken en samen activiteiten kiezen. In het Nederlands, Arabisch en Turks.", "leefgebied:meedoen doelgroep:nieuwkomers", 5, "09:30", "11:30", None),
];

/// Sports clubs: (key, name, sport description, talent, ages, weekday, from, to, yearly fee).
type Club = (
    &'static str,
    &'static str,
    &'static str,
    u8,
    &'static str,
    &'static str,
    f64,
);

const CLUBS: [Club; 6] = [
    (
        "voetbal",
        "Voetbalclub",
        "Voetballen in een team, met training door de week en een wedstrijd op zaterdag.",
        3,
        "17:00",
        "18:30",
        150.0,
    ),
    (
        "judo",
        "Judoschool",
        "Judo voor kinderen: leren vallen, samen stoeien en respect voor elkaar.",
        2,
        "16:00",
        "17:00",
        180.0,
    ),
    (
        "hockey",
        "Hockeyclub",
        "Hockey voor beginners en gevorderden, in gemengde teams.",
        3,
        "16:30",
        "18:00",
        210.0,
    ),
    (
        "atletiek",
        "Atletiekvereniging",
        "Hardlopen, springen en werpen op de baan. Ook een loopgroep voor volwassenen.",
        4,
        "18:30",
        "20:00",
        160.0,
    ),
    (
        "zwemmen",
        "Zwemvereniging",
        "Zwemles en zwemmen voor plezier, voor kinderen en volwassenen.",
        6,
        "08:30",
        "10:00",
        190.0,
    ),
    (
        "wandel",
        "Wandelclub",
        "Elke week samen een uur wandelen door de wijk. Gratis en gezellig.",
        1,
        "10:00",
        "11:00",
        0.0,
    ),
];

const BUURTHUIS_NAMES: [&str; 10] = [
    "De Boog",
    "Oase",
    "De Schakel",
    "Het Anker",
    "De Ontmoeting",
    "Buurtkamer De Linde",
    "De Pijler",
    "Het Plein",
    "De Bron",
    "Wijkcentrum De Speler",
];

/// Adds everything generated for all wijken.
pub fn add(data: &mut Dataset) {
    for (w, wijk) in WIJKEN.iter().enumerate() {
        for n in 0..2 {
            buurthuis(data, wijk, w, n);
        }
        for n in 0..2 {
            club(data, wijk, w, n);
        }
        buurtteam(data, wijk);
        jongerenwerk(data, wijk);
        initiatief(data, wijk, w);
    }
}

fn pc4(wijk: &Wijk, n: usize) -> &'static str {
    wijk.pc4[n % wijk.pc4.len()]
}

fn street(wijk: &Wijk, key: &str) -> String {
    let h = hash(key);
    format!("{} {}", wijk.streets[(h % 4) as usize], 1 + h % 180)
}

fn buurthuis(data: &mut Dataset, wijk: &Wijk, w: usize, n: usize) {
    let key = format!("buurthuis-{}-{n}", wijk.key);
    let name = format!(
        "Buurthuis {}",
        BUURTHUIS_NAMES[(w * 2 + n) % BUURTHUIS_NAMES.len()]
    );
    let name = if n == 1 {
        format!("{name} {}", wijk.name)
    } else {
        name
    };
    let mut org = organisation(
        &key,
        &name,
        &format!(
            "Een huiskamer voor de buurt in {}: binnenlopen, meedoen en zelf iets organiseren.",
            wijk.name
        ),
    );
    org.partner_kind = "buurthuis".into();
    let loc = location(&org, &key, &name, &street(wijk, &key), pc4(wijk, n * 2));
    // Each buurthuis runs eight of the ten activities; which ones varies per house.
    let skip = (hash(&key) % 10) as usize;
    for (i, (akey, aname, desc, spec, day, from, to, ages)) in ACTIVITIES.iter().enumerate() {
        if i == skip || i == (skip + 5) % 10 {
            continue;
        }
        let mut s = service(&org, &format!("{key}-{akey}"), aname, "buurthuis", desc);
        s.location_ids = vec![loc.id];
        s.terms = terms(&format!("{spec} soort:buurthuis"));
        s.schedules = vec![slot(((*day as usize + n) % 7 + 1) as u8, from, to)];
        if let Some((min, max)) = ages {
            s.minimum_age = Some(*min);
            s.maximum_age = Some(*max);
        }
        if *akey == "samen-eten" {
            s.is_free = false;
            s.costs = vec![cost("Maaltijd", 4.5, "kinderen tot 12 jaar € 2,00")];
            data.needs.push(NeedRecord {
                id: demo_id(&format!("need:{key}-koks")),
                organization_id: org.id,
                service_id: Some(s.id),
                location_id: Some(loc.id),
                kind: "vrijwilliger".into(),
                title: "Kok voor de buurtmaaltijd".into(),
                description:
                    "Kook jij graag? Kook één keer per week of per maand mee voor 30 buurtgenoten."
                        .into(),
                time_commitment: "Eén middag per week, 3 uur".into(),
                people_wanted: Some(3),
                talents: vec!["koken".into(), "organiseren".into()],
                tasks: "Boodschappen doen met de lijst, koken met twee anderen, mee-eten.".into(),
                not_tasks: "Je hoeft niet af te wassen of de zaal op te ruimen.".into(),
                support: "De buurthuiscoördinator is er elke kookmiddag.".into(),
                compensation: Compensation::Onkosten,
                days: s.schedules.iter().map(|slot| slot.weekday).collect(),
                hours_per_week: Some(3),
                contact_name: "Fatima".into(),
                contact_role: "coördinator buurthuis".into(),
                ..NeedRecord::default()
            });
        }
        if *akey == "vrouwen" {
            s.languages = vec!["nl".into(), "ar".into(), "tr".into()];
        }
        if *akey == "digicafe" && n == 0 {
            data.needs.push(NeedRecord {
                id: demo_id(&format!("need:{key}-digi")),
                organization_id: org.id,
                service_id: Some(s.id),
                location_id: Some(loc.id),
                kind: "vrijwilliger".into(),
                title: "Vrijwilliger digicafé".into(),
                description: "Help buurtgenoten met hun telefoon of laptop. Geduld is belangrijker dan kennis.".into(),
                time_commitment: "Maandagmiddag, 2 uur".into(),
                people_wanted: Some(2),
                talents: vec!["computer".into(), "luisteren".into()],
                ..NeedRecord::default()
            });
        }
        data.services.push(s);
    }
    data.organisations.push(org);
    data.locations.push(loc);
}

fn club(data: &mut Dataset, wijk: &Wijk, w: usize, n: usize) {
    let (ckey, cname, desc, day, from, to, fee) = CLUBS[(w + n * 3) % CLUBS.len()];
    let key = format!("club-{}-{ckey}", wijk.key);
    let name = format!("{cname} {}", wijk.name);
    let org = organisation(
        &key,
        &name,
        &format!("{cname} in {} voor jong en oud.", wijk.name),
    );
    let loc = location(
        &org,
        &key,
        &format!("Sportpark {}", wijk.name),
        &street(wijk, &key),
        pc4(wijk, n + 1),
    );
    let mut jeugd = club_offer(&org, &key, "jeugd", &format!("{cname}: jeugd"), desc, fee);
    jeugd.location_ids = vec![loc.id];
    jeugd.minimum_age = Some(6);
    jeugd.maximum_age = Some(17);
    jeugd.schedules = vec![slot(day, from, to)];
    jeugd.terms = terms("leefgebied:bewegen leefgebied:opgroeien doelgroep:kinderen doelgroep:jongeren soort:vereniging");
    let mut senior = club_offer(
        &org,
        &key,
        "volwassenen",
        &format!("{cname}: volwassenen"),
        desc,
        fee,
    );
    senior.location_ids = vec![loc.id];
    senior.minimum_age = Some(18);
    senior.schedules = vec![slot(day % 7 + 1, "19:30", "21:00")];
    senior.terms =
        terms("leefgebied:bewegen leefgebied:meedoen doelgroep:iedereen soort:vereniging");
    // Some clubs have more children than trainers.
    if hash(&key).is_multiple_of(3) && fee > 0.0 {
        jeugd.capacity = Some(80);
        jeugd.waiting_list = 5 + (hash(&key) % 25) as i32;
        data.needs.push(NeedRecord {
            id: demo_id(&format!("need:{key}-trainer")),
            organization_id: org.id,
            service_id: Some(jeugd.id),
            location_id: Some(loc.id),
            kind: "trainer".into(),
            title: format!("Jeugdtrainer {}", cname.to_lowercase()),
            description: "We hebben een wachtlijst. Help een jeugdteam trainen; je krijgt een cursus en begeleiding.".into(),
            minimum_age: Some(16),
            time_commitment: "1 of 2 keer per week".into(),
            people_wanted: Some(2),
            talents: vec![if ckey == "voetbal" { "voetbal" } else { "sport" }.into(), "kinderen".into()],
            ..NeedRecord::default()
        });
    }
    data.organisations.push(org);
    data.locations.push(loc);
    data.services.extend([jeugd, senior]);
}

fn club_offer(
    org: &app::db::OrganisationRecord,
    key: &str,
    part: &str,
    name: &str,
    desc: &str,
    fee: f64,
) -> ServiceRecord {
    let mut s = service(org, &format!("{key}-{part}"), name, "vereniging", desc);
    if fee > 0.0 {
        s.is_free = false;
        s.costs = vec![cost("Contributie", fee, "per jaar")];
        s.fees_description = "Het Jeugdsportfonds kan de contributie voor kinderen betalen.".into();
    }
    s
}

fn buurtteam(data: &mut Dataset, wijk: &Wijk) {
    let key = format!("buurtteam-{}", wijk.key);
    let name = format!("Buurtteam {}", wijk.name);
    let mut org = organisation(&key, &name, "Het buurtteam helpt bij vragen over geld, opvoeden, zorg, werk en wonen. Gratis en dichtbij.");
    org.partner_kind = "wijkteam".into();
    let loc = location(&org, &key, &name, &street(wijk, &key), pc4(wijk, 0));
    let mut s = service(&org, &key, &format!("Inloopspreekuur buurtteam {}", wijk.name), "voorziening",
        "Loop binnen met je vraag, groot of klein. Samen kijken we wat je zelf kunt, wie er om je heen kan helpen en wat er in de buurt is.");
    s.location_ids = vec![loc.id];
    s.phone = Some("030 000 0000".into());
    s.schedules = vec![slot(2, "09:00", "11:00"), slot(4, "13:00", "15:00")];
    s.languages = vec!["nl".into(), "en".into()];
    s.terms = terms("leefgebied:geldzaken leefgebied:opgroeien leefgebied:zorg leefgebied:wonen leefgebied:veiligheid doelgroep:iedereen soort:voorziening");
    data.organisations.push(org);
    data.locations.push(loc);
    data.services.push(s);
}

fn jongerenwerk(data: &mut Dataset, wijk: &Wijk) {
    let key = format!("jongerenwerk-{}", wijk.key);
    let name = format!("Jongerenwerk {}", wijk.name);
    let mut org = organisation(
        &key,
        &name,
        "Jongerenwerkers in de wijk: een plek om te chillen, te sporten en plannen te maken.",
    );
    org.partner_kind = "jongerenwerk".into();
    let loc = location(
        &org,
        &key,
        &format!("Jongerencentrum {}", wijk.name),
        &street(wijk, &key),
        pc4(wijk, 1),
    );
    let mut inloop = service(&org, &format!("{key}-inloop"), &format!("Jongereninloop {}", wijk.name), "voorziening",
        "Kom langs om te chillen, te gamen of te praten. Wil je iets organiseren of een bijbaan zoeken? De jongerenwerker denkt mee.");
    inloop.location_ids = vec![loc.id];
    inloop.minimum_age = Some(12);
    inloop.maximum_age = Some(23);
    inloop.schedules = vec![slot(3, "15:00", "21:00"), slot(5, "15:00", "22:00")];
    inloop.terms =
        terms("leefgebied:opgroeien leefgebied:meedoen doelgroep:jongeren soort:voorziening");
    let mut sport = service(
        &org,
        &format!("{key}-sport"),
        &format!("Pleintjessport {}", wijk.name),
        "voorziening",
        "Voetbal, basketbal en andere sporten op het plein, met sportcoaches uit de buurt.",
    );
    sport.location_ids = vec![loc.id];
    sport.minimum_age = Some(8);
    sport.maximum_age = Some(18);
    sport.schedules = vec![slot(6, "13:00", "16:00")];
    sport.terms =
        terms("leefgebied:bewegen leefgebied:opgroeien doelgroep:kinderen doelgroep:jongeren");
    data.organisations.push(org);
    data.locations.push(loc);
    data.services.extend([inloop, sport]);
}

fn initiatief(data: &mut Dataset, wijk: &Wijk, w: usize) {
    let options = [
        (
            "repair",
            "Repair Café",
            "Breng je kapotte spullen mee. Vrijwilligers repareren ze samen met jou.",
            "leefgebied:meedoen leefgebied:geldzaken",
            "klussen",
        ),
        (
            "buurtbuik",
            "Buurtbuik",
            "Samen koken en eten met eten dat anders weggegooid wordt. Betaal wat je kunt.",
            "leefgebied:meedoen leefgebied:gezondheid",
            "koken",
        ),
        (
            "wandelmaatjes",
            "Wandelmaatjes",
            "Samen wandelen met een buurtgenoot, in je eigen tempo.",
            "leefgebied:bewegen leefgebied:meedoen",
            "luisteren",
        ),
        (
            "taalcafe",
            "Taalcafé in de buurt",
            "Nederlands oefenen aan de keukentafel, met koffie en buurtgenoten. Language café.",
            "leefgebied:leren leefgebied:meedoen doelgroep:nieuwkomers",
            "taal",
        ),
    ];
    for (i, (ikey, iname, desc, spec, talent)) in options.iter().enumerate() {
        if (w + i) % 2 == 1 && *ikey != "taalcafe" {
            continue;
        }
        let key = format!("{ikey}-{}", wijk.key);
        let name = format!("{iname} {}", wijk.name);
        let org = organisation(
            &key,
            &name,
            &format!("Een initiatief van bewoners uit {}.", wijk.name),
        );
        let loc = location(&org, &key, &name, &street(wijk, &key), pc4(wijk, i + 2));
        let mut s = service(&org, &key, &name, "initiatief", desc);
        s.location_ids = vec![loc.id];
        s.terms = terms(&format!("{spec} doelgroep:iedereen soort:initiatief"));
        s.schedules = vec![slot((i + w) as u8 % 7 + 1, "14:00", "16:00")];
        if *ikey == "taalcafe" {
            s.languages = vec!["nl".into(), "en".into()];
        }
        data.needs.push(NeedRecord {
            id: demo_id(&format!("need:{key}")),
            organization_id: org.id,
            service_id: Some(s.id),
            location_id: Some(loc.id),
            kind: "vrijwilliger".into(),
            title: format!("Meedoen met {}", iname.to_lowercase()),
            description: "We zoeken buurtgenoten die een paar uur per maand mee willen helpen."
                .into(),
            time_commitment: "Een paar uur per maand".into(),
            people_wanted: Some(2),
            talents: vec![(*talent).into()],
            ..NeedRecord::default()
        });
        data.organisations.push(org);
        data.locations.push(loc);
        data.services.push(s);
    }
}
