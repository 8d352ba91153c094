#!/bin/sh
# PDF tests with real tools: qpdf, pdffonts, pdftotext, pdfinfo, pdftoppm.
# usage: run.sh FOLIO ; ends with "pdf: N passed, M failed".
LAYER=pdf
. "$(dirname "$0")/../lib.sh"
T=$(mktemp -d)
# ---- a one-page Chinese document -------------------------------------------------
cat > "$T/doc.fo" <<'FO'
<?xml version="1.0" encoding="UTF-8"?>
<fo:root xmlns:fo="http://www.w3.org/1999/XSL/Format" language="zh-CN">
<fo:layout-master-set><fo:simple-page-master master-name="A4" page-width="210mm" page-height="297mm" margin="20mm">
<fo:region-body margin-top="12mm"/><fo:region-before extent="10mm"/></fo:simple-page-master></fo:layout-master-set>
<fo:page-sequence master-reference="A4"><fo:title>写字楼收楼程序</fo:title>
<fo:static-content flow-name="xsl-region-before"><fo:block font-size="9pt" text-align="end">WB/XT-KF-CX 第<fo:page-number/>页</fo:block></fo:static-content>
<fo:flow flow-name="xsl-region-body">
<fo:block font-family="sans-serif" font-size="16pt" font-weight="bold" space-after="8pt">写字楼收楼程序（XT-KF-CX-001）</fo:block>
<fo:block text-indent="2em" text-align="justify">向客户发放下列文件，并做详细说明：客户手册、装修守则、应急安全手册、安全协议书及客户出入证登记表。与客户签订租赁单元设备验收单及房屋确认书。</fo:block>
<fo:block text-indent="2em" text-align="justify">该程序由客服部负责，租赁部、工程部、保安部协助。客户须在收楼后30日内提交《装修申请表》，押金¥1,280.50元。</fo:block>
</fo:flow></fo:page-sequence></fo:root>
FO
check "render a Chinese document" "$FOLIO" render "$T/doc.fo" -o "$T/doc.pdf" --areas "$T/doc.xml"
check "qpdf --check" qpdf --check "$T/doc.pdf"
check "every font embedded and subset" sh -c "pdffonts '$T/doc.pdf' | tail -n +3 | awk '{ if (\$(NF-4) != \"yes\" || \$(NF-3) != \"yes\") bad=1; n++ } END { exit (bad || n == 0) }'"
check "fonts are CID TrueType, Identity-H" sh -c "pdffonts '$T/doc.pdf' | tail -n +3 | grep -c 'CID TrueType *Identity-H' | grep -qv '^0$'"
check "pdftotext gives the text back" sh -c "pdftotext '$T/doc.pdf' - 2>/dev/null | tr -d ' \n' | grep -q '写字楼收楼程序（XT-KF-CX-001）向客户发放下列文件，并做详细说明：客户手册、装修守则'"
check "pdftotext: numbers and codes" sh -c "pdftotext '$T/doc.pdf' - 2>/dev/null | grep -q '¥1,280.50'"
# 600 distinct ideographs: their glyph ids in the subset run past 13 (CR),
# 40 and 41 (parentheses) and 92 (backslash), which the text strings escape
python3 -c "
import sys
t = ''.join(chr(0x4E00 + 7 * i) for i in range(600))
open(sys.argv[1], 'w', encoding='utf-8').write('<fo:root xmlns:fo=\"http://www.w3.org/1999/XSL/Format\" font-family=\"WenQuanYi Micro Hei\" language=\"zh\"><fo:layout-master-set><fo:simple-page-master master-name=\"p\" page-width=\"210mm\" page-height=\"297mm\" margin=\"15mm\"><fo:region-body/></fo:simple-page-master></fo:layout-master-set><fo:page-sequence master-reference=\"p\"><fo:flow flow-name=\"xsl-region-body\"><fo:block>' + t + '</fo:block></fo:flow></fo:page-sequence></fo:root>')
open(sys.argv[2], 'w', encoding='utf-8').write(t)
" "$T/many.fo" "$T/many.txt"
"$FOLIO" render "$T/many.fo" -o "$T/many.pdf" 2>/dev/null
check "600 distinct ideographs come back from pdftotext in order (escaped glyph ids)" sh -c "pdftotext '$T/many.pdf' - 2>/dev/null | tr -d ' \n\f' | cmp -s - '$T/many.txt'"
check "page number in the header" sh -c "pdftotext '$T/doc.pdf' - 2>/dev/null | grep -q 'WB/XT-KF-CX *第 *1 *页'"
check "title from fo:title" sh -c "pdfinfo '$T/doc.pdf' 2>/dev/null | grep -q '^Title: *写字楼收楼程序'"
check "document language /Lang from fo:root" sh -c "qpdf --qdf --object-streams=disable '$T/doc.pdf' - | grep -a -q '/Lang (zh-CN)'"
check "producer names folio" sh -c "pdfinfo '$T/doc.pdf' 2>/dev/null | grep -q '^Producer: *folio '"
check "one-page Chinese document under 60 KB" sh -c "test \$(stat -c %s '$T/doc.pdf') -le 61440"
check "no date without SOURCE_DATE_EPOCH" sh -c "! pdfinfo '$T/doc.pdf' 2>/dev/null | grep -q CreationDate"
check "SOURCE_DATE_EPOCH sets the date" sh -c "SOURCE_DATE_EPOCH=1700000000 '$FOLIO' render '$T/doc.fo' -o '$T/sde.pdf' && pdfinfo '$T/sde.pdf' 2>/dev/null | grep -q 'CreationDate:.*2023'"

# ---- determinism -----------------------------------------------------------------
"$FOLIO" render "$T/doc.fo" -o "$T/doc2.pdf" 2>/dev/null
check "two renders are byte-identical" cmp "$T/doc.pdf" "$T/doc2.pdf"
check "standard input and output" sh -c "'$FOLIO' render - -o - < '$T/doc.fo' > '$T/stdout.pdf' && cmp '$T/doc.pdf' '$T/stdout.pdf'"
check "streams are compressed" sh -c "qpdf --show-npages '$T/doc.pdf' >/dev/null && ! grep -a -q -x 'BT' '$T/doc.pdf'"

