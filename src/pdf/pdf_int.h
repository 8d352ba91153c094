/*
 * pdf — internal interface between pdf.c (the writer: text, boxes, links),
 * pdf_font.c (embedded fonts) and pdf_graphics.c (vector paths, images,
 * clipping).  They include hpdf.h; no other stage does.
 */
#ifndef FOLIO_PDF_INT_H
#define FOLIO_PDF_INT_H

#include <hb.h>
#include <hpdf.h>

#include "../area/area.h"
#include "pdf.h"

struct text_face;

/*
 * Embed face f for the code points cps as a subset CIDFontType2 font and
 * return its Type0 font dictionary (owned by doc), or NULL after reporting
 * to d.  cid receives code point → CID (the subset's glyph id) for every
 * code point the face has; the others show as CID 0, .notdef.
 */
HPDF_Dict pdf_font_embed(HPDF_Doc doc, struct text_face *f, const hb_set_t *cps, hb_map_t *cid,
    struct diag *d);

/*
 * Replace the data of stream dict (a new HPDF_DictStream) with data,
 * deflated at folio's level, and name the filter.  Returns 0, or -1 when
 * nothing was changed.
 */
int pdf_stream_deflated(HPDF_Dict dict, const void *data, size_t n);

/* Images and transparency states of one document, each made once. */
struct pdf_gfx;

/* file names the FO source in messages (may be NULL); owned */
struct pdf_gfx *pdf_gfx_new(HPDF_Doc doc, const char *file, struct diag *d);
void pdf_gfx_free(struct pdf_gfx *g);                         /* accepts NULL */

/*
 * While an image loads, libharu errors belong to the image (it becomes a
 * placeholder), not to the document: the error handler asks here first.
 * Returns 1 when g took the error.
 */
int pdf_gfx_take_error(struct pdf_gfx *g, HPDF_STATUS code);

/* Draw a, an AREA_PATH or AREA_IMAGE, on page (ph: page height, millipoints). */
void pdf_gfx_draw(struct pdf_gfx *g, HPDF_Page page, mpt ph, const struct area *a);

/* The viewport whose children are being drawn (NULL after them): an image
 * that cannot be embedded becomes a placeholder filling its content box,
 * the size the document declared. */
void pdf_gfx_viewport(struct pdf_gfx *g, const struct area *v);

/* Save the graphics state and clip to the content box of viewport v;
 * the caller ends with HPDF_Page_GRestore. */
void pdf_gfx_clip(HPDF_Page page, mpt ph, const struct area *v);

#endif
