/*
 * test_diag: how diagnostics are printed (diag.c), beyond the wording
 * the bad-input corpus pins down.
 *
 * The cases here come from the hostile-input suite: a one-line list with a
 * problem in each of its thousands of items used to print the whole line
 * under every message (output quadratic in the line's length, one write
 * per byte on unbuffered standard error).  Long lines are now shown as a
 * window around the column, marked with "..."; short lines exactly as
 * before; the caret stays under the right code point; a NUL byte ends the
 * excerpt; and diag_pos_at gives the same answer in any order of calls.
 *
 * Last, what a render worker hands its parent (diag_export, diag_import):
 * two contexts that agree on the sources registered before a mark, as a
 * parent and its worker right after the fork; after the import the
 * parent prints the worker's messages in place, a message both reported
 * once, a source the worker registered alone with its own line, and a
 * message cut short is refused.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "check.h"
#include "arena.h"
#include "diag.h"
#include "wire.h"
#include "xalloc.h"

/* Everything reported so far, as printed; the caller frees it. */
static char *printed(struct diag_ctx *d)
{
	char *p = NULL;
	size_t n = 0;
	FILE *m = open_memstream(&p, &n);

	if (m == NULL)
		die("open_memstream failed");
	diag_flush(d, m);
	fclose(m);
	return p;
}

/* The text printed for one error at (line, col) of text. */
static char *one(const char *text, size_t len, unsigned line, unsigned col)
{
	struct diag_ctx d;
	struct source *src;
	char *out;

	diag_init(&d);
	src = diag_source(&d, "t.md", text, len);
	diag(&d, D_NUL_BYTE, src, (struct pos){ line, col });
	out = printed(&d);
	diag_free(&d);
	return out;
}

static void short_line(void)
{
	char *out = one("titel: x\nstart: morgen\n", 23, 2, 8);

	CHECK_STR(out, "t.md:2:8: error: NUL byte in a text file\n"
		       "    2 | start: morgen\n"
		       "      |        ^\n",
		  "a short line is shown whole, the caret under its column");
	free(out);
}

/* The excerpt and caret lines of a printed diagnostic. */
static void split(const char *out, struct buf *excerpt, struct buf *caret)
{
	const char *a = strchr(out, '\n') + 1, *b = strchr(a, '\n') + 1;
	const char *c = strchr(b, '\n');

	buf_put(excerpt, a, (size_t)(b - 1 - a));
	buf_put(caret, b, (size_t)(c - b));
}

static void long_line_middle(void)
{
	struct buf line = BUF_INIT, ex = BUF_INIT, caret = BUF_INIT;
	char *out;
	size_t i;

	for (i = 0; i < 3000; i++)
		buf_putc(&line, (char)('a' + i % 26));
	/* col 1500 is the character at index 1499 */
	out = one(line.ptr, line.len, 1, 1500);
	split(out, &ex, &caret);
	CHECK(strncmp(ex.ptr, "    1 | ...", 11) == 0,
	      "a window in the middle of a long line starts with '...'");
	CHECK(ex.len >= 3 && strcmp(ex.ptr + ex.len - 3, "...") == 0,
	      "and ends with '...'");
	CHECK(ex.len < 300, "the window is short, not the whole 3000 columns");
	CHECK_INT(strlen(caret.ptr), 8 + 3 + 120 + 1,
		  "the caret is 120 columns into the window, after '...'");
	CHECK_INT(ex.ptr[strlen(caret.ptr) - 1], line.ptr[1499],
		  "the caret stands under the character of column 1500");
	free(out);
	buf_free(&line);
	buf_free(&ex);
	buf_free(&caret);
}

static void long_line_start(void)
{
	struct buf line = BUF_INIT, ex = BUF_INIT, caret = BUF_INIT;
	char *out;
	size_t i;

	buf_puts(&line, "ééé");
	for (i = 0; i < 2000; i++)
		buf_putc(&line, 'x');
	out = one(line.ptr, line.len, 1, 4);
	split(out, &ex, &caret);
	CHECK(strncmp(ex.ptr, "    1 | ééé", 13) == 0,
	      "a problem near the start of a long line: no leading '...'");
	CHECK(strcmp(ex.ptr + ex.len - 3, "...") == 0,
	      "the rest of the line is cut");
	CHECK_STR(caret.ptr, "      |    ^",
		  "columns count code points, not bytes");
	free(out);
	buf_free(&line);
	buf_free(&ex);
	buf_free(&caret);
}

static void many_on_one_line(void)
{
	struct buf line = BUF_INIT;
	struct diag_ctx d;
	struct source *src;
	char *out;
	size_t i, n = 20000;

	for (i = 0; i < n; i++)
		buf_puts(&line, "aalter, ");
	diag_init(&d);
	src = diag_source(&d, "t.md", line.ptr, line.len);
	/* In file order, as the parsers report: one pass over the line. */
	for (i = 0; i < n; i++)
		diag(&d, D_NUL_BYTE, src, diag_pos_at(src, i * 8));
	out = printed(&d);
	CHECK(strlen(out) < n * 600,
	      "20000 problems on one 160000-byte line print short excerpts");
	CHECK(strstr(out, "t.md:1:159993: error") != NULL,
	      "the last item's column is right");
	CHECK(strstr(out, "t.md:1:9: error") != NULL,
	      "the second item's column is right");
	free(out);
	diag_free(&d);
	buf_free(&line);
}

