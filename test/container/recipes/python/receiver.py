"""A CrowdSec webhook receiver in Flask (a stand-in for yours).

It answers 200 to every event it can parse, acts once per event_id (the Console sends an event
again when it got no 200), and answers 401 to missing or wrong credentials.
"""
from flask import Flask, abort, request


def create_app(token):
    app = Flask(__name__)
    acted_on = set()

    @app.post("/crowdsec")
    def crowdsec():
        if request.headers.get("Authorization") != f"Bearer {token}":
            abort(401)
        event = request.get_json(silent=True)
        if not isinstance(event, dict):
            abort(400)
        # blocking_safe_ip may come flat, without details.event_id.
        details = event.get("details") if isinstance(event.get("details"), dict) else {}
        event_id = details.get("event_id")
        if event_id is None or event_id not in acted_on:
            acted_on.add(event_id)
            # ... open a ticket, post to chat, block the address ...
        return "", 200

    return app
