"""harness: replay Postman collections headlessly, in Python, as pytest cases.

The engine (parse, resolve, build, send, scripts, run) is usable as a library and knows
nothing of pytest or Allure; :mod:`harness.pytest_plugin` and :mod:`harness.report` sit at
the edges.
"""

from harness.errors import HarnessError, InputError

__all__ = ["HarnessError", "InputError", "__version__"]
__version__ = "0.1.0"
