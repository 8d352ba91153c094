#!/bin/sh
# Installs what folio needs to build, test and render on Debian 12:
# libraries, the default Chinese and Latin fonts, and the PDF tools the tests
# use (the list is tools/packages.txt).  Runs apt-get only for packages that are missing, as root or via sudo.
set -e
PKGS=$(cat "$(dirname "$0")/packages.txt")
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
