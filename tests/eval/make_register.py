#!/usr/bin/env python3
"""Builds the independent evaluation register (register.json) and its judgements
(judgements.json) for `tests/tests/it/evaluation.rs`.

The register imitates a regional register written by others: four gemeenten around Amersfoort
and Utrecht-Zuid, organisation names and words that the demo does not use, its own taxonomy
(`leefgebied.contact`, `doelgroep.ouderen`, `kenmerk.gratis`, `talent.sport`, ...), vacancies
as services named "Vrijwilliger gezocht: ..." with a `vrijwilligersvacature` attribute, check
dates from last year and monthly schedules. The judgements (which services a question must
find, which it must not) were written with the register, before any tuning, and must not be
changed to fit results. Run: python3 tests/eval/make_register.py
"""
import json
import uuid
from pathlib import Path

HERE = Path(__file__).parent
NS = uuid.UUID("6f0c1d2e-3b4a-5c6d-7e8f-90a1b2c3d4e5")


def uid(slug):
    return str(uuid.uuid5(NS, slug))


# gemeente key -> (name, code, [pc4 for places], place name)
GEMEENTEN = {
    "afo": ("Amersfoort", "GM0307", ["3811", "3813", "3815", "3817", "3822", "3824"]),
    "zst": ("Zeist", "GM0355", ["3701", "3703", "3705", "3707", "3708", "3709"]),
    "nwg": ("Nieuwegein", "GM0356", ["3431", "3432", "3433", "3434", "3435", "3437"]),
    "htn": ("Houten", "GM0321", ["3991", "3992", "3993", "3994", "3995", "3991"]),
}

# Approximate centres of these PC4 areas (WGS84), so the register carries coordinates as
# registers do; the product may also derive them from the postcode.
PC4_AT = {
    "3811": (52.156, 5.387), "3813": (52.149, 5.398), "3815": (52.163, 5.371),
    "3817": (52.163, 5.405), "3822": (52.178, 5.405), "3824": (52.182, 5.431),
    "3701": (52.089, 5.233), "3703": (52.084, 5.245), "3705": (52.097, 5.262),
    "3707": (52.084, 5.223), "3708": (52.096, 5.216), "3709": (52.100, 5.270),
    "3431": (52.036, 5.081), "3432": (52.027, 5.095), "3433": (52.024, 5.111),
    "3434": (52.018, 5.090), "3435": (52.042, 5.104), "3437": (52.004, 5.101),
    "3991": (52.031, 5.166), "3992": (52.038, 5.181), "3993": (52.025, 5.158),
    "3994": (52.020, 5.175), "3995": (52.043, 5.151),
}

# The register's own taxonomy.
TERMS = {
    "leefgebied.contact": "Sociaal contact", "leefgebied.financien": "Financien en administratie",
    "leefgebied.werk": "Werk en participatie", "leefgebied.taal": "Taal en ontwikkeling",
    "leefgebied.gezondheid": "Lichamelijke en psychische gezondheid", "leefgebied.sport": "Sport en beweging",
    "leefgebied.gezin": "Gezin en opvoeding", "leefgebied.wonen": "Wonen en leefomgeving",
    "leefgebied.mantelzorg": "Mantelzorg en ondersteuning", "leefgebied.veiligheid": "Veiligheid",
    "doelgroep.ouderen": "Ouderen (65+)", "doelgroep.jeugd": "Jeugd 12-23",
    "doelgroep.kinderen": "Kinderen 4-12", "doelgroep.ouders": "Ouders en verzorgers",
    "doelgroep.nieuwkomers": "Statushouders en nieuwkomers", "doelgroep.mantelzorgers": "Mantelzorgers",
    "doelgroep.alle": "Alle inwoners",
    "kenmerk.gratis": "Kosteloos", "kenmerk.vrije-inloop": "Vrije inloop", "kenmerk.rolstoel": "Rolstoeltoegankelijk",
    "talent.sport": "Sport en spel", "talent.koken": "Koken en bakken", "talent.techniek": "Techniek en klussen",
    "talent.taal": "Taal en lesgeven", "talent.digitaal": "Computer en telefoon", "talent.groen": "Tuin en natuur",
    "talent.muziek": "Muziek en zang", "talent.administratie": "Administratie en geld",
    "talent.rijden": "Autorijden en vervoer", "talent.luisteren": "Gezelschap en luisteren",
    "vrijwilligersvacature": "Vrijwilligersvacature",
}

