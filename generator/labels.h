/*
 * labels: the words the generator itself puts on pages.
 *
 * Templates carry their own text (a theme overrides a template to change
 * it); what comes from C, such as status names, channel names, section
 * names and page titles, is listed here with its Dutch default.  A theme
 * may replace any of them in its labels.yaml, a flat mapping of key to
 * text; an unknown key there is reported, so a typo is not silently
 * ignored.
 */
#ifndef ZS_LABELS_H
#define ZS_LABELS_H

#include "arena.h"
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
	X(L_KIND_PAGE, "kind_page", "Pagina")

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

/* The built-in Dutch words only, for output made without a theme (the
 * plan report of `zonesite report`). */
void labels_defaults(struct labels *l);

/* The defaults, then labels.yaml in theme_dir when there is one.
 * Returns the number of errors reported. */
unsigned labels_load(struct labels *l, struct arena *a, struct diag_ctx *d,
		     const char *theme_dir);

#endif
