//! How stored values read on cards and pages, in Dutch or English: summaries, dates, language
//! names. Used by the services that word records (`service::cards`, `service::search`).

use chrono::NaiveDate;

use crate::i18n::Lang;

/// The first sentence, or the first ~160 characters at a word boundary.
pub fn summary_of(description: &str) -> String {
    let first = description
        .split_inclusive(". ")
        .next()
        .unwrap_or(description)
        .trim();
    if first.chars().count() <= 160 {
        return first.to_string();
    }
    let cut: String = first.chars().take(160).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{cut}…")
}

/// The name of a language code in the interface language.
pub fn language_name(code: &str, lang: Lang) -> String {
    match lang {
        Lang::En => english_language_name(code),
        Lang::Nl => index::matching::language_in_dutch(code).to_string(),
    }
}

fn english_language_name(code: &str) -> String {
    match code {
        "nl" => "Dutch",
        "en" => "English",
        "ar" => "Arabic",
        "tr" => "Turkish",
        "uk" => "Ukrainian",
        "pl" => "Polish",
        "ti" => "Tigrinya",
        "zgh" | "ber" => "Tamazight",
        "es" => "Spanish",
        "fr" => "French",
        "de" => "German",
        other => other,
    }
    .to_string()
}

/// "12 maart 2026", "12 March 2026".
pub fn date_in_words(date: NaiveDate, lang: Lang) -> String {
    use chrono::Datelike;
    let months = crate::i18n::months(lang);
    format!(
        "{} {} {}",
        date.day(),
        months[date.month0() as usize],
        date.year()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_summary_is_the_first_sentence() {
        assert_eq!(
            summary_of("Samen koken. Daarna samen eten."),
            "Samen koken."
        );
    }

    #[test]
    fn long_sentences_are_cut_at_a_word() {
        let long = "woord ".repeat(50);
        let s = summary_of(&long);
        assert!(s.ends_with('…') && s.chars().count() <= 161);
    }

    #[test]
    fn dates_read_in_dutch() {
        assert_eq!(
            date_in_words(NaiveDate::from_ymd_opt(2026, 3, 12).unwrap(), Lang::Nl),
            "12 maart 2026"
        );
    }
}
