#!/bin/sh
# The fuzz corpus (tests/fuzz/corpus/TARGET/) and every past crasher
# (tests/fuzz/crashers/TARGET/) through each fuzz target, under ASan and
# UBSan, by the plain driver replay.c (built by `make fuzz-replay`).
# usage: run.sh REPLAY-DIR ; ends with "fuzz: N passed, M failed".
LAYER=fuzz
R=$(cd "${1:-build/asan/fuzz}" && pwd)
. "$(dirname "$0")/../lib.sh" "$R/replay-fo"
export FOLIO_ROOT="$ROOT"
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

# the input that failed and the sanitizer's report
replay() {
	t=$1
	shift
	if "$R/replay-$t" "$@" >"$T/$t.out" 2>"$T/$t.err"; then
		grep -q "^replay: $n inputs" "$T/$t.out"
	else
		echo "last input: $(grep '^replay: ' "$T/$t.err" | tail -1 | sed 's/^replay: //')"
		grep -E -A14 '^==[0-9]+==ERROR|runtime error:|^SUMMARY' "$T/$t.err" | head -30
		return 1
	fi
}

for t in fo svg png jpeg raster packet import; do
	set --
	for d in tests/fuzz/corpus/$t tests/fuzz/crashers/$t; do
		[ -d "$d" ] && set -- "$@" "$d"
	done
	n=$(find "$@" -type f ! -name '.*' | wc -l)
	check "fuzz target $t: $n inputs of the corpus and past crashers, clean under ASan and UBSan" \
		replay "$t" "$@"
done

summary
