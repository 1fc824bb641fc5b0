#!/bin/sh
# labels: a theme's labels.yaml changes the words the generator writes
# (generator/labels.h).  A copy of the golden site tests/regress/calendar
# gets a theme folder of its own (themes/default/ with only labels.yaml,
# the rest coming from zonesite's theme) that overrides:
#   - labels without a placeholder: the heading of the calendar's "date
#     not known yet" band and the filter label of the municipality facet;
#   - labels with placeholders: the title of a partner facet page (the
#     municipality's name), "dag 2 van 4" with its two numbers in the other
#     order, and the "Meer info" line of the calendar files (the URL);
# and each page or file shows the theme's text, with the value in its
# place, where the build without the theme shows the default.
set -u
. tests/tools/tap.sh
ZONESITE=${ZONESITE:-build/release/zonesite}

# build SITE OUT: builds SITE into OUT, its messages in OUT.log.
build() {
	SOURCE_DATE_EPOCH=0 "$ZONESITE" build -C "$1" -o "$2" \
		--now 2025-10-01 >/dev/null 2>"$2.log"
}

# has FILE TEXT: FILE holds TEXT, calendar files read with their lines
# unfolded (RFC 5545 folds them at 75 octets).
has() {
	sed -e ':a' -e 'N' -e '$!ba' -e 's/\r\n //g' "$1" | grep -qF -- "$2"
}

SITE=tests/regress/calendar/site
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp -r "$SITE" "$tmp/site"
build "$tmp/site" "$tmp/ref"
status=$?
check "the site builds without a theme of its own" '[ "$status" -eq 0 ]' \
	"$tmp/ref.log"

mkdir -p "$tmp/site/themes/default"
cat >"$tmp/site/themes/default/labels.yaml" <<'EOF'
calendar_date_tbd: "Datum volgt later"
calendar_municipality: "Kies een gemeente"
title_partners_municipality: "Partnerorganisaties uit {municipality}"
calendar_day_of: "{days} dagen, dag {day}"
ical_more_info: "Lees verder op {url}"
EOF
build "$tmp/site" "$tmp/out"
status=$?
check "... and with the theme's labels.yaml" '[ "$status" -eq 0 ]' \
	"$tmp/out.log"

cal=kalender/index.html
check "no placeholder: the default heading is on the calendar" \
	'has "$tmp/ref/$cal" ">Datum nog niet bekend<"'
check "... the theme's heading replaces it" \
	'has "$tmp/out/$cal" ">Datum volgt later<" &&
	 ! has "$tmp/out/$cal" "Datum nog niet bekend"'
check "no placeholder: the municipality filter's label is the theme's" \
	'has "$tmp/ref/$cal" ">Gemeente<" && has "$tmp/out/$cal" ">Kies een gemeente<"'

facet=partners/gemeente/aalter/index.html
check "a placeholder: the default title of a partner facet page" \
	'has "$tmp/ref/$facet" "<title>Partners in Aalter ·"'
check "... the theme's title, with the municipality in its place" \
	'has "$tmp/out/$facet" "<title>Partnerorganisaties uit Aalter ·" &&
	 has "$tmp/out/$facet" ">Partnerorganisaties uit Aalter</h1>" &&
	 ! has "$tmp/out/$facet" "Partners in Aalter"'

check "two placeholders: the default \"dag 2 van 4\"" \
	'has "$tmp/ref/$cal" "dag 2 van 4" && has "$tmp/ref/$cal" "dag 4 van 4"'
check "... the theme's order of the two numbers" \
	'has "$tmp/out/$cal" "4 dagen, dag 2" && has "$tmp/out/$cal" "4 dagen, dag 4" &&
	 ! has "$tmp/out/$cal" "dag 2 van 4"'

# The "Meer info" line ends its event's description with the address of
# the event's page, the whole of it up to the line's end (CR LF).
base=$(sed -n 's/^base_url: *//p' "$SITE/site.yaml" | tr -d '"')
url=${base%/}/kalender/platform-zorg-welzijn/
cr=$(printf '\r')
check "a placeholder in a calendar file: the default \"Meer info\" line" \
	'has "$tmp/ref/kalender.ics" "\\n\\nMeer info: $url$cr"'
check "... the theme's line, with the event page's address in its place" \
	'has "$tmp/out/kalender.ics" "\\n\\nLees verder op $url$cr" &&
	 ! has "$tmp/out/kalender.ics" "Meer info:"'

(cd "$tmp/ref" && find . -type f | LC_ALL=C sort) >"$tmp/ref.files"
(cd "$tmp/out" && find . -type f | LC_ALL=C sort) >"$tmp/out.files"
check "the theme changes words, not which files are written" \
	'cmp -s "$tmp/ref.files" "$tmp/out.files"'
