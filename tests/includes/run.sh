#!/bin/sh
# The stage order of docs/architecture.md holds in src/ (make check-includes,
# tools/check-includes.sh), and the check refuses includes that break it.
# Ends with "includes: N passed, M failed".
LAYER=includes
. "$(dirname "$0")/../lib.sh"
CI="sh $ROOT/tools/check-includes.sh"

check "src/ follows the include graph" $CI "$ROOT/src"

# a tree that breaks the graph, one way at a time: each must be refused,
# naming the file and line
bad() {   # NAME FOLDER FILE LINE…
	name=$1 dir=$2 file=$3
	shift 3
	rm -rf "$T/src"
	mkdir -p "$T/src/$dir"
	printf '%s\n' "$@" >"$T/src/$dir/$file"
	check "refused: $name" sh -c "! $CI '$T/src' >'$T/out' && grep -q '^$dir/$file:$#:' '$T/out'"
}
bad "the PDF writer includes an FO header" pdf pdf.c '#include "../area/area.h"' '#include "../fo/fo.h"'
bad "layout includes the PDF writer (a later stage)" layout lay_x.c '#include "../pdf/pdf.h"'
bad "the area tree includes layout" area area.c '#include "../base/base.h"' '#include "../area/area.h"' '#include "../layout/layout.h"'
bad "libharu outside the PDF writer" layout lay_x.c '#include <hpdf.h>'
bad "libxml2 outside the source stage" fo fo_x.c '#include "../source/source.h"' '#include <libxml/tree.h>'
bad "an unknown folder includes a stage" extra x.c '#include "../fo/fo.h"'
# the PDF writer reaches HarfBuzz only through the text stage's functions
bad "HarfBuzz in the PDF writer" pdf pdf_font.c '#include <hpdf.h>' '#include <hb-subset.h>'
bad "HarfBuzz's main header in the PDF writer" pdf pdf_int.h '#include "../area/area.h"' '#include <hb.h>'
# layout reads the FO tree's typed fields, never the source's attributes
bad "layout reads a raw attribute" layout lay_x.c '#include "../fo/fo.h"' \
	'const char *m = fo_node_attr(seq, "master-reference");'
bad "layout parses a property's number" layout lay_x.c '#include "lay_int.h"' '' \
	'int n = atoi(v);'
# libharu's internals only in its adapter, pdf/pdf_haru.c
bad "a libharu private header outside the adapter" pdf pdf_font.c '#include <hpdf.h>' '#include <hpdf_objects.h>'
bad "a libharu call hpdf.h does not export, outside the adapter" pdf pdf.c '#include <hpdf.h>' 'void f(HPDF_Dict d) { HPDF_Dict_AddName(d, "S", "URI"); }'
bad "a field of libharu's, outside the adapter" pdf pdf_copies.c '#include <hpdf.h>' 'void *f(HPDF_Dict d) { return d->attr; }'

# and what the graph allows passes
rm -rf "$T/src"
mkdir -p "$T/src/layout" "$T/src/pdf"
printf '%s\n' '#include "../fo/fo.h"' '#include "../svg/svg.h"' '#include "lay_int.h"' >"$T/src/layout/lay_x.c"
printf '%s\n' '#include <hpdf.h>' '#include "../area/area.h"' '#include "../image/image.h"' \
    'void f(HPDF_Page p) { HPDF_Page_GSave(p); }' >"$T/src/pdf/pdf.c"
printf '%s\n' '#include <hpdf.h>' '#include <hpdf_objects.h>' 'void *f(HPDF_Dict d) { HPDF_Dict_AddName(d, "S", "URI"); return d->attr; }' \
    >"$T/src/pdf/pdf_haru.c"
check "allowed includes pass (libharu's internals in pdf_haru.c)" $CI "$T/src"
summary
