/*
 * ledger: the published-URL ledger, so that links in sent mails never break.
 *
 * A newsletter stays in inboxes for years, and every link in it points into
 * the site.  The site folder therefore keeps published-urls.txt, committed
 * with the content: every page the site has ever published, one path per
 * line, sorted, each followed by " <- " and the page that last linked to it
 * (a newsletter's mail first, then an issue's page, then any other page):
 *
 *     /kalender/elp-wonen-2025/ <- /nieuwsbrief/2025-10/email.html
 *
 * What it holds: every HTML page the build writes (folder pages such as
 * /kalender/x/ and .html files such as an alias of an old /oud.html) and
 * every file from static/; not the theme's assets, /404.html, feeds and
 * calendar files, nor the mail versions (email.html is pasted into the
 * mailing tool, never linked).  Pages are what an alias's redirect page can
 * keep alive; static files are what content links to.
 *
 * Every build checks that each ledger path is still written, as a page or
 * as the redirect page of an alias (`aliases:`).  One that is not is an
 * error at its line of the ledger that names where it was last linked from
 * and the exact `aliases:` line to add to the page that replaced it; the
 * build then publishes nothing.  Retiring a URL on purpose is one line in
 * retired-urls.txt (path, then an optional reason; '#' starts a comment).
 *
 * The ledger is kept only by sites that have the file (an empty file starts
 * it), so no build writes into a source folder uninvited.  A build of the
 * public edition adds its new URLs after the new site has been swapped in,
 * never after a failed build; the file is rewritten (atomically) only when
 * its bytes change, so a read-only source tree builds fine while nothing is
 * new, and otherwise gets a warning naming what was not recorded.  Other
 * editions and `zonesite check` only check.
 */
#ifndef ZS_LEDGER_H
#define ZS_LEDGER_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"
#include "slice.h"

#define LEDGER_FILE "published-urls.txt"
#define LEDGER_RETIRED_FILE "retired-urls.txt"
#define LEDGER_FROM_SEP " <- "

struct render;
struct ledger;

/* Reads the site's ledger and retired list; NULL when the site keeps no
 * ledger (then every other call does nothing). */
struct ledger *ledger_open(struct render *r);

/* Every file the build writes passes here (emit_file, emit_pieces):
 * pages are noted as published, and the links of HTML files as
 * referrers; data may be NULL for a file that is not HTML. */
void ledger_note_file(struct ledger *l, const char *relpath,
		      const struct buf *data);

/* Reports each ledger URL this build no longer writes (before the commit). */
void ledger_check(struct render *r);

/* Writes the ledger with this build's new URLs and referrers (after a
 * successful commit, public edition only). */
void ledger_save(struct render *r);

void ledger_free(struct ledger *l);

/*
 * Render workers (render_workers.c).  A link's place among the referrers
 * of its target is its sequence number, set by the render stage per page
 * (ledger_seq_at) so that several workers pick the referrer one process
 * would.  ledger_mark() notes where a worker starts; ledger_export()
 * encodes the pages and links it noted since; ledger_import() adds them.
 * With l NULL all of these do nothing.  Returns -1 on a damaged message.
 */
struct ledger_mark {
	size_t pages, refs, links;
};
struct wire;
void ledger_seq_at(struct ledger *l, unsigned long long seq);
void ledger_mark(const struct ledger *l, struct ledger_mark *m);
void ledger_export(const struct ledger *l, const struct ledger_mark *m,
		   struct buf *out);
int ledger_import(struct ledger *l, struct wire *in);

/* ---- parts with no build behind them, for the unit tests ---- */

/* "/x/" for "x/index.html", "/" for "index.html", else "/relpath". */
void ledger_url_of(const char *relpath, struct buf *url);

/* Whether a file the build writes is a page the ledger keeps. */
bool ledger_is_page(const char *relpath);

/*
 * The site path ("/kalender/x/") that an href or src value leads to, or
 * false when it leads outside the site.  base_url has no trailing '/',
 * base_path is "/" or "/zone/".  Query and fragment are dropped.
 */
bool ledger_link_target(struct slice value, struct slice base_url,
			struct slice base_path, struct buf *path);

#endif
