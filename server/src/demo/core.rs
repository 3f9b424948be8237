//! The hand-written core of the demo: the cases the product is built around.

use app::db::{Dataset, NeedRecord};
use app::domain::Compensation;

use super::builder::{cost, demo_id, location, organisation, service, slot, terms};

/// Adds the core organisations, offers and needs.
pub fn add(data: &mut Dataset) {
    football_club(data);
    funds(data);
    money_help(data);
    language(data);
    informal_care(data);
    work_and_day(data);
    schools(data);
    talent_entries(data);
}

/// The Trainerskracht case: a club with a waiting list that needs young assistant trainers.
fn football_club(data: &mut Dataset) {
    let org = organisation(
        "vv-de-meern",
        "Voetbalvereniging Sportpark De Meern",
        "Voetbalclub voor jong en oud in De Meern, met veel jeugdteams.",
    );
    let loc = location(
        &org,
        "vv-de-meern",
        "Sportpark De Meern",
        "Zuster Bloemstraat 12",
        "3454",
    );
    let mut jeugd = service(
        &org,
        "vv-de-meern-jeugd",
        "Voetballen voor kinderen van 6 tot 12 jaar",
        "vereniging",
        "Elke week trainen en op zaterdag een wedstrijd. Je hoeft nog niet te kunnen voetballen. \
         Kom eerst drie keer gratis meetrainen.",
    );
    jeugd.location_ids = vec![loc.id];
    jeugd.minimum_age = Some(6);
    jeugd.maximum_age = Some(12);
    jeugd.is_free = false;
    jeugd.fees_description =
        "Kan het Jeugdsportfonds de contributie betalen? Vraag het ons.".into();
    jeugd.costs = vec![cost("Contributie", 140.0, "per jaar")];
    jeugd.capacity = Some(160);
    jeugd.waiting_list = 34;
    jeugd.contact_name = Some("Jeugdcoördinator".into());
    jeugd.phone = Some("030 000 1201".into());
    jeugd.schedules = vec![slot(3, "14:00", "15:30"), slot(6, "09:00", "11:00")];
    jeugd.terms =
        terms("leefgebied:bewegen leefgebied:opgroeien doelgroep:kinderen soort:vereniging");
    let mut walking = service(
        &org,
        "vv-de-meern-walking",
        "Walking football voor 60-plussers",
        "vereniging",
        "Voetballen zonder rennen. Gezellig bewegen met een kop koffie na afloop.",
    );
    walking.location_ids = vec![loc.id];
    walking.minimum_age = Some(55);
    walking.is_free = false;
    walking.costs = vec![cost("Per keer", 3.0, "inclusief koffie")];
    walking.schedules = vec![slot(2, "10:00", "11:30")];
    walking.terms = terms("leefgebied:bewegen leefgebied:meedoen doelgroep:ouderen");
    data.needs.push(NeedRecord {
        id: demo_id("need:vv-de-meern-assistent-trainer"),
        organization_id: org.id,
        service_id: Some(jeugd.id),
        location_id: Some(loc.id),
        kind: "trainer".into(),
        title: "Assistent-trainer jeugd (16 tot 27 jaar)".into(),
        description: "Hou je van voetbal? Help een jeugdteam trainen, zodat er geen kinderen meer \
                      op de wachtlijst hoeven te staan. Je krijgt een trainerscursus, een vaste \
                      begeleider en een vrijwilligersvergoeding (besproken met de gemeente: je houdt je \
                      uitkering)."
            .into(),
        minimum_age: Some(16),
        maximum_age: Some(27),
        time_commitment: "2 keer per week, woensdagmiddag en zaterdagochtend".into(),
        people_wanted: Some(6),
        talents: vec!["voetbal".into(), "kinderen".into(), "sport".into()],
        tasks: "Je helpt de hoofdtrainer bij de training van een jeugdteam: oefeningen klaarzetten, \
                een groepje kinderen begeleiden, meedoen met de partijtjes."
            .into(),
        not_tasks: "Je staat er nooit alleen voor en je hoeft geen teams in te delen of ouders \
                    te bellen."
            .into(),
        training: "De KNVB-cursus Pupillentrainer, betaald door de club.".into(),
        support: "Een vaste begeleider bij elke training; Sanne (jeugdcoördinator) is je \
                  aanspreekpunt."
            .into(),
        compensation: Compensation::Vergoeding,
        allowance_euros: Some(50),
        benefit_cleared: true,
        days: vec![3, 6],
        hours_per_week: Some(4),
        contact_name: "Sanne".into(),
        contact_role: "jeugdcoördinator".into(),
    });
    data.organisations.push(org);
    data.locations.push(loc);
    data.services.extend([jeugd, walking]);
}

