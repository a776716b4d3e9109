#!/usr/bin/env python3
"""hlmsg against the tools people would otherwise use. Run through benches/run.

Builds nothing and installs nothing: benches/run does that. This script makes the corpora,
checks that every tool reaches the same verdicts, times every command (median wall time over
--runs runs, peak memory with /usr/bin/time -v), prints a Markdown report and writes it to
BENCHMARKS.md.
"""

import argparse
import json
import os
import platform
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


# A valid SMS payload up to an `attachments` array left open.
VIOLATIONS_HEAD = ('{"type":"OutboundMessage","locationId":"l","contactId":"c","conversationId":"v",'
                   '"dateAdded":"2024-05-08T11:57:42.250Z","direction":"outbound",'
                   '"messageType":"SMS","attachments":[')


def sh(cmd, **kw):
    return subprocess.run(cmd, check=True, **kw)


class Bench:
    def __init__(self, args):
        self.runs = args.runs
        self.peers = Path(args.peers).resolve()
        self.corpus = Path(args.corpus).resolve()
        self.hlmsg = str(ROOT / "target/release/hlmsg")
        self.floor = str(ROOT / "target/release/examples/floor")
        self.npm = self.peers / "npm/node_modules/.bin"
        self.rows = []
        self.targets = []

    # ----- corpora -------------------------------------------------------------------------
    def corpora(self):
        c = self.corpus
        c.mkdir(parents=True, exist_ok=True)
        self.schema = c / "message.schema.json"
        with open(self.schema, "wb") as f:
            sh([self.hlmsg, "schema", "message"], stdout=f)
        self.c100k = c / "100k.ndjson"
        self.c1m = c / "1m.ndjson"
        for path, count in [(self.c100k, 100_000), (self.c1m, 1_000_000)]:
            if not path.exists():
                with open(path, "wb") as f:
                    sh([self.hlmsg, "sample", "--count", str(count), "--seed", "42",
                        "--invalid-rate", "0.01"], stdout=f)
        # The same corpus as JSON Lines for tools that go by the extension (a copy: a link would
        # be followed back to the .ndjson name).
        self.c100k_jsonl = c / "100k.jsonl"
        if self.c100k_jsonl.is_symlink() or not self.c100k_jsonl.exists():
            self.c100k_jsonl.unlink(missing_ok=True)
            shutil.copyfile(self.c100k, self.c100k_jsonl)
        # 1,000 fixture files: the first 1,000 payloads, one per file.
        self.files = c / "files"
        if not self.files.exists():
            self.files.mkdir()
            with open(self.c100k, "rb") as f:
                for i in range(1000):
                    (self.files / f"{i + 1:04d}.json").write_bytes(f.readline().rstrip(b"\n"))
        self.file_list = sorted(str(p) for p in self.files.glob("*.json"))
        # Two captures for diff: the corpus, and the corpus shuffled with 1% of payloads changed.
        self.right = c / "100k-shuffled.ndjson"
        if not self.right.exists():
            rng = random.Random(42)
            lines = self.c100k.read_bytes().splitlines()
            changed = set(rng.sample(range(len(lines)), len(lines) // 100))
            out = []
            for i, line in enumerate(lines):
                if i in changed:
                    v = json.loads(line)
                    v["status"] = "failed" if v.get("status") != "failed" else "delivered"
                    line = json.dumps(v, separators=(",", ":")).encode()
                out.append(line)
            rng.shuffle(out)
            self.right.write_bytes(b"\n".join(out) + b"\n")
        self.changed = 100_000 // 100
        self.mb = self.c100k.stat().st_size / 1e6
        self.files_mb = sum(os.path.getsize(p) for p in self.file_list) / 1e6

    # ----- verdicts ------------------------------------------------------------------------
    def hlmsg_invalid(self, paths, key):
        out = subprocess.run([self.hlmsg, "validate", "--schema", str(self.schema), "--format",
                              "json", *paths], capture_output=True, text=True).stdout
        bad = set()
        for line in out.splitlines():
            d = json.loads(line)
            if d["kind"] == "payload" and not d["valid"]:
                bad.add(d[key] if key == "line" else os.path.basename(d["source"]))
        return bad

    def check_verdicts(self):
        print("checking that every tool reaches the same verdicts ...", flush=True)
        s = str(self.schema)
        # 100k NDJSON: invalid line numbers.
        want = self.hlmsg_invalid([str(self.c100k)], "line")
        got = {"floor": set(int(x) for x in subprocess.run(
            [self.floor, s, str(self.c100k), "--list"], capture_output=True, text=True
        ).stdout.splitlines()[1:])}
        for name, extra in [("sourcemeta", []), ("sourcemeta --fast", ["--fast"])]:
            out = subprocess.run([str(self.npm / "jsonschema"), "validate", *extra, "-F",
                                  "--continue", s, str(self.c100k_jsonl)],
                                 capture_output=True, text=True)
            got[name] = set(int(m) for m in re.findall(r"\(entry #(\d+)\)", out.stdout + out.stderr))
        self.expect_same("100k NDJSON", want, got)
        self.invalid_100k = len(want)
        # 1,000 files: invalid file names.
        want = self.hlmsg_invalid(self.file_list, "source")
        got = {}
        out = subprocess.run([str(self.peers / "venv/bin/check-jsonschema"), "--schemafile", s,
                              *self.file_list], capture_output=True, text=True)
        got["check-jsonschema"] = set(os.path.basename(m) for m in re.findall(
            r"^\s+(\S+\.json)::", out.stdout + out.stderr, re.M))
        out = subprocess.run([str(self.npm / "ajv"), "validate", "--spec=draft2020",
                              "--allow-union-types", "-c", "ajv-formats", "-s", s, "-d",
                              str(self.files / "*.json"), "--errors=line"],
                             capture_output=True, text=True)
        got["ajv-cli"] = set(os.path.basename(m) for m in re.findall(
            r"^(\S+\.json) invalid$", out.stdout + out.stderr, re.M))
        out = subprocess.run([str(self.npm / "jsonschema"), "validate", "-F", "--continue", s,
                              str(self.files)], capture_output=True, text=True)
        got["sourcemeta"] = set(os.path.basename(m) for m in re.findall(
            r"^fail: (\S+\.json)", out.stdout + out.stderr, re.M))
        out = subprocess.run([str(self.peers / "cargo/bin/jsonschema-cli"), "validate", s,
                              "--assert-format", "-i", *self.file_list],
                             capture_output=True, text=True)
        got["jsonschema-cli"] = set(os.path.basename(m) for m in re.findall(
            r"^(\S+\.json) - INVALID", out.stdout + out.stderr, re.M))
        self.expect_same("1,000 files", want, got)
        self.invalid_files = len(want)

    @staticmethod
    def expect_same(what, want, got):
        if not want:
            sys.exit(f"{what}: hlmsg found no invalid payload; the corpus should hold some")
        for name, bad in got.items():
            if bad != want:
                sys.exit(f"{what}: {name} disagrees with hlmsg: only hlmsg {sorted(want - bad)[:5]}, "
                         f"only {name} {sorted(bad - want)[:5]}")
        print(f"  {what}: all agree on {len(want)} invalid payloads ({', '.join(got)})")

    # ----- timing --------------------------------------------------------------------------
    def time(self, cmd, shell=False):
        """Median wall time and peak RSS (MB) over self.runs runs."""
        walls, peaks = [], []
        for _ in range(self.runs):
            with tempfile.NamedTemporaryFile(mode="r") as t:
                full = ["/usr/bin/time", "-f", "%M", "-o", t.name]
                full += ["sh", "-c", cmd] if shell else cmd
                start = time.perf_counter()
                subprocess.run(full, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                walls.append(time.perf_counter() - start)
                peaks.append(int(t.read().strip().splitlines()[-1]) / 1024)
        return statistics.median(walls), max(peaks)

    def row(self, scenario, tool, cmd, payloads, mb, base=None, shell=False):
        wall, peak = self.time(cmd, shell=shell)
        r = {"scenario": scenario, "tool": tool, "wall": wall, "peak": peak,
             "pps": payloads / wall, "mbps": mb / wall, "base": base}
        self.rows.append(r)
        print(f"  {scenario:<34} {tool:<36} {wall:8.3f} s {peak:8.1f} MB", flush=True)
        return r

    def run_all(self):
        h, s = self.hlmsg, str(self.schema)
        c100k, n = str(self.c100k), 100_000
        print(f"timing, median of {self.runs} runs ...", flush=True)
        v = self.row("validate, 100k NDJSON", "hlmsg validate", [h, "validate", c100k], n, self.mb)
        v1 = self.row("validate, 100k NDJSON", "hlmsg validate --jobs 1", [h, "validate", "--jobs", "1", c100k], n, self.mb, v)
        vs = self.row("validate, 100k NDJSON", "hlmsg validate --schema FILE", [h, "validate", "--schema", s, c100k], n, self.mb)
        vs1 = self.row("validate, 100k NDJSON", "hlmsg validate --schema FILE --jobs 1", [h, "validate", "--jobs", "1", "--schema", s, c100k], n, self.mb, vs)
        fl = self.row("validate, 100k NDJSON", "floor (parse + is_valid, 1 thread)", [self.floor, s, c100k], n, self.mb, vs)
        fs = self.row("validate, 100k NDJSON", "syntax floor (memchr lines + IgnoredAny, 1 thread)", [self.floor, "--syntax", c100k], n, self.mb, v1)
        sm = self.row("validate, 100k NDJSON", "sourcemeta jsonschema validate", [str(self.npm / "jsonschema"), "validate", "-F", "--continue", s, str(self.c100k_jsonl)], n, self.mb, vs)
        smf = self.row("validate, 100k NDJSON", "sourcemeta jsonschema validate --fast", [str(self.npm / "jsonschema"), "validate", "--fast", "-F", "--continue", s, str(self.c100k_jsonl)], n, self.mb, vs)

        files, fmb = self.file_list, self.files_mb
        vf = self.row("validate, 1,000 files", "hlmsg validate", [h, "validate", "--schema", s, str(self.files)], 1000, fmb)
        cj = self.row("validate, 1,000 files", "check-jsonschema", [str(self.peers / "venv/bin/check-jsonschema"), "--schemafile", s, *files], 1000, fmb, vf)
        aj = self.row("validate, 1,000 files", "ajv-cli", [str(self.npm / "ajv"), "validate", "--spec=draft2020", "--allow-union-types", "-c", "ajv-formats", "-s", s, "-d", str(self.files / "*.json"), "--errors=line"], 1000, fmb, vf)
        smd = self.row("validate, 1,000 files", "sourcemeta jsonschema validate", [str(self.npm / "jsonschema"), "validate", "-F", "--continue", s, str(self.files)], 1000, fmb, vf)
        jc = self.row("validate, 1,000 files", "jsonschema-cli", [str(self.peers / "cargo/bin/jsonschema-cli"), "validate", s, "--assert-format", "-i", *files], 1000, fmb, vf)

        cl = self.row("classify, 100k NDJSON", "hlmsg classify --summary", [h, "classify", "--summary", c100k], n, self.mb)
        jq_cl = self.row("classify, 100k NDJSON", "jq -r .messageType | sort | uniq -c", f"jq -r .messageType {c100k} | sort | uniq -c", n, self.mb, cl, shell=True)

        sj = self.row("show, 100k NDJSON", "hlmsg show --format json", [h, "show", "--format", "json", c100k], n, self.mb)
        jq_j = self.row("show, 100k NDJSON", "jq .", ["jq", ".", c100k], n, self.mb, sj)
        sc = self.row("show, 100k NDJSON", "hlmsg show --format compact", [h, "show", "--format", "compact", c100k], n, self.mb)
        jq_c = self.row("show, 100k NDJSON", "jq -c .", ["jq", "-c", ".", c100k], n, self.mb, sc)

        df = self.row("diff, two 100k captures", "hlmsg diff (shuffled, 1% changed)", [h, "diff", c100k, str(self.right)], 2 * n, 2 * self.mb)
        df1 = self.row("diff, two 100k captures", "hlmsg diff --jobs 1", [h, "diff", "--jobs", "1", c100k, str(self.right)], 2 * n, 2 * self.mb, df)
        ds = self.row("diff --schema, 100k NDJSON", "hlmsg diff --schema", [h, "diff", "--schema", c100k], n, self.mb)
        ds1 = self.row("diff --schema, 100k NDJSON", "hlmsg diff --schema --jobs 1", [h, "diff", "--schema", "--jobs", "1", c100k], n, self.mb, ds)

        m1 = self.row("memory, 1M NDJSON", "hlmsg validate", [h, "validate", str(self.c1m)], 1_000_000, self.c1m.stat().st_size / 1e6)
        m2 = self.row("memory, 1M NDJSON", "hlmsg classify --summary", [h, "classify", "--summary", str(self.c1m)], 1_000_000, self.c1m.stat().st_size / 1e6)

        # One payload whose `attachments` holds N integers: N schema violations. The time must
        # grow linearly with N (it grew with N squared when each position was searched anew).
        viol = []
        for count in (25_000, 100_000, 250_000, 1_000_000):
            path = self.corpus / f"violations-{count}.json"
            if not path.exists():
                path.write_text(VIOLATIONS_HEAD + ",".join(["1"] * count) + "]}")
            viol.append(self.row(f"validate, {count:,} violations in one payload", "hlmsg validate",
                                 [h, "validate", str(path)], 1, path.stat().st_size / 1e6))

        fastest_file_peer = min((cj, aj, smd, jc), key=lambda r: r["wall"])
        self.targets = [
            ("validate 100k (bundled schemas): at least 10x faster than sourcemeta --fast", smf["wall"] / v["wall"], ">= 10", smf["wall"] / v["wall"] >= 10),
            ("validate 100k (--schema FILE): at least 10x faster than sourcemeta --fast", smf["wall"] / vs["wall"], ">= 10", smf["wall"] / vs["wall"] >= 10),
            ("validate --jobs 1 (bundled schemas): at most 2x the syntax floor", v1["wall"] / fs["wall"], "<= 2", v1["wall"] / fs["wall"] <= 2),
            ("validate --jobs 1 (--schema FILE): at most 2x the syntax floor", vs1["wall"] / fs["wall"], "<= 2", vs1["wall"] / fs["wall"] <= 2),
            ("validate 1,000 files: at least 1.2x faster than jsonschema-cli", jc["wall"] / vf["wall"], ">= 1.2", jc["wall"] / vf["wall"] >= 1.2),
            ("validate 1,000 files: at least 10x faster than check-jsonschema", cj["wall"] / vf["wall"], ">= 10", cj["wall"] / vf["wall"] >= 10),
            ("validate 1,000 files: at least 10x faster than ajv-cli", aj["wall"] / vf["wall"], ">= 10", aj["wall"] / vf["wall"] >= 10),
            ("classify --summary: at least 15x faster than the jq pipeline", jq_cl["wall"] / cl["wall"], ">= 15", jq_cl["wall"] / cl["wall"] >= 15),
            ("show --format json: at least 6x faster than jq .", jq_j["wall"] / sj["wall"], ">= 6", jq_j["wall"] / sj["wall"] >= 6),
            ("show --format compact: at least 20x faster than jq -c .", jq_c["wall"] / sc["wall"], ">= 20", jq_c["wall"] / sc["wall"] >= 20),
            ("diff of two captures: faster on every core than on one (--jobs 1 / default)", df1["wall"] / df["wall"], "> 1", df1["wall"] > df["wall"]),
            ("diff --schema: faster on every core than on one (--jobs 1 / default)", ds1["wall"] / ds["wall"], "> 1", ds1["wall"] > ds["wall"]),
            ("validate, 1M payloads: peak memory at most 16 MB", m1["peak"], "<= 16 MB", m1["peak"] <= 16),
            ("classify, 1M payloads: peak memory at most 16 MB", m2["peak"], "<= 16 MB", m2["peak"] <= 16),
            ("validate, 40x the violations (25k to 1M): at most 60x the time", viol[-1]["wall"] / viol[0]["wall"], "<= 60", viol[-1]["wall"] / viol[0]["wall"] <= 60),
        ]
        self.instructions = self.count_instructions()
        self.flat = (v["peak"], m1["peak"], cl["peak"], m2["peak"])

    def count_instructions(self):
        """Instructions retired (valgrind --tool=callgrind), one thread, on the 100k corpus: a
        count that the machine's load does not move, unlike wall time."""
        if not shutil.which("valgrind"):
            print("  valgrind is missing: no instruction counts", flush=True)
            return []
        h, s, c = self.hlmsg, str(self.schema), str(self.c100k)
        short = {h: "hlmsg", self.floor: "floor", s: "SCHEMA", c: "100k.ndjson"}
        out = []
        for name, cmd in [
            ("hlmsg validate --jobs 1", [h, "validate", "--jobs", "1", c]),
            ("hlmsg validate --schema FILE --jobs 1", [h, "validate", "--jobs", "1", "--schema", s, c]),
            ("floor (parse + is_valid)", [self.floor, s, c]),
            ("syntax floor (memchr lines + IgnoredAny)", [self.floor, "--syntax", c]),
        ]:
            run = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *cmd],
                                 stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
            m = re.search(r"Collected : (\d+)", run.stderr)
            count = int(m.group(1)) if m else None
            print(f"  instructions  {name:<44} {count if count is not None else 'unknown'}", flush=True)
            out.append((name, " ".join(short.get(a, a) for a in cmd), count))
        return out

    # ----- report --------------------------------------------------------------------------
    def versions(self):
        def ver(cmd):
            try:
                out = subprocess.run(cmd, capture_output=True, text=True, timeout=60)
                return (out.stdout or out.stderr).strip().splitlines()[0]
            except Exception as e:  # noqa: BLE001
                return f"unknown ({e})"
        return [
            ("hlmsg", ver([self.hlmsg, "--version"])),
            ("sourcemeta jsonschema (npm @sourcemeta/jsonschema)", ver([str(self.npm / "jsonschema"), "version"])),
            ("check-jsonschema (PyPI)", ver([str(self.peers / "venv/bin/check-jsonschema"), "--version"])),
            ("ajv-cli (npm, with ajv-formats)", "ajv-cli " + json.loads((self.peers / "npm/node_modules/ajv-cli/package.json").read_text())["version"]),
            ("jsonschema-cli (crates.io)", ver([str(self.peers / "cargo/bin/jsonschema-cli"), "--version"])),
            ("jq (Debian)", ver(["jq", "--version"])),
        ]

    def machine(self):
        cpu = "unknown"
        try:
            for line in Path("/proc/cpuinfo").read_text().splitlines():
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
        except OSError:
            pass
        mem = "unknown"
        try:
            kb = int(Path("/proc/meminfo").read_text().split()[1])
            mem = f"{kb / 1024 / 1024:.0f} GiB"
        except (OSError, ValueError, IndexError):
            pass
        return f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores ({cpu}), {mem} of memory"

    def report(self):
        lines = ["# Benchmarks", "",
                 "Made by `benches/run` (which builds hlmsg in release mode, installs the peers into "
                 "`benches/.peers/`, makes the corpora with `hlmsg sample` and runs "
                 "`benches/bench.py`). Reproduce with `benches/run`; `RUNS=N` sets the runs per "
                 "command.", "",
                 f"- Machine: {self.machine()}",
                 f"- Date: {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}",
                 f"- Corpus: `hlmsg sample --count 100000 --seed 42 --invalid-rate 0.01` "
                 f"({self.mb:.1f} MB, {self.invalid_100k} invalid payloads); the 1,000 files are "
                 f"its first 1,000 payloads, one per file ({self.invalid_files} invalid); the "
                 f"memory rows use the same generator with `--count 1000000`; the diff's right "
                 f"side is the 100k corpus shuffled with {self.changed} payloads changed.",
                 "- Every peer checks the same schema, hlmsg's refined message schema "
                 "(`hlmsg schema message`), with format assertion on; hlmsg checks it with "
                 "`--schema FILE`, and also with its bundled schemas (the default, which picks the "
                 "email schema for emails). The script checks that all reach the same verdicts "
                 "before it times anything.",
                 f"- Times are the median wall time of {self.runs} runs; memory is the largest peak "
                 "resident set size of those runs (`/usr/bin/time`). Ratio: the peer's time "
                 "divided by hlmsg's in the same scenario (higher is better for hlmsg). These "
                 "machines are shared and noisy: compare ratios, which come from the same run.", "",
                 "| scenario | tool | median wall | payloads/s | MB/s | peak memory | ratio to hlmsg |",
                 "|---|---|---:|---:|---:|---:|---:|"]
        for r in self.rows:
            ratio = f"{r['wall'] / r['base']['wall']:.2f}×" if r["base"] else "—"
            tool = r["tool"].replace("|", "\\|")
            lines.append(f"| {r['scenario']} | {tool} | {r['wall']:.3f} s | {r['pps']:,.0f} | "
                         f"{r['mbps']:,.1f} | {r['peak']:.1f} MB | {ratio} |")
        lines += ["", "## Targets", "", "| target | measured | wanted | met |", "|---|---:|---|---|"]
        for name, value, wanted, met in self.targets:
            shown = f"{value:.1f} MB" if "MB" in wanted else f"{value:.2f}×"
            lines.append(f"| {name} | {shown} | {wanted} | {'yes' if met else '**no**'} |")
        if self.instructions:
            floor = next((c for n, _, c in self.instructions if n.startswith("syntax floor")), None)
            lines += ["", "## Instruction counts", "",
                      "Instructions retired on the 100k corpus, on one thread "
                      "(`valgrind --tool=callgrind --callgrind-out-file=/dev/null COMMAND`, the "
                      "`Collected` line): unlike wall time, the count does not move with the "
                      "load of this shared machine.", "",
                      "| command | instructions | per payload | ratio to the syntax floor |",
                      "|---|---:|---:|---:|"]
            for name, cmd, count in self.instructions:
                if count is None:
                    lines.append(f"| `{cmd}` | unknown | | |")
                    continue
                ratio = f"{count / floor:.2f}×" if floor else ""
                lines.append(f"| `{cmd}` | {count:,} | {count / 100_000:,.0f} | {ratio} |")
        notes = ROOT / "benches/notes.md"
        lines += ["", f"Peak memory, validate: {self.flat[0]:.1f} MB on 100k payloads, "
                  f"{self.flat[1]:.1f} MB on 1M; classify --summary: {self.flat[2]:.1f} MB on 100k, "
                  f"{self.flat[3]:.1f} MB on 1M.", "", "## Versions", ""]
        for name, v in self.versions():
            lines.append(f"- {name}: {v}")
        if notes.exists():
            lines += ["", notes.read_text().rstrip("\n")]
        return "\n".join(lines) + "\n"


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--runs", type=int, default=5)
    p.add_argument("--peers", default=str(ROOT / "benches/.peers"))
    p.add_argument("--corpus", default=str(ROOT / "benches/.corpus"))
    p.add_argument("--out", default=str(ROOT / "BENCHMARKS.md"))
    args = p.parse_args()
    if not shutil.which("jq"):
        sys.exit("jq is missing: benches/run installs it")
    b = Bench(args)
    b.corpora()
    b.check_verdicts()
    b.run_all()
    text = b.report()
    Path(args.out).write_text(text)
    print()
    print(text)


if __name__ == "__main__":
    main()