# ---- a run with no break opportunity is broken at the line's end, never lost ------------
# 2,300 W at 1000pt sum past 2^31 millipoints; 300,000 letters made the scan quadratic
python3 -c "
import sys
head = '<fo:root xmlns:fo=\"http://www.w3.org/1999/XSL/Format\" language=\"zh\"><fo:layout-master-set><fo:simple-page-master master-name=\"p\" page-width=\"%s\" page-height=\"%s\" margin=\"20pt\"><fo:region-body/></fo:simple-page-master></fo:layout-master-set><fo:page-sequence master-reference=\"p\"><fo:flow flow-name=\"xsl-region-body\">'
tail = '</fo:flow></fo:page-sequence></fo:root>'
open(sys.argv[1], 'w').write(head % ('300pt', '300pt') + '<fo:block font-size=\"1000pt\">' + 'W' * 2300 + '</fo:block>' + tail)
open(sys.argv[2], 'w').write(head % ('210mm', '297mm') + '<fo:block>' + 'x' * 300000 + '</fo:block>' + tail)
" "$T/wide.fo" "$T/long.fo"
"$FOLIO" render "$T/wide.fo" -o "$T/wide.pdf" 2>"$T/wide.err"
# the glyphs of a line taller than the page sit below it: read the whole plane
check "2,300 W at 1000pt: every W is in the PDF" sh -c "test \$(pdftotext -x -2000 -y -2000 -W 4000 -H 4000 '$T/wide.pdf' - | tr -cd W | wc -c) -eq 2300"
check "2,300 W at 1000pt: a warning with file:line says the run is broken" grep -q "wide.fo:1: warning: text with no break opportunity is wider than the line" "$T/wide.err"
# many such paragraphs: one warning for the document, with their count and every line
python3 -c "
import sys
head = '<fo:root xmlns:fo=\"http://www.w3.org/1999/XSL/Format\" language=\"zh\"><fo:layout-master-set><fo:simple-page-master master-name=\"p\" page-width=\"200pt\" page-height=\"300pt\" margin=\"20pt\"><fo:region-body/></fo:simple-page-master></fo:layout-master-set><fo:page-sequence master-reference=\"p\"><fo:flow flow-name=\"xsl-region-body\">\n'
body = '<fo:block>see page <fo:page-number-citation ref-id=\"end\"/></fo:block>\n' + ''.join('<fo:block>%s</fo:block>\n' % ('W' * 60) for i in range(30)) + '<fo:block id=\"end\">short</fo:block>\n'
open(sys.argv[1], 'w').write(head + body + '</fo:flow></fo:page-sequence></fo:root>')
" "$T/many.fo"
"$FOLIO" render "$T/many.fo" -o "$T/many.pdf" 2>"$T/many.err"
check "30 paragraphs without a break: one warning, at the first, with the count and the lines of the others (20 named)" sh -c "test \$(grep -c 'no break opportunity' '$T/many.err') -eq 1 && grep -q '^.*many.fo:3: warning: text with no break opportunity is wider than the line (160.0pt) in 30 paragraphs, here and at lines 4, 5, 6, .*, 23 and 9 more: each broken' '$T/many.err' && test \$(pdftotext '$T/many.pdf' - | tr -cd W | wc -c) -eq 1800"
check "300,000 letters without a break: rendered" "$FOLIO" render "$T/long.fo" -o "$T/long.pdf"
check "300,000 letters without a break: every letter is in the PDF" sh -c "test \$(pdftotext '$T/long.pdf' - | tr -cd x | wc -c) -eq 300000"
# total fit over one justified paragraph of 300,000 Han characters with
# marks and numbers: the active breaks stay few, every character is set
python3 -c "
import sys
han = ''.join(chr(0x4E00 + (i * 7919) % 2000) + ('，' if i % 37 == 36 else '') + ('2024' if i % 113 == 112 else '') + ('。' if i % 211 == 210 else '') for i in range(300000))
head = '<fo:root xmlns:fo=\"http://www.w3.org/1999/XSL/Format\" font-family=\"WenQuanYi Micro Hei\" language=\"zh\"><fo:layout-master-set><fo:simple-page-master master-name=\"p\" page-width=\"210mm\" page-height=\"297mm\" margin=\"15mm\"><fo:region-body/></fo:simple-page-master></fo:layout-master-set><fo:page-sequence master-reference=\"p\"><fo:flow flow-name=\"xsl-region-body\">'
open(sys.argv[1], 'w', encoding='utf-8').write(head + '<fo:block text-align=\"justify\" text-indent=\"2em\">' + han + '</fo:block></fo:flow></fo:page-sequence></fo:root>')
open(sys.argv[2], 'w', encoding='utf-8').write(han)
" "$T/longzh.fo" "$T/longzh.txt"
check "300,000 Han characters in one justified paragraph: rendered" "$FOLIO" render "$T/longzh.fo" -o "$T/longzh.pdf"
check "300,000 Han characters in one justified paragraph: every character in order" sh -c "pdftotext '$T/longzh.pdf' - | tr -d ' \n\f' | cmp -s - '$T/longzh.txt'"

# ---- ink: every glyph of every default face is drawn --------------------------------
{
	echo '<fo:root xmlns:fo="http://www.w3.org/1999/XSL/Format" language="zh"><fo:layout-master-set><fo:simple-page-master master-name="p" page-width="210mm" page-height="297mm" margin="15mm"><fo:region-body/></fo:simple-page-master></fo:layout-master-set><fo:page-sequence master-reference="p"><fo:flow flow-name="xsl-region-body">'
	for fam in "AR PL UMing CN" "WenQuanYi Zen Hei" "WenQuanYi Micro Hei" "LXGW WenKai" "serif" "sans-serif" "monospace"; do
		for weight in normal bold; do
			printf '<fo:block font-family="%s" font-weight="%s" font-size="20pt" line-height="1.6">' "$fam" "$weight"
			i=0
			for ch in 写 字 楼 收 程 序 客 须 服 部 提 交 《 装 修 》 。 ， 、 户 这 个 们 A g 1 '&amp;' Q 𠮷; do
				i=$((i + 1))
				printf '<fo:inline color="#00000%d">%s</fo:inline>' $((i % 2)) "$ch"
			done
			echo '</fo:block>'
		done
	done
	echo '</fo:flow></fo:page-sequence></fo:root>'
} > "$T/ink.fo"
check "render the ink sheet" "$FOLIO" render "$T/ink.fo" -o "$T/ink.pdf" --areas "$T/ink.xml"
pdftoppm -gray -r 100 "$T/ink.pdf" "$T/ink" 2>/dev/null
for f in "$T"/ink-*.pgm; do :; done
check "ink in every glyph's box (all default faces and WenQuanYi Micro Hei)" python3 tests/pdf/ink.py "$T/ink.xml" "$T/ink" 100
check "a supplementary-plane ideograph (U+20BB7) is drawn by the fallback face and extracts" sh -c "
	test \$(pdftotext '$T/ink.pdf' - | grep -o '𠮷' | wc -l) -eq 14 &&
	grep -c 'text=\"𠮷\"' '$T/ink.xml' | grep -qx 14 &&
	pdffonts '$T/ink.pdf' | grep -q 'LXGWWenKai'"

# ---- decorations: an underlined value of Chinese and Latin is one rule --------------------
cat > "$T/ul.fo" <<'FO'
<fo:root xmlns:fo="http://www.w3.org/1999/XSL/Format" font-size="14pt" language="zh"><fo:layout-master-set><fo:simple-page-master master-name="p" page-width="120mm" page-height="30mm" margin="5mm"><fo:region-body/></fo:simple-page-master></fo:layout-master-set><fo:page-sequence master-reference="p"><fo:flow flow-name="xsl-region-body"><fo:block>单元：<fo:inline text-decoration="underline">15层1501-1503单元 A座</fo:inline>。</fo:block></fo:flow></fo:page-sequence></fo:root>
FO
"$FOLIO" render "$T/ul.fo" -o "$T/ul.pdf" --areas "$T/ul.xml" 2>/dev/null
pdftoppm -gray -r 150 "$T/ul.pdf" "$T/ul" 2>/dev/null
check "an underline runs unbroken through the spaces between Chinese and Latin" python3 tests/pdf/underline.py "$T/ul.xml" "$T/ul" 150

# ---- 35,000 pages, each its own page sequence and label: past libharu's 32,767-item arrays --
python3 -c "
import sys
seq = '<fo:page-sequence master-reference=\"p\" format=\"一\"><fo:flow flow-name=\"xsl-region-body\"><fo:block>页</fo:block></fo:flow></fo:page-sequence>'
open(sys.argv[1], 'w', encoding='utf-8').write('<fo:root xmlns:fo=\"http://www.w3.org/1999/XSL/Format\" font-family=\"LXGW WenKai\" language=\"zh\"><fo:layout-master-set><fo:simple-page-master master-name=\"p\" page-width=\"100pt\" page-height=\"100pt\" margin=\"10pt\"><fo:region-body/></fo:simple-page-master></fo:layout-master-set>' + seq * 35000 + '</fo:root>')
" "$T/big.fo"
"$FOLIO" render "$T/big.fo" -o "$T/big.pdf" 2>/dev/null
check "35,000 pages with a label each: valid, every page and label there" sh -c "
	qpdf --check '$T/big.pdf' >/dev/null 2>&1 && test \$(qpdf --show-npages '$T/big.pdf') -eq 35000 &&
	qpdf --json --json-key=pagelabels '$T/big.pdf' | python3 -c 'import sys, json; l = json.load(sys.stdin)[\"pagelabels\"]; sys.exit(0 if len(l) == 35000 and l[1][\"label\"][\"/P\"].endswith(\"二\") and l[-1][\"index\"] == 34999 else 1)'"

