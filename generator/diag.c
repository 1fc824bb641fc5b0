/*
 * diag: collect, sort and print diagnostics.  See diag.h.
 *
 * Sorting by (file, line, column, arrival) makes the output independent of
 * which stage found a problem first, so the bad-input tests can compare the
 * printed text byte for byte.
 */
#include "diag.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "wire.h"
#include "xalloc.h"

struct diag_entry {
	const struct source *src;
	struct pos pos;
	/* Where it sorts: its own place, except that a note stays right
	 * after the message it belongs to (the one reported before it). */
	const struct source *key_src;
	struct pos key_pos;
	enum diag_level level;
	unsigned long long seq;
	char *msg[LANG__COUNT];
	char *fix[LANG__COUNT]; /* NULL: none */
};

static const struct {
	enum diag_level level;
	const char *fmt[LANG__COUNT];
} catalogue[] = {
#define DIAG(id, lvl, en, nl) [id] = { DL_##lvl, { [LANG_EN] = en, \
						   [LANG_NL] = nl } },
#include "diagmsg.h"
#undef DIAG
};

enum diag_level diag_level_of(enum diag_id id)
{
	return catalogue[id].level;
}

const char *diag_format_lang(enum diag_id id, enum diag_lang lang)
{
	return catalogue[id].fmt[lang];
}

int diag_lang_parse(const char *s)
{
	if (!strcmp(s, "nl"))
		return LANG_NL;
	if (!strcmp(s, "en"))
		return LANG_EN;
	return -1;
}

static void free_texts(char **v)
{
	int l;

	for (l = 0; l < LANG__COUNT; l++) {
		free(v[l]);
		v[l] = NULL;
	}
}

/* The message in every language, from one argument list. */
static void format_all(char **v, enum diag_id id, va_list ap)
{
	int l;

	for (l = 0; l < LANG__COUNT; l++) {
		struct buf b = BUF_INIT;
		va_list cp;

		va_copy(cp, ap);
		buf_vprintf(&b, catalogue[id].fmt[l], cp);
		va_end(cp);
		v[l] = buf_detach(&b, NULL);
	}
}

void diag_init(struct diag_ctx *d)
{
	memset(d, 0, sizeof(*d));
}

void diag_free(struct diag_ctx *d)
{
	size_t i;

	diag_forget(d);
	for (i = 0; i < d->nsources; i++) {
		free((char *)d->sources[i]->path);
		free(d->sources[i]->line_starts);
		free(d->sources[i]);
	}
	free(d->v);
	free(d->sources);
	memset(d, 0, sizeof(*d));
}

struct source *diag_source(struct diag_ctx *d, const char *path,
			   const char *text, size_t len)
{
	struct source *s = xcalloc(1, sizeof(*s));

	s->path = xstrdup(path);
	s->text = text;
	s->len = len;
	if (d->nsources == d->srccap) {
		d->srccap = d->srccap ? d->srccap * 2 : 64;
		d->sources = xreallocarray(d->sources, d->srccap,
					   sizeof(*d->sources));
	}
	s->index = d->nsources;
	d->sources[d->nsources++] = s;
	return s;
}

/* The offset just past the next line end at or after i, or 0 if none;
 * memchr, since every file of a build is indexed. */
static size_t next_line(const struct source *s, size_t i)
{
	const char *nl = i < s->len ? memchr(s->text + i, '\n', s->len - i)
				    : NULL;

	return nl ? (size_t)(nl - s->text) + 1 : 0;
}

static void index_lines(struct source *s)
{
	size_t i, n = 1;

	if (s->line_starts)
		return;
	s->memo_line = 0;
	for (i = next_line(s, 0); i; i = next_line(s, i))
		n++;
	s->line_starts = xreallocarray(NULL, n, sizeof(size_t));
	s->line_starts[0] = 0;
	s->nlines = 1;
	for (i = next_line(s, 0); i; i = next_line(s, i))
		s->line_starts[s->nlines++] = i;
}

size_t diag_line_offset(struct source *src, unsigned line)
{
	index_lines(src);
	if (line == 0 || line > src->nlines)
		return src->len;
	return src->line_starts[line - 1];
}

struct pos diag_pos_at(struct source *src, size_t offset)
{
	size_t lo = 0, hi, i;
	unsigned col = 1;

