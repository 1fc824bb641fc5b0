/*
 * schema: the tables of the content contract (shared/design/content-model.md
 * sections 4 to 11), one row per documented key.  Extensions beyond the
 * contract are marked "extension" and documented in content/README.md.
 */
#include "schema.h"

#include <stddef.h>

const char *const words_visibility[] = { "public", "partners", "internal", NULL };
const char *const words_template[] = { "2025", "2024", "short", "stub", NULL };
const char *const words_action_status[] = { "planned", "running", "done",
	"postponed", "dropped", "placeholder", NULL };
const char *const words_event_status[] = { "planned", "confirmed",
	"postponed", "cancelled", "done", NULL };
const char *const words_role[] = { "trekker", "facilitator", "deelnemer",
	"adviseur", NULL };
const char *const words_channel[] = { "website", "website-calendar",
	"newsletter", "linkedin", "facebook", "instagram", "mail", "phone",
	"press", "gemeenteblad", "flyer", "poster", "webinar", "event",
	"partner-channels", "clusters", "bestuursorgaan", NULL };
const char *const words_metric[] = { "event-count", "attendance",
	"newsletter-mentions", NULL };
const char *const words_per[] = { "year", "quarter", "month", NULL };
const char *const words_messages[] = { "nl", "en", NULL };

#define END { .key = NULL }
#define F(k, t, rec, m, ...) \
	{ .key = (k), .type = (t), .off = offsetof(rec, m), __VA_ARGS__ }
#define SCHEMA(name, what_, rec, rows) \
	const struct schema name = { (what_), (rows), sizeof(rec) }

/* List elements: what one item of a list is. */
static const struct field el_text = { .type = FT_TEXT };
static const struct field el_code = { .type = FT_CODE };
static const struct field el_alias = { .type = FT_ALIAS };
static const struct field el_month = { .type = FT_INT, .min = 1, .max = 12 };
static const struct field el_partner = { .type = FT_REF, .target = K_PARTNER };
static const struct field el_event = { .type = FT_REF, .target = K_EVENT };
static const struct field el_objective = { .type = FT_REF, .target = K_OBJECTIVE };
static const struct field el_municipality = { .type = FT_VOCAB, .target = V_MUNICIPALITY };
static const struct field el_audience = { .type = FT_VOCAB, .target = V_AUDIENCE };
static const struct field el_role = { .type = FT_ENUM, .words = words_role };
static const struct field el_channel = { .type = FT_ENUM, .words = words_channel };

#define LIST_OF(k, rec, m, el, elsize, ...) \
	F(k, FT_LIST, rec, m, .elem = &(el), .size = (elsize), __VA_ARGS__)
#define TEXTS(k, rec, m) LIST_OF(k, rec, m, el_text, sizeof(struct text))
#define REFS(k, rec, m, el) LIST_OF(k, rec, m, el, sizeof(struct ref))
#define ALIASES(rec) \
	LIST_OF("aliases", rec, it.aliases, el_alias, sizeof(struct text))
#define VISIBILITY(rec) \
	F("visibility", FT_ENUM, rec, it.visibility, .words = words_visibility)
#define EXTRA(rec) F("extra", FT_ANY, rec, it.extra)

/* ---- site.yaml ---- */

static const struct field zone_rows[] = {
	F("name", FT_TEXT, struct zone_cfg, name, .flags = F_REQUIRED),
	F("short_name", FT_TEXT, struct zone_cfg, short_name),
	F("legal_name", FT_TEXT, struct zone_cfg, legal_name),
	END
};
static SCHEMA(schema_zone, "zone", struct zone_cfg, zone_rows);

static const struct field vocab_rows[] = {
	F("id", FT_CODE, struct vocab_entry, id, .flags = F_REQUIRED),
	F("label", FT_TEXT, struct vocab_entry, label),
	F("name", FT_TEXT, struct vocab_entry, name),
	F("color", FT_COLOR, struct vocab_entry, color),
	LIST_OF("postcodes", struct vocab_entry, postcodes, el_code,
		sizeof(struct text)),
	END
};
static SCHEMA(schema_vocab, "vocabulary entry", struct vocab_entry, vocab_rows);
static const struct field el_vocab = { .type = FT_STRUCT, .sub = &schema_vocab };

