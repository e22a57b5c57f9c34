#!/usr/bin/env bash
# Installs the Debian tools the tests use to check the published files from outside:
# poppler-utils (pdfinfo, pdffonts, pdftotext, pdftoppm), qpdf (qpdf --check) and chromium (the browser tests
# of the static site drive /usr/bin/chromium through puppeteer-core; nothing is downloaded by npm).
set -euo pipefail
missing=()
for tool in pdfinfo pdffonts pdftotext pdftoppm; do command -v "$tool" >/dev/null || missing+=(poppler-utils); done
command -v qpdf >/dev/null || missing+=(qpdf)
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ ${#missing[@]} -eq 0 ] && exit 0
packages=$(printf '%s\n' "${missing[@]}" | sort -u | tr '\n' ' ')
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null; then
  echo "cablepress tests need: $packages(Debian packages). Install them, e.g. sudo apt-get install -y $packages" >&2
  exit 1
fi
echo "installing $packages for the tests" >&2
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $packages >/dev/null
