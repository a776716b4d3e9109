#!/usr/bin/env python3
"""Reading real folders and compressed logs.

1. Walking: `hlmsg validate DIR` on a folder of 100,000 one-payload files in 1,000 subfolders
   (with a .git folder and a .gitignore, as a repository has), against a baseline build of hlmsg
   from before the walk used the `ignore` crate (a serial walkdir walk). The baseline is built
   once from git into benches/.baseline/ (git-ignored) with `--baseline-commit`.
2. Compressed logs: `hlmsg validate` on the same NDJSON log plain, gzip'd, zstd'd, and
   decompressed by `zcat` / `zstdcat` into a pipe.

Wall time is the median of RUNS runs; peak memory is /usr/bin/time's maximum resident set.
Writes the "Inputs" section of BENCHMARKS.md.

    python3 benches/inputs.py
    python3 benches/inputs.py --files 20000 --count 200000 --runs 3
"""

import argparse
import gzip
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HLMSG = ROOT / "target/release/hlmsg"
WORK = ROOT / "benches/.corpus/inputs"
BASELINE_DIR = ROOT / "benches/.baseline"
BEGIN, END = "<!-- inputs:begin -->", "<!-- inputs:end -->"
# The last commit whose folder walk was serial (walkdir).
DEFAULT_BASELINE = "9ffafa6"


def sh(cmd, **kw):
    return subprocess.run(cmd, shell=True, check=True, **kw)


def timed(cmd, runs):
    """Median wall seconds and the largest peak RSS (KiB) over `runs` runs of a shell command."""
    walls, peaks = [], []
    for _ in range(runs):
        start = time.perf_counter()
        out = subprocess.run(["/usr/bin/time", "-f", "%M", "sh", "-c", cmd + " > /dev/null"],
                             capture_output=True, text=True, check=False)
        walls.append(time.perf_counter() - start)
        peak = re.findall(r"^(\d+)$", out.stderr, re.M)
        peaks.append(int(peak[-1]) if peak else 0)
    return statistics.median(walls), max(peaks)


def baseline(commit):
    """A release build of hlmsg at `commit`, built once."""
    exe = BASELINE_DIR / f"hlmsg-{commit}"
    if exe.exists():
        return exe
    tree = BASELINE_DIR / "tree"
    if tree.exists():
        sh(f"git -C {ROOT} worktree remove --force {tree}")
    sh(f"git -C {ROOT} worktree add --detach {tree} {commit}")
    print(f"building the baseline at {commit} (release) ...", file=sys.stderr)
    sh("cargo build --release --locked --quiet --bin hlmsg", cwd=tree,
       env={**os.environ, "CARGO_TARGET_DIR": str(BASELINE_DIR / "target")})
    shutil.copy(BASELINE_DIR / "target/release/hlmsg", exe)
    sh(f"git -C {ROOT} worktree remove --force {tree}")
    return exe


