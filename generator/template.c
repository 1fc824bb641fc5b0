/*
 * template: the Mustache engine.  The contract is in template.h.
 *
 * A template's text is parsed once into a tree of nodes in the arena.  The
 * parser decides everything about white space that the text alone decides:
 * standalone tag lines are cut out, and each node records whether it starts
 * a line (F_BOL) and how much indentation its partial, parent or block adds.
 * Rendering then only walks the tree.
 *
 * Indentation follows the specification's textual model - "prepend the
 * indentation to each line of the partial before rendering" - without
 * copying any text: the renderer carries the indentation of the frame it
 * renders (a range of one growing buffer) and emits it wherever a line of
 * template text starts, never inside interpolated values.  Inheritance
 * adds two twists, both from the spec's ~inheritance tests: an argument
 * block ({{$x}} inside {{<parent}}) loses its own indentation (strip) and
 * takes the one of the place it is expanded at; and a block whose tag is
 * inline keeps the first line of its replacement unindented (skip_indent).
 *
 * Partials and parents named in a template are looked up right after it is
 * parsed, through a work list rather than recursion, so a chain of partials
 * cannot deepen the C stack and a missing one is reported once, at its tag.
 */
#include "template.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "xalloc.h"

/* ---------------------------------------------------------------- values */

/* Doubles an arena array; the old copy stays behind in the arena. */
static void *grow(struct arena *a, const void *old, size_t n, size_t *cap,
		  size_t size, size_t first)
{
	size_t ncap = *cap ? *cap * 2 : first;
	void *p;

	if (ncap < *cap)
		die("template value too large");
	p = arena_array(a, ncap, size);
	if (n)
		memcpy(p, old, n * size);
	*cap = ncap;
	return p;
}

static struct tv *tv_new(struct arena *a, enum tv_kind kind)
{
	struct tv *v = arena_alloc(a, sizeof(*v));

	v->kind = kind;
	return v;
}

struct tv *tv_null(void)
{
	return NULL;
}

struct tv *tv_has(struct arena *a, const struct tv *list)
{
	struct tv *v = tv_new(a, TV_HAS);

	v->u.of = list;
	return v;
}

struct tv *tv_bool(struct arena *a, bool b)
{
	struct tv *v = tv_new(a, TV_BOOL);

	v->u.b = b;
	return v;
}

struct tv *tv_str(struct arena *a, struct slice s)
{
	struct tv *v = tv_new(a, TV_STR);

	v->u.s = s.ptr ? s : SL("");
	return v;
}

struct tv *tv_cstr(struct arena *a, const char *s)
{
	return tv_str(a, sl_cstr(s ? s : ""));
}

struct tv *tv_strdup(struct arena *a, struct slice s)
{
	return tv_str(a, arena_slice(a, s.ptr ? s : SL("")));
}

struct tv *tv_int(struct arena *a, long long n)
{
	char tmp[32];
	int len = snprintf(tmp, sizeof(tmp), "%lld", n);

	return tv_str(a, sl_make(arena_strndup(a, tmp, (size_t)len),
				 (size_t)len));
}

struct tv *tv_list_new(struct arena *a)
{
	return tv_new(a, TV_LIST);
}

void tv_list_push(struct arena *a, struct tv *list, const struct tv *item)
{
	if (list == NULL || list->kind != TV_LIST)
		die("tv_list_push: not a list");
	if (list->u.list.n == list->u.list.cap)
		list->u.list.items = grow(a, list->u.list.items, list->u.list.n,
					  &list->u.list.cap,
					  sizeof(*list->u.list.items), 4);
	list->u.list.items[list->u.list.n++] = item;
}

struct tv *tv_map_new(struct arena *a)
{
	return tv_new(a, TV_MAP);
}

void tv_map_put_sl(struct arena *a, struct tv *map, struct slice key,
		   const struct tv *item)
{
	struct tv_pair *p;

	if (map == NULL || map->kind != TV_MAP)
		die("tv_map_put: not a map");
	if (map->u.map.n == map->u.map.cap)
		map->u.map.pairs = grow(a, map->u.map.pairs, map->u.map.n,
					&map->u.map.cap,
					sizeof(*map->u.map.pairs), 8);
	p = &map->u.map.pairs[map->u.map.n++];
	p->key = key;
	p->val = item;
}

void tv_map_put(struct arena *a, struct tv *map, const char *key,
		const struct tv *item)
{
	tv_map_put_sl(a, map, sl_cstr(key), item);
}

/* From the end, so that the last put wins. */
static const struct tv_pair *map_find(const struct tv *map, struct slice key)
{
	size_t i;

	if (map == NULL || map->kind != TV_MAP)
		return NULL;
	for (i = map->u.map.n; i-- > 0;)
		if (sl_eq(map->u.map.pairs[i].key, key))
			return &map->u.map.pairs[i];
	return NULL;
}

const struct tv *tv_map_get_sl(const struct tv *map, struct slice key)
{
	const struct tv_pair *p = map_find(map, key);

	return p ? p->val : NULL;
}

const struct tv *tv_map_get(const struct tv *map, const char *key)
{
	return tv_map_get_sl(map, sl_cstr(key));
}

bool tv_truthy(const struct tv *v)
{
	if (v == NULL)
		return false;
	switch (v->kind) {
	case TV_NULL: return false;
	case TV_BOOL: return v->u.b;
	case TV_STR: return v->u.s.len > 0;
	case TV_LIST: return v->u.list.n > 0;
	case TV_MAP: return true;
	case TV_HAS: return tv_truthy(v->u.of);
	}
	return false;
}

/* ----------------------------------------------------------------- nodes */

