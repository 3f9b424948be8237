//! The index schema, built in one place; field names are constants.

use tantivy::schema::{
    Field, IndexRecordOption, Schema, TextFieldIndexing, TextOptions, FAST, INDEXED, STORED, STRING,
};

use super::analyzer::DUTCH;

pub(crate) const OFFER_ID: &str = "offer_id";
pub(crate) const LOCATION_ID: &str = "location_id";
pub(crate) const NAME: &str = "name";
pub(crate) const ORGANISATION: &str = "organisation";
pub(crate) const DESCRIPTION: &str = "description";
pub(crate) const KEYWORDS: &str = "keywords";
pub(crate) const KIND: &str = "kind";
pub(crate) const LEEFGEBIED: &str = "leefgebied";
pub(crate) const LAT: &str = "lat";
pub(crate) const LON: &str = "lon";
pub(crate) const WIJK: &str = "wijk";
pub(crate) const GEMEENTE: &str = "gemeente";
pub(crate) const FREE: &str = "free";
pub(crate) const ACTIVE: &str = "active";

/// Field handles, resolved once.
#[derive(Clone, Copy)]
pub(crate) struct Fields {
    pub offer_id: Field,
    pub location_id: Field,
    pub name: Field,
    pub organisation: Field,
    pub description: Field,
    pub keywords: Field,
    pub kind: Field,
    pub leefgebied: Field,
    pub lat: Field,
    pub lon: Field,
    pub wijk: Field,
    pub gemeente: Field,
    pub free: Field,
    pub active: Field,
}

pub(crate) fn build() -> (Schema, Fields) {
    let dutch_text = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(DUTCH)
            .set_index_option(IndexRecordOption::WithFreqsAndPositions),
    );
    let mut b = Schema::builder();
    let fields = Fields {
        offer_id: b.add_text_field(OFFER_ID, STRING | STORED),
        location_id: b.add_text_field(LOCATION_ID, STRING | STORED),
        name: b.add_text_field(NAME, dutch_text.clone()),
        organisation: b.add_text_field(ORGANISATION, dutch_text.clone()),
        description: b.add_text_field(DESCRIPTION, dutch_text.clone()),
        keywords: b.add_text_field(KEYWORDS, dutch_text),
        kind: b.add_text_field(KIND, STRING),
        leefgebied: b.add_text_field(LEEFGEBIED, STRING),
        lat: b.add_f64_field(LAT, FAST | STORED),
        lon: b.add_f64_field(LON, FAST | STORED),
        wijk: b.add_text_field(WIJK, STRING),
        gemeente: b.add_text_field(GEMEENTE, STRING),
        free: b.add_bool_field(FREE, INDEXED | FAST),
        active: b.add_bool_field(ACTIVE, INDEXED | FAST),
    };
    (b.build(), fields)
}
