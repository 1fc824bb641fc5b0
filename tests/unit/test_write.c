/*
 * test_write: the output tree, on a real filesystem under mkdtemp.
 *
 * The promises of write.h are checked from outside, with stat and
 * recursive listings: an unchanged page keeps its inode and mtime, a
 * failed or aborted build leaves the old folder byte for byte, nothing is
 * ever written through a symbolic link, and unsafe paths and folders are
 * refused with the right message.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "check.h"
#include "diag.h"
#include "write.h"
#include "xalloc.h"

struct page {
	const char *path;
	const char *text;
};

static const struct page v1[] = {
	{ "index.html", "<h1>Zone</h1>\n" },
	{ "kalender/a/index.html", "<p>event a</p>\n" },
	{ "kalender/b/index.html", "<p>event b</p>\n" },
	{ "css/site.css", "body{margin:0}\n" },
	{ ".well-known/security.txt", "Contact: mailto:x@example.org\n" },
	{ "empty.txt", "" },
};
#define NV1 (sizeof(v1) / sizeof(v1[0]))

/* v1 with one page changed, keeping its size (so bytes are compared). */
static const struct page v2[] = {
	{ "index.html", "<h1>Zone</h1>\n" },
	{ "kalender/a/index.html", "<p>event A</p>\n" },
	{ "kalender/b/index.html", "<p>event b</p>\n" },
	{ "css/site.css", "body{margin:0}\n" },
	{ ".well-known/security.txt", "Contact: mailto:x@example.org\n" },
	{ "empty.txt", "" },
};

/* v2 without kalender/b. */
static const struct page v3[] = {
	{ "index.html", "<h1>Zone</h1>\n" },
	{ "kalender/a/index.html", "<p>event A</p>\n" },
	{ "css/site.css", "body{margin:0}\n" },
	{ ".well-known/security.txt", "Contact: mailto:x@example.org\n" },
	{ "empty.txt", "" },
};
#define NV3 (sizeof(v3) / sizeof(v3[0]))

/* ---- helpers ---- */

static char *cat(const char *a, const char *b)
{
	struct buf p = BUF_INIT;

	buf_printf(&p, "%s/%s", a, b);
	return buf_detach(&p, NULL);
}

static void put_file(const char *path, const char *text, size_t len)
{
	FILE *f = fopen(path, "wb");

	if (f == NULL || fwrite(text, 1, len, f) != len || fclose(f) != 0)
		die("test: cannot write %s", path);
}

static char *get_file(const char *path)
{
	struct buf b = BUF_INIT;
	char chunk[4096];
	size_t n;
	FILE *f = fopen(path, "rb");

	if (f == NULL)
		return NULL;
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		buf_put(&b, chunk, n);
	fclose(f);
	return buf_detach(&b, NULL);
}

static void mkdir_in(const char *base, const char *rel)
{
	char *p = cat(base, rel);

	if (mkdir(p, 0755) != 0 && errno != EEXIST)
		die("test: mkdir %s", p);
	free(p);
}

/* Messages collected so far, as printed; forgets them. */
static char *messages(struct diag_ctx *d)
{
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);

	/* diag_flush qsorts d->v, which is NULL before any message. */
	if (d->n)
		diag_flush(d, f);
	fclose(f);
	return text;
}

static void check_message(struct diag_ctx *d, const char *want,
			  const char *what)
{
	char *text = messages(d);

	if (!CHECK(strstr(text, want) != NULL, what))
		printf("#   messages: %s#   want: %s\n", text, want);
	free(text);
}

static void snap_entry(struct buf *b, const char *dir, const char *rel,
		       bool with_inodes);

/* A recursive listing of dir with every file's bytes, sorted by name;
 * with_inodes adds inode and mtime. */
static void snapshot(struct buf *b, const char *dir, const char *rel,
		     bool with_inodes)
{
	struct dirent **list;
	int i, n = scandir(dir, &list, NULL, alphasort);

	if (n < 0) {
		buf_printf(b, "%s: unreadable\n", rel);
		return;
	}
	for (i = 0; i < n; i++) {
		const char *name = list[i]->d_name;

		if (strcmp(name, ".") && strcmp(name, "..")) {
			char *p = cat(dir, name), *r = cat(rel, name);

			snap_entry(b, p, r, with_inodes);
			free(p);
			free(r);
		}
		free(list[i]);
	}
	free(list);
}

static void snap_entry(struct buf *b, const char *path, const char *rel,
		       bool with_inodes)
{
	struct stat st;
	char target[PATH_MAX];
	ssize_t n;
	char *text;

	if (lstat(path, &st) != 0)
		die("test: lstat %s", path);
	buf_printf(b, "%s mode=%o size=%lld", rel, (unsigned)st.st_mode,
		   (long long)st.st_size);
	if (with_inodes)
		buf_printf(b, " ino=%llu mtime=%lld.%09ld",
			   (unsigned long long)st.st_ino,
			   (long long)st.st_mtim.tv_sec, st.st_mtim.tv_nsec);
	if (S_ISLNK(st.st_mode)) {
		n = readlink(path, target, sizeof(target) - 1);
		target[n < 0 ? 0 : n] = '\0';
		buf_printf(b, " -> %s\n", target);
	} else if (S_ISDIR(st.st_mode)) {
		buf_puts(b, "/\n");
		snapshot(b, path, rel, with_inodes);
	} else {
		text = get_file(path);
		buf_printf(b, " [%s]\n", text ? text : "?");
		free(text);
	}
}

