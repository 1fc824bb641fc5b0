/*
 * vcard: vCard 4.0 writing.  See vcard.h.
 *
 * Each property is first assembled as one logical line, then folded: a
 * fold goes before the last UTF-8 lead byte that still fits, so a
 * multi-byte character is never split and every physical line, the
 * leading space of a continuation included, stays within 75 octets.
 */
#include "vcard.h"

#include <stdbool.h>
#include <string.h>

static bool is_continuation(unsigned char c)
{
	return (c & 0xC0) == 0x80;
}

void vcard_line(struct buf *b, struct slice line)
{
	size_t at = 0, room = VCARD_LINE_MAX;

	while (line.len - at > room) {
		size_t cut = at + room;

		while (cut > at &&
		       is_continuation((unsigned char)line.ptr[cut]))
			cut--;
		if (cut == at) /* cannot happen with valid UTF-8 */
			cut = at + room;
		buf_put(b, line.ptr + at, cut - at);
		buf_puts(b, "\r\n ");
		at = cut;
		room = VCARD_LINE_MAX - 1;
	}
	buf_put(b, line.ptr + at, line.len - at);
	buf_puts(b, "\r\n");
}

void vcard_escape(struct buf *b, struct slice value)
{
	size_t i;

	for (i = 0; i < value.len; i++) {
		char c = value.ptr[i];

		if (c == '\\' || c == ',' || c == ';') {
			buf_putc(b, '\\');
			buf_putc(b, c);
		} else if (c == '\n') {
			buf_puts(b, "\\n");
		} else if (c == '\r' && i + 1 < value.len &&
			   value.ptr[i + 1] == '\n') {
			continue;
		} else if (c == '\r') {
			buf_puts(b, "\\n");
		} else if ((unsigned char)c >= 0x20 && c != 0x7F) {
			buf_putc(b, c);
		} else if (c == '\t') {
			buf_putc(b, ' ');
		}
	}
}

static void put_line(struct buf *b, struct buf *line)
{
	vcard_line(b, buf_slice(line));
	buf_free(line);
}

void vcard_begin(struct buf *b)
{
	buf_puts(b, "BEGIN:VCARD\r\nVERSION:4.0\r\n");
}

void vcard_end(struct buf *b)
{
	buf_puts(b, "END:VCARD\r\n");
}

void vcard_text(struct buf *b, const char *head, struct slice value)
{
	struct buf line = BUF_INIT;

	buf_printf(&line, "%s:", head);
	vcard_escape(&line, value);
	put_line(b, &line);
}

static void joined(struct buf *b, const char *head, const struct slice *v,
		   size_t n, char sep)
{
	struct buf line = BUF_INIT;
	size_t i;

	buf_printf(&line, "%s:", head);
	for (i = 0; i < n; i++) {
		if (i)
			buf_putc(&line, sep);
		vcard_escape(&line, v[i]);
	}
	put_line(b, &line);
}

void vcard_structured(struct buf *b, const char *head,
		      const struct slice *parts, size_t n)
{
	joined(b, head, parts, n, ';');
}

void vcard_list(struct buf *b, const char *head, const struct slice *values,
		size_t n)
{
	joined(b, head, values, n, ',');
}

void vcard_uri(struct buf *b, const char *head, struct slice uri)
{
	struct buf line = BUF_INIT;
	size_t i;

	buf_printf(&line, "%s:", head);
	for (i = 0; i < uri.len; i++)
		if ((unsigned char)uri.ptr[i] >= 0x20 && uri.ptr[i] != 0x7F)
			buf_putc(&line, uri.ptr[i]);
	put_line(b, &line);
}
