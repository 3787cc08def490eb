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

# The verbs of each help line: its leading lower-case words (“panel set”), each alternative of a
# word such as “applicants|experts|conflicts” a verb of its own (“import applicants”, …).
verbs=$(LC_ALL=C "$cli" --help | sed -n '/^Verbs:/,/^$/p' | grep '^  [a-z]' | grep -v '^      ' |
        awk '{
          n = 1; v[1] = ""
          for (i = 1; i <= NF && $i ~ /^[a-z][a-z-]*(\|[a-z][a-z-]*)*$/; i++) {
            k = split($i, alt, "|"); m = 0
            for (j = 1; j <= n; j++)
              for (a = 1; a <= k; a++)
                w[++m] = v[j] (v[j] == "" ? "" : " ") alt[a]
            n = m; for (j = 1; j <= n; j++) v[j] = w[j]
          }
          for (j = 1; j <= n; j++) print v[j]
        }')

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
