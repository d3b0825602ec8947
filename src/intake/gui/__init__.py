"""The desktop app (PySide6). Everything Qt lives below this package; the core never imports it."""
