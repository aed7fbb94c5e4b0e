"""The ceiling: a WSGI app that answers a fixed JSON-RPC reply without doing anything."""

BODY = b'{"jsonrpc":"2.0","result":"1.2.53","id":1}'
HEADERS = [("Content-Type", "application/json"), ("Content-Length", str(len(BODY)))]


def application(environ, start_response):
    environ["wsgi.input"].read()
    start_response("200 OK", HEADERS)
    return [BODY]
