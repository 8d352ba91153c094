#!/bin/sh
# Hostile and unusual inputs and outputs: output paths that are devices,
# FIFOs or symbolic links, full disks, signals, FIFOs and devices as
# inputs, entity bombs and external entities (docs/security.md).
# usage: run.sh FOLIO ; ends with "hardening: N passed, M failed".
LAYER=hardening
. "$(dirname "$0")/../lib.sh"
H=$ROOT/tests/hardening

FO=$H/fo-internal-entity.fo

# ---- output paths ---------------------------------------------------------------------
# The devices are reached through links in $T, never named directly: a
# folio that replaced what it writes to would replace the link, not the
# machine's /dev/null or /dev/full.
mkdir -p "$T/o"
ln -s /dev/null "$T/o/null"
ln -s /dev/full "$T/o/full"
"$FOLIO" render "$FO" -o "$T/o/ref.pdf" 2>/dev/null

# a FIFO is written through, not replaced by a file
mkfifo "$T/o/out.fifo"
timeout 30 cat "$T/o/out.fifo" > "$T/o/fifo.pdf" &
reader=$!
timeout 30 "$FOLIO" render "$FO" -o "$T/o/out.fifo" 2>"$T/o/fifo.err"
rc=$?
wait $reader
check "-o FIFO: written through; the FIFO stays a FIFO" sh -c "test $rc -eq 0 && test -p '$T/o/out.fifo' && cmp '$T/o/ref.pdf' '$T/o/fifo.pdf'"

# a character device is written directly, never replaced
"$FOLIO" render "$FO" -o "$T/o/null" 2>"$T/o/null.err"
rc=$?
check "-o a link to /dev/null: the device is written, the link stays" sh -c "test $rc -eq 0 && test -L '$T/o/null' && test -c '$T/o/null' && ! test -s '$T/o/null.err'"

# /proc/self/fd/1 (what /dev/stdout links to) is opened and written, never replaced
"$FOLIO" render "$FO" -o /proc/self/fd/1 2>/dev/null | cat > "$T/o/pipe.pdf"
"$FOLIO" render "$FO" -o /proc/self/fd/1 > "$T/o/redirected.pdf" 2>/dev/null
rc=$?
check "-o /proc/self/fd/1: the PDF reaches a pipe and a redirected file" \
	sh -c "test $rc -eq 0 && cmp '$T/o/ref.pdf' '$T/o/pipe.pdf' && cmp '$T/o/ref.pdf' '$T/o/redirected.pdf'"

# a symbolic link: the file it names is written, the link stays
echo old > "$T/o/real.pdf"
ln -s real.pdf "$T/o/link.pdf"
"$FOLIO" render "$FO" -o "$T/o/link.pdf" 2>/dev/null
rc=$?
check "-o SYMLINK: the link stays a link to the same file, which holds the PDF" sh -c "test $rc -eq 0 && test -L '$T/o/link.pdf' && test \"\$(readlink '$T/o/link.pdf')\" = real.pdf && cmp '$T/o/ref.pdf' '$T/o/real.pdf' && test -z \"\$(ls '$T/o' | grep tmp)\""
ln -s nowhere/x.pdf "$T/o/dangling.pdf"
"$FOLIO" render "$FO" -o "$T/o/dangling.pdf" 2>"$T/o/dangling.err"
rc=$?
check "-o to a link to nothing: refused (exit 3), the link stays" sh -c "test $rc -eq 3 && test -L '$T/o/dangling.pdf' && grep -q 'dangling.pdf: error: cannot write: is a symbolic link to a file that does not exist' '$T/o/dangling.err'"

# an existing file keeps its permission bits
"$FOLIO" render "$FO" -o "$T/o/mode.pdf" 2>/dev/null
chmod 640 "$T/o/mode.pdf"
"$FOLIO" render "$FO" -o "$T/o/mode.pdf" 2>/dev/null
check "replacing a file keeps its mode" test "$(stat -c %a "$T/o/mode.pdf")" = 640

mkdir "$T/o/dir.pdf"
"$FOLIO" render "$FO" -o "$T/o/dir.pdf" 2>"$T/o/dir.err"
rc=$?
check "-o FOLDER: exit 3, named" sh -c "test $rc -eq 3 && grep -q 'dir.pdf: error: cannot write: is a folder' '$T/o/dir.err' && test -d '$T/o/dir.pdf'"