# ---- bad input ------------------------------------------------------------------------
printf '<?xml version="1.0"?>\n<fo:root xmlns:fo="http://www.w3.org/1999/XSL/Format">\n  <fo:block>\n</fo:root>\n' > "$T/bad.fo"
"$FOLIO" render "$T/bad.fo" -o "$T/bad.pdf" 2>"$T/bad.err"
rc=$?
check "malformed XML exits non-zero" test "$rc" -ne 0
check "malformed XML: file:line:col: error" grep -q "bad.fo:4:[0-9]*: error:" "$T/bad.err"
check "malformed XML leaves no file" sh -c "! ls '$T' | grep -q '^bad.pdf'"
"$FOLIO" render "$T/missing.fo" -o "$T/m.pdf" 2>"$T/m.err"
rc=$?
check "unreadable input names the path" sh -c "test $rc -ne 0 && grep -q 'missing.fo' '$T/m.err'"
"$FOLIO" render "$T/doc.fo" -o "$T/no/such/dir/out.pdf" 2>"$T/w.err"
rc=$?
check "unwritable output names the path" sh -c "test $rc -ne 0 && grep -q 'no/such/dir/out.pdf' '$T/w.err'"
printf '<html/>' > "$T/notfo.fo"
"$FOLIO" render "$T/notfo.fo" -o "$T/notfo.pdf" 2>"$T/nf.err"
rc=$?
check "a non-FO document is an error" sh -c "test $rc -ne 0 && grep -q 'not fo:root' '$T/nf.err' && ! test -e '$T/notfo.pdf'"
printf '<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><fo:root xmlns:fo="http://www.w3.org/1999/XSL/Format"><fo:layout-master-set><fo:simple-page-master master-name="p"><fo:region-body/></fo:simple-page-master></fo:layout-master-set><fo:page-sequence master-reference="p"><fo:flow flow-name="xsl-region-body"><fo:block>[&x;]</fo:block></fo:flow></fo:page-sequence></fo:root>' > "$T/xxe.fo"
"$FOLIO" render "$T/xxe.fo" -o "$T/xxe.pdf" 2>/dev/null
check "external entities are never loaded" sh -c "! pdftotext '$T/xxe.pdf' - 2>/dev/null | grep -q root:"
check "usage error exits 2" sh -c "'$FOLIO' render 2>/dev/null; test \$? -eq 2"

# ---- a table of contents in a 100+ page document: every number right --------------------
python3 - "$T/toc.fo" <<'PY'
import sys
n = 130
toc = "".join('<fo:block text-align-last="justify">第%d章 程序<fo:leader leader-pattern="dots"/><fo:page-number-citation ref-id="c%d"/></fo:block>' % (i, i) for i in range(1, n + 1))
body = "".join('<fo:block id="c%d" break-before="page" font-size="14pt">第%d章 程序正文</fo:block><fo:block>%s</fo:block>' % (i, i, "内容" * (40 * (i % 3 + 1))) for i in range(1, n + 1))
open(sys.argv[1], "w").write('<fo:root xmlns:fo="http://www.w3.org/1999/XSL/Format" language="zh"><fo:layout-master-set><fo:simple-page-master master-name="p" page-width="148mm" page-height="210mm" margin="15mm"><fo:region-body margin-bottom="10mm"/><fo:region-after extent="8mm"/></fo:simple-page-master></fo:layout-master-set><fo:page-sequence master-reference="p" id="all"><fo:static-content flow-name="xsl-region-after"><fo:block text-align="center">第<fo:page-number/>页 共<fo:page-number-citation-last ref-id="all"/>页</fo:block></fo:static-content><fo:flow flow-name="xsl-region-body">' + toc + body + '</fo:flow></fo:page-sequence></fo:root>')
PY
"$FOLIO" render "$T/toc.fo" -o "$T/toc.pdf" --areas "$T/toc.xml" 2>"$T/toc.err"
check "a 100+ page document with a table of contents renders" test -s "$T/toc.pdf"
check "every contents entry names the page its chapter starts on; 第 x 页 共 y 页 on every page" python3 - "$T/toc.xml" <<'PY'
import sys, re, xml.etree.ElementTree as ET
t = ET.parse(sys.argv[1]).getroot()
pages = t.findall('page')
assert len(pages) >= 100, "only %d pages" % len(pages)
start = {}
for p in pages:
    for line in p.iter('line'):
        m = re.match(r'第(\d+)章 程序正文', line.get('text'))
        if m:
            start.setdefault(int(m.group(1)), p.get('label'))
bad = 0
for p in pages:
    for line in p.iter('line'):
        m = re.match(r'第(\d+)章 程序(?!正文)\D*?(\d+)$', line.get('text'))
        if m and start.get(int(m.group(1))) != m.group(2):
            bad += 1
            print("contents: chapter %s says page %s, starts on %s" % (m.group(1), m.group(2), start.get(int(m.group(1)))))
    foot = [l.get('text') for r in p.findall('region') if r.get('fo') == 'xsl-region-after' for l in r.iter('line')]
    if foot != ['第%s页 共%d页' % (p.get('label'), len(pages))]:
        bad += 1
        print("footer of page %s: %s" % (p.get('label'), foot))
assert len(start) == 130, "chapters found: %d" % len(start)
sys.exit(1 if bad else 0)
PY

# ---- bookmarks and links, read back with qpdf --json ------------------------------------
cat > "$T/nav.fo" <<'FO'
<fo:root xmlns:fo="http://www.w3.org/1999/XSL/Format" language="zh">
<fo:layout-master-set><fo:simple-page-master master-name="p" page-width="210mm" page-height="297mm" margin="20mm"><fo:region-body/></fo:simple-page-master></fo:layout-master-set>
<fo:bookmark-tree>
<fo:bookmark internal-destination="a"><fo:bookmark-title>第一章 总则</fo:bookmark-title>
<fo:bookmark internal-destination="b" starting-state="hide"><fo:bookmark-title>1.1 范围</fo:bookmark-title></fo:bookmark></fo:bookmark>
<fo:bookmark internal-destination="c"><fo:bookmark-title>第二章</fo:bookmark-title></fo:bookmark>
</fo:bookmark-tree>
<fo:page-sequence master-reference="p"><fo:flow flow-name="xsl-region-body">
<fo:block id="a">第一章 总则 <fo:basic-link internal-destination="c" color="blue">见第二章</fo:basic-link> <fo:basic-link external-destination="url('https://example.com/x')">网址</fo:basic-link></fo:block>
<fo:block id="b" space-before="200pt">1.1 范围</fo:block>
<fo:block break-before="page">第二页</fo:block>
<fo:block id="c" space-before="100pt">第二章</fo:block>
</fo:flow></fo:page-sequence></fo:root>
FO
"$FOLIO" render "$T/nav.fo" -o "$T/nav.pdf" 2>/dev/null
qpdf --json "$T/nav.pdf" > "$T/nav.json" 2>/dev/null
check "the outline equals the bookmark tree (titles, nesting, pages, open state)" python3 - "$T/nav.json" <<'PY'
import sys, json
j = json.load(open(sys.argv[1]))
o = j["outlines"]
got = [(b["title"], b["destpageposfrom1"], b["open"], [(k["title"], k["destpageposfrom1"]) for k in b["kids"]]) for b in o]
want = [("第一章 总则", 1, True, [("1.1 范围", 1)]), ("第二章", 2, True, [])]
print(got)
sys.exit(0 if got == want else 1)
PY
check "an internal link jumps to the exact place; an external link opens its URI" python3 - "$T/nav.json" <<'PY'
import sys, json
j = json.load(open(sys.argv[1]))
objs = j["qpdf"][1]
links = [v["value"] for v in objs.values() if isinstance(v, dict) and isinstance(v.get("value"), dict) and v["value"].get("/Subtype") == "/Link"]
def resolve(v):
    return objs["obj:" + v]["value"] if isinstance(v, str) and v.endswith(" R") else v
dests = [resolve(l["/Dest"]) for l in links if "/Dest" in l]
uris = [l["/A"]["/URI"] for l in links if "/A" in l]
page2 = j["pages"][1]["object"]
ok = len(dests) == 1 and dests[0][0] == page2 and dests[0][1] == "/XYZ" and abs(dests[0][3] - (841.89 - 56.693 - 14.4 - 100)) < 1
ok = ok and uris == ["u:https://example.com/x"]
print(dests, uris)
sys.exit(0 if ok else 1)
PY

