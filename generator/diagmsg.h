/*
 * diagmsg: the catalogue of every message zonesite can print about content.
 *
 * One entry per message: its id, its level, its printf format in English
 * and the same in Dutch (nl-BE, the 'je' form of the site's labels).  Both
 * formats take the same arguments in the same order (tests/unit/
 * test_diagmsg.c checks it; -Wformat cannot); a Dutch word order that
 * needs an argument elsewhere must reword the sentence instead.  Keeping
 * them in one table (after mandoc) lets the tests refer to messages by id
 * and keeps the wording consistent.  Grouped by the pipeline stage that
 * emits them.  Quote names with '...'.  Level FIX: a concrete edit that
 * `zonesite check` lists in its summary (diag_fix, after the message).
 */

/* load: the site tree and its files */
DIAG(D_IO, ERROR, "cannot read: %s",
     "kan niet lezen: %s")
DIAG(D_NO_SITE, ERROR, "no site.yaml here: not a zonesite site folder",
     "hier staat geen site.yaml: dit is geen map van een zonesite-site")
DIAG(D_BAD_UTF8, ERROR, "invalid UTF-8 byte sequence",
     "ongeldige UTF-8-bytereeks")
DIAG(D_NUL_BYTE, ERROR, "NUL byte in a text file",
     "NUL-byte in een tekstbestand")
DIAG(D_SYMLINK_OUTSIDE, ERROR, "symbolic link leads outside the site folder",
     "symbolische link leidt buiten de map van de site")
DIAG(D_BAD_ID, ERROR, "'%s' is not a valid id: use lower-case a-z, 0-9 and '-', starting with a letter or digit",
     "'%s' is geen geldige id: gebruik kleine letters a-z, cijfers 0-9 en '-', en begin met een letter of cijfer")
DIAG(D_BAD_FILE_ID, ERROR, "'%s' is not a valid id: use lower-case a-z, 0-9 and '-', starting and ending with a letter or digit; rename the file to '%s.md'",
     "'%s' is geen geldige id: gebruik kleine letters a-z, cijfers 0-9 en '-', en begin en eindig met een letter of cijfer; hernoem het bestand naar '%s.md'")
DIAG(D_NOT_MARKDOWN, ERROR, "'%s' is not a .md file; files in %s/ must end in .md",
     "'%s' is geen .md-bestand; bestanden in %s/ moeten op .md eindigen")
DIAG(D_SUBFOLDER, ERROR, "'%s' is a folder; %s/ holds .md files only, without folders",
     "'%s' is een map; %s/ bevat alleen .md-bestanden, zonder mappen")
DIAG(D_FILE_TOO_BIG, ERROR, "file is larger than %d MiB",
     "bestand is groter dan %d MiB")
DIAG(D_TOO_MANY_FILES, ERROR, "more than %d files in %s/",
     "meer dan %d bestanden in %s/")
DIAG(D_TOO_DEEP, ERROR, "folders nested deeper than %d levels; what is below is not published",
     "mappen dieper genest dan %d niveaus; wat daaronder staat, wordt niet gepubliceerd")

/* frontmatter: the --- block and its YAML */
DIAG(D_FM_MISSING, ERROR, "missing front matter: the file must start with a '---' line",
     "front matter ontbreekt: het bestand moet beginnen met een regel '---'")
DIAG(D_FM_UNCLOSED, ERROR, "front matter is not closed: add a '---' line after it",
     "front matter is niet afgesloten: zet er een regel '---' na")
DIAG(D_YAML_SYNTAX, ERROR, "YAML syntax error: %s",
     "fout in de YAML-syntaxis: %s")
DIAG(D_YAML_ALIAS, ERROR, "YAML anchors and aliases are not supported; write the value out",
     "YAML-ankers en -aliassen worden niet ondersteund; schrijf de waarde voluit")
