/*
 * test_render_urls: the render stage's builders of paths and URLs.
 *
 * Every absolute URL of the site (canonical links, the sitemap, feeds,
 * iCalendar, JSON-LD, vCards, mails) comes from abs_url() and
 * abs_site_url(), and every facet and section folder from section_dir():
 * checked here for a site at the root of its host and for one under a
 * sub-path, where a join that drops or doubles the base path would send
 * every reader of a feed or a mail to a page that does not exist.  The
 * render context is filled by render_setup_paths(), as the render stage
 * fills it, from base_url with and without its trailing slash: a
 * base_path without its last '/' would make every link of a site under
 * https://host/zone point to "/zonekalender/".
 */
#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "check.h"
#include "render_int.h"

/* A context as the render stage sets it up for a site whose base_url is
 * base_url; b holds the site and the base path, so it must outlive r
 * (arena_free(&b->arena) after). */
static void setup(struct render *r, struct build *b, const char *base_url)
{
	memset(b, 0, sizeof(*b));
	memset(r, 0, sizeof(*r));
	b->site.cfg.base_url = (struct text){ .s = sl_cstr(base_url),
					      .set = true };
	r->b = b;
	r->s = &b->site;
	render_setup_paths(r);
}

static void slice_is(struct slice got, const char *want, const char *what)
{
	struct buf b = BUF_INIT;

	buf_putsl(&b, got);
	CHECK_STR(b.len ? b.ptr : "", want, what);
	buf_free(&b);
}

/* base_url loses its trailing '/', base_path has exactly one at each
 * end, whichever way the site writes its base_url. */
static void paths_are(const char *base_url, const char *want_url,
		      const char *want_path)
{
	struct build b;
	struct render r;
	char what[160];

	setup(&r, &b, base_url);
	snprintf(what, sizeof(what), "base_url %s: the URL is %s", base_url,
		 want_url);
	slice_is(r.base_url, want_url, what);
	snprintf(what, sizeof(what), "base_url %s: the base path is %s",
		 base_url, want_path);
	slice_is(r.base_path, want_path, what);
	arena_free(&b.arena);
}

static void test_setup_paths(void)
{
	static const char *const want[K__ITEMS] = {
		[K_PAGE] = "", [K_ACTION] = "acties", [K_EVENT] = "kalender",
		[K_NEWSLETTER] = "nieuwsbrief", [K_PARTNER] = "partners",
		[K_SERVICE] = "kaart",
	};
	struct build b;
	struct render r;
	char what[160];
	int k;

	paths_are("https://h/zone", "https://h/zone", "/zone/");
	paths_are("https://h/zone/", "https://h/zone", "/zone/");
	paths_are("https://h", "https://h", "/");
	paths_are("https://h/", "https://h", "/");
	setup(&r, &b, "https://h/zone");
	for (k = 0; k < K__ITEMS; k++) {
		snprintf(what, sizeof(what), "the %s section's folder is "
			 "\"%s\" by default", kind_names[k], want[k]);
		CHECK_STR(r.kind_path[k], want[k], what);
	}
	b.site.cfg.paths.calendar = (struct text){ .s = SL("agenda"),
						   .set = true };
	render_setup_paths(&r);
	CHECK_STR(r.kind_path[K_EVENT], "agenda",
		  "paths: calendar names the calendar's folder");
	arena_free(&b.arena);
	memset(&b, 0, sizeof(b));
	render_setup_paths(&r);
	slice_is(r.base_path, "/", "no base_url: links from the root");
}

static void abs_is(struct render *r, struct slice rel, const char *want,
		   const char *what)
{
	struct buf b = BUF_INIT;

	abs_url(r, &b, rel);
	CHECK_STR(b.ptr, want, what);
	buf_free(&b);
}

static void abs_site_is(struct render *r, const char *url, const char *want,
			const char *what)
{
	struct buf b = BUF_INIT;

	abs_site_url(r, &b, url);
	CHECK_STR(b.ptr, want, what);
	buf_free(&b);
}

static void test_root(void)
{
	struct build b;
	struct render r;

	setup(&r, &b, "https://www.zone.example");
	abs_is(&r, SL("kalender/x/"), "https://www.zone.example/kalender/x/",
	       "root: a page");
	abs_is(&r, SL(""), "https://www.zone.example/", "root: the home page");
	abs_is(&r, SL("kalender.ics"), "https://www.zone.example/kalender.ics",
	       "root: a file");
	abs_site_is(&r, "/kalender/x/", "https://www.zone.example/kalender/x/",
		    "root: a URL as item_url gives it");
	abs_site_is(&r, "/", "https://www.zone.example/",
		    "root: the base path itself");
	arena_free(&b.arena);
}