fn funds(data: &mut Dataset) {
    let mut org = organisation(
        "jeugdsportfonds",
        "Jeugdfonds Sport & Cultuur Utrecht",
        "Betaalt sport en cultuur voor kinderen als er thuis weinig geld is.",
    );
    org.partner_kind = "fonds".into();
    let loc = location(
        &org,
        "jeugdsportfonds",
        "Kantoor Jeugdfonds",
        "Ganzenmarkt 4",
        "3512",
    );
    let mut fonds = service(
        &org,
        "jeugdsportfonds-aanvraag",
        "Jeugdsportfonds: contributie en spullen betaald",
        "voorziening",
        "Het fonds betaalt de contributie van een sportclub of cursus, en soms ook kleding of \
         spullen. Een leerkracht, buurtteam of jongerenwerker vraagt het voor je aan.",
    );
    fonds.location_ids = vec![loc.id];
    fonds.minimum_age = Some(4);
    fonds.maximum_age = Some(17);
    fonds.eligibility_description =
        "Voor gezinnen met een laag inkomen. Een intermediair doet de aanvraag.".into();
    fonds.terms = terms("leefgebied:bewegen leefgebied:opgroeien leefgebied:geldzaken doelgroep:kinderen doelgroep:jongeren doelgroep:ouders");
    data.organisations.push(org);
    data.locations.push(loc);
    data.services.push(fonds);
}

fn money_help(data: &mut Dataset) {
    let org = organisation(
        "geldzaken-op-maat",
        "Geldzaken op Maat",
        "Hulp bij post, rekeningen en schulden. Ook als lezen of schrijven lastig is.",
    );
    let loc = location(
        &org,
        "geldzaken-op-maat",
        "Wijkcentrum Overvecht",
        "Zamenhofdreef 80",
        "3562",
    );
    let mut spreekuur = service(
        &org,
        "geldzaken-spreekuur",
        "Spreekuur geldzaken: samen je post doornemen",
        "voorziening",
        "Neem je post mee. We lezen hem samen en we leggen alles uit in gewone woorden. \
         Heb je schulden? Dan zoeken we samen wat je kunt doen. Je hoeft niet goed te kunnen lezen.",
    );
    spreekuur.location_ids = vec![loc.id];
    spreekuur.minimum_age = Some(18);
    spreekuur.schedules = vec![slot(2, "13:00", "16:00"), slot(4, "09:30", "12:00")];
    spreekuur.languages = vec!["nl".into(), "ar".into(), "tr".into()];
    spreekuur.phone = Some("030 000 3300".into());
    spreekuur.terms = terms("leefgebied:geldzaken leefgebied:leren doelgroep:iedereen");
    let mut maatje = service(
        &org,
        "geldzaken-maatje",
        "Thuisadministratie: een maatje voor je papieren",
        "initiatief",
        "Een vrijwilliger komt een paar maanden bij je thuis en helpt je overzicht te houden over \
         je geld en je papieren.",
    );
    maatje.location_ids = vec![loc.id];
    maatje.minimum_age = Some(18);
    maatje.terms = terms("leefgebied:geldzaken doelgroep:iedereen");
    data.needs.push(NeedRecord {
        id: demo_id("need:geldzaken-vrijwilliger"),
        organization_id: org.id,
        service_id: Some(maatje.id),
        location_id: Some(loc.id),
        kind: "vrijwilliger".into(),
        title: "Vrijwilliger thuisadministratie".into(),
        description: "Ben je handig met papieren en geduldig? Help iemand een paar uur per week \
                      overzicht te krijgen. Je krijgt een training."
            .into(),
        minimum_age: Some(18),
        time_commitment: "2 uur per week".into(),
        people_wanted: Some(10),
        talents: vec!["administratie".into(), "luisteren".into()],
        tasks: "Samen met iemand post openen, rekeningen ordenen en een overzicht maken.".into(),
        not_tasks: "Je geeft geen schuldhulp en beheert geen geld: dat doet de schuldhulp van de \
                    gemeente."
            .into(),
        training: "Een training van twee ochtenden voordat je begint.".into(),
        support: "Elke maand een intervisie met andere vrijwilligers en een coördinator.".into(),
        compensation: Compensation::Onkosten,
        contact_name: "Mirjam".into(),
        contact_role: "coördinator vrijwilligers".into(),
        ..NeedRecord::default()
    });
    data.organisations.push(org);
    data.locations.push(loc);
    data.services.extend([spreekuur, maatje]);
}

