#!/bin/sh
# Tests of folio packet and folio forms.  Ends with "packet: N passed, M failed".
LAYER=packet
. "$(dirname "$0")/../lib.sh"
txt() { pdftotext "$1" - 2>/dev/null | tr -d ' \n\f'; }

# ---- a packet from a sample case -----------------------------------------------------------
"$FOLIO" packet --root "$ROOT" -o "$T/out" cases/2024-001.xml 2>"$T/p.err"
rc=$?
P=$T/out/packets/2024-001
check "folio packet succeeds on a sample case" test $rc -eq 0
check "every document and form, the receipt and the combined packet" sh -c "test \$(ls '$P' | grep -c '\\.pdf\$') -eq 15 && test -s '$P/packet.pdf'"
for f in "$P"/*.pdf; do
	qpdf --check "$f" >/dev/null 2>&1 || { no "qpdf --check $(basename "$f")"; continue; }
	ok
done
txt "$P/06-XT-KF-CX-001-R01.pdf" > "$T/r01.txt"
check "the fee notice has the customer, the unit and the computed totals" sh -c "grep -q '北京云帆数智科技有限公司' '$T/r01.txt' && grep -q '1501-1503' '$T/r01.txt' && grep -q '142,048.36' '$T/r01.txt' && grep -q '人民币壹拾肆万贰仟零肆拾捌元叁角陆分' '$T/r01.txt'"
check "values stand beside their labels" sh -c "grep -q '客户名称北京云帆数智科技有限公司' '$T/r01.txt' && grep -q '租赁单元1501-1503' '$T/r01.txt'"
txt "$P/13-XT-KF-CX-001-R08.pdf" > "$T/r08.txt"
check "the contact register has the credit code and the contacts" sh -c "grep -q \"\$(sed -n 's/.*<credit-code>\\(.*\\)<\\/credit-code>.*/\\1/p' cases/2024-001.xml)\" '$T/r08.txt' && grep -q \"\$(sed -n '0,/<contact role=\\\"primary\\\">/d; s/.*<name>\\(.*\\)<\\/name>.*/\\1/p' cases/2024-001.xml | head -1)\" '$T/r08.txt'"
txt "$P/04-safety-agreement.pdf" > "$T/sa.txt"
check "the safety agreement names 乙方 from the case" grep -q '北京云帆数智科技有限公司' "$T/sa.txt"
qpdf --json "$P/packet.pdf" > "$T/pk.json" 2>/dev/null
check "the packet's bookmarks are its documents in handover order" python3 - "$T/pk.json" <<'PY'
import sys, json
o = [b["title"] for b in json.load(open(sys.argv[1]))["outlines"]]
print(o)
want = ["客户手册", "装修守则", "应急安全手册", "安全协议书", "客户出入证登记表"]
ok = len(o) == 14 and all(w in o[i] for i, w in enumerate(want))
ok = ok and all("XT-KF-JL-001-0%d" % (k + 1) in o[5 + k] or "收楼表格" in o[5 + k] for k in range(8)) and "签收" in o[13]
sys.exit(0 if ok else 1)
PY
check "each item's PDF is exactly its pages of the packet, pixel for pixel" python3 - "$P" "$T/split" <<'PY'
import sys, os, glob, subprocess
d, tmp = sys.argv[1], sys.argv[2]
os.makedirs(tmp, exist_ok=True)
def pages(f):
    out = subprocess.run(["pdfinfo", f], capture_output=True, text=True).stdout
    return int([l for l in out.splitlines() if l.startswith("Pages:")][0].split()[1])
def raster(f, first, last, prefix):
    subprocess.run(["pdftoppm", "-gray", "-r", "30", "-f", str(first), "-l", str(last), f, prefix], check=True)
    return [open(p, "rb").read() for p in sorted(glob.glob(prefix + "-*.pgm"))]
items = sorted(f for f in glob.glob(d + "/[0-9][0-9]-*.pdf"))
whole = raster(d + "/packet.pdf", 1, pages(d + "/packet.pdf"), tmp + "/all")
at, bad = 0, 0
for f in items:
    n = pages(f)
    mine = raster(f, 1, n, tmp + "/" + os.path.basename(f)[:2])
    if mine != whole[at:at + n]:
        print("differs:", os.path.basename(f)); bad = 1
    at += n
