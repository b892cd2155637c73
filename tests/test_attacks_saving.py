"""Attacks of the third round on saving (issue 21, items 1 and 7): each failed on the code before its fix.

A save is reported saved only when it is in the database the next process opens; a data folder, lock
file or database the app cannot write is a notice, never Streamlit's error page; no message names the
database's host, port or name; two revokes at once leave the link off without an error.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tomllib

from components.ui import workspace as ui_workspace
from tests.apptest import assert_no_exception
from tests.paths import ROOT


def test_streamlit_never_offers_ask_google_or_chatgpt_links():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    assert config["client"]["showErrorLinks"] is False
    probe = ("from streamlit import config\nconfig.get_config_options(force_reparse=True)\n"
             "from streamlit.runtime.app_session import _get_show_error_links\n"
             "from streamlit.proto.NewSession_pb2 import Config\n"
             "print(_get_show_error_links() == Config.ShowErrorLinks.SHOW_ERROR_LINKS_FALSE)")
    shown = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert shown.stdout.strip() == "True", shown.stderr  # what the server tells every browser: never


def test_a_failure_before_the_page_is_a_sentence_and_the_page_still_draws(open_page, monkeypatch):
    monkeypatch.delenv("DASHBOARD_RAISE_ERRORS")

    def broken() -> None:
        raise PermissionError(13, "Permission denied", "/srv/app/.data/workspaces.sqlite.lock")
    monkeypatch.setattr(ui_workspace, "open_from_url", broken)
    at = open_page("app.py")
    assert_no_exception(at, "a frame that raised")
    shown = json.dumps([e.value for e in at.error])
    assert "reference" in shown and "/srv" not in shown and "Permission" not in shown
    assert at.get("plotly_chart"), "the page itself was not drawn"
