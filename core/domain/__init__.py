"""The dossier's domain, below the services and the exports that both read it: the facts the rules
are computed from (``facts``) and the one validation every write passes (``validation``)."""
