/*
 * mail: inline styles, the campaign parameter, numbered references and
 * wrapping for the newsletter's mail versions.  See mail.h.
 *
 * The styles follow the default theme's palette (themes/default: text
 * #1d2429, links #155a75, headings #0e4a61, rules #c9d6dd), each pair at
 * least 4.5:1 on white, in the few CSS properties that mail clients
 * reliably honour: no shorthand beyond margin/padding/border, no classes.
 */
#include "mail.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

#define BODY_TEXT MAIL_FONT "font-size:15px;line-height:1.55;color:" \
	MAIL_TEXT_COLOR ";"
#define HEADING MAIL_FONT "color:#0e4a61;"

struct tag_style {
	const char *name;
	const char *style;
};

static const struct tag_style tag_styles[] = {
	{ "h1", HEADING "margin:0 0 12px;font-size:24px;line-height:1.25;" },
	{ "h2", HEADING "margin:28px 0 8px;font-size:20px;line-height:1.3;" },
	{ "h3", HEADING "margin:20px 0 6px;font-size:17px;line-height:1.35;" },
	{ "h4", HEADING "margin:16px 0 4px;font-size:15px;line-height:1.4;" },
	{ "h5", HEADING "margin:16px 0 4px;font-size:15px;line-height:1.4;" },
	{ "h6", HEADING "margin:16px 0 4px;font-size:15px;line-height:1.4;" },
	{ "p", BODY_TEXT "margin:0 0 12px;" },
	{ "ul", BODY_TEXT "margin:0 0 12px;padding:0 0 0 22px;" },
	{ "ol", BODY_TEXT "margin:0 0 12px;padding:0 0 0 22px;" },
	{ "li", BODY_TEXT "margin:0 0 6px;" },
	{ "a", "color:" MAIL_LINK_COLOR ";text-decoration:underline;" },
	{ "blockquote", "margin:0 0 12px;padding:0 0 0 12px;"
	  "border-left:3px solid #c9d6dd;color:#4b5963;" },
	{ "pre", "margin:0 0 12px;padding:8px;background-color:#f3f7f9;"
	  "white-space:pre-wrap;font-size:13px;" },
	{ "code", "font-family:Consolas,Menlo,monospace;" },
	{ "hr", "border:0;border-top:1px solid #c9d6dd;margin:20px 0;" },
	{ "img", "display:block;max-width:100%;height:auto;border:0;" },
};

static const char *style_of(const char *name, size_t n)
{
	size_t i;

	for (i = 0; i < sizeof(tag_styles) / sizeof(tag_styles[0]); i++)
		if (strlen(tag_styles[i].name) == n &&
		    !memcmp(tag_styles[i].name, name, n))
			return tag_styles[i].style;
	return NULL;
}

/* Copies a tag's attributes up to and including '>', less any class. */
static size_t copy_attrs(struct slice h, size_t i, struct buf *out)
{
	static const char cls[] = " class=\"";

	while (i < h.len && h.ptr[i] != '>') {
		if (h.len - i > sizeof(cls) - 1 &&
		    !memcmp(h.ptr + i, cls, sizeof(cls) - 1)) {
			const char *q = memchr(h.ptr + i + sizeof(cls) - 1, '"',
					       h.len - i - (sizeof(cls) - 1));

			if (q) {
				i = (size_t)(q - h.ptr) + 1;
				continue;
			}
		}
		buf_putc(out, h.ptr[i++]);
	}
	if (i < h.len)
		buf_putc(out, h.ptr[i++]);
	return i;
}

void mail_inline_styles(struct slice h, struct buf *out)
{
	size_t i = 0;

	while (i < h.len) {
		const char *lt = memchr(h.ptr + i, '<', h.len - i);
		size_t start, n;
		const char *style;

		if (lt == NULL) {
			buf_put(out, h.ptr + i, h.len - i);
			return;
		}
		buf_put(out, h.ptr + i, (size_t)(lt - (h.ptr + i)));
		start = (size_t)(lt - h.ptr) + 1;
		for (n = 0; start + n < h.len &&
		     ((h.ptr[start + n] >= 'a' && h.ptr[start + n] <= 'z') ||
		      (h.ptr[start + n] >= '0' && h.ptr[start + n] <= '9')); n++)
			;
		buf_putc(out, '<');
		buf_put(out, h.ptr + start, n);
		style = n ? style_of(h.ptr + start, n) : NULL;
		if (style)
			buf_printf(out, " style=\"%s\"", style);
		i = copy_attrs(h, start + n, out);
	}
}

