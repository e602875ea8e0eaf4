import ArgumentParser
import BoardEmulator
import BoardView
import BoardSupervisor
import FirmwareAPI
import Foundation
import PythonRuntime
import LibraryInstaller
import HostPlatform
import Scenario
import SDLWindow
import Simulator

/// `breadbox run PROJECT`: boots a project's board and runs its drive, serial
/// output on stdout, with wokwi-cli's options and exit codes (0 finished or the
/// expected text appeared; 1 uncaught exception or the fail text; 2 invalid
/// project, circuit or command line; 42 or `--timeout-exit-code` when the
/// virtual timeout passed).
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a project (circuit.json + drive/, or a Wokwi diagram.json + Python files) on the emulated board.")

    @Argument(help: "The project folder (circuit.json and drive/), or a Wokwi project folder (diagram.json and its Python files).")
    var project: String

    @Flag(help: "Run without a window, as fast as possible unless --speed says otherwise (in real time with --serial).")
    var headless = false

    @Flag(help: "Serial console on stdin (REPL, Ctrl-C, Ctrl-D) even when stdin is not a terminal.")
    var interactive = false

    @Option(help: "Put the serial console on a port for tools (mpremote, Thonny, picocom) instead of the terminal: pty, tcp:PORT (socket://127.0.0.1:PORT) or rfc2217:PORT.")
    var serial: String?

    // Unconditional: "-1" is the option's (refused) value, not an unknown flag.
    @Option(parsing: .unconditional, help: "Stop after this much virtual time: 30s, 1500ms, 2h (a bare number is milliseconds).")
    var timeout: String?

    @Option(help: "max, realtime, or a factor of real time (2 = twice as fast).")
    var speed: String?

    @Option(name: .customLong("host"), help: "Let the board resolve NAME and reach ADDRESS[:PORT] on this machine through it: api.example.com=127.0.0.1:8080 (repeatable).")
    var hosts: [String] = []

    @Option(name: .customLong("network-record"), help: "Save every connection the board makes (requests and answers) into this folder.")
    var networkRecord: String?

    @Option(name: .customLong("network-replay"), help: "Answer the board's connections from recordings in this folder, offline and deterministic.")
    var networkReplay: String?

    @Option(name: .customLong("network-log"), help: "Write the board's network traffic (joins, lookups, connections, HTTP requests, MQTT topics) to this file.")
    var networkLog: String?

    @Option(name: .customLong("forward"), help: "HOSTPORT:BOARDPORT: connections to 127.0.0.1:HOSTPORT reach a server on the board's BOARDPORT (repeatable).")
    var forwards: [String] = []

    @Option(name: .customLong("ca-file"), help: "CA certificates (PEM) the board's TLS trusts when its firmware loads none (default: this machine's).")
    var caFile: String?

    @Option(name: .customLong("set"), help: "Set a part attribute, the environment or the network: alarm.color=green, environment.temperature=31.5, network.up=false, network.internet=true, network.refuse=NAME.")
    var sets: [String] = []

    @Option(name: .customLong("expect-text"), help: "Exit 0 when this text appears on serial.")
    var expectText: String?

    @Option(name: .customLong("fail-text"), help: "Exit 1 when this text appears on serial.")
    var failText: String?

    @Option(name: .customLong("timeout-exit-code"), help: "Exit code when the timeout passes (default 42).")
    var timeoutExitCode: Int32 = 42

    @Option(name: .customLong("serial-log-file"), help: "Also write the serial output to this file.")
    var serialLogFile: String?

    @Option(name: .customLong("vcd-file"), help: "Write the pins' trace as a VCD file.")
    var vcdFile: String?

    @Option(name: .customLong("screenshot-file"), help: "Headless: write the window's picture to this PNG file.")
    var screenshotFile: String?

    @Option(name: .customLong("screenshot-time"), help: "Headless: virtual time of the screenshot (default: when the run ends).")
    var screenshotTime: String?

    @Option(help: "Run this scenario file (Wokwi's YAML steps) against the board; implies --headless.")
    var scenario: String?

    @Flag(name: .customLong("update-screenshots"), help: "With --scenario: rewrite the compare-with pictures instead of comparing.")
    var updateScreenshots = false

    static func refuse(_ reason: String) -> ExitCode {
        FileHandle.standardError.write(Data("breadbox run: \(reason)\n".utf8))
        return ExitCode(2)
    }

    /// Why `path` cannot be written (nil when it can): opened for writing as
    /// the run will open it, without truncating what is there; a file this
    /// made is removed again.
    static func unwritable(_ path: String) -> String? {
        let existed = FileManager.default.fileExists(atPath: path)
        let fd = open(path, O_WRONLY | O_CREAT, 0o644)
        guard fd >= 0 else { return String(cString: strerror(errno)) }
        close(fd)
        if !existed { unlink(path) }
        return nil
    }

    /// `30s`, `1500ms`, `2h`, `1.5m`, `250us`, `10ns`; a bare number is milliseconds.
    static func parseDuration(_ text: String) -> UInt64? {
        let units: [(String, Double)] = [("ns", 1), ("us", 1e3), ("ms", 1e6), ("s", 1e9), ("m", 60e9), ("h", 3600e9)]
        let t = text.trimmingCharacters(in: .whitespaces).lowercased()
        var number = t, scale = 1e6
        for (u, s) in units where t.hasSuffix(u) {
            let n = String(t.dropLast(u.count))
            if Double(n) != nil { number = n; scale = s; break }
        }
        guard let v = Double(number), v.isFinite, v >= 0, v * scale < 1.8e19 else { return nil }
        return UInt64((v * scale).rounded())
    }

    static func parseSpeed(_ text: String) -> PacingMode? {
        switch text.lowercased() {
        case "max": return .asFastAsPossible
        case "realtime": return .realTime
        default:
            guard let f = Double(text), f.isFinite, f > 0 else { return nil }
            return .speedFactor(f)
        }
    }

    func run() throws {
        // An exit status is one byte: 999 would reach the shell as 231.
        guard (0...255).contains(timeoutExitCode) else {
            throw Self.refuse("--timeout-exit-code \(timeoutExitCode) is not an exit status (0 to 255)")
        }
        // Output files that cannot be written are refused before the board runs, not lost after it.
        for (flag, path) in [("--serial-log-file", serialLogFile), ("--vcd-file", vcdFile), ("--screenshot-file", screenshotFile)] {
            if let path, let reason = Self.unwritable(path) { throw Self.refuse("\(flag) \(path): \(reason)") }
        }
        if let caFile {
            guard FileManager.default.isReadableFile(atPath: caFile) else { throw Self.refuse("--ca-file \(caFile): no such readable file") }
            HostNetwork.useCAFile(caFile)
        }
        var timeoutNs: UInt64?
        if let timeout {
            guard let t = Self.parseDuration(timeout) else { throw Self.refuse("--timeout \"\(timeout)\" is not a duration (30s, 1500ms, 2h)") }
            timeoutNs = t
        }
        var serialSpec: SerialPortSpec?
        if let serial {
            guard let spec = SerialPortSpec(serial) else {
                throw Self.refuse("--serial \"\(serial)\" is not \(SerialPortSpec.acceptedForms)")
            }
            if interactive { throw Self.refuse("--serial puts the serial console on the port, --interactive on stdin: give one") }
            serialSpec = spec
        }
        // A tool on the serial port talks in wall time: a board racing ahead
        // would print a minute of output between two of its keystrokes.
        // A board that tools reach (a serial port, forwarded servers such as
        // the web workflow or WebREPL) talks in wall time: real time by default.
        let reachable = serialSpec != nil || !forwards.isEmpty
        var mode: PacingMode = headless && !reachable ? .asFastAsPossible : .realTime
        if let speed {
            guard let m = Self.parseSpeed(speed) else { throw Self.refuse("--speed \"\(speed)\" is not max, realtime or a positive number") }
            mode = m
        }
        var screenshotAt: UInt64?
        if let screenshotTime {
            guard let t = Self.parseDuration(screenshotTime) else { throw Self.refuse("--screenshot-time \"\(screenshotTime)\" is not a duration (30s, 1500ms)") }
            guard screenshotFile != nil else { throw Self.refuse("--screenshot-time needs --screenshot-file") }
            screenshotAt = t
        }
        if screenshotFile != nil && !headless { throw Self.refuse("--screenshot-file needs --headless (in the window, press F12)") }
        if let scenario {
            if serial != nil || interactive || !forwards.isEmpty {
                throw Self.refuse("--scenario drives the board alone: no --serial, --interactive or --forward")
            }
            throw ExitCode(runScenario(scenario, timeoutNs: timeoutNs))
        }
        if !headless {
            if SimulatorWindow.displayAvailable() {
                try runWindow(mode: mode, timeoutNs: timeoutNs, serialSpec: serialSpec)
            }
            FileHandle.standardError.write(Data("breadbox run: no display (\(SimulatorWindow.lastError)); running without a window\n".utf8))
        }
        // A terminal makes the console live unless --headless says otherwise;
        // --interactive asks for it in any case (a REPL driven through a pipe).
        // With --serial the console is on the port instead.
        let console = serialSpec == nil && (interactive || (!headless && isatty(0) != 0))
        let sup: Supervisor
        do {
            sup = try Supervisor(project: URL(fileURLWithPath: project))
        } catch {
            throw Self.refuse(error.reason)
        }
        for note in sup.wokwi?.notes ?? [] {
            FileHandle.standardError.write(Data("breadbox run: \(WokwiProject.diagramFile): left out: \(note)\n".utf8))
        }
        do { try sup.configureNetwork(networkOptions) } catch { throw Self.refuse(error.reason) }
        for s in sets {
            do { try sup.apply(set: s) } catch { throw Self.refuse(error.reason) }
        }
        let port = try serialSpec.map(openSerialPort)
        defer { port?.close() }
        let stopOnSignals = port.map { _ in StopOnSignals { [inbox = sup.inbox] in inbox.requestStop() } }
        defer { withExtendedLifetime(stopOnSignals) {} }
        let status = runOnLargeStack { () -> Int32 in
            let out = SerialStdout(immediate: mode != .asFastAsPossible || console)
            if let port {
                sup.attach(port)
            } else {
                // The console's bytes as the board sends them (a tool's binary protocol included).
                sup.addSerialTap { out.write($0) }
            }
            sup.keepsSerialLog = serialLogFile != nil
            // Advice for a missing Adafruit library goes to stderr after the
            // traceback; serial shows only what the firmware prints.
            sup.onProgramException = missingLibraryAdvice(flavour: sup.flavour, before: out.flush)
            sup.expectText = expectText
            sup.failText = failText
            if mode != .asFastAsPossible {
                sup.adapter.pacer = Pacer(mode: mode, virtualNow: sup.board.clock.now)
            }
            let recorder = vcdFile != nil ? TraceRecorder(board: sup.board) : nil
            var camera: ScreenshotCamera?
            if let screenshotFile {
                do {
                    camera = try ScreenshotCamera(supervisor: sup, projectName: Scene.displayName(ofProject: URL(fileURLWithPath: project)),
                                                  file: URL(fileURLWithPath: screenshotFile), at: screenshotAt)
                } catch {
                    FileHandle.standardError.write(Data("breadbox run: \(error)\n".utf8))
                    return 2
                }
                camera?.attach()
            }
            sup.onTimeout = { recorder?.stop() }
            // Auto-reload: a settled save on the drive reboots the board.
            let watcher = DriveWatcher(root: sup.driveFolder, exclusions: sup.drive.exclusions)
            sup.watch(watcher)
            watcher.poll(now: ProcessInfo.processInfo.systemUptime)
            watcher.start()
            defer { watcher.stop() }
            var terminal: SerialTerminal?
            if console {
                terminal = SerialTerminal(inbox: sup.inbox)
                terminal?.start()
            }
            defer { terminal?.restore() }
            // Its REPL is live for the port's tool, or the web workflow's and WebREPL's consoles.
            let result = sup.runSession(timeoutNanoseconds: timeoutNs, headless: headless, interactive: console || reachable)
            sup.closeNetwork()
            recorder?.stop()
            do { try camera?.finish() } catch {
                FileHandle.standardError.write(Data("breadbox run: cannot write \(screenshotFile ?? ""): \(error.localizedDescription)\n".utf8))
                return 2
            }
            out.flush()
            // A log nobody can read afterwards fails the run, as a lost screenshot does.
            if let serialLogFile, !FileManager.default.createFile(atPath: serialLogFile, contents: Data(sup.serialLog.utf8)) {
                FileHandle.standardError.write(Data("breadbox run: cannot write \(serialLogFile)\n".utf8))
                return 2
            }
            if let vcdFile, let recorder, !FileManager.default.createFile(atPath: vcdFile, contents: Data(recorder.vcd().utf8)) {
                FileHandle.standardError.write(Data("breadbox run: cannot write \(vcdFile)\n".utf8))
                return 2
            }
            return result.exitCode(timeoutExitCode: timeoutExitCode)
        }
        throw ExitCode(status)
    }
}