DIAG(D_YAML_TAG, ERROR, "YAML tag '%s' is not supported",
     "YAML-tag '%s' wordt niet ondersteund")
DIAG(D_YAML_DEPTH, ERROR, "nesting deeper than %d levels",
     "dieper genest dan %d niveaus")
DIAG(D_YAML_TOO_MANY, ERROR, "more than %d values in one file",
     "meer dan %d waarden in één bestand")
DIAG(D_YAML_TAB, ERROR, "tab character in YAML indentation; indent with spaces",
     "tabteken in de inspringing van de YAML; spring in met spaties")
DIAG(D_YAML_MULTIDOC, ERROR, "more than one YAML document; only one is read",
     "meer dan één YAML-document; alleen het eerste wordt gelezen")
DIAG(D_DUP_KEY, ERROR, "duplicate key '%s'",
     "sleutel '%s' staat er twee keer")
DIAG(D_DUP_KEY_FIRST, NOTE, "'%s' was first given here",
     "'%s' stond hier de eerste keer")
DIAG(D_NOT_MAPPING, ERROR, "%s must be a mapping of keys to values",
     "%s moet een lijst van sleutels met waarden zijn (een mapping)")
DIAG(D_KEY_NOT_TEXT, ERROR, "a key must be plain text",
     "een sleutel moet gewone tekst zijn")
DIAG(D_YAML_NUL, ERROR, "a value must not contain a NUL character (\\0)",
     "een waarde mag geen NUL-teken (\\0) bevatten")

/* validate: keys, types and values against the content contract */
DIAG(D_UNKNOWN_KEY, ERROR, "unknown key '%s'%s",
     "onbekende sleutel '%s'%s")
DIAG(D_MISSING_KEY, ERROR, "missing required key '%s'",
     "verplichte sleutel '%s' ontbreekt")
DIAG(D_TYPE, ERROR, "'%s' must be %s, not %s",
     "'%s' moet %s zijn, niet %s")
DIAG(D_BOOL_WORD, ERROR, "'%s' must be true or false; '%s' is not a boolean here",
     "'%s' moet true of false zijn; '%s' is hier geen ja/nee-waarde")
DIAG(D_BOOL_QUOTED, ERROR, "'%s' must be true or false without quotes: write %s",
     "'%s' moet true of false zijn, zonder aanhalingstekens: schrijf %s")
DIAG(D_NUMBER_QUOTED, ERROR, "'%s' must be a whole number without quotes: write %s",
     "'%s' moet een geheel getal zijn, zonder aanhalingstekens: schrijf %s")
DIAG(D_NEED_LIST, ERROR, "'%s' must be a list, not text: write [%s]",
     "'%s' moet een lijst zijn, geen tekst: schrijf [%s]")
DIAG(D_CODE_UNQUOTED, ERROR, "'%s' is a code, not a number: write it in quotes (\"%s\")",
     "'%s' is een code, geen getal: zet het tussen aanhalingstekens (\"%s\")")
DIAG(D_BAD_ENUM, ERROR, "'%s' is not a valid %s; use one of: %s%s",
     "'%s' is geen geldige waarde voor '%s'; kies uit: %s%s")
DIAG(D_BAD_NUMBER, ERROR, "'%s' is not a whole number in range for '%s'",
     "'%s' is geen geheel getal binnen het bereik van '%s'")
DIAG(D_EMPTY_VALUE, ERROR, "'%s' must not be empty",
     "'%s' mag niet leeg zijn")
DIAG(D_BAD_URL, ERROR, "'%s' is not an absolute http(s) URL",
     "'%s' is geen volledige http(s)-URL")
DIAG(D_UNSAFE_URL, ERROR, "unsafe link '%s': %s links are not allowed",
     "onveilige link '%s': links met %s zijn niet toegestaan")
DIAG(D_BAD_EMAIL, ERROR, "'%s' is not an e-mail address",
     "'%s' is geen e-mailadres")
