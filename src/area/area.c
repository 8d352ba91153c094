/*
 * area — allocation of the area tree and its XML dump.
 */
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

struct area *
area_new(struct area_tree *t, enum area_kind kind, struct area *parent)
{
	struct area *a = arena_alloc(t->arena, sizeof *a);
	a->kind = (uint8_t)kind;
	a->background = 0xFFFFFFFFu;
	if (parent) {
		if (parent->last)
			parent->last->next = a;
		else
			parent->first = a;
		parent->last = a;
	}
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
		else
			line_text(c, b);
	}
}

static void
dump(const struct area *a, struct buf *b, int depth)
{
	static const char *names[] = { "region", "block", "line", "run", "rule" };
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
	switch ((enum area_kind)a->kind) {
	case AREA_REGION:
	case AREA_BLOCK:
		if (a->background != 0xFFFFFFFFu)
			buf_printf(b, " background=\"#%06X\"", a->background);
		for (int i = 0; i < 4; i++)
			if (a->border[i].width > 0)
				buf_printf(b, " border-%s=\"%d %d #%06X\"",
				    i == 0 ? "before" : i == 1 ? "after" : i == 2 ? "start" : "end",
				    a->border[i].width, a->border[i].style, a->border[i].color);
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
		buf_puts(b, " text=\"");
		buf_add_xml(b, a->text, a->len);
		buf_putc(b, '"');
		break;
	case AREA_RULE:
		buf_printf(b, " thickness=\"%d\" style=\"%d\" color=\"#%06X\"", a->thickness, a->style, a->color);
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
		for (const struct area *a = p->root ? p->root->first : NULL; a; a = a->next)
			dump(a, &b, 2);
		buf_puts(&b, "  </page>\n");
		if (b.n > (1 << 20)) {
			if (fwrite(b.p, 1, b.n, f) != b.n)
				goto fail;
			buf_reset(&b);
		}
	}
	buf_puts(&b, "</areaTree>\n");
	if (fwrite(b.p, 1, b.n, f) != b.n)
		goto fail;
	buf_free(&b);
	return 0;
fail:
	buf_free(&b);
	return -1;
}
