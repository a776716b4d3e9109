//! Shell completions: the committed scripts in completions/ are exactly what the binary
//! generates, and the bash and zsh ones complete values where values are known.

use std::process::Command;

use crate::util::{hlmsg, path};

/// Each shell and the file its script is committed as.
const SCRIPTS: [(&str, &str); 5] = [
    ("bash", "hlmsg.bash"),
    ("zsh", "_hlmsg"),
    ("fish", "hlmsg.fish"),
    ("powershell", "_hlmsg.ps1"),
    ("elvish", "hlmsg.elv"),
];

const REGENERATE: &str = "sh completions/generate.sh";

#[test]
fn committed_scripts_match_the_binary() {
    let mut stale = Vec::new();
    for (shell, file) in SCRIPTS {
        let r = hlmsg(&["completions", shell], None);
        assert_eq!(r.code, 0, "{shell}: {}", r.stderr);
        assert!(r.stdout.contains("hlmsg"), "{shell}");
        let committed = std::fs::read_to_string(path("completions").join(file)).unwrap_or_default();
        if committed != r.stdout {
            stale.push(format!("completions/{file}"));
        }
    }
    assert!(
        stale.is_empty(),
        "{} {} from what `hlmsg completions SHELL` prints now; regenerate the scripts with:\n\n    {REGENERATE}\n",
        stale.join(", "),
        if stale.len() == 1 {
            "differs"
        } else {
            "differ"
        }
    );
}

#[test]
fn the_folder_holds_only_the_scripts_and_their_generator() {
    let script = std::fs::read_to_string(path("completions/generate.sh")).unwrap();
    let mut names: Vec<String> = std::fs::read_dir(path("completions"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    let mut expected: Vec<String> = SCRIPTS.iter().map(|(_, f)| f.to_string()).collect();
    expected.push("generate.sh".to_string());
    expected.sort();
    assert_eq!(names, expected);
    for (shell, file) in SCRIPTS {
        assert!(
            script.contains(&format!("{shell}:{file}")),
            "generate.sh misses {shell}"
        );
    }
}

#[test]
fn bash_completes_subcommands_and_values() {
    if Command::new("bash").arg("--version").output().is_err() {
        return;
    }
    let run = |words: &str, cword: usize| {
        let script = format!(
            "source completions/hlmsg.bash; COMP_WORDS=({words}); COMP_CWORD={cword}; \
             _hlmsg hlmsg \"${{COMP_WORDS[COMP_CWORD]}}\" \"${{COMP_WORDS[COMP_CWORD-1]}}\"; \
             echo \"${{COMPREPLY[@]}}\""
        );
        let out = Command::new("bash")
            .current_dir(path(""))
            .args(["--norc", "-c", &script])
            .output()
            .unwrap();
        String::from_utf8(out.stdout).unwrap().trim().to_string()
    };
    assert_eq!(run("hlmsg sa", 1), "sample");
    assert_eq!(run("hlmsg sample --channel l", 3), "live-chat");
    assert!(run("hlmsg validate --format ''", 3).contains("github"));
    assert!(run("hlmsg completions ''", 2).contains("powershell"));
    // Values, not file names, where the values are known.
    assert_eq!(run("hlmsg classify --only whats", 3), "whatsapp");
    assert_eq!(run("hlmsg classify --event ContactC", 3), "ContactCreate");
    assert_eq!(run("hlmsg validate --event inb", 3), "inbound");
    assert_eq!(run("hlmsg sample inbound-e", 2), "inbound-email");
    assert!(run("hlmsg show --format ''", 3).contains("compact"));
    // --schema: the bundled names, then files.
    let schema = run("hlmsg validate --schema inb", 3);
    assert!(schema.contains("inbound inbound-email"), "{schema}");
    let files = run("hlmsg validate --schema schemas/inb", 3);
    assert!(files.contains("schemas/inbound.schema.json"), "{files}");
}

/// What zsh lists for `line` followed by Tab, with the committed `_hlmsg` loaded by compinit:
/// an interactive zsh on a pseudo-terminal of zsh's own (zsh/zpty), as a user would press it.
fn zsh_complete(line: &str, awaited: &str) -> String {
    // The line is typed only once the line editor reads the terminal (it turns bracketed
    // paste on: `ESC [?2004h`); the listing is read until the word the test expects shows up,
    // so a slow machine only makes it wait (`timeout` below ends a completion that never
    // comes, and the test then fails).
    const DRIVER: &str = r#"
zmodload zsh/zpty
zpty z zsh -f -i
zpty -w z "stty rows 1000 cols 200; PS1='>'; fpath=($PWD/completions \$fpath); \
autoload -U compinit; compinit -u -D; path=($HLMSG_BIN_DIR \$path); \
zstyle ':completion:*' list-prompt ''; LISTMAX=100000; unsetopt BEEP; setopt NO_AUTO_MENU; \
print SET''UP-DONE"
zpty -r z out '*SETUP-DONE*2004h*'
zpty -w -n z "$1"$'\t'
zpty -r z out "*$2*"
print -r -- "$out"
zpty -d z
"#;
    let bin = assert_cmd::cargo::cargo_bin("hlmsg");
    // A completion that never ends fails the test instead of hanging it.
    let out = Command::new("timeout")
        .current_dir(path(""))
        .env("HLMSG_BIN_DIR", bin.parent().unwrap())
        .args(["60", "zsh", "-f", "-c", DRIVER, "zsh", line, awaited])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    // What follows the typed line is the listing (or the completed word).
    let typed = text
        .find(line.trim_end())
        .map_or(0, |i| i + line.trim_end().len());
    text[typed..].to_string()
}

#[test]
fn zsh_completes_subcommands_and_values() {
    if Command::new("zsh").arg("--version").output().is_err() {
        // packaging/install-shells installs zsh; CI runs it and requires the test.
        assert!(
            std::env::var_os("HLMSG_REQUIRE_SHELLS").is_none(),
            "zsh is not installed: run packaging/install-shells"
        );
        eprintln!("zsh is not installed; its completion test did not run");
        return;
    }
    let channels = zsh_complete("hlmsg classify --only ", "whatsapp");
    for want in ["whatsapp", "live-chat", "email", "Phone calls"] {
        assert!(channels.contains(want), "{want}: {channels}");
    }
    assert!(!channels.contains("Cargo.toml"), "{channels}");
    let events = zsh_complete("hlmsg validate --event ", "provider");
    for want in ["ContactCreate", "InboundMessage", "message"] {
        assert!(events.contains(want), "{want}: {events}");
    }
    let samples = zsh_complete("hlmsg sample ", "whatsapp-media");
    for want in ["inbound-email", "call-voicemail", "sms"] {
        assert!(samples.contains(want), "{want}: {samples}");
    }
    let formats = zsh_complete("hlmsg show --format ", "table");
    for want in ["card", "table", "compact"] {
        assert!(formats.contains(want), "{want}: {formats}");
    }
    let schemas = zsh_complete("hlmsg validate --schema ", "provider");
    for want in ["auto", "inbound-email", "provider"] {
        assert!(schemas.contains(want), "{want}: {schemas}");
    }
    let sub = zsh_complete("hlmsg classi", "classify");
    assert!(sub.contains("fy"), "{sub}");
}

#[test]
fn unknown_shell_exits_2() {
    let r = hlmsg(&["completions", "tcsh"], None);
    assert_eq!(r.code, 2);
    assert!(r.stdout.is_empty());
}
