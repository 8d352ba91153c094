#!/bin/sh
# Each check docs/sources-procedures.md promises, on a crafted source: a copy
# of the bundled project with one thing broken.  folio check must exit 1,
# name the file and the line, and print its summary last.
# usage: run.sh FOLIO ; ends with "checks: N passed, M failed".
LAYER=checks
. "$(dirname "$0")/../lib.sh"

W=$T/w
P=$W/procedures
fresh() {
	rm -rf "$W"
	mkdir -p "$W/docs"
	cp -r "$ROOT/site.xml" "$ROOT/procedures" "$ROOT/schemas" "$ROOT/cases" "$ROOT/templates" "$W/"
	cp -r "$ROOT/docs/content" "$W/docs/"
}
# edit FILE OLD NEW: replace the first OLD by NEW (OLD must be there)
edit() {
	python3 - "$1" "$2" "$3" <<'PY' || echo "edit: not found in $1: $2"
import sys
p, old, new = sys.argv[1:4]
s = open(p, encoding="utf-8").read()
if old not in s:
    sys.exit(1)
open(p, "w", encoding="utf-8").write(s.replace(old, new, 1))
PY
}
# the line of the first occurrence of TEXT in FILE
line() { grep -nF -- "$2" "$1" | head -1 | cut -d: -f1; }
run() { "$FOLIO" check --root "$W" >"$T/out" 2>"$T/err"; rc=$?; }
# reported FILE LINE MESSAGE: exit 1, "FILE:LINE: error: MESSAGE…", the summary last
reported() {
	test "$rc" -eq 1 || { echo "exit $rc"; cat "$T/err"; return 1; }
	grep -qF -- "$1:$2: error: $3" "$T/err" || { echo "no \"$1:$2: error: $3\" in:"; cat "$T/err"; return 1; }
	tail -1 "$T/err" | grep -q '^folio: error: errors: [1-9][0-9]*, warnings: [0-9]* (above)' ||
		{ echo "the summary is not last:"; tail -2 "$T/err"; return 1; }
}

# ---- 1. unique ids ----------------------------------------------------------------------
fresh
edit "$P/manual.xml" '<department id="bj">' '<department id="kf">'
run
check "1 a department defined twice" reported "$P/manual.xml" "$(line "$P/manual.xml" '<department id="kf">保洁部')" \
	'department "kf" is defined twice (first on line'
fresh
edit "$P/forms-register.xml" 'id="XT-KF-CX-003-R02"' 'id="XT-KF-CX-003-R01"'
run
check "1 a form id used twice" reported "$P/forms-register.xml" "$(line "$P/forms-register.xml" 'number="WB/XT-KF-JL-003-02"')" \
	'form id "XT-KF-CX-003-R01" is used twice (first on line'
fresh
cp "$P/forms/XT-KF-CX-013-R04.xml" "$P/forms/XT-KF-CX-013-R09.xml"
run
check "1 a form file not named after a registered form" reported "$P/forms/XT-KF-CX-013-R09.xml" 1 \
	'the form file XT-KF-CX-013-R09.xml is not named after a form of forms-register.xml'
fresh
edit "$P/forms/XT-KF-CX-001-R02.xml" 'id="XT-KF-CX-001-R02"' 'id="XT-KF-CX-001-R07"'
run
check "1 a form file whose id is not its name" reported "$P/forms/XT-KF-CX-001-R02.xml" 2 \
	"the form's id is XT-KF-CX-001-R07, but its file is named XT-KF-CX-001-R02.xml"
fresh
edit "$P/forms/XT-KF-CX-001-R02.xml" 'number="WB/XT-KF-JL-001-02"' 'number="WB/XT-KF-JL-001-22"'
run
check "1 a form file whose number is not the register's" reported "$P/forms/XT-KF-CX-001-R02.xml" 2 \
	"the form's number is WB/XT-KF-JL-001-22, but forms-register.xml (line"
fresh
edit "$P/forms/XT-KF-CX-006-R01.xml" '<title>' '<titel>'
edit "$P/forms/XT-KF-CX-006-R01.xml" '</title>' '</titel>'
run
check "1 a form file is validated against schemas/form.rng" reported "$P/forms/XT-KF-CX-006-R01.xml" \
	"$(line "$P/forms/XT-KF-CX-006-R01.xml" '<titel>')" ''