fn language(data: &mut Dataset) {
    let org = organisation(
        "bibliotheek-taalhuis",
        "Taalhuis Bibliotheek Utrecht",
        "Beter leren lezen, schrijven en Nederlands spreken, in de bibliotheek.",
    );
    let loc = location(
        &org,
        "bieb-centrum",
        "Bibliotheek Neude",
        "Neude 11",
        "3512",
    );
    let mut cafe = service(
        &org,
        "taalcafe-neude",
        "Taalcafé: Nederlands oefenen met elkaar",
        "voorziening",
        "Praat Nederlands met andere mensen aan tafel, met een vrijwilliger erbij. \
         Elk niveau is welkom. Language café: practise Dutch together.",
    );
    cafe.location_ids = vec![loc.id];
    cafe.schedules = vec![slot(3, "10:00", "12:00"), slot(5, "14:00", "16:00")];
    cafe.languages = vec!["nl".into(), "en".into()];
    cafe.terms =
        terms("leefgebied:leren leefgebied:meedoen doelgroep:nieuwkomers kenmerk:vrije-inloop");
    let mut maatje = service(
        &org,
        "taalmaatje",
        "Taalmaatje: samen Nederlands praten",
        "initiatief",
        "Je spreekt een paar maanden elke week af met een vrijwilliger om Nederlands te oefenen.",
    );
    maatje.location_ids = vec![loc.id];
    maatje.minimum_age = Some(16);
    maatje.terms = terms("leefgebied:leren doelgroep:nieuwkomers");
    data.organisations.push(org);
    data.locations.push(loc);
    data.services.extend([cafe, maatje]);
}

fn informal_care(data: &mut Dataset) {
    let org = organisation(
        "steunpunt-mantelzorg",
        "Steunpunt Mantelzorg Utrecht",
        "Voor iedereen die zorgt voor een ander: advies, een luisterend oor en even vrij.",
    );
    let loc = location(
        &org,
        "steunpunt-mantelzorg",
        "Steunpunt Mantelzorg",
        "Vleutenseweg 200",
        "3532",
    );
    let mut advies = service(
        &org,
        "mantelzorg-advies",
        "Mantelzorgconsulent: advies en een luisterend oor",
        "voorziening",
        "Zorg je voor je moeder, partner of kind? Praat met een consulent over wat je zwaar vindt \
         en wat kan helpen, zoals respijtzorg.",
    );
    advies.location_ids = vec![loc.id];
    advies.phone = Some("030 000 4500".into());
    advies.schedules = vec![slot(1, "09:00", "12:00"), slot(3, "13:00", "16:00")];
    advies.terms = terms("leefgebied:zorg doelgroep:mantelzorgers");
    let mut lotgenoten = service(
        &org,
        "mantelzorg-cafe",
        "Mantelzorgcafé: ervaringen delen",
        "initiatief",
        "Elke maand samen koffie drinken met andere mantelzorgers. Je hoeft niets te vertellen.",
    );
    lotgenoten.location_ids = vec![loc.id];
    lotgenoten.schedules = vec![slot(4, "19:30", "21:00")];
    lotgenoten.terms = terms("leefgebied:zorg leefgebied:meedoen doelgroep:mantelzorgers");
    let mut respijt = service(
        &org,
        "respijtzorg",
        "Even vrij: iemand neemt de zorg een dag over",
        "voorziening",
        "Zorg je voor iemand met dementie of een andere ziekte? Een vaste vrijwilliger of \
         dagopvang neemt de zorg een dagdeel of een weekend over, zodat jij even op adem komt.",
    );
    respijt.location_ids = vec![loc.id];
    respijt.minimum_age = Some(18);
    respijt.eligibility_description =
        "Het buurtteam of de casemanager dementie vraagt het samen met je aan.".into();
    respijt.schedules = vec![slot(1, "09:00", "17:00"), slot(4, "09:00", "17:00")];
    respijt.terms = terms("leefgebied:zorg doelgroep:mantelzorgers soort:voorziening");
    let mut alzheimer = service(
        &org,
        "alzheimer-cafe",
        "Alzheimer Café: praten met mensen die het kennen",
        "initiatief",
        "Eén avond per maand voor mensen met dementie, hun partner, kinderen en vrienden. \
         Er is uitleg van een deskundige en tijd om met elkaar te praten.",
    );
    alzheimer.location_ids = vec![loc.id];
    alzheimer.no_referral_needed = true;
    alzheimer.schedules = vec![slot(3, "19:30", "21:30")];
    alzheimer.terms =
        terms("leefgebied:zorg leefgebied:meedoen doelgroep:mantelzorgers doelgroep:ouderen");
    data.organisations.push(org);
    data.locations.push(loc);
    data.services
        .extend([advies, lotgenoten, respijt, alzheimer]);
}

