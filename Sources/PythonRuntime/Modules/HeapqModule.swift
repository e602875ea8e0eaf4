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
            // CPython's _siftdown: move the item at `pos` up towards `start`.
            func siftDown(_ l: PyList, _ start: Int, _ pos0: Int) throws(PyError) {
                var pos = pos0
                let item = l.items[pos]
                while pos > start {
                    let parentPos = (pos - 1) >> 1
                    let parent = l.items[parentPos]
                    if try less(item, parent) {
                        l.items[pos] = parent
                        pos = parentPos
                        continue
                    }
                    break
                }
                l.items[pos] = item
            }
            // CPython's _siftup: move the smaller child up until a leaf, then sift down.
            func siftUp(_ l: PyList, _ pos0: Int) throws(PyError) {
                var pos = pos0
                let end = l.items.count, start = pos
                let item = l.items[pos]
                var child = 2 * pos + 1
                while child < end {
                    let right = child + 1
                    if right < end, !(try less(l.items[child], l.items[right])) { child = right }
                    if l.items.count != end { throw rt.error(rt.types.RuntimeError, "list changed size during iteration") }
                    l.items[pos] = l.items[child]
                    pos = child
                    child = 2 * pos + 1
                }
                l.items[pos] = item
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
                l.items[0] = last
                try siftUp(l, 0)
                return top
            }
            rt.moduleFunction(m, "heapreplace") { rt, args throws(PyError) in
                try args.expect(rt, "heapreplace", 2, 2)
                let l = try heapList(args[0])
                guard !l.items.isEmpty else { throw rt.indexError("index out of range") }
                let top = l.items[0]
                l.items[0] = args[1]
                try siftUp(l, 0)
                return top
            }
            rt.moduleFunction(m, "heappushpop") { rt, args throws(PyError) in
                try args.expect(rt, "heappushpop", 2, 2)
                let l = try heapList(args[0])
                var item = args[1]
                if !l.items.isEmpty, try less(l.items[0], item) {
                    swap(&item, &l.items[0])
                    try siftUp(l, 0)
                }
                return item
            }
            rt.moduleFunction(m, "heapify") { rt, args throws(PyError) in
                try args.expect(rt, "heapify", 1, 1)
                let l = try heapList(args[0])
                var i = l.items.count / 2 - 1
                while i >= 0 { try siftUp(l, i); i -= 1 }
                return .none
            }
        }
    }
}
