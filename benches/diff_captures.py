#!/usr/bin/env python3
"""Makes two NDJSON captures for timing `hlmsg diff` (the figure in README.md).

LEFT cycles the samples with a unique messageId each; RIGHT is LEFT shuffled, with 1% of the
payloads changed (one field each), DROP payloads removed and ADD new ones. Prints the summary
line that `hlmsg diff` must print.

    python3 benches/diff_captures.py 100000 0 0 /tmp/captures
    cargo build --release
    /usr/bin/time -v target/release/hlmsg diff /tmp/captures/left.ndjson /tmp/captures/right.ndjson
"""

import json
import pathlib
import random
import sys


def main() -> None:
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    n, drop, add = (int(a) for a in sys.argv[1:4])
    out = pathlib.Path(sys.argv[4])
    out.mkdir(parents=True, exist_ok=True)
    root = pathlib.Path(__file__).resolve().parent.parent
    samples = [json.loads(p.read_text()) for p in sorted((root / "samples").glob("*.json"))]
    rng = random.Random(4)
    left = []
    for i in range(n):
        p = dict(samples[i % len(samples)])
        p["messageId"] = f"m{i:07d}"
        left.append(p)
    right = [dict(p) for p in left]
    changed = rng.sample(range(n), n // 100)
    for i in changed:
        right[i]["dateAdded"] = "2030-01-01T00:00:00.000Z"
    unchanged = sorted(set(range(n)) - set(changed))
    dropped = set(rng.sample(unchanged, drop))
    right = [p for i, p in enumerate(right) if i not in dropped]
    for j in range(add):
        p = dict(samples[j % len(samples)])
        p["messageId"] = f"new{j:06d}"
        right.append(p)
    rng.shuffle(right)
    for name, payloads in (("left.ndjson", left), ("right.ndjson", right)):
        with open(out / name, "w", encoding="utf-8") as f:
            for p in payloads:
                f.write(json.dumps(p, ensure_ascii=False) + "\n")
    print(f"{n - len(changed) - drop} same, {len(changed)} changed, {drop} only in LEFT, "
          f"{add} only in RIGHT")


if __name__ == "__main__":
    main()
