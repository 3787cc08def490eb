#!/bin/sh
# Installs, from Debian 12's packages, everything qareview needs to build, run and test.
# Idempotent: packages already present are skipped by apt; the locale is generated once.
set -eu

PACKAGES="
  build-essential pkg-config meson ninja-build gettext itstool
  libglib2.0-dev libglib2.0-dev-bin libgtk-4-dev libadwaita-1-dev
  libsqlite3-dev sqlite3 libxml2-dev libxml2-utils libpango1.0-dev libcairo2-dev
  libpoppler-glib-dev libxlsxwriter-dev check
  desktop-file-utils appstream shared-mime-info
  xvfb xauth dbus-x11 at-spi2-core locales fonts-noto-cjk adwaita-icon-theme
  poppler-utils unzip
"

missing=""
for p in $PACKAGES; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing="$missing $p"
  fi
done

if [ -n "$missing" ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  # shellcheck disable=SC2086
  apt-get install -y -q --no-install-recommends $missing
fi

if ! locale -a 2>/dev/null | grep -qi '^zh_CN\.utf8$'; then
  sed -i 's/^# *\(zh_CN.UTF-8 UTF-8\)/\1/; s/^# *\(en_US.UTF-8 UTF-8\)/\1/' /etc/locale.gen
  grep -q '^zh_CN.UTF-8 UTF-8' /etc/locale.gen || echo 'zh_CN.UTF-8 UTF-8' >> /etc/locale.gen
  grep -q '^en_US.UTF-8 UTF-8' /etc/locale.gen || echo 'en_US.UTF-8 UTF-8' >> /etc/locale.gen
  locale-gen
fi