static char *listing(const char *dir, bool with_inodes)
{
	struct buf b = BUF_INIT;

	snapshot(&b, dir, ".", with_inodes);
	return buf_detach(&b, NULL);
}

/* Entries of base whose name starts with prefix (temporary trees). */
static int count_prefixed(const char *base, const char *prefix)
{
	DIR *dp = opendir(base);
	struct dirent *e;
	int n = 0;

	while ((e = readdir(dp)) != NULL)
		n += strncmp(e->d_name, prefix, strlen(prefix)) == 0;
	closedir(dp);
	return n;
}

/* Trees of a build in progress beside "out"; the spare (.out.spare) is
 * kept on purpose and is not one of them. */
static int count_temporary(const char *base)
{
	return count_prefixed(base, ".out.new-") +
	       count_prefixed(base, ".out.old-");
}

static int build(const char *out, const char *protect,
		 const struct page *pages, size_t n, struct out_stats *st)
{
	struct diag_ctx d;
	struct out_tree t;
	size_t i;
	int r = -1;

	diag_init(&d);
	if (out_open(&t, out, protect, &d) == 0) {
		for (i = 0; i < n; i++)
			out_write(&t, pages[i].path, pages[i].text,
				  strlen(pages[i].text));
		r = out_commit(&t, st);
		out_abort(&t);
	}
	if (d.n)
		diag_flush(&d, stdout);
	diag_free(&d);
	return r;
}

static bool file_is(const char *dir, const char *rel, const char *want)
{
	char *p = cat(dir, rel), *text = get_file(p);
	bool ok = text && strcmp(text, want) == 0;

	free(p);
	free(text);
	return ok;
}

static struct stat stat_in(const char *dir, const char *rel)
{
	struct stat st;
	char *p = cat(dir, rel);

	memset(&st, 0, sizeof(st));
	lstat(p, &st);
	free(p);
	return st;
}

static bool same_stamp(const struct stat *a, const struct stat *b)
{
	return a->st_ino == b->st_ino &&
	       a->st_mtim.tv_sec == b->st_mtim.tv_sec &&
	       a->st_mtim.tv_nsec == b->st_mtim.tv_nsec;
}

/* ---- builds ---- */

static void test_first_build(const char *base, const char *out)
{
	struct out_stats st;
	struct stat s;
	size_t i;
	bool all = true;
	char *marker = cat(out, OUT_MARKER), *text;

	CHECK_INT(build(out, NULL, v1, NV1, &st), 0, "first build commits");
	CHECK_INT(st.written, NV1, "first build writes every file");
	CHECK_INT(st.created, NV1, "first build creates every file");
	CHECK_INT(st.kept, 0, "first build keeps nothing");
	CHECK_INT(st.removed, 0, "first build removes nothing");
	for (i = 0; i < NV1; i++)
		all &= file_is(out, v1[i].path, v1[i].text);
	CHECK(all, "every file has its bytes");
	text = get_file(marker);
	CHECK(text && strstr(text, "generated by zonesite"),
	      "the marker says the folder is generated");
	free(text);
	free(marker);
	CHECK_INT(count_prefixed(base, ".out."), 0, "no temporary folder left");
	s = stat_in(out, ".");
	CHECK_INT(s.st_mode & 07777, 0755,
		  "output folder is 0755 despite umask");
	s = stat_in(out, "kalender/a");
	CHECK_INT(s.st_mode & 07777, 0755, "a folder is 0755 despite umask");
	s = stat_in(out, "index.html");
	CHECK_INT(s.st_mode & 07777, 0644, "a file is 0644 despite umask");
}

static void test_rebuild_keeps(const char *out)
{
	struct stat before[NV1], after;
	struct out_stats st;
	bool all = true;
	size_t i;

	for (i = 0; i < NV1; i++)
		before[i] = stat_in(out, v1[i].path);
	CHECK_INT(build(out, NULL, v1, NV1, &st), 0,
		  "identical rebuild commits");
	CHECK_INT(st.written, 0, "identical rebuild writes nothing");
	CHECK_INT(st.kept, NV1, "identical rebuild keeps every file");
	CHECK_INT(st.kept_copied, 0, "kept files are linked, not copied");
	CHECK_INT(st.removed, 0, "identical rebuild removes nothing");
	for (i = 0; i < NV1; i++) {
		after = stat_in(out, v1[i].path);
		all &= same_stamp(&before[i], &after);
	}
	CHECK(all, "every file keeps its inode and mtime");
}

