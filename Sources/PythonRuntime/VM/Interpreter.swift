import Dispatch
import BigInt

/// One instruction's inline cache: two words that say when `value` holds, as
/// that instruction reads them.
/// - LOAD_GLOBAL: `key` the globals dict's version, `epoch` the builtins dict's;
///   `value` the global.
/// - LOAD_METHOD (`MethodCache.swift`): `key` and `epoch` as for LOAD_ATTR;
///   `value` the method. Two entries, as LOAD_ATTR's.
/// - LOAD_ATTR, STORE_ATTR (`InstanceAttributeCache.swift`): `key` the instance's
///   type's address, `epoch` that type's attribute epoch; `value` the attribute's
///   position in the instance dict. These sites have a second entry (the one
///   after theirs) for a second type, as `p.x` sees a class and its subclass.
struct InlineCacheEntry {
    var key: UInt64 = 0
    var epoch: UInt64 = 0
    var value: Value = .null
}

/// What the loop keeps in registers for the running frame besides its code,
/// ip and sp. Each frame stores its own (`Frame.registers`, set with its code
/// and slots), so that switching frames reads plain fields: the loop holds
/// frames `unowned(unsafe)`, and calling any method or computed property on
/// one, or passing it as an argument, makes Swift retain it (measured: two
/// atomic retains per Python call). For the same reason the loop's named steps
/// below find the running frame as `currentFrame` instead of taking it.
struct FrameRegisters {
    let instructions: UnsafeMutablePointer<Instruction>
    let constants: UnsafeMutablePointer<Value>
    let names: UnsafeMutablePointer<Value>
    let slots: UnsafeMutablePointer<Value>
    /// Two inline-cache entries per instruction (LOAD_GLOBAL uses the first,
    /// LOAD_ATTR, STORE_ATTR and LOAD_METHOD both), instruction i's at `2 * i`.
    let inlineCache: UnsafeMutablePointer<InlineCacheEntry>
    /// The slot of the first cell (after the fast locals).
    let cellBase: Int
    /// `CodeObject.costDivisor`: above 1 for native and viper code, whose
    /// instructions the loop charges at that speed when it leaves the frame.
    let costDivisor: Int

    /// The argument of instruction `i` (a superinstruction reads its second
    /// half's there; FOR_ITER its own, as a jump may fall through into it).
    @inline(__always) func argument(at i: Int) -> Int {
        Int(truncatingIfNeeded: instructions[i].raw >> 8)
    }

    /// `code` must be materialized.
    init(code: CodeObject, slots: UnsafeMutablePointer<Value>) {
        instructions = code.instructionBuffer!
        constants = code.constantBuffer!
        names = code.nameBuffer!
        inlineCache = code.inlineCache!
        cellBase = code.cellBase
        costDivisor = code.cachedCostDivisor
        self.slots = slots
    }
}

/// How often (in instructions) the loop stops at a safe point to report time,
/// notice interrupts and collect garbage.
let checkpointInterval = 4096


extension Runtime {
    /// Prepares a code object for running: constants as values, names interned,
    /// instructions and caches in memory that stays put.
    func materialize(_ code: CodeObject) {
        if code.isMaterialized { return }
        code.isMaterialized = true
        code.constantValues = ContiguousArray(code.constants.map { constantValue($0) })
        code.nameValues = ContiguousArray(code.names.map { Value(intern($0)) })
        code.variableNameStrs = ContiguousArray(code.variableNames.map { intern($0) })
        let n = max(code.instructions.count, 1)
        let ins = UnsafeMutablePointer<Instruction>.allocate(capacity: n)
        ins.initialize(repeating: Instruction(.returnValue), count: n)
        for (i, x) in code.instructions.enumerated() { ins[i] = x }
        fuseSuperinstructions(ins, count: code.instructions.count)
        code.instructionBuffer = ins
        let cb = UnsafeMutablePointer<Value>.allocate(capacity: max(code.constantValues.count, 1))
        for (i, v) in code.constantValues.enumerated() { cb[i] = v }
        code.constantBuffer = cb
        let nb = UnsafeMutablePointer<Value>.allocate(capacity: max(code.nameValues.count, 1))
        for (i, v) in code.nameValues.enumerated() { nb[i] = v }
        code.nameBuffer = nb
        let vb = UnsafeMutablePointer<Value>.allocate(capacity: max(code.variableNameStrs.count, 1))
        for (i, v) in code.variableNameStrs.enumerated() { vb[i] = Value(v) }
        code.variableNameBuffer = vb
        let gc = UnsafeMutablePointer<InlineCacheEntry>.allocate(capacity: 2 * n)
        gc.initialize(repeating: InlineCacheEntry(), count: 2 * n)
        code.inlineCache = gc
        code.cellBase = code.variableNames.count
        code.cachedCostDivisor = code.costDivisor
        code.fixedSlotCount = code.variableNames.count + code.cellVariables.count + code.freeVariables.count
    }

    /// Writes a superinstruction (see `Opcode`) over the first of each pair
    /// that has one. The second instruction stays as it was, so pairs may
    /// overlap (the second of one pair heading the next).
    private func fuseSuperinstructions(_ ins: UnsafeMutablePointer<Instruction>, count: Int) {
        func opcode(_ i: Int) -> Opcode? { i < count ? ins[i].opcode : nil }
        for i in 0..<count {
            let fused: Opcode
            switch (ins[i].opcode, opcode(i + 1)) {
            case (.loadFast, .loadConst) where opcode(i + 2) == .binaryOp: fused = .loadFastLoadConstBinaryOp
            case (.loadFast, .loadConst): fused = .loadFastLoadConst
            case (.loadFast, .loadFast): fused = .loadFastLoadFast
            case (.loadFast, .binaryOp): fused = .loadFastBinaryOp
            case (.loadConst, .binaryOp): fused = .loadConstBinaryOp
            case (.compareOp, .popJumpIfFalse): fused = .compareOpJumpIfFalse
            case (.binaryOp, .storeFast): fused = .binaryOpStoreFast
            case (.jump, _) where opcode(Int(ins[i].argument)) == .forIter: fused = .jumpToForIter
            default: continue
            }
            ins[i] = Instruction(fused, ins[i].argument)
        }
    }

    func constantValue(_ c: CodeConstant) -> Value {
        switch c {
        case .none: return .none
        case .bool(let b): return Value(bool: b)
        case .ellipsis: return .ellipsis
        case .int(let i):
            let v = newInt(i)
            if v.isObject { heap.makePermanent(v.object) }
            return v
        case .float(let d): return Value(float: d)
        case .imaginary(let d):
            let c = PyComplex(type: types.complex, real: 0, imag: d)
            heap.makePermanent(c)
            return Value(c)
        case .str(let s): return Value(intern(s))
        case .bytes(let b):
            let o = PyBytes(type: types.bytes, b, mutable: false)
            heap.makePermanent(o)
            return Value(o)
        case .tuple(let items):
            let t = PyTuple(type: types.tuple, ContiguousArray(items.map { constantValue($0) }))
            heap.makePermanent(t)
            return Value(t)
        case .code(let code):
            let o = PyCode(type: types.code, code)
            heap.makePermanent(o)
            return Value(o)
        }
    }

    // MARK: frames

    /// A frame for `code` (materialized) whose slots start at `slots`, from the
    /// frame stack (which keeps it alive: the caller holds it unretained).
    @inline(__always)
    func obtainFrame(code: CodeObject, globals: PyDict, slots: UnsafeMutablePointer<Value>) -> Unmanaged<Frame> {
        if framesInUse < frameStack.count {
            let u = frameStack.withUnsafeBufferPointer { $0[framesInUse] }
            framesInUse += 1
            u._withUnsafeGuaranteedRef { f in
                f.code = code
                f.registers = FrameRegisters(code: code, slots: slots)
                f.globals = globals
                f.builtins = builtins
                f.locals = nil
                f.slots = slots
                f.stackBase = slots + code.fixedSlotCount
                f.sp = f.stackBase
                f.ip = 0
                f.parent = nil
                f.generator = nil
                f.finished = false
                f.function = nil
                // Released only when set: a store of nil would release on every call.
                if f.pendingException != nil { f.pendingException = nil }
                f.constructedInstance = .null
                f.discardsResult = false
            }
            return u
        }
        let u = Unmanaged.passRetained(Frame(code: code, globals: globals, builtins: builtins, slots: slots))
        frameStack.append(u)
        framesInUse += 1
        return u
    }

    /// Returns the most recently obtained frame to the frame stack.
    @inline(__always) func releaseFrame(_ f: Frame) {
        framesInUse -= 1
    }

