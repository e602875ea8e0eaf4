/// `list` and `tuple`: constructors and methods.
extension Runtime {
    func installListMethods() {
        let t = types.list
        constructor(t) { rt, args throws(PyError) in
            try args.expect(rt, "list", 0, 1)
            return Value(rt.newList(args.count == 0 ? [] : ContiguousArray(try rt.iterateToArray(args[0]))))
        }
        method(t, "__init__") { rt, args throws(PyError) in
            let l = try rt.selfArg(args, PyList.self, "__init__")
            l.items = args.count > 1 ? ContiguousArray(try rt.iterateToArray(args[1])) : []
            return .none
        }
        method(t, "append") { rt, args throws(PyError) in
            try args.expect(rt, "append", 2, 2)
            try rt.selfArg(args, PyList.self, "append").items.append(args[1])
            return .none
        }
        method(t, "extend") { rt, args throws(PyError) in
            try args.expect(rt, "extend", 2, 2)
            let l = try rt.selfArg(args, PyList.self, "extend")
            l.items.append(contentsOf: try rt.iterateToArray(args[1]))
            return .none
        }
        method(t, "insert") { rt, args throws(PyError) in
            try args.expect(rt, "insert", 3, 3)
            let l = try rt.selfArg(args, PyList.self, "insert")
            var i = try rt.intArg(args[1])
            if i < 0 { i = max(0, i + l.items.count) }
            l.items.insert(args[2], at: min(i, l.items.count))
            return .none
        }
        method(t, "pop") { rt, args throws(PyError) in
            try args.expect(rt, "pop", 1, 2)
            let l = try rt.selfArg(args, PyList.self, "pop")
            if l.items.isEmpty { throw rt.indexError("pop from empty list") }
            if args.count == 1 { return l.items.removeLast() }
            var i = try rt.intArg(args[1])
            if i < 0 { i += l.items.count }
            if i < 0 || i >= l.items.count { throw rt.indexError("pop index out of range") }
            return l.items.remove(at: i)
        }
        method(t, "remove") { rt, args throws(PyError) in
            try args.expect(rt, "remove", 2, 2)
            let l = try rt.selfArg(args, PyList.self, "remove")
            // Over the live list, as CPython's list_remove: an `__eq__` may change it.
            var i = 0
            while i < l.items.count {
                if try rt.equals(l.items[i], args[1]) {
                    if i < l.items.count { l.items.remove(at: i) }
                    return .none
                }
                i += 1
            }
            throw rt.valueError("list.remove(x): x not in list")
        }
        installIndexAndCount(t, "list") { (l: PyList) in l.items }
        method(t, "reverse") { rt, args throws(PyError) in
            try args.expect(rt, "reverse", 1, 1)
            try rt.selfArg(args, PyList.self, "reverse").items.reverse()
            return .none
        }
        method(t, "clear") { rt, args throws(PyError) in
            try args.expect(rt, "clear", 1, 1)
            try rt.selfArg(args, PyList.self, "clear").items.removeAll()
            return .none
        }
        method(t, "copy") { rt, args throws(PyError) in
            try args.expect(rt, "copy", 1, 1)
            return Value(rt.newList(try rt.selfArg(args, PyList.self, "copy").items))
        }
        method(t, "sort") { rt, args throws(PyError) in
            try args.expect(rt, "sort", 1, 1, keywords: true)
            for k in args.keywordNames where k.value != "key" && k.value != "reverse" {
                throw rt.typeError("unexpected keyword argument '\(k.value)'")
            }
            let l = try rt.selfArg(args, PyList.self, "sort")
            try rt.sortList(l, key: args.keyword("key"), reverse: args.keyword("reverse"))
            return .none
        }
        installSequenceDunders(t)
    }

    func installTupleMethods() {
        let t = types.tuple
        constructor(t) { rt, args throws(PyError) in
            try args.expect(rt, "tuple", 0, 1)
            if args.count == 0 { return Value(rt.newTuple([])) }
            if args[0].isObject, args[0].object.type === rt.types.tuple { return args[0] }
            return Value(rt.newTuple(ContiguousArray(try rt.iterateToArray(args[0]))))
        }
        installIndexAndCount(t, "tuple") { (s: PyTuple) in s.items }
        installSequenceDunders(t)
    }

    /// The dunder methods of built-in containers, for `super().__getitem__(i)` and
    /// explicit calls such as `list.__len__(x)`.
    func installSequenceDunders(_ t: PyType) {
        method(t, "__len__") { rt, args throws(PyError) in rt.int(try rt.length(args[0])) }
        method(t, "__getitem__") { rt, args throws(PyError) in
            try args.expect(rt, "__getitem__", 2, 2)
            return try rt.builtinGetItem(args[0], args[1])
        }
        method(t, "__contains__") { rt, args throws(PyError) in
            try args.expect(rt, "__contains__", 2, 2)
            return Value(bool: try rt.builtinContains(args[0], args[1]))
        }
        method(t, "__iter__") { rt, args throws(PyError) in try rt.builtinIterator(args[0]) }
        if t === types.list || t === types.dict || t === types.bytearray {
            method(t, "__setitem__") { rt, args throws(PyError) in
                try args.expect(rt, "__setitem__", 3, 3)
                try rt.builtinSetItem(args[0], args[1], args[2])
                return .none
            }
            method(t, "__delitem__") { rt, args throws(PyError) in
                try args.expect(rt, "__delitem__", 2, 2)
                try rt.builtinDeleteItem(args[0], args[1])
                return .none
            }
        }
    }

