//! `hlmsg man` (issue 8): one roff stream with a page for hlmsg and one per subcommand.

use std::io::Write;
use std::process::{Command, Stdio};

use clap::CommandFactory;

use crate::util::hlmsg;

fn subcommands() -> Vec<String> {
    hlmsg::app::cli::Cli::command()
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect()
}

#[test]
fn covers_every_subcommand() {
    let r = hlmsg(&["man"], None);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains(".TH hlmsg 1 "), "no page for hlmsg");
    let names = subcommands();
    assert!(names.len() >= 8, "{names:?}");
    for name in names {
        assert!(
            r.stdout.contains(&format!(".TH hlmsg-{name} 1")),
            "no page for hlmsg {name}"
        );
        // The subcommand's examples are on its page.
        let help = hlmsg(&[&name, "--help"], None).stdout;
        let example = help
            .lines()
            .skip_while(|l| *l != "Examples:")
            .nth(1)
            .unwrap_or_else(|| panic!("hlmsg {name} --help has no example"));
        let command = example.trim().split("  ").next().unwrap();
        let escaped = command.replace('-', "\\-");
        assert!(
            r.stdout.contains(command) || r.stdout.contains(&escaped),
            "the page of {name} lacks {command:?}"
        );
    }
}

#[test]
fn man_renders_it() {
    let Ok(mut child) = Command::new("man")
        .args(["-l", "-"])
        .env("MANWIDTH", "100")
        .env("MANPAGER", "cat")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
    else {
        return; // No man(1) on this machine.
    };
    let page = hlmsg(&["man"], None).stdout;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(page.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("hlmsg-validate"), "{text}");
    assert!(text.contains("SYNOPSIS"));
}
