/*
 * layout — page masters and pagination.  A flow becomes one vertical list
 * (lay_block.c); pages are filled greedily and broken at the last place
 * where a break is allowed (keeps, widows and orphans); when there is none,
 * at the last place where one is possible at all, with keeps given up.
 * Something taller than a page is placed anyway, with a warning, so that
 * layout always ends.  This file: page masters and their regions, what is
 * noted as content lands on a page (ids, links, change bars), static
 * content (deferred to the end of the pass) and the loop over the pages of
 * one page-sequence, with the bands of columns and span="all" blocks of a
 * multi-column body.  Footnotes are lay_notes.c's, citations patched in
 * place lay_cite.c's, the passes over the document lay_pass.c's.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../base/limits.h"
#include "lay_int.h"

struct region {
	const char *name;
	mpt x, y, w, h;          /* on the page */
	const struct fo_node *fo;
};

struct master {
	const char   *name;
	mpt           pw, ph;
	struct region body, before, after, start, end;
	int           has_before, has_after, has_start, has_end;
	int           ncol;       /* columns of the region-body */
	mpt           gap, colw;  /* column-gap, the width of one column */
};

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

static int
read_master(struct lay *L, const struct fo_node *spm, struct master *m)
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


/* ---------------------------------------------------------------- placing */

/* An id lands on page pg: for citations, and as a destination. */
void
lay_record_id(struct lay *L, struct area_page *pg, const char *pagenum, const char *id, mpt x,
    mpt y)
{
	if (id == NULL || pg == NULL)
		return;
	if (idmap_set(L->ids, id, pagenum ? pagenum : "", pg->index)) {
		struct area_dest *d = arena_alloc(L->at->arena, sizeof *d);
		d->id = id;
		d->page = pg->index;
		d->x = x;
		d->y = y;
		d->next = L->at->dests;
		L->at->dests = d;
	}
}

/* The clickable rectangles of a placed line's linked runs. */
void
lay_page_links(struct lay *L, struct area_page *pg, const struct area *line)
{
	struct area_link **tail = &pg->links;
	while (*tail)
		tail = &(*tail)->next;
	struct area_link *last = NULL;
	for (const struct area *r = line->first; r; r = r->next) {
		if (r->kind != AREA_RUN || r->hidden || (r->link_dest == NULL && r->link_uri == NULL))
			continue;
		if (last && last->dest == r->link_dest && last->uri == r->link_uri &&
		    r->x <= last->x + last->w + r->size) {
			last->w = r->x + r->w - last->x;   /* continues the same link */
			continue;
		}
		struct area_link *k = arena_alloc(L->at->arena, sizeof *k);
		k->x = r->x;
		k->y = line->y;
		k->w = r->w;
		k->h = line->h;
		k->dest = r->link_dest;
		k->uri = r->link_uri;
		*tail = k;
		tail = &k->next;
		last = k;
	}
}

/*
 * The bar beside a line inside a change bar (XSL 1.1 §7.7): a rule at
 * change-bar-offset outside the start (or end) edge of the column, as tall
 * as the line, so that the bars of consecutive lines join.
 */
static void
change_bar(struct fill *f, const struct fo_node *cb, struct area *line)
{
	struct lay *L = f->L;
	const struct fo_style *cs = cb->style;
	if (cs->cbar_style == BORDER_NONE)
		return;   /* the initial style is none: nothing is drawn */
	uint8_t st = cs->cbar_style;
	mpt off = cs->cbar_offset, w = cs->cbar_width;
	uint32_t col = cs->cbar_color == COLOR_NONE ? cs->color : cs->cbar_color;
	int end = cs->cbar_end;
	struct area *r = area_new(L->at, AREA_RULE, line);
	r->name = "change-bar";
	r->x = end ? f->rx + f->refw + off : f->rx - off - w;
	r->y = line->y;
	r->w = w;
	r->h = line->h;
	r->thickness = line->h;
	r->style = st;
	r->color = col;
}

void
lay_page_id(struct fill *f, const char *id, mpt x, mpt y)
{
	if (id && f->page)
		lay_record_id(f->L, f->page, f->pagenum, id, x, y);
}

/* The ids of the areas under a (made from FOs with one) where they stand,
 * and the link rectangles of its lines, unless turned (rotated runs). */
static void
box_areas(struct fill *f, const struct area *a, int turned)
{
	for (const struct area *c = a->first; c; c = c->next) {
		const struct fo_node *n = c->fo;
		if (n && n->id && c->kind != AREA_RUN)
			lay_record_id(f->L, f->page, f->pagenum, n->id, c->x, c->y);
		if (c->kind == AREA_LINE && !turned)
			lay_page_links(f->L, f->page, c);
		if (c->kind != AREA_RUN)
			box_areas(f, c, turned || (n && n->style && n->style->ref_orient != 0));
	}
}