# ---- an index: page numbers merged, with links to their pages ----------------------------
sed -n '/<fo:root/,/<\/fo:root>/p' tests/layout/index-citations.xml > "$T/index.fo"
"$FOLIO" render "$T/index.fo" -o "$T/index.pdf" 2>"$T/index.err"
pdftotext -q -f 11 -l 11 "$T/index.pdf" "$T/index.txt"
check "index: the citation lists read back from the PDF, merged, separated, prefixed" sh -c "
	grep -qx 'apple, 2, 4–6' '$T/index.txt' && grep -qx 'pear, \[3\]; \[7\]' '$T/index.txt' &&
	grep -qx 'both, 2–7' '$T/index.txt' && grep -qx 'tall, 8–10' '$T/index.txt' || { cat '$T/index.txt'; false; }"
check "index: a key no FO has is a warning with file:line" \
	grep -q "index.fo:24: warning: fo:index-key-reference to \"banana\", which no FO has as its index-key" "$T/index.err"
qpdf --json "$T/index.pdf" > "$T/index.json" 2>/dev/null
check "index: page-number-treatment=link makes each number a link to its page (2, 4, 6)" python3 - "$T/index.json" <<'PY'
import sys, json
j = json.load(open(sys.argv[1]))
objs = j["qpdf"][1]
pages = [p["object"] for p in j["pages"]]
annots = objs["obj:" + pages[10]]["value"].get("/Annots", [])
if isinstance(annots, str):
    annots = objs["obj:" + annots]["value"]
def resolve(v):
    return objs["obj:" + v]["value"] if isinstance(v, str) and v.endswith(" R") else v
dests = [resolve(resolve(a)["/Dest"]) for a in annots if "/Dest" in resolve(a)]
got = [pages.index(d[0]) + 1 for d in dests]
print(got)
sys.exit(0 if got == [2, 4, 6] else 1)
PY

# ---- page labels equal the printed numbers ------------------------------------------------
cat > "$T/labels.fo" <<'FO'
<fo:root xmlns:fo="http://www.w3.org/1999/XSL/Format"><fo:layout-master-set><fo:simple-page-master master-name="p" page-width="200pt" page-height="200pt"><fo:region-body/></fo:simple-page-master></fo:layout-master-set>
<fo:page-sequence master-reference="p" format="i"><fo:flow flow-name="xsl-region-body"><fo:block>a</fo:block><fo:block break-before="page">b</fo:block></fo:flow></fo:page-sequence>
<fo:page-sequence master-reference="p" format="一" initial-page-number="1"><fo:flow flow-name="xsl-region-body"><fo:block>c</fo:block><fo:block break-before="page">d</fo:block></fo:flow></fo:page-sequence>
<fo:page-sequence master-reference="p" initial-page-number="5"><fo:flow flow-name="xsl-region-body"><fo:block>e</fo:block><fo:block break-before="page">f</fo:block></fo:flow></fo:page-sequence></fo:root>
FO
"$FOLIO" render "$T/labels.fo" -o "$T/labels.pdf" 2>/dev/null
check "PDF page labels: i ii, 一 二, 5 6" sh -c "qpdf --json --json-key=pagelabels '$T/labels.pdf' | python3 -c \"import json,sys; l=[(x['index'], x['label'].get('/S'), x['label'].get('/P'), x['label'].get('/St')) for x in json.load(sys.stdin)['pagelabels']]; print(l); sys.exit(0 if l == [(0,'/r',None,1),(2,None,'u:一',1),(3,None,'u:二',1),(4,'/D',None,5)] else 1)\""

# ---- document metadata ---------------------------------------------------------------------
cat > "$T/meta.fo" <<'FO'
<fo:root xmlns:fo="http://www.w3.org/1999/XSL/Format" xmlns:folio="urn:folio:fo" language="zh" country="CN">
<fo:layout-master-set><fo:simple-page-master master-name="p"><fo:region-body/></fo:simple-page-master></fo:layout-master-set>
<fo:declarations>
<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
<dc:title>客户手册</dc:title><dc:creator>示例大厦物业管理处</dc:creator><dc:description>写字楼客户须知</dc:description><pdf:Keywords>物业, 客户</pdf:Keywords>
</rdf:Description></rdf:RDF></x:xmpmeta>
</fo:declarations>
<fo:page-sequence master-reference="p"><fo:title>不用这个标题</fo:title><fo:flow flow-name="xsl-region-body"><fo:block>正文</fo:block></fo:flow></fo:page-sequence></fo:root>
FO
"$FOLIO" render "$T/meta.fo" -o "$T/meta.pdf" 2>/dev/null
check "metadata from XMP: title, author, subject, keywords" sh -c "pdfinfo '$T/meta.pdf' 2>/dev/null | grep -q '^Title: *客户手册' && pdfinfo '$T/meta.pdf' 2>/dev/null | grep -q '^Author: *示例大厦物业管理处' && pdfinfo '$T/meta.pdf' 2>/dev/null | grep -q '^Subject: *写字楼客户须知' && pdfinfo '$T/meta.pdf' 2>/dev/null | grep -q '^Keywords: *物业, 客户'"
check "an XMP metadata stream with the same title and language" sh -c "pdfinfo -meta '$T/meta.pdf' 2>/dev/null | grep -q '<rdf:li xml:lang=\"x-default\">客户手册</rdf:li>' && pdfinfo -meta '$T/meta.pdf' 2>/dev/null | grep -q '<rdf:li>zh-CN</rdf:li>'"
sed -i 's|<fo:declarations>|<fo:declarations><folio:info title="自定义标题" author="管理处" subject="主题" keywords="关键词"/>|' "$T/meta.fo"
"$FOLIO" render "$T/meta.fo" -o "$T/meta2.pdf" 2>/dev/null
check "folio:info sets the metadata" sh -c "pdfinfo '$T/meta2.pdf' 2>/dev/null | grep -q '^Title: *自定义标题' && pdfinfo '$T/meta2.pdf' 2>/dev/null | grep -q '^Keywords: *关键词'"

# ---- graphics: images and SVG drawn as vectors (docs/graphics.md) ----------------------
python3 tests/mkimages.py "$T/img"
FOHEAD='<?xml version="1.0" encoding="UTF-8"?><fo:root xmlns:fo="http://www.w3.org/1999/XSL/Format" language="zh"><fo:layout-master-set><fo:simple-page-master master-name="p" page-width="400pt" page-height="600pt" margin="20pt"><fo:region-body/></fo:simple-page-master></fo:layout-master-set><fo:page-sequence master-reference="p"><fo:flow flow-name="xsl-region-body">'
FOTAIL='</fo:flow></fo:page-sequence></fo:root>'
{
	echo "$FOHEAD"
	echo '<fo:block line-height="50pt">'
	for f in rgb.png rgb16.png interlaced.png pal8.png pal4.png pal8-trns.png pal4-trns.png rgba.png rgb-trns.png; do
		printf '<fo:external-graphic src="img/%s" content-width="40pt"/> ' "$f"
	done
	echo '</fo:block><fo:block line-height="50pt">'
	for f in grey.png grey16.png grey1.png grey-trns.png ga.png grey.jpg rgb.jpg cmyk.jpg; do
		printf '<fo:external-graphic src="img/%s" content-width="40pt"/> ' "$f"
	done
	echo '</fo:block><fo:block line-height="50pt">'
	for f in rgb.gif trns.gif anim.gif offset.gif rgb.tif grey.tif grey1.tif pal.tif cmyk.tif rgba.tif pages.tif; do
		printf '<fo:external-graphic src="img/%s" content-width="40pt"/> ' "$f"
	done
	echo '</fo:block>'
	cat <<'SVG'
<fo:block><fo:instream-foreign-object><svg xmlns="http://www.w3.org/2000/svg" width="200" height="100">
<rect x="0" y="0" width="40" height="40" fill="red"/>
<rect x="50" y="0" width="40" height="40" fill="#00AA00"/>
<rect x="100" y="0" width="40" height="40" fill="blue" fill-opacity="0.5"/>
<polygon points="150,0 190,0 170,40" fill="rgb(255,255,0)"/>
<path d="M0 50 H40 V90 H0 Z M10 60 H30 V80 H10 Z" fill="#444444" fill-rule="evenodd"/>
<rect x="50" y="50" width="40" height="40" rx="8" fill="#884400"/>
<g transform="rotate(45 120 70)"><rect x="110" y="60" width="20" height="20" fill="navy"/></g>
<path d="M150 50 L190 90" stroke="black" stroke-width="3" stroke-dasharray="6 3"/>
<text x="170" y="98" text-anchor="middle" font-size="9">测试卡</text>
</svg></fo:instream-foreign-object></fo:block>
SVG
	echo "$FOTAIL"
} > "$T/gfx.fo"
"$FOLIO" render "$T/gfx.fo" -o "$T/gfx.pdf" --areas "$T/gfx.xml" 2>"$T/gfx.err"
rc=$?
check "render images and a drawing" test "$rc" -eq 0
check "an animated GIF and a TIFF of two pages: a warning each that only the first is printed" \
	sh -c "grep -q 'anim.gif\": an animated GIF of 2 frames; only the first is printed' '$T/gfx.err' && grep -q 'pages.tif\": a TIFF of 2 pages; only the first is printed' '$T/gfx.err' && test \$(wc -l < '$T/gfx.err') -eq 2"
