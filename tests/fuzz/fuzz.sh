#!/bin/sh
# make fuzz: run each libFuzzer target for SECONDS, one after the other.
# New inputs go to build/fuzz/corpus/TARGET (the committed seeds in
# tests/fuzz/corpus/TARGET are read, never written); a crash, leak or
# timeout is written to build/fuzz/crashes/ and named at the end.  Copy
# a crasher to tests/fuzz/crashers/TARGET/ once fixed: make test replays it.
# usage: fuzz.sh TARGET-DIR SECONDS TARGET…
set -u
D=$1
S=$2
shift 2
mkdir -p build/fuzz/crashes
export FOLIO_ROOT=${FOLIO_ROOT:-$(pwd)}
found=0
for t in "$@"; do
	mkdir -p "build/fuzz/corpus/$t"
	dict=
	[ -f "tests/fuzz/$t.dict" ] && dict=-dict=tests/fuzz/$t.dict
	echo "fuzz: $t for ${S}s"
	"$D/fuzz-$t" -max_total_time="$S" -timeout=20 -rss_limit_mb=2048 -max_len=65536 \
		-print_final_stats=1 -artifact_prefix="build/fuzz/crashes/$t-" $dict \
		"build/fuzz/corpus/$t" "tests/fuzz/corpus/$t" >"build/fuzz/$t.log" 2>&1
	rc=$?
	grep -E '^stat::number_of_executed_units|^stat::peak_rss_mb' "build/fuzz/$t.log" | sed "s/^/  $t /"
	grep -E '^==[0-9]+==ERROR|runtime error:|^SUMMARY|Test unit written' "build/fuzz/$t.log" | head -8 | sed 's/^/  /'
	[ $rc -ne 0 ] && found=1
done
ls build/fuzz/crashes/ 2>/dev/null | grep -q . && { echo "fuzz: found (build/fuzz/crashes/):"; ls build/fuzz/crashes/ | sed 's/^/  /'; found=1; }
[ $found -eq 0 ] && echo "fuzz: nothing found"
exit $found