# Offer types. Each: key, kind words, terms, ages, free, schedule, and per gemeente
# (name, organisation, description). Schedules: ("week", "MO,WE", "10:00", "12:00") or
# ("month", "3WE", "14:00", "16:00") or ("interval", "TU", 2, "19:00", "21:00").
OFFERS = [
    ("koffie", ["leefgebied.contact", "doelgroep.ouderen", "kenmerk.gratis", "kenmerk.vrije-inloop"], (55, None), True, ("week", "TU,TH", "10:00", "12:00"), {
        "afo": ("Koffieochtend De Schakel", "Stichting Welzijn Eemland", "Elke week koffie drinken en een praatje maken met buurtgenoten. Binnenlopen mag altijd."),
        "zst": ("Aanschuifkoffie Het Kerckebosch", "Seniorenvereniging Zeist-West", "Gezellig samen aan tafel met koffie en iets lekkers, voor wie behoefte heeft aan aanspraak."),
        "nwg": ("Huiskamer Galecop", "MOvactor Nieuwegein", "Een warme huiskamer in de wijk: koffie, een krant en mensen om mee te kletsen."),
        "htn": ("Inloop Het Oude Dorp", "Stichting Sociaal Houten", "Vrije inloop met koffie voor oudere inwoners die graag onder de mensen zijn."),
    }),
    ("eetcafe", ["leefgebied.contact", "doelgroep.alle"], (None, None), False, ("month", "2TH", "17:30", "19:30"), {
        "afo": ("Buurtmaaltijd Soesterkwartier", "Buurthuis De Wiekslag", "Eens per maand samen eten voor een klein bedrag. Aanschuiven bij de gezamenlijke tafel."),
        "zst": ("Samen Eten in Vollenhove", "Wijkcentrum Vollenhove", "Maandelijkse driegangenmaaltijd voor buurtbewoners, gekookt door vrijwilligers."),
        "nwg": ("Wijkdiner Fokkesteeg", "Buurtcentrum Fokkesteeg", "Gezamenlijk diner in de wijk, elke tweede donderdag. Opgeven bij de bar."),
        "htn": ("Tafeltje Dekje Houten-Zuid", "Stichting Sociaal Houten", "Elke maand een warme maaltijd met tafelgenoten uit de buurt."),
    }),
    ("schuldhulp", ["leefgebied.financien", "doelgroep.alle", "kenmerk.gratis"], (18, None), True, ("week", "MO", "09:00", "12:00"), {
        "afo": ("Geldloket Amersfoort", "Gemeente Amersfoort", "Hulp bij betalingsachterstanden, aanmaningen en rood staan. We kijken samen naar uw inkomsten en uitgaven."),
        "zst": ("Financieel Spreekuur Zeist", "Humanitas Zeist", "Loopt u achter met rekeningen of krijgt u brieven van de deurwaarder? Kom langs voor advies."),
        "nwg": ("Budgetcafe Nieuwegein", "Stichting Geldzorgen Weg", "Samen orde op zaken stellen: schulden, betalingsregelingen en toeslagen."),
        "htn": ("Schuldhulp Houten", "Gemeente Houten", "Ondersteuning bij problematische schulden en het aanvragen van een betalingsregeling."),
    }),
    ("formulieren", ["leefgebied.financien", "doelgroep.alle", "kenmerk.gratis", "kenmerk.vrije-inloop"], (None, None), True, ("week", "WE", "13:30", "15:30"), {
        "afo": ("Papierwinkel Kruiskamp", "Stichting Welzijn Eemland", "Hulp bij post, brieven van instanties, DigiD en het invullen van aanvragen."),
        "zst": ("Formulierenbrigade Zeist", "Humanitas Zeist", "Vrijwilligers helpen met formulieren, toeslagen en de belastingaangifte."),
        "nwg": ("Administratiespreekuur Batau", "MOvactor Nieuwegein", "Snapt u een brief niet of moet u iets aanvragen? Wij lezen mee en helpen invullen."),
        "htn": ("Thuisadministratie Houten", "Humanitas Houten", "Een vrijwilliger komt helpen met de huishoudadministratie en het ordenen van papieren."),
    }),
    ("taalcafe", ["leefgebied.taal", "doelgroep.nieuwkomers", "kenmerk.gratis"], (16, None), True, ("week", "TH", "19:00", "21:00"), {
        "afo": ("Praatgroep Nederlands Liendert", "Bibliotheek Eemland", "Oefenen met Nederlands spreken in een kleine groep. Voor inburgeraars en anderstaligen."),
        "zst": ("Conversatieavond Zeist", "Bibliotheek Zeist", "Nederlandse conversatie oefenen met vrijwilligers, op je eigen niveau."),
        "nwg": ("Spreekuur Nederlandse Taal Nieuwegein", "Taalhuis Nieuwegein", "Beter Nederlands leren spreken en schrijven met hulp van een taalmaatje."),
        "htn": ("Taalontmoeting Houten", "Bibliotheek Houten", "Wekelijks Nederlands oefenen en nieuwe mensen leren kennen."),
    }),
    ("digihulp", ["leefgebied.taal", "doelgroep.ouderen", "kenmerk.gratis"], (50, None), True, ("week", "FR", "10:00", "12:00"), {
        "afo": ("Digicafe Amersfoort", "Bibliotheek Eemland", "Hulp met je smartphone, tablet, e-mail en DigiD. Neem je eigen apparaat mee."),
        "zst": ("Klik en Tik Zeist", "Bibliotheek Zeist", "Leren omgaan met de computer en internet, stap voor stap."),
        "nwg": ("Tabletspreekuur Nieuwegein", "SeniorWeb Nieuwegein", "Vragen over uw telefoon of tablet? Vrijwilligers van SeniorWeb helpen u verder."),
        "htn": ("Computerhulp Houten", "SeniorWeb Houten", "Ondersteuning bij apps, videobellen en online bankieren."),
    }),
    ("voetbaljeugd", ["leefgebied.sport", "doelgroep.kinderen", "doelgroep.jeugd"], (6, 17), False, ("week", "WE,SA", "14:00", "15:30"), {
        "afo": ("Jeugdvoetbal SV Hoogland", "SV Hoogland", "Trainen en wedstrijden spelen bij de jeugd van SV Hoogland. Nieuwe spelers welkom."),
        "zst": ("Voetballen bij Zeist Noord", "VV Zeist Noord", "Jongens en meiden voetballen in teams op hun eigen niveau."),
        "nwg": ("Jeugdafdeling FC Nieuwegein", "FC Nieuwegein", "Voetbaltraining voor kinderen en tieners, twee keer per week."),
        "htn": ("Pupillen en junioren VV Houten", "VV Houten", "Voetbal voor de jeugd: trainingen op woensdag en wedstrijden op zaterdag."),
    }),
    ("beweegsenior", ["leefgebied.sport", "leefgebied.gezondheid", "doelgroep.ouderen"], (60, None), False, ("week", "MO", "10:00", "11:00"), {
        "afo": ("Meer Bewegen voor Ouderen Vathorst", "Stichting Welzijn Eemland", "Rustige gymnastiek op muziek om soepel en fit te blijven."),
        "zst": ("Stoelyoga Zeist", "Seniorenvereniging Zeist-West", "Yoga-oefeningen op een stoel, geschikt voor wie minder mobiel is."),
        "nwg": ("Gym 55+ Nieuwegein", "Sportief Nieuwegein", "Wekelijkse beweegles voor senioren, gezellig en op eigen tempo."),
        "htn": ("Valpreventie Houten", "Fysiotherapie Het Rond", "Training om balans en spierkracht te verbeteren zodat u minder snel valt."),
    }),
    ("wandelen", ["leefgebied.sport", "leefgebied.contact", "doelgroep.alle", "kenmerk.gratis"], (None, None), True, ("week", "TH", "09:30", "11:00"), {
        "afo": ("Wandelgroep Bosgebied Birkhoven", "Buurtsportcoach Amersfoort", "Samen een uur wandelen door het bos, met koffie na afloop."),
        "zst": ("Ommetje Zeister Bossen", "Buurtsportcoach Zeist", "Wekelijkse wandeling in een rustig tempo, start bij het wijkcentrum."),
        "nwg": ("Wandelclub Park Oudegein", "Sportief Nieuwegein", "Buiten bewegen en een praatje maken tijdens een wandeling door het park."),
        "htn": ("Lopen met de buurt Houten", "Buurtsportcoach Houten", "Een groepswandeling langs de Rondweg, voor iedereen."),
    }),
    ("mantelzorgsteun", ["leefgebied.mantelzorg", "doelgroep.mantelzorgers", "kenmerk.gratis"], (18, None), True, ("month", "1TU", "19:30", "21:30"), {
        "afo": ("Mantelzorgcafe Amersfoort", "Mantelzorgsteunpunt Eemland", "Maandelijkse bijeenkomst voor wie zorgt voor een naaste: even op adem komen en ervaringen delen."),
        "zst": ("Lotgenotengroep Zorgen voor een Ander", "Steunpunt Mantelzorg Zeist", "Herkenning en steun voor mensen die zorgen voor een partner, ouder of kind."),
        "nwg": ("Ontmoeting voor Naasten Nieuwegein", "MOvactor Nieuwegein", "Voor wie de zorg zwaar valt: praten met anderen in dezelfde situatie."),
        "htn": ("Zorgzame Avond Houten", "Steunpunt Mantelzorg Houten", "Een avond voor mantelzorgers met informatie, steun en een luisterend oor."),
    }),
    ("respijt", ["leefgebied.mantelzorg", "doelgroep.mantelzorgers"], (18, None), True, ("week", "MO,TU,WE,TH,FR", "09:00", "17:00"), {
        "afo": ("Respijtzorg Eemland", "Mantelzorgsteunpunt Eemland", "Een vrijwilliger neemt de zorg tijdelijk over zodat u even vrij bent."),
        "zst": ("Logeerhuis De Linde", "Stichting Zorg Zeist", "Tijdelijke opvang van uw naaste zodat u als verzorger kunt uitrusten."),
        "nwg": ("Vervangende Zorg Nieuwegein", "MOvactor Nieuwegein", "Even ontlast worden: iemand past op zodat u tijd voor uzelf heeft."),
        "htn": ("Adempauze Houten", "Steunpunt Mantelzorg Houten", "Vrijwilligers bieden uren vervanging thuis voor overbelaste verzorgers."),
    }),
    ("opvoed", ["leefgebied.gezin", "doelgroep.ouders", "kenmerk.gratis"], (None, None), True, ("week", "TU", "09:00", "10:30"), {
        "afo": ("Opvoedspreekuur CJG Amersfoort", "CJG Amersfoort", "Vragen over slapen, eten, driftbuien of de puberteit? Praat met een jeugdverpleegkundige."),
        "zst": ("Ouderkamer Zeist", "Jeugd en Gezin Zeist", "Koffieochtend voor ouders met jonge kinderen, met tips over opvoeden."),
        "nwg": ("Gezinsspreekuur Nieuwegein", "Buurtteam Jeugd Nieuwegein", "Advies en steun bij het opvoeden en opgroeien van uw kinderen."),
        "htn": ("Oudercafe Houten", "CJG Houten", "Ouders wisselen ervaringen uit over opvoeden, onder begeleiding."),
    }),
    ("huiswerk", ["leefgebied.taal", "doelgroep.kinderen", "doelgroep.jeugd", "kenmerk.gratis"], (8, 16), True, ("week", "MO,WE", "15:30", "17:00"), {
        "afo": ("Huiswerkklas Kattenbroek", "Stichting Leerhulp Eemland", "Na school samen huiswerk maken met hulp van studenten."),
        "zst": ("Studiehulp Zeist", "Jongerenwerk Zeist", "Bijles en hulp bij plannen voor scholieren die wat extra steun kunnen gebruiken."),
        "nwg": ("Huiswerkbegeleiding Vreeswijk", "Buurtcentrum Vreeswijk", "Rustige plek om te leren, met begeleiders die helpen bij rekenen en taal."),
        "htn": ("Leerplek Houten", "Bibliotheek Houten", "Hulp bij schoolwerk voor kinderen uit groep 5 tot de tweede klas."),
    }),
    ("jongerencentrum", ["leefgebied.contact", "doelgroep.jeugd", "kenmerk.gratis", "kenmerk.vrije-inloop"], (12, 23), True, ("week", "WE,FR", "19:00", "22:00"), {
        "afo": ("Jongerenhonk Nieuwland", "Jongerenwerk Amersfoort", "Chillen, gamen en tafeltennissen met leeftijdsgenoten. Jongerenwerkers zijn erbij."),
        "zst": ("Tienerinloop Zeist", "Jongerenwerk Zeist", "Een plek voor tieners om te hangen, muziek te maken en mensen te ontmoeten."),
        "nwg": ("Jongerencentrum De Poort", "Jongerenwerk Nieuwegein", "Open avonden voor jongeren met activiteiten en een luisterend oor."),
        "htn": ("Jeugdhonk Houten", "Jongerenwerk Houten", "Inloop voor jongeren met spellen, muziek en gesprekken."),
    }),
    ("voedselbank", ["leefgebied.financien", "doelgroep.alle"], (18, None), True, ("week", "FR", "13:00", "16:00"), {
        "afo": ("Voedselbank Amersfoort", "Voedselbank Amersfoort", "Wekelijks een pakket met levensmiddelen voor huishoudens die tijdelijk niet rondkomen."),
        "zst": ("Voedselbank Zeist", "Voedselbank Zeist", "Boodschappenpakketten voor inwoners met een te laag inkomen."),
        "nwg": ("Voedselbank Nieuwegein", "Voedselbank Nieuwegein", "Gratis voedselpakketten voor gezinnen met geldproblemen, op aanmelding."),
        "htn": ("Voedselbank Houten", "Voedselbank Houten", "Hulp met eten voor wie moeite heeft de boodschappen te betalen."),
    }),
    ("kledingbank", ["leefgebied.financien", "doelgroep.alle", "kenmerk.gratis"], (None, None), True, ("month", "1SA", "10:00", "13:00"), {
        "afo": ("Kledingbank Eemland", "Stichting Kledingbank Eemland", "Gratis kleding en schoenen voor volwassenen en kinderen, eens per maand."),
        "zst": ("Kledingruil Zeist", "Wijkcentrum Vollenhove", "Breng wat je niet meer draagt en neem iets mee. Kosteloos."),
        "nwg": ("Kledingwinkel Op de Groei", "Stichting Op de Groei", "Tweedehands kinderkleding zonder kosten voor gezinnen met een krap budget."),
        "htn": ("Kledingpunt Houten", "Stichting Sociaal Houten", "Elke eerste zaterdag gratis kleding uitzoeken."),
    }),
    ("repair", ["leefgebied.wonen", "doelgroep.alle", "kenmerk.gratis"], (None, None), True, ("month", "-1SA", "10:00", "13:00"), {
        "afo": ("Reparatiecafe Amersfoort-Noord", "Buurthuis De Wiekslag", "Kapotte spullen samen maken: lampen, fietsen, kleding en apparaten."),
        "zst": ("Herstelcafe Zeist", "Duurzaam Zeist", "Elke laatste zaterdag van de maand repareren vrijwilligers uw spullen."),
        "nwg": ("Repareren in Jutphaas", "Buurtcentrum Jutphaas", "Weggooien? Mooi niet! Samen repareren met handige buurtgenoten."),
        "htn": ("Maakplaats Houten", "Duurzaam Houten", "Gereedschap en hulp om zelf dingen te repareren."),
    }),
    ("moestuin", ["leefgebied.wonen", "leefgebied.contact", "doelgroep.alle", "kenmerk.gratis"], (None, None), True, ("week", "SA", "10:00", "12:00"), {
        "afo": ("Buurttuin De Groene Vinger", "Stichting Stadsnatuur Amersfoort", "Samen tuinieren, zaaien en oogsten in de gemeenschappelijke tuin."),
        "zst": ("Pluktuin Zeist-Oost", "Duurzaam Zeist", "Groente kweken met buren in een gedeelde tuin. Geen ervaring nodig."),
        "nwg": ("Stadsakker Nieuwegein", "Natuurlijk Nieuwegein", "Werken in de volkstuin van de wijk en genieten van de oogst."),
        "htn": ("Wijktuin Schoneveld", "Duurzaam Houten", "Buiten bezig zijn in de tuin van de buurt, met koffie in de kas."),
    }),
    ("koor", ["leefgebied.contact", "doelgroep.alle"], (16, None), False, ("week", "TU", "20:00", "22:00"), {
        "afo": ("Buurtkoor Zingen Doet Goed", "Stichting Cultuur Eemland", "Samen zingen zonder auditie. Iedereen die van zingen houdt is welkom."),
        "zst": ("Meezingkoor Zeist", "Muziekschool Zeist", "Wekelijks zingen in een gezellige groep, bekende liedjes."),
        "nwg": ("Koor De Doorzetters", "Buurtcentrum Fokkesteeg", "Zingen met een dirigent en optredens in verpleeghuizen."),
        "htn": ("Houtens Smartlappenkoor", "Cultuurhuis Houten", "Vrolijke liedjes zingen met elkaar, eens per week."),
    }),
    ("zwemmen", ["leefgebied.sport", "doelgroep.alle"], (4, None), False, ("week", "SA", "09:00", "10:00"), {
        "afo": ("Zwemles Sportfondsenbad", "Sportfondsenbad Amersfoort", "Zwemles voor kinderen en volwassenen die alsnog willen leren zwemmen."),
        "zst": ("Zwemmen in Dijnselburg", "Zwembad Dijnselburg", "Banenzwemmen en aquajoggen voor iedereen."),
        "nwg": ("Zwembad Merwestein", "Sportief Nieuwegein", "Recreatief zwemmen en zwemlessen in het overdekte bad."),
        "htn": ("De Wetering Zwemlessen", "Zwembad De Wetering", "Zwemdiploma halen of baantjes trekken."),
    }),
    ("buurtbemiddeling", ["leefgebied.veiligheid", "leefgebied.wonen", "doelgroep.alle", "kenmerk.gratis"], (18, None), True, ("week", "MO,TU,WE,TH", "09:00", "17:00"), {
        "afo": ("Buurtbemiddeling Amersfoort", "Stichting Welzijn Eemland", "Last van geluid of ruzie met de buren? Bemiddelaars helpen u in gesprek te komen."),
        "zst": ("Burenhulp bij Conflicten Zeist", "Humanitas Zeist", "Onafhankelijke vrijwilligers helpen bij een burenruzie."),
        "nwg": ("Buurtbemiddeling Nieuwegein", "MOvactor Nieuwegein", "Samen met uw buren een oplossing vinden voor overlast."),
        "htn": ("Bemiddeling tussen Buren Houten", "Stichting Sociaal Houten", "Hulp als de verhouding met de buren verstoord is."),
    }),
    ("huiselijkgeweld", ["leefgebied.veiligheid", "doelgroep.alle", "kenmerk.gratis"], (None, None), True, ("week", "MO,TU,WE,TH,FR,SA,SU", "00:00", "23:59"), {
        "afo": ("Steunpunt Veilig Thuis Eemland", "Veilig Thuis Utrecht", "Advies en hulp als u zich thuis niet veilig voelt, of zorgen heeft over iemand anders."),
        "zst": ("Hulplijn Geweld in Huis", "Veilig Thuis Utrecht", "Dag en nacht bereikbaar bij mishandeling of dreiging thuis."),
        "nwg": ("Meldpunt Veilig Thuis Nieuwegein", "Veilig Thuis Utrecht", "Praat met een deskundige over geweld of verwaarlozing binnen het gezin."),
        "htn": ("Veilig Thuis Houten", "Veilig Thuis Utrecht", "Wie zich bedreigd voelt door een partner of familielid kan hier terecht."),
    }),
    ("rouw", ["leefgebied.gezondheid", "leefgebied.contact", "doelgroep.alle", "kenmerk.gratis"], (18, None), True, ("month", "3WE", "14:00", "16:00"), {
        "afo": ("Rouwcafe Amersfoort", "Stichting Verlies Eemland", "Elke derde woensdag praten over het verlies van een dierbare, bij een kop thee."),
        "zst": ("Verliesgroep Zeist", "Humanitas Zeist", "Ervaringen delen na het overlijden van een partner of kind."),
        "nwg": ("Inloop bij Verdriet Nieuwegein", "MOvactor Nieuwegein", "Een plek voor mensen die iemand verloren hebben."),
        "htn": ("Rouwgroep Houten", "Humanitas Houten", "Samen met lotgenoten stilstaan bij afscheid en gemis."),
    }),
    ("eenzaamheid", ["leefgebied.contact", "doelgroep.ouderen", "kenmerk.gratis"], (65, None), True, ("week", "MO,TU,WE,TH,FR", "09:00", "17:00"), {
        "afo": ("Maatjesproject Samen Op Pad", "Stichting Welzijn Eemland", "Een vaste vrijwilliger komt bij u op bezoek voor een wandeling of een goed gesprek."),
        "zst": ("Bezoekdienst Zeist", "Seniorenvereniging Zeist-West", "Regelmatig bezoek van een vrijwilliger voor ouderen die weinig mensen zien."),
        "nwg": ("Vriendschappelijk Huisbezoek Nieuwegein", "MOvactor Nieuwegein", "Voor wie zich alleen voelt: iemand die langskomt en de tijd neemt."),
        "htn": ("Belcirkel Houten", "Stichting Sociaal Houten", "Iedere ochtend een telefoontje van een vrijwilliger, zodat u weet dat er iemand aan u denkt."),
    }),
    ("vervoer", ["leefgebied.wonen", "doelgroep.ouderen"], (65, None), False, ("week", "MO,TU,WE,TH,FR", "08:00", "18:00"), {
        "afo": ("Automaatje Amersfoort", "ANWB Automaatje", "Vrijwillige chauffeurs rijden u naar de dokter of de kapper, tegen een kleine vergoeding."),
        "zst": ("Belbus Zeist", "Stichting Vervoer Zeist", "Vervoer op afroep voor ouderen die niet meer zelf kunnen rijden."),
        "nwg": ("Rijdende Buren Nieuwegein", "MOvactor Nieuwegein", "Buurtgenoten brengen u met de auto naar afspraken in de regio."),
        "htn": ("Plusbus Houten", "Stichting Plusbus", "Uitjes en ritjes voor senioren met een eigen busje."),
    }),
    ("werkcoach", ["leefgebied.werk", "doelgroep.alle", "kenmerk.gratis"], (18, 67), True, ("week", "TU,TH", "09:00", "12:00"), {
        "afo": ("Werkcafe Amersfoort", "Werkgeversservicepunt Amersfoort", "Hulp bij solliciteren, je cv en het vinden van een baan of stage."),
        "zst": ("Baanbrekers Zeist", "Stichting Aan de Slag Zeist", "Een coach helpt je op weg naar betaald werk."),
        "nwg": ("Jobcoaching Nieuwegein", "Werk en Inkomen Lekstroom", "Begeleiding naar werk, met aandacht voor wat je al kunt."),
        "htn": ("Banenplein Houten", "Werk en Inkomen Lekstroom", "Vacatures bekijken en samen een sollicitatiebrief schrijven."),
    }),
    ("dagbesteding", ["leefgebied.werk", "leefgebied.gezondheid", "doelgroep.alle"], (18, None), False, ("week", "MO,WE,FR", "09:30", "15:30"), {
        "afo": ("Werkplaats Het Ambacht", "Stichting Dagwerk Eemland", "Zinvolle dagbesteding met hout, metaal en tuin voor wie nog niet kan werken."),
        "zst": ("Dagactiviteiten De Boog", "Stichting Zorg Zeist", "Een gevulde dag met creatieve en praktische bezigheden."),
        "nwg": ("Leerwerkplek Kringloop Nieuwegein", "Kringloop Nieuwegein", "Meedraaien in de kringloopwinkel met begeleiding."),
        "htn": ("Dagbesteding De Schuur", "Stichting Dagwerk Houten", "Actief bezig zijn in een kleine groep, met begeleiding op maat."),
    }),
    ("peuter", ["leefgebied.gezin", "doelgroep.kinderen", "doelgroep.ouders"], (0, 4), False, ("week", "TU,TH", "09:00", "11:30"), {
        "afo": ("Peuterspeelzaal Ukkepuk", "Kinderopvang Eemland", "Spelen en leren voor peuters van twee tot vier jaar."),
        "zst": ("Speelochtend Dreumes Zeist", "Jeugd en Gezin Zeist", "Ouders en kleintjes spelen samen, met een kop koffie voor de ouders."),
        "nwg": ("Peutergroep Hummeltjes", "Kinderopvang Nieuwegein", "Een veilige plek waar peuters samen spelen."),
        "htn": ("Speel-o-theek Houten", "Bibliotheek Houten", "Speelgoed lenen en spelen met andere kinderen."),
    }),
    ("psycho", ["leefgebied.gezondheid", "doelgroep.alle"], (18, None), True, ("week", "WE", "13:00", "16:00"), {
        "afo": ("Herstelwerkplaats Amersfoort", "Stichting Herstel Eemland", "Ervaringsdeskundigen helpen bij somberheid, angst en stress."),
        "zst": ("Steunpunt GGZ Zeist", "Stichting Steunpunt GGZ", "Een open inloop voor mensen met psychische klachten."),
        "nwg": ("Herstelcafe Nieuwegein", "MOvactor Nieuwegein", "Praten met mensen die begrijpen hoe het is als het mentaal tegenzit."),
        "htn": ("Zelfregie Centrum Houten", "Stichting Herstel Houten", "Werken aan herstel na een burn-out of depressie, samen met lotgenoten."),
    }),
    ("fietsles", ["leefgebied.sport", "doelgroep.nieuwkomers", "kenmerk.gratis"], (16, None), True, ("week", "SA", "10:00", "11:30"), {
        "afo": ("Fietsles voor Vrouwen Amersfoort", "Stichting Welzijn Eemland", "Leren fietsen in een veilige omgeving, met geduldige begeleiders."),
        "zst": ("Fietsschool Zeist", "Humanitas Zeist", "Volwassenen leren fietsen en de verkeersregels."),
        "nwg": ("Fietsvaardig Nieuwegein", "Taalhuis Nieuwegein", "Fietslessen voor nieuwkomers die nog niet kunnen fietsen."),
        "htn": ("Op de Fiets Houten", "Stichting Sociaal Houten", "Fietsen leren en oefenen op het verkeersplein."),
    }),
    ("energie", ["leefgebied.wonen", "leefgebied.financien", "doelgroep.alle", "kenmerk.gratis"], (18, None), True, ("week", "TH", "13:00", "17:00"), {
        "afo": ("Energiecoaches Amersfoort", "Duurzaam Amersfoort", "Een energiecoach komt langs met tips om uw energierekening te verlagen."),
        "zst": ("Energieloket Zeist", "Duurzaam Zeist", "Advies over tochtstrips, radiatorfolie en een lagere stookrekening."),
        "nwg": ("Energiefixers Nieuwegein", "Natuurlijk Nieuwegein", "Gratis kleine maatregelen in huis om energie te besparen."),
        "htn": ("Energiehulp Houten", "Duurzaam Houten", "Hulp bij hoge energiekosten en besparen in huis."),
    }),
]

