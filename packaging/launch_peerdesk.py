"""The bundle's entry point: the same as the `peerdesk` command of a pip install."""

from peerdesk.app.cli import main

raise SystemExit(main())
