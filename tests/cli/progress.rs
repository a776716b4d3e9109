//! Progress bars (issue 8): never on a standard error that is not a terminal, and
//! `--no-progress` is a global flag. (What the bar looks like on a terminal is checked by hand
//! with tmux; see the progress module.)

use crate::util::hlmsg;

#[test]
fn a_long_run_prints_no_bar_into_a_pipe() {
    // About 23 MB; in a debug build this takes well over the one-second threshold.
    let generated = hlmsg(&["sample", "--count", "40000", "--seed", "5"], None);
    for args in [&["validate"][..], &["classify", "--summary"][..]] {
        let r = hlmsg(args, Some(generated.stdout.as_bytes()));
        assert_eq!(r.code, 0, "{args:?}: {}", r.stderr);
        assert_eq!(r.stderr, "", "{args:?}");
        assert!(!r.stdout.contains('\u{1b}'), "{args:?}");
    }
}

#[test]
fn no_progress_is_accepted_before_and_after_the_subcommand() {
    for args in [
        &["--no-progress", "validate", "samples/"][..],
        &["validate", "samples/", "--no-progress"][..],
        &["classify", "--no-progress", "samples/sms.json"][..],
        &["show", "--no-progress", "-f", "compact", "samples/sms.json"][..],
        &[
            "diff",
            "--no-progress",
            "samples/sms.json",
            "samples/sms.json",
        ][..],
    ] {
        let r = hlmsg(args, None);
        assert_eq!(r.code, 0, "{args:?}: {}", r.stderr);
        assert!(r.stderr.is_empty(), "{args:?}: {}", r.stderr);
    }
}
