import BigInt

/// The translation of one raw code (function, class body or module): a first
/// pass finds the stack and block state at every reachable instruction, then a
/// second pass emits our instructions in MicroPython's order.
struct MpyCodeUnit {
    typealias Op = MpyInstruction
    let translator: MpyTranslator
    let raw: MpyFile.RawCode
    let bc: MpyBytecode
    let role: MpyTranslator.Role
    let closedCount: Int

    enum Local { case fast(Int), cell(Int), free(Int) }
    enum Label: Hashable { case at(Int), cleanup(Int), local(Int) }
    enum Continuation { case ret, jump(Int, popIterator: Bool) }

    var locals: [Int: Local] = [:]
    var variableNames: [String] = []
    var cellVariables: [String] = []
    var freeVariables: [String] = []
    var cellParameterIndex: [Int] = []

    var code: [Instruction] = []
    var alive: [Bool] = []
    var lineNumbers: [Int32] = []
    var contexts: [(blocks: [MpyBlock], offset: Int)] = []
    var labels: [Label: Int] = [:]
    var jumps: [(index: Int, label: Label)] = []
    var localLabelCount = 0
    var constants: [CodeConstant] = []
    var names: [String] = []
    var nameIndex: [String: Int] = [:]
    var childRoles: [Int: (role: MpyTranslator.Role, closed: Int)] = [:]
    var children: [Int: CodeObject] = [:]
    /// Per finally/with handler: the marker constants jumped in with, and where each continues.
    var markers: [Int: [(constant: Int, continuation: Continuation, remaining: Int?)]] = [:]
    var exceptLandings: Set<Int> = []
    /// Per except handler: the blocks around it, for its cleanup stub.
    var cleanups: [Int: [MpyBlock]] = [:]
    var maxDepth = 0

    var emitting = false
    var currentBlocks: [MpyBlock] = []
    var currentOffset = 0
    var currentLine: Int32 = 1
    var lineByOffset: [Int: Int] = [:]
    var successors: [(Int, MpyState)] = []

    init(translator: MpyTranslator, raw: MpyFile.RawCode, bytecode: MpyBytecode, role: MpyTranslator.Role, closedCount: Int) {
        self.translator = translator
        self.raw = raw
        self.bc = bytecode
        self.role = role
        self.closedCount = closedCount
    }

    func unsupported(_ what: String) -> MpyTranslator.Unsupported {
        MpyTranslator.Unsupported(what: "\(what) in \(bc.name)")
    }

    // MARK: - Driver

    mutating func translate() throws(MpyTranslator.Unsupported) -> CodeObject {
        mapLocals()
        let offsets = bc.instructions.map(\.offset)
        for (o, l) in zip(offsets, bc.lines(for: offsets)) { lineByOffset[o] = l }
        var indexOf: [Int: Int] = [:]
        for (i, ins) in bc.instructions.enumerated() { indexOf[ins.offset] = i }

        // Pass 1: the state at each reachable instruction.
        var states: [Int: MpyState] = [:]
        var work: [(Int, MpyState)] = [(0, MpyState(stack: [], blocks: []))]
        while let (offset, state) = work.popLast() {
            guard states[offset] == nil, let i = indexOf[offset] else { continue }
            states[offset] = state
            var s = state
            successors = []
            let (skip, falls) = try step(bc.instructions[i], next: i + 1 < bc.instructions.count ? bc.instructions[i + 1] : nil, &s)
            work.append(contentsOf: successors)
            if falls, i + 1 + skip < bc.instructions.count {
                work.append((bc.instructions[i + 1 + skip].offset, s))
            }
        }
        for (index, entry) in childRoles {
            guard index < raw.children.count else { throw unsupported("missing child") }
            children[index] = try translator.translate(raw.children[index], role: entry.role, closedCount: entry.closed)
        }

        // Pass 2: emit in order.
        emitting = true
        var emitted: [Int: MpyState] = [:]
        var carried: MpyState? = nil
        var i = 0
        while i < bc.instructions.count {
            let ins = bc.instructions[i]
            guard var s = carried ?? emitted[ins.offset] ?? states[ins.offset] else {
                i += 1
                continue
            }
            labels[.at(ins.offset)] = code.count
            currentOffset = ins.offset
            currentLine = Int32(lineByOffset[ins.offset] ?? 1)
            currentBlocks = s.blocks
            if exceptLandings.contains(ins.offset) { emit(.pushExcInfo) }
            successors = []
            let (skip, falls) = try step(ins, next: i + 1 < bc.instructions.count ? bc.instructions[i + 1] : nil, &s)
            for (o, st) in successors where emitted[o] == nil { emitted[o] = st }
            carried = falls ? s : nil
            maxDepth = max(maxDepth, s.depth)
            i += 1 + skip
        }
        for (handler, outer) in cleanups.sorted(by: { $0.key < $1.key }) {
            labels[.cleanup(handler)] = code.count
            currentBlocks = outer
            currentOffset = handler
            emit(.popExceptReraise)
        }
        return try assemble()
    }

