/*
 * publish: the built site sent to the target site.yaml names, with rsync.
 * What is run and why is in publish.h.
 *
 * The target comes from the site's own file, so it is checked like any
 * other value (publish_check_target) and handed to rsync after "--" as a
 * single argument: no shell ever sees it, and a value starting with '-'
 * is refused before it could be taken for an option.
 */
#include "publish.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "buf.h"
#include "status.h"

/* The status exec reports when rsync cannot be started (as a shell
 * does for a missing command). */
enum { PUBLISH_EXEC_FAILED = 127 };

static const char rsync_cmd[] = "rsync";

void publish_check_target(struct diag_ctx *d, const struct source *src,
			  const struct text *target)
{
	const unsigned char *p;

	if (!target->set)
		return;
	if (target->s.len == 0) {
		diag(d, D_EMPTY_VALUE, src, target->pos, "target");
		return;
	}
	if (target->s.ptr[0] == '-') {
		diag(d, D_PUBLISH_OPTION, src, target->pos, target->s.ptr,
		     target->s.ptr);
		return;
	}
	for (p = (const unsigned char *)target->s.ptr;
	     p < (const unsigned char *)target->s.ptr + target->s.len; p++)
		if (*p < 0x20 || *p == 0x7f) {
			diag(d, D_PUBLISH_CONTROL, src, target->pos);
			return;
		}
}

/* Runs argv and waits: rsync's exit status, PUBLISH_EXEC_FAILED when it
 * could not be started, or -1 when it died of a signal. */
static int run_wait(char *const argv[])
{
	pid_t pid;
	int st;

	fflush(NULL);
	pid = fork();
	if (pid < 0)
		return PUBLISH_EXEC_FAILED;
	if (pid == 0) {
		execvp(argv[0], argv);
		fprintf(stderr, "zonesite: cannot run %s: %s\n", argv[0],
			strerror(errno));
		_exit(PUBLISH_EXEC_FAILED);
	}
	while (waitpid(pid, &st, 0) < 0)
		if (errno != EINTR)
			return -1;
	return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

int publish_run(const struct build *b)
{
	const struct diag_ctx *d = &b->diag;
	const struct text *t = &b->site.cfg.publish.target;
	struct buf src = BUF_INIT;
	char *argv[9];
	int rc;

	if (!t->set) {
		fprintf(stderr, diag_tr(d,
			"zonesite: %s/site.yaml names no publish target: the "
			"site was built into %s but sent nowhere; add to "
			"site.yaml:\n",
			"zonesite: %s/site.yaml noemt geen publicatiedoel: de "
			"site is gebouwd in %s maar nergens heen gestuurd; "
			"voeg toe aan site.yaml:\n"), b->site_dir, b->out_dir);
		fputs("  publish:\n    target: \"user@host:/var/www/zone/\"\n",
		      stderr);
		return EXIT_CONTENT;
	}
	/* The trailing slash: the contents of OUT, not OUT itself. */
	buf_printf(&src, "%s/", b->out_dir);
	argv[0] = (char *)rsync_cmd;
	argv[1] = (char *)"--archive";
	argv[2] = (char *)"--delete-after";
	argv[3] = (char *)"--delay-updates";
	argv[4] = (char *)"--exclude=/.zonesite-output";
	argv[5] = (char *)"--";
	argv[6] = src.ptr;
	argv[7] = (char *)t->s.ptr;
	argv[8] = NULL;
	fprintf(stderr, diag_tr(d, "zonesite: publishing %s to %s\n",
				"zonesite: %s publiceren naar %s\n"),
		src.ptr, t->s.ptr);
	rc = run_wait(argv);
	buf_free(&src);
	if (rc == 0)
		fprintf(stderr, diag_tr(d, "zonesite: published to %s\n",
					"zonesite: gepubliceerd naar %s\n"),
			t->s.ptr);
	else if (rc == PUBLISH_EXEC_FAILED)
		fputs(diag_tr(d, "zonesite: nothing published: rsync could not "
			      "be run (Debian: apt-get install rsync)\n",
			      "zonesite: niets gepubliceerd: rsync kon niet "
			      "starten (Debian: apt-get install rsync)\n"),
		      stderr);
	else
		fprintf(stderr, diag_tr(d,
			"zonesite: publishing to %s failed (rsync exit status "
			"%d); the target may be partly updated: run zonesite "
			"publish again\n",
			"zonesite: publiceren naar %s mislukte (rsync "
			"afsluitstatus %d); het doel is misschien maar deels "
			"bijgewerkt: voer zonesite publish opnieuw uit\n"),
			t->s.ptr, rc);
	return rc == 0 ? 0 : EXIT_FAILED;
}
