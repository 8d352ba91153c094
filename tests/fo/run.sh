#!/bin/sh
# FO that nobody here wrote: pretty-printed DocBook-like output, FOP's own
# constructs.  Nothing is lost without a word: the area tree's text is the
# PDF's text in every test document, and the constructs of the files here
# reach the PDF.  usage: run.sh FOLIO ; ends with "fo: N passed, M failed".
LAYER=fo
. "$(dirname "$0")/../lib.sh"
D=tests/fo

check "every test document: the text of the area tree is the text the PDF draws" \
	python3 tests/pdf/textsame.py "$FOLIO" "$T" tests/layout/*.xml examples/*.fo $D/*.fo

# pdftotext of FILE, white space collapsed, contains TEXT
has() {
	"$FOLIO" render "$D/$1" -o "$T/has.pdf" 2>"$T/has.err" &&
	pdftotext -q "$T/has.pdf" - | tr -s ' \n\f' '  ' | grep -q -F -- "$2"
}
# FILE renders with no warning at all
quiet() {
	"$FOLIO" render "$D/$1" -o "$T/quiet.pdf" 2>"$T/quiet.err" && ! test -s "$T/quiet.err"
}

for f in footnote_leading_space.fo; do
	check "$f: the footnote body reaches the PDF" has $f "FOOTNOTE-BODY"
done
for f in fn-nl-after-body fn-nl-before-body fn-nl-before-inline fn-nl-inside-body \
    fn2-fn-after-ws-in-block fn2-fn-at-start fn2-nospace-before-fn fn2-space-before-fn fn2-spaced-alone; do
	check "$f.fo: the footnote body reaches the PDF" has $f.fo "FNBODY"
	check "$f.fo: no warning" quiet $f.fo
done
check "fn-two-compact.fo: both bodies" has fn-two-compact.fo "FNBODY FNBODY2"
check "p12-fn.fo: three bodies in order" has p12-fn.fo "FNBODY-COMPACT FNBODY-SPACED FNBODY-NESTED"
check "p13-fn.fo: three bodies in order" has p13-fn.fo "FN-LEADING-WS FN-MIDDLE-WS FN-TRAILING-WS"
check "marker in a table cell retrieved" has marker_in_table_cell.fo "HDR:MARKVAL"
check "marker in a fixed-height block-container retrieved" has marker_in_fixed_height_bc.fo "HDR:MARKVAL"
check "marker holding a list, retrieved in a block" has marker_with_list_content.fo "LISTBODY"
check "marker holding a table, retrieved in a block" has marker_with_table_content.fo "TABLECELL"
check "inline-container content painted" has inline_container_not_painted.fo "INSIDE-CONT"
check "p07-ic.fo: three inline-containers painted" sh -c \
	"'$FOLIO' render $D/p07-ic.fo -o '$T/ic.pdf' && test \$(pdftotext -q '$T/ic.pdf' - | grep -c INLINECONT) -eq 3"
check "table inside fo:inline rendered between its parts" has table_in_inline_dropped.fo "part1 TABLE-CONTENT part2"

summary
