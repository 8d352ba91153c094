#!/bin/sh
# Tests of the command line (help, options, exit codes, standard input and
# output), folio forms (--list, choosing, serial numbers across batches) and
# make install (run from another folder, the man page).
# Ends with "cli: N passed, M failed".
LAYER=cli
. "$(dirname "$0")/../lib.sh"
# the messages checked below are the English ones
LC_ALL=C.UTF-8
export LC_ALL
unset LANGUAGE
project() {   # a copy of the project's sources in $1 (without templates/schemas with "bare")
	mkdir -p "$1/docs"
	cp -r "$ROOT/site.xml" "$ROOT/procedures" "$ROOT/cases" "$1/"
	cp -r "$ROOT/docs/content" "$1/docs/"
	[ "$2" = bare ] || cp -r "$ROOT/schemas" "$ROOT/templates" "$1/"
}
P=$T/p
project "$P"

# ---- help ----------------------------------------------------------------------------------
for c in check manual packet forms archive import serve render subset help; do
	check "folio $c --help: its usage on stdout, exit 0" sh -c "'$FOLIO' $c --help >'$T/h1' 2>&1 && grep -q '^usage: folio $c' '$T/h1'"
	check "folio help $c: the same text" sh -c "'$FOLIO' help $c >'$T/h2' 2>&1 && '$FOLIO' $c -h >'$T/h3' && cmp '$T/h2' '$T/h3'"
done
check "folio --help and folio help list every command" sh -c "'$FOLIO' --help >'$T/h4' && '$FOLIO' help >'$T/h5' && cmp '$T/h4' '$T/h5' && for c in check manual packet forms archive render subset; do grep -q \"^  \$c \" '$T/h4' || exit 1; done"
check "folio help NOSUCH: exit 2" sh -c "'$FOLIO' help nosuch 2>'$T/e'; test \$? -eq 2 && grep -q 'unknown command nosuch' '$T/e'"
check "no command: the usage on stderr, exit 2" sh -c "'$FOLIO' 2>'$T/e' >/dev/null; test \$? -eq 2 && grep -q usage '$T/e'"

# ---- options ---------------------------------------------------------------------------------
check "--copies without a number: option needs a value, exit 2" sh -c "'$FOLIO' forms --root '$P' --copies 2>'$T/e'; test \$? -eq 2 && grep -q 'option needs a value: --copies N' '$T/e'"
check "--copies followed by an option: needs a value, exit 2" sh -c "'$FOLIO' forms --root '$P' --copies --serial 2>'$T/e'; test \$? -eq 2 && grep -q 'needs a value' '$T/e'"
check "-o without a folder: needs a value, exit 2" sh -c "'$FOLIO' manual --root '$P' -o 2>'$T/e'; test \$? -eq 2 && grep -q 'needs a value' '$T/e'"
check "--copies=abc: a number is needed, exit 2" sh -c "'$FOLIO' forms --root '$P' --copies=abc 2>'$T/e'; test \$? -eq 2 && grep -q 'needs a number from 1 to 10000' '$T/e'"
check "--jobs 0: a number from 1 is needed, exit 2" sh -c "'$FOLIO' packet --root '$P' --jobs 0 cases/ 2>'$T/e'; test \$? -eq 2 && grep -q 'jobs needs a number from 1 to 256' '$T/e'"
check "a flag given a value: exit 2" sh -c "'$FOLIO' forms --root '$P' --combined=yes 2>'$T/e'; test \$? -eq 2 && grep -q 'takes no value' '$T/e'"
check "an unknown option: exit 2, not taken for a file" sh -c "'$FOLIO' check --nosuch 2>'$T/e'; test \$? -eq 2 && grep -q 'unknown option --nosuch' '$T/e'"
"$FOLIO" forms --root="$P" --output="$T/eq" --copies=2 -q XT-KF-CX-004-R01 2>"$T/q.err"; rc=$?
check "--opt=value, -q: written, no progress lines" sh -c "test $rc -eq 0 && test -s '$T/eq/forms/XT-KF-CX-004-R01-x2.pdf' && test ! -s '$T/q.err'"
check "-oDIR joined" sh -c "'$FOLIO' forms --root '$P' -o'$T/j' -q XT-KF-CX-004-R01 && test -s '$T/j/forms/XT-KF-CX-004-R01.pdf'"
check "-v says which folders are used" sh -c "'$FOLIO' check --root '$P' -v 2>&1 | grep -q 'sources from $P; templates and schemas from $P'"
check "-- ends the options: -x.xml is a case file" sh -c "'$FOLIO' packet --root '$P' -o '$T/dd' -- -x.xml 2>'$T/e'; test \$? -eq 1 && grep -q -- '-x.xml' '$T/e' && ! grep -q 'unknown option' '$T/e'"

