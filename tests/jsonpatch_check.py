#!/usr/bin/env python3
"""Checks `hlmsg diff --format json-patch` with an independent RFC 6902 implementation.

For every ordered pair (LEFT, RIGHT) of the *.json files in the given folders (default:
samples/), runs `hlmsg diff --format json-patch LEFT RIGHT`, applies the patch to LEFT with
the `jsonpatch` package from PyPI and checks that the result equals RIGHT. It also checks the
exit code: 0 for an empty patch, 1 otherwise.

Usage: python3 tests/jsonpatch_check.py HLMSG_BINARY [FOLDER...]

The package is not installed by this script: run `pip install jsonpatch` first. The Rust test
`diff::json_patch_applies_with_python_jsonpatch` runs this script when the package is present.
"""

import json
import pathlib
import subprocess
import sys

try:
    import jsonpatch
except ImportError:
    sys.exit("jsonpatch is not installed (pip install jsonpatch)")


def main() -> int:
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    binary = sys.argv[1]
    folders = [pathlib.Path(f) for f in sys.argv[2:]] or [pathlib.Path("samples")]
    files = sorted(p for folder in folders for p in folder.glob("*.json"))
    if len(files) < 2:
        sys.exit(f"expected at least two *.json files in {', '.join(map(str, folders))}")
    failures = 0
    pairs = 0
    for left in files:
        left_value = json.loads(left.read_text(encoding="utf-8"))
        for right in files:
            pairs += 1
            right_value = json.loads(right.read_text(encoding="utf-8"))
            run = subprocess.run(
                [binary, "diff", "--format", "json-patch", str(left), str(right)],
                capture_output=True,
                check=False,
            )
            patch = json.loads(run.stdout)
            expected_code = 1 if patch else 0
            if run.returncode != expected_code:
                failures += 1
                print(f"{left} {right}: exit {run.returncode}, expected {expected_code}: "
                      f"{run.stderr.decode(errors='replace')}")
                continue
            try:
                result = jsonpatch.apply_patch(left_value, patch)
            except Exception as e:  # noqa: BLE001 - any failure to apply is a finding
                failures += 1
                print(f"{left} {right}: the patch does not apply: {e!r}")
                continue
            if result != right_value:
                failures += 1
                print(f"{left} {right}: the patched LEFT differs from RIGHT")
    print(f"{pairs} pairs, {failures} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
