/*
 * layout — indexes (XSL 1.1 §6.10, docs/index.md): the pages that FOs with
 * an index-key land on, recorded in the pass's idmap as ids of their own
 * ("index-page N KEY": a destination for links, and a change the passes
 * see), and fo:index-page-citation-list made of them as page-number
 * citations are: from the previous pass, patched in place or laid out
 * again by lay_pass.c until the pages settle.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lay_int.h"
#include "lay_chars.h"

/* ---------------------------------------------------------------- the pages of a key */

static int
key_cmp(const struct lay_ikey *a, const char *key, int page)
{
	int c = strcmp(a->key, key);
	return c ? c : (a->page > page) - (a->page < page);
}

/* The first entry of m not before (key, page). */
static size_t
key_lower(const struct idmap *m, const char *key, int page)
{
	size_t lo = 0, hi = m->nkeys;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (key_cmp(&m->keys[mid], key, page) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Key key occurs on page pg (labelled label): once per key and page. */
static void
key_add(struct lay *L, struct area_page *pg, const char *label, const char *key, mpt x, mpt y)
{
	struct idmap *m = L->ids;
	size_t at = key_lower(m, key, pg->index);
	if (at < m->nkeys && key_cmp(&m->keys[at], key, pg->index) == 0)
		return;
	if (m->nkeys == m->capkeys) {
		m->capkeys = m->capkeys ? m->capkeys * 2 : 64;
		m->keys = xrealloc(m->keys, m->capkeys * sizeof *m->keys);
	}
	memmove(&m->keys[at + 1], &m->keys[at], (m->nkeys - at) * sizeof *m->keys);
	m->nkeys++;
	struct buf id = {0};
	buf_printf(&id, "index-page %d %s", pg->index, key);
	m->keys[at] = (struct lay_ikey){ xstrdup(key), pg->index, pg->number, xstrdup(label),
		arena_strdup(L->at->arena, id.p) };
	/* a destination for the links to this page, and an id whose change
	 * makes the passes go on */
	lay_record_id(L, pg, label, m->keys[at].dest, x, y);
	buf_free(&id);
}

/* The entries of key in m: *n of them from the returned one. */
static const struct lay_ikey *
key_pages(const struct idmap *m, const char *key, size_t *n)
{
	size_t at = key_lower(m, key, INT32_MIN), e = at;
	while (e < m->nkeys && strcmp(m->keys[e].key, key) == 0)
		e++;
	*n = e - at;
	return m->keys ? &m->keys[at] : NULL;
}

void
lay_index_keys_free(struct idmap *m)
{
	for (size_t i = 0; i < m->nkeys; i++) {
		free(m->keys[i].key);
		free(m->keys[i].label);
	}
	free(m->keys);
	m->keys = NULL;
	m->nkeys = m->capkeys = 0;
}

/* ---------------------------------------------------------------- anchors landing */

int
lay_index_anchor(const struct fo_node *n)
{
	return n->ikey != 0 || n->type == FO_INDEX_RANGE_END;
}

static struct area_page *
page_at(struct lay *L, int index)
{
	for (struct area_page *p = L->at->first; p; p = p->next)
		if (p->index == index)
			return p;
	return NULL;
}

/* fo:index-range-end n on page pg: every page from its begin's to pg. */
static void
range_end(struct lay *L, struct area_page *pg, const struct fo_node *n)
{
	struct lay_range *r = NULL;
	for (size_t i = 0; n->ref && i < L->nranges; i++)
		if (strcmp(L->ranges[i].begin->id, n->ref) == 0)
			r = &L->ranges[i];
	if (r == NULL) {
		char key[64];
		snprintf(key, sizeof key, "range-end:%d", n->line);
		diag_once(L->d, key, DIAG_WARNING, L->fo->file, n->line, 0,
		    "fo:index-range-end ref-id \"%s\" names no fo:index-range-begin before it; "
		    "it ends no range", n->ref ? n->ref : "");
		return;
	}
	r->ended = 1;
	for (int p = r->page + 1; p <= pg->index; p++) {
		struct area_page *q = page_at(L, p);
		if (q)
			key_add(L, q, q->label ? q->label : "", fo_index_key(L->fo, r->begin), 0, 0);
	}
}

void
lay_index_at(struct lay *L, struct area_page *pg, const char *label, const struct fo_node *n,
    mpt x, mpt y)
{
	if (pg == NULL || L->measure)
		return;
	if (n->type == FO_INDEX_RANGE_END) {
		range_end(L, pg, n);
		return;
	}
	key_add(L, pg, label ? label : "", fo_index_key(L->fo, n), x, y);
	if (n->type == FO_INDEX_RANGE_BEGIN && n->id) {
		if (L->nranges == L->capranges) {
			L->capranges = L->capranges ? L->capranges * 2 : 16;
			L->ranges = xrealloc(L->ranges, L->capranges * sizeof *L->ranges);
		}
		L->ranges[L->nranges++] = (struct lay_range){ n, pg->index, 0 };
		lay_record_id(L, pg, label, n->id, x, y);
	}
}

void
lay_index_placed(struct fill *f, const struct vitem *v, const struct area *a)
{
	struct lay *L = f->L;
	if (f->page == NULL)
		return;
	mpt x = a ? a->x : f->rx, y = a ? a->y : f->ry + f->y;
	for (const struct lay_anchor *k = v->anchors; k; k = k->next)
		lay_index_at(L, f->page, f->pagenum, k->fo, x, y);
	if ((v->kind != V_OPEN && v->kind != V_CLOSE) || v->blk->fo->ikey == 0)
		return;
	/* a block with an index-key: every page from its first to its last */
	if (v->kind == V_OPEN) {
		v->blk->index_page = f->page->index;
		lay_index_at(L, f->page, f->pagenum, v->blk->fo, x, y);
		return;
	}
	for (int p = v->blk->index_page + 1; v->blk->index_page > 0 && p <= f->page->index; p++) {
		struct area_page *q = page_at(L, p);
		if (q)
			key_add(L, q, q->label ? q->label : "", fo_index_key(L->fo, v->blk->fo), 0, 0);
	}
}

/* ---------------------------------------------------------------- citation lists */

/* One cited page: its entry and the key reference that cites it. */
struct cited {
	const struct lay_ikey     *e;
	const struct fo_node      *ref;   /* fo:index-key-reference */
	size_t                     order; /* of the reference */
};

static int
cited_cmp(const void *a, const void *b)
{
	const struct cited *x = a, *y = b;
	if (x->e->page != y->e->page)
		return x->e->page < y->e->page ? -1 : 1;
	return (x->order > y->order) - (x->order < y->order);
}

static const struct fo_node *
child(const struct fo_node *n, enum fo_type t)
{
	for (const struct fo_node *c = n->first; c; c = c->next)
		if (c->type == t)
			return c;
	return NULL;
}

/* The content of separator sep, or dflt in style st. */
static void
separator(struct lay *L, const struct fo_node *sep, const char *dflt, const struct fo_style *st,
    struct chars *out, uint32_t keep)
{
	if (sep == NULL) {
		lay_gather_text(L, out, dflt, st, keep);
		return;
	}
	for (const struct fo_node *k = sep->first; k; k = k->next)
		lay_gather(L, k, out, keep);
}

/* One page number: the reference's prefix, the number (a link to the
 * page with page-number-treatment="link"), its suffix. */
static void
number(struct lay *L, const struct cited *c, struct chars *out, uint32_t keep)
{
	const struct fo_node *pre = child(c->ref, FO_INDEX_PAGE_NUMBER_PREFIX);
	const struct fo_node *suf = child(c->ref, FO_INDEX_PAGE_NUMBER_SUFFIX);
	for (const struct fo_node *k = pre ? pre->first : NULL; k; k = k->next)
		lay_gather(L, k, out, keep);
	size_t from = out->n;
	const struct fo_node *save = L->link;
	if (c->ref->style->index_link) {
		/* a link of layout's own to the page, made as an fo:basic-link
		 * would make it: its internal destination is the key's
		 * destination on that page */
		struct fo_node *lk = arena_alloc(L->at->arena, sizeof *lk);
		lk->type = FO_BASIC_LINK;
		lk->style = c->ref->style;
		lk->line = c->ref->line;
		lk->ref = c->e->dest;
		L->link = lk;
	}
	lay_gather_text(L, out, c->e->label, c->ref->style, 1);
	for (size_t i = from; i < out->n; i++)
		out->v[i].link = L->link;
	L->link = save;
	for (const struct fo_node *k = suf ? suf->first : NULL; k; k = k->next)
		lay_gather(L, k, out, keep);
}

/* Do cited pages a and b follow each other, so that they may share a range? */
static int
follows(const struct fo_style *st, const struct cited *a, const struct cited *b)
{
	if (b->e->page != a->e->page + 1 || b->e->number != a->e->number + 1)
		return 0;
	return !st->index_keep_ranges || a->ref == b->ref;
}

/*
 * XSL 1.1 §6.10.6: the pages of each key reference, duplicates once
 * (across the references too, unless merge-pages-across-index-key-
 * references="leave-separate"), in page order; pages that follow each
 * other are a range (merge-sequential-page-numbers, across references
 * unless merge-ranges-across-index-key-references="leave-separate").
 */
static void
cite_list(struct lay *L, const struct fo_node *list, const struct idmap *m, struct chars *out,
    uint32_t keep)
{
	const struct fo_style *st = list->style;
	struct cited *v = NULL;
	size_t n = 0, cap = 0, order = 0;
	for (const struct fo_node *r = list->first; r; r = r->next) {
		if (r->type != FO_INDEX_KEY_REFERENCE || r->ikey == 0)
			continue;
		size_t ne;
		const struct lay_ikey *e = key_pages(m, fo_index_key(L->fo, r), &ne);
		for (size_t k = 0; k < ne; k++) {
			int dup = 0;
			for (size_t j = 0; j < n && !st->index_keep_pages && !dup; j++)
				dup = v[j].e->page == e[k].page;
			if (dup)
				continue;
			if (n == cap) {
				cap = cap ? cap * 2 : 16;
				v = xrealloc(v, cap * sizeof *v);
			}
			v[n++] = (struct cited){ &e[k], r, order };
		}
		order++;
	}
	if (n > 1)
		qsort(v, n, sizeof *v, cited_cmp);
	const struct fo_node *lsep = child(list, FO_INDEX_PAGE_CITATION_LIST_SEPARATOR);
	const struct fo_node *rsep = child(list, FO_INDEX_PAGE_CITATION_RANGE_SEPARATOR);
	for (size_t i = 0; i < n;) {
		size_t j = i;
		while (!st->index_keep_seq && j + 1 < n && follows(st, &v[j], &v[j + 1]))
			j++;
		if (i > 0)
			separator(L, lsep, ", ", st, out, keep);
		number(L, &v[i], out, keep);
		if (j > i) {
			separator(L, rsep, "\u2013", st, out, keep);
			number(L, &v[j], out, keep);
		}
		i = j + 1;
	}
	free(v);
}

void
lay_index_cite(struct lay *L, const struct fo_node *list, struct chars *out, uint32_t keep)
{
	for (const struct fo_node *r = list->first; r; r = r->next)
		if (r->type == FO_INDEX_KEY_REFERENCE && r->ikey)
			lay_note_ref(L, fo_index_key(L->fo, r), r->line, 2);
	if (L->pagenum) {   /* static content: this pass's pages are known */
		cite_list(L, list, L->ids, out, keep);
		return;
	}
	L->ncites++;   /* the next pass may change it */
	if (L->ids_prev == NULL)
		lay_gather_text(L, out, "00", list->style, 1);   /* the first pass's placeholder */
	else
		cite_list(L, list, L->ids_prev, out, keep);
}

/* ---------------------------------------------------------------- the end of a pass */

int
lay_index_has_key(const struct idmap *m, const char *key)
{
	size_t n;
	key_pages(m, key, &n);
	return n > 0;
}

void
lay_index_check(struct lay *L)
{
	for (size_t i = 0; i < L->nranges; i++) {
		const struct fo_node *b = L->ranges[i].begin;
		if (L->ranges[i].ended)
			continue;
		char key[64];
		snprintf(key, sizeof key, "range-open:%d", b->line);
		diag_once(L->d, key, DIAG_WARNING, L->fo->file, b->line, 0,
		    "fo:index-range-begin \"%s\" has no fo:index-range-end; it cites its own page only",
		    b->id);
	}
}
