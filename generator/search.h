/*
 * search: the words of the site search, folded and stemmed the Dutch way.
 *
 * The page /zoeken/ (render_search.c) looks words up in an index made at
 * build time; its script (themes/default/assets/search.js) treats what a
 * visitor types with the very same rule, so both sides meet on the same
 * terms.  The rule is small on purpose, predictable for a writer and
 * cheap enough for 100,000 items:
 *
 *  1. fold as the partner directory does (collate_fold): lower case,
 *     accents and ligatures spelled out (é -> e, ë -> e, ï -> i, æ -> ae,
 *     ĳ -> ij), apostrophes and soft hyphens dropped inside a word
 *     ("auto's" -> "autos"), every run of other characters one space;
 *  2. leave out the little words every text has (search_stopword():
 *     articles, "en", "van", "voor", ...): they would make the index
 *     bigger and match everything; a query leaves them out too;
 *  3. stem each other word, in this order, never below SEARCH_MIN_STEM
 *     letters:
 *     a. a plural -s after -er, -el, -je, -ie or after a vowel a, o, u,
 *        y: "mantelzorgers" -> "mantelzorger", "winkels" -> "winkel",
 *        "huisjes" -> "huisje", "studies" -> "studie", "autos" -> "auto"
 *        (not after other letters: "huis", "proces", "mens" stay);
 *     b. "-heden" -> "-heid": "mogelijkheden" -> "mogelijkheid";
 *        else a plural -en, then one letter of a doubled consonant:
 *        "activiteiten" -> "activiteit", "vergaderingen" ->
 *        "vergadering", "lessen" -> "les", "knieën" -> "knie";
 *        else a final -e after a consonant, so singular and plural
 *        meet: "gemeente" and "gemeenten" -> "gemeent", "activiteite"
 *        (half typed) -> "activiteit"; "idee" and "knie" keep theirs;
 *     c. when b removed something, a final z or v becomes s or f, as
 *        in the singular: "ziekenhuizen" -> "ziekenhuis", "brieven" ->
 *        "brief", "actieve" -> "actief".
 *  Irregular plurals are not undone ("kinderen" -> "kinder", "steden"
 *  -> "sted", "straten" -> "strat" but "straat" stays): the same word
 *  always gives the same stem, so the search still finds the form it
 *  was given, and prefix matching of the word being typed covers most
 *  of the rest.
 */
#ifndef ZS_SEARCH_H
#define ZS_SEARCH_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"
#include "slice.h"

/* A stem keeps at least this many letters: "bus", "open", "zien" stay. */
enum { SEARCH_MIN_STEM = 3 };

/* The length of the stem of the folded word w[0..n) (rule 3 above);
 * steps that change a letter ("-heden", z -> s) write into w itself. */
size_t search_stem(char *w, size_t n);

/* True for a folded word that is left out (rule 2 above). */
bool search_stopword(const char *w, size_t n);

/* Appends text folded and stemmed, stop words left out: the stems in
 * text order, separated by one space, no leading or trailing space. */
void search_terms(struct buf *out, struct slice text);

#endif
