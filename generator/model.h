/*
 * model: the typed model of one site, as the content contract defines it.
 *
 * validate.c decodes front matter into these records through the schema
 * tables in schema.c; model.c then resolves references between records,
 * applies the edition's visibility and builds the cross indexes that pages
 * need (a partner's actions, an action's events).  Every value remembers
 * where it stood in its file, so any later stage can still point at it.
 * All records live in the build's arena.
 */
#ifndef ZS_MODEL_H
#define ZS_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "diag.h"
#include "slice.h"

struct fuzzydate;
struct md_doc;
struct ynode;

/* Kinds of content with files of their own; the order is the build order. */
enum kind { K_PAGE, K_PARTNER, K_SERVICE, K_ACTION, K_EVENT, K_NEWSLETTER,
	    K__ITEMS, K_OBJECTIVE = K__ITEMS, K__COUNT };

/* Site vocabularies: lists of {id, label} given in site.yaml or defaulted. */
enum vocab { V_MUNICIPALITY, V_CLUSTER, V_AUDIENCE, V_EVENT_TYPE,
	     V_PARTNER_TYPE, V_SERVICE_CATEGORY, V__COUNT };

enum visibility { VIS_PUBLIC, VIS_PARTNERS, VIS_INTERNAL };
enum edition { ED_PUBLIC, ED_PARTNERS, ED_INTERNAL };

/* ---- decoded values; `set` is false when the key is absent or null ---- */

struct text {
	struct slice s;
	struct pos pos;
	bool set;
};

struct num {
	long long v;
	struct pos pos;
	bool set;
};

struct flag {
	bool v;
	struct pos pos;
	bool set;
};

/* An enumerated value: v indexes the field's list of words. */
struct choice {
	int v;
	struct pos pos;
	bool set;
};

struct date {
	struct fuzzydate *fd;
	struct slice raw;
	struct pos pos;
	bool set;
};

struct geo {
	double lat, lon;
	struct pos pos;
	bool set;
};

/* REF_ZONE: `zorgraad`, the zone itself, where a field allows it. */
enum { REF_UNRESOLVED = -1, REF_ZONE = -2 };

/* A reference to a record (kind) or a vocabulary entry, by id. */
struct ref {
	struct slice id;
	struct pos pos;
	int index;
	bool set;
};

struct list {
	void *v;
	size_t n;
	struct pos pos;
	bool set;
};

#define LIST_AT(l, type, i) (((type *)(l).v)[i])

/* Every nested mapping's record starts with this header. */
struct nested {
	struct pos pos;
	bool set;
};

/* ---- site.yaml ---- */

struct vocab_entry {
	struct nested h;
	struct text id, label, name, color;
	struct list postcodes; /* struct text */
};

struct zone_cfg { struct nested h; struct text name, short_name, legal_name; };
struct newsletter_cfg {
	struct nested h;
	struct text subscribe_url, campaign;
	struct list skip_months; /* struct num */
};
struct analytics_cfg { struct nested h; struct text matomo_url; struct num site_id; };
/* tiles: an {z}/{x}/{y} address of the zone's own tile server, for the
 * optional interactive layer; attribution: the credit it must show. */
struct map_cfg { struct nested h; struct text boundaries, tiles, attribution; };
struct paths_cfg {
	struct nested h;
	struct text actions, calendar, newsletters, partners, services;
};
struct contact_cfg { struct nested h; struct text email, phone, address; };
struct markdown_cfg { struct nested h; struct flag unsafe_html, smart; };
/* publish: where `zonesite publish` sends the built site with rsync
 * (an extension; publish.h). */
struct publish_cfg { struct nested h; struct text target; };

struct site_config {
	struct zone_cfg zone;
	struct text base_url, language, timezone, theme;
	struct choice messages; /* nl or en: the language of diagnostics
				   (an extension of the contract) */
	struct list vocab[V__COUNT]; /* struct vocab_entry */
	struct list seasons;         /* struct fd_season */
	struct newsletter_cfg newsletter;
	struct analytics_cfg analytics;
	struct map_cfg map;
	struct paths_cfg paths;
	struct contact_cfg contact;
	struct list menu;            /* struct menu_entry */
	struct markdown_cfg markdown; /* extension */
	struct publish_cfg publish;   /* extension */
	const struct ynode *extra;
};

struct menu_entry {
	struct nested h;
	struct ref page;
	struct text path, label;
};

/* ---- records with a file of their own ---- */

struct item {
	enum kind kind;
	struct slice id;
	struct source *src;
	struct slice body;
	unsigned body_line;
	size_t body_offset;
	struct md_doc *doc;
	struct list aliases; /* struct text: old site paths */
	struct choice visibility;
	bool published;      /* visible in this build's edition */
	bool broken;         /* unreadable: kept so references to it resolve */
	const struct ynode *extra;
};

struct address {
	struct nested h;
	struct text street, postcode, place; /* place: a town outside the zone */
	struct ref municipality;
};

struct objective {
	struct nested h;
	struct text id, text;
	struct ref parent;
	struct source *src;
};

struct milestone {
	struct nested h;
	struct date date;
	struct text title, label;
	struct ref event;
	struct flag tentative;
};

struct indicator {
	struct nested h;
	struct text indicator, target, method;
	struct choice metric;
};

struct period { struct nested h; struct date start, end; };
struct recurrence {
	struct nested h;
	struct num count;
	struct choice per;
	struct flag min;
	struct text note;
};
struct evaluation {
	struct nested h;
	struct list process, output, impact; /* struct indicator */
};

