/*
 * svg — paths: a builder in user space (move, line, cubic curve, arc,
 * close) that also records the vertices and directions markers need, the
 * path data parser (SVG 1.1 §8.3: M L H V C S Q T A Z, absolute and
 * relative, implicit repetition), elliptical arcs as cubic Béziers (SVG 1.1
 * implementation notes F.6), and the conversion of a finished path to an
 * AREA_PATH in page space.
 *
 *   d="M10 10 L90 10 A5 5 0 0 1 95 15 …"
 *        │
 *        ▼  svg_path_data (quadratics raised to cubics, arcs split ≤ 90°)
 *   ops  M  L  C  C  …   pts (user space, doubles)   vertices (x, y, in, out)
 *        │                                                │
 *        ▼  svg_path_area: × CTM, rounded to millipoints   ▼ svg_markers
 *   AREA_PATH (points relative to its bounding box)
 */
#include <assert.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "svg_int.h"

void
svg_path_free(struct svg_path *p)
{
	free(p->ops);
	free(p->pts);
	free(p->v);
	memset(p, 0, sizeof *p);
}

static void
add_op(struct svg_path *p, enum area_path_op op)
{
	if (p->nops == p->capops) {
		p->capops = p->capops ? p->capops * 2 : 32;
		p->ops = xrealloc(p->ops, p->capops);
	}
	p->ops[p->nops++] = (uint8_t)op;
}

static void
add_pt(struct svg_path *p, double x, double y)
{
	if (p->npts == p->cappts) {
		p->cappts = p->cappts ? p->cappts * 2 : 64;
		p->pts = xrealloc(p->pts, p->cappts * 2 * sizeof *p->pts);
	}
	p->pts[2 * p->npts] = x;
	p->pts[2 * p->npts + 1] = y;
	p->npts++;
}

static struct svg_vertex *
add_vertex(struct svg_path *p, double x, double y)
{
	if (p->nv == p->capv) {
		p->capv = p->capv ? p->capv * 2 : 32;
		p->v = xrealloc(p->v, p->capv * sizeof *p->v);
	}
	struct svg_vertex *v = &p->v[p->nv++];
	memset(v, 0, sizeof *v);
	v->x = x;
	v->y = y;
	return v;
}

/* Direction of (dx, dy), or -1 (no direction) for a zero vector. */
static int
dir(double dx, double dy, double *out)
{
	if (fabs(dx) < 1e-12 && fabs(dy) < 1e-12)
		return -1;
	*out = atan2(dy, dx);
	return 0;
}

static void
segment_dirs(struct svg_path *p, double out, int has_out, double in, int has_in, double x, double y)
{
	if (p->nv > 0 && has_out && !p->v[p->nv - 1].has_out) {
		p->v[p->nv - 1].out = out;
		p->v[p->nv - 1].has_out = 1;
	}
	struct svg_vertex *v = add_vertex(p, x, y);
	v->in = in;
	v->has_in = (uint8_t)has_in;
}

void
svg_path_move(struct svg_path *p, double x, double y)
{
	add_op(p, AP_MOVE);
	add_pt(p, x, y);
	add_vertex(p, x, y);
	p->sx = p->cx = x;
	p->sy = p->cy = y;
	p->open = 1;
	p->sub_v = p->nv - 1;
}

/* After a close, drawing goes on from the start of the closed subpath. */
static void
reopen(struct svg_path *p)
{
	if (!p->open) {
		add_op(p, AP_MOVE);
		add_pt(p, p->cx, p->cy);
		p->sx = p->cx;
		p->sy = p->cy;
		p->open = 1;
		p->sub_v = p->nv > 0 ? p->nv - 1 : 0;
		if (p->nv == 0)
			add_vertex(p, p->cx, p->cy);
	}
}

void
svg_path_line(struct svg_path *p, double x, double y)
{
	double d = 0;
	reopen(p);
	int ok = dir(x - p->cx, y - p->cy, &d) == 0;
	add_op(p, AP_LINE);
	add_pt(p, x, y);
	segment_dirs(p, d, ok, d, ok, x, y);
	p->cx = x;
	p->cy = y;
}

void
svg_path_curve(struct svg_path *p, double x1, double y1, double x2, double y2, double x, double y)
{
	double din = 0, dout = 0;
	reopen(p);
	int okout = dir(x1 - p->cx, y1 - p->cy, &dout) == 0 || dir(x2 - p->cx, y2 - p->cy, &dout) == 0 ||
	    dir(x - p->cx, y - p->cy, &dout) == 0;
	int okin = dir(x - x2, y - y2, &din) == 0 || dir(x - x1, y - y1, &din) == 0 ||
	    dir(x - p->cx, y - p->cy, &din) == 0;
	add_op(p, AP_CURVE);
	add_pt(p, x1, y1);
	add_pt(p, x2, y2);
	add_pt(p, x, y);
	segment_dirs(p, dout, okout, din, okin, x, y);
	p->cx = x;
	p->cy = y;
}