# a full disk: exit 3 with the path and the reason
"$FOLIO" render "$FO" -o "$T/o/full" 2>"$T/o/full.err"
rc=$?
check "-o /dev/full (through a link): exit 3, 'No space left on device'" sh -c "test $rc -eq 3 && grep -q 'o/full: error: cannot write: No space left on device' '$T/o/full.err' && ! grep -q 'libharu' '$T/o/full.err' && test -L '$T/o/full'"
"$FOLIO" render "$FO" -o - >/dev/full 2>"$T/o/stdout.err"
rc=$?
check "-o - on a full disk: exit 3 with a message" sh -c "test $rc -eq 3 && grep -q 'error: cannot write to standard output: No space left on device' '$T/o/stdout.err'"
"$FOLIO" render "$FO" --areas "$T/o/full" 2>"$T/o/areas.err"
rc=$?
check "--areas /dev/full (through a link): exit 3 with a message" sh -c "test $rc -eq 3 && grep -q 'o/full: error: cannot write: No space left on device' '$T/o/areas.err'"
"$FOLIO" render "$FO" -o "$T/o/no/such/dir/x.pdf" 2>"$T/o/nodir.err"
rc=$?
check "-o into a missing folder: exit 3, 'No such file or directory'" sh -c "test $rc -eq 3 && grep -q 'x.pdf: error: cannot write: No such file or directory' '$T/o/nodir.err'"

# the document-set jobs: a folder that cannot be made is exit 3, named
echo file > "$T/o/plain"
"$FOLIO" packet --root "$ROOT" -o "$T/o/pk" --fo "$T/o/plain/fo" "$ROOT/cases/2024-001.xml" 2>"$T/o/packet.err"
rc=$?
check "packet --fo under a file: exit 3, the folder and the reason named, no packet" \
	sh -c "test $rc -eq 3 && grep -q 'plain/fo: error: cannot create the folder: Not a directory' '$T/o/packet.err' && test -z \"\$(ls -A '$T/o/pk/packets')\""
"$FOLIO" manual --root "$ROOT" -o "$T/o/mk" --fo "$T/o/plain/fo" 2>"$T/o/manual.err"
rc=$?
check "manual --fo under a file: exit 3, the folder and the reason named" \
	sh -c "test $rc -eq 3 && grep -q 'plain/fo: error: cannot create the folder: Not a directory' '$T/o/manual.err'"

# ---- temporaries removed on SIGINT and SIGTERM ------------------------------------------
python3 - "$T/big.fo" <<'PY'
import sys
para = "客户服务中心负责受理业主和租户的各类咨询、报修及投诉，并在规定时限内回复处理结果。" * 6
with open(sys.argv[1], "w", encoding="utf-8") as f:
    f.write('<fo:root xmlns:fo="http://www.w3.org/1999/XSL/Format" language="zh"><fo:layout-master-set><fo:simple-page-master master-name="p" page-width="210mm" page-height="297mm" margin="20mm"><fo:region-body/></fo:simple-page-master></fo:layout-master-set><fo:page-sequence master-reference="p"><fo:flow flow-name="xsl-region-body">')
    for i in range(10000):
        f.write('<fo:block space-after="4pt" border="0.5pt solid black" background-color="#eeeeee">%d %s</fo:block>' % (i, para))
    f.write('</fo:flow></fo:page-sequence></fo:root>')
PY
# kill -SIG a run while its temporary exists (signal names: INT, TERM)
killed_run() {
	sig=$1 dir=$2 pattern=$3
	shift 3
	env --default-signal="$sig" "$@" 2>/dev/null &
	pid=$!
	seen=0
	i=0
	while [ $i -lt 1200 ]; do
		if ls -a "$dir" 2>/dev/null | grep -q "$pattern"; then seen=1; break; fi
		kill -0 $pid 2>/dev/null || break
		sleep 0.05
		i=$((i + 1))
	done
	kill -"$sig" $pid 2>/dev/null
	wait $pid
	status=$?
} 2>/dev/null
mkdir -p "$T/sig"
killed_run INT "$T/sig" 'big\.pdf\.tmp' "$FOLIO" render "$T/big.fo" -o "$T/sig/big.pdf"
check "SIGINT while the PDF is written: the run ends by the signal and leaves no temporary" \
	sh -c "test $seen -eq 1 && test $status -eq 130 && test -z \"\$(ls -a '$T/sig' | grep -e tmp -e big.pdf)\""
killed_run TERM "$T/sig" 'big\.pdf\.tmp' "$FOLIO" render "$T/big.fo" -o "$T/sig/big.pdf"
check "SIGTERM while the PDF is written: no temporary left" \
	sh -c "test $seen -eq 1 && test $status -eq 143 && test -z \"\$(ls -a '$T/sig' | grep -e tmp -e big.pdf)\""
