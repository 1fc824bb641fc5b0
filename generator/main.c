/*
 * main: the zonesite command line.
 *
 *   zonesite build [-C SITE] [-o OUT] [--now YYYY-MM-DD] [--edition E]
 *   zonesite check [-C SITE] [--now YYYY-MM-DD] [--edition E]
 *   zonesite report [-C SITE] [--now YYYY-MM-DD] [--plan YYYY] [--format F]
 *   zonesite build|check [-j N] -C SITE -C SITE ...   (multisite.h)
 *   zonesite publish [-C SITE] [-o OUT] [--now YYYY-MM-DD]   (publish.h)
 *   zonesite new KIND "Titel" [-C SITE] [--now YYYY-MM-DD]   (scaffold.h)
 *   zonesite build --live-reload ...   (a preview for zonesite-serve)
 *   any of them with --lang nl|en (messages; default: site.yaml's
 *   `messages:`, else Dutch) and -v (progress even when not on a terminal)
 *
 * Runs the pipeline stages in order (load, model, render, write) with one
 * build context, prints the collected diagnostics sorted, and exits with
 * 0 (built, maybe with warnings), 1 (content errors: nothing published),
 * 2 (usage errors) or 3 (the generator itself failed).
 */
#include <errno.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
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
#include "pipeline.h"
#include "publish.h"
#include "render.h"
#include "report.h"
#include "scaffold.h"
#include "schema.h"
#include "status.h"
#include "xalloc.h"

#ifndef ZONESITE_VERSION
#define ZONESITE_VERSION "0.1.0"
#endif


/* The texts come in English and Dutch, indexed by enum diag_lang. */
static const char *const usage_texts[LANG__COUNT] = {
[LANG_EN] =
	"usage: zonesite build [-C SITE] [-o OUT] [-j N] [--now YYYY-MM-DD] "
	"[--edition public|partners|internal]\n"
	"       zonesite check [-C SITE] [-j N] [--now YYYY-MM-DD] "
	"[--edition public|partners|internal]\n"
	"       zonesite report [-C SITE] [--now YYYY-MM-DD] [--plan YYYY] "
	"[--format md|csv]\n"
	"       zonesite build|check [-j N] -C SITE -C SITE ... [--now YYYY-MM-DD] "
	"[--edition E]\n"
	"       zonesite publish [-C SITE] [-o OUT] [--now YYYY-MM-DD]\n"
	"       zonesite new action|event|newsletter|partner|service|page "
	"TITLE [-C SITE] [--now YYYY-MM-DD]\n"
	"       zonesite --help | --version\n"
	"       (every command also takes --lang nl|en and -v)\n",
[LANG_NL] =
	"gebruik: zonesite build [-C SITE] [-o UITVOER] [-j N] [--now JJJJ-MM-DD] "
	"[--edition public|partners|internal]\n"
	"         zonesite check [-C SITE] [-j N] [--now JJJJ-MM-DD] "
	"[--edition public|partners|internal]\n"
	"         zonesite report [-C SITE] [--now JJJJ-MM-DD] [--plan JJJJ] "
	"[--format md|csv]\n"
	"         zonesite build|check [-j N] -C SITE -C SITE ... "
	"[--now JJJJ-MM-DD] [--edition E]\n"
	"         zonesite publish [-C SITE] [-o UITVOER] [--now JJJJ-MM-DD]\n"
	"         zonesite new action|event|newsletter|partner|service|page "
	"TITEL [-C SITE] [--now JJJJ-MM-DD]\n"
	"         zonesite --help | --version\n"
	"         (elke opdracht neemt ook --lang nl|en en -v)\n",
};

