/*
 * frontmatter: split a content file at its '---' lines and turn YAML into
 * ynode trees.  See frontmatter.h.
 *
 * libyaml's event API is used rather than its document loader: the tree is
 * built here one event at a time, so an alias is refused where it stands
 * instead of being expanded (no alias bomb), and the depth and node limits
 * stop the parse before time or memory can run away.  libyaml marks count
 * characters from the start of the parsed text; a cursor walks the text to
 * turn them into lines and columns of the whole file, counting only '\n' as
 * a line end like diag.c does (libyaml also breaks lines at U+2028 and
 * friends, which would shift every later line).
 *
 * Problems of one value (duplicate key, tag, anchor, alias, a key that is
 * not text) are all reported and parsing goes on, so one run shows them
 * all; the result is -1 with the rest of the tree.  A syntax error or a
 * limit stops the parse and leaves no tree.  A second document stops it
 * too, but the first is kept, as its message promises.  libyaml's syntax
 * messages are passed on with a hint and, for what was left open (a quote,
 * a '['), at the place where it was opened rather than where libyaml ran
 * into the end of the block.
 */
#include "frontmatter.h"

#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "buf.h"
#include "xalloc.h"

/* libyaml resolves '!!x' to this prefix; it is shown the way it was typed. */
#define YAML_CORE_TAG_PREFIX "tag:yaml.org,2002:"

/* Turns libyaml's character marks into positions, moving forward. */
struct cursor {
	const char *text;
	size_t len;
	size_t ci;  /* characters before off */
	size_t off; /* byte offset in text */
	unsigned line, col; /* 0-based, within text */
};

/* A collection being read: its children wait in tmp until its end. */
struct frame {
	struct ynode *node;
	struct buf tmp; /* struct ynode * for a list, ymap_entry for a map */
	bool have_key;  /* map: a key was read, its value comes next */
	bool key_ok;    /* map: that key is text and its entry is kept */
	struct slice key;
	struct pos key_pos;
};

struct yparse {
	struct arena *a;    /* scalar texts */
	struct arena *tree; /* nodes, entries, items */
	struct diag_ctx *d;
	struct source *src;
	unsigned base_line; /* file line of the parsed text's first line */
	struct cursor cur;
	struct frame frames[YAML_MAX_DEPTH];
	unsigned depth;
	size_t nodes;
	unsigned ndocs;
	struct ynode *root;
	/* The last event, when it was a quoted scalar: a stray or missing
	 * quote shows up as an error just after it. */
	bool last_quoted;
	yaml_mark_t quote_start, quote_end;
	bool stop;   /* no more events are read */
	bool broken; /* the tree is unusable: root is dropped */
	bool failed; /* a diagnostic was reported */
};

/* What to tell about libyaml's most common complaints, and where. */
struct syntax_hint {
	const char *problem;  /* libyaml's problem text, NULL for any */
	const char *context;  /* libyaml's context text, NULL for any */
	bool at_context;      /* point at what was left open, not at where
				 libyaml noticed (often the block's end) */
	bool at_indent;       /* only true when libyaml stopped at the first
				 character of a line: an indentation slip */
	const char *advice;
	const char *advice_nl;
};

static const struct syntax_hint syntax_hints[] = {
	{ NULL, "while scanning a quoted scalar", true, false,
	  "is the closing quote missing?",
	  "ontbreekt het afsluitende aanhalingsteken?" },
	{ NULL, "while scanning a simple key", true, false,
	  "each line needs 'key: value', with a space after ':'; a value "
	  "that goes on over several lines must be indented",
	  "elke regel heeft 'sleutel: waarde' nodig, met een spatie na ':'; "
	  "een waarde die over meerdere regels loopt, moet inspringen" },
	{ NULL, "while parsing a flow sequence", true, false,
	  "is the closing ']' missing?", "ontbreekt de afsluitende ']'?" },
	{ NULL, "while parsing a flow mapping", true, false,
	  "is the closing '}' missing?", "ontbreekt de afsluitende '}'?" },
	{ "mapping values are not allowed in this context", NULL, false, false,
	  "put a value that contains ': ' in quotes, or check the "
	  "indentation",
	  "zet een waarde met ': ' erin tussen aanhalingstekens, of kijk de "
	  "inspringing na" },
	{ "did not find expected key", NULL, false, true,
	  "check the indentation of this line",
	  "kijk de inspringing van deze regel na" },
	{ "did not find expected key", NULL, false, false,
	  "unexpected text after the value",
	  "onverwachte tekst na de waarde" },
	{ "found character that cannot start any token", NULL, false, false,
	  "put the value in quotes",
	  "zet de waarde tussen aanhalingstekens" },
	{ "found unknown escape character", NULL, false, false,
	  "in double quotes write a backslash as \\\\, or use single quotes",
	  "schrijf tussen dubbele aanhalingstekens een backslash als \\\\, "
	  "of gebruik enkele aanhalingstekens" },
};