def folder(files):
    """`files` one-payload files in subfolders of 100, a .git folder and a .gitignore."""
    d = WORK / f"folder-{files}"
    if d.exists():
        return d
    payloads = subprocess.run([str(HLMSG), "sample", "--count", str(files), "--seed", "3"],
                              capture_output=True, check=True).stdout.splitlines()
    tmp = d.with_suffix(".tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    (tmp / ".git").mkdir(parents=True)
    (tmp / ".git/HEAD").write_text("ref: refs/heads/main\n")
    (tmp / ".gitignore").write_text("build/\n")
    for i, p in enumerate(payloads):
        sub = tmp / f"d{i // 100:04d}"
        if i % 100 == 0:
            sub.mkdir()
        (sub / f"p{i:06d}.json").write_bytes(p + b"\n")
    tmp.rename(d)
    return d


def logs(count):
    """One NDJSON log of `count` payloads: plain, .gz and .zst."""
    plain = WORK / f"log-{count}.ndjson"
    if not plain.exists():
        with open(plain, "wb") as f:
            subprocess.run([str(HLMSG), "sample", "--count", str(count), "--seed", "4"],
                           stdout=f, check=True)
    gz, zst = Path(f"{plain}.gz"), Path(f"{plain}.zst")
    if not gz.exists():
        with open(plain, "rb") as src, gzip.open(gz, "wb", compresslevel=6) as dst:
            shutil.copyfileobj(src, dst)
    if not zst.exists():
        sh(f"zstd -q -3 -f {plain} -o {zst}")
    return plain, gz, zst


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--files", type=int, default=100_000)
    ap.add_argument("--count", type=int, default=300_000)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--baseline-commit", default=DEFAULT_BASELINE)
    a = ap.parse_args()
    if shutil.which("zstd") is None:
        sh("apt-get update -qq && apt-get install -y -qq zstd")
    WORK.mkdir(parents=True, exist_ok=True)
    base = baseline(a.baseline_commit)

    d = folder(a.files)
    # The page cache is warm for both: the first run of each is not counted apart.
    walk_rows = []
    for name, exe in [("hlmsg (this build: ignore crate, streamed walk)", HLMSG),
                      (f"hlmsg at {a.baseline_commit} (walkdir, serial walk)", base)]:
        wall, peak = timed(f"{exe} validate --no-progress {d}", a.runs)
        walk_rows.append((name, wall, peak))

    plain, gz, zst = logs(a.count)
    size = plain.stat().st_size
    log_rows = []
    for name, cmd, on_disk in [
        ("plain file", f"{HLMSG} validate --no-progress {plain}", size),
        ("`.gz` file, decompressed by hlmsg", f"{HLMSG} validate --no-progress {gz}", gz.stat().st_size),
        ("`zcat FILE.gz \\| hlmsg validate`", f"zcat {gz} | {HLMSG} validate --no-progress", gz.stat().st_size),
        ("`.zst` file, decompressed by hlmsg", f"{HLMSG} validate --no-progress {zst}", zst.stat().st_size),
        ("`zstdcat FILE.zst \\| hlmsg validate`", f"zstdcat {zst} | {HLMSG} validate --no-progress", zst.stat().st_size),
    ]:
        wall, peak = timed(cmd, a.runs)
        log_rows.append((name, on_disk, wall, size / wall / 2**20, peak))

    lines = [
        BEGIN,
        "## Inputs: folders and compressed logs",
        "",
        f"`python3 benches/inputs.py` ({a.runs} runs, median wall time; peak RSS from /usr/bin/time; "
        f"{os.cpu_count()} cores).",
        "",
        f"Walking a folder of {a.files:,} one-payload files in {a.files // 100:,} subfolders "
        "(`hlmsg validate DIR`):",
        "",
        "| build | wall | peak memory |",
        "|---|---:|---:|",
    ]
    for name, wall, peak in walk_rows:
        lines.append(f"| {name} | {wall:.2f} s | {peak / 1024:.1f} MiB |")
    lines += [
        "",
        f"A log of {a.count:,} payloads ({size / 2**20:.1f} MiB of NDJSON), `hlmsg validate`:",
        "",
        "| input | on disk | wall | decompressed MiB/s | peak memory |",
        "|---|---:|---:|---:|---:|",
    ]
    for name, disk, wall, rate, peak in log_rows:
        lines.append(f"| {name} | {disk / 2**20:.1f} MiB | {wall:.2f} s | {rate:,.0f} | {peak / 1024:.1f} MiB |")
    lines.append(END)
    section = "\n".join(lines) + "\n"

    bench = ROOT / "BENCHMARKS.md"
    text = bench.read_text()
    if BEGIN in text:
        text = text[:text.index(BEGIN)] + section + text[text.index(END) + len(END) + 1:]
    else:
        text = text.rstrip("\n") + "\n\n" + section
    bench.write_text(text)
    print(section)


if __name__ == "__main__":
    main()
