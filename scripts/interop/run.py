#!/usr/bin/env python3
"""Interop check with the real tools (issue 19); `make interop` runs it after the
`interop_export` example has written claimtag's exports of five fixture articles into
target/interop/out (see examples/interop_export.rs).

What it does, all on this machine:
- installs the tools, pinned, into target/interop: one virtual environment per Python tool under
  target/interop/venv/ (doccano and Label Studio pin different Django majors, so they cannot share
  one), and @recogito/text-annotator, esbuild and playwright-core from npm into target/interop/node;
- doccano: starts its web server (gunicorn) and task queue (celery) on 127.0.0.1, creates a
  sequence-labelling project that allows overlapping spans, imports the doccano JSONL export
  through its upload API, reads the spans back through its API and slices the example text the
  way its browser front end does (UTF-16 code units, JavaScript strings);
- Label Studio: starts it on 127.0.0.1, creates a project, imports the Label Studio tasks through
  its import API, then opens each task's labeling page in headless Chromium and reads the text
  of every highlighted region (falls back to the export API, sliced in code points, if the page
  cannot be read);
- spaCy: `Doc.char_span` on a blank English tokenizer (strict, then alignment_mode="expand"),
  then a `DocBin` round trip;
- brat: every `.ann` T line's offsets slice the `.txt` (code points) to the expected text;
- W3C: loads each W3C export into a minimal page with @recogito/text-annotator (bundled with
  esbuild) in headless Chromium and reads the DOM range of every highlight.

A span counts as right when the characters the tool puts under it equal the expected text
(expected.json, written by the example). Prints one table row per tool: tool, version, spans on
the right characters (N / total). Every server it starts runs in its own process group and is
stopped by its pid in a `finally`, also when a step fails.
"""

from http.cookiejar import CookieJar
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
WORK = ROOT / "target" / "interop"
OUT = WORK / "out"
VENVS = WORK / "venv"
NODE = WORK / "node"
LOGS = WORK / "logs"
HERE = Path(__file__).resolve().parent
CHROMIUM = "/usr/bin/chromium"

PYPI = {
    # doccano 1.8.4 leaves two pins open that break it today: environs 9.5 reads
    # marshmallow.__version_info__ (gone in marshmallow 4), and pandas 1.5 is built against numpy 1
    "doccano": ["doccano==1.8.4", "marshmallow==3.26.2", "numpy==1.26.4"],
    "label-studio": ["label-studio==1.23.2"],
    "spacy": ["spacy==3.8.18"],
}
NPM = ["@recogito/text-annotator@4.1.1", "esbuild@0.28.2", "playwright-core@1.65.1"]
USER, PASSWORD, EMAIL = "interop", "interop-local-only", "interop@example.com"

started = []  # Popen of every server started, stopped by pid in stop_all()
rows = []  # (tool, version, right, total, remark)


def log(msg):
    print(f"[interop {time.strftime('%H:%M:%S')}] {msg}", flush=True)


def run(cmd, **kw):
    log("$ " + " ".join(str(c) for c in cmd))
    return subprocess.run(cmd, check=True, **kw)


# ---------------------------------------------------------------- install


def install():
    """Creates the venvs and the npm folder when missing, all installs in parallel."""
    LOGS.mkdir(parents=True, exist_ok=True)
    jobs = []
    for name, pins in PYPI.items():
        venv = VENVS / name
        marker = venv / ".installed"
        if marker.exists() and marker.read_text() == " ".join(pins):
            continue
        if not (venv / "bin" / "python").exists():
            run([sys.executable, "-m", "venv", str(venv)])
        cmd = f"'{venv}/bin/pip' install -q {' '.join(pins)} && printf %s '{' '.join(pins)}' > '{marker}'"
        jobs.append((name, time.time(), subprocess.Popen(["bash", "-c", cmd], stdout=open(LOGS / f"pip-{name}.log", "w"), stderr=subprocess.STDOUT)))
    marker = NODE / ".installed"
    if not (marker.exists() and marker.read_text() == " ".join(NPM)):
        NODE.mkdir(parents=True, exist_ok=True)
        (NODE / "package.json").write_text('{"name": "claimtag-interop", "private": true, "type": "module"}\n')
        cmd = f"npm install --no-audit --no-fund {' '.join(NPM)} && printf %s '{' '.join(NPM)}' > .installed"
        jobs.append(("npm", time.time(), subprocess.Popen(["bash", "-c", cmd], cwd=NODE, stdout=open(LOGS / "npm.log", "w"), stderr=subprocess.STDOUT)))
    failed = {}
    for name, t0, proc in jobs:
        rc = proc.wait()
        log(f"install {name}: exit {rc} in {time.time() - t0:.0f} s (log: {LOGS}/{'npm' if name == 'npm' else 'pip-' + name}.log)")
        if rc != 0:
            failed[name] = rc
    return failed