# ---- 2. department references -------------------------------------------------------------
fresh
edit "$P/manual.xml" '<prepared dept="kf"' '<prepared dept="xx"'
run
check "2 prepared/@dept" reported "$P/manual.xml" "$(line "$P/manual.xml" '<prepared')" 'dept="xx": no such department'
fresh
edit "$P/manual.xml" '<copy number="05" dept="ba"/>' '<copy number="05" dept="aq"/>'
run
check "2 copy/@dept" reported "$P/manual.xml" "$(line "$P/manual.xml" 'dept="aq"')" 'dept="aq": no such department'

# ---- 3. steps agree with the responsibility block -----------------------------------------
fresh
edit "$P/XT-KF-CX-004.xml" '<step id="s1" dept="kf"' '<step id="s1" dept="ba"'
run
check "3 step/@dept outside the responsibility block" reported "$P/XT-KF-CX-004.xml" "$(line "$P/XT-KF-CX-004.xml" '<step id="s1"')" \
	'step s1: dept="ba" is neither the lead nor an assisting department of this procedure'
fresh
edit "$P/XT-KF-CX-003.xml" '<step id="s2" dept="kf" assist="jl">' '<step id="s2" dept="kf" assist="cw">'
run
check "3 step/@assist outside the responsibility block" reported "$P/XT-KF-CX-003.xml" "$(line "$P/XT-KF-CX-003.xml" '<step id="s2"')" \
	'step s2: assist="cw" is neither the lead nor an assisting department'
fresh
edit "$P/XT-KF-CX-004.xml" '<assist dept="cw"/>' '<assist dept="cw"/>
    <assist dept="kf"/>'
run
check "3 a department twice in the responsibility block" reported "$P/XT-KF-CX-004.xml" "$(line "$P/XT-KF-CX-004.xml" '<assist dept="kf"/>')" \
	'department "kf" appears twice in <responsibility> (first on line 7)'

# ---- 4. form references -------------------------------------------------------------------
fresh
edit "$P/XT-KF-CX-003.xml" '<step id="s2" dept="kf" assist="jl">' '<step id="s2" dept="kf" assist="jl" records="XT-KF-CX-004-R01">'
run
check "4 step/@records not in the procedure's records" reported "$P/XT-KF-CX-003.xml" "$(line "$P/XT-KF-CX-003.xml" '<step id="s2"')" \
	'step s2: records="XT-KF-CX-004-R01" is not in this procedure'"'"'s <records>'
fresh
edit "$P/XT-KF-CX-004.xml" '<record form="XT-KF-CX-004-R02"/>' '<record form="XT-KF-CX-004-R02"/>
    <record form="XT-KF-CX-004-R02"/>'
run
check "4 a form listed twice" reported "$P/XT-KF-CX-004.xml" "$(($(line "$P/XT-KF-CX-004.xml" '<record form="XT-KF-CX-004-R02"/>') + 1))" \
	'form XT-KF-CX-004-R02 is listed twice in <records> (first on line'

# ---- 5. every form used by its owner, groups, sequence numbers ----------------------------
fresh
edit "$P/XT-KF-CX-004.xml" ' records="XT-KF-CX-004-R02"' ''
edit "$P/XT-KF-CX-004.xml" '<record form="XT-KF-CX-004-R02"/>' ''
run
check "5 a register form its procedure does not use" reported "$P/forms-register.xml" "$(line "$P/forms-register.xml" 'id="XT-KF-CX-004-R02"')" \
	'form XT-KF-CX-004-R02 is not in the <records> of its procedure XT-KF-CX-004'
fresh
edit "$P/forms-register.xml" '<procedure-forms code="XT-KF-CX-011">' '<procedure-forms code="XT-KF-CX-012">'
run
check "5 procedure-forms/@code is the prefix of its forms" reported "$P/forms-register.xml" "$(line "$P/forms-register.xml" 'id="XT-KF-CX-011-R01"')" \
	'form "XT-KF-CX-011-R01" is listed under procedure XT-KF-CX-012 but its id names another'
fresh
edit "$P/forms-register.xml" 'id="XT-KF-CX-013-R04" number="WB/XT-KF-JL-013-04"' 'id="XT-KF-CX-013-R05" number="WB/XT-KF-JL-013-05"'
run
check "5 sequence numbers without gaps" reported "$P/forms-register.xml" "$(line "$P/forms-register.xml" 'id="XT-KF-CX-013-R05"')" \
	'form XT-KF-CX-013-R05 has sequence number 05 where 04 is next'

