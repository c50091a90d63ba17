"""Blauwe Map: entry point. Parses the arguments, sets up paths, logging and the language, then
runs a command-line subcommand or starts the app window. Nothing happens at import time."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    from core import cli, i18n, paths
    from core.logsetup import setup_logging
    from core.settings import Settings

    parser = cli.build_parser()
    args = parser.parse_args(argv)
    try:
        app_paths = paths.init(args.data_dir).ensure()
    except OSError as exc:  # a read-only or full place: a message, not a traceback
        from core.db import storage_error

        print(f"main.py: {storage_error(exc, opening=True)}", file=sys.stderr)
        return 1
    setup_logging(app_paths.logs, args.verbose)
    settings = Settings.load(app_paths.settings_file)
    lang = args.lang or settings.language
    if lang:
        try:
            i18n.set_language(lang)
        except ValueError:
            parser.error(
                f"unknown language code {lang!r}; choose from {', '.join(i18n.shipped_codes())}"
            )
    if args.command in (None, "gui"):
        try:
            from gui.app import run_gui
        except ImportError as exc:  # Qt's shared libraries (libEGL, libxkbcommon, …) are missing
            print(
                f"The window cannot start: {exc}.\n"
                "Qt needs a few system libraries; on Debian or Ubuntu: apt-get install libegl1 libgl1 "
                "libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 libglib2.0-0.\n"
                "The subcommands (blauwemap --help) work without them.",
                file=sys.stderr,
            )
            return 1

        return run_gui(args, settings)
    return cli.run(args)


if __name__ == "__main__":
    sys.exit(main())
