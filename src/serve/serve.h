/*
 * serve — folio serve: an HTTP server (GNU libmicrohttpd, a thread pool)
 * with a JSON API over the document-set jobs (docs/api.md).  Bound to
 * loopback unless an auth file is given.  Depends on docset and the
 * engine's stages; used by main.c only.
 */
#ifndef FOLIO_SERVE_H
#define FOLIO_SERVE_H

#include "../docset/docset.h"

struct serve_opts {
	struct docset_opts doc;   /* the project: root, data, site, content */
	const char *listen;       /* HOST:PORT, [V6]:PORT or PORT; NULL: 127.0.0.1:8080 */
	const char *auth;         /* the users file, or NULL */
	int         threads;      /* pool size; 0: 4 */
};

/*
 * Serve until SIGTERM or SIGINT.  Returns the exit status: 0 after a
 * clean stop, 2 for a listen address refused (not loopback without
 * --auth) or malformed, or an unreadable auth file, 3 when the socket
 * cannot be bound.
 */
int serve_run(const struct serve_opts *o);

#endif
