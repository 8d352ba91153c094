/*
 * Unit tests of the FO stage: units, expressions, colours, shorthands,
 * inheritance and initial values, names, and trees built on several
 * threads at once.
 */
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "base/base.h"
#include "source/source.h"
#include "fo/fo.h"

static mpt
len(const char *s, mpt em)
{
	struct fo_len l;
	assert_int_equal(fo_length_parse(s, em, &l), 0);
	assert_int_equal(l.pct, 0);
	return l.abs;
}

static void
test_units(void **state)
{
	(void)state;
	assert_int_equal(len("12pt", 10000), 12000);
	assert_int_equal(len("1in", 10000), 72000);
	assert_int_equal(len("25.4mm", 10000), 72000);
	assert_int_equal(len("2.54cm", 10000), 72000);
	assert_int_equal(len("1pc", 10000), 12000);
	assert_int_equal(len("4px", 10000), 3000);
	assert_int_equal(len("2em", 10500), 21000);
	assert_int_equal(len("0", 10000), 0);
	assert_int_equal(len("-3pt", 10000), -3000);
}

static void
test_expressions(void **state)
{
	struct fo_len l;
	(void)state;
	assert_int_equal(len("2em + 3pt", 10000), 23000);
	assert_int_equal(len("(10pt + 2pt) * 2", 10000), 24000);
	assert_int_equal(len("3 * 4pt", 10000), 12000);
	assert_int_equal(len("10pt div 4", 10000), 2500);
	assert_int_equal(len("10pt - -2pt", 10000), 12000);
	assert_int_equal(fo_length_parse("50% - 10pt", 10000, &l), 0);
	assert_int_equal(l.pct, 5000);
	assert_int_equal(l.abs, -10000);
	assert_int_equal(fo_len_resolve(l, 200000), 90000);
	assert_int_equal(fo_length_parse("auto", 10000, &l), 0);
	assert_true(l.is_auto);
	/* not lengths */
	assert_int_equal(fo_length_parse("12", 10000, &l), -1);
	assert_int_equal(fo_length_parse("12zz", 10000, &l), -1);
	assert_int_equal(fo_length_parse("3pt * 2pt", 10000, &l), -1);
	assert_int_equal(fo_length_parse("1pt div 0", 10000, &l), -1);
	assert_int_equal(fo_length_parse("((((((((((((((((((((((((((((((((((1pt))))))))))))))))))))))))))))))))))", 10000, &l), -1);
}

/* proportional-column-width(), label-end(), body-start() (XSL 1.1 §5.10.4) */
static void
test_length_functions(void **state)
{
	struct fo_len l;
	(void)state;
	assert_int_equal(fo_length_parse("proportional-column-width(2)", 10000, &l), 0);
	assert_int_equal(l.prop, 2000);
	assert_int_equal(l.abs, 0);
	assert_int_equal(fo_length_parse("proportional-column-width(1.5) + 2cm", 10000, &l), 0);
	assert_int_equal(l.prop, 1500);
	assert_int_equal(l.abs, 56693);
	assert_int_equal(fo_length_parse("body-start()", 10000, &l), 0);
	assert_int_equal(l.body_start, 1);
	assert_int_equal(l.label_end, 0);
	assert_int_equal(fo_length_parse("label-end() + 1em", 12000, &l), 0);
	assert_int_equal(l.label_end, 1);
	assert_int_equal(l.abs, 12000);
	assert_int_equal(fo_length_parse("body-start ( )", 10000, &l), 0);
	/* not lengths */
	assert_int_equal(fo_length_parse("proportional-column-width(2pt)", 10000, &l), -1);
	assert_int_equal(fo_length_parse("proportional-column-width(-1)", 10000, &l), -1);
	assert_int_equal(fo_length_parse("no-such-function()", 10000, &l), -1);
	assert_int_equal(fo_length_parse("label-end", 10000, &l), -1);
	assert_int_equal(fo_length_parse("label-end() mod 2pt", 10000, &l), -1);
	/* numeric functions (§5.10.1) */
	assert_int_equal(len("abs(-3pt)", 10000), 3000);
	assert_int_equal(len("max(2pt, 1em)", 10000), 10000);
	assert_int_equal(len("min(2pt, 1em) + 1pt", 10000), 3000);
	assert_int_equal(len("round(2.5) * 1pt", 10000), 3000);
	assert_int_equal(len("floor(2.7pt)", 10000), 2000);
	assert_int_equal(len("ceiling(2.1pt)", 10000), 3000);
	assert_int_equal(len("round(10pt div 3pt) * 1pt", 10000), 3000);
	assert_int_equal(fo_length_parse("max(2pt)", 10000, &l), -1);
	assert_int_equal(fo_length_parse("abs(body-start())", 10000, &l), -1);
}

