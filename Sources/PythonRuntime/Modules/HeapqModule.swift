/// The `heapq` module: a binary min-heap kept in a list, ordered with `<`.
extension Runtime {
    func installHeapqModule() {
        registerNativeModule("heapq") { rt, m throws(PyError) in
            func heapList(_ v: Value) throws(PyError) -> PyList {
                guard v.isObject, let l = v.object as? PyList else { throw rt.typeError("heap argument must be a list") }
                return l
            }
            func less(_ a: Value, _ b: Value) throws(PyError) -> Bool {
                try rt.isTruthy(try rt.richCompare(a, b, .lt))
            }
            // CPython's siftdown and siftup (Modules/_heapqmodule.c): they swap,
            // so every item stays in the list (a root) while `<` runs Python code,
            // and a comparison that resizes the list raises RuntimeError.
            func changedSize() -> PyError { rt.error(rt.types.RuntimeError, "list changed size during iteration") }
            // Move the item at `pos` up towards `start`.
            func siftDown(_ l: PyList, _ start: Int, _ pos0: Int) throws(PyError) {
                var pos = pos0
                let size = l.items.count
                guard pos < size else { throw rt.indexError("index out of range") }
                while pos > start {
                    let parentPos = (pos - 1) >> 1
                    let smaller = try less(l.items[pos], l.items[parentPos])
                    if l.items.count != size { throw changedSize() }
                    if !smaller { break }
                    l.items.swapAt(pos, parentPos)
                    pos = parentPos
                }
            }
            // Move the smaller child up until a leaf, then sift the item there down.
            func siftUp(_ l: PyList, _ pos0: Int) throws(PyError) {
                var pos = pos0
                let end = l.items.count, start = pos
                guard pos < end else { throw rt.indexError("index out of range") }
                let limit = end >> 1
                while pos < limit {
                    var child = 2 * pos + 1
                    if child + 1 < end {
                        let leftSmaller = try less(l.items[child], l.items[child + 1])
                        if l.items.count != end { throw changedSize() }
                        if !leftSmaller { child += 1 }
                    }
                    l.items.swapAt(pos, child)
                    pos = child
                }
                try siftDown(l, start, pos)
            }
            rt.moduleFunction(m, "heappush") { rt, args throws(PyError) in
                try args.expect(rt, "heappush", 2, 2)
                let l = try heapList(args[0])
                l.items.append(args[1])
                try siftDown(l, 0, l.items.count - 1)
                return .none
            }
            rt.moduleFunction(m, "heappop") { rt, args throws(PyError) in
                try args.expect(rt, "heappop", 1, 1)
                let l = try heapList(args[0])
                guard let last = l.items.popLast() else { throw rt.indexError("index out of range") }
                if l.items.isEmpty { return last }
                let top = l.items[0]
                rt.hold(top)
                l.items[0] = last
                try siftUp(l, 0)
                return top
            }
            rt.moduleFunction(m, "heapreplace") { rt, args throws(PyError) in
                try args.expect(rt, "heapreplace", 2, 2)
                let l = try heapList(args[0])
                guard !l.items.isEmpty else { throw rt.indexError("index out of range") }
                let top = l.items[0]
                rt.hold(top)
                l.items[0] = args[1]
                try siftUp(l, 0)
                return top
            }
            rt.moduleFunction(m, "heappushpop") { rt, args throws(PyError) in
                try args.expect(rt, "heappushpop", 2, 2)
                let l = try heapList(args[0])
                var item = args[1]
                if !l.items.isEmpty, try less(l.items[0], item) {
                    // The comparison may have emptied the heap.
                    guard !l.items.isEmpty else { throw rt.indexError("index out of range") }
                    swap(&item, &l.items[0])
                    rt.hold(item)
                    try siftUp(l, 0)
                }
                return item
            }
            rt.moduleFunction(m, "heapify") { rt, args throws(PyError) in
                try args.expect(rt, "heapify", 1, 1)
                let l = try heapList(args[0])
                var i = l.items.count / 2 - 1
                while i >= 0 {
                    // A comparison may have shrunk the list (CPython: the same IndexError).
                    try siftUp(l, i)
                    i -= 1
                }
                return .none
            }
        }
    }
}