static const struct field newsletter_cfg_rows[] = {
	F("subscribe_url", FT_URL, struct newsletter_cfg, subscribe_url),
	LIST_OF("skip_months", struct newsletter_cfg, skip_months, el_month,
		sizeof(struct num)),
	F("campaign", FT_TEXT, struct newsletter_cfg, campaign),
	END
};
static SCHEMA(schema_newsletter_cfg, "newsletter settings",
	      struct newsletter_cfg, newsletter_cfg_rows);

static const struct field analytics_rows[] = {
	F("matomo_url", FT_URL, struct analytics_cfg, matomo_url),
	F("site_id", FT_INT, struct analytics_cfg, site_id, .min = 1,
	  .max = 1000000),
	END
};
static SCHEMA(schema_analytics, "analytics", struct analytics_cfg,
	      analytics_rows);

static const struct field map_rows[] = {
	F("boundaries", FT_FILE, struct map_cfg, boundaries),
	F("tiles", FT_URL, struct map_cfg, tiles),
	F("attribution", FT_TEXT, struct map_cfg, attribution),
	END
};
static SCHEMA(schema_map, "map settings", struct map_cfg, map_rows);

static const struct field paths_rows[] = {
	F("actions", FT_SLUG, struct paths_cfg, actions),
	F("calendar", FT_SLUG, struct paths_cfg, calendar),
	F("newsletters", FT_SLUG, struct paths_cfg, newsletters),
	F("partners", FT_SLUG, struct paths_cfg, partners),
	F("services", FT_SLUG, struct paths_cfg, services),
	END
};
static SCHEMA(schema_paths, "paths", struct paths_cfg, paths_rows);

static const struct field contact_rows[] = {
	F("email", FT_EMAIL, struct contact_cfg, email),
	F("phone", FT_CODE, struct contact_cfg, phone),
	F("address", FT_TEXT, struct contact_cfg, address),
	END
};
static SCHEMA(schema_contact, "contact", struct contact_cfg, contact_rows);

static const struct field menu_rows[] = {
	F("page", FT_REF, struct menu_entry, page, .target = K_PAGE),
	F("path", FT_SLUG, struct menu_entry, path),
	F("label", FT_TEXT, struct menu_entry, label),
	END
};
static SCHEMA(schema_menu, "menu entry", struct menu_entry, menu_rows);
static const struct field el_menu = { .type = FT_STRUCT, .sub = &schema_menu };

static const struct field markdown_rows[] = {
	F("unsafe_html", FT_BOOL, struct markdown_cfg, unsafe_html),
	F("smart", FT_BOOL, struct markdown_cfg, smart),
	END
};
static SCHEMA(schema_markdown, "markdown settings", struct markdown_cfg,
	      markdown_rows);

static const struct field publish_rows[] = {
	F("target", FT_TEXT, struct publish_cfg, target, .flags = F_REQUIRED),
	END
};
static SCHEMA(schema_publish, "publish settings", struct publish_cfg,
	      publish_rows);

#define VOCAB(k, v) \
	LIST_OF(k, struct site_config, vocab[v], el_vocab, \
		sizeof(struct vocab_entry), .flags = F_NONEMPTY)

static const struct field site_rows[] = {
	F("zone", FT_STRUCT, struct site_config, zone, .sub = &schema_zone,
	  .flags = F_REQUIRED),
	F("base_url", FT_URL, struct site_config, base_url, .flags = F_REQUIRED),
	F("language", FT_TEXT, struct site_config, language),
	F("timezone", FT_TEXT, struct site_config, timezone),
	F("theme", FT_SLUG, struct site_config, theme),
	F("messages", FT_ENUM, struct site_config, messages,
	  .words = words_messages),
	VOCAB("municipalities", V_MUNICIPALITY),
	VOCAB("clusters", V_CLUSTER),
	VOCAB("audiences", V_AUDIENCE),
	VOCAB("event_types", V_EVENT_TYPE),
	VOCAB("partner_types", V_PARTNER_TYPE),
	VOCAB("service_categories", V_SERVICE_CATEGORY),
	F("seasons", FT_SEASONS, struct site_config, seasons),
	F("newsletter", FT_STRUCT, struct site_config, newsletter,
	  .sub = &schema_newsletter_cfg),
	F("analytics", FT_STRUCT, struct site_config, analytics,
	  .sub = &schema_analytics),
	F("map", FT_STRUCT, struct site_config, map, .sub = &schema_map),
	F("paths", FT_STRUCT, struct site_config, paths, .sub = &schema_paths),
	F("contact", FT_STRUCT, struct site_config, contact,
	  .sub = &schema_contact),
	LIST_OF("menu", struct site_config, menu, el_menu,
		sizeof(struct menu_entry)),
	F("markdown", FT_STRUCT, struct site_config, markdown,
	  .sub = &schema_markdown),
	F("publish", FT_STRUCT, struct site_config, publish,
	  .sub = &schema_publish),
	F("extra", FT_ANY, struct site_config, extra),
	END
};
SCHEMA(schema_site, "site.yaml", struct site_config, site_rows);

