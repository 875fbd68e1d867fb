"""The HTTP API (FastAPI). Routes are thin: authenticate, check the permission, run one service function
in one transaction. Errors of the world become 4xx with a message; bugs become 500 with a logged traceback."""
