/*
 * fo — the property table: every property folio accepts, whether it is
 * inherited, its initial value, the kind of its value and the field it
 * sets, with the keywords of each keyword property; and the lookup of a
 * property by name.  docs/fo-subset.md is generated from this table.
 */
#include <pthread.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "../base/limits.h"
#include "fo_int.h"

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
const struct fo_keyword fo_kw_border_style[] = {
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
static const struct fo_keyword kw_leader_align[] = {
	{ "none", 0 }, { "reference-area", 1 }, { "page", 2 }, { NULL, 0 } };
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
	{ "lr-tb", 0 }, { "lr", 0 }, { "rl-tb", 1 }, { "rl", 1 }, { NULL, 0 } };
static const struct fo_keyword kw_direction[] = {
	{ "ltr", 0 }, { "rtl", 1 }, { NULL, 0 } };
static const struct fo_keyword kw_unicode_bidi[] = {
	{ "normal", UBIDI_NORMAL }, { "embed", UBIDI_EMBED }, { "bidi-override", UBIDI_OVERRIDE },
	{ NULL, 0 } };
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
static const struct fo_keyword kw_pn_treatment[] = {
	{ "no-link", 0 }, { "link", 1 }, { NULL, 0 } };
static const struct fo_keyword kw_merge[] = {
	{ "merge", 0 }, { "leave-separate", 1 }, { NULL, 0 } };
static const struct fo_keyword kw_show_dest[] = {
	{ "replace", 0 }, { "new", 1 }, { NULL, 0 } };
static const struct fo_keyword kw_retrieve_pos[] = {
	{ "first-starting-within-page", RETRIEVE_FIRST_STARTING },
	{ "first-including-carryover", RETRIEVE_FIRST_CARRYOVER },
	{ "last-starting-within-page", RETRIEVE_LAST_STARTING },
	{ "last-ending-within-page", RETRIEVE_LAST_ENDING }, { NULL, 0 } };
static const struct fo_keyword kw_rtm_pos[] = {
	{ "first-starting", RETRIEVE_FIRST_STARTING }, { "first-including-carryover", RETRIEVE_FIRST_CARRYOVER },
	{ "last-starting", RETRIEVE_LAST_STARTING }, { "last-ending", RETRIEVE_LAST_ENDING }, { NULL, 0 } };
static const struct fo_keyword kw_rtm_bnd[] = {
	{ "table", 0 }, { "table-fragment", 1 }, { "page", 2 }, { NULL, 0 } };
static const struct fo_keyword kw_retrieve_bnd[] = {
	{ "page-sequence", RETRIEVE_PAGE_SEQUENCE }, { "page", RETRIEVE_PAGE },
	{ "document", RETRIEVE_DOCUMENT }, { NULL, 0 } };
const struct fo_keyword fo_kw_conditionality[] = {
	{ "discard", 0 }, { "retain", 1 }, { NULL, 0 } };
static const struct fo_keyword kw_scaling[] = {
	{ "uniform", 0 }, { "non-uniform", 1 }, { NULL, 0 } };

