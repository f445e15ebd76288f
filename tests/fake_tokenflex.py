#!/usr/bin/env python3
"""A fake Token Flex Usage Data API for tfq's tests.

Speaks real HTTP (or HTTPS with --cert/--key) on 127.0.0.1 only, on a port the kernel picks; prints
"port N" on stdout once it listens. It implements the export and query endpoints, serves download URLs,
injects the faults a scenario lists, and logs every request it receives (one JSON line each) to --log.
It stops when its stdin reaches end of file (the test closes it, or dies) or after --lifetime seconds.

Scenario (JSON, every key optional):
  token                    the bearer token it accepts (anything else: 401)
  faults                   {route: [fault, ...]}: the n-th request of a route gets the n-th fault, then
                           the route behaves normally. Routes: create_export, list_exports, get_export,
                           refresh_url, create_query, get_query, download.
                           A fault: {"status": 503, "headers": {...}, "body": {...} or "text"} answers so;
                           {"drop": true} reads the request and closes the connection without an answer;
                           {"delay": 0.5} waits first (then answers as above, or normally);
                           {"truncate": true} (download) sends half of the promised body and closes.
  polls_until_ready        GETs of an export answering Requested before its final status (default 1)
  final_status             Download (default) or Error
  queue_limit              at most this many exports in Requested at once; beyond, 429 with Retry-After
                           queue_retry_after (seconds, default 1)
  ready_after_seconds      exports are ready this long after creation (instead of polls_until_ready)
  expired_url_generations  the first N download URLs of each export answer 403 "Request has expired"
  stale_expiry             downloadUrlExpireDate lies in the past
  csv                      the exported file's content
  exports                  export request objects that exist from the start
  query_rows               rows of every query's result (default 250)
  query_polls_until_done   GETs of a query answering QUEUED first (default 1)
  query_final_status       DONE (default), FAILED, TIMEOUT or EXPIRED
"""
import argparse
import datetime
import json
import os
import ssl
import sys
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, unquote, urlsplit

PREFIX = "/tokenflex/v1"
DEFAULT_ERRORS = {
    400: {"Code": "BadRequestError", "Message": "BadRequestError: Invalid request"},
    401: {"developerMessage": "The token is invalid or has expired.", "errorCode": "AUTH-001"},
    403: {"Code": "Forbidden", "Message": "Forbidden: not a Token Flex admin for this contract"},
    404: {"Code": "NotFound", "Message": "NotFound: no such request"},
    429: {"developerMessage": "Quota limit exceeded."},
    500: {"Code": "InternalServerError", "Message": "InternalServerError: unknown error"},
    502: {"developerMessage": "Bad gateway"},
    503: {"developerMessage": "Service unavailable"},
    504: {"developerMessage": "Gateway timeout"},
}


def iso_now(offset_seconds=0.0):
    moment = datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(seconds=offset_seconds)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.%f") + "Z"


