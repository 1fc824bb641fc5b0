/*
 * slug: anchor ids made from heading text.
 *
 * A heading "Voor wie?" must become the stable anchor "voor-wie" so that a
 * newsletter mail or another page can link to one section, and so that the
 * anchors the content contract promises (#wat, #waarom, #voor-wie, ...)
 * come out the same whatever accents or punctuation the author typed.
 *
 * The rule: lower-case; Latin letters with accents (Latin-1 and Latin
 * Extended-A) folded to ASCII, ligatures spelled out (ß -> ss, æ -> ae,
 * ĳ -> ij); apostrophes, soft hyphens and combining accents dropped, so that
 * "auto's" gives "autos" and a decomposed "é" still gives "e"; every other
 * character that is not a-z or 0-9 separates words with a single '-';
 * leading and trailing '-' trimmed; at most SLUG_MAX_LEN bytes.  An empty
 * result becomes "sectie".  Uniqueness within a page is markdown.c's job.
 */
#ifndef ZS_SLUG_H
#define ZS_SLUG_H

#include "buf.h"
#include "slice.h"

enum {
	/* Long enough for any real heading, short enough for a readable URL. */
	SLUG_MAX_LEN = 80,
};

#define SLUG_EMPTY "sectie"

/* Appends the slug of text (UTF-8; invalid bytes count as separators) to
 * out.  Always appends at least one byte; returns the number appended. */
size_t slug_append(struct buf *out, struct slice text);

#endif