/* libyaml's problem and context texts, for Dutch messages. */
static const struct {
	const char *en, *nl;
} libyaml_words[] = {
	{ "mapping values are not allowed in this context",
	  "hier mag geen 'sleutel: waarde' staan" },
	{ "did not find expected key", "hier werd een sleutel verwacht" },
	{ "found character that cannot start any token",
	  "teken waarmee geen YAML-waarde kan beginnen" },
	{ "found unknown escape character", "onbekend escapeteken" },
	{ "found unexpected end of stream",
	  "onverwacht einde van de tekst" },
	{ "did not find expected ',' or ']'", "',' of ']' verwacht" },
	{ "did not find expected ',' or '}'", "',' of '}' verwacht" },
	{ "did not find expected node content",
	  "hier werd een waarde verwacht" },
	{ "could not find expected ':'", "':' verwacht" },
	{ "did not find expected <document start>",
	  "het begin van een document verwacht" },
	{ "did not find expected '-' indicator", "'-' verwacht" },
	{ "block sequence entries are not allowed in this context",
	  "een lijstelement ('- ') mag hier niet staan" },
	{ "found a tab character that violates indentation",
	  "een tabteken verstoort de inspringing" },
	{ "found a tab character where an indentation space is expected",
	  "tabteken waar een spatie voor de inspringing verwacht werd" },
	{ "found unexpected ':'", "onverwachte ':'" },
	{ "control characters are not allowed",
	  "controletekens zijn niet toegestaan" },
	{ "invalid leading UTF-8 octet", "ongeldige UTF-8-byte" },
	{ "invalid trailing UTF-8 octet", "ongeldige UTF-8-byte" },
	{ "incomplete UTF-8 octet sequence", "onvolledige UTF-8-reeks" },
	{ "unknown problem", "onbekend probleem" },
	{ "while scanning a quoted scalar",
	  "in een waarde tussen aanhalingstekens" },
	{ "while scanning a simple key", "in een sleutel" },
	{ "while parsing a flow sequence", "in een lijst tussen [ ]" },
	{ "while parsing a flow mapping", "in een mapping tussen { }" },
	{ "while parsing a block mapping", "in een mapping" },
	{ "while parsing a block collection", "in een lijst" },
	{ "while scanning a block scalar", "in een tekstblok" },
	{ "while scanning a plain scalar", "in een waarde" },
	{ "while scanning an anchor", "in een anker" },
	{ "while scanning an alias", "in een alias" },
	{ "while scanning a tag", "in een tag" },
};

/* A text of libyaml in the language of the messages; an unknown one
 * stays English. */
static const char *libyaml_tr(const struct yparse *p, const char *en)
{
	size_t i;

	if (en == NULL || p->d->lang != LANG_NL)
		return en;
	for (i = 0; i < sizeof(libyaml_words) / sizeof(libyaml_words[0]); i++)
		if (!strcmp(libyaml_words[i].en, en))
			return libyaml_words[i].nl;
	return en;
}

static size_t utf8_width(unsigned char lead)
{
	if (lead < 0x80)
		return 1;
	if (lead < 0xE0)
		return 2;
	return lead < 0xF0 ? 3 : 4;
}