enum node_kind {
	N_TEXT,     /* literal text */
	N_VAR,      /* {{name}}, escaped */
	N_RAW,      /* {{{name}}} and {{&name}} */
	N_SECTION,  /* {{#name}} */
	N_INVERTED, /* {{^name}} */
	N_PARTIAL,  /* {{>name}} */
	N_PARENT,   /* {{<name}}: kids are its argument blocks */
	N_BLOCK,    /* {{$name}}: kids are the default, or the argument */
};

enum {
	F_BOL = 1,         /* starts a line of its template text */
	F_DYNAMIC = 2,     /* {{>*name}}: the template's name is data */
	F_STANDALONE = 4,  /* partial or parent alone on its line */
	F_INLINE_SITE = 8, /* block sharing its line: see skip_indent */
};

struct node {
	unsigned char kind, flags;
	unsigned nparts;        /* of a dotted name; 0 for "." */
	unsigned strip;         /* argument block: indentation its lines lose */
	size_t off;             /* byte offset of the tag, for diagnostics */
	struct slice text;      /* N_TEXT: the bytes; else the name */
	const struct slice *parts;
	struct slice indent;    /* added to the lines of what is expanded */
	struct node *kids;
	size_t nkids;
	struct tpl *target;     /* static partial or parent, once resolved */
};

/* ---------------------------------------------------------- the set */

enum tpl_state {
	TS_NEW,     /* known by name (and maybe text), not parsed yet */
	TS_OK,
	TS_BROKEN,  /* its errors were reported when it was loaded */
	TS_MISSING, /* no file and no string of that name */
};

struct tpl {
	struct slice name; /* NUL-terminated in the arena */
	enum tpl_state state;
	bool reported;     /* D_TPL_MISSING was said */
	const char *text;  /* from tpl_set_add_string, until parsed */
	size_t len;
	struct source *src;
	struct node *nodes;
	size_t n;
	struct tpl *next_work;
};

/* A tag already reported at render time: one message, not one per page. */
struct seen {
	const struct source *src;
	size_t off;
};

struct tpl_set {
	struct arena *a;
	struct diag_ctx *d;
	bool lenient;
	char **dirs;
	size_t ndirs, dircap;
	struct tpl **tab; /* open addressing on the name, power of two */
	size_t tabcap, count;
	struct tpl *work; /* parsed, partials not yet looked up */
	struct seen *seen;
	size_t nseen, seencap;
};

enum { TAB_FIRST = 32 };

static struct tpl **slot(struct tpl **tab, size_t cap, struct slice name)
{
	size_t mask = cap - 1, i = (size_t)sl_hash(name) & mask;

	while (tab[i] && !sl_eq(tab[i]->name, name))
		i = (i + 1) & mask;
	return &tab[i];
}

static void rehash(struct tpl_set *s)
{
	size_t cap = s->tabcap * 2, i;
	struct tpl **tab = arena_array(s->a, cap, sizeof(*tab));

	for (i = 0; i < s->tabcap; i++)
		if (s->tab[i])
			*slot(tab, cap, s->tab[i]->name) = s->tab[i];
	s->tab = tab;
	s->tabcap = cap;
}

static struct tpl *find(struct tpl_set *s, struct slice name)
{
	return *slot(s->tab, s->tabcap, name);
}

static struct tpl *create(struct tpl_set *s, struct slice name)
{
	struct tpl *t = arena_alloc(s->a, sizeof(*t));

	if ((s->count + 1) * 2 > s->tabcap)
		rehash(s);
	t->name = arena_slice(s->a, name);
	t->state = TS_NEW;
	*slot(s->tab, s->tabcap, name) = t;
	s->count++;
	return t;
}

struct tpl_set *tpl_set_new(struct arena *a, struct diag_ctx *d)
{
	struct tpl_set *s = arena_alloc(a, sizeof(*s));

	s->a = a;
	s->d = d;
	s->tabcap = TAB_FIRST;
	s->tab = arena_array(a, s->tabcap, sizeof(*s->tab));
	return s;
}

void tpl_set_lenient(struct tpl_set *s, bool lenient)
{
	s->lenient = lenient;
}

void tpl_set_add_dir(struct tpl_set *s, const char *dir)
{
	if (s->ndirs == s->dircap)
		s->dirs = grow(s->a, s->dirs, s->ndirs, &s->dircap,
			       sizeof(*s->dirs), 4);
	s->dirs[s->ndirs++] = arena_strndup(s->a, dir, strlen(dir));
}

void tpl_set_add_string(struct tpl_set *s, const char *name,
			const char *text)
{
	struct tpl *t = find(s, sl_cstr(name));

	if (t == NULL)
		t = create(s, sl_cstr(name));
	else if (t->state != TS_NEW)
		die("template '%s' registered after it was used", name);
	t->len = strlen(text);
	t->text = arena_strndup(s->a, text, t->len);
}

const char *tpl_name(const struct tpl *t)
{
	return t->name.ptr;
}

/* ------------------------------------------------------------- loading */

static bool name_char(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c == '_' || c == '-' || c >= 0x80;
}

/* A name from a tag or from data must not leave the template folders. */
static bool file_name_ok(struct slice name)
{
	size_t i, start = 0;

	if (name.len == 0)
		return false;
	for (i = 0; i <= name.len; i++) {
		char c = i < name.len ? name.ptr[i] : '/';
		struct slice part = sl_make(name.ptr + start, i - start);

		if (c == '/') {
			if (part.len == 0 || sl_eq(part, SL("..")))
				return false;
			start = i + 1;
		} else if (c != '.' && !name_char((unsigned char)c)) {
			return false;
		}
	}
	return true;
}

