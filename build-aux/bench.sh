#!/bin/sh
# The province benchmark (issue 11): every bulk operation of qareview next to its floor — the
# plain tool that does the same I/O — measured in the same run, several times each, and a
# growth check (time per row at three sizes).
#
#   sh build-aux/bench.sh [--growth-only]
#
# Environment: QAREVIEW_BUILDDIR (default _build), BENCH_RUNS (default 5), BENCH_DIR (kept
# workload; default a fresh temporary directory, removed afterwards), BENCH_MATERIAL_MB (default
# 5), BENCH_APPLICANTS (default 200), BENCH_LARGE (default 10000), BENCH_GROWTH_FACTOR (default 3).
# Needs only what build-aux/install-deps.sh installs: sqlite3, xmllint, xvfb-run.
#
# Prints: operation | qareview min / median | floor min / median | ratio (of the minimums).
# With --growth-only it runs the growth check alone (< 20 s) and fails if the time per row at
# the largest size is more than BENCH_GROWTH_FACTOR times that at the smallest.
set -eu

SRC=$(cd "$(dirname "$0")/.." && pwd)
B=${QAREVIEW_BUILDDIR:-$SRC/_build}
RUNS=${BENCH_RUNS:-5}
MB=${BENCH_MATERIAL_MB:-5}
N=${BENCH_APPLICANTS:-200}
LARGE=${BENCH_LARGE:-10000}
FACTOR=${BENCH_GROWTH_FACTOR:-3}
CLI=$B/src/cli/qareview-cli
GEN=${BENCH_PROVINCE:-$B/tests/bench/bench-province}
BARE=${BENCH_BARE:-$B/tests/bench/bench-bare-window}
GROWTH_ONLY=no
[ "${1:-}" = "--growth-only" ] && GROWTH_ONLY=yes

if [ -n "${BENCH_DIR:-}" ]; then
  W=$BENCH_DIR
  mkdir -p "$W"
else
  W=$(mktemp -d "${TMPDIR:-/tmp}/qareview-bench-XXXXXX")
  trap 'rm -rf "$W"' EXIT
fi

now_ns () { date +%s%N; }

# time_runs SETUP COMMAND: runs SETUP (untimed) then COMMAND, RUNS times; prints the seconds of
# each run, one a line.
time_runs () {
  i=0
  while [ "$i" -lt "$RUNS" ]; do
    eval "$1"
    t0=$(now_ns)
    if ! eval "$2" >/dev/null 2>"$W/stderr"; then
      # A refusal is a result too: the row says so.
      echo "FAILED $(head -c 160 "$W/stderr" | tr '\n|' '  ')"
      return 0
    fi
    t1=$(now_ns)
    echo "$(( (t1 - t0) / 1000 ))" | awk '{ printf "%.6f\n", $1 / 1e6 }'
    i=$((i + 1))
  done
}

min_of () { sort -g | head -n 1; }
median_of () { sort -g | awk '{ v[NR] = $1 } END { printf "%.6f\n", (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

fmt () { awk -v v="$1" 'BEGIN { if (v < 0.01) printf "%.2f ms", v * 1000; else printf "%.3f s", v }'; }

# row NAME QA_TIMES FLOOR_NAME FLOOR_TIMES
row () {
  case "$2" in FAILED*)
    printf '| %s | %s | %s | — |\n' "$1" "$(printf '%s' "$2" | head -n 1)" "$3"
    return ;;
  esac
  qmin=$(printf '%s\n' "$2" | min_of); qmed=$(printf '%s\n' "$2" | median_of)
  fmin=$(printf '%s\n' "$4" | min_of); fmed=$(printf '%s\n' "$4" | median_of)
  ratio=$(awk -v q="$qmin" -v f="$fmin" 'BEGIN { printf "%.2f×", q / f }')
  printf '| %s | %s / %s | %s %s / %s | %s |\n' "$1" "$(fmt "$qmin")" "$(fmt "$qmed")" "$3" \
    "$(fmt "$fmin")" "$(fmt "$fmed")" "$ratio"
}

header () {
  echo "| operation | qareview min / median | floor min / median | ratio |"
  echo "|---|---|---|---|"
}

fresh_session () { rm -f "$1" "$1-wal" "$1-shm"; "$CLI" --db "$1" init --year 2026 >/dev/null; }

# Growth: importing applicants at three sizes, time per row ------------------------------------
growth () {
  echo
  echo "Growth (import applicants, min of $RUNS runs): time per row"
  first=""
  for n in $SIZES; do
    "$GEN" csv "$n" "$W/growth-$n.csv"
    times=$(time_runs "fresh_session '$W/growth.db'" "'$CLI' --db '$W/growth.db' import applicants '$W/growth-$n.csv'")
    t=$(printf '%s\n' "$times" | min_of)
    per=$(awk -v t="$t" -v n="$n" 'BEGIN { printf "%.2f", t / n * 1e6 }')
    echo "  $n rows: $(fmt "$t"), $per µs/row"
    [ -z "$first" ] && { first=$per; smallest=$n; }
    last=$per; largest=$n
  done
  awk -v a="$first" -v b="$last" -v f="$FACTOR" -v s="$smallest" -v l="$largest" 'BEGIN {
    r = b / a; printf "  %d vs %d rows: %.2f× the time per row (linear: 1×; allowed %s×)\n", l, s, r, f;
    exit (r > f) }'
}

