/*
 * folio — the command line: parse arguments, run the stages, map the worst
 * diagnostic to the exit status.
 *
 * The commands, their options and help texts are in cli.c; the folders a
 * job reads are found here (resolve): the project (--root, $FOLIO_ROOT or
 * the current folder) and the templates and schemas (the project's own, or
 * the installed share/folio), documented in folio(1).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/base.h"
#include "base/file.h"
#include "source/source.h"
#include "fo/fo.h"
#include "text/text.h"
#include "area/area.h"
#include "layout/layout.h"
#include "pdf/pdf.h"
#include "docset/docset.h"
#include "import/import.h"
#include "serve/serve.h"
#include "cli.h"

#ifndef DATADIR
#define DATADIR "/usr/local/share/folio"
#endif

/* Write the area dump (through a temporary, renamed). */
static int
write_areas(const struct area_tree *at, const char *path, struct diag *d)
{
	struct file_out o;
	if (file_out_open(&o, path, d) < 0)
		return -1;
	if (area_dump(at, o.f) != 0)
		file_out_fail(&o, errno);
	return file_out_commit(&o, d);
}

/* A command's arguments parsed: its options into val, its operands
 * returned (owned, *npos of them).  NULL, with *status the exit status,
 * when the run ends here: 0 after --help, 2 after a usage error. */
static char **
args_parse(const struct cli_cmd *c, int argc, char **argv, const char **val, int *npos,
    int *status)
{
	char **pos = xcalloc((size_t)argc + 1, sizeof *pos);
	int rc = cli_parse(c, argc, argv, val, pos, npos);
	if (rc == 0)
		return pos;
	free(pos);
	*status = rc == 1 ? 0 : 2;
	return NULL;
}

static int
cmd_render(const struct cli_cmd *c, int argc, char **argv)
{
	const char *val[CLI_MAX_OPTS];
	int npos, rc = 0;
	char **pos = args_parse(c, argc, argv, val, &npos, &rc);
	if (pos == NULL)
		return rc;
	const char *in = npos > 0 ? pos[0] : NULL;
	const char *out = cli_get(c, val, "output"), *areas = cli_get(c, val, "areas");
	struct diag d;
	free(pos);
	if (npos != 1 || (out == NULL && areas == NULL)) {
		fprintf(stderr, "%s\n", npos != 1 ? _("folio render: give one IN.fo file (- for standard input)") :
		    _("folio render: give -o OUT.pdf or --areas FILE"));
		fprintf(stderr, _("Run 'folio help %s' for its options.\n"), c->name);
		return 2;
	}
	diag_init(&d);
	struct text_fonts *fonts = text_fonts_new(&d);
	struct docset_progress *pr = docset_progress_begin(cli_get(c, val, "quiet") != NULL);
	struct xdoc *doc = src_xml_load(in, &d);
	struct fo_tree *fo = doc ? fo_tree_build_take(doc, &d) : NULL;
	struct area_tree *at = fo ? lay_document(fo, fonts, &d) : NULL;
	if (at == NULL || d.worst >= DIAG_ERROR) {
		rc = 1;
	} else {
		if (areas && write_areas(at, areas, &d) < 0)
			rc = 3;
		/* 3 when the file could not be written, 1 when the PDF could not be
		 * made (a font that cannot be subset) */
		if (rc == 0 && out && pdf_write(at, out, &d) < 0)
			rc = file_output_failed() ? 3 : 1;
	}
	docset_progress_end(pr);
	area_tree_free(at);
	fo_tree_free(fo);
	text_fonts_free(fonts);
	diag_flush(&d, stderr);
	diag_free(&d);
	return rc;
}

/* Is path/sub a readable file? */
static int
has_file(const char *dir, const char *sub)
{
	size_t n = strlen(dir) + strlen(sub) + 2;
	char *p = xmalloc(n);
	snprintf(p, n, "%s/%s", dir, sub);
	int ok = access(p, R_OK) == 0;
	free(p);
	return ok;
}

/* The installed data folder: share/folio beside the binary's bin/, else the
 * folder compiled in.  NULL if neither has the templates. */
