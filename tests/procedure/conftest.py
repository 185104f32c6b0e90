"""Let pytest explain failed assertions inside the shared walk helpers as it does in the tests themselves."""

import pytest

pytest.register_assert_rewrite("tests.procedure.walk")
