/*
 * fo — a computed style (XSL 1.1 §5): the initial values, the values that
 * are not inherited reset for each element, inherit and from-parent() and
 * its kin, and the order in which fo_style_compute applies the table.
 */
#include <stdio.h>
#include <string.h>

#include "../base/limits.h"
#include "fo_int.h"

/* ---------------------------------------------------------------- initial values */

void
fo_style_initial(struct fo_style *s)
{
	memset(s, 0, sizeof *s);
	s->font_family = "serif";
	s->font_size = PT(12);
	s->font_weight = 400;
	s->lh_factor = 1200;
	s->line_height = PT(12) * 12 / 10;
	s->text_align = ALIGN_START;
	s->text_align_last = ALIGN_RELATIVE;
	s->linefeed = LF_TREAT_AS_SPACE;
	s->ws_collapse = 1;
	s->ws_treatment = WST_IGNORE_IF_SURROUNDING_LINEFEED;
	s->wrap = 1;
	s->widows = 2;
	s->orphans = 2;
	s->color = 0x000000;
	s->background = COLOR_NONE;
	for (int i = 0; i < 4; i++) {
		s->border[i].style = BORDER_NONE;
		s->border[i].width = 0;
		s->border[i].color = 0;
	}
	s->width.is_auto = 1;
	s->height.is_auto = 1;
	s->collapse = 1;
	s->column_width.is_auto = 1;
	s->cols_repeated = s->cols_spanned = s->rows_spanned = 1;
	s->dist_starts.abs = PT(24);
	s->label_sep.abs = PT(6);
	s->leader_pattern = LEADER_SPACE;
	s->leader_len[1].abs = PT(12);
	s->leader_len[2].pct = 10000;   /* 100% */
	s->leader_pw.is_auto = 1;
	s->rule_thickness = PT(1);
	s->rule_style = BORDER_SOLID;
	for (int i = 0; i < 4; i++)
		s->pos[i].is_auto = 1;
	s->max_repeats = -1;
	s->cbar_color = COLOR_NONE;
	s->cbar_offset = s->cbar_width = PT(6);
	s->cbar_style = BORDER_NONE;
	s->hyph_char = 0x2010;
	s->hyph_push = s->hyph_remain = 2;
}

/* Values that are not inherited go back to their initial values. */
static void
reset_noninherited(struct fo_style *s)
{
	s->background = COLOR_NONE;
	memset(s->margin, 0, sizeof s->margin);
	memset(s->margin_set, 0, sizeof s->margin_set);
	memset(s->padding, 0, sizeof s->padding);
	for (int i = 0; i < 4; i++) {
		s->border[i].style = BORDER_NONE;
		s->border[i].width = 0;
		s->border[i].color = s->color;
	}
	memset(&s->space_before, 0, sizeof s->space_before);
	memset(&s->space_after, 0, sizeof s->space_after);
	s->break_before = s->break_after = BREAK_AUTO;
	s->keep_with_next = s->keep_with_previous = KEEP_AUTO;
	s->keep_next_line = s->keep_prev_line = KEEP_AUTO;
	s->shift = SHIFT_BASELINE;
	memset(&s->shift_len, 0, sizeof s->shift_len);
	s->width = (struct fo_len){ .is_auto = 1 };
	s->height = (struct fo_len){ .is_auto = 1 };
	s->extent = 0;
	s->start_indent_set = s->end_indent_set = 0;
	s->table_fixed = 0;
	s->omit_header = s->omit_footer = 0;
	s->starts_row = s->ends_row = 0;
	s->column_width = (struct fo_len){ .is_auto = 1 };
	s->cols_repeated = s->cols_spanned = s->rows_spanned = 1;
	s->column_number = 0;
	s->abs_pos = ABSPOS_AUTO;
	s->overflow_hidden = 0;
	s->ref_orient = 0;
	s->precedence = 0;
	s->float_side = s->clear_side = 0;
	s->column_count = 1;
	s->column_gap = 12000;
	s->span_all = 0;
	s->edge_retain = 0;
	memset(&s->min_height, 0, sizeof s->min_height);
	for (int i = 0; i < 4; i++)
		s->pos[i] = (struct fo_len){ .is_auto = 1 };
	s->ipn_kind = IPN_AUTO;
	s->ipn = 0;
	s->force_page_count = FPC_AUTO;
	s->page_position = PAGEPOS_ANY;
	s->odd_or_even = ODDEVEN_ANY;
	s->blankness = BLANKNESS_ANY;
	s->max_repeats = -1;
	s->letter_value = LETTER_AUTO;
	s->num_format = NUMFMT_DECIMAL;
	s->num_width = 0;
	s->grouping_sep = 0;
	s->grouping_size = 0;
	s->starting_hide = s->show_new = 0;
	s->index_link = 0;
	s->retrieve_pos = RETRIEVE_FIRST_STARTING;
	s->retrieve_bnd = RETRIEVE_PAGE_SEQUENCE;
	s->rtm_pos = RETRIEVE_FIRST_STARTING;
	s->rtm_bnd = 0;
	s->scaling_free = 0;
	memset(s->content_mode, 0, sizeof s->content_mode);
	memset(s->content_len, 0, sizeof s->content_len);
}/*
 * from-parent(), inherited-property-value() and from-nearest-specified-value()
 * (XSL 1.1 §5.10.4): the parent's computed value of the property named, or
 * of the one being applied when no name is given.  folio keeps computed
 * values only, so the nearest specified value is taken from the parent as
 * well: the same for inherited properties (docs/fo-subset.md).
 */
