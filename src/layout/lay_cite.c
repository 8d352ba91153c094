/*
 * layout — page-number citations made exact in place at the end of a pass
 * (docs/references.md): the paragraphs of the flows that cite pages are
 * composed again with the pass's own numbers, and when their lines keep
 * their heights the new runs replace the old where they stand, with their
 * link rectangles, so that no second pass is needed.
 */
#include <stdlib.h>
#include <string.h>

#include "lay_int.h"

struct line_home {
	const struct area *line;
	struct area_page  *pg;
};

static int
home_cmp(const void *a, const void *b)
{
	const struct area *x = ((const struct line_home *)a)->line, *y = ((const struct line_home *)b)->line;
	return x < y ? -1 : x > y;
}

static void
find_homes(struct area_page *pg, const struct area *a, struct line_home *h, size_t n)
{
	for (; a; a = a->next) {
		if (a->kind == AREA_LINE) {
			struct line_home key = { a, NULL };
			struct line_home *e = bsearch(&key, h, n, sizeof *h, home_cmp);
			if (e)
				e->pg = pg;
		}
		find_homes(pg, a->first, h, n);
	}
}

/* Replace the link rectangles of line (placed on pg) by those of its new
 * runs, in the same place of the page's list. */
static void
relink(struct lay *L, struct area_page *pg, const struct area *line)
{
	struct area_link **at = NULL;
	for (struct area_link **k = &pg->links; *k;) {
		const struct area_link *lk = *k;
		if (lk->y == line->y && lk->h == line->h && lk->x >= line->x && lk->x <= line->x + line->w) {
			if (at == NULL)
				at = k;
			*k = lk->next;
			continue;
		}
		k = &(*k)->next;
	}
	struct area_page tmp;
	memset(&tmp, 0, sizeof tmp);
	lay_page_links(L, &tmp, line);
	if (tmp.links == NULL)
		return;
	if (at == NULL)
		for (at = &pg->links; *at; at = &(*at)->next)
			;
	struct area_link *last = tmp.links;
	while (last->next)
		last = last->next;
	last->next = *at;
	*at = tmp.links;
}

/*
 * The pass's citations, made exact in place.  Each paragraph of a flow
 * that cites page numbers is composed again with this pass's numbers; when
 * every one keeps its lines and their heights, nothing below or after it
 * moves, so its lines take the new runs where they stand and the pass is
 * final.  Otherwise (a number moved a line break enough to change the
 * line count, or a paragraph holds content that cannot be composed twice)
 * nothing is changed and another pass follows.  Returns 0 when patched.
 */
int
lay_cite_patch(struct lay *L)
{
	size_t nlines = 0;
	for (size_t i = 0; i < L->ncparas; i++) {
		if (!L->cparas[i].patchable)
			return -1;
		nlines += L->cparas[i].nl;
	}
	struct vlist *nv = xcalloc(L->ncparas ? L->ncparas : 1, sizeof *nv);
	const struct idmap *prev = L->ids_prev;
	int ok = 1;
	L->ids_prev = L->ids;
	L->recompose = 1;
	for (size_t i = 0; i < L->ncparas && ok; i++) {
		const struct lay_cite_para *cp = &L->cparas[i];
		lay_inlines(L, cp->block, cp->first, cp->blk, &nv[i], cp->first_line);
		ok = nv[i].n == cp->nl;
		for (size_t k = 0; k < nv[i].n && ok; k++)
			ok = nv[i].v[k].kind == V_LINE && nv[i].v[k].line->h == cp->lines[k]->h &&
			    nv[i].v[k].line->baseline - nv[i].v[k].line->y ==
			    cp->lines[k]->baseline - cp->lines[k]->y &&
			    nv[i].v[k].line->w == cp->lines[k]->w;
	}
	L->recompose = 0;
	L->ids_prev = prev;
	if (ok) {
		struct line_home *h = xmalloc((nlines ? nlines : 1) * sizeof *h);
		size_t k = 0;
		for (size_t i = 0; i < L->ncparas; i++)
			for (size_t l = 0; l < L->cparas[i].nl; l++)
				h[k++] = (struct line_home){ L->cparas[i].lines[l], NULL };
		qsort(h, nlines, sizeof *h, home_cmp);
		for (struct area_page *pg = L->at->first; pg; pg = pg->next)
			find_homes(pg, pg->root, h, nlines);
		for (size_t i = 0; i < L->ncparas; i++) {
			for (size_t l = 0; l < L->cparas[i].nl; l++) {
				struct area *old = L->cparas[i].lines[l], *now = nv[i].v[l].line;
				struct line_home key = { old, NULL };
				const struct line_home *e = bsearch(&key, h, nlines, sizeof *h, home_cmp);
				if (e == NULL || e->pg == NULL)
					continue;   /* a layout that was not kept (a measured note) */
				mpt dx = old->x - now->x, dy = old->y - now->y;
				for (struct area *c = now->first; c; c = c->next)
					lay_translate(c, dx, dy);
				old->first = now->first;
				old->last = now->last;
				relink(L, e->pg, old);
			}
		}
		free(h);
	}
	for (size_t i = 0; i < L->ncparas; i++)
		vlist_free(&nv[i]);
	free(nv);
	return ok ? 0 : -1;
}