/* 1: read into *text; 0: no such file; -1: reported. */
static int read_template(struct tpl_set *s, const char *path,
			 char **text, size_t *len)
{
	FILE *f = fopen(path, "rb");
	struct stat st;
	size_t max = (size_t)TPL_MAX_FILE_MIB << 20;

	if (f == NULL) {
		if (errno == ENOENT || errno == ENOTDIR)
			return 0;
		diag(s->d, D_IO, diag_source(s->d, path, NULL, 0),
		     (struct pos){ 0, 0 }, strerror(errno));
		return -1;
	}
	if (fstat(fileno(f), &st) != 0 || !S_ISREG(st.st_mode)) {
		diag(s->d, D_IO, diag_source(s->d, path, NULL, 0),
		     (struct pos){ 0, 0 }, "not a regular file");
		fclose(f);
		return -1;
	}
	if ((uintmax_t)st.st_size > max) {
		diag(s->d, D_FILE_TOO_BIG, diag_source(s->d, path, NULL, 0),
		     (struct pos){ 0, 0 }, (int)TPL_MAX_FILE_MIB);
		fclose(f);
		return -1;
	}
	*text = arena_alloc(s->a, (size_t)st.st_size + 1);
	*len = fread(*text, 1, (size_t)st.st_size, f);
	(*text)[*len] = '\0';
	if (ferror(f)) {
		diag(s->d, D_IO, diag_source(s->d, path, NULL, 0),
		     (struct pos){ 0, 0 }, strerror(errno));
		fclose(f);
		return -1;
	}
	fclose(f);
	return 1;
}

/* Finds NAME.mustache in the first directory that has it. */
static void load_file(struct tpl_set *s, struct tpl *t)
{
	struct buf path = BUF_INIT;
	size_t i;

	t->state = TS_MISSING;
	for (i = 0; file_name_ok(t->name) && i < s->ndirs; i++) {
		char *text;
		size_t len;
		int rc;

		buf_reset(&path);
		buf_printf(&path, "%s/%s.mustache", s->dirs[i], t->name.ptr);
		rc = read_template(s, path.ptr, &text, &len);
		if (rc == 0)
			continue;
		if (rc > 0) {
			t->state = TS_NEW;
			t->text = text;
			t->len = len;
			t->src = diag_source(s->d, path.ptr, text, len);
		} else {
			t->state = TS_BROKEN;
		}
		break;
	}
	buf_free(&path);
}

static void parse_template(struct tpl_set *s, struct tpl *t);

/* The entry for name, parsed if it exists and queued for drain(). */
static struct tpl *obtain(struct tpl_set *s, struct slice name)
{
	struct tpl *t = find(s, name);

	if (t == NULL)
		t = create(s, name);
	if (t->state != TS_NEW)
		return t;
	if (t->text == NULL)
		load_file(s, t);
	else
		t->src = diag_source(s->d, t->name.ptr, t->text, t->len);
	if (t->state != TS_NEW)
		return t;
	parse_template(s, t);
	if (t->state == TS_OK) {
		t->next_work = s->work;
		s->work = t;
	}
	return t;
}

/* -------------------------------------------------------------- parser */

static const size_t NO_EOL = SIZE_MAX; /* no line end follows */

/* A section, block or parent whose closing tag is still to come. */
struct pframe {
	struct node node;
	struct slice raw;  /* the tag's text, which the closing tag repeats */
	size_t first;      /* where its children start in parser.v */
	size_t ls;         /* start of the open tag's line */
	unsigned strip;    /* strip in force for the lines inside */
	bool arg;          /* a block right inside a parent: an argument */
	bool ws_before;    /* only white space before the open tag */
};

struct parser {
	struct tpl_set *s;
	struct tpl *t;
	const char *p;
	size_t len;
	struct slice open, close; /* the current delimiters */
	size_t text_start;        /* where literal text resumes */
	struct node *v;           /* children of every open level, in order */
	size_t n, cap;
	struct pframe stack[TPL_MAX_NESTING];
	unsigned depth;
	size_t scanned, line; /* line starts are known up to scanned */
};

/* One tag as found in the text. */
struct tag {
	size_t t;        /* the open delimiter */
	size_t end;      /* just past the close delimiter */
	size_t ls;       /* start of the tag's line */
	char sigil;      /* one of # ^ / ! > < $ = { & or 0 */
	struct slice body; /* between sigil and close delimiter, trimmed */
	bool ws_before;  /* only white space from ls to t */
	size_t eol;      /* past the line end if only white space follows */
};

static bool is_ws(char c)
{
	return c == ' ' || c == '\t';
}

static bool at_bol(const struct parser *ps, size_t off)
{
	return off == 0 || ps->p[off - 1] == '\n';
}

/* Tags may span lines: their names are trimmed of line ends too. */
static bool is_space(char c)
{
	return is_ws(c) || c == '\n' || c == '\r';
}

static struct slice trim(struct slice s)
{
	while (s.len && is_space(s.ptr[0])) {
		s.ptr++;
		s.len--;
	}
	while (s.len && is_space(s.ptr[s.len - 1]))
		s.len--;
	return s;
}

/* Diagnostics take C strings; names are slices of the template. */
static void report_name(struct parser *ps, enum diag_id id, size_t off,
			struct slice name)
{
	char *z = xstrndup(name.ptr, name.len);

	diag(ps->s->d, id, ps->t->src, diag_pos_at(ps->t->src, off), z);
	free(z);
}

/* First occurrence of delim at or after from, or false. */
static bool find_delim(const struct parser *ps, size_t from,
		       struct slice delim, size_t *at)
{
	*at = mem_find(ps->p, from, ps->len, delim.ptr, delim.len);
	return *at != MEM_NOT_FOUND;
}

