/*
 * image — internal interface between image.c (headers) and image_png.c
 * (PNG decoding through libpng).
 */
#ifndef FOLIO_IMAGE_INT_H
#define FOLIO_IMAGE_INT_H

#include "image.h"

/* Read a whole file (at most LIMIT_IMAGE_BYTES).  Returns 0 and an owned
 * buffer, or -1 with a static reason. */
int image_file_read(const char *path, uint8_t **out, size_t *n, const char **why);

#endif
