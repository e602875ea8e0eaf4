import BigInt

/// Turns a `.mpy` file's bytecode into our code objects once, at import, so the
/// module then runs at the speed of compiled source.
///
/// MicroPython's VM keeps a dynamic stack of exception blocks (SETUP_EXCEPT,
/// SETUP_FINALLY, SETUP_WITH push one; POP_EXCEPT_JUMP, END_FINALLY pop it), and
/// `return`, `break` and `continue` run the pending `finally` code by pushing a
/// small int for END_FINALLY to dispatch on (py/vm.c). Its compiler nests these
/// blocks lexically, so the block stack at each instruction is known statically:
/// the translator follows it through the code and emits an exception table
/// entry per protected range, a pushExcInfo/popExcept pair around each `except`
/// handler, and, for each `return` or jump through a `finally`, a marker constant
/// that the translated END_FINALLY compares against to continue where it went.
/// A for-loop iterator takes four stack slots in MicroPython and one here; the
/// translator tracks MicroPython's slots and which of them exist in ours.
struct MpyTranslator {
    struct Unsupported: Error { var what: String }

    let file: MpyFile
    let filename: String

    func translateModule() throws(Unsupported) -> CodeObject {
        try translate(file.module, role: .module, closedCount: 0)
    }

    enum Role { case module, function, classBody }

    func translate(_ raw: MpyFile.RawCode, role: Role, closedCount: Int) throws(Unsupported) -> CodeObject {
        let bc: MpyBytecode
        do { bc = try MpyBytecode(raw.bytecode, qstrs: file.qstrs) } catch { throw Unsupported(what: "malformed bytecode") }
        var unit = MpyCodeUnit(translator: self, raw: raw, bytecode: bc, role: role, closedCount: closedCount)
        return try unit.translate()
    }
}

/// A stack slot as MicroPython sees it; `physical` says whether our stack holds it.
struct MpySlot {
    enum Tag: Equatable {
        case value
        case null
        case constString(String, emittedAt: Int)
        case smallInt(Int, emittedAt: Int)
        case buildClass
        case method(emittedAt: Int)
        case previousException
        /// What a finally handler starts with: None, the exception, or a marker.
        case finallyValue
    }
    var physical: Bool
    var tag: Tag
    static let value = MpySlot(physical: true, tag: .value)
    static let pad = MpySlot(physical: false, tag: .null)
}

/// An exception block on MicroPython's block stack.
struct MpyBlock: Equatable {
    enum Kind { case except, finally, with }
    var kind: Kind
    /// Offset of the handler.
    var handler: Int
    /// Our stack depth when the block was set up.
    var depth: Int
    /// The stack when the block was set up, which its handler starts from.
    var stack: [MpySlot]

    static func == (a: MpyBlock, b: MpyBlock) -> Bool { a.handler == b.handler && a.kind == b.kind }
}

/// The translator's view at one instruction.
struct MpyState {
    var stack: [MpySlot]
    var blocks: [MpyBlock]
    var depth: Int { stack.reduce(0) { $0 + ($1.physical ? 1 : 0) } }
}