    /// Where a new frame's slots may start: above everything live on the shared stack.
    var freeStackPointer: UnsafeMutablePointer<Value> {
        var f = currentFrame
        while let fr = f {
            if !fr.ownsSlots { return fr.sp }
            f = fr.parent
        }
        return valueStack
    }

    /// Sets up a frame to call `function` with arguments already at `slots[0..<argc]`
    /// (the last `kwNames.count` of them passed by keyword). Returns the frame, or nil
    /// after putting a generator in `generatorResult` when the function is a generator.
    func enterFunction(_ function: PyFunction, slots: UnsafeMutablePointer<Value>, argc: Int, kwNames: PyTuple?,
                       generatorResult: inout Value) throws(PyError) -> Unmanaged<Frame>? {
        let code = function.code  // a borrow of an immutable field: no retain
        if !code.isMaterialized { materialize(code) }
        let fixed = code.fixedSlotCount
        guard slots + fixed + code.stackSize + 8 < valueStack + valueStackCapacity,
              frameDepth < configuration.recursionLimit else {
            throw error(types.RecursionError, "maximum recursion depth exceeded")
        }
        let simple = kwNames == nil && argc == code.argumentCount && code.keywordOnlyCount == 0
            && !code.flags.contains(.varargs) && !code.flags.contains(.varkeywords)
        if simple {
            var p = slots + argc
            let end = slots + fixed
            while p < end { p.pointee = .null; p += 1 }
        } else {
            try bindArguments(function, slots: slots, argc: argc, kwNames: kwNames)
        }
        // Cells: fresh ones for cell variables (starting as their parameter where one
        // is captured), then the closure's cells for free variables.
        let nlocals = code.variableNames.count
        if !code.cellVariables.isEmpty {
            for (i, param) in code.cellParameterIndex.enumerated() {
                let initial: Value = param >= 0 ? slots[param] : .null
                slots[nlocals + i] = adopt(PyCell(type: types.cell, initial))
            }
        }
        if !code.freeVariables.isEmpty, function.closure.isObject {
            let cells = unsafeDowncast(function.closure.object, to: PyTuple.self).items
            for i in 0..<code.freeVariables.count {
                slots[nlocals + code.cellVariables.count + i] = cells[i]
            }
        }
        if code.flags.contains(.generator) || code.flags.contains(.coroutine) {
            let size = fixed + code.stackSize + 1
            let own = UnsafeMutablePointer<Value>.allocate(capacity: size)
            own.initialize(repeating: .null, count: size)
            own.update(from: slots, count: fixed)
            let frame = Frame(code: code, globals: function.globals, builtins: builtins, slots: own)
            frame.ownsSlots = true
            frame.function = function
            let gen = track(PyGenerator(type: code.flags.contains(.coroutine) ? types.coroutine : types.generator,
                                        frame: frame, name: function.name, qualifiedName: function.qualifiedName))
            frame.generator = gen
            generatorResult = Value(gen)
            return nil
        }
        let frame = obtainFrame(code: code, globals: function.globals, slots: slots)
        frame._withUnsafeGuaranteedRef { $0.function = function }
        return frame
    }

    /// Enters `function` as a frame of the running loop, called by `caller`
    /// (stopped at `ip`) with its arguments at `slots[0..<argc]`; the callee's
    /// result will go to `resultSlot`. Nil, with the generator in
    /// `generatorResult`, when the function is a generator function.
    /// Both references come in unmanaged: borrowed from a Value and from the
    /// loop's register, they would otherwise be retained around the call.
    @inline(__always)
    func enterInline(_ function: Value, caller: Unmanaged<Frame>, ip: Int, resultSlot: UnsafeMutablePointer<Value>,
                     slots: UnsafeMutablePointer<Value>, argc: Int, kwNames: PyTuple?,
                     generatorResult: inout Value) throws(PyError) -> Unmanaged<Frame>? {
        caller._withUnsafeGuaranteedRef { c in
            c.ip = ip
            c.sp = resultSlot
        }
        guard let entered = try function.withBorrowed(PyFunction.self, { f throws(PyError) in
            try enterFunction(f, slots: slots, argc: argc, kwNames: kwNames, generatorResult: &generatorResult)
        }) else { return nil }
        entered._withUnsafeGuaranteedRef { callee in
            caller._withUnsafeGuaranteedRef { callee.parent = $0 }
        }
        frameDepth += 1
        return entered
    }

    /// A frame's registers, read without retaining it (the loop's `frame` is
    /// unowned, and reading through it made a strong copy at every switch).
    @inline(__always) func registers(of frame: Unmanaged<Frame>) -> (FrameRegisters, Int, UnsafeMutablePointer<Value>) {
        frame._withUnsafeGuaranteedRef { ($0.registers, $0.ip, $0.sp) }
    }

    // MARK: the loop

    /// Runs `entry` (and every Python frame it calls) until it returns, or, for a
    /// generator frame, until it yields. Returns the returned or yielded value.
    func execute(_ entry: Frame) throws(PyError) -> Value {
        // Entering a loop is a safe point too (frames are synced and the nursery
        // holds what Swift callers hold): code that runs as many short nested
        // loops (properties, callbacks) would otherwise never reach one.
        if heap.wantsCollection {
            collectGarbage(nurseryFloor: heap.nursery.count)
            if heap.bytesInUse > heap.limit {
                if !entry.ownsSlots { releaseFrame(entry) }
                throw memoryError(heap.bytesInUse - heap.limit)
            }
        }
        let floor = heap.nursery.count
        do throws(PyError) {
            let result = try run(entry)
            keepOnlyInNursery(result, above: floor)
            return result
        } catch {
            keepOnlyInNursery(Value(error.exception), above: floor)
            throw error
        }
    }

    /// When a loop returns to the Swift code that called it, that code can hold
    /// only what the loop returned or raised: everything else the loop made is
    /// reachable from the frames and objects (or garbage), so the nursery keeps
    /// just that one value. Without this, a slow outer loop calling properties or
    /// callbacks would keep all their garbage alive until its own next safe point.
    @inline(__always) private func keepOnlyInNursery(_ v: Value, above floor: Int) {
        guard nativeDepth > 0, heap.nursery.count > floor else { return }
        heap.trimNursery(to: floor)
        if v.isObject { heap.nursery.append(v) }
    }