	index_lines(src);
	if (offset > src->len)
		offset = src->len;
	hi = src->nlines;
	while (hi - lo > 1) {
		size_t mid = (lo + hi) / 2;

		if (src->line_starts[mid] <= offset)
			lo = mid;
		else
			hi = mid;
	}
	i = src->line_starts[lo];
	if (src->memo_line == lo + 1 && src->memo_off >= i &&
	    src->memo_off <= offset) {
		i = src->memo_off;
		col = src->memo_col;
	}
	for (; i < offset; i++)
		if (((unsigned char)src->text[i] & 0xC0) != 0x80)
			col++;
	src->memo_line = (unsigned)lo + 1;
	src->memo_off = offset;
	src->memo_col = col;
	return (struct pos){ (unsigned)lo + 1, col };
}

void diag(struct diag_ctx *d, enum diag_id id, const struct source *src,
	  struct pos pos, ...)
{
	struct diag_entry *e;
	va_list ap;

	if (d->n == d->cap) {
		d->cap = d->cap ? d->cap * 2 : 32;
		d->v = xreallocarray(d->v, d->cap, sizeof(*d->v));
	}
	e = &d->v[d->n++];
	memset(e, 0, sizeof(*e));
	va_start(ap, pos);
	format_all(e->msg, id, ap);
	va_end(ap);
	e->src = src;
	e->pos = pos;
	e->key_src = src;
	e->key_pos = pos;
	if (catalogue[id].level == DL_NOTE && d->n > 1) {
		e->key_src = d->v[d->n - 2].key_src;
		e->key_pos = d->v[d->n - 2].key_pos;
	}
	e->level = catalogue[id].level;
	e->seq = d->seq++;
	d->counts[e->level]++;
	if (e->level > d->worst)
		d->worst = e->level;
}

void diag_fix(struct diag_ctx *d, enum diag_id id, ...)
{
	struct diag_entry *e;
	va_list ap;

	if (d->n == 0)
		return;
	e = &d->v[d->n - 1];
	free_texts(e->fix);
	va_start(ap, id);
	format_all(e->fix, id, ap);
	va_end(ap);
}