fn work_and_day(data: &mut Dataset) {
    let org = organisation(
        "kringloop-werkplaats",
        "Kringloop De Werkplaats",
        "Kringloopwinkel en werkplaats waar je meedoet en ervaring opdoet.",
    );
    let loc = location(
        &org,
        "kringloop",
        "Kringloop De Werkplaats",
        "Europalaan 40",
        "3526",
    );
    let mut plek = service(
        &org,
        "werkervaringsplek",
        "Werkervaringsplek in de kringloop",
        "voorziening",
        "Werk een paar dagdelen per week mee in de winkel, het magazijn of de fietsenwerkplaats. \
         Je leert werken in een team. Je houdt je uitkering.",
    );
    plek.location_ids = vec![loc.id];
    plek.minimum_age = Some(18);
    plek.keeps_benefit = true;
    plek.schedules = vec![
        slot(1, "09:00", "13:00"),
        slot(2, "09:00", "13:00"),
        slot(4, "09:00", "13:00"),
    ];
    plek.terms = terms("leefgebied:werk doelgroep:werkzoekenden");
    let mut dag = service(
        &org,
        "dagbesteding-werkplaats",
        "Dagbesteding: houtwerkplaats",
        "voorziening",
        "Een zinvolle dag in een kleine groep: timmeren, repareren en samen lunchen. \
         Kom eerst kijken; we bespreken samen wat bij je past.",
    );
    dag.location_ids = vec![loc.id];
    dag.minimum_age = Some(18);
    dag.no_referral_needed = false;
    dag.eligibility_description = "Soms is een indicatie nodig. We helpen je daarbij.".into();
    dag.schedules = vec![
        slot(1, "09:30", "15:30"),
        slot(3, "09:30", "15:30"),
        slot(5, "09:30", "15:30"),
    ];
    dag.terms = terms("leefgebied:werk leefgebied:meedoen doelgroep:iedereen");
    data.organisations.push(org);
    data.locations.push(loc);
    data.services.extend([plek, dag]);
}

