/*
 * Unit tests of the text stage: character classes, break opportunities with
 * the prohibition filter, and the paragraph composer on synthetic items
 * (1 em = 10pt, marks with GB-style blanks).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "base/base.h"
#include "text/text.h"

static size_t
decode(const char *s, uint32_t *out)
{
	const char *e = s + strlen(s);
	size_t n = 0;
	while (s < e)
		out[n++] = utf8_next(&s, e);
	return n;
}

/* The text with '|' where a break is allowed. */
static char *
breaks(const char *s)
{
	static char out[1024];
	uint32_t cps[256] = {0};
	uint8_t brk[256];
	size_t n = decode(s, cps);
	struct buf b = {0};
	text_breaks(cps, n, "zh", brk);
	for (size_t i = 0; i < n; i++) {
		buf_add_utf8(&b, cps[i]);
		if (i + 1 < n && brk[i] != TB_NONE)
			buf_putc(&b, '|');
	}
	snprintf(out, sizeof out, "%s", b.p);
	buf_free(&b);
	return out;
}

static void
test_kinds(void **state)
{
	(void)state;
	assert_int_equal(text_kind_of(0x4E00), TK_HAN);
	assert_int_equal(text_kind_of('A'), TK_LATIN);
	assert_int_equal(text_kind_of('7'), TK_DIGIT);
	assert_int_equal(text_kind_of(0xFF0C), TK_PAUSE);
	assert_int_equal(text_kind_of(0x3002), TK_STOP);
	assert_int_equal(text_kind_of(0x300A), TK_OPEN);
	assert_int_equal(text_kind_of(0x300B), TK_CLOSE);
	assert_int_equal(text_kind_of(0xB7), TK_MIDDLE);
	assert_int_equal(text_kind_of(0x2014), TK_DASH);
	assert_int_equal(text_kind_of(0x2026), TK_ELLIPSIS);
	assert_int_equal(text_kind_of(0x3000), TK_HAN);
	assert_true(text_is_wide(0x4E2D));
	assert_false(text_is_wide('a'));
	assert_false(text_is_wide(0xAC00));   /* Hangul keeps its line feed */
}

static void
test_breaks(void **state)
{
	(void)state;
	/* R5: zh tailoring of quotes */
	assert_string_equal(breaks("简称“甲方”"), "简|称|“甲|方”");
	/* R1: interpunct, wave dash */
	assert_string_equal(breaks("张三·李四"), "张|三·|李|四");
	assert_string_equal(breaks("9:00～17:30"), "9:00～17:30");
	/* R4: dash and ellipsis */
	assert_string_equal(breaks("九——十"), "九——|十");
	assert_string_equal(breaks("九……十"), "九……|十");
	/* R2: solidus at GB level */
	assert_string_equal(breaks("甲方/乙方"), "甲|方/乙|方");
	/* R6: codes, dates, versions */
	assert_string_equal(breaks("见XT-KF-CX-001号"), "见|XT-KF-CX-001|号");
	assert_string_equal(breaks("于2024-03-15起"), "于|2024-03-15|起");
	assert_string_equal(breaks("v2.3.0版"), "v2.3.0|版");
	/* R7: numbers with prefixes and suffixes */
	assert_string_equal(breaks("¥1,280.50元"), "¥1,280.50|元");
	assert_string_equal(breaks("增长15%，约5‰。"), "增|长|15%，|约|5‰。");
	/* brackets and pause marks */
	assert_string_equal(breaks("（XT）：客"), "（XT）：|客");
	assert_string_equal(breaks("提交《装修申请表》。"), "提|交|《装|修|申|请|表》。");
}

/* ---- the composer on synthetic items ---- */

#define EM 10000

