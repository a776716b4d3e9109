//! Keeps the README and the changelog honest.

use crate::util::{Output, hlmsg, path, records};

fn readme() -> String {
    std::fs::read_to_string(path("README.md")).unwrap()
}

#[test]
fn readme_lists_every_rule() {
    let text = readme();
    for rule in hlmsg::validate::lint::RULES {
        assert!(
            text.contains(&format!("`{}`", rule.name)),
            "README.md does not document rule {}",
            rule.name
        );
    }
}

#[test]
fn readme_quick_start_summary_matches_the_samples() {
    let r = hlmsg(&["validate", "samples/"], None);
    let quoted = format!("`{}`", r.last_line());
    assert!(
        readme().contains(&quoted),
        "README.md should quote the summary line {quoted}"
    );
}

#[test]
fn readme_shows_the_test_command_and_ci_runs_it() {
    assert!(readme().contains("cargo test"));
    let ci = std::fs::read_to_string(path(".ci/run")).unwrap();
    assert!(ci.contains("cargo test --locked"));
}

#[test]
fn changelog_has_an_unreleased_section() {
    let text = std::fs::read_to_string(path("CHANGELOG.md")).unwrap();
    assert!(text.contains("## Unreleased"));
    assert!(text.contains("### Features"));
}

/// The `hlmsg diff` examples in the README are real output (issue 4).
#[test]
fn readme_diff_examples_match_the_output() {
    let text = readme();
    let runs: [&[&str]; 4] = [
        &[
            "diff",
            "tests/fixtures/diff/left.json",
            "tests/fixtures/diff/right.json",
        ],
        &["diff", "samples/sms.json", "samples/sms.json"],
        &[
            "diff",
            "tests/fixtures/diff/monday.ndjson",
            "tests/fixtures/diff/tuesday.ndjson",
        ],
        &[
            "diff",
            "tests/fixtures/diff/left.json",
            "tests/fixtures/diff/right.json",
            "--ignore-ids",
            "--ignore",
            "/attachments",
            "--ignore",
            "/meta",
            "--format",
            "json-patch",
        ],
    ];
    for args in runs {
        let command = format!("$ hlmsg {}", args.join(" "));
        assert!(text.contains(&command), "README.md should show {command}");
        let r = hlmsg(args, None);
        for line in r.stdout.lines() {
            assert!(
                text.contains(line),
                "README.md should quote the line {line:?} of {command}"
            );
        }
    }
}

/// The `hlmsg diff --schema` examples in the README are real output (issue 9).
#[test]
fn readme_drift_examples_match_the_output() {
    let text = readme();
    let capture = ["diff", "--schema", "tests/fixtures/drift/calls.ndjson"];
    assert!(text.contains(&format!("$ hlmsg {}", capture.join(" "))));
    let r = hlmsg(&capture, None);
    assert_eq!(r.code, 1);
    for line in r.stdout.lines().filter(|l| !l.is_empty()) {
        assert!(
            text.contains(line),
            "README.md should quote the line {line:?}"
        );
    }
    // The one-payload example is an excerpt: each line shown is a line of the output.
    let one = ["diff", "--schema", "email", "samples/email.json"];
    let command = format!("$ hlmsg {}", one.join(" "));
    let shown: Vec<&str> = text
        .split(&command)
        .nth(1)
        .expect("README.md shows the one-payload example")
        .lines()
        .skip(1)
        .take_while(|l| *l != "…")
        .collect();
    let r = hlmsg(&one, None);
    assert!(shown.len() > 3);
    for line in shown {
        assert!(
            r.stdout.lines().any(|l| l == line),
            "not in the output: {line:?}"
        );
    }
    // The JSON lines shown are lines of --format json.
    let r = hlmsg(&[&capture[..], &["--format", "json"]].concat(), None);
    r.records(Output::DiffSchema);
    let quoted: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| {
            l.starts_with("{\"kind\":\"field\",\"schema\"")
                || l.starts_with("{\"kind\":\"summary\",\"payloads\"")
        })
        .collect();
    assert_eq!(quoted.len(), 2);
    // What the README shows fits the output schema too.
    records(Output::DiffSchema, &format!("{}\n", quoted.join("\n")));
    for line in quoted {
        assert!(
            r.stdout.lines().any(|l| l == line),
            "not in the output: {line}"
        );
    }
}

#[test]
fn readme_channel_table_names_every_type_name_and_event() {
    use hlmsg::model::channel::{TYPE_EXTRA_NAMES, TYPE_NAMES};
    let text = readme();
    let section = text
        .split("## Mixed captures")
        .nth(1)
        .expect("README.md has a Mixed captures section");
    for (name, channel, _) in TYPE_NAMES.iter().chain(TYPE_EXTRA_NAMES) {
        let row = section
            .lines()
            .find(|l| l.contains(&format!("`{name}`")))
            .unwrap_or_else(|| panic!("README.md's channel table lacks {name}"));
        assert!(
            row.starts_with(&format!("| {} |", channel.name())),
            "{name} is in the wrong row: {row}"
        );
    }
    for event in hlmsg::model::event::MESSAGE_EVENTS {
        assert!(section.contains(&format!("`{event}`")), "{event}");
    }
}

/// The shell lines of the README's fenced block after `heading`, without comments and without
/// the lines for shells this test does not run.
fn install_lines(heading: &str) -> Vec<String> {
    let text = readme();
    let after = text.split(heading).nth(1).unwrap();
    let block = after
        .split("```sh\n")
        .nth(1)
        .unwrap()
        .split("```")
        .next()
        .unwrap();
    block
        .lines()
        .map(|l| l.split("  #").next().unwrap().trim().to_string())
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .filter(|l| !l.contains("powershell") && !l.contains("elvish") && !l.contains("man -l"))
        .collect()
}

/// Every install line of the README works on a fresh account: run with an empty HOME, the
/// binary on PATH and nothing else.
#[test]
fn readme_install_lines_work_on_a_fresh_account() {
    let home = tempfile::tempdir().unwrap();
    let bin = std::path::PathBuf::from(env!("CARGO_BIN_EXE_hlmsg"));
    let path_var = format!("{}:/usr/bin:/bin", bin.parent().unwrap().display());
    let mut lines = install_lines("### Shell completions");
    lines.extend(install_lines("### Man page"));
    assert!(lines.len() >= 8, "{lines:?}");
    for line in &lines {
        let out = std::process::Command::new("sh")
            .args(["-c", line])
            .env_clear()
            .env("HOME", home.path())
            .env("PATH", &path_var)
            .env("MANPAGER", "cat")
            .env("PAGER", "cat")
            .output()
            .unwrap();
        let man_missing = line.contains(" man ") && out.status.code() == Some(127);
        assert!(
            out.status.success() || man_missing,
            "{line}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    for file in [
        ".local/share/bash-completion/completions/hlmsg",
        ".zfunc/_hlmsg",
        ".config/fish/completions/hlmsg.fish",
        ".local/share/man/man1/hlmsg-validate.1",
        ".zshrc",
    ] {
        let len = std::fs::metadata(home.path().join(file)).map_or(0, |m| m.len());
        assert!(len > 0, "{file} was not written");
    }
}
