/*
 * diagmsg: the catalogue of every message zonesite can print about content.
 *
 * One line per message: its id, its level and its printf format.  Keeping
 * them in one table (after mandoc) lets the tests refer to messages by id,
 * keeps the wording consistent, and is where a translation will hook in.
 * Grouped by the pipeline stage that emits them.  Quote names with '...'.
 */

/* load: the site tree and its files */
DIAG(D_IO, ERROR, "cannot read: %s")
DIAG(D_NO_SITE, ERROR, "no site.yaml here: not a zonesite site folder")
DIAG(D_BAD_UTF8, ERROR, "invalid UTF-8 byte sequence")
DIAG(D_NUL_BYTE, ERROR, "NUL byte in a text file")
DIAG(D_SYMLINK_OUTSIDE, ERROR, "symbolic link leads outside the site folder")
DIAG(D_BAD_ID, ERROR, "'%s' is not a valid id: use lower-case a-z, 0-9 and '-', starting with a letter or digit")
DIAG(D_NOT_MARKDOWN, ERROR, "'%s' is not a .md file; files in %s/ must end in .md")
DIAG(D_FILE_TOO_BIG, ERROR, "file is larger than %d MiB")
DIAG(D_TOO_MANY_FILES, ERROR, "more than %d files in %s/")

/* frontmatter: the --- block and its YAML */
DIAG(D_FM_MISSING, ERROR, "missing front matter: the file must start with a '---' line")
DIAG(D_FM_UNCLOSED, ERROR, "front matter is not closed: add a '---' line after it")
DIAG(D_YAML_SYNTAX, ERROR, "YAML syntax error: %s")
DIAG(D_YAML_ALIAS, ERROR, "YAML anchors and aliases are not supported; write the value out")
DIAG(D_YAML_TAG, ERROR, "YAML tag '%s' is not supported")
DIAG(D_YAML_DEPTH, ERROR, "nesting deeper than %d levels")
DIAG(D_YAML_TOO_MANY, ERROR, "more than %d values in one file")
DIAG(D_YAML_TAB, ERROR, "tab character in YAML indentation; indent with spaces")
DIAG(D_YAML_MULTIDOC, ERROR, "more than one YAML document; only one is read")
DIAG(D_DUP_KEY, ERROR, "duplicate key '%s'")
DIAG(D_DUP_KEY_FIRST, NOTE, "'%s' was first given here")
DIAG(D_NOT_MAPPING, ERROR, "%s must be a mapping of keys to values")
DIAG(D_KEY_NOT_TEXT, ERROR, "a key must be plain text")
DIAG(D_YAML_NUL, ERROR, "a value must not contain a NUL character (\\0)")

/* validate: keys, types and values against the content contract */
DIAG(D_UNKNOWN_KEY, ERROR, "unknown key '%s'%s")
DIAG(D_MISSING_KEY, ERROR, "missing required key '%s'")
DIAG(D_TYPE, ERROR, "'%s' must be %s, not %s")
DIAG(D_BOOL_WORD, ERROR, "'%s' must be true or false; '%s' is not a boolean here")
DIAG(D_CODE_UNQUOTED, ERROR, "'%s' is a code, not a number: write it in quotes (\"%s\")")
DIAG(D_BAD_ENUM, ERROR, "'%s' is not a valid %s; use one of: %s")
DIAG(D_BAD_NUMBER, ERROR, "'%s' is not a whole number in range for '%s'")
DIAG(D_EMPTY_VALUE, ERROR, "'%s' must not be empty")
DIAG(D_BAD_URL, ERROR, "'%s' is not an absolute http(s) URL")
DIAG(D_UNSAFE_URL, ERROR, "unsafe link '%s': %s links are not allowed")
DIAG(D_BAD_EMAIL, ERROR, "'%s' is not an e-mail address")
DIAG(D_BAD_COLOR, ERROR, "'%s' is not a colour; write #rrggbb")
DIAG(D_BAD_DATE, ERROR, "%s")
DIAG(D_DATE_GAP, ERROR, "%s does not exist in Europe/Brussels: clocks skip from 02:00 to 03:00 that night")
DIAG(D_DATE_AMBIGUOUS, WARNING, "%s happens twice in Europe/Brussels (clocks go back that night); the first (summer time) is meant")
DIAG(D_END_BEFORE_START, ERROR, "'%s' ends before it starts")
DIAG(D_NEED_DAY, ERROR, "'%s' must be a day (YYYY-MM-DD), not %s")
DIAG(D_BAD_PATH, ERROR, "'%s' is not a safe path inside the site: %s")
DIAG(D_STATIC_MISSING, ERROR, "'%s' is not a file under static/")
DIAG(D_DANGLING_REF, ERROR, "'%s' refers to %s '%s', which does not exist%s")
DIAG(D_DUP_ENTRY, ERROR, "'%s' is listed twice in '%s'")
DIAG(D_DUP_VOCAB, ERROR, "duplicate %s id '%s'")
DIAG(D_SELF_REF, ERROR, "'%s' refers to itself")
DIAG(D_PARENT_CYCLE, ERROR, "objective '%s' is its own ancestor")
DIAG(D_TEMPLATE_PROMPT, ERROR, "leftover Word template prompt \"%s\": fill it in or remove it")
DIAG(D_MISSING_SECTION, WARNING, "missing section '## %s' of the %s template")
DIAG(D_STUB_NEEDS_ALIAS, ERROR, "a stub fiche must name the fiche that describes it in 'alias_of'")
DIAG(D_ALIAS_NOT_STUB, ERROR, "'alias_of' is only for fiches with template: stub")
DIAG(D_URL_CLASH, ERROR, "URL '%s' is claimed twice: by %s and by %s")
DIAG(D_BAD_ALIAS, ERROR, "alias '%s' is not a site path: write it like /kalender/oude-naam/")
DIAG(D_GEO_RANGE, ERROR, "geo must be [latitude, longitude] with latitude -90..90 and longitude -180..180")
DIAG(D_NO_GEO, WARNING, "no 'geo': the service is listed but not shown on the map")
DIAG(D_PLAN_YEAR, ERROR, "'%s' must be a plan year between 2000 and 2100")
DIAG(D_VOCAB_EMPTY, ERROR, "'%s' must list at least one entry")
DIAG(D_SEASON_RANGE, ERROR, "season '%s' must be [first month, last month] within 1..12")
DIAG(D_BAD_TIMEZONE, ERROR, "only Europe/Brussels is supported, not '%s'")
DIAG(D_BAD_LANGUAGE, ERROR, "only nl-BE is supported, not '%s'")
DIAG(D_BAD_THEME, ERROR, "theme '%s' not found under themes/")

