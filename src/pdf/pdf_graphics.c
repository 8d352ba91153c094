/*
 * pdf — vector paths, images and clipping, drawn in the graphics pass.
 *
 *   AREA_PATH   q [gs] colours, width, cap, join, miter, dash
 *               m l c h … f | f* | S | B | B*  Q
 *   AREA_IMAGE  the XObject of its file (made once per document, keyed by
 *               resolved file name) drawn with q cm Do Q; a file that cannot
 *               be embedded gets a warning and a framed placeholder
 *   viewport    q re W n … Q around its children
 *
 * PNG files are decoded by the image stage (src/image) and embedded as raw
 * 8-bit grey or RGB samples with an SMask for alpha; libharu 2.3.0's own
 * PNG loader crashes or draws wrongly on several valid files
 * (docs/graphics.md).  JPEG files go through HPDF_LoadJpegImageFromFile
 * (DCTDecode, no re-encoding) after the image stage has checked them.
 * Transparency uses one ExtGState per (fill alpha, stroke alpha) pair.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <hpdf.h>

#include "../base/limits.h"
#include "../image/image.h"
#include "pdf_int.h"

struct pimage {
	const char *path;      /* resolved file name (the key) */
	HPDF_Image  img;       /* NULL: could not be embedded */
	const char *why;       /* why not (static text) */
	uint8_t     warned;    /* 1: as an image, 2: as a background, warned */
};

struct pgs {
	uint8_t        fa, sa; /* fill and stroke alpha, 0–255 */
	HPDF_ExtGState gs;
};

struct pdf_gfx {
	HPDF_Doc       doc;
	struct diag   *d;
	const char    *file;     /* the FO source, for messages */
	struct pimage *img;
	size_t         nimg;
	struct pgs    *gs;
	size_t         ngs;
	const struct area *viewport; /* around the images being drawn */
	int            loading;  /* an image is being loaded */
	HPDF_STATUS    err;      /* libharu's error while loading */
	int64_t        decoded;  /* PNG samples embedded so far, 4 bytes a pixel */
};

struct pdf_gfx *
pdf_gfx_new(HPDF_Doc doc, const char *file, struct diag *d)
{
	struct pdf_gfx *g = xcalloc(1, sizeof *g);
	g->doc = doc;
	g->file = file;
	g->d = d;
	return g;
}

void
pdf_gfx_free(struct pdf_gfx *g)
{
	if (g == NULL)
		return;
	free(g->img);
	free(g->gs);
	free(g);
}

int
pdf_gfx_take_error(struct pdf_gfx *g, HPDF_STATUS code)
{
	if (g == NULL || !g->loading)
		return 0;
	g->err = code;
	return 1;
}

static float
pt(mpt x)
{
	return (float)x / 1000.0f;
}

/* Write operators libharu has no call for straight into the page stream. */
static void
raw(HPDF_Page page, const struct buf *b)
{
	pdf_haru_page_write(page, b->p, b->n);
}

/* ---------------------------------------------------------------- images */

/* A PNG, GIF or TIFF, decoded, as an image with a soft mask for alpha. */
static HPDF_Image
load_pixels(struct pdf_gfx *g, const char *path, const char **why)
{
	struct image_pixels px;
	if (image_decode(path, &px, why) < 0)
		return NULL;
	HPDF_Image img = HPDF_LoadRawImageFromMem(g->doc, px.pix, (HPDF_UINT)px.w, (HPDF_UINT)px.h,
	    px.ncomp == 1 ? HPDF_CS_DEVICE_GRAY : HPDF_CS_DEVICE_RGB, 8);
	if (img && px.alpha) {
		HPDF_Image mask = HPDF_LoadRawImageFromMem(g->doc, px.alpha, (HPDF_UINT)px.w,
		    (HPDF_UINT)px.h, HPDF_CS_DEVICE_GRAY, 8);
		if (mask == NULL || HPDF_Image_AddSMask(img, mask) != HPDF_OK)
			img = NULL;
	}
	image_pixels_free(&px);
	if (img == NULL)
		*why = "libharu refused the pixels";
	return img;
}

static HPDF_Image
load_jpeg(struct pdf_gfx *g, const char *path, const char **why)
{
	struct image_info info;
	if (image_info_read(path, &info, why) < 0)
		return NULL;
	if (info.format != IMAGE_JPEG) {
		*why = "the file is no longer a JPEG file";
		return NULL;
	}
	HPDF_Image img = HPDF_LoadJpegImageFromFile(g->doc, path);
	if (img == NULL) {
		*why = "libharu cannot read its markers";
		return NULL;
	}
	/* libharu marks every CMYK JPEG as inverted (Adobe's way); a CMYK
	 * JPEG without the Adobe marker is stored plainly */
	if (info.components == 4 && !info.adobe)
		pdf_haru_remove(img, "Decode");
	return img;
}

