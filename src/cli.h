/*
 * cli — the command line's grammar: the commands, their options and help
 * texts, and one parser for all of them (GNU style: --opt value,
 * --opt=value, -o value, -ovalue, -- ends the options, - is an operand).
 * Used by main.c only.
 */
#ifndef FOLIO_CLI_H
#define FOLIO_CLI_H

#include <stdio.h>

struct cli_opt {
	const char *lng;     /* long name without -- */
	char        shrt;    /* short letter, or 0 */
	const char *arg;     /* the value's name (N, DIR …), or NULL for a flag */
	const char *help;    /* one line (translated where printed) */
};

struct cli_cmd {
	const char           *name;
	const char           *operands;   /* e.g. "CASE.xml..." or "" */
	const char           *summary;    /* one line */
	const struct cli_opt *opts;       /* ends with {NULL} */
	const char           *more;       /* paragraphs after the options, or NULL */
};

#define CLI_MAX_OPTS 24

/* The command named name, or NULL. */
const struct cli_cmd *cli_find(const char *name);
/* folio's synopsis: every command on one line. */
void cli_usage(FILE *f);
/* A command's full help. */
void cli_help(const struct cli_cmd *c, FILE *f);

/*
 * Parse a command's arguments (after its name).  val[i] is the value of
 * c->opts[i] ("" for a flag given), NULL when absent; operands go to pos
 * (room for argc), their count to *npos.  Returns 0; 1 when --help was
 * given (the help is printed on stdout); 2 after printing a usage error
 * on stderr (unknown option, option needs a value, flag given a value).
 */
int cli_parse(const struct cli_cmd *c, int argc, char **argv, const char **val, char **pos,
    int *npos);
/* The value of the option named lng after cli_parse, or NULL. */
const char *cli_get(const struct cli_cmd *c, const char **val, const char *lng);
/* Parse a whole number from lo to hi; prints the error and returns -1. */
int cli_number(const struct cli_cmd *c, const char *lng, const char *v, long lo, long hi,
    long *out);

#endif
