/*
 * test_markdown: the cmark wrapper through its public API only.
 *
 * Diagnostics are checked as the user sees them (diag_flush into memory),
 * so a test pins the message, the level and file:line:col together.  Most
 * documents are bodies starting at line 1; the position tests put the body
 * after a front matter block, as load.c will.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "diag.h"
#include "markdown.h"

/* --- fixtures ----------------------------------------------------------- */

struct fx {
	struct diag_ctx d;
	struct source *src;
	struct md_doc *doc;
	char *diags; /* what diag_flush printed, after fx_diags */
};

static void fx_open(struct fx *f, const char *text, unsigned body_line,
		    const struct md_options *o)
{
	size_t off;

	diag_init(&f->d);
	f->diags = NULL;
	f->src = diag_source(&f->d, "t.md", text, strlen(text));
	off = diag_line_offset(f->src, body_line);
	f->doc = md_parse(&f->d, f->src,
			  sl_make(text + off, strlen(text) - off), body_line,
			  o);
}

static void fx_body(struct fx *f, const char *body,
		    const struct md_options *o)
{
	fx_open(f, body, 1, o);
}

/* Everything reported so far, as printed (then forgotten). */
static const char *fx_diags(struct fx *f)
{
	size_t n;
	FILE *mem;

	free(f->diags);
	mem = open_memstream(&f->diags, &n);
	diag_flush(&f->d, mem);
	fclose(mem);
	return f->diags;
}

static void fx_close(struct fx *f)
{
	md_free(f->doc);
	diag_free(&f->d);
	free(f->diags);
}

static int contains(const char *hay, const char *needle)
{
	return hay && strstr(hay, needle) != NULL;
}

#define CHECK_HAS(hay, needle, what)                                        \
	do {                                                                \
		const char *check_hay_ = (hay);                             \
		if (!CHECK(contains(check_hay_, (needle)), (what)))         \
			printf("#   looked for: %s\n#   in: %s\n", (needle), \
			       check_hay_);                                 \
	} while (0)

/* --- a resolver that knows a tiny site ---------------------------------- */

struct target {
	enum md_link_kind kind;
	const char *id;
	const char *anchors; /* space-separated, with spaces around */
	const char *url;
};

static const struct target site[] = {
	{ MD_LINK_EVENT, "elp-wonen-2025", " programma praktisch ",
	  "/kalender/elp-wonen-2025/" },
	{ MD_LINK_ACTION, "we40-a01", " wat voor-wie ", "/acties/we40-a01/" },
	{ MD_LINK_PARTNER, "de-woonwinkel", "", "/partners/de-woonwinkel/" },
	{ MD_LINK_SERVICE, "ldc-de-kade", "", "/kaart/ldc-de-kade/" },
	{ MD_LINK_NEWSLETTER, "2025-10", " eigen-nieuws ",
	  "/nieuwsbrief/2025-10/" },
	{ MD_LINK_PAGE, "over-ons", "", "/over-ons/" },
	{ MD_LINK_EVENT, "intern-overleg", "", NULL }, /* not published */
	{ MD_LINK_RELATIVE, "../kalender/", "", "/kalender/" },
	{ MD_LINK_RELATIVE, "/nieuwsbrief/", "", "/nieuwsbrief/" },
	{ MD_LINK_RELATIVE, "/static/img/logo.png", "",
	  "/static/img/logo.png" },
};

static const char *const kind_names[] = { "event", "action", "partner",
					  "service", "newsletter", "page",
					  "relative" };

struct resolver_log {
	struct buf calls; /* "kind:id#anchor;" per call, "!" for images */
	const char *base; /* prepended to every URL */
};

static enum md_resolve_result resolve(void *ctx, const struct md_link_ref *ref,
				      struct buf *url)
{
	struct resolver_log *log = ctx;
	size_t i;
	char key[64];

