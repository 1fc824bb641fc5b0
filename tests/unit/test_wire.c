/*
 * test_wire: the encoding render workers hand their results over in
 * (wire.c): every value comes back as written, a NULL string stays
 * NULL and an empty one empty, and reading past the end or a string cut
 * short marks the message bad instead of reading beyond it.
 */
#include <string.h>

#include "buf.h"
#include "check.h"
#include "wire.h"

static void wire_round_trip(void)
{
	struct buf b = BUF_INIT;
	struct wire w;
	const char *s;
	size_t n;

	wire_put_u64(&b, 42);
	wire_put_str(&b, "kalender", 8);
	wire_put_str(&b, NULL, 0);
	wire_put_str(&b, "", 0);
	w.p = b.ptr;
	w.end = b.ptr + b.len;
	w.bad = false;
	CHECK_INT(wire_u64(&w), 42, "a number comes back");
	s = wire_str(&w, &n);
	CHECK(s && n == 8 && memcmp(s, "kalender", 8) == 0,
	      "a string comes back with its length");
	CHECK(wire_str(&w, &n) == NULL, "a NULL string stays NULL");
	s = wire_str(&w, &n);
	CHECK(s != NULL && n == 0, "an empty string is not NULL");
	CHECK(!w.bad && w.p == w.end, "the whole message was read");
	CHECK_INT(wire_u64(&w), 0, "reading past the end gives 0");
	CHECK(w.bad, "and marks the message bad");

	w.p = b.ptr;
	w.end = b.ptr + 8 + 8 + 3; /* the string cut short */
	w.bad = false;
	(void)wire_u64(&w);
	CHECK(wire_str(&w, &n) == NULL && w.bad,
	      "a string longer than what is left is refused");
	buf_free(&b);
}

int main(void)
{
	wire_round_trip();
	return check_done();
}
