import BoardNetwork
import FirmwareAPI
import PythonRuntime

/// CircuitPython's web workflow start (supervisor/shared/web_workflow): with
/// `CIRCUITPY_WIFI_SSID` (and `CIRCUITPY_WIFI_PASSWORD`, else an open network)
/// in settings.toml the supervisor joins after boot.py, for up to 8 s, and the
/// serial title (supervisor/shared/status_bar.c) shows the address or the
/// Wi-Fi error. A connection the program made itself ends at the next reload
/// (wifi_user_reset); the supervisor's stays up across reloads.
extension Supervisor {
    /// What the title's Wi-Fi part says; nil when settings.toml names no network.
    struct WebWorkflowStatus {
        var text: String
    }

    /// Joins the network settings.toml names; returns the status for the title.
    func startWebWorkflow(_ cp: CircuitPythonModules) -> WebWorkflowStatus? {
        let radio = networking.radio
        guard let ssid = cp.setting("CIRCUITPY_WIFI_SSID")?.as(PyStr.self)?.value else {
            // No supervisor connection: the program's own one ends with the run.
            radio.disconnect()
            radio.setStationActive(false)
            return nil
        }
        let password = cp.setting("CIRCUITPY_WIFI_PASSWORD")?.as(PyStr.self)?.value ?? ""
        if !radio.stationActive { radio.setStationActive(true) }
        let clock = adapter.clock
        let code = CircuitPythonWiFi.join(
            radio, ssid: ssid, password: password, bssid: nil, timeout: 8,
            rp2: board.definition.port == .rp2, now: { clock.monotonicNanoseconds },
            sleep: { [unowned self] ns in
                clock.sleep(nanoseconds: ns) { self.stopRequested }
                return self.stopRequested
            })
        if code != CircuitPythonWiFi.noError {
            // The workflow turns the radio off after a failed join, so the title reads "Wi-Fi: off".
            radio.setStationActive(false)
            return WebWorkflowStatus(text: "Wi-Fi: off")
        }
        // The title shows the web workflow's port when it is not 80 (status_bar.c).
        let port = startWebWorkflowServer(cp)
        return WebWorkflowStatus(text: radio.stationConfiguration.0 + (port.map { $0 != 80 ? ":\($0)" : "" } ?? ""))
    }

    /// The OSC title escape of status_bar.c: 🐍, the Wi-Fi part, what runs, the version.
    static func statusBar(_ wifi: WebWorkflowStatus, _ execution: String) -> String {
        "\u{1b}]0;🐍\(wifi.text) | \(execution) | \(SupervisorTexts.circuitpythonVersion)\u{1b}\\"
    }
}

extension Supervisor {
    /// supervisor_execution_status after an uncaught exception: "LINE@FILE TYPE"
    /// of the outermost frame (pyexec keeps the traceback's last entry).
    func exceptionStatus(_ rt: Runtime, _ e: PyBaseException?) -> String {
        guard let e, let frame = e.traceback.last else { return "Done" }
        return "\(frame.line)@\(frame.filename) \(e.type.name)"
    }
}