/* The ids of n's descendants no area names (inlines), at (x, y). */
static void
box_fos(struct fill *f, const struct fo_node *n, mpt x, mpt y)
{
	for (const struct fo_node *c = n->first; c; c = c->next) {
		if (c->type == FO_MARKER)
			continue;   /* not content where it stands (§6.13.5) */
		if (c->id)
			lay_record_id(f->L, f->page, f->pagenum, c->id, x, y);
		if (lay_index_anchor(c))
			lay_index_at(f->L, f->page, f->pagenum, c, x, y);
		box_fos(f, c, x, y);
	}
}

void
lay_page_box(struct fill *f, const struct area *box, const struct fo_node *n)
{
	if (f->page == NULL)
		return;
	lay_record_id(f->L, f->page, f->pagenum, n->id, box->x, box->y);
	if (lay_index_anchor(n))
		lay_index_at(f->L, f->page, f->pagenum, n, box->x, box->y);
	box_areas(f, box, n->style->ref_orient != 0);
	box_fos(f, n, box->x, box->y);
}

void
lay_page_placed(struct fill *f, const struct vitem *v, const struct area *a)
{
	struct lay *L = f->L;
	struct area_page *pg = f->page;
	if (pg == NULL)
		return;
	lay_index_placed(f, v, a);
	switch ((enum vkind)v->kind) {
	case V_OPEN:
		lay_record_id(L, pg, f->pagenum, v->blk->fo->id, a->x, a->y);
		if (f->flow)
			lay_mark(L, v->blk->fo, MARK_START);
		break;
	case V_CLOSE:
		if (f->flow)
			lay_mark(L, v->blk->fo, MARK_END);
		if (v->blk->fo->id)
			idmap_set(L->ids, v->blk->fo->id, f->pagenum ? f->pagenum : "", pg->index);
		break;
	case V_LINE:
		for (int i = 0; i < v->nids; i++)
			lay_record_id(L, pg, f->pagenum, v->ids[i], a->x, a->y);
		lay_page_links(L, pg, a);
		if (v->cbar)
			change_bar(f, v->cbar, (struct area *)a);
		break;
	case V_SPACE: case V_BREAK: case V_ROW: case V_BOX:
		break;
	}
}

static struct area *
new_region(struct lay *L, struct area *root, const struct region *g)
{
	struct area *a = area_new(L->at, AREA_REGION, root);
	a->x = g->x;
	a->y = g->y;
	a->w = g->w;
	a->h = g->h;
	a->name = g->name;
	a->background = g->fo ? g->fo->style->background : 0xFFFFFFFFu;
	a->fo = g->fo;   /* its background image (lay_background.c) */
	return a;
}

static void
static_content(struct lay *L, const struct fo_node *seq, struct area_page *pg,
    const struct region *g, const char *num)
{
	struct area *root = pg->root;
	for (const struct fo_node *sc = seq->first; sc; sc = sc->next) {
		if (sc->type != FO_STATIC_CONTENT)
			continue;
		const char *fn = sc->name;
		if (fn == NULL || strcmp(fn, g->name) != 0)
			continue;
		struct lblock ctx;
		memset(&ctx, 0, sizeof ctx);
		ctx.w = g->w;
		struct vlist vl;
		memset(&vl, 0, sizeof vl);
		L->pagenum = num;
		lay_blocks(L, sc, &ctx, &vl);
		L->pagenum = NULL;
		struct fill f;
		lay_fill_init(&f, L, &vl, 0);
		f.page = pg;
		f.pagenum = num;
		mpt y = lay_fill_all(&f, new_region(L, root, g), g->x, g->y, g->w, g->h);
		if (y > g->h)
			diag_once(L->d, g->name, DIAG_WARNING, L->fo->file, sc->line, 0,
			    "static content for %s is taller than its region (%.1fpt > %.1fpt)",
			    g->name, y / 1000.0, g->h / 1000.0);
		vlist_free(&vl);
	}
}

/*
 * Whether all that is left of the flow, with its footnotes, fits a body of
 * height h: then the page about to be made is the sequence's last.
 */
static int
rest_fits(struct lay *L, const struct fill *f, const struct lay_notes *nt, mpt h, mpt width)
{
	struct fill probe = *f;
	probe.y = lay_fill_top(&probe);
	probe.placed = 0;
	probe.content = 0;
	struct cut c;
	lay_fill_cut(&probe, h, 0, &c);
	if (c.end < f->vl->n || c.split || c.h > h)
		return 0;
	mpt notes = lay_notes_height(L, f->vl, f->i, c.end, width);
	if (lay_notes_pending(nt)) {
		struct cut cn;
		lay_notes_cut(nt, LAY_INF, 0, &cn);
		notes += cn.h;
	}
	if (notes > 0)
		notes += nt->sep_h;
	return c.h + notes <= h;
}

