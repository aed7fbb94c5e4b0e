"""System checks (``manage.py check``) for the API's configuration."""

from __future__ import annotations

from rpc.checks import access_table_check, api_settings_check


def test_short_environment_token_is_an_error(settings):
    settings.API_AUTHENTICATION_TOKEN = "short"

    assert [problem.id for problem in api_settings_check(None)] == ["kanboard.E001"]


def test_debug_is_a_warning(settings):
    settings.DEBUG = True

    assert [problem.id for problem in api_settings_check(None)] == ["kanboard.W001"]


def test_default_settings_pass():
    assert api_settings_check(None) == []
    assert access_table_check(None) == []


def test_a_procedure_without_an_access_row_is_an_error(monkeypatch):
    from rpc.access import ACCESS

    monkeypatch.delitem(ACCESS, "getMe")

    assert [problem.id for problem in access_table_check(None)] == ["kanboard.E002"]
