#!/usr/bin/env bash
# Makes sure what the test suite and the benches need beyond `npm ci` is on this machine:
# Debian's Chromium for the e2e tests (Playwright never downloads a browser here), fonts with
# Chinese, Tamil and Malay glyphs so a report printed to PDF holds their text, and a PostgreSQL
# that answers at TEST_DATABASE_URL (started if a local cluster is down).
set -euo pipefail

pg_url="${TEST_DATABASE_URL:-postgres://localhost/test}"
chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"

if [ ! -x "$chromium" ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing Chromium from Debian's packages (needed by the e2e tests)…"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "Chromium is missing at $chromium. Install it (apt-get install chromium) or set CHROMIUM_PATH." >&2
    exit 1
  fi
fi

# Chromium prints a script only with a font that has its glyphs; without one the PDF holds
# boxes, not text, and the printed report's e2e check cannot find the names.
missing_fonts=()
for package in fonts-noto-core fonts-noto-cjk; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then missing_fonts+=("$package"); fi
done
if [ "${#missing_fonts[@]}" -gt 0 ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing ${missing_fonts[*]} from Debian's packages (needed by the printed-report e2e test)…"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing_fonts[@]}" >/dev/null
  else
    echo "Fonts are missing: ${missing_fonts[*]}. Install them (apt-get install ${missing_fonts[*]}) so reports print Chinese and Tamil text." >&2
    exit 1
  fi
fi

pg_answers() { pg_isready -q -d "$pg_url" 2>/dev/null; }

if ! command -v pg_isready >/dev/null 2>&1; then
  echo "PostgreSQL client tools are missing: the integration tests need PostgreSQL at $pg_url." >&2
  exit 1
fi

if ! pg_answers; then
  clusters=$(ls /etc/postgresql 2>/dev/null || true)
  if [ -n "$clusters" ] && command -v pg_ctlcluster >/dev/null 2>&1; then
    echo "PostgreSQL is down; starting the local cluster…"
    for version in $clusters; do
      pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
    done
    for _ in $(seq 1 30); do pg_answers && break; sleep 1; done
  fi
fi

if ! pg_answers; then
  echo "PostgreSQL does not answer at $pg_url. The integration tests run on SQLite and PostgreSQL; start PostgreSQL or set TEST_DATABASE_URL." >&2
  exit 1
fi
