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

# the index: with fop1.extensions DocBook cites every indexterm by its own
# page-number-citation (duplicates and all, as FOP prints them); with
# xep.extensions it writes RenderX's rx:page-index, which folio reads as
# XSL 1.1's citation list: pages merged into ranges, linked back
xsltproc --nonet --stringparam paper.type A4 --stringparam xep.extensions 1 \
	-o "$T/book-xep.fo" "$XSL" "$D/book.xml" 2>/dev/null
"$FOLIO" render "$T/book-xep.fo" -o "$T/book-xep.pdf" --areas "$T/book-xep.areas" 2>"$T/book-xep.err"
pdftotext -q "$T/book-xep.pdf" "$T/book-xep.txt"
check "book: fop1.extensions index cites each term's pages, as FOP" \
	grep -qx 'records, 1, 1, 2, 3, 3, 4, 5, 5, 6, 7, 7, 8' "$T/book.txt"
check "book: xep.extensions index merges them: records, 1-8; access cards, 1, 3, 5, 7" \
	sh -c "grep -qx 'records, 1-8' '$T/book-xep.txt' && grep -qx 'access cards, 1, 3, 5, 7' '$T/book-xep.txt'"
check "book: xep.extensions index numbers are links to their pages" \
	sh -c "grep -c '<link [^>]*dest=\"index-page [0-9]* access cards\"' '$T/book-xep.areas' | grep -qx 4"
check "book: xep.extensions, the index read without warnings (rx:meta-info alone is skipped)" \
	sh -c "! grep 'warning' '$T/book-xep.err' | grep -v 'font family' | grep -v 'meta-info'"

summary
