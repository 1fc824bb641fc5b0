#!/bin/sh
# workers: rendering with several processes (generator/render_workers.c)
# gives exactly what one process gives.
#   zonesite build -j N -C SITE      (a big site picks N by itself)
# - the demo zone with -j 1, 2 and 3: the same bytes in every file, the
#   same messages, the same ledger of published URLs;
# - a site with broken and unpublished links spread over many pages: the
#   same messages in the same order and the same exit status, nothing
#   published;
# - a synthetic zone above the size where workers start by themselves:
#   the same tree as -j 1;
# - rebuilds with workers into the previous output (the last one
#   recycling the spare tree) after an event is deleted: the same tree as
#   a fresh build (the worker's files are known
#   to the sweep: nothing stale is left, nothing it wrote is swept), and
#   an unchanged page keeps its inode.
set -u
ZONESITE=${ZONESITE:-build/release/zonesite}
NOW="--now 2025-10-01"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

. tests/tools/tap.sh

# build NAME SITE ARGS...: builds a copy of SITE (the ledger is written
# into the site) into $tmp/NAME.out, messages in $tmp/NAME.err, status in
# $tmp/NAME.rc.
build() {
	name=$1 site=$2
	shift 2
	rm -rf "$tmp/$name.site"
	cp -r "$site" "$tmp/$name.site"
	SOURCE_DATE_EPOCH=0 "$ZONESITE" build -C "$tmp/$name.site" \
		-o "$tmp/$name.out" $NOW "$@" >/dev/null 2>"$tmp/$name.err"
	echo $? >"$tmp/$name.rc"
	# Paths in messages name the copy; make them comparable.
	sed "s|$tmp/$name.site|SITE|g" "$tmp/$name.err" >"$tmp/$name.msg"
}

same_build() { # what ref other
	if [ -e "$tmp/$2.out" ]; then
		check "$1: same files and bytes" \
			"diff -r '$tmp/$2.out' '$tmp/$3.out' >'$tmp/diff' 2>&1"
		[ -s "$tmp/diff" ] && head -5 "$tmp/diff" | sed 's/^/#   /'
	else
		check "$1: nothing published by either" "[ ! -e '$tmp/$3.out' ]"
	fi
	check "$1: same messages" "cmp -s '$tmp/$2.msg' '$tmp/$3.msg'"
	check "$1: same exit status" "cmp -s '$tmp/$2.rc' '$tmp/$3.rc'"
}

# ---- the demo zone ----
build demo1 content -j 1
build demo2 content -j 2
build demo3 content -j 3
check "demo with -j 1 builds" '[ "$(cat "$tmp/demo1.rc")" = 0 ]'
same_build "demo, -j 2 against -j 1" demo1 demo2
same_build "demo, -j 3 against -j 1" demo1 demo3
check "demo, -j 3: the same ledger of published URLs" \
	'cmp -s "$tmp/demo1.site/published-urls.txt" "$tmp/demo3.site/published-urls.txt"'

