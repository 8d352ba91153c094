/*
 * layout — page masters and pagination.  A flow becomes one vertical list
 * (lay_block.c); pages are filled greedily and broken at the last place
 * where a break is allowed (keeps, widows and orphans); when there is none,
 * at the last place where one is possible at all, with keeps given up.
 * Something taller than a page is placed anyway, with a warning, so that
 * layout always ends.  This file: what is noted as content lands on a page
 * (ids, links, change bars), static content (deferred to the end of the
 * pass) and the loop over the pages of one page-sequence.  A master's
 * regions are read in lay_regions.c, a body of several columns filled in
 * lay_columns.c, footnotes are lay_notes.c's, citations patched in place
 * lay_cite.c's, the passes over the document lay_pass.c's.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../base/limits.h"
#include "lay_int.h"

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

struct area *
lay_page_region(struct lay *L, struct area *root, const struct region *g)
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

void
lay_page_carry(struct lay *L, const struct fill *f)
{
	for (int k = 0; k < f->depth; k++)
		if (f->stack[k].b && f->stack[k].b->fo)
			lay_mark(L, f->stack[k].b->fo, MARK_CARRY);
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
		mpt y = lay_fill_all(&f, lay_page_region(L, root, g), g->x, g->y, g->w, g->h);
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
	if (spm == NULL || lay_read_master(L, spm, &m) < 0)
		return;
	struct area_page *pg = new_page(L, seq, &m, *page_number, first);
	lay_page_region(L, pg->root, &m.body);
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
	struct area *body_area = lay_page_region(L, pg->root, &m->body);
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
	lay_page_carry(L, f);
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
	if (spm == NULL || lay_read_master(L, spm, m) < 0)
		return NULL;
	struct lay_pagepos pl = { first, 1, 0, number };
	struct lay_masterstate last_state = before_state;
	const struct fo_node *spl = lay_choose_master(L, seq, &last_state, &pl, 1);
	/* a page force-page-count adds after this one would be the last */
	*other_last = !fpc_filler(seq, number, first_number) && spl && spl != spm &&
	    lay_read_master(L, spl, ml) == 0;
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
	lay_floats_init(L, fl, seq, vl, m->ncol > 1 ? m->body.w : m->colw, m->ncol);
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

/* One page-sequence being paginated. */
struct seq_run {
	const struct fo_node  *seq, *flow;
	struct lay_masterstate ms;
	int                    first_number;
	struct vlist           vl;
	struct lay_floats      fl;
	struct fill            f;
	struct lay_notes       nt;
	struct flow_state      fs;
	struct master          mw;      /* the widths the flow is laid out to */
	int                    reflows;
	int                    split;   /* the page before ended in a split row */
	int                    empty;   /* pages in a row that placed nothing */
	int                    first;   /* the next page is the sequence's first */
};

/* Whether r has content, footnotes or floats left to place. */
static int
seq_pending(const struct seq_run *r)
{
	return !lay_fill_done(&r->f) || lay_notes_pending(&r->nt) || lay_floats_pending(&r->fl);
}

/* Master m, of the page about to be made, has other widths than the flow
 * is laid out to: the flow laid out again where it can be, else a
 * warning. */
static void
seq_widths(struct lay *L, struct seq_run *r, const struct master *m, const struct fo_node *spm)
{
	if (!same_widths(m, &r->mw) && !r->split && r->reflows < LIMIT_REFLOWS &&
	    reflow(L, r->seq, r->flow, m, &r->vl, &r->fl, &r->f, &r->fs)) {
		r->mw = *m;
		r->reflows++;
	}
	if (!same_widths(m, &r->mw))
		diag_once(L->d, "masterwidth", DIAG_WARNING, L->fo->file, spm->line, 0,
		    "page master \"%s\" has another region-body width than the page before, "
		    "where a table row or list item is broken across the pages (or after %d "
		    "changes of width); the text keeps the width it has",
		    m->name ? m->name : "", LIMIT_REFLOWS);
}

/*
 * Make the next page of r, numbered *page_number (advanced), and the blank
 * page a break to an odd or even page asks for.  Returns 0 to go on, -1
 * when the sequence stops (too many pages, or pages that place nothing).
 */
