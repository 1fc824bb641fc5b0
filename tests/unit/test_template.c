/*
 * test_template: the Mustache engine beyond what the spec tests cover.
 *
 * The spec runner proves conformance; these tests pin down what is ours:
 * the value builders, the empty-string falsiness, strict-mode errors with
 * their exact file:line:col (columns in code points), the recursion limit,
 * template directories searched in order, and that a compiled template
 * renders again and again.  Diagnostics are checked as the user sees them,
 * through diag_flush into a memory stream.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "arena.h"
#include "buf.h"
#include "check.h"
#include "diag.h"
#include "template.h"
#include "xalloc.h"

struct fx {
	struct arena a;
	struct diag_ctx d;
	struct tpl_set *s;
};

static void fx_init(struct fx *f)
{
	f->a = (struct arena)ARENA_INIT;
	diag_init(&f->d);
	f->s = tpl_set_new(&f->a, &f->d);
}

static void fx_free(struct fx *f)
{
	diag_free(&f->d);
	arena_free(&f->a);
}

/* Everything reported so far, as printed; the caller frees it. */
static char *diags(struct fx *f)
{
	char *p = NULL;
	size_t n = 0;
	FILE *m = open_memstream(&p, &n);

	if (m == NULL)
		die("open_memstream failed");
	diag_flush(&f->d, m);
	fclose(m);
	return p;
}

/* The first line of the diagnostics, the one with file:line:col. */
static char *first_diag(struct fx *f)
{
	char *p = diags(f), *nl = strchr(p, '\n');

	if (nl)
		*nl = '\0';
	return p;
}

static void check_diag(struct fx *f, const char *want, const char *what)
{
	char *got = first_diag(f);

	CHECK_STR(got, want, what);
	free(got);
}

/* Renders template name; "(null)" when tpl_get fails, "(error)" when
 * rendering does.  The caller frees the result. */
static char *render(struct fx *f, const char *name, const struct tv *data)
{
	const struct tpl *t = tpl_get(f->s, name);
	struct buf out = BUF_INIT;

	if (t == NULL)
		return xstrdup("(null)");
	if (tpl_render(f->s, t, data, &out) < 0) {
		buf_free(&out);
		return xstrdup("(error)");
	}
	return buf_detach(&out, NULL);
}

static void check_render(struct fx *f, const char *name,
			 const struct tv *data, const char *want,
			 const char *what)
{
	char *got = render(f, name, data);

	CHECK_STR(got, want, what);
	free(got);
}

/* One template from a string, rendered with data, in a fresh set. */
static void check_one(const char *text, const struct tv *data,
		      const char *want, const char *what)
{
	struct fx f;

	fx_init(&f);
	tpl_set_add_string(f.s, "t", text);
	check_render(&f, "t", data, want, what);
	fx_free(&f);
}

static void test_values(void)
{
	struct arena a = ARENA_INIT;
	struct tv *m = tv_map_new(&a), *l = tv_list_new(&a);
	char scratch[] = "copied";
	const struct tv *dup = tv_strdup(&a, sl_cstr(scratch));
	int i, ok = 1;

	tv_map_put(&a, m, "k", tv_cstr(&a, "first"));
	tv_map_put(&a, m, "other", tv_bool(&a, true));
	tv_map_put(&a, m, "k", tv_cstr(&a, "last"));
	tv_map_put(&a, m, "nothing", tv_null());
	CHECK(sl_eq_cstr(tv_map_get(m, "k")->u.s, "last"),
	      "tv_map_get returns the last value put");
	CHECK(tv_map_get(m, "absent") == NULL, "absent key gives NULL");
	CHECK(tv_map_get(m, "nothing") == NULL, "null value gives NULL");
	CHECK(tv_map_get(l, "k") == NULL, "tv_map_get on a list gives NULL");
	for (i = 0; i < 1000; i++)
		tv_list_push(&a, l, tv_int(&a, i));
	for (i = 0; i < 1000; i++) {
		char want[16];

		snprintf(want, sizeof(want), "%d", i);
		ok &= sl_eq_cstr(l->u.list.items[i]->u.s, want);
	}
	CHECK_INT(l->u.list.n, 1000, "a list grows to 1000 items");
	CHECK(ok, "list items keep their order and values");
	CHECK(sl_eq_cstr(tv_int(&a, -1234567890123LL)->u.s, "-1234567890123"),
	      "tv_int formats long long");
	scratch[0] = 'X';
	CHECK(sl_eq_cstr(dup->u.s, "copied"), "tv_strdup copies");
	CHECK(!tv_truthy(tv_cstr(&a, "")), "empty string is falsy");
	CHECK(tv_truthy(tv_cstr(&a, "0")), "\"0\" is truthy");
	CHECK(tv_truthy(tv_map_new(&a)), "empty map is truthy");
	CHECK(!tv_truthy(tv_list_new(&a)), "empty list is falsy");
	CHECK(!tv_truthy(tv_bool(&a, false)), "false is falsy");
	CHECK(!tv_truthy(NULL), "null is falsy");
	arena_free(&a);
}

