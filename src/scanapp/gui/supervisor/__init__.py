"""The supervisor's station (SPEC S4, S5, S7, S8, S10, S11, S3): one page of tabs reached from the counts list."""
