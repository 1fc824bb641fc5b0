/*
 * test_buf: the growable buffer.
 *
 * buf_putc is inline and buf_printf formats into the free space before
 * growing; both take shortcuts around buf_grow, so the invariants of
 * buf.h (ptr[len] is NUL, content intact across growth) are checked at
 * every size around the growth boundaries.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "check.h"

enum { MAXLEN = 5000 };

/* The expected content: byte i is 'a' + i % 26. */
static bool is_pattern(const struct buf *b, size_t n)
{
	size_t i;

	if (b->len != n || b->ptr[n] != '\0')
		return false;
	for (i = 0; i < n; i++)
		if (b->ptr[i] != 'a' + (char)(i % 26))
			return false;
	return true;
}

static void test_putc(void)
{
	struct buf b = BUF_INIT;
	bool ok = true;
	size_t i;

	CHECK(b.ptr[0] == '\0' && b.len == 0, "an empty buf is an empty string");
	for (i = 0; i < MAXLEN; i++) {
		buf_putc(&b, 'a' + (int)(i % 26));
		ok &= is_pattern(&b, i + 1) && b.cap > b.len;
	}
	CHECK(ok, "buf_putc keeps content, terminator and cap > len");
	buf_free(&b);
}

static void test_printf(void)
{
	struct buf b = BUF_INIT, want = BUF_INIT;
	bool ok = true;
	char piece[40];
	size_t i;

	for (i = 0; i < MAXLEN / 10; i++) {
		int n = snprintf(piece, sizeof(piece), "%zu:%s;", i,
				 i % 7 ? "x" : "a longer piece of text");

		buf_printf(&b, "%zu:%s;", i, i % 7 ? "x" : "a longer piece of text");
		buf_put(&want, piece, (size_t)n);
		ok &= b.len == want.len && memcmp(b.ptr, want.ptr, b.len) == 0 &&
		      b.ptr[b.len] == '\0' && b.cap > b.len;
	}
	CHECK(ok, "buf_printf appends exactly what snprintf prints");
	buf_reset(&b);
	buf_printf(&b, "%s", "");
	CHECK(b.len == 0 && b.ptr[0] == '\0', "an empty format adds nothing");
	buf_free(&b);
	buf_printf(&b, "%d-%s", 42, "z");
	CHECK_STR(b.ptr, "42-z", "buf_printf into a fresh buf");
	buf_free(&b);
	buf_free(&want);
}

static void test_put_html(void)
{
	struct buf b = BUF_INIT;

	buf_put_html(&b, "a<b>&\"c'", 8);
	CHECK_STR(b.ptr, "a&lt;b&gt;&amp;&quot;c&#39;", "HTML escaping");
	buf_free(&b);
}

int main(void)
{
	test_putc();
	test_printf();
	test_put_html();
	return check_done();
}
