/*
 * Unit tests of the SVG stage's value parsers and path builder, and of the
 * image stage's PNG decoder on files written here: numbers in SVG syntax,
 * lengths, colours, transform lists, path data (every command, relative
 * forms, errors), elliptical arcs as cubic Béziers.
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>
#include <zlib.h>

#include "base/base.h"
#include "image/image.h"
#include "svg/svg_int.h"

static void
test_numbers(void **state)
{
	const char *s = "1.5.5-2e1,3E-1 .25";
	double v[5];
	(void)state;
	for (int i = 0; i < 5; i++)
		assert_int_equal(svg_number(&s, &v[i]), 0);
	assert_true(*s == '\0');
	assert_true(v[0] == 1.5 && v[1] == 0.5 && v[2] == -20 && fabs(v[3] - 0.3) < 1e-12 && v[4] == 0.25);
	s = "0x10";
	assert_int_equal(svg_number(&s, &v[0]), 0);   /* "0", then x stops */
	assert_true(v[0] == 0 && *s == 'x');
	s = "nan";
	assert_int_equal(svg_number(&s, &v[0]), -1);
	s = "1e999";
	assert_int_equal(svg_number(&s, &v[0]), 0);
	assert_true(isfinite(v[0]));
}

static void
test_lengths(void **state)
{
	double v;
	(void)state;
	assert_int_equal(svg_length("10", 16, 100, &v), 0);
	assert_true(v == 10);
	assert_int_equal(svg_length("72pt", 16, 100, &v), 0);
	assert_true(fabs(v - 96) < 1e-9);
	assert_int_equal(svg_length("25.4mm", 16, 100, &v), 0);
	assert_true(fabs(v - 96) < 1e-9);
	assert_int_equal(svg_length("2em", 16, 100, &v), 0);
	assert_true(v == 32);
	assert_int_equal(svg_length("50%", 16, 300, &v), 0);
	assert_true(v == 150);
	assert_int_equal(svg_length(" 3px ", 16, 100, &v), 0);
	assert_true(v == 3);
	assert_int_equal(svg_length("3 px", 16, 100, &v), -1);
	assert_int_equal(svg_length("wide", 16, 100, &v), -1);
}

static void
test_colors(void **state)
{
	uint32_t c;
	(void)state;
	assert_int_equal(svg_color("#abc", &c), 0);
	assert_int_equal(c, 0xAABBCC);
	assert_int_equal(svg_color("#1F4E79", &c), 0);
	assert_int_equal(c, 0x1F4E79);
	assert_int_equal(svg_color("rgb(255, 128, 0)", &c), 0);
	assert_int_equal(c, 0xFF8000);
	assert_int_equal(svg_color("rgb(100%,0%,50%)", &c), 0);
	assert_int_equal(c, 0xFF0080);
	assert_int_equal(svg_color("LightGoldenrodYellow", &c), 0);
	assert_int_equal(c, 0xFAFAD2);
	assert_int_equal(svg_color("grey", &c), 0);
	assert_int_equal(c, 0x808080);
	assert_int_equal(svg_color("#abcd", &c), -1);
	assert_int_equal(svg_color("bluish", &c), -1);
	assert_int_equal(svg_color("rgb(1,2)", &c), -1);
}

static int
near(double a, double b)
{
	return fabs(a - b) < 1e-9;
}

