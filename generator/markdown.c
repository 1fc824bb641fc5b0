/*
 * markdown: cmark wrapper.  The two phases and the guarantees are in
 * markdown.h; this comment is about how.
 *
 * md_parse walks the cmark tree once.  It remembers every heading (with its
 * anchor, made unique through a small hash set) and every link or image
 * destination, classified by scheme, in two arrays owned by the document;
 * then it points each such node's user data at its record, so the renderers
 * find a heading's id or a link's verdict without searching and without
 * changing the tree.  Phase 2 resolves all links once per output into an
 * array of URLs, then one of two walkers (HTML, plain text) writes the
 * output.  Walks use cmark's iterator, never recursion, so a deeply nested
 * body cannot exhaust the stack.
 *
 * A destination's position is found by searching its text in the source
 * lines of the enclosing paragraph or heading.  A cursor per block makes
 * two links with the same destination point at their own occurrence;
 * occurrences right after '(' '<' or ':' are preferred over the same text
 * in the link's label.
 */
#include "markdown.h"

#include <cmark.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "slug.h"
#include "xalloc.h"

enum {
	ANCHOR_SET_MIN = 16,  /* initial slots of the anchor hash set */
	SCHEME_SHOW_MAX = 32, /* a scheme longer than this is cut in messages */
	URL_SHOW_MAX = 60,    /* bytes of a destination quoted in a message */
	PLAIN_MARKER_MAX = 24, /* "- " or "1234567890. " */
	/* How far around the previous inline a link or tag is looked for in
	 * its paragraph: enough for any real link text, and it keeps a huge
	 * paragraph of links cmark decoded (so not found) from taking
	 * quadratic time. */
	LOCATE_WINDOW = 8192,
};

#define NOT_FOUND MEM_NOT_FOUND
#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

const char *const md_template_prompts[] = {
	"Klik of tik om tekst in te voeren",
	"Klik of tik om een datum in te voeren",
	"Kies een item",
};
const size_t md_ntemplate_prompts = COUNT(md_template_prompts);

/* What md_parse decided about a destination. */
enum dest_class {
	DEST_KEEP,     /* http(s):, mailto:, tel:, empty: written as is */
	DEST_FRAGMENT, /* "#x": an anchor of this page */
	DEST_SITE,     /* event:, ... or a relative path: ask the resolver */
	DEST_REJECTED, /* unsafe or unknown scheme, missing own anchor */
};

struct md_link {
	struct pos block_at; /* the enclosing paragraph or heading */
	const char *url;     /* destination as cmark decoded it (arena) */
	enum dest_class cls;
	struct md_link_ref ref; /* DEST_SITE; slices NUL-terminated (arena) */
	size_t src_off;      /* where the destination stands, or NOT_FOUND */
	bool reported;       /* a diagnostic was issued for it */
};

struct anchor_slot {
	const char *id;    /* NULL: free slot */
	unsigned next;     /* next suffix to try for duplicates of id */
	bool reserved;
};

struct anchor_set {
	struct anchor_slot *slot;
	size_t cap, n;
};

struct md_doc {
	struct arena arena;
	struct diag_ctx *d;
	struct source *src;
	struct slice body;
	int copts;       /* cmark options, to parse the body again alike */
	unsigned body_line;
	size_t body_off, body_end; /* the body's bytes in src->text */
	bool unsafe_html;
	struct slice summary; /* the first paragraph's text, or SL_NULL */
	struct md_heading *headings;
	size_t nheadings, headcap;
	struct md_link *links;
	size_t nlinks, linkcap;
	struct anchor_set anchors;
};

/* One resolved destination of one output: urls->ptr[off .. off+len). */
struct resolved {
	size_t off, len;
	bool ok;
};

/* --- text search and positions ------------------------------------------ */

static bool after_opener(const char *text, size_t from, size_t at)
{
	while (at > from && text[at - 1] && strchr(" \t\n", text[at - 1]))
		at--;
	return at > from && text[at - 1] && strchr("(<:", text[at - 1]);
}

/* The occurrence of a destination in [from, to), preferring one that
 * stands where a destination is written. */
static size_t find_dest(const char *text, size_t from, size_t to,
			const char *needle)
{
	size_t n = strlen(needle), first = NOT_FOUND, at = from;

	while ((at = mem_find(text, at, to, needle, n)) != NOT_FOUND) {
		if (after_opener(text, from, at))
			return at;
		if (first == NOT_FOUND)
			first = at;
		at++;
	}
	return first;
}

/* The occurrence of a destination written in a reference definition
 * ("[label]: dest" or "[label]: <dest>"), which cmark keeps out of the
 * tree, or NOT_FOUND. */
static size_t find_definition(const char *text, size_t from, size_t to,
			      const char *needle)
{
	size_t n = strlen(needle), at = from, i;

	while ((at = mem_find(text, at, to, needle, n)) != NOT_FOUND) {
		i = at;
		while (i > from && text[i - 1] && strchr(" \t\n<", text[i - 1]))
			i--;
		if (i >= from + 2 && text[i - 1] == ':' && text[i - 2] == ']')
			return at;
		at++;
	}
	return NOT_FOUND;
}

