//! The arguments of the subcommands that fit hlmsg into its users' tools: `schema`, `sample`,
//! `completions` and `man`. Same rules as the rest of the command line (see [`crate::cli`]).

use clap::{Args, ValueEnum};

use crate::schema::Bundled;

pub(crate) const SCHEMA_AFTER_HELP: &str = "\
Examples:
  hlmsg schema > message.schema.json               # the refined message schema
  hlmsg schema email --published                   # the email schema as HighLevel publishes it
  hlmsg schema --list

Exit codes:
  0  the schema (or the list) was printed
  2  bad arguments, an output error";

/// A bundled schema's name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum SchemaName {
    /// For every channel but email.
    #[default]
    Message,
    /// For email.
    Email,
}

impl SchemaName {
    /// The bundled schema.
    pub fn bundled(self) -> Bundled {
        match self {
            SchemaName::Message => Bundled::Message,
            SchemaName::Email => Bundled::Email,
        }
    }
}

/// `hlmsg schema`.
#[derive(Debug, Clone, Args)]
pub struct SchemaArgs {
    /// Which schema: message (every channel but email) or email.
    #[arg(value_enum, value_name = "NAME", default_value_t = SchemaName::Message)]
    pub name: SchemaName,

    /// Print the schema exactly as HighLevel's documentation publishes it instead of hlmsg's
    /// refined one.
    #[arg(long)]
    pub published: bool,

    /// List the bundled schemas with their $id instead.
    #[arg(short = 'l', long, conflicts_with_all = ["name", "published"])]
    pub list: bool,
}
