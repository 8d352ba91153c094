/*
 * fo — one specified value parsed into the field of struct fo_style its
 * property sets: the function of each kind of value (PROP_KINDS, the
 * dispatch table), the one keyword parser, the parsers of lengths and
 * numbers they share, and the warning of a bad value (file:line, once).
 */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../base/limits.h"
#include "fo_int.h"

/* ---------------------------------------------------------------- warnings and parsers */

static void
bad(struct style_ctx *c, const char *v, const char *expected)
{
	char key[256];
	snprintf(key, sizeof key, "badval:%s:%d:%s", c->file ? c->file : "", c->line, c->prop);
	diag_once(c->d, key, DIAG_WARNING, c->file, c->line, 0,
	    "%s=\"%s\": expected %s; the value is ignored", c->prop, v, expected);
}

void
fo_value_bad(struct style_ctx *c, const char *v, const char *expected)
{
	bad(c, v, expected);
}

/* A bad value replaced by the initial value (not the inherited one). */
static void
bad_initial(struct style_ctx *c, const char *v, const char *expected, const char *initial)
{
	char key[256];
	snprintf(key, sizeof key, "badval:%s:%d:%s", c->file ? c->file : "", c->line, c->prop);
	diag_once(c->d, key, DIAG_WARNING, c->file, c->line, 0,
	    "%s=\"%s\": expected %s; the initial value %s is used", c->prop, v, expected, initial);
}

/* A bad value replaced by what instead says. */
static void
bad_instead(struct style_ctx *c, const char *v, const char *expected, const char *instead)
{
	char key[256];
	snprintf(key, sizeof key, "badval:%s:%d:%s", c->file ? c->file : "", c->line, c->prop);
	diag_once(c->d, key, DIAG_WARNING, c->file, c->line, 0,
	    "%s=\"%s\": expected %s; %s", c->prop, v, expected, instead);
}

int
fo_color_parse(const char *v, uint32_t *out)
{
	return color_parse(v, out);   /* base: #rgb, rgb() with percentages, CSS names */
}

static int
parse_len(struct style_ctx *c, const char *v, mpt em, struct fo_len *out)
{
	if (fo_expr_length(v, em, out) < 0) {
		bad(c, v, "a length");
		return -1;
	}
	return 0;
}

static int
parse_abs(struct style_ctx *c, const char *v, mpt em, mpt *out)
{
	struct fo_len l;
	if (parse_len(c, v, em, &l) < 0)
		return -1;
	if (l.pct != 0 || l.is_auto) {
		bad(c, v, "an absolute length");
		return -1;
	}
	*out = l.abs;
	return 0;
}

static int
parse_border_width(struct style_ctx *c, const char *v, mpt em, mpt *out)
{
	if (fo_is(v, "thin"))
		*out = 500;
	else if (fo_is(v, "medium"))
		*out = 1000;
	else if (fo_is(v, "thick"))
		*out = 2000;
	else if (parse_abs(c, v, em, out) < 0)
		return -1;
	if (*out < 0)
		*out = 0;
	return 0;
}

static int
parse_keep(struct style_ctx *c, const char *v, int32_t *out)
{
	if (fo_is(v, "auto"))
		*out = KEEP_AUTO;
	else if (fo_is(v, "always"))
		*out = KEEP_ALWAYS;
	else {
		char *end;
		long x = strtol(v, &end, 10);
		if (*end != '\0' || x < 0) {
			bad(c, v, "auto, always or an integer");
			return -1;
		}
		*out = x > 1000000 ? 1000000 : (int32_t)x;
	}
	return 0;
}