static void
test_colors(void **state)
{
	uint32_t c;
	(void)state;
	assert_int_equal(fo_color_parse("#F00", &c), 0);
	assert_int_equal(c, 0xFF0000);
	assert_int_equal(fo_color_parse("#1a2B3c", &c), 0);
	assert_int_equal(c, 0x1A2B3C);
	assert_int_equal(fo_color_parse("rgb(0, 128, 255)", &c), 0);
	assert_int_equal(c, 0x0080FF);
	assert_int_equal(fo_color_parse("Navy", &c), 0);
	assert_int_equal(c, 0x000080);
	assert_int_equal(fo_color_parse("#12", &c), -1);
	assert_int_equal(fo_color_parse("notacolor", &c), -1);
	/* percentages, CSS/SVG keywords, rgb-icc's sRGB fallback */
	assert_int_equal(fo_color_parse("rgb(100%, 50%, 0%)", &c), 0);
	assert_int_equal(c, 0xFF8000);
	assert_int_equal(fo_color_parse("cornflowerblue", &c), 0);
	assert_int_equal(c, 0x6495ED);
	assert_int_equal(fo_color_parse("LightSlateGray", &c), 0);
	assert_int_equal(c, 0x778899);
	assert_int_equal(fo_color_parse("rgb-icc(255, 0, 0, #CMYK, 0, 1, 1, 0)", &c), 0);
	assert_int_equal(c, 0xFF0000);
	assert_int_equal(fo_color_parse("rgb(1, 2)", &c), -1);
}

/* Build a tree from a small FO document held in memory. */
static struct fo_tree *
tree(const char *flow, struct diag *d)
{
	static char doc[8192];
	snprintf(doc, sizeof doc,
	    "<fo:root xmlns:fo='http://www.w3.org/1999/XSL/Format' font-size='10pt'>"
	    "<fo:layout-master-set><fo:simple-page-master master-name='p'><fo:region-body/>"
	    "</fo:simple-page-master></fo:layout-master-set><fo:page-sequence master-reference='p'>"
	    "<fo:flow flow-name='xsl-region-body'>%s</fo:flow></fo:page-sequence></fo:root>", flow);
	diag_init(d);
	struct xdoc *x = src_xml_parse(doc, strlen(doc), "t.fo", d);
	assert_non_null(x);
	struct fo_tree *t = fo_tree_build_take(x, d);
	assert_non_null(t);
	return t;
}

static const struct fo_node *
first_block(const struct fo_tree *t)
{
	const struct fo_node *seq = t->root->first->next;
	return seq->first->first;   /* page-sequence / flow / block */
}

static void
test_shorthands(void **state)
{
	struct diag d;
	(void)state;
	struct fo_tree *t = tree("<fo:block margin='1pt 2pt 3pt' padding='4pt' border='2pt dashed red'"
	    " border-top-width='5pt' border-start-style='none'/>", &d);
	const struct fo_style *s = first_block(t)->style;
	assert_int_equal(s->margin[SIDE_BEFORE].abs, 1000);
	assert_int_equal(s->margin[SIDE_END].abs, 2000);
	assert_int_equal(s->margin[SIDE_START].abs, 2000);
	assert_int_equal(s->margin[SIDE_AFTER].abs, 3000);
	for (int i = 0; i < 4; i++)
		assert_int_equal(s->padding[i].abs, 4000);
	assert_int_equal(s->border[SIDE_BEFORE].width, 5000);   /* specific wins */
	assert_int_equal(s->border[SIDE_AFTER].width, 2000);
	assert_int_equal(s->border[SIDE_AFTER].style, BORDER_DASHED);
	assert_int_equal(s->border[SIDE_AFTER].color, 0xFF0000);
	assert_int_equal(s->border[SIDE_START].width, 0);       /* style none */
	fo_tree_free(t);
	diag_free(&d);
}

