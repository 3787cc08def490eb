#!/bin/sh
# Installs what is missing, builds qareview twice — normally and with AddressSanitizer and
# UndefinedBehaviorSanitizer — with warnings as errors, and runs every test (unit, CLI, data
# validators, translations, and the GUI under xvfb-run) in both builds. Idempotent.
set -eu
cd "$(dirname "$0")/.."

sh build-aux/install-deps.sh

# xvfb-run is installed above: a GUI test that cannot find it fails here instead of skipping.
export QAREVIEW_REQUIRE_GUI_TESTS=1

run_suite () {
  builddir=$1
  shift
  if [ ! -f "$builddir/build.ninja" ]; then
    meson setup "$builddir" -Dwerror=true "$@"
  else
    meson configure "$builddir" -Dwerror=true "$@"
  fi
  meson compile -C "$builddir"
  meson test -C "$builddir" --print-errorlogs --num-processes 2 || status=1
}

status=0
run_suite _build
run_suite _build-sanitizers -Dsanitizers=true -Db_lundef=false

# One closing line over both builds, in the plain form CI reads.
python3 build-aux/test-summary.py _build/meson-logs/testlog.json \
  _build-sanitizers/meson-logs/testlog.json
exit $status
