#!/bin/sh
# Tests of the document-set jobs: folio check and folio manual.
# usage: run.sh FOLIO ; ends with "docset: N passed, M failed".
LAYER=docset
. "$(dirname "$0")/../lib.sh"

# ---- folio check on the sources as they are ------------------------------------------
"$FOLIO" check --root "$ROOT" 2>"$T/check.err"
rc=$?
check "the bundled sources are valid" sh -c "test $rc -eq 0 && ! test -s '$T/check.err'"

# ---- a broken copy: every kind of mistake, all reported at once -------------------------
B=$T/broken
mkdir -p "$B/docs"
cp -r "$ROOT/site.xml" "$ROOT/procedures" "$ROOT/schemas" "$ROOT/cases" "$ROOT/templates" "$B/"
cp -r "$ROOT/docs/content" "$B/docs/"
P=$B/procedures
sed -i 's/<step id="s2" dept="kf">/<step id="s1" dept="kf">/' "$P/XT-KF-CX-001.xml"          # duplicate id
sed -i '0,/<step id="s3" dept="[a-z]*"/s//<step id="s3" dept="xx"/' "$P/XT-KF-CX-003.xml"    # unknown department
sed -i 's/<record form="XT-KF-CX-002-R03"\/>/<record form="XT-KF-CX-002-R99"\/>/' "$P/XT-KF-CX-002.xml"  # unknown form
sed -i 's/<effective date="2011-06-01"\/>/<effective date="2011-06-31"\/>/' "$P/manual.xml"  # malformed date
sed -i 's/code="XT-KF-CX-005" href/code="XT-KF-CX-055" href/' "$P/manual.xml"               # out of sequence
sed -i 's/<version edition="1" revision="0"\/>/<version edition="1" revision="x"\/>/' "$P/manual.xml"  # revision format
sed -i 's/<procedure xmlns="urn:folio:procedures" code="XT-KF-CX-006"/<procedure xmlns="urn:folio:procedures"/' "$P/XT-KF-CX-006.xml"  # missing code
sed -i 's/next="s4 s5"/next="s4 s9"/' "$P/XT-KF-CX-010.xml"                                    # flow to no step
sed -i 's/<label>确定当日回访对象<\/label>/<label>确定当日回访对象确定当日回访对象确定当日回访对象再<\/label>/' "$P/XT-KF-CX-005.xml"  # label too long
"$FOLIO" check --root "$B" 2>"$T/broken.err"
rc=$?
check "a broken source set fails" test $rc -eq 1
L=$(grep -n 'next="s4 s9"' "$P/XT-KF-CX-010.xml" | cut -d: -f1)
check "a flow to no step, with file and line" grep -q "XT-KF-CX-010.xml:$L: error: next: no step \"s9\"" "$T/broken.err"
L=$(grep -n '确定当日回访对象确定' "$P/XT-KF-CX-005.xml" | cut -d: -f1)
check "a flowchart label too long, with file and line" grep -q "XT-KF-CX-005.xml:$L: error: the flowchart label has 25 characters" "$T/broken.err"
L=$(grep -n '<step id="s1"' "$P/XT-KF-CX-001.xml" | tail -1 | cut -d: -f1)
check "duplicate id, with file and line" grep -q "XT-KF-CX-001.xml:$L: error: duplicate step id \"s1\"" "$T/broken.err"
L=$(grep -n 'dept="xx"' "$P/XT-KF-CX-003.xml" | cut -d: -f1)
check "unknown department, with file and line" grep -q "XT-KF-CX-003.xml:$L: error: dept=\"xx\": no such department" "$T/broken.err"
L=$(grep -n 'R99' "$P/XT-KF-CX-002.xml" | cut -d: -f1)
check "unknown form, with file and line" grep -q "XT-KF-CX-002.xml:$L: error: form=\"XT-KF-CX-002-R99\": no such form" "$T/broken.err"
L=$(grep -n '2011-06-31' "$P/manual.xml" | cut -d: -f1)
check "malformed date, with file and line" grep -q "manual.xml:$L: error: .*2011-06-31" "$T/broken.err"
L=$(grep -n 'XT-KF-CX-055' "$P/manual.xml" | cut -d: -f1)
check "procedure codes in sequence" grep -q "manual.xml:$L: error: procedure code XT-KF-CX-055 is out of sequence: expected XT-KF-CX-005" "$T/broken.err"
L=$(grep -n 'revision="x"' "$P/manual.xml" | cut -d: -f1)
check "wrong revision format" grep -q "manual.xml:$L: error: manual/control/version (版本): \"x\" is not a valid value" "$T/broken.err"
check "missing procedure code" grep -q "XT-KF-CX-006.xml:2: error: .*code" "$T/broken.err"
"$FOLIO" manual --root "$B" -o "$T/bout" 2>"$T/bm.err"
rc=$?
check "folio manual refuses invalid sources and writes nothing" sh -c "test $rc -ne 0 && ! ls '$T/bout/manual/'*.pdf 2>/dev/null && grep -q 'not built' '$T/bm.err'"

