/*
 * fo — length expressions, XSL 1.1 §5.9: numbers with units, percentages,
 * + - * div mod, unary minus and parentheses, and the functions
 * proportional-column-width(), label-end() and body-start() (§5.10.4),
 * and the numeric functions abs(), min(), max(), round(), floor() and
 * ceiling() (§5.10.1) of values with no part only layout knows.  A
 * value is kept as a linear form  abs + pct × reference + prop × column unit
 * + a × label-end() + b × body-start()  so that the parts only layout knows
 * can be resolved there.
 */
#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../base/limits.h"
#include "fo_int.h"

struct val {
	double abs;   /* points */
	double pct;   /* fraction of the reference */
	double prop;  /* proportional-column-width() units */
	double lend;  /* coefficient of label-end() */
	double bstart;/* coefficient of body-start() */
	int    dim;   /* 1 = length, 0 = plain number */
};

/* Scale every part of v by k. */
static void
scale(struct val *v, double k)
{
	v->abs *= k;
	v->pct *= k;
	v->prop *= k;
	v->lend *= k;
	v->bstart *= k;
}

/* Has v any part beyond its absolute one? */
static int
symbolic(struct val v)
{
	return v.pct != 0 || v.prop != 0 || v.lend != 0 || v.bstart != 0;
}

struct parser {
	const char *p;
	double      em;      /* points per em */
	int         depth;
	int         err;
};

static void
skip_ws(struct parser *ps)
{
	while (*ps->p && isspace((unsigned char)*ps->p))
		ps->p++;
}

static struct val expr(struct parser *ps);

static int
unit_factor(const char *u, size_t n, double em, double *out)
{
	static const struct { const char *name; double pt; } units[] = {
		{ "pt", 1.0 }, { "mm", 72.0 / 25.4 }, { "cm", 72.0 / 2.54 },
		{ "in", 72.0 }, { "pc", 12.0 }, { "px", 0.75 }, { "q", 72.0 / 101.6 },
	};
	for (size_t i = 0; i < sizeof units / sizeof units[0]; i++)
		if (strlen(units[i].name) == n && strncmp(units[i].name, u, n) == 0) {
			*out = units[i].pt;
			return 0;
		}
	if (n == 2 && strncmp(u, "em", 2) == 0) {
		*out = em;
		return 0;
	}
	return -1;
}

/* name(…): the functions of a length, XSL 1.1 §5.10.4. */
static struct val
function(struct parser *ps)
{
	struct val v = { 0, 0, 0, 0, 0, 0 };
	const char *name = ps->p;
	while (isalnum((unsigned char)*ps->p) || *ps->p == '-')
		ps->p++;
	size_t n = (size_t)(ps->p - name);
	skip_ws(ps);
	if (*ps->p != '(') {
		ps->err = 1;
		return v;
	}
	ps->p++;
	skip_ws(ps);
	if (n == 25 && strncmp(name, "proportional-column-width", n) == 0) {
		if (++ps->depth > LIMIT_EXPR_DEPTH) {
			ps->err = 1;
			return v;
		}
		struct val a = expr(ps);
		ps->depth--;
		if (a.dim || symbolic(a) || a.abs < 0)
			ps->err = 1;
		v.prop = a.abs;
		v.dim = 1;
	} else if ((n == 3 && (strncmp(name, "abs", 3) == 0 || strncmp(name, "min", 3) == 0 ||
	    strncmp(name, "max", 3) == 0)) || (n == 5 && (strncmp(name, "round", 5) == 0 ||
	    strncmp(name, "floor", 5) == 0)) || (n == 7 && strncmp(name, "ceiling", 7) == 0)) {
		/* numeric functions: min and max take two arguments of the same
		 * dimension; round, floor and ceiling keep the unit (points) */
		if (++ps->depth > LIMIT_EXPR_DEPTH) {
			ps->err = 1;
			return v;
		}
		struct val a = expr(ps);
		if (symbolic(a))
			ps->err = 1;
		if (name[1] == 'i' || name[1] == 'a') {   /* min, max */
			skip_ws(ps);
			if (*ps->p != ',') {
				ps->err = 1;
				ps->depth--;
				return v;
			}
			ps->p++;
			struct val b = expr(ps);
			if (symbolic(b) || (a.dim != b.dim && a.abs != 0 && b.abs != 0))
				ps->err = 1;
			int take_b = name[1] == 'i' ? b.abs < a.abs : b.abs > a.abs;
			a.abs = take_b ? b.abs : a.abs;
			a.dim |= b.dim;
		} else if (name[0] == 'a') {
			a.abs = fabs(a.abs);
		} else if (name[0] == 'r') {
			a.abs = floor(a.abs + 0.5);   /* round half up, as XPath */
		} else if (name[0] == 'f') {
			a.abs = floor(a.abs);
		} else {
			a.abs = ceil(a.abs);
		}
		ps->depth--;
		v = a;
	} else if (n == 9 && strncmp(name, "label-end", n) == 0) {
		v.lend = 1;
		v.dim = 1;
	} else if (n == 10 && strncmp(name, "body-start", n) == 0) {
		v.bstart = 1;
		v.dim = 1;
	} else {
		ps->err = 1;
		return v;
	}
	skip_ws(ps);
	if (*ps->p != ')')
		ps->err = 1;
	else
		ps->p++;
	return v;
}

