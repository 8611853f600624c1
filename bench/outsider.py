#!/usr/bin/env python3
"""An outsider's probe of a running HeavyLegs: real HTTP over the wire, the way a script, a scanner or a
careless client talks to it, not the way the tests inside the JVM do. It registers two users, writes an entry,
then sends every path it knows with odd methods, odd query strings, odd bodies and content types, odd cookies,
raw request lines, and parallel bursts, and counts the answers. Any 5xx (other than the designed 503 of a busy
PDF slot, which carries Retry-After) and any sign of user A's data in user B's answers is a finding.

Usage: bench/outsider.py [BASE_URL]   (default http://127.0.0.1:8080). Standard library only. Exit 1 on a finding.
Use a fresh database: it creates accounts, and the burst locks one of them out for 15 minutes.
"""
import http.client
import re
import socket
import sys
import threading
import urllib.parse
from collections import Counter

BASE = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8080"
URL = urllib.parse.urlsplit(BASE)
HOST, PORT = URL.hostname, URL.port or 80
PASSWORD = "an outsider's long passphrase 7"
RUN = str(int(__import__("time").time()))
findings = []
answers = Counter()
lock = threading.Lock()


class Client:
    """One browser: a cookie jar and the last CSRF token it saw."""

    def __init__(self):
        self.cookies = {}

    def request(self, method, path, body=None, headers=None, raw_cookie=None):
        connection = http.client.HTTPConnection(HOST, PORT, timeout=30)
        all_headers = {"Host": f"{HOST}:{PORT}"}
        cookie = raw_cookie if raw_cookie is not None else "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if cookie:
            all_headers["Cookie"] = cookie
        if isinstance(body, dict):
            body = urllib.parse.urlencode(body, doseq=True)
            all_headers["Content-Type"] = "application/x-www-form-urlencoded"
        all_headers.update(headers or {})
        try:
            connection.putrequest(method, path, skip_host=True, skip_accept_encoding=True)
            for name, value in all_headers.items():
                connection.putheader(name, value)
            data = body.encode("utf-8", "surrogateescape") if isinstance(body, str) else body
            if data is not None:
                connection.putheader("Content-Length", str(len(data)))
            connection.endheaders(data)
            response = connection.getresponse()
            text = response.read().decode("utf-8", "replace")
        except (OSError, http.client.HTTPException) as error:
            record("socket", method, path, str(error))
            return 0, {}, ""
        finally:
            connection.close()
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                self.cookies[name.strip()] = rest.split(";")[0]
        headers_out = {k.lower(): v for k, v in response.getheaders()}
        record(response.status, method, path, headers_out.get("retry-after")
               or f"({all_headers.get('Content-Type', 'no body type')}, {'signed in' if 'heavylegs-session' in cookie else 'anonymous'})")
        return response.status, headers_out, text

    def token(self, path):
        status, _, text = self.request("GET", path)
        match = re.search(r'name="csrf-token" value="([^"]*)"', text)
        return match.group(1) if match else ""

    def form(self, path, fields, page=None):
        fields = dict(fields, **{"csrf-token": self.token(page or path)})
        return self.request("POST", path, fields)


