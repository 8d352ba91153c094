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

/*
 * The kinds of value a property takes, each with the one function that
 * parses it into struct fo_style (the dispatch table below, built from this
 * same list so that it covers every kind).  Kinds that name a field by its
 * offset (keyword, length, colour, integer …) serve many properties; the
 * rest are the few whose values need their own grammar.
 */
#define PROP_KINDS(X) \
	X(PK_RAW,            apply_none)          /* a name, read into the node (fo_names.c) */ \
	X(PK_KEYWORD,        apply_keyword)       /* one of p->kw, into a uint8_t at p->off */ \
	X(PK_LENGTH,         apply_length)        /* struct fo_len at p->off; arg: LEN_* flags */ \
	X(PK_ABS,            apply_abs)           /* mpt at p->off; arg: ABS_* flags */ \
	X(PK_COLOR,          apply_color)         /* uint32_t at p->off; arg 1: transparent too */ \
	X(PK_INT,            apply_int)           /* int32_t at p->off; arg: index of int_ranges */ \
	X(PK_CODE,           apply_code)          /* char[arg] at p->off: language, country */ \
	X(PK_FONT_FAMILY,    apply_font_family) \
	X(PK_FONT_SIZE,      apply_font_size) \
	X(PK_FONT_WEIGHT,    apply_font_weight) \
	X(PK_LINE_HEIGHT,    apply_line_height) \
	X(PK_INDENT,         apply_indent)        /* arg: 0 start, 1 end */ \
	X(PK_MARGIN,         apply_margin)        /* arg: side */ \
	X(PK_SPACE,          apply_space)         /* arg: 0 before, 1 after */ \
	X(PK_SPACE_COMP,     apply_space_comp)    /* arg: which*8 + component */ \
	X(PK_PADDING,        apply_padding)       /* arg: side */ \
	X(PK_BORDER_WIDTH,   apply_border_width)  /* arg: side */ \
	X(PK_KEEP,           apply_keep)          /* arg: 0 next, 1 previous, 2 together */ \
	X(PK_KEEP_COMP,      apply_keep_comp)     /* arg: which*4 + component */ \
	X(PK_DECORATION,     apply_decoration) \
	X(PK_BASELINE_SHIFT, apply_baseline_shift) \
	X(PK_BORDER_SEP,     apply_border_sep)    /* arg: -1 both, 0 inline, 1 block direction */ \
	X(PK_LEADER_LENGTH,  apply_leader_length) /* arg: -1 all, 0 minimum, 1 optimum, 2 maximum */ \
	X(PK_LEADER_PW,      apply_leader_pw) \
	X(PK_REF_ORIENT,     apply_ref_orient) \
	X(PK_INITIAL_PAGE,   apply_initial_page) \
	X(PK_CONTENT_SIZE,   apply_content_size)  /* arg: 0 width, 1 height */ \
	X(PK_BG_POS,         apply_bg_pos)        /* arg: 0 horizontal, 1 vertical */ \
	X(PK_FORMAT,         apply_format) \
	X(PK_GROUPING_SEP,   apply_grouping_sep) \
	/* shorthands: expanded before computing (fo_props_expand) */ \
	X(PK_SH_MARGIN,      apply_none) \
	X(PK_SH_PADDING,     apply_none) \
	X(PK_SH_BORDER,      apply_none)          /* arg: side, or -1 for all */ \
	X(PK_SH_BORDER_WIDTH, apply_none) \
	X(PK_SH_BORDER_STYLE, apply_none) \
	X(PK_SH_BORDER_COLOR, apply_none) \
	X(PK_SH_WHITE_SPACE, apply_none) \
	X(PK_SH_PAGE_BREAK,  apply_none)          /* arg: 0 before, 1 after, 2 inside */ \
	X(PK_SH_FONT,        apply_none) \
	X(PK_SH_VALIGN,      apply_none) \
	X(PK_SH_BG_POS,      apply_none)

enum prop_kind {
#define KIND_ENUM(k, fn) k,
	PROP_KINDS(KIND_ENUM)
#undef KIND_ENUM
	PK__COUNT
};

/* PK_LENGTH flags */
#define LEN_NOAUTO      1   /* auto is not a value */
#define LEN_INDEFINITE  2   /* indefinite means auto */
/* PK_ABS flags */
#define ABS_NORMAL      1   /* normal means 0 */
#define ABS_NONNEG      2   /* a negative value is taken as 0 */
#define ABS_SPACING     4   /* letter- and word-spacing: within ±LIMIT_FONT_SIZE_MAX,
                             * so that no sum along a line can overflow */

/* ---------------------------------------------------------------- keywords */

static const struct fo_keyword kw_bool[] = {
	{ "false", 0 }, { "true", 1 }, { NULL, 0 } };
static const struct fo_keyword kw_font_style[] = {
	{ "normal", 0 }, { "italic", 1 }, { "oblique", 1 }, { "backslant", 1 }, { NULL, 0 } };
static const struct fo_keyword kw_text_align[] = {
	{ "start", ALIGN_START }, { "center", ALIGN_CENTER }, { "end", ALIGN_END },
	{ "justify", ALIGN_JUSTIFY }, { "left", ALIGN_START }, { "right", ALIGN_END },
	{ "inside", ALIGN_START }, { "outside", ALIGN_END }, { NULL, 0 } };