    /// `index` and `count` of list and tuple. They walk the live items, as
    /// CPython does: an `__eq__` may change the list, and an item it removed is
    /// no longer kept alive by the list (a snapshot would hold it unrooted).
    func installIndexAndCount<T: PyObject>(_ t: PyType, _ what: String,
                                           _ items: @escaping (T) -> ContiguousArray<Value>) {
        method(t, "index") { rt, args throws(PyError) in
            try args.expect(rt, "index", 2, 4)
            let o = try rt.selfArg(args, T.self, "index")
            return rt.int(try rt.sequenceFind({ items(o) }, args, what))
        }
        method(t, "count") { rt, args throws(PyError) in
            try args.expect(rt, "count", 2, 2)
            let o = try rt.selfArg(args, T.self, "count")
            var n = 0, i = 0
            while true {
                let live = items(o)
                guard i < live.count else { break }
                if try rt.equals(live[i], args[1]) { n += 1 }
                i += 1
            }
            return rt.int(n)
        }
    }

    /// `seq.index(x[, start[, end]])`, over `items()` as it is at each step.
    func sequenceFind(_ items: () -> ContiguousArray<Value>, _ args: CallArguments, _ what: String) throws(PyError) -> Int {
        var start = args.count > 2 ? try intArg(args[2]) : 0
        var end = args.count > 3 ? try intArg(args[3]) : Int.max
        let count = items().count
        if start < 0 { start = max(0, start + count) }
        if end < 0 { end = max(0, end + count) }
        var i = start
        while i < end {
            let live = items()
            guard i < live.count else { break }
            if try equals(live[i], args[1]) { return i }
            i += 1
        }
        throw valueError("\(what).index(x): x not in \(what)")
    }

    /// A stable sort using `<` (with `key` and `reverse` as list.sort takes them).
    func sortList(_ list: PyList, key: Value, reverse: Value) throws(PyError) {
        let rev = reverse.isNull ? false : try isTruthy(reverse)
        // As CPython's list.sort: the list is empty while it sorts, and a key or
        // comparison that changes it gets ValueError. The nursery keeps the
        // items alive meanwhile (the collector may run in a key or `<`); no
        // object is made, so sorting works with the heap locked.
        let saved = list.items
        heap.hold(Array(saved))
        list.items = []
        let order: [Int]
        do throws(PyError) {
            order = try sortedOrder(Array(saved), key: key, reverse: rev)
        } catch {
            list.items = saved
            throw error
        }
        let modified = !list.items.isEmpty
        list.items = ContiguousArray(order.map { saved[$0] })
        if modified { throw valueError("list modified during sort") }
    }

    /// The positions of `items` in sorted order (a stable merge sort).
    private func sortedOrder(_ items: [Value], key: Value, reverse rev: Bool) throws(PyError) -> [Int] {
        let keys: [Value]
        if key.isNull || key.isNone {
            keys = items
        } else {
            var k: [Value] = []
            k.reserveCapacity(items.count)
            for v in items { k.append(try call(key, [v])) }
            keys = k
        }
        if let order = nativeSortedOrder(keys, reverse: rev) { return order }
        var order = Array(0..<items.count)
        // Merge sort: stable, and comparisons may raise.
        var buffer = order
        func less(_ a: Int, _ b: Int) throws(PyError) -> Bool {
            let x = rev ? keys[b] : keys[a], y = rev ? keys[a] : keys[b]
            if let r = fastLessThan(x, y) { return r }
            return try isTruthy(try richCompare(x, y, .lt))
        }
        func mergeSort(_ lo: Int, _ hi: Int) throws(PyError) {
            if hi - lo < 2 { return }
            if hi - lo <= 8 {
                var i = lo + 1
                while i < hi {
                    let x = order[i]
                    var j = i - 1
                    while j >= lo, try less(x, order[j]) {
                        order[j + 1] = order[j]
                        j -= 1
                    }
                    order[j + 1] = x
                    i += 1
                }
                return
            }
            let mid = (lo + hi) / 2
            try mergeSort(lo, mid)
            try mergeSort(mid, hi)
            var i = lo, j = mid, k = lo
            while i < mid && j < hi {
                if try less(order[j], order[i]) { buffer[k] = order[j]; j += 1 } else { buffer[k] = order[i]; i += 1 }
                k += 1
            }
            while i < mid { buffer[k] = order[i]; i += 1; k += 1 }
            while j < hi { buffer[k] = order[j]; j += 1; k += 1 }
            for x in lo..<hi { order[x] = buffer[x] }
        }
        try mergeSort(0, items.count)
        return order
    }
}