# gui_runs PROGRAM ARGS...: "seconds rss_kib cpu_seconds" per run: from the start of the process
# to its first frame, its memory 3 s later, and the CPU time it used until the first frame
# (src/app/qa-first-frame.c).
gui_runs () {
  i=0
  while [ "$i" -lt "$RUNS" ]; do
    t0=$(now_ns)
    out=$(QAREVIEW_BENCH_FIRST_FRAME=1 "$@" 2>/dev/null || true)
    echo "$out" | awk -v a="$t0" '/^first-frame/ { ff = $2 } /^rss-kib/ { r = $2 } /^cpu-us/ { c = $2 }
      END { printf "%.6f %d %.6f\n", (ff * 1000 - a) / 1e9, r, c / 1e6 }'
    i=$((i + 1))
  done
}

gui_row () {
  name=$1; shift
  qa=$(gui_runs "$@"); fl=$(gui_runs "$BARE")
  row "GUI start to first frame, $name" "$(echo "$qa" | cut -d' ' -f1)" "bare AdwApplicationWindow" "$(echo "$fl" | cut -d' ' -f1)"
  row "GUI CPU time to first frame, $name" "$(echo "$qa" | cut -d' ' -f3)" "bare AdwApplicationWindow" "$(echo "$fl" | cut -d' ' -f3)"
  qr=$(echo "$qa" | cut -d' ' -f2 | min_of); fr=$(echo "$fl" | cut -d' ' -f2 | min_of)
  awk -v q="$qr" -v f="$fr" -v n="$name" 'BEGIN { printf "| GUI memory 3 s after the first frame, %s | %.0f MiB | bare %.0f MiB | %.2f× |\n", n, q / 1024, f / 1024, q / f }'
}

if [ "${1:-}" = "--gui" ]; then
  # Settings of their own, with the operator remembered as on every start but the first.
  mkdir -p "$W/config/glib-2.0/settings"
  printf '[cn/gov/ganzhou/QaReview]\noperator-name=%s\n' "'基准'" > "$W/config/glib-2.0/settings/keyfile"
  export GSK_RENDERER=cairo GSETTINGS_SCHEMA_DIR="$B/data" QAREVIEW_LOCALEDIR="$B/po" \
    GSETTINGS_BACKEND=keyfile XDG_CONFIG_HOME="$W/config"
  gui_row "demo session" "$B/src/app/qareview" "$W/demo.db"
  gui_row "$N applicants" "$B/src/app/qareview" "$W/p/session.db"
  gui_row "$LARGE applicants" "$B/src/app/qareview" "$W/l/session.db"
  if [ -x "$B/tests/bench/bench-scroll" ]; then
    # Next to its floor: a window with nothing but a plain GtkColumnView of 10,000 rows of six
    # label columns, scrolled the same way; the ratio is of the p99s.
    qa=$("$B/tests/bench/bench-scroll" "$W/l/session.db" 300 120 2>/dev/null || true)
    fl=$("$B/tests/bench/bench-scroll" --bare 300 120 2>/dev/null || true)
    echo "$qa|$fl" | awk -F'|' -v n="$LARGE" '{
      split($1, q, " "); split($2, f, " ")
      printf "| scrolling the %s-row dossier list, 120 px a frame (p50 / p99, frames over 16.7 ms) | %.1f / %.1f ms, %d of %d | bare GtkColumnView %.1f / %.1f ms, %d of %d | %.2f× |\n",
        n, q[6], q[8], q[12], q[2], f[6], f[8], f[12], f[2], (f[8] > 0 ? q[8] / f[8] : 0) }'
  fi
  exit 0
fi

SIZES="1000 10000 100000"
if [ "$GROWTH_ONLY" = yes ]; then
  RUNS=${BENCH_RUNS:-2}
  SIZES="500 1500 4500"
  growth
  exit $?
fi

# The workload --------------------------------------------------------------------------------
echo "Workload in $W: $N applicants, 12 experts, a 9-member panel, 23 items scored by every"
echo "reviewer, $MB MB of material each; and $LARGE applicants (one reviewer's sheet)."
[ -f "$W/p/session.db" ] || "$GEN" workload "$W/p" "$N" "$MB" 9
[ -f "$W/l/session.db" ] || "$GEN" workload "$W/l" "$LARGE" 0 1
[ -f "$W/demo.db" ] || { "$CLI" --db "$W/demo.db" init --year 2026 >/dev/null && "$CLI" --db "$W/demo.db" demo >/dev/null; }

echo
header