# Vacancies: key, talents, ages, terms, per gemeente (title, organisation, description).
VACANCIES = [
    ("trainer", ["talent.sport", "leefgebied.sport", "doelgroep.jeugd"], (16, 27), {
        "afo": ("Vrijwilliger gezocht: jeugdtrainer SV Hoogland", "SV Hoogland", "Onze wachtlijst groeit. Help als assistent bij de training van de onder-10. We zorgen voor een cursus en begeleiding."),
        "zst": ("Vrijwilliger gezocht: hulptrainer meidenvoetbal", "VV Zeist Noord", "Sta je graag op het veld? Help onze trainers met de meidenteams."),
        "nwg": ("Vrijwilliger gezocht: trainer jongste jeugd", "FC Nieuwegein", "Voor onze mini-pupillen zoeken we enthousiaste jongeren die willen helpen trainen."),
        "htn": ("Vrijwilliger gezocht: assistent-coach pupillen", "VV Houten", "Help op woensdagmiddag bij de training en leer zelf coachen."),
    }),
    ("kok", ["talent.koken", "leefgebied.contact"], (16, None), {
        "afo": ("Vrijwilliger gezocht: kok voor de buurtmaaltijd", "Buurthuis De Wiekslag", "Kook jij graag voor een groep? Eens per maand koken we voor dertig buurtbewoners."),
        "zst": ("Vrijwilliger gezocht: keukenhulp Samen Eten", "Wijkcentrum Vollenhove", "Help mee met koken en opdienen bij onze maandelijkse maaltijd."),
        "nwg": ("Vrijwilliger gezocht: kookteam wijkdiner", "Buurtcentrum Fokkesteeg", "Voor het wijkdiner zoeken we mensen die van koken houden."),
        "htn": ("Vrijwilliger gezocht: kok Tafeltje Dekje", "Stichting Sociaal Houten", "Bereid maaltijden voor buurtgenoten die niet meer zelf koken."),
    }),
    ("taalmaatje", ["talent.taal", "leefgebied.taal", "doelgroep.nieuwkomers"], (18, None), {
        "afo": ("Vrijwilliger gezocht: taalmaatje", "Bibliotheek Eemland", "Oefen een uur per week Nederlands met een nieuwkomer. Geduld is belangrijker dan een diploma."),
        "zst": ("Vrijwilliger gezocht: gespreksleider conversatieavond", "Bibliotheek Zeist", "Begeleid een tafel met anderstaligen die Nederlands oefenen."),
        "nwg": ("Vrijwilliger gezocht: taalcoach", "Taalhuis Nieuwegein", "Help iemand beter Nederlands te spreken en schrijven."),
        "htn": ("Vrijwilliger gezocht: taalvrijwilliger", "Bibliotheek Houten", "Leer volwassenen lezen en schrijven in het Nederlands."),
    }),
    ("klusser", ["talent.techniek", "leefgebied.wonen"], (18, None), {
        "afo": ("Vrijwilliger gezocht: reparateur", "Buurthuis De Wiekslag", "Ben je handig met apparaten of fietsen? Repareer mee in het reparatiecafe."),
        "zst": ("Vrijwilliger gezocht: klussenman of -vrouw", "Humanitas Zeist", "Help ouderen met kleine klusjes in huis, zoals een lamp ophangen."),
        "nwg": ("Vrijwilliger gezocht: handige buur", "Buurtcentrum Jutphaas", "Voor het repareren van spullen zoeken we mensen met technisch inzicht."),
        "htn": ("Vrijwilliger gezocht: maker in de Maakplaats", "Duurzaam Houten", "Help bezoekers met gereedschap en repareren."),
    }),
    ("digimaatje", ["talent.digitaal", "leefgebied.taal", "doelgroep.ouderen"], (16, None), {
        "afo": ("Vrijwilliger gezocht: digihulp", "Bibliotheek Eemland", "Leg senioren uit hoe hun telefoon en tablet werken."),
        "zst": ("Vrijwilliger gezocht: computerdocent", "Bibliotheek Zeist", "Geef les in internet en e-mail aan beginners."),
        "nwg": ("Vrijwilliger gezocht: tabletcoach", "SeniorWeb Nieuwegein", "Help ouderen met apps en videobellen."),
        "htn": ("Vrijwilliger gezocht: helpdesk computerhulp", "SeniorWeb Houten", "Beantwoord vragen over computers en telefoons."),
    }),
    ("chauffeur", ["talent.rijden", "leefgebied.wonen", "doelgroep.ouderen"], (21, 80), {
        "afo": ("Vrijwilliger gezocht: chauffeur Automaatje", "ANWB Automaatje", "Rij een paar keer per maand een oudere buurtgenoot naar een afspraak."),
        "zst": ("Vrijwilliger gezocht: chauffeur belbus", "Stichting Vervoer Zeist", "Met het busje ouderen naar activiteiten brengen."),
        "nwg": ("Vrijwilliger gezocht: rijdende buur", "MOvactor Nieuwegein", "Breng buurtgenoten zonder vervoer met uw eigen auto."),
        "htn": ("Vrijwilliger gezocht: buschauffeur Plusbus", "Stichting Plusbus", "Rijden voor uitjes met senioren."),
    }),
    ("bezoeker", ["talent.luisteren", "leefgebied.contact", "doelgroep.ouderen"], (16, None), {
        "afo": ("Vrijwilliger gezocht: maatje voor een oudere", "Stichting Welzijn Eemland", "Ga eens per week op bezoek, een wandeling of spelletje. Je maakt echt verschil."),
        "zst": ("Vrijwilliger gezocht: bezoekvrijwilliger", "Seniorenvereniging Zeist-West", "Bezoek ouderen die weinig contacten hebben."),
        "nwg": ("Vrijwilliger gezocht: gezelschap voor ouderen", "MOvactor Nieuwegein", "Een luisterend oor voor iemand die zich alleen voelt."),
        "htn": ("Vrijwilliger gezocht: beller Belcirkel", "Stichting Sociaal Houten", "Bel elke ochtend een oudere inwoner voor een praatje."),
    }),
    ("administratie", ["talent.administratie", "leefgebied.financien"], (18, None), {
        "afo": ("Vrijwilliger gezocht: thuisadministratie", "Stichting Welzijn Eemland", "Help mensen hun post en papieren op orde te krijgen."),
        "zst": ("Vrijwilliger gezocht: formulierenhulp", "Humanitas Zeist", "Help met formulieren en toeslagen in het spreekuur."),
        "nwg": ("Vrijwilliger gezocht: budgetmaatje", "Stichting Geldzorgen Weg", "Ondersteun een huishouden bij het overzicht houden over geld."),
        "htn": ("Vrijwilliger gezocht: administratiehulp", "Humanitas Houten", "Ordenen en bijhouden van de administratie bij mensen thuis."),
    }),
]

