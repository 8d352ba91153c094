#!/bin/sh
# Checks that every #include between the folders of src/ follows the stage
# order of docs/architecture.md, that the libraries stay in the stages
# that own them, and that layout reads no attribute of the source (the FO
# stage parses every property into typed fields of the FO tree).  Prints each offending line as file:line: include and
# exits 1 if there is one.  Usage: check-includes.sh [SRCDIR]  (default src)
#
# A stage may include its own headers, base, and the stages listed for it
# below (the interface headers of the stages before it).  Folders not
# listed may include nothing of another stage; src/*.c (the command line)
# may include any.
set -u
SRC=${1:-src}
[ -d "$SRC" ] || { echo "check-includes: no folder $SRC" >&2; exit 2; }

allowed() {
	case $1 in
	base)   echo "" ;;
	source) echo "" ;;
	fo)     echo "source" ;;
	text)   echo "" ;;
	area)   echo "" ;;
	image)  echo "" ;;
	svg)    echo "source text area" ;;
	layout) echo "fo text area image svg" ;;
	pdf)    echo "area text image" ;;
	docset) echo "source fo text layout area pdf" ;;
	import) echo "source docset" ;;
	serve)  echo "source fo text layout area pdf docset import" ;;
	*)      echo "-" ;;    # unknown folder: nothing allowed
	esac
}

bad=0
for f in $(find "$SRC" -mindepth 2 -name '*.[ch]' | LC_ALL=C sort); do
	rel=${f#"$SRC"/}
	stage=${rel%%/*}
	ok=$(allowed "$stage")
	# includes of another stage: "../X/…"
	grep -n '^[[:space:]]*#[[:space:]]*include[[:space:]]*"\.\./' "$f" | while IFS= read -r hit; do
		line=${hit%%:*}
		inc=$(printf '%s\n' "$hit" | sed 's|^[0-9]*:[[:space:]]*#[[:space:]]*include[[:space:]]*"\.\./\([^/"]*\)/.*|\1|')
		[ "$inc" = base ] && continue
		case " $ok " in
		*" $inc "*) ;;
		*) echo "$rel:$line: $stage may not include $inc (docs/architecture.md, include graph)" ;;
		esac
	done
done >"${TMPDIR:-/tmp}/check-includes.$$"

# the libraries stay in their stages
grep -rn --include='*.[ch]' 'hpdf\.h\|hpdf_' "$SRC" | grep '#[[:space:]]*include' | grep -v "^$SRC/pdf/" |
	sed "s|^$SRC/||; s|\$| (libharu only in pdf)|" >>"${TMPDIR:-/tmp}/check-includes.$$"
# HarfBuzz is the text stage's: the PDF writer gets what it needs of a
# face (its subset, glyph ids, advances) through text.h's functions
grep -rn --include='*.[ch]' '#[[:space:]]*include[[:space:]]*[<"]hb[-.a-z]*\.h' "$SRC/pdf" 2>/dev/null |
	sed "s|^$SRC/||; s|\$| (HarfBuzz only through the text stage's functions, text.h)|" >>"${TMPDIR:-/tmp}/check-includes.$$"
grep -rn --include='*.[ch]' '#[[:space:]]*include[[:space:]]*<\(libxml\|libxslt\|libexslt\)/' "$SRC" | grep -v "^$SRC/source/" |
	sed "s|^$SRC/||; s|\$| (libxml2 and libxslt only in source)|" >>"${TMPDIR:-/tmp}/check-includes.$$"
# layout reads typed fields only: no attribute lookups, no number parsing
if [ -d "$SRC/layout" ]; then
	grep -rnw --include='*.[ch]' 'fo_node_attr\|xnode_attr\|xnode_child\|xnode_text\|atoi\|atol\|strtol\|strtoll' "$SRC/layout" |
		sed "s|^$SRC/||; s|^\([^:]*:[0-9]*\):.*|\1: layout reads a raw attribute or parses a value (parse it into a typed field in src/fo)|" \
		>>"${TMPDIR:-/tmp}/check-includes.$$"
fi

# libharu behind one adapter (docs/architecture.md): outside pdf/pdf_haru.c
# only hpdf.h, only the calls hpdf.h exports, and no field of libharu's
# structures
HARU=pdf/pdf_haru.c
grep -rn --include='*.[ch]' '#[[:space:]]*include[[:space:]]*[<"]hpdf_' "$SRC" | grep -v "^$SRC/$HARU:" |
	sed "s|^$SRC/||; s|\$| (libharu's private headers only in $HARU)|" >>"${TMPDIR:-/tmp}/check-includes.$$"
HPDF_H=$(printf '#include <hpdf.h>\n' | ${CC:-cc} -M -x c - 2>/dev/null | tr ' \\' '\n\n' | grep '/hpdf\.h$' | head -n 1)
if [ -z "$HPDF_H" ] || [ ! -r "$HPDF_H" ]; then
	echo "check-includes: hpdf.h not found (libhpdf-dev): cannot check libharu's public calls" \
	    >>"${TMPDIR:-/tmp}/check-includes.$$"
else
	awk '!/^[[:space:]]*#/ && /HPDF_EXPORT\(/ { e = 1; sub(/.*HPDF_EXPORT\([^)]*\)/, "") }
	    e && match($0, /HPDF_[A-Za-z0-9_]+/) { print substr($0, RSTART, RLENGTH); e = 0 }' \
	    "$HPDF_H" | LC_ALL=C sort -u >"${TMPDIR:-/tmp}/check-includes-api.$$"
	grep -rnoE --include='*.[ch]' 'HPDF_[A-Za-z0-9_]+[[:space:]]*\(' "$SRC" | grep -v "^$SRC/$HARU:" |
	while IFS= read -r hit; do
		fn=$(printf '%s\n' "$hit" | sed 's/.*:\(HPDF_[A-Za-z0-9_]*\).*/\1/')
		grep -qx "$fn" "${TMPDIR:-/tmp}/check-includes-api.$$" ||
			printf '%s (%s: not in hpdf.h'"'"'s API, only in %s)\n' "${hit#"$SRC"/}" "$fn" "$HARU"
	done >>"${TMPDIR:-/tmp}/check-includes.$$"
	rm -f "${TMPDIR:-/tmp}/check-includes-api.$$"
fi
grep -rnE --include='*.[ch]' -- '->(attr|stream|filter|write_fn|before_write_fn|after_write_fn|free_fn|mmgr|xref|catalog|root_pages|header|list)\b' \
    "$SRC/pdf" | grep -v "^$SRC/$HARU:" |
	sed "s|^$SRC/||; s|\$| (a field of libharu's: only in $HARU)|" >>"${TMPDIR:-/tmp}/check-includes.$$"

if [ -s "${TMPDIR:-/tmp}/check-includes.$$" ]; then
	cat "${TMPDIR:-/tmp}/check-includes.$$"
	bad=1
fi
rm -f "${TMPDIR:-/tmp}/check-includes.$$"
exit $bad
