#!/bin/sh
# Messages: English by default, Chinese under a Chinese locale (GNU gettext,
# po/ → locale/), from the build tree and after installation, and the
# catalogue complete.  Ends with "messages: N passed, M failed".
LAYER=messages
. "$(dirname "$0")/../lib.sh"
BIN=$(dirname "$FOLIO")
zh() { env -u LC_ALL -u LC_MESSAGES -u LANGUAGE LANG=zh_CN.UTF-8 "$@"; }
en() { env -u LC_ALL -u LC_MESSAGES -u LANGUAGE LANG=C.UTF-8 "$@"; }

# ---- the catalogue ---------------------------------------------------------------------------
check "the zh_CN catalogue is built beside the binary" test -s "$BIN/locale/zh_CN/LC_MESSAGES/folio.mo"
xgettext --from-code=UTF-8 --language=C --keyword=_ --keyword=N_ --add-comments=TRANSLATORS: \
	--no-location --sort-output --omit-header -o "$T/folio.pot" $(ls src/*.c src/*/*.c | sort)
check "po/folio.pot lists every marked message (run make po)" cmp "$T/folio.pot" po/folio.pot
check "po/zh_CN.po has every message of po/folio.pot" msgcmp po/zh_CN.po po/folio.pot
msgfmt --check --statistics -o /dev/null po/zh_CN.po 2>"$T/stat"
check "every message is translated, none fuzzy" sh -c "grep -q 'translated message' '$T/stat' && ! grep -q 'untranslated\|fuzzy' '$T/stat'"

# ---- the locale chooses the language ---------------------------------------------------------
printf '<x\n' > "$T/bad.fo"
en "$FOLIO" render "$T/bad.fo" -o "$T/x.pdf" 2>"$T/en.err"
check "English by default: file:line: error:" grep -q "bad.fo:[0-9]*:[0-9]*: error: " "$T/en.err"
zh "$FOLIO" render "$T/bad.fo" -o "$T/x.pdf" 2>"$T/zh.err"
check "LANG=zh_CN.UTF-8: file:line: 错误:, generated locale or not" grep -q "bad.fo:[0-9]*:[0-9]*: 错误: " "$T/zh.err"
env -u LC_MESSAGES -u LANGUAGE LANG=zh_CN.UTF-8 LC_ALL=C "$FOLIO" render "$T/bad.fo" -o "$T/x.pdf" 2>"$T/c.err"
check "LC_ALL=C wins over LANG" grep -q ": error: " "$T/c.err"

# ---- after installation: PREFIX/bin finds PREFIX/share/locale ---------------------------------
make -s install-locale DESTDIR="$T/dest" PREFIX=/opt/folio BUILD="${BUILD:-release}" >/dev/null 2>&1
mkdir -p "$T/dest/opt/folio/bin" && cp "$FOLIO" "$T/dest/opt/folio/bin/folio"
check "make install-locale puts the catalogue under share/locale" test -s "$T/dest/opt/folio/share/locale/zh_CN/LC_MESSAGES/folio.mo"
(cd "$T" && zh "$T/dest/opt/folio/bin/folio" render bad.fo -o x.pdf 2>"$T/inst.err")
check "an installed folio speaks Chinese from any folder" grep -q "bad.fo:[0-9]*:[0-9]*: 错误: " "$T/inst.err"

summary
