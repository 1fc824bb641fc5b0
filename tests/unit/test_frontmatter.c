/*
 * test_frontmatter: the '---' split and the YAML layer (frontmatter.c).
 *
 * Positions are what users see, so most cases check line:col of keys and
 * values in the whole file, and diagnostics are compared as printed text
 * (diag_flush into a memory stream) so that wording, place and caret are
 * pinned down together.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "check.h"
#include "diag.h"
#include "frontmatter.h"
#include "xalloc.h"

/* One parsed file and everything it needs. */
struct run {
	struct arena a;
	struct diag_ctx d;
	struct source *src;
	struct frontmatter fm;
	struct ynode *root; /* yaml_parse_file's result */
	int rc;
	char *out; /* printed diagnostics */
};

static void render(struct run *r)
{
	size_t len;
	FILE *f;

	/* diag_flush hands qsort a NULL array when nothing was reported,
	 * which UBSan flags; nothing to print anyway. */
	if (r->d.n == 0) {
		r->out = xstrdup("");
		return;
	}
	f = open_memstream(&r->out, &len);
	if (!f)
		die("open_memstream failed");
	diag_flush(&r->d, f);
	fclose(f);
}

static void start(struct run *r, const char *text, size_t len)
{
	memset(r, 0, sizeof(*r));
	r->a = (struct arena)ARENA_INIT;
	diag_init(&r->d);
	r->src = diag_source(&r->d, "t.md", text, len);
}

static void fm(struct run *r, const char *text)
{
	start(r, text, strlen(text));
	r->rc = fm_parse(&r->a, &r->a, &r->d, r->src, &r->fm);
	render(r);
}

static void yfile(struct run *r, const char *text, size_t len)
{
	start(r, text, len);
	r->rc = yaml_parse_file(&r->a, &r->d, r->src, &r->root);
	render(r);
}

static void finish(struct run *r)
{
	free(r->out);
	diag_free(&r->d);
	arena_free(&r->a);
}

static void check_pos(struct pos p, unsigned line, unsigned col,
		      const char *what)
{
	char got[32], want[32];

	snprintf(got, sizeof(got), "%u:%u", p.line, p.col);
	snprintf(want, sizeof(want), "%u:%u", line, col);
	CHECK_STR(got, want, what);
}

/* The key's position, or 0:0 when the key is missing. */
static struct pos key_pos(const struct ynode *map, const char *key)
{
	const struct ymap_entry *e = ynode_entry(map, key);

	return e ? e->key_pos : (struct pos){ 0, 0 };
}

static void check_text(const struct ynode *n, const char *want,
		       const char *what)
{
	CHECK_STR(n && n->kind == Y_SCALAR ? n->text.ptr : NULL, want, what);
}

static void test_missing(void)
{
	struct run r;

	fm(&r, "title: x\n---\n");
	CHECK_INT(r.rc, -1, "missing: fails");
	CHECK(r.fm.root == NULL, "missing: no root");
	CHECK_STR(r.out,
		  "t.md:1:1: error: missing front matter: the file must start "
		  "with a '---' line\n"
		  "    1 | title: x\n"
		  "      | ^\n",
		  "missing: message");
	CHECK_INT(r.fm.body.len, strlen("title: x\n---\n"),
		  "missing: the whole file is body");
	finish(&r);

	fm(&r, "----\na: 1\n---\n");
	CHECK_INT(r.rc, -1, "four dashes are not a fence");
	finish(&r);

	fm(&r, "--- a: 1\n---\n");
	CHECK_INT(r.rc, -1, "text after the opening dashes");
	finish(&r);

	fm(&r, "");
	CHECK_INT(r.rc, -1, "empty file has no front matter");
	CHECK_INT(r.d.counts[DL_ERROR], 1, "empty file: one error");
	finish(&r);
}

static void test_unclosed(void)
{
	struct run r;

	fm(&r, "---\ntitle: x\n\nBody text\n");
	CHECK_INT(r.rc, -1, "unclosed: fails");
	CHECK(r.fm.root == NULL, "unclosed: no root");
	CHECK_STR(r.out,
		  "t.md:1:1: error: front matter is not closed: add a '---' "
		  "line after it\n"
		  "    1 | ---\n"
		  "      | ^\n",
		  "unclosed: message at the opening line");
	finish(&r);

	fm(&r, "---");
	CHECK_INT(r.rc, -1, "a lone opening line is unclosed");
	CHECK_INT(r.d.counts[DL_ERROR], 1, "lone opening line: one error");
	finish(&r);
}

