/*
 * main: the zonesite command line.
 *
 *   zonesite build [-C SITE] [-o OUT] [--now YYYY-MM-DD] [--edition E]
 *   zonesite check [-C SITE] [--now YYYY-MM-DD] [--edition E]
 *   zonesite report [-C SITE] [--now YYYY-MM-DD] [--plan YYYY] [--format F]
 *   zonesite build|check [-j N] -C SITE -C SITE ...   (multisite.h)
 *
 * Runs the pipeline stages in order (load, model, render, write) with one
 * build context, prints the collected diagnostics sorted, and exits with
 * 0 (built, maybe with warnings), 1 (content errors: nothing published),
 * 2 (usage errors) or 3 (the generator itself failed).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "buf.h"
#include "build.h"
#include "civil.h"
#include "fuzzydate.h"
#include "labels.h"
#include "load.h"
#include "model.h"
#include "multisite.h"
#include "partner_refs.h"
#include "render.h"
#include "report.h"
#include "schema.h"
#include "xalloc.h"

#ifndef ZONESITE_VERSION
#define ZONESITE_VERSION "0.1.0"
#endif

enum { EXIT_CONTENT = 1, EXIT_USAGE = 2, EXIT_FAILED = 3 };

static const char usage_text[] =
	"usage: zonesite build [-C SITE] [-o OUT] [--now YYYY-MM-DD] "
	"[--edition public|partners|internal]\n"
	"       zonesite check [-C SITE] [--now YYYY-MM-DD] "
	"[--edition public|partners|internal]\n"
	"       zonesite report [-C SITE] [--now YYYY-MM-DD] [--plan YYYY] "
	"[--format md|csv]\n"
	"       zonesite build|check [-j N] -C SITE -C SITE ... [--now YYYY-MM-DD] "
	"[--edition E]\n"
	"       zonesite --help | --version\n";

static const char help_text[] =
	"\n"
	"Builds the website of a primary-care zone from Markdown files with\n"
	"YAML front matter (site.yaml, actions/, events/, newsletters/,\n"
	"partners/, services/, pages/, static/).\n"
	"\n"
	"commands:\n"
	"  build    check the site and write it to OUT; the previous OUT is\n"
	"           replaced only when the whole build succeeds\n"
	"  check    check the site, write nothing\n"
	"  report   check the site, then print the plan report (planned and\n"
	"           held events per action, measured indicators, late\n"
	"           milestones, placeholders, stale partners and services)\n"
	"\n"
	"options:\n"
	"  -C SITE          the site folder (default: .); given more than\n"
	"                   once, each site is built into SITE/public\n"
	"  -j N             with several sites: build N at a time (default:\n"
	"                   the number of processors)\n"
	"  -o OUT           the output folder (default: SITE/public)\n"
	"  --now DATE       today, for upcoming and past items (default:\n"
	"                   SOURCE_DATE_EPOCH, else the clock)\n"
	"  --edition E      public (default), partners or internal\n"
	"  --plan YYYY      report: the plan year (default: the plan shown\n"
	"                   at /acties/, the one of today's year if any)\n"
	"  --format F       report: md (Markdown, default) or csv\n"
	"\n"
	"exit status: 0 built, 1 content errors, 2 usage errors, 3 failure\n";

struct options {
	const char *command, *site, *out, *now, *edition;
	const char *format, *plan; /* report only */
	int plan_year;             /* --plan, parsed; 0 without it */
	const char *jobs;          /* -j, for several sites */
	const char *sites[MULTISITE_MAX_SITES]; /* every -C, in order */
	size_t nsites;
};

static int usage_error(const char *fmt, const char *arg)
{
	fputs("zonesite: ", stderr);
	fprintf(stderr, fmt, arg);
	fputc('\n', stderr);
	fputs(usage_text, stderr);
	return EXIT_USAGE;
}

/* --plan: a plan year, as plan: takes it in a fiche. */
static int parse_plan(const char *s, int *year)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (errno || *end || end == s || v < 2000 || v > 2100)
		return -1;
	*year = (int)v;
	return 0;
}

/* The report always covers everything (the internal edition) and writes
 * to standard output; its own options mean nothing to build and check. */
static int check_report_args(struct options *o)
{
	bool report = !strcmp(o->command, "report");

	if (report && o->out)
		return usage_error("%s", "report writes to standard output; "
				   "it takes no -o");
	if (report && o->edition)
		return usage_error("%s", "report covers every item (the "
				   "internal edition); it takes no --edition");
	if (!report && (o->format || o->plan))
		return usage_error("'%s' is an option of report only",
				   o->format ? "--format" : "--plan");
	if (o->format && strcmp(o->format, "md") && strcmp(o->format, "csv"))
		return usage_error("unknown report format '%s': use md or csv",
				   o->format);
	if (o->plan && parse_plan(o->plan, &o->plan_year))
		return usage_error("--plan takes a plan year, YYYY, not '%s'",
				   o->plan);
	return -1;
}

