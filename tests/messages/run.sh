#!/bin/sh
# Messages: English by default, Chinese under a Chinese locale (GNU gettext,
# po/ → locale/), from the build tree and after installation, and the
# catalogue complete.  Ends with "messages: N passed, M failed".
LAYER=messages
. "$(dirname "$0")/../lib.sh"
BIN=$(dirname "$FOLIO")
zh() { env -u LC_ALL -u LC_MESSAGES -u LANGUAGE LANG=zh_CN.UTF-8 "$@"; }
en() { env -u LC_ALL -u LC_MESSAGES -u LANGUAGE LANG=C.UTF-8 "$@"; }

# ---- the catalogue ---------------------------------------------------------------------------
check "the zh_CN catalogue is built beside the binary" test -s "$BIN/locale/zh_CN/LC_MESSAGES/folio.mo"
xgettext --from-code=UTF-8 --language=C --keyword=_ --keyword=N_ --add-comments=TRANSLATORS: \
	--no-location --sort-output --omit-header -o "$T/folio.pot" $(ls src/*.c src/*/*.c | sort)
check "po/folio.pot lists every marked message (run make po)" cmp "$T/folio.pot" po/folio.pot
check "po/zh_CN.po has every message of po/folio.pot" msgcmp po/zh_CN.po po/folio.pot
msgfmt --check --statistics -o /dev/null po/zh_CN.po 2>"$T/stat"
check "every message is translated, none fuzzy" sh -c "grep -q 'translated message' '$T/stat' && ! grep -q 'untranslated\|fuzzy' '$T/stat'"

# ---- the locale chooses the language ---------------------------------------------------------
printf '<x\n' > "$T/bad.fo"
en "$FOLIO" render "$T/bad.fo" -o "$T/x.pdf" 2>"$T/en.err"
check "English by default: file:line: error:" grep -q "bad.fo:[0-9]*:[0-9]*: error: " "$T/en.err"
zh "$FOLIO" render "$T/bad.fo" -o "$T/x.pdf" 2>"$T/zh.err"
check "LANG=zh_CN.UTF-8: file:line: 错误:, generated locale or not" grep -q "bad.fo:[0-9]*:[0-9]*: 错误: " "$T/zh.err"
env -u LC_MESSAGES -u LANGUAGE LANG=zh_CN.UTF-8 LC_ALL=C "$FOLIO" render "$T/bad.fo" -o "$T/x.pdf" 2>"$T/c.err"
check "LC_ALL=C wins over LANG" grep -q ": error: " "$T/c.err"

# ---- after installation: PREFIX/bin finds PREFIX/share/locale ---------------------------------
make -s install-locale DESTDIR="$T/dest" PREFIX=/opt/folio BUILD="${BUILD:-release}" >/dev/null 2>&1
mkdir -p "$T/dest/opt/folio/bin" && cp "$FOLIO" "$T/dest/opt/folio/bin/folio"
check "make install-locale puts the catalogue under share/locale" test -s "$T/dest/opt/folio/share/locale/zh_CN/LC_MESSAGES/folio.mo"
(cd "$T" && zh "$T/dest/opt/folio/bin/folio" render bad.fo -o x.pdf 2>"$T/inst.err")
check "an installed folio speaks Chinese from any folder" grep -q "bad.fo:[0-9]*:[0-9]*: 错误: " "$T/inst.err"

# ---- field messages: label, what is wrong, how to fix it, every problem at once ----------------
# a project of its own, so that the case is the only one with its number
R=$T/root
mkdir -p "$R/docs" && cp -r schemas procedures templates site.xml cases "$R/" && cp -r docs/content "$R/docs/"
C=$R/cases
# six mistakes in one case; the schema alone stops at the first one inside <customer>
sed -e 's|<legal-rep>许文博</legal-rep>||' \
    -e 's|<mobile>17801046235</mobile>|<mobile>1780104623</mobile><fax>010-65096609</fax>|' \
    -e 's|91110108MA01H5RN4M|91110108MA01H5RN4X|' \
    -e 's|<end>2026-08-31|<end>2024-08-31|' \
    -e '0,/<unit-price>32.00/s//<unit-price>约12000/' \
    -e 's|<deadline>2024-08-30|<deadline>2024-08-20|' cases/2024-004.xml > "$C/2024-004.xml"