static mpt
font_size_of(struct style_ctx *c, const char *v, mpt parent)
{
	static const struct { const char *n; int pt10; } kw[] = {
		{ "xx-small", 69 }, { "x-small", 83 }, { "small", 100 }, { "medium", 120 },
		{ "large", 144 }, { "x-large", 173 }, { "xx-large", 207 },
	};
	for (size_t i = 0; i < sizeof kw / sizeof kw[0]; i++)
		if (fo_is(v, kw[i].n))
			return kw[i].pt10 * 100;
	if (fo_is(v, "larger"))
		return (mpt)((int64_t)parent * 6 / 5);
	if (fo_is(v, "smaller"))
		return (mpt)((int64_t)parent * 5 / 6);
	struct fo_len l;
	if (parse_len(c, v, parent, &l) < 0 || l.is_auto)
		return parent;
	mpt s = fo_len_resolve(l, parent);
	/* 0 is allowed: the usual way to take the strut out of a line that
	 * holds only an image (FOP accepts it) */
	if ((s != 0 && s < LIMIT_FONT_SIZE_MIN) || s < 0 || s > LIMIT_FONT_SIZE_MAX) {
		bad(c, v, "0 or a font size between 0.1pt and 1000pt");
		return parent;
	}
	return s;
}
/* A whole number from lo to hi; returns 0 and sets *out, or warns (the
 * property's keywords kws, if any, named in the warning). */
static int
parse_int_range(struct style_ctx *c, const char *v, long lo, long hi, const char *kws, int32_t *out)
{
	char *end;
	errno = 0;
	long n = strtol(v, &end, 10);
	while (isspace((unsigned char)*end))
		end++;
	if (end == v || *end || errno == ERANGE || n < lo || n > hi) {
		char want[128];
		snprintf(want, sizeof want, "%s%sa whole number from %ld to %ld", kws ? kws : "",
		    kws ? " or " : "", lo, hi);
		bad(c, v, want);
		return -1;
	}
	*out = (int32_t)n;
	return 0;
}
/* ---------------------------------------------------------------- applying values */

#define FIELD(s, p, type) ((type *)(void *)((char *)(s) + (p)->off))

/* The value of v among kw into *out, or -1 when it is none of them. */
static int
keyword_find(const struct fo_keyword *kw, const char *v, uint8_t *out)
{
	for (; kw->name; kw++)
		if (fo_is(v, kw->name)) {
			*out = kw->value;
			return 0;
		}
	return -1;
}

/*
 * The one keyword parser: the value of v among kw, or -1 after a warning
 * that lists them all ("expected a, b or c").  The properties whose value
 * is a keyword or something else look theirs up with keyword_find.
 */
static int
keyword(struct style_ctx *c, const struct fo_keyword *kw, const char *v, uint8_t *out)
{
	size_t n = 0;
	if (keyword_find(kw, v, out) == 0)
		return 0;
	while (kw[n].name)
		n++;
	struct buf want = {0};
	for (size_t i = 0; i < n; i++) {
		if (i > 0)
			buf_puts(&want, i + 1 == n ? " or " : ", ");
		buf_puts(&want, kw[i].name);
	}
	bad(c, v, want.p ? want.p : "nothing");
	buf_free(&want);
	return -1;
}

typedef void apply_fn(struct fo_style *s, const struct fo_style *parent,
    const struct prop_def *p, const char *v, struct style_ctx *c);

static void
apply_none(struct fo_style *s, const struct fo_style *parent, const struct prop_def *p,
    const char *v, struct style_ctx *c)
{
	/* names (read into the node by fo_names.c) and shorthands (expanded before) */
	(void)s, (void)parent, (void)p, (void)v, (void)c;
}

static void
apply_keyword(struct fo_style *s, const struct fo_style *parent, const struct prop_def *p,
    const char *v, struct style_ctx *c)
{
	(void)parent;
	keyword(c, p->kw, v, FIELD(s, p, uint8_t));
}

static void
apply_length(struct fo_style *s, const struct fo_style *parent, const struct prop_def *p,
    const char *v, struct style_ctx *c)
{
	struct fo_len l;
	(void)parent;
	if ((p->arg & LEN_INDEFINITE) && fo_is(v, "indefinite"))
		v = "auto";
	if (parse_len(c, v, s->font_size, &l) < 0)
		return;
	if (l.is_auto && (p->arg & LEN_NOAUTO)) {
		bad(c, v, "a length");
		return;
	}
	*FIELD(s, p, struct fo_len) = l;
}

