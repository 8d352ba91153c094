#!/bin/sh
# The sizes of STYLE.md hold in src/ (tools/check-size.sh): no file over 800
# lines, no function over 100 lines without a "design note:"; and the check
# refuses a tree that breaks them.  Ends with "sizes: N passed, M failed".
LAYER=sizes
. "$(dirname "$0")/../lib.sh"
CS="sh $ROOT/tools/check-size.sh"

check "src/ keeps the sizes" $CS "$ROOT/src"

# a function of n body lines, house style, named name
func() {   # NAME N [NOTE]
	[ -n "${3:-}" ] && printf '/* %s */\n' "$3"
	printf 'static int\n%s(void)\n{\n' "$1"
	i=0
	while [ $i -lt "$2" ]; do
		printf '\tcall();\n'
		i=$((i + 1))
	done
	printf '}\n\n'
}
rm -rf "$T/src"
mkdir -p "$T/src/serve"
func long 99 >"$T/src/serve/a.c"
check "a function of 102 lines is refused, naming it and its line" \
    sh -c "! $CS '$T/src' >'$T/out' && grep -q '^serve/a.c:2: long() is 102 lines' '$T/out'"
func long 99 "design note: one state machine, kept whole" >"$T/src/serve/a.c"
check "… unless a design note says why" $CS "$T/src"
func short 97 >"$T/src/serve/a.c"
check "a function of 100 lines passes" $CS "$T/src"
{ func one 90; func two 90; func three 90; func four 90; func five 90; func six 90; func seven 90;
  func eight 90; func nine 90; } >"$T/src/serve/a.c"
check "a file over 800 lines is refused" \
    sh -c "! $CS '$T/src' >'$T/out' && grep -q '^serve/a.c:1: [0-9]* lines, more than 800' '$T/out'"
summary
