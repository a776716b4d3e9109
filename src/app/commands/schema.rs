//! `hlmsg schema`: print a bundled schema exactly as embedded, or list them with their `$id`.

use clap::Args;

use crate::app::cli::shared::Published;
use crate::app::driver::Io;
use crate::app::exit::{self, Outcome};
use crate::validate::schema::Bundled;

/// `hlmsg schema`.
#[derive(Debug, Clone, Args)]
pub struct SchemaArgs {
    /// Which schema: message (every channel but email) or email.
    #[arg(value_enum, value_name = "NAME", default_value_t = Bundled::Message)]
    pub name: Bundled,

    /// The published schema.
    #[command(flatten)]
    pub published: Published,

    /// List the bundled schemas with their $id instead.
    #[arg(short = 'l', long, conflicts_with_all = ["name", "published"])]
    pub list: bool,
}

/// The examples and exit codes of `--help`.
pub fn after_help() -> String {
    exit::after_help(
        "  hlmsg schema > message.schema.json               # the refined message schema
  hlmsg schema email --published                   # the email schema as HighLevel publishes it
  hlmsg schema --list",
        "the schema (or the list) was printed",
        None,
        Some("bad arguments, an output error"),
    )
}

/// One bundled schema, as `--list` shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listed {
    /// How to print it: `message`, `email --published`, ...
    pub command: String,
    /// Its `$id`, when it has one.
    pub id: Option<String>,
    /// What it is.
    pub about: &'static str,
}

/// Every bundled schema, refined ones first.
pub fn list() -> Vec<Listed> {
    let mut out = Vec::new();
    for published in [false, true] {
        for b in Bundled::ALL {
            let id = serde_json::from_str::<serde_json::Value>(b.text(published))
                .ok()
                .and_then(|v| v.get("$id").and_then(|id| id.as_str()).map(str::to_string));
            let about = match (b, published) {
                (Bundled::Message, false) => "hlmsg's refined schema for every channel but email",
                (Bundled::Email, false) => "hlmsg's refined schema for email",
                (Bundled::Message, true) => "the Message Schema as HighLevel publishes it",
                (Bundled::Email, true) => "the Email Message Schema as HighLevel publishes it",
            };
            let command = if published {
                format!("{} --published", b.name())
            } else {
                b.name().to_string()
            };
            out.push(Listed { command, id, about });
        }
    }
    out
}

/// Runs `schema`.
pub fn run(args: &SchemaArgs, io: &mut Io<'_>) -> anyhow::Result<Outcome> {
    if args.list {
        let rows = list();
        let width = rows.iter().map(|r| r.command.len()).max().unwrap_or(0);
        let id_width = rows
            .iter()
            .map(|r| r.id.as_deref().map_or(9, str::len))
            .max()
            .unwrap_or(0);
        for r in rows {
            let id = r.id.as_deref().unwrap_or("(no $id)");
            writeln!(
                io.out,
                "{:width$}  {:id_width$}  {}",
                r.command, id, r.about
            )?;
        }
    } else {
        io.out
            .write_all(args.name.text(args.published.published).as_bytes())?;
    }
    io.out.flush()?;
    Ok(Outcome::Success)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refined_schemas_have_ids_and_published_ones_do_not() {
        let rows = list();
        assert_eq!(rows.len(), 4);
        assert_eq!(rows[0].id.as_deref(), Some("urn:hlmsg:schema:message"));
        assert_eq!(rows[1].id.as_deref(), Some("urn:hlmsg:schema:email"));
        assert!(rows[2].id.is_none() && rows[3].id.is_none());
        assert_eq!(rows[3].command, "email --published");
    }
}
