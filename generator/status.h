/*
 * status: the exit statuses of zonesite, one numbering for the commands
 * (main.c), the publish step (publish.c) and several sites in one run
 * (multisite.c), which returns the worst of its sites': a higher status
 * is a worse outcome.
 */
#ifndef ZS_STATUS_H
#define ZS_STATUS_H

enum {
	EXIT_CONTENT = 1,	/* errors in the content (or no publish target) */
	EXIT_USAGE = 2,		/* a bad command line */
	EXIT_FAILED = 3,	/* the generator itself failed */
};

#endif