    /// Local slots: closed-over cells first, then parameters, then the rest
    /// (py/compile.c puts free variables first and counts them as parameters).
    mutating func mapLocals() {
        let varargs = bc.scopeFlags & MpyBytecode.varArgsFlag != 0
        let varkw = bc.scopeFlags & MpyBytecode.varKeywordsFlag != 0
        let named = bc.positionalCount + bc.keywordOnlyCount
        let parameterSlots = named + (varargs ? 1 : 0) + (varkw ? 1 : 0)
        for slot in 0..<closedCount {
            locals[slot] = .free(freeVariables.count)
            freeVariables.append(slot < bc.argumentNames.count ? bc.argumentNames[slot] : "*")
        }
        for slot in closedCount..<max(closedCount, parameterSlots) {
            locals[slot] = .fast(variableNames.count)
            if slot < named { variableNames.append(bc.argumentNames[slot]) }
            else { variableNames.append(slot == named && varargs ? "args" : "kwargs") }
        }
        for slot in bc.cellSlots {
            let parameter: Int
            if case .fast(let p)? = locals[slot] { parameter = p } else { parameter = -1 }
            cellVariables.append(parameter >= 0 ? variableNames[parameter] : "cell\(slot)")
            cellParameterIndex.append(parameter)
            locals[slot] = .cell(cellVariables.count - 1)
        }
        let slotOps: Set<UInt8> = [Op.loadFastN, Op.storeFastN, Op.deleteFast]
        var used: Set<Int> = []
        for ins in bc.instructions {
            if slotOps.contains(ins.opcode) { used.insert(ins.argument) }
            if ins.opcode >= Op.loadFastMulti && ins.opcode < Op.storeFastMulti + 16 { used.insert(Int(ins.opcode & 0x0F)) }
        }
        for slot in used.sorted() where locals[slot] == nil {
            locals[slot] = .fast(variableNames.count)
            variableNames.append("local\(slot)")
        }
    }

    mutating func temporary(_ name: String) -> Int {
        if let i = variableNames.firstIndex(of: name) { return i }
        variableNames.append(name)
        return variableNames.count - 1
    }

    // MARK: - Emission

    @discardableResult
    mutating func emit(_ op: Opcode, _ arg: Int = 0) -> Int {
        guard emitting else { return -1 }
        code.append(Instruction(op, UInt32(arg)))
        alive.append(true)
        lineNumbers.append(currentLine)
        contexts.append((currentBlocks, currentOffset))
        return code.count - 1
    }

    mutating func emitJump(_ op: Opcode, _ label: Label) {
        let i = emit(op)
        if i >= 0 { jumps.append((i, label)) }
    }

    mutating func newLabel() -> Label {
        localLabelCount += 1
        return .local(localLabelCount)
    }

    mutating func place(_ label: Label) {
        if emitting { labels[label] = code.count }
    }

