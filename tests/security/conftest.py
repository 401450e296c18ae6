"""Browser tests here use the system Chromium, as tests/browser does."""

from tests.browser.conftest import browser_type_launch_args  # noqa: F401