killed_run TERM "$T/sig/out/packets" '^\.2024-001\.tmp' "$FOLIO" packet --root "$ROOT" -o "$T/sig/out" "$ROOT/cases/2024-001.xml"
check "SIGTERM during a packet: no .ID.tmpPID folder left" \
	sh -c "test $seen -eq 1 && test $status -eq 143 && test -z \"\$(ls -a '$T/sig/out/packets' | grep tmp)\""

# ---- inputs that are not regular files ---------------------------------------------------
mkdir -p "$T/in"
cp "$H/fifo-src.fo" "$T/in/"
mkfifo "$T/in/fifo"
timeout 20 "$FOLIO" render "$T/in/fifo-src.fo" -o "$T/in/fifo.pdf" 2>"$T/in/fifo.err"
rc=$?
check "an external-graphic naming a FIFO does not hang: a warning with file:line, a placeholder" \
	sh -c "test $rc -eq 0 && grep -q 'fifo-src.fo:1: warning: fo:external-graphic src=\"fifo\": is a FIFO, not a regular file; a placeholder is drawn' '$T/in/fifo.err' && pdftotext '$T/in/fifo.pdf' - | tr -d ' \\n' | grep -q 'img::end'"
sed 's|src="fifo"|src="/dev/zero"|' "$H/fifo-src.fo" > "$T/in/zero-src.fo"
timeout 20 "$FOLIO" render "$T/in/zero-src.fo" -o "$T/in/zero.pdf" 2>"$T/in/zero.err"
check "an external-graphic naming /dev/zero is refused before reading" \
	grep -q 'zero-src.fo:1: warning: fo:external-graphic src="/dev/zero": is a character device, not a regular file' "$T/in/zero.err"
timeout 20 "$FOLIO" render /dev/zero -o "$T/in/z.pdf" 2>"$T/in/zfo.err"
rc=$?
check "an FO file that is /dev/zero: refused at once (exit 1)" \
	sh -c "test $rc -eq 1 && grep -q '^/dev/zero: error: cannot read: is a character device, not a regular file' '$T/in/zfo.err' && ! test -e '$T/in/z.pdf'"
timeout 20 "$FOLIO" render "$T/in/fifo" -o "$T/in/f.pdf" 2>"$T/in/ffo.err"
rc=$?
check "an FO file that is a FIFO: refused, no hang" \
	sh -c "test $rc -eq 1 && grep -q 'fifo: error: cannot read: is a FIFO, not a regular file' '$T/in/ffo.err'"
mkfifo "$T/in/case.xml"
timeout 20 "$FOLIO" packet --root "$ROOT" -o "$T/in/pk" "$T/in/case.xml" 2>"$T/in/case.err"
rc=$?
check "a case that is a FIFO: refused, no hang" \
	sh -c "test $rc -eq 1 && grep -q 'case.xml: error: cannot read: is a FIFO, not a regular file' '$T/in/case.err'"
python3 "$ROOT/tests/mkimages.py" "$T/in/img" >/dev/null
printf '<fo:root xmlns:fo="http://www.w3.org/1999/XSL/Format"><fo:layout-master-set><fo:simple-page-master master-name="p" page-width="200pt" page-height="200pt" margin="20pt"><fo:region-body/></fo:simple-page-master></fo:layout-master-set>\n<fo:page-sequence master-reference="p"><fo:flow flow-name="xsl-region-body"><fo:block>\nimage:\n<fo:external-graphic src="img/corrupt.png"/></fo:block></fo:flow></fo:page-sequence></fo:root>\n' > "$T/in/corrupt.fo"
"$FOLIO" render "$T/in/corrupt.fo" -o "$T/in/corrupt.pdf" 2>"$T/in/corrupt.err"
check "the PDF writer's image warnings name the FO file and line" \
	grep -q 'corrupt.fo:4: warning: image img/corrupt.png cannot be embedded' "$T/in/corrupt.err"

# ---- one XML policy: internal entities, no external ones --------------------------------
"$FOLIO" render "$FO" -o "$T/ent.pdf" 2>"$T/ent.err"
check "internal entities of an FO file are substituted (none of their text lost)" \
	sh -c "pdftotext '$T/ent.pdf' - | tr -s ' \\n' '  ' | grep -q 'Managed by ACME Property & friends 中'"