static void
test_inheritance(void **state)
{
	struct diag d;
	(void)state;
	struct fo_tree *t = tree("<fo:block font-size='12pt' color='blue' background-color='yellow'"
	    " line-height='1.5' text-align='justify' space-before='6pt'>"
	    "<fo:block font-size='150%'>x</fo:block><fo:block font-size='2em' line-height='20pt'>y</fo:block>"
	    "</fo:block>", &d);
	const struct fo_node *b = first_block(t);
	const struct fo_style *p = b->style, *c1 = b->first->style, *c2 = b->first->next->style;
	assert_int_equal(p->line_height, 18000);
	assert_int_equal(c1->font_size, 18000);       /* % of the parent */
	assert_int_equal(c1->line_height, 27000);     /* the number is inherited */
	assert_int_equal(c1->color, 0x0000FF);        /* inherited */
	assert_int_equal(c1->text_align, ALIGN_JUSTIFY);
	assert_int_equal(c1->background, COLOR_NONE); /* not inherited */
	assert_int_equal(c1->space_before.opt, 0);    /* not inherited */
	assert_int_equal(c2->font_size, 24000);       /* em of the parent */
	assert_int_equal(c2->line_height, 20000);
	assert_true(c1 != c2);
	fo_tree_free(t);
	diag_free(&d);
}

/* from-parent() and its kin (§5.10.4): the parent's computed value */
static void
test_parent_functions(void **state)
{
	struct diag d;
	(void)state;
	struct fo_tree *t = tree("<fo:block font-size='12pt' color='blue' start-indent='20pt'"
	    " background-color='yellow' space-before='6pt'>"
	    "<fo:block font-size='from-parent(font-size) * 1.5' start-indent='from-parent()'"
	    " background-color='from-parent(background-color)'>x</fo:block>"
	    "<fo:block end-indent='inherited-property-value(start-indent) + 1pt'"
	    " color='from-nearest-specified-value(color)'>y</fo:block>"
	    "<fo:block font-size='from-parent(font-family)'>z</fo:block>"
	    "</fo:block>", &d);
	const struct fo_node *b = first_block(t);
	const struct fo_style *c1 = b->first->style, *c2 = b->first->next->style;
	assert_int_equal(c1->font_size, 18000);
	assert_int_equal(c1->start_indent.abs, 20000);
	assert_int_equal(c1->background, 0xFFFF00);
	assert_int_equal(c2->end_indent.abs, 21000);
	assert_int_equal(c2->color, 0x0000FF);
	assert_int_equal(b->first->next->next->style->font_size, 12000);  /* warned, inherited */
	assert_int_equal(d.worst, DIAG_WARNING);
	assert_int_equal(d.n, 1);
	fo_tree_free(t);
	diag_free(&d);
}

static void
test_keeps_breaks_whitespace(void **state)
{
	struct diag d;
	(void)state;
	struct fo_tree *t = tree("<fo:block keep-with-next.within-page='always' break-before='page'"
	    " keep-together='5' white-space='pre' page-break-after='always' language='zh' country='CN'"
	    " text-decoration='underline line-through' baseline-shift='super'/>", &d);
	const struct fo_style *s = first_block(t)->style;
	assert_int_equal(s->keep_with_next, KEEP_ALWAYS);
	assert_int_equal(s->keep_together, 5);
	assert_int_equal(s->break_before, BREAK_PAGE);
	assert_int_equal(s->break_after, BREAK_PAGE);
	assert_int_equal(s->linefeed, LF_PRESERVE);
	assert_int_equal(s->ws_collapse, 0);
	assert_int_equal(s->wrap, 0);
	assert_string_equal(s->language, "zh");
	assert_string_equal(s->country, "CN");
	assert_int_equal(s->decoration, DECO_UNDERLINE | DECO_LINE_THROUGH);
	assert_int_equal(s->shift, SHIFT_SUPER);
	fo_tree_free(t);
	diag_free(&d);
}

