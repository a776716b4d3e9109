//! Walking folders as ripgrep does (hidden entries and ignored files skipped, `--hidden`,
//! `--no-ignore`, `--glob`), captures and compressed logs found by extension, and gzip and zstd
//! read as the plain text they hold.

use std::io::Write;
use std::path::Path;
use std::process::Command;

use crate::util::{hlmsg, path};

fn write(root: &Path, rel: &str, bytes: &[u8]) {
    let p = root.join(rel);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, bytes).unwrap();
}

fn gzip(data: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    e.write_all(data).unwrap();
    e.finish().unwrap()
}

fn sms() -> Vec<u8> {
    let raw = std::fs::read_to_string(path("samples/sms.json")).unwrap();
    let v: serde_json::Value = serde_json::from_str(&raw).unwrap();
    let mut line = serde_json::to_vec(&v).unwrap();
    line.push(b'\n');
    line
}

fn capture() -> Vec<u8> {
    let body = sms();
    let mut out = format!(
        "POST /hook HTTP/1.1\r\nHost: example.com\r\nContent-Type: application/json\r\n\
         Content-Length: {}\r\n\r\n",
        body.len()
    )
    .into_bytes();
    out.extend(body);
    out
}

/// A repository as users have them: a .git folder, a .gitignore (node_modules/, build output),
/// an .ignore, git's exclude file, hidden folders and files of other kinds.
fn repository() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let r = dir.path();
    let payload = sms();
    write(r, ".git/HEAD", b"ref: refs/heads/main\n");
    write(r, ".git/config.json", &payload);
    write(r, ".git/info/exclude", b"excluded.json\n");
    write(r, ".gitignore", b"node_modules/\nbuild/\n*.tmp.json\n");
    write(r, ".ignore", b"skipped-by-ignore.json\n");
    write(r, "node_modules/pkg/package.json", b"{\"name\":\"pkg\"}");
    write(r, "build/out.json", &payload);
    write(r, "scratch.tmp.json", &payload);
    write(r, "excluded.json", &payload);
    write(r, "skipped-by-ignore.json", &payload);
    write(r, ".hidden/a.json", &payload);
    write(r, ".dot.json", &payload);
    write(r, "notes.txt", b"not a payload");
    write(r, "fixtures/sms.json", &payload);
    write(r, "fixtures/log.ndjson.gz", &gzip(&payload));
    write(r, "fixtures/capture.http", &capture());
    write(r, "fixtures/nested/z.jsonl", &payload);
    write(r, "fixtures.json", &payload);
    dir
}

/// The files a run read, relative to `root`, in the order it read them.
fn read_files(root: &Path, extra: &[&str]) -> Vec<String> {
    let mut args = vec!["show", "-f", "table", "--fields", "source"];
    args.extend(extra);
    let root_arg = root.to_string_lossy().into_owned();
    args.push(&root_arg);
    let r = hlmsg(&args, None);
    assert_eq!(r.code, 0, "{args:?}: {}", r.stderr);
    let prefix = format!("{}/", root.display());
    r.stdout
        .lines()
        .skip(1)
        .map(|l| {
            let l = l.trim();
            let l = l.strip_prefix(&prefix).unwrap_or(l);
            l.rsplit_once(':').map_or(l, |(p, _)| p).to_string()
        })
        .collect()
}

#[test]
fn a_repository_is_walked_as_ripgrep_walks_it() {
    let repo = repository();
    let got = read_files(repo.path(), &[]);
    let expected = [
        "fixtures/capture.http",
        "fixtures/log.ndjson.gz",
        "fixtures/nested/z.jsonl",
        "fixtures/sms.json",
        "fixtures.json",
    ];
    assert_eq!(got, expected);
    // ripgrep, when it is installed, lists the same files (of the payload extensions).
    if let Ok(out) = Command::new("rg")
        .args(["--files", "--sort", "path"])
        .current_dir(repo.path())
        .output()
    {
        let listed = String::from_utf8(out.stdout).unwrap();
        let mut rg: Vec<&str> = listed.lines().filter(|l| !l.ends_with(".txt")).collect();
        rg.sort_by(|a, b| Path::new(a).cmp(Path::new(b)));
        assert_eq!(rg, expected);
    }
}

#[test]
fn hidden_no_ignore_and_globs_widen_or_narrow_the_walk() {
    let repo = repository();
    let hidden = read_files(repo.path(), &["--hidden"]);
    assert!(hidden.contains(&".hidden/a.json".to_string()), "{hidden:?}");
    assert!(hidden.contains(&".dot.json".to_string()), "{hidden:?}");
    // .git is hidden, not ignored: ripgrep reads it with --hidden too.
    assert!(
        !hidden.contains(&"build/out.json".to_string()),
        "{hidden:?}"
    );
    let no_ignore = read_files(repo.path(), &["--no-ignore"]);
    for f in [
        "build/out.json",
        "scratch.tmp.json",
        "excluded.json",
        "skipped-by-ignore.json",
    ] {
        assert!(no_ignore.contains(&f.to_string()), "{f}: {no_ignore:?}");
    }
    assert!(
        !no_ignore.contains(&".dot.json".to_string()),
        "{no_ignore:?}"
    );
    let only = read_files(repo.path(), &["-g", "*.jsonl"]);
    assert_eq!(only, ["fixtures/nested/z.jsonl"]);
    let without = read_files(repo.path(), &["--glob", "!fixtures/**"]);
    assert_eq!(without, ["fixtures.json"]);
}

