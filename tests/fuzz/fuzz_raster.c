/*
 * fuzz_raster — any bytes through the image stage as an image file (image.h:
 * format by signature, headers, then the pixels decoded: GIF through giflib,
 * TIFF through libtiff, PNG through libpng) and, when they decode,
 * embedded in a PDF.  The corpus holds GIF and TIFF files.
 */
#include "fuzz.h"
#include "image/image.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct diag d;
	struct image_info info;
	struct image_pixels px;
	const char *why = NULL;
	const char *path = fuzz_file("in.img", data, size);

	diag_init(&d);
	if (image_info_read(path, &info, &why) == 0 && info.format != IMAGE_JPEG &&
	    image_decode(path, &px, &why) == 0) {
		image_pixels_free(&px);
		fuzz_render_image("in.img", &d);
	}
	fuzz_done(&d);
	return 0;
}
