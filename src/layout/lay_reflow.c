/*
 * layout — where a flow laid out again at another width goes on (XSL 1.1
 * §6.4.5: each page's region-body is its own reference area, so a page of
 * another width than the page before has the flow's text broken again).
 * lay_page.c lays the whole flow out again; this file says where the fill
 * stood in the new list:
 *
 *   at a block edge, space, row, box or a paragraph's first line: the item
 *   of the new list with as many such items before it (any width makes
 *   them alike, in the same order), checked to be the same FO's;
 *   inside a paragraph broken across the change: the new list's rest of
 *   that paragraph, which lay_inlines composed again from the first
 *   character not yet placed (lay_reflow_from).
 */
#include <string.h>

#include "lay_int.h"

/* Is item k of vl a line that goes on a paragraph begun by the item before? */
static int
continues(const struct vlist *vl, size_t k)
{
	const struct vitem *v = &vl->v[k], *p = k > 0 ? &vl->v[k - 1] : NULL;
	return v->kind == V_LINE && v->para && p && p->kind == V_LINE && p->para == v->para &&
	    p->blk && v->blk && p->blk->fo == v->blk->fo;
}

/* Is item k inside a paragraph, past its first character? */
static int
inside(const struct vlist *vl, size_t k)
{
	const struct vitem *v = &vl->v[k];
	return v->kind == V_LINE && v->para && v->blk && v->c0 > 0;
}

void
lay_reflow_from(struct lay *L, const struct vlist *vl, size_t at)
{
	L->resume_block = NULL;
	L->resume_first = NULL;
	L->resume_at = 0;
	if (at < vl->n && inside(vl, at)) {
		L->resume_block = vl->v[at].blk->fo;
		L->resume_first = vl->v[at].para;
		L->resume_at = vl->v[at].c0;
	}
}

/* Are a and b the same item of the flow, laid out at two widths? */
static int
same(const struct vitem *a, const struct vitem *b)
{
	if (a->kind != b->kind || (a->blk == NULL) != (b->blk == NULL) || a->para != b->para)
		return 0;
	return a->blk == NULL || a->blk->fo == b->blk->fo;
}

int
lay_reflow_match(const struct vlist *old, size_t at, const struct vlist *nv, size_t *j)
{
	if (at >= old->n)
		return 0;
	const struct vitem *a = &old->v[at];
	if (inside(old, at)) {
		for (size_t k = 0; k < nv->n; k++) {
			const struct vitem *v = &nv->v[k];
			if (v->kind == V_LINE && v->para == a->para && v->blk && v->blk->fo == a->blk->fo &&
			    v->c0 == a->c0) {
				*j = k;
				return 1;
			}
		}
		return 0;
	}
	size_t before = 0, seen = 0;
	for (size_t k = 0; k < at; k++)
		before += !continues(old, k);
	for (size_t k = 0; k < nv->n; k++) {
		if (continues(nv, k) || seen++ < before)
			continue;
		*j = k;
		return same(a, &nv->v[k]);
	}
	return 0;
}