static const struct fo_keyword kw_text_align_last[] = {
	{ "relative", ALIGN_RELATIVE }, { "start", ALIGN_START }, { "center", ALIGN_CENTER },
	{ "end", ALIGN_END }, { "justify", ALIGN_JUSTIFY }, { "left", ALIGN_START },
	{ "right", ALIGN_END }, { "inside", ALIGN_START }, { "outside", ALIGN_END }, { NULL, 0 } };
static const struct fo_keyword kw_border_style[] = {
	{ "none", BORDER_NONE }, { "hidden", BORDER_NONE }, { "solid", BORDER_SOLID },
	{ "dashed", BORDER_DASHED }, { "dotted", BORDER_DOTTED }, { "double", BORDER_DOUBLE },
	{ "groove", BORDER_SOLID }, { "ridge", BORDER_SOLID }, { "inset", BORDER_SOLID },
	{ "outset", BORDER_SOLID }, { NULL, 0 } };
static const struct fo_keyword kw_break[] = {
	{ "auto", BREAK_AUTO }, { "page", BREAK_PAGE }, { "column", BREAK_COLUMN },
	{ "even-page", BREAK_EVEN_PAGE }, { "odd-page", BREAK_ODD_PAGE }, { NULL, 0 } };
static const struct fo_keyword kw_linefeed[] = {
	{ "treat-as-space", LF_TREAT_AS_SPACE }, { "ignore", LF_IGNORE },
	{ "preserve", LF_PRESERVE }, { "treat-as-zero-width-space", LF_TREAT_AS_ZWSP }, { NULL, 0 } };
static const struct fo_keyword kw_ws_treatment[] = {
	{ "ignore-if-surrounding-linefeed", WST_IGNORE_IF_SURROUNDING_LINEFEED },
	{ "ignore", WST_IGNORE }, { "preserve", WST_PRESERVE },
	{ "ignore-if-before-linefeed", WST_IGNORE_IF_BEFORE_LINEFEED },
	{ "ignore-if-after-linefeed", WST_IGNORE_IF_AFTER_LINEFEED }, { NULL, 0 } };
static const struct fo_keyword kw_wrap[] = {
	{ "wrap", 1 }, { "no-wrap", 0 }, { NULL, 0 } };
static const struct fo_keyword kw_display_align[] = {
	{ "auto", 0 }, { "before", 0 }, { "center", 1 }, { "after", 2 }, { NULL, 0 } };
static const struct fo_keyword kw_hanging[] = {
	{ "none", 0 }, { "allow-end", 1 }, { "force-end", 1 }, { "true", 1 }, { "false", 0 },
	{ NULL, 0 } };
static const struct fo_keyword kw_table_layout[] = {
	{ "auto", 0 }, { "fixed", 1 }, { NULL, 0 } };
static const struct fo_keyword kw_border_collapse[] = {
	{ "collapse", 1 }, { "collapse-with-precedence", 1 }, { "separate", 0 }, { NULL, 0 } };
static const struct fo_keyword kw_empty_cells[] = {
	{ "show", 0 }, { "hide", 1 }, { NULL, 0 } };
static const struct fo_keyword kw_relative_align[] = {
	{ "before", 0 }, { "baseline", 1 }, { NULL, 0 } };
static const struct fo_keyword kw_leader_pattern[] = {
	{ "space", LEADER_SPACE }, { "rule", LEADER_RULE }, { "dots", LEADER_DOTS },
	{ "use-content", LEADER_USE_CONTENT }, { NULL, 0 } };
static const struct fo_keyword kw_abs_pos[] = {
	{ "auto", ABSPOS_AUTO }, { "absolute", ABSPOS_ABSOLUTE }, { "fixed", ABSPOS_FIXED },
	{ NULL, 0 } };
static const struct fo_keyword kw_overflow[] = {
	{ "visible", 0 }, { "hidden", 1 }, { "scroll", 1 }, { "auto", 0 },
	{ "error-if-overflow", 0 }, { NULL, 0 } };
static const struct fo_keyword kw_bg_repeat[] = {
	{ "repeat", BG_REPEAT }, { "repeat-x", BG_REPEAT_X }, { "repeat-y", BG_REPEAT_Y },
	{ "no-repeat", BG_NO_REPEAT }, { NULL, 0 } };
static const struct fo_keyword kw_visibility[] = {
	{ "visible", 0 }, { "hidden", 1 }, { "collapse", 1 }, { NULL, 0 } };
static const struct fo_keyword kw_fpc[] = {
	{ "auto", FPC_AUTO }, { "even", FPC_EVEN }, { "odd", FPC_ODD },
	{ "end-on-even", FPC_END_ON_EVEN }, { "end-on-odd", FPC_END_ON_ODD },
	{ "no-force", FPC_NO_FORCE }, { NULL, 0 } };
static const struct fo_keyword kw_page_position[] = {
	{ "any", PAGEPOS_ANY }, { "first", PAGEPOS_FIRST }, { "last", PAGEPOS_LAST },
	{ "rest", PAGEPOS_REST }, { "only", PAGEPOS_ONLY }, { NULL, 0 } };
static const struct fo_keyword kw_odd_or_even[] = {
	{ "any", ODDEVEN_ANY }, { "odd", ODDEVEN_ODD }, { "even", ODDEVEN_EVEN }, { NULL, 0 } };