static size_t eol_after(const struct parser *ps, size_t i)
{
	while (i < ps->len && is_ws(ps->p[i]))
		i++;
	if (i == ps->len)
		return i;
	if (ps->p[i] == '\n')
		return i + 1;
	if (ps->p[i] == '\r' && i + 1 < ps->len && ps->p[i + 1] == '\n')
		return i + 2;
	return NO_EOL;
}

static size_t ws_len_at(const struct parser *ps, size_t i)
{
	size_t j = i;

	while (j < ps->len && is_ws(ps->p[j]))
		j++;
	return j - i;
}

static bool in_parent(const struct parser *ps)
{
	return ps->depth && ps->stack[ps->depth - 1].node.kind == N_PARENT;
}

static unsigned cur_strip(const struct parser *ps)
{
	return ps->depth ? ps->stack[ps->depth - 1].strip : 0;
}

/* White space [a, b) as indentation relative to the enclosing argument,
 * whose lines are stripped of theirs before this is added. */
static struct slice rel_indent(const struct parser *ps, size_t a, size_t b)
{
	size_t strip = cur_strip(ps);

	if (b - a <= strip)
		return sl_make(ps->p + b, 0);
	return sl_make(ps->p + a + strip, b - a - strip);
}

/* Inside a parent only argument blocks matter: the rest is dropped. */
static void add_node(struct parser *ps, const struct node *nd)
{
	if (in_parent(ps) && nd->kind != N_BLOCK)
		return;
	if (ps->n == ps->cap) {
		ps->cap = ps->cap ? ps->cap * 2 : 64;
		ps->v = xreallocarray(ps->v, ps->cap, sizeof(*ps->v));
	}
	ps->v[ps->n++] = *nd;
}

static void emit_text(struct parser *ps, size_t a, size_t b)
{
	struct node nd = { .kind = N_TEXT };

	if (a >= b)
		return;
	nd.off = a;
	nd.text = sl_make(ps->p + a, b - a);
	if (at_bol(ps, a))
		nd.flags = F_BOL;
	add_node(ps, &nd);
}

/*
 * Emits the text before a tag that may stand alone on its line.  When it
 * does, the line goes: the white space before it is not emitted and the
 * text resumes after the line end.
 */
static bool standalone(struct parser *ps, const struct tag *tg)
{
	if (!tg->ws_before || tg->eol == NO_EOL) {
		emit_text(ps, ps->text_start, tg->t);
		ps->text_start = tg->end;
		return false;
	}
	emit_text(ps, ps->text_start, tg->ls);
	ps->text_start = tg->eol;
	return true;
}

/* Splits a dotted name into parts; "." (the current item) has none. */
static bool split_name(struct parser *ps, size_t off, struct node *nd)
{
	struct slice *parts;
	size_t i, start = 0, n = 1;

	if (sl_eq(nd->text, SL(".")))
		return true;
	for (i = 0; i < nd->text.len; i++)
		n += nd->text.ptr[i] == '.';
	parts = arena_array(ps->s->a, n, sizeof(*parts));
	n = 0;
	for (i = 0; i <= nd->text.len; i++) {
		if (i < nd->text.len && nd->text.ptr[i] != '.')
			continue;
		if (i == start) {
			report_name(ps, D_TPL_BAD_NAME, off, nd->text);
			return false;
		}
		parts[n++] = sl_make(nd->text.ptr + start, i - start);
		start = i + 1;
	}
	nd->parts = parts;
	nd->nparts = (unsigned)n;
	return true;
}

/*
 * Checks the name of a tag and stores it in nd.  Data names are letters,
 * digits, '_' and '-' between dots; template names may also use '/';
 * after the '*' of a dynamic name, '*' is allowed so that {{>**x}} looks
 * up the key "*x" (and fails) as the spec wants.
 */
static bool tag_name(struct parser *ps, const struct tag *tg,
		     struct node *nd, bool tpl_name)
{
	struct slice nm = tg->body;
	bool dynamic = false;
	size_t i;

	if (tpl_name && nm.len && nm.ptr[0] == '*') {
		dynamic = true;
		nd->flags |= F_DYNAMIC;
		nm = trim(sl_make(nm.ptr + 1, nm.len - 1));
	}
	nd->text = nm;
	nd->off = tg->t;
	if (nm.len == 0) {
		diag(ps->s->d, D_TPL_SYNTAX, ps->t->src,
		     diag_pos_at(ps->t->src, tg->t),
		     "empty tag: write a name between the delimiters");
		return false;
	}
	for (i = 0; i < nm.len; i++) {
		unsigned char c = (unsigned char)nm.ptr[i];

		if (!name_char(c) && c != '.' &&
		    !(c == '/' && tpl_name && !dynamic) &&
		    !(c == '*' && dynamic)) {
			report_name(ps, D_TPL_BAD_NAME, tg->t, tg->body);
			return false;
		}
	}
	if (tpl_name && !dynamic)
		return true;
	return split_name(ps, tg->t, nd);
}

static bool push_frame(struct parser *ps, const struct tag *tg,
		       const struct node *nd, bool arg, unsigned strip)
{
	struct pframe *f;

	if (ps->depth == TPL_MAX_NESTING) {
		diag(ps->s->d, D_TPL_NESTING, ps->t->src,
		     diag_pos_at(ps->t->src, tg->t), (int)TPL_MAX_NESTING);
		return false;
	}
	f = &ps->stack[ps->depth++];
	f->node = *nd;
	f->raw = tg->body;
	f->first = ps->n;
	f->ls = tg->ls;
	f->strip = strip;
	f->arg = arg;
	f->ws_before = tg->ws_before;
	return true;
}

