"""Printing from the GUI: letters and handouts previewed, printed, saved; exports.

open_letters_dialog(parent, database, intake_id)   # letters for one stored intake
open_export_dialog(parent, database)               # referral summaries to a file
"""

from intake.gui.export_dialog import open_export_dialog
from intake.gui.printing.letters_dialog import open_letters_dialog

__all__ = ["open_export_dialog", "open_letters_dialog"]