# ---- standard input and output ---------------------------------------------------------------
"$FOLIO" packet --root "$P" -o "$T/si" - <"$P/cases/2024-002.xml" 2>"$T/si.err"; rc=$?
check "a case on standard input (-): its packet, named by its id" sh -c "test $rc -eq 0 && test -s '$T/si/packets/2024-002/packet.pdf' || { cat '$T/si.err'; false; }"
printf '<case xmlns="urn:folio:case" id="2024-009">\n<oops>\n' | "$FOLIO" packet --root "$P" -o "$T/si2" - 2>"$T/si2.err"; rc=$?
check "a bad case on standard input: errors name <stdin> and its line, nothing written" sh -c "test $rc -eq 1 && grep -q '^<stdin>:[0-9]*:[0-9]*: error' '$T/si2.err' && ! grep -q folio-stdin '$T/si2.err' && test ! -e '$T/si2/packets/2024-009'"
(cd "$T" && "$FOLIO" manual --root "$P" -o - >"$T/m.pdf" 2>"$T/m.err"); rc=$?
check "manual -o -: the PDF on standard output, no folder named -" sh -c "test $rc -eq 0 && pdfinfo '$T/m.pdf' >/dev/null && test ! -e '$T/-' && test ! -e '$P/-'"
(cd "$T" && "$FOLIO" forms --root "$P" --combined -o - XT-KF-CX-004-R01 >"$T/f.pdf" 2>/dev/null); rc=$?
check "forms --combined -o -: the PDF on standard output" sh -c "test $rc -eq 0 && pdfinfo '$T/f.pdf' | grep -q 'Pages: *[1-9]' && test ! -e '$T/-'"
(cd "$T" && "$FOLIO" packet --root "$P" -o - "$P/cases/2024-001.xml" 2>"$T/e"); rc=$?
check "packet -o -: several files cannot go to standard output, exit 2, no folder -" sh -c "test $rc -eq 2 && test ! -e '$T/-' && grep -q 'standard output' '$T/e'"

# ---- progress of a long document -------------------------------------------------------------
# A job reports only after FOLIO_PROGRESS_DELAY seconds (default 2; tests/run.sh sets it
# far off so that no other test's stderr depends on the machine's speed): 0 reports at once.
EX=$ROOT/examples/procedures.fo
FOLIO_PROGRESS_DELAY=0 "$FOLIO" render "$EX" -o "$T/pg.pdf" 2>"$T/pg.err"; rc=$?
check "render, not a terminal: plain progress lines on stderr (text, pages, writing)" sh -c "test $rc -eq 0 &&
	grep -Eq '^composing the text: [0-9]+%\$' '$T/pg.err' &&
	grep -Eq '^pages laid out: [0-9]+\$' '$T/pg.err' &&
	grep -Eq '^writing the PDF: page [0-9]+ of 14\$' '$T/pg.err' &&
	! grep -q \"\$(printf '\\r')\" '$T/pg.err' && ! grep -q \"\$(printf '\\033')\" '$T/pg.err'"
