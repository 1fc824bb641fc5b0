/*
 * markdown: the CommonMark layer.  cmark objects never leave markdown.c.
 *
 * A body is handled in two phases, because a link such as
 * [x](event:foo#programma) can only be checked once every page's anchors
 * are known:
 *
 *  1. md_parse() parses a body, gives every heading a unique anchor, and
 *     reports what can be judged from the body alone: raw HTML, unsafe and
 *     unknown link schemes, links to missing anchors of the same page.
 *     md_headings() then tells the model each page's anchors and sections.
 *     The tree is not kept: a document holds its headings, its links and
 *     its summary, and md_render() and md_plain_text() parse the body
 *     again (the body's text must outlive the document).
 *  2. md_check_links() or md_render() ask the caller's resolver about every
 *     link into the site (event:, action:, partner:, service:, newsletter:,
 *     page:, and plain relative paths) and report those that lead nowhere.
 *     A link is reported once, however often the document is rendered.
 *
 * Every position is line:col in the whole file (the front matter counted),
 * col in code points.  Inline nodes have no reliable positions in cmark
 * 0.30, so a link is located by finding its destination text within the
 * source lines of its paragraph or heading (falling back to the start of
 * that block); a reference-style link points at its "[label]: dest"
 * definition.
 *
 * The HTML is produced by our own walker, not cmark's renderer, so that
 * headings carry their ids and links their resolved URLs without changing
 * the tree, and so that nothing unsafe can come out even when the document
 * had errors: a rejected link renders as its text only, and raw HTML that
 * is not allowed is escaped.
 */
#ifndef ZS_MARKDOWN_H
#define ZS_MARKDOWN_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"
#include "diag.h"
#include "slice.h"

struct md_doc;

/* Parse options.  A zeroed struct (or NULL) gives the defaults. */
struct md_options {
	/* site.yaml markdown: {unsafe_html: true}: raw HTML passes through
	 * instead of being an error. */
	bool unsafe_html;
	/* Keep ' " -- ... as typed; by default they become typographic
	 * quotes, dashes and ellipses. */
	bool straight_quotes;
	/* Ids the page layout already uses (e.g. "inhoud", "main"); a heading
	 * that would get one of them takes a numbered suffix, and a fragment
	 * link "#inhoud" in the body counts as valid.  Copied by md_parse. */
	const char *const *reserved_ids;
	size_t nreserved;
};

struct md_heading {
	int level;           /* 1..6, as written */
	struct slice text;   /* plain text, trimmed, NUL-terminated */
	const char *anchor;  /* unique within the document */
	struct pos pos;      /* start of the heading line in the whole file */
};

/* The kind of a link into the site, from its scheme; MD_LINK_RELATIVE is a
 * destination without a scheme ("../kalender/", "/nieuwsbrief/", "x.pdf"). */
enum md_link_kind {
	MD_LINK_EVENT,
	MD_LINK_ACTION,
	MD_LINK_PARTNER,
	MD_LINK_SERVICE,
	MD_LINK_NEWSLETTER,
	MD_LINK_PAGE,
	MD_LINK_RELATIVE,
};

struct md_link_ref {
	enum md_link_kind kind;
	/* The id after the scheme; for MD_LINK_RELATIVE the path (with any
	 * query) before '#'. */
	struct slice id;
	/* The text after '#', or SL_NULL when there is no '#'. */
	struct slice anchor;
	bool image; /* an image source rather than a link */
};

enum md_resolve_result {
	MD_RESOLVE_OK,
	MD_RESOLVE_NO_TARGET,   /* no such event, page, ... (error) */
	MD_RESOLVE_NO_ANCHOR,   /* the target has no such anchor (error) */
	/* The target exists but is not part of this edition (visibility):
	 * a warning, and the link shows as its text. */
	MD_RESOLVE_UNPUBLISHED,
};

/*
 * The caller's knowledge of the site.  On MD_RESOLVE_OK, resolve() appends
 * to url the complete URL to use, including "#anchor" when ref->anchor is
 * set (markdown.c adds nothing, so the resolver can place a query before
 * the fragment).  The URL is written into href/src attributes escaped, so
 * it should be a plain URL, not HTML.  On any other result, what was
 * appended to url is discarded.
 */
struct md_resolver {
	enum md_resolve_result (*resolve)(void *ctx,
					  const struct md_link_ref *ref,
					  struct buf *url);
	void *ctx;
};

/*
 * Parses body, the Markdown part of src: a view of src->text that starts
 * at the beginning of line body_line (1-based).  Diagnostics go to d, now
 * and during phase 2; d and src must outlive the document.  Never NULL.
 */
struct md_doc *md_parse(struct diag_ctx *d, struct source *src,
			struct slice body, unsigned body_line,
			const struct md_options *opts);
void md_free(struct md_doc *doc);

/* The headings in document order; valid until md_free. */
const struct md_heading *md_headings(const struct md_doc *doc, size_t *n);

/* Whether the page has the id: a heading's anchor or a reserved id. */
bool md_has_anchor(const struct md_doc *doc, struct slice id);

/*
 * Calls each(ctx, ref) for every link into the site that md_parse accepted
 * (event:, action:, ... and relative paths; images too, see ref->image),
 * in document order, and returns how many there are; each may be NULL to
 * count only.  Needs no resolver and reports nothing: for figures drawn
 * from links, such as the newsletter issues that mention an action.
 */
size_t md_links(const struct md_doc *doc,
		void (*each)(void *ctx, const struct md_link_ref *ref),
		void *ctx);

/*
 * Phase 2 without output: resolves every link into the site and reports
 * those that fail.  Returns the number of links that are not usable:
 * rejected by md_parse, unresolved, or unpublished.
 */
size_t md_check_links(struct md_doc *doc, const struct md_resolver *r);

/*
 * Appends the body as HTML to out.  Links are resolved (and failures
 * reported) as by md_check_links.  With r NULL, links into the site render
 * as their text and are not reported.
 */
void md_render(struct md_doc *doc, const struct md_resolver *r,
	       struct buf *out);

/*
 * Appends the body as plain text, for iCalendar descriptions and
 * plain-text mails:
 *  - blocks are separated by a blank line; each paragraph is one line
 *    (soft line breaks become spaces, hard ones stay), nothing is wrapped;
 *  - headings stand on their own line; levels 1 and 2 are underlined with
 *    '=' and '-' (as in Setext Markdown);
 *  - list items start with "- " or "N. ", their continuation lines and
 *    nested lists are indented to the item's text; block quotes get "> ";
 *  - code blocks are indented by four spaces; a thematic break is "---";
 *  - emphasis and code marks are dropped; a link is "text <url>", or just
 *    the text when the text already is the URL (autolinks, mailto:);
 *    an image is its alt text; raw HTML is left out;
 *  - no trailing newline.
 * Links are resolved through r as by md_render; r may be NULL (then links
 * into the site appear as text only).
 */
void md_plain_text(struct md_doc *doc, const struct md_resolver *r,
		   struct buf *out);

/* Appends the plain text of the first paragraph (in document order) as
 * one line, link texts without URLs.  Returns false if there is none. */
bool md_summary(const struct md_doc *doc, struct buf *out);

/* The prompts of the Flemish action plan's Word template (the model
 * looks for them in the whole file, front matter and body). */
extern const char *const md_template_prompts[];
extern const size_t md_ntemplate_prompts;

#endif
