/*
 * fo — the property table: every property folio accepts, whether it is
 * inherited, its initial value, and how its value is parsed into
 * struct fo_style.  docs/fo-subset.md is generated from this table.
 */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../base/limits.h"
#include "fo_int.h"

enum prop_kind {
	PK_RAW,              /* structural, read by fo_node_attr */
	PK_FONT_FAMILY,
	PK_FONT_SIZE,
	PK_FONT_WEIGHT,
	PK_FONT_STYLE,
	PK_LINE_HEIGHT,
	PK_COLOR,
	PK_BACKGROUND,
	PK_TEXT_ALIGN,
	PK_TEXT_ALIGN_LAST,
	PK_TEXT_INDENT,
	PK_LAST_LINE_END_INDENT,
	PK_START_INDENT,
	PK_END_INDENT,
	PK_MARGIN,           /* arg: side */
	PK_SPACE,            /* arg: 0 before, 1 after */
	PK_SPACE_COMP,       /* arg: which*8 + component */
	PK_PADDING,          /* arg: side */
	PK_BORDER_WIDTH,     /* arg: side */
	PK_BORDER_STYLE,
	PK_BORDER_COLOR,
	PK_BREAK,            /* arg: 0 before, 1 after */
	PK_KEEP,             /* arg: 0 next, 1 previous, 2 together */
	PK_KEEP_COMP,        /* arg: which*4 + component (0 page, 1 column, 2 line) */
	PK_LINEFEED,
	PK_WS_COLLAPSE,
	PK_WS_TREATMENT,
	PK_WRAP,
	PK_LETTER_SPACING,
	PK_WORD_SPACING,
	PK_DECORATION,
	PK_BASELINE_SHIFT,
	PK_LANGUAGE,
	PK_COUNTRY,
	PK_WIDOWS,
	PK_ORPHANS,
	PK_WIDTH,            /* arg: 0 width, 1 height (also page-width/height) */
	PK_EXTENT,
	PK_DISPLAY_ALIGN,
	PK_HANGING,
	PK_TABLE_LAYOUT,
	PK_BORDER_COLLAPSE,
	PK_BORDER_SEP,       /* arg: -1 both, 0 inline, 1 block direction */
	PK_COLUMN_WIDTH,
	PK_INT,              /* arg: 0 columns-repeated, 1 columns-spanned, 2 rows-spanned, 3 column-number */
	PK_BOOL,             /* arg: 0 starts-row, 1 ends-row, 2 omit header, 3 omit footer */
	PK_EMPTY_CELLS,
	PK_LIST_LEN,         /* arg: 0 distance between starts, 1 label separation */
	PK_RELATIVE_ALIGN,
	PK_LEADER_PATTERN,
	PK_LEADER_LENGTH,    /* arg: -1 all, 0 minimum, 1 optimum, 2 maximum */
	PK_LEADER_PW,
	PK_RULE_THICKNESS,
	PK_RULE_STYLE,
	PK_ABS_POS,
	PK_POS,              /* arg: side */
	PK_OVERFLOW,
	PK_REF_ORIENT,
	PK_INITIAL_PAGE,
	/* shorthands: expanded before computing */
	PK_SH_MARGIN,
	PK_SH_PADDING,
	PK_SH_BORDER,        /* arg: side, or -1 for all */
	PK_SH_BORDER_WIDTH,
	PK_SH_BORDER_STYLE,
	PK_SH_BORDER_COLOR,
	PK_SH_WHITE_SPACE,
	PK_SH_PAGE_BREAK,    /* arg: 0 before, 1 after, 2 inside */
	PK_SH_FONT
};

#define B SIDE_BEFORE
#define A SIDE_AFTER
#define S SIDE_START
#define E SIDE_END

/*
 * The one table.  Order matters: font-size comes first (ems depend on it),
 * shorthands before their components.
 */