def pip_version(venv, package):
    out = subprocess.run([str(VENVS / venv / "bin" / "python"), "-c", f"import importlib.metadata as m; print(m.version('{package}'))"], capture_output=True, text=True)
    return out.stdout.strip() or "?"


def npm_version(package):
    try:
        return json.loads((NODE / "node_modules" / package / "package.json").read_text())["version"]
    except OSError:
        return "?"


# ---------------------------------------------------------------- servers


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(name, cmd, **kw):
    """Starts a server in its own process group; stop_all() ends it by its pid."""
    logf = open(LOGS / f"{name}.log", "w")
    proc = subprocess.Popen(cmd, stdout=logf, stderr=subprocess.STDOUT, start_new_session=True, **kw)
    log(f"started {name}: pid {proc.pid}")
    started.append((name, proc))
    return proc


def stop_all():
    for name, proc in reversed(started):
        if proc.poll() is None:
            log(f"stopping {name} (pid {proc.pid})")
            try:
                os.killpg(proc.pid, signal.SIGTERM)  # the group led by this pid: the server and its workers
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
            except ProcessLookupError:
                pass
    started.clear()


def http(method, url, body=None, headers=None, raw=False):
    headers = dict(headers or {})
    data = None
    if body is not None:
        if isinstance(body, bytes):
            data = body
        else:
            data = json.dumps(body).encode()
            headers.setdefault("Content-Type", "application/json")
    req = urllib.request.Request(url, data=data, headers=headers, method=method)
    try:
        with urllib.request.urlopen(req, timeout=120) as resp:
            text = resp.read().decode()
    except urllib.error.HTTPError as e:
        raise RuntimeError(f"{method} {url}: HTTP {e.code}: {e.read().decode()[:500]}") from None
    return text if raw else (json.loads(text) if text else None)


def wait_http(url, proc, seconds):
    deadline = time.time() + seconds
    while time.time() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited with {proc.returncode} before answering {url}")
        try:
            urllib.request.urlopen(url, timeout=5)
            return
        except urllib.error.HTTPError:
            return  # it answers
        except OSError:
            time.sleep(1)
    raise RuntimeError(f"no answer from {url} in {seconds} s")


def multipart(field, filename, content):
    boundary = uuid.uuid4().hex
    body = (
        f"--{boundary}\r\nContent-Disposition: form-data; name=\"{field}\"; filename=\"{filename}\"\r\n"
        "Content-Type: application/octet-stream\r\n\r\n"
    ).encode() + content + f"\r\n--{boundary}--\r\n".encode()
    return body, {"Content-Type": f"multipart/form-data; boundary={boundary}"}


def utf16_slice(text, start, end):
    return text.encode("utf-16-le")[2 * start : 2 * end].decode("utf-16-le", errors="replace")


def count(expected_spans, got_spans):
    """How many expected (label, text) pairs the tool has, each matched once."""
    pool = list(got_spans)
    right = 0
    for want in expected_spans:
        if want in pool:
            pool.remove(want)
            right += 1
    return right


# ---------------------------------------------------------------- the tools


def files_of(expected, manifest, fmt, suffix):
    for key in expected:
        for name in manifest[key].get(fmt, []):
            if name.endswith(suffix):
                yield key, OUT / key / name