static void
test_transforms(void **state)
{
	struct svg_mat m;
	double x, y;
	(void)state;
	assert_int_equal(svg_transform("translate(10,20) scale(2)", &m), 0);
	svg_mat_apply(&m, 1, 1, &x, &y);
	assert_true(near(x, 12) && near(y, 22));
	assert_int_equal(svg_transform("rotate(90)", &m), 0);
	svg_mat_apply(&m, 1, 0, &x, &y);
	assert_true(near(x, 0) && near(y, 1));
	assert_int_equal(svg_transform("rotate(180 5 5)", &m), 0);
	svg_mat_apply(&m, 0, 0, &x, &y);
	assert_true(near(x, 10) && near(y, 10));
	assert_int_equal(svg_transform("skewX(45)", &m), 0);
	svg_mat_apply(&m, 0, 1, &x, &y);
	assert_true(near(x, 1) && near(y, 1));
	assert_int_equal(svg_transform("matrix(1,0,0,1,5,6),translate(1)", &m), 0);
	svg_mat_apply(&m, 0, 0, &x, &y);
	assert_true(near(x, 6) && near(y, 6));
	assert_int_equal(svg_transform("scale(2) bogus(1)", &m), -1);
	assert_true(near(m.a, 2));   /* the part before the error */
	assert_int_equal(svg_transform("rotate(1,2)", &m), -1);
}

/* The letters of a path's operators, e.g. "MLCZ". */
static void
ops(const struct svg_path *p, char *out)
{
	for (size_t i = 0; i < p->nops; i++)
		out[i] = "MLCZ"[p->ops[i]];
	out[p->nops] = '\0';
}

static void
test_path_data(void **state)
{
	struct svg_path a, b;
	char s[64];
	size_t at;
	(void)state;
	memset(&a, 0, sizeof a);
	memset(&b, 0, sizeof b);
	assert_int_equal(svg_path_data(&a, "M10 10 L20 10 H30 V20 C30 30 20 30 20 20 S10 10 10 20 "
	    "Q5 25 0 20 T-10 20 Z", &at), 0);
	assert_int_equal(svg_path_data(&b, "m10 10 l10 0 h10 v10 c0 10 -10 10 -10 0 s-10 -10 -10 0 "
	    "q-5 5 -10 0 t-10 0 z", &at), 0);
	ops(&a, s);
	assert_string_equal(s, "MLLLCCCCZ");
	assert_int_equal(a.npts, b.npts);
	for (size_t i = 0; i < 2 * a.npts; i++)
		assert_true(near(a.pts[i], b.pts[i]));
	/* S reflects the previous control point: (20,30) about (20,20) */
	assert_true(near(a.pts[2 * 7], 20) && near(a.pts[2 * 7 + 1], 10));
	/* a quadratic's cubic controls are 2/3 of the way to its control */
	assert_true(near(a.pts[2 * 10], 10 + 2.0 / 3 * (5 - 10)));
	svg_path_free(&a);
	svg_path_free(&b);

	memset(&a, 0, sizeof a);
	assert_int_equal(svg_path_data(&a, "M0 0 L10 10 L20 x", &at), -1);
	assert_int_equal(at, 16);
	ops(&a, s);
	assert_string_equal(s, "ML");
	svg_path_free(&a);
	memset(&a, 0, sizeof a);
	assert_int_equal(svg_path_data(&a, "L1 1", &at), -1);
	assert_int_equal(at, 0);
	assert_int_equal(a.nops, 0);
	svg_path_free(&a);
	memset(&a, 0, sizeof a);
	assert_int_equal(svg_path_data(&a, "M0 0 1 1 2 2z m5 5 1 1", &at), 0);
	ops(&a, s);
	assert_string_equal(s, "MLLZML");
	assert_true(near(a.pts[2 * 4], 6) && near(a.pts[2 * 4 + 1], 6));
	svg_path_free(&a);
}

