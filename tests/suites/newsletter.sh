#!/bin/sh
# newsletter: the archive, the issues, their mail versions and the feed.
#
#   - golden outputs of tests/newsletter/site (three issues over two years,
#     a site in the folder /zone/ of its host): each mail (email.html,
#     email.txt) and feed.xml byte for byte, and the <main> part of the
#     archive and issue pages (the layout around it belongs to every page,
#     and is the regress cases' business);
#   - check_mail.py, with parsers that share no code with zonesite (Python's
#     expat and html.parser): the Atom feed, every mail of the golden site
#     and of the demo zone (no script, absolute links, width, campaign on
#     links into the site only, 72 columns, numbered references);
#   - the Nu Html Checker on the mails and the newsletter pages;
#   - an unknown placeholder in 'campaign' is an error at its place.
# REBUILD=1 shows how the golden outputs differ, then replaces them.
set -u
ZONESITE=${ZONESITE:-build/release/zonesite}
VNU=${VNU:-tests/node_modules/vnu-jar/build/dist/vnu.jar}
REBUILD=${REBUILD:-0}
SITE=tests/newsletter/site
WANT=tests/newsletter/expected
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

build() { # SITE OUT [more args]
	s=$1 o=$2
	shift 2
	SOURCE_DATE_EPOCH=0 "$ZONESITE" build -C "$s" -o "$o" --now 2025-10-01 \
		--lang en "$@" # the checks quote English messages
}

if build "$SITE" "$tmp/out" 2>"$tmp/err"; then
	echo "ok - the newsletter site builds"
else
	echo "not ok - the newsletter site builds"
	sed 's/^/#   /' "$tmp/err" | head -40
	exit 1
fi

# The golden part: mails and feed whole, pages' <main>.
mkdir -p "$tmp/golden"
(cd "$tmp/out" && find nieuwsbrief -type f | LC_ALL=C sort) | while read -r f; do
	mkdir -p "$tmp/golden/$(dirname "$f")"
	case $f in
	*/index.html) sed -n '/<main/,/<\/main>/p' "$tmp/out/$f" >"$tmp/golden/${f%.html}.main.html" ;;
	*) cp "$tmp/out/$f" "$tmp/golden/$f" ;;
	esac
done
if [ "$REBUILD" = 1 ]; then
	diff -ru "$WANT" "$tmp/golden" || true
	rm -rf "$WANT"
	cp -r "$tmp/golden" "$WANT"
	echo "ok - golden outputs rebuilt"
fi
(cd "$WANT" && find . -type f | LC_ALL=C sort) >"$tmp/want.list"
(cd "$tmp/golden" && find . -type f | LC_ALL=C sort) >"$tmp/got.list"
if cmp -s "$tmp/want.list" "$tmp/got.list"; then
	echo "ok - golden: the same $(wc -l <"$tmp/got.list") files"
else
	echo "not ok - golden: the same files"
	diff "$tmp/want.list" "$tmp/got.list" | sed 's/^/#   /'
fi
while read -r f; do
	[ -f "$tmp/golden/$f" ] || continue
	if diff -u "$WANT/$f" "$tmp/golden/$f" >"$tmp/d" 2>&1; then
		echo "ok - golden ${f#./}"
	else
		echo "not ok - golden ${f#./}"
		head -40 "$tmp/d" | sed 's/^/#   /'
	fi
done <"$tmp/want.list"

# Independent parsers: the golden site, then the demo zone's ten issues.
# check_mail.py prints its own checks; when it stops half-way (a Python
# exception, or no python3 at all) the checks it never ran are a failure,
# not a shorter list of passes.
check_mail() { # OUT BASE_URL CAMPAIGN
	python3 tests/newsletter/check_mail.py "$@" >"$tmp/mail.out" 2>&1
	st=$?
	sed '/^\(not \)\{0,1\}ok /!s/^/#   /' "$tmp/mail.out"
	if [ "$st" -ne 0 ] && ! grep -q '^not ok ' "$tmp/mail.out"; then
		echo "not ok - check_mail.py $1 ran to its end (exit status $st)"
	fi
}
check_mail "$tmp/out" https://www.zone.example/zone/ 'nb-{id}'
if build content "$tmp/demo" 2>"$tmp/demo.err"; then
	echo "ok - the demo zone builds"
	check_mail "$tmp/demo" https://www.elzwe40.example/ 'nieuwsbrief-{id}'
else
	echo "not ok - the demo zone builds"
	sed 's/^/#   /' "$tmp/demo.err" | head -20
fi

# The mail HTML is checked like every page: it is valid HTML5 (styles in
# style attributes, no obsolete width/cellpadding attributes).
if [ ! -f "$VNU" ] || ! command -v java >/dev/null 2>&1; then
	echo "not ok - Nu Html Checker available (run: make test-deps)"
else
	set -- "$tmp"/out/nieuwsbrief/*/*.html "$tmp"/out/nieuwsbrief/index.html \
		"$tmp"/demo/nieuwsbrief/*/email.html
	if java -jar "$VNU" --errors-only --format text "$@" >"$tmp/vnu.txt" 2>&1; then
		echo "ok - Nu Html Checker: $# mails and newsletter pages, no errors"
	else
		echo "not ok - Nu Html Checker: $# mails and newsletter pages"
		sed "s|$tmp/||" "$tmp/vnu.txt" | head -30 | sed 's/^/#   /'
	fi
fi

# A campaign with an unknown placeholder: an error pointing at it.
cp -r "$SITE" "$tmp/badsite"
sed -i 's/campaign: "nb-{id}"/campaign: "nb-{nummer}"/' "$tmp/badsite/site.yaml"
build "$tmp/badsite" "$tmp/bad-out" 2>"$tmp/bad.err"
status=$?
line=$(grep -n 'campaign:' "$tmp/badsite/site.yaml" | cut -d: -f1)
want="$tmp/badsite/site.yaml:$line:13: error: unknown placeholder '{nummer}' in 'campaign': only {id}, the issue's id, is replaced"
if [ "$status" -eq 1 ] && grep -qxF "$want" "$tmp/bad.err" && [ ! -e "$tmp/bad-out" ]; then
	echo "ok - an unknown campaign placeholder is an error at its place; nothing is published"
else
	echo "not ok - an unknown campaign placeholder is an error at its place (status $status)"
	echo "#   want: $want"
	sed 's/^/#   got:  /' "$tmp/bad.err" | head -5
fi
