#!/usr/bin/env python3
"""Prints 'N passed, N failed, N skipped' over meson test logs (JSON lines), counting the TAP
subtests of each test program rather than the programs."""
import json
import sys

passed = failed = skipped = 0
for path in sys.argv[1:]:
    with open(path, encoding="utf-8") as log:
        for line in log:
            test = json.loads(line)
            result = test.get("result")
            stdout = test.get("stdout") or ""
            oks = sum(1 for l in stdout.splitlines() if l.startswith("ok "))
            nots = sum(1 for l in stdout.splitlines() if l.startswith("not ok "))
            if oks + nots == 0:
                oks, nots = (1, 0) if result == "OK" else (0, 1)
            if result == "SKIP":
                skipped += 1
                continue
            if result not in ("OK", "EXPECTEDFAIL") and nots == 0:
                nots = 1
            passed += oks
            failed += nots
print(f"{passed} passed, {failed} failed, {skipped} skipped")