# ---- folio manual ------------------------------------------------------------------------
"$FOLIO" manual --root "$ROOT" -o "$T/out" --fo "$T/fo" 2>"$T/m.err"
rc=$?
PDF=$T/out/manual/WB-XT-KF-CX-E1R0.pdf
pdftotext "$PDF" "$T/manual.txt" 2>/dev/null
check "收楼表格 ordinals keep their （） as in the source" grep -q '客户缴费通知书（收楼表格一）（WB/XT-KF-JL-001-01）' "$T/manual.txt"
check "supplied content is marked ※ where it is printed (002's record 8)" grep -q '装修竣工验收表（WB/XT-KF-JL-002-08）※' "$T/manual.txt"
check "说明 lists what the source does not have" sh -c "pdftotext -f 2 -l 2 '$PDF' - | tr -d '\n' | grep -q 'XT-KF-CX-002 相关记录第 8 项：原件相关记录第 8 项缺失'"
check "folio manual writes the manual" sh -c "test $rc -eq 0 && test -s '$PDF'"
check "the manual's PDF is sound" qpdf --check "$PDF"
pdftotext "$PDF" "$T/m.txt" 2>/dev/null
check "all 13 procedures, in order" sh -c "grep -o 'XT-KF-CX-0[0-9][0-9]）' '$T/m.txt' | uniq | tr -d '）\n' | grep -q 'XT-KF-CX-001XT-KF-CX-002XT-KF-CX-003XT-KF-CX-004XT-KF-CX-005XT-KF-CX-006XT-KF-CX-007XT-KF-CX-008XT-KF-CX-009XT-KF-CX-010XT-KF-CX-011XT-KF-CX-012XT-KF-CX-013'"
tr -d ' \n' < "$T/m.txt" > "$T/m1.txt"
for item in 客户手册 装修守则 应急安全手册 安全协议书 客户出入证登记表 租赁单元设备验收单及房屋确认书 \
	客户缴费通知书 验收楼交接书 验收遗漏工程记录表 钥匙托管承诺书 区域防火责任协议书 通讯业务申请表 客户铭牌申请表 客户联络资料登记表 \
	入伙通知书 租赁合同复印件 租金押金交费票据复印件 物业费押金交费票据复印件 客户收楼委托书 物业各项收费标准 \
	装修申请表 装修期管理协议 施工用电协议书 装修收费表 装修设计图纸清单 图纸审核意见书 装修整改通知单 装修违章通知单 消防安全许可证; do
	grep -q "$item" "$T/m1.txt" || { no "the text of 001 and 002 contains $item"; continue; }
	ok