    private func run(_ entry: Frame) throws(PyError) -> Value {
        nativeDepth += 1
        unowned(unsafe) let callerFrame = currentFrame
        let nurseryFloor = heap.nursery.count
        // Instructions the calling loops have run but not yet added to the count.
        let (savedInLoop, savedOuter) = (executedInLoop, executedInOuterLoops)
        let savedStretch = (stretchStartInLoop, stretchDivisorInLoop)
        executedInOuterLoops &+= executedInLoop
        executedInLoop = 0
        defer {
            (executedInLoop, executedInOuterLoops) = (savedInLoop, savedOuter)
            (stretchStartInLoop, stretchDivisorInLoop) = savedStretch
            nativeDepth -= 1
            currentFrame = callerFrame
            // Back in the host: nothing in Swift code holds this run's objects any more.
            if nativeDepth == 0 { heap.trimNursery(to: 0) }
        }
        if nativeDepth > 400 {
            if !entry.ownsSlots { releaseFrame(entry) }
            throw error(types.RecursionError, "maximum recursion depth exceeded")
        }
        entry.parent = callerFrame
        frameDepth += 1
        unowned(unsafe) var frame = entry
        currentFrame = frame
        var (r, ip, sp) = (frame.registers, frame.ip, frame.sp)
        var executed = 0
        // Where the running frame's stretch of instructions began, for a native
        // or viper frame's discount (`chargeNativeStretch`) when it is left.
        var stretchStart = 0
        beginStretch(0, r.costDivisor)
        let floatCost = configuration.floatResultInstructions
        var reraising = false

        while true {
            do throws(PyError) {
                if let pending = frame.pendingException {
                    frame.pendingException = nil
                    reraising = true
                    throw PyError(pending)
                }
                while true {
                    let raw = r.instructions[ip].raw
                    ip &+= 1
                    executed &+= 1
                    let arg = Int(truncatingIfNeeded: raw >> 8)
                    switch unsafeBitCast(UInt8(truncatingIfNeeded: raw), to: Opcode.self) {
                    case .nop:
                        break
                    case .popTop:
                        sp -= 1
                    case .dupTop:
                        push(&sp, top(sp))
                    case .dupTopTwo:
                        let a = (sp - 2).pointee, b = (sp - 1).pointee
                        push(&sp, a); push(&sp, b)
                    case .rotTwo:
                        let a = (sp - 1).pointee
                        (sp - 1).pointee = (sp - 2).pointee
                        (sp - 2).pointee = a
                    case .rotThree:
                        let a = (sp - 1).pointee
                        (sp - 1).pointee = (sp - 2).pointee
                        (sp - 2).pointee = (sp - 3).pointee
                        (sp - 3).pointee = a
                    case .rotFour:
                        let a = (sp - 1).pointee
                        (sp - 1).pointee = (sp - 2).pointee
                        (sp - 2).pointee = (sp - 3).pointee
                        (sp - 3).pointee = (sp - 4).pointee
                        (sp - 4).pointee = a

                    case .loadConst:
                        push(&sp, r.constants[arg])
                    case .loadFast:
                        let v = r.slots[arg]
                        if v.isNull { throw unboundLocal(frame.code, arg, ip, sp, executed) }
                        push(&sp, v)
                    case .loadFastLoadConst:
                        let v = r.slots[arg]
                        if v.isNull { throw unboundLocal(frame.code, arg, ip, sp, executed) }
                        push(&sp, v)
                        push(&sp, r.constants[r.argument(at: ip)])
                        ip &+= 1
                        executed &+= 1
                    case .loadFastLoadConstBinaryOp:
                        let a = r.slots[arg]
                        if a.isNull { throw unboundLocal(frame.code, arg, ip, sp, executed) }
                        let b = r.constants[r.argument(at: ip)]
                        let operation = r.instructions[ip &+ 1].raw
                        let fast = fastBinary(a, b, Int(truncatingIfNeeded: operation >> 8) & 15)
                        if fast.isNull {
                            // The BINARY_OP runs as itself.
                            push(&sp, a)
                            push(&sp, b)
                            ip &+= 1
                            executed &+= 1
                            break
                        }
                        if fast.isFloat { executed &+= floatCost }
                        if UInt8(truncatingIfNeeded: operation) == Opcode.binaryOpStoreFast.rawValue {
                            r.slots[r.argument(at: ip &+ 2)] = fast
                            ip &+= 3
                            executed &+= 3
                        } else {
                            push(&sp, fast)
                            ip &+= 2
                            executed &+= 2
                        }
                    case .loadFastBinaryOp, .loadConstBinaryOp:
                        // A constant is never unset: the check catches only an unset local.
                        let b = UInt8(truncatingIfNeeded: raw) == Opcode.loadConstBinaryOp.rawValue
                            ? r.constants[arg] : r.slots[arg]
                        if b.isNull { throw unboundLocal(frame.code, arg, ip, sp, executed) }
                        let fast = fastBinary(top(sp), b, r.argument(at: ip) & 15)
                        if fast.isNull { push(&sp, b); break }
                        if fast.isFloat { executed &+= floatCost }
                        (sp - 1).pointee = fast
                        ip &+= 1
                        executed &+= 1
                    case .loadFastLoadFast:
                        let v = r.slots[arg]
                        if v.isNull { throw unboundLocal(frame.code, arg, ip, sp, executed) }
                        push(&sp, v)
                        // An unset second local is left to its own LOAD_FAST to report.
                        let w = r.slots[r.argument(at: ip)]
                        if w.isNull { break }
                        push(&sp, w)
                        ip &+= 1
                        executed &+= 1
                    case .storeFast:
                        sp -= 1
                        r.slots[arg] = sp.pointee
                    case .deleteFast:
                        if r.slots[arg].isNull {
                            saveState(ip, sp, executed)
                            throw error(types.UnboundLocalError,
                                        "local variable '\(frame.code.variableNames[arg])' referenced before assignment")
                        }
                        r.slots[arg] = .null
                    case .loadDeref:
                        let cell = unsafeDowncast(r.slots[r.cellBase + arg].object, to: PyCell.self)
                        if cell.contents.isNull { saveState(ip, sp, executed); throw unboundCell(frame.code, arg) }
                        push(&sp, cell.contents)
                    case .storeDeref:
                        let cell = unsafeDowncast(r.slots[r.cellBase + arg].object, to: PyCell.self)
                        cell.contents = pop(&sp)
                    case .deleteDeref:
                        let cell = unsafeDowncast(r.slots[r.cellBase + arg].object, to: PyCell.self)
                        if cell.contents.isNull { saveState(ip, sp, executed); throw unboundCell(frame.code, arg) }
                        cell.contents = .null
                    case .loadClosure:
                        push(&sp, r.slots[r.cellBase + arg])
                    case .loadClassDeref:
                        let cellIndex = r.cellBase + arg
                        let name = intern(cellName(frame.code, arg))
                        if let locals = frame.locals {
                            let v = locals.getStr(name)
                            if !v.isNull { push(&sp, v); break }
                        }
                        let cell = unsafeDowncast(r.slots[cellIndex].object, to: PyCell.self)
                        if cell.contents.isNull { saveState(ip, sp, executed); throw unboundCell(frame.code, arg) }
                        push(&sp, cell.contents)
                    case .loadName:
                        let name = unsafeDowncast(r.names[arg].object, to: PyStr.self)
                        var v = frame.locals?.getStr(name) ?? .null
                        if let l = frame.locals, l.type !== types.dict {
                            saveState(ip, sp, executed)
                            v = try namespaceLoad(l, name)
                        }
                        if v.isNull { v = frame.globals.getStr(name) }
                        if v.isNull { v = frame.builtins.getStr(name) }
                        if v.isNull { saveState(ip, sp, executed); throw nameError(name.value) }
                        push(&sp, v)
                    case .storeName:
                        let name = unsafeDowncast(r.names[arg].object, to: PyStr.self)
                        if let l = frame.locals, l.type !== types.dict {
                            let v = pop(&sp)
                            saveState(ip, sp + 1, executed)
                            try setItem(Value(l), Value(name), v)
                            break
                        }
                        (frame.locals ?? frame.globals).setStr(name, pop(&sp))
                    case .deleteName:
                        let name = unsafeDowncast(r.names[arg].object, to: PyStr.self)
                        if (frame.locals ?? frame.globals).removeStr(name).isNull { saveState(ip, sp, executed); throw nameError(name.value) }
                    case .loadGlobal:
                        let cache = r.inlineCache + 2 &* (ip - 1)
                        unowned(unsafe) let g = frame.globals
                        unowned(unsafe) let b = frame.builtins
                        if cache.pointee.key == g.version && cache.pointee.epoch == b.version {
                            push(&sp, cache.pointee.value)
                            break
                        }
                        saveState(ip, sp, executed)
                        push(&sp, try loadGlobalMissed(cache, unsafeDowncast(r.names[arg].object, to: PyStr.self)))
                    case .storeGlobal:
                        frame.globals.setStr(unsafeDowncast(r.names[arg].object, to: PyStr.self), pop(&sp))
                    case .deleteGlobal:
                        let name = unsafeDowncast(r.names[arg].object, to: PyStr.self)
                        if frame.globals.removeStr(name).isNull { saveState(ip, sp, executed); throw nameError(name.value) }
                    case .loadAttr:
                        let obj = top(sp)
                        let attributeCache = r.inlineCache + 2 &* (ip - 1)
                        var cached = cachedInstanceAttribute(attributeCache, obj, r.names[arg])
                        if cached.isNull { cached = cachedInstanceAttribute(attributeCache + 1, obj, r.names[arg]) }
                        if !cached.isNull {
                            (sp - 1).pointee = cached
                            break
                        }
                        saveState(ip, sp, executed)
                        // A property's Python getter runs as a frame of this loop, on the
                        // instance's slot (its result replaces the instance).
                        let getter = frame.ownsSlots ? Value.null
                            : r.names[arg].withBorrowed(PyStr.self) { name in inlinePropertyFunction(obj, name, setter: false) }
                        if !getter.isNull {
                            var genResult = Value.null
                            guard let entered = try enterInline(getter, caller: .passUnretained(frame), ip: ip, resultSlot: sp - 1, slots: sp - 1,
                                                                argc: 1, kwNames: nil, generatorResult: &genResult) else {
                                (sp - 1).pointee = genResult
                                break
                            }
                            if r.costDivisor > 1 { chargeNativeStretch(&executed, from: stretchStart, r.costDivisor) }
                            frame = entered.takeUnretainedValue(); currentFrame = frame; (r, ip, sp) = (frame.registers, frame.ip, frame.sp)
                            stretchStart = executed
                            beginStretch(stretchStart, r.costDivisor)
                            break
                        }
                        // The cache is filled before the general path, which may run
                        // Python code (a __getattr__) that frees obj.
                        r.names[arg].withBorrowed(PyStr.self) { name in
                            fillInstanceAttributeCache(attributeCache, obj, name, store: false)
                        }
                        (sp - 1).pointee = try r.names[arg].withBorrowed(PyStr.self) { name throws(PyError) in try getAttribute(obj, name) }
                    case .storeAttr:
                        let attributeCache = r.inlineCache + 2 &* (ip - 1)
                        if storeCachedInstanceAttribute(attributeCache, top(sp), r.names[arg], (sp - 2).pointee)
                            || storeCachedInstanceAttribute(attributeCache + 1, top(sp), r.names[arg], (sp - 2).pointee) {
                            sp -= 2
                            break
                        }
                        saveState(ip, sp, executed)
                        let obj = pop(&sp), v = pop(&sp)
                        // A property's Python setter, likewise: [value, obj] become its
                        // arguments [obj, value], and its result is dropped.
                        let setter = frame.ownsSlots ? Value.null
                            : r.names[arg].withBorrowed(PyStr.self) { name in inlinePropertyFunction(obj, name, setter: true) }
                        if !setter.isNull {
                            sp.pointee = obj
                            (sp + 1).pointee = v
                            var genResult = Value.null
                            guard let entered = try enterInline(setter, caller: .passUnretained(frame), ip: ip, resultSlot: sp, slots: sp,
                                                                argc: 2, kwNames: nil, generatorResult: &genResult) else {
                                break
                            }
                            entered._withUnsafeGuaranteedRef { $0.discardsResult = true }
                            if r.costDivisor > 1 { chargeNativeStretch(&executed, from: stretchStart, r.costDivisor) }
                            frame = entered.takeUnretainedValue(); currentFrame = frame; (r, ip, sp) = (frame.registers, frame.ip, frame.sp)
                            stretchStart = executed
                            beginStretch(stretchStart, r.costDivisor)
                            break
                        }
                        r.names[arg].withBorrowed(PyStr.self) { name in
                            fillInstanceAttributeCache(attributeCache, obj, name, store: true)
                        }
                        try r.names[arg].withBorrowed(PyStr.self) { name throws(PyError) in try setAttribute(obj, name, v) }
                    case .deleteAttr:
                        saveState(ip, sp, executed)
                        try deleteAttribute(pop(&sp), unsafeDowncast(r.names[arg].object, to: PyStr.self))
                    case .loadMethod:
                        let obj = top(sp)
                        let methodCache = r.inlineCache + 2 &* (ip - 1)
                        let cachedMethod = cachedMethod(methodCache, obj, r.names[arg])
                        if !cachedMethod.isNull {
                            replaceTopAndPush(&sp, cachedMethod, obj)
                            break
                        }
                        saveState(ip, sp, executed)
                        let (method, receiver) = try r.names[arg].withBorrowed(PyStr.self) { name throws(PyError) in
                            let found = try loadMethod(obj, name)
                            fillMethodCache(methodCache, obj, name, found.method)
                            return found
                        }
                        replaceTopAndPush(&sp, method, receiver)

                    case .binarySubscr:
                        let index = pop(&sp), container = top(sp)
                        if container.isObject, index.isSmallInt {
                            // An exact list's or tuple's item, read through the borrowed object.
                            let item = container.withBorrowed(PyObject.self) { o -> Value in
                                let t = o.type
                                guard t.isBuiltin else { return .null }
                                switch t.instanceKind {
                                case .list: return itemOrNull(unsafeDowncast(o, to: PyList.self).items, index.asSmallInt)
                                case .tuple: return itemOrNull(unsafeDowncast(o, to: PyTuple.self).items, index.asSmallInt)
                                default: return .null
                                }
                            }
                            if !item.isNull {
                                (sp - 1).pointee = item
                                break
                            }
                        }
                        // The popped operands stay in their slots: saving `sp` above them
                        // keeps them roots while the step runs Python code (a
                        // `__hash__` or `__index__` may collect).
                        saveState(ip, sp + 1, executed)
                        (sp - 1).pointee = try getItem(container, index)
                    case .storeSubscr:
                        let index = pop(&sp), container = pop(&sp), v = pop(&sp)
                        if container.isObject, index.isSmallInt, isExactList(container.object) {
                            let list = unsafeDowncast(container.object, to: PyList.self)
                            var i = index.asSmallInt
                            if i < 0 { i += list.items.count }
                            if i >= 0 && i < list.items.count {
                                list.items[i] = v
                                break
                            }
                        }
                        saveState(ip, sp + 3, executed)
                        try setItem(container, index, v)
                    case .deleteSubscr:
                        let index = pop(&sp), container = pop(&sp)
                        saveState(ip, sp + 2, executed)
                        try deleteItem(container, index)
                    case .buildSlice:
                        // `s[a:b]` of a str or list: sliced without a slice object, the
                        // binarySubscr that follows counted as run.
                        if arg == 2, UInt8(truncatingIfNeeded: r.instructions[ip].raw) == Opcode.binarySubscr.rawValue,
                           let v = plainSlice((sp - 3).pointee, (sp - 2).pointee, (sp - 1).pointee) {
                            sp -= 2
                            (sp - 1).pointee = v
                            ip &+= 1
                            executed &+= 1
                            break
                        }
                        let step: Value = arg == 3 ? pop(&sp) : .none
                        let stop = pop(&sp), start = pop(&sp)
                        push(&sp, adopt(PySlice(type: types.slice, start: start, stop: stop, step: step)))

                    case .binaryOp:
                        let b = pop(&sp), a = top(sp)
                        let fast = fastBinary(a, b, arg & 15)
                        if !fast.isNull {
                            (sp - 1).pointee = fast
                            // The firmware allocates a boxed float for every float result;
                            // charge that work so a board's clock sees it.
                            if fast.isFloat { executed &+= floatCost }
                            break
                        }
                        saveState(ip, sp + 1, executed)
                        let inplace = arg >= Int(Instruction.inplaceOffset)
                        let op = BinaryOperator(rawValue: inplace ? arg - Int(Instruction.inplaceOffset) : arg)!
                        (sp - 1).pointee = try binaryOperation(a, b, op, inplace: inplace)
                    case .unaryNegative:
                        saveState(ip, sp, executed)
                        (sp - 1).pointee = try negate(top(sp))
                    case .unaryPositive:
                        saveState(ip, sp, executed)
                        (sp - 1).pointee = try positive(top(sp))
                    case .unaryInvert:
                        saveState(ip, sp, executed)
                        (sp - 1).pointee = try invert(top(sp))
                    case .unaryNot:
                        let v = top(sp)
                        if v.isBool { (sp - 1).pointee = Value(bool: v.bits == Value.false.bits); break }
                        saveState(ip, sp, executed)
                        (sp - 1).pointee = Value(bool: !(try isTruthy(v)))
                    case .binaryOpStoreFast:
                        let b = pop(&sp), a = top(sp)
                        let fast = fastBinary(a, b, arg & 15)
                        if !fast.isNull {
                            if fast.isFloat { executed &+= floatCost }
                            sp -= 1
                            r.slots[r.argument(at: ip)] = fast
                            ip &+= 1
                            executed &+= 1
                            break
                        }
                        saveState(ip, sp + 1, executed)
                        let inplace = arg >= Int(Instruction.inplaceOffset)
                        let op = BinaryOperator(rawValue: inplace ? arg - Int(Instruction.inplaceOffset) : arg)!
                        (sp - 1).pointee = try binaryOperation(a, b, op, inplace: inplace)
                    case .compareOpJumpIfFalse:
                        let b = pop(&sp), a = top(sp)
                        if let isTrue = fastCompare(a, b, arg) {
                            sp -= 1
                            let target = r.argument(at: ip)
                            ip &+= 1
                            executed &+= 1
                            if target < ip {
                                try safePoint(ip, sp, &executed, nurseryFloor, &stretchStart, r.costDivisor)
                            }
                            if !isTrue { ip = target }
                            break
                        }
                        saveState(ip, sp + 1, executed)
                        (sp - 1).pointee = try richCompare(a, b, ComparisonKind(rawValue: UInt32(arg))!)
                    case .compareOp:
                        let b = pop(&sp), a = top(sp)
                        if let r = fastCompare(a, b, arg) {
                            (sp - 1).pointee = Value(bool: r)
                            break
                        }
                        saveState(ip, sp + 1, executed)
                        (sp - 1).pointee = try richCompare(a, b, ComparisonKind(rawValue: UInt32(arg))!)
                    case .isOp:
                        let b = pop(&sp), a = top(sp)
                        let same = a.bits == b.bits
                        (sp - 1).pointee = Value(bool: arg == 0 ? same : !same)
                    case .containsOp:
                        let container = pop(&sp), item = top(sp)
                        saveState(ip, sp + 1, executed)
                        let r = try contains(container, item)
                        (sp - 1).pointee = Value(bool: arg == 0 ? r : !r)

                    case .jump:
                        if arg < ip { try safePoint(ip, sp, &executed, nurseryFloor, &stretchStart, r.costDivisor) }
                        ip = arg
                    case .popJumpIfFalse:
                        if arg < ip { try safePoint(ip, sp, &executed, nurseryFloor, &stretchStart, r.costDivisor) }
                        let v = pop(&sp)
                        if v.bits == Value.false.bits { ip = arg; break }
                        if v.bits == Value.true.bits { break }
                        if v.isSmallInt { if v.asSmallInt == 0 { ip = arg }; break }
                        saveState(ip, sp + 1, executed)
                        if !(try isTruthy(v)) { ip = arg }
                    case .popJumpIfTrue:
                        if arg < ip { try safePoint(ip, sp, &executed, nurseryFloor, &stretchStart, r.costDivisor) }
                        let v = pop(&sp)
                        if v.bits == Value.true.bits { ip = arg; break }
                        if v.bits == Value.false.bits { break }
                        if v.isSmallInt { if v.asSmallInt != 0 { ip = arg }; break }
                        saveState(ip, sp + 1, executed)
                        if try isTruthy(v) { ip = arg }
                    case .jumpIfFalseOrPop:
                        saveState(ip, sp, executed)
                        if try isTruthy(top(sp)) { sp -= 1 } else { ip = arg }
                    case .jumpIfTrueOrPop:
                        saveState(ip, sp, executed)
                        if try isTruthy(top(sp)) { ip = arg } else { sp -= 1 }
                    case .getIter:
                        saveState(ip, sp, executed)
                        (sp - 1).pointee = try getIterator(top(sp))
                    case .callRangeIter:
                        let argBase = sp - arg
                        let callable = (argBase - 1).pointee
                        if callable.bits == Value(types.range).bits, let iterator = rangeIterator(argBase, count: arg) {
                            sp = argBase
                            (sp - 1).pointee = iterator
                            break
                        }
                        // Another `range`, or arguments range() must convert or refuse.
                        saveState(ip, sp, executed)
                        let made = try callValue(callable, args: UnsafeBufferPointer(start: argBase, count: arg), kwNames: nil)
                        sp = argBase
                        (sp - 1).pointee = made
                        saveState(ip, sp, executed)
                        (sp - 1).pointee = try getIterator(made)
                    case .jumpToForIter:
                        if arg < ip { try safePoint(ip, sp, &executed, nurseryFloor, &stretchStart, r.costDivisor) }
                        ip = arg &+ 1
                        executed &+= 1
                        fallthrough
                    case .forIter:
                        // Its argument read from the instruction itself, not `arg`: a
                        // jumpToForIter falls through to here with its own.
                        let it = top(sp)
                        if it.isObject, type(of: it.object) == PySequenceIterator.self {
                            // Borrowed: `as?` (or a method call on the iterator) would
                            // retain it on every iteration.
                            let step = try it.withBorrowed(PySequenceIterator.self) { si throws(PyError) in si.rangeStep() }
                            if case .value(let v) = step {
                                deliverLoopItem(Value.fitsSmall(v) ? Value(small: v) : int(v), r, &ip, &sp, &executed)
                                break
                            }
                            if step == .exhausted {
                                sp -= 1
                                ip = r.argument(at: ip &- 1)
                                break
                            }
                            unowned(unsafe) let si = unsafeDowncast(it.object, to: PySequenceIterator.self)
                            if si.kind == .list {
                                // The list borrowed: a strong reference cost a retain/release
                                // pair on every iteration.
                                let position = si.position
                                let item = si.source.withBorrowed(PyList.self) { list in
                                    position < list.items.count ? list.items[position] : Value.null
                                }
                                if !item.isNull {
                                    si.position = position + 1
                                    deliverLoopItem(item, r, &ip, &sp, &executed)
                                } else {
                                    si.position = Int.max / 2
                                    sp -= 1
                                    ip = r.argument(at: ip &- 1)
                                }
                                break
                            }
                        }
                        // A generator's frame runs in this loop: its yield comes back here
                        // with the value, its return ends the for loop.
                        // The closure takes copies: capturing the loop's `frame`
                        // made Swift keep that variable in a heap box, allocated
                        // on every entry to this function (each generator resumed
                        // from Swift code, each call from native code).
                        let caller = Unmanaged.passUnretained(frame), resumeIP = ip, resumeSP = sp
                        if it.isObject, it.object.type.instanceKind == .generator,
                           let resumed = it.withBorrowed(PyGenerator.self, { g in
                               resumeInline(g, caller: caller, ip: resumeIP, sp: resumeSP)
                           }) {
                            if r.costDivisor > 1 { chargeNativeStretch(&executed, from: stretchStart, r.costDivisor) }
                            frame = resumed.takeUnretainedValue(); currentFrame = frame; (r, ip, sp) = (frame.registers, frame.ip, frame.sp)
                            stretchStart = executed
                            beginStretch(stretchStart, r.costDivisor)
                            break
                        }
                        saveState(ip, sp, executed)
                        let v = try nextValue(it)
                        if v.isNull {
                            sp -= 1
                            ip = r.argument(at: ip &- 1)
                        } else {
                            push(&sp, v)
                        }

                    case .buildTuple:
                        sp -= arg
                        push(&sp, tupleValue(ContiguousArray(UnsafeBufferPointer(start: sp, count: arg))))
                    case .buildList:
                        sp -= arg
                        push(&sp, listValue(ContiguousArray(UnsafeBufferPointer(start: sp, count: arg))))
                    case .buildSet:
                        saveState(ip, sp, executed)
                        let base = sp - arg
                        let set = newSet()
                        for i in 0..<arg { try set.storage.set(base[i], .none, self) }
                        sp = base
                        push(&sp, Value(set))
                    case .buildMap:
                        saveState(ip, sp, executed)
                        let base = sp - 2 * arg
                        let d = newDict(capacity: arg)
                        for i in 0..<arg { try d.set(base[2 * i], base[2 * i + 1], self) }
                        sp = base
                        push(&sp, Value(d))
                    case .buildConstKeyMap:
                        saveState(ip, sp, executed)
                        let keys = unsafeDowncast(top(sp).object, to: PyTuple.self)
                        let base = sp - 1 - arg
                        let d = newDict(capacity: arg)
                        for i in 0..<arg { try d.set(keys.items[i], base[i], self) }
                        sp = base
                        push(&sp, Value(d))
                    case .buildString:
                        var s = ""
                        for i in 0..<arg {
                            s += unsafeDowncast((sp - arg + i).pointee.object, to: PyStr.self).value
                        }
                        sp -= arg
                        push(&sp, str(s))
                    case .listAppend:
                        let v = pop(&sp)
                        unsafeDowncast((sp - arg).pointee.object, to: PyList.self).items.append(v)
                    case .setAdd:
                        saveState(ip, sp, executed)
                        let v = pop(&sp)
                        try unsafeDowncast((sp - arg).pointee.object, to: PySet.self).storage.set(v, .none, self)
                    case .mapAdd:
                        saveState(ip, sp, executed)
                        let v = pop(&sp), k = pop(&sp)
                        try unsafeDowncast((sp - arg).pointee.object, to: PyDict.self).set(k, v, self)
                    case .listExtend:
                        saveState(ip, sp, executed)
                        let iterable = top(sp)
                        let list = unsafeDowncast((sp - 1 - arg).pointee.object, to: PyList.self)
                        try list.items.append(contentsOf: iterateToArray(iterable))
                        sp -= 1
                    case .setUpdate:
                        saveState(ip, sp, executed)
                        let iterable = top(sp)
                        let set = unsafeDowncast((sp - 1 - arg).pointee.object, to: PySet.self)
                        for v in try iterateToArray(iterable) { try set.storage.set(v, .none, self) }
                        sp -= 1
                    case .dictUpdate, .dictMerge:
                        saveState(ip, sp, executed)
                        let mapping = top(sp)
                        let d = unsafeDowncast((sp - 1 - arg).pointee.object, to: PyDict.self)
                        try mergeMapping(into: d, mapping, rejectDuplicates: raw & 0xFF == UInt32(Opcode.dictMerge.rawValue))
                        sp -= 1
                    case .listToTuple:
                        let l = unsafeDowncast(top(sp).object, to: PyList.self)
                        (sp - 1).pointee = Value(newTuple(l.items))
                    case .unpackSequence:
                        saveState(ip, sp, executed)
                        let seq = pop(&sp)
                        if seq.isObject, let t = seq.object as? PyTuple, t.items.count == arg {
                            for i in stride(from: arg - 1, through: 0, by: -1) { push(&sp, t.items[i]) }
                            break
                        }
                        if seq.isObject, let l = seq.object as? PyList, l.items.count == arg {
                            for i in stride(from: arg - 1, through: 0, by: -1) { push(&sp, l.items[i]) }
                            break
                        }
                        push(&sp, seq)
                        let items = try unpack(seq, count: arg)
                        sp -= 1
                        for i in stride(from: arg - 1, through: 0, by: -1) { push(&sp, items[i]) }
                    case .unpackEx:
                        saveState(ip, sp, executed)
                        let items = try unpackStarred(top(sp), before: arg & 0xFF, after: arg >> 8)
                        sp -= 1
                        for v in items.reversed() { push(&sp, v) }
                    case .formatValue:
                        saveState(ip, sp, executed)
                        let spec: Value = arg & 4 != 0 ? pop(&sp) : .null
                        (sp - 1).pointee = try formatField(top(sp), conversion: arg & 3, spec: spec)

                    case .makeFunction:
                        let fn = makeFunction(unsafeDowncast(pop(&sp).object, to: PyCode.self).code, globals: frame.globals)
                        if arg & 8 != 0 { fn.closure = pop(&sp) }
                        if arg & 2 != 0 { fn.keywordDefaults = pop(&sp) }
                        if arg & 1 != 0 { fn.defaults = pop(&sp) }
                        push(&sp, Value(fn))
                    case .call, .callKW, .callMethod, .callMethodKW:
                        let op = UInt8(truncatingIfNeeded: raw)
                        // A constant of the code (kept alive by it): unowned, so the
                        // call does not retain and release it.
                        unowned(unsafe) var kwNames: PyTuple? = nil
                        if op == Opcode.callKW.rawValue || op == Opcode.callMethodKW.rawValue {
                            kwNames = unsafeDowncast(pop(&sp).object, to: PyTuple.self)
                        }
                        var argc = arg
                        var argBase = sp - argc
                        var callable = (argBase - 1).pointee
                        let isMethod = op == Opcode.callMethod.rawValue || op == Opcode.callMethodKW.rawValue
                        var resultSlot = argBase - 1
                        if isMethod {
                            let m = (argBase - 2).pointee
                            resultSlot = argBase - 2
                            if !m.isNull {
                                callable = m
                                argBase -= 1
                                argc += 1
                            }
                        }
                        try safePoint(ip, sp, &executed, nurseryFloor, &stretchStart, r.costDivisor)
                        // A class whose instances are made by object.__new__ and set up by a
                        // Python __init__: the instance takes the class's slot, below the
                        // arguments, and __init__ runs in this loop like any Python call (its
                        // return hands back the instance), not in a nested loop from Swift.
                        var constructed = Value.null
                        if callable.isObject, callable.object.type.instanceKind == .type,
                           unsafeBitCast(callable.object.type, to: UInt.self) == unsafeBitCast(types.type, to: UInt.self) {
                            saveState(ip, sp, executed)
                            let initializer = inlineInitializer(unsafeDowncast(callable.object, to: PyType.self))
                            if !initializer.isNull {
                                // An exception's args are the call's arguments, as instantiate gives them.
                                constructed = try allocateInstance(unsafeDowncast(callable.object, to: PyType.self),
                                                                   args: UnsafeBufferPointer(start: argBase, count: argc),
                                                                   kwNames: kwNames)
                                if constructed.object.type.instanceKind == .exception {
                                    unsafeDowncast(constructed.object, to: PyBaseException.self).incomplete = true
                                }
                                argBase -= 1
                                argBase.pointee = constructed
                                argc += 1
                                callable = initializer
                            }
                        }
                        // A bound method of a Python function: the receiver takes the
                        // method's slot, below the arguments.
                        if callable.isObject, callable.object.type.instanceKind == .boundMethod {
                            let function = unsafeDowncast(callable.object, to: PyBoundMethod.self).function
                            if function.isObject, function.object.type.instanceKind == .function {
                                // The bound method may be all that refers to the function
                                // until the callee's frame does.
                                heap.nursery.append(callable)
                                argBase -= 1
                                argBase.pointee = unsafeDowncast(callable.object, to: PyBoundMethod.self).receiver
                                argc += 1
                                callable = function
                            }
                        }
                        if callable.isObject, callable.object.type.instanceKind == .function {
                            if frame.ownsSlots {
                                // A generator's slots are its own, sized for its code: the
                                // callee's go on the shared stack, above the frames there.
                                let shared = freeStackPointer
                                shared.update(from: argBase, count: argc)
                                argBase = shared
                            }
                            var genResult = Value.null
                            guard let entered = try enterInline(callable, caller: .passUnretained(frame), ip: ip, resultSlot: resultSlot,
                                                                slots: argBase, argc: argc, kwNames: kwNames,
                                                                generatorResult: &genResult) else {
                                sp = resultSlot
                                if !constructed.isNull {
                                    completeConstruction(constructed)
                                    throw typeError("__init__() should return None, not '\(typeName(genResult))'")
                                }
                                push(&sp, genResult)
                                break
                            }
                            unowned(unsafe) let callee = entered.takeUnretainedValue()
                            callee.constructedInstance = constructed
                            if r.costDivisor > 1 { chargeNativeStretch(&executed, from: stretchStart, r.costDivisor) }
                            frame = callee; currentFrame = frame; (r, ip, sp) = registers(of: entered)
                            stretchStart = executed
                            beginStretch(stretchStart, r.costDivisor)
                            break
                        }
                        // len() of an exact str, list, tuple or dict, answered here: the
                        // built-in's call (arguments, checks, result) cost more than the answer.
                        if argc == 1, callable.bits == lenFunction.bits, kwNames == nil, argBase.pointee.isObject {
                            let length = argBase.pointee.withBorrowed(PyObject.self) { o -> Int? in
                                o.type.isBuiltin ? containerLength(o) : nil
                            }
                            if let n = length {
                                sp = resultSlot
                                push(&sp, Value(small: n))
                                break
                            }
                        }
                        // str(n) of a small int, made here: the class call (type.__call__,
                        // str.__new__, its argument checks) cost three times the text.
                        if argc == 1, callable.bits == strClass.bits, kwNames == nil, argBase.pointee.isSmallInt {
                            let text = decimalText(argBase.pointee.asSmallInt)
                            let length = text.utf8.count
                            sp = resultSlot
                            push(&sp, strValue(text, count: length, isASCII: true))
                            break
                        }
                        saveState(ip, sp, executed)
                        frame.sp = sp
                        // A built-in function or method (not bound to a module) given
                        // its receiver's exact type and no keywords: its body called
                        // here, without callValue's dispatch on the callee.
                        if kwNames == nil, callable.isObject, callable.object.type.instanceKind == .nativeFunction {
                            let args = UnsafeBufferPointer(start: argBase, count: argc)
                            heap.nursery.truncate(to: nurseryFloor)
                            var called = false
                            let result = try callable.withBorrowed(PyNativeFunction.self) { n throws(PyError) -> Value in
                                guard n.boundSelf.isNull, n.receiverIsExact(args) else { return .null }
                                called = true
                                return try n.body(self, CallArguments(positional: args))
                            }
                            if called {
                                sp = resultSlot
                                push(&sp, result)
                                break
                            }
                        }
                        // All this loop made is in its frames now: a collection during
                        // the call (gc.collect(), a full heap) keeps as extra roots only
                        // what the call itself makes, so the loop's garbage can go.
                        heap.nursery.truncate(to: nurseryFloor)
                        let result = try callValue(callable, args: UnsafeBufferPointer(start: argBase, count: argc),
                                                   kwNames: kwNames)
                        sp = resultSlot
                        push(&sp, result)
                    case .callEx:
                        saveState(ip, sp, executed)
                        let kwargs: Value = arg & 1 != 0 ? pop(&sp) : .null
                        let positional = pop(&sp)
                        (sp - 1).pointee = try callUnpacking(top(sp), positional: positional, keywords: kwargs)
                    case .returnValue:
                        let result = pop(&sp)
                        if r.costDivisor > 1 { chargeNativeStretch(&executed, from: stretchStart, r.costDivisor) }
                        if sameFrame(frame, entry) {
                            frame.finished = true
                            frame.ip = ip
                            frame.sp = sp
                            frameDepth -= 1
                            instructionCount &+= executed
                            if !frame.ownsSlots && frame.generator == nil { releaseFrame(frame) }
                            return result
                        }
                        unowned(unsafe) let finished = frame
                        let constructed = finished.constructedInstance
                        let discardsResult = finished.discardsResult
                        frameDepth -= 1
                        frame = finished.parent.unsafelyUnwrapped; currentFrame = frame; (r, ip, sp) = (frame.registers, frame.ip, frame.sp)
                        stretchStart = executed
                        beginStretch(stretchStart, r.costDivisor)
                        if finished.resumedInline {
                            // A generator a for loop resumed is exhausted: the loop pops it
                            // and goes on after its body, as FOR_ITER does.
                            leaveInline(finished, finished: true)
                            sp -= 1
                            ip = r.argument(at: ip - 1)
                            break
                        }
                        releaseFrame(finished)
                        if discardsResult {
                            break
                        } else if constructed.isNull {
                            push(&sp, result)
                        } else {
                            completeConstruction(constructed)
                            if !result.isNone {
                                saveState(ip, sp, executed)
                                throw typeError("__init__() should return None, not '\(typeName(result))'")
                            }
                            push(&sp, constructed)
                        }
                    case .loadBuildClass:
                        push(&sp, builtins.getStr(intern("__build_class__")))

                    case .raiseVarargs:
                        saveState(ip, sp, executed)
                        reraising = arg == 0
                        let cause: Value = arg == 2 ? pop(&sp) : .null
                        throw PyError(try exceptionToRaise(arg == 0 ? .null : pop(&sp), cause: cause))
                    case .loadAssertionError:
                        push(&sp, Value(types.AssertionError))
                    case .pushExcInfo:
                        let exc = top(sp)
                        replaceTopAndPush(&sp, handledException, exc)
                        handledException = exc
                    case .popExcept:
                        handledException = pop(&sp)
                    case .checkExcMatch:
                        saveState(ip, sp, executed)
                        let t = pop(&sp)
                        push(&sp, Value(bool: try exceptionMatches(top(sp), t)))
                    case .reraise:
                        saveState(ip, sp, executed)
                        reraising = true
                        throw PyError(unsafeDowncast(pop(&sp).object, to: PyBaseException.self))
                    case .popExceptReraise:
                        let exc = pop(&sp)
                        handledException = pop(&sp)
                        saveState(ip, sp, executed)
                        reraising = true
                        throw PyError(unsafeDowncast(exc.object, to: PyBaseException.self))
                    case .withExceptStart:
                        saveState(ip, sp, executed)
                        let exc = top(sp)
                        push(&sp, try call((sp - 3).pointee, [Value(typeOf(exc)), exc, .none]))
                    case .beforeWith:
                        saveState(ip, sp, executed)
                        let (exit, entered) = try enterContext(top(sp), asynchronous: false)
                        replaceTopAndPush(&sp, exit, entered)

                    case .getYieldFromIter:
                        let v = top(sp)
                        if v.isObject, v.object is PyGenerator { break }
                        saveState(ip, sp, executed)
                        (sp - 1).pointee = try getIterator(v)
                    case .yieldFrom:
                        saveState(ip, sp, executed)
                        let sent = pop(&sp)
                        let delegate = top(sp)
                        let outcome = try sendToDelegate(delegate, sent)
                        guard case .yielded(let y) = outcome else {
                            if case .returned(let r) = outcome { (sp - 1).pointee = r }
                            break
                        }
                        // Suspend as YIELD_VALUE does (the next case), at this instruction:
                        // on resume it runs again with the new sent value.
                        push(&sp, y)
                        ip -= 1
                        fallthrough
                    case .yieldValue:
                        let v = pop(&sp)
                        frame.ip = ip
                        frame.sp = sp
                        frameDepth -= 1
                        if r.costDivisor > 1 { chargeNativeStretch(&executed, from: stretchStart, r.costDivisor) }
                        if frame.resumedInline {
                            // Back to the for loop that resumed it, with the value.
                            unowned(unsafe) let suspended = frame
                            frame = suspended.parent.unsafelyUnwrapped; currentFrame = frame; (r, ip, sp) = (frame.registers, frame.ip, frame.sp)
                            leaveInline(suspended, finished: false)
                            stretchStart = executed
                            beginStretch(stretchStart, r.costDivisor)
                            push(&sp, v)
                            break
                        }
                        instructionCount &+= executed
                        return v
                    case .getAwaitable:
                        saveState(ip, sp, executed)
                        (sp - 1).pointee = try awaitable(top(sp))
                    case .getAIter:
                        saveState(ip, sp, executed)
                        (sp - 1).pointee = try callMethod(top(sp), "__aiter__", [])
                    case .getANext:
                        saveState(ip, sp, executed)
                        push(&sp, try awaitable(try callMethod(top(sp), "__anext__", [])))
                    case .endAsyncFor:
                        let exc = pop(&sp)
                        saveState(ip, sp + 1, executed)
                        if try exceptionMatches(exc, Value(types.StopAsyncIteration)) {
                            sp -= 1
                        } else {
                            reraising = true
                            throw PyError(unsafeDowncast(exc.object, to: PyBaseException.self))
                        }
                    case .beforeAsyncWith:
                        saveState(ip, sp, executed)
                        let (exit, entered) = try enterContext(top(sp), asynchronous: true)
                        replaceTopAndPush(&sp, exit, entered)

                    case .importName:
                        saveState(ip, sp, executed)
                        let fromlist = pop(&sp)
                        let level = pop(&sp)
                        let name = unsafeDowncast(r.names[arg].object, to: PyStr.self).value
                        push(&sp, try importModule(name, fromlist: fromlist, level: level.isSmallInt ? level.asSmallInt : 0,
                                              globals: frame.globals))
                    case .importFrom:
                        saveState(ip, sp, executed)
                        let name = unsafeDowncast(r.names[arg].object, to: PyStr.self)
                        push(&sp, try importFrom(top(sp), name))
                    case .importStar:
                        saveState(ip, sp, executed)
                        try importStar(pop(&sp), into: frame.locals ?? frame.globals)
                    case .printExpr:
                        saveState(ip, sp, executed)
                        let v = pop(&sp)
                        if !v.isNone {
                            host.writeOutput(try repr(v) + "\n")
                            builtins.setStr(intern("_"), v)
                        }
                    case .viperToNative:
                        saveState(ip, sp, executed)
                        (sp - 1).pointee = try viperToNative(top(sp), ViperType(rawValue: UInt32(arg)) ?? .object)
                    case .viperToObject:
                        saveState(ip, sp, executed)
                        (sp - 1).pointee = try viperToObject(top(sp), ViperType(rawValue: UInt32(arg)) ?? .object)
                    case .viperBinary:
                        saveState(ip, sp, executed)
                        let b = pop(&sp)
                        (sp - 1).pointee = try viperBinary(top(sp), b, arg)
                    case .viperCompare:
                        saveState(ip, sp, executed)
                        let b = pop(&sp)
                        (sp - 1).pointee = try viperCompare(top(sp), b, arg)
                    case .viperUnary:
                        saveState(ip, sp, executed)
                        (sp - 1).pointee = try viperUnary(top(sp), arg)
                    case .viperLoad:
                        saveState(ip, sp, executed)
                        let index = pop(&sp)
                        (sp - 1).pointee = try viperLoad(top(sp), index, arg)
                    case .viperStore:
                        saveState(ip, sp, executed)
                        let index = pop(&sp), pointer = pop(&sp), value = pop(&sp)
                        try viperStore(value, pointer, index, arg)
                    }
                }
            } catch {
                // Unwind to the innermost handler of this frame, or to its caller.
                var caught = error
                var exc = caught.exception
                if !reraising {
                    if handledException.isObject && exc.context.isNone && handledException.object !== exc {
                        exc.context = handledException
                    }
                }
                reraising = false
                while true {
                    let raisingIP = ip - 1
                    // The code borrowed, not retained around each use (see typeLookup).
                    let (entryLine, handler) = Unmanaged.passUnretained(frame.code)._withUnsafeGuaranteedRef { code in
                        (TracebackEntry(filename: code.filename, line: code.line(at: raisingIP), function: code.name),
                         findHandler(code, raisingIP))
                    }
                    if exc.traceback.last != entryLine || exc.tracebackFrame != ObjectIdentifier(frame) {
                        // Room for a few frames at once, not one allocation per frame passed.
                        if exc.traceback.isEmpty { exc.traceback.reserveCapacity(4) }
                        exc.traceback.append(entryLine)
                        exc.tracebackFrame = ObjectIdentifier(frame)
                    }
                    if let h = handler {
                        sp = frame.stackBase + h.depth
                        push(&sp, Value(exc))
                        ip = h.handler
                        break
                    }
                    // No handler here: the frame is done.
                    frame.finished = true
                    frameDepth -= 1
                    if r.costDivisor > 1 { chargeNativeStretch(&executed, from: stretchStart, r.costDivisor) }
                    if sameFrame(frame, entry) {
                        frame.ip = ip
                        frame.sp = frame.stackBase
                        instructionCount &+= executed
                        if !frame.ownsSlots && frame.generator == nil { releaseFrame(frame) }
                        throw caught
                    }
                    unowned(unsafe) let finished = frame
                    completeConstruction(finished.constructedInstance)
                    frame = finished.parent.unsafelyUnwrapped; currentFrame = frame; (r, ip, sp) = (frame.registers, frame.ip, frame.sp)
                    stretchStart = executed
                    beginStretch(stretchStart, r.costDivisor)
                    if finished.resumedInline {
                        // A generator resumed by a for loop raised: it is finished, and a
                        // StopIteration leaving it becomes a RuntimeError (PEP 479), as
                        // resumeGenerator makes it.
                        leaveInline(finished, finished: true)
                        if exc.type.isSubtype(of: types.StopIteration) {
                            caught = stopIterationEscaped(exc)
                            exc = caught.exception
                        }
                    } else {
                        releaseFrame(finished)
                    }
                }
            }
        }
    }