static void test_split(void)
{
	struct run r;
	const char *t;

	t = "---\n---\nHello\n";
	fm(&r, t);
	CHECK_INT(r.rc, 0, "empty block parses");
	CHECK(r.fm.root && r.fm.root->kind == Y_MAP &&
		      r.fm.root->nentries == 0,
	      "empty block: empty map");
	CHECK_INT(r.fm.body_line, 3, "empty block: body on line 3");
	CHECK_INT(r.fm.body_offset, 8, "empty block: body offset");
	CHECK(sl_eq_cstr(r.fm.body, "Hello\n"), "empty block: body text");
	finish(&r);

	t = "---  \ntitle: x\n---   \nBody\n";
	fm(&r, t);
	CHECK_INT(r.rc, 0, "fences with trailing spaces");
	check_text(ynode_get(r.fm.root, "title"), "x", "trailing spaces: key");
	CHECK(sl_eq_cstr(r.fm.body, "Body\n"), "trailing spaces: body");
	CHECK_INT(r.fm.body_line, 4, "trailing spaces: body line");
	CHECK_INT(r.fm.body_offset, 22, "trailing spaces: body offset");
	CHECK(r.fm.body.ptr == t + 22, "body points into the file");
	finish(&r);

	t = "---\na: 1\n---\ntext\n---\nmore\n";
	fm(&r, t);
	CHECK_INT(r.rc, 0, "a later '---' parses");
	CHECK(sl_eq_cstr(r.fm.body, "text\n---\nmore\n"),
	      "a '---' in the body stays in the body");
	CHECK_INT(r.fm.body_line, 4, "'---' in body: body line");
	CHECK_INT(r.fm.root->nentries, 1, "'---' in body: one key");
	finish(&r);

	t = "---\na: 1\n---";
	fm(&r, t);
	CHECK_INT(r.rc, 0, "closing fence at end of file");
	CHECK_INT(r.fm.body.len, 0, "no body");
	CHECK_INT(r.fm.body_offset, strlen(t), "body offset at end");
	CHECK_INT(r.fm.body_line, 4, "body line after the fence");
	finish(&r);

	fm(&r, "---\n# only a comment\n\n---\nx\n");
	CHECK_INT(r.rc, 0, "comment-only block parses");
	CHECK(r.fm.root && r.fm.root->kind == Y_MAP &&
		      r.fm.root->nentries == 0,
	      "comment-only block: empty map");
	finish(&r);

	fm(&r, "---\n- a\n---\n");
	CHECK_INT(r.rc, -1, "a list is not front matter");
	CHECK(r.fm.root == NULL, "list block: no root");
	CHECK_STR(r.out,
		  "t.md:2:1: error: front matter must be a mapping of keys to "
		  "values\n"
		  "    2 | - a\n"
		  "      | ^\n",
		  "list block: message");
	finish(&r);
}

static void test_positions(void)
{
	struct run r;
	const struct ymap_entry *e;

	fm(&r, "---\ntitle: Hallo\ndate:   2025-03-01\n---\n");
	CHECK_INT(r.rc, 0, "simple block parses");
	e = ynode_entry(r.fm.root, "title");
	CHECK(e != NULL, "title entry");
	if (e) {
		check_pos(e->key_pos, 2, 1, "block line 1 is file line 2");
		check_pos(e->value->pos, 2, 8, "title value");
	}
	e = ynode_entry(r.fm.root, "date");
	CHECK(e != NULL, "date entry");
	if (e) {
		check_pos(e->key_pos, 3, 1, "date key");
		check_pos(e->value->pos, 3, 9, "date value after spaces");
		check_text(e->value, "2025-03-01", "date text");
	}
	check_pos(r.fm.root->pos, 2, 1, "root map at its first key");
	finish(&r);
}