/* The embedded image of an image area, loaded once per file; NULL when it
 * cannot be embedded, warned once per file as an image (a placeholder takes
 * its place) and once as a background (only the colour is painted). */
static HPDF_Image
image_of(struct pdf_gfx *g, const struct area *a, int background)
{
	const struct area_image *im = a->image;
	struct pimage *p = NULL;
	for (size_t i = 0; i < g->nimg && p == NULL; i++)
		if (strcmp(g->img[i].path, im->path) == 0)
			p = &g->img[i];
	if (p == NULL) {
		g->img = xrealloc(g->img, (g->nimg + 1) * sizeof *g->img);
		p = &g->img[g->nimg++];
		p->path = im->path;
		p->why = NULL;
		p->warned = 0;
		g->loading = 1;
		g->err = HPDF_OK;
		int64_t bytes = im->format != AREA_IMG_JPEG ? (int64_t)im->px_w * im->px_h * 4 : 0;
		if (g->decoded + bytes > LIMIT_IMAGES_DECODED) {
			p->img = NULL;
			p->why = "the document's images would take more than folio's limit of 1 GB decoded";
		} else {
			g->decoded += bytes;
			p->img = im->format == AREA_IMG_JPEG ? load_jpeg(g, im->path, &p->why)
			    : load_pixels(g, im->path, &p->why);
		}
		g->loading = 0;
		if (p->img == NULL)
			HPDF_ResetError(g->doc);
	}
	uint8_t bit = background ? 2 : 1;
	if (p->img == NULL && !(p->warned & bit)) {
		p->warned |= bit;
		diag_report(g->d, DIAG_WARNING, g->file, a->line, 0,
		    background ? "background-image %s cannot be embedded: %s; the background colour alone is painted"
			       : "image %s cannot be embedded: %s; a placeholder is drawn",
		    im->src, p->why ? p->why : "unknown error");
	}
	return p->img;
}

static void
content_box(const struct area *v, mpt *x, mpt *y, mpt *w, mpt *h)
{
	*x = v->x + v->border[AREA_START].width + v->pad[AREA_START];
	*y = v->y + v->border[AREA_BEFORE].width + v->pad[AREA_BEFORE];
	*w = v->w - v->border[AREA_START].width - v->pad[AREA_START] - v->border[AREA_END].width -
	    v->pad[AREA_END];
	*h = v->h - v->border[AREA_BEFORE].width - v->pad[AREA_BEFORE] - v->border[AREA_AFTER].width -
	    v->pad[AREA_AFTER];
}

/* A framed grey box with its diagonals where an image could not go: the
 * viewport's content box (the declared size), else the image's box. */
static void
placeholder(const struct pdf_gfx *g, HPDF_Page page, mpt ph, const struct area *a)
{
	mpt bx = a->x, by = a->y, bw = a->w, bh = a->h;
	if (g->viewport)
		content_box(g->viewport, &bx, &by, &bw, &bh);
	float x = pt(bx), y = pt(ph - by - bh), w = pt(bw), h = pt(bh);
	if (w <= 0 || h <= 0)
		return;
	HPDF_Page_GSave(page);
	HPDF_Page_SetRGBFill(page, 0.94f, 0.94f, 0.94f);
	HPDF_Page_SetRGBStroke(page, 0.5f, 0.5f, 0.5f);
	HPDF_Page_SetLineWidth(page, 0.75f);
	HPDF_Page_Rectangle(page, x, y, w, h);
	HPDF_Page_FillStroke(page);
	HPDF_Page_MoveTo(page, x, y);
	HPDF_Page_LineTo(page, x + w, y + h);
	HPDF_Page_MoveTo(page, x, y + h);
	HPDF_Page_LineTo(page, x + w, y);
	HPDF_Page_Stroke(page);
	HPDF_Page_GRestore(page);
}

static void
draw_image(struct pdf_gfx *g, HPDF_Page page, mpt ph, const struct area *a)
{
	if (a->w <= 0 || a->h <= 0)
		return;
	HPDF_Image img = a->image && a->image->format != AREA_IMG_NONE && a->image->path
	    ? image_of(g, a, 0) : NULL;
	if (img == NULL) {
		placeholder(g, page, ph, a);
		return;
	}
	HPDF_Page_DrawImage(page, img, pt(a->x), pt(ph - a->y - a->h), pt(a->w), pt(a->h));
}

