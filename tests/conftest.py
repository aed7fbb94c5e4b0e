"""Shared fixtures: a JSON-RPC client and the personas of the permission tests.

Personas, around one project P:
- app: the application credential (user ``jsonrpc`` + the application token);
- admin: app-admin, *not* a member of P (Kanboard gives admins no project access);
- manager: app-manager and project-manager of P;
- member: app-user and project-member of P;
- viewer: app-user and project-viewer of P;
- outsider: app-user with no role in P.
"""

from __future__ import annotations

import base64
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from django.test import Client

from accounts.config import get_config
from accounts.credentials import password_checks
from accounts.models import Setting, User
from accounts.seed import seed_admin, seed_settings
from tasks.models import Link
from tasks.seed import seed_links
from tests.factories import PASSWORD, MembershipFactory, ProjectFactory, UserFactory
from tests.smtp_inbox import smtp_server  # noqa: F401  (a fixture for every test)

PERSONAS = ("app", "admin", "manager", "member", "viewer", "outsider")
# Usernames as in the spec's security fixture ("admin" itself is the seeded account).
USERNAME_OF = {
    "admin": "adm2",
    "manager": "mgr",
    "member": "usr",
    "viewer": "viewer",
    "outsider": "out",
}
PROJECT_ROLE_OF = {
    "manager": "project-manager",
    "member": "project-member",
    "viewer": "project-viewer",
}
APP_ROLE_OF = {"admin": "app-admin", "manager": "app-manager"}


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    """bcrypt at its lowest cost, except where a test asks for Kanboard's."""
    settings.PASSWORD_BCRYPT_ROUNDS = 4
    password_checks.clear()
    yield
    password_checks.clear()


@pytest.fixture
def seeded(db):
    """What migrate creates (a transactional test flushes it away): idempotent."""
    seed_settings(Setting)
    seed_admin(User)
    seed_links(Link)


@dataclass
class Credentials:
    username: str
    secret: str

    def header(self) -> str:
        pair = f"{self.username}:{self.secret}".encode()
        return "Basic " + base64.b64encode(pair).decode()


@dataclass
class Reply:
    status: int
    body: bytes
    headers: dict = field(default_factory=dict)

    @property
    def json(self) -> Any:
        return json.loads(self.body)


class RpcClient:
    """Talks to /jsonrpc.php as a client would: raw bodies, Basic credentials."""

    def __init__(self, app_credentials: Credentials) -> None:
        self.client = Client(HTTP_HOST="localhost")
        self.app = app_credentials

    def post(self, body: str | bytes, credentials: Credentials | None = None, **extra) -> Reply:
        if credentials is not None:
            extra.setdefault("HTTP_AUTHORIZATION", credentials.header())
        extra.setdefault("content_type", "application/json")
        response = self.client.post("/jsonrpc.php", body, **extra)
        return Reply(response.status_code, response.content, dict(response.headers))

    def request(
        self, method: str, params: Any = None, as_: Credentials | None = None, request_id=1
    ) -> Reply:
        envelope: dict[str, Any] = {"jsonrpc": "2.0", "method": method, "id": request_id}
        if params is not None:
            envelope["params"] = params
        return self.post(json.dumps(envelope), as_ or self.app)

    def call(self, method: str, params: Any = None, as_: Credentials | None = None) -> Any:
        """The result of a call that must succeed at the protocol level."""
        reply = self.request(method, params, as_)
        assert reply.status == 200, reply.body
        answer = reply.json
        assert "error" not in answer, answer
        return answer["result"]

    def error(self, method: str, params: Any = None, as_: Credentials | None = None) -> dict:
        reply = self.request(method, params, as_)
        assert reply.status == 200, reply.body
        return reply.json["error"]

    def status(self, method: str, params: Any = None, as_: Credentials | None = None) -> int:
        return self.request(method, params, as_).status


@pytest.fixture
def app_token(seeded) -> str:
    return get_config("api_token")


@pytest.fixture
def rpc(app_token) -> RpcClient:
    return RpcClient(Credentials("jsonrpc", app_token))


@dataclass
class World:
    """Project P and the personas' credentials."""

    project: Any
    users: dict[str, User]
    credentials: dict[str, Credentials]

    def __getitem__(self, persona: str) -> Credentials:
        return self.credentials[persona]


@pytest.fixture
def world(rpc) -> World:
    project = ProjectFactory(name="P")
    users = {}
    credentials = {"app": rpc.app}
    for persona in PERSONAS[1:]:
        username = USERNAME_OF[persona]
        user = UserFactory(username=username, role=APP_ROLE_OF.get(persona, "app-user"))
        if persona in PROJECT_ROLE_OF:
            MembershipFactory(project=project, user=user, role=PROJECT_ROLE_OF[persona])
        users[persona] = user
        credentials[persona] = Credentials(username, PASSWORD)
    return World(project, users, credentials)


@pytest.fixture(scope="session", autouse=True)
def _collected_static_files(tmp_path_factory):
    """The admin's static files as production serves them (collected, hashed names from
    the manifest): its pages name them, so they cannot render without."""
    from django.core.management import call_command
    from django.test import override_settings

    with override_settings(STATIC_ROOT=tmp_path_factory.mktemp("static")):
        call_command("collectstatic", interactive=False, verbosity=0)
        yield


@pytest.fixture(autouse=True)
def file_storage(settings, tmp_path):
    """Every test stores attachment blobs in its own directory (FILE_STORAGE_DIR and
    STORAGES["files"] both point there); the path."""
    settings.FILE_STORAGE_DIR = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "files": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": tmp_path, "allow_overwrite": True},
        },
    }
    return tmp_path


# Headless Chromium for the browser tests (the admin's and the account area's): the
# system's browser and driver (Debian's ``chromium`` and ``chromium-driver``), named
# explicitly so that Selenium never downloads one. CI installs both (.ci/run) and fails
# without them; elsewhere the tests are skipped when they are missing.
CHROMIUM = Path(os.environ.get("CHROMIUM_BINARY", "/usr/bin/chromium"))
CHROMEDRIVER = Path(os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver"))


@pytest.fixture(scope="session")
def chromium(tmp_path_factory):
    """One browser for the whole session; each fixture using it clears its cookies."""
    if not (CHROMIUM.exists() and CHROMEDRIVER.exists()):
        message = f"{CHROMIUM} and {CHROMEDRIVER} are needed (apt: chromium chromium-driver)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for argument in (
        "--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
        "--lang=en", "--force-device-scale-factor=1",
        f"--user-data-dir={tmp_path_factory.mktemp('chromium')}",
    ):  # fmt: skip
        options.add_argument(argument)
    driver = webdriver.Chrome(options=options, service=Service(executable_path=str(CHROMEDRIVER)))
    driver.implicitly_wait(5)
    yield driver
    driver.quit()
