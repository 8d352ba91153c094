/*
 * area — allocation of the area tree and its XML dump.
 */
#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "area.h"

struct area_tree *
area_tree_new(void)
{
	struct area_tree *t = xcalloc(1, sizeof *t);
	t->arena = arena_new();
	return t;
}

void
area_tree_free(struct area_tree *t)
{
	if (t == NULL)
		return;
	arena_free(t->arena);
	free(t);
}

struct area_page *
area_page_add(struct area_tree *t, mpt w, mpt h)
{
	struct area_page *p = arena_alloc(t->arena, sizeof *p);
	p->w = w;
	p->h = h;
	p->index = ++t->npages;
	p->number = p->index;
	if (t->last)
		t->last->next = p;
	else
		t->first = p;
	t->last = p;
	return p;
}

struct area_tree *
area_tree_slice(const struct area_tree *t, int first, int last, const char *title,
    const struct area_bookmark *bm)
{
	assert(first >= 1 && first <= last && last <= t->npages);
	struct area_tree *s = area_tree_new();
	for (const struct area_page *p = t->first; p; p = p->next) {
		if (p->index < first || p->index > last)
			continue;
		struct area_page *c = area_page_add(s, p->w, p->h);
		int index = c->index;
		*c = *p;
		c->index = index;
		c->next = NULL;
	}
	for (const struct area_dest *d = t->dests; d; d = d->next) {
		if (d->page < first || d->page > last)
			continue;
		struct area_dest *c = arena_alloc(s->arena, sizeof *c);
		*c = *d;
		c->page = d->page - first + 1;
		c->next = s->dests;
		s->dests = c;
	}
	if (bm) {
		struct area_bookmark *c = arena_alloc(s->arena, sizeof *c);
		*c = *bm;
		c->next = NULL;
		s->bookmarks = c;
	}
	assert(s->npages == last - first + 1);
	s->title = title ? arena_strdup(s->arena, title) : NULL;
	s->author = t->author;
	s->file = t->file;
	s->subject = t->subject;
	s->keywords = t->keywords;
	s->language = t->language;
	return s;
}

struct area *
area_new(struct area_tree *t, enum area_kind kind, struct area *parent)
{
	struct area *a = arena_alloc(t->arena, sizeof *a);
	a->kind = (uint8_t)kind;
	a->background = 0xFFFFFFFFu;
	if (parent)
		area_append(parent, a);
	return a;
}

void
area_append(struct area *parent, struct area *a)
{
	a->next = NULL;
	if (parent->last)
		parent->last->next = a;
	else
		parent->first = a;
	parent->last = a;
}

static void
line_text(const struct area *a, struct buf *b)
{
	for (const struct area *c = a->first; c; c = c->next) {
		if (c->kind == AREA_RUN)
			buf_add(b, c->text, c->len);
		else if (c->kind != AREA_VIEWPORT)   /* a drawing's labels are its own */
			line_text(c, b);
	}
}

static void
paint(struct buf *b, const char *name, uint32_t c, uint8_t alpha)
{
	if (c == AREA_NO_PAINT) {
		buf_printf(b, " %s=\"none\"", name);
		return;
	}
	buf_printf(b, " %s=\"#%06X\"", name, c);
	if (alpha != 255)
		buf_printf(b, " %s-alpha=\"%d\"", name, alpha);
}

/* A path's paint and its points, absolute: d="M x y L x y C … Z". */
static void
dump_path(const struct area *a, struct buf *b)
{
	const struct area_path *p = a->path;
	if (p == NULL)
		return;
	paint(b, "fill", p->fill, p->fill_alpha);
	paint(b, "stroke", p->stroke, p->stroke_alpha);
	if (p->stroke != AREA_NO_PAINT) {
		buf_printf(b, " stroke-width=\"%d\"", p->width);
		if (p->cap)
			buf_printf(b, " cap=\"%d\"", p->cap);
		if (p->join)
			buf_printf(b, " join=\"%d\"", p->join);
		if (p->ndash > 0) {
			buf_puts(b, " dash=\"");
			for (int i = 0; i < p->ndash; i++)
				buf_printf(b, "%s%d", i ? " " : "", p->dash[i]);
			buf_putc(b, '"');
		}
	}
	if (p->evenodd)
		buf_puts(b, " evenodd=\"1\"");
	buf_puts(b, " d=\"");
	size_t k = 0;
	for (size_t i = 0; i < p->nops; i++) {
		static const char *op[] = { "M", "L", "C", "Z" };
		static const int npts[] = { 1, 1, 3, 0 };
		buf_printf(b, "%s%s", i ? " " : "", op[p->ops[i]]);
		for (int j = 0; j < npts[p->ops[i]] && k < p->npts; j++, k++)
			buf_printf(b, " %d %d", a->x + p->pts[2 * k], a->y + p->pts[2 * k + 1]);
	}
	buf_putc(b, '"');
}