DIAG(D_BAD_COLOR, ERROR, "'%s' is not a colour; write #rrggbb",
     "'%s' is geen kleur; schrijf #rrggbb")
DIAG(D_BAD_DATE, ERROR, "%s",
     "%s")
DIAG(D_DATE_GAP, ERROR, "%s does not exist in Europe/Brussels: clocks skip from 02:00 to 03:00 that night",
     "%s bestaat niet in Europe/Brussels: de klok springt die nacht van 02:00 naar 03:00")
DIAG(D_DATE_AMBIGUOUS, WARNING, "%s happens twice in Europe/Brussels (clocks go back that night); the first (summer time) is meant",
     "%s komt twee keer voor in Europe/Brussels (de klok gaat die nacht een uur terug); het eerste (zomertijd) is bedoeld")
DIAG(D_END_BEFORE_START, ERROR, "'%s' ends before it starts",
     "'%s' ligt voor het begin")
DIAG(D_NEED_DAY, ERROR, "'%s' must be a day (YYYY-MM-DD), not %s",
     "'%s' moet een dag zijn (JJJJ-MM-DD), niet %s")
DIAG(D_BAD_PATH, ERROR, "'%s' is not a safe path inside the site: %s",
     "'%s' is geen veilig pad binnen de site: %s")
DIAG(D_STATIC_MISSING, ERROR, "'%s' is not a file under static/",
     "'%s' is geen bestand onder static/")
DIAG(D_DANGLING_REF, ERROR, "'%s' refers to %s '%s', which does not exist%s",
     "'%s' verwijst naar %s '%s', maar die bestaat niet%s")
DIAG(D_DUP_ENTRY, ERROR, "'%s' is listed twice in '%s'",
     "'%s' staat twee keer in '%s'")
DIAG(D_DUP_VOCAB, ERROR, "duplicate %s id '%s'",
     "dubbele id voor %s: '%s'")
DIAG(D_SELF_REF, ERROR, "'%s' refers to itself",
     "'%s' verwijst naar zichzelf")
DIAG(D_PARENT_CYCLE, ERROR, "objective '%s' is its own ancestor",
     "doelstelling '%s' is haar eigen voorouder")
DIAG(D_TEMPLATE_PROMPT, ERROR, "leftover Word template prompt \"%s\": fill it in or remove it",
     "invulaanwijzing uit het Word-sjabloon blijft staan: \"%s\"; vul ze in of haal ze weg")
DIAG(D_MISSING_SECTION, WARNING, "missing section '## %s' of the %s template",
     "de sectie '## %s' van het sjabloon %s ontbreekt")
DIAG(D_STUB_NEEDS_ALIAS, ERROR, "a stub fiche must name the fiche that describes it in 'alias_of'",
     "een verwijsfiche moet in 'alias_of' de fiche noemen die haar beschrijft")
DIAG(D_ALIAS_NOT_STUB, ERROR, "'alias_of' is only for fiches with template: stub",
     "'alias_of' is alleen voor fiches met template: stub")
DIAG(D_URL_CLASH, ERROR, "URL '%s' is claimed twice: by %s and by %s",
     "URL '%s' wordt twee keer opgeëist: door %s en door %s")
DIAG(D_MENU_PATH, ERROR, "menu path '%s' is not a section or page of this site",
     "menupad '%s' is geen rubriek of pagina van deze site")
DIAG(D_NOT_STRATEGIC, ERROR, "'%s' is an operational objective (it has a parent); 'strategic_objective' names a strategic one",
     "'%s' is een operationele doelstelling (ze heeft een bovenliggende); 'strategic_objective' noemt een strategische")
DIAG(D_BAD_ALIAS, ERROR, "alias '%s' is not a site path: %s; write it like /kalender/oude-naam/",
     "alias '%s' is geen pad van de site: %s; schrijf het zoals /kalender/oude-naam/")