project() {   # a copy of the project's sources in $1, with no cases
	mkdir -p "$1/docs" "$1/cases"
	cp -r "$ROOT/site.xml" "$ROOT/procedures" "$ROOT/schemas" "$ROOT/templates" "$1/"
	cp -r "$ROOT/docs/content" "$1/docs/"
}
P=$T/proj
project "$P"
# the sample case with, as in the reports: an entity whose expansion trips
# libxml2's amplification guard (the customer's name), and an external
# entity naming a file beside the case
python3 - "$ROOT/cases/2024-001.xml" "$P/cases" <<'PY'
import sys, re
s = open(sys.argv[1], encoding="utf-8").read()
decl, rest = s.split("\n", 1)
bomb = decl + '\n<!DOCTYPE case [<!ENTITY a "' + " " * 10000 + '">]>\n' + rest
bomb = re.sub(r"<name-zh>[^<]*</name-zh>", "<name-zh>云帆" + "&a;" * 3000 + "</name-zh>", bomb, count=1)
open(sys.argv[2] + "/case-entity-amplification.xml", "w", encoding="utf-8").write(bomb)
xxe = decl + '\n<!DOCTYPE case [<!ENTITY xxe SYSTEM "secret.txt">]>\n' + rest
xxe = re.sub(r"<name-zh>[^<]*</name-zh>", "<name-zh>云帆&xxe;公司</name-zh>", xxe, count=1)
open(sys.argv[2] + "/xxe.xml", "w", encoding="utf-8").write(xxe)
PY
L=$(grep -n '<name-zh>' "$P/cases/xxe.xml" | head -1 | cut -d: -f1)
mv "$P/cases/xxe.xml" "$T/case-xxe.xml"
"$FOLIO" check --root "$P" 2>"$T/bomb-check.err"
rc=$?
check "check: an entity bomb in a case is an error with file:line:col (exit 1)" \
	sh -c "test $rc -eq 1 && grep -q 'cases/case-entity-amplification.xml:$L:[0-9]*: error: Detected an entity reference loop' '$T/bomb-check.err'"
check "check: the entity bomb is reported once" test "$(grep -c 'entity reference loop' "$T/bomb-check.err")" -eq 1
"$FOLIO" packet --root "$P" -o "$T/bomb-out" "$P/cases/case-entity-amplification.xml" 2>"$T/bomb-packet.err"
rc=$?
check "packet: an entity bomb in a case is an error, no blank packet" \
	sh -c "test $rc -eq 1 && grep -q 'case-entity-amplification.xml:$L:[0-9]*: error: Detected an entity reference loop' '$T/bomb-packet.err' && test -z \"\$(ls -A '$T/bomb-out/packets' 2>/dev/null)\""

rm "$P/cases/case-entity-amplification.xml"
mv "$T/case-xxe.xml" "$P/cases/"
echo "SECRET-7f3a9c-must-not-leak" > "$P/cases/secret.txt"
"$FOLIO" check --root "$P" 2>"$T/xxe-check.err"
rc=$?
check "check: an external entity in a case is an error with file:line:col" \
	sh -c "test $rc -eq 1 && grep -q 'cases/case-xxe.xml:$L:[0-9]*: error: external entity \".*secret.txt\" not read' '$T/xxe-check.err'"
"$FOLIO" packet --root "$P" -o "$T/xxe-out" --fo "$T/xxe-fo" "$P/cases/case-xxe.xml" 2>"$T/xxe-packet.err"
rc=$?
check "packet: an external entity in a case stops the packet; the file's text appears nowhere" \
	sh -c "test $rc -eq 1 && grep -q 'case-xxe.xml:$L:[0-9]*: error: external entity' '$T/xxe-packet.err' && ! grep -rqa 'SECRET-7f3a9c' '$T/xxe-out' '$T/xxe-fo' '$T/xxe-packet.err' 2>/dev/null"
rm "$P/cases/case-xxe.xml" "$P/cases/secret.txt"

