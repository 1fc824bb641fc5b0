#!/bin/sh
# scaffold: `zonesite new KIND "Titel"` round trip (generator/scaffold.h).
# For each kind, in a copy of the golden site tests/regress/mini: the new
# file is written where the path printed says, with the title's slug as
# its id; a second `new` with the same title is refused (exit 1) and
# leaves the file as it was; `zonesite check` names each required key
# still to fill in (an event's start, a service's municipality) with its
# fix; once they are filled in with sed, the site builds with no error
# and the new item's page is in the output.  The dates written are the
# day of "now" (--now, or SOURCE_DATE_EPOCH in Brussels time) around
# midnight on the days the clocks change and at a month's and a year's
# end (tests/unit/test_scaffold.c checks the whole text written for a
# given day).
set -u
. tests/tools/tap.sh
ZONESITE=${ZONESITE:-build/release/zonesite}
MINI=tests/regress/mini/site
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# kind folder output-page required-to-fill
while read -r kind folder page fill; do
	site=$tmp/$kind
	cp -r "$MINI" "$site"
	title="Nieuw: één $kind voor Aalter"
	id="nieuw-een-$kind-voor-aalter"
	file=$site/$folder/$id.md
	SOURCE_DATE_EPOCH=0 "$ZONESITE" new "$kind" "$title" -C "$site" \
		--now 2025-10-01 >"$tmp/out" 2>"$tmp/err"
	status=$?
	if [ "$status" -eq 0 ] && [ -f "$file" ] &&
	   [ "$(cat "$tmp/out")" = "$file" ] && [ ! -s "$tmp/err" ]; then
		ok "new $kind: writes $folder/$id.md and prints its path"
	else
		nok "new $kind: writes $folder/$id.md and prints its path (status $status)" "$tmp/err"
		continue
	fi
	before=$(sha256sum "$file")
	"$ZONESITE" new "$kind" "$title" -C "$site" --now 2025-10-02 \
		>"$tmp/out" 2>"$tmp/err"
	status=$?
	if [ "$status" -eq 1 ] && [ "$(sha256sum "$file")" = "$before" ] &&
	   grep -q "bestaat al; er werd niets geschreven" "$tmp/err"; then
		ok "new $kind: a second time is refused and the file is kept"
	else
		nok "new $kind: a second time is refused and the file is kept (status $status)" "$tmp/err"
	fi
	"$ZONESITE" check -C "$site" --now 2025-10-01 >/dev/null 2>"$tmp/check"
	status=$?
	if [ "$fill" = - ]; then
		if [ "$status" -eq 0 ]; then
			ok "new $kind: checks with no error as written"
		else
			nok "new $kind: checks with no error as written" "$tmp/check"
		fi
	else
		key=${fill%%=*}
		line=$(grep -n "^$key:" "$file" | cut -d: -f1)
		if [ "$status" -eq 1 ] &&
		   grep -q "^$file:$line:1: fout: '$key' mag niet leeg zijn$" "$tmp/check" &&
		   grep -q "^    $file:$line: vul een waarde in na \`$key:\`$" "$tmp/check"; then
			ok "new $kind: check names the empty '$key' and its fix"
		else
			nok "new $kind: check names the empty '$key' and its fix (status $status)" "$tmp/check"
		fi
		sed -i "s/^$key: /$key: ${fill#*=} /" "$file"
	fi
	if SOURCE_DATE_EPOCH=0 "$ZONESITE" build -C "$site" -o "$tmp/$kind-out" \
		--now 2025-10-01 >/dev/null 2>"$tmp/build"; then
		if [ -f "$tmp/$kind-out/$page$id/index.html" ] &&
		   grep -q "Nieuw: één $kind voor Aalter" "$tmp/$kind-out/$page$id/index.html"; then
			ok "new $kind: filled in, the site builds with its page /$page$id/"
		else
			nok "new $kind: filled in, the site builds with its page /$page$id/" "$tmp/build"
		fi
	else
		nok "new $kind: filled in, the site builds" "$tmp/build"
	fi
done <<'EOF'
action actions acties/ -
event events kalender/ start=2025-11-14T12:00
newsletter newsletters nieuwsbrief/ -
partner partners partners/ -
service services kaart/ municipality=aalter
page pages / -
EOF

# Usage: an unknown kind is a usage error; a folder without site.yaml is
# refused before anything is written.
"$ZONESITE" new blog "Iets" -C "$tmp/action" >/dev/null 2>"$tmp/err"
if [ $? -eq 2 ] && grep -q "onbekende soort 'blog'" "$tmp/err"; then
	ok "new: an unknown kind is a usage error (2)"
else
	nok "new: an unknown kind is a usage error (2)" "$tmp/err"
fi
mkdir "$tmp/empty"
"$ZONESITE" new page "Iets" -C "$tmp/empty" >/dev/null 2>"$tmp/err"
if [ $? -eq 1 ] && [ -z "$(ls -A "$tmp/empty")" ]; then
	ok "new: a folder without site.yaml is refused, nothing written"
