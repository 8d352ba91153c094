#!/bin/sh
# FO nobody here wrote: Debian's DocBook XSL stylesheets (fo/docbook.xsl)
# applied to a book in English and an article in Chinese, rendered by
# folio and compared with Apache FOP 2.8's rendering of the same FO,
# kept in tests/docbook/*.fop.* (refresh with fop-ref.sh when FOP or the
# stylesheets change).  usage: run.sh FOLIO ; ends with "docbook: …".
LAYER=docbook
. "$(dirname "$0")/../lib.sh" "$1"
D=tests/docbook
XSL=/usr/share/xml/docbook/stylesheet/docbook-xsl/fo/docbook.xsl

for doc in book article-zh; do
	xsltproc --nonet --stringparam paper.type A4 --stringparam fop1.extensions 1 \
		-o "$T/$doc.fo" "$XSL" "$D/$doc.xml" 2>"$T/$doc.xslt.err"
	check "$doc: docbook-xsl makes FO" test -s "$T/$doc.fo"
	"$FOLIO" render "$T/$doc.fo" -o "$T/$doc.pdf" --areas "$T/$doc.areas" 2>"$T/$doc.err"; rc=$?
	check "$doc: folio renders DocBook's FO, exit 0, no error" \
		sh -c "test $rc -eq 0 && ! grep -q 'error:' '$T/$doc.err' || { cat '$T/$doc.err'; false; }"
	check "$doc: no content skipped" sh -c "! grep -E 'skipped|lost' '$T/$doc.err' | grep -v 'element destination'"
	check "$doc: page count within 5 % of FOP's" python3 $D/check.py pages "$T/$doc.pdf" "$D/$doc.fop.pages"
	pdftotext -q "$T/$doc.pdf" "$T/$doc.txt"
	check "$doc: the text FOP draws, folio draws" python3 $D/check.py text "$T/$doc.txt" "$D/$doc.fop.txt"
	check "$doc: every list label on its item's first line" python3 $D/check.py labels "$T/$doc.areas"
	check "$doc: no text outside the page" python3 $D/check.py inside "$T/$doc.areas"
done

# a break-after at the end of the title page's flow starts no blank page
check "book: the title page is followed by the contents, no blank page between" \
	sh -c "pdftotext -q -f 3 -l 3 '$T/book.pdf' - | grep -q 'Table of Contents'"

summary
