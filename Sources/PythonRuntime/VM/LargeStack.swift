import Foundation

/// Runs `body` on a thread with a 512 MiB stack and waits for it: the
/// interpreter's recursion is bounded (RecursionError) but deep, and must never
/// overflow a host thread's stack (the CLI and the fuzz harness run programs so).
public func runOnLargeStack(_ body: @escaping () -> Int32) -> Int32 {
    // The semaphore orders the thread's write before the caller's read.
    nonisolated(unsafe) var result: Int32 = 0
    let done = DispatchSemaphore(value: 0)
    let thread = Thread {
        result = body()
        done.signal()
    }
    thread.stackSize = 1 << 29
    thread.start()
    done.wait()
    return result
}
