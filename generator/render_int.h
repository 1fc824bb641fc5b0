/*
 * render_int: what the render modules share, and nobody else sees.
 *
 * render.c owns the context, the layout data every page gets, URLs and the
 * output; the render_*.c files build the data of one kind of page each.
 * Template data lives in the page arena, released after every page, so
 * memory stays flat however many pages a site has; slices into the content
 * files are used without copying since those live for the whole build.
 */
#ifndef ZS_RENDER_INT_H
#define ZS_RENDER_INT_H

#include <stdbool.h>

#include "build.h"
#include "labels.h"
#include "markdown.h"
#include "model.h"
/* report.h: an action's planned and held events (action_series(),
 * event_is_held()), the plan years and the indicators' measured values,
 * for any page that shows them (report.c). */
#include "report.h"
#include "schema.h"
#include "template.h"
#include "write.h"

/* Every path the build publishes, for relative links and clashes. */
struct url_claim {
	char *path;  /* site path without the leading '/': "kalender/x/" */
	char *what;  /* who claims it, for messages */
	const struct source *src;
	struct pos pos;
};

struct urlset {
	struct url_claim *v;
	size_t n, cap;
};

enum { TPL_DIRS = 4 };

/*
 * Render workers (render_workers.c).  The pages of a build are units,
 * numbered in the order the renderers reach them, which is the same in
 * every worker since all run the same code on the same model.  Each unit
 * goes to the worker with the least work so far (by the weights units
 * declare; ties to the lowest number), so every worker knows, without
 * asking, which units are its own.  A renderer brackets a page's work
 * with unit_begin()/unit_end() and skips it when unit_begin() says the
 * page is another worker's; emit_page(), emit_file() and emit_pieces()
 * outside such a bracket are a unit of weight 1 each.
 */
enum {
	RENDER_WORKERS_MAX = 8,
	/* A site whose items number fewer renders in one process unless
	 * -j asks for more: forking costs more than small sites gain. */
	RENDER_PARALLEL_MIN_ITEMS = 2000,
};

struct render_units {
	unsigned nworkers;          /* 1: everything is this process's */
	unsigned worker;            /* this process's number, 0 = parent */
	unsigned long long next;    /* units begun so far */
	unsigned long long load[RENDER_WORKERS_MAX];
	bool in_unit, mine;
};

struct render {
	struct build *b;
	struct site *s;
	struct arena pa;            /* the page arena */
	struct tpl_set *tpls;
	struct out_tree out;
	bool writing;
	struct urlset urls;
	struct slice base_path;     /* "/" or "/zone/" from base_url */
	struct slice base_url;      /* without its trailing '/' */
	const char *kind_path[K__ITEMS]; /* "acties", ...; "" for pages */
	struct labels labels;       /* defaults and the theme's labels.yaml */
	const char *css_url;        /* with a content hash, for caching */
	const char *theme_dir;      /* themes/NAME of the tool or the site */
	const char *theme_dirs[2];  /* the tool's theme, then the site's */
	size_t ntheme_dirs;
	const char *tpl_dirs[TPL_DIRS];    /* where templates are looked up, in order */
	size_t ntpl_dirs;
	struct buf html;
	char **sitemap;             /* page paths, in build order */
	size_t nsitemap, sitemap_cap;
	const struct item *current; /* the page whose body is rendered */
	struct event **events;      /* published events by date, then id */
	size_t nevents;
	/* Set while a mail version or the feed is rendered (see site_url):
	 * links absolute, and on a mail's links into the site the campaign
	 * query, e.g. "utm_campaign=nieuwsbrief-2025-10". */
	bool abs_links;
	const char *campaign;
	struct ledger *ledger;      /* published URLs (ledger.c); NULL: none */
	struct render_units units;  /* who renders which page */
};

/* Declares a path the build will write; pages and files a module adds
 * beyond the items' own pages are claimed in collect_urls(). */
void claim_url(struct render *r, const char *path, const char *what,
	       const struct source *src, struct pos pos);

