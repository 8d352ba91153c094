/*
 * cli — folio's commands, options and help texts, and the one parser
 * they share.  See cli.h.
 */
#include <stdlib.h>
#include <string.h>

#include "base/base.h"
#include "cli.h"

#define COMMON \
	{ "quiet", 'q', NULL, N_("no progress lines (warnings and errors are still shown)") }, \
	{ "verbose", 'v', NULL, N_("also say which folders and site file are used") }, \
	{ "help", 'h', NULL, N_("show this help and exit") }

#define ROOT_OPT { "root", 0, "DIR", N_("the project folder (default: $FOLIO_ROOT, else the current folder)") }
#define OUT_OPT  { "output", 'o', "DIR", N_("write under DIR instead of ROOT/output") }
#define FO_OPT   { "fo", 0, "DIR", N_("also write the intermediate XSL-FO into DIR") }

static const struct cli_opt render_opts[] = {
	{ "output", 'o', "OUT.pdf", N_("write the PDF to OUT.pdf (- for standard output)") },
	{ "areas", 0, "FILE", N_("write the area tree as XML to FILE (- for standard output)") },
	COMMON, { NULL, 0, NULL, NULL }
};
static const struct cli_opt check_opts[] = {
	ROOT_OPT,
	{ "layout", 0, NULL, N_("lay out what folio ships (or the FILE.fo given) and report what would not print well") },
	COMMON, { NULL, 0, NULL, NULL }
};
static const struct cli_opt manual_opts[] = {
	ROOT_OPT,
	{ "output", 'o', "DIR", N_("write the PDF under DIR/manual/ (- for standard output)") },
	{ "procedure", 0, "CODE", N_("only this procedure, e.g. XT-KF-CX-002") },
	{ "copy", 0, "N", N_("a controlled copy with distribution number N (1-9999)") },
	FO_OPT, COMMON, { NULL, 0, NULL, NULL }
};
static const struct cli_opt newcase_opts[] = { ROOT_OPT, COMMON, { NULL, 0, NULL, NULL } };
static const struct cli_opt archive_opts[] = { ROOT_OPT, COMMON, { NULL, 0, NULL, NULL } };
#define JOBS_OPT { "jobs", 'j', "N", N_("N worker processes at once (default: one per core; 1: one after the other)") }

static const struct cli_opt packet_opts[] = {
	ROOT_OPT, OUT_OPT, FO_OPT, JOBS_OPT, COMMON, { NULL, 0, NULL, NULL }
};
static const struct cli_opt forms_opts[] = {
	ROOT_OPT,
	{ "output", 'o', "DIR", N_("write under DIR/forms/ (- for standard output, with --combined)") },
	FO_OPT,
	{ "list", 'l', NULL, N_("list the forms: printed number, id, pages, copies per set, name") },
	{ "combined", 0, NULL, N_("all the chosen forms in one PDF") },
	{ "copies", 0, "N", N_("N copies of each form (1-10000)") },
	{ "serial", 0, NULL, N_("number the copies, continuing from the last batch") },
	{ "serial-start", 0, "N", N_("number the copies from N (implies --serial)") },
	JOBS_OPT, COMMON, { NULL, 0, NULL, NULL }
};
static const struct cli_opt serve_opts[] = {
	ROOT_OPT,
	{ "listen", 0, "ADDR", N_("listen on ADDR: PORT, IPV4:PORT or [IPV6]:PORT (default 127.0.0.1:8080)") },
	{ "auth", 0, "FILE", N_("users and password hashes (USER:HASH from crypt(3)); needed beyond loopback") },
	COMMON, { NULL, 0, NULL, NULL }
};
static const struct cli_opt import_opts[] = {
	ROOT_OPT,
	{ "sheet", 0, "NAME", N_("the workbook's sheet of tenants (default: the one named so in docs/import.md, else the first)") },
	{ "partial", 0, NULL, N_("import the tenants without errors even when others have some") },
	{ "template", 0, NULL, N_("write an empty template with every column to FILE instead") },
	COMMON, { NULL, 0, NULL, NULL }
};
static const struct cli_opt subset_opts[] = { COMMON, { NULL, 0, NULL, NULL } };
static const struct cli_opt help_opts[] = { COMMON, { NULL, 0, NULL, NULL } };