	buf_printf(&log->calls, "%s%s:%.*s", ref->image ? "!" : "",
		   kind_names[ref->kind], SL_FMT(ref->id));
	if (ref->anchor.ptr)
		buf_printf(&log->calls, "#%.*s", SL_FMT(ref->anchor));
	buf_putc(&log->calls, ';');
	for (i = 0; i < sizeof(site) / sizeof(site[0]); i++) {
		if (site[i].kind != ref->kind ||
		    !sl_eq_cstr(ref->id, site[i].id))
			continue;
		snprintf(key, sizeof(key), " %.*s ", SL_FMT(ref->anchor));
		if (ref->anchor.len && !strstr(site[i].anchors, key))
			return MD_RESOLVE_NO_ANCHOR;
		if (site[i].url == NULL)
			return MD_RESOLVE_UNPUBLISHED;
		buf_puts(url, log->base);
		buf_puts(url, site[i].url);
		if (ref->anchor.ptr)
			buf_printf(url, "#%.*s", SL_FMT(ref->anchor));
		return MD_RESOLVE_OK;
	}
	return MD_RESOLVE_NO_TARGET;
}

static struct md_resolver resolver_of(struct resolver_log *log,
				      const char *base)
{
	buf_init(&log->calls, 0);
	log->base = base;
	return (struct md_resolver){ resolve, log };
}

/* Renders f's document to HTML in a fresh, caller-freed string. */
static char *render(struct fx *f, const struct md_resolver *r)
{
	struct buf out = BUF_INIT;

	md_render(f->doc, r, &out);
	return buf_detach(&out, NULL);
}

/* --- headings and anchors ----------------------------------------------- */

static void test_fiche_anchors(void)
{
	static const char *const want[][2] = {
		{ "Wat?", "wat" },
		{ "Wat ga je wel doen?", "wat-ga-je-wel-doen" },
		{ "Wat ga je niet doen?", "wat-ga-je-niet-doen" },
		{ "Waarom?", "waarom" },
		{ "Voor wie?", "voor-wie" },
		{ "Met wie?", "met-wie" },
		{ "Hoe?", "hoe" },
		{ "Mijlpalen", "mijlpalen" },
		{ "Evaluatie", "evaluatie" },
	};
	struct fx f;
	const struct md_heading *h;
	size_t n, i;

	fx_body(&f,
		"## Wat?\n### Wat ga je wel doen?\nTekst.\n\n"
		"### Wat ga je niet doen?\n## Waarom?\n## Voor wie?\n"
		"## Met wie?\n## Hoe?\n## Mijlpalen\n## Evaluatie\n",
		NULL);
	h = md_headings(f.doc, &n);
	CHECK_INT(n, 9, "nine fiche headings");
	for (i = 0; i < n && i < 9; i++) {
		CHECK_STR(h[i].text.ptr, want[i][0], "heading text");
		CHECK_STR(h[i].anchor, want[i][1], "heading anchor");
	}
	CHECK_INT(h[0].level, 2, "## is level 2");
	CHECK_INT(h[1].level, 3, "### is level 3");
	CHECK_INT(h[3].pos.line, 6, "heading line");
	CHECK_INT(h[3].pos.col, 1, "heading column");
	CHECK(md_has_anchor(f.doc, SL("voor-wie")), "has #voor-wie");
	CHECK(!md_has_anchor(f.doc, SL("voor")), "has no #voor");
	CHECK_STR(fx_diags(&f), "", "no diagnostics for a clean fiche");
	fx_close(&f);
}

static void test_newsletter_anchors(void)
{
	struct fx f;
	const struct md_heading *h;
	size_t n;

	fx_body(&f,
		"## Eigen nieuws\n\nIets.\n\n## Nieuws uit het *netwerk*\n\n"
		"### Één café in `Beernem`\n",
		NULL);
	h = md_headings(f.doc, &n);
	CHECK_INT(n, 3, "three newsletter headings");
	CHECK_STR(h[0].anchor, "eigen-nieuws", "#eigen-nieuws");
	CHECK_STR(h[1].anchor, "nieuws-uit-het-netwerk",
		  "emphasis in a heading is plain text in its anchor");
	CHECK_STR(h[1].text.ptr, "Nieuws uit het netwerk",
		  "heading text without marks");
	CHECK_STR(h[2].anchor, "een-cafe-in-beernem", "accents folded");
	CHECK_INT(h[2].pos.line, 7, "third heading on line 7");
	fx_close(&f);
}

