/*
 * scaffold: the text of a new content file and writing it.  See scaffold.h.
 *
 * The templates are written out by hand, one per kind, so that a writer
 * reads keys in a sensible order with a sentence of Dutch beside each;
 * tests/unit/test_scaffold.c checks that every key of the schema (schema.c)
 * is in them, so a key added to the contract cannot be forgotten here.
 * In a template @TITLE@ is the title as a quoted YAML string, @TODAY@ the
 * day of "now" (YYYY-MM-DD), @YEAR@ its year and @PREV@ the year before.
 */
#include "scaffold.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "civil.h"
#include "load.h"
#include "slug.h"

static const char header[] =
	"---\n"
	"# Gemaakt met `zonesite new` op @TODAY@.  Vul de verplichte sleutels\n"
	"# in; wil je een andere sleutel gebruiken, haal dan het '#' voor de\n"
	"# regel weg.  Kijk het resultaat na met `zonesite check`.\n";

static const char action_text[] =
	"title: @TITLE@  # verplicht: de titel van de actie\n"
	"plan: @YEAR@  # verplicht: het jaar van het actieplan\n"
	"# code: \"1\"  # het nummer van de actie in het plan, tussen aanhalingstekens\n"
	"# template: \"2025\"  # het sjabloon: 2025 (standaard) | 2024 | short | stub\n"
	"# status: planned  # planned | running | done | postponed | dropped | placeholder\n"
	"# continued_from: @PREV@  # verderzetting uit het actieplan van dat jaar\n"
	"# summary: \"\"  # Korte omschrijving: geef een korte beschrijving van je actie.\n"
	"# strategic_objective: \"1\"  # de strategische doelstelling (uit objectives.yaml)\n"
	"# operational_objectives: []  # de operationele doelstellingen, bv. [\"1.2\", \"3.1\"]\n"
	"# lead: zorgraad  # Met wie? Eindverantwoordelijke: zorgraad of de id van een partner\n"
	"# role: [trekker]  # Welke rol neem je zelf op? trekker | facilitator | deelnemer | adviseur\n"
	"# partners: []  # Welke samenwerkingen en partnerschappen zet je op? (ids van partners)\n"
	"# target_groups: []  # Voor wie? Lijst de doelgroep(en) op die je met deze actie wil bereiken.\n"
	"# municipalities: []  # de gemeenten (uit site.yaml); leeg: de hele zone\n"
	"# themes: []  # de thema's van de actie\n"
	"# period: {start: @YEAR@-01, end: @YEAR@-12}  # Wanneer? Startdatum en einddatum\n"
	"# milestones:  # Tijdpad: de momenten waarop je aan deze actie werkt\n"
	"#   - {date: @YEAR@-03, title: \"\", event: null, label: null, tentative: false}\n"
	"# recurrence: {count: 2, per: year, min: false, note: \"\"}  # hoe vaak? per: year | quarter | month\n"
	"# channels: []  # Communicatie: de kanalen en middelen om informatie te delen, bv.\n"
	"#   [website-calendar, newsletter, linkedin, mail]\n"
	"# evaluation:  # Evaluatie: selecteer minstens één manier; definieer indicatoren en meetmethoden.\n"
	"#   process: []  # proces: hoe draagt het bij aan de strategische doelstelling?\n"
	"#   output:  # output: het directe resultaat, bv. het aantal edities\n"
	"#     - {indicator: \"\", target: \"2\", method: \"\", metric: event-count}\n"
	"#   impact: []  # impact: het effect dat we uiteindelijk willen bereiken\n"
	"# alias_of: null  # alleen met template: stub: de id van de fiche die deze actie beschrijft\n"
	"# visibility: public  # public | partners | internal\n"
	"# aliases: []  # oude URL's die moeten blijven werken\n"
	"# extra: {}  # eigen gegevens voor het thema\n"
	"#\n"
	"# De tekst hieronder volgt de secties van het sjabloon:\n"
	"#   Wat?       Formuleer duidelijk wat je wil bereiken: wat ga je wel doen, wat niet?\n"
	"#   Waarom?    Waarom deze actie? Waarom nu? Noteer de context en je argumenten;\n"
	"#              maak de link met je omgevingsanalyse.\n"
	"#   Voor wie?  De doelgroep(en) die je met deze actie wil bereiken.\n"
	"#   Met wie?   De eindverantwoordelijke, je eigen rol en de samenwerkingen.\n"
	"#   Hoe?       Werk de actie verder uit: hoe pak je ze aan (stappenplan)?\n"
	"#   Mijlpalen  Wanneer gebeurt wat?\n"
	"#   Evaluatie  Hoe meet je de voortgang en het succes van de actie?\n"
	"---\n"
	"## Wat?\n\n### Wat ga je wel doen?\n\n### Wat ga je niet doen?\n\n"
	"## Waarom?\n\n## Voor wie?\n\n## Met wie?\n\n## Hoe?\n\n"
	"## Mijlpalen\n\n## Evaluatie\n";

