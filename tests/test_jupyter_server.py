"""The notebooks as JupyterLab users open them: through a Jupyter server's REST API and a kernel it starts.

A Jupyter server (the one JupyterLab runs on; Lab itself stays in the ``dev`` extra) is started on
loopback, on a port the OS picks, with a random token and its own empty config and runtime folders. The
test lists and opens every numbered notebook through ``/api/contents``, validates each with nbformat,
starts a ``python3`` kernel for one notebook through ``/api/sessions`` and runs, over the kernel's
websocket, a probe of the environment and that notebook's first code cell (its imports). Then it shuts
the server down through ``/api/shutdown`` and checks that the server and the kernel are gone.
"""

from __future__ import annotations

import json
import os
import secrets
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import nbformat
import pytest
import websocket  # websocket-client, a dependency of jupyter_server

from conftest import ROOT
from newsdesk.show.site import notebook_paths

NOTEBOOKS = ROOT / "notebooks"
STARTUP_SECONDS = 60
KERNEL_SECONDS = 120


@dataclass(frozen=True)
class Server:
    process: subprocess.Popen[bytes]
    url: str  # http://127.0.0.1:PORT/
    token: str
    log: Path

    def request(self, method: str, path: str, body: object = None, *, token: bool = True) -> Any:
        data = None if body is None else json.dumps(body).encode("utf-8")
        request = urllib.request.Request(self.url + path.lstrip("/"), data=data, method=method)
        request.add_header("Content-Type", "application/json")
        if token:
            request.add_header("Authorization", f"token {self.token}")
        with urllib.request.urlopen(request, timeout=30) as response:
            text = response.read().decode("utf-8")
        return json.loads(text) if text else None

    def log_tail(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")[-3000:]


def stopped(process: subprocess.Popen[bytes], seconds: float) -> bool:
    try:
        process.wait(timeout=seconds)
    except subprocess.TimeoutExpired:
        return False
    return True


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    stat = Path(f"/proc/{pid}/stat")
    return not (stat.exists() and stat.read_text().split(")")[-1].split()[0] == "Z")  # a zombie is gone


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    home = tmp_path_factory.mktemp("jupyter")
    env = dict(os.environ)
    env.update(
        JUPYTER_RUNTIME_DIR=str(home / "runtime"),
        JUPYTER_CONFIG_DIR=str(home / "config"),  # no user config changes what is tested
        JUPYTER_PLATFORM_DIRS="1",
    )
    env.pop("MPLBACKEND", None)  # as in JupyterLab: the kernel picks matplotlib's inline backend
    token = secrets.token_hex(24)
    log = home / "server.log"
    command = [
        sys.executable,
        "-m",
        "jupyter_server",
        "--ServerApp.ip=127.0.0.1",
        "--ServerApp.port=0",
        "--ServerApp.port_retries=0",
        "--ServerApp.open_browser=False",
        "--ServerApp.allow_root=True",
        f"--ServerApp.root_dir={NOTEBOOKS}",
        f"--IdentityProvider.token={token}",
    ]
    with log.open("wb") as output:
        process = subprocess.Popen(
            command, stdout=output, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, env=env, start_new_session=True
        )
    try:
        info = None
        deadline = time.monotonic() + STARTUP_SECONDS
        while info is None and time.monotonic() < deadline and process.poll() is None:
            files = sorted((home / "runtime").glob(f"jpserver-{process.pid}.json"))
            info = json.loads(files[0].read_text()) if files else None
            time.sleep(0.2)
        if info is None:
            pytest.fail(f"the Jupyter server did not start within {STARTUP_SECONDS} s:\n{log.read_text()[-3000:]}")
        assert info["url"].startswith("http://127.0.0.1:"), info["url"]
        yield Server(process, info["url"], token, log)
    finally:
        if process.poll() is None:  # the test failed before shutting it down itself: end what we started
            os.killpg(process.pid, signal.SIGTERM)
            if not stopped(process, 20):
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()


def execute(server: Server, kernel_id: str, code: str) -> tuple[str, str]:
    """Run ``code`` in the kernel over its websocket; return the reply status and everything it printed."""
    ws_url = server.url.replace("http://", "ws://", 1) + f"api/kernels/{kernel_id}/channels"
    connection = websocket.create_connection(
        ws_url, header=[f"Authorization: token {server.token}"], timeout=KERNEL_SECONDS
    )
    msg_id, session = uuid.uuid4().hex, uuid.uuid4().hex
    message = {
        "header": {
            "msg_id": msg_id,
            "session": session,
            "username": "newsdesk-test",
            "msg_type": "execute_request",
            "version": "5.3",
        },
        "parent_header": {},
        "metadata": {},
        "content": {
            "code": code,
            "silent": False,
            "store_history": False,
            "user_expressions": {},
            "allow_stdin": False,
            "stop_on_error": True,
        },
        "channel": "shell",
        "buffers": [],
    }
    try:
        connection.send(json.dumps(message))
        printed: list[str] = []
        status, idle = None, False
        deadline = time.monotonic() + KERNEL_SECONDS
        while (status is None or not idle) and time.monotonic() < deadline:
            reply = json.loads(connection.recv())
            if reply.get("parent_header", {}).get("msg_id") != msg_id:
                continue
            kind, content = reply["msg_type"], reply["content"]
            if kind == "stream":
                printed.append(content["text"])
            elif kind == "error":
                printed.append("\n".join(content["traceback"]))
            elif kind == "execute_reply":
                status = content["status"]
            elif kind == "status" and content["execution_state"] == "idle":
                idle = True
        assert status is not None, f"no reply from the kernel within {KERNEL_SECONDS} s"
        return status, "".join(printed)
    finally:
        connection.close()


def test_the_server_refuses_requests_without_the_token(server: Server) -> None:
    with pytest.raises(urllib.error.HTTPError) as refused:
        server.request("GET", "api/contents", token=False)
    assert refused.value.code == 403


def test_every_notebook_is_listed_opened_and_valid(server: Server) -> None:
    listing = server.request("GET", "api/contents")
    listed = sorted(item["name"] for item in listing["content"] if item["type"] == "notebook")
    expected = [path.name for path in notebook_paths(NOTEBOOKS)]
    assert [name for name in listed if name in expected] == expected
    for name in expected:
        model = server.request("GET", f"api/contents/{name}?type=notebook&content=1")
        assert model["type"] == "notebook" and model["format"] == "json"
        nb = nbformat.from_dict(model["content"])
        nbformat.validate(nb)  # raises ValidationError naming the problem
        on_disk = nbformat.read(NOTEBOOKS / name, as_version=4)
        assert [cell.source for cell in nb.cells] == [cell.source for cell in on_disk.cells], name


def test_a_notebook_runs_in_a_kernel_of_the_project_environment_and_the_server_shuts_down_cleanly(
    server: Server,
) -> None:
    notebook = notebook_paths(NOTEBOOKS)[0]
    session = server.request(
        "POST", "api/sessions", {"path": notebook.name, "type": "notebook", "kernel": {"name": "python3"}}
    )
    kernel_id = session["kernel"]["id"]

    probe = "import os, sys, newsdesk\nprint(sys.executable)\nprint(os.getcwd())\nprint(os.getpid())\n"
    status, printed = execute(server, kernel_id, probe)
    assert status == "ok", printed
    executable, cwd, pid = printed.split()
    assert Path(executable).resolve() == Path(sys.executable).resolve()  # the project's environment
    assert Path(cwd).resolve() == NOTEBOOKS.resolve()  # the notebook's folder, as in JupyterLab
    kernel_pid = int(pid)

    first_code = next(cell.source for cell in nbformat.read(notebook, as_version=4).cells if cell.cell_type == "code")
    status, printed = execute(server, kernel_id, first_code)
    assert status == "ok", f"{notebook.name}'s first code cell failed in the kernel:\n{printed}"
    assert "Traceback" not in printed

    server.request("POST", "api/shutdown")
    assert stopped(server.process, 30), f"the server did not stop:\n{server.log_tail()}"
    assert server.process.returncode == 0, server.log_tail()
    deadline = time.monotonic() + 10
    while alive(kernel_pid) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not alive(kernel_pid), "the kernel outlived the server"