static size_t clamp(size_t v, size_t lo, size_t hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

/* Byte range in src->text of the source lines of a block. */
static void block_range(const struct md_doc *doc, cmark_node *block,
			size_t *lo, size_t *hi)
{
	unsigned first = (unsigned)cmark_node_get_start_line(block);
	unsigned last = (unsigned)cmark_node_get_end_line(block);

	if (last < first)
		last = first;
	*lo = diag_line_offset(doc->src, doc->body_line + first - 1);
	*hi = diag_line_offset(doc->src, doc->body_line + last);
	*lo = clamp(*lo, doc->body_off, doc->body_end);
	*hi = clamp(*hi, *lo, doc->body_end);
}

static struct pos block_pos(const struct md_doc *doc, cmark_node *block)
{
	unsigned line = (unsigned)cmark_node_get_start_line(block);
	int col = cmark_node_get_start_column(block);
	size_t off = diag_line_offset(doc->src, doc->body_line + line - 1);

	if (col > 1)
		off += (size_t)col - 1;
	return diag_pos_at(doc->src, clamp(off, doc->body_off, doc->body_end));
}

/* --- headings and anchors ----------------------------------------------- */

static struct anchor_slot *anchor_slot(const struct anchor_set *set,
				       const char *s, size_t n)
{
	size_t i;

	if (set->cap == 0)
		return NULL;
	i = sl_hash(sl_make(s, n)) & (set->cap - 1);
	while (set->slot[i].id) {
		const char *id = set->slot[i].id;

		if (strncmp(id, s, n) == 0 && id[n] == '\0')
			return &set->slot[i];
		i = (i + 1) & (set->cap - 1);
	}
	return &set->slot[i];
}

static struct anchor_slot *anchor_find(const struct anchor_set *set,
				       const char *s, size_t n)
{
	struct anchor_slot *slot = anchor_slot(set, s, n);

	return slot && slot->id ? slot : NULL;
}

static void anchor_grow(struct anchor_set *set)
{
	struct anchor_set bigger;
	size_t i;

	bigger.cap = set->cap ? set->cap * 2 : ANCHOR_SET_MIN;
	bigger.slot = xcalloc(bigger.cap, sizeof(*bigger.slot));
	bigger.n = set->n;
	for (i = 0; i < set->cap; i++)
		if (set->slot[i].id)
			*anchor_slot(&bigger, set->slot[i].id,
				     strlen(set->slot[i].id)) = set->slot[i];
	free(set->slot);
	*set = bigger;
}

/* Adds id (which must not be present yet; it must outlive the set). */
static void anchor_add(struct anchor_set *set, const char *id, bool reserved)
{
	struct anchor_slot *slot;

	if ((set->n + 1) * 2 > set->cap)
		anchor_grow(set);
	slot = anchor_slot(set, id, strlen(id));
	slot->id = id;
	slot->next = 2;
	slot->reserved = reserved;
	set->n++;
}

/* The first free "base-N", reporting why base itself was not free. */
static const char *anchor_suffixed(struct md_doc *doc, const char *base,
				   struct anchor_slot *taken, struct pos pos)
{
	struct buf cand = BUF_INIT;
	unsigned n = taken->next;
	bool reserved = taken->reserved;
	const char *id;

	do {
		buf_reset(&cand);
		buf_printf(&cand, "%s-%u", base, n++);
	} while (anchor_find(&doc->anchors, cand.ptr, cand.len));
	taken->next = n;
	id = arena_strndup(&doc->arena, cand.ptr, cand.len);
	buf_free(&cand);
	diag(doc->d, reserved ? D_ANCHOR_RESERVED : D_DUP_ANCHOR, doc->src,
	     pos, base, id);
	return id;
}

static const char *anchor_assign(struct md_doc *doc, struct slice text,
				 struct pos pos)
{
	struct buf base = BUF_INIT;
	struct anchor_slot *taken;
	const char *id;

	slug_append(&base, text);
	id = arena_strndup(&doc->arena, base.ptr, base.len);
	buf_free(&base);
	taken = anchor_find(&doc->anchors, id, strlen(id));
	if (taken)
		id = anchor_suffixed(doc, id, taken, pos);
	anchor_add(&doc->anchors, id, false);
	return id;
}

/* The text of a node's inline descendants: what a reader sees, without
 * marks or raw HTML; line breaks read as spaces. */
static void inline_text(cmark_node *node, struct buf *out)
{
	cmark_iter *it = cmark_iter_new(node);
	cmark_event_type ev;

	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);

		if (ev != CMARK_EVENT_ENTER)
			continue;
		switch (cmark_node_get_type(n)) {
		case CMARK_NODE_TEXT:
		case CMARK_NODE_CODE:
			buf_puts(out, cmark_node_get_literal(n));
			break;
		case CMARK_NODE_SOFTBREAK:
		case CMARK_NODE_LINEBREAK:
			buf_putc(out, ' ');
			break;
		default:
			break;
		}
	}
	cmark_iter_free(it);
}

static struct slice trimmed(struct buf *b)
{
	size_t i = 0, n = b->len;

	while (i < n && (b->ptr[i] == ' ' || b->ptr[i] == '\t'))
		i++;
	while (n > i && (b->ptr[n - 1] == ' ' || b->ptr[n - 1] == '\t'))
		n--;
	return sl_make(b->ptr + i, n - i);
}

static void add_heading(struct md_doc *doc, cmark_node *node)
{
	struct buf text = BUF_INIT;
	struct md_heading *h;

	if (doc->nheadings == doc->headcap) {
		doc->headcap = doc->headcap ? doc->headcap * 2 : 16;
		doc->headings = xreallocarray(doc->headings, doc->headcap,
					      sizeof(*doc->headings));
	}
	h = &doc->headings[doc->nheadings++];
	inline_text(node, &text);
	h->level = cmark_node_get_heading_level(node);
	h->text = arena_slice(&doc->arena, trimmed(&text));
	h->pos = block_pos(doc, node);
	h->anchor = anchor_assign(doc, h->text, h->pos);
	buf_free(&text);
}

/* --- link classification ------------------------------------------------ */

static const struct {
	const char *scheme;
	enum md_link_kind kind;
	const char *nl; /* the kind in Dutch messages */
} site_schemes[] = {
	{ "event", MD_LINK_EVENT, "activiteit" },
	{ "action", MD_LINK_ACTION, "actie" },
	{ "partner", MD_LINK_PARTNER, "partner" },
	{ "service", MD_LINK_SERVICE, "dienst" },
	{ "newsletter", MD_LINK_NEWSLETTER, "nieuwsbrief" },
	{ "page", MD_LINK_PAGE, "pagina" },
};

static const char *const kept_schemes[] = { "http", "https", "mailto",
					    "tel" };
static const char *const unsafe_schemes[] = { "javascript", "vbscript",
					      "data" };

