# Weather thermostat (MicroPython, Raspberry Pi Pico W).
#
# A BME280 on I2C0 (SDA GP4, SCL GP5, address 0x77), a relay on GP15 switching
# the fan, and a red LED on GP16. The Pico joins the Wi-Fi named in config.json,
# fetches the current outdoor temperature from Open-Meteo's forecast API, and
# runs the fan (LED lit) while the room is at least `warmer_by` degrees warmer
# than outside. Each reading is published over MQTT as JSON. Lost Wi-Fi, an
# unreachable API or broker are retried; the last forecast is kept meanwhile.
#
# Runs unchanged on a real Pico W: copy drive/ to its flash and Breadbox's
# Firmware/lib/bme280.py into /lib (requests and umqtt.simple are frozen into
# MicroPython's Pico W firmware).
import json
import time

import network
import requests
from machine import I2C, Pin
from umqtt.simple import MQTTClient

from bme280 import BME280

with open("config.json") as f:
    config = json.load(f)

FORECAST_URL = ("https://api.open-meteo.com/v1/forecast?latitude=%s&longitude=%s&current=temperature_2m"
                % (config["location"]["latitude"], config["location"]["longitude"]))

sensor = BME280(I2C(0, scl=Pin(5), sda=Pin(4)), address=0x77)
relay = Pin(15, Pin.OUT, value=0)
alarm = Pin(16, Pin.OUT, value=0)
wlan = network.WLAN(network.STA_IF)


def wifi_up():
    """Joins the configured network if not joined; True once there is an address."""
    if wlan.isconnected():
        return True
    wlan.active(True)
    if wlan.status() != network.STAT_CONNECTING:
        print("Wi-Fi: joining", config["wifi"]["ssid"])
        wlan.connect(config["wifi"]["ssid"], config["wifi"]["password"])
    for _ in range(100):
        if wlan.isconnected():
            print("Wi-Fi: address", wlan.ifconfig()[0])
            return True
        if wlan.status() < 0:
            break
        time.sleep_ms(100)
    print("Wi-Fi: not connected (status %d)" % wlan.status())
    return False


def outdoor_temperature():
    """Open-Meteo's current temperature in degrees C, or None when it cannot be had."""
    try:
        r = requests.get(FORECAST_URL, timeout=10)
        try:
            if r.status_code != 200:
                print("forecast: HTTP", r.status_code)
                return None
            return r.json()["current"]["temperature_2m"]
        finally:
            r.close()
    except (OSError, ValueError, KeyError) as e:
        print("forecast: failed,", e)
        return None


mqtt = None


def publish(reading):
    """Publishes the reading; on failure drops the client so the next call reconnects."""
    global mqtt
    m = config["mqtt"]
    try:
        if mqtt is None:
            client = MQTTClient(m["client_id"], m["broker"], port=m["port"], keepalive=60)
            client.connect()
            mqtt = client
            print("MQTT: connected to", m["broker"])
        mqtt.publish(m["topic"], json.dumps(reading))
    except OSError as e:
        print("MQTT: unavailable,", e)
        mqtt = None


outdoor = None
last_forecast = None
while True:
    online = wifi_up()
    now = time.ticks_ms()
    if online and (last_forecast is None or time.ticks_diff(now, last_forecast) >= config["forecast_every"] * 1000):
        t = outdoor_temperature()
        if t is not None:
            outdoor = t
            last_forecast = now
            print("forecast: %.1f C outside" % outdoor)
    room, pressure, humidity = sensor.read()
    fan = outdoor is not None and room - outdoor >= config["warmer_by"]
    relay.value(fan)
    alarm.value(fan)
    print("room %.2f C  outside %s  fan %s" % (room, "?" if outdoor is None else "%.1f C" % outdoor, "on" if fan else "off"))
    if online:
        publish({"room": round(room, 2), "humidity": round(humidity, 1), "outside": outdoor, "fan": fan})
    time.sleep(config["report_every"])
