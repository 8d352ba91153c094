/*
 * Every cap folio enforces, each with its reason.  Exceeding one is a
 * diagnostic, never a crash.
 */
#ifndef FOLIO_LIMITS_H
#define FOLIO_LIMITS_H

#define LIMIT_DEPTH          200     /* FO nesting depth: deeper is hostile input */
#define LIMIT_PAGES          100000  /* pages per document: runaway layout guard */
#define LIMIT_PAGE_MIN       PT(36)  /* smallest page side: half an inch */
#define LIMIT_PAGE_MAX       PT(14400) /* largest page side: PDF's 200 in */
#define LIMIT_FONT_SIZE_MAX  PT(1000)  /* larger is an error in the source */
#define LIMIT_FONT_SIZE_MIN  100       /* 0.1 pt */
#define LIMIT_LENGTH_MAX     PT(100000) /* any length: keeps mpt arithmetic in range */
#define LIMIT_DIAG_MSGS      2000    /* messages kept; the rest are counted */
#define LIMIT_EXPR_DEPTH     32      /* nesting of parentheses in expressions */
#define LIMIT_EMPTY_PAGES    50      /* pages in a row without progress */

#endif