/* markdown: bodies and their links */
DIAG(D_LINK_TARGET, ERROR, "link to unknown %s '%s'")
DIAG(D_LINK_ANCHOR, ERROR, "link to unknown anchor '#%s' in %s '%s'")
DIAG(D_LINK_UNSAFE, ERROR, "unsafe link '%s': %s links are not allowed")
DIAG(D_LINK_SCHEME, ERROR, "unknown link scheme '%s:'; use event:, action:, partner:, service:, newsletter: or page:")
DIAG(D_LINK_RELATIVE, ERROR, "relative link '%s' does not lead to a page of this site")
DIAG(D_RAW_HTML, ERROR, "raw HTML is not allowed in Markdown (site.yaml markdown: {unsafe_html: true} allows it)")
DIAG(D_DUP_ANCHOR, WARNING, "heading anchor '#%s' is used twice; the second becomes '#%s'")
DIAG(D_LINK_OWN_ANCHOR, ERROR, "link to unknown anchor '#%s' on this page")
DIAG(D_ANCHOR_RESERVED, WARNING, "heading anchor '#%s' is taken by the page layout; this heading becomes '#%s'")
DIAG(D_LINK_UNPUBLISHED, WARNING, "link to %s '%s', which is not published in this edition: only the link text is shown")

/* template: Mustache templates of the theme */
DIAG(D_TPL_UNCLOSED, ERROR, "section '%s' is not closed")
DIAG(D_TPL_MISMATCH, ERROR, "'{{/%s}}' closes section '%s'")
DIAG(D_TPL_STRAY_CLOSE, ERROR, "'{{/%s}}' closes no open section")
DIAG(D_TPL_PARTIAL, ERROR, "partial '%s' not found")
DIAG(D_TPL_DEPTH, ERROR, "templates nested deeper than %d levels (recursive partial?)")
DIAG(D_TPL_SYNTAX, ERROR, "%s")
DIAG(D_TPL_MISSING, ERROR, "template '%s' not found in the theme or templates/")
DIAG(D_TPL_UNCLOSED_TAG, ERROR, "tag is not closed: '%s' is missing")
DIAG(D_TPL_BAD_NAME, ERROR, "'%s' is not a valid name in a tag: use letters, digits, '_' and '-', with '.' between parts")
DIAG(D_TPL_BAD_DELIM, ERROR, "bad set-delimiter tag: write two delimiters without '=' or spaces, like {{=<%% %%>=}}")
DIAG(D_TPL_NESTING, ERROR, "sections nested deeper than %d levels")
DIAG(D_TPL_OPENED_HERE, NOTE, "'%s' was opened here")

/* write: the output tree */
DIAG(D_OUT_CLASH, ERROR, "two pages would be written to '%s'")
DIAG(D_OUT_ESCAPE, ERROR, "output path '%s' would leave the output folder")
DIAG(D_OUT_NOT_OURS, ERROR, "'%s' exists and is not a zonesite output folder (no .zonesite-output marker); refusing to replace it")
DIAG(D_OUT_REFUSE, ERROR, "refusing to use '%s' as the output folder: %s")
DIAG(D_OUT_IO, ERROR, "cannot write '%s': %s")
DIAG(D_OUT_CLEANUP, WARNING, "cannot remove '%s', left over from a build: %s; delete it by hand")

/* build summary */
DIAG(D_PLACEHOLDER, NOTE, "placeholder fiche left out of this edition")
