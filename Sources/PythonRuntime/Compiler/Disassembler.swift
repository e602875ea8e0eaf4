// A readable listing of a code object, stable enough for golden tests.
//
// Format:
//   code <qualname> args=N posonly=N kwonly=N flags=a,b stack=N
//     varnames: a, b            (each of these lines only when non-empty)
//     cellvars: ...
//     freevars: ...
//   L<line> <index> <OPNAME> <arg> (<hint>)   -- "L<line>" only where the line changes
//     exception table:
//       <start> to <end> -> <handler> [<depth>]
// Nested code objects follow, each after a blank line.

extension CodeObject {
    public func disassembly() -> String {
        var out = ""
        var nested: [CodeObject] = []
        appendListing(to: &out, nested: &nested)
        var i = 0
        while i < nested.count {
            out += "\n"
            nested[i].appendListing(to: &out, nested: &nested)
            i += 1
        }
        return out
    }

    private func appendListing(to out: inout String, nested: inout [CodeObject]) {
        var flagNames: [String] = []
        if flags.contains(.optimized) { flagNames.append("optimized") }
        if flags.contains(.varargs) { flagNames.append("varargs") }
        if flags.contains(.varkeywords) { flagNames.append("varkeywords") }
        if flags.contains(.generator) { flagNames.append("generator") }
        if flags.contains(.coroutine) { flagNames.append("coroutine") }
        if flags.contains(.classBody) { flagNames.append("classBody") }
        if flags.contains(.native) { flagNames.append("native") }
        if flags.contains(.viper) { flagNames.append("viper") }
        out += "code \(qualifiedName) args=\(argumentCount) posonly=\(positionalOnlyCount) kwonly=\(keywordOnlyCount)"
        out += " flags=\(flagNames.isEmpty ? "-" : flagNames.joined(separator: ",")) stack=\(stackSize)\n"
        if !variableNames.isEmpty { out += "  varnames: \(variableNames.joined(separator: ", "))\n" }
        if !cellVariables.isEmpty {
            out += "  cellvars: \(cellVariables.joined(separator: ", "))"
            if cellParameterIndex.contains(where: { $0 >= 0 }) {
                out += " (params: \(cellParameterIndex.map(String.init).joined(separator: ", ")))"
            }
            out += "\n"
        }
        if !freeVariables.isEmpty { out += "  freevars: \(freeVariables.joined(separator: ", "))\n" }

        let targets = Set(instructions.filter { $0.opcode.isJump }.map { Int($0.argument) })
            .union(exceptionTable.map(\.handler))
        var lastLine = -1
        for (i, ins) in instructions.enumerated() {
            let line = i < lineNumbers.count ? Int(lineNumbers[i]) : firstLine
            var text = line != lastLine ? "L\(line)" : ""
            lastLine = line
            text = text.padding(toLength: 6, withPad: " ", startingAt: 0)
            let mark = targets.contains(i) ? ">>" : "  "
            text += mark + String(i).leftPadded(4) + " " + ins.opcode.name
            if hasArgument(ins.opcode) {
                text = text.padding(toLength: 36, withPad: " ", startingAt: 0)
                text += " " + String(ins.argument)
                if let hint = hint(for: ins, nested: &nested) { text += " (\(hint))" }
            }
            out += text + "\n"
        }
        if !exceptionTable.isEmpty {
            out += "  exception table:\n"
            for e in exceptionTable {
                out += "    \(e.start) to \(e.end) -> \(e.handler) [\(e.depth)]\n"
            }
        }
    }

    private func hasArgument(_ op: Opcode) -> Bool {
        switch op {
        case .nop, .popTop, .dupTop, .dupTopTwo, .rotTwo, .rotThree, .rotFour, .binarySubscr, .storeSubscr,
             .deleteSubscr, .unaryNegative, .unaryPositive, .unaryInvert, .unaryNot, .getIter, .listToTuple,
             .returnValue, .loadBuildClass, .loadAssertionError, .pushExcInfo, .popExcept, .checkExcMatch,
             .reraise, .popExceptReraise, .withExceptStart, .beforeWith, .yieldValue, .getYieldFromIter,
             .yieldFrom, .getAwaitable, .getAIter, .getANext, .endAsyncFor, .beforeAsyncWith, .importStar,
             .printExpr:
            return false
        default:
            return true
        }
    }

