"""The HSDS 3.0 directory: import, validate and export. The one door the GUI, the command
line and the benchmarks use; the work is done in the hsds_* modules beside this one."""

from intake.directory.hsds_export import export_directory
from intake.directory.hsds_import import ImportReport, import_directory, validate_directory

__all__ = ["ImportReport", "export_directory", "import_directory", "validate_directory"]