static const char *const help_texts[LANG__COUNT] = {
[LANG_EN] =
	"\n"
	"Builds the website of a primary-care zone from Markdown files with\n"
	"YAML front matter (site.yaml, actions/, events/, newsletters/,\n"
	"partners/, services/, pages/, static/).\n"
	"\n"
	"commands:\n"
	"  build    check the site and write it to OUT; the previous OUT is\n"
	"           replaced only when the whole build succeeds\n"
	"  check    check the site, write nothing; then a summary: counts\n"
	"           per kind, warnings by file and for each error its fix\n"
	"  report   check the site, then print the plan report (planned and\n"
	"           held events per action, measured indicators, late\n"
	"           milestones, placeholders, stale partners and services)\n"
	"  publish  build the public edition as build does, then, only if\n"
	"           it succeeded, rsync OUT to site.yaml's publish: target\n"
	"  new      write SITE/FOLDER/ID.md for a new item titled TITLE\n"
	"           (ID: the title as a slug), every key with a comment;\n"
	"           never replaces a file; prints the path\n"
	"\n"
	"options:\n"
	"  -C SITE          the site folder (default: .); given more than\n"
	"                   once, each site is built into SITE/public\n"
	"  -j N             with several sites: build N at a time; with one:\n"
	"                   render its pages in N processes (default: the\n"
	"                   number of processors, for one site only from\n"
	"                   2000 items)\n"
	"  -o OUT           the output folder (default: SITE/public)\n"
	"  --now DATE       today, for upcoming and past items (default:\n"
	"                   SOURCE_DATE_EPOCH, else the clock)\n"
	"  --edition E      public (default), partners or internal\n"
	"  --plan YYYY      report: the plan year (default: the plan shown\n"
	"                   at /acties/, the one of today's year if any)\n"
	"  --format F       report: md (Markdown, default) or csv\n"
	"  --live-reload    build: a preview for zonesite-serve (pages\n"
	"                   reload themselves; never publish it)\n"
	"\n"
	"  --lang nl|en     the language of messages (default: site.yaml's\n"
	"                   messages: key, else nl)\n"
	"  -v               progress lines and a summary line even when\n"
	"                   standard error is not a terminal\n"
	"\n"
	"exit status: 0 built, 1 content errors, 2 usage errors, 3 failure\n",
[LANG_NL] =
	"\n"
	"Bouwt de website van een eerstelijnszone uit Markdown-bestanden met\n"
	"YAML front matter (site.yaml, actions/, events/, newsletters/,\n"
	"partners/, services/, pages/, static/).\n"
	"\n"
	"opdrachten:\n"
	"  build    kijk de site na en schrijf ze naar UITVOER; de vorige\n"
	"           UITVOER wordt pas vervangen als de hele build lukt\n"
	"  check    kijk de site na, schrijf niets; met een samenvatting:\n"
	"           aantallen per soort, waarschuwingen per bestand en per\n"
	"           fout wat je moet aanpassen\n"
	"  report   kijk de site na en toon dan het rapport van het plan\n"
	"           (geplande en gehouden activiteiten per actie, gemeten\n"
	"           indicatoren, late mijlpalen, plaatshouders, verouderde\n"
	"           partners en diensten)\n"
	"  publish  bouw de publieke editie zoals build en stuur UITVOER\n"
	"           dan, alleen als dat lukte, met rsync naar het doel\n"
	"           publish: in site.yaml\n"
	"  new      schrijf SITE/MAP/ID.md voor een nieuw item met TITEL\n"
	"           (ID: de titel als slug), elke sleutel met uitleg;\n"
	"           vervangt nooit een bestand; toont het pad\n"
	"\n"
	"opties:\n"
	"  -C SITE          de map van de site (standaard: .); meer dan eens\n"
	"                   gegeven, wordt elke site in SITE/public gebouwd\n"
	"  -j N             met meerdere sites: bouw er N tegelijk; met een:\n"
	"                   maak de pagina's in N processen (standaard: het\n"
	"                   aantal processoren, voor een site pas vanaf\n"
	"                   2000 items)\n"
	"  -o UITVOER       de uitvoermap (standaard: SITE/public)\n"
	"  --now DATUM      vandaag, voor komende en voorbije items\n"
	"                   (standaard: SOURCE_DATE_EPOCH, anders de klok)\n"
	"  --edition E      public (standaard), partners of internal\n"
	"  --plan JJJJ      report: het planjaar (standaard: het plan op\n"
	"                   /acties/, dat van dit jaar als het er is)\n"
	"  --format F       report: md (Markdown, standaard) of csv\n"
	"  --live-reload    build: een voorbeeld voor zonesite-serve (de\n"
	"                   pagina's laden zichzelf opnieuw; nooit publiceren)\n"
	"  --lang nl|en     de taal van de meldingen (standaard: de sleutel\n"
	"                   messages: in site.yaml, anders nl)\n"
	"  -v               voortgang en een samenvattende regel, ook als de\n"
	"                   foutuitvoer geen terminal is\n"
	"\n"
	"afsluitstatus: 0 gebouwd, 1 fouten in de inhoud, 2 fout gebruik,\n"
	"3 mislukt\n",
};

