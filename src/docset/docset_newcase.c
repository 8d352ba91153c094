/*
 * docset — folio new-case: a new case file cases/ID.xml, every field
 * marked 【待填】 with its label and an example beside it
 * (templates/case-new.xml), written atomically and never over an existing
 * file.  A case is begun from this, not copied from another tenant's.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../base/file.h"
#include "../base/limits.h"
#include "docset.h"
#include "docset_int.h"

int
docset_new_case_id_ok(const char *id)
{
	static const char shape[] = "dddd-ddd";
	if (strlen(id) != sizeof shape - 1)
		return 0;
	for (size_t i = 0; shape[i]; i++)
		if (shape[i] == 'd' ? id[i] < '0' || id[i] > '9' : id[i] != shape[i])
			return 0;
	return 1;
}

int
docset_new_case(const struct docset_opts *o, const char *id, struct diag *d)
{
	char *tdir = ds_path(ds_data(o), "templates"), *skel = ds_path(tdir, "case-new.xml");
	char *cdir = ds_path(o->root, "cases");
	char name[32];
	snprintf(name, sizeof name, "%s.xml", id);
	char *path = ds_path(cdir, name);
	struct buf in = {0}, out = {0};
	const char *why = NULL;
	int rc = -1;

	if (access(path, F_OK) == 0 || errno != ENOENT) {
		diag_report(d, DIAG_ERROR, path, 0, 0, _("this case exists already and is not overwritten: "
		    "give the new case another number (folio new-case %s is for a case that has no file yet)"), id);
		goto done;
	}
	if (file_read(skel, LIMIT_SOURCE_BYTES, &in, &why) < 0) {
		diag_report(d, DIAG_ERROR, skel, 0, 0, _("cannot read: %s"), why);
		goto done;
	}
	const char *mark = "@ID@", *at = in.p ? strstr(in.p, mark) : NULL;
	if (at == NULL) {
		diag_report(d, DIAG_ERROR, skel, 0, 0, _("the blank case has no id=\"@ID@\" to fill in"));
		goto done;
	}
	buf_add(&out, in.p, (size_t)(at - in.p));
	buf_puts(&out, id);
	buf_add(&out, at + strlen(mark), in.n - (size_t)(at - in.p) - strlen(mark));
	if (file_mkdirs(cdir, d) < 0)
		goto done;
	/* link(2) of a temporary: two users making the same case at once
	 * cannot overwrite each other */
	int w = file_write_new(path, out.p, out.n, d);
	if (w == 1)
		diag_report(d, DIAG_ERROR, path, 0, 0, _("this case exists already and is not overwritten: "
		    "give the new case another number (folio new-case %s is for a case that has no file yet)"), id);
	if (w != 0)
		goto done;
	rc = 0;
	if (!o->quiet)
		fprintf(stderr, _("folio: wrote %s: replace every %s in it (the comment beside each "
		    "field gives its name and an example), then run folio check\n"), path, "【待填】");
done:
	buf_free(&in);
	buf_free(&out);
	free(tdir);
	free(skel);
	free(cdir);
	free(path);
	return rc;
}