static const char *kind_name(const struct md_doc *doc, enum md_link_kind k)
{
	size_t i;

	for (i = 0; i < COUNT(site_schemes); i++)
		if (site_schemes[i].kind == k)
			return diag_tr(doc->d, site_schemes[i].scheme,
				       site_schemes[i].nl);
	return diag_tr(doc->d, "page", "pagina"); /* MD_LINK_RELATIVE */
}

static bool is_letter(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool in_list(const char *s, const char *const *list, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(s, list[i]) == 0)
			return true;
	return false;
}

/*
 * The scheme of url, lower-cased into out, as a browser reads it: leading
 * spaces and control characters skipped, tabs and line breaks inside
 * ignored (so "java\tscript:" is caught).  Returns the offset after the
 * ':', or 0 when url has no scheme.
 */
static size_t url_scheme(const char *url, struct buf *out)
{
	size_t i = 0;

	while (url[i] && (unsigned char)url[i] <= ' ')
		i++;
	if (!is_letter(url[i]))
		return 0;
	for (; url[i]; i++) {
		char c = url[i];

		if (c == '\t' || c == '\n' || c == '\r')
			continue;
		if (c == ':')
			return i + 1;
		if (!is_letter(c) && !(c >= '0' && c <= '9') &&
		    !strchr("+-.", c))
			return 0;
		buf_putc(out, c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
	}
	return 0;
}

/* Splits "id#anchor" into the reference's NUL-terminated slices. */
static void split_ref(struct md_doc *doc, const char *s, struct md_link *l)
{
	const char *hash = strchr(s, '#');
	size_t n = hash ? (size_t)(hash - s) : strlen(s);

	l->ref.id = sl_make(arena_strndup(&doc->arena, s, n), n);
	l->ref.anchor = SL_NULL;
	if (hash)
		l->ref.anchor = arena_slice(&doc->arena, sl_cstr(hash + 1));
}

/* A destination cut to a readable length for a message. */
static void show_url(struct buf *out, const char *url)
{
	size_t i;

	for (i = 0; url[i] && i < URL_SHOW_MAX; i++)
		buf_putc(out, (unsigned char)url[i] < ' ' ? '?' : url[i]);
	while (url[i] && ((unsigned char)url[i] & 0xC0) == 0x80)
		buf_putc(out, url[i++]);
	if (url[i])
		buf_puts(out, "...");
}

static struct pos link_pos(struct md_doc *doc, struct md_link *l)
{
	if (l->src_off == NOT_FOUND)
		l->src_off = find_definition(doc->src->text, doc->body_off,
					     doc->body_end, l->url);
	if (l->src_off == NOT_FOUND)
		return l->block_at;
	return diag_pos_at(doc->src, l->src_off);
}

static void reject_scheme(struct md_doc *doc, struct md_link *l,
			  const char *scheme)
{
	struct buf shown = BUF_INIT, name = BUF_INIT;

	buf_put(&name, scheme, strnlen(scheme, SCHEME_SHOW_MAX));
	l->cls = DEST_REJECTED;
	l->reported = true;
	if (in_list(scheme, unsafe_schemes, COUNT(unsafe_schemes))) {
		show_url(&shown, l->url);
		buf_putc(&name, ':');
		diag(doc->d, D_LINK_UNSAFE, doc->src, link_pos(doc, l),
		     shown.ptr, name.ptr);
	} else {
		diag(doc->d, D_LINK_SCHEME, doc->src, link_pos(doc, l),
		     name.ptr);
	}
	buf_free(&shown);
	buf_free(&name);
}

/* The kind of link a site scheme names, or -1. */
static int site_kind(const char *scheme)
{
	size_t i;

	for (i = 0; i < COUNT(site_schemes); i++)
		if (strcmp(scheme, site_schemes[i].scheme) == 0)
			return (int)site_schemes[i].kind;
	return -1;
}

static void classify(struct md_doc *doc, struct md_link *l)
{
	struct buf scheme = BUF_INIT;
	size_t after = url_scheme(l->url, &scheme);
	int kind = after ? site_kind(scheme.ptr) : (int)MD_LINK_RELATIVE;

	if (l->url[0] == '#') {
		l->cls = DEST_FRAGMENT;
		split_ref(doc, l->url, l);
	} else if (l->url[0] == '\0' ||
		   (after && in_list(scheme.ptr, kept_schemes,
				     COUNT(kept_schemes)))) {
		l->cls = DEST_KEEP;
	} else if (kind < 0) {
		reject_scheme(doc, l, scheme.ptr);
	} else {
		l->cls = DEST_SITE;
		l->ref.kind = (enum md_link_kind)kind;
		split_ref(doc, l->url + after, l);
	}
	buf_free(&scheme);
}

/* --- the phase 1 walk --------------------------------------------------- */

struct walk {
	struct md_doc *doc;
	cmark_node *block; /* current paragraph or heading */
	size_t lo, hi;     /* its source lines */
	size_t cursor;     /* search start for the next inline in it */
	/* The block whose raw inline HTML was reported: once per paragraph
	 * is enough to find it, "<b>x</b>" need not be two errors. */
	cmark_node *html_reported;
};

static void enter_block(struct walk *w, cmark_node *node)
{
	w->block = node;
	block_range(w->doc, node, &w->lo, &w->hi);
	w->cursor = w->lo;
}

/* Where an inline's text stands in the current block, or NOT_FOUND. */
static size_t locate_inline(struct walk *w, const char *text)
{
	const char *s = w->doc->src->text;
	size_t at, ahead, back;

	if (w->block == NULL)
		return NOT_FOUND;
	ahead = w->hi - w->cursor > LOCATE_WINDOW ? w->cursor + LOCATE_WINDOW
						  : w->hi;
	back = w->cursor - w->lo > LOCATE_WINDOW ? w->cursor - LOCATE_WINDOW
						 : w->lo;
	at = find_dest(s, w->cursor, ahead, text);
	if (at != NOT_FOUND)
		w->cursor = at + strlen(text);
	else
		at = find_dest(s, back, ahead, text);
	return at;
}

static void add_link(struct walk *w, cmark_node *node)
{
	struct md_doc *doc = w->doc;
	struct md_link *l;
	const char *url = cmark_node_get_url(node);

	if (doc->nlinks == doc->linkcap) {
		doc->linkcap = doc->linkcap ? doc->linkcap * 2 : 16;
		doc->links = xreallocarray(doc->links, doc->linkcap,
					   sizeof(*doc->links));
	}
	l = &doc->links[doc->nlinks++];
	memset(l, 0, sizeof(*l));
	l->block_at = block_pos(doc, w->block ? w->block : node);
	l->url = arena_strndup(&doc->arena, url ? url : "",
			       url ? strlen(url) : 0);
	l->ref.image = cmark_node_get_type(node) == CMARK_NODE_IMAGE;
	l->src_off = locate_inline(w, l->url);
	classify(doc, l);
}

static void raw_html(struct walk *w, cmark_node *node, bool inl)
{
	struct md_doc *doc = w->doc;
	size_t at = NOT_FOUND;
	struct pos pos;

	if (doc->unsafe_html || (inl && w->html_reported == w->block))
		return;
	if (inl) {
		at = locate_inline(w, cmark_node_get_literal(node));
		w->html_reported = w->block;
	}
	if (at != NOT_FOUND)
		pos = diag_pos_at(doc->src, at);
	else
		pos = block_pos(doc, inl && w->block ? w->block : node);
	diag(doc->d, D_RAW_HTML, doc->src, pos);
}

/* The first paragraph's text, for md_summary without a tree. */
static void keep_summary(struct md_doc *doc, cmark_node *para)
{
	struct buf text = BUF_INIT;

	inline_text(para, &text);
	doc->summary = sl_make(arena_strndup(&doc->arena, text.ptr, text.len),
			       text.len);
	buf_free(&text);
}

static void parse_node(struct walk *w, cmark_node *node)
{
	switch (cmark_node_get_type(node)) {
	case CMARK_NODE_PARAGRAPH:
		enter_block(w, node);
		if (w->doc->summary.ptr == NULL)
			keep_summary(w->doc, node);
		break;
	case CMARK_NODE_HEADING:
		enter_block(w, node);
		add_heading(w->doc, node);
		break;
	case CMARK_NODE_LINK:
	case CMARK_NODE_IMAGE:
		add_link(w, node);
		break;
	case CMARK_NODE_HTML_BLOCK:
		raw_html(w, node, false);
		break;
	case CMARK_NODE_HTML_INLINE:
		raw_html(w, node, true);
		break;
	default:
		break;
	}
}

/* Fragment links can name a heading further down, so they are checked
 * once all anchors are known. */
static void check_fragments(struct md_doc *doc)
{
	size_t i;

	for (i = 0; i < doc->nlinks; i++) {
		struct md_link *l = &doc->links[i];

		if (l->cls != DEST_FRAGMENT || l->ref.anchor.len == 0 ||
		    md_has_anchor(doc, l->ref.anchor))
			continue;
		l->cls = DEST_REJECTED;
		l->reported = true;
		diag(doc->d, D_LINK_OWN_ANCHOR, doc->src, link_pos(doc, l),
		     l->ref.anchor.ptr);
	}
}

static cmark_node *parse_body(const struct md_doc *doc)
{
	return cmark_parse_document(doc->body.ptr ? doc->body.ptr : "",
				    doc->body.len, doc->copts);
}

/*
 * The document's tree, parsed again for one rendering and freed by the
 * caller.  A big site holds every body for the whole build; keeping every
 * tree as well took a third of its memory, while parsing each body again
 * adds about a twentieth to a big build's user time.  The parse is the same, so the tree
 * is the one md_parse walked: its headings and links, met in the same
 * order, get their records as user data.
 */
static cmark_node *body_tree(const struct md_doc *doc)
{
	cmark_node *root = parse_body(doc);
	cmark_iter *it = cmark_iter_new(root);
	size_t h = 0, l = 0;

	while (cmark_iter_next(it) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		cmark_node_type t = cmark_node_get_type(n);

		if (cmark_iter_get_event_type(it) != CMARK_EVENT_ENTER)
			continue;
		if (t == CMARK_NODE_HEADING && h++ < doc->nheadings)
			cmark_node_set_user_data(n, &doc->headings[h - 1]);
		else if ((t == CMARK_NODE_LINK || t == CMARK_NODE_IMAGE) &&
			 l++ < doc->nlinks)
			cmark_node_set_user_data(n, &doc->links[l - 1]);
	}
	cmark_iter_free(it);
	if (h != doc->nheadings || l != doc->nlinks)
		die("internal error: %s parsed differently the second time",
		    doc->src->path);
	return root;
}

static void reserve_ids(struct md_doc *doc, const struct md_options *o)
{
	size_t i;

	for (i = 0; i < o->nreserved; i++) {
		const char *id = o->reserved_ids[i];

		if (!anchor_find(&doc->anchors, id, strlen(id)))
			anchor_add(&doc->anchors,
				   arena_strndup(&doc->arena, id, strlen(id)),
				   true);
	}
}

struct md_doc *md_parse(struct diag_ctx *d, struct source *src,
			struct slice body, unsigned body_line,
			const struct md_options *opts)
{
	static const struct md_options defaults = { 0 };
	struct md_doc *doc = xcalloc(1, sizeof(*doc));
	struct walk w = { doc, NULL, 0, 0, 0, NULL };
	cmark_node *root;
	cmark_iter *it;

	if (!opts)
		opts = &defaults;
	doc->copts = CMARK_OPT_VALIDATE_UTF8;
	if (!opts->straight_quotes)
		doc->copts |= CMARK_OPT_SMART;
	doc->d = d;
	doc->src = src;
	doc->body = body;
	doc->body_line = body_line ? body_line : 1;
	doc->body_off = diag_line_offset(src, doc->body_line);
	doc->body_end = clamp(doc->body_off + body.len, doc->body_off,
			      src->len);
	doc->unsafe_html = opts->unsafe_html;
	reserve_ids(doc, opts);
	root = parse_body(doc);
	it = cmark_iter_new(root);
	while (cmark_iter_next(it) != CMARK_EVENT_DONE)
		if (cmark_iter_get_event_type(it) == CMARK_EVENT_ENTER)
			parse_node(&w, cmark_iter_get_node(it));
	cmark_iter_free(it);
	cmark_node_free(root);
	check_fragments(doc);
	return doc;
}

void md_free(struct md_doc *doc)
{
	if (!doc)
		return;
	arena_free(&doc->arena);
	free(doc->headings);
	free(doc->links);
	free(doc->anchors.slot);
	free(doc);
}

const struct md_heading *md_headings(const struct md_doc *doc, size_t *n)
{
	*n = doc->nheadings;
	return doc->headings;
}

bool md_has_anchor(const struct md_doc *doc, struct slice id)
{
	return id.ptr && memchr(id.ptr, '\0', id.len) == NULL &&
	       anchor_find(&doc->anchors, id.ptr, id.len) != NULL;
}

/* --- phase 2: resolving links ------------------------------------------- */

static void report_unresolved(struct md_doc *doc, struct md_link *l,
			      enum md_resolve_result res)
{
	const struct md_link_ref *ref = &l->ref;
	struct buf shown = BUF_INIT;
	struct pos pos;

	if (l->reported)
		return;
	l->reported = true;
	pos = link_pos(doc, l);
	show_url(&shown, ref->id.ptr);
	if (res == MD_RESOLVE_NO_ANCHOR)
		diag(doc->d, D_LINK_ANCHOR, doc->src, pos, ref->anchor.ptr,
		     kind_name(doc, ref->kind), shown.ptr);
	else if (res == MD_RESOLVE_UNPUBLISHED)
		diag(doc->d, D_LINK_UNPUBLISHED, doc->src, pos,
		     kind_name(doc, ref->kind), shown.ptr);
	else if (ref->kind == MD_LINK_RELATIVE)
		diag(doc->d, D_LINK_RELATIVE, doc->src, pos, shown.ptr);
	else
		diag(doc->d, D_LINK_TARGET, doc->src, pos,
		     kind_name(doc, ref->kind), shown.ptr);
	buf_free(&shown);
}

static bool resolve_site(struct md_doc *doc, struct md_link *l,
			 const struct md_resolver *r, struct buf *urls)
{
	size_t mark = urls->len;
	enum md_resolve_result res;

	if (!r || !r->resolve)
		return false;
	res = r->resolve(r->ctx, &l->ref, urls);
	if (res == MD_RESOLVE_OK)
		return true;
	buf_truncate(urls, mark);
	report_unresolved(doc, l, res);
	return false;
}

/* Every link's URL for one output, in link order; *nbad counts the
 * unusable ones. */
static struct resolved *resolve_all(struct md_doc *doc,
				    const struct md_resolver *r,
				    struct buf *urls, size_t *nbad)
{
	struct resolved *res = xcalloc(doc->nlinks + 1, sizeof(*res));
	size_t i;

	*nbad = 0;
	for (i = 0; i < doc->nlinks; i++) {
		struct md_link *l = &doc->links[i];

		res[i].off = urls->len;
		if (l->cls == DEST_KEEP || l->cls == DEST_FRAGMENT) {
			buf_puts(urls, l->url);
			res[i].ok = true;
		} else if (l->cls == DEST_SITE) {
			res[i].ok = resolve_site(doc, l, r, urls);
		}
		res[i].len = urls->len - res[i].off;
		*nbad += !res[i].ok;
	}
	return res;
}

size_t md_links(const struct md_doc *doc,
		void (*each)(void *ctx, const struct md_link_ref *ref),
		void *ctx)
{
	size_t i, n = 0;

	for (i = 0; i < doc->nlinks; i++) {
		if (doc->links[i].cls != DEST_SITE)
			continue;
		if (each)
			each(ctx, &doc->links[i].ref);
		n++;
	}
	return n;
}

size_t md_check_links(struct md_doc *doc, const struct md_resolver *r)
{
	struct buf urls = BUF_INIT;
	size_t nbad;

	free(resolve_all(doc, r, &urls, &nbad));
	buf_free(&urls);
	return nbad;
}

/* The resolution of a link or image node of doc, or NULL. */
static const struct resolved *resolution(const struct md_doc *doc,
					 const struct resolved *res,
					 cmark_node *node)
{
	const struct md_link *l = cmark_node_get_user_data(node);

	return l ? &res[l - doc->links] : NULL;
}

static bool in_tight_item(cmark_node *node)
{
	cmark_node *item = cmark_node_parent(node);
	cmark_node *list = item ? cmark_node_parent(item) : NULL;

	return item && cmark_node_get_type(item) == CMARK_NODE_ITEM && list &&
	       cmark_node_get_list_tight(list);
}

/* --- HTML --------------------------------------------------------------- */

struct html {
	const struct md_doc *doc;
	struct buf *out;
	size_t start;  /* where this document's HTML begins in out */
	const struct resolved *res;
	const struct buf *urls;
	cmark_iter *it;
};

/* A URL in an attribute: characters that may stand in a URL are kept
 * (existing %XX escapes too), everything else is percent-encoded, and the
 * two that HTML cares about inside quotes are escaped. */
static void put_href(struct buf *out, const char *p, size_t n)
{
	static const char keep[] = "-_.~!*();:@=+$,/?#[]%";
	size_t i;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)p[i];

		if (c == '&')
			buf_puts(out, "&amp;");
		else if (c == '\'')
			buf_puts(out, "&#39;");
		else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
			 (c >= '0' && c <= '9') || (c && strchr(keep, c)))
			buf_putc(out, c);
		else
			buf_printf(out, "%%%02X", c);
	}
}