    // MARK: the loop's named steps (Lua's savestate/Protect)

    /// Saves the loop's registers into its frame (`currentFrame`). Required before any step that
    /// can raise (unwinding reads frame.ip for the traceback and frame.sp for the
    /// handler's depth), call back into Python or the host, allocate enough to
    /// collect (the collector scans each frame up to frame.sp), or read the clock
    /// (which charges `executedInLoop`). Steps that do none of these skip it.
    /// A step that has popped its operands and then calls out saves `sp` above
    /// them (they are still in their slots), or the collector would free
    /// operands only the step holds. A saved `sp` above the loop's is harmless:
    /// every collection follows a fresh save.
    @inline(__always) func saveState(_ ip: Int, _ sp: UnsafeMutablePointer<Value>, _ executed: Int) {
        currentFrame.unsafelyUnwrapped.ip = ip
        currentFrame.unsafelyUnwrapped.sp = sp
        executedInLoop = executed
    }

    /// A safe point on a backward jump or a call, when due (enough instructions,
    /// or an interrupt pending): see `checkpoint`.
    /// The error of reading local `index` of `code` before it was set, with
    /// the loop's state saved for it (out of line: the loads stay short).
    @inline(never) func unboundLocal(_ code: CodeObject, _ index: Int, _ ip: Int, _ sp: UnsafeMutablePointer<Value>,
                                     _ executed: Int) -> PyError {
        saveState(ip, sp, executed)
        return error(types.UnboundLocalError,
                     "local variable '\(code.variableNames[index])' referenced before assignment")
    }

