"""Tertulia: a static site generator for bilingual essays and their discussions."""

__version__ = "0.1.0"