static int entry_cmp(const void *pa, const void *pb)
{
	const struct diag_entry *a = pa, *b = pb;
	int c;

	if (a->key_src != b->key_src) {
		if (!a->key_src || !b->key_src)
			return a->key_src ? 1 : -1;
		c = strcmp(a->key_src->path, b->key_src->path);
		if (c)
			return c;
	}
	if (a->key_pos.line != b->key_pos.line)
		return a->key_pos.line < b->key_pos.line ? -1 : 1;
	if (a->key_pos.col != b->key_pos.col)
		return a->key_pos.col < b->key_pos.col ? -1 : 1;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

/* The GCC-style words in English; in Dutch the Dutch words, which the
 * usual "file:line:col: " parsers of editors still match. */
static const char *level_name(enum diag_level l, enum diag_lang lang)
{
	bool nl = lang == LANG_NL;

	switch (l) {
	case DL_ERROR: return nl ? "fout" : "error";
	case DL_WARNING: return nl ? "waarschuwing" : "warning";
	case DL_NOTE: return nl ? "opmerking" : "note";
	case DL_FIX: return nl ? "oplossing" : "fix";
	case DL_NONE: break;
	}
	return "?";
}

/*
 * A line longer than EXCERPT_MAX_COLS code points is shown as a window of
 * that many around the column, marked with "..." where it was cut: a
 * one-line list of thousands of items with a problem in each then prints
 * thousands of short excerpts, not thousands of copies of the whole line.
 */
enum { EXCERPT_MAX_COLS = 240, EXCERPT_LEAD_COLS = 120 };

/* Where the last excerpt of a flush started its window; diagnostics are
 * sorted, so the next one on the same line continues from there. */
struct excerpt_cursor {
	const struct source *src;
	unsigned line, col; /* col: the code point at off */
	size_t off;
};

/* The offset n code points after off, or end. */
static size_t skip_cols(const char *t, size_t off, size_t end, unsigned n)
{
	while (off < end && n > 0) {
		off++;
		while (off < end && ((unsigned char)t[off] & 0xC0) == 0x80)
			off++;
		n--;
	}
	return off;
}

/* The offset of code point col (1-based) of the line at start. */
static size_t col_offset(struct excerpt_cursor *c, const struct source *src,
			 unsigned line, size_t start, size_t end, unsigned col)
{
	if (c->src != src || c->line != line || c->col > col) {
		c->src = src;
		c->line = line;
		c->col = 1;
		c->off = start;
	}
	c->off = skip_cols(src->text, c->off, end, col - c->col);
	c->col = col;
	return c->off;
}

/* The source line (or a window of it), then a caret under the column;
 * tabs are kept so the caret lines up whatever the terminal's tab width.
 * Written in one piece: standard error is unbuffered. */
static void print_excerpt(FILE *out, struct source *src, struct pos pos,
			  struct excerpt_cursor *cur)
{
	struct buf b = BUF_INIT;
	size_t start, end, from, to, i;
	const char *nul;
	unsigned col, first = 1;
	bool cut;
	int width;

	if (pos.line == 0 || src->text == NULL)
		return;
	start = diag_line_offset(src, pos.line);
	if (start >= src->len && pos.line > 1)
		return;
	/* The next line's start, not a scan: a line may be megabytes long. */
	end = pos.line < src->nlines ? diag_line_offset(src, pos.line + 1) - 1
				     : src->len;
	if (end > start && src->text[end - 1] == '\r')
		end--;
	from = start;
	to = end;
	if (skip_cols(src->text, start, end, EXCERPT_MAX_COLS) < end) {
		if (pos.col > EXCERPT_LEAD_COLS)
			first = pos.col - EXCERPT_LEAD_COLS;
		from = col_offset(cur, src, pos.line, start, end, first);
		to = skip_cols(src->text, from, end, EXCERPT_MAX_COLS);
	}
	cut = to < end;
	/* A NUL byte (reported by load.c) ends what is shown of the line. */
	nul = memchr(src->text + from, '\0', to - from);
	if (nul)
		to = (size_t)(nul - src->text);
	width = snprintf(NULL, 0, "%u", pos.line);
	if (width < 5)
		width = 5;
	buf_printf(&b, "%*u | %s", width, pos.line, from > start ? "..." : "");
	buf_put(&b, src->text + from, to - from);
	buf_printf(&b, "%s\n%*s | %s", cut ? "..." : "", width, "",
		   from > start ? "   " : "");
	for (i = from, col = first; i < end && col < pos.col; i++) {
		unsigned char c = (unsigned char)src->text[i];

		if ((c & 0xC0) == 0x80)
			continue;
		buf_putc(&b, c == '\t' ? '\t' : ' ');
		col++;
	}
	buf_puts(&b, "^\n");
	fwrite(b.ptr, 1, b.len, out);
	buf_free(&b);
}

void diag_flush(struct diag_ctx *d, FILE *out)
{
	diag_print(d, out);
	diag_forget(d);
}

void diag_forget(struct diag_ctx *d)
{
	size_t i;

	for (i = 0; i < d->n; i++) {
		free_texts(d->v[i].msg);
		free_texts(d->v[i].fix);
	}
	d->n = 0;
}

void diag_print(struct diag_ctx *d, FILE *out)
{
	struct excerpt_cursor cur = { 0 };
	size_t i;

	if (d->n == 0)
		return;
	qsort(d->v, d->n, sizeof(*d->v), entry_cmp);
	for (i = 0; i < d->n; i++) {
		struct diag_entry *e = &d->v[i];

		if (e->src && e->pos.line)
			fprintf(out, "%s:%u:%u: ", e->src->path, e->pos.line,
				e->pos.col ? e->pos.col : 1);
		else if (e->src)
			fprintf(out, "%s: ", e->src->path);
		else
			fputs("zonesite: ", out);
		fprintf(out, "%s: %s\n", level_name(e->level, d->lang),
			e->msg[d->lang]);
		if (e->src)
			print_excerpt(out, (struct source *)e->src, e->pos,
				      &cur);
	}
}

static const char *entry_path(const struct diag_entry *e)
{
	return e->key_src ? e->key_src->path : "zonesite";
}

/* "file:line" or "file" of an entry, for the summary. */
static void put_place(FILE *out, const struct diag_entry *e)
{
	if (e->pos.line)
		fprintf(out, "%s:%u", entry_path(e), e->pos.line);
	else
		fputs(entry_path(e), out);
}

/* Warnings of the sorted entries, one line per file: how many, where. */
static void summary_warnings(const struct diag_ctx *d, FILE *out)
{
	bool nl = d->lang == LANG_NL;
	size_t i, j;

	if (d->counts[DL_WARNING] == 0)
		return;
	fputs(nl ? "  waarschuwingen per bestand:\n"
		 : "  warnings by file:\n", out);
	for (i = 0; i < d->n; i = j) {
		unsigned n = 0;

		for (j = i; j < d->n && !strcmp(entry_path(&d->v[j]),
						entry_path(&d->v[i])); j++)
			n += d->v[j].level == DL_WARNING;
		if (n == 0)
			continue;
		fprintf(out, "    %s: %u %s (%s", entry_path(&d->v[i]), n,
			nl ? (n == 1 ? "waarschuwing" : "waarschuwingen")
			   : (n == 1 ? "warning" : "warnings"),
			nl ? "regel" : "line");
		for (n = 0; i < j; i++) {
			if (d->v[i].level != DL_WARNING)
				continue;
			fprintf(out, n++ ? ", %u" : " %u", d->v[i].pos.line);
		}
		fputs(")\n", out);
	}
}

void diag_summary(const struct diag_ctx *d, FILE *out)
{
	bool nl = d->lang == LANG_NL;
	size_t i;

	summary_warnings(d, out);
	if (d->counts[DL_ERROR] == 0)
		return;
	fputs(nl ? "  zo los je de fouten op:\n" : "  how to fix the errors:\n",
	      out);
	for (i = 0; i < d->n; i++) {
		const struct diag_entry *e = &d->v[i];

		if (e->level != DL_ERROR)
			continue;
		fputs("    ", out);
		put_place(out, e);
		fprintf(out, ": %s\n", e->fix[d->lang] ? e->fix[d->lang]
							: e->msg[d->lang]);
	}
}

/* ---- handing messages between processes ---- */

void diag_seq_at(struct diag_ctx *d, unsigned long long seq)
{
	d->seq = seq;
}

enum { SRC_NONE, SRC_SHARED, SRC_NEW };

static void export_src(const struct source *s, size_t nshared,
		       struct buf *out)
{
	if (s == NULL) {
		wire_put_u64(out, SRC_NONE);
	} else if (s->index < nshared) {
		wire_put_u64(out, SRC_SHARED);
		wire_put_u64(out, s->index);
	} else {
		wire_put_u64(out, SRC_NEW);
		wire_put_str(out, s->path, strlen(s->path));
		wire_put_str(out, s->text, s->text ? s->len : 0);
	}
}

static void export_texts(char *const *v, struct buf *out)
{
	int l;

	for (l = 0; l < LANG__COUNT; l++)
		wire_put_str(out, v[l], v[l] ? strlen(v[l]) : 0);
}

void diag_export(const struct diag_ctx *d, size_t from, size_t nshared,
		 struct buf *out)
{
	size_t i;

	wire_put_u64(out, from < d->n ? d->n - from : 0);
	for (i = from; i < d->n; i++) {
		const struct diag_entry *e = &d->v[i];

		export_src(e->src, nshared, out);
		wire_put_u64(out, e->pos.line);
		wire_put_u64(out, e->pos.col);
		export_src(e->key_src, nshared, out);
		wire_put_u64(out, e->key_pos.line);
		wire_put_u64(out, e->key_pos.col);
		wire_put_u64(out, e->level);
		wire_put_u64(out, e->seq);
		export_texts(e->msg, out);
		export_texts(e->fix, out);
	}
}

static struct source *import_src(struct diag_ctx *d, size_t nshared,
				 struct wire *in, struct arena *a)
{
	uint64_t tag = wire_u64(in), i;
	const char *path, *text;
	size_t plen, tlen;
	char *p, *t = NULL;
	struct source *s;

	if (tag == SRC_NONE)
		return NULL;
	if (tag == SRC_SHARED) {
		i = wire_u64(in);
		if (i >= nshared || i >= d->nsources)
			in->bad = true;
		return in->bad ? NULL : d->sources[i];
	}
	path = wire_str(in, &plen);
	text = wire_str(in, &tlen);
	if (in->bad || tag != SRC_NEW || path == NULL) {
		in->bad = true;
		return NULL;
	}
	p = xstrndup(path, plen);
	if (text)
		t = arena_strndup(a, text, tlen);
	s = diag_source(d, p, t, tlen);
	free(p);
	return s;
}

static void import_texts(char **v, struct wire *in)
{
	int l;

	for (l = 0; l < LANG__COUNT; l++) {
		size_t n;
		const char *s = wire_str(in, &n);

		v[l] = s ? xstrndup(s, n) : NULL;
	}
}

static bool same_texts(char *const *a, char *const *b)
{
	int l;

	for (l = 0; l < LANG__COUNT; l++)
		if ((a[l] == NULL) != (b[l] == NULL) ||
		    (a[l] && strcmp(a[l], b[l]) != 0))
			return false;
	return true;
}

/* Order of the duplicate search: place and level, then the text. */
static int cmp_place(const struct diag_entry *a, const struct diag_entry *b)
{
	size_t x = a->src ? a->src->index + 1 : 0;
	size_t y = b->src ? b->src->index + 1 : 0;

	if (x != y)
		return x < y ? -1 : 1;
	if (a->pos.line != b->pos.line)
		return a->pos.line < b->pos.line ? -1 : 1;
	if (a->pos.col != b->pos.col)
		return a->pos.col < b->pos.col ? -1 : 1;
	if (a->level != b->level)
		return a->level < b->level ? -1 : 1;
	return strcmp(a->msg[LANG_EN] ? a->msg[LANG_EN] : "",
		      b->msg[LANG_EN] ? b->msg[LANG_EN] : "");
}

static int cmp_ptr(const void *pa, const void *pb)
{
	return cmp_place(*(struct diag_entry *const *)pa,
			 *(struct diag_entry *const *)pb);
}

/* An entry among those reported since `from` with e's place and texts. */
static struct diag_entry *find_same(struct diag_entry **idx, size_t n,
				    const struct diag_entry *e)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = cmp_place(idx[mid], e);

		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo < n && cmp_place(idx[lo], e) == 0; lo++)
		if (same_texts(idx[lo]->msg, e->msg))
			return idx[lo];
	return NULL;
}

