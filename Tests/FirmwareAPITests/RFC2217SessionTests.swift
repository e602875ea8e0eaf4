import HostPlatform
import XCTest

/// The telnet state machine behind `breadbox run --serial rfc2217:PORT`, fed
/// the bytes pyserial's `rfc2217://` client sends (serial/rfc2217.py).
final class RFC2217SessionTests: XCTestCase {
    typealias T = RFC2217Session.Telnet
    typealias O = RFC2217Session.Option
    typealias C = RFC2217Session.ComPort
    let iac = RFC2217Session.Telnet.interpretAsCommand

    func request(_ command: UInt8, _ value: [UInt8]) -> [UInt8] {
        [iac, T.subnegotiationBegin, O.comPort, command] + value + [iac, T.subnegotiationEnd]
    }

    func answer(_ command: UInt8, _ value: [UInt8]) -> [UInt8] {
        [iac, T.subnegotiationBegin, O.comPort, command + 100] + value + [iac, T.subnegotiationEnd]
    }

    /// Carrier detect, data set ready and clear to send.
    let modemLines: UInt8 = 0xB0

    func testPyserialsOpeningIsAnsweredAndTheModemLinesAreToldOnce() {
        var s = RFC2217Session()
        // Serial.open(): DO ECHO, WILL SGA, DO SGA, DO COM-PORT, WILL COM-PORT.
        let r = s.receive([iac, T.do, O.echo, iac, T.will, O.suppressGoAhead, iac, T.do, O.suppressGoAhead,
                           iac, T.do, O.comPort, iac, T.will, O.comPort])
        XCTAssertEqual(r.data, [])
        XCTAssertEqual(r.reply, [iac, T.will, O.echo, iac, T.do, O.suppressGoAhead, iac, T.will, O.suppressGoAhead,
                                 iac, T.will, O.comPort] + answer(C.notifyModemState, [modemLines])
                                + [iac, T.do, O.comPort])
        XCTAssertTrue(s.isEnabled(O.comPort, ours: true))
        XCTAssertTrue(s.isEnabled(O.comPort, ours: false))
        XCTAssertFalse(r.purgeOutput)
    }

    func testOurRequestsAreAnsweredOnceSoNegotiationNeverLoops() {
        var s = RFC2217Session()
        let opening = s.opening()
        XCTAssertEqual(opening, [iac, T.will, O.echo, iac, T.will, O.suppressGoAhead, iac, T.will, O.binary,
                                 iac, T.do, O.suppressGoAhead, iac, T.do, O.binary])
        XCTAssertFalse(s.isEnabled(O.binary, ours: true), "requested, not yet agreed")
        // The tool agrees: an answer is not answered.
        XCTAssertEqual(s.receive([iac, T.do, O.binary, iac, T.will, O.binary]).reply, [])
        XCTAssertTrue(s.isEnabled(O.binary, ours: true))
        XCTAssertTrue(s.isEnabled(O.binary, ours: false))
        XCTAssertEqual(s.receive([iac, T.do, O.binary]).reply, [], "already on")
        // The tool turns it off: confirmed once, then nothing.
        XCTAssertEqual(s.receive([iac, T.dont, O.binary]).reply, [iac, T.wont, O.binary])
        XCTAssertEqual(s.receive([iac, T.dont, O.binary]).reply, [])
        XCTAssertEqual(s.receive([iac, T.wont, O.binary]).reply, [iac, T.dont, O.binary])
        XCTAssertEqual(s.receive([iac, T.wont, O.binary]).reply, [])
        // A refused request is not answered either.
        XCTAssertEqual(s.receive([iac, T.dont, O.echo]).reply, [])
        XCTAssertFalse(s.isEnabled(O.echo, ours: true))
    }

    func testOptionsWeDoNotSpeakAreRefused() {
        var s = RFC2217Session()
        let terminalType: UInt8 = 24, windowSize: UInt8 = 31
        XCTAssertEqual(s.receive([iac, T.do, terminalType]).reply, [iac, T.wont, terminalType])
        XCTAssertEqual(s.receive([iac, T.will, windowSize]).reply, [iac, T.dont, windowSize])
        XCTAssertEqual(s.receive([iac, T.will, O.echo]).reply, [iac, T.dont, O.echo], "the tool does not echo for the board")
        XCTAssertFalse(s.isEnabled(terminalType, ours: true))
    }

    func testLineSettingsAreConfirmedWithTheServersCodes() {
        var s = RFC2217Session()
        XCTAssertEqual(s.receive(request(C.setBaudRate, [0, 0, 0x25, 0x80])).reply, answer(C.setBaudRate, [0, 0, 0x25, 0x80]))
        XCTAssertEqual(s.baudRate, 9600)
        XCTAssertEqual(s.receive(request(C.setBaudRate, [0, 0, 0, 0])).reply, answer(C.setBaudRate, [0, 0, 0x25, 0x80]),
                       "0 asks for the current rate")
        XCTAssertEqual(s.receive(request(C.setDataSize, [7])).reply, answer(C.setDataSize, [7]))
        XCTAssertEqual(s.receive(request(C.setDataSize, [9])).reply, answer(C.setDataSize, [7]),
                       "a size no UART has is refused by answering the one in force")
        XCTAssertEqual(s.receive(request(C.setParity, [3])).reply, answer(C.setParity, [3]))
        XCTAssertEqual(s.receive(request(C.setStopSize, [2])).reply, answer(C.setStopSize, [2]))
        XCTAssertEqual(s.receive(request(C.setStopSize, [0])).reply, answer(C.setStopSize, [2]))
        XCTAssertEqual([s.dataSize, s.parity, s.stopSize], [7, 3, 2])
    }

