import BoardEmulator
import BoardNetwork
import FirmwareAPI
import Foundation
import HostPlatform
import PythonRuntime

/// A project that cannot be run (bad folder, circuit or `--set`): one line.
public struct SupervisorError: Error, CustomStringConvertible, Equatable {
    public var reason: String
    public init(_ reason: String) { self.reason = reason }
    public var description: String { reason }
}

/// How one boot (boot.py then main.py / code.py) ended.
public enum BootOutcome: Equatable, Sendable {
    /// The program ran to its end (or called `sys.exit()`).
    case finished
    /// An uncaught exception (or a syntax error) was printed; the board waits.
    case exception
    /// No main.py / code.py on the drive; the board waits.
    case noProgram
    /// Stopped from outside: auto-reload, the virtual timeout, an expected or fail text.
    case stopped
}

/// Why a headless run ended (`breadbox run` turns this into its exit code).
public enum HeadlessResult: Equatable, Sendable {
    case finished, exception, expectedText, failText, timeout
    /// wokwi-cli's exit codes (42 for a timeout unless told otherwise).
    public func exitCode(timeoutExitCode: Int32 = 42) -> Int32 {
        switch self {
        case .finished, .expectedText: return 0
        case .exception, .failText: return 1
        case .timeout: return timeoutExitCode
        }
    }
}

/// The firmware's supervisor: boots a project's board and runs its drive the
/// way MicroPython or CircuitPython does — the boot sequence and its serial
/// texts, tracebacks, `machine.reset()`, and CircuitPython's auto-reload.
///
/// A fresh `Runtime` is made for every run (as the real firmware restarts its
/// VM): heap as the board definition gives the flavour, `os.uname().machine`
/// from the board, the board's clock, the drive as its file system, and its
/// output to the serial sink. All serial output goes through `serialOutput`
/// and is kept in `serialLog`.
///
/// A supervisor belongs to its board's firmware thread; other threads reach it
/// only through its `inbox` (and the forwarding methods marked "any thread").
public final class Supervisor {
    public let project: URL
    public let assembly: CircuitAssembly
    public let drive: Drive
    public var board: Board { assembly.board }
    public var flavour: FirmwareFlavour { board.flavour }
    public let adapter: BoardHostAdapter

    /// Where serial output goes (stdout for `breadbox run`); also kept in `serialLog`.
    public var serialOutput: ((String) -> Void)?
    /// Further consoles that see the same serial stream (an external serial
    /// port, the web workflow's WebSocket, WebREPL); firmware thread.
    private var serialTaps: [Int: ([UInt8]) -> Void] = [:]
    private var nextTapID = 0
    private var serialDecoder = SerialTextDecoder()
    public private(set) var serialLog = ""
    /// Whether serial output is kept in `serialLog` (tests; long runs may turn it off).
    public var keepsSerialLog = true
    /// Texts that stop the run when they appear on serial (`--expect-text`, `--fail-text`).
    public var expectText: String?
    public var failText: String?
    public private(set) var sawExpectedText = false
    public private(set) var sawFailText = false
    /// CircuitPython's auto-reload (on by default, as on the board).
    public var autoReloadEnabled = true

    /// The runtime of the run in progress (or the last one).
    public internal(set) var runtime: Runtime?
    public private(set) var machine: MachineModule?
    /// CircuitPython's module state for the current run (nil on MicroPython).
    public private(set) var circuitPython: CircuitPythonModules?
    /// `microcontroller.nvm` of the last run, carried to the next.
    private var savedNVM: [UInt8]?
    public private(set) var bootCount = 0
    public private(set) var timedOut = false
    /// Called when the virtual timeout passes (before the run is stopped).
    public var onTimeout: (() -> Void)?
    /// Called with the traceback's last line (`ImportError: no module named 'x'`)
    /// after the program's uncaught exception is printed on serial, so the
    /// host can add advice of its own without changing what serial shows.
    public var onProgramException: ((String) -> Void)?
    /// A scenario drives the board: nothing comes from the wall, so waiting
    /// skips straight to the next event (see `idleSlice`).
    public var unattended = false

    /// The REPL the board runs (kept across soft resets, as the firmware does).
    public internal(set) var replMode = REPLMode.friendly
    /// The REPL's line history (the firmware clears it at each soft reset).
    var readLineHistory: [String] = []

