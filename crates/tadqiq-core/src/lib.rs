//! tadqiq's language core: finds dates, figures, durations and entities in Arabic news
//! articles and checks them for consistency across sources.
//!
//! Text flows one way: [`source`] turns bytes into text; [`text`] cuts it into tokens;
//! [`lexicon`] and [`phrases`] look the tokens up in the language data; [`extract`] reads dates,
//! figures and durations; [`entities`] recognises who and what; [`analysis`] puts one article
//! together; [`workspace`] holds every source of a story with one id per entity across them;
//! [`claims`] keys dated and counted statements for comparison; [`rules`] finds what
//! disagrees; [`query`] answers the front ends' questions (what stands here, where else);
//! [`report`] gathers the story at a glance (events, quantities, entities, findings).
//! [`sorted`] is the chunked sequence the server's indexes share between snapshots; [`shared`]
//! keeps one copy of each string the sources share, and reads the cache's strings into it.
//! Spans are byte offsets into the article's text throughout; lines and columns come from
//! [`position`].

pub mod analysis;
pub mod cache;
pub mod calendar;
pub mod claims;
pub mod config;
mod cost;
pub mod entities;
pub mod extract;
pub mod files;
pub mod lexicon;
pub mod messages;
pub mod phrases;
pub mod position;
pub mod query;
pub mod report;
pub mod rules;
pub mod shared;
pub mod sorted;
pub mod source;
pub mod text;
pub mod workspace;
