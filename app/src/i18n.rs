//! Every string the pages show, in Dutch (B1, the default) and English, side by side.
//!
//! The language is a cookie (`taal`), set by `/taal/{nl|en}`: a plain link that works without
//! JavaScript. The server reads it from the request, renders `<html lang>` with it, and the
//! browser bundle reads `<html lang>` back when it hydrates, so both sides always agree.
//!
//! Content (names and descriptions of offers, taxonomy labels) is what organisations wrote and is
//! not translated here. Texts with `{}` are filled in order by [`fill`].

use serde::{Deserialize, Serialize};

/// A language of the interface.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Lang {
    /// Nederlands, the default.
    #[default]
    Nl,
    /// English.
    En,
}

/// Name of the cookie that holds the chosen language.
pub const COOKIE: &str = "taal";

impl Lang {
    /// Both languages, the default first.
    pub const ALL: [Lang; 2] = [Lang::Nl, Lang::En];

    /// The language code (`nl`, `en`), as in `<html lang>` and the cookie.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Nl => "nl",
            Lang::En => "en",
        }
    }

    /// Reads a language code; anything else is `None`.
    pub fn parse(code: &str) -> Option<Lang> {
        match code.trim() {
            "nl" => Some(Lang::Nl),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The texts of this language.
    pub fn texts(self) -> &'static Texts {
        match self {
            Lang::Nl => &NL,
            Lang::En => &EN,
        }
    }

    /// The language from a `Cookie` header value (`taal=en; other=1`).
    pub fn from_cookie_header(header: &str) -> Lang {
        header
            .split(';')
            .filter_map(|pair| pair.trim().split_once('='))
            .find(|(name, _)| *name == COOKIE)
            .and_then(|(_, value)| Lang::parse(value))
            .unwrap_or_default()
    }

    /// The language of the request (server) or of the page (browser).
    pub fn detect() -> Lang {
        #[cfg(feature = "ssr")]
        {
            leptos::prelude::use_context::<axum::http::request::Parts>()
                .and_then(|parts| {
                    parts
                        .headers
                        .get(axum::http::header::COOKIE)?
                        .to_str()
                        .ok()
                        .map(Lang::from_cookie_header)
                })
                .unwrap_or_default()
        }
        #[cfg(not(feature = "ssr"))]
        {
            leptos::prelude::document()
                .document_element()
                .and_then(|html| html.get_attribute("lang"))
                .and_then(|code| Lang::parse(&code))
                .unwrap_or_default()
        }
    }
}

/// The language the page is in (provided by the app; in an island, `<html lang>`).
pub fn use_lang() -> Lang {
    // An island in the browser has no context from the server: it reads `<html lang>`.
    leptos::prelude::use_context::<Lang>().unwrap_or_else(Lang::detect)
}

/// The texts of the language the page is in.
pub fn use_texts() -> &'static Texts {
    use_lang().texts()
}

/// Fills the `{}` in `template` with `values`, in order.
pub fn fill(template: &str, values: &[&str]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    let mut values = values.iter();
    while let Some(at) = rest.find("{}") {
        out.push_str(&rest[..at]);
        out.push_str(values.next().copied().unwrap_or_default());
        rest = &rest[at + 2..];
    }
    out.push_str(rest);
    out
}

