#!/bin/sh
# publish: `zonesite publish` (generator/publish.h), the command behind
# `make publish`: build, every check included, then rsync to the target
# site.yaml names -- here a local folder, with the real rsync.
#
# Without a target nothing is sent and the message says what to add; with
# one the target becomes an exact copy of the build (stale files removed,
# the build's private marker not sent), an unchanged file is not sent
# again, a content error stops everything before rsync and leaves the
# target untouched, a target rsync would read as an option is an error at
# its line, and only the public edition can be published.
set -u
ZONESITE=${ZONESITE:-build/release/zonesite}
MINI=tests/regress/mini/site
NOW="--now 2025-10-01"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

. tests/tools/tap.sh

if ! command -v rsync >/dev/null 2>&1; then
	nok "rsync is installed (make test-deps installs it)"
	exit 1
fi
# A listing that changes when any file of a tree is rewritten: path,
# inode, size and modification time of everything.
snapshot() { (cd "$1" && find . -printf '%p %i %s %T@\n' | sort); }

cp -r "$MINI" "$tmp/site"
"$ZONESITE" publish -C "$tmp/site" $NOW >"$tmp/out" 2>"$tmp/err"
status=$?
check "no target in site.yaml: exit status 1" '[ "$status" = 1 ]' "$tmp/err"
check "... the message shows the key to add" \
	'grep -q "^  publish:" "$tmp/err" && grep -q "^    target: " "$tmp/err"' "$tmp/err"
check "... and rsync was not run" '! grep -q "rsync" "$tmp/err"' "$tmp/err"

printf '\npublish:\n  target: "%s/www/"\n' "$tmp" >>"$tmp/site/site.yaml"
"$ZONESITE" check -C "$tmp/site" $NOW >"$tmp/out" 2>"$tmp/err"
check "a publish target passes check" '[ $? = 0 ]' "$tmp/err"
mkdir "$tmp/www"
echo old >"$tmp/www/stale.html"
"$ZONESITE" publish -C "$tmp/site" $NOW >"$tmp/out" 2>"$tmp/err"
status=$?
check "publish: exit status 0" '[ "$status" = 0 ]' "$tmp/err"
check "the target is an exact copy of the build" \
	'diff -r -x .zonesite-output "$tmp/site/public" "$tmp/www" >"$tmp/diff"' "$tmp/diff"
check "a file no longer in the site is removed from the target" '[ ! -e "$tmp/www/stale.html" ]'
check "the build's private marker is not sent" '[ ! -e "$tmp/www/.zonesite-output" ]'
check "nothing on standard output" '[ ! -s "$tmp/out" ]'

# Again without a change: the build keeps every file's time, so rsync
# sends nothing and every file of the target is the same inode.
snapshot "$tmp/www" >"$tmp/snap1"
"$ZONESITE" publish -C "$tmp/site" $NOW >/dev/null 2>"$tmp/err"
status=$?
snapshot "$tmp/www" >"$tmp/snap2"
check "an unchanged site: published again (exit status 0), not one file of the target rewritten" \
	'[ "$status" = 0 ] && diff "$tmp/snap1" "$tmp/snap2" >"$tmp/diff"' "$tmp/diff"

# One page changed: it, and only what shows its title, is sent.
sed 's/^title: Over ons$/title: Over ons bijgewerkt/' "$tmp/site/pages/over-ons.md" >"$tmp/p"
cp "$tmp/p" "$tmp/site/pages/over-ons.md"
"$ZONESITE" publish -C "$tmp/site" $NOW >/dev/null 2>"$tmp/err"
check "a changed page reaches the target" \
	'grep -q "<title>Over ons bijgewerkt" "$tmp/www/over-ons/index.html"' "$tmp/err"
snapshot "$tmp/www" >"$tmp/snap3"

