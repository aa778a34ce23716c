"""Staff logins on the team server: one database login per person.

The password never goes to the server: the client makes the SCRAM-SHA-256
verifier (RFC 5802/7677, as PostgreSQL stores it) and `main.create_staff_login`
takes only that, so neither the server's logs nor its catalogue hold a
password. Login names are `<database>_s<n>`, never a person's name; the name
is sealed with the main key.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import unicodedata
from collections.abc import Sequence

from peerdesk.domain.staff import Role
from peerdesk.storage.team.fieldcrypt import FieldCipher
from peerdesk.storage.team.schema import Conn

SCRAM_ITERATIONS = 4096
# The group each PeerDesk role's logins are in is named after its value.
ROLES = tuple(role.value for role in Role)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def scram_verifier(password: str, *, salt: bytes | None = None,
                   iterations: int = SCRAM_ITERATIONS) -> str:
    """`SCRAM-SHA-256$<iterations>:<salt>$<StoredKey>:<ServerKey>`."""
    # libpq and the server both prepare passwords with SASLprep; NFKC is its
    # normalisation step, the part that changes ordinary passwords.
    prepared = unicodedata.normalize("NFKC", password).encode("utf-8")
    salt = os.urandom(16) if salt is None else salt
    salted = hashlib.pbkdf2_hmac("sha256", prepared, salt, iterations)
    client_key = hmac.new(salted, b"Client Key", hashlib.sha256).digest()
    stored_key = hashlib.sha256(client_key).digest()
    server_key = hmac.new(salted, b"Server Key", hashlib.sha256).digest()
    return f"SCRAM-SHA-256${iterations}:{_b64(salt)}${_b64(stored_key)}:{_b64(server_key)}"


def login_name(database: str, number: int) -> str:
    return f"{database}_s{number}"


def login_for(database: str, name_key: str, fallback_key: str, name: str) -> str:
    """The login of the person who signs in as `name`: `<database>_p` and a keyed
    hash of the name (its case and composition ignored), never the name itself.
    The key is the connection file's; a file without one uses `fallback_key`
    (the centre's id), which anyone with the server can read."""
    key = bytes.fromhex(name_key) if name_key else fallback_key.encode("utf-8")
    folded = unicodedata.normalize("NFC", " ".join(name.split())).casefold().encode("utf-8")
    return f"{database}_p{hmac.new(key, folded, hashlib.sha256).hexdigest()[:24]}"


def create_staff_login(conn: Conn, main_cipher: FieldCipher,
                       login: str, roles: Sequence[Role | str], password: str,
                       display_name: str) -> int:
    """A login for one person with their PeerDesk roles; returns their staff id.

    Run as an administrator's login (or the setup account).
    """
    names = [str(role) for role in roles]
    unknown = [name for name in names if name not in ROLES]
    if unknown or not names:
        raise ValueError(f"not PeerDesk roles: {unknown or 'none given'}")
    sealed = main_cipher.seal("staff", "display_name", login, display_name)
    row = conn.execute("SELECT main.create_staff_login(%s, %s, %s, %s)",
                       (login, names, scram_verifier(password), sealed)).fetchone()
    assert row is not None
    return int(row[0])


def deactivate_staff_login(conn: Conn, login: str) -> None:
    """No new sign-in for `login`, and no rows on a connection it already has.

    Run as an administrator's login (or the setup account).
    """
    conn.execute("SELECT main.deactivate_staff_login(%s)", (login,))