/* hyphenation properties (§7.10) and xml:lang (§7.31.24): typed, inherited */
static void
test_hyphenation_props(void **state)
{
	struct diag d;
	(void)state;
	struct fo_tree *t = tree("<fo:block hyphenate='true' xml:lang='en-US'"
	    " hyphenation-character='-' hyphenation-push-character-count='3'"
	    " hyphenation-remain-character-count='4' hyphenation-ladder-count='2'>"
	    "<fo:block xml:lang='zh-Hans-CN' hyphenation-ladder-count='no-limit'>x</fo:block>"
	    "<fo:block language='de' xml:lang='fr-CA' hyphenation-character='ab'"
	    " hyphenation-push-character-count='0'>y</fo:block>"
	    "</fo:block>", &d);
	const struct fo_node *b = first_block(t);
	const struct fo_style *s = b->style, *c1 = b->first->style, *c2 = b->first->next->style;
	assert_int_equal(s->hyphenate, 1);
	assert_int_equal(s->hyph_char, '-');
	assert_int_equal(s->hyph_push, 3);
	assert_int_equal(s->hyph_remain, 4);
	assert_int_equal(s->hyph_ladder, 2);
	assert_string_equal(s->language, "en");
	assert_string_equal(s->country, "US");
	/* inherited; the script subtag is skipped; no-limit is 0 */
	assert_int_equal(c1->hyphenate, 1);
	assert_int_equal(c1->hyph_push, 3);
	assert_int_equal(c1->hyph_ladder, 0);
	assert_string_equal(c1->language, "zh");
	assert_string_equal(c1->country, "CN");
	/* language wins over xml:lang; bad values warn and keep the parent's */
	assert_string_equal(c2->language, "de");
	assert_string_equal(c2->country, "CA");
	assert_int_equal(c2->hyph_char, '-');
	assert_int_equal(c2->hyph_push, 3);
	assert_int_equal(d.worst, DIAG_WARNING);
	assert_int_equal(d.n, 2);
	fo_tree_free(t);
	diag_free(&d);
	/* the initial values */
	t = tree("<fo:block>z</fo:block>", &d);
	s = first_block(t)->style;
	assert_int_equal(s->hyphenate, 0);
	assert_int_equal(s->hyph_char, 0x2010);
	assert_int_equal(s->hyph_push, 2);
	assert_int_equal(s->hyph_remain, 2);
	assert_int_equal(s->hyph_ladder, 0);
	fo_tree_free(t);
	diag_free(&d);
}

static void
test_bad_values_warn(void **state)
{
	struct diag d;
	(void)state;
	struct fo_tree *t = tree("<fo:block font-size='huge' color='#zz' text-align='middle' bogus='1'/>", &d);
	assert_int_equal(d.worst, DIAG_WARNING);
	assert_true(d.n >= 4);
	const struct fo_style *s = first_block(t)->style;
	assert_int_equal(s->font_size, 10000);   /* the inherited value stays */
	assert_int_equal(s->color, 0);
	fo_tree_free(t);
	diag_free(&d);
}

static void
test_not_fo(void **state)
{
	struct diag d;
	(void)state;
	diag_init(&d);
	const char *doc = "<html/>";
	struct xdoc *x = src_xml_parse(doc, strlen(doc), "t.fo", &d);
	assert_null(fo_tree_build_take(x, &d));
	assert_int_equal(d.worst, DIAG_ERROR);
	diag_free(&d);
	diag_init(&d);
	const char *bad = "<fo:root xmlns:fo='http://www.w3.org/1999/XSL/Format'>\n<fo:block>";
	assert_null(src_xml_parse(bad, strlen(bad), "bad.fo", &d));
	assert_int_equal(d.worst, DIAG_ERROR);
	assert_int_equal(d.v[0].line, 2);
	assert_true(d.v[0].col > 0);
	diag_free(&d);
}

