#!/bin/sh
# Each libFuzzer target (built by `make fuzz-build`, clang) for a short,
# fixed time with a fixed seed: new inputs from the committed corpus,
# written to a scratch folder, never to tests/.  `make fuzz` is the long
# run.  A crash, leak or timeout fails the target and its input is kept
# in build/fuzz/crashes/ (see tests/fuzz/fuzz.sh for what to do with it).
# usage: short.sh TARGET-DIR [SECONDS] ; ends with "fuzzrun: N passed, M failed".
LAYER=fuzzrun
D=$(cd "${1:-build/fuzz/fuzz}" && pwd)
S=${2:-${FUZZ_SHORT:-10}}
. "$(dirname "$0")/../lib.sh" "$D/fuzz-fo"
export FOLIO_ROOT="$ROOT"
mkdir -p "$ROOT/build/fuzz/crashes"

run() {
	t=$1
	mkdir -p "$T/corpus-$t"
	dict=
	[ -f "$ROOT/tests/fuzz/$t.dict" ] && dict=-dict=$ROOT/tests/fuzz/$t.dict
	if (cd "$T" && "$D/fuzz-$t" -seed=1 -max_total_time="$S" -timeout=20 \
		-rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 \
		-artifact_prefix="$ROOT/build/fuzz/crashes/$t-" $dict \
		"corpus-$t" "$ROOT/tests/fuzz/corpus/$t") >"$T/$t.log" 2>&1; then
		grep -q '^stat::number_of_executed_units' "$T/$t.log"
	else
		grep -E -A14 '^==[0-9]+==ERROR|runtime error:|^SUMMARY|Test unit written' "$T/$t.log" | head -30
		return 1
	fi
}

for t in $(ls "$D" | sed -n 's/^fuzz-//p'); do
	check "fuzz target $t runs ${S}s from the corpus with no crash, leak or timeout" run "$t"
done

summary
