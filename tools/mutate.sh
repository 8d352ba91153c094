#!/bin/sh
# Mutation check of the PDF writer's tests: apply each one-line breakage of
# tools/mutations.txt, one at a time, to a copy of the tree, build, run the
# test layers that cover it, and report the mutations the tests let
# through (survivors).  The tree itself is never touched: everything
# happens in a temporary copy, removed on exit and on SIGINT/SIGTERM.
#
# usage: tools/mutate.sh [MUTATIONS-FILE]
#   BUILD=release|debug|asan  the build to use (default release)
#   MUTATE_LAYERS="writer pdf" the layers of tests/run.sh to run (default writer)
# Exit status: 0 when every mutation was killed, 1 when one survived or
# could not be applied, 2 when the unmutated tree fails its own tests.
set -u
cd "$(dirname "$0")/.." || exit 2
ROOT=$(pwd)
LIST=${1:-tools/mutations.txt}
case $LIST in /*) ;; *) LIST=$ROOT/$LIST ;; esac
BUILD=${BUILD:-release}
LAYERS=${MUTATE_LAYERS:-writer}
MAKE=${MAKE:-make}

W=$(mktemp -d "${TMPDIR:-/tmp}/folio-mutate.XXXXXX") || exit 2
trap 'rm -rf "$W"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# the tree as it is (uncommitted changes included), without outputs;
# the existing build is copied with its times, so only what a mutation
# touches is rebuilt
for f in *; do
	case $f in build | output | folio-bin) continue ;; esac
	cp -a "$f" "$W/"
done
[ -f config.mk ] && cp -a config.mk "$W/"
if [ -d "build/$BUILD" ]; then
	mkdir -p "$W/build"
	cp -a "build/$BUILD" "$W/build/"
fi
cd "$W" || exit 2

build() { $MAKE --no-print-directory -j2 BUILD="$BUILD" "build/$BUILD/folio" >"$W/build.log" 2>&1; }

# the layers named in LAYERS, as tests/run.sh runs them; 0 when all pass
run_layers() {
	for l in $LAYERS; do
		case $l in
		layout) "build/$BUILD/layout-test" tests/layout/*.xml ;;
		*) sh "tests/$([ "$l" = writer ] && echo pdf/writer.sh || echo "$l/run.sh")" "build/$BUILD/folio" ;;
		esac >"$W/test.log" 2>&1 || return 1
	done
	return 0
}

if [ "$LAYERS" != "${LAYERS#*layout}" ]; then
	$MAKE --no-print-directory -j2 BUILD="$BUILD" "build/$BUILD/layout-test" >"$W/build.log" 2>&1
fi
if ! build; then
	echo "mutate: the unmutated tree does not build" >&2
	tail -20 "$W/build.log" >&2
	exit 2
fi
if ! run_layers; then
	echo "mutate: the unmutated tree fails its tests ($LAYERS)" >&2
	tail -20 "$W/test.log" >&2
	exit 2
fi

total=0
killed=0
survivors=""
broken=""
tab=$(printf '\t')
while IFS=$tab read -r name file old new; do
	case $name in '' | '#'*) continue ;; esac
	total=$((total + 1))
	case $new in *"$tab"*) old= ;; esac
	if [ -z "$old" ] || [ -z "$file" ]; then
		echo "mutate: $name: not four tab-separated fields; fix $LIST"
		broken="$broken
  $name"
		continue
	fi
	# exactly one line holds the text: replace it there (literally)
	n=$(grep -cF -- "$old" "$ROOT/$file")
	if [ "$n" != 1 ]; then
		echo "mutate: $name: $n lines of $file hold the text; fix $LIST"
		broken="$broken
  $name"
		continue
	fi
	OLD=$old NEW=$new awk '{
		i = index($0, ENVIRON["OLD"])
		if (i) $0 = substr($0, 1, i - 1) ENVIRON["NEW"] substr($0, i + length(ENVIRON["OLD"]))
		print
	}' "$ROOT/$file" >"$W/$file"
	if cmp -s "$ROOT/$file" "$W/$file"; then
		echo "mutate: $name: the replacement changes nothing; fix $LIST"
		broken="$broken
  $name"
	elif ! build; then
		echo "mutate: $name: the mutant does not build; fix $LIST"
		sed 's/^/    /' "$W/build.log" | tail -5
		broken="$broken
  $name"
	elif run_layers; then
		echo "SURVIVED  $name"
		survivors="$survivors
  $name"
	else
		killed=$((killed + 1))
		what=$(grep -m1 '^FAIL' "$W/test.log" | sed 's/^FAIL [a-z]*: //')
		echo "killed    $name  ($what)"
	fi
	# the original again, newer than the mutant's object, so it is rebuilt
	cat "$ROOT/$file" >"$W/$file"
done <"$LIST"

echo "mutate: $total mutations, $killed killed, $(echo "$survivors" | grep -c .) survived, $(echo "$broken" | grep -c .) not applied (layers: $LAYERS)"
[ -n "$survivors" ] && echo "survivors:$survivors"
[ -n "$broken" ] && echo "not applied:$broken"
[ -z "$survivors" ] && [ -z "$broken" ]
