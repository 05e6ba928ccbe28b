#!/usr/bin/env python3
"""Takes the screenshots in docs/screenshots/: each role's home, the impact
dashboard, a fishbone and a value stream map, on a desktop and a phone, from
the demo programme. Run by scripts/screenshots, which starts Ymarfer and
ChromeDriver; this file drives the browser through the WebDriver protocol
(standard library only).

Usage: screenshots.py BASE_URL DRIVER_URL OUT_DIR [--all]

By default it takes the handful the README shows, each one screen high (small
files, committed); with --all, every page below, whole, for review.
"""

import base64
import json
import sys
import time
import urllib.request

BASE, DRIVER, OUT = sys.argv[1], sys.argv[2], sys.argv[3]
ALL = "--all" in sys.argv[4:]
PASSWORD = "ymarfer-demo-2026"
SIZES = {"desktop": (1280, 900), "phone": (390, 844)}


def call(method, path, body=None):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(
        DRIVER + path, data=data, method=method, headers={"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(req, timeout=60) as res:
        return json.load(res)["value"]


def session(width, height):
    caps = {
        "capabilities": {
            "alwaysMatch": {
                "browserName": "chrome",
                "goog:chromeOptions": {
                    "args": [
                        "--headless=new",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-dev-shm-usage",
                        "--disable-background-networking",
                        "--hide-scrollbars",
                        f"--window-size={width},{height}",
                    ]
                },
            }
        }
    }
    return call("POST", "/session", caps)["sessionId"]


def go(sid, path):
    call("POST", f"/session/{sid}/url", {"url": BASE + path})


def js(sid, script, *args):
    return call("POST", f"/session/{sid}/execute/sync", {"script": script, "args": list(args)})


def sign_in(sid, email, lang):
    go(sid, f"/{lang}/sign-in")
    js(
        sid,
        "document.querySelector('#email').value = arguments[0];"
        "document.querySelector('#password').value = arguments[1];"
        "document.querySelector('#password').form.submit();",
        email,
        PASSWORD,
    )
    # Wait for the signed-in home.
    for _ in range(50):
        if "sign-in" not in js(sid, "return location.pathname;") and js(
            sid, "return document.readyState;"
        ) == "complete":
            return
        time.sleep(0.1)
    raise SystemExit(f"could not sign in as {email}")


def shoot(sid, name, width, whole=True):
    """A picture of the page at the window's width: the whole page, however
    long, or the first screen."""
    height = js(
        sid,
        "return arguments[0] ? document.documentElement.scrollHeight : window.innerHeight;",
        whole,
    )
    cdp = f"/session/{sid}/goog/cdp/execute"
    call(
        "POST",
        cdp,
        {
            "cmd": "Emulation.setDeviceMetricsOverride",
            "params": {
                "width": width,
                "height": int(height),
                "deviceScaleFactor": 1,
                "mobile": width < 600,
            },
        },
    )
    png = call("POST", cdp, {"cmd": "Page.captureScreenshot", "params": {"format": "png"}})[
        "data"
    ]
    call("POST", cdp, {"cmd": "Emulation.clearDeviceMetricsOverride", "params": {}})
    path = f"{OUT}/{name}.png"
    with open(path, "wb") as f:
        f.write(base64.b64decode(png))
    print(path)


# (who, language, what, path or None for the home page)
SHOTS = [
    ("participant", "cy", "home-participant", "/cy"),
    ("facilitator", "en", "home-facilitator", "/en"),
    ("manager", "cy", "home-manager", "/cy"),
    ("observer", "en", "home-observer", "/en"),
    ("observer", "en", "impact-dashboard", "/en/programmes/ceic-demo/impact"),
    ("manager", "cy", "impact-dashboard-cy", "/cy/programmes/ceic-demo/impact"),
    ("participant", "cy", "fishbone", "PROJECT/tools/fishbone"),
    ("participant", "en", "value-stream-map", "PROJECT/tools/value-stream-map"),
    ("participant", "cy", "project", "PROJECT"),
    ("manager", "cy", "funnel-cy", "/cy/programmes/ceic-demo/funnel"),
    ("manager", "en", "leads", "/en/programmes/ceic-demo/leads"),
    ("manager", "en", "audit", "/en/programmes/ceic-demo/audit"),
    ("anyone", "cy", "health-check-cy", "/cy/health-check"),
    ("participant", "cy", "space-cy", "/cy/programmes/ceic-demo/cohorts/north-wales/space"),
    ("manager", "en", "space", "/en/programmes/ceic-demo/cohorts/west-wales/space"),
    ("participant", "cy", "log-cy", "/cy/log"),
    ("anyone", "en", "showcase", "/en/programmes/ceic-demo/showcase"),
    ("facilitator", "en", "engagement", "/en/programmes/ceic-demo/cohorts/north-wales/engagement"),
    ("facilitator", "en", "alumni", "/en/programmes/ceic-demo/alumni"),
    ("participant", "cy", "search-cy", "/cy/search?q=kanban"),
    ("manager", "en", "tokens", "/en/profile/tokens"),
    ("anyone", "cy", "api-cy", "/cy/api"),
    ("manager", "cy", "scenarios-cy", "/cy/programmes/ceic-demo/scenarios"),
    ("manager", "en", "scenarios", "/en/programmes/ceic-demo/scenarios"),
    ("manager", "cy", "tokens-cy", "/cy/profile/tokens"),
    ("admin", "en", "mail-queue", "/en/admin/mail"),
    ("anyone", "en", "health-check-question", "CHECK/4"),
]


# What the README shows: (size, who, language, name, path).
README = [
    ("phone", "anyone", "cy", "health-check-cy", "CHECK/4"),
    ("phone", "participant", "cy", "home-participant-cy", "/cy"),
    ("desktop", "participant", "en", "fishbone", "PROJECT/tools/fishbone"),
    ("desktop", "facilitator", "en", "space", "/en/programmes/ceic-demo/cohorts/north-wales/space"),
    ("desktop", "manager", "en", "impact-dashboard", "/en/programmes/ceic-demo/impact"),
    ("phone", "manager", "cy", "impact-dashboard-cy", "/cy/programmes/ceic-demo/impact"),
]


def main():
    if not ALL:
        for size, who, lang, name, path in README:
            take(size, [(who, lang, name, path)], whole=False)
        return
    for size in SIZES:
        take(size, SHOTS, whole=True)


def take(size, shots, whole):
    width, height = SIZES[size]
    signed_in = None
    sid = None
    for who, lang, name, path in shots:
        if signed_in != who:
            if sid:
                call("DELETE", f"/session/{sid}")
            sid = session(width, height)
            if who != "anyone":
                sign_in(sid, f"{who}@ymarfer.demo", lang)
            signed_in = who
            project = js(
                sid,
                "var a = document.querySelector('main a[href*=\"/projects/\"]');"
                "return a ? new URL(a.href).pathname : null;",
            )
        if path.startswith("PROJECT"):
            if not project:
                raise SystemExit(f"{who} has no project on their home page")
            base = project.replace("/cy/", f"/{lang}/").replace("/en/", f"/{lang}/")
            path = path.replace("PROJECT", base.split("#")[0])
        if path.startswith("CHECK"):
            # A health check begun by the visitor, at one of its questions.
            go(sid, f"/{lang}/health-check")
            js(sid, "document.querySelector('main form').submit();")
            time.sleep(0.5)
            begun = js(sid, "return location.pathname;").rsplit("/", 1)[0]
            path = path.replace("CHECK", begun)
        go(sid, path)
        shoot(sid, f"{name}-{size}" if whole else name, width, whole)
    if sid:
        call("DELETE", f"/session/{sid}")


main()