static void test_duplicate_anchors(void)
{
	static const char *const reserved[] = { "inhoud", "main" };
	struct md_options o = { .reserved_ids = reserved, .nreserved = 2 };
	struct fx f;
	const struct md_heading *h;
	const char *d;
	size_t n;

	fx_body(&f,
		"## Wat?\n## Wat?\n## Wat\n## Wat-2\n## Inhoud\n## ?!\n"
		"## …\n",
		&o);
	h = md_headings(f.doc, &n);
	CHECK_INT(n, 7, "seven headings");
	CHECK_STR(h[0].anchor, "wat", "first keeps its anchor");
	CHECK_STR(h[1].anchor, "wat-2", "second gets -2");
	CHECK_STR(h[2].anchor, "wat-3", "third gets -3");
	CHECK_STR(h[3].anchor, "wat-2-2", "'Wat-2' after a taken wat-2");
	CHECK_STR(h[4].anchor, "inhoud-2", "reserved id is not taken");
	CHECK_STR(h[5].anchor, "sectie", "empty slug");
	CHECK_STR(h[6].anchor, "sectie-2", "second empty slug");
	CHECK(md_has_anchor(f.doc, SL("main")), "reserved ids are anchors");
	d = fx_diags(&f);
	CHECK_HAS(d, "t.md:2:1: warning: heading anchor '#wat' is used twice;"
		     " the second becomes '#wat-2'", "first duplicate");
	CHECK_HAS(d, "t.md:3:1: warning: heading anchor '#wat' is used twice;"
		     " the second becomes '#wat-3'", "second duplicate");
	CHECK_HAS(d, "t.md:4:1: warning: heading anchor '#wat-2' is used "
		     "twice; the second becomes '#wat-2-2'", "suffix clash");
	CHECK_HAS(d, "t.md:5:1: warning: heading anchor '#inhoud' is taken by "
		     "the page layout; this heading becomes '#inhoud-2'",
		  "reserved clash");
	CHECK_HAS(d, "t.md:7:1: warning: heading anchor '#sectie'",
		  "empty slugs clash too");
	CHECK_INT(diag_errors(&f.d), 0, "anchor clashes are warnings");
	fx_close(&f);
}

static void test_heading_html(void)
{
	struct fx f;
	char *html;

	fx_body(&f, "# Titel\n\nSetext *kop*\n------------\n\n###### Zes\n",
		NULL);
	html = render(&f, NULL);
	CHECK_STR(html,
		  "<h1 id=\"titel\">Titel</h1>\n"
		  "<h2 id=\"setext-kop\">Setext <em>kop</em></h2>\n"
		  "<h6 id=\"zes\">Zes</h6>\n",
		  "headings keep their level and get ids, no <p> inside");
	free(html);
	fx_close(&f);
}

/* --- links into the site ------------------------------------------------ */

static void test_resolver_calls(void)
{
	struct resolver_log log;
	struct md_resolver r = resolver_of(&log, "");
	struct fx f;
	char *html;

	fx_body(&f,
		"[a](event:elp-wonen-2025#programma) [b](action:we40-a01)\n"
		"[c](partner:de-woonwinkel) [d](service:ldc-de-kade)\n"
		"[e](newsletter:2025-10#eigen-nieuws) [f](page:over-ons)\n"
		"[g](../kalender/) [h](Event:elp-wonen-2025)\n"
		"![logo](/static/img/logo.png)\n",
		NULL);
	CHECK_INT(md_check_links(f.doc, &r), 0, "all links resolve");
	CHECK_STR(log.calls.ptr,
		  "event:elp-wonen-2025#programma;action:we40-a01;"
		  "partner:de-woonwinkel;service:ldc-de-kade;"
		  "newsletter:2025-10#eigen-nieuws;page:over-ons;"
		  "relative:../kalender/;event:elp-wonen-2025;"
		  "!relative:/static/img/logo.png;",
		  "resolver sees kind, id, anchor and images");
	html = render(&f, &r);
	CHECK_HAS(html, "<a href=\"/kalender/elp-wonen-2025/#programma\">a</a>",
		  "the resolver's URL, fragment included");
	CHECK_HAS(html, "<a href=\"/over-ons/\">f</a>", "page: link");
	CHECK_HAS(html, "<a href=\"/kalender/\">g</a>", "relative link");
	CHECK_HAS(html, "<img src=\"/static/img/logo.png\" alt=\"logo\" />",
		  "image through the resolver");
	CHECK_STR(fx_diags(&f), "", "no diagnostics");
	free(html);
	buf_free(&log.calls);
	fx_close(&f);
}