static void html_cr(struct html *h)
{
	if (h->out->len > h->start && h->out->ptr[h->out->len - 1] != '\n')
		buf_putc(h->out, '\n');
}

static void html_escaped(struct buf *out, const char *s)
{
	buf_put_html(out, s, strlen(s));
}

static void html_url_attr(struct html *h, const struct resolved *r,
			  const char *attr)
{
	buf_printf(h->out, " %s=\"", attr);
	put_href(h->out, h->urls->ptr + r->off, r->len);
	buf_putc(h->out, '"');
}

static void html_title_attr(struct html *h, cmark_node *node)
{
	const char *title = cmark_node_get_title(node);

	if (title && *title) {
		buf_puts(h->out, " title=\"");
		html_escaped(h->out, title);
		buf_putc(h->out, '"');
	}
}

static void html_link(struct html *h, cmark_node *node, bool entering)
{
	const struct resolved *r = resolution(h->doc, h->res, node);

	if (!r || !r->ok)
		return; /* rejected: its text stands alone */
	if (!entering) {
		buf_puts(h->out, "</a>");
		return;
	}
	buf_puts(h->out, "<a");
	html_url_attr(h, r, "href");
	html_title_attr(h, node);
	buf_putc(h->out, '>');
}

/* The alt text replaces the image's children, which are then skipped. */
static void html_image(struct html *h, cmark_node *node)
{
	const struct resolved *r = resolution(h->doc, h->res, node);
	struct buf alt = BUF_INIT;

	inline_text(node, &alt);
	if (r && r->ok) {
		buf_puts(h->out, "<img");
		html_url_attr(h, r, "src");
		buf_puts(h->out, " alt=\"");
		buf_put_html(h->out, alt.ptr, alt.len);
		buf_putc(h->out, '"');
		html_title_attr(h, node);
		buf_puts(h->out, " />");
	} else {
		buf_put_html(h->out, alt.ptr, alt.len);
	}
	buf_free(&alt);
	cmark_iter_reset(h->it, node, CMARK_EVENT_EXIT);
}

