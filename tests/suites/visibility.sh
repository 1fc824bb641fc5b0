#!/bin/sh
# visibility: nothing of an item that an edition does not publish reaches
# that edition's files (content-model.md, "Visibility").
#
# The demo zone has actions and events marked `visibility: partners` and
# `visibility: internal`.  It is built as the public, partners and internal
# editions; for every such item, its title (as written and as HTML escapes
# it) and its URL must be absent from every file of an edition that does
# not publish it (pages, feeds, .ics, JSON, sitemap, search index), and
# present in an edition that does: the positive check proves the search
# would have found it.
set -u
ZONESITE=${ZONESITE:-build/release/zonesite}
SITE=${VISIBILITY_SITE:-content}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0

ok() { echo "ok - $1"; }
nok() { echo "not ok - $1"; [ $# -lt 2 ] || echo "#   $2"; fails=$((fails + 1)); }

for e in public partners internal; do
	if ! SOURCE_DATE_EPOCH=0 "$ZONESITE" build -C "$SITE" -o "$tmp/$e" \
		--now 2025-10-01 --edition "$e" 2>"$tmp/$e.err"; then
		nok "the $e edition builds" "$(head -3 "$tmp/$e.err")"
		exit 1
	fi
done

# The item's title as front matter gives it, with YAML quotes removed.
title_of() {
	sed -n 's/^title: *//p' "$1" | head -1 |
		sed 's/^"\(.*\)"$/\1/; s/^'"'"'\(.*\)'"'"'$/\1/'
}

# Files of edition $1 that mention $2 (a title) or URL path $3.  The
# .ics files are searched unfolded (RFC 5545 folds lines at 75 octets and
# escapes ',' and ';'), so a long title cannot hide in them.
mentions() {
	[ -n "$2" ] && [ -n "$3" ] || { echo "(no title or path to look for)"; return; }
	esc=$(printf '%s' "$2" | sed 's/&/\&amp;/g; s/</\&lt;/g; s/>/\&gt;/g; s/"/\&quot;/g')
	ics=$(printf '%s' "$2" | sed 's/[,;]/\\&/g')
	{
		grep -rlF -e "$2" -e "$esc" -e "$3" "$tmp/$1" 2>/dev/null
		find "$tmp/$1" -name '*.ics' | while read -r f; do
			sed ':a;N;$!ba;s/\r\n //g' "$f" | grep -qF -e "$ics" -e "$3" && echo "$f"
		done
	} | sort -u | sed "s|$tmp/$1/||" | head -3
}

seen=0
for f in "$SITE"/actions/*.md "$SITE"/events/*.md; do
	vis=$(sed -n 's/^visibility: *\([a-z]*\).*/\1/p' "$f" | head -1)
	case $vis in partners|internal) ;; *) continue ;; esac
	seen=$((seen + 1))
	id=$(basename "$f" .md)
	t=$(title_of "$f")
	case $f in */actions/*) path="/acties/$id/" ;; *) path="/kalender/$id/" ;; esac
	if [ "$vis" = partners ]; then hidden="public"; shown="partners internal"
	else hidden="public partners"; shown="internal"; fi
	for e in $hidden; do
		m=$(mentions "$e" "$t" "$path")
		if [ -z "$m" ]; then ok "$vis item $id: nothing of it in the $e edition"
		else nok "$vis item $id: nothing of it in the $e edition" "found in: $(echo $m)"; fi
	done
	for e in $shown; do
		m=$(mentions "$e" "$t" "$path")
		if [ -n "$m" ] && [ -n "$t" ]; then ok "$vis item $id: published in the $e edition"
		else nok "$vis item $id: published in the $e edition" "'$t' and $path not found"; fi
	done
done
# A public event that serves an internal fiche: the event is published,
# the fiche's title is not.
internal=$(grep -l '^visibility: *internal' "$SITE"/actions/*.md | head -1)
public=$(grep -l '^action:' "$SITE"/events/*.md | xargs grep -L '^visibility: *\(internal\|partners\)' | head -1)
if [ -n "$internal" ] && [ -n "$public" ]; then
	cp -R "$SITE" "$tmp/site"
	ev=$(basename "$public" .md)
	sed -i "s/^action: .*/action: $(basename "$internal" .md)/" "$tmp/site/events/$ev.md"
	SOURCE_DATE_EPOCH=0 "$ZONESITE" build -C "$tmp/site" -o "$tmp/cross" \
		--now 2025-10-01 2>/dev/null
	m=$(mentions cross "$(title_of "$internal")" "/acties/$(basename "$internal" .md)/")
	if [ -f "$tmp/cross/kalender/$ev/index.html" ] && [ -z "$m" ]; then
		ok "a public event serving an internal fiche does not show the fiche"
	else
		nok "a public event serving an internal fiche does not show the fiche" "found in: $(echo $m)"
	fi
else
	nok "the site has an internal fiche and a public event serving a fiche"
fi
if [ "$seen" -ge 2 ]; then ok "the site has $seen items that are not public"
else nok "the site has items that are not public to check" "found $seen"; fi
[ "$fails" -eq 0 ]
