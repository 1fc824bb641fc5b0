#!/bin/sh
# memory-valgrind: the demo zone built by the release binary (ZONESITE)
# under valgrind's memcheck: no invalid read or write, no use of an
# uninitialised value, nothing definitely lost.  ASan and UBSan see a
# different build (memory-asan.sh); valgrind sees the binary users run.
#
# Each run is one check; a failing one shows valgrind's first errors,
# with the rule (Invalid read, Conditional jump ..., definitely lost) and
# the file:line of the generator where it happened.
set -u
ZONESITE=${ZONESITE:-build/release/zonesite}
NOW=${NOW:-2025-10-01}
VG_EXIT=99
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

if ! command -v valgrind >/dev/null 2>&1; then
	echo "not ok - valgrind available (run: make test-deps)"
	exit 1
fi

# what, then zonesite's arguments.
vg() {
	what=$1; shift
	log=$tmp/vg.log
	SOURCE_DATE_EPOCH=0 valgrind -q --error-exitcode=$VG_EXIT \
		--leak-check=full --errors-for-leak-kinds=definite \
		--show-leak-kinds=definite --track-origins=yes \
		--log-file="$log" "$ZONESITE" "$@" --now "$NOW" 2>"$tmp/err"
	status=$?
	if [ "$status" -eq 0 ] && [ ! -s "$log" ]; then
		echo "ok - valgrind: $what, no error, nothing definitely lost"
	elif [ "$status" -eq "$VG_EXIT" ] || [ -s "$log" ]; then
		n=$(grep -c -E '^==[0-9]+== (Invalid|Conditional|Use of|Syscall|Mismatched|Source and destination|Argument|[0-9,]+ bytes in)' "$log")
		echo "not ok - valgrind: $what: $n errors (exit status $status)"
		sed 's/^==[0-9]*== /#   /' "$log" | head -40
	else
		echo "not ok - valgrind: $what: exit status $status"
		sed 's/^/#   /' "$tmp/err" | head -20
	fi
}

vg "demo build" build -C content -o "$tmp/public"
vg "demo rebuild into the same folder" build -C content -o "$tmp/public"
vg "demo check" check -C content
vg "internal edition build" build -C content -o "$tmp/internal" --edition internal
# A site with errors takes the other way out: diagnostics, no output.
if [ -d tests/bad/all-errors-three-files/site ]; then
	SOURCE_DATE_EPOCH=0 valgrind -q --error-exitcode=$VG_EXIT \
		--leak-check=full --errors-for-leak-kinds=definite \
		--log-file="$tmp/bad.log" "$ZONESITE" build \
		-C tests/bad/all-errors-three-files/site -o "$tmp/bad" \
		--now "$NOW" 2>/dev/null
	status=$?
	if [ "$status" -eq 1 ] && [ ! -s "$tmp/bad.log" ]; then
		echo "ok - valgrind: a build with content errors, no error, nothing definitely lost"
	else
		echo "not ok - valgrind: a build with content errors: exit status $status, want 1"
		sed 's/^==[0-9]*== /#   /' "$tmp/bad.log" | head -40
	fi
else
	echo "not ok - valgrind: a build with content errors: tests/bad/all-errors-three-files/site is missing"
fi
