"""The service directory: Open Referral HSDS 3.0 import, export, and the snapshot matching reads."""
