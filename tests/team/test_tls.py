"""TLS verify-full for real, on loopback: the connection file's CA is what a PC
trusts, and a certificate from another CA, an expired one or one for another
host name is refused with a clear message before anything is sent.

A cluster of its own, listening on 127.0.0.1 (TLS only, SCRAM) and its socket.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import os
import socket
import time
from collections.abc import Iterator

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from peerdesk.app import cli
from peerdesk.app.exit_codes import EXIT_FAILED
from peerdesk.storage.team import schema
from peerdesk.storage.team.connection import ConnectionFile, connect
from peerdesk.storage.team.errors import TeamServerError
from tests.team.conftest import PgServer, TlsFiles, cluster

NOW = dt.datetime.now(dt.UTC)


def _key() -> ec.EllipticCurvePrivateKey:
    return ec.generate_private_key(ec.SECP256R1())


def _name(text: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, text)])


def _ca(text: str) -> tuple[ec.EllipticCurvePrivateKey, x509.Certificate]:
    key = _key()
    cert = (x509.CertificateBuilder().subject_name(_name(text)).issuer_name(_name(text))
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(NOW - dt.timedelta(days=1))
            .not_valid_after(NOW + dt.timedelta(days=30))
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .sign(key, hashes.SHA256()))
    return key, cert


def _server_cert(ca_key, ca_cert, *, names: list[x509.GeneralName],
                 expired: bool = False) -> tuple[bytes, bytes]:
    key = _key()
    start, end = ((NOW - dt.timedelta(days=60), NOW - dt.timedelta(days=1)) if expired
                  else (NOW - dt.timedelta(days=1), NOW + dt.timedelta(days=30)))
    cert = (x509.CertificateBuilder().subject_name(_name("team server"))
            .issuer_name(ca_cert.subject).public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(start).not_valid_after(end)
            .add_extension(x509.SubjectAlternativeName(names), critical=False)
            .sign(ca_key, hashes.SHA256()))
    return (cert.public_bytes(serialization.Encoding.PEM),
            key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                              serialization.NoEncryption()))


def _pem(cert: x509.Certificate) -> str:
    return cert.public_bytes(serialization.Encoding.PEM).decode("ascii")


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def tls_server() -> Iterator[tuple[PgServer, x509.Certificate, dict[str, bytes]]]:
    ca_key, ca_cert = _ca("Centre test CA")
    good_cert, good_key = _server_cert(ca_key, ca_cert,
                                       names=[x509.IPAddress(ipaddress.ip_address("127.0.0.1"))])
    expired_cert, expired_key = _server_cert(
        ca_key, ca_cert, names=[x509.IPAddress(ipaddress.ip_address("127.0.0.1"))],
        expired=True)
    with cluster(tls=TlsFiles(good_cert, good_key, _free_port())) as server:
        owner = server.socket_dir.stat()
        for name, pem in (("expired.crt", expired_cert), ("expired.key", expired_key)):
            path = server.socket_dir / name
            path.write_bytes(pem)
            path.chmod(0o600)
            os.chown(path, owner.st_uid, owner.st_gid)  # the server's account reads it
        with server.connect(autocommit=True) as conn:
            conn.execute("CREATE DATABASE centre")
        yield server, ca_cert, {"expired": expired_cert}


def _file(server: PgServer, ca_pem: str, host: str = "127.0.0.1") -> ConnectionFile:
    return ConnectionFile(host=host, port=server.port, database="centre", ca_certificate=ca_pem)


def test_init_over_tls_checks_the_server_against_the_files_ca(tls_server, tmp_path,
                                                              monkeypatch, capsys):
    server, ca_cert, _ = tls_server
    ca_file = tmp_path / "ca.pem"
    ca_file.write_text(_pem(ca_cert))
    monkeypatch.setenv("PEERDESK_SERVER_PASSWORD", server.password)
    file = tmp_path / "centre.json"
    code = cli.main(["team", "init", "--connection", str(file), "--setup-user",
                     server.superuser, "--host", "127.0.0.1", "--port", str(server.port),
                     "--database", "centre", "--ca-file", str(ca_file)])
    out = capsys.readouterr()
    assert (code, out.err) == (0, ""), out.err
    saved = ConnectionFile.load(file)
    assert saved.sslmode == "verify-full"
    assert saved.ca_certificate == _pem(ca_cert)
    with connect(saved, server.superuser, server.password) as conn:
        assert conn.info.pgconn.ssl_in_use
        assert schema.current_version(conn) == schema.latest_version()


def test_a_server_certificate_from_another_ca_is_refused(tls_server):
    server, _, _ = tls_server
    _, stranger = _ca("Someone else's CA")
    with pytest.raises(TeamServerError, match="could not check the team server's certificate"):
        connect(_file(server, _pem(stranger)), server.superuser, server.password)


def test_a_certificate_for_another_host_name_is_refused(tls_server):
    server, ca_cert, _ = tls_server
    with pytest.raises(TeamServerError, match="could not check the team server's certificate"):
        connect(_file(server, _pem(ca_cert), host="localhost"), server.superuser,
                server.password)


def _serve(server: PgServer, cert: str, key: str) -> None:
    """Switch the server's certificate and wait until new connections get it."""
    with server.connect(autocommit=True) as conn:
        if cert:
            conn.execute(f"ALTER SYSTEM SET ssl_cert_file = '{server.socket_dir / cert}'")
            conn.execute(f"ALTER SYSTEM SET ssl_key_file = '{server.socket_dir / key}'")
        else:
            conn.execute("ALTER SYSTEM RESET ssl_cert_file")
            conn.execute("ALTER SYSTEM RESET ssl_key_file")
        conn.execute("SELECT pg_reload_conf()")
    wanted = str(server.socket_dir / (cert or "server.crt"))
    for _ in range(100):
        with server.connect() as conn:
            if conn.execute("SHOW ssl_cert_file").fetchone()[0] == wanted:
                return
        time.sleep(0.05)
    raise AssertionError("the server did not take the new certificate")


def test_an_expired_server_certificate_is_refused(tls_server, tmp_path, monkeypatch, capsys):
    server, ca_cert, _ = tls_server
    _serve(server, "expired.crt", "expired.key")
    try:
        file = tmp_path / "centre.json"
        _file(server, _pem(ca_cert)).save(file)
        monkeypatch.setenv("PEERDESK_SERVER_PASSWORD", server.password)
        code = cli.main(["team", "init", "--connection", str(file), "--setup-user",
                         server.superuser])
        err = capsys.readouterr().err
        assert code == EXIT_FAILED
        assert "could not check the team server's certificate at 127.0.0.1:" in err
        assert "Traceback" not in err
    finally:
        _serve(server, "", "")


def test_plain_tcp_without_tls_is_refused_by_the_server_too(tls_server):
    """pg_hba accepts only hostssl: a client that skipped TLS would get nothing."""
    import psycopg

    server, _, _ = tls_server
    with pytest.raises(psycopg.OperationalError, match="no encryption"):
        psycopg.connect(host="127.0.0.1", port=server.port, dbname="centre",
                        user=server.superuser, password=server.password, sslmode="disable")


def test_a_server_without_tls_is_refused_with_a_clear_message():
    """A server on loopback that offers no TLS (started for this test) is refused
    before the password is sent."""
    with cluster(tcp_without_tls=_free_port()) as plain, \
            pytest.raises(TeamServerError, match="does not offer TLS"):
        connect(ConnectionFile(host="127.0.0.1", port=plain.port, database="postgres",
                               ca_certificate=_pem(_ca("any")[1])),
                plain.superuser, plain.password)