/*
 * The regions of master m on page pg wait until every flow of the pass is
 * laid out: static content does not move the flow, and by then its
 * page-number citations ("共 N 页") read this pass's page numbers, so a
 * document whose only citations are in its headers and footers is laid out
 * once.  Markers are retrieved for pg as they were placed.
 */
struct lay_deferred {
	struct area_page     *pg;
	const struct fo_node *seq;
	struct master         m;
	int                   mark_seq;
	mpt                   page_w, page_h, body_h;
};

static void
page_regions(struct lay *L, const struct fo_node *seq, struct area_page *pg, const struct master *m)
{
	if (L->ndeferred == L->capdeferred) {
		L->capdeferred = L->capdeferred ? L->capdeferred * 2 : 64;
		L->deferred = xrealloc(L->deferred, L->capdeferred * sizeof *L->deferred);
	}
	L->deferred[L->ndeferred++] = (struct lay_deferred){ pg, seq, *m, L->mark_seq,
		L->page_w, L->page_h, L->body_h };
}

void
lay_page_deferred(struct lay *L)
{
	for (size_t i = 0; i < L->ndeferred; i++) {
		const struct lay_deferred *e = &L->deferred[i];
		const struct master *m = &e->m;
		L->mark_page = e->pg->index;
		L->mark_seq = e->mark_seq;
		L->page_w = e->page_w;
		L->page_h = e->page_h;
		L->body_h = e->body_h;
		if (m->has_before)
			static_content(L, e->seq, e->pg, &m->before, e->pg->label);
		if (m->has_after)
			static_content(L, e->seq, e->pg, &m->after, e->pg->label);
		if (m->has_start)
			static_content(L, e->seq, e->pg, &m->start, e->pg->label);
		if (m->has_end)
			static_content(L, e->seq, e->pg, &m->end, e->pg->label);
	}
	L->ndeferred = 0;
}

static struct area_page *
new_page(struct lay *L, const struct fo_node *seq, const struct master *m, int number, int first)
{
	struct area_page *pg = area_page_add(L->at, m->pw, m->ph);
	struct buf b = {0};
	pg->number = number;
	lay_page_label(number, seq, &b);
	pg->label = arena_strdup(L->at->arena, b.p ? b.p : "");
	buf_free(&b);
	pg->label_style = lay_label_style(seq);
	pg->seq_first = (uint8_t)first;
	pg->root = area_new(L->at, AREA_REGION, NULL);
	return pg;
}

/*
 * XSL 1.1 §7.27.6 force-page-count: would a page be added after a last
 * page numbered last?  even/odd count the sequence's pages (from
 * first_number), end-on-* read the last page's number.
 */
static int
fpc_filler(const struct fo_node *seq, int last, int first_number)
{
	uint8_t fpc = seq->style->force_page_count;
	int count = last - first_number + 1;
	return (fpc == FPC_EVEN && count % 2 != 0) || (fpc == FPC_ODD && count % 2 == 0) ||
	    (fpc == FPC_END_ON_EVEN && last % 2 != 0) || (fpc == FPC_END_ON_ODD && last % 2 == 0);
}

/* A page with nothing from the flow: force-page-count (the sequence's
 * last page: last), odd/even breaks. */
static void
blank_page(struct lay *L, const struct fo_node *seq, struct lay_masterstate *ms, int *page_number,
    int first, int last)
{
	struct lay_pagepos pp = { first, last, 1, *page_number };
	const struct fo_node *spm = lay_choose_master(L, seq, ms, &pp, 1);
	struct master m;
	if (spm == NULL || read_master(L, spm, &m) < 0)
		return;
	struct area_page *pg = new_page(L, seq, &m, *page_number, first);
	new_region(L, pg->root, &m.body);
	page_regions(L, seq, pg, &m);
	(*page_number)++;
}

/*
 * A break-after with nothing after it in the flow but the ends of blocks
 * and spaces starts no page (FOP does the same; DocBook's title pages end
 * so); a break-before there still does, as in FOP.
 */
static void
drop_trailing_breaks(struct vlist *vl)
{
	for (size_t i = vl->n; i-- > 0;) {
		struct vitem *v = &vl->v[i];
		if (v->kind == V_BREAK) {
			if (v->brk_after) {
				v->kind = V_SPACE;
				v->h = 0;
				v->retain = 0;
			}
			continue;
		}
		if (v->kind == V_SPACE || (v->kind == V_CLOSE && v->h == 0) || (v->kind == V_OPEN &&
		    v->h == 0 && !(v->blk && v->blk->fo && v->blk->fo->id)))
			continue;
		return;
	}
}

/* XSL 1.1 §7.27.7 initial-page-number: a number, auto, auto-odd, auto-even.
 * Sets *page_number; returns 1 when a blank page must keep the parity. */
