/// What tab completion found (MicroPython's `mp_repl_autocomplete`).
public enum REPLCompletion: Equatable, Sendable {
    /// Nothing to complete.
    case none
    /// One match (or the common prefix of several): the text to insert.
    case insert(String)
    /// Several matches: the listing the firmware prints before it shows the
    /// prompt and the line again (starts with a newline, 16-column slots).
    case listed(String)
}

extension Runtime {
    /// Completes the name (or `a.b.c` chain) that ends `text`, the REPL line up
    /// to the cursor, as the firmware does: names come from `__main__`'s
    /// globals (built-ins are not offered), attributes from the object the
    /// chain names, module names after `import `. Lookups never raise.
    public func replCompletion(_ text: String) -> REPLCompletion {
        let bytes = Array(text.utf8)
        var start = bytes.count
        while start > 0 {
            let c = bytes[start - 1]
            let ok = c == 0x5F || c == 0x2E || (0x30...0x39).contains(c) || (0x41...0x5A).contains(c) || (0x61...0x7A).contains(c)
            if !ok { break }
            start -= 1
        }
        var words = String(decoding: bytes[start...], as: UTF8.self).split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        let partial = words.removeLast()
        // The object whose names are candidates (nil: the built-in modules).
        var names: [String]
        if bytes.count >= 7 && text.hasPrefix("import ") {
            names = Array(Set((Array(nativeModules.keys) + Array(frozenModules.keys)).filter { !$0.contains(".") }))
        } else {
            var object: Value? = nil
            for w in words {
                let found: Value
                if let o = object {
                    guard let v = try? findAttribute(o, intern(w)), !v.isNull else { return .none }
                    found = v
                } else {
                    let v = mainDict.getStr(intern(w))
                    guard !v.isNull else { return .none }
                    found = v
                }
                object = found
            }
            if let o = object {
                guard let listed = try? call(builtins.getStr(intern("dir")), [o]), listed.isObject,
                      let list = listed.object as? PyList else { return .none }
                names = list.items.compactMap { ($0.isObject ? $0.object as? PyStr : nil)?.value }
            } else {
                names = mainDict.liveKeys.compactMap { ($0.isObject ? $0.object as? PyStr : nil)?.value }
            }
        }
        let matches = names.filter { $0.hasPrefix(partial) && !(partial.isEmpty && $0.hasPrefix("_")) }.sorted()
        guard let first = matches.first else {
            // The first word of a line may be the start of "import ".
            if words.isEmpty && start == 0 && !partial.isEmpty && "import ".hasPrefix(partial) && partial.count < 7 {
                return .insert(String("import ".dropFirst(partial.count)))
            }
            return .none
        }
        var common = Array(first.utf8)
        for m in matches.dropFirst() {
            let b = Array(m.utf8)
            var n = 0
            while n < common.count && n < b.count && common[n] == b[n] { n += 1 }
            common.removeSubrange(n...)
        }
        let p = partial.utf8.count
        if matches.count == 1 || common.count > p {
            return .insert(String(decoding: common[p...], as: UTF8.self))
        }
        // Several: 16-column slots, lines of at most 64 characters.
        var out = "", lineLength = 64
        for m in matches {
            var gap = (lineLength + 15) / 16 * 16 - lineLength
            if gap < 2 { gap += 16 }
            if lineLength + gap + m.utf8.count <= 64 {
                out += String(repeating: " ", count: gap) + m
                lineLength += gap + m.utf8.count
            } else {
                out += "\n" + m
                lineLength = m.utf8.count
            }
        }
        return .listed(out + "\n")
    }
}
