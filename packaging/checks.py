"""The checks of packaging/check: each builds on the packages that packaging/build-* wrote into
target/packaging/check/dist and proves that they install and run on this machine without any
registry holding hlmsg. Run it through packaging/check, which installs the tools first."""

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import tomllib
import traceback
import venv
import zipfile
from pathlib import Path

import yaml  # comes with pre-commit, one of the packaging tools

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "target" / "packaging" / "check"
DIST = WORK / "dist"
TOOLS = Path(os.environ.get("HLMSG_TOOLS", ROOT / "target" / "packaging" / "tools"))
TOOLS_BIN = TOOLS / ("Scripts" if os.name == "nt" else "bin")
PLATFORMS = json.loads((ROOT / "packaging" / "npm" / "platforms.json").read_text())
VERSION = tomllib.loads((ROOT / "Cargo.toml").read_text())["package"]["version"]


def run(args, cwd=ROOT, env=None, expect=0):
    """Runs a command and returns its output; fails with both streams when its exit code is not
    the expected one."""
    full_env = dict(os.environ, **(env or {}))
    r = subprocess.run(
        [str(a) for a in args],
        cwd=cwd,
        env=full_env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
    )
    if expect is not None and r.returncode != expect:
        raise AssertionError(
            f"{' '.join(map(str, args))}: exit {r.returncode}, expected {expect}\n"
            f"--- stdout\n{r.stdout[-3000:]}\n--- stderr\n{r.stderr[-3000:]}"
        )
    return r


def assert_samples_pass(output):
    """`hlmsg validate samples/` passed every sample (or skipped it, for the samples of events
    that are not messages): its summary line says so."""
    count = len(list((ROOT / "samples").glob("*.json")))
    summary = last_line(output)
    m = re.match(r"(\d+) passed, 0 failed(?:, (\d+) skipped)?\b", summary)
    assert m and int(m.group(1)) + int(m.group(2) or 0) == count, f"summary: {summary}"


def last_line(text):
    return text.rstrip("\n").rsplit("\n", 1)[-1]


def one(pattern):
    found = sorted(DIST.glob(pattern))
    assert len(found) == 1, f"expected one {pattern} in {DIST}, found {found}"
    return found[0]


def host_platform():
    host = run(["rustc", "-vV"]).stdout
    return re.search(r"^host: (.+)$", host, re.M).group(1)


def npm_tarball_manifest(path):
    with tarfile.open(path) as t:
        return json.load(t.extractfile("package/package.json"))


def npm_env(tmp):
    # Its own cache, and no registry: the tarballs are all npm may install from.
    return {"npm_config_cache": str(tmp / "npm-cache"), "npm_config_offline": "true",
            "npm_config_audit": "false", "npm_config_fund": "false",
            "npm_config_update_notifier": "false"}


# The checks, in order. Each raises AssertionError (or any error) to fail.

def check_every_package_carries_the_version_of_cargo_toml():
    wheel = one("wheels/*.whl")
    assert wheel.name.startswith(f"hlmsg-{VERSION}-"), wheel.name
    with zipfile.ZipFile(wheel) as z:
        metadata = z.read(f"hlmsg-{VERSION}.dist-info/METADATA").decode()
    assert f"\nVersion: {VERSION}\n" in metadata, "the wheel's METADATA has another version"

    python = tomllib.loads((ROOT / "packaging/python/pyproject.toml").read_text())["project"]
    assert "version" not in python and "version" in python["dynamic"], (
        "packaging/python/pyproject.toml must take its version from Cargo.toml (dynamic)"
    )
    hook = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert hook["version"] == VERSION, f"pyproject.toml: version {hook['version']}, Cargo.toml: {VERSION}"
    assert hook["dependencies"] == [f"hlmsg=={VERSION}"], (
        f"pyproject.toml must depend on hlmsg=={VERSION}, not {hook['dependencies']}"
    )

    main = npm_tarball_manifest(one(f"npm/hlmsg-{VERSION}.tgz"))
    assert main["version"] == VERSION, f"package.json of hlmsg: {main['version']}"
    names = {p["package"] for p in PLATFORMS.values()}
    assert main["optionalDependencies"] == {n: VERSION for n in names}, main["optionalDependencies"]
    platform = npm_tarball_manifest(one(f"npm/hlmsg-*-{VERSION}.tgz"))
    assert platform["version"] == VERSION, f"package.json of {platform['name']}: {platform['version']}"
    one(f"archives/hlmsg-{VERSION}-*.tar.gz")