static void cursor_step(struct cursor *c)
{
	size_t w = utf8_width((unsigned char)c->text[c->off]);

	if (c->text[c->off] == '\n') {
		c->line++;
		c->col = 0;
	} else {
		c->col++;
	}
	c->off = w < c->len - c->off ? c->off + w : c->len;
	c->ci++;
}

/*
 * Node marks only move forward, so the walk is linear over a file; the rare
 * step back (an error's context) starts again from the top.
 */
static struct pos mark_pos(struct yparse *p, yaml_mark_t m)
{
	struct cursor *c = &p->cur;

	if (m.index < c->ci) {
		c->ci = c->off = 0;
		c->line = c->col = 0;
	}
	while (c->ci < m.index && c->off < c->len)
		cursor_step(c);
	return (struct pos){ p->base_line + c->line, c->col + 1 };
}

/* libyaml's reader errors give a byte offset instead of a mark. */
static struct pos byte_pos(struct yparse *p, size_t offset)
{
	struct cursor *c = &p->cur;

	c->ci = c->off = 0;
	c->line = c->col = 0;
	while (c->off < offset && c->off < c->len)
		cursor_step(c);
	return (struct pos){ p->base_line + c->line, c->col + 1 };
}

static void report(struct yparse *p, enum diag_id id, struct pos pos)
{
	diag(p->d, id, p->src, pos);
	p->failed = true;
}

/* A syntax error or a limit: stop reading and drop the tree. */
static void give_up(struct yparse *p)
{
	p->stop = true;
	p->broken = true;
	p->failed = true;
}

static void check_props(struct yparse *p, const yaml_char_t *anchor,
			const yaml_char_t *tag, struct pos pos)
{
	const char *t = (const char *)tag;
	struct buf shown = BUF_INIT;

	if (anchor)
		report(p, D_YAML_ALIAS, pos);
	if (!t)
		return;
	if (strncmp(t, YAML_CORE_TAG_PREFIX, strlen(YAML_CORE_TAG_PREFIX)) == 0)
		buf_printf(&shown, "!!%s", t + strlen(YAML_CORE_TAG_PREFIX));
	else
		buf_puts(&shown, t);
	diag(p->d, D_YAML_TAG, p->src, pos, shown.ptr);
	p->failed = true;
	buf_free(&shown);
}

/* Counts a node against the limit; false when the parse must stop. */
static bool count_node(struct yparse *p, struct pos pos)
{
	if (++p->nodes <= YAML_MAX_NODES)
		return true;
	diag(p->d, D_YAML_TOO_MANY, p->src, pos, (int)YAML_MAX_NODES);
	give_up(p);
	return false;
}

static struct ynode *new_node(struct yparse *p, enum ynode_kind kind,
			      struct pos pos)
{
	struct ynode *n = arena_alloc(p->tree, sizeof(*n));

	n->kind = kind;
	n->pos = pos;
	return n;
}

static enum yscalar_style scalar_style(yaml_scalar_style_t s)
{
	switch (s) {
	case YAML_SINGLE_QUOTED_SCALAR_STYLE:
	case YAML_DOUBLE_QUOTED_SCALAR_STYLE:
		return YS_QUOTED;
	case YAML_LITERAL_SCALAR_STYLE:
	case YAML_FOLDED_SCALAR_STYLE:
		return YS_BLOCK;
	default:
		return YS_PLAIN;
	}
}

/*
 * Gives a finished node (NULL for a refused alias) to the collection that
 * holds it, or makes it the document's root.
 */
static void attach(struct yparse *p, struct ynode *n)
{
	struct frame *f;
	struct ymap_entry e;

	if (p->depth == 0) {
		p->root = n;
		return;
	}
	f = &p->frames[p->depth - 1];
	if (f->node->kind == Y_SEQ) {
		if (n)
			buf_put(&f->tmp, &n, sizeof(n));
		return;
	}
	if (!f->have_key) {
		f->have_key = true;
		f->key_ok = n && n->kind == Y_SCALAR;
		if (n && !f->key_ok)
			report(p, D_KEY_NOT_TEXT, n->pos);
		if (n) {
			f->key = n->text;
			f->key_pos = n->pos;
		}
		return;
	}
	f->have_key = false;
	if (!f->key_ok || !n)
		return;
	e = (struct ymap_entry){ f->key, f->key_pos, n };
	buf_put(&f->tmp, &e, sizeof(e));
}

