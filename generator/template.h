/*
 * template: Mustache templates of the theme, and the data they render.
 *
 * A page is rendered by building a tree of template values (struct tv) in
 * an arena and handing it to a compiled template.  Templates are parsed once
 * per build into a node tree and rendered many times, so parsing does all
 * the work it can: standalone lines are removed, names are split on dots,
 * partials and parents are looked up (and, in strict mode, reported when
 * missing) as soon as a template is loaded.
 *
 * The engine follows the Mustache specification (tests/mustache/spec):
 * interpolation, sections, inverted sections, comments, set-delimiter,
 * partials, inheritance (blocks {{$name}} and parents {{<name}}) and
 * dynamic names ({{>*name}}).  Lambdas are not supported: our data is plain
 * data built by the generator, never code.
 *
 * Truthiness: a section is skipped for a missing name, null, false, an
 * empty list, and - our choice, which the specification leaves to the host
 * language and does not test - the empty string, so that
 * "{{#summary}}<p>{{summary}}</p>{{/summary}}" drops an empty summary.
 * Every map (also an empty one) and every other string (also "0" and
 * "false") is truthy.  A missing name interpolates as the empty string, as
 * the specification requires: templates legitimately test optional fields.
 * true and false interpolate as "true" and "false", lists and maps as "".
 */
#ifndef ZS_TEMPLATE_H
#define ZS_TEMPLATE_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"
#include "buf.h"
#include "diag.h"
#include "slice.h"

enum {
	/* Partial, parent and block expansions nested in one render; a
	 * recursive partial stops here instead of overflowing the C stack. */
	TPL_MAX_DEPTH = 64,
	/* Sections and blocks open at once inside one template. */
	TPL_MAX_NESTING = 64,
	/* A template file larger than this (MiB) is refused. */
	TPL_MAX_FILE_MIB = 16,
};

/* ---- template values ---- */

/* TV_HAS is true when a list is non-empty as the page is rendered, not
 * as the value was made: a list filled after it was put in a map. */
enum tv_kind { TV_NULL, TV_BOOL, TV_STR, TV_LIST, TV_MAP, TV_HAS };

struct tv;

struct tv_pair {
	struct slice key;
	const struct tv *val; /* NULL: the key is present with value null */
};

/*
 * One value.  The NULL pointer is the null value too (a struct tv of kind
 * TV_NULL means the same), so optional fields cost nothing.  Memory comes
 * from the arena given to the builders; zeroed memory is a TV_NULL.
 */
struct tv {
	enum tv_kind kind;
	union {
		bool b;         /* TV_BOOL */
		const struct tv *of; /* TV_HAS: a TV_LIST */
		struct slice s; /* TV_STR: not necessarily NUL-terminated */
		struct {
			const struct tv **items;
			size_t n, cap;
		} list; /* TV_LIST */
		struct {
			struct tv_pair *pairs; /* in the order put */
			size_t n, cap;
		} map; /* TV_MAP */
	} u;
};

/* null: returns NULL (see above); it needs no memory. */
struct tv *tv_null(void);
struct tv *tv_bool(struct arena *a, bool b);
/* Whether list (a TV_LIST) has items when the template reads it. */
struct tv *tv_has(struct arena *a, const struct tv *list);
/* Does NOT copy s: the caller keeps the bytes alive as long as the value
 * (slices into content files and literals do). */
struct tv *tv_str(struct arena *a, struct slice s);
/* Same for a C string (NULL gives the empty string). */
struct tv *tv_cstr(struct arena *a, const char *s);
/* Copies s into the arena, for bytes in a buffer about to be reused. */
struct tv *tv_strdup(struct arena *a, struct slice s);
/* The decimal text of n, in the arena. */
struct tv *tv_int(struct arena *a, long long n);

/* Lists and maps grow by doubling inside the arena (the old array is left
 * behind in it), so pushing and putting are amortised O(1). */
struct tv *tv_list_new(struct arena *a);
void tv_list_push(struct arena *a, struct tv *list, const struct tv *item);
struct tv *tv_map_new(struct arena *a);
/*
 * Appends key -> item without looking for key first (cheap).  The key is
 * not copied.  When a key is put twice, lookups - tv_map_get and the
 * templates alike - see the LAST value put, so page values can be put over
 * site-wide defaults.
 */
void tv_map_put(struct arena *a, struct tv *map, const char *key,
		const struct tv *item);
void tv_map_put_sl(struct arena *a, struct tv *map, struct slice key,
		   const struct tv *item);
/* The last value put for key; NULL when absent, null, or map is no map. */
const struct tv *tv_map_get(const struct tv *map, const char *key);
const struct tv *tv_map_get_sl(const struct tv *map, struct slice key);
/* Section truthiness, as described at the top of this file. */
bool tv_truthy(const struct tv *v);

/* ---- templates ---- */

struct tpl_set;
struct tpl;

/*
 * A set of templates sharing partials, all living in arena a (nothing to
 * free but the arena); problems are reported to d.  The set is strict:
 * missing templates and partials are errors.
 */
struct tpl_set *tpl_set_new(struct arena *a, struct diag_ctx *d);
/* Lenient mode (the Mustache specification's): a missing partial or parent
 * renders as the empty string, without a diagnostic. */
void tpl_set_lenient(struct tpl_set *s, bool lenient);
/* NAME is looked up as DIR/NAME.mustache in the directories in the order
 * they were added: the theme's override directory first, then templates/.
 * dir is copied. */
void tpl_set_add_dir(struct tpl_set *s, const char *dir);
/* Registers a template from memory (text is copied), found before any
 * directory; for tests and the spec runner's partials.  Must happen
 * before the name is first used. */
void tpl_set_add_string(struct tpl_set *s, const char *name,
			const char *text);

/*
 * The compiled template NAME: loaded, parsed and cached on first use, with
 * the partials it names (a partial is a template of the same set).  Returns
 * NULL after reporting a diagnostic: D_TPL_MISSING (once per name), or
 * syntax errors and missing partials at their file:line:col.
 * A template whose partial is broken is returned, but rendering it fails
 * when it reaches that partial (whose error was reported when loaded).
 */
const struct tpl *tpl_get(struct tpl_set *s, const char *name);

/*
 * Renders t with data (a map, usually; NULL is fine) and appends the result
 * to out.  Returns 0, or -1 after a diagnostic (recursion deeper than
 * TPL_MAX_DEPTH, a dynamic partial not found in strict mode, a broken
 * partial); out is then left as it was.  Render-time errors are reported
 * once per tag, not once per page.
 */
int tpl_render(struct tpl_set *s, const struct tpl *t, const struct tv *data,
	       struct buf *out);

/* The name t was loaded under. */
const char *tpl_name(const struct tpl *t);

#endif
