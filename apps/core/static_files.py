"""Static files served by the web processes themselves, with DEBUG off (WhiteNoise)."""

import os

from whitenoise.middleware import WhiteNoiseMiddleware


class StaticFilesMiddleware(WhiteNoiseMiddleware):
    """WhiteNoise, without its warning from every process while STATIC_ROOT does not exist.

    That is every checkout where `collectstatic` never ran, the test suite's included, where the
    warning was repeated for each test; `check --deploy` reports it once instead (core.W002).
    """

    def add_files(self, root, prefix=None):
        if self.autorefresh or os.path.isdir(root):
            super().add_files(root, prefix)
