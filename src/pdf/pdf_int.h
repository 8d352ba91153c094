/*
 * pdf — internal interface of the PDF writer's files, one job each:
 * pdf.c (the document: start, fonts collected, save), pdf_page.c (a
 * page's boxes and the passes over it), pdf_text.c (its text),
 * pdf_graphics.c (paths, images, clipping), pdf_font.c (embedded fonts),
 * pdf_info.c (Info and XMP), pdf_nav.c (links, outline, page labels),
 * pdf_deflate.c (streams deflated by folio), pdf_copies.c (documents of
 * copies).  They include hpdf.h (no other stage does) and reach libharu
 * beyond its public API only through pdf_haru.h (pdf_haru.c).
 */
#ifndef FOLIO_PDF_INT_H
#define FOLIO_PDF_INT_H

#include <hpdf.h>

#include "../area/area.h"
#include "pdf.h"
#include "pdf_haru.h"

struct text_face;
struct pdf_vary;

#include "../base/file.h"

/* Glyph ids met, each with a value (pdf.c): an open-addressing table. */
struct pdf_gmap {
	uint32_t *key;    /* glyph id + 1; 0 empty */
	uint32_t *val;
	size_t    cap, n;
};

/* A face of the document: the code points and glyphs it shows, then its
 * font. */
struct pdf_face {
	struct text_face *face;
	uint64_t         *bmp;       /* BMP code points used, as bits while collecting */
	uint32_t         *cps;       /* code points used, ascending (those beyond the
	                                BMP gathered here first, as met) */
	size_t            ncps, capcps;
	uint32_t         *cps_cid;   /* CID of each of cps, 0 none */
	uint16_t         *cid_bmp;   /* the same for the BMP, as a table */
	/* shaped runs draw glyph ids (area_glyph) */
	struct pdf_gmap   gtu;       /* glyph id → 1 + its text in gtext (count, code
	                                points), 0 none */
	uint32_t         *gtext;
	size_t            ngtext, capgtext;
	uint32_t         *gids;      /* glyph ids used, ascending (made from gtu) */
	uint32_t         *gids_at;   /* the gtu value of each */
	uint32_t         *gids_cid;  /* the CID of each, 0 none */
	size_t            ngids;
	HPDF_Dict         font;      /* Type0 font, NULL until embedded */
};

/* The CID of code point cp in p, 0 when its face has none. */
uint32_t pdf_face_cid(const struct pdf_face *p, uint32_t cp);
/* The CID of shaped glyph gid in p, 0 when not embedded. */
uint32_t pdf_face_gid_cid(const struct pdf_face *p, uint32_t gid);

/* The writer of one PDF (pdf.c; pdf_copies.c draws copies with it). */
struct pdf_writer {
	HPDF_Doc      doc;
	struct diag  *d;
	struct pdf_face *faces;
	size_t        nfaces;
	int           failed;
	HPDF_STATUS   status;
	float         ph;          /* page height, points */
	/* text state of the current page */
	float         tc;
	HPDF_Dict     font;
	float         size;
	uint32_t      fill, stroke;
	uint8_t       bold, italic, placed;
	mpt           lx, ly;      /* origin of the last run placed, PDF space */
	mpt           phm;         /* page height, millipoints */
	struct pdf_gfx *gfx;       /* images and transparency (pdf_graphics.c) */
	int           in_line;     /* drawing a line's children: its decorations are drawn */
	const struct pdf_vary *skip;   /* runs not drawn with their page (drawn per copy) */
	size_t        nskip;
	struct file_out out;
	struct pdf_scratch *scratch;   /* pages drawn on but not written, or NULL */
	int           packed;      /* saved as PDF 1.5, objects in object streams */
};

/*
 * Open path, start the document of t and embed its fonts (each face with
 * the code points of t, and the ten digits for the faces of the runs of
 * vary).  Returns 0, or -1 after reporting (nothing is left open).
 */
int pdf_begin(struct pdf_writer *w, const struct area_tree *t, const char *path,
    const struct pdf_vary *vary, size_t nvary, struct diag *d);
