"""Fuzzing profiles: "short" in the suite; "long" (100,000 inputs per target) for ``bench/fuzz.py``."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

settings.register_profile("short", max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("long", max_examples=100_000, deadline=None, suppress_health_check=list(HealthCheck))
settings.load_profile(os.environ.get("EXWATCH_FUZZ_PROFILE", "short"))
