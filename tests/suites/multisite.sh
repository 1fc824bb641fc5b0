#!/bin/sh
# multisite: several sites in one invocation (generator/multisite.h).
#   zonesite build -j 2 -C a -C b -C c
# Three copies of the golden site tests/regress/mini, one of them with a
# broken link: the other two are built exactly as a one-site build builds
# them, the broken one publishes nothing, each site's messages come as one
# block in the order the sites were given (the same with -j 1 and -j 2),
# and the exit status is the worst of the three; also with a site whose
# build is killed (3), whatever the order of the sites.
set -u
ZONESITE=${ZONESITE:-build/release/zonesite}
MINI=tests/regress/mini/site
NOW="--now 2025-10-01"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

. tests/tools/tap.sh

for s in a b c; do cp -r "$MINI" "$tmp/$s"; done
page=$(ls "$tmp/b/pages"/*.md | head -1)
printf '\nZie [dit](event:bestaat-niet).\n' >>"$page"
# The reference: the site built on its own.
SOURCE_DATE_EPOCH=0 "$ZONESITE" build -C "$MINI" -o "$tmp/ref" $NOW 2>/dev/null

SOURCE_DATE_EPOCH=0 "$ZONESITE" build -j 2 -C "$tmp/a" -C "$tmp/b" -C "$tmp/c" $NOW \
	>"$tmp/out2" 2>"$tmp/err2"
status=$?
check "three sites, one broken: exit status 1 (the worst)" '[ "$status" -eq 1 ]'
check "nothing on standard output" '[ ! -s "$tmp/out2" ]'
check "site a is built as on its own" 'diff -r "$tmp/ref" "$tmp/a/public" >/dev/null'
check "site c is built as on its own" 'diff -r "$tmp/ref" "$tmp/c/public" >/dev/null'
check "the broken site publishes nothing" '[ ! -e "$tmp/b/public" ]'
check "its error is reported" \
	'grep -q "^$tmp/b/pages/.*: fout: link naar onbekende activiteit .bestaat-niet." "$tmp/err2"'

# Each site's lines form one block, closed by its outcome line, in the
# order given: a line naming site X never follows X's outcome line nor
# precedes the outcome line of the site before X.
awk -v t="$tmp" '
	BEGIN { split("a b c", order, " "); cur = 1; bad = 0 }
	{
		for (i = 1; i <= 3; i++)
			if (index($0, t "/" order[i] "/") == 1 && i != cur)
				bad = 1
		if (index($0, "zonesite: " t "/" order[cur] ": ") == 1)
			cur++
	}
	END { exit bad || cur != 4 }' "$tmp/err2"
check "each site's messages form one block, in the order given" '[ $? -eq 0 ]'
check "outcome lines name each site" \
	'grep -q "^zonesite: $tmp/a: gebouwd$" "$tmp/err2" &&
	 grep -q "^zonesite: $tmp/b: fouten in de inhoud, niets gepubliceerd$" "$tmp/err2" &&
	 grep -q "^zonesite: $tmp/c: gebouwd$" "$tmp/err2"'
check "a last line sums up" \
	'[ "$(tail -1 "$tmp/err2")" = "zonesite: 3 sites: 2 gebouwd, 1 met fouten" ]'

SOURCE_DATE_EPOCH=0 "$ZONESITE" build -j 1 -C "$tmp/a" -C "$tmp/b" -C "$tmp/c" $NOW \
	>/dev/null 2>"$tmp/err1"
check "-j 1 prints exactly what -j 2 printed" 'cmp -s "$tmp/err1" "$tmp/err2"'

# The worst status whatever the order (generator/status.h): a site that
# builds (0), one with a content error (1, site b) and one whose build is
# killed (3: its 3 MB file is above the file size limit, so writing it
# ends the process with SIGXFSZ), in every order, one site at a time (the
# order given is then the order they end) and all at once.  No site's own
# run gives 2: a usage error stops the run before any site starts (the
# last checks below).
cp -r "$MINI" "$tmp/big"
head -c 3000000 /dev/zero >"$tmp/big/static/groot.bin"
FSIZE_BLOCKS=2000 # 1 MB in dash's 512-byte blocks, 2 MB in bash's
# sites JOBS SITE...: builds $tmp/SITE... under the limit; messages in
# $tmp/worst.err, the status returned.
sites() {
	j=$1
	shift
	for s; do set -- "$@" -C "$tmp/$s"; shift; done
	(
		ulimit -c 0
		ulimit -f "$FSIZE_BLOCKS"
		SOURCE_DATE_EPOCH=0 exec "$ZONESITE" build -j "$j" "$@" $NOW
	) >/dev/null 2>"$tmp/worst.err"
}
xfsz=$(($({ sh -c 'kill -s XFSZ $$'; } 2>/dev/null; echo $?) - 128)) # its number
killed="zonesite: $tmp/big: gestopt door signaal $xfsz"
for j in 1 3; do
	for order in "a b big" "a big b" "b a big" "b big a" "big a b" "big b a"; do
		# shellcheck disable=SC2086 # the order is three words
		sites "$j" $order
		status=$?
		check "-j $j, sites $order (0, 1 and killed): exit status 3" \
			'[ "$status" -eq 3 ] && grep -qx "$killed" "$tmp/worst.err" &&
			 [ "$(tail -1 "$tmp/worst.err")" = "zonesite: 3 sites: 1 gebouwd, 2 met fouten" ]' \
			"$tmp/worst.err"
	done
	for order in "a b" "b a"; do
		# shellcheck disable=SC2086 # the order is two words
		sites "$j" $order
		status=$?
		check "-j $j, sites $order (0 and 1): exit status 1" '[ "$status" -eq 1 ]' "$tmp/worst.err"
	done
done
sites 1 b big b
status=$?
check "a usage error among sites that give 1 and 3: exit status 2, no site is run" \
	'[ "$status" -eq 2 ] && grep -q "staat er twee keer" "$tmp/worst.err" &&
	 ! grep -q "^zonesite: $tmp/" "$tmp/worst.err"' "$tmp/worst.err"

sed -i '$d' "$page"
SOURCE_DATE_EPOCH=0 "$ZONESITE" build -C "$tmp/a" -C "$tmp/b" -C "$tmp/c" $NOW 2>"$tmp/err"
status=$?
check "all three fixed: exit status 0" '[ "$status" -eq 0 ]'
check "... and the third is built too" 'diff -r "$tmp/ref" "$tmp/b/public" >/dev/null'

rm -rf "$tmp/a/public"
SOURCE_DATE_EPOCH=0 "$ZONESITE" check -C "$tmp/a" -C "$tmp/c" $NOW 2>"$tmp/err"
status=$?
check "check of two sites: exit status 0, nothing written" \
	'[ "$status" -eq 0 ] && [ ! -e "$tmp/a/public" ]'
check "... and worded as a check" \
	'grep -q "^zonesite: $tmp/a: nagekeken, geen fouten$" "$tmp/err"'

usage() {
	"$ZONESITE" "$@" >/dev/null 2>"$tmp/usage"
	[ $? -eq 2 ]
}
check "a site given twice is a usage error" \
	'usage build -C "$tmp/a" -C "$tmp/a/../a" && grep -q "staat er twee keer" "$tmp/usage"'
check "-o with several sites is a usage error" \
	'usage build -C "$tmp/a" -C "$tmp/c" -o "$tmp/x" && [ ! -e "$tmp/x" ]'
check "-j 0 is a usage error" 'usage build -j 0 -C "$tmp/a" -C "$tmp/c"'
check "report takes one site" 'usage report -C "$tmp/a" -C "$tmp/c"'