static void
test_arcs(void **state)
{
	struct svg_path p;
	size_t at;
	(void)state;
	/* a half circle of radius 10: two quarter cubics, each point on the circle */
	memset(&p, 0, sizeof p);
	assert_int_equal(svg_path_data(&p, "M0 0 A10 10 0 0 1 20 0", &at), 0);
	assert_int_equal(p.nops, 3);
	assert_true(near(p.pts[2 * 3], 10) && near(p.pts[2 * 3 + 1], -10));   /* sweep 1: clockwise, over the top */
	assert_true(near(p.pts[2 * 6], 20) && near(p.pts[2 * 6 + 1], 0));
	svg_path_free(&p);
	/* radii too small are scaled up; the end point is exact */
	memset(&p, 0, sizeof p);
	assert_int_equal(svg_path_data(&p, "M0 0 a1 1 0 0 0 30 40", &at), 0);
	assert_true(near(p.pts[2 * (p.npts - 1)], 30) && near(p.pts[2 * (p.npts - 1) + 1], 40));
	svg_path_free(&p);
	/* a large arc covers more than half the ellipse: 3 or 4 segments */
	memset(&p, 0, sizeof p);
	assert_int_equal(svg_path_data(&p, "M0 0 A10 20 30 1 0 5 5", &at), 0);
	assert_true(p.nops >= 4);
	svg_path_free(&p);
	/* flags may touch: "a 5 5 0 1015 5" */
	memset(&p, 0, sizeof p);
	assert_int_equal(svg_path_data(&p, "M0 0a5 5 0 1015 5", &at), 0);
	assert_true(near(p.pts[2 * (p.npts - 1)], 15) && near(p.pts[2 * (p.npts - 1) + 1], 5));
	svg_path_free(&p);
	/* zero radius: a line */
	memset(&p, 0, sizeof p);
	assert_int_equal(svg_path_data(&p, "M0 0 A0 5 0 0 1 10 0", &at), 0);
	assert_int_equal(p.ops[1], AP_LINE);
	svg_path_free(&p);
}

/* ---------------------------------------------------------------- PNG */

static void
put32(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t)(v >> 24);
	p[1] = (uint8_t)(v >> 16);
	p[2] = (uint8_t)(v >> 8);
	p[3] = (uint8_t)v;
}

static void
chunk(FILE *f, const char *type, const uint8_t *data, uint32_t n)
{
	uint8_t h[8];
	put32(h, n);
	memcpy(h + 4, type, 4);
	fwrite(h, 1, 8, f);
	fwrite(data, 1, n, f);
	uLong crc = crc32(crc32(0, NULL, 0), (const Bytef *)type, 4);
	crc = crc32(crc, data, n);
	put32(h, (uint32_t)crc);
	fwrite(h, 1, 4, f);
}

/* A 4 x 2 palette image at 2 bits with tRNS. */
static void
write_png(const char *path, int break_crc)
{
	uint8_t ihdr[13] = { 0, 0, 0, 4, 0, 0, 0, 2, 2, 3, 0, 0, 0 };
	uint8_t plte[9] = { 255, 0, 0, 0, 255, 0, 0, 0, 255 };
	uint8_t trns[3] = { 255, 128, 0 };
	/* pixels 0 1 2 1 / 2 2 0 0 at 2 bits: 0x19 (00 01 10 01), 0xA0 (10 10 00 00) */
	uint8_t raw[4] = { 0, 0x19, 0, 0xA0 };
	uint8_t z[64];
	uLongf zn = sizeof z;
	compress(z, &zn, raw, sizeof raw);
	FILE *f = fopen(path, "wb");
	fwrite("\x89PNG\r\n\x1a\n", 1, 8, f);
	chunk(f, "IHDR", ihdr, 13);
	chunk(f, "PLTE", plte, 9);
	chunk(f, "tRNS", trns, 3);
	if (break_crc)
		z[zn - 1] ^= 1;
	chunk(f, "IDAT", z, (uint32_t)zn);
	chunk(f, "IEND", (const uint8_t *)"", 0);
	fclose(f);
}

/*
 * A 9 x 9 grey image at 16 bits, Adam7-interlaced, every pixel different
 * (libpng 1.6's reduction to 8 bits loses the earlier passes' rows of such
 * an image, pnggroup/libpng issue 853; image_png.c reads it at 16 bits).
 */
static unsigned
grey16(int x, int y)
{
	return (unsigned)(x * 9 + y) * 809u;   /* 0 … 65529 */
}

