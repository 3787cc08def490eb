#!/bin/sh
# Fails when po/zh_CN.po is missing a msgid that the sources use, or has an untranslated or fuzzy
# message: a Chinese user must never meet an English word.
set -eu
top=$1
cd "$top"
status=0

stats=$(LC_ALL=C msgfmt --check --statistics -o /dev/null po/zh_CN.po 2>&1) || { echo "$stats"; exit 1; }
echo "# zh_CN: $stats"
case "$stats" in
  *untranslated*|*fuzzy*) echo "not ok 1 - po/zh_CN.po is incomplete: $stats"; status=1 ;;
  *) echo "ok 1 - every message in po/zh_CN.po is translated" ;;
esac

pot=$(mktemp --suffix=.pot)
trap 'rm -f "$pot"' EXIT
xgettext --from-code=UTF-8 --add-comments=Translators: -k_ -kN_ -kC_:1c,2 -kNC_:1c,2 -kQ_ -kg_dngettext:2,3 \
  --files-from=po/POTFILES.in -o "$pot"
missing=$(LC_ALL=C msgcmp --use-untranslated po/zh_CN.po "$pot" 2>&1 | grep 'this message is used but not defined' || true)
if [ -n "$missing" ]; then
  echo "not ok 2 - po/zh_CN.po lacks messages the sources use:"
  echo "$missing" | sed 's/^/# /'
  status=1
else
  echo "ok 2 - po/zh_CN.po has every message the sources use"
fi
echo "1..2"
exit $status