if at != len(whole):
    print("pages: items", at, "packet", len(whole)); bad = 1
sys.exit(bad)
PY
check "an item's PDF: its own title, page numbers and bookmarks" sh -c "
	pdfinfo '$P/01-customer-handbook.pdf' | grep -q '^Title: *客户手册 — 收楼文件 2024-001' &&
	n=\$(pdfinfo '$P/01-customer-handbook.pdf' | sed -n 's/^Pages: *//p') &&
	pdftotext -f 1 -l 1 '$P/01-customer-handbook.pdf' - | tr -d ' \n' | grep -q \"第1页共\${n}页\" &&
	qpdf --json '$P/01-customer-handbook.pdf' | python3 -c 'import sys, json; o = json.load(sys.stdin)[\"outlines\"]; sys.exit(0 if len(o) == 1 and \"客户手册\" in o[0][\"title\"] and len(o[0][\"kids\"]) >= 5 and o[0][\"destpageposfrom1\"] == 1 else 1)'"
"$FOLIO" packet --root "$ROOT" -o "$T/out5" "$ROOT/cases/2024-001.xml" 2>/dev/null
check "a case given by its absolute path is filled in too" sh -c "pdftotext '$T/out5/packets/2024-001/06-XT-KF-CX-001-R01.pdf' - 2>/dev/null | grep -q '北京云帆数智科技有限公司'"
"$FOLIO" packet --root "$ROOT" -o "$T/out2" cases/2024-001.xml 2>/dev/null
check "a packet is deterministic" cmp "$P/packet.pdf" "$T/out2/packets/2024-001/packet.pdf"

# ---- bad cases ----------------------------------------------------------------------------------
sed -e '/<legal-rep>/d' -e '/<handover-date>/d' cases/2024-004.xml > "$T/bad.xml"
"$FOLIO" packet --root "$ROOT" -o "$T/out3" "$T/bad.xml" cases/2024-002.xml 2>"$T/bad.err"
rc=$?
check "a bad case fails, the other is still produced" sh -c "test $rc -ne 0 && test -s '$T/out3/packets/2024-002/packet.pdf'"
check "nothing of the bad case is written" sh -c "! ls -a '$T/out3/packets' | grep -q '2024-004'"
check "the two missing fields are named, and only they" sh -c "test \$(grep -c 'error: .*missing' '$T/bad.err') -eq 2 && grep -q 'bad.xml:[0-9]*: error: handover-date (收楼日期): missing; .* needs it' '$T/bad.err' && grep -q 'bad.xml:[0-9]*: error: customer/legal-rep (法定代表人): missing; .* needs it' '$T/bad.err'"
sed -e 's/<credit-code>\([0-9A-Z]*\)[0-9A-Z]<\/credit-code>/<credit-code>\1I<\/credit-code>/' cases/2024-004.xml > "$T/bad2.xml"
"$FOLIO" packet --root "$ROOT" -o "$T/out4" "$T/bad2.xml" 2>"$T/bad2.err"
check "a malformed credit code is reported with its line" grep -q 'bad2.xml:[0-9]*: error: .*credit' "$T/bad2.err"

# ---- batches: a folder of cases, worker processes -----------------------------------------------
mkdir -p "$T/batch"
cp cases/2024-001.xml cases/2024-002.xml cases/2024-003.xml "$T/batch/"
sed -e 's/id="2024-004"/id="2024-009"/' -e '/<handover-date>/d' cases/2024-004.xml > "$T/batch/2024-009.xml"
hd=$(grep -n '<handover-date>' cases/2024-004.xml | cut -d: -f1)
"$FOLIO" packet --root "$ROOT" -o "$T/b1" --jobs 1 "$T/batch" >"$T/b1.out" 2>"$T/b1.err"
rc1=$?
"$FOLIO" packet --root "$ROOT" -o "$T/b2" --jobs 2 "$T/batch" >"$T/b2.out" 2>"$T/b2.err"
rc2=$?
check "a folder of cases: the good ones written, exit 1 for the bad one" sh -c "test $rc1 -eq 1 && test $rc2 -eq 1 &&
	for c in 2024-001 2024-002 2024-003; do test \$(ls '$T/b2/packets/'\$c | grep -c '\\.pdf\$') -eq 15 || exit 1; done &&
	! ls -a '$T/b2/packets' | grep -q 2024-009"
