"""Extradition Watch: protect exiled dissidents from politically motivated extradition."""

__version__ = "0.1.0"