static int
seq_page(struct lay *L, struct seq_run *r, int *page_number)
{
	const struct fo_node *seq = r->seq;
	struct fill *f = &r->f;
	if (L->at->npages >= LIMIT_PAGES) {
		diag_report(L->d, DIAG_ERROR, L->fo->file, seq->line, 0,
		    "more than %d pages; the rest is not laid out", LIMIT_PAGES);
		return -1;
	}
	struct master m, ml;
	int other_last;
	const struct fo_node *spm = page_master(L, seq, &r->ms, r->first, *page_number,
	    r->first_number, f, &r->nt, r->mw.colw, &m, &ml, &other_last);
	if (spm == NULL)
		return -1;
	seq_widths(L, r, &m, spm);
	mpt width = r->mw.colw;
	struct area_page *pg = new_page(L, seq, &m, *page_number, r->first);
	L->mark_page = pg->index;
	lay_record_id(L, pg, pg->label, seq->id, m.body.x, m.body.y);
	f->pagenum = pg->label;
	f->page = pg;

	struct cut c;
	size_t before = f->i, notes_before = r->nt.f.i, floats_before = r->fl.next;
	/* before-floats: across the body, above its columns if it has them */
	mpt top = lay_floats_plan(L, &r->fl, f, m.body.h, m.ncol);
	if (m.ncol > 1)
		lay_fill_columns(L, f, &r->nt, &r->fl, &m, pg, top, &c);
	else
		fill_body(L, f, &r->nt, &r->fl, &m, other_last ? &ml : NULL, width, pg, top, &c);
	if (top < m.body.h && f->y > m.body.h - top)
		diag_once(L->d, "tall", DIAG_WARNING, L->fo->file, seq->line, 0,
		    "content taller than the page body is placed anyway and overflows the page");
	/* skip the break item that ended the page; odd/even asks for parity */
	uint8_t brk = BREAK_AUTO;
	while (f->i < r->vl.n && r->vl.v[f->i].kind == V_BREAK)
		brk = r->vl.v[f->i++].brk_kind;
	r->split = c.split;
	r->empty = f->i == before && !c.split && r->nt.f.i == notes_before &&
	    r->fl.next == floats_before ? r->empty + 1 : 0;
	if (r->empty > LIMIT_EMPTY_PAGES)
		return -1;
	/* the last page of the sequence may have a master of its own */
	int done = !seq_pending(r);
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
	for (; r->fs.released < f->i; r->fs.released++)
		if (r->vl.v[r->fs.released].kind == V_ROW)
			lay_row_release(L, r->vl.v[r->fs.released].row);
	lay_progress(L, LAY_PROGRESS_PAGES);
	(*page_number)++;
	r->first = 0;
	if (!done && ((brk == BREAK_ODD_PAGE && *page_number % 2 == 0) ||
	    (brk == BREAK_EVEN_PAGE && *page_number % 2 != 0)))
		blank_page(L, seq, &r->ms, page_number, 0, 0);
	return 0;
}

/* The loop over the pages of one page-sequence: a master for each, its body
 * filled, its regions deferred, blank pages for parity. */
int
lay_sequence(struct lay *L, const struct fo_node *seq, int *page_number)
{
	const char *mref = seq->ref;
	struct seq_run r;
	struct master m;

	if (lay_find_master(L->fo, mref, FO_SIMPLE_PAGE_MASTER) == NULL &&
	    lay_find_master(L->fo, mref, FO_PAGE_SEQUENCE_MASTER) == NULL) {
		diag_report(L->d, DIAG_ERROR, L->fo->file, seq->line, 0,
		    "master-reference \"%s\" names no fo:simple-page-master or fo:page-sequence-master",
		    mref ? mref : "");
		return -1;
	}
	memset(&r, 0, sizeof r);
	r.seq = seq;
	L->mark_seq++;
	int need_blank = start_number(L, seq, page_number);
	r.first_number = *page_number;
	if (need_blank)
		blank_page(L, seq, &r.ms, page_number, 1, 0);

	/* the first page's master sets the width the flow is laid out to */
	struct lay_masterstate probe = r.ms;
	struct lay_pagepos pp0 = { !need_blank, 0, 0, *page_number };
	const struct fo_node *spm0 = lay_choose_master(L, seq, &probe, &pp0, 1);
	if (spm0 == NULL || lay_read_master(L, spm0, &m) < 0)
		return -1;
	r.flow = seq_flow(L, seq, &m);
	memcpy(r.fs.cbar, L->cbar, sizeof r.fs.cbar);
	r.fs.ncbar = L->ncbar;
	sequence_list(L, seq, r.flow, &m, &r.fl, &r.vl);
	r.mw = m;
	lay_fill_init(&r.f, L, &r.vl, 1);
	lay_notes_init(L, &r.nt, seq, m.body.w);
	r.first = !need_blank;
	do {
		if (seq_page(L, &r, page_number) < 0)
			break;
	} while (seq_pending(&r));
	vlist_free(&r.vl);
	lay_floats_free(L, &r.fl);
	vlist_free(&r.nt.vl);

	force_page_count(L, seq, &r.ms, page_number, r.first_number);
	return 0;
}