static void html_heading(struct html *h, cmark_node *node, bool entering)
{
	const struct md_heading *hd = cmark_node_get_user_data(node);
	int level = cmark_node_get_heading_level(node);

	if (!entering) {
		buf_printf(h->out, "</h%d>\n", level);
		return;
	}
	html_cr(h);
	buf_printf(h->out, "<h%d id=\"", level);
	html_escaped(h->out, hd->anchor);
	buf_puts(h->out, "\">");
}

static void html_list(struct html *h, cmark_node *node, bool entering)
{
	bool ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST;
	int start = cmark_node_get_list_start(node);

	if (!entering) {
		buf_puts(h->out, ordered ? "</ol>\n" : "</ul>\n");
		return;
	}
	html_cr(h);
	if (!ordered)
		buf_puts(h->out, "<ul>\n");
	else if (start == 1)
		buf_puts(h->out, "<ol>\n");
	else
		buf_printf(h->out, "<ol start=\"%d\">\n", start);
}

static void html_code_block(struct html *h, cmark_node *node)
{
	const char *info = cmark_node_get_fence_info(node);
	size_t n = info ? strcspn(info, " \t") : 0;

	html_cr(h);
	buf_puts(h->out, "<pre><code");
	if (n) {
		buf_puts(h->out, " class=\"language-");
		buf_put_html(h->out, info, n);
		buf_putc(h->out, '"');
	}
	buf_putc(h->out, '>');
	html_escaped(h->out, cmark_node_get_literal(node));
	buf_puts(h->out, "</code></pre>\n");
}