check "render: the page counts of the progress lines are those of the PDF" sh -c "pdfinfo '$T/pg.pdf' | grep -q 'Pages: *14\$' && test \"\$(sed -n 's/^pages laid out: //p' '$T/pg.err' | sort -n | tail -1)\" -le 14"
FOLIO_PROGRESS_DELAY=0 "$FOLIO" render -q "$EX" -o "$T/pq.pdf" 2>"$T/pq.err"; rc=$?
check "render -q: no progress, the same PDF" sh -c "test $rc -eq 0 && test ! -s '$T/pq.err' && cmp '$T/pg.pdf' '$T/pq.pdf'"
env -u FOLIO_PROGRESS_DELAY "$FOLIO" render "$EX" -o "$T/pd.pdf" 2>"$T/pd.err"; rc=$?
check "render of a short document: no progress (the default waits 2 s)" sh -c "test $rc -eq 0 && test ! -s '$T/pd.err'"
env -u LC_ALL -u LC_MESSAGES -u LANGUAGE LANG=zh_CN.UTF-8 FOLIO_PROGRESS_DELAY=0 "$FOLIO" render "$EX" -o "$T/pz.pdf" 2>"$T/pz.err"
check "render in Chinese: 已排 N 页" grep -Eq '^已排 [0-9]+ 页$' "$T/pz.err"
FOLIO_PROGRESS_DELAY=0 "$FOLIO" forms --root "$P" --combined --copies 3 -o "$T/pc" XT-KF-CX-004-R01 2>"$T/pc.err"; rc=$?
n=$(pdfinfo "$T"/pc/forms/*.pdf 2>/dev/null | sed -n 's/^Pages: *//p')
check "forms --combined: progress lines up to its last page, then wrote" sh -c "test $rc -eq 0 && test -n '$n' &&
	grep -q '^writing the PDF: page [0-9]* of $n\$' '$T/pc.err' && tail -1 '$T/pc.err' | grep -q '^folio: wrote '"
FOLIO_PROGRESS_DELAY=0 "$FOLIO" forms --root "$P" --combined --copies 3 -q -o "$T/pcq" XT-KF-CX-004-R01 2>"$T/pcq.err"; rc=$?
check "forms --combined -q: nothing on stderr" sh -c "test $rc -eq 0 && test ! -s '$T/pcq.err'"
FOLIO_PROGRESS_DELAY=0 "$FOLIO" manual --root "$P" -o "$T/pm" 2>"$T/pm.err"; rc=$?
check "manual: progress lines, then wrote" sh -c "test $rc -eq 0 && grep -Eq '^pages laid out: [0-9]+\$' '$T/pm.err' && grep -q '^writing the PDF: page' '$T/pm.err'"

# ---- exit codes --------------------------------------------------------------------------------
: >"$T/afile"
for job in "manual" "forms XT-KF-CX-004-R01" "packet $P/cases/2024-001.xml"; do
	check "folio ${job%% *}: an output folder that is a file: exit 3" sh -c "'$FOLIO' $job --root '$P' -o '$T/afile' 2>'$T/e'; test \$? -eq 3 && grep -q 'afile' '$T/e'"
	check "folio ${job%% *}: an output folder that cannot be made: exit 3" sh -c "'$FOLIO' $job --root '$P' -o /proc/folio-out 2>'$T/e'; test \$? -eq 3"
done
check "an input error: exit 1" sh -c "'$FOLIO' packet --root '$P' -o '$T/x1' '$T/nosuch.xml' 2>/dev/null; test \$? -eq 1"

# ---- forms: list, choose, serial numbers -----------------------------------------------------------
"$FOLIO" forms --root "$P" --list >"$T/list" 2>"$T/list.err"; rc=$?
check "forms --list: one line per form and a heading" sh -c "test $rc -eq 0 && test \$(wc -l <'$T/list') -eq \$((\$(ls '$P'/procedures/forms/*.xml | wc -l) + 1))"
check "forms --list: printed number, id, pages, parts, Chinese name" grep -Eq '^WB/XT-KF-JL-009-01 +XT-KF-CX-009-R01 +1 +3  物品放行条$' "$T/list"
check "forms --list: a two-page form has 2 pages" grep -Eq '^WB/XT-KF-JL-001-02 +XT-KF-CX-001-R02 +2 +1  ' "$T/list"
check "forms --list: no layout warnings" test ! -s "$T/list.err"
for w in XT-KF-CX-009-R01 WB/XT-KF-JL-009-01 物品放行条 放行条; do
	check "choose a form by \"$w\"" sh -c "'$FOLIO' forms --root '$P' --list '$w' | tail -n +2 | grep -c . | grep -qx 1 && '$FOLIO' forms --root '$P' --list '$w' | grep -q XT-KF-CX-009-R01"
done
check "a part of a name that names several forms: an error listing them" sh -c "'$FOLIO' forms --root '$P' --list 登记 2>'$T/e'; test \$? -eq 1 && grep -q 'names [0-9]* forms' '$T/e' && grep -q XT-KF-CX-013-R01 '$T/e'"
S=$T/s
project "$S"
"$FOLIO" forms --root "$S" -o "$T/b" -q --copies 3 --serial 物品放行条; rc1=$?
"$FOLIO" forms --root "$S" -o "$T/b" -q --copies 2 --serial 物品放行条; rc2=$?
check "two numbered batches: the files carry the form and the ranges" sh -c "test $rc1 -eq 0 -a $rc2 -eq 0 && test -s '$T/b/forms/XT-KF-CX-009-R01-No000001-000003.pdf' && test -s '$T/b/forms/XT-KF-CX-009-R01-No000004-000005.pdf'"
check "the second batch continues the numbers (000004, 000005), never repeats them" sh -c "pdftotext '$T/b/forms/XT-KF-CX-009-R01-No000004-000005.pdf' - | grep -o '00000[0-9]' | sort -u | tr '\n' ' ' | grep -qx '000004 000005 '"
check "the counter is kept per form" sh -c "grep -qx 'XT-KF-CX-009-R01 6' '$S/form-serials.txt' && ! grep -q 'XT-KF-CX-004' '$S/form-serials.txt'"
check "--serial-start below the issued numbers: refused, nothing written" sh -c "'$FOLIO' forms --root '$S' -o '$T/b2' --serial-start 3 物品放行条 2>'$T/e'; test \$? -eq 1 && grep -q 'must be 6 or more' '$T/e' && test ! -e '$T/b2/forms/XT-KF-CX-009-R01-No000003-000003.pdf'"
"$FOLIO" forms --root "$S" -o "$T/b" -q --serial-start 100 --copies 2 XT-KF-CX-004-R01; rc=$?
check "--serial-start 100: numbered from 000100, the counter moves on" sh -c "test $rc -eq 0 && test -s '$T/b/forms/XT-KF-CX-004-R01-No000100-000101.pdf' && grep -qx 'XT-KF-CX-004-R01 102' '$S/form-serials.txt'"
cp "$S/form-serials.txt" "$T/keep"
"$FOLIO" forms --root "$S" -o "$T/afile" -q --serial 物品放行条 2>/dev/null
check "a batch that is not written does not use up numbers" cmp "$S/form-serials.txt" "$T/keep"
echo "XT-KF-CX-009-R01 six" >>"$S/form-serials.txt"
check "a damaged counter file: an error with its line, no batch" sh -c "'$FOLIO' forms --root '$S' -o '$T/b3' --serial 物品放行条 2>'$T/e'; test \$? -eq 1 && grep -q 'form-serials.txt:[0-9]*: error' '$T/e'"

# ---- make install, run from another folder -------------------------------------------------------
D=$T/dest
(cd "$ROOT" && ${MAKE:-make} --no-print-directory -s install PREFIX=/usr DESTDIR="$D" BUILD="${BUILD:-release}") >"$T/inst.log" 2>&1; rc=$?
check "make install PREFIX=/usr DESTDIR=…" sh -c "test $rc -eq 0 || { cat '$T/inst.log'; false; }"
check "installed: the binary, templates, schemas, documents, example site file, man page" sh -c "test -x '$D/usr/bin/folio' && test -s '$D/usr/share/folio/templates/job.xsl' && test -s '$D/usr/share/folio/schemas/site.rng' && test -s '$D/usr/share/folio/content/customer-handbook.xml' && test -s '$D/usr/share/folio/site.xml' && test -s '$D/usr/share/man/man1/folio.1'"
check "installed: the translations" sh -c "ls '$D'/usr/share/locale/*/LC_MESSAGES/folio.mo >/dev/null"
check "the man page lints clean (mandoc -T lint)" sh -c "mandoc -T lint '$D/usr/share/man/man1/folio.1' && test -z \"\$(mandoc -T lint '$D/usr/share/man/man1/folio.1' 2>&1)\""
check "the man page names every command" sh -c "mandoc -T ascii '$D/usr/share/man/man1/folio.1' | sed 's/.\x08//g' >'$T/man.txt' && for c in check manual packet forms archive import serve render subset help; do grep -q \"folio \$c\" '$T/man.txt' || exit 1; done"
B=$T/bare
project "$B" bare
W=$T/elsewhere
mkdir -p "$W"
(cd "$B" && "$D/usr/bin/folio" check -v) >"$T/i1" 2>&1; rc=$?
check "installed folio in a project without templates: check uses share/folio" sh -c "test $rc -eq 0 && grep -q 'templates and schemas from $D/usr/share/folio' '$T/i1' || { cat '$T/i1'; false; }"
(cd "$W" && FOLIO_ROOT="$B" "$D/usr/bin/folio" manual -q) >"$T/i2" 2>&1; rc=$?
check "from another folder with FOLIO_ROOT: the manual" sh -c "test $rc -eq 0 && ls '$B'/output/manual/*.pdf >/dev/null || { cat '$T/i2'; false; }"
(cd "$W" && "$D/usr/bin/folio" packet --root "$B" -q "$B/cases/2024-001.xml") >"$T/i3" 2>&1; rc=$?
check "from another folder with --root: a packet" sh -c "test $rc -eq 0 && test -s '$B/output/packets/2024-001/packet.pdf' || { cat '$T/i3'; false; }"
rm -rf "$B/docs"
(cd "$B" && "$D/usr/bin/folio" packet -q -o "$T/i4o" cases/2024-001.xml) >"$T/i4" 2>&1; rc=$?
check "a project without docs/content: the installed documents" sh -c "test $rc -eq 0 && test -s '$T/i4o/packets/2024-001/01-customer-handbook.pdf' || { cat '$T/i4'; false; }"
rm "$B/site.xml"
(cd "$B" && "$D/usr/bin/folio" forms -q -o "$T/i5o" XT-KF-CX-004-R01) >"$T/i5" 2>&1; rc=$?
check "no site.xml in the project: the installed example, with a warning" sh -c "test $rc -eq 0 && grep -q 'warning: .*site.xml not found' '$T/i5'"
(cd "$W" && "$D/usr/bin/folio" check) >"$T/i6" 2>&1; rc=$?
check "an empty folder: an error, not a crash" sh -c "test $rc -eq 1 -o $rc -eq 2"
(cd "$W" && "$D/usr/bin/folio" --version) >"$T/i7" 2>&1
check "the installed binary runs from anywhere" grep -q '^folio ' "$T/i7"

summary
