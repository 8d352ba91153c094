/*
 * pdf_page — a page drawn: its backgrounds, borders, rules and text
 * decorations, then its graphics (pdf_graphics.c) and its text
 * (pdf_text.c), and the operator syntax they share.
 *
 *   pass 0  every background, before any border (a shaded cell never
 *           paints over the border it shares with the cell before it)
 *   pass 1  borders, rules, decorations, paths, images, clips, in tree
 *           order
 *   pass 2  all text of the page in one text object (pdf_text.c)
 *
 * Rectangles are written to the page stream directly (pdf_haru.h): they
 * are most of a table's drawing, and libharu's operator calls cost more
 * than the bytes.
 */
#include <stdio.h>
#include <string.h>

#include <hpdf.h>

#include "pdf_int.h"
#include "../area/area.h"

static float
pt(mpt x)
{
	return (float)x / 1000.0f;
}

void
pdf_rgb_fill(HPDF_Page page, uint32_t c)
{
	HPDF_Page_SetRGBFill(page, ((c >> 16) & 255) / 255.0f, ((c >> 8) & 255) / 255.0f, (c & 255) / 255.0f);
}

void
pdf_rgb_stroke(HPDF_Page page, uint32_t c)
{
	HPDF_Page_SetRGBStroke(page, ((c >> 16) & 255) / 255.0f, ((c >> 8) & 255) / 255.0f, (c & 255) / 255.0f);
}

/* The decimal digits of v ≥ 0. */
char *
pdf_put_uint(char *p, uint64_t v)
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
char *
pdf_put_milli(char *p, int64_t v)
{
	if (v < 0) {
		*p++ = '-';
		v = -v;
	}
	p = pdf_put_uint(p, (uint64_t)(v / 1000));
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
			p = pdf_put_milli(p, (int64_t)((color >> k) & 255) * 1000 / 255);
		memcpy(p, "rg ", 3);
		p += 3;
		w->fill = color;
	}
	p = pdf_put_milli(p, x);
	p = pdf_put_milli(p, (int64_t)w->phm - y - h);
	p = pdf_put_milli(p, wd);
	p = pdf_put_milli(p, h);
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
	pdf_rgb_stroke(page, b->color);
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

/* Pass 1: borders, rules and decorations, graphics, in tree order. */
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
	pdf_draw_text(w, page, top);
}