/* ---- the campaign ---- */

static void percent_encode(struct buf *out, struct slice s)
{
	size_t i;

	for (i = 0; i < s.len; i++) {
		unsigned char c = (unsigned char)s.ptr[i];

		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || strchr("-._~", c))
			buf_putc(out, (char)c);
		else
			buf_printf(out, "%%%02X", c);
	}
}

int mail_campaign(struct slice tmpl, struct slice id, struct buf *out,
		  struct slice *bad)
{
	struct buf v = BUF_INIT;
	size_t i = 0;

	while (i < tmpl.len) {
		const char *close = tmpl.ptr[i] == '{' ?
			memchr(tmpl.ptr + i, '}', tmpl.len - i) : NULL;

		if (close == NULL) {
			buf_putc(&v, tmpl.ptr[i++]);
			continue;
		}
		if (close - (tmpl.ptr + i) != 3 || memcmp(tmpl.ptr + i, "{id}", 4)) {
			*bad = sl_make(tmpl.ptr + i, (size_t)(close - (tmpl.ptr + i)) + 1);
			buf_free(&v);
			return -1;
		}
		buf_putsl(&v, id);
		i += 4;
	}
	buf_puts(out, MAIL_CAMPAIGN_PARAM "=");
	percent_encode(out, buf_slice(&v));
	buf_free(&v);
	return 0;
}

/* ---- numbered references ---- */

size_t mail_ref(struct mail_refs *refs, const char *url)
{
	size_t i;

	for (i = 0; i < refs->n; i++)
		if (!strcmp(refs->v[i], url))
			return i + 1;
	refs->v = xreallocarray(refs->v, refs->n + 1, sizeof(*refs->v));
	refs->v[refs->n++] = xstrdup(url);
	return refs->n;
}

void mail_refs_free(struct mail_refs *refs)
{
	size_t i;

	for (i = 0; i < refs->n; i++)
		free(refs->v[i]);
	free(refs->v);
	refs->v = NULL;
	refs->n = 0;
}

/* Length of "<URL>" at s, or 0 when s does not start a link. */
static size_t link_at(struct slice s)
{
	static const char *const schemes[] = { "<http://", "<https://",
		"<mailto:" };
	size_t i, k;

	for (k = 0; k < 3; k++)
		if (sl_starts_with(s, schemes[k]))
			break;
	if (k == 3)
		return 0;
	for (i = 1; i < s.len; i++) {
		if (s.ptr[i] == '>')
			return i + 1;
		if (s.ptr[i] == ' ' || s.ptr[i] == '\n' || s.ptr[i] == '<')
			return 0;
	}
	return 0;
}

void mail_link_refs(struct slice t, struct mail_refs *refs, struct buf *out)
{
	size_t i = 0;

	while (i < t.len) {
		size_t n = t.ptr[i] == '<' ? link_at(sl_make(t.ptr + i, t.len - i)) : 0;
		char *url;

		if (n == 0) {
			buf_putc(out, t.ptr[i++]);
			continue;
		}
		url = xstrndup(t.ptr + i + 1, n - 2);
		buf_printf(out, "[%zu]", mail_ref(refs, url));
		free(url);
		i += n;
	}
}

void mail_ref_list(const struct mail_refs *refs, struct buf *out)
{
	size_t i;

	for (i = 0; i < refs->n; i++)
		buf_printf(out, "[%zu] %s\n", i + 1, refs->v[i]);
}

/* ---- wrapping ---- */

size_t mail_width(struct slice s)
{
	size_t i, n = 0;

	for (i = 0; i < s.len; i++)
		if (((unsigned char)s.ptr[i] & 0xC0) != 0x80)
			n++;
	return n;
}

