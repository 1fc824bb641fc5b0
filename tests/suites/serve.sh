#!/bin/sh
# serve: the watch loop of `make serve` (generator/zonesite-serve).
#
# A copy of the golden site tests/regress/mini is served on a free port;
# the test then drives it: the first page appears, a saved title shows up
# in the served page, a content error is reported in the terminal and in
# the status file the pages poll (the previous site stays served), fixing
# it brings the site back, and stopping the script leaves no process and
# no preview folder behind.  Also: a site whose first build fails serves a
# page with the diagnostics; a busy port is a clear error; the preview
# carries the reload script and a normal build does not; the preview
# leaves the site's published-urls.txt alone.
#
# Every wait is bounded (WAIT seconds) and nothing asserts how
# fast a rebuild is: speed is measured in benchmarks, never here.
set -u
ZONESITE=${ZONESITE:-build/release/zonesite}
ZS=$(cd "$(dirname "$ZONESITE")" && pwd)/$(basename "$ZONESITE")
SERVE=generator/zonesite-serve
MINI=tests/regress/mini/site
WAIT=30
tmp=$(mktemp -d)
pids=
trap 'for p in $pids; do kill "$p" 2>/dev/null; done; rm -rf "$tmp"' EXIT
trap 'exit 1' INT TERM

