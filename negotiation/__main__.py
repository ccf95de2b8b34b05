"""``python -m negotiation``: the ``negotiation`` command (see :mod:`negotiation.cli`)."""

from negotiation.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