# The questions residents ask, judged against the register before any tuning: the types
# whose service in the asker's gemeente must be in the top 5, and types that must not be in
# the top 10. "vac:" marks a vacancy (a volunteer role).
QUERIES = [
    ("koffie drinken met andere ouderen", ["koffie"], ["voetbaljeugd", "peuter"]),
    ("ik voel me alleen en zie bijna niemand", ["eenzaamheid"], ["voetbaljeugd", "schuldhulp"]),
    ("niemand om mee te praten", ["eenzaamheid"], ["zwemmen"]),
    ("samen eten in de buurt", ["eetcafe"], ["schuldhulp"]),
    ("ik kan mijn rekeningen niet betalen", ["schuldhulp"], ["koor", "zwemmen"]),
    ("schulden", ["schuldhulp"], ["voetbaljeugd"]),
    ("hulp bij brieven en formulieren", ["formulieren"], ["voetbaljeugd"]),
    ("digid aanvragen lukt niet", ["formulieren", "digihulp"], []),
    ("nederlands oefenen", ["taalcafe"], ["zwemmen"]),
    ("taalhulp", ["taalcafe"], []),
    ("hulp met mijn telefoon", ["digihulp"], ["voetbaljeugd"]),
    ("computerles voor senioren", ["digihulp"], ["peuter"]),
    ("voetbal voor mijn zoon van 9", ["voetbaljeugd"], ["beweegsenior"]),
    ("voetballen meiden", ["voetbaljeugd"], []),
    ("gym voor ouderen", ["beweegsenior"], ["voetbaljeugd", "jongerencentrum"]),
    ("bewegen 70 jaar", ["beweegsenior"], ["voetbaljeugd"]),
    ("wandelen in een groep", ["wandelen"], []),
    ("ik zorg voor mijn man met dementie en ben op", ["mantelzorgsteun", "respijt"], ["voetbaljeugd", "jongerencentrum"]),
    ("even vrij van de zorg voor mijn moeder", ["respijt"], ["voetbaljeugd"]),
    ("mantelzorger", ["mantelzorgsteun", "respijt"], []),
    ("mijn dochter wil niet slapen", ["opvoed"], ["beweegsenior"]),
    ("opvoedingsvragen", ["opvoed"], []),
    ("huiswerkbegeleiding", ["huiswerk"], ["beweegsenior"]),
    ("bijles rekenen", ["huiswerk"], []),
    ("iets leuks voor tieners in de avond", ["jongerencentrum"], ["beweegsenior", "peuter"]),
    ("gratis eten", ["voedselbank"], []),
    ("voedselpakket", ["voedselbank"], []),
    ("gratis kinderkleding", ["kledingbank"], []),
    ("mijn fiets is kapot", ["repair"], []),
    ("spullen repareren", ["repair"], []),
    ("tuinieren met buren", ["moestuin"], []),
    ("zingen in een koor", ["koor"], []),
    ("leren zwemmen als volwassene", ["zwemmen"], []),
    ("ruzie met de buren", ["buurtbemiddeling"], ["voetbaljeugd"]),
    ("overlast van buren", ["buurtbemiddeling"], []),
    ("ik voel me niet veilig thuis", ["huiselijkgeweld"], ["zwemmen"]),
    ("mijn partner slaat me", ["huiselijkgeweld"], ["koor"]),
    ("mijn vrouw is overleden", ["rouw"], ["peuter"]),
    ("verdriet na verlies", ["rouw"], []),
    ("vervoer naar het ziekenhuis", ["vervoer"], []),
    ("ik kan niet meer autorijden", ["vervoer"], []),
    ("werk zoeken", ["werkcoach"], ["peuter"]),
    ("hulp bij solliciteren", ["werkcoach"], []),
    ("zinvolle dagbesteding", ["dagbesteding"], []),
    ("peuterspeelzaal", ["peuter"], ["beweegsenior"]),
    ("spelen met mijn kleintje van 2", ["peuter"], []),
    ("somber en angstig", ["psycho"], ["voetbaljeugd"]),
    ("burn-out herstel", ["psycho"], []),
    ("leren fietsen", ["fietsles"], []),
    ("hoge energierekening", ["energie"], []),
    ("gratis activiteit voor senioren", ["koffie"], ["voetbaljeugd"]),
    ("gratis koffie ouderen", ["koffie"], []),
    ("vrijwilligerswerk", ["vac:trainer", "vac:kok", "vac:taalmaatje", "vac:bezoeker"], []),
    ("vrijwilliger worden bij voetbal", ["vac:trainer"], []),
    ("ik wil graag trainer worden", ["vac:trainer"], []),
    ("ik kan goed koken", ["vac:kok"], []),
    ("ik ben handig met fietsen", ["vac:klusser"], []),
    ("ik wil ouderen helpen met hun telefoon", ["vac:digimaatje"], []),
    ("ik heb een auto en tijd over", ["vac:chauffeur"], []),
    ("iemand gezelschap houden", ["vac:bezoeker"], []),
    ("taalmaatje worden", ["vac:taalmaatje"], []),
    ("helpen met administratie", ["vac:administratie", "formulieren"], []),
    ("ik zoek een plek om te kletsen", ["koffie"], []),
    ("maaltijd voor weinig geld", ["eetcafe"], []),
    ("betalingsachterstand", ["schuldhulp"], []),
    ("toeslagen aanvragen", ["formulieren"], []),
    ("inburgering taal", ["taalcafe"], []),
    ("tablet uitleg", ["digihulp"], []),
    ("valpreventie", ["beweegsenior"], []),
    ("zorgen voor een ander", ["mantelzorgsteun"], []),
    ("pubers", ["opvoed"], []),
    ("jongeren chillen", ["jongerencentrum"], []),
    ("boodschappen te duur", ["voedselbank"], []),
    ("kleding ruilen", ["kledingbank"], []),
    ("groente kweken", ["moestuin"], []),
    ("zwemles", ["zwemmen"], []),
    ("geweld in huis", ["huiselijkgeweld"], []),
    ("rouwverwerking", ["rouw"], []),
    ("depressie", ["psycho"], []),
    ("energie besparen", ["energie"], []),
]