static void test_escaping(void)
{
	struct arena a = ARENA_INIT;
	struct tv *m = tv_map_new(&a);

	tv_map_put(&a, m, "x", tv_cstr(&a, "<a href=\"u\">Tom & 'Jerry'</a>"));
	check_one("{{x}}", m,
		  "&lt;a href=&quot;u&quot;&gt;Tom &amp; &#39;Jerry&#39;"
		  "&lt;/a&gt;", "{{x}} escapes & < > \" '");
	check_one("{{{x}}}|{{& x}}", m,
		  "<a href=\"u\">Tom & 'Jerry'</a>|"
		  "<a href=\"u\">Tom & 'Jerry'</a>",
		  "{{{x}}} and {{&x}} do not escape");
	check_one("[{{missing}}]", m, "[]", "a missing name is empty");
	arena_free(&a);
}

static void test_truthiness(void)
{
	struct arena a = ARENA_INIT;
	struct tv *empty = tv_map_new(&a), *full = tv_map_new(&a);
	const char *tpl = "{{#summary}}<p>{{summary}}</p>{{/summary}}"
			  "{{^summary}}none{{/summary}}";

	tv_map_put(&a, empty, "summary", tv_cstr(&a, ""));
	tv_map_put(&a, full, "summary", tv_cstr(&a, "Hi"));
	tv_map_put(&a, full, "flag", tv_bool(&a, true));
	check_one(tpl, empty, "none", "an empty string skips a section");
	check_one(tpl, full, "<p>Hi</p>", "a string opens a section");
	check_one("{{flag}}", full, "true", "true interpolates as 'true'");
	check_one("{{#summary}}{{.}}{{/summary}}", full, "Hi",
		  "the section value is the current item");
	arena_free(&a);
}

/* has_X as put() makes it: the list's state when rendered counts. */
static void test_has(void)
{
	struct arena a = ARENA_INIT;
	struct tv *m = tv_map_new(&a), *l = tv_list_new(&a);
	const char *tpl = "{{#has_band}}<ul>{{#band}}<li>{{.}}</li>{{/band}}"
			  "</ul>{{/has_band}}{{^has_band}}leeg{{/has_band}}"
			  "|{{has_band}}";

	tv_map_put(&a, m, "band", l);
	tv_map_put(&a, m, "has_band", tv_has(&a, l));
	check_one(tpl, m, "leeg|false", "has_X of an empty list is false");
	tv_list_push(&a, l, tv_cstr(&a, "a"));
	tv_list_push(&a, l, tv_cstr(&a, "b"));
	check_one(tpl, m, "<ul><li>a</li><li>b</li></ul>|true",
		  "has_X of a list filled after it was put is true, once");
	arena_free(&a);
}

