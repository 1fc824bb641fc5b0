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
 *
 * Every message is in two languages (diagmsg.h holds English and Dutch
 * side by side).  Both are formatted when reported and the language is
 * chosen when printed, so a message reported before site.yaml said which
 * language it wants still comes out in that language.  Words a caller
 * fills in (type names, suggestions) follow diag_ctx.lang at report time:
 * use diag_tr().  diag_init() starts in English, the catalogue's source
 * language; the command line (main.c) makes Dutch the default.
 *
 * A message can carry a fix (level FIX in the catalogue, added with
 * diag_fix() right after it): a concrete edit that `zonesite check`
 * lists in its summary.  Fixes are not printed with the diagnostics.
 */
#ifndef ZS_DIAG_H
#define ZS_DIAG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "slice.h"

enum diag_level { DL_NONE, DL_FIX, DL_NOTE, DL_WARNING, DL_ERROR };

enum diag_lang { LANG_EN, LANG_NL, LANG__COUNT };

enum diag_id {
#define DIAG(id, level, en, nl) id,
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
	size_t index; /* in diag_ctx.sources */
};

struct diag_entry;

struct diag_ctx {
	struct diag_entry *v;
	size_t n, cap;
	struct source **sources;
	size_t nsources, srccap;
	unsigned counts[DL_ERROR + 1];
	enum diag_level worst;
	unsigned long long seq; /* the next message's; see diag_seq_at */
	enum diag_lang lang; /* of fillers now, of every message at print */
	bool lang_fixed;     /* chosen on the command line: site.yaml
				cannot change it */
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

/* Where the next message sorts among messages at one position: by
 * default in report order.  The render stage numbers its messages by the
 * page being rendered, so that several render workers (render_workers.c)
 * give the order one process would. */
void diag_seq_at(struct diag_ctx *d, unsigned long long seq);

/*
 * Handing messages from a render worker to the parent (wire.h):
 * diag_export() encodes the messages from index `from` on; a source is
 * sent by its index when below nshared (registered before the fork, so
 * the parent has it too), else by path and text.  diag_import() appends
 * them to d, skipping any message equal (place, level, text) to one at
 * index `from` or later, keeping the earlier sequence number: two workers
 * that render one body both report its broken link.  Texts of new
 * sources are copied into a, which must outlive d's use of them.
 * Returns -1 on a damaged message.
 */
struct buf;
struct wire;
struct arena;
void diag_export(const struct diag_ctx *d, size_t from, size_t nshared,
		 struct buf *out);
int diag_import(struct diag_ctx *d, size_t from, size_t nshared,
		struct wire *in, struct arena *a);

/* Attaches fix id (a FIX message) to the message reported last. */
void diag_fix(struct diag_ctx *d, enum diag_id id, ...);

enum diag_level diag_level_of(enum diag_id id);
const char *diag_format_lang(enum diag_id id, enum diag_lang lang);

/* en or nl, by d->lang: for words a caller fills into a message. */
static inline const char *diag_tr(const struct diag_ctx *d, const char *en,
				  const char *nl)
{
	return d->lang == LANG_NL ? nl : en;
}

/* "nl" or "en" to a language; -1 for anything else. */
int diag_lang_parse(const char *s);

/* Prints all messages collected so far, sorted, then forgets them. */
void diag_flush(struct diag_ctx *d, FILE *out);
/* The two halves of diag_flush: print sorted (keeping the messages for
 * diag_summary), then forget. */
void diag_print(struct diag_ctx *d, FILE *out);
void diag_forget(struct diag_ctx *d);
/*
 * The part of `zonesite check`'s summary that diag knows: the warnings
 * grouped by file (how many, on which lines), then one line per error
 * with what to change (its fix, else the message itself).  Call between
 * diag_print and diag_forget.
 */
void diag_summary(const struct diag_ctx *d, FILE *out);

static inline unsigned diag_errors(const struct diag_ctx *d)
{
	return d->counts[DL_ERROR];
}

#endif