static const struct fo_keyword kw_blankness[] = {
	{ "any", BLANKNESS_ANY }, { "blank", BLANKNESS_BLANK },
	{ "not-blank", BLANKNESS_NOT_BLANK }, { NULL, 0 } };
static const struct fo_keyword kw_letter_value[] = {
	{ "auto", LETTER_AUTO }, { "alphabetic", LETTER_ALPHABETIC },
	{ "traditional", LETTER_TRADITIONAL }, { NULL, 0 } };
static const struct fo_keyword kw_cbar_place[] = {
	{ "start", 0 }, { "end", 1 }, { "left", 0 }, { "right", 1 }, { "inside", 0 },
	{ "outside", 1 }, { "alternate", 0 }, { NULL, 0 } };
static const struct fo_keyword kw_starting_state[] = {
	{ "show", 0 }, { "hide", 1 }, { NULL, 0 } };
static const struct fo_keyword kw_caption_side[] = {
	{ "before", 0 }, { "top", 0 }, { "start", 0 }, { "left", 0 },
	{ "after", 1 }, { "bottom", 1 }, { "end", 1 }, { "right", 1 }, { NULL, 0 } };
static const struct fo_keyword kw_precedence[] = {
	{ "false", 0 }, { "true", 1 }, { NULL, 0 } };
static const struct fo_keyword kw_span[] = {
	{ "none", 0 }, { "all", 1 }, { NULL, 0 } };
static const struct fo_keyword kw_lhs_adjust[] = {
	{ "consider-shifts", 0 }, { "disregard-shifts", 1 }, { NULL, 0 } };
static const struct fo_keyword kw_writing_mode[] = {
	{ "lr-tb", 0 }, { "lr", 0 }, { NULL, 0 } };
static const struct fo_keyword kw_font_selection[] = {
	{ "auto", 0 }, { "character-by-character", 0 }, { NULL, 0 } };
static const struct fo_keyword kw_text_transform[] = {
	{ "none", TT_NONE }, { "uppercase", TT_UPPER }, { "lowercase", TT_LOWER },
	{ "capitalize", TT_CAPITALIZE }, { NULL, 0 } };
static const struct fo_keyword kw_font_variant[] = {
	{ "normal", 0 }, { "small-caps", 1 }, { NULL, 0 } };
static const struct fo_keyword kw_float[] = {
	{ "none", 0 }, { "before", 1 }, { "start", 2 }, { "end", 3 }, { "left", 2 }, { "right", 3 },
	{ "inside", 2 }, { "outside", 3 }, { NULL, 0 } };
static const struct fo_keyword kw_clear[] = {
	{ "none", 0 }, { "start", 1 }, { "end", 2 }, { "left", 1 }, { "right", 2 }, { "both", 3 },
	{ "inside", 1 }, { "outside", 2 }, { NULL, 0 } };
static const struct fo_keyword kw_show_dest[] = {
	{ "replace", 0 }, { "new", 1 }, { NULL, 0 } };
static const struct fo_keyword kw_retrieve_pos[] = {
	{ "first-starting-within-page", RETRIEVE_FIRST_STARTING },
	{ "first-including-carryover", RETRIEVE_FIRST_CARRYOVER },
	{ "last-starting-within-page", RETRIEVE_LAST_STARTING },
	{ "last-ending-within-page", RETRIEVE_LAST_ENDING }, { NULL, 0 } };
static const struct fo_keyword kw_retrieve_bnd[] = {
	{ "page-sequence", RETRIEVE_PAGE_SEQUENCE }, { "page", RETRIEVE_PAGE },
	{ "document", RETRIEVE_DOCUMENT }, { NULL, 0 } };
static const struct fo_keyword kw_conditionality[] = {
	{ "discard", 0 }, { "retain", 1 }, { NULL, 0 } };
static const struct fo_keyword kw_scaling[] = {
	{ "uniform", 0 }, { "non-uniform", 1 }, { NULL, 0 } };

/* PK_INT: the whole numbers a property takes, and its one keyword */
static const struct {
	long lo, hi;
	const char *kw;     /* or NULL */
	int32_t kwval;
} int_ranges[] = {
	{ 1, LIMIT_TABLE_SPAN, NULL, 0 },           /* 0: number-*-repeated/-spanned */
	{ 1, LIMIT_TABLE_SPAN, "auto", 0 },         /* 1: column-number */
	{ 0, 100, NULL, 0 },                        /* 2: widows, orphans (0: none, as FOP) */
	{ 0, LIMIT_PAGES, "no-limit", -1 },         /* 3: maximum-repeats */
	{ 0, 100, NULL, 0 },                        /* 4: grouping-size */
	{ 1, 100, NULL, 0 },                        /* 5: column-count */
};

#define B SIDE_BEFORE
#define A SIDE_AFTER
#define S SIDE_START
#define E SIDE_END
#define OFF(field) ((uint16_t)offsetof(struct fo_style, field))
/* a property of one kind with no field; one with a keyword field; one with another field */
#define P(name, kind, arg, inh, init)        { name, kind, arg, inh, init, 0, NULL }
#define KW(name, field, kw, inh, init)       { name, PK_KEYWORD, 0, inh, init, OFF(field), kw }
#define F(name, kind, field, arg, inh, init) { name, kind, arg, inh, init, OFF(field), NULL }

/*
 * The one table.  Order matters: font-size comes first (ems depend on it),
 * shorthands before their components.
 */