check "the summary names the failed case with file:line of its first error" sh -c "
	tail -2 '$T/b2.err' | head -1 | grep -qx 'folio: error: 1 of 4 cases failed:' &&
	tail -1 '$T/b2.err' | grep -q '^  $T/batch/2024-009.xml:[0-9]*: handover-date (收楼日期): missing'"
check "the same bytes with --jobs 1 and --jobs 2" sh -c "cd '$T/b1/packets' && for f in */*; do cmp \"\$f\" '$T/b2/packets/'\"\$f\" || exit 1; done && test \$(ls */* | wc -l) -eq 51"
check "the same messages with --jobs 1 and --jobs 2" sh -c "grep -v '^\\[' '$T/b1.err' > '$T/b1.msg'; grep -v '^\\[' '$T/b2.err' | cmp - '$T/b1.msg'"
check "progress: a plain line per case when not on a terminal" sh -c "
	test \$(grep -c '^\\[[1-4]/4\\] 2024-00[1239]  .*\\(ETA\\|done in\\) [0-9]*:[0-9][0-9]\$' '$T/b2.err') -eq 4 &&
	grep -q '^\\[[1-4]/4\\] 2024-009  failed  ' '$T/b2.err' && ! test -s '$T/b2.out'"
"$FOLIO" packet --root "$ROOT" -o "$T/b3" -q --jobs 2 "$T/batch" 2>"$T/b3.err"
check "-q: no progress lines, the errors still" sh -c "! grep -q '^\\[' '$T/b3.err' && grep -q 'cases failed' '$T/b3.err'"
mkdir -p "$T/empty"
check "a folder without cases is an error" sh -c "! '$FOLIO' packet --root '$ROOT' -o '$T/b4' '$T/empty' 2>'$T/b4.err' && grep -q 'empty: error: a folder of cases, but no case file' '$T/b4.err'"
"$FOLIO" forms --root "$ROOT" -o "$T/fj1" --jobs 1 XT-KF-CX-001-R01 XT-KF-CX-004-R02 XT-KF-CX-009-R01 2>/dev/null
"$FOLIO" forms --root "$ROOT" -o "$T/fj2" --jobs 2 XT-KF-CX-001-R01 XT-KF-CX-004-R02 XT-KF-CX-009-R01 2>"$T/fj2.err"
check "forms --jobs 2: the same PDFs as one after the other" sh -c "cd '$T/fj1/forms' && test \$(ls | wc -l) -eq 3 && for f in *; do cmp \"\$f\" '$T/fj2/forms/'\"\$f\" || exit 1; done && test \$(grep -c '^\\[[1-3]/3\\] XT-KF-CX-' '$T/fj2.err') -eq 3"

# ---- data safety: case numbers and packet folders ------------------------------------------------
mkdir -p "$T/ids"
cp cases/2024-004.xml "$T/ids/2024-009.xml"
"$FOLIO" packet --root "$ROOT" -o "$T/io" "$T/ids/2024-009.xml" 2>"$T/ids.err"
rc=$?
check "a case whose number is not its file's name is refused" sh -c "test $rc -eq 1 && grep -q '2024-009.xml:2: error: @id (案卷编号): \"2024-004\" is not the file.s name (2024-009.xml)' '$T/ids.err' && ! test -e '$T/io/packets/2024-004'"
sed 's/id="2024-004"/id="2024-001"/' cases/2024-004.xml > "$T/ids/2024-001.xml"
"$FOLIO" packet --root "$ROOT" -o "$T/io" "$T/ids/2024-001.xml" 2>"$T/dup.err"
check "a case with the number of another case in cases/ is refused" sh -c "grep -q '2024-001.xml:2: error: @id (案卷编号): \"2024-001\" is the number of another case' '$T/dup.err' && ! test -e '$T/io/packets/2024-001'"
R2=$T/other
mkdir -p "$R2/docs" && cp -r schemas procedures templates site.xml cases "$R2/" && cp -r docs/content "$R2/docs/"
"$FOLIO" packet --root "$R2" -o "$T/ov" "$R2/cases/2024-004.xml" 2>/dev/null
check "the packet folder records its case file and its SHA-256" sh -c "
	grep -qx 'source: $R2/cases/2024-004.xml' '$T/ov/packets/2024-004/provenance.txt' &&
	grep -qx \"sha256: \$(sha256sum < '$R2/cases/2024-004.xml' | cut -d' ' -f1)\" '$T/ov/packets/2024-004/provenance.txt'"