DIAG(D_GEO_RANGE, ERROR, "geo must be [latitude, longitude] with latitude -90..90 and longitude -180..180",
     "geo moet [breedtegraad, lengtegraad] zijn, met breedtegraad -90..90 en lengtegraad -180..180")
DIAG(D_NO_GEO, WARNING, "no 'geo': the service is listed but not shown on the map",
     "geen 'geo': de dienst staat in de lijst maar niet op de kaart")
DIAG(D_PARTNER_STALE, WARNING, "partner details last updated on %s, more than %d months ago: check them, then set 'updated' to the day you did",
     "gegevens van de partner het laatst bijgewerkt op %s, meer dan %d maanden geleden: kijk ze na en zet 'updated' dan op de dag dat je dat deed")
DIAG(D_PLAN_YEAR, ERROR, "'%s' must be a plan year between 2000 and 2100",
     "'%s' moet een planjaar tussen 2000 en 2100 zijn")
DIAG(D_VOCAB_EMPTY, ERROR, "'%s' must list at least one entry",
     "'%s' moet minstens één element bevatten")
DIAG(D_SEASON_RANGE, ERROR, "season '%s' must be [first month, last month] within 1..12",
     "seizoen '%s' moet [eerste maand, laatste maand] zijn, binnen 1..12")
DIAG(D_BAD_TIMEZONE, ERROR, "only Europe/Brussels is supported, not '%s'",
     "alleen Europe/Brussels wordt ondersteund, niet '%s'")
DIAG(D_BAD_LANGUAGE, ERROR, "only nl-BE is supported, not '%s'",
     "alleen nl-BE wordt ondersteund, niet '%s'")
DIAG(D_BAD_THEME, ERROR, "theme '%s' not found under themes/",
     "thema '%s' niet gevonden onder themes/")
DIAG(D_LABEL_PLACEHOLDER, ERROR, "'%s' must hold the placeholders of its default '%s', each once, and no others: %s",
     "'%s' moet de plaatshouders van de standaardtekst '%s' bevatten, elk één keer, en geen andere: %s")

/* markdown: bodies and their links */
DIAG(D_LINK_TARGET, ERROR, "link to unknown %s '%s'",
     "link naar onbekende %s '%s'")
DIAG(D_LINK_ANCHOR, ERROR, "link to unknown anchor '#%s' in %s '%s'",
     "link naar onbekend anker '#%s' in %s '%s'")
DIAG(D_LINK_UNSAFE, ERROR, "unsafe link '%s': %s links are not allowed",
     "onveilige link '%s': links met %s zijn niet toegestaan")
DIAG(D_LINK_SCHEME, ERROR, "unknown link scheme '%s:'; use event:, action:, partner:, service:, newsletter: or page:",
     "onbekend linkschema '%s:'; gebruik event:, action:, partner:, service:, newsletter: of page:")
DIAG(D_LINK_RELATIVE, ERROR, "relative link '%s' does not lead to a page of this site",
     "relatieve link '%s' leidt niet naar een pagina van deze site")
DIAG(D_RAW_HTML, ERROR, "raw HTML is not allowed in Markdown (site.yaml markdown: {unsafe_html: true} allows it)",
     "ruwe HTML is niet toegestaan in Markdown (markdown: {unsafe_html: true} in site.yaml staat het toe)")
DIAG(D_DUP_ANCHOR, WARNING, "heading anchor '#%s' is used twice; the second becomes '#%s'",
     "kopanker '#%s' wordt twee keer gebruikt; het tweede wordt '#%s'")
DIAG(D_LINK_OWN_ANCHOR, ERROR, "link to unknown anchor '#%s' on this page",
     "link naar onbekend anker '#%s' op deze pagina")
DIAG(D_ANCHOR_RESERVED, WARNING, "heading anchor '#%s' is taken by the page layout; this heading becomes '#%s'",
     "kopanker '#%s' is al in gebruik door de paginaopmaak; deze kop wordt '#%s'")
