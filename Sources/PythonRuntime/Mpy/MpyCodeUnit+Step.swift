/// One MicroPython instruction: its effect on the tracked state and the
/// instructions it becomes (py/vm.c gives each opcode's semantics).
extension MpyCodeUnit {
    typealias Failure = MpyTranslator.Unsupported

    /// Translates `ins`; returns how many following instructions it consumed
    /// and whether control falls through to the next one.
    mutating func step(_ ins: MpyInstruction, next: MpyInstruction?, _ s: inout MpyState) throws(Failure) -> (Int, Bool) {
        let op = ins.opcode
        let arg = ins.argument
        func pop() throws(Failure) -> MpySlot {
            guard let top = s.stack.popLast() else { throw unsupported("stack underflow") }
            return top
        }
        func popPhysical(_ n: Int) throws(Failure) {
            for _ in 0..<n {
                guard try pop().physical else { throw unsupported("unexpected empty slot") }
            }
        }
        func push(_ tag: MpySlot.Tag = .value) { s.stack.append(MpySlot(physical: true, tag: tag)) }
        func branch(_ target: Int, _ state: MpyState) { successors.append((target, state)) }

        switch op {
        case Op.loadConstString:
            let q = try qstr(arg)
            let i = emit(.loadConst, constant(.str(q)))
            push(.constString(q, emittedAt: i))
        case Op.loadConstSmallInt:
            let i = emit(.loadConst, constant(.int(.init(arg))))
            push(.smallInt(arg, emittedAt: i))
        case Op.smallIntMulti..<Op.loadFastMulti:
            let v = Int(op - Op.smallIntMulti) - 16
            let i = emit(.loadConst, constant(.int(.init(v))))
            push(.smallInt(v, emittedAt: i))
        case Op.loadConstObj:
            guard arg < translator.file.constants.count else { throw unsupported("constant index") }
            emit(.loadConst, constant(MpyCodeUnit.convert(translator.file.constants[arg])))
            push()
        case Op.loadConstFalse, Op.loadConstNone, Op.loadConstTrue:
            emit(.loadConst, constant(op == Op.loadConstNone ? .none : .bool(op == Op.loadConstTrue)))
            push()
        case Op.loadNull:
            s.stack.append(.pad)
        case Op.loadFastN, Op.loadFastMulti..<Op.storeFastMulti:
            let slot = op == Op.loadFastN ? arg : Int(op - Op.loadFastMulti)
            switch locals[slot] {
            case .fast(let i)?: emit(.loadFast, i)
            // A cell slot read as a plain local hands the cell itself to a closure.
            case .cell(let i)?: emit(.loadClosure, i)
            case .free(let i)?: emit(.loadClosure, cellVariables.count + i)
            case nil: throw unsupported("local slot")
            }
            push()
        case Op.storeFastN, Op.storeFastMulti..<Op.unaryOpMulti:
            let slot = op == Op.storeFastN ? arg : Int(op - Op.storeFastMulti)
            guard case .fast(let i)? = locals[slot] else { throw unsupported("store to a cell slot") }
            try popPhysical(1)
            emit(.storeFast, i)
        case Op.deleteFast:
            guard case .fast(let i)? = locals[arg] else { throw unsupported("delete of a cell slot") }
            emit(.deleteFast, i)
        case Op.loadDeref, Op.storeDeref, Op.deleteDeref:
            let index: Int
            switch locals[arg] {
            case .cell(let i)?: index = i
            case .free(let i)?: index = cellVariables.count + i
            default: throw unsupported("deref of a plain slot")
            }
            if op == Op.loadDeref { emit(.loadDeref, index); push() }
            else if op == Op.storeDeref { try popPhysical(1); emit(.storeDeref, index) }
            else { emit(.deleteDeref, index) }
        case Op.loadName, Op.loadGlobal:
            emit(op == Op.loadName ? .loadName : .loadGlobal, name(try qstr(arg)))
            push()
        case Op.loadAttr:
            try popPhysical(1)
            emit(.loadAttr, name(try qstr(arg)))
            push()
        case Op.loadMethod:
            try popPhysical(1)
            let i = emit(.loadMethod, name(try qstr(arg)))
            push(.method(emittedAt: i))
            push()
        case Op.loadSuperMethod:
            // [super, __class__, self] → super(__class__, self).name as a method
            // (py/compile.c loads the three; py/vm.c mp_load_super_method).
            try popPhysical(3)
            emit(.call, 2)
            let i = emit(.loadMethod, name(try qstr(arg)))
            push(.method(emittedAt: i))
            push()
        case Op.loadBuildClass:
            emit(.loadBuildClass)
            push(.buildClass)
        case Op.loadSubscr:
            try popPhysical(2); emit(.binarySubscr); push()
        case Op.storeName, Op.storeGlobal:
            try popPhysical(1)
            emit(op == Op.storeName ? .storeName : .storeGlobal, name(try qstr(arg)))
        case Op.storeAttr:
            try popPhysical(2)
            emit(.storeAttr, name(try qstr(arg)))
        case Op.storeSubscr:
            try popPhysical(3); emit(.storeSubscr)
        case Op.deleteName, Op.deleteGlobal:
            emit(op == Op.deleteName ? .deleteName : .deleteGlobal, name(try qstr(arg)))
        case Op.dupTop:
            guard s.stack.last?.physical == true else { throw unsupported("dup of an empty slot") }
            emit(.dupTop); push()
        case Op.dupTopTwo:
            guard s.stack.count >= 2, s.stack.suffix(2).allSatisfy(\.physical) else { throw unsupported("dup of an empty slot") }
            emit(.dupTopTwo); push(); push()
        case Op.popTop:
            if try pop().physical { emit(.popTop) }
        case Op.rotTwo:
            guard s.stack.count >= 2, s.stack.suffix(2).allSatisfy(\.physical) else { throw unsupported("rotation of an empty slot") }
            emit(.rotTwo)
            s.stack.swapAt(s.stack.count - 1, s.stack.count - 2)
        case Op.rotThree:
            // `async with` moves (X, INT) of a return or jump below the manager with
            // two ROT_THREEs (py/compile.c compile_async_with_stmt_helper); here that
            // state is the one marker slot, so one ROT_TWO does it.
            if s.stack.last?.tag == .finallyValue, next?.opcode == Op.rotThree {
                emit(.rotTwo)
                s.stack.swapAt(s.stack.count - 1, s.stack.count - 2)
                return (1, true)
            }
            guard s.stack.count >= 3, s.stack.suffix(3).allSatisfy(\.physical) else { throw unsupported("rotation of an empty slot") }
            emit(.rotThree)
            let top = s.stack.removeLast()
            s.stack.insert(top, at: s.stack.count - 2)
        case Op.jump:
            emitJump(.jump, .at(arg)); branch(arg, s)
            return (0, false)
        case Op.popJumpIfTrue, Op.popJumpIfFalse:
            try popPhysical(1)
            emitJump(op == Op.popJumpIfTrue ? .popJumpIfTrue : .popJumpIfFalse, .at(arg))
            branch(arg, s)
        case Op.jumpIfTrueOrPop, Op.jumpIfFalseOrPop:
            emitJump(op == Op.jumpIfTrueOrPop ? .jumpIfTrueOrPop : .jumpIfFalseOrPop, .at(arg))
            branch(arg, s)
            try popPhysical(1)
        case Op.setupExcept, Op.setupFinally, Op.setupWith:
            try setUpBlock(op, handler: arg, &s)
        case Op.popExceptJump:
            guard let b = s.blocks.popLast() else { throw unsupported("POP_EXCEPT_JUMP without a block") }
            if b.kind == .except, ins.offset >= b.handler {
                guard s.stack.last?.tag == .previousException else { throw unsupported("except handler stack") }
                _ = try pop()
                emit(.popExcept)
            }
            currentBlocks = s.blocks
            emitJump(.jump, .at(arg)); branch(arg, s)
            return (0, false)
        case Op.forIter:
            emitJump(.forIter, .at(arg))
            var done = s
            try popIterator(&done)
            branch(arg, done)
            push()
        case Op.getIter:
            try popPhysical(1)
            // `await x` and `yield from x` are GET_ITER, None, YIELD_FROM (py/compile.c
            // compile_yield_from): a coroutine is awaited as it is.
            emit(next?.opcode == Op.loadConstNone ? .getYieldFromIter : .getIter)
            push()
        case Op.getIterStack:
            try popPhysical(1)
            emit(.getIter)
            push()
            s.stack.append(contentsOf: [.pad, .pad, .pad])
        case Op.buildTuple, Op.buildList, Op.buildSet:
            try popPhysical(arg)
            emit(op == Op.buildTuple ? .buildTuple : op == Op.buildList ? .buildList : .buildSet, arg)
            push()
        case Op.buildMap:
            emit(.buildMap, 0); push()
        case Op.storeMap:
            // [dict, value, key] → dict[key] = value.
            try popPhysical(2)
            emit(.rotTwo); emit(.mapAdd, 1)
        case Op.buildSlice:
            try popPhysical(arg); emit(.buildSlice, arg); push()
        case Op.storeComp:
            try storeComprehension(arg, &s)
        case Op.unpackSequence:
            try popPhysical(1); emit(.unpackSequence, arg)
            for _ in 0..<arg { push() }
        case Op.unpackEx:
            try popPhysical(1); emit(.unpackEx, arg)
            for _ in 0..<((arg & 0xFF) + (arg >> 8) + 1) { push() }
        case Op.makeFunction, Op.makeFunctionDefargs, Op.makeClosure, Op.makeClosureDefargs:
            try makeFunction(op, child: arg, closed: ins.extra, &s)
        case Op.callFunction, Op.callMethod:
            try call(method: op == Op.callMethod, positional: arg & 0xFF, keywords: (arg >> 8) & 0xFF, &s)
        case Op.callFunctionVarKw, Op.callMethodVarKw:
            try callUnpacking(method: op == Op.callMethodVarKw, positional: arg & 0xFF, keywords: (arg >> 8) & 0xFF, &s)
        case Op.returnValue:
            try popPhysical(1)
            emit(.storeFast, temporary(".return"))
            try unwind(&s, count: nil, offset: ins.offset, then: .ret)
            return (0, false)
        case Op.unwindJump:
            try unwind(&s, count: ins.extra & 0x7F, offset: ins.offset, then: .jump(arg, popIterator: ins.extra & 0x80 != 0))
            return (0, false)
        case Op.raiseLast:
            emit(.raiseVarargs, 0); return (0, false)
        case Op.raiseObj:
            try popPhysical(1); emit(.raiseVarargs, 1); return (0, false)
        case Op.raiseFrom:
            try popPhysical(2); emit(.raiseVarargs, 2); return (0, false)
        case Op.yieldValue:
            try popPhysical(1); emit(.yieldValue); push()
        case Op.yieldFrom:
            try popPhysical(2); emit(.yieldFrom); push()
        case Op.importName:
            try popPhysical(2); emit(.importName, name(try qstr(arg))); push()
        case Op.importFrom:
            emit(.importFrom, name(try qstr(arg))); push()
        case Op.importStar:
            try popPhysical(1); emit(.importStar)
        case Op.unaryOpMulti..<Op.binaryOpMulti:
            try popPhysical(1)
            let unary: [Opcode] = [.unaryPositive, .unaryNegative, .unaryInvert, .unaryNot]
            emit(unary[Int(op - Op.unaryOpMulti)])
            push()
        case Op.binaryOpMulti..<(Op.binaryOpMulti + 35):
            try binaryOp(Int(op - Op.binaryOpMulti), &s)
        case Op.withCleanup:
            try withCleanup(&s)
        case Op.endFinally:
            return (0, try endFinally(ins.offset, &s))
        default:
            throw unsupported("opcode 0x\(String(op, radix: 16))")
        }
        return (0, true)
    }