static void test_change_one(const char *out)
{
	struct stat before[NV1], after;
	struct out_stats st;
	bool others = true;
	size_t i;

	for (i = 0; i < NV1; i++)
		before[i] = stat_in(out, v1[i].path);
	CHECK_INT(build(out, NULL, v2, NV1, &st), 0, "changed build commits");
	CHECK_INT(st.written, 1, "exactly one file is rewritten");
	CHECK_INT(st.created, 0, "the rewritten file is not new");
	CHECK_INT(st.kept, NV1 - 1, "the others are kept");
	CHECK(file_is(out, "kalender/a/index.html", "<p>event A</p>\n"),
	      "the changed file has its new bytes");
	for (i = 0; i < NV1; i++) {
		after = stat_in(out, v1[i].path);
		if (i == 1)
			CHECK(before[i].st_ino != after.st_ino,
			      "the changed file is a new inode");
		else
			others &= same_stamp(&before[i], &after);
	}
	CHECK(others, "unchanged files keep inode and mtime");
}

static void test_removed(const char *out)
{
	struct out_stats st;
	char *p = cat(out, "kalender/b");

	CHECK_INT(build(out, NULL, v3, NV3, &st), 0, "shrunk build commits");
	CHECK_INT(st.removed, 1, "one file is removed");
	CHECK_INT(st.written, 0, "nothing is written");
	CHECK(access(p, F_OK) != 0, "the dropped page and its folder are gone");
	free(p);
}

/* A file becomes a folder and a folder a file; counts stay exact. */
static void test_shape_change(const char *base)
{
	static const struct page before[] = {
		{ "x", "file x\n" },
		{ "y/z.html", "z\n" },
		{ "y/w.html", "w\n" },
	};
	static const struct page after[] = {
		{ "x/index.html", "file x\n" },
		{ "y", "w\n" },
	};
	char *out = cat(base, "made/by/open/out");
	struct out_stats st;

	CHECK_INT(build(out, NULL, before, 3, &st), 0,
		  "out_open creates the missing parent folders");
	CHECK_INT(build(out, NULL, after, 2, &st), 0, "reshaped build commits");
	CHECK_INT(st.written, 2, "both reshaped paths are written");
	CHECK_INT(st.created, 2, "a path whose kind changed counts as new");
	CHECK_INT(st.removed, 3, "all three old files count as removed");
	CHECK(file_is(out, "x/index.html", "file x\n") &&
		      file_is(out, "y", "w\n"),
	      "the reshaped tree has its bytes");
	free(out);
}

/* Same pages in another order: the same tree. */
static void test_order(const char *base)
{
	struct page rev[NV1];
	char *a = cat(base, "order-a"), *b = cat(base, "order-b");
	char *la, *lb;
	size_t i;

	for (i = 0; i < NV1; i++)
		rev[i] = v1[NV1 - 1 - i];
	build(a, NULL, v1, NV1, NULL);
	build(b, NULL, rev, NV1, NULL);
	la = listing(a, false);
	lb = listing(b, false);
	CHECK_STR(la, lb, "the tree does not depend on the order of writes");
	free(la);
	free(lb);
	free(a);
	free(b);
}

/* ---- a failed build leaves the old folder alone ---- */

static void test_abort(const char *base, const char *out)
{
	char *before = listing(out, true), *after;
	char *tmp = NULL;
	struct diag_ctx d;
	struct out_tree t;
	struct stat s;

	diag_init(&d);
	CHECK_INT(out_open(&t, out, NULL, &d), 0, "open for abort");
	tmp = cat(base, t.tmpname);
	s = stat_in(tmp, ".");
	CHECK_INT(s.st_mode & 07777, 0700, "the tree is private while built");
	out_write(&t, "index.html", "changed", 7);
	out_write(&t, "new/page.html", "new", 3);
	out_abort(&t);
	after = listing(out, true);
	CHECK_STR(after, before, "abort leaves the old tree byte-identical");
	CHECK(access(tmp, F_OK) != 0, "abort removes the temporary tree");
	CHECK_INT(count_temporary(base), 0,
		  "abort leaves no temporary folder");
	out_abort(&t);
	CHECK(1, "a second out_abort is harmless");
	free(before);
	free(after);
	free(tmp);
	diag_free(&d);
}

static void test_error_blocks_commit(const char *base, const char *out)
{
	char *before = listing(out, true), *after;
	struct diag_ctx d;
	struct out_tree t;

	diag_init(&d);
	out_open(&t, out, NULL, &d);
	out_write(&t, "index.html", "new bytes", 9);
	CHECK_INT(out_write(&t, "../evil", "x", 1), -1, "bad path refused");
	CHECK_INT(out_commit(&t, NULL), -1,
		  "a build with an error cannot commit");
	CHECK(t.open, "the refused tree stays open for out_abort");
	out_abort(&t);
	after = listing(out, true);
	CHECK_STR(after, before, "the old tree is untouched after an error");
	CHECK_INT(count_temporary(base), 0, "no temporary folder left");
	free(before);
	free(after);
	diag_free(&d);
}

