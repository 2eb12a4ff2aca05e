"""Who a request came from: the one rule that the API's throttles, the admin
login's lockout (django-axes) and the logs all read.

The address is the socket's (REMOTE_ADDR) unless the deployment says which
proxies stand in front of the site, because `X-Forwarded-For` is whatever
the client wrote: believed blindly, it lets every request claim a new
identity and walk past every limit. Two ways to say it (docs/DEPLOY.md):

- `TRUSTED_PROXY_COUNT = n`: every request passes through exactly n proxies,
  each appending the address it was connected from; the client is then the
  n-th address from the right of `X-Forwarded-For`.
- `TRUSTED_PROXIES = [addresses or networks]`: hops are read from the right
  (the socket first, then `X-Forwarded-For`) for as long as each is one of
  these proxies; the first that is not is the client.

Anything the client put further left is never read.
"""

import ipaddress
from functools import lru_cache

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network


def client_ip(request) -> str:
    """The client's address, by the deployment's trusted proxies (none by
    default: the socket's address)."""
    remote = _address(request.META.get("REMOTE_ADDR", "")) or "0.0.0.0"  # noqa: S104
    count, networks = trust_settings()
    if not count and not networks:
        return remote
    forwarded = [
        part.strip()
        for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        if part.strip()
    ]
    if count:
        return _by_count(remote, forwarded, count)
    return _by_networks(remote, forwarded, networks)


def _by_count(remote: str, forwarded: list[str], count: int) -> str:
    # Fewer entries than proxies: the request did not come the way the
    # deployment says it does, so nothing in the header is believed.
    if len(forwarded) < count:
        return remote
    return _address(forwarded[-count]) or remote


def _by_networks(remote: str, forwarded: list[str], networks: tuple[IPNetwork, ...]) -> str:
    nearest = remote
    for hop in [remote, *reversed(forwarded)]:
        address = _address(hop)
        if address is None:
            # A trusted proxy passed on something that is no address: the
            # nearest hop that is one stands for the client.
            return nearest
        if not _trusted(address, networks):
            return address
        nearest = address
    # Every hop was one of ours: the farthest is the best we know.
    return nearest


def _trusted(address: str, networks: tuple[IPNetwork, ...]) -> bool:
    ip = ipaddress.ip_address(address)
    return any(ip.version == network.version and ip in network for network in networks)


def _address(value: str) -> str | None:
    """The address in its canonical form, or None when it is not one."""
    value = value.strip()
    if value.startswith("[") and "]" in value:  # "[2001:db8::1]:443"
        value = value[1 : value.index("]")]
    elif value.count(":") == 1:  # "192.0.2.1:443"
        value = value.split(":")[0]
    try:
        return str(ipaddress.ip_address(value))
    except ValueError:
        return None


def trust_settings() -> tuple[int, tuple[IPNetwork, ...]]:
    """(TRUSTED_PROXY_COUNT, TRUSTED_PROXIES as networks), read each time so a
    test's override_settings holds; the parsing is cached."""
    count = getattr(settings, "TRUSTED_PROXY_COUNT", 0) or 0
    proxies = tuple(getattr(settings, "TRUSTED_PROXIES", ()) or ())
    return _parsed(count, proxies)


@lru_cache(maxsize=8)
def _parsed(count, proxies: tuple[str, ...]) -> tuple[int, tuple[IPNetwork, ...]]:
    if not isinstance(count, int) or count < 0:
        raise ImproperlyConfigured(f"TRUSTED_PROXY_COUNT={count!r} should be a whole number ≥ 0.")
    if count and proxies:
        raise ImproperlyConfigured(
            "Set TRUSTED_PROXY_COUNT or TRUSTED_PROXIES, not both: they are two ways "
            "of saying which proxies stand in front of the site."
        )
    networks = []
    for proxy in proxies:
        try:
            networks.append(ipaddress.ip_network(proxy.strip(), strict=False))
        except ValueError:
            raise ImproperlyConfigured(
                f"TRUSTED_PROXIES: {proxy!r} is not an address or a network "
                "(e.g. 10.0.0.5, 10.0.0.0/24, 2001:db8::/32)."
            ) from None
    return count, tuple(networks)


class ClientIpLogFilter:
    """Adds `client_ip` to every log record about a request (Django's
    `django.request` and `django.security` records carry it), by the same
    rule, so that the logs name the client the throttles counted."""

    def filter(self, record) -> bool:
        request = getattr(record, "request", None)
        meta = getattr(request, "META", None)
        record.client_ip = client_ip(request) if meta is not None else "-"
        return True
