/// Inline cache for `obj.name(...)` (LOAD_METHOD), CPython 3.11's
/// LOAD_METHOD_WITH_VALUES and LOAD_METHOD_NO_DICT in spirit.
///
/// The site's two entries each record a type, the attribute epoch at which the
/// method was found on it, and the method (a Python function or a native
/// instance method) as `value`. While the epoch is unchanged no class
/// namespace changed, so the type still resolves the name to that function;
/// what remains to check per call is the instance's own dict, whose entry of
/// that name would shadow the method. The function stays alive in the class
/// namespace the epoch vouches for, so the entry does not trace it.
extension Runtime {
    /// The method `obj.name` resolves to through the site's cache, or `.null`
    /// to take the general path.
    @inline(__always)
    func cachedMethod(_ cache: UnsafeMutablePointer<InlineCacheEntry>, _ obj: Value, _ name: Value) -> Value {
        guard obj.isObject else { return .null }
        unowned(unsafe) let o = obj.object
        let typeAddress = UInt64(UInt(bitPattern: unsafeBitCast(o.type, to: Int.self)))
        let epoch = o.type.attributeEpoch
        let method: Value
        if cache.pointee.key == typeAddress && cache.pointee.epoch == epoch {
            method = cache.pointee.value
        } else if cache[1].key == typeAddress && cache[1].epoch == epoch {
            method = cache[1].value
        } else {
            return .null
        }
        if o.instanceDict.isObject {
            let shadowed = o.instanceDict.withBorrowed(PyDict.self) { dict in
                name.withBorrowed(PyStr.self) { !dict.getStr($0).isNull }
            }
            if shadowed { return .null }
        }
        return method
    }

    /// After the general path found `method` for `obj.name` (`lookupMethod`'s
    /// answer): records it for `obj`'s type in the site's first entry, moving
    /// what that entry said of another type to the second.
    func fillMethodCache(_ cache: UnsafeMutablePointer<InlineCacheEntry>, _ obj: Value, _ name: PyStr, _ method: Value) {
        guard obj.isObject, name.isInterned, !method.isNull else { return }
        unowned(unsafe) let type = obj.object.type
        // lookupMethod answers only for these; a super object's receiver is another.
        let kind = type.instanceKind
        guard kind != .type, kind != .module, kind != .superObject, !type.definesGetattribute else { return }
        let typeAddress = UInt64(UInt(bitPattern: unsafeBitCast(type, to: Int.self)))
        refillFirstEntry(cache, InlineCacheEntry(key: typeAddress, epoch: type.attributeEpoch, value: method))
    }
}