/* ---- data helpers (render.c) ---- */
struct slice label(const struct render *r, enum label_id id);
void put_label(struct render *r, struct tv *m, const char *key,
	       enum label_id id);
/* The same with the label's placeholders filled in (label_fill). */
void put_label_fill(struct render *r, struct tv *m, const char *key,
		    enum label_id id, const struct label_arg *args,
		    size_t nargs);
struct tv *rmap(struct render *r);
struct tv *rlist(struct render *r);
void put(struct render *r, struct tv *m, const char *key, struct tv *v);
void put_sl(struct render *r, struct tv *m, const char *key, struct slice s);
void put_text(struct render *r, struct tv *m, const char *key,
	      const struct text *t);
void put_cstr(struct render *r, struct tv *m, const char *key, const char *s);
void put_buf(struct render *r, struct tv *m, const char *key,
	     const struct buf *b);
void put_bool(struct render *r, struct tv *m, const char *key, bool v);
void put_int(struct render *r, struct tv *m, const char *key, long long v);
void push(struct render *r, struct tv *list, struct tv *v);
size_t tv_len(const struct tv *list);

/* Fills base_url (without a trailing '/'), base_path ("/" or "/zone/",
 * whether base_url ends in '/' or not) and the six kind_path from the
 * site's configuration r->s; base_path is kept in r->b's arena.  The
 * render stage calls it first; tests/unit/test_render_urls.c too. */
void render_setup_paths(struct render *r);

/* "/kalender/ID/" for an item; "" when the edition does not publish it. */
const char *item_url(struct render *r, const struct item *it);
/* Appends "kalender/ID/": the item's folder, without the base path. */
void item_dir(struct render *r, const struct item *it, struct buf *b);
/* Appends "kalender/soort/ID/", or "kalender/archief/" when id is empty:
 * a folder of kind k's section (sub names it), without the base path. */
void section_dir(struct render *r, struct buf *b, enum kind k,
		 const char *sub, struct slice id);
/* The same as a URL ("/zone/kalender/soort/ID/"), in the page arena. */
const char *section_url(struct render *r, enum kind k, const char *sub,
			struct slice id);
/* Appends the absolute URL of a site path without the base path
 * ("kalender/x/", "" for the home page): "https://host/zone/kalender/x/".
 * The one place that joins base_url and a path. */
void abs_url(struct render *r, struct buf *b, struct slice rel);
/* The same for a URL that starts with the base path, as item_url() and
 * kind_url() give it ("/zone/kalender/x/"); any other is the base. */
void abs_site_url(struct render *r, struct buf *b, const char *url);
struct slice item_title(const struct item *it);
/* {label, url}: url only when the item is published. */
struct tv *item_link(struct render *r, const struct item *it);
/* A partner reference or the zone itself (REF_ZONE). */
struct tv *partner_link(struct render *r, const struct ref *ref);
struct tv *vocab_tv(struct render *r, enum vocab v, const struct ref *ref);
struct tv *vocab_list(struct render *r, enum vocab v, const struct list *l);
struct tv *text_list(struct render *r, const struct list *l);
void put_date(struct render *r, struct tv *m, const char *key,
	      const struct date *start, const struct date *end);
void put_body(struct render *r, struct tv *m, const struct item *it);
/* Appends a body as HTML (or as plain text, see md_plain_text), its links
 * written by site_url(). */
void body_render(struct render *r, const struct item *it, struct buf *out,
		 bool plain_text);
/* Appends the URL of path (a site path that starts with base_path, as
 * item_url gives it) with "#anchor" when anchor is not SL_NULL. */
void site_url(struct render *r, struct buf *url, const char *path,
	      struct slice anchor);
const char *kind_url(struct render *r, enum kind k); /* "/kalender/" */

/* Weights: a page with its own data (an event's page) is UNIT_PAGE; a
 * list of n items costs a fraction of n such pages. */
enum { UNIT_PAGE = 4 };
static inline unsigned long long unit_list_weight(size_t n)
{
	return UNIT_PAGE + n / 4;
}