static int
start_number(struct lay *L, const struct fo_node *seq, int *page_number)
{
	uint8_t ipn = seq->style->ipn_kind;
	int need_blank = 0;
	if (ipn == IPN_AUTO_ODD || ipn == IPN_AUTO_EVEN) {
		int odd = ipn == IPN_AUTO_ODD;
		if ((*page_number % 2 != 0) != odd)
			need_blank = L->at->npages > 0;   /* a blank page keeps the parity */
		if (!need_blank && (*page_number % 2 != 0) != odd)
			(*page_number)++;
	} else if (ipn == IPN_NUMBER) {
		*page_number = seq->style->ipn;
	}
	return need_blank;
}

/* The sequence's fo:flow (the last), or NULL; it flows into m's region-body. */
static const struct fo_node *
seq_flow(struct lay *L, const struct fo_node *seq, const struct master *m)
{
	const struct fo_node *flow = NULL;
	for (const struct fo_node *c = seq->first; c; c = c->next)
		if (c->type == FO_FLOW) {
			const char *fn = c->name;
			if (fn && strcmp(fn, m->body.name) != 0)
				diag_report(L->d, DIAG_WARNING, L->fo->file, c->line, 0,
				    "flow-name \"%s\" does not name the region-body (\"%s\"); it flows there anyway",
				    fn, m->body.name);
			flow = c;
		}
	return flow;
}

/*
 * Fill page pg's body from f: the last allowed break that fits
 * (lay_fill.c), leaving room for the footnotes carried from the page
 * before and those cited here, which are placed at its foot.  ml: the
 * master a last page would take (page-position="last"), or NULL.
 */
static void
fill_body(struct lay *L, struct fill *f, struct lay_notes *nt, struct lay_floats *fl,
    const struct master *m, const struct master *ml, mpt width, struct area_page *pg, mpt top,
    struct cut *c)
{
	struct area *body_area = new_region(L, pg->root, &m->body);
	/* the before-floats chosen for the page take its top */
	lay_floats_place(L, fl, body_area, m->body.x, m->body.y, m->body.w, pg);
	const mpt by = m->body.y + top, bh = m->body.h - top;
	if (bh <= 0) {
		/* a float as tall as the page: the flow goes on below it on the next */
		memset(c, 0, sizeof *c);
		c->end = f->i;
		return;
	}
	lay_fill_begin(f, body_area, m->body.x, by, m->body.w, bh);
	for (int k = 0; k < f->depth; k++)
		if (f->stack[k].b && f->stack[k].b->fo)
			lay_mark(L, f->stack[k].b->fo, MARK_CARRY);
	/* footnotes continued from the page before take up to half of
	 * this one; those cited here come after them (XSL 1.1 §6.10.3) */
	mpt carried = 0;
	if (lay_notes_pending(nt)) {
		struct cut cn;
		lay_notes_cut(nt, bh / 2 - nt->sep_h, 0, &cn);
		carried = cn.h + nt->sep_h;
	}
	lay_fill_cut(f, bh - carried, 0, c);
	/* all that is left fits here but not in the last master's body:
	 * the last lines go to a last page of that master */
	if (ml && c->end >= f->vl->n && !c->split && ml->body.w == width &&
	    (ml->body.h != m->body.h || ml->body.y != m->body.y) && top == 0) {
		struct cut c3;
		lay_fill_cut(f, c->h - 1, 0, &c3);
		if (c3.end > f->i && c3.end < f->vl->n)
			*c = c3;
	}
	size_t from = f->i;
	mpt fh = lay_notes_height(L, f->vl, from, c->end, m->body.w);
	if (fh > 0) {
		/* cut again in what the new footnotes leave, keeping half the
		 * page for the flow; what of them does not fit continues */
		fh += carried ? carried : nt->sep_h;
		struct cut c2;
		lay_fill_cut(f, bh - fh > bh / 2 ? bh - fh : bh / 2, 0, &c2);
		if (c2.end > from)
			*c = c2;
		lay_notes_add(L, nt, f->vl, from, c->end, m->body.w);
	}
	lay_fill_place(f, c);
	/* a row split here: the footnotes of its part on this page */
	if (c->split && c->end < f->vl->n && f->vl->v[c->end].kind == V_ROW)
		lay_notes_row_add(L, nt, f->vl->v[c->end].row, m->body.w, 0);
	lay_fill_end(f);
	lay_notes_place(L, nt, body_area, &(struct lay_rect){ m->body.x, by, m->body.w, bh }, f->y, pg);
}

/* The end of the band that starts at item i: the items up to where the
 * span="all" marking changes. */
static size_t
band_end(const struct vlist *vl, size_t i)
{
	size_t k = i;
	while (k < vl->n && vl->v[k].span == vl->v[i].span)
		k++;
	return k;
}

