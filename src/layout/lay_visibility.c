/*
 * layout — visibility (XSL 1.1 §7.30.17), once the pages are made: every
 * area made from an FO whose visibility is hidden (or collapse) is marked,
 * and the PDF writer paints nothing of it.  Layout itself never looks at
 * the property, so hidden content takes exactly the space it would take
 * visible.  Glyph runs and leader rules, which have no FO of their own, are
 * marked where they are made, from their text's style.
 */
#include "lay_int.h"

static void
mark(struct area *a)
{
	for (; a; a = a->next) {
		if (a->fo)
			a->hidden = ((const struct fo_node *)a->fo)->style->hidden;
		mark(a->first);
	}
}

void
lay_visibility(struct area_tree *t)
{
	for (struct area_page *p = t->first; p; p = p->next)
		if (p->root)
			mark(p->root);
}
