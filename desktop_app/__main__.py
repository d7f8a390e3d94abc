"""`python -m desktop_app` runs the command-line interface."""

from desktop_app.cli.main import main

if __name__ == "__main__":
    raise SystemExit(main())
