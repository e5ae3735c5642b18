//! From the bytes of an article file to text the core can read, and the article's own metadata.
//!
//! Reading the file is [`crate::files`]' job; this takes bytes or text.

use std::fmt;

use crate::calendar::DateValue;

/// Why a file's bytes are not an article's text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DecodeError {
    /// A NUL byte: an image, an archive, a PDF…
    Binary,
    /// UTF-16 with a byte-order mark: readable in principle, but articles are UTF-8.
    Utf16,
    /// Not valid UTF-8; `offset` is the first bad byte.
    NotUtf8 { offset: usize },
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::Binary => write!(f, "binary file (contains a NUL byte), not article text"),
            DecodeError::Utf16 => write!(f, "UTF-16 text; save the article as UTF-8"),
            DecodeError::NotUtf8 { offset } => {
                write!(f, "not UTF-8 text (invalid byte at offset {offset})")
            }
        }
    }
}

impl std::error::Error for DecodeError {}

/// An article's text and how it sits in the file: `bom` bytes of byte-order mark come before
/// `text` on disk, so file offsets are text offsets plus `bom`.
#[derive(Clone, Debug)]
pub struct Decoded {
    pub text: String,
    pub bom: usize,
}

pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(DecodeError::Utf16);
    }
    if memchr::memchr(0, bytes).is_some() {
        return Err(DecodeError::Binary);
    }
    let bom = if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) { 3 } else { 0 };
    let bytes = &bytes[bom..];
    // SIMD validation, then a copy (cheaper than std's validation of Arabic text, and no
    // unsafe); std's check of a bad file says where it goes wrong, for the message.
    match simdutf8::basic::from_utf8(bytes) {
        Ok(text) => Ok(Decoded { text: text.to_owned(), bom }),
        Err(_) => {
            let offset = std::str::from_utf8(bytes).err().map_or(0, |e| e.valid_up_to());
            Err(DecodeError::NotUtf8 { offset: offset + bom })
        }
    }
}

/// YAML front matter at the top of an article: `---`, `key: value` lines, `---`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FrontMatter {
    /// Where the article's body starts (after the closing `---` line).
    pub body_start: usize,
    /// `published:` (or `date:`), if present and readable.
    pub published: Option<DateValue>,
    /// The raw value of a `published:`/`date:` line that is not a date.
    pub unreadable_published: Option<String>,
    /// `outlet:` (or `source:`, `site:`): who published the article, to name it by.
    pub outlet: Option<String>,
}

/// Reads front matter; `None` when the text does not open with a `---` line or never closes it.
pub fn front_matter(text: &str) -> Option<FrontMatter> {
    let mut lines = text.split_inclusive('\n');
    let first = lines.next()?;
    if first.trim_end() != "---" {
        return None;
    }
    let mut offset = first.len();
    let mut published = None;
    let mut date = None;
    let mut outlet = None;
    for line in lines {
        offset += line.len();
        let l = line.trim_end();
        if l == "---" || l == "..." {
            let chosen = published.or(date);
            let (published, unreadable) = match chosen {
                Some(raw) => match DateValue::parse(raw) {
                    Some(v) => (Some(v), None),
                    // A timestamp («2021-12-09T10:00:00Z») carries the date in its first ten bytes.
                    None => match raw.get(..10).and_then(DateValue::parse) {
                        Some(v) if raw.as_bytes().get(10).is_some_and(|b| *b == b'T' || *b == b' ') => (Some(v), None),
                        _ => (None, Some(raw.to_string())),
                    },
                },
                None => (None, None),
            };
            let outlet = outlet.filter(|o: &&str| !o.is_empty()).map(str::to_string);
            return Some(FrontMatter { body_start: offset, published, unreadable_published: unreadable, outlet });
        }
        if let Some((key, value)) = l.split_once(':') {
            let value = value.trim().trim_matches(|c| c == '"' || c == '\'');
            match key.trim() {
                "published" => published = Some(value),
                "date" => date = Some(value),
                "outlet" => outlet = Some(value),
                "source" | "site" => outlet = outlet.or(Some(value)),
                _ => {}
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_is_counted_not_kept() {
        let d = decode("\u{feff}يناير".as_bytes()).unwrap();
        assert_eq!(d.bom, 3);
        assert_eq!(d.text, "يناير");
    }

    #[test]
    fn bad_bytes_are_named() {
        assert_eq!(decode(&[b'a', 0, b'b']).unwrap_err(), DecodeError::Binary);
        assert_eq!(decode(&[0xFF, 0xFE, b'a', 0]).unwrap_err(), DecodeError::Utf16);
        let mut bytes = "ينا".as_bytes().to_vec();
        bytes.push(0xC3);
        assert_eq!(decode(&bytes).unwrap_err(), DecodeError::NotUtf8 { offset: 6 });
        assert_eq!(DecodeError::NotUtf8 { offset: 6 }.to_string(), "not UTF-8 text (invalid byte at offset 6)");
        // The offset is into the file: a BOM before the text counts.
        let mut bytes = "\u{feff}ينا".as_bytes().to_vec();
        bytes.extend([0xED, 0xA0, 0x80]); // a UTF-16 surrogate written as UTF-8
        assert_eq!(decode(&bytes).unwrap_err(), DecodeError::NotUtf8 { offset: 9 });
    }

    #[test]
    fn front_matter_published_or_date() {
        let text = "---\r\ntitle: x\r\ndate: 2021-12-09\r\n---\r\nنص";
        let fm = front_matter(text).unwrap();
        assert_eq!(&text[fm.body_start..], "نص");
        assert_eq!(fm.published, Some(DateValue::ymd(2021, 12, 9)));
        let fm = front_matter("---\npublished: \"2021-12-09T08:00:00Z\"\ndate: 2020-01-01\n---\n").unwrap();
        assert_eq!(fm.published, Some(DateValue::ymd(2021, 12, 9)));
        let fm = front_matter("---\npublished: yesterday\n---\n").unwrap();
        assert_eq!(fm.unreadable_published.as_deref(), Some("yesterday"));
        assert_eq!(front_matter("--- not front matter\n"), None);
        assert_eq!(front_matter("---\nnever closed\n"), None);
    }
}