/* {{#name}}, {{^name}} */
static bool open_section(struct parser *ps, const struct tag *tg)
{
	struct node nd = { .kind = tg->sigil == '#' ? N_SECTION : N_INVERTED };

	if (!tag_name(ps, tg, &nd, false))
		return false;
	if (!standalone(ps, tg) && tg->t == tg->ls)
		nd.flags |= F_BOL;
	return push_frame(ps, tg, &nd, false, cur_strip(ps));
}

/*
 * {{$name}}.  Right inside a parent it is an argument: it starts on the
 * next line when its tag ends one, and its lines lose the indentation of
 * its first line.  Elsewhere it is a block site, whose indentation is that
 * of its first line (standalone tag) or of its tag (inline tag).
 */
static bool open_block(struct parser *ps, const struct tag *tg)
{
	struct node nd = { .kind = N_BLOCK };
	unsigned strip;

	if (!tag_name(ps, tg, &nd, false))
		return false;
	if (in_parent(ps)) {
		if (tg->eol == NO_EOL) {
			ps->text_start = tg->end;
			strip = 0;
		} else {
			ps->text_start = tg->eol;
			strip = (unsigned)ws_len_at(ps, tg->eol);
		}
		nd.strip = strip;
		return push_frame(ps, tg, &nd, true, strip);
	}
	if (standalone(ps, tg)) {
		nd.indent = rel_indent(ps, ps->text_start, ps->text_start +
				       ws_len_at(ps, ps->text_start));
	} else {
		nd.flags |= F_INLINE_SITE | (tg->t == tg->ls ? F_BOL : 0);
		if (tg->ws_before)
			nd.indent = rel_indent(ps, tg->ls, tg->t);
	}
	return push_frame(ps, tg, &nd, false, cur_strip(ps));
}

/* {{<name}}: whether it stands alone is known at its closing tag. */
static bool open_parent(struct parser *ps, const struct tag *tg)
{
	struct node nd = { .kind = N_PARENT };

	if (!tag_name(ps, tg, &nd, true))
		return false;
	emit_text(ps, ps->text_start, tg->t);
	ps->text_start = tg->end;
	return push_frame(ps, tg, &nd, false, cur_strip(ps));
}

/* {{>name}} */
static bool partial(struct parser *ps, const struct tag *tg)
{
	struct node nd = { .kind = N_PARTIAL };

	if (!tag_name(ps, tg, &nd, true))
		return false;
	if (standalone(ps, tg)) {
		nd.flags |= F_STANDALONE;
		nd.indent = rel_indent(ps, tg->ls, tg->t);
	} else if (tg->t == tg->ls) {
		nd.flags |= F_BOL;
	}
	add_node(ps, &nd);
	return true;
}

/* {{name}}, {{{name}}}, {{&name}}: never standalone. */
static bool variable(struct parser *ps, const struct tag *tg)
{
	struct node nd = { .kind = tg->sigil == 0 ? N_VAR : N_RAW };

	if (!tag_name(ps, tg, &nd, false))
		return false;
	emit_text(ps, ps->text_start, tg->t);
	ps->text_start = tg->end;
	if (tg->t == tg->ls)
		nd.flags |= F_BOL;
	add_node(ps, &nd);
	return true;
}

/* {{=<% %>=}}: two delimiters, no white space or '=' in them. */
static bool set_delims(struct parser *ps, const struct tag *tg)
{
	struct slice b = tg->body, open, close;
	size_t i = 0, j;

	standalone(ps, tg);
	while (i < b.len && !is_ws(b.ptr[i]))
		i++;
	open = sl_make(b.ptr, i);
	close = trim(sl_make(b.ptr + i, b.len - i));
	for (j = 0; j < open.len; j++)
		if (open.ptr[j] == '=')
			open.len = 0;
	for (j = 0; j < close.len; j++)
		if (close.ptr[j] == '=' || is_ws(close.ptr[j]))
			close.len = 0;
	if (open.len == 0 || close.len == 0) {
		diag(ps->s->d, D_TPL_BAD_DELIM, ps->t->src,
		     diag_pos_at(ps->t->src, tg->t));
		return false;
	}
	ps->open = open;
	ps->close = close;
	return true;
}

/* Moves the children of the closing level from parser.v to the arena;
 * a parent keeps only its argument blocks. */
static void finish_kids(struct parser *ps, struct pframe *f)
{
	size_t i, n = 0;
	struct node *kids;

	kids = arena_array(ps->s->a, ps->n - f->first, sizeof(*kids));
	for (i = f->first; i < ps->n; i++)
		if (f->node.kind != N_PARENT || ps->v[i].kind == N_BLOCK)
			kids[n++] = ps->v[i];
	f->node.kids = kids;
	f->node.nkids = n;
	ps->n = f->first;
}

/*
 * {{/name}} of a parent.  It stands alone with its open tag when white
 * space alone precedes the open tag and follows the closing one: that
 * white space is then the indentation of the parent's lines.
 */
static void close_parent(struct parser *ps, struct pframe *f,
			 const struct tag *tg, size_t *trim_before)
{
	*trim_before = 0;
	if (tg->eol != NO_EOL && f->ws_before) {
		f->node.flags |= F_STANDALONE;
		f->node.indent = rel_indent(ps, f->ls, f->node.off);
		*trim_before = f->node.off - f->ls;
		ps->text_start = tg->eol;
		return;
	}
	if (f->node.off == f->ls)
		f->node.flags |= F_BOL;
	ps->text_start = tg->eol != NO_EOL && tg->ws_before ? tg->eol
							   : tg->end;
}

/* Drops the white space a standalone parent took as its indentation from
 * the text before it. */