def check_doccano(expected, manifest):
    version = pip_version("doccano", "doccano")
    venv = VENVS / "doccano"
    backend = Path(subprocess.run([str(venv / "bin" / "python"), "-c", "import backend, os; print(os.path.dirname(backend.__file__))"], capture_output=True, text=True, check=True).stdout.strip())
    home = WORK / "doccano-home"
    env = dict(os.environ, DOCCANO_HOME=str(home), STANDALONE="True", DEBUG="False",
               DJANGO_SETTINGS_MODULE="config.settings.production",
               DATABASE_URL=f"sqlite:///{home}/db.sqlite3", MEDIA_ROOT=str(home / "media"))
    if home.exists():
        subprocess.run(["rm", "-rf", str(home)], check=True)
    home.mkdir(parents=True)
    run([str(venv / "bin" / "doccano"), "init"], env=env, stdout=open(LOGS / "doccano-init.log", "w"), stderr=subprocess.STDOUT)
    run([str(venv / "bin" / "doccano"), "createuser", "--username", USER, "--password", PASSWORD, "--email", EMAIL], env=env, stdout=subprocess.DEVNULL)
    out = subprocess.run([str(venv / "bin" / "python"), "manage.py", "drf_create_token", USER], cwd=backend, env=env, capture_output=True, text=True, check=True).stdout
    token = out.split()[2]  # "Generated token KEY for user interop"
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    web = start("doccano-web", [str(venv / "bin" / "gunicorn"), "--bind", f"127.0.0.1:{port}", "--workers", "2", "--chdir", str(backend), "config.wsgi"], env=env)
    start("doccano-tasks", [str(venv / "bin" / "doccano"), "task", "--concurrency", "1"], env=env)
    wait_http(f"{base}/v1/health/", web, 120)
    auth = {"Authorization": f"Token {token}"}
    results = {}
    for overlapping in (True, False):
        project = http("POST", f"{base}/v1/projects", {
            "name": f"claimtag interop{'' if overlapping else ' (no overlapping spans)'}", "description": "claimtag exports",
            "guideline": "", "project_type": "SequenceLabeling", "resourcetype": "SequenceLabelingProject",
            "allow_overlapping": overlapping, "use_relation": False, "random_order": False,
            "collaborative_annotation": False, "grapheme_mode": False, "tags": [],
        }, auth)
        results[overlapping] = (project["id"], *read_doccano(base, auth, project["id"], expected, manifest))
    pid, right, total, kept, examples, _ = results[True]
    _, right_no, _, kept_no, _, errors_no = results[False]
    shots = subprocess.run(["node", str(HERE / "doccano_ui.mjs"), base, USER, PASSWORD, str(pid), str(len(examples))],
                           cwd=NODE, capture_output=True, text=True, timeout=600, env=dict(os.environ, INTEROP_NODE=str(NODE)))
    (LOGS / "doccano-ui.log").write_text(shots.stdout + shots.stderr)
    remark = f"labeling pages: {LOGS.relative_to(ROOT)}/doccano-N.png" if shots.returncode == 0 else "labeling pages could not be opened"
    rows.append(("doccano (import API; spans read back by API, sliced in UTF-16 as its front end does)", version, right, total, remark))
    rows.append(("doccano, a project without \"allow overlapping spans\"", version, right_no, total,
                 f"{kept_no} of {kept} spans kept; import errors reported by doccano: {errors_no}"))
    return base, pid


def read_doccano(base, auth, pid, expected, manifest):
    """Imports every doccano export into project `pid`; returns right, total, spans kept, examples
    and the number of errors doccano's import reported."""
    errors = 0
    for key, path in files_of(expected, manifest, "Doccano", ".jsonl"):
        body, headers = multipart("filepond", path.name, path.read_bytes())
        upload = http("POST", f"{base}/v1/fp/process/", body, {**auth, **headers}, raw=True).strip()
        task = http("POST", f"{base}/v1/projects/{pid}/upload", {
            "format": "JSONL", "task": "SequenceLabeling", "uploadIds": [upload],
            "column_data": "text", "column_label": "label", "encoding": "utf_8",
        }, auth)
        for _ in range(120):
            status = http("GET", f"{base}/v1/tasks/status/{task['task_id']}", headers=auth)
            if status.get("ready"):
                break
            time.sleep(1)
        else:
            raise RuntimeError(f"doccano import of {path.name} did not finish")
        if status.get("result", {}).get("error"):
            errors += len(status["result"]["error"])
            log(f"doccano import of {path.name} reported: {status['result']['error']}")
    types = {t["id"]: t["text"] for t in http("GET", f"{base}/v1/projects/{pid}/span-types", headers=auth)}
    examples = http("GET", f"{base}/v1/projects/{pid}/examples?limit=100", headers=auth)["results"]
    right = total = kept = 0
    by_text = {e["text"]: e for e in examples}
    for key, doc in expected.items():
        want = [(a["label"], a["text"]) for a in doc["annotations"]]
        total += len(want)
        example = by_text.get(doc["text"])
        if example is None:
            log(f"doccano: the text of {key} did not come back unchanged")
            continue
        spans = http("GET", f"{base}/v1/projects/{pid}/examples/{example['id']}/spans", headers=auth)
        kept += len(spans)
        got = [(types.get(s["label"]), utf16_slice(example["text"], s["start_offset"], s["end_offset"])) for s in spans]
        n = count(want, got)
        log(f"doccano project {pid} {key}: {len(spans)} spans imported, {n}/{len(want)} on the right characters")
        right += n
    return right, total, kept, examples, errors


