/*
 * load: the site folder on disk.  See load.h.
 */
#include "load.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "slug.h"
#include "validate.h"
#include "xalloc.h"

const char *const kind_folders[K__ITEMS] = {
	[K_PAGE] = "pages", [K_PARTNER] = "partners",
	[K_SERVICE] = "services", [K_ACTION] = "actions",
	[K_EVENT] = "events", [K_NEWSLETTER] = "newsletters",
};

/* Every path shown in a diagnostic is made here, so "-C site/" must not
 * give "site//events/x.md"; dir[n - 1] is never read for an empty dir
 * (main.c refuses one before). */
void load_join(struct buf *path, const char *dir, const char *rel)
{
	size_t n = strlen(dir);

	buf_reset(path);
	while (n > 1 && dir[n - 1] == '/')
		n--;
	if (n > 0 && !(n == 1 && dir[0] == '.')) {
		buf_put(path, dir, n);
		if (dir[n - 1] != '/')
			buf_putc(path, '/');
	}
	buf_puts(path, rel);
}

bool load_inside(const char *dir, const char *path)
{
	char *rd = realpath(dir, NULL), *rp = realpath(path, NULL);
	bool ok = false;

	if (rd && rp) {
		size_t n = strlen(rd);

		ok = strncmp(rd, rp, n) == 0 &&
		     (rp[n] == '/' || rp[n] == '\0' || strcmp(rd, "/") == 0);
	}
	free(rd);
	free(rp);
	return ok;
}

/* Length of the valid UTF-8 sequence at p, or 0. */
static size_t utf8_seq(const unsigned char *p, size_t n)
{
	unsigned c = p[0];
	size_t len, i;
	unsigned cp;

	if (c < 0x80)
		return 1;
	if (c >= 0xC2 && c <= 0xDF)
		len = 2, cp = c & 0x1F;
	else if (c >= 0xE0 && c <= 0xEF)
		len = 3, cp = c & 0x0F;
	else if (c >= 0xF0 && c <= 0xF4)
		len = 4, cp = c & 0x07;
	else
		return 0;
	if (n < len)
		return 0;
	for (i = 1; i < len; i++) {
		if ((p[i] & 0xC0) != 0x80)
			return 0;
		cp = cp << 6 | (p[i] & 0x3F);
	}
	if ((len == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
	    (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)))
		return 0;
	return len;
}

/* Checks text; reports the first bad byte.  The source is registered over
 * the raw bytes so the line and column are those the editor shows. */
/* Bytes from p on, in whole 8-byte words, that are ASCII and not NUL:
 * most of a Dutch text, so checked a word at a time. */
static size_t ascii_run(const unsigned char *p, size_t n)
{
	const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
	size_t i = 0;
	uint64_t w;

	while (i + 8 <= n) {
		memcpy(&w, p + i, 8);
		if ((w & highs) || ((w - ones) & ~w & highs))
			break;
		i += 8;
	}
	return i;
}

static bool check_text(struct build *b, struct source *src)
{
	const unsigned char *p = (const unsigned char *)src->text;
	size_t i = 0;

	while (i < src->len) {
		size_t n;

		i += ascii_run(p + i, src->len - i);
		if (i == src->len)
			break;
		n = p[i] ? utf8_seq(p + i, src->len - i) : 0;

		if (n == 0) {
			diag(&b->diag, p[i] ? D_BAD_UTF8 : D_NUL_BYTE, src,
			     diag_pos_at(src, i));
			return false;
		}
		i += n;
	}
	return true;
}

/* Drops a BOM and the CR of each CRLF, in place.  Line numbers and the
 * columns of everything before a line end are unchanged. */