/* The body starts at line 7 of the file; the links stand on the body's
 * third line, after two-byte characters, so byte and code-point columns
 * differ. */
static void test_link_positions(void)
{
	static const char file[] =
		"---\n"
		"title: ELP wonen\n"
		"plan: 2025\n"
		"code: \"8\"\n"
		"template: \"2024\"\n"
		"---\n"
		"Eerste alinea.\n"
		"\n"
		"Café één [ELP](event:onbekend) en "
		"[x](event:elp-wonen-2025#nergens).\n"
		"\n"
		"- Ook in een lijst: [één](page:weg)\n"
		"\n"
		"[ref][r] en [ref](../nergens/#x)\n"
		"\n"
		"[r]: partner:niemand\n";
	struct resolver_log log;
	struct md_resolver r = resolver_of(&log, "");
	struct fx f;
	const char *d;
	char *html;

	fx_open(&f, file, 7, NULL);
	CHECK_STR(fx_diags(&f), "", "nothing to report before phase 2");
	html = render(&f, &r);
	d = fx_diags(&f);
	CHECK_HAS(d, "t.md:9:16: error: link to unknown event 'onbekend'\n"
		     "    9 | Café één [ELP](event:onbekend) en",
		  "unknown target at the destination, code-point column");
	CHECK_HAS(d, "t.md:9:39: error: link to unknown anchor '#nergens' in "
		     "event 'elp-wonen-2025'", "unknown anchor");
	CHECK_HAS(d, "t.md:11:27: error: link to unknown page 'weg'",
		  "link in a list item");
	CHECK_HAS(d, "t.md:15:6: error: link to unknown partner 'niemand'",
		  "reference link points at its definition");
	CHECK_HAS(d, "t.md:13:19: error: relative link '../nergens/' does not "
		     "lead to a page of this site", "relative link");
	CHECK_INT(diag_errors(&f.d), 5, "five link errors");
	CHECK_HAS(html, "<p>Café één ELP en x.</p>",
		  "unresolved links render as their text");
	free(html);
	html = render(&f, &r);
	CHECK_STR(fx_diags(&f), "", "a second render reports nothing again");
	CHECK_INT(md_check_links(f.doc, &r), 5, "five unusable links");
	free(html);
	buf_free(&log.calls);
	fx_close(&f);
}

static void test_unpublished_target(void)
{
	struct resolver_log log;
	struct md_resolver r = resolver_of(&log, "");
	struct fx f;
	char *html;

	fx_body(&f, "Zie [het overleg](event:intern-overleg).\n", NULL);
	html = render(&f, &r);
	CHECK_STR(html, "<p>Zie het overleg.</p>\n",
		  "a link to an unpublished item shows as text");
	CHECK_HAS(fx_diags(&f),
		  "t.md:1:19: warning: link to event 'intern-overleg', which "
		  "is not published in this edition: only the link text is "
		  "shown", "unpublished target is a warning");
	CHECK_INT(diag_errors(&f.d), 0, "and not an error");
	CHECK_INT(md_check_links(f.doc, &r), 1, "but not a usable link");
	free(html);
	buf_free(&log.calls);
	fx_close(&f);
}

