/*
 * ledger: the published-URL ledger.  See ledger.h for what it holds and
 * why; here is how.
 *
 * The ledger learns what a build publishes from the files themselves, as
 * they pass through emit_file(): a page's path says it is published, and
 * the href and src values of every HTML file say who links to what.  That
 * keeps the "last linked from" record complete (Markdown links, agenda
 * blocks, menus, mails) without any page module knowing about it, and as
 * deterministic as the pages.  The best referrer of a URL is the first
 * file written of the best class: a mail version (the links that can never
 * be corrected once sent), then a newsletter issue's page, then any other
 * page; the newsletter module writes the newest issue first.
 */
#include "ledger.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fdio.h"
#include "load.h"
#include "render_int.h"
#include "wire.h"
#include "xalloc.h"

/* Referrer classes, best first. */
enum { REF_MAIL, REF_ISSUE, REF_PAGE };

/* What a reader sees of a bad line in a message. */
enum { LEDGER_SHOWN_MAX = 60 };

struct old_entry {
	char *path;
	char *from;     /* NULL: no referrer recorded */
	unsigned line;
};

struct retired {
	char *path;
	unsigned line;
};

struct link {
	char *to;
	size_t from;    /* index into refs */
	int cls;
	unsigned long long seq;
};

struct strv {
	char **v;
	size_t n, cap;
};

struct ledger {
	struct source *src, *retired_src;
	struct old_entry *v;
	size_t n;
	struct retired *ret;
	size_t nret;
	struct strv pages;      /* pages written by this build */
	struct strv refs;       /* HTML files written, in order */
	struct link *links;
	size_t nlinks, links_cap;
	unsigned long long seq;  /* the next link's (ledger_seq_at) */
	struct slice base_url, base_path;
	char *issue_prefix;     /* "/nieuwsbrief/" */
	struct strv now;        /* after ledger_check: pages and statics, sorted */
	struct link *best;      /* after ledger_check: one per target, sorted */
	size_t nbest;
};

/* ---- small helpers ---- */

static void strv_push(struct strv *s, const char *p)
{
	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 256;
		s->v = xreallocarray(s->v, s->cap, sizeof(*s->v));
	}
	s->v[s->n++] = xstrdup(p);
}

static void strv_free(struct strv *s)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		free(s->v[i]);
	free(s->v);
}

static int cmp_cstr(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	return n >= m && memcmp(s + n - m, suffix, m) == 0;
}

static bool strv_has(const struct strv *s, const char *p)
{
	return bsearch(&p, s->v, s->n, sizeof(*s->v), cmp_cstr) != NULL;
}

/* ---- paths ---- */

void ledger_url_of(const char *relpath, struct buf *url)
{
	size_t n = strlen(relpath);

	buf_reset(url);
	buf_putc(url, '/');
	if (!strcmp(relpath, "index.html"))
		return;
	if (ends_with(relpath, "/index.html"))
		n -= strlen("index.html");
	buf_put(url, relpath, n);
}

bool ledger_is_page(const char *relpath)
{
	const char *base = strrchr(relpath, '/');

	base = base ? base + 1 : relpath;
	if (!ends_with(relpath, ".html") || !strcmp(relpath, "404.html"))
		return false;
	return strcmp(base, "email.html") != 0;
}

bool ledger_link_target(struct slice v, struct slice base_url,
			struct slice base_path, struct buf *path)
{
	size_t origin = base_url.len - (base_path.len - 1), n;

	if (v.len > base_url.len && !memcmp(v.ptr, base_url.ptr, base_url.len) &&
	    v.ptr[base_url.len] == '/') {
		v.ptr += origin;
		v.len -= origin;
	} else if (v.len < 1 || v.ptr[0] != '/' || (v.len > 1 && v.ptr[1] == '/')) {
		return false;
	}
	if (v.len < base_path.len || memcmp(v.ptr, base_path.ptr, base_path.len))
		return false;
	v.ptr += base_path.len;
	v.len -= base_path.len;
	for (n = 0; n < v.len && v.ptr[n] != '?' && v.ptr[n] != '#'; n++)
		;
	buf_reset(path);
	buf_putc(path, '/');
	buf_put(path, v.ptr, n);
	return true;
}

/* ---- reading the two files ---- */

