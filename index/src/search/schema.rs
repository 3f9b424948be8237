//! The index schema, built in one place; field names are constants.

use tantivy::schema::{
    Field, IndexRecordOption, Schema, TextFieldIndexing, TextOptions, FAST, INDEXED, STORED, STRING,
};

use super::analyzer::DUTCH;

pub(crate) const OFFER_ID: &str = "offer_id";
pub(crate) const OFFER_KEY: &str = "offer_key";
pub(crate) const LOCATION_ID: &str = "location_id";
pub(crate) const LAT: &str = "lat";
pub(crate) const LON: &str = "lon";
pub(crate) const MIN_AGE: &str = "min_age";
pub(crate) const MAX_AGE: &str = "max_age";
/// True for documents of an offer at several locations (they need de-duplication).
pub(crate) const SHARED: &str = "shared";

/// Facet fields: exact strings, filterable, countable.
pub(crate) const KIND: &str = "kind";
pub(crate) const LEEFGEBIED: &str = "leefgebied";
pub(crate) const DOELGROEP: &str = "doelgroep";
pub(crate) const DAY: &str = "day";
pub(crate) const LANGUAGE: &str = "language";
pub(crate) const WIJK: &str = "wijk";
pub(crate) const GEMEENTE: &str = "gemeente";
/// True for offers that are not active (inactive, defunct, temporarily closed): excluded
/// unless asked for, which costs a seek in a short list instead of one in nearly every document.
pub(crate) const HIDDEN: &str = "hidden";
pub(crate) const FREE: &str = "free";
pub(crate) const STEP_FREE: &str = "step_free";
pub(crate) const NO_REFERRAL: &str = "no_referral";

/// Ages stored for offers without a limit.
pub(crate) const AGE_MIN_DEFAULT: u64 = 0;
pub(crate) const AGE_MAX_DEFAULT: u64 = 255;

/// Field handles, resolved once.
#[derive(Clone, Copy)]
pub(crate) struct Fields {
    pub offer_id: Field,
    pub offer_key: Field,
    pub location_id: Field,
    pub name: Field,
    pub organisation: Field,
    pub description: Field,
    pub keywords: Field,
    pub kind: Field,
    pub leefgebied: Field,
    pub doelgroep: Field,
    pub day: Field,
    pub language: Field,
    pub wijk: Field,
    pub gemeente: Field,
    pub hidden: Field,
    pub free: Field,
    pub step_free: Field,
    pub no_referral: Field,
    pub cell: Field,
    pub lat: Field,
    pub lon: Field,
    pub min_age: Field,
    pub max_age: Field,
    pub shared: Field,
}

pub(crate) fn build() -> (Schema, Fields) {
    let dutch_text = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(DUTCH)
            .set_index_option(IndexRecordOption::WithFreqsAndPositions),
    );
    let facet = STRING | FAST;
    let mut b = Schema::builder();
    let fields = Fields {
        offer_id: b.add_text_field(OFFER_ID, STRING | STORED),
        offer_key: b.add_u64_field(OFFER_KEY, FAST),
        location_id: b.add_text_field(LOCATION_ID, STRING | STORED),
        name: b.add_text_field("name", dutch_text.clone()),
        organisation: b.add_text_field("organisation", dutch_text.clone()),
        description: b.add_text_field("description", dutch_text.clone()),
        keywords: b.add_text_field("keywords", dutch_text),
        kind: b.add_text_field(KIND, facet.clone()),
        leefgebied: b.add_text_field(LEEFGEBIED, facet.clone()),
        doelgroep: b.add_text_field(DOELGROEP, facet.clone()),
        day: b.add_text_field(DAY, facet.clone()),
        language: b.add_text_field(LANGUAGE, facet.clone()),
        wijk: b.add_text_field(WIJK, facet.clone()),
        gemeente: b.add_text_field(GEMEENTE, facet),
        hidden: b.add_bool_field(HIDDEN, INDEXED),
        free: b.add_bool_field(FREE, INDEXED | FAST),
        step_free: b.add_bool_field(STEP_FREE, INDEXED | FAST),
        no_referral: b.add_bool_field(NO_REFERRAL, INDEXED),
        cell: b.add_text_field("cell", STRING),
        lat: b.add_f64_field(LAT, FAST | STORED),
        lon: b.add_f64_field(LON, FAST | STORED),
        min_age: b.add_u64_field(MIN_AGE, FAST),
        max_age: b.add_u64_field(MAX_AGE, FAST),
        shared: b.add_bool_field(SHARED, FAST),
    };
    (b.build(), fields)
}
