"""A Flask receiver that checks a Bearer token from its environment, as a tutorial shows."""

import os

from flask import Flask, abort, request

app = Flask(__name__)
WEBHOOK_TOKEN = os.environ["WEBHOOK_TOKEN"]


@app.post("/webhook")
def webhook():
    if request.headers.get("Authorization") != f"Bearer {WEBHOOK_TOKEN}":
        abort(401)
    event = request.get_json()
    app.logger.info("received an event with keys %s", sorted(event))
    return {"ok": True}