/* Returns -1 to go on, else the exit status. */
static int parse_args(int argc, char **argv, struct options *o)
{
	int i;

	for (i = 1; i < argc; i++) {
		const char *a = argv[i];
		const char **slot = NULL;

		if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
			fputs(usage_text, stdout);
			fputs(help_text, stdout);
			return 0;
		}
		if (!strcmp(a, "--version")) {
			puts("zonesite " ZONESITE_VERSION);
			return 0;
		}
		if (!strcmp(a, "-C"))
			slot = &o->site;
		else if (!strcmp(a, "-o"))
			slot = &o->out;
		else if (!strcmp(a, "--now"))
			slot = &o->now;
		else if (!strcmp(a, "--edition"))
			slot = &o->edition;
		else if (!strcmp(a, "--format"))
			slot = &o->format;
		else if (!strcmp(a, "--plan"))
			slot = &o->plan;
		else if (!strcmp(a, "-j") || !strcmp(a, "--jobs"))
			slot = &o->jobs;
		else if (a[0] == '-')
			return usage_error("unknown option '%s'", a);
		else if (o->command == NULL)
			o->command = a;
		else
			return usage_error("unexpected argument '%s'", a);
		if (slot) {
			if (++i == argc)
				return usage_error("'%s' needs a value", a);
			*slot = argv[i];
		}
		if (slot == &o->site && o->nsites == MULTISITE_MAX_SITES)
			return usage_error("more than %s sites in one run",
					   MULTISITE_MAX_SITES_TEXT);
		if (slot == &o->site)
			o->sites[o->nsites++] = argv[i];
	}
	if (o->command == NULL)
		return usage_error("%s", "no command given");
	if (strcmp(o->command, "build") && strcmp(o->command, "check") &&
	    strcmp(o->command, "report"))
		return usage_error("unknown command '%s'", o->command);
	return check_report_args(o);
}

static int parse_edition(const char *s, enum edition *e)
{
	static const char *const names[] = { "public", "partners", "internal" };
	int i;

	for (i = 0; i < 3; i++)
		if (!strcmp(s, names[i])) {
			*e = (enum edition)i;
			return 0;
		}
	return -1;
}

/* "Now" decides what is upcoming; it comes from --now or
 * SOURCE_DATE_EPOCH so that a build can be repeated byte for byte. */
static int parse_now(const char *now, struct build *b)
{
	const char *epoch = getenv("SOURCE_DATE_EPOCH");
	struct fuzzydate fd;
	struct fd_status st;
	int64_t utc;
	int offset;

	if (now) {
		if (!fuzzydate_parse(sl_cstr(now), NULL, &fd, &st, NULL) ||
		    fd.prec != FD_DAY)
			return -1;
		b->now_day = fd.first_day;
		brussels_to_utc(fd.first_day * CIVIL_SECONDS_PER_DAY, &utc);
		b->now_utc = utc;
		return 0;
	}
	if (epoch && *epoch) {
		char *end;

		errno = 0;
		utc = strtoll(epoch, &end, 10);
		if (errno || *end)
			return -2;
	} else {
		utc = (int64_t)time(NULL);
	}
	b->now_utc = utc;
	b->now_day = civil_floor_div(brussels_from_utc(utc, &offset),
				     CIVIL_SECONDS_PER_DAY);
	return 0;
}

static char *default_out(const char *site)
{
	size_t n = strlen(site) + sizeof("/public");
	char *p = xmalloc(n);

	snprintf(p, n, "%s/public", site);
	return p;
}

/* One line of the build summary: the partners nothing refers to, so the
 * directory can be weeded.  Only for a site that built. */
static void report_unreferenced(struct build *b)
{
	struct buf ids = BUF_INIT;
	size_t n;

	if (b->site.config_src == NULL || b->diag.counts[DL_ERROR])
		return;
	n = partner_refs_unreferenced(&b->site, &ids);
	if (n)
		fprintf(stderr, "zonesite: %zu partner%s not referred to anywhere: %s\n",
			n, n == 1 ? "" : "s", ids.ptr);
	buf_free(&ids);
}

/* One line of the build summary: the placeholder fiches this edition
 * leaves out, so nobody wonders where they went. */
static void report_placeholders(struct build *b)
{
	static const char *const names[] = { "public", "partners", "internal" };
	const struct kind_table *t = &b->site.kinds[K_ACTION];
	struct buf ids = BUF_INIT;
	size_t i, n = 0;

	for (i = 0; i < t->n; i++) {
		const struct action *a = (const struct action *)t->v[i];

		if (a->status.v != AS_PLACEHOLDER || a->it.published)
			continue;
		buf_printf(&ids, "%s%.*s", n++ ? ", " : "", SL_FMT(a->it.id));
	}
	if (n)
		fprintf(stderr, "zonesite: %zu placeholder fiche%s left out of "
			"the %s edition: %s\n", n, n == 1 ? "" : "s",
			names[b->edition], ids.ptr);
	buf_free(&ids);
}