static void on_scalar(struct yparse *p, const yaml_event_t *ev)
{
	struct pos pos = mark_pos(p, ev->start_mark);
	const char *v = (const char *)ev->data.scalar.value;
	size_t len = ev->data.scalar.length;
	struct ynode *n;

	if (!count_node(p, pos))
		return;
	check_props(p, ev->data.scalar.anchor, ev->data.scalar.tag, pos);
	/* Later stages use the text as a C string: a NUL would cut it. */
	if (memchr(v, '\0', len))
		report(p, D_YAML_NUL, pos);
	n = new_node(p, Y_SCALAR, pos);
	n->text = sl_make(arena_strndup(p->a, v, len), len);
	n->style = scalar_style(ev->data.scalar.style);
	attach(p, n);
}

static void on_alias(struct yparse *p, const yaml_event_t *ev)
{
	struct pos pos = mark_pos(p, ev->start_mark);

	if (!count_node(p, pos))
		return;
	report(p, D_YAML_ALIAS, pos);
	attach(p, NULL);
}

static void on_start(struct yparse *p, const yaml_event_t *ev,
		     enum ynode_kind kind)
{
	struct pos pos = mark_pos(p, ev->start_mark);
	const yaml_char_t *anchor, *tag;
	struct frame *f;

	if (!count_node(p, pos))
		return;
	if (p->depth == YAML_MAX_DEPTH) {
		diag(p->d, D_YAML_DEPTH, p->src, pos, (int)YAML_MAX_DEPTH);
		give_up(p);
		return;
	}
	if (kind == Y_SEQ) {
		anchor = ev->data.sequence_start.anchor;
		tag = ev->data.sequence_start.tag;
	} else {
		anchor = ev->data.mapping_start.anchor;
		tag = ev->data.mapping_start.tag;
	}
	check_props(p, anchor, tag, pos);
	f = &p->frames[p->depth++];
	f->node = new_node(p, kind, pos);
	f->have_key = false;
	buf_reset(&f->tmp);
}

struct key_ref {
	struct slice key;
	size_t idx;
};

/* Equal keys end up together, each run in file order. */
static int key_ref_cmp(const void *pa, const void *pb)
{
	const struct key_ref *a = pa, *b = pb;
	int c = sl_cmp(a->key, b->key);

	if (c)
		return c;
	return (a->idx > b->idx) - (a->idx < b->idx);
}

/*
 * Reports every later occurrence of a key and marks it by a NULL value.
 * Sorting keeps a map with many keys at n log n instead of n squared.
 */
static void mark_duplicates(struct yparse *p, struct ymap_entry *e, size_t n)
{
	struct key_ref *refs;
	size_t i, first = 0;

	if (n < 2)
		return;
	refs = xreallocarray(NULL, n, sizeof(*refs));
	for (i = 0; i < n; i++)
		refs[i] = (struct key_ref){ e[i].key, i };
	qsort(refs, n, sizeof(*refs), key_ref_cmp);
	for (i = 1; i < n; i++) {
		struct ymap_entry *dup = &e[refs[i].idx];
		struct ymap_entry *orig = &e[refs[first].idx];

		if (!sl_eq(dup->key, orig->key)) {
			first = i;
			continue;
		}
		diag(p->d, D_DUP_KEY, p->src, dup->key_pos, dup->key.ptr);
		if (i == first + 1)
			diag(p->d, D_DUP_KEY_FIRST, p->src, orig->key_pos,
			     orig->key.ptr);
		dup->value = NULL;
		p->failed = true;
	}
	free(refs);
}

static void finish_map(struct yparse *p, struct frame *f)
{
	struct ymap_entry *e = (struct ymap_entry *)f->tmp.ptr;
	size_t i, n = f->tmp.len / sizeof(*e), kept = 0;

	mark_duplicates(p, e, n);
	for (i = 0; i < n; i++)
		kept += e[i].value != NULL;
	if (kept == 0)
		return;
	f->node->entries = arena_array(p->tree, kept, sizeof(*e));
	for (i = 0; i < n; i++)
		if (e[i].value)
			f->node->entries[f->node->nentries++] = e[i];
}