/* PK_INT: the ranges, by the index in the table's arg */
const struct fo_int_range fo_int_ranges[] = {
	{ 1, LIMIT_TABLE_SPAN, NULL, 0 },           /* 0: number-*-repeated/-spanned */
	{ 1, LIMIT_TABLE_SPAN, "auto", 0 },         /* 1: column-number */
	{ 0, 100, NULL, 0 },                        /* 2: widows, orphans (0: none, as FOP) */
	{ 0, LIMIT_PAGES, "no-limit", -1 },         /* 3: maximum-repeats */
	{ 0, 100, NULL, 0 },                        /* 4: grouping-size */
	{ 1, 100, NULL, 0 },                        /* 5: column-count */
	{ 1, 100, NULL, 0 },                        /* 6: hyphenation-push/remain-character-count */
	{ 1, 100, "no-limit", 0 },                  /* 7: hyphenation-ladder-count */
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
	KW("border-top-style",      border[B].style, fo_kw_border_style, 0, "none"),
	KW("border-bottom-style",   border[A].style, fo_kw_border_style, 0, "none"),
	KW("border-left-style",     border[S].style, fo_kw_border_style, 0, "none"),
	KW("border-right-style",    border[E].style, fo_kw_border_style, 0, "none"),
	KW("border-before-style",   border[B].style, fo_kw_border_style, 0, "none"),
	KW("border-after-style",    border[A].style, fo_kw_border_style, 0, "none"),
	KW("border-start-style",    border[S].style, fo_kw_border_style, 0, "none"),
	KW("border-end-style",      border[E].style, fo_kw_border_style, 0, "none"),
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
	P("keep-with-next.within-line",   PK_KEEP_COMP, 2, 0, "auto (any strength: no line break after the inline)"),
	P("keep-with-previous",     PK_KEEP, 1, 0, "auto"),
	P("keep-with-previous.within-page",   PK_KEEP_COMP, 4, 0, "auto"),
	P("keep-with-previous.within-column", PK_KEEP_COMP, 5, 0, "auto"),
	P("keep-with-previous.within-line",   PK_KEEP_COMP, 6, 0, "auto (any strength: no line break before the inline)"),
	P("keep-together",          PK_KEEP, 2, 1, "auto"),
	P("keep-together.within-page",   PK_KEEP_COMP, 8, 1, "auto"),
	P("keep-together.within-column", PK_KEEP_COMP, 9, 1, "auto"),
	P("keep-together.within-line",   PK_KEEP_COMP, 10, 1, "auto (any strength: the inline is not broken)"),
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
	P("xml:lang",               PK_SH_XML_LANG, 0, 1, "(shorthand: language and country, en-US)"),
	KW("hyphenate",             hyphenate, kw_bool, 1, "false (libhyphen's dictionaries, docs/hyphenation.md)"),
	F("hyphenation-character",  PK_CHAR, hyph_char, 0, 1, "U+2010 (- where the font has no U+2010)"),
	F("hyphenation-push-character-count", PK_INT, hyph_push, 6, 1, "2"),
	F("hyphenation-remain-character-count", PK_INT, hyph_remain, 6, 1, "2"),
	F("hyphenation-ladder-count", PK_INT, hyph_ladder, 7, 1, "no-limit"),
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
	KW("leader-alignment",      leader_align, kw_leader_align, 1, "none (reference-area and page: dots on one grid from the column's start)"),
	P("leader-length",          PK_LEADER_LENGTH, -1, 1, "0pt 12pt 100% (minimum optimum maximum)"),
	P("leader-length.minimum",  PK_LEADER_LENGTH, 0, 1, "0pt"),
	P("leader-length.optimum",  PK_LEADER_LENGTH, 1, 1, "12pt"),
	P("leader-length.maximum",  PK_LEADER_LENGTH, 2, 1, "100%"),
	P("leader-pattern-width",   PK_LEADER_PW, 0, 1, "use-font-metrics"),
	F("rule-thickness",         PK_ABS, rule_thickness, ABS_NONNEG, 1, "1pt"),
	KW("rule-style",            rule_style, fo_kw_border_style, 1, "solid"),
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
	P("index-key",              PK_RAW, 0, 0, "none (docs/index.md)"),
	P("index-class",            PK_RAW, 0, 0, "none (read; no effect: every key's pages are cited)"),
	P("ref-index-key",          PK_RAW, 0, 0, "none (required)"),
	KW("page-number-treatment", index_link, kw_pn_treatment, 0, "no-link (link: each number a link to its page)"),
	KW("merge-sequential-page-numbers", index_keep_seq, kw_merge, 1, "merge (three or more pages in a row: a range)"),
	KW("merge-ranges-across-index-key-references", index_keep_ranges, kw_merge, 1, "merge"),
	KW("merge-pages-across-index-key-references", index_keep_pages, kw_merge, 1, "merge"),
	KW("starting-state",        starting_hide, kw_starting_state, 0, "show"),
	KW("caption-side",          caption_after, kw_caption_side, 1, "before"),
	KW("visibility",            hidden, kw_visibility, 1, "visible (hidden and collapse: the space kept, nothing painted)"),
	KW("float",                 float_side, kw_float, 0, "none (before: the top of the anchor's page or a later one; start and end: the column's edge, the text beside)"),
	KW("clear",                 clear_side, kw_clear, 0, "none (start, end, both: the block goes below the side floats it would begin beside)"),
	KW("precedence",            precedence, kw_precedence, 0, "false"),
	F("column-count",           PK_INT, column_count, 5, 0, "1 (the flow fills the columns of a page in turn; the last are balanced)"),
	F("column-gap",             PK_ABS, column_gap, ABS_NONNEG, 0, "12pt"),
	KW("span",                  span_all, kw_span, 0, "none (all: on the children of fo:flow)"),
	KW("line-height-shift-adjustment", shifts_ignored, kw_lhs_adjust, 1, "consider-shifts"),
	KW("writing-mode",          writing_rl, kw_writing_mode, 1, "lr-tb (and rl-tb: right-to-left paragraphs; no vertical modes)"),
	KW("direction",             direction_rtl, kw_direction, 1, "ltr"),
	KW("unicode-bidi",          unicode_bidi, kw_unicode_bidi, 0, "normal (on fo:bidi-override: bidi-override)"),
	KW("font-selection-strategy", lr_tb, kw_font_selection, 1, "auto (character by character)"),
	KW("border-before-width.conditionality", edge_retain, fo_kw_conditionality, 0, "discard"),
	KW("border-after-width.conditionality", edge_retain, fo_kw_conditionality, 0, "discard"),
	KW("padding-before.conditionality", edge_retain, fo_kw_conditionality, 0, "discard"),
	KW("padding-after.conditionality", edge_retain, fo_kw_conditionality, 0, "discard"),
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
	KW("change-bar-style",      cbar_style, fo_kw_border_style, 1, "none"),
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
	KW("retrieve-position-within-table", rtm_pos, kw_rtm_pos, 0, "first-starting"),
	KW("retrieve-boundary-within-table", rtm_bnd, kw_rtm_bnd, 0, "table (table-fragment and page: this page's part only)"),
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

/*
 * The index of the table: names hash into an open-addressed table (every
 * attribute of every element is looked up, so this is on the hot path),
 * and the border properties fo_style_compute checks on every style.
 * Built once per process, under pthread_once, and read-only after.
 */
#define PROP_HASH 1024

static struct {
	int16_t hash[PROP_HASH];   /* index + 1, 0 = empty */
	int     border[4][4];      /* side × {abs colour, rel colour, abs width, rel width} */
} ix;
static pthread_once_t ix_once = PTHREAD_ONCE_INIT;

static unsigned
prop_hash(const char *s)
{
	unsigned h = 2166136261u;
	while (*s)
		h = (h ^ (unsigned char)*s++) * 16777619u;
	return h & (PROP_HASH - 1);
}

static int
lookup(const char *name)
{
	for (unsigned h = prop_hash(name); ix.hash[h]; h = (h + 1) & (PROP_HASH - 1))
		if (strcmp(fo_props[ix.hash[h] - 1].name, name) == 0)
			return ix.hash[h] - 1;
	return -1;
}

static void
ix_build(void)
{
	static const char *const abs[4] = { "top", "bottom", "left", "right" };
	static const char *const rel[4] = { "before", "after", "start", "end" };
	_Static_assert(sizeof fo_props / sizeof fo_props[0] < PROP_HASH / 2,
	    "the hash table stays at most half full");
	for (size_t i = 0; i < fo_nprops; i++) {
		unsigned h = prop_hash(fo_props[i].name);
		while (ix.hash[h])
			h = (h + 1) & (PROP_HASH - 1);
		ix.hash[h] = (int16_t)(i + 1);
	}
	for (int i = 0; i < 4; i++) {
		char name[64];
		for (int k = 0; k < 4; k++) {
			snprintf(name, sizeof name, "border-%s-%s", k & 1 ? rel[i] : abs[i],
			    k < 2 ? "color" : "width");
			ix.border[i][k] = lookup(name);
		}
	}
}

int
fo_prop_lookup(const char *name)
{
	pthread_once(&ix_once, ix_build);
	return lookup(name);
}

int
fo_prop_border(int side, int which)
{
	pthread_once(&ix_once, ix_build);
	return ix.border[side][which];
}
