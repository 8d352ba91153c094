#!/bin/sh
# Renders every test and sample document into a folder, so that a refactor
# can be checked to leave the outputs byte-identical:
#
#   sh tools/compare-outputs.sh build/release/folio /tmp/before
#   (change the code, rebuild)
#   sh tools/compare-outputs.sh build/release/folio /tmp/after
#   diff -r /tmp/before /tmp/after
#
# Each FO of tests/layout/*.xml and examples/*.fo, and the FO the manual and
# the case packets make, gives NAME.areas.xml (the area-tree dump), NAME.pdf
# and NAME.err (the diagnostics).  Run from the top of the source tree.
set -u
FOLIO=${1:?usage: compare-outputs.sh FOLIO OUTDIR}
OUT=${2:?usage: compare-outputs.sh FOLIO OUTDIR}
case $FOLIO in /*) ;; *) FOLIO=$(pwd)/$FOLIO ;; esac
rm -rf "$OUT"
mkdir -p "$OUT/fo"
# the layout tests' images are named relative to the test file
ln -s "$(pwd)/tests/layout/img" "$OUT/fo/img"

# the <fo:root> of each layout test case, as a file of its own
python3 - "$OUT/fo" tests/layout/*.xml <<'PY'
import sys, os
import xml.dom.minidom as md
out = sys.argv[1]
for path in sys.argv[2:]:
    doc = md.parse(path)
    roots = [n for n in doc.getElementsByTagNameNS("http://www.w3.org/1999/XSL/Format", "root")]
    if not roots:
        continue
    name = os.path.splitext(os.path.basename(path))[0]
    with open(os.path.join(out, "layout-" + name + ".fo"), "w", encoding="utf-8") as f:
        f.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        f.write(roots[0].toxml())
PY
for f in examples/*.fo; do
	cp "$f" "$OUT/fo/example-$(basename "$f")"
done

# the documents of the sample document set
"$FOLIO" manual --root . -o "$OUT/manual" --fo "$OUT/manual-fo" >/dev/null 2>&1
# one case at a time, each into its own folders
for c in cases/*.xml; do
	n=$(basename "$c" .xml)
	"$FOLIO" packet --root . -o "$OUT/packet-$n" --fo "$OUT/packet-fo-$n" "$c" >/dev/null 2>&1
done
for d in "$OUT"/manual-fo "$OUT"/packet-fo-*; do
	[ -d "$d" ] || continue
	for f in "$d"/*.fo; do
		[ -e "$f" ] && cp "$f" "$OUT/fo/$(basename "$d")-$(basename "$f")"
	done
done

n=0
for f in "$OUT"/fo/*.fo; do
	b=$(basename "$f" .fo)
	"$FOLIO" render "$f" -o "$OUT/$b.pdf" --areas "$OUT/$b.areas.xml" 2>"$OUT/$b.err"
	echo "exit $?" >>"$OUT/$b.err"
	# messages name the file: keep them comparable across folders
	sed -i "s|$OUT/||g" "$OUT/$b.err"
	n=$((n + 1))
done
echo "compare-outputs: $n documents rendered into $OUT"
