"""Fair shares of the workspace database (pure: SQLAlchemy Core): who may add how much.

Every page load is a new browser session, so a limit per session holds nobody back; the limits here
count in the database, inside the serial transaction that inserts (components/workspace/db.py:
SQLite's write lock, a PostgreSQL advisory lock), so twenty creates at once cannot pass a limit
together:

* per **client address** and ``ADDRESS_WINDOW``: at most ``MAX_NEW_WORKSPACES_PER_ADDRESS`` new
  workspaces taking ``MAX_NEW_BYTES_PER_ADDRESS`` together (an IPv6 client counts by its /64);
* per **database**: at most ``MAX_WORKSPACES`` workspaces and ``MAX_STORED_BYTES`` stored bytes (a
  save that makes a workspace larger counts too). A full database says so; every saved link still opens.

Behind the proxy (deploy/nginx: ``X-Forwarded-For $proxy_add_x_forwarded_for``) the client's address is
the last X-Forwarded-For entry, the one nginx appends; it is believed only when the app's own peer is
the proxy (a loopback or private address), since a client can write the header itself.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import ipaddress
from collections.abc import Mapping

import sqlalchemy as sa

from components.facts import (
    ADDRESS_WINDOW,
    MAX_NEW_BYTES_PER_ADDRESS,
    MAX_NEW_WORKSPACES_PER_ADDRESS,
    MAX_STORED_BYTES,
    MAX_WORKSPACES,
)
from components.locale import N_, _
from components.locale import formats as F
from components.workspace.records import NotSaved
from components.workspace.schema import workspaces

FORWARDED = "x-forwarded-for"
LOCAL = "local"  # no address at all (a test, a script): one client
FULL = N_("nothing new can be saved until unused workspaces expire; every saved link still opens")


class Refused(NotSaved):
    """A limit of this module refuses the save; the message says which, and what still works."""


def _address(text: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        return ipaddress.ip_address(text.strip().strip("[]"))
    except ValueError:
        return None


def client_address(headers: Mapping[str, str], peer: str | None) -> str:
    """The address new workspaces are counted by (see the module docstring); ``peer`` None is loopback."""
    forwarded = next((v for k, v in headers.items() if str(k).lower() == FORWARDED and isinstance(v, str)), "")
    entries = [e for e in forwarded.split(",") if e.strip()]
    peer = peer if isinstance(peer, str) and peer else None
    own = _address(peer) if peer else None
    proxied = peer is None or (own is not None and (own.is_private or own.is_loopback))
    found = _address(entries[-1]) if entries and proxied else own
    if found is None:
        return LOCAL if peer is None else peer[:64]
    if found.version == 6:
        return str(ipaddress.ip_network(f"{found}/64", strict=False))
    return str(found)


def creator(address: str | None) -> str | None:
    """What the database keeps of an address: its SHA-256 digest."""
    return None if address is None else hashlib.sha256(address.encode()).hexdigest()


def _totals(conn, *where) -> tuple[int, int]:
    query = sa.select(sa.func.count(), sa.func.coalesce(sa.func.sum(workspaces.c.bytes), 0)).select_from(workspaces)
    count, size = conn.execute(query.where(*where) if where else query).one()
    return int(count or 0), int(size or 0)


def check_new(conn, digest: str | None, size: int, when: dt.datetime) -> None:
    """Raise :class:`Refused` unless a new workspace of ``size`` bytes from ``digest`` fits every limit.

    Call it in a serial transaction (``db.transaction(serial=True)``), before the insert."""
    count, stored = _totals(conn)
    if count >= MAX_WORKSPACES:
        raise Refused(_("the server holds its limit of {n} saved workspaces; {rest}").format(
            n=F.fixed_number(MAX_WORKSPACES, 0), rest=_(FULL)))
    if stored + size > MAX_STORED_BYTES:
        raise Refused(_("the server's workspaces take their limit of {n} bytes; {rest}").format(
            n=F.fixed_number(MAX_STORED_BYTES, 0), rest=_(FULL)))
    if digest is None:
        return
    made, taken = _totals(conn, workspaces.c.creator == digest, workspaces.c.created_at >= when - ADDRESS_WINDOW)
    hours = int(ADDRESS_WINDOW.total_seconds() // 3600)
    if made >= MAX_NEW_WORKSPACES_PER_ADDRESS:
        raise Refused(_("{n} new workspaces were saved from your address in the last {hours} hours, the most it may; "
                        "the ones you have keep saving themselves").format(n=MAX_NEW_WORKSPACES_PER_ADDRESS,
                                                                           hours=hours))
    if taken + size > MAX_NEW_BYTES_PER_ADDRESS:
        raise Refused(_("new workspaces from your address took {taken} bytes in the last {hours} hours and this one "
                        "would take {size} more; the limit is {limit} (the ones you have keep saving themselves)"
                        ).format(taken=F.fixed_number(taken, 0), hours=hours, size=F.fixed_number(size, 0),
                                 limit=F.fixed_number(MAX_NEW_BYTES_PER_ADDRESS, 0)))


def check_growth(conn, growth: int) -> None:
    """Raise :class:`Refused` when ``growth`` more bytes would pass the database's limit (serial transaction)."""
    if growth > 0 and _totals(conn)[1] + growth > MAX_STORED_BYTES:
        raise Refused(_("the server's workspaces take their limit of {n} bytes, so this workspace cannot grow; "
                        "remove some events or articles, or try again later").format(
            n=F.fixed_number(MAX_STORED_BYTES, 0)))
