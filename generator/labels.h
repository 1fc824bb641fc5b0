/*
 * labels: the words the generator itself puts on pages.
 *
 * Templates carry their own text (a theme overrides a template to change
 * it); what comes from C, such as status names, channel names, section
 * names and page titles, is listed here with its Dutch default.  A theme
 * may replace any of them in its labels.yaml, a flat mapping of key to
 * text; an unknown key there is reported, so a typo is not silently
 * ignored.
 *
 * A label that has a value inside ("Partners in Beernem") marks where it
 * goes with a named placeholder, "Partners in {municipality}", as the
 * campaign of site.yaml marks the issue with {id}: a name lets a theme
 * move the value within its sentence.  The placeholders of a label are
 * those of its default; a theme's text must hold each of them exactly
 * once and no other, or the loader reports it.  label_fill() puts the
 * values in.
 */
#ifndef ZS_LABELS_H
#define ZS_LABELS_H

#include "arena.h"
#include "buf.h"
#include "diag.h"
#include "slice.h"

#define LABEL_TABLE(X) \
	X(L_SECTION_ACTIONS, "section_actions", "Actieplan") \
	X(L_SECTION_CALENDAR, "section_calendar", "Kalender") \
	X(L_SECTION_NEWSLETTERS, "section_newsletters", "Nieuwsbrief") \
	X(L_SECTION_PARTNERS, "section_partners", "Partners") \
	X(L_SECTION_SERVICES, "section_services", "Kaart") \
	X(L_TITLE_CALENDAR, "title_calendar", "Kalender") \
	X(L_TITLE_ARCHIVE, "title_archive", "Archief van de kalender") \
	X(L_TITLE_PLAN, "title_plan", "Actieplan") \
	X(L_TITLE_NEWSLETTERS, "title_newsletters", "Nieuwsbrief") \
	X(L_TITLE_PARTNERS, "title_partners", "Partners") \
	X(L_TITLE_SERVICES, "title_services", "Zorg- en welzijnsaanbod") \
	X(L_TITLE_NOT_FOUND, "title_not_found", "Pagina niet gevonden") \
	X(L_TITLE_SUBSCRIBE, "title_subscribe", "Abonneren op de kalender") \
	X(L_OTHER, "other", "Overige") \
	X(L_EVENT_PLANNED, "event_planned", "Gepland") \
	X(L_EVENT_CONFIRMED, "event_confirmed", "Bevestigd") \
	X(L_EVENT_POSTPONED, "event_postponed", "Uitgesteld") \
	X(L_EVENT_CANCELLED, "event_cancelled", "Geannuleerd") \
	X(L_EVENT_DONE, "event_done", "Afgelopen") \
	X(L_ACTION_PLANNED, "action_planned", "Gepland") \
	X(L_ACTION_RUNNING, "action_running", "Lopend") \
	X(L_ACTION_DONE, "action_done", "Afgerond") \
	X(L_ACTION_POSTPONED, "action_postponed", "Uitgesteld") \
	X(L_ACTION_DROPPED, "action_dropped", "Geschrapt") \
	X(L_ACTION_PLACEHOLDER, "action_placeholder", "In opmaak") \
	X(L_ROLE_TREKKER, "role_trekker", "trekker") \
	X(L_ROLE_FACILITATOR, "role_facilitator", "facilitator") \
	X(L_ROLE_DEELNEMER, "role_deelnemer", "deelnemer") \
	X(L_ROLE_ADVISEUR, "role_adviseur", "adviseur") \
	X(L_CHANNEL_WEBSITE, "channel_website", "website") \
	X(L_CHANNEL_WEBSITE_CALENDAR, "channel_website_calendar", "kalender op de website") \
	X(L_CHANNEL_NEWSLETTER, "channel_newsletter", "nieuwsbrief") \
	X(L_CHANNEL_LINKEDIN, "channel_linkedin", "LinkedIn") \
	X(L_CHANNEL_FACEBOOK, "channel_facebook", "Facebook") \
	X(L_CHANNEL_INSTAGRAM, "channel_instagram", "Instagram") \
	X(L_CHANNEL_MAIL, "channel_mail", "mail") \
	X(L_CHANNEL_PHONE, "channel_phone", "telefoon") \
	X(L_CHANNEL_PRESS, "channel_press", "pers") \
	X(L_CHANNEL_GEMEENTEBLAD, "channel_gemeenteblad", "gemeenteblad") \
	X(L_CHANNEL_FLYER, "channel_flyer", "flyer") \
	X(L_CHANNEL_POSTER, "channel_poster", "affiche") \
	X(L_CHANNEL_WEBINAR, "channel_webinar", "webinar") \
	X(L_CHANNEL_EVENT, "channel_event", "evenement") \
	X(L_CHANNEL_PARTNER_CHANNELS, "channel_partner_channels", "kanalen van partners") \
	X(L_CHANNEL_CLUSTERS, "channel_clusters", "clusters") \
	X(L_CHANNEL_BESTUURSORGAAN, "channel_bestuursorgaan", "bestuursorgaan") \
	X(L_PHASE_PROCESS, "phase_process", "Proces") \
	X(L_PHASE_OUTPUT, "phase_output", "Output") \
	X(L_PHASE_IMPACT, "phase_impact", "Impact") \
	X(L_PER_YEAR, "per_year", "per jaar") \
	X(L_PER_QUARTER, "per_quarter", "per kwartaal") \
	X(L_PER_MONTH, "per_month", "per maand") \
	X(L_AT_LEAST, "at_least", "minstens") \
	X(L_TIMES, "times", "keer") \
	X(L_METRIC_EVENT_COUNT, "metric_event_count", "aantal gehouden activiteiten") \
	X(L_METRIC_ATTENDANCE, "metric_attendance", "aantal aanwezigen") \
	X(L_METRIC_NEWSLETTER_MENTIONS, "metric_newsletter_mentions", "vermeldingen in de nieuwsbrief") \
	X(L_TITLE_TIMELINE, "title_timeline", "Tijdslijn") \
	X(L_TITLE_REPORT, "title_report", "Planrapport") \
	X(L_REPORT_REACHED, "report_reached", "gehaald") \
	X(L_REPORT_ON_TRACK, "report_on_track", "op schema") \
	X(L_REPORT_SHORT, "report_short", "tekort") \
	X(L_REPORT_NOT_YET, "report_not_yet", "nog niet gehaald") \
	X(L_REPORT_NO_EVENTS, "report_no_events", "geen activiteiten gekoppeld") \
	X(L_SECTION_SEARCH, "section_search", "Zoeken") \
	X(L_TITLE_SEARCH, "title_search", "Zoeken") \
	X(L_DESCRIPTION_SEARCH, "description_search", "Zoek in de activiteiten, het actieplan, de nieuwsbrieven, de partners en het zorg- en welzijnsaanbod van de zone.") \
	X(L_KIND_ACTION, "kind_action", "Actie") \
	X(L_KIND_EVENT, "kind_event", "Activiteit") \
	X(L_KIND_NEWSLETTER, "kind_newsletter", "Nieuwsbrief") \
	X(L_KIND_PARTNER, "kind_partner", "Partner") \
	X(L_KIND_SERVICE, "kind_service", "Dienst") \
	X(L_KIND_PAGE, "kind_page", "Pagina") \
	X(L_CALENDAR_DATE_TBD, "calendar_date_tbd", "Datum nog niet bekend") \
	X(L_CALENDAR_BY_TYPE, "calendar_by_type", "Per soort") \
	X(L_CALENDAR_TYPE, "calendar_type", "Soort") \
	X(L_CALENDAR_ALL_TYPES, "calendar_all_types", "Alle soorten") \
	X(L_CALENDAR_BY_AUDIENCE, "calendar_by_audience", "Per doelgroep") \
	X(L_CALENDAR_AUDIENCE, "calendar_audience", "Voor wie") \
	X(L_CALENDAR_ALL_AUDIENCES, "calendar_all_audiences", "Alle doelgroepen") \
	X(L_CALENDAR_BY_MUNICIPALITY, "calendar_by_municipality", "Per gemeente") \
	X(L_CALENDAR_MUNICIPALITY, "calendar_municipality", "Gemeente") \
	X(L_CALENDAR_ALL_MUNICIPALITIES, "calendar_all_municipalities", "Alle gemeenten") \
	X(L_CALENDAR_DAY_OF, "calendar_day_of", "dag {day} van {days}") \
	X(L_SERIES_PLANNED, "series_planned", "{planned} van {target} ingepland") \
	X(L_SERIES_HELD, "series_held", "{held} gehouden") \
	X(L_TITLE_PARTNERS_MUNICIPALITY, "title_partners_municipality", "Partners in {municipality}") \
	X(L_TITLE_PARTNERS_TYPE, "title_partners_type", "Partners: {type}") \
	X(L_TITLE_PARTNERS_MUNICIPALITIES, "title_partners_municipalities", "Partners per gemeente") \
	X(L_TITLE_PARTNERS_TYPES, "title_partners_types", "Partners per soort") \
	X(L_PARTNERS_LETTER_OTHER, "partners_letter_other", "Andere") \
	X(L_ICAL_FEED_DESCRIPTION, "ical_feed_description", "Activiteiten van {zone}: {feed}") \
	X(L_ICAL_TENTATIVE, "ical_tentative", "Onder voorbehoud.") \
	X(L_ICAL_MILESTONE, "ical_milestone", "Mijlpaal van de actie \xe2\x80\x98{action}\xe2\x80\x99") \
	X(L_ICAL_MORE_INFO, "ical_more_info", "Meer info: {url}") \
	X(L_ICAL_REGISTRATION, "ical_registration", "Inschrijven: {url}") \
	X(L_ICAL_REGISTRATION_DEADLINE, "ical_registration_deadline", "Inschrijven: {url} (uiterlijk {date})") \
	X(L_ICAL_CAPACITY, "ical_capacity", "Maximaal {count} deelnemers") \
	X(L_ICAL_ONLINE, "ical_online", "Online: {url}") \
	X(L_ICAL_ORGANISER, "ical_organiser", "Organisator: {name}") \
	X(L_ICAL_LOCATION_ONLINE, "ical_location_online", "Online") \
	X(L_FEED_NEWSLETTERS, "feed_newsletters", "Nieuwsbrief {zone}")

