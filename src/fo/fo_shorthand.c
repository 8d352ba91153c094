/*
 * fo — shorthands (XSL 1.1 §7.31): each expanded into the components it
 * stands for, before any value is computed, so that an explicit component
 * wins over its shorthand.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "fo_int.h"

/* Is v a border style keyword? */
static int
border_style(const char *v)
{
	for (const struct fo_keyword *k = fo_kw_border_style; k->name; k++)
		if (fo_is(v, k->name))
			return 1;
	return 0;
}

void
fo_split_words(char *v, char **w, int *n, int max)
{
	*n = 0;
	char *p = v;
	while (*p && *n < max) {
		while (isspace((unsigned char)*p))
			p++;
		if (!*p)
			break;
		char *start = p;
		int depth = 0;
		while (*p && (depth > 0 || !isspace((unsigned char)*p))) {
			if (*p == '(')
				depth++;
			else if (*p == ')')
				depth--;
			p++;
		}
		if (*p)
			*p++ = '\0';
		w[(*n)++] = start;
	}
}

static void
set_if_unset(const char **spec, const char *name, const char *v, struct arena *a)
{
	int i = fo_prop_lookup(name);
	if (i >= 0 && spec[i] == NULL)
		spec[i] = arena_strdup(a, v);
}

static const char *const side_abs[4] = { "top", "bottom", "left", "right" };

static void
expand_4(const char **spec, const char *v, const char *fmt, struct style_ctx *c)
{
	char tmp[512], *w[4], name[64];
	int n;
	snprintf(tmp, sizeof tmp, "%s", v);
	fo_split_words(tmp, w, &n, 4);
	if (n == 0)
		return;
	/* CSS order: top right bottom left */
	const char *top = w[0], *right = n > 1 ? w[1] : w[0];
	const char *bottom = n > 2 ? w[2] : w[0], *left = n > 3 ? w[3] : right;
	const char *vals[4] = { top, bottom, left, right };
	for (int i = 0; i < 4; i++) {
		snprintf(name, sizeof name, fmt, side_abs[i]);
		set_if_unset(spec, name, vals[i], c->arena);
	}
}

static void
expand_border(const char **spec, const char *v, int side, struct style_ctx *c)
{
	char tmp[512], *w[6];
	int n;
	const char *width = NULL, *style = NULL, *color = NULL;
	snprintf(tmp, sizeof tmp, "%s", v);
	fo_split_words(tmp, w, &n, 6);
	for (int i = 0; i < n; i++) {
		uint32_t col;
		if (border_style(w[i]))
			style = w[i];
		else if (fo_color_parse(w[i], &col) == 0)
			color = w[i];
		else
			width = w[i];
	}
	static const char *const rel[4] = { "before", "after", "start", "end" };
	for (int s = 0; s < 4; s++) {
		if (side >= 0 && side != s)
			continue;
		char name[64];
		const char *names[2] = { side_abs[s], rel[s] };
		/* only the absolute names: an explicit relative-side component
		 * comes later in the table and so wins over the shorthand */
		for (int k = 0; k < 1; k++) {
			snprintf(name, sizeof name, "border-%s-style", names[k]);
			set_if_unset(spec, name, style ? style : "solid", c->arena);
			snprintf(name, sizeof name, "border-%s-width", names[k]);
			set_if_unset(spec, name, width ? width : "medium", c->arena);
			if (color) {
				snprintf(name, sizeof name, "border-%s-color", names[k]);
				set_if_unset(spec, name, color, c->arena);
			}
		}
	}
}

/*
 * background-position (§7.31.2, CSS 2): one or two values.  Two lengths or
 * percentages are horizontal then vertical; keywords go to their own axis in
 * either order; a single value leaves the other axis at center.
 */
static void
expand_bg_pos(const char **spec, const char *v, struct style_ctx *c)
{
	char tmp[256], *w[3];
	int n;
	snprintf(tmp, sizeof tmp, "%s", v);
	fo_split_words(tmp, w, &n, 3);
	if (n < 1 || n > 2) {
		fo_value_bad(c, v, "one or two positions");
		return;
	}
	const char *h = NULL, *vert = NULL;
	if (n == 1) {
		if (fo_is(w[0], "top") || fo_is(w[0], "bottom"))
			vert = w[0];
		else
			h = w[0];
	} else if (fo_is(w[0], "top") || fo_is(w[0], "bottom") || fo_is(w[1], "left") || fo_is(w[1], "right")) {
		vert = w[0];   /* "top left", "center right": keywords the other way round */
		h = w[1];
	} else {
		h = w[0];
		vert = w[1];
	}
	set_if_unset(spec, "background-position-horizontal", h ? h : "center", c->arena);
	set_if_unset(spec, "background-position-vertical", vert ? vert : "center", c->arena);
}

/* white-space (§7.31.23): pre and nowrap, in the properties they set */
static void
expand_white_space(const char **spec, const char *v, struct style_ctx *c)
{
	if (fo_is(v, "pre")) {
		set_if_unset(spec, "linefeed-treatment", "preserve", c->arena);
		set_if_unset(spec, "white-space-collapse", "false", c->arena);
		set_if_unset(spec, "white-space-treatment", "preserve", c->arena);
		set_if_unset(spec, "wrap-option", "no-wrap", c->arena);
	} else if (fo_is(v, "nowrap")) {
		set_if_unset(spec, "wrap-option", "no-wrap", c->arena);
	} else if (!fo_is(v, "normal")) {
		fo_value_bad(c, v, "normal, pre or nowrap");
	}
}

