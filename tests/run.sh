#!/bin/sh
# Runs every test layer and ends with one line: "N passed, M failed".
#   unit tests (cmocka), layout tests (XPath on the area tree), PDF tests.
BUILD=${BUILD:-release}
B=build/$BUILD
# messages in English whatever the machine's locale; tests/messages asks for Chinese itself
unset LANGUAGE LC_ALL LC_MESSAGES
export LANG=C.UTF-8
# progress lines of long documents after this many seconds: never, so that no
# test's stderr depends on the machine's speed (tests/cli asks for them)
export FOLIO_PROGRESS_DELAY=1000000
pass=0
fail=0
add() { pass=$((pass + $1)); fail=$((fail + $2)); }

for t in $B/tests/test_*; do
	[ -x "$t" ] || continue
	out=$("$t" 2>&1)
	rc=$?
	p=$(printf '%s\n' "$out" | sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p')
	f=$(printf '%s\n' "$out" | sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p')
	printf '%s\n' "$out" | grep -E '^\[  (ERROR|FAILED) ' | grep -v 'test(s)' || true
	if [ -z "$p" ] && [ -z "$f" ]; then f=1; fi   # crashed before its summary
	# every test passed but the program failed after them: under make asan,
	# LeakSanitizer's report at exit
	if [ "$rc" -ne 0 ] && [ "${f:-0}" -eq 0 ]; then
		printf '%s\n' "$out" | grep -E -A8 '^==[0-9]+==ERROR' | head -20
		f=1
	fi
	echo "unit $(basename "$t"): ${p:-0} passed, ${f:-0} failed"
	add "${p:-0}" "${f:-0}"
done

# A layer prints "NAME: N passed, M failed" last; no such line counts as a failure.
layer() {
	name=$1
	shift
	out=$("$@" 2>&1)
	printf '%s\n' "$out" | grep -v "^$name:" || true
	line=$(printf '%s\n' "$out" | grep "^$name:")
	[ -n "$line" ] || line="$name: 0 passed, 1 failed"
	echo "$line"
	add "$(echo "$line" | sed "s/$name: \\([0-9]*\\) passed.*/\\1/")" "$(echo "$line" | sed 's/.* \([0-9]*\) failed/\1/')"
}

layer layout "$B/layout-test" tests/layout/*.xml

layer pdf sh tests/pdf/run.sh "$B/folio"
layer messages sh tests/messages/run.sh "$B/folio"
layer fo sh tests/fo/run.sh "$B/folio"
layer writer sh tests/pdf/writer.sh "$B/folio"
layer docset sh tests/docset/run.sh "$B/folio"
layer checks sh tests/checks/run.sh "$B/folio"
layer packet sh tests/packet/run.sh "$B/folio"
layer import sh tests/import/run.sh "$B/folio"
layer site sh tests/site/run.sh "$B/folio"
layer hardening sh tests/hardening/run.sh "$B/folio"
layer fuzz sh tests/fuzz/run.sh build/asan/fuzz
layer fuzzrun sh tests/fuzz/short.sh build/fuzz/fuzz
layer cli sh tests/cli/run.sh "$B/folio"
layer pixel sh tests/pixel/run.sh "$B/folio"
layer bounds sh tests/bounds/run.sh "$B/folio"
layer serve sh tests/serve/run.sh "$B/folio"
layer docbook sh tests/docbook/run.sh "$B/folio"
layer web sh tests/web/run.sh "$B/folio"
layer includes sh tests/includes/run.sh "$B/folio"
layer sizes sh tests/sizes/run.sh "$B/folio"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
