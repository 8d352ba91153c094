/*
 * layout — footnotes (XSL 1.1 §6.10.3): the bodies of the citations placed
 * so far, laid out in citation order into one vertical list per page
 * sequence, and a fill that places them page by page at the foot of the
 * region-body, under the xsl-footnote-separator.  What does not fit on its
 * citation's page continues on the next pages, split where a page may
 * break (keeps, widows and orphans hold).  The sequence loop (lay_page.c)
 * asks what the notes of the items it places take and queues them.
 */
#include <string.h>

#include "lay_int.h"

/* The height of a footnote body laid out to width, millipoints. */
static mpt
note_height(struct lay *L, const struct fo_node *body, mpt width)
{
	struct lblock ctx;
	struct vlist vl;
	memset(&ctx, 0, sizeof ctx);
	memset(&vl, 0, sizeof vl);
	ctx.w = width;
	lay_blocks(L, body, &ctx, &vl);
	mpt h = 0;
	for (size_t i = 0; i < vl.n; i++)
		h += vl.v[i].h;
	vlist_free(&vl);
	return h;
}

static const struct fo_node *
separator(const struct fo_node *seq)
{
	for (const struct fo_node *sc = seq->first; sc; sc = sc->next) {
		const char *fn = sc->type == FO_STATIC_CONTENT ? sc->name : NULL;
		if (fn && strcmp(fn, "xsl-footnote-separator") == 0)
			return sc;
	}
	return NULL;
}

void
lay_notes_init(struct lay *L, struct lay_notes *nt, const struct fo_node *seq, mpt width)
{
	memset(nt, 0, sizeof *nt);
	lay_fill_init(&nt->f, L, &nt->vl, 0);
	nt->sep = separator(seq);
	nt->sep_h = nt->sep ? note_height(L, nt->sep, width) : 0;
}

int
lay_notes_pending(const struct lay_notes *nt)
{
	return !lay_fill_done(&nt->f);
}

/*
 * A row's footnotes go with the lines that cite them: those of the part of
 * a row placed on a page are queued there (end: each cell's next item), the
 * rest when the row ends (end: NULL, all).  notes_done remembers per cell
 * what was queued.
 */
static mpt
row_notes_height(struct lay *L, const struct lrow *row, mpt width)
{
	mpt h = 0;
	for (int c = 0; c < row->ncells; c++) {
		const struct lcell *lc = &row->cells[c];
		for (size_t i = lc->notes_done; i < lc->vl.n; i++)
			for (int k = 0; k < lc->vl.v[i].nnotes; k++)
				h += note_height(L, lc->vl.v[i].notes[k], width);
	}
	return h;
}

static void notes_queue(struct lay *L, struct lay_notes *nt, const struct fo_node *body, mpt width);

void
lay_notes_row_add(struct lay *L, struct lay_notes *nt, struct lrow *row, mpt width, int all)
{
	for (int c = 0; c < row->ncells; c++) {
		struct lcell *lc = &row->cells[c];
		size_t end = all ? lc->vl.n : lc->fill.i;
		for (size_t i = lc->notes_done; i < end && i < lc->vl.n; i++)
			for (int k = 0; k < lc->vl.v[i].nnotes; k++)
				notes_queue(L, nt, lc->vl.v[i].notes[k], width);
		if (end > lc->notes_done)
			lc->notes_done = end;
	}
}

/* What the footnotes cited by items [from, to) of vl take. */
mpt
lay_notes_height(struct lay *L, const struct vlist *vl, size_t from, size_t to, mpt width)
{
	mpt h = 0;
	for (size_t i = from; i < to && i < vl->n; i++) {
		if (vl->v[i].kind == V_ROW) {
			h += row_notes_height(L, vl->v[i].row, width);
			continue;
		}
		for (int k = 0; k < vl->v[i].nnotes; k++)
			h += note_height(L, vl->v[i].notes[k], width);
	}
	return h;
}

/* Lay out one footnote body at the end of the queue. */
static void
notes_queue(struct lay *L, struct lay_notes *nt, const struct fo_node *body, mpt width)
{
	struct lblock ctx;
	memset(&ctx, 0, sizeof ctx);
	ctx.w = width;
	size_t start = nt->vl.n;
	lay_blocks(L, body, &ctx, &nt->vl);
	/* XSL 1.1 §6.10.3: no fo:footnote inside a footnote */
	for (size_t j = start; j < nt->vl.n; j++)
		if (nt->vl.v[j].nnotes > 0)
			diag_once(L->d, "note-in-note", DIAG_WARNING, L->fo->file, nt->vl.v[j].notes[0]->line, 0,
			    "fo:footnote inside a footnote body is not allowed; its body is not placed");
}

/* Queue the footnotes cited by items [from, to) of vl. */
void
lay_notes_add(struct lay *L, struct lay_notes *nt, const struct vlist *vl, size_t from, size_t to, mpt width)
{
	for (size_t i = from; i < to && i < vl->n; i++) {
		if (vl->v[i].kind == V_ROW) {
			lay_notes_row_add(L, nt, vl->v[i].row, width, 1);
			continue;
		}
		for (int k = 0; k < vl->v[i].nnotes; k++)
			notes_queue(L, nt, vl->v[i].notes[k], width);
	}
}

/* Where the queued footnotes would end in height H, from the top of a new
 * fragment: a probe, nothing is placed. */
void
lay_notes_cut(const struct lay_notes *nt, mpt H, int strict, struct cut *c)
{
	struct fill probe = nt->f;
	probe.y = lay_fill_top(&probe);
	probe.placed = 0;
	probe.content = 0;
	lay_fill_cut(&probe, H, strict, c);
}

/*
 * Place what of the queued footnotes fits below the used height of the
 * body, under the separator, flush with the foot of the body; the rest
 * waits for the next page.  At least one line moves on each page.
 */
void
lay_notes_place(struct lay *L, struct lay_notes *nt, struct area *region, const struct lay_rect *body,
    mpt used, struct area_page *pg)
{
	if (!lay_notes_pending(nt))
		return;
	/* below text, only what fits by the rules of breaking (a footnote of
	 * a row split here may find no room: it starts on the next page);
	 * on a page of footnotes alone, at least one line */
	int strict = used > 0;
	mpt space = body->h - used - nt->sep_h;
	struct cut c;
	lay_notes_cut(nt, space, strict, &c);
	if (c.end == nt->f.i && !c.split)
		return;
	mpt y = body->y + body->h - c.h - nt->sep_h;
	if (nt->sep) {
		struct lblock ctx;
		struct vlist sv;
		struct fill f;
		memset(&ctx, 0, sizeof ctx);
		memset(&sv, 0, sizeof sv);
		ctx.w = body->w;
		lay_blocks(L, nt->sep, &ctx, &sv);
		lay_fill_init(&f, L, &sv, 0);
		f.page = pg;
		f.pagenum = pg->label;
		lay_fill_all(&f, region, body->x, y, body->w, nt->sep_h);
		vlist_free(&sv);
	}
	y += nt->sep_h;
	nt->f.page = pg;
	nt->f.pagenum = pg->label;
	lay_fill_begin(&nt->f, region, body->x, y, body->w, body->y + body->h - y);
	lay_fill_cut(&nt->f, body->y + body->h - y, strict, &c);
	lay_fill_place(&nt->f, &c);
	lay_fill_end(&nt->f);
}