/// A school and a college near De Meern: the partners that give young people a route, a course
/// and supervision (the Trainerskracht case needs them, but they are ordinary organisations).
fn schools(data: &mut Dataset) {
    let mut school = organisation(
        "praktijkcollege-de-meern",
        "Praktijkcollege De Meern",
        "School voor praktijkonderwijs en entree: leren door te doen, met stages in de wijk.",
    );
    school.partner_kind = "school".into();
    let loc = location(
        &school,
        "praktijkcollege-de-meern",
        "Praktijkcollege De Meern",
        "Meerndijk 40",
        "3454",
    );
    let mut entree = service(
        &school,
        "entree-opleiding",
        "Entree-opleiding: in een jaar een diploma, met stage",
        "voorziening",
        "Geen diploma en wil je toch verder? In de entree-opleiding leer je een vak in de praktijk \
         en loop je stage bij een bedrijf of club in de wijk.",
    );
    entree.location_ids = vec![loc.id];
    entree.minimum_age = Some(16);
    entree.maximum_age = Some(27);
    entree.no_referral_needed = true;
    entree.keeps_benefit = true;
    entree.schedules = vec![slot(1, "09:00", "15:00"), slot(2, "09:00", "15:00")];
    entree.terms = terms("leefgebied:leren leefgebied:werk doelgroep:jongeren doelgroep:werkzoekenden kenmerk:behoud-uitkering");
    data.organisations.push(school);
    data.locations.push(loc);
    data.services.push(entree);

    let mut college = organisation(
        "mbo-sport-en-bewegen",
        "MBO Utrecht, opleiding Sport en Bewegen",
        "Mbo-opleiding voor sportleiders en trainers. Studenten lopen stage bij clubs in de stad.",
    );
    college.partner_kind = "opleiding".into();
    let loc = location(
        &college,
        "mbo-sport-en-bewegen",
        "MBO Utrecht Leidsche Rijn",
        "Vleutensebaan 8",
        "3453",
    );
    let mut cursus = service(
        &college,
        "cursus-jeugdtrainer",
        "Cursus jeugdtrainer: in acht avonden leren trainen",
        "voorziening",
        "Acht avonden over trainingen geven aan kinderen, met begeleiding op het veld door studenten \
         en docenten. Gratis voor vrijwilligers van Utrechtse clubs.",
    );
    cursus.location_ids = vec![loc.id];
    cursus.minimum_age = Some(16);
    cursus.is_free = true;
    cursus.no_referral_needed = true;
    cursus.schedules = vec![slot(2, "19:00", "21:30")];
    cursus.terms = terms("leefgebied:leren leefgebied:bewegen doelgroep:jongeren");
    data.organisations.push(college);
    data.locations.push(loc);
    data.services.push(cursus);
}

/// Anonymous "ik kan iets" entries as residents leave them: talents, PC4 and sometimes age.
/// Young people who love football live around De Meern; others are spread over the city.
fn talent_entries(data: &mut Dataset) {
    use super::builder::hash;
    let expires_on = chrono::NaiveDate::from_ymd_opt(2099, 12, 31).expect("valid date");
    let spread: [(&str, &[&str], Option<i32>); 16] = [
        ("3454", &["voetbal", "sport"], Some(19)),
        ("3454", &["voetbal"], Some(17)),
        ("3453", &["voetbal", "kinderen"], Some(22)),
        ("3453", &["sport", "voetbal"], Some(24)),
        ("3454", &["voetbal", "muziek"], Some(16)),
        ("3452", &["voetbal"], Some(20)),
        ("3454", &["voetbal", "kinderen"], None),
        ("3511", &["koken", "organiseren"], Some(67)),
        ("3531", &["koken"], Some(45)),
        ("3562", &["administratie", "luisteren"], Some(58)),
        ("3562", &["taal", "talen"], Some(31)),
        ("3553", &["klussen", "fietsen"], Some(70)),
        ("3572", &["computer"], Some(23)),
        ("3521", &["tuinieren", "koken"], None),
        ("3525", &["taal"], Some(62)),
        ("3543", &["kinderen", "creatief"], Some(35)),
    ];
    let geocoder = index::Geocoder::embedded();
    for (i, (pc4, talents, age)) in spread.iter().enumerate() {
        let Some(place) = index::Postcode::parse(pc4)
            .ok()
            .and_then(|p| geocoder.postcode(&p).ok())
        else {
            continue;
        };
        // A small stable offset, so entries in one PC4 do not stack on one point.
        let h = hash(&format!("talent-entry-{i}"));
        let jitter = |bits: u64| ((h >> bits) % 100) as f64 / 100.0 * 0.006 - 0.003;
        data.talent_entries.push(app::db::TalentEntryRecord {
            id: super::builder::demo_id(&format!("talent-entry:{i}")),
            talents: talents.iter().map(|t| t.to_string()).collect(),
            age: *age,
            postcode: pc4.to_string(),
            latitude: place.lat + jitter(0),
            longitude: place.lon + jitter(8),
            expires_on,
            contact: None,
        });
    }
}