static void pos_any_order(void)
{
	static const char text[] = "één\ntwee drie\nvier vijf zes\n";
	static const size_t offs[] = { 20, 5, 25, 0, 12, 12, 3, 30 };
	struct diag_ctx d1, d2;
	struct source *s1, *s2;
	size_t i;
	int same = 1;

	diag_init(&d1);
	diag_init(&d2);
	s1 = diag_source(&d1, "a", text, sizeof(text) - 1);
	for (i = 0; i < sizeof(offs) / sizeof(offs[0]); i++) {
		struct pos a = diag_pos_at(s1, offs[i]), b;

		s2 = diag_source(&d2, "b", text, sizeof(text) - 1);
		b = diag_pos_at(s2, offs[i]);
		same &= a.line == b.line && a.col == b.col;
	}
	CHECK(same, "diag_pos_at answers the same whatever came before");
	CHECK_INT(diag_pos_at(s1, 3).col, 3, "'één': byte 3 is column 3");
	CHECK_INT(diag_pos_at(s1, 2).col, 2, "and byte 2 column 2");
	diag_free(&d1);
	diag_free(&d2);
}

static void nul_ends_excerpt(void)
{
	char *out = one("ab\0cd\n", 6, 1, 3);

	CHECK_STR(out, "t.md:1:3: error: NUL byte in a text file\n"
		       "    1 | ab\n"
		       "      |   ^\n",
		  "a NUL byte ends the excerpt");
	free(out);
}

static const char page_text[] = "---\ntitle: x\n---\n[a](event:weg)\n";
static const char other_text[] = "regel een\nregel twee\n";

/* Two contexts with the same sources, as a parent and its worker right
 * after the fork. */
static void twins(struct diag_ctx *d, struct source **page)
{
	diag_init(d);
	*page = diag_source(d, "events/x.md", page_text, sizeof(page_text) - 1);
	diag(d, D_NUL_BYTE, *page, (struct pos){ 2, 1 }); /* before the fork */
}

static void diag_handover(void)
{
	struct diag_ctx parent, child;
	struct source *pp, *cp, *other;
	struct arena a = ARENA_INIT;
	struct buf msg = BUF_INIT;
	size_t from, shared;
	struct wire in;
	char *out;

	twins(&parent, &pp);
	twins(&child, &cp);
	from = parent.n;
	shared = parent.nsources;

	/* Both render the body with the broken link: the worker in an
	 * earlier unit (smaller sequence number) than the parent. */
	diag_seq_at(&child, 100);
	diag(&child, D_NUL_BYTE, cp, (struct pos){ 4, 5 });
	other = diag_source(&child, "templates/x.mustache", other_text,
			    sizeof(other_text) - 1);
	diag(&child, D_NUL_BYTE, other, (struct pos){ 2, 7 });
	diag_seq_at(&parent, 300);
	diag(&parent, D_NUL_BYTE, pp, (struct pos){ 4, 5 });
	diag(&parent, D_NUL_BYTE, pp, (struct pos){ 3, 1 });

	diag_export(&child, from, shared, &msg);
	in.p = msg.ptr;
	in.end = msg.ptr + msg.len;
	in.bad = false;
	CHECK_INT(diag_import(&parent, from, shared, &in, &a), 0,
		  "the worker's messages are taken");
	CHECK_INT(diag_errors(&parent), 4,
		  "one error before the fork, two of the parent's, one new "
		  "from the worker; the shared one counted once");
	out = printed(&parent);
	CHECK_STR(out,
		  "events/x.md:2:1: error: NUL byte in a text file\n"
		  "    2 | title: x\n"
		  "      | ^\n"
		  "events/x.md:3:1: error: NUL byte in a text file\n"
		  "    3 | ---\n"
		  "      | ^\n"
		  "events/x.md:4:5: error: NUL byte in a text file\n"
		  "    4 | [a](event:weg)\n"
		  "      |     ^\n"
		  "templates/x.mustache:2:7: error: NUL byte in a text file\n"
		  "    2 | regel twee\n"
		  "      |       ^\n",
		  "merged messages print sorted, the duplicate once, the "
		  "worker's own source with its line");
	free(out);

	/* A message cut in the middle is refused. */
	diag(&child, D_NUL_BYTE, cp, (struct pos){ 1, 1 });
	buf_reset(&msg);
	diag_export(&child, from, shared, &msg);
	in.p = msg.ptr;
	in.end = msg.ptr + msg.len / 2;
	in.bad = false;
	CHECK_INT(diag_import(&parent, from, shared, &in, &a), -1,
		  "half a message is refused");
	CHECK_INT(diag_errors(&parent), 4, "and adds nothing");

	buf_free(&msg);
	diag_free(&parent);
	diag_free(&child);
	arena_free(&a);
}

int main(void)
{
	short_line();
	long_line_middle();
	long_line_start();
	many_on_one_line();
	pos_any_order();
	nul_ends_excerpt();
	diag_handover();
	return check_done();
}