# Matching profiles (the API's own input vocabulary), with what each must be offered.
PROFILES = [
    ("afo", {"age": 19, "talents": ["voetbal"], "needs": ["werk"]}, ["vac:trainer"]),
    ("zst", {"age": 80, "needs": ["meedoen"], "groups": ["ouderen"]}, ["koffie", "eenzaamheid"]),
    ("nwg", {"age": 52, "needs": ["zorg"], "groups": ["mantelzorgers"]}, ["mantelzorgsteun", "respijt"]),
    ("htn", {"age": 34, "needs": ["geldzaken"]}, ["schuldhulp"]),
    ("afo", {"age": 28, "needs": ["leren"], "groups": ["nieuwkomers"]}, ["taalcafe"]),
    ("zst", {"age": 45, "talents": ["koken"], "needs": ["meedoen"]}, ["vac:kok"]),
    ("nwg", {"age": 31, "needs": ["opgroeien"], "groups": ["ouders"]}, ["opvoed"]),
    ("htn", {"age": 70, "needs": ["bewegen"], "groups": ["ouderen"]}, ["beweegsenior"]),
]

WEEKDAYS = {"MO", "TU", "WE", "TH", "FR", "SA", "SU"}


def attribute(code, slug):
    return {"id": uid(f"attr:{slug}:{code}"), "taxonomy_term_id": uid(f"term:{code}"),
            "taxonomy_term": {"id": uid(f"term:{code}"), "code": code, "name": TERMS[code],
                              "description": TERMS[code], "taxonomy": "regio-eemland"}}