def record(status, method, path, detail):
    with lock:
        answers[status if isinstance(status, str) else status // 100 * 100] += 1
        if status == "socket" or (isinstance(status, int) and status >= 500
                                  and not (status == 503 and detail and detail[0].isdigit())):
            findings.append(f"{status} {method} {path[:120]} {detail or ''}")


def sign_up(email):
    browser = Client()
    status, _, _ = browser.form("/register", {"email": email, "password": PASSWORD, "confirmPassword": PASSWORD})
    assert status == 303, f"register {email}: {status}"
    browser.request("GET", "/login")
    status, headers, _ = browser.request("POST", "/j_security_check", {"j_username": email, "j_password": PASSWORD})
    assert status == 302 and "/journal" in headers.get("location", ""), f"login {email}: {status} {headers}"
    return browser


def main():
    print(f"probing {BASE}")
    alice, bob = sign_up(f"alice.{RUN}@example.org"), sign_up(f"bob.{RUN}@example.org")
    secret = "ALICE-SECRET-NOTE-4711"
    status, headers, _ = alice.form("/journal", {"date": "2026-11-30", "severity": "6", "symptoms": ["numbness", "tingling"],
                                                 "side": "left", "notes": secret}, page="/journal/new")
    entry = headers.get("location", "").rstrip("/").split("/")[-1]
    assert status == 303 and entry.isdigit(), f"create entry: {status} {headers}"
    paths = ["/", "/articles", "/articles?q=swollen+ankles", "/articles/iron-deficiency", "/articles/nope", "/register",
             "/login", "/logout", "/journal", "/journal/new", f"/journal/{entry}", f"/journal/{entry}/edit",
             f"/journal/{entry}/delete", "/journal/999999999", "/journal/-1", "/journal/abc", "/report", "/report.pdf",
             "/report.csv", "/account", "/account/export", "/account/export.fhir", "/account/delete", "/account/profile",
             "/account/password", "/account/passkeys", "/account/passkeys/options", "/login/passkey",
             "/login/passkey/options", "/password-reset", "/password-reset/sent", "/password-reset/xyz", "/treatments",
             "/treatments/new", "/treatments/1/edit", "/labs", "/labs/new", "/labs/1/edit", "/insights", "/shares",
             "/shares/1/revoke", "/shared/nope", "/shared/nope.pdf", "/q/health/ready", "/sitemap.xml", "/robots.txt",
             "/reminders/unsubscribe/nope", "/arriving", "/css/app.css", "/j_security_check"]
    methods = ["GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "PROPFIND"]
    bodies = [None, ("application/x-www-form-urlencoded", "a=%zz&b=%00&c=\u202e"), ("application/json", '{"a":'),
              ("multipart/form-data; boundary=x", "not multipart"), ("text/plain", "\x00\x01\x02"),
              ("application/x-www-form-urlencoded", "&".join(f"k{i}=v" for i in range(2000)))]
    for who in (alice, Client()):
        for path in paths:
            for method in methods:
                for body in bodies:
                    headers = {"Content-Type": body[0]} if body else {}
                    who.request(method, path, body[1] if body else None, headers)
    odd_queries = ["from=2026-02-30", "from=99999-01-01", "to=0000-00-00", "page=-1", "page=99999999999999999999",
                   "page=%00", "mark=%ff", "q=%zz", "q=" + "a" * 3000, "from=2026-01-01&from=2026-02-01", "entries=%e2%80%ae",
                   "q=' OR 1=1 --", "q={{7*7}}", "days=1e309", "like=-1", "like=abc"]
    for path in ["/journal", "/report", "/report.pdf", "/report.csv", "/insights", "/articles", "/journal/new", "/shares"]:
        for query in odd_queries:
            alice.request("GET", f"{path}?{urllib.parse.quote(query, safe='=&%')}")
    for cookie in ["quarkus-credential=%%%", "quarkus-credential=" + "A" * 5000, "csrf-token=\x7f", "a", "=;=;=",
                   "heavylegs-session=../../etc/passwd"]:
        Client().request("GET", "/journal", raw_cookie=cookie)
        Client().request("POST", "/journal", "severity=5", {"Content-Type": "application/x-www-form-urlencoded"},
                         raw_cookie=cookie)
    for line in [b"GET / HTTP/1.0\r\n\r\n", b"GET /journal?%zz HTTP/1.1\r\nHost: x\r\n\r\n", b"GET /../../etc/passwd HTTP/1.1\r\nHost: x\r\n\r\n",
                 b"POST /j_security_check HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nj_use", b"FOO / HTTP/1.1\r\nHost: x\r\n\r\n"]:
        raw(line)
    # Bob must never see Alice's entry: by id, in exports, in reports.
    for path in [f"/journal/{entry}", f"/journal/{entry}/edit", "/journal", "/report", "/report.csv", "/account/export",
                 "/account/export.fhir", f"/journal/new?like={entry}"]:
        status, _, text = bob.request("GET", path)
        if secret in text:
            findings.append(f"bob saw alice's note at {path} ({status})")
    status, _, _ = bob.form(f"/journal/{entry}/delete", {}, page="/journal")
    if status != 404:
        findings.append(f"bob deleting alice's entry answered {status}, not 404")
    parallel(alice)
    burst()
    print("answers by class (503 with Retry-After is the busy PDF slot, by design):",
          dict(sorted(answers.items(), key=str)))
    print(f"{len(findings)} findings")
    for finding in findings[:50]:
        print("  ", finding)
    return 1 if findings else 0


def raw(request_bytes):
    try:
        with socket.create_connection((HOST, PORT), timeout=10) as connection:
            connection.sendall(request_bytes)
            first = connection.recv(200).split(b"\r\n")[0].decode("latin-1")
    except OSError as error:
        first = f"socket {error}"
    status = int(first.split()[1]) if first.startswith("HTTP/") else 0
    record(status if status else "socket", "RAW", request_bytes[:40].decode("latin-1"), first)


def parallel(alice):
    """10 threads × 40 requests: journal pages, new entries and PDFs at once."""
    def work(n):
        for i in range(40):
            if i % 10 == 0:
                alice.request("GET", "/report.pdf")
            elif i % 4 == 0:
                alice.form("/journal", {"date": "2026-11-29", "severity": str(i % 10), "symptoms": "cramps"},
                           page="/journal/new")
            else:
                alice.request("GET", f"/journal?page={i % 3 + 1}")
    threads = [threading.Thread(target=work, args=(n,)) for n in range(10)]
    [t.start() for t in threads]
    [t.join() for t in threads]


def burst():
    """50 wrong passwords for one account at once: the throttle lets exactly 5 through to be checked."""
    victim = sign_up(f"carol.{RUN}@example.org")
    statuses = Counter()
    def attempt():
        browser = Client()
        status, _, _ = browser.request("POST", "/j_security_check",
                                       {"j_username": f"carol.{RUN}@example.org", "j_password": "wrong"})
        with lock:
            statuses[status] += 1
    threads = [threading.Thread(target=attempt) for _ in range(50)]
    [t.start() for t in threads]
    [t.join() for t in threads]
    print("50 parallel wrong-password logins:", dict(statuses))
    if statuses.get(302, 0) > 5:
        findings.append(f"throttle let {statuses[302]} of 50 parallel wrong passwords through (expected 5)")


if __name__ == "__main__":
    sys.exit(main())
