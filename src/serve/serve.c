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
#include <strings.h>
#include <sys/socket.h>
#include <unistd.h>

#include "../base/base.h"
#include "serve_int.h"

struct server {
	const struct docset_opts *doc;
	struct serve_users       *users;   /* NULL: no authentication (loopback only) */
	char                      host[136];   /* the address listened on, as a Host header names it */
	unsigned                  port;
};

/* A handler and where it runs: inline on the pool's thread, or queued for
 * the engine's thread (light jobs, such as reading a case, before heavy
 * ones, such as making a packet). */
enum { RUN_INLINE, RUN_LIGHT, RUN_HEAVY };
struct route {
	const char *method;
	const char *path;     /* the path, or with prefix its beginning */
	int         prefix;
	int         run;      /* RUN_* */
	void      (*fn)(const struct req *q, struct reply *r);
};

/* One request's state, from its first call to its completion. */
struct request {
	struct buf             body;
	int                    too_big;
	int                    state;   /* 0 reading, 1 queued, 2 answered by the engine's thread */
	const struct route    *rt;
	struct req             in;
	struct reply           r;
	struct MHD_Connection *c;
	struct request        *next;    /* in the queue */
};

/* ---------------------------------------------------------------- the engine's thread */

/*
 * The engine is entered by one thread at a time (serve_api.c says why).
 * Rather than letting the pool's threads wait on it, a request that needs
 * it is queued and its connection suspended: the pool keeps answering
 * every other request (the page's style, the pages of a case while a
 * packet is made).  The engine's thread takes light jobs first, so a page
 * waits for at most the one heavy job under way.
 */
static struct {
	pthread_mutex_t  mu;
	pthread_cond_t   cv;
	struct request  *head[2], *tail[2];   /* [0] light, [1] heavy */
	int              stop;
	int              running;
} queue = { PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, { NULL, NULL }, { NULL, NULL }, 0, 0 };

/* Queue q; -1 when the engine's thread has stopped (run it inline then). */
static int
enqueue(struct request *q)
{
	int k = q->rt->run == RUN_HEAVY;
	pthread_mutex_lock(&queue.mu);
	if (!queue.running || queue.stop) {
		pthread_mutex_unlock(&queue.mu);
		return -1;
	}
	q->state = 1;
	q->next = NULL;
	if (queue.tail[k])
		queue.tail[k]->next = q;
	else
		queue.head[k] = q;
	queue.tail[k] = q;
	/* suspended before the engine's thread can see it and resume it */
	MHD_suspend_connection(q->c);
	pthread_cond_signal(&queue.cv);
	pthread_mutex_unlock(&queue.mu);
	return 0;
}

static void *
engine_thread(void *arg)
{
	(void)arg;
	pthread_mutex_lock(&queue.mu);
	for (;;) {
		struct request *q = NULL;
		for (int k = 0; k < 2 && q == NULL; k++)
			if ((q = queue.head[k]) != NULL && (queue.head[k] = q->next) == NULL)
				queue.tail[k] = NULL;
		if (q == NULL) {
			if (queue.stop)
				break;
			pthread_cond_wait(&queue.cv, &queue.mu);
			continue;
		}
		pthread_mutex_unlock(&queue.mu);
		q->rt->fn(&q->in, &q->r);
		pthread_mutex_lock(&queue.mu);
		/* q belongs to the connection again once it is resumed */
		q->state = 2;
		MHD_resume_connection(q->c);
	}
	pthread_mutex_unlock(&queue.mu);
	return NULL;
}

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
	if (r->etag[0])
		MHD_add_response_header(resp, MHD_HTTP_HEADER_ETAG, r->etag);
	if (r->location[0])
		MHD_add_response_header(resp, MHD_HTTP_HEADER_LOCATION, r->location);
	if (r->disposition[0])
		MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_DISPOSITION, r->disposition);
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
	struct reply r = { 0, NULL, NULL, 0, "", "", "" };
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

static void h_render(const struct req *q, struct reply *r) { api_render(q->o, q->body, q->n, r); }
static void h_forms_list(const struct req *q, struct reply *r) { api_forms_list(q->o, r); }
static void h_forms_make(const struct req *q, struct reply *r) { api_forms_make(q->o, q->body, q->n, r); }
static void h_cases(const struct req *q, struct reply *r) { api_cases(q->o, r); }

