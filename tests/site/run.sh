#!/bin/sh
# Tests of the site file (site.xml): the office's identity is in it and
# nowhere else, and one edit of it changes every document, form and the
# manual.  Ends with "site: N passed, M failed".
LAYER=site
. "$(dirname "$0")/../lib.sh"
# the messages checked below are the English ones
LC_ALL=C.UTF-8
export LC_ALL
unset LANGUAGE
txt() { pdftotext "$1" - 2>/dev/null | tr -d ' \n\f'; }
val() { sed -n "s/.*<$1>\\(.*\\)<\\/$1>.*/\\1/p" "$ROOT/site.xml" | head -1; }
office=$(val office)
company=$(val company)
bank=$(sed -n 's/.*<number>\(.*\)<\/number>.*/\1/p' "$ROOT/site.xml" | head -1)
service=$(sed -n 's/.*id="service"[^>]*>\([^<]*\)<.*/\1/p' "$ROOT/site.xml")

# ---- the identity is in site.xml only ------------------------------------------------------
check "the site file has the office, the company, an account and a hotline" test -n "$office" -a -n "$company" -a -n "$bank" -a -n "$service"
for v in "$office" "$company" "$bank" "$service"; do
	check "only site.xml holds \"$v\"" sh -c "
		found=\$(grep -rlF --exclude-dir=.git --exclude-dir=output --exclude-dir=build '$v' '$ROOT' | sed 's|^$ROOT/||')
		echo \"\$found\"; test \"\$found\" = site.xml"
done

