/*
 * pdf — the document: pdf_write, and the start and end every writer
 * shares (pdf_copies.c too).
 *
 *   area tree ──► collect code points per face ──► embed each face as a
 *   subset CID font (pdf_font.c) ──► each page drawn (pdf_page.c, its
 *   text pdf_text.c) and deflated (pdf_deflate.c) ──► information
 *   (pdf_info.c), links, outline and page labels (pdf_nav.c) ──► save
 *   through libharu to a temporary file ──► rename.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <hb.h>
#include <hpdf.h>

#include "pdf.h"
#include "pdf_int.h"
#include "../area/area.h"
#include "../text/text.h"
#include "../base/file.h"

static void
on_error(HPDF_STATUS code, HPDF_STATUS detail, void *data)
{
	struct pdf_writer *w = data;
	(void)detail;
	if (pdf_gfx_take_error(w->gfx, code))
		return;   /* an image that cannot be embedded: a placeholder */
	if (!w->failed)
		diag_report(w->d, DIAG_ERROR, NULL, 0, 0,
		    "internal error: the PDF writer (libharu) refused an operation "
		    "(error 0x%04X, detail %u), so no PDF is written; please report "
		    "it with the input", (unsigned)code, (unsigned)detail);
	w->failed = 1;
	w->status = code;
}

struct pdf_face *
pdf_face_of(struct pdf_writer *w, struct text_face *f)
{
	for (size_t i = 0; i < w->nfaces; i++)
		if (w->faces[i].face == f)
			return &w->faces[i];
	w->faces = xrealloc(w->faces, (w->nfaces + 1) * sizeof *w->faces);
	struct pdf_face *p = &w->faces[w->nfaces++];
	memset(p, 0, sizeof *p);
	p->face = f;
	p->cps = hb_set_create();
	p->bmp = xcalloc(65536 / 64, sizeof *p->bmp);
	p->cid = hb_map_create();
	p->gids = hb_set_create();
	p->gtu = hb_map_create();
	p->gcid = hb_map_create();
	return p;
}

/* A shaped glyph: its id, and the first text it stands for (ToUnicode). */
static void
collect_glyph(struct pdf_face *p, const struct area *r, const struct area_glyph *g)
{
	if (g->gid == 0)
		return;
	hb_set_add(p->gids, g->gid);
	if (g->ntext == 0 || hb_map_has(p->gtu, g->gid))
		return;
	const char *s = r->text + g->text, *e = s + g->ntext;
	size_t n = utf8_count(s, g->ntext);
	if (p->ngtext + n + 1 > p->capgtext) {
		p->capgtext = (p->ngtext + n + 1) * 2;
		p->gtext = xrealloc(p->gtext, p->capgtext * sizeof *p->gtext);
	}
	hb_map_set(p->gtu, g->gid, (uint32_t)p->ngtext);
	p->gtext[p->ngtext++] = (uint32_t)n;
	while (s < e)
		p->gtext[p->ngtext++] = utf8_next(&s, e);
}

static void
collect(struct pdf_writer *w, const struct area *a)
{
	for (; a; a = a->next) {
		if (a->kind == AREA_RUN && a->face && !a->hidden) {
			struct pdf_face *p = pdf_face_of(w, a->face);
			const char *s = a->text, *e = a->text + a->len;
			while (s < e) {
				uint32_t cp = utf8_next(&s, e);
				if (cp < 65536)
					p->bmp[cp >> 6] |= 1ull << (cp & 63);
				else
					hb_set_add(p->cps, cp);
			}
			for (int k = 0; k < a->ngids; k++)
				collect_glyph(p, a, &a->glyphs[k]);
		}
		collect(w, a->first);
	}
}

/*
 * The document is serialised into libharu's memory stream and copied to
 * the output, so every write is checked here (with its errno) rather than
 * inside libharu's file writer, which reports only "error 0x1016".
 */
static int
save(struct pdf_writer *w, struct file_out *o)
{
	if (w->packed) {
		if (pdf_haru_save_packed(w->doc) < 0 || w->failed)
			return -1;
	} else if (HPDF_SaveToStream(w->doc) != HPDF_OK || w->failed) {
		return -1;
	}
	HPDF_ResetStream(w->doc);
	for (;;) {
		HPDF_BYTE buf[65536];
		HPDF_UINT32 n = sizeof buf;
		HPDF_STATUS st = HPDF_ReadFromStream(w->doc, buf, &n);
		if (n > 0 && fwrite(buf, 1, n, o->f) != n) {
			file_out_fail(o, errno);
			return -1;
		}
		if (st != HPDF_OK)
			break;
	}
	return 0;
}

/* A finished page's content stream, deflated. */
static void
compress_page(struct pdf_writer *w, HPDF_Page page)
{
	if (w->failed)
		return;
	struct buf b = {0};
	if (pdf_haru_page_bytes(page, &b) == 0 && b.n > 0)
		pdf_stream_deflated(pdf_haru_page_contents(page), b.p, b.n);
	buf_free(&b);
}