static const struct cli_cmd cmds[] = {
	{ "check", N_("[--layout [FILE.fo...]]"), N_("validate every source (schemas and cross-references), all problems at once"),
	  check_opts, NULL },
	{ "manual", "", N_("the procedure manual as one PDF"), manual_opts, NULL },
	{ "packet", N_("CASE.xml...|DIR"), N_("a tenant's move-in packet: every document and form, filled in"),
	  packet_opts, N_("A CASE of - reads the case from standard input; a folder stands for its\n"
	     "*.xml cases.  Several cases are made by --jobs processes at once, each on\n"
	     "its own: a bad case is reported and the others are still written; a\n"
	     "summary at the end names each failed case with the line of its first\n"
	     "error, and the exit status is then 1.") },
	{ "new-case", N_("ID"), N_("begin a new case: cases/ID.xml with every field marked to fill in"),
	  newcase_opts,
	  N_("ID is the case number, the year and three digits (2024-005).  Every field\n"
	     "of the new file holds the mark to fill in, with its Chinese name and an\n"
	     "example in a comment beside it; folio check and folio packet refuse the\n"
	     "case until each one is filled in.  An existing case is never overwritten.") },
	{ "forms", N_("[FORM...]"), N_("blank forms in batches"), forms_opts,
	  N_("A FORM is an id (XT-KF-CX-009-R01), a printed number (WB/XT-KF-JL-009-01) or a\n"
	     "Chinese name (or a part of it that names one form).  Without FORM,\n"
	     "every form.  The serial numbers already used are kept per form in\n"
	     "ROOT/form-serials.txt, so batches never repeat a number.") },
	{ "archive", "", N_("keep this revision's sources, for the next revision's change bars"),
	  archive_opts, NULL },
	{ "serve", "", N_("a local HTTP server with a JSON API (docs/api.md)"), serve_opts,
	  N_("Listens on loopback only, unless --auth FILE is given; stops on SIGTERM or\n"
	     "Ctrl-C.  FILE has one line per user, USER:HASH, the hash from crypt(3)\n"
	     "(yescrypt $y$ or SHA-512 $6$, e.g. mkpasswd -m yescrypt).") },
	{ "import", N_("FILE.xlsx|FILE.csv"), N_("tenants from a spreadsheet into cases/, one case per row"),
	  import_opts,
	  N_("One row per tenant on the main sheet; contacts, emergency contacts,\n"
	     "vehicles, fees, keys, meters and defects on sheets of their own, one row\n"
	     "each, with the tenant's case number in a column.  The headers are the\n"
	     "fields' Chinese names (docs/import.md; --template writes them).  A CSV\n"
	     "file is the main sheet; the other sheets are files beside it named\n"
	     "FILE-SHEET.csv; UTF-8 or GBK.  Every row is checked as folio check checks a\n"
	     "case, and every problem is named by sheet, row and column.  Nothing is\n"
	     "written while any row has an error, unless --partial; an existing case is\n"
	     "never replaced.") },
	{ "render", N_("IN.fo"), N_("lay out an XSL-FO file (- for standard input)"), render_opts, NULL },
	{ "subset", "", N_("print the supported XSL-FO subset as Markdown"), subset_opts, NULL },
	{ "help", N_("[COMMAND]"), N_("show the help of a command"), help_opts, NULL },
};

const struct cli_cmd *
cli_find(const char *name)
{
	for (size_t i = 0; i < sizeof cmds / sizeof cmds[0]; i++)
		if (strcmp(cmds[i].name, name) == 0)
			return &cmds[i];
	return NULL;
}

void
cli_usage(FILE *f)
{
	fprintf(f, "%s\n", _("usage: folio COMMAND [OPTION...] [OPERAND...]"));
	for (size_t i = 0; i < sizeof cmds / sizeof cmds[0]; i++)
		fprintf(f, "  %-8s %s\n", cmds[i].name, _(cmds[i].summary));
	fprintf(f, "%s\n", _("       folio --version\n"
	    "Run 'folio help COMMAND' or 'folio COMMAND --help' for a command's options.\n"
	    "Exit status: 0 done (perhaps with warnings), 1 errors in the input,\n"
	    "2 wrong usage, 3 output could not be written."));
}

