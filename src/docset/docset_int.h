/*
 * docset — internal interface between the files of the document-set stage.
 */
#ifndef FOLIO_DOCSET_INT_H
#define FOLIO_DOCSET_INT_H

#include "docset.h"

struct xnode;

const struct xnode *ds_child(const struct xnode *e, const char *name);
const struct xnode *ds_next(const struct xnode *e, const char *name);
char *ds_path(const char *a, const char *b);              /* owned "a/b" */
char **ds_list_xml(const char *dir, size_t *n);           /* owned, sorted */
void ds_list_free(char **v, size_t n);
/* Let the XML loader read the project's source folders only. */
void ds_allow(const struct docset_opts *o);
/* Schema and cross-reference checks of procedures/; -1 if any problem. */
int ds_check_procedures(const struct docset_opts *o, struct diag *d);

struct xdoc;
struct text_fonts;
/* Lay out and write an FO document (taken); -1 with reasons in d. */
int ds_render(struct xdoc *fo, struct text_fonts *fonts, const char *path, struct diag *d);

#endif
