/*
 * fuzz: what the libFuzzer targets of tests/fuzz/ share.
 *
 * Each target is built by `make fuzz-bins` with clang, libFuzzer, ASan and
 * UBSan, and linked with the generator's own objects, so a crash, a memory
 * error, undefined behaviour or a leak in the generator stops the fuzzer
 * with the input that caused it.  The targets feed the generator only what
 * its callers guarantee: load.c hands the YAML layer text that is valid
 * UTF-8 without NUL bytes, with no BOM and LF line ends, so fuzz_text()
 * makes the same promise (or skips the input); anything else would report
 * crashes that no real build can reach.  Diagnostics are printed into a
 * memory stream and dropped: printing them (excerpts, carets, columns in
 * code points) is part of what is fuzzed.
 */
#ifndef ZS_FUZZ_H
#define ZS_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "xalloc.h"

/* Inputs longer than this are skipped: the fuzzer is after structure,
 * and the hostile-input suite tries the big files. */
enum { FUZZ_MAX_INPUT = 64 * 1024 };

/* Length of the valid UTF-8 sequence at p (no NUL), or 0; as load.c. */
static inline size_t fuzz_utf8_seq(const unsigned char *p, size_t n)
{
	unsigned c = p[0], cp;
	size_t len, i;

	if (c == 0)
		return 0;
	if (c < 0x80)
		return 1;
	if (c >= 0xC2 && c <= 0xDF)
		len = 2, cp = c & 0x1F;
	else if (c >= 0xE0 && c <= 0xEF)
		len = 3, cp = c & 0x0F;
	else if (c >= 0xF0 && c <= 0xF4)
		len = 4, cp = c & 0x07;
	else
		return 0;
	if (n < len)
		return 0;
	for (i = 1; i < len; i++) {
		if ((p[i] & 0xC0) != 0x80)
			return 0;
		cp = cp << 6 | (p[i] & 0x3F);
	}
	if ((len == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
	    (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)))
		return 0;
	return len;
}

/*
 * The input as load.c would hand it on: a NUL-terminated copy without a
 * BOM, CRLF turned into LF.  NULL (skip the input) when it is not UTF-8,
 * holds a NUL byte or is too long.  The caller frees the copy.
 */
static inline char *fuzz_text(const uint8_t *data, size_t size, size_t *len)
{
	size_t i = 0, o = 0, n;
	char *t;

	if (size > FUZZ_MAX_INPUT)
		return NULL;
	while (i < size) {
		n = fuzz_utf8_seq(data + i, size - i);
		if (n == 0)
			return NULL;
		i += n;
	}
	t = xmalloc(size + 1);
	i = size >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
	for (; i < size; i++) {
		if (data[i] == '\r' && i + 1 < size && data[i + 1] == '\n')
			continue;
		t[o++] = (char)data[i];
	}
	t[o] = '\0';
	*len = o;
	return t;
}

/* Prints every collected diagnostic into memory and drops the text. */
static inline void fuzz_flush(struct diag_ctx *d)
{
	char *p = NULL;
	size_t n = 0;
	FILE *m;

	if (d->n == 0)
		return;
	m = open_memstream(&p, &n);
	if (m == NULL)
		abort();
	diag_flush(d, m);
	fclose(m);
	free(p);
}

/* A property the generator promises does not hold: stop with the input. */
#define FUZZ_ASSERT(cond)                                                   \
	do {                                                                \
		if (!(cond)) {                                              \
			fprintf(stderr, "%s:%d: property failed: %s\n",     \
				__FILE__, __LINE__, #cond);                 \
			abort();                                            \
		}                                                           \
	} while (0)

#endif
