/*
 * serve — folio serve: the listening policy, the HTTP server (GNU
 * libmicrohttpd, internal polling with a thread pool), request bodies and
 * their limit, routing, and a clean stop on SIGTERM or SIGINT.  The
 * handlers are in serve_api.c; docs/api.md is the contract.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "../base/base.h"
#include "serve_int.h"

struct server {
	const struct docset_opts *doc;
	struct serve_users       *users;   /* NULL: no authentication (loopback only) */
};

/* One request's state, from its first call to its completion. */
struct request {
	struct buf body;
	int        too_big;
};

/* ---------------------------------------------------------------- the address */

/*
 * Parse "PORT", "HOST:PORT" (HOST a dotted IPv4 address or localhost) or
 * "[IPV6]:PORT" into ss.  Returns 0, or -1 when malformed.
 */
static int
parse_listen(const char *spec, struct sockaddr_storage *ss, socklen_t *len)
{
	char host[128] = "127.0.0.1";
	const char *port = spec;
	memset(ss, 0, sizeof *ss);
	if (spec[0] == '[') {
		const char *close = strchr(spec, ']');
		if (close == NULL || close[1] != ':' || (size_t)(close - spec - 1) >= sizeof host)
			return -1;
		memcpy(host, spec + 1, (size_t)(close - spec - 1));
		host[close - spec - 1] = '\0';
		port = close + 2;
	} else if (strchr(spec, ':')) {
		const char *colon = strrchr(spec, ':');
		if ((size_t)(colon - spec) >= sizeof host || colon == spec)
			return -1;
		memcpy(host, spec, (size_t)(colon - spec));
		host[colon - spec] = '\0';
		port = colon + 1;
	}
	char *end;
	long p = strtol(port, &end, 10);
	if (*port == '\0' || *end != '\0' || p < 1 || p > 65535)
		return -1;
	if (strcmp(host, "localhost") == 0)
		strcpy(host, "127.0.0.1");
	struct sockaddr_in *v4 = (struct sockaddr_in *)ss;
	struct sockaddr_in6 *v6 = (struct sockaddr_in6 *)ss;
	if (inet_pton(AF_INET, host, &v4->sin_addr) == 1) {
		v4->sin_family = AF_INET;
		v4->sin_port = htons((uint16_t)p);
		*len = sizeof *v4;
		return 0;
	}
	if (spec[0] == '[' && inet_pton(AF_INET6, host, &v6->sin6_addr) == 1) {
		v6->sin6_family = AF_INET6;
		v6->sin6_port = htons((uint16_t)p);
		*len = sizeof *v6;
		return 0;
	}
	return -1;
}

static int
is_loopback(const struct sockaddr_storage *ss)
{
	if (ss->ss_family == AF_INET)
		return (ntohl(((const struct sockaddr_in *)ss)->sin_addr.s_addr) >> 24) == 127;
	return IN6_IS_ADDR_LOOPBACK(&((const struct sockaddr_in6 *)ss)->sin6_addr);
}

/* ---------------------------------------------------------------- replies */

static enum MHD_Result
send_reply(struct MHD_Connection *c, struct reply *r)
{
	struct MHD_Response *resp = MHD_create_response_from_buffer(r->n, r->body ? r->body : (char *)"",
	    r->body ? MHD_RESPMEM_MUST_FREE : MHD_RESPMEM_PERSISTENT);
	if (resp == NULL) {
		free(r->body);
		return MHD_NO;
	}
	MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_TYPE, r->type);
	MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
	MHD_add_response_header(resp, MHD_HTTP_HEADER_CACHE_CONTROL, "no-store");
	if (r->status == MHD_HTTP_UNAUTHORIZED)
		MHD_add_response_header(resp, MHD_HTTP_HEADER_WWW_AUTHENTICATE,
		    "Basic realm=\"folio\", charset=\"UTF-8\"");
	enum MHD_Result ret = MHD_queue_response(c, r->status, resp);
	MHD_destroy_response(resp);
	return ret;
}

static enum MHD_Result
send_error(struct MHD_Connection *c, unsigned status, const char *message)
{
	struct reply r;
	reply_error(&r, status, message);
	return send_reply(c, &r);
}

/* ---------------------------------------------------------------- requests */

static int
authorised(const struct server *s, struct MHD_Connection *c)
{
	if (s->users == NULL)
		return 1;
	char *pass = NULL;
	char *user = MHD_basic_auth_get_username_password(c, &pass);
	int ok = serve_users_check(s->users, user, pass);
	if (user)
		MHD_free(user);
	if (pass) {
		memset(pass, 0, strlen(pass));
		MHD_free(pass);
	}
	return ok;
}

