#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs one GUI test program under a virtual X server: run-under-xvfb.sh XVFB_RUN_ARGS… PROGRAM.
# xvfb-run is looked for when the test runs, not when the build is configured. Without it the
# test is reported skipped on a desktop, but it fails where the GUI tests must run: in CI
# (CI=true) and under build-aux/test.sh (QAREVIEW_REQUIRE_GUI_TESTS=1). Prints TAP.
if command -v xvfb-run >/dev/null 2>&1; then
  exec xvfb-run "$@"
fi
if [ "${CI:-}" = true ] || [ "${QAREVIEW_REQUIRE_GUI_TESTS:-}" = 1 ]; then
  echo "not ok 1 - xvfb-run not found: the GUI tests cannot run here"
  echo "1..1"
  exit 1
fi
echo "1..0 # SKIP xvfb-run not found"
exit 0
