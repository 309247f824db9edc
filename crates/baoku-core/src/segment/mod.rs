//! The page segmenter: PDF-extracted page text → the articles a reader
//! recognises.
//!
//! The page is read in layout order and every line classified (text, byline,
//! 本报讯 lead, heading, page furniture). Article boundaries come from
//! bylines and leads; headings that sit between articles are then given to
//! the neighbour whose body shares most of their wording, with a per-page
//! preference (headlines printed before or after their body) settling weak
//! cases. Nothing here names a particular paper's articles: the rules are
//! about layout and the conventions of Chinese news typography.

//!
//! | module | layout rule it owns |
//! |---|---|
//! | `interleave` | columns read line by line across a row re-read column by column |
//! | `lines` | what one line is: text, lead, byline, heading, pointer, furniture |
//! | `blocks` | interleaved article and caption columns re-paired |
//! | `units` | grouping lines into heading blocks, body runs, leads, bylines |
//! | `runin` | a headline set straight above its body, no blank line between |
//! | `headings` | what can be a headline; kicker / headline / subheadline |
//! | `bylines` | role words and names |
//! | `drafts` | article boundaries |
//! | `notices` | a notice's addressee line starts a new item |
//! | `groups` | a run of headings read together, matched to articles by wording |
//! | `owners` | which article a heading belongs to |
//! | `lexicon` | a break inside a dictionary word: the text runs on across it |
//! | `splices` | a column read out of order between two others goes back into the seam it mends |
//! | `threads` | an article's next column read after another article |
//! | `wording` | a block's words: own pairs, counted points, quotes it closes |
//! | `captions` | a caption's dated opening left at the end of another story |
//! | `sidebars` | a sidebar interleaved with its article |
//! | `tails` | an article's signed last lines read on their own |
//! | `splits` | two stories (a headline row, one run of text) read as one |
//! | `strays` | a column no rule gave to its article joins the one it shares wording with |
//! | `paragraphs` | joining hard-wrapped lines into paragraphs |
//! | `account` | nothing lost: kept fields plus reported furniture |
//! | `page` | drafts → articles; datelines, issue date, places, ids |

mod account;
mod blocks;
mod bylines;
mod captions;
mod drafts;
mod groups;
mod headings;
mod interleave;
mod lexicon;
mod lines;
mod notices;
mod owners;
mod page;
mod paragraphs;
mod runin;
mod sidebars;
mod splices;
mod splits;
mod strays;
mod tails;
mod threads;
mod units;
mod wording;

#[cfg(test)]
mod tests;

pub use account::{han_count, PageReport};
pub use bylines::{parse_byline, Byline};
pub use page::{infer_issue_date, segment_page, segment_page_report};

/// A caption is short: longer text before a byline is an article body.
const CAPTION_MAX: usize = 400;
/// Longest heading line, in characters.
const HEADING_LINE_MAX: usize = 40;

/// Diagnostics only (the `oracle` feature, on in tests and examples): a
/// page's runs read across columns, re-read column by column.
#[cfg(feature = "oracle")]
#[doc(hidden)]
pub fn deinterleave_page(text: &str) -> String {
    interleave::deinterleave(text).into_owned()
}