DIAG(D_LINK_UNPUBLISHED, WARNING, "link to %s '%s', which is not published in this edition: only the link text is shown",
     "link naar %s '%s', die in deze editie niet gepubliceerd wordt: alleen de linktekst wordt getoond")

/* template: Mustache templates of the theme */
DIAG(D_TPL_UNCLOSED, ERROR, "section '%s' is not closed",
     "sectie '%s' is niet afgesloten")
DIAG(D_TPL_MISMATCH, ERROR, "'{{/%s}}' closes section '%s'",
     "'{{/%s}}' sluit sectie '%s'")
DIAG(D_TPL_STRAY_CLOSE, ERROR, "'{{/%s}}' closes no open section",
     "'{{/%s}}' sluit geen open sectie")
DIAG(D_TPL_PARTIAL, ERROR, "partial '%s' not found",
     "partial '%s' niet gevonden")
DIAG(D_TPL_DEPTH, ERROR, "templates nested deeper than %d levels (recursive partial?)",
     "sjablonen dieper genest dan %d niveaus (recursieve partial?)")
DIAG(D_TPL_SYNTAX, ERROR, "%s",
     "%s")
DIAG(D_TPL_MISSING, ERROR, "template '%s' not found in the theme or templates/",
     "sjabloon '%s' niet gevonden in het thema of in templates/")
DIAG(D_TPL_UNCLOSED_TAG, ERROR, "tag is not closed: '%s' is missing",
     "tag is niet afgesloten: '%s' ontbreekt")
DIAG(D_TPL_BAD_NAME, ERROR, "'%s' is not a valid name in a tag: use letters, digits, '_' and '-', with '.' between parts",
     "'%s' is geen geldige naam in een tag: gebruik letters, cijfers, '_' en '-', met '.' tussen de delen")
DIAG(D_TPL_BAD_DELIM, ERROR, "bad set-delimiter tag: write two delimiters without '=' or spaces, like {{=<%% %%>=}}",
     "foute tag om scheidingstekens in te stellen: schrijf twee scheidingstekens zonder '=' of spaties, zoals {{=<%% %%>=}}")
DIAG(D_TPL_NESTING, ERROR, "sections nested deeper than %d levels",
     "secties dieper genest dan %d niveaus")
DIAG(D_TPL_OPENED_HERE, NOTE, "'%s' was opened here",
     "'%s' werd hier geopend")

/* write: the output tree */
DIAG(D_OUT_CLASH, ERROR, "two pages would be written to '%s'",
     "twee pagina's zouden naar '%s' geschreven worden")
DIAG(D_OUT_ESCAPE, ERROR, "output path '%s' would leave the output folder",
     "uitvoerpad '%s' zou buiten de uitvoermap gaan")
DIAG(D_OUT_NOT_OURS, ERROR, "'%s' exists and is not a zonesite output folder (no .zonesite-output marker); refusing to replace it",
     "'%s' bestaat en is geen uitvoermap van zonesite (geen markering .zonesite-output); die wordt niet vervangen")
DIAG(D_OUT_REFUSE, ERROR, "refusing to use '%s' as the output folder: %s",
     "'%s' wordt niet als uitvoermap gebruikt: %s")
DIAG(D_OUT_IO, ERROR, "cannot write '%s': %s",
     "kan '%s' niet schrijven: %s")
DIAG(D_RENDER_WORKER, ERROR, "a render worker failed (%s); nothing was published",
     "een renderproces is mislukt (%s); er is niets gepubliceerd")
DIAG(D_OUT_CLEANUP, WARNING, "cannot remove '%s', left over from a build: %s; delete it by hand",
     "kan '%s', een overschot van een build, niet verwijderen: %s; verwijder het zelf")

