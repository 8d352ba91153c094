/*
 * layout — page masters and pagination.  A flow becomes one vertical list
 * (lay_block.c); pages are filled greedily and broken at the last place
 * where a break is allowed (keeps, widows and orphans); when there is none,
 * at the last place where one is possible at all, with keeps given up.
 * Something taller than a page is placed anyway, with a warning, so that
 * layout always ends.
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
};

static mpt
len_or(struct fo_len l, mpt ref, mpt dflt)
{
	return l.is_auto ? dflt : fo_len_resolve(l, ref);
}

static int
read_master(struct lay *L, const struct fo_node *spm, struct master *m)
{
	const struct fo_style *s = spm->style;
	memset(m, 0, sizeof *m);
	m->name = fo_node_attr(spm, "master-name");
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
			const char *nm = fo_node_attr(r, "region-name");
			g->name = nm ? nm : dflt;
			g->fo = r;
		}
	}
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

static const struct fo_node *
find_master(const struct fo_tree *fo, const char *name)
{
	for (const struct fo_node *c = fo->root->first; c; c = c->next)
		if (c->type == FO_LAYOUT_MASTER_SET)
			for (const struct fo_node *m = c->first; m; m = m->next)
				if (m->type == FO_SIMPLE_PAGE_MASTER) {
					const char *mn = fo_node_attr(m, "master-name");
					if (mn && name && strcmp(mn, name) == 0)
						return m;
				}
	return NULL;
}

/* ---------------------------------------------------------------- placing */

struct open {
	struct lblock *b;
	struct area   *a;
};

struct placer {
	struct lay  *L;
	struct area *region;
	mpt          rx, ry;      /* content origin of the region on the page */
	mpt          y;           /* current position below ry */
	struct open  stack[LIMIT_DEPTH + 2];
	int          depth;
	int          placed;      /* content placed on this page */
	const char  *pagenum;     /* this page's number, for fo:page-number in the flow */
};

static struct area *
top_area(struct placer *p)
{
	return p->depth > 0 ? p->stack[p->depth - 1].a : p->region;
}

static struct area *
open_area(struct placer *p, struct lblock *b, int continued)
{
	struct area *a = area_new(p->L->at, AREA_BLOCK, top_area(p));
	const struct fo_style *st = b->fo->style;
	a->x = p->rx + b->x;
	a->y = p->ry + p->y;
	a->w = b->w;
	a->name = fo_type_name(b->fo->type);
	a->line = b->fo->line;
	a->background = st->background;
	for (int i = 0; i < 4; i++) {
		a->border[i].style = st->border[i].style;
		a->border[i].width = st->border[i].width;
		a->border[i].color = st->border[i].color;
	}
	if (continued)
		a->border[SIDE_BEFORE].width = 0;
	return a;
}

static void
place(struct placer *p, struct vitem *v)
{
	switch ((enum vkind)v->kind) {
	case V_SPACE:
		if (p->placed || v->retain)
			p->y += v->h;
		break;
	case V_BREAK:
		break;
	case V_OPEN:
		if (p->depth < LIMIT_DEPTH) {
			p->stack[p->depth].b = v->blk;
			p->stack[p->depth].a = open_area(p, v->blk, 0);
			p->depth++;
		}
		p->y += v->h;
		p->placed = 1;
		break;
	case V_CLOSE:
		p->y += v->h;
		if (p->depth > 0) {
			struct area *a = p->stack[p->depth - 1].a;
			a->h = p->ry + p->y - a->y;
			p->depth--;
		}
		break;
	case V_LINE: {
		struct area *la = v->line;
		for (struct area *r = la->first; r; r = r->next)
			if (r->pagenum && p->pagenum) {
				r->text = p->pagenum;
				r->len = strlen(p->pagenum);
				r->nglyphs = (int)r->len;
				r->spacing = 0;
			}
		lay_translate(la, p->rx + v->blk->x, p->ry + p->y);
		area_append(top_area(p), la);
		p->y += v->h;
		p->placed = 1;
		break;
	}
	}
}

/* Close the fragments still open at the end of a page. */
static void
close_fragments(struct placer *p)
{
	for (int i = p->depth - 1; i >= 0; i--) {
		struct area *a = p->stack[i].a;
		a->h = p->ry + p->y - a->y;
		a->border[SIDE_AFTER].width = 0;
	}
}

