/*
 * layout — a paragraph being set (lay_line.c): its characters, the
 * composer's items made of them (lay_items.c) and what the line maker
 * keeps beside them per character.
 */
#ifndef FOLIO_LAY_PARA_H
#define FOLIO_LAY_PARA_H

#include "lay_chars.h"
#include "lay_shape.h"

struct lay;
struct lobj;

/* Per-item data the composer does not need. */
struct glyph {
	const struct fo_style *st;
	struct text_face      *face;
	uint8_t                bold, italic;
	uint8_t                pnum;    /* page-number placeholder */
	const struct fo_node  *link;    /* fo:basic-link */
	mpt                    gadv;    /* the glyph's own advance */
	mpt                    asc, desc;  /* ascent and descent at its size */
	struct area           *obj;     /* an inline object's viewport */
	const struct lobj     *lobj;    /* a leader, inline-container or edge (lay_inline.c) */
};

/* One paragraph being set: its characters, their per-character arrays
 * (in one block: a document has many short paragraphs, table cells), and
 * what shaping, bidi and the composer make of them. */
struct para {
	struct chars       cs;        /* the characters gathered */
	size_t             n;         /* cs.n */
	char              *per_char;  /* g, objs, it, cps and brk, in one allocation */
	struct glyph      *g;
	struct lobj      **objs;      /* the inline objects (lay_inline.c), or NULL */
	struct text_item  *it;
	uint32_t          *cps;
	uint8_t           *brk;
	uint8_t           *latin;     /* per character: take the Latin face */
	mpt                line_w;    /* the lines' width beside any float */
	struct lay_bidi    bidi;
	int                has_bidi;
	struct lay_shaped  shp;
	struct text_line  *lines;
	size_t             nl;
	const char       **ids;       /* ids of the inline FOs, for the first line */
	int                nids;
	const struct fo_node *first;  /* the paragraph's first inline FO */
	size_t             skip;      /* characters placed on pages before (L->resume_at) */
};

/*
 * Fill in the composer's items and the glyphs of p's characters (the
 * caller has made p's arrays and set p->line_w): inline objects, break
 * opportunities in language lang, each character's face and metrics, and
 * the within-line keeps.  Characters no face draws are noted.
 */
void lay_para_items(struct lay *L, struct para *p, const char *lang);

#endif
