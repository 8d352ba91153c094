/*
 * image — TIFF through libtiff: the size, resolution and number of pages
 * of the first directory and, through libtiff's RGBA interface, its pixels
 * in every colour model libtiff converts (bilevel, grey, palette, RGB,
 * CMYK, YCbCr, with or without alpha; every compression it decodes).
 * Paper has one image: the first page is printed and layout warns of the
 * others.
 *
 * The file is read from memory (the bytes image.c read under folio's size
 * limit), libtiff's messages go to a handler of this file instead of
 * stderr, and its allocations are capped by TIFFOpenOptions: a small file
 * cannot claim gigabytes.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include <tiffio.h>

#include "../base/limits.h"
#include "image_int.h"

struct tiff_src {
	const uint8_t *p;
	toff_t n, pos;
	int errors;          /* libtiff reported an error */
};

static tmsize_t
tiff_read(thandle_t h, void *to, tmsize_t want)
{
	struct tiff_src *s = h;
	toff_t k = want < 0 ? 0 : (toff_t)want;
	if (s->pos > s->n)
		return 0;
	if (k > s->n - s->pos)
		k = s->n - s->pos;
	memcpy(to, s->p + s->pos, (size_t)k);
	s->pos += k;
	return (tmsize_t)k;
}

static tmsize_t
tiff_write(thandle_t h, void *from, tmsize_t n)
{
	(void)h;
	(void)from;
	(void)n;
	return -1;             /* opened for reading only */
}

static toff_t
tiff_seek(thandle_t h, toff_t off, int whence)
{
	struct tiff_src *s = h;
	toff_t base = whence == SEEK_CUR ? s->pos : whence == SEEK_END ? s->n : 0;
	if (off > UINT64_MAX - base)
		return (toff_t)-1;
	s->pos = base + off;
	return s->pos;
}

static int
tiff_close(thandle_t h)
{
	(void)h;
	return 0;
}

static toff_t
tiff_size(thandle_t h)
{
	return ((struct tiff_src *)h)->n;
}

static int
tiff_map(thandle_t h, void **base, toff_t *size)
{
	(void)h;
	(void)base;
	(void)size;
	return 0;              /* no mapping: libtiff reads through tiff_read */
}

static void
tiff_unmap(thandle_t h, void *base, toff_t size)
{
	(void)h;
	(void)base;
	(void)size;
}

/* libtiff's errors and warnings: counted, never printed (the caller turns
 * a failure into one message with the file's name). */
static int
tiff_error(TIFF *tif, void *user, const char *module, const char *fmt, va_list ap)
{
	(void)tif;
	(void)module;
	(void)fmt;
	(void)ap;
	((struct tiff_src *)user)->errors++;
	return 1;
}

static int
tiff_warning(TIFF *tif, void *user, const char *module, const char *fmt, va_list ap)
{
	(void)tif;
	(void)user;
	(void)module;
	(void)fmt;
	(void)ap;
	return 1;
}

/* Dots per inch from the resolution tags, 0 when they give none. */
static int32_t
tiff_dpi(TIFF *tif, ttag_t tag)
{
	float res = 0;
	uint16_t unit = RESUNIT_INCH;
	if (TIFFGetField(tif, tag, &res) != 1)
		return 0;
	TIFFGetFieldDefaulted(tif, TIFFTAG_RESOLUTIONUNIT, &unit);
	if (unit == RESUNIT_CENTIMETER)
		res *= 2.54f;
	else if (unit != RESUNIT_INCH)
		return 0;
	return res >= 10 && res <= 10000 ? (int32_t)(res + 0.5f) : 0;
}

/*
 * libtiff's RGBA raster (premultiplied ABGR words, rows top to bottom) as
 * straight 8-bit samples: grey when every pixel is, alpha only when some
 * pixel is not opaque.
 */
