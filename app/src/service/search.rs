//! Search: one [`Question`] in, one [`Answer`] out, for the home page, the JSON API, the
//! search box's suggestions and "lijkt hierop". The page and `/api/v1/search` only read their
//! own parameter names into a [`Question`]; what a question means (the place, the radius, the
//! page, the caps) is decided here once, so they cannot drift apart.

use index::{
    BoundingBox, Facets, Filters, Geocoder, LatLon, Postcode, SearchRequest, Sort, MAX_PAGE_SIZE,
    MAX_RADIUS_KM,
};

use crate::db;
use crate::domain::Weekday;
use crate::i18n::Lang;
use crate::model::{kind_label, weekday_name, FacetCount, OfferSummary};
use crate::{AppState, Error, Result};

/// Longest search text we read; longer input is cut, not refused.
pub const MAX_QUESTION_CHARS: usize = 200;
/// Radius around a place when the question names none (km).
pub const DEFAULT_RADIUS_KM: f64 = 10.0;
/// Results per page when the question names no size.
pub const DEFAULT_PAGE_SIZE: usize = 20;
/// Highest page number (deep pages cost work and help nobody).
pub const MAX_PAGE: usize = 10_000;

/// Where to search around.
#[derive(Debug, Clone, Default, PartialEq)]
pub enum Place {
    /// Anywhere.
    #[default]
    Anywhere,
    /// A postcode or a place name as typed ("3454", "De Meern").
    Named(String),
    /// A postcode that must exist (the API's `postcode`).
    Postcode(String),
    /// A point (a device location, the API's `lat`/`lon`).
    Point(LatLon),
}

/// A question as people and programs ask it.
#[derive(Debug, Clone, PartialEq)]
pub struct Question {
    /// Words, in plain Dutch or English.
    pub text: String,
    /// Where.
    pub place: Place,
    /// How far around the place (km); [`DEFAULT_RADIUS_KM`] when `None`.
    pub radius_km: Option<f64>,
    /// A map area; replaces the radius.
    pub area: Option<BoundingBox>,
    /// Kind codes (`buurthuis`, `vrijwilligerswerk`, …).
    pub kinds: Vec<String>,
    /// Leefgebied codes.
    pub leefgebieden: Vec<String>,
    /// Doelgroep codes.
    pub doelgroepen: Vec<String>,
    /// Language codes.
    pub languages: Vec<String>,
    /// CBS wijk codes.
    pub wijken: Vec<String>,
    /// Days it should take place on.
    pub days: Vec<Weekday>,
    /// The age of whoever it is for.
    pub age: Option<u8>,
    /// Free offers only.
    pub free_only: bool,
    /// Places without steps only.
    pub step_free_only: bool,
    /// Nearest first instead of most relevant (needs a place).
    pub nearest_first: bool,
    /// Page, from 1.
    pub page: usize,
    /// Results per page.
    pub size: usize,
}

impl Default for Question {
    fn default() -> Self {
        Question {
            text: String::new(),
            place: Place::Anywhere,
            radius_km: None,
            area: None,
            kinds: Vec::new(),
            leefgebieden: Vec::new(),
            doelgroepen: Vec::new(),
            languages: Vec::new(),
            wijken: Vec::new(),
            days: Vec::new(),
            age: None,
            free_only: false,
            step_free_only: false,
            nearest_first: false,
            page: 1,
            size: DEFAULT_PAGE_SIZE,
        }
    }
}

/// What a search found.
#[derive(Debug, Clone, Default)]
pub struct Answer {
    /// All matching offers and roles.
    pub total: usize,
    /// True when `total` is estimated from a sample (very many found).
    pub total_estimated: bool,
    /// This page, as cards in the reader's language.
    pub items: Vec<OfferSummary>,
    /// Counts per filter value.
    pub facets: Facets,
    /// True when the counts per filter value are estimated from a sample (very many found).
    pub facets_estimated: bool,
    /// What the question was understood to be about ("ontmoeting", "gratis", "70 jaar").
    pub understood: Vec<String>,
    /// The place searched around, when there was one.
    pub near: Option<LatLon>,
}

impl Question {
    /// Checks the limits every caller shares, with a Dutch sentence for each.
    fn check(&self) -> Result<()> {
        if let Some(r) = self.radius_km {
            if !(r > 0.0 && r <= MAX_RADIUS_KM) {
                return Err(Error::Refused(
                    "invalid_radius",
                    "Kies een afstand tussen 0 en 300 kilometer.".into(),
                ));
            }
        }
        if self.size == 0 || self.size > MAX_PAGE_SIZE {
            return Err(Error::Refused(
                "invalid_size",
                "Vraag 1 tot 100 resultaten per pagina.".into(),
            ));
        }
        if self.page == 0 || self.page > MAX_PAGE {
            return Err(Error::Refused(
                "invalid_page",
                "page moet een getal van 1 tot 10000 zijn.".into(),
            ));
        }
        if self.age.is_some_and(|a| a > 120) {
            return Err(Error::Refused(
                "invalid_age",
                "Vul een leeftijd in tussen 0 en 120.".into(),
            ));
        }
        if !self.kinds.iter().all(|k| crate::domain::is_search_kind(k)) {
            return Err(Error::Refused(
                "invalid_kind",
                "Kies een soort: buurthuis, vereniging, initiatief, voorziening of vrijwilligerswerk."
                    .into(),
            ));
        }
        if self.nearest_first && self.place == Place::Anywhere {
            return Err(Error::Refused(
                "missing_point",
                "Sorteren op afstand kan alleen met een postcode of lat en lon.".into(),
            ));
        }
        Ok(())
    }

