/*
 * test_scaffold: the files `zonesite new` writes (scaffold.c).
 *
 * For every kind: the front matter parses with no diagnostic, every key of
 * the kind's schema (schema.c) is in it, as a key or as a commented-out
 * line, so a key added to the contract cannot be left out of the
 * scaffold; the title is kept exactly, even with quotes and a colon; the
 * dates come from "now".  The id folds accents.  Building a scaffold
 * round trip is tests/suites/scaffold.sh.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "check.h"
#include "civil.h"
#include "diag.h"
#include "frontmatter.h"
#include "scaffold.h"
#include "schema.h"

static const char title[] = "Één \"overleg\": wonen & zorg";

/* Is key in text as "key:" or "# key:" at the start of a line? */
static bool has_key(const char *text, const char *key)
{
	char want[96];
	const char *p;

	for (p = text; p; p = strchr(p, '\n'), p = p ? p + 1 : NULL) {
		const char *q = p;

		if (q[0] == '#' && q[1] == ' ')
			q += 2;
		snprintf(want, sizeof(want), "%s:", key);
		if (!strncmp(q, want, strlen(want)))
			return true;
	}
	return false;
}

static void check_kind(enum kind k, int64_t day)
{
	struct buf text = BUF_INIT;
	struct diag_ctx d;
	struct arena a;
	struct frontmatter fm;
	struct source *src;
	const struct field *f;
	const struct ynode *t;
	char what[160];
	int missing = 0;

	scaffold_text(k, title, day, &text);
	diag_init(&d);
	a = (struct arena)ARENA_INIT;
	src = diag_source(&d, "new.md", text.ptr, text.len);
	snprintf(what, sizeof(what), "%s: the front matter parses with no "
		 "diagnostic", kind_names[k]);
	CHECK(fm_parse(&a, &a, &d, src, &fm) == 0 && d.n == 0 && fm.root, what);
	for (f = schema_kinds[k]->fields; f->key; f++) {
		if (has_key(text.ptr, f->key))
			continue;
		printf("#   missing key: %s\n", f->key);
		missing++;
	}
	snprintf(what, sizeof(what), "%s: every key of the schema is there",
		 kind_names[k]);
	CHECK(missing == 0, what);
	t = fm.root ? ynode_get(fm.root, k == K_PARTNER || k == K_SERVICE
				? "name" : "title") : NULL;
	snprintf(what, sizeof(what), "%s: the title is kept exactly",
		 kind_names[k]);
	CHECK(t && t->kind == Y_SCALAR && !strcmp(t->text.ptr, title), what);
	snprintf(what, sizeof(what), "%s: the date of now is used",
		 kind_names[k]);
	CHECK(strstr(text.ptr, "2025-10-01") != NULL, what);
	diag_flush(&d, stdout);
	diag_free(&d);
	arena_free(&a);
	buf_free(&text);
}

int main(void)
{
	int64_t day = days_from_civil(2025, 10, 1);
	struct buf id = BUF_INIT;
	int k;

	for (k = 0; k < K__ITEMS; k++)
		check_kind((enum kind)k, day);
	scaffold_id(title, &id);
	CHECK_STR(id.ptr, "een-overleg-wonen-zorg", "id: the title's slug, "
		  "accents folded");
	CHECK(scaffold_kind("event") == K_EVENT &&
	      scaffold_kind("activiteit") == K_EVENT &&
	      scaffold_kind("dienst") == K_SERVICE && scaffold_kind("x") < 0,
	      "kinds by their English and Dutch names");
	buf_free(&id);
	return check_done();
}
