#!/bin/sh
# memory-asan: the unit, Mustache spec, regress and bad-input suites, and
# a build of the demo zone, run again against the AddressSanitizer +
# UndefinedBehaviorSanitizer build in SAN_BUILD (make san-bins makes it).
#
# A memory error, undefined behaviour or leak stops the process with exit
# status 86 (so it can never pass for the status 1 of a content error)
# and leaves a report in a log folder of its own; each report is a
# failing check that names the sanitizer's rule and the suite that hit it.
# Each sub-suite is one check: it passes when all its own checks pass
# under the sanitizers; its failing checks are shown below it.
set -u
BUILD=${BUILD:-build/release}
SAN_BUILD=${SAN_BUILD:-$BUILD/asan}
SAN_BIN=$SAN_BUILD/zonesite
NOW=${NOW:-2025-10-01}
SAN_EXIT=86
# The sanitizer build lives deeper than the release one: tell it where the
# templates and themes are.
ZONESITE_DATADIR=$(pwd)
export ZONESITE_DATADIR
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

if [ ! -x "$SAN_BIN" ]; then
	echo "not ok - asan: no sanitizer build at $SAN_BIN (run: make san-bins)"
	exit 1
fi

# name, then the command: its "ok"/"not ok" lines are summed up in one
# check; sanitizer reports land in $tmp/reports/NAME/.
sub() {
	name=$1; shift
	rdir=$tmp/reports/$(echo "$name" | tr / -)
	mkdir -p "$rdir"
	ASAN_OPTIONS="exitcode=$SAN_EXIT:detect_leaks=1:abort_on_error=0:log_path=$rdir/asan" \
	UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:exitcode=$SAN_EXIT:log_path=$rdir/ubsan" \
	LSAN_OPTIONS="exitcode=$SAN_EXIT" \
		"$@" >"$tmp/out" 2>&1
	status=$?
	p=$(grep -c '^ok ' "$tmp/out")
	f=$(grep -c '^not ok ' "$tmp/out")
	reports=$(find "$rdir" -type f | LC_ALL=C sort)
	if [ "$status" -eq 0 ] && [ "$f" -eq 0 ] && [ -z "$reports" ] && [ "$p" -gt 0 ]; then
		echo "ok - asan $name: $p checks pass, no sanitizer report"
	else
		echo "not ok - asan $name: $p passed, $f failed, exit status $status"
		grep -A4 '^not ok ' "$tmp/out" | head -40 | sed 's/^/#   /'
	fi
	# UBSan beside ASan (gcc) writes to standard error whatever
	# log_path says: its reports are found in the suite's output.
	grep -E 'runtime error:' "$tmp/out" | LC_ALL=C sort -u | head -10 |
	while IFS= read -r line; do
		echo "not ok - asan $name: sanitizer report: $line"
	done
	# One failing check per distinct report (the rule and the place),
	# with the stack of its first occurrence.
	seen=""
	for r in $reports; do
		# e.g. "SUMMARY: AddressSanitizer: heap-buffer-overflow frontmatter.c:120 in ..."
		summary=$(grep -m1 -E 'SUMMARY:' "$r" || head -1 "$r")
		case $seen in *"|$summary|"*) continue ;; esac
		seen="$seen|$summary|"
		# shellcheck disable=SC2086 # report paths have no blanks
		n=$(grep -l -F "$summary" $reports | wc -l)
		echo "not ok - asan $name: sanitizer report ($n times): $summary"
		grep -E '^ *#[0-9]+ |ERROR:' "$r" | head -14 | sed 's/^/#   /'
	done
}

for t in "$SAN_BUILD"/tests/test_*; do
	[ -x "$t" ] || continue
	sub "unit/$(basename "$t")" "$t"
done
sub mustache-spec "$SAN_BUILD/tests/mustache-spec" tests/mustache/spec
sub regress env ZONESITE="$SAN_BIN" sh tests/regress/run
sub bad-input env ZONESITE="$SAN_BIN" sh tests/bad/run

# The demo zone, built and checked (the build must succeed and leave no
# report; a `check` run takes the render stage without writing).
demo_run() {
	what=$1; shift
	if SOURCE_DATE_EPOCH=0 "$SAN_BIN" "$@" --now "$NOW" 2>"$tmp/demo.err"; then
		echo "ok - $what"
	else
		echo "not ok - $what (exit status $?)"
		head -20 "$tmp/demo.err"
	fi
}
demo() {
	demo_run "demo builds" build -C content -o "$tmp/demo"
	demo_run "demo checks" check -C content
	demo_run "internal edition builds" build -C content -o "$tmp/demo" --edition internal
}
sub demo demo
