"""The deploy files agree with each other and with the app: compose, the Dockerfile and the nginx template."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
import yaml

from components.data.disk_cache import CACHE_ENV
from components.workspace.db import DATABASE_ENV
from tests.paths import ROOT
from tests.servers import NGINX, TEMPLATE, nginx_config

DEPLOY = ROOT / "deploy"


def compose() -> dict:
    return yaml.safe_load((DEPLOY / "compose.yaml").read_text(encoding="utf-8"))


def test_compose_runs_two_replicas_on_one_database_and_one_price_cache():
    services = compose()["services"]
    apps = [s for name, s in services.items() if name.startswith("app")]
    assert len(apps) == 2 and {"db", "proxy"} <= set(services)
    for app in apps:
        env = app["environment"]
        assert env[DATABASE_ENV].startswith("postgresql://") and "@db:5432/" in env[DATABASE_ENV]
        assert f"price-cache:{env[CACHE_ENV]}" in app["volumes"]
        assert app["depends_on"]["db"]["condition"] == "service_healthy"
        assert app["build"]["dockerfile"] == "deploy/Dockerfile"
    assert set(compose()["volumes"]) == {"price-cache", "db-data"}


def test_the_proxy_gets_every_value_its_template_needs_and_mounts_it():
    proxy = compose()["services"]["proxy"]
    needed = set(re.findall(r"\$\{(DASHBOARD_[A-Z0-9_]+)\}", TEMPLATE.read_text(encoding="utf-8")))
    assert needed == set(proxy["environment"])
    assert {proxy["environment"]["DASHBOARD_APP1"], proxy["environment"]["DASHBOARD_APP2"]} == {"app1:8501",
                                                                                               "app2:8501"}
    assert "./nginx/templates:/etc/nginx/templates:ro" in proxy["volumes"]


def test_the_image_holds_what_the_app_loads():
    text = (DEPLOY / "Dockerfile").read_text(encoding="utf-8")
    copied = set(re.findall(r"^COPY (\S+)", text, flags=re.MULTILINE))
    assert {"app.py", "pages/", "components/", "data/", "requirements.txt", ".streamlit/config.toml"} <= copied
    assert all((ROOT / c.rstrip("/")).exists() for c in copied)
    assert "/_stcore/health" in text and "USER dashboard" in text


def test_the_template_is_valid_nginx(tmp_path: Path):
    if not Path(NGINX).exists():
        pytest.skip("nginx is not installed (apt-get install nginx)")
    site = nginx_config("127.0.0.1:1", "127.0.0.1:2", "127.0.0.1:3", tmp_path / "access.log")
    (tmp_path / "site.conf").write_text(site)
    (tmp_path / "nginx.conf").write_text(f"pid {tmp_path}/nginx.pid; error_log {tmp_path}/error.log;\n"
                                         f"events {{}}\nhttp {{ include {tmp_path}/site.conf; }}\n")
    result = subprocess.run([NGINX, "-t", "-p", str(tmp_path), "-c", str(tmp_path / "nginx.conf")],
                            capture_output=True, text=True, timeout=30)
    assert result.returncode == 0, result.stderr
    for needed in ("location = /_stcore/metrics", "location /_stcore/stream", "$cookie_dash_replica",
                   "client_max_body_size"):
        assert needed in site
