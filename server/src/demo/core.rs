//! The hand-written core of the demo: the cases the product is built around.

use app::db::{Dataset, NeedRecord};

use super::builder::{cost, demo_id, location, organisation, service, slot, terms};

/// Adds the core organisations, offers and needs.
pub fn add(data: &mut Dataset) {
    football_club(data);
    funds(data);
    money_help(data);
    language(data);
    informal_care(data);
    work_and_day(data);
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
                      begeleider en een vrijwilligersvergoeding."
            .into(),
        minimum_age: Some(16),
        maximum_age: Some(27),
        time_commitment: "2 keer per week, woensdagmiddag en zaterdagochtend".into(),
        people_wanted: Some(6),
        talents: vec!["voetbal".into(), "kinderen".into(), "sport".into()],
    });
    data.organisations.push(org);
    data.locations.push(loc);
    data.services.extend([jeugd, walking]);
}

fn funds(data: &mut Dataset) {
    let org = organisation(
        "jeugdsportfonds",
        "Jeugdfonds Sport & Cultuur Utrecht",
        "Betaalt sport en cultuur voor kinderen als er thuis weinig geld is.",
    );
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
    cafe.terms = terms("leefgebied:leren leefgebied:meedoen doelgroep:nieuwkomers");
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
    data.organisations.push(org);
    data.locations.push(loc);
    data.services.extend([advies, lotgenoten]);
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