static size_t
items(const char *s, struct text_item *it)
{
	uint32_t cps[256] = {0};
	uint8_t brk[256];
	size_t n = decode(s, cps);
	text_breaks(cps, n, "zh", brk);
	memset(it, 0, n * sizeof *it);
	for (size_t i = 0; i < n; i++) {
		it[i].cp = cps[i];
		it[i].kind = (uint8_t)text_kind_of(cps[i]);
		it[i].brk = brk[i];
		it[i].em = EM;
		it[i].adv = it[i].kind == TK_LATIN || it[i].kind == TK_DIGIT ? EM / 2 : EM;
		if (it[i].kind == TK_SPACE)
			it[i].adv = EM / 3;
		if (it[i].kind == TK_OPEN)
			it[i].lblank = EM / 2;
		if (it[i].kind == TK_CLOSE || it[i].kind == TK_PAUSE || it[i].kind == TK_STOP)
			it[i].rblank = EM / 2;
	}
	return n;
}

static struct text_para_opts
opts(mpt width, int align)
{
	struct text_para_opts o;
	memset(&o, 0, sizeof o);
	o.width = width;
	o.align = (uint8_t)align;
	o.align_last = 4;   /* relative */
	o.wrap = 1;
	o.autospace = 1;
	return o;
}

static void
test_compose_r8(void **state)
{
	struct text_item it[64];
	struct text_line *ln;
	(void)state;
	struct text_para_opts o = opts(100 * EM, 0);
	/* 好）。甲 : ）。 measures 1.5 em */
	size_t n = items("好）。甲", it);
	assert_int_equal(text_para_break(it, n, &o, &ln), 1);
	assert_int_equal(it[3].x - it[1].x, 15000);
	free(ln);
	/* 》，《 measures 2 em (two pairs) */
	n = items("甲》，《乙", it);
	text_para_break(it, n, &o, &ln);
	assert_int_equal(it[4].x - (it[1].x + it[1].lcut), 20000);
	free(ln);
	/* 汉字 is never compressed */
	n = items("汉字", it);
	text_para_break(it, n, &o, &ln);
	assert_int_equal(it[1].x - it[0].x, EM);
	free(ln);
}

static void
test_compose_justify(void **state)
{
	struct text_item it[64];
	struct text_line *ln;
	(void)state;
	struct text_para_opts o = opts(10 * EM, 3);
	/* R1a: 9 Han stretched to 10 em: 8 gaps of 1/8 em */
	size_t n = items("一二三四五六七八九十。甲乙丙丁", it);
	assert_int_equal(text_para_break(it, n, &o, &ln), 2);
	assert_int_equal(ln[0].end, 9);
	for (int i = 1; i < 9; i++)
		assert_int_equal(it[i].x - it[i - 1].x, EM + EM / 8);
	assert_int_equal(it[8].x + EM, 10 * EM);
	/* the last line: natural spacing */
	assert_int_equal(it[10].x - it[9].x, EM);
	free(ln);
	/* R10: ¼ em Han|Latin, stretching first to ⅓ em */
	o = opts(100 * EM, 0);
	n = items("用PDF格", it);
	text_para_break(it, n, &o, &ln);
	assert_int_equal(it[1].x - (it[0].x + EM), EM / 4);
	assert_int_equal(it[4].x - (it[3].x + EM / 2), EM / 4);
	free(ln);
}

static void
test_compose_orphan_and_nowrap(void **state)
{
	struct text_item it[64];
	struct text_line *ln;
	(void)state;
	struct text_para_opts o = opts(10 * EM, 3);
	size_t n = items("一二三四五六七八九十一二三四五六七八九十甲。", it);
	assert_int_equal(text_para_break(it, n, &o, &ln), 3);
	assert_int_equal(ln[2].end - ln[2].start, 3);   /* 十甲。 */
	free(ln);
	o.wrap = 0;
	n = items("一二三四五六七八九十一二三", it);
	assert_int_equal(text_para_break(it, n, &o, &ln), 1);
	free(ln);
	/* an unbreakable run wider than the line is broken anyway */
	o = opts(3 * EM, 0);
	n = items("ABCDEFGHIJKLMNOP", it);
	size_t nl = text_para_break(it, n, &o, &ln);
	assert_true(nl >= 3);
	for (size_t l = 0; l < nl; l++)
		assert_true(ln[l].width <= 3 * EM);
	free(ln);
}

