"""A browser-like client for the probe: only 127.0.0.1, forms filled from the page, two-factor by TOTP.

The production settings mark the session cookie Secure and trust X-Forwarded-Proto, so the client
pretends to be behind a TLS proxy (as benchmarks/scale.py does) and sends secure cookies over plain HTTP.
"""

import base64
import hashlib
import hmac
import http.cookiejar
import os
import re
import struct
import time
from urllib.parse import urljoin

import lxml.html
import requests

BASE = os.environ.get("PROBE_BASE", "http://127.0.0.1:8030")
assert BASE.startswith("http://127.0.0.1"), "the probe talks to 127.0.0.1 only"
LOGINS = {}
SESSIONS_FILE = os.environ.get("PROBE_SESSIONS", "/tmp/reprobe16/var/probe-sessions.json")
STEPS_FILE = "/tmp/reprobe16/var/probe-steps.json"


def _last_step(username):
    """The last time step whose code this user's device accepted (django-otp refuses it and any before)."""
    import subprocess

    out = subprocess.run(
        [
            "psql",
            "-h",
            "127.0.0.1",
            "-U",
            "postgres",
            "-d",
            os.environ.get("PROBE_DB", "reprobe16"),
            "-At",
            "-c",
            "select d.last_t from otp_totp_totpdevice d join accounts_user u on u.id=d.user_id "
            f"where u.username='{username}'",
        ],
        capture_output=True,
        text=True,
    ).stdout.strip()
    return int(out or 0)


def _set_last_step(username, step):
    import json

    d = json.load(open(STEPS_FILE)) if os.path.exists(STEPS_FILE) else {}
    d[username] = step
    json.dump(d, open(STEPS_FILE, "w"))


SECRETS_FILE = os.environ.get("PROBE_SECRETS", "/tmp/reprobe16/var/probe-totp.json")
SECRETS = {}  # username -> base32 TOTP secret, learnt at set-up


def _load_secrets():
    import json

    if os.path.exists(SECRETS_FILE):
        SECRETS.update(json.load(open(SECRETS_FILE)))


def _save_secrets():
    import json

    json.dump(SECRETS, open(SECRETS_FILE, "w"))


_load_secrets()


def load_logins(path=os.environ.get("PROBE_LOGINS", "/tmp/reprobe16/var/demo-logins.txt")):
    for line in open(path):
        parts = line.split()
        if len(parts) >= 2:
            LOGINS[parts[0]] = parts[1]


class Policy(http.cookiejar.DefaultCookiePolicy):
    def return_ok_secure(self, cookie, request):
        return True

    def set_ok(self, cookie, request):
        return True


# requests copies the session's cookies into a fresh jar for each request, so the policy is patched globally
http.cookiejar.DefaultCookiePolicy.return_ok_secure = lambda self, cookie, request: True


