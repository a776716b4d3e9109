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
    sources_read(root, &r.stdout)
}

/// The sources `show -f table --fields source` read, relative to `root`.
fn sources_read(root: &Path, stdout: &str) -> Vec<String> {
    let prefix = format!("{}/", root.display());
    stdout
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

/// Runs `hlmsg` with `args`, stopped after `secs` seconds: an endless walk fails the test
/// rather than hanging the suite.
fn hlmsg_within(secs: u64, args: &[&str]) -> crate::util::Run {
    let start = std::time::Instant::now();
    let out = assert_cmd::Command::cargo_bin("hlmsg")
        .unwrap()
        .args(args)
        .write_stdin(Vec::new())
        .timeout(std::time::Duration::from_secs(secs))
        .output()
        .unwrap();
    assert!(
        out.status.code().is_some(),
        "{args:?} did not finish in {secs} s ({:?})",
        start.elapsed()
    );
    crate::util::Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
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
    let walked_arg = walked.to_string_lossy().into_owned();
    let show = [
        "show", "-f", "table", "--fields", "source", "--width", "500",
    ];
    let r = hlmsg_within(30, &[&show[..], &[walked_arg.as_str()]].concat());
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        sources_read(&walked, &r.stdout),
        ["b.json", "linked-file.json"]
    );
    assert_eq!(r.stderr, "");
    let r = hlmsg_within(
        30,
        &[&show[..], &["--follow", walked_arg.as_str()]].concat(),
    );
    // The loop is a note: nothing was lost, the run succeeds.
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        sources_read(&walked, &r.stdout),
        ["b.json", "linked-file.json", "linked-folder/a.json"]
    );
    assert_eq!(
        r.stderr,
        format!(
            "hlmsg: note: {walked_arg}/everything: not followed: a symbolic link loop (it leads \
             back to /)\n"
        )
    );
}

/// A web of linked folders: 30 levels, each with one payload and 4 links to the next level.
/// Every path through the links is 4^29 walks; by folder identity it is 30 folders.
#[cfg(unix)]
#[test]
fn a_web_of_linked_folders_is_walked_once_per_real_folder() {
    use std::os::unix::fs::symlink;
    const LEVELS: usize = 30;
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    for level in 0..LEVELS {
        write(root, &format!("level{level}/p{level:02}.json"), &sms());
    }
    for level in 0..LEVELS - 1 {
        for link in 1..=4 {
            let to = root.join(format!("level{}", level + 1));
            symlink(to, root.join(format!("level{level}/link{link}"))).unwrap();
        }
    }
    let top = root.join("level0");
    let top_arg = top.to_string_lossy().into_owned();
    let r = hlmsg_within(60, &["validate", "-f", "json", "--follow", &top_arg]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    // Each real file exactly once, under the first link that reached its folder.
    let read: Vec<String> = r
        .stdout
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .filter(|v| v["kind"] == "payload")
        .map(|v| v["source"].as_str().unwrap().to_string())
        .collect();
    let mut files: Vec<&str> = read.iter().map(|p| p.rsplit('/').next().unwrap()).collect();
    files.sort();
    let expected: Vec<String> = (0..LEVELS).map(|l| format!("p{l:02}.json")).collect();
    assert_eq!(files, expected, "{read:?}");
    assert_eq!(read[LEVELS - 2], format!("{top_arg}/link1/p01.json"));
    // The links not walked are noted, three to a level, and the run still succeeds.
    let notes: Vec<&str> = r.stderr.lines().collect();
    assert_eq!(notes.len(), 3 * (LEVELS - 1), "{}", r.stderr);
    assert!(
        notes.iter().all(|n| n.starts_with("hlmsg: note: ")
            && n.contains(": not walked again: the same folder as ")),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.contains(&format!("note: {top_arg}/link2: not walked again: the same folder as {top_arg}/link1, walked already")),
        "{}",
        r.stderr
    );
}

/// A loop under --follow is noted, and the files around it are read.
#[cfg(unix)]
#[test]
fn a_link_loop_is_noted_and_the_run_succeeds() {
    use std::os::unix::fs::symlink;
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "a/b/x.json", &sms());
    write(root, "z.json", &sms());
    symlink("../..", root.join("a/b/back")).unwrap();
    let arg = root.to_string_lossy().into_owned();
    let r = hlmsg_within(30, &["validate", "--follow", arg.as_str()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.last_line().starts_with("2 passed, 0 failed"),
        "{}",
        r.stdout
    );
    assert_eq!(
        r.stderr,
        format!(
            "hlmsg: note: {arg}/a/b/back: not followed: a symbolic link loop (it leads back to \
             {arg})\n"
        )
    );
}