    /// The network the board's Wi-Fi sees (circuit.json's, unless `join(_:)` gives another).
    public private(set) var network: SimulatedNetwork
    /// The board's radio and TCP/IP stack on `network`.
    public private(set) var networking: BoardNetworking!

    /// What other threads post to this board (input, drive changes, stop,
    /// reload), taken at the firmware thread's safe points.
    public let inbox = BoardInbox()
    /// The firmware's network services (web workflow, WebREPL), polled from `takeMail`.
    let services = BoardServices()
    private var matchTail = ""
    private var timeoutEvent: VirtualClock.EventID?

    /// The Wokwi project this board runs, when the folder is one (`diagram.json`, no circuit.json).
    public let wokwi: WokwiProject?
    /// The host folder the drive is: `PROJECT/drive`, or a Wokwi project's own folder.
    public var driveFolder: URL { wokwi == nil ? project.appendingPathComponent("drive") : project }

    /// Loads `PROJECT/circuit.json` and `PROJECT/drive/`, or a Wokwi project
    /// (`PROJECT/diagram.json` and the files beside it).
    public init(project: URL, boardDirectory: URL = BoardDefinition.sourceTreeDirectory) throws(SupervisorError) {
        self.project = project
        let circuitURL = project.appendingPathComponent("circuit.json")
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: project.path, isDirectory: &isDir), isDir.boolValue else {
            throw SupervisorError("\(project.path): no such project folder")
        }
        if WokwiProject.isWokwiProject(project) {
            let w = try WokwiProject(folder: project, boardDirectory: boardDirectory)
            wokwi = w
            do throws(CircuitError) {
                assembly = try CircuitAssembly(circuit: w.circuit, file: WokwiProject.diagramFile, boardDirectory: boardDirectory)
                drive = try Drive(project: project, circuit: w.circuit, folder: project, exclusions: w.exclusions,
                                  boardDirectory: boardDirectory)
            } catch let e {
                throw SupervisorError("\(e)")
            }
        } else {
            wokwi = nil
            guard FileManager.default.fileExists(atPath: circuitURL.path) else {
                throw SupervisorError("\(project.path): no circuit.json (nor a Wokwi diagram.json)")
            }
            let driveURL = project.appendingPathComponent("drive")
            guard FileManager.default.fileExists(atPath: driveURL.path, isDirectory: &isDir), isDir.boolValue else {
                throw SupervisorError("\(project.path): no drive/ folder")
            }
            do throws(CircuitError) {
                assembly = try CircuitAssembly(contentsOf: circuitURL, boardDirectory: boardDirectory)
                drive = try Drive(project: project, circuit: assembly.circuit, boardDirectory: boardDirectory)
            } catch let e {
                throw SupervisorError("\(e)")
            }
        }
        adapter = BoardHostAdapter(board: assembly.board)
        network = SimulatedNetwork(spec: assembly.circuit.network)
        adapter.clock.safePoint = { [unowned self] in self.takeMail() }
        join(network)
        try useCircuitReplay()
        assembly.board.onReset = { [unowned self] cause in
            if cause == .soft { self.networking.softReset() } else { self.networking.hardReset() }
            self.services.boardDidReset(soft: cause == .soft)
        }
    }

    /// How `breadbox run` sets up the board's network (`--host`,
    /// `--network-record`, `--network-replay`).
    public struct NetworkOptions {
        /// `NAME=ADDRESS[:PORT]`, each: NAME resolves on the board and its
        /// connections reach ADDRESS on the host (on PORT if given).
        public var hosts: [String] = []
        public var recordFolder: URL?
        public var replayFolder: URL?
        /// `HOSTPORT:BOARDPORT`, each: 127.0.0.1:HOSTPORT on the host reaches BOARDPORT on the board.
        public var forwards: [String] = []
        /// `--network-log`: the traffic log, a line per entry, written here as it grows.
        public var logFile: URL?
        public init(hosts: [String] = [], recordFolder: URL? = nil, replayFolder: URL? = nil, forwards: [String] = [],
                    logFile: URL? = nil) {
            self.logFile = logFile
            self.hosts = hosts
            self.recordFolder = recordFolder
            self.replayFolder = replayFolder
            self.forwards = forwards
        }
    }

    /// Applies `options` (before the first boot).
    public func configureNetwork(_ options: NetworkOptions) throws(SupervisorError) {
        if !options.hosts.isEmpty {
            var extra: [String: HostTarget] = [:]
            for m in options.hosts {
                guard let eq = m.firstIndex(of: "="), eq != m.startIndex, !m[..<eq].contains(" "),
                      let target = HostTarget(String(m[m.index(after: eq)...])) else {
                    throw SupervisorError("--host \"\(m)\" is not NAME=ADDRESS or NAME=ADDRESS:PORT")
                }
                extra[String(m[..<eq])] = target
            }
            let n = SimulatedNetwork(spec: assembly.circuit.network, extraHosts: extra)
            n.internet = network.internet
            join(n)
            try useCircuitReplay()
        }
        if let folder = options.recordFolder {
            do { network.recorder = try NetworkRecorder(folder: folder) } catch {
                throw SupervisorError("--network-record \(folder.path): \(error.localizedDescription)")
            }
        }
        if let folder = options.replayFolder {
            circuitReplayInUse = false
            do { network.replay = try NetworkReplay(folder: folder) } catch {
                throw SupervisorError("--network-replay \(folder.path): \(error.localizedDescription)")
            }
        }
        if let file = options.logFile {
            guard FileManager.default.createFile(atPath: file.path, contents: nil),
                  let handle = try? FileHandle(forWritingTo: file) else {
                throw SupervisorError("--network-log \(file.path): cannot be written")
            }
            network.log.sink = { entry in handle.write(Data((entry.line + "\n").utf8)) }
        }
        for f in options.forwards {
            let parts = f.split(separator: ":").map { Int($0) }
            guard parts.count == 2, let hostPort = parts[0], let boardPort = parts[1],
                  (1...65535).contains(hostPort), (1...65535).contains(boardPort) else {
                throw SupervisorError("--forward \"\(f)\" is not HOSTPORT:BOARDPORT")
            }
            do { try networking.stack.addForward(hostPort: hostPort, boardPort: boardPort) } catch {
                throw SupervisorError("--forward \(f): cannot listen on 127.0.0.1:\(hostPort) (errno \(error.errno))")
            }
        }
    }

    /// The session is over: open connections end (their recordings are saved),
    /// the firmware's services' too.
    public func closeNetwork() { networking.stack.closeAll() }

    /// circuit.json's `network.replay` folder answers the board's connections
    /// while the internet is off (the project runs offline out of the box).
    private func useCircuitReplay() throws(SupervisorError) {
        guard let folder = assembly.circuit.network?.replay, !network.internet else { return }
        do {
            network.replay = try NetworkReplay(folder: project.appendingPathComponent(folder))
            circuitReplayInUse = true
        } catch {
            throw SupervisorError("circuit.json: field \"network.replay\": \(error.localizedDescription)")
        }
    }
    private var circuitReplayInUse = false

    /// Puts the board on `network` (one with `--host` mappings, or one many
    /// boards share) in place of the one it has; before the first boot.
    public func join(_ network: SimulatedNetwork, index: Int = 0) {
        self.network = network
        networking?.hardReset()
        networking = BoardNetworking(network: network, board: board, index: index) { [unowned self] ns in
            self.adapter.clock.sleep(nanoseconds: ns) { false }
        }
    }

    /// `--set NAME.ATTR=VALUE`: a part's attribute, or `environment.temperature`
    /// (also humidity, pressure). Set before the first boot, the sensed air is
    /// already at the new temperature (the board is powered up in that room);
    /// later it follows with the environment's time constant.
    public func apply(set assignment: String) throws(SupervisorError) {
        guard let eq = assignment.firstIndex(of: "="), let dot = assignment[..<eq].firstIndex(of: ".") else {
            throw SupervisorError("--set \"\(assignment)\" is not NAME.ATTR=VALUE")
        }
        let name = String(assignment[..<dot]), attr = String(assignment[assignment.index(after: dot)..<eq])
        let value = String(assignment[assignment.index(after: eq)...])
        if name == "network" { try setNetwork(attr, value); return }
        do throws(CircuitError) {
            if name == "environment" {
                try assembly.setEnvironment(name: attr, value: value)
                if bootCount == 0 { assembly.environment.settle() }
            } else {
                try assembly.setAttribute(partID: name, name: attr, value: value)
            }
        } catch let e {
            throw SupervisorError("\(e)")
        }
    }

    /// `--set network.up=false` (every access point off the air),
    /// `network.internet=true`, `network.dns=false` (the DNS server stops answering),
    /// `network.refuse=NAME` (that server refuses connections and resets open
    /// ones) and `network.accept=NAME` (it is back).
    private func setNetwork(_ attr: String, _ value: String) throws(SupervisorError) {
        if attr == "refuse" || attr == "accept" {
            guard !value.isEmpty, !value.contains(" ") else {
                throw SupervisorError("--set: field \"network.\(attr)\": \"\(value)\" is not a host name or address")
            }
            network.setRefusing(value, attr == "refuse")
            return
        }
        let on: Bool
        switch value.lowercased() {
        case "true", "on", "1", "yes": on = true
        case "false", "off", "0", "no": on = false
        default: throw SupervisorError("--set: field \"network.\(attr)\": \"\(value)\" is not true or false")
        }
        switch attr {
        case "up": network.isUp = on
        case "internet":
            network.internet = on
            // Live answers instead of the project's recordings.
            if on && circuitReplayInUse {
                network.replay = nil
                circuitReplayInUse = false
            }
        case "dns": network.dnsWorks = on
        default: throw SupervisorError("--set: field \"network.\(attr)\": the network has no \"\(attr)\" (settable: accept, dns, internet, refuse, up)")
        }
    }

    // MARK: Serial

    /// Sends text to the serial sink and watches for the expect/fail texts.
    public func emit(_ text: String) {
        guard !text.isEmpty else { return }
        emitBytes(Array(text.utf8))
    }

    /// Sends bytes out of the board's console, cooked as the firmware cooks
    /// (`\n` → `\r\n`): byte taps get them as they are, the text consumers
    /// (`serialOutput`, `serialLog`, the expect texts) as decoded text.
    public func emitBytes(_ bytes: [UInt8], cooked: Bool = true) {
        guard !bytes.isEmpty else { return }
        let out = cooked ? SupervisorTexts.cooked(bytes) : bytes
        for tap in serialTaps.values { tap(out) }
        let text = serialDecoder.decode(out)
        guard !text.isEmpty else { return }
        if keepsSerialLog { serialLog += text }
        serialOutput?(text)
        if expectText != nil || failText != nil { match(text) }
    }

    /// Lets another console see the serial output (bytes, as the board sends
    /// them) from now on; returns the tap's identity for `removeSerialTap`.
    /// Firmware thread (or before the run).
    @discardableResult
    public func addSerialTap(_ tap: @escaping ([UInt8]) -> Void) -> Int {
        nextTapID += 1
        serialTaps[nextTapID] = tap
        return nextTapID
    }

    public func removeSerialTap(_ id: Int) { serialTaps[id] = nil }

    private func match(_ out: String) {
        let longest = max(expectText?.count ?? 0, failText?.count ?? 0)
        matchTail += out
        if let f = failText, !f.isEmpty, matchTail.contains(f), !sawExpectedText, !sawFailText {
            sawFailText = true
            requestStop()
        } else if let x = expectText, !x.isEmpty, matchTail.contains(x), !sawFailText, !sawExpectedText {
            sawExpectedText = true
            requestStop()
        }
        if matchTail.count > longest * 2 + 64 { matchTail = String(matchTail.suffix(longest)) }
    }

    // MARK: Stopping from outside

    /// Ends the run in progress (its `KeyboardInterrupt` is not reported). Any thread.
    public func requestStop() { inbox.requestStop() }

    /// Auto-reload: stops the program in progress (if any) and runs again once it
    /// has stopped. Any thread.
    public func requestReload() { inbox.requestReload() }

    /// A reload is due (drive changes posted so far taken into account).
    public var reloadPending: Bool {
        takeMail()
        return inbox.reloadRequested
    }
    var stopRequested: Bool { inbox.stopRequested }

    /// Connects a drive watcher: a settled change reloads (CircuitPython auto-reload;
    /// MicroPython soft-reboots the same way). The watcher's thread only posts
    /// the change; the firmware thread decides at its next safe point.
    public func watch(_ watcher: DriveWatcher) {
        // A change the board's services made and reported already is not reported twice.
        watcher.onSettledChange = { [inbox, services, drive] paths in
            let rest = services.announcedChanges.unannounced(paths, in: drive.fileSystem)
            if !rest.isEmpty { inbox.postDriveChange(rest) }
        }
    }

    /// The firmware thread's look at the inbox (at the interpreter's safe
    /// points, between sleep slices, while idle): a settled drive change
    /// reloads, unless only the board's own writes changed it.
    func takeMail() {
        services.poll(now: board.clock.now)
        let changed = inbox.takeDriveChanges()
        if changed.isEmpty { return }
        if changed.subtracting(drive.takeCodeWrites()).isEmpty { return }
        if flavour == .micropython || autoReloadEnabled { requestReload() }
    }

    /// Stops the run when virtual time reaches `nanoseconds` from now.
    public func setVirtualTimeout(nanoseconds: UInt64) {
        if let e = timeoutEvent { board.clock.cancel(e) }
        let (t, o) = board.clock.now.addingReportingOverflow(nanoseconds)
        timeoutEvent = board.clock.schedule(at: o ? .max : t) { [weak self] in
            guard let self else { return }
            self.timedOut = true
            self.onTimeout?()
            self.requestStop()
        }
    }

    // MARK: Runs

    func makeRuntime() -> Runtime {
        let def = board.definition
        var config = RuntimeConfiguration()
        config.heapLimit = board.flavourFacts.heapBytes
        config.wordBytes = 4  // RP2040 and ESP32-S3 are 32-bit
        FirmwareCalibration.configure(&config, for: board)
        config.machine = def.bannerName(flavour)
        config.platform = board.flavourFacts.platform
        config.sysname = board.flavourFacts.sysname
        config.syntaxErrorsShowSource = false
        switch flavour {
        case .micropython:
            config.release = String(SupervisorTexts.micropythonVersion.dropFirst())
            config.version = "\(SupervisorTexts.micropythonVersion) on \(SupervisorTexts.micropythonDate)"
        case .circuitpython:
            config.release = SupervisorTexts.circuitpythonVersion
            config.implementationName = "circuitpython"
            config.stdioBuffers = false
            let v = SupervisorTexts.circuitpythonVersion.split(separator: ".").compactMap { Int($0) }
            if v.count == 3 { config.implementationVersion = (v[0], v[1], v[2]) }
            config.version = "\(SupervisorTexts.circuitpythonVersion) on \(SupervisorTexts.circuitpythonDate)"
        }
        let host = SupervisorHost(supervisor: self)
        let rt = Runtime(host: host, configuration: config, interruptLine: inbox.interruptLine)
        switch flavour {
        case .micropython:
            // ETIMEDOUT is 110 with MicroPython's internal errno, 116 with newlib's:
            // esp32 builds on the C library's errno.h (MICROPY_USE_INTERNAL_ERRNO 0).
            if board.definition.flavour(.micropython).errno.timedOut == 116 { rt.errnoTable = Runtime.newlibErrnoCodes }
            machine = installMachineModule(rt, board: board, assembly: assembly)
            installNetworkModule(rt, radio: networking.radio, board: board)
            installWebREPLModule(rt)
            circuitPython = nil
        case .circuitpython:
            let cp = installCircuitPythonModules(rt, board: board, assembly: assembly)
            installCircuitPythonWiFi(rt, radio: networking.radio, board: board)
            // microcontroller.nvm keeps its bytes across reloads, as flash does.
            if let nvm = savedNVM { cp.nvm = nvm }
            circuitPython = cp
            machine = cp.machine
        }
        return rt
    }

    func readDriveText(_ name: String) -> String? {
        guard let bytes = try? drive.readFile("/" + name) else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Runs one file in `rt`; nil when it ended normally (or by `sys.exit()`).
    private func runFile(_ rt: Runtime, _ name: String, _ source: String) -> PyBaseException? {
        guard let e = rt.runMain(source: source, filename: name) else { return nil }
        if e.type.isSubtype(of: rt.types.SystemExit), machine?.pendingReset == nil { return nil }
        return e
    }

    private func isInterrupt(_ rt: Runtime, _ e: PyBaseException) -> Bool {
        e.type.isSubtype(of: rt.types.KeyboardInterrupt)
    }

    /// One boot: boot.py, then the program, with the flavour's texts. Handles
    /// `machine.reset()` / `soft_reset()` by resetting the board and booting again.
    @discardableResult
    public func boot() -> BootOutcome {
        let outcome = bootSequence()
        lastOutcome = outcome
        lastOutcomeWasUserInterrupt = outcome == .exception && userInterrupted
        return outcome
    }

    /// The last boot ended with Ctrl-C on the serial console (a KeyboardInterrupt).
    public private(set) var lastOutcomeWasUserInterrupt = false

    /// How the last boot ended (nil before the first); the window's status line.
    public private(set) var lastOutcome: BootOutcome?
    /// True while Python code runs (a program or a REPL line).
    public var isExecuting: Bool { inbox.isExecuting }

    private func bootSequence() -> BootOutcome {
        while true {
            if stopRequested { return .stopped }
            inbox.clearReload()
            readLineHistory = []
            bootCount += 1
            let rt = makeRuntime()
            runtime = rt
            inbox.beginExecution()
            defer { inbox.endExecution() }
            let outcome = flavour == .micropython ? bootMicroPython(rt) : bootCircuitPython(rt)
            if let reset = machine?.pendingReset {
                rt.reportPendingInstructions()
                switch reset {
                case .soft:
                    emit(SupervisorTexts.micropythonSoftReboot)
                    board.softReset()
                case .hard:
                    board.hardReset(cause: .hard)
                case .deepSleep(let ns):
                    if !wakesFromDeepSleep(ns) { return .stopped }
                }
                continue
            }
            return outcome
        }
    }

    /// `machine.deepsleep()`: the board sleeps; its wake-up (a timer here)
    /// resets it with the deep-sleep wake cause where the chip has one
    /// (ESP32-S3). False when the run was stopped while it slept.
    func wakesFromDeepSleep(_ nanoseconds: UInt64?) -> Bool {
        let duration = nanoseconds ?? UInt64.max / 4
        board.deepSleep(nanoseconds: duration)
        adapter.clock.sleep(nanoseconds: duration) { [unowned self] in self.stopRequested }
        return !board.isInDeepSleep
    }

    private func bootMicroPython(_ rt: Runtime) -> BootOutcome {
        // After a soft reset from the raw REPL the board goes back to it without main.py.
        let files = replMode == .raw ? ["boot.py"] : ["boot.py", "main.py"]
        for name in files {
            guard let source = readDriveText(name) else {
                if name == "main.py" { emit(SupervisorTexts.micropythonBanner(board.definition)); return .noProgram }
                continue
            }
            if let e = runFile(rt, name, source) {
                if machine?.pendingReset != nil { return .finished }
                if isInterrupt(rt, e) && (stopRequested || reloadPending) && !userInterrupted { return .stopped }
                emit(rt.tracebackText(e))
                reportProgramException(rt, e)
                emit(SupervisorTexts.micropythonBanner(board.definition))
                return .exception
            }
            if stopRequested || reloadPending { return .stopped }
        }
        if replMode == .raw { return .noProgram }
        emit(SupervisorTexts.micropythonBanner(board.definition))
        return .finished
    }

    private func bootCircuitPython(_ rt: Runtime) -> BootOutcome {
        // From the raw REPL a soft reboot goes straight back to it (no code.py).
        if replMode == .raw { return .noProgram }
        // boot.py may remount the drive writable (storage.remount); code.py sees the result.
        drive.remount(readonly: true)
        if let source = readDriveText("boot.py") {
            circuitPython?.inBootPy = true
            if let e = runFile(rt, "boot.py", source), !(isInterrupt(rt, e) && stopRequested) {
                emit(rt.tracebackText(e))
            }
            circuitPython?.inBootPy = false
            drive.remount(readonly: !(circuitPython?.driveWritableByCode ?? false))
            if stopRequested { return .stopped }
        }
        let wifi = circuitPython.flatMap { startWebWorkflow($0) }
        if stopRequested { return .stopped }
        guard let name = SupervisorTexts.circuitpythonCodeFiles.first(where: { readDriveText($0) != nil }),
              let source = readDriveText(name) else {
            emit(SupervisorTexts.autoReloadNotice(enabled: autoReloadEnabled))
            emit(SupervisorTexts.pressAnyKey)
            return .noProgram
        }
        if let wifi { emit(Supervisor.statusBar(wifi, name)) }
        emit(SupervisorTexts.codeOutput(name))
        var outcome = BootOutcome.finished
        defer { savedNVM = circuitPython?.nvm }
        let error = runFile(rt, name, source)
        // supervisor.reload() ends the program to reload, like a save on the drive.
        if circuitPython?.reloadRequested == true { requestReload() }
        if let e = error {
            if isInterrupt(rt, e) && reloadPending {
                emit(SupervisorTexts.stoppedByAutoReload)
                return .stopped
            }
            if isInterrupt(rt, e) && stopRequested { return .stopped }
            emit(rt.tracebackText(e))
            reportProgramException(rt, e)
            outcome = .exception
        }
        if reloadPending {
            emit(SupervisorTexts.stoppedByAutoReload)
            return .stopped
        }
        if stopRequested { return .stopped }
        if let wifi { emit(Supervisor.statusBar(wifi, outcome == .exception ? exceptionStatus(rt, error) : "Done")) }
        emit(SupervisorTexts.codeDone)
        emit("\n" + SupervisorTexts.autoReloadNotice(enabled: autoReloadEnabled))
        emit(SupervisorTexts.pressAnyKey)
        return outcome
    }

    private func reportProgramException(_ rt: Runtime, _ e: PyBaseException) {
        guard let onProgramException else { return }
        let last = rt.tracebackText(e).split(separator: "\n").last.map(String.init) ?? ""
        onProgramException(last)
    }

    /// After a run ends with a reload pending (or when one comes in while the
    /// board waits): the soft-reboot text, a soft reset and the next boot.
    @discardableResult
    public func reload() -> BootOutcome {
        inbox.clearReload()
        emit(flavour == .micropython ? SupervisorTexts.micropythonSoftReboot : SupervisorTexts.circuitpythonSoftReboot)
        board.softReset()
        return boot()
    }

    // MARK: Headless

    /// `breadbox run --headless`: boots once and reports how the run ended.
    /// Without an expect text a finished program ends the run; with one the
    /// board idles (virtual time passing) until the text, the timeout, or — with
    /// no timeout — gives up as a failure.
    public func runHeadless(timeoutNanoseconds: UInt64? = nil) -> HeadlessResult {
        if let t = timeoutNanoseconds { setVirtualTimeout(nanoseconds: t) }
        let outcome = boot()
        if sawFailText { return .failText }
        if sawExpectedText { return .expectedText }
        if timedOut { return .timeout }
        switch outcome {
        case .exception: return .exception
        case .finished, .noProgram, .stopped:
            if expectText != nil {
                // The board waits; only the timeout can end this now.
                if timeoutNanoseconds != nil {
                    while !timedOut, let next = board.clock.nextDeadline { board.advance(to: next) }
                    if timedOut { return .timeout }
                }
                return .exception
            }
            return outcome == .noProgram ? .exception : .finished
        }
    }
}

/// The runtime host of a supervised run: the board's clock, the drive, serial output.
final class SupervisorHost: RuntimeHost {
    unowned let supervisor: Supervisor
    init(supervisor: Supervisor) { self.supervisor = supervisor }

    var clock: RuntimeClock { supervisor.adapter.clock }
    func instructionsExecuted(_ count: Int) { supervisor.adapter.instructionsExecuted(count) }
    func writeOutput(_ text: String) { supervisor.emit(text) }
    func writeError(_ text: String) { supervisor.emit(text) }
    func readLine() -> String? { supervisor.readConsoleLine() }
    func readInput(maxBytes: Int) -> [UInt8]? { supervisor.readConsole(maxBytes: maxBytes) }
    /// `sys.stdout.buffer`: the bytes as they are (a tool's binary protocol), not cooked.
    func writeRawOutput(_ bytes: [UInt8]) { supervisor.emitBytes(bytes, cooked: false) }
    func inputAvailable() -> Bool { supervisor.inbox.hasInput }
    func inputBytesAvailable() -> Int { supervisor.inbox.inputBytesWaiting }
    var fileSystem: VirtualFileSystem? { supervisor.drive }
    var network: RuntimeNetwork? { supervisor.networking.stack }
}
