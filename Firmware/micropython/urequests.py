# urequests: the old name of `requests`. Attributes are looked up in `requests`
# on use (module __getattr__), so there is one copy of its globals.


def __getattr__(attr):
    import requests

    return getattr(requests, attr)