static size_t normalise(char *t, size_t len)
{
	size_t i = 0, o = 0;
	const char *cr;

	if (len >= 3 && memcmp(t, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	/* Most files have no CR: only the BOM, if any, has to go. */
	cr = memchr(t + i, '\r', len - i);
	if (cr == NULL) {
		if (i) {
			/* Terminated here, as below, not by whatever the
			 * caller left past len. */
			memmove(t, t + i, len - i);
			t[len - i] = '\0';
		}
		return len - i;
	}
	if (i == 0)
		o = i = (size_t)(cr - t);
	for (; i < len; i++) {
		if (t[i] == '\r' && i + 1 < len && t[i + 1] == '\n')
			continue;
		t[o++] = t[i];
	}
	t[o] = '\0';
	return o;
}

static char *read_file(struct build *b, const char *path, const char *shown,
		       size_t *len)
{
	struct stat st;
	char *data;
	size_t got = 0;
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0 || fstat(fd, &st) != 0) {
		diag(&b->diag, D_IO, diag_source(&b->diag, shown, NULL, 0),
		     (struct pos){ 0, 0 }, strerror(errno));
		if (fd >= 0)
			close(fd);
		return NULL;
	}
	if (!S_ISREG(st.st_mode) || st.st_size > LOAD_MAX_FILE_BYTES) {
		struct source *src = diag_source(&b->diag, shown, NULL, 0);

		if (S_ISREG(st.st_mode))
			diag(&b->diag, D_FILE_TOO_BIG, src, (struct pos){ 0, 0 },
			     LOAD_MAX_FILE_BYTES >> 20);
		else
			diag(&b->diag, D_IO, src, (struct pos){ 0, 0 },
			     "not a regular file");
		close(fd);
		return NULL;
	}
	data = arena_alloc(&b->arena, (size_t)st.st_size + 1);
	while (got < (size_t)st.st_size) {
		ssize_t r = read(fd, data + got, (size_t)st.st_size - got);

		if (r <= 0)
			break;
		got += (size_t)r;
	}
	close(fd);
	data[got] = '\0';
	*len = got;
	return data;
}

static const char *shown_path(struct build *b, const char *rel)
{
	struct buf p = BUF_INIT;
	const char *s;

	load_join(&p, b->site_dir, rel);
	s = arena_strndup(&b->arena, p.ptr, p.len);
	buf_free(&p);
	return s;
}

/* A symbolic link is fine when it stays inside the site folder. */
static bool link_ok(struct build *b, const char *path, const char *shown)
{
	struct stat st;

	if (lstat(path, &st) != 0 || !S_ISLNK(st.st_mode))
		return true;
	if (load_inside(b->site_dir, path))
		return true;
	diag(&b->diag, D_SYMLINK_OUTSIDE, diag_source(&b->diag, shown, NULL, 0),
	     (struct pos){ 0, 0 });
	return false;
}

struct source *load_text(struct build *b, const char *rel, bool required)
{
	const char *path = shown_path(b, rel);
	struct source *src;
	size_t len;
	char *text;

	if (access(path, F_OK) != 0 && !required)
		return NULL;
	if (!link_ok(b, path, path))
		return NULL;
	text = read_file(b, path, path, &len);
	if (text == NULL)
		return NULL;
	src = diag_source(&b->diag, path, text, len);
	if (!check_text(b, src))
		return NULL;
	src->len = normalise(text, len);
	free(src->line_starts);
	src->line_starts = NULL;
	return src;
}

/* ---- folders ---- */

static int cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Sorted names of a folder, without "." and ".."; NULL if it is absent. */
static char **list_dir(const char *path, size_t *n)
{
	DIR *d = opendir(path);
	struct dirent *e;
	char **v = NULL;
	size_t cap = 0;

	*n = 0;
	if (d == NULL)
		return NULL;
	while ((e = readdir(d)) != NULL) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		if (*n == cap) {
			cap = cap ? cap * 2 : 64;
			v = xreallocarray(v, cap, sizeof(*v));
		}
		v[(*n)++] = xstrdup(e->d_name);
	}
	closedir(d);
	if (*n)
		qsort(v, *n, sizeof(*v), cmp_names);
	return v ? v : xcalloc(1, sizeof(*v));
}

