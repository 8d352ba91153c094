# Shared by the shell test layers: sourced with LAYER set.  Defines FOLIO
# (absolute), ROOT, a temporary folder T removed on exit, and check NAME CMD…
# which counts a pass when CMD succeeds and prints its output when it fails.
FOLIO=$(cd "$(dirname "${1:-build/release/folio}")" && pwd)/$(basename "${1:-build/release/folio}")
ROOT=$(pwd)
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
pass=0
fail=0
ok() { pass=$((pass + 1)); }
no() { fail=$((fail + 1)); echo "FAIL $LAYER: $*"; }
check() { name=$1; shift; if "$@" >"$T/check.log" 2>&1; then ok; else no "$name"; sed 's/^/    /' "$T/check.log" | head -20; fi; }
summary() { echo "$LAYER: $pass passed, $fail failed"; [ "$fail" -eq 0 ]; }
