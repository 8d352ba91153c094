#!/bin/sh
# Tests of folio serve (docs/api.md): the listening policy, every endpoint
# and its errors, the body limit, 20 renders at once, and a clean stop on
# SIGTERM.  The server runs on a free loopback port of a copy of the
# project; every wait is bounded.  Ends with "serve: N passed, M failed".
LAYER=serve
. "$(dirname "$0")/../lib.sh"
LC_ALL=C.UTF-8
export LC_ALL
unset LANGUAGE
P=$T/p
mkdir -p "$P/docs"
cp -r "$ROOT/site.xml" "$ROOT/procedures" "$ROOT/cases" "$ROOT/schemas" "$ROOT/templates" "$P/"
cp -r "$ROOT/docs/content" "$P/docs/"

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# an FO document whose one line of text is "$1"
fo() {
	cat <<EOT
<?xml version="1.0" encoding="UTF-8"?>
<fo:root xmlns:fo="http://www.w3.org/1999/XSL/Format">
  <fo:layout-master-set>
    <fo:simple-page-master master-name="a" page-width="210mm" page-height="297mm" margin="20mm">
      <fo:region-body/>
    </fo:simple-page-master>
  </fo:layout-master-set>
  <fo:page-sequence master-reference="a">
    <fo:flow flow-name="xsl-region-body"><fo:block font-size="14pt">$1</fo:block></fo:flow>
  </fo:page-sequence>
</fo:root>
EOT
}

# ---- the listening policy ---------------------------------------------------------------------
check "--listen 0.0.0.0 without --auth: refused, exit 2, said why" sh -c "timeout 10 '$FOLIO' serve --root '$P' --listen 0.0.0.0:$(free_port) 2>'$T/e'; test \$? -eq 2 && grep -q 'refusing to listen on 0.0.0.0:.* without --auth' '$T/e'"
check "--listen [::]: without --auth: refused, exit 2" sh -c "timeout 10 '$FOLIO' serve --root '$P' --listen '[::]:$(free_port)' 2>'$T/e'; test \$? -eq 2 && grep -q 'refusing' '$T/e'"
check "--listen nonsense: exit 2" sh -c "timeout 10 '$FOLIO' serve --root '$P' --listen 'a b:x' 2>'$T/e'; test \$? -eq 2 && grep -q 'give PORT' '$T/e'"
printf 'clerk:plain-text-password\n' >"$T/badusers"
check "an auth file with a plain password: refused with its line, exit 2" sh -c "timeout 10 '$FOLIO' serve --root '$P' --listen 0.0.0.0:$(free_port) --auth '$T/badusers' 2>'$T/e'; test \$? -eq 2 && grep -q 'badusers:1: error: not \"USER:HASH\"' '$T/e'"

# ---- a server on loopback --------------------------------------------------------------------
PORT=$(free_port)
U=http://127.0.0.1:$PORT
mkdir -p "$T/tmp"
TMPDIR=$T/tmp "$FOLIO" serve --root "$P" --listen "127.0.0.1:$PORT" 2>"$T/serve.log" &
SPID=$!
up=0
for i in $(seq 1 100); do
	if curl -s -o /dev/null "$U/api/v1/nothing"; then up=1; break; fi
	sleep 0.1
done
check "the server answers on loopback" test $up -eq 1

code() { curl -s -o "$T/body" -w '%{http_code}' "$@"; }