static void test_flow_map(void)
{
	struct run r;
	struct ynode *m;

	fm(&r, "---\nm: {a: 1, \"b\": [x]}\n---\n");
	CHECK_INT(r.rc, 0, "flow map parses");
	m = ynode_get(r.fm.root, "m");
	CHECK(m && m->kind == Y_MAP && m->nentries == 2, "flow map");
	if (m && m->kind == Y_MAP && m->nentries == 2) {
		check_pos(m->pos, 2, 4, "flow map at '{'");
		check_pos(m->entries[0].key_pos, 2, 5, "flow key");
		check_pos(m->entries[0].value->pos, 2, 8, "flow value");
		check_pos(m->entries[1].key_pos, 2, 11, "quoted key at quote");
		check_pos(m->entries[1].value->items[0]->pos, 2, 17,
			  "list item in a flow map");
	}
	finish(&r);
}

static void test_nested(void)
{
	struct run r;
	struct ynode *c, *ph, *tags, *empty;

	fm(&r, "---\n"
	       "contact:\n"
	       "  name: An\n"
	       "  phones: [050 11, \"051 22\"]\n"
	       "tags:\n"
	       "  - a\n"
	       "  -   b\n"
	       "  -\n"
	       "none:\n"
	       "---\n");
	CHECK_INT(r.rc, 0, "nested block parses");
	c = ynode_get(r.fm.root, "contact");
	CHECK(c && c->kind == Y_MAP, "contact is a map");
	if (!c || c->kind != Y_MAP)
		goto out;
	check_pos(c->pos, 3, 3, "nested map at its first key");
	check_pos(c->entries[0].key_pos, 3, 3, "nested key");
	check_text(ynode_get(c, "name"), "An", "nested value");
	check_pos(ynode_get(c, "name")->pos, 3, 9, "nested value position");
	ph = ynode_get(c, "phones");
	CHECK(ph && ph->kind == Y_SEQ && ph->nitems == 2, "flow list of 2");
	if (ph && ph->kind == Y_SEQ && ph->nitems == 2) {
		check_pos(ph->pos, 4, 11, "flow list at '['");
		check_pos(ph->items[0]->pos, 4, 12, "first flow item");
		check_pos(ph->items[1]->pos, 4, 20, "second item at quote");
		check_text(ph->items[0], "050 11", "first item text");
		check_text(ph->items[1], "051 22", "second item text");
		CHECK_INT(ph->items[1]->style, YS_QUOTED, "quoted item");
	}
	tags = ynode_get(r.fm.root, "tags");
	CHECK(tags && tags->kind == Y_SEQ && tags->nitems == 3,
	      "block list of 3");
	if (tags && tags->kind == Y_SEQ && tags->nitems == 3) {
		check_pos(tags->pos, 6, 3, "block list at its first '-'");
		check_pos(tags->items[0]->pos, 6, 5, "first block item");
		check_pos(tags->items[1]->pos, 7, 7, "item after spaces");
		check_pos(tags->items[2]->pos, 8, 4, "empty item after '-'");
		CHECK(ynode_is_null(tags->items[2]), "empty item is null");
	}
	empty = ynode_get(r.fm.root, "none");
	CHECK(ynode_is_null(empty), "empty value is null");
	if (empty)
		check_pos(empty->pos, 9, 6, "empty value right after ':'");
	CHECK_STR(ynode_kind_name(c), "a mapping", "kind name of a map");
	CHECK_STR(ynode_kind_name(tags), "a list", "kind name of a list");
	CHECK_STR(ynode_kind_name(empty), "text", "kind name of a scalar");
out:
	finish(&r);
}

static void test_multibyte(void)
{
	struct run r;
	struct ynode *k;

	fm(&r, "---\ntitel: Dé – x\nk: [é, ü, –z]\nnext: 1\n---\n");
	CHECK_INT(r.rc, 0, "multi-byte block parses");
	check_text(ynode_get(r.fm.root, "titel"), "Dé – x", "UTF-8 text");
	k = ynode_get(r.fm.root, "k");
	CHECK(k && k->kind == Y_SEQ && k->nitems == 3, "list of 3");
	if (k && k->kind == Y_SEQ && k->nitems == 3) {
		check_pos(k->items[0]->pos, 3, 5, "é item");
		check_pos(k->items[1]->pos, 3, 8, "item after é counts 1");
		check_pos(k->items[2]->pos, 3, 11, "item after ü counts 1");
	}
	check_pos(key_pos(r.fm.root, "next"), 4, 1, "next line");
	finish(&r);

	fm(&r, "---\ntitel: Dé – a: b\n---\n");
	CHECK_INT(r.rc, -1, "second ': ' on a multi-byte line fails");
	CHECK_STR(r.out,
		  "t.md:2:14: error: YAML syntax error: mapping values are "
		  "not allowed in this context (put a value that contains "
		  "': ' in quotes, or check the indentation)\n"
		  "    2 | titel: Dé – a: b\n"
		  "      |              ^\n",
		  "multi-byte: caret under the second colon");
	finish(&r);

	/* libyaml breaks lines at U+2028 too; positions must not. */
	fm(&r, "---\na: \"x\xe2\x80\xa8y\"\nb: 1\n---\n");
	CHECK_INT(r.rc, 0, "U+2028 in quotes parses");
	check_pos(key_pos(r.fm.root, "b"), 3, 1,
		  "line after U+2028 is still line 3");
	finish(&r);
}

