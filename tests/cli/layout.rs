//! The code's layout keeps its promises (README, "How the code is laid out"): a thin main, small
//! files that say why they exist, clap only in the app layer, domain code that names no flag, and
//! no circle between the top-level modules.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use crate::util::path;

/// The top-level modules of the library.
const TOP: &[&str] = &[
    "app", "model", "input", "validate", "classify", "show", "diff", "drift", "verify", "sample",
    "render", "redact",
];

/// The domain modules: no command line, no terminal, no output.
const DOMAIN: &[&str] = &[
    "model", "input", "validate", "classify", "show", "diff", "drift", "verify", "sample", "redact",
];

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let p = entry.unwrap().path();
        if p.is_dir() {
            sources(&p, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push(p);
        }
    }
}

/// Every source file of src/ with its text before the first `#[cfg(test)]`.
fn files() -> Vec<(String, String)> {
    let root = path("src");
    let mut all = Vec::new();
    sources(&root, &mut all);
    all.sort();
    all.into_iter()
        .map(|p| {
            let text = std::fs::read_to_string(&p).unwrap();
            let code = match text.find("#[cfg(test)]") {
                Some(i) => text[..i].to_string(),
                None => text,
            };
            let rel = p
                .strip_prefix(&root)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            (rel, code)
        })
        .collect()
}

/// The top-level module a file of src/ belongs to.
fn top_module(rel: &str) -> &str {
    rel.split('/').next().unwrap().trim_end_matches(".rs")
}

#[test]
fn main_is_thin_and_files_are_small_and_say_why_they_exist() {
    let main = std::fs::read_to_string(path("src/main.rs")).unwrap();
    assert!(
        main.lines().count() <= 15,
        "src/main.rs has {} lines",
        main.lines().count()
    );
    for (rel, code) in files() {
        let lines = code.lines().count();
        assert!(
            lines <= 500,
            "src/{rel}: {lines} lines before its tests (at most 500)"
        );
        let full = std::fs::read_to_string(path("src").join(&rel)).unwrap();
        assert!(
            full.starts_with("//!"),
            "src/{rel} does not start with a //! comment"
        );
    }
}

#[test]
fn clap_is_known_only_to_the_app_layer() {
    for (rel, code) in files() {
        if top_module(&rel) == "app" {
            continue;
        }
        assert!(!code.contains("clap"), "src/{rel} mentions clap");
    }
}

#[test]
fn domain_messages_name_no_flag() {
    let flag = regex::Regex::new(r#""[^"\n]*--[a-z][a-z-]*"#).unwrap();
    for (rel, code) in files() {
        if !DOMAIN.contains(&top_module(&rel)) {
            continue;
        }
        for (n, line) in code.lines().enumerate() {
            let trimmed = line.trim_start();
            if trimmed.starts_with("//") {
                continue;
            }
            assert!(
                !flag.is_match(line),
                "src/{rel}:{}: a domain message names a flag: {line}",
                n + 1
            );
        }
    }
}

#[test]
fn top_level_modules_import_each_other_without_a_circle() {
    let uses = regex::Regex::new(r"crate::([a-z_]+)").unwrap();
    let mut edges: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for (rel, code) in files() {
        let from = top_module(&rel);
        let Some(from) = TOP.iter().find(|t| **t == from) else {
            continue;
        };
        for c in uses.captures_iter(&code) {
            if let Some(to) = TOP.iter().find(|t| **t == &c[1])
                && to != from
            {
                edges.entry(from).or_default().insert(to);
            }
        }
    }
    // Depth-first search for a path back to the start.
    for start in TOP {
        let mut stack = vec![vec![*start]];
        while let Some(route) = stack.pop() {
            let last = *route.last().unwrap();
            for next in edges.get(last).into_iter().flatten() {
                assert!(
                    next != start,
                    "import circle: {} -> {next}",
                    route.join(" -> ")
                );
                if !route.contains(next) {
                    let mut longer = route.clone();
                    longer.push(next);
                    stack.push(longer);
                }
            }
        }
    }
    // The domain never reaches up into the app or the renderers.
    for d in DOMAIN {
        for up in ["app", "render"] {
            assert!(
                !edges.get(d).is_some_and(|e| e.contains(up)),
                "src/{d} imports src/{up}"
            );
        }
    }
}