/* R11 (#14): the stretch of a line is spread over every gap alike; a
 * space or an R10 gap beside a Han character gets what a gap between two
 * Han gets (and R10's ¼ em), never more; the gaps beside a space nothing */
static void
test_compose_spread(void **state)
{
	struct text_item it[64];
	struct text_line *ln;
	(void)state;
	struct text_para_opts o = opts(10 * EM, 3);
	/* 每年 5 月 on a line of 10 em that has to stretch (9⅙ em of text):
	 * ⅚ em over 8 gaps (6 between Han, the two spaces), 5/48 em each */
	size_t n = items("一二三四五每年 5 月ABCDEFGH甲乙丙丁戊己庚辛壬", it);
	size_t nl = text_para_break(it, n, &o, &ln);
	assert_true(nl >= 2);
	assert_int_equal(ln[0].end, 11);   /* …月, the word goes down */
	mpt han = it[0].gap;
	assert_true(han >= 5 * EM / 48 - 1 && han <= 5 * EM / 48 + 1);
	for (int i = 1; i < 6; i++)
		assert_true(it[i].gap - han <= 1 && han - it[i].gap <= 1);
	assert_int_equal(it[6].gap, 0);                 /* 年|space */
	assert_true(it[7].gap - han <= 1 && han - it[7].gap <= 1);   /* the space */
	assert_int_equal(it[8].gap, 0);                 /* 5|space */
	assert_true(it[9].gap - han <= 1 && han - it[9].gap <= 1);
	assert_int_equal(it[10].x + EM, 10 * EM);   /* 月 at the margin */
	free(ln);
	/* 每年5月: R10 gaps of ¼ em; 9 em, 1 em over 8 gaps, em/8 each,
	 * the R10 gaps ¼ em + em/8 (clreq's order gave them ½ em first) */
	n = items("一二三四五每年5月ABCDEFGH甲乙丙丁戊己庚辛壬", it);
	nl = text_para_break(it, n, &o, &ln);
	assert_true(nl >= 2);
	assert_int_equal(ln[0].end, 9);
	for (int i = 0; i < 6; i++)
		assert_int_equal(it[i].gap, EM / 8);
	assert_int_equal(it[6].gap, EM / 4 + EM / 8);   /* 年|5 */
	assert_int_equal(it[7].gap, EM / 4 + EM / 8);   /* 5|月 */
	assert_int_equal(it[8].x + EM, 10 * EM);
	free(ln);
}

/* total fit: squeezing line 1 saves line 2 from stretching a whole em */
static void
test_compose_total_fit(void **state)
{
	struct text_item it[64];
	struct text_line *ln;
	(void)state;
	struct text_para_opts o = opts(10 * EM, 3);
	/* first fit: 一，二三，四五六七八 | 九甲乙丙丁戊己庚辛 (1 em over 8 gaps) | 壬。癸子丑 */
	size_t n = items("一，二三，四五六七八九甲乙丙丁戊己庚辛壬。癸子丑", it);
	assert_int_equal(text_para_break(it, n, &o, &ln), 3);
	assert_int_equal(ln[0].end, 11);   /* 一，二三，四五六七八九: both ， at ½ em */
	assert_int_equal(ln[1].end, 21);   /* 甲乙丙丁戊己庚辛壬。: ½ em over 9 gaps */
	assert_int_equal(it[1].rcut, EM / 2);
	assert_int_equal(it[4].rcut, EM / 2);
	assert_int_equal(it[10].x + EM, 10 * EM);
	free(ln);
}

/*
 * Mixed text: the R10 gaps take no more stretch than the rest.  10 em
 * lines, digits ½ em, R10 gaps ¼ em.  Line 1 may end after 八 (一二三四五六七
 * 5 八: 9 em, 1 em short, 8 gaps of which 2 are R10 gaps) or after 九 (10 em
 * exactly; 甲 would make 10¾ em even with the R10 gaps at ⅛ em).  After
 * 九, line 2 is 甲乙丙丁，戊己庚辛 (9 em; 2024 does not fit even with ， and
 * the R10 gap squeezed: 10⅝ em), 1 em over 8 gaps; after 八 it is
 * 九甲乙丙丁，戊己庚辛, 10 em exactly.  Both ways stretch one line by 1 em
 * over 8 gaps (r = 2) beside an exact one, so the tie goes to the fuller
 * first line: ⏎ after 九.  (Giving the R10 gaps ½ em first, clreq's
 * order, chose ⏎ after 八 and set 七 5 八 apart by ½ em + em/16 a side.)
 */