check "graphics PDF passes qpdf --check" qpdf --check "$T/gfx.pdf"
pdftoppm -r 72 "$T/gfx.pdf" "$T/gfx" 2>/dev/null
check "pixel colours of images (PNG: every type, JPEG: grey, RGB, CMYK, GIF, TIFF: every colour model) and of the drawing" \
	python3 tests/pdf/pixels.py "$T/gfx.xml" "$T/gfx" 72
check "the drawing is vectors: only the 28 external graphics are images" \
	sh -c "test \$(pdfimages -list '$T/gfx.pdf' 2>/dev/null | tail -n +3 | awk '\$3 == \"image\"' | wc -l) -eq 28"
check "two renders of graphics are byte-identical" sh -c "'$FOLIO' render '$T/gfx.fo' -o '$T/gfx2.pdf' && cmp '$T/gfx.pdf' '$T/gfx2.pdf'"

# an interlaced GIF's rows land where a plain one's do: every row differs
for f in rows interlaced; do
	printf '%s<fo:block><fo:external-graphic src="img/%s.gif" content-width="160pt"/></fo:block>%s' "$FOHEAD" "$f" "$FOTAIL" > "$T/$f.fo"
	"$FOLIO" render "$T/$f.fo" -o "$T/$f.pdf" 2>/dev/null && pdftoppm -r 36 "$T/$f.pdf" "$T/$f-px"
done
check "an interlaced GIF draws the same rows as a plain one" cmp "$T/rows-px-1.ppm" "$T/interlaced-px-1.ppm"
check "GIF and TIFF: soft masks only for the 9 images with transparency (6 PNG, 2 GIF, 1 TIFF)" \
	sh -c "pdfimages -list '$T/gfx.pdf' | tail -n +3 | awk '\$3 == \"smask\"' | wc -l | grep -qx 9"

# the flowchart: boxes with Chinese labels, arrows with markers, swimlanes
cp tests/pdf/flowchart.fo "$T/flow.fo"
check "render the sample flowchart" "$FOLIO" render "$T/flow.fo" -o "$T/flow.pdf" --areas "$T/flow.xml"
check "SVG text is real text: pdftotext finds the Chinese labels" \
	sh -c "pdftotext '$T/flow.pdf' - 2>/dev/null | tr -d ' \n' | grep -q '客户提交收楼申请' && pdftotext '$T/flow.pdf' - 2>/dev/null | grep -q '客服部'"
check "flowchart labels leave ink" sh -c "pdftoppm -gray -r 200 '$T/flow.pdf' '$T/flowink' && python3 tests/pdf/ink.py '$T/flow.xml' '$T/flowink' 200"
check "the flowchart has no raster images" sh -c "test \$(pdfimages -list '$T/flow.pdf' 2>/dev/null | tail -n +3 | wc -l) -eq 0"

# the same image many times is embedded once, however its src is written
{
	echo "$FOHEAD<fo:block>"
	echo '<fo:external-graphic src="img/rgb.png"/><fo:external-graphic src="url('"'"'./img/rgb.png'"'"')"/>'
	echo "<fo:external-graphic src=\"$T/img/rgb.png\"/><fo:external-graphic src=\"img/rgba.png\"/><fo:external-graphic src=\"img/rgba.png\"/>"
	echo "</fo:block>$FOTAIL"
} > "$T/once.fo"
"$FOLIO" render "$T/once.fo" -o "$T/once.pdf" 2>/dev/null
check "the same image used many times is embedded once (pdfimages -list)" \
	sh -c "test \$(pdfimages -list '$T/once.pdf' | tail -n +3 | wc -l) -eq 7 && test \$(pdfimages -list '$T/once.pdf' | tail -n +3 | awk '\$3 == \"image\" { print \$11 }' | sort -u | wc -l) -eq 2"

# bad images: warnings naming the files, placeholders, and a PDF all the same
{
	echo "$FOHEAD<fo:block line-height=\"40pt\">"
	echo '<fo:external-graphic src="img/corrupt.png" width="60pt" height="30pt"/> <fo:external-graphic src="img/missing.jpg" width="60pt" height="30pt"/> <fo:external-graphic src="img/truncated.png" width="60pt" height="30pt"/>'
	echo '<fo:external-graphic src="img/truncated.gif" width="60pt" height="30pt"/> <fo:external-graphic src="img/truncated.tif" width="60pt" height="30pt"/>'
	echo "</fo:block><fo:block>图片坏了，文字照常。</fo:block>"
	echo '<fo:block background-image="img/corrupt.png" background-color="#00ff00" height="30pt">背景图坏了</fo:block>'
	echo "$FOTAIL"
} > "$T/badimg.fo"
"$FOLIO" render "$T/badimg.fo" -o "$T/badimg.pdf" --areas "$T/badimg.xml" 2>"$T/badimg.err"
rc=$?
check "bad images: the document still renders" sh -c "test $rc -eq 0 && qpdf --check '$T/badimg.pdf' >/dev/null"
check "bad images: a corrupt PNG is named in a warning" grep -q "warning: image img/corrupt.png cannot be embedded: corrupt PNG" "$T/badimg.err"
check "bad images: a missing JPEG is named in a warning" grep -q 'warning: fo:external-graphic src="img/missing.jpg": no such file; a placeholder is drawn' "$T/badimg.err"
check "bad images: a truncated PNG is named in a warning" grep -q "img/truncated.png.*corrupt PNG" "$T/badimg.err"
check "bad images: a truncated GIF and a truncated TIFF are named in warnings" \
	sh -c "grep -q 'img/truncated.gif\": corrupt GIF (truncated); a placeholder is drawn' '$T/badimg.err' && grep -q 'image img/truncated.tif cannot be embedded: corrupt TIFF' '$T/badimg.err'"
check "bad images: a background image that cannot be embedded says the colour alone is painted, at its line" \
	sh -c "grep -q 'badimg.fo:5: warning: background-image img/corrupt.png cannot be embedded: corrupt PNG.*; the background colour alone is painted' '$T/badimg.err' && ! grep -q 'badimg.fo:5:.*placeholder' '$T/badimg.err'"
pdftoppm -r 72 "$T/badimg.pdf" "$T/badimg" 2>/dev/null
check "bad images: the broken background's colour is painted" python3 -c "
import sys; sys.path.insert(0, 'tests/pdf'); import pnm
w, h, px = pnm.read('$T/badimg-1.ppm')
sys.exit(0 if any(px[i:i+3] == bytes((0, 255, 0)) for i in range(0, len(px), 3)) else 1)"
check "bad images: framed placeholders are drawn" python3 tests/pdf/pixels.py "$T/badimg.xml" "$T/badimg" 72
check "bad images: the text after them is there" sh -c "pdftotext '$T/badimg.pdf' - | grep -q '文字照常'"

