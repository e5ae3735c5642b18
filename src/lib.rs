//! tadqiq (تدقيق, "checking"): finds dates, figures and durations in Arabic news articles and
//! checks them for consistency across sources.
//!
//! The core takes text and returns mentions with byte spans; it does no IO and knows nothing of
//! the command line or of editors. [`source`] turns bytes on disk into text, [`cli`] is the
//! `tadqiq` binary.

pub mod analysis;
pub mod calendar;
pub mod cli;
pub mod config;
pub mod entities;
pub mod extract;
pub mod invariants;
pub mod lexicon;
pub mod phrases;
pub mod position;
pub mod rules;
pub mod server;
pub mod source;
pub mod text;
pub mod workspace;
