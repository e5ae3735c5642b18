//! One article analysed: its mentions with relative dates resolved against its publication date.

use crate::calendar::DateValue;
use crate::extract::resolve::{infer_published, resolve};
use crate::extract::{Mention, Span, extract};
use crate::source::front_matter;

/// Where an article's publication date came from. The article's own front matter wins, then
/// `tadqiq.toml`, then `--published` (or the editor's `published` setting), then the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PublishedSource {
    FrontMatter,
    Config,
    Flag,
    Inferred,
}

impl PublishedSource {
    pub fn as_str(self) -> &'static str {
        match self {
            PublishedSource::FrontMatter => "front-matter",
            PublishedSource::Config => "config",
            PublishedSource::Flag => "flag",
            PublishedSource::Inferred => "inferred",
        }
    }
}

#[derive(Clone, Debug)]
pub struct Analysis {
    pub mentions: Vec<Mention>,
    pub published: Option<(DateValue, PublishedSource)>,
    /// A front-matter `published:`/`date:` value that is not a date, to report to the user.
    pub unreadable_published: Option<String>,
}

/// Analyses one article. `given` is the publication date from outside the text (config or
/// flag), used when the article's front matter has none.
pub fn analyse(text: &str, given: Option<(DateValue, PublishedSource)>) -> Analysis {
    let fm = front_matter(text);
    let body_start = fm.as_ref().map_or(0, |f| f.body_start);
    let mut mentions = extract(&text[body_start..]);
    if body_start > 0 {
        for m in &mut mentions {
            m.span = Span::new(m.span.start + body_start, m.span.end + body_start);
            if let crate::extract::MentionKind::Date(d) = &mut m.kind
                && let Some(p) = &mut d.paired
            {
                p.span = Span::new(p.span.start + body_start, p.span.end + body_start);
            }
        }
    }
    let published = fm
        .as_ref()
        .and_then(|f| f.published)
        .map(|p| (p, PublishedSource::FrontMatter))
        .or(given)
        .or_else(|| infer_published(&mentions).map(|p| (p, PublishedSource::Inferred)));
    resolve(&mut mentions, published.map(|p| p.0));
    Analysis { mentions, published, unreadable_published: fm.and_then(|f| f.unreadable_published) }
}