/* Footnotes' room on a page: those carried and those cited so far, and
 * the separator once. */
static mpt
notes_room(const struct lay_notes *nt, mpt carried, mpt cited)
{
	return carried + cited + (carried == 0 && cited > 0 ? nt->sep_h : 0);
}

/*
 * One band of columns: the items up to f->band_end poured into the
 * columns of m's body from y0 down, at most h tall.  When they all fit,
 * the columns are balanced: the least height that takes them all with no
 * row split (XSL 1.1 §6.4.14, as FOP does before a span and at the end of
 * the flow).  Footnotes cited in the band shorten it.  Returns the height
 * the band takes; f->i is where it stopped.
 */
static mpt
column_band(struct lay *L, struct fill *f, struct lay_notes *nt, const struct master *m,
    struct area *body_area, mpt y0, mpt h, mpt *cited, mpt carried, int *first, uint8_t *split)
{
	const struct vlist *vl = f->vl;
	size_t from = f->i;
	int over;
	/* the footnotes of what the columns would take leave less room */
	for (int round = 0; round < 3; round++) {
		size_t e = lay_fill_probe_cols(f, m->ncol, h, &over);
		mpt fh = lay_notes_height(L, vl, from, e, m->body.w);
		mpt room = notes_room(nt, carried, *cited + fh) - notes_room(nt, carried, *cited);
		if (room == 0)
			break;
		mpt h2 = m->body.h - y0 - notes_room(nt, carried, *cited + fh);
		if (h2 >= h || h2 < (m->body.h - y0) / 2)
			break;
		h = h2;
	}
	/* all of the band fits: balance */
	size_t lim = f->band_end;
	size_t e = lay_fill_probe_cols(f, m->ncol, h, &over);
	int balanced = e >= lim && !over;
	if (balanced) {
		mpt lo = 0, hi = h;
		while (hi - lo > 100) {
			mpt mid = lo + (hi - lo) / 2;
			if (lay_fill_probe_cols(f, m->ncol, mid, &over) >= lim && !over)
				hi = mid;
			else
				lo = mid;
		}
		h = hi;
		f->nosplit = 1;
	}
	mpt used = 0;
	for (int col = 0; col < m->ncol && f->i < lim; col++) {
		struct cut c;
		mpt x = m->body.x + (mpt)(((int64_t)m->colw + m->gap) * col);
		size_t at = f->i;
		lay_fill_begin(f, body_area, x, m->body.y + y0, m->colw, h);
		if (*first) {
			for (int k = 0; k < f->depth; k++)
				if (f->stack[k].b && f->stack[k].b->fo)
					lay_mark(L, f->stack[k].b->fo, MARK_CARRY);
			*first = 0;
		}
		lay_fill_cut(f, h, 0, &c);
		lay_fill_place(f, &c);
		*split = c.split;
		if (c.split && c.end < vl->n && vl->v[c.end].kind == V_ROW)
			lay_notes_row_add(L, nt, vl->v[c.end].row, m->body.w, 0);
		lay_fill_end(f);
		if (f->y > used)
			used = f->y;
		mpt fh = lay_notes_height(L, vl, at, c.end, m->body.w);
		if (fh > 0) {
			*cited += fh;
			lay_notes_add(L, nt, vl, at, c.end, m->body.w);
		}
		if (f->i == at && !c.split)
			break;
		/* a column break moves on to the next column; another ends the page */
		int other = 0;
		while (f->i < lim && vl->v[f->i].kind == V_BREAK && !other) {
			if (vl->v[f->i].brk_kind == BREAK_COLUMN)
				f->i++;
			else
				other = 1;
		}
		if (other)
			break;
	}
	f->nosplit = 0;
	return used;
}

/*
 * Fill page pg's multi-column body from f: bands of columns and of
 * span="all" blocks one below the other, until the page is full or a
 * page break comes; footnotes across the body at its foot.
 */