/* RLIMIT_FSIZE makes write() fail with EFBIG, as a full disk would. */
static void test_io_error(const char *out)
{
	char *before = listing(out, true), *after;
	static char big[10000];
	struct rlimit old, small;
	struct diag_ctx d;
	struct out_tree t;
	unsigned errors;

	memset(big, 'x', sizeof(big));
	signal(SIGXFSZ, SIG_IGN);
	getrlimit(RLIMIT_FSIZE, &old);
	small = old;
	small.rlim_cur = 4096;
	diag_init(&d);
	out_open(&t, out, NULL, &d);
	setrlimit(RLIMIT_FSIZE, &small);
	CHECK_INT(out_write(&t, "big.html", big, sizeof(big)), -1,
		  "a failed write returns -1");
	errors = diag_errors(&d);
	CHECK_INT(out_write(&t, "other.html", "x", 1), -1,
		  "writes after an OS error fail");
	CHECK_INT(diag_errors(&d), errors, "... without repeating the error");
	setrlimit(RLIMIT_FSIZE, &old);
	check_message(&d, "cannot write '", "the OS error is reported");
	CHECK_INT(out_commit(&t, NULL), -1, "an OS error blocks the commit");
	out_abort(&t);
	after = listing(out, true);
	CHECK_STR(after, before, "the old tree is untouched after an OS error");
	free(before);
	free(after);
	diag_free(&d);
}

/* ---- paths ---- */

static void test_bad_paths(const char *out)
{
	static const char *const bad[] = {
		"../x", "/x", "a//b", "a/./b", "a\\b", "", "a/", ".", "..",
		"a/..", ".htaccess", ".zonesite-output", "a/.well-known/x",
		"a/.git/config", "x\ny", "tab\there",
	};
	char long_path[OUT_PATH_MAX + 2], deep[3 * OUT_MAX_DEPTH + 3];
	char long_name[OUT_NAME_MAX + 2];
	struct diag_ctx d;
	struct out_tree t;
	size_t i;
	bool all = true;

	memset(long_path, 'a', sizeof(long_path) - 1);
	long_path[sizeof(long_path) - 1] = '\0';
	memset(long_name, 'n', sizeof(long_name) - 1);
	long_name[sizeof(long_name) - 1] = '\0';
	for (i = 0; i <= OUT_MAX_DEPTH; i++)
		memcpy(deep + 2 * i, "d/", 2);
	memcpy(deep + 2 * i, "f", 2);
	diag_init(&d);
	out_open(&t, out, NULL, &d);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		unsigned e = diag_errors(&d);

		if (out_write(&t, bad[i], "x", 1) != -1 ||
		    diag_errors(&d) != e + 1) {
			printf("#   accepted: \"%s\"\n", bad[i]);
			all = false;
		}
	}
	CHECK(all, "every unsafe path is refused");
	check_message(&d, "output path '../x' would leave the output folder",
		      "refusal is D_OUT_ESCAPE");
	CHECK_INT(out_write(&t, long_path, "x", 1), -1, "too long a path");
	CHECK_INT(out_write(&t, long_name, "x", 1), -1, "too long a name");
	CHECK_INT(out_write(&t, deep, "x", 1), -1, "too deep a path");
	check_message(&d, "would leave the output folder",
		      "limits are D_OUT_ESCAPE");
	CHECK_INT(out_write(&t, ".well-known/x.txt", "x", 1), 0,
		  ".well-known at the top is allowed");
	CHECK_INT(out_write(&t, "caf\xc3\xa9/menu.html", "x", 1), 0,
		  "UTF-8 names are allowed");
	out_abort(&t);
	diag_free(&d);
}

static void test_clash(const char *out)
{
	struct diag_ctx d;
	struct out_tree t;

	diag_init(&d);
	out_open(&t, out, NULL, &d);
	CHECK_INT(out_write(&t, "a.html", "1", 1), 0, "first write");
	CHECK_INT(out_write(&t, "a.html", "2", 1), -1,
		  "second write of a path");
	check_message(&d, "two pages would be written to 'a.html'",
		      "the duplicate is D_OUT_CLASH");
	CHECK_INT(out_write(&t, "a.html/b", "1", 1), -1,
		  "a file used as folder");
	check_message(&d, "two pages would be written to 'a.html'",
		      "file then folder is D_OUT_CLASH");
	out_write(&t, "d/x.html", "1", 1);
	CHECK_INT(out_write(&t, "d", "1", 1), -1, "a folder used as file");
	check_message(&d, "two pages would be written to 'd'",
		      "folder then file is D_OUT_CLASH");
	/* An unchanged page is linked, not created: same rule. */
	CHECK_INT(out_write(&t, "index.html", "<h1>Zone</h1>\n", 14), 0,
		  "unchanged page");
	CHECK_INT(out_write(&t, "index.html", "<h1>Zone</h1>\n", 14), -1,
		  "unchanged page twice");
	check_message(&d, "two pages would be written to 'index.html'",
		      "the kept duplicate is D_OUT_CLASH");
	out_abort(&t);
	diag_free(&d);
}