static void finish_seq(struct yparse *p, struct frame *f)
{
	size_t n = f->tmp.len / sizeof(struct ynode *);

	if (n == 0)
		return;
	f->node->items = arena_array(p->tree, n, sizeof(struct ynode *));
	memcpy(f->node->items, f->tmp.ptr, n * sizeof(struct ynode *));
	f->node->nitems = n;
}

static void on_end(struct yparse *p)
{
	struct frame *f = &p->frames[--p->depth];

	if (f->node->kind == Y_MAP)
		finish_map(p, f);
	else
		finish_seq(p, f);
	attach(p, f->node);
}

static void on_event(struct yparse *p, const yaml_event_t *ev)
{
	p->last_quoted = ev->type == YAML_SCALAR_EVENT &&
			 scalar_style(ev->data.scalar.style) == YS_QUOTED;
	p->quote_start = ev->start_mark;
	p->quote_end = ev->end_mark;
	switch (ev->type) {
	case YAML_DOCUMENT_START_EVENT:
		if (p->ndocs++ == 0)
			break;
		/* The first document stays usable: only it is read. */
		report(p, D_YAML_MULTIDOC, mark_pos(p, ev->start_mark));
		p->stop = true;
		break;
	case YAML_SCALAR_EVENT:
		on_scalar(p, ev);
		break;
	case YAML_ALIAS_EVENT:
		on_alias(p, ev);
		break;
	case YAML_SEQUENCE_START_EVENT:
		on_start(p, ev, Y_SEQ);
		break;
	case YAML_MAPPING_START_EVENT:
		on_start(p, ev, Y_MAP);
		break;
	case YAML_SEQUENCE_END_EVENT:
	case YAML_MAPPING_END_EVENT:
		on_end(p);
		break;
	default:
		break;
	}
}

static const struct syntax_hint *find_hint(const yaml_parser_t *yp,
					   bool at_indent)
{
	size_t i;

	for (i = 0; i < sizeof(syntax_hints) / sizeof(syntax_hints[0]); i++) {
		const struct syntax_hint *h = &syntax_hints[i];

		if (h->at_indent && !at_indent)
			continue;
		if (h->problem && (!yp->problem ||
				   strcmp(h->problem, yp->problem) != 0))
			continue;
		if (h->context && (!yp->context ||
				   strcmp(h->context, yp->context) != 0))
			continue;
		return h;
	}
	return NULL;
}

/* Is pos the first visible character of its line? */
static bool starts_line(struct yparse *p, struct pos pos)
{
	size_t i = diag_line_offset(p->src, pos.line);
	unsigned col = 1;

	for (; i < p->src->len && p->src->text[i] == ' '; i++)
		col++;
	return col == pos.col;
}

/*
 * libyaml's words for a tab in the indentation vary with what it was
 * scanning; a tab before the first visible character of the line it stopped
 * on is nearly always the cause, so say so and point at it.
 */
static bool tab_in_indent(struct yparse *p, unsigned line, struct pos *at)
{
	size_t i = diag_line_offset(p->src, line);
	unsigned col = 1;

	for (; i < p->src->len; i++, col++) {
		char c = p->src->text[i];

		if (c == '\t') {
			*at = (struct pos){ line, col };
			return true;
		}
		if (c != ' ')
			break;
	}
	return false;
}

/*
 * Text right after a quoted value, on the line where it ended.  When that
 * value ran over several lines its closing quote is most likely missing
 * and the quote that ended it belongs to a later value: point at where it
 * began.  On one line it is a quote inside a value that ended it early.
 */
static void after_quote(struct yparse *p, const char *problem,
			struct pos at)
{
	struct buf msg = BUF_INIT;