enum label_id {
#define X(id, key, text) id,
	LABEL_TABLE(X)
#undef X
	L__COUNT
};

/* Offsets from a word list's index to its first label: the order of the
 * labels of a group follows schema.c's word lists. */
#define L_EVENT_STATUS(i) ((enum label_id)(L_EVENT_PLANNED + (i)))
#define L_ACTION_STATUS(i) ((enum label_id)(L_ACTION_PLANNED + (i)))
#define L_ROLE(i) ((enum label_id)(L_ROLE_TREKKER + (i)))
#define L_CHANNEL(i) ((enum label_id)(L_CHANNEL_WEBSITE + (i)))
#define L_PER(i) ((enum label_id)(L_PER_YEAR + (i)))
#define L_METRIC(i) ((enum label_id)(L_METRIC_EVENT_COUNT + (i)))

struct labels {
	struct slice text[L__COUNT];
};

/* A value for the placeholder {name} of a label. */
struct label_arg {
	const char *name;   /* without the braces: "municipality" */
	struct slice value;
};

/* Appends text with each {name} that args give replaced by its value;
 * any other text, braces included, is copied as it is. */
void label_fill(struct buf *out, struct slice text,
		const struct label_arg *args, size_t nargs);

/* The built-in Dutch words only, for output made without a theme (the
 * plan report of `zonesite report`). */
void labels_defaults(struct labels *l);

/* The defaults, then labels.yaml in theme_dir when there is one.
 * Returns the number of errors reported. */
unsigned labels_load(struct labels *l, struct arena *a, struct diag_ctx *d,
		     const char *theme_dir);

#endif
