/*
 * test_collate: Dutch alphabetical order of the partner directory.
 *
 * The cases of the issue ("Ältere", "de Kade", "Zorg"), the documented
 * rule for leading articles, accents, ligatures and ij, word-by-word
 * order, the tie-breaking levels that make the order total, and the
 * letter a name is filed under in the A-Z index.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "collate.h"

static int cmp_names(const void *a, const void *b)
{
	return collate_cmp(sl_cstr(*(const char *const *)a),
			   sl_cstr(*(const char *const *)b));
}

/* Sorting want (shuffled by reversing) must give want back. */
static void check_order(const char *what, const char *const *want, size_t n)
{
	const char **v = calloc(n, sizeof(*v));
	char msg[300];
	size_t i;
	int ok = 1;

	for (i = 0; i < n; i++)
		v[i] = want[n - 1 - i];
	qsort(v, n, sizeof(*v), cmp_names);
	for (i = 0; i < n; i++)
		if (strcmp(v[i], want[i]) != 0)
			ok = 0;
	snprintf(msg, sizeof(msg), "order: %s", what);
	if (!CHECK(ok, msg))
		for (i = 0; i < n; i++)
			printf("#   %zu: got \"%s\", want \"%s\"\n", i, v[i], want[i]);
	free(v);
}

static void check_less(const char *a, const char *b)
{
	char msg[300];

	snprintf(msg, sizeof(msg), "\"%s\" sorts before \"%s\"", a, b);
	CHECK(collate_cmp(sl_cstr(a), sl_cstr(b)) < 0 &&
	      collate_cmp(sl_cstr(b), sl_cstr(a)) > 0, msg);
}

static void check_initial(const char *name, char want)
{
	char msg[200];

	snprintf(msg, sizeof(msg), "\"%s\" is filed under '%c'", name, want);
	CHECK_INT(collate_initial(sl_cstr(name)), want, msg);
}

static void check_fold(const char *name, const char *want)
{
	struct buf b = BUF_INIT;
	char msg[200];

	collate_fold(&b, sl_cstr(name));
	snprintf(msg, sizeof(msg), "search text of \"%s\"", name);
	CHECK_STR(b.ptr, want, msg);
	buf_free(&b);
}

/* The three names of the issue, among neighbours. */
static void test_issue_cases(void)
{
	static const char *const want[] = { "Academie voor de Eerste Lijn",
		"Ältere", "Altere zorg", "Apothekers", "Jabbeke", "de Kade",
		"Kadetten", "Oostkamp", "Zedelgem", "Zorg", "Zorgraad" };

	check_order("issue cases among neighbours", want,
		    sizeof(want) / sizeof(want[0]));
	check_less("Ältere", "Apothekers");
	check_less("Academie", "Ältere");
	check_less("de Kade", "Kadetten");
	check_less("Jabbeke", "de Kade");
	check_less("Zedelgem", "Zorg");
	check_initial("Ältere", 'A');
	check_initial("de Kade", 'K');
	check_initial("Zorg", 'Z');
}

/* Leading articles: de, het, 't are skipped; een, and articles not
 * followed by a space, are not. */
static void test_articles(void)
{
	check_initial("De Woonwinkel", 'W');
	check_initial("Het Heidehuis", 'H');
	check_initial("het Anker", 'A');
	check_initial("'t Sluisje", 'S');
	check_initial("\xE2\x80\x99t Sluisje", 'S');
	check_initial("DE KADE", 'K');
	check_initial("Een Hart voor Zorg", 'E');
	check_initial("Deken", 'D');
	check_initial("De", 'D');       /* nothing would be left */
	check_initial("De-Kade", 'D');   /* no space: part of the name */
	check_initial("Dekenij", 'D');
	check_less("het Anker", "Beernem");
	check_less("Sint-Andries", "'t Sluisje");
	check_less("'t Sluisje", "Sociaal Huis");
	check_less("Vivel", "De Woonwinkel");
	check_less("De Woonwinkel", "Zedelgem");
	/* Same name after the article: without article first. */
	check_less("Kade", "de Kade");
	check_less("de Kade", "De Kade");
}

static void test_accents_and_case(void)
{
	check_less("Altere", "Ältere");
	check_less("ältere", "Ältere");
	check_less("altere", "Altere");
	check_less("Ältere", "Alteren");
	check_less("école", "Ezel");
	check_less("Ecole", "école");
	check_less("école", "Eerste");
	check_less("Cafe", "Café");
	check_less("Café", "Cafeïne");
	check_initial("Élan", 'E');
	check_initial("Øresund", 'O');
	check_initial("Çava", 'C');
	/* A decomposed accent (e + U+0301) sorts with e as well. */
	check_less("Cafe", "Cafe\xCC\x81");
	check_less("Cafe\xCC\x81", "Cafes");
}

