#!/bin/sh
# The bundled example: render every FO under examples/ into output/.
set -e
FOLIO=${1:-build/release/folio}
mkdir -p output
for fo in examples/*.fo; do
	out=output/$(basename "$fo" .fo).pdf
	"$FOLIO" render "$fo" -o "$out"
	pages=$(pdfinfo "$out" 2>/dev/null | sed -n 's/^Pages: *//p')
	echo "wrote $out (${pages:-?} pages, $(stat -c %s "$out") bytes)"
done