/* Starts the next unit, of the given weight (a page of an event is 1);
 * returns whether this worker renders it.  unit_end() must follow, in
 * both cases.  Units do not nest. */
bool unit_begin(struct render *r, unsigned long long weight);
void unit_end(struct render *r);

/* The workers (render_workers.c): render_fork() splits the process into
 * r->units.nworkers (after the output tree is open); render_join() ends
 * each child after it has handed over its results, and in the parent
 * merges them.  Without workers both do nothing. */
struct render_team;
struct render_team *render_fork(struct render *r);
void render_join(struct render *r, struct render_team *team);

/* Renders template tpl with data into dir/index.html (dir "" = home).
 * page holds title and description; the layout data is added here. */
void emit_page(struct render *r, const char *tpl, const char *dir,
	       struct tv *page, bool in_sitemap);
void emit_file(struct render *r, const char *path, const struct buf *data);
/* The same for a file made of n pieces (see out_write_pieces); it must
 * not be HTML, whose links the ledger reads. */
void emit_pieces(struct render *r, const char *path, const struct slice *v,
		 size_t n);
/* Adds a page path to sitemap.xml (emit_page does for its pages). */
void sitemap_add(struct render *r, const char *path);

void put_address(struct render *r, struct tv *m, const struct address *a);
void put_phone(struct render *r, struct tv *m, const struct text *t);
/* The published items of a kind, in id order (free() the array). */
struct item **published_items(const struct kind_table *t, size_t *n);

/* Groups items by two vocabularies: (outer, inner) ids of each item. */
struct grouping {
	enum vocab outer, inner;
	int (*outer_of)(const struct item *);
	int (*inner_of)(const struct item *);
	struct tv *(*card)(struct render *, const struct item *);
};

struct tv *group_items(struct render *r, const struct grouping *g,
			struct item *const *v, size_t n);

/* ---- the kinds (render_*.c) ---- */
void render_pages(struct render *r);
void render_actions(struct render *r);
void render_calendar(struct render *r);
/* The calendar's month grids, facet pages, subscription page and
 * iCalendar files, for collect_urls() (render_calendar.c). */
void claim_calendar_urls(struct render *r);
/* An action's series in its plan year, as the calendar shows it: events
 * planned (not cancelled, held ones included) and held.  put_series puts
 * "series" {planned, held, target, year, planned_text "2 van 3 ingepland",
 * held_text "1 gehouden"} when the fiche has a recurrence. */
void calendar_series_counts(struct render *r, const struct action *a,
			    int *planned, int *held);
void put_series(struct render *r, struct tv *m, const struct action *a);
void render_newsletters(struct render *r);
/* The mail versions and the feed, for collect_urls(). */
void claim_newsletter_urls(struct render *r);
/* The plan's year pages, timelines and (internal edition) reports, for
 * collect_urls() (render_actions.c). */
void claim_action_urls(struct render *r);
void render_partners(struct render *r);
/* The directory's facet folders: /partners/gemeente/ID/, .../soort/ID/
 * (render_partners.c writes them, render_search.c links to them). */
#define PARTNER_FACET_MUNICIPALITY "gemeente"
#define PARTNER_FACET_TYPE "soort"
/* The directory's facet pages, CSV and vCards, for collect_urls(). */
void claim_partner_urls(struct render *r);
void render_services(struct render *r);
/* The map's filter pages and its GeoJSON file, for collect_urls(). */
void claim_service_urls(struct render *r);
void render_home(struct render *r);
/* The site search (render_search.c): its page and index, under
 * SEARCH_DIR; claim_search_urls() for collect_urls(). */
#define SEARCH_DIR "zoeken"
void claim_search_urls(struct render *r);
void render_search(struct render *r);
/* True when the build publishes path (a site path without the leading
 * '/', as claimed); valid once collect_urls() has run. */
bool url_claimed(struct render *r, const char *path);

/* Sorted views shared by several pages. */
struct event *const *events_by_date(struct render *r, size_t *n);
struct tv *event_card(struct render *r, const struct event *e);

#endif