const struct prop_def fo_props[] = {
	{ "font-size",              PK_FONT_SIZE, 0, 1, "medium (12pt)" },
	{ "font",                   PK_SH_FONT, 0, 1, "(shorthand)" },
	{ "font-family",            PK_FONT_FAMILY, 0, 1, "serif (the default Song face)" },
	{ "font-weight",            PK_FONT_WEIGHT, 0, 1, "normal" },
	{ "font-style",             PK_FONT_STYLE, 0, 1, "normal" },
	{ "line-height",            PK_LINE_HEIGHT, 0, 1, "normal (1.2)" },
	{ "color",                  PK_COLOR, 0, 1, "black" },
	{ "background-color",       PK_BACKGROUND, 0, 0, "transparent" },
	{ "text-align",             PK_TEXT_ALIGN, 0, 1, "start" },
	{ "text-align-last",        PK_TEXT_ALIGN_LAST, 0, 1, "relative" },
	{ "text-indent",            PK_TEXT_INDENT, 0, 1, "0pt" },
	{ "last-line-end-indent",   PK_LAST_LINE_END_INDENT, 0, 1, "0pt" },
	{ "margin",                 PK_SH_MARGIN, 0, 0, "(shorthand)" },
	{ "margin-top",             PK_MARGIN, B, 0, "0pt" },
	{ "margin-bottom",          PK_MARGIN, A, 0, "0pt" },
	{ "margin-left",            PK_MARGIN, S, 0, "0pt" },
	{ "margin-right",           PK_MARGIN, E, 0, "0pt" },
	{ "padding",                PK_SH_PADDING, 0, 0, "(shorthand)" },
	{ "padding-before",         PK_PADDING, B, 0, "0pt" },
	{ "padding-after",          PK_PADDING, A, 0, "0pt" },
	{ "padding-start",          PK_PADDING, S, 0, "0pt" },
	{ "padding-end",            PK_PADDING, E, 0, "0pt" },
	{ "padding-top",            PK_PADDING, B, 0, "0pt" },
	{ "padding-bottom",         PK_PADDING, A, 0, "0pt" },
	{ "padding-left",           PK_PADDING, S, 0, "0pt" },
	{ "padding-right",          PK_PADDING, E, 0, "0pt" },
	{ "border",                 PK_SH_BORDER, -1, 0, "(shorthand)" },
	{ "border-width",           PK_SH_BORDER_WIDTH, 0, 0, "(shorthand)" },
	{ "border-style",           PK_SH_BORDER_STYLE, 0, 0, "(shorthand)" },
	{ "border-color",           PK_SH_BORDER_COLOR, 0, 0, "(shorthand)" },
	{ "border-top",             PK_SH_BORDER, B, 0, "(shorthand)" },
	{ "border-bottom",          PK_SH_BORDER, A, 0, "(shorthand)" },
	{ "border-left",            PK_SH_BORDER, S, 0, "(shorthand)" },
	{ "border-right",           PK_SH_BORDER, E, 0, "(shorthand)" },
	{ "border-before",          PK_SH_BORDER, B, 0, "(shorthand)" },
	{ "border-after",           PK_SH_BORDER, A, 0, "(shorthand)" },
	{ "border-start",           PK_SH_BORDER, S, 0, "(shorthand)" },
	{ "border-end",             PK_SH_BORDER, E, 0, "(shorthand)" },
	{ "border-top-width",       PK_BORDER_WIDTH, B, 0, "medium" },
	{ "border-bottom-width",    PK_BORDER_WIDTH, A, 0, "medium" },
	{ "border-left-width",      PK_BORDER_WIDTH, S, 0, "medium" },
	{ "border-right-width",     PK_BORDER_WIDTH, E, 0, "medium" },
	{ "border-before-width",    PK_BORDER_WIDTH, B, 0, "medium" },
	{ "border-after-width",     PK_BORDER_WIDTH, A, 0, "medium" },
	{ "border-start-width",     PK_BORDER_WIDTH, S, 0, "medium" },
	{ "border-end-width",       PK_BORDER_WIDTH, E, 0, "medium" },
	{ "border-top-style",       PK_BORDER_STYLE, B, 0, "none" },
	{ "border-bottom-style",    PK_BORDER_STYLE, A, 0, "none" },
	{ "border-left-style",      PK_BORDER_STYLE, S, 0, "none" },
	{ "border-right-style",     PK_BORDER_STYLE, E, 0, "none" },
	{ "border-before-style",    PK_BORDER_STYLE, B, 0, "none" },
	{ "border-after-style",     PK_BORDER_STYLE, A, 0, "none" },
	{ "border-start-style",     PK_BORDER_STYLE, S, 0, "none" },
	{ "border-end-style",       PK_BORDER_STYLE, E, 0, "none" },
	{ "border-top-color",       PK_BORDER_COLOR, B, 0, "the color property" },
	{ "border-bottom-color",    PK_BORDER_COLOR, A, 0, "the color property" },
	{ "border-left-color",      PK_BORDER_COLOR, S, 0, "the color property" },
	{ "border-right-color",     PK_BORDER_COLOR, E, 0, "the color property" },
	{ "border-before-color",    PK_BORDER_COLOR, B, 0, "the color property" },
	{ "border-after-color",     PK_BORDER_COLOR, A, 0, "the color property" },
	{ "border-start-color",     PK_BORDER_COLOR, S, 0, "the color property" },
	{ "border-end-color",       PK_BORDER_COLOR, E, 0, "the color property" },
	{ "start-indent",           PK_START_INDENT, 0, 1, "0pt" },
	{ "end-indent",             PK_END_INDENT, 0, 1, "0pt" },
	{ "space-before",           PK_SPACE, 0, 0, "0pt" },
	{ "space-before.minimum",   PK_SPACE_COMP, 0, 0, "0pt" },
	{ "space-before.optimum",   PK_SPACE_COMP, 1, 0, "0pt" },
	{ "space-before.maximum",   PK_SPACE_COMP, 2, 0, "0pt" },
	{ "space-before.conditionality", PK_SPACE_COMP, 3, 0, "discard" },
	{ "space-before.precedence", PK_SPACE_COMP, 4, 0, "0" },
	{ "space-after",            PK_SPACE, 1, 0, "0pt" },
	{ "space-after.minimum",    PK_SPACE_COMP, 8, 0, "0pt" },
	{ "space-after.optimum",    PK_SPACE_COMP, 9, 0, "0pt" },
	{ "space-after.maximum",    PK_SPACE_COMP, 10, 0, "0pt" },
	{ "space-after.conditionality", PK_SPACE_COMP, 11, 0, "discard" },
	{ "space-after.precedence", PK_SPACE_COMP, 12, 0, "0" },
	{ "page-break-before",      PK_SH_PAGE_BREAK, 0, 0, "(shorthand)" },
	{ "page-break-after",       PK_SH_PAGE_BREAK, 1, 0, "(shorthand)" },
	{ "page-break-inside",      PK_SH_PAGE_BREAK, 2, 0, "(shorthand)" },
	{ "break-before",           PK_BREAK, 0, 0, "auto" },
	{ "break-after",            PK_BREAK, 1, 0, "auto" },
	{ "keep-with-next",         PK_KEEP, 0, 0, "auto" },
	{ "keep-with-next.within-page",   PK_KEEP_COMP, 0, 0, "auto" },
	{ "keep-with-next.within-column", PK_KEEP_COMP, 1, 0, "auto" },
	{ "keep-with-previous",     PK_KEEP, 1, 0, "auto" },
	{ "keep-with-previous.within-page",   PK_KEEP_COMP, 4, 0, "auto" },
	{ "keep-with-previous.within-column", PK_KEEP_COMP, 5, 0, "auto" },
	{ "keep-together",          PK_KEEP, 2, 1, "auto" },
	{ "keep-together.within-page",   PK_KEEP_COMP, 8, 1, "auto" },
	{ "keep-together.within-column", PK_KEEP_COMP, 9, 1, "auto" },
	{ "keep-together.within-line",   PK_KEEP_COMP, 10, 1, "auto" },
	{ "white-space",            PK_SH_WHITE_SPACE, 0, 1, "(shorthand)" },
	{ "linefeed-treatment",     PK_LINEFEED, 0, 1, "treat-as-space" },
	{ "white-space-collapse",   PK_WS_COLLAPSE, 0, 1, "true" },
	{ "white-space-treatment",  PK_WS_TREATMENT, 0, 1, "ignore-if-surrounding-linefeed" },
	{ "wrap-option",            PK_WRAP, 0, 1, "wrap" },
	{ "letter-spacing",         PK_LETTER_SPACING, 0, 1, "normal" },
	{ "word-spacing",           PK_WORD_SPACING, 0, 1, "normal" },
	{ "text-decoration",        PK_DECORATION, 0, 0, "none" },
	{ "baseline-shift",         PK_BASELINE_SHIFT, 0, 0, "baseline" },
	{ "language",               PK_LANGUAGE, 0, 1, "none" },
	{ "country",                PK_COUNTRY, 0, 1, "none" },
	{ "widows",                 PK_WIDOWS, 0, 1, "2" },
	{ "orphans",                PK_ORPHANS, 0, 1, "2" },
	{ "page-width",             PK_WIDTH, 0, 0, "auto (A4, 210mm)" },
	{ "page-height",            PK_WIDTH, 1, 0, "auto (A4, 297mm)" },
	{ "width",                  PK_WIDTH, 0, 0, "auto" },
	{ "height",                 PK_WIDTH, 1, 0, "auto" },
	{ "extent",                 PK_EXTENT, 0, 0, "0pt" },
	{ "display-align",          PK_DISPLAY_ALIGN, 0, 1, "auto (before)" },
	{ "hanging-punctuation",    PK_HANGING, 0, 1, "none (folio extension, in the folio namespace)" },
	{ "inline-progression-dimension", PK_WIDTH, 0, 0, "auto" },
	{ "block-progression-dimension",  PK_WIDTH, 1, 0, "auto" },
	{ "table-layout",           PK_TABLE_LAYOUT, 0, 0, "auto" },
	{ "border-collapse",        PK_BORDER_COLLAPSE, 0, 1, "collapse" },
	{ "border-separation",      PK_BORDER_SEP, -1, 1, "0pt" },
	{ "border-spacing",         PK_BORDER_SEP, -1, 1, "0pt (the CSS name of border-separation)" },
	{ "border-separation.inline-progression-direction", PK_BORDER_SEP, 0, 1, "0pt" },
	{ "border-separation.block-progression-direction",  PK_BORDER_SEP, 1, 1, "0pt" },
	{ "column-width",           PK_COLUMN_WIDTH, 0, 0, "auto" },
	{ "number-columns-repeated", PK_INT, 0, 0, "1" },
	{ "number-columns-spanned", PK_INT, 1, 0, "1" },
	{ "number-rows-spanned",    PK_INT, 2, 0, "1" },
	{ "column-number",          PK_INT, 3, 0, "the next free column" },
	{ "starts-row",             PK_BOOL, 0, 0, "false" },
	{ "ends-row",               PK_BOOL, 1, 0, "false" },
	{ "table-omit-header-at-break", PK_BOOL, 2, 0, "false" },
	{ "table-omit-footer-at-break", PK_BOOL, 3, 0, "false" },
	{ "empty-cells",            PK_EMPTY_CELLS, 0, 1, "show" },
	{ "provisional-distance-between-starts", PK_LIST_LEN, 0, 1, "24pt" },
	{ "provisional-label-separation", PK_LIST_LEN, 1, 1, "6pt" },
	{ "relative-align",         PK_RELATIVE_ALIGN, 0, 1, "before" },
	{ "leader-pattern",         PK_LEADER_PATTERN, 0, 1, "space" },
	{ "leader-length",          PK_LEADER_LENGTH, -1, 1, "0pt 12pt 100% (minimum optimum maximum)" },
	{ "leader-length.minimum",  PK_LEADER_LENGTH, 0, 1, "0pt" },
	{ "leader-length.optimum",  PK_LEADER_LENGTH, 1, 1, "12pt" },
	{ "leader-length.maximum",  PK_LEADER_LENGTH, 2, 1, "100%" },
	{ "leader-pattern-width",   PK_LEADER_PW, 0, 1, "use-font-metrics" },
	{ "rule-thickness",         PK_RULE_THICKNESS, 0, 1, "1pt" },
	{ "rule-style",             PK_RULE_STYLE, 0, 1, "solid" },
	{ "absolute-position",      PK_ABS_POS, 0, 0, "auto" },
	{ "top",                    PK_POS, SIDE_BEFORE, 0, "auto" },
	{ "bottom",                 PK_POS, SIDE_AFTER, 0, "auto" },
	{ "left",                   PK_POS, SIDE_START, 0, "auto" },
	{ "right",                  PK_POS, SIDE_END, 0, "auto" },
	{ "overflow",               PK_OVERFLOW, 0, 0, "auto (visible)" },
	{ "reference-orientation",  PK_REF_ORIENT, 0, 0, "0 (applied per container, not inherited)" },
	{ "id",                     PK_RAW, 0, 0, "none" },
	{ "master-name",            PK_RAW, 0, 0, "none" },
	{ "master-reference",       PK_RAW, 0, 0, "none" },
	{ "region-name",            PK_RAW, 0, 0, "per region" },
	{ "flow-name",              PK_RAW, 0, 0, "none" },
	{ "initial-page-number",    PK_INITIAL_PAGE, 0, 0, "auto" },
	{ "character",              PK_RAW, 0, 0, "none" },
	{ "role",                   PK_RAW, 0, 0, "none" },
	{ "ref-id",                 PK_RAW, 0, 0, "none" },
	{ "internal-destination",   PK_RAW, 0, 0, "empty" },
	{ "external-destination",   PK_RAW, 0, 0, "empty" },
	{ "show-destination",       PK_RAW, 0, 0, "replace" },
	{ "starting-state",         PK_RAW, 0, 0, "show" },
	{ "change-bar-class",       PK_RAW, 0, 0, "none (required)" },
	{ "change-bar-color",       PK_RAW, 0, 1, "the color property" },
	{ "change-bar-offset",      PK_RAW, 0, 1, "6pt" },
	{ "change-bar-placement",   PK_RAW, 0, 1, "start" },
	{ "change-bar-style",       PK_RAW, 0, 1, "none" },
	{ "change-bar-width",       PK_RAW, 0, 1, "6pt" },
	{ "maximum-repeats",        PK_RAW, 0, 0, "no-limit" },
	{ "page-position",          PK_RAW, 0, 0, "any" },
	{ "odd-or-even",            PK_RAW, 0, 0, "any" },
	{ "blank-or-not-blank",     PK_RAW, 0, 0, "any" },
	{ "force-page-count",       PK_RAW, 0, 0, "auto" },
	{ "format",                 PK_RAW, 0, 0, "1 (also 01, i, I, a, A, 一)" },
	{ "grouping-separator",     PK_RAW, 0, 0, "none" },
	{ "grouping-size",          PK_RAW, 0, 0, "0" },
	{ "letter-value",           PK_RAW, 0, 0, "auto" },
	{ "marker-class-name",      PK_RAW, 0, 0, "none" },
	{ "retrieve-class-name",    PK_RAW, 0, 0, "none" },
	{ "retrieve-position",      PK_RAW, 0, 0, "first-starting-within-page" },
	{ "retrieve-boundary",      PK_RAW, 0, 0, "page-sequence" },
	{ "src",                    PK_RAW, 0, 0, "none (docs/graphics.md)" },
	{ "content-width",          PK_RAW, 0, 0, "auto" },
	{ "content-height",         PK_RAW, 0, 0, "auto" },
	{ "scaling",                PK_RAW, 0, 0, "uniform" },
	{ "content-type",           PK_RAW, 0, 0, "auto" },
};
const size_t fo_nprops = sizeof fo_props / sizeof fo_props[0];

