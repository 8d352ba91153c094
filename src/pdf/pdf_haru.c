/*
 * pdf_haru — the one file that knows libharu's internals (pdf_haru.h).
 *
 * Everything here uses libharu's object layer (hpdf_objects.h), its page
 * and document records (hpdf_pages.h, hpdf_doc.h) or its lists, none of
 * which hpdf.h exports as API: an update of libharu that changes them
 * breaks this file and no other.  Each function says why the public API
 * does not serve.  Written against libharu 2.3/2.4 (Debian libhpdf-dev).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <hpdf.h>
#include <hpdf_destination.h>
#include <hpdf_doc.h>
#include <hpdf_list.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>

#include "pdf_haru.h"
#include "pdf_int.h"

static int
ok(HPDF_STATUS st)
{
	return st == HPDF_OK ? 0 : -1;
}

/* ---------------------------------------------------------------- objects */

/* hpdf.h has no generic dictionary or array: fonts of folio's own
 * (pdf_font.c), page labels, metadata and URI actions are built from
 * libharu's object layer, which only its own modules are meant to use. */
HPDF_Dict
pdf_haru_dict(HPDF_Doc doc)
{
	return HPDF_Dict_New(doc->mmgr);
}

HPDF_Dict
pdf_haru_dict_indirect(HPDF_Doc doc)
{
	HPDF_Dict d = HPDF_Dict_New(doc->mmgr);
	if (d && HPDF_Xref_Add(doc->xref, d) != HPDF_OK)
		return NULL;   /* HPDF_Xref_Add freed it */
	return d;
}

HPDF_Array
pdf_haru_array(HPDF_Doc doc)
{
	return HPDF_Array_New(doc->mmgr);
}

/* A stream object: hpdf.h makes streams only for its own pages, images
 * and fonts. */
HPDF_Dict
pdf_haru_stream(HPDF_Doc doc)
{
	return HPDF_DictStream_New(doc->mmgr, doc->xref);
}

int
pdf_haru_indirect(HPDF_Doc doc, void *obj)
{
	return ok(HPDF_Xref_Add(doc->xref, obj));
}

int
pdf_haru_put(HPDF_Dict d, const char *key, void *obj)
{
	return ok(HPDF_Dict_Add(d, key, obj));
}

int
pdf_haru_put_name(HPDF_Dict d, const char *key, const char *name)
{
	return ok(HPDF_Dict_AddName(d, key, name));
}

int
pdf_haru_put_int(HPDF_Dict d, const char *key, int32_t v)
{
	return ok(HPDF_Dict_AddNumber(d, key, (HPDF_INT32)v));
}

int
pdf_haru_put_str(HPDF_Dict d, const char *key, const char *str)
{
	return ok(HPDF_Dict_Add(d, key, HPDF_String_New(d->mmgr, str, NULL)));
}

/* Text strings (UTF-16BE): hpdf.h's HPDF_SetInfoAttr converts through
 * an encoder that cannot show code points beyond the BMP. */
int
pdf_haru_put_bytes(HPDF_Dict d, const char *key, const void *bytes, size_t n)
{
	return ok(HPDF_Dict_Add(d, key, HPDF_Binary_New(d->mmgr, (HPDF_BYTE *)bytes, (HPDF_UINT)n)));
}

int
pdf_haru_put_box(HPDF_Dict d, const char *key, HPDF_Box box)
{
	return ok(HPDF_Dict_Add(d, key, HPDF_Box_Array_New(d->mmgr, box)));
}

/* hpdf.h cannot take an entry back (a JPEG's /Decode, which libharu
 * sets for every CMYK JPEG). */
int
pdf_haru_remove(HPDF_Dict d, const char *key)
{
	return ok(HPDF_Dict_RemoveElement(d, key));
}

int
pdf_haru_add(HPDF_Array a, void *obj)
{
	return ok(HPDF_Array_Add(a, obj));
}

int
pdf_haru_add_int(HPDF_Array a, int32_t v)
{
	return ok(HPDF_Array_AddNumber(a, (HPDF_INT32)v));
}

/* libharu's arrays hold at most HPDF_LIMIT_MAX_ARRAY items: callers
 * split long ones by this count. */
size_t
pdf_haru_count(HPDF_Array a)
{
	return a->list->count;
}