def check_wheel_installs_in_a_fresh_venv_and_validates_the_samples():
    with tempfile.TemporaryDirectory() as tmp:
        env_dir = Path(tmp) / "venv"
        venv.create(env_dir, with_pip=True)
        bin_dir = env_dir / ("Scripts" if os.name == "nt" else "bin")
        run([bin_dir / "python", "-m", "pip", "install", "--quiet", "--no-index",
             "--disable-pip-version-check", one("wheels/*.whl")])
        hlmsg = bin_dir / "hlmsg"
        assert run([hlmsg, "--version"]).stdout.strip() == f"hlmsg {VERSION}"
        assert_samples_pass(run([hlmsg, "validate", "samples/"]).stdout)


def check_npm_tarballs_install_in_a_temporary_prefix_and_validate_the_samples():
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        project = tmp / "project"
        project.mkdir()
        env = npm_env(tmp)
        tarballs = sorted(DIST.glob("npm/*.tgz"))
        run(["npm", "install", "--prefix", project, *tarballs], cwd=project, env=env)
        r = run(["npx", "--no", "--", "hlmsg", "--version"], cwd=project, env=env)
        assert r.stdout.strip() == f"hlmsg {VERSION}", r.stdout
        r = run(["npx", "--no", "--", "hlmsg", "validate", ROOT / "samples"], cwd=project, env=env)
        assert_samples_pass(r.stdout)
        # npm install -g puts the launcher on the PATH of the prefix
        prefix = tmp / "global"
        run(["npm", "install", "--global", "--prefix", prefix, *tarballs], cwd=tmp, env=env)
        r = run([prefix / "bin" / "hlmsg", "validate", "samples/sms.json"])
        assert last_line(r.stdout).startswith("1 passed, 0 failed"), r.stdout


def check_npm_launcher_names_the_missing_platform_package():
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        env = npm_env(tmp)
        main = one(f"npm/hlmsg-{VERSION}.tgz")
        run(["npm", "install", "--prefix", tmp, main], cwd=tmp, env=env)
        r = run(["npx", "--no", "--", "hlmsg", "--version"], cwd=tmp, env=env, expect=2)
        expected = PLATFORMS[host_platform()]["package"]
        assert f"the package {expected}," in r.stderr and "not installed" in r.stderr, r.stderr


def check_npm_launcher_and_manifests_agree_on_every_platform():
    launcher = ROOT / "packaging/npm/hlmsg/bin/hlmsg.js"
    table = [[p["os"], p["cpu"], p.get("libc"), p["package"]] for p in PLATFORMS.values()]
    script = (
        "const { packageName } = require(process.argv[1]);"
        "for (const [os, cpu, libc, name] of JSON.parse(process.argv[2])) {"
        "  const got = packageName(os, cpu, libc === 'musl' ? 'musl' : 'glibc');"
        "  if (got !== name) { console.error(`${os} ${cpu} ${libc}: ${got}, not ${name}`);"
        "    process.exitCode = 1; } }"
    )
    run(["node", "-e", script, launcher, json.dumps(table)])


def check_release_workflow_builds_every_npm_platform():
    workflow = yaml.safe_load((ROOT / ".github/workflows/release.yml").read_text())
    targets = {e["target"] for e in workflow["jobs"]["build"]["strategy"]["matrix"]["include"]}
    assert targets == set(PLATFORMS), f"release.yml builds {sorted(targets)}, platforms.json lists {sorted(PLATFORMS)}"


def check_archive_matches_its_checksum_and_runs():
    archive = one(f"archives/hlmsg-{VERSION}-*.tar.gz")
    line = Path(f"{archive}.sha256").read_text()
    digest = hashlib.sha256(archive.read_bytes()).hexdigest()
    assert line == f"{digest}  {archive.name}\n", line
    with tempfile.TemporaryDirectory() as tmp:
        with tarfile.open(archive) as t:
            t.extractall(tmp, filter="data")
        top = Path(tmp) / archive.name.removesuffix(".tar.gz")
        assert (top / "README.md").is_file() and (top / "completions" / "hlmsg.bash").is_file()
        assert run([top / "hlmsg", "--version"]).stdout.strip() == f"hlmsg {VERSION}"


def check_pre_commit_hook_installs_the_wheel_without_compiling():
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        links = tmp / "links"
        links.mkdir()
        shutil.copy(one("wheels/*.whl"), links)
        # The hook's package is built with setuptools: the one thing fetched from PyPI here.
        run([TOOLS_BIN / "python", "-m", "pip", "download", "--quiet", "--only-binary=:all:",
             "--no-deps", "--dest", links, "setuptools>=61"])
        repo = tmp / "repo"
        (repo / "fixtures").mkdir(parents=True)
        shutil.copy(ROOT / "samples" / "sms.json", repo / "fixtures" / "good.json")
        (repo / "fixtures" / "bad.json").write_text('{"type": "SMS"}\n')
        run(["git", "init", "--quiet"], cwd=repo)
        run(["git", "add", "."], cwd=repo)
        env = {"PIP_NO_INDEX": "1", "PIP_FIND_LINKS": str(links),
               "PRE_COMMIT_HOME": str(tmp / "pre-commit-home"), "GIT_CONFIG_GLOBAL": os.devnull}
        pre_commit = TOOLS_BIN / "pre-commit"
        r = run([pre_commit, "try-repo", ROOT, "hlmsg-validate", "--files", "fixtures/good.json"],
                cwd=repo, env=env)
        assert "Passed" in r.stdout, r.stdout
        r = run([pre_commit, "try-repo", ROOT, "hlmsg-validate", "--verbose", "--files",
                 "fixtures/bad.json"], cwd=repo, env=env, expect=1)
        assert "Failed" in r.stdout and "error[" in r.stdout, r.stdout


