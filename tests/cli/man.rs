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

#[test]
fn dir_writes_one_page_per_subcommand_that_man_finds() {
    let root = tempfile::tempdir().unwrap();
    let dir = root.path().join("man").join("man1");
    // A link planted at a page's name is replaced, not written through.
    std::fs::create_dir_all(&dir).unwrap();
    let victim = root.path().join("victim.txt");
    std::fs::write(&victim, "untouched").unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(&victim, dir.join("hlmsg-validate.1")).unwrap();
    let r = hlmsg(&["man", "--dir", dir.to_str().unwrap()], None);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "untouched");
    let mut expected = vec!["hlmsg.1".to_string()];
    expected.extend(subcommands().iter().map(|n| format!("hlmsg-{n}.1")));
    for name in &expected {
        let text = std::fs::read_to_string(dir.join(name)).unwrap();
        let title = name.trim_end_matches(".1");
        assert!(text.contains(&format!(".TH {title} 1")), "{name}");
        assert!(r.stdout.contains(name.as_str()), "{name} listed");
    }
    assert!(
        !std::fs::symlink_metadata(dir.join("hlmsg-validate.1"))
            .unwrap()
            .file_type()
            .is_symlink()
    );
    // The rules are on hlmsg's own page.
    let main = std::fs::read_to_string(dir.join("hlmsg.1")).unwrap();
    assert!(main.contains(".SH RULES") && main.contains("duplicate\\-key"));
    // man(1) finds a subcommand's page by its name.
    let found = Command::new("man")
        .args(["-w", "hlmsg-validate"])
        .env("MANPATH", root.path().join("man"))
        .output();
    if let Ok(out) = found
        && out.status.code().is_some()
    {
        let path = String::from_utf8_lossy(&out.stdout);
        assert!(path.trim().ends_with("hlmsg-validate.1"), "{path}");
    }
}
