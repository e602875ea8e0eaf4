import Synchronization

/// The one way another thread reaches running Python code: raising the line
/// makes the runtime that listens to it raise KeyboardInterrupt at its next
/// safe point (or end a sleep, a `select`, a regex search early).
///
/// Whoever interrupts holds the line, never the runtime: a board keeps one line
/// for every runtime it boots, the CLI's Ctrl-C forwarder holds `breadbox
/// python`'s. Safe from any thread.
public final class InterruptLine: Sendable {
    private let raised = Atomic<Bool>(false)
    private let interruptCharacter = Atomic<Int>(3)

    public init() {}

    /// Asks the listening runtime to raise KeyboardInterrupt.
    public func raise() { raised.store(true, ordering: .relaxed) }

    /// Whether the line is raised (it stays raised).
    @inline(__always) public var isRaised: Bool { raised.load(ordering: .relaxed) }

    /// Lowers the line; returns whether it was raised.
    @inline(__always) public func take() -> Bool { raised.exchange(false, ordering: .relaxed) }

    /// Lowers the line without looking (before a new run starts).
    public func clear() { raised.store(false, ordering: .relaxed) }

    /// The console byte that raises the line while code runs
    /// (`micropython.kbd_intr`; -1: none, the byte is input like any other).
    /// The console's reader looks at it as bytes arrive.
    public var character: Int {
        get { interruptCharacter.load(ordering: .relaxed) }
        set { interruptCharacter.store(newValue, ordering: .relaxed) }
    }
}