static void test_duplicates(void)
{
	struct run r;
	struct ynode *inner;

	fm(&r, "---\ntitle: a\ndate: x\ntitle: b\n---\n");
	CHECK_INT(r.rc, -1, "duplicate key fails");
	CHECK(r.fm.root != NULL, "duplicate key: tree kept");
	CHECK_INT(r.fm.root->nentries, 2, "duplicate dropped");
	check_text(ynode_get(r.fm.root, "title"), "a", "first value kept");
	CHECK_STR(r.fm.root->entries[1].key.ptr, "date", "file order kept");
	CHECK_STR(r.out,
		  "t.md:4:1: error: duplicate key 'title'\n"
		  "    4 | title: b\n"
		  "      | ^\n"
		  "t.md:2:1: note: 'title' was first given here\n"
		  "    2 | title: a\n"
		  "      | ^\n",
		  "duplicate: error at the second, then the note at the first");
	finish(&r);

	fm(&r, "---\nm:\n  k: 1\n  k: 2\n  k: 3\n  j: 4\n---\n");
	CHECK_INT(r.d.counts[DL_ERROR], 2, "three times: two errors");
	CHECK_INT(r.d.counts[DL_NOTE], 1, "three times: one note");
	inner = ynode_get(r.fm.root, "m");
	CHECK(inner && inner->nentries == 2, "nested: duplicates dropped");
	check_text(ynode_get(inner, "k"), "1", "nested: first value kept");
	finish(&r);

	fm(&r, "---\n\"a\": 1\na: 2\n---\n");
	CHECK_INT(r.d.counts[DL_ERROR], 1, "quoted and plain key are equal");
	finish(&r);

	fm(&r, "---\n? [a]\n: b\nc: d\n---\n");
	CHECK_INT(r.rc, -1, "list as key fails");
	CHECK_STR(r.out,
		  "t.md:2:3: error: a key must be plain text\n"
		  "    2 | ? [a]\n"
		  "      |   ^\n",
		  "list as key: message");
	CHECK(r.fm.root && r.fm.root->nentries == 1, "only 'c' kept");
	check_text(ynode_get(r.fm.root, "c"), "d", "parsing went on");
	finish(&r);
}

static void test_alias_tag(void)
{
	struct run r;
	static const char bomb[] =
		"---\n"
		"a: &a [x, x, x, x, x, x, x, x, x]\n"
		"b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
		"c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
		"d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
		"---\n";

	fm(&r, "---\na: &x 1\nb: *x\n---\n");
	CHECK_INT(r.rc, -1, "anchor and alias fail");
	CHECK_STR(r.out,
		  "t.md:2:4: error: YAML anchors and aliases are not "
		  "supported; write the value out\n"
		  "    2 | a: &x 1\n"
		  "      |    ^\n"
		  "t.md:3:4: error: YAML anchors and aliases are not "
		  "supported; write the value out\n"
		  "    3 | b: *x\n"
		  "      |    ^\n",
		  "anchor and alias: messages");
	CHECK(ynode_get(r.fm.root, "b") == NULL, "alias value dropped");
	finish(&r);

	fm(&r, bomb);
	CHECK_INT(r.d.counts[DL_ERROR], 4 + 27, "bomb: each anchor and alias");
	CHECK(r.a.used_total < 64 * 1024, "bomb: nothing expanded");
	finish(&r);

	fm(&r, "---\nn: !!int 3\nm: !local [x]\nk: ! y\n---\n");
	CHECK_INT(r.rc, -1, "tags fail");
	CHECK_STR(r.out,
		  "t.md:2:4: error: YAML tag '!!int' is not supported\n"
		  "    2 | n: !!int 3\n"
		  "      |    ^\n"
		  "t.md:3:4: error: YAML tag '!local' is not supported\n"
		  "    3 | m: !local [x]\n"
		  "      |    ^\n"
		  "t.md:4:4: error: YAML tag '!' is not supported\n"
		  "    4 | k: ! y\n"
		  "      |    ^\n",
		  "tags: shown as written");
	finish(&r);
}