cp "$T/ov/packets/2024-004/packet.pdf" "$T/ov-before.pdf"
"$FOLIO" packet --root "$ROOT" -o "$T/ov" cases/2024-004.xml 2>"$T/ov.err"
rc=$?
check "a packet is never overwritten from another case with the same number" sh -c "test $rc -eq 1 &&
	grep -q 'was made from $R2/cases/2024-004.xml: a packet is never replaced' '$T/ov.err' &&
	cmp -s '$T/ov-before.pdf' '$T/ov/packets/2024-004/packet.pdf' && grep -qx 'source: $R2/cases/2024-004.xml' '$T/ov/packets/2024-004/provenance.txt'"
check "the same case file replaces its own packet" "$FOLIO" packet --root "$R2" -o "$T/ov" "$R2/cases/2024-004.xml"
rm "$T/ov/packets/2024-004/provenance.txt"
check "a folder that does not say what made it is not replaced" sh -c "! '$FOLIO' packet --root '$R2' -o '$T/ov' '$R2/cases/2024-004.xml' 2>'$T/ov2.err' && grep -q 'does not record which case' '$T/ov2.err'"

# a long document's first page is its cover: no running header there, one on the pages after
check "the handbook's cover has no running header" sh -c "! pdftotext -layout -f 1 -l 1 '$P/01-customer-handbook.pdf' - | grep -v 文件编号 | grep -q 'WB/XT-KF-SC-01' && pdftotext -layout -f 2 -l 2 '$P/01-customer-handbook.pdf' - | grep -v 文件编号 | grep -q 'WB/XT-KF-SC-01'"
# ---- blank forms ---------------------------------------------------------------------------------
"$FOLIO" forms --root "$ROOT" -o "$T/f" 2>"$T/f.err"
rc=$?
check "blank forms for every form id render" sh -c "test $rc -eq 0 && test \$(ls '$T/f/forms' | grep -c '\\.pdf\$') -eq \$(ls procedures/forms/*.xml | wc -l)"
for c in cases/*.xml; do
	name=$(sed -n 's/.*<name-zh>\(.*\)<\/name-zh>.*/\1/p' "$c" | head -1)
	for f in "$T/f/forms"/*.pdf; do txt "$f"; done | grep -q "$name" && { no "blank forms carry case data ($name)"; continue; }
	ok
done
# a blank form fits one page where it can, and fills it with rows at the site's row height
pages() { pdfinfo "$1" | sed -n 's/^Pages: *//p'; }
check "a blank register fits one page (013-R01)" test "$(pages "$T/f/forms/XT-KF-CX-013-R01.pdf")" -eq 1
check "a blank form of three parts has one page per part (009-R01)" test "$(pages "$T/f/forms/XT-KF-CX-009-R01.pdf")" -eq 3
# every blank form on one page per part (its empty rows fitted across its tables), but
# the seven whose content does not fit one A4 page at the 8 mm row height and with room
# for the seals (docs/sources-forms.md, "Page"): those take two, and their second page
# starts with content, never the signatures alone
TWO="001-R01 001-R02 001-R05 001-R08 002-R01 002-R08 003-R01"
"$FOLIO" forms --root "$ROOT" --list 2>/dev/null | awk 'NR > 1 { print $2, $4 }' > "$T/parts"
check "forms --list names every form" test "$(wc -l < "$T/parts")" -eq "$(ls procedures/forms/*.xml | wc -l)"
while read -r id parts; do
	want=$parts
	case " $TWO " in *" ${id#XT-KF-CX-} "*) want=$((parts * 2)) ;; esac
	got=$(pages "$T/f/forms/$id.pdf")
	check "blank $id: $want page(s) (has $got)" test "$got" -eq "$want"