# ---- a mark whose ink is centred is squeezed on both sides (docs/cjk.md) ------------------------
# UMing's 、 sits in the middle of its box: a squeeze of ½ em takes ¼ em
# from each side, so its ink stays between 四 and 五 (taken from the right
# only, it touched 五).  The line is held together, so the mark gives ½ em.
cat > "$T/centred.fo" <<'FO'
<fo:root xmlns:fo="http://www.w3.org/1999/XSL/Format" font-family="AR PL UMing CN" font-size="10pt" language="zh">
<fo:layout-master-set><fo:simple-page-master master-name="p" page-width="165pt" page-height="300pt" margin="20pt"><fo:region-body/></fo:simple-page-master></fo:layout-master-set>
<fo:page-sequence master-reference="p"><fo:flow flow-name="xsl-region-body">
<fo:block text-align="justify"><fo:inline keep-together.within-line="always">一二三四、五六七八九十甲乙</fo:inline></fo:block>
</fo:flow></fo:page-sequence></fo:root>
FO
"$FOLIO" render "$T/centred.fo" -o "$T/centred.pdf" 2>/dev/null
mutool draw -F stext -o "$T/centred.stext" "$T/centred.pdf" 2>/dev/null
check "a centred mark (UMing 、) squeezed ½ em gives ¼ em on each side" python3 -c "
import re, sys
x = {c: float(v) for v, c in re.findall(r'x=\"([0-9.]+)\"[^>]*c=\"&#x([0-9a-f]+);\"', open('$T/centred.stext').read())}
si, mark, wu = x['56db'], x['3001'], x['4e94']
sys.exit(0 if abs(mark - si - 7.5) < 0.05 and abs(wu - si - 15) < 0.05 else 1)"

# ---- spacing evenness of justified Chinese (bench/evenness.py, docs/bench.md) ---------------
# Twelve paragraphs at 14 em, read back from the PDF.  Figures:
# spread mean lines loose ragged orphans starts ends r10.  What is left of
# the spread is lines no set of breaks avoids (docs/bench.md); first fit
# had spread 0.0269 em and 4 loose lines, the first total-fit composer
# 0.0209 and 2, before the take-in squeeze 0.0149 and 1 (物业管理费按建筑
# 面积计, now squeezed by em/24 a gap to take in 收，), with the stretch of
# 6 lines dumped around numbers (r10).
python3 bench/evenness.py write "$T/even.fo"
"$FOLIO" render "$T/even.fo" -o "$T/even.pdf" 2>/dev/null
python3 bench/evenness.py measure "$T/even.pdf" > "$T/even.txt" 2>&1
check "evenness: spread of the mean Han gap across full lines at most 0.0145 em" awk '{ exit !($1 <= 0.0145) }' "$T/even.txt"
check "evenness: every full line at the margin, no one-character last line, no forbidden start or end" awk '{ exit !($5 == 0 && $6 == 0 && $7 == 0 && $8 == 0 && $3 >= 50) }' "$T/even.txt"
check "evenness: no loose line (mean gap over 0.08 em)" awk '{ exit !($4 == 0) }' "$T/even.txt"
check "evenness: no Han-Latin gap stretched more than the gaps between Han (R11)" awk '{ exit !($9 == 0) }' "$T/even.txt"
check "evenness: no line squeezed past em/22 a gap" sh -c "python3 bench/evenness.py lines '$T/even.pdf' | awk '\$1 != \"-\" && \$1 < -0.0455 { print; bad = 1 } END { exit bad }'"

# The office's own text: the long paragraphs of the procedures and the
# tenant documents (160, about 911 full lines).  Typst sets them at 0.0242
# em with 41 loose lines and 10 one-character last lines; folio at 0.0175
# with 9 loose lines, each without a tighter set of breaks (docs/bench.md).
python3 bench/evenness.py write "$T/office.fo" .
"$FOLIO" render "$T/office.fo" -o "$T/office.pdf" 2>/dev/null
python3 bench/evenness.py measure "$T/office.pdf" > "$T/office.txt" 2>&1
check "evenness, office text: spread at most 0.018 em over at least 800 full lines" awk '{ exit !($1 <= 0.018 && $3 >= 800) }' "$T/office.txt"
check "evenness, office text: at most 9 loose lines, all at the margin, no orphan, no forbidden start or end" awk '{ exit !($4 <= 9 && $5 == 0 && $6 == 0 && $7 == 0 && $8 == 0 && $9 == 0) }' "$T/office.txt"
check "evenness, office text: no line squeezed past em/22 a gap" sh -c "python3 bench/evenness.py lines '$T/office.pdf' | awk '\$1 != \"-\" && \$1 < -0.0455 { print; bad = 1 } END { exit bad }'"

# ---- visibility: hidden content keeps its space and is not painted ----------------------
sed -n '/<fo:root/,/<\/fo:root>/p' tests/layout/visibility.xml > "$T/vis.fo"
check "render visibility hidden and collapse" "$FOLIO" render "$T/vis.fo" -o "$T/vis.pdf" --areas "$T/vis.xml"
check "visibility: hidden text is not in the PDF's text, the visible text around it is" sh -c "
	pdftotext '$T/vis.pdf' - | tr -d ' \n\f' > '$T/vis.txt' &&
	grep -qx '甲乙甲显示乙丁庚壬癸丙丁戊己子丑' '$T/vis.txt'"
pdftoppm -gray -r 100 "$T/vis.pdf" "$T/visg" 2>/dev/null
check "visibility: visible runs leave ink, hidden runs (and the leader) none, where layout put them" \
	python3 tests/pdf/ink.py "$T/vis.xml" "$T/visg" 100
pdftoppm -r 72 "$T/vis.pdf" "$T/visc" 2>/dev/null
check "visibility: a hidden block's background and border are not painted, its visible twin's are" \
	python3 tests/pdf/pixelat.py "$T/visc-1.ppm" 72 170 47 '#FFFFFF' 20.5 60 '#FFFFFF' 170 97 '#FF0000' 20.5 110 '#0000FF'
check "visibility: two renders are byte-identical" sh -c "
	'$FOLIO' render '$T/vis.fo' -o '$T/vis2.pdf' && cmp '$T/vis.pdf' '$T/vis2.pdf'"

# ---- background images: tiled from their position, clipped to the padding box -----------
# img/rgb.png is 12×6 pt, red left half, blue right half; rgb.jpg 16×8 pt (tests/layout/background-image.xml)
sed -n '/<fo:root/,/<\/fo:root>/p' tests/layout/background-image.xml | sed "s|img/|$ROOT/tests/layout/img/|g" > "$T/bg.fo"
check "render background images" sh -c "'$FOLIO' render '$T/bg.fo' -o '$T/bg.pdf' 2> '$T/bg.err' && qpdf --check '$T/bg.pdf' >/dev/null"
check "background images: a file that cannot be read is warned about with its line" \
	grep -q 'bg.fo:[0-9]*:.*background-image=.*no-such.png' "$T/bg.err"
pdftoppm -r 72 "$T/bg.pdf" "$T/bg" 2>/dev/null
check "background images: repeat, no-repeat centred, repeat-x at the bottom, repeat-y at 10pt" \
	python3 tests/pdf/pixelat.py "$T/bg-1.ppm" 72 \
	13 13 '#FF0000' 19 13 '#0000FF' 25 13 '#FF0000' 13 19 '#FF0000' 67 31 '#0000FF' \
	127 22 '#FF0000' 133 22 '#0000FF' 103 13 '#00FF00' 157 31 '#00FF00' \
	13 71 '#FF0000' 19 71 '#0000FF' 61 71 '#FF0000' 13 53 '#00FF00' \
	113 53 '#FF0000' 119 59 '#0000FF' 113 71 '#FF0000' 103 53 '#00FF00' 130 53 '#00FF00'
check "background images: percentages, clipped to the box, inside the border, JPEG, a table cell" \
	python3 tests/pdf/pixelat.py "$T/bg-1.ppm" 72 \
	61 93 '#FF0000' 67 93 '#0000FF' 13 93 '#00FF00' \
	97 93 '#FFFFFF' 103 93 '#0000FF' 115 93 '#FFFFFF' \
	16 136 '#FF0000' 22 136 '#0000FF' 11 140 '#000000' \
	104 134 '#FF0000' 112 134 '#0000FF' 120 134 '#00FF00' \
	61 173 '#FF0000' 67 173 '#0000FF' 61 179 '#FF0000'