static void test_tab(void)
{
	struct run r;

	fm(&r, "---\ntitle: a\n\tdate: b\n---\n");
	CHECK_INT(r.rc, -1, "tab indentation fails");
	CHECK_STR(r.out,
		  "t.md:3:1: error: tab character in YAML indentation; "
		  "indent with spaces\n"
		  "    3 | \tdate: b\n"
		  "      | ^\n",
		  "tab: message at the tab");
	finish(&r);

	fm(&r, "---\nc:\n  \tb: 1\n---\n");
	CHECK_STR(r.out,
		  "t.md:3:3: error: tab character in YAML indentation; "
		  "indent with spaces\n"
		  "    3 |   \tb: 1\n"
		  "      |   ^\n",
		  "tab after spaces: caret at the tab");
	finish(&r);

	fm(&r, "---\na: |\n\tfoo\n---\n");
	CHECK_INT(r.d.counts[DL_ERROR], 1, "tab in a block scalar: one error");
	CHECK(strstr(r.out, "t.md:3:1: error: tab character") == r.out,
	      "tab in a block scalar: at the tab");
	finish(&r);

	fm(&r, "---\na: x\tb\n---\n");
	CHECK_INT(r.rc, 0, "a tab inside a value is fine");
	check_text(ynode_get(r.fm.root, "a"), "x\tb", "tab kept in value");
	finish(&r);
}