done
check "the cover carries the document control" sh -c "grep -q 'WB/XT-KF-CX' '$T/m.txt' && grep -q '第 1 版第 0 次修改' '$T/m.txt'"
check "the title is set" sh -c "pdfinfo '$PDF' 2>/dev/null | grep -q '^Title: *客服部工作程序 WB/XT-KF-CX'"
check "--fo writes the intermediate FO" test -s "$T/fo/WB-XT-KF-CX-E1R0.fo"
qpdf --json "$PDF" > "$T/m.json" 2>/dev/null
check "every procedure is bookmarked, in order, with code and title" python3 - "$T/m.json" <<'PY'
import sys, json
o = json.load(open(sys.argv[1]))["outlines"]
titles = [b["title"] for b in o]
codes = [t.split()[0] for t in titles if t.startswith("XT-KF-CX-")]
print(titles)
sys.exit(0 if codes == ["XT-KF-CX-%03d" % i for i in range(1, 14)] and all(len(t.split()) == 2 for t in titles if t.startswith("XT-")) else 1)
PY
"$FOLIO" render "$T/fo/WB-XT-KF-CX-E1R0.fo" --areas "$T/m.xml" 2>/dev/null
check "contents numbers equal the pages the procedures start on; 第 x 页 共 y 页 on every procedure page" python3 - "$T/m.xml" <<'PY'
import sys, re, xml.etree.ElementTree as ET
t = ET.parse(sys.argv[1]).getroot()
pages = t.findall('page')
start, toc, bad = {}, {}, 0
for p in pages:
    for l in p.iter('line'):
        txt = l.get('text')
        m = re.match(r'^.+（(XT-KF-CX-\d{3})）※?$', txt)
        if m and l.find('run') is not None and float(l.find('run').get('size')) >= 15000:
            start.setdefault(m.group(1), p.get('label'))
        m = re.match(r'^\d+\. .+（(XT-KF-CX-\d{3})）\.*\s*(\d+)$', txt.replace(' ', '')) or re.match(r'^(?:\d+\.)?.+（(XT-KF-CX-\d{3})）.*?(\d+)$', txt)
        if m:
            toc[m.group(1)] = m.group(2)
for code in sorted(start):
    if toc.get(code) != start[code]:
        bad += 1
        print("contents: %s says %s, starts on %s" % (code, toc.get(code), start[code]))
n = len(pages)
proc_pages = 0
for p in pages:
    heads = [l.get('text') for r in p.findall('region') if r.get('fo') == 'xsl-region-before' for l in r.iter('line')]
    if any('文件编号' in h for h in heads):
        proc_pages += 1
        want = '第%s页共%d页' % (p.get('label'), n)
        if not any(want in h.replace(' ', '').replace('\u3000', '') for h in heads):
            bad += 1
            print("page %s header: %s" % (p.get('label'), heads))
print(len(start), "procedures,", proc_pages, "procedure pages")
sys.exit(0 if len(start) == 13 and len(toc) == 13 and proc_pages >= 13 and bad == 0 else 1)
PY
"$FOLIO" manual --root "$ROOT" -o "$T/out2" 2>/dev/null
check "the manual build is deterministic" cmp "$PDF" "$T/out2/manual/WB-XT-KF-CX-E1R0.pdf"
"$FOLIO" manual --root "$ROOT" -o "$T/out3" --procedure XT-KF-CX-002 2>/dev/null
P2=$T/out3/manual/WB-XT-KF-CX-E1R0-XT-KF-CX-002.pdf
check "--procedure builds one procedure" sh -c "pdftotext '$P2' - 2>/dev/null | grep -q '装修申请程序' && ! pdftotext '$P2' - 2>/dev/null | grep -q 'XT-KF-CX-001）'"
"$FOLIO" manual --root "$ROOT" -o "$T/out4" --copy 7 2>/dev/null
check "--copy marks a controlled copy" sh -c "pdftotext '$T/out4/manual/WB-XT-KF-CX-E1R0-copy007.pdf' - 2>/dev/null | grep -q '分发号：7'"
check "an unknown procedure is an error" sh -c "! '$FOLIO' manual --root '$ROOT' -o '$T/out5' --procedure XT-KF-CX-099 2>/dev/null"

