/*
 * test_render_urls: the render stage's builders of paths and URLs.
 *
 * Every absolute URL of the site (canonical links, the sitemap, feeds,
 * iCalendar, JSON-LD, vCards, mails) comes from abs_url() and
 * abs_site_url(), and every facet and section folder from section_dir():
 * checked here for a site at the root of its host and for one under a
 * sub-path, where a join that drops or doubles the base path would send
 * every reader of a feed or a mail to a page that does not exist.  The
 * render context is filled as setup_paths() in render.c fills it.
 */
#include <string.h>

#include "buf.h"
#include "check.h"
#include "render_int.h"

/* A context for base_url, its base path and the default section names. */
static void setup(struct render *r, const char *base_url,
		  const char *base_path)
{
	memset(r, 0, sizeof(*r));
	r->base_url = sl_cstr(base_url);
	r->base_path = sl_cstr(base_path);
	r->kind_path[K_PAGE] = "";
	r->kind_path[K_EVENT] = "kalender";
	r->kind_path[K_SERVICE] = "kaart";
	r->kind_path[K_PARTNER] = "partners";
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
	struct render r;

	setup(&r, "https://www.zone.example", "/");
	abs_is(&r, SL("kalender/x/"), "https://www.zone.example/kalender/x/",
	       "root: a page");
	abs_is(&r, SL(""), "https://www.zone.example/", "root: the home page");
	abs_is(&r, SL("kalender.ics"), "https://www.zone.example/kalender.ics",
	       "root: a file");
	abs_site_is(&r, "/kalender/x/", "https://www.zone.example/kalender/x/",
		    "root: a URL as item_url gives it");
	abs_site_is(&r, "/", "https://www.zone.example/",
		    "root: the base path itself");
}

static void test_sub_path(void)
{
	struct render r;

	setup(&r, "https://www.zone.example/zone", "/zone/");
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
	setup(&r, "https://www.zone.example/a/b", "/a/b/");
	abs_site_is(&r, "/a/b/partners/p/",
		    "https://www.zone.example/a/b/partners/p/",
		    "two levels deep");
}

/* site_url() writes root-relative links on pages and absolute ones, with
 * the campaign before the fragment, in mails and feeds. */
static void test_site_url(void)
{
	struct render r;
	struct buf b = BUF_INIT;

	setup(&r, "https://www.zone.example/zone", "/zone/");
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
	buf_free(&b);
}

static void test_section_dir(void)
{
	struct render r;
	struct buf b = BUF_INIT;
	struct item it = { .kind = K_EVENT, .id = SL("overleg-1"),
			   .published = true };

	setup(&r, "https://www.zone.example/zone", "/zone/");
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
}

int main(void)
{
	test_root();
	test_sub_path();
	test_site_url();
	test_section_dir();
	return check_done();
}