/*
 * Threads that build trees at once, from the first use of the FO stage in
 * the process (this test runs first): the property index is built once
 * (pthread_once), and every thread gets the same computed values and
 * names.  Run under ASan/UBSan by make asan.
 */
#define NTHREADS 4

static void *
build_on_thread(void *arg)
{
	static const char doc[] =
	    "<fo:root xmlns:fo='http://www.w3.org/1999/XSL/Format' font-size='10pt'>"
	    "<fo:layout-master-set><fo:simple-page-master master-name='p'><fo:region-body/>"
	    "</fo:simple-page-master></fo:layout-master-set><fo:page-sequence master-reference='p'"
	    " format='i' grouping-separator='，'><fo:flow flow-name='xsl-region-body'>"
	    "<fo:block border='2pt solid' border-top-color='red'><fo:basic-link internal-destination='x'"
	    " external-destination='http://example.org/'>y</fo:basic-link></fo:block>"
	    "</fo:flow></fo:page-sequence></fo:root>";
	int *ok = arg;
	for (int round = 0; round < 20; round++) {
		struct diag d;
		diag_init(&d);
		struct xdoc *x = src_xml_parse(doc, strlen(doc), "t.fo", &d);
		struct fo_tree *t = x ? fo_tree_build_take(x, &d) : NULL;
		if (t == NULL) {
			diag_free(&d);
			return NULL;
		}
		const struct fo_node *spm = t->root->first->first, *seq = t->root->first->next;
		const struct fo_node *flow = seq->first, *b = flow->first, *link = b->first;
		const struct fo_style *s = b->style;
		int good = d.n == 0 && spm->name && strcmp(spm->name, "p") == 0 &&
		    seq->ref && strcmp(seq->ref, "p") == 0 && flow->name &&
		    strcmp(flow->name, "xsl-region-body") == 0 && link->type == FO_BASIC_LINK &&
		    link->ref && strcmp(link->ref, "x") == 0 && link->uri &&
		    strcmp(link->uri, "http://example.org/") == 0 &&
		    seq->style->num_format == NUMFMT_ROMAN_LOWER && seq->style->grouping_sep == 0xFF0C &&
		    s->border[SIDE_BEFORE].color == 0xFF0000 && s->border[SIDE_AFTER].color == 0 &&
		    s->border[SIDE_START].width == 2000 && s->border[SIDE_END].style == BORDER_SOLID;
		fo_tree_free(t);
		diag_free(&d);
		if (!good)
			return NULL;
	}
	*ok = 1;
	return NULL;
}

static void
test_threads(void **state)
{
	pthread_t th[NTHREADS];
	int ok[NTHREADS] = {0};
	(void)state;
	for (int i = 0; i < NTHREADS; i++)
		assert_int_equal(pthread_create(&th[i], NULL, build_on_thread, &ok[i]), 0);
	for (int i = 0; i < NTHREADS; i++) {
		assert_int_equal(pthread_join(th[i], NULL), 0);
		assert_int_equal(ok[i], 1);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_threads),
		cmocka_unit_test(test_units),
		cmocka_unit_test(test_expressions),
		cmocka_unit_test(test_length_functions),
		cmocka_unit_test(test_colors),
		cmocka_unit_test(test_shorthands),
		cmocka_unit_test(test_inheritance),
		cmocka_unit_test(test_parent_functions),
		cmocka_unit_test(test_keeps_breaks_whitespace),
		cmocka_unit_test(test_hyphenation_props),
		cmocka_unit_test(test_bad_values_warn),
		cmocka_unit_test(test_not_fo),
	};
	return cmocka_run_group_tests_name("fo", tests, NULL, NULL);
}