struct action {
	struct item it;
	struct text title, code, summary;
	struct num plan, continued_from;
	struct choice template_, status;
	struct ref strategic_objective, lead, alias_of;
	struct list operational_objectives; /* struct ref */
	struct list role;                   /* struct choice */
	struct list partners;               /* struct ref */
	struct list target_groups, themes;  /* struct text */
	struct list municipalities;         /* struct ref (vocab) */
	struct period period;
	struct list milestones;             /* struct milestone */
	struct recurrence recurrence;
	struct list channels;               /* struct choice */
	struct evaluation evaluation;
};

struct programme_entry {
	struct nested h;
	struct date start, end;
	struct text title;
};

struct location {
	struct nested h;
	struct text name, address;
	struct ref service;
};
struct online { struct nested h; struct text url; };
struct registration {
	struct nested h;
	struct text url;
	struct date deadline;
	struct num capacity;
};

struct event {
	struct item it;
	struct text title, label;
	struct ref type, action, organiser;
	struct date start, end;
	struct flag tentative;
	struct choice status;
	struct list co_organisers;   /* struct ref */
	struct list audience;        /* struct ref (vocab) */
	struct list municipalities;  /* struct ref (vocab) */
	struct location location;
	struct online online;
	struct registration registration;
	struct list programme;       /* struct programme_entry */
	struct num attendance;
};

struct newsletter {
	struct item it;
	struct text title, summary;
	struct date date;
	struct num number;
	struct ref spotlight;
	struct list events;          /* struct ref */
};

struct partner {
	struct item it;
	struct text name, short_name, website, email, phone, logo;
	struct ref type, cluster;
	struct list municipalities;  /* struct ref (vocab) */
	struct address address;
	struct flag member, board;
	struct date updated;
};

struct service {
	struct item it;
	struct text name, phone, email, website, opening_hours, sociale_kaart;
	struct ref category, municipality, partner;
	struct address address;
	struct geo geo;
	struct list target_groups;   /* struct text */
	struct date updated;
};

struct page {
	struct item it;
	struct text title, summary;
	struct num menu;
};

/* One slot of a kind's id index: the record's index + 1 (0: free) and
 * its id's hash, so a probe reads the record only on a likely match. */
struct id_slot {
	uint32_t index1, hash;
};

/* The kinds' records, sorted by id (ids are unique within a kind).
 * model_build also indexes the ids in a hash table of mask + 1 slots:
 * every page looks its links up, and bisecting 100,000 ids, each a few
 * pointers away, took a tenth of a big site's check (half that hashed).
 * A table made by hand (mask 0) is searched by bisection. */
struct kind_table {
	struct item **v;
	size_t n;
	struct id_slot *slot;
	size_t mask;
};

struct site {
	char *dir;                /* the site folder, as given */
	struct source *config_src;
	struct site_config cfg;
	struct objective *objectives;
	size_t nobjectives;
	struct kind_table kinds[K__ITEMS];
	enum edition edition;
	bool config_broken;       /* site.yaml unreadable: vocabularies unknown */
	int *vocab_sorted[V__COUNT]; /* entry indices in id order, for lookups */
	int now_day;              /* days since 1970-01-01, Brussels date */
	/* Events by the action they serve: the indices in kinds[K_EVENT]
	 * of action i's events are action_event_idx[off[i]..off[i+1]), so
	 * per-action counts cost their events, not the whole calendar.
	 * NULL until model_build. */
	size_t *action_event_off, *action_event_idx;
};

/* Items of every kind the site holds (not objectives). */
size_t site_items(const struct site *s);

extern const char *const kind_names[K__COUNT];   /* "event", ... */
extern const char *const kind_names_nl[K__COUNT]; /* "activiteit", ... */
/* Their plurals, for counts ("3 activiteiten"). */
extern const char *const kind_plurals[K__COUNT];    /* "events", ... */
extern const char *const kind_plurals_nl[K__COUNT]; /* "activiteiten", ... */
extern const char *const kind_folders[K__ITEMS]; /* "events", ... */
extern const char *const vocab_keys[V__COUNT];   /* "municipalities", ... */

/* Looks an id up in a kind (binary search): the record or NULL. */
struct item *model_find(const struct site *s, enum kind k, struct slice id);
/* The same lookup: its index in kinds[k], or -1. */
int model_find_index(const struct site *s, enum kind k, struct slice id);
/* The indices in kinds[K_EVENT] of the events whose `action` is a (any
 * edition), *n of them; NULL when the index is not built. */
const size_t *model_action_events(const struct site *s,
				  const struct action *a, size_t *n);
int model_find_vocab(const struct site *s, enum vocab v, struct slice id);
int model_find_objective(const struct site *s, struct slice id);

/* The label shown for a vocabulary entry (label, else name, else id). */
struct slice vocab_label(const struct site *s, enum vocab v, int index);

/* Months after which a partner's or service's `updated` day is stale: the
 * plan report lists it, and the build may warn. */
enum { MODEL_STALE_MONTHS = 12 };

/* True when updated (a day) lies more than MODEL_STALE_MONTHS months
 * before today (Brussels days since 1970); false when it is not set. */
bool model_is_stale(const struct date *updated, int64_t today);

#define ITEM_AS(type, it) ((type *)(it))

struct build;
/* Decodes, resolves and checks the whole site (after load_site); returns
 * the number of errors reported. */
unsigned model_build(struct build *b);
void model_free(struct site *s);

#endif
