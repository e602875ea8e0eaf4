/// The board's running services and when they are next polled. The
/// interpreter's safe points come every few thousand bytecodes, so polling is
/// paced by virtual time: at most once per `pollInterval`, and a poll that
/// would run inside another (a service's own call letting time pass) is skipped.
final class BoardServices {
    /// Virtual time between polls: 5 ms, well under a network round trip.
    static let pollInterval: UInt64 = 5_000_000

    /// CircuitPython's web workflow, once settings.toml has started it.
    var webWorkflow: WebWorkflow?
    /// MicroPython's WebREPL, between `webrepl.start()` and its stop or a reset.
    var webREPL: WebREPLServer?
    /// Drive changes the services reported themselves (see `AnnouncedDriveChanges`).
    let announcedChanges = AnnouncedDriveChanges()

    private var nextPoll: UInt64 = 0
    private var polling = false

    private var running: [BoardService] {
        var services: [BoardService] = []
        if let w = webWorkflow { services.append(w) }
        if let r = webREPL { services.append(r) }
        return services
    }

    /// Polls the services if their time has come. Firmware thread; cheap when
    /// it has not.
    func poll(now: UInt64) {
        guard now >= nextPoll, !polling, webWorkflow != nil || webREPL != nil else { return }
        let services = running
        nextPoll = now &+ Self.pollInterval
        polling = true
        defer { polling = false }
        for s in services { s.poll() }
    }

    func boardDidReset(soft: Bool) {
        for s in running { s.boardDidReset(soft: soft) }
        // MicroPython's WebREPL lives in the heap a reset frees.
        if webREPL?.isStopped == true { webREPL = nil }
    }
}
