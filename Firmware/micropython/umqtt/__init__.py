# umqtt: the MQTT 3.1.1 clients `umqtt.simple` and `umqtt.robust`.