macro_rules! texts {
    ($($(#[$doc:meta])* $key:ident: $nl:expr, $en:expr;)*) => {
        /// The strings of one language; see the module docs.
        #[derive(Debug)]
        pub struct Texts {
            $($(#[$doc])* pub $key: &'static str,)*
        }

        /// Nederlands.
        pub static NL: Texts = Texts { $($key: $nl,)* };
        /// English.
        pub static EN: Texts = Texts { $($key: $en,)* };

        #[cfg(test)]
        fn all(t: &Texts) -> Vec<(&'static str, &'static str)> {
            vec![$((stringify!($key), t.$key),)*]
        }
    };
}

/// Weekday names, ISO order (maandag first).
pub fn weekdays(lang: Lang) -> [&'static str; 7] {
    match lang {
        Lang::Nl => [
            "maandag",
            "dinsdag",
            "woensdag",
            "donderdag",
            "vrijdag",
            "zaterdag",
            "zondag",
        ],
        Lang::En => [
            "Monday",
            "Tuesday",
            "Wednesday",
            "Thursday",
            "Friday",
            "Saturday",
            "Sunday",
        ],
    }
}

/// Month names, January first.
/// "derde" for 3, "laatste" for -1: which of the month's weekdays.
pub fn ordinal(n: i8, lang: Lang) -> &'static str {
    let (nl, en) = match n {
        1 => ("eerste", "first"),
        2 => ("tweede", "second"),
        3 => ("derde", "third"),
        4 => ("vierde", "fourth"),
        5 => ("vijfde", "fifth"),
        -2 => ("een-na-laatste", "second to last"),
        _ => ("laatste", "last"),
    };
    match lang {
        Lang::Nl => nl,
        Lang::En => en,
    }
}

/// A stored "2026-03-12" as "12 maart 2026"; anything else as it is.
pub fn iso_date_in_words(iso: &str, lang: Lang) -> String {
    // By hand, so the browser bundle needs no date library.
    let parts: Vec<&str> = iso.trim().splitn(3, '-').collect();
    if let [year, month, day] = parts[..] {
        if let (Ok(y), Ok(m), Ok(d)) = (
            year.parse::<u16>(),
            month.parse::<usize>(),
            day.parse::<u8>(),
        ) {
            if (1..=12).contains(&m) && (1..=31).contains(&d) {
                return format!("{d} {} {y}", months(lang)[m - 1]);
            }
        }
    }
    iso.to_string()
}

/// [`iso_date_in_words`] in the page's language (inside a component).
pub fn date_words(iso: &str) -> String {
    iso_date_in_words(iso, use_lang())
}

/// The month names, January first.
pub fn months(lang: Lang) -> [&'static str; 12] {
    match lang {
        Lang::Nl => [
            "januari",
            "februari",
            "maart",
            "april",
            "mei",
            "juni",
            "juli",
            "augustus",
            "september",
            "oktober",
            "november",
            "december",
        ],
        Lang::En => [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ],
    }
}

texts! {
    // Site
    site_name: "Sociale Kaart Utrecht", "Sociale Kaart Utrecht";
    site_description: "Vind activiteiten, hulp en vrijwilligerswerk in je buurt.",
        "Find activities, help and volunteering in your neighbourhood.";
    skip_link: "Naar de inhoud", "Skip to content";
    nav_label: "Hoofdmenu", "Main menu";
    menu_button: "Menu", "Menu";
    nav_search: "Zoeken", "Search";
    nav_talents: "Ik kan iets", "I can help";
    nav_about: "Over deze kaart", "About this map";
    /// The link to the other language, written in that language.
    switch_label: "English", "Nederlands";
    switch_title: "Read this site in English", "Lees deze site in het Nederlands";
    footer_credits: "Kaartgegevens: CBS / PDOK, GeoNames, Gemeente Utrecht. ",
        "Map data: CBS / PDOK, GeoNames, Gemeente Utrecht. ";
    footer_more: "Meer over bronnen en privacy", "More about sources and privacy";
    problem_generic: "Er ging iets mis. Probeer het later nog eens.",
        "Something went wrong. Please try again later.";
    loading: "Even laden...", "Loading...";
    searching: "Even zoeken...", "Searching...";
    free: "Gratis", "Free";
    place_label: "Postcode of plaats", "Postcode or town";
    print_qr: "Scan om deze pagina te openen", "Scan to open this page";

    // Search
    search_title: "Wat zoek je?", "What are you looking for?";
    search_lead: "Activiteiten, hulp en vrijwilligerswerk bij jou in de buurt.",
        "Activities, help and volunteering near you.";
    search_label: "Waar heb je zin in of wat zoek je?", "What would you like to do or find?";
    search_placeholder: "bijvoorbeeld: voetbal, taalcafé, hulp bij post",
        "for example: football, language café, help with letters";
    place_placeholder: "3511 of De Meern", "3511 or De Meern";
    search_button: "Zoeken", "Search";
    examples_label: "Voorbeelden", "Examples";
    examples_intro: "Bijvoorbeeld: ", "For example: ";
    example_child: "iets voor mijn kind", "something for my child";
    example_meal: "samen eten", "eating together";
    example_money: "hulp bij geldzaken", "help with money matters";
    example_volunteer: "vrijwilligerswerk", "volunteering";
    example_dutch: "Nederlands oefenen", "practise Dutch";
    browse_title: "Kijk per onderwerp", "Browse by topic";
    lg_meedoen: "Meedoen en contact", "Taking part and meeting people";
    lg_geldzaken: "Geld en papieren", "Money and paperwork";
    lg_werk: "Werk en dagbesteding", "Work and day activities";
    lg_leren: "Taal en leren", "Language and learning";
    lg_gezondheid: "Gezondheid", "Health";
    lg_bewegen: "Sport en bewegen", "Sports and exercise";
    lg_opgroeien: "Opgroeien en opvoeden", "Growing up and parenting";
    lg_wonen: "Wonen en buurt", "Home and neighbourhood";
    lg_zorg: "Zorg en mantelzorg", "Care and caring for others";
    lg_veiligheid: "Veilig thuis", "Safe at home";
    facets_label: "Filters", "Filters";
    facet_about: "{} (ca. {})", "{} (about {})";
    facets_estimated: "Er is veel gevonden: de aantallen zijn geschat.", "Much was found: the numbers are estimates.";
    filters_count: "Filters ({})", "Filters ({})";
    chosen_filters: "Gekozen filters", "Chosen filters";
    remove_filter: "{} weghalen", "Remove {}";
    clear_filters: "Alle filters weghalen", "Remove all filters";
    order_label: "Volgorde", "Order";
    order_best: "Beste eerst", "Best match first";
    order_near: "Dichtbij eerst", "Nearest first";
    distance_label: "Afstand", "Distance";
    distance_km: "{} km", "{} km";
    within_km: "binnen {} km", "within {} km";
    also_at: "Ook op {} andere plekken", "Also at {} other places";
    also_at_one: "Ook op 1 andere plek", "Also at 1 other place";
    call_button: "Bel {}", "Call {}";
    ed_walk_in: "Gewoon binnenlopen: mensen hoeven zich niet aan te melden (dan staat er geen knop \"Ik doe mee\")",
        "Just walk in: people do not need to sign up (then there is no \"Join\" button)";
    walk_in: "Gewoon binnenlopen: je hoeft je niet aan te melden.", "Just walk in: you do not need to sign up.";
    join_ask_them: "Wil je meedoen? Bel of mail ze even. Zij vertellen je hoe het werkt.",
        "Want to join? Give them a call or send an e-mail. They will tell you how it works.";
    signup_closed: "Je kunt je hier niet aanmelden. Bel of mail ze even.",
        "You cannot sign up here. Give them a call or send an e-mail.";
    dg_iedereen: "Iedereen", "Everyone";
    dg_kinderen: "Kinderen", "Children";
    dg_jongeren: "Jongeren", "Young people";
    dg_ouders: "Ouders", "Parents";
    dg_ouderen: "Ouderen", "Older people";
    dg_nieuwkomers: "Nieuw in Nederland", "New in the Netherlands";
    dg_mantelzorgers: "Mantelzorgers", "Carers";
    dg_werkzoekenden: "Op zoek naar werk", "Looking for work";
    facet_cost: "Kosten", "Cost";
    facet_access: "Toegankelijkheid", "Accessibility";
    facet_kind: "Soort", "Kind";
    facet_topic: "Onderwerp", "Topic";
    facet_day: "Dag", "Day";
    facet_for_whom: "Voor wie", "For whom";
    facet_wijk: "Wijk", "District";
    facet_language: "Taal", "Language";
    results_none: "We vonden niets dat past.", "We found nothing that fits.";
    results_one: "1 resultaat", "1 result";
    results_many: "{} resultaten", "{} results";
    results_about: "ongeveer {}", "about {}";
    thousands_separator: ".", ",";
    results_one_near: "1 resultaat in de buurt van {}", "1 result near {}";
    results_many_near: "{} resultaten in de buurt van {}", "{} results near {}";
    results_one_area: "1 resultaat in dit deel van de kaart", "1 result in this part of the map";
    results_many_area: "{} resultaten in dit deel van de kaart", "{} results in this part of the map";
    empty_hint: "Probeer andere of minder woorden.", "Try other or fewer words.";
    empty_wider: "Zoek in de hele stad, niet alleen in de buurt",
        "Search the whole city, not just nearby";
    empty_help: "Je kunt ook altijd binnenlopen bij het buurtteam. Zij denken met je mee.",
        "You can always drop in at the buurtteam (neighbourhood team). They will think along with you.";
    map_show: "Toon de kaart", "Show the map";
    map_hide: "Verberg de kaart", "Hide the map";
    map_results_label: "Kaart met de resultaten", "Map of the results";
    map_search_area: "Zoek in dit gebied", "Search this area";
    map_offer_label: "Kaart met de plek van dit aanbod", "Map showing where this is";
    pager_label: "Pagina's", "Pages";
    pager_previous: "Vorige", "Previous";
    pager_next: "Volgende", "Next";
    pager_position: "Pagina {} van {}", "Page {} of {}";
    distance_away: "{} van je af", "{} from you";
    today_at: "vandaag {}-{}", "today {}-{}";
    next_at: "volgende keer: {} {}-{}", "next time: {} {}-{}";
    every_at: "elke {} {}-{}", "every {} {}-{}";
    every_nth_at: "elke {} {} van de maand {}-{}", "every {} {} of the month {}-{}";
    every_nth_months_at: "de {} {} van de maand, om de {} maanden, {}-{}",
        "the {} {} of the month, every {} months, {}-{}";
    every_other_at: "om de week op {} {}-{}", "every other {} {}-{}";
    every_n_weeks_at: "elke {} weken op {} {}-{}", "every {} weeks on {} {}-{}";
    next_on_at: "volgende keer: {} {} {}-{}", "next time: {} {} {}-{}";
    ages_between: "voor {} tot en met {} jaar", "for ages {} to {}";
    ages_from: "vanaf {} jaar", "from age {}";
    ages_until: "tot en met {} jaar", "up to age {}";
    understood_lead: "We zochten naar:", "We looked for:";
    list_and: "{} en {}", "{} and {}";
    why_fits: "past bij: {}", "fits: {}";
    why_need: "{} (jouw vraag)", "{} (what you asked)";
    why_talent: "{} (jouw talent)", "{} (your talent)";
    why_interest: "{} (wat je graag doet)", "{} (what you like doing)";
    why_group: "voor {}", "for {}";
    why_free: "gratis", "free";
    why_language: "ook in het {}", "also in {}";
    why_no_referral: "zonder indicatie", "no referral needed";
    why_keeps_benefit: "met behoud van uitkering", "you keep your benefit";
    why_ask_benefit_first: "overleg eerst met je klantmanager (er is een vergoeding)", "talk to your benefits officer first (it pays an allowance)";
    loc_step_free: "Ingang zonder drempel of trap (voor rolstoel en rollator)", "Entrance without steps (for wheelchair and rollator)";
    loc_step_unknown: "Weet ik niet", "Not known";
    loc_step_yes: "Ja, gelijkvloers of met een hellingbaan", "Yes, level or with a ramp";
    loc_step_partly: "Deels (bijvoorbeeld een zij-ingang)", "Partly (for example a side entrance)";
    loc_step_no: "Nee, er zijn treden", "No, there are steps";
    loc_lift: "Er is een lift", "There is a lift";
    loc_toilet: "Er is een aangepast toilet", "There is an accessible toilet";
    loc_pick_up: "We halen mensen op of regelen vervoer", "We pick people up or arrange transport";
    loc_near_transit: "Bushalte, tram of station binnen 400 meter", "Bus, tram or train stop within 400 metres";
    acc_step_free: "Gelijkvloers", "Step-free";
    acc_step_partly: "Deels gelijkvloers", "Partly step-free";
    acc_steps: "Met trap of drempel", "Has steps";
    acc_lift: "lift", "lift";
    acc_toilet: "aangepast toilet", "accessible toilet";
    acc_pick_up: "ophalen mogelijk", "pick-up available";
    acc_transit: "halte dichtbij", "stop nearby";
    why_step_free: "gelijkvloers", "step-free";
    why_ask_access: "bel even om te vragen of je er met een rolstoel in kunt", "call to ask whether you can get in with a wheelchair";
    why_pick_up: "wordt opgehaald", "they pick you up";
    why_near_transit: "halte dichtbij", "a stop nearby";
    why_outside_own_wijk: "buiten je eigen buurt", "outside your own neighbourhood";
    why_in_own_wijk: "in je eigen buurt", "in your own neighbourhood";
    why_training: "met een cursus", "with a course";
    why_all_ages: "voor alle leeftijden", "for all ages";
    why_waiting_list: "helpt {} mensen van de wachtlijst", "helps {} people off the waiting list";
    why_one_wanted: "ze zoeken 1 persoon", "they look for 1 person";
    why_people_wanted: "ze zoeken {} mensen", "they look for {} people";
    why_together_one: "voor ouder en kind samen (kind van {})", "for parent and child together (child aged {})";
    why_together_more: "voor ouder en kinderen samen ({} jaar)", "for parent and children together (aged {})";
    kind_buurthuis: "Buurthuis", "Community centre";
    kind_vereniging: "Vereniging", "Club";
    kind_initiatief: "Initiatief", "Initiative";
    kind_voorziening: "Voorziening", "Service";
    kind_vrijwilligerswerk: "Vrijwilligerswerk", "Volunteering";
    locate_button: "Gebruik mijn locatie", "Use my location";
    locate_busy: "We zoeken waar je bent...", "Finding where you are...";
    locate_found: "Gevonden: {}", "Found: {}";
    locate_failed: "We konden niet zien waar je bent. Typ je postcode of plaats.",
        "We could not tell where you are. Type your postcode or town.";

    // Offer detail
    detail_paused: "Dit aanbod is nu gestopt of tijdelijk dicht.",
        "This has stopped or is closed for now.";
    join_button: "Ik doe mee", "I want to join";
    fact_for_whom: "Voor wie", "For whom";
    fact_mostly_for: "Vooral voor", "Mostly for";
    fact_when: "Wanneer", "When";
    fact_closed: "Gesloten", "Closed";
    fact_cost: "Kosten", "Cost";
    fact_needs: "Wat heb je nodig", "What you need";
    fact_good_to_know: "Goed om te weten", "Good to know";
    fact_role_asks: "Wat het vraagt", "What it asks";
    fact_role_fits: "Past bij", "Fits";
    fact_languages: "Talen", "Languages";
    fact_topics: "Onderwerpen", "Topics";
    fact_waiting: "Wachtlijst", "Waiting list";
    waiting_count: "Er staan nu {} mensen op de wachtlijst.", "{} people are on the waiting list now.";
    no_referral: "Je hebt geen indicatie of verwijzing nodig.", "You do not need a referral.";
    keeps_benefit: "Je houdt je uitkering als je meedoet.", "You keep your benefits when you take part.";
    fund_young: "Kost het te veel? Het Jeugdfonds Sport & Cultuur kan de contributie betalen.",
        "Too expensive? The Jeugdfonds Sport & Cultuur (youth fund) can pay the fee.";
    fund_adult: "Kost het te veel? Vraag het buurtteam naar een fonds of de U-pas.",
        "Too expensive? Ask the buurtteam about a fund or the U-pas.";
    where_title: "Waar", "Where";
    wijk_prefix: "Wijk {}", "District {}";
    route_link: "Route plannen", "Plan a route";
    contact_title: "Contact", "Contact";
    website: "Website", "Website";
    verified_on: "Laatst gecontroleerd op ", "Last checked on ";
    nearby_title: "Ook in de buurt", "Also nearby";
    roles_title: "Deze organisatie zoekt hulp", "This organisation is looking for help";
    roles_other_title: "Deze organisatie zoekt ook", "This organisation is also looking for";

    // Sign-up
    signup_title: "Ik doe mee", "I want to join";
    signup_intro: "Laat {} weten dat je mee wilt doen met: {}.", "Let {} know that you want to join: {}.";
    signup_name: "Je naam", "Your name";
    signup_contact: "Je telefoonnummer of e-mailadres", "Your phone number or e-mail address";
    signup_message: "Wil je iets vertellen of vragen? (mag leeg blijven)",
        "Anything you want to tell or ask? (optional)";
    signup_honeypot: "Website (niet invullen)", "Website (leave empty)";
    signup_privacy: "Je naam, hoe ze je kunnen bereiken en je bericht gaan alleen naar {}. ",
        "Your name, how to reach you and your message go only to {}. ";
    signup_privacy_more: "We gebruiken ze niet voor iets anders en verwijderen ze na zes maanden.",
        "We do not use them for anything else and delete them after six months.";
    signup_send: "Verstuur", "Send";
    signup_bad_name: "Vul je naam in (hoogstens 100 tekens).", "Please fill in your name (at most 100 characters).";
    signup_bad_contact: "Vul een telefoonnummer of e-mailadres in, zodat ze je kunnen bereiken.",
        "Please fill in a phone number or e-mail address so they can reach you.";
    signup_bad_message: "Je bericht is te lang. Houd het korter dan 1000 tekens.",
        "Your message is too long. Please keep it under 1000 characters.";
    signup_too_often: "Je hebt net al een paar keer een aanmelding gestuurd. Probeer het over tien minuten nog eens.",
        "You have just sent a few sign-ups. Please try again in ten minutes.";
    thanks_title: "Bedankt", "Thank you";
    thanks_heading: "Bedankt, je aanmelding is verstuurd", "Thank you, your sign-up has been sent";
    thanks_next: "{} neemt contact met je op. Dat kan een paar dagen duren.",
        "{} will contact you. This can take a few days.";
    thanks_no_reply: "Hoor je na een week niets? Bel of mail ze dan zelf. De gegevens staan bij het aanbod.",
        "No reply after a week? Call or e-mail them yourself. The details are on the offer page.";
    thanks_no_reply_call: "Hoor je na een week niets? Bel ze dan zelf:", "No reply after a week? Call them yourself:";
    thanks_no_reply_mail: "Hoor je na een week niets? Mail ze dan zelf:", "No reply after a week? E-mail them yourself:";
    thanks_back: "Terug naar het aanbod", "Back to the offer";

    // Talents
    talents_title: "Ik kan iets", "I can help";
    talents_lead: "Wat doe je graag of waar ben je goed in? Kijk wie in de buurt jou goed kan gebruiken.",
        "What do you like doing or what are you good at? See who nearby could use your help.";
    talents_pick: "Kies wat bij je past", "Choose what suits you";
    talents_show: "Laat zien", "Show";
    talents_none: "We vonden nu niemand die dit zoekt. Kijk later nog eens, of kies iets anders.",
        "We found nobody looking for this right now. Look again later, or choose something else.";
    talents_one: "1 plek waar ze jou goed kunnen gebruiken", "1 place that could use your help";
    talents_many: "{} plekken waar ze jou goed kunnen gebruiken", "{} places that could use your help";
    talents_see_offer: "Bekijk het aanbod", "See the offer";
    talent_koken: "Koken", "Cooking";
    talent_voetbal: "Voetbal", "Football";
    talent_sport: "Sport en spel", "Sports and games";
    talent_muziek: "Muziek", "Music";
    talent_taal: "Taal en lezen", "Language and reading";
    talent_computer: "Computer en telefoon", "Computers and phones";
    talent_klussen: "Klussen", "Odd jobs and repairs";
    talent_tuinieren: "Tuinieren", "Gardening";
    talent_luisteren: "Luisteren en gezelschap", "Listening and company";
    talent_administratie: "Administratie en geldzaken", "Paperwork and money matters";
    talent_rijden: "Autorijden", "Driving";
    talent_creatief: "Creatief", "Arts and crafts";
    talent_organiseren: "Organiseren", "Organising";
    talent_kinderen: "Met kinderen werken", "Working with children";
    talent_talen: "Andere talen spreken", "Speaking other languages";
    talent_naaien: "Naaien en repareren", "Sewing and mending";
    talent_fietsen: "Fietsen en fietsles", "Cycling and cycling lessons";
    talent_dieren: "Dieren", "Animals";
    talent_schoonmaken: "Schoonmaken", "Cleaning";
    talent_fotografie: "Foto en video", "Photo and video";

    // Keukentafel (a profile in plain words, three lanes)
    nav_keukentafel: "Keukentafel", "Kitchen table";
    nav_coalitions: "Coalities", "Coalitions";
    kt_title: "Keukentafel: wat past bij jou?", "Kitchen table: what suits you?";
    kt_lead: "Vul samen in wat iemand wil, kan en graag doet. Je ziet meteen waar je kunt meedoen, waar je kunt helpen en wat je samen kunt doen. We bewaren niets.",
        "Fill in together what someone wants, can do and likes doing. You see right away where to join in, where to help and what you can do together. We keep nothing.";
    kt_needs: "Waar wil je mee verder?", "What would you like to work on?";
    kt_talents: "Waar ben je goed in?", "What are you good at?";
    kt_interests: "Wat doe je graag?", "What do you like doing?";
    kt_groups: "Wat past bij je? (mag leeg blijven)", "What fits you? (optional)";
    kt_age: "Leeftijd (mag leeg blijven)", "Age (optional)";
    kt_km: "Hoe ver wil je reizen?", "How far will you travel?";
    kt_days: "Op welke dagen kun je?", "Which days suit you?";
    kt_conditions: "Wat is belangrijk?", "What matters?";
    kt_free: "Alleen gratis", "Free only";
    kt_no_referral: "Zonder indicatie of verwijzing", "Without a referral";
    kt_keeps_benefit: "Uitkering moet blijven", "Must keep benefits";
    kt_network: "Wie helpt er al? (bijvoorbeeld: buurvrouw, zus)", "Who helps already? (for example: neighbour, sister)";
    kt_show: "Laat zien wat past", "Show what fits";
    kt_step_own: "Eerst: wat jij en de mensen om je heen al doen", "First: what you and the people around you already do";
    kt_lane_meedoen: "Meedoen", "Join in";
    kt_money_first: "Eerst: rondkomen en geldzaken", "First: making ends meet";
    kt_money_first_lead: "Geldzorgen gaan meestal voor. Hier kun je daarmee terecht; de rest staat hieronder.", "Money worries usually come first. This is where to go with them; everything else is below.";
    kt_lane_meedoen_lead: "Activiteiten en hulp die passen bij je vraag. Eerst wat open is voor iedereen.",
        "Activities and help that fit your question. Open to everyone first.";
    kt_lane_bijdragen: "Bijdragen", "Contribute";
    kt_lane_bijdragen_lead: "Plekken waar ze jouw talent goed kunnen gebruiken.", "Places that could use your talent.";
    kt_lane_samen: "Samen", "Together";
    kt_lane_samen_lead: "Een coalitie waarin iedereen iets geeft en iets krijgt.", "A coalition where everyone gives and gets something.";
    kt_none: "Hier vonden we nu niets dat past.", "We found nothing that fits here right now.";
    kt_needs_referral: "met verwijzing", "with a referral";
    kt_empty: "Kies hierboven minstens één onderwerp, talent of iets wat je graag doet.",
        "Choose at least one topic, talent or something you like doing above.";
    days_any: "Elke dag", "Any day";
    km_option: "{} km", "{} km";

    // Talent entries
    te_title: "Mogen organisaties weten dat iemand in jouw buurt dit kan?", "May organisations know that someone near you can do this?";
    te_text: "We bewaren alleen wat je kunt, de cijfers van je postcode en je leeftijd als je die invult. Geen naam en geen adres, tenzij je hieronder zegt dat een organisatie je mag vragen. Na zes maanden is het weg. Organisaties zien nooit wie je bent.",
        "We only keep what you can do, the digits of your postcode and your age if you fill it in. No name and no address, unless you say below that an organisation may ask you. After six months it is gone. Organisations never see who you are.";
    te_age: "Je leeftijd (mag leeg blijven)", "Your age (optional)";
    te_send: "Ja, laat het weten", "Yes, let them know";
    te_saved: "Dank je! Organisaties in de buurt zien nu dat hier iemand is die dit kan.", "Thank you! Organisations nearby can now see that someone here can do this.";
    te_problem: "Kies eerst wat je kunt en vul je postcode in.", "First choose what you can do and fill in your postcode.";
    te_reach_legend: "Mag een organisatie je vragen? (mag je overslaan)", "May an organisation ask you? (you can skip this)";
    te_reach: "Ja, een organisatie in de buurt met een passende vraag mag mij via de Sociale Kaart uitnodigen", "Yes, an organisation nearby with a fitting request may invite me through the Sociale Kaart";
    te_reach_note: "Ze zien je naam en e-mailadres niet. Hoogstens twee uitnodigingen per maand. Je krijgt een mail met een link om te stoppen; na zes maanden halen we alles weg.", "They do not see your name or email address. At most two invitations a month. You get an email with a link to stop; after six months we delete everything.";
    te_name: "Je voornaam (mag leeg)", "Your first name (optional)";
    te_email: "Je e-mailadres", "Your email address";
    te_contact_problem: "Vul een e-mailadres in dat klopt, als een organisatie je mag vragen.", "Fill in a valid email address if an organisation may ask you.";
    te_reach_saved: "We sturen je een mail. Daarin staat ook hoe je stopt.", "We are sending you an email. It also says how to stop.";
    te_revoked: "Je gegevens zijn weg. Organisaties kunnen je niet meer vragen.", "Your details are gone. Organisations can no longer ask you.";
    te_revoked_unknown: "Deze link is al gebruikt of verlopen. Je gegevens staan er niet meer.", "This link was already used or has expired. Your details are no longer there.";
    reach_title: "Mensen in de buurt die je mag vragen", "People nearby you may ask";
    reach_note: "Zij zeiden wat ze kunnen en dat een organisatie hen mag vragen. Je ziet niet wie het zijn: de Sociale Kaart stuurt je uitnodiging door. Hoogstens één uitnodiging per vraag.", "They said what they can do and that an organisation may ask them. You do not see who they are: the Sociale Kaart forwards your invitation. At most one invitation per request.";
    reach_person: "Iemand uit {} ({}), {}", "Someone from {} ({}), {}";
    reach_age: "{} jaar", "{} years old";
    reach_message: "Je bericht", "Your message";
    reach_suggestion: "Wij zoeken iemand voor: {}. Lijkt het je wat? Kom een keer kijken.", "We are looking for someone for: {}. Interested? Come and have a look.";
    reach_suggestion_in: "Wij zoeken iemand in {} voor: {}. Lijkt het je wat? Kom een keer kijken.", "We are looking for someone in {} for: {}. Interested? Come and have a look.";
    reach_send: "Nodig uit", "Invite";
    reach_sent: "Je uitnodiging is verstuurd.", "Your invitation has been sent.";
    reach_bad_message: "Schrijf een bericht van hoogstens 500 tekens.", "Write a message of at most 500 characters.";
    reach_gone: "Deze persoon wil niet meer gevraagd worden.", "This person no longer wants to be asked.";
    reach_too_often: "Deze persoon is deze maand al vaak gevraagd. Probeer het later.", "This person has been asked often this month. Try later.";
    talents_words: "Of typ het zelf (bijvoorbeeld: ik kan goed koken)", "Or type it yourself (for example: I am good at cooking)";

    group_ouders: "Ik ben ouder of opvoeder", "I am a parent or carer of children";
    group_ouderen: "Ik ben 65 of ouder", "I am 65 or older";
    group_jongeren: "Ik ben jong (12 tot 27)", "I am young (12 to 27)";
    group_nieuwkomers: "Ik woon nog niet lang in Nederland", "I am new in the Netherlands";
    group_mantelzorgers: "Ik zorg voor iemand", "I care for someone";
    group_werkzoekenden: "Ik zoek werk", "I am looking for work";

    // Coalitions
    co_title: "Vitale coalities", "Vital coalitions";
    co_lead: "Clubs, buurthuizen, scholen en buurtteams die elkaar helpen: ieder lost een echt probleem van de ander op.",
        "Clubs, community centres, schools and neighbourhood teams helping each other: each solves a real problem of the other.";
    co_none: "Er zijn nog geen coalities.", "There are no coalitions yet.";
    co_chances: "Kansen voor nieuwe coalities", "Chances for new coalitions";
    cn_title: "Een coalitie beginnen", "Start a coalition";
    cn_link: "Begin zelf een coalitie", "Start a coalition yourself";
    cn_lead: "Begin met een naam en wat jullie samen willen bereiken. Daarna nodig je partners uit, ook organisaties die nog niet op de kaart staan, en kies je de verbindende schakel.", "Start with a name and what you want to achieve together. Then invite partners, also organisations not yet on the map, and choose the link person.";
    cn_name: "Naam van de coalitie", "Name of the coalition";
    cn_goal: "Wat willen jullie samen bereiken?", "What do you want to achieve together?";
    cn_send: "Coalitie beginnen", "Start the coalition";
    cn_started: "De coalitie is begonnen. Nodig nu de partners uit (onderaan) en kies de verbindende schakel.", "The coalition has started. Now invite the partners (below) and choose the link person.";
    cn_not_allowed: "Een coalitie beginnen doen de coördinatoren van de gemeente. Vraag het hun, of begin bij een kans.", "Coordinators of the municipality start coalitions. Ask them, or start from a chance.";
    co_chances_lead: "Deze combinaties zien we in de kaart: een tekort bij de een, mensen en partners in de buurt die het kunnen oplossen.",
        "These combinations show up in the map: a shortage on one side, people and partners nearby who can solve it.";
    co_goal: "Doel", "Goal";
    co_partners: "Partners", "Partners";
    co_gives: "geeft", "gives";
    co_gets: "krijgt", "gets";
    co_link: "Verbindende schakel", "Link person";
    co_evidence: "Waarom dit kan werken", "Why this can work";
    co_participants: "Deelnemers", "Participants";
    co_funding: "Geld", "Funding";
    co_funding_until: "tot {}", "until {}";
    co_funding_warning: "Let op: het geld stopt over {} dagen. Zoek nu een vervolg, anders stopt de coalitie.",
        "Note: the money stops in {} days. Find a follow-up now, or the coalition stops.";
    co_funding_over: "Het geld is op. Zoek een vervolg, anders stopt de coalitie.", "The money has run out. Find a follow-up, or the coalition stops.";
    co_notes: "Tellen en vertellen", "Counting and telling";
    co_status: "Status", "Status";
    st_idea: "Idee", "Idea";
    st_forming: "In vorming", "Forming";
    st_active: "Actief", "Active";
    st_ended: "Gestopt", "Ended";
    role_lead: "trekker", "lead";
    role_deliverer: "uitvoerder", "deliverer";
    role_supporter: "ondersteuner", "supporter";
    role_funder: "financier", "funder";
    role_venue: "plek", "venue";
    co_start: "Maak hier een coalitie van", "Turn this into a coalition";
    co_start_hint: "Coördinatoren van de gemeente en sociaal makelaars kunnen van een kans een coalitie maken.", "Coordinators of the municipality and community brokers can turn a chance into a coalition.";
    co_start_login: "Inloggen", "Log in";
    co_note_title: "Tellen en vertellen", "Count and tell";
    co_note_lead: "Wat is er bereikt? Een aantal, een kort verhaal, of allebei. Iedereen ziet het op deze pagina.", "What has been achieved? A number, a short story, or both. Everyone sees it on this page.";
    co_note_label: "Wat tel je? (bijvoorbeeld: kinderen van de wachtlijst)", "What do you count? (for example: children off the waiting list)";
    co_note_number: "Aantal (mag leeg)", "Number (optional)";
    co_note_story: "Kort verhaal (mag leeg)", "Short story (optional)";
    co_note_send: "Noteren", "Save";
    co_note_bad: "Vul een aantal van 0 of meer in, of een kort verhaal (hoogstens 2000 tekens).", "Fill in a number of 0 or more, or a short story (at most 2000 characters).";
    co_note_saved: "Genoteerd. Dank je!", "Saved. Thank you!";
    ph_add: "Foto toevoegen", "Add a photo";
    ph_change: "Andere foto kiezen", "Choose another photo";
    ph_file: "Foto (JPEG of PNG, tot 16 MB)", "Photo (JPEG or PNG, up to 16 MB)";
    ph_alt: "Wat staat er op de foto? (voor wie hem niet kan zien)", "What is in the photo? (for people who cannot see it)";
    ph_consent: "Iedereen kan de foto zien. Kies een foto waarvoor de mensen erop toestemming gaven. Wij halen plaats en camera uit de foto en maken hem kleiner.", "Everyone can see the photo. Choose a photo that the people in it agreed to. We remove place and camera from the photo and make it smaller.";
    ph_send: "Foto bewaren", "Save photo";
    ph_remove: "Foto weghalen", "Remove photo";
    ph_saved: "De foto staat bij de notitie.", "The photo is with the note.";
    ph_removed: "De foto is weggehaald.", "The photo was removed.";
    ph_too_big: "Deze foto is te groot. Kies een foto kleiner dan 16 MB.", "This photo is too large. Choose a photo smaller than 16 MB.";
    ph_not_image: "Dit is geen foto die we kunnen lezen. Kies een JPEG- of PNG-foto.", "We cannot read this as a photo. Choose a JPEG or PNG photo.";
    ph_no_alt: "Schrijf in een korte zin wat er op de foto staat.", "Write in one short sentence what is in the photo.";
    co_see: "Bekijk de coalitie", "See the coalition";
    ov_title: "Coalities in de gemeente", "Coalitions in the municipality";
    sg_title: "Signalen uit de wijken", "Signals from the neighbourhoods";
    sg_lead: "Waar vragen geen passend aanbod vinden, verwijzingen niet lukken en hulp onbeantwoord blijft. Alleen tellingen, nooit een persoon: minder dan 5 staat er als <5, en een verschil alleen als beide tellingen 5 of meer zijn.", "Where questions find no suitable offer, referrals do not work out and offers of help stay unanswered. Only counts, never a person: fewer than 5 shows as <5, and a change only when both counts are 5 or more.";
    sg_period: "Kwartaal", "Quarter";
    sg_previous: "Vorig kwartaal", "Previous quarter";
    sg_next: "Volgend kwartaal", "Next quarter";
    sg_wijk: "Wijk", "Neighbourhood";
    sg_no_offer: "Geen passend aanbod", "No suitable offer";
    sg_change: "Verschil met vorig kwartaal", "Change from previous quarter";
    sg_full: "Afgewezen: vol", "Refused: full";
    sg_unfit: "Afgewezen: past niet", "Refused: not fitting";
    sg_silent: "Geen reactie", "No answer";
    sg_unanswered: "Hulp niet beantwoord", "Help not answered";
    sg_waiting: "Dagen tot acceptatie (mediaan / 90%)", "Days until accepted (median / 90%)";
    sg_none: "Nog geen signalen in dit kwartaal.", "No signals in this quarter yet.";
    sg_act: "Doe er iets mee: zoek partners voor een coalitie", "Act on it: find partners for a coalition";
    ak_title: "Gevraagd in jouw wijk", "Asked for in your neighbourhood";
    ak_lead: "Voor clubs, buurthuizen en initiatiefnemers: wat mensen in de buurt zoeken en niet vinden, en welke talenten wachten. Zo zie je waar je iets kunt beginnen. Alleen wat 5 keer of vaker voorkwam, nooit een persoon.", "For clubs, community centres and initiatives: what people nearby look for and do not find, and which talents are waiting. So you can see where to start something. Only what came up 5 times or more, never a person.";
    ak_where: "Je postcode of plaats", "Your postcode or place";
    ak_show: "Bekijk", "Show";
    ak_heading: "Gevraagd in {}", "Asked for in {}";
    ak_period: "Kwartaal {}; talenten: nu.", "Quarter {}; talents: now.";
    ak_topics: "Vragen zonder passend aanbod in de buurt", "Questions without a suitable offer nearby";
    ak_searched: "Gezocht en niets gevonden", "Searched and found nothing";
    ak_talents: "Talenten die wachten op een rol", "Talents waiting for a role";
    ak_none: "Hier is (nog) niets dat 5 keer of vaker voorkwam.", "Nothing here (yet) that came up 5 times or more.";
    ak_times: "{} keer", "{} times";
    ak_offers: "bekijk wat er al is", "see what is there";
    ak_role: "heb je een rol hiervoor? Zet hem op de kaart", "have a role for this? Put it on the map";
    ak_start: "Zelf iets beginnen of een rol aanbieden? Zet het op de kaart.", "Want to start something or offer a role? Put it on the map.";
    kt_languages: "Welke talen spreek je? (codes met komma's, zoals nl, ar, en)", "Which languages do you speak? (codes with commas, like nl, ar, en)";
    tr_languages: "Talen die de persoon spreekt (codes met komma's, zoals nl, ar, en)", "Languages the person speaks (codes with commas, like nl, ar, en)";
    tr_bad_talen: "Schrijf talen als code van twee of drie letters met komma's ertussen, zoals nl, ar of en.", "Write languages as codes of two or three letters with commas between, like nl, ar or en.";
    tr_bad_km: "Schrijf een afstand in kilometers, van 1 tot 50.", "Write a distance in kilometres, from 1 to 50.";
    kp_title: "Knelpunten", "Bottlenecks";
    kp_lead: "Muren waar professionals tegenaan lopen, per regel, met wat het kost als ze blijven staan. Zonder personen: elke samenvatting is gecontroleerd op namen, nummers, datums en adressen.", "Walls professionals run into, per rule, with what it costs when they stay. Without persons: every summary was checked for names, numbers, dates and addresses.";
    kp_none: "Nog geen knelpunten gemeld.", "No bottlenecks reported yet.";
    kp_counts: "Dit kwartaal {}, vorig kwartaal {}", "This quarter {}, previous quarter {}";
    kp_cost: "Als het blijft staan:", "If it stays:";
    kp_reported_on: "Gemeld op", "Reported on";
    kp_status: "Stand", "Status";
    kp_status_gemeld: "Gemeld", "Reported";
    kp_status_opgeschaald: "Opgeschaald", "Escalated";
    kp_status_opgelost: "Opgelost", "Solved";
    kp_note: "Wat er gedaan is (hoogstens 300 tekens)", "What was done (at most 300 characters)";
    kp_publish: "Zet op ‘Wat we oplosten’ (alleen als het is opgelost: de regel en je notitie komen erop, de samenvatting niet)", "Put on ‘What we solved’ (only when solved: the rule and your note go on it, not the summary)";
    kp_save: "Bewaar", "Save";
    kp_bad_note: "Schrijf in hoogstens 300 tekens wat er gedaan is, zonder namen. Om te publiceren is die notitie nodig.", "Write what was done in at most 300 characters, without names. Publishing needs that note.";
    kp_report: "Knelpunt melden", "Report a bottleneck";
    kp_report_lead: "Loopt dit vast op een regel, geld, wonen, een wachtlijst, privacy of samenwerking? Meld het zonder de persoon: de gemeente telt het per regel en pakt het op.", "Is this stuck on a rule, money, housing, a waiting list, privacy or cooperation? Report it without the person: the municipality counts it per rule and takes it up.";
    kp_rule: "Welke regel of muur?", "Which rule or wall?";
    kp_other: "Iets anders", "Something else";
    kp_summary: "Wat gebeurt er? Zonder namen, nummers, datums of adressen", "What happens? Without names, numbers, dates or addresses";
    kp_costs: "Wat kost het als het blijft staan? (geld, tijd, gezondheid, een huis)", "What does it cost if it stays? (money, time, health, a home)";
    kp_send: "Meld het knelpunt", "Report the bottleneck";
    kp_sent: "Het knelpunt is gemeld. De gemeente ziet het bij de signalen.", "The bottleneck was reported. The municipality sees it with the signals.";
    kp_bad_rule: "Kies een regel, of ‘iets anders’ bij een onderwerp.", "Choose a rule, or ‘something else’ under a topic.";
    kp_bad_summary: "Schrijf in een paar zinnen wat er gebeurt (10 tot 1000 tekens).", "Write in a few sentences what happens (10 to 1000 characters).";
    kp_bad_cost: "Houd de kosten korter dan 500 tekens.", "Keep the costs shorter than 500 characters.";
    kp_bad_name: "Haal de naam weg: schrijf ‘de moeder’, ‘de cliënt’ of ‘een jongere’. Een woord met een hoofdletter midden in een zin lezen we als een naam.", "Take the name out: write ‘the mother’, ‘the client’ or ‘a young person’. We read a capitalised word in the middle of a sentence as a name.";
    kp_bad_number: "Haal het nummer weg: een BSN, telefoon- of klantnummer hoort hier niet.", "Take the number out: a citizen service number, phone or client number does not belong here.";
    kp_bad_date: "Haal de datum weg: schrijf bijvoorbeeld ‘sinds vorig jaar’.", "Take the date out: write for example ‘since last year’.";
    kp_bad_address: "Haal het adres of de postcode weg: de wijk is genoeg.", "Take the address or postcode out: the neighbourhood is enough.";
    kp_cat_regel: "Regels", "Rules";
    kp_cat_geld: "Geld", "Money";
    kp_cat_wonen: "Wonen", "Housing";
    kp_cat_wachtlijst: "Wachtlijsten", "Waiting lists";
    kp_cat_privacy: "Privacy", "Privacy";
    kp_cat_samenwerking: "Samenwerking", "Cooperation";
    wo_title: "Wat we oplosten", "What we solved";
    wo_lead: "Knelpunten die professionals meldden en die de gemeente heeft opgelost. Zonder de mensen om wie het ging: alleen de regel en wat er gedaan is.", "Bottlenecks professionals reported and the municipality solved. Without the people concerned: only the rule and what was done.";
    wo_none: "Nog niets gepubliceerd.", "Nothing published yet.";
    sg_choose: "Kies een kwartaal", "Choose a quarter";
    sg_gemeente: "Gemeente", "Municipality";
    sg_show: "Toon", "Show";
    sg_csv: "Download als CSV (voor Excel)", "Download as CSV (for Excel)";
    sg_top: "Waar de meeste vragen geen passend aanbod vinden", "Where most questions find no suitable offer";
    sg_top_none: "Geen wijk heeft 5 of meer vragen zonder passend aanbod in dit kwartaal.", "No neighbourhood has 5 or more questions without a suitable offer this quarter.";
    sg_map: "Kaart: vragen zonder passend aanbod per wijk", "Map: questions without a suitable offer per neighbourhood";
    sg_legend: "Hoe donkerder, hoe meer vragen zonder passend aanbod. Wit: minder dan 5. Dezelfde cijfers staan in de tabel hieronder.", "The darker, the more questions without a suitable offer. White: fewer than 5. The same numbers are in the table below.";
    sg_grid: "Vragen zonder passend aanbod, per wijk en onderwerp", "Questions without a suitable offer, per neighbourhood and topic";
    sg_grid_lead: "Uit trajecten, de keukentafel en zoekopdrachten die niets vonden. Kies een getal om het aanbod in die wijk te zien. Een totaal met ≥ betekent: ten minste zoveel; het precieze getal zou een kleine telling verraden.", "From trajecten, the kitchen-table talk and searches that found nothing. Choose a number to see the offers in that neighbourhood. A total with ≥ means: at least that many; the exact number would give away a small count.";
    sg_other_topic: "Overig", "Other";
    sg_total: "Totaal", "Total";
    sg_more: "Verwijzingen, hulp en wachtlijsten per wijk", "Referrals, help and waiting lists per neighbourhood";
    sg_waiting_list: "Op een wachtlijst (nu)", "On a waiting list (now)";
    sg_old_roles: "Rollen langer dan 60 dagen open (nu)", "Roles open over 60 days (now)";
    sg_gaps: "Gezocht en niets gevonden", "Searched and found nothing";
    sg_gaps_lead: "Zoekopdrachten in de buurt zonder resultaat, geteld naar de woorden die we herkenden. We bewaren geen zoektekst, geen IP-adres en geen postcode fijner dan de vier cijfers. Wijken met minder dan 5 staan er niet bij.", "Searches nearby that found nothing, counted by the words we recognised. We keep no search text, no IP address and no postcode finer than its four digits. Neighbourhoods with fewer than 5 are not listed.";
    sg_gaps_none: "Geen onderwerp met 5 of meer zoekopdrachten zonder resultaat in dit kwartaal.", "No topic with 5 or more searches without results this quarter.";
    sg_no_topic: "zonder herkend onderwerp", "no topic recognised";
    sg_talents: "Talenten die wachten", "Talents waiting";
    sg_talents_lead: "Wat mensen bij ‘Ik kan iets’ en in trajecten aanbieden en waar binnen 5 km geen open rol om vraagt (nu). Wijken met minder dan 5 staan er niet bij.", "What people offer under ‘I can do something’ and in trajecten, and no open role within 5 km asks for (now). Neighbourhoods with fewer than 5 are not listed.";
    sg_talents_none: "Geen talent dat 5 keer of vaker wacht.", "No talent waiting 5 times or more.";
    sg_in: "in", "in";
    sg_act_offers: "Bekijk het aanbod", "See the offers";
    sg_act_roles: "Bekijk de open rollen", "See the open roles";
    sg_act_coalition: "Start een coalitie", "Start a coalition";
    sg_act_proposals: "Voorstellen voor coalities", "Coalition proposals";
    ov_lead: "Alle coalities van je gemeente: hoe ze ervoor staan, wie meedoet en wanneer het geld stopt.", "All coalitions of your municipality: how they are doing, who takes part and when the money stops.";
    ov_all: "Alle coalities", "All coalitions";
    ov_quarter: "Geld loopt af dit kwartaal", "Money ends this quarter";
    ov_csv: "Download als CSV (voor Excel)", "Download as CSV (for Excel)";
    ov_none: "Geen coalities gevonden.", "No coalitions found.";
    ov_name: "Coalitie", "Coalition";
    ov_partners: "Partners", "Partners";
    ov_links: "Aanspreekpunten", "Contacts";
    ov_money: "Geld tot", "Money until";
    ov_latest: "Laatste notitie", "Latest note";
    ov_trend: "Trend", "Trend";
    ov_up: "stijgt", "going up";
    ov_down: "daalt", "going down";
    ov_same: "gelijk", "the same";
    ov_ends_soon: "loopt af dit kwartaal", "ends this quarter";
    oc_legend: "Wat merken de mensen? Kruis aan wat klopt (mag leeg).", "What do people notice? Tick what is true (optional).";
    oc_erkend: "Erkend: mensen voelen zich gezien", "Recognised: people feel seen";
    oc_verbonden: "Verbonden: mensen kennen elkaar nu", "Connected: people know each other now";
    oc_opgelucht: "Opgelucht: een zorg minder", "Relieved: one worry less";
    oc_betekenis: "Van betekenis: mensen doen ertoe", "Meaningful: people matter";
    oc_erkend_short: "erkend", "recognised";
    oc_verbonden_short: "verbonden", "connected";
    oc_opgelucht_short: "opgelucht", "relieved";
    oc_betekenis_short: "van betekenis", "meaningful";
    chart_title: "{} door de tijd", "{} over time";
    chart_summary: "{} metingen, van {} tot {}; de laatste: {}.", "{} counts, from {} to {}; the latest: {}.";
    co_deputy: "Tweede aanspreekpunt", "Second contact";
    co_venue: "Plek", "Place";
    co_reason: "Waarom", "Why";
    co_invited: "uitgenodigd, nog geen antwoord", "invited, no answer yet";
    co_left: "doet niet meer mee", "no longer takes part";
    co_one_contact: "Deze coalitie heeft één aanspreekpunt. Als die persoon stopt, valt de coalitie vaak stil.", "This coalition has one contact. When that person stops, the coalition often falls silent.";
    co_ask_deputy: "Vraag een tweede aanspreekpunt", "Ask for a second contact";
    co_edit: "Coalitie bewerken", "Edit the coalition";
    co_saved: "De coalitie is bijgewerkt.", "The coalition has been updated.";
    co_asked: "Jullie organisatie {} is gevraagd als partner. Doen jullie mee?", "Your organisation {} has been asked to be a partner. Will you take part?";
    co_yes: "Ja, we doen mee", "Yes, we take part";
    co_no: "Nee, nu niet", "No, not now";
    co_member: "Jullie organisatie {} is partner.", "Your organisation {} is a partner.";
    co_stop: "Stop als partner", "Stop as a partner";
    co_answered_yes: "Welkom als partner! Je kunt nu ook tellen en vertellen.", "Welcome as a partner! You can now also count and tell.";
    co_answered_no: "Bedankt voor je antwoord.", "Thank you for your answer.";
    co_answered_stop: "Jullie doen niet meer mee. De gemeente hoort het, zodat iemand anders de rol kan overnemen.", "You no longer take part. The municipality hears about it, so someone else can take over the role.";
    ce_name: "Naam van de coalitie", "Name of the coalition";
    ce_goal: "Wat willen jullie samen bereiken?", "What do you want to achieve together?";
    ce_status: "Hoe staat de coalitie ervoor?", "How is the coalition doing?";
    ce_reason: "Waarom? (nodig als de coalitie stopt)", "Why? (needed when the coalition stops)";
    ce_link: "Verbindende schakel: wie brengt de partners samen?", "Link person: who brings the partners together?";
    ce_link_contact: "Hoe bereik je die persoon? (telefoon of e-mail)", "How do you reach that person? (phone or e-mail)";
    ce_deputy: "Tweede aanspreekpunt: wie neemt het over als de schakel stopt?", "Second contact: who takes over when the link person stops?";
    ce_deputy_contact: "Hoe bereik je het tweede aanspreekpunt?", "How do you reach the second contact?";
    ce_participants: "Hoeveel mensen doen mee?", "How many people take part?";
    ce_venue: "Waar komen jullie samen?", "Where do you meet?";
    ce_save: "Bewaren", "Save";
    ce_check: "Er is iets niet goed ingevuld. Kijk bij het veld met de melding.", "Something is not filled in right. Look at the field with the message.";
    ce_bad_name: "Geef de coalitie een naam van 1 tot 120 tekens.", "Give the coalition a name of 1 to 120 characters.";
    ce_bad_goal: "Houd het doel korter dan 1000 tekens.", "Keep the goal shorter than 1000 characters.";
    ce_bad_status: "Kies een van de standen.", "Choose one of the options.";
    ce_bad_reason: "Schrijf op waarom de coalitie stopt (hoogstens 300 tekens): dat helpt een volgende.", "Write down why the coalition stops (at most 300 characters): it helps the next one.";
    ce_bad_text: "Houd dit korter dan 300 tekens.", "Keep this shorter than 300 characters.";
    ce_bad_participants: "Vul een aantal in van 0 of meer.", "Fill in a number of 0 or more.";
    ce_partners: "Partners uitnodigen", "Invite partners";
    ce_partners_lead: "Zoek een organisatie op de kaart. De beheerders krijgen een mail en zeggen zelf ja of nee.", "Look up an organisation on the map. Its managers get a mail and say yes or no themselves.";
    ce_search: "Naam van de organisatie (minstens 3 letters)", "Name of the organisation (at least 3 letters)";
    ce_search_button: "Zoek", "Search";
    ce_no_match: "Geen organisatie gevonden met die naam. Staat de organisatie nog niet op de kaart? Vraag de gemeente om iemand van die organisatie uit te nodigen.", "No organisation found with that name. Is the organisation not on the map yet? Ask the municipality to invite someone from that organisation.";
    ce_role: "Rol", "Role";
    ce_gives: "Wat brengt deze partner in?", "What does this partner bring?";
    ce_gets: "Welk probleem lost het voor deze partner op?", "Which problem does it solve for this partner?";
    ce_invite: "Nodig {} uit", "Invite {}";
    ce_invited: "De uitnodiging is verstuurd.", "The invitation has been sent.";
    ce_new_summary: "Staat de organisatie niet op de kaart? Nodig haar uit", "Is the organisation not on the map? Invite it";
    ce_new_lead: "Vul het e-mailadres in van iemand bij die organisatie. Die krijgt een mail om de organisatie op de kaart te zetten en kan daarna ja zeggen.", "Fill in the e-mail address of someone at that organisation. They get a mail to put the organisation on the map and can then say yes.";
    ce_new_name: "Naam van de organisatie", "Name of the organisation";
    ce_new_email: "E-mailadres van iemand daar", "E-mail address of someone there";
    ce_new_send: "Uitnodiging sturen", "Send the invitation";
    ce_new_bad_name: "Schrijf de naam van de organisatie (2 tot 120 tekens).", "Write the name of the organisation (2 to 120 characters).";
    ce_new_bad_email: "Schrijf een geldig e-mailadres, zoals naam@organisatie.nl.", "Write a valid e-mail address, such as name@organisation.nl.";
    ce_new_invited: "De uitnodiging is verstuurd. Zodra de organisatie op de kaart staat, kan zij ja zeggen.", "The invitation has been sent. Once the organisation is on the map, it can say yes.";
    ce_bad_invite: "Dit lukte niet: kies een rol en houd de teksten korter dan 300 tekens.", "That did not work: choose a role and keep the texts shorter than 300 characters.";
    ce_already: "Deze organisatie is al partner of al uitgenodigd.", "This organisation is already a partner or already invited.";
    ce_too_many: "Een coalitie heeft hoogstens 20 partners.", "A coalition has at most 20 partners.";
    ce_back: "Terug naar de coalitie", "Back to the coalition";
    ce_funding: "Geld", "Funding";
    ce_funding_lead: "Waar komt het geld vandaan, en tot wanneer? 90 en 30 dagen voordat het stopt krijgen de aanspreekpunten en de gemeente een mail, zodat er tijd is voor een vervolg.", "Where does the money come from, and until when? 90 and 30 days before it stops the contacts and the municipality get a mail, so there is time for a follow-up.";
    ce_funding_none: "Er staat nog geen geld bij deze coalitie.", "No funding has been added to this coalition yet.";
    ce_source: "Van wie komt het geld?", "Who does the money come from?";
    ce_amount: "Bedrag in euro (mag leeg)", "Amount in euros (optional)";
    ce_from: "Vanaf (mag leeg)", "From (optional)";
    ce_to: "Tot en met", "Until";
    ce_add_funding: "Voeg toe", "Add";
    ce_remove_funding: "Haal {} weg", "Remove {}";
    ce_funding_added: "Het geld staat erbij.", "The funding has been added.";
    ce_funding_removed: "De geldstroom is weggehaald.", "The funding line has been removed.";
    ce_bad_funding: "Vul in van wie het geld komt (hoogstens 200 tekens), een bedrag als getal, en data als jaar-maand-dag; het begin ligt voor het einde.", "Fill in who the money comes from (at most 200 characters), an amount as a number, and dates as year-month-day; the start lies before the end.";
    ce_too_much_funding: "Een coalitie heeft hoogstens 10 geldstromen.", "A coalition has at most 10 funding lines.";
    co_quiet: "Stil: al drie maanden niets genoteerd", "Quiet: nothing noted for three months";
    co_funding_line: "{}: {}", "{}: {}";
    co_euros: "€ {}", "€ {}";
    ce_not_yours: "Deze coalitie kun je niet bewerken. De partners en de coördinatoren van de gemeente kunnen dat wel.", "You cannot edit this coalition. Its partners and the municipality's coordinators can.";

    // Accounts and /beheer
    nav_manage: "Voor organisaties", "For organisations";
    nav_my_trajecten: "Mijn trajecten", "My cases";
    nav_signals: "Signalen", "Signals";
    nav_my_page: "Mijn pagina", "My page";
    login_title: "Inloggen", "Log in";
    login_lead: "Voor organisaties, buurtteams en de gemeente. Om te zoeken of mee te doen heb je geen account nodig.",
        "For organisations, neighbourhood teams and the municipality. You do not need an account to search or join.";
    login_email: "E-mailadres", "E-mail address";
    login_password: "Wachtwoord", "Password";
    login_button: "Inloggen", "Log in";
    login_wrong: "Dit e-mailadres en wachtwoord horen niet bij elkaar.", "This e-mail address and password do not match.";
    login_too_often: "Te veel pogingen. Probeer het over een kwartier nog eens.", "Too many attempts. Please try again in fifteen minutes.";
    login_expired: "Het formulier was verlopen. Probeer het nog eens.", "The form had expired. Please try again.";
    login_forgot: "Wachtwoord vergeten?", "Forgot your password?";
    logout_button: "Uitloggen", "Log out";
    reset_title: "Nieuw wachtwoord", "New password";
    reset_lead: "Vul je e-mailadres in. Als er een account bij hoort, sturen we een link om een nieuw wachtwoord te kiezen.",
        "Fill in your e-mail address. If it has an account, we send a link to choose a new password.";
    reset_send: "Stuur de link", "Send the link";
    reset_sent: "Als dit adres een account heeft, is de link nu onderweg. Hij is een uur geldig.",
        "If this address has an account, the link is on its way. It is valid for one hour.";
    reset_choose: "Kies een nieuw wachtwoord (minstens 10 tekens)", "Choose a new password (at least 10 characters)";
    reset_save: "Bewaar en log in", "Save and log in";
    reset_short: "Kies een wachtwoord van minstens 10 tekens.", "Choose a password of at least 10 characters.";
    reset_expired: "Deze link is verlopen of al gebruikt. Vraag een nieuwe aan.", "This link has expired or was used. Ask for a new one.";
    manage_title: "Beheer", "Manage";
    manage_hello: "Ingelogd als {}", "Logged in as {}";
    manage_no_orgs: "Je beheert nog geen organisatie.", "You do not manage an organisation yet.";
    manage_checked: "Laatst gecontroleerd: {}", "Last checked: {}";
    manage_pending: "Wacht op goedkeuring: de gemeente kijkt je aanmelding na. Daarna staat je organisatie op de kaart. Je kunt je aanbod alvast invullen.",
        "Waiting for approval: the gemeente checks your registration. Then your organisation is on the map. You can already fill in your offer.";
    manage_signups_new: "{} nieuw", "{} new";
    manage_never: "Nog nooit gecontroleerd", "Never checked";
    manage_overdue: "Al meer dan een half jaar niet gecontroleerd. Klopt alles nog?", "Not checked for over six months. Is everything still right?";
    manage_hidden: "Verborgen in het zoeken: al meer dan negen maanden niet gecontroleerd.", "Hidden from search: not checked for over nine months.";
    manage_confirm: "Alles klopt nog", "Everything is still right";
    manage_waiting: "Wachtlijst", "Waiting list";
    manage_save: "Bewaar", "Save";
    manage_propose: "Er wachten {} mensen. Zoek vrijwilligers om de wachtlijst weg te werken?", "{} people are waiting. Look for volunteers to clear the waiting list?";
    manage_publish: "Plaats de oproep", "Publish the call";
    manage_published: "De oproep staat online. Mensen die dit kunnen, zien hem bij Ik kan iets.", "The call is online. People who can help see it under I can help.";
    manage_bad_waiting: "Vul bij de wachtlijst een aantal in van 0 of meer.", "Fill in a number of 0 or more for the waiting list.";
    manage_signups: "Aanmeldingen", "Sign-ups";
    manage_no_signups: "Nog geen aanmeldingen.", "No sign-ups yet.";
    manage_signup_note: "Aanmeldingen worden na zes maanden vanzelf verwijderd.", "Sign-ups are deleted automatically after six months.";

    // Reports, registration, claims, moderation
    report_link: "Klopt er iets niet?", "Something not right?";
    report_title: "Klopt er iets niet?", "Something not right?";
    report_lead: "Laat ons weten wat er niet klopt aan: {}. De gemeente en de organisatie kijken ernaar. Je hoeft je naam niet te geven.",
        "Tell us what is not right about: {}. The municipality and the organisation will look at it. You do not need to give your name.";
    report_message: "Wat klopt er niet?", "What is not right?";
    report_send: "Verstuur", "Send";
    report_thanks: "Dank je! We kijken ernaar.", "Thank you! We will look into it.";
    report_bad: "Schrijf in een paar woorden wat er niet klopt (hoogstens 1000 tekens).", "Write in a few words what is not right (at most 1000 characters).";
    detail_overdue: "Dit is al meer dan een half jaar niet gecontroleerd. Bel even voordat je gaat.", "This has not been checked for over six months. Please call before you go.";
    mod_title: "Moderatie", "Moderation";
    mod_reports: "Meldingen", "Reports";
    mod_orgs: "Nieuwe organisaties", "New organisations";
    mod_claims: "Aanvragen om te beheren", "Requests to manage";
    mod_empty: "Niets te doen.", "Nothing to do.";
    mod_done: "Afgehandeld", "Done";
    mod_approve: "Goedkeuren", "Approve";
    mod_duplicate: "Misschien dezelfde als: {}", "Maybe the same as: {}";
    mod_merge: "Voeg samen", "Merge";
    mod_reject: "Afwijzen", "Reject";
    reg_title: "Nieuwe organisatie aanmelden", "Register a new organisation";
    ar_title: "Account aanvragen", "Ask for an account";
    ar_lead: "Zet je buurthuis, vereniging of initiatief op de kaart. Je krijgt een e-mail met een link om een wachtwoord te kiezen. Daarna vul je je aanbod in; de gemeente kijkt je aanmelding na voordat het op de kaart staat.",
        "Put your community centre, club or initiative on the map. You get an e-mail with a link to choose a password. Then you fill in your offer; the gemeente checks your registration before it is on the map.";
    ar_you: "Over jou", "About you";
    ar_name: "Je naam", "Your name";
    ar_email: "Je e-mailadres", "Your e-mail address";
    ar_phone: "Telefoonnummer van de organisatie (mag leeg)", "Phone number of the organisation (may be empty)";
    ar_organisation: "Over je organisatie", "About your organisation";
    ar_privacy: "Je naam en e-mailadres gebruiken we alleen voor je account. Het telefoonnummer komt bij je organisatie op de kaart.",
        "We use your name and e-mail address only for your account. The phone number goes on the map with your organisation.";
    ar_send: "Account aanvragen", "Ask for an account";
    ar_sent: "Dank je! Kijk in je e-mail: daar staat een link om een wachtwoord te kiezen. Je organisatie wacht op goedkeuring van de gemeente.",
        "Thank you! Check your e-mail: it has a link to choose a password. Your organisation waits for the gemeente's approval.";
    ar_bad_name: "Vul je naam in (2 tot 100 tekens).", "Fill in your name (2 to 100 characters).";
    ar_bad_email: "Vul een e-mailadres in, zoals naam@voorbeeld.nl.", "Fill in an e-mail address, like name@example.org.";
    ar_bad_phone: "Vul een telefoonnummer in, zoals 030 123 45 67, of laat het leeg.", "Fill in a phone number, like 030 123 45 67, or leave it empty.";
    ar_expired: "De pagina stond te lang open. Probeer het nog eens.", "The page was open too long. Please try again.";
    ar_need_account: "Om je organisatie op de kaart te zetten heb je een account nodig.", "To put your organisation on the map you need an account.";
    ar_ask_link: "Nog geen account? Vraag er een aan", "No account yet? Ask for one";
    reg_lead: "De gemeente kijkt je aanmelding na. Daarna staat je organisatie op de kaart.", "The municipality checks your registration. Then your organisation appears on the map.";
    reg_name: "Naam van de organisatie", "Name of the organisation";
    reg_description: "Wat doen jullie? (in gewone woorden)", "What do you do? (in plain words)";
    reg_address: "Straat en huisnummer", "Street and number";
    reg_city: "Plaats", "Town";
    reg_send: "Meld aan", "Register";
    reg_bad_name: "Vul de naam in (2 tot 120 tekens).", "Fill in the name (2 to 120 characters).";
    reg_bad_description: "Houd de beschrijving korter dan 2000 tekens.", "Keep the description under 2000 characters.";
    reg_bad_address: "Vul straat en huisnummer in.", "Fill in street and number.";
    reg_bad_postcode: "Deze postcode kennen we niet. Schrijf hem zoals 3454 AB.", "We do not know this postcode. Write it like 3454 AB.";
    reg_bad_city: "Vul de plaats in.", "Fill in the town.";
    reg_done: "Dank je! De gemeente kijkt je aanmelding na.", "Thank you! The municipality will check your registration.";
    claim_title: "Je organisatie staat al op de kaart?", "Your organisation is already on the map?";
    claim_search: "Zoek op naam", "Search by name";
    claim_button: "Dit is mijn organisatie", "This is my organisation";
    claim_message: "Wie ben je bij deze organisatie?", "Who are you at this organisation?";
    claim_done: "Dank je! De gemeente bevestigt dat jij deze organisatie beheert.", "Thank you! The municipality will confirm that you manage this organisation.";
    manage_links: "Meer", "More";

    // Wijkteam workspace, trajecten, referrals
    ws_title: "Mijn trajecten", "My cases";
    ws_intro: "Hier werk je met mensen aan wat ze willen, kunnen en nodig hebben. Alleen jij ziet deze trajecten.", "Here you work with people on what they want, can do and need. Only you see these cases.";
    ws_deleted: "Het traject en alles wat gedeeld was, is verwijderd.", "The case and everything that was shared has been deleted.";
    ws_new: "Nieuw traject", "New case";
    ws_none: "Je hebt nog geen trajecten.", "You have no cases yet.";
    ws_line: "{} lopende verwijzingen · bijgewerkt op {}", "{} referrals in progress · updated on {}";
    ws_only_professionals: "Deze pagina is voor medewerkers van buurtteams en andere verwijzers.", "This page is for neighbourhood teams and other referrers.";
    tr_new: "Nieuw traject", "New case";
    tr_privacy: "Gebruik voorletters of een zelfgekozen naam. Geen BSN, geen diagnose. Alles wat je hier schrijft, wordt versleuteld bewaard.", "Use initials or a chosen name. No citizen number, no diagnosis. Everything you write here is stored encrypted.";
    tr_plan: "Het plan: eerst dit, dan dat", "The plan: first this, then that";
    tr_no_plan: "Nog geen plan.", "No plan yet.";
    tr_referrals: "Verwijzingen", "Referrals";
    tr_no_referrals: "Nog geen verwijzingen.", "No referrals yet.";
    tr_handout: "Uitdraai voor de persoon", "Handout for the person";
    tr_team_title: "Wie doet het", "Who does it";
    tr_team_in: "Hoort bij {}.", "Belongs to {}.";
    tr_primary: "Eerste contactpersoon", "Primary contact";
    tr_standin: "Vervanger", "Stand-in";
    tr_in_queue: "Nog niemand: staat in de wachtrij van het team.", "Nobody yet: waiting in the team's queue.";
    tr_no_standin: "Nog geen vervanger. Kies er een, dan loopt het door als jij er niet bent.",
        "No stand-in yet. Choose one, so the work goes on when you are away.";
    tr_nobody: "Niemand", "Nobody";
    tr_assign: "Bewaar wie het doet", "Save who does it";
    tr_assigned: "Bewaard.", "Saved.";
    tr_bad_member: "Kies iemand uit het team, en niet dezelfde persoon twee keer.",
        "Choose someone from the team, and not the same person twice.";
    ws_team: "Je team: {}", "Your team: {}";
    kt_getting_there: "Er komen", "Getting there";
    kt_wheelchair: "Rolstoel of rollator (alleen plekken zonder drempel)", "Wheelchair or rollator (only places without steps)";
    kt_no_bike: "Ik fiets niet (lopend, of ze halen op, of een halte dichtbij)", "I do not cycle (walking, or they pick up, or a stop nearby)";
    kt_not_own_wijk: "Liever niet in mijn eigen buurt", "Rather not in my own neighbourhood";
    tr_most_important: "Wat is het belangrijkst voor jou? (in eigen woorden)", "What matters most to you? (in your own words)";
    tr_pin: "Zet bovenaan", "Put first";
    tr_pin_reason: "Waarom eerst dit?", "Why this first?";
    tr_pin_button: "Zet bovenaan", "Put first";
    tr_unpin: "Haal van boven weg", "Take off the top";
    tr_pinned_title: "Eerst dit", "This first";
    tr_pinned_why: "Waarom eerst:", "Why first:";
    tr_pin_bad_reason: "Schrijf kort waarom dit eerst komt (hoogstens 200 tekens).", "Write briefly why this comes first (200 characters at most).";
    tr_pin_too_many: "Er staan er al vijf bovenaan. Haal er eerst een weg.", "Five are at the top already. Take one off first.";
    tr_pin_gone: "Dit staat niet meer op de kaart.", "This is no longer on the map.";
    teams_title: "Wijkteams", "Neighbourhood teams";
    teams_of: "Wijkteams van {}", "Neighbourhood teams of {}";
    teams_intro: "Een traject hoort bij een team. Zo loopt het werk door als iemand weg is: de teamleider geeft het aan een ander, en wie vertrekt laat niemand in de steek.",
        "A case belongs to a team. So the work goes on when someone is away: the team lead gives it to someone else, and nobody is left behind when a colleague leaves.";
    teams_none: "Nog geen teams.", "No teams yet.";
    team_new: "Nieuw team", "New team";
    team_name: "Naam (zoals bewoners het team kennen)", "Name (as residents know the team)";
    team_kind: "Soort team", "Kind of team";
    team_kind_neighbourhood: "Buurtteam", "Neighbourhood team";
    team_kind_area: "Gebiedsteam", "Area team";
    team_kind_social: "Sociaal team", "Social team";
    team_phone: "Telefoon (komt op de uitdraai voor bewoners)", "Phone (printed on the handout for residents)";
    team_gemeente: "Gemeente (CBS-code, bijvoorbeeld GM0344)", "Municipality (CBS code, for example GM0344)";
    team_make: "Maak het team", "Make the team";
    team_made: "Het team is gemaakt.", "The team has been made.";
    team_members: "Leden", "Members";
    team_no_members: "Nog niemand. Zet hieronder een professional in dit team.", "Nobody yet. Put a professional in this team below.";
    team_lead: "teamleider", "team lead";
    team_queue: "{} in de wachtrij: de teamleider geeft ze aan iemand.", "{} waiting in the queue: the team lead gives them to someone.";
    team_member_email: "E-mailadres van de professional", "E-mail address of the professional";
    team_member_lead: "Teamleider (geeft trajecten aan een ander)", "Team lead (gives cases to someone else)";
    team_add: "Zet in dit team", "Put in this team";
    team_bad_name: "Geef een naam van 1 tot 80 tekens die nog geen team heeft.", "Give a name of 1 to 80 characters that no team has yet.";
    team_bad_kind: "Kies een soort team.", "Choose a kind of team.";
    team_bad_gemeente: "Schrijf de gemeente als GM en vier cijfers, bijvoorbeeld GM0344.", "Write the municipality as GM and four digits, for example GM0344.";
    team_bad_member: "Er is geen werkend account van een professional met dit e-mailadres.", "There is no working professional account with this e-mail address.";
    ws_standin: "je bent vervanger", "you are the stand-in";
    ws_queue_title: "Wachtrij van het team", "The team's queue";
    ws_queue_lead: "Niemand doet deze cliënten nu. Open er een en kies wie het doet.",
        "Nobody is working with these people now. Open one and choose who does.";
    tr_export: "Alle gegevens bekijken of verwijderen", "See or delete all data";
    tr_suggestions: "Wat past erbij", "What fits";
    tr_coalitions: "Via een coalitie", "Through a coalition";
    tr_refer: "Verwijs", "Refer";
    tr_profile: "Sterktes en vragen", "Strengths and questions";
    tr_name: "Voorletters of een zelfgekozen naam", "Initials or a chosen name";
    tr_age: "Leeftijd (mag leeg)", "Age (optional)";
    tr_where: "Postcode of plaats", "Postcode or town";
    tr_needs: "Waar wil de persoon mee verder?", "What does the person want to work on?";
    tr_talents: "Waar is de persoon goed in?", "What is the person good at?";
    tr_network: "Wie helpt er al? (familie, buren, vrienden)", "Who helps already? (family, neighbours, friends)";
    tr_plan_field: "Het plan: eerst dit, dan dat. Een lege stap telt niet mee.", "The plan: first this, then that. An empty step does not count.";
    tr_step: "Stap {}", "Step {}";
    tr_step_what: "Wat", "What";
    tr_step_who: "Wie doet het", "Who does it";
    tr_step_for: "Voor wie", "For whom";
    tr_step_order: "Volgorde (1 is eerst)", "Order (1 is first)";
    tr_not_chosen: "Nog niet gekozen", "Not chosen yet";
    tr_whole_household: "Het hele gezin", "The whole household";
    tr_bad_steps: "Kijk de stappen na: hoogstens 12, elk hoogstens 200 tekens, wie en voor wie uit de lijst, volgorde 1 tot 99.", "Check the steps: at most 12, each at most 200 characters, who and for whom from the list, order 1 to 99.";
    doer_zelf: "zelf", "themselves";
    doer_netwerk: "iemand uit het netwerk", "someone from their network";
    doer_vrijwilliger: "een vrijwilliger", "a volunteer";
    doer_professional: "een professional", "a professional";
    tr_household: "Het gezin", "The household";
    tr_household_lead: "Wie hoort er nog bij? Iedereen krijgt eigen suggesties, en er komen activiteiten bij voor ouder en kind samen. Gebruik een voornaam of voorletters.", "Who else belongs to it? Everyone gets their own suggestions, and there are activities for parent and child together. Use a first name or initials.";
    tr_no_members: "Nog niemand anders in het gezin.", "Nobody else in the household yet.";
    tr_member_add: "Gezinslid toevoegen", "Add a household member";
    tr_member_save: "Gezinslid bewaren", "Save household member";
    tr_member_remove: "Uit het gezin halen", "Take out of the household";
    tr_member_name: "Voornaam of voorletters", "First name or initials";
    tr_member_age: "Leeftijd", "Age";
    tr_member_role: "Rol in het gezin", "Role in the household";
    tr_member_needs: "Waar wil hij of zij mee verder?", "What do they want to work on?";
    tr_member_talents: "Waar is hij of zij goed in?", "What are they good at?";
    tr_member_getting_there: "Hoe komt hij of zij ergens? (leeg: zoals het gezin)", "How do they get somewhere? (empty: as the household)";
    tr_member_years: "{}, {} jaar", "{}, {} years";
    tr_bad_member_age: "Vul een leeftijd in tussen 0 en 120.", "Fill in an age between 0 and 120.";
    tr_too_many_members: "Er kunnen hoogstens 8 anderen in het gezin.", "There can be at most 8 others in the household.";
    tr_for_member: "Voor {}", "For {}";
    tr_together: "Samen: voor ouder en kind", "Together: for parent and child";
    tr_together_lead: "Dit kan een ouder met een kind samen doen.", "A parent and a child can do this together.";
    role_ouder: "ouder of verzorger", "parent or carer";
    role_partner: "partner", "partner";
    role_kind: "kind", "child";
    role_anders: "ander gezinslid", "other household member";
    tr_delete: "Verwijder dit traject en alles wat gedeeld is", "Delete this case and everything shared";
    tr_delete_explain: "Alles van dit traject wordt gewist: het profiel, het plan en de persoonlijke teksten van de verwijzingen. Dit kan niet ongedaan worden.",
        "Everything of this traject is wiped: the profile, the plan and the personal texts of its referrals. This cannot be undone.";
    tr_delete_sure: "Ja, ik weet het zeker", "Yes, I am sure";
    tr_delete_unsure: "Vink eerst aan dat je het zeker weet.", "First tick that you are sure.";
    tr_close: "Traject afsluiten: het werk is klaar", "Close this case: the work is done";
    tr_closed: "Dit traject is afgesloten. Na een jaar worden de gegevens verwijderd. Bewaar je iets, dan gaat het weer open.", "This case is closed. The data is deleted after a year. Saving something opens it again.";
    tr_back: "Terug naar het traject", "Back to the case";
    tr_bad_naam: "Vul voorletters of een zelfgekozen naam in (hoogstens 40 tekens).", "Fill in initials or a chosen name (at most 40 characters).";
    tr_bad_waar: "Deze postcode of plaats kennen we niet.", "We do not know this postcode or town.";
    tr_bad_choice: "Kies uit de lijst.", "Choose from the list.";
    rf_title: "Verwijzen naar {}", "Refer to {}";
    rf_receiver: "Dit gaat naar: {}", "This goes to: {}";
    rf_wish: "Wat wil de persoon? (in eigen woorden)", "What does the person want? (in their own words)";
    rf_share: "Wat mag je delen? Vraag het per onderdeel.", "What may you share? Ask for each item.";
    rf_note: "Een notitie voor de ontvanger (alleen als je 'notitie' aanvinkt)", "A note for the receiver (only when you tick 'note')";
    rf_consent_by: "Wie geeft toestemming? (bijvoorbeeld: de persoon zelf)", "Who gives consent? (for example: the person themselves)";
    rf_consent: "De persoon geeft toestemming om precies deze onderdelen met deze ontvanger te delen", "The person agrees to share exactly these items with this receiver";
    rf_handover: "Warme overdracht", "Warm handover";
    rf_appointment: "Voorstel voor een kennismaking (dag en tijd)", "Proposal for a first meeting (day and time)";
    rf_send: "Verstuur de verwijzing", "Send the referral";
    rf_bad_wens: "Schrijf op wat de persoon wil (hoogstens 1000 tekens).", "Write down what the person wants (at most 1000 characters).";
    rf_bad_who: "Schrijf op wie toestemming geeft.", "Write down who gives consent.";
    rf_bad_consent: "Zonder toestemming gaat er niets weg. Vraag het eerst.", "Nothing is sent without consent. Ask first.";
    rf_bad_appointment: "Stel een dag en tijd voor de kennismaking voor.", "Propose a day and time for the first meeting.";
    rv_title: "Verwijzing: {}", "Referral: {}";
    rv_sent: "De verwijzing is verstuurd.", "The referral has been sent.";
    rv_bad_reason: "Kies waarom het niet lukt.", "Choose why it does not work out.";
    rv_status: "Status", "Status";
    rv_contact: "Contact", "Contact";
    rv_referred_by: "Verwezen door", "Referred by";
    rv_sent_unseen: "De verwijzing is vastgelegd, maar {} heeft geen account op de sociale kaart en krijgt dus geen bericht. Bel ze of geef de uitdraai mee.",
        "The referral is saved, but {} has no account on the map and so gets no message. Call them or give the person the printout.";
    rf_not_notified: "Let op: {} heeft geen account op de sociale kaart en ziet deze verwijzing dus niet. Bel ze liever zelf, of print de uitdraai en geef die mee.",
        "Note: {} has no account on the map and will not see this referral. Better call them yourself, or print the handout and give it to the person.";
    rv_shared: "Gedeeld met toestemming", "Shared with consent";
    rv_partner_label: "Welke partner van de coalitie neemt deze persoon op?", "Which partner of the coalition takes this person up?";
    rv_partner_save: "Vastleggen", "Record";
    rv_partner_saved: "Vastgelegd. Het buurtteam ziet wie de persoon oppakt.", "Recorded. The neighbourhood team sees who takes the person up.";
    rv_partner_bad: "Kies een partner uit de lijst.", "Choose a partner from the list.";
    rv_taken_up_by: "Opgepakt door", "Taken up by";
    rv_revoked: "De toestemming is ingetrokken. De gedeelde gegevens zijn niet meer te zien.", "Consent was withdrawn. The shared data can no longer be seen.";
    rv_wish: "Wat de persoon wil", "What the person wants";
    rv_handover: "Overdracht", "Handover";
    rv_consent: "Toestemming gegeven door {} op {}.", "Consent given by {} on {}.";
    rv_history: "Wat er gebeurde", "What happened";
    rv_next: "Volgende stap", "Next step";
    rv_reason: "Reden (bij afwijzen)", "Reason (when declining)";
    rv_revoke: "Toestemming intrekken", "Withdraw consent";
    rv_escalated: "De coördinator van de gemeente kijkt mee.", "The municipality's coordinator is looking into it.";
    rv_escalate_why: "Geen reactie na vijf werkdagen, of een wachtlijst? Vraag de coördinator van de gemeente om hulp. De geschiedenis gaat mee.", "No answer after five working days, or a waiting list? Ask the municipality's coordinator for help. The history goes along.";
    rv_escalate: "Vraag de gemeente om hulp", "Ask the municipality for help";
    rv_take_up: "Ik pak dit op", "I will take this up";
    ho_title: "Uitdraai", "Handout";
    ho_for: "Voor {}", "For {}";
    ho_intro: "Hier staat waar je naartoe gaat, wie je ontmoet en hoe je ze bereikt.", "This is where you are going, who you will meet and how to reach them.";
    ho_none: "Er loopt nu niets.", "Nothing is in progress now.";
    ho_who: "Je contact: {}", "Your contact: {}";
    ho_when: "Wanneer:", "When:";
    ho_where: "Waar:", "Where:";
    ho_qr: "Scan voor de pagina van dit aanbod.", "Scan for the page of this offer.";
    ho_questions_who: "Vragen? Neem contact op met {}:", "Questions? Contact {}:";
    ho_print_button: "Afdrukken", "Print";
    ho_sent: "Aangemeld op {}.", "Referred on {}.";
    ho_questions: "Vragen? Bel of mail je contactpersoon van het buurtteam.", "Questions? Call or e-mail your contact at the neighbourhood team.";
    ho_print: "Druk deze pagina af met Ctrl+P (of Cmd+P op een Mac).", "Print this page with Ctrl+P (or Cmd+P on a Mac).";
    ex_title: "Alle gegevens van dit traject", "All data of this case";
    ex_yes: "ja", "yes";
    ex_referrals: "Verwijzingen", "Referrals";
    ex_no_referrals: "Geen verwijzingen.", "No referrals.";
    ex_consent: "Toestemming gegeven door", "Consent given by";
    ex_json: "Alles als bestand (JSON), om mee te geven", "Everything as a file (JSON), to hand over";
    ex_download: "Bestand downloaden", "Download the file";
    ex_intro: "Dit is alles wat de Sociale Kaart over deze persoon bewaart. Geef het mee als de persoon erom vraagt. Verwijderen kan hieronder.", "This is everything the map keeps about this person. Hand it over when the person asks. You can delete it below.";
    mg_referrals: "Verwijzingen", "Referrals";
    mg_no_referrals: "Er zijn geen verwijzingen.", "There are no referrals.";
    st_verstuurd: "verstuurd", "sent";
    st_ontvangen: "ontvangen", "received";
    st_geaccepteerd: "geaccepteerd", "accepted";
    st_afgewezen: "afgewezen", "declined";
    st_gestart: "gestart", "started";
    st_afgerond: "afgerond", "completed";
    st_gestopt: "gestopt", "stopped";
    st_toestemming: "toestemming vastgelegd", "consent recorded";
    st_partner: "partner gekozen", "partner chosen";
    st_ingetrokken: "toestemming ingetrokken", "consent withdrawn";
    st_geescaleerd: "naar de gemeente", "escalated to the municipality";
    st_herinnering: "herinnering", "reminder";
    st_opgepakt: "opgepakt door de gemeente", "taken up by the municipality";
    why_vol: "vol", "full";
    why_niet_passend: "niet passend", "not suitable";
    why_geen_reactie: "geen reactie", "no response";
    share_naam: "naam of voorletters", "name or initials";
    share_leeftijd: "leeftijd", "age";
    share_talenten: "talenten", "talents";
    share_vragen: "vragen (leefgebieden)", "questions (life areas)";
    share_netwerk: "netwerk", "network";
    share_notitie: "notitie", "note";
    hand_afspraak: "Een kennismakingsafspraak", "An introduction meeting";
    hand_meegaan: "Ik ga mee naar de eerste keer", "I go along the first time";
    hand_zelf: "De persoon neemt zelf contact op", "The person gets in touch themselves";
    hand_afspraak_sentence: "Er is een kennismaking voorgesteld. Je hoort of het doorgaat.", "A first meeting has been proposed. You will hear if it is on.";
    hand_meegaan_sentence: "Je medewerker van het buurtteam gaat de eerste keer met je mee.", "Your neighbourhood team worker goes with you the first time.";
    hand_zelf_sentence: "Neem zelf contact op. Ze weten dat je komt.", "Get in touch yourself. They know you are coming.";

    // Offer editor
    ed_new: "Nieuw aanbod", "New offer";
    ed_edit: "Aanbod bewerken", "Edit offer";
    ed_edit_link: "Bewerk", "Edit";
    ed_name: "Naam", "Name";
    ed_description: "Wat is het? (in gewone woorden)", "What is it? (in plain words)";
    ed_kind: "Soort", "Kind";
    ed_topic: "Waar gaat het over? (één of meer)", "What is it about? (one or more)";
    ed_preview: "Voorbeeld bekijken", "Preview";
    ed_preview_title: "Voorbeeld: zo zien bewoners het", "Preview: how residents see it";
    ed_preview_note: "Dit is nog niet bewaard. Klopt alles? Kies dan \"Bewaar\" onder het formulier.",
        "This is not saved yet. Is everything right? Then choose \"Save\" below the form.";
    ed_min_age: "Vanaf leeftijd (mag leeg)", "From age (optional)";
    ed_max_age: "Tot en met leeftijd (mag leeg)", "Up to age (optional)";
    ed_free: "Het is gratis", "It is free";
    ed_costs: "Wat kost het? (als het niet gratis is)", "What does it cost? (if not free)";
    ed_day: "Vaste dag (mag leeg)", "Fixed day (optional)";
    ed_from: "Van (uu:mm)", "From (hh:mm)";
    ed_until: "Tot (uu:mm)", "Until (hh:mm)";
    ed_phone: "Telefoon", "Phone";
    ed_email: "E-mail", "E-mail";
    ed_website: "Website (begint met https://)", "Website (starts with https://)";
    ed_no_referral: "Geen indicatie of verwijzing nodig", "No referral needed";
    ed_keeps_benefit: "Met behoud van uitkering", "People keep their benefits";
    ed_save: "Bewaar", "Save";
    ed_bad: "Dit klopt nog niet: kijk bij het veld met de melding.", "Something is not right yet: see the field with the message.";
    ed_bad_naam: "Vul een naam in van 3 tot 150 tekens.", "Fill in a name of 3 to 150 characters.";
    ed_bad_beschrijving: "Beschrijf in gewone woorden wat het is.", "Describe in plain words what it is.";
    ed_bad_soort: "Kies een soort.", "Choose a kind.";
    ed_bad_leefgebied: "Kies minstens één onderwerp.", "Choose at least one topic.";
    ed_bad_age: "Vul een leeftijd in tussen 0 en 120 (de tweede niet lager dan de eerste).", "Fill in an age between 0 and 120 (the second not lower than the first).";
    ed_bad_kosten: "Houd de kosten korter dan 1000 tekens.", "Keep the costs under 1000 characters.";
    ed_bad_dag: "Kies een dag.", "Choose a day.";
    ed_bad_time: "Schrijf de tijd als 14:00, en de eindtijd na de begintijd.", "Write the time as 14:00, and the end after the start.";
    ed_bad_telefoon: "Vul een telefoonnummer (hoogstens 30 tekens) of een e-mailadres in, zodat bewoners jullie kunnen vragen.",
        "Fill in a phone number (30 characters at most) or an e-mail address, so residents can ask you.";
    ed_bad_email: "Dit is geen e-mailadres.", "This is not an e-mail address.";
    ed_bad_website: "Vul een webadres in dat begint met https:// of http://.", "Fill in a web address that starts with https:// or http://.";
    no_day: "Geen vaste dag", "No fixed day";
    ed_times: "Vaste tijden (mag leeg)", "Fixed times (optional)";
    ed_day2: "Tweede dag", "Second day";
    ed_day3: "Derde dag", "Third day";
    ed_closed: "Gesloten, bijvoorbeeld in de vakantie. Eén per regel: 21-12-2026 t/m 03-01-2027 kerstvakantie", "Closed, for example in the holidays. One per line: 21-12-2026 t/m 03-01-2027 Christmas holiday";
    ed_languages: "In welke talen kun je hier terecht?", "In which languages can people come here?";
    ed_locations: "Waar is het?", "Where is it?";
    ed_bad_closed: "Schrijf elke periode op een eigen regel, zo: 21-12-2026 t/m 03-01-2027 kerstvakantie.", "Write each period on its own line, like this: 21-12-2026 t/m 03-01-2027 Christmas holiday.";
    ed_bad_languages: "Kies talen uit de lijst.", "Choose languages from the list.";
    ed_bad_locations: "Kies plekken van je eigen organisatie.", "Choose places of your own organisation.";
    loc_new: "Nieuwe locatie", "New location";
    loc_edit: "Locatie bewerken", "Edit location";
    loc_name: "Naam van de plek", "Name of the place";
    loc_address: "Straat en huisnummer", "Street and number";
    loc_postcode: "Postcode", "Postcode";
    loc_city: "Plaats", "Town";
    loc_access: "Toegankelijkheid (bijvoorbeeld: rolstoeltoegankelijk, lift, invalidentoilet)", "Accessibility (for example: wheelchair accessible, lift, accessible toilet)";
    loc_transport: "Hoe kom je er? (bus, fiets, parkeren)", "How to get there? (bus, bike, parking)";
    loc_area: "Deze postcode ligt in: {}", "This postcode is in: {}";
    loc_area_unknown: "Deze postcode kennen we niet.", "We do not know this postcode.";
    loc_bad_naam: "Vul een naam in van 2 tot 150 tekens.", "Fill in a name of 2 to 150 characters.";
    loc_bad_adres: "Vul de straat en het huisnummer in.", "Fill in the street and number.";
    loc_bad_postcode: "Deze postcode kennen we niet. Schrijf hem zo: 3454 AB.", "We do not know this postcode. Write it like this: 3454 AB.";
    loc_bad_plaats: "Vul de plaats in.", "Fill in the town.";
    loc_bad_long: "Dit is te lang: houd het korter dan 500 tekens.", "This is too long: keep it under 500 characters.";
    manage_locations: "Locaties", "Locations";
    manage_needs: "Wat we zoeken", "What we are looking for";
    manage_places: "Plaatsen", "Places";
    manage_bad_places: "Vul bij plaatsen een aantal in van 0 of meer, of laat het leeg.", "Fill in a number of places of 0 or more, or leave it empty.";
    manage_closed_need: "(gesloten)", "(closed)";
    need_new: "Nieuwe vraag", "New request";
    need_kind_volunteer: "Vrijwilligers", "Volunteers";
    need_kind_trainer: "Trainers of begeleiders", "Trainers or coaches";
    need_kind_space: "Ruimte", "Space";
    need_kind_money: "Geld of sponsoring", "Money or sponsoring";
    need_kind_participants: "Deelnemers", "Participants";
    need_edit: "Vraag bewerken", "Edit request";
    need_kind: "Wat zoek je?", "What are you looking for?";
    need_title: "Titel (bijvoorbeeld: trainers voor de jeugd)", "Title (for example: trainers for the youth teams)";
    need_description: "Wat gaan mensen doen? (in gewone woorden)", "What will people do? (in plain words)";
    need_talents: "Welke talenten passen erbij?", "Which talents fit?";
    need_time: "Hoeveel tijd kost het? (bijvoorbeeld: 2 uur per week)", "How much time does it take? (for example: 2 hours a week)";
    need_people: "Hoeveel mensen zoek je? (mag leeg)", "How many people are you looking for? (optional)";
    need_offer: "Voor welk aanbod? (mag leeg)", "For which offer? (optional)";
    need_no_offer: "Voor de hele organisatie", "For the whole organisation";
    need_open: "We zoeken nog (uitzetten als het gelukt is)", "Still looking (switch off when found)";
    need_bad_soort: "Kies wat je zoekt.", "Choose what you are looking for.";
    need_bad_titel: "Vul een titel in van 3 tot 150 tekens.", "Fill in a title of 3 to 150 characters.";
    need_bad_beschrijving: "Houd de beschrijving korter dan 4000 tekens.", "Keep the description under 4000 characters.";
    need_bad_talenten: "Kies talenten uit de lijst.", "Choose talents from the list.";
    need_bad_tijd: "Houd dit korter dan 100 tekens.", "Keep this under 100 characters.";
    need_bad_aantal: "Vul een aantal in van 0 of meer, of laat het leeg.", "Fill in a number of 0 or more, or leave it empty.";
    need_bad_aanbod: "Kies een aanbod van je eigen organisatie.", "Choose an offer of your own organisation.";
    need_tasks: "Wat doe je? (een paar zinnen)", "What do you do? (a few sentences)";
    need_not_tasks: "Wat hoef je niet te doen? (mag leeg)", "What do you not have to do? (optional)";
    need_days: "Op welke dagen?", "On which days?";
    need_hours: "Hoeveel uur per week? (mag leeg)", "How many hours a week? (optional)";
    need_training: "Welke cursus of training krijg je? (mag leeg)", "Which course or training is offered? (optional)";
    need_support: "Wie helpt je en wie kun je bellen? (mag leeg)", "Who helps you and whom can you call? (optional)";
    need_compensation: "Vergoeding", "Compensation";
    need_allowance: "Vrijwilligersvergoeding in euro per maand (mag leeg)", "Volunteer allowance in euros a month (optional)";
    need_benefit_cleared: "Besproken met de gemeente of het UWV: mensen houden hun uitkering", "Cleared with the municipality or UWV: people keep their benefits";
    need_contact_name: "Voornaam van de contactpersoon", "First name of the contact person";
    need_contact_role: "Rol van de contactpersoon (bijvoorbeeld: jeugdcoördinator)", "Role of the contact person (for example: youth coordinator)";
    need_bad_when: "Kies dagen uit de lijst en vul een aantal uren in van 0 tot 80.", "Choose days from the list and fill in 0 to 80 hours.";
    need_bad_bedrag: "Kies een vergoeding en vul een bedrag in hele euro's in.", "Choose a compensation and fill in an amount in whole euros.";
    need_bad_long: "Houd dit korter: een paar zinnen is genoeg.", "Keep this shorter: a few sentences are enough.";
    role_allowance_amount: "Vrijwilligersvergoeding van € {} per maand", "Volunteer allowance of € {} a month";
    role_benefit_cleared: "Besproken met de gemeente: je houdt je uitkering.", "Cleared with the municipality: you keep your benefits.";
    role_benefit_ask: "Heb je een uitkering? Overleg eerst met je klantmanager: een vergoeding kan meetellen.", "Do you get benefits? Talk to your benefits officer first: an allowance can count.";
    role_hours: "{} uur per week", "{} hours a week";
    role_does: "Wat je doet", "What you do";
    role_does_not: "Wat je niet hoeft te doen", "What you do not have to do";
    role_when: "Wanneer", "When";
    role_training: "Cursus of training", "Course or training";
    role_support: "Wie helpt je", "Who helps you";
    role_pay: "Vergoeding", "Compensation";
    role_places: "Plekken", "Places";
    role_places_open: "Ze zoeken nog {} mensen.", "They are looking for {} more people.";
    role_places_one: "Ze zoeken nog 1 persoon.", "They are looking for 1 more person.";
    role_filled: "Alle plekken zijn vervuld. Kijk bij de andere vragen hieronder.", "All places are taken. Have a look at the other requests below.";
    role_helps: "Hiermee help je", "This helps";
    role_helps_waiting: "{}: {} mensen op de wachtlijst", "{}: {} people on the waiting list";
    role_contact_person: "Contactpersoon", "Contact person";
    help_button: "Ik help mee", "I want to help";
    help_inbox_title: "Mensen die willen helpen", "People who want to help";
    help_inbox_note: "Laat binnen een week iets weten, ook als het nu niet past. Elke stap krijgt de persoon te horen.", "Answer within a week, also when it does not fit now. The person hears every step.";
    help_inbox_empty: "Nog niemand. Zet je vragen op de kaart en vertel in de buurt dat je iemand zoekt.", "Nobody yet. Put your requests on the map and tell the neighbourhood you are looking for someone.";
    help_waiting_days: "Wacht al {} dagen op een antwoord", "Has been waiting {} days for an answer";
    help_age: "{} jaar", "{} years old";
    help_next: "Volgende stap", "Next step";
    help_reason_label: "Reden (alleen bij: past nu niet)", "Reason (only for: does not fit now)";
    help_reason_none: "Geen reden nodig", "No reason needed";
    help_move: "Opslaan en laten weten", "Save and let them know";
    help_bad_status: "Die stap kan niet (meer). Kijk hieronder hoe het nu staat.", "That step is not possible (any more). See below where it stands now.";
    help_bad_reason: "Kies een reden bij: past nu niet.", "Choose a reason for: does not fit now.";
    help_bad_placed: "Vul bij 'van de wachtlijst' een aantal in van 0 tot 1000, of laat het leeg.", "Fill in a number from 0 to 1000 for 'off the waiting list', or leave it empty.";
    help_placed: "Bij aan de slag: hoeveel mensen van de wachtlijst van {} ({} wachtenden) krijgen daardoor een plek? (mag leeg)", "When starting: how many people on the waiting list of {} ({} waiting) get a place thanks to this? (optional)";
    help_st_new: "Nieuw", "New";
    help_st_meet: "Kennismaking gepland", "Meeting planned";
    help_st_started: "Aan de slag", "Started";
    help_st_not_now: "Past nu niet", "Does not fit now";
    help_rs_full: "Alle plekken zijn nu bezet", "All places are taken for now";
    help_rs_times: "De tijden passen niet", "The times do not match";
    help_rs_age: "De rol is voor een andere leeftijd", "The role is for another age";
    help_rs_later: "Later weer plek", "Room again later";
    help_title: "Ik help mee", "I want to help";
    help_intro: "Vertel {} wie je bent en hoe ze je kunnen bereiken. Ze nemen contact met je op.", "Tell {} who you are and how to reach you. They will get in touch.";
    help_name: "Je voornaam", "Your first name";
    help_email: "E-mailadres", "Email address";
    help_phone: "Telefoonnummer", "Phone number";
    help_contact_hint: "Vul een e-mailadres of een telefoonnummer in (of allebei).", "Fill in an email address or a phone number (or both).";
    help_age_label: "Je leeftijd (mag leeg)", "Your age (optional)";
    help_message: "Iets over jezelf, in je eigen woorden (mag leeg)", "Something about yourself, in your own words (optional)";
    help_consent: "Ik vind het goed dat {} mijn naam en contactgegevens krijgt.", "I agree that {} gets my name and contact details.";
    help_privacy: "Alleen {} ziet je gegevens. Na zes maanden halen we ze weg.", "Only {} sees your details. We delete them after six months.";
    help_send: "Verstuur", "Send";
    help_bad_name: "Vul je voornaam in (hoogstens 60 tekens).", "Fill in your first name (at most 60 characters).";
    help_bad_contact: "Vul een e-mailadres of een telefoonnummer in.", "Fill in an email address or a phone number.";
    help_bad_email: "Dit e-mailadres klopt niet. Kijk of er een @ en een punt in staan.", "This email address is not right. Check for an @ and a dot.";
    help_bad_phone: "Dit telefoonnummer klopt niet. Gebruik alleen cijfers, spaties of een +.", "This phone number is not right. Use only digits, spaces or a +.";
    help_bad_age: "Vul een leeftijd in van 12 tot 110, of laat het leeg.", "Fill in an age from 12 to 110, or leave it empty.";
    help_bad_message: "Houd je bericht korter dan 500 tekens.", "Keep your message under 500 characters.";
    help_bad_consent: "Zet een vinkje als de organisatie je gegevens mag krijgen. Anders kunnen ze je niet bereiken.", "Tick the box if the organisation may get your details. Otherwise they cannot reach you.";
    help_full: "Alle plekken van deze rol zijn vervuld. Kijk bij de andere vragen van de organisatie.", "All places of this role are taken. Have a look at the organisation's other requests.";
    help_thanks_title: "Dank je wel!", "Thank you!";
    help_thanks_next: "{} heeft je bericht en neemt contact met je op, meestal binnen een week.", "{} has your message and will get in touch, usually within a week.";
    help_thanks_mail: "Heb je een e-mailadres gegeven? Dan krijg je een bevestiging, en bericht bij elke stap.", "Did you give an email address? Then you get a confirmation, and news at every step.";
    help_thanks_wait: "Hoor je na twee weken niets? Dan sturen we je andere plekken in de buurt.", "No news after two weeks? Then we send you other places nearby.";
    help_thanks_back: "Terug naar de vraag", "Back to the request";
    place_week: "Elke week", "Every week";
    place_week_empty: "Er staan nog geen vaste tijden op de kaart.", "No regular times are on the map yet.";
    place_day_empty: "niets gepland", "nothing planned";
    place_free: "Wanneer is de ruimte vrij?", "When is the space free?";
    place_free_note: "Tussen 9:00 en 22:00 staat hier op deze uren niets gepland. Vraag de organisatie of je de ruimte kunt gebruiken.", "Between 9:00 and 22:00 nothing is planned here at these hours. Ask the organisation whether you can use the space.";
    place_all_here: "Alles op deze plek", "Everything at this place";
    manage_public_page: "Je weekprogramma bekijken en printen", "View and print your week programme";
    comp_none: "Geen vergoeding", "No compensation";
    comp_expenses: "Onkosten worden betaald", "Expenses are paid";
    comp_allowance: "Vrijwilligersvergoeding", "Volunteer allowance";

    keys_title: "API-sleutels", "API keys";
    keys_intro: "Met een API-sleutel kan een programma namens jou coalities bijhouden via de API (/api/v1). Het programma mag dan precies wat jij mag, niet meer.", "With an API key a program can keep coalitions up to date through the API (/api/v1) on your behalf. The program may do exactly what you may do, nothing more.";
    keys_how: "Zet de sleutel in de kop van elk verzoek: Authorization: Bearer gevolgd door de sleutel.", "Put the key in the header of every request: Authorization: Bearer followed by the key.";
    keys_name: "Waarvoor gebruik je de sleutel?", "What do you use the key for?";
    keys_name_hint: "Bijvoorbeeld: planning van de gemeente. Zo weet je later welke sleutel je kunt intrekken.", "For example: the gemeente's planning. So you know later which key you can revoke.";
    keys_make: "Maak een sleutel", "Make a key";
    keys_fresh: "Je nieuwe sleutel. Kopieer hem nu en bewaar hem veilig: je ziet hem maar één keer.", "Your new key. Copy it now and keep it safe: you see it only once.";
    keys_fresh_label: "Nieuwe sleutel", "New key";
    keys_list: "Je sleutels", "Your keys";
    keys_none: "Je hebt nog geen sleutels.", "You have no keys yet.";
    keys_begins: "begint met {}", "starts with {}";
    keys_made: "gemaakt op {}", "made on {}";
    keys_used: "laatst gebruikt op {}", "last used on {}";
    keys_never: "nog niet gebruikt", "not used yet";
    keys_revoke: "Intrekken", "Revoke";
    keys_revoke_named: "Trek de sleutel {} in", "Revoke the key {}";
    keys_revoked: "ingetrokken: werkt niet meer", "revoked: no longer works";
    keys_revoked_done: "De sleutel is ingetrokken. Hij werkt vanaf nu niet meer.", "The key has been revoked. It no longer works from now on.";
    keys_bad_name: "Geef de sleutel een naam van 1 tot 60 tekens.", "Give the key a name of 1 to 60 characters.";
    keys_too_many: "Je hebt al 10 sleutels die werken. Trek er eerst een in.", "You already have 10 working keys. Revoke one first.";
    keys_back: "Terug naar beheer", "Back to the dashboard";

    inv_title: "Iemand uitnodigen", "Invite someone";
    inv_role: "Rol", "Role";
    inv_provider: "Aanbieder (beheert een organisatie)", "Provider (manages an organisation)";
    inv_professional: "Professional (buurtteam, verwijzer)", "Professional (neighbourhood team, referrer)";
    inv_org: "Organisatie (id, mag leeg)", "Organisation (id, optional)";
    inv_send: "Stuur de uitnodiging", "Send the invitation";
    inv_done: "De uitnodiging is verstuurd.", "The invitation has been sent.";
    inv_bad: "Vul een geldig e-mailadres in.", "Fill in a valid e-mail address.";
    inv_exists: "Er is al een account met dit e-mailadres.", "There is already an account with this e-mail address.";

    // About and not found
    about_title: "Over deze kaart", "About this map";
    about_intro: "Op de Sociale Kaart vind je activiteiten, hulp en vrijwilligerswerk in je buurt. Buurthuizen, verenigingen, initiatieven en organisaties zetten hier zelf hun aanbod op.",
        "On the Sociale Kaart you find activities, help and volunteering in your neighbourhood. Community centres, clubs, initiatives and organisations put their own offer here.";
    about_sources: "Bronnen", "Sources";
    about_source_cbs: "Postcodes, wijken en gemeenten: Bron: CBS / PDOK (CC BY 4.0)",
        "Postcodes, districts and municipalities: Source: CBS / PDOK (CC BY 4.0)";
    about_source_geonames: "Plaatsnamen: GeoNames (CC BY 4.0)", "Place names: GeoNames (CC BY 4.0)";
    about_source_utrecht: "Wijken en buurten van Utrecht: Gemeente Utrecht open data",
        "Districts and neighbourhoods of Utrecht: Gemeente Utrecht open data";
    about_demo: "Het aanbod in deze demo is verzonnen. Het lijkt op echt aanbod, maar bestaat niet.",
        "The offers in this demo are made up. They look like real offers, but do not exist.";
    about_data: "Jouw gegevens", "Your data";
    about_data_text: "Om te zoeken hoef je niets over jezelf te vertellen. Je postcode gebruiken we alleen om aanbod dichtbij te vinden. We bewaren hem niet.",
        "You do not have to tell anything about yourself to search. We only use your postcode to find offers nearby. We do not keep it.";
    not_found_title: "Pagina niet gevonden", "Page not found";
    not_found_heading: "Deze pagina bestaat niet", "This page does not exist";
    not_found_text: "Misschien is de link oud. Zoek opnieuw op de ", "Maybe the link is old. Search again on the ";
    not_found_link: "zoekpagina", "search page";
}

impl Texts {
    /// Who does a step of the plan, in words; empty when not said.
    pub fn doer(&self, code: &str) -> &'static str {
        match code {
            "zelf" => self.doer_zelf,
            "netwerk" => self.doer_netwerk,
            "vrijwilliger" => self.doer_vrijwilliger,
            "professional" => self.doer_professional,
            _ => "",
        }
    }

    /// A role in a household, in words.
    pub fn member_role(&self, code: &str) -> &'static str {
        match code {
            "ouder" => self.role_ouder,
            "partner" => self.role_partner,
            "kind" => self.role_kind,
            _ => self.role_anders,
        }
    }

    /// The label of a knelpunt category.
    pub fn knelpunt_category(&self, code: &str) -> &'static str {
        match code {
            "regel" => self.kp_cat_regel,
            "geld" => self.kp_cat_geld,
            "wonen" => self.kp_cat_wonen,
            "wachtlijst" => self.kp_cat_wachtlijst,
            "privacy" => self.kp_cat_privacy,
            _ => self.kp_cat_samenwerking,
        }
    }

    /// The label of a knelpunt status.
    pub fn knelpunt_status(&self, code: &str) -> &'static str {
        match code {
            "opgeschaald" => self.kp_status_opgeschaald,
            "opgelost" => self.kp_status_opgelost,
            _ => self.kp_status_gemeld,
        }
    }

    /// What is wrong with a knelpunt form, by the field the service names.
    pub fn knelpunt_problem(&self, field: &str) -> &'static str {
        match field {
            "regel" => self.kp_bad_rule,
            "samenvatting" => self.kp_bad_summary,
            "kosten" => self.kp_bad_cost,
            "naam" => self.kp_bad_name,
            "nummer" => self.kp_bad_number,
            "datum" => self.kp_bad_date,
            "adres" => self.kp_bad_address,
            "notitie" => self.kp_bad_note,
            _ => self.problem_generic,
        }
    }

    /// The label of a leefgebied code of the browse grid.
    pub fn leefgebied(&self, code: &str) -> Option<&'static str> {
        Some(match code {
            "meedoen" => self.lg_meedoen,
            "geldzaken" => self.lg_geldzaken,
            "werk" => self.lg_werk,
            "leren" => self.lg_leren,
            "gezondheid" => self.lg_gezondheid,
            "bewegen" => self.lg_bewegen,
            "opgroeien" => self.lg_opgroeien,
            "wonen" => self.lg_wonen,
            "zorg" => self.lg_zorg,
            "veiligheid" => self.lg_veiligheid,
            _ => return None,
        })
    }

    /// The label of a doelgroep code ("who it is for") of the shipped taxonomy.
    pub fn doelgroep(&self, code: &str) -> Option<&'static str> {
        Some(match code {
            "iedereen" => self.dg_iedereen,
            "kinderen" => self.dg_kinderen,
            "jongeren" => self.dg_jongeren,
            "ouders" => self.dg_ouders,
            "ouderen" => self.dg_ouderen,
            "nieuwkomers" => self.dg_nieuwkomers,
            "mantelzorgers" => self.dg_mantelzorgers,
            "werkzoekenden" => self.dg_werkzoekenden,
            _ => return None,
        })
    }

    /// The label of a coalition status code.
    pub fn status(&self, code: &str) -> &'static str {
        match code {
            "forming" => self.st_forming,
            "active" => self.st_active,
            "ended" => self.st_ended,
            _ => self.st_idea,
        }
    }

    /// The label of a partner role code.
    pub fn role(&self, code: &str) -> &'static str {
        match code {
            "lead" => self.role_lead,
            "deliverer" => self.role_deliverer,
            "funder" => self.role_funder,
            "venue" => self.role_venue,
            _ => self.role_supporter,
        }
    }

    /// The label of a doelgroep code people may pick for themselves.
    pub fn group(&self, code: &str) -> Option<&'static str> {
        Some(match code {
            "ouders" => self.group_ouders,
            "ouderen" => self.group_ouderen,
            "jongeren" => self.group_jongeren,
            "nieuwkomers" => self.group_nieuwkomers,
            "mantelzorgers" => self.group_mantelzorgers,
            "werkzoekenden" => self.group_werkzoekenden,
            _ => return None,
        })
    }

    /// The label of a talent code.
    pub fn talent(&self, code: &str) -> Option<&'static str> {
        Some(match code {
            "koken" => self.talent_koken,
            "voetbal" => self.talent_voetbal,
            "sport" => self.talent_sport,
            "muziek" => self.talent_muziek,
            "taal" => self.talent_taal,
            "computer" => self.talent_computer,
            "klussen" => self.talent_klussen,
            "tuinieren" => self.talent_tuinieren,
            "luisteren" => self.talent_luisteren,
            "administratie" => self.talent_administratie,
            "rijden" => self.talent_rijden,
            "creatief" => self.talent_creatief,
            "organiseren" => self.talent_organiseren,
            "kinderen" => self.talent_kinderen,
            "talen" => self.talent_talen,
            "naaien" => self.talent_naaien,
            "fietsen" => self.talent_fietsen,
            "dieren" => self.talent_dieren,
            "schoonmaken" => self.talent_schoonmaken,
            "fotografie" => self.talent_fotografie,
            _ => return None,
        })
    }

    /// The label of a referral status or history event.
    pub fn referral_status(&self, code: &str) -> &'static str {
        match code {
            "verstuurd" => self.st_verstuurd,
            "ontvangen" => self.st_ontvangen,
            "geaccepteerd" => self.st_geaccepteerd,
            "afgewezen" => self.st_afgewezen,
            "gestart" => self.st_gestart,
            "afgerond" => self.st_afgerond,
            "toestemming" => self.st_toestemming,
            "ingetrokken" => self.st_ingetrokken,
            "geëscaleerd" => self.st_geescaleerd,
            "herinnering" => self.st_herinnering,
            "opgepakt" => self.st_opgepakt,
            "partner" => self.st_partner,
            _ => self.st_gestopt,
        }
    }

    /// The label of a refusal reason.
    pub fn refusal(&self, code: &str) -> &'static str {
        match code {
            "vol" => self.why_vol,
            "niet passend" => self.why_niet_passend,
            _ => self.why_geen_reactie,
        }
    }

    /// The label of an item that can be shared.
    pub fn share_item(&self, code: &str) -> &'static str {
        match code {
            "naam" => self.share_naam,
            "leeftijd" => self.share_leeftijd,
            "talenten" => self.share_talenten,
            "vragen" => self.share_vragen,
            "netwerk" => self.share_netwerk,
            _ => self.share_notitie,
        }
    }

    /// The label of a way of handing over.
    pub fn handover(&self, code: &str) -> &'static str {
        match code {
            "afspraak" => self.hand_afspraak,
            "meegaan" => self.hand_meegaan,
            _ => self.hand_zelf,
        }
    }

    /// What a way of handing over means for the person, in one sentence.
    pub fn handover_sentence(&self, code: &str) -> &'static str {
        match code {
            "afspraak" => self.hand_afspraak_sentence,
            "meegaan" => self.hand_meegaan_sentence,
            _ => self.hand_zelf_sentence,
        }
    }

    /// The label of an answer's status ("ik help mee").
    pub fn help_status(&self, code: &str) -> &'static str {
        match code {
            "kennismaking" => self.help_st_meet,
            "aan de slag" => self.help_st_started,
            "past niet" => self.help_st_not_now,
            _ => self.help_st_new,
        }
    }

    /// The label of a "past nu niet" reason code.
    pub fn help_reason(&self, code: &str) -> &'static str {
        match code {
            "vol" => self.help_rs_full,
            "tijden" => self.help_rs_times,
            "leeftijd" => self.help_rs_age,
            _ => self.help_rs_later,
        }
    }

    /// The label of a compensation.
    pub fn compensation(&self, c: crate::domain::Compensation) -> &'static str {
        match c {
            crate::domain::Compensation::Geen => self.comp_none,
            crate::domain::Compensation::Onkosten => self.comp_expenses,
            crate::domain::Compensation::Vergoeding => self.comp_allowance,
        }
    }

    /// The label of a need kind code.
    pub fn need_kind(&self, code: &str) -> &'static str {
        match code {
            "vrijwilliger" => self.need_kind_volunteer,
            "trainer" => self.need_kind_trainer,
            "ruimte" => self.need_kind_space,
            "financiering" => self.need_kind_money,
            _ => self.need_kind_participants,
        }
    }

    /// The label of an organisation kind code.
    pub fn kind(&self, code: &str) -> String {
        match code {
            "buurthuis" => self.kind_buurthuis,
            "vereniging" => self.kind_vereniging,
            "initiatief" => self.kind_initiatief,
            "voorziening" => self.kind_voorziening,
            "vrijwilligerswerk" => self.kind_vrijwilligerswerk,
            other => return other.to_string(),
        }
        .to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_exists_in_both_languages() {
        for (key, text) in all(&NL).into_iter().chain(all(&EN)) {
            assert!(!text.trim().is_empty(), "{key} is empty");
        }
    }

    #[test]
    fn both_languages_have_the_same_placeholders() {
        for ((key, nl), (_, en)) in all(&NL).into_iter().zip(all(&EN)) {
            assert_eq!(nl.matches("{}").count(), en.matches("{}").count(), "{key}");
        }
    }

    #[test]
    fn templates_are_filled_in_order() {
        assert_eq!(
            fill(NL.results_many_near, &["3", "3454"]),
            "3 resultaten in de buurt van 3454"
        );
        assert_eq!(fill(EN.pager_position, &["1", "2"]), "Page 1 of 2");
    }

    #[test]
    fn the_language_comes_from_the_cookie_and_defaults_to_dutch() {
        assert_eq!(Lang::from_cookie_header("a=1; taal=en"), Lang::En);
        assert_eq!(Lang::from_cookie_header("taal=xx"), Lang::Nl);
        assert_eq!(Lang::from_cookie_header(""), Lang::Nl);
    }

    #[test]
    fn no_stigmatising_words_in_the_interface() {
        const WORDS: [&str; 8] = [
            "kwetsbaar",
            "probleemgezin",
            "zorgmijder",
            "multiprobleem",
            "laaggeletterd",
            "vulnerable",
            "problem famil",
            "at risk",
        ];
        for (key, text) in all(&NL).into_iter().chain(all(&EN)) {
            let lower = text.to_lowercase();
            for word in WORDS {
                assert!(!lower.contains(word), "{key} contains {word}");
            }
        }
    }
}