c=$(code "$U/api/v1/cases")
check "GET /api/v1/cases: 200, every case with id, tenant, unit, date" sh -c "test '$c' = 200 && python3 -c '
import json, sys
j = json.load(open(\"$T/body\"))
ids = [c[\"id\"] for c in j[\"cases\"]]
assert ids == [\"2024-001\", \"2024-002\", \"2024-003\", \"2024-004\"], ids
c = j[\"cases\"][0]
assert c[\"tenant\"] == \"北京云帆数智科技有限公司\" and c[\"unit\"] == \"1501-1503\" and c[\"floor\"] == \"15\" and c[\"date\"] == \"2024-03-11\", c
'"

c=$(code "$U/api/v1/forms")
cp "$T/body" "$T/forms.json"
"$FOLIO" forms --root "$P" --list >"$T/list.txt" 2>/dev/null
check "GET /api/v1/forms: 200, the register as folio forms --list has it" sh -c "test '$c' = 200 && python3 -c '
import json
j = json.load(open(\"$T/forms.json\"))[\"forms\"]
rows = [l.split(None, 4) for l in open(\"$T/list.txt\").read().splitlines()[1:]]
assert len(j) == len(rows) and len(j) > 10, (len(j), len(rows))
for f, r in zip(j, rows):
    assert [f[\"number\"], f[\"id\"], str(f[\"pages\"]), str(f[\"parts\"]), f[\"name\"]] == r, (f, r)
'"

c=$(code -H 'Content-Type: application/json' --data '{"forms":["物品放行条"],"copies":3,"serial_start":41}' "$U/api/v1/forms")
check "POST /api/v1/forms: one PDF, 3 numbered copies from 000041" sh -c "test '$c' = 200 && qpdf --check '$T/body' >/dev/null && pdftotext '$T/body' - | grep -q 000043 && pdftotext '$T/body' - | grep -q 000041 && ! pdftotext '$T/body' - | grep -q 000044"
check "POST /api/v1/forms: the numbers are kept for the next batch" grep -q 'XT-KF-CX-009-R01 44' "$P/form-serials.txt"
c=$(code --data '{"forms":["物品放行条"],"serial_start":2}' "$U/api/v1/forms")
check "POST /api/v1/forms: a serial start already issued: 422 with the reason" sh -c "test '$c' = 422 && grep -q 'were issued already' '$T/body'"
c=$(code --data '{"forms":["没有这张表"]}' "$U/api/v1/forms")
check "POST /api/v1/forms: an unknown form: 422 JSON" sh -c "test '$c' = 422 && python3 -c 'import json; assert json.load(open(\"$T/body\"))[\"errors\"][0][\"message\"]'"
c=$(code --data '{"copies":0}' "$U/api/v1/forms")
check "POST /api/v1/forms: copies 0: 400" test "$c" = 400
c=$(code --data '{"forms":"x","copies":1}' "$U/api/v1/forms")
check "POST /api/v1/forms: forms not an array: 400" test "$c" = 400
c=$(code --data 'not json' "$U/api/v1/forms")
check "POST /api/v1/forms: not JSON: 400" test "$c" = 400

fo '你好，folio serve' >"$T/good.fo"
c=$(code --data-binary @"$T/good.fo" "$U/api/v1/render")
check "POST /api/v1/render: a PDF with the text" sh -c "test '$c' = 200 && qpdf --check '$T/body' >/dev/null && pdftotext '$T/body' - | grep -q '你好，folio serve'"
fo '<fo:inline>没有结束' >"$T/bad.fo"
c=$(code --data-binary @"$T/bad.fo" "$U/api/v1/render")
check "POST /api/v1/render: bad FO: 422, errors with file, line, col, message" sh -c "test '$c' = 422 && python3 -c '
import json
e = json.load(open(\"$T/body\"))[\"errors\"]
assert e and e[0][\"file\"] == \"request.fo\" and e[0][\"line\"] == 9 and e[0][\"col\"] > 0 and \"mismatch\" in e[0][\"message\"], e
'"
fo '<fo:external-graphic src="/etc/passwd"/>' >"$T/src.fo"
c=$(code --data-binary @"$T/src.fo" "$U/api/v1/render")
check "POST /api/v1/render: a src naming a file: 422, nothing read" sh -c "test '$c' = 422 && grep -q 'files are not read through the API' '$T/body' && grep -q '\"line\":9' '$T/body'"
head -c 5000000 /dev/zero | tr '\0' 'a' >"$T/big"
c=$(code --data-binary @"$T/big" "$U/api/v1/render")
check "a body over 4 MiB: 413" test "$c" = 413
c=$(code -H 'Transfer-Encoding: chunked' --data-binary @"$T/big" "$U/api/v1/render")
check "a chunked body over 4 MiB: 413" test "$c" = 413
c=$(code "$U/api/v1/nothing")
check "an unknown route: 404 JSON" sh -c "test '$c' = 404 && grep -q '\"errors\"' '$T/body'"
c=$(code "$U/")
check "/ is not served yet: 404" test "$c" = 404
c=$(code -X DELETE "$U/api/v1/cases")
check "a wrong method: 405" test "$c" = 405
c=$(code "$U/api/v1/render")
check "GET /api/v1/render: 405" test "$c" = 405
c=$(code "$U/api/v1/../../etc/passwd" --path-as-is)
check "a path out of the API: 404" test "$c" = 404

# ---- 20 renders at once ----------------------------------------------------------------------
mkdir -p "$T/par"
pids=
for i in $(seq 1 20); do
	fo "第 $i 号请求 request-$i-end" >"$T/par/$i.fo"
	curl -s --max-time 120 -o "$T/par/$i.pdf" -w '%{http_code}' --data-binary @"$T/par/$i.fo" "$U/api/v1/render" >"$T/par/$i.code" &
	pids="$pids $!"
done
wait $pids
bad=0
for i in $(seq 1 20); do
	[ "$(cat "$T/par/$i.code")" = 200 ] && qpdf --check "$T/par/$i.pdf" >/dev/null 2>&1 &&
	    pdftotext "$T/par/$i.pdf" - | grep -q "第 $i 号请求 request-$i-end" || { bad=$((bad + 1)); echo "    request $i: $(cat "$T/par/$i.code")"; }
done
check "20 concurrent renders: every one a valid PDF with its own text" test $bad -eq 0

# ---- a clean stop ----------------------------------------------------------------------------
kill -TERM $SPID
rc=
for i in $(seq 1 100); do
	if ! kill -0 $SPID 2>/dev/null; then break; fi
	sleep 0.1
done
wait $SPID; rc=$?
check "SIGTERM: the server stops, exit 0" sh -c "test $rc -eq 0 && grep -q 'folio serve: stopped' '$T/serve.log'"
check "no request left a temporary behind" sh -c "test -z \"\$(ls -A '$T/tmp')\""

# ---- authentication ----------------------------------------------------------------------------
python3 -W ignore -c 'import crypt; print("clerk:" + crypt.crypt("s3cret-pass", crypt.mksalt(crypt.METHOD_SHA512)))' >"$T/users"
PORT=$(free_port)
U=http://127.0.0.1:$PORT
"$FOLIO" serve --root "$P" --listen "127.0.0.1:$PORT" --auth "$T/users" 2>"$T/serve2.log" &
SPID=$!
up=0
for i in $(seq 1 100); do
	if curl -s -o /dev/null "$U/"; then up=1; break; fi
	sleep 0.1
done
check "with --auth: the server answers" test $up -eq 1
c=$(code "$U/api/v1/cases")
check "with --auth: no credentials: 401 with WWW-Authenticate" sh -c "test '$c' = 401 && curl -s -D - -o /dev/null '$U/api/v1/cases' | grep -qi '^WWW-Authenticate: Basic'"
c=$(code -u clerk:wrong "$U/api/v1/cases")
check "with --auth: a wrong password: 401" test "$c" = 401
c=$(code -u nobody:s3cret-pass "$U/api/v1/cases")
check "with --auth: an unknown user: 401" test "$c" = 401
c=$(code -u clerk:s3cret-pass "$U/api/v1/cases")
check "with --auth: the right password: 200" sh -c "test '$c' = 200 && grep -q 2024-004 '$T/body'"
kill -INT $SPID
wait $SPID; rc=$?
check "SIGINT: the server stops, exit 0" test $rc -eq 0
summary