def schedule(rule, slug):
    if rule[0] == "week":
        return {"id": uid(f"sched:{slug}"), "freq": "WEEKLY", "wkst": "MO", "byday": rule[1],
                "opens_at": rule[2], "closes_at": rule[3]}
    return {"id": uid(f"sched:{slug}"), "freq": "MONTHLY", "byday": rule[1],
            "opens_at": rule[2], "closes_at": rule[3], "dtstart": "2025-01-01",
            "description": "maandelijks"}


def service(slug, g, n, name, org, description, terms, ages, free, rule, vacancy):
    gname, gcode, pcs = GEMEENTEN[g]
    pc = pcs[n % len(pcs)]
    lat, lon = PC4_AT[pc]
    org_slug = f"org:{g}:{org}"
    s = {
        "id": uid(slug),
        "name": name,
        "description": description,
        "status": "active",
        "assured_date": "2025-09-15" if n % 3 else "2025-03-01",
        "organization": {"id": uid(org_slug), "name": org, "description": f"{org} in {gname}."},
        "service_at_locations": [{
            "id": uid(f"sal:{slug}"),
            "location": {
                "id": uid(f"loc:{slug}"), "location_type": "physical", "name": org,
                "latitude": lat, "longitude": lon,
                "addresses": [{"id": uid(f"addr:{slug}"), "address_1": f"Dorpsstraat {n + 1}",
                               "city": gname, "region": "Utrecht", "state_province": "Utrecht",
                               "postal_code": f"{pc} AB", "country": "NL", "address_type": "physical"}],
            },
        }],
        "attributes": [attribute(c, slug) for c in terms + (["vrijwilligersvacature"] if vacancy else [])],
    }
    if ages[0] is not None:
        s["minimum_age"] = ages[0]
    if ages[1] is not None:
        s["maximum_age"] = ages[1]
    if rule:
        s["schedules"] = [schedule(rule, slug)]
    if free is not None:
        s["cost_options"] = [] if free else [{"id": uid(f"cost:{slug}"), "option": "Bijdrage", "amount": 3.5,
                                                "currency": "EUR", "amount_description": "per keer"}]
    return s


