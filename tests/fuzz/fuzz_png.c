/*
 * fuzz_png — a PNG file through the image stage (image.h: headers, then
 * every pixel decoded) and, when it decodes, embedded in a PDF.
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
	const char *path = fuzz_file("in.png", data, size);

	diag_init(&d);
	if (image_info_read(path, &info, &why) == 0 && info.format == IMAGE_PNG &&
	    image_png_decode(path, &px, &why) == 0) {
		image_pixels_free(&px);
		fuzz_render_image("in.png", &d);
	}
	fuzz_done(&d);
	return 0;
}
