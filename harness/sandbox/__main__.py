"""``python -m harness.sandbox`` = ``harness sandbox``."""

import sys

from harness.sandbox.server import main

sys.exit(main())