static char *
installed_data(void)
{
	char exe[4096];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n > 0) {
		exe[n] = '\0';
		char *slash = strrchr(exe, '/');
		if (slash) {
			*slash = '\0';
			size_t k = strlen(exe) + 32;
			char *d = xmalloc(k);
			snprintf(d, k, "%s/../share/folio", exe);
			if (has_file(d, "templates/job.xsl")) {
				char *r = realpath(d, NULL);
				free(d);
				return r;
			}
			free(d);
		}
	}
	return has_file(DATADIR, "templates/job.xsl") ? xstrdup(DATADIR) : NULL;
}

/*
 * The folders of a job, in this order (folio(1), FILES):
 *   sources    --root DIR, else $FOLIO_ROOT, else the current folder
 *   templates and schemas
 *              ROOT/templates and ROOT/schemas when the project has them,
 *              else $FOLIO_DATADIR, else the installed share/folio
 *   site.xml   ROOT/site.xml, else the installed example (with a warning)
 *   documents  ROOT/docs/content, else the installed share/folio/content
 * Owned strings go to *keep (freed by the caller).  Returns 0 or 2.
 */
static int
resolve(struct docset_opts *o, const char *root, int verbose, char **keep)
{
	o->root = root ? root : getenv("FOLIO_ROOT") && *getenv("FOLIO_ROOT") ? getenv("FOLIO_ROOT") : ".";
	struct stat st;
	if (stat(o->root, &st) != 0 || !S_ISDIR(st.st_mode)) {
		fprintf(stderr, _("folio: the project folder %s does not exist\n"), o->root);
		return 2;
	}
	if (has_file(o->root, "templates/job.xsl") && has_file(o->root, "schemas/case.rng")) {
		o->data = o->root;
	} else if (getenv("FOLIO_DATADIR") && has_file(getenv("FOLIO_DATADIR"), "templates/job.xsl")) {
		o->data = getenv("FOLIO_DATADIR");
	} else {
		keep[0] = installed_data();
		o->data = keep[0];
	}
	if (o->data == NULL) {
		fprintf(stderr, _("folio: no templates/ and schemas/ in %s, and folio's installed data "
		    "(share/folio) was not found: run folio from the project's folder, give --root DIR, "
		    "or install folio (make install)\n"), o->root);
		return 2;
	}
	if (has_file(o->root, "site.xml")) {
		o->site = NULL;   /* ROOT/site.xml */
	} else if (o->data != o->root && has_file(o->data, "site.xml")) {
		size_t n = strlen(o->data) + 16;
		keep[1] = xmalloc(n);
		snprintf(keep[1], n, "%s/site.xml", o->data);
		o->site = keep[1];
		fprintf(stderr, _("folio: warning: %s/site.xml not found; using the example %s "
		    "(copy it into the project and fill in the office's names)\n"), o->root, o->site);
	}
	size_t n = strlen(o->root) + 16;
	keep[2] = xmalloc(n);
	snprintf(keep[2], n, "%s/docs/content", o->root);
	if (!(stat(keep[2], &st) == 0 && S_ISDIR(st.st_mode)) && o->data != o->root) {
		free(keep[2]);
		n = strlen(o->data) + 16;
		keep[2] = xmalloc(n);
		snprintf(keep[2], n, "%s/content", o->data);
	}
	o->content = keep[2];
	if (verbose)
		fprintf(stderr, _("folio: sources from %s; templates and schemas from %s; site file %s; "
		    "documents from %s\n"), o->root, o->data, o->site ? o->site : "ROOT/site.xml", o->content);
	return 0;
}

/* The output folder must be a folder folio can write in: exit 3 if not. */
static int
output_ready(const char *dir)
{
	struct stat st;
	if (mkdir(dir, 0777) != 0 && errno != EEXIST) {
		fprintf(stderr, _("folio: %s: cannot create the output folder: %s\n"), dir, strerror(errno));
		return 3;
	}
	if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
		fprintf(stderr, _("folio: %s: the output folder is not a folder\n"), dir);
		return 3;
	}
	if (access(dir, W_OK | X_OK) != 0) {
		fprintf(stderr, _("folio: %s: cannot write in the output folder: %s\n"), dir, strerror(errno));
		return 3;
	}
	return 0;
}