static void free_names(char **v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

static bool is_folder(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* Editor leftovers and hidden files are not content. */
static bool ignored_name(const char *name)
{
	size_t n = strlen(name);

	return name[0] == '.' || name[0] == '#' || name[n - 1] == '~';
}

/* Reports a file name that is not an id, with the name to rename it to:
 * the slug rule folds case, accents, spaces and '_' the way a writer
 * would expect ("Overleg wonen" -> "overleg-wonen"). */
static void bad_id(struct build *b, struct source *src, struct slice id)
{
	char *s = xstrndup(id.ptr, id.len);
	struct buf fixed = BUF_INIT;

	slug_append(&fixed, id);
	if (strcmp(fixed.ptr, SLUG_EMPTY) == 0)
		diag(&b->diag, D_BAD_ID, src, (struct pos){ 0, 0 }, s);
	else
		diag(&b->diag, D_BAD_FILE_ID, src, (struct pos){ 0, 0 }, s,
		     fixed.ptr);
	buf_free(&fixed);
	free(s);
}

static void load_md(struct build *b, enum kind k, const char *name,
		    struct loaded_kind *out)
{
	struct buf rel = BUF_INIT;
	size_t n = strlen(name);
	struct slice id = sl_make(name, n - 3);
	struct source *src;

	buf_printf(&rel, "%s/%s", kind_folders[k], name);
	src = load_text(b, rel.ptr, true);
	buf_free(&rel);
	if (!validate_id(id) || id.ptr[id.len - 1] == '-') {
		if (src)
			bad_id(b, src, id);
		return;
	}
	/* An unreadable file (reported) is kept without text, so that
	 * references to it do not add errors of their own. */
	out->v[out->n].id = arena_slice(&b->arena, id);
	out->v[out->n].src = src;
	out->n++;
}

static unsigned load_kind(struct build *b, enum kind k)
{
	struct loaded_kind *out = &b->files[k];
	struct buf path = BUF_INIT;
	unsigned before = diag_errors(&b->diag);
	size_t n, i, total;
	char **names;

	load_join(&path, b->site_dir, kind_folders[k]);
	names = list_dir(path.ptr, &n);
	total = n; /* n may drop to 0 below; every name is freed */
	if (names && !link_ok(b, path.ptr, path.ptr))
		n = 0;
	if (n > LOAD_MAX_FILES) {
		diag(&b->diag, D_TOO_MANY_FILES, NULL, (struct pos){ 0, 0 },
		     LOAD_MAX_FILES, kind_folders[k]);
		n = 0;
	}
	out->v = arena_array(&b->arena, n ? n : 1, sizeof(*out->v));
	for (i = 0; i < n; i++) {
		size_t len = strlen(names[i]);
		struct buf rel = BUF_INIT;
		const char *shown;

		if (ignored_name(names[i]))
			continue;
		buf_printf(&rel, "%s/%s", kind_folders[k], names[i]);
		shown = shown_path(b, rel.ptr);
		buf_free(&rel);
		/* events/2024/ is a natural way to sort a year away, but
		 * "not a .md file" would not tell why it is refused. */
		if (is_folder(shown))
			diag(&b->diag, D_SUBFOLDER,
			     diag_source(&b->diag, shown, NULL, 0),
			     (struct pos){ 0, 0 }, names[i], kind_folders[k]);
		else if (len > 3 && strcmp(names[i] + len - 3, ".md") == 0)
			load_md(b, k, names[i], out);
		else
			diag(&b->diag, D_NOT_MARKDOWN,
			     diag_source(&b->diag, shown, NULL, 0),
			     (struct pos){ 0, 0 }, names[i], kind_folders[k]);
	}
	free_names(names, total);
	buf_free(&path);
	return diag_errors(&b->diag) - before;
}

/* ---- static/ ---- */

/* static/.well-known/ is the one hidden name published (RFC 8615:
 * security.txt, domain verification files); other hidden files such as
 * .htaccess configure a server and are never copied to the site. */
static bool well_known(const char *name, int depth)
{
	return depth == 0 && strcmp(name, ".well-known") == 0;
}

static void add_static(struct build *b, const char *rel, const char *path)
{
	struct static_file *f;

	if (b->nstatics % 64 == 0)
		b->statics = xreallocarray(b->statics, b->nstatics + 64,
					   sizeof(*b->statics));
	f = &b->statics[b->nstatics++];
	f->rel = xstrdup(rel);
	f->path = xstrdup(path);
}

static void walk_static(struct build *b, const char *rel, int depth)
{
	struct buf path = BUF_INIT, sub = BUF_INIT;
	size_t n, i;
	char **names;

	load_join(&path, b->site_dir, rel);
	names = list_dir(path.ptr, &n);
	/* Never silently: a file that is not published is reported. */
	if (names && n && depth >= LOAD_MAX_DEPTH)
		diag(&b->diag, D_TOO_DEEP,
		     diag_source(&b->diag, shown_path(b, rel), NULL, 0),
		     (struct pos){ 0, 0 }, LOAD_MAX_DEPTH);
	for (i = 0; names && i < n && depth < LOAD_MAX_DEPTH; i++) {
		struct stat st;

		if (ignored_name(names[i]) && !well_known(names[i], depth))
			continue;
		buf_reset(&sub);
		buf_printf(&sub, "%s/%s", rel, names[i]);
		load_join(&path, b->site_dir, sub.ptr);
		if (!link_ok(b, path.ptr, path.ptr) || stat(path.ptr, &st) != 0)
			continue;
		if (S_ISDIR(st.st_mode))
			walk_static(b, sub.ptr, depth + 1);
		else if (S_ISREG(st.st_mode))
			add_static(b, sub.ptr + strlen("static/"), path.ptr);
	}
	free_names(names, n);
	buf_free(&path);
	buf_free(&sub);
}

unsigned load_site(struct build *b)
{
	unsigned before = diag_errors(&b->diag);
	int k;

	b->site.config_src = load_text(b, "site.yaml", false);
	if (b->site.config_src == NULL && diag_errors(&b->diag) == before) {
		diag(&b->diag, D_NO_SITE,
		     diag_source(&b->diag, shown_path(b, "site.yaml"), NULL, 0),
		     (struct pos){ 0, 0 });
		return 1;
	}
	b->objectives_src = load_text(b, "objectives.yaml", false);
	for (k = 0; k < K__ITEMS; k++)
		load_kind(b, (enum kind)k);
	walk_static(b, "static", 0);
	return diag_errors(&b->diag) - before;
}