# ---- 6. printed numbers -------------------------------------------------------------------
fresh
edit "$P/forms-register.xml" 'number="WB/XT-KF-JL-003-02"' 'number="WB/XT-KF-JL-003-12"'
run
check "6 a number that does not end in the id's procedure and sequence" reported "$P/forms-register.xml" \
	"$(line "$P/forms-register.xml" 'WB/XT-KF-JL-003-12')" 'form XT-KF-CX-003-R02: number="WB/XT-KF-JL-003-12" does not end in "-003-02"'
fresh
edit "$P/forms-register.xml" 'number="WB/XT-KF-JL-003-02"' 'number="WB/XT-KF-JL-003-01"'
run
check "6 two forms with one number" reported "$P/forms-register.xml" "$(line "$P/forms-register.xml" 'id="XT-KF-CX-003-R02"')" \
	'form XT-KF-CX-003-R02: number="WB/XT-KF-JL-003-01" is already the number of form XT-KF-CX-003-R01'

# ---- 7. codes in sequence, files --------------------------------------------------------------
fresh
edit "$P/manual.xml" 'href="XT-KF-CX-009.xml"' 'href="XT-KF-CX-09.xml"'
mv "$P/XT-KF-CX-009.xml" "$P/XT-KF-CX-09.xml"
run
check "7 href is code.xml" reported "$P/manual.xml" "$(line "$P/manual.xml" 'XT-KF-CX-09.xml')" \
	'href="XT-KF-CX-09.xml": expected "XT-KF-CX-009.xml"'
fresh
rm "$P/XT-KF-CX-013.xml"
run
check "7 the file of a listed procedure exists" reported "$P/manual.xml" "$(line "$P/manual.xml" 'XT-KF-CX-013.xml')" \
	'href="XT-KF-CX-013.xml": there is no file procedures/XT-KF-CX-013.xml'
fresh
edit "$P/XT-KF-CX-007.xml" 'code="XT-KF-CX-007"' 'code="XT-KF-CX-008"'
run
check "7 the root code is the listed code" reported "$P/XT-KF-CX-007.xml" 2 \
	"the procedure's code is XT-KF-CX-008, but manual.xml lists this file as XT-KF-CX-007"
fresh
sed 's/XT-KF-CX-013/XT-KF-CX-014/' "$P/XT-KF-CX-013.xml" > "$P/XT-KF-CX-014.xml"
run
check "7 no procedure file left unlisted" reported "$P/XT-KF-CX-014.xml" 1 \
	'this procedure file is not listed in manual.xml: add <procedure-ref code="XT-KF-CX-014" href="XT-KF-CX-014.xml"/>'
fresh
edit "$P/manual.xml" '共包括 13 个程序' '共包括 14 个程序'
run
check "7 the count equals the count in note 1" reported "$P/manual.xml" "$(line "$P/manual.xml" '共包括 14')" \
	'note 1 says the manual has 14 procedures, but <procedures> lists 13'

# ---- 8. procedure cross-references ------------------------------------------------------------
fresh
edit "$P/XT-KF-CX-003.xml" '<document procedure="XT-KF-CX-004">' '<document procedure="XT-KF-CX-044">'
run
check "8 document/@procedure names a listed procedure" reported "$P/XT-KF-CX-003.xml" "$(line "$P/XT-KF-CX-003.xml" 'XT-KF-CX-044')" \
	'document procedure="XT-KF-CX-044": no such procedure in manual.xml'
fresh
edit "$P/XT-KF-CX-003.xml" '<document procedure="XT-KF-CX-004">客户报修处理程序' '<document procedure="XT-KF-CX-003">客户投诉处理程序'
run
check "8 document/@procedure names another procedure" reported "$P/XT-KF-CX-003.xml" "$(line "$P/XT-KF-CX-003.xml" '<document procedure="XT-KF-CX-003">')" \
	'document procedure="XT-KF-CX-003" names this procedure itself'
fresh
edit "$P/XT-KF-CX-003.xml" '<document procedure="XT-KF-CX-004">客户报修处理程序' '<document procedure="XT-KF-CX-004">报修程序'
run
check "8 the document text is that procedure's title" reported "$P/XT-KF-CX-003.xml" "$(line "$P/XT-KF-CX-003.xml" '>报修程序<')" \
	'document procedure="XT-KF-CX-004": the text "报修程序" is not that procedure'"'"'s title; write "客户报修处理程序"'