/* page-break-before, -after (which 0, 1) and -inside (2), §7.31.15–17 */
static void
expand_page_break(const char **spec, const char *v, int which, struct style_ctx *c)
{
	if (which == 2) {
		if (fo_is(v, "avoid"))
			set_if_unset(spec, "keep-together.within-page", "always", c->arena);
	} else if (fo_is(v, "always")) {
		set_if_unset(spec, which ? "break-after" : "break-before", "page", c->arena);
	} else if (fo_is(v, "avoid")) {
		set_if_unset(spec, which ? "keep-with-next" : "keep-with-previous", "always", c->arena);
	} else if (fo_is(v, "left")) {
		set_if_unset(spec, which ? "break-after" : "break-before", "even-page", c->arena);
	} else if (fo_is(v, "right")) {
		set_if_unset(spec, which ? "break-after" : "break-before", "odd-page", c->arena);
	}
}

/* vertical-align, XSL 1.1 §7.31.22: what folio has of it is baseline-shift */
static void
expand_valign(const char **spec, const char *v, struct style_ctx *c)
{
	struct fo_len l;
	if (fo_is(v, "super") || fo_is(v, "sub") ||
	    (!fo_is(v, "auto") && fo_expr_length(v, 0, &l) == 0 && !l.is_auto))
		set_if_unset(spec, "baseline-shift", v, c->arena);
	else if (!fo_is(v, "baseline"))
		fo_value_bad(c, v, "baseline, sub, super or a length (top, middle and bottom are not laid out)");
}

/* font (§7.31.13): [style] [weight] size[/line-height] family */
static void
expand_font(const char **spec, const char *v, struct style_ctx *c)
{
	char tmp[512], *w[8];
	int n;
	snprintf(tmp, sizeof tmp, "%s", v);
	fo_split_words(tmp, w, &n, 8);
	int k = 0;
	for (; k < n; k++) {
		if (fo_is(w[k], "italic") || fo_is(w[k], "oblique"))
			set_if_unset(spec, "font-style", w[k], c->arena);
		else if (fo_is(w[k], "bold") || fo_is(w[k], "bolder") || fo_is(w[k], "lighter")
		    || (strlen(w[k]) == 3 && w[k][0] >= '1' && w[k][0] <= '9' && w[k][1] == '0' && w[k][2] == '0'))
			set_if_unset(spec, "font-weight", w[k], c->arena);
		else if (fo_is(w[k], "normal"))
			continue;
		else
			break;
	}
	if (k < n) {
		char *slash = strchr(w[k], '/');
		if (slash) {
			*slash = '\0';
			set_if_unset(spec, "line-height", slash + 1, c->arena);
		}
		set_if_unset(spec, "font-size", w[k], c->arena);
		k++;
	}
	if (k < n) {
		/* the rest is the family list, spaces and all */
		const char *fam = strstr(v, w[k]);
		if (fam)
			set_if_unset(spec, "font-family", fam, c->arena);
	}
}

/*
 * xml:lang (XSL 1.1 §7.31.24): a language tag such as en-US or zh-Hans-CN
 * sets language (its first subtag) and country (its region subtag, two
 * letters or three digits); a script subtag is skipped.
 */
static void
expand_xml_lang(const char **spec, const char *v, struct style_ctx *c)
{
	char tmp[64], *part[4], *save = NULL;
	int n = 0;
	snprintf(tmp, sizeof tmp, "%s", v);
	for (char *t = strtok_r(tmp, "-_", &save); t && n < 4; t = strtok_r(NULL, "-_", &save))
		part[n++] = t;
	if (n == 0 || strlen(part[0]) < 2 || strlen(part[0]) > 8) {
		fo_value_bad(c, v, "a language tag such as en-US");
		return;
	}
	for (char *q = part[0]; *q; q++)
		*q = (char)tolower((unsigned char)*q);
	set_if_unset(spec, "language", part[0], c->arena);
	for (int i = 1; i < n; i++) {
		size_t len = strlen(part[i]);
		if ((len == 2 && isalpha((unsigned char)part[i][0])) ||
		    (len == 3 && isdigit((unsigned char)part[i][0]))) {
			for (char *q = part[i]; *q; q++)
				*q = (char)toupper((unsigned char)*q);
			set_if_unset(spec, "country", part[i], c->arena);
			break;
		}
	}
}

void
fo_props_expand(const char **spec, struct style_ctx *c)
{
	for (size_t i = 0; i < fo_nprops; i++) {
		const char *v = spec[i];
		if (v == NULL)
			continue;
		const struct prop_def *p = &fo_props[i];
		c->prop = p->name;
		switch ((enum prop_kind)p->kind) {
		case PK_SH_MARGIN:
			expand_4(spec, v, "margin-%s", c);
			break;
		case PK_SH_PADDING:
			expand_4(spec, v, "padding-%s", c);
			break;
		case PK_SH_BORDER_WIDTH:
			expand_4(spec, v, "border-%s-width", c);
			break;
		case PK_SH_BORDER_STYLE:
			expand_4(spec, v, "border-%s-style", c);
			break;
		case PK_SH_BORDER_COLOR:
			expand_4(spec, v, "border-%s-color", c);
			break;
		case PK_SH_BORDER:
			expand_border(spec, v, p->arg, c);
			break;
		case PK_SH_WHITE_SPACE:
			expand_white_space(spec, v, c);
			break;
		case PK_SH_PAGE_BREAK:
			expand_page_break(spec, v, p->arg, c);
			break;
		case PK_SH_VALIGN:
			expand_valign(spec, v, c);
			break;
		case PK_SH_BG_POS:
			expand_bg_pos(spec, v, c);
			break;
		case PK_SH_XML_LANG:
			expand_xml_lang(spec, v, c);
			break;
		case PK_SH_FONT:
			expand_font(spec, v, c);
			break;
		default:
			break;
		}
	}
}
