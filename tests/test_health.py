"""Kanboard's /healthcheck.php."""

from django.test import Client


def test_healthcheck_reports_the_database(db):
    response = Client(HTTP_HOST="localhost").get("/healthcheck.php")

    assert response.status_code == 200
    assert response.content == b'{"status":200,"message":"Database connection is OK"}'