# ---- 9. revision history ------------------------------------------------------------------------
R1='<revision edition="1" revision="1" effective="DATE"><summary>修订。</summary><reviser>客服部经理</reviser><reviewer>项目总经理</reviewer>CHANGED</revision>'
rev() { echo "$R1" | sed -e "s/DATE/$1/" -e "s|CHANGED|$2|"; }
fresh
edit "$P/manual.xml" '  </revisions>' "    $(rev 2012-03-01 '')
  </revisions>"
edit "$P/manual.xml" '<revision edition="1" revision="0"' '<revision edition="1" revision="2"'
edit "$P/manual.xml" '<version edition="1" revision="0"/>' '<version edition="1" revision="1"/>'
edit "$P/manual.xml" '<effective date="2011-06-01"/>' '<effective date="2012-03-01"/>'
run
check "9 entries in ascending (edition, revision)" reported "$P/manual.xml" "$(line "$P/manual.xml" 'revision="1" effective')" \
	'revision 1/1 comes after revision 1/2 (line'
fresh
edit "$P/manual.xml" '  </revisions>' "    $(rev 2011-05-01 '')
  </revisions>"
edit "$P/manual.xml" '<version edition="1" revision="0"/>' '<version edition="1" revision="1"/>'
edit "$P/manual.xml" '<effective date="2011-06-01"/>' '<effective date="2011-05-01"/>'
run
check "9 effective dates do not decrease" reported "$P/manual.xml" "$(line "$P/manual.xml" 'revision="1" effective')" \
	'revision 1/1 takes effect on 2011-05-01, before the entry above it (2011-06-01, line'
fresh
edit "$P/manual.xml" '<version edition="1" revision="0"/>' '<version edition="2" revision="0"/>'
run
check "9 the last entry is the version" reported "$P/manual.xml" "$(line "$P/manual.xml" '<version ')" \
	'the version is edition 2 revision 0, but the last <revision> entry (line'
fresh
edit "$P/manual.xml" '<effective date="2011-06-01"/>' '<effective date="2011-07-01"/>'
run
check "9 the last entry's date is the effective date" reported "$P/manual.xml" "$(line "$P/manual.xml" '<effective ')" \
	'the effective date is 2011-07-01, but the last <revision> entry (line'
fresh
edit "$P/manual.xml" '  </revisions>' "    $(rev 2012-03-01 '<changed code="XT-KF-CX-099"/>')
  </revisions>"
edit "$P/manual.xml" '<version edition="1" revision="0"/>' '<version edition="1" revision="1"/>'
edit "$P/manual.xml" '<effective date="2011-06-01"/>' '<effective date="2012-03-01"/>'
run
check "9 changed/@code is a listed procedure" reported "$P/manual.xml" "$(line "$P/manual.xml" 'XT-KF-CX-099')" \
	'changed code="XT-KF-CX-099": no such procedure in manual.xml'

# ---- 10. at most one responsibility note ---------------------------------------------------------
fresh
edit "$P/XT-KF-CX-004.xml" '<note role="key">' '<note role="responsibility">工程部负责维修。</note>
    <note role="key">'
run
check "10 at most one responsibility note" reported "$P/XT-KF-CX-004.xml" "$(line "$P/XT-KF-CX-004.xml" '工程部负责维修')" \
	'a second responsibility note (the first is on line 42)'

# ---- folio check runs what folio packet needs ------------------------------------------------
fresh
rm "$W/docs/content/safety-agreement.xml"
run
check "the documents of every packet exist" sh -c "test $rc -eq 1 && grep -q 'docs/content/safety-agreement.xml: error: every packet needs this file' '$T/err'"
fresh
rm "$P/forms/XT-KF-CX-001-R05.xml"
run
check "the forms of every packet exist" sh -c "test $rc -eq 1 && grep -q 'forms/XT-KF-CX-001-R05.xml: error: every packet needs this file' '$T/err'"

