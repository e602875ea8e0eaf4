# Weather thermostat (CircuitPython, Raspberry Pi Pico W or ESP32-S3 DevKitC-1).
#
# A BME280 on I2C (address 0x77), a relay switching the fan and a red LED, on the
# pins PINS names for the board. The board joins the Wi-Fi of settings.toml at
# boot; the program fetches the current outdoor temperature from Open-Meteo's
# forecast API and runs the fan (LED lit) while the room is at least WARMER_BY
# degrees warmer than outside. Each reading is published over MQTT as JSON. Lost
# Wi-Fi, an unreachable API or broker are retried; the last forecast is kept.
#
# Needs in lib/: adafruit_requests, adafruit_connection_manager,
# adafruit_minimqtt, adafruit_ticks, adafruit_bme280, adafruit_bus_device and
# adafruit_register (circup installs them with their dependencies).
import json
import os
import time

import adafruit_connection_manager
import adafruit_minimqtt.adafruit_minimqtt as MQTT
import adafruit_requests
import board
import busio
import digitalio
import wifi
from adafruit_bme280 import basic as adafruit_bme280

# SDA, SCL, fan relay, red LED. The DevKitC-1 has no board.SDA/SCL; IO8 and IO9
# are ESP-IDF's usual I2C pins.
PINS = {
    "raspberry_pi_pico_w": ("GP4", "GP5", "GP15", "GP16"),
    "espressif_esp32s3_devkitc_1_n8": ("IO8", "IO9", "IO15", "IO16"),
}
SDA, SCL, RELAY, ALARM = (getattr(board, name) for name in PINS[board.board_id])

FORECAST_URL = ("https://api.open-meteo.com/v1/forecast?latitude=%s&longitude=%s&current=temperature_2m"
                % (os.getenv("LATITUDE"), os.getenv("LONGITUDE")))
WARMER_BY = os.getenv("WARMER_BY", 5)
REPORT_EVERY = os.getenv("REPORT_EVERY", 30)
FORECAST_EVERY = os.getenv("FORECAST_EVERY", 600)
TOPIC = os.getenv("MQTT_TOPIC")

sensor = adafruit_bme280.Adafruit_BME280_I2C(busio.I2C(SCL, SDA), address=0x77)
relay = digitalio.DigitalInOut(RELAY)
relay.switch_to_output(value=False)
alarm = digitalio.DigitalInOut(ALARM)
alarm.switch_to_output(value=False)

pool = adafruit_connection_manager.get_radio_socketpool(wifi.radio)
ssl_context = adafruit_connection_manager.get_radio_ssl_context(wifi.radio)
requests = adafruit_requests.Session(pool, ssl_context)
# One attempt per report: a broker that is down is tried again next time, not
# in minimqtt's own retry loop (which would hold up the readings).
mqtt = MQTT.MQTT(broker=os.getenv("MQTT_BROKER"), port=os.getenv("MQTT_PORT", 1883),
                 client_id=os.getenv("MQTT_CLIENT_ID"), socket_pool=pool, ssl_context=ssl_context,
                 keep_alive=60, connect_retries=1)


def wifi_up():
    """Rejoins settings.toml's network if the link is gone; True while joined."""
    if wifi.radio.connected:
        return True
    ssid = os.getenv("CIRCUITPY_WIFI_SSID")
    print("Wi-Fi: joining", ssid)
    try:
        wifi.radio.connect(ssid, os.getenv("CIRCUITPY_WIFI_PASSWORD"))
    except ConnectionError as e:
        print("Wi-Fi: not connected,", e)
        return False
    print("Wi-Fi: address", wifi.radio.ipv4_address)
    return True


def outdoor_temperature():
    """Open-Meteo's current temperature in degrees C, or None when it cannot be had."""
    try:
        with requests.get(FORECAST_URL, timeout=10) as r:
            if r.status_code != 200:
                print("forecast: HTTP", r.status_code)
                return None
            return r.json()["current"]["temperature_2m"]
    except (OSError, RuntimeError, ValueError, KeyError, adafruit_requests.OutOfRetries) as e:
        print("forecast: failed,", e)
        return None


def publish(reading):
    """Publishes the reading, connecting first if need be; on failure the
    connection is dropped so the next call starts afresh."""
    try:
        if not mqtt.is_connected():
            mqtt.connect()
            print("MQTT: connected to", mqtt.broker)
        mqtt.publish(TOPIC, json.dumps(reading))
    except (OSError, MQTT.MMQTTException) as e:
        # MMQTTException's args are (message, CONNACK code).
        print("MQTT: unavailable,", e.args[0] if isinstance(e, MQTT.MMQTTException) else e)
        if mqtt.is_connected():
            mqtt.disconnect()


if wifi.radio.connected:
    print("Wi-Fi: address", wifi.radio.ipv4_address)
outdoor = None
last_forecast = None
while True:
    online = wifi_up()
    now = time.monotonic()
    if online and (last_forecast is None or now - last_forecast >= FORECAST_EVERY):
        t = outdoor_temperature()
        if t is not None:
            outdoor = t
            last_forecast = now
            print("forecast: %.1f C outside" % outdoor)
    room = sensor.temperature
    humidity = sensor.relative_humidity
    fan = outdoor is not None and room - outdoor >= WARMER_BY
    relay.value = fan
    alarm.value = fan
    print("room %.2f C  outside %s  fan %s" % (room, "?" if outdoor is None else "%.1f C" % outdoor, "on" if fan else "off"))
    if online:
        publish({"room": round(room, 2), "humidity": round(humidity, 1), "outside": outdoor, "fan": fan})
    time.sleep(REPORT_EVERY)