check "background images: each file embedded once" sh -c "
	test \$(pdfimages -list '$T/bg.pdf' 2>/dev/null | tail -n +3 | awk '{ print \$11 }' | sort -u | wc -l) -eq 2"
check "background images: two renders are byte-identical" sh -c "'$FOLIO' render '$T/bg.fo' -o '$T/bg2.pdf' 2>/dev/null && cmp '$T/bg.pdf' '$T/bg2.pdf'"
sed "s|page-width=\"200pt\" page-height=\"300pt\"><fo:region-body/>|page-width=\"3000pt\" page-height=\"3000pt\"><fo:region-body background-image=\"$ROOT/tests/layout/img/rgb.png\"/>|" "$T/bg.fo" > "$T/bgbig.fo"
check "background images: 125,000 tiles are capped at 4096 with a warning, in a few seconds" sh -c "
	timeout 20 '$FOLIO' render '$T/bgbig.fo' -o '$T/bgbig.pdf' 2> '$T/bgbig.err' &&
	grep -q 'bgbig.fo:[0-9]*: warning: .*would take 125000 tiles; only the first 4096 are painted' '$T/bgbig.err' && qpdf --check '$T/bgbig.pdf' >/dev/null"

# ---- columns: column-count on the region-body, span="all" -------------------------------------
cat > "$T/cols.fo" <<'FO'
<fo:root xmlns:fo="http://www.w3.org/1999/XSL/Format" font-family="LXGW WenKai" font-size="10pt" language="zh">
<fo:layout-master-set><fo:simple-page-master master-name="p" page-width="300pt" page-height="300pt" margin="20pt"><fo:region-body column-count="2" column-gap="20pt"/></fo:simple-page-master></fo:layout-master-set>
<fo:page-sequence master-reference="p"><fo:flow flow-name="xsl-region-body">
<fo:block span="all" font-size="16pt">通栏标题</fo:block>
<fo:block>第一段：物业管理处负责大楼的日常维护、安全保卫、清洁绿化和客户服务工作。我们的目标是为每一位租户提供安全、舒适、便捷的办公环境。</fo:block>
<fo:block>第二段：如需报修，请拨打服务热线或登录网站提交工单，我们会在两小时内响应。</fo:block>
<fo:block span="all" text-align="end">第二个通栏</fo:block>
<fo:block>第三段：停车场开放时间为早七点至晚十一点，月租车位请向管理处申请。</fo:block>
<fo:block>第四段：快递请在一楼前台登记领取。</fo:block>
</fo:flow></fo:page-sequence></fo:root>
FO
check "columns: render" "$FOLIO" render "$T/cols.fo" -o "$T/cols.pdf"
pdftotext -bbox "$T/cols.pdf" "$T/cols.html" 2>/dev/null
# bbox FILE WORD: the first word of pdftotext -bbox's FILE matching WORD (a
# sed pattern) as "xMin yMin xMax yMax", in points
bbox() { sed -n "s/.*xMin=\"\\([0-9.]*\\)\" yMin=\"\\([0-9.]*\\)\" xMax=\"\\([0-9.]*\\)\" yMax=\"\\([0-9.]*\\)\">$2<.*/\\1 \\2 \\3 \\4/p" "$1" | head -1; }
# the first word holding the text → "xMin yMin xMax"
colword() { bbox "$T/cols.html" "[^<]*$1[^<]*" | cut -d' ' -f1-3; }
check "columns: the first column at the body's left edge, 120pt wide" sh -c "
	echo '$(colword 第一段)' | awk '{ exit !(\$1 > 19.9 && \$1 < 20.1 && \$3 > 139 && \$3 < 140.1) }'"
check "columns: the second column 140pt to the right, level with the first" sh -c "
	echo '$(colword 第一段) $(colword 第二段)' | awk '{ exit !(\$4 > 159.9 && \$4 < 160.1 && \$5 - \$2 < 0.1 && \$2 - \$5 < 0.1) }'"
check "columns: a span across the body, below the taller column" sh -c "
	echo '$(colword 第二个通栏) $(colword 环境)' | awk '{ exit !(NF == 6 && \$3 > 279.9 && \$3 < 280.1 && \$2 > \$5) }'"
check "columns: after the span, the columns start again at the left" sh -c "
	echo '$(colword 第二个通栏) $(colword 第三段)' | awk '{ exit !(\$4 > 19.9 && \$4 < 20.1 && \$5 > \$2) }'"
pdftoppm -r 72 "$T/cols.pdf" "$T/cols" 2>/dev/null
check "columns: the gap between the columns has no ink" python3 tests/pdf/pixelat.py "$T/cols-1.ppm" 72 \
	142 60 '#FFFFFF' 150 60 '#FFFFFF' 158 60 '#FFFFFF' 142 80 '#FFFFFF' 150 80 '#FFFFFF' 158 80 '#FFFFFF'

# ---- reference-orientation: turned text where the turned frame puts it ---------------------
cat > "$T/rot.fo" <<'FO'
<fo:root xmlns:fo="http://www.w3.org/1999/XSL/Format" font-family="serif" font-size="10pt">
<fo:layout-master-set><fo:simple-page-master master-name="p" page-width="300pt" page-height="400pt" margin="20pt"><fo:region-body/></fo:simple-page-master></fo:layout-master-set>
<fo:page-sequence master-reference="p"><fo:flow flow-name="xsl-region-body">
<fo:block-container reference-orientation="90" width="100pt" height="60pt"><fo:block>Alpha beta</fo:block></fo:block-container>
<fo:block-container reference-orientation="180" width="150pt" height="30pt"><fo:block>Gamma delta</fo:block></fo:block-container>
<fo:block-container reference-orientation="270" width="100pt" height="60pt"><fo:block>Epsilon zeta</fo:block></fo:block-container>
</fo:flow></fo:page-sequence></fo:root>
FO
check "rotation: render" "$FOLIO" render "$T/rot.fo" -o "$T/rot.pdf"
pdftotext -bbox "$T/rot.pdf" "$T/rot.html" 2>/dev/null
# word → "xMin yMin xMax yMax"
rotword() { bbox "$T/rot.html" "$1"; }
check "rotation 90: the line runs up the box's left edge (box 20..120 × 20..80pt)" sh -c "
	echo '$(rotword Alpha) $(rotword beta)' | awk '{ exit !(\$1 >= 20 && \$3 < 35 && \$4 <= 80.1 && \$4 > 70 && \$4 - \$2 > \$3 - \$1 && \$8 < \$2) }'"
check "rotation 180: the line runs leftwards at the foot of the box (20..170 × 80..110pt)" sh -c "
	echo '$(rotword Gamma) $(rotword delta)' | awk '{ exit !(\$3 <= 170.1 && \$3 > 165 && \$7 < \$1 && \$2 > 95 && \$4 <= 110.1) }'"
check "rotation 270: the line runs down the box's right edge (20..120 × 110..170pt)" sh -c "
	echo '$(rotword Epsilon) $(rotword zeta)' | awk '{ exit !(\$2 >= 109.9 && \$2 < 111 && \$3 <= 120.1 && \$3 > 105 && \$6 > \$4) }'"

# ---- shaping: kerning and ligatures drawn as glyph ids, extracted as their characters -----
cat > "$T/shape.fo" <<'FO'
<?xml version="1.0" encoding="UTF-8"?>
<fo:root xmlns:fo="http://www.w3.org/1999/XSL/Format" font-size="20pt" language="en">
<fo:layout-master-set><fo:simple-page-master master-name="p" page-width="300pt" page-height="200pt" margin="20pt"><fo:region-body/></fo:simple-page-master></fo:layout-master-set>
<fo:page-sequence master-reference="p"><fo:flow flow-name="xsl-region-body">
<fo:block font-family="DejaVu Serif">office first affluent</fo:block>
<fo:block font-family="Liberation Serif">AVA Tofu office</fo:block>
<fo:block font-family="serif">物业 AVA Tofu 管理处</fo:block>
</fo:flow></fo:page-sequence></fo:root>
FO
check "shaping: render kerned and ligated text" sh -c "'$FOLIO' render '$T/shape.fo' -o '$T/shape.pdf' --areas '$T/shape.xml' && qpdf --check '$T/shape.pdf' >/dev/null"
check "shaping: the ligatures are drawn (fewer glyphs than characters)" sh -c "grep -q 'gids=\"[0-9 ]*\" gx=\"[-0-9 ,]*\" text=\"office first affluent\"' '$T/shape.xml' &&
	test \$(grep -o 'gids=\"[0-9 ]*\" gx=\"[-0-9 ,]*\" text=\"office first affluent\"' '$T/shape.xml' | sed 's/.*gids=\"\\([0-9 ]*\\)\".*/\\1/' | wc -w) -lt 21"