    /// The point to search around; a place we cannot find is the person's error (a 4xx).
    pub fn locate(&self) -> Result<Option<LatLon>> {
        let geocoder = Geocoder::embedded();
        Ok(match &self.place {
            Place::Anywhere => None,
            Place::Named(text) if text.trim().is_empty() => None,
            Place::Named(text) => Some(geocoder.locate(text.trim())?),
            Place::Postcode(text) => {
                let postcode = Postcode::parse(text)?;
                Some(geocoder.postcode(&postcode)?.lat_lon())
            }
            Place::Point(at) => Some(*at),
        })
    }

    /// The engine's request for this question around `near`.
    fn request(&self, near: Option<LatLon>) -> SearchRequest {
        let radius = self.radius_km.unwrap_or(DEFAULT_RADIUS_KM);
        SearchRequest {
            text: self.text.trim().chars().take(MAX_QUESTION_CHARS).collect(),
            near,
            // A map area replaces the radius around the place.
            radius_km: near.filter(|_| self.area.is_none()).map(|_| radius),
            bbox: self.area,
            filters: Filters {
                kinds: self.kinds.clone(),
                leefgebieden: self.leefgebieden.clone(),
                doelgroepen: self.doelgroepen.clone(),
                languages: self.languages.clone(),
                wijken: self.wijken.clone(),
                days: self.days.iter().map(|d| d.iso()).collect(),
                age: self.age,
                free_only: self.free_only,
                step_free_only: self.step_free_only,
                ..Filters::default()
            },
            sort: if self.nearest_first && near.is_some() {
                Sort::Distance
            } else {
                Sort::Relevance
            },
            offset: (self.page.max(1) - 1) * self.size,
            limit: self.size,
        }
    }
}

/// Answers a question, with the cards written in `lang`.
pub async fn ask(state: &AppState, question: &Question, lang: Lang) -> Result<Answer> {
    question.check()?;
    let near = question.locate()?;
    let mut answer = run(state, question.request(near), lang).await?;
    answer.near = near;
    Ok(answer)
}

/// Runs an engine request on a blocking thread (tantivy is synchronous) and loads the cards.
pub async fn run(state: &AppState, request: SearchRequest, lang: Lang) -> Result<Answer> {
    let search = state.search.clone();
    let near = request.near;
    let found = tokio::task::spawn_blocking(move || search.search(&request)).await??;
    let items = super::cards::summaries(state, &found.hits, lang).await?;
    Ok(Answer {
        total: found.total,
        total_estimated: found.total_estimated,
        items,
        facets: found.facets,
        facets_estimated: found.estimated,
        understood: found.understood,
        near,
    })
}

/// Counts a resident's search near a place that found nothing, for the gemeente's signalen:
/// the PC4 area and wijk searched around and what the question named in the concept list's
/// own words (a leefgebied ticked counts too). Stores no text, no IP, no finer place; a page
/// further on, a map area or a search anywhere is not counted. Never fails the search.
pub async fn count_gap(state: &AppState, question: &Question, answer: &Answer) {
    let Some(at) = answer.near else { return };
    if answer.total > 0 || question.page != 1 || question.area.is_some() {
        return;
    }
    let geocoder = Geocoder::embedded();
    let (Some(wijk), Some(pc4)) = (
        geocoder.areas(at).wijk_code,
        geocoder.nearest_postcode(at, 5.0).map(|p| p.pc4.clone()),
    ) else {
        return;
    };
    let text: String = question.text.chars().take(MAX_QUESTION_CHARS).collect();
    let mut topics: Vec<(String, String)> = index::Concepts::shipped()
        .topics_in(&text)
        .into_iter()
        .map(|(c, word)| (format!("{}:{}", c.taxonomy, c.code), word.to_string()))
        .collect();
    for l in &question.leefgebieden {
        let code = format!("leefgebied:{l}");
        if crate::manage::LEEFGEBIEDEN.contains(&l.as_str())
            && !topics.iter().any(|(c, _)| *c == code)
        {
            topics.push((code, String::new()));
        }
    }
    if let Err(error) = db::record_search_gap(&state.db, &wijk, &pc4, &topics).await {
        tracing::warn!(%error, "could not count a search without results");
    }
}

/// The nearest buurtteam to `at` (within 30 km): where people can ask anything, shown when a
/// search nearby found nothing.
pub async fn nearest_help(
    state: &AppState,
    at: LatLon,
    lang: Lang,
) -> Result<Option<OfferSummary>> {
    let help = SearchRequest {
        limit: 1,
        sort: Sort::Distance,
        ..SearchRequest::text("buurtteam").near(at, 30.0)
    };
    Ok(run(state, help, lang).await?.items.into_iter().next())
}

