#!/bin/sh
# Reference pages: pages folio prints, rendered at 50 dpi in grey and
# compared with reviewed references kept in tests/pixel/ref/ (PNG).  A page
# passes when at most 0.2% of its pixels differ (by more than a quarter of
# the grey scale); otherwise a difference image (the reference faded, the
# differing pixels black) and the page as rendered are written to
# build/test-output/pixel/ (PIXEL_OUT) and the layer fails.
#   usage: run.sh FOLIO             compare; ends with "pixel: N passed, M failed"
#          run.sh FOLIO --update    render the references anew (review them!)
LAYER=pixel
update=0
[ "${2:-}" = "--update" ] && update=1
. "$(dirname "$0")/../lib.sh"
REF=$ROOT/tests/pixel/ref
CMP="python3 $ROOT/tests/pixel/compare.py"
OUT=${PIXEL_OUT:-$ROOT/build/test-output/pixel}
TOL=0.002

# The pages, drawn with the fonts of tools/packages.txt only: the site's
# faces and the generic families' (docs/fonts.md).  Another face would move
# every glyph, so it is a failure of its own, not a difference to review.
# (pdffonts prints their PostScript names)
FACES='UMingCN|SungtiLGB|LiberationSerif|LiberationSans|LiberationMono|WenQuanYiZenHei|WenQuanYiMicroHei|DejaVuSans|LXGWWenKai'

"$FOLIO" manual --root "$ROOT" -q -o "$T/m2" --procedure XT-KF-CX-002 2>"$T/err" &&
"$FOLIO" manual --root "$ROOT" -q -o "$T/m1" --procedure XT-KF-CX-001 2>>"$T/err" &&
"$FOLIO" packet --root "$ROOT" -q -o "$T/p" "$ROOT/cases/2024-001.xml" 2>>"$T/err" &&
"$FOLIO" forms --root "$ROOT" -q -o "$T/f" XT-KF-CX-009-R01 XT-KF-CX-013-R01 XT-KF-CX-002-R01 2>>"$T/err"
check "the documents of the reference pages are made" sh -c "test $? -eq 0 && ! test -s '$T/err' || { cat '$T/err'; false; }"

AGR=$T/p/packets/2024-001/04-safety-agreement.pdf
# the agreement's signature page: the first page with 甲方（盖章）
sig=1
n=$(pdfinfo "$AGR" 2>/dev/null | sed -n 's/^Pages: *//p')
while [ "$sig" -lt "${n:-0}" ] && ! pdftotext -f "$sig" -l "$sig" "$AGR" - 2>/dev/null | grep -q '甲方（盖章）'; do
	sig=$((sig + 1))
done

# name  pdf  page
set -- \
	manual-002-flowchart "$T/m2/manual/WB-XT-KF-CX-E1R0-XT-KF-CX-002.pdf" 1 \
	manual-001-flowchart "$T/m1/manual/WB-XT-KF-CX-E1R0-XT-KF-CX-001.pdf" 1 \
	agreement-signatures "$AGR" "$sig" \
	form-009-R01 "$T/f/forms/XT-KF-CX-009-R01.pdf" 1 \
	form-013-R01 "$T/f/forms/XT-KF-CX-013-R01.pdf" 1 \
	form-002-R01 "$T/f/forms/XT-KF-CX-002-R01.pdf" 1 \
	form-002-R01-p2 "$T/f/forms/XT-KF-CX-002-R01.pdf" 2
while [ $# -ge 3 ]; do
	pg=$1 pdf=$2 page=$3
	shift 3
	odd=$(pdffonts "$pdf" 2>/dev/null | tail -n +3 | awk '{ sub(/^[A-Z][A-Z][A-Z][A-Z][A-Z][A-Z]\+/, "", $1); print $1 }' |
	    grep -Ev "^($FACES)(-Bold|-Italic|-BoldItalic|-Mono)?\$" | sort -u | tr '\n' ' ')
	check "$pg: drawn with the faces of tools/packages.txt only" sh -c "test -s '$pdf' && test -z '$odd' || { echo 'other faces: $odd'; false; }"
	pdftoppm -r 50 -gray -f "$page" -l "$page" -singlefile "$pdf" "$T/$pg" 2>/dev/null
	if [ "$update" -eq 1 ]; then
		$CMP --reference "$T/$pg.pgm" "$REF/$pg.png" && echo "pixel: wrote $REF/$pg.png (page $page)"
		continue
	fi
	if $CMP "$REF/$pg.png" "$T/$pg.pgm" "$T/$pg-diff.png" $TOL >"$T/cmp.log" 2>&1; then
		ok
	else
		mkdir -p "$OUT"
		cp "$T/$pg-diff.png" "$OUT/$pg-diff.png" 2>/dev/null
		$CMP --reference "$T/$pg.pgm" "$OUT/$pg-page.png" 2>/dev/null
		no "$pg (page $page) differs from tests/pixel/ref/$pg.png: $(cat "$T/cmp.log"); see $OUT/$pg-diff.png"
	fi
done
summary