static const struct route routes[] = {
	{ "POST", "/api/v1/render", 0, RUN_HEAVY, h_render },
	{ "GET", "/api/v1/forms", 0, RUN_LIGHT, h_forms_list },
	{ "POST", "/api/v1/forms", 0, RUN_HEAVY, h_forms_make },
	{ "GET", "/api/v1/cases", 0, RUN_LIGHT, h_cases },
	{ "GET", "/api/v1/cases/", 1, RUN_LIGHT, api_case_get },
	{ "PUT", "/api/v1/cases/", 1, RUN_LIGHT, api_case_put },
	{ "POST", "/api/v1/packets", 0, RUN_HEAVY, api_packet },
	{ "POST", "/api/v1/imports", 0, RUN_HEAVY, api_import },
	{ "GET", "/api/v1/imports/template", 0, RUN_LIGHT, api_import_template },
	{ "GET", "/", 0, RUN_INLINE, web_home },
	{ "GET", "/style.css", 0, RUN_INLINE, web_style },
	{ "GET", "/cases", 0, RUN_LIGHT, web_cases },
	{ "GET", "/new", 0, RUN_LIGHT, web_new },
	{ "POST", "/new", 0, RUN_LIGHT, web_new },
	{ "GET", "/cases/", 1, RUN_LIGHT, web_case },
	{ "POST", "/cases/", 1, RUN_LIGHT, web_case },
	{ "POST", "/generate/", 1, RUN_HEAVY, web_generate },
	{ "GET", "/packets/", 1, RUN_LIGHT, web_packet_file },
	{ "GET", "/packet/", 1, RUN_LIGHT, web_packet },
	{ "GET", "/forms", 0, RUN_LIGHT, web_forms },
	{ "POST", "/forms", 0, RUN_HEAVY, web_forms },
	{ "GET", "/manual", 0, RUN_LIGHT, web_manual },
	{ "GET", "/manual.pdf", 0, RUN_HEAVY, web_manual_pdf },
	{ "GET", "/import", 0, RUN_INLINE, web_import },
	{ "POST", "/import", 0, RUN_HEAVY, web_import },
	{ "GET", "/import/template.xlsx", 0, RUN_LIGHT, api_import_template },
};

/* The route of method and url; *wrong set when the path has routes but
 * none for method. */
static const struct route *
find_route(const char *method, const char *url, int *wrong)
{
	*wrong = 0;
	for (size_t i = 0; i < sizeof routes / sizeof routes[0]; i++) {
		const struct route *rt = &routes[i];
		size_t n = strlen(rt->path);
		int match = rt->prefix ? strncmp(url, rt->path, n) == 0 && url[n] != '\0' : strcmp(url, rt->path) == 0;
		if (!match)
			continue;
		if (strcmp(method, rt->method) == 0 || (strcmp(method, "HEAD") == 0 && strcmp(rt->method, "GET") == 0))
			return rt;
		*wrong = 1;
	}
	return NULL;
}

static char *
header_dup(struct MHD_Connection *c, enum MHD_ValueKind kind, const char *name)
{
	const char *v = MHD_lookup_connection_value(c, kind, name);
	return v ? xstrdup(v) : NULL;
}

/*
 * Without authentication the server is for this machine only, and a web
 * page of any site the clerk visits could send requests to it: a request
 * must name the server by its own address (Host: a name that resolves to
 * 127.0.0.1 on another site's say-so is refused, DNS rebinding), and a
 * request that changes something (POST, PUT) from a page must come from
 * the server's own pages (Origin).  Programs send no Origin.
 */
static int
host_ok(const struct server *s, struct MHD_Connection *c)
{
	if (s->users)
		return 1;   /* behind a password: the address may be any name of the machine */
	const char *h = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_HOST);
	if (h == NULL)
		return 1;   /* HTTP/1.0 */
	static const char *const names[] = { "127.0.0.1", "localhost", "[::1]" };
	char port[16];
	snprintf(port, sizeof port, ":%u", s->port);
	for (int k = -1; k < 3; k++) {
		const char *n = k < 0 ? s->host : names[k];
		size_t l = strlen(n);
		if (l == 0 || strncasecmp(h, n, l) != 0)
			continue;
		if (strcmp(h + l, port) == 0 || (h[l] == '\0' && s->port == 80))
			return 1;
	}
	return 0;
}

static int
origin_ok(struct MHD_Connection *c, const char *method)
{
	if (strcmp(method, "GET") == 0 || strcmp(method, "HEAD") == 0)
		return 1;
	const char *o = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Origin");
	const char *h = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_HOST);
	if (o == NULL)
		return 1;
	return h && strncmp(o, "http://", 7) == 0 && strcasecmp(o + 7, h) == 0;
}

