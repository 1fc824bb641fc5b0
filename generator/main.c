/*
 * main: the zonesite command line.
 *
 *   zonesite build [-C SITE] [-o OUT] [--now YYYY-MM-DD] [--edition E]
 *   zonesite check [-C SITE] [--now YYYY-MM-DD] [--edition E]
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

#include "build.h"
#include "civil.h"
#include "fuzzydate.h"
#include "load.h"
#include "model.h"
#include "render.h"
#include "xalloc.h"

#ifndef ZONESITE_VERSION
#define ZONESITE_VERSION "0.1.0"
#endif

enum { EXIT_CONTENT = 1, EXIT_USAGE = 2 };

static const char usage_text[] =
	"usage: zonesite build [-C SITE] [-o OUT] [--now YYYY-MM-DD] "
	"[--edition public|partners|internal]\n"
	"       zonesite check [-C SITE] [--now YYYY-MM-DD] "
	"[--edition public|partners|internal]\n"
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
	"\n"
	"options:\n"
	"  -C SITE          the site folder (default: .)\n"
	"  -o OUT           the output folder (default: SITE/public)\n"
	"  --now DATE       today, for upcoming and past items (default:\n"
	"                   SOURCE_DATE_EPOCH, else the clock)\n"
	"  --edition E      public (default), partners or internal\n"
	"\n"
	"exit status: 0 built, 1 content errors, 2 usage errors, 3 failure\n";

struct options {
	const char *command, *site, *out, *now, *edition;
};

static int usage_error(const char *fmt, const char *arg)
{
	fputs("zonesite: ", stderr);
	fprintf(stderr, fmt, arg);
	fputc('\n', stderr);
	fputs(usage_text, stderr);
	return EXIT_USAGE;
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
	}
	if (o->command == NULL)
		return usage_error("%s", "no command given");
	if (strcmp(o->command, "build") && strcmp(o->command, "check"))
		return usage_error("unknown command '%s'", o->command);
	return -1;
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

static void report(struct build *b)
{
	diag_flush(&b->diag, stderr);
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

int main(int argc, char **argv)
{
	struct options o = { 0 };
	struct build b;
	char *out = NULL;
	int rc;

	rc = parse_args(argc, argv, &o);
	if (rc >= 0)
		return rc;
	memset(&b, 0, sizeof(b));
	diag_init(&b.diag);
	b.site_dir = o.site ? o.site : ".";
	b.out_dir = o.out ? o.out : (out = default_out(b.site_dir));
	b.check_only = !strcmp(o.command, "check");
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
	rc = run(&b);
	model_free(&b.site);
	build_free(&b);
	free(out);
	return rc;
}
