#!/bin/sh
# messages: the language of messages and the progress lines (main.c,
# diag.h).  Dutch by default, English with --lang en or with
# `messages: en` in site.yaml, --lang winning over site.yaml; a wrong
# value of either is an error.  Progress: one line per stage and a
# summary line with counts and the time ("... 0 fouten in 0,08 s", a
# decimal comma in Dutch) on a terminal (a pseudo-terminal from script)
# or with -v; nothing of it when standard error is not a terminal.  The
# time is only printed: two builds with -v give the same bytes.
set -u
ZONESITE=${ZONESITE:-build/release/zonesite}
ZS=$(cd "$(dirname "$ZONESITE")" && pwd)/$(basename "$ZONESITE")
MINI=tests/regress/mini/site
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

ok() { echo "ok - $1"; }
nok() { echo "not ok - $1"; [ -n "${2:-}" ] && sed 's/^/#   /' "$2" | head -20; }
check() { if eval "$2"; then ok "$1"; else nok "$1" "${3:-}"; fi; }

cp -r "$MINI" "$tmp/site"
# One error, in a file of its own: its wording tells the language.
printf -- '---\ntitle: Kapot\nstart: 2025-10-01\nstrat: x\n---\n' \
	>"$tmp/site/events/kapot.md"
zs() { SOURCE_DATE_EPOCH=0 "$ZS" check -C "$tmp/site" --now 2025-10-01 "$@" \
	>/dev/null 2>"$tmp/err"; }

zs
check "default: Dutch messages" \
	'grep -q "kapot.md:4:1: fout: onbekende sleutel .strat.; bedoel je .start.?" "$tmp/err"' "$tmp/err"
zs --lang en
check "--lang en: English messages" \
	'grep -q "kapot.md:4:1: error: unknown key .strat.; did you mean .start.?" "$tmp/err"' "$tmp/err"
printf 'messages: en\n' >>"$tmp/site/site.yaml"
zs
check "site.yaml messages: en: English messages" \
	'grep -q ": error: unknown key .strat." "$tmp/err" && grep -q "^zonesite: [0-9]* errors\?, " "$tmp/err"' "$tmp/err"
zs --lang nl
check "--lang nl wins over site.yaml" \
	'grep -q ": fout: onbekende sleutel .strat." "$tmp/err"' "$tmp/err"
sed -i 's/^messages: en$/messages: fr/' "$tmp/site/site.yaml"
zs
check "messages: fr is an error of site.yaml" \
	'grep -q "site.yaml:[0-9]*:11: fout: .fr. is geen geldige waarde voor .messages.; kies uit: nl, en" "$tmp/err"' "$tmp/err"
SOURCE_DATE_EPOCH=0 "$ZS" build --lang fr -C "$tmp/site" >/dev/null 2>"$tmp/err"
check "--lang fr is a usage error (2)" \
	'[ $? -eq 2 ] && grep -q "^zonesite: --lang neemt nl of en, niet .fr.$" "$tmp/err"' "$tmp/err"
sed -i '/^messages: fr$/d' "$tmp/site/site.yaml"
rm "$tmp/site/events/kapot.md"

# Progress.  The shape of the lines, never the time taken.
build() { out=$1; shift; SOURCE_DATE_EPOCH=0 "$ZS" build -C "$tmp/site" \
	-o "$out" --now 2025-10-01 "$@"; }
summary_nl="^zonesite: [0-9][0-9]* pagina's, 4 activiteiten, 1 nieuwsbrief, 0 fouten in [0-9][0-9]*,[0-9][0-9] s\$"
summary_en="^zonesite: [0-9][0-9]* pages, 4 events, 1 newsletter, 0 errors in [0-9][0-9]*\\.[0-9][0-9] s\$"
cp "$MINI/events/kerngroep.md" "$tmp/site/events/kerngroep-2.md"
build "$tmp/a" 2>"$tmp/err"
check "not a terminal, no -v: no progress lines" \
	'! grep -q "^zonesite: \[[0-9]/3\]" "$tmp/err" && ! grep -q " in [0-9,.]* s$" "$tmp/err"' "$tmp/err"
build "$tmp/b" -v 2>"$tmp/err"
check "-v: one line per stage, in order" \
	'[ "$(grep "^zonesite: \[[0-9]/3\]" "$tmp/err" | tr "\n" "|")" = "zonesite: [1/3] site inlezen|zonesite: [2/3] inhoud nakijken|zonesite: [3/3] pagina'"'"'s opmaken en schrijven|" ]' "$tmp/err"
check "-v: the summary line is last, with a decimal comma" \
	'tail -1 "$tmp/err" | grep -q "$summary_nl"' "$tmp/err"
check "the page count is the number of HTML pages written" \
	'[ -d "$tmp/b" ] && [ "$(tail -1 "$tmp/err" | sed "s/^zonesite: \([0-9]*\) .*/\1/")" -eq "$(find "$tmp/b" -name "*.html" | wc -l)" ]' "$tmp/err"
check "-v: the output is the same bytes as without it" 'diff -r "$tmp/a" "$tmp/b" >/dev/null'
build "$tmp/c" -v --lang en 2>"$tmp/err"
check "-v --lang en: English, with a decimal point" \
	'grep -q "^zonesite: \[1/3\] reading the site$" "$tmp/err" && tail -1 "$tmp/err" | grep -q "$summary_en"' "$tmp/err"
if command -v script >/dev/null 2>&1; then
	# A pseudo-terminal: standard error is a terminal, without -v.
	script -qec "SOURCE_DATE_EPOCH=0 '$ZS' build -C '$tmp/site' -o '$tmp/d' --now 2025-10-01" \
		/dev/null >"$tmp/tty" 2>&1
	tr -d '\r' <"$tmp/tty" >"$tmp/tty.txt"
	check "on a terminal: progress lines and the summary line" \
		'grep -q "^zonesite: \[3/3\] pagina" "$tmp/tty.txt" && grep -q "$summary_nl" "$tmp/tty.txt"' "$tmp/tty.txt"
else
	echo "not ok - script (util-linux) is installed, for the terminal check (make test-deps installs it)"
fi