/* ---- objectives.yaml ---- */

static const struct field objective_rows[] = {
	F("id", FT_CODE, struct objective, id, .flags = F_REQUIRED),
	F("parent", FT_REF, struct objective, parent, .target = K_OBJECTIVE),
	F("text", FT_TEXT, struct objective, text, .flags = F_REQUIRED),
	END
};
SCHEMA(schema_objective, "objective", struct objective, objective_rows);

/* ---- shared records ---- */

static const struct field address_rows[] = {
	F("street", FT_TEXT, struct address, street),
	F("postcode", FT_CODE, struct address, postcode),
	F("municipality", FT_VOCAB, struct address, municipality,
	  .target = V_MUNICIPALITY),
	/* extension: the town of an address outside the zone's municipalities */
	F("place", FT_TEXT, struct address, place),
	END
};
static SCHEMA(schema_address, "address", struct address, address_rows);

/* ---- actions/ files ---- */

static const struct field period_rows[] = {
	F("start", FT_DATE, struct period, start),
	F("end", FT_DATE, struct period, end),
	END
};
static SCHEMA(schema_period, "period", struct period, period_rows);

static const struct field milestone_rows[] = {
	F("date", FT_DATE, struct milestone, date, .flags = F_REQUIRED),
	F("title", FT_TEXT, struct milestone, title, .flags = F_REQUIRED),
	F("label", FT_TEXT, struct milestone, label),
	F("event", FT_REF, struct milestone, event, .target = K_EVENT),
	F("tentative", FT_BOOL, struct milestone, tentative),
	END
};
static SCHEMA(schema_milestone, "milestone", struct milestone,
	      milestone_rows);
static const struct field el_milestone = { .type = FT_STRUCT,
	.sub = &schema_milestone };

static const struct field recurrence_rows[] = {
	F("count", FT_INT, struct recurrence, count, .flags = F_REQUIRED,
	  .min = 1, .max = 1000),
	F("per", FT_ENUM, struct recurrence, per, .words = words_per),
	F("min", FT_BOOL, struct recurrence, min),
	F("note", FT_TEXT, struct recurrence, note),
	END
};
static SCHEMA(schema_recurrence, "recurrence", struct recurrence,
	      recurrence_rows);

static const struct field indicator_rows[] = {
	F("indicator", FT_TEXT, struct indicator, indicator,
	  .flags = F_REQUIRED),
	F("target", FT_TEXT, struct indicator, target),
	F("method", FT_TEXT, struct indicator, method),
	F("metric", FT_ENUM, struct indicator, metric, .words = words_metric,
	  .def = -1),
	END
};
static SCHEMA(schema_indicator, "indicator", struct indicator,
	      indicator_rows);
static const struct field el_indicator = { .type = FT_STRUCT,
	.sub = &schema_indicator };

#define INDICATORS(k, m) \
	LIST_OF(k, struct evaluation, m, el_indicator, sizeof(struct indicator))
static const struct field evaluation_rows[] = {
	INDICATORS("process", process),
	INDICATORS("output", output),
	INDICATORS("impact", impact),
	END
};
static SCHEMA(schema_evaluation, "evaluation", struct evaluation,
	      evaluation_rows);