# Import applicants vs sqlite3 .import of the same CSV.
for size in p l; do
  n=$( [ $size = p ] && echo "$N" || echo "$LARGE" )
  qa=$(time_runs "fresh_session '$W/import.db'" "'$CLI' --db '$W/import.db' import applicants '$W/$size/applicants.csv'")
  fl=$(time_runs "rm -f '$W/floor.db'" "sqlite3 '$W/floor.db' '.import --csv $W/$size/applicants.csv applicant'")
  row "import $n applicants" "$qa" "sqlite3 .import" "$fl"
done

# Sheet import vs schema validation of the same sheet.
for size in p l; do
  n=$( [ $size = p ] && echo "$N" || echo "$LARGE" )
  qa=$(time_runs "cp '$W/$size/session.db' '$W/sheet.db'; rm -f '$W/sheet.db-wal' '$W/sheet.db-shm'" \
                 "'$CLI' --db '$W/sheet.db' sheet import '$W/$size/E01.qasheet'")
  fl=$(time_runs ":" "xmllint --noout --schema '$SRC/data/schemas/scoresheet.xsd' '$W/$size/E01.qasheet'")
  row "sheet import, $n applicants × 23 items" "$qa" "xmllint --schema" "$fl"
done

# Package export vs cp of the bytes it holds.
if [ "$MB" -gt 0 ]; then
  qa=$(time_runs "rm -f '$W/E01.qapkg'" \
                 "'$CLI' --db '$W/p/materials.db' package export --reviewer E01 --stage material --out '$W/E01.qapkg'")
  fl=$(time_runs "rm -f '$W/copy.qapkg'" "cp '$W/E01.qapkg' '$W/copy.qapkg'")
  fs=$(time_runs "rm -f '$W/copy.qapkg'" "cp '$W/E01.qapkg' '$W/copy.qapkg' && sync '$W/copy.qapkg'")
  size=$(du -m "$W/E01.qapkg" | cut -f1)
  row "package export, $N applicants × $MB MB ($size MB)" "$qa" "cp" "$fl"
  # The package is synced before it is handed over; cp alone leaves its bytes in the page cache.
  row "package export, as above" "$qa" "cp + sync of the copy" "$fs"
  rm -f "$W/E01.qapkg" "$W/copy.qapkg"

  # Material add vs the sqlite3 shell's readfile() insert of the same file, same session file.
  sz=$(stat -c %s "$W/p/material.bin")
  setup_copy="cp '$W/p/session.db' '$W/add.db'; rm -f '$W/add.db-wal' '$W/add.db-shm'"
  qa=$(time_runs "$setup_copy" "'$CLI' --db '$W/add.db' material add --applicant B00001 '$W/p/material.bin'")
  fl=$(time_runs "$setup_copy" "sqlite3 '$W/add.db' \"PRAGMA synchronous=FULL; INSERT INTO material_content (sha256, size, data) VALUES (lower(hex(randomblob(32))), $sz, readfile('$W/p/material.bin'))\"")
  row "material add, $MB MB" "$qa" "sqlite3 readfile()" "$fl"
fi

# Consensus vs a GROUP BY of the same scores, once the consensus verb is there.
if "$CLI" --help 2>&1 | grep -q '^  consensus'; then
  cp "$W/p/session.db" "$W/consensus.db"
  for f in "$W"/p/E0*.qasheet; do "$CLI" --db "$W/consensus.db" sheet import "$f" >/dev/null; done
  qa=$(time_runs ":" "'$CLI' --db '$W/consensus.db' consensus --stage material")
  fl=$(time_runs ":" "sqlite3 '$W/consensus.db' \"SELECT applicant_id, item, avg(percent), min(percent), max(percent) FROM score WHERE stage = 'material' GROUP BY applicant_id, item\"")
  row "consensus, $N applicants × 9 reviewers × 23 items" "$qa" "sqlite3 GROUP BY" "$fl"
else
  echo "| consensus, $N applicants × 9 reviewers × 23 items | not built yet | sqlite3 GROUP BY | — |"
fi

# A durable score edit inside the library, 10,000 calls, next to the fsync of one page.
edit=$("$GEN" score-edit "$W/p/E01.qapkg" 10000)
sync=$("$GEN" fsync "$W/fsync.dat" 10000)
echo "| score edit, durable, 10,000 calls in the library (p50 / p99) | $(echo "$edit" | awk '{ printf "%.2f ms / %.2f ms", $4, $6 }') | fsync of a 4 KiB page $(echo "$sync" | awk '{ printf "%.2f ms / %.2f ms", $4, $6 }') | $(echo "$edit $sync" | awk '{ printf "%.2f× (p99)", $6 / $14 }') |"

# GUI start to first frame and memory 3 s later, vs a bare AdwApplicationWindow: run by this
# script again inside one X server, so both programs start alike.
if command -v xvfb-run >/dev/null 2>&1; then
  BENCH_DIR=$W RUNS=$RUNS xvfb-run -a -s '-screen 0 1366x768x24' sh "$0" --gui || echo "| GUI | xvfb-run failed | | |"
fi

growth