static void test_same_destination_twice(void)
{
	struct resolver_log log;
	struct md_resolver r = resolver_of(&log, "");
	struct fx f;
	const char *d;

	fx_body(&f, "[event:weg](event:weg) en [nog eens](event:weg)\n", NULL);
	md_check_links(f.doc, &r);
	d = fx_diags(&f);
	CHECK_HAS(d, "t.md:1:13: error: link to unknown event 'weg'",
		  "destination, not the same text in the label");
	CHECK_HAS(d, "t.md:1:38: error: link to unknown event 'weg'",
		  "second link points at its own destination");
	buf_free(&log.calls);
	fx_close(&f);
}

static void test_unsafe_links(void)
{
	struct resolver_log log;
	struct md_resolver r = resolver_of(&log, "");
	struct fx f;
	const char *d;
	char *html;

	fx_body(&f,
		"[a](javascript:alert(1))\n\n"
		"[b](JavaScript:alert(1))\n\n"
		"[c](data:text/html;base64,PHNjcmlwdD4=)\n\n"
		"[d](vbscript:msgbox)\n\n"
		"[e](<  javascript:x>)\n\n"
		"[f](&#106;avascript:x)\n\n"
		"[g](java&#9;script:x)\n\n"
		"![h](data:image/png;base64,AAAA)\n\n"
		"<javascript:alert(2)>\n",
		NULL);
	d = fx_diags(&f);
	CHECK_HAS(d, "t.md:1:5: error: unsafe link 'javascript:alert(1)': "
		     "javascript: links are not allowed", "javascript:");
	CHECK_HAS(d, "t.md:3:5: error: unsafe link 'JavaScript:alert(1)': "
		     "javascript: links are not allowed", "JavaScript:");
	CHECK_HAS(d, "t.md:5:5: error: unsafe link 'data:text/html;base64,"
		     "PHNjcmlwdD4=': data: links", "data:");
	CHECK_HAS(d, "t.md:7:5: error: unsafe link 'vbscript:msgbox'",
		  "vbscript:");
	CHECK_HAS(d, "t.md:9:8: error: unsafe link 'javascript:x'",
		  "leading spaces (cmark trims them)");
	CHECK_HAS(d, "t.md:11:1: error: unsafe link 'javascript:x'",
		  "entity-encoded: at the block");
	CHECK_HAS(d, "t.md:13:1: error: unsafe link 'java?script:x'",
		  "tab inside the scheme");
	CHECK_HAS(d, "t.md:15:6: error: unsafe link 'data:image/png",
		  "data: image");
	CHECK_HAS(d, "t.md:17:2: error: unsafe link 'javascript:alert(2)'",
		  "autolink");
	CHECK_INT(diag_errors(&f.d), 9, "nine unsafe links");
	html = render(&f, &r);
	CHECK(!contains(html, "href") && !contains(html, "src="),
	      "no unsafe URL reaches the HTML");
	CHECK_HAS(html, "<p>a</p>\n<p>b</p>", "rejected links keep their text");
	CHECK_HAS(html, "<p>h</p>", "rejected image keeps its alt text");
	CHECK_STR(log.calls.ptr, "", "the resolver is not asked");
	free(html);
	buf_free(&log.calls);
	fx_close(&f);
}

static void test_schemes(void)
{
	struct fx f;
	const char *d;
	char *html;

	fx_body(&f,
		"[a](https://www.zorgraad.be/x?a=1&b=2) [b](http://x.be)\n"
		"[c](mailto:info@zorgraad.be) [d](tel:+3250123456)\n"
		"[e](ftp://x.be/f) [f](C:/Users/x.docx) [g]()\n",
		NULL);
	d = fx_diags(&f);
	CHECK_HAS(d, "t.md:3:5: error: unknown link scheme 'ftp:'; use event:",
		  "ftp: is unknown");
	CHECK_HAS(d, "t.md:3:23: error: unknown link scheme 'c:'",
		  "a Windows path is a scheme");
	CHECK_INT(diag_errors(&f.d), 2, "two scheme errors");
	html = render(&f, NULL);
	CHECK_HAS(html,
		  "<a href=\"https://www.zorgraad.be/x?a=1&amp;b=2\">a</a>",
		  "https kept, & escaped");
	CHECK_HAS(html, "<a href=\"mailto:info@zorgraad.be\">c</a>", "mailto");
	CHECK_HAS(html, "<a href=\"tel:+3250123456\">d</a>", "tel");
	CHECK_HAS(html, "<a href=\"\">g</a>", "empty destination");
	CHECK_HAS(html, "\ne f <a", "unknown schemes render as text");
	free(html);
	fx_close(&f);
}

