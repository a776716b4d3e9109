//! Keeps the README and the changelog honest.

use crate::util::{hlmsg, path};

fn readme() -> String {
    std::fs::read_to_string(path("README.md")).unwrap()
}

#[test]
fn readme_lists_every_rule() {
    let text = readme();
    for rule in hlmsg::lint::RULES {
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
