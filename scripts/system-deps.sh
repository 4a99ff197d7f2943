#!/usr/bin/env bash
# Installs the Debian packages the test suite drives for real, when they are absent:
# chromium (Playwright end-to-end tests, plotly picture export) and postgresql
# (store tests against a real server). Needs root or passwordless sudo; without
# either it says what is missing and the tests that need it skip with that reason.
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || need+=(chromium)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
# npm installs the JupyterHub proxy (make serve-hub, the hub browser test)
command -v npm >/dev/null 2>&1 || need+=(nodejs npm)
# Japanese glyphs for the dashboard screenshots the browser tests save
ls /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc >/dev/null 2>&1 || need+=(fonts-noto-cjk)
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -eq 0 ]; then SUDO=""; elif sudo -n true 2>/dev/null; then SUDO="sudo -n"; else
  echo "system-deps: missing ${need[*]} and no root to install them; those tests will skip" >&2
  exit 0
fi
echo "system-deps: installing ${need[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