/* ---- folders that must not be replaced ---- */

static void test_not_ours(const char *base)
{
	char *dir = cat(base, "notours"), *keep = cat(dir, "keep.txt");
	char *empty = cat(base, "empty"), *m = cat(empty, OUT_MARKER);
	struct diag_ctx d;
	struct out_tree t;

	mkdir_in(base, "notours");
	put_file(keep, "mine\n", 5);
	diag_init(&d);
	CHECK_INT(out_open(&t, dir, NULL, &d), -1,
		  "a foreign folder is refused");
	check_message(&d, "is not a zonesite output folder "
			  "(no .zonesite-output marker)",
		      "refusal is D_OUT_NOT_OURS");
	CHECK(file_is(dir, "keep.txt", "mine\n"),
	      "the foreign folder is untouched");
	CHECK_INT(count_prefixed(base, ".notours."), 0,
		  "no temporary folder left");
	out_abort(&t);
	mkdir_in(base, "empty");
	CHECK_INT(build(empty, NULL, v1, 1, NULL), 0,
		  "an empty folder is used");
	CHECK(access(m, F_OK) == 0, "it gets the marker");
	free(dir);
	free(keep);
	free(empty);
	free(m);
	diag_free(&d);
}

static void expect_refused(const char *outdir, const char *protect,
			   const char *want, const char *what)
{
	struct diag_ctx d;
	struct out_tree t;

	diag_init(&d);
	CHECK_INT(out_open(&t, outdir, protect, &d), -1, what);
	check_message(&d, want, "... with the reason");
	out_abort(&t);
	diag_free(&d);
}

static void test_protected(const char *base)
{
	char *site = cat(base, "site"), *content = cat(site, "content");
	char *pub = cat(site, "public"), *up = cat(content, "..");
	char *link = cat(base, "sitelink");
	struct diag_ctx d;
	struct out_tree t;

	mkdir_in(base, "site");
	mkdir_in(site, "content");
	expect_refused(site, content, "it contains the site source folder",
		       "a folder containing the source is refused");
	expect_refused(site, site, "it is the site source folder",
		       "the source folder itself is refused");
	expect_refused(up, site, "not '.' or '..'", "'..' is refused");
	if (symlink(site, link) != 0)
		die("test: symlink");
	expect_refused(link, NULL, "symbolic link",
		       "a symlinked outdir is refused");
	diag_init(&d);
	CHECK_INT(out_open(&t, pub, site, &d), 0,
		  "a folder inside the source folder is allowed");
	out_abort(&t);
	diag_free(&d);
	free(site);
	free(content);
	free(pub);
	free(up);
	free(link);
}

static void test_root_home(const char *base)
{
	char *home = cat(base, "home"), *old = getenv("HOME");
	char *saved = old ? xstrdup(old) : NULL;

	expect_refused("/", NULL, "root folder", "'/' is refused");
	mkdir_in(base, "home");
	setenv("HOME", home, 1);
	expect_refused(home, NULL, "it is your home folder",
		       "the home folder is refused");
	expect_refused(base, NULL, "it contains your home folder",
		       "a folder above home is refused");
	if (saved)
		setenv("HOME", saved, 1);
	else
		unsetenv("HOME");
	free(saved);
	free(home);
}

/* ---- symbolic links in the old tree ---- */

static void test_symlinks(const char *base, const char *out)
{
	char *outside = cat(base, "outside");
	char *secret = cat(outside, "secret.txt");
	char *docs = cat(outside, "docs"), *docfile = cat(docs, "index.html");
	char *evil = cat(out, "evil.html"), *dlink = cat(out, "docs");
	static const struct page pages[] = {
		{ "evil.html", "SECRET\n" },
		{ "docs/index.html", "DOCS\n" },
	};
	struct stat s_before, d_before, s, e;
	struct out_stats st;

	mkdir_in(base, "outside");
	mkdir_in(outside, "docs");
	put_file(secret, "SECRET\n", 7);
	put_file(docfile, "DOCS\n", 5);
	if (symlink(secret, evil) != 0 || symlink(docs, dlink) != 0)
		die("test: symlink");
	s_before = stat_in(outside, "secret.txt");
	d_before = stat_in(docs, "index.html");
	CHECK_INT(build(out, NULL, pages, 2, &st), 0, "build over symlinks");
	CHECK_INT(st.written, 2, "identical bytes behind a link are not kept");
	CHECK_INT(st.kept, 0, "nothing is linked from outside");
	e = stat_in(out, "evil.html");
	CHECK(S_ISREG(e.st_mode) && e.st_ino != s_before.st_ino,
	      "the page is a new regular file, not the link's target");
	s = stat_in(out, "docs");
	CHECK(S_ISDIR(s.st_mode), "the linked folder became a real folder");
	s = stat_in(out, "docs/index.html");
	CHECK(s.st_ino != d_before.st_ino,
	      "no file linked through a folder link");
	s = stat_in(outside, "secret.txt");
	CHECK(same_stamp(&s, &s_before) && s.st_nlink == 1 &&
	      file_is(outside, "secret.txt", "SECRET\n"),
	      "the link's target is untouched");
	s = stat_in(docs, "index.html");
	CHECK(same_stamp(&s, &d_before) && s.st_nlink == 1 &&
	      file_is(docs, "index.html", "DOCS\n"),
	      "removing the old tree did not follow the folder link");
	free(outside);
	free(secret);
	free(docs);
	free(docfile);
	free(evil);
	free(dlink);
}