	if (p->quote_start.line < p->quote_end.line) {
		at = mark_pos(p, p->quote_start);
		buf_printf(&msg, diag_tr(p->d, "%s (the quoted value that "
			   "starts here goes on to line %u: is its closing "
			   "quote missing?)", "%s (de waarde tussen "
			   "aanhalingstekens die hier begint, loopt door tot "
			   "regel %u: ontbreekt het afsluitende "
			   "aanhalingsteken?)"), libyaml_tr(p, problem),
			   mark_pos(p, p->quote_end).line);
	} else {
		buf_printf(&msg, diag_tr(p->d, "%s (text after a closing "
			   "quote; to use quotes inside a value, put the whole "
			   "value in the other kind of quotes)", "%s (tekst na "
			   "een afsluitend aanhalingsteken; wil je "
			   "aanhalingstekens in een waarde, zet dan de hele "
			   "waarde tussen de andere soort aanhalingstekens)"),
			   libyaml_tr(p, problem));
	}
	diag(p->d, D_YAML_SYNTAX, p->src, at, msg.ptr);
	buf_free(&msg);
}

static bool is_key_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c == '_' || c == '-';
}

/*
 * A line "key:value" whose ':' has no blank after it: the offset of the
 * ':', or 0.  The key must look like one (a letter first), so that a
 * time such as "9:00" in a long value is not taken for it.
 */
static size_t glued_key(const char *t, size_t b, size_t e)
{
	size_t i;

	while (b < e && t[b] == ' ')
		b++;
	if (b + 1 < e && t[b] == '-' && t[b + 1] == ' ')
		for (b += 2; b < e && t[b] == ' '; b++)
			;
	if (b == e || !((t[b] >= 'a' && t[b] <= 'z') ||
			(t[b] >= 'A' && t[b] <= 'Z')))
		return 0;
	for (i = b; i < e && is_key_char(t[i]); i++)
		;
	if (i + 1 < e && t[i] == ':' && t[i + 1] != ' ' && t[i + 1] != '\t')
		return i;
	return 0;
}

/* Does the line [b, e) hold a "key: value" or end in "key:"? */
static bool has_key(const char *t, size_t b, size_t e)
{
	size_t i;

	for (i = b; i < e; i++)
		if (t[i] == ':' && (i + 1 == e || t[i + 1] == ' '))
			return true;
	return false;
}

/*
 * "name:Zaal" is no key: without a blank after ':' the line is text that
 * runs on into the next one, and libyaml only complains at the next
 * "key: value", a line too late.  Looks back over the lines that text can
 * span for such a ':' and, when there is one, reports it there.
 */
static bool glued_colon(struct yparse *p, unsigned line)
{
	const char *t = p->src->text;
	struct buf msg = BUF_INIT;

	while (line-- >= p->base_line) {
		size_t b = diag_line_offset(p->src, line), e = b, at;

		while (e < p->src->len && t[e] != '\n')
			e++;
		at = glued_key(t, b, e);
		if (at == 0 && (b == e || has_key(t, b, e)))
			return false;
		if (at == 0)
			continue;
		while (t[b] == ' ' || t[b] == '-')
			b++;
		buf_printf(&msg, diag_tr(p->d, "missing space after ':' "
			   "(write '%.*s: %.*s')", "spatie na ':' ontbreekt "
			   "(schrijf '%.*s: %.*s')"),
			   (int)(at - b), t + b, (int)(e - at - 1), t + at + 1);
		diag(p->d, D_YAML_SYNTAX, p->src, diag_pos_at(p->src, at),
		     msg.ptr);
		buf_free(&msg);
		return true;
	}
	return false;
}

