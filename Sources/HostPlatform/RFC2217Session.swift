/// The server's side of one RFC 2217 connection: telnet (RFC 854) carrying the
/// serial stream, with the COM-PORT-OPTION (44) a tool uses to set the line up.
/// What Wokwi and ser2net serve and pyserial's `rfc2217://` client speaks.
///
/// Pure: bytes from the tool go in, the serial data in them and the answers to
/// send back come out; the TCP port does the I/O. Data from the board goes out
/// through `escape(_:)`.
///
/// The board's port is USB, with no baud rate, framing or modem lines, so the
/// line settings are only remembered and confirmed: pyserial waits for each
/// answer and checks it repeats what it asked (`TelnetSubnegotiation.check_answer`
/// in pyserial's serial/rfc2217.py).
public struct RFC2217Session {
    /// Telnet's command bytes (RFC 854).
    public enum Telnet {
        public static let subnegotiationEnd: UInt8 = 240       // SE
        public static let subnegotiationBegin: UInt8 = 250     // SB
        public static let will: UInt8 = 251
        public static let wont: UInt8 = 252
        public static let `do`: UInt8 = 253
        public static let dont: UInt8 = 254
        public static let interpretAsCommand: UInt8 = 255      // IAC
    }

    /// The telnet options this server takes part in.
    public enum Option {
        public static let binary: UInt8 = 0                    // RFC 856
        public static let echo: UInt8 = 1                      // RFC 857
        public static let suppressGoAhead: UInt8 = 3           // RFC 858
        public static let comPort: UInt8 = 44                  // RFC 2217
    }

    /// The COM-PORT-OPTION commands a client sends; the server answers each
    /// with the same command plus `serverOffset` (RFC 2217, "Command Names and Codes").
    public enum ComPort {
        public static let setBaudRate: UInt8 = 1
        public static let setDataSize: UInt8 = 2
        public static let setParity: UInt8 = 3
        public static let setStopSize: UInt8 = 4
        public static let setControl: UInt8 = 5
        public static let notifyLineState: UInt8 = 6
        public static let notifyModemState: UInt8 = 7
        public static let flowControlSuspend: UInt8 = 8
        public static let flowControlResume: UInt8 = 9
        public static let setLineStateMask: UInt8 = 10
        public static let setModemStateMask: UInt8 = 11
        public static let purgeData: UInt8 = 12
        public static let serverOffset: UInt8 = 100
    }

    /// What one batch of bytes from the tool carried.
    public struct Received: Equatable {
        /// Serial data for the board, unescaped.
        public var data: [UInt8] = []
        /// Telnet answers to send the tool before anything else.
        public var reply: [UInt8] = []
        /// The tool asked to drop the board's output not yet sent (PURGE-DATA 1 or 3).
        public var purgeOutput = false
        public init(data: [UInt8] = [], reply: [UInt8] = [], purgeOutput: Bool = false) {
            self.data = data
            self.reply = reply
            self.purgeOutput = purgeOutput
        }
    }

    /// The line as the tool last set it (defaults: 115200 8N1, no flow control,
    /// DTR and RTS on as a tool that opens a port sets them).
    public private(set) var baudRate: UInt32 = 115_200
    public private(set) var dataSize: UInt8 = 8
    /// RFC 2217's codes: 1 none, 2 odd, 3 even, 4 mark, 5 space.
    public private(set) var parity: UInt8 = 1
    /// RFC 2217's codes: 1 one, 2 two, 3 one and a half.
    public private(set) var stopSize: UInt8 = 1
    public private(set) var dataTerminalReady = true
    public private(set) var requestToSend = true
    public private(set) var breakOn = false
    /// SET-CONTROL's outbound (1 none, 2 XON/XOFF, 3 hardware, 17 DCD, 19 DSR)
    /// and inbound (14 none, 15 XON/XOFF, 16 hardware, 18 DTR) flow control codes.
    public private(set) var outboundFlowControl: UInt8 = 1
    public private(set) var inboundFlowControl: UInt8 = 14
    /// The tool asked the server to hold the board's output (FLOWCONTROL-SUSPEND)
    /// until it resumes.
    public private(set) var outputSuspended = false

    /// RFC 1143's view of one side of an option, without its queue: a request
    /// we made is answered once, and an answer is never answered again, so
    /// two sides never loop.
    private enum OptionState { case off, requested, on }
    /// Options this server performs (the tool said DO).
    private var ours: [UInt8: OptionState] = [:]
    /// Options the tool performs (it said WILL).
    private var theirs: [UInt8: OptionState] = [:]
    private static let oursSupported: Set<UInt8> = [Option.binary, Option.echo, Option.suppressGoAhead, Option.comPort]
    private static let theirsSupported: Set<UInt8> = [Option.binary, Option.suppressGoAhead, Option.comPort]

