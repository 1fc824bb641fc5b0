#!/bin/sh
# seeds.sh DIR: writes the seed corpus of each fuzz target into DIR/NAME/,
# from what the tests and the demo already hold, so the fuzzers start from
# real content instead of from nothing:
#   frontmatter  every .md and .yaml file of content/, the golden and
#                bad-input sites and the fuzz base site;
#   template     the theme's templates, the templates of the Mustache
#                specification, and a few that use fuzz_template's partials;
#   fuzzydate    every string literal of tests/unit/test_fuzzydate.c and
#                every start:/end: value of the content, alone and in pairs;
#   site         every content file, prefixed with the digit of its slot in
#                fuzz_site.c (0 site.yaml, 1 objectives.yaml, 2 pages,
#                3 partners, 4 services, 5 actions, 6 events, 7 newsletters).
# Seeds are made at test time and never committed; inputs that once
# crashed a target are committed in tests/fuzz/regress/NAME/ instead.
set -u
out=${1:?usage: seeds.sh DIR}
PYTHON=${PYTHON:-python3}
rm -rf "$out"
mkdir -p "$out/frontmatter" "$out/template" "$out/fuzzydate" "$out/site"

# A file name for a seed: its path with / turned into _.
name_of() {
	echo "$1" | sed 's|^\./||; s|/|_|g'
}

sites="content tests/fuzz/site"
for d in tests/regress/*/site tests/bad/*/site; do
	[ -d "$d" ] && sites="$sites $d"
done
for d in $sites; do
	find "$d" -type f \( -name '*.md' -o -name '*.yaml' \) ! -name README.md
done | LC_ALL=C sort >"$out/files"

while IFS= read -r f; do
	cp "$f" "$out/frontmatter/$(name_of "$f")"
	slot=""
	case $f in
	*/site.yaml) slot=0 ;;
	*/objectives.yaml) slot=1 ;;
	*/pages/*.md) slot=2 ;;
	*/partners/*.md) slot=3 ;;
	*/services/*.md) slot=4 ;;
	*/actions/*.md) slot=5 ;;
	*/events/*.md) slot=6 ;;
	*/newsletters/*.md) slot=7 ;;
	esac
	if [ -n "$slot" ]; then
		{ printf '%s' "$slot"; cat "$f"; } >"$out/site/$(name_of "$f")"
	fi
done <"$out/files"

for f in templates/*.mustache; do
	cp "$f" "$out/template/$(name_of "$f")"
done
# The specification's templates, each with its first partial as "p".
"$PYTHON" - "$out/template" tests/mustache/spec <<'EOF'
import glob, os, sys, yaml
out, spec = sys.argv[1], sys.argv[2]
for path in sorted(glob.glob(os.path.join(spec, '*.yml'))):
    if 'lambdas' in path:
        continue
    with open(path, encoding='utf-8') as f:
        tests = yaml.safe_load(f).get('tests', [])
    base = os.path.basename(path)[:-4].lstrip('~')
    for i, t in enumerate(tests):
        parts = [t.get('template', '')]
        partials = t.get('partials') or {}
        if partials:
            parts.append(sorted(partials.items())[0][1])
        with open(os.path.join(out, f'spec-{base}-{i:03d}'), 'wb') as f:
            f.write('\0'.join(parts).encode('utf-8'))
EOF
printf '%s\0%s\0%s\0%s' \
	'{{<layout}}{{$inhoud}}{{#items}}{{>card}}{{/items}}{{/inhoud}}{{/layout}}' \
	'{{site.name}} {{{body}}} {{x.y.z}}' \
	'<main>{{$inhoud}}leeg{{/inhoud}}</main>{{>*dyn}}' \
	'<a href="{{url}}">{{label}}</a>{{^url}}-{{/url}}' >"$out/template/own-partials"
printf '%s' '{{=<% %>=}}<%#words%><%.%><%/words%><%={{ }}=%>{{^empty}}niets{{/empty}}{{#t}}{{/t}}{{>p}}' \
	>"$out/template/own-delimiters"

# Date strings: the literals of the unit tests, then the content's values.
grep -o '"[^"\\]*"' tests/unit/test_fuzzydate.c | sed 's/^"//; s/"$//' |
	LC_ALL=C sort -u >"$out/dates"
for d in $sites; do
	grep -rhoE '^(start|end|date|updated|deadline): *[^#]*' "$d" 2>/dev/null |
		sed 's/^[a-z]*: *//; s/ *$//; s/^"//; s/"$//'
done | LC_ALL=C sort -u >>"$out/dates"
i=0
prev=""
while IFS= read -r v; do
	i=$((i + 1))
	printf '0%s' "$v" >"$out/fuzzydate/d$i"
	printf '1%s\n%s' "$v" "$prev" >"$out/fuzzydate/p$i"
	prev=$v
done <"$out/dates"
printf '1herfst 2025\n2025-winter' >"$out/fuzzydate/seasons"
rm -f "$out/files" "$out/dates"
