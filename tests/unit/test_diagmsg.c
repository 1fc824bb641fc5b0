/*
 * test_diagmsg: the message catalogue in two languages (diagmsg.h).
 *
 * Each message has an English and a Dutch printf format that receive the
 * same argument list, so both must hold the same conversions in the same
 * order; -Wformat cannot check formats that are not literals at the call,
 * so this test does.  It also checks that a message is printed in the
 * language chosen at print time (the language can change after a message
 * was reported, when site.yaml asks for one), that the level words follow
 * the language, and that a fix attached with diag_fix reaches the summary
 * of `zonesite check`.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "check.h"
#include "diag.h"
#include "xalloc.h"

/* The conversions of fmt ("%s", "%zu", "%.0s" counts as "%s"), in
 * order, one per line; "%%" is text, not a conversion. */
static void conversions(const char *fmt, struct buf *out)
{
	const char *p;

	for (p = fmt; *p; p++) {
		if (*p != '%')
			continue;
		p++;
		if (*p == '%')
			continue;
		/* flags, width, precision: they change the look, not the
		 * argument's type (a '*' would take an argument: none here) */
		while (*p && strchr("-+ #0123456789.", *p))
			p++;
		while (*p && strchr("hlLqjzt", *p))
			buf_putc(out, *p++);
		buf_putc(out, *p);
		buf_putc(out, '\n');
		if (*p == '\0')
			break;
	}
}

static void check_pairs(void)
{
	char what[128];
	int id, bad = 0;

	for (id = 0; id < D__COUNT; id++) {
		struct buf en = BUF_INIT, nl = BUF_INIT;
		const char *fe = diag_format_lang(id, LANG_EN);
		const char *fn = diag_format_lang(id, LANG_NL);

		conversions(fe, &en);
		conversions(fn, &nl);
		if (fn == NULL || strcmp(fn, fe) == 0 ||
		    (en.len != nl.len || (en.len && memcmp(en.ptr, nl.ptr,
							   en.len)))) {
			/* The same text is allowed only for "%s". */
			if (!(fn && !strcmp(fe, "%s") && !strcmp(fn, "%s"))) {
				snprintf(what, sizeof(what), "message %d: "
					 "English and Dutch take the same "
					 "arguments", id);
				CHECK(0, what);
				printf("#   en: %s\n#   nl: %s\n", fe,
				       fn ? fn : "(none)");
				bad++;
			}
		}
		buf_free(&en);
		buf_free(&nl);
	}
	snprintf(what, sizeof(what), "all %d messages: same conversions in "
		 "both languages, Dutch given", (int)D__COUNT);
	CHECK(bad == 0, what);
}

/* The conversions parser itself: a pair that differs must be seen. */
static void check_parser(void)
{
	struct buf a = BUF_INIT, b = BUF_INIT;

	conversions("'%s' has %d, 100%% and %zu", &a);
	conversions("%d '%s' heeft %zu", &b);
	CHECK(strcmp(a.ptr, "s\nd\nzu\n") == 0, "conversions: read in order");
	CHECK(strcmp(a.ptr, b.ptr) != 0, "conversions: other order differs");
	buf_free(&a);
	buf_free(&b);
}

static char *printed(struct diag_ctx *d, bool summary)
{
	char *p = NULL;
	size_t n = 0;
	FILE *m = open_memstream(&p, &n);

	if (m == NULL)
		die("open_memstream failed");
	diag_print(d, m);
	if (summary)
		diag_summary(d, m);
	diag_forget(d);
	fclose(m);
	return p;
}

static void check_print_language(void)
{
	static const char text[] = "---\ntitle: x\nstrat: 2025\n---\n";
	struct diag_ctx d;
	struct source *src;
	char *out;

	diag_init(&d);
	src = diag_source(&d, "e.md", text, sizeof(text) - 1);
	diag(&d, D_UNKNOWN_KEY, src, (struct pos){ 3, 1 }, "strat", "");
	diag_fix(&d, D_FIX_RENAME_KEY, "strat", "start");
	diag(&d, D_NO_GEO, src, (struct pos){ 2, 1 });
	/* Chosen after the messages were reported: print time decides. */
	d.lang = LANG_NL;
	out = printed(&d, true);
	CHECK(strstr(out, "e.md:3:1: fout: onbekende sleutel 'strat'\n") != NULL,
	      "Dutch: message and level word in Dutch");
	CHECK(strstr(out, "e.md:2:1: waarschuwing: geen 'geo'") != NULL,
	      "Dutch: warning word");
	CHECK(strstr(out, "    e.md: 1 waarschuwing (regel 2)\n") != NULL,
	      "summary: warnings grouped by file with their lines");
	CHECK(strstr(out, "    e.md:3: hernoem 'strat' naar 'start'\n") != NULL,
	      "summary: the error's fix, in Dutch");
	free(out);
	diag(&d, D_MISSING_KEY, src, (struct pos){ 1, 1 }, "title");
	d.lang = LANG_EN;
	out = printed(&d, true);
	CHECK(strstr(out, "e.md:1:1: error: missing required key 'title'\n")
	      != NULL, "English: message and level word in English");
	CHECK(strstr(out, "    e.md:1: missing required key 'title'\n") != NULL,
	      "summary: an error without a fix shows its message");
	free(out);
	diag_free(&d);
}

int main(void)
{
	check_parser();
	check_pairs();
	check_print_language();
	return check_done();
}