static void trim_last_text(struct parser *ps, size_t off, size_t n)
{
	struct node *last = ps->n ? &ps->v[ps->n - 1] : NULL;

	if (n == 0 || last == NULL || last->kind != N_TEXT ||
	    last->text.ptr + last->text.len != ps->p + off)
		return;
	last->text.len -= n < last->text.len ? n : last->text.len;
	if (last->text.len == 0)
		ps->n--;
}

static bool close_tag(struct parser *ps, const struct tag *tg)
{
	struct pframe *f;
	size_t trim_before = 0;

	if (ps->depth == 0) {
		report_name(ps, D_TPL_STRAY_CLOSE, tg->t, tg->body);
		return false;
	}
	f = &ps->stack[ps->depth - 1];
	if (!sl_eq(f->raw, tg->body)) {
		char *open = xstrndup(f->raw.ptr, f->raw.len);
		char *close = xstrndup(tg->body.ptr, tg->body.len);

		diag(ps->s->d, D_TPL_MISMATCH, ps->t->src,
		     diag_pos_at(ps->t->src, tg->t), close, open);
		diag(ps->s->d, D_TPL_OPENED_HERE, ps->t->src,
		     diag_pos_at(ps->t->src, f->node.off), open);
		free(open);
		free(close);
		return false;
	}
	if (f->arg) {
		/* The rest of the line is inside the parent: it is dropped. */
		emit_text(ps, ps->text_start, tg->ws_before ? tg->ls : tg->t);
		ps->text_start = tg->end;
	} else if (f->node.kind == N_PARENT) {
		close_parent(ps, f, tg, &trim_before);
	} else {
		standalone(ps, tg);
	}
	finish_kids(ps, f);
	ps->depth--;
	trim_last_text(ps, f->node.off, trim_before);
	add_node(ps, &f->node);
	return true;
}

static bool comment(struct parser *ps, const struct tag *tg)
{
	standalone(ps, tg);
	return true;
}

/* Start of the line holding t.  Tags come in order, so one forward pass
 * serves them all: a one-line template with many tags stays linear. */
static size_t line_of(struct parser *ps, size_t t)
{
	for (; ps->scanned < t; ps->scanned++)
		if (ps->p[ps->scanned] == '\n')
			ps->line = ps->scanned + 1;
	return ps->line;
}

/* Finds the end of the tag opening at t; false when it has none. */
static bool scan_tag(struct parser *ps, size_t t, struct tag *tg)
{
	size_t c = t + ps->open.len, e, from;
	char sig = c < ps->len ? ps->p[c] : '\0';
	char pre = sig == '{' ? '}' : sig == '=' ? '=' : '\0';

	if (strchr("!#^/><$={&", sig) != NULL && sig != '\0')
		c++;
	else
		sig = '\0';
	for (from = c;; from = e + 1) {
		if (!find_delim(ps, from, ps->close, &e)) {
			struct buf want = BUF_INIT;

			if (pre)
				buf_putc(&want, pre);
			buf_putsl(&want, ps->close);
			diag(ps->s->d, D_TPL_UNCLOSED_TAG, ps->t->src,
			     diag_pos_at(ps->t->src, t), want.ptr);
			buf_free(&want);
			return false;
		}
		if (!pre || (e > c && ps->p[e - 1] == pre))
			break;
	}
	tg->t = t;
	tg->sigil = sig;
	tg->end = e + ps->close.len;
	tg->body = trim(sl_make(ps->p + c, e - c - (pre ? 1 : 0)));
	tg->ls = line_of(ps, t);
	for (from = t; from > tg->ls && is_ws(ps->p[from - 1]); from--)
		;
	tg->ws_before = from == tg->ls;
	tg->eol = eol_after(ps, tg->end);
	return true;
}

static bool parse_tag(struct parser *ps, size_t t)
{
	struct tag tg;

	if (!scan_tag(ps, t, &tg))
		return false;
	switch (tg.sigil) {
	case '!': return comment(ps, &tg);
	case '=': return set_delims(ps, &tg);
	case '#': case '^': return open_section(ps, &tg);
	case '$': return open_block(ps, &tg);
	case '<': return open_parent(ps, &tg);
	case '/': return close_tag(ps, &tg);
	case '>': return partial(ps, &tg);
	default: return variable(ps, &tg);
	}
}

static bool parse_all(struct parser *ps)
{
	size_t t;
	unsigned i;

	while (find_delim(ps, ps->text_start, ps->open, &t))
		if (!parse_tag(ps, t))
			return false;
	emit_text(ps, ps->text_start, ps->len);
	for (i = ps->depth; i-- > 0;)
		report_name(ps, D_TPL_UNCLOSED, ps->stack[i].node.off,
			    ps->stack[i].raw);
	return ps->depth == 0;
}

/* Parses t's text.  Stops at the first error: what follows a broken tag
 * would only produce confusing follow-up messages. */
static void parse_template(struct tpl_set *s, struct tpl *t)
{
	struct parser *ps = xcalloc(1, sizeof(*ps));

	ps->s = s;
	ps->t = t;
	ps->p = t->text;
	ps->len = t->len;
	ps->open = SL("{{");
	ps->close = SL("}}");
	if (parse_all(ps)) {
		t->nodes = arena_array(s->a, ps->n, sizeof(*t->nodes));
		if (ps->n)
			memcpy(t->nodes, ps->v, ps->n * sizeof(*t->nodes));
		t->n = ps->n;
		t->state = TS_OK;
	} else {
		t->state = TS_BROKEN;
	}
	free(ps->v);
	free(ps);
}

/* ------------------------------------------------------------ resolving */