struct options {
	const char *command, *site, *out, *now, *edition;
	const char *format, *plan; /* report only */
	int plan_year;             /* --plan, parsed; 0 without it */
	const char *jobs;          /* -j, for several sites */
	const char *sites[MULTISITE_MAX_SITES]; /* every -C, in order */
	size_t nsites;
	const char *lang;          /* --lang, as given */
	enum diag_lang msg_lang;   /* of usage messages: --lang, else nl */
	bool verbose;              /* -v */
	const char *new_args[2];   /* new: the kind and the title */
	size_t nnew;
	bool live_reload;          /* --live-reload: build a preview */
};

/* en and nl: the same message, each with one %s for arg. */
static int usage_error(const struct options *o, const char *en,
		       const char *nl, const char *arg)
{
	fputs("zonesite: ", stderr);
	fprintf(stderr, o->msg_lang == LANG_NL ? nl : en, arg);
	fputc('\n', stderr);
	fputs(usage_texts[o->msg_lang], stderr);
	return EXIT_USAGE;
}

/* A usage error without an argument. */
static int usage_say(const struct options *o, const char *en, const char *nl)
{
	return usage_error(o, "%s", "%s", o->msg_lang == LANG_NL ? nl : en);
}

/* --lang is looked for first, so that every usage error, even about an
 * option before it, is in the language asked for. */
static int prescan_lang(int argc, char **argv, struct options *o)
{
	int i, lang;

	o->msg_lang = LANG_NL;
	for (i = 1; i + 1 < argc; i++) {
		if (strcmp(argv[i], "--lang"))
			continue;
		lang = diag_lang_parse(argv[i + 1]);
		if (lang < 0)
			return usage_error(o, "--lang takes nl or en, not '%s'",
					   "--lang neemt nl of en, niet '%s'",
					   argv[i + 1]);
		o->msg_lang = (enum diag_lang)lang;
		o->lang = argv[i + 1];
	}
	return -1;
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
		return usage_say(o, "report writes to standard output; "
				 "it takes no -o",
				 "report schrijft naar de standaarduitvoer; "
				 "het neemt geen -o");
	if (report && o->edition)
		return usage_say(o, "report covers every item (the "
				 "internal edition); it takes no --edition",
				 "report omvat elk item (de interne editie); "
				 "het neemt geen --edition");
	if (!report && (o->format || o->plan))
		return usage_error(o, "'%s' is an option of report only",
				   "'%s' is alleen een optie van report",
				   o->format ? "--format" : "--plan");
	if (o->format && strcmp(o->format, "md") && strcmp(o->format, "csv"))
		return usage_error(o, "unknown report format '%s': use md or csv",
				   "onbekend formaat voor report '%s': gebruik "
				   "md of csv", o->format);
	if (o->plan && parse_plan(o->plan, &o->plan_year))
		return usage_error(o, "--plan takes a plan year, YYYY, not '%s'",
				   "--plan neemt een planjaar, JJJJ, niet '%s'",
				   o->plan);
	return -1;
}

/* publish sends the public edition only, so a partners' or internal
 * build can never reach the public server; a preview (--live-reload) is
 * only ever built, never published. */
static int check_publish_args(struct options *o)
{
	if (!strcmp(o->command, "publish") && o->edition &&
	    strcmp(o->edition, "public"))
		return usage_error(o, "publish sends the public edition only, "
				   "not '%s'", "publish verstuurt alleen de "
				   "publieke editie, niet '%s'", o->edition);
	if (o->live_reload && strcmp(o->command, "build"))
		return usage_error(o, "--live-reload is an option of build "
				   "only, not of %s", "--live-reload is alleen "
				   "een optie van build, niet van %s",
				   o->command);
	return -1;
}

