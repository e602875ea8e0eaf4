/// The parts of a MicroPython bytecode function (py/bc.h "bytecode layout"):
/// the prelude's signature and sizes, the names, the line table, the cells,
/// and the instructions decoded as py/bc0.h encodes them.
struct MpyBytecode {
    /// A prelude field or instruction ran past the end of the function.
    struct Malformed: Error {}

    var stateCount = 0
    var scopeFlags = 0
    /// Positional parameters, counting the closed-over cells MicroPython passes first.
    var positionalCount = 0
    var keywordOnlyCount = 0
    var defaultCount = 0
    var name = ""
    var argumentNames: [String] = []
    /// Local slots that hold cells (the closure section).
    var cellSlots: [Int] = []
    var instructions: [MpyInstruction] = []
    /// (bytecode bytes, lines) steps of the line table (py/bc.h mp_bytecode_get_source_line).
    var lineSteps: [(bytes: Int, lines: Int)] = []

    static let generatorFlag = 0x01, varKeywordsFlag = 0x02, varArgsFlag = 0x04

    init(_ code: [UInt8], qstrs: [String]) throws(Malformed) {
        var ip = 0
        func byte() throws(Malformed) -> Int {
            guard ip < code.count else { throw Malformed() }
            defer { ip += 1 }
            return Int(code[ip])
        }
        func uint() throws(Malformed) -> Int {
            var v = 0
            while true {
                let b = try byte()
                v = v << 7 | (b & 0x7F)
                if b & 0x80 == 0 { return v }
            }
        }
        func qstr() throws(Malformed) -> String {
            let i = try uint()
            guard i < qstrs.count else { throw Malformed() }
            return qstrs[i]
        }
        // MP_BC_PRELUDE_SIG_DECODE_INTO: xSSSSEAA then xFSSKAED bytes.
        var z = try byte()
        var s = (z >> 3) & 0xF, e = (z >> 2) & 1, f = 0, a = z & 3, k = 0, d = 0
        var n = 0
        while z & 0x80 != 0 {
            z = try byte()
            s |= (z & 0x30) << (2 * n)
            e |= (z & 0x02) << n
            f |= ((z & 0x40) >> 6) << n
            a |= (z & 0x4) << n
            k |= ((z & 0x08) >> 3) << n
            d |= (z & 0x1) << n
            n += 1
        }
        _ = e
        stateCount = s + 1
        scopeFlags = f
        positionalCount = a
        keywordOnlyCount = k
        defaultCount = d
        // MP_BC_PRELUDE_SIZE_DECODE: xIIIIIIC bytes.
        var info = 0, cells = 0
        n = 0
        repeat {
            z = try byte()
            info |= ((z & 0x7E) >> 1) << (6 * n)
            cells |= (z & 1) << n
            n += 1
        } while z & 0x80 != 0
        let sourceInfo = ip
        name = try qstr()
        for _ in 0..<(positionalCount + keywordOnlyCount) { argumentNames.append(try qstr()) }
        let lineEnd = sourceInfo + info
        guard lineEnd + cells <= code.count, ip <= lineEnd else { throw Malformed() }
        while ip < lineEnd {
            let c = try byte()
            if c & 0x80 == 0 {
                lineSteps.append((c & 0x1F, c >> 5))
            } else {
                let c2 = try byte()
                lineSteps.append((c & 0xF, ((c << 4) & 0x700) | c2))
            }
        }
        ip = lineEnd
        for _ in 0..<cells { cellSlots.append(try byte()) }
        let start = ip
        while ip < code.count {
            instructions.append(try MpyInstruction(code, at: &ip, codeStart: start))
        }
    }

    /// The source line of the instruction at `offset` (from the start of the instructions).
    func lines(for offsets: [Int]) -> [Int] {
        var result: [Int] = []
        var step = 0, consumed = 0, line = 1
        for o in offsets {
            while step < lineSteps.count, o - consumed >= lineSteps[step].bytes {
                consumed += lineSteps[step].bytes
                line += lineSteps[step].lines
                step += 1
            }
            result.append(line)
        }
        return result
    }
}

/// One decoded instruction: offsets count from the first instruction.
struct MpyInstruction {
    var offset: Int
    var opcode: UInt8
    /// The qstr index, unsigned or signed number, or the absolute jump target.
    var argument = 0
    /// The byte after some opcodes (MAKE_CLOSURE's cell count, UNWIND_JUMP's unwind count).
    var extra = 0
    var next: Int

