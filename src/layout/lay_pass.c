/*
 * layout — the document: one pass lays out every page sequence, then the
 * static content of its pages and the bookmarks; the passes repeat while
 * the ids that page-number citations read move (lay_document).  Dangling
 * references and characters no font draws are reported once, at the end.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../base/limits.h"
#include "lay_int.h"

static void
bookmark_title(const struct fo_node *n, struct buf *b)
{
	for (const struct fo_node *c = n->first; c; c = c->next) {
		if (c->type == FO_TEXT || c->type == FO_CHARACTER)
			buf_add(b, c->text, c->textlen);
		else
			bookmark_title(c, b);
	}
}

/* fo:bookmark-tree → the area tree's outline. */
static struct area_bookmark *
bookmarks(struct lay *L, const struct fo_node *parent)
{
	struct area_bookmark *first = NULL, *last = NULL;
	for (const struct fo_node *c = parent->first; c; c = c->next) {
		if (c->type != FO_BOOKMARK)
			continue;
		struct area_bookmark *bm = arena_alloc(L->at->arena, sizeof *bm);
		struct buf t = {0};
		for (const struct fo_node *k = c->first; k; k = k->next)
			if (k->type == FO_BOOKMARK_TITLE)
				bookmark_title(k, &t);
		/* collapse white space in the title */
		struct buf w = {0};
		for (size_t i = 0; i < t.n; i++) {
			char ch = t.p[i];
			if (ch == '\n' || ch == '\t' || ch == '\r')
				ch = ' ';
			if (ch == ' ' && (w.n == 0 || w.p[w.n - 1] == ' '))
				continue;
			buf_putc(&w, ch);
		}
		while (w.n > 0 && w.p[w.n - 1] == ' ')
			w.p[--w.n] = '\0';
		bm->title = arena_strdup(L->at->arena, w.p ? w.p : "");
		buf_free(&t);
		buf_free(&w);
		const char *dest = c->ref;
		const char *uri = c->uri;
		if (dest && *dest) {
			bm->dest = dest;
			lay_note_ref(L, dest, c->line, 1);
		} else if (uri && *uri) {
			bm->uri = uri;
		}
		bm->open = !c->style->starting_hide;
		bm->first = bookmarks(L, c);
		if (last)
			last->next = bm;
		else
			first = bm;
		last = bm;
	}
	return first;
}

static _Thread_local lay_progress_fn *progress_fn;
static _Thread_local void *progress_ctx;

void
lay_set_progress(lay_progress_fn *fn, void *ctx)
{
	progress_fn = fn;
	progress_ctx = ctx;
}

void
lay_progress(struct lay *L, enum lay_progress what)
{
	if (progress_fn)
		progress_fn(progress_ctx, what, L->pass,
		    what == LAY_PROGRESS_TEXT ? L->flow_done : L->at->npages,
		    what == LAY_PROGRESS_TEXT ? L->flow_total : 0);
}

/* The blocks, tables, lists and containers under n, for progress. */
static long
blocks_under(const struct fo_node *n)
{
	long k = 0;
	for (const struct fo_node *c = n->first; c; c = c->next)
		k += (c->type == FO_BLOCK || c->type == FO_BLOCK_CONTAINER || c->type == FO_TABLE ||
		    c->type == FO_LIST_BLOCK) + blocks_under(c);
	return k;
}

/* The same in the flows of every page sequence. */
static long
flow_blocks(const struct fo_tree *fo)
{
	long n = 0;
	for (const struct fo_node *s = fo->root->first; s; s = s->next)
		for (const struct fo_node *f = s->type == FO_PAGE_SEQUENCE ? s->first : NULL; f; f = f->next)
			if (f->type == FO_FLOW)
				n += blocks_under(f);
	return n;
}

/* Citations and links to ids that exist nowhere: one warning each. */
static void
dangling(struct lay *L)
{
	for (size_t i = 0; i < L->nrefs; i++) {
		const struct lay_ref *r = &L->refs[i];
		if (r->kind == 2) {
			if (lay_index_has_key(L->ids, r->id))
				continue;
			char key[300];
			snprintf(key, sizeof key, "index-key:%d:%s", r->line, r->id);
			diag_once(L->d, key, DIAG_WARNING, L->fo->file, r->line, 0,
			    "fo:index-key-reference to \"%s\", which no FO has as its index-key; "
			    "it cites no page", r->id);
			continue;
		}
		if (idmap_find(L->ids, r->id))
			continue;
		char key[300];
		snprintf(key, sizeof key, "dangling:%d:%s", r->line, r->id);
		diag_once(L->d, key, DIAG_WARNING, L->fo->file, r->line, 0,
		    r->kind == 0 ? "page-number citation of \"%s\", which no FO has as its id; \"??\" is shown"
		    : "link to \"%s\", which no FO has as its id", r->id);
	}
}

