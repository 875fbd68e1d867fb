"""Setting up a scanner: the settings form and the test pad (SPEC B3)."""
