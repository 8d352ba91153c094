/*
 * serve — a packet folder as one zip file (minizip, zlib's contrib): its
 * PDFs in handover order (stored: they are compressed already), then the
 * case they were made from (deflated), under a folder named after the case.  Same packet, same bytes: every entry is
 * dated 1980-01-01 00:00, the zip format's first day.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <minizip/zip.h>   /* not -I…/minizip: its crypt.h would hide libcrypt's */

#include "../base/base.h"
#include "../base/file.h"
#include "serve_int.h"

/* Is a file of a packet folder one to hand out? */
static int
wanted(const struct dirent *e)
{
	size_t n = strlen(e->d_name);
	if (e->d_name[0] == '.')
		return 0;
	return (n > 4 && strcmp(e->d_name + n - 4, ".pdf") == 0) || strcmp(e->d_name, "case.xml") == 0;
}

/* PDFs by name (01-… first, packet.pdf among them by its name), case.xml last. */
static int
order(const struct dirent **a, const struct dirent **b)
{
	int xa = strcmp((*a)->d_name, "case.xml") == 0, xb = strcmp((*b)->d_name, "case.xml") == 0;
	if (xa != xb)
		return xa - xb;
	return strcmp((*a)->d_name, (*b)->d_name);
}

static int
add_entry(zipFile z, const char *folder, const char *name, const struct buf *data)
{
	zip_fileinfo zi;
	memset(&zi, 0, sizeof zi);
	zi.tmz_date.tm_year = 1980;
	zi.tmz_date.tm_mday = 1;
	char entry[512];
	snprintf(entry, sizeof entry, "%s/%s", folder, name);
	/* a PDF's streams are deflated already: deflating it again took a
	 * sixth of a packet request's time to save 7 % of its bytes, so PDFs
	 * are stored and only the case's XML is deflated */
	size_t k = strlen(name);
	int pdf = k > 4 && strcmp(name + k - 4, ".pdf") == 0;
	/* bit 11: the names are UTF-8 */
	if (zipOpenNewFileInZip4(z, entry, &zi, NULL, 0, NULL, 0, NULL, pdf ? 0 : Z_DEFLATED, pdf ? 0 : 6, 0, -MAX_WBITS,
	    DEF_MEM_LEVEL, Z_DEFAULT_STRATEGY, NULL, 0, 0, 1 << 11) != ZIP_OK)
		return -1;
	int rc = zipWriteInFileInZip(z, data->p ? data->p : "", (unsigned)data->n) == ZIP_OK ? 0 : -1;
	if (zipCloseFileInZip(z) != ZIP_OK)
		rc = -1;
	return rc;
}

int
packet_zip(const char *dir, struct buf *b)
{
	const char *slash = strrchr(dir, '/');
	const char *folder = slash ? slash + 1 : dir;
	char tmp[600];
	const char *t = getenv("TMPDIR");
	snprintf(tmp, sizeof tmp, "%s/folio-zip-XXXXXX", t && *t ? t : "/tmp");
	int fd = mkstemp(tmp);
	if (fd < 0)
		return -1;
	close(fd);
	struct dirent **list = NULL;
	int n = scandir(dir, &list, wanted, order);
	zipFile z = n > 0 ? zipOpen64(tmp, APPEND_STATUS_CREATE) : NULL;
	int rc = z ? 0 : -1;
	for (int i = 0; i < n; i++) {
		if (rc == 0) {
			struct buf data = {0};
			const char *why = NULL;
			char *p = xmalloc(strlen(dir) + strlen(list[i]->d_name) + 2);
			sprintf(p, "%s/%s", dir, list[i]->d_name);
			rc = file_read(p, 0, &data, &why) == 0 ? add_entry(z, folder, list[i]->d_name, &data) : -1;
			free(p);
			buf_free(&data);
		}
		free(list[i]);
	}
	free(list);
	if (z && zipClose(z, NULL) != ZIP_OK)
		rc = -1;
	const char *why = NULL;
	if (rc == 0)
		rc = file_read(tmp, 0, b, &why);
	unlink(tmp);
	return rc;
}