/* Reopen the blocks that continue on a new page. */
static void
reopen_fragments(struct placer *p)
{
	for (int i = 0; i < p->depth; i++) {
		int save = p->depth;
		p->depth = i;
		p->stack[i].a = open_area(p, p->stack[i].b, 1);
		p->depth = save;
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
	return a;
}

static void
static_content(struct lay *L, const struct fo_node *seq, struct area *root,
    const struct region *g, int page_number)
{
	char num[32];
	snprintf(num, sizeof num, "%d", page_number);
	for (const struct fo_node *sc = seq->first; sc; sc = sc->next) {
		if (sc->type != FO_STATIC_CONTENT)
			continue;
		const char *fn = fo_node_attr(sc, "flow-name");
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
		struct placer p;
		memset(&p, 0, sizeof p);
		p.L = L;
		p.region = new_region(L, root, g);
		p.rx = g->x;
		p.ry = g->y;
		for (size_t i = 0; i < vl.n; i++)
			place(&p, &vl.v[i]);
		if (p.y > g->h)
			diag_once(L->d, g->name, DIAG_WARNING, L->fo->file, sc->line, 0,
			    "static content for %s is taller than its region (%.1fpt > %.1fpt)",
			    g->name, p.y / 1000.0, g->h / 1000.0);
		vlist_free(&vl);
	}
}

static int
sequence(struct lay *L, const struct fo_node *seq, int *page_number)
{
	const char *mref = fo_node_attr(seq, "master-reference");
	const struct fo_node *spm = find_master(L->fo, mref);
	struct master m;

	if (spm == NULL) {
		diag_report(L->d, DIAG_ERROR, L->fo->file, seq->line, 0,
		    "master-reference \"%s\" names no fo:simple-page-master", mref ? mref : "");
		return -1;
	}
	if (read_master(L, spm, &m) < 0)
		return -1;
	const char *ipn = fo_node_attr(seq, "initial-page-number");
	if (ipn && strcmp(ipn, "auto") != 0) {
		int k = atoi(ipn);
		if (k > 0)
			*page_number = k;
		else
			diag_report(L->d, DIAG_WARNING, L->fo->file, seq->line, 0,
			    "initial-page-number=\"%s\" is not a positive number; ignored", ipn);
	}

	const struct fo_node *flow = NULL;
	for (const struct fo_node *c = seq->first; c; c = c->next)
		if (c->type == FO_FLOW) {
			const char *fn = fo_node_attr(c, "flow-name");
			if (fn && strcmp(fn, m.body.name) != 0)
				diag_report(L->d, DIAG_WARNING, L->fo->file, c->line, 0,
				    "flow-name \"%s\" does not name the region-body (\"%s\"); it flows there anyway",
				    fn, m.body.name);
			flow = c;
		}

	struct lblock ctx;
	memset(&ctx, 0, sizeof ctx);
	ctx.w = m.body.w;
	struct vlist vl;
	memset(&vl, 0, sizeof vl);
	if (flow)
		lay_blocks(L, flow, &ctx, &vl);

	struct placer p;
	memset(&p, 0, sizeof p);
	p.L = L;
	size_t i = 0;
	int empty = 0;
	do {
		if (L->at->npages >= LIMIT_PAGES) {
			diag_report(L->d, DIAG_ERROR, L->fo->file, seq->line, 0,
			    "more than %d pages; the rest is not laid out", LIMIT_PAGES);
			break;
		}
		struct area_page *pg = area_page_add(L->at, m.pw, m.ph);
		pg->number = *page_number;
		char lbl[32];
		snprintf(lbl, sizeof lbl, "%d", *page_number);
		pg->label = arena_strdup(L->at->arena, lbl);
		pg->root = area_new(L->at, AREA_REGION, NULL);
		p.region = new_region(L, pg->root, &m.body);
		p.pagenum = pg->label;
		p.rx = m.body.x;
		p.ry = m.body.y;
		p.y = 0;
		p.placed = 0;
		reopen_fragments(&p);

		/* choose where this page ends */
		mpt y = 0;
		size_t last_ok = 0, last_any = 0, end = vl.n;
		int placed = 0;
		for (size_t k = i; k < vl.n; k++) {
			struct vitem *v = &vl.v[k];
			if (v->kind == V_BREAK) {
				if (placed) {
					end = k;
					break;
				}
				continue;
			}
			if (k > i && placed && (v->kind == V_LINE || v->kind == V_OPEN || v->kind == V_SPACE)) {
				if (v->brk_ok)
					last_ok = k;
				const struct vitem *pv = &vl.v[k - 1];
				if (pv->kind == V_LINE || pv->kind == V_CLOSE || pv->kind == V_SPACE)
					last_any = k;
			}
			mpt h = v->kind == V_SPACE && !placed && !v->retain ? 0 : v->h;
			if (placed && y + h > m.body.h && v->kind != V_CLOSE && v->kind != V_SPACE) {
				end = last_ok > i ? last_ok : last_any > i ? last_any : k;
				break;
			}
			y += h;
			if (v->kind == V_LINE)
				placed = 1;
		}
		size_t k = i;
		for (; k < end; k++)
			place(&p, &vl.v[k]);
		if (p.y > m.body.h)
			diag_once(L->d, "tall", DIAG_WARNING, L->fo->file, seq->line, 0,
			    "content taller than the page body is placed anyway and overflows the page");
		close_fragments(&p);
		/* skip the break item that ended the page */
		while (k < vl.n && vl.v[k].kind == V_BREAK)
			k++;
		empty = k == i ? empty + 1 : 0;
		if (empty > LIMIT_EMPTY_PAGES)
			break;
		i = k;

		if (m.has_before)
			static_content(L, seq, pg->root, &m.before, *page_number);
		if (m.has_after)
			static_content(L, seq, pg->root, &m.after, *page_number);
		if (m.has_start)
			static_content(L, seq, pg->root, &m.start, *page_number);
		if (m.has_end)
			static_content(L, seq, pg->root, &m.end, *page_number);
		(*page_number)++;
	} while (i < vl.n);
	vlist_free(&vl);
	return 0;
}

struct area_tree *
lay_document(const struct fo_tree *fo, struct text_fonts *fonts, struct diag *d)
{
	struct lay L;
	memset(&L, 0, sizeof L);
	L.fo = fo;
	L.fonts = fonts;
	L.d = d;
	L.at = area_tree_new();
	L.at->title = fo->title ? arena_strdup(L.at->arena, fo->title) : NULL;
	L.at->language = fo->language ? arena_strdup(L.at->arena, fo->language) : NULL;

	int page_number = 1, failed = 0;
	for (const struct fo_node *c = fo->root->first; c; c = c->next)
		if (c->type == FO_PAGE_SEQUENCE && sequence(&L, c, &page_number) < 0)
			failed = 1;
	lay_report_missing(&L);
	free(L.missing);
	free(L.cache_style);
	free(L.cache_set);
	if (failed || L.at->npages == 0) {
		area_tree_free(L.at);
		return NULL;
	}
	return L.at;
}