static void test_fragment_links(void)
{
	static const char *const reserved[] = { "inhoud" };
	struct md_options o = { .reserved_ids = reserved, .nreserved = 1 };
	struct fx f;
	const char *d;
	char *html;

	fx_body(&f,
		"[naar onder](#voor-wie) [weg](#nergens) [top](#) "
		"[inhoud](#inhoud)\n\n## Voor wie?\n",
		&o);
	d = fx_diags(&f);
	CHECK_HAS(d, "t.md:1:31: error: link to unknown anchor '#nergens' on "
		     "this page", "unknown own anchor");
	CHECK_INT(diag_errors(&f.d), 1, "a later heading and a reserved id "
					"are valid targets");
	html = render(&f, NULL);
	CHECK_HAS(html, "<a href=\"#voor-wie\">naar onder</a> weg "
			"<a href=\"#\">top</a> <a href=\"#inhoud\">inhoud</a>",
		  "fragment links");
	free(html);
	fx_close(&f);
}

static void test_href_escaping(void)
{
	struct resolver_log log;
	struct md_resolver r = resolver_of(&log, "");
	struct fx f;
	char *html;

	fx_body(&f,
		"[a](<https://x.be/a b\"c'd>) [b](https://x.be/é?q=%20 "
		"\"Een \\\"titel\\\" <b>\")\n",
		&(struct md_options){ .straight_quotes = true });
	html = render(&f, &r);
	CHECK_STR(html,
		  "<p><a href=\"https://x.be/a%20b%22c&#39;d\">a</a> "
		  "<a href=\"https://x.be/%C3%A9?q=%20\" title=\"Een "
		  "&quot;titel&quot; &lt;b&gt;\">b</a></p>\n",
		  "URLs percent-encoded, titles escaped");
	free(html);
	buf_free(&log.calls);
	fx_close(&f);
}

/* --- raw HTML ----------------------------------------------------------- */

static const char raw_body[] =
	"Tekst met <span class=\"x\">inline</span> HTML.\n"
	"\n"
	"<div>\n"
	"blok\n"
	"</div>\n";

static void test_raw_html_rejected(void)
{
	struct fx f;
	const char *d;
	char *html;

	fx_body(&f, raw_body, NULL);
	d = fx_diags(&f);
	CHECK_HAS(d, "t.md:1:11: error: raw HTML is not allowed in Markdown",
		  "inline raw HTML at its tag");
	CHECK_HAS(d, "t.md:3:1: error: raw HTML is not allowed", "HTML block");
	CHECK_INT(diag_errors(&f.d), 2, "one error per paragraph and block");
	html = render(&f, NULL);
	CHECK_STR(html,
		  "<p>Tekst met &lt;span class=&quot;x&quot;&gt;"
		  "inline&lt;/span&gt;"
		  " HTML.</p>\n&lt;div&gt;\nblok\n&lt;/div&gt;\n",
		  "rejected raw HTML is escaped, never passed or dropped");
	CHECK(!contains(html, "omitted"), "no 'raw HTML omitted' comment");
	free(html);
	fx_close(&f);
}

static void test_raw_html_allowed(void)
{
	struct md_options o = { .unsafe_html = true };
	struct fx f;
	char *html;

	fx_body(&f, raw_body, &o);
	CHECK_STR(fx_diags(&f), "", "unsafe_html: no diagnostics");
	html = render(&f, NULL);
	CHECK_STR(html,
		  "<p>Tekst met <span class=\"x\">inline</span> HTML.</p>\n"
		  "<div>\nblok\n</div>\n",
		  "unsafe_html: raw HTML passes through");
	free(html);
	fx_close(&f);
}

/* --- whole outputs ------------------------------------------------------ */