void
svg_path_close(struct svg_path *p)
{
	if (!p->open)
		return;
	double d = 0;
	if (dir(p->sx - p->cx, p->sy - p->cy, &d) == 0) {
		segment_dirs(p, d, 1, d, 1, p->sx, p->sy);
	} else if (p->nv > 0) {
		/* already at the start: the last vertex is the closing one */
		d = p->v[p->nv - 1].in;
	}
	add_op(p, AP_CLOSE);
	/* the closing vertex continues into the subpath's first segment */
	if (p->nv > 0 && p->sub_v < p->nv) {
		struct svg_vertex *first = &p->v[p->sub_v], *last = &p->v[p->nv - 1];
		last->out = first->out;
		last->has_out = first->has_out;
		if (!first->has_in && last->has_in) {
			first->in = last->in;
			first->has_in = 1;
		}
	}
	p->cx = p->sx;
	p->cy = p->sy;
	p->open = 0;
}

/* SVG 1.1 F.6.5: endpoint to centre parameterisation, then ≤ 90° cubics. */
void
svg_path_arc(struct svg_path *p, double rx, double ry, double rot, int large, int sweep,
    double x, double y)
{
	double x1 = p->cx, y1 = p->cy;
	if (fabs(x - x1) < 1e-12 && fabs(y - y1) < 1e-12)
		return;
	rx = fabs(rx);
	ry = fabs(ry);
	if (rx < 1e-12 || ry < 1e-12) {
		svg_path_line(p, x, y);
		return;
	}
	double phi = fmod(rot, 360) * M_PI / 180, cp = cos(phi), sp = sin(phi);
	double dx2 = (x1 - x) / 2, dy2 = (y1 - y) / 2;
	double x1p = cp * dx2 + sp * dy2, y1p = -sp * dx2 + cp * dy2;
	double lam = x1p * x1p / (rx * rx) + y1p * y1p / (ry * ry);
	if (lam > 1) {
		rx *= sqrt(lam);
		ry *= sqrt(lam);
	}
	double num = rx * rx * ry * ry - rx * rx * y1p * y1p - ry * ry * x1p * x1p;
	double den = rx * rx * y1p * y1p + ry * ry * x1p * x1p;
	double co = den > 0 && num > 0 ? sqrt(num / den) : 0;
	if (large == sweep)
		co = -co;
	double cxp = co * rx * y1p / ry, cyp = -co * ry * x1p / rx;
	double cx = cp * cxp - sp * cyp + (x1 + x) / 2, cy = sp * cxp + cp * cyp + (y1 + y) / 2;
	double ux = (x1p - cxp) / rx, uy = (y1p - cyp) / ry, vx = (-x1p - cxp) / rx, vy = (-y1p - cyp) / ry;
	double t1 = atan2(uy, ux);
	double dt = atan2(ux * vy - uy * vx, ux * vx + uy * vy);
	if (!sweep && dt > 0)
		dt -= 2 * M_PI;
	else if (sweep && dt < 0)
		dt += 2 * M_PI;
	int n = (int)ceil(fabs(dt) / (M_PI / 2) - 1e-9);
	if (n < 1)
		n = 1;
	double d = dt / n, k = 4.0 / 3.0 * tan(d / 4);
	for (int i = 0; i < n; i++) {
		double a0 = t1 + d * i, a1 = a0 + d;
		double e0x = cos(a0), e0y = sin(a0), e1x = cos(a1), e1y = sin(a1);
		double u[3][2] = {
			{ e0x - k * e0y, e0y + k * e0x },
			{ e1x + k * e1y, e1y - k * e1x },
			{ e1x, e1y },
		};
		double q[3][2];
		for (int j = 0; j < 3; j++) {
			double px = rx * u[j][0], py = ry * u[j][1];
			q[j][0] = cp * px - sp * py + cx;
			q[j][1] = sp * px + cp * py + cy;
		}
		if (i == n - 1) {
			q[2][0] = x;
			q[2][1] = y;
		}
		svg_path_curve(p, q[0][0], q[0][1], q[1][0], q[1][1], q[2][0], q[2][1]);
	}
}

/* ---------------------------------------------------------------- path data */

static const char *
skip_sep(const char *s)
{
	while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r' || *s == ',')
		s++;
	return s;
}

static int
flag(const char **s, int *out)
{
	const char *p = skip_sep(*s);
	if (*p != '0' && *p != '1')
		return -1;
	*out = *p == '1';
	*s = skip_sep(p + 1);
	return 0;
}

static int
numbers(const char **s, double *v, int n)
{
	for (int i = 0; i < n; i++)
		if (svg_number(s, &v[i]) < 0)
			return -1;
	return 0;
}