    func testControlLinesAndFlowControlAreSetAndReported() {
        var s = RFC2217Session()
        XCTAssertEqual(s.receive(request(C.setControl, [1])).reply, answer(C.setControl, [1]), "no flow control")
        XCTAssertEqual(s.receive(request(C.setControl, [0])).reply, answer(C.setControl, [1]))
        XCTAssertEqual(s.receive(request(C.setControl, [7])).reply, answer(C.setControl, [8]), "DTR is on")
        XCTAssertEqual(s.receive(request(C.setControl, [9])).reply, answer(C.setControl, [9]))
        XCTAssertEqual(s.receive(request(C.setControl, [7])).reply, answer(C.setControl, [9]), "DTR is off now")
        XCTAssertFalse(s.dataTerminalReady)
        XCTAssertEqual(s.receive(request(C.setControl, [12])).reply, answer(C.setControl, [12]))
        XCTAssertFalse(s.requestToSend)
        XCTAssertEqual(s.receive(request(C.setControl, [5])).reply, answer(C.setControl, [5]))
        XCTAssertEqual(s.receive(request(C.setControl, [4])).reply, answer(C.setControl, [5]), "break is on")
        XCTAssertEqual(s.receive(request(C.setControl, [15])).reply, answer(C.setControl, [15]))
        XCTAssertEqual(s.receive(request(C.setControl, [13])).reply, answer(C.setControl, [15]))
        XCTAssertEqual(s.receive(request(C.setControl, [99])).reply, [], "not a SET-CONTROL code")
    }

    func testNotificationsMasksAndPurges() {
        var s = RFC2217Session()
        XCTAssertEqual(s.receive(request(C.notifyModemState, [])).reply, answer(C.notifyModemState, [modemLines]))
        XCTAssertEqual(s.receive(request(C.setModemStateMask, [0x30])).reply, answer(C.setModemStateMask, [0x30]))
        XCTAssertEqual(s.receive(request(C.notifyModemState, [])).reply, answer(C.notifyModemState, [0x30]),
                       "only the lines the mask lets through")
        XCTAssertEqual(s.receive(request(C.notifyLineState, [])).reply, answer(C.notifyLineState, [0]))
        XCTAssertEqual(s.receive(request(C.setLineStateMask, [0x10])).reply, answer(C.setLineStateMask, [0x10]))
        let purgeIn = s.receive(request(C.purgeData, [1]))
        XCTAssertEqual(purgeIn, .init(reply: answer(C.purgeData, [1]), purgeOutput: true),
                       "the server's receive buffer is the board's output not yet sent")
        XCTAssertEqual(s.receive(request(C.purgeData, [2])), .init(reply: answer(C.purgeData, [2])))
        XCTAssertTrue(s.receive(request(C.purgeData, [3])).purgeOutput)
        XCTAssertEqual(s.receive(request(C.purgeData, [4])), .init(), "not a purge code")
        _ = s.receive(request(C.flowControlSuspend, []))
        XCTAssertTrue(s.outputSuspended)
        XCTAssertEqual(s.receive(request(C.flowControlResume, [])).reply, [], "suspend and resume are not answered")
        XCTAssertFalse(s.outputSuspended)
    }

    func testIACIsEscapedBothWays() {
        var s = RFC2217Session()
        XCTAssertEqual(s.receive([0x41, iac, iac, 0x42]).data, [0x41, 0xFF, 0x42])
        XCTAssertEqual(RFC2217Session.escape([1, 0xFF, 2, 0xFF]), [1, 0xFF, 0xFF, 2, 0xFF, 0xFF])
        XCTAssertEqual(RFC2217Session.escape(Array("print(6*7)\r\n".utf8)), Array("print(6*7)\r\n".utf8))
        // 255 baud: the value's 0xFF is doubled on the wire, in the request and in the answer.
        XCTAssertEqual(s.receive(request(C.setBaudRate, [0, 0, 0, iac, iac])).reply, answer(C.setBaudRate, [0, 0, 0, iac, iac]))
        XCTAssertEqual(s.baudRate, 255)
    }

    func testCommandsSplitAcrossReadsAndDataAroundThem() {
        var s = RFC2217Session()
        var data: [UInt8] = [], reply: [UInt8] = []
        let stream: [UInt8] = [0x31] + [iac, T.will, O.comPort] + [0x32] + request(C.setDataSize, [8]) + [iac, iac, 0x03, iac]
        for b in stream {
            let r = s.receive([b])
            data += r.data
            reply += r.reply
        }
        XCTAssertEqual(data, [0x31, 0x32, 0xFF, 0x03])
        XCTAssertEqual(reply, [iac, T.do, O.comPort] + answer(C.notifyModemState, [modemLines]) + answer(C.setDataSize, [8]))
        // The trailing IAC waits for its command.
        XCTAssertEqual(s.receive([T.do, O.suppressGoAhead]).reply, [iac, T.will, O.suppressGoAhead])
    }

    func testATelnetClientsCRNULIsACarriageReturnUntilItSendsBinary() {
        var s = RFC2217Session()
        XCTAssertEqual(s.receive([0x61, 0x0D, 0x00, 0x62, 0x00]).data, [0x61, 0x0D, 0x62, 0x00],
                       "RFC 854: CR NUL is a bare CR; a NUL elsewhere is data")
        _ = s.receive([iac, T.will, O.binary])
        XCTAssertEqual(s.receive([0x0D, 0x00]).data, [0x0D, 0x00], "binary data passes unchanged")
    }
}
