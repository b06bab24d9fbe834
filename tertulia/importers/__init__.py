"""Importers: other systems' exports -> content files. They write content/, never output/."""