/* A line of the source without its end and trailing blanks. */
static struct slice line_at(const struct source *src, size_t *off)
{
	size_t start = *off, end = start;

	while (end < src->len && src->text[end] != '\n')
		end++;
	*off = end + 1;
	while (end > start && (src->text[end - 1] == ' ' ||
			       src->text[end - 1] == '\t'))
		end--;
	return sl_make(src->text + start, end - start);
}

/* " <- " within the line (memmem is not POSIX). */
static const char *find_sep(struct slice s)
{
	size_t n = strlen(LEDGER_FROM_SEP), i;

	for (i = 0; i + n <= s.len; i++)
		if (!memcmp(s.ptr + i, LEDGER_FROM_SEP, n))
			return s.ptr + i;
	return NULL;
}

static bool is_site_path(struct slice s)
{
	size_t i;

	if (s.len == 0 || s.ptr[0] != '/')
		return false;
	for (i = 0; i < s.len; i++)
		if ((unsigned char)s.ptr[i] < 0x20 || s.ptr[i] == 0x7f)
			return false;
	return true;
}

static void bad_line(struct render *r, struct source *src, unsigned line,
		     struct slice s)
{
	char shown[LEDGER_SHOWN_MAX + 4];
	size_t n = s.len > LEDGER_SHOWN_MAX ? LEDGER_SHOWN_MAX : s.len;
	bool conflict = sl_starts_with(s, "<<<<<<<") ||
			sl_starts_with(s, "=======") ||
			sl_starts_with(s, ">>>>>>>");

	memcpy(shown, s.ptr, n);
	strcpy(shown + n, s.len > n ? "..." : "");
	diag(&r->b->diag, D_LEDGER_LINE, src, (struct pos){ line, 1 }, shown,
	     !conflict ? "" : diag_tr(&r->b->diag, "; this is a merge "
			"conflict marker: keep the lines of both sides, then "
			"any build sorts them", "; dit is een markering van "
			"een mergeconflict: hou de regels van beide kanten, "
			"een volgende build sorteert ze"));
}

static void add_entry(struct ledger *l, struct slice path, struct slice from,
		      unsigned line)
{
	struct old_entry *e;

	l->v = xreallocarray(l->v, l->n + 1, sizeof(*l->v));
	e = &l->v[l->n++];
	e->path = xstrndup(path.ptr, path.len);
	e->from = from.len ? xstrndup(from.ptr, from.len) : NULL;
	e->line = line;
}

static int cmp_entry(const void *a, const void *b)
{
	const struct old_entry *x = a, *y = b;
	int c = strcmp(x->path, y->path);

	return c ? c : (x->line > y->line) - (x->line < y->line);
}

static void read_ledger(struct render *r, struct ledger *l)
{
	size_t off = 0, i, k;
	unsigned line = 0;

	while (off < l->src->len) {
		struct slice s = line_at(l->src, &off), path = s, from = SL_NULL;
		const char *sep;

		line++;
		if (s.len == 0)
			continue;
		sep = find_sep(s);
		if (sep) {
			path.len = (size_t)(sep - s.ptr);
			from = sl_make(sep + strlen(LEDGER_FROM_SEP),
				       s.len - path.len - strlen(LEDGER_FROM_SEP));
		}
		if (is_site_path(path))
			add_entry(l, path, from, line);
		else
			bad_line(r, l->src, line, s);
	}
	if (l->n)
		qsort(l->v, l->n, sizeof(*l->v), cmp_entry);
	for (i = k = 0; i < l->n; i++) {
		if (k && !strcmp(l->v[k - 1].path, l->v[i].path)) {
			free(l->v[i].path);
			free(l->v[i].from);
			continue;
		}
		l->v[k++] = l->v[i];
	}
	l->n = k;
}

static int cmp_retired(const void *a, const void *b)
{
	return strcmp(((const struct retired *)a)->path,
		      ((const struct retired *)b)->path);
}