/* build summary */
DIAG(D_PLACEHOLDER, NOTE, "placeholder fiche left out of this edition",
     "plaatshouderfiche niet opgenomen in deze editie")

/* map: the boundaries file (geojson.c) and the services on the map (render_services.c) */
DIAG(D_GJ_NOT_COLLECTION, ERROR, "the boundaries file must be a GeoJSON FeatureCollection (RFC 7946): %s",
     "het bestand met grenzen moet een GeoJSON FeatureCollection zijn (RFC 7946): %s")
DIAG(D_GJ_MEMBER, ERROR, "%s must be %s",
     "%s moet %s zijn")
DIAG(D_GJ_GEOMETRY, ERROR, "geometry type '%s' is not an outline; use Polygon or MultiPolygon",
     "geometrietype '%s' is geen omtrek; gebruik Polygon of MultiPolygon")
DIAG(D_GJ_POSITION, ERROR, "a position must be [longitude, latitude]: plain numbers, longitude -180..180, latitude -90..90",
     "een positie moet [lengtegraad, breedtegraad] zijn: gewone getallen, lengtegraad -180..180, breedtegraad -90..90")
DIAG(D_GJ_RING, ERROR, "a ring needs at least 4 positions and must end where it starts (RFC 7946)",
     "een ring heeft minstens 4 posities nodig en moet eindigen waar hij begint (RFC 7946)")
DIAG(D_GJ_TOO_MANY, ERROR, "more than %d %s in the boundaries file",
     "meer dan %d %s in het bestand met grenzen")
DIAG(D_GJ_UNMATCHED, WARNING, "outline '%s' matches no municipality of site.yaml (by 'id' or 'name'); it is drawn without a name",
     "omtrek '%s' past bij geen enkele gemeente van site.yaml (op 'id' of 'name'); hij wordt zonder naam getekend")
DIAG(D_GJ_DUP, ERROR, "municipality '%s' has a second outline here; join its parts in one MultiPolygon",
     "gemeente '%s' heeft hier een tweede omtrek; voeg haar delen samen in één MultiPolygon")
DIAG(D_GJ_SWAPPED, WARNING, "the services lie inside these outlines only when longitude and latitude are swapped: GeoJSON positions are [longitude, latitude]",
     "de diensten liggen alleen binnen deze omtrekken als lengte- en breedtegraad omgewisseld worden: GeoJSON-posities zijn [lengtegraad, breedtegraad]")
DIAG(D_GEO_OUTSIDE, WARNING, "geo [%s, %s] lies outside every municipality outline of the map",
     "geo [%s, %s] ligt buiten elke gemeenteomtrek van de kaart")
DIAG(D_GEO_SWAPPED, WARNING, "geo [%s, %s] lies outside every municipality outline, but [%s, %s] lies in '%s': geo is [latitude, longitude]",
     "geo [%s, %s] ligt buiten elke gemeenteomtrek, maar [%s, %s] ligt in '%s': geo is [breedtegraad, lengtegraad]")
DIAG(D_MAP_TILES, ERROR, "'%s' is not a tile address: it must contain {z}, {x} and {y}",
     "'%s' is geen adres van kaarttegels: het moet {z}, {x} en {y} bevatten")

/* ledger: published-urls.txt and retired-urls.txt in the site folder (ledger.c) */
DIAG(D_LEDGER_LINE, ERROR, "'%s' is not a site path: each line holds one path starting with '/'%s",
     "'%s' is geen pad van de site: elke regel bevat één pad dat met '/' begint%s")
DIAG(D_LEDGER_GONE, ERROR, "published URL '%s' no longer resolves (%s); to keep it alive, add this line to the front matter of %s: %s; or retire the URL in retired-urls.txt",
     "gepubliceerde URL '%s' leidt nergens meer heen (%s); om hem te bewaren, zet je deze regel in de front matter van %s: %s; of trek de URL in via retired-urls.txt")