static const struct field action_rows[] = {
	F("title", FT_TEXT, struct action, title, .flags = F_REQUIRED),
	F("plan", FT_INT, struct action, plan, .flags = F_REQUIRED,
	  .min = 2000, .max = 2100),
	F("code", FT_CODE, struct action, code),
	F("template", FT_ENUM, struct action, template_,
	  .words = words_template),
	F("status", FT_ENUM, struct action, status,
	  .words = words_action_status),
	F("continued_from", FT_INT, struct action, continued_from,
	  .min = 2000, .max = 2100),
	F("summary", FT_TEXT, struct action, summary),
	F("strategic_objective", FT_REF, struct action, strategic_objective,
	  .target = K_OBJECTIVE),
	REFS("operational_objectives", struct action, operational_objectives,
	     el_objective),
	F("lead", FT_REF, struct action, lead, .target = K_PARTNER,
	  .flags = F_ZONE),
	LIST_OF("role", struct action, role, el_role, sizeof(struct choice)),
	REFS("partners", struct action, partners, el_partner),
	TEXTS("target_groups", struct action, target_groups),
	REFS("municipalities", struct action, municipalities, el_municipality),
	TEXTS("themes", struct action, themes),
	F("period", FT_STRUCT, struct action, period, .sub = &schema_period),
	LIST_OF("milestones", struct action, milestones, el_milestone,
		sizeof(struct milestone)),
	F("recurrence", FT_STRUCT, struct action, recurrence,
	  .sub = &schema_recurrence),
	LIST_OF("channels", struct action, channels, el_channel,
		sizeof(struct choice)),
	F("evaluation", FT_STRUCT, struct action, evaluation,
	  .sub = &schema_evaluation),
	F("alias_of", FT_REF, struct action, alias_of, .target = K_ACTION),
	VISIBILITY(struct action),
	ALIASES(struct action),
	EXTRA(struct action),
	END
};
static SCHEMA(schema_action, "action", struct action, action_rows);

/* ---- events/ files ---- */

static const struct field location_rows[] = {
	F("name", FT_TEXT, struct location, name),
	F("address", FT_TEXT, struct location, address),
	F("service", FT_REF, struct location, service, .target = K_SERVICE),
	END
};
static SCHEMA(schema_location, "location", struct location, location_rows);

static const struct field online_rows[] = {
	F("url", FT_URL, struct online, url),
	END
};
static SCHEMA(schema_online, "online", struct online, online_rows);

static const struct field registration_rows[] = {
	F("url", FT_URL, struct registration, url),
	F("deadline", FT_DAY, struct registration, deadline),
	F("capacity", FT_INT, struct registration, capacity, .min = 1,
	  .max = 1000000),
	END
};
static SCHEMA(schema_registration, "registration", struct registration,
	      registration_rows);

static const struct field programme_rows[] = {
	F("start", FT_DATE, struct programme_entry, start, .flags = F_REQUIRED),
	F("end", FT_DATE, struct programme_entry, end),
	F("title", FT_TEXT, struct programme_entry, title, .flags = F_REQUIRED),
	END
};
static SCHEMA(schema_programme, "programme item", struct programme_entry,
	      programme_rows);
static const struct field el_programme = { .type = FT_STRUCT,
	.sub = &schema_programme };

static const struct field event_rows[] = {
	F("title", FT_TEXT, struct event, title, .flags = F_REQUIRED),
	F("type", FT_VOCAB, struct event, type, .target = V_EVENT_TYPE),
	F("start", FT_DATE, struct event, start, .flags = F_REQUIRED),
	F("end", FT_DATE, struct event, end),
	F("label", FT_TEXT, struct event, label),
	F("tentative", FT_BOOL, struct event, tentative),
	F("status", FT_ENUM, struct event, status, .words = words_event_status,
	  .def = ES_CONFIRMED),
	F("action", FT_REF, struct event, action, .target = K_ACTION),
	F("organiser", FT_REF, struct event, organiser, .target = K_PARTNER,
	  .flags = F_ZONE),
	REFS("co_organisers", struct event, co_organisers, el_partner),
	REFS("audience", struct event, audience, el_audience),
	REFS("municipalities", struct event, municipalities, el_municipality),
	F("location", FT_STRUCT, struct event, location,
	  .sub = &schema_location),
	F("online", FT_STRUCT, struct event, online, .sub = &schema_online),
	F("registration", FT_STRUCT, struct event, registration,
	  .sub = &schema_registration),
	LIST_OF("programme", struct event, programme, el_programme,
		sizeof(struct programme_entry)),
	VISIBILITY(struct event),
	F("attendance", FT_INT, struct event, attendance, .min = 0,
	  .max = 1000000),
	ALIASES(struct event),
	EXTRA(struct event),
	END
};
static SCHEMA(schema_event, "event", struct event, event_rows);

