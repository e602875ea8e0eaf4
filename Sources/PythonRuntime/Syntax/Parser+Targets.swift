// Validation of assignment and deletion targets, with CPython's messages.

extension Parser {
    /// Checks `e` can be assigned to (or deleted). `suggestEquality` adds CPython's
    /// "Maybe you meant '=='" hint for the last target of an assignment.
    func checkTarget(_ e: Expr, deleting: Bool, suggestEquality: Bool = false) throws(SyntaxErrorInfo) {
        switch e.kind {
        case .name, .attribute, .subscript:
            return
        case .tuple(let elts), .list(let elts):
            for elt in elts { try checkTarget(elt, deleting: deleting) }
        case .yield, .yieldFrom where !deleting:
            throw syntaxError("assignment to yield expression not possible", at: e.location)
        case .starred(let inner):
            if deleting { throw syntaxError("cannot delete starred", at: e.location) }
            try checkTarget(inner, deleting: deleting)
        default:
            let what = expressionName(e)
            if deleting { throw syntaxError("cannot delete \(what)", at: e.location) }
            var hint = suggestEquality
            if case .constant(let c) = e.kind, constantKeywordName(c) != nil { hint = false }
            let suffix = hint ? " here. Maybe you meant '==' instead of '='?" : ""
            throw syntaxError("cannot assign to \(what)\(suffix)", at: e.location)
        }
    }

    func constantKeywordName(_ c: Constant) -> String? {
        switch c {
        case .none: return "None"
        case .bool(let b): return b ? "True" : "False"
        default: return nil
        }
    }

    /// How CPython names an expression in error messages.
    func expressionName(_ e: Expr) -> String {
        switch e.kind {
        case .boolOp, .binOp, .unaryOp: return "expression"
        case .namedExpr: return "named expression"
        case .lambda: return "lambda"
        case .ifExp: return "conditional expression"
        case .dict: return "dict literal"
        case .set: return "set display"
        case .listComp: return "list comprehension"
        case .setComp: return "set comprehension"
        case .dictComp: return "dict comprehension"
        case .generatorExp: return "generator expression"
        case .await: return "await expression"
        case .yield, .yieldFrom: return "yield expression"
        case .compare: return "comparison"
        case .call: return "function call"
        case .formattedValue, .joinedStr: return "f-string expression"
        case .constant(let c):
            if let n = constantKeywordName(c) { return n }
            if case .ellipsis = c { return "ellipsis" }
            return "literal"
        case .attribute: return "attribute"
        case .subscript: return "subscript"
        case .starred: return "starred"
        case .name: return "name"
        case .list: return "list"
        case .tuple: return "tuple"
        case .slice: return "slice"
        }
    }
}
