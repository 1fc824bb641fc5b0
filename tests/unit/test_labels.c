/*
 * test_labels: the label table against the default theme, and the
 * placeholders of labels (labels.h).
 *
 * zonesite's themes/default/labels.yaml lists every key with its default
 * and is what a site without a theme of its own loads, so it must load
 * without a message and give back exactly the built-in texts: a text that
 * differed there would change every site.  labels_load() falls back to
 * the built-in texts for a key the file leaves out, and for the whole
 * file when there is none, so the file is also read here on its own,
 * with libyaml: it must be there, and a flat mapping that gives each key
 * of the label table exactly once and no other key.  label_fill() puts
 * each value where its {name} stands, in the order the text gives, and
 * leaves alone whatever is not a placeholder it was given.
 */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <yaml.h>

#include "check.h"
#include "labels.h"

#define THEME_DIR "themes/default"
#define THEME_LABELS THEME_DIR "/labels.yaml"

static const char *const label_keys[L__COUNT] = {
#define X(id, key, text) [id] = key,
	LABEL_TABLE(X)
#undef X
};

/* The label whose key is key, or -1. */
static int label_of(const char *key)
{
	int k;

	for (k = 0; k < L__COUNT; k++)
		if (!strcmp(key, label_keys[k]))
			return k;
	return -1;
}

static void count_key(const char *key, int count[L__COUNT], int *unknown)
{
	int k = label_of(key);

	if (k >= 0) {
		count[k]++;
	} else {
		printf("#   not a label: %s\n", key);
		++*unknown;
	}
}

/* Counts, for each label, how often the mapping in f gives its key, and
 * in *unknown the keys of no label.  False when f is no YAML or not one
 * mapping of scalars to scalars. */
static bool count_keys(FILE *f, int count[L__COUNT], int *unknown)
{
	yaml_parser_t p;
	yaml_event_t ev;
	bool ok = true, done = false, is_key = true;
	int depth = 0, maps = 0;

	yaml_parser_initialize(&p);
	yaml_parser_set_input_file(&p, f);
	while (ok && !done && (ok = yaml_parser_parse(&p, &ev))) {
		switch (ev.type) {
		case YAML_MAPPING_START_EVENT:
			ok = depth++ == 0 && maps++ == 0;
			break;
		case YAML_MAPPING_END_EVENT:
			depth--;
			break;
		case YAML_SCALAR_EVENT:
			ok = depth == 1;
			if (ok && is_key)
				count_key((const char *)ev.data.scalar.value,
					  count, unknown);
			is_key = !is_key;
			break;
		case YAML_STREAM_END_EVENT:
			done = true;
			break;
		case YAML_STREAM_START_EVENT:
		case YAML_DOCUMENT_START_EVENT:
		case YAML_DOCUMENT_END_EVENT:
			break;
		default: /* a sequence, an alias: not a flat mapping */
			ok = false;
		}
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&p);
	return ok && maps == 1 && depth == 0 && is_key;
}

/* The file lists every key of the label table, each once: a key left
 * out would still load (as its default) and go unnoticed. */
static void check_theme_keys(FILE *f)
{
	int count[L__COUNT] = { 0 }, unknown = 0, missing = 0, twice = 0;
	int k;

	CHECK(count_keys(f, count, &unknown),
	      THEME_LABELS " is one mapping of keys to texts");
	for (k = 0; k < L__COUNT; k++)
		if (count[k] == 0) {
			printf("#   missing: %s\n", label_keys[k]);
			missing++;
		} else if (count[k] > 1) {
			printf("#   %d times: %s\n", count[k], label_keys[k]);
			twice++;
		}
	CHECK_INT(unknown, 0, "... every key it gives is a label's");
	CHECK_INT(missing, 0, "... it gives every key of the label table");
	CHECK_INT(twice, 0, "... and each of them once");
}

static void check_default_theme(void)
{
	struct labels def, theme;
	struct arena a = ARENA_INIT;
	struct diag_ctx d;
	FILE *f = fopen(THEME_LABELS, "r");
	int k, same = 0;

	if (!CHECK(f != NULL, THEME_LABELS " is there"))
		return;
	check_theme_keys(f);
	fclose(f);
	diag_init(&d);
	labels_defaults(&def);
	CHECK_INT(labels_load(&theme, &a, &d, THEME_DIR), 0,
		  THEME_LABELS " loads without errors");
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
