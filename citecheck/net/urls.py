"""URL handling shared by transports, cassettes and the checker: validation, matching keys, scrubbing."""

from __future__ import annotations

import re
from collections.abc import Collection
from ipaddress import ip_address
from urllib.parse import unquote_plus, urlsplit, urlunsplit

import httpx

REDACTED = "REDACTED"
DEFAULT_PORTS = {"http": 80, "https": 443}
HTTP_SCHEMES = frozenset(DEFAULT_PORTS)

_ESCAPE = re.compile(r"%[0-9a-f]{2}")
_UNSAFE_FILE_CHARS = re.compile(r"[^a-z0-9._-]")
_LABEL = r"[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?"
_HOSTNAME = re.compile(rf"^(?:{_LABEL}\.)*{_LABEL}\.?$", re.IGNORECASE)


class UnsupportedURL(ValueError):
    """A URL that cannot be checked: not http(s), no host, or not parseable."""


def parse_checkable(url: str) -> httpx.URL:
    """Parse ``url`` as an absolute http(s) URL or raise :class:`UnsupportedURL`."""
    try:
        parsed = httpx.URL(url)
    except (httpx.InvalidURL, ValueError, TypeError) as exc:
        # httpx.InvalidURL is not an httpx.HTTPError, so it is caught here by name.
        raise UnsupportedURL(f"invalid URL: {exc}") from None
    return checkable(parsed)


def checkable(parsed: httpx.URL) -> httpx.URL:
    """``parsed`` itself when it is an absolute http(s) URL, else :class:`UnsupportedURL`."""
    if parsed.scheme not in HTTP_SCHEMES:
        raise UnsupportedURL(f"unsupported scheme {parsed.scheme!r}" if parsed.scheme else "relative URL")
    try:
        readable_host = parsed.host
    except ValueError:  # an invalid IDNA label ("xn--zz") fails only when the host is decoded
        raise UnsupportedURL(f"invalid URL: bad host name {parsed.raw_host.decode('ascii')!r}") from None
    if not readable_host:
        raise UnsupportedURL("URL has no host")
    # httpx percent-encodes what it cannot parse instead of refusing it; refuse it here.
    host = parsed.raw_host.decode("ascii")
    if not (_HOSTNAME.match(host) or _is_ipv6(host)):
        raise UnsupportedURL(f"invalid URL: bad host name {parsed.host!r}")
    if parsed.port is not None and not 0 < parsed.port < 65536:
        raise UnsupportedURL(f"invalid URL: port {parsed.port} out of range")
    return parsed


def _is_ipv6(host: str) -> bool:
    try:
        return ip_address(host).version == 6
    except ValueError:
        return False


# A Location made of characters that need no quoting, with no dot segment and no empty query: resolving
# it is concatenation, so it is parsed once instead of the three parses and urljoin of httpx.URL.join.
_PLAIN = r"(?:[A-Za-z0-9\-._~!$&'()*+,=:@/]|%[0-9A-Fa-f]{2})"
_PLAIN_QUERY = r"(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9A-Fa-f]{2})"
_PLAIN_ABSOLUTE_PATH = re.compile(rf"/(?!/){_PLAIN}*(?:\?{_PLAIN_QUERY}+)?")
_PLAIN_ABSOLUTE_URL = re.compile(rf"https?://[A-Za-z0-9.-]+(?::[0-9]{{1,5}})?(?:/{_PLAIN}*(?:\?{_PLAIN_QUERY}+)?)?")
_DOT_SEGMENT = re.compile(r"/\.\.?(?:[/?]|$)")


def join_url(base: httpx.URL, location: str) -> httpx.URL:
    """``base.join(location)``, with the common cases (a path, an absolute http(s) URL) done directly."""
    if _DOT_SEGMENT.search(location) is None:
        if _PLAIN_ABSOLUTE_PATH.fullmatch(location) and not base.userinfo:
            return httpx.URL(f"{base.scheme}://{base.netloc.decode('ascii')}{location}")
        if _PLAIN_ABSOLUTE_URL.fullmatch(location):
            return httpx.URL(location)
    return base.join(location)


def split_fragment(url: str) -> tuple[str, str | None]:
    base, sep, fragment = url.partition("#")
    return base, (fragment if sep else None)


def _param_name(pair: str) -> str:
    return unquote_plus(pair.partition("=")[0]).lower()