DIAG(D_LEDGER_GONE_FILE, ERROR, "published file '%s' no longer exists (%s); put it back as static/%s, or retire the URL in retired-urls.txt",
     "gepubliceerd bestand '%s' bestaat niet meer (%s); zet het terug als static/%s, of trek de URL in via retired-urls.txt")
DIAG(D_RETIRED_UNKNOWN, WARNING, "retired URL '%s' is not in published-urls.txt: nothing to retire",
     "ingetrokken URL '%s' staat niet in published-urls.txt: er valt niets in te trekken")
DIAG(D_RETIRED_ALIVE, WARNING, "retired URL '%s' is published again; remove this line to protect it again",
     "ingetrokken URL '%s' wordt opnieuw gepubliceerd; haal deze regel weg om hem weer te beschermen")
DIAG(D_LEDGER_SAVE, WARNING, "cannot update the ledger of published URLs: %s; %zu new URL%s not recorded (build once from a writable copy of the site and commit the file)",
     "kan de lijst van gepubliceerde URL's niet bijwerken: %s; %zu nieuwe URL('s)%.0s niet opgenomen (bouw één keer vanuit een beschrijfbare kopie van de site en commit het bestand)")

/* newsletter: mail versions and the feed (render_newsletters.c) */
DIAG(D_CAMPAIGN_PLACEHOLDER, ERROR, "unknown placeholder '%s' in 'campaign': only {id}, the issue's id, is replaced",
     "onbekende plaatshouder '%s' in 'campaign': alleen {id}, de id van het nummer, wordt vervangen")

/* publish: site.yaml's publish target (publish.c) */
DIAG(D_PUBLISH_OPTION, ERROR, "'%s' starts with '-', so rsync would read it as an option; write the folder as ./%s or user@host:/path",
     "'%s' begint met '-', dus rsync zou het als een optie lezen; schrijf de map als ./%s of gebruiker@host:/pad")
DIAG(D_PUBLISH_CONTROL, ERROR, "the publish target holds a control character (a tab or a line break); write it on one line",
     "het publicatiedoel bevat een stuurteken (een tab of een regeleinde); schrijf het op één regel")

/* fixes: the concrete edit `zonesite check` lists for an error (diag_fix) */
DIAG(D_FIX_ALIAS, FIX, "add `%s` to %s",
     "voeg `%s` toe aan %s")
DIAG(D_FIX_RENAME_KEY, FIX, "rename '%s' to '%s'",
     "hernoem '%s' naar '%s'")
DIAG(D_FIX_REMOVE_KEY, FIX, "remove the line with '%s' (known keys are in content/README.md)",
     "haal de regel met '%s' weg (de bekende sleutels staan in content/README.md)")
DIAG(D_FIX_ADD_KEY, FIX, "add a line `%s: ...` to the front matter",
     "voeg een regel `%s: ...` toe aan de front matter")
DIAG(D_FIX_FILL_KEY, FIX, "fill in a value after `%s:`",
     "vul een waarde in na `%s:`")
DIAG(D_FIX_ENUM, FIX, "replace '%s' by one of: %s",
     "vervang '%s' door een van: %s")
DIAG(D_FIX_DATE, FIX, "write '%s' as a date like 2025-10-14, 2025-10-14T19:30, 2025-10 or tbd",
     "schrijf '%s' als een datum zoals 2025-10-14, 2025-10-14T19:30, 2025-10 of tbd")
DIAG(D_FIX_REF, FIX, "replace '%s' by an id that exists, or add '%s' to %s",
     "vervang '%s' door een id die bestaat, of voeg '%s' toe aan %s")
DIAG(D_FIX_REPLACE, FIX, "replace '%s' by '%s'",
     "vervang '%s' door '%s'")
DIAG(D_FIX_CREATE, FIX, "create %s/%s.md (zonesite new), or use an id that exists",
     "maak %s/%s.md aan (zonesite new), of gebruik een id die bestaat")
