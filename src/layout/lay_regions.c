/*
 * layout — a simple-page-master read into the rectangles of its regions on
 * the page: page size and margins, the five regions with their extents and
 * precedence, the region-body's columns (XSL 1.1 §6.4.12–19).
 */
#include <stdio.h>
#include <string.h>

#include "../base/limits.h"
#include "lay_int.h"

static mpt
len_or(struct fo_len l, mpt ref, mpt dflt)
{
	return l.is_auto ? dflt : fo_len_resolve(l, ref);
}

/* The regions of simple-page-master spm inside its margins (millipoints);
 * returns whether it has a region-body. */
static int
read_regions(const struct fo_node *spm, struct master *m, mpt ml, mpt mt, mpt mr, mpt mb)
{
	mpt cx = ml, cy = mt, cw = m->pw - ml - mr, ch = m->ph - mt - mb;
	int body = 0;
	for (const struct fo_node *r = spm->first; r; r = r->next) {
		const struct fo_style *rs = r->style;
		struct region *g = NULL;
		const char *dflt = NULL;
		switch (r->type) {
		case FO_REGION_BODY:
			g = &m->body;
			dflt = "xsl-region-body";
			body = 1;
			g->x = cx + fo_len_resolve(rs->margin[SIDE_START], cw);
			g->y = cy + fo_len_resolve(rs->margin[SIDE_BEFORE], ch);
			g->w = cw - fo_len_resolve(rs->margin[SIDE_START], cw) - fo_len_resolve(rs->margin[SIDE_END], cw);
			g->h = ch - fo_len_resolve(rs->margin[SIDE_BEFORE], ch) - fo_len_resolve(rs->margin[SIDE_AFTER], ch);
			break;
		case FO_REGION_BEFORE:
			g = &m->before;
			m->has_before = 1;
			dflt = "xsl-region-before";
			*g = (struct region){ NULL, cx, cy, cw, rs->extent, r };
			break;
		case FO_REGION_AFTER:
			g = &m->after;
			m->has_after = 1;
			dflt = "xsl-region-after";
			*g = (struct region){ NULL, cx, cy + ch - rs->extent, cw, rs->extent, r };
			break;
		case FO_REGION_START:
			g = &m->start;
			m->has_start = 1;
			dflt = "xsl-region-start";
			*g = (struct region){ NULL, cx, cy, rs->extent, ch, r };
			break;
		case FO_REGION_END:
			g = &m->end;
			m->has_end = 1;
			dflt = "xsl-region-end";
			*g = (struct region){ NULL, cx + cw - rs->extent, cy, rs->extent, ch, r };
			break;
		default:
			break;
		}
		if (g) {
			const char *nm = r->name;
			g->name = nm ? nm : dflt;
			g->fo = r;
		}
	}
	return body;
}

/* XSL 1.1 §6.4.14: a before or after region without precedence stops at
 * the start and end regions; one with precedence shortens them. */
static void
region_precedence(struct master *m)
{
	const struct region *side[2] = { &m->before, &m->after };
	const int has_side[2] = { m->has_before, m->has_after };
	for (int k = 0; k < 2; k++) {
		if (!has_side[k])
			continue;
		struct region *g = k ? &m->after : &m->before;
		if (side[k]->fo->style->precedence) {
			for (int e = 0; e < 2; e++) {
				struct region *o = e ? &m->end : &m->start;
				if (!(e ? m->has_end : m->has_start))
					continue;
				o->h -= g->h;
				if (k == 0)
					o->y += g->h;
			}
		} else {
			if (m->has_start) {
				g->x += m->start.w;
				g->w -= m->start.w;
			}
			if (m->has_end)
				g->w -= m->end.w;
		}
		if (g->w < 0)
			g->w = 0;
	}
	if (m->has_start && m->start.h < 0)
		m->start.h = 0;
	if (m->has_end && m->end.h < 0)
		m->end.h = 0;
}

/* column-count and column-gap of the region-body (XSL 1.1 §7.27.3, §7.27.4);
 * columns narrower than 10pt are refused with a warning: one column. */
static void
read_columns(struct lay *L, const struct fo_node *spm, struct master *m)
{
	const struct fo_node *rb = m->body.fo;
	m->ncol = 1;
	m->gap = 0;
	m->colw = m->body.w;
	if (rb == NULL || rb->style->column_count <= 1)
		return;
	int n = (int)rb->style->column_count;
	int64_t gap = rb->style->column_gap;
	int64_t w = ((int64_t)m->body.w - (int64_t)(n - 1) * gap) / n;
	if (w < 10000) {
		char key[64];
		snprintf(key, sizeof key, "columns:%d", spm->line);
		diag_once(L->d, key, DIAG_WARNING, L->fo->file, rb->line, 0,
		    "column-count=\"%d\" with column-gap %.1fpt leaves columns narrower than 10pt "
		    "in the region-body of \"%s\"; it is laid out as one column",
		    n, gap / 1000.0, m->name ? m->name : "");
		return;
	}
	m->ncol = n;
	m->gap = (mpt)gap;
	m->colw = (mpt)w;
}

int
lay_read_master(struct lay *L, const struct fo_node *spm, struct master *m)
{
	const struct fo_style *s = spm->style;
	memset(m, 0, sizeof *m);
	m->name = spm->name;
	m->pw = len_or(s->width, PT(595.276), 595276);
	m->ph = len_or(s->height, PT(841.89), 841890);
	if (m->pw < LIMIT_PAGE_MIN || m->ph < LIMIT_PAGE_MIN || m->pw > LIMIT_PAGE_MAX || m->ph > LIMIT_PAGE_MAX) {
		diag_report(L->d, DIAG_WARNING, L->fo->file, spm->line, 0,
		    "page size %.1fpt × %.1fpt is out of range; A4 is used", m->pw / 1000.0, m->ph / 1000.0);
		m->pw = 595276;
		m->ph = 841890;
	}
	mpt mt = fo_len_resolve(s->margin[SIDE_BEFORE], m->ph), mb = fo_len_resolve(s->margin[SIDE_AFTER], m->ph);
	mpt ml = fo_len_resolve(s->margin[SIDE_START], m->pw), mr = fo_len_resolve(s->margin[SIDE_END], m->pw);
	int body = read_regions(spm, m, ml, mt, mr, mb);
	region_precedence(m);
	if (body)
		read_columns(L, spm, m);
	if (!body) {
		diag_report(L->d, DIAG_ERROR, L->fo->file, spm->line, 0,
		    "fo:simple-page-master \"%s\" has no fo:region-body", m->name ? m->name : "");
		return -1;
	}
	if (m->body.w < 10000 || m->body.h < 10000) {
		diag_report(L->d, DIAG_ERROR, L->fo->file, spm->line, 0,
		    "the region-body of \"%s\" is smaller than 10pt; the margins leave no room",
		    m->name ? m->name : "");
		return -1;
	}
	return 0;
}
