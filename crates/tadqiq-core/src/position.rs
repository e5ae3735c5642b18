//! Byte offsets to lines and columns, for people (1-based, in characters) and for LSP
//! (0-based, in UTF-16 code units), in O(log n) however long a line is.

/// Where each line of a text starts, and checkpoints every [`STRIDE`] bytes inside lines, so
/// a position never rescans more than a stride: articles pasted as one 5 MB line are real.
/// Lines end at `\n`, `\r\n` or a lone `\r`, the three breaks LSP names (and editors show);
/// no other character (U+2028, U+0085) ends a line.
pub struct LineIndex {
    starts: Vec<usize>,
    /// (byte offset, UTF-16 units and characters since its line's start), ascending.
    checkpoints: Vec<(usize, usize, usize)>,
}

const STRIDE: usize = 256;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Position {
    /// 0-based line.
    pub line: usize,
    /// 0-based column in UTF-16 code units (LSP's default `character`).
    pub utf16: usize,
    /// 0-based column in Unicode scalar values (what a person counts).
    pub chars: usize,
    /// 0-based column in UTF-8 bytes (LSP's `utf-8` position encoding).
    pub utf8: usize,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        // Bytes, not chars: `\n` and `\r` never occur inside a multi-byte sequence, so lines
        // are found with memchr, and columns are counted a stride at a time (see `columns`).
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        let mut checkpoints = Vec::new();
        let mut line_start = 0;
        loop {
            let end = memchr::memchr2(b'\n', b'\r', &bytes[line_start..]).map_or(bytes.len(), |i| line_start + i);
            let (mut from, mut utf16, mut chars) = (line_start, 0, 0);
            let mut at = line_start + STRIDE;
            while at < end {
                while at < end && is_continuation(bytes[at]) {
                    at += 1;
                }
                if at == end {
                    break;
                }
                let (u, c) = columns(&bytes[from..at]);
                (utf16, chars) = (utf16 + u, chars + c);
                checkpoints.push((at, utf16, chars));
                from = at;
                at += STRIDE;
            }
            if end == bytes.len() {
                break;
            }
            line_start = if bytes[end] == b'\r' && bytes.get(end + 1) == Some(&b'\n') { end + 2 } else { end + 1 };
            starts.push(line_start);
        }
        LineIndex { starts, checkpoints }
    }

    /// The position of byte `offset` (clamped to the text, and back to a character boundary).
    pub fn position(&self, text: &str, offset: usize) -> Position {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let line_start = self.starts[line];
        // The last checkpoint at or before the offset, if it is on this line.
        let at = self.checkpoints.partition_point(|c| c.0 <= offset);
        let (from, utf16, chars) = match at.checked_sub(1).map(|k| self.checkpoints[k]) {
            Some(c) if c.0 >= line_start => c,
            _ => (line_start, 0, 0),
        };
        let (rest_utf16, rest_chars) = columns(&text.as_bytes()[from..offset]);
        Position { line, utf16: utf16 + rest_utf16, chars: chars + rest_chars, utf8: offset - line_start }
    }
}

impl LineIndex {
    /// The span of line `line` (0-based) without its break, if the text has that line.
    pub fn line_span(&self, text: &str, line: usize) -> Option<crate::extract::Span> {
        let start = *self.starts.get(line)?;
        let next = self.starts.get(line + 1).copied().unwrap_or(text.len());
        let mut end = next;
        while end > start && matches!(text.as_bytes()[end - 1], b'\n' | b'\r') {
            end -= 1;
        }
        Some(crate::extract::Span::new(start, end))
    }
}

fn is_continuation(b: u8) -> bool {
    b & 0xC0 == 0x80
}

/// UTF-16 units and characters in whole characters of UTF-8, counted byte by byte
/// (positions are asked for every mention of every article). Counted in bytes, 255 at a time:
/// the compiler then adds 32 bytes to 32 counters at once, where counting in `usize` it
/// widened every byte to 64 bits first (fifteen times slower; a tenth of a re-check's
/// instructions went to indexing lines).
fn columns(bytes: &[u8]) -> (usize, usize) {
    let (mut chars, mut astral) = (0, 0);
    for chunk in bytes.chunks(255) {
        let (mut c, mut a) = (0u8, 0u8);
        for &b in chunk {
            c += u8::from(!is_continuation(b));
            a += u8::from(b >= 0xF0);
        }
        chars += usize::from(c);
        astral += usize::from(a);
    }
    (chars + astral, chars)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arabic_and_astral_columns() {
        let text = "سطر\r\nفي 😀 2020";
        let idx = LineIndex::new(text);
        let at = text.find("2020").unwrap();
        assert_eq!(idx.position(text, at), Position { line: 1, utf16: 6, chars: 5, utf8: 10 });
        assert_eq!(idx.position(text, 0), Position { line: 0, utf16: 0, chars: 0, utf8: 0 });
        assert_eq!(idx.position(text, text.len() + 5).line, 1);
    }

    #[test]
    fn long_lines_agree_with_a_scan() {
        let line = "في 😀 عام 2020، ".repeat(200);
        let text = format!("{line}\n{line}\r\n{line}");
        let idx = LineIndex::new(&text);
        for offset in (0..text.len()).step_by(37) {
            let mut o = offset;
            while !text.is_char_boundary(o) {
                o -= 1;
            }
            let line_start = text[..o].rfind('\n').map_or(0, |i| i + 1);
            let before = &text[line_start..o];
            let want = Position {
                line: text[..o].matches('\n').count(),
                utf16: before.encode_utf16().count(),
                chars: before.chars().count(),
                utf8: before.len(),
            };
            assert_eq!(idx.position(&text, offset), want, "at {offset}");
        }
    }
}
