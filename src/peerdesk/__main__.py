"""Allow `python -m peerdesk`."""

from peerdesk.app.cli import main

raise SystemExit(main())
