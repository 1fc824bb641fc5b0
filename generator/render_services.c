/*
 * render_services: care and welfare services, grouped by municipality and
 * category, and each service's page.
 */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "fuzzydate.h"
#include "render_int.h"
#include "xalloc.h"

static struct tv *service_card(struct render *r, const struct item *it)
{
	const struct service *s = (const struct service *)it;
	struct tv *m = item_link(r, it);

	if (s->category.set)
		put(r, m, "category", vocab_tv(r, V_SERVICE_CATEGORY, &s->category));
	put(r, m, "municipality", vocab_tv(r, V_MUNICIPALITY, &s->municipality));
	put_address(r, m, &s->address);
	put_phone(r, m, &s->phone);
	put_text(r, m, "opening_hours", &s->opening_hours);
	put_text(r, m, "sociale_kaart", &s->sociale_kaart);
	return m;
}

static void render_service(struct render *r, const struct service *s)
{
	struct tv *m = service_card(r, &s->it);
	struct buf dir = BUF_INIT, geo = BUF_INIT;

	put_sl(r, m, "title", s->name.s);
	put_text(r, m, "email", &s->email);
	put_text(r, m, "website", &s->website);
	put(r, m, "target_groups", text_list(r, &s->target_groups));
	if (s->partner.set)
		put(r, m, "partner", item_link(r,
		    r->s->kinds[K_PARTNER].v[s->partner.index]));
	if (s->geo.set) {
		buf_printf(&geo, "%.6f, %.6f", s->geo.lat, s->geo.lon);
		put_buf(r, m, "geo", &geo);
	}
	put_date(r, m, "updated", &s->updated, NULL);
	put_cstr(r, m, "map_url", kind_url(r, K_SERVICE));
	put_body(r, m, &s->it);
	buf_printf(&dir, "%s/%.*s/", r->kind_path[K_SERVICE], SL_FMT(s->it.id));
	emit_page(r, "service", dir.ptr, m, true);
	buf_free(&dir);
	buf_free(&geo);
}

static int service_municipality(const struct item *it)
{
	return ((const struct service *)it)->municipality.index;
}

static int service_category(const struct item *it)
{
	const struct service *s = (const struct service *)it;

	return s->category.set ? s->category.index : -1;
}

void render_services(struct render *r)
{
	static const struct grouping g = { V_MUNICIPALITY, V_SERVICE_CATEGORY,
		service_municipality, service_category, service_card };
	const struct kind_table *t = &r->s->kinds[K_SERVICE];
	struct item **v;
	struct tv *m;
	struct buf dir = BUF_INIT;
	size_t i, n;

	for (i = 0; i < t->n; i++)
		if (t->v[i]->published)
			render_service(r, (const struct service *)t->v[i]);
	v = published_items(t, &n);
	m = rmap(r);
	put_label(r, m, "title", L_TITLE_SERVICES);
	put(r, m, "municipalities", group_items(r, &g, v, n));
	put_int(r, m, "count", (long long)n);
	buf_printf(&dir, "%s/", r->kind_path[K_SERVICE]);
	emit_page(r, "services", dir.ptr, m, true);
	buf_free(&dir);
	free(v);
}
