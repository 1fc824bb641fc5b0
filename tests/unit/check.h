/*
 * check: the tiny assertion kit of the unit tests.
 *
 * Each assertion prints one line, "ok - what" or "not ok - what" with the
 * place and the values, so tests/harness can count them across suites.
 * main() ends with "return check_done();", which prints the suite's count
 * and fails the process when any assertion failed.
 */
#ifndef ZS_CHECK_H
#define ZS_CHECK_H

#include <stdio.h>
#include <string.h>

static unsigned check_passed, check_failed;

static inline int check_report(int ok, const char *file, int line,
			       const char *what)
{
	if (ok) {
		check_passed++;
		printf("ok - %s\n", what);
	} else {
		check_failed++;
		printf("not ok - %s (%s:%d)\n", what, file, line);
	}
	return ok;
}

#define CHECK(cond, what) check_report(!!(cond), __FILE__, __LINE__, (what))

static inline int check_str_report(const char *got, const char *want,
				   const char *file, int line,
				   const char *what)
{
	int ok = (got == NULL && want == NULL) ||
		 (got != NULL && want != NULL && strcmp(got, want) == 0);

	if (!check_report(ok, file, line, what))
		printf("#   got:  \"%s\"\n#   want: \"%s\"\n",
		       got ? got : "(null)", want ? want : "(null)");
	return ok;
}

#define CHECK_STR(got, want, what) \
	check_str_report((got), (want), __FILE__, __LINE__, (what))

#define CHECK_INT(got, want, what)                                         \
	do {                                                               \
		long long check_g_ = (long long)(got);                     \
		long long check_w_ = (long long)(want);                    \
		if (!check_report(check_g_ == check_w_, __FILE__, __LINE__, \
				  (what)))                                 \
			printf("#   got:  %lld\n#   want: %lld\n", check_g_, \
			       check_w_);                                  \
	} while (0)

static inline int check_done(void)
{
	printf("# %u passed, %u failed\n", check_passed, check_failed);
	return check_failed ? 1 : 0;
}

#endif