at() { grep -n "$1" "$C/2024-004.xml" | head -1 | cut -d: -f1; }
LP=$(at '约12000'); LM=$(at '<fax>'); LC=$(at '<credit-code>'); LE=$(at '<end>'); LD=$(at '<deadline>')
zh "$FOLIO" packet --root "$R" -o "$T/zo" "$C/2024-004.xml" 2>"$T/zh-case.err"
rc=$?
check "a case with mistakes is refused (exit 1), no packet" sh -c "test $rc -eq 1 && ! test -e '$T/zo/packets/2024-004'"
check "单价: the line, the label, what is wrong, how to fix it" \
	grep -qx "$C/2024-004.xml:$LP: 错误: 单价：“约12000”格式不对，请只写数字，保留两位小数，不要千分位逗号，例如 12000.00" "$T/zh-case.err"
check "a missing field names the form that needs it" grep -q "2024-004.xml:[0-9]*: 错误: 法定代表人：未填写，《.*》需要此项，请填写，例如 许文博" "$T/zh-case.err"
check "a bad mobile number: 紧急联系人手机 on its line" grep -q "2024-004.xml:$LM: 错误: 紧急联系人手机：“1780104623”格式不对，请填写以 1 开头的 11 位手机号" "$T/zh-case.err"
check "an unknown element, although the schema stopped before it" grep -q "2024-004.xml:$LM: 错误: 紧急联系人：<fax> 不是案卷的字段" "$T/zh-case.err"
check "the credit code's check character (GB 32100)" grep -q "2024-004.xml:$LC: 错误: 统一社会信用代码：“91110108MA01H5RN4X”的最后一位与前 17 位算出的校验码不符" "$T/zh-case.err"
check "a lease that ends before it starts" grep -q "2024-004.xml:$LE: 错误: 租赁终止日：2024-08-31 早于租赁起始日 2024-09-01" "$T/zh-case.err"
check "a payment deadline before the handover" grep -q "2024-004.xml:$LD: 错误: 缴费期限：2024-08-20 早于收楼日期 2024-08-26" "$T/zh-case.err"
check "the summary comes last" sh -c "tail -1 '$T/zh-case.err' | grep -qx '$C/2024-004.xml: 错误: 案卷有错误（见上），未生成收楼文件'"
check "no English and no schema jargon in the Chinese messages" sh -c "! grep -E 'Expecting|Did not expect|validate|datatype|[a-z]+ [a-z]+ [a-z]+' '$T/zh-case.err'"
en "$FOLIO" packet --root "$R" -o "$T/eo" "$C/2024-004.xml" 2>"$T/en-case.err"
check "in English: the path, the label, the rule" \
	grep -qx "$C/2024-004.xml:$LP: error: fees/fee/unit-price (单价): \"约12000\" is not valid: write only digits with two decimals, no thousands separators, e.g. 12000.00" "$T/en-case.err"
same_as_packet() {
	! "$FOLIO" check --root "$R" 2>"$T/check.err" || return 1
	n=$(grep -c ': error: ' "$T/en-case.err")   # the case's problems and the packet's summary
	test "$(grep -c ': error: ' "$T/check.err")" -eq "$n" &&
		tail -1 "$T/check.err" | grep -q "^folio: error: errors: $((n - 1)), warnings: "
}
check "folio check reports the same problems as folio packet, its summary last" same_as_packet

# ---- lenient where it is safe: 2024/8/26 and 1,032.00 read with a warning ------------------
sed -e 's|<handover-date>2024-08-26|<handover-date>2024/8/26|' -e '0,/<unit-price>32.00/s//<unit-price>1,032.00/' cases/2024-004.xml > "$C/2024-004.xml"
LH=$(grep -n '<handover-date>' "$C/2024-004.xml" | cut -d: -f1); LP=$(grep -n '1,032.00' "$C/2024-004.xml" | cut -d: -f1)
zh "$FOLIO" packet --root "$R" -o "$T/lo" "$C/2024-004.xml" 2>"$T/len.err"
rc=$?
check "a date with slashes: a warning, read as 2024-08-26" grep -q "2024-004.xml:$LH: 警告: 收楼日期：“2024/8/26”已按“2024-08-26”处理" "$T/len.err"
check "an amount with a thousands comma: a warning, read as 1032.00" grep -q "2024-004.xml:$LP: 警告: 单价：“1,032.00”已按“1032.00”处理" "$T/len.err"
check "the packet is written from the normalised values" sh -c "test $rc -eq 0 &&
	grep -q '<handover-date>2024-08-26</handover-date>' '$T/lo/packets/2024-004/case.xml' &&
	grep -q '<unit-price>1032.00</unit-price>' '$T/lo/packets/2024-004/case.xml' &&
	pdftotext '$T/lo/packets/2024-004/06-XT-KF-CX-001-R01.pdf' - | grep -q '267,649.20'"

summary