/* The face entry of f (made on first use). */
struct pdf_face *pdf_face_of(struct pdf_writer *w, struct text_face *f);

/* Operator syntax (pdf_page.c): the decimal digits of v ≥ 0; v/1000 in
 * the shortest decimal form and a space; colours 0xRRGGBB. */
char *pdf_put_uint(char *p, uint64_t v);
char *pdf_put_milli(char *p, int64_t v);
void pdf_rgb_fill(HPDF_Page page, uint32_t c);
void pdf_rgb_stroke(HPDF_Page page, uint32_t c);

/* Draw page p of the tree on page (its size set), without the runs of
 * w->skip; the stream is left as drawn (pdf_stream_deflated compresses). */
void pdf_draw_page(struct pdf_writer *w, HPDF_Page page, const struct area_page *p);
/* Draw run r (a glyph run alone) as text on page (ph: page height, mpt);
 * the page's text state is reset first. */
void pdf_draw_run(struct pdf_writer *w, HPDF_Page page, mpt ph, const struct area *r);
/* The text of the areas from top on (pdf_text.c), in one text object. */
void pdf_draw_text(struct pdf_writer *w, HPDF_Page page, const struct area *top);

/* The Info dictionary, XMP metadata and language of t (pdf_info.c). */
void pdf_info(struct pdf_writer *w, const struct area_tree *t);
/* Put s (UTF-8) in d as a PDF text string (UTF-16BE). */
int pdf_put_text(HPDF_Dict d, const char *key, const char *s);
/* Page labels, links and the outline of t, whose pages are pages
 * (pdf_nav.c). */
void pdf_nav(struct pdf_writer *w, HPDF_Page *pages, const struct area_tree *t);
/* The page object of page index (1-based) and its height in points. */
typedef HPDF_Dict pdf_page_fn(void *ctx, int index, float *ph);
/* The outline of t, its destinations on the pages fn gives. */
void pdf_outline(struct pdf_writer *w, const struct area_tree *t, pdf_page_fn *fn, void *ctx);
/* Does page p start a new range of page labels after prev (NULL: none)? */
int pdf_label_starts(const struct area_page *p, const struct area_page *prev);
/* Append p's label to a page-label /Nums array, for page index0 (0-based). */
void pdf_label_add(HPDF_Doc doc, HPDF_Array nums, int index0, const struct area_page *p);
/* Save the document and commit the file when rc is 0 and nothing failed;
 * free everything.  Returns 0 or -1. */
int pdf_end(struct pdf_writer *w, int rc);

/*
 * Embed p's face for its code points p->cps and shaped glyphs p->gids as
 * a subset CIDFontType2 font (the subset from the text stage,
 * text_font_subset) and return its Type0 font dictionary (owned by doc),
 * or NULL after reporting to d.  p->cps_cid and p->gids_cid receive the
 * CIDs (the subset's glyph ids); code points the face lacks show as CID
 * 0, .notdef.  The ToUnicode CMap maps a shaped glyph to the text it
 * stands for (p->gtext: a ligature to its several characters).
 */
HPDF_Dict pdf_font_embed(HPDF_Doc doc, struct pdf_face *p, struct diag *d);

/*
 * Replace the data of stream dict (made by pdf_haru_stream) with data,
 * deflated at folio's level, and name the filter.  Returns 0, or -1 when
 * nothing was changed.
 */
int pdf_stream_deflated(HPDF_Dict dict, const void *data, size_t n);
/* data deflated in zlib's format (owned, *zn bytes), or NULL. */
void *pdf_deflate(const void *data, size_t n, size_t *zn);

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

/* Paint a's background image (a->bgimage) over its padding box: tiled
 * from its position, clipped to the box. */
void pdf_gfx_background(struct pdf_gfx *g, HPDF_Page page, mpt ph, const struct area *a);

/* Save the graphics state and clip to the content box of viewport v;
 * the caller ends with HPDF_Page_GRestore. */
void pdf_gfx_clip(HPDF_Page page, mpt ph, const struct area *v);

/* Tell the progress report (pdf_set_progress), if any: page done of total. */
void pdf_progress(long done, long total);

#endif