static void
apply_abs(struct fo_style *s, const struct fo_style *parent, const struct prop_def *p,
    const char *v, struct style_ctx *c)
{
	mpt x;
	(void)parent;
	if ((p->arg & ABS_NORMAL) && fo_is(v, "normal"))
		x = 0;
	else if (parse_abs(c, v, s->font_size, &x) < 0)
		return;
	if ((p->arg & ABS_NONNEG) && x < 0)
		x = 0;
	if ((p->arg & ABS_SPACING) && (x > LIMIT_FONT_SIZE_MAX || x < -LIMIT_FONT_SIZE_MAX)) {
		bad_initial(c, v, "a length from -1000pt to 1000pt", "normal");
		x = 0;
	}
	*FIELD(s, p, mpt) = x;
}

/* background-position-horizontal and -vertical (§7.8.5, §7.8.6): a length,
 * a percentage or a keyword, which stands for 0%, 50% or 100% */
static void
apply_bg_pos(struct fo_style *s, const struct fo_style *parent, const struct prop_def *p,
    const char *v, struct style_ctx *c)
{
	static const char *kw[2][3] = { { "left", "center", "right" }, { "top", "center", "bottom" } };
	struct fo_len l = {0};
	(void)parent;
	for (int k = 0; k < 3; k++)
		if (fo_is(v, kw[p->arg][k])) {
			l.pct = k * 5000;
			s->bg_pos[p->arg] = l;
			return;
		}
	if (parse_len(c, v, s->font_size, &l) < 0)
		return;
	if (l.is_auto || l.prop || l.label_end || l.body_start) {
		bad(c, v, p->arg ? "a length, a percentage, top, center or bottom"
		    : "a length, a percentage, left, center or right");
		return;
	}
	s->bg_pos[p->arg] = l;
}

static void
apply_color(struct fo_style *s, const struct fo_style *parent, const struct prop_def *p,
    const char *v, struct style_ctx *c)
{
	uint32_t col;
	(void)parent;
	if (p->arg && fo_is(v, "transparent"))
		*FIELD(s, p, uint32_t) = COLOR_NONE;
	else if (fo_color_parse(v, &col) == 0)
		*FIELD(s, p, uint32_t) = col;
	else
		bad(c, v, p->arg ? "a colour or transparent" : "a colour");
}

static void
apply_int(struct fo_style *s, const struct fo_style *parent, const struct prop_def *p,
    const char *v, struct style_ctx *c)
{
	int32_t i32;
	(void)parent;
	if (fo_int_ranges[p->arg].kw && fo_is(v, fo_int_ranges[p->arg].kw))
		*FIELD(s, p, int32_t) = fo_int_ranges[p->arg].kwval;
	else if (parse_int_range(c, v, fo_int_ranges[p->arg].lo, fo_int_ranges[p->arg].hi,
	    fo_int_ranges[p->arg].kw, &i32) == 0)
		*FIELD(s, p, int32_t) = i32;
}

static void
apply_code(struct fo_style *s, const struct fo_style *parent, const struct prop_def *p,
    const char *v, struct style_ctx *c)
{
	(void)parent, (void)c;
	snprintf(FIELD(s, p, char), (size_t)p->arg, "%s", fo_is(v, "none") ? "" : v);
}

/* One visible character (hyphenation-character). */
static void
apply_char(struct fo_style *s, const struct fo_style *parent, const struct prop_def *p,
    const char *v, struct style_ctx *c)
{
	const char *q = v, *end = v + strlen(v);
	(void)parent;
	uint32_t cp = q < end ? utf8_next(&q, end) : 0;
	if (cp == 0 || q != end || cp < 0x21 || (cp >= 0x7F && cp < 0xA0)) {
		fo_value_bad(c, v, "one visible character");
		return;
	}
	*FIELD(s, p, uint32_t) = cp;
}

static void
apply_font_family(struct fo_style *s, const struct fo_style *parent, const struct prop_def *p,
    const char *v, struct style_ctx *c)
{
	struct buf b = {0};
	(void)parent, (void)p;
	buf_family_list(&b, v);
	if (b.n)
		s->font_family = arena_strdup(c->arena, b.p);
	buf_free(&b);
}