    @inline(__always) func safePoint(_ ip: Int, _ sp: UnsafeMutablePointer<Value>,
                                     _ executed: inout Int, _ nurseryFloor: Int,
                                     _ stretchStart: inout Int, _ costDivisor: Int) throws(PyError) {
        guard executed >= checkpointInterval || interruptLine.isRaised else { return }
        if costDivisor > 1 { chargeNativeStretch(&executed, from: stretchStart, costDivisor) }
        saveState(ip, sp, executed)
        stretchStart = 0
        beginStretch(0, costDivisor)
        try checkpoint(executed: &executed, nurseryFloor: nurseryFloor)
    }

    /// Tells `reportPendingInstructions` where the running frame's stretch
    /// began and its cost divisor, so a clock read inside a native or viper
    /// function charges what ran so far at that function's speed.
    @inline(__always) func beginStretch(_ start: Int, _ divisor: Int) {
        stretchStartInLoop = start
        stretchDivisorInLoop = divisor
    }

    /// Charges the instructions a native or viper frame ran since `start` at
    /// its speed: 1/`divisor` of them (the remainder carried to the next
    /// stretch), so the board's clock advances as the machine code would.
    @inline(never) func chargeNativeStretch(_ executed: inout Int, from start: Int, _ divisor: Int) {
        let total = executed - start + nativeInstructionRemainder
        guard total > 0 else { return }
        nativeInstructionRemainder = total % divisor
        executed = start + total / divisor
    }

