#!/usr/bin/env python3
"""The live loop under load: `hlmsg send --concurrency 64` against `hlmsg listen --record`, and
the same load against a plain receiver (Python's http.server, appending each body to a file).

Measures deliveries per second, latency percentiles (from send's summary), the listener's peak
memory (VmHWM from /proc), and checks the record: as many deliveries as were sent, each body
byte for byte one of the generated payloads. Writes the "Live" section of BENCHMARKS.md.

    python3 benches/live.py                 # 100,000 deliveries
    python3 benches/live.py --count 20000
"""

import argparse
import collections
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HLMSG = ROOT / "target/release/hlmsg"
BEGIN, END = "<!-- live:begin -->", "<!-- live:end -->"

BASELINE = r'''
import http.server, sys, threading
out = open(sys.argv[1], "ab")
lock = threading.Lock()
class H(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        with lock:
            out.write(body + b"\n"); out.flush()
        self.send_response(200); self.send_header("Content-Length", "2"); self.end_headers()
        self.wfile.write(b"{}")
    def log_message(self, *a): pass
s = http.server.ThreadingHTTPServer(("127.0.0.1", 0), H)
print(s.server_address[1], flush=True)
s.serve_forever()
'''


def peak_kib(pid):
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return 0


def send(port, count, concurrency):
    out = subprocess.run(
        [str(HLMSG), "send", f"http://127.0.0.1:{port}/webhook", "--generate", str(count),
         "--concurrency", str(concurrency), "--json"],
        capture_output=True, text=True, check=False)
    summary = json.loads(out.stdout.strip().splitlines()[-1])
    return summary


def record_bodies(path):
    """The bodies of a raw HTTP capture written by listen, by Content-Length."""
    data = Path(path).read_bytes()
    bodies, i = [], 0
    while True:
        head_end = data.find(b"\r\n\r\n", i)
        if head_end < 0:
            break
        head = data[i:head_end].decode("latin-1")
        m = re.search(r"(?im)^content-length:\s*(\d+)", head)
        n = int(m.group(1)) if m else 0
        start = head_end + 4
        bodies.append(data[start:start + n])
        i = start + n + 2
    return bodies


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--count", type=int, default=100_000)
    p.add_argument("--concurrency", type=int, default=64)
    p.add_argument("--out", default=str(ROOT / "BENCHMARKS.md"))
    a = p.parse_args()
    if not HLMSG.exists():
        subprocess.run(["cargo", "build", "--release", "--locked", "--quiet"], cwd=ROOT, check=True)
    tmp = Path(tempfile.mkdtemp())
    expected = subprocess.run(
        [str(HLMSG), "sample", "--count", str(a.count)], capture_output=True, check=True
    ).stdout.splitlines()

    # hlmsg listen --record
    record = tmp / "record.http"
    listener = subprocess.Popen([str(HLMSG), "listen", "--record", str(record)],
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    port = int(re.search(r"127\.0\.0\.1:(\d+)/", listener.stderr.readline()).group(1))
    t0 = time.monotonic()
    s = send(port, a.count, a.concurrency)
    took = time.monotonic() - t0
    peak = peak_kib(listener.pid)
    listener.terminate()
    listener.wait()
    bodies = record_bodies(record)
    counts_match = len(bodies) == a.count
    identical = collections.Counter(bodies) == collections.Counter(expected)

    # The baseline: Python's http.server appending bodies to a file.
    plain = tmp / "plain.ndjson"
    base = subprocess.Popen([sys.executable, "-c", BASELINE, str(plain)],
                            stdout=subprocess.PIPE, text=True)
    bport = int(base.stdout.readline())
    t1 = time.monotonic()
    b = send(bport, a.count, a.concurrency)
    btook = time.monotonic() - t1
    bpeak = peak_kib(base.pid)
    base.terminate()
    base.wait()
    blines = plain.read_bytes().count(b"\n")

    rows = [
        ("hlmsg listen --record (checks every delivery)", s, took, peak, len(bodies)),
        ("python3 http.server (appends each body)", b, btook, bpeak, blines),
    ]
    text = [BEGIN, "", f"## Live: {a.count:,} deliveries at concurrency {a.concurrency}", "",
            "`hlmsg send --generate N --concurrency 64` on loopback against each receiver "
            "(`python3 benches/live.py`, 2 cores shared by sender and receiver).", "",
            "| receiver | deliveries/s | p50 | p90 | p99 | max | peak memory | recorded |",
            "|---|---:|---:|---:|---:|---:|---:|---:|"]
    for name, summ, secs, kib, recorded in rows:
        ok = summ["by_status"].get("200", 0)
        text.append(
            f"| {name} | {ok / secs:,.0f} | {summ['p50_ms']} ms | {summ['p90_ms']} ms | "
            f"{summ['p99_ms']} ms | {summ['max_ms']} ms | {kib / 1024:.1f} MiB | {recorded:,} |")
    text += ["", f"The record holds {len(bodies):,} deliveries for {a.count:,} sent "
             f"({'equal' if counts_match else 'NOT EQUAL'}); every body is byte for byte one of "
             f"the generated payloads: {'yes' if identical else 'NO'}.", "", END]
    section = "\n".join(text) + "\n"
    out = Path(a.out)
    doc = out.read_text() if out.exists() else ""
    if BEGIN in doc and END in doc:
        doc = doc[:doc.index(BEGIN)] + section + doc[doc.index(END) + len(END) + 1:]
    else:
        doc = doc.rstrip("\n") + "\n\n" + section
    out.write_text(doc)
    print(section)
    if not (counts_match and identical):
        sys.exit(1)


if __name__ == "__main__":
    main()