void
cli_help(const struct cli_cmd *c, FILE *f)
{
	fprintf(f, _("usage: folio %s [OPTION...]%s%s\n"), c->name, c->operands[0] ? " " : "",
	    c->operands[0] ? _(c->operands) : "");
	fprintf(f, "%s\n\n", _(c->summary));
	for (const struct cli_opt *o = c->opts; o->lng; o++) {
		char left[64];
		if (o->shrt)
			snprintf(left, sizeof left, "-%c, --%s%s%s", o->shrt, o->lng, o->arg ? " " : "",
			    o->arg ? o->arg : "");
		else
			snprintf(left, sizeof left, "    --%s%s%s", o->lng, o->arg ? " " : "", o->arg ? o->arg : "");
		fprintf(f, "  %-22s %s\n", left, _(o->help));
	}
	if (c->more)
		fprintf(f, "\n%s\n", _(c->more));
}

static int
bad_usage(const struct cli_cmd *c, const char *fmt, const char *what)
{
	fprintf(stderr, "folio %s: ", c->name);
	fprintf(stderr, fmt, what);
	fprintf(stderr, "\n");
	fprintf(stderr, _("Run 'folio help %s' for its options.\n"), c->name);
	return 2;
}

int
cli_parse(const struct cli_cmd *c, int argc, char **argv, const char **val, char **pos,
    int *npos)
{
	int ended = 0, nopts = 0;
	while (c->opts[nopts].lng)
		nopts++;
	for (int k = 0; k < nopts; k++)
		val[k] = NULL;
	*npos = 0;
	for (int i = 0; i < argc; i++) {
		const char *a = argv[i];
		if (ended || a[0] != '-' || a[1] == '\0') {
			pos[(*npos)++] = argv[i];
			continue;
		}
		if (strcmp(a, "--") == 0) {
			ended = 1;
			continue;
		}
		const struct cli_opt *o = NULL;
		const char *v = NULL;
		if (a[1] == '-') {
			const char *eq = strchr(a + 2, '=');
			size_t n = eq ? (size_t)(eq - a - 2) : strlen(a + 2);
			for (int k = 0; k < nopts && !o; k++)
				if (strlen(c->opts[k].lng) == n && strncmp(c->opts[k].lng, a + 2, n) == 0)
					o = &c->opts[k];
			if (eq)
				v = eq + 1;
		} else {
			for (int k = 0; k < nopts && !o; k++)
				if (c->opts[k].shrt == a[1])
					o = &c->opts[k];
			if (o && a[2] != '\0') {
				if (o->arg)
					v = a + 2;
				else
					return bad_usage(c, _("unknown option %s (one letter options are not combined)"), a);
			}
		}
		if (o == NULL)
			return bad_usage(c, _("unknown option %s"), a);
		if (o->arg == NULL && v != NULL)
			return bad_usage(c, _("option --%s takes no value"), o->lng);
		if (o->arg && v == NULL) {
			/* the next argument, unless it is another option */
			if (i + 1 < argc && !(argv[i + 1][0] == '-' && argv[i + 1][1] != '\0'))
				v = argv[++i];
			else {
				char what[80];
				snprintf(what, sizeof what, "--%s %s", o->lng, o->arg);
				return bad_usage(c, _("option needs a value: %s"), what);
			}
		}
		if (strcmp(o->lng, "help") == 0) {
			cli_help(c, stdout);
			return 1;
		}
		val[o - c->opts] = o->arg ? v : "";
	}
	return 0;
}

const char *
cli_get(const struct cli_cmd *c, const char **val, const char *lng)
{
	for (int k = 0; c->opts[k].lng; k++)
		if (strcmp(c->opts[k].lng, lng) == 0)
			return val[k];
	return NULL;
}

int
cli_number(const struct cli_cmd *c, const char *lng, const char *v, long lo, long hi, long *out)
{
	char *end;
	long n = strtol(v, &end, 10);
	if (*v == '\0' || *end != '\0' || n < lo || n > hi) {
		fprintf(stderr, _("folio %s: --%s needs a number from %ld to %ld, not \"%s\"\n"),
		    c->name, lng, lo, hi, v);
		return -1;
	}
	*out = n;
	return 0;
}