# ---- messages from every worker ----
# Broken links in twelve event pages, so that each worker reports some,
# one of them the same in every page.
cp -r content "$tmp/bad"
n=0
for f in $(ls "$tmp/bad/events"/*.md | head -12); do
	n=$((n + 1))
	printf '\nZie [dit](event:bestaat-niet-%d) en [dat](event:weg).\n' "$n" >>"$f"
done
build bad1 "$tmp/bad" -j 1
build bad3 "$tmp/bad" -j 3
check "broken links: the build fails" '[ "$(cat "$tmp/bad1.rc")" = 1 ]'
# (Events of other editions are not rendered, so not all twelve count.)
check "broken links: two reported in each public page (at least 12)" \
	'[ "$(grep -c ": fout: link naar onbekende activiteit" "$tmp/bad1.msg")" -ge 12 ]'
same_build "broken links, -j 3 against -j 1" bad1 bad3
# check's summary lists each error's fix: the workers hand those over too.
for j in 1 3; do
	SOURCE_DATE_EPOCH=0 "$ZONESITE" check -j $j -C "$tmp/bad" $NOW \
		>/dev/null 2>"$tmp/check$j.err"
done
check "broken links: check -j 3 prints the same messages and summary" \
	'cmp -s "$tmp/check1.err" "$tmp/check3.err" && grep -q "samenvatting" "$tmp/check1.err"'

# ---- a zone big enough to split by itself ----
python3 tests/bench/gen-site --seed 7 --n 2100 "$tmp/big" >/dev/null
cpus=$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 1)
[ "$cpus" -lt 2 ] && echo "# one processor: the automatic build renders alone"
build big1 "$tmp/big" -j 1
build bigauto "$tmp/big"
check "synthetic zone (2,100 events) builds" '[ "$(cat "$tmp/big1.rc")" = 0 ]'
same_build "synthetic zone, automatic workers against -j 1" big1 bigauto
# Also when this machine has one processor (then "automatic" is -j 1).
build big2 "$tmp/big" -j 2
same_build "synthetic zone, -j 2 against -j 1" big1 big2

# ---- a rebuild after a deletion ----
# An event no other file links to, so that deleting it breaks nothing.
for victim in "$tmp/bigauto.site/events"/*.md; do
	id=$(basename "$victim" .md)
	grep -rlq "$id" "$tmp/bigauto.site" --exclude="$id.md" || break
done
keep=$(ls "$tmp/bigauto.site/events"/*.md | sed -n 9p)
keep_id=$(basename "$keep" .md)
inode() { ls -i "$1" | cut -d' ' -f1; }
# A second build parks the first tree as the spare; the third recycles it,
# so its sweep must tell the workers' files from stale ones.
SOURCE_DATE_EPOCH=0 "$ZONESITE" build -j 2 -C "$tmp/bigauto.site" \
	-o "$tmp/bigauto.out" $NOW >/dev/null 2>&1
before=$(inode "$tmp/bigauto.out/kalender/$keep_id/index.html")
rm "$victim"
SOURCE_DATE_EPOCH=0 "$ZONESITE" build -j 2 -C "$tmp/bigauto.site" \
	-o "$tmp/bigauto.out" $NOW >/dev/null 2>&1
status=$?
check "rebuild with workers after deleting an event succeeds" '[ "$status" -eq 0 ]'
cp -r "$tmp/bigauto.site" "$tmp/fresh.site"
SOURCE_DATE_EPOCH=0 "$ZONESITE" build -j 1 -C "$tmp/fresh.site" \
	-o "$tmp/fresh.out" $NOW >/dev/null 2>&1
check "the rebuild equals a fresh build of the changed site" \
	'diff -r "$tmp/fresh.out" "$tmp/bigauto.out" >/dev/null 2>&1'
check "the deleted event's page and calendar file are gone" \
	'[ ! -e "$tmp/bigauto.out/kalender/$id" ] && [ ! -e "$tmp/bigauto.out/kalender/$id.ics" ]'
check "an unchanged event page keeps its inode" \
	'[ "$(inode "$tmp/bigauto.out/kalender/$keep_id/index.html")" = "$before" ]'

# ---- a worker that cannot write ----
# Files above a size limit cannot be written (SIGXFSZ ignored, so write()
# fails with EFBIG): whichever worker writes the demo's biggest files
# reports it, the build fails, and the published site stays as it was.
cp -r "$tmp/demo1.out" "$tmp/demo1.before"
biggest=$(find "$tmp/demo1.out" -type f -printf '%s\n' | sort -n | tail -1)
limit=$(( (biggest / 1024) / 2 ))
(
	trap '' XFSZ
	ulimit -f "$limit"
	# Another day: every calendar file changes (DTSTAMP), so the big
	# ones must be written, not kept.
	SOURCE_DATE_EPOCH=0 exec "$ZONESITE" build -j 2 -C "$tmp/demo1.site" \
		-o "$tmp/demo1.out" --now 2025-11-15 >/dev/null 2>"$tmp/full.err"
)
status=$?
check "a write that fails in a worker: the build fails (exit $status)" \
	'[ "$status" -ne 0 ]' "$tmp/full.err"
check "it is reported as a write error" \
	'grep -q "niet schrijven" "$tmp/full.err"' "$tmp/full.err"
check "the published site is untouched" \
	'diff -r "$tmp/demo1.before" "$tmp/demo1.out" >/dev/null 2>&1'
