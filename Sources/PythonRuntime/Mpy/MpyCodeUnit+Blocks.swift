/// Exception blocks: MicroPython's SETUP_*, WITH_CLEANUP, END_FINALLY and the
/// unwinding of `return`, `break` and `continue` through them (py/vm.c).
extension MpyCodeUnit {
    /// SETUP_EXCEPT, SETUP_FINALLY, SETUP_WITH: the handler starts from the stack
    /// as it is now (with the exception pushed); an except handler also saves the
    /// exception being handled (pushExcInfo), which leaving it restores.
    mutating func setUpBlock(_ op: UInt8, handler: Int, _ s: inout MpyState) throws(Failure) {
        let kind: MpyBlock.Kind = op == Op.setupExcept ? .except : op == Op.setupFinally ? .finally : .with
        if kind == .with {
            // [manager] → [__exit__, manager, __enter__()] in MicroPython; ours keeps
            // the bound __exit__ and a placeholder where the manager was.
            guard s.stack.popLast()?.physical == true else { throw unsupported("with manager") }
            emit(.beforeWith)
            emit(.loadConst, constant(.none))
            emit(.rotTwo)
            s.stack.append(.value)
            s.stack.append(.value)
        }
        let block = MpyBlock(kind: kind, handler: handler, depth: s.depth, stack: s.stack)
        var entry = MpyState(stack: s.stack, blocks: s.blocks + [block])
        if kind == .except {
            exceptLandings.insert(handler)
            cleanups[handler] = s.blocks
            entry.stack.append(MpySlot(physical: true, tag: .previousException))
            entry.stack.append(.value)
        } else {
            entry.stack.append(MpySlot(physical: true, tag: .finallyValue))
        }
        successors.append((handler, entry))
        s.blocks.append(block)
        if kind == .with { s.stack.append(.value) }
        currentBlocks = s.blocks
    }

    /// Pops slots until our stack is `depth` deep.
    mutating func trim(_ s: inout MpyState, to depth: Int) throws(Failure) {
        while s.depth > depth {
            guard let slot = s.stack.popLast() else { throw unsupported("stack trim") }
            if slot.physical { emit(.popTop) }
        }
        guard s.depth == depth else { throw unsupported("stack trim") }
    }

    /// Leaves `count` blocks (all for a return) as py/vm.c unwind_return and
    /// unwind_jump do: a finally not yet running is entered with a marker and
    /// continues the unwinding at its END_FINALLY; a running finally is dropped;
    /// a running except handler restores the exception it saved.
    mutating func unwind(_ s: inout MpyState, count: Int?, offset: Int, then continuation: Continuation) throws(Failure) {
        var remaining = count ?? s.blocks.count
        while remaining > 0 {
            guard let b = s.blocks.popLast() else { throw unsupported("unwind past the blocks") }
            remaining -= 1
            let running = offset >= b.handler
            switch b.kind {
            case .except:
                if running {
                    try trim(&s, to: b.depth + 1)
                    guard s.stack.last?.tag == .previousException else { throw unsupported("except handler stack") }
                    s.stack.removeLast()
                    emit(.popExcept)
                }
            case .finally, .with:
                try trim(&s, to: b.depth)
                if !running {
                    if emitting {
                        let marker = constant(.tuple([.str("finally"), .int(.init(markers[b.handler, default: []].count))]))
                        markers[b.handler, default: []].append((marker, continuation, count == nil ? nil : remaining))
                        emit(.loadConst, marker)
                    }
                    emitJump(.jump, .at(b.handler))
                    return
                }
            }
        }
        switch continuation {
        case .ret:
            emit(.loadFast, temporary(".return"))
            emit(.returnValue)
        case .jump(let target, let popsIterator):
            if popsIterator {
                try popIterator(&s)
                emit(.popTop)
            }
            emitJump(.jump, .at(target))
        }
    }

    /// Compares the top of the stack with each marker of the finally at `handler`,
    /// jumping to `label` on a match.
    mutating func dispatchMarkers(_ handler: Int, to label: (Int) -> Label) {
        for (i, m) in markers[handler, default: []].enumerated() {
            emit(.dupTop)
            emit(.loadConst, m.constant)
            emit(.isOp, 0)
            emitJump(.popJumpIfTrue, label(i))
        }
    }

    /// WITH_CLEANUP: [__exit__, placeholder, None | exception | marker] → calls
    /// __exit__ and leaves one value for END_FINALLY: None, the exception when
    /// __exit__ did not swallow it, or the marker.
    mutating func withCleanup(_ s: inout MpyState) throws(Failure) {
        guard let b = s.blocks.last, b.kind == .with, s.stack.count >= 3 else { throw unsupported("WITH_CLEANUP") }
        s.stack.removeLast(3)
        s.stack.append(MpySlot(physical: true, tag: .finallyValue))
        guard emitting else { return }
        let markerPath = newLabel(), exceptionPath = newLabel(), swallow = newLabel(), done = newLabel()
        dispatchMarkers(b.handler) { _ in markerPath }
        emit(.dupTop); emit(.loadConst, constant(.none)); emit(.isOp, 0)
        emitJump(.popJumpIfFalse, exceptionPath)
        emit(.popTop); emit(.popTop)
        emit(.loadConst, constant(.none)); emit(.dupTop); emit(.dupTop)
        emit(.call, 3); emit(.popTop)
        emit(.loadConst, constant(.none))
        emitJump(.jump, done)
        place(exceptionPath)
        emit(.withExceptStart)
        emitJump(.popJumpIfTrue, swallow)
        emit(.rotThree); emit(.popTop); emit(.popTop)
        emitJump(.jump, done)
        place(swallow)
        emit(.popTop); emit(.popTop); emit(.popTop)
        emit(.loadConst, constant(.none))
        emitJump(.jump, done)
        place(markerPath)
        emit(.rotThree); emit(.popTop)
        emit(.loadConst, constant(.none)); emit(.dupTop); emit(.dupTop)
        emit(.call, 3); emit(.popTop)
        place(done)
    }

    /// END_FINALLY closes the innermost block. After an except handler's clauses
    /// it re-raises the unmatched exception; after a finally it goes on (None),
    /// re-raises, or continues the return or jump its marker stands for.
    mutating func endFinally(_ offset: Int, _ s: inout MpyState) throws(Failure) -> Bool {
        guard let b = s.blocks.popLast(), s.stack.count >= 1 else { throw unsupported("END_FINALLY") }
        let value = s.stack.removeLast()
        guard value.physical else { throw unsupported("END_FINALLY value") }
        currentBlocks = s.blocks
        if b.kind == .except {
            guard s.stack.last?.tag == .previousException else { throw unsupported("except handler stack") }
            s.stack.removeLast()
            emit(.popExceptReraise)
            return false
        }
        guard emitting else { return true }
        let found = markers[b.handler, default: []]
        let reraise = newLabel(), after = newLabel()
        let markerLabels = found.map { _ in newLabel() }
        dispatchMarkers(b.handler) { markerLabels[$0] }
        emit(.dupTop); emit(.loadConst, constant(.none)); emit(.isOp, 0)
        emitJump(.popJumpIfFalse, reraise)
        emit(.popTop)
        emitJump(.jump, after)
        place(reraise)
        emit(.reraise)
        for (m, label) in zip(found, markerLabels) {
            place(label)
            emit(.popTop)
            var rest = s
            try unwind(&rest, count: m.remaining, offset: offset, then: m.continuation)
        }
        place(after)
        return true
    }
}
