"""Start the app's server, as ``streamlit run app.py [options]`` does, with every page at its own address from the
first request on.

It builds the story's exchange calendars as it starts (about a second, once per process, beside the server's own
start), so the first visitor's first event does not wait for them.

The app defines its pages with ``st.navigation``; the required ``pages/`` folder holds their files. Streamlit reads a
``pages/`` folder beside the main script as an app of its older kind until the first ``st.navigation`` call of the
process, so the very first visitor after a start who opens a page's own address (``/overview``) would see a "Page
not found" notice. Saying so before the server starts removes that first run of the older kind.

    .venv/bin/python scripts/serve.py --server.port 8501
"""

from __future__ import annotations

import sys
from pathlib import Path

from streamlit.runtime.pages_manager import PagesManager
from streamlit.web import cli

APP = Path(__file__).resolve().parent.parent / "app.py"
sys.path.insert(0, str(APP.parent))

from components.data import calendars  # noqa: E402  (the project's root is on the path from here)
from components.data.symbols import symbol_info  # noqa: E402
from components.facts import DEFAULT_SYMBOLS  # noqa: E402


def main(argv: list[str]) -> int:
    PagesManager.uses_pages_directory = False  # the app's pages come from st.navigation, never from the folder
    calendars.warm({symbol_info(s).market for s in DEFAULT_SYMBOLS})
    sys.argv = ["streamlit", "run", str(APP), *argv]
    return cli.main(prog_name="streamlit")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
