"""intake: intake and referral assistant for substance-use and harm-reduction programs."""

__version__ = "0.1.0"
