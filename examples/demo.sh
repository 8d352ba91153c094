#!/bin/sh
# The bundled example: the user's three jobs on the sources in this
# repository, and the engine on the FO examples.  Everything goes to output/.
set -e
FOLIO=${1:-build/release/folio}
mkdir -p output
"$FOLIO" check
"$FOLIO" manual
"$FOLIO" packet cases/*.xml
"$FOLIO" forms --combined
for fo in examples/*.fo; do
	out=output/$(basename "$fo" .fo).pdf
	"$FOLIO" render "$fo" -o "$out"
	echo "folio: wrote $out"
done
echo
find output -name '*.pdf' | sort | while read -r f; do
	printf '  %-60s %4s pages %8s bytes\n' "$f" "$(pdfinfo "$f" 2>/dev/null | sed -n 's/^Pages: *//p')" "$(stat -c %s "$f")"
done
