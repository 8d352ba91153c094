/*
 * layout — the characters of an inline content, gathered (lay_gather.c)
 * for the line maker (lay_line.c).
 */
#ifndef FOLIO_LAY_CHARS_H
#define FOLIO_LAY_CHARS_H

#include <stdint.h>

#include "../fo/fo.h"
#include "../text/text.h"

struct lay;

struct ch {
	uint32_t               cp;
	const struct fo_style *st;
	uint32_t               keep;     /* the keep-together.within-line inline it is in (1, 2, …), or 0 */
	uint8_t                preserved_lf;
	uint8_t                pnum;     /* placeholder of a page number */
	const struct fo_node  *link;     /* inside this fo:basic-link */
	const struct fo_node  *obj;      /* U+FFFC: an inline object */
	uint8_t                edge;     /* obj is a bordered fo:inline: 1 its start, 2 its end */
	const struct fo_node  *cbar;     /* inside this change bar (innermost open) */
	const struct fo_node  *note;     /* the first character of a footnote citation: its body */
	uint32_t               seq;      /* position before white-space handling */
	uint8_t                glue;     /* 1: no line break after it (keep-with-next.within-line),
	                                    2: none before it (keep-with-previous.within-line) */
};

/* An index anchor (lay_vlist.h) met at character seq of the content. */
struct chars_anchor {
	const struct fo_node *fo;
	uint32_t              seq;
};

struct chars {
	struct ch *v;
	size_t     n, cap;
	struct chars_anchor *anc;   /* index anchors, in order */
	size_t     nanc, capanc;
	uint32_t   keeps;   /* keep-together.within-line inlines so far: two of them side by side may break between them */
};

/* Append the characters of c (an inline or text node) to out; keep: the
 * keep-together.within-line inline they are in, or 0. */
void lay_gather(struct lay *L, const struct fo_node *c, struct chars *out, uint32_t keep);

/* Handle white space in place; returns a footnote body left with no
 * character to cite it, or NULL. */
const struct fo_node *lay_whitespace(struct chars *c);

/*
 * Where the paragraph's items may break at a cost (lay_hyph.c,
 * docs/hyphenation.md): it[i].soft and, for a hyphen, it[i].hyw.  width:
 * the narrowest line, for URLs and paths wider than it.  Warns once per
 * language that asks for hyphenation and has no dictionary.
 */
void lay_hyph_mark(struct lay *L, const struct fo_node *block, const struct chars *cs,
    struct text_item *it, size_t n, mpt width);
/* The hyphen of style st: its code point, face and width; 0 if no face
 * draws it.  bold, italic (may be NULL): synthesised. */
int lay_hyph_glyph(struct lay *L, const struct fo_style *st, uint32_t *cp, struct text_face **face,
    mpt *w, int *bold, int *italic);
/* Append to line the hyphen after its last run, in style st. */
void lay_hyph_draw(struct lay *L, struct area *line, const struct fo_style *st);

#endif
