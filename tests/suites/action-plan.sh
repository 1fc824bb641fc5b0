#!/bin/sh
# action-plan.sh: the action plan's pages beyond the golden sites
# tests/regress/action-plan and action-plan-internal.
#   - the demo's timeline grid (/acties/tijdslijn/) is byte for byte the one
#     in action-plan/demo-timeline.html, and /acties/2025/tijdslijn/ has
#     the same grid (REBUILD=1 records the grid anew: read the diff first);
#   - a fiche shows the template's headings in the template's order,
#     whatever order its text has, with the writer's own headings after;
#   - the public edition leaves the placeholder out and the build says so
#     in its summary; the internal edition publishes it and the report;
#   - every page of both editions of the golden site passes the Nu Html
#     Checker (the demo suite checks the demo's public pages).
set -u
ZONESITE=${ZONESITE:-build/release/zonesite}
VNU=${VNU:-tests/node_modules/vnu-jar/build/dist/vnu.jar}
REBUILD=${REBUILD:-0}
HERE=tests/suites/action-plan
SITE=tests/regress/action-plan/site
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

ok() { echo "ok - $1"; }
notok() { echo "not ok - $1"; [ $# -gt 1 ] && printf '%s\n' "$2" | head -30 | sed 's/^/#   /'; }

# The <table class="timeline"> ... </table> of a page.
grid() { sed -n '/<table class="timeline">/,/<\/table>/p' "$1"; }

if SOURCE_DATE_EPOCH=0 "$ZONESITE" build -C content -o "$tmp/demo" --now 2025-10-01 2>"$tmp/demo.err"; then
	grid "$tmp/demo/acties/tijdslijn/index.html" >"$tmp/grid.html"
	if [ "$REBUILD" = 1 ]; then
		diff -u "$HERE/demo-timeline.html" "$tmp/grid.html"
		cp "$tmp/grid.html" "$HERE/demo-timeline.html"
		ok "demo timeline: rebuilt"
	elif diff -u "$HERE/demo-timeline.html" "$tmp/grid.html" >"$tmp/grid.diff"; then
		ok "demo timeline: the grid of plan 2025 is the recorded one"
	else
		notok "demo timeline: the grid of plan 2025 is the recorded one" "$(cat "$tmp/grid.diff")"
	fi
	rows=$(grep -c '<tbody class="tl-action' "$tmp/grid.html")
	fiches=$(grep -l '^plan: 2025' content/actions/*.md | xargs grep -L '^template: stub' | xargs grep -L '^status: placeholder' | xargs grep -L '^visibility: \(internal\|partners\)' | wc -l)
	if [ "$rows" -gt 0 ] && [ "$rows" -eq "$fiches" ]; then
		ok "demo timeline: one row per published 2025 fiche that is not a stub ($rows)"
	else
		notok "demo timeline: one row per published 2025 fiche that is not a stub" "$rows rows, $fiches fiches"
	fi
	if grid "$tmp/demo/acties/2025/tijdslijn/index.html" | cmp -s - "$tmp/grid.html"; then
		ok "demo timeline: /acties/2025/tijdslijn/ has the same grid as /acties/tijdslijn/"
	else
		notok "demo timeline: /acties/2025/tijdslijn/ has the same grid as /acties/tijdslijn/"
	fi
else
	notok "demo builds" "$(cat "$tmp/demo.err")"
fi

# The golden site's fiche 1 is written Evaluatie, Wat?, Eigen noot, Hoe?,
# Waarom?, Voor wie?, Met wie?, Mijlpalen (a "## " in a quote under Hoe?
# stays there); the 2025 template's order is
# Wat?, Waarom?, Voor wie?, Met wie?, Hoe?, Mijlpalen, Evaluatie.
# Fiche 2 (2024 template) is written Wat?, Waarom?, Korte omschrijving, ...
if SOURCE_DATE_EPOCH=0 "$ZONESITE" build -C "$SITE" -o "$tmp/pub" --now 2025-10-01 --lang en 2>"$tmp/pub.err"; then
	h2() { grep -o '<h2 id="[^"]*">[^<]*</h2>' "$1" | sed 's/<[^>]*>//g' | tr '\n' '|'; }
	got=$(h2 "$tmp/pub/acties/p-a01-platformen/index.html")
	want='Wat?|Waarom?|Voor wie?|Met wie?|Hoe?|Een kop in een citaat|Mijlpalen|Evaluatie|Eigen noot|'
	[ "$got" = "$want" ] && ok "2025 fiche: the template's headings in its order, the writer's own after" \
		|| notok "2025 fiche: the template's headings in its order, the writer's own after" "$got"
	got=$(h2 "$tmp/pub/acties/p-a02-speeddates/index.html")
	want='Korte omschrijving|Waarom?|Voor wie?|Wat?|Met wie?|Hoe?|Wanneer?|Communicatie|Evaluatie|'
	[ "$got" = "$want" ] && ok "2024 fiche: the headings in the order of the 2024 Word template" \
		|| notok "2024 fiche: the headings in the order of the 2024 Word template" "$got"
	got=$(h2 "$tmp/pub/acties/p-a03-brochure/index.html")
	[ "$got" = 'Mijlpalen|Evaluatie|' ] && ok "short fiche: its text, then Mijlpalen and Evaluatie" \
		|| notok "short fiche: its text, then Mijlpalen and Evaluatie" "$got"
	if grep -q 'zonesite: 1 placeholder fiche left out of the public edition: p-a05-in-opmaak$' "$tmp/pub.err" &&
	   [ ! -e "$tmp/pub/acties/p-a05-in-opmaak" ] && ! grep -rq 'p-a05-in-opmaak' "$tmp/pub"; then
		ok "public edition: the placeholder is left out, and the build summary names it"
	else
		notok "public edition: the placeholder is left out, and the build summary names it" "$(cat "$tmp/pub.err")"
	fi
	[ ! -e "$tmp/pub/acties/rapport" ] && ok "public edition: no plan report page" \
		|| notok "public edition: no plan report page"
else
	notok "the golden site builds (public)" "$(cat "$tmp/pub.err")"
fi

if SOURCE_DATE_EPOCH=0 "$ZONESITE" build -C "$SITE" -o "$tmp/int" --now 2025-10-01 --edition internal --lang en 2>"$tmp/int.err"; then
	if [ -f "$tmp/int/acties/p-a05-in-opmaak/index.html" ] && [ -f "$tmp/int/acties/rapport/index.html" ] &&
	   [ -f "$tmp/int/acties/2025/rapport/index.html" ] && ! grep -q 'placeholder fiche' "$tmp/int.err"; then
		ok "internal edition: the placeholder and the plan report are published, nothing left out"
	else
		notok "internal edition: the placeholder and the plan report are published, nothing left out" "$(cat "$tmp/int.err")"
	fi
else
	notok "the golden site builds (internal)" "$(cat "$tmp/int.err")"
fi

if [ ! -f "$VNU" ] || ! command -v java >/dev/null 2>&1; then
	notok "Nu Html Checker available (run: make test-deps)"
elif java -jar "$VNU" --errors-only --skip-non-html --format text "$tmp/pub" "$tmp/int" >"$tmp/vnu.txt" 2>&1; then
	ok "Nu Html Checker: both editions of the golden site, no errors"
else
	notok "Nu Html Checker: both editions of the golden site, no errors" "$(sed "s|$tmp/||" "$tmp/vnu.txt")"
fi
