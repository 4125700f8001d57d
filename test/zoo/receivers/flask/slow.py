"""A Flask receiver that does its work before answering: SLOW_SECONDS (35 by default, past the
Console's 30 s timeout) of work, then 200."""

import os
import time

from flask import Flask, request

app = Flask(__name__)
SLOW_SECONDS = float(os.environ.get("SLOW_SECONDS", "35"))


@app.post("/webhook")
def webhook():
    event = request.get_json()
    time.sleep(SLOW_SECONDS)  # stands for the real work: a ticket, a chat message, a database write
    app.logger.info("handled an event with keys %s", sorted(event))
    return {"ok": True}