static const char event_text[] =
	"title: @TITLE@  # verplicht: de naam van de activiteit\n"
	"start:  # verplicht: wanneer? bv. @TODAY@T12:00, @TODAY@, @YEAR@-Q4 of tbd\n"
	"# end: @TODAY@T13:30  # het einde; mag op een latere dag vallen\n"
	"# type: null  # de soort activiteit (uit event_types in site.yaml)\n"
	"# label: null  # hoe een vage datum getoond wordt, bv. \"wellicht in het najaar\"\n"
	"# tentative: false  # true: de datum ligt nog niet vast\n"
	"# status: confirmed  # planned | confirmed | postponed | cancelled | done\n"
	"# action: null  # de id van de actiefiche die deze activiteit dient\n"
	"# organiser: zorgraad  # zorgraad of de id van een partner\n"
	"# co_organisers: []  # de ids van partners die mee organiseren\n"
	"# audience: []  # de doelgroepen (uit audiences in site.yaml)\n"
	"# municipalities: []  # de gemeenten (uit municipalities in site.yaml)\n"
	"# location: {name: \"\", address: \"\", service: null}  # waar?\n"
	"# online: {url: null}  # de link naar de online sessie\n"
	"# registration: {url: null, deadline: @TODAY@, capacity: 80}  # inschrijven\n"
	"# programme:  # het programma, onderdeel per onderdeel\n"
	"#   - {start: @TODAY@T12:00, end: null, title: \"\"}\n"
	"# visibility: public  # public | partners | internal\n"
	"# attendance: 0  # achteraf: het aantal deelnemers (voor het rapport)\n"
	"# aliases: []  # oude URL's die moeten blijven werken\n"
	"# extra: {}  # eigen gegevens voor het thema\n"
	"---\n"
	"Beschrijf hier de activiteit: wat, voor wie en waarom komen.\n";

static const char newsletter_text[] =
	"title: @TITLE@  # verplicht: de titel van het nummer\n"
	"date: @TODAY@  # verplicht: de dag waarop de nieuwsbrief vertrekt\n"
	"# number: 1  # het volgnummer\n"
	"# summary: \"\"  # één zin over wat erin staat (archief en mail)\n"
	"# spotlight: null  # partner in de kijker: de id van een partner\n"
	"# events: []  # de activiteiten in de agenda van dit nummer (ids)\n"
	"# aliases: []  # oude URL's die moeten blijven werken\n"
	"# extra: {}  # eigen gegevens voor het thema\n"
	"---\n"
	"## Eigen nieuws\n\n## Nieuws uit het netwerk\n";

static const char partner_text[] =
	"name: @TITLE@  # verplicht: de naam van de partner\n"
	"# short_name: null  # een korte naam of afkorting\n"
	"# type: null  # de soort partner (uit partner_types in site.yaml)\n"
	"# cluster: null  # de cluster (uit clusters in site.yaml)\n"
	"# municipalities: []  # de gemeenten waar de partner werkt\n"
	"# website: null  # https://...\n"
	"# email: null  # het algemene e-mailadres\n"
	"# phone: null  # tussen aanhalingstekens, bv. \"+32 50 12 34 56\"\n"
	"# address: {street: \"\", postcode: \"\", municipality: null, place: \"\"}\n"
	"# logo: null  # een bestand onder static/, bv. logos/partner.svg\n"
	"# member: false  # lid van de algemene vergadering\n"
	"# board: false  # zetel in de raad van bestuur\n"
	"updated: @TODAY@  # de dag waarop je deze gegevens het laatst nakeek\n"
	"# aliases: []  # oude URL's die moeten blijven werken\n"
	"# extra: {}  # eigen gegevens voor het thema\n"
	"---\n"
	"Wat doet deze partner, voor wie?\n";

static const char service_text[] =
	"name: @TITLE@  # verplicht: de naam van de dienst\n"
	"municipality:  # verplicht: de gemeente (een id uit municipalities in site.yaml)\n"
	"# category: null  # de categorie (uit service_categories in site.yaml)\n"
	"# address: {street: \"\", postcode: \"\", municipality: null, place: \"\"}\n"
	"# geo: [51.1, 3.2]  # [breedtegraad, lengtegraad]; zonder geo niet op de kaart\n"
	"# phone: null  # tussen aanhalingstekens, bv. \"+32 50 12 34 56\"\n"
	"# email: null\n"
	"# website: null  # https://...\n"
	"# opening_hours: null  # bv. \"ma-vr 9-12 uur\"\n"
	"# target_groups: []  # voor wie is de dienst?\n"
	"# partner: null  # de id van de partner die de dienst aanbiedt\n"
	"# sociale_kaart: null  # de fiche op de Sociale Kaart (https://www.desocialekaart.be/...)\n"
	"updated: @TODAY@  # de dag waarop je deze gegevens het laatst nakeek\n"
	"# aliases: []  # oude URL's die moeten blijven werken\n"
	"# extra: {}  # eigen gegevens voor het thema\n"
	"---\n"
	"Wat biedt deze dienst aan, en hoe kom je er terecht?\n";

