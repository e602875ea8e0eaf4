import BigInt

// The abstract syntax tree the parser produces and the compiler consumes.
// It follows CPython's `ast` module closely (same node names, same fields), so
// anyone who knows `ast.dump` can read it. Load/store/delete context is not
// stored: the compiler knows it from where a node stands.

/// A position in the source: 1-based line, 0-based column (in characters).
public struct SourceLocation: Equatable, Sendable {
    public var line: Int
    public var column: Int
    public init(line: Int, column: Int) { self.line = line; self.column = column }
}

public struct Expr {
    public var kind: ExprKind
    public var location: SourceLocation
    public init(_ kind: ExprKind, _ location: SourceLocation) {
        self.kind = kind
        self.location = location
    }
}

public struct Stmt {
    public var kind: StmtKind
    public var location: SourceLocation
    public init(_ kind: StmtKind, _ location: SourceLocation) {
        self.kind = kind
        self.location = location
    }
}

public enum Constant {
    case none
    case bool(Bool)
    case ellipsis
    case int(BigInt)
    case float(Double)
    /// An imaginary literal such as `2j`, holding its imaginary part.
    case imaginary(Double)
    case str(String)
    case bytes([UInt8])
}

public enum BoolOperator { case and, or }

public enum BinaryOperator: Int, CaseIterable {
    case add, sub, mul, matmul, truediv, floordiv, mod, pow, lshift, rshift, bitor, bitxor, bitand
}

public enum UnaryOperator { case invert, not, plus, minus }

public enum CompareOperator { case eq, notEq, lt, ltE, gt, gtE, `is`, isNot, `in`, notIn }

public indirect enum ExprKind {
    case boolOp(BoolOperator, [Expr])
    /// `target := value`; target is always a `.name`.
    case namedExpr(target: Expr, value: Expr)
    case binOp(Expr, BinaryOperator, Expr)
    case unaryOp(UnaryOperator, Expr)
    case lambda(Arguments, body: Expr)
    case ifExp(test: Expr, body: Expr, orelse: Expr)
    /// A `nil` key marks `**mapping` unpacking; its value is the mapping.
    case dict(keys: [Expr?], values: [Expr])
    case set([Expr])
    case listComp(element: Expr, generators: [Comprehension])
    case setComp(element: Expr, generators: [Comprehension])
    case dictComp(key: Expr, value: Expr, generators: [Comprehension])
    case generatorExp(element: Expr, generators: [Comprehension])
    case await(Expr)
    case yield(Expr?)
    case yieldFrom(Expr)
    /// `left op1 c1 op2 c2 ...`; `ops.count == comparators.count`.
    case compare(left: Expr, ops: [CompareOperator], comparators: [Expr])
    /// Positional arguments may be `.starred`; a keyword with a `nil` name is `**mapping`.
    case call(function: Expr, args: [Expr], keywords: [Keyword])
    /// One `{value!conversion:spec}` field of an f-string. `conversion` is
    /// "s", "r", "a" or nil; `formatSpec` is a `.joinedStr` or nil.
    case formattedValue(value: Expr, conversion: Character?, formatSpec: Expr?)
    /// An f-string: a list of `.constant(.str)` and `.formattedValue` parts.
    case joinedStr([Expr])
    case constant(Constant)
    case attribute(Expr, name: String)
    case `subscript`(Expr, index: Expr)
    case starred(Expr)
    case name(String)
    case list([Expr])
    case tuple([Expr])
    /// Only ever appears as a subscript index, or inside a tuple that is one.
    case slice(lower: Expr?, upper: Expr?, step: Expr?)
}

public struct Comprehension {
    public var target: Expr
    public var iter: Expr
    public var ifs: [Expr]
    public var isAsync: Bool
    public init(target: Expr, iter: Expr, ifs: [Expr], isAsync: Bool) {
        self.target = target
        self.iter = iter
        self.ifs = ifs
        self.isAsync = isAsync
    }
}

public struct Keyword {
    /// `nil` for `**mapping`.
    public var name: String?
    public var value: Expr
    public var location: SourceLocation
    public init(name: String?, value: Expr, location: SourceLocation) {
        self.name = name
        self.value = value
        self.location = location
    }
}

public struct Arg {
    public var name: String
    public var annotation: Expr?
    public var location: SourceLocation
    public init(name: String, annotation: Expr? = nil, location: SourceLocation) {
        self.name = name
        self.annotation = annotation
        self.location = location
    }
}