/* The build summary, printed after the diagnostics of a site that
 * built: one line per kind of finding.  Add new lines here. */
static void build_summary(struct build *b)
{
	if (b->site.config_src == NULL || b->diag.counts[DL_ERROR])
		return;
	report_unreferenced(b);
	report_placeholders(b);
}

static void report(struct build *b)
{
	diag_flush(&b->diag, stderr);
	build_summary(b);
	if (b->diag.counts[DL_ERROR] || b->diag.counts[DL_WARNING])
		fprintf(stderr, "zonesite: %u error%s, %u warning%s\n",
			b->diag.counts[DL_ERROR],
			b->diag.counts[DL_ERROR] == 1 ? "" : "s",
			b->diag.counts[DL_WARNING],
			b->diag.counts[DL_WARNING] == 1 ? "" : "s");
}

static int run(struct build *b)
{
	if (load_site(b) == 0 || b->site.config_src)
		model_build(b);
	if (diag_errors(&b->diag) == 0)
		render_site(b);
	else if (b->site.config_src && !b->site.config_broken)
		render_check_links(b);
	report(b);
	return diag_errors(&b->diag) ? EXIT_CONTENT : 0;
}

/* `zonesite report`: load and check as `check` does (exit 1 on content
 * errors, with nothing on standard output), then the report of one plan
 * year on standard output. */
static int run_report(struct build *b, const struct options *o, int year)
{
	struct plan_report rep;
	struct labels l;
	struct buf text = BUF_INIT;
	int rc = 0;

	if (load_site(b) == 0 || b->site.config_src)
		model_build(b);
	if (diag_errors(&b->diag)) {
		report(b);
		return EXIT_CONTENT;
	}
	if (year == 0)
		year = plan_year_current(&b->site, b->now_day);
	report_build(&rep, &b->site, year, b->now_day);
	labels_defaults(&l);
	report_write(&rep, &b->site, &l, o->format && !strcmp(o->format,
		     "csv") ? REPORT_CSV : REPORT_MD, &text);
	report(b);
	if (fwrite(text.ptr, 1, text.len, stdout) != text.len ||
	    fflush(stdout) != 0) {
		fprintf(stderr, "zonesite: cannot write the report: %s\n",
			strerror(errno));
		rc = EXIT_FAILED;
	}
	report_free(&rep);
	buf_free(&text);
	return rc;
}

/* Several -C: each site in a child process (multisite.h).  Returns the
 * combined exit status in the parent; -1 in a child, whose o->site is
 * then its one site. */
static int run_sites(struct options *o)
{
	int jobs = multisite_jobs(o->jobs);
	long dup;

	if (jobs < 0)
		return usage_error("-j takes a number of jobs from 1 to %s",
				   MULTISITE_MAX_JOBS_TEXT);
	if (o->nsites < 2)
		return -1;
	if (strcmp(o->command, "build") && strcmp(o->command, "check"))
		return usage_error("only build and check take several sites, "
				   "not %s", o->command);
	if (o->out)
		return usage_error("%s", "-o names one output folder; with "
				   "several sites each is built into SITE/public");
	dup = multisite_duplicate(o->sites, o->nsites);
	if (dup >= 0)
		return usage_error("site '%s' is given twice",
				   o->sites[dup]);
	return multisite_run(o->sites, o->nsites, jobs, o->command, &o->site);
}

int main(int argc, char **argv)
{
	struct options o = { 0 };
	struct build b;
	char *out = NULL;
	int rc;

	rc = parse_args(argc, argv, &o);
	if (rc < 0)
		rc = run_sites(&o);
	if (rc >= 0)
		return rc;
	memset(&b, 0, sizeof(b));
	diag_init(&b.diag);
	b.site_dir = o.site ? o.site : ".";
	b.out_dir = o.out ? o.out : (out = default_out(b.site_dir));
	b.check_only = strcmp(o.command, "build") != 0;
	b.argv0 = argv[0];
	if (o.edition && parse_edition(o.edition, &b.edition))
		return usage_error("unknown edition '%s': use public, "
				   "partners or internal", o.edition);
	rc = parse_now(o.now, &b);
	if (rc == -1)
		return usage_error("--now takes a day, YYYY-MM-DD, not '%s'",
				   o.now);
	if (rc == -2)
		return usage_error("SOURCE_DATE_EPOCH must be seconds, not "
				   "'%s'", getenv("SOURCE_DATE_EPOCH"));
	if (!strcmp(o.command, "report")) {
		b.edition = ED_INTERNAL;
		rc = run_report(&b, &o, o.plan_year);
	} else {
		rc = run(&b);
	}
	model_free(&b.site);
	build_free(&b);
	free(out);
	return rc;
}
