/*
 * image — internal interface between image.c (format detection and
 * headers) and the decoders: image_png.c (libpng), image_gif.c (giflib),
 * image_tiff.c (libtiff).
 */
#ifndef FOLIO_IMAGE_INT_H
#define FOLIO_IMAGE_INT_H

#include "image.h"

/* Read a whole file (at most LIMIT_IMAGE_BYTES).  Returns 0 and an owned
 * buffer, or -1 with a static reason. */
int image_file_read(const char *path, uint8_t **out, size_t *n, const char **why);

/* Are w × h pixels within folio's limits?  1, or 0 with a reason. */
int image_sides_ok(int64_t w, int64_t h, const char **why);

/* Read the GIF or TIFF in b[0..n): info and, when out is not NULL, the
 * first frame's or page's pixels.  0, or -1 with a static reason. */
int image_gif_read(const uint8_t *b, size_t n, struct image_info *info, struct image_pixels *out,
    const char **why);
int image_tiff_read(const uint8_t *b, size_t n, struct image_info *info, struct image_pixels *out,
    const char **why);

#endif