/* A pass begins: its part of L cleared at once, then its diagnostics and
 * the ids it records (ids) and reads (prev: the previous pass's, or NULL). */
static void
pass_begin(struct lay *L, struct diag *d, const struct idmap *prev, struct idmap *ids)
{
	memset((char *)L + LAY_PASS_FROM, 0, sizeof *L - LAY_PASS_FROM);
	L->d = d;
	L->ids_prev = prev;
	L->ids = ids;
}

/* A pass ends: its arrays are freed; its area tree (L->at) is the caller's. */
static void
pass_end(struct lay *L)
{
	free(L->refs);
	free(L->cparas);
	free(L->ranges);
	free(L->missing);
	free(L->nobreak);
	free(L->marks);
	free(L->deferred);
	lay_rows_free(L);
}

/* One layout pass over every page sequence.  Returns -1 if one failed. */
static int
one_pass(struct lay *L)
{
	const struct fo_tree *fo = L->fo;
	int page_number = 1, failed = 0;
	L->at = area_tree_new();
	L->scratch = L->at->arena;
	L->at->title = fo->title ? arena_strdup(L->at->arena, fo->title) : NULL;
	L->at->language = fo->language ? arena_strdup(L->at->arena, fo->language) : NULL;
	L->at->file = fo->file ? arena_strdup(L->at->arena, fo->file) : NULL;
	L->at->author = fo->author ? arena_strdup(L->at->arena, fo->author) : NULL;
	L->at->subject = fo->subject ? arena_strdup(L->at->arena, fo->subject) : NULL;
	L->at->keywords = fo->keywords ? arena_strdup(L->at->arena, fo->keywords) : NULL;
	L->flow_total = progress_fn ? flow_blocks(fo) : 0;
	for (const struct fo_node *c = fo->root->first; c; c = c->next)
		if (c->type == FO_PAGE_SEQUENCE && lay_sequence(L, c, &page_number) < 0)
			failed = 1;
	lay_table_markers(L);
	lay_page_deferred(L);
	for (const struct fo_node *c = fo->root->first; c; c = c->next)
		if (c->type == FO_BOOKMARK_TREE)
			L->at->bookmarks = bookmarks(L, c);
	return failed ? -1 : 0;
}

/*
 * Page-number citations of the flows read the ids of the previous pass; the
 * first pass uses two-digit placeholders, and at its end lay_cite_patch
 * makes them exact in place when no line moves.  Otherwise layout runs
 * again while the ids move (a number of another width can move lines and
 * pages), at most LIMIT_LAYOUT_PASSES times; only the last pass's
 * diagnostics are kept.  Static content reads the pass's own numbers.
 */
struct area_tree *
lay_document(const struct fo_tree *fo, struct text_fonts *fonts, struct diag *d)
{
	oom_context(_("laying out %s"), fo->file ? fo->file : "-");
	struct lay L;
	struct idmap prev, cur;
	int failed = 0;

	memset(&L, 0, sizeof L);
	memset(&prev, 0, sizeof prev);
	memset(&cur, 0, sizeof cur);
	L.fo = fo;
	L.fonts = fonts;
	for (int pass = 1; ; pass++) {
		struct diag pd;
		diag_init(&pd);
		pass_begin(&L, &pd, pass == 1 ? NULL : &prev, &cur);
		L.pass = pass;
		failed = one_pass(&L) < 0;
		int stable = L.ncites == 0 || (pass > 1 && idmap_equal(&prev, &cur));
		if (!stable && !failed && lay_cite_patch(&L) == 0)
			stable = 1;
		if (stable || failed || pass >= LIMIT_LAYOUT_PASSES) {
			if (!stable && !failed)
				diag_report(&pd, DIAG_WARNING, fo->file, 0, 0,
				    "page numbers did not settle after %d layout passes; citations may be off by a page",
				    pass);
			dangling(&L);
			lay_index_check(&L);
			lay_report_missing(&L);
			lay_report_nobreak(&L);
			diag_merge(d, &pd);
			diag_free(&pd);
			pass_end(&L);
			break;
		}
		diag_free(&pd);
		pass_end(&L);
		area_tree_free(L.at);
		L.at = NULL;
		idmap_free(&prev);
		prev = cur;
		memset(&cur, 0, sizeof cur);
	}
	idmap_free(&prev);
	idmap_free(&cur);
	free(L.cache_style);
	free(L.cache_set);
	lay_brk_free(L.brk);
	if (failed || L.at->npages == 0) {
		area_tree_free(L.at);
		return NULL;
	}
	lay_visibility(L.at);
	L.d = d;   /* the last pass's diagnostics are merged into d */
	lay_backgrounds(&L);
	area_check(L.at);
	return L.at;
}