# ---- a revision: change bars beside exactly what changed -----------------------------------
R=$T/rev
mkdir -p "$R/docs"
cp -r "$ROOT/site.xml" "$ROOT/procedures" "$ROOT/schemas" "$ROOT/cases" "$ROOT/templates" "$R/"
cp -r "$ROOT/docs/content" "$R/docs/"
python3 - "$R/procedures" <<'PY'
import sys
d = sys.argv[1]
p = d + "/XT-KF-CX-002.xml"
s = open(p).read()
i = s.index('<step id="s2"'); j = s.index('<text>', i); k = s.index('</text>', j)
s = s[:j + 6] + '装修公司向工程部提交装修方案、施工图纸及消防报审资料，工程部在 5 个工作日内完成初审并书面答复客户。' + s[k:]
open(p, "w").write(s)
p = d + "/manual.xml"
s = open(p).read()
s = s.replace('<version edition="1" revision="0"/>', '<version edition="1" revision="1"/>')
s = s.replace('<effective date="2011-06-01"/>', '<effective date="2012-03-01"/>')
s = s.replace('</revision>\n  </revisions>', '</revision>\n    <revision edition="1" revision="1" effective="2012-03-01"><summary>装修申请程序第 2 步增加消防报审资料和初审时限。</summary><reviser>客服部经理</reviser><reviewer>项目总经理</reviewer><changed code="XT-KF-CX-002"/></revision>\n  </revisions>')
open(p, "w").write(s)
PY
check "the revised sources are valid" "$FOLIO" check --root "$R"
"$FOLIO" manual --root "$R" -o "$R/out" --fo "$R/fo" 2>/dev/null
RP=$R/out/manual/WB-XT-KF-CX-E1R1.pdf
check "the revision builds, named with the new revision" test -s "$RP"
pdftotext "$RP" - 2>/dev/null | tr -d ' \n' > "$R/rev.txt"
check "the new revision shows on the cover and in the headers" sh -c "grep -q '第1版第1次修改' '$R/rev.txt' && grep -q '版本/修订号：第1版第1次修改' '$R/rev.txt'"
check "the revision record lists the change" sh -c "grep -q '本次修订变更明细（与第1版第0次修改比较）' '$R/rev.txt' && grep -q 'XT-KF-CX-002装修申请程序：修改步骤“提交装修方案及施工图纸”；' '$R/rev.txt'"
"$FOLIO" render "$R/fo/WB-XT-KF-CX-E1R1.fo" --areas "$R/areas.xml" 2>/dev/null
check "change bars beside exactly the lines of the changed step" python3 - "$R/areas.xml" <<'PY'
import sys, xml.etree.ElementTree as ET
t = ET.parse(sys.argv[1]).getroot()
marked, step = [], []
for p in t.findall('page'):
    lines = list(p.iter('line'))
    for i, l in enumerate(lines):
        bar = any(r.get('fo') == 'change-bar' for r in l.findall('rule'))
        if bar:
            marked.append(l.get('text'))
# the step's block: the line starting "2.　提交装修方案及施工图纸" and its continuation lines
for p in t.findall('page'):
    for b in p.iter('block'):
        ls = b.findall('line')
        if ls and ls[0].get('text', '').startswith('2.　提交装修方案及施工图纸'):
            step = [l.get('text') for l in ls]
print("marked:", marked)
print("step:", step)
sys.exit(0 if step and marked == step and len(step) >= 2 else 1)
PY
check "folio archive keeps the revision's sources" sh -c "'$FOLIO' archive --root '$R' 2>/dev/null && test -f '$R/procedures/issued/E1R1/XT-KF-CX-002.xml' && test -f '$R/procedures/issued/E1R1/manual.xml'"
check "folio archive refuses to overwrite an archived revision" sh -c "! '$FOLIO' archive --root '$R' 2>/dev/null"
"$FOLIO" manual --root "$ROOT" -o "$T/out6" --fo "$T/fo6" 2>/dev/null
check "the issued revision itself has no change bars" sh -c "! grep -q 'change-bar-begin' '$T/fo6/WB-XT-KF-CX-E1R0.fo'"

# ---- xsl:message: a warning when the transformation goes on, an error when it stops -------
M=$T/msg
mkdir -p "$M/docs" && cp -r "$ROOT/site.xml" "$ROOT/procedures" "$ROOT/schemas" "$ROOT/cases" "$ROOT/templates" "$M/" && cp -r "$ROOT/docs/content" "$M/docs/"
sed -i '0,/<xsl:template match="\/">/s//<xsl:template match="\/"><xsl:message>manual: building the contents<\/xsl:message>/' "$M/templates/manual.xsl"
"$FOLIO" manual --root "$M" -o "$M/out" 2>"$T/msg.err"
rc=$?
check "xsl:message is a warning and the manual is still written" sh -c "test $rc -eq 0 && grep -q 'warning: xsl:message: manual: building the contents' '$T/msg.err' && test -s '$M/out/manual/WB-XT-KF-CX-E1R0.pdf'"
sed -i 's/<xsl:message>manual: building/<xsl:message terminate="yes">manual: stopped at/' "$M/templates/manual.xsl"
rm -rf "$M/out"
"$FOLIO" manual --root "$M" -o "$M/out" 2>"$T/msg2.err"
rc=$?
check "xsl:message terminate=yes is an error and writes nothing" sh -c "test $rc -ne 0 && grep -q 'error: manual: stopped at' '$T/msg2.err' && ! test -e '$M/out/manual/WB-XT-KF-CX-E1R0.pdf'"

