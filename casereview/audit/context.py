"""The client's address for the audit trail, carried from the request to the services in a context variable
so that services take an `actor` and never the request. Outside a request (a command, a task) it is None."""

from contextvars import ContextVar

client_address: ContextVar[str | None] = ContextVar("client_address", default=None)


class ClientAddressMiddleware:
    """Sets the client's address for the length of one request and puts the previous value back after, so
    nothing leaks into the next request served by the same thread."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = client_address.set(request.META.get("REMOTE_ADDR") or None)
        try:
            return self.get_response(request)
        finally:
            client_address.reset(token)
