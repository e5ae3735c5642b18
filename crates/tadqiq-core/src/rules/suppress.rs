//! Suppression comments in an article, as linters' users expect them:
//!
//! - `<!-- tadqiq-disable-next-line CODE … -->` alone on a line silences those codes on the
//!   next line;
//! - `<!-- tadqiq-disable CODE … -->` silences them from there until
//!   `<!-- tadqiq-enable CODE … -->` (or the end of the article);
//! - `<!-- tadqiq-disable-file CODE … -->` anywhere silences them in the whole article.
//!
//! With no code named, a comment silences every code. HTML comments work in `.txt` too. The
//! comments are read once per article (O(n)); each finding is then looked up by binary search.

use crate::extract::Span;
use crate::workspace::Doc;

/// What an article's comments silence.
#[derive(Debug, Default)]
pub struct Suppressions {
    /// (range silenced, codes; empty = all), in text order of their start.
    ranges: Vec<(Span, Vec<String>)>,
}

impl Suppressions {
    pub fn of(doc: &Doc) -> Suppressions {
        let text = &doc.text;
        if !text.contains("tadqiq-") {
            return Suppressions::default();
        }
        let lines = doc.lines();
        let mut ranges: Vec<(Span, Vec<String>)> = Vec::new();
        // Open blocks: codes (empty = all) and where each began.
        let mut open: Vec<(usize, Vec<String>)> = Vec::new();
        for (start, _) in text.match_indices("<!--") {
            let Some(len) = text[start..].find("-->") else { break };
            let end = start + len + 3;
            let inner = &text[start + 4..end - 3];
            let mut words = inner.split_whitespace();
            let directive = words.next().unwrap_or("");
            let codes: Vec<String> = words.map(str::to_string).collect();
            match directive {
                "tadqiq-disable-next-line" => {
                    // Only as a line of its own: the next line is silenced.
                    let line = lines.position(text, start).line;
                    if lines.position(text, end).line != line || !alone_on_its_line(text, start, end) {
                        continue;
                    }
                    if let Some(next) = lines.line_span(text, line + 1) {
                        ranges.push((next, codes));
                    }
                }
                "tadqiq-disable" => open.push((end, codes)),
                "tadqiq-enable" => {
                    // Closes the blocks it names (all, when it names none).
                    let mut still = Vec::new();
                    for (from, block) in open.drain(..) {
                        if codes.is_empty() || block.iter().all(|c| codes.contains(c)) && !block.is_empty() {
                            ranges.push((Span::new(from, start), block));
                        } else if block.is_empty() {
                            // A block of every code closed for some: the rest stay silenced.
                            ranges.push((Span::new(from, start), Vec::new()));
                            still.push((start, Vec::new()));
                        } else {
                            let left: Vec<String> = block.iter().filter(|c| !codes.contains(c)).cloned().collect();
                            ranges.push((Span::new(from, start), block));
                            if !left.is_empty() {
                                still.push((start, left));
                            }
                        }
                    }
                    open = still;
                }
                "tadqiq-disable-file" => ranges.push((Span::new(0, text.len()), codes)),
                _ => {}
            }
        }
        for (from, codes) in open {
            ranges.push((Span::new(from, text.len()), codes));
        }
        ranges.sort_by_key(|(s, _)| s.start);
        Suppressions { ranges }
    }

    /// Whether a finding of `code` at `span` is silenced.
    pub fn silences(&self, code: &str, span: Span) -> bool {
        // Ranges may nest (a whole-file comment holds everything): look at every range that
        // starts at or before the finding.
        let until = self.ranges.partition_point(|(s, _)| s.start <= span.start);
        self.ranges[..until].iter().any(|(s, codes)| {
            span.start < s.end.max(s.start + 1) && (codes.is_empty() || codes.iter().any(|c| c == code))
        })
    }
}

fn alone_on_its_line(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].rsplit(['\n', '\r']).next().unwrap_or("");
    let after = text[end..].split(['\n', '\r']).next().unwrap_or("");
    before.trim().is_empty() && after.trim().is_empty()
}

#[cfg(test)]
mod tests {
    use super::super::test_support::workspace;
    use super::super::{RuleSettings, check};

    fn silenced(text: &str) -> Vec<String> {
        let ws = workspace(&[("a.md", text, None)]);
        let doc = ws.doc("a.md").unwrap();
        check(&ws, &RuleSettings::default()).iter().map(|f| doc.text[f.span.start..f.span.end].to_string()).collect()
    }

    #[test]
    fn next_line_block_and_file() {
        let text = "<!-- tadqiq-disable-next-line invalid-date -->\nفي 30 فبراير 2021\nفي 31 نيسان 2021";
        assert_eq!(silenced(text), ["31 نيسان 2021"]);
        let text = "<!-- tadqiq-disable-next-line -->\nفي 30 فبراير 2021";
        assert!(silenced(text).is_empty());
        let text = "<!-- tadqiq-disable-next-line weekday-mismatch -->\nفي 30 فبراير 2021";
        assert_eq!(silenced(text), ["30 فبراير 2021"]);
        // Not alone on its line: nothing is silenced.
        let text = "نص <!-- tadqiq-disable-next-line -->\nفي 30 فبراير 2021";
        assert_eq!(silenced(text), ["30 فبراير 2021"]);
        // A block, closed; the lines after it are checked again.
        let text = "في 29 شباط 2021\n<!-- tadqiq-disable invalid-date -->\nفي 30 فبراير 2021\nفي 31 نيسان 2021\n<!-- tadqiq-enable invalid-date -->\nفي 31 حزيران 2021";
        assert_eq!(silenced(text), ["29 شباط 2021", "31 حزيران 2021"]);
        // A block never closed runs to the end.
        let text = "في 29 شباط 2021\n<!-- tadqiq-disable -->\nفي 30 فبراير 2021\nفي 31 نيسان 2021";
        assert_eq!(silenced(text), ["29 شباط 2021"]);
        // The whole file, wherever the comment stands; another code is not silenced.
        let text = "في 30 فبراير 2021\n<!-- tadqiq-disable-file invalid-date -->";
        assert!(silenced(text).is_empty());
        let text = "في 30 فبراير 2021\n<!-- tadqiq-disable-file name-variant -->";
        assert_eq!(silenced(text), ["30 فبراير 2021"]);
        // CRLF and lone CR line breaks count as lines.
        let text = "<!-- tadqiq-disable-next-line -->\r\nفي 30 فبراير 2021\rفي 31 نيسان 2021";
        assert_eq!(silenced(text), ["31 نيسان 2021"]);
    }
}