static void test_sub_path(void)
{
	struct build b;
	struct render r;

	setup(&r, &b, "https://www.zone.example/zone");
	abs_is(&r, SL("kalender/x/"),
	       "https://www.zone.example/zone/kalender/x/",
	       "sub-path: a page keeps the base path once");
	abs_is(&r, SL(""), "https://www.zone.example/zone/",
	       "sub-path: the home page");
	abs_is(&r, SL("sitemap.xml"),
	       "https://www.zone.example/zone/sitemap.xml", "sub-path: a file");
	abs_site_is(&r, "/zone/kalender/x/",
		    "https://www.zone.example/zone/kalender/x/",
		    "sub-path: a URL as item_url gives it");
	abs_site_is(&r, "/zone/kaart/a.b/?q=1",
		    "https://www.zone.example/zone/kaart/a.b/?q=1",
		    "sub-path: a query stays");
	abs_site_is(&r, "/zone/", "https://www.zone.example/zone/",
		    "sub-path: the base path itself");
	abs_site_is(&r, "", "https://www.zone.example/zone/",
		    "sub-path: an unpublished item's \"\" is the base");
	arena_free(&b.arena);
	setup(&r, &b, "https://www.zone.example/a/b/");
	abs_site_is(&r, "/a/b/partners/p/",
		    "https://www.zone.example/a/b/partners/p/",
		    "two levels deep");
	arena_free(&b.arena);
}

/* site_url() writes root-relative links on pages and absolute ones, with
 * the campaign before the fragment, in mails and feeds; a URL with a
 * query already gets the campaign as one more parameter. */
static void test_site_url(void)
{
	struct build site;
	struct render r;
	struct buf b = BUF_INIT;

	setup(&r, &site, "https://www.zone.example/zone");
	site_url(&r, &b, "/zone/kalender/x/", SL("waar"));
	CHECK_STR(b.ptr, "/zone/kalender/x/#waar",
		  "a page links root-relative");
	buf_reset(&b);
	r.abs_links = true;
	r.campaign = "utm_campaign=nieuwsbrief-2025-10";
	site_url(&r, &b, "/zone/kalender/x/", SL("waar"));
	CHECK_STR(b.ptr, "https://www.zone.example/zone/kalender/x/"
		  "?utm_campaign=nieuwsbrief-2025-10#waar",
		  "a mail links absolute, with its campaign");
	buf_reset(&b);
	site_url(&r, &b, "/zone/kaart/a.b/?q=1", SL_NULL);
	CHECK_STR(b.ptr, "https://www.zone.example/zone/kaart/a.b/"
		  "?q=1&utm_campaign=nieuwsbrief-2025-10",
		  "a mail's link with a query adds the campaign with '&'");
	buf_free(&b);
	arena_free(&site.arena);
}

static void test_section_dir(void)
{
	struct build site;
	struct render r;
	struct buf b = BUF_INIT;
	struct item it = { .kind = K_EVENT, .id = SL("overleg-1"),
			   .published = true };

	setup(&r, &site, "https://www.zone.example/zone");
	section_dir(&r, &b, K_EVENT, "soort", SL("overleg"));
	CHECK_STR(b.ptr, "kalender/soort/overleg/", "a calendar facet folder");
	buf_reset(&b);
	section_dir(&r, &b, K_EVENT, "archief", SL(""));
	CHECK_STR(b.ptr, "kalender/archief/", "a folder without an id");
	buf_reset(&b);
	section_dir(&r, &b, K_SERVICE, "gemeente", SL("oostkamp"));
	CHECK_STR(b.ptr, "kaart/gemeente/oostkamp/", "a filter of the map");
	CHECK_STR(section_url(&r, K_SERVICE, "soort", SL("huisarts")),
		  "/zone/kaart/soort/huisarts/", "its URL has the base path");
	buf_reset(&b);
	item_dir(&r, &it, &b);
	CHECK_STR(b.ptr, "kalender/overleg-1/", "an item's folder");
	CHECK_STR(item_url(&r, &it), "/zone/kalender/overleg-1/",
		  "its URL, as item_url gives it");
	buf_free(&b);
	arena_free(&r.pa);
	arena_free(&site.arena);
}

int main(void)
{
	test_setup_paths();
	test_root();
	test_sub_path();
	test_site_url();
	test_section_dir();
	return check_done();
}
