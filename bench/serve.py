"""folio serve's figures for make bench (docs/bench.md): the time a page
takes to be served, a packet made through the API, and the server's
resident memory over 1,000 sequential requests.  One keep-alive
connection, one request after the other; the server is started and
stopped by bench/run.sh.  Prints what it measures; never fails on a
missed target.

    python3 bench/serve.py PORT SERVER-PID CASE.xml RUNS FO-FILE XLSX-FILE

The last line is machine-readable for run.sh: "api-packet-ms N".
"""
import http.client
import statistics
import sys
import time

PORT, PID, CASE, RUNS, FO, XLSX = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5], sys.argv[6]
PAGE_TARGET_MS = 50

conn = http.client.HTTPConnection("127.0.0.1", int(PORT), timeout=300)


def request(method, path, body=None, headers=None):
    conn.request(method, path, body=body, headers=headers or {})
    r = conn.getresponse()
    data = r.read()
    if r.status >= 500:
        raise SystemExit("bench: %s %s: %d" % (method, path, r.status))
    return r.status, data


def timed(method, path, body=None, headers=None):
    t0 = time.perf_counter_ns()
    status, data = request(method, path, body, headers)
    return (time.perf_counter_ns() - t0) / 1e6, status, data


def rss_kb():
    with open("/proc/%s/status" % PID) as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


case_id = CASE.rsplit("/", 1)[-1][:-4]
case_xml = open(CASE, "rb").read()
fo = open(FO, "rb").read()
xlsx = open(XLSX, "rb").read()

# ---- pages
print("  pages (GET, %d each after one to warm up; target < %d ms):" % (20, PAGE_TARGET_MS))
print("    %-28s %9s %9s %6s  %s" % ("page", "median ms", "max ms", "KB", "verdict"))
worst = 0.0
for path in ("/", "/style.css", "/new", "/cases", "/cases/" + case_id, "/import", "/manual",
             "/api/v1/cases", "/api/v1/cases/" + case_id):
    timed("GET", path)
    t = []
    for _ in range(20):
        ms, status, data = timed("GET", path)
        t.append(ms)
    med = statistics.median(t)
    worst = max(worst, med)
    print("    %-28s %9.1f %9.1f %6.1f  %s" % (path, med, max(t), len(data) / 1024,
                                               "PASS" if med < PAGE_TARGET_MS else "MISS"))

# ---- a packet through the API
t = []
for _ in range(RUNS):
    ms, status, data = timed("POST", "/api/v1/packets", case_xml, {"Content-Type": "application/xml"})
    if status != 200 or data[:2] != b"PK":
        raise SystemExit("bench: POST /api/v1/packets: %d %r" % (status, data[:200]))
    t.append(ms)
packet_ms = statistics.median(t)
print("  POST /api/v1/packets (%s, the zip of %d KB): median %.0f ms of %d (%s)" % (
    case_id, len(data) // 1024, packet_ms, RUNS, " ".join("%.0f" % x for x in t)))

# ---- memory over 1,000 sequential requests: pages, cases, renders, imports refused
mix = [("GET", "/", None, None), ("GET", "/cases", None, None), ("GET", "/cases/" + case_id, None, None),
       ("GET", "/api/v1/cases/" + case_id, None, None), ("GET", "/new", None, None),
       ("POST", "/api/v1/render", fo, {"Content-Type": "application/xml"}),
       ("GET", "/import", None, None), ("GET", "/api/v1/cases", None, None),
       ("POST", "/api/v1/imports", xlsx, None), ("GET", "/nothing", None, None)]
marks = {}
t0 = time.perf_counter()
for i in range(1, 1001):
    method, path, body, headers = mix[i % len(mix)]
    request(method, path, body, headers)
    if i in (10, 100, 1000):
        marks[i] = rss_kb()
secs = time.perf_counter() - t0
grow = marks[1000] - marks[100]
print("  RSS over 1,000 sequential requests (%s; a render and a refused import in every 10; %.1f s):" % (
    "pages, cases, 404s", secs))
print("    after 10: %.1f MB, after 100: %.1f MB, after 1000: %.1f MB; 100 to 1000: %+.1f MB (target: flat, "
      "< 2 MB) %s" % (marks[10] / 1024, marks[100] / 1024, marks[1000] / 1024, grow / 1024,
                      "PASS" if grow < 2048 else "MISS"))
print("api-packet-ms %.0f" % packet_ms)