static enum MHD_Result
route(const struct server *s, struct MHD_Connection *c, const char *url, const char *method,
    struct request *q)
{
	int wrong;
	const struct route *rt = find_route(method, url, &wrong);
	if (rt == NULL)
		return wrong ? send_error(c, MHD_HTTP_METHOD_NOT_ALLOWED, "this method is not allowed here "
		    "(docs/api.md)") : send_error(c, MHD_HTTP_NOT_FOUND, "no such resource");
	q->rt = rt;
	q->c = c;
	q->in.o = s->doc;
	q->in.method = rt->method;
	q->in.url = url;
	q->in.rest = rt->prefix ? url + strlen(rt->path) : "";
	q->in.body = q->body.p ? q->body.p : "";
	q->in.n = q->body.n;
	q->in.if_match = header_dup(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_IF_MATCH);
	q->in.if_none = header_dup(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_IF_NONE_MATCH);
	q->in.type = header_dup(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_TYPE);
	q->in.document = header_dup(c, MHD_GET_ARGUMENT_KIND, "document");
	q->in.q = header_dup(c, MHD_GET_ARGUMENT_KIND, "q");
	q->in.done = header_dup(c, MHD_GET_ARGUMENT_KIND, "done");
	q->in.partial = header_dup(c, MHD_GET_ARGUMENT_KIND, "partial");
	q->r.status = 200;
	q->r.type = "application/json";
	if (rt->run != RUN_INLINE && enqueue(q) == 0)
		return MHD_YES;
	rt->fn(&q->in, &q->r);
	q->state = 3;
	return send_reply(c, &q->r);
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
		if (!host_ok(s, c))
			return send_error(c, MHD_HTTP_FORBIDDEN, "this server answers to its own address only "
			    "(Host: 127.0.0.1 or localhost and its port)");
		if (!origin_ok(c, method))
			return send_error(c, MHD_HTTP_FORBIDDEN, "a page of another site may not send this request");
		const char *cl = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_LENGTH);
		if (cl && strtoull(cl, NULL, 10) > SERVE_BODY_MAX)
			return send_error(c, 413, "the request body is larger than 4 MiB");
		return MHD_YES;
	}
	if (q->state == 1)
		return MHD_YES;   /* (not called while suspended) */
	if (q->state == 2) {
		q->state = 3;
		return send_reply(c, &q->r);
	}
	if (q->state == 3)
		return MHD_YES;
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
		free(q->in.if_match);
		free(q->in.if_none);
		free(q->in.type);
		free(q->in.document);
		free(q->in.q);
		free(q->in.done);
		free(q->in.partial);
		if (q->state != 3)
			free(q->r.body);   /* (a reply never sent) */
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
	/* batches in this process: no worker forked from a threaded process */
	struct docset_opts doc = o->doc;
	doc.jobs = 1;
	struct server s = { &doc, NULL, "", 0 };

	if (parse_listen(spec, &ss, &len) < 0) {
		fprintf(stderr, _("folio serve: --listen %s: give PORT, IPV4:PORT or [IPV6]:PORT\n"), spec);
		return 2;
	}
	if (ss.ss_family == AF_INET) {
		inet_ntop(AF_INET, &((struct sockaddr_in *)&ss)->sin_addr, s.host, sizeof s.host);
		s.port = ntohs(((struct sockaddr_in *)&ss)->sin_port);
	} else {
		s.host[0] = '[';
		inet_ntop(AF_INET6, &((struct sockaddr_in6 *)&ss)->sin6_addr, s.host + 1, sizeof s.host - 2);
		strcat(s.host, "]");
		s.port = ntohs(((struct sockaddr_in6 *)&ss)->sin6_port);
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

	unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_ERROR_LOG | MHD_ALLOW_SUSPEND_RESUME;
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
	pthread_t engine_tid;
	queue.stop = 0;
	queue.running = pthread_create(&engine_tid, NULL, engine_thread, NULL) == 0;
	fprintf(stderr, _("folio serve: listening on http://%s/ (SIGTERM or Ctrl-C stops)\n"), spec);
	int sig = 0;
	while (sigwait(&stop, &sig) != 0)
		;
	/* stop accepting, let the requests under way finish: the queued ones
	 * first (a suspended connection must be resumed before the stop) */
	MHD_socket ls = MHD_quiesce_daemon(dm);
	pthread_mutex_lock(&queue.mu);
	queue.stop = 1;
	pthread_cond_signal(&queue.cv);
	pthread_mutex_unlock(&queue.mu);
	if (queue.running)
		pthread_join(engine_tid, NULL);
	queue.running = 0;
	MHD_stop_daemon(dm);
	if (ls != MHD_INVALID_SOCKET)
		close(ls);
	serve_users_free(s.users);
	fprintf(stderr, "%s\n", _("folio serve: stopped"));
	return 0;
}