    // py/bc0.h opcodes this translator names.
    static let loadConstString: UInt8 = 0x10, loadName: UInt8 = 0x11, loadGlobal: UInt8 = 0x12
    static let loadAttr: UInt8 = 0x13, loadMethod: UInt8 = 0x14, loadSuperMethod: UInt8 = 0x15
    static let storeName: UInt8 = 0x16, storeGlobal: UInt8 = 0x17, storeAttr: UInt8 = 0x18
    static let deleteName: UInt8 = 0x19, deleteGlobal: UInt8 = 0x1a, importName: UInt8 = 0x1b, importFrom: UInt8 = 0x1c
    static let makeClosure: UInt8 = 0x20, makeClosureDefargs: UInt8 = 0x21, loadConstSmallInt: UInt8 = 0x22
    static let loadConstObj: UInt8 = 0x23, loadFastN: UInt8 = 0x24, loadDeref: UInt8 = 0x25
    static let storeFastN: UInt8 = 0x26, storeDeref: UInt8 = 0x27, deleteFast: UInt8 = 0x28, deleteDeref: UInt8 = 0x29
    static let buildTuple: UInt8 = 0x2a, buildList: UInt8 = 0x2b, buildMap: UInt8 = 0x2c, buildSet: UInt8 = 0x2d
    static let buildSlice: UInt8 = 0x2e, storeComp: UInt8 = 0x2f, unpackSequence: UInt8 = 0x30, unpackEx: UInt8 = 0x31
    static let makeFunction: UInt8 = 0x32, makeFunctionDefargs: UInt8 = 0x33, callFunction: UInt8 = 0x34
    static let callFunctionVarKw: UInt8 = 0x35, callMethod: UInt8 = 0x36, callMethodVarKw: UInt8 = 0x37
    static let unwindJump: UInt8 = 0x40, jump: UInt8 = 0x42, popJumpIfTrue: UInt8 = 0x43, popJumpIfFalse: UInt8 = 0x44
    static let jumpIfTrueOrPop: UInt8 = 0x45, jumpIfFalseOrPop: UInt8 = 0x46, setupWith: UInt8 = 0x47
    static let setupExcept: UInt8 = 0x48, setupFinally: UInt8 = 0x49, popExceptJump: UInt8 = 0x4a, forIter: UInt8 = 0x4b
    static let loadConstFalse: UInt8 = 0x50, loadConstNone: UInt8 = 0x51, loadConstTrue: UInt8 = 0x52, loadNull: UInt8 = 0x53
    static let loadBuildClass: UInt8 = 0x54, loadSubscr: UInt8 = 0x55, storeSubscr: UInt8 = 0x56, dupTop: UInt8 = 0x57
    static let dupTopTwo: UInt8 = 0x58, popTop: UInt8 = 0x59, rotTwo: UInt8 = 0x5a, rotThree: UInt8 = 0x5b
    static let withCleanup: UInt8 = 0x5c, endFinally: UInt8 = 0x5d, getIter: UInt8 = 0x5e, getIterStack: UInt8 = 0x5f
    static let storeMap: UInt8 = 0x62, returnValue: UInt8 = 0x63, raiseLast: UInt8 = 0x64, raiseObj: UInt8 = 0x65
    static let raiseFrom: UInt8 = 0x66, yieldValue: UInt8 = 0x67, yieldFrom: UInt8 = 0x68, importStar: UInt8 = 0x69
    static let smallIntMulti: UInt8 = 0x70, loadFastMulti: UInt8 = 0xb0, storeFastMulti: UInt8 = 0xc0
    static let unaryOpMulti: UInt8 = 0xd0, binaryOpMulti: UInt8 = 0xd7

    /// Decodes as tools/mpy-tool.py mp_opcode_decode: the format comes from the
    /// opcode's high nibble (MP_BC_FORMAT), jumps are relative to the end of the
    /// offset bytes, and opcodes with `op & MP_BC_MASK_EXTRA_BYTE == 0` carry one more byte.
    init(_ code: [UInt8], at ip: inout Int, codeStart: Int) throws(MpyBytecode.Malformed) {
        func byte() throws(MpyBytecode.Malformed) -> Int {
            guard ip < code.count else { throw MpyBytecode.Malformed() }
            defer { ip += 1 }
            return Int(code[ip])
        }
        offset = ip - codeStart
        opcode = UInt8(try byte())
        let format = (0x0000_03A4 >> (2 * Int(opcode >> 4))) & 3
        switch format {
        case 1, 2:
            var b = try byte()
            var v = b & 0x7F
            if opcode == MpyInstruction.loadConstSmallInt && v & 0x40 != 0 { v |= -1 << 7 }
            while b & 0x80 != 0 {
                b = try byte()
                v = v << 7 | (b & 0x7F)
            }
            argument = v
        case 3:
            let signed = [MpyInstruction.unwindJump, MpyInstruction.jump, MpyInstruction.popJumpIfTrue,
                          MpyInstruction.popJumpIfFalse].contains(opcode)
            let b = try byte()
            var rel: Int
            if b & 0x80 == 0 {
                rel = b - (signed ? 0x40 : 0)
            } else {
                let high = try byte()
                rel = (b & 0x7F | high << 7) - (signed ? 0x4000 : 0)
            }
            rel += ip - codeStart
            argument = rel
        default:
            break
        }
        if opcode & 0x9E == 0 { extra = try byte() }
        next = ip - codeStart
    }

    var isUnconditionalTransfer: Bool {
        [MpyInstruction.jump, MpyInstruction.unwindJump, MpyInstruction.returnValue, MpyInstruction.raiseLast,
         MpyInstruction.raiseObj, MpyInstruction.raiseFrom, MpyInstruction.popExceptJump].contains(opcode)
    }
}
