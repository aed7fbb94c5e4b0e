"""System checks of the operators' settings."""

from __future__ import annotations

from operations.checks import deployment_settings_check, metrics_settings_check


def ids(problems) -> list[str]:
    return [problem.id for problem in problems]


def test_a_short_metrics_token_and_bad_addresses_are_errors(settings):
    settings.METRICS_TOKEN = "short"
    settings.METRICS_ALLOWED_ADDRESSES = ["10.0.0.0/8", "[::1]", "bogus"]

    assert ids(metrics_settings_check(None)) == ["kanboard.E101", "kanboard.E102"]


def test_metrics_settings_off_or_sound_pass(settings):
    assert metrics_settings_check(None) == []
    settings.METRICS_TOKEN = "t" * 20
    settings.METRICS_ALLOWED_ADDRESSES = ["192.168.1.7", "fd00::/8"]
    assert metrics_settings_check(None) == []


def test_deployment_warnings(settings):
    settings.ALLOWED_HOSTS = ["localhost", "127.0.0.1"]
    settings.BEHIND_TLS_PROXY = False
    assert ids(deployment_settings_check(None)) == ["kanboard.W101", "kanboard.W103"]

    settings.ALLOWED_HOSTS = ["*"]
    settings.BEHIND_TLS_PROXY = True
    assert ids(deployment_settings_check(None)) == ["kanboard.W102"]

    settings.ALLOWED_HOSTS = ["kanboard.example.com"]
    assert deployment_settings_check(None) == []
