#!/bin/sh
# Installs what is missing, builds qareview and starts it on its default session database
# ($XDG_DATA_HOME/qareview/qareview.db, created with a demo session on first start), running
# from the build folder: nothing is installed into the system. Idempotent.
set -eu
cd "$(dirname "$0")/.."

sh build-aux/install-deps.sh

[ -f _build/build.ninja ] || meson setup _build
meson compile -C _build

export GSETTINGS_SCHEMA_DIR="$PWD/_build/data"
export QAREVIEW_LOCALEDIR="$PWD/_build/po"
exec ./_build/src/app/qareview "$@"
