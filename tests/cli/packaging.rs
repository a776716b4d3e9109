//! Every package of hlmsg carries Cargo.toml's version, and the docs name it. These checks read
//! the files only; `packaging/check` (run by `.ci/run`) builds the wheel, the npm packages and
//! the archive and installs them.

use crate::util::path;

const VERSION: &str = env!("CARGO_PKG_VERSION");

fn read(rel: &str) -> String {
    std::fs::read_to_string(path(rel)).unwrap()
}

/// The lines of one `[section]` of a TOML file.
fn section<'a>(text: &'a str, name: &str) -> Vec<&'a str> {
    let heading = format!("[{name}]");
    text.lines()
        .skip_while(|l| l.trim() != heading)
        .skip(1)
        .take_while(|l| !l.starts_with('['))
        .collect()
}

#[test]
fn the_wheel_takes_its_version_from_cargo_toml() {
    let text = read("packaging/python/pyproject.toml");
    let project = section(&text, "project");
    assert!(
        project.contains(&r#"dynamic = ["version"]"#),
        "packaging/python/pyproject.toml: the version must be dynamic (maturin reads Cargo.toml)"
    );
    assert!(
        !project.iter().any(|l| l.starts_with("version")),
        "packaging/python/pyproject.toml must not write a version of its own"
    );
}

#[test]
fn the_pre_commit_package_pins_cargo_tomls_version() {
    let text = read("pyproject.toml");
    let project = section(&text, "project");
    let version = format!(r#"version = "{VERSION}""#);
    let pin = format!(r#"dependencies = ["hlmsg=={VERSION}"]"#);
    assert!(
        project.contains(&version.as_str()),
        "pyproject.toml: set {version} (Cargo.toml's version)"
    );
    assert!(
        project.contains(&pin.as_str()),
        "pyproject.toml: set {pin} (Cargo.toml's version)"
    );
}

#[test]
fn npm_manifests_are_written_from_cargo_tomls_version() {
    // No package.json is committed: packaging/build-npm writes them with Cargo.toml's version.
    for rel in [
        "packaging/npm/package.json",
        "packaging/npm/hlmsg/package.json",
    ] {
        assert!(
            !path(rel).exists(),
            "{rel}: package.json files are generated"
        );
    }
    let build = read("packaging/build-npm");
    assert!(build.contains(r#"version="$(hlmsg_version)""#));
}

#[test]
fn the_readme_names_the_current_release() {
    let readme = read("README.md");
    let rev = format!("rev: v{VERSION}");
    assert!(
        readme.contains(&rev),
        "README.md: the pre-commit example should say {rev}"
    );
    let major = VERSION.split('.').next().unwrap();
    let action = format!("/hlmsg@v{major}");
    assert!(
        readme.contains(&action),
        "README.md: the action example should use @v{major}"
    );
}

#[test]
fn the_changelog_has_a_section_for_this_version() {
    let changelog = read("CHANGELOG.md");
    let heading = format!("\n## {VERSION} - ");
    assert!(
        changelog.contains(&heading),
        "CHANGELOG.md has no section ## {VERSION}"
    );
}

#[test]
fn ci_builds_and_installs_the_packages() {
    assert!(read(".ci/run").contains("packaging/check"));
}
