/*
 * fuzz_site: a whole site build, from the files on disk to every page
 * rendered in memory (load, model, render; `zonesite check` mode, which
 * renders each page with the theme's templates but writes nothing).
 *
 * A copy of the base site tests/fuzz/site (one file of each kind) lives in
 * a temporary folder for the whole run.  The input's first byte says which
 * file the rest of the input becomes, and for which edition the site is
 * built: byte % 8 picks site.yaml, objectives.yaml or a new file fuzz.md
 * in one of the six kind folders; (byte / 8) % 3 picks the public,
 * partners or internal edition.  The seeds (tests/fuzz/seeds.sh) start with
 * the digit of their file's slot, so '6' + an event file is a seed.
 * The bytes go to disk as they are: load.c's checks of UTF-8, NUL bytes,
 * BOM and CRLF are fuzzed too.  After each input the base site is put
 * back, so inputs do not depend on each other.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "build.h"
#include "civil.h"
#include "fuzz.h"
#include "fuzzydate.h"
#include "labels.h"
#include "model.h"
#include "pipeline.h"
#include "report.h"

enum { SLOTS = 8, EDITIONS = 3, PATH_MAX_LEN = 4096 };

static const char *const slots[SLOTS] = {
	"site.yaml", "objectives.yaml", "pages/fuzz.md", "partners/fuzz.md",
	"services/fuzz.md", "actions/fuzz.md", "events/fuzz.md",
	"newsletters/fuzz.md",
};

/* libFuzzer's entry points take no context, so the fixture is the one
 * piece of static state here: set once by LLVMFuzzerInitialize, only read
 * afterwards. */
struct fixture {
	char dir[PATH_MAX_LEN];  /* the temporary folder */
	char site[PATH_MAX_LEN]; /* its copy of the base site */
	char *orig[2];           /* site.yaml and objectives.yaml */
	size_t orig_len[2];
};

static struct fixture *fixture(void)
{
	static struct fixture f;

	return &f;
}

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *p = NULL;
	size_t n = 0;

	if (f == NULL)
		return NULL;
	p = xmalloc(1 << 20);
	n = fread(p, 1, (1 << 20) - 1, f);
	fclose(f);
	*len = n;
	return p;
}

static void spill(const char *path, const void *data, size_t len)
{
	FILE *f = fopen(path, "wb");

	if (f == NULL || fwrite(data, 1, len, f) != len) {
		perror(path);
		abort();
	}
	fclose(f);
}

static void slot_path(const struct fixture *fx, int slot, char *out)
{
	snprintf(out, PATH_MAX_LEN, "%s/%s", fx->site, slots[slot]);
}

static void remove_fixture(void)
{
	char cmd[PATH_MAX_LEN + 16];

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", fixture()->dir);
	if (system(cmd) != 0)
		fprintf(stderr, "fuzz_site: could not remove %s\n",
			fixture()->dir);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	struct fixture *fx = fixture();
	const char *base = getenv("FUZZ_SITE");
	const char *tmp = getenv("TMPDIR");
	char cmd[3 * PATH_MAX_LEN], path[PATH_MAX_LEN];
	int i;

	(void)argc;
	(void)argv;
	if (base == NULL)
		base = "tests/fuzz/site";
	/* The templates and themes are those of the source tree. */
	setenv("ZONESITE_DATADIR", getcwd(path, sizeof(path)) ? path : ".", 0);
	snprintf(fx->dir, sizeof(fx->dir), "%s/zs-fuzz-site-XXXXXX",
		 tmp && *tmp ? tmp : "/tmp");
	if (mkdtemp(fx->dir) == NULL) {
		perror("mkdtemp");
		abort();
	}
	snprintf(fx->site, sizeof(fx->site), "%s/site", fx->dir);
	snprintf(cmd, sizeof(cmd), "cp -R '%s' '%s'", base, fx->site);
	if (system(cmd) != 0) {
		fprintf(stderr, "fuzz_site: cannot copy the base site %s\n", base);
		abort();
	}
	for (i = 0; i < 2; i++) {
		slot_path(fx, i, path);
		fx->orig[i] = slurp(path, &fx->orig_len[i]);
		if (fx->orig[i] == NULL) {
			fprintf(stderr, "fuzz_site: no %s in the base site\n", path);
			abort();
		}
	}
	atexit(remove_fixture);
	return 0;
}

/* `zonesite report` after a clean check, both formats, in memory. */
static void plan_report(struct build *b)
{
	struct plan_report rep;
	struct labels l;
	struct buf text = BUF_INIT;

	report_build(&rep, &b->site, plan_year_current(&b->site, b->now_day),
		     b->now_day);
	labels_defaults(&l);
	report_write(&rep, &b->site, &l, REPORT_MD, &text);
	report_write(&rep, &b->site, &l, REPORT_CSV, &text);
	FUZZ_ASSERT(text.len > 0);
	report_free(&rep);
	buf_free(&text);
}

/* main.c's pipeline (pipeline.h) in check mode, then `zonesite report`. */
static void build_site(const struct fixture *fx, enum edition e)
{
	struct build b;
	struct fuzzydate now;
	struct fd_status st;
	int64_t utc;
	char out[PATH_MAX_LEN];

	memset(&b, 0, sizeof(b));
	b.jobs = 1; /* no render workers inside the fuzzer */
	diag_init(&b.diag);
	snprintf(out, sizeof(out), "%s/public", fx->dir);
	b.site_dir = fx->site;
	b.out_dir = out;
	b.argv0 = "zonesite";
	b.check_only = true;
	b.edition = e;
	FUZZ_ASSERT(fuzzydate_parse(SL("2025-10-01"), NULL, &now, &st, NULL));
	b.now_day = now.first_day;
	brussels_to_utc(now.first_day * CIVIL_SECONDS_PER_DAY, &utc);
	b.now_utc = utc;
	if (pipeline_run(&b, NULL, NULL) == 0)
		plan_report(&b);
	fuzz_flush(&b.diag);
	model_free(&b.site);
	build_free(&b);
	/* Check mode never writes the output folder. */
	FUZZ_ASSERT(access(out, F_OK) != 0);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const struct fixture *fx = fixture();
	char path[PATH_MAX_LEN];
	int slot;

	if (size == 0 || size > FUZZ_MAX_INPUT)
		return 0;
	slot = data[0] % SLOTS;
	slot_path(fx, slot, path);
	spill(path, data + 1, size - 1);
	build_site(fx, (enum edition)(data[0] / SLOTS % EDITIONS));
	if (slot < 2)
		spill(path, fx->orig[slot], fx->orig_len[slot]);
	else if (unlink(path) != 0)
		abort();
	return 0;
}