/* Background and borders of a region, block or viewport. */
static void
dump_box(const struct area *a, struct buf *b)
{
	if (a->background != 0xFFFFFFFFu)
		buf_printf(b, " background=\"#%06X\"", a->background);
	if (a->bgimage) {
		static const char *rep[] = { "repeat", "repeat-x", "repeat-y", "no-repeat" };
		const struct area_bgimage *g = a->bgimage;
		buf_puts(b, " background-image=\"");
		buf_add_xml(b, g->image->src, strlen(g->image->src));
		buf_printf(b, "\" background-repeat=\"%s\" background-tile=\"%d %d\"", rep[g->repeat & 3],
		    g->w, g->h);
	}
	for (int i = 0; i < 4; i++)
		if (a->border[i].width > 0)
			buf_printf(b, " border-%s=\"%d %d #%06X\"",
			    i == 0 ? "before" : i == 1 ? "after" : i == 2 ? "start" : "end",
			    a->border[i].width, a->border[i].style, a->border[i].color);
}

static void
dump_image(const struct area *a, struct buf *b)
{
	static const char *fmt[] = { "none", "png", "jpeg", "gif", "tiff" };
	const struct area_image *im = a->image;
	if (im == NULL)
		return;
	buf_puts(b, " src=\"");
	buf_add_xml(b, im->src ? im->src : "", im->src ? strlen(im->src) : 0);
	buf_printf(b, "\" format=\"%s\"", fmt[im->format]);
	if (im->format == AREA_IMG_NONE)
		buf_puts(b, " placeholder=\"1\"");
	else
		buf_printf(b, " px-w=\"%d\" px-h=\"%d\"", im->px_w, im->px_h);
}

static void
dump(const struct area *a, struct buf *b, int depth)
{
	static const char *names[] = { "region", "block", "line", "run", "rule",
		"viewport", "image", "path" };
	for (int i = 0; i < depth; i++)
		buf_puts(b, "  ");
	buf_printf(b, "<%s x=\"%d\" y=\"%d\" w=\"%d\" h=\"%d\"", names[a->kind], a->x, a->y, a->w, a->h);
	if (a->name) {
		buf_puts(b, " fo=\"");
		buf_add_xml(b, a->name, strlen(a->name));
		buf_putc(b, '"');
	}
	if (a->line)
		buf_printf(b, " src-line=\"%d\"", a->line);
	if (a->hidden)
		buf_puts(b, " hidden=\"1\"");
	switch ((enum area_kind)a->kind) {
	case AREA_REGION:
	case AREA_BLOCK:
		dump_box(a, b);
		break;
	case AREA_LINE: {
		struct buf t = {0};
		line_text(a, &t);
		buf_printf(b, " baseline=\"%d\" text=\"", a->baseline);
		buf_add_xml(b, t.p ? t.p : "", t.n);
		buf_putc(b, '"');
		buf_free(&t);
		break;
	}
	case AREA_RUN:
		buf_printf(b, " baseline=\"%d\" font=\"", a->baseline);
		if (a->font)
			buf_add_xml(b, a->font, strlen(a->font));
		buf_printf(b, "\" size=\"%d\" color=\"#%06X\" glyphs=\"%d\" spacing=\"%d\"",
		    a->size, a->color, a->nglyphs, a->spacing);
		if (a->bold)
			buf_puts(b, " synth-bold=\"1\"");
		if (a->italic)
			buf_puts(b, " synth-italic=\"1\"");
		if (a->deco)
			buf_printf(b, " deco=\"%d\"", a->deco);
		if (a->link_dest || a->link_uri) {
			const char *l = a->link_dest ? a->link_dest : a->link_uri;
			buf_puts(b, a->link_dest ? " link-dest=\"" : " link-uri=\"");
			buf_add_xml(b, l, strlen(l));
			buf_putc(b, '"');
		}
		if (a->has_matrix)
			buf_printf(b, " matrix=\"%d %d %d %d\"", a->matrix[0], a->matrix[1],
			    a->matrix[2], a->matrix[3]);
		if (a->glyphs) {
			/* shaped: glyph ids and their x (and y, when not 0) from the run's origin */
			buf_puts(b, " gids=\"");
			for (int k = 0; k < a->ngids; k++)
				buf_printf(b, k ? " %u" : "%u", (unsigned)a->glyphs[k].gid);
			buf_puts(b, "\" gx=\"");
			for (int k = 0; k < a->ngids; k++) {
				buf_printf(b, k ? " %d" : "%d", a->glyphs[k].x);
				if (a->glyphs[k].y)
					buf_printf(b, ",%d", a->glyphs[k].y);
			}
			buf_putc(b, '"');
		}
		buf_puts(b, " text=\"");
		buf_add_xml(b, a->text, a->len);
		buf_putc(b, '"');
		break;
	case AREA_RULE:
		buf_printf(b, " thickness=\"%d\" style=\"%d\" color=\"#%06X\"", a->thickness, a->style, a->color);
		break;
	case AREA_VIEWPORT:
		dump_box(a, b);
		if (a->clip)
			buf_puts(b, " clip=\"1\"");
		break;
	case AREA_IMAGE:
		dump_image(a, b);
		break;
	case AREA_PATH:
		dump_path(a, b);
		break;
	}
	if (a->first == NULL) {
		buf_puts(b, "/>\n");
		return;
	}
	buf_puts(b, ">\n");
	for (const struct area *c = a->first; c; c = c->next)
		dump(c, b, depth + 1);
	for (int i = 0; i < depth; i++)
		buf_puts(b, "  ");
	buf_printf(b, "</%s>\n", names[a->kind]);
}

