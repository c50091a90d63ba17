"""``main.py export`` and ``main.py import``: the command line of the exports (registered in core/cli.py)."""

from __future__ import annotations

import argparse
import os
import sys
from typing import TYPE_CHECKING, Any

from core.errors import ImportFileError, ValidationError
from core.export.section_codes import (
    ALL_CODES,
    DEFAULT_CODES,
    FORMATS,
    MIN_EXPORT_PASSPHRASE,
    PERSONAL_FORMATS,
    PROTECTABLE,
    check_export_passphrase,
)
from core.i18n import _, ngettext

if TYPE_CHECKING:
    from core.services.store import Store

EXPORT_PASSPHRASE_ENV = "BLAUWEMAP_EXPORT_PASSPHRASE"


def add_parsers(sub: Any) -> None:
    p = sub.add_parser("export", help=_("export a klantprofiel, PIP, PID, CV or calendar"))
    p.add_argument(
        "--dossier", type=_dossier_id, required=True, metavar="ID", help=_("the dossier to export")
    )
    p.add_argument("--format", required=True, choices=tuple(FORMATS), help=_("what to make"))
    p.add_argument("--out", required=True, metavar="PATH", help=_("the file to write"))
    p.add_argument(
        "--lang",
        dest="export_lang",
        metavar="CODE",
        help=_(
            "language of the document (default: Dutch; PID, PIP, CV and the map for a phone: "
            "the person's language)"
        ),
    )
    p.add_argument(
        "--sections",
        metavar="A,B,C",
        help=_("sections the person agreed to share: {codes}").format(codes=",".join(ALL_CODES)),
    )
    p.add_argument(
        "--recipient", metavar="TEXT", help=_("to whom the export goes (kept in the export log)")
    )
    p.add_argument(
        "--referral",
        type=_dossier_id,
        metavar="ID",
        help=_(
            "the referral this export is made for: only the sections agreed for it may be "
            "shared, and the export log records it"
        ),
    )
    p.add_argument(
        "--protect",
        action="store_true",
        help=_("html: encrypt the map with the passphrase in {env}").format(
            env=EXPORT_PASSPHRASE_ENV
        ),
    )
    p.add_argument("--today", type=_iso, help=argparse.SUPPRESS)
    p = sub.add_parser("import", help=_("import a klantprofiel JSON file (shows a preview first)"))
    p.add_argument("path", metavar="PATH", help=_("the .json file"))
    p.add_argument("--yes", action="store_true", help=_("write without asking"))


def _iso(text: str) -> Any:
    from core.cli_args import iso_date

    return iso_date(text)


def _dossier_id(text: str) -> int:
    from core.cli_args import positive_int

    return positive_int(text)


def cmd_export(args: argparse.Namespace, store: Store) -> int:
    from core.cli_args import UsageError
    from core.services.dossiers import load_dossier
    from core.services.exports import export_dossier

    if args.sections is None:
        sections: tuple[str, ...] = DEFAULT_CODES
        print(
            _(
                "No --sections given: only the non-sensitive sections are exported ({codes}). "
                "Health, family, finances, soft information and document files stay out."
            ).format(codes=",".join(sections)),
            file=sys.stderr,
        )
    else:
        sections = tuple(s.strip() for s in args.sections.split(",") if s.strip())
        unknown = [s for s in sections if s not in ALL_CODES]
        if unknown:
            raise UsageError(
                _("Unknown section “{name}”. Known: {codes}").format(
                    name=unknown[0][:40], codes=",".join(ALL_CODES)
                )
            )
    passphrase = _export_passphrase(args) if args.protect else None
    person = load_dossier(store, args.dossier)
    lang = args.export_lang or getattr(args, "lang", None)
    if not lang:
        lang = person.preferred_language if args.format in PERSONAL_FORMATS else "nl"
    from core.i18n import language

    try:
        language(lang)
    except ValueError:
        raise UsageError(_("Unknown language code “{code}”.").format(code=str(lang)[:10])) from None
    result = export_dossier(
        store,
        args.dossier,
        args.format,
        args.out,
        sections=sections,
        recipient=args.recipient,
        lang=lang,
        today=args.today,
        passphrase=passphrase,
        referral_id=args.referral,
    )
    print(
        _("Written: {path} ({size} bytes, SHA-256 {sha})").format(
            path=result.path, size=result.size, sha=result.sha256
        )
    )
    if args.format in ("pdf", "json"):
        from core.export.sections import withheld_topics
        from core.rules.intake_topics import TOPICS

        titles = {t.code: t.title for t in TOPICS}
        withheld = withheld_topics(person, sections)
        if withheld:
            print(
                ngettext(
                    "Left out: {n} brede-intake topic the person did not agree to share ({names}).",
                    "Left out: {n} brede-intake topics the person did not agree to share ({names}).",
                    len(withheld),
                ).format(
                    n=len(withheld),
                    names=", ".join(_(titles.get(t.topic, t.topic)) for t in withheld),
                ),
                file=sys.stderr,
            )
    return 0


def _export_passphrase(args: argparse.Namespace) -> str:
    """--protect's passphrase, checked before anything is read (ValidationError: exit code 2)."""
    if args.format not in PROTECTABLE:
        raise ValidationError(
            _("Only the map for a phone can be protected with a passphrase."), field="format"
        )
    passphrase = os.environ.get(EXPORT_PASSPHRASE_ENV, "")
    if not passphrase:
        raise ValidationError(
            _(
                "--protect needs a passphrase of at least {n} characters in the environment "
                "variable {env}."
            ).format(n=MIN_EXPORT_PASSPHRASE, env=EXPORT_PASSPHRASE_ENV),
            field="passphrase",
        )
    check_export_passphrase(passphrase)  # too short
    return passphrase


def cmd_import(args: argparse.Namespace, store: Store) -> int:
    from core.services.exports import apply_import, import_file

    try:
        preview = import_file(store, args.path)
    except ImportFileError as exc:
        print(f"main.py: {exc}", file=sys.stderr)
        return 2
    for line in preview.lines():
        print(line)
    if not args.yes:
        if not (sys.stdin is not None and sys.stdin.isatty()):
            print(_("Nothing written. Run again with --yes to import."), file=sys.stderr)
            return 0
        answer = input(_("Import this file? [y/N] ")).strip().lower()
        if answer not in ("y", "yes", "j", "ja"):
            print(_("Nothing written."))
            return 0
    dossier = apply_import(store, preview)
    print(_("Imported into dossier {id}.").format(id=dossier))
    return 0
