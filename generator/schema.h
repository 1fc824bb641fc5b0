/*
 * schema: the content contract as data.
 *
 * One table per kind lists every key the contract documents, its type and
 * where its value goes in the model record.  validate.c walks these tables
 * to decode front matter, to reject unknown keys (suggesting the nearest
 * known one) and to report missing required keys; model.c walks them again
 * to resolve references.  Adding a key to the contract means adding a row
 * here and a member in model.h, nothing else.
 */
#ifndef ZS_SCHEMA_H
#define ZS_SCHEMA_H

#include <stddef.h>

#include "model.h"

enum ftype {
	FT_TEXT,    /* any scalar as text (numbers too), not true/false */
	FT_CODE,    /* text that must be quoted when it looks like a number */
	FT_INT,     /* a plain whole number within [min, max] */
	FT_BOOL,    /* plain true or false */
	FT_DATE,    /* a fuzzy date (content-model section 3) */
	FT_DAY,     /* a fuzzy date that must be day-precise */
	FT_ENUM,    /* one word of words[] */
	FT_VOCAB,   /* an id of site vocabulary `target` */
	FT_REF,     /* an id of kind `target`, resolved by model.c */
	FT_URL,     /* an absolute http(s) URL */
	FT_EMAIL,
	FT_STATIC,  /* a path of a file under static/ */
	FT_FILE,    /* a path of a file under the site folder */
	FT_ALIAS,   /* a site path such as /kalender/oude-naam/ */
	FT_SLUG,    /* one path segment: a-z 0-9 - */
	FT_COLOR,   /* #rrggbb */
	FT_GEO,     /* [latitude, longitude] */
	FT_ANY,     /* free-form YAML kept as a node (extra:) */
	FT_STRUCT,  /* a mapping decoded with sub */
	FT_LIST,    /* a sequence of elem */
	FT_SEASONS, /* site.yaml seasons: {name: [first, last]} */
};

enum field_flags {
	F_REQUIRED = 1 << 0,
	F_ZONE = 1 << 1,     /* FT_REF: `zorgraad` names the zone itself */
	F_NONEMPTY = 1 << 2, /* FT_LIST: at least one element */
};

struct schema;

struct field {
	const char *key;
	enum ftype type;
	size_t off;
	unsigned flags;
	int target;                  /* kind (FT_REF) or vocab (FT_VOCAB) */
	const char *const *words;    /* FT_ENUM, NULL-terminated */
	int def;                     /* FT_ENUM: index used when absent */
	long long min, max;          /* FT_INT */
	const struct schema *sub;    /* FT_STRUCT, and FT_LIST of structs */
	const struct field *elem;    /* FT_LIST */
	size_t size;                 /* FT_LIST: bytes per element */
};

struct schema {
	const char *what;            /* "event", "the registration" ... */
	const struct field *fields;  /* ends with a row whose key is NULL */
	size_t size;                 /* bytes of the record */
};

extern const struct schema schema_site;
extern const struct schema schema_objective;
extern const struct schema *const schema_kinds[K__ITEMS];

/* The enumerations, in the order of their word lists. */
enum action_template { TPL_2025, TPL_2024, TPL_SHORT, TPL_STUB };
enum action_status { AS_PLANNED, AS_RUNNING, AS_DONE, AS_POSTPONED,
		     AS_DROPPED, AS_PLACEHOLDER };
enum event_status { ES_PLANNED, ES_CONFIRMED, ES_POSTPONED, ES_CANCELLED,
		    ES_DONE };
enum action_role { ROLE_TREKKER, ROLE_FACILITATOR, ROLE_DEELNEMER,
		   ROLE_ADVISEUR };
enum metric { METRIC_EVENT_COUNT, METRIC_ATTENDANCE,
	      METRIC_NEWSLETTER_MENTIONS };
enum recurrence_per { PER_YEAR, PER_QUARTER, PER_MONTH };

extern const char *const words_visibility[];
extern const char *const words_template[];
extern const char *const words_action_status[];
extern const char *const words_event_status[];
extern const char *const words_role[];
extern const char *const words_channel[];
extern const char *const words_metric[];
extern const char *const words_per[];
extern const char *const words_messages[];

#endif