const struct prop_def fo_props[] = {
	P("font-size",              PK_FONT_SIZE, 0, 1, "medium (12pt)"),
	P("font",                   PK_SH_FONT, 0, 1, "(shorthand)"),
	P("font-family",            PK_FONT_FAMILY, 0, 1, "serif (the default Song face)"),
	P("font-weight",            PK_FONT_WEIGHT, 0, 1, "normal"),
	KW("font-style",            font_italic, kw_font_style, 1, "normal"),
	P("line-height",            PK_LINE_HEIGHT, 0, 1, "normal (1.2)"),
	F("color",                  PK_COLOR, color, 0, 1, "black"),
	F("background-color",       PK_COLOR, background, 1, 0, "transparent"),
	P("background-image",       PK_RAW, 0, 0, "none (an image file, as src; docs/graphics.md)"),
	KW("background-repeat",     bg_repeat, kw_bg_repeat, 0, "repeat"),
	P("background-position",    PK_SH_BG_POS, 0, 0, "(shorthand)"),
	P("background-position-horizontal", PK_BG_POS, 0, 0, "0% (left)"),
	P("background-position-vertical", PK_BG_POS, 1, 0, "0% (top)"),
	KW("text-align",            text_align, kw_text_align, 1, "start"),
	KW("text-align-last",       text_align_last, kw_text_align_last, 1, "relative"),
	F("text-indent",            PK_LENGTH, text_indent, 0, 1, "0pt"),
	F("last-line-end-indent",   PK_LENGTH, last_line_end_indent, 0, 1, "0pt"),
	P("margin",                 PK_SH_MARGIN, 0, 0, "(shorthand)"),
	P("margin-top",             PK_MARGIN, B, 0, "0pt"),
	P("margin-bottom",          PK_MARGIN, A, 0, "0pt"),
	P("margin-left",            PK_MARGIN, S, 0, "0pt"),
	P("margin-right",           PK_MARGIN, E, 0, "0pt"),
	P("padding",                PK_SH_PADDING, 0, 0, "(shorthand)"),
	P("padding-before",         PK_PADDING, B, 0, "0pt"),
	P("padding-after",          PK_PADDING, A, 0, "0pt"),
	P("padding-start",          PK_PADDING, S, 0, "0pt"),
	P("padding-end",            PK_PADDING, E, 0, "0pt"),
	P("padding-top",            PK_PADDING, B, 0, "0pt"),
	P("padding-bottom",         PK_PADDING, A, 0, "0pt"),
	P("padding-left",           PK_PADDING, S, 0, "0pt"),
	P("padding-right",          PK_PADDING, E, 0, "0pt"),
	P("border",                 PK_SH_BORDER, -1, 0, "(shorthand)"),
	P("border-width",           PK_SH_BORDER_WIDTH, 0, 0, "(shorthand)"),
	P("border-style",           PK_SH_BORDER_STYLE, 0, 0, "(shorthand)"),
	P("border-color",           PK_SH_BORDER_COLOR, 0, 0, "(shorthand)"),
	P("border-top",             PK_SH_BORDER, B, 0, "(shorthand)"),
	P("border-bottom",          PK_SH_BORDER, A, 0, "(shorthand)"),
	P("border-left",            PK_SH_BORDER, S, 0, "(shorthand)"),
	P("border-right",           PK_SH_BORDER, E, 0, "(shorthand)"),
	P("border-before",          PK_SH_BORDER, B, 0, "(shorthand)"),
	P("border-after",           PK_SH_BORDER, A, 0, "(shorthand)"),
	P("border-start",           PK_SH_BORDER, S, 0, "(shorthand)"),
	P("border-end",             PK_SH_BORDER, E, 0, "(shorthand)"),
	P("border-top-width",       PK_BORDER_WIDTH, B, 0, "medium"),
	P("border-bottom-width",    PK_BORDER_WIDTH, A, 0, "medium"),
	P("border-left-width",      PK_BORDER_WIDTH, S, 0, "medium"),
	P("border-right-width",     PK_BORDER_WIDTH, E, 0, "medium"),
	P("border-before-width",    PK_BORDER_WIDTH, B, 0, "medium"),
	P("border-after-width",     PK_BORDER_WIDTH, A, 0, "medium"),
	P("border-start-width",     PK_BORDER_WIDTH, S, 0, "medium"),
	P("border-end-width",       PK_BORDER_WIDTH, E, 0, "medium"),
	KW("border-top-style",      border[B].style, kw_border_style, 0, "none"),
	KW("border-bottom-style",   border[A].style, kw_border_style, 0, "none"),
	KW("border-left-style",     border[S].style, kw_border_style, 0, "none"),
	KW("border-right-style",    border[E].style, kw_border_style, 0, "none"),
	KW("border-before-style",   border[B].style, kw_border_style, 0, "none"),
	KW("border-after-style",    border[A].style, kw_border_style, 0, "none"),
	KW("border-start-style",    border[S].style, kw_border_style, 0, "none"),
	KW("border-end-style",      border[E].style, kw_border_style, 0, "none"),
	F("border-top-color",       PK_COLOR, border[B].color, 0, 0, "the color property"),
	F("border-bottom-color",    PK_COLOR, border[A].color, 0, 0, "the color property"),
	F("border-left-color",      PK_COLOR, border[S].color, 0, 0, "the color property"),
	F("border-right-color",     PK_COLOR, border[E].color, 0, 0, "the color property"),
	F("border-before-color",    PK_COLOR, border[B].color, 0, 0, "the color property"),
	F("border-after-color",     PK_COLOR, border[A].color, 0, 0, "the color property"),
	F("border-start-color",     PK_COLOR, border[S].color, 0, 0, "the color property"),
	F("border-end-color",       PK_COLOR, border[E].color, 0, 0, "the color property"),
	P("start-indent",           PK_INDENT, 0, 1, "0pt"),
	P("end-indent",             PK_INDENT, 1, 1, "0pt"),
	P("space-before",           PK_SPACE, 0, 0, "0pt"),
	P("space-before.minimum",   PK_SPACE_COMP, 0, 0, "0pt"),
	P("space-before.optimum",   PK_SPACE_COMP, 1, 0, "0pt"),
	P("space-before.maximum",   PK_SPACE_COMP, 2, 0, "0pt"),
	P("space-before.conditionality", PK_SPACE_COMP, 3, 0, "discard"),
	P("space-before.precedence", PK_SPACE_COMP, 4, 0, "0"),
	P("space-after",            PK_SPACE, 1, 0, "0pt"),
	P("space-after.minimum",    PK_SPACE_COMP, 8, 0, "0pt"),
	P("space-after.optimum",    PK_SPACE_COMP, 9, 0, "0pt"),
	P("space-after.maximum",    PK_SPACE_COMP, 10, 0, "0pt"),
	P("space-after.conditionality", PK_SPACE_COMP, 11, 0, "discard"),
	P("space-after.precedence", PK_SPACE_COMP, 12, 0, "0"),
	P("page-break-before",      PK_SH_PAGE_BREAK, 0, 0, "(shorthand)"),
	P("page-break-after",       PK_SH_PAGE_BREAK, 1, 0, "(shorthand)"),
	P("page-break-inside",      PK_SH_PAGE_BREAK, 2, 0, "(shorthand)"),
	KW("break-before",          break_before, kw_break, 0, "auto"),
	KW("break-after",           break_after, kw_break, 0, "auto"),
	P("keep-with-next",         PK_KEEP, 0, 0, "auto"),
	P("keep-with-next.within-page",   PK_KEEP_COMP, 0, 0, "auto"),
	P("keep-with-next.within-column", PK_KEEP_COMP, 1, 0, "auto"),
	P("keep-with-previous",     PK_KEEP, 1, 0, "auto"),
	P("keep-with-previous.within-page",   PK_KEEP_COMP, 4, 0, "auto"),
	P("keep-with-previous.within-column", PK_KEEP_COMP, 5, 0, "auto"),
	P("keep-together",          PK_KEEP, 2, 1, "auto"),
	P("keep-together.within-page",   PK_KEEP_COMP, 8, 1, "auto"),
	P("keep-together.within-column", PK_KEEP_COMP, 9, 1, "auto"),
	P("keep-together.within-line",   PK_KEEP_COMP, 10, 1, "auto"),
	P("white-space",            PK_SH_WHITE_SPACE, 0, 1, "(shorthand)"),
	KW("linefeed-treatment",    linefeed, kw_linefeed, 1, "treat-as-space"),
	KW("white-space-collapse",  ws_collapse, kw_bool, 1, "true"),
	KW("white-space-treatment", ws_treatment, kw_ws_treatment, 1, "ignore-if-surrounding-linefeed"),
	KW("wrap-option",           wrap, kw_wrap, 1, "wrap"),
	F("letter-spacing",         PK_ABS, letter_spacing, ABS_NORMAL | ABS_SPACING, 1, "normal"),
	F("word-spacing",           PK_ABS, word_spacing, ABS_NORMAL | ABS_SPACING, 1, "normal"),
	P("text-decoration",        PK_DECORATION, 0, 0, "none"),
	P("vertical-align",         PK_SH_VALIGN, 0, 0, "baseline (shorthand: sub, super and lengths set baseline-shift)"),
	P("baseline-shift",         PK_BASELINE_SHIFT, 0, 0, "baseline"),
	KW("text-transform",        text_transform, kw_text_transform, 1, "none"),
	KW("font-variant",          small_caps, kw_font_variant, 1, "normal (small-caps made from capitals at 80 %)"),
	F("language",               PK_CODE, language, sizeof ((struct fo_style *)0)->language, 1, "none"),
	F("country",                PK_CODE, country, sizeof ((struct fo_style *)0)->country, 1, "none"),
	F("widows",                 PK_INT, widows, 2, 1, "2"),
	F("orphans",                PK_INT, orphans, 2, 1, "2"),
	F("page-width",             PK_LENGTH, width, LEN_INDEFINITE, 0, "auto (A4, 210mm)"),
	F("page-height",            PK_LENGTH, height, LEN_INDEFINITE, 0, "auto (A4, 297mm)"),
	F("width",                  PK_LENGTH, width, LEN_INDEFINITE, 0, "auto"),
	F("height",                 PK_LENGTH, height, LEN_INDEFINITE, 0, "auto"),
	F("extent",                 PK_ABS, extent, ABS_NONNEG, 0, "0pt"),
	KW("display-align",         display_align, kw_display_align, 1, "auto (before)"),
	KW("hanging-punctuation",   hanging, kw_hanging, 1, "none (folio extension, in the folio namespace)"),
	F("inline-progression-dimension", PK_LENGTH, width, LEN_INDEFINITE, 0, "auto"),
	F("block-progression-dimension",  PK_LENGTH, height, LEN_INDEFINITE, 0, "auto"),
	KW("table-layout",          table_fixed, kw_table_layout, 0, "auto"),
	KW("border-collapse",       collapse, kw_border_collapse, 1, "collapse"),
	P("border-separation",      PK_BORDER_SEP, -1, 1, "0pt"),
	P("border-spacing",         PK_BORDER_SEP, -1, 1, "0pt (the CSS name of border-separation)"),
	P("border-separation.inline-progression-direction", PK_BORDER_SEP, 0, 1, "0pt"),
	P("border-separation.block-progression-direction",  PK_BORDER_SEP, 1, 1, "0pt"),
	F("column-width",           PK_LENGTH, column_width, 0, 0, "auto"),
	F("number-columns-repeated", PK_INT, cols_repeated, 0, 0, "1"),
	F("number-columns-spanned", PK_INT, cols_spanned, 0, 0, "1"),
	F("number-rows-spanned",    PK_INT, rows_spanned, 0, 0, "1"),
	F("column-number",          PK_INT, column_number, 1, 0, "the next free column"),
	KW("starts-row",            starts_row, kw_bool, 0, "false"),
	KW("ends-row",              ends_row, kw_bool, 0, "false"),
	KW("table-omit-header-at-break", omit_header, kw_bool, 0, "false"),
	KW("table-omit-footer-at-break", omit_footer, kw_bool, 0, "false"),
	KW("empty-cells",           empty_cells_hide, kw_empty_cells, 1, "show"),
	F("provisional-distance-between-starts", PK_LENGTH, dist_starts, LEN_NOAUTO, 1, "24pt"),
	F("provisional-label-separation", PK_LENGTH, label_sep, LEN_NOAUTO, 1, "6pt"),
	KW("relative-align",        rel_align_baseline, kw_relative_align, 1, "before"),
	KW("leader-pattern",        leader_pattern, kw_leader_pattern, 1, "space"),
	P("leader-length",          PK_LEADER_LENGTH, -1, 1, "0pt 12pt 100% (minimum optimum maximum)"),
	P("leader-length.minimum",  PK_LEADER_LENGTH, 0, 1, "0pt"),
	P("leader-length.optimum",  PK_LEADER_LENGTH, 1, 1, "12pt"),
	P("leader-length.maximum",  PK_LEADER_LENGTH, 2, 1, "100%"),
	P("leader-pattern-width",   PK_LEADER_PW, 0, 1, "use-font-metrics"),
	F("rule-thickness",         PK_ABS, rule_thickness, ABS_NONNEG, 1, "1pt"),
	KW("rule-style",            rule_style, kw_border_style, 1, "solid"),
	KW("absolute-position",     abs_pos, kw_abs_pos, 0, "auto"),
	F("top",                    PK_LENGTH, pos[SIDE_BEFORE], 0, 0, "auto"),
	F("bottom",                 PK_LENGTH, pos[SIDE_AFTER], 0, 0, "auto"),
	F("left",                   PK_LENGTH, pos[SIDE_START], 0, 0, "auto"),
	F("right",                  PK_LENGTH, pos[SIDE_END], 0, 0, "auto"),
	KW("overflow",              overflow_hidden, kw_overflow, 0, "auto (visible)"),
	P("reference-orientation",  PK_REF_ORIENT, 0, 0, "0 (applied per container, not inherited)"),
	P("id",                     PK_RAW, 0, 0, "none"),
	P("master-name",            PK_RAW, 0, 0, "none"),
	P("master-reference",       PK_RAW, 0, 0, "none"),
	P("region-name",            PK_RAW, 0, 0, "per region"),
	P("flow-name",              PK_RAW, 0, 0, "none"),
	P("initial-page-number",    PK_INITIAL_PAGE, 0, 0, "auto"),
	P("character",              PK_RAW, 0, 0, "none"),
	P("role",                   PK_RAW, 0, 0, "none"),
	P("ref-id",                 PK_RAW, 0, 0, "none"),
	P("internal-destination",   PK_RAW, 0, 0, "empty"),
	P("external-destination",   PK_RAW, 0, 0, "empty"),
	KW("show-destination",      show_new, kw_show_dest, 0, "replace"),
	KW("starting-state",        starting_hide, kw_starting_state, 0, "show"),
	KW("caption-side",          caption_after, kw_caption_side, 1, "before"),
	KW("visibility",            hidden, kw_visibility, 1, "visible (hidden and collapse: the space kept, nothing painted)"),
	KW("float",                 float_side, kw_float, 0, "none (fo:float is laid out in place)"),
	KW("clear",                 clear_side, kw_clear, 0, "none (no floats to clear)"),
	KW("precedence",            precedence, kw_precedence, 0, "false"),
	F("column-count",           PK_INT, column_count, 5, 0, "1 (the flow fills the columns of a page in turn; the last are balanced)"),
	F("column-gap",             PK_ABS, column_gap, ABS_NONNEG, 0, "12pt"),
	KW("span",                  span_all, kw_span, 0, "none (all: on the children of fo:flow)"),
	KW("line-height-shift-adjustment", shifts_ignored, kw_lhs_adjust, 1, "consider-shifts"),
	KW("writing-mode",          lr_tb, kw_writing_mode, 1, "lr-tb (the only one folio lays out)"),
	KW("font-selection-strategy", lr_tb, kw_font_selection, 1, "auto (character by character)"),
	KW("border-before-width.conditionality", edge_retain, kw_conditionality, 0, "discard"),
	KW("border-after-width.conditionality", edge_retain, kw_conditionality, 0, "discard"),
	KW("padding-before.conditionality", edge_retain, kw_conditionality, 0, "discard"),
	KW("padding-after.conditionality", edge_retain, kw_conditionality, 0, "discard"),
	F("block-progression-dimension.minimum", PK_LENGTH, min_height, LEN_INDEFINITE, 0, "auto (a table row's least height)"),
	P("switch-to",              PK_RAW, 0, 0, "xsl-any (no effect: a PDF has no states)"),
	P("auto-restore",           PK_RAW, 0, 1, "true (no effect: a PDF has no states)"),
	P("active-state",           PK_RAW, 0, 0, "none (no effect: a PDF has no states)"),
	P("case-name",              PK_RAW, 0, 0, "none (no effect: a PDF has no states)"),
	P("case-title",             PK_RAW, 0, 0, "none (no effect: a PDF has no states)"),
	P("change-bar-class",       PK_RAW, 0, 0, "none (required)"),
	F("change-bar-color",       PK_COLOR, cbar_color, 0, 1, "the color property"),
	F("change-bar-offset",      PK_ABS, cbar_offset, 0, 1, "6pt"),
	KW("change-bar-placement",  cbar_end, kw_cbar_place, 1, "start"),
	KW("change-bar-style",      cbar_style, kw_border_style, 1, "none"),
	F("change-bar-width",       PK_ABS, cbar_width, ABS_NONNEG, 1, "6pt"),
	F("maximum-repeats",        PK_INT, max_repeats, 3, 0, "no-limit"),
	KW("page-position",         page_position, kw_page_position, 0, "any"),
	KW("odd-or-even",           odd_or_even, kw_odd_or_even, 0, "any"),
	KW("blank-or-not-blank",    blankness, kw_blankness, 0, "any"),
	KW("force-page-count",      force_page_count, kw_fpc, 0, "auto"),
	P("format",                 PK_FORMAT, 0, 0, "1 (also 01, i, I, a, A, 一)"),
	P("grouping-separator",     PK_GROUPING_SEP, 0, 0, "none"),
	F("grouping-size",          PK_INT, grouping_size, 4, 0, "0"),
	KW("letter-value",          letter_value, kw_letter_value, 0, "auto"),
	P("marker-class-name",      PK_RAW, 0, 0, "none"),
	P("retrieve-class-name",    PK_RAW, 0, 0, "none"),
	KW("retrieve-position",     retrieve_pos, kw_retrieve_pos, 0, "first-starting-within-page"),
	KW("retrieve-boundary",     retrieve_bnd, kw_retrieve_bnd, 0, "page-sequence"),
	P("src",                    PK_RAW, 0, 0, "none (docs/graphics.md)"),
	P("content-width",          PK_CONTENT_SIZE, 0, 0, "auto"),
	P("content-height",         PK_CONTENT_SIZE, 1, 0, "auto"),
	KW("scaling",               scaling_free, kw_scaling, 0, "uniform"),
	P("content-type",           PK_RAW, 0, 0, "auto"),
};
const size_t fo_nprops = sizeof fo_props / sizeof fo_props[0];

