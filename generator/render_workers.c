/*
 * render_workers: rendering a big site on every processor.
 *
 * Rendering and writing pages is most of a build, and pages do not depend
 * on each other, so a large site is rendered by several processes forked
 * from one: the model is shared copy-on-write, and no page needs a lock.
 * Each process renders the units (render_int.h) that fall to it and
 * writes them into the one new output tree.  A child then hands the
 * parent what the rest of the build needs from its pages: the messages it
 * reported, the paths it wrote (for clashes and the sweep before the
 * commit), the ledger's pages and referrer links, the sitemap entries and
 * the page count; the parent merges them and goes on alone (sitemap,
 * ledger check, commit).  Messages and referrers are numbered by unit, so
 * the result is the same bytes and the same messages as one process would
 * give (tests/suites/workers.sh compares them).
 *
 * The children start only once all of them exist: each waits for one
 * byte on its own pipe, and if a fork fails the parent closes those pipes
 * and renders alone, so no worker ever writes for a team that is not
 * complete.  A child that dies or hands over a damaged message is an
 * error: the tree is not committed.
 */
#include "render_int.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "fdio.h"
#include "ledger.h"
#include "wire.h"
#include "xalloc.h"

/* What a child's message starts with, to catch a stray write. */
#define TEAM_MAGIC 0x7a6f6e6573697465ULL /* "zonesite" */

struct render_team {
	unsigned n;                   /* workers, the parent included */
	pid_t pid[RENDER_WORKERS_MAX];
	int from[RENDER_WORKERS_MAX]; /* parent: each child's results */
	int to;                       /* child: where its results go */
	/* What the parent held at the fork: a child hands over only what
	 * came after. */
	size_t ndiag, nsources, nsitemap;
	unsigned long pages;
	struct out_mark out;
	struct ledger_mark ledger;
};

static unsigned workers_wanted(const struct render *r)
{
	long cpus;

	if (r->b->jobs)
		return r->b->jobs < RENDER_WORKERS_MAX ? r->b->jobs
						       : RENDER_WORKERS_MAX;
	if (site_items(r->s) < RENDER_PARALLEL_MIN_ITEMS)
		return 1;
	cpus = sysconf(_SC_NPROCESSORS_ONLN);
	if (cpus < 1)
		return 1;
	return cpus < RENDER_WORKERS_MAX ? (unsigned)cpus : RENDER_WORKERS_MAX;
}

/* A child: waits for the parent's go (one byte, the team's size). */
static bool wait_for_go(int fd, unsigned *n)
{
	unsigned char c;
	ssize_t got;

	do
		got = read(fd, &c, 1);
	while (got < 0 && errno == EINTR);
	close(fd);
	if (got != 1 || c < 2 || c > RENDER_WORKERS_MAX)
		return false;
	*n = c;
	return true;
}

static void mark(struct render *r, struct render_team *t)
{
	t->ndiag = r->b->diag.n;
	t->nsources = r->b->diag.nsources;
	t->nsitemap = r->nsitemap;
	t->pages = r->b->pages;
	out_mark(&r->out, &t->out);
	ledger_mark(r->ledger, &t->ledger);
}

/* pipe2 is not in C11's POSIX view of the headers. */
static int cloexec_pipe(int fd[2])
{
	if (pipe(fd) != 0)
		return -1;
	if (fcntl(fd[0], F_SETFD, FD_CLOEXEC) == 0 &&
	    fcntl(fd[1], F_SETFD, FD_CLOEXEC) == 0)
		return 0;
	close(fd[0]);
	close(fd[1]);
	return -1;
}

/* Forks n - 1 children.  Returns w > 0 in child w (its start pipe in
 * *start), 0 in the parent once all exist, and -1 in the parent when one
 * could not be made: those made so far are told to leave and reaped. */
static int spawn(struct render_team *t, unsigned n, int *go, int *start)
{
	unsigned w, i;

	for (w = 1; w < n; w++) {
		int res[2], st[2];

		if (cloexec_pipe(res) != 0)
			break;
		if (cloexec_pipe(st) != 0) {
			close(res[0]);
			close(res[1]);
			break;
		}
		t->pid[w] = fork();
		if (t->pid[w] == 0) {
			for (i = 1; i < w; i++) {
				close(t->from[i]);
				close(go[i]);
			}
			close(res[0]);
			close(st[1]);
			t->to = res[1];
			*start = st[0];
			return (int)w;
		}
		close(res[1]);
		close(st[0]);
		if (t->pid[w] < 0) {
			close(res[0]);
			close(st[1]);
			break;
		}
		t->from[w] = res[0];
		go[w] = st[1];
	}
	if (w == n)
		return 0;
	for (i = 1; i < w; i++) {
		close(go[i]); /* the child reads EOF and leaves */
		close(t->from[i]);
		waitpid(t->pid[i], NULL, 0);
	}
	return -1;
}