def check_label_studio(expected, manifest):
    version = pip_version("label-studio", "label-studio")
    venv = VENVS / "label-studio"
    data = WORK / "label-studio-data"
    if data.exists():
        subprocess.run(["rm", "-rf", str(data)], check=True)
    data.mkdir(parents=True)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    token = uuid.uuid4().hex
    env = dict(os.environ, LABEL_STUDIO_BASE_DATA_DIR=str(data), LABEL_STUDIO_DISABLE_SIGNUP_WITHOUT_LINK="true",
               SENTRY_DSN="", FRONTEND_SENTRY_DSN="", COLLECT_ANALYTICS="false")
    server = start("label-studio", [str(venv / "bin" / "label-studio"), "start", "--no-browser", "--internal-host", "127.0.0.1",
                                    "--port", str(port), "--username", EMAIL, "--password", PASSWORD,
                                    "--user-token", token], env=env, cwd=data)
    wait_http(f"{base}/health", server, 600)
    enable_legacy_token(base)
    auth = {"Authorization": f"Token {token}"}
    config = ("<View><Labels name=\"label\" toName=\"text\"><Label value=\"FACT\"/><Label value=\"ALLEGATION\"/>"
              "<Label value=\"QUOTE\"/></Labels><Text name=\"text\" value=\"$text\"/></View>")
    files = list(files_of(expected, manifest, "LabelStudio", ".json"))
    control = WORK / "control" / "label-studio"
    control.mkdir(parents=True, exist_ok=True)
    control_files = []
    for key, path in files:
        tasks = json.loads(path.read_text(encoding="utf-8"))
        for task in tasks:
            results = [r for ann in task.get("annotations", []) for r in ann.get("result", [])]
            with_offsets(results, expected[key]["annotations"], lambda r: (r["value"]["labels"][0], r["value"]["text"]),
                         lambda r, a: r["value"].update(start=a["start"], end=a["end"]))
        control_files.append((key, control / path.name))
        control_files[-1][1].write_text(json.dumps(tasks, ensure_ascii=False), encoding="utf-8")
    for title, imports, row in [
        ("claimtag interop", files, "Label Studio (import API, then its labeling page in Chromium)"),
        ("claimtag interop control", control_files, "control: the same tasks with code point offsets from expected.json"),
    ]:
        project = http("POST", f"{base}/api/projects", {"title": title, "label_config": config}, auth)
        right, total, how = read_label_studio(base, auth, project["id"], imports, expected, row)
        remark = "its page draws CR and LF each as a line break: a CRLF text gets empty lines" if how == "page" else ""
        rows.append((row if how == "page" else row.replace("its labeling page in Chromium", "its export API (page unreadable)"), version, right, total, remark))


def with_offsets(items, annotations, key_of, set_offsets):
    """Gives each exported item the offsets of the expected annotation with its label and text."""
    pool = list(annotations)
    for item in items:
        match = next((a for a in pool if (a["label"], a["text"]) == key_of(item)), None)
        if match is not None:
            pool.remove(match)
            set_offsets(item, match)


def read_label_studio(base, auth, pid, imports, expected, row):
    for key, path in imports:
        body, headers = multipart("file", path.name, path.read_bytes())
        http("POST", f"{base}/api/projects/{pid}/import?commit_to_project=true", body, {**auth, **headers})
    tasks = http("GET", f"{base}/api/projects/{pid}/export?exportType=JSON&download_all_tasks=true", headers=auth)
    by_text = {t["data"]["text"]: t for t in tasks}
    # The labeling page, read in headless Chromium: the text of every highlighted region.
    plan = []
    for key, doc in expected.items():
        task = by_text.get(doc["text"])
        if task:
            plan.append({"key": key, "url": f"{base}/projects/{pid}/data?task={task['id']}", "regions": len(doc["annotations"])})
    ui = None
    try:
        result = subprocess.run(["node", str(HERE / "label_studio_ui.mjs"), base, EMAIL, PASSWORD, json.dumps(plan)],
                                cwd=NODE, capture_output=True, text=True, timeout=600, env=dict(os.environ, INTEROP_NODE=str(NODE)))
        (LOGS / f"label-studio-ui-{pid}.log").write_text(result.stdout + result.stderr)
        if result.returncode == 0:
            ui = json.loads(result.stdout.strip().splitlines()[-1])
        else:
            log(f"Label Studio page could not be read (exit {result.returncode}); see {LOGS}/label-studio-ui-{pid}.log")
    except (subprocess.TimeoutExpired, ValueError, IndexError) as e:
        log(f"Label Studio page could not be read: {e}")
    right = total = 0
    for key, doc in expected.items():
        want = [(a["label"], a["text"]) for a in doc["annotations"]]
        total += len(want)
        task = by_text.get(doc["text"])
        if task is None:
            log(f"Label Studio: the text of {key} did not come back unchanged")
            continue
        if ui is not None:
            # the page draws CR and LF each as a line break (<br>), read back as "\n"
            want = [(label, text.replace("\r", "\n")) for label, text in want]
            got = [tuple(r) for r in ui.get(key, [])]
        else:
            results = [r for ann in task.get("annotations", []) for r in ann.get("result", [])]
            got = [(r["value"]["labels"][0], doc["text"][r["value"]["start"]:r["value"]["end"]]) for r in results]
        n = count(want, got)
        log(f"{row.split(' (')[0]} {key}: {len(got)} regions drawn, {n}/{len(want)} on the right characters")
        right += n
    return right, total, "page" if ui is not None else "api"