    /// MicroPython's binary op numbers (py/runtime0.h mp_binary_op_t).
    mutating func binaryOp(_ n: Int, _ s: inout MpyState) throws(Failure) {
        guard s.stack.count >= 2, s.stack.suffix(2).allSatisfy(\.physical) else { throw unsupported("binary op operands") }
        s.stack.removeLast(2)
        s.stack.append(.value)
        // Arithmetic in MicroPython's order: or xor and << >> + - * @ // / % **.
        let arithmetic: [BinaryOperator] = [.bitor, .bitxor, .bitand, .lshift, .rshift, .add, .sub, .mul, .matmul,
                                             .floordiv, .truediv, .mod, .pow]
        switch n {
        case 0: emit(.compareOp, Int(ComparisonKind.lt.rawValue))
        case 1: emit(.compareOp, Int(ComparisonKind.gt.rawValue))
        case 2: emit(.compareOp, Int(ComparisonKind.eq.rawValue))
        case 3: emit(.compareOp, Int(ComparisonKind.le.rawValue))
        case 4: emit(.compareOp, Int(ComparisonKind.ge.rawValue))
        case 5: emit(.compareOp, Int(ComparisonKind.ne.rawValue))
        case 6: emit(.containsOp, 0)
        case 7: emit(.isOp, 0)
        case 8:
            // [exc, type] → [bool]; ours keeps the exception: [exc, bool].
            emit(.checkExcMatch); emit(.rotTwo); emit(.popTop)
        case 9..<22: emit(.binaryOp, arithmetic[n - 9].rawValue + Int(Instruction.inplaceOffset))
        default: emit(.binaryOp, arithmetic[n - 22].rawValue)
        }
    }

