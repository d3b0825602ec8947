"""The Clients tab: the client list and search, a client's history, drafts, and the wizard."""

from intake.gui.clients.launcher import IntakeLauncher
from intake.gui.clients.page import ClientsPage

__all__ = ["ClientsPage", "IntakeLauncher"]