/* Raw HTML passes only when allowed; otherwise it was reported, and is
 * shown as text so that nothing unsafe reaches a page. */
static void html_raw(struct html *h, cmark_node *node, bool block)
{
	const char *lit = cmark_node_get_literal(node);

	if (block)
		html_cr(h);
	if (h->doc->unsafe_html)
		buf_puts(h->out, lit);
	else
		html_escaped(h->out, lit);
	if (block)
		html_cr(h);
}

static void html_tag(struct html *h, bool entering, const char *open,
		     const char *close)
{
	buf_puts(h->out, entering ? open : close);
}

static void html_block_tag(struct html *h, bool entering, const char *open,
			   const char *close)
{
	html_cr(h);
	buf_puts(h->out, entering ? open : close);
}

static void html_node(struct html *h, cmark_node *node, bool entering)
{
	switch (cmark_node_get_type(node)) {
	case CMARK_NODE_BLOCK_QUOTE:
		html_block_tag(h, entering, "<blockquote>\n",
			       "</blockquote>\n");
		break;
	case CMARK_NODE_LIST:
		html_list(h, node, entering);
		break;
	case CMARK_NODE_ITEM:
		if (entering)
			html_cr(h);
		html_tag(h, entering, "<li>", "</li>\n");
		break;
	case CMARK_NODE_PARAGRAPH:
		if (in_tight_item(node))
			break;
		if (entering)
			html_cr(h);
		html_tag(h, entering, "<p>", "</p>\n");
		break;
	case CMARK_NODE_HEADING:
		html_heading(h, node, entering);
		break;
	case CMARK_NODE_CODE_BLOCK:
		html_code_block(h, node);
		break;
	case CMARK_NODE_HTML_BLOCK:
		html_raw(h, node, true);
		break;
	case CMARK_NODE_THEMATIC_BREAK:
		html_block_tag(h, true, "<hr />\n", NULL);
		break;
	case CMARK_NODE_TEXT:
		html_escaped(h->out, cmark_node_get_literal(node));
		break;
	case CMARK_NODE_SOFTBREAK:
		buf_putc(h->out, '\n');
		break;
	case CMARK_NODE_LINEBREAK:
		buf_puts(h->out, "<br />\n");
		break;
	case CMARK_NODE_CODE:
		buf_puts(h->out, "<code>");
		html_escaped(h->out, cmark_node_get_literal(node));
		buf_puts(h->out, "</code>");
		break;
	case CMARK_NODE_HTML_INLINE:
		html_raw(h, node, false);
		break;
	case CMARK_NODE_EMPH:
		html_tag(h, entering, "<em>", "</em>");
		break;
	case CMARK_NODE_STRONG:
		html_tag(h, entering, "<strong>", "</strong>");
		break;
	case CMARK_NODE_LINK:
		html_link(h, node, entering);
		break;
	case CMARK_NODE_IMAGE:
		html_image(h, node);
		break;
	default: /* document; custom nodes are never parsed */
		break;
	}
}