/// Up to eight distinct offer names that match what was typed so far (prefixes, synonyms and
/// small typos included); nothing for fewer than three letters.
pub async fn suggest(state: &AppState, typed: &str, lang: Lang) -> Result<Vec<String>> {
    let typed: String = typed.trim().chars().take(60).collect();
    if typed.chars().count() < 3 {
        return Ok(Vec::new());
    }
    let request = SearchRequest {
        limit: 30,
        ..SearchRequest::text(&typed)
    };
    let mut names: Vec<String> = Vec::new();
    for item in run(state, request, lang).await?.items {
        if !names.contains(&item.name) {
            names.push(item.name);
        }
    }
    names.truncate(8);
    Ok(names)
}

/// Up to six other offers on the same leefgebied within 3 km of this one, nearest first.
pub async fn similar(state: &AppState, offer: uuid::Uuid, lang: Lang) -> Result<Vec<OfferSummary>> {
    let docs = db::index_documents(&state.db, Some(&[offer])).await?;
    let Some(doc) = docs.into_iter().find(|d| d.lat.is_some()) else {
        return Ok(Vec::new());
    };
    let Some(at) = doc
        .lat
        .zip(doc.lon)
        .and_then(|(lat, lon)| LatLon::parse(lat, lon).ok())
    else {
        return Ok(Vec::new());
    };
    let request = SearchRequest {
        filters: Filters {
            leefgebieden: doc.leefgebieden,
            ..Default::default()
        },
        sort: Sort::Distance,
        limit: 7,
        ..SearchRequest::text("").near(at, 3.0)
    };
    Ok(run(state, request, lang)
        .await?
        .items
        .into_iter()
        .filter(|o| o.id != offer)
        .take(6)
        .collect())
}

/// The counts per filter value as the page's filter buttons, labelled in `lang`.
pub fn facet_counts(f: &Facets, lang: Lang) -> Vec<FacetCount> {
    let mut out = Vec::new();
    let mut push = |param: &str, value: String, label: String, count: u64| {
        out.push(FacetCount {
            param: param.into(),
            value,
            label,
            count,
        });
    };
    if f.free > 0 {
        push("gratis", "ja".into(), lang.texts().free.into(), f.free);
    }
    if f.step_free > 0 {
        push(
            "gelijkvloers",
            "ja".into(),
            lang.texts().acc_step_free.into(),
            f.step_free,
        );
    }
    for (code, n) in &f.kind {
        push("soort", code.clone(), kind_label(code, lang), *n);
    }
    // The shipped codes in the reader's language; a register's own terms as they are named.
    for (code, n) in &f.leefgebied {
        let label = lang
            .texts()
            .leefgebied(code)
            .map(str::to_string)
            .or_else(|| db::term_name("leefgebied", code))
            .unwrap_or(code.clone());
        push("leefgebied", code.clone(), label, *n);
    }
    for (code, n) in &f.doelgroep {
        let label = lang
            .texts()
            .doelgroep(code)
            .map(str::to_string)
            .or_else(|| db::term_name("doelgroep", code))
            .unwrap_or(code.clone());
        push("voor", code.clone(), label, *n);
    }
    for (code, n) in &f.language {
        push(
            "taal",
            code.clone(),
            crate::words::language_name(code, lang),
            *n,
        );
    }
    // Busiest wijken first, at most twelve: a long list of areas does not help anyone choose.
    let mut wijken: Vec<(&String, &u64)> = f.wijk.iter().collect();
    wijken.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    let geocoder = Geocoder::embedded();
    for (code, n) in wijken.into_iter().take(12) {
        let name = geocoder.wijk_name(code).unwrap_or(code.clone());
        push("wijk", code.clone(), name, *n);
    }
    for (day, n) in &f.day {
        if let Some(d) = day.parse::<u8>().ok().and_then(Weekday::from_iso) {
            let mut label = weekday_name(d.iso(), lang).to_string();
            label[..1].make_ascii_uppercase();
            push("dag", d.code().into(), label, *n);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_role_kind_is_the_one_the_index_gives_roles() {
        assert_eq!(crate::domain::ROLE_KIND, index::ROLE_KIND);
    }

    #[test]
    fn a_question_outside_the_limits_is_refused_with_its_code() {
        let code = |q: Question| match q.check() {
            Err(Error::Refused(code, _)) => code,
            other => panic!("{other:?}"),
        };
        let q = Question::default();
        assert!(q.check().is_ok());
        assert_eq!(
            code(Question {
                size: 0,
                ..q.clone()
            }),
            "invalid_size"
        );
        assert_eq!(
            code(Question {
                page: 10_001,
                ..q.clone()
            }),
            "invalid_page"
        );
        assert_eq!(
            code(Question {
                age: Some(121),
                ..q.clone()
            }),
            "invalid_age"
        );
        assert_eq!(
            code(Question {
                kinds: vec!["kerk".into()],
                ..q.clone()
            }),
            "invalid_kind"
        );
        assert_eq!(
            code(Question {
                nearest_first: true,
                ..q
            }),
            "missing_point"
        );
    }
}