/* hpdf.h sets only the catalog entries it knows (no /Lang, /Metadata,
 * /PageLabels as a number tree), and Info entries only through an
 * encoder (see pdf_haru_put_bytes). */
HPDF_Dict
pdf_haru_catalog(HPDF_Doc doc)
{
	return doc->catalog;
}

HPDF_Dict
pdf_haru_info(HPDF_Doc doc)
{
	return doc->info;
}

/* HPDF_Destination_SetXYZ writes a zoom; a null zoom (keep the reader's)
 * needs the array written by hand. */
HPDF_Destination
pdf_haru_dest_xyz(HPDF_Doc doc, HPDF_Dict page, float left, float top)
{
	HPDF_Destination dst = HPDF_Destination_New(doc->mmgr, page, doc->xref);
	if (dst == NULL)
		return NULL;
	HPDF_Array_Clear(dst);
	HPDF_Array_Add(dst, page);
	HPDF_Array_AddName(dst, "XYZ");
	HPDF_Array_AddReal(dst, left);
	HPDF_Array_AddReal(dst, top);
	HPDF_Array_Add(dst, HPDF_Null_New(doc->mmgr));
	return dst;
}

/* ---------------------------------------------------------------- streams */

int
pdf_haru_stream_write(HPDF_Dict s, const void *p, size_t n)
{
	return ok(HPDF_Stream_Write(s->stream, (const HPDF_BYTE *)p, (HPDF_UINT)n));
}

void
pdf_haru_stream_flate(HPDF_Dict s)
{
	s->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
}

/* The stream is deflated already: libharu must name the filter but not
 * apply it (with no filter of its own it drops a /Filter entry, so the
 * name is written by this hook, after the entries). */
static HPDF_STATUS
flate_filter_entry(HPDF_Dict obj, HPDF_Stream stream)
{
	(void)obj;
	return HPDF_Stream_WriteStr(stream, "/Filter /FlateDecode\012");
}

/* libharu deflates only with zlib, at its own level, each time it saves;
 * folio deflates with libdeflate and deflates a font program once a run
 * (pdf_deflate, docs/bench.md).  hpdf.h has no way to hand it the bytes. */
int
pdf_haru_stream_put_deflated(HPDF_Dict s, const void *z, size_t zn)
{
	HPDF_MemStream_FreeData(s->stream);
	if (HPDF_Stream_Write(s->stream, z, (HPDF_UINT)zn) != HPDF_OK)
		return -1;
	s->filter = HPDF_STREAM_FILTER_NONE;
	s->write_fn = flate_filter_entry;
	return 0;
}

/* ---------------------------------------------------------------- pages */

/* hpdf.h has no TJ, no Tf with a font it did not make, no Td that skips
 * its bookkeeping, no dash of length 0, and its operator calls cost more
 * than the bytes for the rectangles that are most of a table: folio
 * writes those operators into the page's stream itself. */
void
pdf_haru_page_write(HPDF_Page page, const void *p, size_t n)
{
	HPDF_Stream_Write(((HPDF_PageAttr)page->attr)->stream, (const HPDF_BYTE *)p, (HPDF_UINT)n);
}

/* Append the bytes of memory stream st to b. */
static int
mem_bytes(HPDF_Stream st, struct buf *b)
{
	HPDF_UINT n = HPDF_Stream_Size(st), k = 0;
	for (HPDF_UINT i = 0, nb = HPDF_MemStream_GetBufCount(st); i < nb && k < n; i++) {
		HPDF_UINT len = 0;
		HPDF_BYTE *p = HPDF_MemStream_GetBufPtr(st, i, &len);
		if (p == NULL)
			break;
		if (len > n - k)
			len = n - k;
		buf_add(b, (const char *)p, len);
		k += len;
	}
	return k == n ? 0 : -1;
}

/* The bytes of a page, to deflate them with folio's deflater or to make
 * them a form XObject: hpdf.h never gives them back. */
int
pdf_haru_page_bytes(HPDF_Page page, struct buf *b)
{
	return mem_bytes(((HPDF_PageAttr)page->attr)->stream, b);
}

/* A scratch page is drawn on once per copy: hpdf.h has no call to
 * start a page's stream again. */
void
pdf_haru_page_clear(HPDF_Page page)
{
	HPDF_MemStream_FreeData(((HPDF_PageAttr)page->attr)->stream);
}

