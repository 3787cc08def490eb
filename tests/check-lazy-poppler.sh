#!/bin/sh
# check-lazy-poppler.sh PROGRAM: poppler-glib is loaded on first use (src/app/qa-poppler.c), so
# PROGRAM must not need it, nor anything poppler drags in, at start.
set -u
echo "1..1"
needed=$(readelf -d "$1" | grep NEEDED)
if printf '%s\n' "$needed" | grep -Ei 'poppler|nss3|nspr|smime3|lcms2|openjp2'; then
  echo "not ok 1 - $1 links poppler at start"
  exit 1
fi
echo "ok 1 - $1 does not link poppler"
