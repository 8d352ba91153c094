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
	p->bmp = xcalloc(65536 / 64, sizeof *p->bmp);
	return p;
}

/* ---------------------------------------------------------------- glyph ids met */

static uint32_t *
gmap_slot(struct pdf_gmap *m, uint32_t gid)
{
	size_t i = (size_t)(gid * 2654435761u) & (m->cap - 1);
	while (m->key[i] != 0 && m->key[i] != gid + 1)
		i = (i + 1) & (m->cap - 1);
	return &m->key[i];
}

/* Add gid (value 0) unless there; returns its value's place. */
static uint32_t *
gmap_add(struct pdf_gmap *m, uint32_t gid)
{
	if ((m->n + 1) * 2 > m->cap) {   /* at most half full */
		struct pdf_gmap o = *m;
		m->cap = o.cap ? o.cap * 2 : 64;
		m->key = xcalloc(m->cap, sizeof *m->key);
		m->val = xcalloc(m->cap, sizeof *m->val);
		for (size_t i = 0; i < o.cap; i++)
			if (o.key[i] != 0) {
				uint32_t *k = gmap_slot(m, o.key[i] - 1);
				*k = o.key[i];
				m->val[k - m->key] = o.val[i];
			}
		free(o.key);
		free(o.val);
	}
	uint32_t *k = gmap_slot(m, gid);
	if (*k == 0) {
		*k = gid + 1;
		m->n++;
	}
	return &m->val[k - m->key];
}

/* A shaped glyph: its id, and the first text it stands for (ToUnicode). */
static void
collect_glyph(struct pdf_face *p, const struct area *r, const struct area_glyph *g)
{
	if (g->gid == 0)
		return;
	uint32_t *at = gmap_add(&p->gtu, g->gid);
	if (g->ntext == 0 || *at != 0)
		return;
	const char *s = r->text + g->text, *e = s + g->ntext;
	size_t n = utf8_count(s, g->ntext);
	if (p->ngtext + n + 1 > p->capgtext) {
		p->capgtext = (p->ngtext + n + 1) * 2;
		p->gtext = xrealloc(p->gtext, p->capgtext * sizeof *p->gtext);
	}
	*at = (uint32_t)p->ngtext + 1;
	p->gtext[p->ngtext++] = (uint32_t)n;
	while (s < e)
		p->gtext[p->ngtext++] = utf8_next(&s, e);
}

static void
add_cp(struct pdf_face *p, uint32_t cp)
{
	if (p->ncps == p->capcps) {
		p->capcps = p->capcps ? p->capcps * 2 : 16;
		p->cps = xrealloc(p->cps, p->capcps * sizeof *p->cps);
	}
	p->cps[p->ncps++] = cp;
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
				else if (p->ncps == 0 || p->cps[p->ncps - 1] != cp)
					add_cp(p, cp);
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

static int
cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	return x < y ? -1 : x > y;
}

/*
 * p's code points in ascending order (the BMP's bits, then those beyond
 * it, sorted, each once) and its shaped glyph ids in ascending order with
 * their text, and room for their CIDs: what the font is embedded for.
 */
static void
face_sets(struct pdf_face *p)
{
	size_t nbmp = 0;
	for (uint32_t k = 0; k < 65536 / 64; k++)
		for (uint64_t v = p->bmp[k]; v != 0; v &= v - 1)
			nbmp++;
	if (p->ncps > 1)
		qsort(p->cps, p->ncps, sizeof *p->cps, cmp_u32);
	size_t nast = 0;
	for (size_t i = 0; i < p->ncps; i++)
		if (nast == 0 || p->cps[nast - 1] != p->cps[i])
			p->cps[nast++] = p->cps[i];
	uint32_t *all = xmalloc((nbmp + nast + 1) * sizeof *all);
	size_t n = 0;
	for (uint32_t k = 0; k < 65536 / 64; k++)
		for (uint32_t b = 0; p->bmp[k] != 0 && b < 64; b++)
			if (p->bmp[k] >> b & 1)
				all[n++] = k * 64 + b;
	if (nast > 0)
		memcpy(all + n, p->cps, nast * sizeof *all);
	free(p->cps);
	p->cps = all;
	p->ncps = p->capcps = n + nast;
	p->cps_cid = xcalloc(p->ncps + 1, sizeof *p->cps_cid);

	p->ngids = 0;
	p->gids = xmalloc((p->gtu.n + 1) * sizeof *p->gids);
	for (size_t i = 0; i < p->gtu.cap; i++)
		if (p->gtu.key[i] != 0)
			p->gids[p->ngids++] = p->gtu.key[i] - 1;
	if (p->ngids > 1)
		qsort(p->gids, p->ngids, sizeof *p->gids, cmp_u32);
	p->gids_at = xmalloc((p->ngids + 1) * sizeof *p->gids_at);
	for (size_t i = 0; i < p->ngids; i++)
		p->gids_at[i] = *gmap_add(&p->gtu, p->gids[i]);
	p->gids_cid = xcalloc(p->ngids + 1, sizeof *p->gids_cid);
}

/* Index of key in the ascending v[0, n), or n. */
static size_t
find_u32(const uint32_t *v, size_t n, uint32_t key)
{
	const uint32_t *q = n ? bsearch(&key, v, n, sizeof *v, cmp_u32) : NULL;
	return q ? (size_t)(q - v) : n;
}

uint32_t
pdf_face_cid(const struct pdf_face *p, uint32_t cp)
{
	if (cp < 65536)
		return p->cid_bmp ? p->cid_bmp[cp] : 0;
	size_t i = find_u32(p->cps, p->ncps, cp);
	return i < p->ncps && p->cps_cid ? p->cps_cid[i] : 0;
}

uint32_t
pdf_face_gid_cid(const struct pdf_face *p, uint32_t gid)
{
	size_t i = find_u32(p->gids, p->ngids, gid);
	return i < p->ngids && p->gids_cid ? p->gids_cid[i] : 0;
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
		face_sets(p);
		p->font = pdf_font_embed(w->doc, p, d);
		p->cid_bmp = xcalloc(65536, sizeof *p->cid_bmp);
		for (size_t k = 0; k < p->ncps && p->cps[k] < 65536; k++)
			p->cid_bmp[p->cps[k]] = (uint16_t)p->cps_cid[k];
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
		struct pdf_face *p = &w->faces[i];
		free(p->bmp);
		free(p->cps);
		free(p->cps_cid);
		free(p->cid_bmp);
		free(p->gtu.key);
		free(p->gtu.val);
		free(p->gtext);
		free(p->gids);
		free(p->gids_at);
		free(p->gids_cid);
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
