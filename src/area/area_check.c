/*
 * area — the invariants of an area tree, asserted (STYLE.md): pages are
 * numbered in order, children link back to the list they are in, each
 * kind of area carries what the PDF writer reads, and no coordinate is
 * anywhere near the end of a 32-bit millipoint (where an overflow would
 * show).  Compiled in debug and ASan builds; with NDEBUG (release)
 * area_check does nothing.
 */
#include <assert.h>

#include "../base/limits.h"
#include "area.h"

#ifndef NDEBUG
/* Coordinates past this are the mark of an overflow: sums of lengths
 * saturate at LIMIT_LENGTH_MAX, and a few of them more stay well inside. */
#define FAR ((mpt)(INT32_MAX / 2))

static int
near(mpt v)
{
	return v > -FAR && v < FAR;
}

static void
check_path(const struct area_path *p)
{
	size_t pts = 0;
	assert(p != NULL);
	for (size_t i = 0; i < p->nops; i++) {
		assert(p->ops[i] <= AP_CLOSE);
		pts += p->ops[i] == AP_CURVE ? 3 : p->ops[i] == AP_CLOSE ? 0 : 1;
	}
	assert(pts == p->npts);
	assert(p->ndash >= 0 && p->ndash <= AREA_MAX_DASH);
	assert(p->width >= 0);
}

static void
check_area(const struct area *a, int depth)
{
	assert(a->kind <= AREA_PATH);
	assert(depth <= 8 * LIMIT_DEPTH);
	assert(near(a->x) && near(a->y) && near(a->w) && near(a->h));
	switch ((enum area_kind)a->kind) {
	case AREA_RUN:
		assert(a->text != NULL || a->len == 0);
		assert(a->nglyphs >= 0 && a->size >= 0);   /* font-size 0: text not seen */
		assert((a->glyphs == NULL) == (a->ngids == 0) && a->ngids >= 0);
		for (int k = 0; k < a->ngids; k++)
			assert(a->glyphs[k].text + a->glyphs[k].ntext <= a->len);
		break;
	case AREA_PATH:
		check_path(a->path);
		break;
	case AREA_IMAGE:
		assert(a->image != NULL);
		break;
	case AREA_REGION: case AREA_BLOCK: case AREA_VIEWPORT:
		for (int i = 0; i < 4; i++)
			assert(a->border[i].width >= 0);
		break;
	case AREA_LINE: case AREA_RULE:
		break;
	}
	const struct area *last = NULL;
	for (const struct area *c = a->first; c; c = c->next) {
		check_area(c, depth + 1);
		last = c;
	}
	assert(last == a->last);
}
#endif

void
area_check(const struct area_tree *t)
{
#ifndef NDEBUG
	int n = 0;
	assert(t != NULL && t->arena != NULL);
	for (const struct area_page *p = t->first; p; p = p->next) {
		assert(p->index == ++n);
		assert(p->w > 0 && p->h > 0);
		assert(p->next != NULL || p == t->last);
		if (p->root)
			check_area(p->root, 0);
		for (const struct area_link *l = p->links; l; l = l->next)
			assert(l->dest != NULL || l->uri != NULL);
	}
	assert(n == t->npages);
	assert(n <= LIMIT_PAGES + LIMIT_EMPTY_PAGES);
#else
	(void)t;
#endif
}
