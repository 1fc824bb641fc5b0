/*
 * build: the context of one build, passed down through every stage.
 *
 * zonesite has no mutable globals: what a stage needs to know about the run
 * (the site folder, the edition, "now", the arena and the diagnostics) is
 * in this struct, created by main.c and handed to load, model, render and
 * write in turn.
 */
#ifndef ZS_BUILD_H
#define ZS_BUILD_H

#include <stdbool.h>
#include <stdint.h>

#include "arena.h"
#include "diag.h"
#include "model.h"

/* One content file as read from disk, before its front matter is parsed. */
struct loaded {
	struct slice id;
	struct source *src;
};

struct loaded_kind {
	struct loaded *v;
	size_t n;
};

struct static_file {
	char *rel;  /* path under static/, '/'-separated */
	char *path; /* path to open */
};

struct build {
	struct arena arena;
	struct diag_ctx diag;
	const char *site_dir;   /* as given with -C */
	const char *out_dir;    /* as given with -o */
	const char *argv0;      /* to find templates/ and themes/ beside it */
	enum edition edition;
	int64_t now_day;        /* Brussels days since 1970-01-01 */
	int64_t now_utc;        /* seconds since the epoch */
	bool check_only;
	/* A preview for zonesite-serve (--live-reload): every page carries
	 * the reload script of templates/live-reload.mustache, and the
	 * ledger of published URLs is left alone (nothing is published). */
	bool live_reload;
	bool summary;           /* zonesite check: print its summary */
	unsigned long pages;    /* HTML pages rendered: the summary line */
	/* Render workers (render_workers.c): 0 picks by the site's size and
	 * the processors online, 1 renders in this process only. */
	unsigned jobs;
	struct site site;
	struct loaded_kind files[K__ITEMS];
	struct source *objectives_src;
	struct static_file *statics;
	size_t nstatics;
};

/* Limits on what one site may hold: generous, but bounded. */
enum {
	LOAD_MAX_FILE_BYTES = 32 * 1024 * 1024,
	LOAD_MAX_FILES = 500000,
	LOAD_MAX_DEPTH = 16,
};

void build_free(struct build *b);

#endif