/* ---- leftovers of crashed builds ---- */

static void test_leftovers(const char *base, const char *out)
{
	char *outside = cat(base, "outside");
	char *p, *keep1, *keep2, *gone1, *gone2;
	char *gone3 = cat(base, ".out.old-88888888");

	mkdir_in(base, ".out.new-99999999");
	mkdir_in(base, ".out.new-99999999/deep");
	p = cat(base, ".out.new-99999999/deep/f");
	put_file(p, "x", 1);
	free(p);
	mkdir_in(base, ".out.old-99999999");
	mkdir_in(base, ".out.new-12ab");
	mkdir_in(base, ".other.new-99999999");
	if (symlink(outside, gone3) != 0)
		die("test: symlink");
	build(out, NULL, v3, NV3, NULL);
	gone1 = cat(base, ".out.new-99999999");
	gone2 = cat(base, ".out.old-99999999");
	keep1 = cat(base, ".out.new-12ab");
	keep2 = cat(base, ".other.new-99999999");
	CHECK(access(gone1, F_OK) != 0 && access(gone2, F_OK) != 0,
	      "leftover trees of dead builds are removed");
	CHECK(faccessat(AT_FDCWD, gone3, F_OK, AT_SYMLINK_NOFOLLOW) != 0,
	      "a leftover symlink is removed");
	CHECK(file_is(outside, "secret.txt", "SECRET\n"),
	      "... without following it");
	CHECK(access(keep1, F_OK) == 0 && access(keep2, F_OK) == 0,
	      "names that are not ours are kept");
	rmdir(keep1);
	free(outside);
	free(gone1);
	free(gone2);
	free(gone3);
	free(keep1);
	free(keep2);
}

/* ---- static files and the portable swap ---- */

static void test_copy(const char *base)
{
	char *src = cat(base, "static.bin"), *missing = cat(base, "nope");
	char *fifo = cat(base, "fifo"), *out = cat(base, "copyout");
	size_t i, n = 200000;
	char *bytes = xmalloc(n);
	struct out_stats st;
	struct diag_ctx d;
	struct out_tree t;
	struct stat a, b;

	for (i = 0; i < n; i++)
		bytes[i] = (char)(i * 7 + i / 1000);
	put_file(src, bytes, n);
	diag_init(&d);
	for (i = 0; i < 3; i++) {
		if (i == 2) {
			bytes[n - 1] ^= 1;
			put_file(src, bytes, n);
		}
		out_open(&t, out, NULL, &d);
		CHECK_INT(out_copy(&t, "media/static.bin", src), 0, "out_copy");
		CHECK_INT(out_commit(&t, &st), 0, "copy build commits");
		if (i == 0)
			a = stat_in(out, "media/static.bin");
		CHECK_INT(st.written, i != 1,
			  i == 1 ? "an unchanged copy is kept"
				 : "a new or changed copy is written");
	}
	b = stat_in(out, "media/static.bin");
	CHECK(a.st_ino != b.st_ino && b.st_size == (off_t)n,
	      "the last byte's change was seen");
	out_open(&t, out, NULL, &d);
	CHECK_INT(out_copy(&t, "x", missing), -1, "a missing source");
	check_message(&d, "nope: error: cannot read: ",
		      "is a D_IO on the source");
	if (mkfifo(fifo, 0644) == 0) {
		CHECK_INT(out_copy(&t, "y", fifo), -1, "a FIFO source");
		check_message(&d, "not a regular file",
			      "is refused without hanging");
	}
	out_abort(&t);
	free(bytes);
	free(src);
	free(missing);
	free(fifo);
	free(out);
	diag_free(&d);
}

/* bytes cut into pieces at the given lengths (0: an empty piece, its
 * pointer NULL), the rest as the last piece; returns the count. */
static size_t cut(const char *bytes, size_t n, const size_t *lens,
		  size_t nlens, struct slice *v)
{
	size_t i, at = 0;

	for (i = 0; i < nlens; i++) {
		v[i] = lens[i] ? sl_make(bytes + at, lens[i]) : SL_NULL;
		at += lens[i];
	}
	v[i] = sl_make(bytes + at, n - at);
	return i + 1;
}