class State:
    def __init__(self, scenario, scheme):
        self.scenario = scenario
        self.scheme = scheme
        self.port = 0
        self.lock = threading.Lock()
        self.fault_counts = {}
        self.exports = {}  # requestKey -> record
        self.queries = {}  # id -> poll count
        for obj in scenario.get("exports", []):
            self.exports[obj["requestKey"]] = {"object": dict(obj), "polls": 0, "generation": 0,
                                               "created": time.monotonic(), "file_token": uuid.uuid4().hex}

    def next_fault(self, route):
        with self.lock:
            index = self.fault_counts.get(route, 0)
            self.fault_counts[route] = index + 1
        faults = self.scenario.get("faults", {}).get(route, [])
        return faults[index] if index < len(faults) else None

    def pending(self):
        return sum(1 for r in self.exports.values() if self.status_of(r, advance=False) == "Requested")

    def status_of(self, record, advance):
        obj = record["object"]
        if obj.get("requestStatus") == "Download" and "downloadUrl" not in obj:
            self.issue_url(record)
        if obj.get("requestStatus") != "Requested":
            return obj.get("requestStatus")
        ready_after = self.scenario.get("ready_after_seconds")
        if ready_after is not None:
            ready = time.monotonic() - record["created"] >= ready_after
        else:
            if advance:
                record["polls"] += 1
            ready = record["polls"] > self.scenario.get("polls_until_ready", 1)
        if ready:
            self.finish(record)
        return obj["requestStatus"]

    def finish(self, record):
        obj = record["object"]
        obj["requestStatus"] = self.scenario.get("final_status", "Download")
        if obj["requestStatus"] == "Download":
            self.issue_url(record)

    def issue_url(self, record):
        obj = record["object"]
        record["generation"] += 1
        signature = "sig-" + uuid.uuid4().hex
        obj["downloadUrl"] = "%s://127.0.0.1:%d/files/%s/%s?X-Amz-Signature=%s&generation=%d" % (
            self.scheme, self.port, record["file_token"], obj.get("downloadFileName", "export.csv"), signature,
            record["generation"])
        obj["downloadUrlExpireDate"] = iso_now(-600 if self.scenario.get("stale_expiry") else 600)


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    timeout = 10  # a silent client cannot hold a thread for long

    def setup(self):
        context = self.server.tls_context
        if context is not None:
            self.request.settimeout(self.timeout)
            self.request = context.wrap_socket(self.request, server_side=True)
        super().setup()

    def log_message(self, *args):
        pass

    # --- plumbing -------------------------------------------------------------------------------
    def read_body(self):
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length).decode("utf-8", "replace") if length else ""

    def record(self, route, body, fault):
        split = urlsplit(self.path)
        entry = {"route": route, "method": self.command, "path": split.path, "query": split.query,
                 "headers": {k.lower(): v for k, v in self.headers.items()}, "body": body,
                 "time": time.monotonic(), "fault": fault}
        with self.server.log_lock:
            self.server.log.write(json.dumps(entry) + "\n")
            self.server.log.flush()

    def send(self, status, payload, headers=None, content_type="application/json"):
        data = payload if isinstance(payload, bytes) else (
            payload.encode() if isinstance(payload, str) else json.dumps(payload).encode())
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)
        self.wfile.flush()

    def drop(self):
        self.close_connection = True
        try:
            self.connection.shutdown(2)
        except OSError:
            pass

    def apply_fault(self, fault):
        """Answers per the fault; True when the request is fully handled."""
        if fault is None:
            return False
        if fault.get("delay"):
            time.sleep(float(fault["delay"]))
        if fault.get("drop"):
            self.drop()
            return True
        if "status" in fault:
            status = int(fault["status"])
            body = fault.get("body", DEFAULT_ERRORS.get(status, {"Message": "error %d" % status}))
            if fault.get("echo_auth"):
                body = {"Code": "BadRequestError", "Message": "bad header " + self.headers.get("Authorization", "")}
            self.send(status, body, fault.get("headers"))
            return True
        return False

    # --- routing --------------------------------------------------------------------------------
    def route(self):
        split = urlsplit(self.path)
        raw = split.path
        if raw.startswith("/files/"):
            return "download", raw[len("/files/"):].split("/")
        if not raw.startswith(PREFIX + "/"):
            return None, []
        parts = [unquote(p) for p in raw[len(PREFIX) + 1:].split("/")]
        method = self.command
        if len(parts) >= 3 and parts[0] == "export" and parts[2] == "requests":
            if len(parts) == 3:
                return ("create_export" if method == "POST" else "list_exports"), parts
            if len(parts) == 4 and method == "GET":
                return "get_export", parts
            if len(parts) == 5 and parts[4] == "refreshUrl" and method == "POST":
                return "refresh_url", parts
        if len(parts) >= 3 and parts[0] == "usage" and parts[2] == "query":
            if len(parts) == 3 and method == "POST":
                return "create_query", parts
            if len(parts) == 4 and method == "GET":
                return "get_query", parts
        return None, parts

    def handle_any(self):
        body = self.read_body()
        route, parts = self.route()
        fault = self.server.state.next_fault(route) if route else None
        self.record(route, body, fault)
        if self.apply_fault(fault):
            return
        if route is None:
            return self.send(404, DEFAULT_ERRORS[404])
        if route == "download":
            return self.download(parts, fault)
        if self.headers.get("Authorization") != "Bearer " + self.server.state.scenario.get("token", ""):
            return self.send(401, DEFAULT_ERRORS[401])
        return getattr(self, route)(parts, body)

    do_GET = handle_any
    do_POST = handle_any
    do_DELETE = handle_any

    # --- endpoints ------------------------------------------------------------------------------
    def create_export(self, parts, body):
        state = self.server.state
        try:
            request = json.loads(body)
        except ValueError:
            return self.send(400, {"Code": "BadRequestError", "Message": "BadRequestError: body is not JSON"})
        with state.lock:
            limit = state.scenario.get("queue_limit")
            if limit is not None and state.pending() >= limit:
                return self.send(429, {"developerMessage": "Too many pending requests."},
                                 {"Retry-After": str(state.scenario.get("queue_retry_after", 1))})
            key = "%s#%s" % (iso_now()[:19], uuid.uuid4())
            name = request.get("downloadFileName") or "export"
            obj = {"requestKey": key, "requestStatus": "Requested", "downloadFileName": name + ".csv",
                   "exportRequestDate": iso_now(), "readFlag": "N"}
            state.exports[key] = {"object": obj, "polls": 0, "generation": 0, "created": time.monotonic(),
                                  "file_token": uuid.uuid4().hex}
        self.send(200, obj)

    def list_exports(self, parts, body):
        query = parse_qs(urlsplit(self.path).query)
        if "fromDate" not in query or "toDate" not in query:
            return self.send(400, {"Code": "BadRequestError", "Message": "fromDate and toDate are required"})
        with self.server.state.lock:
            objects = [r["object"] for r in self.server.state.exports.values()]
        self.send(200, objects)

    def get_export(self, parts, body):
        state = self.server.state
        with state.lock:
            record = state.exports.get(parts[3])
            if record is None:
                return self.send(404, DEFAULT_ERRORS[404])
            state.status_of(record, advance=True)
            obj = dict(record["object"])
        self.send(200, obj)

    def refresh_url(self, parts, body):
        state = self.server.state
        with state.lock:
            record = state.exports.get(parts[3])
            if record is None or record["object"].get("requestStatus") != "Download":
                return self.send(404, DEFAULT_ERRORS[404])
            state.issue_url(record)
            obj = dict(record["object"])
        self.send(200, obj)

    def download(self, parts, fault):
        state = self.server.state
        record = next((r for r in state.exports.values() if r["file_token"] == parts[0]), None)
        if record is None:
            return self.send(404, "<Error><Code>NoSuchKey</Code></Error>", content_type="application/xml")
        if self.headers.get("Authorization"):
            return self.send(400, "<Error><Code>InvalidArgument</Code><Message>Only one auth mechanism allowed"
                             "</Message></Error>", content_type="application/xml")
        generation = int(parse_qs(urlsplit(self.path).query).get("generation", ["0"])[0])
        if generation != record["generation"] or generation <= state.scenario.get("expired_url_generations", 0):
            return self.send(403, "<Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>",
                             content_type="application/xml")
        data = state.scenario.get("csv", '"productName","tokensConsumed",\n"AutoCAD",12.5,\n').encode()
        if fault and fault.get("truncate"):
            self.send_response(200)
            self.send_header("Content-Type", "text/csv")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data[: len(data) // 2])
            self.wfile.flush()
            return self.drop()
        if fault and fault.get("slow_body"):
            self.send_response(200)
            self.send_header("Content-Type", "text/csv")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            for i in range(len(data)):
                self.wfile.write(data[i:i + 1])
                self.wfile.flush()
                time.sleep(float(fault["slow_body"]))
            return None
        self.send(200, data, content_type="text/csv")

    def create_query(self, parts, body):
        state = self.server.state
        query_id = "q-" + uuid.uuid4().hex
        with state.lock:
            state.queries[query_id] = 0
        self.send(200, {"status": "QUEUED", "id": query_id, "detail_uri": "/usage/%s/query/%s" % (parts[1], query_id)})

    def get_query(self, parts, body):
        state = self.server.state
        with state.lock:
            if parts[3] not in state.queries:
                return self.send(404, DEFAULT_ERRORS[404])
            state.queries[parts[3]] += 1
            polls = state.queries[parts[3]]
        if polls <= state.scenario.get("query_polls_until_done", 1):
            return self.send(200, {"status": "QUEUED", "id": parts[3]})
        status = state.scenario.get("query_final_status", "DONE")
        if status != "DONE":
            return self.send(200, {"status": status, "id": parts[3]})
        query = parse_qs(urlsplit(self.path).query)
        offset = int(query.get("offset", ["0"])[0])
        limit = min(int(query.get("limit", ["100"])[0]), 1000)
        total = state.scenario.get("query_rows", 250)
        rows = [["Product %d" % i if i != 1 else 'Say "hi", then', i * 1.5] for i in range(offset, min(total, offset + limit))]
        self.send(200, {"status": "DONE", "id": parts[3], "columns": ["productName", "tokensConsumed"],
                        "rows": rows, "total": total, "offset": offset, "limit": limit})


class Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        pass  # a client that hangs up or fails the TLS handshake is part of the tests


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--scenario", required=True)
    parser.add_argument("--log", required=True)
    parser.add_argument("--cert")
    parser.add_argument("--key")
    parser.add_argument("--lifetime", type=float, default=120.0)
    args = parser.parse_args()
    with open(args.scenario) as f:
        scenario = json.load(f)

    # Whatever happens to the test, this process does not outlive its lifetime.
    threading.Timer(args.lifetime, lambda: os._exit(3)).start()

    server = Server(("127.0.0.1", 0), Handler)
    server.tls_context = None
    if args.cert:
        server.tls_context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        server.tls_context.load_cert_chain(args.cert, args.key)
    server.state = State(scenario, "https" if args.cert else "http")
    server.state.port = server.server_address[1]
    server.log = open(args.log, "a")
    server.log_lock = threading.Lock()
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    sys.stdout.write("port %d\n" % server.state.port)
    sys.stdout.flush()
    while sys.stdin.read(4096):
        pass
    server.shutdown()
    server.log.close()
    os._exit(0)


if __name__ == "__main__":
    main()
