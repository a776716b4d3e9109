//! Pure data shared by every capability: where a payload comes from, what was found in it. No
//! I/O and no command-line knowledge.

pub mod channel;
pub mod event;
pub mod filter;
pub mod finding;
pub mod humanize;
pub mod json_type;
pub mod origin;
pub mod vocabulary;