    private enum ParseState {
        case data
        case command                  // after IAC
        case negotiation(UInt8)       // after IAC WILL/WONT/DO/DONT, waiting for the option
        case subnegotiation           // after IAC SB
        case subnegotiationCommand    // IAC inside a subnegotiation
    }
    private var state = ParseState.data
    private var subnegotiation: [UInt8] = []
    private var lastDataWasCarriageReturn = false
    private var modemStateMask: UInt8 = 255
    private var lineStateMask: UInt8 = 0
    private var toldModemState = false

    public init() {}

    /// The server's opening requests: it echoes (the board's REPL does) and
    /// suppresses go-ahead, so a plain telnet client sends each key as typed,
    /// and both directions are 8-bit clean.
    public mutating func opening() -> [UInt8] {
        var out: [UInt8] = []
        for option in [Option.echo, Option.suppressGoAhead, Option.binary] {
            ours[option] = .requested
            out += [Telnet.interpretAsCommand, Telnet.will, option]
        }
        for option in [Option.suppressGoAhead, Option.binary] {
            theirs[option] = .requested
            out += [Telnet.interpretAsCommand, Telnet.do, option]
        }
        return out
    }

    /// Whether an option is in effect: this server performs it (`ours`) or the tool does.
    public func isEnabled(_ option: UInt8, ours side: Bool) -> Bool {
        (side ? ours[option] : theirs[option]) == .on
    }

    /// Bytes from the tool, in any split: telnet commands are answered, IAC IAC
    /// is a 0xFF of data, and outside binary mode the NUL a telnet client sends
    /// after a bare CR (RFC 854's "CR NUL") is dropped.
    public mutating func receive(_ bytes: [UInt8]) -> Received {
        var r = Received()
        for b in bytes {
            switch state {
            case .data:
                if b == Telnet.interpretAsCommand { state = .command } else { takeData(b, into: &r) }
            case .command:
                state = .data
                switch b {
                case Telnet.interpretAsCommand: takeData(b, into: &r)
                case Telnet.will, Telnet.wont, Telnet.do, Telnet.dont: state = .negotiation(b)
                case Telnet.subnegotiationBegin:
                    subnegotiation = []
                    state = .subnegotiation
                default: break  // NOP, BRK, AYT...: nothing for a serial line
                }
            case .negotiation(let command):
                state = .data
                negotiate(command, b, into: &r)
            case .subnegotiation:
                if b == Telnet.interpretAsCommand { state = .subnegotiationCommand } else { subnegotiation.append(b) }
            case .subnegotiationCommand:
                switch b {
                case Telnet.interpretAsCommand:
                    subnegotiation.append(b)
                    state = .subnegotiation
                case Telnet.subnegotiationEnd:
                    state = .data
                    answerSubnegotiation(subnegotiation, into: &r)
                default:
                    // Not a valid subnegotiation: dropped whole.
                    state = .data
                }
            }
        }
        return r
    }

    /// The board's output as telnet data: each 0xFF doubled.
    public static func escape(_ data: [UInt8]) -> [UInt8] {
        guard data.contains(Telnet.interpretAsCommand) else { return data }
        var out: [UInt8] = []
        out.reserveCapacity(data.count + 8)
        for b in data {
            out.append(b)
            if b == Telnet.interpretAsCommand { out.append(b) }
        }
        return out
    }

    // MARK: Data

    private mutating func takeData(_ b: UInt8, into r: inout Received) {
        defer { lastDataWasCarriageReturn = b == 0x0D }
        if b == 0 && lastDataWasCarriageReturn && !isEnabled(Option.binary, ours: false) { return }
        r.data.append(b)
    }

    // MARK: Negotiation

    private mutating func negotiate(_ command: UInt8, _ option: UInt8, into r: inout Received) {
        let iac = Telnet.interpretAsCommand
        switch command {
        case Telnet.do:
            switch ours[option] ?? .off {
            case .off:
                if Self.oursSupported.contains(option) {
                    ours[option] = .on
                    r.reply += [iac, Telnet.will, option]
                    enabled(option, into: &r)
                } else {
                    r.reply += [iac, Telnet.wont, option]
                }
            case .requested:
                ours[option] = .on
                enabled(option, into: &r)
            case .on: break
            }
        case Telnet.dont:
            if ours[option] == .on { r.reply += [iac, Telnet.wont, option] }
            ours[option] = .off
        case Telnet.will:
            switch theirs[option] ?? .off {
            case .off:
                if Self.theirsSupported.contains(option) {
                    theirs[option] = .on
                    r.reply += [iac, Telnet.do, option]
                    enabled(option, into: &r)
                } else {
                    r.reply += [iac, Telnet.dont, option]
                }
            case .requested:
                theirs[option] = .on
                enabled(option, into: &r)
            case .on: break
            }
        default:  // WONT
            if theirs[option] == .on { r.reply += [iac, Telnet.dont, option] }
            theirs[option] = .off
        }
    }