void md_render(struct md_doc *doc, const struct md_resolver *r,
	       struct buf *out)
{
	struct buf urls = BUF_INIT;
	struct html h = { doc, out, out->len, NULL, &urls, NULL };
	struct resolved *res;
	cmark_node *root;
	cmark_event_type ev;
	size_t nbad;

	res = resolve_all(doc, r, &urls, &nbad);
	h.res = res;
	root = body_tree(doc);
	h.it = cmark_iter_new(root);
	while ((ev = cmark_iter_next(h.it)) != CMARK_EVENT_DONE)
		html_node(&h, cmark_iter_get_node(h.it),
			  ev == CMARK_EVENT_ENTER);
	cmark_iter_free(h.it);
	cmark_node_free(root);
	free(res);
	buf_free(&urls);
}

/* --- plain text --------------------------------------------------------- */

enum sep { SEP_NONE, SEP_LINE, SEP_BLANK };

/* An open list, list item or block quote. */
struct frame {
	size_t prefix_len; /* length of the prefixes when it opened */
	long next_num;     /* lists: the next item's number */
};

/*
 * Lines are written lazily: a leaf block only notes that a separator is
 * owed, and the separator and the line's prefix are written with the
 * first text, so empty blocks leave no stray blank lines.  Prefixes come
 * in two versions: first, for the next line to start (it carries a list
 * item's marker), and cont, for the lines after it; they always have the
 * same length.
 */
struct plain {
	const struct md_doc *doc;
	struct buf *out;
	const struct resolved *res;
	const struct buf *urls;
	cmark_iter *it;
	struct buf first, cont;
	struct frame *frames;
	size_t nframes, framecap;
	enum sep sep;       /* what is owed before the next line */
	size_t blank_len;   /* prefix length of the owed blank line */
	bool line_open;
	size_t line_begin;  /* out offset of the current line */
	size_t line_text;   /* ... and of its text after the prefix */
	size_t leaf_start;  /* out length when the current leaf began */
	size_t link_text;   /* out offset of the open link's text */
};

static void plain_rtrim(struct plain *p)
{
	while (p->out->len > p->line_begin &&
	       p->out->ptr[p->out->len - 1] == ' ')
		buf_truncate(p->out, p->out->len - 1);
}

static void plain_start_line(struct plain *p)
{
	if (p->sep != SEP_NONE)
		buf_putc(p->out, '\n');
	if (p->sep == SEP_BLANK) {
		p->line_begin = p->out->len;
		buf_put(p->out, p->cont.ptr,
			clamp(p->blank_len, 0, p->cont.len));
		plain_rtrim(p);
		buf_putc(p->out, '\n');
	}
	p->sep = SEP_NONE;
	p->line_begin = p->out->len;
	buf_putsl(p->out, buf_slice(&p->first));
	p->line_text = p->out->len;
	buf_reset(&p->first);
	buf_putsl(&p->first, buf_slice(&p->cont));
	p->line_open = true;
}

static void plain_put(struct plain *p, const char *s, size_t n)
{
	if (!p->line_open)
		plain_start_line(p);
	buf_put(p->out, s, n);
}

static void plain_hard_break(struct plain *p)
{
	p->sep = SEP_LINE;
	p->line_open = false;
}

static void plain_leaf_begin(struct plain *p)
{
	p->line_open = false;
	p->leaf_start = p->out->len;
}

static void plain_leaf_end(struct plain *p, cmark_node *node)
{
	if (p->out->len == p->leaf_start)
		return;
	p->sep = in_tight_item(node) ? SEP_LINE : SEP_BLANK;
	p->blank_len = p->cont.len;
	p->line_open = false;
}

static void plain_push(struct plain *p, const char *first, const char *cont,
		       long num)
{
	if (p->nframes == p->framecap) {
		p->framecap = p->framecap ? p->framecap * 2 : 8;
		p->frames = xreallocarray(p->frames, p->framecap,
					  sizeof(*p->frames));
	}
	p->frames[p->nframes].prefix_len = p->cont.len;
	p->frames[p->nframes++].next_num = num;
	buf_puts(&p->first, first);
	buf_puts(&p->cont, cont);
}

static void plain_pop(struct plain *p)
{
	size_t len = p->frames[--p->nframes].prefix_len;

	buf_truncate(&p->first, len);
	buf_truncate(&p->cont, len);
	if (p->blank_len > len)
		p->blank_len = len;
}

static void plain_item(struct plain *p)
{
	struct frame *list = &p->frames[p->nframes - 1];
	char marker[PLAIN_MARKER_MAX];
	char spaces[PLAIN_MARKER_MAX];
	size_t n;

	if (list->next_num < 0)
		snprintf(marker, sizeof(marker), "- ");
	else
		snprintf(marker, sizeof(marker), "%ld. ", list->next_num++);
	n = strlen(marker);
	memset(spaces, ' ', n);
	spaces[n] = '\0';
	plain_push(p, marker, spaces, 0);
}

/* An empty item ("-" alone) still shows its marker. */
static void plain_item_end(struct plain *p, cmark_node *item)
{
	if (!cmark_node_first_child(item)) {
		plain_leaf_begin(p);
		plain_start_line(p);
		plain_rtrim(p);
		p->sep = cmark_node_get_list_tight(cmark_node_parent(item))
				 ? SEP_LINE
				 : SEP_BLANK;
		p->blank_len = p->cont.len;
		p->line_open = false;
	}
	plain_pop(p);
}

