/*
 * test_mail: the parts of the newsletter's mail versions that are plain
 * text processing (mail.c) and the ledger's path rules (ledger.c):
 * wrapping at 72 columns by code points without breaking words or UTF-8
 * sequences, numbered link references, the campaign parameter, inline
 * styles, and which files and links the ledger counts.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "check.h"
#include "ledger.h"
#include "mail.h"

static void wrap_is(const char *in, size_t width, const char *want,
		    const char *what)
{
	struct buf out = BUF_INIT;

	mail_wrap(sl_cstr(in), width, &out);
	CHECK_STR(out.ptr, want, what);
	buf_free(&out);
}

/* Every line of out at most width code points, unless it is one word. */
static int lines_fit(const char *s, size_t width)
{
	while (*s) {
		const char *nl = strchr(s, '\n');
		size_t n = nl ? (size_t)(nl - s) : strlen(s);
		struct slice line = sl_make(s, n);
		const char *sp = memchr(s, ' ', n);

		if (mail_width(line) > width && sp && sp != s + n - 1)
			return 0;
		s += n + (nl != NULL);
	}
	return 1;
}

/* No byte sequence of out is a cut UTF-8 sequence. */
static int utf8_whole(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	while (*p) {
		int n = *p < 0x80 ? 1 : (*p & 0xE0) == 0xC0 ? 2 :
			(*p & 0xF0) == 0xE0 ? 3 : (*p & 0xF8) == 0xF0 ? 4 : 0;
		int i;

		if (n == 0)
			return 0;
		for (i = 1; i < n; i++)
			if ((p[i] & 0xC0) != 0x80)
				return 0;
		p += n;
	}
	return 1;
}

static void test_width(void)
{
	CHECK_INT(mail_width(sl_cstr("abc")), 3, "width of ASCII");
	CHECK_INT(mail_width(sl_cstr("co\xc3\xb6rdinatie")), 11,
		  "width counts code points: coördinatie is 11");
	CHECK_INT(mail_width(sl_cstr("\xe2\x80\x93")), 1, "an en dash is 1 column");
}

static void test_wrap(void)
{
	struct buf out = BUF_INIT;
	const char *para =
		"Op dinsdag 11 februari organiseren we samen met de gemeente "
		"Zedelgem en het netwerk geestelijke gezondheid het eerste "
		"eerstelijnsplatform van het jaar over co\xc3\xb6rdinatie.";

	wrap_is("kort", 72, "kort", "a short line is left alone");
	wrap_is("aaa bbb ccc", 7, "aaa bbb\nccc", "wraps at spaces");
	wrap_is("aaa bbbbbbbbbb ccc", 7, "aaa\nbbbbbbbbbb\nccc",
		"a word longer than the line stands alone, unbroken");
	wrap_is("\xc3\xa9\xc3\xa9\xc3\xa9 \xc3\xa9\xc3\xa9\xc3\xa9 x", 7,
		"\xc3\xa9\xc3\xa9\xc3\xa9 \xc3\xa9\xc3\xa9\xc3\xa9\nx",
		"columns are code points: 3+1+3 = 7 fit with two-byte letters");
	wrap_is("- aaa bbb ccc", 9, "- aaa bbb\n  ccc",
		"a list item continues indented to its text");
	wrap_is("12. aaa bbb ccc", 11, "12. aaa bbb\n    ccc",
		"an ordered item continues under its text");
	wrap_is("> aaa bbb ccc", 9, "> aaa bbb\n> ccc",
		"a block quote repeats its marker");
	wrap_is("  aaa bbb ccc", 9, "  aaa bbb\n  ccc",
		"an indented line keeps its indentation");
	wrap_is("    code code code code", 9, "    code code code code",
		"code (four spaces, no marker) is never wrapped");
	wrap_is("aaa bbb ccc\n===========\n\nddd", 7,
		"aaa bbb\nccc\n=======\n\nddd",
		"a wrapped heading gets an underline as long as its longest line");
	wrap_is("a\n\nb\n", 72, "a\n\nb\n", "blank lines and the final newline stay");
	mail_wrap(sl_cstr(para), 72, &out);
	CHECK(lines_fit(out.ptr, 72), "a long paragraph: every line at most 72 code points");
	CHECK(utf8_whole(out.ptr), "a long paragraph: no UTF-8 sequence is cut");
	CHECK(strstr(out.ptr, "co\xc3\xb6rdinatie.") != NULL,
	      "a long paragraph: words stay whole");
	buf_free(&out);
}

static void test_refs(void)
{
	struct mail_refs refs = { NULL, 0 };
	struct buf out = BUF_INIT, list = BUF_INIT;

	mail_link_refs(sl_cstr("Zie <https://x.example/a/> en <mailto:a@b.example>, "
			       "nog eens <https://x.example/a/>; niet <b> of <ftp://y>."),
		       &refs, &out);
	CHECK_STR(out.ptr, "Zie [1] en [2], nog eens [1]; niet <b> of <ftp://y>.",
		  "links become numbered references; one URL keeps one number");
	mail_ref_list(&refs, &list);
	CHECK_STR(list.ptr, "[1] https://x.example/a/\n[2] mailto:a@b.example\n",
		  "the reference list, in order of first use");
	CHECK_INT(mail_ref(&refs, "https://z.example/"), 3, "a new URL gets the next number");
	mail_refs_free(&refs);
	buf_free(&out);
	buf_free(&list);
}

