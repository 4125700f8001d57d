"""A Flask receiver that acknowledges with an empty 204, as many tutorials do."""

from flask import Flask, request

app = Flask(__name__)


@app.post("/webhook")
def webhook():
    event = request.get_json()
    app.logger.info("received an event with keys %s", sorted(event))
    return "", 204