static void test_syntax(void)
{
	struct run r;

	fm(&r, "---\ntitle: \"Foo\ndate: 2025\nx: y\n---\nBody\n");
	CHECK_INT(r.rc, -1, "unclosed quote fails");
	CHECK(r.fm.root == NULL, "syntax error: no root");
	CHECK_STR(r.out,
		  "t.md:2:8: error: YAML syntax error: found unexpected end "
		  "of stream while scanning a quoted scalar (is the closing "
		  "quote missing?)\n"
		  "    2 | title: \"Foo\n"
		  "      |        ^\n",
		  "unclosed quote: at the quote, not the block's end");
	CHECK(sl_eq_cstr(r.fm.body, "Body\n"), "body split despite error");
	finish(&r);

	fm(&r, "---\ntitle: \"Foo\ndate: \"2025\"\nx: y\n---\n");
	CHECK_STR(r.out,
		  "t.md:2:8: error: YAML syntax error: did not find expected "
		  "key (the quoted value that starts here goes on to line 3: "
		  "is its closing quote missing?)\n"
		  "    2 | title: \"Foo\n"
		  "      |        ^\n",
		  "unclosed quote closed by a later one: at the first quote");
	finish(&r);

	fm(&r, "---\nsummary: \"a \"quoted\" word\"\n---\n");
	CHECK_STR(r.out,
		  "t.md:2:14: error: YAML syntax error: did not find expected "
		  "key (text after a closing quote; to use quotes inside a "
		  "value, put the whole value in the other kind of quotes)\n"
		  "    2 | summary: \"a \"quoted\" word\"\n"
		  "      |              ^\n",
		  "quotes inside quotes: after the early closing quote");
	finish(&r);

	fm(&r, "---\nsummary: \"long\n  text\"\n- bad\n---\n");
	CHECK(strstr(r.out, "t.md:4:1: error: YAML syntax error: did not "
			    "find expected key (check the indentation") ==
		      r.out,
	      "a closed multi-line quote is not blamed");
	finish(&r);

	fm(&r, "---\nkey: value: other\n---\n");
	CHECK_STR(r.out,
		  "t.md:2:11: error: YAML syntax error: mapping values are "
		  "not allowed in this context (put a value that contains "
		  "': ' in quotes, or check the indentation)\n"
		  "    2 | key: value: other\n"
		  "      |           ^\n",
		  "key: value: other");
	finish(&r);

	fm(&r, "---\ncontact:\n  name: a\n phone: b\n---\n");
	CHECK_STR(r.out,
		  "t.md:4:2: error: YAML syntax error: did not find expected "
		  "key (check the indentation of this line)\n"
		  "    4 |  phone: b\n"
		  "      |  ^\n",
		  "bad indent");
	finish(&r);

	fm(&r, "---\ntags: [a, b\nx: y\n---\n");
	CHECK_STR(r.out,
		  "t.md:2:7: error: YAML syntax error: did not find expected "
		  "',' or ']' while parsing a flow sequence (is the closing "
		  "']' missing?)\n"
		  "    2 | tags: [a, b\n"
		  "      |       ^\n",
		  "missing ']': at the '['");
	finish(&r);

	fm(&r, "---\na: 1\ntitle:Foo\n---\n");
	CHECK_STR(r.out,
		  "t.md:3:6: error: YAML syntax error: missing space after "
		  "':' (write 'title: Foo')\n"
		  "    3 | title:Foo\n"
		  "      |      ^\n",
		  "missing space after colon: at the colon");
	finish(&r);

	/* libyaml notices only at the next key: still point at the colon. */
	fm(&r, "---\nx:\n  name:Foo\n  phone: b\n---\n");
	CHECK_STR(r.out,
		  "t.md:3:7: error: YAML syntax error: missing space after "
		  "':' (write 'name: Foo')\n"
		  "    3 |   name:Foo\n"
		  "      |       ^\n",
		  "missing space after colon, seen a line later");
	finish(&r);

	/* A time in a value that runs over lines is not a glued key. */
	fm(&r, "---\nsummary: open\n  9:00 tot 12:00\n  en: meer\n---\n");
	CHECK(strstr(r.out, "t.md:4:5: error: YAML syntax error: mapping "
		     "values are not allowed") != NULL,
	      "no glued key in a value's continuation line");
	finish(&r);

	fm(&r, "---\nurl: http://x.be/a:b\n---\n");
	CHECK_INT(r.rc, 0, "colon without space in a value is fine");
	check_text(ynode_get(r.fm.root, "url"), "http://x.be/a:b", "url text");
	finish(&r);

	fm(&r, "---\na: \"x\\q\"\nb: \"unclosed\nc: [\n---\n");
	CHECK_INT(r.d.counts[DL_ERROR], 1, "only the first syntax error");
	CHECK(strstr(r.out, "t.md:2:6: error: YAML syntax error: found "
			    "unknown escape character") == r.out,
	      "bad escape: at the backslash");
	finish(&r);

	fm(&r, "---\na: x\x0cy\n---\n");
	CHECK(strstr(r.out, "t.md:2:5: error: YAML syntax error: control "
			    "characters are not allowed") == r.out,
	      "control character: at the character");
	finish(&r);

	fm(&r, "---\na: \"x\\0y\"\n---\n");
	CHECK_INT(r.rc, -1, "NUL escape fails");
	CHECK(strstr(r.out, "t.md:2:4: error: a value must not contain a "
			    "NUL character") == r.out,
	      "NUL escape: at the value");
	finish(&r);
}

static void test_limits(void)
{
	struct run r;
	struct buf b = BUF_INIT;
	char want[64];
	int i;

	buf_puts(&b, "---\nx: ");
	for (i = 0; i < 100; i++)
		buf_putc(&b, '[');
	for (i = 0; i < 100; i++)
		buf_putc(&b, ']');
	buf_puts(&b, "\n---\n");
	fm(&r, b.ptr);
	CHECK_INT(r.rc, -1, "100 nested lists fail");
	CHECK(r.fm.root == NULL, "too deep: no root");
	CHECK_INT(r.d.counts[DL_ERROR], 1, "too deep: one error");
	/* The root map is level 1, so '[' number 32 (column 35) is 33. */
	snprintf(want, sizeof(want),
		 "t.md:2:35: error: nesting deeper than %d levels\n",
		 YAML_MAX_DEPTH);
	CHECK(strncmp(r.out, want, strlen(want)) == 0,
	      "too deep: at the first level too many");
	finish(&r);

	buf_reset(&b);
	buf_puts(&b, "---\nx: ");
	for (i = 1; i < YAML_MAX_DEPTH; i++)
		buf_putc(&b, '[');
	for (i = 1; i < YAML_MAX_DEPTH; i++)
		buf_putc(&b, ']');
	buf_puts(&b, "\n---\n");
	fm(&r, b.ptr);
	CHECK_INT(r.rc, 0, "exactly the maximum depth parses");
	finish(&r);

	/* Root map, key and list are 3 values: one item too many.  Each
	 * item is "-\n", about 100 MB of tree at the stop, not more. */
	buf_reset(&b);
	buf_puts(&b, "---\nx:\n");
	for (i = 0; i < YAML_MAX_NODES - 2; i++)
		buf_put(&b, "-\n", 2);
	buf_puts(&b, "---\n");
	fm(&r, b.ptr);
	CHECK_INT(r.rc, -1, "too many values fail");
	CHECK_INT(r.d.counts[DL_ERROR], 1, "too many: one error");
	snprintf(want, sizeof(want),
		 "t.md:%d:2: error: more than %d values in one file\n",
		 YAML_MAX_NODES, YAML_MAX_NODES);
	CHECK(strncmp(r.out, want, strlen(want)) == 0,
	      "too many: at the first value too many");
	finish(&r);
	buf_free(&b);
}