/* Returns -1 to go on, else the exit status. */
static int parse_args(int argc, char **argv, struct options *o)
{
	int i, rc = prescan_lang(argc, argv, o);

	if (rc >= 0)
		return rc;
	for (i = 1; i < argc; i++) {
		const char *a = argv[i];
		const char **slot = NULL;

		if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
			fputs(usage_texts[o->msg_lang], stdout);
			fputs(help_texts[o->msg_lang], stdout);
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
		else if (!strcmp(a, "--lang"))
			slot = &o->lang;
		else if (!strcmp(a, "-v"))
			o->verbose = true;
		else if (!strcmp(a, "--live-reload"))
			o->live_reload = true;
		else if (a[0] == '-')
			return usage_error(o, "unknown option '%s'",
					   "onbekende optie '%s'", a);
		else if (o->command == NULL)
			o->command = a;
		else if (!strcmp(o->command, "new") && o->nnew < 2)
			o->new_args[o->nnew++] = a;
		else
			return usage_error(o, "unexpected argument '%s'",
					   "onverwacht argument '%s'", a);
		if (slot) {
			if (++i == argc)
				return usage_error(o, "'%s' needs a value",
						   "'%s' heeft een waarde nodig",
						   a);
			*slot = argv[i];
		}
		if (slot == &o->site && o->nsites == MULTISITE_MAX_SITES)
			return usage_error(o, "more than %s sites in one run",
					   "meer dan %s sites in één keer",
					   MULTISITE_MAX_SITES_TEXT);
		if (slot == &o->site)
			o->sites[o->nsites++] = argv[i];
	}
	if (o->command == NULL)
		return usage_say(o, "no command given",
				 "geen opdracht gegeven");
	if (strcmp(o->command, "build") && strcmp(o->command, "check") &&
	    strcmp(o->command, "report") && strcmp(o->command, "publish") &&
	    strcmp(o->command, "new"))
		return usage_error(o, "unknown command '%s'",
				   "onbekende opdracht '%s'", o->command);
	if (!strcmp(o->command, "new") && (o->nnew < 2 || !*o->new_args[1]))
		return usage_say(o, "new takes a kind and a title, e.g. "
				 "zonesite new event \"Overleg wonen\"",
				 "new neemt een soort en een titel, bv. "
				 "zonesite new event \"Overleg wonen\"");
	rc = check_publish_args(o);
	return rc >= 0 ? rc : check_report_args(o);
}