ok() { echo "ok - $1"; }
nok() { echo "not ok - $1"; [ $# -lt 2 ] || sed 's/^/#   /' "$2" | tail -n 30; }
check() { if eval "$2"; then ok "$1"; else nok "$1" "${3:-/dev/null}"; fi; }

for tool in inotifywait python3 bash; do
	if ! command -v $tool >/dev/null 2>&1; then
		nok "$tool is installed (make test-deps installs it)"
		exit 1
	fi
done

# fetch URL: the body on standard output; fails on an HTTP error.
fetch() {
	python3 -c 'import sys, urllib.request
sys.stdout.write(urllib.request.urlopen(sys.argv[1], timeout=5).read().decode())' "$1" 2>/dev/null
}
# wait_for CONDITION: evaluates it every 0.1 s until it holds, for at
# most WAIT seconds by the clock.
wait_for() {
	deadline=$(($(date +%s) + WAIT))
	until eval "$1"; do
		[ "$(date +%s)" -ge $deadline ] && return 1
		sleep 0.1
	done
	return 0
}
free_port() {
	python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}
# status FIELD: a field of the status file the pages poll.
status() {
	fetch "$url/.zonesite-preview.json" | python3 -c 'import json, sys
print(json.load(sys.stdin)[sys.argv[1]])' "$1" 2>/dev/null
}
# The processes a serve run started: their command lines name its folders.
leftovers() {
	ps -eo pid=,args= | grep -F "$1" | grep -v -e grep -e "ps -eo" || true
}

cp -r "$MINI" "$tmp/site"
: >"$tmp/site/published-urls.txt"
mkdir "$tmp/t"
port=$(free_port)
url=http://127.0.0.1:$port
TMPDIR=$tmp/t ZONESITE=$ZS bash "$SERVE" -C "$tmp/site" -p "$port" \
	--now 2025-10-01 >"$tmp/log" 2>&1 &
pid=$!
pids="$pid"

check "the first build is served at $url/" \
	'wait_for "fetch $url/over-ons/ | grep -q \"<title>Over ons ·\""' "$tmp/log"
check "the URL is printed" 'wait_for "grep -q \"http://127.0.0.1:$port/\" \"$tmp/log\""' "$tmp/log"
porthex=$(printf '%04X' "$port")
# Every listening socket on that port, from the kernel's own tables.
listeners() {
	awk -v p=":$porthex" '$4 == "0A" && substr($2, length($2) - 4) == p { print $2 }' \
		/proc/net/tcp /proc/net/tcp6 2>/dev/null
}
check "the server listens on 127.0.0.1 only" '[ "$(listeners)" = "0100007F:$porthex" ]'
check "status: build 1, ok" '[ "$(status build)" = 1 ] && [ "$(status ok)" = True ]'
check "the preview pages carry the reload script" \
	'fetch $url/over-ons/ | grep -q "zonesite-preview.json"'
"$ZS" build -C "$tmp/site" -o "$tmp/normal" --now 2025-10-01 2>/dev/null
check "a normal build carries no reload script" \
	'[ -f "$tmp/normal/index.html" ] && ! grep -rq "zonesite-preview" "$tmp/normal"'
: >"$tmp/site/published-urls.txt"

# A saved change: the served page follows.
sed 's/^title: Over ons$/title: Over ons herschreven/' "$tmp/site/pages/over-ons.md" >"$tmp/p"
cat "$tmp/p" >"$tmp/site/pages/over-ons.md"
check "a saved title appears in the served page" \
	'wait_for "fetch $url/over-ons/ | grep -q \"<title>Over ons herschreven ·\""' "$tmp/log"
check "the status names a later build" '[ "$(status build)" -ge 2 ] && [ "$(status ok)" = True ]'

# A content error: reported in the terminal and in the status; the
# previous site is still what the server has.
before=$(status build)
printf -- '---\ntitle: Kapot\nstrat: 2025-10-14\n---\nTekst.\n' >"$tmp/site/pages/kapot.md"
check "a content error reaches the status file" \
	'wait_for "[ \"\$(status ok)\" = False ]"' "$tmp/log"
check "the status carries the diagnostic with file, line and column" \
	'status diagnostics | grep -q "pages/kapot.md:3:1: .*strat"' "$tmp/log"
check "the terminal shows the diagnostic" \
	'grep -q "pages/kapot.md:3:1: .*strat" "$tmp/log"' "$tmp/log"
check "the build number went up" '[ "$(status build)" -gt "$before" ]'
check "the previous site is still served (the page shows the errors over it)" \
	'fetch $url/over-ons/ | grep -q "<title>Over ons herschreven ·"'

# Fixed: the site comes back, with the change that came with the fix.
failed=$(status build)
printf -- '---\ntitle: Hersteld\n---\nTekst.\n' >"$tmp/site/pages/kapot.md"
check "fixing the error brings the site back" \
	'wait_for "[ \"\$(status ok)\" = True ] && fetch $url/kapot/ | grep -q \"<title>Hersteld ·\""' "$tmp/log"
check "after a build later than the failed one" '[ "$(status build)" -gt "$failed" ]'
check "the preview left published-urls.txt alone" '[ ! -s "$tmp/site/published-urls.txt" ]'

# A second server on the same port: a clear error, no process left.
TMPDIR=$tmp/t ZONESITE=$ZS bash "$SERVE" -C "$tmp/site" -p "$port" \
	--now 2025-10-01 >"$tmp/log2" 2>&1 &
pid2=$!
pids="$pids $pid2"
if wait_for "! kill -0 $pid2 2>/dev/null"; then
	wait "$pid2"; st=$?
else
	kill "$pid2"; wait "$pid2"; st=running
fi
check "a busy port: the second server stops, with a message" \
	'[ "$st" != running ] && grep -q "kan niet luisteren op 127.0.0.1:$port" "$tmp/log2"' "$tmp/log2"
check "... and exit status 3" '[ "$st" = 3 ]'

# Stopping: no watcher, no server, no preview folder left.
kill -TERM "$pid"
check "SIGTERM stops the script" 'wait_for "! kill -0 $pid 2>/dev/null"' "$tmp/log"
check "no process of it is left" 'wait_for "[ -z \"\$(leftovers \"$tmp/\")\" ]"'
leftovers "$tmp/" | sed 's/^/#   left: /'
check "the preview folder is removed" '[ -z "$(ls -A "$tmp/t")" ]'
check "the port is free again" '! fetch "$url/" >/dev/null'
check "it says it stopped" 'grep -q "zonesite-serve: gestopt" "$tmp/log"' "$tmp/log"

# A site that is broken from the start: a page with the diagnostics,
# then the site once it is fixed.
cp -r "$MINI" "$tmp/broken"
printf -- '---\ntitle: Kapot\nstrat: 2025-10-14\n---\n' >"$tmp/broken/pages/kapot.md"
port=$(free_port)
url=http://127.0.0.1:$port
TMPDIR=$tmp/t ZONESITE=$ZS bash "$SERVE" -C "$tmp/broken" -p "$port" \
	--now 2025-10-01 >"$tmp/log3" 2>&1 &
pid3=$!
pids="$pids $pid3"
check "a site broken from the start: its errors are the page" \
	'wait_for "fetch $url/ | grep -q \"pages/kapot.md:3:1: .*strat\""' "$tmp/log3"
check "... a page that polls for the next build" \
	'fetch $url/ | grep -q "zonesite-preview.json"'
rm "$tmp/broken/pages/kapot.md"
check "... and once fixed, the site" \
	'wait_for "fetch $url/ | grep -q \"<title>Eerstelijnszone Testzone</title>\""' "$tmp/log3"
kill -INT "$pid3" 2>/dev/null; kill -TERM "$pid3" 2>/dev/null
wait_for "! kill -0 $pid3 2>/dev/null"
check "no process of it is left either" 'wait_for "[ -z \"\$(leftovers \"$tmp/\")\" ]"'

# Its own lines speak Dutch, or English with --lang en, like zonesite.
ZONESITE=$ZS bash "$SERVE" -C "$MINI" -p poort >"$tmp/nl" 2>&1
check "its messages are Dutch by default" \
	'grep -q "de poort moet een getal zijn, niet .poort." "$tmp/nl"' "$tmp/nl"
ZONESITE=$ZS bash "$SERVE" -C "$MINI" -p port --lang en >"$tmp/en" 2>&1
check "... and English with --lang en" \
	'grep -q "the port must be a number, not .port." "$tmp/en"' "$tmp/en"

# A site under a sub-path (base_url https://kal.example/zone/): its pages
# link to /zone/..., so the preview serves it at /zone/, where its
# stylesheet, its links and the status file all resolve.
cp -r tests/regress/calendar/site "$tmp/sub"
: >"$tmp/sub/published-urls.txt"
port=$(free_port)
url=http://127.0.0.1:$port/zone
TMPDIR=$tmp/t ZONESITE=$ZS bash "$SERVE" -C "$tmp/sub" -p "$port" \
	--now 2025-10-01 >"$tmp/log4" 2>&1 &
pid4=$!
pids="$pids $pid4"
check "a sub-path site is served at its sub-path" \
	'wait_for "fetch $url/kalender/ | grep -q \"href=\\\"/zone/assets/style.css\""' "$tmp/log4"
check "... its URL is printed with the sub-path" \
	'wait_for "grep -q \"http://127.0.0.1:$port/zone/ \" \"$tmp/log4\""' "$tmp/log4"
css=$(fetch "$url/kalender/" | sed -n 's|.*href="\(/zone/assets/style.css[^"]*\)".*|\1|p' | head -n 1)
check "... its stylesheet loads from there" \
	'[ -n "$css" ] && fetch "http://127.0.0.1:$port$css" | grep -q "{"'
check "... and the pages poll the status under the sub-path" \
	'fetch $url/kalender/ | grep -q "/zone/.zonesite-preview.json" && [ "$(status build)" = 1 ]'
kill -TERM "$pid4" 2>/dev/null
wait_for "! kill -0 $pid4 2>/dev/null"
check "no process of it is left" 'wait_for "[ -z \"\$(leftovers \"$tmp/\")\" ]"'