static const char page_text[] =
	"title: @TITLE@  # verplicht: de titel van de pagina\n"
	"# summary: null  # één zin over de pagina (voor zoekmachines en overzichten)\n"
	"# menu: 1  # de plaats in het hoofdmenu (0-99); zonder menu niet in het menu\n"
	"# aliases: []  # oude URL's die moeten blijven werken\n"
	"# extra: {}  # eigen gegevens voor het thema\n"
	"---\n"
	"Schrijf hier de tekst van de pagina (Markdown).\n";

/* The kinds are named as in model.h (kind_names, kind_names_nl). */
static const char *const kind_text[K__ITEMS] = {
	[K_ACTION] = action_text, [K_EVENT] = event_text,
	[K_NEWSLETTER] = newsletter_text, [K_PARTNER] = partner_text,
	[K_SERVICE] = service_text, [K_PAGE] = page_text,
};

int scaffold_kind(const char *word)
{
	int k;

	for (k = 0; k < K__ITEMS; k++)
		if (!strcmp(word, kind_names[k]) ||
		    !strcmp(word, kind_names_nl[k]))
			return k;
	return -1;
}

void scaffold_id(const char *title, struct buf *id)
{
	slug_append(id, sl_cstr(title));
}

/* title as a double-quoted YAML string: it may hold ':' or '#'. */
static void put_quoted(struct buf *out, const char *s)
{
	buf_putc(out, '"');
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			buf_putc(out, '\\');
		if ((unsigned char)*s < 0x20)
			buf_putc(out, ' '); /* a title is one line */
		else
			buf_putc(out, *s);
	}
	buf_putc(out, '"');
}

/* Puts the value of the marker at p (if p starts with one) into out and
 * returns the marker's length; 0 when p holds no marker. */
static size_t put_marker(const char *p, const char *title, int64_t now_day,
			 struct buf *out)
{
	bool prev = !strncmp(p, "@PREV@", 6);
	int64_t year;

	if (!strncmp(p, "@TITLE@", 7)) {
		put_quoted(out, title);
	} else if (!strncmp(p, "@TODAY@", 7)) {
		civil_put_date(out, now_day, CIVIL_ISO_EXTENDED);
	} else if (prev || !strncmp(p, "@YEAR@", 6)) {
		/* Worked out here, not for every '@' a template holds. */
		civil_from_days(now_day, &year, NULL, NULL);
		buf_printf(out, "%lld", (long long)year - prev);
	} else {
		return 0;
	}
	return strchr(p + 1, '@') - p + 1;
}

/* Copies tpl to out with its @NAME@ markers filled in. */
static void expand(const char *tpl, const char *title, int64_t now_day,
		   struct buf *out)
{
	const char *p = tpl;

	while (*p) {
		size_t n = *p == '@' ? put_marker(p, title, now_day, out) : 0;

		if (n == 0)
			buf_putc(out, *p++);
		else
			p += n;
	}
}

void scaffold_text(enum kind k, const char *title, int64_t now_day,
		   struct buf *out)
{
	expand(header, title, now_day, out);
	expand(kind_text[k], title, now_day, out);
}

enum scaffold_status scaffold_write(const char *site_dir, enum kind k,
				    const char *id, const struct buf *text,
				    struct buf *path)
{
	ssize_t n;
	int fd, err;

	load_join(path, site_dir, kind_folders[k]);
	if (mkdir(path->ptr, 0777) != 0 && errno != EEXIST)
		return SCAFFOLD_IO;
	buf_printf(path, "/%s.md", id);
	/* O_EXCL: never replace a file, not even one made a moment ago. */
	fd = open(path->ptr, O_WRONLY | O_CREAT | O_EXCL, 0666);
	if (fd < 0)
		return errno == EEXIST ? SCAFFOLD_EXISTS : SCAFFOLD_IO;
	n = write(fd, text->ptr, text->len);
	err = errno;
	if (close(fd) != 0 || n < 0 || (size_t)n != text->len) {
		unlink(path->ptr);
		errno = n < 0 ? err : EIO;
		return SCAFFOLD_IO;
	}
	return SCAFFOLD_OK;
}
