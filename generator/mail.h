/*
 * mail: what turns a newsletter issue into the two versions a mailing tool
 * takes, an HTML mail and a plain-text mail.
 *
 * Mail clients ignore style sheets (many strip <style>, none loads a
 * <link>), so the HTML that the Markdown writer produces gets its looks
 * inline, tag by tag.  The plain-text mail is wrapped at 72 columns, as
 * mail has been since RFC 2822's advice, counting code points so that a
 * Dutch "é" is one column and a UTF-8 sequence is never cut, and never
 * breaking a word; its links become numbered references listed at the end,
 * so that long URLs do not tear the text apart.
 *
 * Nothing here knows the site: these are plain functions on text, tested
 * by tests/unit/test_mail.c.
 */
#ifndef ZS_MAIL_H
#define ZS_MAIL_H

#include <stddef.h>

#include "buf.h"
#include "slice.h"

enum {
	MAIL_TEXT_WIDTH = 72,   /* columns of the plain-text mail */
	MAIL_MAX_WIDTH = 600,   /* pixels: the mail's content table */
};

/* The query parameter that carries the campaign: understood by Matomo,
 * which the zone's optional analytics uses, and most other tools. */
#define MAIL_CAMPAIGN_PARAM "utm_campaign"

/* Shared inline style values, so the template and the body agree. */
#define MAIL_FONT "font-family:Arial,Helvetica,sans-serif;"
#define MAIL_TEXT_COLOR "#1d2429"
#define MAIL_LINK_COLOR "#155a75"

/*
 * Appends html with a style attribute on each tag the Markdown writer
 * uses (h1-h6, p, ul, ol, li, a, blockquote, pre, code, hr, img) and
 * without class attributes.  html must be our own output: every '<' in it
 * starts a tag.
 */
void mail_inline_styles(struct slice html, struct buf *out);

/*
 * Expands the campaign template of site.yaml for one issue, "{id}" being
 * the id, and appends "utm_campaign=VALUE" with VALUE
 * percent-encoded.  Returns 0, or -1 with *bad set to the first unknown
 * "{...}" placeholder (nothing is appended then).
 */
int mail_campaign(struct slice tmpl, struct slice id, struct buf *out,
		  struct slice *bad);

/* Numbered references of the plain-text mail, in order of first use. */
struct mail_refs {
	char **v;
	size_t n;
};

/* The number (from 1) of url, added when it is new. */
size_t mail_ref(struct mail_refs *refs, const char *url);
void mail_refs_free(struct mail_refs *refs);

/* Appends text with each "<URL>" link that md_plain_text writes (http,
 * https, mailto) replaced by "[N]". */
void mail_link_refs(struct slice text, struct mail_refs *refs,
		    struct buf *out);

/* Appends "[1] URL" lines for every reference. */
void mail_ref_list(const struct mail_refs *refs, struct buf *out);

/*
 * Appends text wrapped at width code points.  Each line is wrapped on its
 * own, at spaces only: a word longer than the line stands alone.  A line's
 * prefix (indentation, then "- ", "* ", "N. " or "> ") starts its first
 * line; the lines it continues on are indented to the text (block quotes
 * repeat "> ").  A line indented by four spaces or more without a list
 * marker is code and is left as it is.  A heading underlined with '=' or
 * '-' keeps an underline as long as its longest line.
 */
void mail_wrap(struct slice text, size_t width, struct buf *out);

/* Code points in s (its UTF-8 lead bytes). */
size_t mail_width(struct slice s);

#endif