/*
 * design note: one switch over the path grammar's commands, kept whole.
 * What a command does depends on state the commands share: the current
 * command (repeated by bare numbers, M becoming L), the one before it and
 * the last control point (S and T reflect it), and the position a parse
 * error is reported at; split into a function per command, each would
 * take all of it.  Each case is a few lines.
 */
int
svg_path_data(struct svg_path *p, const char *d, size_t *err_at)
{
	const char *s = skip_sep(d);
	char cmd = 0, prev = 0;
	double qx = 0, qy = 0;   /* last control point, for S and T */

	while (*s) {
		const char *at = s;   /* where this command starts, for messages */
		if ((*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z')) {
			cmd = *s;
			s = skip_sep(s + 1);
		} else if (cmd == 0 || cmd == 'Z' || cmd == 'z') {
			goto bad;     /* numbers with no command */
		}
		if (p->nops == 0 && cmd != 'M' && cmd != 'm') {
			s = at;
			goto bad;
		}
		int rel = cmd >= 'a';
		double ox = rel ? p->cx : 0, oy = rel ? p->cy : 0, a[7];
		int fl, fs;
		switch (cmd) {
		case 'M': case 'm':
			if (numbers(&s, a, 2) < 0)
				goto bad;
			svg_path_move(p, ox + a[0], oy + a[1]);
			cmd = rel ? 'l' : 'L';   /* further pairs are lines */
			break;
		case 'L': case 'l':
			if (numbers(&s, a, 2) < 0)
				goto bad;
			svg_path_line(p, ox + a[0], oy + a[1]);
			break;
		case 'H': case 'h':
			if (numbers(&s, a, 1) < 0)
				goto bad;
			svg_path_line(p, ox + a[0], p->cy);
			break;
		case 'V': case 'v':
			if (numbers(&s, a, 1) < 0)
				goto bad;
			svg_path_line(p, p->cx, oy + a[0]);
			break;
		case 'C': case 'c':
			if (numbers(&s, a, 6) < 0)
				goto bad;
			svg_path_curve(p, ox + a[0], oy + a[1], ox + a[2], oy + a[3], ox + a[4], oy + a[5]);
			qx = ox + a[2];
			qy = oy + a[3];
			break;
		case 'S': case 's': {
			if (numbers(&s, a, 4) < 0)
				goto bad;
			int after = prev == 'C' || prev == 'c' || prev == 'S' || prev == 's';
			double x1 = after ? 2 * p->cx - qx : p->cx, y1 = after ? 2 * p->cy - qy : p->cy;
			svg_path_curve(p, x1, y1, ox + a[0], oy + a[1], ox + a[2], oy + a[3]);
			qx = ox + a[0];
			qy = oy + a[1];
			break;
		}
		case 'Q': case 'q': case 'T': case 't': {
			double cx, cy, x, y;
			if (cmd == 'Q' || cmd == 'q') {
				if (numbers(&s, a, 4) < 0)
					goto bad;
				cx = ox + a[0];
				cy = oy + a[1];
				x = ox + a[2];
				y = oy + a[3];
			} else {
				if (numbers(&s, a, 2) < 0)
					goto bad;
				int after = prev == 'Q' || prev == 'q' || prev == 'T' || prev == 't';
				cx = after ? 2 * p->cx - qx : p->cx;
				cy = after ? 2 * p->cy - qy : p->cy;
				x = ox + a[0];
				y = oy + a[1];
			}
			/* a quadratic is a cubic with controls ⅔ of the way to its control */
			svg_path_curve(p, p->cx + 2.0 / 3 * (cx - p->cx), p->cy + 2.0 / 3 * (cy - p->cy),
			    x + 2.0 / 3 * (cx - x), y + 2.0 / 3 * (cy - y), x, y);
			qx = cx;
			qy = cy;
			break;
		}
		case 'A': case 'a':
			if (numbers(&s, a, 3) < 0 || flag(&s, &fl) < 0 || flag(&s, &fs) < 0 ||
			    numbers(&s, a + 3, 2) < 0)
				goto bad;
			svg_path_arc(p, a[0], a[1], a[2], fl, fs, ox + a[3], oy + a[4]);
			break;
		case 'Z': case 'z':
			svg_path_close(p);
			break;
		default:
			s = at;
			goto bad;
		}
		assert(p->nops > 0);   /* a path begins with a move, checked above */
		prev = cmd;
		s = skip_sep(s);
	}
	return 0;
bad:
	*err_at = (size_t)(s - d);
	return -1;
}

/* ---------------------------------------------------------------- areas */

static mpt
to_mpt(double v)
{
	if (!(v > -LIMIT_LENGTH_MAX))
		return -LIMIT_LENGTH_MAX;
	if (!(v < LIMIT_LENGTH_MAX))
		return LIMIT_LENGTH_MAX;
	return (mpt)lround(v);
}

static uint8_t
alpha8(double a)
{
	return (uint8_t)(a <= 0 ? 0 : a >= 1 ? 255 : lround(a * 255));
}

/* Dashes a viewer would draw along p: a hair-fine pattern on a long path is refused. */
static int
dashes_ok(const struct area_path *ap)
{
	double len = 0, period = 0;
	for (size_t i = 1; i < ap->npts; i++)
		len += hypot((double)ap->pts[2 * i] - ap->pts[2 * i - 2],
		    (double)ap->pts[2 * i + 1] - ap->pts[2 * i - 1]);
	for (int i = 0; i < ap->ndash; i++)
		period += ap->dash[i];
	return period >= 10 && len / period * ap->ndash <= LIMIT_SVG_DASHES;
}

struct area *
svg_path_area(struct svg_ctx *c, const struct svg_path *p, const struct svg_mat *m,
    const struct svg_style *s, const struct xnode *x)
{
	uint32_t fill = AREA_NO_PAINT, stroke = AREA_NO_PAINT;
	struct arena *ar = c->env->at->arena;

	if (p->nops == 0 || s->hidden || c->full)
		return NULL;
	int has_fill = svg_paint_rgb(c, s, &s->fill, &fill);
	int has_stroke = svg_paint_rgb(c, s, &s->stroke, &stroke) && s->stroke_width > 0;
	if (!has_fill)
		fill = AREA_NO_PAINT;
	if (!has_stroke)
		stroke = AREA_NO_PAINT;
	if (!has_fill && !has_stroke)
		return NULL;
	if (c->points + (long)p->npts > LIMIT_SVG_POINTS) {
		char key[64];   /* each drawing that loses something says so */
		snprintf(key, sizeof key, "points-cap:%d", c->root ? c->root->line : 0);
		svg_warn(c, c->root, key, "the drawing has more than %d path points; the rest is not drawn",
		    LIMIT_SVG_POINTS);
		c->full = 1;
		return NULL;
	}
	c->points += (long)p->npts;

	struct area_path *ap = arena_alloc(ar, sizeof *ap);
	ap->ops = arena_alloc(ar, p->nops);
	memcpy(ap->ops, p->ops, p->nops);
	ap->nops = p->nops;
	ap->pts = arena_alloc(ar, (p->npts ? p->npts : 1) * 2 * sizeof *ap->pts);
	ap->npts = p->npts;
	mpt x0 = LIMIT_LENGTH_MAX, y0 = LIMIT_LENGTH_MAX, x1 = -LIMIT_LENGTH_MAX, y1 = -LIMIT_LENGTH_MAX;
	for (size_t i = 0; i < p->npts; i++) {
		double px, py;
		svg_mat_apply(m, p->pts[2 * i], p->pts[2 * i + 1], &px, &py);
		mpt ix = to_mpt(px), iy = to_mpt(py);
		ap->pts[2 * i] = ix;
		ap->pts[2 * i + 1] = iy;
		x0 = ix < x0 ? ix : x0;
		y0 = iy < y0 ? iy : y0;
		x1 = ix > x1 ? ix : x1;
		y1 = iy > y1 ? iy : y1;
	}
	for (size_t i = 0; i < p->npts; i++) {
		ap->pts[2 * i] -= x0;
		ap->pts[2 * i + 1] -= y0;
	}
	double scale = sqrt(fabs(m->a * m->d - m->b * m->c));
	ap->fill = fill;
	ap->stroke = stroke;
	ap->fill_alpha = alpha8(s->fill_opacity * s->group_alpha);
	ap->stroke_alpha = alpha8(s->stroke_opacity * s->group_alpha);
	ap->evenodd = s->evenodd;
	ap->cap = s->cap;
	ap->join = s->join;
	ap->width = to_mpt(s->stroke_width * scale);
	if (ap->width < 1 && has_stroke)
		ap->width = 1;
	ap->miter = (int32_t)lround(s->miter * 1000 > 1e6 ? 1e6 : s->miter * 1000);
	ap->ndash = s->ndash;
	for (int i = 0; i < s->ndash; i++)
		ap->dash[i] = to_mpt(s->dash[i] * scale);
	ap->dash_offset = to_mpt(s->dash_offset * scale);
	if (ap->ndash && has_stroke && !dashes_ok(ap)) {
		svg_warn(c, x, "dashes", "stroke-dasharray would make more than %d dashes; drawn solid",
		    LIMIT_SVG_DASHES);
		ap->ndash = 0;
	}

	struct area *a = area_new(c->env->at, AREA_PATH, c->parent);
	a->x = x0;
	a->y = y0;
	a->w = x1 - x0;
	a->h = y1 - y0;
	a->name = x->name;
	a->line = x->line;
	a->path = ap;
	return a;
}