static int parse_edition(const char *s, enum edition *e)
{
	int i;

	/* The edition names are the visibility words, in enum edition order. */
	for (i = 0; words_visibility[i] != NULL; i++)
		if (!strcmp(s, words_visibility[i])) {
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
	struct buf p = BUF_INIT;

	load_join(&p, site, "public");
	return p.ptr;
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
		fprintf(stderr, diag_tr(&b->diag, "zonesite: %zu partner%s not "
			"referred to anywhere: %s\n", "zonesite: naar %zu "
			"partner%s wordt nergens verwezen: %s\n"), n,
			n == 1 ? "" : "s", ids.ptr);
	buf_free(&ids);
}

/* One line of the build summary: the placeholder fiches this edition
 * leaves out, so nobody wonders where they went. */
static void report_placeholders(struct build *b)
{
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
		fprintf(stderr, diag_tr(&b->diag, "zonesite: %zu placeholder "
			"fiche%s left out of the %s edition: %s\n",
			"zonesite: %zu plaatshouderfiche%s niet opgenomen in de "
			"editie %s: %s\n"), n, n == 1 ? "" : "s",
			words_visibility[b->edition], ids.ptr);
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

/* "1 error" / "2 fouten": a count and its noun in the message language. */
static void put_count(struct buf *out, const struct build *b, unsigned long n,
		      const char *en1, const char *en, const char *nl1,
		      const char *nl)
{
	bool dutch = b->diag.lang == LANG_NL;

	buf_printf(out, "%lu %s", n, n == 1 ? (dutch ? nl1 : en1)
					    : (dutch ? nl : en));
}

/* In the order of the site's sections. */
static const enum kind summary_kinds[K__ITEMS] = {
	K_ACTION, K_EVENT, K_NEWSLETTER, K_PARTNER, K_SERVICE, K_PAGE,
};

/* `zonesite check`: what a person acts on, after the diagnostics. */
static void check_summary(struct build *b)
{
	struct buf line = BUF_INIT;
	bool nl = b->diag.lang == LANG_NL;
	size_t i;

	for (i = 0; i < K__ITEMS; i++) {
		enum kind k = summary_kinds[i];

		if (i)
			buf_puts(&line, ", ");
		put_count(&line, b, b->site.kinds[k].n, kind_names[k],
			  kind_plurals[k], kind_names_nl[k],
			  kind_plurals_nl[k]);
	}
	fprintf(stderr, "zonesite check: %s\n  %s: %s\n",
		nl ? "samenvatting" : "summary", nl ? "inhoud" : "content",
		line.ptr);
	diag_summary(&b->diag, stderr);
	buf_free(&line);
}

static void report(struct build *b)
{
	struct buf line = BUF_INIT;

	diag_print(&b->diag, stderr);
	if (b->check_only && b->summary)
		check_summary(b);
	diag_forget(&b->diag);
	build_summary(b);
	if (b->diag.counts[DL_ERROR] || b->diag.counts[DL_WARNING]) {
		put_count(&line, b, b->diag.counts[DL_ERROR], "error",
			  "errors", "fout", "fouten");
		buf_puts(&line, ", ");
		put_count(&line, b, b->diag.counts[DL_WARNING], "warning",
			  "warnings", "waarschuwing", "waarschuwingen");
		fprintf(stderr, "zonesite: %s\n", line.ptr);
	}
	buf_free(&line);
}

/*
 * Progress: one line per stage, then one line with counts and the time
 * taken; on a terminal, or everywhere with -v.  The time is only printed,
 * never written into the output.
 */
struct progress {
	bool on;
	struct timespec t0;
};

static void progress_start(struct progress *p, bool verbose)
{
	p->on = verbose || isatty(STDERR_FILENO);
	clock_gettime(CLOCK_MONOTONIC, &p->t0);
}

/* A pipeline_stage_fn: "[2/3] inhoud nakijken". */
static void progress_stage(void *ctx, const struct build *b,
			   enum pipeline_stage stage)
{
	static const struct {
		int n;
		const char *en, *nl;
	} line[STAGE__COUNT] = {
		[STAGE_LOAD] = { 1, "reading the site", "site inlezen" },
		[STAGE_MODEL] = { 2, "checking the content",
				  "inhoud nakijken" },
		[STAGE_RENDER] = { 3, "rendering and writing the pages",
				   "pagina's opmaken en schrijven" },
		[STAGE_LINKS] = { 3, "checking the links", "links nakijken" },
	};
	const struct progress *p = ctx;
	const char *en = line[stage].en, *nl = line[stage].nl;

	if (!p->on)
		return;
	if (stage == STAGE_RENDER && b->check_only) {
		en = "rendering the pages (nothing is written)";
		nl = "pagina's opmaken (er wordt niets geschreven)";
	}
	/* site.yaml may have changed the language since progress_start. */
	fprintf(stderr, "zonesite: [%d/3] %s\n", line[stage].n,
		b->diag.lang == LANG_NL ? nl : en);
}

/* "412 pagina's, 63 activiteiten, 12 nieuwsbrieven, 0 fouten in 0,08 s" */
static void progress_done(const struct progress *p, const struct build *b)
{
	struct timespec t1;
	struct buf line = BUF_INIT;
	double secs;
	size_t comma;

	if (!p->on)
		return;
	clock_gettime(CLOCK_MONOTONIC, &t1);
	secs = (double)(t1.tv_sec - p->t0.tv_sec) +
	       (double)(t1.tv_nsec - p->t0.tv_nsec) / 1e9;
	put_count(&line, b, b->pages, "page", "pages", "pagina", "pagina's");
	buf_puts(&line, ", ");
	put_count(&line, b, b->site.kinds[K_EVENT].n, "event", "events",
		  "activiteit", "activiteiten");
	buf_puts(&line, ", ");
	put_count(&line, b, b->site.kinds[K_NEWSLETTER].n, "newsletter",
		  "newsletters", "nieuwsbrief", "nieuwsbrieven");
	buf_puts(&line, ", ");
	put_count(&line, b, b->diag.counts[DL_ERROR], "error", "errors",
		  "fout", "fouten");
	buf_puts(&line, " in ");
	comma = line.len + (secs < 10 ? 1 : secs < 100 ? 2 : 3);
	buf_printf(&line, "%.2f s", secs);
	if (b->diag.lang == LANG_NL && comma < line.len &&
	    line.ptr[comma] == '.')
		line.ptr[comma] = ','; /* the Dutch decimal comma */
	fprintf(stderr, "zonesite: %s\n", line.ptr);
	buf_free(&line);
}

static int run(struct build *b, struct progress *p)
{
	pipeline_run(b, progress_stage, p);
	report(b);
	progress_done(p, b);
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
		fprintf(stderr, "zonesite: %s: %s\n", diag_tr(&b->diag,
			"cannot write the report",
			"kan het rapport niet schrijven"), strerror(errno));
		rc = EXIT_FAILED;
	}
	report_free(&rep);
	buf_free(&text);
	return rc;
}

/* `zonesite new KIND "Titel"`: a new file to fill in (scaffold.h); its
 * path on standard output.  Exit 1 when the file exists or the folder is
 * not a site, 3 when it cannot be written. */
static int run_new(const struct options *o, const struct build *b)
{
	struct buf id = BUF_INIT, text = BUF_INIT, path = BUF_INIT;
	int k = scaffold_kind(o->new_args[0]), rc = 0;
	bool nl = o->msg_lang == LANG_NL;

	if (k < 0)
		return usage_error(o, "unknown kind '%s': use action, event, "
				   "newsletter, partner, service or page",
				   "onbekende soort '%s': gebruik action, event, "
				   "newsletter, partner, service of page",
				   o->new_args[0]);
	load_join(&path, b->site_dir, "site.yaml");
	if (access(path.ptr, F_OK) != 0) {
		fprintf(stderr, nl ? "zonesite: %s: hier staat geen site.yaml: "
			"dit is geen map van een zonesite-site (geef ze met -C)\n"
			: "zonesite: %s: no site.yaml here: not a zonesite site "
			"folder (name it with -C)\n", b->site_dir);
		buf_free(&path);
		return EXIT_CONTENT;
	}
	buf_reset(&path);
	scaffold_id(o->new_args[1], &id);
	scaffold_text((enum kind)k, o->new_args[1], b->now_day, &text);
	switch (scaffold_write(b->site_dir, (enum kind)k, id.ptr, &text,
			       &path)) {
	case SCAFFOLD_OK:
		printf("%s\n", path.ptr);
		break;
	case SCAFFOLD_EXISTS:
		fprintf(stderr, nl ? "zonesite: %s bestaat al; er werd niets "
			"geschreven (kies een andere titel)\n" :
			"zonesite: %s exists already; nothing was written "
			"(choose another title)\n", path.ptr);
		rc = EXIT_CONTENT;
		break;
	case SCAFFOLD_IO:
		fprintf(stderr, nl ? "zonesite: kan %s niet schrijven: %s\n" :
			"zonesite: cannot write %s: %s\n", path.ptr,
			strerror(errno));
		rc = EXIT_FAILED;
		break;
	}
	buf_free(&id);
	buf_free(&text);
	buf_free(&path);
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
		return usage_error(o, "-j takes a number of jobs from 1 to %s",
				   "-j neemt een aantal taken van 1 tot %s",
				   MULTISITE_MAX_JOBS_TEXT);
	if (o->nsites < 2)
		return -1;
	if (strcmp(o->command, "build") && strcmp(o->command, "check"))
		return usage_error(o, "only build and check take several "
				   "sites, not %s", "alleen build en check nemen "
				   "meerdere sites, %s niet", o->command);
	if (o->out)
		return usage_say(o, "-o names one output folder; with "
				 "several sites each is built into SITE/public",
				 "-o noemt één uitvoermap; met meerdere sites "
				 "wordt elke site in SITE/public gebouwd");
	dup = multisite_duplicate(o->sites, o->nsites);
	if (dup >= 0)
		return usage_error(o, "site '%s' is given twice",
				   "site '%s' staat er twee keer",
				   o->sites[dup]);
	return multisite_run(o->sites, o->nsites, jobs, o->command,
			     o->msg_lang == LANG_NL, &o->site);
}

/*
 * A build frees and allocates megabyte buffers over and over (each
 * calendar feed, each long list page).  glibc serves such sizes with
 * fresh mmap()s and gives them back on free(), so every one was faulted
 * in and zeroed page by page again: a fifth of a big build's page faults.
 * Keeping big blocks in the heap for reuse removes that without raising
 * the peak (measured with `make bench`).
 */
enum {
	MALLOC_MMAP_MIN = 256 * 1024 * 1024,
	MALLOC_TRIM_MIN = 256 * 1024 * 1024,
};

static void keep_freed_memory(void)
{
#ifdef __GLIBC__
	mallopt(M_MMAP_THRESHOLD, MALLOC_MMAP_MIN);
	mallopt(M_TRIM_THRESHOLD, MALLOC_TRIM_MIN);
#endif
}

int main(int argc, char **argv)
{
	struct options o = { 0 };
	struct progress progress;
	struct build b;
	char *out = NULL;
	int rc;

	keep_freed_memory();
	rc = parse_args(argc, argv, &o);
	if (rc < 0)
		rc = run_sites(&o);
	if (rc >= 0)
		return rc;
	memset(&b, 0, sizeof(b));
	diag_init(&b.diag);
	b.diag.lang = o.msg_lang;
	b.diag.lang_fixed = o.lang != NULL;
	b.site_dir = o.site ? o.site : ".";
	b.out_dir = o.out ? o.out : (out = default_out(b.site_dir));
	b.check_only = strcmp(o.command, "build") != 0 &&
		       strcmp(o.command, "publish") != 0;
	b.live_reload = o.live_reload;
	b.summary = !strcmp(o.command, "check");
	b.argv0 = argv[0];
	/* One site of several (run_sites) already shares the processors. */
	b.jobs = o.nsites > 1 ? 1 : o.jobs ? (unsigned)multisite_jobs(o.jobs) : 0;
	if (o.edition && parse_edition(o.edition, &b.edition))
		return usage_error(&o, "unknown edition '%s': use public, "
				   "partners or internal", "onbekende editie "
				   "'%s': gebruik public, partners of internal",
				   o.edition);
	rc = parse_now(o.now, &b);
	if (rc == -1)
		return usage_error(&o, "--now takes a day, YYYY-MM-DD, not '%s'",
				   "--now neemt een dag, JJJJ-MM-DD, niet '%s'",
				   o.now);
	if (rc == -2)
		return usage_error(&o, "SOURCE_DATE_EPOCH must be seconds, not "
				   "'%s'", "SOURCE_DATE_EPOCH moet een aantal "
				   "seconden zijn, niet '%s'",
				   getenv("SOURCE_DATE_EPOCH"));
	if (!strcmp(o.command, "new")) {
		rc = run_new(&o, &b);
	} else if (!strcmp(o.command, "report")) {
		b.edition = ED_INTERNAL;
		rc = run_report(&b, &o, o.plan_year);
	} else {
		progress_start(&progress, o.verbose);
		rc = run(&b, &progress);
	}
	if (rc == 0 && !strcmp(o.command, "publish"))
		rc = publish_run(&b);
	free(out);
	/* The model is not freed: freeing a large site's hundreds of
	 * thousands of parse-tree nodes one by one took a tenth of its build,
	 * and the process ends here anyway.  exit() while b is still in
	 * scope leaves it reachable for valgrind and LeakSanitizer, which
	 * still catch what is lost during the build; model_free and
	 * build_free run in the unit tests and the fuzz targets. */
	exit(rc);
}
