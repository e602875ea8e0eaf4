// Comprehensions and generator expressions: each is a nested function taking
// the outermost iterator as `.0`.

extension Compiler {
    func compileComprehension(_ loc: SourceLocation, _ tag: ScopeKey.Tag, _ gens: [Comprehension], _ elements: [Expr]) throws(SyntaxErrorInfo) {
        let outer = unit
        let scope = try self.scope(loc, tag)
        let name: String
        switch tag {
        case .listComp: name = "<listcomp>"
        case .setComp: name = "<setcomp>"
        case .dictComp: name = "<dictcomp>"
        default: name = "<genexpr>"
        }
        enterUnit(scope, name: name, line: loc.line)
        let u = unit
        u.argumentCount = 1
        switch tag {
        case .listComp: u.emit(.buildList, 0); u.stackLevel = 1
        case .setComp: u.emit(.buildSet, 0); u.stackLevel = 1
        case .dictComp: u.emit(.buildMap, 0); u.stackLevel = 1
        default: break
        }
        try compileComprehensionGenerator(gens, 0, tag, elements)
        if tag == .genExp {
            u.loadConst(.none)
        }
        u.emit(.returnValue)
        let code = try leaveUnit()

        makeFunction(code, flags: 0)
        if gens[0].isAsync {
            try compileExpr(gens[0].iter)
            outer.emit(.getAIter)
        } else {
            try compileIterator(gens[0].iter)
        }
        outer.emit(.call, 1)
        if scope.isCoroutine && tag != .genExp {
            emitAwait()
        }
    }

    private func compileComprehensionGenerator(_ gens: [Comprehension], _ index: Int, _ tag: ScopeKey.Tag, _ elements: [Expr]) throws(SyntaxErrorInfo) {
        let u = unit
        let gen = gens[index]
        let start = u.newLabel(), ifCleanup = u.newLabel(), anchor = u.newLabel()
        if index == 0 {
            u.emit(.loadFast, u.varIndex(".0"))
        } else {
            if gen.isAsync {
                try compileExpr(gen.iter)
                u.emit(.getAIter)
            } else {
                try compileIterator(gen.iter)
            }
        }
        u.stackLevel += 1
        u.bind(start)
        if gen.isAsync {
            u.pushHandler(anchor, depth: u.stackLevel)
            u.emit(.getANext)
            emitAwait()
            u.popHandler()
        } else {
            u.emitJump(.forIter, anchor)
        }
        try compileStore(gen.target)
        for cond in gen.ifs {
            try compileJumpIf(cond, ifCleanup, jumpWhen: false)
        }
        if index + 1 < gens.count {
            try compileComprehensionGenerator(gens, index + 1, tag, elements)
        } else {
            // Depth of the collection below the element, counting the iterators.
            let depth = u.stackLevel
            switch tag {
            case .genExp:
                try compileExpr(elements[0])
                u.emit(.yieldValue)
                u.emit(.popTop)
            case .listComp:
                try compileExpr(elements[0])
                u.emit(.listAppend, depth)
            case .setComp:
                try compileExpr(elements[0])
                u.emit(.setAdd, depth)
            case .dictComp:
                try compileExpr(elements[0])
                try compileExpr(elements[1])
                u.emit(.mapAdd, depth)
            default:
                break
            }
        }
        u.bind(ifCleanup)
        u.emitJump(.jump, start)
        u.bind(anchor)
        if gen.isAsync { u.emit(.endAsyncFor) }
        u.stackLevel -= 1
    }
}
