/*
 * pipeline: the stages of one build, in order, in one place.
 *
 * load, then the model (front matter, validation, references), then either
 * render and write (or render only, in check mode) when the content is
 * clean, or only the link check when it is not, so that one run reports
 * every error it can.  main.c and the whole-site fuzz target both run this
 * function: a new stage added here is fuzzed too.
 */
#ifndef ZS_PIPELINE_H
#define ZS_PIPELINE_H

#include "build.h"

enum pipeline_stage {
	STAGE_LOAD,     /* reading the site folder */
	STAGE_MODEL,    /* checking the content */
	STAGE_RENDER,   /* rendering (and writing, unless check_only) */
	STAGE_LINKS,    /* content errors: checking the links only */
	STAGE__COUNT
};

/* Told before each stage that runs; may be NULL. */
typedef void pipeline_stage_fn(void *ctx, const struct build *b,
			       enum pipeline_stage stage);

/* Runs the stages on b; returns the number of content errors. */
unsigned pipeline_run(struct build *b, pipeline_stage_fn *tell, void *ctx);

#endif
