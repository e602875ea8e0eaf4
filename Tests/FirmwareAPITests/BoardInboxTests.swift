@testable import BoardSupervisor
@testable import FirmwareAPI
import XCTest

/// The board's inbox on its own: what a post does while code runs and while it does not.
final class BoardInboxTests: XCTestCase {
    func testCtrlCInterruptsRunningCodeAndOtherwiseWaitsForTheREPL() {
        let inbox = BoardInbox()
        inbox.postInput([0x41, 0x03])
        XCTAssertFalse(inbox.interruptLine.isRaised)
        XCTAssertEqual(inbox.takeInputByte(), .some(0x41))
        XCTAssertEqual(inbox.takeInputByte(), .some(0x03))
        XCTAssertEqual(inbox.takeInputByte(), .none)
        inbox.beginExecution()
        inbox.postInput([0x03, 0x42])
        XCTAssertTrue(inbox.interruptLine.isRaised)
        XCTAssertTrue(inbox.userInterrupted)
        inbox.endExecution()
        XCTAssertEqual(inbox.takeInputByte(), .some(0x42))
        inbox.closeInput()
        XCTAssertEqual(inbox.takeInputByte(), .some(nil))
    }

    func testAStopAskedForBeforeCodeStartsInterruptsItAtOnce() {
        let inbox = BoardInbox()
        inbox.requestStop()
        XCTAssertFalse(inbox.interruptLine.isRaised, "nothing runs yet")
        inbox.beginExecution()
        XCTAssertTrue(inbox.interruptLine.isRaised)
    }

    func testANewRunStartsWithTheLineLoweredAndCtrlCForgotten() {
        let inbox = BoardInbox()
        inbox.beginExecution()
        inbox.postInput([0x03])
        inbox.endExecution()
        inbox.beginExecution()
        XCTAssertFalse(inbox.interruptLine.isRaised)
        XCTAssertFalse(inbox.userInterrupted)
    }

    func testDriveChangesAccumulateUntilTaken() {
        let inbox = BoardInbox()
        XCTAssertEqual(inbox.takeDriveChanges(), [])
        inbox.postDriveChange(["main.py"])
        inbox.postDriveChange(["lib/a.py"])
        XCTAssertEqual(inbox.takeDriveChanges(), ["main.py", "lib/a.py"])
        XCTAssertEqual(inbox.takeDriveChanges(), [])
    }

    /// A sender on a thread of its own (stdin, a serial port) waits while the
    /// ring holds `inputCapacity` unread bytes, as a host's write to a full USB
    /// CDC port does; nothing is lost, a Ctrl-C in the waiting bytes still
    /// interrupts at once, and closing the input releases the sender.
    func testAFlowControlledSenderWaitsWhileTheRingIsFull() {
        let inbox = BoardInbox()
        inbox.beginExecution()
        let sent = DispatchSemaphore(value: 0)
        let bytes = (0..<2000).map { UInt8(0x40 + $0 % 26) }
        Thread.detachNewThread {
            inbox.postInput(bytes + [0x03], flowControl: true)
            sent.signal()
        }
        let deadline = Date(timeIntervalSinceNow: 5)
        while inbox.inputBytesWaiting < BoardInbox.inputCapacity && Date() < deadline { usleep(1000) }
        XCTAssertEqual(inbox.inputBytesWaiting, BoardInbox.inputCapacity)
        XCTAssertEqual(sent.wait(timeout: .now() + 0.2), .timedOut, "the sender went on past a full ring")
        XCTAssertTrue(inbox.interruptLine.isRaised, "Ctrl-C behind a full ring")
        var received: [UInt8] = []
        while received.count < bytes.count && Date() < deadline {
            let got = inbox.takeInput(max: 100)
            if got.isEmpty { usleep(1000) }
            received += got
            XCTAssertLessThanOrEqual(inbox.inputBytesWaiting, BoardInbox.inputCapacity)
        }
        XCTAssertEqual(received, bytes, "bytes lost or reordered")
        XCTAssertEqual(sent.wait(timeout: .now() + 5), .success)
        // A sender waiting on a full ring gives up when the input ends.
        Thread.detachNewThread {
            inbox.postInput(bytes, flowControl: true)
            sent.signal()
        }
        while inbox.inputBytesWaiting < BoardInbox.inputCapacity && Date() < deadline { usleep(1000) }
        inbox.closeInput()
        XCTAssertEqual(sent.wait(timeout: .now() + 5), .success)
    }
}