static void test_pieces(const char *base)
{
	/* Pieces across the 64 KiB chunks, empty ones among them. */
	static const size_t cut1[] = { 0, 10, 70000, 0, 0, 1, 65536, 3 };
	static const size_t cut2[] = { 100000, 99999 };
	char *out = cat(base, "piecesout"), *got;
	size_t i, n = 200000, nv;
	char *bytes = xmalloc(n + 1);
	struct slice v[16];
	struct out_stats st;
	struct diag_ctx d;
	struct out_tree t;
	struct stat a, b;

	for (i = 0; i < n; i++)
		bytes[i] = (char)('a' + (i * 7 + i / 1000) % 26);
	bytes[n] = '\0';
	diag_init(&d);
	for (i = 0; i < 4; i++) {
		if (i == 2)
			bytes[150000] = '!'; /* in the piece after 65536 */
		nv = i == 3 ? cut(bytes, n, cut2, 2, v)
			    : cut(bytes, n, cut1, 8, v);
		out_open(&t, out, NULL, &d);
		CHECK_INT(out_write_pieces(&t, "kalender.ics", v, nv), 0,
			  "out_write_pieces");
		CHECK_INT(out_commit(&t, &st), 0, "pieces build commits");
		b = stat_in(out, "kalender.ics");
		if (i == 0)
			a = b;
		if (i == 1)
			CHECK(a.st_ino == b.st_ino && same_stamp(&a, &b),
			      "pieces: a kept file keeps inode and mtime");
		CHECK_INT(st.written, i == 0 || i == 2,
			  i == 0 ? "pieces: a new file is written" :
			  i == 1 ? "pieces: unchanged bytes are kept" :
			  i == 2 ? "pieces: one changed byte is seen" :
				   "pieces: cut elsewhere, same bytes, kept");
	}
	got = cat(out, "kalender.ics");
	{
		char *text = get_file(got);

		CHECK(text && strcmp(text, bytes) == 0,
		      "the file holds the pieces one after the other");
		free(text);
	}
	out_open(&t, out, NULL, &d);
	CHECK_INT(out_write_pieces(&t, "../x.ics", v, nv), -1,
		  "a path outside the tree is refused");
	CHECK_INT(out_write_pieces(&t, "leeg.ics", v, 0), 0,
		  "no pieces make an empty file");
	out_abort(&t);
	free(got);
	free(bytes);
	free(out);
	diag_free(&d);
}

static void test_rename_fallback(const char *base, const char *out)
{
	struct out_stats st;
	struct diag_ctx d;
	struct out_tree t;
	size_t i;

	diag_init(&d);
	out_open(&t, out, NULL, &d);
	t.force_rename = true;
	for (i = 0; i < NV1; i++)
		out_write(&t, v1[i].path, v1[i].text, strlen(v1[i].text));
	CHECK_INT(out_commit(&t, &st), 0, "the two-rename swap commits");
	CHECK_INT(st.written, 2, "... writing the changed and the new page");
	CHECK(file_is(out, "kalender/b/index.html", "<p>event b</p>\n"),
	      "... and the new tree is in place");
	CHECK_INT(count_temporary(base), 0,
		  "... leaving nothing beside but the spare");
	diag_free(&d);
}

/* ---- the spare tree ---- */

static void rm_rf(const char *path);

/* Builds pages into out with the trees beside it; returns the counts. */
static struct out_stats build_counts(const char *out, const struct page *v,
				     size_t n)
{
	struct out_stats st;

	memset(&st, 0, sizeof(st));
	if (build(out, NULL, v, n, &st) != 0)
		printf("#   build of %s failed\n", out);
	return st;
}

/* The spare shares unchanged files with the published tree: a change
 * must never be written into a shared file. */
static void test_spare_links(const char *base)
{
	char *out = cat(base, "sp"), *spare = cat(base, ".sp.spare");
	struct stat a, b, s;
	struct out_stats st;

	build_counts(out, v1, NV1);
	CHECK(access(spare, F_OK) != 0, "a first build leaves no spare");
	build_counts(out, v1, NV1);
	s = stat_in(spare, ".");
	CHECK(S_ISDIR(s.st_mode) && (s.st_mode & 07777) == 0700,
	      "the replaced tree is kept as a private spare");
	a = stat_in(out, "kalender/a/index.html");
	b = stat_in(spare, "kalender/a/index.html");
	CHECK(a.st_ino == b.st_ino && a.st_nlink == 2,
	      "an unchanged page is one file in both trees");
	st = build_counts(out, v2, NV1);
	CHECK_INT(st.written, 1, "a recycled build rewrites the changed page");
	CHECK_INT(st.kept, NV1 - 1, "... and keeps the others");
	CHECK(file_is(out, "kalender/a/index.html", "<p>event A</p>\n"),
	      "the changed page is published");
	CHECK(file_is(spare, "kalender/a/index.html", "<p>event a</p>\n"),
	      "the file it shared with the spare is not written into");
	b = stat_in(out, "kalender/a/index.html");
	CHECK(b.st_ino != a.st_ino, "the changed page is a new file");
	a = stat_in(out, "kalender/b/index.html");
	st = build_counts(out, v2, NV1);
	CHECK_INT(st.written, 0, "an identical recycled build writes nothing");
	CHECK_INT(st.kept, NV1, "... and keeps every file");
	b = stat_in(out, "kalender/b/index.html");
	CHECK(same_stamp(&a, &b), "... with inode and mtime");
	st = build_counts(out, v3, NV3);
	CHECK_INT(st.removed, 1, "a page dropped from a recycled build is "
				 "counted as removed");
	CHECK(access(out, F_OK) == 0 && stat_in(out, "kalender/b").st_ino == 0,
	      "... and is gone with its folder");
	free(out);
	free(spare);
}

