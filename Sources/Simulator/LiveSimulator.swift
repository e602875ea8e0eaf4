import BoardEmulator
import BoardView
import BoardSupervisor
import FirmwareAPI
import Foundation
import HostPlatform

/// The board behind the window: the supervisor runs on its own thread, paced
/// to the chosen speed; the window thread takes snapshots and serial text out
/// and puts the person's actions in.
///
/// Threads meet only here, under `lock`, and only through values: snapshots
/// and serial bytes go out, actions come in and are carried out by the
/// firmware thread. Everything else — the drive watcher's polling included — runs
/// on the firmware thread, from a hook on the board's virtual clock that fires
/// every virtual millisecond and acts at most every `publishInterval` of wall time.
public final class LiveSimulator: @unchecked Sendable {
    public let project: URL
    public let flavour: FirmwareFlavour
    /// The board's definition, loaded again for the window (shares nothing with the emulator's).
    public let definition: BoardDefinition
    public let driveFolder: URL
    /// What of `driveFolder` is not on the drive (a Wokwi project's own files).
    let driveExclusions: FolderExclusions
    public var projectName: String { Scene.displayName(ofProject: project) }

    private let supervisor: Supervisor
    private let timeoutNanoseconds: UInt64?
    /// Serial output is also written here (stdout for `breadbox run`).
    private let mirror: ((String) -> Void)?
    /// A port outside Breadbox with the same console (`breadbox run --serial`).
    private var serialPort: SerialPort?

    private let lock = NSLock()
    private var latest: BoardSnapshot
    private var serialPending: [UInt8] = []
    private var actions: [UserAction] = []
    private var result: HeadlessResult?
    private var speed: SpeedSetting
    private let wake = DispatchSemaphore(value: 0)
    /// Free space on the drive, as last measured on the firmware thread (for drops).
    private var driveFree = Int.max

    // Firmware-thread state.
    private var paused = false
    private var quitting = false
    private var lastPublish = 0.0
    private var lastPoll = 0.0
    private var watcher: DriveWatcher?
    /// The pacing the firmware thread last set (the window changes `speed`).
    private var appliedMode: PacingMode = .realTime
    public var publishInterval = 1.0 / 120

    public init(project: URL, network: Supervisor.NetworkOptions = .init(), sets: [String] = [], speed: PacingMode = .realTime, timeoutNanoseconds: UInt64? = nil,
                mirror: ((String) -> Void)? = nil, onProgramException: ((String) -> Void)? = nil) throws(SupervisorError) {
        self.project = project
        supervisor = try Supervisor(project: project)
        // Called on the firmware thread with the traceback's last line (the CLI's advice on stderr).
        supervisor.onProgramException = onProgramException
        try supervisor.configureNetwork(network)
        for s in sets { try supervisor.apply(set: s) }
        flavour = supervisor.flavour
        do {
            definition = try BoardDefinition.load(id: supervisor.board.definition.id)
        } catch {
            throw SupervisorError("\(error)")
        }
        driveFolder = supervisor.driveFolder
        driveExclusions = supervisor.drive.exclusions
        self.speed = SpeedSetting(speed)
        self.timeoutNanoseconds = timeoutNanoseconds
        self.mirror = mirror
        latest = SnapshotBuilder.snapshot(of: supervisor, paused: false)
    }

    // MARK: Window side

    /// The newest snapshot and the serial bytes that arrived since the last call.
    public func take() -> (snapshot: BoardSnapshot, serial: [UInt8]) {
        lock.withLock {
            let bytes = serialPending
            serialPending = []
            return (latest, bytes)
        }
    }

    /// How the run ended, once it has (a timeout or an expected text ends a windowed run too).
    public var finished: HeadlessResult? { lock.withLock { result } }

    public var speedLabel: String { lock.withLock { speed.label } }

    /// Queues an action for the firmware thread (a speed change is picked up there
    /// from `speed`).
    public func perform(_ action: UserAction) {
        lock.withLock {
            switch action {
            case .faster: speed.faster()
            case .slower: speed.slower()
            default: actions.append(action)
            }
        }
        if action == .togglePause || action == .quit { wake.signal() }
    }

    /// Copies a dropped file or folder into the drive (the watcher reloads the
    /// board); returns a line for the status bar.
    public func drop(_ path: String) -> String {
        let free: Int = lock.withLock { driveFree }
        do {
            let dest = try DriveDrop.copy(URL(fileURLWithPath: path), into: driveFolder, exclusions: driveExclusions,
                                           flavour: flavour, freeBytes: free)
            return "copied \(URL(fileURLWithPath: path).lastPathComponent) to \(dest)"
        } catch {
            return error.reason
        }
    }

    /// Puts the serial console on `port` as well: its tool sees what the
    /// window's console shows, and both type to the board. Before `start()`.
    public func attach(_ port: SerialPort) {
        serialPort = port
    }