#undef B
#undef A
#undef S
#undef E
#undef P
#undef KW
#undef F

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

/* A bad value replaced by what instead says. */
static void
bad_instead(struct style_ctx *c, const char *v, const char *expected, const char *instead)
{
	char key[256];
	snprintf(key, sizeof key, "badval:%s:%d:%s", c->file ? c->file : "", c->line, c->prop);
	diag_once(c->d, key, DIAG_WARNING, c->file, c->line, 0,
	    "%s=\"%s\": expected %s; %s", c->prop, v, expected, instead);
}

static int
is(const char *v, const char *kw)
{
	return strcmp(v, kw) == 0;
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
	for (const struct fo_keyword *k = kw_border_style; k->name; k++)
		if (is(v, k->name)) {
			*out = k->value;
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
	/* 0 is allowed: the usual way to take the strut out of a line that
	 * holds only an image (FOP accepts it) */
	if ((s != 0 && s < LIMIT_FONT_SIZE_MIN) || s < 0 || s > LIMIT_FONT_SIZE_MAX) {
		bad(c, v, "0 or a font size between 0.1pt and 1000pt");
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
	s->max_repeats = -1;
	s->cbar_color = COLOR_NONE;
	s->cbar_offset = s->cbar_width = PT(6);
	s->cbar_style = BORDER_NONE;
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
	s->retrieve_pos = RETRIEVE_FIRST_STARTING;
	s->retrieve_bnd = RETRIEVE_PAGE_SEQUENCE;
	s->scaling_free = 0;
	memset(s->content_mode, 0, sizeof s->content_mode);
	memset(s->content_len, 0, sizeof s->content_len);
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
	split_words(tmp, w, &n, 3);
	if (n < 1 || n > 2) {
		bad(c, v, "one or two positions");
		return;
	}
	const char *h = NULL, *vert = NULL;
	if (n == 1) {
		if (is(w[0], "top") || is(w[0], "bottom"))
			vert = w[0];
		else
			h = w[0];
	} else if (is(w[0], "top") || is(w[0], "bottom") || is(w[1], "left") || is(w[1], "right")) {
		vert = w[0];   /* "top left", "center right": keywords the other way round */
		h = w[1];
	} else {
		h = w[0];
		vert = w[1];
	}
	set_if_unset(spec, "background-position-horizontal", h ? h : "center", c->arena);
	set_if_unset(spec, "background-position-vertical", vert ? vert : "center", c->arena);
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
		case PK_SH_VALIGN: {
			/* XSL 1.1 §7.31.22: what folio has of it is baseline-shift */
			struct fo_len l;
			if (is(v, "super") || is(v, "sub") ||
			    (!is(v, "auto") && fo_expr_length(v, 0, &l) == 0 && !l.is_auto))
				set_if_unset(spec, "baseline-shift", v, c->arena);
			else if (!is(v, "baseline"))
				bad(c, v, "baseline, sub, super or a length (top, middle and bottom are not laid out)");
			break;
		}
		case PK_SH_BG_POS:
			expand_bg_pos(spec, v, c);
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

/*
 * The one keyword parser: the value of v among kw, or -1 after a warning
 * that lists them all ("expected a, b or c").
 */
static int
keyword(struct style_ctx *c, const struct fo_keyword *kw, const char *v, uint8_t *out)
{
	size_t n = 0;
	for (; kw[n].name; n++)
		if (is(v, kw[n].name)) {
			*out = kw[n].value;
			return 0;
		}
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
	if ((p->arg & LEN_INDEFINITE) && is(v, "indefinite"))
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
	if ((p->arg & ABS_NORMAL) && is(v, "normal"))
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
		if (is(v, kw[p->arg][k])) {
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
	if (p->arg && is(v, "transparent"))
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
	if (int_ranges[p->arg].kw && is(v, int_ranges[p->arg].kw))
		*FIELD(s, p, int32_t) = int_ranges[p->arg].kwval;
	else if (parse_int_range(c, v, int_ranges[p->arg].lo, int_ranges[p->arg].hi,
	    int_ranges[p->arg].kw, &i32) == 0)
		*FIELD(s, p, int32_t) = i32;
}

static void
apply_code(struct fo_style *s, const struct fo_style *parent, const struct prop_def *p,
    const char *v, struct style_ctx *c)
{
	(void)parent, (void)c;
	snprintf(FIELD(s, p, char), (size_t)p->arg, "%s", is(v, "none") ? "" : v);
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
	if (is(v, "normal"))
		s->font_weight = 400;
	else if (is(v, "bold"))
		s->font_weight = 700;
	else if (is(v, "bolder"))
		s->font_weight = parent->font_weight >= 600 ? 900 : 700;
	else if (is(v, "lighter"))
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
	if (is(v, "normal")) {
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
	case 3: keyword(c, kw_conditionality, v, &sp->retain); break;
	case 4:
		if (is(v, "force"))
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
		s->keep_with_next = k;
	else if (p->arg == 1)
		s->keep_with_previous = k;
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
		s->keep_within_line = k;
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
	uint8_t d;
	(void)parent, (void)p;
	snprintf(tmp, sizeof tmp, "%s", v);
	split_words(tmp, w, &n, 4);
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
	struct fo_len l;
	(void)p;
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
	split_words(tmp, w, &n, 3);
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
	if (is(v, "use-font-metrics"))
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
	(void)parent, (void)p;
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

/* content-width, content-height: a keyword, or a length or percentage of
 * the intrinsic size that layout resolves */
static void
apply_content_size(struct fo_style *s, const struct fo_style *parent, const struct prop_def *p,
    const char *v, struct style_ctx *c)
{
	static const struct { const char *n; uint8_t m; } kw[] = {
		{ "auto", CONTENT_AUTO }, { "scale-to-fit", CONTENT_FIT },
		{ "scale-down-to-fit", CONTENT_DOWN }, { "scale-up-to-fit", CONTENT_UP },
	};
	struct fo_len l;
	(void)parent;
	for (size_t i = 0; i < sizeof kw / sizeof kw[0]; i++)
		if (is(v, kw[i].n)) {
			s->content_mode[p->arg] = kw[i].m;
			return;
		}
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
	for (const struct fo_keyword *k = kw; k->name; k++)
		if (is(v, k->name)) {
			s->num_format = k->value;
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

/* The size of the field a kind with an offset sets, for inherit. */
static size_t
field_size(enum prop_kind k, const struct prop_def *p)
{
	switch (k) {
	case PK_KEYWORD: return sizeof(uint8_t);
	case PK_LENGTH: return sizeof(struct fo_len);
	case PK_ABS: return sizeof(mpt);
	case PK_COLOR: return sizeof(uint32_t);
	case PK_INT: return sizeof(int32_t);
	case PK_CODE: return (size_t)p->arg;
	default: return 0;
	}
}

/*
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
		size_t n = q && q->kind == p->kind ? field_size((enum prop_kind)p->kind, p) : 0;
		if (n > 0 && n == field_size((enum prop_kind)q->kind, q)) {
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
			bad(c, v, "from-parent() and its kin of a property with a length");
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
	if (is(v, "inherit")) {
		/* inherit: the parent's computed value (XSL 1.1 §5.1.4) */
		size_t n = field_size((enum prop_kind)p->kind, p);
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
	apply_kind[p->kind](s, parent, p, v, c);
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