def enable_legacy_token(base):
    """Label Studio 1.23 refuses the token given with --user-token (a "legacy" token) until the
    organisation allows them: sign in as the user would, then switch them on in its settings API."""
    jar = CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    opener.open(f"{base}/user/login/", timeout=60).read()
    csrf = lambda: next(c.value for c in jar if c.name == "csrftoken")
    form = urllib.parse.urlencode({"csrfmiddlewaretoken": csrf(), "email": EMAIL, "password": PASSWORD}).encode()
    opener.open(urllib.request.Request(f"{base}/user/login/", data=form, headers={"Referer": f"{base}/user/login/"}), timeout=60).read()
    body = json.dumps({"api_tokens_enabled": True, "legacy_api_tokens_enabled": True}).encode()
    req = urllib.request.Request(f"{base}/api/jwt/settings", data=body, method="POST", headers={
        "Content-Type": "application/json", "X-CSRFToken": csrf(), "Referer": f"{base}/"})
    log(f"Label Studio token settings: {opener.open(req, timeout=60).read().decode()}")


def check_spacy(expected, manifest):
    version = pip_version("spacy", "spacy")
    files = {key: str(path) for key, path in files_of(expected, manifest, "Spacy", ".jsonl")}
    out = subprocess.run([str(VENVS / "spacy" / "bin" / "python"), str(HERE / "spacy_check.py"), str(OUT / "expected.json"), json.dumps(files)],
                         capture_output=True, text=True)
    (LOGS / "spacy.log").write_text(out.stdout + out.stderr)
    if out.returncode != 0:
        raise RuntimeError(f"spacy_check.py exited {out.returncode}: {out.stderr[-800:]}")
    result = json.loads(out.stdout.strip().splitlines()[-1])
    remark = f"{result['expanded']} need alignment_mode=\"expand\"" if result["expanded"] else ""
    rows.append(("spaCy (Doc.char_span, DocBin round trip)", version, result["right"], result["total"], remark))


def check_brat(expected, manifest):
    right = total = with_cr = 0
    for key, doc in expected.items():
        want = [(a["label"], a["text"]) for a in doc["annotations"]]
        total += len(want)
        names = manifest[key].get("Brat", [])
        txt = next((OUT / key / n for n in names if n.endswith(".txt")), None)
        ann = next((OUT / key / n for n in names if n.endswith(".ann")), None)
        if not txt or not ann:
            continue
        text = txt.read_bytes().decode("utf-8")  # no newline translation: brat counts \r too
        got = []
        for line in ann.read_bytes().decode("utf-8").split("\n"):
            if not line.startswith("T"):
                continue
            if "\r" in line:
                # a fragment ends in the CR of a CRLF, and the T line's text column carries it:
                # a reader that takes CR as a line end (Python's text mode) cuts this line in two
                with_cr += 1
            _, type_offsets, _ = line.split("\t", 2)
            label, offsets = type_offsets.split(" ", 1)
            frags = [tuple(map(int, f.split())) for f in offsets.split(";")]
            # fragments are cut at line breaks; what they cover is the text from first to last
            got.append((label, text[frags[0][0]:frags[-1][1]]))
        n = count(want, got)
        log(f"brat {key}: {len(got)} T lines, {n}/{len(want)} on the right characters")
        right += n
    remark = f"{with_cr} T lines carry a CR inside the line: fragments are cut after the CR of a CRLF" if with_cr else ""
    rows.append(("brat standoff (.ann T lines sliced from .txt)", "-", right, total, remark))