static void
apply_font_size(struct fo_style *s, const struct fo_style *parent, const struct prop_def *p,
    const char *v, struct style_ctx *c)
{
	(void)p;
	s->font_size = font_size_of(c, v, parent->font_size);
}

static void
apply_font_weight(struct fo_style *s, const struct fo_style *parent, const struct prop_def *p,
    const char *v, struct style_ctx *c)
{
	int32_t w;
	(void)p;
	if (fo_is(v, "normal"))
		s->font_weight = 400;
	else if (fo_is(v, "bold"))
		s->font_weight = 700;
	else if (fo_is(v, "bolder"))
		s->font_weight = parent->font_weight >= 600 ? 900 : 700;
	else if (fo_is(v, "lighter"))
		s->font_weight = parent->font_weight > 500 ? 400 : 100;
	else if (parse_int_range(c, v, 100, 900, "normal, bold, bolder, lighter", &w) == 0)
		s->font_weight = w / 100 * 100;
}

static void
apply_line_height(struct fo_style *s, const struct fo_style *parent, const struct prop_def *p,
    const char *v, struct style_ctx *c)
{
	/* a negative line-height would run the page fill backwards: the
	 * initial value, normal, is used instead */
	static const char want[] = "a number from 0 to 1000 or a length from 0 to 100000pt";
	struct fo_len l;
	int32_t i32;
	(void)parent, (void)p;
	if (fo_is(v, "normal")) {
		s->lh_factor = 1200;
	} else if (fo_expr_number(v, &i32) == 0) {
		if (i32 < 0 || i32 > LIMIT_LINE_HEIGHT_FACTOR) {
			bad_initial(c, v, want, "normal");
			s->lh_factor = 1200;
		} else {
			s->lh_factor = i32;
		}
	} else if (parse_len(c, v, s->font_size, &l) == 0 && !l.is_auto) {
		mpt h = fo_len_resolve(l, s->font_size);
		if (h < 0) {
			bad_initial(c, v, want, "normal");
			s->lh_factor = 1200;
		} else {
			s->lh_factor = 0;
			s->line_height = h;
		}
	}
}

static void
apply_indent(struct fo_style *s, const struct fo_style *parent, const struct prop_def *p,
    const char *v, struct style_ctx *c)
{
	struct fo_len l;
	(void)parent;
	if (parse_len(c, v, s->font_size, &l) < 0)
		return;
	if (p->arg) {
		s->end_indent = l;
		s->end_indent_set = 1;
	} else {
		s->start_indent = l;
		s->start_indent_set = 1;
	}
}

static void
apply_margin(struct fo_style *s, const struct fo_style *parent, const struct prop_def *p,
    const char *v, struct style_ctx *c)
{
	struct fo_len l;
	(void)parent;
	if (parse_len(c, v, s->font_size, &l) < 0)
		return;
	if (l.is_auto)
		l = (struct fo_len){ .abs = 0 };
	s->margin[p->arg] = l;
	s->margin_set[p->arg] = 1;
}

static void
apply_space(struct fo_style *s, const struct fo_style *parent, const struct prop_def *p,
    const char *v, struct style_ctx *c)
{
	struct fo_space *sp = p->arg ? &s->space_after : &s->space_before;
	mpt x;
	(void)parent;
	if (parse_abs(c, v, s->font_size, &x) == 0)
		sp->min = sp->opt = sp->max = x;
}

static void
apply_space_comp(struct fo_style *s, const struct fo_style *parent, const struct prop_def *p,
    const char *v, struct style_ctx *c)
{
	struct fo_space *sp = p->arg >= 8 ? &s->space_after : &s->space_before;
	mpt x;
	int32_t k;
	(void)parent;
	switch (p->arg & 7) {
	case 0: if (parse_abs(c, v, s->font_size, &x) == 0) sp->min = x; break;
	case 1: if (parse_abs(c, v, s->font_size, &x) == 0) sp->opt = x; break;
	case 2: if (parse_abs(c, v, s->font_size, &x) == 0) sp->max = x; break;
	case 3: keyword(c, fo_kw_conditionality, v, &sp->retain); break;
	case 4:
		if (fo_is(v, "force"))
			sp->precedence = INT32_MAX;
		else if (parse_int_range(c, v, -1000000, 1000000, "force", &k) == 0)
			sp->precedence = k;
		break;
	}
}

