//! The Dutch analyzer: words, lowercase, accents folded, stop words out, Dutch stems.

use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, LowerCaser, RemoveLongFilter, SimpleTokenizer, Stemmer,
    StopWordFilter, TextAnalyzer,
};

/// Name under which the analyzer is registered on every index.
pub(crate) const DUTCH: &str = "nl";

/// The words of a text as the index stores them (lowercase, folded, stemmed, no stop words),
/// with their positions; removed stop words leave gaps, as they do in the index.
pub(crate) fn terms_with_positions(text: &str) -> Vec<(usize, String)> {
    let mut analyzer = dutch();
    let mut stream = analyzer.token_stream(text);
    let mut out = Vec::new();
    while stream.advance() {
        let token = stream.token();
        out.push((token.position, token.text.clone()));
    }
    out
}

/// The distinct words of a text as the index stores them.
#[cfg(test)]
pub(crate) fn terms(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for (_, t) in terms_with_positions(text) {
        if !out.contains(&t) {
            out.push(t);
        }
    }
    out
}

pub(crate) fn dutch() -> TextAnalyzer {
    let stop_words = StopWordFilter::new(Language::Dutch).expect("tantivy ships dutch stop words");
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(40))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .filter(stop_words)
        .filter(Stemmer::new(Language::Dutch))
        .build()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(text: &str) -> Vec<String> {
        terms(text)
    }

    #[test]
    fn accents_are_folded_and_stop_words_dropped() {
        assert_eq!(tokens("Het Taalcafé"), tokens("taalcafe"));
    }

    #[test]
    fn plural_and_singular_share_a_stem() {
        assert_eq!(tokens("activiteiten"), tokens("activiteit"));
    }
}