/* ---------------------------------------------------------------- backgrounds */

/* The first tile index along one axis and how many tiles cover [box, box+len)
 * from origin o with step t (repeating), or just the one at o. */
static void
tile_span(int repeat, int64_t o, int64_t t, int64_t box, int64_t len, int64_t *k0, int64_t *n)
{
	if (!repeat) {
		*k0 = 0;
		*n = o < box + len && o + t > box ? 1 : 0;
		return;
	}
	/* floor((box - o) / t) */
	int64_t d = box - o;
	*k0 = d >= 0 ? d / t : -((-d + t - 1) / t);
	int64_t end = box + len - o;   /* tiles while k * t < end */
	int64_t k1 = end > 0 ? (end + t - 1) / t : -((-end) / t);
	*n = k1 > *k0 ? k1 - *k0 : 0;
}

void
pdf_gfx_background(struct pdf_gfx *g, HPDF_Page page, mpt ph, const struct area *a)
{
	const struct area_bgimage *b = a->bgimage;
	/* the padding box: inside the borders */
	int64_t bx = a->x + a->border[AREA_START].width, by = a->y + a->border[AREA_BEFORE].width;
	int64_t bw = (int64_t)a->w - a->border[AREA_START].width - a->border[AREA_END].width;
	int64_t bh = (int64_t)a->h - a->border[AREA_BEFORE].width - a->border[AREA_AFTER].width;
	if (b == NULL || bw <= 0 || bh <= 0 || b->w <= 0 || b->h <= 0)
		return;
	struct area tile = { .kind = AREA_IMAGE, .line = b->line, .image = b->image };
	HPDF_Image img = image_of(g, &tile, 1);
	if (img == NULL)
		return;   /* warned by image_of; the colour stays */
	int64_t ox = bx + b->pos_abs[0] + (bw - b->w) * b->pos_pct[0] / 10000;
	int64_t oy = by + b->pos_abs[1] + (bh - b->h) * b->pos_pct[1] / 10000;
	int rx = b->repeat == 0 || b->repeat == 1, ry = b->repeat == 0 || b->repeat == 2;
	int64_t kx, nx, ky, ny;
	tile_span(rx, ox, b->w, bx, bw, &kx, &nx);
	tile_span(ry, oy, b->h, by, bh, &ky, &ny);
	if (nx == 0 || ny == 0)
		return;
	if (nx * ny > LIMIT_BG_TILES) {
		char key[64];
		snprintf(key, sizeof key, "bg-tiles:%d", b->line);
		diag_once(g->d, key, DIAG_WARNING, g->file, b->line, 0,
		    "background-image %s would take %lld tiles; only the first %d are painted",
		    b->image->src, (long long)(nx * ny), LIMIT_BG_TILES);
	}
	HPDF_Page_GSave(page);
	HPDF_Page_Rectangle(page, pt((mpt)bx), pt((mpt)(ph - by - bh)), pt((mpt)bw), pt((mpt)bh));
	HPDF_Page_Clip(page);
	HPDF_Page_EndPath(page);
	int64_t drawn = 0;
	for (int64_t j = 0; j < ny && drawn < LIMIT_BG_TILES; j++)
		for (int64_t i = 0; i < nx && drawn < LIMIT_BG_TILES; i++, drawn++) {
			int64_t x = ox + (kx + i) * b->w, y = oy + (ky + j) * b->h;
			HPDF_Page_DrawImage(page, img, (float)(x / 1000.0), (float)((ph - y - b->h) / 1000.0),
			    pt(b->w), pt(b->h));
		}
	HPDF_Page_GRestore(page);
}

/* ---------------------------------------------------------------- paths */

static HPDF_ExtGState
gstate(struct pdf_gfx *g, uint8_t fa, uint8_t sa)
{
	for (size_t i = 0; i < g->ngs; i++)
		if (g->gs[i].fa == fa && g->gs[i].sa == sa)
			return g->gs[i].gs;
	HPDF_ExtGState gs = HPDF_CreateExtGState(g->doc);
	if (gs == NULL)
		return NULL;
	HPDF_ExtGState_SetAlphaFill(gs, fa / 255.0f);
	HPDF_ExtGState_SetAlphaStroke(gs, sa / 255.0f);
	g->gs = xrealloc(g->gs, (g->ngs + 1) * sizeof *g->gs);
	g->gs[g->ngs++] = (struct pgs){ fa, sa, gs };
	return gs;
}

