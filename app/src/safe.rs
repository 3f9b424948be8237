//! The only ways user or imported text reaches HTML outside ordinary escaped text nodes and
//! attributes. Leptos' server renderer writes the children of `<textarea>` and the text of
//! `<title>` without escaping (they are raw-text elements in its model), so text for those
//! goes through [`textarea_text`] and [`document_title`]; links from users or feeds go through
//! [`safe_url`].

/// Escapes `&`, `<`, `>`, `"` and `'` for HTML text and attribute values.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The child of a `<textarea>`. On the server it is escaped (the renderer would write it raw);
/// in the browser it becomes a text node, which is safe as it is, and equals what the browser
/// parsed from the escaped HTML, so hydration finds the same text.
pub fn textarea_text(value: &str) -> String {
    if cfg!(feature = "ssr") {
        escape_html(value)
    } else {
        value.to_string()
    }
}

/// The document title "page · site". On the server it is escaped, since `leptos_meta` writes
/// `<title>` text raw; in the browser it goes to `document.title`, which takes plain text.
pub fn document_title(page: &str, site: &str) -> String {
    let title = if page.is_empty() {
        site.to_string()
    } else {
        format!("{page} · {site}")
    };
    if cfg!(feature = "ssr") {
        escape_html(&title)
    } else {
        title
    }
}

/// Longest link we keep or show.
pub const MAX_URL_CHARS: usize = 2000;

/// A web link from a user or a feed, or `None` when it is not a plain `http(s)://host/...`
/// address: `javascript:`, `data:`, relative and protocol-relative links, control characters
/// and spaces are refused. A bare `www.example.nl` gets `https://`.
pub fn safe_url(raw: &str) -> Option<String> {
    let url = raw.trim();
    if url.is_empty() || url.len() > MAX_URL_CHARS {
        return None;
    }
    if url
        .chars()
        .any(|c| c.is_control() || c.is_whitespace() || matches!(c, '\\' | '<' | '>' | '"' | '`'))
    {
        return None;
    }
    let lower = url.to_ascii_lowercase();
    let (with_scheme, rest) = if let Some(rest) = lower.strip_prefix("https://") {
        (url.to_string(), rest.to_string())
    } else if let Some(rest) = lower.strip_prefix("http://") {
        (url.to_string(), rest.to_string())
    } else if lower.starts_with("www.") {
        (format!("https://{url}"), lower.clone())
    } else {
        return None;
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let host = host.rsplit('@').next().unwrap_or_default();
    let valid_host = !host.is_empty()
        && host
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']'));
    valid_host.then_some(with_scheme)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_characters_are_escaped() {
        assert_eq!(
            escape_html("</textarea><img src=x onerror='a(\"1\")'>&"),
            "&lt;/textarea&gt;&lt;img src=x onerror=&#39;a(&quot;1&quot;)&#39;&gt;&amp;"
        );
    }

    #[test]
    fn only_http_and_https_links_are_kept() {
        assert_eq!(
            safe_url(" https://voetbal.nl/jeugd?x=1 "),
            Some("https://voetbal.nl/jeugd?x=1".into())
        );
        assert_eq!(
            safe_url("http://buurthuis.nl"),
            Some("http://buurthuis.nl".into())
        );
        assert_eq!(
            safe_url("www.buurthuis.nl"),
            Some("https://www.buurthuis.nl".into())
        );
        for bad in [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            " javascript:alert(1)",
            "java\tscript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "vbscript:x",
            "//evil.example",
            "/relatief",
            "https://",
            "https://evil.example/<script>",
            "https:\\\\evil.example",
            "https://a b",
            "",
        ] {
            assert_eq!(safe_url(bad), None, "{bad:?} must be refused");
        }
    }
}
