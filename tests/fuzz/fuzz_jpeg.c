/*
 * fuzz_jpeg — a JPEG file through the image stage (image.h: its markers
 * from start to end of image) and, when they pass, embedded in a PDF by
 * libharu's JPEG loader.
 */
#include "fuzz.h"
#include "image/image.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct diag d;
	struct image_info info;
	const char *why = NULL;
	const char *path = fuzz_file("in.jpg", data, size);

	diag_init(&d);
	if (image_info_read(path, &info, &why) == 0 && info.format == IMAGE_JPEG)
		fuzz_render_image("in.jpg", &d);
	fuzz_done(&d);
	return 0;
}
