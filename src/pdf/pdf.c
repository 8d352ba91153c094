/*
 * pdf — PDF writer.
 *
 *   area tree ──► collect code points per face ──► embed each face as a
 *   subset CID font (pdf_font.c) ──► pages: backgrounds, borders, glyph
 *   runs (Tc for justification, fill-and-stroke for synthetic bold, a
 *   skewed text matrix for slant) ──► save to a temporary file ──► rename.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/stat.h>
#include <unistd.h>

#include <hb.h>
#include <hb-subset.h>
#include <hpdf.h>
#include <zlib.h>
#include <libdeflate.h>
#include <pthread.h>

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

static struct pdf_face *
pface_of(struct pdf_writer *w, struct text_face *f)
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
	return p;
}

static void
collect(struct pdf_writer *w, const struct area *a)
{
	for (; a; a = a->next) {
		if (a->kind == AREA_RUN && a->face && !a->hidden) {
			struct pdf_face *p = pface_of(w, a->face);
			const char *s = a->text, *e = a->text + a->len;
			while (s < e) {
				uint32_t cp = utf8_next(&s, e);
				if (cp < 65536)
					p->bmp[cp >> 6] |= 1ull << (cp & 63);
				else
					hb_set_add(p->cps, cp);
			}
		}
		collect(w, a->first);
	}
}

static float
pt(mpt x)
{
	return (float)x / 1000.0f;
}

static void
rgb_fill(HPDF_Page page, uint32_t c)
{
	HPDF_Page_SetRGBFill(page, ((c >> 16) & 255) / 255.0f, ((c >> 8) & 255) / 255.0f, (c & 255) / 255.0f);
}

static void
rgb_stroke(HPDF_Page page, uint32_t c)
{
	HPDF_Page_SetRGBStroke(page, ((c >> 16) & 255) / 255.0f, ((c >> 8) & 255) / 255.0f, (c & 255) / 255.0f);
}

/* The decimal digits of v ≥ 0. */
static char *
put_uint(char *p, uint64_t v)
{
	char d[24];
	int n = 0;
	do {
		d[n++] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	while (n)
		*p++ = d[--n];
	return p;
}

/* v/1000 in the shortest decimal form and a space: "12.5 ", "-0.25 ", "3 ". */
static char *
put_milli(char *p, int64_t v)
{
	if (v < 0) {
		*p++ = '-';
		v = -v;
	}
	p = put_uint(p, (uint64_t)(v / 1000));
	int f = (int)(v % 1000);
	if (f) {
		*p++ = '.';
		*p++ = (char)('0' + f / 100);
		if (f % 100) {
			*p++ = (char)('0' + f / 10 % 10);
			if (f % 10)
				*p++ = (char)('0' + f % 10);
		}
	}
	*p++ = ' ';
	return p;
}

/*
 * A rectangle in area coordinates, filled: written to the page stream
 * directly (rules, borders, backgrounds are most of a table's drawing,
 * and libharu's operator calls cost more than the bytes).
 */
static void
fill_rect(struct pdf_writer *w, HPDF_Page page, mpt x, mpt y, mpt wd, mpt h, uint32_t color)
{
	if (wd <= 0 || h <= 0)
		return;
	char op[160], *p = op;
	if (color != w->fill) {
		for (int k = 16; k >= 0; k -= 8)
			p = put_milli(p, (int64_t)((color >> k) & 255) * 1000 / 255);
		memcpy(p, "rg ", 3);
		p += 3;
		w->fill = color;
	}
	p = put_milli(p, x);
	p = put_milli(p, (int64_t)w->phm - y - h);
	p = put_milli(p, wd);
	p = put_milli(p, h);
	memcpy(p, "re f\n", 5);
	p += 5;
	pdf_haru_page_write(page, op, (size_t)(p - op));
}

/* One border side as a line along its middle, or filled strips. */
static void
border_side(struct pdf_writer *w, HPDF_Page page, const struct area *a, int side)
{
	const struct area_border *b = &a->border[side];
	mpt bw = b->width;
	mpt x0, y0, x1, y1;   /* the side's rectangle */

	if (bw <= 0 || b->style == AREA_LINE_NONE)
		return;
	switch (side) {
	case AREA_BEFORE: x0 = a->x; y0 = a->y; x1 = a->x + a->w; y1 = a->y + bw; break;
	case AREA_AFTER: x0 = a->x; y0 = a->y + a->h - bw; x1 = a->x + a->w; y1 = a->y + a->h; break;
	case AREA_START: x0 = a->x; y0 = a->y; x1 = a->x + bw; y1 = a->y + a->h; break;
	default: x0 = a->x + a->w - bw; y0 = a->y; x1 = a->x + a->w; y1 = a->y + a->h; break;
	}
	if (b->style == AREA_LINE_SOLID) {
		fill_rect(w, page, x0, y0, x1 - x0, y1 - y0, b->color);
		return;
	}
	if (b->style == AREA_LINE_DOUBLE) {
		mpt t = bw / 3;
		if (side == AREA_BEFORE || side == AREA_AFTER) {
			fill_rect(w, page, x0, y0, x1 - x0, t, b->color);
			fill_rect(w, page, x0, y1 - t, x1 - x0, t, b->color);
		} else {
			fill_rect(w, page, x0, y0, t, y1 - y0, b->color);
			fill_rect(w, page, x1 - t, y0, t, y1 - y0, b->color);
		}
		return;
	}
	/* dashed, dotted: stroke along the middle */
	HPDF_Page_GSave(page);
	rgb_stroke(page, b->color);
	HPDF_Page_SetLineWidth(page, pt(bw));
	if (b->style == AREA_LINE_DOTTED) {
		/* round dots: a dash of length 0, which HPDF_Page_SetDash refuses */
		char d[64];
		int n = snprintf(d, sizeof d, "[0 %.3f] 0 d\n", pt(bw * 2));
		HPDF_Page_SetLineCap(page, HPDF_ROUND_END);
		pdf_haru_page_write(page, d, (size_t)n);
	} else {
		HPDF_UINT16 d = (HPDF_UINT16)(bw * 3 / 1000 > 1 ? bw * 3 / 1000 : 2);
		HPDF_UINT16 pat[2] = { d, d };
		HPDF_Page_SetDash(page, pat, 2, 0);
	}
	if (side == AREA_BEFORE || side == AREA_AFTER) {
		float yy = w->ph - pt((y0 + y1) / 2);
		HPDF_Page_MoveTo(page, pt(x0), yy);
		HPDF_Page_LineTo(page, pt(x1), yy);
	} else {
		float xx = pt((x0 + x1) / 2);
		HPDF_Page_MoveTo(page, xx, w->ph - pt(y0));
		HPDF_Page_LineTo(page, xx, w->ph - pt(y1));
	}
	HPDF_Page_Stroke(page);
	HPDF_Page_GRestore(page);
}

/* Decorations are graphics: drawn with the other graphics, before text. */
static void
draw_deco(struct pdf_writer *w, HPDF_Page page, const struct area *r, mpt x1)
{
	mpt t = r->size / 18, wd = x1 - r->x;
	if (r->deco & AREA_DECO_UNDERLINE)
		fill_rect(w, page, r->x, r->baseline + r->size / 8, wd, t, r->color);
	if (r->deco & AREA_DECO_LINE_THROUGH)
		fill_rect(w, page, r->x, r->baseline - r->size * 3 / 10, wd, t, r->color);
	if (r->deco & AREA_DECO_OVERLINE)
		fill_rect(w, page, r->x, r->baseline - r->size * 9 / 10, wd, t, r->color);
}

/*
 * The decorations of a line: one rule across consecutive decorated runs of
 * one style, so that an underlined value of Chinese and Latin is
 * underlined through the ¼ em between them, as the decorated inline is
 * one piece of text.
 */
static void
draw_line_deco(struct pdf_writer *w, HPDF_Page page, const struct area *line)
{
	for (const struct area *r = line->first; r;) {
		if (r->kind != AREA_RUN || r->deco == 0 || r->hidden) {
			r = r->next;
			continue;
		}
		mpt x1 = r->x + r->w;
		const struct area *e = r->next;
		while (e && e->kind == AREA_RUN && !e->hidden && e->deco == r->deco && e->color == r->color &&
		    e->size == r->size && e->baseline == r->baseline && e->x >= x1 && e->x - x1 <= r->size) {
			x1 = e->x + e->w;
			e = e->next;
		}
		draw_deco(w, page, r, x1);
		r = e;
	}
}

/*
 * Text of a line: consecutive runs of one font, size, colour and style form
 * one group, drawn as a single TJ array.  The most common gap becomes the
 * character spacing (Tc); other gaps (compressed punctuation, ¼ em between
 * Han and Latin, the joins between runs) are TJ adjustments computed against
 * the absolute positions layout chose, so rounding never accumulates.
 * Advances are those of the /W array: the font's advance × 1000 / upem,
 * truncated (layout measures with the same, text_advance).  libharu has no
 * TJ call, so the array is written to the page stream directly, as CIDs.
 */
struct glyph_pos {
	uint32_t cp;
	double   x;     /* desired origin, millipoints */
	double   pw;    /* advance in the PDF, millipoints */
};

static int
same_style(const struct area *a, const struct area *b)
{
	return a->kind == AREA_RUN && b->kind == AREA_RUN && a->face == b->face &&
	    a->size == b->size && a->color == b->color && a->bold == b->bold &&
	    a->italic == b->italic && a->baseline == b->baseline && a->len > 0 && b->len > 0 &&
	    !a->has_matrix && !b->has_matrix;
}

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

/* The most common gap, at 1 millipoint resolution: it becomes Tc. */
static double
common_gap(const struct glyph_pos *g, size_t n)
{
	if (n < 2)
		return 0;
	double *d = xmalloc((n - 1) * sizeof *d);
	double lo = 0, hi = 0;
	for (size_t k = 0; k + 1 < n; k++) {
		double v = g[k + 1].x - g[k].x - g[k].pw;
		d[k] = (double)(long)(v + (v >= 0 ? 0.5 : -0.5));
		lo = k == 0 || d[k] < lo ? d[k] : lo;
		hi = k == 0 || d[k] > hi ? d[k] : hi;
	}
	if (hi - lo <= 1.0) {   /* one window holds them all: its start */
		free(d);
		return lo;
	}
	qsort(d, n - 1, sizeof *d, cmp_double);
	size_t best = 0, bestn = 0;
	for (size_t a = 0, b; a < n - 1; a = b) {
		for (b = a; b < n - 1 && d[b] - d[a] <= 1.0; b++)
			;
		if (b - a > bestn) {
			bestn = b - a;
			best = a;
		}
	}
	double tc = d[best];
	free(d);
	return tc;
}

static void
set_text_state(struct pdf_writer *w, HPDF_Page page, const struct area *first, struct pdf_face *p, double tc)
{
	float size_pt = pt(first->size);
	if (first->color != w->fill) {
		rgb_fill(page, first->color);
		w->fill = first->color;
	}
	if (first->bold != w->bold || (first->bold && (size_pt != w->size || first->color != w->stroke))) {
		if (first->bold) {
			HPDF_Page_SetTextRenderingMode(page, HPDF_FILL_THEN_STROKE);
			HPDF_Page_SetLineWidth(page, size_pt * 0.03f);
			rgb_stroke(page, first->color);
			w->stroke = first->color;
		} else {
			HPDF_Page_SetTextRenderingMode(page, HPDF_FILL);
		}
		w->bold = first->bold;
	}
	if (p->font != w->font || size_pt != w->size) {
		/* Tf by hand: the font is not one of libharu's HPDF_Font objects */
		const char *name = pdf_haru_page_font(page, p->font);
		char op[160];
		int n = snprintf(op, sizeof op, "/%s %.3f Tf\n", name ? name : "F0", size_pt);
		pdf_haru_page_write(page, op, (size_t)n);
		w->font = p->font;
		w->size = size_pt;
	}
	float tcf = (float)(tc / 1000.0);
	if (tcf != w->tc) {
		HPDF_Page_SetCharSpace(page, tcf);
		w->tc = tcf;
	}
}

static void
emit_group(struct pdf_writer *w, HPDF_Page page, const struct area *first, const struct area *end)
{
	struct pdf_face *p = pface_of(w, first->face);
	struct text_face *f = first->face;
	mpt size = first->size;
	size_t n = 0, cap = 0;
	struct glyph_pos *g = NULL;

	if (p->font == NULL)
		return;
	for (const struct area *r = first; r != end; r = r->next) {
		const char *s = r->text, *e = r->text + r->len;
		double x = r->x;
		/* the run's extra space, spread evenly over its gaps */
		double extra = r->nglyphs > 1 ? (double)r->spacing / (r->nglyphs - 1) : 0;
		while (s < e) {
			uint32_t cp = utf8_next(&s, e);
			int32_t units = text_face_advance(f, cp);
			if (units < 0)
				units = 0;
			if (n == cap) {
				cap = cap ? cap * 2 : 64;
				g = xrealloc(g, cap * sizeof *g);
			}
			g[n].cp = cp;
			g[n].x = x;
			g[n].pw = (double)(units * 1000 / f->upem) * size / 1000.0;
			n++;
			x += text_advance(f, units, size) + extra;
		}
	}
	if (n == 0) {
		free(g);
		return;
	}
	/* Tc within what libharu accepts (HPDF_Page_SetCharSpace: -30 to
	 * 300 pt); the TJ adjustments below place every glyph all the same */
	double tc = common_gap(g, n);
	if (tc < HPDF_MIN_CHARSPACE * 1000.0)
		tc = HPDF_MIN_CHARSPACE * 1000.0;
	if (tc > HPDF_MAX_CHARSPACE * 1000.0)
		tc = HPDF_MAX_CHARSPACE * 1000.0;
	set_text_state(w, page, first, p, tc);
	mpt x0 = (mpt)(g[0].x + (g[0].x >= 0 ? 0.5 : -0.5)), y0 = w->phm - first->baseline;
	if (first->has_matrix) {
		/* SVG text: its own matrix (page space is y down, PDF's y up),
		 * the synthetic slant applied first */
		float a = first->matrix[0] / 65536.0f, b = -first->matrix[1] / 65536.0f;
		float c = -first->matrix[2] / 65536.0f, d = first->matrix[3] / 65536.0f;
		float k = first->italic ? 0.2f : 0;
		HPDF_Page_SetTextMatrix(page, a, b, c + k * a, d + k * b, pt(x0), pt(y0));
	} else if (first->italic || w->italic || !w->placed) {
		HPDF_Page_SetTextMatrix(page, 1, 0, first->italic ? 0.2f : 0, 1, pt(x0), pt(y0));
	} else {
		/* Td by hand, exact in millipoints (and without libharu's
		 * bookkeeping of a text position nothing else reads) */
		char op[64], *q = put_milli(op, (int64_t)x0 - w->lx);
		q = put_milli(q, (int64_t)y0 - w->ly);
		memcpy(q, "Td\n", 3);
		q += 3;
		pdf_haru_page_write(page, op, (size_t)(q - op));
	}
	w->italic = first->italic;
	w->placed = !first->has_matrix;   /* after a matrix, the next run sets its own */
	w->lx = x0;
	w->ly = y0;

	struct buf tj = {0};
	buf_puts(&tj, "[(");
	double pen = x0;
	for (size_t k = 0; k < n; k++) {
		if (k > 0) {
			double delta = g[k].x - pen;   /* millipoints to move right */
			if (delta >= 8.0 || delta <= -8.0) {   /* 0.008 pt: invisible */
				double num = -delta * 1000.0 / size;
				long tenths = (long)(num * 10 + (num >= 0 ? 0.5 : -0.5));
				char adj[32], *q = adj;
				*q++ = ')';
				if (tenths < 0)
					*q++ = '-';
				q = put_uint(q, (uint64_t)labs(tenths) / 10);
				if (tenths % 10 != 0) {
					*q++ = '.';
					*q++ = (char)('0' + labs(tenths) % 10);
				}
				*q++ = '(';
				buf_add(&tj, adj, (size_t)(q - adj));
				pen -= (double)tenths / 10.0 * size / 1000.0;
			}
		}
		uint32_t cid = g[k].cp < 65536 ? p->cid_bmp[g[k].cp] : hb_map_get(p->cid, g[k].cp);
		if (cid == HB_MAP_VALUE_INVALID || cid == 0)
			continue;   /* not in the font: left blank, as layout warned */
		/* the two bytes of the CID in a literal string: half the bytes of
		 * hex; ( ) \ escaped, and CR, which a reader would read as LF */
		char b2[4], *q = b2;
		for (int sh = 8; sh >= 0; sh -= 8) {
			char c = (char)((cid >> sh) & 255);
			if (c == '(' || c == ')' || c == '\\')
				*q++ = '\\';
			if (c == '\r') {
				*q++ = '\\';
				c = 'r';
			}
			*q++ = c;
		}
		buf_add(&tj, b2, (size_t)(q - b2));
		pen += g[k].pw + tc;
	}
	buf_puts(&tj, ")] TJ\n");
	pdf_haru_page_write(page, tj.p, tj.n);
	buf_free(&tj);
	free(g);
}

static void draw_text(struct pdf_writer *w, HPDF_Page page, const struct area *a);

/* Is r drawn per copy, not with its page? */
static int
skipped(const struct pdf_writer *w, const struct area *r)
{
	for (size_t i = 0; i < w->nskip; i++)
		if (w->skip[i].run == r)
			return 1;
	return 0;
}

static void
draw_line_text(struct pdf_writer *w, HPDF_Page page, const struct area *line)
{
	const struct area *r = line->first;
	while (r) {
		if (r->kind != AREA_RUN || r->face == NULL || r->len == 0 || r->hidden) {
			/* an inline drawing's labels, an inline-container's lines */
			if (r->kind == AREA_BLOCK || (r->kind == AREA_VIEWPORT && !r->hidden))
				draw_text(w, page, r->first);
			r = r->next;
			continue;
		}
		const struct area *e = r->next;
		if (w->nskip > 0 && skipped(w, r)) {
			r = e;
			continue;
		}
		while (e && !e->hidden && same_style(r, e) && !(w->nskip > 0 && skipped(w, e)))
			e = e->next;
		emit_group(w, page, r, e);
		r = e;
	}
}

/* Pass 1: backgrounds, borders, rules and decorations, in tree order. */
/*
 * Pass 0: every background of the page, before any border, so that a
 * shaded table cell never paints over the border it shares with the cell
 * before it (collapsed borders straddle the cells' edges).
 */
static void
draw_backgrounds(struct pdf_writer *w, HPDF_Page page, const struct area *a)
{
	for (; a; a = a->next) {
		if (a->kind == AREA_VIEWPORT && a->hidden)
			continue;   /* a hidden drawing: nothing of it */
		if ((a->kind == AREA_REGION || a->kind == AREA_BLOCK || a->kind == AREA_VIEWPORT) &&
		    a->background != 0xFFFFFFFFu && !a->hidden)
			fill_rect(w, page, a->x, a->y, a->w, a->h, a->background);
		if (a->bgimage && !a->hidden) {
			pdf_gfx_background(w->gfx, page, w->phm, a);
			w->fill = 0xFFFFFFFFu;
		}
		draw_backgrounds(w, page, a->first);
	}
}

static void
draw_graphics(struct pdf_writer *w, HPDF_Page page, const struct area *a)
{
	for (; a; a = a->next) {
		if (a->hidden && a->kind != AREA_REGION && a->kind != AREA_BLOCK &&
		    a->kind != AREA_LINE)
			continue;   /* a run, rule or drawing with visibility hidden */
		switch ((enum area_kind)a->kind) {
		case AREA_REGION:
		case AREA_BLOCK:
			if (a->hidden)   /* its children may be visible */
				break;
			for (int s = 0; s < 4; s++)
				border_side(w, page, a, s);
			break;
		case AREA_RUN:
			if (a->deco && !w->in_line)   /* in a line, draw_line_deco draws it */
				draw_deco(w, page, a, a->x + a->w);
			break;
		case AREA_RULE:
			if (a->thickness > 0 && a->style != AREA_LINE_NONE && a->style != AREA_LINE_SOLID) {
				/* a leader's rule-style: drawn as the top border of its box */
				struct area r = *a;
				r.h = a->thickness;
				r.border[AREA_BEFORE] = (struct area_border){ a->style, a->thickness, a->color };
				border_side(w, page, &r, AREA_BEFORE);
			} else if (a->thickness > 0) {
				fill_rect(w, page, a->x, a->y, a->w, a->thickness, a->color);
			}
			break;
		case AREA_VIEWPORT:
			for (int s = 0; s < 4; s++)
				border_side(w, page, a, s);
			if (a->clip)
				pdf_gfx_clip(page, w->phm, a);
			pdf_gfx_viewport(w->gfx, a);
			{
				int in_line = w->in_line;
				w->in_line = 0;
				draw_graphics(w, page, a->first);
				w->in_line = in_line;
			}
			pdf_gfx_viewport(w->gfx, NULL);
			if (a->clip)
				HPDF_Page_GRestore(page);
			w->fill = 0xFFFFFFFFu;   /* the drawing may have set its own */
			continue;
		case AREA_IMAGE:
		case AREA_PATH:
			pdf_gfx_draw(w->gfx, page, w->phm, a);
			w->fill = 0xFFFFFFFFu;
			break;
		case AREA_LINE:
			draw_line_deco(w, page, a);
			w->in_line++;
			draw_graphics(w, page, a->first);
			w->in_line--;
			continue;
		}
		draw_graphics(w, page, a->first);
	}
}

/* Pass 2: all text of the page, line by line. */
static void
draw_text(struct pdf_writer *w, HPDF_Page page, const struct area *a)
{
	for (; a; a = a->next) {
		if (a->kind == AREA_LINE)
			draw_line_text(w, page, a);
		else if (!(a->kind == AREA_VIEWPORT && a->hidden))
			draw_text(w, page, a->first);
	}
}

/* Put s as a PDF text string, UTF-16BE with a byte-order mark. */
static int
put_text(HPDF_Dict d, const char *key, const char *s)
{
	struct buf b = {0};
	const char *e = s + strlen(s);
	buf_add(&b, "\xFE\xFF", 2);
	while (s < e) {
		uint32_t c = utf8_next(&s, e);
		if (c >= 0x10000) {
			c -= 0x10000;
			uint16_t hi = (uint16_t)(0xD800 + (c >> 10)), lo = (uint16_t)(0xDC00 + (c & 0x3FF));
			char u[4] = { (char)(hi >> 8), (char)hi, (char)(lo >> 8), (char)lo };
			buf_add(&b, u, 4);
		} else {
			char u[2] = { (char)(c >> 8), (char)c };
			buf_add(&b, u, 2);
		}
	}
	int rc = pdf_haru_put_bytes(d, key, b.p, b.n);
	buf_free(&b);
	return rc;
}

static void
xml_escaped(struct buf *b, const char *s)
{
	buf_add_xml(b, s, strlen(s));
}

/*
 * An XMP metadata stream in the catalog, with the same title, author,
 * subject, keywords, producer and language as the Info dictionary.
 */
static void
xmp_metadata(struct pdf_writer *w, const struct area_tree *t)
{
	if (!t->title && !t->author && !t->subject && !t->keywords)
		return;
	struct buf b = {0};
	buf_puts(&b, "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
	    "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
	    "<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\""
	    " xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">\n");
	const char *lang = t->language && *t->language ? t->language : "x-default";
	if (t->title) {
		buf_printf(&b, "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">");
		xml_escaped(&b, t->title);
		buf_puts(&b, "</rdf:li></rdf:Alt></dc:title>\n");
	}
	if (t->author) {
		buf_puts(&b, "<dc:creator><rdf:Seq><rdf:li>");
		xml_escaped(&b, t->author);
		buf_puts(&b, "</rdf:li></rdf:Seq></dc:creator>\n");
	}
	if (t->subject) {
		buf_puts(&b, "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">");
		xml_escaped(&b, t->subject);
		buf_puts(&b, "</rdf:li></rdf:Alt></dc:description>\n");
	}
	if (t->keywords) {
		buf_puts(&b, "<pdf:Keywords>");
		xml_escaped(&b, t->keywords);
		buf_puts(&b, "</pdf:Keywords>\n");
	}
	buf_printf(&b, "<dc:language><rdf:Bag><rdf:li>%s</rdf:li></rdf:Bag></dc:language>\n", lang);
	buf_puts(&b, "<pdf:Producer>folio " FOLIO_VERSION "</pdf:Producer>\n"
	    "</rdf:Description></rdf:RDF></x:xmpmeta>\n<?xpacket end=\"w\"?>");
	HPDF_Dict meta = pdf_haru_stream(w->doc);
	if (meta) {
		pdf_haru_put_name(meta, "Type", "Metadata");
		pdf_haru_put_name(meta, "Subtype", "XML");
		pdf_haru_stream_write(meta, b.p, b.n);
		pdf_haru_put(pdf_haru_catalog(w->doc), "Metadata", meta);
	}
	buf_free(&b);
}

static void
set_info(struct pdf_writer *w, const struct area_tree *t)
{
	HPDF_SetInfoAttr(w->doc, HPDF_INFO_PRODUCER, "folio " FOLIO_VERSION);
	HPDF_Dict info = pdf_haru_info(w->doc);
	if (t->title && info)
		put_text(info, "Title", t->title);
	if (t->author && info)
		put_text(info, "Author", t->author);
	if (t->subject && info)
		put_text(info, "Subject", t->subject);
	if (t->keywords && info)
		put_text(info, "Keywords", t->keywords);
	xmp_metadata(w, t);
	if (t->language && t->language[0])
		pdf_haru_put_str(pdf_haru_catalog(w->doc), "Lang", t->language);
	const char *sde = getenv("SOURCE_DATE_EPOCH");
	if (sde && *sde) {
		time_t when = (time_t)strtoll(sde, NULL, 10);
		struct tm tm;
		if (gmtime_r(&when, &tm)) {
			HPDF_Date dt = { tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
			    tm.tm_min, tm.tm_sec, 'Z', 0, 0 };
			HPDF_SetInfoDateAttr(w->doc, HPDF_INFO_CREATION_DATE, dt);
			HPDF_SetInfoDateAttr(w->doc, HPDF_INFO_MOD_DATE, dt);
		}
	}
}

/* ---------------------------------------------------------------- links, outline */

static int
dest_cmp(const void *a, const void *b)
{
	const struct area_dest *x = *(const struct area_dest *const *)a;
	const struct area_dest *y = *(const struct area_dest *const *)b;
	return strcmp(x->id, y->id);
}

struct dests {
	const struct area_dest **v;
	size_t n;
};

static const struct area_dest *
dest_find(const struct dests *ds, const char *id)
{
	size_t lo = 0, hi = ds->n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = strcmp(ds->v[mid]->id, id);
		if (c == 0)
			return ds->v[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/* A destination at the exact place of the id: its page, left and top. */
static HPDF_Destination
make_dest(struct pdf_writer *w, pdf_page_fn *fn, void *ctx, const struct area_tree *t,
    const struct area_dest *d)
{
	if (d == NULL || d->page < 1 || d->page > t->npages)
		return NULL;
	float ph = 0;
	HPDF_Dict target = fn(ctx, d->page, &ph);
	if (target == NULL)
		return NULL;
	/* [page /XYZ left top null]: null zoom keeps the reader's zoom */
	return pdf_haru_dest_xyz(w->doc, target, pt(d->x), ph - pt(d->y));
}

/* The pages of a document written page by page. */
static HPDF_Dict
page_of(void *ctx, int index, float *ph)
{
	HPDF_Page *pages = ctx;
	*ph = HPDF_Page_GetHeight(pages[index - 1]);
	return pages[index - 1];
}

static HPDF_Dict
uri_action(struct pdf_writer *w, const char *uri)
{
	HPDF_Dict a = pdf_haru_dict(w->doc);
	pdf_haru_put_name(a, "S", "URI");
	pdf_haru_put_str(a, "URI", uri);
	return a;
}

static void
write_links(struct pdf_writer *w, HPDF_Page *pages, const struct area_tree *t, const struct dests *ds)
{
	for (const struct area_page *p = t->first; p; p = p->next) {
		HPDF_Page page = pages[p->index - 1];
		float ph = pt(p->h);
		for (const struct area_link *l = p->links; l; l = l->next) {
			HPDF_Rect r = { pt(l->x), ph - pt(l->y + l->h), pt(l->x + l->w), ph - pt(l->y) };
			HPDF_Annotation an = NULL;
			if (l->dest) {
				HPDF_Destination dst = make_dest(w, page_of, pages, t, dest_find(ds, l->dest));
				if (dst)
					an = HPDF_Page_CreateLinkAnnot(page, r, dst);
			} else if (l->uri) {
				an = HPDF_Page_CreateURILinkAnnot(page, r, l->uri);
			}
			if (an)
				HPDF_LinkAnnot_SetBorderStyle(an, 0, 0, 0);
		}
	}
}

static void
write_outline(struct pdf_writer *w, pdf_page_fn *fn, void *ctx, const struct area_tree *t,
    const struct dests *ds, HPDF_Outline parent, const struct area_bookmark *bm)
{
	for (; bm; bm = bm->next) {
		HPDF_Outline o = HPDF_CreateOutline(w->doc, parent, "", NULL);
		if (o == NULL)
			return;
		put_text(o, "Title", bm->title ? bm->title : "");
		if (bm->dest) {
			HPDF_Destination dst = make_dest(w, fn, ctx, t, dest_find(ds, bm->dest));
			if (dst)
				HPDF_Outline_SetDestination(o, dst);
		} else if (bm->uri) {
			pdf_haru_put(o, "A", uri_action(w, bm->uri));
		}
		HPDF_Outline_SetOpened(o, bm->open && bm->first ? HPDF_TRUE : HPDF_FALSE);
		write_outline(w, fn, ctx, t, ds, o, bm->first);
	}
}

/*
 * PDF page labels equal the printed numbers: a numbering range per page
 * sequence in a style PDF knows (decimal, roman, letters), or the label
 * itself for each page (01, Chinese numerals).
 */
int
pdf_label_starts(const struct area_page *p, const struct area_page *prev)
{
	return prev == NULL || p->seq_first || p->label_style != prev->label_style ||
	    p->label_style == 0 || p->number != prev->number + 1;
}

void
pdf_label_add(HPDF_Doc doc, HPDF_Array nums, int index0, const struct area_page *p)
{
	HPDF_Dict d = pdf_haru_dict(doc);
	if (p->label_style) {
		char st[2] = { (char)p->label_style, '\0' };
		pdf_haru_put_name(d, "S", st);
		if (p->number != 1)
			pdf_haru_put_int(d, "St", p->number);
	} else {
		put_text(d, "P", p->label ? p->label : "");
	}
	pdf_haru_add_int(nums, index0);
	pdf_haru_add(nums, d);
}

/* A leaf of the page-label number tree, with the page range it covers. */
static void
label_leaf(struct pdf_writer *w, HPDF_Array kids, HPDF_Array nums, int first, int last)
{
	HPDF_Dict leaf = pdf_haru_dict_indirect(w->doc);
	HPDF_Array limits = pdf_haru_array(w->doc);
	pdf_haru_put(leaf, "Nums", nums);
	pdf_haru_add_int(limits, first);
	pdf_haru_add_int(limits, last);
	pdf_haru_put(leaf, "Limits", limits);
	pdf_haru_add(kids, leaf);
}

static void
page_labels(struct pdf_writer *w, const struct area_tree *t)
{
	/* a number tree: one /Nums array, or leaves of at most LEAF ranges
	 * under /Kids (libharu's arrays hold at most 32767 items) */
	enum { LEAF = 4096 };
	HPDF_Array kids = NULL, nums = pdf_haru_array(w->doc);
	int n = 0, first = 0, last = 0;
	const struct area_page *prev = NULL;
	for (const struct area_page *p = t->first; p; p = p->next) {
		int start = pdf_label_starts(p, prev);
		prev = p;
		if (!start)
			continue;
		if (n > 0 && n % LEAF == 0) {
			if (kids == NULL)
				kids = pdf_haru_array(w->doc);
			label_leaf(w, kids, nums, first, last);
			nums = pdf_haru_array(w->doc);
		}
		if (n % LEAF == 0)
			first = p->index - 1;
		pdf_label_add(w->doc, nums, p->index - 1, p);
		last = p->index - 1;
		n++;
	}
	HPDF_Dict labels = pdf_haru_dict(w->doc);
	if (kids) {
		label_leaf(w, kids, nums, first, last);
		pdf_haru_put(labels, "Kids", kids);
	} else {
		pdf_haru_put(labels, "Nums", nums);
	}
	pdf_haru_put(pdf_haru_catalog(w->doc), "PageLabels", labels);
}

/* The destinations of t, sorted by id (ds->v owned). */
static void
dests_sorted(const struct area_tree *t, struct dests *ds)
{
	ds->n = 0;
	for (const struct area_dest *d = t->dests; d; d = d->next)
		ds->n++;
	ds->v = xmalloc((ds->n ? ds->n : 1) * sizeof *ds->v);
	size_t k = 0;
	for (const struct area_dest *d = t->dests; d; d = d->next)
		ds->v[k++] = d;
	if (ds->n > 1)
		qsort(ds->v, ds->n, sizeof *ds->v, dest_cmp);
}

void
pdf_outline(struct pdf_writer *w, const struct area_tree *t, pdf_page_fn *fn, void *ctx)
{
	if (t->bookmarks == NULL)
		return;
	struct dests ds;
	dests_sorted(t, &ds);
	write_outline(w, fn, ctx, t, &ds, NULL, t->bookmarks);
	HPDF_SetPageMode(w->doc, HPDF_PAGE_MODE_USE_OUTLINE);
	free(ds.v);
}

static void
links_and_outline(struct pdf_writer *w, HPDF_Page *pages, const struct area_tree *t)
{
	page_labels(w, t);
	struct dests ds;
	dests_sorted(t, &ds);
	write_links(w, pages, t, &ds);
	free(ds.v);
	pdf_outline(w, t, page_of, pages);
}

/*
 * The document is serialised into libharu's memory stream and copied to
 * the output, so every write is checked here (with its errno) rather than
 * inside libharu's file writer, which reports only "error 0x1016".
 */
static int
save(struct pdf_writer *w, struct file_out *o)
{
	if (HPDF_SaveToStream(w->doc) != HPDF_OK || w->failed)
		return -1;
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

/*
 * Page streams, XObjects and font programs are deflated here rather than
 * by libharu: they are nearly all of a PDF's bytes.  From ZLIB_BELOW bytes
 * on, libdeflate at level 6 takes half the time of zlib at level 4 and
 * makes the stream 2–4 % smaller; below, libdeflate costs more than it
 * saves (it clears its tables on each call) and can be a few bytes
 * larger, so zlib at level 4 deflates those (docs/bench.md).  Images and
 * the small streams keep libharu's.
 */
#define DEFLATE_LEVEL 6
#define ZLIB_LEVEL    4
#define ZLIB_BELOW    16384

static void *
ld_alloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (p == NULL)
		oom_exit(n);
	return p;
}

static pthread_key_t ld_key;   /* a thread's compressor, freed when it ends */

static void
ld_free(void *c)
{
	libdeflate_free_compressor(c);
}

static void
ld_init(void)
{
	libdeflate_set_memory_allocator(ld_alloc, free);
	if (pthread_key_create(&ld_key, ld_free) != 0)
		oom_exit(sizeof ld_key);
}

/* One compressor a thread: it holds a few hundred KB of tables, and goes
 * with its thread (the server's engine thread ends before the process). */
static struct libdeflate_compressor *
compressor(void)
{
	static pthread_once_t once = PTHREAD_ONCE_INIT;
	pthread_once(&once, ld_init);
	struct libdeflate_compressor *c = pthread_getspecific(ld_key);
	if (c == NULL) {
		c = libdeflate_alloc_compressor(DEFLATE_LEVEL);
		if (c == NULL || pthread_setspecific(ld_key, c) != 0)
			oom_exit(1u << 20);
	}
	return c;
}

void *
pdf_deflate(const void *data, size_t n, size_t *zn)
{
	size_t m = 0;
	uint8_t *z = NULL;
	if (n >= ZLIB_BELOW) {
		struct libdeflate_compressor *c = compressor();
		size_t cap = libdeflate_zlib_compress_bound(c, n);
		z = xmalloc(cap);
		m = libdeflate_zlib_compress(c, data, n, z, cap);
	}
	if (m == 0) {
		uLongf k = compressBound((uLong)n);
		free(z);
		z = xmalloc(k);
		if (compress2(z, &k, data, (uLong)n, ZLIB_LEVEL) == Z_OK)
			m = k;
	}
	if (m == 0) {
		free(z);
		return NULL;
	}
	*zn = m;
	return z;
}

int
pdf_stream_deflated(HPDF_Dict dict, const void *data, size_t n)
{
	size_t zn = 0;
	void *z = pdf_deflate(data, n, &zn);
	int rc = z ? pdf_haru_stream_put_deflated(dict, z, zn) : -1;
	free(z);
	return rc;
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
	set_info(w, t);

	for (const struct area_page *p = t->first; p; p = p->next)
		collect(w, p->root);
	/* the digits a serial number of each copy may show */
	for (size_t i = 0; i < nvary; i++)
		if (vary[i].run->face)
			pface_of(w, vary[i].run->face)->bmp['0' >> 6] |= 0x3FFull << ('0' & 63);
	for (size_t i = 0; i < w->nfaces; i++) {
		struct pdf_face *p = &w->faces[i];
		for (uint32_t k = 0; k < 65536 / 64; k++)
			for (uint32_t b = 0; p->bmp[k] != 0 && b < 64; b++)
				if (p->bmp[k] >> b & 1)
					hb_set_add(p->cps, k * 64 + b);
		p->font = pdf_font_embed(w->doc, p->face, p->cps, p->cid, d);
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

void
pdf_draw_page(struct pdf_writer *w, HPDF_Page page, const struct area_page *p)
{
	w->ph = pt(p->h);
	w->phm = p->h;
	HPDF_Page_SetWidth(page, pt(p->w));
	HPDF_Page_SetHeight(page, pt(p->h));
	const struct area *top = p->root ? p->root->first : NULL;
	w->fill = 0xFFFFFFFFu;   /* the graphics' fill colour, written when it changes */
	draw_backgrounds(w, page, top);
	draw_graphics(w, page, top);
	w->tc = 0;
	w->font = NULL;
	w->size = 0;
	w->fill = 0xFFFFFFFFu;  /* unknown after the graphics: the first text sets it */
	w->stroke = 0xFFFFFFFFu;
	w->bold = 0;
	w->italic = 0;
	w->placed = 0;
	HPDF_Page_BeginText(page);
	draw_text(w, page, top);
	HPDF_Page_EndText(page);
}

void
pdf_draw_run(struct pdf_writer *w, HPDF_Page page, mpt ph, const struct area *r)
{
	w->ph = pt(ph);
	w->phm = ph;
	w->tc = 0;
	w->font = NULL;
	w->size = 0;
	w->fill = 0xFFFFFFFFu;
	w->stroke = 0xFFFFFFFFu;
	w->bold = 0;
	w->italic = 0;
	w->placed = 0;
	HPDF_Page_BeginText(page);
	if (r->kind == AREA_RUN && r->face && r->len > 0 && !r->hidden)
		emit_group(w, page, r, r->next);
	HPDF_Page_EndText(page);
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
	}
	free(w->faces);
	pdf_haru_scratch_free(w->scratch);
	HPDF_Free(w->doc);
	pdf_gfx_free(w->gfx);
	return rc;
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
	}
	if (!w.failed)
		links_and_outline(&w, pages, t);
	free(pages);
	return pdf_end(&w, 0);
}