def totp(secret_b32, t=None, step=30, digits=6):
    key = base64.b32decode(secret_b32.replace(" ", "").upper())
    counter = int((t or time.time()) // step)
    mac = hmac.new(key, struct.pack(">Q", counter), hashlib.sha1).digest()
    off = mac[-1] & 0x0F
    code = (struct.unpack(">I", mac[off : off + 4])[0] & 0x7FFFFFFF) % 10**digits
    return f"{code:0{digits}d}"


class Client:
    def __init__(self, username=None):
        self.s = requests.Session()
        self.s.cookies.set_policy(Policy())
        self.s.headers["X-Forwarded-Proto"] = "https"
        self.username = username
        self.last = None

    _slots = {}

    def url(self, path):
        return path if path.startswith("http") else BASE + path

    def get(self, path, **kw):
        kw.setdefault("allow_redirects", True)
        r = self.s.get(self.url(path), timeout=120, **kw)
        self.last = r
        return r

    def post(self, path, data, files=None, referer=None, **kw):
        kw.setdefault("allow_redirects", False)
        headers = {"Referer": (referer or self.url(path)).replace("http://", "https://", 1)}
        r = self.s.post(self.url(path), data=data, files=files, headers=headers, timeout=300, **kw)
        self.last = r
        return r

    # --- forms ------------------------------------------------------------------------------------
    @staticmethod
    def form_fields(html, index=None, match=None):
        doc = lxml.html.fromstring(html)
        forms = [f for f in doc.forms if f.method.upper() == "POST" and "sign-out" not in (f.action or "")]
        if match:
            forms = [f for f in forms if match in (f.action or "")]
        form = forms[index or 0] if index is None else forms[index]
        if index is None and len(forms) > 1:
            # the main form: the one with the most fields
            form = max(forms, key=lambda f: len(f.inputs))
        data = {}
        for el in form.inputs:
            name = el.name
            if not name:
                continue
            tag = el.tag
            typ = (el.get("type") or "").lower()
            if tag == "input" and typ in ("checkbox", "radio"):
                if el.checked:
                    data[name] = el.get("value", "on")
                continue
            if tag == "input" and typ in ("submit", "file"):
                continue
            if tag == "select":
                opts = el.xpath(".//option")
                sel = [o for o in opts if o.get("selected") is not None]
                data[name] = (sel[0] if sel else opts[0]).get("value", "") if opts else ""
                continue
            data[name] = el.value or ""
        return data, form

    @staticmethod
    def options(html, name):
        doc = lxml.html.fromstring(html)
        return [(o.get("value"), o.text_content().strip()) for o in doc.xpath(f'//select[@name="{name}"]//option')]

    @staticmethod
    def radios(html, name):
        doc = lxml.html.fromstring(html)
        return [e.get("value") for e in doc.xpath(f'//input[@name="{name}"]')]

    def submit(self, path, values, files=None, match=None, html=None, follow=False):
        """GET the form at `path`, keep its hidden and default fields, set `values`, POST it."""
        if html is None:
            page = self.get(path)
            html = page.text
            action_url = page.url
        else:
            action_url = self.url(path)
        data, form = self.form_fields(html, match=match)
        data.update(values)
        target = urljoin(action_url, form.action) if form.action else action_url
        return self.post(target, data, files=files, allow_redirects=follow)

    # --- sign in ----------------------------------------------------------------------------------
    def sign_in(self, username=None, password=None, slot=None, fresh=False):
        """Sign in, or reuse this user's saved session `slot` (each slot is a separate browser)."""
        import json

        username = username or self.username
        if slot is None:
            Client._slots[username] = Client._slots.get(username, -1) + 1
            slot = Client._slots[username]
        key = f"{username}#{slot}"
        cache = json.load(open(SESSIONS_FILE)) if os.path.exists(SESSIONS_FILE) else {}
        if not fresh and key in cache:
            for k, v in cache[key].items():
                self.s.cookies.set(k, v, domain="127.0.0.1", path="/")
            r = self.get("/")
            if "/sign-in/" not in r.url:
                self.username = username
                return r
            self.s.cookies.clear()
        r = self._sign_in(username, password)
        cache = json.load(open(SESSIONS_FILE)) if os.path.exists(SESSIONS_FILE) else {}
        cache[key] = {c.name: c.value for c in self.s.cookies}
        json.dump(cache, open(SESSIONS_FILE, "w"))
        return r

    def _sign_in(self, username=None, password=None):
        username = username or self.username
        self.username = username
        password = password or LOGINS[username]
        r = self.submit("/sign-in/", {"username": username, "password": password}, follow=True)
        if "/sign-in/two-factor/set-up/" in r.url:
            m = re.search(r"font-tabular-numbers[^>]*>\s*([A-Z2-7 ]+)\s*<", r.text)
            SECRETS[username] = m.group(1).strip()
            _save_secrets()
            r = self.submit(r.url, {"code": totp(SECRETS[username])}, html=r.text, follow=True)
        elif "/sign-in/two-factor/" in r.url:
            # a code is used once: wait for a fresh one if this user signed in during this step already
            step = int(time.time() // 30)
            while _last_step(username) >= step:
                time.sleep(1)
                step = int(time.time() // 30)
            _set_last_step(username, step)
            r = self.submit(r.url, {"code": totp(SECRETS[username])}, html=r.text, follow=True)
        if "/sign-in/" in r.url:
            raise RuntimeError(f"{username} could not sign in: {errors(r.text)}")
        return r


def errors(html):
    """The error summary's messages, if any."""
    doc = lxml.html.fromstring(html)
    items = doc.xpath('//div[contains(@class,"govuk-error-summary")]//li') or doc.xpath(
        '//*[contains(@class,"govuk-error-message")]'
    )
    return [re.sub(r"\s+", " ", i.text_content()).strip() for i in items]


def banner(html):
    doc = lxml.html.fromstring(html)
    items = doc.xpath('//div[contains(@class,"govuk-notification-banner")]')
    return [re.sub(r"\s+", " ", i.text_content()).strip()[:200] for i in items]