/* A case on standard input: into a private temporary folder, named after
 * the case's id when it has one.  Returns the file (owned) or NULL. */
static char *
stdin_case(char *tmpdir, size_t n)
{
	struct buf b = {0};
	const char *why = NULL;
	if (file_read("-", 0, &b, &why) < 0) {
		fprintf(stderr, _("folio: cannot keep the case from standard input: %s\n"), why);
		buf_free(&b);
		return NULL;
	}
	snprintf(tmpdir, n, "%s/folio-stdin-XXXXXX", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	if (mkdtemp(tmpdir) == NULL) {
		fprintf(stderr, _("folio: cannot keep the case from standard input: %s\n"), strerror(errno));
		buf_free(&b);
		return NULL;
	}
	file_temp_add(tmpdir, 1);   /* removed if a signal ends the run */
	/* the id names the file, as for a case in cases/ */
	char id[128] = "stdin";
	const char *p = b.p ? strstr(b.p, " id=\"") : NULL;
	if (p) {
		p += 5;
		size_t m = strcspn(p, "\"/<> \n");
		if (m > 0 && m < sizeof id && p[m] == '"' && p[0] != '.') {
			memcpy(id, p, m);
			id[m] = '\0';
		}
	}
	size_t fn = strlen(tmpdir) + strlen(id) + 8;
	char *file = xmalloc(fn);
	snprintf(file, fn, "%s/%s.xml", tmpdir, id);
	FILE *f = fopen(file, "wb");
	int ok = f && fwrite(b.p ? b.p : "", 1, b.n, f) == b.n;
	if (f && fclose(f) != 0)
		ok = 0;
	buf_free(&b);
	if (!ok) {
		fprintf(stderr, _("folio: cannot keep the case from standard input: %s\n"), strerror(errno));
		unlink(file);
		rmdir(tmpdir);
		file_temp_forget(tmpdir);
		free(file);
		return NULL;
	}
	return file;
}

/* One job of the document set's commands: its options, its operands. */
struct docset_job {
	const char        *cmd;       /* the command's name */
	struct docset_opts o;
	char             **pos;       /* the operands (owned array) */
	int                npos;
	long               copies, serial_start;
	int                combined, list, serial, verbose, layout, newcase;
	char              *keep[3];   /* what resolve() allocated for o */
	char               tmpdir[512];   /* the folder of the case read from standard input */
	char              *incase;    /* that case's file, or NULL */
};

/* The job's options read into j; 2 if a number is out of range. */
static int
job_options(const struct cli_cmd *c, const char **val, struct docset_job *j)
{
	long copy = 0, jobs = 0;
	int rc = 0;
	const char *v;
	if ((v = cli_get(c, val, "copy")) && cli_number(c, "copy", v, 1, 9999, &copy) < 0)
		rc = 2;
	if ((v = cli_get(c, val, "copies")) && cli_number(c, "copies", v, 1, 10000, &j->copies) < 0)
		rc = 2;
	if ((v = cli_get(c, val, "serial-start")) && cli_number(c, "serial-start", v, 1, 999999, &j->serial_start) < 0)
		rc = 2;
	if ((v = cli_get(c, val, "jobs")) && cli_number(c, "jobs", v, 1, 256, &jobs) < 0)
		rc = 2;
	j->combined = cli_get(c, val, "combined") != NULL;
	j->list = cli_get(c, val, "list") != NULL;
	j->serial = cli_get(c, val, "serial") != NULL || j->serial_start > 0;
	j->verbose = cli_get(c, val, "verbose") != NULL;
	j->layout = cli_get(c, val, "layout") != NULL;
	j->newcase = strcmp(j->cmd, "new-case") == 0;
	j->o.quiet = cli_get(c, val, "quiet") != NULL;
	j->o.out_dir = cli_get(c, val, "output");
	j->o.fo_dir = cli_get(c, val, "fo");
	j->o.procedure = cli_get(c, val, "procedure");
	j->o.copy = (int)copy;
	j->o.jobs = (int)jobs;
	return rc;
}

/* The job's operands and output checked against its command; 2 (with a
 * message) if they do not fit. */
static int
job_operands(const struct docset_job *j)
{
	const char *cmd = j->cmd;
	if (strcmp(cmd, "packet") == 0 && j->npos == 0) {
		fprintf(stderr, "%s\n", _("folio packet: give at least one case file (- for standard input)"));
		return 2;
	}
	if (j->newcase && j->npos != 1) {
		fprintf(stderr, "%s\n", _("folio new-case: give one case number, e.g. folio new-case 2024-005"));
		return 2;
	} else if (j->newcase && !docset_new_case_id_ok(j->pos[0])) {
		fprintf(stderr, _("folio new-case: \"%s\" is not a case number: write the year, a hyphen and "
		    "three digits, e.g. 2024-005\n"), j->pos[0]);
		return 2;
	} else if (j->npos > 0 && strcmp(cmd, "check") == 0 && !j->layout) {
		fprintf(stderr, "%s\n", _("folio check: takes files only with --layout"));
		return 2;
	} else if (j->npos > 0 && strcmp(cmd, "packet") != 0 && strcmp(cmd, "forms") != 0 &&
	    strcmp(cmd, "check") != 0 && !j->newcase) {
		fprintf(stderr, _("folio %s: unexpected operand %s\n"), cmd, j->pos[0]);
		return 2;
	}
	/* several files cannot go to standard output */
	if (j->o.out_dir && strcmp(j->o.out_dir, "-") == 0 &&
	    !(strcmp(cmd, "manual") == 0 || (strcmp(cmd, "forms") == 0 && j->combined && !j->list))) {
		fprintf(stderr, _("folio %s: -o - (standard output) takes one PDF: only folio manual and "
		    "folio forms --combined write one\n"), cmd);
		return 2;
	}
	return 0;
}

/* The project's folders resolved, the output folder of a job that writes
 * PDFs made ready, and a packet's case on standard input (-) read into a
 * temporary file.  Returns 0, or the exit status. */
static int
job_prepare(const struct cli_cmd *c, const char **val, struct docset_job *j)
{
	const char *cmd = j->cmd;
	int rc = resolve(&j->o, cli_get(c, val, "root"), j->verbose, j->keep);
	if (rc == 0 && (strcmp(cmd, "manual") == 0 || strcmp(cmd, "packet") == 0 ||
	    (strcmp(cmd, "forms") == 0 && !j->list))) {
		if (j->o.out_dir == NULL || strcmp(j->o.out_dir, "-") != 0) {
			size_t n = strlen(j->o.root) + 16;
			char *out = j->o.out_dir ? xstrdup(j->o.out_dir) : xmalloc(n);
			if (j->o.out_dir == NULL)
				snprintf(out, n, "%s/output", j->o.root);
			rc = output_ready(out);
			free(out);
		}
	}
	for (int i = 0; rc == 0 && i < j->npos && strcmp(cmd, "packet") == 0; i++)
		if (strcmp(j->pos[i], "-") == 0) {
			if (j->incase) {
				fprintf(stderr, "%s\n", _("folio packet: standard input (-) can be given once"));
				rc = 2;
			} else if ((j->incase = stdin_case(j->tmpdir, sizeof j->tmpdir)) == NULL) {
				rc = 1;
			} else {
				j->pos[i] = j->incase;
			}
		}
	return rc;
}

/* The job run by its command; 1 if it failed. */
static int
job_run(struct docset_job *j, struct diag *d)
{
	const char *cmd = j->cmd;
	struct docset_opts *o = &j->o;
	int rc;
	if (strcmp(cmd, "check") == 0 && j->layout) {
		struct text_fonts *fonts = text_fonts_new(d);
		rc = docset_layout(o, fonts, j->pos, j->npos, d) < 0 ? 1 : 0;
		text_fonts_free(fonts);
	} else if (strcmp(cmd, "check") == 0) {
		rc = docset_check(o, d) < 0 ? 1 : 0;
	} else if (j->newcase) {
		rc = docset_new_case(o, j->pos[0], d) < 0 ? 1 : 0;
	} else if (strcmp(cmd, "archive") == 0) {
		rc = docset_archive(o, d) < 0 ? 1 : 0;
	} else if (strcmp(cmd, "packet") == 0 || strcmp(cmd, "forms") == 0) {
		struct text_fonts *fonts = text_fonts_new(d);
		if (strcmp(cmd, "packet") == 0)
			rc = docset_packet(o, fonts, j->pos, j->npos, d) < 0 ? 1 : 0;
		else if (j->list)
			rc = docset_forms_list(o, fonts, j->pos, j->npos, stdout, d) < 0 ? 1 : 0;
		else
			rc = docset_forms(o, fonts, j->pos, j->npos, j->combined, (int)j->copies, j->serial,
			    (int)j->serial_start, d) < 0 ? 1 : 0;
		text_fonts_free(fonts);
	} else {
		struct text_fonts *fonts = text_fonts_new(d);
		rc = docset_manual(o, fonts, d) < 0 ? 1 : 0;
		text_fonts_free(fonts);
	}
	return rc;
}

/* What the job holds released, the case read from standard input
 * removed. */
static void
job_free(struct docset_job *j)
{
	free(j->pos);
	if (j->incase) {
		unlink(j->incase);
		rmdir(j->tmpdir);
		file_temp_forget(j->tmpdir);
		free(j->incase);
	}
	for (int i = 0; i < 3; i++)
		free(j->keep[i]);
}

/* folio check, manual, archive, packet, forms: the document-set jobs. */
static int
cmd_docset(const struct cli_cmd *c, int argc, char **argv)
{
	const char *val[CLI_MAX_OPTS];
	struct docset_job j;
	struct diag d;

	memset(&j, 0, sizeof j);
	j.cmd = c->name;
	j.copies = 1;
	int rc;
	if ((j.pos = args_parse(c, argc, argv, val, &j.npos, &rc)) == NULL)
		return rc;
	rc = job_options(c, val, &j);
	if (rc == 0)
		rc = job_operands(&j);
	if (rc == 0)
		rc = job_prepare(c, val, &j);
	if (rc != 0) {
		job_free(&j);
		return rc;
	}
	diag_init(&d);
	rc = job_run(&j, &d);
	if (rc == 0 && d.worst >= DIAG_ERROR)
		rc = 1;
	if (file_output_failed())
		rc = 3;
	/* the case read from standard input is named as such, not by its temporary */
	for (size_t i = 0; j.incase && i < d.n; i++)
		if (d.v[i].file && strcmp(d.v[i].file, j.incase) == 0)
			d.v[i].file = "<stdin>";
	diag_flush(&d, stderr);
	diag_free(&d);
	job_free(&j);
	src_cleanup();
	return rc;
}

static void
import_progress(void *ctx, const char *id, const char *file, enum import_status st)
{
	(void)ctx;
	(void)id;
	if (st == IMPORT_WRITTEN)
		printf(_("%s: written\n"), file);
	else if (st == IMPORT_UNCHANGED)
		printf(_("%s: unchanged (imported before)\n"), file);
}

/* folio import: a spreadsheet into cases/, or its template. */
static int
cmd_import(const struct cli_cmd *c, int argc, char **argv)
{
	const char *val[CLI_MAX_OPTS];
	char *keep[3] = { NULL, NULL, NULL };
	int npos, rc;
	char **pos = args_parse(c, argc, argv, val, &npos, &rc);
	if (pos == NULL)
		return rc;
	if (npos != 1) {
		fprintf(stderr, "%s\n", npos ? _("folio import: give one file") :
		    _("folio import: give the spreadsheet (FILE.xlsx or FILE.csv)"));
		free(pos);
		return 2;
	}
	struct docset_opts o;
	memset(&o, 0, sizeof o);
	int quiet = cli_get(c, val, "quiet") != NULL;
	rc = resolve(&o, cli_get(c, val, "root"), cli_get(c, val, "verbose") != NULL, keep);
	if (rc == 0) {
		struct import_opts io;
		struct diag d;
		memset(&io, 0, sizeof io);
		io.doc = &o;
		io.sheet = cli_get(c, val, "sheet");
		io.partial = cli_get(c, val, "partial") != NULL;
		io.on_case = quiet ? NULL : import_progress;
		diag_init(&d);
		if (cli_get(c, val, "template"))
			rc = import_template(pos[0], &io, &d) < 0 ? 1 : 0;
		else
			rc = import_file(pos[0], &io, &d) < 0 ? 1 : 0;
		fflush(stdout);
		if (rc == 0 && d.worst >= DIAG_ERROR)
			rc = 1;
		if (file_output_failed())
			rc = 3;
		diag_flush(&d, stderr);
		diag_free(&d);
	}
	free(pos);
	for (int i = 0; i < 3; i++)
		free(keep[i]);
	src_cleanup();
	return rc;
}

/* folio serve: the project's folders as for the jobs, then the server. */
static int
cmd_serve(const struct cli_cmd *c, int argc, char **argv)
{
	const char *val[CLI_MAX_OPTS];
	char *keep[3] = { NULL, NULL, NULL };
	struct serve_opts so;
	int npos, rc;
	char **pos = args_parse(c, argc, argv, val, &npos, &rc);
	if (pos == NULL)
		return rc;
	if (npos > 0) {
		fprintf(stderr, _("folio %s: unexpected operand %s\n"), c->name, pos[0]);
		free(pos);
		return 2;
	}
	free(pos);
	memset(&so, 0, sizeof so);
	so.listen = cli_get(c, val, "listen");
	so.auth = cli_get(c, val, "auth");
	so.doc.quiet = 1;
	rc = resolve(&so.doc, cli_get(c, val, "root"), cli_get(c, val, "verbose") != NULL, keep);
	if (rc == 0)
		rc = serve_run(&so);
	for (int i = 0; i < 3; i++)
		free(keep[i]);
	src_cleanup();
	return rc;
}

int
main(int argc, char **argv)
{
	intl_init();
	if (argc < 2) {
		cli_usage(stderr);
		return 2;
	}
	const char *name = argv[1];
	if (strcmp(name, "--version") == 0 || strcmp(name, "-V") == 0) {
		puts("folio " FOLIO_VERSION);
		return 0;
	}
	if (strcmp(name, "--help") == 0 || strcmp(name, "-h") == 0) {
		cli_usage(stdout);
		return 0;
	}
	const struct cli_cmd *c = cli_find(name);
	if (c == NULL) {
		fprintf(stderr, _("folio: unknown command %s\n"), name);
		cli_usage(stderr);
		return 2;
	}
	if (strcmp(name, "help") == 0) {
		const char *val[CLI_MAX_OPTS];
		int npos, rc = 0;
		char **pos = args_parse(c, argc - 2, argv + 2, val, &npos, &rc);
		if (pos == NULL)
			return rc;
		const struct cli_cmd *about = npos > 0 ? cli_find(pos[0]) : NULL;
		if (npos > 0 && about == NULL) {
			fprintf(stderr, _("folio: unknown command %s\n"), pos[0]);
			rc = 2;
		} else if (about) {
			cli_help(about, stdout);
		} else {
			cli_usage(stdout);
		}
		free(pos);
		return rc;
	}
	if (strcmp(name, "import") == 0)
		return cmd_import(c, argc - 2, argv + 2);
	if (strcmp(name, "serve") == 0)
		return cmd_serve(c, argc - 2, argv + 2);
	if (strcmp(name, "render") == 0)
		return cmd_render(c, argc - 2, argv + 2);
	if (strcmp(name, "subset") == 0) {
		const char *val[CLI_MAX_OPTS];
		int npos, rc;
		char **pos = args_parse(c, argc - 2, argv + 2, val, &npos, &rc);
		if (pos == NULL)
			return rc;
		free(pos);
		if (npos > 0) {
			fprintf(stderr, "%s\n", _("folio subset: takes no operands"));
			return 2;
		}
		fo_subset_print(stdout);
		return 0;
	}
	return cmd_docset(c, argc - 2, argv + 2);
}
