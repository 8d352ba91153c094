/*
 * image — PNG pixels through libpng's simplified API (png_image_*): every
 * colour type and bit depth, tRNS and Adam7 interlacing, reduced to 8-bit
 * grey or RGB samples plus an 8-bit alpha channel.  libpng checks the
 * chunks' CRCs, the palette and the amount of pixel data.  The header and
 * the resolution (pHYs) are read by image.c, which layout calls.
 *
 * Not through libharu 2.3.0's own PNG loader, which loses tRNS on grey and
 * low-depth palette images (reading past its rows), draws 16-bit images
 * white and crashes on an RGB image with tRNS (docs/graphics.md).
 */
#include <assert.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <png.h>

#include "../base/limits.h"
#include "image_int.h"

/*
 * libpng's message (English, in png_image.message) as one of folio's static
 * reasons; "corrupt PNG" begins each, so a test or a user can grep for it.
 */
static const char *
reason(const char *msg)
{
	static const struct {
		const char *has;   /* part of libpng's message */
		const char *why;
	} map[] = {
		{ "CRC", "corrupt PNG (chunk checksum)" },
		{ "Not enough image data", "corrupt PNG (truncated pixel data)" },
		{ "end of data", "corrupt PNG (truncated pixel data)" },
		{ "Too much image data", "corrupt PNG (more pixel data than the image holds)" },
		{ "filter", "corrupt PNG (unknown scanline filter)" },
		{ "IHDR", "corrupt PNG header" },
		{ "PLTE", "corrupt PNG palette" },
		{ "palette", "corrupt PNG palette" },
		{ "unknown critical chunk", "unsupported PNG (unknown critical chunk)" },
		{ "IDAT", "corrupt PNG (pixel data does not decompress)" },
	};
	for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
		if (strstr(msg, map[i].has) != NULL)
			return map[i].why;
	return "corrupt PNG (libpng cannot decode it)";
}

/*
 * Split libpng's interleaved samples (ncomp colour bytes then one alpha byte
 * a pixel) into out->pix, compacted in place, and out->alpha.  An alpha
 * channel that is 255 everywhere is dropped: the image is opaque.
 */
static void
split_alpha(uint8_t *buf, size_t np, struct image_pixels *out)
{
	size_t nc = (size_t)out->ncomp, i;
	assert(nc == 1 || nc == 3);
	for (i = 0; i < np && buf[i * (nc + 1) + nc] == 255; i++)
		;
	if (i < np) {
		out->alpha = xmalloc(np);
		for (i = 0; i < np; i++)
			out->alpha[i] = buf[i * (nc + 1) + nc];
	}
	for (i = 0; i < np; i++)   /* forwards: the write never passes the read */
		memmove(buf + i * nc, buf + i * (nc + 1), nc);
	out->pix = xrealloc(buf, np * nc);
}

/*
 * libpng 1.6's reduction of 16-bit samples to 8 garbles Adam7-interlaced
 * images (pnggroup/libpng issue 853: the rows of earlier passes are lost).
 * Those are read at 16 bits, linear and premultiplied (the simplified API's
 * only 16-bit form), and brought back here to 8-bit sRGB with straight
 * alpha, with the power law libpng used (gamma 2.2), in place: sample k's
 * byte never passes sample k's two.
 */
static void
from_linear(uint8_t *buf, size_t np, size_t nc, int alpha)
{
	uint8_t *enc = xmalloc(65536);
	for (size_t v = 0; v < 65536; v++)
		enc[v] = (uint8_t)lround(255.0 * pow((double)v / 65535.0, 1 / 2.2));
	size_t step = nc + (alpha != 0);
	assert(step <= 4);   /* px holds one pixel */
	for (size_t i = 0; i < np; i++) {
		uint16_t px[4];
		memcpy(px, buf + 2 * i * step, 2 * step);
		uint32_t a = alpha ? px[nc] : 65535;
		for (size_t c = 0; c < nc; c++) {
			uint32_t lin = a == 0 ? 0 : ((uint32_t)px[c] * 65535u + a / 2) / a;
			buf[i * step + c] = enc[lin > 65535 ? 65535 : lin];
		}
		if (alpha)
			buf[i * step + nc] = (uint8_t)((a * 255u + 32767u) / 65535u);
	}
	free(enc);
}