static void
rgb(uint32_t c, float *r, float *gr, float *b)
{
	*r = ((c >> 16) & 255) / 255.0f;
	*gr = ((c >> 8) & 255) / 255.0f;
	*b = (c & 255) / 255.0f;
}

static void
stroke_state(HPDF_Page page, const struct area_path *p)
{
	float r, gr, b;
	rgb(p->stroke, &r, &gr, &b);
	HPDF_Page_SetRGBStroke(page, r, gr, b);
	HPDF_Page_SetLineWidth(page, pt(p->width));
	HPDF_Page_SetLineCap(page, (HPDF_LineCap)p->cap);
	HPDF_Page_SetLineJoin(page, (HPDF_LineJoin)p->join);
	if (p->join == 0 && p->miter >= 1000 && p->miter != 10000)
		HPDF_Page_SetMiterLimit(page, p->miter / 1000.0f);
	if (p->ndash > 0) {
		/* libharu 2.3.0 takes whole points only: write d ourselves */
		struct buf d = {0};
		buf_putc(&d, '[');
		for (int i = 0; i < p->ndash; i++)
			buf_printf(&d, "%s%.3f", i ? " " : "", p->dash[i] / 1000.0);
		buf_printf(&d, "] %.3f d\n", p->dash_offset / 1000.0);
		raw(page, &d);
		buf_free(&d);
	}
}

static void
draw_path(struct pdf_gfx *g, HPDF_Page page, mpt ph, const struct area *a)
{
	const struct area_path *p = a->path;
	int fill = p->fill != AREA_NO_PAINT, stroke = p->stroke != AREA_NO_PAINT;
	float r, gr, b;
	if (p == NULL || p->nops == 0 || (!fill && !stroke))
		return;
	HPDF_Page_GSave(page);
	uint8_t fa = fill ? p->fill_alpha : 255, sa = stroke ? p->stroke_alpha : 255;
	if (fa < 255 || sa < 255) {
		HPDF_ExtGState gs = gstate(g, fa, sa);
		if (gs)
			HPDF_Page_SetExtGState(page, gs);
	}
	if (fill) {
		rgb(p->fill, &r, &gr, &b);
		HPDF_Page_SetRGBFill(page, r, gr, b);
	}
	if (stroke)
		stroke_state(page, p);
	size_t k = 0;
	for (size_t i = 0; i < p->nops; i++) {
		const mpt *q = p->pts + 2 * k;
		switch ((enum area_path_op)p->ops[i]) {
		case AP_MOVE:
			HPDF_Page_MoveTo(page, pt(a->x + q[0]), pt(ph - a->y - q[1]));
			k += 1;
			break;
		case AP_LINE:
			HPDF_Page_LineTo(page, pt(a->x + q[0]), pt(ph - a->y - q[1]));
			k += 1;
			break;
		case AP_CURVE:
			HPDF_Page_CurveTo(page, pt(a->x + q[0]), pt(ph - a->y - q[1]), pt(a->x + q[2]),
			    pt(ph - a->y - q[3]), pt(a->x + q[4]), pt(ph - a->y - q[5]));
			k += 3;
			break;
		case AP_CLOSE:
			HPDF_Page_ClosePath(page);
			break;
		}
	}
	if (fill && stroke)
		p->evenodd ? HPDF_Page_EofillStroke(page) : HPDF_Page_FillStroke(page);
	else if (fill)
		p->evenodd ? HPDF_Page_Eofill(page) : HPDF_Page_Fill(page);
	else
		HPDF_Page_Stroke(page);
	HPDF_Page_GRestore(page);
}

void
pdf_gfx_draw(struct pdf_gfx *g, HPDF_Page page, mpt ph, const struct area *a)
{
	if (a->kind == AREA_IMAGE)
		draw_image(g, page, ph, a);
	else if (a->kind == AREA_PATH && a->path)
		draw_path(g, page, ph, a);
}

void
pdf_gfx_viewport(struct pdf_gfx *g, const struct area *v)
{
	g->viewport = v;
}

void
pdf_gfx_clip(HPDF_Page page, mpt ph, const struct area *v)
{
	mpt x, y, w, h;
	content_box(v, &x, &y, &w, &h);
	HPDF_Page_GSave(page);
	if (w < 0)
		w = 0;
	if (h < 0)
		h = 0;
	HPDF_Page_Rectangle(page, pt(x), pt(ph - y - h), pt(w), pt(h));
	HPDF_Page_Clip(page);
	HPDF_Page_EndPath(page);
}
