//! Byte offsets to lines and columns, for people (1-based, in characters) and for LSP
//! (0-based, in UTF-16 code units).

/// Where each line of a text starts. Lines end at `\n`; a `\r` before it belongs to the line,
/// as LSP counts it.
pub struct LineIndex {
    starts: Vec<usize>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Position {
    /// 0-based line.
    pub line: usize,
    /// 0-based column in UTF-16 code units (LSP's default `character`).
    pub utf16: usize,
    /// 0-based column in Unicode scalar values (what a person counts).
    pub chars: usize,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { starts }
    }

    /// The position of byte `offset` (clamped to the text, and back to a character boundary).
    pub fn position(&self, text: &str, offset: usize) -> Position {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let before = &text[self.starts[line]..offset];
        Position { line, utf16: before.encode_utf16().count(), chars: before.chars().count() }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arabic_and_astral_columns() {
        let text = "سطر\r\nفي 😀 2020";
        let idx = LineIndex::new(text);
        let at = text.find("2020").unwrap();
        assert_eq!(idx.position(text, at), Position { line: 1, utf16: 6, chars: 5 });
        assert_eq!(idx.position(text, 0), Position { line: 0, utf16: 0, chars: 0 });
        assert_eq!(idx.position(text, text.len() + 5).line, 1);
    }
}
