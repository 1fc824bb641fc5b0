/*
 * multisite: several sites in one invocation, one child process each.
 *
 *   zonesite build -j 2 -C zone-a -C zone-b -C zone-c
 *
 * One engine serves many zones: the sites are built (or checked) in
 * parallel, at most `jobs` at a time, each by a forked child that runs the
 * ordinary one-site pipeline on its own folder, so one site cannot disturb
 * another's memory, diagnostics or output, and a crash stays in its child.
 * A child's standard output and error go to a private temporary file; the
 * parent prints each site's messages as one block, in the order the sites
 * were given (not the order they finish), followed by one line naming the
 * site and its outcome, so the output of a run is the same however the
 * work was scheduled.  The exit status is the worst of all sites':
 * 3 (failure, or a child killed by a signal) over 2 over 1 over 0.
 */
#ifndef ZS_MULTISITE_H
#define ZS_MULTISITE_H

#include <stdbool.h>
#include <stddef.h>

/* Bounds of -j (the default is the number of online processors) and of
 * the number of sites in one run; the _TEXT forms are for messages. */
enum { MULTISITE_MAX_JOBS = 64, MULTISITE_MAX_SITES = 1024 };
#define MULTISITE_MAX_JOBS_TEXT "64"
#define MULTISITE_MAX_SITES_TEXT "1024"

/* The number of jobs -j asks for, or the default for NULL; -1 when the
 * text is not a number in 1..MULTISITE_MAX_JOBS. */
int multisite_jobs(const char *arg);

/*
 * Runs sites[0..n) with at most jobs children at once.  In each child it
 * returns -1 with *site set to that child's site, and the caller goes on
 * with the one-site pipeline (its exit status is the site's outcome).  In
 * the parent it returns the combined exit status once every child ended.
 * command ("build" or "check") only words the outcome lines, in Dutch
 * when dutch is true (--lang; the sites' own settings are not read here).
 */
int multisite_run(const char *const *sites, size_t n, int jobs,
		  const char *command, bool dutch, const char **site);

/* The index of a site given twice (same folder, however written), or -1;
 * two builds of one site at once would fight over its output. */
long multisite_duplicate(const char *const *sites, size_t n);

#endif