static void read_retired(struct render *r, struct ledger *l)
{
	struct source *src = l->retired_src;
	size_t off = 0, n;
	unsigned line = 0;

	while (off < src->len) {
		struct slice s = line_at(src, &off);

		line++;
		while (s.len && (s.ptr[0] == ' ' || s.ptr[0] == '\t')) {
			s.ptr++;
			s.len--;
		}
		if (s.len == 0 || s.ptr[0] == '#')
			continue;
		for (n = 0; n < s.len && s.ptr[n] != ' ' && s.ptr[n] != '\t'; n++)
			;
		if (!is_site_path(sl_make(s.ptr, n))) {
			bad_line(r, src, line, s);
			continue;
		}
		l->ret = xreallocarray(l->ret, l->nret + 1, sizeof(*l->ret));
		l->ret[l->nret].path = xstrndup(s.ptr, n);
		l->ret[l->nret++].line = line;
	}
	if (l->nret)
		qsort(l->ret, l->nret, sizeof(*l->ret), cmp_retired);
}

struct ledger *ledger_open(struct render *r)
{
	struct source *src = load_text(r->b, LEDGER_FILE, false);
	struct ledger *l;
	struct buf p = BUF_INIT;

	if (src == NULL)
		return NULL;
	l = xcalloc(1, sizeof(*l));
	l->src = src;
	l->base_url = r->base_url;
	l->base_path = r->base_path;
	buf_printf(&p, "/%s/", r->kind_path[K_NEWSLETTER]);
	l->issue_prefix = buf_detach(&p, NULL);
	read_ledger(r, l);
	l->retired_src = load_text(r->b, LEDGER_RETIRED_FILE, false);
	if (l->retired_src)
		read_retired(r, l);
	return l;
}

/* ---- what the build writes ---- */

static void add_link(struct ledger *l, const char *to, size_t from, int cls)
{
	struct link *k;

	if (l->nlinks == l->links_cap) {
		l->links_cap = l->links_cap ? l->links_cap * 2 : 1024;
		l->links = xreallocarray(l->links, l->links_cap,
					 sizeof(*l->links));
	}
	k = &l->links[l->nlinks];
	k->to = xstrdup(to);
	k->from = from;
	k->cls = cls;
	k->seq = l->seq++;
	l->nlinks++;
}

static int referrer_class(const struct ledger *l, const char *url)
{
	if (ends_with(url, "/email.html"))
		return REF_MAIL;
	if (!strncmp(url, l->issue_prefix, strlen(l->issue_prefix)) &&
	    strcmp(url, l->issue_prefix) != 0)
		return REF_ISSUE;
	return REF_PAGE;
}

/* The part of a page that is its own: <main>, when it has one, so that
 * the menu and footer every page shares do not count as referrers. */
static struct slice own_part(const struct buf *data)
{
	const char *start = strstr(data->ptr, "<main"), *end;

	if (start == NULL)
		return buf_slice(data);
	end = strstr(start, "</main>");
	return sl_make(start, end ? (size_t)(end - start) :
		       (size_t)(data->ptr + data->len - start));
}

/* Our templates and the Markdown writer quote every attribute with '"'. */
static void scan_links(struct ledger *l, const char *from,
		       const struct buf *page)
{
	static const char *const attrs[] = { " href=\"", " src=\"" };
	struct buf to = BUF_INIT;
	size_t idx = l->refs.n, i, a;
	int cls = referrer_class(l, from);
	struct slice part = own_part(page), *data = &part;

	strv_push(&l->refs, from);
	for (i = 0; i < data->len; i++) {
		for (a = 0; a < 2; a++) {
			size_t n = strlen(attrs[a]), end;

			if (data->len - i < n || memcmp(data->ptr + i, attrs[a], n))
				continue;
			for (end = i + n; end < data->len && data->ptr[end] != '"'; end++)
				;
			if (ledger_link_target(sl_make(data->ptr + i + n, end - i - n),
					       l->base_url, l->base_path, &to) &&
			    strcmp(to.ptr, from) != 0)
				add_link(l, to.ptr, idx, cls);
			i = end;
			break;
		}
	}
	buf_free(&to);
}

void ledger_note_file(struct ledger *l, const char *relpath,
		      const struct buf *data)
{
	struct buf url = BUF_INIT;

	if (l == NULL)
		return;
	ledger_url_of(relpath, &url);
	if (ledger_is_page(relpath))
		strv_push(&l->pages, url.ptr);
	if (ends_with(relpath, ".html")) {
		if (data == NULL)
			die("internal error: %s noted without its bytes",
			    relpath);
		scan_links(l, url.ptr, data);
	}
	buf_free(&url);
}