def check_github_action_installs_the_wheel_and_validates():
    action = yaml.safe_load((ROOT / "action.yml").read_text())
    assert set(action["inputs"]) >= {"paths", "args"}, action["inputs"]
    steps = action["runs"]["steps"]
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        links = tmp / "links"
        links.mkdir()
        shutil.copy(one("wheels/*.whl"), links)
        github_path = tmp / "github_path"
        github_path.write_text("")
        env = {"GITHUB_ACTION_PATH": str(ROOT), "RUNNER_TEMP": str(tmp),
               "GITHUB_PATH": str(github_path), "PIP_NO_INDEX": "1",
               "PIP_FIND_LINKS": str(links), "HLMSG_VERSION": "",
               "HLMSG_PATHS": "samples/*.json tests/fixtures/bad/",
               "HLMSG_ARGS": "--format github"}
        run(["bash", "-e", "-c", steps[0]["run"]], env=env)
        path = github_path.read_text().strip() + os.pathsep + os.environ["PATH"]
        r = run(["bash", "-e", "-c", steps[1]["run"]], env=dict(env, PATH=path), expect=1)
        assert re.search(r"^::error file=tests/fixtures/bad/", r.stdout, re.M), r.stdout[-2000:]


def check_sdist_builds_hlmsg_from_its_own_pyproject():
    # The root pyproject.toml is the pre-commit hook's; the sdist must carry maturin's instead.
    sdist = one(f"wheels/hlmsg-{VERSION}.tar.gz")
    top = f"hlmsg-{VERSION}"
    with tarfile.open(sdist) as t:
        names = set(t.getnames())
        pyproject = tomllib.loads(t.extractfile(f"{top}/pyproject.toml").read().decode())
        metadata = t.extractfile(f"{top}/PKG-INFO").read().decode()
    assert pyproject["build-system"]["build-backend"] == "maturin", pyproject["build-system"]
    assert pyproject["tool"]["maturin"]["bindings"] == "bin", pyproject["tool"]
    assert f"\nVersion: {VERSION}\n" in metadata, "the sdist's PKG-INFO has another version"
    for rel in ["Cargo.toml", "Cargo.lock", "src/main.rs", "schemas/message.schema.json"]:
        assert f"{top}/{rel}" in names, f"the sdist has no {rel}"


def check_release_notes_are_the_changelog_section():
    notes = run(["packaging/release-notes"]).stdout
    assert notes.startswith("### ") and "\n## " not in notes, notes[:200]


def check_release_workflow_passes_actionlint():
    # With shellcheck on the PATH, actionlint checks the workflow's run steps too.
    env = {"PATH": f"{TOOLS_BIN}{os.pathsep}{os.environ['PATH']}"}
    run([TOOLS_BIN / "actionlint", "-no-color", ROOT / ".github/workflows/release.yml"], env=env)


def check_packaging_scripts_pass_shellcheck():
    scripts = [p for p in sorted((ROOT / "packaging").iterdir())
               if p.is_file() and p.read_text().startswith(("#!/usr/bin/env bash", "# shellcheck shell=bash"))]
    scripts.append(ROOT / ".ci" / "run")
    run([TOOLS_BIN / "shellcheck", "-x", *[s.relative_to(ROOT) for s in scripts]])


def build():
    """Builds every package into DIST, as the release workflow does for one target."""
    shutil.rmtree(WORK, ignore_errors=True)
    for script, out in [("build-wheel", "wheels"), ("build-npm", "npm"), ("build-archive", "archives")]:
        run([f"packaging/{script}", DIST / out])
    run(["packaging/build-wheel", "--sdist", DIST / "wheels"])


def main():
    print(f"packaging: building the packages of hlmsg {VERSION} ({os.environ.get('HLMSG_PROFILE', 'release')} profile)", flush=True)
    build()
    checks = [f for name, f in globals().items() if name.startswith("check_")]
    failed = 0
    for check in checks:
        name = check.__name__.removeprefix("check_").replace("_", " ")
        try:
            check()
            print(f"ok: {name}", flush=True)
        except Exception:
            failed += 1
            print(f"FAILED: {name}\n{traceback.format_exc()}", flush=True)
    print(f"packaging: {len(checks) - failed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