else
	nok "new: a folder without site.yaml is refused, nothing written" "$tmp/err"
fi

# The day of "now": from --now, or else from the instant SOURCE_DATE_EPOCH
# gives, as a day of Brussels (CET, CEST in summer), not of UTC.  The
# instants are the last minute or second of a day there and the midnight
# that follows it, on the days the clocks change and at a month's and a
# year's end, and half past midnight on the night the clocks go forward
# and on a summer night, when UTC still has the day before.  Each one
# writes a newsletter (its date and the header's day) and an action (its
# plan year and the year before suggested for continued_from) into a
# fresh copy of the site.
new_dated() { # NAME EPOCH [ARG...]: SOURCE_DATE_EPOCH=EPOCH, ARGs at the end
	site=$tmp/now-$(echo "$1" | tr -c 'a-zA-Z0-9\n' -)
	epoch=$2
	shift 2
	rm -rf "$site"
	cp -r "$MINI" "$site"
	SOURCE_DATE_EPOCH=$epoch "$ZONESITE" new newsletter "Nummer" -C "$site" "$@" \
		>"$tmp/nl" 2>"$tmp/err" &&
	SOURCE_DATE_EPOCH=$epoch "$ZONESITE" new action "Actie" -C "$site" "$@" \
		>"$tmp/act" 2>>"$tmp/err"
}
# new_dated's two files hold day $1 and plan year $2?
dated() {
	nl=$(cat "$tmp/nl") act=$(cat "$tmp/act")
	[ -f "$nl" ] && [ -f "$act" ] &&
	grep -q "^date: $1  #" "$nl" && grep -q "\`zonesite new\` op $1\.  " "$nl" &&
	grep -q "^plan: $2  #" "$act" && grep -q "^# continued_from: $(($2 - 1))  #" "$act" &&
	[ "$(grep -o '[0-9]\{4\}-[0-9][0-9]-[0-9][0-9]' "$nl" "$act" | cut -d: -f2 | sort -u)" = "$1" ]
}
while read -r utc day year local; do
	epoch=$(date -u -d "$utc" +%s)
	new_dated "$utc" "$epoch"
	check "now $utc ($local in Brussels): dated $day, plan $year" \
		'dated "$day" "$year"' "$tmp/err"
done <<'EOF_NOW'
2025-03-29T23:30:00Z 2025-03-30 2025 00:30-CET,clocks-go-forward
2025-03-30T21:59:00Z 2025-03-30 2025 23:59-CEST
2025-03-30T22:00:00Z 2025-03-31 2025 00:00-CEST
2025-06-30T22:30:00Z 2025-07-01 2025 00:30-CEST
2025-10-25T22:00:00Z 2025-10-26 2025 00:00-CEST,clocks-go-back
2025-10-26T22:59:00Z 2025-10-26 2025 23:59-CET
2025-10-26T23:00:00Z 2025-10-27 2025 00:00-CET
2025-10-31T22:59:59Z 2025-10-31 2025 23:59:59-CET
2025-10-31T23:00:00Z 2025-11-01 2025 00:00-CET
2025-12-31T22:59:59Z 2025-12-31 2025 23:59:59-CET
2025-12-31T23:00:00Z 2026-01-01 2026 00:00-CET
EOF_NOW
# The path printed is the one a person would type: no "./" for the
# current folder, no doubled slash after a trailing one.
ZS=$(cd "$(dirname "$ZONESITE")" && pwd)/$(basename "$ZONESITE")
site=$tmp/paths
cp -r "$MINI" "$site"
(cd "$site" && "$ZS" new event "Hier" -C . --now 2025-10-01 \
	>"$tmp/out" 2>"$tmp/err")
check "new -C .: prints events/hier.md" \
	'[ "$(cat "$tmp/out")" = events/hier.md ] && [ -f "$site/events/hier.md" ]' \
	"$tmp/err"
"$ZONESITE" new event "Daar" -C "$site/" --now 2025-10-01 >"$tmp/out" \
	2>"$tmp/err"
check "new -C site/: prints site/events/daar.md" \
	'[ "$(cat "$tmp/out")" = "$site/events/daar.md" ] && [ -f "$site/events/daar.md" ]' \
	"$tmp/err"
(cd "$site/events" && "$ZS" new page "Boven" -C .. --now 2025-10-01 \
	>"$tmp/out" 2>"$tmp/err")
check "new -C ..: prints ../pages/boven.md" \
	'[ "$(cat "$tmp/out")" = ../pages/boven.md ] && [ -f "$site/pages/boven.md" ]' \
	"$tmp/err"

while read -r day year; do
	new_dated "now-$day" 0 --now "$day"
	check "--now $day: dated $day, plan $year" 'dated "$day" "$year"' "$tmp/err"
done <<'EOF_NOW'
2025-10-31 2025
2025-12-31 2025
2026-01-01 2026
2024-02-29 2024
EOF_NOW