    private func hint(for ins: Instruction, nested: inout [CodeObject]) -> String? {
        let arg = Int(ins.argument)
        let op = ins.opcode
        if op.isJump { return "to \(arg)" }
        switch op {
        case .loadConst:
            guard arg < constants.count else { return nil }
            if case .code(let c) = constants[arg] { nested.append(c) }
            return constants[arg].pythonRepr
        case .loadName, .storeName, .deleteName, .loadGlobal, .storeGlobal, .deleteGlobal,
             .loadAttr, .storeAttr, .deleteAttr, .loadMethod, .importName, .importFrom:
            return arg < names.count ? names[arg] : nil
        case .loadFast, .storeFast, .deleteFast:
            return arg < variableNames.count ? variableNames[arg] : nil
        case .loadDeref, .storeDeref, .deleteDeref, .loadClosure, .loadClassDeref:
            let all = cellVariables + freeVariables
            return arg < all.count ? all[arg] : nil
        case .binaryOp:
            let inplace = arg >= Int(Instruction.inplaceOffset)
            let raw = inplace ? arg - Int(Instruction.inplaceOffset) : arg
            guard let bop = BinaryOperator(rawValue: raw) else { return nil }
            return bop.symbol + (inplace ? "=" : "")
        case .compareOp:
            return ComparisonKind(rawValue: UInt32(arg))?.symbol
        case .viperToNative, .viperToObject:
            return ViperType(rawValue: UInt32(arg))?.name
        case .viperBinary:
            let unsigned = arg & ViperOperand.unsigned != 0 ? " uint" : ""
            return (BinaryOperator(rawValue: arg & 0xFF)?.symbol ?? "?") + unsigned
        case .viperCompare:
            let unsigned = arg & ViperOperand.unsigned != 0 ? " uint" : ""
            return (ComparisonKind(rawValue: UInt32(arg & 0xFF))?.symbol ?? "?") + unsigned
        case .viperUnary: return arg == 0 ? "-" : "~"
        case .viperLoad, .viperStore: return "\(arg * 8)-bit"
        case .isOp: return arg == 0 ? "is" : "is not"
        case .containsOp: return arg == 0 ? "in" : "not in"
        case .unpackEx: return "\(arg & 0xFF), \(arg >> 8)"
        case .formatValue:
            var parts: [String] = []
            switch arg & 3 {
            case 1: parts.append("str")
            case 2: parts.append("repr")
            case 3: parts.append("ascii")
            default: break
            }
            if arg & 4 != 0 { parts.append("with spec") }
            return parts.isEmpty ? nil : parts.joined(separator: ", ")
        case .makeFunction:
            var parts: [String] = []
            if arg & 1 != 0 { parts.append("defaults") }
            if arg & 2 != 0 { parts.append("kwdefaults") }
            if arg & 8 != 0 { parts.append("closure") }
            return parts.isEmpty ? nil : parts.joined(separator: ", ")
        case .raiseVarargs:
            return nil
        default:
            return nil
        }
    }
}

extension BinaryOperator {
    /// The operator as written in source.
    public var symbol: String {
        switch self {
        case .add: return "+"
        case .sub: return "-"
        case .mul: return "*"
        case .matmul: return "@"
        case .truediv: return "/"
        case .floordiv: return "//"
        case .mod: return "%"
        case .pow: return "**"
        case .lshift: return "<<"
        case .rshift: return ">>"
        case .bitor: return "|"
        case .bitxor: return "^"
        case .bitand: return "&"
        }
    }
}

extension CodeConstant {
    /// The constant as Python's repr() would show it (code objects as `<code name>`).
    public var pythonRepr: String {
        switch self {
        case .none: return "None"
        case .bool(let b): return b ? "True" : "False"
        case .ellipsis: return "Ellipsis"
        case .int(let i): return String(i)
        case .float(let d): return floatRepr(d)
        case .imaginary(let d):
            let s = floatRepr(d)
            return (s.hasSuffix(".0") ? String(s.dropLast(2)) : s) + "j"
        case .str(let s): return strRepr(s)
        case .bytes(let b): return bytesRepr(b)
        case .tuple(let items):
            if items.count == 1 { return "(\(items[0].pythonRepr),)" }
            return "(" + items.map(\.pythonRepr).joined(separator: ", ") + ")"
        case .code(let c): return "<code \(c.name)>"
        }
    }
}

extension String {
    func leftPadded(_ width: Int, with pad: Character = " ") -> String {
        count >= width ? self : String(repeating: pad, count: width - count) + self
    }
}
