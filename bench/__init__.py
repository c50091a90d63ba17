"""The Blauwe Map benchmark: synthetic caseloads and the speed targets of issue 7.

Run ``python -m bench`` (all sizes) or ``python -m bench --quick`` (100 dossiers, as in CI).
"""