/* Links static partials and parents to their templates, loading them. */
static void resolve_nodes(struct tpl_set *s, struct tpl *t, struct node *v,
			  size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		struct node *nd = &v[i];

		if ((nd->kind == N_PARTIAL || nd->kind == N_PARENT) &&
		    !(nd->flags & F_DYNAMIC)) {
			nd->target = obtain(s, nd->text);
			if (nd->target->state == TS_MISSING && !s->lenient) {
				char *z = xstrndup(nd->text.ptr, nd->text.len);

				diag(s->d, D_TPL_PARTIAL, t->src,
				     diag_pos_at(t->src, nd->off), z);
				free(z);
				t->state = TS_BROKEN;
			}
		}
		resolve_nodes(s, t, nd->kids, nd->nkids);
	}
}

static void drain(struct tpl_set *s)
{
	while (s->work) {
		struct tpl *t = s->work;

		s->work = t->next_work;
		resolve_nodes(s, t, t->nodes, t->n);
	}
}

const struct tpl *tpl_get(struct tpl_set *s, const char *name)
{
	struct tpl *t = obtain(s, sl_cstr(name));

	drain(s);
	if (t->state == TS_MISSING && !t->reported) {
		diag(s->d, D_TPL_MISSING, NULL, (struct pos){ 0, 0 }, name);
		t->reported = true;
	}
	return t->state == TS_OK ? t : NULL;
}

/* ------------------------------------------------------------ rendering */

/* The context stack: innermost first, living on the C stack. */
struct ctx {
	const struct tv *v;
	const struct ctx *up;
};

/* The arguments of the parents being expanded, innermost first. */
struct args {
	const struct node *parent;
	struct source *src; /* of the template the parent tag is in */
	const struct args *up;
};

/* How to render one list of nodes. */
struct frame {
	const struct ctx *ctx;
	const struct args *args;
	struct source *src;       /* of the nodes, for diagnostics */
	size_t ind_start, ind_end; /* indentation: rstate.ind[start, end) */
	unsigned strip;           /* white space dropped at each line start */
};

struct rstate {
	struct tpl_set *s;
	struct buf *out;
	struct buf ind; /* indentations of the open frames, nested */
	unsigned depth;
	/* The line has begun (an inline block's replacement starts in the
	 * middle of it), so the next line start emits no indentation. */
	bool skip_indent;
};

static int render_nodes(struct rstate *r, const struct frame *f,
			const struct node *v, size_t n);

static const struct tv *lookup(const struct ctx *c, const struct node *nd)
{
	const struct tv_pair *p = NULL;
	const struct tv *v;
	unsigned i;

	if (nd->nparts == 0)
		return c->v;
	for (; c && p == NULL; c = c->up)
		p = map_find(c->v, nd->parts[0]);
	if (p == NULL)
		return NULL;
	v = p->val;
	for (i = 1; i < nd->nparts; i++) {
		p = map_find(v, nd->parts[i]);
		if (p == NULL)
			return NULL;
		v = p->val;
	}
	return v;
}

static void line_start(struct rstate *r, const struct frame *f)
{
	if (r->skip_indent)
		r->skip_indent = false;
	else
		buf_put(r->out, r->ind.ptr + f->ind_start,
			f->ind_end - f->ind_start);
}

static const char *skip_ws(const char *p, const char *end, unsigned n)
{
	while (n-- > 0 && p < end && is_ws(*p))
		p++;
	return p;
}

static void put_text(struct rstate *r, const struct frame *f,
		     const struct node *nd)
{
	const char *p = nd->text.ptr, *end = p + nd->text.len;
	bool bol = nd->flags & F_BOL;

	if (f->strip == 0 && f->ind_start == f->ind_end) {
		r->skip_indent = false;
		buf_put(r->out, p, nd->text.len);
		return;
	}
	if (!bol)
		r->skip_indent = false;
	while (p < end) {
		const char *nl, *q;

		if (bol) {
			p = skip_ws(p, end, f->strip);
			line_start(r, f);
		}
		nl = memchr(p, '\n', (size_t)(end - p));
		q = nl ? nl + 1 : end;
		buf_put(r->out, p, (size_t)(q - p));
		p = q;
		bol = true;
	}
}

static void put_value(struct buf *out, const struct tv *v, bool escape)
{
	struct slice s;

	if (v == NULL)
		return;
	switch (v->kind) {
	case TV_STR: s = v->u.s; break;
	case TV_BOOL:
	case TV_HAS: s = tv_truthy(v) ? SL("true") : SL("false"); break;
	default: return;
	}
	if (escape)
		buf_put_html(out, s.ptr, s.len);
	else
		buf_put(out, s.ptr, s.len);
}

/* Render-time errors repeat on every page; say each once. */
static bool first_report(struct tpl_set *s, const struct source *src,
			 size_t off)
{
	size_t i;

	for (i = 0; i < s->nseen; i++)
		if (s->seen[i].src == src && s->seen[i].off == off)
			return false;
	if (s->nseen == s->seencap)
		s->seen = grow(s->a, s->seen, s->nseen, &s->seencap,
			       sizeof(*s->seen), 8);
	s->seen[s->nseen++] = (struct seen){ src, off };
	return true;
}

static int too_deep(struct rstate *r, const struct frame *f,
		    const struct node *nd)
{
	if (first_report(r->s, f->src, nd->off))
		diag(r->s->d, D_TPL_DEPTH, f->src, diag_pos_at(f->src, nd->off),
		     (int)TPL_MAX_DEPTH);
	return -1;
}