static void read_entry(struct diag_ctx *d, size_t nshared, struct wire *in,
		       struct arena *a, struct diag_entry *e)
{
	memset(e, 0, sizeof(*e));
	e->src = import_src(d, nshared, in, a);
	e->pos.line = (unsigned)wire_u64(in);
	e->pos.col = (unsigned)wire_u64(in);
	e->key_src = import_src(d, nshared, in, a);
	e->key_pos.line = (unsigned)wire_u64(in);
	e->key_pos.col = (unsigned)wire_u64(in);
	e->level = (enum diag_level)wire_u64(in);
	e->seq = wire_u64(in);
	import_texts(e->msg, in);
	import_texts(e->fix, in);
	if (e->level > DL_ERROR)
		in->bad = true;
}

static void append_entry(struct diag_ctx *d, const struct diag_entry *e)
{
	if (d->n == d->cap) {
		d->cap = d->cap ? d->cap * 2 : 32;
		d->v = xreallocarray(d->v, d->cap, sizeof(*d->v));
	}
	d->v[d->n++] = *e;
	d->counts[e->level]++;
	if (e->level > d->worst)
		d->worst = e->level;
}

int diag_import(struct diag_ctx *d, size_t from, size_t nshared,
		struct wire *in, struct arena *a)
{
	size_t nidx = from < d->n ? d->n - from : 0, i, nnew = 0;
	struct diag_entry **idx = xcalloc(nidx + 1, sizeof(*idx));
	uint64_t count = wire_u64(in);
	struct diag_entry *fresh = NULL, e, *same;

	for (i = 0; i < nidx; i++)
		idx[i] = &d->v[from + i];
	if (nidx)
		qsort(idx, nidx, sizeof(*idx), cmp_ptr);
	if (count > (uint64_t)(in->end - in->p))
		in->bad = true; /* each message takes many bytes */
	if (!in->bad)
		fresh = xcalloc((size_t)count + 1, sizeof(*fresh));
	for (i = 0; !in->bad && i < count; i++) {
		read_entry(d, nshared, in, a, &e);
		same = in->bad ? NULL : find_same(idx, nidx, &e);
		if (in->bad || same) {
			if (same && e.seq < same->seq)
				same->seq = e.seq;
			free_texts(e.msg);
			free_texts(e.fix);
			continue;
		}
		fresh[nnew++] = e;
	}
	free(idx);
	for (i = 0; i < nnew; i++) {
		if (in->bad) {
			free_texts(fresh[i].msg);
			free_texts(fresh[i].fix);
		} else {
			append_entry(d, &fresh[i]);
		}
	}
	free(fresh);
	return in->bad ? -1 : 0;
}