def main():
    services, ids = [], {}
    for n, (key, terms, ages, free, rule, variants) in enumerate(OFFERS):
        for g, (name, org, text) in variants.items():
            slug = f"svc:{g}:{key}"
            ids[(g, key)] = uid(slug)
            services.append(service(slug, g, n, name, org, text, terms, ages, free, rule, False))
    for n, (key, terms, ages, variants) in enumerate(VACANCIES):
        for g, (name, org, text) in variants.items():
            slug = f"vac:{g}:{key}"
            ids[(g, "vac:" + key)] = uid(slug)
            services.append(service(slug, g, n, name, org, text, terms, ages, None, None, True))
    gemeenten = list(GEMEENTEN)
    queries = []
    for n, (q, relevant, must_not) in enumerate(QUERIES):
        g = gemeenten[n % len(gemeenten)]
        queries.append({
            "q": q, "postcode": GEMEENTEN[g][2][0], "gemeente": GEMEENTEN[g][1],
            "relevant": [ids[(g, k)] for k in relevant],
            "must_not": [ids[(g, k)] for k in must_not],
        })
    profiles = []
    for g, profile, must in PROFILES:
        profiles.append({"profile": dict(profile, postcode=GEMEENTEN[g][2][0]),
                         "must": [ids[(g, k)] for k in must]})
    (HERE / "register.json").write_text(json.dumps(services, ensure_ascii=False, indent=1) + "\n")
    (HERE / "judgements.json").write_text(json.dumps(
        {"queries": queries, "profiles": profiles}, ensure_ascii=False, indent=1) + "\n")
    print(f"{len(services)} services, {len(queries)} queries, {len(profiles)} profiles")


if __name__ == "__main__":
    main()
