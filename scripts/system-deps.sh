#!/usr/bin/env bash
# Installs the Debian tools the tests use to check the published files from outside:
# poppler-utils (pdfinfo, pdffonts, pdftotext, pdftoppm), qpdf (qpdf --check), chromium (the browser tests
# of the static site drive /usr/bin/chromium through puppeteer-core; nothing is downloaded by npm) and python3-pandas
# (the README's pandas snippet runs under Debian's /usr/bin/python3; pyarrow is not in Debian, so the snippet that
# needs it is not run here).
set -euo pipefail
missing=()
for tool in pdfinfo pdffonts pdftotext pdftoppm; do command -v "$tool" >/dev/null || missing+=(poppler-utils); done
command -v qpdf >/dev/null || missing+=(qpdf)
[ -x /usr/bin/chromium ] || missing+=(chromium)
{ [ -x /usr/bin/python3 ] && /usr/bin/python3 -c 'import pandas' 2>/dev/null; } || missing+=(python3-pandas)
[ ${#missing[@]} -eq 0 ] && exit 0
packages=$(printf '%s\n' "${missing[@]}" | sort -u | tr '\n' ' ')
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null; then
  echo "cablepress tests need: $packages(Debian packages). Install them, e.g. sudo apt-get install -y $packages" >&2
  exit 1
fi
echo "installing $packages for the tests" >&2
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $packages >/dev/null
