#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The GUI tests' runner (tests/gui/run-under-xvfb.sh) fails, not skips, when xvfb-run is missing
# where the GUI tests must run, and runs the program under xvfb-run when it is there.
# Usage: check-gui-runner.sh SOURCE_DIR. Prints TAP.
set -u
runner=$1/tests/gui/run-under-xvfb.sh
sh=$(command -v sh)
work=$(mktemp -d "${TMPDIR:-/tmp}/check-gui-runner.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir "$work/empty" "$work/fake"
n=0
failed=0

check () {
  n=$((n + 1))
  if [ "$1" = 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; failed=1; fi
}

# Runs the runner with only @1 on PATH and the variables given after it; sets $out and $rc.
run () {
  path=$1
  shift
  out=$(env -i PATH="$path" "$@" "$sh" "$runner" -a /bin/true 2>&1)
  rc=$?
}

run "$work/empty" CI=true
[ "$rc" != 0 ] && [ "$rc" != 77 ]
check $? "CI=true without xvfb-run: exits $rc, a failure, not a skip"
printf '%s\n' "$out" | grep -q '^not ok 1 - xvfb-run not found'
check $? "CI=true without xvfb-run: reports a failed test"

run "$work/empty" QAREVIEW_REQUIRE_GUI_TESTS=1
[ "$rc" != 0 ] && [ "$rc" != 77 ]
check $? "QAREVIEW_REQUIRE_GUI_TESTS=1 without xvfb-run: exits $rc, a failure, not a skip"

run "$work/empty"
[ "$rc" = 0 ] && printf '%s\n' "$out" | grep -q '^1\.\.0 # SKIP'
check $? "on a desktop without xvfb-run: skipped"

# With an xvfb-run on PATH, the runner hands it the arguments and reports what the program did.
cat > "$work/fake/xvfb-run" <<SCRIPT
#!$sh
echo "ok 1 - ran \$*"
echo "1..1"
exit 3
SCRIPT
chmod +x "$work/fake/xvfb-run"
run "$work/fake" CI=true
[ "$rc" = 3 ] && printf '%s\n' "$out" | grep -q '^ok 1 - ran -a /bin/true$'
check $? "with xvfb-run: runs the program under it and passes on its exit status"

# build-aux/test.sh, the README's test command that CI runs, asks for the GUI tests to run.
grep -q '^export QAREVIEW_REQUIRE_GUI_TESTS=1$' "$1/build-aux/test.sh"
check $? "build-aux/test.sh requires the GUI tests"

echo "1..$n"
exit $failed
