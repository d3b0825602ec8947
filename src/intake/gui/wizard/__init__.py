"""The intake wizard: who the client is and what they want, to a referral plan and Finish."""

from intake.gui.wizard.wizard import PAGES, IntakeWizard

__all__ = ["PAGES", "IntakeWizard"]