    mutating func constant(_ c: CodeConstant) -> Int {
        constants.append(c)
        return constants.count - 1
    }

    mutating func name(_ s: String) -> Int {
        if let i = nameIndex[s] { return i }
        names.append(s)
        nameIndex[s] = names.count - 1
        return names.count - 1
    }

    func qstr(_ i: Int) throws(MpyTranslator.Unsupported) -> String {
        guard i >= 0, i < translator.file.qstrs.count else { throw unsupported("qstr index") }
        return translator.file.qstrs[i]
    }

    static func convert(_ c: MpyFile.Constant) -> CodeConstant {
        switch c {
        case .none: return .none
        case .bool(let b): return .bool(b)
        case .ellipsis: return .ellipsis
        case .str(let s): return .str(s)
        case .bytes(let b): return .bytes(b)
        case .int(let v): return .int(v)
        case .float(let d): return .float(d)
        case .complex(let d): return .imaginary(d)
        case .tuple(let items): return .tuple(items.map(convert))
        }
    }

    /// The handler an exception raised with these blocks open goes to: the
    /// innermost block not yet running its handler; an except block whose
    /// handler is running restores the handled exception first (its cleanup).
    func handlerFor(_ blocks: [MpyBlock], _ offset: Int) -> (Label, Int)? {
        for b in blocks.reversed() {
            if offset < b.handler { return (.at(b.handler), b.depth) }
            if b.kind == .except { return (.cleanup(b.handler), b.depth + 1) }
        }
        return nil
    }

    func assemble() throws(MpyTranslator.Unsupported) -> CodeObject {
        var newIndex = [Int](repeating: 0, count: code.count + 1)
        var n = 0
        for i in 0..<code.count {
            newIndex[i] = n
            if alive[i] { n += 1 }
        }
        newIndex[code.count] = n
        var out = code
        for (i, label) in jumps {
            guard let target = labels[label] else { throw unsupported("jump to unreachable code") }
            out[i] = Instruction(out[i].opcode, UInt32(newIndex[target]))
        }
        var instructions: [Instruction] = []
        var lines: [Int32] = []
        var table: [ExceptionTableEntry] = []
        for i in 0..<code.count where alive[i] {
            let index = instructions.count
            instructions.append(out[i])
            lines.append(lineNumbers[i])
            guard let (label, depth) = handlerFor(contexts[i].blocks, contexts[i].offset) else { continue }
            guard let target = labels[label] else { throw unsupported("handler not emitted") }
            let handler = newIndex[target]
            if var last = table.last, last.end == index, last.handler == handler, last.depth == depth {
                last.end = index + 1
                table[table.count - 1] = last
            } else {
                table.append(ExceptionTableEntry(start: index, end: index + 1, handler: handler, depth: depth))
            }
        }
        var flags: CodeFlags = []
        switch role {
        case .module: break
        case .classBody: flags.insert(.classBody)
        case .function:
            flags.insert(.optimized)
            if bc.scopeFlags & MpyBytecode.generatorFlag != 0 { flags.insert(.generator) }
            if bc.scopeFlags & MpyBytecode.varArgsFlag != 0 { flags.insert(.varargs) }
            if bc.scopeFlags & MpyBytecode.varKeywordsFlag != 0 { flags.insert(.varkeywords) }
        }
        let firstLine = lineByOffset[0] ?? 1
        return CodeObject(name: bc.name, qualifiedName: bc.name, filename: translator.filename, firstLine: firstLine,
                          flags: flags, argumentCount: max(0, bc.positionalCount - closedCount), positionalOnlyCount: 0,
                          keywordOnlyCount: bc.keywordOnlyCount, instructions: instructions, lineNumbers: lines,
                          constants: constants, names: names, variableNames: variableNames,
                          cellVariables: cellVariables, freeVariables: freeVariables,
                          cellParameterIndex: cellParameterIndex, exceptionTable: table, stackSize: maxDepth + 10)
    }
}
