/*
 * svg — the SVG 1.1 subset inside fo:instream-foreign-object.  Input: the
 * <svg> element (struct xnode, kept by the FO tree) and the rectangle
 * layout gives it on the page.  Output: areas — AREA_PATH for shapes
 * (transformed to page space, arcs as cubic Béziers, markers expanded) and
 * AREA_LINE/AREA_RUN for text, set in folio's own fonts with the same
 * per-character fallback as body text.  Nothing is rasterised.  Depends on
 * area and text (and reads struct xnode, a plain tree); never on libharu.
 * The supported subset and its decisions: docs/graphics.md.
 */
#ifndef FOLIO_SVG_H
#define FOLIO_SVG_H

#include "../base/base.h"

struct xnode;
struct area;
struct area_tree;
struct text_fonts;

/* What a drawing takes from the document around it. */
struct svg_env {
	struct area_tree  *at;          /* areas are allocated here */
	struct text_fonts *fonts;
	struct diag       *d;
	const char        *file;        /* the FO document, for file:line */
	const char        *font_family; /* initial font of text: the FO's */
	mpt                font_size;   /* millipoints */
	int                font_weight; /* 100–900 */
	int                font_italic;
	uint32_t           color;       /* currentColor: the FO's color, 0xRRGGBB */
	long              *doc_elements;/* elements drawn in the whole document so
	                                 * far (LIMIT_SVG_DOC_ELEMENTS), or NULL */
};

/*
 * The size of the drawing (millipoints) from the width and height of svg,
 * else its viewBox, else 300 × 150 px; one user unit is one px (0.75pt).
 * Sizes above LIMIT_OBJECT_SIZE are reduced to it with a warning.
 */
void svg_size(const struct xnode *svg, const struct svg_env *env, mpt *w, mpt *h);

/*
 * Draw svg as children of parent, its viewport filling the rectangle
 * (x, y, w, h) in page space (millipoints, y down).  Unsupported elements
 * and attributes are reported once each with file:line and skipped; a
 * malformed path is drawn up to the error; caps from base/limits.h bound
 * nesting, use chains and points.  Never fails.
 */
void svg_draw(const struct xnode *svg, const struct svg_env *env, struct area *parent,
    mpt x, mpt y, mpt w, mpt h);

#endif
