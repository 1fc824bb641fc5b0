/*
 * validate: decode front matter into model records, checking every key and
 * value against the schema tables (schema.h).
 *
 * This is where the typing rules of the content contract live: unknown keys
 * (with the nearest known key suggested), booleans that are only true and
 * false, codes that must be quoted, fuzzy dates, vocabularies, URLs and
 * paths that must stay inside the site.  Every problem is reported, then
 * decoding goes on with the next key, so one run shows all of them.
 * References to other records are only stored here; model.c resolves them
 * once every file is read.
 */
#ifndef ZS_VALIDATE_H
#define ZS_VALIDATE_H

#include "arena.h"
#include "diag.h"
#include "frontmatter.h"
#include "model.h"
#include "schema.h"

struct vctx {
	struct arena *a;
	struct diag_ctx *d;
	struct source *src;
	const struct site *site; /* vocabularies and seasons (NULL while
				    site.yaml itself is decoded) */
	const char *site_dir;    /* for static/ and data file checks */
};

/*
 * Decodes map into rec (zeroed by the caller) with schema sc.
 * Returns the number of errors reported.
 */
unsigned validate_record(struct vctx *v, const struct schema *sc,
			 const struct ynode *map, void *rec);

/* The closest word of words[] to w within a small edit distance, or NULL. */
/* An English type word of a message ("a list") in the language of d. */
const char *validate_type_word(const struct diag_ctx *d, const char *en);

const char *validate_nearest(struct slice w, const char *const *words,
			     size_t n);

/* An id of a content file or vocabulary entry: [a-z0-9][a-z0-9-]*. */
bool validate_id(struct slice id);

/* A URL scheme that may never appear in a link (javascript:, ...):
 * the scheme's name, or NULL when the URL is not one. */
const char *validate_unsafe_scheme(struct slice url);

#endif
