/*
 * partner_refs: who refers to each partner, and the directory's hygiene.
 *
 * A partner page shows everything the partner is part of, and the build
 * summary names the partners nothing refers to; both come from one index,
 * built by walking every record's partner fields (an action's lead and
 * partners, an event's organiser and co-organisers, a service's partner,
 * a newsletter's spotlight) and every `partner:` link in every Markdown
 * body.  The walk goes kind by kind in id order, so the index, and what
 * is made from it, is the same on every run.
 */
#ifndef ZS_PARTNER_REFS_H
#define ZS_PARTNER_REFS_H

#include <stddef.h>

#include "buf.h"
#include "model.h"

struct build;

/* How a record refers to a partner. */
enum pref_role {
	PREF_LEAD,          /* action: lead */
	PREF_PARTNER,       /* action: partners */
	PREF_ORGANISER,     /* event: organiser */
	PREF_CO_ORGANISER,  /* event: co_organisers */
	PREF_RUNS,          /* service: partner */
	PREF_SPOTLIGHT,     /* newsletter: spotlight */
	PREF_LINK,          /* a partner: link in a body */
};

struct pref {
	const struct item *from;
	enum pref_role role;
};

struct pref_list {
	struct pref *v;
	size_t n, cap;
};

/* of[i] lists the references to partner i of the site's partner table,
 * published or not, a partner's links to itself left out. */
struct partner_refs {
	struct pref_list *of;
	size_t n;
};

void partner_refs_build(struct partner_refs *pr, const struct site *s);
void partner_refs_free(struct partner_refs *pr);

/* Model stage: warns about every partner whose `updated` day lies more
 * than MODEL_STALE_MONTHS months before the build's today. */
void partner_refs_check(struct build *b);

/* Appends the ids of the partners nothing refers to, in id order,
 * separated by ", "; returns how many there are. */
size_t partner_refs_unreferenced(const struct site *s, struct buf *ids);

#endif