/* ---- the check ---- */

static int cmp_link(const void *a, const void *b)
{
	const struct link *x = a, *y = b;
	int c = strcmp(x->to, y->to);

	if (c)
		return c;
	if (x->cls != y->cls)
		return x->cls < y->cls ? -1 : 1;
	return (x->seq > y->seq) - (x->seq < y->seq);
}

static void pick_referrers(struct ledger *l)
{
	size_t i;

	if (l->nlinks)
		qsort(l->links, l->nlinks, sizeof(*l->links), cmp_link);
	l->best = xcalloc(l->nlinks + 1, sizeof(*l->best));
	for (i = 0; i < l->nlinks; i++)
		if (i == 0 || strcmp(l->links[i - 1].to, l->links[i].to))
			l->best[l->nbest++] = l->links[i];
}

static const char *best_referrer(const struct ledger *l, const char *to)
{
	size_t lo = 0, hi = l->nbest;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = strcmp(l->best[mid].to, to);

		if (c == 0)
			return l->refs.v[l->best[mid].from];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

static void collect_now(struct render *r, struct ledger *l)
{
	struct buf p = BUF_INIT;
	size_t i, k;

	for (i = 0; i < l->pages.n; i++)
		strv_push(&l->now, l->pages.v[i]);
	for (i = 0; i < r->b->nstatics; i++) {
		buf_reset(&p);
		buf_printf(&p, "/%s", r->b->statics[i].rel);
		strv_push(&l->now, p.ptr);
	}
	buf_free(&p);
	if (l->now.n)
		qsort(l->now.v, l->now.n, sizeof(*l->now.v), cmp_cstr);
	for (i = k = 0; i < l->now.n; i++) {
		if (k && !strcmp(l->now.v[k - 1], l->now.v[i]))
			free(l->now.v[i]);
		else
			l->now.v[k++] = l->now.v[i];
	}
	l->now.n = k;
}

static const struct old_entry *old_entry(const struct ledger *l,
					 const char *path)
{
	struct old_entry key = { (char *)path, NULL, 0 };
	size_t lo = 0, hi = l->n;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = strcmp(l->v[mid].path, key.path);

		if (c == 0)
			return &l->v[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

static const struct retired *retired(const struct ledger *l, const char *path)
{
	struct retired key = { (char *)path, 0 };

	return l->nret ? bsearch(&key, l->ret, l->nret, sizeof(*l->ret),
				 cmp_retired) : NULL;
}

static bool is_page_url(const char *url)
{
	return ends_with(url, "/") || ends_with(url, ".html");
}

static size_t parent_len(const char *url)
{
	size_t n = strlen(url);

	if (n && url[n - 1] == '/')
		n--;
	while (n && url[n - 1] != '/')
		n--;
	return n;
}

/* The record whose page is at url ("/kalender/x/"), if any. */
static const struct item *item_at(struct render *r, const char *url)
{
	size_t len = strlen(url);
	int k;

	if (len < 3 || url[len - 1] != '/')
		return NULL;
	for (k = 0; k < K__ITEMS; k++) {
		size_t n = strlen(r->kind_path[k]);
		const char *id = url + 1 + (n ? n + 1 : 0);

		if (n && (strncmp(url + 1, r->kind_path[k], n) || url[n + 1] != '/'))
			continue;
		if (id >= url + len - 1 || memchr(id, '/', (size_t)(url + len - 1 - id)))
			continue;
		return model_find(r->s, (enum kind)k,
				  sl_make(id, (size_t)(url + len - 1 - id)));
	}
	return NULL;
}

/* The one new page beside a vanished one is most likely its new name. */
static const struct item *replacement(struct render *r, const char *gone)
{
	const struct ledger *l = r->ledger;
	size_t n = parent_len(gone), i, found = 0;
	const char *cand = NULL;

	for (i = 0; i < l->pages.n; i++) {
		const char *p = l->pages.v[i];

		if (parent_len(p) != n || strncmp(p, gone, n) ||
		    ends_with(p, "/") != ends_with(gone, "/") || old_entry(l, p))
			continue;
		if (cand == NULL || strcmp(cand, p)) {
			cand = p;
			found++;
		}
	}
	return found == 1 ? item_at(r, cand) : NULL;
}

/* aliases: ["/old/"], keeping the aliases the page already has. */
static void aliases_line(const struct item *it, const char *gone,
			 struct buf *out)
{
	size_t j;

	buf_puts(out, "aliases: [");
	for (j = 0; it && j < it->aliases.n; j++)
		buf_printf(out, "\"%.*s\", ",
			   SL_FMT(LIST_AT(it->aliases, struct text, j).s));
	buf_printf(out, "\"%s\"]", gone);
}

static void report_gone(struct render *r, const struct old_entry *e)
{
	const struct ledger *l = r->ledger;
	const char *from = best_referrer(l, e->path);
	struct buf why = BUF_INIT, line = BUF_INIT;
	struct pos pos = { e->line, 1 };
	struct diag_ctx *d = &r->b->diag;

	if (from == NULL)
		from = e->from;
	if (from)
		buf_printf(&why, diag_tr(d, "last linked from %s",
					 "laatst gelinkt vanaf %s"), from);
	else
		buf_puts(&why, diag_tr(d, "no page linked to it when it was "
				       "last published", "geen enkele pagina "
				       "linkte ernaar toen hij het laatst "
				       "gepubliceerd werd"));
	if (is_page_url(e->path)) {
		const struct item *it = replacement(r, e->path);
		const char *file = it ? it->src->path
				      : diag_tr(d, "the page that replaced it",
						"de pagina die hem vervangt");

		aliases_line(it, e->path, &line);
		diag(d, D_LEDGER_GONE, l->src, pos, e->path, why.ptr, file,
		     line.ptr);
		diag_fix(d, D_FIX_ALIAS, line.ptr, file);
	} else {
		diag(&r->b->diag, D_LEDGER_GONE_FILE, l->src, pos, e->path,
		     why.ptr, e->path + 1);
	}
	buf_free(&why);
	buf_free(&line);
}

void ledger_check(struct render *r)
{
	struct ledger *l = r->ledger;
	size_t i;

	if (l == NULL)
		return;
	collect_now(r, l);
	pick_referrers(l);
	for (i = 0; i < l->n; i++)
		if (!strv_has(&l->now, l->v[i].path) && !retired(l, l->v[i].path))
			report_gone(r, &l->v[i]);
	for (i = 0; i < l->nret; i++) {
		const struct retired *t = &l->ret[i];

		if (!old_entry(l, t->path))
			diag(&r->b->diag, D_RETIRED_UNKNOWN, l->retired_src,
			     (struct pos){ t->line, 1 }, t->path);
		else if (strv_has(&l->now, t->path))
			diag(&r->b->diag, D_RETIRED_ALIVE, l->retired_src,
			     (struct pos){ t->line, 1 }, t->path);
	}
}

/* ---- the update ---- */

static void put_line(struct buf *b, const char *path, const char *from)
{
	buf_puts(b, path);
	if (from)
		buf_printf(b, "%s%s", LEDGER_FROM_SEP, from);
	buf_putc(b, '\n');
}

/* The merged ledger; returns how many paths are new. */
static size_t merged(const struct ledger *l, struct buf *out)
{
	size_t i = 0, j = 0, added = 0;

	while (i < l->n || j < l->now.n) {
		int c = i == l->n ? 1 : j == l->now.n ? -1 :
			strcmp(l->v[i].path, l->now.v[j]);
		const char *path = c <= 0 ? l->v[i].path : l->now.v[j];
		const char *from = best_referrer(l, path);

		if (from == NULL && c <= 0)
			from = l->v[i].from;
		put_line(out, path, from);
		added += c > 0;
		i += c <= 0;
		j += c >= 0;
	}
	return added;
}

/* Beside the ledger, then renamed over it: a reader never sees half. */
static int write_atomically(const char *path, const struct buf *data)
{
	struct buf tmp = BUF_INIT;
	const char *slash = strrchr(path, '/');
	int fd, err = 0;

	if (slash)
		buf_put(&tmp, path, (size_t)(slash - path + 1));
	buf_puts(&tmp, "." LEDGER_FILE ".XXXXXX");
	fd = mkstemp(tmp.ptr);
	if (fd < 0) {
		err = errno;
		buf_free(&tmp);
		return err;
	}
	if (fd_write_all(fd, data->ptr, data->len) != 0 ||
	    fchmod(fd, 0644) != 0 || fsync(fd) != 0)
		err = errno ? errno : EIO;
	if (close(fd) != 0 && !err)
		err = errno;
	if (!err && rename(tmp.ptr, path) != 0)
		err = errno;
	if (err)
		unlink(tmp.ptr);
	buf_free(&tmp);
	return err;
}

void ledger_save(struct render *r)
{
	struct ledger *l = r->ledger;
	struct buf out = BUF_INIT;
	size_t added;
	int err;

	if (l == NULL || r->s->edition != ED_PUBLIC)
		return;
	added = merged(l, &out);
	if (out.len != l->src->len || memcmp(out.ptr, l->src->text, out.len)) {
		err = write_atomically(l->src->path, &out);
		if (err)
			diag(&r->b->diag, D_LEDGER_SAVE, l->src,
			     (struct pos){ 0, 0 }, strerror(err), added,
			     added == 1 ? " is" : "s are");
	}
	buf_free(&out);
}

void ledger_free(struct ledger *l)
{
	size_t i;

	if (l == NULL)
		return;
	for (i = 0; i < l->n; i++) {
		free(l->v[i].path);
		free(l->v[i].from);
	}
	free(l->v);
	for (i = 0; i < l->nret; i++)
		free(l->ret[i].path);
	free(l->ret);
	for (i = 0; i < l->nlinks; i++)
		free(l->links[i].to);
	free(l->links);
	free(l->best);
	strv_free(&l->pages);
	strv_free(&l->refs);
	strv_free(&l->now);
	free(l->issue_prefix);
	free(l);
}

/* ---- render workers ---- */

void ledger_seq_at(struct ledger *l, unsigned long long seq)
{
	if (l)
		l->seq = seq;
}

void ledger_mark(const struct ledger *l, struct ledger_mark *m)
{
	memset(m, 0, sizeof(*m));
	if (l) {
		m->pages = l->pages.n;
		m->refs = l->refs.n;
		m->links = l->nlinks;
	}
}

static void export_strv(const struct strv *s, size_t from, struct buf *out)
{
	size_t i;

	wire_put_u64(out, s->n - from);
	for (i = from; i < s->n; i++)
		wire_put_str(out, s->v[i], strlen(s->v[i]));
}

void ledger_export(const struct ledger *l, const struct ledger_mark *m,
		   struct buf *out)
{
	size_t i;

	if (l == NULL)
		return;
	export_strv(&l->pages, m->pages, out);
	export_strv(&l->refs, m->refs, out);
	wire_put_u64(out, l->nlinks - m->links);
	for (i = m->links; i < l->nlinks; i++) {
		const struct link *k = &l->links[i];

		wire_put_str(out, k->to, strlen(k->to));
		wire_put_u64(out, k->from - m->refs);
		wire_put_u64(out, (uint64_t)k->cls);
		wire_put_u64(out, k->seq);
	}
}

static void import_strv(struct strv *s, struct wire *in)
{
	uint64_t n = wire_u64(in), i;

	for (i = 0; !in->bad && i < n; i++) {
		size_t len;
		const char *p = wire_str(in, &len);
		char *c;

		if (p == NULL) {
			in->bad = true;
			break;
		}
		c = xstrndup(p, len);
		strv_push(s, c);
		free(c);
	}
}

int ledger_import(struct ledger *l, struct wire *in)
{
	size_t refs0;
	uint64_t n, i;

	if (l == NULL)
		return 0;
	import_strv(&l->pages, in);
	refs0 = l->refs.n;
	import_strv(&l->refs, in);
	n = wire_u64(in);
	for (i = 0; !in->bad && i < n; i++) {
		size_t len;
		const char *to = wire_str(in, &len);
		char *c;
		uint64_t from = wire_u64(in), cls = wire_u64(in);

		l->seq = wire_u64(in); /* the worker's number for the link */
		if (to == NULL || from >= l->refs.n - refs0) {
			in->bad = true;
			break;
		}
		c = xstrndup(to, len);
		add_link(l, c, refs0 + (size_t)from, (int)cls);
		free(c);
	}
	return in->bad ? -1 : 0;
}
