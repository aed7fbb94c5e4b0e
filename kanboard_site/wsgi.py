"""The WSGI application gunicorn serves.

``/jsonrpc.php`` skips Django's middleware: the API sets no cookie, keeps no session, is
CSRF-exempt and adds no security header (as Kanboard), so the admin's middleware chain
is pure overhead there, about a third of a getVersion call. The Host header is still
validated against ALLOWED_HOSTS. Everything else, the admin included, takes the usual path.
"""

import os

import django
from django.core.handlers.exception import convert_exception_to_response
from django.core.handlers.wsgi import WSGIHandler

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kanboard_site.settings")

API_PATH = "/jsonrpc.php"


class KanboardWSGIHandler(WSGIHandler):
    def __init__(self) -> None:
        super().__init__()
        from rpc.protocol import jsonrpc_view

        self._api = convert_exception_to_response(self._serve_api)
        self._jsonrpc_view = jsonrpc_view

    def _serve_api(self, request):
        request.get_host()  # DisallowedHost becomes a 400, as through CommonMiddleware
        return self._jsonrpc_view(request)

    def get_response(self, request):
        if request.path_info != API_PATH:
            return super().get_response(request)
        response = self._api(request)
        # What BaseHandler.get_response does too: close the request with the response.
        response._resource_closers.append(request.close)
        return response


django.setup(set_prefix=False)
application = KanboardWSGIHandler()
