#!/bin/sh
# Regenerates po/POTFILES.in from the sources that hold translatable strings, and merges the
# new template into po/zh_CN.po (existing translations are kept; new messages come in empty).
set -eu
cd "$(dirname "$0")/.."

{
  grep -lE '\b(_|N_|C_|NC_|g_dngettext)\(' src/core/*.c src/cli/*.c src/app/*.c 2>/dev/null || true
  grep -l 'translatable="yes"' ui/*.ui ui/*/*.ui 2>/dev/null || true
  ls data/*.desktop.in data/*.metainfo.xml.in data/*.gschema.xml
} | LC_ALL=C sort -u > po/POTFILES.in

pot=$(mktemp --suffix=.pot)
trap 'rm -f "$pot"' EXIT
xgettext --from-code=UTF-8 --add-comments=Translators: -k_ -kN_ -kC_:1c,2 -kNC_:1c,2 -kQ_ \
  -kg_dngettext:2,3 --files-from=po/POTFILES.in -o "$pot"
msgmerge --quiet --no-fuzzy-matching --update --backup=none po/zh_CN.po "$pot"
msgattrib --no-obsolete -o po/zh_CN.po po/zh_CN.po
LC_ALL=C msgfmt --statistics -o /dev/null po/zh_CN.po