#undef B
#undef A
#undef S
#undef E

/* Names hash into a table built on first use: every attribute of every
 * element is looked up, so this is on the hot path. */
#define PROP_HASH 1024

static unsigned
prop_hash(const char *s)
{
	unsigned h = 2166136261u;
	while (*s)
		h = (h ^ (unsigned char)*s++) * 16777619u;
	return h & (PROP_HASH - 1);
}

int
fo_prop_lookup(const char *name)
{
	static int16_t table[PROP_HASH];   /* index + 1, 0 = empty */
	static int built;
	if (!built) {
		for (size_t i = 0; i < fo_nprops; i++) {
			unsigned h = prop_hash(fo_props[i].name);
			while (table[h])
				h = (h + 1) & (PROP_HASH - 1);
			table[h] = (int16_t)(i + 1);
		}
		built = 1;
	}
	for (unsigned h = prop_hash(name); table[h]; h = (h + 1) & (PROP_HASH - 1))
		if (strcmp(fo_props[table[h] - 1].name, name) == 0)
			return table[h] - 1;
	return -1;
}

/* ---------------------------------------------------------------- values */

static void
bad(struct style_ctx *c, const char *v, const char *expected)
{
	char key[256];
	snprintf(key, sizeof key, "badval:%s:%d:%s", c->file ? c->file : "", c->line, c->prop);
	diag_once(c->d, key, DIAG_WARNING, c->file, c->line, 0,
	    "%s=\"%s\": expected %s; the value is ignored", c->prop, v, expected);
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

static int
is(const char *v, const char *kw)
{
	return strcmp(v, kw) == 0;
}

static const struct { const char *name; uint32_t rgb; } colors[] = {
	{ "black", 0x000000 }, { "silver", 0xC0C0C0 }, { "gray", 0x808080 },
	{ "grey", 0x808080 }, { "white", 0xFFFFFF }, { "maroon", 0x800000 },
	{ "red", 0xFF0000 }, { "purple", 0x800080 }, { "fuchsia", 0xFF00FF },
	{ "green", 0x008000 }, { "lime", 0x00FF00 }, { "olive", 0x808000 },
	{ "yellow", 0xFFFF00 }, { "navy", 0x000080 }, { "blue", 0x0000FF },
	{ "teal", 0x008080 }, { "aqua", 0x00FFFF }, { "orange", 0xFFA500 },
	{ "darkgray", 0xA9A9A9 }, { "darkgrey", 0xA9A9A9 }, { "lightgray", 0xD3D3D3 },
	{ "lightgrey", 0xD3D3D3 }, { "darkred", 0x8B0000 }, { "darkblue", 0x00008B },
	{ "darkgreen", 0x006400 }, { "brown", 0xA52A2A },
};

int
fo_color_parse(const char *v, uint32_t *out)
{
	while (isspace((unsigned char)*v))
		v++;
	if (v[0] == '#') {
		size_t n = strspn(v + 1, "0123456789abcdefABCDEF");
		if (v[1 + n] != '\0' && !isspace((unsigned char)v[1 + n]))
			return -1;
		unsigned long x = strtoul(v + 1, NULL, 16);
		if (n == 3) {
			*out = (uint32_t)(((x >> 8) & 0xF) * 0x110000 + ((x >> 4) & 0xF) * 0x1100 + (x & 0xF) * 0x11);
			return 0;
		}
		if (n == 6) {
			*out = (uint32_t)x;
			return 0;
		}
		return -1;
	}
	if (strncmp(v, "rgb(", 4) == 0) {
		double r, g, b;
		if (sscanf(v + 4, "%lf , %lf , %lf", &r, &g, &b) != 3)
			return -1;
		int ri = r < 0 ? 0 : r > 255 ? 255 : (int)(r + 0.5);
		int gi = g < 0 ? 0 : g > 255 ? 255 : (int)(g + 0.5);
		int bi = b < 0 ? 0 : b > 255 ? 255 : (int)(b + 0.5);
		*out = (uint32_t)(ri << 16 | gi << 8 | bi);
		return 0;
	}
	for (size_t i = 0; i < sizeof colors / sizeof colors[0]; i++)
		if (strcasecmp(colors[i].name, v) == 0) {
			*out = colors[i].rgb;
			return 0;
		}
	return -1;
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
	if (is(v, "thin"))
		*out = 500;
	else if (is(v, "medium"))
		*out = 1000;
	else if (is(v, "thick"))
		*out = 2000;
	else if (parse_abs(c, v, em, out) < 0)
		return -1;
	if (*out < 0)
		*out = 0;
	return 0;
}

static int
parse_border_style(const char *v, uint8_t *out)
{
	static const struct { const char *n; uint8_t s; } t[] = {
		{ "none", BORDER_NONE }, { "hidden", BORDER_NONE }, { "solid", BORDER_SOLID },
		{ "dashed", BORDER_DASHED }, { "dotted", BORDER_DOTTED }, { "double", BORDER_DOUBLE },
		{ "groove", BORDER_SOLID }, { "ridge", BORDER_SOLID }, { "inset", BORDER_SOLID },
		{ "outset", BORDER_SOLID },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
		if (is(v, t[i].n)) {
			*out = t[i].s;
			return 0;
		}
	return -1;
}

static int
parse_keep(struct style_ctx *c, const char *v, int32_t *out)
{
	if (is(v, "auto"))
		*out = KEEP_AUTO;
	else if (is(v, "always"))
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

static int
parse_align(const char *v, uint8_t *out, int last)
{
	if (is(v, "start") || is(v, "left") || is(v, "inside"))
		*out = ALIGN_START;
	else if (is(v, "center"))
		*out = ALIGN_CENTER;
	else if (is(v, "end") || is(v, "right") || is(v, "outside"))
		*out = ALIGN_END;
	else if (is(v, "justify"))
		*out = ALIGN_JUSTIFY;
	else if (last && is(v, "relative"))
		*out = ALIGN_RELATIVE;
	else
		return -1;
	return 0;
}

static int
parse_break(const char *v, uint8_t *out)
{
	if (is(v, "auto"))
		*out = BREAK_AUTO;
	else if (is(v, "page"))
		*out = BREAK_PAGE;
	else if (is(v, "column"))
		*out = BREAK_COLUMN;
	else if (is(v, "even-page"))
		*out = BREAK_EVEN_PAGE;
	else if (is(v, "odd-page"))
		*out = BREAK_ODD_PAGE;
	else
		return -1;
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
		if (is(v, kw[i].n))
			return kw[i].pt10 * 100;
	if (is(v, "larger"))
		return (mpt)((int64_t)parent * 6 / 5);
	if (is(v, "smaller"))
		return (mpt)((int64_t)parent * 5 / 6);
	struct fo_len l;
	if (parse_len(c, v, parent, &l) < 0 || l.is_auto)
		return parent;
	mpt s = fo_len_resolve(l, parent);
	if (s < LIMIT_FONT_SIZE_MIN || s > LIMIT_FONT_SIZE_MAX) {
		bad(c, v, "a font size between 0.1pt and 1000pt");
		return parent;
	}
	return s;
}

/* ---------------------------------------------------------------- style */

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
	for (int i = 0; i < 4; i++)
		s->pos[i] = (struct fo_len){ .is_auto = 1 };
	s->ipn_kind = IPN_AUTO;
	s->ipn = 0;
}

static void
split_words(char *v, char **w, int *n, int max)
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

static const char *side_abs[4] = { "top", "bottom", "left", "right" };

static void
expand_4(const char **spec, const char *v, const char *fmt, struct style_ctx *c)
{
	char tmp[512], *w[4], name[64];
	int n;
	snprintf(tmp, sizeof tmp, "%s", v);
	split_words(tmp, w, &n, 4);
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
	split_words(tmp, w, &n, 6);
	for (int i = 0; i < n; i++) {
		uint8_t st;
		uint32_t col;
		if (parse_border_style(w[i], &st) == 0)
			style = w[i];
		else if (fo_color_parse(w[i], &col) == 0)
			color = w[i];
		else
			width = w[i];
	}
	static const char *rel[4] = { "before", "after", "start", "end" };
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
			if (is(v, "pre")) {
				set_if_unset(spec, "linefeed-treatment", "preserve", c->arena);
				set_if_unset(spec, "white-space-collapse", "false", c->arena);
				set_if_unset(spec, "white-space-treatment", "preserve", c->arena);
				set_if_unset(spec, "wrap-option", "no-wrap", c->arena);
			} else if (is(v, "nowrap")) {
				set_if_unset(spec, "wrap-option", "no-wrap", c->arena);
			} else if (!is(v, "normal")) {
				bad(c, v, "normal, pre or nowrap");
			}
			break;
		case PK_SH_PAGE_BREAK:
			if (p->arg == 2) {
				if (is(v, "avoid"))
					set_if_unset(spec, "keep-together.within-page", "always", c->arena);
			} else if (is(v, "always")) {
				set_if_unset(spec, p->arg ? "break-after" : "break-before", "page", c->arena);
			} else if (is(v, "avoid")) {
				set_if_unset(spec, p->arg ? "keep-with-next" : "keep-with-previous", "always", c->arena);
			} else if (is(v, "left")) {
				set_if_unset(spec, p->arg ? "break-after" : "break-before", "even-page", c->arena);
			} else if (is(v, "right")) {
				set_if_unset(spec, p->arg ? "break-after" : "break-before", "odd-page", c->arena);
			}
			break;
		case PK_SH_FONT: {
			/* [style] [weight] size[/line-height] family */
			char tmp[512], *w[8];
			int n;
			snprintf(tmp, sizeof tmp, "%s", v);
			split_words(tmp, w, &n, 8);
			int k = 0;
			for (; k < n; k++) {
				if (is(w[k], "italic") || is(w[k], "oblique"))
					set_if_unset(spec, "font-style", w[k], c->arena);
				else if (is(w[k], "bold") || is(w[k], "bolder") || is(w[k], "lighter")
				    || (strlen(w[k]) == 3 && w[k][0] >= '1' && w[k][0] <= '9' && w[k][1] == '0' && w[k][2] == '0'))
					set_if_unset(spec, "font-weight", w[k], c->arena);
				else if (is(w[k], "normal"))
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
			break;
		}
		default:
			break;
		}
	}
}

static void
apply_space_comp(struct fo_space *sp, int comp, const char *v, struct style_ctx *c, mpt em)
{
	mpt x;
	switch (comp) {
	case 0: if (parse_abs(c, v, em, &x) == 0) sp->min = x; break;
	case 1: if (parse_abs(c, v, em, &x) == 0) sp->opt = x; break;
	case 2: if (parse_abs(c, v, em, &x) == 0) sp->max = x; break;
	case 3: sp->retain = is(v, "retain"); break;
	case 4: sp->precedence = is(v, "force") ? INT32_MAX : atoi(v); break;
	}
}

/* ---------------------------------------------------------------- tables, lists */

/* A whole number from lo to hi; returns 0 and sets *out, or warns. */
static int
parse_int_range(struct style_ctx *c, const char *v, long lo, long hi, int32_t *out)
{
	char *end;
	long n = strtol(v, &end, 10);
	while (isspace((unsigned char)*end))
		end++;
	if (end == v || *end || n < lo || n > hi) {
		char want[64];
		snprintf(want, sizeof want, "a whole number from %ld to %ld", lo, hi);
		bad(c, v, want);
		return -1;
	}
	*out = (int32_t)n;
	return 0;
}

static void
apply_table_list(struct fo_style *s, const struct prop_def *p, const char *v,
    struct style_ctx *c, mpt em)
{
	struct fo_len l;
	int32_t i32;
	mpt x;

	switch ((enum prop_kind)p->kind) {
	case PK_TABLE_LAYOUT:
		if (is(v, "auto") || is(v, "fixed"))
			s->table_fixed = is(v, "fixed");
		else
			bad(c, v, "auto or fixed");
		break;
	case PK_BORDER_COLLAPSE:
		if (is(v, "collapse") || is(v, "collapse-with-precedence") || is(v, "separate"))
			s->collapse = !is(v, "separate");
		else
			bad(c, v, "collapse or separate");
		break;
	case PK_BORDER_SEP: {
		char tmp[128], *w[3];
		int n;
		snprintf(tmp, sizeof tmp, "%s", v);
		split_words(tmp, w, &n, 3);
		if (n < 1 || n > 2 || (p->arg >= 0 && n != 1)) {
			bad(c, v, p->arg >= 0 ? "a length" : "one or two lengths");
			break;
		}
		for (int k = 0; k < n; k++)
			if (parse_abs(c, w[k], em, &x) < 0)
				return;
		if (p->arg >= 0) {
			parse_abs(c, w[0], em, &s->border_sep[p->arg]);
		} else {
			parse_abs(c, w[0], em, &s->border_sep[0]);
			parse_abs(c, w[n - 1], em, &s->border_sep[1]);
		}
		for (int k = 0; k < 2; k++)
			if (s->border_sep[k] < 0)
				s->border_sep[k] = 0;
		break;
	}
	case PK_COLUMN_WIDTH:
		if (parse_len(c, v, em, &l) == 0)
			s->column_width = l;
		break;
	case PK_INT:
		if (p->arg == 3 && is(v, "auto"))
			s->column_number = 0;
		else if (parse_int_range(c, v, 1, LIMIT_TABLE_SPAN, &i32) == 0) {
			if (p->arg == 0)
				s->cols_repeated = i32;
			else if (p->arg == 1)
				s->cols_spanned = i32;
			else if (p->arg == 2)
				s->rows_spanned = i32;
			else
				s->column_number = i32;
		}
		break;
	case PK_BOOL: {
		if (!is(v, "true") && !is(v, "false")) {
			bad(c, v, "true or false");
			break;
		}
		uint8_t b = is(v, "true");
		if (p->arg == 0)
			s->starts_row = b;
		else if (p->arg == 1)
			s->ends_row = b;
		else if (p->arg == 2)
			s->omit_header = b;
		else
			s->omit_footer = b;
		break;
	}
	case PK_EMPTY_CELLS:
		if (is(v, "show") || is(v, "hide"))
			s->empty_cells_hide = is(v, "hide");
		else
			bad(c, v, "show or hide");
		break;
	case PK_LIST_LEN:
		if (parse_len(c, v, em, &l) == 0 && !l.is_auto) {
			if (p->arg)
				s->label_sep = l;
			else
				s->dist_starts = l;
		}
		break;
	case PK_RELATIVE_ALIGN:
		if (is(v, "before") || is(v, "baseline"))
			s->rel_align_baseline = is(v, "baseline");
		else
			bad(c, v, "before or baseline");
		break;
	default:
		break;  /* not a table or list property */
	}
}

/* ---------------------------------------------------------------- leaders, containers */

static void
apply_leader_container(struct fo_style *s, const struct prop_def *p, const char *v,
    struct style_ctx *c, mpt em)
{
	struct fo_len l;
	uint8_t u8;
	int32_t i32;
	mpt x;

	switch ((enum prop_kind)p->kind) {
	case PK_LEADER_PATTERN:
		if (is(v, "space"))
			s->leader_pattern = LEADER_SPACE;
		else if (is(v, "rule"))
			s->leader_pattern = LEADER_RULE;
		else if (is(v, "dots"))
			s->leader_pattern = LEADER_DOTS;
		else if (is(v, "use-content"))
			s->leader_pattern = LEADER_USE_CONTENT;
		else
			bad(c, v, "space, rule, dots or use-content");
		break;
	case PK_LEADER_LENGTH:
		if (parse_len(c, v, em, &l) < 0)
			break;
		if (l.is_auto) {
			bad(c, v, "a length");
			break;
		}
		if (p->arg < 0)
			s->leader_len[0] = s->leader_len[1] = s->leader_len[2] = l;
		else
			s->leader_len[p->arg] = l;
		break;
	case PK_LEADER_PW:
		if (is(v, "use-font-metrics"))
			s->leader_pw = (struct fo_len){ .is_auto = 1 };
		else if (parse_len(c, v, em, &l) == 0)
			s->leader_pw = l;
		break;
	case PK_RULE_THICKNESS:
		if (parse_abs(c, v, em, &x) == 0)
			s->rule_thickness = x < 0 ? 0 : x;
		break;
	case PK_RULE_STYLE:
		if (parse_border_style(v, &u8) == 0)
			s->rule_style = u8;
		else
			bad(c, v, "none, solid, dashed, dotted or double");
		break;
	case PK_ABS_POS:
		if (is(v, "auto"))
			s->abs_pos = ABSPOS_AUTO;
		else if (is(v, "absolute"))
			s->abs_pos = ABSPOS_ABSOLUTE;
		else if (is(v, "fixed"))
			s->abs_pos = ABSPOS_FIXED;
		else
			bad(c, v, "auto, absolute or fixed");
		break;
	case PK_POS:
		if (parse_len(c, v, em, &l) == 0)
			s->pos[p->arg] = l;
		break;
	case PK_OVERFLOW:
		if (is(v, "visible") || is(v, "auto") || is(v, "error-if-overflow"))
			s->overflow_hidden = 0;
		else if (is(v, "hidden") || is(v, "scroll"))
			s->overflow_hidden = 1;
		else
			bad(c, v, "visible, hidden, scroll, auto or error-if-overflow");
		break;
	case PK_REF_ORIENT:
		if (parse_int_range(c, v, -270, 270, &i32) == 0) {
			if (i32 % 90 != 0)
				bad(c, v, "0, 90, 180, 270, -90, -180 or -270");
			else
				s->ref_orient = (int16_t)((i32 + 360) % 360);
		}
		break;
	default:
		break;  /* not a leader or container property */
	}
}

/* initial-page-number: auto, auto-odd, auto-even or a positive number, at
 * most LIMIT_PAGE_NUMBER (a larger one is cut to it, with a warning) */
static void
apply_initial_page(struct fo_style *s, const char *v, struct style_ctx *c)
{
	if (is(v, "auto") || is(v, "auto-odd") || is(v, "auto-even")) {
		s->ipn_kind = is(v, "auto") ? IPN_AUTO : is(v, "auto-odd") ? IPN_AUTO_ODD : IPN_AUTO_EVEN;
		return;
	}
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

/* Apply one specified value.  Called in table order. */
static void
apply(struct fo_style *s, const struct fo_style *parent, const struct prop_def *p,
    const char *v, struct style_ctx *c)
{
	mpt em = s->font_size;
	mpt x;
	struct fo_len l;
	uint8_t u8;
	uint32_t col;
	int32_t i32;

	c->prop = p->name;
	if (is(v, "inherit")) {
		/* inherit: the parent's computed value (XSL 1.1 §5.1.4) */
		switch ((enum prop_kind)p->kind) {
		case PK_BACKGROUND: s->background = parent->background; return;
		case PK_MARGIN: s->margin[p->arg] = parent->margin[p->arg]; s->margin_set[p->arg] = 1; return;
		case PK_PADDING: s->padding[p->arg] = parent->padding[p->arg]; return;
		case PK_BORDER_WIDTH: s->border[p->arg].width = parent->border[p->arg].width; return;
		case PK_BORDER_STYLE: s->border[p->arg].style = parent->border[p->arg].style; return;
		case PK_BORDER_COLOR: s->border[p->arg].color = parent->border[p->arg].color; return;
		default: return;  /* inherited properties already carry it */
		}
	}
	switch ((enum prop_kind)p->kind) {
	case PK_RAW:
		break;
	case PK_FONT_FAMILY: {
		struct buf b = {0};
		buf_family_list(&b, v);
		if (b.n)
			s->font_family = arena_strdup(c->arena, b.p);
		buf_free(&b);
		break;
	}
	case PK_FONT_SIZE:
		s->font_size = font_size_of(c, v, parent->font_size);
		break;
	case PK_FONT_WEIGHT:
		if (is(v, "normal"))
			s->font_weight = 400;
		else if (is(v, "bold"))
			s->font_weight = 700;
		else if (is(v, "bolder"))
			s->font_weight = parent->font_weight >= 600 ? 900 : 700;
		else if (is(v, "lighter"))
			s->font_weight = parent->font_weight > 500 ? 400 : 100;
		else {
			int w = atoi(v);
			if (w >= 100 && w <= 900)
				s->font_weight = w / 100 * 100;
			else
				bad(c, v, "normal, bold, bolder, lighter or 100..900");
		}
		break;
	case PK_FONT_STYLE:
		if (is(v, "normal"))
			s->font_italic = 0;
		else if (is(v, "italic") || is(v, "oblique") || is(v, "backslant"))
			s->font_italic = 1;
		else
			bad(c, v, "normal, italic or oblique");
		break;
	case PK_LINE_HEIGHT:
		/* a negative line-height would run the page fill backwards: the
		 * initial value, normal, is used instead */
		if (is(v, "normal")) {
			s->lh_factor = 1200;
		} else if (fo_expr_number(v, &i32) == 0) {
			if (i32 < 0 || i32 > LIMIT_LINE_HEIGHT_FACTOR) {
				bad_initial(c, v, "a number from 0 to 1000 or a length from 0 to 100000pt", "normal");
				s->lh_factor = 1200;
			} else {
				s->lh_factor = i32;
			}
		} else if (parse_len(c, v, em, &l) == 0 && !l.is_auto) {
			mpt h = fo_len_resolve(l, em);
			if (h < 0) {
				bad_initial(c, v, "a number from 0 to 1000 or a length from 0 to 100000pt", "normal");
				s->lh_factor = 1200;
			} else {
				s->lh_factor = 0;
				s->line_height = h;
			}
		}
		break;
	case PK_COLOR:
		if (fo_color_parse(v, &col) == 0)
			s->color = col;
		else
			bad(c, v, "a colour");
		break;
	case PK_BACKGROUND:
		if (is(v, "transparent"))
			s->background = COLOR_NONE;
		else if (fo_color_parse(v, &col) == 0)
			s->background = col;
		else
			bad(c, v, "a colour or transparent");
		break;
	case PK_TEXT_ALIGN:
		if (parse_align(v, &u8, 0) == 0)
			s->text_align = u8;
		else
			bad(c, v, "start, center, end, justify, left or right");
		break;
	case PK_TEXT_ALIGN_LAST:
		if (parse_align(v, &u8, 1) == 0)
			s->text_align_last = u8;
		else
			bad(c, v, "relative, start, center, end, justify, left or right");
		break;
	case PK_TEXT_INDENT:
		if (parse_len(c, v, em, &l) == 0)
			s->text_indent = l;
		break;
	case PK_LAST_LINE_END_INDENT:
		if (parse_len(c, v, em, &l) == 0)
			s->last_line_end_indent = l;
		break;
	case PK_START_INDENT:
		if (parse_len(c, v, em, &l) == 0) {
			s->start_indent = l;
			s->start_indent_set = 1;
		}
		break;
	case PK_END_INDENT:
		if (parse_len(c, v, em, &l) == 0) {
			s->end_indent = l;
			s->end_indent_set = 1;
		}
		break;
	case PK_MARGIN:
		if (parse_len(c, v, em, &l) == 0) {
			if (l.is_auto)
				l = (struct fo_len){ .abs = 0 };
			s->margin[p->arg] = l;
			s->margin_set[p->arg] = 1;
		}
		break;
	case PK_SPACE: {
		struct fo_space *sp = p->arg ? &s->space_after : &s->space_before;
		if (parse_abs(c, v, em, &x) == 0)
			sp->min = sp->opt = sp->max = x;
		break;
	}
	case PK_SPACE_COMP:
		apply_space_comp(p->arg >= 8 ? &s->space_after : &s->space_before, p->arg & 7, v, c, em);
		break;
	case PK_PADDING:
		if (parse_len(c, v, em, &l) == 0) {
			if (l.abs < 0)
				l.abs = 0;
			s->padding[p->arg] = l;
		}
		break;
	case PK_BORDER_WIDTH:
		if (parse_border_width(c, v, em, &x) == 0)
			s->border[p->arg].width = x;
		break;
	case PK_BORDER_STYLE:
		if (parse_border_style(v, &u8) == 0)
			s->border[p->arg].style = u8;
		else
			bad(c, v, "a border style");
		break;
	case PK_BORDER_COLOR:
		if (fo_color_parse(v, &col) == 0)
			s->border[p->arg].color = col;
		else
			bad(c, v, "a colour");
		break;
	case PK_BREAK:
		if (parse_break(v, &u8) == 0) {
			if (p->arg)
				s->break_after = u8;
			else
				s->break_before = u8;
		} else {
			bad(c, v, "auto, page, column, even-page or odd-page");
		}
		break;
	case PK_KEEP:
		if (parse_keep(c, v, &i32) == 0) {
			if (p->arg == 0)
				s->keep_with_next = i32;
			else if (p->arg == 1)
				s->keep_with_previous = i32;
			else {
				s->keep_together = i32;
				s->keep_within_line = i32;
			}
		}
		break;
	case PK_KEEP_COMP:
		if (parse_keep(c, v, &i32) == 0) {
			int which = p->arg / 4, comp = p->arg % 4;
			int32_t *t = which == 0 ? &s->keep_with_next
			    : which == 1 ? &s->keep_with_previous : &s->keep_together;
			if (comp == 2)
				s->keep_within_line = i32;
			else if (i32 > *t)
				*t = i32;
		}
		break;
	case PK_LINEFEED:
		if (is(v, "treat-as-space"))
			s->linefeed = LF_TREAT_AS_SPACE;
		else if (is(v, "ignore"))
			s->linefeed = LF_IGNORE;
		else if (is(v, "preserve"))
			s->linefeed = LF_PRESERVE;
		else if (is(v, "treat-as-zero-width-space"))
			s->linefeed = LF_TREAT_AS_ZWSP;
		else
			bad(c, v, "treat-as-space, ignore, preserve or treat-as-zero-width-space");
		break;
	case PK_WS_COLLAPSE:
		if (is(v, "true") || is(v, "false"))
			s->ws_collapse = is(v, "true");
		else
			bad(c, v, "true or false");
		break;
	case PK_WS_TREATMENT:
		if (is(v, "ignore-if-surrounding-linefeed"))
			s->ws_treatment = WST_IGNORE_IF_SURROUNDING_LINEFEED;
		else if (is(v, "ignore"))
			s->ws_treatment = WST_IGNORE;
		else if (is(v, "preserve"))
			s->ws_treatment = WST_PRESERVE;
		else if (is(v, "ignore-if-before-linefeed"))
			s->ws_treatment = WST_IGNORE_IF_BEFORE_LINEFEED;
		else if (is(v, "ignore-if-after-linefeed"))
			s->ws_treatment = WST_IGNORE_IF_AFTER_LINEFEED;
		else
			bad(c, v, "a white-space-treatment value");
		break;
	case PK_WRAP:
		if (is(v, "wrap") || is(v, "no-wrap"))
			s->wrap = is(v, "wrap");
		else
			bad(c, v, "wrap or no-wrap");
		break;
	case PK_LETTER_SPACING:
		if (is(v, "normal"))
			s->letter_spacing = 0;
		else if (parse_abs(c, v, em, &x) == 0)
			s->letter_spacing = x;
		break;
	case PK_WORD_SPACING:
		if (is(v, "normal"))
			s->word_spacing = 0;
		else if (parse_abs(c, v, em, &x) == 0)
			s->word_spacing = x;
		break;
	case PK_DECORATION: {
		char tmp[128], *w[4];
		int n;
		snprintf(tmp, sizeof tmp, "%s", v);
		split_words(tmp, w, &n, 4);
		for (int k = 0; k < n; k++) {
			if (is(w[k], "none"))
				s->decoration = 0;
			else if (is(w[k], "underline"))
				s->decoration |= DECO_UNDERLINE;
			else if (is(w[k], "no-underline"))
				s->decoration &= (uint8_t)~DECO_UNDERLINE;
			else if (is(w[k], "line-through"))
				s->decoration |= DECO_LINE_THROUGH;
			else if (is(w[k], "no-line-through"))
				s->decoration &= (uint8_t)~DECO_LINE_THROUGH;
			else if (is(w[k], "overline"))
				s->decoration |= DECO_OVERLINE;
			else if (is(w[k], "no-overline"))
				s->decoration &= (uint8_t)~DECO_OVERLINE;
			else
				bad(c, w[k], "none, underline, overline or line-through");
		}
		break;
	}
	case PK_BASELINE_SHIFT:
		if (is(v, "baseline"))
			s->shift = SHIFT_BASELINE;
		else if (is(v, "sub"))
			s->shift = SHIFT_SUB;
		else if (is(v, "super"))
			s->shift = SHIFT_SUPER;
		else if (parse_len(c, v, parent->font_size, &l) == 0) {
			s->shift = SHIFT_LENGTH;
			s->shift_len = l;
		}
		break;
	case PK_LANGUAGE:
		snprintf(s->language, sizeof s->language, "%s", is(v, "none") ? "" : v);
		break;
	case PK_COUNTRY:
		snprintf(s->country, sizeof s->country, "%s", is(v, "none") ? "" : v);
		break;
	case PK_WIDOWS:
	case PK_ORPHANS: {
		char *end;
		long n = strtol(v, &end, 10);
		if (*end || n < 1 || n > 100) {
			bad(c, v, "an integer from 1 to 100");
			break;
		}
		if (p->kind == PK_WIDOWS)
			s->widows = (int32_t)n;
		else
			s->orphans = (int32_t)n;
		break;
	}
	case PK_WIDTH:
		if (is(v, "indefinite"))
			v = "auto";
		if (parse_len(c, v, em, &l) == 0) {
			if (p->arg)
				s->height = l;
			else
				s->width = l;
		}
		break;
	case PK_EXTENT:
		if (parse_abs(c, v, em, &x) == 0)
			s->extent = x < 0 ? 0 : x;
		break;
	case PK_DISPLAY_ALIGN:
		if (is(v, "auto") || is(v, "before"))
			s->display_align = 0;
		else if (is(v, "center"))
			s->display_align = 1;
		else if (is(v, "after"))
			s->display_align = 2;
		else
			bad(c, v, "auto, before, center or after");
		break;
	case PK_HANGING:
		s->hanging = is(v, "allow-end") || is(v, "true") || is(v, "force-end");
		break;
	case PK_TABLE_LAYOUT: case PK_BORDER_COLLAPSE: case PK_BORDER_SEP:
	case PK_COLUMN_WIDTH: case PK_INT: case PK_BOOL: case PK_EMPTY_CELLS:
	case PK_LIST_LEN: case PK_RELATIVE_ALIGN:
		apply_table_list(s, p, v, c, em);
		break;
	case PK_LEADER_PATTERN: case PK_LEADER_LENGTH: case PK_LEADER_PW:
	case PK_RULE_THICKNESS: case PK_RULE_STYLE: case PK_ABS_POS: case PK_POS:
	case PK_OVERFLOW: case PK_REF_ORIENT:
		apply_leader_container(s, p, v, c, em);
		break;
	case PK_INITIAL_PAGE:
		apply_initial_page(s, v, c);
		break;
	case PK_SH_MARGIN: case PK_SH_PADDING: case PK_SH_BORDER:
	case PK_SH_BORDER_WIDTH: case PK_SH_BORDER_STYLE: case PK_SH_BORDER_COLOR:
	case PK_SH_WHITE_SPACE: case PK_SH_PAGE_BREAK: case PK_SH_FONT:
		break;  /* expanded by fo_props_expand */
	}
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
	static int idx[4][4];  /* side × {abs colour, rel colour, abs width, rel width} */
	if (idx[0][0] == 0) {
		static const char *rel[4] = { "before", "after", "start", "end" };
		char name[64];
		for (int i = 0; i < 4; i++) {
			snprintf(name, sizeof name, "border-%s-color", side_abs[i]);
			idx[i][0] = fo_prop_lookup(name);
			snprintf(name, sizeof name, "border-%s-color", rel[i]);
			idx[i][1] = fo_prop_lookup(name);
			snprintf(name, sizeof name, "border-%s-width", side_abs[i]);
			idx[i][2] = fo_prop_lookup(name);
			snprintf(name, sizeof name, "border-%s-width", rel[i]);
			idx[i][3] = fo_prop_lookup(name);
		}
	}
	for (int i = 0; i < 4; i++) {
		if (spec[idx[i][0]] == NULL && spec[idx[i][1]] == NULL)
			s->border[i].color = s->color;
		if (s->border[i].style == BORDER_NONE)
			s->border[i].width = 0;
		else if (spec[idx[i][2]] == NULL && spec[idx[i][3]] == NULL)
			s->border[i].width = 1000;  /* medium */
	}
	if (s->lh_factor > 0)
		s->line_height = (mpt)((int64_t)s->font_size * s->lh_factor / 1000);
	if (s->line_height > LIMIT_LENGTH_MAX)
		s->line_height = LIMIT_LENGTH_MAX;
}