static void test_letters(void)
{
	/* ij is i + j (Woordenlijst, Van Dale), not y. */
	check_less("Ieper", "IJzendijke");
	check_less("IJzendijke", "Ijzer");
	check_less("Ijzer", "Ikea");
	check_less("IJzendijke", "Yoga");
	check_initial("IJzendijke", 'I');
	check_initial("\xC4\xB2sselmeer", 'I');  /* the ligature Ĳ */
	/* Ligatures spelled out. */
	check_less("Aeneas", "\xC3\x86sop");     /* Æsop after Aeneas */
	check_less("\xC3\x86sop", "Afer");
	check_less("Strasse", "Stra\xC3\x9F" "e");
	check_less("Stra\xC3\x9F" "e", "Strassen");
	/* Apostrophes inside a word are ignored. */
	check_less("autobus", "auto's");
	check_less("auto's", "autosalon");
	check_less("autos", "autosalon");
	check_less("auto's", "autos");  /* equal but for the bytes */
}

/* Word by word: a space sorts before any letter or digit. */
static void test_words(void)
{
	static const char *const want[] = { "AZ Sint-Jan Brugge",
		"AZ Sint-Lucas Brugge", "Azalea", "CAW", "CAW Noord",
		"CAWB", "ELZ 10", "ELZ 2", "ELZ Brugge", "ELZ WE40" };

	check_order("word by word, digits before letters", want,
		    sizeof(want) / sizeof(want[0]));
	check_less("Sint Jan", "Sint-Jan");   /* equal but for the bytes */
	check_less("Sint-Jan", "Sintjan");
	check_initial("1733 Huisartsenwacht", '#');
	check_initial("\xCE\x91\xCE\xBB\xCF\x86\xCE\xB1", '~'); /* Greek */
	check_initial("!!!", '#');
	check_initial("", '#');
	check_initial("  (Ontmoetingshuis)", 'O');
	check_less("Zwalm", "\xCE\x91\xCE\xBB\xCF\x86\xCE\xB1");
}

/* The A-Z index groups runs of one initial: in collate order, the names
 * filed under one letter must be next to each other. */
static void test_initial_runs(void)
{
	static const char *const names[] = { "\xCE\x91\xCE\xBB\xCF\x86\xCE\xB1",
		"1733", "De Woonwinkel", "Wingg", "Zorg", "het Anker", "Anker 2",
		"'t Sluisje", "Sluis", "!!!", "\xD0\x96\xD1\x83\xD0\xBA", "Ältere",
		"IJzer", "Ieper", "Kade", "de Kade", "Zwalm", "9 Huizen" };
	size_t n = sizeof(names) / sizeof(names[0]), i, j;
	const char **v = calloc(n, sizeof(*v));
	int ok = 1;

	memcpy(v, names, n * sizeof(*v));
	qsort(v, n, sizeof(*v), cmp_names);
	for (i = 1; i < n; i++)
		for (j = 0; j + 1 < i; j++)
			if (collate_initial(sl_cstr(v[j])) ==
			    collate_initial(sl_cstr(v[i])) &&
			    collate_initial(sl_cstr(v[i - 1])) !=
			    collate_initial(sl_cstr(v[i])))
				ok = 0;
	CHECK(ok, "names under one initial are contiguous in collate order");
	CHECK_INT(collate_initial(sl_cstr(v[0])), '#', "digits and signs come first");
	CHECK_INT(collate_initial(sl_cstr(v[n - 1])), '~', "other scripts come last");
	free(v);
}

/* Only identical names compare equal: the order is total. */
static void test_total(void)
{
	static const char *const names[] = { "de Kade", "De Kade", "Kade",
		"kade", "KADE", "Kadé", "Kade ", "Kade.", "Ältere", "Altere",
		"ALTERE", "'t Sluisje", "\xE2\x80\x99t Sluisje", "Sint Jan",
		"Sint-Jan", "Sint--Jan" };
	size_t n = sizeof(names) / sizeof(names[0]), i, j;
	int ok = 1, anti = 1;

	for (i = 0; i < n; i++)
		for (j = 0; j < n; j++) {
			int c = collate_cmp(sl_cstr(names[i]), sl_cstr(names[j]));
			int d = collate_cmp(sl_cstr(names[j]), sl_cstr(names[i]));

			if ((c == 0) != (i == j))
				ok = 0;
			if ((c < 0) != (d > 0) || (c == 0) != (d == 0))
				anti = 0;
		}
	CHECK(ok, "distinct names never compare equal");
	CHECK(anti, "the comparison is antisymmetric");
	check_less("kade", "Kade");
	check_less("Kade", "KADE");
	check_less("Kade", "Kade.");
}

static void test_fold(void)
{
	check_fold("De Woonwinkel", "de woonwinkel");
	check_fold("Ältere  Zorg-Netwerk (WE40)", "altere zorg netwerk we40");
	check_fold("auto's", "autos");
	check_fold("\xC4\xB2sselmeer & Æsop", "ijsselmeer aesop");
	check_fold("  ", "");
}

int main(void)
{
	test_issue_cases();
	test_articles();
	test_accents_and_case();
	test_letters();
	test_words();
	test_total();
	test_initial_runs();
	test_fold();
	return check_done();
}