# ---- in Chinese: file:line, which step, what to change; the summary last -------------------------
zh() { env -u LC_ALL -u LC_MESSAGES -u LANGUAGE LANG=zh_CN.UTF-8 "$@"; }
fresh
edit "$P/XT-KF-CX-004.xml" '<step id="s1" dept="kf"' '<step id="s1" dept="ba"'
edit "$P/forms-register.xml" 'number="WB/XT-KF-JL-003-02"' 'number="WB/XT-KF-JL-003-01"'
edit "$P/manual.xml" '<effective date="2011-06-01"/>' '<effective date="2011-07-01"/>'
zh "$FOLIO" check --root "$W" 2>"$T/zh.err"
rc=$?
L=$(line "$P/XT-KF-CX-004.xml" '<step id="s1"')
check "zh: a step's department, with file and line" sh -c "test $rc -eq 1 && grep -qF '$P/XT-KF-CX-004.xml:$L: 错误: 步骤 s1：负责部门 dept=\"ba\" 不是本程序的主控部门或协作部门：请在职责 <responsibility> 中加上 <assist dept=\"ba\"/>，或为该步骤改换负责部门' '$T/zh.err'"
L=$(line "$P/forms-register.xml" 'id="XT-KF-CX-003-R02"')
check "zh: a printed number used twice names both forms" grep -qF "$P/forms-register.xml:$L: 错误: 表格 XT-KF-CX-003-R02：印刷编号 number=\"WB/XT-KF-JL-003-01\" 已被表格 XT-KF-CX-003-R01（第" "$T/zh.err"
L=$(line "$P/manual.xml" '<effective ')
check "zh: the effective date against the last revision" grep -qF "$P/manual.xml:$L: 错误: 生效日期是 2011-07-01，但最后一条修订记录（第" "$T/zh.err"
check "zh: the summary last" sh -c "tail -1 '$T/zh.err' | grep -q '^folio: 错误: 共 [0-9]* 处错误、[0-9]* 处警告（见上）'"
check "zh: no English sentence" sh -c "! grep -E '[a-z]+ [a-z]+ [a-z]+' '$T/zh.err'"
zh "$FOLIO" manual --root "$W" -o "$T/zm" 2>"$T/zm.err"
check "zh: folio manual says the same and that the manual is not built, last" sh -c "grep -qF '$P/XT-KF-CX-004.xml:' '$T/zm.err' && tail -1 '$T/zm.err' | grep -q '^folio: 错误: .*未生成手册'"

# ---- folio new-case: every field marked, refused until filled, never overwritten ---------------
fresh
NC=$W/cases/2024-009.xml
# the 【待填】 marks of a file, its comments left out
to_fill() { python3 -c 'import re, sys; print(re.sub("<!--.*?-->", "", open(sys.argv[1]).read(), flags=re.S).count("【待填】"))' "$1"; }
"$FOLIO" new-case --root "$W" 2024-009 2>"$T/nc.err"
rc=$?
check "new-case writes cases/ID.xml, well-formed, with its id" sh -c "test $rc -eq 0 && xmllint --noout '$NC' && grep -q '<case xmlns=\"urn:folio:case\" id=\"2024-009\">' '$NC'"
check "new-case leaves no temporary behind" sh -c "! ls -A '$W/cases' | grep -q '^\\.\\|\\.tmp'"
zh "$FOLIO" check --root "$W" 2>"$T/nc-check.err"
rc=$?
unfilled() {
	test "$rc" -eq 1 || return 1
	want=$(to_fill "$NC")
	got=$(grep -c "^$NC:[0-9]*: 错误: .*：尚未填写：请把“【待填】”换成实际内容" "$T/nc-check.err")
	other=$(grep -v "尚未填写\|^folio: 错误: 共" "$T/nc-check.err" | wc -l)
	echo "fields to fill: $want, messages: $got, other lines: $other"
	test "$want" -ge 50 && test "$got" -eq "$want" && test "$other" -eq 0 || return 1
	# each message on the line of its field, with the field's Chinese name
	L=$(grep -n '<credit-code>' "$NC" | cut -d: -f1)
	grep -q "^$NC:$L: 错误: 统一社会信用代码：尚未填写：请把“【待填】”换成实际内容，例如 91110108MA01H5RN4M" "$T/nc-check.err"
}
check "check lists one message per unfilled field, with its label and line" unfilled
"$FOLIO" packet --root "$W" -o "$T/nco" "$NC" 2>"$T/nc-packet.err"
rc=$?
check "packet refuses the unfilled case and writes nothing" sh -c "test $rc -eq 1 && ! test -e '$T/nco/packets/2024-009' &&
	test \$(grep -c 'not filled in yet' '$T/nc-packet.err') -eq $(to_fill "$NC")"
