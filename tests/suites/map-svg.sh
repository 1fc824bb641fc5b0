#!/bin/sh
# map-svg: the map drawn at build time, checked without a browser.
#
# - the fixture in tests/map/ (see its README for the arithmetic): the SVG
#   of /kaart/ byte for byte against tests/map/expected.svg, and the
#   hand-computed frame, outline corners and marker positions one by one;
# - the warnings for a service outside every outline and one without geo;
# - the same fixture without its boundaries file: a blank frame, framed on
#   the services alone (again worked out by hand);
# - the tile option puts what a tile script needs on the page, and only then;
# - the demo zone: one marker per service with geo, no more, no fewer.
# REBUILD=1 rewrites tests/map/expected.svg (after showing the diff).
set -u
ZONESITE=${ZONESITE:-build/release/zonesite}
REBUILD=${REBUILD:-0}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
n=0

ok() { echo "ok - $1"; }
notok() { echo "not ok - $1"; [ $# -gt 1 ] && printf '%s\n' "$2" | sed 's/^/#   /'; }
check() { # check WHAT CONDITION-COMMAND...
	what=$1; shift
	if "$@" >/dev/null 2>&1; then ok "$what"; else notok "$what"; fi
}
has() { grep -qF -- "$2" "$1"; }
svg_of() { sed -n '/<svg class="map-svg"/,/<\/svg>/p' "$1"; }

build() { # build SITE OUT: stderr to OUT.log
	SOURCE_DATE_EPOCH=0 "$ZONESITE" build -C "$1" -o "$2" --now 2025-10-01 \
		--lang en 2>"$2.log" # the checks quote English messages
}

# ---- the fixture ----
if ! build tests/map/site "$tmp/a"; then
	notok "map fixture builds" "$(cat "$tmp/a.log")"
	exit 1
fi
ok "map fixture builds"
page=$tmp/a/kaart/index.html
svg_of "$page" >"$tmp/a.svg"

if [ "$REBUILD" = 1 ]; then
	diff -u tests/map/expected.svg "$tmp/a.svg" || true
	cp "$tmp/a.svg" tests/map/expected.svg
	ok "map fixture: expected.svg rebuilt"
elif d=$(diff -u tests/map/expected.svg "$tmp/a.svg"); then
	ok "map fixture: the SVG equals tests/map/expected.svg byte for byte"
else
	notok "map fixture: the SVG differs from tests/map/expected.svg" "$(echo "$d" | head -40)"
fi

s=$tmp/a.svg
check "frame: lon 0..2 at lat0 60 (k = 1/2), 340 units per degree: 380 x 720" \
	has "$s" 'viewBox="0 0 380.0 720.0"'
check "outline of west: (0,59) (1,59) (1,61) (0,61) at 20/190 x 700/20" \
	has "$s" 'd="M20.0,700.0L190.0,700.0L190.0,20.0L20.0,20.0L20.0,700.0Z" data-municipality="west"'
check "the hole of east is a second subpath (even-odd fill)" \
	has "$s" 'ZM232.5,615.0L317.5,615.0L317.5,445.0L232.5,445.0L232.5,615.0Z'
check "the outline named only by properties.name is matched to site.yaml" \
	has "$s" 'data-municipality="east"'
check "a-west (60N, 0.5E) is drawn at 105, 360" has "$s" 'd="M105.0,360.0m'
check "b-east (60.5N, 1.5E) is drawn at 275, 190" has "$s" 'd="M275.0,190.0m'
check "c-hole (59.5N, 1.5E) is drawn at 275, 530" has "$s" 'd="M275.0,530.0m'
check "e-twin, on a-west's spot, is moved 26 up to 105, 334" has "$s" 'd="M105.0,334.0m'
check "e-twin has a leader from its true place" has "$s" 'd="M105.0,360.0L105.0,334.0"'
want=$(grep -l '^geo:' tests/map/site/services/*.md | wc -l)
got=$(grep -c '<a class="marker"' "$s")
if [ "$got" -eq "$want" ] && [ "$want" -gt 0 ]; then ok "fixture: $got markers for $want services with geo"
else notok "fixture: $got markers for $want services with geo"; fi
order=$(grep -o '<a class="marker" href="[^"]*" data-id="[a-z-]*"' "$s" | sed 's/.*data-id="//; s/"$//' | tr '\n' ' ')
check "markers follow the list order (municipality, category, id)" \
	test "$order" = 'a-west e-twin c-hole b-east '
check "every marker has an accessible name: service and category" \
	has "$s" 'aria-label="Sociaal huis Oost (Sociaal huis)"'
check "the service without geo is listed" has "$page" 'href="/kaart/d-nogeo/"'
check "... and named among those not on the map" \
	sh -c "sed -n '/map-unplotted/,/<\/div>/p' '$page' | grep -q d-nogeo"
check "warning: c-hole lies in a hole, outside every outline" \
	has "$tmp/a.log" 'tests/map/site/services/c-hole.md:5:6: warning: geo [59.5, 1.5] lies outside every municipality outline of the map'
check "warning: d-nogeo is not plotted" \
	has "$tmp/a.log" "tests/map/site/services/d-nogeo.md:1:1: warning: no 'geo'"
check "no other warning" test "$(grep -c ': warning:' "$tmp/a.log")" -eq 2
check "the default map asks nothing of a tile server" \
	sh -c "! grep -q 'data-tiles\|data-scale' '$page'"
check "filter pages exist for each category and municipality" \
	test -f "$tmp/a/kaart/soort/hulp/index.html" -a -f "$tmp/a/kaart/soort/huis/index.html" \
	     -a -f "$tmp/a/kaart/gemeente/west/index.html" -a -f "$tmp/a/kaart/gemeente/east/index.html"
check "the category page shows only its markers" \
	test "$(svg_of "$tmp/a/kaart/soort/huis/index.html" | grep -c 'data-category="huis"')" -eq 2 -a \
	     "$(svg_of "$tmp/a/kaart/soort/huis/index.html" | grep -c '<a class="marker"')" -eq 2
check "the locator of a-west shows one marker, not a link" \
	sh -c "svg_count=\$(sed -n '/<figure class=\"locator\"/,/<\/figure>/p' '$tmp/a/kaart/a-west/index.html' | grep -c 'class=\"marker-shape\"'); [ \"\$svg_count\" -eq 1 ]"

# Reproducible: a second build gives the same bytes.
build tests/map/site "$tmp/b"
if d=$(diff -r "$tmp/a" "$tmp/b"); then ok "two builds of the map are identical"
else notok "two builds of the map are identical" "$(echo "$d" | head -20)"; fi

# ---- without boundaries: framed on the points alone ----
cp -r tests/map/site "$tmp/nob"
rm -r "$tmp/nob/data"
build "$tmp/nob" "$tmp/c" || notok "fixture without boundaries builds" "$(cat "$tmp/c.log")"
svg_of "$tmp/c/kaart/index.html" >"$tmp/c.svg"
# Points lon 0.5..1.5, lat 59.5..60.5: still lat0 = 60, so 0.5 x 1
# projected degrees; the height decides, 680 units per degree:
# 40 + 0.5 x 680 = 380 wide.
check "no boundaries: framed on the services, 380 x 720" has "$tmp/c.svg" 'viewBox="0 0 380.0 720.0"'
check "no boundaries: a-west at the west edge, 20, 360" has "$tmp/c.svg" 'd="M20.0,360.0m'
check "no boundaries: b-east at the north-east corner, 360, 20" has "$tmp/c.svg" 'd="M360.0,20.0m'
check "no boundaries: c-hole at the south-east corner, 360, 700" has "$tmp/c.svg" 'd="M360.0,700.0m'
check "no boundaries: a blank frame" has "$tmp/c.svg" '<rect class="map-blank"'
check "no boundaries: the page says so" has "$tmp/c/kaart/index.html" 'Er zijn geen gemeentegrenzen beschikbaar'
check "no boundaries: no outside warning without outlines" \
	sh -c "! grep -q 'outside every' '$tmp/c.log'"
check "no boundaries: still one marker per service with geo" \
	test "$(grep -c '<a class="marker"' "$tmp/c.svg")" -eq "$want"

# ---- the tile option ----
cp -r tests/map/site "$tmp/tiles"
printf 'map: {tiles: "https://tiles.kaart.example/{z}/{x}/{y}.png", attribution: "Kaartgegevens: de zone"}\n' \
	>>"$tmp/tiles/site.yaml"
build "$tmp/tiles" "$tmp/d" || notok "fixture with tiles builds" "$(cat "$tmp/d.log")"
check "tiles: the figure names the tile address for map.js" \
	has "$tmp/d/kaart/index.html" 'data-tiles="https://tiles.kaart.example/{z}/{x}/{y}.png"'
check "tiles: and the credit" has "$tmp/d/kaart/index.html" 'data-attribution="Kaartgegevens: de zone"'
check "tiles: the SVG carries its Web Mercator frame" has "$tmp/d/kaart/index.html" 'data-scale="'
# Web Mercator: X is the longitude itself (2 degrees wide) and
# Y(61) - Y(59) = ln(tan 75.5) - ln(tan 74.5) = 4.00142 degrees high; the
# height decides: 680 / 4.00142 = 169.94 units per degree, 40 + 2 x 169.94 wide.
check "tiles: drawn in Web Mercator (379.9 x 720)" has "$tmp/d/kaart/index.html" 'viewBox="0 0 379.9 720.0"'

# ---- the demo zone ----
build content "$tmp/demo" || notok "demo builds" "$(cat "$tmp/demo.log")"
want=$(grep -l '^geo:' content/services/*.md | wc -l)
got=$(svg_of "$tmp/demo/kaart/index.html" | grep -c '<a class="marker"')
if [ "$got" -eq "$want" ] && [ "$want" -gt 0 ]; then ok "demo: $got markers for $want services with geo"
else notok "demo: $got markers for $want services with geo"; fi
all=$(ls content/services/*.md | wc -l)
check "demo: every service is in the list" \
	test "$(grep -c 'class="card service-card"' "$tmp/demo/kaart/index.html")" -eq "$all"
check "demo: no service outside the outlines" sh -c "! grep -q 'outside every' '$tmp/demo.log'"