# A content error: nothing built, nothing sent, the target untouched.
printf -- '---\ntitle: Kapot\nstrat: 2025-10-14\n---\n' >"$tmp/site/pages/kapot.md"
"$ZONESITE" publish -C "$tmp/site" $NOW >/dev/null 2>"$tmp/err"
status=$?
check "a content error: exit status 1" '[ "$status" = 1 ]' "$tmp/err"
check "... its diagnostic is printed" 'grep -q "pages/kapot.md:3:1: " "$tmp/err"' "$tmp/err"
check "... rsync is not run" '! grep -q "rsync\|$tmp/www" "$tmp/err"' "$tmp/err"
snapshot "$tmp/www" >"$tmp/snap4"
check "... and the target is untouched" 'diff "$tmp/snap3" "$tmp/snap4" >"$tmp/diff"' "$tmp/diff"
rm "$tmp/site/pages/kapot.md"

# A target rsync would take for an option is refused at its position.
sed 's|^  target: .*|  target: "--rsh=sh"|' "$tmp/site/site.yaml" >"$tmp/y"
cp "$tmp/y" "$tmp/site/site.yaml"
line=$(grep -n '^  target:' "$tmp/site/site.yaml" | cut -d: -f1)
"$ZONESITE" publish -C "$tmp/site" $NOW >/dev/null 2>"$tmp/err"
status=$?
check "a target starting with '-': exit status 1" '[ "$status" = 1 ]' "$tmp/err"
check "... an error at its line and column in site.yaml" \
	'grep -q "site.yaml:$line:11: .*--rsh=sh" "$tmp/err"' "$tmp/err"
check "... and the target is untouched" \
	'snapshot "$tmp/www" | diff "$tmp/snap3" - >"$tmp/diff"' "$tmp/diff"

"$ZONESITE" check -C "$tmp/site" $NOW >/dev/null 2>"$tmp/err"
check "check reports it too (exit status 1)" '[ $? = 1 ] && grep -q "site.yaml:$line:11: " "$tmp/err"' "$tmp/err"
sed 's|^  target: .*|  target: "www\\tmap/"|' "$tmp/site/site.yaml" >"$tmp/y"
cp "$tmp/y" "$tmp/site/site.yaml"
"$ZONESITE" check -C "$tmp/site" $NOW >/dev/null 2>"$tmp/err"
check "a target with a tab in it: an error at its line" \
	'[ $? = 1 ] && grep -q "site.yaml:$line:11: " "$tmp/err"' "$tmp/err"

# rsync fails (the target's parent does not exist): exit status 3.
sed 's|^  target: .*|  target: "'"$tmp"'/no/such/folder/"|' "$tmp/site/site.yaml" >"$tmp/y"
cp "$tmp/y" "$tmp/site/site.yaml"
"$ZONESITE" publish -C "$tmp/site" $NOW >/dev/null 2>"$tmp/err"
status=$?
check "rsync fails: exit status 3, with a message naming the target" \
	'[ "$status" = 3 ] && grep -q "$tmp/no/such/folder/" "$tmp/err"' "$tmp/err"

# Only the public edition is ever published; a preview never is.  The
# target is the real one again, so that a wrongly accepted run would show.
sed 's|^  target: .*|  target: "'"$tmp"'/www/"|' "$tmp/site/site.yaml" >"$tmp/y"
cp "$tmp/y" "$tmp/site/site.yaml"
snapshot "$tmp/www" >"$tmp/snap3"
"$ZONESITE" publish -C "$tmp/site" $NOW --edition internal >/dev/null 2>"$tmp/err"
check "publish --edition internal: a usage error (2)" '[ $? = 2 ]' "$tmp/err"
"$ZONESITE" publish -C "$tmp/site" $NOW --live-reload >/dev/null 2>"$tmp/err"
check "publish --live-reload: a usage error (2)" '[ $? = 2 ]' "$tmp/err"
check "neither sent anything" \
	'snapshot "$tmp/www" | diff "$tmp/snap3" - >"$tmp/diff"' "$tmp/diff"
