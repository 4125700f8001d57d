"""pytest fixtures: the Flask receiver on a free local port, and crowdsec-webhook-mock's image
checking it the way the CrowdSec Console calls it. The container shares the host's network
(`--network host`, Linux), so it reaches the receiver on 127.0.0.1."""
import json
import os
import subprocess
import threading

import pytest
from werkzeug.serving import make_server

from receiver import create_app

CSWM_IMAGE = os.environ.get("CSWM_IMAGE", "crowdsec-webhook-mock:latest")
TOKEN = "test-token"


@pytest.fixture(scope="session")
def receiver_url():
    server = make_server("127.0.0.1", 0, create_app(TOKEN), threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/crowdsec"
    server.shutdown()


@pytest.fixture(scope="session")
def cswm_report(receiver_url, tmp_path_factory):
    reports = tmp_path_factory.mktemp("reports")
    command = [
        "docker", "run", "--rm", "--network", "host",
        "--user", f"{os.getuid()}:{os.getgid()}", "-v", f"{reports}:/reports",
        CSWM_IMAGE, "check", "--url", receiver_url, "--bearer", TOKEN,
        # A test server listens on a random port; the Console will call the deployed one.
        "--allow-any-port", "--skip", "transport",
        "--report", "json,junit",
    ]
    run = subprocess.run(command, capture_output=True, text=True, timeout=600)
    # 0: ready, 1: not ready (the report says why); anything else is the checker's own error.
    assert run.returncode in (0, 1), run.stderr
    with open(reports / "conformance-report.json", encoding="utf-8") as report:
        return json.load(report)