static void test_render_twice(void)
{
	struct fx f;
	struct tv *d1, *d2, *list;
	const struct tpl *t;
	struct buf out = BUF_INIT;
	int rc1, rc2, rc3;

	fx_init(&f);
	d1 = tv_map_new(&f.a);
	d2 = tv_map_new(&f.a);
	list = tv_list_new(&f.a);
	tv_list_push(&f.a, list, tv_cstr(&f.a, "a"));
	tv_list_push(&f.a, list, tv_cstr(&f.a, "b"));
	tv_map_put(&f.a, d1, "name", tv_cstr(&f.a, "one"));
	tv_map_put(&f.a, d2, "name", tv_cstr(&f.a, "two"));
	tv_map_put(&f.a, d2, "items", list);
	tpl_set_add_string(f.s, "t", "{{name}}:{{#items}}<{{.}}>{{/items}};");
	t = tpl_get(f.s, "t");
	CHECK(t != NULL, "template compiles");
	CHECK_STR(t ? tpl_name(t) : NULL, "t", "tpl_name");
	rc1 = tpl_render(f.s, t, d1, &out);
	rc2 = tpl_render(f.s, t, d2, &out);
	rc3 = tpl_render(f.s, t, d1, &out);
	CHECK(rc1 == 0 && rc2 == 0 && rc3 == 0, "three renders succeed");
	CHECK_STR(out.ptr, "one:;two:<a><b>;one:;",
		  "one compiled template renders with different data");
	CHECK(tpl_get(f.s, "t") == t, "tpl_get caches");
	buf_free(&out);
	fx_free(&f);
}

static void test_inheritance_and_partials(void)
{
	struct fx f;
	struct tv *m;

	fx_init(&f);
	m = tv_map_new(&f.a);
	tv_map_put(&f.a, m, "name", tv_cstr(&f.a, "Zone <Oost>"));
	tv_map_put(&f.a, m, "kind", tv_cstr(&f.a, "card"));
	tpl_set_add_string(f.s, "layout",
			   "<html>\n<title>{{$title}}Zone{{/title}}</title>\n"
			   "<body>\n  {{$body}}\n  <p>empty</p>\n  {{/body}}\n"
			   "</body>\n");
	tpl_set_add_string(f.s, "page",
			   "{{<layout}}\n{{$title}}{{name}}{{/title}}\n"
			   "{{$body}}\n<h1>{{name}}</h1>\n<ul>\n  {{>item}}\n"
			   "</ul>\n{{/body}}\n{{/layout}}\n");
	tpl_set_add_string(f.s, "item", "<li>1</li>\n<li>2</li>\n");
	tpl_set_add_string(f.s, "dyn", "[{{>*kind}}]");
	tpl_set_add_string(f.s, "card", "card of {{name}}");
	check_render(&f, "page", m,
		     "<html>\n<title>Zone &lt;Oost&gt;</title>\n<body>\n"
		     "  <h1>Zone &lt;Oost&gt;</h1>\n  <ul>\n    <li>1</li>\n"
		     "    <li>2</li>\n  </ul>\n</body>\n",
		     "layout with blocks, indented partial inside a block");
	check_render(&f, "dyn", m, "[card of Zone &lt;Oost&gt;]",
		     "dynamic partial");
	tv_map_put(&f.a, m, "frame", tv_cstr(&f.a, "box"));
	tpl_set_add_string(f.s, "dynparent",
			   "{{<*frame}}{{$t}}X{{/t}}{{/*frame}}");
	tpl_set_add_string(f.s, "box", "[{{$t}}default{{/t}}]");
	check_render(&f, "dynparent", m, "[X]", "dynamic parent");
	fx_free(&f);
}

/* One broken template in strict mode: NULL and this first diagnostic. */
static void check_error(const char *text, const char *want, const char *what)
{
	struct fx f;

	fx_init(&f);
	tpl_set_add_string(f.s, "page", text);
	CHECK(tpl_get(f.s, "page") == NULL, what);
	check_diag(&f, want, what);
	fx_free(&f);
}