static const char *const parent_fns[] = {
	"from-parent", "inherited-property-value", "from-nearest-specified-value",
};

/* The call at v (after spaces), or NULL: its property's name into name
 * (empty when none), end just past its ")". */
static const char *
parent_call(const char *v, char *name, size_t cap, const char **end)
{
	while (*v == ' ' || *v == '\t' || *v == '\n')
		v++;
	for (size_t i = 0; i < sizeof parent_fns / sizeof parent_fns[0]; i++) {
		size_t n = strlen(parent_fns[i]);
		if (strncmp(v, parent_fns[i], n) != 0)
			continue;
		const char *q = v + n;
		q += strspn(q, " \t\n");
		if (*q++ != '(')
			return NULL;
		q += strspn(q, " \t\n");
		size_t k = strcspn(q, " \t\n)");
		if (k >= cap)
			return NULL;
		memcpy(name, q, k);
		name[k] = '\0';
		q += k;
		q += strspn(q, " \t\n");
		if (*q != ')')
			return NULL;
		*end = q + 1;
		return v;
	}
	return NULL;
}

/* The parent's computed length of property q, or -1 when it has none. */
static int
parent_length(const struct fo_style *parent, const struct prop_def *q, mpt *out)
{
	const struct fo_len *l = NULL;
	switch ((enum prop_kind)q->kind) {
	case PK_FONT_SIZE: *out = parent->font_size; return 0;
	case PK_LINE_HEIGHT: *out = parent->line_height; return 0;
	case PK_ABS: *out = *(const mpt *)((const char *)parent + q->off); return 0;
	case PK_BORDER_WIDTH: *out = parent->border[q->arg].width; return 0;
	case PK_LENGTH: l = (const struct fo_len *)((const char *)parent + q->off); break;
	case PK_MARGIN: l = &parent->margin[q->arg]; break;
	case PK_PADDING: l = &parent->padding[q->arg]; break;
	case PK_INDENT: l = q->arg ? &parent->end_indent : &parent->start_indent; break;
	default: return -1;
	}
	if (l->is_auto || l->pct != 0 || l->prop != 0 || l->label_end != 0 || l->body_start != 0)
		return -1;
	*out = l->abs;
	return 0;
}

/*
 * v with its parent-value calls resolved: "inherit" for a lone call of the
 * property itself; the parent's field for a lone call of another property
 * of the same kind (copied here, NULL returned); else each call replaced by
 * the parent's length in points.  NULL with a warning when a call names no
 * property or one whose value is not a plain length.
 */