static void syntax_error(struct yparse *p, const yaml_parser_t *yp)
{
	const char *problem = yp->problem ? yp->problem : "unknown problem";
	const struct syntax_hint *h;
	struct buf msg = BUF_INIT;
	struct pos at;

	if (yp->error == YAML_MEMORY_ERROR)
		die("out of memory in the YAML parser");
	give_up(p);
	if (yp->error == YAML_READER_ERROR) {
		diag(p->d, D_YAML_SYNTAX, p->src,
		     byte_pos(p, yp->problem_offset), libyaml_tr(p, problem));
		return;
	}
	at = mark_pos(p, yp->problem_mark);
	if (tab_in_indent(p, at.line, &at)) {
		report(p, D_YAML_TAB, at);
		return;
	}
	if (yp->error == YAML_PARSER_ERROR && p->last_quoted &&
	    p->quote_end.line == yp->problem_mark.line) {
		after_quote(p, problem, at);
		return;
	}
	/* Where the line that ends in an error is the glued one, libyaml
	 * gave up on its key; otherwise on the next "key: value". */
	if (yp->problem && strcmp(yp->problem, "mapping values are not "
				  "allowed in this context") == 0 &&
	    glued_colon(p, at.line))
		return;
	if (yp->context && strcmp(yp->context, "while scanning a simple "
				  "key") == 0 &&
	    glued_colon(p, mark_pos(p, yp->context_mark).line + 1))
		return;
	h = find_hint(yp, starts_line(p, at));
	buf_puts(&msg, libyaml_tr(p, problem));
	if (h && h->at_context &&
	    yp->context_mark.line < yp->problem_mark.line) {
		at = mark_pos(p, yp->context_mark);
		buf_printf(&msg, " %s", libyaml_tr(p, yp->context));
	}
	if (h)
		buf_printf(&msg, " (%s)", diag_tr(p->d, h->advice,
						  h->advice_nl));
	diag(p->d, D_YAML_SYNTAX, p->src, at, msg.ptr);
	buf_free(&msg);
}

/* Runs libyaml over text, which starts at base_line of src. */
static void parse_text(struct yparse *p, const char *text, size_t len)
{
	yaml_parser_t yp;
	yaml_event_t ev;
	unsigned i;

	p->cur = (struct cursor){ text, len, 0, 0, 0, 0 };
	for (i = 0; i < YAML_MAX_DEPTH; i++)
		p->frames[i].tmp = (struct buf)BUF_INIT;
	if (!yaml_parser_initialize(&yp))
		die("out of memory in the YAML parser");
	yaml_parser_set_input_string(&yp, (const unsigned char *)text, len);
	yaml_parser_set_encoding(&yp, YAML_UTF8_ENCODING);
	while (!p->stop) {
		bool end;

		if (!yaml_parser_parse(&yp, &ev)) {
			syntax_error(p, &yp);
			break;
		}
		end = ev.type == YAML_STREAM_END_EVENT;
		on_event(p, &ev);
		yaml_event_delete(&ev);
		if (end)
			break;
	}
	yaml_parser_delete(&yp);
	for (i = 0; i < YAML_MAX_DEPTH; i++)
		buf_free(&p->frames[i].tmp);
	if (p->broken)
		p->root = NULL;
}

static void yparse_init(struct yparse *p, struct arena *a,
			struct arena *tree, struct diag_ctx *d,
			struct source *src, unsigned base_line)
{
	memset(p, 0, sizeof(*p));
	p->a = a;
	p->tree = tree;
	p->d = d;
	p->src = src;
	p->base_line = base_line;
}

/* A '---' line starting at off, blanks after it allowed; *next is the
 * offset after its line end. */
static bool is_fence(const char *t, size_t len, size_t off, size_t *next)
{
	size_t i;

	if (len - off < 3 || memcmp(t + off, "---", 3) != 0)
		return false;
	for (i = off + 3; i < len && (t[i] == ' ' || t[i] == '\t'); i++)
		;
	if (i < len && t[i] != '\n')
		return false;
	*next = i < len ? i + 1 : len;
	return true;
}

/* Finds the closing fence after the opening line; false if none. */
static bool find_close(const char *t, size_t len, size_t from,
		       size_t *start, size_t *next, unsigned *line)
{
	size_t off = from;
	unsigned ln = 2;

	while (off < len) {
		const char *nl;

		if (is_fence(t, len, off, next)) {
			*start = off;
			*line = ln;
			return true;
		}
		nl = memchr(t + off, '\n', len - off);
		if (!nl)
			break;
		off = (size_t)(nl - t) + 1;
		ln++;
	}
	return false;
}

static struct ynode *empty_map(struct arena *a)
{
	struct ynode *n = arena_alloc(a, sizeof(*n));

	n->kind = Y_MAP;
	n->pos = (struct pos){ 1, 1 };
	return n;
}