extension RunCommand {
    /// Advice for a missing Adafruit library, on stderr after the traceback
    /// (`before` flushes the serial text first); serial shows only what the
    /// firmware prints. `flavour` nil: the project's, read when it is needed.
    func missingLibraryAdvice(flavour: FirmwareFlavour?, before: @escaping () -> Void) -> (String) -> Void {
        let project = project
        return { lastLine in
            guard let f = flavour ?? (try? LibraryProject(folder: URL(fileURLWithPath: project)))?.flavour,
                  let hint = MissingLibraryHint.hint(flavour: f, lastLine: lastLine, projectArgument: project) else { return }
            before()
            FileHandle.standardError.write(Data((hint + "\n").utf8))
        }
    }

    var networkOptions: Supervisor.NetworkOptions {
        Supervisor.NetworkOptions(hosts: hosts, recordFolder: networkRecord.map { URL(fileURLWithPath: $0) },
                                  replayFolder: networkReplay.map { URL(fileURLWithPath: $0) }, forwards: forwards,
                                  logFile: networkLog.map { URL(fileURLWithPath: $0) })
    }

    /// Opens `--serial`'s port and says where tools find it; refuses the
    /// run (exit 2) when it cannot be opened.
    func openSerialPort(_ spec: SerialPortSpec) throws -> SerialPort {
        let port: SerialPort
        do { port = try spec.open() } catch { throw Self.refuse("--serial \(serial ?? ""): \(error.reason)") }
        FileHandle.standardError.write(Data("breadbox run: serial port \(port.address)\n".utf8))
        return port
    }

