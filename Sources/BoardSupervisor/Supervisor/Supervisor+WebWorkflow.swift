import FirmwareAPI
import PythonRuntime

/// settings.toml's web workflow keys (CircuitPython's docs/workflows.md):
/// with `CIRCUITPY_WEB_API_PASSWORD` set, the board serves its files, facts
/// and serial console over HTTP once it has joined the Wi-Fi.
extension Supervisor {
    /// Starts (or, on a later boot, resumes) the web workflow after a
    /// successful join, as supervisor_start_web_workflow does: the password,
    /// port and instance name are read on the first start only. Returns the
    /// port it serves on, or nil when it does not run.
    func startWebWorkflowServer(_ cp: CircuitPythonModules) -> Int? {
        if services.webWorkflow == nil {
            // A password that is not a string (or none) leaves the workflow off.
            guard let password = cp.setting("CIRCUITPY_WEB_API_PASSWORD")?.as(PyStr.self)?.value else { return nil }
            var port = 80
            if let v = cp.setting("CIRCUITPY_WEB_API_PORT"), v.isSmallInt { port = v.asSmallInt }
            var name = cp.setting("CIRCUITPY_WEB_INSTANCE_NAME")?.as(PyStr.self)?.value ?? ""
            if name.isEmpty { name = WebWorkflow.bannerParts(board.definition.names.circuitpython).board }
            services.webWorkflow = WebWorkflow(supervisor: self, settings: .init(password: password, port: port, instanceName: name))
        }
        guard let workflow = services.webWorkflow, workflow.start() else { return nil }
        return workflow.settings.port
    }
}