/* Numbers count from the list's start; -1 marks a bullet list. */
static void plain_list(struct plain *p, cmark_node *node, bool entering)
{
	if (entering) {
		plain_push(p, "", "",
			   cmark_node_get_list_type(node) == CMARK_ORDERED_LIST
				   ? cmark_node_get_list_start(node)
				   : -1);
		return;
	}
	plain_pop(p);
	if (p->sep == SEP_LINE && !in_tight_item(node))
		p->sep = SEP_BLANK;
}

static void plain_heading_end(struct plain *p, cmark_node *node)
{
	int level = cmark_node_get_heading_level(node);
	size_t i, n = 0;

	if (p->line_open && level <= 2) {
		for (i = p->line_text; i < p->out->len; i++)
			n += ((unsigned char)p->out->ptr[i] & 0xC0) != 0x80;
		buf_putc(p->out, '\n');
		buf_putsl(p->out, buf_slice(&p->cont));
		for (i = 0; i < n; i++)
			buf_putc(p->out, level == 1 ? '=' : '-');
	}
	plain_leaf_end(p, node);
}

static void plain_code_block(struct plain *p, cmark_node *node)
{
	const char *s = cmark_node_get_literal(node);

	plain_leaf_begin(p);
	while (*s) {
		size_t n = strcspn(s, "\n");

		plain_put(p, "    ", 4);
		buf_put(p->out, s, n);
		plain_rtrim(p);
		plain_hard_break(p);
		s += n + (s[n] == '\n');
	}
	plain_leaf_end(p, node);
}

static void plain_link_begin(struct plain *p)
{
	if (!p->line_open)
		plain_start_line(p);
	p->link_text = p->out->len;
}

static bool is_text_of(struct slice url, const char *scheme,
		       struct slice text)
{
	size_t n = strlen(scheme);

	return url.len >= n && strncmp(url.ptr, scheme, n) == 0 &&
	       sl_eq(sl_make(url.ptr + n, url.len - n), text);
}

/* "text <url>", unless the URL would only repeat the text or is a
 * fragment, which means nothing outside the page. */
static void plain_link_end(struct plain *p, cmark_node *node)
{
	const struct resolved *r = resolution(p->doc, p->res, node);
	struct slice url, text;

	if (!r || !r->ok || r->len == 0 || p->urls->ptr[r->off] == '#')
		return;
	url = sl_make(p->urls->ptr + r->off, r->len);
	text = sl_make(p->out->ptr + p->link_text,
		       p->out->len - p->link_text);
	if (sl_eq(url, text) || is_text_of(url, "mailto:", text) ||
	    is_text_of(url, "tel:", text))
		return;
	if (text.len)
		buf_putc(p->out, ' ');
	buf_putc(p->out, '<');
	buf_putsl(p->out, url);
	buf_putc(p->out, '>');
}

static void plain_image(struct plain *p, cmark_node *node)
{
	struct buf alt = BUF_INIT;

	inline_text(node, &alt);
	if (alt.len)
		plain_put(p, alt.ptr, alt.len);
	buf_free(&alt);
	cmark_iter_reset(p->it, node, CMARK_EVENT_EXIT);
}

static void plain_literal(struct plain *p, cmark_node *node)
{
	const char *s = cmark_node_get_literal(node);

	plain_put(p, s, strlen(s));
}

static void plain_node(struct plain *p, cmark_node *node, bool entering)
{
	switch (cmark_node_get_type(node)) {
	case CMARK_NODE_BLOCK_QUOTE:
		if (entering)
			plain_push(p, "> ", "> ", 0);
		else
			plain_pop(p);
		break;
	case CMARK_NODE_LIST:
		plain_list(p, node, entering);
		break;
	case CMARK_NODE_ITEM:
		if (entering)
			plain_item(p);
		else
			plain_item_end(p, node);
		break;
	case CMARK_NODE_PARAGRAPH:
		if (entering)
			plain_leaf_begin(p);
		else
			plain_leaf_end(p, node);
		break;
	case CMARK_NODE_HEADING:
		if (entering)
			plain_leaf_begin(p);
		else
			plain_heading_end(p, node);
		break;
	case CMARK_NODE_CODE_BLOCK:
		plain_code_block(p, node);
		break;
	case CMARK_NODE_THEMATIC_BREAK:
		plain_leaf_begin(p);
		plain_put(p, "---", 3);
		plain_leaf_end(p, node);
		break;
	case CMARK_NODE_TEXT:
	case CMARK_NODE_CODE:
		plain_literal(p, node);
		break;
	case CMARK_NODE_SOFTBREAK:
		plain_put(p, " ", 1);
		break;
	case CMARK_NODE_LINEBREAK:
		plain_hard_break(p);
		break;
	case CMARK_NODE_LINK:
		if (entering)
			plain_link_begin(p);
		else
			plain_link_end(p, node);
		break;
	case CMARK_NODE_IMAGE:
		plain_image(p, node);
		break;
	default: /* raw HTML is left out; marks carry no text */
		break;
	}
}

void md_plain_text(struct md_doc *doc, const struct md_resolver *r,
		   struct buf *out)
{
	struct buf urls = BUF_INIT;
	struct plain p;
	struct resolved *res;
	cmark_node *root;
	cmark_event_type ev;
	size_t nbad;

	memset(&p, 0, sizeof(p));
	res = resolve_all(doc, r, &urls, &nbad);
	p.doc = doc;
	p.out = out;
	p.res = res;
	p.urls = &urls;
	buf_init(&p.first, 0);
	buf_init(&p.cont, 0);
	root = body_tree(doc);
	p.it = cmark_iter_new(root);
	while ((ev = cmark_iter_next(p.it)) != CMARK_EVENT_DONE)
		plain_node(&p, cmark_iter_get_node(p.it),
			   ev == CMARK_EVENT_ENTER);
	cmark_iter_free(p.it);
	cmark_node_free(root);
	buf_free(&p.first);
	buf_free(&p.cont);
	free(p.frames);
	free(res);
	buf_free(&urls);
}

bool md_summary(const struct md_doc *doc, struct buf *out)
{
	if (doc->summary.ptr == NULL)
		return false;
	buf_putsl(out, doc->summary);
	return true;
}
