/*
 * vcard: writing vCard 4.0 (RFC 6350) so that a partner's contact can be
 * added to an address book with one click.
 *
 * RFC 6350 in brief, as far as we write it: content lines end in CRLF;
 * a line longer than 75 octets is folded by inserting CRLF and one space
 * (never inside a UTF-8 sequence, section 3.2); in text values a
 * backslash, comma and semicolon are escaped with a backslash and a line
 * break is written "\n" (section 3.4); a structured value (N, ADR) joins
 * its escaped components with ';'.  BEGIN, VERSION and END frame a card,
 * VERSION right after BEGIN.
 */
#ifndef ZS_VCARD_H
#define ZS_VCARD_H

#include "buf.h"
#include "slice.h"

enum {
	/* Octets of one physical line, CRLF not counted (RFC 6350 3.2). */
	VCARD_LINE_MAX = 75,
};

/* "BEGIN:VCARD" and "VERSION:4.0". */
void vcard_begin(struct buf *b);
void vcard_end(struct buf *b);

/* A text property: head is the name with its parameters, written as
 * given ("FN", "TEL;TYPE=work"); value is escaped. */
void vcard_text(struct buf *b, const char *head, struct slice value);

/* A structured property: each of the n components escaped, joined by
 * ';' (ADR has seven, N five). */
void vcard_structured(struct buf *b, const char *head,
		      const struct slice *parts, size_t n);

/* A text-list property (CATEGORIES, NICKNAME): values escaped, joined
 * by ','. */
void vcard_list(struct buf *b, const char *head, const struct slice *values,
		size_t n);

/* A URI value (URL, EMAIL's mailto-free address, tel: URIs): written as
 * is, except that control characters are left out. */
void vcard_uri(struct buf *b, const char *head, struct slice uri);

/* Appends the escaped text value (exposed for the tests). */
void vcard_escape(struct buf *b, struct slice value);

/* Appends one logical line, folded, with CRLF (exposed for the tests). */
void vcard_line(struct buf *b, struct slice line);

#endif