static void
apply_padding(struct fo_style *s, const struct fo_style *parent, const struct prop_def *p,
    const char *v, struct style_ctx *c)
{
	struct fo_len l;
	(void)parent;
	if (parse_len(c, v, s->font_size, &l) < 0)
		return;
	if (l.abs < 0)
		l.abs = 0;
	s->padding[p->arg] = l;
}

static void
apply_border_width(struct fo_style *s, const struct fo_style *parent, const struct prop_def *p,
    const char *v, struct style_ctx *c)
{
	mpt x;
	(void)parent;
	if (parse_border_width(c, v, s->font_size, &x) == 0)
		s->border[p->arg].width = x;
}

static void
apply_keep(struct fo_style *s, const struct fo_style *parent, const struct prop_def *p,
    const char *v, struct style_ctx *c)
{
	int32_t k;
	(void)parent;
	if (parse_keep(c, v, &k) < 0)
		return;
	if (p->arg == 0)
		s->keep_with_next = s->keep_next_line = k;
	else if (p->arg == 1)
		s->keep_with_previous = s->keep_prev_line = k;
	else
		s->keep_together = s->keep_within_line = k;
}

static void
apply_keep_comp(struct fo_style *s, const struct fo_style *parent, const struct prop_def *p,
    const char *v, struct style_ctx *c)
{
	int32_t k;
	(void)parent;
	if (parse_keep(c, v, &k) < 0)
		return;
	int which = p->arg / 4, comp = p->arg % 4;
	int32_t *t = which == 0 ? &s->keep_with_next
	    : which == 1 ? &s->keep_with_previous : &s->keep_together;
	if (comp == 2)
		*(which == 0 ? &s->keep_next_line : which == 1 ? &s->keep_prev_line : &s->keep_within_line) = k;
	else if (k > *t)
		*t = k;
}

static void
apply_decoration(struct fo_style *s, const struct fo_style *parent, const struct prop_def *p,
    const char *v, struct style_ctx *c)
{
	static const struct fo_keyword kw[] = {
		{ "none", 0 }, { "underline", DECO_UNDERLINE }, { "overline", DECO_OVERLINE },
		{ "line-through", DECO_LINE_THROUGH }, { "no-underline", 0x10 | DECO_UNDERLINE },
		{ "no-overline", 0x10 | DECO_OVERLINE }, { "no-line-through", 0x10 | DECO_LINE_THROUGH },
		{ NULL, 0 } };
	char tmp[128], *w[4];
	int n;
	uint8_t d = 0;
	(void)parent, (void)p;
	snprintf(tmp, sizeof tmp, "%s", v);
	fo_split_words(tmp, w, &n, 4);
	for (int k = 0; k < n; k++) {
		if (keyword(c, kw, w[k], &d) < 0)
			continue;
		if (d == 0)
			s->decoration = 0;
		else if (d & 0x10)
			s->decoration &= (uint8_t)~(d & 0xF);
		else
			s->decoration |= d;
	}
}

static void
apply_baseline_shift(struct fo_style *s, const struct fo_style *parent, const struct prop_def *p,
    const char *v, struct style_ctx *c)
{
	static const struct fo_keyword kw[] = {
		{ "baseline", SHIFT_BASELINE }, { "sub", SHIFT_SUB }, { "super", SHIFT_SUPER },
		{ NULL, 0 } };
	struct fo_len l;
	(void)p;
	if (keyword_find(kw, v, &s->shift) == 0)
		return;
	if (parse_len(c, v, parent->font_size, &l) == 0) {
		s->shift = SHIFT_LENGTH;
		s->shift_len = l;
	}
}