int fm_parse(struct arena *a, struct arena *tree, struct diag_ctx *d,
	     struct source *src, struct frontmatter *fm)
{
	size_t open_next, close_start, close_next;
	unsigned close_line;
	struct yparse p;

	memset(fm, 0, sizeof(*fm));
	/* Without a block the whole file is body, for checks that go on. */
	fm->body = sl_make(src->text, src->len);
	fm->body_line = 1;
	if (!is_fence(src->text, src->len, 0, &open_next)) {
		diag(d, D_FM_MISSING, src, (struct pos){ 1, 1 });
		return -1;
	}
	if (!find_close(src->text, src->len, open_next, &close_start,
			&close_next, &close_line)) {
		fm->body = sl_make(src->text + src->len, 0);
		fm->body_offset = src->len;
		diag(d, D_FM_UNCLOSED, src, (struct pos){ 1, 1 });
		return -1;
	}
	fm->body = sl_make(src->text + close_next, src->len - close_next);
	fm->body_line = close_line + 1;
	fm->body_offset = close_next;

	yparse_init(&p, a, tree, d, src, 2);
	parse_text(&p, src->text + open_next, close_start - open_next);
	if (p.broken)
		return -1;
	if (!p.root) {
		/* Empty, or only comments: no keys at all. */
		fm->root = empty_map(tree);
	} else if (p.root->kind != Y_MAP) {
		diag(d, D_NOT_MAPPING, src, p.root->pos,
		     diag_tr(d, "front matter", "de front matter"));
		return -1;
	} else {
		fm->root = p.root;
	}
	return p.failed ? -1 : 0;
}

int yaml_parse_file(struct arena *a, struct diag_ctx *d, struct source *src,
		    struct ynode **root)
{
	struct yparse p;
	struct ynode *r;

	yparse_init(&p, a, a, d, src, 1);
	parse_text(&p, src->text, src->len);
	r = p.root;
	/* A lone '---' with nothing after it is an empty file too; an
	 * explicit '~' is a value and kept. */
	if (r && r->kind == Y_SCALAR && r->style == YS_PLAIN &&
	    r->text.len == 0)
		r = NULL;
	*root = r;
	return p.failed ? -1 : 0;
}

struct ynode *ynode_copy(struct arena *a, const struct ynode *n)
{
	struct ynode *c = arena_alloc(a, sizeof(*c));
	size_t i;

	*c = *n;
	if (n->nitems) {
		c->items = arena_array(a, n->nitems, sizeof(*c->items));
		for (i = 0; i < n->nitems; i++)
			c->items[i] = ynode_copy(a, n->items[i]);
	}
	if (n->nentries) {
		c->entries = arena_array(a, n->nentries, sizeof(*c->entries));
		for (i = 0; i < n->nentries; i++) {
			struct ymap_entry *e = &c->entries[i];

			*e = n->entries[i];
			e->value = ynode_copy(a, e->value);
		}
	}
	return c;
}

const struct ymap_entry *ynode_entry(const struct ynode *map, const char *key)
{
	size_t i;

	if (!map || map->kind != Y_MAP)
		return NULL;
	for (i = 0; i < map->nentries; i++)
		if (sl_eq_cstr(map->entries[i].key, key))
			return &map->entries[i];
	return NULL;
}

struct ynode *ynode_get(const struct ynode *map, const char *key)
{
	const struct ymap_entry *e = ynode_entry(map, key);

	return e ? e->value : NULL;
}

bool ynode_is_null(const struct ynode *n)
{
	static const char *const nulls[] = { "", "~", "null", "Null", "NULL" };
	size_t i;

	if (!n)
		return true;
	if (n->kind != Y_SCALAR || n->style != YS_PLAIN)
		return false;
	for (i = 0; i < sizeof(nulls) / sizeof(nulls[0]); i++)
		if (sl_eq_cstr(n->text, nulls[i]))
			return true;
	return false;
}

const char *ynode_kind_name(const struct ynode *n)
{
	if (!n)
		return "nothing";
	switch (n->kind) {
	case Y_SCALAR:
		return "text";
	case Y_SEQ:
		return "a list";
	case Y_MAP:
		return "a mapping";
	}
	return "?";
}