    func findHandler(_ code: CodeObject, _ ip: Int) -> ExceptionTableEntry? {
        for e in code.exceptionTable where ip >= e.start && ip < e.end { return e }
        return nil
    }

    func cellName(_ code: CodeObject, _ index: Int) -> String {
        index < code.cellVariables.count ? code.cellVariables[index]
            : code.freeVariables[index - code.cellVariables.count]
    }

    func unboundCell(_ code: CodeObject, _ index: Int) -> PyError {
        let name = cellName(code, index)
        if index < code.cellVariables.count {
            return error(types.UnboundLocalError, "local variable '\(name)' referenced before assignment")
        }
        return error(types.NameError, "free variable '\(name)' referenced before assignment in enclosing scope")
    }


    /// A safe point: reports executed instructions to the host, raises
    /// KeyboardInterrupt when asked to, and collects garbage when due.
    func checkpoint(executed: inout Int, nurseryFloor: Int) throws(PyError) {
        instructionCount &+= executed
        executed = 0
        executedInLoop = 0
        // A clock read may already have reported part of this (reportPendingInstructions).
        let delta = instructionCount - reportedInstructionCount
        if delta > 0 {
            reportedInstructionCount = instructionCount
            host.instructionsExecuted(delta)
        }
        if interruptLine.take() {
            throw PyError(newException(types.KeyboardInterrupt, args: []))
        }
        if allocatedWhileLocked {
            allocatedWhileLocked = false
            throw error(types.MemoryError, "memory allocation failed, heap is locked")
        }
        if hasScheduledCallbacks { try runScheduledCallbacks() }
        // Containers can grow in place (list.append of small ints) without making
        // objects, so re-measure the heap now and then, at a cost proportional
        // to the work done since.
        instructionsSinceCollection &+= delta
        // At a safe point everything this loop made is reachable from its frames,
        // so the nursery only needs what Swift callers below made.
        heap.trimNursery(to: nurseryFloor)
        let remeasure = instructionsSinceCollection > max(1 << 20, heap.objectCount * 64)
        if heap.wantsCollection || remeasure {
            collectGarbage(nurseryFloor: nurseryFloor)
            if heap.bytesInUse > heap.limit {
                throw memoryError(heap.bytesInUse - heap.limit)
            }
        }
    }