check "shaping: pdftotext gives back the words of ligatures and kerned pairs" sh -c "pdftotext '$T/shape.pdf' - | grep -qx 'office first affluent' &&
	pdftotext '$T/shape.pdf' - | grep -qx 'AVA Tofu office' && pdftotext '$T/shape.pdf' - | tr -d ' ' | grep -qx '物业AVATofu管理处'"
check "shaping: the shaped faces are embedded subsets (pdffonts)" sh -c "pdffonts '$T/shape.pdf' | grep -q '+DejaVuSerif  *CID TrueType  *Identity-H  *yes yes yes' &&
	pdffonts '$T/shape.pdf' | grep -q '+LiberationSerif  *CID TrueType  *Identity-H  *yes yes yes'"
pdftoppm -gray -r 100 "$T/shape.pdf" "$T/shapeg" 2>/dev/null
check "shaping: every run leaves ink" python3 tests/pdf/ink.py "$T/shape.xml" "$T/shapeg" 100
check "shaping: two renders are byte-identical" sh -c "'$FOLIO' render '$T/shape.fo' -o '$T/shape2.pdf' && cmp '$T/shape.pdf' '$T/shape2.pdf'"

# ---- shaping and hyphenation: each part of a broken word shaped, read back whole ------------
sed -n '/<fo:root/,/<\/fo:root>/p' tests/layout/shaping-hyphenation.xml > "$T/shyph.fo"
check "shaping+hyphenation: render" sh -c "'$FOLIO' render '$T/shyph.fo' -o '$T/shyph.pdf' 2> '$T/shyph.err' && ! test -s '$T/shyph.err' && qpdf --check '$T/shyph.pdf' >/dev/null"
# the text read back, each line's hyphen joined to the next line: the paragraphs' words, twice
pdftotext "$T/shyph.pdf" - 2>/dev/null | python3 -c "import sys; t = sys.stdin.read().replace('\u2010\n', ''); print(''.join(t.split()))" > "$T/shyph.txt"
W='Affluentofficialsaffirmthatdifficultiesofaffluenceandefficiencyreflectinsufficientlyflawlessoffices.WaterwaysAVAILABLE.TomographyWavelengthsVanadiumToffeebafflingshufflingsniffling.'
check "shaping+hyphenation: pdftotext reads every hyphenated and ligated word whole" sh -c "test \"\$(cat '$T/shyph.txt')\" = '$W$W'"

# ---- shaped marks off the baseline: drawn with text rise where the area tree puts them --------
cat > "$T/rise.fo" <<'FO'
<?xml version="1.0" encoding="UTF-8"?>
<fo:root xmlns:fo="http://www.w3.org/1999/XSL/Format" font-size="40pt" font-family="DejaVu Sans">
<fo:layout-master-set><fo:simple-page-master master-name="p" page-width="200pt" page-height="200pt" margin="20pt"><fo:region-body/></fo:simple-page-master></fo:layout-master-set>
<fo:page-sequence master-reference="p"><fo:flow flow-name="xsl-region-body">
<fo:block>Q&#x0303;</fo:block>
<fo:block>Q</fo:block>
</fo:flow></fo:page-sequence></fo:root>
FO
check "rise: render a capital with a combining tilde" sh -c "'$FOLIO' render '$T/rise.fo' -o '$T/rise.pdf' --areas '$T/rise.xml' && qpdf --check '$T/rise.pdf' >/dev/null"
check "rise: the area tree puts the tilde above the baseline (gx x,y)" grep -q 'gx="0 [0-9-]*,[1-9][0-9]*"' "$T/rise.xml"
check "rise: the page raises it with Ts and sets the rise back to 0" sh -c "mutool show '$T/rise.pdf' pages/1/Contents > '$T/rise.cs' 2>/dev/null && grep -q '^[1-9][0-9.]* Ts' '$T/rise.cs' && grep -q '^0 Ts' '$T/rise.cs'"
pdftoppm -gray -r 100 "$T/rise.pdf" "$T/riseg" 2>/dev/null
check "rise: the tilde's ink is above the capital's" python3 - "$T/riseg-1.pgm" <<'PY'
import sys
d = open(sys.argv[1], 'rb').read()
parts = d.split(b'\n', 3)
w, h = map(int, parts[1].split()); px = parts[3]
rows = [y for y in range(h) if min(px[y * w:(y + 1) * w]) < 128]
bands, start = [], rows[0]
for a, b in zip(rows, rows[1:]):
    if b != a + 1:
        bands.append((start, a)); start = b
bands.append((start, rows[-1]))
# raised, the tilde is ink of its own above the first Q (drawn on the
# baseline it would sit inside the capital): tilde, Q, Q
assert len(bands) == 3 and bands[0][1] < bands[1][0], bands
PY

# ---- right to left: Hebrew and Arabic in visual order, shaped, extracted in reading order -------
sed -n '/<fo:root/,/<\/fo:root>/p' tests/layout/bidi-rtl.xml > "$T/bidi.fo"
check "bidi: render Hebrew, Arabic and Latin in right-to-left paragraphs" sh -c "'$FOLIO' render '$T/bidi.fo' -o '$T/bidi.pdf' --areas '$T/bidi.xml' 2> '$T/bidi.err' && ! test -s '$T/bidi.err' && qpdf --check '$T/bidi.pdf' >/dev/null"
# pdftotext reorders right-to-left text into reading order (with embedding marks, removed here)
pdftotext "$T/bidi.pdf" - 2>/dev/null | python3 -c "import sys; print(''.join(c for c in sys.stdin.read() if c not in '\u202a\u202b\u202c\u202d\u202e'))" > "$T/bidi.txt"
check "bidi: pdftotext reads the Hebrew words in reading order" grep -qx 'שלום עולם' "$T/bidi.txt"
check "bidi: pdftotext reads the Arabic words in reading order (joined forms map back to letters)" grep -qx 'مرحبا بالعالم' "$T/bidi.txt"
check "bidi: Latin inside a right-to-left paragraph stays readable" grep -q 'abc def' "$T/bidi.txt"
check "bidi: the Hebrew and Arabic face is embedded (pdffonts)" sh -c "pdffonts '$T/bidi.pdf' | grep -q '+DejaVuSans  *CID TrueType  *Identity-H  *yes yes yes'"
pdftoppm -gray -r 100 "$T/bidi.pdf" "$T/bidig" 2>/dev/null
# each run's box (the first line's at the right margin) holds its ink
check "bidi: every run leaves ink" python3 tests/pdf/ink.py "$T/bidi.xml" "$T/bidig" 100
check "bidi: two renders are byte-identical" sh -c "'$FOLIO' render '$T/bidi.fo' -o '$T/bidi2.pdf' && cmp '$T/bidi.pdf' '$T/bidi2.pdf'"

# ---- the documented subset is the one in the code -----------------------------------------
check "docs/fo-subset.md matches 'folio subset' with FOP's column" sh -c "'$FOLIO' subset > '$T/subset.md' && sh tools/fop-beside.sh docs/fop-support.tsv < '$T/subset.md' | diff -u docs/fo-subset.md -"
check "docs/fo-subset.md: a FOP 2.8 cell on every element and property row" sh -c "sed -n '/^## Elements/,/^Lengths:/p' docs/fo-subset.md | awk -F'|' '/^\\| (fo:|[a-z])/ && !/^\\| (element|property) \\|/ { n++; if (\$(NF-1) !~ /^ (yes|partial|no|na|not on)/) { print; bad = 1 } } END { exit bad || n < 200 }'"

summary
