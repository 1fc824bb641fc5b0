/*
 * test_vcard: the RFC 6350 rules the vCard writer must follow: CRLF line
 * ends, folding at 75 octets without splitting a UTF-8 character, and
 * the escaping of text and structured values.  (tests/suites/
 * partners-data.mjs also reads every vCard of the demo with ical.js.)
 */
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "vcard.h"

/* Every physical line ends in CRLF and has at most 75 octets; lines
 * after the first of a property start with one space. */
static int lines_ok(const struct buf *b, size_t *nlines)
{
	size_t start = 0, i;

	*nlines = 0;
	for (i = 0; i < b->len; i++) {
		if (b->ptr[i] == '\n' && (i == 0 || b->ptr[i - 1] != '\r'))
			return 0;
		if (b->ptr[i] != '\n')
			continue;
		if (i - 1 - start > VCARD_LINE_MAX)
			return 0;
		(*nlines)++;
		start = i + 1;
	}
	return start == b->len;
}

/* Unfolds (RFC 6350 3.2): CRLF followed by one space is removed. */
static void unfold(const struct buf *in, struct buf *out)
{
	size_t i;

	for (i = 0; i < in->len; i++) {
		if (in->ptr[i] == '\r' && i + 2 < in->len &&
		    in->ptr[i + 1] == '\n' && in->ptr[i + 2] == ' ') {
			i += 2;
			continue;
		}
		buf_putc(out, in->ptr[i]);
	}
}

static int utf8_whole(const struct buf *b)
{
	size_t i;

	/* No line may start (after CRLF and the space) with a UTF-8
	 * continuation byte, nor end just after a lead byte. */
	for (i = 0; i + 3 < b->len; i++)
		if (b->ptr[i] == '\r' && b->ptr[i + 1] == '\n' &&
		    b->ptr[i + 2] == ' ' &&
		    ((unsigned char)b->ptr[i + 3] & 0xC0) == 0x80)
			return 0;
	return 1;
}

static void test_escape(void)
{
	struct buf b = BUF_INIT;

	vcard_escape(&b, SL("a,b;c\\d\ne\r\nf"));
	CHECK_STR(b.ptr, "a\\,b\\;c\\\\d\\ne\\nf",
		  "text escapes , ; \\ and line breaks");
	buf_reset(&b);
	vcard_text(&b, "FN", SL("Zorg, Welzijn; en \"meer\""));
	CHECK_STR(b.ptr, "FN:Zorg\\, Welzijn\\; en \"meer\"\r\n",
		  "a text property: escaped, CRLF");
	buf_reset(&b);
	{
		struct slice adr[7] = { SL(""), SL(""), SL("Kerkstraat 40; bus 2"),
			SL("Oostkamp"), SL(""), SL("8020"), SL("") };

		vcard_structured(&b, "ADR;TYPE=work", adr, 7);
	}
	CHECK_STR(b.ptr, "ADR;TYPE=work:;;Kerkstraat 40\\; bus 2;Oostkamp;;8020;\r\n",
		  "a structured value: components escaped and joined by ;");
	buf_reset(&b);
	{
		struct slice cat[2] = { SL("Zorg, welzijn"), SL("GGZ") };

		vcard_list(&b, "CATEGORIES", cat, 2);
	}
	CHECK_STR(b.ptr, "CATEGORIES:Zorg\\, welzijn,GGZ\r\n",
		  "a list value: values escaped and joined by ,");
	buf_reset(&b);
	vcard_uri(&b, "URL", SL("https://example.be/a,b;c\r\n"));
	CHECK_STR(b.ptr, "URL:https://example.be/a,b;c\r\n",
		  "a URI is not escaped; control characters are dropped");
	buf_free(&b);
}

static void test_folding(void)
{
	struct buf b = BUF_INIT, u = BUF_INIT, text = BUF_INIT;
	size_t n, i;

	vcard_line(&b, SL("NOTE:short"));
	CHECK_STR(b.ptr, "NOTE:short\r\n", "a short line is not folded");
	buf_reset(&b);
	for (i = 0; i < 70; i++)
		buf_putc(&text, 'a' + (char)(i % 26));
	vcard_line(&b, buf_slice(&text));
	CHECK(lines_ok(&b, &n) && n == 1, "70 octets fit on one line");
	buf_reset(&b);
	buf_reset(&text);
	buf_puts(&text, "NOTE:");
	for (i = 0; i < 70; i++)
		buf_putc(&text, 'x');
	vcard_line(&b, buf_slice(&text));
	CHECK(lines_ok(&b, &n) && n == 1, "75 octets exactly stay on one line");
	buf_reset(&b);
	buf_putc(&text, 'y');
	vcard_line(&b, buf_slice(&text));
	CHECK(lines_ok(&b, &n) && n == 2, "76 octets are folded into two lines");
	CHECK(memcmp(b.ptr + 75, "\r\n y\r\n", 6) == 0,
	      "the fold is CRLF and one space, at octet 75");
	buf_reset(&b);
	buf_reset(&text);
	/* 300 octets of two- and three-byte characters. */
	buf_puts(&text, "NOTE:");
	for (i = 0; i < 60; i++)
		buf_puts(&text, i % 2 ? "\xC3\xA9" : "\xE2\x82\xAC");
	vcard_line(&b, buf_slice(&text));
	CHECK(lines_ok(&b, &n) && n >= 3, "long UTF-8 text: every line within 75 octets");
	CHECK(utf8_whole(&b), "no UTF-8 character is split by a fold");
	unfold(&b, &u);
	buf_putc(&text, '\r');
	buf_putc(&text, '\n');
	CHECK(u.len == text.len && memcmp(u.ptr, text.ptr, u.len) == 0,
	      "unfolding gives the logical line back");
	buf_free(&b);
	buf_free(&u);
	buf_free(&text);
}

static void test_card(void)
{
	struct buf b = BUF_INIT;

	vcard_begin(&b);
	vcard_text(&b, "FN", SL("De Woonwinkel"));
	vcard_end(&b);
	CHECK_STR(b.ptr, "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:De Woonwinkel\r\n"
		  "END:VCARD\r\n", "BEGIN, VERSION 4.0 first, END");
	buf_free(&b);
}

int main(void)
{
	test_escape();
	test_folding();
	test_card();
	return check_done();
}
