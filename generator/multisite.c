/*
 * multisite: several sites in one invocation.  See multisite.h.
 *
 * fork() rather than threads: the pipeline was written for one site per
 * process (one arena, one diagnostics context, no shared state), and a
 * child gets all of that for free, with the kernel cleaning up after it.
 * The parent only starts children, waits, and copies each child's
 * captured messages to standard error in the order the sites were given.
 */
#include "multisite.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "status.h"
#include "xalloc.h"

enum {
	MS_COPY_CHUNK = 8192,	/* bytes copied at a time from a capture */
};

/* One site of the run: its child and what it printed. */
struct job {
	const char *site;
	pid_t pid;
	FILE *out;	/* the child's stdout and stderr; NULL: not captured */
	int status;	/* exit status once done */
	int signal;	/* the signal that killed the child, or 0 */
	bool done;
};

int multisite_jobs(const char *arg)
{
	long n;
	char *end;

	if (arg == NULL) {
		n = sysconf(_SC_NPROCESSORS_ONLN);
		return n < 1 ? 1 : n > MULTISITE_MAX_JOBS ? MULTISITE_MAX_JOBS
							  : (int)n;
	}
	errno = 0;
	n = strtol(arg, &end, 10);
	if (errno || end == arg || *end || n < 1 || n > MULTISITE_MAX_JOBS)
		return -1;
	return (int)n;
}

long multisite_duplicate(const char *const *sites, size_t n)
{
	char **real = xcalloc(n + 1, sizeof(*real));
	long dup = -1;
	size_t i, j;

	for (i = 0; i < n; i++) {
		real[i] = realpath(sites[i], NULL);
		if (real[i] == NULL) /* reported by that site's own run */
			real[i] = xstrdup(sites[i]);
	}
	for (i = 1; i < n && dup < 0; i++)
		for (j = 0; j < i && dup < 0; j++)
			if (strcmp(real[i], real[j]) == 0)
				dup = (long)i;
	for (i = 0; i < n; i++)
		free(real[i]);
	free(real);
	return dup;
}

/* In the child: everything it prints goes to its capture file. */
static void capture(FILE *out)
{
	int fd = fileno(out);

	if (dup2(fd, STDOUT_FILENO) < 0 || dup2(fd, STDERR_FILENO) < 0)
		_exit(EXIT_FAILED);
	fclose(out);
}

/* Starts the child of j.  Returns 1 in the child, 0 in the parent (j is
 * then running, or done with a failure when it could not start). */
static int start(struct job *j)
{
	j->out = tmpfile();
	if (j->out == NULL)
		fprintf(stderr, "zonesite: %s: cannot capture its messages "
			"(%s); they are printed as they come\n", j->site,
			strerror(errno));
	fflush(stdout);
	fflush(stderr);
	j->pid = fork();
	if (j->pid == 0) {
		if (j->out)
			capture(j->out);
		return 1;
	}
	if (j->pid < 0) {
		fprintf(stderr, "zonesite: %s: cannot start a process: %s\n",
			j->site, strerror(errno));
		j->status = EXIT_FAILED;
		j->done = true;
	}
	return 0;
}

/* Waits for one of our running children and records its outcome.
 * Returns false when there is no child left to wait for. */
static bool reap(struct job *v, size_t n)
{
	int st;
	pid_t pid;
	size_t i;

	for (;;) {
		pid = waitpid(-1, &st, 0);
		if (pid < 0 && errno == EINTR)
			continue;
		if (pid < 0)
			return false;
		for (i = 0; i < n; i++)
			if (v[i].pid == pid && !v[i].done)
				break;
		if (i < n)
			break;
	}
	v[i].done = true;
	if (WIFEXITED(st)) {
		v[i].status = WEXITSTATUS(st);
	} else {
		v[i].signal = WIFSIGNALED(st) ? WTERMSIG(st) : 0;
		v[i].status = EXIT_FAILED;
	}
	return true;
}

static const char *outcome(const struct job *j, bool build, bool nl)
{
	switch (j->signal ? -1 : j->status) {
	case 0: return build ? (nl ? "gebouwd" : "built")
			     : (nl ? "nagekeken, geen fouten"
				   : "checked, no errors");
	case 1: return build ? (nl ? "fouten in de inhoud, niets gepubliceerd"
				   : "content errors, nothing published")
			     : (nl ? "fouten in de inhoud" : "content errors");
	case 2: return nl ? "fout gebruik" : "usage error";
	case 3: return nl ? "mislukt" : "failed";
	default: return NULL;
	}
}

/* Copies the child's messages to stderr, then its outcome line. */
static void print_job(struct job *j, bool build, bool nl)
{
	char chunk[MS_COPY_CHUNK];
	const char *what = outcome(j, build, nl);
	size_t got;

	if (j->out) {
		rewind(j->out);
		while ((got = fread(chunk, 1, sizeof(chunk), j->out)) > 0)
			fwrite(chunk, 1, got, stderr);
		fclose(j->out);
		j->out = NULL;
	}
	if (j->signal)
		fprintf(stderr, nl ? "zonesite: %s: gestopt door signaal %d\n"
			: "zonesite: %s: killed by signal %d\n", j->site,
			j->signal);
	else if (what)
		fprintf(stderr, "zonesite: %s: %s\n", j->site, what);
	else
		fprintf(stderr, nl ? "zonesite: %s: afsluitstatus %d\n"
			: "zonesite: %s: exit status %d\n", j->site,
			j->status);
	fflush(stderr);
}

/* In a new child: forget the parent's bookkeeping. */
static void leave_parent(struct job *v, size_t upto)
{
	size_t i;

	for (i = 0; i < upto; i++)
		if (v[i].out)
			fclose(v[i].out);
	free(v);
}

static int summary(const struct job *v, size_t n, bool build, bool nl)
{
	size_t i, good = 0;
	int worst = 0;

	for (i = 0; i < n; i++) {
		good += v[i].status == 0;
		if (v[i].status > worst)
			worst = v[i].status;
	}
	if (nl)
		fprintf(stderr, "zonesite: %zu sites: %zu %s, %zu met fouten\n",
			n, good, build ? "gebouwd" : "zonder fouten", n - good);
	else
		fprintf(stderr, "zonesite: %zu sites: %zu %s, %zu with errors\n",
			n, good, build ? "built" : "without errors", n - good);
	return worst;
}

int multisite_run(const char *const *sites, size_t n, int jobs,
		  const char *command, bool dutch, const char **site)
{
	struct job *v = xcalloc(n + 1, sizeof(*v));
	bool build = strcmp(command, "build") == 0;
	size_t started = 0, running = 0, printed = 0, i;
	int worst;

	for (i = 0; i < n; i++)
		v[i].site = sites[i];
	while (printed < n) {
		while (started < n && running < (size_t)jobs) {
			if (start(&v[started])) {
				*site = sites[started];
				leave_parent(v, started);
				return -1;
			}
			running += !v[started].done;
			started++;
		}
		while (printed < n && v[printed].done)
			print_job(&v[printed++], build, dutch);
		if (printed < n && running > 0) {
			if (!reap(v, n))
				die("multisite: lost track of the children");
			running--;
		}
	}
	worst = summary(v, n, build, dutch);
	free(v);
	return worst;
}
