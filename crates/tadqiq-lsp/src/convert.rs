//! Positions at the LSP boundary: the core speaks byte offsets; the client speaks lines and
//! UTF-16 code units (or UTF-8 bytes, when it offers them). Open documents convert through
//! their rope in O(log n); closed sources through a line index.

use ropey::Rope;
use tower_lsp_server::ls_types::{Position, Range};

use tadqiq_core::extract::Span;
use tadqiq_core::position::LineIndex;

/// How the client counts columns.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf16,
}

/// A byte offset in a rope as an LSP position.
pub fn position(rope: &Rope, encoding: Encoding, byte: usize) -> Position {
    let byte = byte.min(rope.len_bytes());
    let char = rope.byte_to_char(byte);
    let line = rope.char_to_line(char);
    let line_char = rope.line_to_char(line);
    let character = match encoding {
        Encoding::Utf8 => byte - rope.line_to_byte(line),
        Encoding::Utf16 => rope.char_to_utf16_cu(char) - rope.char_to_utf16_cu(line_char),
    };
    Position { line: line as u32, character: character as u32 }
}

/// An LSP position as a byte offset in a rope, or `None` past the last line. A column past
/// the end of its line means the line's end (the protocol says so); a column inside a
/// character means that character's start.
pub fn offset(rope: &Rope, encoding: Encoding, pos: Position) -> Option<usize> {
    let line = pos.line as usize;
    if line > rope.len_lines().saturating_sub(1) {
        return None;
    }
    let line_char = rope.line_to_char(line);
    let line_text = rope.line(line);
    // The line's length without its break.
    let mut line_len = line_text.len_chars();
    while line_len > 0 && matches!(line_text.char(line_len - 1), '\n' | '\r') {
        line_len -= 1;
    }
    let wanted = pos.character as usize;
    let char_in_line = match encoding {
        Encoding::Utf8 => {
            let line_byte = rope.line_to_byte(line);
            let end_byte = rope.char_to_byte(line_char + line_len);
            let target = (line_byte + wanted).min(end_byte);
            rope.byte_to_char(target) - line_char
        }
        Encoding::Utf16 => {
            let start = rope.char_to_utf16_cu(line_char);
            let end = rope.char_to_utf16_cu(line_char + line_len);
            rope.utf16_cu_to_char((start + wanted).min(end)) - line_char
        }
    };
    Some(rope.char_to_byte(line_char + char_in_line.min(line_len)))
}

pub fn range(rope: &Rope, encoding: Encoding, span: Span) -> Range {
    Range { start: position(rope, encoding, span.start), end: position(rope, encoding, span.end) }
}

/// A span of a closed source as an LSP range.
pub fn range_in(text: &str, lines: &LineIndex, encoding: Encoding, span: Span) -> Range {
    let p = |b: usize| {
        let p = lines.position(text, b);
        let character = match encoding {
            Encoding::Utf8 => p.utf8,
            Encoding::Utf16 => p.utf16,
        };
        Position { line: p.line as u32, character: character as u32 }
    };
    Range { start: p(span.start), end: p(span.end) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_through_arabic_diacritics_emoji_and_crlf() {
        let text = "سَطرٌ أول\r\nفي 😀 عام 2020\nآخر";
        let rope = Rope::from_str(text);
        for encoding in [Encoding::Utf8, Encoding::Utf16] {
            // Every character but a line feed: inside a line break, LSP can only name the
            // line's end.
            for (byte, _) in text.char_indices().filter(|(_, c)| *c != '\n') {
                let pos = position(&rope, encoding, byte);
                assert_eq!(offset(&rope, encoding, pos), Some(byte), "{encoding:?} at {byte}");
            }
        }
        let at = text.find("2020").unwrap();
        assert_eq!(position(&rope, Encoding::Utf16, at), Position { line: 1, character: 10 });
        assert_eq!(position(&rope, Encoding::Utf8, at), Position { line: 1, character: 17 });
    }

    #[test]
    fn out_of_range_positions() {
        let rope = Rope::from_str("سطر\r\nثان");
        // Past the end of a line: the line's end, before its break.
        assert_eq!(offset(&rope, Encoding::Utf16, Position { line: 0, character: 99 }), Some("سطر".len()));
        // Inside a surrogate pair: the character's start.
        let rope = Rope::from_str("😀a");
        assert_eq!(offset(&rope, Encoding::Utf16, Position { line: 0, character: 1 }), Some(0));
        assert_eq!(offset(&rope, Encoding::Utf16, Position { line: 5, character: 0 }), None);
    }

    #[test]
    fn closed_sources_agree_with_the_rope() {
        let text = "في 😀 عام 2020\r\nسطر";
        let rope = Rope::from_str(text);
        let lines = LineIndex::new(text);
        for encoding in [Encoding::Utf8, Encoding::Utf16] {
            let span = Span::new(text.find("2020").unwrap(), text.find("سطر").unwrap());
            assert_eq!(range_in(text, &lines, encoding, span), range(&rope, encoding, span));
        }
    }

    /// Pieces articles are made of, including what breaks naive position code: diacritics,
    /// astral and joined emoji, all three line breaks, U+2028 (not a line break in LSP), a
    /// BOM, Arabic-Indic digits.
    fn piece() -> impl proptest::strategy::Strategy<Value = &'static str> {
        proptest::sample::select(vec![
            "ا",
            "بَ",
            "ّ",
            "ـ",
            "ء",
            "😀",
            "👨‍👩‍👧",
            "\r\n",
            "\n",
            "\r",
            "\u{2028}",
            "\u{85}",
            "a",
            " ",
            "٣",
            "\u{feff}",
            "é",
        ])
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(256))]

        /// Byte → position → byte is the identity everywhere LSP can name, in both encodings,
        /// and open (rope) and closed (line index) sources give the same positions.
        #[test]
        fn positions_round_trip_and_agree(pieces in proptest::collection::vec(piece(), 0..60)) {
            let text: String = pieces.concat();
            let rope = Rope::from_str(&text);
            let lines = LineIndex::new(&text);
            let boundaries = text.char_indices().map(|(i, _)| i).chain([text.len()]);
            for byte in boundaries {
                // Between \r and \n LSP can only name the line's end.
                let inside_crlf = text[..byte].ends_with('\r') && text[byte..].starts_with('\n');
                for encoding in [Encoding::Utf8, Encoding::Utf16] {
                    let pos = position(&rope, encoding, byte);
                    let span = Span::new(byte, byte);
                    proptest::prop_assert_eq!(range_in(&text, &lines, encoding, span).start, pos, "{:?} at {}", encoding, byte);
                    if !inside_crlf {
                        proptest::prop_assert_eq!(offset(&rope, encoding, pos), Some(byte), "{:?} at {}", encoding, byte);
                    }
                }
            }
        }
    }
}