/* Whatever is in the spare is swept or replaced, never followed. */
static void test_spare_junk(const char *base)
{
	char *out = cat(base, "sj"), *spare = cat(base, ".sj.spare");
	char *ref = cat(base, "sjref"), *outside = cat(base, "sjoutside");
	char *p, *la, *lb;
	struct out_stats st;

	build_counts(out, v1, NV1);
	build_counts(out, v1, NV1);
	mkdir_in(base, "sjoutside");
	p = cat(outside, "index.html");
	put_file(p, "<p>event b</p>\n", 15);
	free(p);
	p = cat(spare, "junk.html");
	put_file(p, "junk", 4);
	free(p);
	p = cat(spare, "kalender/b");
	rm_rf(p);
	if (symlink(outside, p) != 0)
		die("test: symlink");
	free(p);
	p = cat(spare, "empty.txt");
	unlink(p);
	mkdir_in(spare, "empty.txt");
	free(p);
	st = build_counts(out, v2, NV1);
	CHECK_INT(st.written, 1, "a build over a damaged spare commits");
	build_counts(ref, v2, NV1);
	la = listing(out, false);
	lb = listing(ref, false);
	CHECK_STR(la, lb, "it publishes exactly what a fresh build does");
	free(la);
	free(lb);
	CHECK(file_is(outside, "index.html", "<p>event b</p>\n") &&
	      stat_in(outside, "index.html").st_nlink == 1,
	      "a symbolic link in the spare is not followed");
	free(out);
	free(spare);
	free(ref);
	free(outside);
}

/* A spare without our marker is not ours: left alone, not used. */
static void test_spare_foreign(const char *base)
{
	char *out = cat(base, "sf"), *spare = cat(base, ".sf.spare");
	char *p = cat(spare, "mine.txt");
	struct out_stats st;

	mkdir_in(base, ".sf.spare");
	put_file(p, "mine\n", 5);
	st = build_counts(out, v1, NV1);
	CHECK_INT(st.written, NV1, "a build beside a foreign .NAME.spare");
	st = build_counts(out, v1, NV1);
	CHECK_INT(st.kept, NV1, "... and its rebuild work");
	CHECK(file_is(spare, "mine.txt", "mine\n"),
	      "the foreign folder is left alone");
	CHECK(stat_in(out, "mine.txt").st_ino == 0,
	      "and nothing of it is published");
	free(out);
	free(spare);
	free(p);
}

/* rm -rf for the scratch folder, never following a link. */
static void rm_rf(const char *path)
{
	struct dirent **list;
	struct stat st;
	int i, n;

	if (lstat(path, &st) != 0)
		return;
	if (!S_ISDIR(st.st_mode)) {
		unlink(path);
		return;
	}
	n = scandir(path, &list, NULL, alphasort);
	for (i = 0; i < n; i++) {
		if (strcmp(list[i]->d_name, ".") &&
		    strcmp(list[i]->d_name, "..")) {
			char *p = cat(path, list[i]->d_name);

			rm_rf(p);
			free(p);
		}
		free(list[i]);
	}
	if (n >= 0)
		free(list);
	rmdir(path);
}

int main(void)
{
	char base_tpl[] = "/tmp/zs-write-XXXXXX";
	char *base = mkdtemp(base_tpl), *out;

	if (base == NULL)
		die("test: mkdtemp");
	/* A strict umask must not make the site unreadable. */
	umask(077);
	out = cat(base, "out");
	test_first_build(base, out);
	test_rebuild_keeps(out);
	test_change_one(out);
	test_removed(out);
	test_order(base);
	test_shape_change(base);
	test_abort(base, out);
	test_error_blocks_commit(base, out);
	test_io_error(out);
	test_bad_paths(out);
	test_clash(out);
	test_not_ours(base);
	test_protected(base);
	test_root_home(base);
	test_symlinks(base, out);
	test_leftovers(base, out);
	test_copy(base);
	test_pieces(base);
	test_rename_fallback(base, out);
	test_spare_links(base);
	test_spare_junk(base);
	test_spare_foreign(base);
	free(out);
	/* Kept after a failure, to look at. */
	if (check_failed == 0)
		rm_rf(base);
	else
		printf("# scratch folder kept: %s\n", base);
	return check_done();
}