static enum MHD_Result
route(const struct server *s, struct MHD_Connection *c, const char *url, const char *method,
    struct request *q)
{
	struct reply r = { 200, "application/json", NULL, 0 };
	int get = strcmp(method, "GET") == 0, post = strcmp(method, "POST") == 0;
	const char *body = q->body.p ? q->body.p : "";
	if (strcmp(url, "/api/v1/render") == 0) {
		if (!post)
			return send_error(c, MHD_HTTP_METHOD_NOT_ALLOWED, "use POST with an XSL-FO document");
		api_render(s->doc, body, q->body.n, &r);
	} else if (strcmp(url, "/api/v1/forms") == 0) {
		if (get)
			api_forms_list(s->doc, &r);
		else if (post)
			api_forms_make(s->doc, body, q->body.n, &r);
		else
			return send_error(c, MHD_HTTP_METHOD_NOT_ALLOWED, "use GET or POST");
	} else if (strcmp(url, "/api/v1/cases") == 0) {
		if (!get)
			return send_error(c, MHD_HTTP_METHOD_NOT_ALLOWED, "use GET");
		api_cases(s->doc, &r);
	} else {
		return send_error(c, MHD_HTTP_NOT_FOUND, "no such resource");
	}
	return send_reply(c, &r);
}

static enum MHD_Result
on_request(void *cls, struct MHD_Connection *c, const char *url, const char *method,
    const char *version, const char *data, size_t *size, void **ctx)
{
	const struct server *s = cls;
	struct request *q = *ctx;
	(void)version;
	if (q == NULL) {
		/* the headers: refuse early, before any body is read */
		q = xcalloc(1, sizeof *q);
		*ctx = q;
		if (!authorised(s, c))
			return send_error(c, MHD_HTTP_UNAUTHORIZED, "authentication required");
		const char *cl = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_LENGTH);
		if (cl && strtoull(cl, NULL, 10) > SERVE_BODY_MAX)
			return send_error(c, 413, "the request body is larger than 4 MiB");
		return MHD_YES;
	}
	if (*size > 0) {
		/* a chunked body can pass its announced length: count as it comes */
		if (q->too_big || q->body.n + *size > SERVE_BODY_MAX) {
			q->too_big = 1;
			buf_free(&q->body);
		} else {
			buf_add(&q->body, data, *size);
		}
		*size = 0;
		return MHD_YES;
	}
	if (q->too_big)
		return send_error(c, 413, "the request body is larger than 4 MiB");
	return route(s, c, url, method, q);
}

static void
on_completed(void *cls, struct MHD_Connection *c, void **ctx, enum MHD_RequestTerminationCode toe)
{
	struct request *q = *ctx;
	(void)cls;
	(void)c;
	(void)toe;
	if (q) {
		buf_free(&q->body);
		free(q);
		*ctx = NULL;
	}
}

/* ---------------------------------------------------------------- the server */

int
serve_run(const struct serve_opts *o)
{
	const char *spec = o->listen ? o->listen : "127.0.0.1:8080";
	struct sockaddr_storage ss;
	socklen_t len;
	struct server s = { &o->doc, NULL };

	if (parse_listen(spec, &ss, &len) < 0) {
		fprintf(stderr, _("folio serve: --listen %s: give PORT, IPV4:PORT or [IPV6]:PORT\n"), spec);
		return 2;
	}
	if (!is_loopback(&ss) && o->auth == NULL) {
		fprintf(stderr, _("folio serve: refusing to listen on %s without --auth FILE: beyond this "
		    "machine (loopback) every request must authenticate (docs/api.md)\n"), spec);
		return 2;
	}
	if (o->auth && (s.users = serve_users_load(o->auth)) == NULL)
		return 2;

	/* SIGTERM and SIGINT are taken by sigwait below: blocked in every thread,
	 * the pool's threads included (they inherit this mask) */
	sigset_t stop;
	sigemptyset(&stop);
	sigaddset(&stop, SIGTERM);
	sigaddset(&stop, SIGINT);
	pthread_sigmask(SIG_BLOCK, &stop, NULL);
	signal(SIGPIPE, SIG_IGN);

	unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_ERROR_LOG;
	if (ss.ss_family == AF_INET6)
		flags |= MHD_USE_IPv6;
	unsigned threads = o->threads > 0 ? (unsigned)o->threads : 4;
	uint16_t port = ss.ss_family == AF_INET ? ntohs(((struct sockaddr_in *)&ss)->sin_port) :
	    ntohs(((struct sockaddr_in6 *)&ss)->sin6_port);
	struct MHD_Daemon *dm = MHD_start_daemon(flags, port, NULL, NULL, on_request, &s,
	    MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&ss,
	    MHD_OPTION_THREAD_POOL_SIZE, threads,
	    MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)SERVE_CONN_MEM,
	    MHD_OPTION_CONNECTION_LIMIT, 256u,
	    MHD_OPTION_CONNECTION_TIMEOUT, 120u,
	    MHD_OPTION_NOTIFY_COMPLETED, on_completed, NULL,
	    MHD_OPTION_END);
	if (dm == NULL) {
		fprintf(stderr, _("folio serve: cannot listen on %s: %s\n"), spec, strerror(errno));
		serve_users_free(s.users);
		return 3;
	}
	fprintf(stderr, _("folio serve: listening on http://%s/ (SIGTERM or Ctrl-C stops)\n"), spec);
	int sig = 0;
	while (sigwait(&stop, &sig) != 0)
		;
	/* stop accepting, let the requests under way finish */
	MHD_stop_daemon(dm);
	serve_users_free(s.users);
	fprintf(stderr, "%s\n", _("folio serve: stopped"));
	return 0;
}