static void test_syntax_errors(void)
{
	struct buf deep = BUF_INIT;
	int i;

	check_error("<ul>\n  <li>\n\xc3\xa9\xc3\xa9\xc3\xa9 {{#items}}\n"
		    "  {{name}}\n</ul>\n",
		    "page:3:5: error: section 'items' is not closed",
		    "unclosed section at line 3, column 5 in code points");
	check_error("text {{/x}}",
		    "page:1:6: error: '{{/x}}' closes no open section",
		    "stray close");
	check_error("ab\n{{=<%%>=}}\n",
		    "page:2:1: error: bad set-delimiter tag: write two "
		    "delimiters without '=' or spaces, like {{=<% %>=}}",
		    "set-delimiter with one delimiter");
	check_error("{{= a b c =}}",
		    "page:1:1: error: bad set-delimiter tag: write two "
		    "delimiters without '=' or spaces, like {{=<% %>=}}",
		    "set-delimiter with three delimiters");
	check_error("ok\n  {{name",
		    "page:2:3: error: tag is not closed: '}}' is missing",
		    "unclosed tag");
	check_error("{{{name}}",
		    "page:1:1: error: tag is not closed: '}}}' is missing",
		    "unclosed triple mustache");
	check_error("a {{foo bar}}",
		    "page:1:3: error: 'foo bar' is not a valid name in a tag: "
		    "use letters, digits, '_' and '-', with '.' between parts",
		    "white space in a name");
	check_error("{{%PRAGMA}}",
		    "page:1:1: error: '%PRAGMA' is not a valid name in a tag: "
		    "use letters, digits, '_' and '-', with '.' between parts",
		    "unknown tag syntax");
	check_error("{{a..b}}",
		    "page:1:1: error: 'a..b' is not a valid name in a tag: "
		    "use letters, digits, '_' and '-', with '.' between parts",
		    "empty part in a dotted name");
	check_error("{{#}}{{/}}",
		    "page:1:1: error: empty tag: write a name between the "
		    "delimiters",
		    "empty tag");
	for (i = 0; i <= TPL_MAX_NESTING; i++)
		buf_puts(&deep, "{{#a}}");
	check_error(deep.ptr,
		    "page:1:385: error: sections nested deeper than 64 levels",
		    "nesting limit");
	buf_free(&deep);
}

static void test_mismatch_message(void)
{
	struct fx f;
	char *all;

	fx_init(&f);
	tpl_set_add_string(f.s, "page", "{{#a}}\n  {{#b}}\n  {{/a}}\n{{/b}}\n");
	CHECK(tpl_get(f.s, "page") == NULL, "mismatch fails");
	CHECK_INT(diag_errors(&f.d), 1, "one error: parsing stops there");
	all = diags(&f);
	CHECK(strstr(all, "page:3:3: error: '{{/a}}' closes section 'b'\n"),
	      "mismatched close at 3:3");
	CHECK(strstr(all, "page:2:3: note: 'b' was opened here\n") != NULL,
	      "a note shows where the open section is");
	free(all);
	fx_free(&f);
}

static void test_missing(void)
{
	struct fx f;

	fx_init(&f);
	tpl_set_add_string(f.s, "page", "a\n\xc3\xa9 {{> nav}}\n");
	CHECK(tpl_get(f.s, "page") == NULL, "strict: missing partial fails");
	check_diag(&f, "page:2:3: error: partial 'nav' not found",
		   "missing partial at its tag");
	CHECK(tpl_get(f.s, "nope") == NULL, "missing template");
	check_diag(&f, "zonesite: error: template 'nope' not found in the "
		   "theme or templates/", "missing template message");
	CHECK(tpl_get(f.s, "nope") == NULL && diag_errors(&f.d) == 2,
	      "a missing template is reported once");
	fx_free(&f);

	fx_init(&f);
	tpl_set_lenient(f.s, true);
	tpl_set_add_string(f.s, "page", "[{{>nav}}|{{<nav}}{{/nav}}]");
	check_render(&f, "page", NULL, "[|]",
		     "lenient: missing partial is empty");
	CHECK_INT(diag_errors(&f.d), 0, "lenient: no diagnostic");
	fx_free(&f);
}

/* A template that recurses forever fails cleanly, once per tag. */
static void check_recursion(const char *name, const char *const *tpls,
			    const char *want, const char *what)
{
	struct fx f;
	struct buf out = BUF_INIT;
	const struct tpl *t;
	int rc1, rc2;

	fx_init(&f);
	for (; *tpls; tpls += 2)
		tpl_set_add_string(f.s, tpls[0], tpls[1]);
	t = tpl_get(f.s, name);
	CHECK(t != NULL, what);
	buf_puts(&out, "keep");
	rc1 = tpl_render(f.s, t, NULL, &out);
	rc2 = tpl_render(f.s, t, NULL, &out);
	CHECK(rc1 == -1 && rc2 == -1, what);
	CHECK_STR(out.ptr, "keep", "a failed render leaves out as it was");
	CHECK_INT(diag_errors(&f.d), 1, "reported once, not per render");
	check_diag(&f, want, what);
	buf_free(&out);
	fx_free(&f);
}

