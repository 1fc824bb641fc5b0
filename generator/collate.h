/*
 * collate: Dutch alphabetical order for names, without setlocale().
 *
 * The partner directory lists organisations the way Dutch and Flemish
 * reference works list titles and organisation names:
 *
 *  - case is ignored, and so are accents and other diacritics: "Ältere"
 *    files under A, "école" under E; ligatures are spelled out (æ -> ae,
 *    œ -> oe, ß -> ss), and ĳ/IJ is the two letters i and j, as in the
 *    Woordenlijst and Van Dale (not y, as in old Dutch phone books);
 *  - a leading article "de", "het" or "'t" (any case, straight or curly
 *    apostrophe) followed by a space is skipped: "De Woonwinkel" files
 *    under W and "de Kade" under K.  Library catalogues in Flanders and
 *    the Netherlands file titles and organisations on their first word
 *    after the article ("Tooverspiegel, De"); the Belgian habit of
 *    filing family names on their particle ("De Smet" under D) is for
 *    people, and the directory lists organisations.  "een" is not
 *    skipped: at the start of a name it is as often the numeral;
 *  - word by word: a space or punctuation between words sorts before any
 *    letter or digit ("AZ Sint-Jan" before "Azalea"), as in CLDR's
 *    default order; an apostrophe or soft hyphen inside a word is
 *    ignored ("auto's" = "autos"); digits sort before letters, digit by
 *    digit;
 *  - letters outside Latin-1 and Latin Extended-A sort after z, in code
 *    point order.
 *
 * Ties are broken level by level, so the order is total: first the
 * letters as above; then a name without a skipped article before one
 * with it ("Kade" before "De Kade"), unaccented before accented
 * ("Altere" before "Ältere"); then lower case before upper case; then
 * the bytes of the name.  Only identical names compare equal; callers
 * break that last tie by id.
 */
#ifndef ZS_COLLATE_H
#define ZS_COLLATE_H

#include "buf.h"
#include "slice.h"

/* Appends the sort key of name (UTF-8): comparing two keys with memcmp
 * (shorter first on a common prefix) gives the order described above. */
void collate_key(struct buf *out, struct slice name);

/* Compares two names by their sort keys: <0, 0 (identical names), >0. */
int collate_cmp(struct slice a, struct slice b);

/* What collate_initial() gives for names outside A-Z: those that start
 * with a digit (or hold no letter or digit at all) sort before A, those
 * that start with a letter of another script after Z. */
enum { COLLATE_BEFORE_A = '#', COLLATE_AFTER_Z = '~' };

/* The letter a name is filed under: 'A'..'Z', COLLATE_BEFORE_A or
 * COLLATE_AFTER_Z, so that names under one letter are next to each
 * other in collate order. */
char collate_initial(struct slice name);

/* Appends name folded for searching: lower-case a-z and 0-9 as above
 * (articles kept), every run of other characters as one space, no
 * leading or trailing space. */
void collate_fold(struct buf *out, struct slice name);

#endif