/// A function's parameter list, as CPython's `ast.arguments`.
public struct Arguments {
    public var posonlyargs: [Arg] = []
    public var args: [Arg] = []
    public var vararg: Arg?
    public var kwonlyargs: [Arg] = []
    /// One entry per keyword-only argument; nil where it has no default.
    public var kwDefaults: [Expr?] = []
    public var kwarg: Arg?
    /// Defaults for the last `defaults.count` of `posonlyargs + args`.
    public var defaults: [Expr] = []
    public init() {}
}

public struct Alias {
    /// Dotted module name for `import`, or a plain name (or "*") for `from ... import`.
    public var name: String
    public var asname: String?
    public var location: SourceLocation
    public init(name: String, asname: String?, location: SourceLocation) {
        self.name = name
        self.asname = asname
        self.location = location
    }
}

public struct WithItem {
    public var contextExpr: Expr
    public var optionalVars: Expr?
    public init(contextExpr: Expr, optionalVars: Expr?) {
        self.contextExpr = contextExpr
        self.optionalVars = optionalVars
    }
}

public struct ExceptHandler {
    /// nil for a bare `except:`.
    public var type: Expr?
    public var name: String?
    public var body: [Stmt]
    public var location: SourceLocation
    public init(type: Expr?, name: String?, body: [Stmt], location: SourceLocation) {
        self.type = type
        self.name = name
        self.body = body
        self.location = location
    }
}

public struct FunctionDef {
    public var name: String
    public var args: Arguments
    public var body: [Stmt]
    public var decorators: [Expr]
    public var returns: Expr?
    public var isAsync: Bool
    public init(name: String, args: Arguments, body: [Stmt], decorators: [Expr], returns: Expr?, isAsync: Bool) {
        self.name = name
        self.args = args
        self.body = body
        self.decorators = decorators
        self.returns = returns
        self.isAsync = isAsync
    }
}

public struct ClassDef {
    public var name: String
    public var bases: [Expr]
    public var keywords: [Keyword]
    public var body: [Stmt]
    public var decorators: [Expr]
    public init(name: String, bases: [Expr], keywords: [Keyword], body: [Stmt], decorators: [Expr]) {
        self.name = name
        self.bases = bases
        self.keywords = keywords
        self.body = body
        self.decorators = decorators
    }
}

public indirect enum StmtKind {
    case functionDef(FunctionDef)
    case classDef(ClassDef)
    case `return`(Expr?)
    case delete([Expr])
    /// `a = b = value` has targets [a, b].
    case assign(targets: [Expr], value: Expr)
    case augAssign(target: Expr, op: BinaryOperator, value: Expr)
    /// `simple` is true when the target is a bare name not in parentheses.
    case annAssign(target: Expr, annotation: Expr, value: Expr?, simple: Bool)
    case `for`(target: Expr, iter: Expr, body: [Stmt], orelse: [Stmt], isAsync: Bool)
    case `while`(test: Expr, body: [Stmt], orelse: [Stmt])
    case `if`(test: Expr, body: [Stmt], orelse: [Stmt])
    case with(items: [WithItem], body: [Stmt], isAsync: Bool)
    case raise(exc: Expr?, cause: Expr?)
    case `try`(body: [Stmt], handlers: [ExceptHandler], orelse: [Stmt], finalbody: [Stmt])
    case assert(test: Expr, msg: Expr?)
    case `import`([Alias])
    /// `from .mod import x`: module "mod", level 1. `from . import x`: module nil, level 1.
    case importFrom(module: String?, names: [Alias], level: Int)
    case global([String])
    case nonlocal([String])
    case expr(Expr)
    case pass
    case `break`
    case `continue`
}

/// What the parser was asked to read, as CPython's compile() modes.
public enum ParseMode {
    /// A whole file.
    case module
    /// One interactive statement (the REPL): expression statements print their value.
    case interactive
    /// A single expression (eval()).
    case expression
}

/// The parser's result: a module body, or an expression for `.expression` mode.
public enum ParsedSource {
    case statements([Stmt])
    case expression(Expr)
}

/// A syntax error found while reading source, with where it happened.
/// `message` is the text after `SyntaxError: ` (e.g. "invalid syntax").
/// `kind` names the exception class ("SyntaxError" or "IndentationError").
public struct SyntaxErrorInfo: Error, Equatable {
    public var kind: String
    public var message: String
    public var filename: String
    public var line: Int
    /// 1-based column of the caret, as CPython reports `offset`.
    public var column: Int
    /// The text of the offending line, without its newline.
    public var lineText: String
    /// The function being compiled, for errors MicroPython reports from a
    /// function's code generation (viper's), whose traceback names it.
    public var function: String?
    public init(kind: String = "SyntaxError", message: String, filename: String, line: Int, column: Int, lineText: String) {
        self.kind = kind
        self.message = message
        self.filename = filename
        self.line = line
        self.column = column
        self.lineText = lineText
    }
}
