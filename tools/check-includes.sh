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
grep -rn --include='*.[ch]' '#[[:space:]]*include[[:space:]]*<\(libxml\|libxslt\|libexslt\)/' "$SRC" | grep -v "^$SRC/source/" |
	sed "s|^$SRC/||; s|\$| (libxml2 and libxslt only in source)|" >>"${TMPDIR:-/tmp}/check-includes.$$"
# layout reads typed fields only: no attribute lookups, no number parsing
if [ -d "$SRC/layout" ]; then
	grep -rnw --include='*.[ch]' 'fo_node_attr\|xnode_attr\|xnode_child\|xnode_text\|atoi\|atol\|strtol\|strtoll' "$SRC/layout" |
		sed "s|^$SRC/||; s|^\([^:]*:[0-9]*\):.*|\1: layout reads a raw attribute or parses a value (parse it into a typed field in src/fo)|" \
		>>"${TMPDIR:-/tmp}/check-includes.$$"
fi

if [ -s "${TMPDIR:-/tmp}/check-includes.$$" ]; then
	cat "${TMPDIR:-/tmp}/check-includes.$$"
	bad=1
fi
rm -f "${TMPDIR:-/tmp}/check-includes.$$"
exit $bad