static void
apply_border_sep(struct fo_style *s, const struct fo_style *parent, const struct prop_def *p,
    const char *v, struct style_ctx *c)
{
	char tmp[128], *w[3];
	int n;
	mpt x;
	(void)parent;
	snprintf(tmp, sizeof tmp, "%s", v);
	fo_split_words(tmp, w, &n, 3);
	if (n < 1 || n > 2 || (p->arg >= 0 && n != 1)) {
		bad(c, v, p->arg >= 0 ? "a length" : "one or two lengths");
		return;
	}
	for (int k = 0; k < n; k++)
		if (parse_abs(c, w[k], s->font_size, &x) < 0)
			return;
	if (p->arg >= 0) {
		parse_abs(c, w[0], s->font_size, &s->border_sep[p->arg]);
	} else {
		parse_abs(c, w[0], s->font_size, &s->border_sep[0]);
		parse_abs(c, w[n - 1], s->font_size, &s->border_sep[1]);
	}
	for (int k = 0; k < 2; k++)
		if (s->border_sep[k] < 0)
			s->border_sep[k] = 0;
}

static void
apply_leader_length(struct fo_style *s, const struct fo_style *parent, const struct prop_def *p,
    const char *v, struct style_ctx *c)
{
	struct fo_len l;
	(void)parent;
	if (parse_len(c, v, s->font_size, &l) < 0)
		return;
	if (l.is_auto) {
		bad(c, v, "a length");
		return;
	}
	if (p->arg < 0)
		s->leader_len[0] = s->leader_len[1] = s->leader_len[2] = l;
	else
		s->leader_len[p->arg] = l;
}

static void
apply_leader_pw(struct fo_style *s, const struct fo_style *parent, const struct prop_def *p,
    const char *v, struct style_ctx *c)
{
	struct fo_len l;
	(void)parent, (void)p;
	if (fo_is(v, "use-font-metrics"))
		s->leader_pw = (struct fo_len){ .is_auto = 1 };
	else if (parse_len(c, v, s->font_size, &l) == 0)
		s->leader_pw = l;
}

static void
apply_ref_orient(struct fo_style *s, const struct fo_style *parent, const struct prop_def *p,
    const char *v, struct style_ctx *c)
{
	int32_t i32;
	(void)parent, (void)p;
	if (parse_int_range(c, v, -270, 270, NULL, &i32) < 0)
		return;
	if (i32 % 90 != 0)
		bad(c, v, "0, 90, 180, 270, -90, -180 or -270");
	else
		s->ref_orient = (int16_t)((i32 + 360) % 360);
}

/* initial-page-number: auto, auto-odd, auto-even or a positive number, at
 * most LIMIT_PAGE_NUMBER (a larger one is cut to it, with a warning) */
static void
apply_initial_page(struct fo_style *s, const struct fo_style *parent, const struct prop_def *p,
    const char *v, struct style_ctx *c)
{
	static const struct fo_keyword kw[] = {
		{ "auto", IPN_AUTO }, { "auto-odd", IPN_AUTO_ODD }, { "auto-even", IPN_AUTO_EVEN },
		{ NULL, 0 } };
	(void)parent, (void)p;
	if (keyword_find(kw, v, &s->ipn_kind) == 0)
		return;
	char *end;
	errno = 0;
	long long n = strtoll(v, &end, 10);
	while (isspace((unsigned char)*end))
		end++;
	if (end == v || *end || n < 1) {
		bad(c, v, "auto, auto-odd, auto-even or a positive whole number");
		return;
	}
	s->ipn_kind = IPN_NUMBER;
	s->ipn = (int32_t)(n > LIMIT_PAGE_NUMBER ? LIMIT_PAGE_NUMBER : n);
	if (n > LIMIT_PAGE_NUMBER || errno == ERANGE)
		diag_report(c->d, DIAG_WARNING, c->file, c->line, 0,
		    "%s=\"%s\" is more than %d, the largest page number folio numbers; %d is used",
		    c->prop, v, LIMIT_PAGE_NUMBER, LIMIT_PAGE_NUMBER);
}

/* content-width, content-height: a keyword, or a length or percentage of
 * the intrinsic size that layout resolves */
