/// Sorting without the general `<` where the keys allow it: keys that are all
/// small ints or floats, or all exact strs, sort in Swift by value; tuples of
/// such keys compare item by item without leaving Swift. As CPython's
/// list.sort does ("unsafe" comparisons chosen after one pass over the keys),
/// the result is the same as with `<`, and equal keys keep their order.
extension Runtime {
    /// The positions of `keys` in sorted order, when every key is a number
    /// (small int or float, no NaN) or every key an exact str; nil otherwise.
    func nativeSortedOrder(_ keys: [Value], reverse: Bool) -> [Int]? {
        guard let first = keys.first else { return [] }
        if first.isSmallInt || first.isFloat {
            var numbers: [(key: Double, index: Int)] = []
            numbers.reserveCapacity(keys.count)
            for (i, k) in keys.enumerated() {
                // Doubles hold every small int (48 bits) exactly.
                if k.isSmallInt {
                    numbers.append((Double(k.asSmallInt), i))
                } else if k.isFloat, !k.asFloat.isNaN {
                    numbers.append((k.asFloat, i))
                } else {
                    return nil
                }
            }
            return stableOrder(numbers, reverse: reverse)
        }
        guard first.isObject, first.object.type === types.str else { return nil }
        var texts: [(key: PyStr, index: Int)] = []
        texts.reserveCapacity(keys.count)
        for (i, k) in keys.enumerated() {
            guard k.isObject, k.object.type === types.str else { return nil }
            texts.append((unsafeDowncast(k.object, to: PyStr.self), i))
        }
        return stableOrder(texts.map { (key: StrKey($0.key.value), index: $0.index) }, reverse: reverse)
    }

    private func stableOrder<K: Comparable>(_ keyed: [(key: K, index: Int)], reverse: Bool) -> [Int] {
        let sorted = keyed.sorted { a, b in
            if a.key == b.key { return a.index < b.index }
            return reverse ? b.key < a.key : a.key < b.key
        }
        return sorted.map(\.index)
    }

    /// `x < y` for keys that compare without Python code: numbers, exact strs
    /// and tuples of them; nil when either needs the general comparison.
    func fastLessThan(_ x: Value, _ y: Value) -> Bool? {
        if let r = fastCompare(x, y, 0) { return r }
        guard x.isObject, y.isObject else { return nil }
        // Unowned and borrowed throughout: strong locals cost a retain/release
        // pair per operand on every comparison of the sort.
        unowned(unsafe) let a = x.object, b = y.object
        if a.type === types.str && b.type === types.str {
            return compareCodePoints(unsafeDowncast(a, to: PyStr.self).value, unsafeDowncast(b, to: PyStr.self).value) < 0
        }
        guard a.type === types.tuple, b.type === types.tuple else { return nil }
        return Unmanaged.passUnretained(unsafeDowncast(a, to: PyTuple.self))._withUnsafeGuaranteedRef { ta in
            Unmanaged.passUnretained(unsafeDowncast(b, to: PyTuple.self))._withUnsafeGuaranteedRef { tb in
                ta.items.withUnsafeBufferPointer { s in
                    tb.items.withUnsafeBufferPointer { t in
                        let n = min(s.count, t.count)
                        var i = 0
                        while i < n {
                            guard let same = fastEquals(s[i], t[i]) else { return nil }
                            if !same { return fastLessThan(s[i], t[i]) }
                            i += 1
                        }
                        return s.count < t.count
                    }
                }
            }
        }
    }

    /// `x == y` for numbers and exact strs; nil for anything else.
    private func fastEquals(_ x: Value, _ y: Value) -> Bool? {
        if let r = fastCompare(x, y, 2) { return r }
        guard x.isObject, y.isObject, x.object.type === types.str, y.object.type === types.str else { return nil }
        return unsafeDowncast(x.object, to: PyStr.self).equals(unsafeDowncast(y.object, to: PyStr.self))
    }
}

/// A str ordered by code point (UTF-8 byte order), as Python orders str.
private struct StrKey: Comparable {
    let text: String
    init(_ text: String) { self.text = text }
    static func < (a: StrKey, b: StrKey) -> Bool { compareCodePoints(a.text, b.text) < 0 }
    static func == (a: StrKey, b: StrKey) -> Bool { a.text.utf8.elementsEqual(b.text.utf8) }
}
