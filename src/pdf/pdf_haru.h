/*
 * pdf_haru — what folio needs of libharu beyond its public API (hpdf.h).
 *
 * libharu's public API draws on pages, loads images, makes outlines,
 * link annotations and transparency states, and saves.  It has no call
 * for a dictionary or array of folio's own, a stream already deflated,
 * an operator it does not know, a form XObject, page labels, a page
 * written lazily, or a destination with a null zoom.  pdf_haru.c does
 * those with libharu's object layer and private fields; it is the only
 * file that includes a libharu header other than hpdf.h, reads a field
 * of libharu's structures, or calls a function hpdf.h does not export
 * (make check-includes holds that).  The rest of src/pdf uses only
 * hpdf.h's calls and these.
 *
 * Handles are libharu's public ones (HPDF_Doc, HPDF_Page, HPDF_Dict,
 * HPDF_Array), used as opaque pointers.  Functions that can fail return
 * 0, or -1 when libharu refused (it has recorded the error in the
 * document: HPDF_SaveToStream then fails).
 */
#ifndef FOLIO_PDF_HARU_H
#define FOLIO_PDF_HARU_H

#include <hpdf.h>

#include "../base/base.h"

/* ---------------------------------------------------------------- objects */

HPDF_Dict  pdf_haru_dict(HPDF_Doc doc);            /* a direct dictionary */
HPDF_Dict  pdf_haru_dict_indirect(HPDF_Doc doc);   /* … an indirect one (n 0 obj) */
HPDF_Array pdf_haru_array(HPDF_Doc doc);           /* a direct array */
HPDF_Dict  pdf_haru_stream(HPDF_Doc doc);          /* an indirect stream, empty */
/* Make obj (a dictionary or array made here) an indirect object. */
int pdf_haru_indirect(HPDF_Doc doc, void *obj);

/* Entries of a dictionary: obj is a dictionary or array made here, or a
 * handle of hpdf.h; str is written as a literal string as it is; bytes
 * as a hexadecimal string. */
int pdf_haru_put(HPDF_Dict d, const char *key, void *obj);
int pdf_haru_put_name(HPDF_Dict d, const char *key, const char *name);
int pdf_haru_put_int(HPDF_Dict d, const char *key, int32_t v);
int pdf_haru_put_str(HPDF_Dict d, const char *key, const char *str);
int pdf_haru_put_bytes(HPDF_Dict d, const char *key, const void *bytes, size_t n);
int pdf_haru_put_box(HPDF_Dict d, const char *key, HPDF_Box box);
int pdf_haru_remove(HPDF_Dict d, const char *key);

/* Items of an array. */
int pdf_haru_add(HPDF_Array a, void *obj);
int pdf_haru_add_int(HPDF_Array a, int32_t v);
size_t pdf_haru_count(HPDF_Array a);

/* The document's catalog, and its Info dictionary (NULL until an
 * HPDF_SetInfoAttr call made it). */
HPDF_Dict pdf_haru_catalog(HPDF_Doc doc);
HPDF_Dict pdf_haru_info(HPDF_Doc doc);

/* A destination [page /XYZ left top null] (points, PDF space). */
HPDF_Destination pdf_haru_dest_xyz(HPDF_Doc doc, HPDF_Dict page, float left, float top);

/* ---------------------------------------------------------------- streams */

/* Append n bytes to stream s (made by pdf_haru_stream). */
int pdf_haru_stream_write(HPDF_Dict s, const void *p, size_t n);
/* libharu deflates s when it writes it (small streams, as it does). */
void pdf_haru_stream_flate(HPDF_Dict s);
/* Replace the bytes of s with z, zn bytes in zlib's format, and name the
 * filter; libharu writes them as they are. */
int pdf_haru_stream_put_deflated(HPDF_Dict s, const void *z, size_t zn);

/* ---------------------------------------------------------------- pages */

/* Append n bytes of operators to page's content stream. */
void pdf_haru_page_write(HPDF_Page page, const void *p, size_t n);
/* Append page's content stream so far to b; -1 if it could not all be read. */
int pdf_haru_page_bytes(HPDF_Page page, struct buf *b);
/* Empty page's content stream. */
void pdf_haru_page_clear(HPDF_Page page);
/* The stream object of page's contents. */
HPDF_Dict pdf_haru_page_contents(HPDF_Page page);
/* The names page's resources give font (a Type0 font made here) and the
 * XObject xobj, entered in the resources if new; NULL on failure. */
const char *pdf_haru_page_font(HPDF_Page page, HPDF_Dict font);
const char *pdf_haru_page_xobject(HPDF_Page page, HPDF_Dict xobj);
/* page's resources dictionary, taken out of the page (owned by the
 * document, direct until made indirect or put elsewhere); NULL if none. */
HPDF_Dict pdf_haru_page_take_resources(HPDF_Page page);

/*
 * Pages drawn on but not written (the pages of t a document of copies
 * draws as form XObjects): they belong to a table of objects of their
 * own, freed with it.
 */
struct pdf_scratch;
struct pdf_scratch *pdf_haru_scratch_new(HPDF_Doc doc);
HPDF_Page pdf_haru_scratch_page(struct pdf_scratch *s);
void pdf_haru_scratch_free(struct pdf_scratch *s);         /* accepts NULL */

/* ---------------------------------------------------------------- lazy objects */

/*
 * A document of copies has tens of thousands of pages; libharu keeps
 * every object until it saves.  These objects are nearly empty until
 * libharu writes them, and emptied again after.
 */

/* A /Pages node under the document's root, with a MediaBox and the
 * resources res its pages share; its /Kids holds pdf_haru_count() pages. */
HPDF_Dict pdf_haru_pages_node(HPDF_Doc doc, HPDF_Box box, HPDF_Dict res);
HPDF_Array pdf_haru_pages_kids(HPDF_Dict node);

/* A page of node whose entries are only /Type, /Parent and /Contents,
 * written when the page is; ref must live until the document is saved,
 * and contents may be set after this call.  When the page is written,
 * the progress report (pdf_progress) is told done of total, if total > 0. */
struct pdf_page_ref {
	HPDF_Dict parent;
	HPDF_Dict contents;
	long      done, total;
};
HPDF_Dict pdf_haru_lean_page(HPDF_Doc doc, HPDF_Dict node, struct pdf_page_ref *ref);

/*
 * An object made when written: a stream whose bytes bytes() gives (then
 * deflated when longer than a few operators), or a dictionary whose
 * entries entries() puts.  l must live until the document is saved;
 * each callback returns 0 or -1.
 */
struct pdf_lazy {
	int  (*bytes)(void *ctx, struct buf *out);
	int  (*entries)(void *ctx, HPDF_Dict d);
	void *ctx;
	void *length;     /* the adapter's: a stream's /Length object */
	struct buf *buf;  /* the adapter's: where bytes() writes (shared) */
};
HPDF_Dict pdf_haru_lazy_stream(HPDF_Doc doc, struct pdf_lazy *l, struct buf *shared);
HPDF_Dict pdf_haru_lazy_dict(HPDF_Doc doc, struct pdf_lazy *l);

/* ---------------------------------------------------------------- saving */

/*
 * Save doc into its memory stream as HPDF_SaveToStream does, but as PDF
 * 1.5: every object that is not a stream in deflated object streams of
 * 256, the cross-reference table a deflated stream.  About 1 byte a
 * small object instead of 90 (a page of a document of copies).  Returns
 * 0, or -1 when libharu failed (its error handler has been called).
 */
int pdf_haru_save_packed(HPDF_Doc doc);

#endif
