/*
 * layout — inline objects: fo:external-graphic and fo:instream-foreign-object.
 * The intrinsic size (from the image's header, or the SVG's width, height
 * and viewBox) is scaled by content-width, content-height and scaling (XSL
 * 1.1 §7.15.5, §7.15.6, §7.15.11); the content is placed in its viewport
 * (width, height) by text-align and display-align, and the object becomes
 * one viewport area holding an image area or the drawing's areas.  The
 * line composer treats it as one item (U+FFFC) whose bottom sits on the
 * baseline.
 *
 *   viewport (border box) ┌────────────────────────┐
 *                         │ padding                │
 *                         │  ┌ content box ──────┐ │  clip here
 *                         │  │   ┌ image ┐       │ │  text-align, display-align
 *                         │  │   └───────┘       │ │  place the scaled content
 *                         │  └───────────────────┘ │
 *                         └────────────────────────┘ ← baseline
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../base/limits.h"
#include "../image/image.h"
#include "../svg/svg.h"
#include "lay_int.h"

#define PLACEHOLDER_SIDE 56693   /* 2cm: a bad image with no declared size */

/* ---------------------------------------------------------------- src */

static int
hexval(char c)
{
	return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
	    : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

/*
 * The local file a src names: url('…'), url(…) or a plain path; file: URLs
 * allowed, every other scheme refused (nothing is fetched from the
 * network); relative names resolved against the FO document's directory.
 * Returns a name in the area tree's arena, or NULL with a reason.
 */
const char *
lay_src_resolve(struct lay *L, const char *src, const char **why)
{
	struct buf b = {0};
	const char *p = src, *e;
	int url = 0;

	while (*p == ' ' || *p == '\t' || *p == '\n')
		p++;
	e = p + strlen(p);
	while (e > p && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\n'))
		e--;
	if (e - p >= 5 && strncmp(p, "url(", 4) == 0 && e[-1] == ')') {
		p += 4;
		e--;
		url = 1;
		while (p < e && *p == ' ')
			p++;
		while (e > p && e[-1] == ' ')
			e--;
	}
	if (e > p && (*p == '\'' || *p == '"') && e - p >= 2 && e[-1] == *p) {
		p++;
		e--;
	}
	/* a scheme: letters, digits, + - . before a colon (a drive letter is not one) */
	const char *q = p;
	while (q < e && (((*q | 0x20) >= 'a' && (*q | 0x20) <= 'z') || (q > p && ((*q >= '0' && *q <= '9') ||
	    *q == '+' || *q == '-' || *q == '.'))))
		q++;
	if (q < e && *q == ':' && q - p > 1) {
		if (q - p != 4 || strncmp(p, "file", 4) != 0) {
			*why = "only local files are read; nothing is fetched from the network";
			return NULL;
		}
		p = q + 1;
		url = 1;
		if (e - p >= 2 && p[0] == '/' && p[1] == '/') {
			p += 2;
			if (e - p >= 9 && strncmp(p, "localhost", 9) == 0)
				p += 9;
			if (p < e && *p != '/') {
				*why = "file: URLs naming another host are not read";
				return NULL;
			}
		}
	}
	if (p == e) {
		*why = "the src is empty";
		return NULL;
	}
	if (*p != '/' && L->fo->base && *L->fo->base) {
		buf_puts(&b, L->fo->base);
		buf_putc(&b, '/');
	}
	for (; p < e; p++) {
		if (url && *p == '%' && e - p >= 3 && hexval(p[1]) >= 0 && hexval(p[2]) >= 0) {
			buf_putc(&b, (char)(hexval(p[1]) * 16 + hexval(p[2])));
			p += 2;
		} else {
			buf_putc(&b, *p);
		}
	}
	/* one key per file, however it is named (embedded once) */
	char *real = realpath(b.p, NULL);
	const char *r = arena_strdup(L->at->arena, real ? real : b.p);
	free(real);
	buf_free(&b);
	return r;
}

/* ---------------------------------------------------------------- size */

enum cmode { CM_AUTO, CM_FIT, CM_DOWN, CM_UP, CM_LEN };

/* content-width or content-height (XSL 1.1 §7.15.5), parsed by the FO
 * stage (axis 0 or 1): mode and length, a percentage of the intrinsic size. */
static enum cmode
content_mode(const struct fo_node *n, int axis, mpt intrinsic, mpt *len)
{
	switch ((enum fo_content)n->style->content_mode[axis]) {
	case CONTENT_AUTO: return CM_AUTO;
	case CONTENT_FIT: return CM_FIT;
	case CONTENT_DOWN: return CM_DOWN;
	case CONTENT_UP: return CM_UP;
	case CONTENT_LENGTH: break;
	}
	*len = fo_len_resolve(n->style->content_len[axis], intrinsic);
	return *len > 0 ? CM_LEN : CM_AUTO;   /* a percentage of nothing */
}

/* The scale one axis asks for (×1 is 1.0), or -1 when it asks for none. */
static double
axis_scale(enum cmode mode, mpt len, mpt intrinsic, mpt ref)
{
	double fit = ref > 0 && intrinsic > 0 ? (double)ref / intrinsic : -1;
	switch (mode) {
	case CM_AUTO:
		return -1;
	case CM_LEN:
		return intrinsic > 0 ? (double)len / intrinsic : -1;
	case CM_FIT:
		return fit;
	case CM_DOWN:
		return fit < 0 ? -1 : fit < 1 ? fit : 1;
	case CM_UP:
		return fit < 0 ? -1 : fit > 1 ? fit : 1;
	}
	return -1;
}

static mpt
clamp_side(struct lay *L, const struct fo_node *n, double v)
{
	if (!(v >= 0))
		return 0;
	if (v > LIMIT_OBJECT_SIZE) {
		diag_once(L->d, "object-size", DIAG_WARNING, L->fo->file, n->line, 0,
		    "fo:%s is larger than %dpt; it is reduced to that", fo_type_name(n->type),
		    LIMIT_OBJECT_SIZE / 1000);
		return LIMIT_OBJECT_SIZE;
	}
	return (mpt)(v + 0.5);
}

struct placement {
	mpt vw, vh;     /* viewport content box */
	mpt cx, cy;     /* content offset inside it */
	mpt cw, ch;     /* scaled content */
};

static void
place_content(struct lay *L, const struct fo_node *n, mpt iw, mpt ih, mpt avail, struct placement *pl)
{
	const struct fo_style *st = n->style;
	mpt W = -1, H = -1, lw = 0, lh = 0;
	if (!st->width.is_auto)
		W = fo_len_resolve(st->width, avail);
	if (!st->height.is_auto) {
		if (st->height.pct != 0)
			diag_once(L->d, "object-height-pct", DIAG_WARNING, L->fo->file, n->line, 0,
			    "a percentage height on fo:%s has no reference here; auto is used", fo_type_name(n->type));
		else
			H = st->height.abs;
	}
	enum cmode mw = content_mode(n, 0, iw, &lw);
	enum cmode mh = content_mode(n, 1, ih, &lh);
	/* without a width, the *-to-fit values fit the line (docs/graphics.md) */
	double sx = axis_scale(mw, lw, iw, W >= 0 ? W : avail);
	double sy = axis_scale(mh, lh, ih, H);
	int uniform = !n->style->scaling_free;
	if (uniform) {
		if (sx < 0 && sy < 0)
			sx = sy = 1;
		else if (sx < 0)
			sx = sy;
		else if (sy < 0)
			sy = sx;
		else
			sx = sy = sx < sy ? sx : sy;
	} else {
		sx = sx < 0 ? 1 : sx;
		sy = sy < 0 ? 1 : sy;
	}
	pl->cw = clamp_side(L, n, iw * sx);
	pl->ch = clamp_side(L, n, ih * sy);
	pl->vw = W >= 0 ? clamp_side(L, n, W) : pl->cw;
	pl->vh = H >= 0 ? clamp_side(L, n, H) : pl->ch;
	switch ((enum fo_align)st->text_align) {
	case ALIGN_CENTER: pl->cx = (pl->vw - pl->cw) / 2; break;
	case ALIGN_END: pl->cx = pl->vw - pl->cw; break;
	case ALIGN_START: case ALIGN_JUSTIFY: case ALIGN_RELATIVE: pl->cx = 0; break;
	}
	pl->cy = st->display_align == 1 ? (pl->vh - pl->ch) / 2 : st->display_align == 2 ? pl->vh - pl->ch : 0;
}

/* ---------------------------------------------------------------- objects */

static struct area *
viewport(struct lay *L, const struct fo_node *n, const struct placement *pl, mpt avail)
{
	const struct fo_style *st = n->style;
	struct area *v = area_new(L->at, AREA_VIEWPORT, NULL);
	v->name = fo_type_name(n->type);
	v->line = n->line;
	v->fo = n;
	v->background = st->background;
	for (int i = 0; i < 4; i++) {
		v->pad[i] = fo_len_resolve(st->padding[i], avail);
		v->border[i].style = st->border[i].style;
		v->border[i].width = st->border[i].width;
		v->border[i].color = st->border[i].color;
	}
	v->w = pl->vw + v->pad[SIDE_START] + v->pad[SIDE_END] + v->border[SIDE_START].width +
	    v->border[SIDE_END].width;
	v->h = pl->vh + v->pad[SIDE_BEFORE] + v->pad[SIDE_AFTER] + v->border[SIDE_BEFORE].width +
	    v->border[SIDE_AFTER].width;
	v->clip = pl->cx < 0 || pl->cy < 0 || pl->cx + pl->cw > pl->vw || pl->cy + pl->ch > pl->vh;
	return v;
}

/* The area tree's name for an image stage format. */
uint8_t
lay_image_format(int image_format)
{
	switch ((enum image_format)image_format) {
	case IMAGE_PNG:
		return AREA_IMG_PNG;
	case IMAGE_JPEG:
		return AREA_IMG_JPEG;
	case IMAGE_GIF:
		return AREA_IMG_GIF;
	case IMAGE_TIFF:
		return AREA_IMG_TIFF;
	case IMAGE_UNKNOWN:
		break;
	}
	return AREA_IMG_NONE;
}

static struct area *
external_graphic(struct lay *L, const struct fo_node *n, mpt avail)
{
	const char *src = n->uri, *why = NULL, *path = NULL;
	struct image_info info;
	mpt iw = PLACEHOLDER_SIDE, ih = PLACEHOLDER_SIDE;
	struct area_image *im = arena_alloc(L->at->arena, sizeof *im);

	im->src = src ? arena_strdup(L->at->arena, src) : "";
	if (src == NULL)
		why = "it has no src";
	else if ((path = lay_src_resolve(L, src, &why)) != NULL && image_info_read(path, &info, &why) == 0) {
		im->path = path;
		im->format = lay_image_format(info.format);
		char fkey[600];
		snprintf(fkey, sizeof fkey, "frames:%s", path);
		if (info.frames > 1)
			diag_once(L->d, fkey, DIAG_WARNING, L->fo->file, n->line, 0,
			    info.format == IMAGE_GIF ?
			    "fo:external-graphic src=\"%s\": an animated GIF of %d frames; only the first is printed" :
			    "fo:external-graphic src=\"%s\": a TIFF of %d pages; only the first is printed",
			    src, info.frames);
		im->px_w = info.w;
		im->px_h = info.h;
		iw = image_px_to_mpt(info.w, info.dpi_x);
		ih = image_px_to_mpt(info.h, info.dpi_y);
		why = NULL;
	}
	if (why) {
		/* the placeholder takes the declared size, or a 2cm square */
		const struct fo_style *st = n->style;
		mpt dw = st->width.is_auto ? 0 : fo_len_resolve(st->width, avail);
		mpt dh = st->height.is_auto || st->height.pct ? 0 : st->height.abs;
		if (dw > 0 || dh > 0) {
			iw = dw > 0 ? dw : dh;
			ih = dh > 0 ? dh : dw;
		}
		char key[600];
		snprintf(key, sizeof key, "image:%s", path ? path : src ? src : "");
		diag_once(L->d, key, DIAG_WARNING, L->fo->file, n->line, 0,
		    "fo:external-graphic src=\"%s\": %s; a placeholder is drawn", src ? src : "", why);
		im->format = AREA_IMG_NONE;
		im->path = path;
	}
	struct placement pl;
	place_content(L, n, iw, ih, avail, &pl);
	struct area *v = viewport(L, n, &pl, avail);
	struct area *a = area_new(L->at, AREA_IMAGE, v);
	a->line = n->line;   /* the PDF writer's warnings name it */
	a->x = v->border[SIDE_START].width + v->pad[SIDE_START] + pl.cx;
	a->y = v->border[SIDE_BEFORE].width + v->pad[SIDE_BEFORE] + pl.cy;
	a->w = pl.cw;
	a->h = pl.ch;
	a->line = n->line;
	a->image = im;
	return v;
}

static struct area *
foreign_object(struct lay *L, const struct fo_node *n, mpt avail)
{
	const struct fo_style *st = n->style;
	struct svg_env env = {
		L->at, L->fonts, L->d, L->fo->file, st->font_family, st->font_size,
		st->font_weight, st->font_italic, st->color, &L->svg_elements,
	};
	mpt iw = 0, ih = 0;
	if (n->foreign) {
		svg_size(n->foreign, &env, &iw, &ih);
	} else {
		char key[64];   /* once, however many layout passes there are */
		snprintf(key, sizeof key, "ifo-empty:%p", (const void *)n);
		diag_once(L->d, key, DIAG_WARNING, L->fo->file, n->line, 0,
		    "fo:instream-foreign-object holds no SVG drawing; it is empty");
	}
	struct placement pl;
	place_content(L, n, iw, ih, avail, &pl);
	struct area *v = viewport(L, n, &pl, avail);
	v->clip = 1;   /* SVG clips to its viewport */
	if (n->foreign)
		svg_draw(n->foreign, &env, v, v->border[SIDE_START].width + v->pad[SIDE_START] + pl.cx,
		    v->border[SIDE_BEFORE].width + v->pad[SIDE_BEFORE] + pl.cy, pl.cw, pl.ch);
	return v;
}

struct area *
lay_object(struct lay *L, const struct fo_node *n, mpt avail)
{
	if (n->type == FO_EXTERNAL_GRAPHIC)
		return external_graphic(L, n, avail);
	return foreign_object(L, n, avail);
}
