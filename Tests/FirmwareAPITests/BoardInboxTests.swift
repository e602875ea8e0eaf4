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
}
