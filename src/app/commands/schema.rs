//! `hlmsg schema`: print a bundled schema exactly as embedded, or list them with their `$id`.

use clap::Args;

use crate::app::cli::shared::Published;
use crate::app::driver::Io;
use crate::app::exit::{self, Outcome};
use crate::render::listing::columns;
use crate::validate::schema::{Bundled, Listed, listing};

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

/// How to print a listed schema: `message`, `email --published`, ...
fn command(listed: &Listed) -> String {
    let name = listed.schema.name();
    if listed.published {
        format!("{name} --published")
    } else {
        name.to_string()
    }
}

/// Runs `schema`.
pub fn run(args: &SchemaArgs, io: &mut Io<'_>) -> anyhow::Result<Outcome> {
    if args.list {
        let rows: Vec<Vec<String>> = listing()
            .into_iter()
            .map(|r| {
                let id = r.id.clone().unwrap_or_else(|| "(no $id)".to_string());
                vec![command(&r), id, r.about.to_string()]
            })
            .collect();
        columns(io.out, &rows, io.out_width)?;
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
        let rows = listing();
        // Five refined schemas, then the two HighLevel publishes (for OutboundMessage only).
        assert_eq!(rows.len(), 7);
        let ids: Vec<_> = rows[..5].iter().map(|r| r.id.as_deref().unwrap()).collect();
        assert_eq!(
            ids,
            [
                "urn:hlmsg:schema:message",
                "urn:hlmsg:schema:email",
                "urn:hlmsg:schema:inbound",
                "urn:hlmsg:schema:inbound-email",
                "urn:hlmsg:schema:provider"
            ]
        );
        assert!(rows[5].id.is_none() && rows[6].id.is_none());
        assert_eq!(command(&rows[6]), "email --published");
        assert_eq!(command(&rows[0]), "message");
    }
}
