/*
 * pdf_text — the text of a page, and a run alone (a copy's serial
 * number, pdf_copies.c): one text object, glyph runs grouped by style,
 * each group one TJ array of CIDs.
 *
 * Font, size, colour, render mode (fill-and-stroke for synthetic bold)
 * and character spacing are written only when they change; a skewed
 * text matrix draws synthetic slant; runs are placed with relative
 * moves in millipoints.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <hpdf.h>

#include "pdf_int.h"
#include "../area/area.h"
#include "../text/text.h"

static float
pt(mpt x)
{
	return (float)x / 1000.0f;
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
	uint32_t cid;   /* 0: not in the font, left blank */
	double   x;     /* desired origin, millipoints */
	double   pw;    /* advance in the PDF, millipoints */
	mpt      y;     /* offset up from the baseline (a shaped mark), millipoints */
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
		pdf_rgb_fill(page, first->color);
		w->fill = first->color;
	}
	if (first->bold != w->bold || (first->bold && (size_pt != w->size || first->color != w->stroke))) {
		if (first->bold) {
			HPDF_Page_SetTextRenderingMode(page, HPDF_FILL_THEN_STROKE);
			HPDF_Page_SetLineWidth(page, size_pt * 0.03f);
			pdf_rgb_stroke(page, first->color);
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

/* Room for one more glyph in *g (n used, *cap allocated). */
static struct glyph_pos *
glyph_add(struct glyph_pos **g, size_t n, size_t *cap)
{
	if (n == *cap) {
		*cap = *cap ? *cap * 2 : 64;
		*g = xrealloc(*g, *cap * sizeof **g);
	}
	return &(*g)[n];
}

/*
 * The glyphs of the runs first…end (before end) with their desired
 * origins, into *g (owned); returns how many.  A shaped run's glyphs are
 * where layout put them (area_glyph); another run's characters follow
 * each other by their advances, the run's extra space spread evenly over
 * its gaps.
 */
static size_t
group_glyphs(struct pdf_face *p, const struct area *first, const struct area *end,
    struct glyph_pos **g)
{
	struct text_face *f = first->face;
	mpt size = first->size;
	size_t n = 0, cap = 0;
	for (const struct area *r = first; r != end; r = r->next) {
		if (r->glyphs) {
			for (int k = 0; k < r->ngids; k++, n++) {
				const struct area_glyph *ag = &r->glyphs[k];
				int32_t units = text_glyph_advance(f, ag->gid);
				struct glyph_pos *q = glyph_add(g, n, &cap);
				q->cid = pdf_face_gid_cid(p, ag->gid);
				q->x = (double)r->x + ag->x;
				q->y = ag->y;
				q->pw = (double)(units * 1000 / f->upem) * size / 1000.0;
			}
			continue;
		}
		const char *s = r->text, *e = r->text + r->len;
		double x = r->x;
		double extra = r->nglyphs > 1 ? (double)r->spacing / (r->nglyphs - 1) : 0;
		for (; s < e; n++) {
			uint32_t cp = utf8_next(&s, e);
			int32_t units = text_face_advance(f, cp);
			if (units < 0)
				units = 0;
			struct glyph_pos *q = glyph_add(g, n, &cap);
			q->cid = pdf_face_cid(p, cp);
			q->x = x;
			q->y = 0;
			q->pw = (double)(units * 1000 / f->upem) * size / 1000.0;
			x += text_advance(f, units, size) + extra;
		}
	}
	return n;
}

/* Text rise y (millipoints, up) for what follows: Ts. */
static void
put_rise(struct buf *tj, mpt *rise, mpt y)
{
	char op[40], *q = pdf_put_milli(op, y);
	memcpy(q, "Ts\n", 3);
	buf_add(tj, op, (size_t)(q + 3 - op));
	*rise = y;
}

/*
 * The TJ array(s) of glyphs g[0, n) from x0 (millipoints) at size with
 * character spacing tc: each glyph's CID, preceded by the adjustment
 * that puts it at its position, computed against the pen so that
 * rounding never accumulates.  A glyph off the baseline (a mark placed
 * by shaping) is raised with text rise, between TJ arrays; the pen goes
 * on from one array to the next.
 */
static void
put_tj(struct buf *tj, const struct glyph_pos *g, size_t n, double x0, mpt size, double tc)
{
	mpt rise = 0;
	if (g[0].y != 0 && g[0].cid != 0)
		put_rise(tj, &rise, g[0].y);
	buf_puts(tj, "[(");
	double pen = x0;
	for (size_t k = 0; k < n; k++) {
		if (k > 0 && g[k].y != rise && g[k].cid != 0) {
			buf_puts(tj, ")] TJ\n");
			put_rise(tj, &rise, g[k].y);
			buf_puts(tj, "[(");
		}
		if (k > 0) {
			double delta = g[k].x - pen;   /* millipoints to move right */
			if (delta >= 8.0 || delta <= -8.0) {   /* 0.008 pt: invisible */
				double num = -delta * 1000.0 / size;
				long tenths = (long)(num * 10 + (num >= 0 ? 0.5 : -0.5));
				char adj[32], *q = adj;
				*q++ = ')';
				if (tenths < 0)
					*q++ = '-';
				q = pdf_put_uint(q, (uint64_t)labs(tenths) / 10);
				if (tenths % 10 != 0) {
					*q++ = '.';
					*q++ = (char)('0' + labs(tenths) % 10);
				}
				*q++ = '(';
				buf_add(tj, adj, (size_t)(q - adj));
				pen -= (double)tenths / 10.0 * size / 1000.0;
			}
		}
		uint32_t cid = g[k].cid;
		if (cid == 0)
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
		buf_add(tj, b2, (size_t)(q - b2));
		pen += g[k].pw + tc;
	}
	buf_puts(tj, ")] TJ\n");
	if (rise != 0)
		put_rise(tj, &rise, 0);
}

/*
 * One group: the glyphs' desired positions (group_glyphs), Tc, the text
 * state, the placing (matrix or Td) and the TJ array.  The TJ
 * adjustments are computed against the positions and Tc chosen above
 * them, so rounding never accumulates.
 */
static void
emit_group(struct pdf_writer *w, HPDF_Page page, const struct area *first, const struct area *end)
{
	struct pdf_face *p = pdf_face_of(w, first->face);
	mpt size = first->size;
	size_t n;
	struct glyph_pos *g = NULL;

	if (p->font == NULL)
		return;
	n = group_glyphs(p, first, end, &g);
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
		char op[64], *q = pdf_put_milli(op, (int64_t)x0 - w->lx);
		q = pdf_put_milli(q, (int64_t)y0 - w->ly);
		memcpy(q, "Td\n", 3);
		q += 3;
		pdf_haru_page_write(page, op, (size_t)(q - op));
	}
	w->italic = first->italic;
	w->placed = !first->has_matrix;   /* after a matrix, the next run sets its own */
	w->lx = x0;
	w->ly = y0;

	struct buf tj = {0};
	put_tj(&tj, g, n, x0, size, tc);
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

/* The page's text state, unknown at the start of a text object (and
 * the fill colour after the graphics): the first run sets it. */
static void
text_reset(struct pdf_writer *w)
{
	w->tc = 0;
	w->font = NULL;
	w->size = 0;
	w->fill = 0xFFFFFFFFu;
	w->stroke = 0xFFFFFFFFu;
	w->bold = 0;
	w->italic = 0;
	w->placed = 0;
}

void
pdf_draw_text(struct pdf_writer *w, HPDF_Page page, const struct area *top)
{
	text_reset(w);
	HPDF_Page_BeginText(page);
	draw_text(w, page, top);
	HPDF_Page_EndText(page);
}

void
pdf_draw_run(struct pdf_writer *w, HPDF_Page page, mpt ph, const struct area *r)
{
	w->ph = pt(ph);
	w->phm = ph;
	text_reset(w);
	HPDF_Page_BeginText(page);
	if (r->kind == AREA_RUN && r->face && r->len > 0 && !r->hidden)
		emit_group(w, page, r, r->next);
	HPDF_Page_EndText(page);
}