/* Where a page's deflated bytes go (pdf_haru_stream_put_deflated). */
HPDF_Dict
pdf_haru_page_contents(HPDF_Page page)
{
	return ((HPDF_PageAttr)page->attr)->contents;
}

/* folio's Type0 fonts and form XObjects are not libharu's HPDF_Font and
 * HPDF_Image, which HPDF_Page_SetFontAndSize and HPDF_Page_DrawImage
 * take; these enter them in the page's resources all the same (these two
 * functions are libharu's, but hpdf.h does not export them). */
const char *
pdf_haru_page_font(HPDF_Page page, HPDF_Dict font)
{
	return HPDF_Page_GetLocalFontName(page, font);
}

const char *
pdf_haru_page_xobject(HPDF_Page page, HPDF_Dict xobj)
{
	return HPDF_Page_GetXObjectName(page, xobj);
}

/* A form XObject takes the resources of the scratch page it was drawn
 * on: hpdf.h neither gives nor removes a page's entries. */
HPDF_Dict
pdf_haru_page_take_resources(HPDF_Page page)
{
	for (HPDF_UINT i = 0; i < page->list->count; i++) {
		HPDF_DictElement e = HPDF_List_ItemAt(page->list, i);
		if (strcmp(e->key, "Resources") == 0) {
			HPDF_Dict r = e->value;
			HPDF_List_Remove(page->list, e);
			HPDF_FreeMem(page->mmgr, e);
			r->header.obj_id &= ~HPDF_OTYPE_DIRECT;
			return r;
		}
	}
	return NULL;
}

/* HPDF_AddPage adds every page to the document: a page drawn only to
 * become a form XObject lives in a table of objects that is not written
 * (the struct is libharu's HPDF_Xref, named for folio). */
struct pdf_scratch *
pdf_haru_scratch_new(HPDF_Doc doc)
{
	return (struct pdf_scratch *)HPDF_Xref_New(doc->mmgr, 0);
}

HPDF_Page
pdf_haru_scratch_page(struct pdf_scratch *s)
{
	HPDF_Xref x = (HPDF_Xref)s;
	return HPDF_Page_New(x->mmgr, x);
}

void
pdf_haru_scratch_free(struct pdf_scratch *s)
{
	if (s)
		HPDF_Xref_Free((HPDF_Xref)s);
}

/* ---------------------------------------------------------------- lazy objects */

/* hpdf.h's pages carry every entry and a stream from the start; 75,000
 * of them do not fit.  A node of the page tree of folio's own, under
 * libharu's root (HPDF_SetPagesConfiguration makes only empty nodes). */
HPDF_Dict
pdf_haru_pages_node(HPDF_Doc doc, HPDF_Box box, HPDF_Dict res)
{
	HPDF_Dict node = HPDF_Pages_New(doc->mmgr, doc->root_pages, doc->xref);
	if (node == NULL)
		return NULL;
	HPDF_Dict_Add(node, "MediaBox", HPDF_Box_Array_New(doc->mmgr, box));
	HPDF_Dict_Add(node, "Resources", res);
	return node;
}

HPDF_Array
pdf_haru_pages_kids(HPDF_Dict node)
{
	return HPDF_Dict_GetItem(node, "Kids", HPDF_OCLASS_ARRAY);
}

/* The page's entries, written directly: the dictionary holds none, so a
 * page at rest is an empty dictionary, and its bytes are few (a batch of
 * copies is mostly page objects). */
static HPDF_STATUS
page_entries(HPDF_Dict dict, HPDF_Stream stream)
{
	const struct pdf_page_ref *ref = dict->attr;
	char e[96];
	if (ref->total > 0)
		pdf_progress(ref->done, ref->total);
	snprintf(e, sizeof e, "/Type/Page/Parent %u 0 R/Contents %u 0 R",
	    (unsigned)(ref->parent->header.obj_id & 0x00FFFFFF),
	    (unsigned)(ref->contents->header.obj_id & 0x00FFFFFF));
	return HPDF_Stream_WriteStr(stream, e);
}

HPDF_Dict
pdf_haru_lean_page(HPDF_Doc doc, HPDF_Dict node, struct pdf_page_ref *ref)
{
	HPDF_Dict pg = HPDF_Dict_New(doc->mmgr);
	if (pg == NULL)
		return NULL;
	pg->header.obj_class |= HPDF_OSUBCLASS_PAGE;
	pg->attr = ref;
	pg->write_fn = page_entries;
	ref->parent = node;
	HPDF_Xref_Add(doc->xref, pg);
	HPDF_Array_Add(pdf_haru_pages_kids(node), pg);
	return pg;
}