def _upper_escapes(text: str) -> str:
    return _ESCAPE.sub(lambda m: m.group(0).upper(), text) if "%" in text else text


def host_label(url: httpx.URL) -> str:
    host = url.raw_host.decode("ascii").lower()
    return f"[{host}]" if ":" in host else host


def match_key(url: httpx.URL, drop_params: Collection[str] = ()) -> str:
    """The identity of a request URL for cassette matching.

    Scheme, host, explicit port, path and the query sorted with secret parameters removed, so that
    a recording still matches when a token changes or parameters are reordered.
    """
    scheme = url.scheme
    return _key(scheme, host_label(url), url.port or DEFAULT_PORTS.get(scheme, 0), url.raw_path.decode("ascii"),
                drop_params)


def _key(scheme: str, host: str, port: int, raw_path: str, drop_params: Collection[str]) -> str:
    path, _, query = raw_path.partition("?")
    key = f"{scheme}://{host}:{port}{_upper_escapes(path) or '/'}"
    if query:
        pairs = sorted(
            _upper_escapes(p) for p in query.split("&") if p and _param_name(p) not in drop_params
        )
        if pairs:
            key += "?" + "&".join(pairs)
    return key


# An absolute http(s) URL that httpx keeps exactly as written: no user info, an ASCII host name or a
# valid IPv4 address, and a path and query of characters httpx never quotes.
_PLAIN_URL = re.compile(
    r"(https?)://([A-Za-z0-9_.-]+)(?::([0-9]{1,5}))?"
    r"((?:/(?:[A-Za-z0-9\-._~!$&'()*+,;=:@]|%[0-9A-Fa-f]{2})*)*)"
    r"(\?(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9A-Fa-f]{2})*)?")
_IPV4_STYLE = re.compile(r"[0-9]+\.[0-9]+\.[0-9]+\.[0-9]+")  # what httpx checks as an IPv4 address
_OCTET = r"(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])"  # no leading zero: ipaddress refuses them
_IPV4 = re.compile(rf"(?:{_OCTET}\.){{3}}{_OCTET}")
_MAX_URL = 65536  # httpx refuses longer URLs


def _plain_parts(url: str) -> tuple[str, str, int, str] | None:
    """Scheme, host, port and raw path of ``url`` as httpx would parse it, when ``url`` is plain."""
    found = _PLAIN_URL.fullmatch(url)
    if found is None or len(url) > _MAX_URL:
        return None
    scheme, host, port, path, query = found.groups()
    host = host.lower()
    if (not _HOSTNAME.match(host) or "xn--" in host or (_IPV4_STYLE.fullmatch(host) and not _IPV4.fullmatch(host))
            or _DOT_SEGMENT.search(path)):
        return None
    number = int(port) if port is not None else DEFAULT_PORTS[scheme]
    if not 0 < number < 65536:
        return None
    return scheme, host, number, (path or "/") + (query or "")


def is_plain(url: str) -> bool:
    """True when ``url`` is certainly checkable: :func:`parse_checkable` would accept it."""
    return _plain_parts(url) is not None


def plain_key(url: str, drop_params: Collection[str] = ()) -> str | None:
    """``match_key(parse_checkable(url), drop_params)`` for a plain URL, read off the string without
    building an httpx.URL; None when ``url`` is not plain (it may still be checkable)."""
    parts = _plain_parts(url)
    return None if parts is None else _key(*parts, drop_params)


def scrub_url(url: str, params: Collection[str]) -> str:
    """``url`` with user info and the values of secret query parameters replaced by REDACTED."""
    parts = urlsplit(url)
    netloc = parts.netloc
    if "@" in netloc:
        netloc = f"{REDACTED}@{netloc.rpartition('@')[2]}"
    query = parts.query
    if query:
        query = "&".join(
            f"{p.partition('=')[0]}={REDACTED}" if p and _param_name(p) in params else p
            for p in query.split("&")
        )
    if netloc == parts.netloc and query == parts.query:
        return url
    return urlunsplit((parts.scheme, netloc, parts.path, query, parts.fragment))


def cassette_filename(host: str) -> str:
    """One cassette file per host: ``en.wikipedia.org.yaml``; unsafe characters become ``_``."""
    return _UNSAFE_FILE_CHARS.sub("_", host.strip("[]").lower()) + ".yaml"
