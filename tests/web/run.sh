#!/bin/sh
# The office's web page in a real browser: Debian's chromium, headless,
# driven by python3-selenium with chromium-driver (tests/web/browser.py).
# The server runs on a free loopback port of a copy of the project, in
# Chinese; the screenshots stay in build/$BUILD/tests/web/ to look at.
# Ends with "web: N passed, M failed".
LAYER=web
. "$(dirname "$0")/../lib.sh"
OUT=$ROOT/build/${BUILD:-release}/tests/web
rm -rf "$OUT" && mkdir -p "$OUT"
P=$T/p
mkdir -p "$P/docs"
cp -r "$ROOT/site.xml" "$ROOT/procedures" "$ROOT/cases" "$ROOT/schemas" "$ROOT/templates" "$P/"
cp -r "$ROOT/docs/content" "$P/docs/"
# Debian's python3, which has python3-selenium (not another one first in PATH)
PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3

PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
U=http://127.0.0.1:$PORT
env -u LC_ALL -u LC_MESSAGES -u LANGUAGE LANG=zh_CN.UTF-8 "$FOLIO" serve --root "$P" --listen "127.0.0.1:$PORT" 2>"$T/serve.log" &
SPID=$!
up=0
for i in $(seq 1 100); do
	if curl -s -o /dev/null "$U/"; then up=1; break; fi
	sleep 0.1
done
check "the server answers" test $up -eq 1

HOME=$T timeout 600 "$PY" "$ROOT/tests/web/browser.py" "$U" "$OUT" >"$T/browser.log" 2>&1
while read -r line; do
	case $line in
	PASS*) check "${line#PASS }" true ;;
	FAIL*) check "${line#FAIL }" false ;;
	esac
done <"$OUT/results.txt"
check "the browser ran to its end (screenshots in $OUT)" sh -c "test -s '$OUT/11-list.png' && ! grep -q '^FAIL' '$OUT/results.txt'"
grep -v '^PASS' "$T/browser.log" | head -20

kill -TERM $SPID
wait $SPID
check "the server stops on SIGTERM" test $? -eq 0
summary