static void
fill_columns(struct lay *L, struct fill *f, struct lay_notes *nt, const struct master *m,
    struct area_page *pg, struct cut *c)
{
	const struct vlist *vl = f->vl;
	struct area *body_area = new_region(L, pg->root, &m->body);
	mpt carried = 0, cited = 0, y0 = 0;
	int first = 1;
	memset(c, 0, sizeof *c);
	if (lay_notes_pending(nt)) {
		struct cut cn;
		lay_notes_cut(nt, m->body.h / 2 - nt->sep_h, 0, &cn);
		carried = cn.h + nt->sep_h;
	}
	while (f->i < vl->n) {
		if (vl->v[f->i].kind == V_BREAK) {
			/* at the top of the page, or a column break where new
			 * columns begin: nothing to do */
			if ((first && y0 == 0) || vl->v[f->i].brk_kind == BREAK_COLUMN) {
				f->i++;
				continue;
			}
			break;        /* ends the page: lay_sequence reads it */
		}
		c->split = 0;
		mpt h = m->body.h - y0 - notes_room(nt, carried, cited);
		if (h <= 0 && !first)
			break;
		f->band_end = band_end(vl, f->i);
		size_t at = f->i;
		if (vl->v[f->i].span) {
			/* across the columns, as a page body of its own */
			struct cut cs;
			lay_fill_begin(f, body_area, m->body.x, m->body.y + y0, m->body.w, h);
			if (first) {
				for (int k = 0; k < f->depth; k++)
					if (f->stack[k].b && f->stack[k].b->fo)
						lay_mark(L, f->stack[k].b->fo, MARK_CARRY);
				first = 0;
			}
			lay_fill_cut(f, h, 0, &cs);
			mpt fh = lay_notes_height(L, vl, at, cs.end, m->body.w);
			if (fh > 0) {
				mpt h2 = m->body.h - y0 - notes_room(nt, carried, cited + fh);
				struct cut c2;
				lay_fill_cut(f, h2 > h / 2 ? h2 : h / 2, 0, &c2);
				if (c2.end > at)
					cs = c2;
				fh = lay_notes_height(L, vl, at, cs.end, m->body.w);
				cited += fh;
				lay_notes_add(L, nt, vl, at, cs.end, m->body.w);
			}
			lay_fill_place(f, &cs);
			if (cs.split && cs.end < vl->n && vl->v[cs.end].kind == V_ROW)
				lay_notes_row_add(L, nt, vl->v[cs.end].row, m->body.w, 0);
			lay_fill_end(f);
			y0 += f->y;
			c->split = cs.split;
		} else {
			y0 += column_band(L, f, nt, m, body_area, y0, h, &cited, carried, &first, &c->split);
		}
		if (f->i == at && !c->split)
			break;
		if (f->i < f->band_end)
			break;        /* the page is full, or a break ends it */
	}
	f->band_end = 0;
	f->y = y0;
	lay_notes_place(L, nt, body_area, &(struct lay_rect){ m->body.x, m->body.y, m->body.w, m->body.h },
	    y0, pg);
}

/*
 * The master of the next page into *m; NULL (reported) when none serves.
 * page-position="last": when what is left fits the body of the last
 * page's master, this page is the last and takes that master whole
 * (another width would need the text broken again); else *other_last says
 * whether a last page would take another master, *ml.
 */
static const struct fo_node *
page_master(struct lay *L, const struct fo_node *seq, struct lay_masterstate *ms, int first,
    int number, int first_number, const struct fill *f, const struct lay_notes *nt, mpt width,
    struct master *m, struct master *ml, int *other_last)
{
	struct lay_masterstate before_state = *ms;
	struct lay_pagepos pp = { first, 0, 0, number };
	const struct fo_node *spm = lay_choose_master(L, seq, ms, &pp, 1);
	if (spm == NULL || read_master(L, spm, m) < 0)
		return NULL;
	struct lay_pagepos pl = { first, 1, 0, number };
	struct lay_masterstate last_state = before_state;
	const struct fo_node *spl = lay_choose_master(L, seq, &last_state, &pl, 1);
	/* a page force-page-count adds after this one would be the last */
	*other_last = !fpc_filler(seq, number, first_number) && spl && spl != spm &&
	    read_master(L, spl, ml) == 0;
	if (*other_last && ml->body.w == width && rest_fits(L, f, nt, ml->body.h, width)) {
		spm = spl;
		*m = *ml;
		*ms = last_state;
		*other_last = 0;
	}
	return spm;
}

/* The filler page of force-page-count: the sequence's last page, so it
 * takes a page-position="last" master (blank or not), as in FOP. */
static void
force_page_count(struct lay *L, const struct fo_node *seq, struct lay_masterstate *ms,
    int *page_number, int first_number)
{
	if (fpc_filler(seq, *page_number - 1, first_number))
		blank_page(L, seq, ms, page_number, 0, 1);
}

/* The vertical list of flow (NULL: none) laid out to width, into *vl. */
static void
flow_list(struct lay *L, const struct fo_node *flow, mpt width, struct vlist *vl)
{
	struct lblock ctx;
	memset(&ctx, 0, sizeof ctx);
	ctx.w = width;
	memset(vl, 0, sizeof *vl);
	L->flow = flow;
	if (flow)
		lay_blocks(L, flow, &ctx, vl);
	L->flow = NULL;
	drop_trailing_breaks(vl);
}

/*
 * The vertical list of flow for pages of master m, into *vl: laid out to
 * its column width (span="all" children to the body's), its floats into
 * *fl.
 */