cp "$NC" "$T/nc-before.xml"
"$FOLIO" new-case --root "$W" 2024-009 2>"$T/nc2.err"
rc=$?
check "new-case refuses to overwrite a case (exit 1), the file unchanged" sh -c "test $rc -eq 1 && cmp '$NC' '$T/nc-before.xml' &&
	grep -q '2024-009.xml: error: this case exists already and is not overwritten' '$T/nc2.err'"
"$FOLIO" new-case --root "$W" 2024-09 2>"$T/nc3.err"
rc=$?
check "new-case refuses an id that is not a case number (exit 2)" sh -c "test $rc -eq 2 && ! test -e '$W/cases/2024-09.xml'"
# fill every field from cases/2024-001.xml: the packet is then made
python3 - "$NC" "$ROOT/cases/2024-001.xml" <<'PY'
import sys, xml.etree.ElementTree as ET
ns = "urn:folio:case"
ET.register_namespace("", ns)
new, old = ET.parse(sys.argv[1]), ET.parse(sys.argv[2]).getroot()
def fill(a, b):
    for k, v in a.attrib.items():
        if v == "【待填】":
            a.set(k, b.get(k))
    if (a.text or "").strip() == "【待填】":
        a.text = b.text
    seen = {}
    for c in a:
        i = seen.get(c.tag, 0)
        seen[c.tag] = i + 1
        fill(c, b.findall(c.tag)[i])
fill(new.getroot(), old)
new.write(sys.argv[1], encoding="UTF-8", xml_declaration=True)
PY
"$FOLIO" packet --root "$W" -o "$T/nco" "$NC" 2>"$T/nc-filled.err"
rc=$?
check "once filled, the packet is made from it" sh -c "test $rc -eq 0 && ! grep -q '【待填】' '$NC' &&
	pdftotext '$T/nco/packets/2024-009/packet.pdf' - | grep -q '北京云帆数智科技有限公司' &&
	! pdftotext '$T/nco/packets/2024-009/packet.pdf' - | grep -q '待填'"

# ---- leftovers: values another case has too are warnings, with both places ----------------------
fresh
C9=$W/cases/2024-009.xml
C1=$W/cases/2024-001.xml
python3 - "$ROOT/cases/2024-004.xml" "$C9" <<'PY'
import sys
s = open(sys.argv[1], encoding="utf-8").read()
for a, b in [('id="2024-004"', 'id="2024-009"'), ("<mobile>17801046235</mobile>", "<mobile>13911276548</mobile>"),
             ("<name>田甜</name>", "<name>孟凡超</name>"), ("91110108MA01H5RN4M", "91110105MA01C7XQ5X"),
             ("    </fire-safety-officer>\n", "    </fire-safety-officer>\n    <vehicles>\n      <vehicle>\n        <plate>京N D3K27</plate>\n      </vehicle>\n    </vehicles>\n")]:
    assert a in s, a
    s = s.replace(a, b, 1)
open(sys.argv[2], "w", encoding="utf-8").write(s)
PY
zh "$FOLIO" check --root "$W" 2>"$T/lo.err"
rc=$?
leftover() {   # FILE LINE TEXT OTHER OTHER-LINE
	grep -qF "$1:$2: 警告: $3 也出现在 $4:$5 —— 是否复制了旧客户的资料而忘了修改这里？" "$T/lo.err" ||
		{ echo "no \"$1:$2: 警告: $3 也出现在 $4:$5\" in:"; cat "$T/lo.err"; return 1; }
}
check "leftovers are warnings: check passes (exit 0)" sh -c "test $rc -eq 0 && ! grep -q '错误' '$T/lo.err'"
check "leftover: a mobile number, both places" leftover "$C9" "$(line "$C9" 13911276548)" "电话 13911276548" "$C1" 17
check "leftover: a contact person" leftover "$C9" "$(line "$C9" 孟凡超)" "联系人 孟凡超" "$C1" 21
check "leftover: a credit code" leftover "$C9" 7 "证件号码 91110105MA01C7XQ5X" "$C1" 7
check "leftover: a car plate, written another way" leftover "$C9" "$(line "$C9" 'D3K27')" "车牌 京N D3K27" "$C1" 61
check "leftover: the earlier case is warned of too" leftover "$C1" 17 "电话 13911276548" "$C9" "$(line "$C9" 13911276548)"
check "leftover: once per value and case" test "$(grep -c "^$C9:[0-9]*: 警告: 电话 13911276548" "$T/lo.err")" -eq 1
"$FOLIO" packet --root "$W" -o "$T/loo" "$C9" 2>"$T/lop.err"
rc=$?
check "packet warns of the leftovers of the case it makes, and makes it" sh -c "test $rc -eq 0 &&
	grep -q '2024-009.xml:[0-9]*: warning: phone 13911276548 also appears in .*2024-001.xml:17' '$T/lop.err' &&
	test -s '$T/loo/packets/2024-009/packet.pdf'"