static void test_campaign(void)
{
	struct buf out = BUF_INIT;
	struct slice bad = SL_NULL;

	CHECK_INT(mail_campaign(sl_cstr("nieuwsbrief-{id}"), sl_cstr("2025-10"),
				&out, &bad), 0, "campaign {id} expands");
	CHECK_STR(out.ptr, "utm_campaign=nieuwsbrief-2025-10", "campaign parameter");
	buf_reset(&out);
	mail_campaign(sl_cstr("nb {id}&x"), sl_cstr("a"), &out, &bad);
	CHECK_STR(out.ptr, "utm_campaign=nb%20a%26x", "campaign value is percent-encoded");
	buf_reset(&out);
	CHECK_INT(mail_campaign(sl_cstr("nb-{nummer}"), sl_cstr("a"), &out, &bad), -1,
		  "an unknown placeholder is refused");
	CHECK(bad.len == 8 && !memcmp(bad.ptr, "{nummer}", 8),
	      "the unknown placeholder is named");
	CHECK_INT(out.len, 0, "nothing is written for a refused campaign");
	buf_free(&out);
}

static void test_styles(void)
{
	struct buf out = BUF_INIT;

	mail_inline_styles(sl_cstr("<h2 id=\"x\">T</h2>\n<p>a &lt;b&gt; <a href=\"https://e/\">l</a></p>"
				   "<pre><code class=\"language-c\">x</code></pre><br />"),
			   &out);
	CHECK(strstr(out.ptr, "<h2 style=\"") == out.ptr, "a heading gets a style");
	CHECK(strstr(out.ptr, "\" id=\"x\">T</h2>") != NULL, "its other attributes stay");
	CHECK(strstr(out.ptr, "<p style=\"") != NULL && strstr(out.ptr, "<a style=\"") != NULL,
	      "paragraphs and links get styles");
	CHECK(strstr(out.ptr, "a &lt;b&gt; ") != NULL, "escaped text is untouched");
	CHECK(strstr(out.ptr, "class=") == NULL, "class attributes are dropped");
	CHECK(strstr(out.ptr, "<br />") != NULL, "tags without a style are copied");
	buf_free(&out);
}

static void test_ledger_paths(void)
{
	struct buf b = BUF_INIT;
	struct slice base = sl_cstr("https://www.zone.example"),
		     sub = sl_cstr("https://host.example/zone");

	ledger_url_of("index.html", &b);
	CHECK_STR(b.ptr, "/", "the home page's URL");
	ledger_url_of("kalender/x/index.html", &b);
	CHECK_STR(b.ptr, "/kalender/x/", "a folder page's URL");
	ledger_url_of("oud.html", &b);
	CHECK_STR(b.ptr, "/oud.html", "a file's URL");
	CHECK(ledger_is_page("kalender/x/index.html"), "a folder page is kept in the ledger");
	CHECK(ledger_is_page("oud.html"), "an .html file (an alias of an old URL) is kept");
	CHECK(!ledger_is_page("404.html"), "404.html is not kept");
	CHECK(!ledger_is_page("nieuwsbrief/x/email.html"), "mail versions are not kept");
	CHECK(!ledger_is_page("nieuwsbrief/feed.xml"), "feeds are not kept");
	CHECK(ledger_link_target(sl_cstr("/kalender/x/#programma"), base, SL("/"), &b) &&
	      !strcmp(b.ptr, "/kalender/x/"), "a root-relative link, fragment dropped");
	CHECK(ledger_link_target(sl_cstr("https://www.zone.example/kalender/x/?utm_campaign=n#p"),
				 base, SL("/"), &b) && !strcmp(b.ptr, "/kalender/x/"),
	      "an absolute link into the site, query and fragment dropped");
	CHECK(!ledger_link_target(sl_cstr("https://elders.example/x/"), base, SL("/"), &b),
	      "a link to another host is not the site's");
	CHECK(!ledger_link_target(sl_cstr("//www.zone.example/x/"), base, SL("/"), &b),
	      "a scheme-relative link is not counted");
	CHECK(!ledger_link_target(sl_cstr("mailto:a@b"), base, SL("/"), &b),
	      "mailto: is not the site's");
	CHECK(ledger_link_target(sl_cstr("https://host.example/zone/kaart/"), sub,
				 SL("/zone/"), &b) && !strcmp(b.ptr, "/kaart/"),
	      "a site in a folder: paths are relative to the site");
	CHECK(!ledger_link_target(sl_cstr("/andere/"), sub, SL("/zone/"), &b),
	      "a site in a folder: a path outside it is not the site's");
	buf_free(&b);
}

int main(void)
{
	test_width();
	test_wrap();
	test_refs();
	test_campaign();
	test_styles();
	test_ledger_paths();
	return check_done();
}
