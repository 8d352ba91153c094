/*
 * layout — background images (XSL 1.1 §7.8.3–§7.8.6), once the pages are
 * made: every region, block, cell, row, inline box and viewport made from an
 * FO with a background-image gets the image's file and intrinsic size and
 * the FO's background-repeat and background-position; the PDF writer tiles
 * it over the padding box of each area (each fragment of a block broken
 * across pages places it in that fragment's box).  The file is found and
 * read as fo:external-graphic's src is (local files only); a
 * file that cannot be read is warned about once and the background colour
 * alone is painted.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../image/image.h"
#include "lay_int.h"

/* One background-image value as written, and what it gave. */
struct bgsrc {
	const char *src;
	const struct area_image *image;   /* NULL: not readable (warned) */
	mpt w, h;
};

struct bgcache {
	struct bgsrc *v;
	size_t n;
};

int
lay_has_bgimage(const struct fo_node *n)
{
	return n->bg_image != NULL;   /* NULL for none (fo_names.c) */
}

static const struct bgsrc *
bg_source(struct lay *L, struct bgcache *c, const struct fo_node *n)
{
	const char *src = n->bg_image;
	for (size_t i = 0; i < c->n; i++)
		if (strcmp(c->v[i].src, src) == 0) {
			if (c->v[i].image == NULL) {
				char key[600];   /* each FO that names it, once */
				snprintf(key, sizeof key, "bgimage:%d:%s", n->line, src);
				diag_once(L->d, key, DIAG_WARNING, L->fo->file, n->line, 0,
				    "background-image=\"%s\" cannot be read; the background colour alone is painted", src);
			}
			return &c->v[i];
		}
	c->v = xrealloc(c->v, (c->n + 1) * sizeof *c->v);
	struct bgsrc *b = &c->v[c->n++];
	memset(b, 0, sizeof *b);
	b->src = src;
	const char *why = NULL, *path = lay_src_resolve(L, src, &why);
	struct image_info info;
	if (path && image_info_read(path, &info, &why) == 0 && lay_image_format(info.format) != AREA_IMG_NONE) {
		struct area_image *im = arena_alloc(L->at->arena, sizeof *im);
		im->path = path;
		im->src = arena_strdup(L->at->arena, src);
		im->format = lay_image_format(info.format);
		im->px_w = info.w;
		im->px_h = info.h;
		b->image = im;
		b->w = image_px_to_mpt(info.w, info.dpi_x);
		b->h = image_px_to_mpt(info.h, info.dpi_y);
		return b;
	}
	char key[600];
	snprintf(key, sizeof key, "bgimage:%d:%s", n->line, src);
	diag_once(L->d, key, DIAG_WARNING, L->fo->file, n->line, 0,
	    "background-image=\"%s\": %s; the background colour alone is painted", src, why ? why : "not readable");
	return b;
}

static void
attach(struct lay *L, struct bgcache *c, struct area *a)
{
	for (; a; a = a->next) {
		if (a->fo && (a->kind == AREA_REGION || a->kind == AREA_BLOCK || a->kind == AREA_VIEWPORT) &&
		    lay_has_bgimage(a->fo)) {
			const struct fo_node *n = a->fo;
			const struct bgsrc *b = bg_source(L, c, n);
			if (b->image && b->w > 0 && b->h > 0) {
				struct area_bgimage *g = arena_alloc(L->at->arena, sizeof *g);
				g->image = b->image;
				g->w = b->w;
				g->h = b->h;
				g->repeat = n->style->bg_repeat;
				g->line = n->line;
				for (int k = 0; k < 2; k++) {
					g->pos_abs[k] = n->style->bg_pos[k].abs;
					g->pos_pct[k] = n->style->bg_pos[k].pct;
				}
				a->bgimage = g;
			}
		}
		attach(L, c, a->first);
	}
}

void
lay_backgrounds(struct lay *L)
{
	struct bgcache c = {0};
	for (struct area_page *p = L->at->first; p; p = p->next)
		if (p->root)
			attach(L, &c, p->root);
	free(c.v);
}
