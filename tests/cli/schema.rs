//! `hlmsg schema` (issue 8).

use crate::util::{hlmsg, hlmsg_paths, path};

#[test]
fn prints_each_bundled_schema_verbatim() {
    for (args, file) in [
        (&["schema"][..], "schemas/message.schema.json"),
        (&["schema", "message"][..], "schemas/message.schema.json"),
        (&["schema", "email"][..], "schemas/email.schema.json"),
        (
            &["schema", "message", "--published"][..],
            "schemas/message.published.json",
        ),
        (
            &["schema", "email", "--published"][..],
            "schemas/email.published.json",
        ),
    ] {
        let r = hlmsg(args, None);
        assert_eq!(r.code, 0, "{args:?}: {}", r.stderr);
        assert_eq!(
            r.stdout,
            std::fs::read_to_string(path(file)).unwrap(),
            "{args:?}"
        );
    }
}

#[test]
fn a_printed_schema_is_accepted_by_validate_schema() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["message", "email"] {
        let r = hlmsg(&["schema", name], None);
        let file = dir.path().join(format!("{name}.json"));
        std::fs::write(&file, &r.stdout).unwrap();
        let schema = file.to_string_lossy().into_owned();
        let sample = path(&format!(
            "samples/{}.json",
            if name == "email" {
                "email"
            } else {
                "sms-reminder"
            }
        ));
        let r = hlmsg_paths(&["validate", "--strict", "--schema", &schema], &[&sample]);
        assert_eq!(r.code, 0, "{name}: {}{}", r.stdout, r.stderr);
        assert_eq!(r.last_line(), "1 passed, 0 failed");
        // And it still rejects what the bundled schema rejects.
        let bad = path("tests/fixtures/bad/missing-contact-id.json");
        let r = hlmsg_paths(&["validate", "--schema", &schema], &[&bad]);
        assert_eq!(r.code, 1, "{name}: {}{}", r.stdout, r.stderr);
    }
}

#[test]
fn list_names_every_schema_with_its_id() {
    let r = hlmsg(&["schema", "--list"], None);
    assert_eq!(r.code, 0);
    let lines: Vec<&str> = r.stdout.lines().collect();
    assert_eq!(lines.len(), 7, "{}", r.stdout);
    for (line, name) in
        lines
            .iter()
            .zip(["message", "email", "inbound", "inbound-email", "provider"])
    {
        assert!(line.starts_with(&format!("{name} ")), "{line}");
        assert!(
            line.contains(&format!("urn:hlmsg:schema:{name} ")),
            "{line}"
        );
    }
    assert!(lines[5].starts_with("message --published") && lines[5].contains("(no $id)"));
    assert!(lines[6].starts_with("email --published") && lines[6].contains("(no $id)"));
}

#[test]
fn bad_arguments_exit_2() {
    assert_eq!(hlmsg(&["schema", "sms"], None).code, 2);
    assert_eq!(hlmsg(&["schema", "--list", "email"], None).code, 2);
}

#[test]
fn readme_quotes_the_list() {
    let readme = std::fs::read_to_string(path("README.md")).unwrap();
    assert!(readme.contains("$ hlmsg schema --list\n"));
    for line in hlmsg(&["schema", "--list"], None).stdout.lines() {
        assert!(readme.contains(line), "README.md should quote {line:?}");
    }
}
