def test_is_ready_for_the_crowdsec_console(cswm_report):
    failed = [f"{c['id']}: {c['summary']}" for c in cswm_report["checks"] if c["result"] == "fail"]
    assert failed == []
    assert cswm_report["verdict"] == "ready"


def test_accepts_every_documented_event_type(cswm_report):
    accepts = [c for c in cswm_report["checks"] if c["id"].startswith("delivery.accepts.")]
    assert len(accepts) == 15
    assert all(c["result"] == "pass" for c in accepts)
