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
 * letter-spacing is set, so ligatures are not formed.  Free with
 * lay_shaped_free.
 */
void lay_shape_para(struct lay_shaped *s, struct text_item *it, const uint32_t *cps,
    struct text_face *const *face, const void *const *key, const uint8_t *noliga,
    mpt *gadv, size_t n);
void lay_shaped_free(struct lay_shaped *s);

/*
 * The glyphs of the run of items [i, j) in face (one run of the line):
 * positions relative to it[i].x, clusters as byte offsets in the run's
 * text (the UTF-8 of cps[i, j)), in arena a.  NULL (and *ng 0) when no
 * item of the run is shaped: the run is drawn through the cmap.
 */
const struct area_glyph *lay_shape_run(struct arena *a, const struct lay_shaped *s,
    const struct text_item *it, const uint32_t *cps, struct text_face *face,
    size_t i, size_t j, int *ng);

#endif