/* libharu's allocator: out of memory is folio's exit 1, not an error
 * libharu would go on from */
static void *
hpdf_alloc(HPDF_UINT size)
{
	void *p = malloc(size ? size : 1);
	if (p == NULL)
		oom_exit(size);
	return p;
}

int
pdf_begin(struct pdf_writer *w, const struct area_tree *t, const char *path,
    const struct pdf_vary *vary, size_t nvary, struct diag *d)
{
	memset(w, 0, sizeof *w);
	w->d = d;
	oom_context(_("writing %s"), strcmp(path, "-") == 0 ? _("the PDF to standard output") : path);
	/* opened first: a path that cannot be written is found before the
	 * work, and the temporary is removed if a signal comes meanwhile */
	if (file_out_open(&w->out, path, d) < 0)
		return -1;
	w->doc = HPDF_NewEx(on_error, hpdf_alloc, free, 0, w);
	if (w->doc == NULL) {
		diag_report(d, DIAG_ERROR, NULL, 0, 0, "cannot create a PDF document");
		file_out_abort(&w->out);
		return -1;
	}
	w->gfx = pdf_gfx_new(w->doc, t->file, d);
	HPDF_SetCompressionMode(w->doc, HPDF_COMP_ALL);
	HPDF_UseUTFEncodings(w->doc);
	HPDF_SetCurrentEncoder(w->doc, "UTF-8");
	pdf_info(w, t);

	for (const struct area_page *p = t->first; p; p = p->next)
		collect(w, p->root);
	/* the digits a serial number of each copy may show */
	for (size_t i = 0; i < nvary; i++)
		if (vary[i].run->face)
			pdf_face_of(w, vary[i].run->face)->bmp['0' >> 6] |= 0x3FFull << ('0' & 63);
	for (size_t i = 0; i < w->nfaces; i++) {
		struct pdf_face *p = &w->faces[i];
		for (uint32_t k = 0; k < 65536 / 64; k++)
			for (uint32_t b = 0; p->bmp[k] != 0 && b < 64; b++)
				if (p->bmp[k] >> b & 1)
					hb_set_add(p->cps, k * 64 + b);
		p->font = pdf_font_embed(w->doc, p->face, p->cps, p->cid, p, p->gcid, d);
		p->cid_bmp = xcalloc(65536, sizeof *p->cid_bmp);
		for (hb_codepoint_t cp = HB_SET_VALUE_INVALID; hb_set_next(p->cps, &cp) && cp < 65536;) {
			uint32_t c = hb_map_get(p->cid, cp);
			p->cid_bmp[cp] = (uint16_t)(c == HB_MAP_VALUE_INVALID ? 0 : c);
		}
		if (p->font == NULL) {
			pdf_end(w, -1);
			return -1;
		}
	}
	return 0;
}

int
pdf_end(struct pdf_writer *w, int rc)
{
	if (rc == 0 && !w->failed && (save(w, &w->out) == 0 || w->out.err != 0))
		rc = file_out_commit(&w->out, w->d);
	else
		rc = -1;
	if (w->out.f != NULL)
		file_out_abort(&w->out);
	for (size_t i = 0; i < w->nfaces; i++) {
		hb_set_destroy(w->faces[i].cps);
		free(w->faces[i].bmp);
		free(w->faces[i].cid_bmp);
		hb_map_destroy(w->faces[i].cid);
		hb_set_destroy(w->faces[i].gids);
		hb_map_destroy(w->faces[i].gtu);
		hb_map_destroy(w->faces[i].gcid);
		free(w->faces[i].gtext);
	}
	free(w->faces);
	pdf_haru_scratch_free(w->scratch);
	HPDF_Free(w->doc);
	pdf_gfx_free(w->gfx);
	return rc;
}

static _Thread_local pdf_progress_fn *progress_fn;
static _Thread_local void *progress_ctx;

void
pdf_set_progress(pdf_progress_fn *fn, void *ctx)
{
	progress_fn = fn;
	progress_ctx = ctx;
}

void
pdf_progress(long done, long total)
{
	if (progress_fn)
		progress_fn(progress_ctx, done, total);
}

int
pdf_write(const struct area_tree *t, const char *path, struct diag *d)
{
	struct pdf_writer w;
	if (pdf_begin(&w, t, path, NULL, 0, d) < 0)
		return -1;
	/* more pages than one /Kids array holds (libharu: 32767): a tree */
	if (t->npages > 8192)
		HPDF_SetPagesConfiguration(w.doc, 1024);
	HPDF_Page *pages = xcalloc((size_t)(t->npages > 0 ? t->npages : 1), sizeof *pages);
	for (const struct area_page *p = t->first; p && !w.failed; p = p->next) {
		HPDF_Page page = HPDF_AddPage(w.doc);
		pages[p->index - 1] = page;
		pdf_draw_page(&w, page, p);
		compress_page(&w, page);
		pdf_progress(p->index, t->npages);
	}
	if (!w.failed)
		pdf_nav(&w, pages, t);
	free(pages);
	return pdf_end(&w, 0);
}