static const char *
parent_values(struct fo_style *s, const struct fo_style *parent, const struct prop_def *p,
    const char *v, struct style_ctx *c)
{
	char name[64];
	const char *end, *at = parent_call(v, name, sizeof name, &end);
	if (at && end[strspn(end, " \t\n")] == '\0') {
		if (name[0] == '\0' || strcmp(name, p->name) == 0)
			return "inherit";
		int qi = fo_prop_lookup(name);
		const struct prop_def *q = qi >= 0 ? &fo_props[qi] : NULL;
		size_t n = q && q->kind == p->kind ? fo_value_size(p) : 0;
		if (n > 0 && n == fo_value_size(q)) {
			memcpy((char *)s + p->off, (const char *)parent + q->off, n);
			return NULL;
		}
	}
	struct buf b = {0};
	const char *r = v;
	while (*r) {
		const char *hit = NULL;
		for (size_t i = 0; i < sizeof parent_fns / sizeof parent_fns[0]; i++) {
			const char *h = strstr(r, parent_fns[i]);
			if (h && (!hit || h < hit))
				hit = h;
		}
		if (!hit) {
			buf_puts(&b, r);
			break;
		}
		buf_add(&b, r, (size_t)(hit - r));
		int qi = -1;
		mpt x;
		if (parent_call(hit, name, sizeof name, &end) != NULL)
			qi = fo_prop_lookup(name[0] ? name : p->name);
		if (qi < 0 || parent_length(parent, &fo_props[qi], &x) < 0) {
			fo_value_bad(c, v, "from-parent() and its kin of a property with a length");
			buf_free(&b);
			return NULL;
		}
		char num[48];
		snprintf(num, sizeof num, "%.3fpt", x / 1000.0);
		buf_puts(&b, num);
		r = end;
	}
	const char *out = arena_strdup(c->arena, b.p ? b.p : "");
	buf_free(&b);
	return out;
}

/* Apply one specified value.  Called in table order. */
static void
apply(struct fo_style *s, const struct fo_style *parent, const struct prop_def *p,
    const char *v, struct style_ctx *c)
{
	c->prop = p->name;
	if (strstr(v, "from-parent") || strstr(v, "inherited-property-value") ||
	    strstr(v, "from-nearest-specified-value")) {
		if ((v = parent_values(s, parent, p, v, c)) == NULL)
			return;
	}
	if (fo_is(v, "inherit")) {
		/* inherit: the parent's computed value (XSL 1.1 §5.1.4) */
		size_t n = fo_value_size(p);
		if (n > 0) {
			memcpy((char *)s + p->off, (const char *)parent + p->off, n);
			return;
		}
		switch ((enum prop_kind)p->kind) {
		case PK_MARGIN: s->margin[p->arg] = parent->margin[p->arg]; s->margin_set[p->arg] = 1; return;
		case PK_PADDING: s->padding[p->arg] = parent->padding[p->arg]; return;
		case PK_BORDER_WIDTH: s->border[p->arg].width = parent->border[p->arg].width; return;
		default: return;  /* inherited properties already carry it */
		}
	}
	fo_value_apply(s, parent, p, v, c);
}

void
fo_style_compute(struct fo_style *s, const struct fo_style *parent,
    const char **spec, struct style_ctx *c)
{
	*s = *parent;
	reset_noninherited(s);
	fo_props_expand(spec, c);
	for (size_t i = 0; i < fo_nprops; i++)
		if (spec[i] != NULL)
			apply(s, parent, &fo_props[i], spec[i], c);
	/* border colours default to the element's own colour; a border with a
	 * style but no width is medium, one with no style has no width */
	for (int i = 0; i < 4; i++) {
		if (spec[fo_prop_border(i, 0)] == NULL && spec[fo_prop_border(i, 1)] == NULL)
			s->border[i].color = s->color;
		if (s->border[i].style == BORDER_NONE)
			s->border[i].width = 0;
		else if (spec[fo_prop_border(i, 2)] == NULL && spec[fo_prop_border(i, 3)] == NULL)
			s->border[i].width = 1000;  /* medium */
	}
	if (s->lh_factor > 0)
		s->line_height = (mpt)((int64_t)s->font_size * s->lh_factor / 1000);
	if (s->line_height > LIMIT_LENGTH_MAX)
		s->line_height = LIMIT_LENGTH_MAX;
}