static void test_styles(void)
{
	struct run r;
	struct ynode *n;

	fm(&r, "---\n"
	       "a: true\n"
	       "b: \"true\"\n"
	       "c: 'it''s'\n"
	       "d: |\n"
	       "  line 1\n"
	       "  line 2\n"
	       "e: >-\n"
	       "  folded\n"
	       "  text\n"
	       "f: \"a\\tb\\u00e9\"\n"
	       "g: 007\n"
	       "---\n");
	CHECK_INT(r.rc, 0, "styles parse");
	n = ynode_get(r.fm.root, "a");
	CHECK(n && n->style == YS_PLAIN, "plain true is plain");
	check_text(n, "true", "plain true text");
	n = ynode_get(r.fm.root, "b");
	CHECK(n && n->style == YS_QUOTED, "\"true\" is quoted");
	check_text(n, "true", "quoted true text");
	if (n)
		check_pos(n->pos, 3, 4, "quoted value at its quote");
	n = ynode_get(r.fm.root, "c");
	CHECK(n && n->style == YS_QUOTED, "single quotes are quoted");
	check_text(n, "it's", "'' decoded");
	n = ynode_get(r.fm.root, "d");
	CHECK(n && n->style == YS_BLOCK, "literal is block");
	check_text(n, "line 1\nline 2\n", "literal text");
	if (n)
		check_pos(n->pos, 5, 4, "block scalar at its '|'");
	n = ynode_get(r.fm.root, "e");
	CHECK(n && n->style == YS_BLOCK, "folded is block");
	check_text(n, "folded text", "folded text, stripped");
	if (n)
		check_pos(n->pos, 8, 4, "folded scalar at its '>'");
	n = ynode_get(r.fm.root, "f");
	check_text(n, "a\tb\xc3\xa9", "escapes resolved");
	n = ynode_get(r.fm.root, "g");
	check_text(n, "007", "no typing: 007 stays text");
	CHECK(n && n->text.ptr[n->text.len] == '\0', "text NUL-terminated");
	finish(&r);
}

static void test_yaml_file(void)
{
	struct run r;
	static const char two_docs[] = "a: 1\n---\nb: 2\n";
	static const char *const empties[] = { "", "# just a comment\n\n",
					       "---\n" };
	size_t i;

	for (i = 0; i < sizeof(empties) / sizeof(empties[0]); i++) {
		yfile(&r, empties[i], strlen(empties[i]));
		CHECK_INT(r.rc, 0, "empty YAML file parses");
		CHECK(r.root == NULL, "empty YAML file: no root");
		CHECK_STR(r.out, "", "empty YAML file: no message");
		finish(&r);
	}

	yfile(&r, "- a\n- b\n", 8);
	CHECK(r.rc == 0 && r.root && r.root->kind == Y_SEQ,
	      "a list as a whole file");
	if (r.root && r.root->nitems == 2)
		check_pos(r.root->items[1]->pos, 2, 3,
			  "file positions start at 1");
	finish(&r);

	yfile(&r, "~\n", 2);
	CHECK(r.root && ynode_is_null(r.root), "an explicit ~ is kept");
	finish(&r);

	yfile(&r, two_docs, strlen(two_docs));
	CHECK_INT(r.rc, -1, "two documents fail");
	CHECK_STR(r.out,
		  "t.md:2:1: error: more than one YAML document; only one "
		  "is read\n"
		  "    2 | ---\n"
		  "      | ^\n",
		  "two documents: at the second");
	check_text(ynode_get(r.root, "a"), "1", "first document kept");
	CHECK(ynode_get(r.root, "b") == NULL, "second document not read");
	finish(&r);

	yfile(&r, "zone:\n  name: Brugge\n", 21);
	CHECK_INT(r.rc, 0, "site.yaml-like file parses");
	if (ynode_get(r.root, "zone"))
		check_pos(ynode_get(r.root, "zone")->pos, 2, 3,
			  "nested map position");
	finish(&r);
}