static void
write_png16i(const char *path)
{
	static const int adam7[7][4] = { { 0, 0, 8, 8 }, { 4, 0, 8, 8 }, { 0, 4, 4, 8 },
		{ 2, 0, 4, 4 }, { 0, 2, 2, 4 }, { 1, 0, 2, 2 }, { 0, 1, 1, 2 } };
	uint8_t ihdr[13] = { 0, 0, 0, 9, 0, 0, 0, 9, 16, 0, 0, 0, 1 };
	uint8_t raw[512], z[1024];
	size_t n = 0;
	for (int k = 0; k < 7; k++)
		for (int y = adam7[k][1]; y < 9; y += adam7[k][3]) {
			if (adam7[k][0] >= 9)
				continue;
			raw[n++] = 0;
			for (int x = adam7[k][0]; x < 9; x += adam7[k][2]) {
				raw[n++] = (uint8_t)(grey16(x, y) >> 8);
				raw[n++] = (uint8_t)grey16(x, y);
			}
		}
	uLongf zn = sizeof z;
	compress(z, &zn, raw, n);
	FILE *f = fopen(path, "wb");
	fwrite("\x89PNG\r\n\x1a\n", 1, 8, f);
	chunk(f, "IHDR", ihdr, 13);
	chunk(f, "IDAT", z, (uint32_t)zn);
	chunk(f, "IEND", (const uint8_t *)"", 0);
	fclose(f);
}

static void
test_png16_interlaced(void **state)
{
	char path[] = "/tmp/folio-test-XXXXXX";
	struct image_pixels px;
	const char *why = NULL;
	(void)state;
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	close(fd);
	write_png16i(path);
	assert_int_equal(image_png_decode(path, &px, &why), 0);
	unlink(path);
	assert_int_equal(px.w, 9);
	assert_int_equal(px.ncomp, 1);
	assert_null(px.alpha);
	for (int y = 0; y < 9; y++)
		for (int x = 0; x < 9; x++) {
			int want = (int)((grey16(x, y) * 255 + 32767) / 65535), got = px.pix[y * 9 + x];
			assert_true(abs(got - want) <= 1);
		}
	image_pixels_free(&px);
}

static void
test_png(void **state)
{
	char path[] = "/tmp/folio-test-XXXXXX";
	struct image_pixels px;
	struct image_info info;
	const char *why = NULL;
	(void)state;
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	close(fd);
	write_png(path, 0);
	assert_int_equal(image_info_read(path, &info, &why), 0);
	assert_int_equal(info.format, IMAGE_PNG);
	assert_int_equal(info.w, 4);
	assert_int_equal(info.alpha, 1);
	assert_int_equal(image_png_decode(path, &px, &why), 0);
	assert_int_equal(px.ncomp, 3);
	assert_non_null(px.alpha);
	static const uint8_t rgb[8][3] = { { 255, 0, 0 }, { 0, 255, 0 }, { 0, 0, 255 }, { 0, 255, 0 },
		{ 0, 0, 255 }, { 0, 0, 255 }, { 255, 0, 0 }, { 255, 0, 0 } };
	static const uint8_t alpha[8] = { 255, 128, 0, 128, 0, 0, 255, 255 };
	for (int i = 0; i < 8; i++) {
		assert_memory_equal(px.pix + 3 * i, rgb[i], 3);
		assert_int_equal(px.alpha[i], alpha[i]);
	}
	image_pixels_free(&px);
	write_png(path, 1);
	assert_int_equal(image_png_decode(path, &px, &why), -1);
	assert_non_null(strstr(why, "corrupt PNG"));
	unlink(path);
	assert_int_equal(image_info_read(path, &info, &why), -1);
	assert_string_equal(why, "no such file");
	assert_int_equal(image_px_to_mpt(16, 0), 12000);
	assert_int_equal(image_px_to_mpt(300, 300), 72000);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_numbers),
		cmocka_unit_test(test_lengths),
		cmocka_unit_test(test_colors),
		cmocka_unit_test(test_transforms),
		cmocka_unit_test(test_path_data),
		cmocka_unit_test(test_arcs),
		cmocka_unit_test(test_png),
		cmocka_unit_test(test_png16_interlaced),
	};
	return cmocka_run_group_tests_name("svg", tests, NULL, NULL);
}
