// try/except/else/finally and with / async with, using the exception table.
//
// Handler depths: a protected body's entry has the statement-level depth
// (`stackLevel`); the handler region after pushExcInfo ([prev, exc]) is covered
// by a cleanup entry of depth stackLevel + 1 whose handler is popExceptReraise.

extension Compiler {
    /// Where an exception lands: `label`, then [prev, exc] pushed by
    /// pushExcInfo, with the region after it covered by `cleanup` (depth base + 1).
    private func beginHandler(_ label: Label, cleanup: Label, base: Int) {
        unit.bind(label)
        unit.pushHandler(cleanup, depth: base + 1)
        unit.emit(.pushExcInfo)
    }

    func compileTryExcept(_ body: [Stmt], _ handlers: [ExceptHandler], _ orelse: [Stmt]) throws(SyntaxErrorInfo) {
        let u = unit
        let handlerLabel = u.newLabel(), cleanup = u.newLabel(), end = u.newLabel()
        let base = u.stackLevel

        u.pushHandler(handlerLabel, depth: base)
        u.blocks.append(.tryExcept)
        try compileBody(body)
        u.blocks.removeLast()
        u.popHandler()
        try compileBody(orelse)
        u.emitJump(.jump, end)

        beginHandler(handlerLabel, cleanup: cleanup, base: base)
        for (i, h) in handlers.enumerated() {
            u.currentLine = h.location.line
            if h.type == nil && i < handlers.count - 1 {
                throw error("default 'except:' must be last", h.location)
            }
            let next = u.newLabel()
            if let t = h.type {
                try compileExpr(t)
                u.emit(.checkExcMatch)
                u.emitJump(.popJumpIfFalse, next)
            }
            if let name = h.name {
                let cleanupEnd = u.newLabel()
                nameOp(name, .store)
                u.pushHandler(cleanupEnd, depth: base + 1)
                u.stackLevel += 1
                u.blocks.append(.handlerCleanup(name: name))
                try compileBody(h.body)
                u.blocks.removeLast()
                u.stackLevel -= 1
                u.popHandler()
                // Normal completion: leave the handler, then `name = None; del name`.
                let saved = u.handlerStack
                u.popHandler()
                u.emit(.popExcept)
                u.loadConst(.none)
                nameOp(name, .store)
                nameOp(name, .delete)
                u.emitJump(.jump, end)
                u.handlerStack = saved
                // The body raised: clear the name, re-raise into the cleanup entry.
                u.bind(cleanupEnd)
                u.loadConst(.none)
                nameOp(name, .store)
                nameOp(name, .delete)
                u.emit(.reraise)
            } else {
                u.emit(.popTop)
                u.stackLevel += 1
                u.blocks.append(.handlerCleanup(name: nil))
                try compileBody(h.body)
                u.blocks.removeLast()
                u.stackLevel -= 1
                let saved = u.handlerStack
                u.popHandler()
                u.emit(.popExcept)
                u.emitJump(.jump, end)
                u.handlerStack = saved
            }
            u.bind(next)
        }
        // No clause matched.
        u.emit(.reraise)
        u.popHandler()
        u.bind(cleanup)
        u.emit(.popExceptReraise)
        u.bind(end)
    }

    func compileTryFinally(_ body: [Stmt], _ handlers: [ExceptHandler], _ orelse: [Stmt], _ finalbody: [Stmt]) throws(SyntaxErrorInfo) {
        let u = unit
        let excPath = u.newLabel(), cleanup = u.newLabel(), exit = u.newLabel()
        let base = u.stackLevel

        u.pushHandler(excPath, depth: base)
        u.blocks.append(.finallyTry(body: finalbody))
        if handlers.isEmpty {
            try compileBody(body)
            try compileBody(orelse)
        } else {
            try compileTryExcept(body, handlers, orelse)
        }
        u.blocks.removeLast()
        u.popHandler()
        try compileBody(finalbody)
        u.emitJump(.jump, exit)

        beginHandler(excPath, cleanup: cleanup, base: base)
        u.stackLevel += 2
        u.blocks.append(.finallyEnd)
        try compileBody(finalbody)
        u.blocks.removeLast()
        u.stackLevel -= 2
        u.emit(.reraise)
        u.popHandler()
        u.bind(cleanup)
        u.emit(.popExceptReraise)
        u.bind(exit)
    }

    func compileWith(_ items: [WithItem], _ index: Int, _ body: [Stmt], isAsync: Bool, _ loc: SourceLocation) throws(SyntaxErrorInfo) {
        let u = unit
        let item = items[index]
        let final = u.newLabel(), cleanup = u.newLabel(), suppress = u.newLabel(), exit = u.newLabel()
        let base = u.stackLevel

        try compileExpr(item.contextExpr)
        u.currentLine = loc.line
        if isAsync {
            u.emit(.beforeAsyncWith)
            emitAwait()
        } else {
            u.emit(.beforeWith)
        }
        // [exit, entered]
        u.pushHandler(final, depth: base + 1)
        u.stackLevel += 1
        u.blocks.append(.with(isAsync: isAsync))
        if let target = item.optionalVars {
            try compileStore(target)
        } else {
            u.emit(.popTop)
        }
        if index + 1 < items.count {
            try compileWith(items, index + 1, body, isAsync: isAsync, loc)
        } else {
            try compileBody(body)
        }
        u.blocks.removeLast()
        u.popHandler()
        u.currentLine = loc.line
        emitExitCallWithNones(isAsync: isAsync)
        u.stackLevel -= 1
        u.emitJump(.jump, exit)

        // Exceptional exit: [exit, exc] → [exit, prev, exc]
        u.bind(final)
        u.pushHandler(cleanup, depth: base + 2)
        u.emit(.pushExcInfo)
        u.emit(.withExceptStart)
        if isAsync { emitAwait() }
        u.emitJump(.popJumpIfTrue, suppress)
        u.emit(.reraise)
        u.popHandler()
        u.bind(cleanup)
        u.emit(.popExceptReraise)
        u.bind(suppress)
        u.emit(.popTop)      // exc
        u.emit(.popExcept)   // prev
        u.emit(.popTop)      // exit
        u.bind(exit)
    }
}