static struct val
primary(struct parser *ps)
{
	struct val v = { 0, 0, 0, 0, 0, 0 };
	skip_ws(ps);
	if (isalpha((unsigned char)*ps->p))
		return function(ps);
	if (*ps->p == '(') {
		if (++ps->depth > LIMIT_EXPR_DEPTH) {
			ps->err = 1;
			return v;
		}
		ps->p++;
		v = expr(ps);
		skip_ws(ps);
		if (*ps->p != ')')
			ps->err = 1;
		else
			ps->p++;
		ps->depth--;
		return v;
	}
	if (isdigit((unsigned char)*ps->p) || *ps->p == '.') {
		char *end;
		double x = strtod(ps->p, &end);
		if (end == ps->p) {
			ps->err = 1;
			return v;
		}
		ps->p = end;
		if (*ps->p == '%') {
			ps->p++;
			v.pct = x / 100.0;
			v.dim = 1;
			return v;
		}
		const char *u = ps->p;
		while (isalpha((unsigned char)*ps->p))
			ps->p++;
		if (ps->p > u) {
			double f;
			if (unit_factor(u, (size_t)(ps->p - u), ps->em, &f) < 0) {
				ps->err = 1;
				return v;
			}
			v.abs = x * f;
			v.dim = 1;
		} else {
			v.abs = x;
		}
		return v;
	}
	ps->err = 1;
	return v;
}

static struct val
unary(struct parser *ps)
{
	skip_ws(ps);
	if (*ps->p == '-') {
		ps->p++;
		if (++ps->depth > LIMIT_EXPR_DEPTH) {
			ps->err = 1;
			return (struct val){ 0, 0, 0, 0, 0, 0 };
		}
		struct val v = unary(ps);
		ps->depth--;
		scale(&v, -1);
		return v;
	}
	if (*ps->p == '+')
		ps->p++;
	return primary(ps);
}

static int
keyword(struct parser *ps, const char *kw)
{
	size_t n = strlen(kw);
	if (strncmp(ps->p, kw, n) == 0 && !isalnum((unsigned char)ps->p[n])) {
		ps->p += n;
		return 1;
	}
	return 0;
}