    /// Runs the collector with the running frames as roots.
    func collectGarbage(nurseryFloor: Int? = nil) {
        instructionsSinceCollection = 0
        let floor = nurseryFloor ?? heap.nursery.count
        let started = DispatchTime.now().uptimeNanoseconds
        defer { heap.longestCollectionNanoseconds = max(heap.longestCollectionNanoseconds, DispatchTime.now().uptimeNanoseconds - started) }
        heap.collect(nurseryFloor: floor) { visit in
            var f = currentFrame
            while let fr = f {
                fr.traceReferences(visit)
                if let g = fr.generator { visit(Value(g)) }
                f = fr.parent
            }
            visit(handledException)
            visit(Value(builtins))
            visit(Value(modules))
            for o in extraRoots { visit(o) }
        }
    }
}

// The value stack's operations, as free functions on the loop's `sp` register
// (nested functions capturing `sp` would box it).
@inline(__always) func push(_ sp: inout UnsafeMutablePointer<Value>, _ v: Value) {
    sp.pointee = v
    sp += 1
}
@inline(__always) func pop(_ sp: inout UnsafeMutablePointer<Value>) -> Value {
    sp -= 1
    return sp.pointee
}
@inline(__always) func top(_ sp: UnsafeMutablePointer<Value>) -> Value { (sp - 1).pointee }
/// [a] → [replacement, pushed]. The new slot is written before the old one: in
/// release builds a store to `(sp - 1).pointee` followed by an inlined push was
/// lost (the callable of a method call came out as its receiver), so every
/// opcode that rewrites the top and pushes goes through here, in this order.
@inline(__always) func replaceTopAndPush(_ sp: inout UnsafeMutablePointer<Value>, _ replacement: Value, _ pushed: Value) {
    sp.pointee = pushed
    (sp - 1).pointee = replacement
    sp += 1
}

/// Identity of two frames by address: `===` on unowned references would
/// retain both first.
@inline(__always) func sameFrame(_ a: Frame, _ b: Frame) -> Bool {
    unsafeBitCast(a, to: UInt.self) == unsafeBitCast(b, to: UInt.self)
}

/// `items[index]` as Python indexes (negative from the end), or `.null` when
/// out of range (the general path then raises the IndexError).
@inline(__always) func itemOrNull(_ items: ContiguousArray<Value>, _ index: Int) -> Value {
    let i = index < 0 ? index &+ items.count : index
    return i >= 0 && i < items.count ? items[i] : .null
}

/// Hands a for loop's next item to the loop: stored straight into the local
/// when a STORE_FAST follows (the loop's variable; counted as run), else pushed.
@inline(__always) func deliverLoopItem(_ item: Value, _ r: FrameRegisters, _ ip: inout Int,
                                       _ sp: inout UnsafeMutablePointer<Value>, _ executed: inout Int) {
    let next = r.instructions[ip].raw
    if UInt8(truncatingIfNeeded: next) == Opcode.storeFast.rawValue {
        r.slots[Int(truncatingIfNeeded: next >> 8)] = item
        ip &+= 1
        executed &+= 1
    } else {
        push(&sp, item)
    }
}
