//! `--help` teaches each subcommand, and the README's command reference is its help (issue 8).

use assert_cmd::Command;
use clap::CommandFactory;

fn subcommands() -> Vec<String> {
    hlmsg::app::cli::Cli::command()
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect()
}

/// `hlmsg NAME --help` at the width clap uses off a terminal.
fn help(name: &str) -> String {
    let out = Command::cargo_bin("hlmsg")
        .unwrap()
        .args([name, "--help"])
        .env("COLUMNS", "100")
        .output()
        .unwrap();
    assert!(out.status.success(), "hlmsg {name} --help failed");
    String::from_utf8(out.stdout).unwrap()
}

/// The parts of a subcommand's help that the README quotes.
struct Parts {
    summary: String,
    paragraphs_before_usage: usize,
    usage: String,
    after: String,
    examples: Vec<String>,
}

fn parts(name: &str) -> Parts {
    let text = help(name);
    let head = &text[..text.find("\nUsage: ").expect("a usage line")];
    let summary = head
        .split("\n\n")
        .next()
        .unwrap()
        .lines()
        .collect::<Vec<_>>()
        .join(" ");
    let usage = text
        .lines()
        .find(|l| l.starts_with("Usage: "))
        .unwrap()
        .to_string();
    let after = text[text.find("\nExamples:\n").expect("examples") + 1..]
        .trim_end()
        .to_string();
    let examples = after
        .lines()
        .skip(1)
        .take_while(|l| !l.is_empty())
        .map(str::to_string)
        .collect();
    Parts {
        summary,
        paragraphs_before_usage: head.trim().split("\n\n").count(),
        usage,
        after,
        examples,
    }
}

#[test]
fn every_subcommand_has_a_summary_a_description_and_examples() {
    for name in subcommands() {
        let p = parts(&name);
        assert!(
            p.summary.len() <= 100 && p.summary.ends_with('.'),
            "{name}: the summary should be one sentence on one line: {:?}",
            p.summary
        );
        assert!(
            p.paragraphs_before_usage >= 2,
            "{name}: --help needs a longer description after the summary"
        );
        assert!(
            (2..=4).contains(&p.examples.len()),
            "{name}: two to four examples, found {:?}",
            p.examples
        );
        for example in &p.examples {
            assert!(
                example.starts_with("  ") && example.contains("hlmsg"),
                "{name}: an example line is wrapped or is not a command: {example:?}"
            );
        }
        assert!(p.after.contains("\nExit codes"), "{name}: no exit codes");
    }
}

/// The command reference, as the README must hold it between its markers.
fn reference() -> String {
    let mut out = String::new();
    for name in subcommands() {
        let p = parts(&name);
        out.push_str(&format!(
            "### `hlmsg {name}`\n\n{}\n\n```text\n{}\n\n{}\n```\n\n",
            p.summary, p.usage, p.after
        ));
    }
    out.trim_end().to_string() + "\n"
}

#[test]
fn readme_command_reference_matches_help() {
    crate::util::readme_block(
        "usage",
        &reference(),
        "`hlmsg SUBCOMMAND --help`",
        "readme_command_reference",
    );
}