static int render_section(struct rstate *r, const struct frame *f,
			  const struct node *nd)
{
	const struct tv *v = lookup(f->ctx, nd);
	struct frame in = *f;
	struct ctx c = { v, f->ctx };
	size_t i;

	if (!tv_truthy(v))
		return 0;
	in.ctx = &c;
	if (v->kind != TV_LIST)
		return render_nodes(r, &in, nd->kids, nd->nkids);
	for (i = 0; i < v->u.list.n; i++) {
		c.v = v->u.list.items[i];
		if (render_nodes(r, &in, nd->kids, nd->nkids) < 0)
			return -1;
	}
	return 0;
}

/* {{>*name}}: the template named by the data, NULL to render nothing. */
static int dynamic_target(struct rstate *r, const struct frame *f,
			  const struct node *nd, struct tpl **out)
{
	const struct tv *v = lookup(f->ctx, nd);
	struct tpl *t;

	*out = NULL;
	if (v == NULL || v->kind != TV_STR || v->u.s.len == 0)
		return 0;
	t = obtain(r->s, v->u.s);
	drain(r->s);
	if (t->state == TS_MISSING) {
		if (r->s->lenient)
			return 0;
		if (first_report(r->s, f->src, nd->off))
			diag(r->s->d, D_TPL_PARTIAL, f->src,
			     diag_pos_at(f->src, nd->off), t->name.ptr);
		return -1;
	}
	*out = t;
	return 0;
}

/* Sets in's indentation: f's plus more, or none for an inline include. */
static void nest_indent(struct rstate *r, const struct frame *f,
			struct frame *in, bool keep, struct slice more)
{
	if (!keep) {
		in->ind_start = in->ind_end = r->ind.len;
		return;
	}
	buf_putsl(&r->ind, more);
	in->ind_start = f->ind_start;
	in->ind_end = r->ind.len;
}

/* {{>name}} and {{<name}}: a parent also passes its argument blocks. */
static int render_include(struct rstate *r, const struct frame *f,
			  const struct node *nd)
{
	struct tpl *t = nd->target;
	struct args a = { nd, f->src, f->args };
	struct frame in = *f;
	int rc;

	if ((nd->flags & F_DYNAMIC) && dynamic_target(r, f, nd, &t) < 0)
		return -1;
	if (t == NULL || t->state == TS_MISSING)
		return 0; /* lenient mode */
	if (t->state != TS_OK)
		return -1; /* reported when it was loaded */
	if (r->depth >= TPL_MAX_DEPTH)
		return too_deep(r, f, nd);
	in.src = t->src;
	in.strip = 0;
	if (nd->kind == N_PARENT)
		in.args = &a;
	nest_indent(r, f, &in, nd->flags & F_STANDALONE, nd->indent);
	r->depth++;
	rc = render_nodes(r, &in, t->nodes, t->n);
	r->depth--;
	buf_truncate(&r->ind, f->ind_end);
	return rc;
}

/*
 * {{$name}}: the argument of that name given by the outermost parent
 * being expanded (the spec's "top-level substitutions take precedence"),
 * else the block's own content.
 */
static int render_block(struct rstate *r, const struct frame *f,
			const struct node *nd)
{
	const struct node *arg = NULL;
	const struct args *a;
	struct frame in = *f;
	size_t i;
	int rc;

	for (a = f->args; a; a = a->up)
		for (i = 0; i < a->parent->nkids; i++)
			if (sl_eq(a->parent->kids[i].text, nd->text)) {
				arg = &a->parent->kids[i];
				in.src = a->src;
				break;
			}
	if (arg == NULL)
		return render_nodes(r, f, nd->kids, nd->nkids);
	if (r->depth >= TPL_MAX_DEPTH)
		return too_deep(r, f, nd);
	in.strip = arg->strip;
	nest_indent(r, f, &in, true, nd->indent);
	r->skip_indent = nd->flags & F_INLINE_SITE;
	r->depth++;
	rc = render_nodes(r, &in, arg->kids, arg->nkids);
	r->depth--;
	r->skip_indent = false;
	buf_truncate(&r->ind, f->ind_end);
	return rc;
}

static int render_node(struct rstate *r, const struct frame *f,
		       const struct node *nd)
{
	if (nd->kind != N_TEXT && (nd->flags & F_BOL))
		line_start(r, f);
	switch ((enum node_kind)nd->kind) {
	case N_TEXT:
		put_text(r, f, nd);
		return 0;
	case N_VAR:
	case N_RAW:
		r->skip_indent = false;
		put_value(r->out, lookup(f->ctx, nd), nd->kind == N_VAR);
		return 0;
	case N_SECTION:
		return render_section(r, f, nd);
	case N_INVERTED:
		if (tv_truthy(lookup(f->ctx, nd)))
			return 0;
		return render_nodes(r, f, nd->kids, nd->nkids);
	case N_PARTIAL:
	case N_PARENT:
		return render_include(r, f, nd);
	case N_BLOCK:
		return render_block(r, f, nd);
	}
	return 0;
}

static int render_nodes(struct rstate *r, const struct frame *f,
			const struct node *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (render_node(r, f, &v[i]) < 0)
			return -1;
	return 0;
}

int tpl_render(struct tpl_set *s, const struct tpl *t, const struct tv *data,
	       struct buf *out)
{
	struct rstate r = { s, out, BUF_INIT, 0, false };
	struct ctx root = { data, NULL };
	struct frame f = { &root, NULL, NULL, 0, 0, 0 };
	size_t mark = out->len;
	int rc = -1;

	if (t != NULL && t->state == TS_OK) {
		f.src = t->src;
		rc = render_nodes(&r, &f, t->nodes, t->n);
	}
	buf_free(&r.ind);
	if (rc < 0)
		buf_truncate(out, mark);
	return rc;
}
