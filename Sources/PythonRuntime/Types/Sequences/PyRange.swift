/// `range`: an arithmetic progression of ints, computed on demand.
public final class PyRange: PyObject {
    public let start: Int
    public let stop: Int
    public let step: Int
    public init(type: PyType, start: Int, stop: Int, step: Int) {
        self.start = start
        self.stop = stop
        self.step = step
        super.init(type: type)
    }
    public var count: Int { PyRange.count(start, stop, step) }

    /// The length of `range(start, stop, step)` (step not 0).
    static func count(_ start: Int, _ stop: Int, _ step: Int) -> Int {
        if step > 0 { return start < stop ? (stop - start - 1) / step + 1 : 0 }
        return start > stop ? (start - stop - 1) / (-step) + 1 : 0
    }
}

/// `slice`: start, stop and step, any of them None.
public final class PySlice: PyObject {
    public let start: Value
    public let stop: Value
    public let step: Value
    public init(type: PyType, start: Value, stop: Value, step: Value) {
        self.start = start
        self.stop = stop
        self.step = step
        super.init(type: type)
    }
    public override func traceReferences(_ visit: (Value) -> Void) { visit(start); visit(stop); visit(step) }
}