static void
tiff_unpack(const uint32_t *r, struct image_pixels *out)
{
	size_t np = (size_t)out->w * (size_t)out->h, i;
	int grey = 1, opaque = 1;
	for (i = 0; i < np; i++) {
		grey &= TIFFGetR(r[i]) == TIFFGetG(r[i]) && TIFFGetG(r[i]) == TIFFGetB(r[i]);
		opaque &= TIFFGetA(r[i]) == 255;
	}
	out->ncomp = grey ? 1 : 3;
	out->pix = xmalloc(np * (size_t)out->ncomp);
	out->alpha = opaque ? NULL : xmalloc(np);
	for (i = 0; i < np; i++) {
		uint32_t a = TIFFGetA(r[i]);
		uint32_t c[3] = { TIFFGetR(r[i]), TIFFGetG(r[i]), TIFFGetB(r[i]) };
		for (int k = 0; k < out->ncomp; k++) {
			uint32_t v = a == 0 ? 0 : a == 255 ? c[k] : (c[k] * 255 + a / 2) / a;
			out->pix[i * (size_t)out->ncomp + (size_t)k] = (uint8_t)(v > 255 ? 255 : v);
		}
		if (out->alpha)
			out->alpha[i] = (uint8_t)a;
	}
}

/*
 * Read the TIFF in b: the first directory's size and resolution and the
 * number of pages into info and, when out is not NULL, its pixels.
 */
int
image_tiff_read(const uint8_t *b, size_t n, struct image_info *info, struct image_pixels *out,
    const char **why)
{
	struct tiff_src src = { b, n, 0, 0 };
	TIFFOpenOptions *opts = TIFFOpenOptionsAlloc();
	uint32_t w = 0, h = 0, *raster = NULL;
	uint16_t extra = 0, *kinds = NULL;
	char emsg[1024];
	int rc = -1;
	TIFF *tif;

	if (out != NULL)
		memset(out, 0, sizeof *out);
	if (opts == NULL) {
		*why = "the TIFF needs more memory than is available";
		return -1;
	}
	TIFFOpenOptionsSetMaxSingleMemAlloc(opts, (tmsize_t)LIMIT_IMAGE_DECODED);
	TIFFOpenOptionsSetErrorHandlerExtR(opts, tiff_error, &src);
	TIFFOpenOptionsSetWarningHandlerExtR(opts, tiff_warning, &src);
	tif = TIFFClientOpenExt("image", "rm", &src, tiff_read, tiff_write, tiff_seek, tiff_close,
	    tiff_size, tiff_map, tiff_unmap, opts);
	TIFFOpenOptionsFree(opts);
	if (tif == NULL) {
		*why = "corrupt TIFF header";
		return -1;
	}
	info->format = IMAGE_TIFF;
	if (TIFFGetField(tif, TIFFTAG_IMAGEWIDTH, &w) != 1 ||
	    TIFFGetField(tif, TIFFTAG_IMAGELENGTH, &h) != 1 || w > INT32_MAX || h > INT32_MAX) {
		*why = "corrupt TIFF header (no image size)";
		goto done;
	}
	info->w = (int32_t)w;
	info->h = (int32_t)h;
	if (!image_sides_ok(info->w, info->h, why))
		goto done;
	info->dpi_x = tiff_dpi(tif, TIFFTAG_XRESOLUTION);
	info->dpi_y = tiff_dpi(tif, TIFFTAG_YRESOLUTION);
	if (info->dpi_x == 0 || info->dpi_y == 0)
		info->dpi_x = info->dpi_y = 0;
	info->components = 3;
	TIFFGetFieldDefaulted(tif, TIFFTAG_EXTRASAMPLES, &extra, &kinds);
	info->alpha = extra > 0 && kinds != NULL && kinds[0] != EXTRASAMPLE_UNSPECIFIED;
	info->frames = TIFFNumberOfDirectories(tif);
	if (!TIFFRGBAImageOK(tif, emsg)) {
		*why = "unsupported TIFF (a colour model or compression libtiff cannot convert)";
		goto done;
	}
	if (out == NULL) {
		rc = 0;
		goto done;
	}
	if ((uint64_t)w * h * 4 > (uint64_t)LIMIT_IMAGE_DECODED) {
		*why = "decoding it would take more than folio's limit of 300 MB";
		goto done;
	}
	raster = xmalloc((size_t)w * (size_t)h * sizeof *raster);
	if (!TIFFReadRGBAImageOriented(tif, w, h, raster, ORIENTATION_TOPLEFT, 1) || src.errors) {
		*why = "corrupt TIFF (the pixel data does not decode)";
		goto done;
	}
	out->w = info->w;
	out->h = info->h;
	tiff_unpack(raster, out);
	rc = 0;
done:
	free(raster);
	TIFFClose(tif);
	return rc;
}
