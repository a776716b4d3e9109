//! Every byte a subcommand writes, one folder per subcommand and one file per format. Human
//! output is colored on a terminal and escaped always; machine formats (JSON Lines, GitHub
//! workflow commands, JUnit XML) never carry color. JSON Lines go through the one writer in
//! [`jsonl`].

pub mod classify;
pub mod diff;
pub mod drift;
pub mod drift_seen;
pub mod finding;
pub mod inline;
pub mod jsonl;
pub mod jsontext;
pub mod listing;
pub mod live;
pub mod progress;
pub mod rules;
pub mod show;
pub mod style;
pub mod validate;
pub mod verify;
pub mod width;
