/*
 * lay_shape — the shaped glyphs of a paragraph (lay_shape.c): words of
 * Latin, Greek and Cyrillic shaped with HarfBuzz (kerning, ligatures) before
 * the composer breaks lines, their advances put on the items, and the
 * glyphs handed to the runs that draw them (docs/fonts.md).
 */
#ifndef FOLIO_LAY_SHAPE_H
#define FOLIO_LAY_SHAPE_H

#include "../area/area.h"
#include "../text/text.h"

struct lay_shaped {
	struct text_glyph *g;       /* the glyphs of every shaped cluster */
	size_t             ng;
	uint32_t          *first;   /* per item: the first glyph of the cluster it begins */
	uint16_t          *count;   /* per item: that cluster's glyphs; 0 when not shaped */
	uint16_t          *nchars;  /* per item: that cluster's characters */
	uint8_t           *inner;   /* per item: inside a cluster an earlier item begins */
	/* per item of a shaped word: the word [ws, we), its face and how it
	 * was shaped (bit 0 right to left, bit 1 without ligatures), so that
	 * a word broken by a hyphen can shape its two parts apart */
	uint32_t          *ws, *we;
	struct text_face **face;
	uint8_t           *how;
	size_t             n;       /* items */
	int                any;     /* some item is shaped */
};

/*
 * Shape the words of items it[0, n) (code points cps): runs of letters,
 * digits and punctuation of one face[i] (NULL: never shaped) and one key[i]
 * (items of one key share size and letter-spacing: the style), at font
 * size it[i].em.  Words whose shaping changes nothing (no kerning pair, no
 * ligature) stay as they are, so Chinese text is never touched.  For the
 * shaped ones, gadv[i] (the glyph's own advance) and it[i].adv become the
 * shaped advance: a cluster's whole width on its first item, 0 on the
 * others, with no break and no justification inside a cluster.  noliga[i]:
 * letter-spacing is set, so ligatures are not formed.  levels (or NULL:
 * all left to right) are the bidi levels (lay_bidi_para): words of an odd
 * level are shaped right to left, and always (Arabic joins).  Free with
 * lay_shaped_free.
 */
void lay_shape_para(struct lay_shaped *s, struct text_item *it, const uint32_t *cps,
    struct text_face *const *face, const void *const *key, const uint8_t *noliga,
    const int8_t *levels, mpt *gadv, size_t n);

/* The invisible controls of bidi text (explicit codes, isolates, marks):
 * no width, not drawn. */
static inline int
lay_bidi_control(uint32_t cp)
{
	return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) ||
	    cp == 0x200E || cp == 0x200F || cp == 0x061C;
}
void lay_shaped_free(struct lay_shaped *s);

/*
 * Hyphenation points (TS_HYPHEN, lay_hyph_mark) in shaped words: a point
 * inside a cluster (between the f and the i of an fi ligature) is taken
 * back, and a point's hyphen width it[k].hyw gets what the part before
 * it, shaped alone, is wider or narrower than in the whole word (the
 * kerning pair across the point is not set there), so that the composer
 * measures the line that ends in the hyphen as it will be drawn.
 */
void lay_shape_hyph(const struct lay_shaped *s, struct text_item *it, const uint32_t *cps);
/*
 * The line breaks after item k at a hyphenation point: the two parts of
 * its shaped word are shaped apart, each a word of its own (their glyphs
 * and advances replace the whole word's; gadv as for lay_shape_para).
 */
void lay_shape_split(struct lay_shaped *s, struct text_item *it, const uint32_t *cps, mpt *gadv,
    size_t k);

/*
 * Right-to-left text (lay_bidi.c): the paragraph's bidi levels through
 * FriBidi, when it has a right-to-left character or explicit code, or its
 * base direction is rtl (writing-mode rl-tb); returns 0, and b holds
 * nothing, when it is all left to right.
 */
struct lay_bidi {
	size_t    n;
	int       rtl;       /* base direction right to left */
	void     *types;     /* FriBidi's character types, per item */
	int8_t   *levels;    /* embedding level per item (odd: right to left) */
};
int lay_bidi_para(struct lay_bidi *b, const uint32_t *cps, size_t n, int rtl);
void lay_bidi_free(struct lay_bidi *b);
/*
 * Put line [s, e) in visual order: ord receives the item indices left to
 * right (e - s of them) and each item's x becomes its visual position in
 * a line of the given width, the widths of the items kept.
 */
void lay_bidi_line(struct lay_bidi *b, struct text_item *it, size_t s, size_t e, mpt width,
    size_t *ord);

/*
 * The glyphs of a run in face: items idx[0, n) in drawing order (left to
 * right), positions relative to the first one's x, clusters as byte
 * offsets in the run's text (the UTF-8 of their code points in that
 * order), in arena a.  NULL (and *ng 0) when no item of the run is
 * shaped: the run is drawn through the cmap.
 */
const struct area_glyph *lay_shape_run(struct arena *a, const struct lay_shaped *s,
    const struct text_item *it, const uint32_t *cps, struct text_face *face,
    const size_t *idx, size_t n, int *ng);

#endif