/* libharu calls before_write_fn and after_write_fn around writing an
 * object; hpdf.h offers no such hook. */
static HPDF_STATUS
stream_before(HPDF_Dict dict)
{
	struct pdf_lazy *l = dict->attr;
	struct buf *b = l->buf;
	b->n = 0;
	if (l->bytes(l->ctx, b) < 0)
		return HPDF_INVALID_OBJECT;
	dict->stream = HPDF_MemStream_New(dict->mmgr, (HPDF_UINT)(b->n > 0 ? b->n : 16));
	if (dict->stream == NULL)
		return HPDF_FAILD_TO_ALLOC_MEM;
	HPDF_STATUS st = HPDF_Dict_Add(dict, "Length", l->length);
	/* a few operators: deflate would add more than it saves */
	if (b->n > 512 && pdf_stream_deflated(dict, b->p, b->n) == 0)
		return st;
	return st | HPDF_Stream_Write(dict->stream, (const HPDF_BYTE *)b->p, (HPDF_UINT)b->n);
}

static HPDF_STATUS
stream_after(HPDF_Dict dict)
{
	HPDF_Stream_Free(dict->stream);
	dict->stream = NULL;
	dict->write_fn = NULL;
	dict->filter = HPDF_STREAM_FILTER_NONE;
	return HPDF_Dict_RemoveElement(dict, "Length");
}

/* A dictionary of doc's cross-reference table that before fills in when it is
 * written and after empties again; l is what they work from. */
static HPDF_Dict
lazy_new(HPDF_Doc doc, struct pdf_lazy *l, HPDF_Dict_BeforeWriteFunc before,
    HPDF_Dict_AfterWriteFunc after)
{
	HPDF_Dict d = HPDF_Dict_New(doc->mmgr);
	if (d == NULL)
		return NULL;
	d->attr = l;
	d->before_write_fn = before;
	d->after_write_fn = after;
	HPDF_Xref_Add(doc->xref, d);
	return d;
}

HPDF_Dict
pdf_haru_lazy_stream(HPDF_Doc doc, struct pdf_lazy *l, struct buf *shared)
{
	HPDF_Dict cs = lazy_new(doc, l, stream_before, stream_after);
	if (cs == NULL)
		return NULL;
	l->buf = shared;
	HPDF_Number length = HPDF_Number_New(doc->mmgr, 0);
	HPDF_Xref_Add(doc->xref, length);
	l->length = length;
	return cs;
}

static HPDF_STATUS
dict_before(HPDF_Dict dict)
{
	struct pdf_lazy *l = dict->attr;
	return l->entries(l->ctx, dict) < 0 ? HPDF_INVALID_OBJECT : HPDF_OK;
}

static HPDF_STATUS
dict_after(HPDF_Dict dict)
{
	HPDF_STATUS st = HPDF_OK;
	while (dict->list->count > 0 && st == HPDF_OK) {
		HPDF_DictElement e = HPDF_List_ItemAt(dict->list, 0);
		st = HPDF_Dict_RemoveElement(dict, e->key);
	}
	return st;
}

HPDF_Dict
pdf_haru_lazy_dict(HPDF_Doc doc, struct pdf_lazy *l)
{
	return lazy_new(doc, l, dict_before, dict_after);
}

/* ---------------------------------------------------------------- packed save */

/*
 * HPDF_SaveToStream writes PDF 1.3: every object on its own, with a line
 * of 20 bytes in the cross-reference table.  A document of copies is
 * mostly small page objects, about 90 bytes each that way.  This writer
 * is PDF 1.5 (ISO 32000-1, 7.5.7 and 7.5.8): objects that are not streams
 * go into deflated object streams, and the table into a deflated
 * cross-reference stream.  libharu has no such writer; this one walks its
 * table of objects in order as HPDF_Xref_WriteToStream does (so the hooks
 * of lazy objects run, and a stream is written before its /Length), and
 * serialises each object with libharu's own HPDF_Obj_WriteValue.
 */

enum { OBJSTM_MAX = 256 };   /* objects an object stream holds */