static const char small_doc[] =
	"## Wat?\n"
	"\n"
	"Een *middag* met **partners** en `code`, 'zo' -- goed...\n"
	"Tweede regel.  \n"
	"Derde.\n"
	"\n"
	"- een\n"
	"- [twee](event:elp-wonen-2025#programma \"Titel\")\n"
	"  - diep\n"
	"\n"
	"3. a\n"
	"\n"
	"4. b\n"
	"\n"
	"> citaat\n"
	"\n"
	"```sh extra\n"
	"echo <x> & y\n"
	"```\n"
	"\n"
	"***\n"
	"\n"
	"![Logo *zone*](/static/img/logo.png)\n";

static void test_html_exact(void)
{
	struct resolver_log log;
	struct md_resolver r = resolver_of(&log, "");
	struct fx f;
	char *html;

	fx_body(&f, small_doc, NULL);
	html = render(&f, &r);
	CHECK_STR(html,
		  "<h2 id=\"wat\">Wat?</h2>\n"
		  "<p>Een <em>middag</em> met <strong>partners</strong> en "
		  "<code>code</code>, ‘zo’ – goed…\n"
		  "Tweede regel.<br />\n"
		  "Derde.</p>\n"
		  "<ul>\n"
		  "<li>een</li>\n"
		  "<li><a href=\"/kalender/elp-wonen-2025/#programma\" "
		  "title=\"Titel\">twee</a>\n"
		  "<ul>\n"
		  "<li>diep</li>\n"
		  "</ul>\n"
		  "</li>\n"
		  "</ul>\n"
		  "<ol start=\"3\">\n"
		  "<li>\n<p>a</p>\n</li>\n"
		  "<li>\n<p>b</p>\n</li>\n"
		  "</ol>\n"
		  "<blockquote>\n<p>citaat</p>\n</blockquote>\n"
		  "<pre><code class=\"language-sh\">echo &lt;x&gt; &amp; y\n"
		  "</code></pre>\n"
		  "<hr />\n"
		  "<p><img src=\"/static/img/logo.png\" "
		  "alt=\"Logo zone\" /></p>\n",
		  "byte-exact HTML");
	free(html);
	buf_free(&log.calls);
	fx_close(&f);
}

static void test_straight_quotes(void)
{
	struct md_options o = { .straight_quotes = true };
	struct fx f;
	char *html;

	fx_body(&f, "'zo' -- \"goed\"...\n", &o);
	html = render(&f, NULL);
	CHECK_STR(html, "<p>&#39;zo&#39; -- &quot;goed&quot;...</p>\n",
		  "straight_quotes keeps punctuation as typed");
	free(html);
	fx_close(&f);
}

static void test_render_appends(void)
{
	struct fx f;
	struct buf out = BUF_INIT;

	fx_body(&f, "Hallo\n", NULL);
	buf_puts(&out, "<main>");
	md_render(f.doc, NULL, &out);
	CHECK_STR(out.ptr, "<main><p>Hallo</p>\n",
		  "md_render appends without a leading newline");
	buf_free(&out);
	fx_close(&f);
}

