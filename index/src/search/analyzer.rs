//! The Dutch analyzer: words, lowercase, accents folded, stop words out, Dutch stems.

use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, LowerCaser, RemoveLongFilter, SimpleTokenizer, StopWordFilter,
    TextAnalyzer, Token, TokenFilter, TokenStream, Tokenizer,
};

/// Name under which the analyzer is registered on every index. Change it whenever the analyzer
/// changes what it produces: the schema then differs, so every node rebuilds its index from the
/// database on start instead of mixing old and new terms.
pub(crate) const DUTCH: &str = "nl-3";

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
        .filter(DutchStemmer)
        .build()
}

/// The words of a text stemmed like the index, but with every word kept: "ik kan goed koken"
/// keeps "kan", which the index drops as a stop word. For matching short phrases of the
/// concept list, where the small words carry the meaning.
pub(crate) fn all_words(text: &str) -> Vec<String> {
    let mut analyzer = TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(40))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .filter(DutchStemmer)
        .build();
    let mut stream = analyzer.token_stream(text);
    let mut out = Vec::new();
    while stream.advance() {
        out.push(stream.token().text.clone());
    }
    out
}

/// Words whose Snowball stem would merge them with a word of another meaning; they keep a
/// stem of their own. "ouderen" (older people) and "ouders" (parents) both stem to "ouder",
/// so a question about older people found playgroups for toddlers' parents. "rekening" (a
/// bill) and "rekenen" (arithmetic) both stem to "reken", so unpaid bills found maths tutoring.
const OWN_STEMS: &[(&str, &str)] = &[
    ("ouderen", "ouderen"),
    ("oudere", "ouderen"),
    ("rekening", "rekening"),
    ("rekeningen", "rekening"),
];

/// The stem of one lowercase, folded word, as the index stores it.
pub(crate) fn stem(word: &str) -> String {
    stem_with(
        &rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::Dutch),
        word,
    )
}

fn stem_with(stemmer: &rust_stemmers::Stemmer, word: &str) -> String {
    let mut text = word.to_string();
    stem_in_place(stemmer, &mut text);
    text
}

/// Most stems a thread remembers before it starts over (some MB per thread).
const STEMS_REMEMBERED: usize = 100_000;

thread_local! {
    /// Stems this thread worked out: texts repeat their words, and Snowball took a quarter of
    /// a rebuild's time on the thread that reads offers' texts for concepts.
    static STEMS: std::cell::RefCell<std::collections::HashMap<String, String>> =
        std::cell::RefCell::new(std::collections::HashMap::new());
}

/// Replaces `word` by its stem.
fn stem_in_place(stemmer: &rust_stemmers::Stemmer, word: &mut String) {
    if let Some((_, own)) = OWN_STEMS.iter().find(|(own, _)| *own == word.as_str()) {
        word.clear();
        word.push_str(own);
        return;
    }
    STEMS.with_borrow_mut(|stems| {
        if let Some(stem) = stems.get(word.as_str()) {
            word.clear();
            word.push_str(stem);
            return;
        }
        let stem = stemmer.stem(word).into_owned();
        if stems.len() >= STEMS_REMEMBERED {
            stems.clear();
        }
        stems.insert(std::mem::replace(word, stem.clone()), stem);
    });
}

/// Tantivy's Dutch Snowball stemmer, except for [`OWN_STEMS`].
#[derive(Clone, Copy)]
struct DutchStemmer;

impl TokenFilter for DutchStemmer {
    type Tokenizer<T: Tokenizer> = DutchStemmerFilter<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> DutchStemmerFilter<T> {
        DutchStemmerFilter { inner: tokenizer }
    }
}

#[derive(Clone)]
struct DutchStemmerFilter<T> {
    inner: T,
}

impl<T: Tokenizer> Tokenizer for DutchStemmerFilter<T> {
    type TokenStream<'a> = DutchStemmerStream<T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        DutchStemmerStream {
            tail: self.inner.token_stream(text),
            stemmer: rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::Dutch),
        }
    }
}

struct DutchStemmerStream<T> {
    tail: T,
    stemmer: rust_stemmers::Stemmer,
}

impl<T: TokenStream> TokenStream for DutchStemmerStream<T> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        stem_in_place(&self.stemmer, &mut self.tail.token_mut().text);
        true
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
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
    fn older_people_and_parents_do_not_share_a_stem() {
        assert_ne!(tokens("ouderen"), tokens("ouders"));
        assert_eq!(tokens("oudere"), tokens("ouderen"));
        assert_eq!(tokens("ouder"), tokens("ouders"));
    }

    #[test]
    fn bills_and_arithmetic_do_not_share_a_stem() {
        assert_ne!(tokens("rekeningen"), tokens("rekenen"));
        assert_eq!(tokens("rekening"), tokens("rekeningen"));
    }

    #[test]
    fn plural_and_singular_share_a_stem() {
        assert_eq!(tokens("activiteiten"), tokens("activiteit"));
    }
}
