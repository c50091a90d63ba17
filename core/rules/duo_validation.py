"""DUO's validation rules for a PIP (DOMAIN.md §6, ext DUO M2M spec README).

Findings of severity ``error`` are combinations DUO rejects; ``warning`` ones are allowed but
worth a second look. The app shows them; the person may still record what the gemeente decided.
"""

from __future__ import annotations

from dataclasses import dataclass

from core.i18n import N_, _
from core.rules.clocks import leerroute_change_end
from core.rules.facts import DossierFacts, PipFacts
from core.rules.table import RULES, RuleTable

ERROR, WARNING = "error", "warning"

MESSAGES: dict[str, str] = {
    "a2_onderwijsroute": N_("DUO rejects level A2 with the onderwijsroute."),
    "b1_zroute": N_("DUO rejects level B1 with the Z-route."),
    "b1route_a2_first_pip": N_("DUO rejects the B1-route at level A2 on a person's first PIP."),
    "intensiteit_not_b1_asiel": N_(
        "The estimated intensity (geschatteIntensiteitB1Route) is only for the B1-route of an "
        "asielstatushouder."
    ),
    "before_plicht": N_(
        "The PIP date may not be earlier than the start of the inburgeringsplicht."
    ),
    "before_vestiging": N_("The PIP date may not be earlier than settling in the gemeente."),
    "before_previous_pip": N_("The PIP date may not be earlier than the date of the current PIP."),
    "lbt_deviation_reason": N_(
        "The leerroute differs from the leerbaarheidstoets advice: write the reasons in the PIP."
    ),
    "afschalen_not_b1route": N_("Lowering a skill to A2 (afschalen) only applies to the B1-route."),
    "old_regime": N_("A PIP belongs to the Wi2021; this person falls under an older regime."),
    "leerroute_change_late": N_(
        "This PIP changes the leerroute more than 18 months after the inburgeringstermijn "
        "started; the Wet inburgering 2021 allows a change of leerroute within 18 months."
    ),
}


@dataclass(frozen=True)
class Finding:
    code: str
    severity: str
    field: str | None = None

    def text(self) -> str:
        return _(MESSAGES[self.code])


def validate_pip(
    pip: PipFacts,
    f: DossierFacts,
    lbt_deviation_reason: str | None = None,
    t: RuleTable = RULES,
) -> list[Finding]:
    out: list[Finding] = []
    route, niveau = pip.leerroute, pip.niveau
    if f.regime != "Wi2021":
        out.append(Finding("old_regime", WARNING, "leerroute"))
    if route == "O" and niveau == "A2":
        out.append(Finding("a2_onderwijsroute", ERROR, "niveau"))
    if route == "Z" and niveau == "B1":
        out.append(Finding("b1_zroute", ERROR, "niveau"))
    is_first = not f.pips or pip.version_no <= min(p.version_no for p in f.pips)
    if route == "B" and niveau == "A2" and is_first:
        out.append(Finding("b1route_a2_first_pip", ERROR, "niveau"))
    if pip.geschatte_intensiteit is not None and not (
        route == "B" and f.doelgroep == "Asielstatushouder"
    ):
        out.append(Finding("intensiteit_not_b1_asiel", ERROR, "geschatte_intensiteit"))
    day = pip.dagtekening
    if f.plicht_begindatum and day < f.plicht_begindatum:
        out.append(Finding("before_plicht", ERROR, "dagtekening"))
    if f.vestiging_date and day < f.vestiging_date:
        # An azc PIP may predate settling (seed 003 L482-494): a warning, not an error.
        out.append(Finding("before_vestiging", WARNING, "dagtekening"))
    current = f.current_pip
    if current is not None and current.version_no < pip.version_no and day < current.dagtekening:
        out.append(Finding("before_previous_pip", ERROR, "dagtekening"))
    # A route change after the window: kept (the gemeente decided it, and may have had grounds),
    # with a warning naming the rule (DOMAIN.md §3, ext nt2.nl).
    window = leerroute_change_end(f, t)
    if (
        current is not None
        and current.version_no < pip.version_no
        and current.leerroute != route
        and window is not None
        and day > window
    ):
        out.append(Finding("leerroute_change_late", WARNING, "leerroute"))
    lowered = [s for s, lv in pip.skill_levels.items() if lv == "A2"]
    if lowered and route != "B":
        out.append(Finding("afschalen_not_b1route", WARNING, "niveau"))
    if f.lbt_resultaat and not lbt_deviation_reason:
        advised_b1 = f.lbt_resultaat == "B1-route haalbaar"
        if (advised_b1 and route == "Z") or (
            f.lbt_resultaat == "B1-route niet haalbaar" and route == "B"
        ):
            out.append(Finding("lbt_deviation_reason", WARNING, "lbt_afwijking_reden"))
    return out
