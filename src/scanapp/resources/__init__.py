"""Files the app reads at run time, shipped inside the package (DESIGN rule 15): the style sheet, the scan
feedback sounds and the compiled translations. Read them with `importlib.resources.files(__name__)`, never
by a path relative to the source tree, so a wheel and a PyInstaller build find them too."""