struct xrow {
	uint32_t f2;    /* type 1: offset; type 2: the object stream's number */
	uint16_t f3;    /* type 2: index in it */
	uint8_t  type;  /* 0 free, 1 in the file, 2 in an object stream */
};

struct packer {
	HPDF_Doc     doc;
	HPDF_Stream  out;
	struct xrow *rows;    /* the doc's objects, then the object streams, then the table */
	size_t       nobj;    /* objects of the doc */
	size_t       nstm;    /* object streams written */
	HPDF_Stream  body;    /* the objects of the object stream being filled */
	struct buf   head;    /* its pairs "number offset" */
	size_t       nin;     /* objects in it */
};

static int
packable(void *obj)
{
	HPDF_Obj_Header *h = obj;
	if ((h->obj_class & HPDF_OCLASS_ANY) != HPDF_OCLASS_DICT)
		return 1;
	HPDF_Dict d = obj;
	return d->stream == NULL && d->before_write_fn != stream_before &&
	    h->obj_class != (HPDF_OCLASS_DICT | HPDF_OSUBCLASS_ENCRYPT);
}

static HPDF_STATUS
put(HPDF_Stream s, const void *p, size_t n)
{
	return HPDF_Stream_Write(s, (const HPDF_BYTE *)p, (HPDF_UINT)n);
}

/* A stream object of the packer's own: dictionary entries, deflated bytes. */
static HPDF_STATUS
own_stream(struct packer *p, size_t num, const char *entries, const struct buf *b)
{
	size_t zn = 0;
	void *z = pdf_deflate(b->p ? b->p : "", b->n, &zn);
	if (z == NULL)
		return HPDF_FAILD_TO_ALLOC_MEM;
	char h[256];
	int n = snprintf(h, sizeof h, "%zu 0 obj\n<<%s/Filter/FlateDecode/Length %zu>>stream\r\n",
	    num, entries, zn);
	p->rows[num] = (struct xrow){ (uint32_t)p->out->size, 0, 1 };
	HPDF_STATUS st = put(p->out, h, (size_t)n);
	st |= put(p->out, z, zn);
	st |= HPDF_Stream_WriteStr(p->out, "\nendstream\nendobj\n");
	free(z);
	return st;
}

static HPDF_STATUS
objstm_flush(struct packer *p)
{
	if (p->nin == 0)
		return HPDF_OK;
	struct buf all = {0};
	buf_add(&all, p->head.p, p->head.n);
	if (mem_bytes(p->body, &all) < 0) {
		buf_free(&all);
		return HPDF_FAILD_TO_ALLOC_MEM;
	}
	char e[96];
	snprintf(e, sizeof e, "/Type/ObjStm/N %zu/First %zu", p->nin, p->head.n);
	HPDF_STATUS st = own_stream(p, p->nobj + p->nstm, e, &all);
	buf_free(&all);
	p->nstm++;
	p->nin = 0;
	buf_reset(&p->head);
	HPDF_MemStream_FreeData(p->body);
	return st;
}

/* Object i of the doc: into the object stream being filled, or on its own. */
static HPDF_STATUS
pack_object(struct packer *p, size_t i, void *obj)
{
	if (!packable(obj)) {
		char h[32];
		int n = snprintf(h, sizeof h, "%zu 0 obj\n", i);
		p->rows[i] = (struct xrow){ (uint32_t)p->out->size, 0, 1 };
		HPDF_STATUS st = put(p->out, h, (size_t)n);
		st |= HPDF_Obj_WriteValue(obj, p->out, NULL);
		return st | HPDF_Stream_WriteStr(p->out, "\nendobj\n");
	}
	buf_printf(&p->head, "%zu %u ", i, (unsigned)p->body->size);
	p->rows[i] = (struct xrow){ (uint32_t)(p->nobj + p->nstm), (uint16_t)p->nin, 2 };
	HPDF_STATUS st = HPDF_Obj_WriteValue(obj, p->body, NULL);
	st |= HPDF_Stream_WriteStr(p->body, "\n");
	if (st == HPDF_OK && ++p->nin == OBJSTM_MAX)
		st = objstm_flush(p);
	return st;
}

/* The cross-reference stream, rows of [type, f2 in w bytes, f3 in 2],
 * each row the difference from the one above (PNG's Up predictor), so
 * the rows of one object stream deflate to almost nothing. */