static void test_plain_text(void)
{
	struct resolver_log log;
	struct md_resolver r = resolver_of(&log, "https://zorgraad.be");
	struct fx f;
	struct buf out = BUF_INIT;

	fx_body(&f,
		"# Titel\n"
		"\n"
		"Eerste *alinea* met [link](https://example.be/x) en\n"
		"een zachte breuk.\n"
		"\n"
		"## Programma\n"
		"\n"
		"- een\n"
		"- twee\n"
		"  - diep\n"
		"- [ELP](event:elp-wonen-2025) en [hier](#titel)\n"
		"\n"
		"1. eerste\n"
		"\n"
		"   vervolg\n"
		"2. harde  \n"
		"   breuk\n"
		"\n"
		"> citaat\n"
		"> regel\n"
		">\n"
		"> - in quote\n"
		"\n"
		"    code\n"
		"\n"
		"    meer\n"
		"\n"
		"### Klein\n"
		"Mail <info@zorgraad.be> of <https://zorgraad.be>. "
		"![Logo](/static/img/logo.png)\n"
		"\n"
		"<div>weg</div>\n"
		"\n"
		"---\n",
		&(struct md_options){ .unsafe_html = true });
	md_plain_text(f.doc, &r, &out);
	CHECK_STR(out.ptr,
		  "Titel\n"
		  "=====\n"
		  "\n"
		  "Eerste alinea met link <https://example.be/x> en een zachte "
		  "breuk.\n"
		  "\n"
		  "Programma\n"
		  "---------\n"
		  "\n"
		  "- een\n"
		  "- twee\n"
		  "  - diep\n"
		  "- ELP <https://zorgraad.be/kalender/elp-wonen-2025/> "
		  "en hier\n"
		  "\n"
		  "1. eerste\n"
		  "\n"
		  "   vervolg\n"
		  "\n"
		  "2. harde\n"
		  "   breuk\n"
		  "\n"
		  "> citaat regel\n"
		  ">\n"
		  "> - in quote\n"
		  "\n"
		  "    code\n"
		  "\n"
		  "    meer\n"
		  "\n"
		  "Klein\n"
		  "\n"
		  "Mail info@zorgraad.be of https://zorgraad.be. Logo\n"
		  "\n"
		  "---",
		  "plain text");
	buf_free(&out);
	md_plain_text(f.doc, NULL, &out);
	CHECK_HAS(out.ptr, "- ELP en hier\n",
		  "without a resolver, site links are text");
	buf_free(&out);
	buf_free(&log.calls);
	fx_close(&f);
}

static void test_plain_lists(void)
{
	struct fx f;
	struct buf out = BUF_INIT;

	fx_body(&f, "- a\n-\n- c\n\n> - q\n>\n>   r\n\n3. x\n4. y\n", NULL);
	md_plain_text(f.doc, NULL, &out);
	CHECK_STR(out.ptr, "- a\n-\n- c\n\n> - q\n>\n>   r\n\n3. x\n4. y",
		  "empty items, lists in quotes, numbering from the start");
	buf_free(&out);
	fx_close(&f);
}

static void test_summary(void)
{
	struct fx f;
	struct buf out = BUF_INIT;

	fx_body(&f,
		"## Wat?\n\nMiddagmoment waarop *partners* uit\n"
		"[één gemeente](page:over-ons) elkaar leren kennen.\n\n"
		"Tweede alinea.\n",
		NULL);
	CHECK(md_summary(f.doc, &out), "a summary exists");
	CHECK_STR(out.ptr,
		  "Middagmoment waarop partners uit één gemeente elkaar "
		  "leren kennen.",
		  "first paragraph as one line of text");
	buf_free(&out);
	fx_close(&f);
	fx_body(&f, "## Alleen een kop\n", NULL);
	CHECK(!md_summary(f.doc, &out), "no paragraph, no summary");
	CHECK_STR(out.ptr, "", "nothing appended");
	fx_close(&f);
}

/* --- template prompts --------------------------------------------------- */

struct hits {
	struct buf log;
};

static void test_empty_body(void)
{
	struct fx f;
	struct buf out = BUF_INIT;
	size_t n;

	fx_open(&f, "---\ntitle: x\n---\n", 4, NULL);
	md_headings(f.doc, &n);
	CHECK_INT(n, 0, "no headings");
	md_render(f.doc, NULL, &out);
	md_plain_text(f.doc, NULL, &out);
	CHECK_STR(out.ptr, "", "empty body, empty output");
	buf_free(&out);
	fx_close(&f);
}

int main(void)
{
	test_fiche_anchors();
	test_newsletter_anchors();
	test_duplicate_anchors();
	test_heading_html();
	test_resolver_calls();
	test_link_positions();
	test_unpublished_target();
	test_same_destination_twice();
	test_unsafe_links();
	test_schemes();
	test_fragment_links();
	test_href_escaping();
	test_raw_html_rejected();
	test_raw_html_allowed();
	test_html_exact();
	test_straight_quotes();
	test_render_appends();
	test_plain_text();
	test_plain_lists();
	test_summary();
	test_empty_body();
	return check_done();
}
