"""The Wi2021 rules as pure functions over plain data (``core.rules.facts``).

Nothing here touches a database or Qt. Every number the law may change lives in
:mod:`core.rules.table`; every rule cites its source (a DOMAIN.md section or a seed line).
"""
