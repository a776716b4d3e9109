//! `hlmsg rules`: every rule the linter can emit, each with a page whose example draws it.

use std::collections::BTreeSet;

use hlmsg::validate::rules::RULES;

use crate::util::{Output, hlmsg};

#[test]
fn the_list_names_every_rule_once() {
    let r = hlmsg(&["rules"], None);
    assert_eq!(r.code, 0);
    let listed: Vec<&str> = r
        .stdout
        .lines()
        .map(|l| l.split(' ').next().unwrap())
        .collect();
    let defined: Vec<&str> = RULES.iter().map(|r| r.name).collect();
    assert_eq!(listed, defined);
}

#[test]
fn every_rule_page_shows_an_example_that_draws_the_rule() {
    let dir = tempfile::tempdir().unwrap();
    let open = dir.path().join("open.schema.json");
    std::fs::write(&open, r#"{"type":"object"}"#).unwrap();
    for rule in RULES {
        let page = hlmsg(&["rules", rule.name], None);
        assert_eq!(page.code, 0, "{}", rule.name);
        assert!(page.stdout.contains(rule.example), "{}", rule.name);
        // The example, run the way the page says, draws the rule.
        let mut args = vec!["validate", "--format", "json"];
        let schema;
        match rule.schema {
            Some("open") => {
                schema = open.to_string_lossy().into_owned();
                args.extend(["--schema", &schema]);
            }
            Some(name) => args.extend(["--schema", name]),
            None => {}
        }
        let r = hlmsg(&args, Some(rule.example.as_bytes()));
        let recs = r.records(Output::Validate);
        let rules: Vec<&str> = recs[0]["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["rule"].as_str().unwrap())
            .collect();
        assert!(rules.contains(&rule.name), "{}: {rules:?}", rule.name);
        // The page quotes the finding when the bundled schemas draw it.
        if rule.schema != Some("open") {
            assert!(
                page.stdout.contains(&format!("[{}]", rule.name)),
                "{}: {}",
                rule.name,
                page.stdout
            );
        }
    }
}

#[test]
fn an_unknown_rule_is_an_error_that_lists_them() {
    let r = hlmsg(&["rules", "direction-not-outbond"], None);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("direction-not-outbound"), "{}", r.stderr);
    // A name copied with its brackets works.
    assert_eq!(hlmsg(&["rules", "[duplicate-key]"], None).code, 0);
}

/// The rule names validate emits over the samples, the fixtures and a generated capture with
/// invalid payloads: every one is a rule of `hlmsg rules`, a JSON Schema keyword or an input
/// rule.
#[test]
fn hlmsg_rules_covers_every_rule_the_linter_emits() {
    let generated = hlmsg(
        &[
            "sample",
            "--count",
            "2000",
            "--events",
            "--invalid-rate",
            "0.05",
        ],
        None,
    );
    let mut emitted = BTreeSet::new();
    let mut runs = vec![
        hlmsg(
            &[
                "validate",
                "--format",
                "json",
                "samples/",
                "tests/fixtures/",
            ],
            None,
        ),
        hlmsg(
            &["validate", "--format", "json"],
            Some(generated.stdout.as_bytes()),
        ),
    ];
    let dir = tempfile::tempdir().unwrap();
    let open = dir.path().join("open.schema.json");
    std::fs::write(&open, r#"{"type":"object"}"#).unwrap();
    let open = open.to_string_lossy().into_owned();
    for rule in RULES {
        let schema = match rule.schema {
            Some("open") => open.as_str(),
            Some(name) => name,
            None => "auto",
        };
        runs.push(hlmsg(
            &["validate", "--format", "json", "--schema", schema],
            Some(rule.example.as_bytes()),
        ));
    }
    for r in &runs {
        for rec in r.records(Output::Validate) {
            for d in rec["diagnostics"].as_array().into_iter().flatten() {
                emitted.insert(d["rule"].as_str().unwrap().to_string());
            }
        }
    }
    let listed: BTreeSet<&str> = RULES.iter().map(|r| r.name).collect();
    let keywords = [
        "type",
        "required",
        "const",
        "format",
        "minimum",
        "minLength",
        "enum",
        "items",
    ];
    let input = [
        "json",
        "no-payload",
        "not-object",
        "too-large",
        "too-deep",
        "more-findings",
    ];
    for rule in &emitted {
        assert!(
            listed.contains(rule.as_str())
                || keywords.contains(&rule.as_str())
                || input.contains(&rule.as_str()),
            "{rule} is emitted but neither listed by `hlmsg rules` nor a schema keyword"
        );
    }
    for rule in &listed {
        assert!(emitted.contains(*rule), "{rule} was never emitted");
    }
}

/// The README's table of rules is generated from the same definitions.
#[test]
fn readme_rules_table_matches_the_definitions() {
    let expected = hlmsg::render::rules::markdown(RULES);
    crate::util::readme_block("rules", &expected, "`hlmsg rules`", "readme_rules_table");
}