    /// The window: the firmware on its own thread, the scene drawn at 60 fps.
    /// With a serial port, the window's console and the port show the same
    /// stream and both type to the board; stdout stays quiet.
    func runWindow(mode: PacingMode, timeoutNs: UInt64?, serialSpec: SerialPortSpec?) throws -> Never {
        let out = SerialStdout(immediate: true)
        let sim: LiveSimulator
        do {
            sim = try LiveSimulator(project: URL(fileURLWithPath: project), network: networkOptions, sets: sets, speed: mode,
                                    timeoutNanoseconds: timeoutNs, mirror: serialSpec == nil ? { out.write($0) } : nil,
                                    onProgramException: missingLibraryAdvice(flavour: nil, before: out.flush))
        } catch {
            throw Self.refuse(error.reason)
        }
        let port = try serialSpec.map(openSerialPort)
        if let port { sim.attach(port) }
        let scene: Scene
        do {
            scene = try Scene.standard(definition: sim.definition, flavour: sim.flavour, projectName: sim.projectName)
        } catch {
            throw Self.refuse("\(error)")
        }
        let window = SimulatorWindow(simulator: sim, scene: scene)
        let result = window.run()
        port?.close()
        out.flush()
        if ProcessInfo.processInfo.environment["BREADBOX_FRAME_STATS"] != nil {
            FileHandle.standardError.write(Data("breadbox run: \(window.frameStatsText)\n".utf8))
        }
        throw ExitCode(result?.exitCode(timeoutExitCode: timeoutExitCode) ?? 0)
    }
}