static void test_helpers(void)
{
	struct run r;
	static const char *const nulls[] = { "", "~", "null", "Null",
					     "NULL" };
	struct ynode n = { .kind = Y_SCALAR, .style = YS_PLAIN };
	size_t i;

	for (i = 0; i < sizeof(nulls) / sizeof(nulls[0]); i++) {
		n.text = sl_cstr(nulls[i]);
		CHECK(ynode_is_null(&n), "null spelling");
	}
	n.text = sl_cstr("nul");
	CHECK(!ynode_is_null(&n), "'nul' is text");
	n.text = sl_cstr("null");
	n.style = YS_QUOTED;
	CHECK(!ynode_is_null(&n), "quoted 'null' is text");
	CHECK(ynode_is_null(NULL), "absent is null");
	CHECK_STR(ynode_kind_name(NULL), "nothing", "kind name of nothing");
	CHECK(ynode_get(&n, "x") == NULL, "ynode_get on a scalar");
	CHECK(ynode_get(NULL, "x") == NULL, "ynode_get on nothing");

	fm(&r, "---\na: 1\nb: 2\n---\n");
	CHECK(ynode_get(r.fm.root, "c") == NULL, "absent key");
	CHECK(ynode_entry(r.fm.root, "b") == &r.fm.root->entries[1],
	      "ynode_entry finds the entry");
	finish(&r);
}

/* Texts in one arena, the tree in another: once the tree's arena is
 * gone, the texts (and a copy of a subtree) are still there.  Under the
 * sanitizer build a text left in the tree's arena is a use after free. */
static void test_split_arenas(void)
{
	static const char text[] =
		"---\ntitle: \"Dag \\u00e9\\u00e9n\"\n"
		"extra: {kleur: groen, tags: [a, b]}\n---\nBody\n";
	struct arena texts = ARENA_INIT, tree = ARENA_INIT;
	struct diag_ctx d;
	struct source *src;
	struct frontmatter f;
	const struct ynode *title, *extra, *copy = NULL;
	int rc;

	diag_init(&d);
	src = diag_source(&d, "t.md", text, strlen(text));
	rc = fm_parse(&texts, &tree, &d, src, &f);
	CHECK_INT(rc, 0, "split arenas: parsed");
	title = ynode_get(f.root, "title");
	extra = ynode_get(f.root, "extra");
	CHECK(title && extra, "split arenas: title and extra found");
	if (title && extra) {
		struct slice t = title->text;

		copy = ynode_copy(&texts, extra);
		arena_free(&tree);
		CHECK_STR(t.ptr, "Dag \xc3\xa9\xc3\xa9n",
			  "the decoded text outlives the tree");
		CHECK_INT(copy->kind, Y_MAP, "the copy is a map");
		CHECK_INT(copy->nentries, 2, "with both keys");
		CHECK_STR(ynode_get(copy, "kleur")->text.ptr, "groen",
			  "a scalar of the copy");
		CHECK_INT(ynode_get(copy, "tags")->nitems, 2,
			  "a list of the copy");
		CHECK_STR(ynode_get(copy, "tags")->items[1]->text.ptr, "b",
			  "an item of the copied list");
		CHECK(copy != extra, "a new node, not the old one");
	}
	arena_free(&tree);
	arena_free(&texts);
	diag_free(&d);
}

int main(void)
{
	test_missing();
	test_unclosed();
	test_split();
	test_positions();
	test_flow_map();
	test_nested();
	test_multibyte();
	test_duplicates();
	test_alias_tag();
	test_tab();
	test_syntax();
	test_limits();
	test_styles();
	test_yaml_file();
	test_helpers();
	test_split_arenas();
	return check_done();
}