static void
dump_bookmarks(const struct area_bookmark *bm, struct buf *b, int depth)
{
	for (; bm; bm = bm->next) {
		for (int i = 0; i < depth; i++)
			buf_puts(b, "  ");
		buf_puts(b, "<bookmark title=\"");
		buf_add_xml(b, bm->title ? bm->title : "", bm->title ? strlen(bm->title) : 0);
		buf_printf(b, "\" open=\"%d\"", bm->open);
		if (bm->dest || bm->uri) {
			const char *t = bm->dest ? bm->dest : bm->uri;
			buf_puts(b, bm->dest ? " dest=\"" : " uri=\"");
			buf_add_xml(b, t, strlen(t));
			buf_putc(b, '"');
		}
		if (bm->first == NULL) {
			buf_puts(b, "/>\n");
			continue;
		}
		buf_puts(b, ">\n");
		dump_bookmarks(bm->first, b, depth + 1);
		for (int i = 0; i < depth; i++)
			buf_puts(b, "  ");
		buf_puts(b, "</bookmark>\n");
	}
}

int
area_dump(const struct area_tree *t, void *stream)
{
	FILE *f = stream;
	struct buf b = {0};
	buf_puts(&b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<areaTree");
	if (t->title) {
		buf_puts(&b, " title=\"");
		buf_add_xml(&b, t->title, strlen(t->title));
		buf_putc(&b, '"');
	}
	buf_printf(&b, " pages=\"%d\">\n", t->npages);
	for (const struct area_page *p = t->first; p; p = p->next) {
		buf_printf(&b, "  <page index=\"%d\" number=\"%d\" label=\"%s\" w=\"%d\" h=\"%d\">\n",
		    p->index, p->number, p->label ? p->label : "", p->w, p->h);
		for (const struct area_link *l = p->links; l; l = l->next) {
			const char *target = l->dest ? l->dest : l->uri ? l->uri : "";
			buf_printf(&b, "    <link x=\"%d\" y=\"%d\" w=\"%d\" h=\"%d\" %s=\"", l->x, l->y, l->w, l->h,
			    l->dest ? "dest" : "uri");
			buf_add_xml(&b, target, strlen(target));
			buf_puts(&b, "\"/>\n");
		}
		for (const struct area *a = p->root ? p->root->first : NULL; a; a = a->next)
			dump(a, &b, 2);
		buf_puts(&b, "  </page>\n");
		if (b.n > (1 << 20)) {
			if (fwrite(b.p, 1, b.n, f) != b.n)
				goto fail;
			buf_reset(&b);
		}
	}
	for (const struct area_dest *dd = t->dests; dd; dd = dd->next) {
		buf_puts(&b, "  <dest id=\"");
		buf_add_xml(&b, dd->id, strlen(dd->id));
		buf_printf(&b, "\" page=\"%d\" x=\"%d\" y=\"%d\"/>\n", dd->page, dd->x, dd->y);
	}
	dump_bookmarks(t->bookmarks, &b, 1);
	buf_puts(&b, "</areaTree>\n");
	if (fwrite(b.p, 1, b.n, f) != b.n)
		goto fail;
	buf_free(&b);
	return 0;
fail:
	buf_free(&b);
	return -1;
}
