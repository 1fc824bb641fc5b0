/*
 * diag: diagnostics about content, after mandoc.
 *
 * Every message comes from the catalogue in diagmsg.h.  Messages are
 * collected during a build, then printed sorted by file, line and column so
 * that the output is the same whatever order the stages ran in.  Each
 * carries the offending source line and a caret under the column.  The
 * exit status of a build is the worst level seen.
 *
 * Positions are 1-based.  A column counts Unicode code points from the start
 * of the line (what an editor shows), line and column are in the whole file
 * (the YAML block's offset already added).  Line 0 means "the whole file".
 */
#ifndef ZS_DIAG_H
#define ZS_DIAG_H

#include <stddef.h>
#include <stdio.h>

#include "slice.h"

enum diag_level { DL_NONE, DL_NOTE, DL_WARNING, DL_ERROR };

enum diag_id {
#define DIAG(id, level, fmt) id,
#include "diagmsg.h"
#undef DIAG
	D__COUNT
};

struct pos {
	unsigned line, col;
};

/*
 * A text file diagnostics can point into.  The diag context owns the
 * record, not the text: text must outlive the build (file buffers do).
 */
struct source {
	const char *path; /* as shown to the user */
	const char *text;
	size_t len;
	size_t *line_starts; /* lazily built offsets of each line */
	size_t nlines;
	/* diag_pos_at's last answer, so that many positions on one long
	 * line cost one pass over it instead of one pass each (memo_line 0:
	 * none; forgotten whenever line_starts is rebuilt). */
	size_t memo_off;
	unsigned memo_line, memo_col;
};

struct diag_entry;

struct diag_ctx {
	struct diag_entry *v;
	size_t n, cap;
	struct source **sources;
	size_t nsources, srccap;
	unsigned counts[DL_ERROR + 1];
	enum diag_level worst;
	unsigned long seq;
};

void diag_init(struct diag_ctx *d);
void diag_free(struct diag_ctx *d);

/* Registers a file; path is copied, text is not. */
struct source *diag_source(struct diag_ctx *d, const char *path,
			   const char *text, size_t len);

/* Reports message id at pos in src (src may be NULL for no file). */
void diag(struct diag_ctx *d, enum diag_id id, const struct source *src,
	  struct pos pos, ...);

/* Line and column of a byte offset into src->text. */
struct pos diag_pos_at(struct source *src, size_t offset);
/* Byte offset of the start of a 1-based line (len if out of range). */
size_t diag_line_offset(struct source *src, unsigned line);

enum diag_level diag_level_of(enum diag_id id);
const char *diag_format_of(enum diag_id id);

/* Prints all messages collected so far, sorted, then forgets them. */
void diag_flush(struct diag_ctx *d, FILE *out);

static inline unsigned diag_errors(const struct diag_ctx *d)
{
	return d->counts[DL_ERROR];
}

#endif
