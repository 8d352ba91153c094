#!/bin/sh
# Installs what folio needs to build, test and render on Debian 12:
# libraries, the default Chinese and Latin fonts, and the PDF tools the tests
# use.  Runs apt-get only for packages that are missing, as root or via sudo.
set -e
PKGS="gcc make pkg-config python3 libxml2-dev libxslt1-dev libfontconfig-dev
libharfbuzz-dev libunibreak-dev libhpdf-dev zlib1g-dev libcmocka-dev
fonts-arphic-uming fonts-arphic-gbsn00lp fonts-wqy-zenhei fonts-wqy-microhei
fonts-lxgw-wenkai fonts-liberation2 fonts-dejavu-core
poppler-utils qpdf libxml2-utils xsltproc time"
[ -n "$FOLIO_SETUP_EXTRA" ] && PKGS="$PKGS $FOLIO_SETUP_EXTRA"
missing=""
for p in $PKGS; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "setup: installing$missing"
if [ "$(id -u)" -eq 0 ]; then SUDO=""; elif command -v sudo >/dev/null; then SUDO="sudo"; else
	echo "setup: run as root, or install:$missing" >&2; exit 1; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
fc-cache -f >/dev/null 2>&1 || true