# ---- one edit changes every document ---------------------------------------------------------
project() {   # a copy of the project's sources in $1
	mkdir -p "$1/docs"
	cp -r "$ROOT/site.xml" "$ROOT/procedures" "$ROOT/schemas" "$ROOT/cases" "$ROOT/templates" "$1/"
	cp -r "$ROOT/docs/content" "$1/docs/"
}
R=$T/r
project "$R"
sed -i "s|<office>.*</office>|<office>测试楼宇甲乙管理处</office>|; s|<company>.*</company>|<company>测试物业丙丁有限公司</company>|; s|id=\"service\"\\([^>]*\\)>[^<]*<|id=\"service\"\\1>010-12345678<|" "$R/site.xml"
check "the edited site file differs in the office's name only where edited" sh -c "diff '$ROOT/site.xml' '$R/site.xml' | grep -c '^>' | grep -qx 3"
"$FOLIO" manual --root "$R" -o "$T/o" 2>"$T/m.err"; rc=$?
check "the manual builds with the edited site" sh -c "test $rc -eq 0 || { cat '$T/m.err'; false; }"
"$FOLIO" packet --root "$R" -o "$T/o" "$R/cases/2024-001.xml" 2>"$T/p.err"; rc=$?
check "the packet builds with the edited site" sh -c "test $rc -eq 0 || { cat '$T/p.err'; false; }"
"$FOLIO" forms --root "$R" -o "$T/o" 2>"$T/f.err"; rc=$?
check "the blank forms build with the edited site" sh -c "test $rc -eq 0 || { cat '$T/f.err'; false; }"
n=0
for f in "$T"/o/manual/*.pdf "$T"/o/packets/2024-001/*.pdf "$T"/o/forms/*.pdf; do
	n=$((n + 1))
	txt "$f" > "$T/t.txt"
	check "$(basename "$f"): the new office's name, never the old one" sh -c "grep -q '测试楼宇甲乙管理处' '$T/t.txt' && ! grep -qF '$(echo "$office" | tr -d ' ')' '$T/t.txt' && ! grep -qF '$(echo "$company" | tr -d ' ')' '$T/t.txt'"
done
check "every document was looked at (manual, 15 packet files, the forms)" test "$n" -gt 40
check "the new hotline in the handbook, the old one nowhere" sh -c "txt() { pdftotext \"\$1\" - | tr -d ' \n'; }; txt '$T/o/packets/2024-001/packet.pdf' | grep -q '010-12345678' && ! txt '$T/o/packets/2024-001/packet.pdf' | grep -q '$service'"
check "the bank account on the fee notice" sh -c "pdftotext '$T/o/packets/2024-001/06-XT-KF-CX-001-R01.pdf' - | tr -d ' \n' | grep -q '测试物业丙丁有限公司' && pdftotext '$T/o/packets/2024-001/06-XT-KF-CX-001-R01.pdf' - | grep -q '$bank'"
check "the PDF's author is the site's" sh -c "pdfinfo '$T/o/packets/2024-001/packet.pdf' | grep -q '^Author:.*测试楼宇甲乙管理处'"

# ---- placeholders that name nothing are errors --------------------------------------------
B=$T/b
project "$B"
sed -i 's|<site ref="fax"/>|<site ref="telex"/>|' "$B/docs/content/customer-handbook.xml"
"$FOLIO" check --root "$B" 2>"$T/b.err"; rc=$?
check "folio check: an unknown site value is an error with file:line" sh -c "test $rc -eq 1 && grep -q 'customer-handbook.xml:[0-9]*: error: .*telex' '$T/b.err'"
"$FOLIO" packet --root "$B" -o "$T/ob" "$B/cases/2024-001.xml" 2>"$T/b2.err"; rc=$?
check "folio packet: an unknown site value stops the packet, nothing written" sh -c "test $rc -ne 0 && grep -q telex '$T/b2.err' && test ! -e '$T/ob/packets/2024-001'"
rm "$B/site.xml"
"$FOLIO" manual --root "$B" -o "$T/ob" 2>"$T/b3.err"; rc=$?
check "no site file: an error naming site.xml, nothing written" sh -c "test $rc -eq 1 && grep -q 'site.xml: error: no site file' '$T/b3.err' && test ! -e '$T/ob/manual'"
project "$B"
sed -i 's|<paper>A4</paper>|<paper>Folio</paper>|' "$B/site.xml"
"$FOLIO" check --root "$B" 2>"$T/b4.err"; rc=$?
check "an invalid site file is reported with its line" sh -c "test $rc -eq 1 && grep -q 'site.xml:[0-9]*:.*error' '$T/b4.err'"

# ---- printing defaults: paper, fonts, row height, logo --------------------------------------
S=$T/s
project "$S"
python3 - "$S/logo.png" <<'PY'
import sys, zlib, struct
w, h = 60, 20
raw = b"".join(b"\0" + bytes([200, 0, 0] * w) for _ in range(h))
def chunk(t, d): return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xffffffff)
open(sys.argv[1], "wb").write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))
PY
sed -i 's|<paper>A4</paper>|<paper>B5</paper>|; s|<form-row-height>8mm</form-row-height>|<form-row-height>12mm</form-row-height>|; s|<chinese>.*</chinese>|<chinese>WenQuanYi Zen Hei</chinese>|; s|<latin>.*</latin>|<latin>DejaVu Serif</latin>|; s|<paper>|<logo src="logo.png" height="10mm"/>\n  <paper>|' "$S/site.xml"
"$FOLIO" check --root "$S" 2>"$T/s.err"; rc=$?
check "the changed site file is valid" sh -c "test $rc -eq 0 || { cat '$T/s.err'; false; }"
"$FOLIO" manual --root "$S" -o "$T/os" 2>"$T/s1.err"; rc=$?
check "the manual builds on B5 with the site's logo and fonts" sh -c "test $rc -eq 0 || { cat '$T/s1.err'; false; }"
M=$(ls "$T"/os/manual/*.pdf 2>/dev/null | head -1)
check "B5 pages (176 x 250 mm)" sh -c "pdfinfo '$M' | grep -q 'Page size: *49[89].[0-9]* x 708.[67][0-9]* pts'"
check "the cover with its logo stays one page on B5" sh -c "pdftotext -f 1 -l 1 '$M' - | tr -d ' ' | grep -q '$(echo "$company" | tr -d ' ')'"
check "the logo is on the cover" sh -c "pdfimages -list -f 1 -l 1 '$M' | awk 'NR > 2 && \$4 == 60 && \$5 == 20' | grep -q ."
check "the body text uses the site's faces" sh -c "pdffonts '$M' | grep -q WenQuanYiZenHei && pdffonts '$M' | grep -q DejaVuSerif"
"$FOLIO" forms --root "$S" -o "$T/os" --fo "$T/fo" XT-KF-CX-004-R01 2>"$T/s2.err"; rc=$?
check "hand-filled rows take the site's row height" sh -c "test $rc -eq 0 && grep -q 'height=\"12mm\"' '$T'/fo/*.fo && ! grep -q 'height=\"8mm\"' '$T'/fo/*.fo"
sed -i 's|<logo src="logo.png"|<logo src="missing.png"|' "$S/site.xml"
"$FOLIO" manual --root "$S" -o "$T/os2" 2>"$T/s3.err"; rc=$?
check "a missing logo is an error naming the file" sh -c "test $rc -eq 1 && grep -q 'missing.png' '$T/s3.err'"

summary