# a document read by a template's document() (here the issued revision the
# manual compares with) is parsed the same way: a bomb there stops the
# manual with an error, never a manual without that procedure's history
python3 - "$P/procedures" <<'PY'
import sys
d = sys.argv[1]
p = d + "/manual.xml"
s = open(p).read()
s = s.replace('<version edition="1" revision="0"/>', '<version edition="1" revision="1"/>')
s = s.replace('<effective date="2011-06-01"/>', '<effective date="2012-03-01"/>')
s = s.replace('</revision>\n  </revisions>', '</revision>\n    <revision edition="1" revision="1" effective="2012-03-01"><summary>修订。</summary><reviser>客服部经理</reviser><reviewer>项目总经理</reviewer></revision>\n  </revisions>')
open(p, "w").write(s)
p = d + "/issued/E1R0/XT-KF-CX-003.xml"
s = open(p).read()
s = s.replace('<?xml version="1.0" encoding="UTF-8"?>\n', '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE procedure [<!ENTITY a "' + "x" * 10000 + '">]>\n', 1)
i = s.index('<title>') + len('<title>')
s = s[:i] + "&a;" * 3000 + s[i:]
open(p, "w").write(s)
PY
"$FOLIO" check --root "$P" 2>/dev/null
check "(the revised sources are valid)" test $? -eq 0
"$FOLIO" manual --root "$P" -o "$T/rev-out" 2>"$T/rev.err"
rc=$?
L=$(grep -n 'document(concat($previous, @href), $m)' "$ROOT/templates/manual.xsl" | head -1 | cut -d: -f1)
check "manual: a bomb in a document() the template reads is an error with file:line, exit 1, no PDF" \
	sh -c "test $rc -eq 1 && grep -q 'issued/E1R0/XT-KF-CX-003.xml:4:[0-9]*: error: Detected an entity reference loop' '$T/rev.err' && grep -q 'templates/manual.xsl:[0-9]*: error: document(.*XT-KF-CX-003.xml.) has errors' '$T/rev.err' && test -z \"\$(ls '$T/rev-out/manual' 2>/dev/null)\""

# libxslt's messages: the line out of the message text into the location
P2=$T/proj2
project "$P2"
L=$(grep -n '<xsl:template match="/">' "$P2/templates/manual.xsl" | head -1 | cut -d: -f1)
sed -i "${L}a <xsl:value-of select=\"count(1, 2)\"/>" "$P2/templates/manual.xsl"
L=$((L + 1))
"$FOLIO" manual --root "$P2" -o "$T/x-out" 2>"$T/xslt.err"
rc=$?
check "a template's runtime error: file:line: error: message, once" \
	sh -c "test $rc -eq 1 && grep -q 'templates/manual.xsl:$L: error: Invalid number of arguments' '$T/xslt.err' && test \$(grep -c 'Invalid number of arguments' '$T/xslt.err') -eq 1 && ! grep -q 'runtime error: file' '$T/xslt.err'"

# ---- out of memory: exit 1 with what was being made, nothing written, never an abort ----------
python3 - "$T/huge.fo" <<'PY'
import sys
s = "物业管理处客户服务部负责受理业主和租户的投诉、报修与咨询，并按规定时限回复。" * 3
with open(sys.argv[1], "w") as f:
    f.write('<?xml version="1.0" encoding="UTF-8"?>\n<fo:root xmlns:fo="http://www.w3.org/1999/XSL/Format">'
            '<fo:layout-master-set><fo:simple-page-master master-name="A4" page-width="210mm" page-height="297mm" margin="20mm">'
            '<fo:region-body/></fo:simple-page-master></fo:layout-master-set>\n'
            '<fo:page-sequence master-reference="A4"><fo:flow flow-name="xsl-region-body">\n')
    f.write("".join('<fo:block font-family="serif" space-after="6pt">%d. %s</fo:block>\n' % (i, s) for i in range(40000)))
    f.write("</fo:flow></fo:page-sequence></fo:root>\n")
PY
mkdir -p "$T/oom"
# (AddressSanitizer reserves terabytes of address space: ulimit -v is for the plain builds)
case "$FOLIO" in */asan/*) ;; *)
# 250 MB of address space: enough to start and to render a page, not for 16 MB of FO (about 1,000 pages)
(ulimit -v 250000; "$FOLIO" render "$ROOT/examples/payment-notice.fo" -o "$T/oom/small.pdf" 2>"$T/oom/small.err")
check "(under the memory limit a small document renders)" sh -c "test -s '$T/oom/small.pdf'"
(ulimit -v 250000; "$FOLIO" render "$T/huge.fo" -o "$T/oom/huge.pdf" 2>"$T/oom/huge.err")
rc=$?
check "out of memory: exit 1, 'out of memory while' what, no file and no temporary left" sh -c "test $rc -eq 1 &&
	grep -q '^folio: error: out of memory while [a-z]* .*huge.fo' '$T/oom/huge.err' &&
	test \$(ls -A '$T/oom' | grep -v '^small' | grep -v '\.err$' | wc -l) -eq 0"
;; esac

summary
