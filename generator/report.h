/*
 * report: the plan report, what a zone owes its yearly accounting.
 *
 * A zone writes its action plan a year ahead and, a year later, reports
 * against the plan's indicators.  Much of what it must report is already
 * in the site's files: the events that serve each action (and whether they
 * were held), the attendance written on them afterwards, the newsletter
 * issues that linked to a fiche, the milestones whose month has passed.
 * This module computes those figures once, by "now", so that the
 * `zonesite report` command (Markdown or CSV), the fiche pages (the
 * measured value next to an indicator) and the internal edition's report
 * page all show the same numbers.
 *
 * Everything counts what the site's edition publishes: the fiche pages of
 * the public edition count public events, and `zonesite report`, which
 * always runs as the internal edition, counts every event.
 */
#ifndef ZS_REPORT_H
#define ZS_REPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "labels.h"
#include "model.h"

/* ---- plan years ---- */

/*
 * The plan years of the published fiches, ascending (free() the array);
 * NULL with *n 0 when there are none.
 */
int *plan_years(const struct site *s, size_t *n);

/*
 * The plan the site shows at /acties/ and reports on by default: the plan
 * of today's year when there is one; else the latest plan year before it
 * (the plan just ended, while next year's is not written yet); else the
 * earliest one after it (a site that only has next year's plan so far);
 * today's year for a site without fiches.
 */
int plan_year_current(const struct site *s, int64_t today);

/* ---- an action's events: its "series" ---- */

/* An event is past when its latest possible day (of its end, else its
 * start) is before today: "some time in March" is past from April on. */
bool event_is_past(const struct event *e, int64_t today);

/* An event is held when it is past (its latest possible day is before
 * today) and it says so: status done, or an attendance figure. */
bool event_is_held(const struct event *e, int64_t today);

/*
 * The published events whose `action:` names the fiche, counted by how
 * they went.  With year non-zero, only events whose date falls in that
 * year (by their earliest possible day) count; an event whose date is
 * tbd counts as planned in any year.
 */
struct action_series {
	size_t planned;    /* not past and not cancelled (tbd included) */
	size_t held;       /* see event_is_held() */
	size_t unreported; /* past, not cancelled, neither done nor attendance */
	size_t cancelled;
	long long attendance;   /* the sum over held events that give it */
	size_t with_attendance; /* how many held events give it */
};

void action_series(const struct site *s, const struct action *a, int year,
		   int64_t today, struct action_series *out);

/* How many times a year the fiche's recurrence asks for (count per year,
 * 4 x per quarter, 12 x per month); false without a recurrence. */
bool recurrence_per_year(const struct action *a, long long *times);

/*
 * Published newsletter issues sent by today (date before or on it) in the
 * year (0: any year) whose body links to the fiche (`action:ID`).
 */
size_t newsletter_mentions(const struct site *s, const struct action *a,
			   int year, int64_t today);

/*
 * The value of an indicator's metric for the fiche's plan year, by today:
 * event-count is the number of held events, attendance their summed
 * attendance, newsletter-mentions the issues above.  False when the
 * indicator names no metric.
 */
bool indicator_value(const struct site *s, const struct action *a,
		     const struct indicator *ind, int64_t today,
		     long long *value);

/* A target such as "85" or " 3 " as a whole number; false for anything
 * else ("3,5/5", "min. 3"): only then can a value be said to reach it. */
bool target_number(const struct text *target, long long *n);

/* ---- the report ---- */

struct report_indicator {
	const struct indicator *ind;
	int phase;        /* 0 process, 1 output, 2 impact */
	long long value;
	bool reached_known, reached;
};

struct report_action {
	const struct action *a;
	struct action_series series;
	long long target;  /* times per year, when has_target */
	bool has_target;
	struct report_indicator *ind;
	size_t nind;
};

struct report_milestone {
	const struct action *a;
	const struct milestone *ms;
	const struct event *event; /* linked but not held, or NULL */
};

struct plan_report {
	int year;
	int64_t today;
	struct report_action *actions;       /* of the plan year, by code */
	size_t nactions;
	struct report_milestone *late;       /* past, no held event */
	size_t nlate;
	const struct action **placeholders;  /* of the plan year */
	size_t nplaceholders;
	const struct item **stale;           /* partners, then services */
	size_t nstale;
};

enum report_format { REPORT_MD, REPORT_CSV };

/* Computes the report of plan year `year` by today.  Stubs are left out
 * (their fiche reports); placeholders are listed, not reported on. */
void report_build(struct plan_report *rep, const struct site *s, int year,
		  int64_t today);
void report_free(struct plan_report *rep);

/* The report as a Markdown document or as CSV (RFC 4180: comma, double
 * quotes, CRLF line ends), for `zonesite report`. */
struct labels;
void report_write(const struct plan_report *rep, const struct site *s,
		  const struct labels *l, enum report_format f,
		  struct buf *out);

/* "3 keer per jaar", "minstens 2 keer per kwartaal"; empty without a
 * recurrence.  One wording for the report, the fiche and its calendar. */
void report_recurrence_text(struct buf *b, const struct labels *l,
			    const struct action *a);

/* How an action with a target stands: L_REPORT_NO_EVENTS,
 * L_REPORT_REACHED, L_REPORT_ON_TRACK, or L_REPORT_SHORT with *short_by
 * set.  One rule for the report file and the report page. */
enum label_id report_stand(const struct report_action *ra,
			   long long *short_by);

/* Orders fiches by code: "2" before "10", "3b" after "3", then by id. */
int action_code_cmp(const struct action *x, const struct action *y);

#endif
