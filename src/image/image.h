/*
 * image — raster image files.  Input: a file name.  Output: what layout
 * needs to size an image (format, pixels, resolution, from the PNG IHDR and
 * pHYs chunks or the JPEG SOFn and JFIF/Adobe markers) and what the PDF
 * writer needs to embed it (a PNG decoded to 8-bit grey or RGB samples and
 * an alpha channel).  Depends on base and libpng.  Never touches the network:
 * callers pass local file names only.
 */
#ifndef FOLIO_IMAGE_H
#define FOLIO_IMAGE_H

#include "../base/base.h"

enum image_format {
	IMAGE_UNKNOWN,
	IMAGE_PNG,
	IMAGE_JPEG,
	IMAGE_GIF,
	IMAGE_TIFF
};

struct image_info {
	enum image_format format;
	int32_t  w, h;        /* pixels */
	int32_t  dpi_x, dpi_y;/* resolution from the file, 0 when it gives none */
	int      components;  /* JPEG: 1 grey, 3 YCbCr/RGB, 4 CMYK/YCCK; PNG: 1 or 3 */
	int      adobe;       /* JPEG: has an Adobe APP14 marker (CMYK stored inverted) */
	int      alpha;       /* PNG: alpha channel or tRNS; GIF: a transparent colour;
	                         TIFF: an alpha sample */
	int      frames;      /* GIF frames, TIFF pages: only the first is printed */
};

/*
 * Read the headers of the image at path.  Returns 0 and fills *info, or -1
 * and points *why at a static reason ("no such file", "not a PNG, JPEG,
 * GIF or TIFF file", "corrupt PNG header" …).  A JPEG is checked from its
 * first marker to its end-of-image marker and a GIF to its trailer
 * (truncation is corruption); the pixel data of a PNG or TIFF is checked
 * only by image_decode.
 */
int image_info_read(const char *path, struct image_info *info, const char **why);

/* Decoded pixels: rows top to bottom, no padding. */
struct image_pixels {
	int32_t  w, h;        /* pixels */
	int      ncomp;       /* 1 grey or 3 RGB, 8 bits each */
	uint8_t *pix;         /* w × h × ncomp bytes, owned */
	uint8_t *alpha;       /* w × h bytes, owned; NULL when fully opaque */
};

/*
 * Decode the PNG at path through libpng: every colour type and bit depth,
 * tRNS, Adam7 interlacing; CRCs and the amount of pixel data are checked.
 * Returns 0 and fills *out (free with image_pixels_free), or -1 with a
 * static reason in *why.
 */
int image_png_decode(const char *path, struct image_pixels *out, const char **why);

/*
 * Decode the PNG, GIF (its first frame) or TIFF (its first page) at path.
 * Returns 0 and fills *out (free with image_pixels_free), or -1 with a
 * static reason in *why.
 */
int image_decode(const char *path, struct image_pixels *out, const char **why);
void image_pixels_free(struct image_pixels *p);   /* accepts NULL */

/*
 * Intrinsic size in millipoints of an image of px pixels at dpi (0: the
 * CSS reference of 96 per inch, so one pixel is one px, 0.75pt).
 */
mpt image_px_to_mpt(int32_t px, int32_t dpi);

#endif