static void
sequence_list(struct lay *L, const struct fo_node *seq, const struct fo_node *flow,
    const struct master *m, struct lay_floats *fl, struct vlist *vl)
{
	/* absolutely positioned containers are laid out against these */
	L->page_w = m->pw;
	L->page_h = m->ph;
	L->body_h = m->body.h;
	L->span_w = m->ncol > 1 ? m->body.w : 0;
	lay_floats_init(L, fl, seq, vl, m->colw, m->ncol > 1);
	flow_list(L, flow, m->colw, vl);
	lay_floats_flow_done(L, fl, vl);
	L->floats = NULL;
	L->span_w = 0;
}

/* The widths a flow is laid out to for pages of master m: its columns',
 * and its span="all" children's in a body of several columns. */
static int
same_widths(const struct master *a, const struct master *b)
{
	return a->colw == b->colw && (a->ncol > 1 ? a->body.w : 0) == (b->ncol > 1 ? b->body.w : 0);
}

/* What a sequence's flow keeps across its pages. */
struct flow_state {
	const struct fo_node *cbar[LAY_CBAR_MAX];   /* change bars open where the flow starts */
	int                   ncbar;
	size_t                released;   /* items before it: their rows' memory is freed */
};

/*
 * The flow laid out again for master m, a page of other widths than the
 * pages before (XSL 1.1 §6.4.5: each page's region-body is its own
 * reference area); the fill goes on where it stood (lay_reflow.c), the
 * floats not placed yet laid out to the new width.  Not done (the text
 * keeps its width, with a warning) in the middle of a row split across
 * the pages, nor past LIMIT_REFLOWS times a sequence (each is a layout of
 * the whole flow).  Returns 1 when *vl, *fl and *f are the new ones.
 */
#define LIMIT_REFLOWS  32
static int
reflow(struct lay *L, const struct fo_node *seq, const struct fo_node *flow, const struct master *m,
    struct vlist *vl, struct lay_floats *fl, struct fill *f, struct flow_state *fs)
{
	if (f->i >= vl->n)
		return 0;
	lay_reflow_from(L, vl, f->i);
	/* the layout starts where the flow starts: change bars as they were */
	memcpy(L->cbar, fs->cbar, sizeof L->cbar);
	L->ncbar = fs->ncbar;
	struct vlist nv;
	struct lay_floats nfl;
	sequence_list(L, seq, flow, m, &nfl, &nv);
	L->resume_block = L->resume_first = NULL;
	L->resume_at = 0;
	size_t j;
	if (nfl.n != fl->n || !lay_reflow_match(vl, f->i, &nv, &j)) {
		lay_floats_free(L, &nfl);
		vlist_free(&nv);
		return 0;
	}
	/* the rows of the old list not placed will not be */
	for (size_t k = fs->released; k < vl->n; k++)
		if (vl->v[k].kind == V_ROW)
			lay_row_release(L, vl->v[k].row);
	fs->released = 0;
	nfl.next = nfl.plan = fl->next;
	lay_floats_free(L, fl);
	*fl = nfl;
	struct fill nf;
	lay_fill_init(&nf, L, vl, 1);
	vlist_free(vl);
	*vl = nv;
	fl->flow = vl;
	lay_fill_seek(&nf, j);
	/* what the blocks open there noted when they began, on pages before */
	for (int d = 0; d < nf.depth && d < f->depth; d++)
		if (nf.stack[d].b && f->stack[d].b && nf.stack[d].b->fo == f->stack[d].b->fo)
			nf.stack[d].b->index_page = f->stack[d].b->index_page;
	*f = nf;
	return 1;
}

/* The loop over the pages of one page-sequence: a master for each, its body
 * filled, its regions deferred, blank pages for parity. */