done < "$T/parts"
for c in "001-R01:收款账户" "001-R02:三、钥匙移交" "001-R05:三、其他约定" "001-R08:六、车辆登记" \
	"002-R01:本单位及施工单位已阅读" "002-R08:验收结论" "003-R01:三、回复及回访"; do
	check "blank ${c%%:*}: page 2 begins with ${c#*:}, the signatures are not alone" sh -c \
	    "pdftotext -f 2 -l 2 '$T/f/forms/XT-KF-CX-${c%%:*}.pdf' - | tr -d ' ' | sed -n '2,6p' | grep -q '${c#*:}'"
done
# the notes at the foot of 物品放行条 sit below 85% of the page: the rows fill the page
y=$(pdftotext -bbox -f 1 -l 1 "$T/f/forms/XT-KF-CX-009-R01.pdf" - | sed -n 's/.*yMin="\([0-9]*\).*>说明：<.*/\1/p' | head -1)
check "the blank 物品放行条 fills its page with rows (说明 at y=$y)" test "${y:-0}" -gt 715
check "grid labels are not broken inside a word (发放客户数)" sh -c "pdftotext -layout '$T/f/forms/XT-KF-CX-006-R03.pdf' - | grep -q 发放客户数"
check "approval labels break only before their parenthesis" sh -c "pdftotext -layout '$T/f/forms/XT-KF-CX-002-R01.pdf' - | grep -q '（手续及资料）'"
# numbered batches keep their counter in the project: a copy of it
mkdir -p "$T/proj/docs" && cp -r "$ROOT/site.xml" "$ROOT/procedures" "$ROOT/schemas" "$ROOT/templates" "$T/proj/" && cp -r "$ROOT/docs/content" "$T/proj/docs/"
"$FOLIO" forms --root "$T/proj" -o "$T/g" --combined --copies 3 --serial XT-KF-CX-004-R02 WB/XT-KF-JL-001-01 2>"$T/g.err"
check "--combined --copies --serial: one PDF, three numbered copies of each" sh -c "test -s '$T/g/forms/forms-No000001-000003.pdf' && test \$(pdfinfo '$T/g/forms/forms-No000001-000003.pdf' | sed -n 's/^Pages: *//p') -ge 6"
# ---- a batch deflates each subset font once: the second case's handbook, from the cache, is the same file
SOURCE_DATE_EPOCH=1700000000 "$FOLIO" packet --root "$ROOT" -o "$T/fc2" -q --jobs 1 cases/2024-001.xml cases/2024-002.xml 2>/dev/null
SOURCE_DATE_EPOCH=1700000000 "$FOLIO" packet --root "$ROOT" -o "$T/fc1" -q cases/2024-002.xml 2>/dev/null
check "a font subset taken from the run's cache: the same bytes as made alone" sh -c "for f in '$T/fc1/packets/2024-002/'*.pdf; do cmp \"\$f\" '$T/fc2/packets/2024-002/'\$(basename \"\$f\") || exit 1; done; test \$(ls '$T/fc1/packets/2024-002/' | grep -c pdf) -eq 15"