# ---- a source changed under an issued revision: a warning, with the line ----------------------
fresh
check "the bundled sources are their issued revision: no warning" sh -c "'$FOLIO' check --root '$W' 2>'$T/is0.err' && ! test -s '$T/is0.err'"
edit "$P/XT-KF-CX-002.xml" '装修公司向' '装修公司在 3 日内向'
L=$(line "$P/XT-KF-CX-002.xml" '装修公司在 3 日内向')
"$FOLIO" check --root "$W" 2>"$T/is1.err"
rc=$?
check "a procedure changed under the issued revision 1/0: a warning at the first changed line" sh -c "test $rc -eq 0 &&
	grep -qF '$P/XT-KF-CX-002.xml:$L: warning: this file differs from its copy in procedures/issued/E1R0/ from this line on, but revision 1/0 was already issued: a change needs a new <revision> entry' '$T/is1.err' &&
	test \$(grep -c warning '$T/is1.err') -eq 1"
zh "$FOLIO" manual --root "$W" -o "$T/iso" 2>"$T/is2.err"
rc=$?
check "folio manual gives the warning too (in Chinese) and builds" sh -c "test $rc -eq 0 &&
	grep -qF '$P/XT-KF-CX-002.xml:$L: 警告: ' '$T/is2.err' && grep -q '第 1 版第 0 次修改.*已经发布' '$T/is2.err' &&
	test -s '$T/iso/manual/WB-XT-KF-CX-E1R0.pdf'"
sed "s/XT-KF-CX-013/XT-KF-CX-014/" "$P/XT-KF-CX-013.xml" > "$P/XT-KF-CX-014.xml"
edit "$P/manual.xml" '<procedure-ref code="XT-KF-CX-013" href="XT-KF-CX-013.xml"/>' '<procedure-ref code="XT-KF-CX-013" href="XT-KF-CX-013.xml"/>
    <procedure-ref code="XT-KF-CX-014" href="XT-KF-CX-014.xml"/>'
"$FOLIO" check --root "$W" 2>"$T/is3.err"
check "a procedure added under the issued revision: a warning" grep -qF "$P/XT-KF-CX-014.xml:1: warning: this file is not in the sources of revision 1/0, which was already issued" "$T/is3.err"
# with a new revision entry the change is a revision in the making: no warning
fresh
edit "$P/XT-KF-CX-002.xml" '装修公司向' '装修公司在 3 日内向'
edit "$P/manual.xml" '<version edition="1" revision="0"/>' '<version edition="1" revision="1"/>'
edit "$P/manual.xml" '<effective date="2011-06-01"/>' '<effective date="2012-03-01"/>'
edit "$P/manual.xml" '  </revisions>' "    $(rev 2012-03-01 '<changed code="XT-KF-CX-002"/>')
  </revisions>"
"$FOLIO" check --root "$W" 2>"$T/is4.err"
rc=$?
check "with a new revision entry: no warning" sh -c "test $rc -eq 0 && ! test -s '$T/is4.err'"
"$FOLIO" archive --root "$W" 2>/dev/null
edit "$P/XT-KF-CX-005.xml" '<label>确定当日回访对象</label>' '<label>确定回访对象</label>'
"$FOLIO" check --root "$W" 2>"$T/is5.err"
check "after archiving 1/1, a change warns against 1/1" grep -qF "$P/XT-KF-CX-005.xml:$(line "$P/XT-KF-CX-005.xml" '确定回访对象'): warning: this file differs from its copy in procedures/issued/E1R1/ from this line on, but revision 1/1 was already issued" "$T/is5.err"

# ---- the bundled sources: no error, no summary ------------------------------------------------
fresh
run
check "the bundled sources pass every check, silently" sh -c "test $rc -eq 0 && ! test -s '$T/err'"

summary
