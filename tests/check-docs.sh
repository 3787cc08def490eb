#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Every verb that `qareview-cli --help` lists is documented in docs/cli.md and in the manual page
# docs/qareview-cli.1, and the README points at docs/, not at files a user does not have.
# Usage: check-docs.sh QAREVIEW_CLI SOURCE_DIR. Prints TAP.
set -u
cli=$1
src=$2
n=0
failed=0

check () {
  n=$((n + 1))
  if [ "$1" = 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; failed=1; fi
}

# The verb of each help line: its leading lower-case words (“panel set”, “import”).
verbs=$(LC_ALL=C "$cli" --help | sed -n '/^Verbs:/,/^$/p' | grep '^  [a-z]' | grep -v '^      ' |
        awk '{ v = ""; for (i = 1; i <= NF && $i ~ /^[a-z][a-z-]*$/; i++) v = v (v == "" ? "" : " ") $i; print v }')

[ -n "$verbs" ]
check $? "qareview-cli --help lists verbs"

printf '%s\n' "$verbs" | while read -r verb; do
  grep -q "\`$verb[ \`]" "$src/docs/cli.md"
  echo "$? docs/cli.md documents “$verb”"
  man_verb=$(printf '%s' "$verb" | sed 's/-/\\\\-/g')
  grep -q "^\.B $man_verb\$" "$src/docs/qareview-cli.1"
  echo "$? docs/qareview-cli.1 documents “$verb”"
done > "${TMPDIR:-/tmp}/check-docs.$$"
while read -r status label; do
  check "$status" "$label"
done < "${TMPDIR:-/tmp}/check-docs.$$"
rm -f "${TMPDIR:-/tmp}/check-docs.$$"

! grep -q '\.\./shared' "$src/README.md"
check $? "README.md does not point at ../shared"
grep -q 'docs/cli.md' "$src/README.md"
check $? "README.md points at docs/cli.md"

echo "1..$n"
exit $failed