static void
test_compose_flexible_first(void **state)
{
	struct text_item it[64];
	struct text_line *ln;
	(void)state;
	struct text_para_opts o = opts(10 * EM, 3);
	size_t n = items("一二三四五六七5八九甲乙丙丁，戊己庚辛2024年", it);
	assert_int_equal(text_para_break(it, n, &o, &ln), 3);
	assert_int_equal(ln[0].end, 10);   /* 一二三四五六七5八九 */
	assert_int_equal(ln[1].end, 19);   /* 甲乙丙丁，戊己庚辛 */
	for (int i = 0; i < 9; i++)        /* line 1 as it is */
		assert_int_equal(it[i].gap, i == 6 || i == 7 ? EM / 4 : 0);
	for (int i = 10; i < 18; i++)      /* line 2: em/8 a gap */
		assert_int_equal(it[i].gap, EM / 8);
	assert_int_equal(it[18].x + EM, 10 * EM);
	free(ln);
}

/*
 * Adjacent lines (STEP_DEMERITS in text_fit.c, 10 000·(a − a′)², a the
 * stretch of a line's gaps between characters in em/16).  10 em lines.
 * The least stretch overall is three lines: 辛、丑、卯巳宙，四未 exact, then
 * 宇黄卯宇盈五三、荒。 stretched by em/18 a gap (a = 0.89, 7 900 against the
 * exact line before it), then 己宇。.  Two lines cost less: line 1 squeezes
 * its three marks by ⅓ em each to take 宇 in, and the last line squeezes
 * its gaps by em/22 to take 。 in, which a last line is never compared
 * for.  Built with the demerit at 0, the composer sets the three lines.
 */
static void
test_compose_adjacent_lines(void **state)
{
	struct text_item it[64];
	struct text_line *ln;
	(void)state;
	struct text_para_opts o = opts(10 * EM, 3);
	size_t n = items("辛、丑、卯巳宙，四未宇黄卯宇盈五三、荒。己宇。", it);
	assert_int_equal(text_para_break(it, n, &o, &ln), 2);
	assert_int_equal(ln[0].end, 11);   /* …四未宇 */
	for (int i = 0; i < 10; i++)       /* the Han gaps of line 1 as they are */
		assert_int_equal(it[i].gap, 0);
	assert_true(it[1].rcut > 0 && it[1].rcut == it[3].rcut && it[3].rcut == it[7].rcut);
	assert_true(labs(it[10].x + EM - 10 * EM) <= 2);   /* 宇 at the margin */
	free(ln);
}

/*
 * Marks alike from line to line (CONSIST_DEMERITS, 5 000·(m − m′)², m the
 * part of their blank a line's marks give up).  10 em lines.  Line 1 can
 * be 寅癸、十乙昃。玄，玄 with its marks at full width, leaving 辛、七…盈。
 * (11 em) to squeeze its 、 on the last line; or it squeezes its 、。， to
 * half width and takes 玄辛、 in (8 Han + 3 × ½ + the trimmed 、 = 10 em),
 * and the last line 七天午乙戊盈甲盈。 stands at full width.  The first
 * mixes full and half marks on two lines; folio takes the second.  Built
 * with the demerit at 0, the composer takes the first.
 */
static void
test_compose_marks_alike(void **state)
{
	struct text_item it[64];
	struct text_line *ln;
	(void)state;
	struct text_para_opts o = opts(10 * EM, 3);
	size_t n = items("寅癸、十乙昃。玄，玄辛、七天午乙戊盈甲盈。", it);
	assert_int_equal(text_para_break(it, n, &o, &ln), 2);
	assert_int_equal(ln[0].end, 12);   /* …玄辛、 */
	assert_int_equal(it[2].rcut, EM / 2);
	assert_int_equal(it[6].rcut, EM / 2);
	assert_int_equal(it[8].rcut, EM / 2);
	assert_int_equal(ln[1].width, 85 * EM / 10);   /* 七…盈。, its 。 trimmed */
	free(ln);
}