static void test_recursion(void)
{
	static const char *const partial[] = { "r", "x{{>r}}", NULL };
	static const char *const parent[] = { "q", "{{<q}}{{/q}}", NULL };
	static const char *const block[] = {
		"b", "{{<p}}{{$a}}[{{$a}}{{/a}}]{{/a}}{{/p}}",
		"p", "{{$a}}{{/a}}", NULL };

	check_recursion("r", partial,
			"r:1:2: error: templates nested deeper than 64 levels "
			"(recursive partial?)", "recursive partial");
	check_recursion("q", parent,
			"q:1:1: error: templates nested deeper than 64 levels "
			"(recursive partial?)", "recursive parent");
	check_recursion("b", block,
			"b:1:14: error: templates nested deeper than 64 levels "
			"(recursive partial?)", "block that contains itself");
}

static void write_file(const char *dir, const char *name, const char *text)
{
	struct buf path = BUF_INIT;
	FILE *f;

	buf_printf(&path, "%s/%s", dir, name);
	f = fopen(path.ptr, "w");
	if (f == NULL)
		die("cannot write %s", path.ptr);
	fputs(text, f);
	fclose(f);
	buf_free(&path);
}

static void remove_files(const char *dir, const char *const *names)
{
	struct buf path = BUF_INIT;

	for (; *names; names++) {
		buf_reset(&path);
		buf_printf(&path, "%s/%s", dir, *names);
		remove(path.ptr);
	}
	rmdir(dir);
	buf_free(&path);
}

static void test_dirs(void)
{
	static const char *const theme_files[] = {
		"page.mustache", "broken.mustache", NULL };
	static const char *const base_files[] = {
		"page.mustache", "part.mustache", "only.mustache",
		"parts/nav.mustache", "parts", NULL };
	char theme[] = "/tmp/zs-tpl-theme-XXXXXX";
	char base[] = "/tmp/zs-tpl-base-XXXXXX";
	struct buf want = BUF_INIT, sub = BUF_INIT;
	struct fx f;
	struct tv *m;

	if (mkdtemp(theme) == NULL || mkdtemp(base) == NULL)
		die("mkdtemp failed");
	buf_printf(&sub, "%s/parts", base);
	if (mkdir(sub.ptr, 0700) != 0)
		die("mkdir failed");
	write_file(theme, "page.mustache", "theme {{>part}} {{>parts/nav}}\n");
	write_file(theme, "broken.mustache", "ok\n  {{#x}}\n");
	write_file(base, "page.mustache", "base page\n");
	write_file(base, "part.mustache", "base part");
	write_file(base, "only.mustache", "{{>*which}}");
	write_file(base, "parts/nav.mustache", "nav");

	fx_init(&f);
	tpl_set_add_dir(f.s, theme);
	tpl_set_add_dir(f.s, base);
	check_render(&f, "page", NULL, "theme base part nav\n",
		     "theme directory overrides, partials fall back");
	m = tv_map_new(&f.a);
	tv_map_put(&f.a, m, "which", tv_cstr(&f.a, "../etc/passwd"));
	check_render(&f, "only", m, "(error)",
		     "a dynamic name cannot leave the folders");
	CHECK(tpl_get(f.s, "broken") == NULL, "broken file");
	buf_printf(&want, "%s/broken.mustache:2:3: error: section 'x' is not "
		   "closed", theme);
	{
		char *all = diags(&f);

		CHECK(strstr(all, want.ptr) != NULL,
		      "error position names the file");
		CHECK(strstr(all, "only.mustache:1:1: error: partial "
			     "'../etc/passwd' not found") != NULL,
		      "dynamic partial not found in strict mode");
		free(all);
	}
	fx_free(&f);
	remove_files(theme, theme_files);
	remove_files(base, base_files);
	buf_free(&want);
	buf_free(&sub);
}

int main(void)
{
	test_values();
	test_escaping();
	test_truthiness();
	test_has();
	test_render_twice();
	test_inheritance_and_partials();
	test_syntax_errors();
	test_mismatch_message();
	test_missing();
	test_recursion();
	test_dirs();
	return check_done();
}