/* ---- newsletters/ files ---- */

static const struct field newsletter_rows[] = {
	F("title", FT_TEXT, struct newsletter, title, .flags = F_REQUIRED),
	F("date", FT_DAY, struct newsletter, date, .flags = F_REQUIRED),
	F("number", FT_INT, struct newsletter, number, .min = 0,
	  .max = 100000),
	F("summary", FT_TEXT, struct newsletter, summary),
	F("spotlight", FT_REF, struct newsletter, spotlight,
	  .target = K_PARTNER),
	REFS("events", struct newsletter, events, el_event),
	ALIASES(struct newsletter),
	EXTRA(struct newsletter),
	END
};
static SCHEMA(schema_newsletter, "newsletter", struct newsletter,
	      newsletter_rows);

/* ---- partners/ files ---- */

static const struct field partner_rows[] = {
	F("name", FT_TEXT, struct partner, name, .flags = F_REQUIRED),
	F("short_name", FT_TEXT, struct partner, short_name),
	F("type", FT_VOCAB, struct partner, type, .target = V_PARTNER_TYPE),
	F("cluster", FT_VOCAB, struct partner, cluster, .target = V_CLUSTER),
	REFS("municipalities", struct partner, municipalities, el_municipality),
	F("website", FT_URL, struct partner, website),
	F("email", FT_EMAIL, struct partner, email),
	F("phone", FT_CODE, struct partner, phone),
	F("address", FT_STRUCT, struct partner, address, .sub = &schema_address),
	F("logo", FT_STATIC, struct partner, logo),
	F("member", FT_BOOL, struct partner, member),
	F("board", FT_BOOL, struct partner, board),
	F("updated", FT_DAY, struct partner, updated),
	ALIASES(struct partner),
	EXTRA(struct partner),
	END
};
static SCHEMA(schema_partner, "partner", struct partner, partner_rows);

/* ---- services/ files ---- */

static const struct field service_rows[] = {
	F("name", FT_TEXT, struct service, name, .flags = F_REQUIRED),
	F("category", FT_VOCAB, struct service, category,
	  .target = V_SERVICE_CATEGORY),
	F("municipality", FT_VOCAB, struct service, municipality,
	  .target = V_MUNICIPALITY, .flags = F_REQUIRED),
	F("address", FT_STRUCT, struct service, address, .sub = &schema_address),
	F("geo", FT_GEO, struct service, geo),
	F("phone", FT_CODE, struct service, phone),
	F("email", FT_EMAIL, struct service, email),
	F("website", FT_URL, struct service, website),
	F("opening_hours", FT_TEXT, struct service, opening_hours),
	TEXTS("target_groups", struct service, target_groups),
	F("partner", FT_REF, struct service, partner, .target = K_PARTNER),
	F("sociale_kaart", FT_URL, struct service, sociale_kaart),
	F("updated", FT_DAY, struct service, updated),
	ALIASES(struct service),
	EXTRA(struct service),
	END
};
static SCHEMA(schema_service, "service", struct service, service_rows);

/* ---- pages/ files ---- */

static const struct field page_rows[] = {
	F("title", FT_TEXT, struct page, title, .flags = F_REQUIRED),
	F("summary", FT_TEXT, struct page, summary),
	F("menu", FT_INT, struct page, menu, .min = 0, .max = 99),
	ALIASES(struct page),
	EXTRA(struct page),
	END
};
static SCHEMA(schema_page, "page", struct page, page_rows);

const struct schema *const schema_kinds[K__ITEMS] = {
	[K_PAGE] = &schema_page,
	[K_PARTNER] = &schema_partner,
	[K_SERVICE] = &schema_service,
	[K_ACTION] = &schema_action,
	[K_EVENT] = &schema_event,
	[K_NEWSLETTER] = &schema_newsletter,
};
