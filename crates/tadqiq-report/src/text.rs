//! What the page says in its own voice (the `report` entries of the core's message catalogue), how article text is
//! made safe to show, and how a place in a source becomes a link.

use std::path::{Component, Path, PathBuf};

use maud::{Markup, html};

pub use tadqiq_core::messages::Lang;

/// One of the page's own phrases (`report.KEY` of the core's message catalogue,
/// `data/messages.toml`). A key missing from it shows as itself, marked, so a test of every
/// page in both languages catches it.
pub fn say(lang: Lang, key: &str) -> &'static str {
    tadqiq_core::messages::say(lang, &format!("report.{key}"))
}

/// Article text as shown: characters that would reorder or hide what follows them are replaced
/// by a visible mark. Bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069)
/// pasted into copy (or planted in it) could otherwise run past their quote and turn the
/// page's text around; other control characters are never meant to be seen. The marks that
/// only nudge neighbouring characters (LRM, RLM, ALM) are kept: Arabic copy uses them.
pub fn clean(text: &str) -> std::borrow::Cow<'_, str> {
    let bad = |c: char| {
        matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
            || (c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
    };
    if !text.chars().any(bad) {
        return text.into();
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if bad(c) {
            out.push_str(&format!("⟦U+{:04X}⟧", c as u32));
        } else {
            out.push(c);
        }
    }
    out.into()
}

/// Whether text reads right to left: its first strong letter is Arabic (or Hebrew).
pub fn is_rtl(text: &str) -> bool {
    text.chars()
        .find(|c| c.is_alphabetic())
        .is_some_and(|c| matches!(c, '\u{0590}'..='\u{08FF}' | '\u{FB1D}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}'))
}

/// Article text in the flow of the page: isolated, so its direction cannot leak into what
/// surrounds it.
pub fn quoted(text: &str) -> Markup {
    html! { bdi { (clean(text)) } }
}

/// A sentence with the statement in it marked.
pub fn sentence(text: &str, at: [usize; 2]) -> Markup {
    let (from, to) = (at[0].min(text.len()), at[1].min(text.len()));
    match (text.get(..from), text.get(from..to), text.get(to..)) {
        (Some(before), Some(statement), Some(after)) => html! {
            bdi.sentence { (clean(before)) mark { (clean(statement)) } (clean(after)) }
        },
        _ => html! { bdi.sentence { (clean(text)) } },
    }
}

/// Text cut to `max` characters, with «…».
pub fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let mut out: String = text.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    out
}

/// Turns source paths into `file:` links: relative paths are taken from `base` (the folder
/// the command ran in), `.` and `..` are resolved without touching the disk.
pub struct Links {
    base: PathBuf,
}

impl Links {
    pub fn new(base: PathBuf) -> Links {
        Links { base }
    }

    /// The absolute form of a source path.
    pub fn absolute(&self, path: &str) -> PathBuf {
        let p = Path::new(path);
        let joined = if p.is_absolute() { p.to_path_buf() } else { self.base.join(p) };
        let mut out = PathBuf::new();
        for part in joined.components() {
            match part {
                Component::CurDir => {}
                Component::ParentDir => {
                    out.pop();
                }
                other => out.push(other),
            }
        }
        out
    }

    /// A `file:` URL of a source, with a text fragment that a browser scrolls to and
    /// highlights (`#:~:text=…`), when there is a statement to find.
    pub fn file(&self, path: &str, find: Option<&str>) -> String {
        let abs = self.absolute(path);
        let mut url = String::from("file://");
        let text = abs.to_string_lossy().replace('\\', "/");
        if !text.starts_with('/') {
            // A Windows drive: file:///C:/…
            url.push('/');
        }
        for (i, part) in text.split('/').enumerate() {
            if i > 0 {
                url.push('/');
            }
            encode(part, &mut url, b"-._~:");
        }
        if let Some(find) = find.filter(|f| !f.trim().is_empty()) {
            // In a text directive, «-», «&» and «,» are syntax: they are escaped too.
            url.push_str("#:~:text=");
            encode(find, &mut url, b"._~");
        }
        url
    }
}

/// Percent-encodes everything but ASCII letters, digits and `keep`.
fn encode(text: &str, out: &mut String, keep: &[u8]) {
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || keep.contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_that_reorder_text_are_shown_not_obeyed() {
        assert_eq!(clean("«كانون\u{202E}الثاني»"), "«كانون⟦U+202E⟧الثاني»");
        assert_eq!(clean("a\u{2067}b\u{0}c"), "a⟦U+2067⟧b⟦U+0000⟧c");
        // Marks that only nudge their neighbours stay: Arabic copy is full of them.
        assert_eq!(clean("\u{200F}5 يناير\u{061C}"), "\u{200F}5 يناير\u{061C}");
    }

    #[test]
    fn links_are_absolute_file_urls_with_a_text_fragment() {
        let links = Links::new(PathBuf::from("/work/story"));
        assert_eq!(links.file("./a b/002.txt", None), "file:///work/story/a%20b/002.txt");
        assert_eq!(links.file("/x/../y/«z».txt", None), "file:///y/%C2%ABz%C2%BB.txt");
        assert_eq!(
            links.file("c.txt", Some("5 يناير-2020")),
            "file:///work/story/c.txt#:~:text=5%20%D9%8A%D9%86%D8%A7%D9%8A%D8%B1%2D2020"
        );
    }

    #[test]
    fn direction_of_text() {
        assert!(is_rtl("«مجلس النواب»"));
        assert!(!is_rtl("2020-01-05 Reuters"));
    }
}
