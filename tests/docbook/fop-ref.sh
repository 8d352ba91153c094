#!/bin/sh
# Refresh FOP's figures for tests/docbook/run.sh: page count and text of
# Apache FOP's rendering of each document's FO (FOP and docbook-xsl
# installed; the Chinese through docs/fop.xconf).  Run from the top folder.
set -e
D=tests/docbook
XSL=/usr/share/xml/docbook/stylesheet/docbook-xsl/fo/docbook.xsl
T=$(mktemp -d)
for doc in book article-zh; do
	xsltproc --nonet --stringparam paper.type A4 --stringparam fop1.extensions 1 \
		-o "$T/$doc.fo" "$XSL" "$D/$doc.xml"
	fop -c docs/fop.xconf -q "$T/$doc.fo" "$T/$doc.pdf" >/dev/null 2>&1
	pdfinfo "$T/$doc.pdf" | sed -n 's/^Pages: *//p' >"$D/$doc.fop.pages"
	pdftotext -q "$T/$doc.pdf" "$D/$doc.fop.txt"
done
rm -rf "$T"