struct render_team *render_fork(struct render *r)
{
	unsigned n = workers_wanted(r), w, told;
	int go[RENDER_WORKERS_MAX], start = -1, me;
	struct render_team *t;

	if (n < 2)
		return NULL;
	t = xcalloc(1, sizeof(*t));
	mark(r, t);
	fflush(NULL);
	me = spawn(t, n, go, &start);
	if (me > 0) {
		if (!wait_for_go(start, &told) || told != n)
			_exit(0); /* the parent renders alone */
		r->units.worker = (unsigned)me;
	} else if (me < 0) {
		free(t);
		return NULL;
	} else {
		for (w = 1; w < n; w++) {
			unsigned char c = (unsigned char)n;

			/* A child that misses its byte leaves without
			 * results, which its join reports. */
			(void)fd_write_all(go[w], &c, 1);
			close(go[w]);
		}
		r->units.worker = 0;
	}
	t->n = n;
	r->units.nworkers = n;
	return t;
}

/* ---- handing over ---- */

static void child_finish(struct render *r, struct render_team *t)
{
	struct buf msg = BUF_INIT;
	size_t i;
	bool ok;

	wire_put_u64(&msg, TEAM_MAGIC);
	diag_export(&r->b->diag, t->ndiag, t->nsources, &msg);
	wire_put_u64(&msg, r->writing);
	if (r->writing)
		out_export(&r->out, &t->out, &msg);
	wire_put_u64(&msg, r->ledger != NULL);
	ledger_export(r->ledger, &t->ledger, &msg);
	wire_put_u64(&msg, r->nsitemap - t->nsitemap);
	for (i = t->nsitemap; i < r->nsitemap; i++)
		wire_put_str(&msg, r->sitemap[i], strlen(r->sitemap[i]));
	wire_put_u64(&msg, r->b->pages - t->pages);
	wire_put_u64(&msg, TEAM_MAGIC);
	ok = fd_write_all(t->to, msg.ptr, msg.len) == 0;
	/* Nothing of the parent's (stdio buffers, atexit, the tree) is
	 * the child's to finish. */
	_exit(ok ? 0 : 1);
}

static bool merge(struct render *r, struct render_team *t, struct wire *in)
{
	uint64_t n, i;

	if (wire_u64(in) != TEAM_MAGIC ||
	    diag_import(&r->b->diag, t->ndiag, t->nsources, in,
			&r->b->arena) != 0)
		return false;
	if (wire_u64(in) != (uint64_t)r->writing ||
	    (r->writing && out_import(&r->out, in) != 0))
		return false;
	if (wire_u64(in) != (r->ledger != NULL) ||
	    ledger_import(r->ledger, in) != 0)
		return false;
	n = wire_u64(in);
	for (i = 0; !in->bad && i < n; i++) {
		size_t len;
		const char *p = wire_str(in, &len);
		char *c;

		if (p == NULL)
			return false;
		c = xstrndup(p, len);
		sitemap_add(r, c);
		free(c);
	}
	r->b->pages += (unsigned long)wire_u64(in);
	return wire_u64(in) == TEAM_MAGIC && !in->bad && in->p == in->end;
}

static void join_child(struct render *r, struct render_team *t, unsigned w)
{
	struct buf msg = BUF_INIT, why = BUF_INIT;
	struct diag_ctx *d = &r->b->diag;
	struct wire in;
	bool got = fd_read_all(t->from[w], &msg) == 0;
	int status = 0;

	close(t->from[w]);
	while (waitpid(t->pid[w], &status, 0) < 0 && errno == EINTR)
		;
	in.p = msg.ptr;
	in.end = msg.ptr + msg.len;
	in.bad = false;
	if (WIFSIGNALED(status))
		buf_printf(&why, diag_tr(d, "signal %d", "signaal %d"),
			   WTERMSIG(status));
	else if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
		buf_printf(&why, diag_tr(d, "exit status %d",
					 "afsluitstatus %d"),
			   WEXITSTATUS(status));
	else if (!got || !merge(r, t, &in))
		buf_puts(&why, diag_tr(d, "its results are incomplete",
				       "zijn resultaten zijn onvolledig"));
	if (why.len)
		diag(d, D_RENDER_WORKER, NULL, (struct pos){ 0, 0 }, why.ptr);
	buf_free(&why);
	buf_free(&msg);
}

void render_join(struct render *r, struct render_team *t)
{
	unsigned w;

	if (t == NULL)
		return;
	if (r->units.worker != 0)
		child_finish(r, t);
	for (w = 1; w < t->n; w++)
		join_child(r, t, w);
	r->units.nworkers = 1;
	r->units.worker = 0;
	free(t);
}
