//! One article analysed: its mentions with relative dates resolved against its publication date.

use crate::calendar::DateValue;
use crate::entities::{Gazetteer, LocalEntities, recognise};
use crate::extract::furniture::{self, Page};
use crate::extract::resolve::{FromText, published_from_text, resolve};
use crate::extract::{Mention, extract_keeping_index};
use crate::lexicon::LEXICON;
use crate::source::front_matter;
use crate::text::Tokens;

/// Where an article's publication date came from. The article's own front matter wins, then
/// `tadqiq.toml`, then `--published` (or the editor's `published` setting), then the text: a
/// day its prose states, a stamp of the page (`Dateline`), a year or month its prose states.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum PublishedSource {
    FrontMatter,
    Config,
    Flag,
    Inferred,
    Dateline,
}

impl PublishedSource {
    pub fn as_str(self) -> &'static str {
        match self {
            PublishedSource::FrontMatter => "front-matter",
            PublishedSource::Config => "config",
            PublishedSource::Flag => "flag",
            PublishedSource::Inferred => "inferred",
            PublishedSource::Dateline => "dateline",
        }
    }
}

#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct Analysis {
    pub mentions: Vec<Mention>,
    pub published: Option<(DateValue, PublishedSource)>,
    /// A front-matter `published:`/`date:` value that is not a date, to report to the user.
    pub unreadable_published: Option<String>,
    /// Who published the article, as its front matter says (`outlet:`).
    pub outlet: Option<String>,
    /// The page furniture around the article (menus, stamps, lists of other articles): its
    /// mentions are dates and figures, but no claim of the article and no rule reads them.
    pub furniture: Page,
}

impl Analysis {
    /// Whether a mention stands in page furniture.
    pub fn in_furniture(&self, m: &Mention) -> bool {
        self.furniture.contains(m.span)
    }

    /// The mentions of the article's own text, with their indexes: what claims and rules read.
    pub fn prose(&self) -> impl Iterator<Item = (usize, &Mention)> {
        self.mentions.iter().enumerate().filter(|(_, m)| !self.in_furniture(m))
    }
}

/// Analyses one article's dates, figures and durations. `given` is the publication date from
/// outside the text (config or flag), used when the article's front matter has none.
pub fn analyse(text: &str, given: Option<(DateValue, PublishedSource)>) -> Analysis {
    analyse_article(text, given, None).analysis
}

/// An article analysed, with the tokens of its body (the text after any front matter, from
/// byte `body_start`) for a caller that goes on to match names in them.
pub struct Analysed<'t> {
    pub analysis: Analysis,
    pub local: LocalEntities,
    pub body: Tokens<'t>,
    pub body_start: usize,
}

/// As [`analyse`], and the article's own entities when a gazetteer is given: the text is cut
/// into tokens and looked up in the language data once for both.
pub fn analyse_article<'t>(
    text: &'t str,
    given: Option<(DateValue, PublishedSource)>,
    gazetteer: Option<&Gazetteer>,
) -> Analysed<'t> {
    let fm = front_matter(text);
    let body_start = fm.as_ref().map_or(0, |f| f.body_start);
    // Spans are into the whole text from the start: front matter is not tokenized, and no span
    // needs shifting after it.
    let toks = Tokens::from(text, body_start);
    let ix = LEXICON.index(&toks);
    let mut local = match gazetteer {
        Some(g) => recognise(&toks, &ix, g),
        None => LocalEntities::default(),
    };
    let (mut mentions, ix) = extract_keeping_index(&toks, ix);
    let page = furniture::read(&toks, &ix, &mentions);
    // «شارك: فيسبوك | تويتر | واتساب»: buttons, not what the article names.
    if !page.shares.is_empty() {
        local.mentions.retain(|m| {
            let k = page.shares.partition_point(|s| s.end <= m.span.start);
            page.shares.get(k).is_none_or(|s| s.start >= m.span.end)
        });
    }
    let from_text = published_from_text(&mentions, &page);
    let published =
        fm.as_ref().and_then(|f| f.published).map(|p| (p, PublishedSource::FrontMatter)).or(given).or_else(|| {
            from_text.map(|(p, how)| match how {
                FromText::Stated => (p, PublishedSource::Inferred),
                FromText::Dateline => (p, PublishedSource::Dateline),
            })
        });
    resolve(text, &mut mentions, published.map(|p| p.0));
    let analysis = Analysis {
        mentions,
        published,
        outlet: fm.as_ref().and_then(|f| f.outlet.clone()),
        unreadable_published: fm.and_then(|f| f.unreadable_published),
        furniture: page,
    };
    Analysed { analysis, local, body: toks, body_start }
}