# ---- copies laid out once: a form XObject per page of one copy, the serial drawn per page ----
cp -r "$T/proj" "$T/cp1" && cp -r "$T/proj" "$T/cp3" && cp -r "$T/proj" "$T/cp200" && rm -f "$T/cp1/form-serials.txt" "$T/cp3/form-serials.txt"
"$FOLIO" forms --root "$T/cp1" -o "$T/c1" -q --serial --serial-start 7 XT-KF-CX-009-R01
"$FOLIO" forms --root "$T/cp3" -o "$T/c3" -q --copies 3 --serial --serial-start 7 XT-KF-CX-009-R01
C3=$T/c3/forms/XT-KF-CX-009-R01-No000007-000009.pdf
check "--copies 3 of a form of three parts: 9 pages, qpdf --check clean" sh -c "test \$(pdfinfo '$C3' | sed -n 's/^Pages: *//p') -eq 9 && qpdf --check '$C3' >/dev/null"
qpdf --json "$C3" > "$T/c3.json" 2>/dev/null
check "each page of one copy is drawn once: 3 form XObjects, each page draws one" python3 - "$T/c3.json" <<'PY'
import sys, json
j = json.load(open(sys.argv[1]))
objs = j["objects"] if "objects" in j else j["qpdf"][1]
forms = [k for k, v in objs.items() if isinstance(v, dict) and (v.get("dict") or v.get("stream", {}).get("dict", {})).get("/Subtype") == "/Form"]
pages = j["pages"]
print(len(forms), "forms,", len(pages), "pages")
assert len(forms) == 3 and len(pages) == 9
PY
check "each page's own stream only draws its XObject and the serial" sh -c "for k in 1 2 3 4 5 6 7 8 9; do mutool show '$C3' pages/\$k/Contents >'$T/cs' 2>/dev/null || exit 1; grep -q '/X[0-9]* Do' '$T/cs' || exit 1; test \$(wc -c <'$T/cs') -lt 600 || exit 1; done"
check "each copy's pages show its own serial and the form" sh -c "for k in 1 2 3 4 5 6 7 8 9; do n=\$(( (k - 1) / 3 + 7 )); pdftotext -f \$k -l \$k '$C3' - | tr -d ' ' >'$T/pt'; grep -q "00000\$n" '$T/pt' || exit 1; test \$(grep -o '00000[0-9]' '$T/pt' | sort -u | wc -l) -eq 1 || exit 1; grep -q '物品放行条' '$T/pt' || exit 1; done"
rm -rf "$T/r1" "$T/r3" && mkdir -p "$T/r1" "$T/r3"
pdftoppm -r 50 -png "$T/c1/forms/XT-KF-CX-009-R01-No000007-000007.pdf" "$T/r1/p"
pdftoppm -r 50 -png -f 1 -l 3 "$C3" "$T/r3/p"
check "copy 1 renders pixel for pixel as the form laid out alone" sh -c "for k in 1 2 3; do cmp '$T/r1/p-'\$k.png '$T/r3/p-'\$k.png || exit 1; done"
rm -f "$T/cp3/form-serials.txt"
"$FOLIO" forms --root "$T/cp3" -o "$T/c3b" -q --copies 3 --serial --serial-start 7 XT-KF-CX-009-R01
check "copies: the same bytes each time" cmp "$C3" "$T/c3b/forms/XT-KF-CX-009-R01-No000007-000009.pdf"
"$FOLIO" forms --root "$T/cp200" -o "$T/c200" -q --copies 200 XT-KF-CX-009-R01
C200=$T/c200/forms/XT-KF-CX-009-R01-x200.pdf
check "200 copies (600 pages) take one copy's bytes and under 200 bytes a page more" sh -c "test \$(pdfinfo '$C200' | sed -n 's/^Pages: *//p') -eq 600 && test \$(wc -c <'$C200') -lt \$(( \$(wc -c <'$T/c1/forms/XT-KF-CX-009-R01-No000007-000007.pdf') + 600 * 200 ))"
# the bytes a page of a batch costs, measured 2026-12-03 (docs/scale.md): 8.8 B a page
# of plain copies (object streams, PDF 1.5; 110 B before), 176 B a numbered page (326 before)
"$FOLIO" forms --root "$T/cp200" -o "$T/c1k" -q --copies 1000 XT-KF-CX-009-R01 XT-KF-CX-001-R01
C1K=$T/c1k/forms/XT-KF-CX-009-R01-x1000.pdf
"$FOLIO" forms --root "$T/cp200" -o "$T/c200" -q --copies 200 XT-KF-CX-001-R01
check "1,000 copies: under 16 bytes a page more than 200 copies" sh -c "test \$(pdfinfo '$C1K' | sed -n 's/^Pages: *//p') -eq 3000 && test \$(( (\$(wc -c <'$C1K') - \$(wc -c <'$C200')) / 2400 )) -lt 16 && test \$(( (\$(wc -c <'$T/c1k/forms/XT-KF-CX-001-R01-x1000.pdf') - \$(wc -c <'$T/c200/forms/XT-KF-CX-001-R01-x200.pdf')) / 1600 )) -lt 16"
check "a batch of copies is PDF 1.5, its pages in object streams, qpdf and mutool clean" sh -c "qpdf --check '$C1K' >/dev/null && pdfinfo '$C1K' | grep -q 'PDF version: *1.5' && test \$(qpdf --show-xref '$C1K' | grep -c 'compressed; stream = ') -gt 3000 && mutool info '$C1K' 2>&1 | grep -q 'Pages: 3000' && mutool draw -o '$T/c1k/p%d.png' -r 20 '$C1K' 1,1500,3000 >'$T/c1k/m' 2>&1 && test -s '$T/c1k/p3000.png' && ! grep -qi error '$T/c1k/m'"
check "1,000 copies render as one: first and last page alike, pixel for pixel" sh -c "pdftoppm -r 30 -png -f 1 -l 1 '$C1K' '$T/c1k/a' && pdftoppm -r 30 -png -f 2998 -l 2998 '$C1K' '$T/c1k/b' && cmp '$T/c1k/a-0001.png' '$T/c1k/b-2998.png' && pdftotext -f 3000 -l 3000 '$C1K' - | grep -q '物品放行条'"
qpdf --json --json-key=pagelabels "$T/c1k/forms/XT-KF-CX-001-R01-x1000.pdf" >"$T/c1k.labels" 2>/dev/null
check "page labels: each copy of a two-page form numbered 1, 2 from its first page" python3 - "$T/c1k.labels" <<'PY'
import sys, json
labels = json.load(open(sys.argv[1]))["pagelabels"]
assert [l["index"] for l in labels] == list(range(0, 2000, 2)), [l["index"] for l in labels][:5]
assert all(l["label"] == {"/S": "/D", "/St": 1} for l in labels), labels[:2]
PY
rm -f "$T/cp200/form-serials.txt"
"$FOLIO" forms --root "$T/cp200" -o "$T/s1k" -q --copies 1000 --serial XT-KF-CX-009-R01
"$FOLIO" forms --root "$T/cp200" -o "$T/s200" -q --copies 200 --serial XT-KF-CX-009-R01
S1K=$T/s1k/forms/XT-KF-CX-009-R01-No000001-001000.pdf
check "1,000 numbered copies: under 250 bytes a page more than 200, the first and last numbers on their pages" sh -c "qpdf --check '$S1K' >/dev/null && test \$(( (\$(wc -c <'$S1K') - \$(wc -c <'$T/s200/forms/XT-KF-CX-009-R01-No001001-001200.pdf')) / 2400 )) -lt 250 && pdftotext -f 1 -l 1 '$S1K' - | tr -d ' ' | grep -q '000001' && pdftotext -f 3000 -l 3000 '$S1K' - | tr -d ' ' | grep -q '001000' && ! pdftotext -f 3000 -l 3000 '$S1K' - | tr -d ' ' | grep -q '000999'"
rm -f "$T/cp200/form-serials.txt"
"$FOLIO" forms --root "$T/cp200" -o "$T/cc" -q --combined --copies 2 --serial --serial-start 50 XT-KF-CX-004-R02 XT-KF-CX-009-R01
CC=$T/cc/forms/forms-No000050-000051.pdf
check "--combined --copies 2 --serial: the forms in order, each copy numbered, qpdf clean" sh -c "qpdf --check '$CC' >/dev/null && pdftotext '$CC' - | grep -o '0000[0-9][0-9]' | sort | uniq -c | tr -s ' ' | tr '\n' ' ' | grep -q '000050.*000051' && qpdf --json '$CC' | python3 -c 'import sys,json; o=[b[\"title\"] for b in json.load(sys.stdin)[\"outlines\"]]; print(o); assert len(o)==2 and \"XT-KF-JL-009\" in o[1]'"

check "an unknown form is an error" sh -c "! '$FOLIO' forms --root '$ROOT' -o '$T/h' XT-KF-CX-099-R01 2>/dev/null"

summary