/* libhyphen through the text stage: points, push and remain, a missing language */
static void
test_hyph_word(void **state)
{
	(void)state;
	const struct text_hyph *h = text_hyph_dict("en", "US");
	uint32_t w[16];
	uint8_t ok[16];
	const char *word = "Hyphenation";   /* hy-phen-ation */
	size_t n = strlen(word);
	assert_non_null(h);
	assert_ptr_equal(text_hyph_dict("en-US", NULL), h);   /* loaded once */
	for (size_t i = 0; i < n; i++)
		w[i] = (uint32_t)word[i];
	assert_int_equal(text_hyph_word(h, w, n, 2, 2, ok), 1);
	assert_int_equal(ok[1], 1);    /* Hy| */
	assert_int_equal(ok[5], 1);    /* Hyphen| */
	assert_int_equal(ok[0] + ok[2] + ok[3] + ok[4] + ok[6] + ok[9] + ok[10], 0);
	text_hyph_word(h, w, n, 2, 3, ok);   /* three letters must remain before it */
	assert_int_equal(ok[1], 0);
	assert_int_equal(ok[5], 1);
	text_hyph_word(h, w, n, 6, 2, ok);   /* six must go to the next line */
	assert_int_equal(ok[5], 0);
	assert_int_equal(text_hyph_word(h, w, 3, 2, 2, ok), 0);   /* too short */
	assert_null(text_hyph_dict("tlh", NULL));
	assert_null(text_hyph_dict("../x", NULL));
}

/* URL breaks: after / and before ?, only in a run wider than the line */
static void
test_url_breaks(void **state)
{
	(void)state;
	const char *u = "a http://ex.org/docs/x?y=1 b";
	struct text_item it[40];
	size_t n = strlen(u);
	memset(it, 0, sizeof it);
	for (size_t i = 0; i < n; i++) {
		it[i].cp = (uint32_t)u[i];
		it[i].kind = (uint8_t)text_kind_of(it[i].cp);
		it[i].adv = 5000;
		it[i].brk = it[i].kind == TK_SPACE ? TB_ALLOW : TB_NONE;
	}
	text_url_breaks(it, n, 200000);   /* the URL fits: nothing */
	for (size_t i = 0; i < n; i++)
		assert_int_equal(it[i].soft, TS_NONE);
	text_url_breaks(it, n, 50000);
	assert_int_equal(it[2 + 5].soft, TS_NONE);    /* http:/|/ */
	assert_int_equal(it[2 + 6].soft, TS_URL);     /* http://| */
	assert_int_equal(it[2 + 13].soft, TS_URL);    /* ex.org/| */
	assert_int_equal(it[2 + 18].soft, TS_URL);    /* docs/| */
	assert_int_equal(it[2 + 19].soft, TS_URL);    /* x|? */
	assert_int_equal(it[2 + 21].soft, TS_URL);    /* y|= */
	assert_int_equal(it[0].soft + it[1].soft + it[n - 1].soft + it[n - 2].soft, 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_kinds),
		cmocka_unit_test(test_breaks),
		cmocka_unit_test(test_compose_r8),
		cmocka_unit_test(test_compose_justify),
		cmocka_unit_test(test_compose_orphan_and_nowrap),
		cmocka_unit_test(test_compose_spread),
		cmocka_unit_test(test_compose_total_fit),
		cmocka_unit_test(test_compose_flexible_first),
		cmocka_unit_test(test_compose_adjacent_lines),
		cmocka_unit_test(test_compose_marks_alike),
		cmocka_unit_test(test_hyph_word),
		cmocka_unit_test(test_url_breaks),
	};
	return cmocka_run_group_tests_name("text", tests, NULL, NULL);
}