    /// Once the COM port option is agreed, the tool hears the modem lines once,
    /// as pyserial's own server does (`PortManager._client_ok`): its `cts`,
    /// `dsr` and `cd` read them, and raise until a notification has come.
    private mutating func enabled(_ option: UInt8, into r: inout Received) {
        guard option == Option.comPort, !toldModemState else { return }
        toldModemState = true
        r.reply += Self.comPortAnswer(ComPort.notifyModemState, [Self.modemLines & modemStateMask])
    }

    /// The board is there and ready: carrier detect, data set ready, clear to
    /// send (RFC 2217's NOTIFY-MODEMSTATE bits 7, 5 and 4).
    private static let modemLines: UInt8 = 0x80 | 0x20 | 0x10

    // MARK: COM port commands

    private mutating func answerSubnegotiation(_ sub: [UInt8], into r: inout Received) {
        guard sub.count >= 2, sub[0] == Option.comPort else { return }
        let command = sub[1]
        let value = Array(sub.dropFirst(2))
        let first = value.first ?? 0
        // For each setting, 0 asks for the current value instead of setting one.
        switch command {
        case ComPort.setBaudRate:
            guard value.count >= 4 else { return }
            let asked = value[0..<4].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
            if asked != 0 { baudRate = asked }
            r.reply += Self.comPortAnswer(command, withUnsafeBytes(of: baudRate.bigEndian) { Array($0) })
        case ComPort.setDataSize:
            if (5...8).contains(first) { dataSize = first }
            r.reply += Self.comPortAnswer(command, [dataSize])
        case ComPort.setParity:
            if (1...5).contains(first) { parity = first }
            r.reply += Self.comPortAnswer(command, [parity])
        case ComPort.setStopSize:
            if (1...3).contains(first) { stopSize = first }
            r.reply += Self.comPortAnswer(command, [stopSize])
        case ComPort.setControl:
            if let answer = control(first) { r.reply += Self.comPortAnswer(command, [answer]) }
        case ComPort.notifyLineState:
            // No line errors on a USB port: nothing to report (pyserial's
            // server answers the same).
            r.reply += Self.comPortAnswer(command, [0])
        case ComPort.notifyModemState:
            r.reply += Self.comPortAnswer(command, [Self.modemLines & modemStateMask])
        case ComPort.flowControlSuspend:
            outputSuspended = true
        case ComPort.flowControlResume:
            outputSuspended = false
        case ComPort.setLineStateMask:
            lineStateMask = first
            r.reply += Self.comPortAnswer(command, [lineStateMask])
        case ComPort.setModemStateMask:
            modemStateMask = first
            r.reply += Self.comPortAnswer(command, [modemStateMask])
        case ComPort.purgeData:
            // 1: the server's receive buffer (the board's output not yet sent),
            // 2: its transmit buffer (input for the board: none waits here), 3: both.
            guard (1...3).contains(first) else { return }
            if first != 2 { r.purgeOutput = true }
            r.reply += Self.comPortAnswer(command, [first])
        default:
            break
        }
    }

    /// SET-CONTROL: sets a line or flow control, or asks for one; returns the
    /// code to answer with (nil for a code RFC 2217 does not define).
    private mutating func control(_ code: UInt8) -> UInt8? {
        switch code {
        case 0: return outboundFlowControl
        case 1, 2, 3, 17, 19:
            outboundFlowControl = code
            return code
        case 4: return breakOn ? 5 : 6
        case 5, 6:
            breakOn = code == 5
            return code
        case 7: return dataTerminalReady ? 8 : 9
        case 8, 9:
            dataTerminalReady = code == 8
            return code
        case 10: return requestToSend ? 11 : 12
        case 11, 12:
            requestToSend = code == 11
            return code
        case 13: return inboundFlowControl
        case 14, 15, 16, 18:
            inboundFlowControl = code
            return code
        default: return nil
        }
    }

    /// IAC SB COM-PORT-OPTION (command + 100) value IAC SE, 0xFF in the value doubled.
    private static func comPortAnswer(_ command: UInt8, _ value: [UInt8]) -> [UInt8] {
        [Telnet.interpretAsCommand, Telnet.subnegotiationBegin, Option.comPort, command + ComPort.serverOffset]
            + escape(value) + [Telnet.interpretAsCommand, Telnet.subnegotiationEnd]
    }
}
