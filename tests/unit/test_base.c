/*
 * Unit tests of the base stage: Chinese capital amounts, UTF-8.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "base/base.h"
#include "base/file.h"
#include "source/source.h"

static void
amount(const char *in, const char *want)
{
	struct buf b = {0};
	assert_int_equal(zh_amount_capital(in, &b), 0);
	assert_string_equal(b.p, want);
	buf_free(&b);
}

static void
test_amounts(void **state)
{
	(void)state;
	amount("0", "人民币零元整");
	amount("0.05", "人民币伍分");
	amount("10", "人民币壹拾元整");
	amount("100.10", "人民币壹佰元壹角整");
	amount("1001", "人民币壹仟零壹元整");
	amount("10010.01", "人民币壹万零壹拾元零壹分");
	amount("100000000", "人民币壹亿元整");
	amount("123456789.12", "人民币壹亿贰仟叁佰肆拾伍万陆仟柒佰捌拾玖元壹角贰分");
	amount("12345.60", "人民币壹万贰仟叁佰肆拾伍元陆角整");
	amount("105000", "人民币壹拾万零伍仟元整");
	amount("100010000", "人民币壹亿零壹万元整");
	amount("60102.50", "人民币陆万零壹佰零贰元伍角整");
}

static void
test_bad_amounts(void **state)
{
	struct buf b = {0};
	(void)state;
	assert_int_equal(zh_amount_capital("abc", &b), -1);
	assert_int_equal(zh_amount_capital("1.234", &b), -1);
	assert_int_equal(zh_amount_capital("-5", &b), -1);
	assert_int_equal(zh_amount_capital("1000000000000", &b), -1);
	assert_int_equal(zh_amount_capital("", &b), -1);
	assert_int_equal(b.n, 0);
	buf_free(&b);
}

static void
test_utf8(void **state)
{
	(void)state;
	const char *s = "中a\xF0\xA0\xAE\xB7\xFF";
	const char *p = s, *e = s + strlen(s);
	assert_int_equal(utf8_next(&p, e), 0x4E2D);
	assert_int_equal(utf8_next(&p, e), 'a');
	assert_int_equal(utf8_next(&p, e), 0x20BB7);
	assert_int_equal(utf8_next(&p, e), 0xFFFD);   /* malformed byte */
	assert_true(p == e);
	char out[4];
	assert_int_equal(utf8_encode(0x20BB7, out), 4);
	assert_int_equal(utf8_count(s, strlen(s)), 4);
}

/* file_write_new: written once, never over an existing file, no temporary left */
static void
test_write_new(void **state)
{
	char dir[] = "/tmp/folio-test-XXXXXX", path[64];
	struct diag d;
	struct buf b = {0};
	const char *why = NULL;
	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/case.xml", dir);
	diag_init(&d);
	assert_int_equal(file_write_new(path, "one", 3, &d), 0);
	assert_int_equal(file_write_new(path, "two!", 4, &d), 1);
	assert_int_equal(d.n, 0);
	assert_int_equal(file_read(path, 0, &b, &why), 0);
	assert_string_equal(b.p, "one");
	buf_free(&b);
	DIR *dp = opendir(dir);
	int n = 0;
	for (struct dirent *e; (e = readdir(dp)) != NULL; )
		n += e->d_name[0] != '.';
	closedir(dp);
	assert_int_equal(n, 1);
	snprintf(path, sizeof path, "%s/no/such/folder", dir);
	assert_int_equal(file_write_new(path, "x", 1, &d), -1);
	assert_int_equal(d.n, 1);
	diag_free(&d);
	assert_true(file_same_bytes(path, path) == 0);
	file_remove_tree(dir);
}

/* The stylesheet cache: more stylesheets than it keeps, each transforming
 * right, the first again after it was let go; src_cleanup frees them all
 * (the ASan build finds any left: make asan). */
static void
test_stylesheets(void **state)
{
	char dir[] = "/tmp/folio-test-XXXXXX", path[64];
	struct diag d;
	(void)state;
	assert_non_null(mkdtemp(dir));
	src_allow_dir(dir);
	diag_init(&d);
	for (int round = 0; round < 2; round++)
		for (int i = 0; i < 12; i++) {
			snprintf(path, sizeof path, "%s/s%d.xsl", dir, i);
			if (round == 0) {
				FILE *f = fopen(path, "w");
				assert_non_null(f);
				fprintf(f, "<xsl:stylesheet version=\"1.0\" "
				    "xmlns:xsl=\"http://www.w3.org/1999/XSL/Transform\">"
				    "<xsl:template match=\"/\"><r n=\"%d\"/></xsl:template>"
				    "</xsl:stylesheet>\n", i);
				fclose(f);
			}
			struct xdoc *x = src_xslt_run_mem(path, "<a/>", 4, "in.xml", NULL, "out", NULL, &d);
			assert_non_null(x);
			char want[16];
			snprintf(want, sizeof want, "%d", i);
			assert_string_equal(xnode_attr(x->root, "n"), want);
			src_xdoc_free(x);
		}
	assert_int_equal(d.n, 0);
	diag_free(&d);
	src_cleanup();
	file_remove_tree(dir);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_amounts),
		cmocka_unit_test(test_bad_amounts),
		cmocka_unit_test(test_utf8),
		cmocka_unit_test(test_write_new),
		cmocka_unit_test(test_stylesheets),
	};
	return cmocka_run_group_tests_name("base", tests, NULL, NULL);
}