/* Where a line's text starts, and what its continuation lines start with. */
struct prefix {
	size_t len;            /* bytes of the first line's prefix */
	struct buf cont;       /* the continuation prefix */
	bool code;
};

static size_t list_marker(struct slice s)
{
	size_t n = 0;

	if (sl_starts_with(s, "- ") || sl_starts_with(s, "* "))
		return 2;
	while (n < s.len && s.ptr[n] >= '0' && s.ptr[n] <= '9')
		n++;
	if (n && n + 1 < s.len && (s.ptr[n] == '.' || s.ptr[n] == ')') &&
	    s.ptr[n + 1] == ' ')
		return n + 2;
	return 0;
}

static void find_prefix(struct slice line, struct prefix *p)
{
	size_t sp = 0, q, m;

	while (sp < line.len && line.ptr[sp] == ' ')
		sp++;
	buf_reset(&p->cont);
	for (q = sp; line.len - q >= 2 && !memcmp(line.ptr + q, "> ", 2); q += 2)
		;
	p->code = false;
	if (q > sp) {
		p->len = q;
		buf_put(&p->cont, line.ptr, q);
		return;
	}
	m = list_marker(sl_make(line.ptr + sp, line.len - sp));
	p->code = m == 0 && sp >= 4;
	p->len = sp + m;
	while (p->cont.len < p->len)
		buf_putc(&p->cont, ' ');
}

/* Appends one line wrapped; returns the widest output line. */
static size_t wrap_line(struct slice line, size_t width, struct buf *out)
{
	struct prefix p = { 0, BUF_INIT, false };
	size_t i, col, widest = 0;
	bool first_word = true;

	find_prefix(line, &p);
	if (p.code || mail_width(line) <= width) {
		buf_putsl(out, line);
		buf_putc(out, '\n');
		buf_free(&p.cont);
		return mail_width(line);
	}
	buf_put(out, line.ptr, p.len);
	col = mail_width(sl_make(line.ptr, p.len));
	for (i = p.len; i < line.len;) {
		size_t end = i, w;

		while (end < line.len && line.ptr[end] != ' ')
			end++;
		w = mail_width(sl_make(line.ptr + i, end - i));
		if (w && !first_word && col + 1 + w > width) {
			widest = col > widest ? col : widest;
			buf_putc(out, '\n');
			buf_putsl(out, buf_slice(&p.cont));
			col = mail_width(buf_slice(&p.cont));
			first_word = true;
		}
		if (w) {
			if (!first_word) {
				buf_putc(out, ' ');
				col++;
			}
			buf_put(out, line.ptr + i, end - i);
			col += w;
			first_word = false;
		}
		i = end + 1;
	}
	buf_putc(out, '\n');
	buf_free(&p.cont);
	return col > widest ? col : widest;
}

static bool is_underline(struct slice s)
{
	size_t i;

	if (s.len == 0 || (s.ptr[0] != '=' && s.ptr[0] != '-'))
		return false;
	for (i = 1; i < s.len; i++)
		if (s.ptr[i] != s.ptr[0])
			return false;
	return true;
}

static struct slice next_line(struct slice t, size_t *off)
{
	size_t start = *off, end = start;

	while (end < t.len && t.ptr[end] != '\n')
		end++;
	*off = end + 1;
	return sl_make(t.ptr + start, end - start);
}

void mail_wrap(struct slice t, size_t width, struct buf *out)
{
	size_t off = 0;

	while (off < t.len) {
		struct slice line = next_line(t, &off);
		size_t peek = off, widest;
		struct slice under = off < t.len ? next_line(t, &peek) : SL_NULL;

		if (line.len && under.ptr && is_underline(under) &&
		    under.len == mail_width(line)) {
			widest = wrap_line(line, width, out);
			while (widest--)
				buf_putc(out, under.ptr[0]);
			buf_putc(out, '\n');
			off = peek;
			continue;
		}
		wrap_line(line, width, out);
	}
	if (t.len && t.ptr[t.len - 1] != '\n' && out->len &&
	    out->ptr[out->len - 1] == '\n')
		buf_truncate(out, out->len - 1);
}