#[test]
fn a_file_named_on_the_command_line_is_always_read() {
    let repo = repository();
    let ignored = repo.path().join("build/out.json");
    let r = hlmsg(&["validate", &ignored.to_string_lossy()], None);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.last_line().starts_with("1 passed, 0 failed"),
        "{}",
        r.stdout
    );
}

#[test]
fn a_folder_of_nothing_readable_says_what_was_skipped() {
    let repo = repository();
    let r = hlmsg(
        &["validate", &repo.path().join("build").to_string_lossy()],
        None,
    );
    // build/ itself is walked: a folder named on the command line is read, its own .gitignore
    // rules aside.
    assert_eq!(r.code, 0, "{}", r.stderr);
    let empty = tempfile::tempdir().unwrap();
    write(empty.path(), ".a.json", &sms());
    let r = hlmsg(&["validate", &empty.path().to_string_lossy()], None);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("--hidden"), "{}", r.stderr);
}

#[test]
fn verify_finds_captures_in_a_folder() {
    let repo = repository();
    let r = hlmsg(
        &["verify", &repo.path().join("fixtures").to_string_lossy()],
        None,
    );
    assert!(!r.stderr.contains("no *.json"), "{}", r.stderr);
    assert!(
        r.stdout.contains("capture.http") || r.stderr.contains("capture.http"),
        "{}{}",
        r.stdout,
        r.stderr
    );
}

#[test]
fn gzip_and_zstd_logs_read_as_the_plain_log() {
    let dir = tempfile::tempdir().unwrap();
    let log = std::fs::read(path("tests/fixtures/bad/bad-line.ndjson")).unwrap();
    let plain = dir.path().join("log.ndjson");
    std::fs::write(&plain, &log).unwrap();
    std::fs::write(dir.path().join("log.ndjson.gz"), gzip(&log)).unwrap();
    std::fs::write(
        dir.path().join("log.ndjson.zst"),
        zstd::stream::encode_all(&log[..], 3).unwrap(),
    )
    .unwrap();
    let expected = hlmsg(&["validate", "-f", "json", &plain.to_string_lossy()], None);
    for name in ["log.ndjson.gz", "log.ndjson.zst"] {
        let file = dir.path().join(name);
        let r = hlmsg(&["validate", "-f", "json", &file.to_string_lossy()], None);
        assert_eq!(r.code, expected.code, "{name}: {}", r.stderr);
        // The same verdicts, positions and counts; only the file's name differs.
        let renamed = r.stdout.replace(name, "log.ndjson");
        assert_eq!(renamed, expected.stdout, "{name}");
        // And on standard input, detected by its magic bytes.
        let bytes = std::fs::read(&file).unwrap();
        let piped = hlmsg(&["validate", "-f", "json"], Some(&bytes));
        let plain_piped = hlmsg(&["validate", "-f", "json"], Some(&log));
        assert_eq!(piped.stdout, plain_piped.stdout, "{name} on stdin");
    }
}

#[test]
fn a_truncated_compressed_log_reports_what_it_read_then_the_file_and_offset() {
    let dir = tempfile::tempdir().unwrap();
    let line = sms();
    let log: Vec<u8> = line.repeat(2000);
    let packed = gzip(&log);
    let file = dir.path().join("cut.ndjson.gz");
    std::fs::write(&file, &packed[..packed.len() / 2]).unwrap();
    let r = hlmsg(&["validate", &file.to_string_lossy()], None);
    // Bad data, like binary input: a failed entry where the text stops (exit 1).
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stdout.contains("cut.ndjson.gz:"), "{}", r.stdout);
    assert!(r.stdout.contains("gzip stream ends early"), "{}", r.stdout);
    assert!(r.stdout.contains("near byte"), "{}", r.stdout);
    assert!(r.last_line().contains(" passed, 1 failed"), "{}", r.stdout);
    let passed: u64 = r.last_line().split(' ').next().unwrap().parse().unwrap();
    assert!(passed > 100 && passed < 2000, "{}", r.stdout);
}

#[cfg(unix)]
#[test]
fn links_to_folders_are_followed_only_when_asked() {
    use std::os::unix::fs::symlink;
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "real/a.json", &sms());
    write(root, "walked/b.json", &sms());
    symlink(root.join("real"), root.join("walked/linked-folder")).unwrap();
    symlink(
        root.join("real/a.json"),
        root.join("walked/linked-file.json"),
    )
    .unwrap();
    // A link to the root of the disk: never walked without --follow, a loop with it.
    symlink("/", root.join("walked/everything")).unwrap();
    let walked = root.join("walked");
    let got = read_files(&walked, &[]);
    assert_eq!(got, ["b.json", "linked-file.json"]);
    let args = [
        "show",
        "-f",
        "table",
        "--fields",
        "source",
        "--follow",
        walked.to_str().unwrap(),
    ];
    let r = hlmsg(&args, None);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stdout.contains("linked-folder/a.json"), "{}", r.stdout);
    assert!(
        r.stderr.contains("everything: symbolic link loop"),
        "{}",
        r.stderr
    );
}