/// Serial output to stdout: buffered when running flat out, immediate when paced.
final class SerialStdout {
    let immediate: Bool
    private var buffer: [UInt8] = []
    init(immediate: Bool) { self.immediate = immediate }
    func write(_ s: String) { write(Array(s.utf8)) }
    func write(_ bytes: [UInt8]) {
        buffer.append(contentsOf: bytes)
        if immediate || buffer.count >= 1 << 16 { flush() }
    }
    func flush() {
        guard !buffer.isEmpty else { return }
        FileHandle.standardOutput.write(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }
}


/// The serial console's input: stdin bytes read on a background thread and
/// posted to the board's inbox (the supervisor stays on the firmware thread).
/// A terminal is put in raw mode (Ctrl-C arrives as 0x03); Ctrl-] ends the
/// session there.
final class SerialTerminal: @unchecked Sendable {
    let inbox: BoardInbox
    private var original = termios()
    private let isTerminal = isatty(0) != 0

    init(inbox: BoardInbox) { self.inbox = inbox }

    func start() {
        if isTerminal {
            tcgetattr(0, &original)
            var raw = original
            raw.c_lflag &= ~tcflag_t(ICANON | ECHO | ISIG | IEXTEN)
            raw.c_iflag &= ~tcflag_t(ICRNL | IXON)
            withUnsafeMutableBytes(of: &raw.c_cc) { cc in
                cc[Int(VMIN)] = 1
                cc[Int(VTIME)] = 0
            }
            tcsetattr(0, TCSANOW, &raw)
            FileHandle.standardError.write(Data("breadbox run: serial console; Ctrl-] to quit\r\n".utf8))
        }
        let inbox = inbox, tty = isTerminal
        let t = Thread {
            var buffer = [UInt8](repeating: 0, count: 256)
            while true {
                let n = read(0, &buffer, buffer.count)
                if n <= 0 { break }
                var bytes = Array(buffer[0..<n])
                if tty, let quit = bytes.firstIndex(of: 0x1D) {
                    bytes = Array(bytes[..<quit])
                    inbox.postInput(bytes, flowControl: true)
                    inbox.closeInput()
                    inbox.requestStop()
                    return
                }
                inbox.postInput(bytes, flowControl: true)
            }
            inbox.closeInput()
        }
        t.name = "SerialInput"
        t.start()
    }

    func restore() {
        if isTerminal { tcsetattr(0, TCSANOW, &original) }
    }
}
