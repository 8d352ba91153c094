/*
 * pdf_deflate — streams deflated by folio: libdeflate for large ones,
 * zlib for small ones, one compressor a thread.
 */
#include <stdlib.h>

#include <hpdf.h>
#include <libdeflate.h>
#include <pthread.h>
#include <zlib.h>

#include "pdf_int.h"

/*
 * Page streams, XObjects and font programs are deflated here rather than
 * by libharu: they are nearly all of a PDF's bytes.  From ZLIB_BELOW bytes
 * on, libdeflate at level 6 takes half the time of zlib at level 4 and
 * makes the stream 2–4 % smaller; below, libdeflate costs more than it
 * saves (it clears its tables on each call) and can be a few bytes
 * larger, so zlib at level 4 deflates those (docs/bench.md).  Images and
 * the small streams keep libharu's.
 */
#define DEFLATE_LEVEL 6
#define ZLIB_LEVEL    4
#define ZLIB_BELOW    16384

static void *
ld_alloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (p == NULL)
		oom_exit(n);
	return p;
}

static pthread_key_t ld_key;   /* a thread's compressor, freed when it ends */

static void
ld_free(void *c)
{
	libdeflate_free_compressor(c);
}

static void
ld_init(void)
{
	libdeflate_set_memory_allocator(ld_alloc, free);
	if (pthread_key_create(&ld_key, ld_free) != 0)
		oom_exit(sizeof ld_key);
}

/* One compressor a thread: it holds a few hundred KB of tables, and goes
 * with its thread (the server's engine thread ends before the process). */
static struct libdeflate_compressor *
compressor(void)
{
	static pthread_once_t once = PTHREAD_ONCE_INIT;
	pthread_once(&once, ld_init);
	struct libdeflate_compressor *c = pthread_getspecific(ld_key);
	if (c == NULL) {
		c = libdeflate_alloc_compressor(DEFLATE_LEVEL);
		if (c == NULL || pthread_setspecific(ld_key, c) != 0)
			oom_exit(1u << 20);
	}
	return c;
}

void *
pdf_deflate(const void *data, size_t n, size_t *zn)
{
	size_t m = 0;
	uint8_t *z = NULL;
	if (n >= ZLIB_BELOW) {
		struct libdeflate_compressor *c = compressor();
		size_t cap = libdeflate_zlib_compress_bound(c, n);
		z = xmalloc(cap);
		m = libdeflate_zlib_compress(c, data, n, z, cap);
	}
	if (m == 0) {
		uLongf k = compressBound((uLong)n);
		free(z);
		z = xmalloc(k);
		if (compress2(z, &k, data, (uLong)n, ZLIB_LEVEL) == Z_OK)
			m = k;
	}
	if (m == 0) {
		free(z);
		return NULL;
	}
	*zn = m;
	return z;
}

int
pdf_stream_deflated(HPDF_Dict dict, const void *data, size_t n)
{
	size_t zn = 0;
	void *z = pdf_deflate(data, n, &zn);
	int rc = z ? pdf_haru_stream_put_deflated(dict, z, zn) : -1;
	free(z);
	return rc;
}
