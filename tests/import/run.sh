#!/bin/sh
# Tests of folio import (docs/import.md).  Ends with "import: N passed, M failed".
# The spreadsheets are made by tests/import/mkfixtures.py from cases/2024-00[1-4].xml,
# so an import must give those very files back, byte for byte.
LAYER=import
. "$(dirname "$0")/../lib.sh"
I=$ROOT/tests/import
project() { mkdir -p "$1/docs" && cp -r "$ROOT/site.xml" "$ROOT/procedures" "$ROOT/schemas" "$ROOT/templates" "$1/" && cp -r "$ROOT/docs/content" "$1/docs/"; }
same_cases() { for c in "$ROOT"/cases/*.xml; do cmp "$c" "$1/cases/$(basename "$c")" || return 1; done; test "$(ls "$1/cases" | wc -l)" -eq "$(ls "$ROOT/cases" | wc -l)"; }

# ---- the same cases from a workbook, UTF-8 CSV and GBK CSV ---------------------------------------
project "$T/x"
"$FOLIO" import --root "$T/x" "$I/tenants.xlsx" >"$T/x.out" 2>"$T/x.err"
rc=$?
check "a workbook imports" sh -c "test $rc -eq 0 && test \$(grep -c ': written' '$T/x.out') -eq 4 && ! test -s '$T/x.err'"
check "the workbook gives the sample cases byte for byte" same_cases "$T/x"
project "$T/u"
"$FOLIO" import -q --root "$T/u" "$I/utf8/tenants.csv" 2>"$T/u.err"
check "UTF-8 CSV files give the same cases" sh -c "test $? -eq 0 && ! test -s '$T/u.err'" 
check "  byte for byte" same_cases "$T/u"
project "$T/g"
check "the GBK files are not UTF-8 (the conversion is tested)" sh -c "! iconv -f UTF-8 -t UTF-8 '$I/gbk/tenants.csv' >/dev/null 2>&1"
"$FOLIO" import -q --root "$T/g" "$I/gbk/tenants.csv" 2>"$T/g.err"
check "GBK CSV files give the same cases" sh -c "test $? -eq 0 && ! test -s '$T/g.err'"
check "  byte for byte" same_cases "$T/g"
check "the imported cases pass folio check" "$FOLIO" check --root "$T/x"
"$FOLIO" packet --root "$T/x" -o "$T/xo" "$T/x/cases/2024-002.xml" 2>"$T/xp.err"
check "an imported case makes its packet, the tenant named in it" sh -c "pdftotext '$T/xo/packets/2024-002/packet.pdf' - | tr -d ' \n' | grep -q '瑞森管理咨询（北京）有限公司'"

# ---- again: unchanged; a case with other data is never replaced ----------------------------------
ls -li "$T/x/cases" > "$T/before"
"$FOLIO" import --root "$T/x" "$I/tenants.xlsx" >"$T/again.out" 2>&1
check "importing the same rows again changes nothing" sh -c "test $? -eq 0 && test \$(grep -c 'unchanged' '$T/again.out') -eq 4 && ls -li '$T/x/cases' | cmp -s - '$T/before'"
sed -i 's/<staff-count>65</<staff-count>66</' "$T/x/cases/2024-001.xml"
cp "$T/x/cases/2024-001.xml" "$T/edited.xml"
LANG=zh_CN.UTF-8 "$FOLIO" import --root "$T/x" "$I/tenants.xlsx" >"$T/ow.out" 2>"$T/ow.err"
rc=$?
check "an existing case with other data is refused, by its row" sh -c "test $rc -eq 1 && grep -q '表 客户 第 2 行 A 列（案卷编号）：.*2024-001.xml 已存在，且内容不同' '$T/ow.err' && cmp -s '$T/edited.xml' '$T/x/cases/2024-001.xml'"
check "  and nothing else is written either" sh -c "! grep -q 'written\|已写入' '$T/ow.out'"

# ---- bad rows: every problem at once, by sheet, row and column ----------------------------------
project "$T/b"
"$FOLIO" import --root "$T/b" "$I/bad.xlsx" >"$T/b.out" 2>"$T/b.err"
rc=$?
check "a bad workbook fails and writes nothing" sh -c "test $rc -eq 1 && ! test -e '$T/b/cases'"
check "the wrong date: sheet, row, column and header" grep -q "^$I/bad.xlsx: error: sheet 客户, row 2, column X (租赁终止日): \"2027-02-30\" is not valid" "$T/b.err"
check "the wrong mobile number: sheet, row, column and header" grep -q "error: sheet 联系人, row 3, column F (联系人手机): \"1391127654\" is not valid" "$T/b.err"
check "the row of no tenant" grep -q "error: sheet 费用, row 7, column A (案卷编号): no tenant has the case number 2099-999" "$T/b.err"
check "the messages come in sheet and row order, then the summary" sh -c "sed -n 1p '$T/b.err' | grep -q '客户' && sed -n 3p '$T/b.err' | grep -q '费用' && sed -n 4p '$T/b.err' | grep -q 'nothing is imported'"
LANG=zh_CN.UTF-8 "$FOLIO" import --root "$T/b" "$I/bad.xlsx" 2>"$T/bz.err"
check "in Chinese under zh_CN" sh -c "grep -q '错误: 表 联系人 第 3 行 F 列（联系人手机）：“1391127654”格式不对' '$T/bz.err' && grep -q '表 客户 第 2 行 X 列（租赁终止日）' '$T/bz.err' && grep -q '全部未导入' '$T/bz.err'"

# ---- --partial: the good tenants only ------------------------------------------------------------
mkdir -p "$T/p2" && cp "$I"/utf8/*.csv "$T/p2/"
# 2024-002's second contact (row 6 of 联系人): a mobile number one digit short; its office phone wrong too
sed -i 's/15801326490/1580132649/; s/010-65096522/65096522/' "$T/p2/tenants-联系人.csv"
row=$(grep -n '1580132649' "$T/p2/tenants-联系人.csv" | cut -d: -f1)
project "$T/p"
"$FOLIO" import --root "$T/p" "$T/p2/tenants.csv" >"$T/p.out" 2>"$T/p.err"
rc=$?
check "a CSV row with errors: nothing written without --partial" sh -c "test $rc -eq 1 && ! test -e '$T/p/cases'"
check "  both errors of the row, by row and column (a CSV names no sheet)" sh -c "grep -q 'tenants-联系人.csv: error: row $row, column F (联系人手机)' '$T/p.err' && grep -q 'tenants-联系人.csv: error: row $row, column E (联系人办公电话)' '$T/p.err'"
"$FOLIO" import --partial --root "$T/p" "$T/p2/tenants.csv" >"$T/pp.out" 2>"$T/pp.err"
rc=$?
check "--partial writes the good tenants, exits 1" sh -c "test $rc -eq 1 && ls '$T/p/cases' | tr '\n' ' ' | grep -qx '2024-001.xml 2024-003.xml 2024-004.xml '"
check "  and says which were left out" sh -c "grep -q '1 of 4 tenants have errors (above) and are not imported, 0 rows belong to no tenant; 3 written, 0 unchanged' '$T/pp.err'"

# ---- headers ----------------------------------------------------------------------------------
mkdir -p "$T/h2" && cp "$I"/utf8/*.csv "$T/h2/"
sed -i '1s/钥匙把数/把数/' "$T/h2/tenants-钥匙.csv"
"$FOLIO" import --root "$T/p" "$T/h2/tenants.csv" 2>"$T/h.err"
check "an unknown header and the missing column are named" sh -c "grep -q 'tenants-钥匙.csv: error: row 1, column D: \"把数\" is not a column of this sheet' '$T/h.err' && grep -q 'row 1: the column 钥匙把数 is missing' '$T/h.err'"

# ---- the template ----------------------------------------------------------------------------
"$FOLIO" import --template "$T/t.xlsx" 2>"$T/t.err"
check "the template is the one in docs/ (make it again when labels change)" cmp "$T/t.xlsx" "$ROOT/docs/tenants-template.xlsx"
part() { python3 -c 'import sys, zipfile; sys.stdout.write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]).decode())' "$@"; }
template_sheets() {
	part "$T/t.xlsx" xl/workbook.xml | grep -q '<sheet name="客户".*<sheet name="联系人".*<sheet name="验收遗漏工程"' &&
	part "$T/t.xlsx" xl/worksheets/sheet2.xml | grep -q '<t>联系人手机</t>'
}
check "the template has every sheet, its headers the labels" template_sheets
project "$T/e"
"$FOLIO" import --root "$T/e" "$T/t.xlsx" 2>"$T/e.err"
check "the empty template reads back: no tenants, no unknown column" sh -c "test $? -eq 1 && grep -q 'no tenants' '$T/e.err' && ! grep -q 'not a column' '$T/e.err'"
mkdir -p "$T/tc" && "$FOLIO" import --template "$T/tc/t.csv"
check "the CSV template: a file per sheet, UTF-8 with BOM, headers" sh -c "test \$(ls '$T/tc' | wc -l) -eq 8 && head -c 3 '$T/tc/t-费用.csv' | od -An -tx1 | grep -q 'ef bb bf' && grep -q '费用代码,费用类别' '$T/tc/t-费用.csv'"

# ---- hostile and broken workbooks: an error, never a crash ---------------------------------------
python3 - "$T" <<'PY'
import sys, zipfile, os
t = sys.argv[1]
ok = ('<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
      '<sheet name="客户" sheetId="1" r:id="rId1"/></sheets></workbook>')
rels = ('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="worksheet" Target="worksheets/sheet1.xml"/></Relationships>')
def book(name, sheet, strings=None):
    with zipfile.ZipFile(os.path.join(t, name), "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/workbook.xml", ok)
        z.writestr("xl/_rels/workbook.xml.rels", rels)
        if strings is not None:
            z.writestr("xl/sharedStrings.xml", strings)
        z.writestr("xl/worksheets/sheet1.xml", sheet)
# a bomb: 80 MB of one byte, a few hundred kB packed
book("bomb.xlsx", b"<worksheet><sheetData>" + b" " * (80 << 20) + b"</sheetData></worksheet>")
# an external entity: its file must not be read
book("xxe.xlsx", '<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>',
     '<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
     '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&e;</t></si></sst>')
# references out of range and a shared string that is not there
book("refs.xlsx", '<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>7</v></c><c r="ZZZZ1"/></row></sheetData></worksheet>')
book("order.xlsx", '<worksheet><sheetData><row r="3"/><row r="2"/></sheetData></worksheet>')
book("notxml.xlsx", '<worksheet><sheetData><row')
# one cell in the last column of each of many rows: a row's cells are an array
book("wide.xlsx", "<worksheet><sheetData>" + "".join('<row r="%d"><c r="XFD%d" t="inlineStr"><is><t>x</t></is></c></row>'
     % (i, i) for i in range(1, 20001)) + "</sheetData></worksheet>")
open(os.path.join(t, "junk.xlsx"), "wb").write(os.urandom(3000))
PY
head -c 4000 "$I/tenants.xlsx" > "$T/cut.xlsx"
for f in bomb xxe refs order notxml wide junk cut; do
	"$FOLIO" import --root "$T/e" "$T/$f.xlsx" >/dev/null 2>"$T/$f.err"
	rc=$?
	check "$f.xlsx: refused with an error, no crash" sh -c "test $rc -eq 1 && grep -q 'error' '$T/$f.err' && ! test -e '$T/e/cases'"
done
check "the bomb is named as such" grep -q 'unpacks to more than 64 MB' "$T/bomb.err"
check "cells far to the right are capped" grep -q 'more than 2097152 cells' "$T/wide.err"
check "no external entity is read" sh -c "! grep -q 'root:' '$T/xxe.err'"
check "a damaged workbook says so" grep -q 'not an Excel workbook' "$T/junk.err"

# ---- CSV: quotes, line breaks, encodings --------------------------------------------------------
printf '\377\376a\000' > "$T/u16.csv"
"$FOLIO" import --root "$T/e" "$T/u16.csv" 2>"$T/u16.err"
check "UTF-16 is refused with what to do" grep -q 'UTF-16' "$T/u16.err"
printf '案卷编号\r\n"2024-001\r\n' > "$T/q.csv"
"$FOLIO" import --root "$T/e" "$T/q.csv" 2>"$T/q.err"
check "an unterminated quote is refused with its row" sh -c "test $? -eq 1 && grep -q 'row 2: a quoted field does not end' '$T/q.err'"

summary
