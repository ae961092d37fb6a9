"""The web face: the FastAPI app (app.py), the JSON API (api.py) and the HTML UI."""