    /// A for-loop iterator: four slots of MicroPython's, one of ours.
    func popIterator(_ s: inout MpyState) throws(Failure) {
        guard s.stack.count >= 4 else { throw unsupported("iterator slots") }
        let group = s.stack.suffix(4)
        guard group.filter(\.physical).count == 1 else { throw unsupported("iterator slots") }
        s.stack.removeLast(4)
    }

    /// STORE_COMP: the collection sits `arg >> 2` slots below the top in MicroPython's stack.
    mutating func storeComprehension(_ arg: Int, _ s: inout MpyState) throws(Failure) {
        let kind = arg & 3
        let target = s.stack.count - 1 - (arg >> 2)
        let items = kind == 1 ? 2 : 1
        guard target >= 0, target < s.stack.count - items else { throw unsupported("STORE_COMP depth") }
        let above = s.stack[(target + 1)..<(s.stack.count - items)].filter(\.physical).count
        for _ in 0..<items {
            guard s.stack.removeLast().physical else { throw unsupported("STORE_COMP value") }
        }
        switch kind {
        case 0: emit(.listAppend, above + 1)
        case 1: emit(.rotTwo); emit(.mapAdd, above + 1)  // MicroPython has the key on top
        default: emit(.setAdd, above + 1)
        }
    }
}
