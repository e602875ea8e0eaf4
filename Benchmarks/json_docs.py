# JSON: sensor-sized documents encoded and decoded, as a board reports over
# MQTT and reads a weather API's answer.
import json


def main():
    size = 0
    total = 0.0
    for i in range(400):
        doc = {"id": "room-%d" % (i % 7), "seq": i, "t": 20.5 + (i % 10) / 4,
               "h": 40 + i % 30, "fan": i % 3 == 0, "tags": ["bme280", "relay", str(i % 5)],
               "hourly": {"time": ["2026-12-07T%02d:00" % (h % 24) for h in range(6)],
                          "temperature_2m": [4.25 + h / 2 for h in range(6)]}}
        text = json.dumps(doc)
        size += len(text)
        back = json.loads(text)
        total += back["t"] + sum(back["hourly"]["temperature_2m"]) + back["seq"]
        if back["fan"]:
            total += len(back["tags"])
    return (size, round(total, 3))


REPEAT = 30
result = None
for _ in range(REPEAT):
    result = main()
print("json_docs", result)