static HPDF_STATUS
xref_stream(struct packer *p)
{
	size_t self = p->nobj + p->nstm, size = self + 1;
	p->rows[self] = (struct xrow){ (uint32_t)p->out->size, 0, 1 };
	uint32_t max = p->rows[self].f2 > size ? p->rows[self].f2 : (uint32_t)size;
	int w = 1;
	while (w < 4 && max >> (8 * w) != 0)
		w++;
	int cols = 1 + w + 2;
	struct buf raw = {0};
	unsigned char prev[8] = {0}, cur[8];
	for (size_t i = 0; i < size; i++) {
		const struct xrow *r = &p->rows[i];
		cur[0] = r->type;
		for (int k = 0; k < w; k++)
			cur[1 + k] = (unsigned char)(r->f2 >> (8 * (w - 1 - k)));
		cur[1 + w] = (unsigned char)(r->f3 >> 8);
		cur[2 + w] = (unsigned char)r->f3;
		buf_putc(&raw, 2);
		for (int k = 0; k < cols; k++)
			buf_putc(&raw, (char)(unsigned char)(cur[k] - prev[k]));
		memcpy(prev, cur, sizeof cur);
	}
	char e[200];
	int n = snprintf(e, sizeof e, "/Type/XRef/Size %zu/W[1 %d 2]/Root %u 0 R", size, w,
	    (unsigned)(p->doc->catalog->header.obj_id & 0x00FFFFFF));
	if (p->doc->info)
		snprintf(e + n, sizeof e - (size_t)n, "/Info %u 0 R/DecodeParms<</Columns %d/Predictor 12>>",
		    (unsigned)(p->doc->info->header.obj_id & 0x00FFFFFF), cols);
	else
		snprintf(e + n, sizeof e - (size_t)n, "/DecodeParms<</Columns %d/Predictor 12>>", cols);
	HPDF_STATUS st = own_stream(p, self, e, &raw);
	buf_free(&raw);
	char t[48];
	n = snprintf(t, sizeof t, "startxref\n%u\n%%%%EOF\n", (unsigned)p->rows[self].f2);
	return st | put(p->out, t, (size_t)n);
}

static HPDF_STATUS
save_packed(struct packer *p)
{
	HPDF_Doc doc = p->doc;
	HPDF_STATUS st = HPDF_Stream_WriteStr(p->out, "%PDF-1.5\012%\267\276\255\252\012");
	HPDF_List entries = doc->xref->entries;
	/* object 0: the head of the free list */
	p->rows[0] = (struct xrow){ 0, 65535, 0 };
	for (size_t i = 1; i < p->nobj && st == HPDF_OK; i++) {
		HPDF_XrefEntry e = HPDF_List_ItemAt(entries, (HPDF_UINT)i);
		st = pack_object(p, i, e->obj);
	}
	if (st == HPDF_OK)
		st = objstm_flush(p);
	return st == HPDF_OK ? xref_stream(p) : st;
}

int
pdf_haru_save_packed(HPDF_Doc doc)
{
	/* folio neither encrypts nor continues a file (one table of objects) */
	if (doc->encrypt_on || doc->xref->prev != NULL || doc->xref->start_offset != 0)
		return ok(HPDF_SaveToStream(doc));
	if (doc->stream == NULL)
		doc->stream = HPDF_MemStream_New(doc->mmgr, 65536);
	HPDF_Stream body = HPDF_MemStream_New(doc->mmgr, 65536);
	if (doc->stream == NULL || body == NULL) {
		if (body)
			HPDF_Stream_Free(body);
		HPDF_CheckError(&doc->error);
		return -1;
	}
	HPDF_MemStream_FreeData(doc->stream);
	struct packer p = { .doc = doc, .out = doc->stream, .body = body };
	p.nobj = doc->xref->entries->count;
	/* at most one object stream a packed object, and the table itself */
	p.rows = xcalloc(2 * p.nobj + 2, sizeof *p.rows);
	HPDF_STATUS st = save_packed(&p);
	free(p.rows);
	buf_free(&p.head);
	HPDF_Stream_Free(body);
	if (st != HPDF_OK) {
		if (HPDF_Error_GetCode(&doc->error) == HPDF_OK)
			HPDF_SetError(&doc->error, st, 0);
		HPDF_CheckError(&doc->error);
		return -1;
	}
	return 0;
}