# ---- flowcharts: laid out from the steps (tests/docset/flowchart.py) -----------------------
for c in "arrows:orthogonal arrows never run through a box" "lanes:a lane for each department with steps (002)" \
	"single:one department, one compact column without lanes (001, 013)" "decision:a decision with 是 and 否 (004)" \
	"loop:否 loops back up into an earlier step (003, 004)" "parallel:parallel steps side by side in one row (010)" \
	"labels:labels wrapped inside their boxes at word boundaries only"; do
	check "flowchart: ${c#*:}" python3 "$ROOT/tests/docset/flowchart.py" "$T/fo/WB-XT-KF-CX-E1R0.fo" "$T/m.xml" "$ROOT" "${c%%:*}"
done

# ---- folio check --layout: one FO for each finding, and one without --------------------------
LD=$ROOT/tests/docset/layout
for c in "overflow:overflow:a line runs" "cell-overflow:overflow:cell text runs" "keep:keep:kept with what follows" \
	"table-split:table-split:fewer than two rows" "row-height:row-height:5.0mm high, lower than the form row height 8.0mm" \
	"name-break:name-break:but breaks across lines" "near-empty:near-empty:less than a quarter\\|% full" \
	"seal-room:seal-room:no room for a 40mm seal" "table-split3:table-split:fewer than three rows" \
	"seal-label:seal-room:«管理处（盖章）：» asks for a seal with 10.0mm below it"; do
	f=${c%%:*}; r=${c#*:}; kind=${r%%:*}; text=${r#*:}
	"$FOLIO" check --layout --root "$ROOT" "$LD/$f.fo" 2>"$T/lc-$f.err"
	rc=$?
	check "check --layout finds $kind ($f.fo)" sh -c "test $rc -eq 1 && grep -q 'warning: page [0-9]*: $kind: .*\($text\)' '$T/lc-$f.err'"
done
check "check --layout: a seal asked for in a row too low, only it (not one with room, nor 签字盖章之日)" \
	sh -c "test \$(grep -c 'seal-room' '$T/lc-seal-label.err') -eq 1"
"$FOLIO" check --layout --root "$ROOT" 2>"$T/lc-all.err"
rc=$?
check "check --layout: the manual, every packet and every blank form have no finding and no warning" \
	sh -c "test $rc -eq 0 && grep -q 'layout: 0 findings in [1-9][0-9]* documents' '$T/lc-all.err' && ! grep -q 'warning' '$T/lc-all.err'"
"$FOLIO" check --layout --root "$ROOT" "$LD/clean.fo" 2>"$T/lc-clean.err"
rc=$?
check "check --layout: a part ending early, two rows each side, a name that fits: no finding" \
	sh -c "test $rc -eq 0 && grep -q 'layout: 0 findings in 1 document' '$T/lc-clean.err'"

# ---- portable FO: Apache FOP renders it too -----------------------------------------------
if command -v fop >/dev/null 2>&1; then
	CONF=$ROOT/docs/fop.xconf
	fop -c "$CONF" -fo "$T/fo/WB-XT-KF-CX-E1R0.fo" -pdf "$T/fop.pdf" >"$T/fop.log" 2>&1
	check "Apache FOP renders the manual's FO without errors" sh -c "test -s '$T/fop.pdf' && ! grep -q 'SEVERE\|ERROR' '$T/fop.log'"
	check "FOP's rendering has the Chinese text" sh -c "pdftotext '$T/fop.pdf' - 2>/dev/null | grep -q '写字楼收楼程序'"
else
	echo "skipped: Apache FOP is not installed (apt-get install fop); the FO portability test did not run"
fi

# ---- the FO tree made from the XSLT result: messages point into the FO --fo writes -------
# (docs/messages.md) an element folio does not know, put in by a template of each kind:
# manual.xsl writes indented FO, job.xsl unindented
FX=$T/foline
mkdir -p "$FX/docs" && cp -r "$ROOT/site.xml" "$ROOT/procedures" "$ROOT/schemas" "$ROOT/templates" "$FX/" && cp -r "$ROOT/docs/content" "$FX/docs/"
sed -i '0,/<fo:flow flow-name="xsl-region-body">/s//<fo:flow flow-name="xsl-region-body"><fo:bogus-thing\/>/' "$FX/templates/manual.xsl"
sed -i '0,/<fo:region-body margin-top="11mm" margin-bottom="10mm"\/>/s//<fo:region-body margin-top="11mm" margin-bottom="10mm"\/><fo:bogus-thing\/>/' "$FX/templates/job.xsl"
"$FOLIO" manual --root "$FX" -q -o "$FX/m1" 2>"$FX/m1.err"
"$FOLIO" manual --root "$FX" -q -o "$FX/m2" --fo "$FX/fo" 2>"$FX/m2.err"
"$FOLIO" forms --root "$FX" -q -o "$FX/f1" XT-KF-CX-001-R03 2>"$FX/f1.err"
"$FOLIO" forms --root "$FX" -q -o "$FX/f2" --fo "$FX/fo" XT-KF-CX-001-R03 2>"$FX/f2.err"
check "manual: the FO's message has the line of the --fo file, with or without --fo" sh -c "L=\$(sed -n 's/^[^:]*:\\([0-9]*\\): warning: unsupported element fo:bogus-thing.*/\\1/p' '$FX/m2.err' | head -1); test -n \"\$L\" && test \"\$L\" -gt 10 && sed -n \"\${L}p\" '$FX/fo/WB-XT-KF-CX-E1R0.fo' | grep -q '^ *<fo:bogus-thing/>\$' && grep -q \"^WB-XT-KF-CX-E1R0.fo:\$L: warning: unsupported element fo:bogus-thing\" '$FX/m1.err'"
check "forms: the FO's message has the line of the --fo file, with or without --fo" sh -c "L=\$(sed -n 's/^[^:]*:\\([0-9]*\\): warning: unsupported element fo:bogus-thing.*/\\1/p' '$FX/f2.err' | head -1); test -n \"\$L\" && sed -n \"\${L}p\" '$FX/fo/XT-KF-CX-001-R03.fo' | grep -q '<fo:bogus-thing/>' && grep -q \":\$L: warning: unsupported element fo:bogus-thing\" '$FX/f1.err'"
# packets: one FO a case, named after it, in messages and under --fo
cp -r "$ROOT/cases" "$FX/"
"$FOLIO" packet --root "$FX" -q --jobs 1 -o "$FX/p1" cases/2024-001.xml cases/2024-002.xml 2>"$FX/p1.err"
"$FOLIO" packet --root "$FX" -q --jobs 1 -o "$FX/p2" --fo "$FX/pfo" cases/2024-001.xml cases/2024-002.xml 2>"$FX/p2.err"
check "packet --fo with two cases: an FO each, named after the case, each its own packet" sh -c "test \$(ls '$FX/pfo' | wc -l) -eq 2 && grep -q '收楼文件 2024-001' '$FX/pfo/2024-001.fo' && grep -q '收楼文件 2024-002' '$FX/pfo/2024-002.fo' && '$FOLIO' render '$FX/pfo/2024-002.fo' -o '$FX/r2.pdf' 2>/dev/null && test \"\$(pdftotext '$FX/r2.pdf' - | md5sum)\" = \"\$(pdftotext '$FX/p2/packets/2024-002/packet.pdf' - | md5sum)\""
check "packet: the FO's message names the case's FO and its line there, with or without --fo" sh -c "L=\$(sed -n 's/^[^:]*2024-002.fo:\\([0-9]*\\): warning: unsupported element fo:bogus-thing.*/\\1/p' '$FX/p2.err' | head -1); test -n \"\$L\" && sed -n \"\${L}p\" '$FX/pfo/2024-002.fo' | grep -q '<fo:bogus-thing/>' && grep -q \"^2024-002.fo:\$L: warning: unsupported element fo:bogus-thing\" '$FX/p1.err' && ! grep -q 'cases/2024-00[12].xml:[0-9]*: warning: unsupported' '$FX/p1.err'"
check "the PDFs are the same with and without --fo" sh -c "cmp '$FX/m1/manual/WB-XT-KF-CX-E1R0.pdf' '$FX/m2/manual/WB-XT-KF-CX-E1R0.pdf' && cmp '$FX/f1/forms/XT-KF-CX-001-R03.pdf' '$FX/f2/forms/XT-KF-CX-001-R03.pdf'"

summary