static void
apply_content_size(struct fo_style *s, const struct fo_style *parent, const struct prop_def *p,
    const char *v, struct style_ctx *c)
{
	static const struct fo_keyword kw[] = {
		{ "auto", CONTENT_AUTO }, { "scale-to-fit", CONTENT_FIT },
		{ "scale-down-to-fit", CONTENT_DOWN }, { "scale-up-to-fit", CONTENT_UP },
		{ NULL, 0 } };
	struct fo_len l;
	(void)parent;
	if (keyword_find(kw, v, &s->content_mode[p->arg]) == 0)
		return;
	if (fo_expr_length(v, s->font_size, &l) == 0 && !l.is_auto && l.abs >= 0 && l.pct >= 0 &&
	    (l.abs > 0 || l.pct > 0)) {
		s->content_mode[p->arg] = CONTENT_LENGTH;
		s->content_len[p->arg] = l;
		return;
	}
	bad_initial(c, v, "auto, scale-to-fit, scale-down-to-fit, scale-up-to-fit, a length or "
	    "a percentage", "auto");
	s->content_mode[p->arg] = CONTENT_AUTO;
}

/*
 * format (§7.26.1, the tokens of XSLT's xsl:number that folio numbers
 * with): 1, 01, 001 … (decimal, zero-padded to the token's length), i, I,
 * a, A, and 一 or 〇 (Chinese numerals).  Anything else numbers in
 * decimal, padded to its leading digits, with a warning.
 */
static void
apply_format(struct fo_style *s, const struct fo_style *parent, const struct prop_def *p,
    const char *v, struct style_ctx *c)
{
	static const struct fo_keyword kw[] = {
		{ "i", NUMFMT_ROMAN_LOWER }, { "I", NUMFMT_ROMAN_UPPER }, { "a", NUMFMT_ALPHA_LOWER },
		{ "A", NUMFMT_ALPHA_UPPER }, { "一", NUMFMT_CHINESE }, { "〇", NUMFMT_CHINESE },
		{ NULL, 0 } };
	(void)parent, (void)p;
	if (keyword_find(kw, v, &s->num_format) == 0) {
		s->num_width = 0;
		return;
	}
	size_t digits = strspn(v, "0123456789");
	s->num_format = NUMFMT_DECIMAL;
	s->num_width = (uint8_t)(digits > 0 && digits < 10 ? digits : 1);
	if (digits == 0 || v[digits] != '\0' || v[digits - 1] != '1' || strspn(v, "0") != digits - 1)
		bad_instead(c, v, "1, 01 (decimal, zero-padded), i, I, a, A or 一",
		    s->num_width > 1 ? "decimal numbers zero-padded to its leading digits are used"
		    : "decimal numbers are used");
}

/* grouping-separator (§7.26.3): one character, put between the groups of
 * grouping-size digits */
static void
apply_grouping_sep(struct fo_style *s, const struct fo_style *parent, const struct prop_def *p,
    const char *v, struct style_ctx *c)
{
	(void)parent, (void)p;
	const char *q = v, *e = v + strlen(v);
	s->grouping_sep = q < e ? utf8_next(&q, e) : 0;
	if (q < e)
		bad_instead(c, v, "one character", "its first character is used");
}
/* The dispatch table: one function per kind, in the order of PROP_KINDS. */
static apply_fn *const apply_kind[] = {
#define KIND_FN(k, fn) fn,
	PROP_KINDS(KIND_FN)
#undef KIND_FN
};
_Static_assert(sizeof apply_kind / sizeof apply_kind[0] == PK__COUNT,
    "every kind of property has its function");

void
fo_value_apply(struct fo_style *s, const struct fo_style *parent, const struct prop_def *p,
    const char *v, struct style_ctx *c)
{
	apply_kind[p->kind](s, parent, p, v, c);
}
size_t
fo_value_size(const struct prop_def *p)
{
	switch ((enum prop_kind)p->kind) {
	case PK_KEYWORD: return sizeof(uint8_t);
	case PK_LENGTH: return sizeof(struct fo_len);
	case PK_ABS: return sizeof(mpt);
	case PK_COLOR: return sizeof(uint32_t);
	case PK_INT: return sizeof(int32_t);
	case PK_CODE: return (size_t)p->arg;
	case PK_CHAR: return sizeof(uint32_t);
	default: return 0;
	}
}
