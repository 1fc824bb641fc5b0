#!/bin/sh
# install: `make install` and `make uninstall` with PREFIX and DESTDIR,
# and the man page they install (generator/zonesite.1).
#
# A staged install (DESTDIR) puts every file under the stage and nothing
# outside it; an install into a PREFIX gives a zonesite that finds its
# templates and themes there on its own and builds a site exactly as the
# source tree's zonesite does; the man page renders without one warning
# from groff -ww (and mandoc -Tlint when it is there), and `man zonesite`
# finds it through MANPATH; uninstall removes what install put.
set -u
ZONESITE=${ZONESITE:-build/release/zonesite}
BUILD=${BUILD:-build/release}
MINI=tests/regress/mini/site
NOW="--now 2025-10-01"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

. tests/tools/tap.sh

# A PREFIX that does not exist on this machine: a staged install must
# not create it.
prefix=/opt/zonesite-install-test-$$
stage=$tmp/stage
make --no-print-directory BUILD="$BUILD" PREFIX="$prefix" DESTDIR="$stage" \
	install >"$tmp/make.log" 2>&1
check "make install PREFIX=... DESTDIR=...: succeeds" '[ $? = 0 ]' "$tmp/make.log"
root=$stage$prefix
check "bin/zonesite, executable" '[ -x "$root/bin/zonesite" ]'
check "bin/zonesite-serve, executable" '[ -x "$root/bin/zonesite-serve" ]'
check "share/man/man1/zonesite.1" '[ -f "$root/share/man/man1/zonesite.1" ]'
check "share/zonesite/templates and themes" \
	'[ -f "$root/share/zonesite/templates/layout.mustache" ] && [ -d "$root/share/zonesite/themes/default" ]'
check "nothing is written outside DESTDIR" '[ ! -e "$prefix" ]'
check "the binary looks for its data in PREFIX/share/zonesite" \
	'grep -aq "$prefix/share/zonesite" "$root/bin/zonesite"'

SOURCE_DATE_EPOCH=0 "$ZONESITE" build -C "$MINI" -o "$tmp/ref" $NOW 2>/dev/null
SOURCE_DATE_EPOCH=0 ZONESITE_DATADIR=$root/share/zonesite "$root/bin/zonesite" \
	build -C "$MINI" -o "$tmp/staged" $NOW 2>"$tmp/err"
check "the staged zonesite builds the site as the source tree's does" \
	'diff -r "$tmp/ref" "$tmp/staged" >"$tmp/diff" 2>&1' "$tmp/diff"

# Installed for real into a PREFIX: no environment needed.
make --no-print-directory BUILD="$BUILD" PREFIX="$tmp/prefix" install \
	>"$tmp/make2.log" 2>&1
check "make install PREFIX=...: succeeds" '[ $? = 0 ]' "$tmp/make2.log"
site=$(cd "$MINI" && pwd)
(cd / && unset ZONESITE_DATADIR && SOURCE_DATE_EPOCH=0 \
	"$tmp/prefix/bin/zonesite" build -C "$site" -o "$tmp/installed" $NOW) 2>"$tmp/err"
check "the installed zonesite finds its templates and themes by itself" \
	'diff -r "$tmp/ref" "$tmp/installed" >"$tmp/diff" 2>&1' "$tmp/diff"

page=$tmp/prefix/share/man/man1/zonesite.1
groff -man -Tutf8 -ww -z "$page" >"$tmp/groff" 2>&1
check "groff -man -ww: the man page renders without a warning" \
	'[ $? = 0 ] && [ ! -s "$tmp/groff" ]' "$tmp/groff"
if command -v mandoc >/dev/null 2>&1; then
	mandoc -Tlint -W warning "$page" >"$tmp/lint" 2>&1
	check "mandoc -Tlint: no warning" '[ ! -s "$tmp/lint" ]' "$tmp/lint"
else
	echo "# note: mandoc is not installed; groff -ww checked the man page"
fi
groff -man -Tutf8 "$page" 2>/dev/null | sed 's/.\x08//g' >"$tmp/text"
for section in NAME SYNOPSIS DESCRIPTION COMMANDS OPTIONS "EXIT STATUS" ENVIRONMENT FILES EXAMPLES; do
	check "the man page has $section" 'grep -q "^$section\$" "$tmp/text"' "$tmp/text"
done
for word in publish --live-reload zonesite-serve SOURCE_DATE_EPOCH rsync; do
	check "the man page covers $word" 'grep -q -- "$word" "$tmp/text"'
done
if command -v man >/dev/null 2>&1; then
	MANPATH=$tmp/prefix/share/man man -P cat zonesite >"$tmp/man" 2>&1
	check "MANPATH=PREFIX/share/man man zonesite shows it" \
		'grep -q "zonesite - build the website" "$tmp/man"' "$tmp/man"
else
	echo "# note: man is not installed; the page was rendered by groff only"
fi

make --no-print-directory BUILD="$BUILD" PREFIX="$tmp/prefix" uninstall \
	>"$tmp/make3.log" 2>&1
check "make uninstall: succeeds" '[ $? = 0 ]' "$tmp/make3.log"
check "... and removes every file install put" \
	'[ -z "$(find "$tmp/prefix" -type f)" ]' "$tmp/make3.log"
