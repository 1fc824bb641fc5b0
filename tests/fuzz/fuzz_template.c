/*
 * fuzz_template: the Mustache engine (template.c), parsing and rendering.
 *
 * The input is split at NUL bytes into up to four templates: "main", and
 * the partials "p", "layout" and "card" that main may name ({{>p}},
 * {{<layout}}, {{>*dyn}}).  main is rendered twice, strict and lenient,
 * against data shaped like a page's: nested maps, lists, booleans, empty
 * strings, text with HTML in it.  Properties beyond not crashing: a failed
 * render leaves the output as it was and reported why; a successful one
 * renders the same bytes again (compiled templates are reused per page).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "fuzz.h"
#include "template.h"

enum { FUZZ_TEMPLATES = 4 };

static const char *const names[FUZZ_TEMPLATES] = { "main", "p", "layout",
						   "card" };

static struct tv *str(struct arena *a, const char *s)
{
	return tv_cstr(a, s);
}

static struct tv *card(struct arena *a, const char *label, const char *url)
{
	struct tv *m = tv_map_new(a);

	tv_map_put(a, m, "label", str(a, label));
	tv_map_put(a, m, "url", str(a, url));
	return m;
}

/* Data with every kind of value, nested like a page's. */
static struct tv *page_data(struct arena *a)
{
	struct tv *root = tv_map_new(a), *site = tv_map_new(a);
	struct tv *items = tv_list_new(a), *empty = tv_list_new(a);
	struct tv *words = tv_list_new(a), *deep = tv_map_new(a);
	struct tv *inner = tv_map_new(a);

	tv_map_put(a, site, "name", str(a, "Eerstelijnszone <Regio> & \"co\""));
	tv_map_put(a, site, "base", str(a, "/"));
	tv_map_put(a, root, "site", site);
	tv_list_push(a, items, card(a, "Eén", "/kalender/een/"));
	tv_list_push(a, items, card(a, "Twee <b>", "/kalender/twee/"));
	tv_list_push(a, items, NULL);
	tv_map_put(a, root, "items", items);
	tv_map_put(a, root, "empty", empty);
	tv_list_push(a, words, str(a, "a"));
	tv_list_push(a, words, str(a, ""));
	tv_list_push(a, words, tv_bool(a, false));
	tv_map_put(a, root, "words", words);
	tv_map_put(a, inner, "z", str(a, "diep"));
	tv_map_put(a, deep, "y", inner);
	tv_map_put(a, root, "x", deep);
	tv_map_put(a, root, "t", tv_bool(a, true));
	tv_map_put(a, root, "f", tv_bool(a, false));
	tv_map_put(a, root, "n", NULL);
	tv_map_put(a, root, "s", str(a, ""));
	tv_map_put(a, root, "zero", str(a, "0"));
	tv_map_put(a, root, "count", tv_int(a, 42));
	tv_map_put(a, root, "body", str(a, "<p>Tekst &amp; meer</p>"));
	tv_map_put(a, root, "dyn", str(a, "p"));
	tv_map_put(a, root, "dyn_missing", str(a, "geen-partial"));
	tv_map_put(a, root, "t", tv_bool(a, false)); /* the last put wins */
	return root;
}

static void render(const char *const *texts, bool lenient,
		   const struct tv *(*data)(struct arena *))
{
	struct arena a = ARENA_INIT;
	struct diag_ctx d;
	struct tpl_set *s;
	const struct tpl *t;
	struct buf out = BUF_INIT, again = BUF_INIT;
	size_t i;

	diag_init(&d);
	s = tpl_set_new(&a, &d);
	tpl_set_lenient(s, lenient);
	for (i = 0; i < FUZZ_TEMPLATES; i++)
		if (texts[i])
			tpl_set_add_string(s, names[i], texts[i]);
	t = tpl_get(s, "main");
	if (t == NULL) {
		FUZZ_ASSERT(d.counts[DL_ERROR] > 0);
	} else {
		const struct tv *v = data(&a);

		buf_puts(&out, "kept");
		if (tpl_render(s, t, v, &out) == 0) {
			buf_puts(&again, "kept");
			FUZZ_ASSERT(tpl_render(s, t, v, &again) == 0);
			FUZZ_ASSERT(out.len == again.len &&
				    memcmp(out.ptr, again.ptr, out.len) == 0);
		} else {
			FUZZ_ASSERT(out.len == 4 && !memcmp(out.ptr, "kept", 4));
			FUZZ_ASSERT(d.counts[DL_ERROR] > 0);
		}
	}
	fuzz_flush(&d);
	buf_free(&out);
	buf_free(&again);
	diag_free(&d);
	arena_free(&a);
}

static const struct tv *data_page(struct arena *a)
{
	return page_data(a);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *texts[FUZZ_TEMPLATES] = { 0 };
	char *copy;
	size_t i, n = 0;

	if (size > FUZZ_MAX_INPUT)
		return 0;
	copy = xmalloc(size + 1);
	memcpy(copy, data, size);
	copy[size] = '\0';
	texts[n++] = copy;
	for (i = 0; i < size && n < FUZZ_TEMPLATES; i++)
		if (copy[i] == '\0')
			texts[n++] = copy + i + 1;
	render(texts, false, data_page);
	render(texts, true, data_page);
	free(copy);
	return 0;
}