def check_w3c(expected, manifest):
    version = npm_version("@recogito/text-annotator")
    formats = sorted({fmt for key in expected for fmt in manifest[key] if fmt.startswith("W3c")})
    runs = [(f"Recogito text-annotator, {fmt} export (highlight ranges in Chromium)",
             list(files_of(expected, manifest, fmt, ".jsonld"))) for fmt in formats]
    # control: the first W3C export with its TextPositionSelectors set to the UTF-16 offsets of
    # expected.json, which checks the page and the reading, whatever unit the exports use
    control = WORK / "control" / "w3c"
    control.mkdir(parents=True, exist_ok=True)
    control_files = []
    for key, path in runs[0][1] if runs else []:
        collection = json.loads(path.read_text(encoding="utf-8"))
        items = collection["first"]["items"]

        def quote(item):
            tags = [b["value"] for b in item["body"] if b.get("purpose") == "tagging"]
            exact = next(s["exact"] for s in item["target"]["selector"] if s["type"] == "TextQuoteSelector")
            return (tags[0] if tags else None, exact)

        def set_position(item, a):
            for sel in item["target"]["selector"]:
                if sel["type"] == "TextPositionSelector":
                    sel.update(start=a["utf16_start"], end=a["utf16_end"])

        with_offsets(items, expected[key]["annotations"], quote, set_position)
        (control / path.name).write_text(json.dumps(collection, ensure_ascii=False), encoding="utf-8")
        control_files.append((key, control / path.name))
    runs.append(("control: the first W3C export with UTF-16 positions from expected.json", control_files))
    for row, files in runs:
        plan = [{"key": key, "file": str(path), "text": expected[key]["text"]} for key, path in files]
        result = subprocess.run(["node", str(HERE / "recogito.mjs"), json.dumps(plan)], cwd=NODE, capture_output=True, text=True, timeout=600,
                                env=dict(os.environ, INTEROP_NODE=str(NODE)))
        (LOGS / f"recogito-{len(rows)}.log").write_text(result.stdout + result.stderr)
        if result.returncode != 0:
            raise RuntimeError(f"recogito.mjs exited {result.returncode}: {result.stderr[-800:]}")
        got_all = json.loads(result.stdout.strip().splitlines()[-1])
        right = total = 0
        for key, doc in expected.items():
            want = [(a["label"], a["text"]) for a in doc["annotations"]]
            total += len(want)
            got = [tuple(g) for g in got_all.get(key, [])]
            n = count(want, got)
            log(f"{row.split(' (')[0]} {key}: {len(got)} highlights, {n}/{len(want)} on the right characters")
            right += n
        rows.append((row, version, right, total, ""))


def main():
    if not (OUT / "expected.json").exists():
        sys.exit(f"{OUT}/expected.json is missing: run `cargo run --example interop_export` first")
    expected = json.loads((OUT / "expected.json").read_text())
    manifest = json.loads((OUT / "manifest.json").read_text())
    t0 = time.time()
    failed_installs = install()
    log(f"installs done in {time.time() - t0:.0f} s")
    checks = [("doccano", check_doccano, "doccano"), ("Label Studio", check_label_studio, "label-studio"),
              ("spaCy", check_spacy, "spacy"), ("brat", check_brat, None), ("W3C / Recogito", check_w3c, "npm")]
    only = [a.lower() for a in sys.argv[1:]]  # e.g. `run.py spacy brat` checks only those
    failures = []
    for name, check, needs in checks:
        if only and not any(o in name.lower() for o in only):
            continue
        if needs in failed_installs:
            failures.append((name, f"install failed (see {LOGS})"))
            continue
        try:
            check(expected, manifest)
        except Exception as e:  # one tool failing must not stop the others
            failures.append((name, str(e)))
            log(f"{name} failed: {e}")
        finally:
            stop_all()
    print()
    print("| tool | version | spans on the right characters |")
    print("|---|---|---|")
    for tool, version, right, total, remark in rows:
        print(f"| {tool} | {version} | {right} / {total}{' (' + remark + ')' if remark else ''} |")
    for name, why in failures:
        print(f"| {name} | - | not checked: {why.splitlines()[0][:300]} |")
    return 1 if failures else 0


if __name__ == "__main__":
    try:
        code = main()
    finally:
        stop_all()
    sys.exit(code)
