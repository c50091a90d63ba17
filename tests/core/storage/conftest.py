from tests.core.storage.team_support import team_server

__all__ = ["team_server"]
