#!/bin/sh
# Tests of folio serve (docs/api.md): the listening policy, every endpoint
# and its errors, the body limit, 20 renders at once, a case read and
# saved (ETag, field errors with their paths), packets (20 at once while
# pages keep answering), paths kept inside the project, the web page's
# routes, and a clean stop on SIGTERM.  The server runs on a free loopback port of a copy of the
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
check "/ is the office's page in Chinese" sh -c "test '$c' = 200 && grep -q '新客户入伙' '$T/body' && grep -q 'lang=\"zh-CN\"' '$T/body'"
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

# ---- one case: read, save, refuse ------------------------------------------------------------
json_get() { python3 -c "import json,sys; j=json.load(open('$T/body')); print($1)"; }
hdr() { curl -s -D - -o "$T/body" "$@" | tr -d '\r'; }
etag_of() { hdr "$U/api/v1/cases/$1" | sed -n 's/^[Ee][Tt][Aa][Gg]: //p'; }

E1=$(etag_of 2024-001)
cp "$T/body" "$T/c1.json"
check "GET /api/v1/cases/ID: the case as JSON, its ETag" sh -c "test -n '$E1' && python3 -c '
import json
j = json.load(open(\"$T/c1.json\"))
assert j[\"@id\"] == \"2024-001\" and j[\"customer\"][\"name-zh\"] == \"北京云帆数智科技有限公司\", j
assert [c[\"@role\"] for c in j[\"customer\"][\"contacts\"][\"contact\"]] == [\"primary\", \"finance\", \"it\"]
assert len(j[\"fees\"][\"fee\"]) == 5 and j[\"fees\"][\"fee\"][0][\"period\"][\"from\"] == \"2024-04-01\"
assert j[\"defects\"] == {\"defect\": []} and j[\"unit\"] == {\"floor\": \"15\", \"number\": \"1501-1503\", \"area\": \"612.38\"}
'"
c=$(code "$U/api/v1/cases/2099-999")
check "GET a case that is not there: 404" test "$c" = 404
c=$(code "$U/api/v1/cases/a.b")
check "GET /api/v1/cases/a.b (a dot): 400" test "$c" = 400
c=$(code "$U/api/v1/cases/..%2F..%2Fsite")
check "GET /api/v1/cases/..%2F..%2Fsite (an encoded slash): 400, nothing read" sh -c "test '$c' = 400 && ! grep -q site '$T/body'"
c=$(code --path-as-is "$U/api/v1/cases/../../site.xml")
check "GET /api/v1/cases/../../site.xml: refused" sh -c "test '$c' = 400 -o '$c' = 404 && ! grep -q 'urn:folio' '$T/body'"

python3 -c "
import json
j = json.load(open('$T/c1.json'))
j['customer']['name-zh'] = '北京云帆改名科技有限公司'
j['customer']['staff-count'] = '70'
json.dump(j, open('$T/c1-new.json', 'w'), ensure_ascii=False)
j['customer']['contacts']['contact'][1]['mobile'] = '1360109'
j['unit']['floor'] = '十五'
json.dump(j, open('$T/c1-bad.json', 'w'), ensure_ascii=False)
j = json.load(open('$T/c1.json'))
j['@id'] = '2024-002'
json.dump(j, open('$T/c1-otherid.json', 'w'), ensure_ascii=False)
j = json.load(open('$T/c1.json'))
j['customer']['shoe-size'] = '42'
json.dump(j, open('$T/c1-unknown.json', 'w'), ensure_ascii=False)
"
cp "$P/cases/2024-001.xml" "$T/before.xml"
c=$(code -X PUT -H 'Content-Type: application/json' --data-binary @"$T/c1-bad.json" -H "If-Match: $E1" "$U/api/v1/cases/2024-001")
check "PUT a bad field: 422, each error with its path, Chinese label and message; nothing written" sh -c "test '$c' = 422 && cmp -s '$T/before.xml' '$P/cases/2024-001.xml' && python3 -c '
import json
e = json.load(open(\"$T/body\"))[\"errors\"]
by = {x[\"path\"]: x for x in e}
assert set(by) == {\"customer/contacts/contact[2]/mobile\", \"unit/floor\"}, e
m = by[\"customer/contacts/contact[2]/mobile\"]
assert m[\"label\"] == \"联系人手机\" and \"1360109\" in m[\"message\"] and \"11 digits\" in m[\"message\"], m
assert by[\"unit/floor\"][\"label\"] == \"楼层\", e
'"
c=$(code -X PUT --data-binary @"$T/c1-new.json" "$U/api/v1/cases/2024-001")
check "PUT without If-Match: 428, nothing written" sh -c "test '$c' = 428 && cmp -s '$T/before.xml' '$P/cases/2024-001.xml'"
c=$(code -X PUT --data-binary @"$T/c1-otherid.json" -H "If-Match: $E1" "$U/api/v1/cases/2024-001")
check "PUT a case whose @id is not the URL's: 422 at @id" sh -c "test '$c' = 422 && grep -q '\"path\":\"@id\"' '$T/body'"
c=$(code -X PUT --data-binary @"$T/c1-unknown.json" -H "If-Match: $E1" "$U/api/v1/cases/2024-001")
check "PUT a member that is not a field: 422 at its path" sh -c "test '$c' = 422 && grep -q '\"path\":\"customer/shoe-size\"' '$T/body'"
c=$(code -X PUT --data-binary @"$T/c1-new.json" -H "If-Match: $E1" "$U/api/v1/cases/2024-001")
E2=$(json_get 'j["etag"]')
check "PUT with the ETag of GET: 200, the new ETag, the file rewritten" sh -c "test '$c' = 200 && test '$E2' != '$E1' && grep -q '<name-zh>北京云帆改名科技有限公司</name-zh>' '$P/cases/2024-001.xml' && grep -q '<staff-count>70</staff-count>' '$P/cases/2024-001.xml'"
check "the saved case passes folio check and GET gives it back with the new ETag" sh -c "'$FOLIO' check --root '$P' >/dev/null 2>&1 && test \"\$(curl -s -D - -o '$T/again.json' '$U/api/v1/cases/2024-001' | tr -d '\\r' | sed -n 's/^[Ee][Tt][Aa][Gg]: //p')\" = '$E2' && grep -q 改名 '$T/again.json'"
cp "$P/cases/2024-001.xml" "$T/after.xml"
c=$(code -X PUT --data-binary @"$T/c1.json" -H "If-Match: $E1" "$U/api/v1/cases/2024-001")
check "PUT with a stale ETag: 412, the newer save kept" sh -c "test '$c' = 412 && cmp -s '$T/after.xml' '$P/cases/2024-001.xml'"
# the case as XML: problems found by its lines
sed 's|<mobile>18612408736</mobile>|<mobile>186-1240</mobile>|' "$ROOT/cases/2024-001.xml" >"$T/c1-bad.xml"
c=$(code -X PUT -H 'Content-Type: application/xml' --data-binary @"$T/c1-bad.xml" -H "If-Match: $E2" "$U/api/v1/cases/2024-001")
check "PUT a case as XML with bad values: 422 at each value's own path" sh -c "test '$c' = 422 && python3 -c '
import json
e = json.load(open(\"$T/body\"))[\"errors\"]
assert sorted(x[\"path\"] for x in e) == [\"customer/contacts/contact[3]/mobile\", \"customer/emergency-contacts/contact[2]/mobile\"], e
assert all(x[\"label\"].endswith(\"手机\") for x in e), e
'"
c=$(code -X PUT -H 'If-None-Match: *' --data-binary @"$T/c1-new.json" "$U/api/v1/cases/2024-009")
check "PUT a new case whose body names another number: 422 at @id" sh -c "test '$c' = 422 && grep -q '\"path\":\"@id\"' '$T/body' && test ! -e '$P/cases/2024-009.xml'"
python3 -c "
import json
j = json.load(open('$T/c1.json')); del j['@id']
j['customer']['name-zh'] = '北京新建测试有限公司'
json.dump(j, open('$T/c9.json', 'w'), ensure_ascii=False)"
c=$(code -X PUT -H 'If-None-Match: *' --data-binary @"$T/c9.json" "$U/api/v1/cases/2024-009")
check "PUT a new case with If-None-Match: *: 201, cases/ID.xml written, its number from the URL" sh -c "test '$c' = 201 && grep -q 'id=\"2024-009\"' '$P/cases/2024-009.xml' && '$FOLIO' check --root '$P' >/dev/null 2>&1"
c=$(code -X PUT -H 'If-None-Match: *' --data-binary @"$T/c9.json" "$U/api/v1/cases/2024-009")
check "PUT If-None-Match: * on a case that exists: 412" test "$c" = 412
c=$(code -X PUT -H 'If-Match: *' --data-binary @"$T/c9.json" "$U/api/v1/cases/x%2F..%2F..%2Fevil")
check "PUT to an id with slashes: 400, no file outside cases/" sh -c "test '$c' = 400 && test ! -e '$P/evil.xml' && test ! -e '$T/evil.xml'"
check "saves leave no temporary in cases/" sh -c "test -z \"\$(ls -A '$P/cases' | grep -v '^20[0-9-]*\\.xml\$')\""

# ---- packets --------------------------------------------------------------------------------------
python3 -c "
import json
j = json.load(open('$T/c1.json'))
j['@id'] = '2025-001'; j['customer']['name-zh'] = '北京接口测试甲有限公司'
json.dump(j, open('$T/p1.json', 'w'), ensure_ascii=False)"
c=$(code -H 'Content-Type: application/json' --data-binary @"$T/p1.json" "$U/api/v1/packets")
mkdir -p "$T/z" && cp "$T/body" "$T/p1.zip" && (cd "$T/z" && unzip -q -o "$T/p1.zip")
check "POST /api/v1/packets (JSON): a zip of the 14 documents, packet.pdf and the case" sh -c "test '$c' = 200 && test \$(ls '$T/z/2025-001' | grep -c '^[0-9][0-9]-.*\\.pdf\$') = 14 && test -s '$T/z/2025-001/packet.pdf' && test -s '$T/z/2025-001/case.xml' && qpdf --check '$T/z/2025-001/packet.pdf' >/dev/null && pdftotext '$T/z/2025-001/packet.pdf' - | grep -q 北京接口测试甲有限公司"
check "a packet request writes nothing into the project" sh -c "test ! -e '$P/cases/2025-001.xml' && test ! -e '$P/output/packets/2025-001'"
c=$(code --data-binary @"$T/p1.json" "$U/api/v1/packets")
check "the same case twice: the same zip, byte for byte" cmp -s "$T/body" "$T/p1.zip"
c=$(code --data-binary @"$T/p1.json" "$U/api/v1/packets?document=XT-KF-CX-001-R01")
check "POST /api/v1/packets?document=FORM: that form's PDF, filled" sh -c "test '$c' = 200 && qpdf --check '$T/body' >/dev/null && pdftotext '$T/body' - | grep -q 客户缴费通知书 && pdftotext '$T/body' - | grep -q 北京接口测试甲有限公司 && ! pdftotext '$T/body' - | grep -q 验收楼交接书"
c=$(code --data-binary @"$T/p1.json" "$U/api/v1/packets?document=nothing")
check "POST /api/v1/packets?document=nothing: 404 JSON" sh -c "test '$c' = 404 && grep -q 'no such document' '$T/body'"
c=$(code -H 'Content-Type: application/xml' --data-binary @"$ROOT/cases/2024-003.xml" "$U/api/v1/packets?document=packet")
check "POST /api/v1/packets (XML)?document=packet: the whole packet as one PDF" sh -c "test '$c' = 200 && pdftotext '$T/body' - | grep -q 北京华禾医疗器械有限公司 && test \$(pdfinfo '$T/body' | sed -n 's/^Pages: *//p') -gt 20"
python3 -c "
import json
j = json.load(open('$T/p1.json'))
j['lease']['end'] = '2023-01-01'
json.dump(j, open('$T/p1-bad.json', 'w'), ensure_ascii=False)
j['@id'] = '../../x'
json.dump(j, open('$T/p1-evil.json', 'w'), ensure_ascii=False)"
c=$(code --data-binary @"$T/p1-bad.json" "$U/api/v1/packets")
check "POST /api/v1/packets with a bad case: 422 at the field's path" sh -c "test '$c' = 422 && grep -q '\"path\":\"lease/end\"' '$T/body' && grep -q '\"label\":\"租赁终止日\"' '$T/body'"
c=$(code --data-binary @"$T/p1-evil.json" "$U/api/v1/packets")
check "POST /api/v1/packets with @id ../../x: 422 at @id, nothing written" sh -c "test '$c' = 422 && grep -q '\"path\":\"@id\"' '$T/body' && test ! -e '$P/x.xml' && test ! -e '$T/x'"
c=$(code --data 'not a case' "$U/api/v1/packets")
check "POST /api/v1/packets with neither JSON nor XML: 422" test "$c" = 422

# ---- 20 packets at once, while pages keep answering ----------------------------------------------
mkdir -p "$T/pk"
for i in $(seq 1 20); do
	python3 -c "
import json
j = json.load(open('$T/c1.json'))
j['@id'] = '2030-%03d' % $i; j['customer']['name-zh'] = '并发测试第${i}号有限公司'
json.dump(j, open('$T/pk/$i.json', 'w'), ensure_ascii=False)"
done
pids=
for i in $(seq 1 20); do
	curl -s --max-time 300 -o "$T/pk/$i.pdf" -w '%{http_code}' --data-binary @"$T/pk/$i.json" "$U/api/v1/packets?document=packet" >"$T/pk/$i.code" &
	pids="$pids $!"
done
sleep 2
pc=$(curl -s --max-time 30 -o "$T/page.html" -w '%{http_code}' "$U/style.css")
gc=$(curl -s --max-time 60 -o "$T/case3.json" -w '%{http_code}' "$U/api/v1/cases/2024-003")
# an order, not a time: the page and the case came back while packets were
# still being made (20 packets queue on the engine's one thread)
running=0
for pid in $pids; do
	kill -0 "$pid" 2>/dev/null && running=$((running + 1))
done
wait $pids
check "while 20 packets are made, the page's style answers before they are done ($running still running)" \
	sh -c "test '$pc' = 200 && test $running -gt 0"
check "while 20 packets are made, a case is read before they are done" \
	sh -c "test '$gc' = 200 && grep -q 北京华禾 '$T/case3.json' && test $running -gt 0"
bad=0
for i in $(seq 1 20); do
	[ "$(cat "$T/pk/$i.code")" = 200 ] && qpdf --check "$T/pk/$i.pdf" >/dev/null 2>&1 &&
	    [ "$(pdftotext "$T/pk/$i.pdf" - | grep -o '并发测试第 *[0-9]* *号有限公司' | tr -d ' ' | sort -u)" = "并发测试第${i}号有限公司" ] ||
	    { bad=$((bad + 1)); echo "    packet $i: $(cat "$T/pk/$i.code")"; }
done
check "20 concurrent packet requests: each its own tenant's packet (pdftotext), and no other's" test $bad -eq 0

# ---- the web page's routes -------------------------------------------------------------------
c=$(code "$U/new")
check "GET /new: a form with every field, Chinese labels, required marks" sh -c "test '$c' = 200 && grep -q 'name=\"customer/name-zh\"' '$T/body' && grep -q '公司中文名称<span class=\"req\"' '$T/body' && grep -q 'name=\"customer/emergency-contacts/contact\\[2\\]/mobile\"' '$T/body' && grep -q 'name=\"fees/fee\\[1\\]/period/from\"' '$T/body' && ! grep -q 'http[s]*://' '$T/body'"
c=$(code --data-urlencode '@id=2024-010' --data-urlencode 'handover-date=2024-13-01' "$U/new")
check "POST /new with mistakes: 422, the form again, each message beside its field" sh -c "test '$c' = 422 && grep -q 'class=\"f bad\"><label for=\"handover-date\"' '$T/body' && grep -q 'id=\"problems\"' '$T/body' && test ! -e '$P/cases/2024-010.xml'"
c=$(code -H "Origin: http://127.0.0.1:$PORT" --data-urlencode '@id=2024-011' "$U/new")
check "POST /new from the server's own page (Origin): taken" test "$c" = 422
c=$(code -H 'Origin: http://evil.example' --data-urlencode '@id=2024-011' "$U/new")
check "POST /new from another site's page (Origin): 403" sh -c "test '$c' = 403 && grep -q 'another site' '$T/body'"
c=$(code -X PUT -H 'Origin: http://evil.example' -H 'If-Match: *' --data-binary @"$T/c9.json" "$U/api/v1/cases/2024-009")
check "PUT from another site's page: 403, nothing written" sh -c "test '$c' = 403 && ! grep -q 改名 '$P/cases/2024-009.xml'"
c=$(code -H "Host: evil.example:$PORT" "$U/cases")
check "a request naming another host (DNS rebinding): 403" sh -c "test '$c' = 403 && ! grep -q 2024-001 '$T/body'"
c=$(code -H "Host: localhost:$PORT" "$U/style.css")
check "Host: localhost:PORT is this server" test "$c" = 200
c=$(code "$U/cases?q=%E5%8D%8E%E7%A6%BE")
check "GET /cases?q=华禾: the one case of that tenant" sh -c "test '$c' = 200 && grep -q 2024-003 '$T/body' && ! grep -q '>2024-002<' '$T/body'"
c=$(code "$U/cases/2024-003")
check "GET /cases/ID: the case's form, filled, with its ETag" sh -c "test '$c' = 200 && grep -q 'value=\"北京华禾医疗器械有限公司\"' '$T/body' && grep -q 'name=\"_etag\"' '$T/body'"
c=$(code -X POST "$U/generate/2024-003")
check "POST /generate/ID: the packet made into output/, 303 to its list" sh -c "test '$c' = 303 && test -s '$P/output/packets/2024-003/packet.pdf'"
c=$(code "$U/packet/2024-003")
check "GET /packet/ID: each document with a link to its PDF, and the zip" sh -c "test '$c' = 200 && grep -q 'href=\"/packets/2024-003/06-XT-KF-CX-001-R01.pdf\"' '$T/body' && grep -q '客户缴费通知书' '$T/body' && grep -q 'href=\"/packets/2024-003.zip\"' '$T/body'"
c=$(code "$U/packets/2024-003/06-XT-KF-CX-001-R01.pdf")
check "GET /packets/ID/FILE.pdf: the PDF" sh -c "test '$c' = 200 && pdftotext '$T/body' - | grep -q 北京华禾医疗器械有限公司"
c=$(code "$U/packets/2024-003.zip")
check "GET /packets/ID.zip: the zip" sh -c "test '$c' = 200 && unzip -l '$T/body' | grep -q '2024-003/packet.pdf'"
for bad in "packets/2024-003/..%2F..%2F..%2Fsite.xml" "packets/2024-003/provenance.txt" "packets/..%2Fcases/2024-001.xml" "packet/..%2F.." "cases/..%2Fsite"; do
	c=$(code "$U/$bad")
	check "GET /$bad: refused, nothing of the project sent" sh -c "test '$c' = 404 -o '$c' = 400 && ! grep -q 'urn:folio' '$T/body' && ! grep -q 'source:' '$T/body'"
done
c=$(code --path-as-is "$U/packets/2024-003/../../../site.xml")
check "GET /packets/ID/../../../site.xml: refused" sh -c "test '$c' = 404 -o '$c' = 400 && ! grep -q 'urn:folio' '$T/body'"
c=$(code "$U/forms")
check "GET /forms: the register to pick from" sh -c "test '$c' = 200 && grep -q 'value=\"XT-KF-CX-009-R01\"' '$T/body' && grep -q 物品放行条 '$T/body'"
c=$(code --data 'form=XT-KF-CX-009-R01&copies=2&serial_start=101' "$U/forms")
check "POST /forms: one PDF, 2 copies numbered from 000101" sh -c "test '$c' = 200 && pdftotext '$T/body' - | grep -q 000102 && ! pdftotext '$T/body' - | grep -q 000103"
c=$(code --data 'copies=2' "$U/forms")
check "POST /forms with no form picked: 422 page" sh -c "test '$c' = 422 && grep -q 请至少选择一张表格 '$T/body'"
c=$(code "$U/manual")
check "GET /manual: the manual's revision and effective date" sh -c "test '$c' = 200 && grep -q '2011-06-01' '$T/body' && grep -q '第 1 版 第 0 次修订' '$T/body' && grep -q 'href=\"/manual.pdf\"' '$T/body'"
c=$(code "$U/manual.pdf")
check "GET /manual.pdf: the current manual" sh -c "test '$c' = 200 && pdftotext '$T/body' - | grep -q 客服部工作程序"

# ---- import from a spreadsheet: the page, the template, the API ----------------------------------
I=$ROOT/tests/import
c=$(code "$U/import")
check "GET /import: the upload form (multipart, several files), the partial box, the template's link" sh -c "test '$c' = 200 && grep -q 'enctype=\"multipart/form-data\"' '$T/body' && grep -q 'type=\"file\" name=\"file\"[^>]*multiple' '$T/body' && grep -q 'name=\"partial\"' '$T/body' && grep -q 'href=\"/import/template.xlsx\"' '$T/body'"
check "the home page and every page's navigation lead to 导入客户" sh -c "curl -s '$U/' | grep -q 'href=\"/import\"><b>导入客户' && curl -s '$U/forms' | grep -q '<a href=\"/import\">导入客户</a>'"
c=$(curl -s -D "$T/h" -o "$T/body" -w '%{http_code}' "$U/import/template.xlsx")
check "GET /import/template.xlsx: docs/tenants-template.xlsx byte for byte, as a download" sh -c "test '$c' = 200 && cmp -s '$T/body' '$ROOT/docs/tenants-template.xlsx' && grep -qi '^Content-Disposition: attachment; filename=\"tenants-template.xlsx\"' '$T/h' && grep -qi '^Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' '$T/h'"
c=$(code "$U/api/v1/imports/template")
check "GET /api/v1/imports/template: the same bytes" sh -c "test '$c' = 200 && cmp -s '$T/body' '$ROOT/docs/tenants-template.xlsx'"

ls "$P/cases" >"$T/cases.before"
c=$(code --data-binary @"$I/bad.xlsx" "$U/api/v1/imports")
check "POST /api/v1/imports, a workbook with bad rows: 422, each error by sheet, row, column and label" sh -c "test '$c' = 422 && python3 -c '
import json
j = json.load(open(\"$T/body\"))
e = [(x.get(\"sheet\"), x.get(\"row\"), x.get(\"column\"), x.get(\"label\")) for x in j[\"errors\"]]
assert (\"联系人\", 3, \"F\", \"联系人手机\") in e, e
assert (\"客户\", 2, \"X\", \"租赁终止日\") in e, e
m = [x for x in j[\"errors\"] if x.get(\"column\") == \"F\"][0][\"message\"]
assert \"1391127654\" in m and \"mobile\" in m, m
assert [c[\"status\"] for c in j[\"cases\"]] == [\"refused\"], j[\"cases\"]
assert any(\"nothing is imported\" in x[\"message\"] and \"sheet\" not in x for x in j[\"errors\"]), j
'"
check "  and nothing was written" sh -c "ls '$P/cases' | cmp -s - '$T/cases.before'"
# CSV files, one sheet each: the samples under new case numbers, told apart by their headers
mkdir -p "$T/csv" "$T/csvbad"
for f in "$I"/utf8/*.csv; do
	b=$(basename "$f")
	sed -E 's/(^|,)2024-00([1-4])(,|\r|$)/\12031-00\2\3/g' "$f" >"$T/csv/$b"
	sed -E 's/(^|,)2024-00([1-4])(,|\r|$)/\12032-00\2\3/g' "$f" >"$T/csvbad/$b"
done
# one bad cell: the first contact of 2032-002 gets a mobile number one digit short
python3 - "$T/csvbad/tenants-联系人.csv" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8-sig", newline="")))
for i, r in enumerate(rows):
    if r[0] == "2032-002":
        r[5] = r[5][:-1]
        print(i + 1, file=open(sys.argv[1] + ".row", "w"))
        break
csv.writer(open(sys.argv[1], "w", encoding="utf-8", newline="")).writerows(rows)
PY
BADROW=$(cat "$T/csvbad/tenants-联系人.csv.row")
rm "$T/csvbad/tenants-联系人.csv.row"
files() { for f in "$1"/*.csv; do printf ' -F file=@%s;filename=%s' "$f" "$2"; done; }
# (the file names sent are all alike, and a path: not one of them is read)
c=$(code $(files "$T/csv" '../../cases/x.csv') "$U/api/v1/imports")
check "POST /api/v1/imports, 8 CSV files as multipart parts: 200, 4 cases written" sh -c "test '$c' = 200 && python3 -c '
import json
j = json.load(open(\"$T/body\"))
assert [(c[\"id\"], c[\"status\"]) for c in j[\"cases\"]] == [(\"2031-00%d\" % i, \"written\") for i in range(1, 5)], j
' && test -s '$P/cases/2031-004.xml' && ! test -e '$P/cases/x.csv' && ! test -e '$T/x.csv'"
cp "$P/cases/2031-001.xml" "$T/c1.before"
c=$(code $(files "$T/csv" t.csv) "$U/api/v1/imports")
check "the same files again: 200, each case unchanged, its file untouched" sh -c "test '$c' = 200 && python3 -c '
import json
j = json.load(open(\"$T/body\"))
assert [(c[\"id\"], c[\"status\"]) for c in j[\"cases\"]] == [(\"2031-00%d\" % i, \"unchanged\") for i in range(1, 5)], j
assert j[\"errors\"] == [], j
' && cmp -s '$T/c1.before' '$P/cases/2031-001.xml'"
check "  the cases written are the samples' (the case number apart)" sh -c "sed 's/2031-001/2024-001/' '$P/cases/2031-001.xml' | cmp -s - '$ROOT/cases/2024-001.xml'"
c=$(code "$U/api/v1/cases/2031-002")
check "  and the API reads them" sh -c "test '$c' = 200 && grep -q 瑞森管理咨询 '$T/body'"
ls "$P/cases" >"$T/cases.before"
c=$(code $(files "$T/csvbad" t.csv) "$U/api/v1/imports")
check "POST /api/v1/imports, CSV files with one bad cell: 422 at 联系人 row $BADROW column F, nothing written" sh -c "test '$c' = 422 && python3 -c '
import json
j = json.load(open(\"$T/body\"))
e = [(x.get(\"sheet\"), x.get(\"row\"), x.get(\"column\"), x.get(\"label\")) for x in j[\"errors\"] if \"sheet\" in x]
assert e == [(\"联系人\", $BADROW, \"F\", \"联系人手机\")], e
assert all(c[\"status\"] == \"refused\" for c in j[\"cases\"]), j
' && ls '$P/cases' | cmp -s - '$T/cases.before'"
c=$(code $(files "$T/csvbad" t.csv) "$U/api/v1/imports?partial=1")
check "POST /api/v1/imports?partial=1: 422, the three good tenants written, the bad one not" sh -c "test '$c' = 422 && python3 -c '
import json
j = json.load(open(\"$T/body\"))
assert [(c[\"id\"], c[\"status\"]) for c in j[\"cases\"]] == [(\"2032-001\", \"written\"), (\"2032-002\", \"refused\"), (\"2032-003\", \"written\"), (\"2032-004\", \"written\")], j
' && test -s '$P/cases/2032-003.xml' && ! test -e '$P/cases/2032-002.xml'"
c=$(code -F "file=@$T/csv/tenants-联系人.csv" "$U/api/v1/imports")
check "POST /api/v1/imports without the sheet 客户: 422, said so" sh -c "test '$c' = 422 && grep -q 'no file has the columns of the sheet 客户' '$T/body'"
c=$(code -F "file=@$I/tenants.xlsx" -F "file=@$T/csv/tenants.csv" "$U/api/v1/imports")
check "POST /api/v1/imports, a workbook and a CSV file: 422" sh -c "test '$c' = 422 && grep -q 'send it alone' '$T/body'"
printf '\320\317\021\340\241\261\032\341old excel' >"$T/old.xls"
c=$(code --data-binary @"$T/old.xls" "$U/api/v1/imports")
check "POST /api/v1/imports, an Excel 97-2003 file: 422, save it as .xlsx" sh -c "test '$c' = 422 && grep -q 'Excel 97-2003' '$T/body'"
c=$(code -X POST "$U/api/v1/imports")
check "POST /api/v1/imports with no body: 400" test "$c" = 400
c=$(code --data-binary @"$T/big" "$U/api/v1/imports")
check "POST /api/v1/imports over 4 MiB: 413" test "$c" = 413
c=$(code -H 'Origin: http://evil.example' --data-binary @"$I/tenants.xlsx" "$U/api/v1/imports")
check "POST /api/v1/imports from another site's page: 403" test "$c" = 403

# the page: a form's upload
sed -E 's/(^|,)2032-00([1-4])(,|\r|$)/\12033-00\2\3/g' -i "$T"/csvbad/*.csv
c=$(code -H "Origin: http://127.0.0.1:$PORT" $(files "$T/csvbad" t.csv) "$U/import")
check "POST /import with one bad cell: 422, the error's sheet, row, column and field in a table, nothing written" sh -c "test '$c' = 422 && grep -q 'id=\"errors\"' '$T/body' && grep -q '<tr><td>联系人</td><td>第 $BADROW 行</td><td>F 列</td><td>联系人手机</td>' '$T/body' && grep -q '没有导入任何客户' '$T/body' && ! test -e '$P/cases/2033-001.xml'"
c=$(code -F partial=1 $(files "$T/csvbad" t.csv) "$U/import")
check "POST /import with the partial box: the three written, each a link to open it" sh -c "test '$c' = 422 && grep -q '<a href=\"/cases/2033-001\">2033-001</a>' '$T/body' && grep -q '<a href=\"/cases/2033-004\">' '$T/body' && ! grep -q 'href=\"/cases/2033-002\"' '$T/body' && test -s '$P/cases/2033-001.xml' && grep -q 'name=\"partial\" id=\"partial\" value=\"1\" checked' '$T/body'"
c=$(code $(files "$T/csv" t.csv) "$U/import")
check "POST /import of good files imported before: 200, each case with its link, unchanged" sh -c "test '$c' = 200 && grep -q 'id=\"done\"' '$T/body' && grep -q 'href=\"/cases/2031-004\"' '$T/body' && grep -q '已存在，内容相同' '$T/body' && ! grep -q 'id=\"errors\"' '$T/body'"
c=$(code -F "x=1" "$U/import")
check "POST /import without a file: 422, asks for one" sh -c "test '$c' = 422 && grep -q 请先选择 '$T/body'"

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
