/*
 * test_labels: the label table against the default theme, and the
 * placeholders of labels (labels.h).
 *
 * zonesite's themes/default/labels.yaml lists every key with its default
 * and is what a site without a theme of its own loads, so it must load
 * without a message and give back exactly the built-in texts: a text that
 * differed there would change every site.  label_fill() puts each value
 * where its {name} stands, in the order the text gives, and leaves alone
 * whatever is not a placeholder it was given.
 */
#include <string.h>

#include "check.h"
#include "labels.h"

static void check_default_theme(void)
{
	struct labels def, theme;
	struct arena a = ARENA_INIT;
	struct diag_ctx d;
	int k, same = 0;

	diag_init(&d);
	labels_defaults(&def);
	CHECK_INT(labels_load(&theme, &a, &d, "themes/default"), 0,
		  "themes/default/labels.yaml loads without errors");
	CHECK_INT(d.n, 0, "... and without any message");
	for (k = 0; k < L__COUNT; k++)
		if (sl_eq(def.text[k], theme.text[k]))
			same++;
		else
			printf("#   '%.*s' instead of '%.*s'\n",
			       SL_FMT(theme.text[k]), SL_FMT(def.text[k]));
	CHECK_INT(same, L__COUNT,
		  "every text of the default theme is the built-in default");
	diag_free(&d);
	arena_free(&a);
}

static void fill(const char *text, const char *want, const char *what)
{
	static const struct label_arg args[] = {
		{ "day", { "2", 1 } }, { "days", { "8", 1 } } };
	struct buf b = BUF_INIT;

	label_fill(&b, sl_cstr(text), args, 2);
	CHECK_STR(b.len ? b.ptr : "", want, what);
	buf_free(&b);
}

int main(void)
{
	check_default_theme();
	fill("dag {day} van {days}", "dag 2 van 8", "values in their places");
	fill("{days} dagen, dag {day}", "8 dagen, dag 2",
	     "in the order the text gives");
	fill("Kalender", "Kalender", "a text without placeholders as it is");
	fill("{dag} { day} {Day} {day", "{dag} { day} {Day} {day",
	     "what is not a placeholder given stays as it is");
	fill("{{day}}", "{2}", "braces around a placeholder stay");
	fill("", "", "an empty text stays empty");
	return check_done();
}