    // MARK: Firmware thread

    private var thread: Thread?
    private let done = DispatchSemaphore(value: 0)

    /// Starts the firmware on its own thread (a large stack, as for `breadbox python`).
    public func start() {
        let t = Thread { [self] in
            runFirmware()
            done.signal()
        }
        t.stackSize = 1 << 29
        t.name = "Firmware"
        thread = t
        t.start()
    }

    /// Ends the run and waits (up to `seconds`) for the firmware thread.
    @discardableResult
    public func stop(waiting seconds: Double = 5) -> Bool {
        perform(.quit)
        return done.wait(timeout: .now() + seconds) == .success
    }

    private func runFirmware() {
        let sup = supervisor
        sup.keepsSerialLog = false
        sup.serialOutput = { [unowned self] text in
            let bytes = Array(text.utf8)
            lock.withLock { serialPending.append(contentsOf: bytes) }
            mirror?(String(decoding: bytes, as: UTF8.self))
        }
        if let serialPort { sup.attach(serialPort) }
        appliedMode = lock.withLock { speed.mode }
        sup.adapter.pacer = Pacer(mode: appliedMode, virtualNow: sup.board.clock.now)
        let w = DriveWatcher(root: driveFolder, exclusions: supervisor.drive.exclusions)
        sup.watch(w)
        _ = w.poll(now: ProcessInfo.processInfo.systemUptime)
        watcher = w
        armHook()
        let r = sup.runSession(timeoutNanoseconds: timeoutNanoseconds, headless: false, interactive: true)
        sup.closeNetwork()
        publish()
        lock.withLock { result = r }
    }

    private func armHook() {
        _ = supervisor.board.clock.schedule(after: 1_000_000) { [weak self] in
            guard let self else { return }
            self.tick()
            self.armHook()
        }
    }

    /// The hook: every `publishInterval` of wall time, publish, carry out the
    /// actions, poll the drive; hold while paused.
    private func tick() {
        let now = ProcessInfo.processInfo.systemUptime
        guard now - lastPublish >= publishInterval else { return }
        publish()
        apply()
        if now - lastPoll >= 0.1 {
            lastPoll = now
            _ = watcher?.poll(now: now)
            let free = supervisor.drive.capacity.free
            lock.withLock { driveFree = free }
        }
        if paused {
            publish()
            while paused && !quitting {
                _ = wake.wait(timeout: .now() + 0.05)
                apply()
            }
            supervisor.adapter.pacer?.rebase(virtualNow: supervisor.board.clock.now)
            publish()
        }
    }

    private func publish() {
        lastPublish = ProcessInfo.processInfo.systemUptime
        let s = SnapshotBuilder.snapshot(of: supervisor, paused: paused)
        lock.withLock { latest = s }
    }

    private func apply() {
        let (pending, wanted): ([UserAction], PacingMode) = lock.withLock {
            let a = actions
            actions = []
            return (a, speed.mode)
        }
        if wanted != appliedMode {
            appliedMode = wanted
            supervisor.adapter.pacer = Pacer(mode: wanted, virtualNow: supervisor.board.clock.now)
        }
        let fresh = SnapshotBuilder.fresh
        let sup = supervisor
        for action in pending {
            switch action {
            case .setEnvironment(let f, let v):
                try? sup.assembly.setEnvironment(name: fresh(f.rawValue), value: String(v))
            case .setButton(let id, let pressed):
                sup.assembly.button(fresh(id))?.setPressed(pressed)
            case .setPotentiometer(let id, let position):
                sup.assembly.potentiometer(fresh(id))?.position = min(1, max(0, position))
            case .setSlideSwitch(let id, let right):
                sup.assembly.slideSwitch(fresh(id))?.setRight(right)
            case .setDHT22(let id, let temperature, let humidity):
                if let d = sup.assembly.dht22(fresh(id)) {
                    if let t = temperature { d.temperature = min(max(t, DHT22.temperatureRange.lowerBound), DHT22.temperatureRange.upperBound) }
                    if let h = humidity { d.humidity = min(max(h, DHT22.humidityRange.lowerBound), DHT22.humidityRange.upperBound) }
                }
            case .togglePause:
                paused.toggle()
            case .reload:
                sup.requestReload()
            case .setAccessPoints(let up):
                // The network is shared and locked; the radios notice on their next look.
                if sup.network.isUp != up {
                    sup.network.isUp = up
                    sup.network.log.add("window: access points \(up ? "on" : "off")", at: sup.board.clock.now)
                }
            case .serialInput(let bytes):
                sup.feedInput(bytes.map { $0 })
            case .quit:
                quitting = true
                paused = false
                sup.closeInput()
                sup.requestStop()
            case .faster, .slower, .screenshot, .dropFile:
                break  // handled on the window's side
            }
        }
    }
}