/* Read the pixels into buf; -1 with a reason when libpng fails. */
static int
finish(png_image *im, uint8_t *buf, const char **why)
{
	if (!png_image_finish_read(im, NULL, buf, 0, NULL)) {
		*why = reason(im->message);
		return -1;
	}
	/* libpng drops an ancillary chunk whose CRC fails with a warning; a
	 * damaged tRNS would silently make transparent pixels opaque */
	if ((im->warning_or_error & PNG_IMAGE_WARNING) && strstr(im->message, "CRC") != NULL) {
		*why = "corrupt PNG (chunk checksum)";
		return -1;
	}
	return 0;
}

int
image_png_decode(const char *path, struct image_pixels *out, const char **why)
{
	png_image im;
	uint8_t *b, *buf = NULL;
	size_t n;

	memset(out, 0, sizeof *out);
	if (image_file_read(path, &b, &n, why) < 0)
		return -1;
	if (n < 8 || png_sig_cmp(b, 0, 8) != 0) {
		*why = "not a PNG file";
		free(b);
		return -1;
	}
	memset(&im, 0, sizeof im);
	im.version = PNG_IMAGE_VERSION;
	if (!png_image_begin_read_from_memory(&im, b, n)) {
		*why = reason(im.message);   /* libpng has freed its state */
		free(b);
		return -1;
	}
	int alpha = (im.format & PNG_FORMAT_FLAG_ALPHA) != 0;   /* an alpha channel or tRNS */
	/* IHDR, which libpng has checked to be first, ends in the interlace method */
	int linear = (im.format & PNG_FORMAT_FLAG_LINEAR) && b[28] == 1;
	out->w = (int32_t)im.width;
	out->h = (int32_t)im.height;
	out->ncomp = im.format & PNG_FORMAT_FLAG_COLOR ? 3 : 1;   /* palette images are colour */
	im.format = (out->ncomp == 3 ? PNG_FORMAT_RGB : PNG_FORMAT_GRAY) |
	    (alpha ? PNG_FORMAT_FLAG_ALPHA : 0) | (linear ? PNG_FORMAT_FLAG_LINEAR : 0);
	/* 16-bit samples without gAMA are sRGB like 8-bit ones (the PNG
	 * specification's default), so libpng reduces them without a gamma curve */
	im.flags |= PNG_IMAGE_FLAG_16BIT_sRGB;
	if (im.width > LIMIT_IMAGE_SIDE || im.height > LIMIT_IMAGE_SIDE ||
	    (uint64_t)im.width * im.height > LIMIT_IMAGE_PIXELS) {
		*why = "the image is larger than folio's limit (40 million pixels)";
		goto fail;
	}
	/* libpng decodes a row at a time into our buffer; we hold the samples
	 * it writes and the alpha channel split from them */
	size_t np = (size_t)im.width * im.height, nc = (size_t)out->ncomp;
	if ((uint64_t)PNG_IMAGE_SIZE(im) + (alpha ? np : 0) > (uint64_t)LIMIT_IMAGE_DECODED) {
		*why = "decoding it would take more than folio's limit of 300 MB";
		goto fail;
	}
	buf = xmalloc(PNG_IMAGE_SIZE(im));
	if (finish(&im, buf, why) < 0)
		goto fail;
	if (linear)
		from_linear(buf, np, nc, alpha);
	if (alpha)
		split_alpha(buf, np, out);
	else
		out->pix = xrealloc(buf, np * nc);
	free(b);
	return 0;
fail:
	png_image_free(&im);
	free(buf);
	free(b);
	image_pixels_free(out);
	return -1;
}

void
image_pixels_free(struct image_pixels *p)
{
	if (p == NULL)
		return;
	free(p->pix);
	free(p->alpha);
	memset(p, 0, sizeof *p);
}