static struct val
term(struct parser *ps)
{
	struct val a = unary(ps);
	for (;;) {
		skip_ws(ps);
		int op;
		if (*ps->p == '*') {
			ps->p++;
			op = '*';
		} else if (keyword(ps, "div")) {
			op = '/';
		} else if (keyword(ps, "mod")) {
			op = '%';
		} else {
			return a;
		}
		struct val b = unary(ps);
		if (op == '*') {
			if (a.dim && b.dim) {
				ps->err = 1;
			} else if (b.dim) {
				scale(&b, a.abs);
				a = b;
			} else {
				scale(&a, b.abs);
			}
		} else if (op == '/' && a.dim && b.dim) {
			/* a length over a length is a number (§5.9.6) */
			if (b.abs == 0 || symbolic(a) || symbolic(b))
				ps->err = 1;
			else
				a = (struct val){ a.abs / b.abs, 0, 0, 0, 0, 0 };
		} else if (op == '/') {
			if (b.dim || b.abs == 0) {
				ps->err = 1;
			} else {
				scale(&a, 1.0 / b.abs);
			}
		} else {
			if (b.abs == 0 || symbolic(a) || symbolic(b))
				ps->err = 1;
			else
				a.abs = fmod(a.abs, b.abs);
		}
	}
}

static struct val
expr(struct parser *ps)
{
	struct val a = term(ps);
	for (;;) {
		skip_ws(ps);
		int op = *ps->p;
		if (op != '+' && op != '-')
			return a;
		ps->p++;
		struct val b = term(ps);
		if (a.dim != b.dim && (a.abs != 0 || symbolic(a)) && (b.abs != 0 || symbolic(b)))
			ps->err = 1;
		if (op == '-')
			scale(&b, -1);
		a.abs += b.abs;
		a.pct += b.pct;
		a.prop += b.prop;
		a.lend += b.lend;
		a.bstart += b.bstart;
		a.dim |= b.dim;
	}
}

static int
evaluate(const char *text, mpt em_base, struct val *out)
{
	struct parser ps = { text, em_base / 1000.0, 0, 0 };
	*out = expr(&ps);
	skip_ws(&ps);
	if (ps.err || *ps.p != '\0')
		return -1;
	return 0;
}

int
fo_expr_length(const char *text, mpt em_base, struct fo_len *out)
{
	struct val v;
	memset(out, 0, sizeof *out);
	while (isspace((unsigned char)*text))
		text++;
	if (strncmp(text, "auto", 4) == 0 && text[4 + strspn(text + 4, " \t\n")] == '\0') {
		out->is_auto = 1;
		return 0;
	}
	if (evaluate(text, em_base, &v) < 0)
		return -1;
	if (!v.dim && v.abs != 0)
		return -1;  /* a bare non-zero number is not a length */
	double a = v.abs * 1000.0;
	if (a > LIMIT_LENGTH_MAX)
		a = LIMIT_LENGTH_MAX;
	if (a < -LIMIT_LENGTH_MAX)
		a = -LIMIT_LENGTH_MAX;
	out->abs = (mpt)lround(a);
	double p = v.pct * 10000.0;
	if (p > 1e7)
		p = 1e7;
	if (p < -1e7)
		p = -1e7;
	out->pct = (int32_t)lround(p);
	double q = v.prop * 1000.0;
	out->prop = (int32_t)lround(q > 1e9 ? 1e9 : q < 0 ? 0 : q);
	if (v.lend < -100 || v.lend > 100 || v.bstart < -100 || v.bstart > 100)
		return -1;
	out->label_end = (int16_t)lround(v.lend);
	out->body_start = (int16_t)lround(v.bstart);
	return 0;
}

int
fo_expr_number(const char *text, int32_t *out_x1000)
{
	struct val v;
	if (evaluate(text, 12000, &v) < 0 || v.dim)
		return -1;
	if (v.abs > 1e6 || v.abs < -1e6)
		return -1;
	*out_x1000 = (int32_t)lround(v.abs * 1000.0);
	return 0;
}

int
fo_length_parse(const char *text, mpt font_size, struct fo_len *out)
{
	return fo_expr_length(text, font_size, out);
}

mpt
fo_len_resolve(struct fo_len len, mpt ref)
{
	if (len.is_auto)
		return 0;
	return len.abs + (mpt)((int64_t)len.pct * ref / 10000);
}
