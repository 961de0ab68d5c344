"""Without Chromium, browser tests skip with a reason a person can act on — except in CI."""

from __future__ import annotations

import browser
import pytest


def test_missing_chromium_skips_with_a_reason(monkeypatch):
    monkeypatch.setattr(browser, "CHROMIUM", "/nonexistent/chromium")
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception) as exc:
        browser.require_browser()
    assert str(exc.value) == "没有找到 Chromium（Debian: apt-get install chromium）"


def test_missing_chromium_fails_in_ci(monkeypatch):
    monkeypatch.setattr(browser, "CHROMIUM", "/nonexistent/chromium")
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception) as exc:
        browser.require_browser()
    assert "CI 必须运行浏览器测试：没有找到 Chromium" in str(exc.value)
