/*
 * serve — internal interface between the files of the server stage.
 */
#ifndef FOLIO_SERVE_INT_H
#define FOLIO_SERVE_INT_H

#include <stddef.h>

#include "serve.h"

/* Largest request body accepted (bytes); more is refused with 413. */
#define SERVE_BODY_MAX   (4u << 20)
/* Memory per connection for headers and buffers (libmicrohttpd). */
#define SERVE_CONN_MEM   (64u << 10)

/* A reply: status, media type and an owned body (malloc'd). */
struct reply {
	unsigned    status;
	const char *type;
	char       *body;
	size_t      n;
};

/* A JSON error reply {"errors":[{"message":…}]} (serve_api.c). */
void reply_error(struct reply *r, unsigned status, const char *message);

/* The handlers (serve_api.c).  body is NUL-terminated, n bytes. */
void api_render(const struct docset_opts *o, const char *body, size_t n, struct reply *r);
void api_forms_list(const struct docset_opts *o, struct reply *r);
void api_forms_make(const struct docset_opts *o, const char *body, size_t n, struct reply *r);
void api_cases(const struct docset_opts *o, struct reply *r);

/* The users file (serve_auth.c): lines USER:CRYPT-HASH. */
struct serve_users;
/* Read path; NULL after printing why on stderr. */
struct serve_users *serve_users_load(const char *path);
void serve_users_free(struct serve_users *u);
/* Do user and password match an entry?  (crypt_r: safe from any thread) */
int serve_users_check(const struct serve_users *u, const char *user, const char *password);

#endif
