/// Function creation and calls: MicroPython passes keyword names on the stack
/// and star arguments with a bitmap; ours takes a tuple of names, or a tuple and a dict.
extension MpyCodeUnit {
    /// MAKE_FUNCTION(_DEFARGS) and MAKE_CLOSURE(_DEFARGS): defaults are a tuple and
    /// a dict where MicroPython pushed them (NULL when absent), closed cells a tuple.
    mutating func makeFunction(_ op: UInt8, child: Int, closed: Int, _ s: inout MpyState) throws(Failure) {
        let isClosure = op == Op.makeClosure || op == Op.makeClosureDefargs
        let hasDefaults = op == Op.makeFunctionDefargs || op == Op.makeClosureDefargs
        let cellCount = isClosure ? closed : 0
        var flags = 0
        if isClosure {
            for _ in 0..<cellCount {
                guard s.stack.popLast()?.physical == true else { throw unsupported("closure cells") }
            }
            flags |= 8
        }
        if hasDefaults {
            guard s.stack.count >= 2 else { throw unsupported("defaults") }
            let keywords = s.stack.removeLast(), positional = s.stack.removeLast()
            if positional.physical { flags |= 1 }
            if keywords.physical { flags |= 2 }
        }
        // The function right after LOAD_BUILD_CLASS is a class body.
        let role: MpyTranslator.Role = s.stack.last?.tag == .buildClass ? .classBody : .function
        if let known = childRoles[child], known.role != role || known.closed != cellCount {
            throw unsupported("child made two ways")
        }
        childRoles[child] = (role, cellCount)
        if isClosure { emit(.buildTuple, cellCount) }
        if emitting {
            guard let code = children[child] else { throw unsupported("child code") }
            emit(.loadConst, constant(.code(code)))
        }
        emit(.makeFunction, flags)
        s.stack.append(.value)
    }

    /// Drops a load this translation no longer needs (a keyword name or a bitmap).
    mutating func drop(_ emittedAt: Int) {
        if emitting, emittedAt >= 0 { alive[emittedAt] = false }
    }

    /// CALL_FUNCTION / CALL_METHOD: [f, args..., key, value, ...]; the keys were
    /// loaded as constants, which become the names tuple of callKW.
    mutating func call(method: Bool, positional: Int, keywords: Int, _ s: inout MpyState) throws(Failure) {
        var keyNames: [String] = []
        for _ in 0..<keywords {
            guard s.stack.popLast()?.physical == true, let key = s.stack.popLast(),
                  case .constString(let k, let at) = key.tag else { throw unsupported("keyword argument names") }
            keyNames.insert(k, at: 0)
            drop(at)
        }
        for _ in 0..<(positional + (method ? 2 : 1)) {
            guard s.stack.popLast() != nil else { throw unsupported("call arguments") }
        }
        let n = positional + keywords
        if keywords == 0 {
            emit(method ? .callMethod : .call, n)
        } else {
            emit(.loadConst, constant(.tuple(keyNames.map { .str($0) })))
            emit(method ? .callMethodKW : .callKW, n)
        }
        s.stack.append(.value)
    }

    /// CALL_*_VAR_KW: positional arguments flagged in the bitmap are `*iterables`,
    /// keywords with a NULL key are `**mappings` (py/runtime.c
    /// mp_call_prepare_args_n_kw_var). Built here into a tuple and a dict for callEx.
    mutating func callUnpacking(method: Bool, positional: Int, keywords: Int, _ s: inout MpyState) throws(Failure) {
        guard let bitmapSlot = s.stack.popLast(), case .smallInt(let bitmap, let bitmapAt) = bitmapSlot.tag else {
            throw unsupported("star-argument bitmap")
        }
        drop(bitmapAt)
        var keys: [String?] = []
        var valueTemps: [Int] = []
        let base = variableNames.count
        for j in (0..<keywords).reversed() {
            guard s.stack.popLast()?.physical == true, let key = s.stack.popLast() else { throw unsupported("keywords") }
            switch key.tag {
            case .constString(let k, let at): keys.insert(k, at: 0); drop(at)
            case .null: keys.insert(nil, at: 0)
            default: throw unsupported("keyword name")
            }
            let t = temporary(".kw\(j)")
            valueTemps.insert(t, at: 0)
            emit(.storeFast, t)
        }
        var positionalTemps: [Int] = []
        for i in (0..<positional).reversed() {
            guard s.stack.popLast()?.physical == true else { throw unsupported("positional arguments") }
            let t = temporary(".arg\(i)")
            positionalTemps.insert(t, at: 0)
            emit(.storeFast, t)
        }
        _ = base
        if method {
            // The method pair becomes one bound attribute: the LOAD_METHOD that made
            // it is turned into a LOAD_ATTR (nothing between them reads the stack below).
            guard s.stack.count >= 2 else { throw unsupported("method call") }
            _ = s.stack.popLast()
            guard let pair = s.stack.popLast(), case .method(let at) = pair.tag else { throw unsupported("method call") }
            if emitting, at >= 0 { code[at] = Instruction(.loadAttr, code[at].argument) }
        } else {
            guard s.stack.popLast() != nil else { throw unsupported("call") }
        }
        emit(.buildList, 0)
        for (i, t) in positionalTemps.enumerated() {
            emit(.loadFast, t)
            emit(bitmap & (1 << i) != 0 ? .listExtend : .listAppend, 1)
        }
        emit(.listToTuple)
        var flags = 0
        if keywords > 0 {
            flags = 1
            emit(.buildMap, 0)
            for (key, t) in zip(keys, valueTemps) {
                if let key {
                    emit(.loadConst, constant(.str(key)))
                    emit(.loadFast, t)
                    emit(.buildMap, 1)
                } else {
                    emit(.loadFast, t)
                }
                emit(.dictMerge, 1)
            }
        }
        emit(.callEx, flags)
        s.stack.append(.value)
    }
}
