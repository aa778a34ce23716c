"""No import circle inside app/ (issue 17): cli.py uses its command modules, and they
share what they need through cli_common, never through cli.py."""

from __future__ import annotations

import grimp


def test_no_module_in_app_imports_one_that_imports_it_back():
    graph = grimp.build_graph("peerdesk")
    app = sorted(m for m in graph.modules if m.startswith("peerdesk.app."))
    circles = []
    for importer in app:
        for imported in graph.find_modules_directly_imported_by(importer):
            if imported in app and graph.chain_exists(importer=imported, imported=importer):
                circles.append((importer, imported))
    assert circles == []


def test_only_the_apps_own_arguments_skip_building_the_commands():
    from peerdesk.app.cli import starts_the_app

    for argv in ([], ["--vault", "centre.peerdesk"], ["--vault=centre.peerdesk"], ["--demo"],
                 ["--debug", "--vault", "centre.peerdesk"]):
        assert starts_the_app(argv), argv
    for argv in (["--help"], ["--version"], ["check", "x"], ["--vault"], ["--vault", "--demo"],
                 ["--self-check"], ["-h"]):
        assert not starts_the_app(argv), argv


def test_the_apps_own_arguments_read_without_a_parser_as_the_parser_reads_them():
    from peerdesk.app.cli import app_arguments, build_parser

    for argv in ([], ["--vault", "centre.peerdesk"], ["--vault=centre.peerdesk"], ["--demo"],
                 ["--debug", "--vault", "centre.peerdesk"], ["--demo", "--debug"],
                 ["--vault", "a b.peerdesk", "--debug"]):
        read = app_arguments(argv)
        assert read is not None, argv
        assert vars(read) == vars(build_parser(commands=False).parse_args(argv)), argv
    # Left to the parser, which explains what is wrong with them.
    for argv in (["--vault", "a", "--demo"], ["--vault=a", "--vault=b"], ["--vault="],
                 ["--help"], ["check", "x"], ["--vault"]):
        assert app_arguments(argv) is None, argv