int
lay_sequence(struct lay *L, const struct fo_node *seq, int *page_number)
{
	const char *mref = seq->ref;
	struct lay_masterstate ms = { 0, 0 };
	struct master m;

	if (lay_find_master(L->fo, mref, FO_SIMPLE_PAGE_MASTER) == NULL &&
	    lay_find_master(L->fo, mref, FO_PAGE_SEQUENCE_MASTER) == NULL) {
		diag_report(L->d, DIAG_ERROR, L->fo->file, seq->line, 0,
		    "master-reference \"%s\" names no fo:simple-page-master or fo:page-sequence-master",
		    mref ? mref : "");
		return -1;
	}
	L->mark_seq++;
	int need_blank = start_number(L, seq, page_number);
	int first_number = *page_number;
	if (need_blank)
		blank_page(L, seq, &ms, page_number, 1, 0);

	/* the first page's master sets the width the flow is laid out to */
	struct lay_masterstate probe = ms;
	struct lay_pagepos pp0 = { !need_blank, 0, 0, *page_number };
	const struct fo_node *spm0 = lay_choose_master(L, seq, &probe, &pp0, 1);
	if (spm0 == NULL || read_master(L, spm0, &m) < 0)
		return -1;
	mpt width = m.colw;

	const struct fo_node *flow = seq_flow(L, seq, &m);

	struct vlist vl;
	struct flow_state fs;
	int reflows = 0, split = 0;
	memcpy(fs.cbar, L->cbar, sizeof fs.cbar);
	fs.ncbar = L->ncbar;
	fs.released = 0;
	struct lay_floats fl;
	sequence_list(L, seq, flow, &m, &fl, &vl);
	struct master mw = m;   /* the widths the flow is laid out to */

	struct fill f;
	lay_fill_init(&f, L, &vl, 1);
	struct lay_notes nt;
	lay_notes_init(L, &nt, seq, m.body.w);
	int empty = 0, first = !need_blank;
	do {
		if (L->at->npages >= LIMIT_PAGES) {
			diag_report(L->d, DIAG_ERROR, L->fo->file, seq->line, 0,
			    "more than %d pages; the rest is not laid out", LIMIT_PAGES);
			break;
		}
		struct master ml;
		int other_last;
		const struct fo_node *spm = page_master(L, seq, &ms, first, *page_number, first_number, &f, &nt, width,
		    &m, &ml, &other_last);
		if (spm == NULL)
			break;
		if (!same_widths(&m, &mw) && !split && reflows < LIMIT_REFLOWS &&
		    reflow(L, seq, flow, &m, &vl, &fl, &f, &fs)) {
			mw = m;
			width = m.colw;
			reflows++;
		}
		if (!same_widths(&m, &mw))
			diag_once(L->d, "masterwidth", DIAG_WARNING, L->fo->file, spm->line, 0,
			    "page master \"%s\" has another region-body width than the page before, "
			    "where a table row or list item is broken across the pages (or after %d "
			    "changes of width); the text keeps the width it has",
			    m.name ? m.name : "", LIMIT_REFLOWS);
		struct area_page *pg = new_page(L, seq, &m, *page_number, first);
		L->mark_page = pg->index;
		lay_record_id(L, pg, pg->label, seq->id, m.body.x, m.body.y);
		f.pagenum = pg->label;
		f.page = pg;

		struct cut c;
		size_t before = f.i, notes_before = nt.f.i, floats_before = fl.next;
		/* before-floats: only in a body of one column (lay_floats_init) */
		mpt top = m.ncol > 1 ? 0 : lay_floats_plan(L, &fl, &f, m.body.h);
		if (m.ncol > 1)
			fill_columns(L, &f, &nt, &m, pg, &c);
		else
			fill_body(L, &f, &nt, &fl, &m, other_last ? &ml : NULL, width, pg, top, &c);
		if (top < m.body.h && f.y > m.body.h - top)
			diag_once(L->d, "tall", DIAG_WARNING, L->fo->file, seq->line, 0,
			    "content taller than the page body is placed anyway and overflows the page");
		/* skip the break item that ended the page; odd/even asks for parity */
		uint8_t brk = BREAK_AUTO;
		while (f.i < vl.n && vl.v[f.i].kind == V_BREAK)
			brk = vl.v[f.i++].brk_kind;
		split = c.split;
		empty = f.i == before && !c.split && nt.f.i == notes_before && fl.next == floats_before
		    ? empty + 1 : 0;
		if (empty > LIMIT_EMPTY_PAGES)
			break;
		/* the last page of the sequence may have a master of its own */
		int done = lay_fill_done(&f) && !lay_notes_pending(&nt) && !lay_floats_pending(&fl);
		if (done && other_last) {
			/* its regions: the rest fits no page of its body */
			if (ml.body.h != m.body.h || ml.body.y != m.body.y)
				diag_once(L->d, "lastbody", DIAG_WARNING, L->fo->file, seq->line, 0,
				    "what is left for the last page does not fit the region-body of master \"%s\" "
				    "(page-position=\"last\"); the page keeps the body of \"%s\" and takes its other regions",
				    ml.name ? ml.name : "", m.name ? m.name : "");
			m = ml;
		}
		page_regions(L, seq, pg, &m);
		/* rows wholly placed are not read again */
		for (; fs.released < f.i; fs.released++)
			if (vl.v[fs.released].kind == V_ROW)
				lay_row_release(L, vl.v[fs.released].row);
		lay_progress(L, LAY_PROGRESS_PAGES);
		(*page_number)++;
		first = 0;
		if (!done && ((brk == BREAK_ODD_PAGE && *page_number % 2 == 0) ||
		    (brk == BREAK_EVEN_PAGE && *page_number % 2 != 0)))
			blank_page(L, seq, &ms, page_number, 0, 0);
	} while (!lay_fill_done(&f) || lay_notes_pending(&nt) || lay_floats_pending(&fl));
	vlist_free(&vl);
	lay_floats_free(L, &fl);
	vlist_free(&nt.vl);

	force_page_count(L, seq, &ms, page_number, first_number);
	return 0;
}

