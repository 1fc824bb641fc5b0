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
#include "schema.h"
#include "template.h"
#include "write.h"

/* Every path the build publishes, for relative links and clashes. */
struct urlset {
	char **v;
	size_t n, cap;
};

enum { TPL_DIRS = 4 };

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
	const char *tpl_dirs[TPL_DIRS];    /* where templates are looked up, in order */
	size_t ntpl_dirs;
	struct buf html;
	char **sitemap;             /* page paths, in build order */
	size_t nsitemap, sitemap_cap;
	const struct item *current; /* the page whose body is rendered */
	struct event **events;      /* published events by date, then id */
	size_t nevents;
};

/* ---- data helpers (render.c) ---- */
struct slice label(const struct render *r, enum label_id id);
void put_label(struct render *r, struct tv *m, const char *key,
	       enum label_id id);
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

/* "/kalender/ID/" for an item; "" when the edition does not publish it. */
const char *item_url(struct render *r, const struct item *it);
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
const char *kind_url(struct render *r, enum kind k); /* "/kalender/" */

/* Renders template tpl with data into dir/index.html (dir "" = home).
 * page holds title and description; the layout data is added here. */
void emit_page(struct render *r, const char *tpl, const char *dir,
	       struct tv *page, bool in_sitemap);
void emit_file(struct render *r, const char *path, const struct buf *data);

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
void render_newsletters(struct render *r);
void render_partners(struct render *r);
void render_services(struct render *r);
void render_home(struct render *r);

/* Sorted views shared by several pages. */
struct event *const *events_by_date(struct render *r, size_t *n);
struct tv *event_card(struct render *r, const struct event *e);

#endif
